"""`alerts`: the relations monitor's alerts (computed on demand, kept in the store), and
what an ingest run calls afterwards (``after_ingest``) to judge the weeks it added to."""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from typing import Optional, Tuple

import typer
from rich.console import Console

from .app import app
from .common import DB_HELP, err, fail, open_db, parse_date, show

WEBHOOK_HELP = "POST each new alert as JSON to this http(s) address (retried; an alert is sent once)."


def _check_webhook(webhook: Optional[str]) -> Optional[str]:
    from ..webhook import WebhookError, check_url

    if webhook is None:
        return None
    try:
        return check_url(webhook)
    except WebhookError as exc:
        raise fail(str(exc))


def _deliver(store, webhook: str, pending: list[dict], wait: float) -> None:
    """Send from a thread; wait up to ``wait`` seconds, then record what was delivered."""
    from ..webhook import Courier, record

    if not pending:
        return
    deliveries = Courier(pending, webhook).start().wait(wait)
    if not deliveries:
        err.print(f"[yellow]webhook[/yellow] still sending after {wait:.0f} s: the alerts not "
                  "confirmed will be sent again next time", highlight=False)
        return
    sent, failed = record(store, deliveries)
    line = f"webhook: {sent} alert{'s' if sent != 1 else ''} sent"
    if failed:
        first = next(d.error for d in deliveries if not d.ok)
        line += f", {failed} not delivered ({first}); they are kept and sent on the next run"
    err.print(line, highlight=False)


def after_ingest(store, started: datetime, webhook: Optional[str], quiet: bool = False) -> None:
    """Judge the weeks an ingest run touched, save the alerts, tell the user (unless
    ``quiet``; on stderr) and the webhook about those of the store's last weeks. Never
    fails the ingest."""
    from ..alerts.store import after_ingest as refresh_after_ingest
    from ..alerts.store import list_alerts, notify_since

    begin = time.perf_counter()
    try:
        alerts, new = refresh_after_ingest(store, started)
    except Exception as exc:  # noqa: BLE001 - the documents are stored; alerts can be redone
        err.print(f"[yellow]alerts[/yellow] not computed ({type(exc).__name__}: {exc}); "
                  "run `communique alerts` to compute them", highlight=False)
        return
    if new and not quiet:
        err.print(f"{len(new)} new alert{'s' if len(new) != 1 else ''} (judged in "
                  f"{time.perf_counter() - begin:.2f} s): see `communique alerts`", highlight=False)
    if webhook:
        since = notify_since(store)
        _deliver(store, webhook, list_alerts(store, since=since, limit=None, unsent=True), wait=30.0)


def _subject(row: dict) -> str:
    return f"{row['a']}–{row['b']}" if row["b"] else f"{row['a']} (all)"


@app.command()
def alerts(
    since: Optional[str] = typer.Option(None, "--since", help="Weeks from this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Weeks up to this date (YYYY-MM-DD)."),
    dyad: Optional[Tuple[str, str]] = typer.Option(None, "--dyad", metavar="A B", help="Only this dyad (either order)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="conflict_surge, cooperation_drop, hostile_turn, warming or first_contact (comma-separated)."),
    limit: int = typer.Option(50, "--limit", min=1, help="Alerts to show."),
    refresh: bool = typer.Option(True, "--refresh/--no-refresh", help="Judge the weeks again before listing (default) or only list what is stored."),
    evidence: bool = typer.Option(False, "--evidence", help="Print each alert's driving reports with their evidence sentences."),
    as_json: bool = typer.Option(False, "--json", help="The alerts as JSON (with baseline, figures and evidence)."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help=WEBHOOK_HELP),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
):
    """The relations monitor: weeks in which a dyad or an actor departs from its own recent
    history (conflict surge, cooperation drop, turn to hostility or cooperation, first
    contact after a long silence), newest first, each with why it fired.

    Alerts are judged again (every week, or the weeks from --since) and kept in the store
    under a stable id; --webhook sends those not sent before.

    Example: [bold]communique alerts --since 2024-01-01[/bold]  |  communique alerts --dyad CHN JPN --json
    |  communique alerts --no-refresh --webhook http://127.0.0.1:9000/hook
    """
    from ..alerts.store import list_alerts, refresh as refresh_alerts
    from ..alerts import KINDS

    start, end = parse_date(since, "--since"), parse_date(until, "--until")
    kinds = [k.strip() for k in kind.split(",") if k.strip()] if kind else None
    unknown = [k for k in kinds or () if k not in KINDS]
    if unknown:
        raise fail(f"--kind: unknown kind {unknown[0]!r}: choose {', '.join(KINDS)}")
    hook = _check_webhook(webhook)
    store = open_db(db)
    try:
        if refresh:
            begin = time.perf_counter()
            found, new = refresh_alerts(store, since=start, until=end, dyad=dyad)
            err.print(f"judged in {time.perf_counter() - begin:.1f} s: {len(found)} alert"
                      f"{'s' if len(found) != 1 else ''}, {len(new)} new", highlight=False)
        rows = list_alerts(store, since=start, until=end, dyad=dyad, kinds=kinds, limit=limit)
        if hook:
            _deliver(store, hook, list_alerts(store, since=start, until=end, dyad=dyad, kinds=kinds,
                                              limit=None, unsent=True), wait=60.0)
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    table = [{**r, "subject": _subject(r), "kind": r["kind_label"],
              "size": (f"{r['size']:+.1f} pts" if r["kind"] in ("hostile_turn", "warming")
                       else f"{r['reports']} reports" if r["kind"] == "first_contact"
                       else f"{r['size']:.0%}" if r["kind"] == "cooperation_drop" else f"×{r['size']:.1f}"),
              "evidence": f"{r['reports']}/{r['stories']}/{r['sources']}"} for r in rows]
    show(table, ["week", "subject", "kind", "size", "score", "evidence", "summary", "id"],
         f"{len(rows)} alerts (newest first; evidence = reports/independent articles/outlets)", False, False)
    if evidence:
        console = Console()
        for r in rows:
            console.print(f"\n[bold]{r['week']} {_subject(r)} {r['kind_label']}[/bold] ({r['id']})", highlight=False)
            for e in r.get("events", []):
                console.print(f"  {e.get('date')} {e.get('event', '')} {e.get('goldstein', ''):+} "
                              f"×{e.get('mentions', 1)}  {e.get('text', '')}  [{e.get('doc')}]", highlight=False)
