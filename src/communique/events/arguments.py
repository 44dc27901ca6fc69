"""Who did it to whom: actor and recipient of a trigger from the dependency parse.

Grammatical role decides: the subject (or the "by" agent of a passive) is the actor; the object,
the passive subject, or the object of "with/to/on/against/..." is the recipient. Word order is
only a fallback where the parse fails (events/subjects.py). Nominal triggers take the subject of
the verb that governs them ("held talks", "during a phone conversation with"); a possessive or
national adjective on the noun is its actor ("Israel's attack on Gaza"), the pair after its
"between" are both parties ("talks between Chile and Bolivia"). In reported speech the embedded
clause keeps its own subject, unless that is a pronoun or the speaker's own country, where the
speaker is the actor.

This module holds the result (``Arguments``) and the order of the steps (``find_arguments``):
the actor (``_actor_of_noun``, ``_pair_of_third_party``, ``_actor_of_clause``), then the recipient
(``_recipient_in_clause``, ``asked.asked_party``, ``_implied_recipient``), then the parties dropped
as no counterpart (``_drop_own_side``), and last the parties no table names. The searches live by
concern: the phrase's mentions in events/parties.py, subjects and speakers in events/subjects.py,
recipient candidates in events/recipients.py, the doer a passive implies in events/passive.py, parties
no table names in events/unnamed_arguments.py, parties a place implies in actors/implicit.py.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors.implicit import across_border, crowd_of_place, localized, located, own_state, place_state
from ..actors.index import MentionIndex, coded
from ..knowledge.codes import STATE_SECTORS, own_forces
from ..model import ActorMention
from ..parse import SPEAKER_POSSESSIVES, children, in_opening_place, lemma, owned, subject_token
from .lexicon import word_class
from .accused import accused_party, doer_of_summed_act, perpetrator_of_object
from .asked import asked_party, captors_asked
from .matching import TriggerMatch
from .passive import EXPULSION, actor_of_passive, recipient_of_passive
from .parties import (awaited_party, between_pair, coded_under, hosted_pair, hyphen_pair, mentions_under,
                      mentions_with_conjuncts, other_side_of_ties, unique)
from .recipients import (DOMESTIC_CATEGORIES, FORCE_MOVING_CATEGORIES, SPEECH_CATEGORIES, TOPIC_PREPS, acts_on_people,
                         addressee, mediated_pair, organisers_of_policed_protest, other_side, recipient_from_hosts,
                         recipient_hosts, second_hop_recipient, talks_partner)
from .subjects import is_pronoun, same_side, speaker, subject_of
from .syntax import (clause_objects, doers_after, infinitives, is_gerund_noun, is_passive, object_tokens,
                     objects_after, participle_agents, received_from, receiving_verb, rejected_vote)
from .unnamed_arguments import unnamed_actor, unnamed_recipient

APOLOGY = "055"
OWN_PEOPLE_CODES = frozenset({"0831", "1723", "1724"})  # a resignation, a curfew, a state of emergency
MEDIATION_CODES = ("045", "039", "038")  # a mediator works between the pair; the pair are its recipients
INVESTIGATION = "09"  # investigations (CAMEO 09x): a state's inquiry names no one else, it looks into its own people
# Categories whose unnamed target is the actor's own state (see actors/implicit.py: own_state).
OWN_STATE_TARGETS = frozenset({"PROTEST", "COERCE"})
# What a crowd gathers to do to its target ("marched to denounce the government").
PROTEST_PURPOSES = frozenset({"denounce", "protest", "condemn", "demand", "oppose", "press", "pressure", "reject",
                              "decry", "urge", "challenge", "defy"})
# Where a noun phrase's own words end: its clauses, appositions and lists.
PHRASE_BREAKS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "npadvmod"})


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


def find_arguments(match: TriggerMatch, verb: Token, index: MentionIndex) -> Arguments:
    """Actor and recipient of a trigger: parties the tables name (``_named_arguments``), else the noun
    phrases in the subject's and object's places as parties no table names (events/unnamed_arguments.py;
    a weapon's owner found there is a named actor after all)."""
    args = _named_arguments(match, verb, index)
    if match.entry.pos != "AUX":
        if not args.actor:
            owner, args.unnamed_actor = unnamed_actor(match, verb, index)
            if owner:
                args.actor, args.actor_direct = owner, True
            # A word inside the doer's own phrase is no recipient ("harassed by an unidentified armed vessel").
            inside = {i for m in args.actor or args.unnamed_actor for i in range(m.token_start, m.token_end)}
            args.recipient = [m for m in args.recipient if m.root not in inside]
        if not args.recipient:
            args.unnamed_recipient = unnamed_recipient(match, verb, index, args.actor or args.unnamed_actor)
        if not (args.recipient or args.unnamed_recipient or match.entry.cameo.startswith(APOLOGY)) and \
                (match.entry.plover == "CONCEDE" or match.entry.cameo in OWN_PEOPLE_CODES):
            # "Morales backed down and scrapped the fuel price rise", "the premier resigned": yielding to
            # no one named is yielding to the actor's own people (an apology is owed to someone else);
            # a curfew or state of emergency named on no one falls on them.
            args.recipient = own_state(args.actor, "CONCEDE")
            args.recipient_weak = bool(args.recipient)
        elif not args.recipient and match.entry.cameo.startswith(INVESTIGATION) and \
                not any(coded(m) for m in args.unnamed_recipient):
            # "prosecutors opened an inquiry into the deaths": a state's inquiry into what no table names
            # is into its own people (named by the words of what it looks into, where the text gives them).
            words = [index.doc[m.token_start:m.token_end] for m in args.unnamed_recipient if m.token_start >= 0][:1]
            args.recipient = own_state(args.actor, "COERCE", words[0] if words else None)
            args.recipient_weak = bool(args.recipient)
    args.recipient = localized(args.recipient, verb, index)
    return args


def _named_arguments(match: TriggerMatch, verb: Token, index: MentionIndex) -> Arguments:
    """The parties the tables name, step by step (the module's docstring lists the steps)."""
    if match.entry.pos == "AUX" or match.entry.alleged:
        return _appeal(verb, index)
    # A passive governing verb matters for verb triggers ("was attacked by") and for a noun
    # that is its passive subject ("talks were held"); "were engaged in forced deportations" keeps its subject.
    # Stative participles ("is committed to", "is prepared to") are not passives.
    anchor = match.anchor
    passive = verb.pos_ in ("VERB", "AUX") and is_passive(verb) and match.entry.pos != "ADJ" and (
        anchor is verb or anchor.dep_ == "nsubjpass")
    args = Arguments()
    if _actor_of_noun(args, match, verb, index) or _pair_of_third_party(args, match, index):
        return args
    _actor_of_clause(args, match, verb, index, passive)
    _recipient_in_clause(args, match, verb, index, passive)
    _implied_recipient(args, match, verb, index)
    _drop_own_side(args, match)
    if args.actor:
        # "warned that the vote would damage Hungary's ties with Poland": Poland, not Hungary
        other = other_side_of_ties(args.actor, args.recipient, verb, index)
        if other:
            args.recipient, args.recipient_direct = other, True
    return args


def _appeal(verb: Token, index: MentionIndex) -> Arguments:
    """"X said Y must ...": the speaker appeals to the subject of the reported clause ("X said Y had
    violated its airspace": accuses it)."""
    args = Arguments()
    args.actor = speaker(verb, index)
    args.actor_from_speaker = True
    subj = subject_token(verb)
    if subj is not None:
        args.recipient, _ = mentions_under(subj, index)
        args.recipient_direct = True
    return args


def _actor_of_noun(args: Arguments, match: TriggerMatch, verb: Token, index: MentionIndex) -> bool:
    """The actor a nominal trigger names itself: its owner ("Israel's attack", "the U.S. invasion"),
    the pair after its "between", or its "by" doer. True when ``args`` is complete: the pair, or a
    "by" doer no table knows (then the sentence's subject is not the doer either)."""
    anchor = match.anchor
    if anchor.pos_ not in ("NOUN", "PROPN") and not is_gerund_noun(anchor):
        return False
    named_doer = False
    # "Israel's attack", "the U.S. invasion": a possessive, or a national word modifying the noun.
    owners = [index(c.i) or index.place(c.i) for c in anchor.children
              if c.dep_ in ("poss", "amod", "compound", "nmod")]
    owners = [m for m in owners if m is not None and m.kind != "place"]
    if owners and anchor.dep_ == "pobj" and anchor.head.lower_ == "to" and lemma(anchor) in HELPED_OWNER_NOUNS:
        # "leapt to Pakistan's defence", "came to Haiti's aid": the owner is the one helped; the
        # clause's subject helps it.
        args.recipient, args.recipient_direct = unique(owners), True
        return False
    # "joint military exercise", "a police operation": a bare sector word says what kind of act,
    # not who did it, when the clause names its doer.
    kinds_only = [m for m in owners if m.kind == "sector" and m.token_end - m.token_start == 1
                  and anchor.doc[m.root].is_lower]
    if kinds_only and len(kinds_only) == len(owners) and subject_of(verb, index)[0]:
        owners = []
    pair = between_pair(anchor, index) or hyphen_pair(anchor, index)
    if owners and len(pair) < 2:
        args.actor = unique(owners)
        args.actor_direct = True
    elif (len(pair) >= 2 or (len(pair) == 1 and pair[0].kind == "compound")) \
            and not match.entry.cameo.startswith(MEDIATION_CODES):
        # "talks between Egypt's Shoukry and Jordan's Safadi", "a ceasefire between Israel
        # and Hezbollah": the parties named after "between" are the pair.
        args.actor, args.recipient = pair[:1], pair[1:]
        args.actor_direct = args.recipient_direct = True
        args.actor_compound = True
        if len(pair) == 1 and len(pair[0].entities) == 2:
            # "fighting between M23 rebels and the Congolese army": one phrase naming both sides.
            m = pair[0]
            args.actor = [dataclasses.replace(m, entities=m.entities[:1])]
            args.recipient = [dataclasses.replace(m, entities=m.entities[1:])]
        elif len(pair) == 1:
            args.actor, args.recipient = pair, []
        return True
    else:
        # "a strike of dockers" (not "a boycott of the election": what is protested); "the
        # resignation of the minister": the minister resigned.
        doers = ("by", "of") if match.entry.plover == "PROTEST" or lemma(anchor) in DOER_OF_NOUNS else ("by",)
        named = objects_after(anchor, doers)
        if match.entry.plover == "PROTEST":  # "a nationwide strike called by the unions": its organisers
            # (a party outside the state: "called by the main political parties" is no government's strike)
            named += [p for p in participle_agents(anchor, ORGANISING_VERBS)
                      if any(e.sector and e.sector not in STATE_SECTORS for m in mentions_under(p, index)[0] for e in m.entities)]
        # "the expulsion of the ambassador by Mali": a "by" the parser hung on the noun's object
        named += [o for o in doers_after(anchor, lambda x: bool(mentions_under(x, index)[0])) if o not in named]
        for p, found in [(p, mentions_under(p, index)[0]) for p in named]:
            if p.head.lower_ != "by" and not found:
                continue
            if p.head.lower_ == "by" and any(q.lower_ in SUBJECT_MATTER_PREPS and q.i < p.head.i
                                             for q in children(anchor, ("prep",))):
                continue  # "an inquiry into abuses by the police": the police did the abuses, not the inquiry
            args.actor, args.actor_direct = found, bool(found)
            # "after protests by farmers": the noun names its own doer; when that doer is no
            # known actor, the subject of the sentence ("the government ordered ...") is not it.
            named_doer = True
        if not named_doer and match.entry.plover in FROM_DOER_CATEGORIES:
            return _received_from(args, anchor, index)
    return named_doer and not args.actor


# Nouns after "to" whose owner is the one helped ("came to Kyiv's aid", "rushed to Manila's defence").
HELPED_OWNER_NOUNS = frozenset({"defence", "defense", "aid", "rescue", "assistance"})


# Participles naming who organised a protest ("a strike called by the unions", "a march led by students").
ORGANISING_VERBS = frozenset({"call", "organise", "organize", "stage", "lead", "launch", "announce", "declare"})
# Acts named by a noun whose "of" object is who did them ("the resignation of the interior minister").
DOER_OF_NOUNS = frozenset({"resignation"})


# Prepositions naming what an act is about ("an inquiry into abuses"): a "by" after them names that
# matter's doer (the parser hangs it on the act's noun).
SUBJECT_MATTER_PREPS = frozenset({"into", "over", "about", "on"})


# A said act named by its noun comes "from" whoever says it ("criticism from Mexico", "an offer from
# Seoul"); acts that move people or forces come "from" the place left ("a withdrawal from Iraq").
FROM_DOER_CATEGORIES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "THREATEN", "REJECT", "AGREE", "AID", "CONSULT",
                                  "ASSAULT"})


