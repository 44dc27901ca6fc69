"""Actor and recipient of a trigger (events/arguments.py): the order of the steps, and what each
gives: the owner or "between" pair of an event noun, the passive's agent, the subject or the
speaker, the recipient the clause names, the one a place or the actor's own state implies, the
parties dropped as no counterpart, and last the phrases no table names."""
import dataclasses

from _event_fixtures import arguments_of, code, codes, dyads, hand_mentions, nlp  # noqa: F401 (nlp: a fixture)
from communique.actors import find_actors
from communique.events import extract_events
from communique.model import Document
from communique.pipeline import code_text


def test_the_pair_after_between_are_actor_and_recipient(nlp):
    args = arguments_of(nlp, "The talks between Chile and Bolivia ended.", {"Chile": "CHL", "Bolivia": "BOL"}, "talks")
    assert (codes(args.actor), codes(args.recipient)) == (["CHL"], ["BOL"])
    assert args.actor_compound and args.actor_direct and args.recipient_direct


def test_a_host_of_talks_between_a_pair_leaves_the_pair_to_consult(nlp):
    args = arguments_of(nlp, "Peru hosted talks between Chile and Bolivia.",
                        {"Peru": "PER", "Chile": "CHL", "Bolivia": "BOL"}, "hosted")
    assert (codes(args.actor), codes(args.recipient)) == (["CHL"], ["BOL"]) and args.actor_compound


def test_a_reported_must_is_the_speakers_appeal_to_the_clauses_subject(nlp):
    args = arguments_of(nlp, "Russia said Georgia must return the helicopter.", {"Russia": "RUS", "Georgia": "GEO"},
                        "must")
    assert (codes(args.actor), codes(args.recipient)) == (["RUS"], ["GEO"])
    assert args.actor_from_speaker and args.recipient_direct


def test_unknown_parties_are_kept_apart_from_named_ones(nlp):
    args = arguments_of(nlp, "A provincial ethics panel accused the harbour authority of hiding losses.", {}, "accused")
    assert args.actor == [] and args.recipient == []
    assert [m.entities[0].text for m in args.unnamed_actor] == ["provincial ethics panel"]
    assert [m.entities[0].text for m in args.unnamed_recipient] == ["harbour authority"]


def test_a_place_is_a_weak_recipient(nlp):
    args = arguments_of(nlp, "Kenya agreed to help flood victims in Somalia.", {"Kenya": "KEN", "Somalia": "SOM"},
                        "agreed")
    assert codes(args.recipient) == ["SOM"] and args.recipient_weak and not args.recipient_direct


def test_passive_voice_reverses_the_roles(nlp):
    events = code(nlp, "A Malian convoy was attacked by Burkinabe gunmen.",
                  {"Malian convoy": "MLI", "Burkinabe gunmen": "BFA/REB"})
    assert dyads(events) == {("ASSAULT", ("BFA",), ("MLI",))}


def test_phone_conversation_attached_to_the_reporting_verb(nlp):
    text = ("India and Australia should expand trade, Indian Foreign Minister Subrahmanyam Jaishankar said on "
            "Friday during a phone conversation with Australian Foreign Minister Penny Wong.")
    events = code(nlp, text, {"India": "IND", "Australia": "AUS",
                              "Indian Foreign Minister Subrahmanyam Jaishankar": "IND/GOV",
                              "Australian Foreign Minister Penny Wong": "AUS/GOV"})
    calls = [e for e in events if e.event == "CONSULT"]
    assert len(calls) == 1 and calls[0].cameo == "041" and calls[0].mode == "phone"
    assert calls[0].trigger.text == "phone conversation"
    assert [a.text for a in calls[0].actor] == ["Indian Foreign Minister Subrahmanyam Jaishankar"]
    assert [r.code for r in calls[0].recipient] == ["AUS"]


def test_compound_subject_is_a_symmetric_event(nlp):
    events = code(nlp, "Morocco and Spain held talks on migration.", {"Morocco": "MAR", "Spain": "ESP"})
    assert dyads(events) == {("CONSULT", ("MAR",), ("ESP",))}


def test_same_entity_on_both_sides_is_dropped(nlp):
    events = code(nlp, "Wang Yi praised himself.", {"Wang Yi": "CHN/GOV/Wang Yi", "himself": "CHN/GOV/Wang Yi"})
    assert events == []


def test_no_actor_no_event(nlp):
    assert code(nlp, "Talks were held in Geneva on Monday.", {}) == []


def test_reported_must_is_a_demand_by_the_speaker(nlp):
    text = "Russia said on Tuesday that Georgia must return the captured helicopter."
    events = code(nlp, text, {"Russia": "RUS", "Georgia": "GEO"})
    assert dyads(events) == {("REQUEST", ("RUS",), ("GEO",))}


def test_protest_without_named_target_is_aimed_at_own_state(nlp):
    events = code(nlp, "Chilean dockworkers staged a strike on Monday.", {"Chilean dockworkers": "CHL/LAB"})
    assert dyads(events) == {("PROTEST", ("CHL",), ("CHL",))}
    assert events[0].recipient[0].sector == "GOV"


