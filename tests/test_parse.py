"""The parse helpers several stages share (parse.py), on parses built by hand (no model needed)."""
import spacy
from spacy.tokens import Doc

from communique.parse import children, conjuncts, governing_verb, lemma, subject_token

VOCAB = spacy.blank("en").vocab


def parse(words, heads, deps, pos=None):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos or ["X"] * len(words))


def test_the_subject_of_a_verb():
    doc = parse(["Oslo", "and", "Lima", "signed", "accords"], [3, 0, 0, 3, 3],
                ["nsubj", "cc", "conj", "ROOT", "dobj"], ["PROPN", "CCONJ", "PROPN", "VERB", "NOUN"])
    assert subject_token(doc[3]).text == "Oslo"
    assert subject_token(doc[0]) is None
    assert [t.text for t in conjuncts(doc[0])] == ["Oslo", "Lima"]
    assert [t.text for t in children(doc[3], ("dobj",))] == ["accords"]


def test_a_dateline_parsed_as_a_second_subject_gives_way_to_the_nearer_one():
    # "ACCRA -- Ghana recalled ...": the parser made the dateline's city a subject too.
    doc = parse(["ACCRA", "--", "Ghana", "recalled", "envoys"], [3, 3, 3, 3, 3],
                ["nsubj", "punct", "nsubj", "ROOT", "dobj"])
    assert subject_token(doc[3]).text == "Ghana"
    # Without the dash, two subjects are the parser's reading: the first is taken.
    doc = parse(["Accra", "and", "Ghana", "recalled", "envoys"], [3, 3, 3, 3, 3],
                ["nsubj", "cc", "nsubj", "ROOT", "dobj"])
    assert subject_token(doc[3]).text == "Accra"


def test_the_governing_verb_of_a_noun_and_a_lower_cased_lemma():
    doc = parse(["Talks", "ended"], [1, 1], ["nsubj", "ROOT"], ["NOUN", "VERB"])
    assert governing_verb(doc[0]).text == "ended" and governing_verb(doc[1]).text == "ended"
    doc[0].lemma_ = "Talk"
    assert lemma(doc[0]) == "talk"


def test_an_object_the_parser_hung_on_a_bare_weekday_is_the_verbs_again():
    from communique.nlp import bare_weekday_objects
    # "Lagos summoned envoy Jan Vos Monday": the parser made the object's words compounds of "Monday".
    doc = parse(["Lagos", "summoned", "envoy", "Jan", "Vos", "Monday"], [1, 1, 4, 4, 5, 1],
                ["nsubj", "ROOT", "compound", "compound", "compound", "npadvmod"],
                ["PROPN", "VERB", "NOUN", "PROPN", "PROPN", "PROPN"])
    bare_weekday_objects(doc)
    assert [t.text for t in children(doc[1], ("dobj",))] == ["Vos"]
    assert [t.text for t in children(doc[4], ("compound",))] == ["envoy", "Jan"]
    assert [t.text for t in children(doc[1], ("npadvmod",))] == ["Monday"]
    # A verb that has its object keeps the parse ("met the envoy Jan Vos Monday" read right).
    doc = parse(["Lagos", "met", "envoys", "Vos", "Monday"], [1, 1, 1, 4, 1],
                ["nsubj", "ROOT", "dobj", "compound", "npadvmod"], ["PROPN", "VERB", "NOUN", "PROPN", "PROPN"])
    bare_weekday_objects(doc)
    assert [t.text for t in children(doc[1], ("dobj",))] == ["envoys"]


def test_a_second_subject_after_and_is_the_first_ones_conjunct():
    from communique.nlp import joined_subjects
    # "Lima and rebel leader Vos signed": the parser gave "signed" two subjects, "and" on the first.
    doc = parse(["Lima", "and", "rebel", "leader", "Vos", "signed"], [5, 0, 3, 4, 5, 5],
                ["nsubj", "cc", "amod", "compound", "nsubj", "ROOT"],
                ["PROPN", "CCONJ", "NOUN", "NOUN", "PROPN", "VERB"])
    joined_subjects(doc)
    assert [t.text for t in children(doc[5], ("nsubj",))] == ["Lima"]
    assert [t.text for t in children(doc[0], ("conj",))] == ["Vos"]
    # Two subjects with no "and" between them are left as the parser read them.
    doc = parse(["Lima", "Vos", "signed"], [2, 2, 2], ["nsubj", "nsubj", "ROOT"], ["PROPN", "PROPN", "VERB"])
    joined_subjects(doc)
    assert [t.text for t in children(doc[2], ("nsubj",))] == ["Lima", "Vos"]


