"""How well and how fast the relations monitor finds known changes (communique.alerts).

Builds synthetic weekly histories for many dyads straight into a DuckDB store (rows, not
coded text): each dyad has its own cooperation and conflict rates, week-to-week swings of
news attention (a gamma multiplier, so counts are overdispersed as news counts are), a
seasonal wave, events told by one to three outlets each, and same-day events of one
category merging into one report as the store's dedup key merges them. Into some dyads it
injects a change lasting ``SHIFT_WEEKS`` weeks:

- conflict surges: the conflict rate times 2, 3, 5 or 10;
- cooperation drops: the cooperation rate times 0.5, 0.2 or 0 (a complete stop);

and into others a republished story (three to five conflict events, copied word for word by
10 to 50 outlets over a week), which must not fire.

It prints, for each setting tried and per shift size: recall (shifts with an alert in the
shift's weeks or the week after), delay in weeks from the shift's first week to its first
alert, precision of dyad alerts, false alarms per 100 dyad-years and republished stories
that fired; then the time to judge every week of a store of about 1,000,000 events, and
the time an ingest adds (judging the weeks of 50 new documents in that store).

    .venv/bin/python benchmarks/alerts.py            # the full run (several minutes on 2 cores)
    .venv/bin/python benchmarks/alerts.py --quick    # smaller stores, for a first look
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from communique.alerts import DEFAULT_SETTINGS, compute_alerts  # noqa: E402
from communique.ontology import cameo  # noqa: E402
from communique.store import open_store  # noqa: E402

START = date(2021, 1, 4)  # a Monday
SHIFT_WEEKS = 4
COOPERATION = ("040", "036", "042", "057", "061", "070")
CONFLICT = ("112", "130", "173", "190")
SURGES = (2.0, 3.0, 5.0, 10.0)
DROPS = (0.5, 0.2, 0.0)
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
INFO = {code: cameo(code) for code in COOPERATION + CONFLICT}


def codes(n: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [f"Q{letters[i // 26]}{letters[i % 26]}" for i in range(n)]


class Builder:
    """Rows for the events and documents tables, and the truth about what was injected."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.events: dict[str, list] = {k: [] for k in ("id", "doc", "date", "published", "event", "cameo",
                                                          "quad_class", "goldstein", "actor_code",
                                                          "recipient_code", "actor_codes", "recipient_codes",
                                                          "text", "dedup_key", "record", "sentence")}
        self.docs: dict[str, list] = {k: [] for k in ("id", "content_hash", "published", "source", "title",
                                                        "text", "events", "added_at")}
        self.serial = 0
        self.truth: list[dict] = []
        self.stories: list[dict] = []

    def _doc(self, text: str, published: date, source: str, n_events: int, title=None) -> str:
        self.serial += 1
        doc = f"d{self.serial}"
        self.docs["id"].append(doc)
        self.docs["content_hash"].append(hashlib.sha1(f"{doc}|{text}".encode()).hexdigest())
        self.docs["published"].append(published)
        self.docs["source"].append(source)
        self.docs["title"].append(title)
        self.docs["text"].append(text)
        self.docs["events"].append(n_events)
        self.docs["added_at"].append(datetime(2024, 1, 1))
        return doc

    def _event(self, doc: str, code: str, actor: str, target: str, day: date, text: str, sentence=0):
        info = INFO[code]
        self.serial += 1
        key = f"{info.plover}|{actor}|{target}|{day.isoformat()}"
        e = self.events
        e["id"].append(f"e{self.serial}")
        e["doc"].append(doc)
        e["date"].append(day)
        e["published"].append(day)
        e["event"].append(info.plover)
        e["cameo"].append(code)
        e["quad_class"].append(info.quad_class)
        e["goldstein"].append(float(info.goldstein))
        e["actor_code"].append(actor)
        e["recipient_code"].append(target)
        e["actor_codes"].append(actor)
        e["recipient_codes"].append(target)
        e["text"].append(text)
        e["dedup_key"].append(key)
        e["record"].append(json.dumps({"id": f"e{self.serial}", "date": day.isoformat(), "event": info.plover,
                                       "cameo": code, "quad_class": info.quad_class,
                                       "goldstein": float(info.goldstein), "text": text}))
        e["sentence"].append(sentence)

    def dyad(self, a: str, b: str, weeks: int, shift=None) -> None:
        rng = self.rng
        cooperation = float(np.exp(rng.normal(np.log(2.0), 1.0)))       # median 2 a week
        conflict = cooperation * float(rng.uniform(0.1, 0.6))
        attention = rng.gamma(4.0, 0.25, size=weeks)                      # overdispersion
        wave = 1 + 0.2 * np.sin(np.arange(weeks) * 2 * np.pi / 52 + rng.uniform(0, 6.3))
        c_rate = np.full(weeks, conflict) * attention * wave
        p_rate = np.full(weeks, cooperation) * attention * wave
        if shift:
            window = slice(shift["start"], shift["start"] + SHIFT_WEEKS)
            if shift["kind"] == "surge":
                c_rate[window] *= shift["size"]
            else:
                p_rate[window] *= shift["size"]
            self.truth.append({**shift, "a": a, "b": b, "base_conflict": conflict, "base_cooperation": cooperation})
        for week in range(weeks):
            monday = START + timedelta(weeks=week)
            for pool, rate in ((COOPERATION, p_rate[week]), (CONFLICT, c_rate[week])):
                for _ in range(rng.poisson(rate)):
                    code = pool[rng.integers(len(pool))]
                    actor, target = (a, b) if rng.random() < 0.5 else (b, a)
                    day = monday + timedelta(days=int(rng.integers(7)))
                    for _ in range(1 + min(rng.poisson(0.4), 2)):     # one to three outlets
                        text = (f"Dispatch {self.serial}: officials of {actor} acted toward {target} "
                                f"under code {code} on {day.isoformat()}.")
                        doc = self._doc(text, day, OUTLETS[rng.integers(len(OUTLETS))], 1)
                        self._event(doc, code, actor, target, day, text)

    def republished(self, a: str, b: str, week: int) -> None:
        rng = self.rng
        monday = START + timedelta(weeks=week)
        lines = [(CONFLICT[rng.integers(len(CONFLICT))], *(((a, b) if rng.random() < 0.5 else (b, a))),
                  f"Story line {i} of the {a} {b} clash in week {week}, told once and copied.")
                 for i in range(int(rng.integers(3, 6)))]
        copies = int(rng.integers(10, 51))
        fixed = monday + timedelta(days=1)
        for copy in range(copies):
            published = monday + timedelta(days=1 + copy % 6)
            text = " ".join(line for *_, line in lines) + f" Copy {copy}."
            doc = self._doc(text, published, f"Copier {copy:02d}", len(lines), title=f"Clash {a} {b} week {week}")
            for i, (code, actor, target, line) in enumerate(lines):
                self._event(doc, code, actor, target, fixed if i % 2 == 0 else published, line, sentence=i)
        self.stories.append({"a": min(a, b), "b": max(a, b), "week": monday, "copies": copies})

    def load(self, path: str):
        store = open_store(path)
        store.backend.bulk_insert("documents", pd.DataFrame(self.docs))
        store.backend.bulk_insert("events", pd.DataFrame(self.events))
        return store


