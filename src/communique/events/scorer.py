"""A learned second opinion on each event's actor and recipient.

The rules (arguments, recipients, story) choose one actor and one recipient for every event. This
module weighs each choice against every other party the event's sentence names, with weights
learned from the project's own blind development articles (``benchmarks/train_recipient_scorer.py
--role actor|recipient`` derives ``data/actor_scorer.json`` and ``data/recipient_scorer.json``;
nothing is learned at run time). A candidate is a mention of the sentence, or the rules' choice
(which may come from the story, an implied state or nothing at all); its features are the
grammatical path from the trigger to it, its kind, its side of the trigger, its distance, whether
it shares the other side's country, how often the article names its country, each crossed with
the event's category. Another candidate replaces the rules' choice only where its score beats
the choice's by the model's margin; the actor is weighed first, then the recipient.

``COMMUNIQUE_ACTOR_SCORER`` and ``COMMUNIQUE_RECIPIENT_SCORER`` name other weights files, or
``none`` to switch a scorer off.
"""
from __future__ import annotations

import dataclasses
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from ..actors.index import MentionIndex
from ..actors.resolver import PLACE_PREPOSITIONS
from ..knowledge.codes import own_forces
from ..model import ActorMention, Event
from .displacement import FLIGHT_RULE
from .lexicon import word_class
from .story import country_counts

WEIGHTS = Path(__file__).parent / "data" / "recipient_scorer.json"
# The models there are, each with the event side it chooses, its weights file and the variable that overrides it.
ROLES = {"actor": (Path(__file__).parent / "data" / "actor_scorer.json", "COMMUNIQUE_ACTOR_SCORER"),
         "recipient": (WEIGHTS, "COMMUNIQUE_RECIPIENT_SCORER")}
# Prepositions of where something happened: their objects are places, no parties (the actors stage's, and "at").
LOCATIVE_PREPOSITIONS = PLACE_PREPOSITIONS | {"at"}
OTHER_CLAUSE_DEPS = frozenset({"advcl"})
MOVING_CATEGORIES = frozenset({"MOBILIZE", "RETREAT", "CONCEDE"})
_OTHER = {"actor": "recipient", "recipient": "actor"}
MAX_PATH = 4  # dependency steps from the trigger to a candidate that make a path feature


@lru_cache(maxsize=4)
def _model(path: str) -> Optional[dict]:
    if path == "none" or not Path(path).exists():
        return None
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    if not isinstance(model.get("weights"), dict) or not isinstance(model.get("margin"), (int, float)):
        raise ValueError(f"{path}: a scorer needs 'weights' (feature -> number) and 'margin'")
    return model


def model(role: str = "recipient") -> Optional[dict]:
    path, variable = ROLES[role]
    return _model(os.environ.get(variable, str(path)))


def _path(anchor: Token, target: Token) -> str:
    """The dependency path from the trigger to a candidate: up-steps to the common ancestor, then
    down-steps, each a relation (a preposition's word with it), or "far" beyond MAX_PATH steps."""
    up: list[Token] = [anchor]
    while up[-1].head.i != up[-1].i and len(up) <= 2 * MAX_PATH:
        up.append(up[-1].head)
    ids = [t.i for t in up]
    down: list[Token] = [target]
    while down[-1].i not in ids and down[-1].head.i != down[-1].i and len(down) <= 2 * MAX_PATH:
        down.append(down[-1].head)
    if down[-1].i not in ids:
        return "far"
    steps_up = ids.index(down[-1].i)
    if steps_up + len(down) - 1 > MAX_PATH:
        return "far"
    word = lambda t: t.dep_ + (":" + t.lower_ if t.dep_ == "prep" else "")  # noqa: E731
    return "/".join(["^" + word(t) for t in up[:steps_up]] + [word(t) for t in reversed(down[:-1])]) or "self"


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


