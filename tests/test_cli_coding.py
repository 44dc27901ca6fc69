"""`communique code` on hostile and unlucky input: one unwrapped error line per bad record,
user text never read as markup, the output never written over an input, workers capped."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli import app

runner = CliRunner()
GOOD = {"id": "good", "text": "China accused Japan of violating the agreement.", "published": "2024-03-14"}


def _code(*args):
    return runner.invoke(app, ["code", *map(str, args)])


def _error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(("error", "note"))]


def test_markup_in_user_text_is_shown_as_written_not_parsed(tmp_path):
    feed = tmp_path / "[bold]feed.jsonl"
    feed.write_text(json.dumps({**GOOD, "id": "a", "published": "[/red]"}) + "\n"
                    + json.dumps({**GOOD, "id": "[bold]b"}) + "\n", encoding="utf-8")
    result = _code(feed, tmp_path / "missing[red].txt", "--format", "table")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert _error_lines(result) == [
        f"error {feed}:1: invalid published date '[/red]' (expected YYYY-MM-DD)",
        f"error {tmp_path / 'missing[red].txt'}: no such file or folder",
    ]
    assert "[bold]b" in result.stdout  # the id, in the table, as written


def test_error_lines_are_not_wrapped_when_not_on_a_terminal(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({**GOOD, "id": f"r{i}", "published": "when the long meeting in the capital was over"})
             for i in range(3)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _code(feed)
    errors = _error_lines(result)
    assert len(errors) == 3 and all(len(line) > 80 for line in errors)
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 4  # and the summary


def test_code_x_to_x_is_refused_before_the_input_is_emptied(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    result = _code(feed, "-o", feed)
    assert result.exit_code == 2
    assert "it is also an input" in result.stderr
    assert json.loads(feed.read_text(encoding="utf-8")) == GOOD
    result = _code(tmp_path, "-o", tmp_path / "events.jsonl")
    assert result.exit_code == 2 and "lies in the input folder" in result.stderr
    assert not (tmp_path / "events.jsonl").exists()


def test_more_workers_than_cores_are_capped_with_a_note(tmp_path, monkeypatch):
    import communique.pipeline

    monkeypatch.setattr(communique.pipeline, "usable_cores", lambda: 2)
    started = []
    monkeypatch.setattr(communique.pipeline, "code_documents",
                        lambda docs, workers=1, all_modalities=False: started.append(workers) or iter(()))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    result = _code(feed, "--workers", "8")
    assert started == [2]
    assert "note --workers 8: this machine has 2 usable cores; using 2 workers" in result.stderr


def test_the_pipeline_itself_never_starts_more_workers_than_cores(monkeypatch):
    import communique.pipeline as pipeline

    monkeypatch.setattr(pipeline, "usable_cores", lambda: 1)
    # One usable core: coded in this process (no pool of 8 model copies), so a patched batch coder sees it.
    seen = []
    monkeypatch.setattr(pipeline, "_code_batch", lambda batch, all_modalities: seen.append(len(batch)) or [])
    from communique.model import Document

    list(pipeline.code_documents([Document(id="a", text="x")], workers=8))
    assert seen == [1]


def test_an_empty_json_list_is_an_error_and_a_failing_exit(tmp_path):
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    result = _code(tmp_path / "empty.json")
    assert result.exit_code == 1
    assert _error_lines(result) == [f"error {tmp_path / 'empty.json'}: empty JSON list: no documents"]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_published_option_out_of_range_is_refused(tmp_path, value):
    (tmp_path / "a.txt").write_text("China accused Japan of lying last week.", encoding="utf-8")
    result = _code(tmp_path / "a.txt", "--published", value)
    assert result.exit_code == 2
    assert f"--published: published date {value} is outside the years 1900-2100" in result.stderr
