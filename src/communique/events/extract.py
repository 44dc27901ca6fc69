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
        matches = _drop_embedded(find_triggers(sent, index))
        sentence_events: list[Event] = []
        for match in matches:
            sentence_events.extend(_events_for(match, index, document, sent.text, number))
        events.extend(_dedupe(sentence_events))
    return events


def _scope_token(match: TriggerMatch) -> Token:
    return clause_of(match) if match.entry.pos == "AUX" else match.anchor


def _drop_embedded(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    scopes = {_scope_token(m).i: m for m in matches}
    kept = []
    for m in matches:
        if not _embedded(m, scopes):
            kept.append(m)
    return kept


def _embedded(match: TriggerMatch, scopes: dict[int, TriggerMatch]) -> bool:
    t = match.anchor
    for other in scopes.values():
        if other is not match and other.entry.pos == "AUX" and _scope_token(other).i == t.i:
            return True  # the clause verb of an appeal modal ("X said Y must withdraw")
    for _ in range(6):
        infinitival_advcl = t.dep_ == "advcl" and any(g.dep_ == "aux" and g.tag_ == "TO" for g in t.children)
        if t.head is t or (t.dep_ not in EMBEDDING_DEPS and not infinitival_advcl):
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
    return token.lemma_.lower() in word_class("proposal")


def _recode(match: TriggerMatch, mod: Modality) -> tuple[str, str, str | None, tuple[str, ...], Modality]:
    """CAMEO code, PLOVER category, mode, context, and the modality left after recoding."""
    entry = match.entry
    code, plover, mode, context = entry.cameo, entry.plover, entry.mode, entry.context
    if entry.pos == "AUX":  # the appeal itself is made now, whatever the modal
        return code, plover, mode, context, dataclasses.replace(mod, hypothetical=False, future=False)
    if entry.condition("neg") is not None:  # "will not accept" is itself the (refusal) event
        mod = dataclasses.replace(mod, negated=False)
    if plover == "AGREE" and any(is_negated(x) for x in infinitives(match.anchor)):
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


def _dyads(args: Arguments, appeal: bool = False) -> list[tuple[list[Entity], list[Entity]]]:
    """One (actor, recipient) pair per counterpart country: "spoke with his counterparts from A, B and C"
    is three events; "A and B agreed" (no recipient) is A -> B."""
    actor = _coded_first(_entities(args.actor))
    recipient = _coded_first(_entities(args.recipient))
    if appeal:
        recipient = _appeal_addressees(actor, recipient, args)
    if not recipient and args.actor_compound and len({e.code for e in actor}) > 1:
        first_code = actor[0].code
        recipient = [e for e in actor if e.code != first_code]
        actor = [e for e in actor if e.code == first_code]
    groups: dict[str | None, list[Entity]] = {}
    for e in recipient:
        groups.setdefault(e.code, []).append(e)
    if len(groups) <= 1:
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
                          "suggestion", "assertion", "insinuation"})


def _events_for(match: TriggerMatch, index: MentionIndex, document: Document, text: str,
                number: int) -> list[Event]:
    if _is_denial(match):
        return []
    verb = clause_of(match)
    args = find_arguments(match, verb, index)
    if not args.actor:
        return []
    if (match.entry.needs_recipient or match.entry.pos == "AUX") and not args.recipient:
        return []
    mod = modality(match.anchor, verb, document.published)
    code, plover, mode, context, mod = _recode(match, mod)
    row = cameo(code)
    start, end = match.start, match.end
    trigger = Trigger(document.text[start:end], start, end)
    confidence = _confidence(match, args, mod)
    events = []
    for actor, recipient in _dyads(args, appeal=plover == "REQUEST"):
        if match.entry.pos == "AUX" and not recipient:
            continue
        if not actor or _same_single_entity(actor, recipient):
            continue
        events.append(Event(
            doc=document.id, event=plover, cameo=code, actor=actor, recipient=recipient, trigger=trigger,
            text=text, sentence=number, mode=mode, context=list(context), quad_class=row.quad_class,
            goldstein=row.goldstein, published=document.published, negated=mod.negated,
            hypothetical=mod.hypothetical, future=mod.future, historical=mod.historical,
            confidence=confidence,
        ))
    return events


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
        return a.sector == r.sector  # an implicit own-state recipient shares the actor's words only
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
