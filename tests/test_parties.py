"""The parties a phrase names (events/parties.py): the mentions under a token, with those joined
by "and", only coded ones where asked, and the pair after "between"."""
from _event_fixtures import code, codes, dyads, nlp, parsed, token  # noqa: F401 (nlp: a fixture)
from communique.events.parties import (between_pair, burdened_party, coded_under, maker_of_proposal, mentions_under,
                                       mentions_with_conjuncts, unique)


def test_mentions_joined_by_and_to_the_country_a_phrase_took_its_code_from(nlp):
    sdoc, index = parsed(nlp, "Jaishankar spoke by phone with his counterparts from Sri Lanka, Nepal and Singapore.",
                         {"Jaishankar": "IND/GOV", "Sri Lanka": "LKA", "Nepal": "NPL", "Singapore": "SGP"})
    found, depth, joined = mentions_with_conjuncts(token(sdoc, "counterparts"), index)
    assert codes(found) == ["LKA", "NPL", "SGP"] and depth == 2 and joined
    found, depth, joined = mentions_with_conjuncts(token(sdoc, "Jaishankar"), index)
    assert codes(found) == ["IND"] and depth == 0 and not joined


def test_a_mention_that_names_no_country_gives_way_to_one_deeper_in_the_phrase(nlp):
    sdoc, index = parsed(nlp, "Taiwan's vice minister met the delegation.", {"vice minister": "/GOV", "Taiwan": "TWN"})
    found, depth = mentions_under(token(sdoc, "minister"), index)
    assert "TWN" in codes(found) and depth == 1
    assert codes(coded_under(token(sdoc, "minister"), index, 4)) == ["TWN"]
    sdoc, index = parsed(nlp, "The vice minister met the delegation.", {"vice minister": "/GOV"})
    found, depth = mentions_under(token(sdoc, "minister"), index)
    assert [m.token_start for m in found] == [1] and depth == 0  # kept: nothing deeper names a country
    assert coded_under(token(sdoc, "minister"), index, 4) == []


def test_the_pair_after_between(nlp):
    sdoc, index = parsed(nlp, "Peru hosted talks between Chile and Bolivia.", {"Peru": "PER", "Chile": "CHL", "Bolivia": "BOL"})
    assert codes(between_pair(token(sdoc, "talks"), index)) == ["CHL", "BOL"]
    assert between_pair(token(sdoc, "Peru"), index) == []


def test_unique_keeps_the_first_of_each_mention_in_order(nlp):
    sdoc, index = parsed(nlp, "Chile and Bolivia met.", {"Chile": "CHL", "Bolivia": "BOL"})
    chile, bolivia = index(0), index(2)
    assert unique([bolivia, chile, bolivia, chile]) == [bolivia, chile]


def test_several_counterparts_give_one_event_each(nlp):
    text = "Jaishankar spoke by phone with his counterparts from Sri Lanka, Nepal and Singapore."
    events = code(nlp, text, {"Jaishankar": "IND/GOV", "Sri Lanka": "LKA", "Nepal": "NPL", "Singapore": "SGP"})
    assert dyads(events) == {("CONSULT", ("IND",), (c,)) for c in ("LKA", "NPL", "SGP")}
    assert {e.cameo for e in events} == {"041"}


def test_officials_from_two_countries_meeting_are_a_pair(nlp):
    events = code(nlp, "Senior officials from Ghana and Togo held talks on trade in Lome on Monday, "
                       "the first such meeting in years.", {"Ghana": "GHA", "Togo": "TGO"})
    assert [(e.event, e.trigger.text) for e in events] == [("CONSULT", "held talks")]
    assert {a.code for a in events[0].actor} | {r.code for r in events[0].recipient} == {"GHA", "TGO"}


def test_the_maker_of_a_proposal_is_its_owner_when_no_participle_or_by_names_one(nlp):
    # (the forces the plan would send are its content: "turned down a regional bloc's plan for peacekeepers")
    sdoc, index = parsed(nlp, "Lesotho turned down an African Union plan for 2,000 troops.",
                         {"Lesotho": "LSO", "African Union": "IGO", "troops": "LSO/MIL"})
    assert codes(maker_of_proposal(token(sdoc, "plan"), index)) == ["IGO"]
    sdoc, index = parsed(nlp, "Lesotho rejected a plan drafted by Kenya.", {"Lesotho": "LSO", "Kenya": "KEN"})
    assert codes(maker_of_proposal(token(sdoc, "plan"), index)) == ["KEN"]


def test_a_restriction_names_whom_it_was_imposed_on_through_its_participle(nlp):
    text = "Bahrain lifted a travel ban imposed on the sons of a Shiite cleric and restrictions on Qatari firms."
    sdoc, index = parsed(nlp, text, {"Bahrain": "BHR", "Shiite cleric": "BHR/REL", "Qatari firms": "QAT/BUS"})
    assert codes(burdened_party(token(sdoc, "ban"), index)) == ["BHR"]
    assert [index.doc[m.root].text for m in burdened_party(token(sdoc, "ban"), index)] == ["cleric"]
    assert burdened_party(token(sdoc, "sons"), index) == []  # no restriction noun
