"""The progress bar and end-of-run summary of long runs (ingest, watch): Rich on a terminal,
one line with ``--quiet``, one JSON object with ``--json``.

The bar shows records done (of the total when it is known, with an ETA), documents/s,
events/s, skipped by reason (duplicate, non-English, not news, other) and errors. The
summary fits on one screen: counts, skip reasons with languages, the first errors, rates.
"""
from __future__ import annotations

import json
import sys
import time
from typing import Optional

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..ingest.tally import MAIN_REASONS, Tally
from .common import err

ERRORS_SHOWN = 3
ERROR_CHARS = 160


class RunProgress:
    """Use as a context manager; call ``update(tally)`` as the run goes, ``finish`` at the end."""

    def __init__(self, description: str, total: Optional[int] = None, quiet: bool = False,
                 as_json: bool = False, console: Console = err):
        self.description = description
        self.total = total
        self.quiet = quiet or as_json
        self.as_json = as_json
        self.console = console
        self.start = time.perf_counter()
        self.progress = None
        self.task = None
        self.errors_shown = 0

    def __enter__(self) -> "RunProgress":
        if not self.quiet:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rates]}"), TextColumn("{task.fields[counts]}"),
                       TimeElapsedColumn()]
            if self.total:
                columns.append(TimeRemainingColumn())
            self.progress = Progress(*columns, console=self.console, transient=False,
                                     disable=not self.console.is_terminal)
            self.progress.__enter__()
            self.task = self.progress.add_task(self.description, total=self.total, rates="", counts="")
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.__exit__(*exc)

    @property
    def elapsed(self) -> float:
        return max(time.perf_counter() - self.start, 1e-9)

    def update(self, tally: Tally) -> None:
        if not self.quiet:
            new = tally.errors - self.errors_shown
            for message in list(tally.recent_errors)[-new:] if new > 0 else ():
                # Messages quote the input (paths, ids, dates as written): Text, never markup.
                self.console.print(Text.assemble(("error", "red"), " ", message), highlight=False, soft_wrap=True)
            self.errors_shown = tally.errors
        if self.progress is None:
            return
        other = tally.skipped_total - sum(tally.skipped[r] for r in MAIN_REASONS)
        counts = (f"skipped {tally.skipped['duplicate']} dup, {tally.skipped['non-English']} non-English, "
                  f"{tally.skipped['not news']} not news, {other} other; {tally.errors} errors")
        self.progress.update(self.task, completed=tally.records,
                             rates=f"{tally.coded / self.elapsed:.1f} docs/s {tally.events / self.elapsed:.1f} events/s",
                             counts=counts)

    def finish(self, tally: Tally, extra: Optional[dict] = None) -> None:
        """Print the summary: a table (default), one line (--quiet) or JSON on stdout (--json)."""
        extra = extra or {}
        seconds = self.elapsed
        if self.as_json:
            summary = {**tally.as_dict(), "seconds": round(seconds, 2),
                       "documents_per_second": round(tally.coded / seconds, 2),
                       "events_per_second": round(tally.events / seconds, 2), **extra}
            sys.stdout.write(json.dumps(summary, ensure_ascii=False, default=str) + "\n")
            return
        if self.quiet:
            self.console.print(summary_line(tally, seconds, extra), highlight=False, soft_wrap=True)
            return
        self.console.print(summary_table(self.description, tally, seconds, extra))


def summary_line(tally: Tally, seconds: float, extra: dict) -> str:
    line = (f"{tally.records} records: {tally.coded} coded ({tally.events} events), "
            f"{tally.skipped_total} skipped ({tally.skipped_line()}), {tally.errors} errors in {seconds:.1f} s")
    if "store" in extra:
        line += f"; store holds {extra['store']['documents']} documents, {extra['store']['events']} events"
    return line


def summary_table(title: str, tally: Tally, seconds: float, extra: dict) -> Table:
    table = Table(title=f"{title}: summary", show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("count", justify="right")
    table.add_column("detail", overflow="fold")
    table.add_row("records read", str(tally.records), "")
    table.add_row("coded", str(tally.coded), f"{tally.events} events; {tally.coded / seconds:.1f} docs/s, "
                                            f"{tally.events / seconds:.1f} events/s in {seconds:.1f} s")
    for reason, count in sorted(tally.skipped.items(), key=lambda kv: -kv[1]):
        detail = ""
        if reason == "non-English":
            detail = ", ".join(f"{lang} {n}" for lang, n in tally.languages.most_common())
        elif reason == "duplicate":
            detail = "already stored, or the same text earlier in this run"
            if tally.copies:
                rest = "" if tally.copies >= count else f"; the rest {detail}"
                detail = (f"{tally.copies} copies (the same or nearly the same text) folded into their "
                          f"first report as further sources{rest}")
        else:
            kinds: dict[str, int] = {}
            for item in tally.skipped_items:
                if item.reason == reason and item.detail:
                    key = item.detail if len(item.detail) < 30 else item.detail.split(" (")[0]
                    kinds[key] = kinds.get(key, 0) + 1
            detail = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])[:4])
        table.add_row(f"skipped: {reason}", str(count), Text(detail))
    shown = [m if len(m) <= ERROR_CHARS else m[:ERROR_CHARS - 1] + "…" for m in tally.error_messages[:ERRORS_SHOWN]]
    more = f" (and {tally.errors - ERRORS_SHOWN} more: communique errors)" if tally.errors > ERRORS_SHOWN else ""
    table.add_row("errors", str(tally.errors), Text("\n".join(shown) + more))
    if "store" in extra:
        copies = extra["store"].get("copies")
        table.add_row("store now holds", str(extra["store"]["documents"]),
                      Text(f"documents, {extra['store']['events']} events"
                           + (f", {copies} copies" if copies else "") + f" ({extra.get('db', '')})"))
    return table
