"""Plural pronouns of the actors stage: whom an object "them" stands for (the resolver's singular
"he", "she", "him", "her" go by the memory's people; "them" goes by the parties already resolved)."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc

from ..model import ActorMention
from ..parse import conjuncts, shared_subject
from .spans import OBJECT_DEPS, SUBJECT_DEPS

QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def them(sdoc: Doc, i: int, mentions: list[ActorMention], sentence_of) -> Optional[ActorMention]:
    """"spoke to the striking dockers ... and asked them to go home": the latest plural party of this
    sentence or the one before, not a doer of the clauses "them" sits in. Not in a quotation, a
    partitive of no object ("most of them women"), nor a participle that goes on with the main act
    ("freed five soldiers, handing them over to ..."; measured: such participles more often repeat the
    main act's party than add an event)."""
    token = sdoc[i]
    head = token.head.head if token.dep_ == "pobj" else token.head
    if (token.dep_ == "pobj" and token.head.lower_ == "of" and head.dep_ not in OBJECT_DEPS) \
            or (head.tag_ == "VBG" and head.dep_ == "advcl") or _quoted(token):
        return None
    doers, clause = [], token.head  # the subjects of its clauses, up to its main clause
    while True:
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        shared = shared_subject(clause) if clause.pos_ in ("VERB", "AUX") else None
        # ("migrants who were hurling stones at them": the relative pronoun's noun)
        subjects = [clause.head if s.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" else s
                    for s in subjects + [shared] if s is not None]
        doers += [t.i for s in subjects for t in conjuncts(s)]
        if clause.dep_ == "conj" or clause.head.i == clause.i:
            break
        clause = clause.head
    sentence = sentence_of(i)
    for mention in reversed(mentions):
        if sentence_of(mention.root) < sentence - 1:
            return None
        root = sdoc[mention.root]
        if mention.kind in ("place", "modifier", "pronoun") or mention.token_end > i or mention.root in doers \
                or not (root.tag_ in ("NNS", "NNPS") or len(mention.entities) > 1):
            continue
        entities = [replace(e, text=token.text, start=token.idx, end=token.idx + len(token.text))
                    for e in mention.entities]
        return ActorMention(entities=entities, token_start=i, token_end=i + 1, root=i, kind=mention.kind)
    return None


def _quoted(token) -> bool:
    """Inside a quotation of its sentence (an odd number of quotation marks before it)."""
    return sum(t.text in QUOTE_MARKS for t in token.sent if t.i < token.i) % 2 == 1