def test_a_participle_read_as_a_reported_clause_is_on_the_verbs_object():
    from communique.nlp import object_participles
    # "A judge ordered Banda held in jail": the parser read "Banda held" as a clause with its own subject.
    words = ["A", "judge", "ordered", "Banda", "held", "in", "jail"]
    doc = Doc(VOCAB, words=words, heads=[1, 2, 2, 4, 2, 4, 5], deps=["det", "nsubj", "ROOT", "nsubj", "ccomp", "prep", "pobj"],
              tags=["DT", "NN", "VBD", "NNP", "VBD", "IN", "NN"], lemmas=["a", "judge", "order", "Banda", "hold", "in", "jail"])
    object_participles(doc)
    assert [t.text for t in children(doc[2], ("dobj",))] == ["Banda"]
    assert [t.text for t in children(doc[2], ("xcomp",))] == ["held"] and doc[4].tag_ == "VBN"
    # "Rebels freed two soldiers held captive": after another verb the participle is the noun's.
    words = ["Rebels", "freed", "two", "soldiers", "held", "captive"]
    doc = Doc(VOCAB, words=words, heads=[1, 1, 3, 4, 1, 4], deps=["nsubj", "ROOT", "nummod", "nsubj", "ccomp", "oprd"],
              tags=["NNS", "VBD", "CD", "NNS", "VBD", "JJ"], lemmas=["rebel", "free", "two", "soldier", "hold", "captive"])
    object_participles(doc)
    assert [t.text for t in children(doc[1], ("dobj",))] == ["soldiers"]
    assert [t.text for t in children(doc[3], ("acl",))] == ["held"]
    # A verb that takes a clause keeps it ("said soldiers withdrew"), as does a pronoun that is a subject.
    for words, lemmas, tag in ((["Kabul", "said", "soldiers", "withdrew"], ["Kabul", "say", "soldier", "withdraw"], "NNS"),
                               (["Kabul", "ordered", "they", "withdrew"], ["Kabul", "order", "they", "withdraw"], "PRP")):
        doc = Doc(VOCAB, words=words, heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "nsubj", "ccomp"],
                  tags=["NNP", "VBD", tag, "VBD"], lemmas=lemmas)
        object_participles(doc)
        assert doc[3].dep_ == "ccomp" and doc[2].dep_ == "nsubj"
    # A reported clause with its own "that" stays one ("ordered that Banda held the post").
    words = ["A", "judge", "ordered", "that", "Banda", "held", "the", "post"]
    doc = Doc(VOCAB, words=words, heads=[1, 2, 2, 5, 5, 2, 7, 5],
              deps=["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "det", "dobj"],
              tags=["DT", "NN", "VBD", "IN", "NNP", "VBD", "DT", "NN"],
              lemmas=["a", "judge", "order", "that", "Banda", "hold", "the", "post"])
    object_participles(doc)
    assert [t.text for t in children(doc[5], ("nsubj",))] == ["Banda"] and doc[5].dep_ == "ccomp"


def test_a_base_form_tagged_as_a_past_tense_after_a_base_form_is_read_as_one():
    from communique.parse import base_form_read_as_past
    # "urged the rebels to disarm and lay down their guns": "lay" tagged as the past of "lie".
    words = ["urged", "them", "to", "disarm", "and", "lay", "down", "guns"]
    doc = Doc(VOCAB, words=words, heads=[0, 0, 3, 0, 3, 3, 5, 5],
              deps=["ROOT", "dobj", "aux", "xcomp", "cc", "conj", "prt", "dobj"],
              tags=["VBD", "PRP", "TO", "VB", "CC", "VBD", "RP", "NNS"],
              lemmas=["urge", "they", "to", "disarm", "and", "lie", "down", "gun"])
    assert base_form_read_as_past(doc[5])
    # A past tense of its own after a base form is no base form ("to disarm and fled").
    doc = Doc(VOCAB, words=["to", "disarm", "and", "fled"], heads=[1, 1, 1, 1], deps=["aux", "ROOT", "cc", "conj"],
              tags=["TO", "VB", "CC", "VBD"], lemmas=["to", "disarm", "and", "flee"])
    assert not base_form_read_as_past(doc[3])


def test_the_count_of_a_span_is_read_from_its_number_word():
    from communique.parse import count_of
    for words, deps, expected in ((["a", "day"], ["det", "ROOT"], 1), (["two", "days"], ["nummod", "ROOT"], 2),
                                  (["3", "days"], ["nummod", "ROOT"], 3), (["many", "days"], ["nummod", "ROOT"], None)):
        doc = parse(words, [1, 1], deps)
        assert count_of(doc[1]) == expected
    # Only the dependencies asked for count ("a few days": the article is no count of its own).
    assert count_of(parse(["a", "days"], [1, 1], ["det", "ROOT"])[1], ("nummod",)) is None


def test_a_crowds_participle_after_a_preposition_is_the_crowds_modifier():
    from communique.nlp import participle_crowds
    # "talks with protesting farmers": the parser read "protesting" as a gerund with "farmers" its object.
    words = ["talks", "with", "protesting", "farmers", "on", "Monday"]
    doc = Doc(VOCAB, words=words, heads=[0, 0, 1, 2, 2, 4], deps=["ROOT", "prep", "pcomp", "dobj", "prep", "pobj"],
              tags=["NNS", "IN", "VBG", "NNS", "IN", "NNP"], lemmas=["talk", "with", "protest", "farmer", "on", "Monday"])
    participle_crowds(doc)
    assert [t.text for t in children(doc[1], ("pobj",))] == ["farmers"]
    assert doc[2].dep_ == "amod" and doc[2].head.i == 3 and doc[4].head.i == 0
    # A real gerund keeps its object: one with an article ("of striking the protesters"), one no crowd
    # participle ("of killing villagers"), one whose object is no word for people ("protesting fuel prices").
    for words, lemmas, tags in (
            (["accused", "of", "striking", "the", "protesters"], ["accuse", "of", "strike", "the", "protester"],
             ["VBN", "IN", "VBG", "DT", "NNS"]),
            (["accused", "of", "killing", "villagers"], ["accuse", "of", "kill", "villager"], ["VBN", "IN", "VBG", "NNS"]),
            (["accused", "of", "protesting", "prices"], ["accuse", "of", "protest", "price"], ["VBN", "IN", "VBG", "NNS"])):
        n = len(words)
        heads = [0, 0, 1] + ([4, 2] if n == 5 else [2])
        deps = ["ROOT", "prep", "pcomp"] + (["det", "dobj"] if n == 5 else ["dobj"])
        doc = Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)
        participle_crowds(doc)
        assert doc[2].dep_ == "pcomp" and doc[n - 1].dep_ == "dobj"
