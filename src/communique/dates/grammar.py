"""Date expressions of English news text: a regular-expression grammar, and each match
resolved to a calendar date against a reference day (the publication or filing date).

``find_date_expressions`` gives every expression of a text with its character span, its date
and its precision; ``resolve_date_expression`` the first one; ``parse_full_date`` a complete
calendar date with its year (for date lines and datelines). Which expression dates which
event is decided over the parse in :mod:`communique.dates.events`.

Precision (``date_precision`` of the event record: day / week / month / year, or published)
says how much of the date the text states, and the date is the first day of the period
named: ``day`` for a calendar day (weekday names, "yesterday", "Nov. 25", "last weekend" =
its Saturday); ``week`` for a week ("last week", "earlier this week", "next week", "three
weeks ago"; the date is that week's Monday); ``month`` for a month ("in March", "last
month"; the 1st); ``year`` for a year ("in 2019", "last year"; 1 January). Each mention also
carries the last day of the period it names (``last_day``), from which
:mod:`communique.background` tells news from background.

Guards against misfires: month names only count next to a day, a year or a preposition
("in May", not the modal "may" or "Theresa May"); "May"/"March" alone and bare years
("in 2019") are marked ``ambiguous`` (the events module also needs spaCy to tag them DATE);
weekdays are not dates in newspaper titles ("Sunday Times") or feasts ("Good Friday"); years
only count after a preposition, so "Vision 2030" stays a name. The words (month and weekday
names, number words) come from :mod:`communique.knowledge.english`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from ..background import is_background
from ..knowledge.english import (ABBREVIATIONS_NEEDING_STOP, MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS,
                                 NUMBER_WORDS, WEEKDAY_NAME_WORDS, WEEKDAY_NAMES, WEEKDAY_TITLE_WORDS,
                                 WEEKDAYS)

NEAR_FUTURE_DAYS = 14  # "Dec. 5" in a piece of Dec. 1 is this year's, not last year's
PLANNED_PAST_DAYS = 186  # a planned "March 3" this far behind publication is next year's


def _capitalised(words) -> list[str]:
    """Words as written at the start of a name ("january" -> "January"), longest first so that
    no alternative of a regex hides a longer one."""
    return sorted((w[:1].upper() + w[1:] for w in words), key=len, reverse=True)


_FULL_MONTH = "(?:" + "|".join(_capitalised(MONTH_NAMES)) + ")"
# Abbreviations need their full stop where they are also words ("Mar."), except where digits follow.
_ABBREVIATED_MONTH = "|".join(re.escape(a) + (r"\." if a.lower() in ABBREVIATIONS_NEEDING_STOP else r"\.?")
                              for a in _capitalised(MONTH_ABBREVIATIONS))
_MONTH = "(?:" + "|".join(_capitalised(MONTH_NAMES)) + "|" + _ABBREVIATED_MONTH + ")"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = "(?:" + "|".join(_capitalised(WEEKDAY_NAMES)) + ")"
# ("Two days ago" opens a sentence: the number words in any case)
_NUMBER = r"(?:\d{1,2}|(?i:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + "))"

# Every alternative starts at a word boundary: testing it once, before the alternatives, spares
# trying each of them at every position inside a word (the scan of a document is 4x faster). Every
# alternative starts with a letter or digit too: a pattern that opens with that character class lets
# the regex engine skip spaces and punctuation without entering the alternation (2x faster again).
DATE_PATTERN = re.compile(r"(?=[0-9A-Za-z])\b(?:" + "|".join([
        rf"(?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b)",
        rf"(?P<my>\b(?P<my_m>{_FULL_MONTH})\s+(?P<my_y>{_YEAR})\b)",
        rf"(?P<md>\b(?P<md_m>{_MONTH})\s?(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)"
        rf"(?:,?\s+(?P<md_y>{_YEAR})\b)?)",
        rf"(?P<dm>\b(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?![a-z])"
        rf"(?:,?\s+(?P<dm_y>{_YEAR})\b)?)",
        rf"(?P<mo>\b(?P<mo_pre>[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate"
        rf"|[Ll]ast|[Tt]his|[Nn]ext|[Oo]f|[Ii]n early|[Ii]n late|[Ii]n mid-?)[\s-]+"
        rf"(?P<mo_m>{_FULL_MONTH})\b(?!['’]s)(?!\s+\d))",
        rf"(?P<mid>\b[Mm]id-(?P<mid_m>{_FULL_MONTH})\b)",
        rf"(?P<yr>\b(?P<yr_pre>[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate"
        rf"|[Ii]n early|[Ii]n late|[Ii]n mid-)\s+(?P<yr_y>{_YEAR})\b(?![-–/]\d)(?!,\d))",
        rf"(?P<wd>\b(?:(?P<wd_mod>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Oo]n)\s+)?(?P<wd_d>{_WEEKDAY})"
        rf"(?:\s+(?:night|morning|afternoon|evening))?\b(?!['’]s\s+(?:edition|paper|issue)))",
        rf"(?P<ago>\b(?P<ago_n>{_NUMBER})\s+(?P<ago_u>day|week|month|year)s?\s+ago\b)",
        r"(?P<ana>\b(?:[Tt]he previous (?:day|night|evening)|[Tt]he (?:day|night) before|(?:[Ll]ater |[Ee]arlier )?"
        r"(?:[Tt]he|[Tt]hat) same (?:day|night|evening)|(?:[Ll]ater |[Ee]arlier )?[Tt]hat (?:day|night|evening|morning|afternoon)"
        r"|[Tt]he (?:next|following) (?:day|morning)"
        rf"|(?P<ana_n>[Aa]|{_NUMBER}) (?P<ana_u>day|week)s? (?P<ana_dir>later|earlier))\b)",
        r"(?P<rel>\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night|[Ll]ate last night"
        r"|[Ee]arlier (?:today|this week|this month|this year)|[Ll]ast (?:week|weekend|month|year)"
        r"|[Tt]his (?:morning|afternoon|evening|week|weekend|month)|[Nn]ext (?:week|month|year))\b)",
    ]) + ")"
)
# Phrases dated from the event told just before them, not from the publication date:
# "later the same day", "the previous day". The value is the shift in days.
# ("a day later", "three days earlier", "a week later" are counted from their number.)
ANAPHORIC_SHIFT = {"previous": -1, "before": -1, "same": 0, "that": 0, "next": 1, "following": 1}


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: character span in the text, the date and its precision."""

    start: int
    end: int
    text: str
    date: date
    precision: str  # day | week | month | year
    last_day: date  # end of the period it names, for the historical test
    ambiguous: bool = False  # "in May" / "in 2019": needs a spaCy DATE entity to count
    relative: bool = False  # depends on the publication date (weekday, yesterday, ...)
    shift: Optional[int] = None  # "the previous day" (-1): days from the event told before it

    def is_historical(self, published: Optional[date]) -> bool:
        """The period it names ended long enough before ``published`` to be background."""
        return is_background(self.last_day, published)


