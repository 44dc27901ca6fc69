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
from ..parse import children, doc_tokens, governing_verb, lemma
from .arguments import find_arguments
from .decide import Candidate, decide, entities_of, known_party
from .displacement import flights
from .lexicon import word_class
from .matching import TriggerMatch, clause_of, find_triggers
from .modality import condition_clause, is_negated, modality
from .recipients import YIELD_VERBS
from .scorer import rescore
from .story import (answer_to_earlier, counterpart_from_context, done_by_earlier,
                    fold_protest_demands, protests_of_policed_crowds, repeats_earlier,
                    with_story_counterparts)
from .subjects import misjoined_to_content
from .syntax import has_to, infinitives, is_purpose

# An embedded trigger reached from another trigger through these relations is what that trigger
# is about (refused TO deploy, accused X OF attacking, rejected an offer TO host), not an event.
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "conj", "compound"})


def extract_events(sdoc: Doc, mentions: list[ActorMention], document: Document) -> list[Event]:
    index = MentionIndex(mentions, sdoc, document.dateline_place)
    events: list[Event] = []
    unknown_doers: list[Event] = []
    for number, sent in enumerate(sdoc.sents):
        found = find_triggers(sent, index)
        matches = _purposes_of_journeys(_drop_embedded(found), found)
        sentence_events: list[Event] = []
        for match in matches:
            if repeats_earlier(match, events):
                continue
            warning = _warning_content_of(match, found) if match.entry.plover in WARNED_CATEGORIES else None
            coded = _events_for(match, index, document, sent.text.strip(), number, warning is not None,
                                decided=_decision_of(match, found) is not None)
            if _orders_own_forces(match, index):
                # "ordered the army to deploy troops": the deployment is the event, not an appeal.
                coded = [e for inner in found if inner.anchor in infinitives(match.anchor)
                         for e in _events_for(inner, index, document, sent.text.strip(), number)]
            coded = [answer_to_earlier(e, match, events) for e in coded]
            coded = [_addressee_of_joined_verb(e, match, sentence_events) for e in coded]
            coded = [counterpart_from_context(e, events + sentence_events) for e in coded]
            coded = [e for e in (done_by_earlier(e, match, events) for e in coded) if e is not None]
            if warning is not None and not coded and not _predicts_no_change(warning):
                # The announced act has no actor of its own ("warned that it would strike"): the warning.
                coded = _events_for(warning, index, document, sent.text.strip(), number)
            sentence_events.extend(coded)
        sentence_events.extend(flights(sent, index, document, number, sentence_events))
        for e in _dedupe(sentence_events, sent):
            # An act by a party no table knows takes no part in reading the story (whose act a
            # reaction answers, who the other side is): it is set aside and kept as it is.
            (events if known_party(e.actor) else unknown_doers).append(e)
    events = with_story_counterparts(fold_protest_demands(protests_of_policed_crowds(events)), mentions)
    events = rescore(sorted(events + unknown_doers, key=lambda e: (e.sentence, e.trigger.start)), sdoc, index, mentions)
    # What neither the sentence's named parties nor the story gave: the phrase in the recipient's place.
    return [dataclasses.replace(e, recipient=_held_where_held(e, e.unnamed_recipient))
            if not e.recipient and e.unnamed_recipient else e for e in events]


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


def _scope_token(match: TriggerMatch) -> Token:
    return clause_of(match) if match.entry.pos == "AUX" else match.anchor


def _drop_embedded(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    scopes = {_scope_token(m).i: m for m in matches}
    warned = {id(w) for w in matches if _is_warning(w)}
    # "warned that Cairo would not accept ...": the warning reports another event, which is the event.
    reported = [m for m in matches if id(m) not in warned and m.entry.plover in WARNED_CATEGORIES
                and _warning_content_of(m, matches)]
    dropped = {id(_warning_content_of(m, matches)) for m in reported}
    # "the bloc's leaders agreed on sanctions", "agreed to impose them": a decision to punish is the punishment.
    for m in matches:
        decision = _decision_of(m, matches)
        if decision is not None:
            reported.append(m)
            dropped.add(id(decision))
    kept = []
    for m in matches:
        if id(m) in dropped:
            continue
        if m in reported or not _embedded(m, scopes, matches):
            kept.append(m)
    return [m for m in kept if not (id(m) in warned and _predicts_no_change(m))]


# What a warning can announce as the event itself ("warned that it would not accept", "... would strike").
WARNED_CATEGORIES = frozenset({"REJECT", "THREATEN", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})


# Verbs of promise whose "that" clause, when it announces conflict, is a threat and not a promise
# ("vowed that the movement would avenge the raids").
VOW_VERBS = frozenset({"vow", "pledge", "promise", "swear"})


def _is_warning(match: TriggerMatch) -> bool:
    word = match.anchor.lemma_.lower()
    return (match.entry.plover == "THREATEN" and word == "warn") or (match.entry.plover == "AGREE" and word in VOW_VERBS)


# Verbs of a joint decision, and what a decision to act against another party is: the act itself.
DECISION_VERBS = frozenset({"agree", "decide", "vote"})
# (breaking or reducing ties, cutting aid, sanctions, expulsions: not halting talks both sides agree to halt)
DECIDED_CODES = ("161", "162", "163", "166")


def _decision_of(match: TriggerMatch, matches: list[TriggerMatch]) -> TriggerMatch | None:
    """The AGREE trigger ("agreed", "voted") whose infinitive is the sanction ``match`` names, if any."""
    verb = clause_of(match)
    # (the parser hangs the infinitive on as an adverbial when a time phrase comes between: "agreed on Friday to")
    infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                       for c in verb.children))
    if not match.entry.cameo.startswith(DECIDED_CODES) or not infinitive or match.anchor.i != verb.i:
        return None
    return next((a for a in matches if a.entry.plover == "AGREE" and a.anchor.i == verb.head.i
                 and lemma(a.anchor) in DECISION_VERBS), None)


