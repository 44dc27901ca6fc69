"""Language screening: English is coded; text surely in another language is skipped with its
language; short or uncertain text is kept."""
from communique.ingest import Tally, read_documents
from communique.ingest.language import detect_language, foreign_language
from communique.sample_web import english_articles, foreign_articles


def test_other_languages_are_recognised():
    for story in foreign_articles(5, seed=61):
        assert foreign_language(story.text) == story.language
    for story in english_articles(10, seed=62):
        assert foreign_language(story.text) is None
    assert detect_language("China and Japan agreed on Tuesday to resume talks on the islands, officials said.")[0] == "en"


def test_english_about_nigeria_is_not_taken_for_pidgin():
    # the detector leans to Nigerian Pidgin on English naming Nigerians; only near-certain Pidgin is skipped
    english = "Benin's decision to expel 30 Nigerian traders drew protests from Abuja on Friday."
    assert detect_language(english)[0] == "pcm"
    assert foreign_language(english) is None
    pidgin = "Oga, wetin dey happen for market today? Dem don close am because of di wahala wey happen for Kano."
    assert foreign_language(pidgin) == "pcm"


def test_short_text_is_kept_whatever_it_looks_like():
    assert foreign_language("Merci beaucoup.") is None
    assert foreign_language("Kenya and Uganda signed a border accord on Monday.") is None


def test_reading_english_only_routes_foreign_documents_to_the_skip_list(tmp_path):
    story = foreign_articles(1, seed=63)[0]
    (tmp_path / "fr.txt").write_text(story.text, encoding="utf-8")
    (tmp_path / "en.txt").write_text(english_articles(1, seed=64)[0].text, encoding="utf-8")
    tally = Tally()
    docs = list(read_documents([str(tmp_path)], english_only=True, on_skip=tally.skip))
    assert [d.id for d in docs] == ["en"]
    assert tally.skipped["non-English"] == 1 and dict(tally.languages) == {story.language: 1}
    assert tally.skipped_items[0].origin.endswith("fr.txt")
    assert len(list(read_documents([str(tmp_path)]))) == 2  # without the screen, both are read
