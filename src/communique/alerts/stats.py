"""The relations monitor's statistical tests: which subject-weeks depart from their
baseline (``find_candidates``), before ``alerts.evidence`` checks them on the reports.

Pure functions of the weekly rows (``alerts.weekly_rows``); the work is done on dense
subject-by-week blocks with cumulative sums, so every week of every dyad of a store of a
million events is judged in seconds.

Counts (conflict surge, cooperation drop) are judged over windows of ``windows`` weeks
ending at the week (one week catches a spike; two and four catch a smaller change that
lasts, as a CUSUM would). The expected count of a window of L weeks after a baseline of
S reports in n weeks is M = L (S + prior) / n, and its spread a negative binomial whose
size k obeys 1/k = 1/(L^g k_week) + 1/(S + prior): the swings of news attention (k_week,
the smaller of ``dispersion`` and the baseline's own moment estimate; g is
``window_growth``: 1 if attention were independent from week to week, 0 if it lasted the
whole window; news attention lasts, so less than 1) plus the uncertainty of a rate read
off a few weeks (the gamma-Poisson predictive).

Tone (hostile turn, warming) is judged on the share of conflict among the week's reports
against the baseline's share (a beta-binomial tail: the volume of news cancels out, and a
week of three reports has to move much further than a week of thirty), and reported as
the shift of the mean Goldstein weight. ``tone_test="mean_z"`` judges the mean Goldstein
with a z-score instead (random effects), which benchmarks/alerts.py measures as noisier.
"""
from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable, Optional

import numpy as np

if TYPE_CHECKING:
    from .model import Settings, Span, WeekRow

SUBJECT_CHUNK = 2000  # subjects per dense block: bounds memory on stores with many dyads


# -- tails ----------------------------------------------------------------------------------
def _log_pmf(j: int, mean: float, size: Optional[float]) -> float:
    if size is None:
        return j * math.log(mean) - mean - math.lgamma(j + 1)
    p = size / (size + mean)
    return (math.lgamma(j + size) - math.lgamma(size) - math.lgamma(j + 1)
            + size * math.log(p) + j * math.log1p(-p))


def upper_tail(x: int, mean: float, size: Optional[float] = None) -> float:
    """P(X >= x) for a negative binomial of this mean and size (Poisson when size is None)."""
    if x <= 0:
        return 1.0
    if x <= mean:
        return max(0.0, 1.0 - lower_tail(x - 1, mean, size))
    # beyond the mode the terms shrink geometrically: sum them relative to the first
    term, total, j = 1.0, 1.0, x
    while term > 1e-15 * total and j < x + 100_000:
        ratio = mean / (j + 1) if size is None else (j + size) / (j + 1) * mean / (size + mean)
        term *= ratio
        total += term
        j += 1
    return min(1.0, math.exp(_log_pmf(x, mean, size)) * total)


def lower_tail(x: int, mean: float, size: Optional[float] = None) -> float:
    """P(X <= x)."""
    if x < 0:
        return 0.0
    return min(1.0, sum(math.exp(_log_pmf(j, mean, size)) for j in range(int(x) + 1)))


def normal_tail(z: float) -> float:
    """P(Z >= z) for a standard normal."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


def score_of(p: float) -> float:
    """-log10 of a chance: 3 is one week in a thousand."""
    return round(-math.log10(max(p, 1e-300)), 2)


def tone_z(mean: float, n: int, base_mean: float, base_var: float, swing: float,
           settings: "Settings") -> float:
    """The week's mean Goldstein of ``n`` reports against the baseline (random effects)."""
    spread = math.sqrt(max(base_var, settings.tone_sd_floor ** 2) / max(n, 1) + swing)
    return (mean - base_mean) / spread


def share_prior(conflict: float, reports: float, settings: "Settings") -> tuple[float, float]:
    """Beta parameters of the baseline's conflict share, their sum capped at
    ``share_concentration`` (the share itself moves from week to week)."""
    alpha, beta = conflict + 0.5, reports - conflict + 0.5
    scale = min(1.0, settings.share_concentration / (alpha + beta))
    return alpha * scale, beta * scale


def share_tail(conflict: int, n: int, alpha: float, beta: float, upper: bool) -> float:
    """P(X >= conflict) (or P(X <= conflict)) for a beta-binomial of n trials."""
    base = math.lgamma(alpha + beta) - math.lgamma(alpha) - math.lgamma(beta) - math.lgamma(n + alpha + beta)
    ks = range(conflict, n + 1) if upper else range(0, conflict + 1)
    total = 0.0
    for k in ks:
        total += math.exp(base + math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                          + math.lgamma(k + alpha) + math.lgamma(n - k + beta))
    return min(1.0, total)


