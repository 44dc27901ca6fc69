"""Parties no table names in a trigger's actor or recipient place, used only as a last resort.

When the parse finds no known actor or recipient (events/arguments.py), the noun phrase in that
grammatical place may still be a party: "A provincial ethics panel accused the harbour authority",
"a suicide bomber killed three engineers". ``unnamed_actor`` looks in the subject's place (or the
"by" phrase of a passive or of an act noun), ``unnamed_recipient`` in the places an act is aimed
at (``target_places``: objects, "sanctions on", "talks with", the infinitive it governs; a thing
moved or given yields to where it goes: "withdrew its troops from X"). What
such a phrase is (a party, or no party at all: "the shelling", "its arms") is
actors/unnamed.py's; the story may still name the party (events/story.py).

Two refinements belong here: a weapon as the subject stands for whoever laid or fired it ("a
roadside bomb planted by rebels", "a Russian mine"), which may be a party the tables do name; and
what a state acts on at home ("crush 22 gangs", "seized a truck in Mombasa"), or an unknown
attacker, belongs to the country where the act happens (actors/implicit.py: ``located``).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.implicit import located, placed_by_its_phrase
from ..actors.index import MentionIndex, coded
from ..actors.unnamed import is_aged_person, unnamed_party
from ..model import ActorMention
from ..parse import children, lemma, owned, subject_token
from .lexicon import entries_by_anchor, word_class
from .matching import CROWD_HEADS, TriggerMatch
from .parties import coded_under, holder_tokens, proposal_makers, unique
from .recipients import DOMESTIC_CATEGORIES
from .story import RECIPROCAL_CATEGORIES
from .subjects import RELATIVE_PRONOUNS, is_pronoun, subject_of
from .syntax import (ATTACK_NOUNS, a_new_one, doer_tokens, forms, infinitives, is_passive, object_tokens,
                     objects_after, participle_agents, reporting_verb)

# Verbs whose "for" object is who is pursued ("sent troops to hunt for the kidnappers").
SEARCH_VERBS = frozenset({"hunt", "search", "look", "comb"})
# Prepositions whose object is the party an act is aimed at ("attacked with", "sanctions on").
AIMED_PREPS = ("against", "on", "with", "to", "at", "toward", "towards", "upon", "into")
# Things an act moves, gives or ends: "withdrew troops", "sent aid", "cut ties", "lifted the ban".
MOVED_THING_CLASSES = ("troops", "peacekeeper", "aid", "humaid", "econaid", "milaid", "weapon", "ties",
                       "restriction", "intel", "property")
# Acts of force, whose object is mostly people the word classes may not know ("arrested two bloggers"):
# there only a known thing (troops, arms, aid) yields to where it goes; elsewhere any object naming no people.
FORCE_CATEGORIES = frozenset({"COERCE", "ASSAULT"})
# Where a thing moved or given goes or comes from ("withdrew troops from", "aid to", "links with").
DIRECTION_PREPS = ("to", "from", "into", "with", "on", "against", "toward", "towards")
# Acts whose target, when a thing ("shelled a market", "raided a warehouse"), stands for where it is.
PLACE_TARGETS = frozenset({"ASSAULT"})
PEOPLE_CLASSES = ("populace", "rioters", "prisoner", "people_moved", "group", "perpetrator", "person")
PEOPLE_ENTS = frozenset({"PERSON", "ORG", "NORP"})


def names_an_act(token: Token) -> bool:
    """A noun the trigger lexicon knows as an event ("bombing", "gunfire", "protests")."""
    index = entries_by_anchor()
    return any(e.pos == "NOUN" for f in forms(token) for e in index.get(f, ()))


def unnamed_actor(match: TriggerMatch, verb: Token,
                  index: MentionIndex) -> tuple[list[ActorMention], list[ActorMention]]:
    """(owner, unnamed) for a trigger whose actor the tables do not name: ``owner``, the coded party
    whose weapon is the subject ("a roadside bomb planted by Hamas"), a direct actor after all; else
    ``unnamed``, the phrase in the doer's place as a party no table names (at most one)."""
    anchor = match.anchor
    skip = {t.i for t in match.tokens}
    passive = verb.pos_ in ("VERB", "AUX") and is_passive(verb) and (anchor is verb or anchor.dep_ == "nsubjpass")
    doers: list[Token] = []
    if passive:
        doers = doer_tokens(verb)
    elif anchor.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "prep" and c.lower_ == "by" for c in anchor.children):
        doers = objects_after(anchor, ("by",))
    else:
        subj = subject_token(verb)
        if subj is None and verb.dep_ == "xcomp":
            subj = subject_token(verb.head)  # "prisoners began refusing food"
        if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and match.entry.plover == "ASSAULT":
            # "a mob torched a mosque, burning twenty worshippers to death", "a car bomb exploded near a
            # market, killing 12": the clause's attackers or weapon do it (not a storm "killing 20 people").
            shared = subject_of(verb, index)[2]
            if shared is not None and _of_classes(shared, ATTACKER_CLASSES + ("weapon",)):
                subj = shared
        if subj is not None and subj.dep_ != "nsubjpass":
            doers = [subj]
    for t in doers:
        told = is_pronoun(t) and t.lower_ in ("it", "they") and (teller := _teller(verb)) is not None
        if told:
            t = teller  # "a small Islamist party said it would shun the vote": the party no table names
        if is_pronoun(t) or t.lower_ in RELATIVE_PRONOUNS:
            continue
        if (lemma(t) in CROWD_HEADS or t.like_num) and objects_after(t, ("of",)):
            t = objects_after(t, ("of",))[0]  # "hundreds of Palestinian prisoners": the prisoners
        if lemma(t) in word_class("weapon"):
            # "a roadside bomb planted by rebels killed ...", "a Russian mine": whoever laid or fired it.
            owner, planter = weapon_owner(t, index)
            if owner:
                return owner, []
            if planter is not None:
                t = planter
            elif match.entry.plover == "ASSAULT" and t.i not in skip:
                # "a roadside bomb killed two soldiers north of Baghdad": nobody named laid it; whoever
                # did is placed where it struck, as an unknown bomber is.
                return [], _placed_where_it_struck(t, skip, verb, index)
        if match.entry.plover == "ASSAULT" and lemma(t) in ATTACK_NOUNS and t.i not in skip and a_new_one(t):
            # "a roadside bombing killed two soldiers", "were killed in a car bombing in Mosul": an attack
            # nobody is named for stands for its unknown attackers.
            return [], _placed_where_it_struck(t, skip, verb, index)
        party = unnamed_party(t, skip, names_an_act)
        if party is not None:
            if told or (match.entry.plover == "ASSAULT" and _of_classes(t, ATTACKER_CLASSES + ("populace",))):
                # (a party that tells what it will do acts where the story is: "the Umma party said it would
                # boycott Algeria's elections")
                # "a suicide bomber killed three engineers in Balochistan", "a mob beat two men to
                # death", "youths pelted a patrol with stones": unknown attackers or crowds are placed where they struck.
                party = located([party], verb, index)[0]
            else:
                party = placed_by_its_phrase([party], index)[0]  # "Milan magistrates"
            return [], [party]
    return [], []


