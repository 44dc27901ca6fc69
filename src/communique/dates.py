"""Event dates: resolve the date expressions of news text against the publication date.

Most wire events happened before the day of publication ("said on Tuesday"), so the
publication date is only the last resort. For each event the date comes from, in order:

1. a date expression in the event's own sentence, preferring one attached in the
   dependency tree to the trigger's governing verb (``_best_mention``);
2. the article's anchor date: the date of the first dated event (statements reported from
   a meeting or call take the date of that meeting or call), or else of the first dated
   expression in the lede (first two sentences);
3. the wire dateline's date (``Document.dateline_date``);
4. the publication date, with precision ``"published"``.

Relative expressions ("on Tuesday", "yesterday") count from the dateline's day when there is
one (the day the story was filed), else from the publication date; the dateline's own date
is never an event's date expression. "The same day", "the previous day" count from the
event told just before (``_resolve_anaphoric``). A date that belongs to what an event
promises or plans ("agreed to resume talks in November", "said they would meet on Friday")
is not the date of the event unless the event itself is coded as future
(``_dates_a_plan``); a date right after a reporting verb ("said on Wednesday they would
...") belongs to that verb whatever the parse says.

Precision (the contract allows only day / month / year / published) says how much of the
date the text states: ``day`` for a calendar day (weekday names, "yesterday", "Nov. 25",
"last weekend" = its Saturday), ``month`` for a month ("in March", "last month") and also
for week-sized spans ("last week", "earlier this week", "three weeks ago"), which have no
precision of their own: their date is the best single-day estimate (for "last week" the
publication date minus 7 days) and ``month`` says "not to the day". ``year`` for a year
("in 2019", "last year"; the date is 1 January). Dates whose period ends more than
``HISTORICAL_DAYS`` before publication mark the event ``historical`` (background).

Guards against misfires: month names only count next to a day, a year or a preposition
("in May", not the modal "may" or "Theresa May"); "May"/"March" alone and bare years
("in 2019") also need spaCy to tag them DATE when a parsed doc is given; weekdays are not
dates in newspaper titles ("Sunday Times") or feasts ("Good Friday"); years only count
after a preposition, so "Vision 2030" stays a name.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Optional

HISTORICAL_DAYS = 31  # a period ending more than this long before publication is background
NEAR_FUTURE_DAYS = 14  # "Dec. 5" in a piece of Dec. 1 is this year's, not last year's
LEDE_SENTENCES = 2  # sentences searched for an anchor date when no event carries one

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3,
                "a few": 3, "few": 3}
# A weekday followed by one of these is a title, not a date ("Sunday Times").
WEEKDAY_TITLE_WORDS = {"Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Star",
                       "Independent", "Mail", "Observer", "Tribune", "Sport", "People"}
# A weekday preceded by one of these is a feast, a sale or a historical name.
WEEKDAY_NAME_WORDS = {"good", "black", "bloody", "ash", "palm", "holy", "super", "cyber",
                      "maundy", "easter", "whit", "blue"}

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Abbreviations need their full stop, except where digits follow (checked by the patterns).
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER = r"(?:\d{1,2}|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)"

DATE_PATTERN = re.compile(
    "|".join([
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
        r"(?P<ana>\b(?:[Tt]he previous day|[Tt]he day before|[Aa] day earlier|(?:[Ll]ater |[Ee]arlier )?"
        r"(?:[Tt]he|[Tt]hat) same day|[Ll]ater that day|[Ee]arlier that day|[Tt]he (?:next|following) day"
        r"|[Aa] day later)\b)",
        r"(?P<rel>\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night|[Ll]ate last night"
        r"|[Ee]arlier (?:today|this week|this month|this year)|[Ll]ast (?:week|weekend|month|year)"
        r"|[Tt]his (?:morning|afternoon|evening|week|weekend|month)|[Nn]ext (?:week|month|year))\b)",
    ])
)
# Phrases dated from the event told just before them, not from the publication date:
# "later the same day", "the previous day". The value is the shift in days.
ANAPHORIC_SHIFT = {"previous day": -1, "day before": -1, "day earlier": -1, "same day": 0,
                   "that day": 0, "next day": 1, "following day": 1, "day later": 1}


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: character span in the text, the date and its precision."""

    start: int
    end: int
    text: str
    date: date
    precision: str  # day | month | year
    last_day: date  # end of the period it names, for the historical test
    ambiguous: bool = False  # "in May" / "in 2019": needs a spaCy DATE entity to count
    relative: bool = False  # depends on the publication date (weekday, yesterday, ...)
    shift: Optional[int] = None  # "the previous day" (-1): days from the event told before it

    def is_historical(self, published: Optional[date]) -> bool:
        return published is not None and (published - self.last_day).days > HISTORICAL_DAYS


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
    if future and candidate < published - timedelta(days=HISTORICAL_DAYS * 6):
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
    if unit == "week":
        d = published - timedelta(days=7 * n)
        return d, "month", d + timedelta(days=6)
    if unit == "month":
        d = published - timedelta(days=30 * n)
        return d.replace(day=1), "month", _month_end(d.year, d.month)
    return date(published.year - n, 1, 1), "year", date(published.year - n, 12, 31)


