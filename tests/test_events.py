"""The events stage: trigger lexicon, matching over the parse, categories, modality.

Most tests build actor mentions by hand (``hand_mentions`` in ``_event_fixtures.py``) so that they
test the event rules alone; a few go through the whole pipeline. Who is the actor and who the
recipient is tested by test_arguments.py and the modules it uses (test_parties, test_subjects,
test_recipients, test_unnamed_arguments). Which events a sentence gives, exactly, is checked by the
regression corpus (``tests/corpus/events.jsonl``, run by ``test_corpus.py``); the tests here check
what the corpus does not: lexicon loading and errors, record fields, trigger offsets, modality flags.
"""
from datetime import date

import pytest

from _event_fixtures import code, dyads, nlp  # noqa: F401 (nlp: a fixture)
from communique.events import trigger_entries
from communique.events.lexicon import LexiconError, _parse_entry, intent_rules, word_classes
from communique.model import PLOVER_CATEGORIES
from communique.ontology import cameo
from communique.pipeline import code_text


# ------------------------------------------------------------------------------------ lexicon


def test_lexicon_loads_and_covers_every_plover_category():
    entries = trigger_entries()
    assert len(entries) > 500
    assert set(PLOVER_CATEGORIES) <= {e.plover for e in entries}
    for e in entries:
        if e.plover != "none":
            cameo(e.cameo)  # every code exists in the project's table


def test_lexicon_errors_name_the_line():
    with pytest.raises(LexiconError, match="line 7: unknown CAMEO code"):
        _parse_entry(7, ["meet", "VERB", "", "999", "", "", "note"])
    with pytest.raises(LexiconError, match="line 3: unknown word class '@nothing'"):
        _parse_entry(3, ["meet", "VERB", "obj=@nothing", "040", "", "", ""])
    with pytest.raises(LexiconError, match="pos must be one of"):
        _parse_entry(4, ["meet", "ADV", "", "040", "", "", ""])
    with pytest.raises(LexiconError, match="line 5: needs= takes recipient or speaker"):
        _parse_entry(5, ["violate", "VERB", "needs=speeker", "112", "ACCUSE", "allege", ""])
    assert _parse_entry(6, ["violate", "VERB", "needs=speaker", "112", "ACCUSE", "allege", ""]).alleged


def test_an_exclusion_adds_nothing_to_an_entrys_rank():
    """"!prep=..." narrows what an entry accepts without saying more about the sentence: an entry
    with one positive condition and an exclusion ranks with, not above, one positive condition."""
    plain = _parse_entry(1, ["protest", "VERB", "prep=to", "114", "", "", ""])
    excluding = _parse_entry(2, ["protest", "VERB", "prep=against;!obj=*", "141", "", "", ""])
    longer = _parse_entry(3, ["protest", "VERB", "prep=against;obj=*", "141", "", "", ""])
    assert excluding.specificity == plain.specificity < longer.specificity


def test_word_classes_and_intent_rules_load():
    assert "curfew" in word_classes()["restriction"]
    assert intent_rules()[0].prefix  # longest prefix first


# ------------------------------------------------------------------------------ fields


def test_event_fields_come_from_the_ontology(nlp):
    text = "Canada imposed sanctions on Myanmar."
    (event,) = code(nlp, text, {"Canada": "CAN", "Myanmar": "MMR"})
    assert event.cameo == "163" and event.event == "SANCTION" and event.mode == "discontinue"
    assert event.goldstein == cameo("163").goldstein and event.quad_class == 4
    assert event.doc == "t" and event.sentence == 0 and event.text == text
    assert 0 < event.confidence <= 1


# --------------------------------------------------------------------- triggers and offsets


def test_trigger_offsets_point_at_the_trigger_text(nlp):
    text = "Last week was calm. On Monday Wang Yi held talks with Sergei Lavrov in Moscow."
    events = code(nlp, text, {"Wang Yi": "CHN/GOV", "Sergei Lavrov": "RUS/GOV"})
    (event,) = events
    assert event.trigger.text == "held talks" == text[event.trigger.start:event.trigger.end]
    assert event.sentence == 1 and event.cameo == "040"
    assert [e.code for e in event.actor] == ["CHN"] and [e.code for e in event.recipient] == ["RUS"]


@pytest.mark.parametrize("text,category", [
    ("Israeli air strikes hit Gaza.", "ASSAULT"),
    ("Workers in Gaza began a general strike against Israel.", "PROTEST"),
])
def test_strike_sense_follows_its_modifier(nlp, text, category):
    actors = {"Israeli": "ISR", "Gaza": "PSE", "Israel": "ISR", "Workers in Gaza": "PSE"}
    events = code(nlp, text, actors)
    assert {e.event for e in events} == {category}


