"""The frozen records of the actor knowledge base, shared by the hand-written and derived tables.

:class:`Country`, :class:`Metonym` (a capital standing for a government), :class:`Organization`,
:class:`SectorTerm` (a sector noun or title) and :class:`OfficeHolder` (one term or role of one
person). Records are built once when a table is loaded and never changed; a bad line of a table
raises :class:`KnowledgeError` (``file:line: what is wrong``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional


class KnowledgeError(ValueError):
    """A data file has a bad line."""


@dataclass(frozen=True)
class Country:
    code: str
    name: str

    @property
    def id(self) -> str:
        return f"country:{self.code}"


@dataclass(frozen=True)
class Metonym:
    """A capital or seat of government standing for a government ("Beijing", "the Pentagon")."""

    alias: str
    code: str
    sector: Optional[str]
    kind: str  # capital | seat | region (a derived name: a city, a region, another name of the country)


@dataclass(frozen=True)
class Organization:
    id: str
    code: str
    sector: Optional[str]
    name: str
    aliases: tuple[str, ...]
    source: str = ""  # file:line of a derived row


@dataclass(frozen=True)
class SectorTerm:
    """A sector noun or title: "police" (COP group), "foreign minister" (GOV title)."""

    phrase: str
    sector: Optional[str]  # None: inherit from the word before it, else GOV; "-": not an actor
    role: str  # title | group
    alone: bool  # names an actor without a country, body or name next to it
    office: Optional[str]
    source: str = ""  # file:line of a derived row

    @property
    def blocks(self) -> bool:
        return self.sector == "-"


@dataclass(frozen=True)
class OfficeHolder:
    """One term of office of one person (hand-written table), or one role of a person of the
    derived Phoenix table, which has no office (``office`` empty) and may be the person's undated
    ``default`` role: the one that holds on any day no dated role covers."""

    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: Optional[str]
    office: str
    start: date
    end: Optional[date]  # exclusive; None = still in office
    default: bool = False
    source: str = ""  # file:line of a derived row

    def holds_on(self, day: date) -> bool:
        return self.default or (self.start <= day and (self.end is None or day < self.end))