def _relative(phrase: str, published: date) -> tuple[date, str, date]:
    p = phrase.lower()
    monday = published - timedelta(days=published.weekday())
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
        d = published - timedelta(days=7)
        return d, "month", monday - timedelta(days=1)
    if p in ("this week", "earlier this week"):
        return monday, "month", published
    if p == "next week":
        return monday + timedelta(days=7), "month", monday + timedelta(days=13)
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
    """Turn one regex match into a DateMention, or None when it cannot be resolved."""
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
        shift = next(v for k, v in ANAPHORIC_SHIFT.items() if k in match.group().lower())
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


# --- assigning dates to events ---------------------------------------------------------

class _DocIndex:
    """Token and sentence look-ups by character offset, built once per document."""

    def __init__(self, sdoc):
        self.sdoc = sdoc
        self.token_starts = [t.idx for t in sdoc]
        self.sents = list(sdoc.sents)
        self.sent_starts = [s.start_char for s in self.sents]

    def token_at(self, char: int):
        i = bisect.bisect_right(self.token_starts, char) - 1
        return self.sdoc[max(i, 0)]

    def sentence_of(self, char: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)


def _governing_verb(token):
    """The verb whose clause holds ``token`` (the token itself if it is a verb)."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 50:
        token = token.head
        seen += 1
    return token


FUTURE_AUXILIARIES = {"will", "shall", "would", "'ll", "plan", "expect", "to"}
# Verbs whose object is something still to come: a bare month they govern is an upcoming one.
COMMITMENT_VERBS = {"pledge", "promise", "vow", "offer", "agree", "commit", "announce", "plan",
                    "schedule", "set", "call", "urge", "demand", "threaten", "propose"}


def _reporting_verb_before(token):
    """The reporting verb right before a date ("said on Wednesday they would ..."), whatever the
    parse attached the date to; None if there is none."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].lower_ in ("on", "late", "early", "last", "this"):
        i -= 1
    if i >= 0 and doc[i].pos_ in ("VERB", "AUX") and doc[i].tag_ == "VBD" \
            and doc[i].lemma_.lower() in _report_verbs():
        return doc[i]
    return None


def _report_verbs() -> frozenset[str]:
    from .events.lexicon import word_class

    return word_class("report")


def _mention_verb(mention: DateMention, index: _DocIndex):
    """The verb a date mention belongs to."""
    first = index.token_at(mention.start)
    return _reporting_verb_before(first) or _governing_verb(index.token_at(max(mention.end - 1, mention.start)))


def _mention_in_future_clause(mention: DateMention, index: _DocIndex) -> bool:
    """'will visit on Friday': a date of something announced, not of something done."""
    verb = _mention_verb(mention, index)
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children)


def _is_ancestor(a, b) -> bool:
    return any(t.i == a.i for t in b.ancestors)


