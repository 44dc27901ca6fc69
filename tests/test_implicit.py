"""Parties a place or situation implies (actors/implicit.py): the country where an act happens,
a group located where it acts, a crowd's country, a state's own people or government."""
from dataclasses import replace

import pytest

from communique.actors import find_actors
from communique.actors.implicit import crowd_of_place, located, own_state, place_state
from communique.actors.index import MentionIndex
from communique.model import ActorMention, Document
from communique.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def read(nlp, text, verb):
    sdoc = nlp(text)
    index = MentionIndex(find_actors(sdoc, Document(id="t", text=text, published=None)), sdoc)
    return sdoc, index, next(t for t in sdoc if t.text == verb)


def parties(mentions):
    return [(e.code, e.sector, e.text) for m in mentions for e in m.entities]


def uncoded(mention):
    """The same mention as if the tables had named no country for it."""
    return ActorMention([replace(e, code=None) for e in mention.entities], mention.token_start,
                        mention.token_end, mention.root, mention.kind)


def subject_mention(index, verb):
    return index(next(c for c in verb.children if c.dep_ == "nsubj").i)


def test_the_country_named_as_the_place_of_an_act(nlp):
    _, index, verb = read(nlp, "Riot police detained forty students in the Kenyan town of Kisumu.", "detained")
    assert [e.code for m in place_state(verb, index, depth=4) for e in m.entities] == ["KEN"]
    _, index, verb = read(nlp, "Riot police detained dozens of students.", "detained")
    assert place_state(verb, index, depth=4) == []


def test_a_group_that_names_no_country_belongs_to_the_country_where_it_acts(nlp):
    _, index, verb = read(nlp, "Riot police detained forty students in the Kenyan town of Kisumu.", "detained")
    police = uncoded(subject_mention(index, verb))
    assert parties(located([police], verb, index)) == [("KEN", "COP", "Riot police")]


def test_else_the_only_country_of_the_sentence(nlp):
    _, index, verb = read(nlp, "Venezuela's council declared a state of emergency, and security forces "
                               "detained dozens.", "detained")
    forces = uncoded(subject_mention(index, verb))
    assert parties(located([forces], verb, index)) == [("VEN", "MIL", "security forces")]


def test_no_place_no_country(nlp):
    _, index, verb = read(nlp, "Riot police detained dozens of students.", "detained")
    police = subject_mention(index, verb)
    assert located([police], verb, index) == [police]


def test_a_crowd_is_the_people_of_the_country_where_it_protests(nlp):
    _, index, verb = read(nlp, "Thousands of people marched in Lima on Sunday.", "marched")
    (crowd,) = crowd_of_place(verb, index)
    assert parties([crowd]) == [("PER", "CVL", "Thousands of people")] and crowd.kind == "implicit"
    _, index, verb = read(nlp, "The envoys marched in Lima on Sunday.", "marched")
    assert crowd_of_place(verb, index) == []  # no crowd word


def test_a_states_own_people_and_government_as_implicit_targets(nlp):
    _, index, verb = read(nlp, "Kenyan police broke up a rally.", "broke")
    police = subject_mention(index, verb)
    (people,) = own_state([police], "COERCE")
    assert people.kind == "implicit" and parties([people]) == [("KEN", "CVL", "Kenyan police")]
    assert people.entities[0].id == "country:KEN" and people.entities[0].name == "Kenya"
    assert own_state([police], "PROTEST") == []  # a government's protest must name its target
    _, index, verb = read(nlp, "Tunisian demonstrators rioted in the capital.", "rioted")
    assert parties(own_state([subject_mention(index, verb)], "PROTEST")) == [("TUN", "GOV", "Tunisian demonstrators")]
    _, index, verb = read(nlp, "NATO troops detained a suspect.", "detained")
    assert own_state([subject_mention(index, verb)], "COERCE") == []  # no state's own people


def test_the_people_a_repression_falls_on_keep_their_own_words(nlp):
    sdoc, index, verb = read(nlp, "Ugandan police deported an elderly man.", "deported")
    man = [t for t in sdoc if t.text == "man"][0]
    (people,) = own_state([subject_mention(index, verb)], "COERCE", sdoc[man.left_edge.i:man.i + 1])
    assert parties([people]) == [("UGA", "CVL", "an elderly man")]
    assert (people.token_start, people.token_end, people.root) == (man.left_edge.i, man.i + 1, man.i)
    assert people.entities[0].start == sdoc[man.left_edge.i].idx
