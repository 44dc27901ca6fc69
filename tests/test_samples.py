"""The bundled sample corpus parses, is findable when installed, and covers the dashboard's needs."""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import pytest

from communique.sample_corpus import sample_dir, sample_paths

REQUIRED_FIELDS = ("id", "published", "text")
DATE_LINE = re.compile(r"^(?: date |Date: )(\d{4}-\d{2}-\d{2})\s*$")
WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:, [A-Za-z. ]+)?, [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})? \([^)]+\) --")


def _jsonl_records() -> list[dict]:
    path = sample_dir() / "articles.jsonl"
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"{path.name}:{number} is blank"
        records.append(json.loads(line))
    return records


def _text_files() -> list:
    return [path for path in sample_paths() if path.suffix == ".txt"]


def test_sample_paths_finds_every_form():
    names = [path.name for path in sample_paths()]
    assert names[0] == "articles.jsonl"
    assert {"tokyo-talks.txt", "rafah-crossing.txt", "who-geneva.txt"} <= set(names)
    assert all(path.is_file() for path in sample_paths())


def test_every_jsonl_line_is_a_complete_record():
    for record in _jsonl_records():
        for field in REQUIRED_FIELDS:
            assert record.get(field), f"{record.get('id')} lacks {field}"
        published = date.fromisoformat(record["published"])
        assert date(2019, 1, 1) <= published <= date(2024, 12, 31)
        assert record["url"].startswith("https://example.org/")
        assert record["source"] == "Communique Wire"


def test_ids_are_unique():
    counts = Counter(record["id"] for record in _jsonl_records())
    assert [doc_id for doc_id, n in counts.items() if n > 1] == []


def test_corpus_is_large_enough_for_the_dashboard():
    assert len(_jsonl_records()) + len(_text_files()) >= 24


def test_articles_have_three_to_six_paragraphs():
    bodies = {record["id"]: record["text"] for record in _jsonl_records()}
    for path in _text_files():
        body = path.read_text(encoding="utf-8")
        if DATE_LINE.match(body.splitlines()[0]):
            body = body.split("\n", 1)[1]
        bodies[path.name] = body
    for name, body in bodies.items():
        paragraphs = [part for part in body.split("\n\n") if part.strip()]
        assert 3 <= len(paragraphs) <= 6, f"{name} has {len(paragraphs)} paragraphs"


@pytest.mark.parametrize(
    "name, expected",
    [("tokyo-talks.txt", "2024-03-14"), ("rafah-crossing.txt", "2023-11-02")],
)
def test_text_files_open_with_a_date_line(name, expected):
    first_line = (sample_dir() / name).read_text(encoding="utf-8").splitlines()[0]
    match = DATE_LINE.match(first_line)
    assert match and match.group(1) == expected


def test_wire_dateline_file_opens_with_the_dateline():
    first_line = (sample_dir() / "who-geneva.txt").read_text(encoding="utf-8").splitlines()[0]
    assert WIRE_DATELINE.match(first_line)
    assert first_line.startswith("GENEVA, Nov. 25, 2021 (Communique Wire) --")


def test_china_japan_dyad_recurs_over_years():
    # The dashboard's time-series needs one dyad with many points across years.
    years = {
        record["published"][:4]
        for record in _jsonl_records()
        if "-chn-jpn" in record["id"]
    }
    assert len(years) >= 4
