"""The evidence behind an alert: the week's reports of its dyad or actor, with the copies of
one story merged, counted as reports, independent stories and outlets, and the candidate
confirmed (or not) on those counts.

A *report* is one event group of the store (same category, actor and recipient codes and
date: several articles telling one event are one report); groups whose evidence sentence is
word for word the same are merged too (a republished story whose copies carry different
dates). A *story* is a set of articles linked by a shared evidence sentence or title: an
article republished by thirty outlets is one story. Sentences and titles shorter than
``MIN_LINK_WORDS`` words link nothing (a bare "Talks were held." is no copy).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Hashable, Optional

if TYPE_CHECKING:
    from .model import Alert, Settings
    from ..store import Store

MIN_LINK_WORDS = 5
EVIDENCE_SHOWN = 12  # reports kept with an alert, the most telling first
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: Optional[str]) -> Optional[str]:
    """Lower-case words only, or None for text too short to identify a copy."""
    words = _WORD.findall((text or "").lower())
    return " ".join(words) if len(words) >= MIN_LINK_WORDS else None


class _Links:
    """Union-find over hashable keys."""

    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, key: Hashable) -> Hashable:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # type: ignore[type-var]

    def groups(self) -> dict[Hashable, list[Hashable]]:
        out: dict[Hashable, list[Hashable]] = defaultdict(list)
        for key in list(self.parent):
            out[self.find(key)].append(key)
        return out


@dataclass
class Reports:
    """Reports (lists of rows, copies merged), the stories telling each, and the outlets."""

    groups: list[list[dict]]
    stories: list[frozenset]

    @property
    def n(self) -> int:
        return len(self.groups)

    @property
    def story_count(self) -> int:
        return len(frozenset().union(*self.stories)) if self.stories else 0

    @property
    def outlets(self) -> int:
        return len({row["source"] or row["doc"] for group in self.groups for row in group})

    def keep(self, wanted) -> "Reports":
        pairs = [(g, st) for g, st in zip(self.groups, self.stories) if wanted(g)]
        return Reports([g for g, _ in pairs], [st for _, st in pairs])

    def largest_story(self) -> Optional[Hashable]:
        """The story that alone tells the most reports (the one the alert leans on most)."""
        alone: dict[Hashable, int] = defaultdict(int)
        for told_by in self.stories:
            if len(told_by) == 1:
                alone[next(iter(told_by))] += 1
        if not alone:
            return None
        return max(sorted(alone, key=repr), key=lambda story: alone[story])

    def without(self, story: Optional[Hashable]) -> "Reports":
        return self.keep(lambda g: True) if story is None else Reports(
            [g for g, st in zip(self.groups, self.stories) if st != frozenset([story])],
            [st for st in self.stories if st != frozenset([story])])


def merge_copies(rows: list[dict], link_copies: bool = True) -> Reports:
    """The rows as reports: one per event group, groups sharing an evidence sentence merged
    (``link_copies=False``: every article its own story, no groups merged)."""
    groups = _Links()
    articles = _Links()
    for row in rows:
        groups.find(("group", row["dedup_key"]))
        articles.find(("doc", row["doc"]))
        if not link_copies:
            continue
        sentence = row["norm_text"] if "norm_text" in row else normalise(row["text"])
        if sentence:
            groups.join(("group", row["dedup_key"]), ("text", sentence))
            articles.join(("doc", row["doc"]), ("text", sentence))
        title = row["norm_title"] if "norm_title" in row else normalise(row.get("title"))
        if title:
            articles.join(("doc", row["doc"]), ("title", title))
    members: dict[Hashable, list[dict]] = defaultdict(list)
    for row in rows:
        members[groups.find(("group", row["dedup_key"]))].append(row)
    reports = sorted(members.values(), key=lambda rs: min(r["id"] for r in rs))
    stories = [frozenset(articles.find(("doc", r["doc"])) for r in report) for report in reports]
    return Reports(reports, stories)


def evidence_item(report: list[dict]) -> dict:
    """The report as its first-published article tells it (``attach_records`` adds the
    full event record), with how many articles and outlets told it."""
    first = min(report, key=lambda r: (r["doc_published"] or r["date"], r["doc"], r["id"]))
    return {"id": first["id"], "doc": first["doc"], "date": first["date"].isoformat(),
            "goldstein": first["goldstein"], "mentions": len(report),
            "sources": sorted({r["doc"] for r in report}),
            "outlets": sorted({r["source"] or r["doc"] for r in report}),
            "url": first["url"], "title": first["title"]}


def _ordered(items: list[dict], kind: str) -> list[dict]:
    if kind in ("conflict_surge", "hostile_turn", "cooperation_drop"):
        return sorted(items, key=lambda e: (e.get("goldstein") or 0.0, e.get("date") or "", e["id"]))
    if kind == "warming":
        return sorted(items, key=lambda e: (-(e.get("goldstein") or 0.0), e.get("date") or "", e["id"]))
    return sorted(items, key=lambda e: (e.get("date") or "", e["id"]))


def _chance(p: float) -> str:
    """'about 1 in 640,000', 'about 1 in 46 million': two significant figures are plenty."""
    if p <= 1e-12:
        return "under one in a trillion"
    if p >= 0.5:
        return f"{p:.0%}"
    odds = float(f"{1 / p:.2g}")
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if odds >= size:
            return f"about 1 in {odds / size:g} {word}"
    return f"about 1 in {odds:,.0f}"


def _report_goldstein(report: list[dict]) -> float:
    return sum(r["goldstein"] or 0.0 for r in report) / len(report)


def _is_conflict(report: list[dict]) -> bool:
    return min(r["quad"] or 0 for r in report) in (3, 4)


def _test(kind: str, candidate: dict, reports: Reports, settings: "Settings") -> tuple[float, float]:
    """(observed, chance) of the candidate's test on these reports."""
    from .stats import tone_chance, upper_tail

    if kind == "conflict_surge":
        n = reports.n
        if n < settings.surge_min_ratio * candidate["expected"]:
            return float(n), 1.0
        return float(n), upper_tail(n, candidate["expected"], candidate["size"])
    if kind == "first_contact":
        return float(reports.n), upper_tail(reports.n, candidate["rate"])
    if kind == "cooperation_drop":
        return float(candidate["observed"]), candidate["p"]
    if not reports.n:
        return candidate["expected"], 1.0
    mean = sum(_report_goldstein(g) for g in reports.groups) / reports.n
    shift = mean - candidate["expected"]
    hostile = kind == "hostile_turn"
    if (shift < 0) != hostile or abs(shift) < settings.tone_min_shift:
        return mean, 1.0
    conflict = sum(_is_conflict(g) for g in reports.groups)
    return mean, tone_chance(hostile, conflict, reports.n, mean, candidate, settings)


