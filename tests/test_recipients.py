"""Whom an act is aimed at (events/recipients.py, and events/accused.py for accusations): where to
look, objects before prepositions, a transfer's "to" party first, roles and venues skipped, a party one
noun away, the doer of an act an accusation is about, the other side behind a phrase of the actor's own
country."""
from _event_fixtures import code, codes, dyads, nlp, parsed, token  # noqa: F401 (nlp: a fixture)
from communique.events.accused import accused_party, perpetrator_of_object
from communique.events.recipients import (acts_on_people, other_side, recipient_from_hosts, recipient_hosts,
                                          second_hop_recipient)


def test_the_hosts_reach_the_infinitive_and_its_object(nlp):
    sdoc, _ = parsed(nlp, "Britain agreed to hand over the port to Spain.", {})
    verb = token(sdoc, "agreed")
    assert {"agreed", "hand", "port"} <= {t.text for t in recipient_hosts(verb, verb)}


def test_a_transfer_goes_to_its_to_party_before_its_object(nlp):
    sdoc, index = parsed(nlp, "Colombia extradited a Mexican cartel leader to the United States.",
                         {"Colombia": "COL", "Mexican cartel leader": "MEX/CRM", "the United States": "USA"})
    verb = token(sdoc, "extradited")
    found, weak, direct = recipient_from_hosts([index(0)], False, verb, verb, index, {verb.i}, False, "COOPERATE")
    assert codes(found) == ["USA"] and not weak and direct
    found, _, _ = recipient_from_hosts([index(0)], False, verb, verb, index, {verb.i}, False, "ACCUSE")
    assert codes(found) == ["MEX"]


def test_a_third_party_cast_as_guarantor_is_no_recipient(nlp):
    actors = {"Bolivia": "BOL", "Paraguay": "PRY", "Chile": "CHL", "Peru": "PER"}
    sdoc, index = parsed(nlp, "Bolivia and Paraguay agreed to resume talks, with Chile and Peru as guarantors.", actors)
    verb = token(sdoc, "agreed")
    assert recipient_from_hosts([index(0), index(2)], True, verb, verb, index, {verb.i}, False, "AGREE") is None
    sdoc, index = parsed(nlp, "Bolivia and Paraguay agreed to resume talks with Chile and Peru.", actors)
    verb = token(sdoc, "agreed")
    found, _, _ = recipient_from_hosts([index(0), index(2)], True, verb, verb, index, {verb.i}, False, "AGREE")
    assert codes(found) == ["CHL", "PER"]


def test_a_party_one_noun_away_only_when_it_is_the_only_one(nlp):
    text = "The union ended the strike after negotiations with the Zambian government."
    sdoc, index = parsed(nlp, text, {"The union": "ZMB/LAB", "Zambian government": "ZMB/GOV"})
    verb = token(sdoc, "ended")
    assert codes(second_hop_recipient(verb, verb, index, [index(0)])) == ["ZMB"]
    sdoc, index = parsed(nlp, text.replace("government.", "government and Malawi."),
                         {"The union": "ZMB/LAB", "Zambian government": "ZMB/GOV", "Malawi": "MWI"})
    verb = token(sdoc, "ended")
    assert second_hop_recipient(verb, verb, index, [index(0)]) == []  # two countries: neither


def test_the_doer_of_the_act_an_accusation_is_about(nlp):
    sdoc, index = parsed(nlp, "Norway condemned the killing of monks by the Myanmar army.",
                         {"Norway": "NOR", "Myanmar army": "MMR/MIL"})
    verb = token(sdoc, "condemned")
    assert codes(perpetrator_of_object(verb, verb, index)) == ["MMR"]