def _best_mention(mentions: list[DateMention], trigger_token, index: _DocIndex) -> Optional[DateMention]:
    """The mention the trigger's clause governs: same verb, then an ancestor verb, then nearest.

    A date inside a relative clause below or beside the trigger belongs to another event;
    then there is no own date (None) and the anchor applies.
    """
    verb = _governing_verb(trigger_token)

    def rank(m: DateMention):
        mverb = _mention_verb(m, index)
        if mverb.i == verb.i:
            tier = 0
        elif _is_ancestor(mverb, verb):
            tier = 1
        elif _is_ancestor(verb, mverb):
            tier = 2
        else:
            tier = 3
        return tier, abs(index.token_at(m.start).i - trigger_token.i)

    best = min(mentions, key=rank)
    if rank(best)[0] >= 2 and _in_noun_clause(index.token_at(max(best.end - 1, best.start))):
        return None  # "a buoy that troops placed last year": the date of another event
    if rank(best)[0] >= 2 and _clause_top(_mention_verb(best, index)).i != _clause_top(verb).i:
        # "arrested a man suspected of smuggling arms in 1998", "accused him of plotting a coup in
        # 2015": a date below the trigger in a clause of its own dates that clause's event.
        return None
    return best


# Links that keep a verb in its head's clause: an infinitive complement ("agreed to meet on
# Friday") and a coordinated verb ("attacked the town and killed ..."). Other clausal links
# (pcomp, advcl, ccomp, relcl, acl) open a clause with its own time.
SAME_CLAUSE_DEPS = frozenset({"xcomp", "conj"})


def _clause_top(verb):
    """The verb heading the clause chain ``verb`` belongs to."""
    seen = 0
    while verb.dep_ in SAME_CLAUSE_DEPS and verb.head.i != verb.i and seen < 20:
        verb = verb.head
        seen += 1
    return verb


def _in_noun_clause(token) -> bool:
    """The token's clause describes a noun (relative or adnominal clause)."""
    return _governing_verb(token).dep_ in ("relcl", "acl")


def _date_entities(sdoc) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "DATE"]


def _confirmed(mention: DateMention, date_spans: list[tuple[int, int]]) -> bool:
    """Ambiguous mentions ("in May", "in 2019") count only when spaCy also calls them DATE."""
    if not mention.ambiguous:
        return True
    return any(s < mention.end and mention.start < e for s, e in date_spans)


def reference_date(document) -> Optional[date]:
    """The day relative expressions count from: the dateline's day (the story was filed that day,
    "on Tuesday" and "yesterday" are told from it), else the publication date."""
    return document.dateline_date or document.published


def _dateline_end(document) -> int:
    """Where a wire dateline ("ABUJA, June 14 (Meridian) --") ends; 0 without one. Its date is the
    filing date, not the date of the first sentence's event."""
    if document.dateline_place is None and document.dateline_date is None:
        return 0
    from .ingest.datelines import DATELINE  # late import: ingest imports this module

    body = document.text.lstrip()
    match = DATELINE.match(body)
    return match.end() + len(document.text) - len(body) if match else 0


def document_date_mentions(sdoc, document) -> list[DateMention]:
    """The date expressions of a parsed document (not its dateline), resolved against its reference date."""
    spans = _date_entities(sdoc)
    skip = _dateline_end(document)
    return [m for m in find_date_expressions(document.text, reference_date(document))
            if m.start >= skip and _confirmed(m, spans)]


def assign_dates(events: list, sdoc, document) -> None:
    """Set ``published``, ``date``, ``date_precision`` (and ``historical``) on each event."""
    for event in events:
        event.published = document.published
    if not events:
        return
    published = reference_date(document)
    index = _DocIndex(sdoc)
    mentions = document_date_mentions(sdoc, document)
    by_sentence: dict[int, list[DateMention]] = {}
    for m in mentions:
        by_sentence.setdefault(index.sentence_of(m.start), []).append(m)

    own: dict[int, Optional[DateMention]] = {}
    for event in events:
        own[id(event)] = _own_mention(event, by_sentence, index, published)

    anchor = _anchor(events, own, mentions, index, published)
    _resolve_anaphoric(events, own, anchor)
    for event in events:
        mention = own[id(event)]
        if mention is not None:
            event.date, event.date_precision = mention.date, mention.precision
            if mention.is_historical(published):
                event.historical = True
        elif anchor is not None:
            event.date, event.date_precision = anchor, "day"
        elif document.dateline_date is not None:
            event.date, event.date_precision = document.dateline_date, "day"
        else:
            event.date, event.date_precision = published, "published"


