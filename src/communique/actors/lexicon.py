"""Phrase matchers built from the knowledge tables, once per spaCy vocabulary.

Two ``PhraseMatcher``s do all table look-ups in compiled code, so the cost per document is
one pass of each matcher rather than a Python loop over the tables:

- names (case-sensitive ``ORTH``): countries, demonyms, capitals/seats, organisations,
  office-holder aliases. Case matters: "US" is a country, "us" is not; "WHO" is a body.
- sector nouns and titles (``LOWER``): "police", "Foreign Minister", "foreign ministry".

Each pattern's match label is ``KIND|key``; :func:`lexical_matches` turns raw matches into
non-overlapping :class:`LexMatch` objects (longest first, then by kind priority).
An organisation match's key is a table id, or ``unlisted|CODE|name`` for a body the text
names but no table lists (made by the pre-passes); :func:`organization` reads either.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en import English
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from . import knowledge

COUNTRY, DEMONYM, METONYM, ORG, PERSON, SECTOR = "COUNTRY", "DEMONYM", "METONYM", "ORG", "PERSON", "SECTOR"

# When two matches cover the same tokens, the more specific table wins.
PRIORITY = {ORG: 0, PERSON: 1, METONYM: 2, COUNTRY: 3, DEMONYM: 4, SECTOR: 5}
UNLISTED = "unlisted"  # key prefix of a body named in the text but in no table

# Nouns of "the two sides", "both countries", "the two foreign ministers": who they refer to.
PAIR_NOUNS = {
    "sides": "countries", "countries": "countries", "nations": "countries", "governments": "countries",
    "neighbors": "countries", "neighbours": "countries", "states": "countries", "parties": "countries",
    "leaders": "countries", "ministers": "persons", "presidents": "persons", "counterparts": "persons",
    "premiers": "persons", "diplomats": "persons",
}


@dataclass(frozen=True)
class LexMatch:
    start: int  # token indices, end exclusive
    end: int
    kind: str  # COUNTRY | DEMONYM | METONYM | ORG | PERSON | SECTOR
    key: str  # code, organization id, alias, or lower-cased sector phrase


class Lexicon:
    """The compiled matchers for one vocabulary."""

    def __init__(self, vocab: Vocab):
        tokenizer = English(vocab=vocab).tokenizer
        self.names = PhraseMatcher(vocab, attr="ORTH")
        self.sectors = PhraseMatcher(vocab, attr="LOWER")
        self._add(self.names, tokenizer, COUNTRY, knowledge.country_names().items())
        self._add(self.names, tokenizer, DEMONYM, knowledge.demonyms().items())
        self._add(self.names, tokenizer, METONYM, ((a, a) for a in knowledge.metonyms()))
        self._add(self.names, tokenizer, ORG, knowledge.organization_aliases().items())
        self._add(self.names, tokenizer, PERSON, ((a, a) for a in knowledge.person_aliases()))
        self._add(self.sectors, tokenizer, SECTOR, ((p, p) for p in knowledge.sector_terms()))
        self.pairs = Matcher(vocab)
        # "the two (neighboring) sides", "both (foreign) ministers"; never a bare "two diplomats".
        middle = [
            {"POS": {"IN": ["ADJ", "NOUN", "PROPN", "VERB"]}, "LOWER": {"NOT_IN": list(PAIR_NOUNS)}, "OP": "?"},
            {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "LOWER": {"NOT_IN": list(PAIR_NOUNS)}, "OP": "?"},
            {"LOWER": {"IN": list(PAIR_NOUNS)}},
        ]
        self.pairs.add("PAIR", [
            [{"LOWER": "the"}, {"LOWER": "two"}, *middle],
            [{"LOWER": "both"}, *middle],
        ], greedy="LONGEST")

    @staticmethod
    def _add(matcher: PhraseMatcher, tokenizer, kind: str, items) -> None:
        items = list(items)
        by_label: dict[str, list[Doc]] = {}
        for (surface, key), doc in zip(items, tokenizer.pipe(s for s, _ in items)):
            by_label.setdefault(f"{kind}|{key}", []).append(doc)
        for label, docs in by_label.items():
            matcher.add(label, docs)


def organization(key: str) -> knowledge.Organization:
    """The table entry of an organisation match, or one made up for an unlisted body."""
    if key.startswith(UNLISTED + "|"):
        _, code, name = key.split("|", 2)
        return knowledge.Organization(id=f"{UNLISTED}:{name.lower()}", code=code, sector=None, name=name,
                                      aliases=(name,))
    return knowledge.organizations()[key]


@lru_cache(maxsize=4)
def lexicon_for(vocab: Vocab) -> Lexicon:
    return Lexicon(vocab)


def lexical_matches(sdoc: Doc) -> list[LexMatch]:
    """All table matches in a document, without overlaps, in text order."""
    lexicon = lexicon_for(sdoc.vocab)
    strings = sdoc.vocab.strings
    raw = []
    for matcher in (lexicon.names, lexicon.sectors):
        for match_id, start, end in matcher(sdoc):
            kind, key = strings[match_id].split("|", 1)
            raw.append(LexMatch(start, end, kind, key))
    # Longest first, then by table priority; a token belongs to one match only.
    raw.sort(key=lambda m: (-(m.end - m.start), PRIORITY[m.kind], m.start))
    taken = bytearray(len(sdoc))
    kept = []
    for match in raw:
        if any(taken[match.start:match.end]):
            continue
        taken[match.start:match.end] = b"\x01" * (match.end - match.start)
        kept.append(match)
    kept.sort(key=lambda m: m.start)
    return kept


def pair_phrases(sdoc: Doc) -> list[tuple[int, int, str]]:
    """Spans of "the two sides"-like phrases: (start, end, "countries" | "persons")."""
    lexicon = lexicon_for(sdoc.vocab)
    spans = []
    for _, start, end in lexicon.pairs(sdoc):
        spans.append((start, end, PAIR_NOUNS[sdoc[end - 1].lower_]))
    spans.sort()
    out: list[tuple[int, int, str]] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out