def _received_from(args: Arguments, anchor: Token, index: MentionIndex) -> bool:
    """"The law drew a rebuke from Berlin", "Seoul came under pressure from Washington":
    the party after "from" makes the act, and the subject of the verb that receives it ("drew",
    "faced", "came under") is whom it is aimed at. True when the act is told so."""
    doers = [m for p in received_from(anchor) for m in mentions_under(p, index)[0]]
    if not doers:
        return False
    verb = receiving_verb(anchor)
    subj = subject_token(verb)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        subj = subject_token(verb.head)  # "deported the publisher, drawing a rebuke from Canberra"
    args.actor, args.actor_direct = unique(doers), True
    args.recipient = mentions_under(subj, index)[0] if subj is not None else []
    args.recipient_direct = bool(args.recipient)  # ("The decision drew ...": whose, the story may say)
    return True


def _pair_of_third_party(args: Arguments, match: TriggerMatch, index: MentionIndex) -> bool:
    """"Peru hosted four days of talks between Chile and Bolivia": the pair consult. True when found."""
    third_party = match.anchor.pos_ == "VERB" and match.entry.mode == "third-party"
    if len(pair := hosted_pair(match.anchor, index) if third_party else []) < 2:
        return False
    args.actor, args.recipient = pair[:1], pair[1:]
    args.actor_direct = args.recipient_direct = args.actor_compound = True
    return True


