"""Store benchmark: ingest throughput, and analytics over one million synthetic events.

    .venv/bin/python benchmarks/store.py [--events 1000000] [--docs 300] [--db PATH]

Prints:
- store writes: documents/s and events/s of add_coded (one transaction per document),
  with hand-built events, so the figure is the store's own cost;
- ingest: documents/s and events/s of store.ingest with the real coder (when the coder
  stages are importable), on short synthetic articles;
- the time to bulk-load N synthetic events into DuckDB (from pandas, not row by row) and
  the time of a monthly dyad series over them (target: under 0.5 s), with and without dedup.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from communique.model import PLOVER_CATEGORIES, Document, Entity, Event, Trigger  # noqa: E402
from communique.ontology import cameo_table  # noqa: E402
from communique import analysis  # noqa: E402
from communique.store import open_store  # noqa: E402

COUNTRIES = ["CHN", "JPN", "USA", "RUS", "IND", "PAK", "FRA", "DEU", "GBR", "IRN", "ISR", "TUR",
             "KOR", "PRK", "BRA", "MEX", "NGA", "ZAF", "EGY", "SAU", "UKR", "POL", "AUS", "IDN",
             "VNM", "PHL", "ETH", "KEN", "MLI", "SYR"]


def _codes_by_category() -> dict[str, list]:
    table: dict[str, list] = {}
    for c in cameo_table().values():
        if c.plover:
            table.setdefault(c.plover, []).append(c)
    return table


def bench_store_writes(n_docs: int, tmp: Path) -> None:
    codes = _codes_by_category()
    docs = []
    for i in range(n_docs):
        text = f"Officials of two countries met on Monday for talks number {i}."
        doc = Document(id=f"w{i}", text=text, published=date(2021, 1, 1) + timedelta(days=i % 365))
        events = []
        for j in range(3):
            c = codes[PLOVER_CATEGORIES[(i + j) % 16]][0]
            a, b = COUNTRIES[(i + j) % 30], COUNTRIES[(i + 2 * j + 1) % 30]
            events.append(Event(doc=doc.id, event=c.plover, cameo=c.code,
                                actor=[Entity(a, a, "GOV", None, None, 0, 3)],
                                recipient=[Entity(b, b, "GOV", None, None, 10, 13)],
                                trigger=Trigger("met", 30 + j, 33 + j), text=text, sentence=0,
                                quad_class=c.quad_class, goldstein=c.goldstein, date=doc.published,
                                published=doc.published))
        docs.append((doc, events))
    for label, address in (("duckdb", str(tmp / "writes.duckdb")),
                           ("postgresql", os.environ.get("COMMUNIQUE_TEST_POSTGRES"))):
        if not address:
            continue
        if label == "postgresql":
            address += ("&" if "?" in address else "?") + "schema=bench_writes"
        with open_store(address) as store:
            start = time.perf_counter()
            for doc, events in docs:
                store.add_coded(doc, events)
            elapsed = time.perf_counter() - start
            if label == "postgresql":
                store.backend.execute("DROP SCHEMA bench_writes CASCADE")
        print(f"store writes ({label}): {n_docs / elapsed:,.0f} documents/s, "
              f"{3 * n_docs / elapsed:,.0f} events/s (add_coded, 3 events per document)")


def bench_ingest(n_docs: int, tmp: Path) -> None:
    if importlib.util.find_spec("communique.actors") is None or not Path(
            importlib.util.find_spec("communique.actors").origin or "").exists():
        print("ingest (coder + store): skipped, the coder (communique.actors) is not importable yet")
        return
    pairs = [("China", "Japan"), ("France", "Mali"), ("India", "Nepal"), ("Brazil", "Chile")]
    docs = []
    for i in range(n_docs):
        a, b = pairs[i % 4]
        text = (f"The foreign minister of {a} met his counterpart from {b} on Tuesday. "
                f"{a} accused {b} of violating the border agreement. Report {i}.")
        docs.append(Document(id=f"i{i}", text=text, published=date(2021, 5, 1 + i % 28)))
    words = sum(len(d.text.split()) for d in docs)
    with open_store(str(tmp / "ingest.duckdb")) as store:
        start = time.perf_counter()
        report = store.ingest(docs, workers=1)
        elapsed = time.perf_counter() - start
    print(f"ingest (coder + store, 1 worker, {words / n_docs:.0f} words/document): "
          f"{report.documents_added / elapsed:,.1f} documents/s, {report.events_added / elapsed:,.1f} events/s "
          f"({report.events_added} events, {elapsed:.1f} s including model load)")


def synthetic_events(n: int, seed: int = 7) -> dict[str, pd.DataFrame]:
    """n events over 2015-2024 among 30 countries, with realistic category weights and
    skewed dyads (the first countries are far more active, as in real news).

    The random draws are numpy arrays in one pandas frame of integers; DuckDB joins them
    to two small lookup frames and builds the text columns in bulk (see load_synthetic).
    """
    rng = np.random.default_rng(seed)
    codes = _codes_by_category()
    weights = np.array([8, 20, 6, 2, 5, 3, 1, 6, 8, 4, 3, 5, 2, 2, 5, 8], dtype=float)
    p = 1 / np.arange(1, 31) ** 1.1
    draws = pd.DataFrame({
        "i": np.arange(n),
        "doc_no": rng.integers(0, max(1, n // 3), size=n),
        "day": rng.integers(0, 3652, size=n),
        "cat": rng.choice(16, size=n, p=weights / weights.sum()),
        "a": rng.choice(30, size=n, p=p / p.sum()),
        "b": rng.choice(30, size=n, p=p / p.sum()),
    })
    first = {c: next(x for x in codes[c] if len(x.code) == 3) for c in PLOVER_CATEGORIES}
    categories = pd.DataFrame({
        "cat": range(16), "event": list(PLOVER_CATEGORIES),
        "cameo": [first[c].code for c in PLOVER_CATEGORIES],
        "quad_class": [first[c].quad_class for c in PLOVER_CATEGORIES],
        "goldstein": [first[c].goldstein for c in PLOVER_CATEGORIES],
    })
    countries = pd.DataFrame({"idx": range(30), "code": COUNTRIES})
    return {"draws": draws, "categories": categories, "countries": countries}


LOAD_SQL = """
INSERT INTO events (id, doc, date, date_precision, published, event, cameo, quad_class, goldstein,
                    actor_code, recipient_code, actor_codes, recipient_codes, sentence, text,
                    confidence, dedup_key, record)