# --- resolution of one match ---------------------------------------------------------

def _month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _day_in_year(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, year: Optional[int], published: Optional[date],
               future: bool) -> Optional[date]:
    """A month and day, the year stated or taken from the publication date."""
    if year is not None:
        return _day_in_year(year, month, day)
    if published is None:
        return None
    candidate = _day_in_year(published.year, month, day)
    if candidate is None:  # 29 February in a common year: the latest leap year before
        return _day_in_year(published.year - 1, month, day) if not future else None
    horizon = NEAR_FUTURE_DAYS if not future else 366
    if (candidate - published).days > horizon:
        return _day_in_year(published.year - 1, month, day)
    if future and candidate < published - timedelta(days=PLANNED_PAST_DAYS):
        return _day_in_year(published.year + 1, month, day)
    return candidate


def _weekday(target: int, modifier: str, published: date, future: bool) -> date:
    modifier = modifier.lower()
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if modifier == "next":
        return published + timedelta(days=ahead or 7)
    if modifier in ("last", "past"):
        return published - timedelta(days=back or 7)
    if future:  # "will meet on Friday": the next Friday (today counts)
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)  # "on Tuesday": the latest Tuesday, today counts


def _month_only(month: int, modifier: str, published: date, future: bool) -> tuple[date, date]:
    modifier = modifier.lower().strip()
    year = published.year
    if modifier == "next" or (future and modifier not in ("last", "since")):
        if month < published.month or (modifier == "next" and month <= published.month):
            year += 1
    elif modifier == "last":
        if month >= published.month:
            year -= 1
    elif month > published.month:
        year -= 1
    return date(year, month, 1), _month_end(year, month)


