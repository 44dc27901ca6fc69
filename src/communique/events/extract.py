"""From a parsed document and its actor mentions to coded events.

Per sentence: find triggers (matching), drop those that only say what another trigger is about
("refused to deploy troops" is one REJECT, not a REJECT and a MOBILIZE), find actor and
recipient (arguments), read the auxiliary modes (modality), recode intentions and threats
(future cooperation is AGREE, future conflict is THREATEN), split several counterparts into
several events, and drop duplicates.
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from ..model import ActorMention, Document, Entity, Event, Trigger
from ..ontology import cameo
from .arguments import Arguments, MentionIndex, find_arguments
from .lexicon import intent_rule, word_class
from .matching import TriggerMatch, clause_of, find_triggers
from .modality import Modality, is_negated, modality
from .syntax import infinitives

# An embedded trigger reached from another trigger through these relations is what that trigger
# is about (refused TO deploy, accused X OF attacking, rejected an offer TO host), not an event.
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "conj", "compound"})


def extract_events(sdoc: Doc, mentions: list[ActorMention], document: Document) -> list[Event]:
    index = MentionIndex(mentions, sdoc)
    events: list[Event] = []
    for number, sent in enumerate(sdoc.sents):
        found = find_triggers(sent, index)
        matches = _purposes_of_journeys(_drop_embedded(found), found)
        sentence_events: list[Event] = []
        for match in matches:
            if _repeats_earlier(match, events):
                continue
            warning = _warning_content_of(match, found) if match.entry.plover in WARNED_CATEGORIES else None
            coded = _events_for(match, index, document, sent.text.strip(), number, warning is not None)
            if _orders_own_forces(match, index):
                # "ordered the army to deploy troops": the deployment is the event, not an appeal.
                coded = [e for inner in found if inner.anchor in infinitives(match.anchor)
                         for e in _events_for(inner, index, document, sent.text.strip(), number)]
            coded = [_answer_to_earlier(e, match, events) for e in coded]
            coded = [_counterpart_from_context(e, events + sentence_events) for e in coded]
            coded = [e for e in (_done_by_earlier(e, match, events) for e in coded) if e is not None]
            if warning is not None and not coded and not _predicts_no_change(warning):
                # The announced act has no actor of its own ("warned that it would strike"): the warning.
                coded = _events_for(warning, index, document, sent.text.strip(), number)
            sentence_events.extend(coded)
        events.extend(_dedupe(sentence_events))
    return _with_story_counterparts(_fold_protest_demands(events), mentions)


# Categories whose recipient, when neither the sentence nor the events before name it, is the other
# party the story is about ("the army would give a fitting reply" in a story about India and China).
# Measured over the three development sets, one category at a time: only for threats were the right
# events gained clearly more than the wrong ones (promises, appeals, refusals, concessions and
# accusations gained about as many wrong as right).
STORY_COUNTERPART_CATEGORIES = frozenset({"THREATEN"})


def _with_story_counterparts(events: list[Event], mentions: list[ActorMention]) -> list[Event]:
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind in ("place", "modifier"):
            continue
        for e in m.entities:
            if e.code:
                counts[e.code] = counts.get(e.code, 0) + 1
    out = []
    for event in events:
        if event.recipient or event.event not in STORY_COUNTERPART_CATEGORIES:
            out.append(event)
            continue
        own = {a.code for a in event.actor}
        others = sorted(((n, c) for c, n in counts.items() if c not in own), reverse=True)
        if others and others[0][0] >= 2 and (len(others) == 1 or others[0][0] > others[1][0]):
            code = others[0][1]
            party = next(e for m in mentions for e in m.entities if e.code == code)
            event = dataclasses.replace(event, recipient=[dataclasses.replace(party)])
        out.append(event)
    return out


def _fold_protest_demands(events: list[Event]) -> list[Event]:
    """What protesters demand is the topic of their protest, not an event of its own (PLOVER manual,
    PROTEST): a REQUEST by the crowd of a PROTEST in the same story, or by the protest's actor in the
    protest's own sentence ("blocked roads demanding that ..."), is dropped, and its addressee
    becomes the protest's target where the protest had none or only the protesters' own state."""
    protests = [e for e in events if e.event == "PROTEST" and not e.negated]
    if not protests:
        return events
    kept: list[Event] = []
    for event in events:
        protest = next((p for p in protests if event.event == "REQUEST" and
                        (_crowd(event.actor) or p.sentence == event.sentence) and
                        any(_same_group(a, b) for a in event.actor for b in p.actor)), None)
        if protest is None:
            kept.append(event)
            continue
        if event.recipient and {r.code for r in protest.recipient} <= {a.code for a in protest.actor}:
            protest.recipient = [dataclasses.replace(r) for r in event.recipient]
    return kept


VERBAL_CATEGORIES = {"THREATEN", "ACCUSE", "REQUEST", "REJECT", "AGREE", "SUPPORT"}

# A reaction to an earlier act named by a definite noun ("rejected the demand", "condemned the
# killings", "welcomed the announcement") is aimed at whoever did that act: the noun, and the
# categories of the earlier event it refers to (empty: the latest event of any category).
ANAPHORIC_ACTS = {
    "demand": {"REQUEST"}, "call": {"REQUEST"}, "request": {"REQUEST"}, "appeal": {"REQUEST"},
    "ultimatum": {"REQUEST", "THREATEN"}, "proposal": {"AGREE"}, "offer": {"AGREE"},
    "killing": {"ASSAULT"}, "attack": {"ASSAULT"}, "massacre": {"ASSAULT"}, "bombing": {"ASSAULT"},
    "raid": {"ASSAULT", "COERCE"}, "shelling": {"ASSAULT"}, "violence": {"ASSAULT", "COERCE"},
    "crackdown": {"COERCE"}, "arrest": {"COERCE"}, "detention": {"COERCE"},
    "accusation": {"ACCUSE"}, "criticism": {"ACCUSE"}, "threat": {"THREATEN"},
    "drill": {"COOPERATE", "MOBILIZE"}, "exercise": {"COOPERATE", "MOBILIZE"}, "strike": {"ASSAULT"}, "airstrike": {"ASSAULT"}, "visit": {"CONSULT"}, "meeting": {"CONSULT"},
    "talk": {"CONSULT"}, "agreement": {"AGREE", "COOPERATE"}, "deal": {"AGREE", "COOPERATE"},
    "announcement": set(), "decision": set(), "move": set(), "step": set(), "vote": set(),
    "pledge": {"AGREE", "SUPPORT", "AID"}, "repeal": set(), "measure": set(), "plan": set(), "ruling": set(),
    "remark": set(), "storming": {"PROTEST", "ASSAULT"}, "expulsion": {"SANCTION", "COERCE"},
    "sanction": {"SANCTION"}, "ban": set(), "deployment": {"MOBILIZE"},
    # What was said: the speaker of an earlier statement, threat or accusation.
    "statement": VERBAL_CATEGORIES, "comment": VERBAL_CATEGORIES, "speech": VERBAL_CATEGORIES,
    "declaration": VERBAL_CATEGORIES, "warning": {"THREATEN"}, "claim": {"ACCUSE"},
}
# Categories that react to an earlier act.
REACTING_CATEGORIES = frozenset({"REJECT", "SUPPORT", "ACCUSE", "AGREE", "THREATEN"})


def _answer_to_earlier(event: Event, match: TriggerMatch, earlier: list[Event]) -> Event:
    """Give a reaction with no recipient the doer of the earlier act its definite object names."""
    if event.recipient or event.event not in REACTING_CATEGORIES:
        return event
    hosts = [match.anchor] + [c for c in match.anchor.children if c.dep_ == "prt"]
    nouns = [o for h in hosts for o in h.children if o.dep_ in ("dobj", "nsubjpass")]
    if match.anchor.dep_ == "acl" or (match.anchor.dep_ == "relcl"):
        nouns.append(match.anchor.head)
    if match.entry.pos == "ADJ" and match.anchor.dep_ in ("acomp", "attr"):
        nouns += [s for s in match.anchor.head.children if s.dep_ == "nsubj"]  # "the pledge was dangerous"
    if event.event == "THREATEN":  # "warned that the drills would be met with countermeasures"
        nouns += [s for c in match.anchor.children if c.dep_ == "ccomp"
                  for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    for noun in nouns:
        kinds = ANAPHORIC_ACTS.get(noun.lemma_.lower())
        definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)
        # Any other definite noun ("condemned the package", "denounced the flights") refers back only to
        # an act told with the same word ("imposed a package of sanctions", "flight exercises").
        only_named = kinds is None
        if kinds is None and noun.pos_ == "NOUN" and not noun.ent_type_ and not _names_people(noun):
            kinds = set()
        if kinds is None or not definite:
            continue
        actor_keys = {(a.code, a.name or a.text) for a in event.actor}
        # "the decision" after "decided to ...": the act whose trigger is the noun's own verb first.
        candidates = [p for p in earlier if not (kinds and p.event not in kinds) and not p.negated]
        # "the decision" after "decided to ...", "the package" after "imposed a package of sanctions":
        # the act whose trigger is the noun's own verb, or whose sentence used the noun, first.
        named = [p for p in candidates if _same_stem(p.trigger.text, noun.lemma_)
                 or noun.lemma_.lower() in _words(p.text)]
        for previous in reversed(named if (named or only_named) else candidates):
            doers = [dataclasses.replace(a) for a in previous.actor if (a.code, a.name or a.text) not in actor_keys]
            if not doers:
                continue
            if previous.event in RECIPROCAL_CATEGORIES:  # "welcomed the announcement" of a pair's deal
                doers += [dataclasses.replace(r) for r in previous.recipient if (r.code, r.name or r.text) not in actor_keys]
            return dataclasses.replace(event, recipient=doers)
        return event
    return event


# A refusal answers the latest demand made of the refuser ("Boluarte has refused to step down" after
# "protesters demanded her resignation"); a promise or concession with no party named is made to
# the party the actor was last dealing with in the story ("Iran is ready to negotiate" after talks
# with the IAEA chief). Categories, and the earlier categories they answer (empty: any).
CONTEXT_COUNTERPART = {
    "REJECT": {"REQUEST", "THREATEN", "AGREE", "SANCTION", "COERCE", "PROTEST"},
    "AGREE": set(), "CONCEDE": set(), "COOPERATE": set(),
    # "said Moscow would respond": a threat answers the latest hostile act aimed at the threatener.
    "THREATEN": {"SANCTION", "COERCE", "ASSAULT", "THREATEN", "MOBILIZE", "ACCUSE"},
}
# Acts that answer the latest act of another kind by anyone else, aimed at whoever did it: police
# "responded with tear gas" to the protest; leaders "demanded the release" from those who detained.
DOER_OF_LATEST = {
    "COERCE": {"PROTEST"},
    "REQUEST": {"COERCE", "ASSAULT", "SANCTION"},
}


# Aid with no recipient named goes where the story's aid goes ("France will send shells to Ukraine ...
# Britain delivered the first batch of drones"): the recipient of the latest aid or aid promise.
SHARED_RECIPIENT = {"AID": {"AID", "AGREE"}}
AID_CODES = ("07", "033")  # aid given, and promised


def _counterpart_from_context(event: Event, earlier: list[Event]) -> Event:
    """Give an event with no recipient its counterpart from the story (see CONTEXT_COUNTERPART and
    SHARED_RECIPIENT)."""
    if event.recipient or not any(a.code for a in event.actor):
        return event
    if event.event in SHARED_RECIPIENT:
        for previous in reversed(earlier):
            if previous.event in SHARED_RECIPIENT[event.event] and previous.cameo.startswith(AID_CODES) \
                    and previous.recipient and not any(_same_party(a, r) for a in event.actor
                                                       for r in previous.recipient):
                return dataclasses.replace(event, recipient=[dataclasses.replace(r) for r in previous.recipient])
        return event
    if event.event in DOER_OF_LATEST:
        for previous in reversed(earlier):
            if previous.event in DOER_OF_LATEST[event.event] and previous.actor and \
                    not any(_same_party(a, b) for a in event.actor for b in previous.actor):
                return dataclasses.replace(event, recipient=[dataclasses.replace(a) for a in previous.actor])
        return event
    kinds = CONTEXT_COUNTERPART.get(event.event)
    if kinds is None:
        return event

    def involves_actor(side: list[Entity]) -> bool:
        return any(_same_party(a, x) for a in event.actor for x in side)

    for previous in reversed(earlier):
        if kinds and previous.event not in kinds:
            continue
        if involves_actor(previous.recipient) and previous.actor and not involves_actor(previous.actor):
            # the earlier act was aimed at the actor: its doer is the counterpart
            return dataclasses.replace(event, recipient=[dataclasses.replace(a) for a in previous.actor])
        if not kinds and involves_actor(previous.actor) and previous.recipient \
                and not involves_actor(previous.recipient):
            return dataclasses.replace(event, recipient=[dataclasses.replace(r) for r in previous.recipient])
    return event


CROWD_NOUNS = frozenset({"protesters", "protestors", "demonstrators", "crowd", "crowds", "marchers", "rioters"})


def _crowd(actor: list[Entity]) -> bool:
    """"The protesters are demanding ...": the crowd itself, not its leaders or a union, speaking."""
    return all((e.text or "").lower().split()[-1:] and (e.text or "").lower().split()[-1] in CROWD_NOUNS
               for e in actor)


def _same_group(a: Entity, b: Entity) -> bool:
    """Strictly the same group: same name, or same country and the same known sector."""
    if a.name or b.name:
        return a.name == b.name and a.code == b.code
    return bool(a.code and a.sector) and (a.code, a.sector) == (b.code, b.sector)


def _same_party(a: Entity, b: Entity) -> bool:
    """The same person, or the same country and sector ("Venezuela" and its president Maduro are one
    party; Pakistan's government and Pakistan's opposition are two)."""
    if not a.code or a.code != b.code:
        return False
    if a.name and b.name:
        return a.name == b.name
    return a.sector == b.sector or a.sector is None or b.sector is None


def _words(text: str) -> set[str]:
    return {w.strip('.,;:"\'()').lower() for w in text.split()}


def _names_people(noun: Token) -> bool:
    """"the protesters", "the minister": people, who are addressed, not acts referred to."""
    return noun.lemma_.lower() in word_class("populace") or noun.lemma_.lower() in word_class("visitor")


def _same_stem(trigger_text: str, noun: str, length: int = 5) -> bool:
    """"voted"/"vote", "pledged"/"pledge", "decided"/"decision": one word stem (its first letters)."""
    word = trigger_text.split()[0].lower() if trigger_text.split() else ""
    n = min(length, len(noun) - 1)
    return n >= 3 and word[:n] == noun.lower()[:n]


ORDER_VERBS = frozenset({"order", "instruct", "direct", "command"})
OWN_FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})


def _orders_own_forces(match: TriggerMatch, index: MentionIndex) -> bool:
    """An order by a leader to the forces of his own state is what they then do, not a REQUEST."""
    if match.entry.plover != "REQUEST" or match.anchor.lemma_.lower() not in ORDER_VERBS:
        return False
    args = find_arguments(match, clause_of(match), index)
    actor_codes = {e.code for m in args.actor for e in m.entities}
    forces = [e for m in args.recipient for e in m.entities]
    return bool(actor_codes and forces) and all(e.code in actor_codes and e.sector in OWN_FORCE_SECTORS
                                                 for e in forces)


def _repeats_earlier(match: TriggerMatch, earlier: list[Event]) -> bool:
    """"The march was organised by the union": a definite event noun as the subject refers back to an
    event already coded, and adds none."""
    anchor = match.anchor
    if match.entry.pos != "NOUN" or anchor.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in anchor.children):
        return False
    return any(e.event == match.entry.plover for e in earlier)


def _done_by_earlier(event: Event, match: TriggerMatch, earlier: list[Event]) -> Event | None:
    """"Rebels said the strikes killed four civilians": a definite act as the subject ("the strikes")
    was done by whoever did that earlier act, not by the speaker; with no such act, no event."""
    verb = clause_of(match)
    if match.anchor is not verb:
        return event
    while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "conj":
        verb = verb.head  # "the strikes destroyed a school and killed four civilians"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return event
    subj = subjects[0]
    kinds = ANAPHORIC_ACTS.get(subj.lemma_.lower())
    definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in subj.children)
    if not kinds or not definite or event.event not in kinds:
        return event  # "the strikes would not go unanswered and threatened ...": another subject's act
    for previous in reversed(earlier):
        if previous.event in kinds:
            return dataclasses.replace(event, actor=[dataclasses.replace(a) for a in previous.actor])
    return None


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
    kept = []
    for m in matches:
        if id(m) in dropped:
            continue
        if m in reported or not _embedded(m, scopes):
            kept.append(m)
    return [m for m in kept if not (id(m) in warned and _predicts_no_change(m))]


# What a warning can announce as the event itself ("warned that it would not accept", "... would strike").
WARNED_CATEGORIES = frozenset({"REJECT", "THREATEN", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})


# Verbs of promise whose "that" clause, when it announces conflict, is a threat and not a promise
# ("vowed that the group would answer the raids").
VOW_VERBS = frozenset({"vow", "pledge", "promise", "swear"})


def _is_warning(match: TriggerMatch) -> bool:
    word = match.anchor.lemma_.lower()
    return (match.entry.plover == "THREATEN" and word == "warn") or (match.entry.plover == "AGREE" and word in VOW_VERBS)


def _warning_content_of(match: TriggerMatch, matches: list[TriggerMatch]) -> TriggerMatch | None:
    """The warning whose "that" clause is the clause of ``match``, if any."""
    verb = clause_of(match)
    if verb.dep_ != "ccomp":
        return None
    return next((w for w in matches if _is_warning(w) and w.anchor.i == verb.head.i), None)


def _predicts_no_change(match: TriggerMatch) -> bool:
    """"warned that the deliveries would not change the outcome", "warned that the toll could rise":
    a warning that something will not happen, or that a thing (no party) may change, is a forecast;
    a threat says what the actor (or its side) will do."""
    clauses = [c for c in match.anchor.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(is_negated(c) or _forecast(c) for c in clauses)


FORECAST_MODALS = frozenset({"could", "might", "may"})


def _forecast(clause: Token) -> bool:
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    modal = any(c.dep_ == "aux" and c.lower_ in FORECAST_MODALS for c in clause.children)
    return modal and bool(subjects) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() not in word_class("populace") and not s.ent_type_ for s in subjects)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


RESULT_QUADS = frozenset({4})


def _embedded(match: TriggerMatch, scopes: dict[int, TriggerMatch]) -> bool:
    t = match.anchor
    if t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "mark" for c in t.children):
        # "fired water cannon at the boat, injuring four crew": the result of an act is that act.
        governing = scopes.get(t.head.i)
        if governing is not None and governing is not match and \
                cameo(governing.entry.cameo).quad_class in RESULT_QUADS and cameo(match.entry.cameo).quad_class in RESULT_QUADS:
            return True
    if t.dep_ == "conj" and t.tag_ in FINITE_TAGS and t.head.tag_ in ("VBG", "VB"):
        # "accused Tokyo of stirring up trouble and urged both governments to ...": a finite verb is
        # never part of the gerund or infinitive it was joined to; it is the main clause's own event.
        return False
    for other in scopes.values():
        if other is not match and other.entry.pos == "AUX" and _scope_token(other).i == t.i:
            return True  # the clause verb of an appeal modal ("X said Y must withdraw")
    for _ in range(6):
        infinitival_advcl = t.dep_ == "advcl" and any(g.dep_ == "aux" and g.tag_ == "TO" for g in t.children)
        if t.head.i == t.i or (t.dep_ not in EMBEDDING_DEPS and not infinitival_advcl):
            return False
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and not _proposal_noun(t.head):
            return False
        last_dep = t.dep_
        t = t.head
        other = scopes.get(t.i)
        if other is not None and other is not match:
            # Siblings joined by "and" are separate events; so are a verb and its own object noun.
            return last_dep != "conj" and not (last_dep == "dobj" and match.entry.pos == "NOUN"
                                               and other.entry.plover == match.entry.plover)
    return False


def _proposal_noun(token: Token) -> bool:
    """A noun whose clause states its content ("a proposal to hold talks", "a joint statement pledging
    to deepen ties"): the clause is what the noun says, not an event of its own."""
    word = token.lemma_.lower()
    return word in word_class("proposal") or word in word_class("declaration")


# What "will not <act>" refuses: to yield (CONCEDE, RETREAT), to meet or negotiate (CONSULT).
REFUSED_BY_NEGATION = {"CONCEDE": "124", "RETREAT": "124", "CONSULT": "125"}


def _recode(match: TriggerMatch, mod: Modality) -> tuple[str, str, str | None, tuple[str, ...], Modality]:
    """CAMEO code, PLOVER category, mode, context, and the modality left after recoding."""
    entry = match.entry
    code, plover, mode, context = entry.cameo, entry.plover, entry.mode, entry.context
    if entry.pos == "AUX":  # the appeal itself is made now, whatever the modal
        return code, plover, mode, context, dataclasses.replace(mod, hypothetical=False, future=False)
    if entry.condition("neg") is not None:  # "will not accept" is itself the (refusal) event
        mod = dataclasses.replace(mod, negated=False)
    if plover in REFUSED_BY_NEGATION and mod.negated and not mod.hypothetical and \
            (mod.future or any(c.dep_ == "aux" and c.lower_ in ("would", "will", "wo") for c in match.anchor.children)):
        # "the government would not withdraw the reform", "Guyana would not negotiate its border":
        # announcing that one will not yield or talk is a refusal.
        row = cameo(REFUSED_BY_NEGATION[plover])
        return row.code, row.plover, row.mode, row.context, dataclasses.replace(mod, negated=False, future=False)
    if plover == "AGREE" and any(is_negated(x) and x.lemma_.lower() not in word_class("violent")
                                 for x in infinitives(match.anchor)):
        # ("pledged not to use force" stays a promise.)
        # "vowed not to return the land": a promise not to cooperate is a refusal.
        row = cameo("120")
        return row.code, row.plover, row.mode, row.context, mod
    intent = None
    if mod.future and not mod.negated and not mod.hypothetical:
        intent = intent_rule(code)
        if intent is not None:
            mod = dataclasses.replace(mod, future=False)
    if intent is not None:
        if intent.to is not None:
            row = cameo(intent.to)
            code, plover, mode, context = row.code, row.plover, row.mode, row.context
        if intent.plover:
            plover = intent.plover
    return code, plover, mode, context, mod


def _confidence(match: TriggerMatch, args: Arguments, mod: Modality) -> float:
    score = 0.45
    score += 0.2 if args.actor_direct else 0.05
    if args.recipient:
        score += 0.15 if args.recipient_direct and not args.recipient_weak else 0.05
    else:
        score += 0.03
    if len(match.entry.words) > 1 or match.entry.conditions:
        score += 0.1
    if args.actor_from_speaker:
        score -= 0.05
    if mod.hypothetical or mod.negated:
        score -= 0.05
    return max(0.05, min(0.95, score))


def _entities(mentions: list[ActorMention]) -> list[Entity]:
    out: list[Entity] = []
    for m in mentions:
        for e in m.entities:
            if not any(e.start == o.start and e.end == o.end and e.code == o.code for o in out):
                out.append(dataclasses.replace(e))
    return out


def _coded_first(entities: list[Entity]) -> list[Entity]:
    """Entities that name a country or body; those that do not only when none does."""
    named = [e for e in entities if e.code]
    return named or entities


# Categories whose two joined actors with no other party act on each other ("A and B agreed", "met",
# "clashed"); in the others they act together on an unnamed party ("A and B urged ...", "launched strikes").
RECIPROCAL_CATEGORIES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "RETREAT"})


