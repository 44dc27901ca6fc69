"""Answers cached per store version (web.cache): ETag and 304, one computation per URL and
version, and a write, here or in another process, makes the next answer new."""
from __future__ import annotations

import asyncio
import time
from datetime import date

import pytest
from fastapi.testclient import TestClient

from _store_fixtures import address  # noqa: F401
from communique.model import Document
from communique.store import open_store
from communique.store.versioning import WriteCounter
from communique.web import create_app
from communique.web.cache import ResponseCache, VersionWatch
from test_web_api import fill_store


@pytest.fixture()
def store(tmp_path):
    store = open_store(str(tmp_path / "cache.duckdb"))
    fill_store(store)
    yield store
    store.close()


def count_reads(app):
    """Count the reader connections the app takes from its pool (one per store call)."""
    pool = app.state.store.readers
    taken = [0]
    original = pool.reader

    def counting():
        taken[0] += 1
        return original()

    pool.reader = counting
    return taken


def test_answers_carry_an_etag_and_a_matching_revalidation_is_304(store):
    with TestClient(create_app(store=store)) as client:
        first = client.get("/api/overview")
        etag = first.headers["etag"]
        assert first.status_code == 200 and etag.startswith('W/"')
        assert first.headers["cache-control"] == "no-cache"
        again = client.get("/api/overview", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
        page = client.get("/dyad/CHN/JPN", headers={"If-None-Match": etag})
        assert page.status_code == 304  # the same store version: every answer is still right
        assert client.get("/api/overview", headers={"If-None-Match": 'W/"other"'}).status_code == 200


def test_a_repeated_request_is_answered_from_memory(store):
    app = create_app(store=store)
    with TestClient(app) as client:
        taken = count_reads(app)
        first = client.get("/api/events?limit=3")
        reads = taken[0]
        assert reads > 0
        for _ in range(5):
            again = client.get("/api/events?limit=3")
            assert again.content == first.content
        assert taken[0] == reads  # no store call for the repeats
        client.get("/api/events?limit=4")
        assert taken[0] > reads  # another URL is another answer


def test_a_write_makes_the_next_answer_new(store):
    app = create_app(store=store)
    with TestClient(app) as client:
        before = client.get("/api/overview")
        etag = before.headers["etag"]
        document = Document(id="late-news", text="Officials met in Hanoi.", published=date(2021, 9, 1))
        app.state.writer.call(lambda s: s.add_coded(document, [])).result(10)
        after = client.get("/api/overview", headers={"If-None-Match": etag})
        assert after.status_code == 200 and after.headers["etag"] != etag
        assert after.json()["counts"]["documents"] == before.json()["counts"]["documents"] + 1
        # a write straight through the store object (not the writer) is seen as well
        store.add_coded(Document(id="later-news", text="Officials met in Hue.", published=date(2021, 9, 2)), [])
        assert client.get("/api/overview").json()["counts"]["documents"] == before.json()["counts"]["documents"] + 2


def test_error_answers_are_not_cached(store):
    app = create_app(store=store)
    with TestClient(app) as client:
        assert client.get("/api/documents/not-yet").status_code == 404
        store.add_coded(Document(id="not-yet", text="Officials met in Hue.", published=date(2021, 9, 2)), [])
        assert client.get("/api/documents/not-yet").status_code == 200


def test_a_writer_in_another_process_is_seen_within_the_max_age():
    """PostgreSQL: another process writes; nothing here counted it, so the version is asked again
    once the last reading is older than max_age."""
    version, counter = [1], WriteCounter()
    watch = VersionWatch(lambda: version[0], counter, max_age=0.2)

    async def run():
        assert await watch.current() == 1
        version[0] = 2  # the other process's commit
        assert await watch.current() == 1  # within max_age: the reading still stands
        await asyncio.sleep(0.25)
        assert await watch.current() == 2
        version[0] = 3
        counter.bump()  # a commit in this process: seen at once
        assert await watch.current() == 3

    asyncio.run(run())
    watch.close()


def test_many_requests_for_one_url_compute_it_once():
    calls = [0]

    async def slow_app(scope, receive, send):
        calls[0] += 1
        await asyncio.sleep(0.2)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"the overview"})

    watch = VersionWatch(lambda: 7, WriteCounter())
    cache = ResponseCache(slow_app, watch)

    async def get():
        sent = []

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/api/overview", "query_string": b"", "headers": []}
        await cache(scope, None, send)
        return sent[0]["status"], sent[-1]["body"]

    async def run():
        return await asyncio.gather(*(get() for _ in range(50)))

    answers = asyncio.run(run())
    watch.close()
    assert answers == [(200, b"the overview")] * 50
    assert calls[0] == 1


def test_a_write_on_another_connection_is_seen(address):
    """PostgreSQL: `communique ingest` in another process while the server runs (on DuckDB the
    server is the only process; a second connection in it is counted at once)."""
    served, other = open_store(address), open_store(address)
    try:
        with TestClient(create_app(store=served)) as client:
            assert client.get("/api/overview").json()["counts"]["documents"] == 0
            other.add_coded(Document(id="elsewhere", text="Officials met in Hue.", published=date(2021, 9, 2)), [])
            deadline = time.monotonic() + 5
            while client.get("/api/overview").json()["counts"]["documents"] == 0:
                assert time.monotonic() < deadline, "the other connection's write was never seen"
                time.sleep(0.05)
    finally:
        other.close()
        served.close()
