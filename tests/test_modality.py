"""PLOVER modality of a trigger's clause (events/modality.py), on parses built by hand (no model needed)."""
from _hand_parses import hand_parse

from communique.events.modality import modality

parse = hand_parse


def test_a_verb_joined_by_and_to_set_is_not_set_to_happen():
    # "Rioters set cars ablaze and police fired gas": "set" is no "set to" (a plan) for the joined verb.
    doc = parse(["Rioters", "set", "cars", "ablaze", "and", "police", "fired", "gas"],
                [1, 1, 1, 1, 1, 6, 1, 6], ["nsubj", "ROOT", "dobj", "advmod", "cc", "nsubj", "conj", "dobj"],
                ["NNS", "VBP", "NNS", "JJ", "CC", "NNS", "VBD", "NN"],
                ["rioter", "set", "car", "ablaze", "and", "police", "fire", "gas"])
    m = modality(doc[6], doc[6])
    assert not m.future and not m.hypothetical


def test_a_bare_present_in_a_clause_of_time_is_not_an_act_of_the_day():
    # "Oslo will back the bid when leaders meet in Rome": the meeting is still to come.
    doc = parse(["Oslo", "will", "back", "the", "bid", "when", "leaders", "meet", "in", "Rome"],
                [2, 2, 2, 4, 2, 7, 7, 2, 7, 8],
                ["nsubj", "aux", "ROOT", "det", "dobj", "advmod", "nsubj", "advcl", "prep", "pobj"],
                ["NNP", "MD", "VB", "DT", "NN", "WRB", "NNS", "VBP", "IN", "NNP"],
                ["Oslo", "will", "back", "the", "bid", "when", "leader", "meet", "in", "Rome"])
    assert modality(doc[7], doc[7]).hypothetical
