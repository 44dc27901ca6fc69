"""Parties a place or a situation implies: who acts, or is acted on, when the text names them
only by where it happens or by what they are.

- ``place_state``: the country named as the place of an act ("in Lebanon", "in the town of X in
  Turkey", "dropped bombs on an energy facility in the Sumy region", "was shot by security forces
  in Bamako");
- ``located``: a group that names no country belongs to the country where it acts: a place inside
  its own phrase ("officials in Idlib"), else the place of the act, else the wire dateline's country
  ("CARACAS, Aug 8 (Agency) --"), else the only country the sentence names;
- ``crowd_of_place``: protesters named only as a crowd ("Thousands of people marched in Lima") are
  the people (``CVL``) of the country where they protest;
- ``own_state``: a state's own people as the target of its repression ("Kenyan police broke up a
  rally" -> KEN CVL), a protest's own government as its target ("Tunisian demonstrators rioted"
  -> TUN GOV).

The events stage decides when a trigger's party is to be found this way (which categories, and
only after the parse named no one); these functions say who that party is. Their mentions keep
the words of the text they stand on (kind ``implicit`` for a party the text never names).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..knowledge.codes import NON_STATE_CODES, STATE_SECTORS, TRANSNATIONAL_GROUP, is_country_code
from ..knowledge.english import names_american_region
from ..knowledge.words import word_class
from ..model import ActorMention, Entity
from ..parse import DATELINE_DASHES, SEARCH_STOP_DEPS, children, lemma, shared_subject, when_clauses
from . import knowledge
from .index import MentionIndex, coded, gazetteer_place, gazetteer_place_named


def place_state(verb: Token, index: MentionIndex, depth: int = 2) -> list[ActorMention]:
    """The country named as the place of the verb ("in Lebanon", "in the town of X in Turkey"), or of
    its target ("dropped bombs on an energy facility in the Sumy region", "struck sites near Hodeidah")."""
    # ... or of the agent's phrase ("was shot dead by security forces in Bamako").
    hosts = [verb] + children(verb, ("dobj",)) + [p for a in children(verb, ("agent",)) for p in children(a, ("pobj",))]
    preps = [p for h in hosts for p in children(h, ("prep",))]
    preps += [p for h in hosts for c in children(h, ("dobj",)) + [h] for o in children(c, ("conj",))
              for p in children(o, ("prep",))]
    for prep in preps:
        if prep.lower_ in ("in", "at", "inside", "across", "near", "through", "outside", "around", "on", "against", "along") \
                or (prep.lower_ == "of" and prep.head.dep_ == "dobj"):  # "pounded the outskirts of Kharkiv"
            for p in children(prep, ("pobj",)):
                level = [p]
                for _ in range(depth + 1):
                    for t in level:
                        m = index.place(t.i)
                        if m is not None and coded(m) and (m.kind in ("country", "capital", "place") or (
                                m.kind == "modifier" and lemma(t.head) in word_class("place")
                                and lemma(t.head) not in word_class("border"))):  # "near the Venezuelan border"
                            return [m]  # "in Kenya", "in Nairobi", "in the Kenyan town of Kisumu"
                    level = [c for t in level for c in t.children
                             if c.dep_ not in SEARCH_STOP_DEPS and not beyond_border(c, t)]
    return []


def beyond_border(prep: Token, head: Token) -> bool:
    """Is ``prep`` the "with" of a border that only says where a place lies ("a camp near the border
    with Cameroon")? The state across it is neither where the act happens nor a party to it. (Forces
    sent "to" or massed "along" a border with a state face that state: only "near" is a place.)"""
    if not (prep.lower_ == "with" and prep.dep_ == "prep" and head.dep_ == "pobj" and lemma(head) in word_class("border")):
        return False
    return _only_near(head.head)  # "near the border", "close to the border"


def across_border(token: Token) -> bool:
    """Is ``token`` the state a "near the border with" phrase names (``beyond_border``), or the adjective
    of "near the Venezuelan border"?"""
    border = token.head
    if token.dep_ in ("amod", "compound") and lemma(border) in word_class("border") and border.dep_ == "pobj":
        return _only_near(border.head)
    return beyond_border(token.head, token.head.head)


def _only_near(where: Token) -> bool:
    return where.lower_ == "near" or (where.lower_ == "to" and where.head.lower_ == "close")


def localized(parties: list[ActorMention], verb: Token, index: MentionIndex) -> list[ActorMention]:
    """"French jets struck Islamic State depots near Raqqa", "Islamic State fighters overran a
    checkpoint outside Deir ez-Zor": an armed group that works across borders (IMG) is coded as the country where the
    act happens, as coders of national event data code it, where the clause or the dateline names one
    (not the one country the sentence names: "the coalition struck Islamic State" is not American)."""
    return [located([m], verb, index, sentence_country=False)[0]
            if m.entities and all(e.code == TRANSNATIONAL_GROUP for e in m.entities) else m
            for m in parties]


def located(actor: list[ActorMention], verb: Token, index: MentionIndex,
            sentence_country: bool = True) -> list[ActorMention]:
    """"opposition supporters marched through Harare", "security forces have detained ..." under a
    CARACAS dateline: a group that names no country belongs to the country where it acts."""
    # (a person no table knows is not placed by a dateline town: talks held in Geneva or Harare are
    # attended by foreigners; a group named by what it is acts where the story is told from)
    groups_only = all(m.kind in ("sector", "unnamed") for m in actor)
    # (a participle of result happens where its clause does: "a bomb went off in a crowded market in Kano,
    # wounding 20 people")
    # (or of the "when" clause that tells how it happened: "were wounded when their convoy hit a bomb in Kandahar")
    result_of = verb.head if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i else None
    when = when_clauses(verb)
    place = _place_in_phrase(actor, index) or place_state(verb, index, depth=4) \
        or (result_of is not None and place_state(result_of, index, depth=4)) \
        or next((p for c in when if (p := place_state(c, index, depth=4))), []) \
        or _dateline_place(index, towns=groups_only) or (_only_country_of_sentence(verb, index) if sentence_country else [])
    return _coded_as(actor, place)


def placed_by_its_phrase(actor: list[ActorMention], index: MentionIndex) -> list[ActorMention]:
    """A party no table names whose own phrase names a town or country ("Milan magistrates",
    "traders in Kisumu") or its nationality ("Iranian hackers") belongs to that country; else it
    stays as it is."""
    doc = index.doc
    if any(0 <= m.root < len(doc) and doc[m.root].pos_ == "PROPN" for m in actor):
        return actor  # a name ("Ana Cecilia Gervasi") is nobody's town or nationality
    # (a body's own name on the head beats a place: "the U.N. mission in Congo" is the UN's; so does a
    # nationality, also over a town its word may name: "Thai guns" are Thailand's)
    return _coded_as(actor, _nationality_in_phrase(actor, index) or _place_in_phrase(actor, index))


def _nationality_in_phrase(actor: list[ActorMention], index: MentionIndex) -> list[ActorMention]:
    """"Iranian hackers": a demonym on the head of a phrase no table names."""
    doc = index.doc
    return next((found for m in actor if 0 <= m.root < len(doc) if (found := nationality_on(doc[m.root], index))), [])


def nationality_on(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """"Iranian hackers", "French fishing boats": the one demonym an adjective or compound on the noun names."""
    for c in children(noun, ("amod", "compound")):
        for found in (index(c.i), index.place(c.i)):
            if found is not None and found.kind == "modifier" and coded(found) and len(found.entities) == 1:
                return [found]
    return []


def _coded_as(actor: list[ActorMention], place: list[ActorMention]) -> list[ActorMention]:
    if not place:
        return actor
    source = next(e for e in place[0].entities if e.code)
    out = []
    for m in actor:
        entities = [Entity(text=e.text, code=source.code, sector=e.sector, name=e.name, id=e.id,
                           start=e.start, end=e.end) for e in m.entities]
        out.append(ActorMention(entities, m.token_start, m.token_end, m.root, m.kind))
    return out


def _place_in_phrase(actor: list[ActorMention], index: MentionIndex) -> list[ActorMention]:
    """"officials in Idlib", "Milan magistrates": the place named inside the group's own phrase."""
    doc = index.doc
    for m in actor:
        if not 0 <= m.root < len(doc):
            continue
        # (only on a common noun: "Ana Cecilia Gervasi" names a person, not a town's people)
        for c in children(doc[m.root], ("compound", "nmod", "poss")) if doc[m.root].pos_ == "NOUN" else []:
            for found in (index.place(c.i), _town_named(c)):
                if found is not None and coded(found) and found.kind in ("capital", "place", "country"):
                    return [found]
        for prep in children(doc[m.root], ("prep",)):
            if prep.lower_ in ("in", "from", "of"):
                for p in children(prep, ("pobj",)):
                    for t in p.subtree:
                        found = index.place(t.i)
                        if found is not None and coded(found) and found.kind in ("capital", "place", "country"):
                            return [found]
    return []