def _own_mention(event, by_sentence, index: _DocIndex, published) -> Optional[DateMention]:
    sentence = event.sentence
    if not (0 <= sentence < len(index.sents)) or not (
            index.sents[sentence].start_char <= event.trigger.start < index.sents[sentence].end_char):
        sentence = index.sentence_of(event.trigger.start)
    candidates = by_sentence.get(sentence)
    if not candidates:
        return None
    trigger_token = index.token_at(event.trigger.start)
    if not getattr(event, "future", False):
        candidates = [m for m in candidates if not _dates_a_plan(m, trigger_token, index, published)]
        if not candidates:
            return None
    best = _best_mention(candidates, trigger_token, index)
    if best is None:
        return None
    if getattr(event, "future", False) and best.relative and published is not None:
        # A future event's "on Friday" is the coming Friday: resolve it forwards.
        forward = _forwards(best, index, published)
        if forward is not None:
            return forward
    return best


def _dates_a_plan(mention: DateMention, trigger_token, index: _DocIndex, published) -> bool:
    """The date of what an event promises or plans, not of the event itself (which has happened):
    "agreed to resume talks in November", "said they would meet on Friday", "pledged a handover
    in October" (the coming October: a past one would be "last October" or carry its year)."""
    if published is None:
        return False
    verb, trigger_verb = _mention_verb(mention, index), _governing_verb(trigger_token)
    below = verb.i == trigger_verb.i or _is_ancestor(trigger_verb, verb)
    if below and _mention_in_future_clause(mention, index) and mention.relative:
        return True
    if mention.relative and mention.precision == "month" and mention.is_historical(published):
        ahead = _forwards(mention, index, published)
        return ahead is not None and 0 < (ahead.date - published).days <= 183 and below \
            and trigger_verb.lemma_.lower() in COMMITMENT_VERBS
    return False


def _forwards(mention: DateMention, index: _DocIndex, published) -> Optional[DateMention]:
    """The same expression read as a coming date ("on Friday" = the next Friday), with the words
    before it that the mention's own span leaves out ("in" of "in October")."""
    sentence = index.sents[index.sentence_of(mention.start)]
    text = index.sdoc.text[sentence.start_char:mention.end]
    for m in find_date_expressions(text, published, future=True, offset=sentence.start_char):
        if m.end == mention.end:
            return m
    return None


def _resolve_anaphoric(events, own, anchor: Optional[date]) -> None:
    """"later the same day", "the previous day": counted from the last event before it that has a
    date of its own (else from the story's anchor date)."""
    previous = anchor
    for event in sorted(events, key=lambda e: (e.sentence, e.trigger.start)):
        m = own[id(event)]
        if m is None:
            continue
        if m.shift is None:
            if m.precision == "day":
                previous = m.date
            continue
        if previous is not None:
            d = previous + timedelta(days=m.shift)
            own[id(event)] = DateMention(m.start, m.end, m.text, d, "day", d, relative=True)


def _anchor(events, own, mentions: Iterable[DateMention], index: _DocIndex, published) -> Optional[date]:
    """The date of the story's main event: the first event dated to the day, else the lede's."""
    def recent_day(m: Optional[DateMention]) -> bool:
        return (m is not None and m.precision == "day" and not m.is_historical(published)
                and (published is None or m.date <= published))

    for event in sorted(events, key=lambda e: (e.sentence, e.trigger.start)):
        m = own[id(event)]
        if recent_day(m) and not getattr(event, "future", False) \
                and not _mention_in_future_clause(m, index):
            return m.date
    for m in mentions:
        if index.sentence_of(m.start) >= LEDE_SENTENCES:
            break
        if recent_day(m) and not _mention_in_future_clause(m, index):
            return m.date
    return None
