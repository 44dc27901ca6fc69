"""Turn the data model's objects into table rows (documents, events, entities)."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Iterable, Optional

from ..model import Document, Entity, Event

DOCUMENT_COLUMNS = ("id", "content_hash", "published", "url", "title", "source", "origin",
                    "text", "events", "added_at")
EVENT_COLUMNS = ("id", "doc", "date", "date_precision", "published", "event", "mode", "context",
                 "cameo", "quad_class", "goldstein", "actor_code", "recipient_code", "actor_codes",
                 "recipient_codes", "trigger_text", "sentence", "text", "location_name",
                 "location_country", "location_lat", "location_lon", "confidence", "dedup_key",
                 "record")
ENTITY_COLUMNS = ("event_id", "doc", "role", "position", "code", "sector", "name", "entity_id",
                  "text", "start_char", "end_char")


def insert_sql(table: str, columns: tuple[str, ...], on_conflict: bool = False, rows: int = 1) -> str:
    """INSERT of ``rows`` rows in one statement (one round trip: DuckDB's executemany
    costs milliseconds per row)."""
    values = "(" + ", ".join("?" for _ in columns) + ")"
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([values] * rows)}"
    return sql + (" ON CONFLICT DO NOTHING" if on_conflict else "")


def principal_code(entities: Iterable[Entity]) -> Optional[str]:
    """The code of the first entity that has one: the side's code for dyad queries."""
    for entity in entities:
        if entity.code:
            return entity.code
    return None


def code_set(entities: Iterable[Entity]) -> str:
    """All distinct codes of one side, sorted: 'CHN+RUS' for a compound actor."""
    return "+".join(sorted({e.code for e in entities if e.code}))


def dedup_key(event: Event) -> str:
    """Reports of one event share category, actor and recipient codes and date.

    An undated event cannot be matched to another report, so it is its own group.
    """
    if event.date is None:
        return f"id:{event.id}"
    return "|".join([event.event, code_set(event.actor), code_set(event.recipient),
                     event.date.isoformat()])


def document_row(document: Document, n_events: int, added_at: datetime) -> tuple:
    return (document.id, document.content_hash, document.published, document.url, document.title,
            document.source, document.origin, document.text, n_events, added_at)


def event_row(event: Event) -> tuple:
    record = event.to_record()
    location = event.location
    return (
        record["id"], event.doc, event.date, event.date_precision, event.published, event.event,
        event.mode, ";".join(event.context), event.cameo, event.quad_class, float(event.goldstein),
        principal_code(event.actor), principal_code(event.recipient), code_set(event.actor),
        code_set(event.recipient), event.trigger.text, event.sentence, event.text,
        location.name if location else None, location.country if location else None,
        location.lat if location else None, location.lon if location else None,
        float(event.confidence), dedup_key(event), json.dumps(record, ensure_ascii=False),
    )


def entity_rows(event: Event, event_id: str) -> list[tuple]:
    rows = []
    for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
        for position, e in enumerate(entities):
            rows.append((event_id, event.doc, role, position, e.code, e.sector, e.name, e.id,
                         e.text, e.start, e.end))
    return rows


def record_from_row(record_json: str, **extra: Any) -> dict:
    record = json.loads(record_json)
    record.update(extra)
    return record
