"""The reader pool (store.readers) and the served store (store.service): reads on several
connections at once, while the one writer writes."""
from __future__ import annotations

import threading
import time

import pytest

from _store_fixtures import address, corpus, load_corpus, store  # noqa: F401
from communique.store.readers import ReaderPool
from communique.store.service import StoreService


def test_readers_are_separate_connections_that_see_every_commit(store):
    pool = ReaderPool(store, size=2)
    try:
        with pool.reader() as one, pool.reader() as two:
            assert one is not two and one.backend.con is not two.backend.con
            assert one.backend.con is not store.backend.con
            assert one.count_events() == 0
            load_corpus(store)
            assert one.count_events() == two.count_events() == 6
    finally:
        pool.close()


def test_a_full_pool_makes_the_next_reader_wait(store):
    pool = ReaderPool(store, size=1)
    got = []

    def take():
        with pool.reader() as reader:
            got.append(reader)

    try:
        with pool.reader() as only:
            waiter = threading.Thread(target=take)
            waiter.start()
            time.sleep(0.2)
            assert got == []  # still waiting for the one reader
        waiter.join(5)
        assert got == [only]  # the same connection, handed on
    finally:
        pool.close()


def test_reads_run_at_the_same_time_on_different_connections(store):
    """Four threads each hold a reader inside a query-sized window; with one shared
    connection (the old lock) they would take turns."""
    load_corpus(store)
    service = StoreService(store, readers=4)
    inside, most = [0], [0]
    guard = threading.Lock()

    def read():
        def job(reader):
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            reader.count_events()
            time.sleep(0.3)
            with guard:
                inside[0] -= 1
        service.read(job)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    service.close()
    assert most[0] == 4


def test_the_service_reads_on_readers_and_writes_through_its_writer(store):
    service = StoreService(store, readers=2)
    try:
        document, events = corpus()[0]
        assert service.add_coded(document, events)  # ran on the writer thread
        assert service.writer._thread is not None and service.writer._thread.name == "communique-store-writer"
        assert service.count_events() == 1 and service.events(limit=1)[0]["doc"] == document.id
        assert service.location == store.location
        with pytest.raises(AttributeError):
            service.no_such_method
    finally:
        service.close()
