"""Marking up text for the pages: the article with its actor/trigger spans, and the evidence
sentence with its trigger in bold.

Spans come from the event records' character offsets into the document text. Spans of
different events overlap (one actor acts in several events), so the text is cut at every
span boundary and each piece carries the kinds and the events that cover it; the page's
script then lights up the pieces of the event a reader clicks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from markupsafe import Markup, escape

KINDS = ("trigger", "actor", "recipient")  # later kinds win the colour when spans overlap


@dataclass
class Segment:
    text: str
    kinds: set[str] = field(default_factory=set)
    events: list[str] = field(default_factory=list)

    def html(self) -> Markup:
        if not self.kinds:
            return escape(self.text)
        classes = " ".join(["hl"] + [f"hl-{k}" for k in KINDS if k in self.kinds])
        return Markup('<span class="{}" data-events="{}">{}</span>').format(
            classes, " ".join(self.events), self.text)


def event_spans(record: dict) -> Iterable[tuple[int, int, str]]:
    """(start, end, kind) of the trigger and each actor and recipient entity of one event."""
    trigger = record.get("trigger") or {}
    if trigger:
        yield trigger.get("start"), trigger.get("end"), "trigger"
    for kind in ("actor", "recipient"):
        for entity in record.get(kind) or ():
            yield entity.get("start"), entity.get("end"), kind


def segments(text: str, events: list[dict]) -> tuple[list[Segment], int]:
    """Cut ``text`` into segments; also return how many spans were dropped as out of range."""
    spans: list[tuple[int, int, str, str]] = []
    dropped = 0
    for record in events:
        for start, end, kind in event_spans(record):
            if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
                dropped += 1
                continue
            spans.append((start, end, kind, str(record.get("id"))))
    cuts = sorted({0, len(text)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    pieces: list[Segment] = []
    for left, right in zip(cuts, cuts[1:]):
        piece = Segment(text[left:right])
        for start, end, kind, event_id in spans:
            if start <= left and right <= end:
                piece.kinds.add(kind)
                if event_id not in piece.events:
                    piece.events.append(event_id)
        pieces.append(piece)
    return pieces, dropped


def highlighted(text: str, events: list[dict]) -> Markup:
    pieces, _ = segments(text, events)
    return Markup("").join(p.html() for p in pieces)


def evidence(record: dict) -> Markup:
    """The evidence sentence with the trigger words in bold.

    The record gives the trigger's offsets in the document, not in the sentence, so the
    trigger is found by its words: the first exact match, else the first match ignoring case.
    """
    sentence = record.get("text") or ""
    trigger = ((record.get("trigger") or {}).get("text") or "").strip()
    at = sentence.find(trigger) if trigger else -1
    if trigger and at < 0:
        at = sentence.lower().find(trigger.lower())
    if at < 0:
        return escape(sentence)
    end = at + len(trigger)
    return Markup("{}<b>{}</b>{}").format(sentence[:at], sentence[at:end], sentence[end:])
