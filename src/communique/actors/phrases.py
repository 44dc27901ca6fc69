"""Steps 2 and 3 of the actors stage: pieces become noun phrases (units), units become chains.

- :func:`units`: adjacent pieces that form one noun phrase ("Japanese | Foreign Minister |
  Toshimitsu Motegi", "Kenyan | police", "China | 's | foreign ministry") become one
  :class:`Unit`, widened over a leading determiner.
- :func:`chains`: units joined by "and" or commas that the parse links as conjuncts become one
  chain, later one compound mention ("China and Japan", "Hungarian and Romanian officials");
  "the foreign minister of Japan", "officials from Chad", "a group based in Goma" join the
  noun to the chain that says whose it is.

Units are working records of this stage and the resolver; they are never emitted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from . import knowledge
from .lexicon import COUNTRY, DEMONYM, METONYM, ORG, PERSON, SECTOR, LexMatch
from .spans import HYPHENS, LEADING_WORDS, SUBJECT_DEPS

MODIFIER_KINDS = (COUNTRY, DEMONYM, METONYM, ORG)
# Words that may stand between "from" and the body named: "nurses from three Canadian charities".
FROM_FILLERS = frozenset({"the", "a", "an", "two", "three", "several", "various", "both"})


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


# ---------------------------------------------------------------------------- step 2: units

def units(sdoc: Doc, pieces: list[LexMatch]) -> list[Unit]:
    """The noun phrases the pieces form, in text order."""
    found: list[Unit] = []
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
        found.append(unit)
        i = j
    return found


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

def chains(sdoc: Doc, units: list[Unit]) -> list[list[Unit]]:
    """Group conjoined units; attach "of"-phrases ("the foreign ministers of China and Japan")."""
    grouped: list[list[Unit]] = []
    for unit in units:
        if grouped and _conjoined(sdoc, grouped[-1], unit):
            grouped[-1].append(unit)
        else:
            grouped.append([unit])
    merged: list[list[Unit]] = []
    for chain in grouped:
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
    # ("the Nepali government and Maoist rebels": an adjective of the next unit's head is its own)
    words = [t.lower_ for t in gap if not (t.dep_ in ("amod", "compound") and unit.head_start <= t.head.i < unit.end)]
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


def _from_phrase(sdoc: Doc, head: Unit, chain: list[Unit]) -> bool:
    """"Nurses from three Canadian charities handed out ...", "officials from Chad said ...": people
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
