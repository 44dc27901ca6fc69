"""Trigger matching helpers (events/matching.py), on parses built by hand (no model needed)."""
from _hand_parses import hand_parse

from communique.events.matching import _bare_base_form, _naming_participle
from communique.events.syntax import doer_tokens

parse = hand_parse


def test_a_participle_of_call_after_the_main_clause_names_no_phone_call():
    # "Ankara praised Baku, calling the government's reforms bold" with the predicate lost by the parser.
    doc = parse(["Ankara", "praised", "Baku", ",", "calling", "the", "reforms", "bold"],
                [1, 1, 1, 1, 1, 6, 4, 6], ["nsubj", "ROOT", "dobj", "punct", "advcl", "det", "dobj", "amod"],
                ["NNP", "VBD", "NNP", ",", "VBG", "DT", "NNS", "JJ"],
                ["Ankara", "praise", "Baku", ",", "call", "the", "reform", "bold"])
    assert _naming_participle(doc[4])
    # "Ankara called Baku on Monday": the main verb may be a phone call.
    doc = parse(["Ankara", "called", "Baku"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["NNP", "VBD", "NNP"],
                ["Ankara", "call", "Baku"])
    assert not _naming_participle(doc[1])


def test_a_passive_names_its_doer_after_by():
    # "villages wrecked by floods": the floods did it; "villages wrecked on Monday" names no doer.
    doc = parse(["villages", "wrecked", "by", "floods"], [1, 1, 1, 2], ["ROOT", "acl", "agent", "pobj"],
                ["NNS", "VBN", "IN", "NNS"], ["village", "wreck", "by", "flood"])
    assert [t.text for t in doer_tokens(doc[1])] == ["floods"]
    doc = parse(["villages", "wrecked", "on", "Monday"], [1, 1, 1, 2], ["ROOT", "acl", "prep", "pobj"],
                ["NNS", "VBN", "IN", "NNP"], ["village", "wreck", "on", "Monday"])
    assert doer_tokens(doc[1]) == []


def test_a_demanded_verb_with_a_particle_tagged_as_a_noun_is_a_bare_base_form():
    # "Kabul insisted that Islamabad hand over the files", "hand" tagged a noun: still what is demanded.
    words = ["Kabul", "insisted", "that", "Islamabad", "hand", "over", "the", "files"]
    doc = parse(words, [1, 1, 4, 4, 1, 4, 7, 4], ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "prt", "det", "dobj"],
                ["NNP", "VBD", "IN", "NNP", "NN", "RP", "DT", "NNS"])
    assert _bare_base_form(doc[4])
    # "insisted that the hand was steady": a noun with no particle is no demanded act.
    doc = parse(["insisted", "that", "the", "hand", "was"], [0, 4, 3, 4, 0], ["ROOT", "mark", "det", "nsubj", "ccomp"],
                ["VBD", "IN", "DT", "NN", "VBD"])
    assert not _bare_base_form(doc[3])
