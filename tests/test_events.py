"""The events stage: trigger lexicon, matching over the parse, arguments, modality.

Most tests build actor mentions by hand (``_mentions``) so that they test the event rules alone;
a few go through the whole pipeline. Which events a sentence gives, exactly, is checked by the
regression corpus (``tests/corpus/events.jsonl``, run by ``test_corpus.py``); the tests here check
what the corpus does not: lexicon loading and errors, record fields, trigger offsets, modality flags.
"""
import dataclasses
from datetime import date

import pytest

from communique.events import extract_events, trigger_entries
from communique.events.lexicon import LexiconError, _parse_entry, intent_rules, word_classes
from communique.model import PLOVER_CATEGORIES, ActorMention, Document, Entity
from communique.nlp import load_model
from communique.ontology import cameo
from communique.pipeline import code_text


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _mentions(sdoc, actors: dict[str, str]) -> list[ActorMention]:
    """Mentions for the given phrases: {"Wang Yi": "CHN/GOV/Wang Yi", "police": "KEN/COP", "Peru": "PER"}
    (code, then sector and canonical name if given)."""
    out = []
    text = sdoc.text
    for phrase, spec in actors.items():
        code, _, rest = spec.partition("/")
        sector, _, name = rest.partition("/")
        start = 0
        while (at := text.find(phrase, start)) >= 0:
            start = at + len(phrase)
            span = sdoc.char_span(at, at + len(phrase), alignment_mode="expand")
            entity = Entity(phrase, code, sector or None, name or None, None, at, at + len(phrase))
            kind = "pronoun" if phrase.lower() in ("he", "she", "it", "they", "himself") else "country"
            out.append(ActorMention([entity], span.start, span.end, span.root.i, kind))
    return sorted(out, key=lambda m: m.token_start)


def code(nlp, text: str, actors: dict[str, str], published: date | None = None, keep_all: bool = True):
    sdoc = nlp(text)
    document = Document("t", text, published=published)
    events = extract_events(sdoc, _mentions(sdoc, actors), document)
    return events if keep_all else [e for e in events if not (e.negated or e.hypothetical)]


