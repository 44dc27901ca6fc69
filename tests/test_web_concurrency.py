"""Reading while writing, with a real server on 127.0.0.1 over a DuckDB file and the real coder.

- A long article posted to ``POST /api/documents`` is coded on the store's writer thread;
  pages and API reads are answered meanwhile (they used to wait for the whole coding).
- The README's combinations on DuckDB: the server owns the file and takes new documents
  itself (POST, or ``app.state.writer`` as a feed watcher inside the server does) while the
  dashboard is read; a second process cannot open the file, and is told what to do instead.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import httpx
import pytest

from _served import running_server
from communique.model import Document
from communique.store import open_store
from communique.web import create_app
from _web_fixtures import site  # noqa: F401  (fixture: pages and feeds on 127.0.0.1)
from test_web_api import CORPUS, fill_store

TOKEN = "s3cret"
SRC = str(Path(__file__).resolve().parents[1] / "src")
PLACES = [("Japan", "China", "Tokyo"), ("India", "Pakistan", "Delhi"), ("France", "Mali", "Bamako"),
          ("Brazil", "Argentina", "Brasilia"), ("Kenya", "Somalia", "Nairobi")]


def needs_coder():
    try:
        from communique.pipeline import code_text
        code_text("Japan urged China to talk.")
    except Exception as exc:  # the coder is built alongside the dashboard
        pytest.skip(f"the coder cannot code yet: {exc}")


TOPICS = ("border trade", "fishing rights", "a new railway", "river water", "visa rules", "grain sales",
          "a gas pipeline", "port fees", "air links", "power lines", "student exchanges", "mining rights",
          "cattle routes", "a road toll", "refugee camps")
VERBS = ("met", "phoned", "wrote to", "hosted", "called on")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")


def long_article(words: int, story: int = 0) -> str:
    """An article of my own sentences, about ``words`` words long; each ``story`` is about
    other topics (so that ingest does not fold one into another as a near-duplicate copy)."""
    sentences, i = [], 0
    while sum(len(s.split()) for s in sentences) < words:
        a, b, city = PLACES[i % len(PLACES)]
        topic = TOPICS[(story + 5 * i) % len(TOPICS)]
        verb, day = VERBS[story % len(VERBS)], DAYS[story // len(VERBS) % len(DAYS)]
        sentences.append(f"The foreign minister of {a} {verb} her counterpart from {b} in {city} on {day} "
                         f"to discuss {topic}, round {story * 100 + i}, officials said.")
        i += 1
    return " ".join(sentences)


@pytest.fixture()
def served(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_TOKEN", TOKEN)
    db = tmp_path / "served.duckdb"
    store = open_store(str(db))
    fill_store(store)
    app = create_app(store=store)
    with running_server(app) as (base, port):
        yield app, base, db
    store.close()


def test_reads_are_answered_while_a_long_post_is_coded(served):
    needs_coder()
    app, base, _ = served
    article = {"id": "long-one", "published": "2021-10-04", "text": long_article(3000)}  # about 20 KB, seconds of coding
    posted = {}

    def post():
        posted["response"] = httpx.post(base + "/api/documents", json=article, timeout=600,
                                        headers={"Authorization": f"Bearer {TOKEN}"})
        posted["at"] = time.monotonic()

    poster = threading.Thread(target=post)
    poster.start()
    assert app.state.writer.busy.wait(30), "the writer never started coding"
    answered = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for i, url in enumerate(["/api/events?q=talks", "/", "/dyad/CHN/JPN", "/api/overview",
                                 "/documents/asia-2021-03-02", "/api/events?q=maritime"]):
            response = client.get(url, params={"since": f"2000-01-{i + 1:02d}"})  # never cached yet
            assert response.status_code == 200, (url, response.text)
            answered.append(time.monotonic())
    still_coding = app.state.writer.busy.is_set() and "at" not in posted
    poster.join(600)
    assert posted["response"].status_code == 200, posted["response"].text
    assert posted["response"].json()["documents_added"] == 1
    assert still_coding, "the reads should have been answered before the post finished coding"
    assert max(answered) < posted["at"]


def test_the_dashboard_reads_while_the_server_ingests(served):
    """The combination the README gives for DuckDB: `communique serve` owns the store; new
    documents come in through it (a feed watcher in the server hands them to app.state.writer,
    a client POSTs them) while the dashboard is read."""
    needs_coder()
    app, base, db = served
    stop, reads, failures = threading.Event(), [], []

    def read_dashboard():
        with httpx.Client(base_url=base, timeout=60) as client:
            while not stop.is_set():
                for url in ("/", "/api/events", "/dyad/CHN/JPN", "/api/overview"):
                    response = client.get(url)
                    (reads if response.status_code == 200 else failures).append((url, response.status_code))

    readers = [threading.Thread(target=read_dashboard) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        feed = [Document(id=f"feed-{i}", text=long_article(60, story=i) + f" Item {i}.", published=date(2021, 11, 1 + i))
                for i in range(12)]
        watched = app.state.writer.submit(feed)  # what a watcher inside the server does
        with httpx.Client(base_url=base, timeout=120) as client:
            posted = client.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                                 json=[{"id": f"post-{i}", "text": long_article(60, story=12 + i) + f" Post {i}."} for i in range(3)])
        report = watched.result(300)
    finally:
        stop.set()
        for t in readers:
            t.join(60)
    assert report.documents_added == 12 and report.errors == 0
    assert posted.status_code == 200 and posted.json()["documents_added"] == 3
    assert failures == [] and len(reads) >= 12
    overview = httpx.get(base + "/api/overview", timeout=30).json()
    assert overview["counts"]["documents"] == len(CORPUS) + 12 + 3  # the fixture's, the feed, the post

    # Another process cannot open the served DuckDB file, and is told how to add documents.
    env = {**os.environ, "PYTHONPATH": SRC}
    other = subprocess.run([sys.executable, "-c", "from communique.cli import main; main()", "events",
                            "--db", str(db)], capture_output=True, text=True, env=env, timeout=120)
    assert other.returncode != 0
    message = " ".join((other.stderr + other.stdout).split())
    assert "in use by another process" in message and "POST /api/documents" in message
    assert "Traceback" not in other.stderr


def test_a_feed_watcher_in_the_server_stores_through_its_writer(served, site):
    """`communique serve --watch`: the watcher keeps its feed log on its own connection and hands
    the articles to the server's writer (POSTs and feeds take turns there), while the
    dashboard is read."""
    needs_coder()
    from communique.watch import start_in_thread
    from test_watch import STORIES, publish

    app, base, db = served
    rss = publish(site, "/served.xml", STORIES[:3])
    coded_on = []
    served_store = app.state.writer.store
    original = served_store.ingest

    def ingest(documents, **kwargs):  # Store.ingest of the served store, watched
        coded_on.append(threading.current_thread().name)
        return original(documents, **kwargs)

    served_store.ingest = ingest
    done, reads = threading.Event(), []
    thread, stop = start_in_thread(lambda: open_store(str(db)), [rss], every_s=3600,
                                   on_round=lambda reports: done.set(), ingest=app.state.writer.ingest)
    with httpx.Client(base_url=base, timeout=60) as client:
        while not done.wait(0.05):
            reads.append(client.get("/api/overview").status_code)
        stop.set()
        thread.join(10)
        counts = client.get("/api/overview").json()["counts"]
    assert coded_on == ["communique-store-writer"]  # coded and stored on the server's writer
    assert counts["documents"] == len(CORPUS) + 3
    assert set(reads) <= {200}
