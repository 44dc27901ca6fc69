"""Visible article text from an HTML page, with the standard library's html.parser.

Keeps the title and the paragraphs (``<p>``); drops scripts, styles and page furniture
(navigation, header, footer, asides). When the page has an ``<article>`` element, only its
paragraphs count, so related-links boxes elsewhere on the page do not leak into the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Optional

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template",
         "svg", "figure"}
_DATE_META = {"article:published_time", "datepublished", "date", "pubdate", "publishdate",
              "dc.date", "dc.date.issued", "og:published_time", "sailthru.date"}
_SPACES = re.compile(r"\s+")


@dataclass
class HtmlArticle:
    title: Optional[str]
    paragraphs: list[str]
    published: Optional[str]  # the raw value; the caller validates it
    url: Optional[str]
    article_paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.article_paragraphs or self.paragraphs)


class _ArticleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.article_depth = 0
        self.capture: Optional[str] = None  # "p", "title" or "h1" while inside one
        self.buffer: list[str] = []
        self.paragraphs: list[str] = []
        self.article_paragraphs: list[str] = []
        self.title: Optional[str] = None
        self.h1: Optional[str] = None
        self.meta_title: Optional[str] = None
        self.published: Optional[str] = None
        self.url: Optional[str] = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and a.get("content") and self.published is None:
                self.published = a["content"].strip()
            elif key == "og:title" and a.get("content"):
                self.meta_title = a["content"].strip()
            elif key == "og:url" and a.get("content") and self.url is None:
                self.url = a["content"].strip()
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.url = a["href"].strip()
            return
        if tag == "time" and a.get("datetime") and self.published is None:
            self.published = a["datetime"].strip()
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "article":
            self.article_depth += 1
        elif tag in ("p", "title", "h1"):
            self._flush()
            self.capture = tag
        elif tag == "br" and self.capture:
            self.buffer.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "article":
            self.article_depth = max(0, self.article_depth - 1)
        elif tag == self.capture:
            self._flush()

    def handle_data(self, data):
        if self.capture and (self.skip_depth == 0 or self.capture == "title"):
            self.buffer.append(data)

    def _flush(self):
        if self.capture is None:
            return
        text = _SPACES.sub(" ", "".join(self.buffer)).strip()
        if text:
            if self.capture == "p":
                self.paragraphs.append(text)
                if self.article_depth:
                    self.article_paragraphs.append(text)
            elif self.capture == "title" and self.title is None:
                self.title = text
            elif self.capture == "h1" and self.h1 is None:
                self.h1 = text
        self.capture, self.buffer = None, []

    def close(self):
        super().close()
        self._flush()


def extract_article(markup: str) -> HtmlArticle:
    parser = _ArticleParser()
    parser.feed(markup)
    parser.close()
    title = parser.h1 or parser.meta_title or parser.title
    return HtmlArticle(title, parser.paragraphs, parser.published, parser.url,
                       parser.article_paragraphs)
