"""The regression corpus (``tests/corpus/events.jsonl``): every entry coded through the public pipeline.

Each entry is a sentence or short article written for this project with the exact events a careful
PLOVER coder codes in it (format: ``tests/corpus/README.md``). An entry fails on any expected event
the coder did not emit (missing) and on any event it emitted that is not expected (extra). Entries
marked ``"status": "known-miss"`` are strict expected failures: when the coder gets one right the
test fails as XPASS, and the mark should be removed from the corpus line.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

import pytest

from communique.model import PLOVER_CATEGORIES, Entity, Event
from communique.ontology import cameo as cameo_row

CORPUS = Path(__file__).parent / "corpus" / "events.jsonl"

ENTRY_KEYS = {"id", "kind", "text", "published", "events", "status", "reason", "from"}
EVENT_KEYS = {"event", "cameo", "mode", "actor", "recipient", "parties", "date", "date_precision"}
STATUSES = {"known-miss"}
PRECISIONS = {"day", "month", "year", "published"}


class CorpusError(ValueError):
    """A corpus line that does not follow the format; the message names the file, line and entry."""


# ------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class Party:
    """One expected entity: ``"KEN"``, ``"KEN/COP"`` or ``"KEN/OPP Raila Odinga"`` (code, sector, name)."""

    code: str
    sector: Optional[str] = None
    name: Optional[str] = None

    @classmethod
    def parse(cls, spec: str) -> "Party":
        head, _, name = spec.strip().partition(" ")
        code, _, sector = head.partition("/")
        if not code or not code.isupper() or not code.isalpha() or len(code) != 3:
            raise ValueError(f"party {spec!r}: the code must be three capital letters (KEN, IGO, NGO, IMG)")
        if sector and not (sector.isupper() and sector.isalpha()):
            raise ValueError(f"party {spec!r}: the sector must be capital letters (GOV, COP, REB)")
        return cls(code, sector or None, name.strip() or None)

    def admits(self, entity: Entity) -> bool:
        return (entity.code == self.code and (self.sector is None or entity.sector == self.sector)
                and (self.name is None or entity.name == self.name))

    def __str__(self) -> str:
        return self.code + (f"/{self.sector}" if self.sector else "") + (f" ({self.name})" if self.name else "")


@dataclass(frozen=True)
class Expected:
    """One expected event; fields left None are not checked, except actor and recipient."""

    event: str
    actor: tuple[Party, ...]
    recipient: tuple[Party, ...]
    parties: Optional[tuple[Party, ...]] = None  # a reciprocal event: any split of these between the sides
    cameo: Optional[str] = None
    mode: Optional[str] = None
    date: Optional[str] = None
    date_precision: Optional[str] = None

    def matches(self, e: Event) -> bool:
        if e.event != self.event or (self.cameo and e.cameo != self.cameo) or (self.mode and e.mode != self.mode):
            return False
        if self.date and (e.date.isoformat() if e.date else None) != self.date:
            return False
        if self.date_precision and e.date_precision != self.date_precision:
            return False
        if self.parties is not None:
            return bool(e.actor) and _side_matches(self.parties, e.actor + e.recipient)
        return _side_matches(self.actor, e.actor) and _side_matches(self.recipient, e.recipient)

    def __str__(self) -> str:
        head = " ".join(x for x in (self.event, self.cameo, f"mode={self.mode}" if self.mode else None) if x)
        if self.parties is not None:
            sides = "between " + ", ".join(map(str, self.parties))
        else:
            sides = f"{_side(self.actor)} -> {_side(self.recipient)}"
        when = f"  date={self.date or '?'}/{self.date_precision or '?'}" if self.date or self.date_precision else ""
        return f"{head}  {sides}{when}"


def _side_matches(expected: tuple[Party, ...], entities: list[Entity]) -> bool:
    """The coded side names exactly the expected codes, and each expected sector/name is among them.
    A party no table names (the phrase in the actor's or recipient's place, no code) counts as no one."""
    entities = [e for e in entities if e.code]
    if {p.code for p in expected} != {e.code for e in entities}:
        return False
    return all(any(p.admits(e) for e in entities) for p in expected)


def _side(parties) -> str:
    return "+".join(map(str, parties)) if parties else "(none)"


@dataclass(frozen=True)
class Entry:
    line: int
    id: str
    kind: str
    text: str
    published: Optional[date]
    events: tuple[Expected, ...]
    status: Optional[str]
    reason: Optional[str]


def _parties(value: Any, field: str) -> tuple[Party, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{field} must be a party string or a list of them")
    return tuple(Party.parse(v) for v in value)


def _expected(raw: Any, number: int) -> Expected:
    if not isinstance(raw, dict):
        raise ValueError(f"event {number} is not an object")
    unknown = set(raw) - EVENT_KEYS
    if unknown:
        raise ValueError(f"event {number} has unknown field(s) {sorted(unknown)}")
    category = raw.get("event")
    if category not in PLOVER_CATEGORIES:
        raise ValueError(f"event {number}: {category!r} is not a PLOVER category")
    if ("parties" in raw) == ("actor" in raw or "recipient" in raw):
        raise ValueError(f"event {number}: give either parties (a reciprocal event) or actor and recipient")
    if "parties" not in raw and not ("actor" in raw and "recipient" in raw):
        raise ValueError(f"event {number}: actor and recipient are both required ([] for no recipient)")
    if raw.get("cameo") is not None:
        cameo_row(str(raw["cameo"]))  # raises on a code the project's table lacks
    if raw.get("date") is not None:
        date.fromisoformat(raw["date"])
    if raw.get("date_precision") not in (None, *PRECISIONS):
        raise ValueError(f"event {number}: date_precision must be one of {sorted(PRECISIONS)}")
    parties = _parties(raw["parties"], "parties") if "parties" in raw else None
    if parties is not None and len(parties) < 2:
        raise ValueError(f"event {number}: parties needs two or more entities")
    actor = _parties(raw["actor"], "actor") if "actor" in raw else ()
    if parties is None and not actor:
        raise ValueError(f"event {number}: an event needs an actor")
    return Expected(category, actor, _parties(raw["recipient"], "recipient") if "recipient" in raw else (),
                    parties, raw.get("cameo"), raw.get("mode"), raw.get("date"), raw.get("date_precision"))


def parse_entry(line: str, number: int, path: Path = CORPUS) -> Entry:
    """One corpus line; a bad line raises CorpusError naming the file, line and entry."""
    where = f"{path.name}:{number}"
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: invalid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: a line must be a JSON object")
    where += f" ({raw.get('id', 'no id')})"
    try:
        unknown = set(raw) - ENTRY_KEYS
        if unknown:
            raise ValueError(f"unknown field(s) {sorted(unknown)}")
        for key in ("id", "kind", "text"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise ValueError(f"{key} must be a non-empty string")
        if not isinstance(raw.get("events"), list):
            raise ValueError("events must be a list ([] for a sentence with no event)")
        status = raw.get("status")
        if status is not None and status not in STATUSES:
            raise ValueError(f"status must be one of {sorted(STATUSES)}")
        if status and not (isinstance(raw.get("reason"), str) and raw["reason"].strip()):
            raise ValueError("a known-miss needs a one-line reason")
        published = date.fromisoformat(raw["published"]) if raw.get("published") else None
        events = tuple(_expected(e, i) for i, e in enumerate(raw["events"], start=1))
    except (ValueError, TypeError, KeyError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        raise CorpusError(f"{where}: {message}") from None
    return Entry(number, raw["id"], raw["kind"], raw["text"], published, events, status, raw.get("reason"))


def load_corpus(path: Path = CORPUS) -> list[Entry]:
    entries, seen = [], {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        entry = parse_entry(line, number, path)
        if entry.id in seen:
            raise CorpusError(f"{path.name}:{number}: id {entry.id!r} is already used on line {seen[entry.id]}")
        seen[entry.id] = number
        entries.append(entry)
    return entries


# ----------------------------------------------------------------------------- comparing


def pair_events(expected: tuple[Expected, ...], coded: list[Event]) -> tuple[list[Expected], list[Event]]:
    """Pair expected and coded events one to one (maximum matching); return the unpaired of each side."""
    owner: dict[int, int] = {}  # coded index -> expected index

    def claim(i: int, seen: set[int]) -> bool:
        for j, event in enumerate(coded):
            if j not in seen and expected[i].matches(event):
                seen.add(j)
                if j not in owner or claim(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    paired = {i for i in range(len(expected)) if claim(i, set())}
    return ([x for i, x in enumerate(expected) if i not in paired],
            [e for j, e in enumerate(coded) if j not in owner])


def describe(e: Event) -> str:
    def side(entities: list[Entity]) -> str:
        return "+".join(f"{x.code}/{x.sector or '-'}" + (f" ({x.name})" if x.name else "") for x in entities) or "(none)"

    when = f"{e.date.isoformat() if e.date else '?'}/{e.date_precision}"
    mode = f" mode={e.mode}" if e.mode else ""
    return (f"{e.event} {e.cameo}{mode}  {side(e.actor)} -> {side(e.recipient)}  date={when}"
            f"  trigger {e.trigger.text!r}")


def diff_message(entry: Entry, missing: list[Expected], extra: list[Event], coded: list[Event]) -> str:
    lines = [f"corpus entry {entry.id} (events.jsonl line {entry.line}, kind {entry.kind})",
             f"  text: {entry.text}"]
    if entry.published:
        lines.append(f"  published: {entry.published.isoformat()}")
    if missing:
        lines.append("  MISSING (expected, not coded):")
        lines += [f"    - {x}" for x in missing]
    if extra:
        lines.append("  EXTRA (coded, not expected):")
        lines += [f"    + {describe(e)}" for e in extra]
    lines.append("  all coded events:" if coded else "  the coder gave no event")
    lines += [f"      {describe(e)}" for e in coded]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------- tests


def _params():
    params = []
    for entry in load_corpus():
        marks = []
        if entry.status == "known-miss":
            marks.append(pytest.mark.xfail(
                strict=True, raises=pytest.fail.Exception,
                reason=f"known miss: {entry.reason} (if this passes, remove the status from events.jsonl line "
                       f"{entry.line})"))
        params.append(pytest.param(entry, id=entry.id, marks=marks))
    return params


@pytest.mark.parametrize("entry", _params())
def test_corpus_entry(entry: Entry):
    from communique.pipeline import code_text

    coded = code_text(entry.text, published=entry.published, doc_id=entry.id)
    missing, extra = pair_events(entry.events, coded)
    if missing or extra:
        pytest.fail(diff_message(entry, missing, extra, coded), pytrace=False)


def test_corpus_is_well_formed_and_covers_every_category():
    entries = load_corpus()
    assert len(entries) >= 150
    covered = {x.event for entry in entries for x in entry.events}
    assert covered == set(PLOVER_CATEGORIES), sorted(set(PLOVER_CATEGORIES) - covered)
    assert any(not entry.events for entry in entries)  # sentences that must give no event


@pytest.mark.parametrize("line, message", [
    ('{"id": "x", "kind": "k", "text": "t", "events": [{"event": "MEET", "actor": "KEN", "recipient": []}]}',
     r"events.jsonl:4 \(x\): event 1: 'MEET' is not a PLOVER category"),
    ('{"id": "x", "kind": "k", "text": "t", "events": [{"event": "AGREE", "actor": "Kenya", "recipient": []}]}',
     r"events.jsonl:4 \(x\): party 'Kenya': the code must be three capital letters"),
    ('{"id": "x", "kind": "k", "text": "t", "events": [{"event": "AGREE", "actor": "KEN"}]}',
     r"actor and recipient are both required"),
    ('{"id": "x", "kind": "k", "text": "t", "events": [], "status": "known-miss"}',
     r"a known-miss needs a one-line reason"),
    ('{"id": "x", "kind": "k", "text": "t", "events": [], "note": "n"}', r"unknown field\(s\) \['note'\]"),
    ('{"id": "x", "kind": "k", "text": "t", "events": [{"event": "AGREE", "cameo": "999", "actor": "KEN", '
     '"recipient": []}]}', r"events.jsonl:4 \(x\): .*999"),
    ('{"id": "x"', r"events.jsonl:4: invalid JSON"),
])
def test_a_bad_corpus_line_names_the_line_and_the_problem(line, message):
    with pytest.raises(CorpusError, match=message):
        parse_entry(line, 4)


def _event(category: str, actor: list[Entity], recipient: list[Entity], when: Optional[date] = None) -> Event:
    from communique.model import Trigger

    return Event("t", category, "040", actor, recipient, Trigger("x", 0, 1), "x", 0, date=when,
                 date_precision="day" if when else "published")


def test_pairing_reports_missing_and_extra_events_and_reciprocal_parties():
    ken, tza = Entity("Kenya", "KEN", "GOV"), Entity("Tanzania", "TZA", "GOV")
    police = Entity("police", "KEN", "COP")
    meeting = _expected({"event": "CONSULT", "parties": ["KEN", "TZA"]}, 1)
    # A reciprocal event matches either split of its parties, or all of them as the actor.
    for coded in ([ken], [tza]), ([tza], [ken]), ([ken, tza], []):
        assert pair_events((meeting,), [_event("CONSULT", *coded)]) == ([], [])
    assert pair_events((meeting,), [_event("CONSULT", [ken], [])])[0] == [meeting]
    # Sectors and dates are checked where given; a second identical event is an extra.
    arrest = _expected({"event": "COERCE", "actor": "KEN/COP", "recipient": [], "date": "2024-03-04"}, 1)
    right = _event("COERCE", [police], [], date(2024, 3, 4))
    assert pair_events((arrest,), [right]) == ([], [])
    assert pair_events((arrest,), [_event("COERCE", [ken], [], date(2024, 3, 4))])[0] == [arrest]
    assert pair_events((arrest,), [_event("COERCE", [police], [], date(2024, 3, 5))])[0] == [arrest]
    missing, extra = pair_events((arrest,), [right, right])
    assert missing == [] and extra == [right]
    message = diff_message(load_corpus()[0], [arrest], [right], [right])
    assert "MISSING" in message and "EXTRA" in message and "COERCE" in message
