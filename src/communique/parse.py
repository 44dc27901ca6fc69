"""Helpers over spaCy's dependency parse that the stages after the events stage share (dates, places)."""
from __future__ import annotations

from spacy.tokens import Token

MAX_CLIMB = 50  # a malformed parse can hold a cycle; no real clause is this deep


def governing_verb(token: Token) -> Token:
    """The verb whose clause holds ``token`` (the token itself if it is a verb; the root of its
    tree if no verb is above it)."""
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and steps < MAX_CLIMB:
        token, steps = token.head, steps + 1
    return token
