"""Parties the tables do not know: a noun phrase in an actor's or recipient's grammatical place.

"the Leawood-based cinema chain", "a regional council", "the ship's captain": when the subject or the
object of an event names nobody the actor tables know, the event still has that party. It becomes an
entity with the phrase's words and no country code (``code`` None, ``kind`` "unnamed"): an analyst
sees who was meant, and the store, dyad series and exports, which count by country, leave it out.

What does not name a party: pronouns (resolved elsewhere or not at all), numbers, dates and amounts
("a fine of $2 million", "on Tuesday"), the words of the trigger itself, and nouns that name an act
(the caller says which: the events stage knows its trigger nouns).
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from ..model import ActorMention, Entity

# Named-entity labels that never name a party (spaCy's English labels).
NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Nouns that are where a shot or a blow goes, never who receives it ("fired into the air").
NOT_PARTY_WORDS = frozenset({"air", "sky", "ground"})
# Words of a noun phrase kept in the party's text: what comes before its head word.
LEFT_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "case", "npadvmod", "quantmod"})


def unnamed_party(token: Token, skip: set[int] = frozenset(),
                  is_event_noun: Callable[[Token], bool] = lambda t: False) -> ActorMention | None:
    """The noun phrase headed by ``token`` as a party no table names, or None if it names no party.

    ``is_event_noun`` tells a noun that names an act ("a roadside bombing killed ...", "gunfire hit
    ..."): the act's doer is unknown, the act itself is no party."""
    aged = is_aged_person(token)  # spaCy labels "a 19-year-old" a DATE
    if (token.pos_ not in ("NOUN", "PROPN") and not aged) or token.i in skip \
            or (token.ent_type_ in NOT_PARTY_ENTS and not aged):
        return None
    if is_event_noun(token):
        return None
    if token.like_num or not any(ch.isalpha() for ch in token.text) or token.lower_ in NOT_PARTY_WORDS:
        return None

    start = token.i
    for child in token.lefts:
        if child.dep_ in LEFT_DEPS and child.i not in skip:
            start = min(start, child.left_edge.i)
    doc = token.doc
    # "the" and other determiners are not part of an entity's text (the actors stage does the same).
    while start < token.i and doc[start].dep_ == "det":
        start += 1
    span = doc[start: token.i + 1]
    if any(t.i in skip for t in span):
        span = doc[token.i: token.i + 1]
    entity = Entity(text=span.text, code=None, sector=None, name=None, id=None,
                    start=span.start_char, end=span.end_char)
    return ActorMention([entity], span.start, span.end, token.i, "unnamed")


def is_aged_person(token: Token) -> bool:
    """"a 19-year-old", "two teenagers and a 70-year-old": a person named by age (the parser makes
    "old" an adjective heading the phrase)."""
    return token.lower_ == "old" and any(c.lemma_ == "year" and c.dep_ == "npadvmod" for c in token.children) \
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
