"""The store's backends under stress: a file that is not a database, values a database refuses,
two processes creating one new PostgreSQL store at once, a full disk."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _store_fixtures import POSTGRES_URL, address, drop_schema, entity, make_event, store, store_address  # noqa: F401
from communique.model import CodingError, Document
from communique.store import StoreError, open_store

SRC = str(Path(__file__).resolve().parents[1] / "src")
TESTS = str(Path(__file__).resolve().parent)
needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="COMMUNIQUE_TEST_POSTGRES is not set")


def _hand_coder(documents, workers=1, all_modalities=False):
    """Stands in for pipeline.code_documents: one CONSULT per document, on the document's text."""
    for d in documents:
        yield d, [make_event(d.id, "042", [entity("CHN")], [entity("JPN", start=5)], d.published, text=d.text)]


def test_an_existing_file_that_is_no_database_is_refused_and_left_alone(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "China accused Japan."}\n', encoding="utf-8")
    before = feed.read_bytes()
    with pytest.raises(StoreError, match="it is another kind of file, not a DuckDB database"):
        open_store(str(feed))
    result = CliRunner().invoke(__import__("communique.cli", fromlist=["app"]).app,
                                ["ingest", str(feed), "--db", str(feed)])
    assert result.exit_code == 2 and "not a DuckDB database" in result.stderr
    assert feed.read_bytes() == before
    (tmp_path / "empty.duckdb").write_bytes(b"")
    with pytest.raises(StoreError, match="it is an empty file"):
        open_store(str(tmp_path / "empty.duckdb"))


def test_text_with_nul_is_stored_on_every_backend(store):
    document = Document(id="nul", text="China\x00 accused Japan.", published=date(2021, 1, 1))
    assert store.add_coded(document, list(_hand_coder([document]))[0][1])
    assert store.document("nul")["text"] == "China\ufffd accused Japan."


def test_a_value_the_database_refuses_is_one_error_and_the_batch_goes_on(store, monkeypatch):
    import communique.pipeline

    def coder(documents, workers=1, all_modalities=False):
        for d, events in _hand_coder(documents):
            if d.id == "bad":
                events[0].text = "a NUL the coder let through \x00"  # PostgreSQL text cannot hold it
            yield d, events

    monkeypatch.setattr(communique.pipeline, "code_documents", coder)
    docs = [Document(id=i, text=f"Report {i}.", published=date(2021, 1, 1)) for i in ("a", "bad", "c")]
    report = store.ingest(docs)
    stored = {r["id"] for r in store.select("SELECT id FROM documents")}
    assert {"a", "c"} <= stored
    if "bad" not in stored:
        assert report.errors == 1 and "cannot store" in store.errors()[0]["message"]


RACE_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {src!r}); sys.path.insert(0, {tests!r})
    from datetime import date
    import communique.pipeline
    from test_backends import _hand_coder
    communique.pipeline.code_documents = _hand_coder
    from communique.model import Document
    from communique.store import open_store
    start = float(sys.argv[2])
    time.sleep(max(0.0, start - time.time()))
    with open_store(sys.argv[1]) as store:
        store.ingest([Document(id=f"d{{i}}", text=f"Report {{i}}.", published=date(2021, 1, 1)) for i in range(20)])
""")


@needs_postgres
@pytest.mark.postgres
def test_two_ingests_creating_a_new_postgresql_store_at_once_both_succeed(tmp_path):
    script = RACE_SCRIPT.format(src=SRC, tests=TESTS)
    for attempt in range(3):  # before the lock, every attempt failed
        url, schema = store_address("postgres", tmp_path)
        try:
            start = time.time() + 2.0
            procs = [subprocess.Popen([sys.executable, "-c", script, url, str(start)],
                                      stderr=subprocess.PIPE, text=True) for _ in range(3)]
            outcomes = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
            assert all(code == 0 for code, _ in outcomes), [err for _, err in outcomes]
            with open_store(url) as s:
                assert s.counts()["documents"] == 20 and s.counts()["events"] == 20
        finally:
            drop_schema(schema)


DISK_SCRIPT = textwrap.dedent("""
    import resource, signal, sys
    sys.path.insert(0, {src!r}); sys.path.insert(0, {tests!r})
    if sys.argv[3] == "limit":
        # A file size limit stands in for a full disk: writes past it fail as they would (EFBIG).
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000_000, 2_000_000))
    import communique.pipeline
    import communique.store.bulk
    from test_backends import _hand_coder
    communique.pipeline.code_documents = _hand_coder
    communique.store.bulk.MAX_DOCUMENTS = 20  # small batches: some are stored before the disk fills
    from communique.cli import app
    # The documents share their filler: --keep-copies, so that each is coded and stored.
    sys.argv = ["communique", "ingest", sys.argv[2], "--db", sys.argv[1], "--all-languages", "--keep-copies"]
    app()
""")


def test_a_full_disk_is_one_clear_line_and_a_resume_completes(tmp_path):
    feed = tmp_path / "feed.jsonl"
    filler = "lorem ipsum dolor sit amet " * 300
    with open(feed, "w", encoding="utf-8") as out:
        for i in range(400):
            out.write(json.dumps({"id": f"d{i}", "text": f"Report {i}. {filler}", "published": "2021-01-01"}) + "\n")
    db = str(tmp_path / "small.duckdb")
    script = DISK_SCRIPT.format(src=SRC, tests=TESTS)
    full = subprocess.run([sys.executable, "-c", script, db, str(feed), "limit"],
                          capture_output=True, text=True, timeout=300)
    assert full.returncode == 2, full.stderr
    lines = [line for line in full.stderr.splitlines() if line.strip()]
    assert "Traceback" not in full.stderr
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot write to database {db}: the disk is full")
    assert "run the same command again" in lines[0]
    with open_store(db) as s:
        kept = s.counts()["documents"]
    assert 0 < kept < 400
    resumed = subprocess.run([sys.executable, "-c", script, db, str(feed), "none"],
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    with open_store(db) as s:
        assert s.counts()["documents"] == 400 and s.counts()["events"] == 400


@needs_postgres
@pytest.mark.postgres
def test_a_full_postgresql_disk_is_a_store_error_and_the_store_stays_usable(tmp_path, monkeypatch):
    import psycopg

    url, schema = store_address("postgres", tmp_path)
    try:
        with open_store(url) as s:
            real = s.backend.execute

            def full(sql, params=()):
                if "INSERT INTO events" in sql:
                    raise psycopg.errors.DiskFull("could not extend file \"base/1/2\": No space left on device")
                return real(sql, params)

            document = Document(id="a", text="Report a.", published=date(2021, 1, 1))
            events = list(_hand_coder([document]))[0][1]
            monkeypatch.setattr(s.backend, "execute", full)
            with pytest.raises(StoreError, match="the disk is full .*No space left on device.* run the same command again"):
                s.add_coded(document, events)
            monkeypatch.setattr(s.backend, "execute", real)
            assert s.counts()["documents"] == 0
            assert s.add_coded(document, events) and s.counts()["events"] == 1
    finally:
        drop_schema(schema)
