"""A few hundred generated inputs of every hostile kind (tests/_fuzz_inputs.py), seeded, through
`communique code` and `communique ingest`: no traceback, one error line per bad record (naming
its file, and its line where it has one), and every good record next to them coded.
The larger run is benchmarks/fuzz.py (10,000 inputs)."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from _fuzz_inputs import SENTENCES, write_corpus
from _store_fixtures import address  # noqa: F401
from communique.cli import app
from communique.store import open_store

SEED = 11
PER_KIND = 200  # bad lines of each of the 10 kinds; a tenth as many files of each of 10 kinds
GOOD = 250

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    return folder, write_corpus(folder, SEED, PER_KIND, GOOD, long_texts=1)


def _no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def _errors(result, folder) -> list[str]:
    lines = [line for line in result.stderr.splitlines() if line.startswith("error ")]
    assert all(line.startswith(f"error {folder}/") for line in lines), [
        line for line in lines if not line.startswith(f"error {folder}/")][:3]
    return lines


def test_every_sentence_of_the_generator_is_coded():
    from communique.pipeline import code_text

    assert all(code_text(sentence) for sentence in SENTENCES)


def test_code_reports_each_bad_record_once_and_codes_every_good_one(corpus, tmp_path):
    folder, expected = corpus
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["code", str(folder), "-o", str(out)])
    _no_traceback(result)
    errors = _errors(result, folder)
    assert len(errors) == expected.bad, Counter(line.split(": ", 1)[1][:30] for line in errors).most_common(5)
    # One line per bad JSONL record names its line: "feed-000.jsonl:17: ...".
    assert len({line.split(": ", 1)[0] for line in errors}) == expected.bad
    coded = {json.loads(line)["doc"] for line in out.read_text("utf-8").splitlines()}
    assert coded == expected.good_ids, sorted(expected.good_ids - coded)[:5]
    assert result.stderr.splitlines()[-1] == f"{len(expected.good_ids)} documents, " \
        f"{result.stderr.splitlines()[-1].split(', ')[1]}, {expected.bad} errors"


def test_ingest_stores_every_good_record_and_one_error_per_bad_one(corpus, address):  # noqa: F811
    folder, expected = corpus
    result = runner.invoke(app, ["ingest", str(folder), "--db", address])
    _no_traceback(result)
    assert len(_errors(result, folder)) == expected.bad
    with open_store(address) as store:
        # Stored as documents, or as copies of a first report (near-duplicates are folded).
        stored = {r["id"] for r in store.select("SELECT id FROM documents UNION SELECT id FROM document_copies")}
        assert stored == expected.good_ids
        assert store.counts()["errors"] == expected.bad
        # Texts came back as read: U+FFFD where a NUL or a lone surrogate was.
        texts = [r["text"] for r in store.select("SELECT text FROM documents")]
        assert any("\ufffd" in t for t in texts) and not any("\x00" in t for t in texts)
