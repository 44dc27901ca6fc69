"""Sentences and stories that are not political: the discard phrases of the derived tables.

A discard phrase (``phoenix_discards.tsv``: "world cup", "goalkeeper", "box office") marks the
sentence it occurs in, or with scope ``story`` the whole document, as not political (sport,
entertainment), as PETRARCH reads its discard list: case-insensitive, starting at a word
boundary, and ending at one only for a whole-word phrase (else the last word is a stem:
"champion" also finds "championship"). The actors stage names no actor there, so that no event
is coded from such text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from . import phoenix


@lru_cache(maxsize=None)
def _patterns() -> tuple[Optional[re.Pattern], Optional[re.Pattern]]:
    """One expression for the story-wide phrases, one for the sentence phrases (None: no phrase)."""
    found: dict[str, list[str]] = {"story": [], "sentence": []}
    for discard in phoenix.discards():
        words = r"\s+".join(re.escape(w) for w in discard.phrase.split())
        found[discard.scope].append(words + (r"(?![a-z0-9])" if discard.whole_word else ""))
    # Longest first, so that an alternation prefers "world cup qualifier" to "world cup".
    return tuple(re.compile(r"(?<![a-z0-9])(?:" + "|".join(sorted(p, key=len, reverse=True)) + ")") if p else None
                 for p in (found["story"], found["sentence"]))  # type: ignore[return-value]


def discarded_story(sdoc: Doc) -> bool:
    """Whether a story-wide discard phrase occurs anywhere in the document."""
    story, _ = _patterns()
    return story is not None and story.search(sdoc.text.lower()) is not None


def discarded_sentences(sdoc: Doc) -> list[tuple[int, int]]:
    """Token spans (start, end) of the sentences that hold a discard phrase."""
    _, sentence = _patterns()
    if sentence is None:
        return []
    return [(s.start, s.end) for s in sdoc.sents if sentence.search(s.text.lower())]