def test_police_coercion_at_home_falls_on_their_own_state(nlp):
    crowd = code(nlp, "Kenyan police broke up the rally with tear gas.", {"Kenyan police": "KEN/COP"})
    assert dyads(crowd) == {("COERCE", ("KEN",), ("KEN",))}
    truck = code(nlp, "Kenyan police seized a truck loaded with maize.", {"Kenyan police": "KEN/COP"})
    # What a state's police seize at home is of that state (coders code the seizure KEN -> KEN); the
    # record keeps the phrase acted on as the recipient's text.
    assert dyads(truck) == {("COERCE", ("KEN",), ("KEN",))}
    assert [r.text for e in truck for r in e.recipient] == ["truck"]


def test_national_adjective_on_a_nominal_trigger_is_its_actor():
    events = code_text("Refugees fled after the Ethiopian invasion of the region.", all_modalities=True)
    # (the flight is coded too: people fleeing are expelled by its cause, PLOVER manual, events/displacement.py)
    assert [(e.event, [a.code for a in e.actor]) for e in events] == [("SANCTION", ["ETH"]), ("ASSAULT", ["ETH"])]


def test_crowd_protesting_in_a_place_and_the_party_it_defies():
    events = code_text("Tens of thousands of people blocked roads in Kosovo in defiance of the Serbian police.")
    assert [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events] == [
        ("PROTEST", ["XKX"], ["SRB"])]
    assert events[0].actor[0].sector == "CVL"


def test_nominal_trigger_with_its_own_unknown_doer_takes_no_other_actor(nlp):
    events = code(nlp, "The government imposed a curfew after violent protests by farmers.", {"The government": "IND/GOV"})
    assert "PROTEST" not in {e.event for e in events}


def test_three_joined_subjects_are_one_compound_actor(nlp):
    events = code(nlp, "Chile, Peru and Ecuador urged the tribunal to publish its findings.",
                  {"Chile": "CHL", "Peru": "PER", "Ecuador": "ECU"})
    # The tribunal is a party no table names: the recipient's phrase, with no country code.
    assert dyads(events) == {("REQUEST", ("CHL", "PER", "ECU"), (None,))}
    assert [r.text for e in events for r in e.recipient] == ["tribunal"]


def test_two_joined_attackers_are_not_each_others_target(nlp):
    events = code(nlp, "France and Italy launched air strikes overnight.", {"France": "FRA", "Italy": "ITA"})
    assert dyads(events) == {("ASSAULT", ("FRA", "ITA"), ())}


def test_a_sector_word_on_an_event_noun_is_not_its_doer(nlp):
    text = "Kenyan and Ugandan forces began a joint military exercise on Monday."
    sdoc = nlp(text)
    # "military" coded with a country from context, as the actors stage may: neither the doer nor a party.
    mentions = [dataclasses.replace(m, entities=[dataclasses.replace(e, code="KEN") for e in m.entities])
                if sdoc[m.root].text == "military" else m for m in find_actors(sdoc, Document("t", text))]
    assert any(sdoc[m.root].text == "military" and m.kind == "sector" for m in mentions)
    events = extract_events(sdoc, mentions, Document("t", text))
    assert {(e.event, tuple(sorted([*(a.code for a in e.actor), *(r.code for r in e.recipient)])))
            for e in events} == {("COOPERATE", ("KEN", "UGA"))}


def test_a_group_that_names_no_country_belongs_to_the_one_in_its_sentence(nlp):
    text = "Bolivia's court annulled the vote, and security forces have detained 40 people since then."
    sdoc = nlp(text)
    mentions = hand_mentions(sdoc, {"Bolivia": "BOL", "security forces": "/MIL"})
    mentions = [dataclasses.replace(m, entities=[dataclasses.replace(e, code=e.code or None) for e in m.entities])
                for m in mentions]
    events = extract_events(sdoc, mentions, Document("t", text))
    assert [(e.event, [a.code for a in e.actor]) for e in events if e.event == "COERCE"] == [("COERCE", ["BOL"])]


def test_the_unnamed_people_a_state_agent_deports_are_its_recipient_in_their_own_words(nlp):
    args = arguments_of(nlp, "Chilean police deported two elderly men on Friday.", {"Chilean police": "CHL/COP"},
                        "deported")
    assert [(e.code, e.sector, e.text) for m in args.recipient for e in m.entities] == [("CHL", "CVL", "two elderly men")]


def test_what_a_protest_is_against_stands_for_the_protesters_own_government_in_its_own_words(nlp):
    args = arguments_of(nlp, "Dockers in Peru protested the sale of the port, which employs 400 people.",
                        {"Dockers in Peru": "PER/LAB"}, "protested")
    assert [(e.code, e.sector, e.text) for m in args.recipient for e in m.entities] == [
        ("PER", "GOV", "the sale of the port")]
    args = arguments_of(nlp, "Dockers in Peru protested on Monday.", {"Dockers in Peru": "PER/LAB"}, "protested")
    assert [(e.code, e.sector, e.text) for m in args.recipient for e in m.entities] == [
        ("PER", "GOV", "Dockers in Peru")]
