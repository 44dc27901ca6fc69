"""Page chrome of six invented news sites, around a story's headline, date and paragraphs.

Each layout puts the date where its kind of site does (an ``article:published_time`` meta
tag, a ``<time>`` element, JSON-LD, a visible "Posted:" line, a ``date`` meta tag with
slashes) and surrounds the story with what makes extraction hard: cookie banners,
navigation, related-story lists (whole sentences of other headlines), reader comments (some
inside ``<article>``), newsletter boxes, captions and "Read more" links. ``BOILERPLATE``
lists the sentences of the chrome that must never reach an article's text.
"""
from __future__ import annotations

import json
from html import escape
from typing import Callable

from .articles import Article

COOKIE = "We use cookies to give you the best experience on our site and to show you relevant adverts."
COOKIE_MORE = "By clicking accept you agree to the storing of cookies on your device for analytics."
NEWSLETTER = "Sign up for our morning briefing and get the day's top stories in your inbox every weekday."
COMMENTS = (
    "This is exactly what I have been saying for years, nobody listens to ordinary people.",
    "Great reporting as always, keep up the good work and please cover the farmers as well.",
    "I wonder whether the ministers actually read the agreement they signed last time.",
)
CAPTION = "File photo: delegates arrive for a meeting at the conference centre."
MOST_READ = ("Heatwave expected to last until the weekend across the south",
             "Central bank leaves interest rates unchanged for third month",
             "Local football club announces new coach after poor season")
BOILERPLATE = (COOKIE, COOKIE_MORE, NEWSLETTER, *COMMENTS, CAPTION, *MOST_READ)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _nav(outlet: str) -> str:
    items = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("World", "Politics", "Business", "Sport", "Opinion"))
    return f'<a class="logo" href="/">{_e(outlet)}</a><ul class="menu">{items}</ul>'


def _related(related: list[str]) -> str:
    return "".join(f'<li><a href="/story/{i}">{_e(h)}</a></li>' for i, h in enumerate(related))


def _paras(article: Article) -> str:
    return "".join(f"<p>{_e(p)}</p>" for p in article.paragraphs)