def build(dyads: int, weeks: int, seed: int, shifted_share: float = 0.4, story_share: float = 0.2):
    rng = np.random.default_rng(seed + 1)
    builder = Builder(seed)
    pool = codes(max(40, int(np.sqrt(dyads * 2)) + 2))
    pairs = [(pool[i], pool[j]) for i in range(len(pool)) for j in range(i + 1, len(pool))]
    rng.shuffle(pairs)
    kinds = [("surge", s) for s in SURGES] + [("drop", d) for d in DROPS]
    for i, (a, b) in enumerate(pairs[:dyads]):
        shift = None
        if rng.random() < shifted_share:
            kind, size = kinds[i % len(kinds)]
            shift = {"kind": kind, "size": size, "start": int(rng.integers(30, weeks - SHIFT_WEEKS - 1))}
        builder.dyad(a, b, weeks, shift)
        if rng.random() < story_share:
            week = int(rng.integers(20, weeks - 1))
            if not shift or not shift["start"] - 2 <= week <= shift["start"] + SHIFT_WEEKS + 1:
                builder.republished(a, b, week)
    return builder


def score(alerts, builder, dyads: int, weeks: int) -> dict:
    dyad_alerts = [al for al in alerts if al.scope == "dyad"]
    truth = {(t["a"], t["b"]): t for t in builder.truth}
    true_positive = 0
    first: dict[tuple, int] = {}
    for al in dyad_alerts:
        t = truth.get((al.a, al.b))
        week = (al.week - START).days // 7
        if t and t["start"] <= week <= t["start"] + SHIFT_WEEKS:
            true_positive += 1
            first[(al.a, al.b)] = min(first.get((al.a, al.b), week), week)
    rows = []
    for kind, sizes in (("surge", SURGES), ("drop", DROPS)):
        for size in sizes:
            shifts = [t for t in builder.truth if t["kind"] == kind and t["size"] == size]
            base = "base_conflict" if kind == "surge" else "base_cooperation"
            for label, chosen in (("all", shifts), ("busy", [t for t in shifts if t[base] >= 1.0])):
                found = [first[(t["a"], t["b"])] - t["start"] for t in chosen if (t["a"], t["b"]) in first]
                rows.append({"shift": f"{kind} x{size:g}", "dyads": label, "n": len(chosen),
                             "recall": len(found) / len(chosen) if chosen else float("nan"),
                             "delay": float(np.mean(found)) if found else float("nan")})
    fired = {(al.a, al.b, al.week) for al in dyad_alerts}
    stories_fired = sum((s["a"], s["b"], s["week"]) in fired for s in builder.stories)
    false_alarms = len(dyad_alerts) - true_positive
    return {"rows": rows, "alerts": len(dyad_alerts), "actor_alerts": len(alerts) - len(dyad_alerts),
            "precision": true_positive / len(dyad_alerts) if dyad_alerts else float("nan"),
            "false_per_100_dyad_years": 100 * false_alarms / (dyads * weeks / 52),
            "stories": len(builder.stories), "stories_fired": stories_fired}


