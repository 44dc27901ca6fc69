"""The feed watcher: poll RSS/Atom feeds, fetch the new articles, code and store them.

``Watcher(store, feeds)`` is a plain object over a store: ``poll()`` runs one round (what
``communique watch --once`` does from cron), ``run()`` polls until stopped (``communique
watch`` and ``communique serve --watch``). What it has seen lives in the store
(``store.feeds.FeedLog``), so a restarted watcher fetches and codes nothing twice; a
document's content hash stops the same text reaching the store twice even when two feeds
link it under different URLs.

Errors stay with their feed: a feed that cannot be fetched or parsed is reported, its
failures counted, and it is retried after a delay that doubles with each failure in a row
(``every`` x 2, x 4, ... up to ``MAX_BACKOFF_S``); the other feeds go on. An article page
that cannot be fetched is retried on the next rounds, ``MAX_ITEM_ATTEMPTS`` times in all.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Iterable, Optional

from .batch import ingest_counted
from .ingest.feeds import FeedItem, FetchError, article_item, fetch, parse_feed
from .ingest.readers import BadInput
from .ingest.tally import DUPLICATE, Skipped, Tally
from .model import Document
from .store.feeds import DONE_STATES, FeedLog, utc_now

DEFAULT_EVERY_S = 15 * 60
MAX_BACKOFF_S = 6 * 3600
MAX_ITEM_ATTEMPTS = 3


@dataclass
class FeedReport:
    """One feed after one poll: its state ("ok", "not modified", "error", "backing off")."""

    url: str
    state: str
    title: Optional[str] = None
    items: int = 0  # items in the feed document
    new: int = 0  # items handled for the first time (or retried) in this poll
    tally: Tally = field(default_factory=Tally)
    message: Optional[str] = None
    failures: int = 0
    next_poll: Optional[datetime] = None

    def as_dict(self) -> dict:
        counts = self.tally.as_dict()
        return {"feed": self.url, "state": self.state, "title": self.title, "items": self.items, "new": self.new,
                "coded": counts["coded"], "events": counts["events"], "skipped": counts["skipped"],
                "languages": counts["languages"], "errors": counts["errors"],
                "error_messages": counts["error_messages"], "message": self.message, "failures": self.failures,
                "next_poll": self.next_poll.isoformat(sep=" ") if self.next_poll else None}


def backoff_delay(every_s: float, failures: int) -> float:
    """Seconds to wait after ``failures`` failures in a row: every x 2^failures, capped."""
    return min(every_s * 2 ** min(failures, 16), max(MAX_BACKOFF_S, every_s))


class Watcher:
    """Polls ``feeds`` into ``store``. ``fetch``, ``clock`` and ``ingest`` can be replaced (tests,
    a server that owns the store's writes): ``ingest`` has ``Store.ingest``'s signature."""

    def __init__(self, store, feeds: Iterable[str], every_s: float = DEFAULT_EVERY_S, workers: int = 1,
                 english_only: bool = True, all_modalities: bool = False,
                 fetch: Callable = fetch, clock: Callable[[], datetime] = utc_now,
                 ingest: Optional[Callable] = None,
                 on_progress: Optional[Callable[[Tally], None]] = None):
        self.store = store
        self.feeds = list(dict.fromkeys(feeds))
        self.every_s = every_s
        self.workers = workers
        self.english_only = english_only
        self.all_modalities = all_modalities
        self.fetch = fetch
        self.clock = clock
        self.ingest = ingest
        self.on_progress = on_progress
        self.log = FeedLog(store)
        self.rounds = 0

    # -- one round -------------------------------------------------------------------
    def poll(self, on_schedule: bool = False) -> list[FeedReport]:
        """Poll the feeds once. A feed backing off after errors waits for its time; with
        ``on_schedule`` healthy feeds wait for theirs too (the loop), else they are polled now
        (``--once``: cron decides when)."""
        reports = []
        for url in self.feeds:
            state = self.log.state(url)
            now = self.clock()
            waiting = state.next_poll is not None and state.next_poll > now
            if waiting and (state.failures or on_schedule):
                reports.append(FeedReport(url, "backing off" if state.failures else "waiting", state.title,
                                          message=state.last_error if state.failures else None,
                                          failures=state.failures, next_poll=state.next_poll))
                continue
            reports.append(self.poll_feed(url))
        self.rounds += 1
        return reports

    def poll_feed(self, url: str) -> FeedReport:
        state = self.log.state(url)
        now = self.clock()
        state.last_polled = now
        try:
            fetched = self.fetch(url, etag=state.etag, modified=state.modified)
            if fetched.status == 304:
                report = FeedReport(url, "not modified", state.title)
                # Articles that failed to come last time are retried though the feed is unchanged.
                retries = [FeedItem(key, link, None, None) for key, link in self.log.pending(url)]
                self._take_items(url, retries, report)
            else:
                title, items = parse_feed(fetched.body, url)
                state.title = title or state.title
                state.etag, state.modified = fetched.etag, fetched.modified
                report = FeedReport(url, "ok", state.title, items=len(items))
                self._take_items(url, items, report)
        except FetchError as exc:
            state.failures += 1
            state.last_error = str(exc)
            state.next_poll = now + timedelta(seconds=backoff_delay(self.every_s, state.failures))
            self.log.save(state)
            return FeedReport(url, "error", state.title, message=str(exc), failures=state.failures,
                              next_poll=state.next_poll)
        state.failures, state.last_error, state.last_ok = 0, None, now
        state.items += report.new
        state.next_poll = now + timedelta(seconds=self.every_s)
        self.log.save(state)
        report.next_poll = state.next_poll
        return report

    # -- the items of one feed -------------------------------------------------------
    def _take_items(self, feed_url: str, items: list, report: FeedReport) -> None:
        tally = report.tally
        documents: list[tuple[Document, object]] = []
        for item in items:
            seen = self.log.seen(feed_url, item.key)
            if seen and (seen[0] in DONE_STATES or seen[1] >= MAX_ITEM_ATTEMPTS):
                continue
            if seen is None and item.url is None:
                self.log.mark(feed_url, item.key, None, "skipped", "item has no link")
                continue
            report.new += 1
            if seen is None and self.log.url_known(item.url):
                tally.records += 1
                tally.skipped[DUPLICATE] += 1
                self.log.mark(feed_url, item.key, item.url, "duplicate", "linked by another feed")
                continue
            origin = f"{feed_url} item {item.url}"
            try:
                fetched = self.fetch(item.url)
                result = article_item(item, fetched, origin, self.english_only)
            except (FetchError, BadInput) as exc:
                attempts = (seen[1] if seen else 0) + 1
                final = isinstance(exc, BadInput) or attempts >= MAX_ITEM_ATTEMPTS
                tally.records += 1
                tally.error(f"{origin}: {exc}" if isinstance(exc, BadInput) else str(exc))
                self.log.mark(feed_url, item.key, item.url, "failed" if final else "retry", str(exc))
                continue
            if isinstance(result, Skipped):
                tally.skip(result)
                self.log.mark(feed_url, item.key, item.url, "skipped", f"{result.reason} {result.detail}".strip())
                continue
            documents.append((result, item))
        if not documents:
            return
        ingest_counted(self.store, (doc for doc, _ in documents), tally, workers=self.workers,
                       all_modalities=self.all_modalities, on_progress=self.on_progress, ingest=self.ingest)
        for document, item in documents:
            status = self._outcome(document)
            self.log.mark(feed_url, item.key, item.url, status, doc=document.id)

    def _outcome(self, document: Document) -> str:
        rows = self.store.backend.query(
            "SELECT id FROM documents WHERE id = ? OR content_hash = ? LIMIT 2", (document.id, document.content_hash))
        ids = {r[0] for r in rows}
        if document.id in ids:
            return "coded"
        return DUPLICATE if ids else "error"

    # -- the loop --------------------------------------------------------------------
    def next_wake(self) -> datetime:
        """When the next feed is due (at most ``every`` from now)."""
        now = self.clock()
        due = [s.next_poll for s in (self.log.state(u) for u in self.feeds) if s.next_poll]
        soonest = min(due) if due else now
        return max(now + timedelta(seconds=1), min(soonest, now + timedelta(seconds=self.every_s)))

    def run(self, stop: Optional[threading.Event] = None, rounds: Optional[int] = None,
            on_round: Optional[Callable[[list[FeedReport]], None]] = None,
            sleep: Optional[Callable[[float], None]] = None) -> None:
        """Poll until ``stop`` is set (or ``rounds`` rounds ran); the first round polls every
        feed not backing off, later ones each feed when it is due."""
        stop = stop or threading.Event()
        wait = sleep or (lambda seconds: stop.wait(seconds))
        done = 0
        while not stop.is_set():
            reports = self.poll(on_schedule=done > 0)
            done += 1
            if on_round:
                on_round([r for r in reports if r.state != "waiting"])
            if rounds is not None and done >= rounds:
                return
            wait(max(0.0, (self.next_wake() - self.clock()).total_seconds()))


def start_in_thread(open_store: Callable[[], object], feeds: list[str], every_s: float = DEFAULT_EVERY_S,
                    on_round: Optional[Callable[[list[FeedReport]], None]] = None,
                    **options) -> tuple[threading.Thread, threading.Event]:
    """Run a Watcher in a daemon thread on a store that the thread opens (and closes): one
    store connection per thread, as DuckDB asks. Returns the thread and the Event that stops it."""
    stop = threading.Event()

    def target() -> None:
        store = open_store()
        try:
            Watcher(store, feeds, every_s=every_s, **options).run(stop=stop, on_round=on_round)
        finally:
            store.close()

    thread = threading.Thread(target=target, name="communique-watch", daemon=True)
    thread.start()
    return thread, stop
