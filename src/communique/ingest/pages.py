"""Web pages to article text: main text, title, publication date and URL, with trafilatura.

trafilatura finds the story among the page furniture (navigation, cookie banners, related
stories, comments) and htmldate, which it calls, finds the publication date in meta tags,
JSON-LD, ``<time>`` elements, visible date lines and the URL. It was chosen over the
project's earlier hand-written parser by measurement on pages built for that
(``benchmarks/page_extraction.py``; figures in the README).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional, Union

_SPACES = re.compile(r"[ \t\u00a0]+")
_ISO_DAY = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})")
# A paragraph that only points at another story ("Read more: <headline>") is furniture.
_POINTER = re.compile(r"\A(read more|read also|also read|related|see also|more on this)\s*:", re.IGNORECASE)


@dataclass
class WebPage:
    """What a page says about its story; ``text`` is empty for a page without one."""

    title: Optional[str]
    text: str
    published: Optional[date]
    url: Optional[str]
    site: Optional[str] = None

    @property
    def words(self) -> int:
        return len(self.text.split())


def _quiet() -> None:
    # trafilatura and htmldate log every discarded element at WARNING/INFO: noise in a batch run.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _day(value: Optional[str]) -> Optional[date]:
    match = _ISO_DAY.match(value or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _paragraphs(text: str, title: Optional[str]) -> str:
    """One blank line between paragraphs (as the .txt reader gives); a first line that only
    repeats the headline is dropped, so that the headline is not coded as the story's lead."""
    lines = []
    for line in text.splitlines():
        line = _SPACES.sub(" ", line).strip()
        if line.startswith("|") and line.endswith("|"):
            lines.extend(_story_cells(line))
        elif line and not _POINTER.match(line):
            lines.append(line)
    if lines and title and lines[0].casefold() == title.strip().casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _story_cells(row: str) -> list[str]:
    """The cells of a table row (trafilatura writes a layout table as "| cell | cell |") that
    read as prose: a page laid out with tables keeps its story in one cell and its menus and
    link lists, which end in no full stop, in the others."""
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    return [cell for cell in cells if cell.endswith((".", '"', "\u201d")) and len(cell.split()) >= 8]


def extract_page(markup: Union[str, bytes], url: Optional[str] = None) -> WebPage:
    """The story of one page. ``url`` (where the page was fetched) helps date and link it."""
    import trafilatura

    _quiet()
    found = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, deduplicate=False, favor_precision=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if found is None:
        return WebPage(title=None, text="", published=None, url=url)
    title = (found.title or "").strip() or None
    return WebPage(title=title, text=_paragraphs(found.text or "", title), published=_day(found.date),
                   url=found.url or url, site=found.sitename or found.hostname)


MIN_STORY_WORDS = 25
MIN_SENTENCE_SHARE = 0.5  # of the text's lines, those that end as a sentence does


def not_news(page: WebPage) -> Optional[str]:
    """Why a page read from a crawl or a feed holds no story to code, or None.

    A section front or a video stub gives a short text, or a list of headlines whose lines
    do not end as sentences do.
    """
    if page.words < MIN_STORY_WORDS:
        return f"main text has {page.words} words"
    lines = [line for line in page.text.split("\n\n") if line.strip()]
    sentences = sum(1 for line in lines if line.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", ")")))
    if sentences < MIN_SENTENCE_SHARE * len(lines):
        return f"main text is a list ({len(lines) - sentences} of {len(lines)} lines are no sentences)"
    return None


def url_document_id(url: str, text: str) -> str:
    """A readable, stable id for a page: host and last path word, and a hash of URL and text.

    The same page read again gets the same id (so ingest stays idempotent); an updated story
    at the same URL gets a new one (it is a new text), and near-duplicate folding can link them.
    """
    import hashlib
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.hostname or "page"
    host = host[4:] if host.startswith("www.") else host
    last = [p for p in parts.path.split("/") if p]
    slug = re.sub(r"\.(s?html?|php|aspx?)$", "", last[-1]) if last else ""
    slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")[:48].rstrip("-")
    digest = hashlib.sha1(f"{url}\n{text}".encode("utf-8")).hexdigest()[:10]
    return "-".join(p for p in (host.split(".")[0], slug, digest) if p)


def page_document(body: bytes, url: str, origin: str, fallback: Optional[date],
                  crawled: Optional[date] = None, title: Optional[str] = None) -> Union["Document", "Skipped"]:
    """The story of a fetched HTML page as a Document, or a Skipped "not news".

    The date is the page's own (meta tags, JSON-LD, visible date line, URL), else the run's
    ``--published``, else the day the page was fetched (``crawled``): news crawls fetch an
    article within a day or two of its publication. ``title`` (a feed item's) stands in
    for a page without one. Raises BadInput for a page that cannot be a document.
    """
    from .documents import make_document
    from .tally import NOT_NEWS, Skipped

    page = extract_page(body, url)
    problem = not_news(page)
    if problem:
        return Skipped(origin, NOT_NEWS, problem, url)
    return make_document(url_document_id(url, page.text), page.text, origin, page.published,
                         fallback or crawled, url=url, title=page.title or title, source=page.site)
