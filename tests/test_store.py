"""The event store over DuckDB (always) and PostgreSQL (when COMMUNIQUE_TEST_POSTGRES is set)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _store_fixtures import address, corpus, entity, load_corpus, make_event, store  # noqa: F401
from communique.model import CodingError, Document
from communique.store import MIGRATIONS, StoreError, open_store
from communique.store.schema import Migration, migrate

SRC = str(Path(__file__).resolve().parents[1] / "src")


def test_schema_is_versioned_and_migrations_run_once(store):
    versions = [r["version"] for r in store.select("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [m.version for m in MIGRATIONS]
    # A later release appends a step: only that step runs on an existing database.
    extra = Migration(MIGRATIONS[-1].version + 1, "a later column",
                      ("ALTER TABLE documents ADD COLUMN language TEXT",))
    assert migrate(store.backend, MIGRATIONS + (extra,)) == [extra.version]
    assert migrate(store.backend, MIGRATIONS + (extra,)) == []
    store.select("SELECT language FROM documents")


def test_adding_the_same_documents_twice_adds_nothing(store):
    load_corpus(store)
    first = store.counts()
    load_corpus(store)
    assert store.counts() == first
    assert first["documents"] == 5 and first["events"] == 6 and first["dedup_events"] == 5
    assert first["actors"] == 4


def test_a_document_is_known_by_its_text_and_by_its_id(store):
    document, events = corpus()[0]
    assert store.add_coded(document, events)
    copy = Document(id="copy-of-a", text=document.text)
    assert not store.add_coded(copy, [])  # same text under another id
    clash = Document(id=document.id, text="Another story entirely, under a reused id.")
    assert not store.add_coded(clash, [])
    assert store.counts()["documents"] == 1
    [error] = store.errors()
    assert error["doc"] == document.id and "different text" in error["message"]


def test_a_coding_error_is_recorded_once_and_cleared_when_the_document_succeeds(store):
    document, events = corpus()[3]
    failure = CodingError("feed.jsonl:4", "coding failed: ValueError: bad token", document.id)
    assert not store.add_coded(document, failure)
    assert not store.add_coded(document, failure)  # a re-run replaces the row
    assert [(e["origin"], e["doc"]) for e in store.errors()] == [("feed.jsonl:4", "doc-d")]
    assert store.add_coded(document, events)
    assert store.errors() == []


def test_a_document_and_its_events_are_written_in_one_transaction(store, monkeypatch):
    document, events = corpus()[2]
    real = store.backend.execute

    def fail_on_entities(sql, params=()):
        if "INSERT INTO entities" in sql:
            raise RuntimeError("disk full")
        return real(sql, params)

    monkeypatch.setattr(store.backend, "execute", fail_on_entities)
    with pytest.raises(RuntimeError):
        store.add_coded(document, events)
    monkeypatch.setattr(store.backend, "execute", real)
    assert store.counts()["documents"] == 0 and store.counts()["events"] == 0
    assert store.add_coded(document, events)
    assert store.counts()["events"] == 2


def test_records_round_trip_with_mentions_sources_and_url(store):
    load_corpus(store)
    expected = {e.id: e.to_record() for _, events in corpus() for e in events}
    records = store.events(limit=None)
    assert len(records) == 6
    for record in records:
        extra = {k: record.pop(k) for k in ("mentions", "sources", "url")}
        assert record == expected[record["id"]]
        assert extra["mentions"] == len(extra["sources"])
    newest = store.events(limit=1)[0]
    assert newest["date"] == "2020-08-19" and newest["url"] == "https://news.example/e"


def test_reports_of_one_event_are_one_group_with_every_source(store):
    load_corpus(store)
    consults = store.events(types=["CONSULT"], dedup=True)
    assert len(consults) == 1
    assert consults[0]["mentions"] == 2 and consults[0]["sources"] == ["doc-a", "doc-b"]
    assert consults[0]["doc"] == "doc-b"  # the earliest published report stands for the group
    assert store.count_events(types=["CONSULT"]) == 2
    assert store.count_events(dedup=True) == 5


@pytest.mark.parametrize("filters, expected", [
    ({"dyad": ("JPN", "CHN")}, 5),
    ({"dyad": ("jpn", "chn"), "directed": True}, 1),
    ({"dyad": ("CHN", "JPN"), "directed": True}, 4),
    ({"types": ["AGREE", "ACCUSE"]}, 2),
    ({"since": date(2020, 7, 28), "until": date(2020, 8, 2)}, 4),
    ({"since": "2020-08-03"}, 1),
    ({"q": "maritime HOTLINE"}, 1),
    ({"doc": "doc-c"}, 2),
    ({"actor": "FRA"}, 1),
    ({"actor": "toshimitsu motegi"}, 1),
    ({"actor": "MLI", "types": ["ASSAULT"]}, 1),
])
def test_event_filters(store, filters, expected):
    load_corpus(store)
    assert store.count_events(**filters) == expected
    assert len(store.events(limit=None, **filters)) == expected


def test_filters_are_parameters_not_sql(store):
    load_corpus(store)
    assert store.count_events(q="'; DROP TABLE events; --") == 0
    assert store.count_events(actor="x' OR '1'='1") == 0
    assert store.counts()["events"] == 6
    with pytest.raises(ValueError, match="unknown PLOVER"):
        store.count_events(types=["CONSULT); DROP TABLE events; --"])
    with pytest.raises(TypeError):
        store.events(colour="red")


def test_document_actor_and_errors_views(store):
    load_corpus(store)
    doc = store.document("doc-c")
    assert doc["published"] == "2020-08-03" and doc["source"] == "Wire One"
    assert [e["event"] for e in doc["events"]] == ["ACCUSE", "AGREE"]
    assert store.document("nope") is None
    china = store.actor("CHN")
    assert china["name"] == "China" and len(china["events"]) == 5
    assert china["counterparts"] == [{"code": "JPN", "events": 5, "name": "Japan"}]
    wang = store.actor("Wang Yi")
    assert wang["code"] == "CHN" and wang["name"] == "Wang Yi" and len(wang["events"]) == 1
    assert store.actor("Nobody Atall") is None


def test_open_store_errors_are_one_clear_line(tmp_path, monkeypatch):
    with pytest.raises(StoreError, match="unsupported database URL scheme mysql://"):
        open_store("mysql://user@localhost/db")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "folder" / "x.duckdb"))
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none")
    monkeypatch.setenv("COMMUNIQUE_DB", str(tmp_path / "env.duckdb"))
    with open_store() as s:
        assert s.counts()["documents"] == 0
    assert (tmp_path / "env.duckdb").exists()


# -- ingest ---------------------------------------------------------------------------

def _hand_coder(documents, workers=1, all_modalities=False):
    """Stands in for pipeline.code_documents: one CONSULT per document, fails on 'FAIL'."""
    for d in documents:
        if "FAIL" in d.text:
            yield d, CodingError(d.origin or d.id, "coding failed: ValueError: unreadable", d.id)
        else:
            yield d, [make_event(d.id, "042", [entity("CHN")], [entity("JPN", start=5)], d.published,
                                 text=d.text)]


def test_ingest_skips_stored_documents_and_records_errors(store, monkeypatch):
    import communique.pipeline

    monkeypatch.setattr(communique.pipeline, "code_documents", _hand_coder)
    docs = [Document(id=f"n{i}", text=f"Note {i} on talks.", published=date(2021, 1, 1 + i)) for i in range(5)]
    docs.append(Document(id="bad", text="FAIL here", origin="feed.jsonl:6"))
    seen = []
    report = store.ingest(docs + [CodingError("missing.txt", "cannot read: no such file")],
                          progress=lambda r: seen.append(r.documents_seen))
    assert (report.documents_added, report.events_added, report.errors) == (5, 5, 2)
    assert seen and seen[-1] == 6
    again = store.ingest(docs)
    assert (again.documents_added, again.documents_skipped, again.errors) == (0, 5, 1)
    assert store.counts()["documents"] == 5
    assert sorted(e["origin"] for e in store.errors()) == ["feed.jsonl:6", "missing.txt"]


KILL_SCRIPT = textwrap.dedent("""
    import json, sys, time
    sys.path.insert(0, {src!r})
    from datetime import date
    from communique.model import Document
    from communique.store import open_store
    if {hand!r}:
        import communique.pipeline
        sys.path.insert(0, {tests!r})
        from test_store import _hand_coder
        def slow(documents, workers=1, all_modalities=False):
            for item in _hand_coder(documents):
                time.sleep(0.004)
                yield item
        communique.pipeline.code_documents = slow
    docs = [Document(id=r["id"], text=r["text"], published=date.fromisoformat(r["published"]))
            for r in map(json.loads, open(sys.argv[2], encoding="utf-8"))]
    with open_store(sys.argv[1]) as store:
        # Small batches (one transaction each), so that the kill lands between and within them.
        # (The pause after each document leaves the test time to kill the run mid-way.)
        store.ingest(docs, batch_size=8,
                     progress=lambda r: (print(r.documents_added, flush=True), time.sleep(0.005)))
    print("done", flush=True)