def _actor_of_clause(args: Arguments, match: TriggerMatch, verb: Token, index: MentionIndex,
                     passive: bool) -> None:
    """The actor from the clause: a passive's agent (or the host state, or the body that reports an
    arrest, or the state where it happened); else the subject, or the speaker of reported speech;
    else a protesting crowd's country. A group that names no country takes the one where it acts."""
    if not args.actor and passive:
        actor_of_passive(args, match, verb, index)
    if not args.actor and not passive:
        own, direct, subj = subject_of(verb, index)
        if subj is not None and not own and (lemma(subj) in word_class("filing")
                                                or lemma(subj) in word_class("document")):
            # "A lawsuit lodged by Gambia accuses Myanmar ...": whoever filed or wrote it says it.
            filed_by = [m for p in participle_agents(subj) for m in mentions_under(p, index)[0] if coded(m)]
            if filed_by:
                own, direct = filed_by, True
        if subj is not None and own:
            args.actor_compound = mentions_with_conjuncts(subj, index)[2] or any(
                m.kind == "compound" for m in own)
        reporter = speaker(verb, index)
        # "The Kremlin said the pledge was dangerous": a judgement on an act is the speaker's.
        judged_act = match.entry.pos == "ADJ" and subj is not None and (
            lemma(subj) in word_class("act_noun") or lemma(subj) in word_class("proposal")
            or lemma(subj) in word_class("demand"))
        # "The army said its aircraft had struck ...": a thing of the speaker's own ("its force") acts for it.
        own_thing = subj is not None and not own and owned(subj, SPEAKER_POSSESSIVES)
        # "Petro said his government stood with ...": a body of the speaker's own is the speaker's; so is a
        # bare "the army" a minister says will act ("Akar warned that the army would launch ...").
        own_body = subj is not None and bool(own) and all(m.kind == "sector" for m in own) and (
            owned(subj, SPEAKER_POSSESSIVES)
            or (not any(coded(m) for m in own) and bool(reporter) and all(coded(m) for m in reporter)))
        if reporter and (subj is None or (not own and (is_pronoun(subj) or own_thing)) or judged_act
                         or own_body or same_side(own, reporter)):
            args.actor, args.actor_from_speaker = reporter, True
            args.actor_compound = len(reporter) > 1 or any(m.kind == "compound" for m in reporter)
        else:
            args.actor, args.actor_direct = own, direct

    if not args.actor and match.entry.plover == "PROTEST":
        args.actor = crowd_of_place(verb, index)
    if args.actor and not any(coded(m) for m in args.actor):
        args.actor = located(args.actor, verb, index)
    args.actor = localized(args.actor, verb, index)


