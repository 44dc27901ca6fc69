"""What an article has said so far, and which country it is about.

:class:`ArticleMemory` is filled in text order by the resolver: people named so far (for
surnames, bare titles, "he"/"she"), how often each country was named, the last pair of
countries named together ("the two sides"), and the countries named with nouns such as "junta"
or "administration" (for a later bare "the junta"). Its records are frozen: once remembered, a
person's entity changes only by being replaced (:meth:`ArticleMemory.replace_entity`).

:func:`main_country` decides the country a sector noun or title with no country of its own
belongs to, from the table matches of the whole article and its dateline.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Optional

from ..knowledge.codes import NON_STATE_CODES
from ..model import Document, Entity
from . import knowledge
from .lexicon import COUNTRY, DEMONYM, METONYM, ORG, PERSON, UNLISTED, LexMatch

# Nouns for a government that a later bare noun of the same kind refers back to: "Myanmar's military
# government ... the junta". "The government" is left out: bare, it is nearly always the story's own
# country's even after a foreign government was named ("the U.S. government said ... the government").
# So is a state's one navy, air force, coast guard or military ("South Korea's coast guard ... the coast guard
# released"), when it is the head of the later phrase ("coast guard ships from the Philippines and Japan" are not).
FORCE_BODIES = frozenset({"navy", "air force", "coast guard", "military"})
COREFERENT_BODIES = {
    **dict.fromkeys(("junta", "military junta", "ruling junta", "military government", "military regime",
                     "military rulers", "regime"), "junta"),
    "administration": "administration",
    **dict.fromkeys(("authorities", "local authorities", "de facto authorities"), "authorities"),
    **{body: body for body in FORCE_BODIES},
}


def short_names(parts: list[str]) -> set[str]:
    """The words a person named in full is called by later: the last word; the first where it may be
    a family name written first (Chinese and Korean usage: "Wang Yi" -> "Wang", "Kim Jong Un" -> "Kim",
    a three-part name whose two given-name syllables are short)."""
    keys = {parts[-1]}
    if len(parts) == 2 or (len(parts) == 3 and all(p.isalpha() and p.istitle() and len(p) <= 4 for p in parts[1:])):
        keys.add(parts[0])
    return keys


@dataclass(frozen=True)
class PersonRecord:
    """A person the article has named, for surnames, titles and pronouns later on."""

    entity: Entity
    offices: set[str]
    token: int
    sentence: int
    subject: bool


class ArticleMemory:
    """What the article has said so far, in text order."""

    def __init__(self, published: Optional[date], main_country: Optional[str], home_country: Optional[str] = None):
        self.published = published
        self.main_country = main_country
        # The country a title with no country of its own holds office in ("Foreign Secretary X said"):
        # the dateline's, when the story is filed from a country's capital, else the main country.
        self.title_country = home_country or main_country
        self.people: list[PersonRecord] = []
        self.by_name: dict[str, Entity] = {}  # full name, surname, given name -> latest entity
        self.country_counts: Counter[str] = Counter()
        self.last_pair: Optional[tuple[str, str]] = None
        self.last_groups: dict[int, tuple[str, ...]] = {}  # size -> the latest list of that many states
        self.bodies: dict[str, list[str]] = {}  # coreference class -> countries named with it, in order

    def remember_person(self, entity: Entity, name_text: Optional[str], offices: set[str], token: int,
                        sentence: int, subject: bool) -> None:
        self.people.append(PersonRecord(entity, offices, token, sentence, subject))
        if name_text:
            for key in {name_text} | short_names(name_text.split()):
                self.by_name[key] = entity

    def replace_entity(self, old: Entity, new: Entity) -> None:
        """A person learned more about later ("Wang Yi, China's foreign minister"): every record
        that holds ``old`` holds ``new`` from now on. Records are replaced, never changed."""
        self.people = [replace(r, entity=new) if r.entity is old else r for r in self.people]
        self.by_name = {key: new if value is old else value for key, value in self.by_name.items()}

    def remember_countries(self, entities: list[Entity]) -> None:
        codes = [e.code for e in entities if e.code and e.code in knowledge.countries()]
        self.country_counts.update(codes)
        distinct = list(dict.fromkeys(codes))
        if len(distinct) == 2:
            self.last_pair = (distinct[0], distinct[1])

    def remember_group(self, entities: list[Entity]) -> None:
        """A list of three or more states ("Mexico, Argentina, Bolivia and Colombia"), also as places
        ("its ambassadors in ..."), that a later "the four governments" refers to."""
        if len(entities) < 3:
            return
        distinct = tuple(dict.fromkeys(e.code for e in entities if e.code and e.code in knowledge.countries()))
        if len(distinct) > 2:
            self.last_groups[len(distinct)] = distinct

    def group(self, size: int) -> Optional[tuple[str, ...]]:
        """The states of "the two sides" (``size`` 2) or "the three countries"."""
        return self.salient_pair() if size == 2 else self.last_groups.get(size)

    def remember_body(self, phrase: str, code: Optional[str]) -> None:
        """ "Myanmar's military government": a later bare "the junta" ("junta supporters") may mean Myanmar's."""
        kind = COREFERENT_BODIES.get(phrase)
        if kind and code in knowledge.countries():
            self.bodies.setdefault(kind, []).append(code)

    def body_country(self, phrase: str) -> Optional[str]:
        """The country a bare "the junta" / "the regime" / "the administration" / "the authorities"
        refers to: one the article named with a noun of the same kind; the main country if it was
        one of them (a story about Niger that mentions "Mali's junta" once still means Niger's by
        "the junta"), else the latest."""
        codes = self.bodies.get(COREFERENT_BODIES.get(phrase, ""))
        if not codes:
            return None
        return self.main_country if self.main_country in codes else codes[-1]

    def salient_pair(self) -> Optional[tuple[str, str]]:
        if self.last_pair:
            return self.last_pair
        top = self.country_counts.most_common(2)
        return (top[0][0], top[1][0]) if len(top) == 2 else None

    def person_with_office(self, office: str, code: Optional[str]) -> Optional[Entity]:
        for record in reversed(self.people):
            if code and record.entity.code != code:
                continue
            if any(_office_fits(office, held) for held in record.offices):
                return record.entity
        return None