def test_the_other_side_behind_the_actors_own_country(nlp):
    sdoc, index = parsed(nlp, "Chile's foreign minister summoned Chile's ambassador to Peru.",
                         {"Chile's foreign minister": "CHL/GOV", "Chile": "CHL", "Peru": "PER"})
    verb = token(sdoc, "summoned")
    own = [index(5)]  # "Chile's" before "ambassador"
    assert codes(other_side([index(0)], own, "SANCTION", index, recipient_hosts(verb, verb))) == ["PER"]
    sdoc, index = parsed(nlp, "Finland's foreign minister warned that Helsinki would not accept the rules.",
                         {"Finland's foreign minister": "FIN/GOV", "Helsinki": "FIN"})
    helsinki = [index(token(sdoc, "Helsinki").i)]
    accept = token(sdoc, "accept")
    assert other_side([index(0)], helsinki, "REJECT", index, [accept]) == []  # its own country, in what it says
    assert other_side([index(0)], helsinki, "CONSULT", index, [accept]) == helsinki


def test_coercion_falls_on_people_not_on_things(nlp):
    sdoc, _ = parsed(nlp, "Kenyan police broke up the rally.", {})
    assert acts_on_people(token(sdoc, "broke"), token(sdoc, "broke"))
    sdoc, _ = parsed(nlp, "Kenyan police seized a truck.", {})
    assert not acts_on_people(token(sdoc, "seized"), token(sdoc, "seized"))


def test_urge_takes_its_object_as_recipient(nlp):
    events = code(nlp, "The United Nations urged Sudan to allow aid convoys.",
                  {"United Nations": "IGO", "Sudan": "SDN"})
    # The urged action is what is requested, not a second event.
    assert dyads(events) == {("REQUEST", ("IGO",), ("SDN",))}


def test_mention_is_reached_through_the_noun_it_modifies(nlp):
    events = code(nlp, "Russia hacked the phones of Estonian army officers last spring.",
                  {"Russia": "RUS", "Estonian army": "EST/MIL"})
    assert dyads(events) == {("COERCE", ("RUS",), ("EST",))}


def test_recipient_one_noun_away_in_a_prepositional_phrase(nlp):
    events = code(nlp, "The union ended the strike after negotiations with the Zambian government.",
                  {"The union": "ZMB/LAB", "Zambian government": "ZMB/GOV"})
    assert dyads(events) == {("CONCEDE", ("ZMB",), ("ZMB",))}


def test_accusation_targets_the_doer_of_the_act(nlp):
    events = code(nlp, "Norway is investigating killings by Russian soldiers against civilians in Ukraine.",
                  {"Norway": "NOR", "Russian soldiers": "RUS/MIL", "civilians in Ukraine": "UKR/CVL"})
    assert dyads(events) == {("ACCUSE", ("NOR",), ("RUS",))}


def test_recalling_own_envoys_from_two_capitals_is_one_event_against_both(nlp):
    events = code(nlp, "Chile's foreign minister recalled Chile's ambassadors to Lima and Quito for consultations.",
                  {"Chile's foreign minister": "CHL/GOV", "Chile": "CHL", "Lima": "PER", "Quito": "ECU"})
    assert dyads(events) == {("SANCTION", ("CHL",), ("PER", "ECU"))}


def test_guarantors_named_with_as_are_not_the_counterpart(nlp):
    events = code(nlp, "Bolivia and Paraguay agreed to resume talks, with Chile and Peru as guarantors.",
                  {"Bolivia": "BOL", "Paraguay": "PRY", "Chile": "CHL", "Peru": "PER"})
    assert dyads(events) == {("AGREE", ("BOL",), ("PRY",))}


def test_recalling_envoys_to_named_capitals_targets_those_states(nlp):
    events = code(nlp, "Colombia's president ordered the return of Colombia's ambassadors to Lima and Quito.",
                  {"Colombia's president": "COL/GOV", "Colombia": "COL", "Lima": "PER", "Quito": "ECU"})
    assert [(e.event, e.cameo, sorted(r.code for r in e.recipient)) for e in events] == \
        [("SANCTION", "161", ["ECU", "PER"])]


def test_an_extradition_goes_to_the_state_that_receives_the_person(nlp):
    events = code(nlp, "Colombia extradited a Mexican cartel leader to the United States.",
                  {"Colombia": "COL", "Mexican cartel leader": "MEX/CRM", "the United States": "USA"},
                  keep_all=False)
    assert [(e.event, [r.code for r in e.recipient]) for e in events] == [("COOPERATE", ["USA"])]


