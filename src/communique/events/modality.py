"""PLOVER auxiliary modes of a trigger's clause: negated, hypothetical, future, historical."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from .lexicon import word_class

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
UNCERTAIN_AUX = frozenset({"could", "might", "may", "should", "must", "ought", "can"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Verbs whose infinitive complement is planned (future) or only wished for (hypothetical).
PLAN_VERBS = frozenset({"plan", "intend", "schedule", "expect", "aim", "set", "decide", "prepare", "go"})
WISH_VERBS = frozenset({"hope", "want", "wish", "seek", "consider", "propose", "would", "like", "need", "have"})
BACKGROUND_WORDS = re.compile(r"\b(last year|years ago|a year ago|decades? ago|in the past|previously|"
                              r"formerly|last decade)\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    conditional: bool = False  # the clause has its own if/unless clause: a promise or a threat


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def is_negated(token: Token) -> bool:
    """"did not meet", "never visited", "no talks were held"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return True
        head = token.head
        if token.dep_ in ("dobj", "nsubjpass", "pobj") and head is not token:
            if token.dep_ == "pobj":
                head = head.head
            return any(c.dep_ == "neg" for c in head.children)
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        return any(c.dep_ == "neg" for c in token.head.children)
    return False


def _in_reported_clause(verb: Token) -> bool:
    t = verb
    while t.dep_ == "conj":
        t = t.head
    return t.dep_ == "ccomp" and t.head.lemma_.lower() in word_class("report")


def _clause_chain(verb: Token):
    """The verb and the verbs it hangs from through infinitive complements ("plans to visit")."""
    t = verb
    yield t
    for _ in range(6):
        if t.dep_ not in ("xcomp", "conj") or t.head is t:
            return
        t = t.head
        yield t


def modality(trigger_token: Token, verb: Token, published: date | None = None) -> Modality:
    m = Modality()
    m.negated = is_negated(trigger_token) or (verb is not trigger_token and is_negated(verb))
    for v in _clause_chain(verb):
        aux = _aux_words(v)
        if v is not verb and any(c.dep_ == "neg" for c in v.children) and v.lemma_.lower() not in PLAN_VERBS:
            m.negated = True
        if aux & FUTURE_AUX or ("going" in aux and v is not verb):
            m.future = True
        if "would" in aux:
            # "said they would boycott" is a reported future, as is "would meet him if ..." (a stated
            # condition); a bare "would" is a hypothesis.
            if _in_reported_clause(v) or _has_condition(v):
                m.future = True
            else:
                m.hypothetical = True
        if aux & UNCERTAIN_AUX:
            m.hypothetical = True
        if v is not verb:
            head_lemma = v.lemma_.lower()
            if head_lemma in PLAN_VERBS or (head_lemma == "be" and "to" in _aux_words(verb)):
                m.future = True
            elif head_lemma in WISH_VERBS:
                m.hypothetical = True
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in v.children) and v.dep_ == "advcl":
            m.hypothetical = True
        if "had" in aux and v.tag_ == "VBN" and not _in_reported_clause(v):
            # Past perfect marks background, except in reported speech ("said police had arrested").
            m.historical = True
    # "demanded that Israel ease ...": a bare verb with its own subject is a subjunctive, not a fact.
    if verb.tag_ == "VB" and verb.dep_ in ("ccomp", "acl") and not _aux_words(verb) \
            and any(c.dep_ == "nsubj" for c in verb.children):
        m.hypothetical = True
    # "is to visit": the infinitive hangs from "be".
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be":
        m.future = True
    m.conditional = _has_condition(verb)
    m.historical = m.historical or _background_date(verb, published)
    return m


def condition_clause(verb: Token) -> Token | None:
    """The verb of an "if"/"unless" clause attached to ``verb`` (a promise's or threat's condition)."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
            return c
    return None


def _has_condition(verb: Token) -> bool:
    return condition_clause(verb) is not None


def _clause_tokens(verb: Token):
    """Words of the verb's own clause (not of clauses embedded in it)."""
    stack = list(verb.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"):
            continue
        yield t
        stack.extend(t.children)


def _background_date(verb: Token, published: date | None) -> bool:
    words = " ".join(t.text for t in sorted(_clause_tokens(verb), key=lambda t: t.i))
    if BACKGROUND_WORDS.search(words):
        return True
    if published is not None:
        for t in _clause_tokens(verb):
            if t.ent_type_ == "DATE" and YEAR.fullmatch(t.text) and int(t.text) < published.year:
                return True
    return False