# Categories where several counterparts mean several bilateral events.
SEPARATE_PER_COUNTERPART = frozenset({"CONSULT"})


def _pair_acts_on_each_other(actor: list[Entity], plover: str) -> bool:
    """Exactly two parties, in a reciprocal category: three or more joined actors ("Brazil, Colombia
    and Mexico urged ...") are one compound actor."""
    if plover not in RECIPROCAL_CATEGORIES:
        return False
    codes = {e.code for e in actor}
    return len(codes) == 2 or (len(codes) == 1 and None not in codes and len(actor) == 2)


def _dyads(args: Arguments, plover: str = "", appeal: bool = False) -> list[tuple[list[Entity], list[Entity]]]:
    """The (actor, recipient) pairs of one trigger: "spoke with his counterparts from A, B and C" is
    three events; "A and B agreed" (no recipient) is A -> B."""
    actor = _coded_first(_entities(args.actor))
    recipient = _coded_first(_entities(args.recipient))
    if appeal:
        recipient = _appeal_addressees(actor, recipient, args)
    if not recipient and args.actor_compound and _pair_acts_on_each_other(actor, plover):
        if len({e.code for e in actor}) == 1:  # "the government and the rebels agreed": one country
            actor, recipient = actor[:1], actor[1:]
        else:
            first_code = actor[0].code
            recipient = [e for e in actor if e.code != first_code]
            actor = [e for e in actor if e.code == first_code]
    # Meetings and calls with several counterparts are one per counterpart (design.md); an appeal, an
    # accusation or a sanction aimed at several ("appealed to Russia and Ukraine", "recalled its
    # ambassadors to Dublin and Oslo") is one event whose recipient is the group.
    groups: dict[str | None, list[Entity]] = {}
    for e in recipient:
        groups.setdefault(e.code, []).append(e)
    if len(groups) <= 1 or plover not in SEPARATE_PER_COUNTERPART:
        return [(actor, recipient)]
    return [(actor, group) for group in groups.values()]


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
                number: int, warned: bool = False) -> list[Event]:
    if _is_denial(match):
        return []
    verb = clause_of(match)
    args = find_arguments(match, verb, index)
    if not args.actor:
        return []
    if (match.entry.needs_recipient or match.entry.pos == "AUX") and not args.recipient:
        return []
    mod = modality(match.anchor, verb, document.published)
    if warned and mod.hypothetical and any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'d")
                                           for c in verb.children):
        # "warned that Cairo would not accept ...": reported speech, "would" is the future of the past.
        mod = dataclasses.replace(mod, hypothetical=False, future=True)
    code, plover, mode, context, mod = _recode(match, mod)
    if _judges_a_proposal(match):
        # "said the union's demand for a 35% rise was unaffordable": turning down what was asked.
        row = cameo(REJECTION)
        code, plover, mode, context = row.code, row.plover, row.mode, row.context
    row = cameo(code)
    start, end = match.start, match.end
    trigger = Trigger(document.text[start:end], start, end)
    confidence = _confidence(match, args, mod)
    events = []
    for actor, recipient in _dyads(args, plover, appeal=plover == "REQUEST"):
        if match.entry.pos == "AUX" and not recipient:
            continue
        if not actor or _same_single_entity(actor, recipient):
            continue
        if _expels_foreign_officials(code, actor, recipient):
            row = cameo(DIPLOMATIC_EXPULSION)
            code, plover, mode, context = row.code, row.plover, row.mode, row.context
        if code == SIGN_AGREEMENT and _between_companies(actor, recipient):
            # "Japanese and Indian companies signed agreements": a business deal, not diplomacy.
            row = cameo(ECONOMIC_COOPERATION)
            code, plover, mode, context = row.code, row.plover, row.mode, row.context
        if code == MILITARY_EXERCISE and recipient and _names_exercise(match) \
                and not {r.code for r in recipient} & {a.code for a in actor}:
            # "carried out exercises with Guyana's defence force": exercising with a foreign partner.
            row = cameo(MILITARY_COOPERATION)
            code, plover, mode, context = row.code, row.plover, row.mode, row.context
        if code == HOST_A_VISIT and recipient:
            # PLOVER codes the visitor as actor and the host as recipient ("Araghchi hosted Grossi").
            actor, recipient = recipient, actor
            row = cameo(MAKE_A_VISIT)
            code, plover, mode, context = row.code, row.plover, row.mode, row.context
        events.append(Event(
            doc=document.id, event=plover, cameo=code, actor=actor, recipient=recipient, trigger=trigger,
            text=text, sentence=number, mode=mode, context=list(context), quad_class=row.quad_class,
            goldstein=row.goldstein, published=document.published, negated=mod.negated,
            hypothetical=mod.hypothetical, future=mod.future, historical=mod.historical,
            confidence=confidence,
        ))
    return events


