"""Find and resolve the actor mentions of one parsed document: the steps, in order.

:func:`find_actors` runs five steps, each a named function in a module of its own, each taking
the previous step's output and returning a new list:

1. pre-passes (:mod:`.prepasses`): the table matches (:mod:`.lexicon`) are corrected and
   completed into *pieces*: shared aliases disambiguated, unlisted named bodies added, pieces
   inside "the two sides" dropped, matches the context contradicts dropped, person names the
   tables do not know added.
2. units (:func:`.phrases.units`): adjacent pieces that form one noun phrase.
3. chains (:func:`.phrases.chains`): conjoined units, and "the minister of X"-like phrases.
4. the resolver (:class:`.resolver.Resolver`): chains, pair phrases ("the two sides") and
   pronouns, in text order with the article's memory (:mod:`.memory`), become
   :class:`~communique.model.ActorMention` records.
5. post-passes (:mod:`.postpasses`): stacked demonyms, appositions, ethnic groups.
6. discards (:mod:`.discards`): no actor in a sentence, or a story, that a discard phrase marks
   as not political (sport, entertainment).

Emitted mentions and entities are frozen dataclasses: a later step that knows better emits a
corrected copy instead of changing a record in place.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import ActorMention, Document
from ..parse import doc_tokens
from . import discards, memory, phrases, postpasses, prepasses
from .lexicon import lexical_matches, pair_phrases
from .resolver import OBJECT_PRONOUNS, Resolver
from .spans import OBJECT_DEPS, SUBJECT_DEPS

PRONOUNS = frozenset({"he", "she"})


def find_actors(sdoc: Doc, document: Document) -> list[ActorMention]:
    """Every actor mention of the document, in text order (see the package docstring)."""
    if len(sdoc) == 0 or discards.discarded_story(sdoc):
        return []
    pieces, pairs = _pieces(sdoc, document)
    chains = phrases.chains(sdoc, phrases.units(sdoc, pieces))
    article = memory.ArticleMemory(document.published or document.dateline_date,
                                   memory.main_country(document, pieces), memory.home_country(document, pieces, _lead_end(sdoc)))
    mentions = Resolver(sdoc, article).resolve(_in_text_order(sdoc, chains, pairs))
    mentions = postpasses.stacked_demonyms(sdoc, mentions)
    mentions = postpasses.organization_chapters(sdoc, mentions)
    mentions = postpasses.state_envoys(sdoc, mentions)
    mentions = postpasses.appositions(sdoc, mentions)
    mentions = postpasses.heads_of_bodies(sdoc, mentions)
    mentions = postpasses.ethnic_groups(sdoc, mentions)
    mentions = postpasses.currencies(sdoc, mentions)
    mentions = postpasses.opening_it(sdoc, mentions)
    dropped = discards.discarded_sentences(sdoc)
    return [m for m in mentions if not any(s <= m.root < e for s, e in dropped)] if dropped else mentions


def _lead_end(sdoc: Doc) -> int:
    """The token where the story's lead paragraph ends (its first blank line), or its end."""
    return next((t.i for t in sdoc if t.is_space and t.text.count("\n") >= 2), len(sdoc))


def _pieces(sdoc: Doc, document: Document):
    """Step 1: the pre-passes over the table matches; also the pair phrases they make way for."""
    lex = lexical_matches(sdoc)
    lex = prepasses.disambiguated_organizations(sdoc, lex, document)
    lex = prepasses.halves_of_divided_countries(sdoc, lex)
    lex = prepasses.with_unlisted_bodies(sdoc, lex, memory.main_country(document, lex),
                                         memory.home_country(document, lex, _lead_end(sdoc)))
    pairs = pair_phrases(sdoc)
    lex = prepasses.drop_inside(lex, [(s, e) for s, e, *_ in pairs])
    return prepasses.with_person_names(sdoc, prepasses.valid_matches(sdoc, lex)), pairs


def _in_text_order(sdoc: Doc, chains, pairs) -> list[tuple[int, str, object]]:
    """What the resolver takes, sorted by first token: chains, pair phrases, and "he"/"she" as
    subjects or "him"/"her"/"them" as objects outside any chain."""
    items: list[tuple[int, str, object]] = [(chain[0].start, "chain", chain) for chain in chains]
    items += [(pair[0], "pair", pair) for pair in pairs]
    covered = bytearray(len(sdoc))
    for chain in chains:
        covered[chain[0].start:chain[-1].end] = b"\x01" * (chain[-1].end - chain[0].start)
    for token in doc_tokens(sdoc):
        if token.lower_ in PRONOUNS and token.dep_ in SUBJECT_DEPS and not covered[token.i]:
            items.append((token.i, "pronoun", token.i))
        elif token.lower_ in OBJECT_PRONOUNS and token.tag_ == "PRP" and token.dep_ in OBJECT_DEPS:
            items.append((token.i, "pronoun", token.i))
        elif token.lower_ == "them" and token.dep_ in OBJECT_DEPS:
            items.append((token.i, "them", token.i))
    items.sort(key=lambda item: item[0])
    return items
