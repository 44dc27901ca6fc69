"""The store version (store.versioning): kept in the store, moved by every write, on both backends."""
from __future__ import annotations

import threading

from _store_fixtures import address, corpus, store  # noqa: F401
from communique.model import CodingError, Document
from communique.store import open_store


def test_every_write_moves_the_version_and_reads_do_not(store):
    start = store.version()
    document, events = corpus()[0]
    assert store.add_coded(document, events)
    after_add = store.version()
    assert after_add > start
    store.events(limit=5)
    store.counts()
    assert store.version() == after_add  # reading changes nothing
    store.record_error(CodingError("feed.jsonl:9", "coding failed: bad"))
    assert store.version() > after_add


def test_the_version_lives_in_the_store(address):
    first = open_store(address)
    document, events = corpus()[1]
    first.add_coded(document, events)
    seen = first.version()
    first.close()
    again = open_store(address)
    try:
        assert again.version() == seen  # a cache keyed on it survives a restart of the reader
    finally:
        again.close()


def test_a_reader_connection_sees_the_writers_version_and_counter(store):
    reader = store.reader()
    try:
        before, counted = reader.version(), reader.backend.write_counter.value
        for document, events in corpus()[:2]:
            store.add_coded(document, events)
        assert reader.version() == before + 2
        assert reader.backend.write_counter.value == counted + 2
        assert reader.count_events() == store.count_events()
    finally:
        reader.close()


def test_concurrent_writers_each_move_the_version(address):
    """Two connections writing at once (a feed watcher's beside the server's writer in one
    process on DuckDB; two processes on PostgreSQL) never fail on the version nor lose a step."""
    stores = [open_store(address), open_store(address)]
    start = stores[0].version()
    failures = []

    def write(store, side):
        try:
            for i in range(25):
                store.add_coded(Document(id=f"{side}-{i}", text=f"Officials of side {side} met, round {i}."), [])
        except Exception as exc:  # a write-write conflict on the version row
            failures.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=write, args=(store, side)) for store, side in zip(stores, "ab")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert failures == []
        assert stores[0].counts()["documents"] == 50
        assert stores[0].version() == start + 50
    finally:
        for store in stores:
            store.close()
