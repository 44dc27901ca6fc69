"""Fetching and parsing feeds and article pages over HTTP on 127.0.0.1."""
from datetime import date

import pytest

from communique.ingest.feeds import FetchError, article_item, fetch, parse_feed
from communique.model import Document
from communique.sample_web import english_articles, foreign_articles, render_page
from communique.sample_web.crawl import atom_feed, rss_feed

from _web_fixtures import site  # noqa: F401  (fixture)

STORIES = english_articles(3, seed=71)


@pytest.mark.parametrize("maker", [rss_feed, atom_feed])
def test_rss_and_atom_items_have_keys_links_titles_and_dates(maker):
    title, items = parse_feed(maker("Desk", "https://d.example", STORIES).encode(), "https://d.example/feed")
    assert title == "Desk" and len(items) == 3
    by_link = {i.url: i for i in items}
    for story in STORIES:
        item = by_link[story.url]
        assert item.title == story.headline and item.published == story.published and item.key


def test_a_page_is_not_a_feed():
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>Hi</p></body></html>", "https://d.example/x")


def test_fetch_answers_conditionally_and_reports_http_errors(site):
    url = site.put("/f.xml", rss_feed("Desk", site.base, STORIES, site.base), "application/rss+xml")
    first = fetch(url)
    assert first.status == 200 and first.content_type == "application/rss+xml" and first.etag
    assert fetch(url, etag=first.etag).status == 304
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(site.base + "/missing.xml")
    with pytest.raises(FetchError, match="not an http"):
        fetch("file:///etc/passwd")


def test_article_item_makes_a_document_or_says_why_not(site):
    story = STORIES[0]
    _, items = parse_feed(rss_feed("Desk", site.base, [story], site.base).encode(), site.base)
    site.put("/a.html", render_page(story, "blog", []))
    doc = article_item(items[0], fetch(site.base + "/a.html"), "feed item")
    assert isinstance(doc, Document) and doc.published == story.published and doc.title == story.headline
    site.put("/page", render_page(story, "wire", []), "application/octet-stream")  # a static server's guess
    assert isinstance(article_item(items[0], fetch(site.base + "/page"), "feed item"), Document)
    site.put("/b.pdf", b"%PDF-1.4", "application/pdf")
    assert article_item(items[0], fetch(site.base + "/b.pdf"), "feed item").reason == "not HTML"
    site.put("/c.html", render_page(foreign_articles(1, seed=72)[0], "wire", []))
    skipped = article_item(items[0], fetch(site.base + "/c.html"), "feed item")
    assert skipped.reason == "non-English" and skipped.detail
    assert isinstance(article_item(items[0], fetch(site.base + "/c.html"), "i", english_only=False), Document)
    assert items[0].published == date.fromisoformat(story.published.isoformat())
