"""Web page extraction (trafilatura and two clean-ups): the story, its title and date, and
none of the page furniture, on six invented sites' layouts; pages that are no story."""
from datetime import date

import pytest

from communique.ingest.pages import extract_page, not_news, page_document, url_document_id
from communique.ingest.tally import Skipped
from communique.model import Document
from communique.sample_web import LAYOUTS, english_articles, not_news_pages, render_page
from communique.sample_web.layouts import BOILERPLATE

STORIES = english_articles(len(LAYOUTS), seed=51)
RELATED = [s.headline for s in english_articles(4, seed=52)]  # headlines end in no full stop


@pytest.mark.parametrize("layout, story", list(zip(LAYOUTS, STORIES)))
def test_the_story_comes_out_without_the_furniture(layout, story):
    page = extract_page(render_page(story, layout, RELATED))
    for paragraph in story.paragraphs:
        assert paragraph in page.text
    for chrome in (*BOILERPLATE, *RELATED):
        assert chrome not in page.text
    assert page.published == story.published
    if layout != "legacy":  # a table layout's <title> leads with the site's name
        assert page.title == story.headline
        assert page.text.startswith(story.paragraphs[0])


def test_not_news_pages_are_told_apart():
    kinds = {p.kind: not_news(extract_page(render_page(p, "wire", []))) for p in
             not_news_pages(3, [s.headline for s in english_articles(20, seed=53)])}
    assert "list" in kinds["index"] and "words" in kinds["contact"] and "words" in kinds["video"]
    assert not_news(extract_page(render_page(STORIES[0], "wire", []))) is None


def test_page_document_uses_the_page_then_the_fallbacks():
    story = STORIES[1]
    markup = render_page(story, "live", []).encode("utf-8")
    doc = page_document(markup, story.url, "x", None)
    assert isinstance(doc, Document) and doc.url == story.url and doc.published == story.published
    assert doc.dateline_place and doc.title == story.headline
    bare = f"<html><body><main>{''.join(f'<p>{p}</p>' for p in story.paragraphs)}</main></body></html>"
    undated = page_document(bare.encode(), "https://x.example/a", "x", None, crawled=date(2024, 7, 2), title="Feed title")
    assert undated.title == "Feed title"
    assert undated.published in (date(2024, 7, 2), story.published)  # the dateline may date it
    index = not_news_pages(1, [s.headline for s in english_articles(20, seed=54)])[0]
    skipped = page_document(render_page(index, "wire", []).encode(), index.url, "x", None)
    assert isinstance(skipped, Skipped) and skipped.reason == "not news"


def test_url_ids_are_readable_and_stable():
    a = url_document_id("https://www.harbour-post.example/2024/03/14/talks-resume.html", "text one")
    assert a.startswith("harbour-post-talks-resume-") and a == url_document_id(
        "https://www.harbour-post.example/2024/03/14/talks-resume.html", "text one")
    assert a != url_document_id("https://www.harbour-post.example/2024/03/14/talks-resume.html", "text two")
    assert "/" not in url_document_id("https://x.example/", "t") and len(a) < 80
