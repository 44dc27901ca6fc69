"""The store version: a number kept in the store that every write transaction advances.

Readers key caches on it (the dashboard's ETags and cached answers): an answer computed at
version N stays right until the version moves. The number lives in the one-row table
``store_state`` (schema step 4), so a writer in another process (PostgreSQL) moves it too.

Inside one process a ``WriteCounter`` per database also counts the commits, so a cache can
tell for free that nothing was written here since it last read the version, and only has to
ask the database now and then for writers elsewhere.
"""
from __future__ import annotations

import threading
from datetime import datetime, timezone

STATE_TABLE_SQL = ("CREATE TABLE store_state (id INTEGER PRIMARY KEY, version BIGINT NOT NULL, "
                   "changed_at TIMESTAMP)")
STATE_ROW_SQL = "INSERT INTO store_state (id, version, changed_at) VALUES (1, 0, NULL)"
# Run by every write transaction (backends.Backend.transaction): as its last statement on
# PostgreSQL, right after its commit on DuckDB (see there why).
BUMP_SQL = "UPDATE store_state SET version = version + 1, changed_at = ? WHERE id = 1"
BUMP_ATTEMPTS = 50
READ_SQL = "SELECT version FROM store_state WHERE id = 1"


def bump_params() -> tuple:
    return (datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0),)


class WriteCounter:
    """Commits made through this process's connections to one database (not persisted)."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def bump(self) -> None:
        with self._lock:
            self.value += 1


_COUNTERS: dict[str, WriteCounter] = {}
_COUNTERS_LOCK = threading.Lock()


def counter_for(key: str) -> WriteCounter:
    """The one counter of the database known by ``key`` (a file's real path, a URL and schema)."""
    with _COUNTERS_LOCK:
        return _COUNTERS.setdefault(key, WriteCounter())