def tone_chance(kind_hostile: bool, conflict: int, n: int, mean: float, figures: dict,
                settings: "Settings") -> float:
    """The chance of a week this far toward conflict (or away from it) under the baseline."""
    if settings.tone_test == "mean_z":
        z = tone_z(mean, n, figures["expected"], figures["base_var"], figures["swing"], settings)
        return normal_tail(-z if kind_hostile else z)
    alpha, beta = figures["share_prior"]
    return share_tail(conflict, n, alpha, beta, upper=kind_hostile)


# -- candidates -----------------------------------------------------------------------------
def find_candidates(weekly: list["WeekRow"], targets: Iterable[date], span: "Span",
                    settings: "Settings") -> list[dict]:
    """Subject-weeks whose counts or tone depart from their baseline. Each candidate is a
    dict: scope, a, b, week, kind, window, observed, expected, size or tone figures, p,
    and the baseline weeks. Pure: only the weekly rows (``alerts.weekly_rows``)."""
    from .model import week_of

    origin = span.first_week
    columns = np.array(sorted({(week_of(d) - origin).days // 7 for d in targets if week_of(d) >= origin}),
                       dtype=int)
    columns = columns[columns >= settings.min_history_weeks]
    if not weekly or not len(columns):
        return []
    width = max(max((r.week - origin).days // 7 for r in weekly), int(columns.max())) + 1
    volume = np.zeros(width)
    by_subject: dict[tuple, list] = {}
    for r in weekly:
        if r.scope == "all":
            volume[(r.week - origin).days // 7] = r.reports
        else:
            by_subject.setdefault((r.scope, r.a, r.b), []).append(r)
    keys = sorted(by_subject)
    complete = np.array([origin + timedelta(weeks=int(t)) <= span.complete_through for t in columns])
    found: list[dict] = []
    for start in range(0, len(keys), SUBJECT_CHUNK):
        chunk = keys[start:start + SUBJECT_CHUNK]
        block = {name: np.zeros((len(chunk), width)) for name in WEEK_FIGURES}
        for row, key in enumerate(chunk):
            for r in by_subject[key]:
                t = (r.week - origin).days // 7
                for name in WEEK_FIGURES:
                    block[name][row, t] = getattr(r, name)
        found += _Block(block, chunk, columns, volume, complete, origin, settings).candidates()
    return found


WEEK_FIGURES = ("reports", "conflict", "cooperation", "gsum", "gsq")


class _Block:
    def __init__(self, block, chunk, columns, volume, complete, origin, settings):
        self.m = block
        self.chunk = chunk
        self.columns = columns
        self.complete = complete
        self.origin = origin
        self.s = settings
        zero = np.zeros((len(chunk), 1))
        self.cum = {name: np.concatenate([zero, np.cumsum(matrix, axis=1)], axis=1)
                    for name, matrix in block.items()}
        for name, matrix in (("conflict2", block["conflict"] ** 2), ("cooperation2", block["cooperation"] ** 2)):
            self.cum[name] = np.concatenate([zero, np.cumsum(matrix, axis=1)], axis=1)
        self.volume = np.concatenate([[0.0], np.cumsum(volume)])
        self.best: dict[tuple, dict] = {}

    def sum(self, name: str, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Sums over weeks [start, end) for each column."""
        cum = self.cum[name]
        return cum[:, end] - cum[:, start]

    def add(self, row: int, col: int, kind: str, window: int, **figures) -> None:
        key = (row, col, kind)
        if key in self.best and self.best[key]["p"] <= figures["p"]:
            return
        t = int(self.columns[col])
        start = max(t - window + 1 - self.s.baseline_weeks, 0)
        baseline = []
        for u in range(start, t + 1):
            n = int(self.m["reports"][row, u])
            baseline.append({"week": (self.origin + timedelta(weeks=u)).isoformat(), "reports": n,
                             "conflict": int(self.m["conflict"][row, u]),
                             "cooperation": int(self.m["cooperation"][row, u]),
                             "goldstein_mean": round(float(self.m["gsum"][row, u]) / n, 3) if n else None,
                             "judged": u > t - window})
        scope, a, b = self.chunk[row]
        self.best[key] = {"scope": scope, "a": a, "b": b or None, "week": self.origin + timedelta(weeks=t),
                          "kind": kind, "window": window, "baseline": baseline, **figures}

    def candidates(self) -> list[dict]:
        s = self.s
        t = self.columns
        silent = self.sum("reports", np.maximum(t - s.silence_weeks, 0), t) == 0
        now = self.m["reports"][:, t]
        first = (now >= s.min_reports) & silent & (t >= s.silence_weeks)[None, :]
        for row, col in zip(*np.nonzero(first)):
            n = int(now[row, col])
            rate = s.prior_reports / s.silence_weeks
            self.add(row, col, "first_contact", 1, observed=n, expected=rate, rate=rate, size=None,
                     p=upper_tail(n, rate))
        for window in s.windows:
            self._counts(window, first)
        self._tone(first)
        return list(self.best.values())

    def _counts(self, window: int, blocked: np.ndarray) -> None:
        s, t = self.s, self.columns
        first = t - window + 1
        valid = (first >= s.min_history_weeks)[None, :] & ~blocked
        base_start = np.maximum(first - s.baseline_weeks, 0)
        weeks = (first - base_start).astype(float)
        # the rest of the store's reports in the window against its baseline: a gap in the
        # feed is no drop (the relation's own reports are left out of both)
        volume_base = (self.volume[first] - self.volume[base_start])[None, :] - self.sum("reports", base_start, first)
        volume_now = (self.volume[t + 1] - self.volume[first])[None, :] - self.sum("reports", first, t + 1)
        volume_base, volume_now = volume_base / np.maximum(weeks, 1), volume_now / window
        coverage = np.where(volume_base > 0, volume_now / np.maximum(volume_base, 1e-9), 1.0)
        for name, kind in (("conflict", "conflict_surge"), ("cooperation", "cooperation_drop")):
            now = self.sum(name, first, t + 1)
            base = self.sum(name, base_start, first)
            mean_obs = base / weeks
            var = (self.sum(name + "2", base_start, first) / weeks - mean_obs ** 2) * weeks / np.maximum(weeks - 1, 1)
            with np.errstate(divide="ignore", invalid="ignore"):
                own = np.where((var > mean_obs) & (mean_obs > 0), mean_obs ** 2 / (var - mean_obs), np.inf)
            k_week = np.minimum(own, s.dispersion)
            inv_size = 1.0 / (window ** s.window_growth * k_week) + 1.0 / (base + s.prior_reports)
            expected = window * (base + s.prior_reports) / weeks
            if kind == "conflict_surge":
                hits = valid & (now >= s.min_reports) & (now >= s.surge_min_ratio * expected)
            else:
                expected = expected * np.minimum(coverage, 1.0)
                hits = (valid & (mean_obs >= s.drop_min_baseline) & self.complete[None, :]
                        & (coverage >= s.min_coverage) & (now <= s.drop_max_ratio * expected))
            for row, col in zip(*np.nonzero(hits)):
                x, mean, size = int(now[row, col]), float(expected[row, col]), 1.0 / float(inv_size[row, col])
                p = upper_tail(x, mean, size) if kind == "conflict_surge" else lower_tail(x, mean, size)
                if score_of(p) >= s.min_score:
                    self.add(row, col, kind, window, observed=x, expected=round(mean, 4), size=round(size, 4),
                             baseline_reports=int(base[row, col]), baseline_weeks=int(weeks[col]),
                             coverage=round(float(coverage[row, col]), 3), p=p)

    def _tone(self, blocked: np.ndarray) -> None:
        s, t = self.s, self.columns
        n_now = self.m["reports"][:, t]
        c_now = self.m["conflict"][:, t]
        start = np.maximum(t - s.baseline_weeks, 0)
        n_base = self.sum("reports", start, t)
        c_base = self.sum("conflict", start, t)
        with np.errstate(divide="ignore", invalid="ignore"):
            base_mean = self.sum("gsum", start, t) / n_base
            base_var = self.sum("gsq", start, t) / n_base - base_mean ** 2
            now_mean = self.m["gsum"][:, t] / n_now
        hits = (~blocked) & (n_now >= s.min_reports) & (n_base >= s.tone_min_baseline) \
            & (np.abs(now_mean - base_mean) >= s.tone_min_shift)
        for row, col in zip(*np.nonzero(hits)):
            week, n, mean = int(t[col]), int(n_now[row, col]), float(now_mean[row, col])
            hostile = mean < base_mean[row, col]
            figures = {"expected": round(float(base_mean[row, col]), 3),
                       "share_prior": share_prior(float(c_base[row, col]), float(n_base[row, col]), s),
                       "base_share": round(float(c_base[row, col] / n_base[row, col]), 3),
                       "baseline_reports": int(n_base[row, col])}
            if s.tone_test == "mean_z":
                swing = self._swing(row, week, float(base_var[row, col]))
                if swing is None:
                    continue
                figures.update(base_var=round(float(base_var[row, col]), 4), swing=round(swing, 4))
            p = tone_chance(hostile, int(c_now[row, col]), n, mean, figures, s)
            if score_of(p) >= s.min_score:
                self.add(row, col, "hostile_turn" if hostile else "warming", 1,
                         observed=round(mean, 3), p=p, **figures)

    def _swing(self, row: int, week: int, base_var: float) -> Optional[float]:
        """The variance of the baseline's weekly means beyond what their sizes explain."""
        counts = self.m["reports"][row, max(week - self.s.baseline_weeks, 0):week]
        sums = self.m["gsum"][row, max(week - self.s.baseline_weeks, 0):week]
        seen = counts > 0
        if seen.sum() < self.s.tone_min_weeks:
            return None
        means = sums[seen] / counts[seen]
        within = max(base_var, self.s.tone_sd_floor ** 2) * float(np.mean(1.0 / counts[seen]))
        return max(float(np.var(means, ddof=1)) - within, 0.0)
