"""`communique watch`: poll RSS/Atom feeds, code new articles into the store, report each feed's state."""
from __future__ import annotations

import json
import re
import sys
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .app import app
from .common import ALL_LANGUAGES_HELP, ALL_MODALITIES_HELP, DB_HELP, err, fail, open_db

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)?", re.IGNORECASE)
_UNITS = {"h": 3600, "m": 60, "s": 1, None: 1}


def parse_every(value: str, option: str = "--every") -> float:
    """Seconds of "15m", "90s", "1h", "1h30m" or a plain number of seconds."""
    text = value.strip().lower()
    parts = list(_DURATION.finditer(text))
    if not parts or "".join(p.group(0) for p in parts).replace(" ", "") != text.replace(" ", ""):
        raise fail(f"{option}: {value!r} is not a duration (write 90s, 15m, 1h or 1h30m)")
    seconds = sum(float(p.group(1)) * _UNITS[p.group(2)] for p in parts)
    if seconds < 1:
        raise fail(f"{option}: {value!r} is shorter than one second")
    return seconds


def feed_table(reports: list, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("feed", "state", "new", "coded", "events", "skipped", "errors", "next poll / message"):
        table.add_column(column, overflow="fold", justify="right" if column in ("new", "coded", "events", "errors") else "left")
    for r in reports:
        tally = r.tally
        note = r.message if r.state in ("error", "backing off") else ""
        if r.next_poll:
            note = (f"{note}; " if note else "") + f"next {r.next_poll:%Y-%m-%d %H:%M:%S} UTC"
        if r.failures:
            note += f" ({r.failures} failures in a row)"
        table.add_row(r.title and f"{r.title}\n{r.url}" or r.url, r.state, str(r.new), str(tally.coded),
                      str(tally.events), tally.skipped_line() if tally.skipped_total else "0",
                      str(tally.errors), note)
    return table


def report_round(reports: list, number: int, quiet: bool, as_json: bool, console: Console = err) -> None:
    from ..store.feeds import utc_now

    if as_json:
        sys.stdout.write(json.dumps({"round": number, "at": utc_now().isoformat(sep=" "),
                                     "feeds": [r.as_dict() for r in reports]}, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    if quiet:
        for r in reports:
            console.print(f"{r.url}: {r.state}, {r.new} new, {r.tally.coded} coded ({r.tally.events} events), "
                          f"{r.tally.skipped_total} skipped, {r.tally.errors} errors"
                          + (f": {r.message}" if r.message else ""), highlight=False, soft_wrap=True)
        return
    for r in reports:
        for message in r.tally.error_messages:
            console.print(f"[red]error[/red] {message}", highlight=False)
    console.print(feed_table(reports, f"round {number} of communique watch"))


def _utc_now():
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


@app.command()
def watch(
    feeds: List[str] = typer.Argument(..., help="RSS 2.0 or Atom feed URLs (http or https)."),
    every: str = typer.Option("15m", "--every", help="How often to poll each feed: 90s, 15m, 1h. Failing feeds wait 2x, 4x, ... longer (up to 6 h)."),
    once: bool = typer.Option(False, "--once", help="Poll each feed once and exit (for cron); exit status 1 if a feed failed."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for coding."),
    all_languages: bool = typer.Option(False, "--all-languages", help=ALL_LANGUAGES_HELP),
    all_modalities: bool = typer.Option(False, "--all-modalities", help=ALL_MODALITIES_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or tables; one line per feed and round."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per round on stdout (feeds, counts, states)."),
    alerts: bool = typer.Option(True, "--alerts/--no-alerts", help="After each round, judge the weeks it added to for alerts (see `communique alerts`)."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST new alerts as JSON to this address (never stops the watcher)."),
):
    """Poll news feeds, fetch the new articles, code and store them; remembers what it has seen.

    The store keeps each feed's state and every item seen, so a restart (or the next cron run) codes
    nothing twice. A feed that fails is reported and retried later; the others go on.

    Example: [bold]communique watch https://example.org/world/rss.xml --every 15m[/bold]  |  communique watch FEED1 FEED2 --once --json  (cron)
    """
    from ..watch import Watcher
    from .progress import RunProgress

    from .alerts import _check_webhook, after_ingest

    hook = _check_webhook(webhook)
    seconds = parse_every(every)
    bad = [f for f in feeds if not f.lower().startswith(("http://", "https://"))]
    if bad:
        raise fail(f"{bad[0]}: not an http(s) feed URL")
    store = open_db(db)
    failed = False
    try:
        watcher = Watcher(store, feeds, every_s=seconds, workers=workers, english_only=not all_languages,
                          all_modalities=all_modalities)
        number = [0]
        round_start = [_utc_now()]

        def on_round(reports: list) -> None:
            nonlocal failed
            number[0] += 1
            failed = any(r.state == "error" for r in reports)
            report_round(reports, number[0], quiet, as_json)
            if alerts and any(r.tally.coded for r in reports):
                after_ingest(store, round_start[0], hook, quiet=quiet or as_json)
            round_start[0] = _utc_now()

        def run_round(rounds: Optional[int]) -> None:
            with RunProgress("coding new articles", quiet=quiet, as_json=as_json) as progress:
                watcher.on_progress = progress.update
                watcher.run(rounds=rounds, on_round=on_round)

        if once:
            run_round(1)
        else:
            if not quiet and not as_json:
                err.print(f"watching {len(watcher.feeds)} feeds every {every} into {store.location}; Ctrl-C stops",
                          highlight=False)
            try:
                run_round(None)
            except KeyboardInterrupt:
                err.print("stopped", highlight=False)
    finally:
        store.close()
    if once and failed:
        raise typer.Exit(1)
