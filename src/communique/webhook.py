"""Sending alerts to a webhook: each alert is POSTed as one JSON object (the stored alert,
evidence included), retried with a growing pause, and marked sent in the store only once
the receiver answered 2xx, so an alert is sent once and an unreachable receiver gets it on
a later run. Nothing here raises on a failed delivery: an ingest never fails or waits
because a receiver is down (``Courier`` sends from a thread of its own).
"""
from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional
from urllib.parse import urlsplit

from . import __version__

if TYPE_CHECKING:
    from .store import Store

ATTEMPTS = 3
TIMEOUT_S = 5.0
BACKOFF_S = 0.5      # pause before the second try; doubled before each later one
BUDGET_S = 20.0      # a whole delivery run stops trying after this long


class WebhookError(ValueError):
    """A webhook address that cannot work (one line)."""


@dataclass
class Delivery:
    alert_id: str
    ok: bool
    attempts: int
    error: Optional[str] = None


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError(f"--webhook: {url!r} is not an http:// or https:// address")
    return url


def _post(url: str, alert: dict, timeout: float) -> None:
    body = json.dumps(alert, ensure_ascii=False, default=str).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": f"communique/{__version__}",
        "X-Communique-Alert": alert["id"]})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()


def _permanent(exc: Exception) -> bool:
    """A 4xx answer (other than timeout and rate limit) will not change on a retry."""
    return isinstance(exc, urllib.error.HTTPError) and 400 <= exc.code < 500 and exc.code not in (408, 429)


def _describe(exc: Exception) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return f"cannot reach the receiver: {exc.reason}"
    return f"{type(exc).__name__}: {exc}"


def deliver(alerts: list[dict], url: str, attempts: int = ATTEMPTS, timeout: float = TIMEOUT_S,
            backoff: float = BACKOFF_S, budget: float = BUDGET_S,
            sleep: Callable[[float], None] = time.sleep) -> list[Delivery]:
    """POST each alert, oldest first; one Delivery per alert (never raises)."""
    deadline = time.monotonic() + budget
    out: list[Delivery] = []
    unreachable = None
    for alert in sorted(alerts, key=lambda a: (a["week"], a["id"])):
        if unreachable:  # the receiver is down: the rest wait for the next run
            out.append(Delivery(alert["id"], False, 0, f"not tried: {unreachable}"))
            continue
        tries, error, exc_seen = 0, None, None
        while tries < attempts and time.monotonic() < deadline:
            if tries:
                sleep(backoff * 2 ** (tries - 1))
            tries += 1
            try:
                _post(url, alert, timeout)
                error = None
                break
            except Exception as exc:  # noqa: BLE001 - any failure is a failed try, reported below
                error, exc_seen = _describe(exc), exc
                if _permanent(exc):
                    break
        if tries == 0:
            error = f"not tried: the {budget:.0f} s delivery budget was spent"
        elif error and isinstance(exc_seen, urllib.error.URLError) and not isinstance(exc_seen, urllib.error.HTTPError):
            unreachable = error
        out.append(Delivery(alert["id"], error is None, tries, error))
    return out


def record(store: "Store", deliveries: list[Delivery]) -> tuple[int, int]:
    """Mark what was delivered as sent, note the failures; (sent, failed)."""
    from .alerts.store import mark_failed, mark_sent

    sent = failed = 0
    for d in deliveries:
        if d.ok:
            mark_sent(store, d.alert_id, d.attempts)
            sent += 1
        else:
            mark_failed(store, d.alert_id, d.attempts, d.error or "failed")
            failed += 1
    return sent, failed


class Courier:
    """Delivers in a background thread; ``wait`` returns what was delivered by then."""

    def __init__(self, alerts: list[dict], url: str, **options):
        self.results: list[Delivery] = []
        self._thread = threading.Thread(target=self._run, args=(alerts, url, options),
                                        name="communique-webhook", daemon=True)

    def _run(self, alerts, url, options) -> None:
        self.results = deliver(alerts, url, **options)

    def start(self) -> "Courier":
        self._thread.start()
        return self

    def wait(self, timeout: Optional[float] = None) -> list[Delivery]:
        self._thread.join(timeout)
        return list(self.results) if not self._thread.is_alive() else []


def send_unsent(store: "Store", url: str, since=None, dyad=None, **options) -> tuple[int, int]:
    """Deliver every stored alert not yet sent (from ``since``, of ``dyad``); (sent, failed)."""
    from .alerts.store import list_alerts

    pending = list_alerts(store, since=since, dyad=dyad, limit=None, unsent=True)
    if not pending:
        return 0, 0
    return record(store, deliver(pending, check_url(url), **options))