def _ago(number: str, unit: str, published: date) -> tuple[date, str, date]:
    n = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
    if unit == "day":
        d = published - timedelta(days=n)
        return d, "day", d
    if unit == "week":  # the week that holds the day n weeks back, from its Monday
        d = published - timedelta(days=7 * n)
        return _monday(d), "week", d + timedelta(days=6)
    if unit == "month":
        d = published - timedelta(days=30 * n)
        return d.replace(day=1), "month", _month_end(d.year, d.month)
    return date(published.year - n, 1, 1), "year", date(published.year - n, 12, 31)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _relative(phrase: str, published: date) -> tuple[date, str, date]:
    p = phrase.lower()
    monday = _monday(published)
    if p in ("yesterday", "last night", "late last night", "the previous day", "the day before",
             "a day earlier"):
        d = published - timedelta(days=1)
        return d, "day", d
    if p == "tomorrow":
        d = published + timedelta(days=1)
        return d, "day", d
    if p in ("today", "tonight", "this morning", "this afternoon", "this evening",
             "earlier today", "the same day"):
        return published, "day", published
    if p == "last week":
        return monday - timedelta(days=7), "week", monday - timedelta(days=1)
    if p in ("this week", "earlier this week"):
        return monday, "week", published
    if p == "next week":
        return monday + timedelta(days=7), "week", monday + timedelta(days=13)
    if p in ("last weekend", "this weekend"):
        back = (published.weekday() - 5) % 7 or 7  # the latest Saturday before today
        if p == "this weekend" and published.weekday() >= 5:
            back = published.weekday() - 5
        d = published - timedelta(days=back)
        return d, "day", d + timedelta(days=1)
    if p == "last month":
        last = published.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), "month", last
    if p in ("this month", "earlier this month"):
        return published.replace(day=1), "month", published
    if p == "next month":
        first = _month_end(published.year, published.month) + timedelta(days=1)
        return first, "month", _month_end(first.year, first.month)
    if p == "last year":
        return date(published.year - 1, 1, 1), "year", date(published.year - 1, 12, 31)
    if p == "earlier this year":
        return date(published.year, 1, 1), "year", published
    if p == "next year":
        return date(published.year + 1, 1, 1), "year", date(published.year + 1, 12, 31)
    raise KeyError(phrase)


def _weekday_is_a_name(text: str, match: re.Match) -> bool:
    """'Sunday Times', 'Good Friday', 'Black Friday': weekday words that are not dates."""
    after = text[match.end("wd_d"):match.end("wd_d") + 20].split(None, 1)
    if after and after[0].strip(".,;:") in WEEKDAY_TITLE_WORDS:
        return True
    before = text[max(0, match.start("wd_d") - 12):match.start("wd_d")].split()
    return bool(before) and not match.group("wd_mod") and before[-1].lower() in WEEKDAY_NAME_WORDS


def _resolve(match: re.Match, text: str, published: Optional[date],
             future: bool = False) -> Optional[DateMention]:
    """Turn one regex match into a DateMention, or None when it cannot be resolved: also when it
    falls outside the calendar ("last week" in a piece dated 0001-01-03, "next year" in 9999)."""
    try:
        return _resolve_match(match, text, published, future)
    except (OverflowError, ValueError):
        return None


