"""The orchestrator: one bad document never takes its batch down; documents the coder must not
take (too long, dated out of range) are refused with one error each, whoever built them."""
from __future__ import annotations

from datetime import date

from communique import pipeline
from communique.model import CodingError, Document

GOOD = "China accused Japan of violating the fishing agreement."


def test_a_document_the_parser_chokes_on_fails_alone(monkeypatch):
    from communique.nlp import load_model

    real = load_model()

    class Choking:
        """The real model, except that it raises on one text (as spaCy did on a lone surrogate)."""

        def pipe(self, texts, batch_size=64):
            texts = list(texts)
            if any("CHOKE" in t for t in texts):
                raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
            return real.pipe(texts, batch_size=batch_size)

        def __call__(self, text):
            if "CHOKE" in text:
                raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
            return real(text)

        def make_doc(self, text):
            return real.make_doc(text)

    monkeypatch.setattr("communique.nlp.load_model", lambda: Choking())
    docs = [Document(id=f"d{i}", text=GOOD if i != 3 else "CHOKE " + GOOD, published=date(2024, 3, 14),
                     origin=f"feed.jsonl:{i + 1}") for i in range(6)]
    results = list(pipeline.code_documents(docs))
    assert [d.id for d, _ in results] == [d.id for d in docs]
    failed = [r for _, r in results if isinstance(r, CodingError)]
    assert len(failed) == 1 and failed[0].origin == "feed.jsonl:4" and "UnicodeEncodeError" in failed[0].message
    assert all(r and r[0].event == "ACCUSE" for _, r in results if not isinstance(r, CodingError))


def test_lone_surrogates_built_in_code_are_coded_not_fatal():
    (document, events), = pipeline.code_documents(
        [Document(id="s", text="China accused \ud800 Japan of lying.", published=date(2024, 3, 14))])
    assert isinstance(events, list) and events[0].text == "China accused \ufffd Japan of lying."


def test_a_publication_date_out_of_range_is_refused_for_documents_built_in_code():
    # The HTTP API builds Documents itself; year 1 with "last week" overflowed the date arithmetic.
    results = list(pipeline.code_documents([
        Document(id="old", text="China accused Japan of lying last week.", published=date(1, 1, 1)),
        Document(id="new", text="China accused Japan of lying last week.", published=date(2024, 3, 14)),
    ]))
    assert isinstance(results[0][1], CodingError)
    assert results[0][1].message == "published date 0001-01-01 is outside the years 1900-2100"
    assert isinstance(results[1][1], list) and results[1][1]


def test_batches_are_bounded_in_characters():
    docs = [Document(id=str(i), text="x" * 40_000) for i in range(5)]
    assert [len(b) for b in pipeline._batches(docs, 64, max_chars=100_000)] == [2, 2, 1]
    assert [len(b) for b in pipeline._batches([Document(id="big", text="x" * 300_000)], 64, 100_000)] == [1]
