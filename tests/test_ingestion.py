"""An ingest run (store/ingestion.py, store/bulk.py): known documents skipped, near-duplicate
copies folded into their first report and counted as its sources, batches written whole.
The coder is stood in for by one hand-built event per document (no model needed)."""
from __future__ import annotations

import csv
from datetime import date

import pytest

from _store_fixtures import address, entity, make_event, store  # noqa: F401
from communique.export import GDELT_COLUMNS, export
from communique.model import CodingError, Document
from communique.store.bulk import BatchWriter, Coded
from test_dedup import SAME_EVENT_OTHER_WRITER, STORY


def _hand_coder(documents, workers=1, all_modalities=False):
    for d in documents:
        if "FAIL" in d.text:
            yield d, CodingError(d.origin or d.id, "coding failed: ValueError: unreadable", d.id)
        else:
            yield d, [make_event(d.id, "042", [entity("NOR")], [entity("ISL", start=5)], d.published,
                                 text=d.text[:80])]


@pytest.fixture(autouse=True)
def hand_coder(monkeypatch):
    import communique.pipeline

    monkeypatch.setattr(communique.pipeline, "code_documents", _hand_coder)


def _doc(doc_id, text, source, day=4):
    return Document(id=doc_id, text=text, published=date(2024, 3, day), source=source,
                    url=f"https://{source.lower().replace(' ', '-')}.example/{doc_id}")


def _wire_day():
    """One story, three copies (another headline, the same text, trimmed) and another report."""
    return [
        _doc("first", STORY, "Harbour Wire"),
        _doc("other-writer", SAME_EVENT_OTHER_WRITER, "Atlas Report"),
        _doc("headline-copy", "Norway, Iceland end cod quarrel\n\n" + STORY, "Daily Coast", day=5),
        _doc("same-text", STORY, "Evening Post", day=5),
        _doc("trimmed-copy", "\n\n".join(STORY.split("\n\n")[:-1]), "Harbour Wire", day=6),
    ]


def test_copies_are_folded_recorded_and_counted_as_sources(store, tmp_path):
    report = store.ingest(_wire_day())
    assert (report.documents_added, report.events_added, report.errors) == (2, 2, 0)
    assert report.skipped == {"duplicate": 3} and report.documents_skipped == 0
    assert report.as_dict()["skipped"] == {"duplicate": 3}
    copies = store.select("SELECT id, original, similarity, source FROM document_copies ORDER BY id")
    assert [(c["id"], c["original"]) for c in copies] == [
        ("headline-copy", "first"), ("same-text", "first"), ("trimmed-copy", "first")]
    assert next(c for c in copies if c["id"] == "same-text")["similarity"] == 1.0
    counts = store.counts()
    assert counts["documents"] == 2 and counts["copies"] == 3 and counts["events"] == 2

    # The other writer's report is the same event (category, dyad, date): one group of five.
    [event] = store.events(doc="first")
    assert event["mentions"] == 5
    assert event["sources"] == ["first", "headline-copy", "other-writer", "same-text", "trimmed-copy"]

    out = tmp_path / "events.tsv"
    export(store, "gdelt", out)
    rows = list(csv.DictReader(open(out, encoding="utf-8"), delimiter="\t"))
    assert list(rows[0]) == list(GDELT_COLUMNS)
    # The two reports share category, dyad and date: one GDELT event, five articles from four outlets.
    [row] = rows
    assert (row["NumMentions"], row["NumArticles"], row["NumSources"]) == ("5", "5", "4")


def test_a_second_run_knows_the_copies_and_a_later_copy_is_folded(store):
    store.ingest(_wire_day())
    again = store.ingest(_wire_day())
    assert (again.documents_added, again.documents_skipped, again.skipped) == (0, 5, {})
    # The index is read back from the store: a copy arriving in a later run is folded.
    later = store.ingest([_doc("late-copy", STORY + "\n\nThis story has been corrected.", "Late Gazette", day=9)])
    assert later.skipped == {"duplicate": 1} and later.documents_added == 0
    assert store.select("SELECT original FROM document_copies WHERE id = 'late-copy'") == [{"original": "first"}]


def test_the_same_story_a_year_later_is_a_new_report(store):
    store.ingest([_doc("first", STORY, "Harbour Wire", day=4)])
    later = _doc("next-year", "Norway, Iceland: a year on\n\n" + STORY, "Harbour Wire")
    later.published = later.published.replace(year=2025)
    report = store.ingest([later, _doc("same-week", "Cod deal\n\n" + STORY, "Daily Coast", day=9)])
    assert report.documents_added == 1 and report.skipped == {"duplicate": 1}
    assert store.select("SELECT id, original FROM document_copies") == [{"id": "same-week", "original": "first"}]


def test_copies_of_a_report_that_fails_are_errors_and_retried(store):
    failing = STORY.replace("Thursday", "Thursday FAIL")
    report = store.ingest([_doc("first", failing, "Harbour Wire"), _doc("copy", failing, "Daily Coast")])
    assert (report.documents_added, report.errors, report.skipped) == (0, 2, {})
    assert {e["doc"] for e in store.errors()} == {"first", "copy"}
    assert store.counts()["copies"] == 0
    fixed = store.ingest([_doc("first", STORY, "Harbour Wire"), _doc("copy", STORY, "Daily Coast")])
    assert fixed.documents_added == 1 and fixed.skipped == {"duplicate": 1}
    assert store.errors() == []


def test_without_dedup_copies_are_coded_and_the_same_text_is_skipped(store):
    report = store.ingest(_wire_day(), dedup=False)
    assert (report.documents_added, report.documents_skipped, report.skipped) == (4, 1, {})
    assert store.counts()["copies"] == 0


def test_documents_are_written_in_batches_and_errors_go_on(store):
    docs = [Document(id=f"n{i}", text=f"Note {i} on talks.", published=date(2021, 1, 1 + i % 28)) for i in range(40)]
    docs.insert(13, Document(id="bad", text="FAIL here", origin="feed.jsonl:14"))
    docs.insert(20, CodingError("missing.txt", "cannot read: no such file"))
    flushed = []
    real = BatchWriter.flush

    def counting_flush(self):
        written = real(self)
        flushed.append(written.documents)
        return written

    BatchWriter.flush = counting_flush
    try:
        report = store.ingest(docs, batch_size=16)
    finally:
        BatchWriter.flush = real
    assert (report.documents_added, report.errors, report.documents_seen) == (40, 2, 41)
    assert [n for n in flushed if n] == [16, 16, 8]
    assert report.seconds_writing > 0 and report.seconds >= report.seconds_writing
    assert store.counts()["documents"] == 40


def test_a_batch_that_meets_another_writers_document_is_written_one_at_a_time(store):
    first, second = _wire_day()[:2]
    assert store.add_coded(first, next(_hand_coder([first]))[1])  # "another writer" stored it
    writer = BatchWriter(store)
    for document in (first, second):
        writer.add(Coded(document, next(_hand_coder([document]))[1]))
    written = writer.flush()
    assert (written.documents, written.already_stored) == (1, 1)
    assert store.counts()["documents"] == 2 and store.counts()["events"] == 2
