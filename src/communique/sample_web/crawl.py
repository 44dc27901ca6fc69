"""Feeds, a servable site folder and a WARC crawl built from the invented stories.

``build_warc`` writes a crawl with what a real news crawl holds besides stories (requests,
metadata and revisit records, images, scripts and feeds, redirects and missing pages, broken
bodies, stories in other languages, section fronts, exact and near copies) and returns the
counts a reader must find. ``rss_feed``/``atom_feed`` and ``write_site`` give a folder that a
local HTTP server serves to the feed watcher.

    python -m communique.sample_web.crawl crawl.warc.gz     # writes a sample crawl
    python -m communique.sample_web.crawl site/ --site       # writes pages and feeds
"""
from __future__ import annotations

import io
import random
import sys
from dataclasses import dataclass, field
from datetime import datetime, time, timezone
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Iterable, Optional

from .articles import Article, english_articles, foreign_articles, near_copy, not_news_pages
from .layouts import LAYOUTS, render_page

NON_HTML = (("image/jpeg", b"\xff\xd8\xff\xe0 jpeg"), ("text/css", b"body{margin:0}"),
            ("application/javascript", b"window.x=1;"), ("application/rss+xml", b"<rss></rss>"),
            ("application/json", b'{"ok": true}'))


@dataclass
class CrawlCounts:
    """What a reader must find in the crawl ``build_warc`` wrote."""

    records: int = 0
    stories: int = 0  # English stories, coded
    near_copies: int = 0  # coded until near-duplicate folding folds them
    exact_copies: int = 0  # skipped as duplicate by the store's content hash
    foreign: dict[str, int] = field(default_factory=dict)  # language -> pages
    not_news: int = 0
    not_html: int = 0
    http_status: int = 0
    not_response: int = 0  # warcinfo, request, metadata, revisit
    broken: int = 0  # responses whose body cannot be decoded: errors


def page_url(article: Article, base: Optional[str] = None) -> str:
    """The story's URL, on its own invented host or under ``base`` (a local server)."""
    if base is None:
        return article.url
    return base.rstrip("/") + "/" + article.url.split("/", 3)[3]


def _http_response(body: bytes, content_type: str, status: str = "200 OK", extra: str = "") -> bytes:
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
            f"{extra}Server: sample\r\n\r\n")
    return head.encode("latin-1") + body


def _http_request(url: str) -> bytes:
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: sample-crawler/1.0\r\n\r\n".encode("latin-1")


class _Writer:
    def __init__(self, handle, gzip: bool):
        from warcio.warcwriter import WARCWriter

        self.writer = WARCWriter(handle, gzip=gzip)
        self.records = 0

    def write(self, uri: str, kind: str, payload: bytes, when: datetime, content_type: str = "") -> None:
        headers = {"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")}
        record = self.writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), length=len(payload),
                                                warc_headers_dict=headers, warc_content_type=content_type)
        self.writer.write_record(record)
        self.records += 1

    def fetch(self, url: str, response: bytes, when: datetime, metadata: bool = False) -> None:
        """A request and its response, as a crawler writes them (and sometimes a metadata record)."""
        self.write(url, "request", _http_request(url), when)
        self.write(url, "response", response, when)
        if metadata:
            self.write(url, "metadata", b"fetchTimeMs: 120\r\noutlinks: 14\r\n", when, "application/warc-fields")


def _when(article: Article, hour: int) -> datetime:
    return datetime.combine(article.published, time(hour % 24, 5), tzinfo=timezone.utc)