def test_a_judgement_names_the_party_it_blames(nlp):
    events = code(nlp, "Lapid called the deal a failure of Prime Minister Netanyahu's policy.",
                  {"Lapid": "ISR/OPP/Yair Lapid", "Prime Minister Netanyahu": "ISR/GOV/Benjamin Netanyahu"},
                  keep_all=False)
    assert [(e.event, [r.name for r in e.recipient]) for e in events] == [("ACCUSE", ["Benjamin Netanyahu"])]


def test_an_accusation_is_aimed_at_its_against_party_not_at_the_forum(nlp):
    # CAMEO 115 "bring lawsuit against": the target is the party sued, not the court it is filed in.
    sdoc, index = parsed(nlp, "Chile filed a suit in a Lima court against Bolivia.",
                         {"Chile": "CHL", "Lima court": "PER/JUD", "Bolivia": "BOL"})
    assert codes(accused_party(token(sdoc, "suit"), token(sdoc, "filed"), index)) == ["BOL"]
    sdoc, index = parsed(nlp, "Chile filed a suit in a Lima court.", {"Chile": "CHL", "Lima court": "PER/JUD"})
    assert accused_party(token(sdoc, "suit"), token(sdoc, "filed"), index) == []


def test_the_forces_an_act_pulls_out_are_no_recipient_where_it_names_where_from(nlp):
    import dataclasses

    from communique.actors.index import MentionIndex

    from _event_fixtures import hand_mentions
    text = "Ghana withdrew peacekeepers from Mali."
    sdoc = nlp(text)
    # "peacekeepers" coded by the context with the actor's country, as the actors stage may.
    mentions = [dataclasses.replace(m, kind="sector") if m.entities[0].text == "peacekeepers" else m
                for m in hand_mentions(sdoc, {"Ghana": "GHA", "peacekeepers": "GHA/MIL", "Mali": "MLI"})]
    index = MentionIndex(mentions, sdoc)
    verb = token(sdoc, "withdrew")
    found, _, _ = recipient_from_hosts([index(0)], False, verb, verb, index, {verb.i}, False, "SANCTION")
    assert codes(found) == ["MLI"]
    found, _, _ = recipient_from_hosts([index(0)], False, verb, verb, index, {verb.i}, False, "ASSAULT")
    assert codes(found) == ["GHA"]  # an attack on peacekeepers is aimed at them


def test_a_response_to_a_proposal_is_aimed_at_whoever_made_it(nlp):
    from communique.events.parties import maker_of_proposal, proposal_makers
    sdoc, index = parsed(nlp, "Brazil rejected every offer made by Paraguay.", {"Brazil": "BRA", "Paraguay": "PRY"})
    assert codes(maker_of_proposal(token(sdoc, "offer"), index)) == ["PRY"]
    verb = token(sdoc, "rejected")
    found, _, _ = recipient_from_hosts([index(0)], False, verb, verb, index, {verb.i}, False, "REJECT")
    assert codes(found) == ["PRY"]
    sdoc, _ = parsed(nlp, "Brazil rejected every report made by Paraguay.", {})
    assert proposal_makers(token(sdoc, "report")) == []  # only proposals, offers, appeals and demands


def test_a_mediator_works_between_the_pair_its_purpose_names(nlp):
    from communique.events.recipients import mediated_pair
    actors = {"Qatar": "QAT", "Egypt": "EGY", "Sudan": "SDN"}
    sdoc, index = parsed(nlp, "Qatar launched a mediation effort to end the dispute between Egypt and Sudan.", actors)
    assert codes(mediated_pair(token(sdoc, "effort"), token(sdoc, "launched"), index)) == ["EGY", "SDN"]
    sdoc, index = parsed(nlp, "Qatar launched a mediation effort after the vote in Egypt.", actors)
    assert mediated_pair(token(sdoc, "effort"), token(sdoc, "launched"), index) == []
