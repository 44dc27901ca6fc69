"""Aggregates over the event store: dyad series, cooperation-conflict balance, top actors
and dyads, timelines. Each function returns a list of dicts (or a dict); ``to_frame``
turns any of them into a pandas DataFrame.

Dyads are undirected unless ``directed=True``: (CHN, JPN) counts CHN->JPN and JPN->CHN.
With ``dedup=True`` several reports of one event (same category, actor and recipient
codes, date) count once.

Series fill the periods without events between the first and the last with zeros, up to
``MAX_FILLED_PERIODS`` periods: a store holding one event dated in year 1 and one in 9999
(a typing slip upstream) would otherwise ask for 3.6 million empty days. Beyond that cap
the series holds only the periods that have events (``series_note`` says so).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

from .model import PLOVER_CATEGORIES
from .store.filters import NON_STATE_SQL, check_period, make_filter, source_sql

if TYPE_CHECKING:
    from .store import Store

QUADS = ("q1", "q2", "q3", "q4")
MAX_FILLED_PERIODS = 10_000  # 27 years by day, 190 by week
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def _period_sql(by: str, column: str) -> str:
    # ``by`` is checked against a whitelist before it reaches the SQL text.
    return f"CAST(date_trunc('{check_period(by)}', CAST({column} AS TIMESTAMP)) AS DATE)"


def _empty_row(period: date) -> dict:
    row: dict[str, Any] = {"period": period.isoformat(), "events": 0}
    row.update({c: 0 for c in PLOVER_CATEGORIES})
    row.update({q: 0 for q in QUADS})
    row.update({"goldstein_sum": 0.0, "goldstein_mean": None})
    return row


def _next_period(d: date, by: str) -> date:
    if by == "day":
        return d + timedelta(days=1)
    if by == "week":
        return d + timedelta(days=7)
    if by == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


def periods_between(first: date, last: date, by: str) -> int:
    """How many periods of ``by`` a series from ``first`` to ``last`` (period starts) holds."""
    if by == "day":
        return (last - first).days + 1
    if by == "week":
        return (last - first).days // 7 + 1
    if by == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


def series_note(rows: list[dict], by: str) -> Optional[str]:
    """A line for the user when ``rows`` were too long a span to fill with empty periods."""
    if len(rows) < 2:
        return None
    first, last = date.fromisoformat(rows[0]["period"]), date.fromisoformat(rows[-1]["period"])
    span = periods_between(first, last, by)
    if span <= MAX_FILLED_PERIODS:
        return None
    return (f"the series spans {span:,} {by}s ({first} to {last}), more than the "
            f"{MAX_FILLED_PERIODS:,} that are filled with zeros: only the {len(rows):,} with events "
            "are shown (narrow it with --since/--until, or count by a longer period)")


def _series_query(store: "Store", by: str, dedup: bool, **filters: Any) -> list[dict]:
    src, params = source_sql(make_filter(**filters), dedup)
    sql = (f"SELECT {_period_sql(by, 's.date')} AS period, s.event AS event, s.quad_class AS quad, "
           "count(*) AS n, sum(s.goldstein) AS g FROM " + src + " s "
           "WHERE s.date IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1")
    return store.select(sql, params)


def _pivot(cells: list[dict], by: str, fill: bool) -> list[dict]:
    rows: dict[date, dict] = {}
    for cell in cells:
        row = rows.setdefault(cell["period"], _empty_row(cell["period"]))
        n = int(cell["n"])
        row["events"] += n
        if cell["event"] in row:
            row[cell["event"]] += n
        if cell["quad"] in (1, 2, 3, 4):
            row[f"q{cell['quad']}"] += n
        row["goldstein_sum"] += float(cell["g"] or 0.0)
    if fill and rows and periods_between(min(rows), max(rows), by) <= MAX_FILLED_PERIODS:
        period, last = min(rows), max(rows)
        while period < last:
            period = _next_period(period, by)
            rows.setdefault(period, _empty_row(period))
    out = []
    for period in sorted(rows):
        row = rows[period]
        row["goldstein_sum"] = round(row["goldstein_sum"], 3)
        row["goldstein_mean"] = round(row["goldstein_sum"] / row["events"], 3) if row["events"] else None
        out.append(row)
    return out


def dyad_series(store: "Store", a: str, b: str, by: str = "month", since=None, until=None,
                types: Optional[Sequence[str]] = None, dedup: bool = False,
                directed: bool = False, fill: bool = True) -> list[dict]:
    """One row per period: events, counts per PLOVER category and quad class, Goldstein
    sum and mean. Periods without events between the first and last are filled with zeros
    (``fill=False`` leaves them out)."""
    cells = _series_query(store, by, dedup, dyad=(a, b), directed=directed, since=since,
                          until=until, types=types)
    return _pivot(cells, by, fill)


def series(store: "Store", by: str = "month", dedup: bool = False, fill: bool = True,
           **filters: Any) -> list[dict]:
    """The same series for any filter (one actor, a category, a word in the evidence)."""
    return _pivot(_series_query(store, by, dedup, **filters), by, fill)


def balance(store: "Store", a: str, b: str, since=None, until=None, dedup: bool = False,
            directed: bool = False) -> dict:
    """Cooperation (quad classes 1-2) against conflict (3-4) between a and b."""
    src, params = source_sql(make_filter(dyad=(a, b), directed=directed, since=since, until=until), dedup)
    rows = store.select(f"SELECT s.quad_class AS quad, count(*) AS n, sum(s.goldstein) AS g FROM {src} s "
                        "GROUP BY 1", params)
    by_quad = {int(r["quad"] or 0): int(r["n"]) for r in rows}
    total = sum(by_quad.values())
    g_sum = sum(float(r["g"] or 0.0) for r in rows)
    cooperation = by_quad.get(1, 0) + by_quad.get(2, 0)
    conflict = by_quad.get(3, 0) + by_quad.get(4, 0)
    classified = cooperation + conflict
    return {
        "a": a.upper(), "b": b.upper(), "directed": directed, "events": total,
        "cooperation": cooperation, "conflict": conflict,
        "verbal_cooperation": by_quad.get(1, 0), "material_cooperation": by_quad.get(2, 0),
        "verbal_conflict": by_quad.get(3, 0), "material_conflict": by_quad.get(4, 0),
        "cooperation_share": round(cooperation / classified, 4) if classified else None,
        "conflict_share": round(conflict / classified, 4) if classified else None,
        # -1 (all conflict) .. +1 (all cooperation)
        "balance": round((cooperation - conflict) / classified, 4) if classified else None,
        "goldstein_sum": round(g_sum, 3),
        "goldstein_mean": round(g_sum / total, 3) if total else None,
    }


def top_actors(store: "Store", limit: int = 20, since=None, until=None,
               dedup: bool = False) -> list[dict]:
    """Actors (countries, and international or non-state bodies by name) in most events,
    as actor or recipient."""
    from .store import country_name

    if since is None and until is None and not dedup:
        # Every entity belongs to a stored event: with no filter the events need not be read.
        events_sql, params = "", []
    else:
        src, params = source_sql(make_filter(since=since, until=until), dedup)
        events_sql = f"JOIN (SELECT s.id FROM {src} s) s ON s.id = n.event_id "
    # One row per event, actor and role first (a compound side names a country twice), then
    # plain counts: cheaper than three count(DISTINCT ...) over the whole join.
    sql = ("WITH roles AS (SELECT DISTINCT n.event_id, n.code, "
           f"CASE WHEN n.code IN {NON_STATE_SQL} THEN n.name END AS body, n.role "
           f"FROM entities n {events_sql}WHERE n.code IS NOT NULL) "
           "SELECT code, body, count(DISTINCT event_id) AS events, "
           "count(*) FILTER (WHERE role = 'actor') AS as_actor, "
           "count(*) FILTER (WHERE role = 'recipient') AS as_recipient "
           "FROM roles GROUP BY 1, 2 ORDER BY events DESC, code, body LIMIT ?")
    rows = store.select(sql, params + [int(limit)])
    out = []
    for r in rows:
        out.append({"code": r["code"], "name": r["body"] or country_name(r["code"]),
                    "events": int(r["events"]), "as_actor": int(r["as_actor"]),
                    "as_recipient": int(r["as_recipient"])})
    return out


def top_dyads(store: "Store", limit: int = 20, since=None, until=None, dedup: bool = False,
              directed: bool = False) -> list[dict]:
    """Pairs of actor codes with most events (undirected: a <= b) and their Goldstein mean."""
    from .store import country_name

    src, params = source_sql(make_filter(since=since, until=until), dedup)
    if directed:
        pair = "s.actor_code AS a, s.recipient_code AS b"
    else:
        pair = ("least(s.actor_code, s.recipient_code) AS a, "
                "greatest(s.actor_code, s.recipient_code) AS b")
    sql = (f"SELECT {pair}, count(*) AS events, avg(s.goldstein) AS goldstein_mean, "
           "count(*) FILTER (WHERE s.quad_class IN (1, 2)) AS cooperation, "
           "count(*) FILTER (WHERE s.quad_class IN (3, 4)) AS conflict "
           f"FROM {src} s WHERE s.actor_code IS NOT NULL AND s.recipient_code IS NOT NULL "
           "GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?")
    rows = store.select(sql, params + [int(limit)])
    for r in rows:
        r["events"] = int(r["events"])
        r["cooperation"] = int(r["cooperation"])
        r["conflict"] = int(r["conflict"])
        r["goldstein_mean"] = round(float(r["goldstein_mean"]), 3) if r["goldstein_mean"] is not None else None
        r["a_name"] = country_name(r["a"])
        r["b_name"] = country_name(r["b"])
    return rows


def _entity_label(entities: Iterable[dict]) -> str:
    return ", ".join(e.get("name") or e.get("text") or e.get("code") or "?" for e in entities)


def timeline(store: "Store", a: str, b: str, since=None, until=None, limit: Optional[int] = 500,
             dedup: bool = True, directed: bool = False, types=None) -> list[dict]:
    """Events between a and b, oldest first, each with its evidence sentence and sources."""
    records = store.events(limit=limit, dedup=dedup, oldest_first=True, dyad=(a, b),
                           directed=directed, since=since, until=until, types=types)
    out = []
    for r in records:
        out.append({
            "date": r["date"], "date_precision": r["date_precision"], "event": r["event"],
            "cameo": r["cameo"], "quad_class": r["quad_class"], "goldstein": r["goldstein"],
            "actor": _entity_label(r["actor"]), "recipient": _entity_label(r["recipient"]),
            "text": r["text"], "doc": r["doc"], "url": r["url"], "mentions": r["mentions"],
            "sources": r["sources"], "id": r["id"],
        })
    return out


def to_frame(rows: Any):
    """A pandas DataFrame of any result here (list of dicts, or one dict as one row);
    a ``period`` or ``date`` column becomes datetime64."""
    import pandas as pd

    if isinstance(rows, dict):
        rows = [rows]
    frame = pd.DataFrame(list(rows))
    for column in ("period", "date"):
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column])
    return frame
