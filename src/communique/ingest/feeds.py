"""RSS 2.0 and Atom feeds, and the article pages they link to, fetched over HTTP(S).

``fetch`` makes one bounded GET (timeout, size cap, conditional on ETag/Last-Modified);
``parse_feed`` reads a feed's items with feedparser; ``article_item`` turns a fetched page
into a Document (or a Skipped: not HTML, not news, another language). Every failure is a
``FetchError`` with a one-line message; nothing here touches the store.
"""
from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from typing import Optional, Union

from .. import __version__
from ..model import Document
from .language import foreign_language
from .pages import page_document
from .readers import BadInput
from .tally import NON_ENGLISH, NOT_HTML, Skipped

USER_AGENT = f"communique/{__version__} (news event coder; feed watcher)"
TIMEOUT_S = 20.0
MAX_BYTES = 5_000_000
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Types a server gives a file it cannot name (a static server and a page without .html): sniffed.
GENERIC_TYPES = ("", "application/octet-stream", "text/plain")


def looks_like_html(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


class FetchError(Exception):
    """A feed or page that could not be fetched or read: the message is one line."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when the feed did not change
    body: bytes
    content_type: str
    etag: Optional[str] = None
    modified: Optional[str] = None


@dataclass
class FeedItem:
    key: str  # the item's guid/id, else its link
    url: Optional[str]
    title: Optional[str]
    published: Optional[date]


def fetch(url: str, etag: Optional[str] = None, modified: Optional[str] = None,
          timeout: float = TIMEOUT_S) -> Fetched:
    """GET ``url`` (http or https only); 304 comes back as status 304 with an empty body."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: not an http(s) URL")
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"{url}: larger than {MAX_BYTES:,} bytes")
            return Fetched(response.geturl(), response.status, body,
                           (response.headers.get("Content-Type") or "").split(";")[0].strip().lower(),
                           response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(url, 304, b"", "", etag, modified)
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason if not isinstance(exc.reason, socket.timeout) else f"timed out after {timeout:g} s"
        raise FetchError(f"{url}: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:  # connection reset, bad status line, malformed URL
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None


def _entry_date(entry) -> Optional[date]:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return date(parsed[0], parsed[1], parsed[2])
    except (TypeError, ValueError):
        return None


def parse_feed(body: bytes, url: str) -> tuple[Optional[str], list[FeedItem]]:
    """(feed title, items in feed order) of an RSS or Atom document."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        first = str(problem).splitlines()[0] if problem else "no RSS or Atom elements"
        raise FetchError(f"{url}: not an RSS or Atom feed ({first})")
    items = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip() or None
        key = (entry.get("id") or "").strip() or link
        if not key:
            continue  # an item with neither id nor link cannot be followed or remembered
        items.append(FeedItem(key, link, (entry.get("title") or "").strip() or None, _entry_date(entry)))
    return (parsed.feed.get("title") or None), items


def article_item(item: FeedItem, fetched: Fetched, origin: str,
                 english_only: bool = True) -> Union[Document, Skipped]:
    """The fetched page of a feed item as a Document, or why it is skipped.

    The page's own title and date win; the item's stand in where the page has none, and the
    day it was fetched where neither has one. Raises BadInput for a page with no usable text.
    """
    if fetched.content_type not in HTML_TYPES and not (
            fetched.content_type in GENERIC_TYPES and looks_like_html(fetched.body)):
        return Skipped(origin, NOT_HTML, fetched.content_type or "no content type", fetched.url)
    result = page_document(fetched.body, fetched.url, origin, item.published, date.today(), item.title)
    if isinstance(result, Document) and english_only:
        language = foreign_language(result.text)
        if language:
            return Skipped(origin, NON_ENGLISH, language, fetched.url)
    return result


__all__ = ["fetch", "parse_feed", "article_item", "Fetched", "FeedItem", "FetchError", "BadInput"]
