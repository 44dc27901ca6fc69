"""The one writer of a served store (store.writer): jobs in order, errors handed back."""
from __future__ import annotations

import threading

import pytest

from _store_fixtures import address, corpus, store  # noqa: F401
from communique.model import CodingError, Document
from communique.store.writer import StoreWriter


def test_jobs_run_in_order_on_one_thread(store):
    writer = StoreWriter(store)
    seen = []
    futures = [writer.call(lambda s, i=i: seen.append((i, threading.current_thread().name)) or i)
               for i in range(5)]
    assert [f.result(10) for f in futures] == list(range(5))
    writer.close()
    assert [i for i, _ in seen] == list(range(5))
    assert {name for _, name in seen} == {"communique-store-writer"}


def test_a_failing_job_hands_its_error_back_and_the_writer_goes_on(store):
    writer = StoreWriter(store)
    failed = writer.call(lambda s: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failed.result(10)
    document, events = corpus()[0]
    assert writer.call(lambda s: s.add_coded(document, events)).result(10) is True
    writer.close()
    assert store.count_events() == 1


def test_submit_ingests_errors_and_documents_with_a_report(store, monkeypatch):
    """What a feed watcher hands over: documents (and read errors); coded on the writer's thread."""
    import communique.pipeline as pipeline

    def fake_code_documents(documents, workers=1, all_modalities=False):
        for d in documents:
            yield d, ([] if "fine" in d.text else CodingError(d.id, "coding failed: ValueError: odd", d.id))

    monkeypatch.setattr(pipeline, "code_documents", fake_code_documents)
    writer = StoreWriter(store)
    before = store.version()
    report = writer.submit([Document(id="a", text="fine words"), CodingError("feed.xml:3", "no text"),
                            Document(id="b", text="odd words")]).result(10)
    writer.close()
    assert (report.documents_added, report.errors) == (1, 2)
    assert store.counts()["documents"] == 1 and len(store.errors()) == 2
    assert store.version() > before


def test_a_closed_writer_takes_no_more_jobs(store):
    writer = StoreWriter(store)
    writer.call(lambda s: None).result(10)
    writer.close()
    with pytest.raises(RuntimeError, match="closed"):
        writer.call(lambda s: None)