def test_cut_aid_is_a_sanction_not_aid(nlp):
    events = code(nlp, "Germany cut off aid to Niger.", {"Germany": "DEU", "Niger": "NER"})
    assert dyads(events) == {("SANCTION", ("DEU",), ("NER",))}
    assert events[0].cameo == "162"


def test_lifting_a_curfew_is_a_concession(nlp):
    events = code(nlp, "The Ethiopian government lifted the curfew in Oromia.",
                  {"Ethiopian government": "ETH/GOV"})
    assert [(e.event, e.cameo) for e in events] == [("CONCEDE", "0813")]


def test_the_main_predicate_decides(nlp):
    # Withdrawing troops is a retreat, not a deployment; condemning an attack is not an attack.
    events = code(nlp, "Rwanda condemned the attack and withdrew its troops from Congo.",
                  {"Rwanda": "RWA", "Congo": "COD"})
    assert {e.event for e in events} == {"ACCUSE", "RETREAT"}


# ------------------------------------------------------------------------------ modality


def test_negation(nlp):
    (event,) = code(nlp, "Kenya did not meet Uganda.", {"Kenya": "KEN", "Uganda": "UGA"})
    assert event.event == "CONSULT" and event.negated


def test_refusal_is_a_rejection_not_a_negation(nlp):
    events = code(nlp, "Pakistan refused to send troops to Iraq.", {"Pakistan": "PAK", "Iraq": "IRQ"})
    assert [(e.event, e.negated) for e in events] == [("REJECT", False)]


def test_will_not_accept_is_a_rejection(nlp):
    events = code(nlp, "Hungary said it will not accept the quota.", {"Hungary": "HUN", "it": "HUN"})
    assert [(e.event, e.negated) for e in events] == [("REJECT", False)]


def test_hypothetical(nlp):
    (event,) = code(nlp, "If talks fail, Ethiopia could attack Eritrea.", {"Ethiopia": "ETH", "Eritrea": "ERI"})
    assert event.event == "ASSAULT" and event.hypothetical


def test_future_meeting_is_an_intent_to_meet(nlp):
    (event,) = code(nlp, "The Indian prime minister will visit Bhutan next week.",
                    {"Indian prime minister": "IND/GOV", "Bhutan": "BTN"})
    # PLOVER: cooperative actions in the future tense are coded AGREE.
    assert (event.event, event.cameo) == ("AGREE", "036")


def test_future_non_cooperative_event_keeps_the_future_flag(nlp):
    (event,) = code(nlp, "Nigeria is to deploy soldiers in Mali.", {"Nigeria": "NGA", "Mali": "MLI"})
    assert event.event == "MOBILIZE" and event.future


def test_conditional_withdrawal_is_a_threat(nlp):
    events = code(nlp, "Chad will withdraw its peacekeepers from Mali unless the junta holds elections.",
                  {"Chad": "TCD", "Mali": "MLI"})
    assert [e.event for e in events] == ["THREATEN"]


def test_historical_background(nlp):
    (event,) = code(nlp, "Sweden had expelled two Russian diplomats in 2015.", {"Sweden": "SWE", "Russian": "RUS"},
                    published=date(2021, 5, 3))
    assert event.event == "SANCTION" and event.historical


def test_should_in_the_main_clause_is_hypothetical(nlp):
    (event,) = code(nlp, "Ecuador should cooperate with Colombia.", {"Ecuador": "ECU", "Colombia": "COL"})
    assert event.hypothetical


# ------------------------------------------------------------------ welcomes and light verbs


def test_welcome_someone_to_act_names_the_welcomed(nlp):
    events = code(nlp, "Kenya welcomes Ethiopia to invest in its ports.", {"Kenya": "KEN", "Ethiopia": "ETH"})
    assert dyads(events) == {("SUPPORT", ("KEN",), ("ETH",))}


def test_nominal_trigger_after_a_misread_light_verb(nlp):
    # spaCy lemmatises "staged" as "stag"; the past-tense stem still finds the light verb.
    events = code(nlp, "Opposition activists in Togo staged rallies against President Faure Gnassingbe.",
                  {"Opposition activists in Togo": "TGO/OPP", "President Faure Gnassingbe": "TGO/GOV/Faure Gnassingbe"})
    assert [(e.event, e.trigger.text) for e in events] == [("PROTEST", "rallies")]


# ------------------------------------------------------------- background, opinion, denials

def test_background_events_are_not_emitted_by_default():
    pytest.importorskip("communique.actors")
    from communique.pipeline import code_text

    text = "Sweden expelled two Russian diplomats in 2015."
    assert not code_text(text, published=date(2021, 5, 3))
    kept = code_text(text, published=date(2021, 5, 3), all_modalities=True)
    assert kept and all(e.historical for e in kept)


# ------------------------------------------------------------- categories the clause decides


