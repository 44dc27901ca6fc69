"""The store's tables and their migrations.

``MIGRATIONS`` is the ordered list of steps from an empty database to the current
schema. A later release appends a step (never edits an applied one); ``migrate`` applies
the steps a database has not seen yet and records each in ``schema_version``.
A statement is either plain SQL valid in both dialects, or a dict keyed by dialect
(a missing dialect means the step does nothing there).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Union

from .backends import Backend
from .versioning import STATE_ROW_SQL, STATE_TABLE_SQL

Statement = Union[str, dict]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[Statement, ...]


_DOCUMENTS = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    published DATE,
    url TEXT,
    title TEXT,
    source TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    events INTEGER NOT NULL,
    added_at TIMESTAMP NOT NULL
)"""

# One row per event mention (per article); the record column keeps the full output
# record so that fields added to the contract later survive a round trip.
_EVENTS = """
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    date DATE,
    date_precision TEXT,
    published DATE,
    event TEXT NOT NULL,
    mode TEXT,
    context TEXT,
    cameo TEXT,
    quad_class INTEGER,
    goldstein DOUBLE PRECISION,
    actor_code TEXT,
    recipient_code TEXT,
    actor_codes TEXT,
    recipient_codes TEXT,
    trigger_text TEXT,
    sentence INTEGER,
    text TEXT,
    location_name TEXT,
    location_country TEXT,
    location_lat DOUBLE PRECISION,
    location_lon DOUBLE PRECISION,
    confidence DOUBLE PRECISION,
    dedup_key TEXT NOT NULL,
    record TEXT NOT NULL
)"""

_ENTITIES = """
CREATE TABLE entities (
    event_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    code TEXT,
    sector TEXT,
    name TEXT,
    entity_id TEXT,
    text TEXT,
    start_char INTEGER,
    end_char INTEGER
)"""

_ERRORS = """
CREATE TABLE errors (
    origin TEXT NOT NULL,
    doc TEXT,
    message TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
)"""

# GDELT's NumMentions / NumArticles / NumSources for each group of reports of one event.
_EVENT_GROUPS = """
CREATE VIEW event_groups AS
SELECT e.dedup_key,
       count(*) AS mentions,
       count(DISTINCT e.doc) AS articles,
       count(DISTINCT coalesce(d.source, e.doc)) AS sources,
       string_agg(DISTINCT e.doc, ';' ORDER BY e.doc) AS docs
FROM events e LEFT JOIN documents d ON d.id = e.doc
GROUP BY e.dedup_key"""

# The feed watcher's memory: each feed's state (for conditional requests and backing off on
# errors) and every item it has seen, so that a restarted watcher fetches and codes nothing twice.
_FEEDS = """
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    etag TEXT,
    modified TEXT,
    last_polled TIMESTAMP,
    last_ok TIMESTAMP,
    failures INTEGER NOT NULL,
    last_error TEXT,
    next_poll TIMESTAMP,
    items INTEGER NOT NULL
)"""

_FEED_ITEMS = """
CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    url TEXT,
    doc TEXT,
    status TEXT NOT NULL,
    detail TEXT,
    attempts INTEGER NOT NULL,
    seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (feed_url, item_key)
)"""

# One row per alert of the relations monitor (communique.alerts): the id is a hash of what
# the alert is about (scope, dyad or actor, week, kind), so a re-run finds the same row;
# sent_at is set once a webhook took it, so an alert is never sent twice.
_ALERTS = """
CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    a TEXT NOT NULL,
    b TEXT,
    week DATE NOT NULL,
    kind TEXT NOT NULL,
    observed DOUBLE PRECISION NOT NULL,
    expected DOUBLE PRECISION NOT NULL,
    size DOUBLE PRECISION NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    reports INTEGER NOT NULL,
    stories INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    summary TEXT NOT NULL,
    detail TEXT NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    send_attempts INTEGER NOT NULL DEFAULT 0,
    send_error TEXT
)"""

# Near-duplicate copies (issue 12): a copy is not coded; it is a further source of the first
# report it copies, so the groups count its events' mentions, the article and its source.
_DOCUMENT_COPIES = """
CREATE TABLE document_copies (
    id TEXT PRIMARY KEY,
    original TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    published DATE,
    url TEXT,
    title TEXT,
    source TEXT,
    origin TEXT,
    added_at TIMESTAMP NOT NULL
)"""

