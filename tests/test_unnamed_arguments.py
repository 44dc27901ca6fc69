"""Parties no table names (events/unnamed_arguments.py): the phrase in the doer's or target's place,
a weapon's owner, what names people, where an act's target stands."""
from _event_fixtures import arguments_of, codes, nlp, parsed, token  # noqa: F401 (nlp: a fixture)
from communique.events.matching import find_triggers
from communique.events.unnamed_arguments import names_an_act, names_people, target_places, weapon_owner
from communique.pipeline import code_text


def test_a_weapon_belongs_to_the_party_that_laid_it_or_the_nation_on_it(nlp):
    sdoc, index = parsed(nlp, "A roadside bomb planted by Hamas killed two soldiers.", {"Hamas": "PSE/REB"})
    owner, planter = weapon_owner(token(sdoc, "bomb"), index)
    assert codes(owner) == ["PSE"] and planter is None
    sdoc, index = parsed(nlp, "A Russian mine killed two fishermen.", {"Russian": "RUS"})
    assert codes(weapon_owner(token(sdoc, "mine"), index)[0]) == ["RUS"]
    sdoc, index = parsed(nlp, "A roadside bomb planted by jihadist fighters killed two soldiers.", {})
    owner, planter = weapon_owner(token(sdoc, "bomb"), index)
    assert owner == [] and planter.text == "fighters"  # no table names them: the caller keeps the phrase


def test_a_weapons_owner_is_a_named_actor_after_all(nlp):
    args = arguments_of(nlp, "A Russian mine killed two fishermen.", {"Russian": "RUS"}, "killed")
    assert codes(args.actor) == ["RUS"] and args.actor_direct and args.unnamed_actor == []


def test_names_people_and_names_an_act(nlp):
    sdoc = nlp("Police detained students after the shelling and seized a truck.")
    assert names_people(token(sdoc, "students")) and not names_people(token(sdoc, "truck"))
    assert names_an_act(token(sdoc, "shelling")) and not names_an_act(token(sdoc, "truck"))


def test_target_places_reach_the_aimed_preposition_and_the_infinitive(nlp):
    sdoc, index = parsed(nlp, "Kenya imposed sanctions on the junta and agreed to help the refugees.", {"Kenya": "KEN"})
    imposed, agreed = [m for sent in sdoc.sents for m in find_triggers(sent, index)]
    assert [t.text for t in imposed.tokens] == ["imposed", "sanctions"]
    # The trigger's own words are objects too; "on the junta" aims the sanctions, a thing, so it comes first.
    assert [t.text for t in target_places(imposed, token(sdoc, "imposed"))] == ["junta", "sanctions"]
    assert [t.text for t in target_places(agreed, token(sdoc, "agreed"))] == ["refugees"]  # "agreed to help X"


def test_a_thing_moved_or_given_yields_to_where_it_goes_or_comes_from():
    # The recipient is the entity an act is directed at, not the troops or the aid package it moves.
    (event,) = code_text("The alliance withdrew its peacekeepers from the northern plateau.")
    assert [r.text for r in event.recipient] == ["northern plateau"]
    (event,) = code_text("The regional bloc agreed to offer emergency funding to the fishing cooperatives.")
    assert event.event == "AGREE" and [r.text for r in event.recipient] == ["fishing cooperatives"]
    (event,) = code_text("The farmers' union demanded an apology from the regional water board.")
    assert event.event == "REQUEST" and [r.text for r in event.recipient] == ["regional water board"]
    # People acted on by force stay the recipient, even where no word class knows them as people.
    (event,) = code_text("The provincial council expelled two reporters from the hall.")
    assert [r.text for r in event.recipient] == ["two reporters"]


def test_an_unknown_doer_and_target_are_kept_as_phrases_without_a_country():
    (event,) = code_text("A provincial ethics panel accused the harbour authority of hiding losses.")
    assert event.event == "ACCUSE"
    assert [(a.text, a.code) for a in event.actor] == [("provincial ethics panel", None)]
    assert [(r.text, r.code) for r in event.recipient] == [("harbour authority", None)]


def test_an_act_noun_is_no_party():
    # "the shelling killed": the act is known, its doer is not; no party is invented from the act's name.
    assert code_text("The shelling killed four farmers near the border.") == []