def print_quality(name: str, result: dict) -> None:
    print(f"\n{name}: {result['alerts']} dyad alerts ({result['actor_alerts']} actor alerts), "
          f"precision {result['precision']:.2f}, {result['false_per_100_dyad_years']:.2f} false alarms "
          f"per 100 dyad-years, republished stories that fired: {result['stories_fired']}/{result['stories']}")
    print(f"  {'shift':<14}{'dyads':<7}{'n':>5}{'recall':>8}{'delay (weeks)':>15}")
    for row in result["rows"]:
        print(f"  {row['shift']:<14}{row['dyads']:<7}{row['n']:>5}{row['recall']:>8.2f}{row['delay']:>15.2f}")


def timing(path: str, target_events: int, seed: int) -> None:
    weeks = 260
    dyads = max(50, int(target_events / (weeks * 5.6)))
    t0 = time.perf_counter()
    builder = build(dyads, weeks, seed)
    store = builder.load(path)
    n = store.counts()["events"]
    print(f"\nstore for timing: {n:,} events ({dyads} dyads, {weeks} weeks), built in "
          f"{time.perf_counter() - t0:.0f} s")
    for label, kwargs in (("every week (a first run, or `communique alerts` with no --since)", {}),
                          ("the last 4 weeks", {"since": START + timedelta(weeks=weeks - 4)})):
        runs = []
        for _ in range(2):
            t = time.perf_counter()
            alerts = compute_alerts(store, **kwargs)
            runs.append(time.perf_counter() - t)
        print(f"  judging {label}: {min(runs):.2f} s (best of 2), {len(alerts)} alerts")

    # what an ingest pays: 50 new documents stored, then their weeks judged
    from communique.alerts.store import after_ingest
    from communique.model import Document, Entity, Event, Trigger

    started = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    t = time.perf_counter()
    last = START + timedelta(weeks=weeks - 1)
    for i in range(50):
        text = f"Late dispatch {i}: officials of QAB met officials of QAC in the capital."
        doc = Document(id=f"late-{i}", text=text, published=last + timedelta(days=i % 7), source=OUTLETS[i % 40])
        info = cameo("040")
        event = Event(doc=doc.id, event=info.plover, cameo="040", actor=[Entity("QAB", "QAB")],
                      recipient=[Entity("QAC", "QAC")], trigger=Trigger("met", 30, 33), text=text, sentence=0,
                      quad_class=info.quad_class, goldstein=info.goldstein, date=doc.published,
                      date_precision="day", published=doc.published)
        store.add_coded(doc, [event])
    write = time.perf_counter() - t
    t = time.perf_counter()
    after_ingest(store, started)
    judge = time.perf_counter() - t
    print(f"  an ingest of 50 documents: storing {write:.2f} s, then judging their weeks {judge:.2f} s "
          f"(coding 50 such documents takes about {50 / 38:.1f} s at the README's 38 documents/s)")
    store.close()


