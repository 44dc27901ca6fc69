"""The mention index (actors/index.py): which mention covers a token, with the parties a noun
refers back to (definite descriptions, "both nations", body nouns) and gazetteer places."""
import pytest

from communique.actors import find_actors
from communique.actors.index import MentionIndex, coded
from communique.model import Document
from communique.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def indexed(nlp, text, keep=lambda m: True):
    sdoc = nlp(text)
    mentions = [m for m in find_actors(sdoc, Document(id="t", text=text, published=None)) if keep(m)]
    return sdoc, MentionIndex(mentions, sdoc), MentionIndex(mentions)


def token(sdoc, word, nth=0):
    return [t for t in sdoc if t.text == word][nth]


def codes(mention):
    return [(e.code, e.sector) for e in mention.entities] if mention is not None else None


def test_a_definite_noun_takes_the_country_of_the_earlier_phrase_with_the_same_noun(nlp):
    sdoc, index, without_parse = indexed(nlp, "Venezuela's electoral council met on Monday. "
                                              "The council postponed the vote.")
    later = token(sdoc, "council", 1)
    assert codes(index(later.i)) == [("VEN", "GOV")] and index(later.i).kind == "sector"
    assert without_parse(later.i) is None  # the index resolves it, over the parse


def test_a_body_noun_refers_back_to_the_international_body_last_named(nlp):
    sdoc, index, _ = indexed(nlp, "NATO ministers met in Brussels. The alliance agreed to send more troops.")
    assert codes(index(token(sdoc, "alliance").i))[0][0] == "IGO"


def test_an_indefinite_noun_refers_to_no_one(nlp):
    sdoc, index, _ = indexed(nlp, "Venezuela's electoral council met on Monday. A council in Spain objected.")
    assert index(token(sdoc, "council", 1).i) is None


def test_both_nations_are_the_last_two_parties_named(nlp):
    # Without the actors stage's own pair phrases, the index still reads "both nations".
    sdoc, index, _ = indexed(nlp, "Ghana criticised Togo on Monday. Later both nations urged calm.",
                             keep=lambda m: m.kind != "compound")
    pair = index(token(sdoc, "nations").i)
    assert codes(pair) == [("GHA", "GOV"), ("TGO", "GOV")] and pair.kind == "compound"


def test_the_noun_a_mention_modifies_reaches_the_mention(nlp):
    sdoc, index, without_parse = indexed(nlp, "Kenyan police vehicles blocked the road.")
    vehicles = token(sdoc, "vehicles")
    assert codes(index(vehicles.i)) == [("KEN", "COP")] and without_parse(vehicles.i) is None


def test_a_town_the_gazetteer_knows_is_a_place_of_its_country_never_an_actor(nlp):
    sdoc, index, _ = indexed(nlp, "Police fired tear gas at protesters in Kisumu on Tuesday.")
    kisumu = token(sdoc, "Kisumu").i
    assert index(kisumu) is None
    place = index.place(kisumu)
    assert place.kind == "place" and codes(place) == [("KEN", None)] and coded(place)
    assert not coded(index(token(sdoc, "Police").i))  # "Police" alone names no country


def test_a_bare_sector_word_that_classifies_talks_or_aid_names_no_party(nlp):
    from communique.actors.index import kind_word
    sdoc, index, _ = indexed(nlp, "Norway reduced military aid to its partners. The military said it would comply.")
    aid_word = index(token(sdoc, "military").i)
    speaker_word = index(token(sdoc, "military", 1).i)
    assert aid_word is not None and kind_word(aid_word, sdoc)
    assert speaker_word is not None and not kind_word(speaker_word, sdoc)
