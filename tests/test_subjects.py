"""Who acts (events/subjects.py): the subject a verb shares with another, the noun phrase before a
verb the parser left without one, the agent of a passive, the speaker of reported speech."""
import dataclasses

from _event_fixtures import code, codes, dyads, nlp, parsed, token  # noqa: F401 (nlp: a fixture)
from communique.events.subjects import agent, is_pronoun, same_side, speaker, subject_of


def test_a_verb_shares_the_subject_of_the_verb_it_completes(nlp):
    sdoc, index = parsed(nlp, "Kenya agreed to share intelligence with Uganda.", {"Kenya": "KEN", "Uganda": "UGA"})
    found, direct, subj = subject_of(token(sdoc, "share"), index)
    assert codes(found) == ["KEN"] and not direct and subj.text == "Kenya"  # reached by climbing: not direct
    found, direct, _ = subject_of(token(sdoc, "agreed"), index)
    assert codes(found) == ["KEN"] and direct


def test_a_relative_clause_takes_the_noun_it_describes(nlp):
    sdoc, index = parsed(nlp, "Sudanese militiamen who attacked the convoy fled across the border.",
                         {"Sudanese militiamen": "SDN/REB"})
    found, direct, subj = subject_of(token(sdoc, "attacked"), index)
    assert codes(found) == ["SDN"] and direct and subj.text == "militiamen"


def test_a_main_verb_without_subject_takes_the_pair_right_before_it(nlp):
    sdoc, index = parsed(nlp, "Following the adoption of a Charter on Reconciliation, Sudan and Chad have agreed to "
                              "reopen their border.", {"Sudan": "SDN", "Chad": "TCD"})
    found, direct, _ = subject_of(token(sdoc, "agreed"), index)
    assert codes(found) == ["SDN", "TCD"] and not direct


def test_the_agent_of_a_passive(nlp):
    sdoc, index = parsed(nlp, "A Malian convoy was attacked by Burkinabe gunmen.",
                         {"Malian convoy": "MLI", "Burkinabe gunmen": "BFA/REB"})
    assert codes(agent(token(sdoc, "attacked"), index)) == ["BFA"]
    assert agent(token(sdoc, "convoy"), index) == []


def test_the_speaker_of_a_reported_clause_and_its_own_side(nlp):
    sdoc, index = parsed(nlp, "Wang said China welcomes the plan.", {"Wang": "CHN/GOV", "China": "CHN"})
    reporter = speaker(token(sdoc, "welcomes"), index)
    assert codes(reporter) == ["CHN"] and speaker(token(sdoc, "said"), index) == []
    own = subject_of(token(sdoc, "welcomes"), index)[0]
    assert same_side(own, reporter)  # the speaker first: he speaks for his own country
    he = [dataclasses.replace(m, kind="pronoun") for m in own]  # "Wang said he welcomes ..."
    assert same_side(he, reporter)
    sdoc, index = parsed(nlp, "China welcomes the plan, Wang said.", {"Wang": "CHN/GOV", "China": "CHN"})
    own, reporter = subject_of(token(sdoc, "welcomes"), index)[0], [index(token(sdoc, "Wang").i)]
    assert codes(own) == ["CHN"] and not same_side(own, reporter)  # the act first: China acts itself
    assert not same_side([], reporter)


def test_pronouns(nlp):
    sdoc = nlp("They said its army would stay.")
    assert is_pronoun(token(sdoc, "They")) and is_pronoun(token(sdoc, "its")) and not is_pronoun(token(sdoc, "army"))


def test_speaker_is_the_actor_when_he_speaks_first_for_his_own_country(nlp):
    text = "Wong said that Australia is ready to cooperate with India."
    events = code(nlp, text, {"Wong": "AUS/GOV", "Australia": "AUS", "India": "IND"})
    assert [(e.event, [a.text for a in e.actor], [r.code for r in e.recipient]) for e in events] == \
        [("AGREE", ["Wong"], ["IND"])]
    text = "Australia is ready to cooperate with India, Wong said."
    events = code(nlp, text, {"Wong": "AUS/GOV", "Australia": "AUS", "India": "IND"})
    assert [(e.event, [a.text for a in e.actor]) for e in events] == [("AGREE", ["Australia"])]


