"""The event grammar's parse helpers (events/syntax.py), on parses built by hand (no model needed)."""
import spacy
from spacy.tokens import Doc

from communique.events.syntax import object_tokens, subject_word

VOCAB = spacy.blank("en").vocab


def parse(words, heads, deps, pos):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)


def test_a_noun_the_parser_left_unlabelled_after_the_verb_is_its_object():
    # "police shot dead twenty people": the small model sometimes labels the object "dep".
    doc = parse(["police", "shot", "dead", "twenty", "people"], [1, 1, 1, 4, 1],
                ["nsubj", "ROOT", "acomp", "nummod", "dep"], ["NOUN", "VERB", "ADJ", "NUM", "NOUN"])
    assert [t.text for t in object_tokens(doc[1])] == ["people"]
    # A labelled object wins; an unlabelled word before the verb is none.
    doc = parse(["people", "police", "shot", "ten", "men"], [2, 2, 2, 4, 2],
                ["dep", "nsubj", "ROOT", "nummod", "dobj"], ["NOUN", "NOUN", "VERB", "NUM", "NOUN"])
    assert [t.text for t in object_tokens(doc[2])] == ["men"]


def test_an_infinitive_complement_takes_its_governing_verbs_subject_or_object():
    # "rebels began handing in weapons": the rebels hand them in.
    doc = parse(["rebels", "began", "handing", "weapons"], [1, 1, 1, 2],
                ["nsubj", "ROOT", "xcomp", "dobj"], ["NOUN", "VERB", "VERB", "NOUN"])
    assert subject_word(doc[2]).text == "rebels"
    # "ordered the troops to withdraw": the troops withdraw.
    doc = parse(["Kabila", "ordered", "troops", "to", "withdraw"], [1, 1, 1, 4, 1],
                ["nsubj", "ROOT", "dobj", "aux", "xcomp"], ["PROPN", "VERB", "NOUN", "PART", "VERB"])
    assert subject_word(doc[4]).text == "troops"