def _head(article: Article, extra: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="{article.language}"><head><meta charset="utf-8">'
            f"<title>{_e(article.headline)} | {_e(article.outlet)}</title>"
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="stylesheet" href="/static/site.css">{extra}</head>')


def wire(article: Article, related: list[str]) -> str:
    """Semantic HTML5: <article>, published-time meta, canonical link, cookie banner, aside."""
    meta = (f'<meta property="og:title" content="{_e(article.headline)}">'
            f'<meta property="article:published_time" content="{article.published.isoformat()}T07:30:00Z">'
            f'<link rel="canonical" href="{_e(article.url)}">')
    return (_head(article, meta) + '<body><div id="cookie-banner" class="consent">'
            f"<p>{COOKIE}</p><p>{COOKIE_MORE}</p><button>Accept</button></div>"
            f"<header>{_nav(article.outlet)}</header><main><article>"
            f'<h1>{_e(article.headline)}</h1><p class="byline">By staff reporters</p>'
            f"{_paras(article)}</article>"
            f'<aside class="related"><h2>Related stories</h2><ul>{_related(related)}</ul></aside></main>'
            f'<footer><p>&copy; {article.published.year} {_e(article.outlet)}. All rights reserved.</p></footer>'
            "<script>window.dataLayer=[];</script></body></html>")


def blog(article: Article, related: list[str]) -> str:
    """A blog engine's markup: entry-content, <time class="entry-date">, comments list, widgets."""
    comments = "".join(f'<li class="comment"><div class="comment-author">reader{i}</div><p>{_e(c)}</p></li>'
                       for i, c in enumerate(COMMENTS))
    return (_head(article) + '<body class="single-post"><div id="page"><div class="site-header">'
            f'{_nav(article.outlet)}</div><div id="content"><div class="post">'
            f'<h1 class="entry-title">{_e(article.headline)}</h1><div class="entry-meta">Posted on '
            f'<time class="entry-date" datetime="{article.published.isoformat()}T09:00:00+00:00">'
            f"{article.published:%B %d, %Y}</time></div>"
            f'<div class="entry-content">{_paras(article)}</div></div>'
            f'<div id="comments"><h3>3 responses</h3><ol class="commentlist">{comments}</ol></div></div>'
            f'<div id="sidebar"><div class="widget"><h3>Newsletter</h3><p>{NEWSLETTER}</p>'
            f'<form><input type="email"><button>Subscribe</button></form></div>'
            f'<div class="widget"><h3>Recent posts</h3><ul>{_related(related)}</ul></div></div>'
            "</div></body></html>")


def portal(article: Article, related: list[str]) -> str:
    """Div soup with class names only, the date only in JSON-LD, a consent box at the end."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.headline,
          "datePublished": f"{article.published.isoformat()}T06:15:00+00:00",
          "publisher": {"@type": "Organization", "name": article.outlet}}
    most = "".join(f'<div class="item"><a href="/read/{i}">{_e(t)}</a></div>' for i, t in enumerate(MOST_READ))
    return (_head(article, f'<script type="application/ld+json">{json.dumps(ld)}</script>')
            + f'<body><div class="top-bar">{_nav(article.outlet)}</div><div class="wrapper">'
            f'<div class="story"><div class="story-title"><h1>{_e(article.headline)}</h1></div>'
            f'<div class="story-body">{_paras(article)}</div>'
            f'<div class="share">Share this story: Facebook Twitter Email</div></div>'
            f'<div class="more-stories"><h3>More stories</h3><ul>{_related(related)}</ul></div>'
            f'<div class="most-read"><h3>Most read</h3>{most}</div></div>'
            f'<div class="consent-modal"><p>{COOKIE}</p><p>{COOKIE_MORE}</p></div></body></html>')


def legacy(article: Article, related: list[str]) -> str:
    """A table layout from the early web: text in <td> with <br><br> breaks, date as a visible line."""
    body = "<br><br>\n".join(_e(p) for p in article.paragraphs)
    links = "<br>".join(f'<a href="/old/{i}.htm">{_e(h)}</a>' for i, h in enumerate(related))
    return (f'<html><head><title>{_e(article.outlet)} - {_e(article.headline)}</title></head>'
            f'<body bgcolor="#ffffff"><table width="100%"><tr><td colspan="2">{_nav(article.outlet)}</td></tr>'
            f'<tr><td width="180" valign="top"><font size="2"><b>Other news</b><br>{links}</font></td>'
            f'<td valign="top"><font size="5"><b>{_e(article.headline)}</b></font><br>'
            f'<font size="2">Posted: {article.published:%B} {article.published.day}, {article.published.year}</font>'
            f'<br><br>\n<font size="3">{body}</font></td></tr>'
            f'<tr><td colspan="2"><font size="1">{_e(article.outlet)} | Contact | Advertise</font></td></tr>'
            "</table></body></html>")


def magazine(article: Article, related: list[str]) -> str:
    """Comments and related stories inside <article>, a caption, a pull quote and "Read more" links."""
    paragraphs = [f"<p>{_e(p)}</p>" for p in article.paragraphs]
    paragraphs.insert(1, f'<figure><img src="/img/lead.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>')
    if related:
        paragraphs.insert(3, f'<p class="read-more"><strong>Read more:</strong> <a href="/r/0">{_e(related[0])}</a></p>')
    comments = "".join(f'<div class="comment"><p>{_e(c)}</p></div>' for c in COMMENTS[:2])
    return (_head(article, f'<meta property="og:title" content="{_e(article.headline)}">'
                           f'<meta name="pubdate" content="{article.published:%Y%m%d}">')
            + f'<body><nav>{_nav(article.outlet)}</nav><article class="feature">'
            f'<header><h1>{_e(article.headline)}</h1><div class="dek">Our correspondents report</div></header>'
            f'{"".join(paragraphs)}<div class="share-tools"><a>Share</a> <a>Print</a></div>'
            f'<section class="newsletter"><p>{NEWSLETTER}</p></section>'
            f'<section class="comments"><h2>Comments</h2>{comments}</section>'
            f'<footer class="related"><h2>You may also like</h2><ul>{_related(related)}</ul></footer>'
            f'</article><footer class="site">&copy; {_e(article.outlet)}</footer></body></html>')


def live(article: Article, related: list[str]) -> str:
    """Paragraphs as <div class="para">, a standfirst, the date in a slashed ``date`` meta tag."""
    body = "".join(f'<div class="para" data-block="text">{_e(p)}</div>' for p in article.paragraphs)
    return (_head(article, f'<meta name="date" content="{article.published:%Y/%m/%d}">'
                           f'<meta name="description" content="{_e(article.headline)}">')
            + f'<body><div class="masthead">{_nav(article.outlet)}</div>'
            f'<div class="cookie-notice"><span>{COOKIE}</span></div>'
            f'<main id="main"><h1 class="headline">{_e(article.headline)}</h1>'
            f'<div class="article-body">{body}</div></main>'
            f'<div class="trending"><h4>Trending</h4><ol>{_related(related)}</ol></div>'
            f'<div class="footer-links">About us | Careers | Terms of use</div></body></html>')


LAYOUTS: dict[str, Callable[[Article, list[str]], str]] = {
    "wire": wire, "blog": blog, "portal": portal, "legacy": legacy, "magazine": magazine, "live": live,
}


def index_page(article: Article) -> str:
    """A section front: headlines as links, nothing else."""
    items = "".join(f'<li><a href="/s/{i}">{_e(h)}</a> <span class="time">2 hours ago</span></li>'
                    for i, h in enumerate(article.links))
    return (_head(article) + f'<body><header>{_nav(article.outlet)}</header><main><h1>{_e(article.headline)}</h1>'
            f'<ul class="stream">{items}</ul><a class="more" href="?page=2">Load more</a></main></body></html>')


def render_page(article: Article, layout: str, related: list[str] = ()) -> str:
    """The page of ``article`` in one of ``LAYOUTS``; pages that are no news get their own markup."""
    if article.kind == "index":
        return index_page(article)
    return LAYOUTS[layout](article, list(related))
