"""Commands over a store: `ingest` articles, then read them back (`events`, `dyad`, `timeline`, `actors`), `export` and `errors`."""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import List, Optional, Tuple

import typer

from .app import app
from .. import analysis
from .common import (ALL_LANGUAGES_HELP, ALL_MODALITIES_HELP, DB_HELP, capped_workers, fail, open_db, parse_date,
                     parse_types, say, say_note, show)
from .scaling import RAY_HELP, ray_engine
from ..distributed import RayUnavailable


@app.command()
def ingest(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .jsonl, .json, .html, .warc, .warc.gz), folders, or - for stdin."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Worker processes for coding (default 1; with --ray, coder actors)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for inputs that state none."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help=ALL_MODALITIES_HELP),
    all_languages: bool = typer.Option(False, "--all-languages", help=ALL_LANGUAGES_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; one summary line."),
    as_json: bool = typer.Option(False, "--json", help="No progress bar; the summary as one JSON object on stdout."),
    alerts: bool = typer.Option(True, "--alerts/--no-alerts", help="Judge the weeks this run added to for alerts (see `communique alerts`)."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST new alerts of the store's last weeks as JSON to this address (never blocks the ingest)."),
    ray: Optional[str] = typer.Option(None, "--ray", metavar="[ADDRESS]", help=RAY_HELP),
    keep_copies: bool = typer.Option(False, "--keep-copies", help="Code near-duplicate copies as documents of their own instead of folding them into their first report."),
):
    """Code articles and store them with their events; documents already stored are skipped.

    Reads web archives too: HTML responses of a WARC are coded, other records skipped with their reason. Near-duplicate copies (the same story under another headline, trimmed, with an agency credit line) are not coded: they are recorded as further sources of their first report.

    Example: [bold]communique ingest articles/ feed.jsonl[/bold]  |  communique ingest crawl.warc.gz --json  |  communique ingest feed.jsonl --db postgresql://user@localhost/communique
    |  communique ingest archive/ --ray  |  communique ingest archive/ --ray 10.0.0.5:6379
    """
    import os

    pub = parse_date(published, "--published")
    missing = [p for p in inputs if p != "-" and not os.path.exists(p)]
    if missing:
        raise fail(f"cannot read {missing[0]}: no such file or folder")
    if not ray:  # Ray's actors may run on other machines: their count is Ray's to judge
        workers = capped_workers(workers or 1)
    from ..batch import ingest_counted
    from ..ingest import Tally, count_records, read_documents
    from .alerts import _check_webhook, after_ingest
    from ..store import StoreError
    from .progress import RunProgress

    hook = _check_webhook(webhook)
    ray = ray_engine(ray)
    store = open_db(db)
    tally = Tally()
    started = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    try:
        with RunProgress("ingest", total=count_records(inputs), quiet=quiet, as_json=as_json) as run:
            def on_skip(item) -> None:
                tally.skip(item)
                run.update(tally)

            items = read_documents(inputs, published=pub, english_only=not all_languages, on_skip=on_skip)
            try:
                report = ingest_counted(store, items, tally, workers=workers if ray else (workers or 1),
                                        all_modalities=all_modalities, on_progress=run.update,
                                        ray=ray, dedup=not keep_copies)
            except (RayUnavailable, StoreError) as exc:  # StoreError: a full disk; what is stored stays
                raise fail(str(exc))
        counts = store.counts()
        run.finish(tally, {"store": {"documents": counts["documents"], "events": counts["events"],
                                     "copies": counts.get("copies", 0)},
                           "db": store.location})
        if alerts and report.documents_added:
            # the documents are stored: nothing here can undo that, or fail the run
            after_ingest(store, started, hook, quiet=quiet or as_json)
    finally:
        store.close()
    if report.errors and not report.documents_added and not report.documents_skipped and not tally.skipped_total:
        raise typer.Exit(1)


@app.command()
def events(
    dyad: Optional[Tuple[str, str]] = typer.Option(None, "--dyad", metavar="A B", help="Two actor codes, either direction."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Country code, body or person name/id."),
    types: Optional[str] = typer.Option(None, "--type", help="PLOVER categories, comma-separated."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    q: Optional[str] = typer.Option(None, "--q", help="Words in the evidence sentence."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only events of this document id."),
    directed: bool = typer.Option(False, "--directed", help="--dyad A B means A acting on B only."),
    dedup: bool = typer.Option(False, "--dedup", help="One row per event reported by several articles."),
    limit: int = typer.Option(50, "--limit", min=1, help="Rows to show."),
    as_json: bool = typer.Option(False, "--json", help="Event records as JSON."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV on stdout."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """List stored events, newest first.

    Example: [bold]communique events --dyad CHN JPN --since 2020-01-01 --type CONSULT,AGREE[/bold]
    """
    filters = dict(dyad=dyad, actor=actor, types=parse_types(types), since=parse_date(since, "--since"),
                   until=parse_date(until, "--until"), q=q, doc=doc, directed=directed)
    store = open_db(db)
    try:
        rows = store.events(limit=limit, dedup=dedup, **filters)
    finally:
        store.close()
    if as_json:
        return show(rows, [], "", True, False)
    from ..export import flat_row

    flat = [flat_row({**r, "articles": len(r["sources"]), "dedup_key": ""}) for r in rows]
    show(flat, ["date", "event", "cameo", "actor", "recipient", "goldstein", "mentions", "doc", "text"],
          f"{len(rows)} events", False, as_csv)


@app.command()
def dyad(
    a: str = typer.Argument(..., help="First actor code (CHN)."),
    b: str = typer.Argument(..., help="Second actor code (JPN)."),
    by: str = typer.Option("month", "--by", help="day, week, month or year."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    types: Optional[str] = typer.Option(None, "--type", help="PLOVER categories, comma-separated."),
    directed: bool = typer.Option(False, "--directed", help="Only A acting on B."),
    dedup: bool = typer.Option(False, "--dedup", help="Count an event reported by several articles once."),
    as_json: bool = typer.Option(False, "--json", help="JSON on stdout."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV on stdout."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """Events between two actors per period: counts per category and quad class, Goldstein, balance.

    Example: [bold]communique dyad CHN JPN --by month[/bold]  |  communique dyad USA IRN --by year --directed --csv
    """
    from ..model import PLOVER_CATEGORIES
    from ..store.filters import PERIODS

    if by not in PERIODS:
        raise fail(f"--by: unknown period {by!r}: choose {', '.join(PERIODS)}")
    kwargs = dict(since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    store = open_db(db)
    try:
        rows = analysis.dyad_series(store, a, b, by=by, types=parse_types(types), dedup=dedup, directed=directed, **kwargs)
        summary = analysis.balance(store, a, b, dedup=dedup, directed=directed, **kwargs)
    finally:
        store.close()
    note = analysis.series_note(rows, by)
    if note:
        say_note(note)
    if as_json:
        return show({"series": rows, "balance": summary}, [], "", True, False)
    used = [c for c in PLOVER_CATEGORIES if any(r[c] for r in rows)]
    arrow = "->" if directed else "<->"
    show(rows, ["period", "events", *used, "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean"],
          f"{a.upper()} {arrow} {b.upper()} by {by}", False, as_csv)
    if not as_csv:
        share = summary["cooperation_share"]
        say(f"{summary['events']} events: {summary['cooperation']} cooperation, "
            f"{summary['conflict']} conflict" + (f" ({share:.0%} cooperation)" if share is not None else "")
            + (f", Goldstein mean {summary['goldstein_mean']}" if summary["goldstein_mean"] is not None else ""))


@app.command()
def timeline(
    a: str = typer.Argument(..., help="First actor code (CHN)."),
    b: str = typer.Argument(..., help="Second actor code (JPN)."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    types: Optional[str] = typer.Option(None, "--type", help="PLOVER categories, comma-separated."),
    directed: bool = typer.Option(False, "--directed", help="Only A acting on B."),
    all_reports: bool = typer.Option(False, "--all-reports", help="One row per report instead of per event."),
    limit: int = typer.Option(500, "--limit", min=1, help="Rows to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON on stdout."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV on stdout."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """Dated list of the events between two actors, oldest first, with their evidence sentence.

    Example: [bold]communique timeline CHN JPN[/bold]  |  communique timeline CHN JPN --since 2020-07-01 --json
    """
    kwargs = dict(since=parse_date(since, "--since"), until=parse_date(until, "--until"),
                  types=parse_types(types))
    store = open_db(db)
    try:
        rows = analysis.timeline(store, a, b, limit=limit, dedup=not all_reports, directed=directed, **kwargs)
    finally:
        store.close()
    show(rows, ["date", "event", "actor", "recipient", "mentions", "text", "doc"],
          f"{a.upper()} - {b.upper()}: {len(rows)} events", as_json, as_csv)


@app.command()
def actors(
    top: int = typer.Option(20, "--top", min=1, help="How many actors and dyads."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="JSON on stdout."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV on stdout (actors, then dyads)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """The most active actors and dyads (undirected) in a period.

    Example: [bold]communique actors --top 20[/bold]  |  communique actors --since 2020-01-01 --until 2020-12-31 --json
    """
    kwargs = dict(since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    store = open_db(db)
    try:
        top_actors = analysis.top_actors(store, limit=top, **kwargs)
        top_dyads = analysis.top_dyads(store, limit=top, **kwargs)
    finally:
        store.close()
    if as_json:
        return show({"actors": top_actors, "dyads": top_dyads}, [], "", True, False)
    show(top_actors, ["code", "name", "events", "as_actor", "as_recipient"], "actors", False, as_csv)
    if as_csv:
        sys.stdout.write("\n")
    show(top_dyads, ["a", "b", "events", "cooperation", "conflict", "goldstein_mean"], "dyads", False, as_csv)


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="plover, gdelt, cameo, parquet or csv."),
    output: str = typer.Option(..., "-o", "--output", help="Output file (a folder for parquet)."),
    dyad: Optional[Tuple[str, str]] = typer.Option(None, "--dyad", metavar="A B", help="Two actor codes, either direction."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Country code, body or person name/id."),
    types: Optional[str] = typer.Option(None, "--type", help="PLOVER categories, comma-separated."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    dedup: Optional[bool] = typer.Option(None, "--dedup/--all-reports", help="One row per event, or per report (default: dedup for gdelt only)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """Export stored events as PLOVER JSONL, GDELT 2.0 TSV, CAMEO TSV, Parquet or CSV.

    Parquet is partitioned by year and month (hive style); gdelt has one row per event.

    Example: [bold]communique export --format gdelt -o events.tsv[/bold]  |  communique export --format parquet -o events/
    """
    from ..export import FORMATS, ExportError
    from ..export import export as write_export

    if fmt not in FORMATS:
        raise fail(f"--format: unknown format {fmt!r}: choose {', '.join(FORMATS)}")
    filters = dict(dyad=dyad, actor=actor, types=parse_types(types), since=parse_date(since, "--since"),
                   until=parse_date(until, "--until"))
    store = open_db(db)
    try:
        n = write_export(store, fmt, output, dedup=dedup, **filters)
    except ExportError as exc:
        raise fail(str(exc))
    finally:
        store.close()
    say(f"{n} rows written to {output} ({fmt})")


@app.command()
def errors(
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Rows to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON on stdout."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV on stdout."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """Documents that failed to read or code, with their error.

    Example: [bold]communique errors[/bold]  |  communique errors --json
    """
    store = open_db(db)
    try:
        rows = store.errors(limit=limit)
    finally:
        store.close()
    show(rows, ["at", "origin", "doc", "message"], f"{len(rows)} errors", as_json, as_csv)

