"""Where a date expression sits in the parse: the document's token and sentence index, and the mentions
that date no act of their clause (a deadline's day, a possessive day that dates its own noun)."""
from __future__ import annotations

import bisect

from ..parse import doc_tokens
from .grammar import DateMention


class DocIndex:
    """Token and sentence look-ups by character offset, built once per document."""

    def __init__(self, sdoc):
        self.sdoc = sdoc
        self.token_starts = [t.idx for t in doc_tokens(sdoc)]
        self.sents = list(sdoc.sents)
        self.sent_starts = [s.start_char for s in self.sents]

    def token_at(self, char: int):
        i = bisect.bisect_right(self.token_starts, char) - 1
        return doc_tokens(self.sdoc)[max(i, 0)]

    def sentence_of(self, char: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)


def deadline(mention: DateMention, index: DocIndex) -> bool:
    """"gave him until Friday to leave", "until noon on Friday": the day a deadline runs to dates no act."""
    first = index.token_at(mention.start)
    return first.lower_ in ("until", "till") or any(t.lower_ in ("until", "till") for t in first.ancestors
                                                    if t.i >= first.i - 4)


def dates_its_noun(mention: DateMention, trigger_token, index: DocIndex) -> bool:
    """A possessive day ("Saturday's vote") on a noun other than the trigger."""
    noun = _owned_noun(mention, index)
    return noun is not None and noun.i != trigger_token.i


def possessive_day(mention: DateMention, index: DocIndex) -> bool:
    """"Saturday's election": the day of the noun it owns, not of the sentence."""
    return _owned_noun(mention, index) is not None


def _owned_noun(mention: DateMention, index: DocIndex):
    """The noun a possessive day owns ("Saturday's election": election), or None."""
    last = index.token_at(max(mention.end - 1, mention.start))
    return last.head if last.dep_ == "poss" and last.head.pos_ == "NOUN" else None
