"""The orchestrator: one bad document never takes its batch down; documents too long to code
are refused with one error each, whoever built them; coding time grows linearly."""
from __future__ import annotations

from datetime import date

import pytest

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
            if any("CHOKE" in getattr(t, "text", t) for t in texts):
                raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
            return real.pipe(texts, batch_size=batch_size)

        def __call__(self, text):
            if "CHOKE" in getattr(text, "text", text):
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


def test_batches_are_bounded_in_characters():
    docs = [Document(id=str(i), text="x" * 40_000) for i in range(5)]
    assert [len(b) for b in pipeline._batches(docs, 64, max_chars=100_000)] == [2, 2, 1]
    assert [len(b) for b in pipeline._batches([Document(id="big", text="x" * 300_000)], 64, 100_000)] == [1]


# --- coding time grows linearly with the text ----------------------------------------------

DENSE = ("China accused Japan of violating the fishing agreement in Tokyo, Osaka and Kyoto.",
         "Ministers of India, Nepal, Bhutan and Bangladesh met in Kathmandu, Delhi and Dhaka.")


def _paragraphs(n: int) -> str:
    # Many places per sentence: the places stage asked spaCy for every entity of the document
    # once per event (quadratic: 8.4 times the time for 4 times the text, before the fix).
    return "\n\n".join(DENSE[i % 2] for i in range(n))


def _flags(n: int) -> str:
    # Flag emoji without spaces: spaCy's tokenizer splits such a run one character at a time
    # (quadratic). Random flags, so that its cache of words seen does not hide the cost.
    import random

    rng = random.Random()
    return "China accused Japan. " + "".join(chr(0x1F1E6 + rng.randrange(26)) for _ in range(2 * n))


def _one_sentence(n: int) -> str:
    # One "sentence" of thousands of names: rules relating each mention to the others of its sentence.
    return "China accused Japan. " + "China, Japan, " * n


def _cpu_seconds(text: str) -> float:
    import time

    document = Document(id="t", text=text, published=date(2024, 3, 14))
    start = time.process_time()
    pipeline.code_document(document)
    return time.process_time() - start


@pytest.mark.parametrize("make, n", [(_paragraphs, 250), (_flags, 500), (_one_sentence, 400)],
                         ids=["paragraphs", "flag-emoji", "one-long-sentence"])
def test_coding_time_grows_linearly(make, n):
    """4 times the text takes at most 5 times the CPU time of this process (best of two runs
    each; 50 ms of slack for the timer on texts that cost next to nothing)."""
    _cpu_seconds(DENSE[0])  # the model and tables are loaded once, outside the measure
    small = min(_cpu_seconds(make(n)) for _ in range(2))
    large = min(_cpu_seconds(make(4 * n)) for _ in range(2))
    assert large <= 5 * small + 0.05, f"{n}: {small:.2f} s, {4 * n}: {large:.2f} s ({large / small:.1f}x)"