def _placed_where_it_struck(weapon: Token, skip: set[int], verb: Token, index: MentionIndex) -> list[ActorMention]:
    """A weapon or attack as the unknown attackers it stands for, of the country where it struck."""
    party = unnamed_party(weapon, skip)
    return located([party], verb, index)[:1] if party is not None else []


def _teller(verb: Token) -> Token | None:
    """The subject of the verb of saying whose reported clause ``verb`` is in, if it is a noun ("a small
    party", not a name)."""
    report = reporting_verb(verb)
    subj = subject_token(report) if report is not None else None
    return subj if subj is not None and subj.pos_ == "NOUN" else None


# Word classes of people named only as attackers or rioters ("gunmen", "a mob"): placed where they act.
ATTACKER_CLASSES = ("perpetrator", "rioters")


def _of_classes(token: Token, classes: tuple[str, ...]) -> bool:
    return any(lemma(token) in word_class(k) for k in classes)


# Word classes of what an act uses or gives (data/word_classes.tsv): never whom it is aimed at.
MEANS_CLASSES = {"AID": ("aid", "humaid", "milaid"), "ASSAULT": ("weapon",), "COERCE": ("weapon",),
                 "THREATEN": ("weapon",), "MOBILIZE": ("weapon",)}
# "put the army on the highest level of alert": a state of readiness, no party.
ALERT_WORDS = frozenset({"level", "alert", "readiness", "standby", "footing", "war"})
# "reopened the border with immediate effect": how soon, no party.
MANNER_WORDS = frozenset({"effect"})