def _recipient_in_clause(args: Arguments, match: TriggerMatch, verb: Token, index: MentionIndex,
                         passive: bool) -> None:
    """The recipient the clause names, nearest role first: a passive's subject, the doer of the act
    an accusation is about, the party a judgement names, the object or prepositional object
    (events/recipients.py), whom a demand or condition is put to, a party one noun away, and last a
    country named as a place."""
    anchor = match.anchor
    trigger_ids = {t.i for t in match.tokens}
    if passive:
        recipient_of_passive(args, verb, index)
    if not args.recipient and match.entry.cameo.startswith(MEDIATION_CODES):
        # "launched a mediation effort to end the rift between X and Y": the pair it works between.
        args.recipient = [m for m in mediated_pair(anchor, verb, index) if id(m) not in {id(a) for a in args.actor}]
        args.recipient_direct = bool(args.recipient)
    if not args.recipient and match.entry.plover == "ACCUSE":
        # "filed a suit in a Paris court against X": whom it is brought against, not the forum;
        # "investigating crimes by Croatian extremists against Serbs": the accused is the doer of the act.
        args.recipient = accused_party(anchor, verb, index) or perpetrator_of_object(anchor, verb, index)
        args.recipient_direct = bool(args.recipient)
    if not args.recipient and match.entry.plover in SPEECH_CATEGORIES:
        # "Japan expelled two envoys, a move Beijing condemned": the doer of the act the noun sums up.
        args.recipient = doer_of_summed_act(anchor, index)
        args.recipient_direct = bool(args.recipient)
    if not args.recipient and match.entry.condition("pred") is not None:
        # "called the deal a failure of Netanyahu's policy": the party the judgement names.
        named = [m for c in anchor.children if c.dep_ in ("oprd", "acomp")
                 for m in coded_under(c, index, 4) if id(m) not in {id(a) for a in args.actor}]
        args.recipient = unique(named)
        args.recipient_direct = bool(args.recipient)
    if not args.recipient and match.entry.plover in ("PROTEST", "REJECT"):
        # "poured into the streets of Sanaa to denounce the United States": whom the protest is for
        # and against, before the place it fills; else whom it (or a refusal) waits on ("until").
        purposes = [x for h in (anchor, verb) for x in infinitives(h) if lemma(x) in PROTEST_PURPOSES]
        args.recipient = unique([m for x in purposes for o in object_tokens(x) + [
            p for prep in children(x, ("prep",)) if prep.lower_ == "against" for p in children(prep, ("pobj",))]
            for m in coded_under(o, index, 2)]) or awaited_party(verb, index, match.entry.plover == "REJECT")
    if not args.recipient and match.entry.plover == "REQUEST":
        args.recipient = captors_asked(anchor, verb, index)  # "the release of three Americans held by X"
        args.recipient_direct = bool(args.recipient)
    if not args.recipient and match.entry.plover == "MOBILIZE":
        args.recipient = organisers_of_policed_protest(verb, index, args.actor)  # "ahead of a rally by X"
        args.recipient_direct = bool(args.recipient)
    if not args.recipient and match.entry.plover == "CONSULT":
        # "arrived in Moscow for talks with Putin": the person met, not the city.
        args.recipient = talks_partner(anchor, verb, index)
        args.recipient_direct = bool(args.recipient)
    if not args.recipient:
        _take_host_recipient(args, match, anchor, verb, index, trigger_ids, places=False)
        if args.recipient and not args.recipient_weak:
            args.recipient = other_side(args.actor, args.recipient, match.entry.plover, index,
                                        recipient_hosts(anchor, verb))
    if not args.recipient:
        args.recipient = asked_party(match, verb, index, args.actor)
    if not args.recipient and (match.entry.plover in SPEECH_CATEGORIES or any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children)):
        # "Beijing warned Taipei that it would not hesitate to use force": a threat, refusal or promise
        # is put to whom it was said.
        actor_codes = {e.code for m in args.actor for e in m.entities}
        said_to = addressee(verb, index)
        if said_to and not {e.code for m in said_to for e in m.entities} <= actor_codes:
            args.recipient, args.recipient_direct = said_to, False
    if not args.recipient and match.entry.cameo == EXPULSION and len(match.tokens) > 1:
        # "declared a Russian diplomat persona non grata": the expelled inside the trigger's own phrase.
        actor_ids = {id(m) for m in args.actor}
        args.recipient = unique([m for t in match.tokens[1:] for m in mentions_under(t, index)[0]
                                 if id(m) not in actor_ids and coded(m)])
    if not args.recipient:
        # "called off the strike after talks with the government", "declined despite pressure from X".
        args.recipient = second_hop_recipient(anchor, verb, index, args.actor)
        args.recipient_weak = bool(args.recipient)
    if not args.recipient:
        # A country named as a place ("lifted the curfew in Montenegro") comes last.
        _take_host_recipient(args, match, anchor, verb, index, trigger_ids, places=True)


