"""Parses built by hand for tests of the event grammar (no model needed)."""
import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def hand_parse(words, heads, deps, tags=None, lemmas=None, pos=None) -> Doc:
    """A Doc with the given heads (absolute indexes), dependency labels and, optionally, tags, lemmas and POS."""
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas, pos=pos)
