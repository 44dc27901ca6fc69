"""Flight: people who flee are expelled by whoever they flee.

The PLOVER manual (SANCTION): refugees or similar actors told fleeing a country or place are coded
SANCTION "expel" with the causative agent as the actor, not as a withdrawal by those who flee. News
tells the cause beside the flight: a time clause ("streamed out of their villages as Tajik troops
shelled them"), a fight ("fled during fighting between soldiers and rebels", "to escape clashes
between X and Y") or someone's attack ("to escape the army's shelling"). Flights whose
cause the sentence does not name are not coded (a flight with no one to cause it is no event of
PLOVER's); a flight the trigger table already codes ("sent thousands fleeing") is left to it.
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from ..actors.implicit import CROWD_WORDS, crowd_of_place
from ..actors.index import MentionIndex, coded
from ..knowledge.codes import STATE_SECTORS
from ..model import ActorMention, Document, Entity, Event, Trigger
from ..ontology import cameo
from ..parse import children, lemma, subject_token
from .decide import entities_of
from .lexicon import word_class
from .parties import mentions_under
from .syntax import crowd_members, is_purpose

FLIGHT_VERBS = frozenset({"flee", "escape"})
# Verbs of a crowd leaving en masse when "out" follows ("streamed out of their villages").
OUTFLOW_VERBS = frozenset({"stream", "pour", "flood"})
# Verbs that make others flee: the trigger table codes "sent/forced thousands fleeing" itself.
CAUSATIVE_VERBS = frozenset({"send", "force", "drive", "prompt", "cause", "spark", "trigger"})
# Nouns of violence whose doers people flee ("fighting between X and Y", "the army's shelling").
VIOLENCE_NOUNS = frozenset({"fighting", "fight", "clash", "clashes", "violence", "shelling", "bombing",
                            "bombardment", "offensive", "attack", "attacks", "assault", "airstrike", "airstrikes",
                            "raid", "raids", "war", "battle", "battles", "combat", "crackdown", "advance",
                            "onslaught", "gunfire"})
# People whose flight is displacement (not "the gunmen fled", "the suspect escaped").
DISPLACED_CLASSES = ("populace", "people_moved")
# (the crowd words of actors/implicit.py, and the tens, millions and families a flight is counted in)
CROWD_HEADS = CROWD_WORDS | {"ten", "tens", "million", "millions", "family", "families", "wave", "stream"}
EXPEL = "160"
FLIGHT_RULE = "events/displacement.py: people fleeing are expelled by their cause (PLOVER manual, SANCTION)"
CAUSE_CATEGORIES = frozenset({"ASSAULT", "COERCE"})


def flights(sent: Span, index: MentionIndex, document: Document, number: int,
            events: list[Event]) -> list[Event]:
    """The SANCTION expel events of the people the sentence tells fleeing, caused by a party it names."""
    out: list[Event] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.head.lemma_.lower() in CAUSATIVE_VERBS:
            continue
        own = lemma(verb) in FLIGHT_VERBS or (lemma(verb) in OUTFLOW_VERBS and any(
            c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod") for c in verb.children))
        if not own and not any(lemma(c) in FLIGHT_VERBS and is_purpose(c) for c in verb.children):
            continue  # "crossed into government-held areas to escape the fighting": the crossing is the flight
        if own and is_purpose(verb):
            continue  # told by the verb the purpose hangs on
        subj = subject_token(verb)
        if subj is None or not _displaced(subj, index):
            continue
        cause = _cause(verb, index, events)
        people = [m for m in mentions_under(subj, index)[0] if coded(m)] or crowd_of_place(verb, index)
        if not cause or not people:
            continue
        out.append(_event(verb, cause, people, document, number))
    return out


def _displaced(subj: Token, index: MentionIndex) -> bool:
    words = [subj, *crowd_members(subj, CROWD_HEADS)]
    return any(lemma(w) in CROWD_HEADS or any(lemma(w) in word_class(k) for k in DISPLACED_CLASSES) for w in words) \
        or _counted_nationals(subj, index)


def _counted_nationals(subj: Token, index: MentionIndex) -> bool:
    """"Some 15,000 Chadians crossed the border fleeing the fighting": a counted people named by its nationality (not a state's
    officials or forces)."""
    mention = index(subj.i)
    return any(c.dep_ == "nummod" for c in subj.children) and mention is not None and mention.kind == "country" \
        and coded(mention) and not any(e.sector in STATE_SECTORS for e in mention.entities)


def _cause(verb: Token, index: MentionIndex, events: list[Event]) -> list[Entity]:
    """Who the people flee: the doer of an attack told in the flight's time clause, or the parties of
    the violence they flee ("fighting between A and B", "the army's shelling", "attacks by X")."""
    scope = {t.i for t in verb.subtree}
    for e in events:
        if e.event in CAUSE_CATEGORIES and e.actor and not e.negated:
            trigger = next((t for t in verb.sent if t.idx == e.trigger.start), None)
            if trigger is not None and trigger.i in scope and trigger.i != verb.i:
                return [dataclasses.replace(a) for a in e.actor]
    for noun in (t for t in verb.subtree if t.lower_ in VIOLENCE_NOUNS or lemma(t) in VIOLENCE_NOUNS):
        parties = [m for p in children(noun, ("prep",)) if p.lower_ in ("between", "by")
                   for o in children(p, ("pobj",)) for m in mentions_under(o, index)[0] if coded(m)]
        parties += [m for c in children(noun, ("poss",)) for m in mentions_under(c, index)[0] if coded(m)]
        if parties:
            return entities_of(parties)
    return []


def _event(verb: Token, cause: list[Entity], people: list[ActorMention], document: Document, number: int) -> Event:
    row = cameo(EXPEL)
    return Event(
        doc=document.id, event=row.plover, cameo=EXPEL, actor=cause, recipient=entities_of(people),
        trigger=Trigger(verb.text, verb.idx, verb.idx + len(verb.text)), text=verb.sent.text.strip(),
        sentence=number, mode="expel", quad_class=row.quad_class, goldstein=row.goldstein,
        published=document.published, rule=FLIGHT_RULE)