def _take_host_recipient(args: Arguments, match: TriggerMatch, anchor: Token, verb: Token, index: MentionIndex,
                         trigger_ids: set[int], places: bool) -> None:
    """The recipient the trigger's hosts offer (objects, aimed prepositions; with ``places``, countries
    named as places too), with how weak and how direct it is."""
    found = recipient_from_hosts(args.actor, args.actor_compound, anchor, verb, index, trigger_ids, places,
                                 match.entry.plover)
    if found and match.entry.plover != "MOBILIZE":
        # "bombed a camp near the border with Cameroon": the state across the border only says where
        # the camp lies (forces massed near a border face that state: MOBILIZE keeps it).
        doc = index.doc
        kept = [m for m in found[0] if not (0 <= m.root < len(doc) and across_border(doc[m.root]))]
        found = (kept,) + tuple(found[1:]) if kept else None
    if found:
        args.recipient, args.recipient_weak, args.recipient_direct = found




def _implied_recipient(args: Arguments, match: TriggerMatch, verb: Token, index: MentionIndex) -> None:
    """The actor is never its own recipient; with none named, a domestic act's recipient is the
    country where it happens, a protest's or repression's the actor's own state (actors/implicit.py)."""
    actor_ids = {id(m) for m in args.actor}
    args.recipient = [m for m in args.recipient if id(m) not in actor_ids]
    if not args.recipient and match.entry.plover in ("REJECT", "ACCUSE") and (
            vote := rejected_vote(match.anchor, verb)) is not None:  # "rejected the tally": the voting state's
        args.recipient, args.recipient_weak = own_state(args.actor, "PROTEST", vote), True
    if not args.recipient and match.entry.plover in DOMESTIC_CATEGORIES:
        # "declared a curfew in the port city of Kismayo": the country where it happens.
        args.recipient = place_state(verb, index, depth=4)
        args.recipient_weak = True
    if not args.recipient and match.entry.plover in OWN_STATE_TARGETS:
        # "Tunisian demonstrators rioted", "Kenyan police broke up a rally": a protest with no named
        # target is aimed at the protesters' own state; the state's repression at its own people.
        if match.entry.plover == "PROTEST" or acts_on_people(match.anchor, verb):
            args.recipient = own_state(args.actor, match.entry.plover, _people_acted_on(match, verb))
            args.recipient_weak = True