def _warning_content_of(match: TriggerMatch, matches: list[TriggerMatch]) -> TriggerMatch | None:
    """The warning whose "that" clause is the clause of ``match``, if any."""
    verb = clause_of(match)
    if verb.dep_ != "ccomp":
        return None
    return next((w for w in matches if _is_warning(w) and w.anchor.i == verb.head.i), None)


def _predicts_no_change(match: TriggerMatch) -> bool:
    """"warned that the deliveries would not change the outcome", "warned that the number of dead could grow":
    a warning that something will not happen, or that a thing (no party) may change, is a forecast;
    a threat says what the actor (or its side) will do."""
    clauses = [c for c in match.anchor.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(is_negated(c) or _forecast(c) for c in clauses)


FORECAST_MODALS = frozenset({"could", "might", "may"})


def _forecast(clause: Token) -> bool:
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    # (or a thing told as happening: "warned that floodwaters were still rising along the river")
    modal = any(c.dep_ == "aux" and c.lower_ in FORECAST_MODALS for c in clause.children) or (
        clause.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in clause.children))
    return modal and bool(subjects) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() not in word_class("populace") and not s.ent_type_ for s in subjects)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


RESULT_QUADS = frozenset({4})


def _embedded(match: TriggerMatch, scopes: dict[int, TriggerMatch], matches: list[TriggerMatch]) -> bool:
    t = match.anchor
    if match.entry.pos == "NOUN" and match.entry.plover == "CONSULT" and _after_days_of(t):
        return False  # "agreed to meet again after two days of talks": the talks were held, not promised
    if _medium_of_speech(match):
        return False  # "urged her in a phone call to ...": the call was held; the appeal was made in it
    if t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "mark" for c in t.children):
        # "fired water cannon at the boat, injuring four crew": the result of an act is that act.
        # ("shelled the town, sending thousands fleeing" is a second event: flight is SANCTION expel
        # with the cause as actor, PLOVER manual.)
        governing = scopes.get(t.head.i)
        if governing is not None and governing is not match and match.entry.plover != "SANCTION" and \
                cameo(governing.entry.cameo).quad_class in RESULT_QUADS and cameo(match.entry.cameo).quad_class in RESULT_QUADS:
            return True
    if (t.dep_ == "conj" and t.tag_ in FINITE_TAGS and t.head.tag_ in ("VBG", "VB")) or misjoined_to_content(t) \
            or _second_main_clause(t):
        # "accused Tokyo of stirring up trouble and urged both governments to ...": a finite verb is
        # never part of the gerund or infinitive it was joined to; it is the main clause's own event.
        return False
    if t.dep_ == "conj" and t.tag_ == "VBG" and t.head.tag_ in ("VBD", "VBZ", "VBP") and t.head.i in scopes \
            and not children(t, ("aux", "nsubj")) and any(g.tag_ == "VBG" and g.dep_ == "pcomp" and g.i < t.i
                                                          for g in t.head.subtree):
        # "accused the tanker of colliding with a boat and then ignoring its calls": a participle the
        # parser joined to the finite verb continues the gerund of its content.
        return True
    if t.dep_ == "conj" and t.tag_ == "VBG" and t.head.tag_ == "VB":
        # "ordering Poland to shut its consulate and declaring two diplomats persona non grata": a
        # participle is never joined to a bare infinitive; it is the participle before it that it joins.
        return False
    if match.entry.pos == "NOUN" and t.dep_ == "conj" and any(t.head in other.tokens for other in matches
                                                               if other is not match):
        return False  # "shot tear gas and then live rounds": an act joined to another act's word is its own
    for other in matches:
        if other is not match and other.entry.pos == "AUX" and _scope_token(other).i == t.i:
            return True  # the clause verb of an appeal modal ("X said Y must withdraw")
    if match.entry.plover == "ASSAULT" and t.dep_ == "relcl" and t.tag_ == "VBD" and t.head.dep_ in ("dobj", "pobj") \
            and any(other is not match and other.anchor.i == governing_verb(t.head).i
                    and other.entry.plover in ("ACCUSE", "REQUEST", "THREATEN", "COERCE") for other in matches):
        return True  # "condemned the youths who killed a soldier", "hunted the gunmen who killed 20": who they are
    if t.dep_ in ("acl", "relcl") and _proposal_noun(t.head) and t.head.i not in scopes and has_to(t):
        return True  # "despite calls from the UN to withdraw": what was called for, not done
    for _ in range(6):
        if t.head.i == t.i or (t.dep_ not in EMBEDDING_DEPS and not is_purpose(t)):
            return False
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and not _proposal_noun(t.head):
            return False
        last_dep = t.dep_
        t = t.head
        other = scopes.get(t.i)
        if other is not None and other is not match:
            if last_dep == "conj":
                continue  # siblings joined by "and" are separate events, embedded where the first one is
            # A verb and its own object noun are separate events.
            return not (last_dep == "dobj" and match.entry.pos == "NOUN" and other.entry.plover == match.entry.plover)
    return False


