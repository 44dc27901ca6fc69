"""Commands that code text without a store: `code` (articles to event records) and `eval` (score on gold)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .app import app
from .common import ALL_LANGUAGES_HELP, ALL_MODALITIES_HELP, capped_workers, fail, parse_date, progress_bar, say, say_error
from .scaling import RAY_HELP, ray_engine
from ..distributed import RayUnavailable


@app.command()
def code(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .jsonl, .json, .html, .warc, .warc.gz), folders, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSONL here instead of stdout."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one event per line) or table."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for inputs that state none."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Worker processes (default 1; with --ray, coder actors)."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help=ALL_MODALITIES_HELP),
    all_languages: bool = typer.Option(False, "--all-languages", help=ALL_LANGUAGES_HELP),
    ray: Optional[str] = typer.Option(None, "--ray", metavar="[ADDRESS]", help=RAY_HELP + " Events then come in the order documents finish."),
):
    """Code articles into PLOVER/CAMEO events (JSONL on stdout, or a table).

    Example: [bold]communique code article.txt[/bold]  |  communique code articles.jsonl -o events.jsonl
    |  communique code folder/ --format table  |  cat a.txt | communique code - --published 2020-07-30
    |  communique code archive.jsonl --ray -o events.jsonl
    """
    import time

    from ..ingest import read_documents
    from ..pipeline import code_documents

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("choose jsonl or table", param_hint="--format")
    pub = parse_date(published, "--published")
    if output is not None:
        clash = output_clash(output, inputs)
        if clash:
            raise fail(clash)
    if not ray:  # Ray's actors may run on other machines: their count is Ray's to judge
        workers = capped_workers(workers or 1)
    errors: list = []

    from ..ingest import Tally

    skips = Tally()

    def documents():
        for item in read_documents(inputs, published=pub, english_only=not all_languages, on_skip=skips.skip):
            if hasattr(item, "text"):
                yield item
            else:
                errors.append(item)
                say_error(item)

    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror or exc}")
    rows = []
    n_docs = n_events = 0
    start = time.perf_counter()
    try:
        with progress_bar() as bar:
            task = bar.add_task("coding", total=None, rate="")
            engine = {"ray": ray_engine(ray), "workers": workers} if ray else {"workers": workers or 1}
            for document, result in code_documents(documents(), all_modalities=all_modalities, **engine):
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
                    say_error(result)
                elapsed = max(time.perf_counter() - start, 1e-9)
                bar.update(task, advance=1, rate=f"{n_docs / elapsed:.1f} docs/s, {n_events / elapsed:.1f} events/s, "
                                                 f"{len(errors)} errors")
    except RayUnavailable as exc:
        raise fail(str(exc))
    finally:
        if output:
            out.close()
    if fmt == "table":
        from ..report import events_table

        Console().print(events_table(rows))
    skipped = f", {skips.skipped_total} skipped ({skips.skipped_line()})" if skips.skipped_total else ""
    say(f"{n_docs} documents, {n_events} events, {len(errors)} errors{skipped}")
    if errors and n_docs == 0:
        raise typer.Exit(1)


def output_clash(output: Path, inputs: List[str]) -> Optional[str]:
    """Why writing ``output`` would destroy or feed back into an input, or None. Checked before
    anything is read: opening the output for writing empties it."""
    import os

    target = Path(os.path.abspath(output))
    for name in inputs:
        if name == "-":
            continue
        source = Path(os.path.abspath(name))
        same = target == source or (target.exists() and source.exists() and _same_file(target, source))
        if same:
            return f"-o {output}: it is also an input; writing it would empty it before it is read"
        if source.is_dir() and source in target.parents:
            from ..ingest import READERS

            if target.suffix.lower() in READERS:
                return (f"-o {output}: it lies in the input folder {name}, which would read it "
                        "back while it is written; write it elsewhere")
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False

@app.command("eval")
def eval_(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold file: GSR JSON, articles JSONL or PLV pairs JSONL."),
    fmt: Optional[str] = typer.Option(None, "--format", help="gsr, articles or plv (default: from the file)."),
    gold_events: Optional[Path] = typer.Option(None, "--gold", help="Gold events of an articles file (default: GOLD with .gold.jsonl)."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Score these `communique code` records instead of coding."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with all figures."),
    errors: bool = typer.Option(False, "--errors", help="List the sentences/articles coded wrongly."),
):
    """Score the coder on gold data: P/R/F1 per PLOVER category (category, triple), dates, confusion.

    Example: [bold]communique eval benchmarks/gold/articles.jsonl --errors[/bold]  |
    communique eval plover-gsr-dev.json --format gsr --json -w 4  |  communique eval plv-dev.jsonl --format plv
    """
    from ..evaluate import GoldFormatError, evaluate, print_report

    if fmt not in (None, "gsr", "articles", "plv"):
        raise typer.BadParameter("choose gsr, articles or plv", param_hint="--format")
    workers = capped_workers(workers)
    with progress_bar() as bar:
        task = bar.add_task("coding", total=None, rate="")
        try:
            report = evaluate(
                gold, fmt=fmt, gold=gold_events, workers=workers, predictions_path=predictions,
                on_start=lambda n: bar.update(task, total=n),
                on_document=lambda n: bar.update(task, completed=n),
            )
        except GoldFormatError as exc:
            say_error(exc)
            raise typer.Exit(2)
    if not errors:
        report.pop("errors", None)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    else:
        print_report(report, Console(), errors=errors)
