"""The actors stage's matchers (communique.actors.lexicon): hand-written and derived phrases."""
from __future__ import annotations

import pytest

from communique.actors import knowledge
from communique.actors.lexicon import DerivedIndex, lexical_matches, lexicon_for
from communique.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_the_derived_index_splits_phrases_as_the_tokenizer_does(nlp):
    """Nearly every derived phrase is split here exactly as spaCy's tokenizer splits it; the few that
    are not (possessives written "People'S", commas) can never match and cost nothing else."""
    index = lexicon_for(nlp.vocab).derived
    phrases = {alias for alias, _ in knowledge.derived_people().names}
    phrases |= {alias for org in knowledge.derived_organizations() for alias in org.aliases}
    phrases |= {name for name, _ in knowledge.derived_country_names()}
    strings = nlp.vocab.strings
    missed = []
    for phrase in phrases:
        hashes = tuple(strings[t.lower_] for t in nlp.tokenizer(phrase))
        found = [k for k, _ in index.single.get(hashes[0], ())] if len(hashes) == 1 else \
            [h for h, _, _ in index.multi.get(hashes[:2], ()) if h == hashes]
        if not found:
            missed.append(phrase)
    assert len(phrases) > 20000
    assert len(missed) < 0.03 * len(phrases), missed[:20]


def test_a_derived_phrase_is_found_in_any_case_and_overlaps_are_all_reported(nlp):
    index = DerivedIndex(nlp.tokenizer)
    index.add("ORG", [("Harambee Forum", "org:a"), ("Forum", "org:b"), ("Ban Ki-moon Trust", "org:c")])
    doc = nlp("The HARAMBEE forum met the Ban Ki-moon Trust.")
    # ("Ki-moon" is one token of the parsed text, as in the phrase: communique.nlp joins such names)
    assert sorted(index(doc)) == [(1, 3, "ORG", "org:a"), (2, 3, "ORG", "org:b"), (5, 8, "ORG", "org:c")]


def test_a_hand_written_match_beats_a_derived_one_of_the_same_length(nlp):
    # "Hamas" is a hand-written organisation: whatever the derived tables say, the hand-written row names it.
    doc = nlp("Hamas rejected the offer.")
    first = lexical_matches(doc)[0]
    assert (first.kind, first.derived) == ("ORG", False) and first.key == knowledge.organization_by_name("Hamas").id


def test_a_hyphenated_given_name_is_one_token_and_other_hyphens_stay_split(nlp):
    # Split, "Ki - moon" made the tagger read "moon" as a noun and the verb after it as a modifier.
    doc = nlp("The Secretary-General's envoy and UN chief Ban Ki-moon told Seoul to meet Kim Jong-un and the Saudi-led coalition.")
    words = [t.text for t in doc]
    assert "Ki-moon" in words and "Jong-un" in words and words[words.index("Ki-moon") + 1] == "told"
    assert doc[words.index("told")].pos_ == "VERB"
    assert "Saudi-led" not in words and "Secretary-General" not in words  # a lower-case word before, or "-ed"