def _summary(kind: str, candidate: dict, observed: float, p: float, settings: "Settings") -> str:
    B, L, expected = settings.baseline_weeks, candidate["window"], candidate["expected"]
    span = "in the week" if L == 1 else f"in {L} weeks"
    if kind == "conflict_surge":
        return (f"{observed:.0f} conflict reports {span}, {observed / expected:.1f} times the "
                f"{expected:.1f} expected from the {B} weeks before (chance {_chance(p)}).")
    if kind == "cooperation_drop":
        return (f"{observed:.0f} cooperation reports {span} against {expected:.1f} expected from the "
                f"{B} weeks before ({observed / expected:.0%}; chance {_chance(p)}).")
    if kind == "first_contact":
        return f"{observed:.0f} reports after {settings.silence_weeks} weeks or more without any (chance {_chance(p)})."
    return (f"Mean Goldstein {observed:+.1f} against {expected:+.1f} over the {B} weeks before "
            f"({observed - expected:+.1f} points; {candidate['base_share']:.0%} of the reports before were "
            f"conflict; chance {_chance(p)}).")


def judge(candidate: dict, rows: list[dict], settings: "Settings") -> Optional["Alert"]:
    """The alert if the candidate holds on its evidence, else None.

    Copies are merged before counting, and an alert (other than a drop: an absence has no
    evidence to corroborate) must rest on ``min_reports`` reports from ``min_stories``
    stories and ``min_sources`` outlets, and still pass its test, on two reports or more,
    without the one story it leans on most."""
    from .model import Alert
    from .stats import score_of

    kind, week = candidate["kind"], candidate["week"]
    start = week - timedelta(weeks=candidate["window"] - 1)
    rows = [r for r in rows if r["date"] >= start]
    if kind == "conflict_surge":
        rows = [r for r in rows if r["quad"] in (3, 4)]
    reports = merge_copies(rows, settings.copy_check)
    observed, p = _test(kind, candidate, reports, settings)
    if score_of(p) < settings.min_score:
        return None
    stats: dict[str, Any] = {k: v for k, v in candidate.items()
                             if k not in ("scope", "a", "b", "week", "kind", "baseline")}
    stats["p"] = p
    driving = reports
    if kind in ("hostile_turn", "warming"):
        side = -1 if kind == "hostile_turn" else 1
        driving = reports.keep(lambda g: side * (_report_goldstein(g) - candidate["expected"]) > 0)
    if kind != "cooperation_drop":
        if (driving.n < settings.min_reports or driving.story_count < settings.min_stories
                or driving.outlets < settings.min_sources):
            return None
        largest = driving.largest_story() if settings.copy_check else None
        _, p_without = _test(kind, candidate, reports.without(largest), settings)
        stats["score_without_largest_story"] = score_of(p_without)
        if score_of(p_without) < settings.min_score or driving.without(largest).n < 2:
            return None
    expected = candidate["expected"]
    size = observed - expected if kind in ("hostile_turn", "warming") else (
        observed if kind == "first_contact" else observed / expected)
    n = driving.n
    summary = _summary(kind, candidate, observed, p, settings)
    if kind == "cooperation_drop":
        summary += f" {n} report{'s' if n != 1 else ''} of any kind in {'that week' if candidate['window'] == 1 else 'those weeks'}."
    else:
        summary += (f" {'Driven by ' if kind in ('hostile_turn', 'warming') else ''}{n} report{'s' if n != 1 else ''}"
                    f" told in {driving.story_count} independent article{'s' if driving.story_count != 1 else ''}"
                    f" by {driving.outlets} outlet{'s' if driving.outlets != 1 else ''}.")
    items = _ordered([evidence_item(g) for g in driving.groups], kind)
    stats["evidence_total"] = len(items)
    return Alert(scope=candidate["scope"], a=candidate["a"], b=candidate["b"], week=week,
                 kind=kind, observed=round(observed, 3), expected=round(expected, 3), size=round(size, 3),
                 score=score_of(p), reports=n, stories=driving.story_count, sources=driving.outlets,
                 summary=summary, baseline=candidate["baseline"], events=items[:EVIDENCE_SHOWN], stats=stats)


