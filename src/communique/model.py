"""The one data model every stage shares.

A document flows one way through the pipeline:
``Document`` (ingest) -> ``ActorMention`` (actors) -> ``Event`` (events, dates, places).
``Event.to_record()`` gives the JSON object of the output contract
(see docs/event-record.md in the shared docs); its field names never change.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Optional

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass
class Document:
    """One input article: the body text with any leading date line removed."""

    id: str
    text: str
    published: Optional[date] = None
    url: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None
    origin: Optional[str] = None  # file (and line) it was read from, for error messages
    dateline_place: Optional[str] = None  # "TOKYO" of "TOKYO, Nov. 25 (Xinhua) --"
    dateline_date: Optional[date] = None  # the date a wire dateline states
    dateline_end: int = 0  # offset in ``text`` where a wire dateline ends (0: none); its date is no event's

    def __post_init__(self) -> None:
        # JSON can carry what no text may hold: lone UTF-16 surrogates ("\ud800"), which cannot
        # be encoded (to hash, parse or store), and NUL, which PostgreSQL text refuses. Each
        # becomes U+FFFD, one character for one, so that offsets into the text stay right.
        for name in ("id", "text", "url", "title", "source", "origin"):
            value = getattr(self, name)
            if isinstance(value, str) and _UNSTORABLE.search(value):
                setattr(self, name, _UNSTORABLE.sub("\ufffd", value))

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entity:
    """An actor or recipient: who, resolved to a country/body, sector and (maybe) a person.

    Frozen: an entity, once emitted, is never changed; a stage that knows better makes a
    corrected copy with ``dataclasses.replace``."""

    text: str
    code: Optional[str]  # ISO alpha-3, or IGO / NGO / MNC / IMG (knowledge/codes.py)
    sector: Optional[str] = None  # GOV, MIL, COP, REB, ...
    name: Optional[str] = None  # canonical name: "Wang Yi", "United Nations"
    id: Optional[str] = None  # knowledge-base id where known
    start: int = 0  # character offsets into Document.text
    end: int = 0

    def to_record(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True)
class ActorMention:
    """A resolved actor mention found in a sentence (output of the actors stage).

    ``root`` is the index (in the spaCy Doc) of the head token of the mention, which the
    event rules use to attach mentions to triggers via the dependency parse.

    ``kind`` says what named the actor (the actors stage's docstring has examples):
    ``country``, ``capital`` (a capital or seat of government), ``igo`` (a body coded IGO,
    NGO, MNC or IMG), ``group`` (a named national organisation), ``sector`` (a sector noun),
    ``person``, ``title`` (a bare title), ``pronoun``, ``compound`` (several actors in one
    phrase), ``place`` (a country or capital used as a location: not an actor),
    ``modifier`` (a name that only modifies a noun that is no actor); and, made by the
    events stage, ``implicit`` (the actor's own state as an unnamed recipient, or a crowd
    given the country of the place it is in) and ``unnamed`` (a noun phrase in an actor's or
    recipient's place that no table names: code None, see ``actors/unnamed.py``). Frozen, like
    :class:`Entity`; its ``entities`` list is never changed after the mention is emitted.
    """

    entities: list[Entity]
    token_start: int
    token_end: int  # exclusive
    root: int
    kind: str = "country"  # one of the thirteen kinds above


@dataclass
class Trigger:
    text: str
    start: int
    end: int


@dataclass
class Location:
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass
class Event:
    doc: str
    event: str  # PLOVER category
    cameo: str
    actor: list[Entity]
    recipient: list[Entity]
    trigger: Trigger
    text: str
    sentence: int
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)
    quad_class: int = 0
    goldstein: float = 0.0
    date: Optional[date] = None
    date_precision: str = "published"  # day | week | month | year | published (fell back to it)
    published: Optional[date] = None
    location: Optional[Location] = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    confidence: float = 0.5
    rule: Optional[str] = None  # the data line that proposed the event ("events/data/triggers.tsv line 12")
    # A party no table names in the recipient's grammatical place: the recipient if the story names none.
    unnamed_recipient: list[Entity] = field(default_factory=list, repr=False, compare=False)

    @property
    def id(self) -> str:
        """Stable id: same document, trigger, category and arguments give the same id."""
        key = "|".join([
            self.doc, self.event, self.cameo, str(self.trigger.start), str(self.trigger.end),
            ",".join(f"{e.code}:{e.start}" for e in self.actor),
            ",".join(f"{e.code}:{e.start}" for e in self.recipient),
        ])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc": self.doc,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "published": self.published.isoformat() if self.published else None,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "actor": [e.to_record() for e in self.actor],
            "recipient": [e.to_record() for e in self.recipient],
            "trigger": _flat_dict(self.trigger),
            "text": self.text,
            "sentence": self.sentence,
            "location": _flat_dict(self.location) if self.location else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "historical": self.historical,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
        }


def _flat_dict(obj) -> dict[str, Any]:
    """``asdict`` of a dataclass whose fields are plain values (Entity, Trigger, Location),
    without asdict's deep copies: storing a million events spent most of its time there."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return {name: getattr(obj, name) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


@dataclass
class CodingError:
    """A document that could not be read or coded; batches record it and go on."""

    origin: str  # file and line / record
    message: str
    doc: Optional[str] = None

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 reaches Python with surrogates ("\udcff"): shown as U+FFFD.
        for name in ("origin", "message", "doc"):
            value = getattr(self, name)
            if isinstance(value, str) and _UNSTORABLE.search(value):
                setattr(self, name, _UNSTORABLE.sub("\ufffd", value))

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"
