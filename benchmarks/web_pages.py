"""Time the dashboard's pages and API over a large store (default 50,000 events).

Builds a synthetic store once (hand-made events written through store.add_coded, the
coder is not involved) and prints the median time of each page and endpoint, computed
afresh each time (the per-version answer cache is off here; benchmarks/load.py measures it).

    python benchmarks/web_pages.py                   # 50,000 events in /tmp/communique-web-bench.duckdb
    python benchmarks/web_pages.py --events 200000 --db big.duckdb
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta

from fastapi.testclient import TestClient

from communique.model import Document, Entity, Event, Trigger
from communique.ontology import cameo
from communique.store import open_store
from communique.web import create_app

COUNTRIES = ["CHN", "JPN", "USA", "RUS", "UKR", "IND", "PAK", "KOR", "PRK", "FRA", "DEU", "GBR", "IRN", "ISR",
             "TUR", "SYR", "EGY", "BRA", "MEX", "AUS"]
CODES = ["030", "031", "036", "040", "041", "042", "043", "051", "061", "073", "112", "120", "130", "141",
         "160", "173", "190"]
EVENTS_PER_DOC = 5


def synthetic_document(i: int, rng: random.Random) -> tuple[Document, list[Event]]:
    published = date(2016, 1, 1) + timedelta(days=rng.randrange(5 * 365))
    sentences, events, offset = [], [], 0
    for s in range(EVENTS_PER_DOC):
        a, b = rng.sample(COUNTRIES[:8] if rng.random() < 0.7 else COUNTRIES, 2)
        code = rng.choice(CODES)
        info = cameo(code)
        sentence = f"Officials of {a} took action {code} toward {b} in case {i}-{s}."
        events.append(Event(
            doc=f"bench-{i}", event=info.plover, cameo=code,
            actor=[Entity(a, a, "GOV", None, None, offset + 13, offset + 16)],
            recipient=[Entity(b, b, "GOV", None, None, offset + sentence.index(" toward ") + 8,
                              offset + sentence.index(" toward ") + 11)],
            trigger=Trigger("took action", offset + 17, offset + 28), text=sentence, sentence=s,
            mode=info.mode, context=list(info.context), quad_class=info.quad_class, goldstein=info.goldstein,
            date=published - timedelta(days=rng.randrange(3)), date_precision="day", published=published))
        sentences.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(sentences)
    return Document(id=f"bench-{i}", text=text, published=published, title=f"Synthetic article {i}"), events


def build(db: str, n_events: int) -> None:
    store = open_store(db)
    have = store.counts()["events"]
    if have >= n_events:
        print(f"store {db} already holds {have:,} events")
        store.close()
        return
    rng = random.Random(7)
    start = time.perf_counter()
    for i in range(have // EVENTS_PER_DOC, n_events // EVENTS_PER_DOC):
        store.add_coded(*synthetic_document(i, rng))
    print(f"built {db}: {store.counts()['events']:,} events in {time.perf_counter() - start:.0f}s")
    store.close()


URLS = [
    "/", "/?since=2019-01-01&until=2019-12-31", "/dyad/CHN/JPN", "/dyad/CHN/JPN?by=day",
    "/dyad/CHN/JPN?type=CONSULT&since=2018-01-01&offset=200", "/documents/bench-123", "/actors/CHN",
    "/search?q=action", "/search?q=case+777-3", "/search?offset=40000",
    "/api/overview", "/api/events?limit=500", "/api/events?a=USA&b=RUS&type=ASSAULT",
    "/api/dyads/CHN/JPN/series?by=week", "/api/actors/USA?limit=100",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--db", default="/tmp/communique-web-bench.duckdb")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    build(args.db, args.events)
    store = open_store(args.db)
    # cache=False: each request computes its answer (load.py measures the served, cached path)
    with TestClient(create_app(store=store, cache=False), base_url="http://127.0.0.1") as client:
        print(f"{'url':60} {'status':>6} {'median ms':>10} {'kB':>7}")
        for url in URLS:
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            print(f"{url:60} {response.status_code:>6} {statistics.median(times):>10.1f} {len(response.content) / 1024:>7.1f}")
    store.close()


if __name__ == "__main__":
    main()