# One alert per dyad (or actor) and week: the first kind in this order; the others it
# coincides with are named in its summary (a surge usually also turns the mean Goldstein).
PRECEDENCE = ("first_contact", "conflict_surge", "cooperation_drop", "hostile_turn", "warming")


def one_per_week(alerts: list["Alert"]) -> list["Alert"]:
    from .model import KINDS

    by_subject: dict[tuple, list["Alert"]] = defaultdict(list)
    for alert in alerts:
        by_subject[(alert.scope, alert.a, alert.b, alert.week)].append(alert)
    out = []
    for group in by_subject.values():
        group.sort(key=lambda a: PRECEDENCE.index(a.kind))
        main, others = group[0], group[1:]
        if others:
            main.stats["also"] = [{"kind": o.kind, "score": o.score, "summary": o.summary} for o in others]
            main.summary += " Also: " + "; ".join(
                f"{KINDS[o.kind]} ({o.summary[0].lower()}{o.summary.split(' (')[0][1:]})" for o in others) + "."
        out.append(main)
    return out


def explained_by_dyads(alert: "Alert", dyad_alerts: list["Alert"]) -> bool:
    """An actor alert is left out when its own dyad alerts of that week and kind carry at
    least half of it (the analyst sees the dyad; the actor adds nothing)."""
    related = [d for d in dyad_alerts if d.week == alert.week and alert.a in (d.a, d.b)
               and alert.kind in [d.kind] + [o["kind"] for o in d.stats.get("also", ())]]
    if not related:
        return False
    if alert.kind == "cooperation_drop":
        return sum(d.expected - d.observed for d in related) >= 0.5 * (alert.expected - alert.observed)
    return sum(d.reports for d in related) >= 0.5 * alert.reports


BATCH = 300  # candidates whose reports are read in one query


_COLUMNS = ("e.id, e.doc, e.dedup_key, e.date, e.quad_class AS quad, e.goldstein, "
            "e.actor_code AS ac, e.recipient_code AS rc, e.text")


def _values(ranges: dict, width: int) -> tuple[str, list]:
    row = "(" + ", ".join(["?"] * (width - 2) + ["CAST(? AS DATE)", "CAST(? AS DATE)"]) + ")"
    params = [v for key, (lo, hi) in sorted(ranges.items()) for v in (*key, lo, hi)]
    return "VALUES " + ", ".join([row] * len(ranges)), params


