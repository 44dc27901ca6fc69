"""Phrase matchers built from the knowledge tables, once per spaCy vocabulary.

Two ``PhraseMatcher``s do the hand-written tables' look-ups in compiled code, so the cost per
document is one pass of each matcher rather than a Python loop over the tables:

- names (case-sensitive ``ORTH``): countries, demonyms, capitals/seats, organisations,
  office-holder aliases. Case matters: "US" is a country, "us" is not; "WHO" is a body.
- sector nouns and titles (``LOWER``): "police", "Foreign Minister", "foreign ministry".

The derived (Phoenix) tables' ~35,000 phrases go into a :class:`DerivedIndex` (one dictionary
look-up per token; names matched case-insensitively and kept only where the text writes a name).

Each pattern's match label is ``KIND|key``; :func:`lexical_matches` turns raw matches into
non-overlapping :class:`LexMatch` objects (longest first, hand-written before derived, then by
kind priority).
An organisation match's key is a table id, or ``unlisted|CODE|name`` for a body the text
names but no table lists (made by the pre-passes); :func:`organization` reads either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.lang.en import English
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..nlp import hyphenated_names, joined_name_words
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


# "the three countries", "all four governments": how many states a group phrase names (see pair_phrases).
GROUP_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True)
class LexMatch:
    start: int  # token indices, end exclusive
    end: int
    kind: str  # COUNTRY | DEMONYM | METONYM | ORG | PERSON | SECTOR
    key: str  # code, organization id, alias, or lower-cased sector phrase
    derived: bool = False  # from a derived (Phoenix) table: a hand-written match of the same length wins


class Lexicon:
    """The compiled matchers for one vocabulary."""

    def __init__(self, vocab: Vocab):
        tokenizer = English(vocab=vocab).tokenizer
        self.names = PhraseMatcher(vocab, attr="ORTH")
        self.sectors = PhraseMatcher(vocab, attr="LOWER")
        self._add(self.names, tokenizer, COUNTRY, knowledge.country_names().items())
        self._add(self.names, tokenizer, DEMONYM, knowledge.demonyms().items())
        self._add(self.names, tokenizer, METONYM,
                  ((a, a) for a, m in knowledge.metonyms().items() if m.kind != "region"))
        self._add(self.names, tokenizer, ORG, knowledge.organization_aliases().items())
        self._add(self.names, tokenizer, PERSON, ((a, a) for a in knowledge.person_aliases()))
        terms = knowledge.sector_terms()
        self._add(self.sectors, tokenizer, SECTOR, ((p, p) for p, t in terms.items() if not t.source))
        # Derived phrases: names are upper case in their source, so they are matched case-insensitively
        # and kept only where the text writes them as a name (see _name_shaped).
        self.derived = DerivedIndex(tokenizer)
        self.derived.add(PERSON, {(alias, knowledge.phoenix.fold(alias)) for alias, _ in knowledge.derived_people().names})
        self.derived.add(ORG, ((alias, org.id) for org in knowledge.derived_organizations() for alias in org.aliases))
        self.derived.add(SECTOR, ((p, p) for p, t in terms.items() if t.source))
        self.derived.add(METONYM, ((name, name) for name, _ in knowledge.derived_country_names()))
        self.pairs = Matcher(vocab)
        # "the two (neighboring) sides", "both (foreign) ministers"; never a bare "two diplomats" (the
        # "the" before "two" is checked by pair_phrases: a pattern opening on "the" would try every "the").
        middle = [
            {"POS": {"IN": ["ADJ", "NOUN", "PROPN", "VERB"]}, "LOWER": {"NOT_IN": list(PAIR_NOUNS)}, "OP": "?"},
            {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "LOWER": {"NOT_IN": list(PAIR_NOUNS)}, "OP": "?"},
            {"LOWER": {"IN": list(PAIR_NOUNS)}},
        ]
        self.pairs.add("PAIR", [[{"LOWER": "two"}, *middle], [{"LOWER": "both"}, *middle]], greedy="LONGEST")
        # the count words of "the four governments" (group_phrases; not a matcher pattern: a pattern on a
        # set of words costs the matcher as much as all the pair patterns together)
        self.group_words = numpy.array([vocab.strings.add(w) for w in GROUP_COUNTS], dtype="uint64")

    @staticmethod
    def _add(matcher: PhraseMatcher, tokenizer, kind: str, items) -> None:
        items = list(items)
        by_label: dict[str, list[Doc]] = {}
        for (surface, key), doc in zip(items, tokenizer.pipe(s for s, _ in items)):
            by_label.setdefault(f"{kind}|{key}", []).append(hyphenated_names(doc))  # as the parsed text
        for label, docs in by_label.items():
            matcher.add(label, docs)


def organization(key: str) -> knowledge.Organization:
    """The table entry of an organisation match, or one made up for an unlisted body."""
    if key.startswith(UNLISTED + "|"):
        _, code, name = key.split("|", 2)
        return knowledge.Organization(id=f"{UNLISTED}:{name.lower()}", code=code, sector=None, name=name,
                                      aliases=(name,))
    return knowledge.organizations()[key]


def _company(key: str) -> bool:
    org = knowledge.organizations().get(key)
    return org is not None and org.code == "MNC"


HYPHEN_BETWEEN_LETTERS = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


class DerivedIndex:
    """Derived phrases by the hashes of their lower-case tokens, looked up from each token.

    The derived tables hold about 35,000 phrases: through spaCy's tokenizer and ``PhraseMatcher``
    they would cost a second in every process, so phrases are split here the way the tokenizer
    splits plain words (a phrase with punctuation the tokenizer splits otherwise, such as "Joe's",
    just never matches; ``tests/test_lexicon.py`` counts them) and a document is scanned with one
    dictionary look-up per token over its ``LOWER`` array (no Token objects)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.strings = tokenizer.vocab.strings
        self.special = frozenset(tokenizer.rules or ())  # words the tokenizer splits its own way ("Im")
        self.single: dict[int, list[tuple[str, str]]] = {}  # one-token phrases by their token
        # Longer phrases by their first two tokens (first words such as "national" begin hundreds).
        self.multi: dict[tuple[int, int], list[tuple[tuple[int, ...], str, str]]] = {}
        self.multi_first: set[int] = set()
        # One-word acronyms of armed groups and bodies ("ANA", "AMIT") by their exact spelling: "Ana" and
        # "Amit" are given names, not groups. (Companies keep case-insensitive look-up: their source
        # writes "SONY" and "ZAIN" in capitals.)
        self.acronyms: dict[int, list[tuple[str, str]]] = {}

    def add(self, kind: str, items) -> None:
        strings, special = self.strings, self.special
        for surface, key in items:
            if (key.startswith("group:") or (key.startswith("org:phx-") and not _company(key))) \
                    and surface.isupper() and surface.isalpha() and len(surface) <= 5:
                self.acronyms.setdefault(strings[surface], []).append((kind, key))
                continue
            # Split as the tokenizer splits plain words: at blanks, and around a hyphen between letters.
            words = joined_name_words(HYPHEN_BETWEEN_LETTERS.sub(" - ", surface).split())
            if any(w in special for w in words):
                words = [t.text for t in self.tokenizer(surface)]
            hashes = tuple(strings[w.lower()] for w in words)  # a hash, without storing the string
            if len(hashes) == 1:
                self.single.setdefault(hashes[0], []).append((kind, key))
            elif hashes:
                self.multi.setdefault(hashes[:2], []).append((hashes, kind, key))
                self.multi_first.add(hashes[0])

    def __call__(self, sdoc: Doc):
        """(start, end, kind, key) of every phrase found, overlapping ones included."""
        lowers = sdoc.to_array(LOWER).tolist()
        single, multi, multi_first = self.single, self.multi, self.multi_first
        if self.acronyms:
            for i, spelled in enumerate(sdoc.to_array(ORTH).tolist()):
                for kind, key in self.acronyms.get(spelled, ()):
                    yield i, i + 1, kind, key
        for i, first in enumerate(lowers):
            if first in single:
                for kind, key in single[first]:
                    yield i, i + 1, kind, key
            if first in multi_first and i + 1 < len(lowers):
                for hashes, kind, key in multi.get((first, lowers[i + 1]), ()):
                    if tuple(lowers[i:i + len(hashes)]) == hashes:
                        yield i, i + len(hashes), kind, key


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
    for start, end, kind, key in lexicon.derived(sdoc):
        if kind == SECTOR or _name_shaped(sdoc[start:end]):
            raw.append(LexMatch(start, end, kind, key, derived=True))
    # Longest first, then hand-written before derived, then by table priority; a token belongs
    # to one match only.
    raw.sort(key=lambda m: (-(m.end - m.start), m.derived, PRIORITY[m.kind], m.start))
    taken = bytearray(len(sdoc))
    kept = []
    for match in raw:
        if any(taken[match.start:match.end]):
            continue
        taken[match.start:match.end] = b"\x01" * (match.end - match.start)
        kept.append(match)
    kept.sort(key=lambda m: m.start)
    return kept