def _second_main_clause(verb: Token) -> bool:
    """"Italy summoned the envoy and its premier threatened to ...": a past-tense clause after "and", with
    its own subject and no "that", which the parser hung on the first verb as its content."""
    return verb.dep_ == "ccomp" and verb.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in verb.children) \
        and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].pos_ == "CCONJ" \
        and not any(c.dep_ == "mark" for c in verb.children)


def _after_days_of(noun: Token) -> bool:
    """Is the nominal trigger told as the days or rounds that led to the clause it hangs on ("after two
    days of talks")? It then took place before that clause and is not its content."""
    t = noun
    if not (t.dep_ == "pobj" and t.head.lower_ == "of" and lemma(t.head.head) in SPAN_NOUNS):
        return False
    t = t.head.head
    return t.dep_ == "pobj" and t.head.lower_ in ("after", "following")


# Prepositions by which a call is the channel of what was said ("told him by telephone", "urged her in a
# phone call", "during a video call").
MEDIUM_PREPS = frozenset({"by", "in", "during", "over"})


def _medium_of_speech(match: TriggerMatch) -> bool:
    """Is this phone call told as the channel of what a verb says or does ("urged X in a telephone call
    to ...")? The call took place (CONSULT phone) beside whatever was said in it."""
    t = match.anchor
    return (match.entry.pos == "NOUN" and match.entry.cameo == "041" and t.dep_ == "pobj"
            and t.head.lower_ in MEDIUM_PREPS and t.head.head.pos_ == "VERB")


def _spoken_to_party(match: TriggerMatch, args) -> bool:
    """Were the words carried by the call said by a named party to a named party, the object of the verb
    ("urged Erdogan in a phone call", "told his counterpart by telephone", "discussed it by phone with X")?"""
    verb = match.anchor.head.head
    spoken_to = {c.i for c in verb.children if c.dep_ in ("dobj", "dative")} | {
        o.i for t in (verb, match.anchor) for p in children(t, ("prep",)) if p.lower_ in ("with", "to")
        for o in children(p, ("pobj",))}
    return any(m.kind != "unnamed" for m in args.actor) and any(m.root in spoken_to for m in args.recipient)


# (a narrower set than matching's MEASURE_NOUNS on purpose: "after a year of protests" is background)
SPAN_NOUNS = frozenset({"day", "round", "week", "hour"})


def _proposal_noun(token: Token) -> bool:
    """A noun whose clause states its content ("a proposal to hold talks", "a joint statement pledging
    to deepen ties"): the clause is what the noun says, not an event of its own."""
    word = token.lemma_.lower()
    return word in word_class("proposal") or word in word_class("declaration")


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
                number: int, warned: bool = False, decided: bool = False) -> list[Event]:
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
    if _medium_of_speech(match) and not (pair or _spoken_to_party(match, args)):
        return []  # "witnesses told a news agency by telephone": a call between parties, or none
    mod = modality(match.anchor, verb, document.published)
    if warned and mod.hypothetical and any(
            c.dep_ == "aux" and (c.lower_ in ("would", "will", "'d")
                                 or (c.lower_ in ("could", "might", "may") and condition_clause(verb) is not None))
            for c in verb.children):
        # "warned that Cairo would not accept ...": reported speech, "would" is the future of the past;
        # "warned that Ankara could cut ties if ...": a conditional threat, as certain as the condition.
        mod = dataclasses.replace(mod, hypothetical=False, future=True)
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
    # "quit on Sunday, yielding to the protesters", "bowed to their demands and resigned": the yielding
    # is how the resignation is told, not a second concession.
    resigned = {t.i for e in kept if e.event == "RETREAT" and (t := verbs.get(e.trigger.start)) is not None}
    return [e for e in kept if not _yielding_told_with(e, verbs, resigned)]


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
    """The verb whose object is the event's trigger noun ("ordered a curfew"), if any."""
    for verb in verbs.values():
        if any(c.dep_ == "dobj" and c.idx == event.trigger.start for c in verb.children):
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
