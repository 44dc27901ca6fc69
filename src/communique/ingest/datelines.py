"""Leading date lines and wire datelines at the start of an article body.

Two different things sit at the top of news text:

* a *date line* some archives prepend, giving the publication date: `` date 2020-07-30``
  (the body may continue on the same line), ``Date: 2020-07-30``, ``Published: July 30, 2020``.
  It is not part of the article, so it is removed and offsets refer to what follows.
* a wire *dateline*, part of the article's first sentence: ``TOKYO, Nov. 25 (Xinhua) --``,
  ``GENEVA (Reuters) -``. It stays in the text; we only read the place and date from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..dates.grammar import parse_full_date, resolve_date_expression
from ..knowledge.english import MONTH_ABBREVIATIONS, MONTH_NAMES

DATE_LINE = re.compile(
    r"\A[ \t]*(?P<label>date|published|publication date|pubdate)[ \t]*[:=]?[ \t]+"
    r"(?P<value>\d{4}-\d{1,2}-\d{1,2}(?:[T ][0-9:.+\-Z]*)?(?=\s|\Z)"
    r"|[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})[ \t]*\n?",
    re.IGNORECASE,
)

# A month as datelines write it: its name or abbreviation, with or without a full stop.
_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in (*MONTH_NAMES, *MONTH_ABBREVIATIONS)),
                                 key=len, reverse=True)) + r")\.?"
DATELINE = re.compile(
    r"\A(?P<place>[A-Z][A-Z'’.\-]*(?: [A-Z][A-Z'’.\-]*){0,4})"  # TOKYO, NEW YORK, ST. LOUIS
    r"(?:,[ \t]*(?P<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,2}))?"  # , Afghanistan
    rf"(?:,[ \t]*(?P<date>{_MONTH}[ \t]?\d{{1,2}}(?:,[ \t]*\d{{4}})?))?"  # , Nov. 25
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?"  # (Xinhua)
    r"[ \t]*(?:--|—|–|-)[ \t]+"
)
_LOWER_PARTICLES = {"de", "da", "del", "do", "dos", "la", "le", "of", "es", "el", "al", "van", "von"}


@dataclass
class Dateline:
    place: str  # normalised: "Tokyo", "New York", "Rio de Janeiro"
    raw_place: str  # as written: "TOKYO"
    date: Optional[date]
    agency: Optional[str]
    end: int = 0  # offset in the body where the dateline (with its dash) ends


class InvalidDateLine(ValueError):
    """A date line whose date is not a calendar date ("date 2020-13-45")."""


def split_date_line(text: str) -> tuple[Optional[date], str]:
    """Remove a leading publication-date line; return (its date or None, the body).

    Leading blank lines of the body are dropped so that offsets start at its first word.
    """
    stripped = text.lstrip("\ufeff")
    match = DATE_LINE.match(stripped.lstrip("\r\n"))
    if match is None:
        return None, _strip_leading_blank(stripped)
    value = match["value"].strip()
    published = _iso_day(value) if ISO_DAY.match(value) else parse_full_date(value)
    if published is None:
        raise InvalidDateLine(f"invalid publication date {value!r} in the date line")
    body = stripped.lstrip("\r\n")[match.end():]
    return published, _strip_leading_blank(body)


ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _iso_day(value: str) -> Optional[date]:
    year, month, day = (int(g) for g in ISO_DAY.match(value).groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _strip_leading_blank(text: str) -> str:
    """Drop leading blank lines and the spaces before the first word; keep the rest as is."""
    return text.lstrip(" \t\r\n").rstrip()


def _previous_year(day: date) -> Optional[date]:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return None


def normalise_place(raw: str) -> str:
    words = []
    for i, word in enumerate(raw.split()):
        lower = word.lower()
        if i and lower in _LOWER_PARTICLES:
            words.append(lower)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in lower.split("-")))
    return " ".join(words)


def find_dateline(body: str, published: Optional[date]) -> Optional[Dateline]:
    """The wire dateline at the start of ``body``, if any (the body itself is not changed)."""
    match = DATELINE.match(body)
    if match is None:
        return None
    raw = match["place"].strip()
    letters = [c for c in raw if c.isalpha()]
    # "WASHINGTON -" alone is a dateline; a one-letter word or "I -" is not.
    if len(letters) < 3 or not (match["date"] or match["agency"] or len(raw) >= 4):
        return None
    when = None
    if match["date"]:
        when = parse_full_date(match["date"])
        if when is None and published is not None:
            resolved = resolve_date_expression(match["date"], published)
            when = resolved[0] if resolved else None
            if when is not None and when > published:  # a dateline never follows publication
                when = _previous_year(when)
    return Dateline(normalise_place(raw), raw, when, match["agency"], match.end())
