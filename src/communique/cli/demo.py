"""`demo`: the Quick start's main job (code the bundled samples into a store and show them)."""
from __future__ import annotations

import os
from typing import Optional

import typer
from rich.console import Console

from .app import app
from .common import DB_HELP, open_db, show

from .store import ingest

@app.command()
def demo(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for coding."),
):
    """Code the bundled sample articles into a store and show what came out.

    Example: [bold]communique demo --db communique.duckdb[/bold]
    """
    from .. import analysis
    from ..sample_corpus import sample_paths

    location = db or os.environ.get("COMMUNIQUE_DB") or "communique.duckdb"
    ingest([str(p) for p in sample_paths()], db=location, workers=workers, published=None,
           all_modalities=False, all_languages=False, quiet=True, as_json=False, ray=None, keep_copies=False,
           alerts=True, webhook=None)
    store = open_db(location)
    try:
        from ..report import events_table

        Console().print(events_table(store.events(limit=8), title="Latest events"))
        show(analysis.top_dyads(store, limit=8), ["a", "b", "events", "goldstein_mean"],
              "Most active dyads", False, False)
        rows = analysis.dyad_series(store, "CHN", "JPN", by="year")
        show(rows, ["period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean"],
              "China-Japan by year (communique dyad CHN JPN --by year)", False, False)
    finally:
        store.close()
    Console().print(f"\nOpen the dashboard on these events:\n  [bold].venv/bin/communique serve --db {location}[/bold]"
                    f"\n  (or, with the venv active: communique serve --db {location})")