""")

COUNTRIES = [("China", "Japan"), ("France", "Mali"), ("India", "Nepal"), ("Brazil", "Chile")]


def _kill_corpus(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            a, b = COUNTRIES[i % len(COUNTRIES)]
            text = f"{a} and {b} signed a trade agreement in the capital on Monday, officials said."
            if i % 3 == 0:
                text = f"The president of {a} met the prime minister of {b} on Tuesday to discuss border trade."
            out.write(json.dumps({"id": f"k{i}", "text": f"{text} Report {i}.",
                                  "published": f"2021-{1 + i % 12:02d}-{1 + i % 27:02d}"}) + "\n")


def _run_ingest(address, corpus_path, hand, kill_after=None):
    script = KILL_SCRIPT.format(src=SRC, tests=str(Path(__file__).parent), hand=hand)
    proc = subprocess.Popen([sys.executable, "-c", script, address, str(corpus_path)],
                            stdout=subprocess.PIPE, text=True)
    killed = False
    for line in proc.stdout:
        if kill_after is not None and line.strip().isdigit() and int(line) >= kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
            break
    proc.wait(timeout=120)
    return killed


def _snapshot(address):
    with open_store(address) as s:
        return (s.counts(),
                s.select("SELECT doc, count(*) AS n FROM events GROUP BY doc ORDER BY doc"),
                sorted(r["id"] for r in s.select("SELECT id FROM events")))


@pytest.mark.parametrize("coder", ["hand", "real"])
def test_an_ingest_killed_half_way_resumes_to_the_same_result(coder, address, tmp_path):
    hand = coder == "hand"
    n = 100 if hand else 48
    corpus_path = tmp_path / "corpus.jsonl"
    _kill_corpus(corpus_path, n)
    killed = _run_ingest(address, corpus_path, hand, kill_after=n // 4)
    assert killed, "the ingest ended before it could be killed"
    with open_store(address) as s:
        partial = s.counts()["documents"]
    assert 0 < partial < n
    _run_ingest(address, corpus_path, hand)
    resumed = _snapshot(address)
    assert resumed[0]["documents"] == n

    # An uninterrupted run into a fresh store gives the same documents and events.
    if address.startswith("postgresql"):
        from _store_fixtures import drop_schema, store_address

        fresh, schema = store_address("postgres", tmp_path)
    else:
        fresh, schema = str(tmp_path / "fresh.duckdb"), None
    try:
        _run_ingest(fresh, corpus_path, hand)
        assert _snapshot(fresh) == resumed
    finally:
        if schema:
            drop_schema(schema)


def test_ingesting_the_sample_corpus_twice_gives_the_same_counts(store):
    from importlib import resources

    from communique.ingest import read_documents

    samples = resources.files("communique").joinpath("samples")
    files = [str(p) for p in Path(str(samples)).glob("*") if p.suffix in (".txt", ".jsonl")]
    assert files, "the sample corpus ships in the package"
    first = store.ingest(read_documents(files))
    counts = store.counts()
    assert counts["documents"] == 48 and counts["events"] > 100
    second = store.ingest(read_documents(files))
    assert store.counts() == counts
    assert second.documents_added == 0 and second.events_added == 0
    assert first.documents_added + first.documents_skipped == second.documents_skipped


# -- command line ---------------------------------------------------------------------

runner = CliRunner()


def _cli(*args):
    from communique.cli import app

    return runner.invoke(app, list(args))


@pytest.mark.parametrize("command", ["ingest", "events", "dyad", "timeline", "actors", "export", "errors"])
def test_every_store_command_has_an_example(command):
    result = _cli(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output


def test_cli_queries_a_store(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    with open_store(db) as s:
        load_corpus(s)
    result = _cli("events", "--db", db, "--dyad", "CHN", "JPN", "--since", "2020-07-01",
                  "--type", "CONSULT,AGREE", "--json")
    assert result.exit_code == 0, result.output
    assert sorted(r["cameo"] for r in json.loads(result.stdout)) == ["030", "042", "043"]
    result = _cli("dyad", "CHN", "JPN", "--db", db, "--by", "month", "--csv")
    assert result.exit_code == 0 and result.stdout.splitlines()[0].startswith("period,events")
    assert len(result.stdout.strip().splitlines()) == 4
    result = _cli("timeline", "CHN", "JPN", "--db", db, "--json")
    assert [r["date"] for r in json.loads(result.stdout)] == ["2020-06-14", "2020-07-28", "2020-08-02", "2020-08-02"]
    result = _cli("actors", "--top", "2", "--db", db, "--json")
    assert [a["code"] for a in json.loads(result.stdout)["actors"]] == ["CHN", "JPN"]
    result = _cli("export", "--format", "csv", "-o", str(tmp_path / "e.csv"), "--db", db)
    assert result.exit_code == 0 and (tmp_path / "e.csv").exists()
    assert _cli("errors", "--db", db, "--json").stdout.strip() == "[]"


@pytest.mark.parametrize("args, message", [
    (["events", "--db", "mysql://u@h/d"], "unsupported database URL"),
    (["events", "--since", "2020-13-45"], "not a date"),
    (["events", "--type", "HUG"], "unknown PLOVER category HUG"),
    (["dyad", "CHN", "JPN", "--by", "decade"], "unknown period"),
    (["export", "--format", "xml", "-o", "x"], "unknown format 'xml'"),
    (["ingest", "no/such/file.jsonl"], "cannot read no/such/file.jsonl"),
])
def test_cli_errors_are_one_line(tmp_path, args, message, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_DB", str(tmp_path / "e.duckdb"))
    result = _cli(*args)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.output