def test_order_to_shut_down_is_coercion_not_a_request(nlp):
    events = code(nlp, "The junta ordered the radio station to stop broadcasting.",
                  {"The junta": "MMR/GOV", "the radio station": "MMR/MED"})
    assert [(e.event, e.cameo) for e in events] == [("COERCE", "172")]
    asked = code(nlp, "The judge ordered the minister to appear in court.", {"The judge": "ARG/JUD", "the minister": "ARG/GOV"})
    assert [e.event for e in asked] == ["REQUEST"]


def test_resignation_is_a_retreat_and_a_future_one_a_concession(nlp):
    done = code(nlp, "The Peruvian interior minister resigned on Monday.", {"Peruvian interior minister": "PER/GOV"})
    planned = code(nlp, "The Peruvian interior minister will resign next week.", {"Peruvian interior minister": "PER/GOV"})
    assert [e.event for e in done] == ["RETREAT"] and [e.event for e in planned] == ["CONCEDE"]


def test_background_words_of_a_gerund_clause_do_not_date_the_trigger(nlp):
    # "years ago" belongs to the smuggling (or the breach), not to the arrest (or the accusation).
    events = code(nlp, "Chilean police arrested the trader for smuggling copper years ago.",
                  {"Chilean police": "CHL/COP"})
    events += code(nlp, "Peru accused Chile of breaking the fishing treaty years ago.",
                   {"Peru": "PER", "Chile": "CHL"})
    found = [e for e in events if e.trigger.text in ("arrested", "accused")]
    assert len(found) == 2 and not any(e.historical for e in found)


# ------------------------------------------------------------------------- more categories


def test_a_warning_that_announces_a_refusal_is_the_refusal(nlp):
    events = code(nlp, "Finland's foreign minister warned that Helsinki would not accept the new border rules.",
                  {"Finland's foreign minister": "FIN/GOV", "Helsinki": "FIN"})
    assert [(e.event, e.hypothetical) for e in events] == [("REJECT", False)]


def test_the_text_of_an_event_is_its_sentence_without_trailing_space(nlp):
    events = code(nlp, "Kenya shipped medicine to Somalia.\n\nIt arrived.", {"Kenya": "KEN", "Somalia": "SOM"})
    assert events and all(e.text == e.text.strip() for e in events)


@pytest.mark.parametrize("text, actors, code_", [
    ("Japan dispatched food to flood victims in Pakistan.", {"Japan": "JPN", "Pakistan": "PAK"}, "073"),
    ("Iran dispatched weapons to the rebels in Yemen.", {"Iran": "IRN", "Yemen": "YEM"}, "072"),
])
def test_dispatching_aid_is_aid(nlp, text, actors, code_):
    events = code(nlp, text, actors)
    assert [(e.event, e.cameo) for e in events] == [("AID", code_)]


def test_ordering_diplomats_to_leave_is_an_expulsion_not_a_deportation(nlp):
    diplomats = code(nlp, "Ghana ordered the Nigerian ambassador to leave the country.",
                     {"Ghana": "GHA", "Nigerian ambassador": "NGA/GOV"})
    assert [(e.event, e.cameo) for e in diplomats] == [("SANCTION", "166")]
    workers = code(nlp, "Sudan ordered Kenyan aid workers to leave the country.",
                   {"Sudan": "SDN", "Kenyan aid workers": "KEN/NGO"})
    assert [(e.event, e.cameo) for e in workers] == [("COERCE", "174")]


@pytest.mark.parametrize("text, actors, category", [
    ("Angry protesters stormed the parliament building in Nairobi on Tuesday.",
     {"protesters": "KEN/CVL", "parliament": "KEN/LEG"}, "PROTEST"),
    ("Rebel fighters stormed the army barracks near Goma.", {"Rebel fighters": "COD/REB", "army": "COD/MIL"},
     "ASSAULT"),
])
def test_who_storms_a_building_decides_riot_or_assault(nlp, text, actors, category):
    assert {e.event for e in code(nlp, text, actors)} == {category}


def test_expelling_another_states_officials_is_a_sanction(nlp):
    events = code(nlp, "Lithuania expelled three Belarusian embassy officials on Friday.",
                  {"Lithuania": "LTU", "Belarusian embassy officials": "BLR/GOV"})
    assert [(e.event, e.cameo) for e in events] == [("SANCTION", "166")]


def test_signing_a_joint_statement_is_one_support_event_not_a_pledge_too(nlp):
    events = code(nlp, "Brazil and Argentina signed a joint statement pledging to expand trade.",
                  {"Brazil": "BRA", "Argentina": "ARG"})
    assert {(e.event, e.cameo) for e in events} == {("SUPPORT", "057")}


