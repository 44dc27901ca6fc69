"""Whose a group with no country of its own is, by what its sentence says of it (the resolver asks
after a place the group is "in" and a state body it is joined to):

- ``person_owner``: a body a named person's possessive owns is that person's country's ("President Yoon
  Suk Yeol's government" in a story filed from Tokyo);
- ``sent_by``: forces a state sends are the sender's ("Mexico agreed to deploy troops");
- ``place_country``: a town or region the group is "in" ("protesters in Lahore"), or for the dead and
  wounded of an attack the place struck ("shelled the old town of Mosul, killing ten civilians");
- the capital the sentence opens with ("In <capital>, ..."): a state body's right after it ("In Minsk,
  the Foreign Ministry said"), the people's when they take part in the main act there ("In Seoul,
  police detained 16 students"), not a party a speaker there only speaks of (``party_of_main_act``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ..knowledge.codes import FORCE_SECTORS, STATE_SECTORS, is_country_code
from ..model import ActorMention
from ..parse import shared_subject
from .spans import SUBJECT_DEPS, leading_capital, root

SENDING_VERBS = frozenset({"send", "deploy", "dispatch", "contribute", "offer", "provide", "pledge", "commit"})
# Entity types of a proper noun after "in" that is no place ("in May", "in Russian"); NER calls
# some towns organisations, persons ("officials in Goma") or nothing at all, so those may be places.
NOT_PLACE_ENTITY_TYPES = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                                    "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT"})
# Participles of the dead and wounded an attack leaves ("..., killing ten civilians").
CASUALTY_VERBS = frozenset({"kill", "wound", "injure"})


def sentence_country(sdoc: Doc, start: int, end: int, sector: Optional[str],
                     mentions: list[ActorMention]) -> Optional[str]:
    """The country the sentence gives the group of tokens ``start:end`` (``mentions``: those resolved
    before it, in text order)."""
    owner = person_owner(sdoc, end, mentions)
    if owner:
        return owner
    if sector in STATE_SECTORS:
        return sent_by(sdoc, end, sector, mentions) or leading_capital(sdoc, start, right_after=True)
    return leading_capital(sdoc, start) if party_of_main_act(sdoc, start, end, mentions) else None


def person_owner(sdoc: Doc, end: int, mentions: list[ActorMention]) -> Optional[str]:
    """The country of the person whose possessive stands on the noun ending at ``end``."""
    owner = next((c for c in sdoc[end - 1].children if c.dep_ == "poss"), None)
    return _one_state({e.code for m in mentions if m.kind == "person" and owner is not None
                       and m.token_start <= owner.i < m.token_end for e in m.entities})


def sent_by(sdoc: Doc, end: int, sector: Optional[str], mentions: list[ActorMention]) -> Optional[str]:
    """Forces a state sends are the sender's, not the story's main country's ("Mexico agreed to deploy troops")."""
    noun = next((t for t in sdoc[end - 1].ancestors if t.dep_ != "conj"), None) \
        if sdoc[end - 1].dep_ == "conj" else sdoc[end - 1]  # ("soldiers and police officers")
    if sector not in FORCE_SECTORS or noun is None or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in SENDING_VERBS:
        return None
    verb = noun.head
    while (subject := shared_subject(verb)) is None and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return _one_state({e.code for m in mentions if subject is not None and m.token_start <= subject.i < m.token_end
                       for e in m.entities})


def _one_state(codes: set) -> Optional[str]:
    """The one state the codes name (none when they name several, or a body of no state)."""
    code = next(iter(codes)) if len(codes) == 1 else None
    return code if is_country_code(code) else None


def party_of_main_act(sdoc: Doc, start: int, end: int, mentions: list[ActorMention]) -> bool:
    """Does the span take part in the sentence's main act where it happens: the subject of its main verb
    ("In Kinshasa, thousands of students stoned ..."), or what a police or army subject acts on there ("In
    Seoul, police detained 16 students")? Not a party a speaker there only speaks of ("In Washington, the
    State Department urged the protesters", "In Beijing, a spokesman said protesters had ...")."""
    noun = sdoc[root(sdoc, start, end)]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "thousands of students"
    verb = noun.head
    # (the main act is also the clause a trailing attribution reports: "..., a police official said")
    if not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
            or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i < verb.head.i)):
        return False
    if noun.dep_ in SUBJECT_DEPS:
        return True
    subject = shared_subject(verb) if noun.dep_ == "dobj" else None
    return subject is not None and any(m.token_start <= subject.i < m.token_end and e.sector in FORCE_SECTORS
                                       for m in mentions for e in m.entities)


def place_country(root, known) -> Optional[str]:
    """The country of a place the noun ``root`` is "in": "rebel-aligned officials in Idlib" -> SYR,
    "protesters in Lahore" -> PAK (cities and regions the gazetteer knows; ``known()`` gives the countries
    the story names, looked up first); the dead or wounded of an attack, the place struck ("shelled the old town of
    Mosul, killing ten civilians")."""
    found = _country_in(root, ("in",), known)
    if found is None and root.dep_ == "dobj" and root.head.tag_ == "VBG" and root.head.dep_ == "advcl" \
            and root.head.lemma_.lower() in CASUALTY_VERBS:
        struck = root.head.head
        found = next((c for t in [struck] + [o for o in struck.children if o.dep_ == "dobj"]
                      if (c := _country_in(t, ("in", "of", "on", "at"), known))), None)
    return found


# Where a crowd's act happens ("marched past the French embassy in Islamabad", "gathered in Karachi").
ACTING_PLACE_PREPS = ("in", "at", "outside", "near", "through", "across", "around", "inside", "into")


def acting_place_country(root, sector: Optional[str], known) -> Optional[str]:
    """The country of the town or region where a crowd that is its clause's subject or object acts: "hundreds of
    students marched past the French embassy in Islamabad" -> PAK, whichever country the story names most
    (not the state's own forces or officials, who may act abroad; not a nationality on the building)."""
    if sector in STATE_SECTORS or sector in FORCE_SECTORS:
        return None
    while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in SUBJECT_DEPS:
        root = root.head.head  # "thousands of students": the number is the subject
    verb = root.head
    if root.dep_ not in ("nsubj", "dobj") or verb.pos_ != "VERB":
        return None  # (and what the clause acts on there: "troops attacked rebels near Gao")
    # (a place set before the verb is the subject's: "In Brussels, the EU's envoy urged the protesters ...")
    after = root.dep_ == "dobj"
    found = _country_in(verb, ACTING_PLACE_PREPS, known, after=after)
    return found or next((c for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ACTING_PLACE_PREPS
                          and not (after and prep.i < verb.i)
                          for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "NOUN"
                          if (c := _country_in(obj, ("in",), known))), None)


def _country_in(token, prepositions: tuple[str, ...], known, after: bool = False) -> Optional[str]:
    """The country of a town or region the gazetteer knows, named after one of the token's prepositions
    (with ``after``, only those that follow the token)."""
    from ..knowledge.gazetteer import resolve_place  # the gazetteer: cities and regions

    sdoc = token.doc
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions or (after and prep.i < token.i):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "PROPN" or obj.ent_type_ in NOT_PLACE_ENTITY_TYPES:
                continue
            start = obj.i  # "in Cox's Bazar" is too rare to matter; "in Ciudad Juarez" is not
            while start > prep.i + 1 and sdoc[start - 1].pos_ == "PROPN" and sdoc[start - 1].head.i == obj.i:
                start -= 1
            location = resolve_place(sdoc[start:obj.i + 1].text, known())
            if location is not None and location.country:
                return location.country
    return None