def _office_fits(wanted: str, held: str) -> bool:
    """ "the minister" fits a foreign minister; "the foreign minister" fits only that office."""
    return wanted == held or (" " not in wanted and wanted in held.split())


def main_country(document: Document, pieces: list[LexMatch]) -> Optional[str]:
    """The country the article is about, which a sector noun or title with no country of its own
    belongs to ("Officers detained six suspects", "the government", "police fired tear gas").

    Each naming of a country counts (by name, demonym or capital, and through a national group or a
    known office holder: "the ELN", "Petro" count for Colombia); the dateline's country (a country, a
    capital, or a city the gazetteer knows: "LAHORE" -> PAK) counts once more. The main country is
    the one counted strictly more often than any other: a HAVANA dateline over talks between
    Colombia's government and the ELN leaves Colombia the main country. None when two or more
    countries are counted equally often, or when the article names none.
    """
    counts = country_counts(pieces)
    if document.dateline_place:
        code = _dateline_country(document.dateline_place, counts)
        if code:
            counts[code] += 1
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def home_country(document: Document, pieces: list[LexMatch], lead_end: Optional[int] = None) -> Optional[str]:
    """The country whose capital (or name) the dateline gives ("MANILA, March 26 -- ..."), if the
    story's lead paragraph (``lead_end``: the token it ends at) names it too: officials the story names by
    title alone are that country's, even where another country is named more often. A BEIRUT dateline
    over a story that never names Lebanon, or a NAIROBI dateline over a Somali lead that names Kenya only
    among the reactions, is where the agency writes from, not whose officials speak."""
    if not document.dateline_place:
        return None
    found = knowledge.country_by_name(document.dateline_place.title())
    lead = [p for p in pieces if lead_end is None or p.start < lead_end]
    return found.code if found and country_counts(lead).get(found.code) else None


def _dateline_country(place: str, counts: Counter[str]) -> Optional[str]:
    """A dateline's country: a country or capital always; any other city the gazetteer knows only
    if the article names its country too (a GENEVA or NEW YORK dateline over a story about Syria
    tells where the United Nations met, not whose the officials are)."""
    found = knowledge.country_by_name(place.title())
    if found:
        return found.code
    from ..knowledge.gazetteer import gazetteer, resolve_place  # the gazetteer: cities and regions
    location = resolve_place(place)
    if location is None or not location.country:
        return None
    capital = gazetteer().capital_of(location.country)  # "LIBREVILLE": a capital the tables lack
    if counts.get(location.country) or (capital is not None and capital.name == location.name):
        return location.country
    return None


def country_counts(pieces: list[LexMatch]) -> Counter[str]:
    """How often the article names each country, by name, demonym or capital (or a city or region
    of the derived tables)."""
    counts: Counter[str] = Counter()
    for piece in pieces:
        if piece.kind in (COUNTRY, DEMONYM):
            counts[piece.key] += 1
        elif piece.kind == METONYM:
            counts[knowledge.metonyms()[piece.key].code] += 1
        elif piece.kind == ORG and not piece.key.startswith(UNLISTED + "|") \
                and piece.key in knowledge.organizations():
            code = knowledge.organizations()[piece.key].code
            if code and code not in NON_STATE_CODES:
                counts[code] += 1
        elif piece.kind == PERSON:
            holder = knowledge.person_identity(piece.key)
            if holder is not None:
                counts[holder.country] += 1
    return counts