def unnamed_recipient(match: TriggerMatch, verb: Token, index: MentionIndex,
                      actor: list[ActorMention]) -> list[ActorMention]:
    """The phrase in the first of ``target_places`` that is a party no table names, for a trigger
    with an actor (named or not) and no named recipient."""
    skip = {t.i for t in match.tokens}
    # Two parties joined by "and" in a reciprocal act ("Sudan and Chad agreed to reopen their border")
    # act on each other, not on the thing named.
    joint = match.entry.plover in RECIPROCAL_CATEGORIES and len({e.code for m in actor for e in m.entities}) == 2
    if not actor or joint:
        return []
    taken = skip | {i for m in actor for i in range(m.token_start, m.token_end)}
    # The object a protest's own line names is its means or occasion ("refused food", "sat out the
    # election"), not whom it is against; an investigation's is the case it opens ("opened a case into").
    own_object = match.entry.condition("obj") if match.entry.plover == "PROTEST" or match.entry.cameo.startswith("09") \
        else None
    own_words = own_object.values if own_object is not None else frozenset()
    for t in target_places(match, verb):
        if is_pronoun(t) or t.i in taken or lemma(t) in own_words:
            continue
        if any(lemma(t) in word_class(c) for c in MEANS_CLASSES.get(match.entry.plover, ())) \
                or lemma(t) in ALERT_WORDS or lemma(t) in MANNER_WORDS:
            continue  # "shipped 50 tonnes of rice to ...", "threw stones at ...": the means, not the party
        if match.entry.plover == "CONCEDE" and not names_people(t):
            continue  # "dropped the fuel tax", "lifted the ban": what is given up, not to whom
        if match.entry.plover == "MOBILIZE" and lemma(t) in word_class("border"):
            continue  # "sent troops to its eastern border": where they go; whom they face is the story's
        if owned(t) and moved_thing(t):
            continue  # "would not bring its soldiers home": the actor's own forces are nobody's recipient
        t = next(iter(holder_tokens(t)), t)  # "positions held by the Kurdish YPG militia": the holder
        named = [m for m in (index(t.i), index.place(t.i)) if m is not None and coded(m)]
        if named and t.ent_type_ == "GPE":
            return named[:1]  # "the request was handed to Moscow": a capital or country the tables know
        party = unnamed_party(t, taken, names_an_act)
        if party is not None:
            if (match.entry.plover in DOMESTIC_CATEGORIES or match.entry.plover == "REJECT") and (
                    names_people(t) or match.entry.plover in PLACE_TARGETS):
                # ("turned down a demand by indigenous leaders": the people who made it are the story's)
                # "ordered the army to crush 22 gangs", "seized a truck in Mombasa": what a state acts
                # on at home belongs to the country where it acts.
                # (a nationality in the phrase says whose first: "Iraqi detainees at Abu Ghraib")
                placed = placed_by_its_phrase([party], index)
                return placed if any(coded(m) for m in placed) else located([party], verb, index)
            if _of_classes(t, ATTACKER_CLASSES):
                # "the governor condemned the kidnappers": attackers or rioters nobody names act
                # where the story happens, as they do when they are the actor of the attack.
                placed = placed_by_its_phrase([party], index)
                return placed if any(coded(m) for m in placed) else located([party], verb, index)
            # "thousands of Cambodian villagers": a nationality or town in the phrase says whose.
            return placed_by_its_phrase([party], index)
    return []