def read_rows(store: "Store", dyads: dict, actors: Optional[dict] = None) -> list[dict]:
    """The reports of each dyad ``(a, b): (first day, last day)`` and each actor
    ``(code,): (first, last)``, with their article's outlet, title, address and date."""
    parts, params = [], []
    if dyads:
        values, more = _values(dyads, 4)
        parts.append(f"SELECT {_COLUMNS} FROM events e JOIN ({values}) AS c(a, b, lo, hi) "
                     "ON least(e.actor_code, e.recipient_code) = c.a AND greatest(e.actor_code, e.recipient_code) = c.b "
                     "AND e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL "
                     "AND e.date >= c.lo AND e.date <= c.hi")
        params += more
    for side, other in (("actor_code", None), ("recipient_code", "actor_code")):
        if actors:
            values, more = _values(actors, 3)
            twice = f" AND e.{other} IS DISTINCT FROM c.code" if other else ""
            parts.append(f"SELECT {_COLUMNS} FROM events e JOIN ({values}) AS c(code, lo, hi) "
                         f"ON e.{side} = c.code AND e.date >= c.lo AND e.date <= c.hi{twice}")
            params += more
    if not parts:
        return []
    rows = store.select(" UNION ".join(parts) + " ORDER BY 1", params)
    docs: dict[str, dict] = {}
    names = sorted({r["doc"] for r in rows})
    for start in range(0, len(names), 5000):
        for d in store.select("SELECT id, source, title, url, published FROM documents WHERE id = ANY(?)",
                              (names[start:start + 5000],)):
            docs[d["id"]] = d
    titles: dict[Optional[str], Optional[str]] = {}
    for row in rows:
        doc = docs.get(row["doc"], {})
        title = doc.get("title")
        if title not in titles:
            titles[title] = normalise(title)
        row.update(source=doc.get("source"), title=title, url=doc.get("url"),
                   doc_published=doc.get("published"), norm_text=normalise(row["text"]),
                   norm_title=titles[title])
    return rows


def _window(candidate: dict) -> tuple:
    week = candidate["week"]
    return week - timedelta(weeks=candidate["window"] - 1), week + timedelta(days=6)


def _wider(ranges: dict, key: tuple, window: tuple) -> None:
    lo, hi = ranges.get(key, window)
    ranges[key] = (min(lo, window[0]), max(hi, window[1]))


def attach_records(store: "Store", alerts: list["Alert"]) -> None:
    """Put each evidence item's full event record (entities, trigger, sentence) under it."""
    ids = sorted({e["id"] for a in alerts for e in a.events})
    records: dict[str, dict] = {}
    for start in range(0, len(ids), 1000):
        for row in store.select("SELECT id, record FROM events WHERE id = ANY(?)", (ids[start:start + 1000],)):
            records[row["id"]] = json.loads(row["record"])
    for alert in alerts:
        alert.events = [{**records.get(e["id"], {}), **e} for e in alert.events]


def continuing(alerts: list["Alert"]) -> list["Alert"]:
    """Leave out an alert that continues an earlier one: its dyad or actor had an alert of
    the same kind in the weeks it judged or the week before them (one change, one alert)."""
    seen = {(a.scope, a.a, a.b, a.kind, a.week) for a in alerts}

    def earlier(a: "Alert") -> bool:
        weeks = int(a.stats.get("window", 1))
        return any((a.scope, a.a, a.b, a.kind, a.week - timedelta(weeks=k)) in seen for k in range(1, weeks + 1))

    return [a for a in alerts if not earlier(a)]


def confirm(store: "Store", candidates: list[dict], settings: "Settings") -> list["Alert"]:
    """Read the candidates' reports (a few hundred candidates per query) and keep those that hold."""
    alerts: list["Alert"] = []
    ordered = sorted(candidates, key=lambda c: (c["week"], c["scope"], c["a"], c["b"] or "", c["kind"]))
    for start in range(0, len(ordered), BATCH):
        batch = ordered[start:start + BATCH]
        dyads: dict[tuple, tuple] = {}
        actors: dict[tuple, tuple] = {}
        for c in batch:
            if c["scope"] == "actor":
                _wider(actors, (c["a"],), _window(c))
            else:
                _wider(dyads, (c["a"], c["b"]), _window(c))
        by_pair: dict[tuple, list[dict]] = defaultdict(list)
        by_code: dict[str, list[dict]] = defaultdict(list)
        for row in read_rows(store, dyads, actors):
            if row["ac"] is not None and row["rc"] is not None:
                by_pair[tuple(sorted((row["ac"], row["rc"])))].append(row)
            for code in {row["ac"], row["rc"]} - {None}:
                if (code,) in actors:
                    by_code[code].append(row)
        for candidate in batch:
            pool = by_code[candidate["a"]] if candidate["scope"] == "actor" else by_pair[(candidate["a"], candidate["b"])]
            lo, hi = _window(candidate)
            alert = judge(candidate, [r for r in pool if lo <= r["date"] <= hi], settings)
            if alert is not None:
                alerts.append(alert)
    alerts = one_per_week(continuing(alerts))
    dyad_alerts = [a for a in alerts if a.scope == "dyad"]
    alerts = [a for a in alerts if a.scope == "dyad" or not explained_by_dyads(a, dyad_alerts)]
    attach_records(store, alerts)
    return alerts