HOST_A_VISIT, MAKE_A_VISIT = "043", "042"
MILITARY_EXERCISE, MILITARY_COOPERATION = "150", "062"
EXERCISE_WORDS = frozenset({"exercise", "drill", "game", "manoeuvre", "maneuver", "training"})


def _names_exercise(match: TriggerMatch) -> bool:
    return any(t.lemma_.lower() in EXERCISE_WORDS for t in match.tokens) or any(
        c.lemma_.lower() in EXERCISE_WORDS for c in match.anchor.children if c.dep_ in ("dobj", "compound"))
SIGN_AGREEMENT, ECONOMIC_COOPERATION = "057", "061"
BUSINESS_SECTORS = frozenset({"BUS"})


def _between_companies(actor: list[Entity], recipient: list[Entity]) -> bool:
    """Companies on the acting side and no government anywhere in the deal."""
    parties = actor + recipient
    return any(e.sector in BUSINESS_SECTORS or e.code == "MNC" for e in actor) and \
        not any(e.sector == "GOV" for e in parties)

# Expelling another state's officials ("ordered four Russian consular officials to leave") reduces
# relations between the states (SANCTION), where expelling people in general is COERCE.
PERSONAL_EXPULSION = frozenset({"174"})
DIPLOMATIC_EXPULSION = "166"