def dyads(events):
    return {(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in events}


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


# ---------------------------------------------------------------------------- arguments


def test_passive_voice_reverses_the_roles(nlp):
    events = code(nlp, "A Malian convoy was attacked by Burkinabe gunmen.",
                  {"Malian convoy": "MLI", "Burkinabe gunmen": "BFA/REB"})
    assert dyads(events) == {("ASSAULT", ("BFA",), ("MLI",))}


def test_phone_conversation_attached_to_the_reporting_verb(nlp):
    text = ("China and Japan should deepen cooperation, Chinese Foreign Minister Wang Yi said on Tuesday "
            "during a phone conversation with Japanese Foreign Minister Toshimitsu Motegi.")
    events = code(nlp, text, {"China": "CHN", "Japan": "JPN", "Chinese Foreign Minister Wang Yi": "CHN/GOV",
                              "Japanese Foreign Minister Toshimitsu Motegi": "JPN/GOV"})
    calls = [e for e in events if e.event == "CONSULT"]
    assert len(calls) == 1 and calls[0].cameo == "041" and calls[0].mode == "phone"
    assert calls[0].trigger.text == "phone conversation"
    assert [a.text for a in calls[0].actor] == ["Chinese Foreign Minister Wang Yi"]
    assert [r.code for r in calls[0].recipient] == ["JPN"]


def test_several_counterparts_give_one_event_each(nlp):
    text = "Jaishankar spoke by phone with his counterparts from Sri Lanka, Nepal and Singapore."
    events = code(nlp, text, {"Jaishankar": "IND/GOV", "Sri Lanka": "LKA", "Nepal": "NPL", "Singapore": "SGP"})
    assert dyads(events) == {("CONSULT", ("IND",), (c,)) for c in ("LKA", "NPL", "SGP")}
    assert {e.cameo for e in events} == {"041"}


def test_compound_subject_is_a_symmetric_event(nlp):
    events = code(nlp, "Morocco and Spain held talks on migration.", {"Morocco": "MAR", "Spain": "ESP"})
    assert dyads(events) == {("CONSULT", ("MAR",), ("ESP",))}


def test_urge_takes_its_object_as_recipient(nlp):
    events = code(nlp, "The United Nations urged Sudan to allow aid convoys.",
                  {"United Nations": "IGO", "Sudan": "SDN"})
    # The urged action is what is requested, not a second event.
    assert dyads(events) == {("REQUEST", ("IGO",), ("SDN",))}


def test_same_entity_on_both_sides_is_dropped(nlp):
    events = code(nlp, "Wang Yi praised himself.", {"Wang Yi": "CHN/GOV/Wang Yi", "himself": "CHN/GOV/Wang Yi"})
    assert events == []


def test_no_actor_no_event(nlp):
    assert code(nlp, "Talks were held in Geneva on Monday.", {}) == []


# ------------------------------------------------------------------------ reported speech


def test_speaker_is_the_actor_when_the_subject_is_his_own_country(nlp):
    text = "Motegi said that Japan is willing to work with China."
    events = code(nlp, text, {"Motegi": "JPN/GOV", "Japan": "JPN", "China": "CHN"})
    assert [(e.event, [a.text for a in e.actor], [r.code for r in e.recipient]) for e in events] == \
        [("AGREE", ["Motegi"], ["CHN"])]


def test_reported_event_of_another_actor_is_that_actors(nlp):
    text = "The Pentagon said on Tuesday that Syrian forces attacked Turkish positions."
    events = code(nlp, text, {"Pentagon": "USA/MIL", "Syrian forces": "SYR/MIL", "Turkish": "TUR"})
    assert dyads(events) == {("ASSAULT", ("SYR",), ("TUR",))}


def test_reported_must_is_a_demand_by_the_speaker(nlp):
    text = "Russia said on Tuesday that Georgia must return the captured helicopter."
    events = code(nlp, text, {"Russia": "RUS", "Georgia": "GEO"})
    assert dyads(events) == {("REQUEST", ("RUS",), ("GEO",))}


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


# ------------------------------------------------------------------ recipients the parse leaves implicit


def test_protest_without_named_target_is_aimed_at_own_state(nlp):
    events = code(nlp, "Chilean dockworkers staged a strike on Monday.", {"Chilean dockworkers": "CHL/LAB"})
    assert dyads(events) == {("PROTEST", ("CHL",), ("CHL",))}
    assert events[0].recipient[0].sector == "GOV"


def test_police_repression_falls_on_own_people_but_not_on_things(nlp):
    crowd = code(nlp, "Kenyan police broke up the rally with tear gas.", {"Kenyan police": "KEN/COP"})
    assert dyads(crowd) == {("COERCE", ("KEN",), ("KEN",))}
    truck = code(nlp, "Kenyan police seized a truck loaded with maize.", {"Kenyan police": "KEN/COP"})
    # The truck is no state: it stays in the record as the phrase acted on, with no country code.
    assert dyads(truck) == {("COERCE", ("KEN",), (None,))}
    assert [r.text for e in truck for r in e.recipient] == ["truck"]


def test_mention_is_reached_through_the_noun_it_modifies(nlp):
    events = code(nlp, "Russia tried to hack into the computers of Estonian army officers.",
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


def test_national_adjective_on_a_nominal_trigger_is_its_actor():
    from communique.pipeline import code_text

    events = code_text("Refugees fled after the Ethiopian invasion of the region.", all_modalities=True)
    assert [(e.event, [a.code for a in e.actor]) for e in events] == [("ASSAULT", ["ETH"])]


def test_order_to_shut_down_is_coercion_not_a_request(nlp):
    events = code(nlp, "The junta ordered the radio station to stop broadcasting.",
                  {"The junta": "MMR/GOV", "the radio station": "MMR/MED"})
    assert [(e.event, e.cameo) for e in events] == [("COERCE", "172")]
    asked = code(nlp, "The judge ordered the minister to appear in court.", {"The judge": "ARG/JUD", "the minister": "ARG/GOV"})
    assert [e.event for e in asked] == ["REQUEST"]


def test_subject_the_parser_lost_is_the_phrase_before_the_verb(nlp):
    # spaCy attaches "Sudan and Chad" to "Charter" as conjuncts, leaving "agreed" without a subject.
    events = code(nlp, "Following the adoption of a Charter on Reconciliation, Sudan and Chad have agreed to reopen "
                       "their border.", {"Sudan": "SDN", "Chad": "TCD"})
    assert dyads(events) == {("AGREE", ("SDN", "TCD"), ())}


def test_crowd_protesting_in_a_place_and_the_party_it_defies():
    from communique.pipeline import code_text

    events = code_text("Tens of thousands of people blocked roads in Kosovo in defiance of the Serbian police.")
    assert [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events] == [
        ("PROTEST", ["XKX"], ["SRB"])]
    assert events[0].actor[0].sector == "CVL"


def test_nominal_trigger_with_its_own_unknown_doer_takes_no_other_actor(nlp):
    events = code(nlp, "The government imposed a curfew after violent protests by farmers.", {"The government": "IND/GOV"})
    assert "PROTEST" not in {e.event for e in events}


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


# ------------------------------------------------------- arguments: compounds, own side, anaphora


def test_three_joined_subjects_are_one_compound_actor(nlp):
    events = code(nlp, "Chile, Peru and Ecuador urged the tribunal to publish its findings.",
                  {"Chile": "CHL", "Peru": "PER", "Ecuador": "ECU"})
    # The tribunal is a party no table names: the recipient's phrase, with no country code.
    assert dyads(events) == {("REQUEST", ("CHL", "PER", "ECU"), (None,))}
    assert [r.text for e in events for r in e.recipient] == ["tribunal"]


def test_two_joined_attackers_are_not_each_others_target(nlp):
    events = code(nlp, "France and Italy launched air strikes overnight.", {"France": "FRA", "Italy": "ITA"})
    assert dyads(events) == {("ASSAULT", ("FRA", "ITA"), ())}


def test_officials_from_two_countries_meeting_are_a_pair(nlp):
    events = code(nlp, "Senior officials from Ghana and Togo held talks on trade in Lome on Monday, "
                       "the first such meeting in years.", {"Ghana": "GHA", "Togo": "TGO"})
    assert [(e.event, e.trigger.text) for e in events] == [("CONSULT", "held talks")]
    assert {a.code for a in events[0].actor} | {r.code for r in events[0].recipient} == {"GHA", "TGO"}


def test_recalling_own_envoys_from_two_capitals_is_one_event_against_both(nlp):
    events = code(nlp, "Chile's foreign minister recalled Chile's ambassadors to Lima and Quito for consultations.",
                  {"Chile's foreign minister": "CHL/GOV", "Chile": "CHL", "Lima": "PER", "Quito": "ECU"})
    assert dyads(events) == {("SANCTION", ("CHL",), ("PER", "ECU"))}


def test_a_warning_that_announces_a_refusal_is_the_refusal(nlp):
    events = code(nlp, "Finland's foreign minister warned that Helsinki would not accept the new border rules.",
                  {"Finland's foreign minister": "FIN/GOV", "Helsinki": "FIN"})
    assert [(e.event, e.hypothetical) for e in events] == [("REJECT", False)]


def test_a_dateline_is_not_the_subject_of_the_lead(nlp):
    text = "LUSAKA, May 2 (Wire) -- Zambia's president and Malawi's president held talks on Tuesday."
    events = code(nlp, text, {"Zambia's president": "ZMB/GOV", "Malawi's president": "MWI/GOV"})
    assert {(e.event, tuple(sorted([*(a.code for a in e.actor), *(r.code for r in e.recipient)])))
            for e in events} == {("CONSULT", ("MWI", "ZMB"))}


def test_guarantors_named_with_as_are_not_the_counterpart(nlp):
    events = code(nlp, "Bolivia and Paraguay agreed to resume talks, with Chile and Peru as guarantors.",
                  {"Bolivia": "BOL", "Paraguay": "PRY", "Chile": "CHL", "Peru": "PER"})
    assert dyads(events) == {("AGREE", ("BOL",), ("PRY",))}


def test_the_text_of_an_event_is_its_sentence_without_trailing_space(nlp):
    events = code(nlp, "Kenya shipped medicine to Somalia.\n\nIt arrived.", {"Kenya": "KEN", "Somalia": "SOM"})
    assert events and all(e.text == e.text.strip() for e in events)


def test_a_sector_word_on_an_event_noun_is_not_its_doer(nlp):
    text = "Kenyan and Ugandan forces began a joint military exercise on Monday."
    sdoc = nlp(text)
    mentions = _mentions(sdoc, {"Kenyan": "KEN", "Ugandan forces": "UGA/MIL", "military": "KEN/MIL"})
    mentions = [dataclasses.replace(m, kind="sector") if sdoc[m.root].text == "military" else m for m in mentions]
    events = extract_events(sdoc, mentions, Document("t", text))
    assert {(e.event, tuple(sorted([*(a.code for a in e.actor), *(r.code for r in e.recipient)])))
            for e in events} == {("COOPERATE", ("KEN", "UGA"))}


def test_a_group_that_names_no_country_belongs_to_the_one_in_its_sentence(nlp):
    text = "Bolivia's court annulled the vote, and security forces have detained 40 people since then."
    sdoc = nlp(text)
    mentions = _mentions(sdoc, {"Bolivia": "BOL", "security forces": "/MIL"})
    mentions = [dataclasses.replace(m, entities=[dataclasses.replace(e, code=e.code or None) for e in m.entities])
                for m in mentions]
    events = extract_events(sdoc, mentions, Document("t", text))
    assert [(e.event, [a.code for a in e.actor]) for e in events if e.event == "COERCE"] == [("COERCE", ["BOL"])]


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


def test_recalling_envoys_to_named_capitals_targets_those_states(nlp):
    events = code(nlp, "Colombia's president ordered the return of Colombia's ambassadors to Lima and Quito.",
                  {"Colombia's president": "COL/GOV", "Colombia": "COL", "Lima": "PER", "Quito": "ECU"})
    assert [(e.event, e.cameo, sorted(r.code for r in e.recipient)) for e in events] == \
        [("SANCTION", "161", ["ECU", "PER"])]


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


def test_an_extradition_goes_to_the_state_that_receives_the_person(nlp):
    events = code(nlp, "Colombia extradited a Mexican cartel leader to the United States.",
                  {"Colombia": "COL", "Mexican cartel leader": "MEX/CRM", "the United States": "USA"},
                  keep_all=False)
    assert [(e.event, [r.code for r in e.recipient]) for e in events] == [("COOPERATE", ["USA"])]


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


def test_a_judgement_names_the_party_it_blames(nlp):
    events = code(nlp, "Lapid called the deal a failure of Prime Minister Netanyahu's policy.",
                  {"Lapid": "ISR/OPP/Yair Lapid", "Prime Minister Netanyahu": "ISR/GOV/Benjamin Netanyahu"},
                  keep_all=False)
    assert [(e.event, [r.name for r in e.recipient]) for e in events] == [("ACCUSE", ["Benjamin Netanyahu"])]


# ----------------------------------------------------------------- parties no table names

def test_an_unknown_doer_and_target_are_kept_as_phrases_without_a_country():
    (event,) = code_text("A provincial ethics panel accused the harbour authority of hiding losses.")
    assert event.event == "ACCUSE"
    assert [(a.text, a.code) for a in event.actor] == [("provincial ethics panel", None)]
    assert [(r.text, r.code) for r in event.recipient] == [("harbour authority", None)]


def test_an_act_noun_is_no_party():
    # "the shelling killed": the act is known, its doer is not; no party is invented from the act's name.
    assert code_text("The shelling killed four farmers near the border.") == []


def test_an_imported_verb_pattern_does_not_replace_the_hand_written_noun(nlp):
    events = code(nlp, "Farmers in Ghana staged protests against the new levy.", {"Farmers in Ghana": "GHA/CVL"})
    assert [(e.event, e.trigger.text) for e in events] == [("PROTEST", "protests")]


def test_an_imported_pattern_codes_an_object_fixed_sense(nlp):
    # No hand-written line covers "give ... a deadline"; PETRARCH's pattern codes it as an ultimatum.
    events = code(nlp, "Kenya gave Somalia a deadline to withdraw its troops.", {"Kenya": "KEN", "Somalia": "SOM"})
    assert dyads(events) == {("THREATEN", ("KEN",), ("SOM",))}
    assert events[0].rule.startswith("events/data/petrarch_verbs.tsv line ")
