"""Load test of the dashboard: requests/s and p50/p95/p99 latency at 1, 20, 100 and 200 clients.

    .venv/bin/python benchmarks/load.py                       # this checkout's server
    .venv/bin/python benchmarks/load.py --src /tmp/main/src   # another checkout's server (before/after)

Builds once a DuckDB store of --events synthetic events (benchmarks/store.py's generator:
the same seeded draws of category, dyad and day, written here as whole documents with their
events and entities), starts ``communique serve`` on it in a process of its own on
127.0.0.1 (a free port), and for each endpoint and client count runs closed-loop clients
(each sends its next request when the last is answered, HTTP/1.1 keep-alive) for --seconds.

With ``--ingest-every S`` one more client posts a short article every S seconds while the
others read (the server codes and stores it, and every write makes cached answers stale):
the load of a dashboard over a store that a feed keeps filling.

Endpoints: ``/api/events``, ``/api/overview``, the dyad page of the busiest dyad
(``/dyad/CHN/JPN``) and article pages (each client walks through 1,000 different
articles, so answers not yet cached are part of the figures).

Bounded in count and time, loopback only: at most --max-requests per run, every client
stops sending after --seconds, answers still missing --grace seconds later count as errors
(timeouts), and the server is stopped at the end. An error is a failed connection, a
timeout or any status but 200.
"""
from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CLIENTS = (1, 20, 100, 200)
ARTICLES = 1000
INGEST_TOKEN = "load-benchmark"


# --- the store -----------------------------------------------------------------------------

def _bench_store_module():
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_store(db: str, n_events: int) -> None:
    """Documents of about three events each, from benchmarks/store.py's synthetic draws."""
    import pandas as pd

    from communique.model import Document, Entity, Event, Trigger
    from communique.store import open_store
    from communique.store import rows as R

    store = open_store(db)
    have = store.counts()["events"]
    if have >= n_events:
        store.close()
        return
    if have:
        raise SystemExit(f"{db} holds {have:,} events, fewer than --events: remove it first")
    started = time.perf_counter()
    frames = _bench_store_module().synthetic_events(n_events)
    draws = frames["draws"].merge(frames["categories"], on="cat")
    codes = frames["countries"]["code"].tolist()
    draws = draws.sort_values(["doc_no", "i"])
    documents, events, entities = [], [], []
    for doc_no, group in draws.groupby("doc_no", sort=True):
        doc_id = f"s{doc_no}"
        day = date(2015, 1, 1) + timedelta(days=int(group["day"].min()))
        sentences, doc_events, offset = [], [], 0
        for row in group.itertuples(index=False):
            a, b = codes[row.a], codes[row.b]
            sentence = f"Officials of {a} took action {row.cameo} toward {b} in case {row.i}."
            at_b = offset + sentence.index(" toward ") + 8
            doc_events.append(Event(
                doc=doc_id, event=row.event, cameo=row.cameo,
                actor=[Entity(a, a, "GOV", None, None, offset + 13, offset + 16)],
                recipient=[Entity(b, b, "GOV", None, None, at_b, at_b + 3)],
                trigger=Trigger("took action", offset + 17, offset + 28), text=sentence,
                sentence=len(sentences), quad_class=int(row.quad_class), goldstein=float(row.goldstein),
                date=date(2015, 1, 1) + timedelta(days=int(row.day)), date_precision="day", published=day))
            sentences.append(sentence)
            offset += len(sentence) + 1
        document = Document(id=doc_id, text=" ".join(sentences), published=day, title=f"Synthetic article {doc_no}",
                            source=f"Wire {doc_no % 7}", url=f"https://news.example/{doc_no}")
        documents.append(R.document_row(document, len(doc_events), pd.Timestamp("2024-01-01").to_pydatetime()))
        for event in doc_events:
            events.append(R.event_row(event))
            entities.extend(R.entity_rows(event, event.id))
    for table, columns, rows in (("documents", R.DOCUMENT_COLUMNS, documents), ("events", R.EVENT_COLUMNS, events),
                                 ("entities", R.ENTITY_COLUMNS, entities)):
        store.backend.bulk_insert(table, pd.DataFrame(rows, columns=list(columns)))
    counts = store.counts()
    store.close()
    print(f"built {db}: {counts['documents']:,} documents, {counts['events']:,} events "
          f"in {time.perf_counter() - started:.0f} s")