def _expels_foreign_officials(code: str, actor: list[Entity], recipient: list[Entity]) -> bool:
    actor_codes = {a.code for a in actor}
    return code in PERSONAL_EXPULSION and bool(recipient) and all(
        r.sector == "GOV" and r.code and r.code not in actor_codes for r in recipient)


REJECTION = "120"


def _judges_a_proposal(match: TriggerMatch) -> bool:
    """A judgement ("unacceptable", "unaffordable") whose subject is a demand, offer or plan."""
    if match.entry.pos != "ADJ" or match.entry.plover != "ACCUSE" or match.anchor.dep_ not in ("acomp", "attr"):
        return False
    subjects = [c for c in match.anchor.head.children if c.dep_ == "nsubj"]
    return any(c.lemma_.lower() in word_class("proposal") or c.lemma_.lower() in word_class("demand")
               for c in subjects)


def _appeal_addressees(actor: list[Entity], recipient: list[Entity], args: Arguments) -> list[Entity]:
    """"Wang said China and Japan should ...": the speaker's own side is not addressed; a person or
    group of the speaker's country can be ("rebels said President Kagame must ...")."""
    actor_codes = {e.code for e in actor}
    codes = {e.code for e in recipient}
    own_side_kinds = {"country", "capital", "pronoun"}
    kinds = {m.kind for m in args.recipient}
    if len(codes) > 1 or kinds <= own_side_kinds:
        return [e for e in recipient if e.code not in actor_codes]
    return recipient