def _town_named(token: Token) -> ActorMention | None:
    """A town the gazetteer knows, named as a bare modifier the parser gave no entity type ("Milan
    magistrates", "Lahore police"): a place mention of its country."""
    # (a lower-case word names no place: gazetteer_place asks only for capitalised names)
    if token.pos_ not in ("PROPN", "ADJ") or token.ent_type_ in ("PERSON", "ORG") \
            or names_american_region(token):  # ("Central America's governments": a region)
        return None
    return gazetteer_place(token)


ACTED_ON_DEPS = frozenset({"dobj", "dative"})
NAMED_STATE_KINDS = frozenset({"country", "modifier"})  # not a town the verb acts on ("troops attacked Homs")


def _only_country_of_sentence(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """"Venezuela's council declared ..., and security forces have detained ...": the one country the
    sentence names, unless it is a state named in what the verb is done to ("the foreign minister urged
    China to ...": China is the other side, not the doer's country; "accused the government" still
    tells whose government the story is about)."""
    found = [m for m in (index.place(t.i) for t in verb.sent if not across_border(t))
             if m is not None and coded(m)]
    codes = {e.code for m in found for e in m.entities if e.code}
    if len(codes) != 1 or next(iter(codes)) in NON_STATE_CODES:
        return []
    acted_on = {t.i for c in verb.children if c.i > verb.i and c.dep_ in ACTED_ON_DEPS for t in c.subtree}
    return [m for m in found if not (m.root in acted_on and m.kind in NAMED_STATE_KINDS)][:1]


def _dateline_place(index: MentionIndex, towns: bool = False) -> list[ActorMention]:
    """The coded place of a wire dateline ("CARACAS, Aug 8 (Agency) --"): with ``towns``, the one read
    off before parsing, a town the gazetteer knows; else one still at the start of the text."""
    if towns and index.dateline_place:
        # (only a country the story names too: a BEIRUT dateline over a story about Syria tells where
        # the agency writes from, not whose the unnamed attackers are)
        found = gazetteer_place_named(index.dateline_place)
        named = {e.code for m in list(index.by_token.values()) + list(index.places.values()) for e in m.entities}
        if found is not None and found.entities[0].code in named:
            return [found]
    doc = index.doc
    if doc is None or len(doc) < 3:
        return []
    dash = next((t.i for t in doc[:15] if t.text in DATELINE_DASHES), None)
    if dash is None:
        return []
    m = index.place(0)
    return [m] if m is not None and coded(m) and m.kind in ("capital", "place", "country") else []


def own_state(actor: list[ActorMention], category: str, words: Span | None = None) -> list[ActorMention]:
    """The actor's own country as the implicit recipient of a ``category`` act that names no target
    (the events stage asks for protests, coercion and concessions): the government for a protest by non-state
    actors, the population for repression by state agents. The entity keeps the words and offsets
    of the people the act falls on where the text names them only by a common noun (``words``:
    "deported an elderly man"), else the actor's own (the text names no other party); its sector
    tells it apart."""
    entities = [e for m in actor for e in m.entities]
    codes = {e.code for e in entities}
    if len(codes) != 1 or not entities:
        return []
    code = next(iter(codes))
    if not is_country_code(code):
        return []
    sectors = {e.sector for e in entities}
    if category == "PROTEST":
        if sectors & STATE_SECTORS:
            return []  # a government's protest is diplomatic: its target must be named
        sector = "GOV"
    elif category == "CONCEDE":
        sector = "CVL" if sectors <= STATE_SECTORS else "GOV"  # a state yields to its people, rebels to it
    elif sectors <= STATE_SECTORS:
        sector = "CVL"
    else:
        return []
    first = entities[0]
    country = knowledge.country(code)
    name = country.name if country else None
    if words is not None:
        implicit = Entity(text=words.text, code=code, sector=sector, name=name, id=f"country:{code}",
                          start=words.start_char, end=words.end_char)
        return [ActorMention([implicit], words.start, words.end, words.root.i, "implicit")]
    implicit = Entity(text=first.text, code=code, sector=sector, name=name,
                      id=f"country:{code}", start=first.start, end=first.end)
    return [ActorMention([implicit], actor[0].token_start, actor[0].token_end, actor[0].root, "implicit")]


CROWD_WORDS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "crowd", "crowds"})