def test_a_deal_signed_by_companies_is_economic_cooperation(nlp):
    events = code(nlp, "Korean carmakers signed a supply agreement with Indonesian nickel miners.",
                  {"Korean carmakers": "KOR/BUS", "Indonesian nickel miners": "IDN/BUS"})
    assert [(e.event, e.cameo) for e in events] == [("COOPERATE", "061")]


@pytest.mark.parametrize("text, actors, code_", [
    ("Norway said it would send 200 million euros' worth of artillery shells to Ukraine.",
     {"Norway": "NOR", "Ukraine": "UKR"}, "0332"),
    ("Japan will provide 30 million dollars to Bangladesh for flood shelters.",
     {"Japan": "JPN", "Bangladesh": "BGD"}, "0331"),
])
def test_promised_weapons_and_money_are_aid_promises(nlp, text, actors, code_):
    events = code(nlp, text, actors, keep_all=False)
    assert [(e.event, e.cameo, [r.code for r in e.recipient]) for e in events] == \
        [("AGREE", code_, [actors and list(actors.values())[1]])]


def test_what_protesters_demand_is_the_topic_of_their_protest_not_an_event(nlp):
    text = "Protesters blocked roads across Kenya on Monday. The protesters demanded that the government cut taxes."
    events = code(nlp, text, {"Protesters": "KEN/CVL", "protesters": "KEN/CVL", "the government": "KEN/GOV"},
                  keep_all=False)
    assert [e.event for e in events] == ["PROTEST"]


def test_the_purpose_of_a_journey_is_the_event():
    events = code_text("A team of U.N. investigators arrived in Juba on Monday to investigate the killings.",
                       published=date(2024, 7, 2))
    assert [(e.event, e.mode) for e in events] == [("ACCUSE", "investigate")]


def test_a_warning_that_a_toll_could_rise_is_a_forecast_not_a_threat(nlp):
    events = code(nlp, "Aid groups in Nepal warned that the death toll could rise.", {"Aid groups": "NGO"},
                  keep_all=False)
    assert not events


def test_announcing_one_will_not_yield_is_a_refusal(nlp):
    events = code(nlp, "Chile's president said the government would not withdraw the pension reform.",
                  {"Chile's president": "CHL/GOV", "the government": "CHL/GOV"}, keep_all=False)
    assert [(e.event, e.cameo) for e in events] == [("REJECT", "124")]


def test_a_vow_of_retaliation_is_a_threat_not_a_promise(nlp):
    events = code(nlp, "Hezbollah vowed that it would answer the strikes.", {"Hezbollah": "LBN/REB"}, keep_all=False)
    assert {e.event for e in events} == {"THREATEN"}


def test_a_story_drops_acts_aimed_at_nobody_it_can_name_but_a_lone_sentence_keeps_them():
    lone = "Peru's foreign ministry agreed to resume the talks."
    story = ("Heavy rain fell across Lima on Monday. Schools stayed closed in three districts. "
             "Peru's foreign ministry agreed to resume the talks.")
    assert [e.event for e in code_text(lone, published=date(2024, 3, 5))] == ["AGREE"]
    assert code_text(story, published=date(2024, 3, 5)) == []
    kept = code_text(story, published=date(2024, 3, 5), all_modalities=True)
    assert [e.event for e in kept] == ["AGREE"]


def test_a_pledge_not_to_use_force_is_a_promise_and_will_not_negotiate_a_refusal(nlp):
    pledge = code(nlp, "Venezuela and Guyana pledged not to use force against each other.",
                  {"Venezuela": "VEN", "Guyana": "GUY"}, keep_all=False)
    assert {e.event for e in pledge} == {"AGREE"}
    refusal = code(nlp, "Guyana's president said Guyana would not negotiate its border.",
                   {"Guyana's president": "GUY/GOV", "Guyana": "GUY"}, keep_all=False)
    assert [(e.event, e.cameo) for e in refusal] == [("REJECT", "125")]


# -------------------------------------------------------------------- imported verb patterns


def test_an_imported_verb_pattern_does_not_replace_the_hand_written_noun(nlp):
    events = code(nlp, "Farmers in Ghana staged protests against the new levy.", {"Farmers in Ghana": "GHA/CVL"})
    assert [(e.event, e.trigger.text) for e in events] == [("PROTEST", "protests")]


def test_an_imported_pattern_codes_an_object_fixed_sense(nlp):
    # No hand-written line covers "give ... a deadline"; PETRARCH's pattern codes it as an ultimatum.
    events = code(nlp, "Kenya gave Somalia a deadline to withdraw its troops.", {"Kenya": "KEN", "Somalia": "SOM"})
    assert dyads(events) == {("THREATEN", ("KEN",), ("SOM",))}
    assert events[0].rule.startswith("events/data/petrarch_verbs.tsv line ")
