"""What every command shares: the error console and its one-line messages, the progress bar,
parsing dates, categories and worker counts, opening a store, showing rows as a table, JSON or CSV.

Text that comes from input (paths, ids, titles, dates as written, evidence sentences) is never
read as Rich markup: it goes into ``Text`` objects or through ``escape``. Lines on stderr are
never wrapped (``soft_wrap``), so that each error stays one line in a log or a pipe."""
from __future__ import annotations

import json
import sys
from datetime import date
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

err = Console(stderr=True, soft_wrap=True)

DB_HELP = "DuckDB file or postgresql:// URL (default: $COMMUNIQUE_DB or ./communique.duckdb)."
ALL_LANGUAGES_HELP = "Code documents in any language (default: skip those surely not English)."
ALL_MODALITIES_HELP = ("Also keep negated, hypothetical and historical (background) events, and acts in a story "
                       "whose recipient could not be found.")


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
    err.print(Text.assemble(("error:", "red"), " ", str(message)), highlight=False)
    return typer.Exit(2)


def say_error(item: object) -> None:
    """One error line for a bad record or document: 'error <file>:<line>: <what was wrong>'."""
    err.print(Text.assemble(("error", "red"), " ", str(item)), highlight=False)


def say_note(message: str) -> None:
    """One line that tells the user what was changed or assumed for them."""
    err.print(Text.assemble(("note", "yellow"), " ", message), highlight=False)


def say(message: str) -> None:
    """A plain summary line on stderr (user text in it is shown as is)."""
    err.print(Text(message), highlight=False)


def capped_workers(workers: int) -> int:  # local worker processes only (not Ray's actors)
    """``workers``, or the usable cores when it asks for more (each worker holds a copy of the
    model, about 250 MB, and more workers than cores only compete for them)."""
    from ..pipeline import usable_cores

    cores = usable_cores()
    if workers > cores:
        say_note(f"--workers {workers}: this machine has {cores} usable "
                 f"core{'s' if cores != 1 else ''}; using {cores} worker{'s' if cores != 1 else ''}")
        return cores
    return workers


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
        day = date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option}: {value!r} is not a date in YYYY-MM-DD form")
    if option == "--published":
        from ..ingest.checks import published_problem

        problem = published_problem(day)
        if problem:
            raise fail(f"{option}: {problem}")
    return day


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

        from ..export import spreadsheet_safe

        writer = _csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()) if rows else columns,
                                 extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: spreadsheet_safe(";".join(map(str, v)) if isinstance(v, list) else v)
                             for k, v in row.items()})
        return
    from rich.table import Table

    table = Table(title=escape(title), show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[Text("" if row.get(c) is None else str(row.get(c))) for c in columns])
    Console().print(table)
