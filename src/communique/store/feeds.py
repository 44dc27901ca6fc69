"""The feed watcher's memory in the store: each feed's state and every item it has seen.

``feeds`` keeps what a conditional request needs (ETag, Last-Modified), when the feed was
polled and answered, how many times in a row it failed, the last error and when to try
again. ``feed_items`` keeps one row per item of each feed with what became of it (coded,
duplicate, skipped with a reason, failed), so that a restarted watcher fetches nothing twice.
Times are naive UTC.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timezone
from typing import Optional

# Item states after which an item is never fetched again; "retry" items are, up to a limit.
DONE_STATES = ("coded", "duplicate", "skipped", "error", "failed")


@dataclass
class FeedState:
    url: str
    title: Optional[str] = None
    etag: Optional[str] = None
    modified: Optional[str] = None
    last_polled: Optional[datetime] = None
    last_ok: Optional[datetime] = None
    failures: int = 0
    last_error: Optional[str] = None
    next_poll: Optional[datetime] = None
    items: int = 0


_COLUMNS = tuple(f.name for f in fields(FeedState))


def utc_now() -> datetime:
    """Now, naive UTC to the second (as the store keeps times)."""
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


class FeedLog:
    """Reads and writes the two tables through a store's backend (the store owns the connection)."""

    def __init__(self, store):
        self.backend = store.backend

    def state(self, url: str) -> FeedState:
        rows = self.backend.query(f"SELECT {', '.join(_COLUMNS)} FROM feeds WHERE url = ?", (url,))
        return FeedState(*rows[0]) if rows else FeedState(url)

    def states(self) -> list[FeedState]:
        return [FeedState(*row) for row in
                self.backend.query(f"SELECT {', '.join(_COLUMNS)} FROM feeds ORDER BY url")]

    def save(self, state: FeedState) -> None:
        values = [getattr(state, c) for c in _COLUMNS]
        updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
        with self.backend.transaction():
            self.backend.execute(
                f"INSERT INTO feeds ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)}) "
                f"ON CONFLICT (url) DO UPDATE SET {updates}", values)

    def seen(self, feed_url: str, key: str) -> Optional[tuple[str, int]]:
        """(status, attempts) of this feed's item, or None for an item never seen."""
        rows = self.backend.query(
            "SELECT status, attempts FROM feed_items WHERE feed_url = ? AND item_key = ?", (feed_url, key))
        return (rows[0][0], rows[0][1]) if rows else None

    def url_known(self, url: str) -> bool:
        """Whether an article at this URL was coded (or found a duplicate) through any feed."""
        return bool(self.backend.query(
            "SELECT 1 FROM feed_items WHERE url = ? AND status IN ('coded', 'duplicate') LIMIT 1", (url,)))

    def mark(self, feed_url: str, key: str, url: Optional[str], status: str, detail: str = "",
             doc: Optional[str] = None, now: Optional[datetime] = None) -> None:
        """Record what became of an item; ``attempts`` counts the times it was tried."""
        with self.backend.transaction():
            self.backend.execute(
                "INSERT INTO feed_items (feed_url, item_key, url, doc, status, detail, attempts, seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (feed_url, item_key) DO UPDATE SET "
                "url = excluded.url, doc = excluded.doc, status = excluded.status, detail = excluded.detail, "
                "attempts = feed_items.attempts + 1, seen_at = excluded.seen_at",
                (feed_url, key, url, doc, status, detail or None, now or utc_now()))

    def pending(self, feed_url: str) -> list[tuple[str, Optional[str]]]:
        """(item key, url) of the items whose article is to be fetched again."""
        return [(key, url) for key, url in self.backend.query(
            "SELECT item_key, url FROM feed_items WHERE feed_url = ? AND status = 'retry' ORDER BY seen_at",
            (feed_url,))]

    def item_counts(self, feed_url: str) -> dict[str, int]:
        return {status: n for status, n in self.backend.query(
            "SELECT status, count(*) FROM feed_items WHERE feed_url = ? GROUP BY status", (feed_url,))}
