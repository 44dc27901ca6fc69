"""Bulk writes of coded documents: many documents, their events, entities, fingerprints and
copies in one transaction, each table in one bulk operation (DuckDB scans an Arrow table,
PostgreSQL takes a COPY).

A batch is one transaction, so a run killed at any point leaves whole documents (with all
their events) or nothing of them: the next run codes the rest. If another writer stored
one of the batch's documents first (a unique key fails), the batch is rolled back and its
documents are written one at a time with the store's checks.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional

from ..model import CodingError, Document, Event
from . import rows as R


COPY_COLUMNS = ("id", "original", "content_hash", "similarity", "published", "url", "title", "source",
                "origin", "added_at")
SIGNATURE_COLUMNS = ("doc", "published", "minhash", "names")

MAX_DOCUMENTS = 500
MAX_SECONDS = 2.0


@dataclass
class Copy:
    """A document folded as a copy of ``original`` (already stored or in the same batch)."""

    document: Document
    original: str
    similarity: float


@dataclass
class Coded:
    document: Document
    events: list[Event]
    fingerprint: Optional[tuple[bytes, str]] = None  # dedup.Fingerprint.to_row()
    copies: list[Copy] = field(default_factory=list)


@dataclass
class Written:
    documents: int = 0
    events: int = 0
    copies: int = 0
    already_stored: int = 0  # by another writer, found when falling back to one at a time
    seconds: float = 0.0
    refused: list = field(default_factory=list)  # CodingErrors: values the database refused


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def copy_row(copy: Copy, added_at: datetime) -> tuple:
    d = copy.document
    return (d.id, copy.original, d.content_hash, float(copy.similarity), d.published, d.url, d.title,
            d.source, d.origin, added_at)


class BatchWriter:
    """Collects coded documents and copies; ``flush`` writes them in one transaction.

    ``store`` is a ``core.Store`` (named in quotes only: core imports this module).
    """

    def __init__(self, store: "Store", max_documents: int = MAX_DOCUMENTS, max_seconds: float = MAX_SECONDS):
        self.store = store
        self.backend = store.backend
        self.max_documents = max_documents
        self.max_seconds = max_seconds
        self._coded: list[Coded] = []
        self._copies: list[Copy] = []  # copies of documents stored earlier
        self._since: Optional[float] = None
        self.total = Written()

    def __len__(self) -> int:
        return len(self._coded) + len(self._copies)

    def add(self, coded: Coded) -> None:
        self._coded.append(coded)
        self._since = self._since or time.perf_counter()

    def add_copy(self, copy: Copy) -> None:
        self._copies.append(copy)
        self._since = self._since or time.perf_counter()

    def due(self) -> bool:
        """Full, or holding documents for longer than ``max_seconds`` (so that a slow run
        still stores as it goes and a kill loses little work)."""
        if not self:
            return False
        return len(self) >= self.max_documents or time.perf_counter() - self._since >= self.max_seconds

    def flush(self) -> Written:
        coded, copies = self._coded, self._copies
        self._coded, self._copies, self._since = [], [], None
        if not coded and not copies:
            return Written()
        start = time.perf_counter()
        try:
            written = self._write_batch(coded, copies)
        except Exception as exc:
            self.store._raise_clearly(exc)  # a full disk: one clear line, what is stored stays
            # Another writer stored some of them, or the database refused a value of one
            # document: one at a time, so that the others go in.
            if not (self.backend.is_integrity_error(exc) or self.backend.is_data_error(exc)):
                raise
            written = self._write_one_at_a_time(coded, copies)
        written.seconds = time.perf_counter() - start
        for name in ("documents", "events", "copies", "already_stored"):
            setattr(self.total, name, getattr(self.total, name) + getattr(written, name))
        self.total.seconds += written.seconds
        return written

    def _write_batch(self, coded: list[Coded], copies: list[Copy]) -> Written:
        now = _now()
        documents, events, entities, signatures, copy_rows = [], [], [], [], []
        for item in coded:
            unique: dict[str, Event] = {}
            for event in item.events:
                unique.setdefault(event.id, event)
            documents.append(R.document_row(item.document, len(unique), now))
            for event_id, event in unique.items():
                events.append(R.event_row(event))
                entities.extend(R.entity_rows(event, event_id))
            if item.fingerprint is not None:
                signatures.append((item.document.id, item.document.published, *item.fingerprint))
            copy_rows.extend(copy_row(c, now) for c in item.copies)
        copy_rows.extend(copy_row(c, now) for c in copies)
        with self.backend.transaction():
            self.backend.insert_rows("documents", R.DOCUMENT_COLUMNS, documents)
            self.backend.insert_rows("events", R.EVENT_COLUMNS, events)
            self.backend.insert_rows("entities", R.ENTITY_COLUMNS, entities)
            self.backend.insert_rows("document_signatures", SIGNATURE_COLUMNS, signatures)
            self.backend.insert_rows("document_copies", COPY_COLUMNS, copy_rows)
            # Documents that failed in an earlier run and now went through are no errors.
            done = [row[0] for row in documents] + [row[0] for row in copy_rows]
            self.backend.execute("DELETE FROM errors WHERE doc = ANY(?)", (done,))
        return Written(documents=len(documents), events=len(events), copies=len(copy_rows))

    def _write_one_at_a_time(self, coded: list[Coded], copies: list[Copy]) -> Written:
        written = Written()
        for item in coded:
            try:
                added = self.store.add_coded(item.document, item.events)
            except Exception as exc:
                if not self.backend.is_data_error(exc):
                    raise
                error = CodingError(item.document.origin or item.document.id,
                                    f"cannot store: {' '.join(str(exc).split())[:200]}", item.document.id)
                self.store.record_error(error)
                written.refused.append(error)
                continue
            if added:
                written.documents += 1
                written.events += len({e.id for e in item.events})
                if item.fingerprint is not None:
                    self._insert_ignoring_conflicts("document_signatures", SIGNATURE_COLUMNS,
                                                    (item.document.id, item.document.published,
                                                     *item.fingerprint))
            else:
                written.already_stored += 1
            copies = item.copies + copies
        now = _now()
        for copy in copies:
            self._insert_ignoring_conflicts("document_copies", COPY_COLUMNS, copy_row(copy, now))
            written.copies += 1
        return written

    def _insert_ignoring_conflicts(self, table: str, columns: tuple[str, ...], row: tuple) -> None:
        with self.backend.transaction():
            self.backend.execute(R.insert_sql(table, columns, on_conflict=True), row)
