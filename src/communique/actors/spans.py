"""Token-span helpers and word sets that every step of the actors stage shares.

A mention is a span of tokens of the spaCy ``Doc``; these helpers answer the questions each
step asks about such a span: which of its tokens attaches it to the rest of the sentence
(:func:`root`), which words before it are determiners, which dependency labels make a word a
subject, and how an entity is built from a span (:func:`entity`).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ..model import Entity
from ..parse import doc_tokens, head_indices, opening_place_comma
from . import knowledge

LEADING_WORDS = frozenset({"the", "a", "an", "both", "all"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Relations of an object ("urged them", "gave him", "spoke with them").
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})
ROOT_DEP_PREFERENCE = ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "appos", "conj", "ROOT")
# Parts of a compound of names joined by hyphens are modifiers, never actors ("China-Japan-South Korea FTA").
HYPHENS = frozenset({"-", "–", "—"})


def root(sdoc: Doc, start: int, end: int) -> int:
    """The token of the span whose head lies outside it (the best one if several)."""
    heads = head_indices(sdoc)
    outside = [t for t in doc_tokens(sdoc)[start:end] if not start <= heads[t.i] < end or heads[t.i] == t.i]
    if not outside:
        return end - 1
    if len(outside) == 1:
        return outside[0].i
    for dep in ROOT_DEP_PREFERENCE:
        for token in outside:
            if token.dep_ == dep:
                return token.i
    return outside[-1].i


def entity(span, code, sector, name, entity_id) -> Entity:
    """An entity covering a span of the document, with its character offsets."""
    return Entity(text=span.text, code=code, sector=sector, name=name, id=entity_id,
                  start=span.start_char, end=span.end_char)


def country_name(code: Optional[str]) -> Optional[str]:
    """The canonical name of a country code, None for bodies and unknown codes."""
    found = knowledge.country(code) if code else None
    return found.name if found else None


def leading_capital(sdoc: Doc, start: int, right_after: bool = False) -> Optional[str]:
    """"In Tokyo, Chief Cabinet Secretary X said ...": the country of the capital (or country) the
    sentence of token ``start`` opens with, whose officials a title with no country of its own names
    there; with ``right_after``, only for the words right after its comma ("In Minsk, the Foreign
    Ministry said", not "In Washington, the IMF praised the government")."""
    sent = sdoc[start].sent
    comma = opening_place_comma(sent) if start >= sent.start + 3 else None
    if comma is None or comma >= start or (
            right_after and any(t.lower_ not in ("the", "its") for t in sdoc[comma + 1:start])):
        return None
    found = knowledge.country_by_name(sdoc[sent.start + 1:comma].text.title())
    return found.code if found else None