def build_warc(path: Path, stories: int = 120, copies: int = 12, near: int = 12, foreign: int = 30,
               not_news: int = 15, non_html: int = 40, statuses: int = 10, broken: int = 3,
               seed: int = 7) -> CrawlCounts:
    """Write a crawl to ``path`` (gzipped per record when it ends in .gz); return its counts."""
    rng = random.Random(seed)
    english = english_articles(stories, seed=seed)
    layouts = list(LAYOUTS)
    headlines = [a.headline for a in english]
    counts = CrawlCounts(stories=stories, near_copies=near, exact_copies=copies, not_news=not_news,
                         not_html=non_html, http_status=statuses, broken=broken)
    # (url, response bytes, when) in crawl order; copies come after their originals.
    fetches: list[tuple[str, bytes, datetime]] = []
    pages: dict[str, bytes] = {}
    for i, article in enumerate(english):
        related = rng.sample(headlines, min(4, len(headlines)))
        body = render_page(article, layouts[i % len(layouts)], related).encode("utf-8")
        pages[article.id] = body
        fetches.append((article.url, _http_response(body, "text/html; charset=utf-8"), _when(article, i)))
    for i, article in enumerate(english[:copies]):  # the same page under a tracking parameter
        fetches.append((article.url + "?utm_source=feed", _http_response(pages[article.id], "text/html"),
                        _when(article, i + 3)))
    for i, article in enumerate(english[copies:copies + near]):
        copy = near_copy(article, i)
        body = render_page(copy, layouts[(i + 2) % len(layouts)], rng.sample(headlines, min(4, len(headlines)))).encode("utf-8")
        fetches.append((copy.url, _http_response(body, "text/html; charset=utf-8"), _when(article, i + 5)))
    for i, article in enumerate(foreign_articles(foreign, seed=seed)):
        counts.foreign[article.language] = counts.foreign.get(article.language, 0) + 1
        body = render_page(article, layouts[i % len(layouts)], []).encode("utf-8")
        fetches.append((article.url, _http_response(body, "text/html; charset=utf-8"), _when(article, i)))
    for i, page in enumerate(not_news_pages(not_news, headlines)):
        body = render_page(page, layouts[i % len(layouts)], headlines[:4]).encode("utf-8")
        fetches.append((page.url, _http_response(body, "text/html"), _when(page, i)))
    for i in range(non_html):
        content_type, body = NON_HTML[i % len(NON_HTML)]
        article = english[i % len(english)]
        fetches.append((f"https://{article.host}/assets/{i}.{content_type.split('/')[1].split('+')[0]}",
                        _http_response(body, content_type), _when(article, i)))
    for i in range(statuses):
        article = english[i % len(english)]
        status = ("301 Moved Permanently", "404 Not Found")[i % 2]
        extra = f"Location: {article.url}\r\n" if status.startswith("301") else ""
        fetches.append((f"https://{article.host}/old/{i}", _http_response(b"", "text/html", status, extra),
                        _when(article, i)))
    for i in range(broken):
        article = english[-1 - i]
        garbage = b"\x1f\x8b\x08\x00 not really gzip " + bytes(range(40))
        fetches.append((f"https://{article.host}/broken/{i}",
                        _http_response(garbage, "text/html", extra="Content-Encoding: gzip\r\n"), _when(article, i)))
    originals, rest = fetches[:stories], fetches[stories:]
    rng.shuffle(originals)
    rng.shuffle(rest)
    with open(path, "wb") as handle:
        writer = _Writer(handle, gzip=str(path).endswith(".gz"))
        writer.write("", "warcinfo", b"software: communique sample crawl\r\nformat: WARC 1.0\r\n",
                     datetime(2024, 7, 1, tzinfo=timezone.utc), "application/warc-fields")
        for n, (url, response, when) in enumerate(originals + rest):
            writer.fetch(url, response, when, metadata=n % 4 == 0)
            if n % 50 == 10:  # a revisit record: the crawler saw the page unchanged
                writer.write(url, "revisit", b"", when)
        counts.records = writer.records
    responses = len(fetches)
    counts.not_response = counts.records - responses
    return counts


def rss_feed(title: str, link: str, items: Iterable[Article], base: Optional[str] = None) -> str:
    """An RSS 2.0 feed of the stories, newest first."""
    entries = "".join(
        f"<item><title>{escape(a.headline)}</title><link>{escape(page_url(a, base))}</link>"
        f'<guid isPermaLink="false">{escape(a.host)}:{a.id}</guid>'
        f"<pubDate>{format_datetime(_when(a, 8))}</pubDate>"
        f"<description>{escape(a.paragraphs[0][:120] if a.paragraphs else '')}</description></item>"
        for a in sorted(items, key=lambda a: a.published, reverse=True))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>{escape(link)}</link><description>{escape(title)}</description>{entries}</channel></rss>")


def atom_feed(title: str, link: str, items: Iterable[Article], base: Optional[str] = None) -> str:
    """An Atom 1.0 feed of the stories, newest first."""
    entries = "".join(
        f"<entry><title>{escape(a.headline)}</title><link href=\"{escape(page_url(a, base))}\"/>"
        f"<id>tag:{escape(a.host)},2024:{a.id}</id><updated>{_when(a, 8).isoformat()}</updated></entry>"
        for a in sorted(items, key=lambda a: a.published, reverse=True))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><link href=\"{escape(link)}\"/><id>{escape(link)}</id>"
            f"<updated>2024-07-01T00:00:00Z</updated>{entries}</feed>")


def site_files(stories: list[Article], base: str) -> dict[str, tuple[str, bytes]]:
    """Path -> (content type, body) of each story's page and of an RSS and an Atom feed of them."""
    layouts = list(LAYOUTS)
    files = {}
    for i, article in enumerate(stories):
        path = "/" + page_url(article, base).split("/", 3)[3]
        files[path] = ("text/html; charset=utf-8", render_page(article, layouts[i % len(layouts)], []).encode("utf-8"))
    half = len(stories) // 2
    files["/rss.xml"] = ("application/rss+xml", rss_feed("World (RSS)", base, stories[:half], base).encode("utf-8"))
    files["/atom.xml"] = ("application/atom+xml", atom_feed("World (Atom)", base, stories[half:], base).encode("utf-8"))
    return files


def write_site(folder: Path, stories: list[Article], base: str) -> list[str]:
    """Write ``site_files`` under ``folder`` (for ``python -m http.server``); return the feed paths."""
    for path, (_, body) in site_files(stories, base).items():
        target = folder / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    return ["/rss.xml", "/atom.xml"]


def main(argv: list[str]) -> None:
    if len(argv) >= 2 and argv[1] == "--site":
        base = argv[2] if len(argv) > 2 else "http://127.0.0.1:8765"
        feeds = write_site(Path(argv[0]), english_articles(12, seed=21), base)
        print(f"site in {argv[0]}: feeds {', '.join(base + f for f in feeds)}")
        return
    target = Path(argv[0] if argv else "crawl.warc.gz")
    counts = build_warc(target)
    print(f"{target}: {counts}")


if __name__ == "__main__":
    main(sys.argv[1:])