def weapon_owner(weapon: Token, index: MentionIndex) -> tuple[list[ActorMention], Token | None]:
    """Whose a weapon is: a party the tables name, by the agent of a participle on it ("planted by",
    "claimed by", "fired by", "blamed on") or a national word on it ("a Russian mine"); else the agent's own
    noun ("planted by jihadist fighters"), for the caller to treat as a party no table names."""
    planter = None
    # ("a mine blamed on the insurgents": whom it is blamed on laid it)
    blamed = [p for acl in children(weapon, ("acl",)) if lemma(acl) == "blame"
              for prep in children(acl, ("prep",)) if prep.lower_ == "on" for p in children(prep, ("pobj",))]
    for p in participle_agents(weapon) + blamed:
        found = coded_under(p, index, 2)
        if found:
            return found, None
        planter = planter or p
    owners = [m for c in weapon.children if c.dep_ in ("amod", "compound", "nmod", "poss")
              for m in (index(c.i), index.place(c.i)) if m is not None and coded(m)]
    return unique(owners), planter


def names_people(token: Token) -> bool:
    """Does the noun name people or a group of them (not a thing: "the ban", "its arms", "access")?"""
    if token.ent_type_ in PEOPLE_ENTS or is_aged_person(token):
        return True
    if token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in token.children) \
            and lemma(token) not in word_class("place") and lemma(token) not in word_class("vessel") \
            and not moved_thing(token):
        return True  # "several thousand nationalists", "40 activists": people counted (not "two townships")
    return any(lemma(token) in word_class(c) for c in PEOPLE_CLASSES)


def moved_thing(token: Token) -> bool:
    """Is the noun a thing an act moves, gives or ends (troops, aid, arms, ties, a ban, property)?"""
    return any(lemma(token) in word_class(c) or token.lower_ in word_class(c) for c in MOVED_THING_CLASSES)


def target_places(match: TriggerMatch, verb: Token) -> list[Token]:
    """Where the party acted on stands, nearest first: the trigger's objects; the objects of its
    aiming prepositions ("sanctions on", "talks with"), on any of its words or its clause's verb;
    then the same places in the infinitive it governs ("agreed to help X", "refused to let X land")."""
    anchor = match.anchor
    hosts = list(match.tokens) + ([verb] if verb.i != anchor.i else [])
    # What a deployment moves ("put its forces on alert", "deployed police") is its own, not its target.
    objects = list(object_tokens(anchor)) if match.entry.plover != "MOBILIZE" else []
    # "took control of the airport": what is held, not the holding.
    objects = [o for t in objects for o in ((objects_after(t, ("of",)) or [t]) if lemma(t) in word_class("holding")
                                            else [t])]
    if match.entry.plover in FORCE_CATEGORIES:
        # "fired three rockets at X", "fired tear gas and stun grenades": what force is used with.
        objects = [o for o in objects if lemma(o) not in word_class("projectile")]
    # "rejected an appeal filed by a group of lawyers": whoever made it, before the appeal itself.
    objects = [p for o in objects for p in proposal_makers(o)] + objects

    def aimed(tokens: list[Token], words: tuple[str, ...] = AIMED_PREPS) -> list[Token]:
        # The trigger's own words first: "an investigation into X on suspicion of fraud".
        return [p for h in tokens for word in words for prep in children(h, ("prep", "dative"))
                if prep.lower_ == word for p in children(prep, ("pobj",))]

    any_thing = match.entry.plover not in FORCE_CATEGORIES
    places = _people_first(objects, hosts, aimed, any_thing) + aimed(hosts)
    for inner in infinitives(verb):
        places += _people_first(list(object_tokens(inner)), [inner], aimed, any_thing) + aimed([inner])
        if lemma(inner) in SEARCH_VERBS:  # "deployed troops to hunt for the kidnappers"
            places += aimed([inner], ("for",))
    return list(dict.fromkeys(places))  # each place once, nearest first


def _people_first(objects: list[Token], hosts: list[Token], aimed, any_thing: bool) -> list[Token]:
    """The objects of a clause, except that a thing is no recipient when a party is named where it
    goes or comes from ("withdrew peacekeepers from X", "offer aid to X", "demanded an apology from
    X", "suspend links with X"): the PLOVER recipient is the entity the act is directed at. A thing is
    an object that names no people, or, in acts of force, a known one (``moved_thing``). Such a party
    comes first, on the host or on the thing itself; the thing stays as the last resort."""
    if not objects or not all(moved_thing(t) or (any_thing and not names_people(t)) for t in objects):
        return objects
    aimed_at = aimed(hosts + objects, DIRECTION_PREPS)
    return aimed_at + objects if aimed_at else objects
