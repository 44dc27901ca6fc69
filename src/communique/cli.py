"""The command line: a thin layer over the library (pipeline, store, analysis, export, web).

Every command has --help with an example. No coding or query logic lives here.
"""
from __future__ import annotations

import json
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
    all_modalities: bool = typer.Option(False, "--all-modalities", help="Also emit negated and hypothetical events."),
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

# --- store commands (issue: Event store) ---

# --- web commands (issue: Web dashboard) ---


if __name__ == "__main__":  # pragma: no cover
    app()
