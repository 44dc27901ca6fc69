"""What every command shares: the error console, the progress bar, parsing dates and categories,
opening a store, showing rows as a table, JSON or CSV."""
from __future__ import annotations

import json
import sys
from datetime import date
from typing import Optional

import typer
from rich.console import Console

err = Console(stderr=True)

DB_HELP = "DuckDB file or postgresql:// URL (default: $COMMUNIQUE_DB or ./communique.duckdb)."


def progress_bar(console: Console = err):
    """The Rich progress bar every long run shows: counts and rates, and an ETA when the
    total is known."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
        console=console, transient=False, disable=not console.is_terminal,
    )


def fail(message: str) -> "typer.Exit":
    """Print one error line and return the Exit to raise (status 2)."""
    from rich.markup import escape

    # Escaped: a message may hold brackets ("pip install 'communique[ray]'", file names).
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def open_db(db: Optional[str]):
    from ..store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        raise fail(str(exc))


def parse_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option}: {value!r} is not a date in YYYY-MM-DD form")


def parse_types(value: Optional[str]) -> Optional[list]:
    from ..store.filters import normalise_types

    if not value:
        return None
    try:
        return normalise_types(value)
    except ValueError as exc:
        raise fail(f"--type: {exc}")


def show(rows: list, columns: list, title: str, as_json: bool, as_csv: bool) -> None:
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
