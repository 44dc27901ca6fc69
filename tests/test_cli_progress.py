"""The summaries of long runs: one line (--quiet), JSON (--json), a one-screen table."""
import json

from rich.console import Console

from communique.cli.progress import RunProgress, summary_line, summary_table
from communique.ingest.tally import Skipped, Tally


def _tally():
    tally = Tally()
    for reason, detail in [("non-English", "fr"), ("non-English", "de"), ("not news", "main text has 3 words"),
                           ("not HTML", "image/jpeg"), ("not a response", "request")]:
        tally.skip(Skipped("crawl.warc.gz:record 1", reason, detail))
    tally.records += 4
    tally.documents, tally.coded, tally.events = 4, 3, 7
    tally.skipped["duplicate"] += 1
    tally.error("crawl.warc.gz:record 9 at byte 120: https://x.example/a: the page body is binary")
    return tally


def test_summary_line_counts_every_reason_with_languages():
    line = summary_line(_tally(), 2.0, {"store": {"documents": 10, "events": 30}})
    assert line.startswith("9 records: 3 coded (7 events), 6 skipped (1 duplicate, 2 non-English (fr 1, de 1), "
                           "1 not news, 1 not HTML, 1 not a response), 1 errors in 2.0 s")
    assert line.endswith("store holds 10 documents, 30 events")


def test_summary_table_fits_one_screen():
    console = Console(width=100, record=True)
    console.print(summary_table("ingest", _tally(), 2.0, {}))
    text = console.export_text()
    assert len(text.splitlines()) <= 24
    assert "fr 1, de 1" in text and "image/jpeg 1" in text and "body is binary" in text


def test_json_summary_has_rates_and_the_skipped_records(capsys):
    tally = _tally()
    with RunProgress("ingest", total=9, as_json=True) as run:
        run.update(tally)
    run.finish(tally, {"store": {"documents": 10, "events": 30}})
    summary = json.loads(capsys.readouterr().out)
    assert summary["coded"] == 3 and summary["skipped"]["non-English"] == 2 and summary["languages"] == {"fr": 1, "de": 1}
    assert summary["documents_per_second"] > 0 and len(summary["skipped_records"]) == 5
    assert summary["store"] == {"documents": 10, "events": 30}


def test_progress_bar_shows_rates_skips_and_eta_on_a_terminal():
    console = Console(width=200, record=True, force_terminal=True)
    tally = _tally()
    with RunProgress("ingest", total=20, console=console) as run:
        run.update(tally)
    text = console.export_text()
    assert "9/20" in text and "docs/s" in text and "events/s" in text
    assert "1 dup, 2 non-English, 1 not news, 2 other; 1 errors" in text