def test_reported_event_of_another_actor_is_that_actors(nlp):
    text = "The Pentagon said on Tuesday that Syrian forces attacked Turkish positions."
    events = code(nlp, text, {"Pentagon": "USA/MIL", "Syrian forces": "SYR/MIL", "Turkish": "TUR"})
    assert dyads(events) == {("ASSAULT", ("SYR",), ("TUR",))}


def test_subject_the_parser_lost_is_the_phrase_before_the_verb(nlp):
    # spaCy attaches "Sudan and Chad" to "Charter" as conjuncts, leaving "agreed" without a subject.
    events = code(nlp, "Following the adoption of a Charter on Reconciliation, Sudan and Chad have agreed to reopen "
                       "their border.", {"Sudan": "SDN", "Chad": "TCD"})
    assert dyads(events) == {("AGREE", ("SDN", "TCD"), ())}


def test_a_dateline_is_not_the_subject_of_the_lead(nlp):
    text = "LUSAKA, May 2 (Wire) -- Zambia's president and Malawi's president held talks on Tuesday."
    events = code(nlp, text, {"Zambia's president": "ZMB/GOV", "Malawi's president": "MWI/GOV"})
    assert {(e.event, tuple(sorted([*(a.code for a in e.actor), *(r.code for r in e.recipient)])))
            for e in events} == {("CONSULT", ("MWI", "ZMB"))}


def test_casualties_after_a_comma_are_the_result_of_the_act_not_of_a_bystanders_clause(nlp):
    text = "An attacker set off explosives beside Afghan soldiers queuing at a checkpoint, killing 14 people and wounding 20."
    sdoc, index = parsed(nlp, text, {"attacker": "AFG/REB", "Afghan soldiers": "AFG/MIL"})
    found, _, subj = subject_of(token(sdoc, "killing"), index)
    assert [m.entities[0].sector for m in found] == ["REB"] and subj.text == "attacker"
    found, _, _ = subject_of(token(sdoc, "wounding"), index)
    assert [m.entities[0].sector for m in found] == ["REB"]
    text = "Militants fired rockets at the airport as Congolese soldiers unloaded supplies, killing three porters."
    sdoc, index = parsed(nlp, text, {"Militants": "COD/REB", "Congolese soldiers": "COD/MIL"})
    found, _, _ = subject_of(token(sdoc, "killing"), index)
    assert [m.entities[0].sector for m in found] == ["REB"]


def test_a_participle_read_as_the_clause_verb_gives_its_subject_to_the_verb_joined_without_and():
    from _hand_parses import hand_parse
    from communique.events.subjects import _subject_of_reduced_relative
    # "Gunners shelled posts after rockets fired from the hills killed two": the parser read "fired" as the
    # after-clause's verb and joined "killed" to "shelled" with no "and"; the rockets killed.
    words = ["Gunners", "shelled", "posts", "after", "rockets", "fired", "from", "hills", "killed", "two"]
    doc = hand_parse(words, [1, 1, 1, 5, 5, 1, 5, 6, 1, 8],
                     ["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl", "prep", "pobj", "conj", "dobj"],
                     ["NNS", "VBD", "NNS", "IN", "NNS", "VBN", "IN", "NNS", "VBD", "CD"])
    assert _subject_of_reduced_relative(doc[8]).text == "rockets"
    # With "and", the joined verb shares the main clause's subject as the parser says.
    words = ["Gunners", "shelled", "posts", "after", "rockets", "fired", "and", "killed", "two"]
    doc = hand_parse(words, [1, 1, 1, 5, 5, 1, 1, 1, 7],
                     ["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl", "cc", "conj", "dobj"],
                     ["NNS", "VBD", "NNS", "IN", "NNS", "VBN", "CC", "VBD", "CD"])
    assert _subject_of_reduced_relative(doc[7]) is None