# The near-duplicate fingerprint of every coded document (communique.dedup), so that a later
# run finds copies of what earlier runs stored.
_SIGNATURES = """
CREATE TABLE document_signatures (
    doc TEXT PRIMARY KEY,
    published DATE,
    minhash {blob} NOT NULL,
    names TEXT NOT NULL
)"""

_EVENT_GROUPS_WITH_COPIES = """
CREATE VIEW event_groups AS
WITH reports AS (
    SELECT e.dedup_key, e.doc AS article, coalesce(d.source, e.doc) AS source
    FROM events e LEFT JOIN documents d ON d.id = e.doc
    UNION ALL
    SELECT e.dedup_key, c.id AS article, coalesce(c.source, c.id) AS source
    FROM events e JOIN document_copies c ON c.original = e.doc
)
SELECT dedup_key,
       count(*) AS mentions,
       count(DISTINCT article) AS articles,
       count(DISTINCT source) AS sources,
       string_agg(DISTINCT article, ';' ORDER BY article) AS docs
FROM reports
GROUP BY dedup_key"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, events, entities and errors tables",
              (_DOCUMENTS, _EVENTS, _ENTITIES, _ERRORS)),
    # DuckDB scans columns with zone maps and needs no secondary index (ART indexes would
    # slow bulk loads); PostgreSQL needs them for the dyad, date and document look-ups.
    Migration(2, "indexes for dyad, date, document and actor look-ups", (
        {"postgresql": "CREATE INDEX events_dyad ON events (actor_code, recipient_code, date)"},
        {"postgresql": "CREATE INDEX events_date ON events (date)"},
        {"postgresql": "CREATE INDEX events_doc ON events (doc)"},
        {"postgresql": "CREATE INDEX events_dedup ON events (dedup_key)"},
        {"postgresql": "CREATE INDEX entities_event ON entities (event_id)"},
        {"postgresql": "CREATE INDEX entities_code ON entities (code)"},
        {"postgresql": "CREATE INDEX errors_doc ON errors (doc)"},
    )),
    Migration(3, "event_groups view (deduplicated events with mention counts)", (_EVENT_GROUPS,)),
    Migration(4, "store_state: a version every write advances (caches key on it)",
              (STATE_TABLE_SQL, STATE_ROW_SQL)),
    Migration(5, "feeds and feed_items tables (the feed watcher's state and the items it has seen)", (
        _FEEDS, _FEED_ITEMS,
        {"postgresql": "CREATE INDEX feed_items_url ON feed_items (url)"},
    )),
    Migration(6, "alerts table (relations monitor: one row per alert, with its delivery state)", (
        _ALERTS,
        {"postgresql": "CREATE INDEX alerts_week ON alerts (week)"},
    )),
    Migration(7, "near-duplicate copies and document fingerprints; event_groups counts copies", (
        _DOCUMENT_COPIES,
        {"duckdb": _SIGNATURES.format(blob="BLOB"), "postgresql": _SIGNATURES.format(blob="BYTEA")},
        "DROP VIEW event_groups",
        _EVENT_GROUPS_WITH_COPIES,
        {"postgresql": "CREATE INDEX document_copies_original ON document_copies (original)"},
        {"postgresql": "CREATE INDEX document_copies_hash ON document_copies (content_hash)"},
        {"postgresql": "CREATE INDEX document_signatures_published ON document_signatures (published)"},
    )),
)

CURRENT_VERSION = max(m.version for m in MIGRATIONS)


def _statement_for(statement: Statement, dialect: str) -> str | None:
    if isinstance(statement, dict):
        return statement.get(dialect)
    return statement


def applied_versions(backend: Backend) -> set[int]:
    return {row[0] for row in backend.query("SELECT version FROM schema_version")}


def migrate(backend: Backend, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply the migrations not yet applied, each in its own transaction; return their versions.
    Processes that open the same new database at once take turns (``migration_lock``)."""
    with backend.migration_lock():
        return _migrate(backend, migrations)


def _migrate(backend: Backend, migrations: tuple[Migration, ...]) -> list[int]:
    backend.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)")
    done = applied_versions(backend)
    newer = [v for v in done if v > max(m.version for m in migrations)]
    if newer:
        from .backends import StoreError

        raise StoreError(f"database {backend.location} has schema version {max(newer)}, "
                         f"newer than this communique ({CURRENT_VERSION}): upgrade communique")
    applied = []
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version in done:
            continue
        with backend.transaction():
            for statement in migration.statements:
                sql = _statement_for(statement, backend.dialect)
                if sql:
                    backend.execute(sql)
            backend.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, datetime.now(timezone.utc).replace(tzinfo=None)))
        applied.append(migration.version)
    return applied