def _resolve_match(match: re.Match, text: str, published: Optional[date], future: bool) -> Optional[DateMention]:
    kind = match.lastgroup
    ambiguous = relative = False
    start, end = match.span()
    d: Optional[date]
    if kind == "iso":
        d = _day_in_year(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
        precision, last = "day", d
    elif kind == "md" or kind == "dm":
        month = _month_number(match[f"{kind}_m"])
        year = match[f"{kind}_y"]
        relative = year is None
        d = _month_day(month, int(match[f"{kind}_d"]), int(year) if year else None, published, future)
        precision, last = "day", d
    elif kind == "my":
        month, year = _month_number(match["my_m"]), int(match["my_y"])
        d, precision, last = date(year, month, 1), "month", _month_end(year, month)
    elif kind in ("mo", "mid"):
        if published is None:
            return None
        month_word = match[f"{kind}_m"]
        modifier = match["mo_pre"] if kind == "mo" else "mid"
        d, last = _month_only(_month_number(month_word), modifier, published, future)
        precision, relative = "month", True
        ambiguous = month_word in ("May", "March")
        start = match.start(f"{kind}_m") if kind == "mo" and modifier.lower() in ("in", "since", "during", "until", "till", "by", "from", "of") else start
    elif kind == "yr":
        year = int(match["yr_y"])
        d, precision, last = date(year, 1, 1), "year", date(year, 12, 31)
        ambiguous = True
        start = match.start("yr_y")
    elif kind == "wd":
        if published is None or _weekday_is_a_name(text, match):
            return None
        modifier = match["wd_mod"] or ""
        d = _weekday(WEEKDAYS[match["wd_d"].lower()], modifier, published, future)
        precision, last, relative = "day", d, True
        if modifier.lower() == "on":
            start = match.start("wd_d")
    elif kind == "ago":
        if published is None:
            return None
        d, precision, last = _ago(match["ago_n"], match["ago_u"], published)
        relative = True
    elif kind == "ana":
        if published is None:
            return None
        if match.group("ana_n"):
            n = match.group("ana_n").lower()
            n = 1 if n == "a" else int(n) if n.isdigit() else NUMBER_WORDS[n]
            shift = n * (7 if match.group("ana_u") == "week" else 1) * (1 if match.group("ana_dir") == "later" else -1)
        else:
            shift = next(v for k, v in ANAPHORIC_SHIFT.items() if k in match.group().lower().split())
        d = published + timedelta(days=min(shift, 0))  # alone, the day before or of publication
        return DateMention(start, end, text[start:end], d, "day", d, relative=True, shift=shift)
    elif kind == "rel":
        if published is None:
            return None
        d, precision, last = _relative(match.group(), published)
        relative = True
    else:  # pragma: no cover - every alternative is named
        return None
    if d is None or last is None:
        return None
    return DateMention(start, end, text[start:end], d, precision, last, ambiguous, relative)


# --- public helpers --------------------------------------------------------------------

def find_date_expressions(text: str, published: Optional[date], future: bool = False,
                          offset: int = 0) -> list[DateMention]:
    """All resolvable date expressions of ``text``, left to right (offsets + ``offset``)."""
    found = []
    for match in DATE_PATTERN.finditer(text):
        mention = _resolve(match, text, published, future)
        if mention is not None:
            if offset:
                mention = DateMention(mention.start + offset, mention.end + offset, mention.text,
                                      mention.date, mention.precision, mention.last_day,
                                      mention.ambiguous, mention.relative, mention.shift)
            found.append(mention)
    return found


def resolve_date_expression(text: str, published: Optional[date],
                            future: bool = False) -> Optional[tuple[date, str]]:
    """The date and precision of the first date expression in ``text``.

    >>> resolve_date_expression("on Tuesday", date(2020, 7, 30))
    (datetime.date(2020, 7, 28), 'day')
    """
    for mention in find_date_expressions(text, published, future):
        return mention.date, mention.precision
    return None


def parse_full_date(text: str) -> Optional[date]:
    """A complete calendar date with its year ("2020-07-30", "July 30, 2020", "30 July 2020")."""
    text = text.strip()
    match = DATE_PATTERN.fullmatch(text)
    if match is None or match.lastgroup not in ("iso", "md", "dm"):
        return None
    if match.lastgroup != "iso" and not match[f"{match.lastgroup}_y"]:
        return None
    mention = _resolve(match, text, None)
    return mention.date if mention else None
