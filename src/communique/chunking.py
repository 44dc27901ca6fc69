"""Long and odd documents made safe for the parser, and their events mapped back.

The coder's cost grows with the square of two things no news article has in quantity:

- *Runs of characters without a space* (a base64 blob, a string of flag emoji, a line of
  commas): spaCy's tokenizer splits affixes off such a run one character at a time, rescanning
  the rest each time. Runs of ``LONG_RUN_CHARS`` or more are masked with spaces of the same
  length before parsing (offsets stay right); the stored text and the evidence sentences keep
  the original characters.
- *Document length*: story context looks back over the events of the document. A document
  over ``CHUNK_CHARS`` characters is coded as consecutive chunks cut at paragraph breaks
  (else at a sentence end, else at a space); each event's character offsets and sentence
  index are shifted to count from the start of the whole document, so the records are the
  same as if it had been coded whole, except that story context does not cross a chunk
  boundary. ``CHUNK_CHARS`` is longer than nearly every news article, which are never cut.

- *Sentence length*: rules that relate each trigger or mention to the others of its sentence
  are quadratic in its length. Before parsing, a stretch of more than ``MAX_SENTENCE_TOKENS``
  tokens without a full stop (a list of thousands of names, a page of one-word paragraphs)
  gets sentence starts, which the parser keeps (``tokenized``); a sentence the parser still
  makes longer is parsed again with starts inside it (``bound_sentences``). Real sentences
  are far shorter, and never touched.

Documents over ``MAX_DOCUMENT_CHARS`` are refused with a clear error (``too_long``).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Optional

import numpy
from spacy.attrs import ORTH

from .model import Document, Event

LONG_RUN_CHARS = 200
CHUNK_CHARS = 30_000  # about 5,000 words; spaCy's own limit is 1,000,000
MAX_DOCUMENT_CHARS = 5_000_000  # about 800,000 words: a book, not an article
MAX_SENTENCE_TOKENS = 300

_LONG_RUN = re.compile(r"\S{%d,}" % LONG_RUN_CHARS)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


@dataclass
class Part:
    """One piece of a document as the coder sees it."""

    document: Document  # same id and dates as the whole; its text is the (masked) piece
    offset: int  # where the piece starts in the whole document's text
    masked: bool  # some run of the piece was masked for the parser


def too_long(document: Document) -> Optional[str]:
    """Why a document is too long to code, or None."""
    if len(document.text) > MAX_DOCUMENT_CHARS:
        return (f"document of {len(document.text):,} characters is over the {MAX_DOCUMENT_CHARS:,} "
                "this coder takes; split it into several documents")
    return None


def mask_long_runs(text: str) -> str:
    """``text`` with each run of ``LONG_RUN_CHARS`` or more non-space characters made spaces."""
    if len(text) < LONG_RUN_CHARS:
        return text
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text`` that cover it, each at most ``size`` long,
    cut after a paragraph break where one lies in the second half of the piece, else after a
    sentence end, else after a space, else (one endless word) at ``size``."""
    bounds = []
    start = 0
    while len(text) - start > size:
        window_start, window_end = start + size // 2, start + size
        cut = None
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END, _SPACE):
            ends = [m.end() for m in pattern.finditer(text, window_start, window_end)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def split_document(document: Document, size: Optional[int] = None) -> list[Part]:
    """The parts to parse and code: the document itself when it is short and clean."""
    size = size or CHUNK_CHARS
    readable = mask_long_runs(document.text)
    masked = readable != document.text
    if len(readable) <= size:
        whole = dataclasses.replace(document, text=readable) if masked else document
        return [Part(whole, 0, masked)]
    parts = []
    for number, (start, end) in enumerate(chunk_bounds(readable, size)):
        piece = readable[start:end]
        # The wire dateline belongs to the first paragraph (places use it for the lede only).
        sub = dataclasses.replace(document, text=piece,
                                  dateline_place=document.dateline_place if number == 0 else None)
        parts.append(Part(sub, start, piece != document.text[start:end]))
    return parts


def place_events(events: list[Event], part: Part, sdoc, original: str, sentences_before: int) -> None:
    """Make a part's events count from the start of the whole document: character offsets,
    sentence index, and the evidence sentence as the original text has it."""
    if part.masked:
        sentences = list(sdoc.sents)
        for event in events:
            if 0 <= event.sentence < len(sentences):
                # The sentence as parsed, less the spaces around it (masked runs at its edges
                # included), read from the original text: runs inside it come back as written.
                sent = sentences[event.sentence]
                parsed = part.document.text[sent.start_char:sent.end_char]
                start = part.offset + sent.start_char + len(parsed) - len(parsed.lstrip())
                end = part.offset + sent.start_char + len(parsed.rstrip())
                event.text = original[start:end]
    if part.offset == 0 and sentences_before == 0:
        return
    shifted: dict[int, object] = {}  # Entities are frozen; one object may sit in several events

    def moved(entity):
        if id(entity) not in shifted:
            shifted[id(entity)] = dataclasses.replace(entity, start=entity.start + part.offset,
                                                      end=entity.end + part.offset)
        return shifted[id(entity)]

    for event in events:
        event.sentence += sentences_before
        event.trigger = dataclasses.replace(event.trigger, start=event.trigger.start + part.offset,
                                            end=event.trigger.end + part.offset)
        event.actor = [moved(entity) for entity in event.actor]
        event.recipient = [moved(entity) for entity in event.recipient]


def tokenized(nlp, text: str, max_tokens: Optional[int] = None, body_start: int = 0):
    """``text`` as a spaCy Doc, not parsed yet, with sentence starts set in each stretch of more
    than ``max_tokens`` tokens that has no full stop (after a line break or punctuation where
    there is one). Parsing this Doc gives the same sentences as parsing the text wherever
    sentences end with a full stop within ``max_tokens`` tokens. ``body_start``: where a wire
    dateline ends ("MEXICO CITY, April 6 (Agency) --"); the lead sentence starts there, so the
    parser does not make the dateline's city the subject of the lead's verb."""
    max_tokens = max_tokens or MAX_SENTENCE_TOKENS
    doc = nlp.make_doc(text)
    if body_start > 0:
        first = next((t for t in doc if t.idx >= body_start and not t.is_space), None)
        if first is not None and first.i > 0:
            first.is_sent_start = True
            # The lead is one sentence up to its full stop: the parser cut "YEREVAN, Oct 12 -- Armenia and
            # Turkey agreed ..." after "Armenia" and after "and", and lost a party.
            for token in doc[first.i + 1:min(len(doc), first.i + max_tokens)]:
                if token.text in _FULL_STOPS or token.is_space and "\n" in token.text:
                    break
                token.is_sent_start = False
    if not _has_long_stretch(doc, max_tokens):
        return doc  # the usual case, told from one array without making a Token per word
    start = 0  # first token of the current stretch without a full stop
    for token in doc:
        if token.text in _FULL_STOPS:
            start = token.i + 1
        elif token.i - start >= max_tokens:
            window = range(start + max_tokens // 2, token.i + 1)
            cut = next((i for i in reversed(window) if _ends_a_stretch(doc[i - 1])), token.i)
            doc[cut].is_sent_start = True
            start = cut
    return doc


_FULL_STOPS = frozenset({".", "!", "?", "...", "…"})


def _has_long_stretch(doc, max_tokens: int) -> bool:
    """Does the document hold more than ``max_tokens`` tokens in a row without a full stop?"""
    if len(doc) <= max_tokens:
        return False
    stops = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), [doc.vocab.strings.add(s) for s in _FULL_STOPS]))
    bounds = numpy.concatenate(([-1], stops, [len(doc)]))
    return bool(numpy.max(numpy.diff(bounds)) > max_tokens)


def bound_sentences(nlp, sdoc, max_tokens: Optional[int] = None):
    """``sdoc``, or when one of its sentences is longer than ``max_tokens`` tokens, the same text
    parsed again with sentence starts set inside each such sentence (after a punctuation mark or
    a line break where there is one, else every ``max_tokens`` tokens). The parser keeps preset
    sentence starts, so no sentence of the result is longer."""
    max_tokens = max_tokens or MAX_SENTENCE_TOKENS
    long_sentences = [s for s in sdoc.sents if len(s) > max_tokens]
    if not long_sentences:
        return sdoc
    doc = nlp.make_doc(sdoc.text)
    by_offset = {token.idx: token.i for token in doc}
    for sent in long_sentences:
        start = sent.start
        while sent.end - start > max_tokens:
            window = range(start + max_tokens // 2, start + max_tokens)
            cut = next((i for i in reversed(window) if _ends_a_stretch(sdoc[i - 1])), start + max_tokens)
            index = by_offset.get(sdoc[cut].idx)
            if index is not None:
                doc[index].is_sent_start = True
            start = cut
    return nlp(doc)


def _ends_a_stretch(token) -> bool:
    return token.is_punct or "\n" in token.text_with_ws
