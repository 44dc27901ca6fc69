"""The relations monitor's records: the kinds of alert, the settings, an alert, a week's row, a span.

Shared by the monitor's steps (``alerts``, ``alerts.stats``, ``alerts.evidence``, ``alerts.store``).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple, Optional

if TYPE_CHECKING:
    from ..store import Store

KINDS = {
    "conflict_surge": "conflict surge",
    "cooperation_drop": "cooperation drop",
    "hostile_turn": "turn to hostility",
    "warming": "turn to cooperation",
    "first_contact": "first contact after a long silence",
}


@dataclass(frozen=True)
class Settings:
    """The monitor's thresholds (chosen with benchmarks/alerts.py; see the README)."""

    baseline_weeks: int = 26       # the recent history a week is compared with
    min_history_weeks: int = 8     # weeks of store before a week can be judged
    windows: tuple = (1, 2, 4)     # count changes are judged over windows of these many weeks
    min_reports: int = 3           # distinct reports (copies merged) behind an alert
    min_stories: int = 2           # independent stories (a republished story is one)
    min_sources: int = 2           # distinct outlets
    min_score: float = 3.0         # -log10 chance under the baseline
    surge_min_ratio: float = 2.0   # conflict reports at least this many times the expected
    prior_reports: float = 0.5     # added to a baseline's reports (a silent baseline is not a rate of 0)
    dispersion: float = 4.0        # largest negative binomial size for weekly counts (news swings)
    window_growth: float = 0.5     # how the size grows with a window's weeks (1: independent weeks)
    drop_min_baseline: float = 2.0  # cooperation reports a week before a drop can be judged
    drop_max_ratio: float = 0.4    # cooperation at most this share of the expected
    min_coverage: float = 0.5      # the store's volume in the window against its baseline
    tone_min_shift: float = 2.0    # Goldstein points between the week's mean and the baseline's
    tone_min_baseline: int = 6     # baseline reports needed for a tone test
    share_concentration: float = 40.0  # cap on the beta prior of the baseline's conflict share
    tone_test: str = "share"       # "share" (conflict share, beta-binomial) or "mean_z" (see alerts.stats)
    tone_sd_floor: float = 1.0     # mean_z only: smallest spread of one report's Goldstein weight
    tone_min_weeks: int = 4        # mean_z only: baseline weeks with reports
    silence_weeks: int = 26        # weeks without reports before a first contact
    copy_check: bool = True        # merge copies, count stories, test without the largest story

    def as_dict(self) -> dict:
        return asdict(self)


DEFAULT_SETTINGS = Settings()


@dataclass
class Alert:
    scope: str                # "dyad" or "actor"
    a: str
    b: Optional[str]          # None for an actor alert
    week: date                # the Monday of the week
    kind: str
    observed: float
    expected: float
    size: float               # observed / expected for counts; Goldstein shift for tone
    score: float
    reports: int
    stories: int
    sources: int
    summary: str
    baseline: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    stats: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return alert_id(self.scope, self.a, self.b, self.week, self.kind)

    @property
    def subject(self) -> str:
        return f"{self.a}–{self.b}" if self.b else self.a

    def to_dict(self) -> dict:
        out = asdict(self)
        out["id"] = self.id
        out["week"] = self.week.isoformat()
        out["week_end"] = (self.week + timedelta(days=6)).isoformat()
        out["kind_label"] = KINDS.get(self.kind, self.kind)
        return out


def alert_id(scope: str, a: str, b: Optional[str], week: date, kind: str) -> str:
    """Stable: what the alert is about, not what it found (a re-run keeps the id)."""
    key = "|".join([scope, a, b or "", week.isoformat(), kind])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# -- weekly series from the store --------------------------------------------------------

class WeekRow(NamedTuple):
    """One subject's week: ('dyad', a, b), ('actor', code, '') or ('all', '', '')."""

    scope: str
    a: str
    b: str
    week: date
    reports: int
    conflict: int
    cooperation: int
    gsum: float
    gsq: float



@dataclass(frozen=True)
class Span:
    """The store's first week, its last day with events and its last complete week."""

    first_week: date
    last_day: date
    complete_through: date  # Monday of the last week the store has whole

    @classmethod
    def of(cls, store: "Store") -> Optional["Span"]:
        first, last, published = store.backend.query(
            "SELECT min(date), max(date), max(published) FROM events WHERE date IS NOT NULL")[0]
        if first is None:
            return None
        newest = max(d for d in (last, published) if d is not None)
        complete = week_of(newest) - timedelta(days=0 if newest.weekday() == 6 else 7)
        return cls(week_of(first), last, complete)


# -- the whole run ------------------------------------------------------------------------
