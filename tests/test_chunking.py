"""Long and odd documents: masking runs without spaces, chunks cut at paragraphs with offsets
and sentence numbers counted from the start of the whole document, sentences bounded."""
from __future__ import annotations

from datetime import date

import pytest

from communique import chunking
from communique.chunking import chunk_bounds, mask_long_runs, split_document
from communique.model import Document
from communique.pipeline import code_document, code_documents

PARAGRAPHS = [
    "China accused Japan of violating the fishing agreement on Tuesday.",
    "Japanese Foreign Minister Yoko Kamikawa met her Chinese counterpart Wang Yi in Beijing on Monday.",
    "Russian troops shelled the Ukrainian city of Kharkiv, officials said.",
    "India and Pakistan agreed to reopen the border crossing at Wagah.",
]


def _article(n: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(n))


def test_chunks_cover_the_text_and_are_cut_after_paragraph_breaks():
    text = _article(40)
    bounds = chunk_bounds(text, 500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(end - start <= 500 for start, end in bounds)
    assert all(text[end - 2:end] == "\n\n" for _, end in bounds[:-1])


def test_an_endless_word_is_cut_at_the_chunk_size():
    assert chunk_bounds("x" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_long_runs_without_spaces_are_masked_with_spaces_of_the_same_length():
    blob = "\U0001F1EF\U0001F1F5" * 300
    text = f"China accused Japan. {blob} Japan denied it."
    masked = mask_long_runs(text)
    assert masked == "China accused Japan. " + " " * len(blob) + " Japan denied it."
    assert mask_long_runs("a normal sentence, with https://example.org/a/short/link") == \
        "a normal sentence, with https://example.org/a/short/link"


def test_a_document_coded_in_chunks_gives_the_events_of_the_whole(monkeypatch):
    """Self-contained paragraphs: cut into chunks, the events (offsets, sentence numbers,
    evidence) are those of the whole document."""
    text = _article(12)
    document = Document(id="long", text=text, published=date(2024, 3, 14))
    whole = [e.to_record() for e in code_document(document)]
    monkeypatch.setattr(chunking, "CHUNK_CHARS", 400)
    parts = split_document(document, 400)
    assert len(parts) >= 3
    chunked = [e.to_record() for e in code_document(document)]
    assert len(chunked) >= len(PARAGRAPHS) * 2
    for record in chunked:
        assert text[record["trigger"]["start"]:record["trigger"]["end"]] == record["trigger"]["text"]
        for entity in record["actor"] + record["recipient"]:
            assert text[entity["start"]:entity["end"]] == entity["text"]
    key = lambda r: (r["sentence"], r["trigger"]["start"], r["event"], r["text"],  # noqa: E731
                     tuple(e["start"] for e in r["actor"]), tuple(e["start"] for e in r["recipient"]))
    assert {key(r) for r in chunked} <= {key(r) for r in whole}
    assert len({key(r) for r in chunked}) >= 0.9 * len({key(r) for r in whole})


def test_a_document_over_spacys_limit_is_coded_in_chunks_not_refused():
    # spaCy refuses texts over 1,000,000 characters (E088): before chunking, the whole batch failed.
    filler = ("z" * 250 + " ") * 4000  # runs masked for the parser: cheap to parse
    text = PARAGRAPHS[0] + "\n\n" + filler + "\n\n" + PARAGRAPHS[3]
    assert len(text) > 1_000_000
    results = list(code_documents([Document(id="huge", text=text, published=date(2024, 3, 14)),
                                   Document(id="small", text=PARAGRAPHS[2], published=date(2024, 3, 14))]))
    huge, small = results[0][1], results[1][1]
    assert isinstance(huge, list) and isinstance(small, list)
    assert {e.event for e in huge} >= {"ACCUSE", "AGREE"}
    late = [e for e in huge if e.event == "AGREE"][0]
    assert late.trigger.start > 1_000_000 and text[late.trigger.start:late.trigger.end] == late.trigger.text
    assert late.text == PARAGRAPHS[3]


def test_the_evidence_sentence_keeps_the_original_characters_of_a_masked_run():
    blob = "#" * 300
    text = f"China accused Japan of lying {blob} on Tuesday."
    events = code_document(Document(id="m", text=text, published=date(2024, 3, 14)))
    assert events and events[0].text == text


def test_documents_over_the_cap_are_refused_with_a_clear_error(monkeypatch):
    monkeypatch.setattr(chunking, "MAX_DOCUMENT_CHARS", 100)
    (_, result), = code_documents([Document(id="big", text="word " * 50, origin="feed.jsonl:3")])
    assert result.origin == "feed.jsonl:3"
    assert "250 characters is over the 100" in result.message


@pytest.mark.parametrize("text", ["China, Japan, " * 300, "China met Japan and " * 300,
                                  "China, Japan,\n\n" * 300])
def test_no_sentence_is_longer_than_the_bound(text):
    from communique.nlp import load_model

    nlp = load_model()
    bounded = chunking.bound_sentences(nlp, nlp(text), max_tokens=120)
    assert bounded.text == text
    assert max(len(s) for s in bounded.sents) <= 120


def test_the_lead_sentence_starts_where_the_wire_dateline_ends():
    from communique.nlp import load_model

    nlp = load_model()
    text = "LIMA, May 2 (Wire) -- Peruvian police raided the offices of a mining firm on Friday."
    body_start = text.index("Peruvian")
    doc = nlp(chunking.tokenized(nlp, text, body_start=body_start))
    lead = next(s for s in doc.sents if s.start_char <= body_start < s.end_char)
    assert lead.start_char == body_start  # the dateline's city cannot be the subject of "raided"
    assert not any(t.dep_ == "nsubj" and t.idx < body_start for t in doc if t.head.text == "raided")
