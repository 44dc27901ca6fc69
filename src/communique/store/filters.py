"""The event filters every query shares, turned into a parameterised WHERE clause.

User input only ever reaches the database as a parameter; the SQL text is built from
fixed fragments and from whitelists (PLOVER categories, period names).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional, Sequence

from ..knowledge.codes import NON_STATE_CODES
from ..model import PLOVER_CATEGORIES

PERIODS = ("day", "week", "month", "year")
# The non-state codes as an SQL list: bodies that share one are told apart by name.
NON_STATE_SQL = "(" + ", ".join(f"'{code}'" for code in sorted(NON_STATE_CODES)) + ")"


@dataclass
class EventFilter:
    dyad: Optional[tuple[str, str]] = None
    directed: bool = False
    actor: Optional[str] = None
    types: Optional[Sequence[str]] = None
    since: Optional[date] = None
    until: Optional[date] = None
    q: Optional[str] = None
    doc: Optional[str] = None

    def __post_init__(self):
        if self.dyad is not None:
            if len(self.dyad) != 2 or not all(self.dyad):
                raise ValueError("a dyad is two actor codes, such as ('CHN', 'JPN')")
            self.dyad = (self.dyad[0].upper(), self.dyad[1].upper())
        if self.types:
            self.types = normalise_types(self.types)
        for name in ("since", "until"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, parse_date(value, name))

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.dyad:
            a, b = self.dyad
            forward = f"({alias}.actor_code = ? AND {alias}.recipient_code = ?)"
            if self.directed:
                clauses.append(forward)
                params += [a, b]
            else:
                clauses.append(f"({forward} OR ({alias}.actor_code = ? AND {alias}.recipient_code = ?))")
                params += [a, b, b, a]
        if self.actor:
            clauses.append(
                f"({alias}.actor_code = ? OR {alias}.recipient_code = ? OR EXISTS ("
                f"SELECT 1 FROM entities n WHERE n.event_id = {alias}.id AND "
                "(n.entity_id = ? OR lower(n.name) = ? OR n.code = ?)))")
            params += [self.actor.upper(), self.actor.upper(), self.actor, self.actor.lower(),
                       self.actor.upper()]
        if self.types:
            clauses.append(f"{alias}.event IN ({', '.join('?' for _ in self.types)})")
            params += list(self.types)
        if self.since:
            clauses.append(f"{alias}.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.date <= ?")
            params.append(self.until)
        if self.q:
            for word in self.q.lower().split():
                clauses.append(f"strpos(lower({alias}.text), ?) > 0")
                params.append(word)
        if self.doc:
            clauses.append(f"{alias}.doc = ?")
            params.append(self.doc)
        return (" AND ".join(clauses) or "TRUE"), params


def normalise_types(types: Sequence[str] | str) -> list[str]:
    if isinstance(types, str):
        types = types.split(",")
    wanted = [t.strip().upper() for t in types if t.strip()]
    unknown = [t for t in wanted if t not in PLOVER_CATEGORIES]
    if unknown:
        raise ValueError(f"unknown PLOVER categor{'y' if len(unknown) == 1 else 'ies'} "
                         f"{', '.join(unknown)} (known: {', '.join(PLOVER_CATEGORIES)})")
    return wanted


def parse_date(value: str, name: str = "date") -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date in YYYY-MM-DD form") from None


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: choose {', '.join(PERIODS)}")
    return by


def make_filter(**filters: Any) -> EventFilter:
    known = set(EventFilter.__dataclass_fields__)
    unknown = set(filters) - known
    if unknown:
        raise TypeError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    return EventFilter(**{k: v for k, v in filters.items() if v is not None})


def source_sql(flt: EventFilter, dedup: bool) -> tuple[str, list[Any]]:
    """A subquery of the events passing the filter; with dedup, one row per event group
    (the earliest published report stands for the group)."""
    where, params = flt.where("e")
    if not dedup:
        return f"(SELECT e.* FROM events e WHERE {where})", params
    return (
        "(SELECT * FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.dedup_key "
        f"ORDER BY e.published NULLS LAST, e.id) AS group_rank FROM events e WHERE {where}) ranked "
        "WHERE group_rank = 1)", params)
