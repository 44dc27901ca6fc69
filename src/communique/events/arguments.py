"""Who did it to whom: actor and recipient of a trigger from the dependency parse.

Grammatical role decides: the subject (or the "by" agent of a passive) is the actor; the object,
the passive subject, or the object of "with/to/on/against/..." is the recipient. Word order is
only a fallback where the parse fails, in two helpers: of two subjects split by a wire dateline,
the one nearest before the verb (``parse.subject_token``); a main verb the parser gave no subject
takes the noun phrase right before it (``_subject_left_of``).
Nominal triggers take the subject of the verb that governs them ("held talks", "during a phone
conversation with"); a possessive or national adjective on the noun is its actor ("Israel's
attack on Gaza"). In reported speech the embedded clause keeps its own subject, unless that is
a pronoun or the speaker's own country, where the speaker is the actor.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors.implicit import crowd_of_place, located, own_state, place_state
from ..actors.index import MentionIndex, coded
from ..actors.unnamed import unnamed_party
from ..knowledge.codes import STATE_SECTORS
from ..model import ActorMention
from ..parse import SEARCH_STOP_DEPS, children, conjuncts, lemma, subject_token
from .lexicon import word_class
from .matching import TriggerMatch
from .modality import condition_clause
from .story import RECIPROCAL_CATEGORIES
from .syntax import forms, infinitives, is_passive, misparsed_main_verb, object_tokens

HOST_A_VISIT = "043"
# A state's own forces: what it deploys, never whom a deployment is aimed at.
OWN_FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})
# Events that often happen inside one country, whose place then stands for the recipient.
DOMESTIC_CATEGORIES = frozenset({"COERCE", "PROTEST", "CONCEDE", "RETREAT", "ASSAULT", "MOBILIZE", "THREATEN",
                                 "REJECT"})
RECIPIENT_PREPS = ("with", "to", "on", "against", "at", "toward", "towards", "upon", "into", "for",
                   "between", "over", "from", "of", "in", "by", "along", "near", "across", "inside", "outside")
# Categories whose unnamed target is the actor's own state (see actors/implicit.py: own_state).
OWN_STATE_TARGETS = frozenset({"PROTEST", "COERCE"})
WEAK_PREPS = frozenset({"in", "for", "over", "from", "of", "by", "along", "near", "across", "inside", "outside"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our"})
# Climbing from a subjectless verb to the verb whose subject it shares.
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "dobj", "pobj"})


@dataclass
class Arguments:
    actor: list[ActorMention] = field(default_factory=list)
    recipient: list[ActorMention] = field(default_factory=list)
    actor_direct: bool = False
    recipient_direct: bool = False
    actor_from_speaker: bool = False
    recipient_weak: bool = False
    actor_compound: bool = False  # several actors joined by "and": "China and Japan agreed"
    # Phrases in the actor's or recipient's place that name nobody the tables know (actors.unnamed).
    unnamed_actor: list[ActorMention] = field(default_factory=list)
    unnamed_recipient: list[ActorMention] = field(default_factory=list)


def _unique(mentions):
    seen, out = set(), []
    for m in mentions:
        if id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out


def mentions_under(start: Token, index: MentionIndex, max_depth: int = 4) -> tuple[list[ActorMention], int]:
    """Mentions at the shallowest level of the phrase headed by ``start`` (not entering other
    clauses), each with the mentions joined to it by "and" ("Sri Lanka, Nepal and Singapore")."""
    found, depth, _ = mentions_with_conjuncts(start, index, max_depth)
    return found, depth


def mentions_with_conjuncts(start: Token, index: MentionIndex, max_depth: int = 4, places: bool = False):
    """(mentions, depth, joined): ``joined`` says whether some came from an "and" list. A mention that
    names no country is kept only if nothing deeper in the phrase does ("Taiwan's vice minister")."""
    level, depth = [start], 0
    doc = start.doc
    lookup = index.place if places else index
    fallback = None
    while level and depth <= max_depth:
        found = [lookup(t.i) for t in level if lookup(t.i) is not None]
        if found and not any(coded(m) for m in found):
            fallback = fallback or (_unique(found), depth, False)
            found = []
        if found:
            out, joined = [], False
            heads = [start] if index(start.i) is not None else []
            for m in _unique(found):
                out.append(m)
                heads.append(doc[m.root] if 0 <= m.root < len(doc) else start)
            for head in list(heads):
                # "diplomats from Japan and China": the mention took its code from "from Japan"; the
                # country joined to that one is a party too.
                for prep in children(head, ("prep",)):
                    if prep.lower_ in ("from", "of"):
                        heads.extend(children(prep, ("pobj",)))
            for head in heads:
                for c in conjuncts(head)[1:]:
                    more = [index(c.i)] if index(c.i) is not None else mentions_under(c, index, 2)[0]
                    new = [x for x in more if all(x is not o for o in out)]
                    joined = joined or bool(new)
                    out.extend(new)
            return _unique(out), depth, joined
        nxt = []
        for t in level:
            nxt.extend(c for c in t.children if c.dep_ not in SEARCH_STOP_DEPS)
        level, depth = nxt, depth + 1
    return fallback or ([], depth, False)


def _is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" or token.lower_ in PERSONAL_PRONOUNS


def _speaker(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The actor who reports the clause of ``verb`` ("Wang said ... "), if any."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "ccomp" or lemma(t.head) not in word_class("report"):
        return []
    actors, _, _ = subject_of(t.head, index)
    return actors


def subject_of(verb: Token, index: MentionIndex, passive_ok: bool = True):
    """(mentions, direct, subject token) of the clause of ``verb``, climbing to the verb whose subject
    it shares ("agreed to share", "attacked and killed", "militiamen who attacked")."""
    t, came_by = verb, None
    for step in range(6):
        subj = subject_token(t)
        # A passive subject is shared only along "and" ("was indicted and will resign").
        if subj is not None and (subj.dep_ != "nsubjpass" or t is verb or came_by == "conj"):
            if subj.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl":
                found, depth = mentions_under(t.head, index)
                return found, depth <= 1, t.head
            found, depth = mentions_under(subj, index)
            if not found and t.dep_ == "relcl" and any(c.lower_ == "whose" for c in subj.children):
                # "the union, whose leaders demanded ...": the leaders speak for the union.
                found, depth = mentions_under(t.head, index)
                return found, depth <= 1, t.head
            if not found and came_by == "conj" and t.dep_ == "ccomp" and lemma(t.head) in word_class("report"):
                # "X said the claims were baseless and called on Y": the parser joined "called" to the
                # reported clause; the one who speaks and calls is X.
                t, came_by = t.head, "ccomp"
                continue
            return found, step == 0 and depth <= 2, subj
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBG") or misparsed_main_verb(t):
            found, depth = mentions_under(t.head, index)
            if found or t.head.dep_ not in ("dobj", "pobj", "attr"):
                return found, depth <= 1, t.head
            t, came_by = t.head, "acl"  # "issued a declaration demanding ...": the issuer
            continue
        if t.dep_ == "ROOT":
            return _subject_left_of(t, index)
        if t.dep_ not in SHARED_SUBJECT_DEPS or t.head.i == t.i:
            return [], False, None
        came_by = t.dep_
        t = t.head
    return [], False, None


def _subject_left_of(verb: Token, index: MentionIndex):
    """A main verb the parser gave no subject ("With the signing of the accord, the government and the
    rebels have agreed ...", where the pair became conjuncts of "accord"): in English the subject is
    the noun phrase right before the verb and its auxiliaries."""
    first = min([verb] + [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")], key=lambda x: x.i)
    if first.i == 0:
        return [], False, None
    before = verb.doc[first.i - 1]
    m = index(before.i)
    if m is None or before.dep_ in ("pobj", "poss"):
        return [], False, None
    found = [m]
    for c in conjuncts(verb.doc[m.root])[1:]:
        other = index(c.i)
        if other is not None and all(other is not f for f in found):
            found.append(other)
    head = verb.doc[m.root]
    while head.dep_ == "conj" and head.head.i != head.i:  # the first of the pair carries the others
        head = head.head
        first_m = index(head.i)
        if first_m is not None and all(first_m is not f for f in found):
            found.insert(0, first_m)
    return found, False, before


def _agent(verb: Token, index: MentionIndex) -> list[ActorMention]:
    for c in children(verb, ("agent",)):
        for p in children(c, ("pobj",)):
            return mentions_under(p, index)[0]
    return []


def _coded_under(token: Token, index: MentionIndex, depth: int, places: bool = False) -> list[ActorMention]:
    found, _, _ = mentions_with_conjuncts(token, index, depth, places)
    return [m for m in found if coded(m)]


TOPIC_PREPS = frozenset({"on", "about", "over", "regarding"})


def _recipients_of(token: Token, index: MentionIndex, skip: set[int],
                   places: bool = False, transfer: bool = False,
                   topic_only: bool = False) -> tuple[list[ActorMention], bool]:
    """Recipient candidates on one token: objects first, then prepositions in RECIPIENT_PREPS order.
    Only mentions that name a country or body count ("troops" alone is nobody's). In a transfer
    ("extradited a Brazilian man to the United States") the "to" party comes before the object."""
    if transfer:
        for prep in token.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == "to" and prep.i not in skip:
                for p in children(prep, ("pobj",)):
                    found = _coded_under(p, index, 2, places)
                    if found:
                        return found, places
    for c in token.children:
        if c.dep_ in ("dobj", "dative", "iobj", "obj") and c.i not in skip and lemma(c) not in word_class("road"):
            if c.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                c = token.head  # "the People's Defence Force, which he accused of terrorism"
            found = _coded_under(c, index, 3, places)
            if found:
                return found, places
            if c.dep_ == "dative":  # "give aid to X" parsed with "to" as dative
                for p in children(c, ("pobj",)):
                    found = _coded_under(p, index, 3 if places else 2, places)
                    if found:
                        return found, places
    preps = [c for c in token.children if c.dep_ in ("prep", "agent", "dative") or
             (c.dep_ == "prt" and any(g.dep_ == "pobj" for g in c.children))]
    # "met on the sidelines of the G20 summit": where they met, not whom.
    preps = [p for p in preps if not any(lemma(o) in VENUE_NOUNS for o in children(p, ("pobj",)))]
    if lemma(token) in word_class("road") or any(lemma(c) in word_class("road") for c in children(token, ("dobj",))):
        # "blocked the main road to Armenia": a road's destination names it, it is no counterpart
        # (the parser may hang "to Georgia" on the verb).
        preps = [p for p in preps if p.lower_ not in ("to", "toward", "towards", "into", "from")]
    for word in RECIPIENT_PREPS:
        for prep in preps:
            if prep.lower_ != word or prep.i in skip:
                continue
            if topic_only and word in TOPIC_PREPS:
                continue  # "held talks on the drawdown of AU troops": the subject of the talks
            for p in children(prep, ("pobj",)) or _stranded_object(prep, index):
                if _in_third_party_role(p, prep):
                    continue  # "with Venezuela and Norway as guarantors": a role, not the counterpart
                found = _coded_under(p, index, 3 if places else 2, places)
                if found:
                    return found, places or word in WEAK_PREPS
    return [], False


# Roles of a third party in a process between others ("with Norway as guarantor").
THIRD_PARTY_ROLES = frozenset({"guarantor", "mediator", "observer", "witness", "facilitator", "broker",
                               "sponsor", "co-chair", "moderator", "intermediary"})


def _in_third_party_role(noun: Token, prep: Token) -> bool:
    """Is the object of ``prep`` cast "as" a guarantor or mediator (on the noun or on the same head)?"""
    as_preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "as"]
    as_preps += [c for c in prep.head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > prep.i]
    return any(lemma(p) in THIRD_PARTY_ROLES for a in as_preps for p in children(a, ("pobj",)))


def _perpetrator_of_object(anchor: Token, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The "by" party of the act an accusation is about ("condemned the killing of monks by the army")."""
    hosts = [anchor] if anchor.i == verb.i else [anchor, verb]
    for host in hosts:
        for obj in object_tokens(host) + [p for prep in children(host, ("prep",)) if prep.lower_ in ("for", "into", "of")
                                          for p in children(prep, ("pobj",))]:
            for by in children(obj, ("prep",)):
                if by.lower_ == "by":
                    for p in children(by, ("pobj",)):
                        found = _coded_under(p, index, 2)
                        if found:
                            return found
    return []


SECOND_HOP_PREPS = frozenset({"with", "to", "against", "on", "for", "from", "by"})


def _second_hop_recipient(anchor: Token, verb: Token, index: MentionIndex,
                          actor: list[ActorMention]) -> list[ActorMention]:
    """A party named inside a prepositional phrase of the clause, one noun away ("after deliberations
    with the government", "despite pressure by the commission"): used only when it is the one
    country or body so attached, other than the actor."""
    actor_ids = {id(m) for m in actor}
    found: list[ActorMention] = []
    hosts = [anchor] if anchor.i == verb.i else [anchor, verb]
    hosts += infinitives(verb)  # "declined to resign despite pressure from ..."
    for host in hosts:
        for outer in children(host, ("prep",)):
            for noun in children(outer, ("pobj",)):
                for inner in children(noun, ("prep",)):
                    # "in defiance of the authorities", "in protest of the ruling": whom the stance is toward.
                    stance_of = inner.lower_ == "of" and lemma(noun) in word_class("stance")
                    if inner.lower_ not in SECOND_HOP_PREPS and not stance_of:
                        continue
                    for p in children(inner, ("pobj",)):
                        found += [m for m in _coded_under(p, index, 2) if id(m) not in actor_ids]
    found = _unique(found)
    codes = {e.code for m in found for e in m.entities}
    return found if len(codes) == 1 else []


def _stranded_object(prep: Token, index: MentionIndex) -> list[Token]:
    """A preposition the parser left without its object ("granted asylum to five Kenyan officers
    stranded at ...", where "officers" became the subject of a new clause): the mention that
    starts within the next few words is its object."""
    doc = prep.doc
    for j in range(prep.i + 1, min(prep.i + 4, len(doc))):
        m = index(j)
        if m is not None:
            return [doc[j]]
        if doc[j].pos_ not in ("DET", "NUM", "ADJ", "ADV"):
            break
    return []


def _between_pair(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """The coded parties after the noun's "between" ("talks between Chile and Bolivia")."""
    between = [p for prep in children(noun, ("prep",)) if prep.lower_ == "between" for p in children(prep, ("pobj",))]
    return _unique([m for p in between for m in mentions_with_conjuncts(p, index, 2)[0] if coded(m)])


def find_arguments(match: TriggerMatch, verb: Token, index: MentionIndex) -> Arguments:
    """Actor and recipient of a trigger: parties the tables name (``_named_arguments``), else the noun
    phrases in the subject's and object's places as parties no table names (``actors.unnamed``)."""
    args = _named_arguments(match, verb, index)
    if match.entry.pos != "AUX":
        _unnamed_arguments(args, match, verb, index)
    return args


def names_an_act(token: Token) -> bool:
    """A noun the trigger lexicon knows as an event ("bombing", "gunfire", "protests")."""
    from .lexicon import entries_by_anchor

    index = entries_by_anchor()
    return any(e.pos == "NOUN" for f in forms(token) for e in index.get(f, ()))


# Prepositions whose object is the party an act is aimed at ("attacked with", "sanctions on").
AIMED_PREPS = ("against", "on", "with", "to", "at", "toward", "towards", "upon", "into")


def _unnamed_arguments(args: Arguments, match: TriggerMatch, verb: Token, index: MentionIndex) -> None:
    """The phrases in the places of a missing actor or recipient (``unnamed_actor``/``unnamed_recipient``):
    the story may still name the party (events/story.py), so they are used only as a last resort."""
    anchor = match.anchor
    skip = {t.i for t in match.tokens}
    passive = verb.pos_ in ("VERB", "AUX") and is_passive(verb) and (anchor is verb or anchor.dep_ == "nsubjpass")
    if not args.actor:
        doers: list[Token] = []
        if passive:
            doers = [p for a in children(verb, ("agent",)) for p in children(a, ("pobj",))]
        elif anchor.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "prep" and c.lower_ == "by" for c in anchor.children):
            doers = [p for c in anchor.children if c.dep_ == "prep" and c.lower_ == "by" for p in children(c, ("pobj",))]
        else:
            subj = subject_token(verb)
            if subj is not None and subj.dep_ != "nsubjpass":
                doers = [subj]
        for t in doers:
            if _is_pronoun(t) or t.lower_ in RELATIVE_PRONOUNS:
                continue
            if lemma(t) in word_class("weapon"):
                # "a roadside bomb planted by rebels killed ...", "a Russian mine": whoever laid or fired it.
                owner, planter = _weapon_owner(t, index)
                if owner:
                    args.actor, args.actor_direct = owner, True
                    break
                if planter is not None:
                    t = planter
            party = unnamed_party(t, skip, names_an_act)
            if party is not None:
                if match.entry.plover == "ASSAULT" and lemma(t) in word_class("perpetrator"):
                    # "a suicide bomber killed three engineers in Balochistan": unknown attackers are
                    # placed in the country where they struck.
                    party = located([party], verb, index)[0]
                args.unnamed_actor = [party]
                break
    actor = args.actor or args.unnamed_actor
    # Two parties joined by "and" in a reciprocal act ("Sudan and Chad agreed to reopen their border")
    # act on each other, not on the thing named.
    joint = match.entry.plover in RECIPROCAL_CATEGORIES and len({e.code for m in actor for e in m.entities}) == 2
    if not args.recipient and actor and not joint:
        taken = skip | {i for m in actor for i in range(m.token_start, m.token_end)}
        for t in _target_places(match, verb):
            if _is_pronoun(t) or t.i in taken:
                continue
            party = unnamed_party(t, taken, names_an_act)
            if party is not None:
                if match.entry.plover in DOMESTIC_CATEGORIES and (_names_people(t) or match.entry.plover in PLACE_TARGETS):
                    # "ordered the army to crush 22 gangs", "seized a truck in Mombasa": what a state acts
                    # on at home belongs to the country where it acts.
                    args.unnamed_recipient = located([party], verb, index)
                else:
                    args.unnamed_recipient = [party]
                break


# Acts whose target, when a thing ("shelled a market", "raided a warehouse"), stands for where it is.
PLACE_TARGETS = frozenset({"ASSAULT"})
PEOPLE_CLASSES = ("populace", "rioters", "prisoner", "people_moved", "group", "perpetrator")


def _weapon_owner(weapon: Token, index: MentionIndex) -> tuple[list[ActorMention], Token | None]:
    """Whose a weapon is: a party the tables name, by the agent of a participle on it ("planted by",
    "claimed by", "fired by") or a national word on it ("a Russian mine"); else the agent's own
    noun ("planted by jihadist fighters"), for the caller to treat as a party no table names."""
    planter = None
    for acl in children(weapon, ("acl",)):
        for agent in children(acl, ("agent",)):
            for p in children(agent, ("pobj",)):
                found = _coded_under(p, index, 2)
                if found:
                    return found, None
                planter = planter or p
    owners = [m for c in weapon.children if c.dep_ in ("amod", "compound", "nmod", "poss")
              for m in (index(c.i), index.place(c.i)) if m is not None and coded(m)]
    return _unique(owners), planter
PEOPLE_ENTS = frozenset({"PERSON", "ORG", "NORP"})


def _names_people(token: Token) -> bool:
    """Does the noun name people or a group of them (not a thing: "the ban", "its arms", "access")?"""
    if token.ent_type_ in PEOPLE_ENTS:
        return True
    return any(lemma(token) in word_class(c) for c in PEOPLE_CLASSES)


def _target_places(match: TriggerMatch, verb: Token) -> list[Token]:
    """Where the party acted on stands, nearest first: the trigger's objects; the objects of its
    aiming prepositions ("sanctions on", "talks with"), on any of its words or its clause's verb;
    then the same places in the infinitive it governs ("agreed to help X", "refused to let X land")."""
    anchor = match.anchor
    hosts = list(match.tokens) + ([verb] if verb.i != anchor.i else [])
    # What a deployment moves ("put its forces on alert", "deployed police") is its own, not its target.
    places = list(object_tokens(anchor)) if match.entry.plover != "MOBILIZE" else []

    def aimed(tokens: list[Token]) -> list[Token]:
        return [p for word in AIMED_PREPS for h in tokens for prep in children(h, ("prep", "dative"))
                if prep.lower_ == word for p in children(prep, ("pobj",))]

    places += aimed(hosts)
    for inner in infinitives(verb):
        places += list(object_tokens(inner)) + aimed([inner])
    return places


def _named_arguments(match: TriggerMatch, verb: Token, index: MentionIndex) -> Arguments:
    anchor = match.anchor
    args = Arguments()
    trigger_ids = {t.i for t in match.tokens}

    if match.entry.pos == "AUX":
        # "X said Y must ...": the speaker appeals to the subject of the reported clause.
        args.actor = _speaker(verb, index)
        args.actor_from_speaker = True
        subj = subject_token(verb)
        if subj is not None:
            args.recipient, _ = mentions_under(subj, index)
            args.recipient_direct = True
        return args

    # Actor. A passive governing verb matters for verb triggers ("was attacked by") and for a noun
    # that is its passive subject ("talks were held"); "were engaged in forced deportations" keeps its subject.
    # Stative participles ("is committed to", "is prepared to") are not passives.
    passive = verb.pos_ in ("VERB", "AUX") and is_passive(verb) and match.entry.pos != "ADJ" and (
        anchor is verb or anchor.dep_ == "nsubjpass")
    named_doer = False
    if anchor.pos_ in ("NOUN", "PROPN"):
        # "Israel's attack", "the U.S. invasion": a possessive, or a national word modifying the noun.
        owners = [index(c.i) or index.place(c.i) for c in anchor.children
                  if c.dep_ in ("poss", "amod", "compound", "nmod")]
        owners = [m for m in owners if m is not None and m.kind != "place"]
        # "joint military exercise", "a police operation": a bare sector word says what kind of act,
        # not who did it, when the clause names its doer.
        kinds_only = [m for m in owners if m.kind == "sector" and m.token_end - m.token_start == 1
                      and anchor.doc[m.root].is_lower]
        if kinds_only and len(kinds_only) == len(owners) and subject_of(verb, index)[0]:
            owners = []
        pair = _between_pair(anchor, index)
        if owners:
            args.actor = _unique(owners)
            args.actor_direct = True
        elif (len(pair) >= 2 or (len(pair) == 1 and pair[0].kind == "compound")) \
                and not match.entry.cameo.startswith(MEDIATION_CODES):
            # "talks between Egypt's Shoukry and Jordan's Safadi", "a ceasefire between Israel
            # and Hezbollah": the parties named after "between" are the pair.
            args.actor, args.recipient = pair[:1], pair[1:]
            args.actor_direct = args.recipient_direct = True
            args.actor_compound = True
            if len(pair) == 1:
                args.actor, args.recipient = pair, []
            return args
        else:
            by = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "by"]
            for prep in by:
                for p in children(prep, ("pobj",)):
                    args.actor, _ = mentions_under(p, index)
                    args.actor_direct = bool(args.actor)
                    # "after protests by farmers": the noun names its own doer; when that doer is no
                    # known actor, the subject of the sentence ("the government ordered ...") is not it.
                    named_doer = True
    if named_doer and not args.actor:
        return args
    if anchor.pos_ == "VERB" and match.entry.mode == "third-party":
        # "Peru hosted four days of talks between Chile and Bolivia": the pair consult.
        talks = object_tokens(anchor)
        pair = _unique([m for t in talks for m in _between_pair(t, index)])
        if len(pair) >= 2:
            args.actor, args.recipient = pair[:1], pair[1:]
            args.actor_direct = args.recipient_direct = args.actor_compound = True
            return args
    if not args.actor and passive:
        args.actor = _agent(verb, index)
        args.actor_direct = bool(args.actor)
        if not args.actor and match.entry.cameo == HOST_A_VISIT:
            # "was welcomed in Tehran": the host is the state where the visitor was received.
            args.actor = place_state(verb, index, depth=4)
        if not args.actor and match.entry.plover == "COERCE":
            # "The justice ministry said 41 people had been held": the state body that reports
            # an arrest made it; else "was detained in Jordan": the state where it happened did.
            speaker = _speaker(verb, index)
            if speaker and all(e.sector in STATE_SECTORS for m in speaker for e in m.entities):
                args.actor, args.actor_from_speaker = speaker, True
            else:
                args.actor = place_state(verb, index)
    if not args.actor and not passive:
        own, direct, subj = subject_of(verb, index)
        if subj is not None and own:
            args.actor_compound = mentions_with_conjuncts(subj, index)[2] or any(
                m.kind == "compound" for m in own)
        speaker = _speaker(verb, index)
        # "The Kremlin said the pledge was dangerous": a judgement on an act is the speaker's.
        judged_act = match.entry.pos == "ADJ" and subj is not None and not own and (
            lemma(subj) in word_class("act_noun") or lemma(subj) in word_class("proposal")
            or lemma(subj) in word_class("demand"))
        # "The army said its aircraft had struck ...": a thing of the speaker's own ("its force") acts for it.
        own_thing = subj is not None and not own and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
                                                         for c in subj.children)
        # "Petro said his government stood with ...": a body of the speaker's own is the speaker's.
        own_body = subj is not None and bool(own) and all(m.kind == "sector" for m in own) and any(
            c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their", "our") for c in subj.children)
        if speaker and (subj is None or (not own and (_is_pronoun(subj) or judged_act or own_thing))
                        or own_body or _same_side(own, speaker)):
            args.actor, args.actor_from_speaker = speaker, True
            args.actor_compound = len(speaker) > 1 or any(m.kind == "compound" for m in speaker)
        else:
            args.actor, args.actor_direct = own, direct

    if not args.actor and match.entry.plover == "PROTEST":
        args.actor = crowd_of_place(verb, index)
    if args.actor and not any(coded(m) for m in args.actor):
        args.actor = located(args.actor, verb, index)

    # Recipient.
    if passive:
        if verb.dep_ == "acl":
            args.recipient, _ = mentions_under(verb.head, index)
        else:
            subj = subject_token(verb)
            if subj is not None:
                args.recipient, _ = mentions_under(subj, index)
        args.recipient_direct = bool(args.recipient)
    if not args.recipient and match.entry.plover == "ACCUSE":
        # "investigating crimes by Croatian extremists against Serbs": the accused is the doer of the act.
        args.recipient = _perpetrator_of_object(anchor, verb, index)
        args.recipient_direct = bool(args.recipient)
    if not args.recipient and match.entry.condition("pred") is not None:
        # "called the deal a failure of Netanyahu's policy": the party the judgement names.
        named = [m for c in anchor.children if c.dep_ in ("oprd", "acomp")
                 for m in _coded_under(c, index, 4) if id(m) not in {id(a) for a in args.actor}]
        args.recipient = _unique(named)
        args.recipient_direct = bool(args.recipient)
    if not args.recipient:
        _recipient_from_hosts(args, anchor, verb, index, trigger_ids, False, match.entry.plover)
        if args.recipient and not args.recipient_weak:
            args.recipient = _other_side(args.actor, args.recipient, match.entry.plover, index,
                                         _recipient_hosts(anchor, verb))
    if not args.recipient and match.entry.plover in ("REQUEST", "THREATEN", "ACCUSE", "AGREE", "REJECT", "SUPPORT"):
        # "demanded that the US cancel ...", "welcomes Japan to invest": the subject of the clause asked for.
        actor_codes = {e.code for m in args.actor for e in m.entities if e.code}
        # "agreed to let U.N. inspectors reinstall cameras": whom the actor lets act.
        let = [c for x in infinitives(verb) if lemma(x) in LETTING_VERBS for c in children(x, ("ccomp", "xcomp"))]
        for c in children(verb, ("ccomp",)) + infinitives(verb) + let:
            subj = subject_token(c)
            if subj is not None:
                args.recipient, _ = mentions_under(subj, index)
                if match.entry.plover in ("THREATEN", "AGREE") and all(
                        {e.code for e in m.entities} <= actor_codes for m in args.recipient):
                    args.recipient = []  # "warned that Beijing would take measures": its own side acts
                if args.recipient:
                    break
    if not args.recipient and match.entry.plover in ("THREATEN", "AGREE", "REQUEST", "REJECT"):
        # "threatened to halt talks if the United States ...": the party the condition is put to.
        # "warned that it would take action if the United States pressed ahead": the reported clause's too.
        for host in [verb] + infinitives(verb) + children(verb, ("ccomp",)):
            cond = condition_clause(host)
            subj = subject_token(cond) if cond is not None else None
            if subj is not None:
                args.recipient, _ = mentions_under(subj, index)
                if args.recipient:
                    break
    if not args.recipient:
        # "called off the strike after talks with the government", "declined despite pressure from X".
        args.recipient = _second_hop_recipient(anchor, verb, index, args.actor)
        args.recipient_weak = bool(args.recipient)
    if not args.recipient:
        # A country named as a place ("lifted the curfew in Montenegro") comes last.
        _recipient_from_hosts(args, anchor, verb, index, trigger_ids, True, match.entry.plover)
    actor_ids = {id(m) for m in args.actor}
    args.recipient = [m for m in args.recipient if id(m) not in actor_ids]
    if not args.recipient and match.entry.plover in DOMESTIC_CATEGORIES:
        # "imposed a curfew in the town of Gao in northern Mali": the country where it happens.
        args.recipient = place_state(verb, index, depth=4)
        args.recipient_weak = True
    if not args.recipient and match.entry.plover in OWN_STATE_TARGETS:
        # "Tunisian demonstrators rioted", "Kenyan police broke up a rally": a protest with no named
        # target is aimed at the protesters' own state; the state's repression at its own people.
        if match.entry.plover == "PROTEST" or _acts_on_people(anchor, verb):
            args.recipient = own_state(args.actor, match.entry.plover)
            args.recipient_weak = True
    if match.entry.plover == "MOBILIZE" and args.recipient and all(
            e.code in {a.code for m in args.actor for a in m.entities} and e.sector in OWN_FORCE_SECTORS
            for m in args.recipient for e in m.entities):
        # "put its army on alert", "deployed extra police": the forces moved are the actor's own.
        args.recipient = []
    if args.actor_compound and args.recipient and not args.actor_from_speaker:
        # "Manila and Tokyo agreed to expand their coast guard training": a party of the pair named
        # again in the object is no third party; the pair acts on each other.
        actor_codes = {e.code for m in args.actor for e in m.entities}
        if {e.code for m in args.recipient for e in m.entities} <= actor_codes and len(actor_codes) > 1:
            args.recipient = []
    if args.recipient_weak:
        # "held talks in Paris": a place, not a counterpart, for cooperative events in the actor's own
        # country or when the actors are a pair joined by "and".
        actor_codes = {e.code for m in args.actor for e in m.entities}
        same = {e.code for m in args.recipient for e in m.entities} <= actor_codes
        # "both sides said they would meet again in Qatar": a place is no counterpart of a speaking pair.
        pair_in_clause = args.actor_compound and (not args.actor_from_speaker
                                                  or all(m.kind == "place" for m in args.recipient))
        if pair_in_clause or (same and match.entry.plover not in DOMESTIC_CATEGORIES):
            args.recipient = []
    return args


# Categories of speech, where the speaker's own country is never the party addressed.
SPEECH_CATEGORIES = frozenset({"THREATEN", "REJECT", "ACCUSE", "REQUEST", "SUPPORT", "AGREE"})


def _other_side(actor: list[ActorMention], recipient: list[ActorMention], category: str,
                index: MentionIndex, hosts: list[Token]) -> list[ActorMention]:
    """A recipient of the actor's own country, in an event between states, usually holds the real
    counterpart deeper in its phrase ("summoned China's ambassador", "recalled its ambassadors to
    Dublin and Oslo"); the speaker's own country named as the subject of what it says ("Shoukry
    warned that Cairo would not accept ...") is no counterpart at all."""
    actor_codes = {e.code for m in actor for e in m.entities if e.code}
    codes = {e.code for m in recipient for e in m.entities if e.code}
    if not actor_codes or not codes or not codes <= actor_codes or category in DOMESTIC_CATEGORIES - {"THREATEN", "REJECT"}:
        return recipient
    deeper: list[ActorMention] = []
    for m in recipient:
        if not 0 <= m.root < len(index.doc):
            continue
        head = index.doc[m.root]
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
            head = head.head  # "a police mission to Haiti": the phrase of the noun the mention modifies
        for t in head.subtree:
            other = index.place(t.i)  # "ambassadors to Dublin": a capital named as a place
            if other is not None and coded(other) and not {e.code for e in other.entities} & actor_codes:
                deeper.append(other)
    for host in hosts:  # "recalled its ambassadors to Dublin and Oslo": the counterpart in a preposition
        for prep in children(host, ("prep", "dative")):
            if prep.lower_ in ("to", "with", "against", "from", "on"):
                for p in children(prep, ("pobj",)):
                    deeper += [m for m in _coded_under(p, index, 2, places=True)
                               if not {e.code for e in m.entities} & actor_codes]
    if deeper:
        return _unique(deeper)
    if category in SPEECH_CATEGORIES and all(m.kind in ("country", "capital") for m in recipient):
        return []
    return recipient


def _acts_on_people(anchor: Token, verb: Token) -> bool:
    """Does a coercive act fall on the population (no object, or people and their gatherings:
    "broke up the rally", "detained students"), not on a thing ("seized a helicopter")?"""
    objects = object_tokens(anchor) + (object_tokens(verb) if verb.i != anchor.i else [])
    return all(lemma(t) in word_class("populace") or t.lower_ in word_class("populace") for t in objects)


def _recipient_from_hosts(args: Arguments, anchor: Token, verb: Token, index: MentionIndex,
                          trigger_ids: set[int], places: bool, category: str) -> None:
    actor_codes = {e.code for m in args.actor for e in m.entities if e.code}
    transfer = category == "AID" or category == "COOPERATE"
    talks = category == "CONSULT" and args.actor_compound
    for token in _recipient_hosts(anchor, verb):
        found, weak = _recipients_of(token, index, trigger_ids - {anchor.i}, places, transfer, talks)
        if found and weak and category not in DOMESTIC_CATEGORIES and \
                {e.code for m in found for e in m.entities} <= actor_codes:
            continue  # "the return of Israel's ambassadors to Dublin": the own side is no counterpart
        if found:
            args.recipient, args.recipient_weak = found, weak
            args.recipient_direct = token is anchor or token is verb
            return


def _recipient_hosts(anchor: Token, verb: Token) -> list[Token]:
    """Where to look for the recipient: the trigger word, its governing verb, the object noun of a
    multiword trigger, then the infinitive complements ("agreed to hand over to Britain")."""
    hosts = [anchor]
    if verb is not anchor:
        hosts.append(verb)
    if anchor.dep_ == "acl" and anchor.tag_ == "VBG" and anchor.head.head.pos_ == "VERB":
        hosts.append(anchor.head.head)  # "a plane carrying medical supplies landed at Beirut airport"
    for t in list(hosts):
        hosts.extend(c for c in t.children if c.dep_ in ("dobj", "prt") and c not in hosts)
    for t in list(hosts):
        if lemma(t) in word_class("commitment"):  # "reaffirmed its commitment to defend Japan"
            for clause in children(t, ("acl",)):
                if any(g.dep_ == "aux" and g.tag_ == "TO" for g in clause.children):
                    hosts.append(clause)
    for t in list(hosts):
        for x in infinitives(t):
            hosts.append(x)
            hosts.extend(children(x, ("dobj",)))
            hosts.extend(infinitives(x))

    # "withdrew the bill, bowing to a protest movement": whom a concession yields to; "shelled a camp,
    # killing 12 civilians": whom an attack struck.
    hosts.extend(c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                 and (lemma(c) in YIELD_VERBS or lemma(c) in RESULT_VERBS))
    return hosts


RESULT_VERBS = frozenset({"kill", "injure", "wound", "destroy", "damage", "hit", "leave"})


MEDIATION_CODES = ("045", "039", "038")  # a mediator works between the pair; the pair are its recipients
LETTING_VERBS = frozenset({"let", "allow", "permit", "help", "enable"})
VENUE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins"})
YIELD_VERBS = frozenset({"bow", "yield", "give", "cave", "bend", "respond", "heed"})


def _same_side(own: list[ActorMention], speaker: list[ActorMention]) -> bool:
    """Is the reported subject the speaker's own side ("Wang said China welcomes ...")?"""
    if not own or not speaker:
        return False
    if all(m.kind == "pronoun" for m in own):
        return True
    own_codes = {e.code for m in own for e in m.entities}
    speaker_codes = {e.code for m in speaker for e in m.entities}
    return own_codes == speaker_codes and all(m.kind in ("country", "capital") for m in own)
