"""Near-duplicate articles: the same story republished with small edits is coded once.

A wire story reaches an archive dozens of times: under another headline, with its last
paragraphs trimmed, with an agency credit line added. Ingest passes every document through
this step before coding. A document's main text becomes a set of word shingles (runs of
``SHINGLE_WORDS`` lower-cased words); a MinHash signature (``datasketch``) estimates the
Jaccard similarity of two such sets, and an LSH index finds the stored documents whose
similarity may pass ``THRESHOLD`` without comparing against all of them. A candidate must also
name the same people, places and numbers (the other text holds at least ``NAMES_THRESHOLD``
of the capitalised words and numbers of the shorter one): an outlet's template filled for another event
shares many shingles but few names. A document whose best match passes both is a copy of
that first report: the store records it as a further source of that report and it is not
coded again. Agency datelines and credit lines ("LIMA (Agency) -", "(Reporting by ...)")
are removed before either is computed.

This module owns the shingles, the signatures (and their bytes in the store) and the
in-memory index; the store keeps the signatures across runs (table
``document_signatures``) and the copies (table ``document_copies``), see
``store/ingestion.py``. The threshold was chosen by measurement on pairs built for the
purpose (``benchmarks/near_duplicates.py``; the README gives precision and recall).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 128
# Estimated Jaccard similarity of shingle sets at or above which a document is a copy.
# Chosen on built pairs (benchmarks/near_duplicates.py): the lowest threshold that folds
# no different story on the same event and no follow-up reusing background paragraphs.
THRESHOLD = 0.55
LSH_MARGIN = 0.2
# Share of the names (capitalised words, numbers) of the shorter text the other must hold.
NAMES_THRESHOLD = 0.75
# A copy is published within this many days of its first report: wire copies follow within
# days, while an outlet's yearly story ("the summit opened on Monday") may repeat much of
# last year's. Ingest also loads stored fingerprints only for the weeks around the documents
# it reads, so that a run does not start by reading every fingerprint of the archive.
WINDOW_DAYS = 14
# A text shorter than this is never folded: a two-line brief and another one differing in a
# name or a number share most shingles without being the same report.
MIN_WORDS = 40

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NAME = re.compile(r"\b[A-Z][^\W\d_]+(?:['’][^\W_]+)?\b|\b\d[\d.,]*\b")
# "LIMA, March 3 (Agency) - " at the start of the text or of its first paragraph.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z .'’-]{1,40})(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
                       r"\([^()\n]{2,40}\)\s*[-–—]+\s*")
# Credit lines (a line of their own or the last sentence of one, under 200 characters): "(Reporting by ...; editing
# by ...)", "(Agency) -- additional reporting from ...", "First published by ... republished
# with permission", "© Agency 2024".
_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"”])[^\S\n]+)[^\S\n]*(?:\([^()\n]{2,40}\)[^\S\n]*[-–—]*[^\S\n]*)?\(?[^\S\n]*"
    r"(?:(?:additional[^\S\n]+)?(?:reporting|writing|editing|compiled)[^\S\n]+(?:by|from)\b"
    r"|this[^\S\n]+(?:story|article)[^\S\n]+was[^\S\n]+(?:first[^\S\n]+)?published\b"
    r"|(?:©|copyright\b))[^\n]{0,200}$",
    re.IGNORECASE | re.MULTILINE)
_SEED = 1
# datasketch's 32-bit permutation scheme (named, so that signatures stored by one version of
# datasketch compare with those of the next).
_SCHEME = "affine32"


@dataclass(frozen=True)
class Match:
    """The stored first report a document copies, and their estimated similarity."""

    original: str
    similarity: float


def main_text(text: str) -> str:
    """The text without an agency dateline at its start and credit lines at its end."""
    return _CREDIT.sub("", _DATELINE.sub("", text, count=1))


def names(text: str) -> frozenset[str]:
    """Capitalised words and numbers: who, where and how many a story is about."""
    return frozenset(_NAME.findall(main_text(text)))


def words(text: str) -> list[str]:
    """Lower-cased words of a text: punctuation, case and spacing edits do not count."""
    return _WORD.findall(text.lower())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    return _shingles(words(main_text(text)), size)


def _shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i:i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def jaccard(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for measurement and tests)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


@dataclass(frozen=True)
class Fingerprint:
    """What a document is compared by: a MinHash of its shingles and the names it holds."""

    minhash: object
    names: frozenset

    def to_row(self) -> tuple[bytes, str]:
        # The affine32 scheme's values are 32-bit: 4 bytes each.
        return np.asarray(self.minhash.hashvalues, dtype="<u4").tobytes(), "\n".join(sorted(self.names))

    @classmethod
    def from_row(cls, blob: bytes, names_text: str, num_perm: int = NUM_PERM) -> "Fingerprint":
        from datasketch import LeanMinHash

        values = np.frombuffer(bytes(blob), dtype="<u4").astype(np.uint32)
        if len(values) != num_perm:
            raise ValueError(f"a stored signature has {len(values)} values, expected {num_perm}")
        # LeanMinHash: no permutation tables to rebuild (50 times faster to load than MinHash).
        return cls(LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME),
                   frozenset(filter(None, (names_text or "").split("\n"))))


def fingerprint(text: str, num_perm: int = NUM_PERM) -> Optional[Fingerprint]:
    """The fingerprint of a text, or None when the text is too short to fold."""
    body = main_text(text)
    tokens = words(body)
    if len(tokens) < MIN_WORDS:
        return None
    from datasketch import LeanMinHash, MinHash  # here: importing datasketch takes a second (scipy)

    minhash = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(list(_shingles(tokens)))
    return Fingerprint(LeanMinHash(minhash), frozenset(_NAME.findall(body)))


def _names_overlap(a: frozenset, b: frozenset) -> float:
    """The share of the shorter list of names that the other holds: a trimmed copy loses names
    with its last paragraphs, and a headline adds a few, but it names no one new."""
    return len(a & b) / min(len(a), len(b)) if a and b else float(a == b)


class NearDuplicateIndex:
    """MinHash LSH over the first reports seen so far (stored, or on their way to the store).

    Copies are never added: every match is a first report, so a chain of small edits does
    not drift away from the story it copies.
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM,
                 names_threshold: float = NAMES_THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.names_threshold = names_threshold
        # The bands are set for a lower similarity than the threshold: a pair just above it is
        # then a candidate almost surely (at the threshold itself, bands tuned for it miss about
        # one pair in three), and the estimate below makes the decision.
        self._lsh = MinHashLSH(threshold=max(0.1, threshold - LSH_MARGIN), num_perm=num_perm)
        self._fingerprints: dict[str, Fingerprint] = {}
        self._published: dict[str, Optional[date]] = {}

    def __len__(self) -> int:
        return len(self._fingerprints)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._fingerprints

    def add(self, doc_id: str, fp: Optional[Fingerprint], published: Optional[date] = None) -> None:
        if fp is None or doc_id in self._fingerprints:
            return
        self._lsh.insert(doc_id, fp.minhash)
        self._fingerprints[doc_id] = fp
        self._published[doc_id] = published

    def remove(self, doc_id: str) -> None:
        """Forget a document (its coding failed: it is no first report after all)."""
        if self._fingerprints.pop(doc_id, None) is not None:
            self._published.pop(doc_id, None)
            self._lsh.remove(doc_id)

    def find(self, fp: Optional[Fingerprint], published: Optional[date] = None) -> Optional[Match]:
        """The most similar first report at or above the thresholds, if any.

        LSH candidates are checked with the estimated Jaccard similarity of the shingles
        (a candidate that only shares a band does not count) and of the names, and must be
        published within ``WINDOW_DAYS`` of ``published`` (when both dates are known).
        """
        if fp is None or not self._fingerprints:
            return None
        best: Optional[Match] = None
        for candidate in self._lsh.query(fp.minhash):
            when = self._published[candidate]
            if published and when and abs((published - when).days) > WINDOW_DAYS:
                continue
            other = self._fingerprints[candidate]
            similarity = float(fp.minhash.jaccard(other.minhash))
            if similarity < self.threshold or _names_overlap(fp.names, other.names) < self.names_threshold:
                continue
            # Equal similarity: the smaller id, so that the choice does not depend on the
            # order in which the LSH returns its candidates.
            if best is None or (-similarity, candidate) < (-best.similarity, best.original):
                best = Match(candidate, round(similarity, 4))
        return best