def _people_acted_on(match: TriggerMatch, verb: Token):
    """"deported an elderly man", "detained dozens of students": the words naming the people a
    coercive act falls on (its first object, up to the noun), who stand for the actor's own state;
    "protested the closure of the mine", "went on a hunger strike, protesting the new tax": the words
    naming what a protest is against, which stands for the protesters' own government."""
    if match.entry.plover == "PROTEST":
        hosts = [match.anchor, verb] + [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                                        and lemma(c) == "protest"]
        objects = [o for h in hosts for o in children(h, ("dobj",)) if o.i not in {t.i for t in match.tokens}]
        objects += [p for h in hosts for prep in children(h, ("prep",)) if prep.lower_ == "against"
                    for p in children(prep, ("pobj",))]
    elif match.entry.plover == "COERCE":
        objects = clause_objects(match.anchor, verb)
    else:
        return None
    if not objects:
        return None
    obj = objects[0]
    # The noun phrase without its clauses ("the closure of the mine", not "... which employs 300").
    end = obj.i + 1
    while end <= obj.right_edge.i and not any(
            a.dep_ in PHRASE_BREAKS and a.i > obj.i for a in [obj.doc[end], *obj.doc[end].ancestors]
            if a.i in range(obj.left_edge.i, obj.right_edge.i + 1) and a.i != obj.i):
        end += 1
    return obj.doc[obj.left_edge.i:end]


