"""The store version (store.versioning): kept in the store, moved by every write, on both backends."""
from __future__ import annotations

import threading

from _store_fixtures import address, corpus, store  # noqa: F401
from communique.model import CodingError
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
    """Two connections writing at once (PostgreSQL: two processes' worth) never lose a step."""
    stores = [open_store(address), open_store(address)] if address.startswith("postgres") else None
    if stores is None:  # one DuckDB file: one writer connection, from two threads in turn
        shared = open_store(address)
        stores = [shared, shared]
    lock = threading.Lock()
    start = stores[0].version()
    items = corpus()

    def write(store, part):
        for document, events in part:
            if stores[0] is stores[1]:
                with lock:
                    store.add_coded(document, events)
            else:
                store.add_coded(document, events)

    threads = [threading.Thread(target=write, args=(stores[0], items[:3])),
               threading.Thread(target=write, args=(stores[1], items[3:]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert stores[0].version() == start + len(items)
    finally:
        for s in {id(s): s for s in stores}.values():
            s.close()
