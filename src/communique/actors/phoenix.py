"""The actor tables derived from the PETRARCH-2 / Phoenix dictionaries, and which of their rows are used.

``tools/petrarch/actors.py`` derives these tables from ``third_party/petrarch2/`` (MIT license);
every row ends with the source file and line it came from:

- ``phoenix_people.tsv``: one row per dated role of a person (``AFG GOV 2002-06-02 .. 2004-12-15``)
  or the person's undated default role (no days: it holds whenever no dated role does);
- ``phoenix_organizations.tsv``: national institutions, international bodies, NGOs, companies;
- ``phoenix_armed_groups.tsv``: armed non-state groups (a country and REB, or IMG across borders);
- ``phoenix_agents.tsv``: sector nouns ("gendarmes" -> COP), plural forms included;
- ``phoenix_discards.tsv``: phrases that mark a sentence, or a whole story, as not political;
- ``phoenix_country_names.tsv``: other names, adjectives, cities and regions of each country,
  used as a place standing for its country ("Mosul" -> IRQ, no sector; "in Mosul" is a place).

The knowledge base (:mod:`.knowledge`) merges them *under* the hand-written tables: a name a
hand-written table lists, under any kind, is never taken from a derived table, and a person the
hand-written office holders know is left out of the derived people whole. Which kinds are used,
and which rows of a kind, was decided by measuring each import on the development sets (README,
"Accuracy"); the rules here are rules for kinds of rows, each with the reason it exists.

``COMMUNIQUE_PHOENIX`` (environment) chooses the kinds: a comma list of :data:`KINDS`, ``all`` or
``none``; unset, :data:`DEFAULT_KINDS`. It exists to measure the imports one by one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ..knowledge.codes import NON_STATE_CODES, SECTORS
from ..knowledge.tables import read_table
from .records import KnowledgeError, OfficeHolder, Organization, SectorTerm

KINDS = ("people", "organizations", "armed_groups", "agents", "country_names", "discards")
# The kinds kept by measurement (README, "The field's dictionaries"): people (they correct the
# country of named people, which no development figure scores), bodies and sector nouns (recall up
# on the real sentences and the blind articles), armed groups without the ones named after a date
# ("May 15": manual-style sentences 0.782 -> 0.792 triple F1, the other sets unchanged; with the
# date names, a date was coded as a group). Country names (cities and rivers as parties) and
# discards (events lost on every set) cost more than they gave; COMMUNIQUE_PHOENIX=all uses them.
DEFAULT_KINDS = frozenset({"people", "organizations", "agents", "armed_groups"})
PEOPLE = "phoenix_people.tsv"
ORGANIZATIONS = "phoenix_organizations.tsv"
ARMED_GROUPS = "phoenix_armed_groups.tsv"
AGENTS = "phoenix_agents.tsv"
DISCARDS = "phoenix_discards.tsv"
COUNTRY_NAMES = "phoenix_country_names.tsv"
BODY_COLUMNS = ("id", "code", "sector", "name", "aliases", "source")
DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Discard:
    """A phrase that marks a sentence (or with ``scope`` "story", the whole story) as not political."""

    phrase: str  # lower case, words separated by one blank
    scope: str  # sentence | story
    whole_word: bool  # else the last word is a stem: "championship" matches "champion"
    source: str


@lru_cache(maxsize=None)
def kinds() -> frozenset[str]:
    """The kinds of derived rows in use (``COMMUNIQUE_PHOENIX``, else :data:`DEFAULT_KINDS`)."""
    value = os.environ.get("COMMUNIQUE_PHOENIX")
    if value is None:
        return DEFAULT_KINDS
    words = {w.strip() for w in value.lower().split(",") if w.strip()}
    if words == {"all"}:
        return frozenset(KINDS)
    if words <= {"none", ""}:
        return frozenset()
    unknown = words - set(KINDS)
    if unknown:
        raise KnowledgeError(f"COMMUNIQUE_PHOENIX: unknown kinds {sorted(unknown)} (known: {', '.join(KINDS)})")
    return frozenset(words)


def _present(filename: str, folder: Path) -> bool:
    return (folder / filename).exists()


def _fields(filename: str, columns: tuple[str, ...], folder: Path):
    """(line, fields as written) of a derived table, through the package's one table reader."""
    for row in read_table(folder / filename, columns, label=filename, error=KnowledgeError):
        yield row.line, row.fields