SELECT 'e' || d.i, 's' || d.doc_no, DATE '2015-01-01' + CAST(d.day AS INTEGER), 'day', DATE '2015-01-01' + CAST(d.day AS INTEGER) + 1,
       c.event, c.cameo, c.quad_class, c.goldstein, a.code, b.code, a.code, b.code, 0,
       'Synthetic event for the benchmark.', 0.8,
       c.event || '|' || a.code || '|' || b.code || '|' || CAST(DATE '2015-01-01' + CAST(d.day AS INTEGER) AS VARCHAR),
       to_json({id: 'e' || d.i, doc: 's' || d.doc_no, date: DATE '2015-01-01' + CAST(d.day AS INTEGER), event: c.event,
                cameo: c.cameo, actor: [{code: a.code}], recipient: [{code: b.code}]})::VARCHAR
FROM draws d JOIN categories c ON c.cat = d.cat
JOIN countries a ON a.idx = d.a JOIN countries b ON b.idx = d.b
"""


def load_synthetic(store, frames: dict[str, pd.DataFrame]) -> None:
    con = store.backend.con
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        con.execute(LOAD_SQL)
    finally:
        for name in frames:
            con.unregister(name)


def bench_series(n: int, db: str) -> None:
    start = time.perf_counter()
    frames = synthetic_events(n)
    generated = time.perf_counter() - start
    with open_store(db) as store:
        start = time.perf_counter()
        load_synthetic(store, frames)
        loaded = time.perf_counter() - start
        print(f"synthetic events: {n:,} generated in {generated:.2f} s, bulk-loaded into DuckDB in {loaded:.2f} s")
        share = store.count_events(dyad=("CHN", "JPN"))
        for label, kwargs in (("monthly dyad series CHN-JPN", {}),
                              ("monthly dyad series CHN-JPN, dedup", {"dedup": True}),
                              ("monthly dyad series CHN->JPN, directed", {"directed": True}),
                              ("yearly dyad series USA-RUS, CONSULT+AGREE", {"types": ["CONSULT", "AGREE"]})):
            a, b = ("USA", "RUS") if "USA" in label else ("CHN", "JPN")
            by = "year" if "yearly" in label else "month"
            analysis.dyad_series(store, a, b, by=by, **kwargs)  # warm the file cache
            timings = []
            for _ in range(3):
                start = time.perf_counter()
                rows = analysis.dyad_series(store, a, b, by=by, **kwargs)
                timings.append(time.perf_counter() - start)
            print(f"{label}: {min(timings):.3f} s (best of 3; {len(rows)} periods, "
                  f"{sum(r['events'] for r in rows):,} events)")
        start = time.perf_counter()
        analysis.top_dyads(store, limit=20)
        print(f"top 20 dyads over {n:,} events: {time.perf_counter() - start:.3f} s "
              f"(CHN-JPN holds {share:,} events)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--db", default=None, help="DuckDB file for the synthetic events (default: a temporary file)")
    args = parser.parse_args()
    print(f"os.cpu_count() = {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        bench_store_writes(args.docs, tmp_path)
        bench_ingest(min(args.docs, 200), tmp_path)
        bench_series(args.events, args.db or str(tmp_path / "series.duckdb"))


if __name__ == "__main__":
    main()
