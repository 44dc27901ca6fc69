"""Reading articles: date lines, wire datelines, formats, folders, stdin, malformed input."""
import io
import json
import sys
from datetime import date

import pytest

from communique.ingest import read_documents
from communique.ingest.datelines import find_dateline, split_date_line
from communique.model import CodingError, Document


def _read(*inputs, published=None):
    items = list(read_documents([str(i) for i in inputs], published=published))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, CodingError)]
    return docs, errors


@pytest.mark.parametrize("head", [" date 2021-04-06 ", " date 2021-04-06\n", "Date: 2021-04-06\n\n",
                                  "Published: 2021-04-06\n", "Published: April 6, 2021\n",
                                  "date: 6 April 2021\n\n\n"])
def test_date_line_variants_are_removed(tmp_path, head):
    body = "Kenya and Uganda signed a border accord on Monday."
    (tmp_path / "accord.txt").write_text(head + body, encoding="utf-8")
    (doc,), errors = _read(tmp_path / "accord.txt")
    assert not errors
    assert doc.published == date(2021, 4, 6)
    assert doc.text == body and doc.id == "accord" and doc.origin.endswith("accord.txt")


def test_date_line_body_offsets_start_at_first_word():
    published, body = split_date_line(" date 2020-07-30 Ministers met in Oslo.\n\nThey agreed.")
    assert published == date(2020, 7, 30)
    assert body.startswith("Ministers met") and body.index("Oslo") == 17


def test_invalid_date_line_is_an_error(tmp_path):
    (tmp_path / "bad.txt").write_text("Date: 2021-13-45\nSome text here.", encoding="utf-8")
    docs, (error,) = _read(tmp_path / "bad.txt")
    assert not docs
    assert "bad.txt:1" in error.origin and "2021-13-45" in error.message


@pytest.mark.parametrize("opening, place, day", [
    ("TOKYO, Nov. 25 (Xinhua) -- Japan said ...", "Tokyo", date(2020, 11, 25)),
    ("NAIROBI, March 9 -- Police said ...", "Nairobi", date(2021, 3, 9)),
    ("GENEVA (Reuters) - Talks resumed ...", "Geneva", None),
    ("BEIJING, July 28 (AP) — Officials said ...", "Beijing", date(2021, 7, 28)),
    ("RIO DE JANEIRO, Jan. 3, 2019 (AFP) - A strike ...", "Rio de Janeiro", date(2019, 1, 3)),
    ("KABUL, Afghanistan (AP) — A blast ...", "Kabul", None),
])
def test_wire_datelines(opening, place, day):
    published = date(2020, 12, 1) if "Nov" in opening else date(2021, 7, 30)
    found = find_dateline(opening, published)
    assert found is not None and found.place == place and found.date == day


def test_dateline_date_is_latest_on_or_before_publication():
    # A December dateline in a January piece is last year's December.
    assert find_dateline("MOSCOW, Dec. 30 -- ...", date(2021, 1, 2)).date == date(2020, 12, 30)
    # Without a publication date a yearless dateline gives no date.
    assert find_dateline("MOSCOW, Dec. 30 -- ...", None).date is None


def test_ordinary_first_sentence_is_not_a_dateline():
    assert find_dateline("The UN said on Monday - in a statement - that ...", None) is None
    assert find_dateline("Kenya - a key ally - said ...", None) is None


