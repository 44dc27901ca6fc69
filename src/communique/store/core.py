"""The event store: documents, their coded events and entities, and the errors of a run.

Ingest is idempotent and resumable: a document is known by its content hash and its id;
documents are written with all their events in batches, one transaction each
(``bulk.py``), so a run killed at any point leaves only whole documents behind, and the
next run codes the rest. The steps of an ingest run (known documents, near-duplicate
copies, coding, writing) are in ``ingestion.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Optional, Union

from ..model import CodingError, Document, Event
from . import rows as R
from .backends import Backend, StoreError
from .filters import NON_STATE_CODES, NON_STATE_SQL, make_filter, source_sql
from .schema import migrate
from .versioning import READ_SQL


@dataclass
class IngestReport:
    documents_seen: int = 0
    documents_added: int = 0
    documents_skipped: int = 0  # already stored
    events_added: int = 0
    errors: int = 0
    error_messages: list[str] = field(default_factory=list)
    # Documents not coded for a reason other than being stored already: "duplicate" (a copy
    # of a stored or earlier report, recorded as its further source), ...
    skipped: dict[str, int] = field(default_factory=dict)
    documents_total: Optional[int] = None  # when the input's length is known (for an ETA)
    seconds: float = 0.0
    seconds_writing: float = 0.0  # inside the store's batch transactions
    seconds_dedup: float = 0.0  # fingerprints, look-ups and loading the index

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def unskip(self, reason: str) -> None:
        self.skipped[reason] -= 1
        if not self.skipped[reason]:
            del self.skipped[reason]

    @property
    def documents_done(self) -> int:
        """Documents read and settled: added, skipped for any reason, or failed."""
        return self.documents_added + self.documents_skipped + sum(self.skipped.values()) + self.errors

    def as_dict(self) -> dict:
        out = {k: getattr(self, k) for k in
               ("documents_seen", "documents_added", "documents_skipped", "events_added", "errors")}
        out["skipped"] = dict(self.skipped)
        return out


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


class Store:
    def __init__(self, backend: Backend, migrate_schema: bool = True):
        self.backend = backend
        if migrate_schema:
            migrate(backend)
        backend.counts_writes = True  # store_state exists from here on (schema step 4)

    def reader(self) -> "Store":
        """The same store on a connection of its own, for reading from another thread."""
        return Store(self.backend.reader(), migrate_schema=False)

    def version(self) -> int:
        """The store version: it moves with every write, here or in another process."""
        return int(self.backend.query(READ_SQL)[0][0])

    # -- context manager -------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    @property
    def location(self) -> str:
        return self.backend.location

    # -- writing ---------------------------------------------------------------------
    def is_stored(self, document: Document) -> bool:
        rows = self.backend.query("SELECT 1 FROM documents WHERE content_hash = ? OR id = ? LIMIT 1",
                                  (document.content_hash, document.id))
        return bool(rows)

    def _id_clash(self, document: Document) -> Optional[str]:
        rows = self.backend.query("SELECT content_hash FROM documents WHERE id = ?", (document.id,))
        if rows and rows[0][0] != document.content_hash:
            return rows[0][0]
        return None

    def add_coded(self, document: Document, events: Union[list[Event], CodingError]) -> bool:
        """Store one coded document with its events in one transaction.

        Returns True if it was added; False if it was already stored or failed (a
        CodingError is recorded in the errors table instead).
        """
        if isinstance(events, CodingError):
            self.record_error(events, doc=document.id)
            return False
        clash = self._id_clash(document)
        if clash:
            self.record_error(CodingError(
                document.origin or document.id,
                f"document id {document.id!r} is already stored with a different text "
                f"(content hash {clash[:12]}); give it another id", document.id))
            return False
        unique: dict[str, Event] = {}
        for event in events:
            unique.setdefault(event.id, event)
        try:
            with self.backend.transaction():
                if self.is_stored(document):
                    return False
                self.backend.execute(R.insert_sql("documents", R.DOCUMENT_COLUMNS),
                                     R.document_row(document, len(unique), _now()))
                # Event ids include the document id, and the document is new: no conflict
                # is possible, and ON CONFLICT would triple DuckDB's insert time.
                self._insert_rows("events", R.EVENT_COLUMNS, [R.event_row(e) for e in unique.values()])
                self._insert_rows("entities", R.ENTITY_COLUMNS,
                                  [row for eid, e in unique.items() for row in R.entity_rows(e, eid)])
                # A document that failed in an earlier run and now went through is no error.
                self.backend.execute("DELETE FROM errors WHERE doc = ?", (document.id,))
        except Exception as exc:
            # Another writer stored the same document between our check and our insert.
            if self.backend.is_integrity_error(exc) and self.is_stored(document):
                return False
            self._raise_clearly(exc)
            raise
        return True

    def _raise_clearly(self, exc: BaseException) -> None:
        """A StoreError with one clear line, for failures the user must fix (a full disk)."""
        problem = self.backend.describe_failure(exc)
        if problem:
            raise StoreError(problem) from None

    def _insert_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple],
                     on_conflict: bool = False, chunk: int = 200) -> None:
        for i in range(0, len(rows), chunk):
            part = rows[i:i + chunk]
            self.backend.execute(R.insert_sql(table, columns, on_conflict, rows=len(part)),
                                 [value for row in part for value in row])

    def record_error(self, error: CodingError, doc: Optional[str] = None) -> None:
        """Keep one row per failing document (or input origin): a re-run replaces it."""
        doc = error.doc or doc
        try:
            with self.backend.transaction():
                if doc:
                    self.backend.execute("DELETE FROM errors WHERE doc = ?", (doc,))
                else:
                    self.backend.execute("DELETE FROM errors WHERE origin = ? AND doc IS NULL", (error.origin,))
                self.backend.execute("INSERT INTO errors (origin, doc, message, recorded_at) VALUES (?, ?, ?, ?)",
                                     (error.origin, doc, error.message, _now()))
        except Exception as exc:
            self._raise_clearly(exc)
            raise

    def ingest(self, documents: Iterable[Union[Document, CodingError]], workers: int = 1,
               progress: Optional[Callable[[IngestReport], None]] = None,
               all_modalities: bool = False, ray: Optional[str] = None,
               dedup: bool = True, batch_size: Optional[int] = None) -> IngestReport:
        """Code and store documents, skipping those already stored; errors are recorded, not raised.

        ``documents`` may hold CodingErrors (as communique.ingest.read_documents yields them).
        ``progress`` is called with the running report after each document. With ``dedup``
        (the default) near-duplicate copies are folded into their first report (see
        ``store/ingestion.py``). ``ray``: code on Ray ("local", or a cluster address).
        Documents are written in batches of up to ``batch_size`` (default 500) per transaction,
        and at least every two seconds (``store/bulk.py``).
        """
        from .ingestion import IngestRun
        from .bulk import MAX_DOCUMENTS, BatchWriter

        report = IngestReport(documents_total=len(documents) if hasattr(documents, "__len__") else None)
        writer = BatchWriter(self, max_documents=batch_size or MAX_DOCUMENTS)
        return IngestRun(self, report, dedup=dedup, progress=progress, writer=writer).run(
            documents, workers=workers, all_modalities=all_modalities, ray=ray)

    # -- reading ---------------------------------------------------------------------
    def select(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        """Run a read query (SQL with ? placeholders) and return rows as dicts."""
        return self.backend.query_dicts(sql, list(params))

    def source(self, dedup: bool = False, **filters: Any) -> tuple[str, list[Any]]:
        """A subquery of the events passing the filters (one per group with dedup)."""
        return source_sql(make_filter(**filters), dedup)

    def counts(self) -> dict:
        row = self.backend.query(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM errors), "
            f"(SELECT count(DISTINCT CASE WHEN code IN {NON_STATE_SQL} THEN name ELSE code END)"
            " FROM entities WHERE code IS NOT NULL), "
            "(SELECT count(DISTINCT dedup_key) FROM events), "
            "(SELECT count(*) FROM document_copies)")[0]
        return {"documents": row[0], "events": row[1], "errors": row[2], "actors": row[3],
                "dedup_events": row[4], "copies": row[5]}

    def _groups(self, keys: list[str]) -> dict[str, list[str]]:
        """The documents reporting each event group."""
        if not keys:
            return {}
        groups: dict[str, list[str]] = {}
        # Copies folded into a report (communique.dedup) are further sources of its events.
        for key, doc in self.backend.query(
                "SELECT dedup_key, doc FROM ("
                " SELECT e.dedup_key, e.doc FROM events e WHERE e.dedup_key = ANY(?)"
                " UNION ALL SELECT e.dedup_key, c.id AS doc FROM events e"
                " JOIN document_copies c ON c.original = e.doc WHERE e.dedup_key = ANY(?)"
                ") reports ORDER BY doc", (keys, keys)):
            groups.setdefault(key, []).append(doc)
        return groups

    def _records(self, rows: list[dict]) -> list[dict]:
        groups = self._groups(sorted({r["dedup_key"] for r in rows}))
        out = []
        for r in rows:
            docs = groups.get(r["dedup_key"], [r["doc"]])
            out.append(R.record_from_row(r["record"], mentions=len(docs),
                                         sources=sorted(set(docs)), url=r.get("url")))
        return out

    def events(self, limit: Optional[int] = 50, offset: int = 0, dedup: bool = False,
               oldest_first: bool = False, **filters: Any) -> list[dict]:
        """Event records (newest first) with "mentions", "sources" (doc ids) and "url"."""
        src, params = self.source(dedup=dedup, **filters)
        order = "ASC" if oldest_first else "DESC"
        if limit is None:
            sql = (f"SELECT s.id, s.doc, s.record, s.dedup_key, d.url FROM {src} s "
                   f"LEFT JOIN documents d ON d.id = s.doc "
                   f"ORDER BY s.date {order} NULLS LAST, s.doc, s.sentence, s.id")
            return self._records(self.select(sql, params))
        # One page: pick its keys first, then fetch the (large) records of those rows only;
        # sorting every matching record and joining every document cost 2-4x more.
        sql = (f"SELECT e.id, e.doc, e.record, e.dedup_key, d.url FROM ("
               f"SELECT s.id, s.date, s.doc, s.sentence FROM {src} s "
               f"ORDER BY s.date {order} NULLS LAST, s.doc, s.sentence, s.id LIMIT ? OFFSET ?) k "
               f"JOIN events e ON e.id = k.id LEFT JOIN documents d ON d.id = e.doc "
               f"ORDER BY k.date {order} NULLS LAST, k.doc, k.sentence, k.id")
        return self._records(self.select(sql, params + [int(limit), int(offset)]))

    def count_events(self, dedup: bool = False, **filters: Any) -> int:
        src, params = self.source(dedup=dedup, **filters)
        return self.backend.query(f"SELECT count(*) FROM {src} s", params)[0][0]

    def document(self, doc_id: str) -> Optional[dict]:
        rows = self.select("SELECT id, text, published, url, title, source, origin, content_hash, "
                           "added_at FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            return None
        doc = rows[0]
        doc["published"] = doc["published"].isoformat() if doc["published"] else None
        doc["added_at"] = doc["added_at"].isoformat() if doc["added_at"] else None
        doc["events"] = self._records(self.select(
            "SELECT e.id, e.doc, e.record, e.dedup_key, d.url FROM events e "
            "LEFT JOIN documents d ON d.id = e.doc WHERE e.doc = ? ORDER BY e.sentence, e.id", (doc_id,)))
        return doc

    def actor(self, actor_key: str, limit: int = 50) -> Optional[dict]:
        """A country code (CHN), a body's name (United Nations) or a person's id or name."""
        key = actor_key.strip()
        match = self.select(
            "SELECT code, name, entity_id, count(*) AS n FROM entities "
            "WHERE code = ? OR entity_id = ? OR lower(name) = ? "
            "GROUP BY code, name, entity_id ORDER BY n DESC LIMIT 1",
            (key.upper(), key, key.lower()))
        if not match:
            return None
        code = match[0]["code"]
        is_country_key = key.upper() == code and code not in NON_STATE_CODES
        name = country_name(code) if is_country_key else (match[0]["name"] or key)
        events = self.events(limit=limit, actor=key)
        counterparts = self.select(
            "SELECT other AS code, count(*) AS events FROM ("
            " SELECT CASE WHEN e.actor_code = ? THEN e.recipient_code ELSE e.actor_code END AS other"
            " FROM events e WHERE " + make_filter(actor=key).where("e")[0] + ") x "
            "WHERE other IS NOT NULL GROUP BY other ORDER BY events DESC, code LIMIT 20",
            [code] + make_filter(actor=key).where("e")[1])
        for c in counterparts:
            c["name"] = country_name(c["code"])
        return {"key": key, "name": name, "code": code, "events": events,
                "counterparts": counterparts}

    def errors(self, limit: Optional[int] = None) -> list[dict]:
        sql = 'SELECT origin, message, doc, recorded_at AS "at" FROM errors ORDER BY recorded_at DESC, origin'
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self.select(sql, params)
        for r in rows:
            r["at"] = r["at"].isoformat(sep=" ") if r["at"] else None
        return rows


@lru_cache(maxsize=None)
def country_name(code: Optional[str]) -> Optional[str]:
    """The short English name of an ISO alpha-3 code (pycountry), else the code itself."""
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
