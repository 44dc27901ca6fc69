"""What each page and its JSON twin show, composed from store calls.

The pages and the API call the same functions, so ``/api/...`` returns exactly what the
page renders. Every list is paged or bounded: nothing here loads all events.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional

from fastapi import HTTPException

from .. import analysis
from .filters import EventFilter, parse_code

OVERVIEW_TOP = 10
OVERVIEW_LATEST = 15
COUNTERPARTS_SHOWN = 25
AUTO_MIN_PERIODS = 3  # "auto" granularity steps down from month until the chart has this many bars


def event_page(store, flt: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    """One page of events and the total, for tables and ``/api/events``."""
    kwargs = flt.store_kwargs()
    return {
        "total": store.count_events(**kwargs),
        "limit": limit,
        "offset": offset,
        "events": store.events(limit=limit, offset=offset, **kwargs),
    }


def latest_event_date(store) -> Optional[date]:
    newest = store.select("SELECT max(date) AS newest FROM events")[0]["newest"]
    return newest if isinstance(newest, date) or newest is None else date.fromisoformat(str(newest)[:10])


def period_presets(latest: Optional[date]) -> list[dict[str, Any]]:
    """Quick periods on the overview, counted back from the newest event (news corpora are
    historical, so 'last 30 days' from today would often be empty)."""
    if latest is None:
        return []
    return [
        {"label": "All time", "since": None, "until": None},
        {"label": "Last 12 months", "since": latest - timedelta(days=365), "until": latest},
        {"label": "Last 90 days", "since": latest - timedelta(days=90), "until": latest},
        {"label": "Last 30 days", "since": latest - timedelta(days=30), "until": latest},
    ]


def overview(store, since: Optional[date], until: Optional[date]) -> dict[str, Any]:
    period = {"since": since, "until": until}
    latest_kwargs = {k: v for k, v in period.items() if v is not None}
    latest = latest_event_date(store)
    return {
        "counts": store.counts(),
        "since": since,
        "until": until,
        "latest_date": latest,
        "top_dyads": analysis.top_dyads(store, limit=OVERVIEW_TOP, **period),
        "top_actors": analysis.top_actors(store, limit=OVERVIEW_TOP, **period),
        "latest_events": store.events(limit=OVERVIEW_LATEST, **latest_kwargs),
        "presets": period_presets(latest),
    }


def dyad_series(store, a: str, b: str, by: str, flt: EventFilter) -> tuple[str, list[dict]]:
    """The chart rows, and the granularity used ("auto" picks the coarsest that gives
    at least a few bars, so a dyad seen in one month still draws a readable chart)."""
    def series(granularity: str) -> list[dict]:
        return analysis.dyad_series(store, a, b, by=granularity, since=flt.since, until=flt.until,
                                 types=flt.types or None, dedup=flt.dedup)

    if by != "auto":
        return by, series(by)
    rows: list[dict] = []
    for granularity in ("month", "week", "day"):
        rows = series(granularity)
        if len(rows) >= AUTO_MIN_PERIODS:
            return granularity, rows
    return "day", rows


def dyad(store, a: str, b: str, by: str, flt: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    used, rows = dyad_series(store, a, b, by, flt)
    return {
        "a": a,
        "b": b,
        "by": used,
        "series": rows,
        "balance": analysis.balance(store, a, b, since=flt.since, until=flt.until),
        **event_page(store, flt, limit, offset),
    }


def actor(store, key: str, types: list[str], since: Optional[str], until: Optional[str],
          limit: int, offset: int) -> tuple[EventFilter, dict[str, Any]]:
    """The actor page and its JSON twin: the actor's name and counterparts from the store, its
    events as a page of their own. Raises 404 when the store has no such actor."""
    key = parse_code(key, "key")
    flt = EventFilter.parse(actor=key, types=types, since=since, until=until)
    found = store.actor(key)
    if found is None:
        raise HTTPException(404, f"no actor {key!r} in the store")
    info = {k: v for k, v in found.items() if k != "events"}
    info["counterparts"] = list(found.get("counterparts") or [])[:COUNTERPARTS_SHOWN]
    return flt, {**info, **event_page(store, flt, limit, offset)}
