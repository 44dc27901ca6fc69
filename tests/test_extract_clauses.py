"""Which clauses of a sentence tell events of their own (events/embedding.py), on parses built by hand."""
from _hand_parses import hand_parse

from communique.events.embedding import _second_main_clause


def test_a_clause_after_and_with_its_own_subject_is_a_main_clause_not_content():
    # "Oslo recalled its envoy and Eide threatened sanctions", parsed with "threatened" as the
    # content (ccomp) of "recalled" and "and" hung on the object.
    words = ["Oslo", "recalled", "its", "envoy", "and", "Eide", "threatened", "sanctions"]
    doc = hand_parse(words, heads=[1, 1, 3, 1, 3, 6, 1, 6],
              deps=["nsubj", "ROOT", "poss", "dobj", "cc", "nsubj", "ccomp", "dobj"],
              tags=["NNP", "VBD", "PRP$", "NN", "CC", "NNP", "VBD", "NNS"],
              pos=["PROPN", "VERB", "PRON", "NOUN", "CCONJ", "PROPN", "VERB", "NOUN"])
    assert _second_main_clause(doc[6])
    # "Oslo said Eide threatened sanctions": a reported clause is the content.
    words = ["Oslo", "said", "Eide", "threatened", "sanctions"]
    doc = hand_parse(words, heads=[1, 1, 3, 1, 3], deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj"],
              tags=["NNP", "VBD", "NNP", "VBD", "NNS"], pos=["PROPN", "VERB", "PROPN", "VERB", "NOUN"])
    assert not _second_main_clause(doc[3])
