"""One ingest run: documents in, known ones skipped, copies folded, the rest coded and stored.

The steps every reader's documents pass through, in order:

1. **known**: a document whose id is already stored (as a coded document or as a copy) is
   skipped; the look-up is one query per chunk of documents, not one per document;
2. **near-duplicates** (``communique.dedup``): a document with the text of a stored or
   in-flight document, or whose fingerprint matches one published within two weeks of it,
   is a copy: it is recorded as a further source of that first report and not coded (the
   stored fingerprints are read for the weeks the run's documents fall in, as they come);
3. **coding**: ``pipeline.code_documents`` (in this process, worker processes, or Ray);
4. **writing**: ``bulk.BatchWriter``, many documents per transaction.

Resumable by document id: a run killed at any point has stored whole batches; the next
run skips them and codes the rest. A copy waits for its first report and is written in the
same transaction, so no copy points at a report that is not stored.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Union

from ..batching import chunked
from ..model import CodingError, Document
from .bulk import BatchWriter, Coded, Copy

if TYPE_CHECKING:
    from ..dedup import Fingerprint, NearDuplicateIndex

KNOWN_CHUNK = 256


@dataclass
class _InFlight:
    document: Document
    fingerprint: Optional["Fingerprint"]
    copies: list[Copy] = field(default_factory=list)


class IngestRun:
    """One run over ``store`` (a ``core.Store``) counting into ``report`` (a
    ``core.IngestReport``); both named in quotes only, as core imports this module."""

    def __init__(self, store: "Store", report: "IngestReport", dedup: bool = True,
                 progress: Optional[Callable[["IngestReport"], None]] = None,
                 writer: Optional[BatchWriter] = None):
        self.store = store
        self.backend = store.backend
        self.report = report
        self.dedup = dedup
        self.progress = progress
        self.writer = writer if writer is not None else BatchWriter(store)
        self.index: Optional["NearDuplicateIndex"] = None
        self.loaded_weeks: set[Optional[int]] = set()
        self.in_flight: dict[str, _InFlight] = {}
        self.in_flight_hashes: dict[str, str] = {}
        self.seconds_dedup = 0.0

    # -- the run ---------------------------------------------------------------------
    def run(self, documents: Iterable[Union[Document, CodingError]], workers: int = 1,
            all_modalities: bool = False, ray: Optional[str] = None) -> "IngestReport":
        from ..pipeline import code_documents

        start = time.perf_counter()
        engine = {"ray": ray} if ray is not None else {}
        try:
            for document, result in code_documents(self._screened(documents), workers=workers,
                                                   all_modalities=all_modalities, **engine):
                self._coded(document, result)
                if self.writer.due():
                    self._flush()
                self._tick()
            self._flush()
        finally:
            self.report.seconds = time.perf_counter() - start
            self.report.seconds_writing = self.writer.total.seconds
            self.report.seconds_dedup = self.seconds_dedup
        self._tick()
        return self.report

    def _tick(self) -> None:
        if self.progress:
            self.progress(self.report)

    def _flush(self) -> None:
        written = self.writer.flush()
        self.report.documents_added += written.documents
        self.report.events_added += written.events
        self.report.documents_skipped += written.already_stored
        for error in written.refused:  # recorded in the errors table by the writer
            self.report.errors += 1
            self.report.error_messages.append(str(error))

    def _error(self, error: CodingError, doc: Optional[str] = None) -> None:
        self.store.record_error(error, doc=doc)
        self.report.errors += 1
        self.report.error_messages.append(str(error))

    # -- steps 1 and 2: known documents and copies -----------------------------------
    def _screened(self, items: Iterable[Union[Document, CodingError]]) -> Iterator[Document]:
        for chunk in chunked(items, KNOWN_CHUNK):
            documents = [d for d in chunk if isinstance(d, Document)]
            known_ids, stored_hashes = self._known(documents)
            for item in chunk:
                if isinstance(item, CodingError):
                    self._error(item)
                    self._tick()
                    continue
                self.report.documents_seen += 1
                if item.id in known_ids or item.id in self.in_flight:
                    self.report.documents_skipped += 1
                    self._tick()
                    continue
                if not self.dedup and item.content_hash in stored_hashes:
                    self.report.documents_skipped += 1  # the same text under another id
                    self._tick()
                    continue
                fingerprint = self._fold(item, stored_hashes) if self.dedup else None
                if fingerprint is False:
                    self._tick()
                    continue
                self.in_flight[item.id] = _InFlight(item, fingerprint or None)
                self.in_flight_hashes[item.content_hash] = item.id
                if fingerprint:
                    self.index.add(item.id, fingerprint, item.published)
                yield item

    def _known(self, documents: list[Document]) -> tuple[set[str], dict[str, str]]:
        """Ids already stored (documents and copies), and the first report of each stored text."""
        if not documents:
            return set(), {}
        ids = [d.id for d in documents]
        hashes = [d.content_hash for d in documents]
        known: set[str] = set()
        stored_hashes: dict[str, str] = {}
        for doc_id, content_hash in self.backend.query(
                "SELECT id, content_hash FROM documents WHERE id = ANY(?) OR content_hash = ANY(?)", (ids, hashes)):
            known.add(doc_id)
            stored_hashes[content_hash] = doc_id
        for doc_id, original, content_hash in self.backend.query(
                "SELECT id, original, content_hash FROM document_copies WHERE id = ANY(?) OR content_hash = ANY(?)",
                (ids, hashes)):
            known.add(doc_id)
            stored_hashes.setdefault(content_hash, original)
        return known, stored_hashes

    def _fold(self, document: Document, stored_hashes: dict[str, str]):
        """Record ``document`` as a copy and return False, or return its fingerprint (None
        for a text too short to fold) when it is a first report."""
        from .. import dedup

        start = time.perf_counter()
        original = stored_hashes.get(document.content_hash) or self.in_flight_hashes.get(document.content_hash)
        similarity = 1.0
        fingerprint = None
        if original is None:
            fingerprint = dedup.fingerprint(document.text)
            if fingerprint is not None:
                self._load_around(document.published)
                match = self.index.find(fingerprint, document.published)
                if match is not None:
                    original, similarity = match.original, match.similarity
        self.seconds_dedup += time.perf_counter() - start
        if original is None:
            return fingerprint
        copy = Copy(document, original, similarity)
        if original in self.in_flight:
            self.in_flight[original].copies.append(copy)
        else:
            self.writer.add_copy(copy)
        self.report.skip("duplicate")
        return False

    def _load_around(self, published: Optional[date]) -> None:
        """Load the stored fingerprints of the weeks around ``published`` (once each): a copy
        is published within dedup.WINDOW_DAYS of its first report, so a run reads only the
        part of the archive its documents can copy. Undated documents are one more bucket."""
        from ..dedup import WINDOW_DAYS, Fingerprint, NearDuplicateIndex

        if self.index is None:
            self.index = NearDuplicateIndex()
        if published is None:
            buckets = [None]
        else:
            week = published.toordinal() // 7
            reach = WINDOW_DAYS // 7 + 1
            buckets = list(range(week - reach, week + reach + 1))
        for bucket in buckets:
            if bucket in self.loaded_weeks:
                continue
            self.loaded_weeks.add(bucket)
            if bucket is None:
                where, params = "published IS NULL", ()
            else:
                first = date.fromordinal(max(1, bucket * 7))
                where, params = "published >= ? AND published < ?", (first, first + timedelta(days=7))
            for row in self.backend.iterate(
                    f"SELECT doc, published, minhash, names FROM document_signatures WHERE {where}", params):
                self.index.add(row["doc"], Fingerprint.from_row(row["minhash"], row["names"]), row["published"])

    # -- steps 3 and 4: coded documents to the writer --------------------------------
    def _coded(self, document: Document, result) -> None:
        entry = self.in_flight.pop(document.id, None) or _InFlight(document, None)
        self.in_flight_hashes.pop(document.content_hash, None)
        if isinstance(result, CodingError):
            self._error(result, doc=document.id)
            if self.index is not None:
                self.index.remove(document.id)
            for copy in entry.copies:
                # The first report failed: its copies would fail the same way; a re-run retries both.
                self.report.unskip("duplicate")
                self._error(CodingError(copy.document.origin or copy.document.id,
                                        f"copy of {document.id}, which failed: {result.message}",
                                        copy.document.id))
            return
        fingerprint = entry.fingerprint.to_row() if entry.fingerprint is not None else None
        self.writer.add(Coded(document, result, fingerprint, entry.copies))
