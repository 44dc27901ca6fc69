"""Trigger matching helpers (events/matching.py), on parses built by hand (no model needed)."""
from _hand_parses import hand_parse

from communique.events.matching import _naming_participle
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
