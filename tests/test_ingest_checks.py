"""Hostile and unlucky input at the reading stage: one error line per bad record, naming the
file and line, and the good records next to it read (issue: no traceback on any input)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from communique.ingest import read_documents
from communique.ingest.checks import BadInput, check_published, nul_line, parse_json
from communique.model import CodingError, Document

GOOD = {"id": "good", "text": "China accused Japan of violating the agreement.", "published": "2024-03-14"}


def _read(*paths):
    items = list(read_documents([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, CodingError)])


def _jsonl(tmp_path, *lines, name="feed.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode("utf-8") for line in lines) + b"\n")
    return path


def test_json_nested_a_thousand_deep_is_one_error_and_the_next_line_is_read(tmp_path):
    deep = '{"id": "d", "text": "x", "extra": ' + "[" * 1000 + "]" * 1000 + "}"
    path = _jsonl(tmp_path, deep, json.dumps(GOOD))
    docs, errors = _read(path)
    assert [d.id for d in docs] == ["good"]
    assert [(e.origin, e.message) for e in errors] == [(f"{path}:1", "JSON nested too deeply")]


def test_a_folder_is_read_to_the_end_past_a_deeply_nested_file(tmp_path):
    (tmp_path / "a.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    docs, errors = _read(tmp_path)
    assert [d.id for d in docs] == ["good"]
    assert len(errors) == 1 and errors[0].origin.endswith("a.json")


def test_an_integer_of_5000_digits_is_one_error(tmp_path):
    path = _jsonl(tmp_path, '{"id": "n", "text": "x", "n": ' + "9" * 5000 + "}", json.dumps(GOOD))
    docs, (error,) = _read(path)
    assert [d.id for d in docs] == ["good"]
    assert error.origin == f"{path}:1" and "5,000 digits" in error.message


def test_lone_surrogates_and_escaped_nul_become_replacement_characters(tmp_path):
    path = _jsonl(tmp_path, r'{"id": "s\ud800", "text": "China accused \udfff Japan\u0000 of lying."}')
    (doc,), errors = _read(path)
    assert not errors
    assert doc.text == "China accused \ufffd Japan\ufffd of lying." and doc.id == "s\ufffd"
    doc.text.encode("utf-8")  # can be hashed, parsed and stored


def test_a_raw_nul_byte_rejects_its_line_only_with_the_line_number(tmp_path):
    path = _jsonl(tmp_path, json.dumps(GOOD), b'{"id": "n", "text": "a\x00b"}',
                  json.dumps({**GOOD, "id": "good-2"}))
    docs, (error,) = _read(path)
    assert [d.id for d in docs] == ["good", "good-2"]
    assert error.origin == f"{path}:2" and "NUL byte at column 23" in error.message


def test_a_nul_byte_in_a_text_file_names_its_line(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Line one.\nLine two \x00 here.\n")
    _, (error,) = _read(tmp_path / "a.txt")
    assert error.origin.endswith("a.txt:2") and "line" not in error.message


def test_an_empty_json_list_is_reported(tmp_path):
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    docs, (error,) = _read(tmp_path / "empty.json")
    assert not docs and error.message == "empty JSON list: no documents"


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_publication_dates_outside_1900_to_2100_are_refused_when_read(tmp_path, published):
    path = _jsonl(tmp_path, json.dumps({**GOOD, "published": published}))
    docs, (error,) = _read(path)
    assert not docs
    assert error.message == f"published date {published} is outside the years 1900-2100"


def test_a_date_line_out_of_range_is_one_error_without_the_line_said_twice(tmp_path):
    (tmp_path / "old.txt").write_text("Date: 0001-01-01\nChina accused Japan.", encoding="utf-8")
    _, (error,) = _read(tmp_path / "old.txt")
    assert str(error) == f"{tmp_path / 'old.txt'}:1: publication date 0001-01-01 is outside the years 1900-2100"


def test_an_invalid_date_line_names_its_line_once(tmp_path):
    (tmp_path / "bad.txt").write_text("Date: 2021-13-45\nSome text.", encoding="utf-8")
    _, (error,) = _read(tmp_path / "bad.txt")
    assert str(error) == f"{tmp_path / 'bad.txt'}:1: invalid publication date '2021-13-45' in the date line"
    assert str(error).count(":1:") == 1 and "line 1" not in str(error)


def test_a_json_syntax_error_names_its_line_once(tmp_path):
    (tmp_path / "list.json").write_text('[\n{"id": "a",\n "text": }\n]', encoding="utf-8")
    _, (error,) = _read(tmp_path / "list.json")
    assert error.origin.endswith("list.json:3") and "line" not in error.message
    assert error.message.startswith("invalid JSON: Expecting value at column")


def test_a_wire_dateline_with_an_impossible_year_keeps_its_place_and_drops_its_date(tmp_path):
    (tmp_path / "wire.txt").write_text("TOKYO, Jan. 5, 0201 (Kyodo) -- Japan protested to China.",
                                       encoding="utf-8")
    (doc,), errors = _read(tmp_path / "wire.txt")
    assert not errors and doc.dateline_place == "Tokyo" and doc.dateline_date is None and doc.published is None


def test_an_html_meta_date_holding_markup_or_year_9999_is_read_without_a_date(tmp_path):
    for n, value in enumerate(("[/red]", "9999-12-31")):
        (tmp_path / f"p{n}.html").write_text(f'<meta property="article:published_time" content="{value}">'
                                             "<p>China accused Japan of lying.</p>", encoding="utf-8")
    docs, errors = _read(tmp_path)
    assert not errors and [d.published for d in docs] == [None, None]


def test_a_nul_byte_in_a_page_names_its_line(tmp_path):
    (tmp_path / "p.html").write_bytes(b"<p>China accused Japan.</p>\n<p>a\x00b</p>")
    _, (error,) = _read(tmp_path / "p.html")
    assert error.origin.endswith("p.html:2") and error.message == "binary data, not a web page: a NUL byte"


def test_a_huge_id_is_refused(tmp_path):
    path = _jsonl(tmp_path, json.dumps({**GOOD, "id": "x" * 600}))
    _, (error,) = _read(path)
    assert '"id" of 600 characters' in error.message


def test_checks_directly():
    assert parse_json('{"a": [1, 2]}') == {"a": [1, 2]}
    with pytest.raises(BadInput, match="nested 201 levels deep"):
        parse_json("[" * 201 + "]" * 201)
    with pytest.raises(BadInput, match="invalid JSON: Expecting value at line 1 column 7"):
        parse_json('{"a": }')
    assert check_published(date(1900, 1, 1)) == date(1900, 1, 1)
    assert check_published(None) is None
    with pytest.raises(BadInput):
        check_published(date(2101, 1, 1))
    assert nul_line(b"a\nb\n\x00") == 3 and nul_line(b"abc") is None