def _rows(filename: str, columns: tuple[str, ...], folder: Path):
    """(line, fields by column name) of a derived table."""
    for number, fields in _fields(filename, columns, folder):
        yield number, dict(zip(columns, fields))


def _check(condition: bool, filename: str, number: int, message: str) -> None:
    if not condition:
        raise KnowledgeError(f"{filename}:{number}: {message}")


def _date(value: str, filename: str, number: int) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeError(f"{filename}:{number}: bad date {value!r} (want YYYY-MM-DD)") from None


def _split(value: str) -> list[str]:
    return [a.strip() for a in value.split(";") if a.strip()]


def fold(text: str) -> str:
    """The form names are compared in: lower case, single blanks."""
    return " ".join(text.lower().split())


# ---------------------------------------------------------------------------- people

class DerivedPeople:
    """The derived people in use: each name (case-folded) with the people it names, and each
    person's roles, made into :class:`OfficeHolder` records when first looked up (the table holds
    ~27,000 roles, most never named by a given corpus)."""

    def __init__(self, names: list[tuple[str, str]], rows: dict[str, list[tuple]]):
        self.names = tuple(names)  # (alias as written, person id)
        self.by_name: dict[str, tuple[str, ...]] = {}
        for alias, person in names:
            ids = self.by_name.get(fold(alias), ())
            if person not in ids:
                self.by_name[fold(alias)] = ids + (person,)
        self._rows = rows
        self._roles: dict[str, tuple[OfficeHolder, ...]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def roles(self, person: str) -> tuple[OfficeHolder, ...]:
        if person not in self._roles:
            self._roles[person] = tuple(OfficeHolder(person, *row) for row in self._rows[person])
        return self._roles[person]

    def terms(self, name: str) -> tuple[OfficeHolder, ...]:
        """Every role of everyone a name (any case) names."""
        return tuple(r for person in self.by_name.get(fold(name), ()) for r in self.roles(person))


def people(valid_codes: frozenset[str], hand_surfaces: frozenset[str], hand_people: Iterable[Iterable[str]],
           folder: Path = DATA_DIR) -> DerivedPeople:
    """The derived people that the coder uses.

    Left out, by kind: a person any of whose names is a hand-written office holder's, or who shares
    first and last name with one ("Ashraf Ghani" when the table knows "Mohammad Ashraf Ghani"),
    since the hand-written terms are checked and current; a name any hand-written table gives to
    anything (a country, a body, a title); a one-word name ("Khodaidad", "Abdullah", "Pentagon")
    unless it is the surname of one of the person's full names and no other derived person's
    ("Mubarak"): a first name or a lone word is more often someone or something else."""
    if "people" not in kinds() or not _present(PEOPLE, folder):
        return DerivedPeople([], {})
    hand_pairs = {(words[0], words[-1]) for aliases in hand_people for alias in aliases
                  if len(words := fold(alias).split()) > 1}
    rows: dict[str, list[tuple]] = {}
    cells: dict[str, str] = {}  # id -> its aliases cell (one person's rows share it)
    for number, (person, name, aliases, country, sector, first, last, source) in _fields(
            PEOPLE, ("id", "name", "aliases", "country", "sector", "start", "end", "source"), folder):
        _check(country in valid_codes, PEOPLE, number, f"unknown country code {country!r}")
        _check(not sector or sector in SECTORS, PEOPLE, number, f"unknown sector {sector!r}")
        start = _date(first, PEOPLE, number) if first else date.min
        end = _date(last, PEOPLE, number) if last else None
        _check(end is None or end > start, PEOPLE, number, "role ends before it starts")
        cells[person] = aliases
        rows.setdefault(person, []).append((name, (), country, sector or None, "", start, end, not first, source))
    folded = {person: [(a, fold(a).split()) for a in _split(cell)] for person, cell in cells.items()}
    surname_of: dict[str, set[str]] = {}  # last word of a full name -> ids of the people with it
    known_elsewhere: set[str] = set()
    for person, names in folded.items():
        for _, words in names:
            if len(words) > 1:
                surname_of.setdefault(words[-1], set()).add(person)
            if " ".join(words) in hand_surfaces or (len(words) > 1 and (words[0], words[-1]) in hand_pairs):
                known_elsewhere.add(person)
    kept: list[tuple[str, str]] = []
    kept_rows: dict[str, list[tuple]] = {}
    for person, names in folded.items():
        if person in known_elsewhere:
            continue
        aliases = tuple(a for a, words in names if len(words) > 1 or (
            words and words[0] not in hand_surfaces and surname_of.get(words[0]) == {person}))
        if aliases:
            kept += [(a, person) for a in aliases]
            kept_rows[person] = [(r[0], aliases, *r[2:]) for r in rows[person]]
    return DerivedPeople(kept, kept_rows)


# ---------------------------------------------------------------------------- bodies

def bodies(valid_codes: frozenset[str], hand_surfaces: frozenset[str], sector_phrases: frozenset[str],
           folder: Path = DATA_DIR) -> tuple[Organization, ...]:
    """The derived organisations and armed groups that the coder uses.

    Left out, by kind: names any hand-written table lists (the hand-written row wins); names that
    are sector nouns ("army", "police"), which the coder reads as sectors of the country named
    with them; a name two derived bodies of different codes share, which no article can decide."""
    wanted = [(f, k) for f, k in ((ORGANIZATIONS, "organizations"), (ARMED_GROUPS, "armed_groups"))
              if k in kinds() and _present(f, folder)]
    rows = [(f, n, row) for f, _ in wanted for n, row in _rows(f, BODY_COLUMNS, folder)]
    codes_by_alias: dict[str, set[str]] = {}
    for _, _, row in rows:
        for alias in _split(row["aliases"]):
            codes_by_alias.setdefault(fold(alias), set()).add(row["code"])
    out = []
    for filename, number, row in rows:
        _check(row["code"] in valid_codes or row["code"] in NON_STATE_CODES, filename, number,
                  f"unknown code {row['code']!r}")
        _check(not row["sector"] or row["sector"] in SECTORS, filename, number, f"unknown sector {row['sector']!r}")
        aliases = tuple(a for a in _split(row["aliases"])
                        if fold(a) not in hand_surfaces and fold(a) not in sector_phrases
                        and len(codes_by_alias[fold(a)]) == 1 and not _names_a_date(a))
        if aliases:
            out.append(Organization(row["id"], row["code"], row["sector"] or None, row["name"], aliases,
                                    source=row["source"]))
    return tuple(out)


MONTHS = frozenset("january february march april may june july august september october november december".split())


def _names_a_date(alias: str) -> bool:
    """ "May 15", "17 November", "2 June": a group named after a date, whose name is far more often a
    date in the news than the group."""
    words = alias.lower().split()
    return len(words) == 2 and any(w in MONTHS for w in words) and any(w.isdigit() for w in words)


# ---------------------------------------------------------------------------- sector nouns, discards

# Words that end a derived pattern which needs more words after it ("ambassador to", "embassy in").
OPEN_ENDS = frozenset({"to", "in", "of", "for", "from", "at", "on", "with", "the", "a", "an", "and"})


def agents(hand_phrases: frozenset[str], folder: Path = DATA_DIR) -> tuple[SectorTerm, ...]:
    """The derived sector nouns in use, as groups ("gendarmes"): they name an actor only with a
    country, body or place next to them ("Malian gendarmes").

    Left out, by kind: a phrase that holds a hand-written phrase ("former president", "federal
    police", "army reservists": the hand-written title or noun inside decides, and title rules
    resolve its holder); a pattern that begins with an article or ends in a preposition ("the
    court", "embassy in"), which PETRARCH completes with words this table does not have; religious
    nouns ("Muslim", "Christians"), mostly adjectives of other nouns in news, which cost on the
    CAMEO-manual sentences and gained nothing elsewhere; crowds and dissidents (OPP: "rioters",
    "activists"), whom the events stage reads as the crowd of a place itself."""
    if "agents" not in kinds() or not _present(AGENTS, folder):
        return ()
    out = []
    for number, row in _rows(AGENTS, ("phrase", "sector", "source"), folder):
        _check(row["sector"] in SECTORS, AGENTS, number, f"unknown sector {row['sector']!r}")
        words = fold(row["phrase"]).split()
        if not words or words[0] in ("the", "a", "an") or words[-1] in OPEN_ENDS or row["sector"] in ("REL", "OPP"):
            continue
        inside = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        if not inside & hand_phrases:
            out.append(SectorTerm(" ".join(words), row["sector"], "group", False, None, source=row["source"]))
    return tuple(out)


# Words of a chronology marker ("1990", "years ago", "months later").
TIME_WORDS = frozenset({"ago", "later", "earlier", "years", "months", "weeks", "days"})


def discards(folder: Path = DATA_DIR) -> tuple[Discard, ...]:
    """The discard phrases in use.

    Left out, by kind: chronology markers, a year ("1990") or a span of time ("years ago", "months
    later"), with which PETRARCH kept historical chronologies out: the coder dates each event and
    marks background itself, and a year says nothing about whether a sentence is political."""
    if "discards" not in kinds() or not _present(DISCARDS, folder):
        return ()
    out = []
    for number, row in _rows(DISCARDS, ("phrase", "scope", "whole_word", "source"), folder):
        _check(row["scope"] in ("sentence", "story"), DISCARDS, number, "scope must be sentence or story")
        _check(row["whole_word"] in ("yes", "no"), DISCARDS, number, "whole_word must be yes or no")
        words = fold(row["phrase"]).split()
        if all(w.isdigit() or w in TIME_WORDS for w in words):
            continue
        out.append(Discard(" ".join(words), row["scope"], row["whole_word"] == "yes", row["source"]))
    return tuple(out)


def country_names(valid_codes: frozenset[str], hand_surfaces: frozenset[str],
                  folder: Path = DATA_DIR) -> tuple[tuple[str, str], ...]:
    """(name, code) of the derived country names in use: those no hand-written table lists."""
    if "country_names" not in kinds() or not _present(COUNTRY_NAMES, folder):
        return ()
    out = []
    for number, row in _rows(COUNTRY_NAMES, ("phrase", "code", "source"), folder):
        _check(row["code"] in valid_codes, COUNTRY_NAMES, number, f"unknown country code {row['code']!r}")
        if fold(row["phrase"]) not in hand_surfaces:
            out.append((row["phrase"], row["code"]))
    return tuple(out)


@lru_cache(maxsize=None)
def place_names(folder: Path = DATA_DIR) -> dict[str, str]:
    """Folded name -> country code of every derived country name (towns, provinces, regions), whatever
    kinds are in use as actors: read only to tell whose a place the text names is ("in Helmand
    province"), never to make a party of the name."""
    if not _present(COUNTRY_NAMES, folder):
        return {}
    return {fold(row["phrase"]): row["code"] for _, row in _rows(COUNTRY_NAMES, ("phrase", "code", "source"), folder)}


def best_role(terms: Iterable[OfficeHolder], on: Optional[date]) -> tuple[OfficeHolder, ...]:
    """The roles that hold on a day: the dated ones covering it, else the undated default roles of
    derived people; without a day, all of them."""
    terms = tuple(terms)
    if on is None:
        return terms
    dated = tuple(t for t in terms if not t.default and t.holds_on(on))
    return dated or tuple(t for t in terms if t.default)
