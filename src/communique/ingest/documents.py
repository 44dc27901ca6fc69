"""From text and its metadata to a ``Document``: the helpers every reader shares.

``make_document`` reads the wire dateline (place, date, where it ends) and settles the
publication date; ``decode`` and ``parse_published`` turn bytes and dates into text and
days; a record that cannot become a Document raises ``BadInput`` with the reason, which
the reader reports as a one-line ``CodingError``. Kept apart from the format readers so that
the page, WARC and feed readers use them without importing each other.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Optional

from ..model import Document
from .checks import BadInput, check_published, nul_line
from .datelines import find_dateline

_ISO_DAY = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?\Z")

__all__ = ["BadInput", "decode", "parse_published", "make_document"]


def decode(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); BadInput names the line of a bad byte."""
    line = nul_line(data)
    if line is not None:
        raise BadInput(f"binary data, not text: a NUL byte on line {line}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise BadInput(f"not UTF-8 text: byte 0x{data[exc.start]:02x} on line {line}") from None


def parse_published(value: Any) -> Optional[date]:
    """A record's publication date: YYYY-MM-DD, or an ISO timestamp of that day."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadInput(f"invalid published date {_shown(value)} (expected a YYYY-MM-DD string)")
    match = _ISO_DAY.match(value.strip())
    try:
        if match is None:
            raise ValueError
        day = date.fromisoformat(match.group(1))
    except ValueError:
        raise BadInput(f"invalid published date {_shown(value)} (expected YYYY-MM-DD)") from None
    return check_published(day)


def _shown(value: Any, limit: int = 60) -> str:
    """A value for an error line: its repr, cut to ``limit`` characters."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10 ** 60 else "a very long number"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def make_document(doc_id: str, text: str, origin: str, published: Optional[date],
                  fallback: Optional[date], **meta: Optional[str]) -> Document:
    """A Document with its wire dateline read; ``published`` wins over the run's ``fallback``."""
    if not text.strip():
        raise BadInput("empty text")
    check_published(published)  # whichever reader found it (a record, a page's metadata, a feed)
    pub = published or fallback
    place, dateline_date, end = dateline_fields(text, pub)
    if pub is None:
        pub = dateline_date  # only set when the dateline states its year
    return Document(id=doc_id, text=text, published=pub, origin=origin, dateline_place=place,
                    dateline_date=dateline_date, dateline_end=end, **meta)


def dateline_fields(text: str, published: Optional[date]) -> tuple[Optional[str], Optional[date], int]:
    """(place, date, end offset in ``text``) of the text's wire dateline, or (None, None, 0)."""
    body = text.lstrip()
    dateline = find_dateline(body, published) if body else None
    if dateline is None:
        return None, None, 0
    dateline_date = dateline.date
    if dateline_date is not None and not _within_years(dateline_date):
        dateline_date = None  # "TOKYO, Jan. 5, 0201 --": a slip; the place still counts
    return dateline.place, dateline_date, dateline.end + len(text) - len(body)


def _within_years(day: date) -> bool:
    try:
        check_published(day)
    except BadInput:
        return False
    return True