def _same_single_entity(actor: list[Entity], recipient: list[Entity]) -> bool:
    if len(actor) != 1 or len(recipient) != 1:
        return False
    a, r = actor[0], recipient[0]
    if (a.start, a.end) == (r.start, r.end):
        # An implicit own-state recipient shares the actor's words only; "the two ministers" names both.
        return a.sector == r.sector and a.code == r.code
    # The same person named twice ("Wang Yi ... himself"); a capital and its country are not "the same".
    country_level = (a.id or "").startswith("country:") or (r.id or "").startswith("country:")
    return a.code == r.code and a.name is not None and a.name == r.name and not country_level


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per category and dyad in a sentence ("killed ... in an attack" is one ASSAULT)."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for e in events:
        key = (e.event, tuple(sorted(str(a.code) for a in e.actor)),
               tuple(sorted(str(r.code) for r in e.recipient)), e.negated, e.hypothetical)
        if key not in best:
            order.append(key)
            best[key] = e
        elif e.confidence > best[key].confidence:
            best[key] = e
    kept = [best[k] for k in order]
    # "shelled Juba, killing 20": the event without a recipient repeats the one with it.
    with_recipient = {(e.event, tuple(sorted(str(a.code) for a in e.actor))) for e in kept if e.recipient}
    return [e for e in kept if e.recipient or
            (e.event, tuple(sorted(str(a.code) for a in e.actor))) not in with_recipient]