# Acts a pair does with each other, whose party named after "on", "about" or "over" is their topic.
TOPIC_PAIR_CATEGORIES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _topic_of(token: Token) -> bool:
    """Is the party named in a topic phrase ("on Pyongyang", "on Pyongyang's missile launches")?"""
    while token.dep_ in ("poss", "compound", "amod", "nmod") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS


def _drop_own_side(args: Arguments, match: TriggerMatch) -> None:
    """Recipients that are no counterpart: the forces a state deploys, a party of an "and" pair named
    again, and a weak recipient (a place) in the actor's own country or of a pair."""
    if match.entry.plover == "MOBILIZE" and own_forces(
            [e for m in args.recipient for e in m.entities], {a.code for m in args.actor for a in m.entities}):
        # "put its army on alert", "deployed extra police": the forces moved are the actor's own.
        args.recipient = []
    if args.actor_compound and args.recipient and not args.actor_from_speaker:
        # "Manila and Tokyo agreed to expand their coast guard training": a party of the pair named
        # again in the object is no third party; the pair acts on each other.
        # (civilians of one side are acted on, not the pair again: "driving Cambodian villagers from their homes")
        actor_codes = {e.code for m in args.actor for e in m.entities}
        civilians = all(e.sector in ("CVL", "REF") for m in args.recipient for e in m.entities)
        if {e.code for m in args.recipient for e in m.entities} <= actor_codes and len(actor_codes) > 1 \
                and not civilians:
            args.recipient = []
        elif len(actor_codes) > 1 and match.entry.plover in TOPIC_PAIR_CATEGORIES and all(
                _topic_of(match.anchor.doc[m.root]) for m in args.recipient):
            # "Tokyo and Seoul agreed to pool radar data on Pyongyang's launches": what the pair's deal is about.
            args.recipient = []
    if args.recipient_weak:
        # "held talks in Paris": a place, not a counterpart, for cooperative events in the actor's own
        # country or when the actors are a pair joined by "and".
        actor_codes = {e.code for m in args.actor for e in m.entities}
        same = {e.code for m in args.recipient for e in m.entities} <= actor_codes
        # "both sides said they would meet again in Qatar": a place is no counterpart of a speaking pair.
        # A place a pair's forces leave or enter is their counterpart ("X and Y withdrew their troops from Mali").
        pair_in_clause = args.actor_compound and match.entry.plover not in FORCE_MOVING_CATEGORIES and (
            not args.actor_from_speaker or all(m.kind == "place" for m in args.recipient))
        # "In New Delhi, the minister warned that ...": where a party speaks is not whom it speaks to.
        told_from = match.entry.plover in SPEECH_CATEGORIES and all(in_opening_place(match.anchor.doc[m.root]) for m in args.recipient)
        if pair_in_clause or (same and (match.entry.plover not in DOMESTIC_CATEGORIES or told_from)):
            args.recipient = []