def crowd_of_place(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """"Thousands of people marched in Lima": protesters named only as a crowd are the people of the
    country where they protest."""
    subj = shared_subject(verb)  # ("broke away from the march and rampaged": the first verb's)
    if subj is None:
        return []
    words = {lemma(t) for t in subj.subtree if t.dep_ in ("nsubj", "pobj") or t.i == subj.i}
    if not words & (CROWD_WORDS | word_class("populace") | word_class("rioters")):
        return []
    # "scores of Spanish trawlers gathered off Gibraltar's port": a crowd with a nationality is of it
    place = next((found for t in subj.subtree if (found := nationality_on(t, index))), []) \
        or place_state(verb, index, depth=4)
    for obj in children(verb, ("dobj",)):  # "blocked streets in Lima"
        place = place or place_state(obj, index, depth=4)
    place = place or [m for m in (index.place(t.i) for t in subj.subtree)
                      if m is not None and m.kind == "place" and coded(m)][:1]
    if not place and verb.dep_ == "advcl":  # "police shot protesters in Nairobi as thousands demonstrated"
        place = place_state(verb.head, index, depth=4)
    place = place or _dateline_place(index) or _only_country_of_sentence(verb, index)
    if not place:
        return []
    m = place[0]
    code = next(e.code for e in m.entities if e.code)
    # The crowd keeps its own words ("thousands"); the place gives only its country.
    words = subj.doc[subj.left_edge.i:subj.right_edge.i + 1]
    entity = Entity(text=words.text, code=code, sector="CVL", start=words.start_char, end=words.end_char)
    return [ActorMention([entity], words.start, words.end, subj.i, "implicit")]
