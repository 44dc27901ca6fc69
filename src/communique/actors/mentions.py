"""Find and resolve the actor mentions of one parsed document.

The work goes in four steps, each a small function:

1. ``pieces``: table matches (``lexicon``) plus person names (spaCy PERSON entities, proper
   nouns after a title, and later surnames of people named earlier in the article).
2. ``units``: adjacent pieces that form one noun phrase ("Japanese | Foreign Minister |
   Toshimitsu Motegi", "Kenyan | police", "China | 's | foreign ministry").
3. ``chains``: units joined by "and" or commas that the parse links as conjuncts become one
   compound mention ("China and Japan", "Hungarian and Romanian officials"); "the foreign
   minister of Japan" takes its country from the "of" phrase.
4. resolution in text order with an article-level memory (:class:`ArticleMemory`): people
   named so far, the countries talked about, the last pair of countries; this resolves
   surnames, bare titles, "he"/"she" subjects and "the two sides".
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Optional

from spacy.tokens import Doc

from ..knowledge import english
from ..knowledge.codes import NON_STATE_CODES, STATE_SECTORS
from ..model import ActorMention, Document, Entity
from . import knowledge
from .lexicon import COUNTRY, DEMONYM, METONYM, ORG, PERSON, SECTOR, LexMatch, lexical_matches, pair_phrases

MODIFIER_KINDS = (COUNTRY, DEMONYM, METONYM, ORG)
# A country or capital that is the object of one of these prepositions is where something
# happened, not who did it ("talks in Geneva", "enterprises in Japan"); "at" and "into" often
# introduce a target ("fired at Saudi Arabia"), so they are not among them.
PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout", "within", "inside", "near", "outside", "around"})
LEADING_WORDS = frozenset({"the", "a", "an", "both", "all"})
# Dependency labels of a word that only modifies another noun ("China-Japan ties", "U.S. economy").
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
ROOT_DEP_PREFERENCE = ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "appos", "conj", "ROOT")
# Parts of a compound of names joined by hyphens are modifiers, never actors ("China-Japan-South Korea FTA").
HYPHENS = frozenset({"-", "–", "—"})
PRONOUNS = frozenset({"he", "she"})
# "asking him to agree to talks", "bundled him into a vehicle": a person named just before, other
# than the clause's own subject.
OBJECT_PRONOUNS = frozenset({"him", "her"})
OBJECT_PRONOUN_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})
# Nouns for a government that a later bare noun of the same kind refers back to: "Myanmar's military
# government ... the junta". "The government" is left out: bare, it is nearly always the story's own
# country's even after a foreign government was named ("the U.S. government said ... the government").
COREFERENT_BODIES = {
    **dict.fromkeys(("junta", "military junta", "ruling junta", "military government", "military regime",
                     "military rulers", "regime"), "junta"),
    "administration": "administration",
    **dict.fromkeys(("authorities", "local authorities", "de facto authorities"), "authorities"),
}
# Entity types of a proper noun after "in" that is no place ("in May", "in Russian"); NER calls
# some towns organisations, persons ("officials in Goma") or nothing at all, so those may be places.
NOT_PLACE_ENTITY_TYPES = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                                    "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT"})
PRONOUN_WINDOW = 2  # sentences back that "he"/"she" may reach


@dataclass
class Unit:
    """One noun phrase naming (part of) an actor."""

    start: int  # token span including a leading determiner
    end: int
    mods: list[LexMatch] = field(default_factory=list)  # countries, demonyms, capitals, bodies
    sectors: list[LexMatch] = field(default_factory=list)  # sector nouns and titles, in order
    person: Optional[LexMatch] = None

    @property
    def head_start(self) -> int:
        """First token after any leading determiner."""
        pieces = self.mods + self.sectors + ([self.person] if self.person else [])
        return min(p.start for p in pieces)


@dataclass
class PersonRecord:
    """A person the article has named, for surnames, titles and pronouns later on."""

    entity: Entity
    offices: set[str]
    token: int
    sentence: int
    subject: bool


class ArticleMemory:
    """What the article has said so far, in text order."""

    def __init__(self, published: Optional[date], main_country: Optional[str]):
        self.published = published
        self.main_country = main_country
        self.people: list[PersonRecord] = []
        self.by_name: dict[str, Entity] = {}  # full name, surname, given name -> latest entity
        self.country_counts: Counter[str] = Counter()
        self.last_pair: Optional[tuple[str, str]] = None
        self.bodies: dict[str, list[str]] = {}  # coreference class -> countries named with it, in order

    def remember_person(self, entity: Entity, name_text: Optional[str], offices: set[str], token: int,
                        sentence: int, subject: bool) -> None:
        self.people.append(PersonRecord(entity, offices, token, sentence, subject))
        if name_text:
            parts = name_text.split()
            keys = {name_text, parts[-1]}
            if len(parts) == 2:  # family name first in Chinese, Korean, Japanese-press usage
                keys.add(parts[0])
            for key in keys:
                self.by_name[key] = entity

    def remember_countries(self, entities: list[Entity]) -> None:
        codes = [e.code for e in entities if e.code and e.code in knowledge.countries()]
        self.country_counts.update(codes)
        distinct = list(dict.fromkeys(codes))
        if len(distinct) == 2:
            self.last_pair = (distinct[0], distinct[1])

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


# ---------------------------------------------------------------------------- entry point

def find_actors(sdoc: Doc, document: Document) -> list[ActorMention]:
    """Every actor mention of the document, in text order (see the package docstring)."""
    if len(sdoc) == 0:
        return []
    lex = lexical_matches(sdoc)
    lex = _disambiguated_organizations(sdoc, lex, document)
    lex = _with_unlisted_bodies(sdoc, lex, _main_country(document, lex))
    pairs = pair_phrases(sdoc)
    lex = _drop_inside(lex, [(s, e) for s, e, _ in pairs])
    pieces = _with_person_names(sdoc, _valid_matches(sdoc, lex))
    units = _units(sdoc, pieces)
    chains = _chains(sdoc, units)
    published = document.published or document.dateline_date
    memory = ArticleMemory(published, _main_country(document, pieces))
    resolver = _Resolver(sdoc, memory)

    # Resolve chains, pair phrases and pronouns in text order so the memory is always "so far".
    items: list[tuple[int, str, object]] = [(chain[0].start, "chain", chain) for chain in chains]
    items += [(start, "pair", (start, end, refers)) for start, end, refers in pairs]
    covered = bytearray(len(sdoc))
    for chain in chains:
        covered[chain[0].start:chain[-1].end] = b"\x01" * (chain[-1].end - chain[0].start)
    for token in sdoc:
        if token.lower_ in PRONOUNS and token.dep_ in SUBJECT_DEPS and not covered[token.i]:
            items.append((token.i, "pronoun", token.i))
        elif token.lower_ in OBJECT_PRONOUNS and token.tag_ == "PRP" and token.dep_ in OBJECT_PRONOUN_DEPS:
            items.append((token.i, "pronoun", token.i))
    items.sort(key=lambda item: item[0])

    mentions: list[ActorMention] = []
    for _, what, payload in items:
        if what == "chain":
            mention = resolver.chain(payload)  # type: ignore[arg-type]
        elif what == "pair":
            mention = resolver.pair(*payload)  # type: ignore[misc]
        else:
            mention = resolver.pronoun(payload)  # type: ignore[arg-type]
        if mention is not None:
            mentions.append(mention)
    return _ethnic_groups(sdoc, _appositions(sdoc, _stacked_demonyms(sdoc, mentions)))


ETHNIC_HEADS = frozenset({"population", "populations", "minority", "minorities", "community", "communities"})


def _ethnic_groups(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"ethnic Albanians in southern Serbia", "the Turkish minority of the province": an ethnic group is
    coded with the country the sentence places it in, not the country its name comes from."""
    out = list(mentions)
    for k, m in enumerate(out):
        if len(m.entities) != 1 or m.entities[0].text not in knowledge.demonyms():
            continue
        root = sdoc[m.root]
        before = sdoc[m.token_start - 1] if m.token_start > 0 else None
        ethnic = before is not None and before.lower_ == "ethnic"
        if not ethnic and not (m.kind == "modifier" and root.head.lower_ in ETHNIC_HEADS):
            continue
        own = m.entities[0].code
        sent = root.sent
        others = [o for o in out if o is not m and sent.start <= o.root < sent.end and len(o.entities) == 1
                  and o.entities[0].code not in (None, own) and len(o.entities[0].code or "") == 3
                  and o.entities[0].code not in NON_STATE_CODES]
        if not others:
            continue
        home = next((o for o in others if o.kind == "place"), others[0])
        out[k] = replace(m, entities=[replace(m.entities[0], code=home.entities[0].code, name=None, id=None)])
    return out


