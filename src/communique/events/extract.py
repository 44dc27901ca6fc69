"""From a parsed document and its actor mentions to coded events.

Per sentence: find triggers (matching), drop those that only say what another trigger is about
("refused to deploy troops" is one REJECT, not a REJECT and a MOBILIZE), find actor and
recipient (arguments), read the auxiliary modes (modality), recode intentions and threats
(future cooperation is AGREE, future conflict is THREATEN), split several counterparts into
several events, and drop duplicates. What the story around the sentence adds (whom a refusal
answers, whom "the step" belongs to) is in story.py.
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from ..actors.index import MentionIndex
from ..knowledge.codes import STATE_SECTORS, own_forces
from ..model import ActorMention, Document, Entity, Event, Trigger
from ..ontology import cameo
from ..parse import children, doc_tokens, lemma
from .arguments import find_arguments
from .decide import Candidate, decide, entities_of, known_party
from .displacement import flights
from .embedding import (WARNED_CATEGORIES, decision_of, drop_embedded, intent_of, medium_of_speech,
                        predicts_no_change, warning_content_of)
from .matching import TriggerMatch, clause_of, find_triggers
from .modality import condition_clause, modality
from .recipients import YIELD_VERBS
from .scorer import rescore
from .story import (answer_to_earlier, counterpart_from_context, done_by_earlier,
                    fold_protest_demands, protests_of_policed_crowds, refusals_of_demands, repeats_earlier,
                    with_story_counterparts)
from .syntax import infinitives



def extract_events(sdoc: Doc, mentions: list[ActorMention], document: Document) -> list[Event]:
    index = MentionIndex(mentions, sdoc, document.dateline_place)
    events: list[Event] = []
    unknown_doers: list[Event] = []
    for number, sent in enumerate(sdoc.sents):
        found = find_triggers(sent, index)
        matches = _purposes_of_journeys(drop_embedded(found), found)
        sentence_events: list[Event] = []
        for match in matches:
            if repeats_earlier(match, events):
                continue
            warning = warning_content_of(match, found) if match.entry.plover in WARNED_CATEGORIES else None
            intent = intent_of(match, found)
            coded = _events_for(match, index, document, sent.text.strip(), number, warning is not None,
                                decided=decision_of(match, found) is not None, intended=intent is not None)
            if _orders_own_forces(match, index):
                # "ordered the army to deploy troops": the deployment is the event, not an appeal.
                coded = [e for inner in found if inner.anchor in infinitives(match.anchor)
                         for e in _events_for(inner, index, document, sent.text.strip(), number)]
            coded = [answer_to_earlier(e, match, events, sentence_events) for e in coded]
            coded = [_addressee_of_joined_verb(e, match, sentence_events) for e in coded]
            coded = [counterpart_from_context(e, events + sentence_events) for e in coded]
            coded = [e for e in (done_by_earlier(e, match, events) for e in coded) if e is not None]
            if warning is not None and not coded and not predicts_no_change(warning):
                # The announced act has no actor of its own ("warned that it would strike"): the warning.
                coded = _events_for(warning, index, document, sent.text.strip(), number)
            if intent is not None and not coded:
                coded = _events_for(intent, index, document, sent.text.strip(), number)
            sentence_events.extend(coded)
        sentence_events.extend(flights(sent, index, document, number, sentence_events))
        for e in _dedupe(sentence_events, sent):
            # An act by a party no table knows takes no part in reading the story (whose act a
            # reaction answers, who the other side is): it is set aside and kept as it is.
            (events if known_party(e.actor) else unknown_doers).append(e)
    events = refusals_of_demands(with_story_counterparts(fold_protest_demands(protests_of_policed_crowds(events)), mentions))
    events = rescore(sorted(events + unknown_doers, key=lambda e: (e.sentence, e.trigger.start)), sdoc, index, mentions)
    # What neither the sentence's named parties nor the story gave: the phrase in the recipient's place
    # (not for a meeting of several named parties: "Chile, Peru and Bolivia met over the water
    # dispute in the Altiplano" meet each other, the dispute is their topic).
    return [dataclasses.replace(e, recipient=_held_where_held(e, e.unnamed_recipient))
            if not e.recipient and e.unnamed_recipient and not _among_themselves(e) else e for e in events]


def _among_themselves(event: Event) -> bool:
    return event.event == "CONSULT" and len({a.code for a in event.actor if a.code}) >= 2


COERCION_CODE = "17"  # CAMEO coerce: arrests, seizures, curfews, bans, deportations


def _held_where_held(event: Event, unnamed: list[Entity]) -> list[Entity]:
    """"security agents detained Mohamed Esmat", "troops detained hundreds of monks", "bailiffs seized
    the company's shares", "placed the province under martial law": what a state's police, soldiers or
    courts coerce is of that state (a party no table names has no country of its own)."""
    states = {a.code for a in event.actor if a.code and a.sector in STATE_SECTORS}
    if not event.cameo.startswith(COERCION_CODE) or len(states) != 1:
        return unnamed
    code = next(iter(states))
    return [u if u.code else dataclasses.replace(u, code=code) for u in unnamed]


SPEECH_CATEGORIES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})


def _addressee_of_joined_verb(event: Event, match: TriggerMatch, sentence_events: list[Event]) -> Event:
    """"accused Moscow of seizing an officer and demanded his return": an act of speech with no
    addressee of its own, told by a verb joined by "and" to the same doer's act of speech, is aimed
    where that one is."""
    if event.recipient or event.event not in SPEECH_CATEGORIES:
        return event
    joined = {t.idx for t in match.anchor.conjuncts}
    for earlier in reversed(sentence_events):
        if earlier.event in SPEECH_CATEGORIES and earlier.recipient and earlier.trigger.start in joined \
                and _doers(earlier)[1] == _doers(event)[1]:
            return dataclasses.replace(event, recipient=[dataclasses.replace(r) for r in earlier.recipient])
    return event


ORDER_VERBS = frozenset({"order", "instruct", "direct", "command"})


def _orders_own_forces(match: TriggerMatch, index: MentionIndex) -> bool:
    """An order by a leader to the forces of his own state is what they then do, not a REQUEST."""
    if match.entry.plover != "REQUEST" or match.anchor.lemma_.lower() not in ORDER_VERBS:
        return False
    args = find_arguments(match, clause_of(match), index)
    return own_forces([e for m in args.recipient for e in m.entities], {e.code for m in args.actor for e in m.entities})


# Verbs of travel whose purpose ("arrived in Dhaka to investigate the killings") is the event, when the
# purpose is something other than talks.
JOURNEY_TRIGGERS = frozenset({"arrive", "travel", "fly", "go", "come", "head"})


def _purposes_of_journeys(matches: list[TriggerMatch], found: list[TriggerMatch]) -> list[TriggerMatch]:
    out: list[TriggerMatch] = []
    for m in matches:
        purpose = None
        if m.entry.plover == "CONSULT" and m.anchor.lemma_.lower() in JOURNEY_TRIGGERS:
            purpose = next((p for p in found if p.anchor in infinitives(m.anchor)
                            and p.entry.plover not in ("CONSULT", "AGREE")), None)
        if purpose is None:
            out.append(m)
        elif purpose not in out:
            out.append(purpose)
    return out




def _spoken_to_party(match: TriggerMatch, args) -> bool:
    """Were the words carried by the call said by a named party to a named party, the object of the verb
    ("urged Erdogan in a phone call", "told his counterpart by telephone", "discussed it by phone with X")?"""
    verb = match.anchor.head.head
    spoken_to = {c.i for c in verb.children if c.dep_ in ("dobj", "dative")} | {
        o.i for t in (verb, match.anchor) for p in children(t, ("prep",)) if p.lower_ in ("with", "to")
        for o in children(p, ("pobj",))}
    return any(m.kind != "unnamed" for m in args.actor) and any(m.root in spoken_to for m in args.recipient)


def _is_denial(match: TriggerMatch) -> bool:
    """"rejected the accusation", "an allegation Paris dismissed as false": denying a charge
    (CAMEO 016, a statement) is not a refusal of a demand, so it is no REJECT event."""
    if match.entry.plover != "REJECT" or match.anchor.pos_ != "VERB":
        return False
    verb = match.anchor
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl"):
        objects.append(verb.head)  # the noun the clause describes
    return any(o.lemma_.lower() in DENIED_NOUNS for o in objects)


# What a denial denies (see _is_denial).
DENIED_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "criticism", "report",
                          "suggestion", "assertion", "insinuation", "account", "version", "narrative",
                          "characterization", "characterisation", "description", "interpretation"})


def _events_for(match: TriggerMatch, index: MentionIndex, document: Document, text: str,
                number: int, warned: bool = False, decided: bool = False, intended: bool = False) -> list[Event]:
    """The trigger as a candidate (its arguments and modes), decided (events/decide.py), as events."""
    if _is_denial(match):
        return []
    verb = clause_of(match)
    args = find_arguments(match, verb, index)
    if not args.actor:
        # A doer no table names ("a regional council condemned ...") is still the doer.
        args = dataclasses.replace(args, actor=args.unnamed_actor)
    if not args.actor:
        return []
    # "Peru and Chile discussed fishing rights": two parties named together meet each other.
    # (named each: "the two ministers" of a story is the meeting told again, not a new one)
    # (a visit or hosting always has a counterpart of its own)
    pair = args.actor_compound and match.entry.plover == "CONSULT" and not match.entry.cameo.startswith(
        ("042", "043")) and len({e.text for m in args.actor for e in m.entities}) >= 2
    if (match.entry.needs_recipient or match.entry.pos == "AUX" or match.entry.alleged) and not args.recipient \
            and not pair:
        return []
    if medium_of_speech(match) and not (pair or _spoken_to_party(match, args)):
        return []  # "witnesses told a news agency by telephone": a call between parties, or none
    mod = modality(match.anchor, verb, document.published)
    if warned and mod.hypothetical and any(
            c.dep_ == "aux" and (c.lower_ in ("would", "will", "'d")
                                 or (c.lower_ in ("could", "might", "may") and condition_clause(verb) is not None))
            for c in verb.children):
        # "warned that Cairo would not accept ...": reported speech, "would" is the future of the past;
        # "warned that Ankara could cut ties if ...": a conditional threat, as certain as the condition.
        mod = dataclasses.replace(mod, hypothetical=False, future=True)
    if intended:  # "was ready to shut the strait": what the actor says it will do
        mod = dataclasses.replace(mod, hypothetical=False, purpose=False, future=True)
    if decided:  # "agreed on Friday to expel ...": what was decided is no mere purpose
        mod = dataclasses.replace(mod, hypothetical=False, purpose=False)
    trigger = Trigger(document.text[match.start:match.end], match.start, match.end)
    unnamed = entities_of(args.unnamed_recipient)
    events = []
    for d in decide(Candidate(match, args, mod)):
        row = cameo(d.reading.cameo)
        events.append(Event(
            doc=document.id, event=d.reading.plover, cameo=d.reading.cameo, actor=d.actor, recipient=d.recipient,
            trigger=trigger, text=text, sentence=number, mode=d.reading.mode, context=list(d.reading.context),
            quad_class=row.quad_class, goldstein=row.goldstein, published=document.published,
            negated=d.modality.negated, hypothetical=d.modality.hypothetical, future=d.modality.future,
            historical=d.modality.historical, confidence=d.confidence, rule="; ".join(d.reading.rules),
            unnamed_recipient=[] if d.recipient else unnamed,
        ))
    return events


# Measures a state takes one by one (a sanction, a curfew, an expulsion): each is an event of its own.
MEASURE_CATEGORIES = frozenset({"SANCTION", "COERCE"})


def _dedupe(events: list[Event], sent: Span) -> list[Event]:
    """One event per category and dyad in a sentence ("killed ... in an attack" is one ASSAULT),
    except acts of other doers told by verbs joined by "and" ("the general seized power, and soldiers
    detained the party leaders")."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    verbs = {t.idx: t for t in doc_tokens(sent.doc)[sent.start:sent.end] if t.pos_ == "VERB"}
    for e in events:
        key = (*_doers(e), tuple(sorted(str(r.code) for r in e.recipient)), e.negated, e.hypothetical, e.historical)
        if key in best and _joined_acts(best[key], e, verbs):
            key += (e.trigger.start,)
        if key not in best:
            order.append(key)
            best[key] = e
        elif e.confidence > best[key].confidence:
            best[key] = e
    kept = [best[k] for k in order]
    # "shelled Juba, killing 20": the event without a recipient repeats the one with it.
    with_recipient = {_doers(e) for e in kept if e.recipient}
    kept = [e for e in kept if e.recipient or _doers(e) not in with_recipient]
    # "four soldiers were wounded when a roadside bomb exploded", "a bomb ripped through a bus, killing
    # 20": the blast and its casualties are one attack, whose recipient is the people it struck.
    kept = [e for e in kept if not _blast_of(e, kept, verbs)]
    # "quit on Sunday, yielding to the protesters", "bowed to their demands and resigned": the yielding
    # is how the resignation is told, not a second concession.
    resigned = {t.i for e in kept if e.event == "RETREAT" and (t := verbs.get(e.trigger.start)) is not None}
    return [e for e in kept if not _yielding_told_with(e, verbs, resigned)]


BLAST_VERBS = frozenset({"explode", "detonate", "go", "rip", "tear"})


def _blast_of(event: Event, kept: list[Event], verbs: dict) -> bool:
    """Is the event a weapon's blast that another attack of the same doers in the sentence is told with,
    as its "when" clause or through its casualties ("exploded, killing six")?"""
    t = verbs.get(event.trigger.start)
    if event.event != "ASSAULT" or t is None or lemma(t) not in BLAST_VERBS:
        return False
    for other in kept:
        o = verbs.get(other.trigger.start)
        if other is event or o is None or _doers(other) != _doers(event) or not other.recipient:
            continue
        if (o.dep_ == "advcl" and o.head.i == t.i) or (t.dep_ == "advcl" and t.head.i == o.i):
            return True
    return False


def _yielding_told_with(event: Event, verbs: dict, resigned: set[int]) -> bool:
    """Is the event a yielding ("bow", "yield") joined by "and" or as a participle to a resignation?"""
    t = verbs.get(event.trigger.start)
    return event.event == "CONCEDE" and t is not None and lemma(t) in YIELD_VERBS and (
        (t.dep_ in ("advcl", "conj") and t.head.i in resigned)
        or any(c.dep_ == "conj" and c.i in resigned for c in t.children))


def _nested(a: Token, b: Token) -> bool:
    """Is one verb inside the other's clause (not in a clause joined to it by "and")?"""
    def inside(inner: Token, outer: Token) -> bool:
        t = inner
        while t.i != outer.i and t.head.i != t.i:
            if t.dep_ == "conj":
                return False
            t = t.head
        return t.i == outer.i
    return inside(b, a) or inside(a, b)


def _doers(e: Event) -> tuple:
    """An event's category and acting side (country and sector: the president and the riot police of
    one country are two doers)."""
    return e.event, tuple(sorted(f"{a.code}/{a.sector}" for a in e.actor))


def _light_verb(event: Event, verbs: dict):
    """The verb whose object is the event's trigger noun ("ordered a curfew", "gave the envoys 48 hours
    to leave"), if any."""
    for verb in verbs.values():
        if any(c.dep_ in ("dobj", "npadvmod") and c.idx == event.trigger.start for c in verb.children):
            return verb
    return None


def _joined_acts(a: Event, b: Event, verbs: dict) -> bool:
    """Are two events of one category told by verbs joined by "and", each with its own doer, or two
    measures of another kind on other parties ("expelled India's envoy and suspended trade with its
    neighbour")? (One doer's acts of one kind, "stormed a building and set fire to cars", are one.)"""
    va, vb = verbs.get(a.trigger.start), verbs.get(b.trigger.start)
    if a.event in MEASURE_CATEGORIES and a.cameo != b.cameo:
        # ("ordered a curfew": a measure named by a noun is told by the verb it is the object of)
        va, vb = va or _light_verb(a, verbs), vb or _light_verb(b, verbs)
    if va is None or vb is None:
        return False
    if vb not in va.conjuncts:
        # (or two clauses, neither inside the other, each with its own doer: "troops fired tear gas ...,
        # and the ministry said officers had held 90 people")
        return not _nested(va, vb) and not {x.start for x in a.actor} & {x.start for x in b.actor}
    if not {x.start for x in a.actor} & {x.start for x in b.actor}:
        return True
    # (a curfew after a state of emergency, a ban on officials after the party's dissolution: each CAMEO
    # code its own measure)
    return a.event in MEASURE_CATEGORIES and a.cameo != b.cameo and \
        not {x.start for x in a.recipient} & {x.start for x in b.recipient}
