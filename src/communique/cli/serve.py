"""`serve`: the dashboard and HTTP API."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional, Tuple

import typer
from rich.console import Console

from .app import app
from .common import DB_HELP, err, fail, open_db, parse_date, parse_types, progress_bar, show


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="DuckDB file or postgresql:// URL (default: $COMMUNIQUE_DB or ./communique.duckdb)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default: reading needs no token)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(True, "--open/--no-open", help="Open the dashboard in a browser."),
    watch_feeds: Optional[List[str]] = typer.Option(None, "--watch", help="Also poll this RSS/Atom feed and code its new articles into the store (repeat for more feeds)."),
    every: str = typer.Option("15m", "--every", help="With --watch: how often to poll each feed (90s, 15m, 1h)."),
):
    """Serve the dashboard and the HTTP API (pages, /api/..., /openapi.json).

    Example: [bold]communique serve --db events.duckdb[/bold]  |  COMMUNIQUE_TOKEN=secret communique serve --port 8080
    |  communique serve --watch https://example.org/rss.xml --every 15m
    """
    import os
    import threading
    import webbrowser

    import uvicorn

    from ..store import StoreError
    from ..web import create_app

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
    if watch_feeds:
        from .watch import parse_every, report_round
        from ..store import default_location, open_store
        from ..watch import start_in_thread

        seconds = parse_every(every)
        location = db or default_location()
        # The watcher writes through its own connection, opened in its own thread.
        start_in_thread(lambda: open_store(location), list(watch_feeds), every_s=seconds,
                        on_round=lambda reports: report_round(reports, 0, quiet=True, as_json=False))
        err.print(f"watching {len(watch_feeds)} feeds every {every}", highlight=False)
    err.print(f"dashboard at {url}", highlight=False)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(web_app, host=host, port=port, log_level="info")


