"""The relations monitor: the weeks in which a dyad (or an actor) departs from its own recent
history, each with the reports that made the difference.

Everything is a pure function of the store's events and the ``Settings``: the same store
always gives the same alerts, and each alert carries the figures that made it fire.

1. **Series** (``weekly_rows``). Events are counted once per report group (the store's
   ``dedup_key``: one event told by fifty articles is one report), per ISO week (Monday
   first), for every undirected dyad and every state actor: reports, conflict reports
   (quad classes 3-4), cooperation reports (1-2), and their Goldstein weights.
2. **Tests** (``alerts.stats``). A week is compared with the same series over the
   ``baseline_weeks`` weeks before it (a week without events is a zero, from the store's
   first week on): a *conflict surge* or a *cooperation drop* when the count over the last
   one, two or four weeks is too unlikely under a negative binomial with the baseline's
   rate and spread; a *turn to hostility* or *to cooperation* when the week's mean
   Goldstein moves ``tone_min_shift`` points and its share of conflict reports is too
   unlikely under the baseline's share; a *first contact* when reports come after
   ``silence_weeks`` weeks without any.
3. **Evidence** (``alerts.evidence``). A candidate is confirmed on its reports: copies of one
   story are merged, the alert must rest on ``min_reports`` reports from ``min_stories``
   independent articles and ``min_sources`` outlets, and must still hold without the one
   story it leans on most. One alert per dyad and week, one per lasting change; an actor's
   alert that its dyads' alerts explain is left out.

The score is ``-log10`` of the chance, under the baseline, of weeks at least this far from
it (3: one in a thousand). ``alerts.store`` keeps the alerts; ``webhook`` sends them. The records (``Alert``, ``Settings``,
``WeekRow``, ``Span``) are in ``alerts.model``.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Iterable, Optional

from ..knowledge.codes import NON_STATE_CODES
from .model import (DEFAULT_SETTINGS, KINDS, Alert, Settings, Span, WeekRow, alert_id,  # noqa: F401
                    week_of)

if TYPE_CHECKING:
    from ..store import Store

_WEEK = "CAST(date_trunc('week', CAST(day AS TIMESTAMP)) AS DATE)"
_SUMS = ("count(*) AS reports, "
         "sum(CASE WHEN quad IN (3, 4) THEN 1 ELSE 0 END) AS conflict, "
         "sum(CASE WHEN quad IN (1, 2) THEN 1 ELSE 0 END) AS cooperation, "
         "sum(gs) AS gsum, sum(gs * gs) AS gsq")


def weekly_sql(since: Optional[date], until: Optional[date]) -> tuple[str, list]:
    """Reports per week for every dyad ('dyad'), every state actor ('actor') and the whole
    store ('all'), one row per report group."""
    where, params = ["e.date IS NOT NULL"], []
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until)
    non_state = ", ".join(f"'{c}'" for c in NON_STATE_CODES)
    sql = (
        "WITH g AS (SELECT e.dedup_key, min(e.actor_code) AS ac, min(e.recipient_code) AS rc, "
        "min(e.date) AS day, min(e.quad_class) AS quad, avg(e.goldstein) AS gs FROM events e "
        f"WHERE {' AND '.join(where)} GROUP BY e.dedup_key), "
        f"w AS (SELECT ac, rc, {_WEEK} AS week, quad, gs FROM g) "
        f"SELECT 'dyad' AS scope, least(ac, rc) AS a, greatest(ac, rc) AS b, week, {_SUMS} "
        "FROM w WHERE ac IS NOT NULL AND rc IS NOT NULL GROUP BY least(ac, rc), greatest(ac, rc), week "
        f"UNION ALL SELECT 'actor', code, '', week, {_SUMS} FROM ("
        " SELECT ac AS code, week, quad, gs FROM w"
        " UNION ALL SELECT rc, week, quad, gs FROM w WHERE ac IS NULL OR rc <> ac) x "
        f"WHERE code IS NOT NULL AND code NOT IN ({non_state}) GROUP BY code, week "
        f"UNION ALL SELECT 'all', '', '', week, {_SUMS} FROM w GROUP BY week")
    return sql, params


def weekly_rows(store: "Store", since: Optional[date] = None, until: Optional[date] = None) -> list[WeekRow]:
    sql, params = weekly_sql(since, until)
    return [WeekRow(scope, a, b, week, int(n), int(c or 0), int(p or 0), float(g or 0.0), float(q or 0.0))
            for scope, a, b, week, n, c, p, g, q in store.backend.query(sql, params)]


def target_weeks(span: Span, weeks: Optional[Iterable[date]] = None, since: Optional[date] = None,
                 until: Optional[date] = None) -> list[date]:
    """Weeks to judge: the given ones, else every week from ``since`` (or the store's first)
    to ``until`` (or its last)."""
    if weeks is not None:
        chosen = {week_of(d) for d in weeks}
    else:
        first = week_of(since) if since else span.first_week
        last = week_of(until) if until else week_of(span.last_day)
        chosen = {first + timedelta(weeks=i) for i in range(max((last - first).days // 7 + 1, 0))}
    return sorted(w for w in chosen
                  if (not since or w >= week_of(since)) and (not until or w <= week_of(until)))


def compute_alerts(store: "Store", weeks: Optional[Iterable[date]] = None, since: Optional[date] = None,
                   until: Optional[date] = None, dyad: Optional[tuple[str, str]] = None,
                   settings: Settings = DEFAULT_SETTINGS) -> list[Alert]:
    """The alerts of the chosen weeks (all weeks by default), newest first. Reads only.

    A change that lasts fires once, in its first week: an alert whose dyad (or actor) had
    an alert of the same kind in the weeks it judged, or the week before, is the same
    change and is left out."""
    from .evidence import confirm
    from .stats import find_candidates

    span = Span.of(store)
    if span is None:
        return []
    targets = target_weeks(span, weeks, since, until)
    if not targets:
        return []
    # the weeks before are judged too, to tell a new change from one that goes on
    judged = sorted(set(targets) | {w - timedelta(weeks=k) for w in targets for k in range(1, max(settings.windows) + 1)})
    reach = max(settings.baseline_weeks + max(settings.windows), settings.silence_weeks) + 1
    weekly = weekly_rows(store, since=max(judged[0] - timedelta(weeks=reach), span.first_week),
                         until=judged[-1] + timedelta(days=6))
    if dyad:
        a, b = sorted(code.upper() for code in dyad)
        weekly = [r for r in weekly if r.scope == "all" or (r.scope == "dyad" and (r.a, r.b) == (a, b))]
    alerts = confirm(store, find_candidates(weekly, judged, span, settings), settings)
    wanted = set(targets)
    alerts = [al for al in alerts if al.week in wanted]
    alerts.sort(key=lambda al: (al.week, al.score, al.id), reverse=True)
    return alerts


def weeks_touched(store: "Store", added_since: datetime) -> list[date]:
    """The weeks of the events of documents stored at or after ``added_since`` (an ingest run)."""
    rows = store.backend.query(
        f"SELECT DISTINCT {_WEEK.replace('day', 'e.date')} FROM events e JOIN documents d ON d.id = e.doc "
        "WHERE d.added_at >= ? AND e.date IS NOT NULL", (added_since.replace(microsecond=0),))
    return sorted(r[0] for r in rows)
