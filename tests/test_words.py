"""Word classes (knowledge/words.py): read once from data/word_classes.tsv, shared by events and actors."""
import pytest

from communique.events import lexicon
from communique.knowledge import english
from communique.knowledge.words import WordClassError, read_word_classes, word_class, word_classes


def test_the_package_classes_load_with_the_words_of_the_language():
    classes = word_classes()
    assert "curfew" in classes["restriction"] and "town" in classes["place"]
    assert classes["report"] == english.REPORTING_VERBS and "march" in classes["month"]
    assert word_class("populace") is classes["populace"]


def test_the_events_lexicon_hands_out_the_same_classes():
    assert lexicon.word_classes is word_classes and lexicon.word_class("place") == word_class("place")


def test_lemmas_are_lower_cased(tmp_path):
    path = tmp_path / "classes.tsv"
    path.write_text("# comment\nname\tlemmas\ncrowd\tCrowd  Throng\n", encoding="utf-8")
    assert read_word_classes(path)["crowd"] == frozenset({"crowd", "throng"})


@pytest.mark.parametrize("body, message", [
    ("crowd\t \n", r"classes.tsv:2: expected 'name<TAB>lemmas'"),
    ("crowd\tthrong\ncrowd\tmob\n", r"classes.tsv:3: class 'crowd' defined twice"),
    ("month\tjanvier\n", r"classes.tsv:2: class 'month' defined twice"),
    ("crowd\tthrong\textra\n", r"classes.tsv:2: expected 2 tab-separated columns, got 3"),
])
def test_a_bad_line_names_the_file_and_the_line(tmp_path, body, message):
    path = tmp_path / "classes.tsv"
    path.write_text("name\tlemmas\n" + body, encoding="utf-8")
    with pytest.raises(WordClassError, match=message):
        read_word_classes(path)
