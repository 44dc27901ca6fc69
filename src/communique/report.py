"""Rich tables for people: events, and other result sets."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text


def _entities(entities: list[dict]) -> str:
    return "; ".join(
        f"{e.get('name') or e.get('text')} ({e.get('code') or '?'}{'/' + e['sector'] if e.get('sector') else ''})"
        for e in entities
    )


def events_table(records: list[dict], title: str | None = None) -> Table:
    table = Table(title=Text(title) if title else None, show_lines=False)
    for col in ("date", "doc", "event", "mode", "cameo", "actor", "recipient", "trigger"):
        table.add_column(col, overflow="fold", no_wrap=col in ("date", "event", "cameo"))
    for r in records:
        # Cells are Text, not markup: ids, names and triggers come from the articles.
        table.add_row(*(Text(str(cell)) for cell in (
            r.get("date") or "", r.get("doc") or "", r["event"], r.get("mode") or "", r["cameo"],
            _entities(r["actor"]), _entities(r["recipient"]), r["trigger"]["text"],
        )))
    return table
