"""A synthetic web of news, written for this project: article pages, feeds and a WARC crawl.

Analysts bring crawls, feeds and saved pages; tests, benchmarks and demonstrations need the
same without a network. This package builds them from its own templates:

- ``articles``: invented wire stories (English, from templates with varied countries, actors
  and verbs), stories in other languages, near copies of a story and pages that are no news;
- ``layouts``: each story wrapped in one of several sites' page chrome (cookie banners,
  navigation, related-story lists, comments, newsletter boxes, table layouts);
- ``crawl``: RSS 2.0 and Atom feeds of those pages, a folder that a local HTTP server can
  serve, and a WARC file of a crawl with the records a real one has (requests, metadata,
  images and scripts, redirects and missing pages, exact and near copies).

Nothing here is real news: countries and office titles are real, the events are invented.
"""
from .articles import Article, english_articles, foreign_articles, near_copy, not_news_pages
from .layouts import LAYOUTS, render_page

__all__ = ["Article", "english_articles", "foreign_articles", "near_copy", "not_news_pages",
           "LAYOUTS", "render_page"]
