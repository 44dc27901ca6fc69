"""`serve`: the dashboard and HTTP API."""
from __future__ import annotations

from typing import List, Optional

import typer
from rich.markup import escape

from .app import app
from .common import err


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="DuckDB file or postgresql:// URL (default: $COMMUNIQUE_DB or ./communique.duckdb)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default: reading needs no token)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    allowed_host: List[str] = typer.Option([], "--allowed-host", help="Another host name the server answers to (repeatable; also $COMMUNIQUE_ALLOWED_HOSTS). Loopback names and --host are always allowed."),
    max_connections: int = typer.Option(1000, "--max-connections", min=10, help="Open connections at most; past it new ones are refused."),
    access_log: bool = typer.Option(False, "--access-log/--no-access-log", help="Log every request."),
    open_browser: bool = typer.Option(True, "--open/--no-open", help="Open the dashboard in a browser."),
    watch_feeds: Optional[List[str]] = typer.Option(None, "--watch", help="Also poll this RSS/Atom feed and code its new articles into the store (repeat for more feeds)."),
    every: str = typer.Option("15m", "--every", help="With --watch: how often to poll each feed (90s, 15m, 1h)."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST new alerts (after articles are POSTed to /api/documents) as JSON to this address."),
):
    """Serve the dashboard and the HTTP API (pages, /api/..., /openapi.json).

    The server owns the store while it runs: it reads on several connections at once and takes new articles itself (POST /api/documents with COMMUNIQUE_TOKEN set, and the feeds given with --watch).

    Example: [bold]communique serve --db events.duckdb[/bold]  |  COMMUNIQUE_TOKEN=secret communique serve --host 0.0.0.0 --allowed-host events.example.org
    |  communique serve --watch https://example.org/rss.xml --every 15m
    """
    import os
    import threading
    import webbrowser

    from ..store import StoreError
    from ..web import create_app
    from ..web.security import WILDCARD_ADDRESSES, allowed_host_names
    from ..web.server import make_server

    from .alerts import _check_webhook

    hook = _check_webhook(webhook)
    hosts = allowed_host_names(host, allowed_host)
    try:
        web_app = create_app(db=db, allowed_hosts=hosts, any_ip_host=host in WILDCARD_ADDRESSES, webhook=hook)
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1)
    url = f"http://{'127.0.0.1' if host in WILDCARD_ADDRESSES else host}:{port}/"
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]note[/yellow] listening on {escape(host)}: anyone who can reach it can read the events", highlight=False)
    err.print(f"answering to the host names {escape(', '.join(hosts))}"
              + (" and any IP address" if host in WILDCARD_ADDRESSES else ""), highlight=False)
    if not os.environ.get("COMMUNIQUE_TOKEN"):
        err.print("POST /api/documents is off: set COMMUNIQUE_TOKEN to allow writing", highlight=False)
    if watch_feeds:
        from .watch import parse_every, report_round
        from ..store import default_location, open_store
        from ..watch import start_in_thread

        seconds = parse_every(every)
        location = db or default_location()
        # The watcher keeps its feed log on a connection of its own, opened in its own thread;
        # the articles it fetches are coded and stored by the server's one writer, in turn
        # with POST /api/documents; the weeks each round added to are then judged for alerts.
        from datetime import datetime, timezone

        from ..web.alerts import judge_new_articles

        round_start = [datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)]

        def on_round(reports) -> None:
            report_round(reports, 0, quiet=True, as_json=False)
            if any(r.tally.coded for r in reports):
                judge_new_articles(web_app, round_start[0])
            round_start[0] = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)

        start_in_thread(lambda: open_store(location), list(watch_feeds), every_s=seconds, on_round=on_round,
                        ingest=web_app.state.writer.ingest)
        err.print(f"watching {len(watch_feeds)} feeds every {every}", highlight=False)
    err.print(f"dashboard at {url}", highlight=False)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    make_server(web_app, host, port, max_connections=max_connections, access_log=access_log).run()
