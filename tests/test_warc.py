"""WARC archives: every record read, counted by what became of it, and coded into the store.

The crawl is built by communique.sample_web (stories written for the project in six sites'
chrome, requests, metadata, images and scripts, redirects, broken bodies, stories in five
other languages, section fronts, exact and near copies)."""
import gzip
import json
import re

import pytest
from typer.testing import CliRunner

from communique.ingest import Tally, count_records, read_documents
from communique.model import CodingError, Document
from communique.sample_web.crawl import build_warc

SIZES = dict(stories=40, copies=6, near=6, foreign=20, not_news=9, non_html=140, statuses=12, broken=3)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    path = tmp_path_factory.mktemp("crawl") / "crawl.warc.gz"
    return path, build_warc(path, **SIZES)


def _read(path, **options):
    tally = Tally()
    items = list(read_documents([str(path)], on_skip=tally.skip, **options))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, CodingError)], tally


def test_the_crawl_is_realistic_and_large_enough(crawl):
    path, counts = crawl
    assert counts.records >= 500
    assert count_records([str(path)]) == counts.records
    with gzip.open(path, "rb") as handle:  # one gzip member per record, as crawlers write
        assert handle.read(8) == b"WARC/1.0"


def test_every_record_is_counted_by_what_became_of_it(crawl):
    path, counts = crawl
    docs, errors, tally = _read(path, english_only=True)
    assert len(docs) == 40 + 6 + 6  # stories, near copies (until near-duplicate folding), exact copies
    assert len(errors) == counts.broken == 3
    assert dict(tally.skipped) == {"non-English": 20, "not news": 9, "not HTML": 140, "HTTP status": 12,
                                   "not a response": counts.not_response}
    assert dict(tally.languages) == counts.foreign == {"de": 4, "es": 4, "fr": 4, "it": 4, "pt": 4}
    assert len(docs) + len(errors) + tally.skipped_total == counts.records
    assert all("NUL byte" in e.message and "record" in e.origin and "byte" in e.origin for e in errors)
    # exact copies carry the same text, so the store's content hash folds them
    assert len({d.content_hash for d in docs}) == 46


def test_a_story_keeps_its_url_title_date_and_dateline(crawl):
    path, _ = crawl
    docs, _, _ = _read(path)
    story = next(d for d in docs if d.url and d.url.endswith("-s0000"))
    assert story.title and story.published and story.dateline_place
    assert story.url.startswith("https://") and story.id.startswith(story.url.split("/")[2].split(".")[0])
    assert "We use cookies" not in story.text and "Related stories" not in story.text
    again, _, _ = _read(path)
    assert [d.id for d in again] == [d.id for d in docs]  # ids are stable across reads


def test_without_language_screen_foreign_pages_are_documents(crawl):
    path, _ = crawl
    docs, _, tally = _read(path)
    assert len(docs) == 52 + 20 and "non-English" not in tally.skipped


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_a_truncated_archive_keeps_what_came_before_and_says_where_it_broke(tmp_path, name):
    whole = tmp_path / ("whole" + name[3:])
    build_warc(whole, stories=8, copies=0, near=0, foreign=0, not_news=0, non_html=0, statuses=0, broken=0)
    docs, _, tally = _read(whole)
    origins = [d.origin for d in docs] + [s.origin for s in tally.skipped_items]
    starts = dict(re.search(r"record (\d+) at byte (\d+)", o).groups() for o in origins)
    tenth = int(starts["10"])  # where record 10 starts
    cut = tmp_path / name
    cut.write_bytes(whole.read_bytes()[: tenth + 40])
    docs, errors, tally = _read(cut)
    assert len(docs) + tally.skipped_total == 9 and len(errors) == 1
    assert errors[0].message.startswith(("archive cut off inside a record", "not a valid WARC record"))
    assert f"{name}:record 10" in errors[0].origin
    garbled = tmp_path / ("garbled" + name[3:])
    garbled.write_bytes(whole.read_bytes()[:tenth] + b"\x1f\x8b\x08\x00 garbage, not a record " * 3)
    docs, errors, tally = _read(garbled)
    assert len(docs) + tally.skipped_total == 9 and errors
    assert all(e.message.startswith(("archive unreadable", "archive cut off", "not a valid WARC record")) for e in errors)


def test_an_uncompressed_warc_in_a_folder_is_read(tmp_path):
    folder = tmp_path / "crawls"
    folder.mkdir()
    counts = build_warc(folder / "small.warc", stories=6, copies=0, near=0, foreign=2, not_news=1,
                        non_html=2, statuses=1, broken=0)
    docs, errors, tally = _read(folder, english_only=True)
    assert len(docs) == 6 and not errors and tally.skipped["non-English"] == 2
    assert tally.skipped_total + len(docs) == counts.records


def test_ingest_codes_the_crawl_and_counts_skips_and_errors(tmp_path, crawl):
    from communique.cli import app
    from communique.store import open_store

    path, counts = crawl
    db = str(tmp_path / "crawl.duckdb")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["records"] == counts.records
    # The near copies are folded into their first report, like the exact copies (communique.dedup).
    assert summary["coded"] == 40 and summary["events"] > 40
    assert summary["copies"] == 12
    assert summary["skipped"] == {"duplicate": 12, "non-English": 20, "not news": 9, "not HTML": 140,
                                  "HTTP status": 12, "not a response": counts.not_response}
    assert summary["languages"] == counts.foreign
    assert summary["errors"] == 3 and len(summary["error_messages"]) == 3
    with open_store(db) as store:
        assert store.counts()["documents"] == 40 and store.counts()["errors"] == 3
        copies = store.select("SELECT similarity FROM document_copies")
        assert len(copies) == 12 and sum(c["similarity"] < 1 for c in copies) == 6
        codes = {r["actor"][0]["code"] for r in store.events(limit=None) if r["actor"]}
        assert len(codes) >= 10  # varied countries made it through extraction and coding
    again = CliRunner().invoke(app, ["ingest", str(path), "--db", db, "--quiet"])
    assert again.exit_code == 0, again.output
    assert "0 coded (0 events)" in again.output and "52 duplicate" in again.output


def test_code_reads_a_warc_and_says_what_it_skipped(tmp_path):
    from communique.cli import app

    path = tmp_path / "tiny.warc.gz"
    build_warc(path, stories=3, copies=0, near=0, foreign=1, not_news=0, non_html=1, statuses=0, broken=0)
    result = CliRunner().invoke(app, ["code", str(path), "-o", str(tmp_path / "events.jsonl")])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output and "1 non-English" in result.output and "1 not HTML" in result.output