def features(event: Event, anchor: Token, mention: Optional[ActorMention], rules_choice: bool,
             counts: dict[str, int], role: str = "recipient") -> list[str]:
    """The features of one candidate for ``role`` of ``event`` (``mention`` None: the rules' choice
    from outside the sentence, or none)."""
    cat = event.event
    other_codes = {e.code for e in getattr(event, _OTHER[role]) if e.code}
    out: list[str] = []
    if mention is None:
        codes = {e.code for e in getattr(event, role) if e.code}
        out += ["outside", "outside:" + ("none" if not codes else "named")]
    else:
        doc = anchor.doc
        root = doc[mention.root]
        codes = {e.code for e in mention.entities if e.code}
        path = _path(anchor, root)
        out += ["path:" + path, "kind:" + mention.kind, "side:" + ("before" if root.i < anchor.i else "after"),
                "dist:" + _bucket(abs(root.i - anchor.i) // 3), "dep:" + root.dep_]
    if rules_choice:
        out.append("rules")
    if codes & other_codes:
        out.append("same_country")
    if codes:
        out.append("named:" + _bucket(max(counts.get(c, 0) for c in codes)))
    return out + [f"{f}&{cat}" for f in out]


def candidates(event: Event, sdoc: Doc, index: MentionIndex, counts: dict[str, int], role: str = "recipient"):
    """(mention or None, features) of every candidate for ``role`` of ``event``: the rules' choice first."""
    anchor = _anchor(event, sdoc)
    if anchor is None:
        return []
    sent = anchor.sent
    chosen = {(e.start, e.end) for e in getattr(event, role)}
    other_spans = [(e.start, e.end) for e in getattr(event, _OTHER[role])]
    seen: set[int] = set()
    mentions: list[ActorMention] = []
    for m in list(index.by_token.values()) + list(index.places.values()):
        if id(m) in seen or not (sent.start <= m.root < sent.end) or not any(e.code for e in m.entities):
            continue
        seen.add(id(m))
        if _names_a_place(sdoc, m) or any(s <= e.start < t or s < e.end <= t for e in m.entities for s, t in other_spans) \
                or not _may_take_part(sdoc[m.root], anchor, role) or (role == "recipient" and _own_forces(event, m)):
            continue
        mentions.append(m)
    rules = [m for m in mentions if any((e.start, e.end) in chosen for e in m.entities)]
    first = rules[0] if rules else None
    out = [(first, features(event, anchor, first, True, counts, role))]
    out += [(m, features(event, anchor, m, False, counts, role)) for m in mentions if m is not first]
    return out


def _names_a_place(sdoc: Doc, mention: ActorMention) -> bool:
    """A country named as where something is ("in Dhaka") or only to say whose a place is ("the Sudanese
    border", "a Chadian town"): the actors stage judged these no party, and no recipient either."""
    root = sdoc[mention.root]
    if root.dep_ == "pobj" and root.head.lower_ == "with" and _place_noun(root.head.head):
        return True  # "near the border with Sudan"
    return mention.kind == "place" or mention.kind == "modifier" and _place_noun(root.head)


def _place_noun(token: Token) -> bool:
    return token.lemma_ in word_class("place") or token.lemma_ in ("frontier", "side")


def _own_forces(event: Event, mention: ActorMention) -> bool:
    """The actor's own forces are what a deployment or withdrawal moves, never its other side."""
    return event.event in MOVING_CATEGORIES and own_forces([e for e in mention.entities if e.code],
                                                            {e.code for e in event.actor if e.code})


def _may_take_part(root: Token, anchor: Token, role: str) -> bool:
    """Not a candidate: where the act took place ("in Dhaka", "at a court"), unless the trigger itself
    hangs there; a party of a time clause; whom the act is told "according to"; for the recipient, who
    reports the act ("..., a police spokesman said")."""
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS and root.head.head.i != anchor.i:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return False  # "..., according to Amnesty International": the source of the report
    if role == "recipient" and root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in word_class("report") \
            and root.head.i != anchor.i and anchor.i in {t.i for t in root.head.subtree}:
        return False
    return not _in_other_clause(root, anchor)


def _in_other_clause(root: Token, anchor: Token) -> bool:
    """Below the trigger in a clause with a subject of its own ("deployed troops, a day after police
    killed 12 people"): a party of that clause's act."""
    t = root
    while t.head.i != t.i and t.i != anchor.i:
        if t.dep_ in OTHER_CLAUSE_DEPS and t.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return any(a.i == anchor.i for a in t.ancestors)
        t = t.head
    return False


def _anchor(event: Event, sdoc: Doc) -> Optional[Token]:
    span = sdoc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _score(weights: dict, feats: Iterable[str]) -> float:
    return sum(weights.get(f, 0.0) for f in feats)


def rescore(events: list[Event], sdoc: Doc, index: MentionIndex, mentions: list[ActorMention]) -> list[Event]:
    """Each event with the actor, then the recipient, the models prefer where one beats the rules' choice
    by its margin."""
    learned = {role: model(role) for role in ROLES}
    if not events or not any(learned.values()):
        return events
    counts = country_counts(mentions)
    out = []
    for event in events:
        for role, chosen in learned.items():
            if chosen is None or event.rule == FLIGHT_RULE:
                continue  # (the people a flight tells are its recipient, its cause is its actor: no choice)
            cands = candidates(event, sdoc, index, counts, role)
            if len(cands) < 2:
                continue
            scores = [_score(chosen["weights"], f) for _, f in cands]
            best = max(range(1, len(cands)), key=lambda k: scores[k])
            if scores[best] - scores[0] > chosen["margin"]:
                party = [dataclasses.replace(e) for e in cands[best][0].entities if e.code]
                event = dataclasses.replace(event, **{role: party})
        out.append(event)
    return out