def _stacked_demonyms(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Bosnian Serbs", "Kosovar Albanians": a people named with the adjective of the country they
    live in belong to that country; the adjective is a modifier of the people's name."""
    out: list[ActorMention] = []
    skip = set()
    for k, m in enumerate(mentions):
        if k in skip:
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if m.kind == "modifier" and nxt is not None and nxt.kind == "country" and nxt.token_start == m.token_end \
                and len(m.entities) == 1 and len(nxt.entities) == 1 and m.entities[0].code \
                and sdoc[m.root].head.i == nxt.root and sdoc[nxt.root].tag_ in ("NNS", "NNPS") \
                and sdoc[nxt.root].text in knowledge.demonyms():
            first, people = m.entities[0], nxt.entities[0]
            entity = replace(people, text=sdoc[m.token_start:nxt.token_end].text, code=first.code,
                             start=first.start, name=None, id=None)
            out.append(replace(nxt, entities=[entity], token_start=m.token_start))
            skip.add(k + 1)
            continue
        out.append(m)
    return out


def _appositions(sdoc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Qatar's emir, Sheikh Hamad ...", "Hamad, the Qatari emir, ...": a person the tables do not
    know takes the country of the title set beside it by a comma."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.kind != "person" or len(m.entities) != 1 or m.entities[0].code is not None:
            continue
        for other in (out[k - 1] if k > 0 else None, out[k + 1] if k + 1 < len(out) else None):
            if other is None or other.kind not in ("title", "sector") or len(other.entities) != 1:
                continue
            title = other.entities[0]
            if title.code is None:
                continue
            lo, hi = (other.token_end, m.token_start) if other.token_start < m.token_start \
                else (m.token_end, other.token_start)
            # Leading words and honorifics compounded onto the name ("Sheikh") may stand between.
            between = [t for t in sdoc[lo:hi] if t.lower_ not in LEADING_WORDS and not (
                t.dep_ == "compound" and m.token_start <= t.head.i < m.token_end)]
            if len(between) == 1 and between[0].text == ",":
                entity = replace(m.entities[0], code=title.code,
                                 sector=m.entities[0].sector or title.sector)
                out[k] = replace(m, entities=[entity])
                break
    return out


# ---------------------------------------------------------------------------- step 1: pieces

# Last words of the name of a body: "the Ceasefire Violations Committee", "the Kenya Human Rights
# Commission". Courts, ministries and agencies are left out: they are organs of a state.
BODY_HEADS = frozenset({"committee", "commission", "council", "forum", "association", "federation", "union",
                        "league", "society", "foundation", "institute", "front", "movement", "alliance",
                        "congress", "coalition", "organization", "organisation", "network", "party"})
# Of these, a name without a country is a national political body ("the Karen National Union",
# "the Homeland Union"): it belongs to the country the story is about.
POLITICAL_HEADS = frozenset({"union", "front", "party", "congress", "movement", "alliance", "coalition", "league"})
# Words that put a group outside the story's own country.
FOREIGN_WORDS = frozenset({"foreign", "overseas", "international", "other", "western", "outside", "neighbouring",
                           "neighboring", "regional", "european", "african", "arab", "asian", "allied"})
UNLISTED = "unlisted"  # key prefix of a body named in the text but in no table


def _with_unlisted_bodies(sdoc: Doc, lex: list[LexMatch], main_country: Optional[str]) -> list[LexMatch]:
    """Named bodies the tables do not know ("the Third World Water Forum"): an NER organisation
    whose name ends in a body word becomes an organisation of the country its name holds
    ("the Kenya Human Rights Commission" -> KEN); a party, front or union without one belongs to
    the story's country, when there is one; anything else is non-governmental (NGO)."""
    found: list[LexMatch] = []
    dropped: set[LexMatch] = set()
    for ent in sdoc.ents:
        if ent.label_ != "ORG":
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        end = next((t.i for t in ent if t.text == "("), ent.end)  # "the Homeland Union (Conservatives"
        if end - start < 2:
            continue
        # "... Water Forum", or "Association of African Jurists".
        head = sdoc[end - 1] if sdoc[end - 1].lower_ in BODY_HEADS else sdoc[start]
        if head.lower_ not in BODY_HEADS or not head.is_title \
                or (head.i == start and sdoc[start + 1].lower_ != "of"):
            continue
        inside = [m for m in lex if start <= m.start and m.end <= end]
        if any(m.start < end and start < m.end for m in lex if m not in inside) \
                or any(m.kind in (ORG, PERSON) or (m.kind == SECTOR and (m.start, m.end) != (head.i, head.i + 1)
                                                   and _state_sector(m))
                       for m in inside):
            continue  # a listed body, a person, a title or an organ of state ("the National Police Commission")
        inside = [m for m in inside if m.kind != SECTOR]
        codes = {m.key if m.kind != METONYM else knowledge.metonyms()[m.key].code for m in inside}
        if len(codes) > 1:
            continue
        if codes:
            code = codes.pop()
        elif head.lower_ in POLITICAL_HEADS:
            if main_country is None:
                continue  # whose party it is cannot be told
            code = main_country
        else:
            code = "NGO"
        dropped.update(inside)
        found.append(LexMatch(start, end, ORG, f"{UNLISTED}|{code}|{sdoc[start:end].text}"))
    if not found:
        return lex
    covered = {i for m in found for i in range(m.start, m.end)}
    return sorted([m for m in lex if m not in dropped and not (m.kind == SECTOR and m.start in covered)] + found,
                  key=lambda m: m.start)


def _disambiguated_organizations(sdoc: Doc, lex: list[LexMatch], document: Document) -> list[LexMatch]:
    """An alias several bodies share ("RSF": Reporters Without Borders, Sudan's Rapid Support Forces)
    names the one whose country the article is about: the main country, else the country named most
    often; if the article names none of their countries the first row of the table wins."""
    shared = knowledge.shared_organization_aliases()
    if not shared or not any(m.kind == ORG and sdoc[m.start:m.end].text in shared for m in lex):
        return lex
    main = _main_country(document, lex)
    counts = _country_counts(lex)
    out = []
    for m in lex:
        ids = shared.get(sdoc[m.start:m.end].text) if m.kind == ORG else None
        if ids:
            orgs = knowledge.organizations()
            best = max(ids, key=lambda i: (orgs[i].code == main, counts.get(orgs[i].code, 0)))
            m = replace(m, key=best)
        out.append(m)
    return out


def _state_sector(match: LexMatch) -> bool:
    """A title, or a noun of an organ of state ("police", "army"); "fishermen", "farmers" are not."""
    term = knowledge.sector_terms()[match.key]
    return term.role == "title" or term.sector in STATE_SECTORS


def _organization(key: str) -> knowledge.Organization:
    """The table entry of an organisation match, or one made up for an unlisted body."""
    if key.startswith(UNLISTED + "|"):
        _, code, name = key.split("|", 2)
        return knowledge.Organization(id=f"{UNLISTED}:{name.lower()}", code=code, sector=None, name=name,
                                      aliases=(name,))
    return knowledge.organizations()[key]


def _drop_inside(lex: list[LexMatch], spans: list[tuple[int, int]]) -> list[LexMatch]:
    if not spans:
        return lex
    return [m for m in lex if not any(s < m.end and m.start < e for s, e in spans)]


def _valid_matches(sdoc: Doc, lex: list[LexMatch]) -> list[LexMatch]:
    """Drop table matches that the context shows are something else."""
    covered = bytearray(len(sdoc))
    for m in lex:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    kept = []
    for m in lex:
        if m.kind == PERSON and m.end - m.start == 1 and not _plausible_surname(sdoc, m.start, covered):
            continue
        if m.kind == PERSON and _other_first_name(sdoc, m, covered):
            continue
        if m.kind == SECTOR and knowledge.sector_terms()[m.key].blocks:
            continue
        if m.kind in (METONYM, COUNTRY) and _first_name(sdoc, m):
            continue
        kept.append(m)
    return kept


def _other_first_name(sdoc: Doc, m: LexMatch, covered: bytearray) -> bool:
    """"Carlos Ruiz Massieu" is not the office holder "Ruiz Massieu" the table knows by surname: a
    surname alias right after a first name the table did not match is someone else's."""
    if m.start == 0:
        return False
    before = sdoc[m.start - 1]
    return before.pos_ == "PROPN" and before.is_title and not covered[m.start - 1] \
        and before.ent_type_ == "PERSON" and sdoc[m.start].ent_type_ == "PERSON"


def _first_name(sdoc: Doc, m: LexMatch) -> bool:
    """"his girlfriend Sofia Sapega", "Jordan Bardella": a place name that is the first part of a
    person's name the NER marks as one."""
    if m.end - m.start != 1 or m.end >= len(sdoc):
        return False
    token, nxt = sdoc[m.start], sdoc[m.end]
    return token.ent_type_ == "PERSON" and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "I" \
        and nxt.pos_ == "PROPN" and nxt.is_title


def _name_like(token) -> bool:
    """A proper noun, or a capitalised word the tagger misread ("Yoon and Kishida met": "Yoon" as ADJ)."""
    return token.pos_ == "PROPN" or (token.is_title and token.pos_ in ("ADJ", "NOUN", "X", "VERB"))


def _plausible_surname(sdoc: Doc, i: int, covered: bytearray) -> bool:
    """A one-word name ("Motegi", "Rice") counts only as a proper noun standing on its own. The
    article named the person in full earlier, so the NER's place labels do not veto it ("Kamikawa"
    tagged GPE); places the actor tables know are already covered."""
    token = sdoc[i]
    if not _name_like(token) or token.ent_type_ in ("DATE", "EVENT", "PRODUCT"):
        return False
    for j in (i - 1, i + 1):  # part of a longer name we do not know ("Bill Gates", "Fox News")
        if 0 <= j < len(sdoc) and sdoc[j].pos_ == "PROPN" and not covered[j] and sdoc[j].is_title:
            return False
    return True


def _with_person_names(sdoc: Doc, lex: list[LexMatch]) -> list[LexMatch]:
    """Add person names the tables do not know: NER persons, names after titles, later surnames."""
    covered = bytearray(len(sdoc))
    for m in lex:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    found: list[LexMatch] = []

    def add(start: int, end: int) -> None:
        while start < end and not _name_token(sdoc[start]):
            start += 1
        while end > start and not _name_token(sdoc[end - 1]):
            end -= 1
        if end <= start or any(covered[start:end]):
            return
        if end - start == 1 and sdoc[start].pos_ != "PROPN":
            return
        covered[start:end] = b"\x01" * (end - start)
        found.append(LexMatch(start, end, PERSON, sdoc[start:end].text))

    for ent in sdoc.ents:
        if ent.label_ == "PERSON":
            run_start = None
            for i in range(ent.start, ent.end + 1):
                free = i < ent.end and not covered[i]
                if free and run_start is None:
                    run_start = i
                elif not free and run_start is not None:
                    add(run_start, i)
                    run_start = None
    # Proper nouns right after a title are a name even where NER missed it ("Minister Joseph Mwangi").
    for m in lex:
        if m.kind == SECTOR and knowledge.sector_terms()[m.key].role == "title":
            end = m.end
            # "... elected prime minister February 4": a date after a title is no name.
            while end < len(sdoc) and end - m.end < 4 and not covered[end] and sdoc[end].pos_ == "PROPN" \
                    and sdoc[end].is_title and sdoc[end].ent_type_ != "DATE" \
                    and sdoc[end].lower_ not in english.MONTH_TOKENS:
                end += 1
            if end > m.end:
                add(m.end, end)
    # A surname or given name of someone named in full earlier ("Wang" after "Wang Yi").
    full_names: dict[str, tuple[int, str]] = {}
    for m in sorted(lex + found, key=lambda p: p.start):
        if m.kind == PERSON and m.end - m.start >= 2:
            parts = [t.text for t in sdoc[m.start:m.end] if _name_token(t)]
            candidates = {parts[-1]} | ({parts[0]} if len(parts) == 2 else set())
            for part in candidates:
                full_names.setdefault(part, (m.end, sdoc[m.start:m.end].text))
    if full_names:
        for token in sdoc:
            hit = full_names.get(token.text)
            if hit and token.i >= hit[0] and not covered[token.i] and _name_like(token) \
                    and _plausible_surname(sdoc, token.i, covered):
                covered[token.i] = 1
                found.append(LexMatch(token.i, token.i + 1, PERSON, token.text))
    return sorted(lex + found, key=lambda p: p.start)


def _name_token(token) -> bool:
    return token.is_alpha or (token.text[:1].isupper() and any(c.isalpha() for c in token.text)) \
        or token.text in ("-", ".")


# ---------------------------------------------------------------------------- step 2: units

def _units(sdoc: Doc, pieces: list[LexMatch]) -> list[Unit]:
    units: list[Unit] = []
    i = 0
    while i < len(pieces):
        unit = _new_unit(pieces[i])
        last = pieces[i]
        j = i + 1
        while unit.person is None and j < len(pieces) and _glued(sdoc, unit, last, pieces, j):
            _add_piece(unit, pieces[j])
            last = pieces[j]
            j += 1
        start = unit.start
        while start > 0 and sdoc[start - 1].lower_ in LEADING_WORDS:
            start -= 1
        unit.start = start
        units.append(unit)
        i = j
    return units


def _new_unit(piece: LexMatch) -> Unit:
    unit = Unit(piece.start, piece.end)
    _add_piece(unit, piece)
    return unit


def _add_piece(unit: Unit, piece: LexMatch) -> None:
    if piece.kind == PERSON:
        unit.person = piece
    elif piece.kind == SECTOR:
        unit.sectors.append(piece)
    else:
        unit.mods.append(piece)
    unit.end = piece.end


def _glued(sdoc: Doc, unit: Unit, last: LexMatch, pieces: list[LexMatch], j: int) -> bool:
    """Whether piece j continues the noun phrase that ends with ``last``."""
    nxt = pieces[j]
    if nxt.kind in MODIFIER_KINDS:
        return False  # "China Japan" never; "the foreign minister of Japan" is joined later
    if last.kind in MODIFIER_KINDS and unit.sectors:
        return False
    gap = sdoc[last.end:nxt.start]
    if len(gap) == 0:
        return True
    if last.kind in MODIFIER_KINDS and len(gap) == 1 and gap[0].tag_ == "POS":
        return True  # "China's foreign ministry", "Japan's Motegi"
    # "State Councilor and Foreign Minister Wang Yi": two titles of the one person named next.
    if last.kind == SECTOR and nxt.kind == SECTOR and len(gap) == 1 and gap[0].lower_ in ("and", "&") \
            and j + 1 < len(pieces) and pieces[j + 1].kind == PERSON and pieces[j + 1].start == nxt.end \
            and knowledge.sector_terms()[last.key].role == "title":
        return True
    # "Russia's top diplomat Sergei Lavrov", "Myanmar's junta spokesman": the possessive belongs to
    # the whole phrase after it, words the tables do not know included.
    if last.kind in MODIFIER_KINDS and gap[0].tag_ == "POS":
        gap = gap[1:]
    # Modifiers inside the noun phrase: "Chinese tech companies", "U.S. Secretary of State".
    if len(gap) > 3:
        return False
    inside = range(last.start, nxt.end)
    for token in gap:
        if token.text in HYPHENS:
            continue
        if token.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM", "ADV", "VERB") or token.dep_ not in (
                "amod", "compound", "nmod", "nummod", "npadvmod", "advmod"):
            return False
        if token.head.i not in inside:
            return False
    return True


# ---------------------------------------------------------------------------- step 3: chains

def _chains(sdoc: Doc, units: list[Unit]) -> list[list[Unit]]:
    """Group conjoined units; attach "of"-phrases ("the foreign ministers of China and Japan")."""
    chains: list[list[Unit]] = []
    for unit in units:
        if chains and _conjoined(sdoc, chains[-1], unit):
            chains[-1].append(unit)
        else:
            chains.append([unit])
    merged: list[list[Unit]] = []
    for chain in chains:
        if merged and _of_phrase(sdoc, merged[-1], chain):
            head = merged[-1][-1]
            for unit in chain:
                unit.sectors = list(head.sectors)
            chain[0].start = head.start
            merged[-1] = merged[-1][:-1] + chain if len(merged[-1]) > 1 else chain
        else:
            merged.append(chain)
    return merged


def _conjoined(sdoc: Doc, chain: list[Unit], unit: Unit) -> bool:
    gap = sdoc[chain[-1].end:unit.head_start]
    words = [t.lower_ for t in gap]
    if not words or any(w not in (",", "and", "both", "the") for w in words) or not ({",", "and"} & set(words)):
        return False
    if unit.person is None and chain[-1].person is not None and unit.sectors and not unit.mods:
        return False  # "Wang Yi, the foreign minister" is an apposition, not two actors
    chain_tokens = set()
    for member in chain:
        chain_tokens.update(range(member.head_start, member.end))
    unit_tokens = range(unit.head_start, unit.end)
    for i in unit_tokens:
        if sdoc[i].dep_ == "conj" and sdoc[i].head.i in chain_tokens:
            return True
    # "Hungarian and Romanian officials": the first demonym hangs on the shared head noun.
    return any(sdoc[i].head.i in unit_tokens for i in chain_tokens)


def _of_phrase(sdoc: Doc, before: list[Unit], chain: list[Unit]) -> bool:
    head = before[-1]
    if not head.sectors or head.mods or head.person:
        return False
    if _from_phrase(sdoc, head, chain) or _based_in_phrase(sdoc, head, chain):
        return True
    if any(u.sectors or u.person or any(m.kind == DEMONYM for m in u.mods) for u in chain):
        return False
    gap = [t.lower_ for t in sdoc[head.end:chain[0].head_start]]
    if gap in (["of"], ["of", "the"]):
        return True
    # "security forces in Guinea", "demonstrators in Baghdad", "rebels in northern Uganda": the
    # place says whose they are (words modifying the place may stand between).
    if not gap or gap[0] != "in" or len(chain) != 1 or not all(m.kind in (COUNTRY, METONYM) for m in chain[0].mods):
        return False
    place = range(head.end + 1, chain[0].end)
    return all(t.lower_ == "the" or t.head.i in place for t in sdoc[head.end + 1:chain[0].head_start])


# Words that may stand between "from" and the body named: "doctors from two American aid groups".
FROM_FILLERS = frozenset({"the", "a", "an", "two", "three", "several", "various", "both"})


def _from_phrase(sdoc: Doc, head: Unit, chain: list[Unit]) -> bool:
    """"Doctors from two American aid groups donated ...", "officials from Chad said ...": people
    named by a bare sector noun take the country or body they come from. Only for a subject: in
    "withdrew troops from Iraq" the "from" phrase is where the troops leave, not whose they are."""
    if len(chain) != 1 or not chain[0].mods or chain[0].person:
        return False
    gap = sdoc[head.end:chain[0].head_start]
    if len(gap) == 0 or gap[0].lower_ != "from" or any(t.lower_ not in FROM_FILLERS for t in gap[1:]):
        return False
    noun = gap[0].head
    # A noun parsed as the root is a subject whose verb the parser missed.
    return head.start <= noun.i < head.end and (noun.dep_ in SUBJECT_DEPS or noun.dep_ == "ROOT")


def _based_in_phrase(sdoc: Doc, head: Unit, chain: list[Unit]) -> bool:
    """"a newspaper based in Beirut", "a rebel group headquartered in Goma": where a body is based
    says whose it is (words modifying the place may come between: "based in Christian east Beirut")."""
    if len(chain) != 1 or chain[0].sectors or chain[0].person \
            or not all(m.kind in (COUNTRY, METONYM) for m in chain[0].mods):
        return False
    gap = sdoc[head.end:chain[0].head_start]
    if len(gap) < 2 or gap[0].lower_ not in ("based", "headquartered") or gap[1].lower_ not in ("in", "at"):
        return False
    if not head.start <= gap[0].head.i < head.end:
        return False
    inside = range(gap[2].i if len(gap) > 2 else chain[0].head_start, chain[0].end)
    return all(t.head.i in inside for t in gap[2:])


# ---------------------------------------------------------------------------- step 4: resolution

def _main_country(document: Document, pieces: list[LexMatch]) -> Optional[str]:
    """The country the article is about, which a sector noun or title with no country of its own
    belongs to ("Officers detained six suspects", "the government", "police fired tear gas").

    Each naming of a country counts (by name, demonym or capital, and through a national group or a
    known office holder: "the ELN", "Petro" count for Colombia); the dateline's country (a country, a
    capital, or a city the gazetteer knows: "LAHORE" -> PAK) counts once more. The main country is
    the one counted strictly more often than any other: a HAVANA dateline over talks between
    Colombia's government and the ELN leaves Colombia the main country. None when two or more
    countries are counted equally often, or when the article names none.
    """
    counts = _country_counts(pieces)
    if document.dateline_place:
        code = _dateline_country(document.dateline_place, counts)
        if code:
            counts[code] += 1
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def _dateline_country(place: str, counts: Counter[str]) -> Optional[str]:
    """A dateline's country: a country or capital always; any other city the gazetteer knows only
    if the article names its country too (a GENEVA or NEW YORK dateline over a story about Syria
    tells where the United Nations met, not whose the officials are)."""
    found = knowledge.country_by_name(place.title())
    if found:
        return found.code
    from ..knowledge.gazetteer import resolve_place  # the gazetteer: cities and regions
    location = resolve_place(place)
    if location is not None and location.country and counts.get(location.country):
        return location.country
    return None


def _country_counts(pieces: list[LexMatch]) -> Counter[str]:
    """How often the article names each country, by name, demonym or capital."""
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


class _Resolver:
    def __init__(self, sdoc: Doc, memory: ArticleMemory):
        self.sdoc = sdoc
        self.memory = memory
        self.sentence_starts = [s.start for s in sdoc.sents]
        self.last_person_unit: Optional[tuple[Unit, Entity]] = None

    def sentence_of(self, i: int) -> int:
        return bisect.bisect_right(self.sentence_starts, i) - 1

    # -- chains

    def chain(self, chain: list[Unit]) -> Optional[ActorMention]:
        # A shared head noun belongs to every conjunct: "Hungarian and Romanian officials".
        if len(chain) > 1 and chain[-1].sectors:
            for unit in chain[:-1]:
                if not unit.sectors and not unit.person and all(m.kind in (COUNTRY, DEMONYM) for m in unit.mods):
                    unit.sectors = list(chain[-1].sectors)
        start, end = chain[0].start, chain[-1].end
        place = self._is_place(chain, start, end)
        results = []
        for unit in chain:
            resolved = self.unit(unit, in_chain=len(chain) > 1, place=place)
            if resolved is not None:
                results.append((unit, *resolved))
        if not results:
            return None
        entities = [entity for _, entity, _ in results]
        if place:
            kind = "place"
        elif len(entities) > 1:
            kind = "compound"
        else:
            kind = results[0][2]
        if kind not in ("place", "modifier"):
            self.memory.remember_countries(entities)
        if len(results) == 1 and len(chain) > 1:  # one conjunct only is an actor: span just that one
            start, end = results[0][0].start, results[0][0].end
        if kind == "modifier":  # "the" of "the China-Japan relations" belongs to the noun modified
            start = results[0][0].head_start
        return ActorMention(entities=entities, token_start=start, token_end=end,
                            root=_root(self.sdoc, start, end), kind=kind)

    def _is_place(self, chain: list[Unit], start: int, end: int) -> bool:
        if any(u.sectors or u.person or any(m.kind in (ORG, DEMONYM) for m in u.mods) for u in chain):
            return False
        root = self.sdoc[_root(self.sdoc, start, end)]
        return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS

    def unit(self, unit: Unit, in_chain: bool, place: bool) -> Optional[tuple[Entity, str]]:
        sdoc = self.sdoc
        if unit.person is not None:
            return self._person(unit)
        if unit.sectors:
            return self._sector(unit)
        # Only names of countries, capitals or bodies.
        root = sdoc[_root(sdoc, unit.head_start, unit.end)]
        mod = unit.mods[-1]
        modifier = not in_chain and not place and _only_modifies(sdoc, unit, root) \
            and not _names_its_head(unit, root)
        text_span = sdoc[unit.head_start:unit.end]
        if modifier:  # "an Indian proposal", "China-Japan ties": whose thing it is, not an actor
            code, sector, name, entity_id = self._modifier_code(unit)
            if mod.kind in (COUNTRY, DEMONYM, METONYM):
                name, entity_id = _country_name(code), f"country:{code}"
            return _entity(text_span, code, sector, name, entity_id), "modifier"
        if mod.kind == ORG:
            org = _organization(mod.key)
            kind = "igo" if org.code in NON_STATE_CODES else "group"
            return _entity(text_span, org.code, org.sector, org.name, org.id), kind
        if mod.kind == METONYM:
            meto = knowledge.metonyms()[mod.key]
            return _entity(text_span, meto.code, meto.sector, _country_name(meto.code), f"country:{meto.code}"), \
                "capital"
        code = mod.key
        if mod.kind == DEMONYM:  # "the Israelis", "Palestinians": the people, no sector
            return _entity(text_span, code, None, _country_name(code), f"country:{code}"), "country"
        return _entity(text_span, code, "GOV", _country_name(code), f"country:{code}"), "country"

    def _modifier_code(self, unit: Unit):
        """(code, sector, name, id) given by the unit's country, capital or body words."""
        for mod in reversed(unit.mods):
            if mod.kind == ORG:
                org = _organization(mod.key)
                return org.code, org.sector, org.name, org.id
            if mod.kind == METONYM:
                meto = knowledge.metonyms()[mod.key]
                return meto.code, None, None, None
            return mod.key, None, None, None
        return None, None, None, None

    def _sector_of(self, unit: Unit, base: Optional[str]) -> tuple[Optional[str], Optional[knowledge.SectorTerm]]:
        """The sector the nouns give ("police spokesman" -> COP) and the last title, if the head is one."""
        sector = base
        term = None
        for piece in unit.sectors:
            term = knowledge.sector_terms()[piece.key]
            if term.sector:
                sector = term.sector
        title = term if term is not None and term.role == "title" else None
        # A bare title ("spokesman", "leader") speaks for a government unless the phrase says otherwise;
        # a generic body ("movement", "group") has no sector of its own.
        return sector or ("GOV" if title else None), title

    def _sector(self, unit: Unit) -> Optional[tuple[Entity, str]]:
        sdoc = self.sdoc
        code, org_sector, org_name, org_id = self._modifier_code(unit)
        sector, title = self._sector_of(unit, org_sector)
        last_term = knowledge.sector_terms()[unit.sectors[-1].key]
        has_modifier = bool(unit.mods)
        if not has_modifier and not last_term.alone and not any(
                knowledge.sector_terms()[p.key].alone for p in unit.sectors):
            return None
        text_span = sdoc[unit.head_start:unit.end]
        if title is not None:
            person = self._title_person(unit, title, code)
            if person is not None:
                entity = replace(person, text=text_span.text, start=text_span.start_char, end=text_span.end_char)
                self._remember(entity, None, {title.office or ""}, unit)
                return entity, "title"
        if code is None:
            # "protesters in Lahore", "the junta" after "Myanmar's military government", else the
            # story's country.
            code = self._place_country(unit) or next(
                (found for p in reversed(unit.sectors) if (found := self.memory.body_country(p.key))), None) \
                or (None if self._foreign(unit) else self.memory.main_country)
        else:
            for piece in unit.sectors:
                self.memory.remember_body(piece.key, code)
        return _entity(text_span, code, sector, org_name, org_id), "title" if title else "sector"

    def _foreign(self, unit: Unit) -> bool:
        """"any foreign government", "other countries", "Western diplomats": not the story's country."""
        head = self.sdoc[unit.end - 1]
        words = {c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound", "det", "nmod")}
        return bool(words & FOREIGN_WORDS)

    def _place_country(self, unit: Unit) -> Optional[str]:
        """The country of a place the noun is "in": "rebel-aligned officials in Idlib" -> SYR,
        "protesters in Lahore" -> PAK (cities and regions the gazetteer knows)."""
        from ..knowledge.gazetteer import resolve_place  # the gazetteer: cities and regions

        sdoc = self.sdoc
        root = sdoc[_root(sdoc, unit.head_start, unit.end)]
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.pos_ != "PROPN" or obj.ent_type_ in NOT_PLACE_ENTITY_TYPES:
                    continue
                start = obj.i  # "in Cox's Bazar" is too rare to matter; "in Ciudad Juarez" is not
                while start > prep.i + 1 and sdoc[start - 1].pos_ == "PROPN" and sdoc[start - 1].head.i == obj.i:
                    start -= 1
                known = list(self.memory.country_counts) + [c for c in (self.memory.main_country,) if c]
                location = resolve_place(sdoc[start:obj.i + 1].text, known)
                if location is not None and location.country:
                    return location.country
        return None

    def _title_person(self, unit: Unit, title: knowledge.SectorTerm, code: Optional[str]) -> Optional[Entity]:
        """Who "the Chinese foreign minister" / "the minister" is: named earlier, or the office holder."""
        office = title.office or ""
        # Apposition: "Wang Yi, China's foreign minister, ..."
        previous = self.last_person_unit
        if previous is not None:
            prev_unit, prev_entity = previous
            between = [t.text for t in self.sdoc[prev_unit.end:unit.start]]
            if between == [","] and (code is None or prev_entity.code in (None, code)):
                if prev_entity.code is None:
                    prev_entity.code = code
                if prev_entity.sector is None:
                    prev_entity.sector = title.sector or "GOV"
                return prev_entity
        entity = self.memory.person_with_office(office, code)
        if entity is not None:
            return entity
        holder_country = code or (self.memory.main_country if title.alone else None)
        if holder_country and self.memory.published is not None:
            holder = knowledge.holder_of(office, holder_country, on=self.memory.published)
            if holder is not None:
                return Entity(text="", code=holder.country, sector=holder.sector, name=holder.name, id=holder.id)
        return None

    def _person(self, unit: Unit) -> Optional[tuple[Entity, str]]:
        sdoc = self.sdoc
        piece = unit.person
        assert piece is not None
        name_span = sdoc[piece.start:piece.end]
        name_text = name_span.text
        code, org_sector, _, _ = self._modifier_code(unit)
        title = None
        sector = None
        if unit.sectors:
            sector, title = self._sector_of(unit, org_sector)
        known = self.memory.by_name.get(name_text) if piece.end - piece.start == 1 else None
        published = self.memory.published
        holder = knowledge.office_holder(name_text, on=published) if published else knowledge.office_holder(name_text)
        identity = knowledge.person_identity(name_text)
        if piece.end - piece.start == 1 and not (known or holder or identity or unit.sectors or unit.mods):
            return None  # a lone capitalised word NER calls a person ("Dadaab") is too weak alone
        if known is not None and identity is not None and known.id and known.id != identity.id:
            identity = holder = None  # the article's own "Wang" beats the table's
        name = (holder or identity).name if (holder or identity) else (known.name if known else name_text)
        person_id = (holder or identity).id if (holder or identity) else (known.id if known else None)
        if code is None:
            if known is not None and known.code:
                code = known.code
            elif holder is not None:
                code = holder.country
            elif identity is not None and len({t.country for t in knowledge.holder_terms(name_text)}) == 1:
                code = identity.country
            elif title is not None:
                code = self.memory.main_country
        if sector is None:
            sector = known.sector if known is not None and known.sector else (holder.sector if holder else None)
        entity = Entity(text=name_text, code=code, sector=sector, name=name, id=person_id,
                        start=name_span.start_char, end=name_span.end_char)
        offices = {knowledge.sector_terms()[p.key].office or "" for p in unit.sectors
                   if knowledge.sector_terms()[p.key].role == "title"}
        if holder is not None:
            offices.add(holder.office)
        if known is not None:
            offices |= self._offices_of(known)
        self._remember(entity, name_text if piece.end - piece.start > 1 else None, offices, unit)
        return entity, "person"

    def _offices_of(self, entity: Entity) -> set[str]:
        for record in reversed(self.memory.people):
            if record.entity.name == entity.name and record.entity.code == entity.code:
                return set(record.offices)
        return set()

    def _remember(self, entity: Entity, name_text: Optional[str], offices: set[str], unit: Unit) -> None:
        root = self.sdoc[_root(self.sdoc, unit.start, unit.end)]
        self.memory.remember_person(entity, name_text, {o for o in offices if o}, root.i,
                                    self.sentence_of(root.i), root.dep_ in SUBJECT_DEPS)
        self.last_person_unit = (unit, entity)

    # -- "the two sides"

    def pair(self, start: int, end: int, refers: str) -> Optional[ActorMention]:
        sdoc = self.sdoc
        span = sdoc[start:end]
        head_start = start + 1 if sdoc[start].lower_ == "the" else start
        text_span = sdoc[head_start:end]
        entities: list[Entity] = []
        if refers == "persons":
            entities = self._person_pair(span)
        if not entities:
            pair = self.memory.salient_pair()
            if pair is None:
                return None
            sector = "GOV"
            entities = [_entity(text_span, code, sector, _country_name(code), f"country:{code}") for code in pair]
        else:
            entities = [replace(e, text=text_span.text, start=text_span.start_char, end=text_span.end_char)
                        for e in entities]
        root = _root(sdoc, start, end)
        token = sdoc[root]
        kind = "place" if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS else "compound"
        return ActorMention(entities=entities, token_start=start, token_end=end, root=root, kind=kind)

    def _person_pair(self, span) -> list[Entity]:
        words = {t.lower_ for t in span}
        chosen: list[Entity] = []
        for record in reversed(self.memory.people):
            entity = record.entity
            offices_words = {w for office in record.offices for w in office.split()}
            qualifier = words & {"foreign", "defence", "defense", "prime", "finance", "trade"}
            if qualifier and not qualifier <= offices_words:
                continue
            if any(e.name == entity.name or e.code == entity.code for e in chosen):
                continue
            chosen.append(entity)
            if len(chosen) == 2:
                return list(reversed(chosen))
        return []

    # -- "he" / "she"

    def pronoun(self, i: int) -> Optional[ActorMention]:
        token = self.sdoc[i]
        sentence = self.sentence_of(i)
        candidates = [r for r in self.memory.people
                      if r.token < i and sentence - PRONOUN_WINDOW <= r.sentence <= sentence and r.entity.name]
        if token.lower_ in OBJECT_PRONOUNS:
            # Not the one who acts in this clause ("Barclay ... asking him": him is not Barclay's subject).
            doer = {c.i for c in token.head.children if c.dep_ in SUBJECT_DEPS}
            doer_names = {r.entity.name for r in candidates if r.token in doer or
                          any(r.token in range(c.left_edge.i, c.right_edge.i + 1) for c in token.head.children
                              if c.dep_ in SUBJECT_DEPS)}
            candidates = [r for r in candidates if r.entity.name not in doer_names]
            if not candidates:
                return None
        if not candidates:
            return None
        nearest = max(r.sentence for r in candidates)
        same = [r for r in candidates if r.sentence == nearest]
        subjects = [r for r in same if r.subject]
        antecedent = (subjects or same)[-1].entity
        entity = replace(antecedent, text=token.text, start=token.idx, end=token.idx + len(token.text))
        self.memory.people.append(PersonRecord(antecedent, self._offices_of(antecedent), i, sentence, True))
        # An object pronoun names the person as any other mention of them would; "pronoun" marks subjects,
        # which the events stage may hand to the speaker.
        kind = "person" if token.lower_ in OBJECT_PRONOUNS else "pronoun"
        return ActorMention(entities=[entity], token_start=i, token_end=i + 1, root=i, kind=kind)


# ---------------------------------------------------------------------------- helpers

def _only_modifies(sdoc: Doc, unit: Unit, root) -> bool:
    """A name that only modifies another noun: "China-Japan ties", "Japanese cars", "U.S. economy"."""
    if root.dep_ in NOUN_MODIFIER_DEPS and not (unit.start <= root.head.i < unit.end):
        return True
    before = sdoc[unit.head_start - 1] if unit.head_start > 0 else None
    after = sdoc[unit.end] if unit.end < len(sdoc) else None
    return any(t is not None and _tight_hyphen(t) for t in (before, after))


def _names_its_head(unit: Unit, root) -> bool:
    """"the Hizbollah (Party of God) group", "the Houthi-led movement": a named body that modifies an
    actor noun the parenthesis or hyphen kept out of its phrase is the actor that noun names."""
    if unit.mods[-1].kind != ORG or _organization(unit.mods[-1].key).code in NON_STATE_CODES:
        return False
    term = knowledge.sector_terms().get(root.head.lower_)
    return term is not None and not term.blocks and root.head.i >= unit.end


def _tight_hyphen(token) -> bool:
    """A hyphen with no space on either side joins names into one modifier ("China-Japan")."""
    return token.text in HYPHENS and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_


def _root(sdoc: Doc, start: int, end: int) -> int:
    """The token of the span whose head lies outside it (the best one if several)."""
    outside = [t for t in sdoc[start:end] if t.head.i < start or t.head.i >= end or t.head.i == t.i]
    if not outside:
        return end - 1
    if len(outside) == 1:
        return outside[0].i
    for dep in ROOT_DEP_PREFERENCE:
        for token in outside:
            if token.dep_ == dep:
                return token.i
    return outside[-1].i


def _entity(span, code, sector, name, entity_id) -> Entity:
    return Entity(text=span.text, code=code, sector=sector, name=name, id=entity_id,
                  start=span.start_char, end=span.end_char)


def _country_name(code: Optional[str]) -> Optional[str]:
    found = knowledge.country(code) if code else None
    return found.name if found else None