SETTINGS_TRIED = {
    "chosen (defaults)": DEFAULT_SETTINGS,
    "min_score 2.5": replace(DEFAULT_SETTINGS, min_score=2.5),
    "min_score 3.5": replace(DEFAULT_SETTINGS, min_score=3.5),
    "min_score 4": replace(DEFAULT_SETTINGS, min_score=4.0),
    "baseline 12 weeks": replace(DEFAULT_SETTINGS, baseline_weeks=12),
    "baseline 52 weeks": replace(DEFAULT_SETTINGS, baseline_weeks=52),
    "one-week windows only": replace(DEFAULT_SETTINGS, windows=(1,)),
    "window_growth 0 (attention lasts the window)": replace(DEFAULT_SETTINGS, window_growth=0.0),
    "window_growth 1 (independent weeks)": replace(DEFAULT_SETTINGS, window_growth=1.0),
    "dispersion 2": replace(DEFAULT_SETTINGS, dispersion=2.0),
    "dispersion 8": replace(DEFAULT_SETTINGS, dispersion=8.0),
    "tone by z-score of the mean Goldstein": replace(DEFAULT_SETTINGS, tone_test="mean_z"),
    "no copy check (copies count as reports)": replace(DEFAULT_SETTINGS, copy_check=False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller stores")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-timing", action="store_true", help="skip the 1,000,000-event timing")
    parser.add_argument("--only-timing", action="store_true", help="only the 1,000,000-event timing")
    args = parser.parse_args()
    dyads, weeks = (200, 104) if args.quick else (700, 156)
    print(f"communique alerts benchmark on {os.cpu_count()} cores; shifts last {SHIFT_WEEKS} weeks")
    print("chosen settings: " + ", ".join(f"{k}={v}" for k, v in DEFAULT_SETTINGS.as_dict().items()))
    with tempfile.TemporaryDirectory() as tmp:
        if args.only_timing:
            return timing(os.path.join(tmp, "timing.duckdb"), 200_000 if args.quick else 1_000_000, args.seed + 1)
        t = time.perf_counter()
        builder = build(dyads, weeks, args.seed)
        store = builder.load(os.path.join(tmp, "quality.duckdb"))
        print(f"quality store: {store.counts()['events']:,} events, {dyads} dyads, {weeks} weeks, "
              f"{len(builder.truth)} injected shifts, {len(builder.stories)} republished stories "
              f"(built in {time.perf_counter() - t:.0f} s)")
        for name, settings in SETTINGS_TRIED.items():
            print_quality(name, score(compute_alerts(store, settings=settings), builder, dyads, weeks))
        store.close()
        if not args.no_timing:
            timing(os.path.join(tmp, "timing.duckdb"), 200_000 if args.quick else 1_000_000, args.seed + 1)


if __name__ == "__main__":
    main()