# --- the server ----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, src: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONDONTWRITEBYTECODE": "1", "COMMUNIQUE_TOKEN": INGEST_TOKEN}
    command = [sys.executable, "-c", "from communique.cli import main; main()",
               "serve", "--db", db, "--port", str(port), "--no-open"]
    server = subprocess.Popen(command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: see {log}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


# --- the clients ---------------------------------------------------------------------------

async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """The status of one answer (its body read and dropped) and whether the server closes."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, headers.get("connection", "").lower() == "close"


async def client(port: int, urls: list[str], until: float, results: list, budget: list) -> None:
    reader = writer = None
    k = 0
    while time.monotonic() < until and budget[0] > 0:
        budget[0] -= 1
        url = urls[k % len(urls)]
        k += 1
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET {url} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: */*\r\n\r\n".encode())
            status, closing = await read_response(reader)
            results.append((time.perf_counter() - start, status == 200))
            if closing:
                writer.close()
                reader = writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            results.append((time.perf_counter() - start, False))
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


ARTICLE = ("The foreign minister of {a} met her counterpart from {b} in {city} on Monday to discuss "
           "border trade, officials said. {a} later accused {b} of delaying the talks. Report {n}.")
PLACES = [("Japan", "China", "Tokyo"), ("India", "Pakistan", "Delhi"), ("France", "Mali", "Bamako")]


async def ingest(port: int, every: float, until: float, posted: list) -> None:
    """Post one short article (my own template) every ``every`` seconds: each write moves the
    store version, so the next answers are computed anew, as on a server fed all day."""
    n = 0
    while time.monotonic() < until:
        a, b, city = PLACES[n % len(PLACES)]
        body = json.dumps({"id": f"load-{os.getpid()}-{time.time_ns()}",
                           "text": ARTICLE.format(a=a, b=b, city=city, n=n)}).encode()
        n += 1
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                         f"Authorization: Bearer {INGEST_TOKEN}\r\nContent-Type: application/json\r\n"
                         f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
            posted.append((await asyncio.wait_for(read_response(reader), 120))[0] == 200)
            writer.close()
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
            posted.append(False)
        await asyncio.sleep(every)


async def run_level(port: int, urls: list[str], clients: int, seconds: float, grace: float,
                    max_requests: int, ingest_every: float = 0.0) -> dict:
    results: list = []
    posted: list = []
    budget = [max_requests]
    started = time.monotonic()
    until = started + seconds
    tasks = [asyncio.ensure_future(client(port, urls[i % len(urls):] + urls[:i % len(urls)], until, results, budget))
             for i in range(clients)]
    writer = asyncio.ensure_future(ingest(port, ingest_every, until, posted)) if ingest_every else None
    done, pending = await asyncio.wait(tasks, timeout=seconds + grace)
    if writer is not None:
        await asyncio.wait([writer], timeout=grace)
    for task in pending:  # answers that never came: timeouts
        task.cancel()
        results.append((seconds + grace, False))
    elapsed = time.monotonic() - started
    answered = [t for t, ok in results if ok]
    errors = sum(1 for _, ok in results if not ok)
    q = statistics.quantiles(answered, n=100, method="inclusive") if len(answered) >= 2 else [answered[0] if answered else 0] * 99
    return {"clients": clients, "requests": len(results), "errors": errors,
            "posted": sum(posted), "post_errors": len(posted) - sum(posted),
            "rps": len(answered) / min(elapsed, seconds + grace) if answered else 0.0,
            "p50": q[49], "p95": q[94], "p99": q[98]}


async def settle(port: int, timeout: float = 120.0) -> None:
    """Wait until the server answers a small store query: work left from the last run
    (answers nobody waits for any more) must not count against the next one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET /api/events?limit=1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            await asyncio.wait_for(read_response(reader), deadline - time.monotonic())
            writer.close()
            return
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
            await asyncio.sleep(0.5)


def article_ids(db: str) -> list[str]:
    """ARTICLES document ids spread over the store (read before the server takes the file)."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT id FROM documents ORDER BY hash(id) LIMIT ?", [ARTICLES]).fetchall()]
    finally:
        con.close()


def endpoints(db: str) -> dict[str, list[str]]:
    return {
        "/api/events": ["/api/events"],
        "/api/overview": ["/api/overview"],
        "dyad page /dyad/CHN/JPN": ["/dyad/CHN/JPN"],
        f"article page /documents/s… ({ARTICLES} articles)": [f"/documents/{i}" for i in article_ids(db)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "communique-load.duckdb"))
    parser.add_argument("--src", default=str(ROOT / "src"),
                        help="source tree whose server to run (and whose schema builds --db)")
    parser.add_argument("--seconds", type=float, default=5.0, help="sending time per endpoint and client count")
    parser.add_argument("--grace", type=float, default=20.0, help="wait this long for answers after sending stops")
    parser.add_argument("--max-requests", type=int, default=50_000, help="requests per run at most")
    parser.add_argument("--clients", default=",".join(map(str, CLIENTS)))
    parser.add_argument("--ingest-every", type=float, default=0.0, metavar="SECONDS",
                        help="while the clients read, POST a new article this often (0: never)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(args.src).resolve()))  # the store is built by the server's own code

    build_store(args.db, args.events)
    plan = endpoints(args.db)
    port = free_port()
    log = Path(tempfile.gettempdir()) / f"communique-load-server-{port}.log"
    print(f"os.cpu_count() = {os.cpu_count()}; server from {args.src}; store {args.db}; "
          f"{args.seconds:g} s per run; client and server on this machine (127.0.0.1)"
          + (f"; an article posted every {args.ingest_every:g} s" if args.ingest_every else ""))
    server = start_server(args.db, Path(args.src), port, log)
    rows = []
    try:
        print(f"{'endpoint':44} {'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>7} "
              f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for name, urls in plan.items():
            for clients in (int(c) for c in args.clients.split(",")):
                asyncio.run(settle(port))
                figures = asyncio.run(run_level(port, urls, clients, args.seconds, args.grace, args.max_requests,
                                                args.ingest_every))
                rows.append({"endpoint": name, **figures})
                print(f"{name:44} {clients:>7} {figures['requests']:>8} {figures['errors']:>6} "
                      f"{figures['rps']:>7.0f} {1000 * figures['p50']:>8.0f} {1000 * figures['p95']:>8.0f} "
                      f"{1000 * figures['p99']:>8.0f}"
                      + (f"  {figures['posted']} posted, {figures['post_errors']} failed" if args.ingest_every else ""),
                      flush=True)
    finally:
        stop_server(server)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