def test_dateline_is_kept_in_text_and_read(tmp_path):
    text = "NAIROBI, March 9 -- Kenyan police dispersed protesters."
    (tmp_path / "n.txt").write_text(" date 2021-03-10\n" + text, encoding="utf-8")
    (doc,), _ = _read(tmp_path / "n.txt")
    assert doc.text == text
    assert doc.dateline_place == "Nairobi" and doc.dateline_date == date(2021, 3, 9)
    assert doc.text[:doc.dateline_end] == "NAIROBI, March 9 -- "  # the dates stage skips it
    (plain,), _ = _read(_write(tmp_path, "p.txt", "Kenyan police dispersed protesters."))
    assert plain.dateline_end == 0


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_published_option_and_dateline_with_year(tmp_path):
    (tmp_path / "a.txt").write_text("Greece and Turkey held talks.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("ATHENS, May 4, 2022 (AP) - Greece and Turkey held talks.", encoding="utf-8")
    docs, _ = _read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert docs[0].published is None and docs[1].published == date(2022, 5, 4)
    docs, _ = _read(tmp_path / "a.txt", published=date(2022, 1, 1))
    assert docs[0].published == date(2022, 1, 1)


def test_jsonl_good_and_malformed_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Chile recalled its ambassador.", "published": "2021-02-03",
                    "url": "http://example.org/a1", "title": "Recall", "source": "Wire"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps({"id": "a4", "text": 42}),
        json.dumps({"id": "a5", "text": "   "}),
        json.dumps({"id": "a6", "text": "Peru protested.", "published": "03/02/2021"}),
        "",
        json.dumps({"text": "SANTIAGO, Feb. 2 -- Chile protested.", "published": "2021-02-03T08:00:00Z"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _read(tmp_path / "feed.jsonl")
    assert [d.id for d in docs] == ["a1", "feed-8"]
    assert docs[0].published == date(2021, 2, 3) and docs[0].url == "http://example.org/a1"
    assert docs[0].origin.endswith("feed.jsonl:1") and docs[0].source == "Wire"
    assert docs[1].dateline_place == "Santiago" and docs[1].dateline_date == date(2021, 2, 2)
    by_line = {e.origin.rsplit(":", 1)[1]: e.message for e in errors}
    assert set(by_line) == {"2", "3", "4", "5", "6"}
    assert "invalid JSON" in by_line["2"] and '"text"' in by_line["3"]
    assert "not a string" in by_line["4"] and "empty" in by_line["5"] and "03/02/2021" in by_line["6"]
    assert all("feed.jsonl" in str(e) for e in errors)


def test_jsonl_undecodable_line_does_not_stop_the_file(tmp_path):
    good = json.dumps({"id": "ok", "text": "Mali expelled a diplomat."}).encode()
    (tmp_path / "mixed.jsonl").write_bytes(b'{"id": "x", "text": "caf\xe9"}\n' + good + b"\n")
    docs, (error,) = _read(tmp_path / "mixed.jsonl")
    assert [d.id for d in docs] == ["ok"]
    assert error.origin.endswith("mixed.jsonl:1") and "UTF-8" in error.message


def test_json_list_and_single_object(tmp_path):
    (tmp_path / "many.json").write_text(json.dumps([{"id": "m1", "text": "Iran warned Israel."}, "oops",
                                                    {"text": "Egypt mediated."}]), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"text": "Qatar hosted talks."}), encoding="utf-8")
    docs, (error,) = _read(tmp_path / "many.json", tmp_path / "one.json")
    assert [d.id for d in docs] == ["m1", "many-3", "one"]
    assert "many.json:record 2" in error.origin


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.jsonl", b"\n\n", "empty"),
    ("binary.txt", b"abc\x00def", "binary"),
    ("latin.txt", "Bogot\xe1 said".encode("latin-1"), "UTF-8"),
    ("broken.json", b'[{"text": "x"', "invalid JSON"),
])
def test_malformed_files_yield_one_error_and_the_batch_goes_on(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("Nepal thanked India for aid.", encoding="utf-8")
    docs, (error,) = _read(tmp_path / name, tmp_path / "good.txt")
    assert [d.id for d in docs] == ["good"]
    assert name in error.origin and reason in error.message


def test_folder_is_read_recursively_sorted_and_unknown_types_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Spain recalled an envoy.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Italy sent aid.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Site | Story</title><meta property='article:published_time' "
        "content='2021-05-06T10:00:00Z'><script>var x = 'no';</script></head><body><nav><p>Menu</p></nav>"
        "<article><h1>Envoys meet</h1><p>LIMA, May 5 (Reuters) - Envoys met &amp; talked.</p>"
        "<p>They agreed to <b>meet</b> again.</p></article><footer><p>Copyright</p></footer></body></html>",
        encoding="utf-8")
    docs, errors = _read(tmp_path)
    assert not errors
    assert [d.id for d in docs] == ["a", "two", "page"]
    page = docs[2]
    assert page.text == "LIMA, May 5 (Reuters) - Envoys met & talked.\n\nThey agreed to meet again."
    assert page.title == "Envoys meet" and page.published == date(2021, 5, 6)
    assert page.dateline_place == "Lima" and page.dateline_date == date(2021, 5, 5)


def test_unknown_extension_named_explicitly_and_missing_path_are_errors(tmp_path):
    (tmp_path / "data.csv").write_text("a,b", encoding="utf-8")
    docs, errors = _read(tmp_path / "data.csv", tmp_path / "missing.txt")
    assert not docs and len(errors) == 2
    assert "unsupported" in errors[0].message and "no such" in errors[1].message


def test_duplicate_ids_get_suffixes(tmp_path):
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("Oman mediated.", encoding="utf-8")
    docs, _ = _read(tmp_path)
    assert [d.id for d in docs] == ["story", "story-2", "story-3"]


def test_stdin_is_one_text_document(monkeypatch):
    data = " date 2022-09-01\nPARIS (AFP) - France summoned the envoy."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    docs, errors = _read("-")
    assert not errors
    (doc,) = docs
    assert doc.id == "stdin" and doc.published == date(2022, 9, 1)
    assert doc.text.startswith("PARIS (AFP)") and doc.dateline_place == "Paris"
