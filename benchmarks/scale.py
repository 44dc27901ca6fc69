"""Scale benchmark: the worker pool vs local Ray, the store's share of ingest, near-duplicates,
a backfill of a million events, and what a bigger machine or a cluster should do.

    .venv/bin/python benchmarks/scale.py [--words 200000] [--workers N] [--backfill 1000000]
                                         [--stories 200] [--db-url postgresql://...]

In one run, on the same input (the bundled sample articles replicated to --words words,
each copy with its own id):

1. coding: documents/s and words/s of ``code_documents`` with the process pool
   (``--workers``, default: every core) and with a local Ray of as many CPUs and coder
   actors, alternated for --rounds rounds; both figures include starting the workers (the
   actors) and loading the model in each; Ray's own start, once per process, is printed
   apart. Target: Ray >= 0.9x the pool.
2. ingest: the same documents through ``Store.ingest`` (the pool) into a fresh DuckDB file;
   the time spent writing (inside the batch transactions) as a share of the run and of the
   coding time (target: under 10%). Copies are kept (the replicas would all be folded).
3. near-duplicates: built wire stories and their copies (``news_variants.py``) through
   ingest with folding on (coded for real), then the fingerprint + look-up throughput on a
   larger built archive, and the rate of loading stored fingerprints back.
4. backfill: --backfill events (three per document, built by hand, no coder) through the
   same ingest path (known-id check, batches, bulk writes) into DuckDB, and into PostgreSQL
   with --db-url.
5. projections for a 16-core machine and a 10-node cluster, from these figures.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from communique.model import Document, Entity, Event, Trigger  # noqa: E402

SAMPLES = ROOT / "src" / "communique" / "samples"


def replicated_corpus(min_words: int) -> list[Document]:
    from communique.ingest import read_documents

    base = [d for d in read_documents([str(SAMPLES)]) if isinstance(d, Document)]
    docs: list[Document] = []
    words = 0
    while words < min_words:
        for d in base:
            copy_no = len(docs) // len(base)
            # A closing line of its own makes every copy a new text (stored, not skipped as known).
            text = d.text if copy_no == 0 else f"{d.text}\n\nFiled as report {copy_no}."
            docs.append(Document(id=f"{d.id}~{copy_no}", text=text, published=d.published, url=d.url,
                                 title=d.title, source=d.source))
            words += len(text.split())
    return docs


def timed_coding(documents, **engine) -> dict:
    from communique.pipeline import code_documents

    start = time.perf_counter()
    first = None
    events = 0
    for _document, result in code_documents(documents, **engine):
        first = first or time.perf_counter() - start
        events += len(result) if isinstance(result, list) else 0
    return {"seconds": time.perf_counter() - start, "first": first, "events": events}


def rates(docs: list[Document], seconds: float) -> str:
    words = sum(len(d.text.split()) for d in docs)
    return f"{len(docs) / seconds:7.1f} documents/s, {words / seconds:8,.0f} words/s"


def bench_coding(docs: list[Document], workers: int, rounds: int) -> dict:
    from communique import distributed

    print(f"\n1. coding {len(docs)} documents ({sum(len(d.text.split()) for d in docs):,} words), "
          f"{rounds} round(s) of pool then Ray (alternated, so that a change in the machine's load "
          f"hits both)")
    start = time.perf_counter()
    distributed.connect(distributed.LOCAL, cpus=workers)
    ray_start = time.perf_counter() - start
    print(f"  local Ray started in {ray_start:.1f} s ({workers} CPUs)")
    ratios, pools, rays = [], [], []
    for n in range(1, rounds + 1):
        pool = timed_coding(docs, workers=workers)
        print(f"  [{n}] process pool, {workers} workers: {rates(docs, pool['seconds'])}  "
              f"({pool['seconds']:.1f} s, first result after {pool['first']:.1f} s, {pool['events']} events)")
        on_ray = timed_coding(docs, workers=workers, ray=distributed.LOCAL)
        print(f"  [{n}] local Ray, {workers} coder actors: {rates(docs, on_ray['seconds'])}  "
              f"({on_ray['seconds']:.1f} s, first result after {on_ray['first']:.1f} s, {on_ray['events']} events)")
        if on_ray["events"] != pool["events"]:
            print(f"  WARNING: Ray coded {on_ray['events']} events, the pool {pool['events']}")
        ratios.append(pool["seconds"] / on_ray["seconds"])
        pools.append(pool["seconds"])
        rays.append(on_ray["seconds"])
    ratios.sort()
    print(f"  Ray / pool: {', '.join(f'{r:.2f}x' for r in ratios)} (median {ratios[len(ratios) // 2]:.2f}x; "
          f"with Ray's own start counted once: {sum(pools) / (sum(rays) + ray_start):.2f}x; target >= 0.9x)")
    return {"pool_seconds": sorted(pools)[len(pools) // 2], "ray_seconds": sorted(rays)[len(rays) // 2]}


def bench_ingest(docs: list[Document], workers: int, tmp: Path, coding_seconds: float) -> dict:
    from communique.store import open_store

    with open_store(str(tmp / "ingest.duckdb")) as store:
        report = store.ingest(docs, workers=workers, dedup=False)
    share = report.seconds_writing / report.seconds
    print(f"\n2. ingest of the same documents ({workers} workers, DuckDB): {report.documents_added} documents, "
          f"{report.events_added} events in {report.seconds:.1f} s ({report.documents_added / report.seconds:.1f} "
          f"documents/s, {report.events_added / report.seconds:.1f} events/s)")
    print(f"  store writes: {report.seconds_writing:.2f} s = {share:.1%} of the ingest, "
          f"{report.seconds_writing / coding_seconds:.1%} of the coding time of run 1 (target < 10%)")
    return {"write_docs_per_s": report.documents_added / max(report.seconds_writing, 1e-9)}


def bench_near_duplicates(stories: int, workers: int, tmp: Path) -> dict:
    from news_variants import archive

    from communique import dedup
    from communique.store import open_store

    stream = archive(stories, copies_per_story=3)
    docs = [Document(id=i, text=t, published=date(2024, 3, 4)) for i, t, _ in stream]
    truth = {i: o for i, _, o in stream}
    with open_store(str(tmp / "dedup.duckdb")) as store:
        report = store.ingest(docs, workers=workers)
        folded = {r["id"]: r["original"] for r in store.select("SELECT id, original FROM document_copies")}
    # Right: onto its own story, or onto an earlier copy of it that was itself not folded.
    right = sum(1 for i, o in folded.items() if truth[i] and truth[i] in (o, truth.get(o)))
    copies = sum(1 for o in truth.values() if o)
    print(f"\n3. near-duplicates: {len(docs)} built documents ({stories} stories, {copies} copies) "
          f"ingested with folding, {workers} workers")
    print(f"  {report.documents_added} coded, {report.skipped.get('duplicate', 0)} folded as copies "
          f"({right} onto their own story or a copy of it, {len(folded) - right} wrongly; "
          f"{copies - sum(1 for i in folded if truth[i])} copies not folded); "
          f"folding took {report.seconds_dedup:.2f} s = {report.seconds_dedup / report.seconds:.1%} of the ingest")
    big = archive(stories * 10, copies_per_story=3, seed=11)
    index = dedup.NearDuplicateIndex()
    start = time.perf_counter()
    for doc_id, text, _ in big:
        fp = dedup.fingerprint(text)
        if index.find(fp) is None:
            index.add(doc_id, fp, date(2024, 3, 4))
    elapsed = time.perf_counter() - start
    words = sum(len(t.split()) for _, t, _ in big)
    print(f"  fingerprint + look-up + insert, one core: {len(big) / elapsed:,.0f} documents/s, "
          f"{words / elapsed:,.0f} words/s ({len(big)} documents, {len(index)} first reports)")
    rows = [(doc_id, *index._fingerprints[doc_id].to_row()) for doc_id in list(index._fingerprints)]
    start = time.perf_counter()
    reloaded = dedup.NearDuplicateIndex()
    for doc_id, blob, names in rows:
        reloaded.add(doc_id, dedup.Fingerprint.from_row(blob, names), date(2024, 3, 4))
    load = len(rows) / (time.perf_counter() - start)
    print(f"  loading stored fingerprints into the index: {load:,.0f} documents/s; a run loads the weeks "
          f"around its documents' dates as they come (5 weeks of 30,000 articles a day, ~1 million: "
          f"{1_000_000 / load / 60:.1f} min)")
    return {"dedup_docs_per_s": len(big) / elapsed}


def hand_events(document: Document, n: int = 3) -> list[Event]:
    from communique.ontology import cameo

    codes = ["042", "112", "190", "057", "173", "036"]
    countries = ["CHN", "JPN", "USA", "RUS", "IND", "PAK", "FRA", "DEU", "KEN", "UGA"]
    k = int(document.id[1:])
    events = []
    for j in range(n):
        info = cameo(codes[(k + j) % len(codes)])
        a, b = countries[(k + j) % 10], countries[(k + 3 * j + 1) % 10]
        events.append(Event(doc=document.id, event=info.plover, cameo=info.code,
                            actor=[Entity(a, a, "GOV", None, None, 0, 3)],
                            recipient=[Entity(b, b, "GOV", None, None, 10, 13)],
                            trigger=Trigger("met", 20 + j, 23 + j), text=document.text, sentence=0,
                            quad_class=info.quad_class, goldstein=info.goldstein, date=document.published,
                            published=document.published, confidence=0.8))
    return events


def bench_backfill(n_events: int, address: str, label: str) -> dict:
    import communique.pipeline
    from communique.store import open_store

    n_docs = n_events // 3
    documents = (Document(id=f"b{i}", text=f"Officials of two countries met for talks, report {i}.",
                          published=date(2015, 1, 1) + timedelta(days=i % 3650)) for i in range(n_docs))

    def backfill_coder(docs, workers=1, all_modalities=False):
        for d in docs:
            yield d, hand_events(d)

    real = communique.pipeline.code_documents
    communique.pipeline.code_documents = backfill_coder
    try:
        with open_store(address) as store:
            report = store.ingest(documents)
    finally:
        communique.pipeline.code_documents = real
    print(f"  {label}: {report.events_added:,} events ({report.documents_added:,} documents) in "
          f"{report.seconds / 60:.1f} min = {report.events_added / report.seconds:,.0f} events/s, "
          f"{report.documents_added / report.seconds:,.0f} documents/s (writes {report.seconds_writing:.0f} s)")
    return {"docs_per_s": report.documents_added / report.seconds}


def projections(coding: dict, docs: list[Document], workers: int, ingest: dict, near: dict,
                backfill: dict) -> None:
    per_core = len(docs) / coding["pool_seconds"] / workers
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    writer = backfill.get("docs_per_s", ingest["write_docs_per_s"])
    driver = min(writer, near["dedup_docs_per_s"])
    print(f"\n5. projections (measured per core: {per_core:.1f} documents/s of {words:.0f} words; "
          f"one store writer: {writer:,.0f} documents/s; folding: {near['dedup_docs_per_s']:,.0f} documents/s)")
    print(f"  16-core machine: about {per_core * 16:,.0f} documents/s with --workers 16 or --ray "
          f"({per_core * 16 * 86400 / 1e6:.1f} million documents a day), if cores scale as 1->2 did; "
          f"the writer and the folding are far from limiting")
    cluster = per_core * 160
    print(f"  10 nodes of 16 cores: about {min(cluster, driver):,.0f} documents/s "
          f"(coding capacity {cluster:,.0f}/s; the one driver's writer and folding cap it at {driver:,.0f}/s): "
          f"a year of world news, ~10 million articles, in {10e6 / min(cluster, driver) / 3600:.1f} hours")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=1, help="alternated pool and Ray runs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--backfill", type=int, default=1_000_000, help="events (0: skip)")
    parser.add_argument("--db-url", default=None, help="also backfill into this PostgreSQL URL")
    args = parser.parse_args()
    import ray
    import spacy

    print(f"{os.cpu_count()} cores, Python {platform.python_version()}, spaCy {spacy.__version__}, "
          f"Ray {ray.__version__}")
    docs = replicated_corpus(args.words)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        coding = bench_coding(docs, args.workers, args.rounds)
        ingest = bench_ingest(docs, args.workers, tmp, coding["pool_seconds"])
        near = bench_near_duplicates(args.stories, args.workers, tmp)
        backfill: dict = {}
        if args.backfill:
            print(f"\n4. backfill of {args.backfill:,} events through ingest (hand-built events, no coder)")
            backfill = bench_backfill(args.backfill, str(tmp / "backfill.duckdb"), "DuckDB")
            if args.db_url:
                url = args.db_url + ("&" if "?" in args.db_url else "?") + "schema=bench_backfill"
                bench_backfill(args.backfill, url, "PostgreSQL")
                with __import__("communique.store", fromlist=["open_store"]).open_store(url) as s:
                    s.backend.execute("DROP SCHEMA bench_backfill CASCADE")
        projections(coding, docs, args.workers, ingest, near, backfill)


if __name__ == "__main__":
    main()
