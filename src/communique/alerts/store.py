"""Keeping the relations monitor's alerts in the store's ``alerts`` table (schema version 6).

An alert's id is a hash of what it is about (dyad or actor, week, kind), so computing the
alerts again finds the same rows: a row keeps its id and ``first_seen``, its figures and
evidence are brought up to date (a week still filling up can grow), and ``sent_at`` records
that a webhook took it, so no alert is sent twice. Alerts are never deleted.

``refresh`` computes and saves; ``after_ingest`` is what an ingest run calls.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Iterable, Optional

from . import compute_alerts, weeks_touched
from .model import DEFAULT_SETTINGS, KINDS, Alert, Settings, Span, week_of
from ..store.rows import insert_sql

if TYPE_CHECKING:
    from ..store import Store

NOTIFY_WEEKS = 4  # after an ingest, a webhook gets the alerts of the store's last weeks only
COLUMNS = ("id", "scope", "a", "b", "week", "kind", "observed", "expected", "size", "score",
           "reports", "stories", "sources", "summary", "detail", "first_seen", "updated_at")
_UPDATED = ("observed", "expected", "size", "score", "reports", "stories", "sources", "summary",
            "detail", "updated_at")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def _detail(alert: Alert, settings: Settings) -> str:
    return json.dumps({"baseline": alert.baseline, "events": alert.events, "stats": alert.stats,
                       "settings": settings.as_dict()}, ensure_ascii=False, default=str)


def save_alerts(store: "Store", alerts: list[Alert], settings: Settings = DEFAULT_SETTINGS) -> list[str]:
    """Insert new alerts and update known ones in one transaction; return the new ids."""
    if not alerts:
        return []
    unique = {a.id: a for a in alerts}
    known = {r[0] for r in store.backend.query("SELECT id FROM alerts WHERE id = ANY(?)", (list(unique),))}
    now = _now()
    fresh = [a for i, a in unique.items() if i not in known]
    with store.backend.transaction():
        for start in range(0, len(fresh), 100):
            part = fresh[start:start + 100]
            values: list[Any] = []
            for a in part:
                values += [a.id, a.scope, a.a, a.b, a.week, a.kind, a.observed, a.expected, a.size,
                           a.score, a.reports, a.stories, a.sources, a.summary, _detail(a, settings),
                           now, now]
            store.backend.execute(insert_sql("alerts", COLUMNS, rows=len(part)), values)
        assignments = ", ".join(f"{c} = ?" for c in _UPDATED)
        store.backend.executemany(
            f"UPDATE alerts SET {assignments} WHERE id = ?",
            [(a.observed, a.expected, a.size, a.score, a.reports, a.stories, a.sources, a.summary,
              _detail(a, settings), now, a.id) for i, a in unique.items() if i in known])
    return [a.id for a in fresh]


def refresh(store: "Store", weeks: Optional[Iterable[date]] = None, since: Optional[date] = None,
            until: Optional[date] = None, dyad: Optional[tuple[str, str]] = None,
            settings: Settings = DEFAULT_SETTINGS) -> tuple[list[Alert], list[str]]:
    """Compute the alerts of the chosen weeks (all by default) and save them: (alerts, new ids)."""
    alerts = compute_alerts(store, weeks=weeks, since=since, until=until, dyad=dyad, settings=settings)
    return alerts, save_alerts(store, alerts, settings)


def after_ingest(store: "Store", started: datetime, settings: Settings = DEFAULT_SETTINGS
                 ) -> tuple[list[Alert], list[str]]:
    """Judge the weeks an ingest run added events to (and the week before each, which may
    have just become complete), and save what fires."""
    touched = weeks_touched(store, started)
    if not touched:
        return [], []
    weeks = set(touched) | {w - timedelta(weeks=1) for w in touched}
    return refresh(store, weeks=weeks, settings=settings)


def notify_since(store: "Store") -> Optional[date]:
    """The first week a webhook hears about after an ingest: the store's last NOTIFY_WEEKS
    weeks, so that loading years of old articles does not send years of old alerts."""
    span = Span.of(store)
    return None if span is None else week_of(span.last_day) - timedelta(weeks=NOTIFY_WEEKS - 1)


def _row(row: dict, detail: bool) -> dict:
    out = {k: row[k] for k in ("id", "scope", "a", "b", "kind", "observed", "expected", "size",
                               "score", "reports", "stories", "sources", "summary")}
    out["week"] = row["week"].isoformat()
    out["week_end"] = (row["week"] + timedelta(days=6)).isoformat()
    out["kind_label"] = KINDS.get(row["kind"], row["kind"])
    for name in ("first_seen", "updated_at", "sent_at"):
        out[name] = row[name].isoformat() if row[name] else None
    if detail:
        out.update(json.loads(row["detail"]))
    return out


def _where(since: Optional[date], until: Optional[date], dyad: Optional[tuple[str, str]],
           kinds: Optional[Iterable[str]], unsent: bool) -> tuple[str, list[Any]]:
    clauses, params = ["TRUE"], []
    if since:
        clauses.append("week >= ?")
        params.append(week_of(since))
    if until:
        clauses.append("week <= ?")
        params.append(until)
    if dyad:
        a, b = sorted(code.upper() for code in dyad)
        clauses.append("scope = 'dyad' AND a = ? AND b = ?")
        params += [a, b]
    if kinds:
        kinds = list(kinds)
        clauses.append(f"kind IN ({', '.join('?' for _ in kinds)})")
        params += kinds
    if unsent:
        clauses.append("sent_at IS NULL")
    return " AND ".join(clauses), params


def list_alerts(store: "Store", since: Optional[date] = None, until: Optional[date] = None,
                dyad: Optional[tuple[str, str]] = None, kinds: Optional[Iterable[str]] = None,
                limit: Optional[int] = 50, offset: int = 0, detail: bool = True,
                unsent: bool = False) -> list[dict]:
    """Stored alerts, newest week first (then the highest score)."""
    where, params = _where(since, until, dyad, kinds, unsent)
    sql = f"SELECT * FROM alerts WHERE {where} ORDER BY week DESC, score DESC, id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return [_row(r, detail) for r in store.select(sql, params)]


def count_alerts(store: "Store", since: Optional[date] = None, until: Optional[date] = None,
                 dyad: Optional[tuple[str, str]] = None, kinds: Optional[Iterable[str]] = None) -> int:
    where, params = _where(since, until, dyad, kinds, False)
    return int(store.select(f"SELECT count(*) AS n FROM alerts WHERE {where}", params)[0]["n"])


def get_alert(store: "Store", alert_id: str) -> Optional[dict]:
    rows = store.select("SELECT * FROM alerts WHERE id = ?", (alert_id,))
    return _row(rows[0], True) if rows else None


def mark_sent(store: "Store", alert_id: str, attempts: int) -> None:
    with store.backend.transaction():
        store.backend.execute(
            "UPDATE alerts SET sent_at = ?, send_attempts = send_attempts + ?, send_error = NULL "
            "WHERE id = ? AND sent_at IS NULL", (_now(), attempts, alert_id))


def mark_failed(store: "Store", alert_id: str, attempts: int, error: str) -> None:
    with store.backend.transaction():
        store.backend.execute("UPDATE alerts SET send_attempts = send_attempts + ?, send_error = ? WHERE id = ?",
                              (attempts, error[:500], alert_id))
