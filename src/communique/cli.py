"""The command line: a thin layer over the library (pipeline, store, analysis, export, web).

Every command has --help with an example. No coding or query logic lives here.
"""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

app = typer.Typer(
    help="communique: dated news articles in, PLOVER/CAMEO political event data out.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True)


def _parse_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=option)


def progress_bar(console: Console = err):
    """The Rich progress bar every long run shows: counts and rates."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn)

    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
        console=console, transient=False, disable=not console.is_terminal,
    )


@app.command()
def code(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .jsonl, .json), folders, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSONL here instead of stdout."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one event per line) or table."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for inputs that state none."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help="Also emit negated, hypothetical and historical (background) events, and acts in a story whose recipient could not be found."),
):
    """Code articles into PLOVER/CAMEO events (JSONL on stdout, or a table).

    Example: [bold]communique code article.txt[/bold]  |  communique code articles.jsonl -o events.jsonl
    |  communique code folder/ --format table  |  cat a.txt | communique code - --published 2020-07-30
    """
    import time

    from .ingest import read_documents
    from .pipeline import code_documents

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("choose jsonl or table", param_hint="--format")
    pub = _parse_date(published, "--published")
    errors: list = []

    def documents():
        for item in read_documents(inputs, published=pub):
            if hasattr(item, "text"):
                yield item
            else:
                errors.append(item)
                err.print(f"[red]error[/red] {item}", highlight=False)

    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    rows = []
    n_docs = n_events = 0
    start = time.perf_counter()
    try:
        with progress_bar() as bar:
            task = bar.add_task("coding", total=None, rate="")
            for document, result in code_documents(documents(), workers=workers, all_modalities=all_modalities):
                n_docs += 1
                if isinstance(result, list):
                    n_events += len(result)
                    for event in result:
                        record = event.to_record()
                        if fmt == "table":
                            rows.append(record)
                        else:
                            out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    errors.append(result)
                    err.print(f"[red]error[/red] {result}", highlight=False)
                elapsed = max(time.perf_counter() - start, 1e-9)
                bar.update(task, advance=1, rate=f"{n_docs / elapsed:.1f} docs/s, {n_events / elapsed:.1f} events/s")
    finally:
        if output:
            out.close()
    if fmt == "table":
        from .report import events_table

        Console().print(events_table(rows))
    err.print(f"{n_docs} documents, {n_events} events, {len(errors)} errors", highlight=False)
    if errors and n_docs == 0:
        raise typer.Exit(1)


# --- evaluation commands (issue: Accuracy) ---

@app.command("eval")
def eval_(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold file: GSR JSON, or articles JSONL."),
    fmt: Optional[str] = typer.Option(None, "--format", help="gsr or articles (default: from the file)."),
    gold_events: Optional[Path] = typer.Option(None, "--gold", help="Gold events of an articles file (default: GOLD with .gold.jsonl)."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Score these `communique code` records instead of coding."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with all figures."),
    errors: bool = typer.Option(False, "--errors", help="List the sentences/articles coded wrongly."),
):
    """Score the coder on gold data: P/R/F1 per PLOVER category (category, triple), dates, confusion.

    Example: [bold]communique eval benchmarks/gold/articles.jsonl --errors[/bold]  |
    communique eval plover-gsr-dev.json --format gsr --json -w 4
    """
    from .evaluate import GoldFormatError, evaluate, print_report

    if fmt not in (None, "gsr", "articles"):
        raise typer.BadParameter("choose gsr or articles", param_hint="--format")
    with progress_bar() as bar:
        task = bar.add_task("coding", total=None, rate="")
        try:
            report = evaluate(
                gold, fmt=fmt, gold=gold_events, workers=workers, predictions_path=predictions,
                on_start=lambda n: bar.update(task, total=n),
                on_document=lambda n: bar.update(task, completed=n),
            )
        except GoldFormatError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(2)
    if not errors:
        report.pop("errors", None)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    else:
        print_report(report, Console(), errors=errors)


# --- store commands (issue: Event store) ---
from typing import Tuple  # noqa: E402  (used by the --dyad options below)

DB_HELP = "DuckDB file or postgresql:// URL (default: $COMMUNIQUE_DB or ./communique.duckdb)."


class _StoreFailure(Exception):
    pass


def _fail(message: str) -> "typer.Exit":
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def _open(db: Optional[str]):
    from .store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        raise _fail(str(exc))


def _store_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{option}: {value!r} is not a date in YYYY-MM-DD form")


def _store_types(value: Optional[str]) -> Optional[list]:
    from .store.filters import normalise_types

    if not value:
        return None
    try:
        return normalise_types(value)
    except ValueError as exc:
        raise _fail(f"--type: {exc}")


def _show(rows: list, columns: list, title: str, as_json: bool, as_csv: bool) -> None:
    """Rows as a Rich table (default), JSON (--json) or CSV (--csv) on stdout."""
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    if as_csv:
        import csv as _csv

        writer = _csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()) if rows else columns,
                                 extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: (";".join(v) if isinstance(v, list) else v) for k, v in row.items()})
        return
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["" if row.get(c) is None else str(row.get(c)) for c in columns])
    Console().print(table)


@app.command()
def ingest(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .jsonl, .json), folders, or - for stdin."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for coding."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for inputs that state none."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help="Also store negated, hypothetical and historical (background) events, and acts in a story whose recipient could not be found."),
):
    """Code articles and store them with their events; documents already stored are skipped.

    Example: [bold]communique ingest articles/ feed.jsonl[/bold]  |  communique ingest feed.jsonl --db postgresql://user@localhost/communique
    """
    import os
    import time

    pub = _store_date(published, "--published")
    missing = [p for p in inputs if p != "-" and not os.path.exists(p)]
    if missing:
        raise _fail(f"cannot read {missing[0]}: no such file or folder")
    from .ingest import read_documents

    store = _open(db)
    start = time.perf_counter()
    try:
        with progress_bar() as bar:
            task = bar.add_task("ingest", total=None, rate="")
            shown = [0]

            def progress(report) -> None:
                elapsed = max(time.perf_counter() - start, 1e-9)
                for message in report.error_messages[shown[0]:]:
                    err.print(f"[red]error[/red] {message}", highlight=False)
                shown[0] = len(report.error_messages)
                bar.update(task, completed=report.documents_seen,
                           rate=f"{report.documents_added / elapsed:.1f} docs/s, "
                                f"{report.events_added / elapsed:.1f} events/s")

            report = store.ingest(read_documents(inputs, published=pub), workers=workers,
                                  progress=progress, all_modalities=all_modalities)
        counts = store.counts()
    finally:
        store.close()
    elapsed = time.perf_counter() - start
    err.print(f"{report.documents_seen} documents: {report.documents_added} added, "
              f"{report.documents_skipped} already stored, {report.errors} errors; "
              f"{report.events_added} events added in {elapsed:.1f} s. Store now holds "
              f"{counts['documents']} documents, {counts['events']} events.", highlight=False)
    if report.errors and not report.documents_added and not report.documents_skipped:
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
    filters = dict(dyad=dyad, actor=actor, types=_store_types(types), since=_store_date(since, "--since"),
                   until=_store_date(until, "--until"), q=q, doc=doc, directed=directed)
    store = _open(db)
    try:
        rows = store.events(limit=limit, dedup=dedup, **filters)
    finally:
        store.close()
    if as_json:
        return _show(rows, [], "", True, False)
    from .export import flat_row

    flat = [flat_row({**r, "articles": len(r["sources"]), "dedup_key": ""}) for r in rows]
    _show(flat, ["date", "event", "cameo", "actor", "recipient", "goldstein", "mentions", "doc", "text"],
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
    from .model import PLOVER_CATEGORIES
    from .store.filters import PERIODS

    if by not in PERIODS:
        raise _fail(f"--by: unknown period {by!r}: choose {', '.join(PERIODS)}")
    kwargs = dict(since=_store_date(since, "--since"), until=_store_date(until, "--until"))
    store = _open(db)
    try:
        rows = store.dyad_series(a, b, by=by, types=_store_types(types), dedup=dedup, directed=directed, **kwargs)
        summary = store.balance(a, b, dedup=dedup, directed=directed, **kwargs)
    finally:
        store.close()
    if as_json:
        return _show({"series": rows, "balance": summary}, [], "", True, False)
    used = [c for c in PLOVER_CATEGORIES if any(r[c] for r in rows)]
    arrow = "->" if directed else "<->"
    _show(rows, ["period", "events", *used, "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean"],
          f"{a.upper()} {arrow} {b.upper()} by {by}", False, as_csv)
    if not as_csv:
        share = summary["cooperation_share"]
        err.print(f"{summary['events']} events: {summary['cooperation']} cooperation, "
                  f"{summary['conflict']} conflict" + (f" ({share:.0%} cooperation)" if share is not None else "")
                  + (f", Goldstein mean {summary['goldstein_mean']}" if summary["goldstein_mean"] is not None else ""),
                  highlight=False)


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
    kwargs = dict(since=_store_date(since, "--since"), until=_store_date(until, "--until"),
                  types=_store_types(types))
    store = _open(db)
    try:
        rows = store.timeline(a, b, limit=limit, dedup=not all_reports, directed=directed, **kwargs)
    finally:
        store.close()
    _show(rows, ["date", "event", "actor", "recipient", "mentions", "text", "doc"],
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
    kwargs = dict(since=_store_date(since, "--since"), until=_store_date(until, "--until"))
    store = _open(db)
    try:
        top_actors = store.top_actors(limit=top, **kwargs)
        top_dyads = store.top_dyads(limit=top, **kwargs)
    finally:
        store.close()
    if as_json:
        return _show({"actors": top_actors, "dyads": top_dyads}, [], "", True, False)
    _show(top_actors, ["code", "name", "events", "as_actor", "as_recipient"], "actors", False, as_csv)
    if as_csv:
        sys.stdout.write("\n")
    _show(top_dyads, ["a", "b", "events", "cooperation", "conflict", "goldstein_mean"], "dyads", False, as_csv)


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
    from .export import FORMATS, ExportError
    from .export import export as write_export

    if fmt not in FORMATS:
        raise _fail(f"--format: unknown format {fmt!r}: choose {', '.join(FORMATS)}")
    filters = dict(dyad=dyad, actor=actor, types=_store_types(types), since=_store_date(since, "--since"),
                   until=_store_date(until, "--until"))
    store = _open(db)
    try:
        n = write_export(store, fmt, output, dedup=dedup, **filters)
    except ExportError as exc:
        raise _fail(str(exc))
    finally:
        store.close()
    err.print(f"{n} rows written to {output} ({fmt})", highlight=False)


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
    store = _open(db)
    try:
        rows = store.errors(limit=limit)
    finally:
        store.close()
    _show(rows, ["at", "origin", "doc", "message"], f"{len(rows)} errors", as_json, as_csv)


# --- web commands (issue: Web dashboard) ---

@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="DuckDB file or postgresql:// URL (default: $COMMUNIQUE_DB or ./communique.duckdb)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default: reading needs no token)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(True, "--open/--no-open", help="Open the dashboard in a browser."),
):
    """Serve the dashboard and the HTTP API (pages, /api/..., /openapi.json).

    Example: [bold]communique serve --db events.duckdb[/bold]  |  COMMUNIQUE_TOKEN=secret communique serve --port 8080
    """
    import os
    import threading
    import webbrowser

    import uvicorn

    from .store import StoreError
    from .web import create_app

    try:
        web_app = create_app(db=db)
    except StoreError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(1)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]note[/yellow] listening on {host}: anyone who can reach it can read the events", highlight=False)
    if not os.environ.get("COMMUNIQUE_TOKEN"):
        err.print("POST /api/documents is off: set COMMUNIQUE_TOKEN to allow writing", highlight=False)
    err.print(f"dashboard at {url}", highlight=False)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(web_app, host=host, port=port, log_level="info")


# --- the Quick start's main job ---

@app.command()
def demo(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for coding."),
):
    """Code the bundled sample articles into a store and show what came out.

    Example: [bold]communique demo --db communique.duckdb[/bold]
    """
    from . import analysis
    from .sample_corpus import sample_paths

    location = db or os.environ.get("COMMUNIQUE_DB") or "communique.duckdb"
    ingest([str(p) for p in sample_paths()], db=location, workers=workers, published=None,
           all_modalities=False)
    store = _open(location)
    try:
        from .report import events_table

        Console().print(events_table(store.events(limit=8), title="Latest events"))
        _show(analysis.top_dyads(store, limit=8), ["a", "b", "events", "goldstein_mean"],
              "Most active dyads", False, False)
        rows = analysis.dyad_series(store, "CHN", "JPN", by="year")
        _show(rows, ["period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean"],
              "China-Japan by year (communique dyad CHN JPN --by year)", False, False)
    finally:
        store.close()
    Console().print(f"\nOpen the dashboard on these events:\n  [bold].venv/bin/communique serve --db {location}[/bold]"
                    f"\n  (or, with the venv active: communique serve --db {location})")


if __name__ == "__main__":  # pragma: no cover
    app()
