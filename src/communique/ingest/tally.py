"""What a run did with its inputs: records skipped (and why), documents coded, errors.

A reader yields a ``Skipped`` for a record that is readable but not to be coded: a WARC
request or metadata record, an image, a page that is no story, an article in another
language. ``Tally`` counts them by reason beside the documents coded and the errors, for
progress bars, summaries and the watcher's per-feed state. "duplicate" is one more reason:
the store fills it for documents it already holds, and near-duplicate folding adds to it.
"""
from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Optional

# The reasons, in the order summaries list them.
DUPLICATE = "duplicate"
NON_ENGLISH = "non-English"
NOT_NEWS = "not news"
NOT_HTML = "not HTML"
HTTP_STATUS = "HTTP status"
NOT_RESPONSE = "not a response"
REASONS = (DUPLICATE, NON_ENGLISH, NOT_NEWS, NOT_HTML, HTTP_STATUS, NOT_RESPONSE)
# The three a progress bar shows by name; the others are record kinds a crawl always holds.
MAIN_REASONS = (DUPLICATE, NON_ENGLISH, NOT_NEWS)
KEEP_LISTED = 1000  # skipped records listed in a summary (all are counted)


@dataclass
class Skipped:
    """A record read but not coded: ``reason`` is one of ``REASONS``, ``detail`` says more
    (the language "fr", the content type "image/png", the status "404")."""

    origin: str
    reason: str
    detail: str = ""
    url: Optional[str] = None

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.origin}: skipped, {self.reason}{detail}"

    def as_dict(self) -> dict:
        return {"origin": self.origin, "reason": self.reason, "detail": self.detail, "url": self.url}


@dataclass
class Tally:
    """Running counts of one run. ``records`` counts every input item (document, skip, error)."""

    records: int = 0
    documents: int = 0  # documents handed to the coder or found already stored
    coded: int = 0  # documents coded and stored (or written) in this run
    events: int = 0
    errors: int = 0
    skipped: Counter = field(default_factory=Counter)
    copies: int = 0  # of the "duplicate" skips: near-duplicate copies folded into their first report
    languages: Counter = field(default_factory=Counter)
    skipped_items: list[Skipped] = field(default_factory=list)
    error_messages: list[str] = field(default_factory=list)
    # The latest messages, however many errors came before: what a progress display prints
    # (error_messages keeps the first ones only).
    recent_errors: deque = field(default_factory=lambda: deque(maxlen=KEEP_LISTED), repr=False)

    def skip(self, item: Skipped) -> None:
        self.records += 1
        self.skipped[item.reason] += 1
        if item.reason == NON_ENGLISH and item.detail:
            self.languages[item.detail] += 1
        if len(self.skipped_items) < KEEP_LISTED:
            self.skipped_items.append(item)

    def error(self, message: str) -> None:
        self.errors += 1
        self.recent_errors.append(message)
        if len(self.error_messages) < KEEP_LISTED:
            self.error_messages.append(message)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def skipped_line(self) -> str:
        """'3 duplicate, 2 non-English (fr 1, de 1), 1 not news' in the order of REASONS."""
        parts = []
        for reason in sorted(self.skipped, key=lambda r: REASONS.index(r) if r in REASONS else len(REASONS)):
            part = f"{self.skipped[reason]} {reason}"
            if reason == NON_ENGLISH and self.languages:
                part += " (" + ", ".join(f"{lang} {n}" for lang, n in self.languages.most_common()) + ")"
            parts.append(part)
        return ", ".join(parts) or "none"

    def as_dict(self) -> dict:
        return {"records": self.records, "documents": self.documents, "coded": self.coded,
                "events": self.events, "errors": self.errors, "copies": self.copies,
                "skipped": {r: self.skipped[r] for r in REASONS if self.skipped[r]}
                | {r: n for r, n in self.skipped.items() if r not in REASONS},
                "languages": dict(self.languages.most_common()),
                "skipped_records": [s.as_dict() for s in self.skipped_items],
                "error_messages": list(self.error_messages)}