# Words a name may hold in lower case ("Bank of America", "Jaish al-Adl", "Ban Ki-moon" after a hyphen).
NAME_PARTICLES = frozenset({"of", "the", "and", "for", "in", "on", "de", "del", "la", "le", "du", "des", "da", "do",
                            "dos", "van", "von", "der", "den", "y", "e", "et", "al", "el", "bin", "bint", "ibn",
                            "to", "at", "a", "an", "&"})


def _name_shaped(span) -> bool:
    """The text writes these words as a name: each word capitalised, but for particles and the part
    of a word after a hyphen; "shell" or "the un envoy" are no names, "Shell" and "SHELL" are."""
    for token in span:
        if token.is_alpha and not token.text[0].isupper() and token.lower_ not in NAME_PARTICLES \
                and not (token.i > span.start and span.doc[token.i - 1].text in ("-", "–")
                         and not span.doc[token.i - 1].whitespace_):
            return False
    return any(t.text[:1].isupper() for t in span)


def pair_phrases(sdoc: Doc) -> list[tuple[int, int, str, int]]:
    """Spans of "the two sides"-like phrases: (start, end, "countries" | "persons", how many: 2 for
    "both"/"the two", else the number of "the four governments")."""
    lexicon = lexicon_for(sdoc.vocab)
    spans = []
    for _, start, end in lexicon.pairs(sdoc):
        if sdoc[start].lower_ == "two":  # "the two sides"
            if start == 0 or sdoc[start - 1].lower_ != "the":
                continue
            start -= 1
        spans.append((start, end, PAIR_NOUNS[sdoc[end - 1].lower_], 2))
    spans += _group_phrases(sdoc, lexicon)
    spans.sort()
    out: list[tuple[int, int, str, int]] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


def _group_phrases(sdoc: Doc, lexicon: Lexicon) -> list[tuple[int, int, str, int]]:
    """"the four (boycotting) governments", "all three countries": the states of a list just named;
    one lower-case word at most between ("the three Baltic states" is a group of its own)."""
    found = []
    for i in numpy.nonzero(numpy.isin(sdoc.to_array(LOWER), lexicon.group_words))[0].tolist():
        if i == 0 or sdoc[i - 1].lower_ not in ("the", "all"):
            continue
        end = i + 1
        if end < len(sdoc) and sdoc[end].lower_ not in PAIR_NOUNS and sdoc[end].is_lower:
            end += 1
        if end < len(sdoc) and sdoc[end].lower_ in PAIR_NOUNS:
            found.append((i - 1, end + 1, PAIR_NOUNS[sdoc[end].lower_], GROUP_COUNTS[sdoc[i].lower_]))
    return found
