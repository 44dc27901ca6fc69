"""Event dates: which date expression of the article dates each event, over the parse.

Most wire events happened before the day of publication ("said on Tuesday"), so the
publication date is only the last resort. For each event the date comes from, in order:

1. a date expression in the event's own sentence, preferring one attached in the
   dependency tree to the trigger's governing verb, then to a verb above it ("said on
   Tuesday that troops had ..."), then to a clause that tells when the act happened: a
   participle or a time clause on it ("Speaking on Tuesday, ...", "as they tried to leave on
   Tuesday", "after the plane was forced down on Sunday") or the statement it was made in
   ("in a statement issued on Tuesday") (``_best_mention``, ``_sets_the_circumstance``);
2. the day the story last told, in the event's paragraph: the nearest sentence before it
   that names a recent day, in an event of its own or in its main clause (``_preceding_day``:
   "Police detained twelve men on Monday. Most were freed." both happened on Monday);
3. the article's anchor date: the date of the first dated event (statements reported from
   a meeting or call take the date of that meeting or call), or else of the first dated
   expression in the lede (first two sentences);
4. the wire dateline's date (``Document.dateline_date``);
5. the publication date, with precision ``"published"``.

The day last told (2) rather than the anchor (3) for every undated sentence: dates right 94.6%
-> 96.4% on benchmarks/gold, 92.7% -> 95.6% on benchmarks/final, same on heldout; without the paragraph
limit and the main-clause condition it moved sample-corpus events to days of background sentences.

Relative expressions ("on Tuesday", "yesterday") count from the dateline's day when there is
one (the day the story was filed), else from the publication date; the dateline itself
(up to ``Document.dateline_end``) is never an event's date expression. "The same day", "the
previous day" count from the event told just before (``_resolve_anaphoric``). A date that
belongs to what an event promises or plans ("agreed to resume talks in November", "said they
would meet on Friday") is not the date of the event unless the event itself is coded as
future (``_dates_a_plan``); a date right after a reporting verb ("said on Wednesday they
would ...") belongs to that verb whatever the parse says. An event whose own date is
background (:mod:`communique.background`) is marked ``historical``. An event in an "N days after"
clause counts back from the clause it hangs on (``_days_apart``); expressions: :mod:`.grammar`.
"""
from __future__ import annotations

import bisect
import re
from datetime import date, timedelta
from typing import Iterable, Optional

from ..knowledge.english import LETTING_VERBS, REPORTING_VERBS, WEEKDAY_NAMES
from ..parse import clause_top, count_of, governing_verb, is_ancestor
from .grammar import DateMention, find_date_expressions
from .mentions import DocIndex, dates_its_noun, deadline, possessive_day

LEDE_SENTENCES = 2  # sentences searched for an anchor date when no event carries one


FUTURE_AUXILIARIES = {"will", "shall", "would", "'ll", "plan", "expect", "to"}
# Verbs whose infinitive was acted on when they were ("tried to cross on Wednesday"; "protests led the
# university to shut its campus on Monday", "forced the plane to land on Sunday").
ATTEMPT_VERBS = frozenset({"try", "attempt", "manage", "fail", "begin", "start", "continue", "lead", "force", "prompt"})
# "ordered the consul to quit Ecuador on Friday", "refused to let the plane land on Sunday": an order's
# (or refusal's) day, told in the past, is the one its content names.
DIRECTIVE_VERBS = frozenset({"order", "tell", "instruct", "command", "refuse"})
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
            and doc[i].lemma_.lower() in REPORTING_VERBS:
        return doc[i]
    return None


# Verbs whose object's participle completes them ("sent thousands fleeing", "left dozens dead").
CAUSATIVE_VERBS = frozenset({"send", "leave", "keep", "set"})


def _mention_verb(mention: DateMention, index: DocIndex):
    """The verb a date mention belongs to ("sent thousands fleeing on Monday": a causative verb's; "declared it
    late on Friday and police arrested", the day hung on the next clause: the verb the "on" before it hangs on)."""
    first, last = index.token_at(mention.start), index.token_at(max(mention.end - 1, mention.start))
    before = first.nbor(-1) if first.i > 0 else None
    misparsed = before is not None and before.lower_ == "on" and not any(
        t.head.i == before.i for t in first.doc[first.i:last.i + 1])
    verb = _reporting_verb_before(first) or governing_verb(before if misparsed else last)
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "thousands of residents fleeing"
        noun = noun.head.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ == "dobj" \
            and noun.head.lemma_.lower() in CAUSATIVE_VERBS:
        return noun.head
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in LETTING_VERBS \
            and any(c.dep_ == "nsubj" for c in verb.children):
        return verb.head  # "allowed a convoy to enter the city on Friday": the letting is then
    return verb


def _mention_in_future_clause(mention: DateMention, index: DocIndex, published: Optional[date] = None) -> bool:
    """'will visit on Friday': a date of something announced, not of something done ("tried to
    leave on Monday" is done: the attempt was made then)."""
    verb = _mention_verb(mention, index)
    head = verb.head.lemma_.lower()
    if verb.dep_ == "xcomp" and (head in ATTEMPT_VERBS or (head in DIRECTIVE_VERBS and verb.head.tag_ == "VBD")):
        return False
    # ("invited them to talks on Saturday", the past Saturday days old: a day told after what is invited
    # to is that meeting's day)
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children) or (
        verb.lemma_.lower() == "invite" and published is not None and (published - mention.date).days > 3
        and any(c.dep_ == "prep" and c.lower_ == "to" and c.idx < mention.start for c in verb.children))


def _best_mention(mentions: list[DateMention], trigger_token, index: DocIndex) -> Optional[DateMention]:
    """The mention the trigger's clause governs: same verb, then an ancestor verb, then nearest.

    A date inside a relative clause below or beside the trigger belongs to another event;
    then there is no own date (None) and the anchor applies.
    """
    verb = governing_verb(trigger_token)
    # "rejected the result of Saturday's election": a possessive day dates its noun, not the act.
    mentions = [m for m in mentions if not dates_its_noun(m, trigger_token, index) and not deadline(m, index)]
    if not mentions:
        return None

    def rank(m: DateMention):
        mverb = _mention_verb(m, index)
        if mverb.i == verb.i:
            tier = 0
        elif mverb in verb.conjuncts and m.precision == "day" and _one_subject(mverb, verb):
            tier = 0.5  # "set fire to offices and attacked police stations on Wednesday night": one time
        elif is_ancestor(mverb, verb):
            tier = 1
        elif is_ancestor(verb, mverb):
            tier = 2
        else:
            tier = 3
        return tier, abs(index.token_at(m.start).i - trigger_token.i)

    best = min(mentions, key=rank)
    if rank(best)[0] == 1 and _mention_verb(best, index).lemma_.lower() in REPORTING_VERBS:
        # "... were arrested when police broke up a rally on Sunday, the party said on Monday": the time
        # clause dates the act; the reporting verb's day only dates the report.
        circumstances = [m for m in mentions if rank(m)[0] >= 2 and _sets_the_circumstance(m, verb, index)]
        if circumstances:
            return min(circumstances, key=rank)
    if rank(best)[0] >= 2 and _sets_the_circumstance(best, verb, index):
        return best  # "Speaking on Monday, the minister accused ...": the same time
    if rank(best)[0] >= 2 and _in_noun_clause(index.token_at(max(best.end - 1, best.start))):
        return None  # "a buoy that troops placed last year": the date of another event
    if rank(best)[0] >= 2 and clause_top(_mention_verb(best, index)).i != clause_top(verb).i \
            and not _weekday_of_the_news(best, verb, index):
        # "arrested a man suspected of smuggling arms in 1998", "accused him of plotting a coup in
        # 2015": a date below the trigger in a clause of its own dates that clause's event.
        return None
    return best


def _one_subject(a, b) -> bool:
    """Do two verbs joined by "and" tell one subject's acts ("set fire ... and attacked ...": the joined
    verb has no subject of its own; "refused, and on Tuesday they blocked ..." are two clauses)?"""
    joined = a if a.dep_ == "conj" else b
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in joined.children)


def _weekday_of_the_news(mention: DateMention, verb, index: DocIndex) -> bool:
    """A weekday ("on Tuesday") that ends the trigger's own object: the parser hung it inside a long
    object ("extradited a man accused of running a network to the United States on Tuesday"); the
    week's weekday dates the news, the object's past its own years."""
    if not (mention.relative and mention.precision == "day"
            and any(w.strip(".,").lower() in WEEKDAY_NAMES for w in mention.text.split())):
        return False
    last = index.token_at(max(mention.end - 1, mention.start))
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(o.left_edge.i <= last.i <= o.right_edge.i for o in objects) and \
        last.i >= max(o.right_edge.i for o in objects) - 1


# Words that open a clause told as happening at the same time as the clause it hangs on.
SAME_TIME_MARKS = frozenset({"as", "when", "while", "after", "once"})
# Prepositions of the setting an act was made in ("in a statement", "at a news conference").
SETTING_PREPOSITIONS = frozenset({"in", "at", "during"})


def _sets_the_circumstance(mention: DateMention, verb, index: DocIndex) -> bool:
    """The mention dates a clause that tells when the trigger's clause happened: a participle or a
    time clause on it ("Speaking to reporters on Monday, the minister accused ...", "detained two
    trawlers as they tried to leave on Monday", "after the plane was forced down on Sunday"), or
    the statement, meeting or interview it was made in ("urged ... in a statement issued on
    Monday")."""
    top = clause_top(verb)
    clause = clause_top(_mention_verb(mention, index))
    # ("Speaking at a rally on Sunday, he said he would meet the premier": the participle hangs on the
    # saying, and what was said was said then)
    tops = {top.i} | ({clause_top(top.head).i} if top.dep_ == "ccomp" and top.head.lemma_.lower() in REPORTING_VERBS
                      else set())
    if clause.dep_ == "advcl" and clause_top(clause.head).i in tops:
        opening = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i}
        if opening & SAME_TIME_MARKS:
            return True
        return clause.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in clause.children)
    if clause.dep_ == "pcomp" and clause.head.lower_ in SAME_TIME_MARKS \
            and clause_top(governing_verb(clause.head)).i == top.i:
        return True  # "After meeting his counterpart on Monday, the premier said ..."
    if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.head.dep_ == "pobj":
        preposition = clause.head.head
        return preposition.lower_ in SETTING_PREPOSITIONS and clause_top(governing_verb(preposition)).i == top.i
    return False


def _in_noun_clause(token) -> bool:
    """The token's clause describes a noun (relative or adnominal clause)."""
    return governing_verb(token).dep_ in ("relcl", "acl")


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


def document_date_mentions(sdoc, document) -> list[DateMention]:
    """The date expressions of a parsed document (not its dateline), resolved against its reference date."""
    spans = _date_entities(sdoc)
    skip = document.dateline_end
    return [m for m in find_date_expressions(document.text, reference_date(document))
            if m.start >= skip and _confirmed(m, spans)]


def assign_dates(events: list, sdoc, document) -> None:
    """Set ``published``, ``date``, ``date_precision`` (and ``historical``) on each event."""
    for event in events:
        event.published = document.published
    if not events:
        return
    published = reference_date(document)
    index = DocIndex(sdoc)
    mentions = document_date_mentions(sdoc, document)
    by_sentence: dict[int, list[DateMention]] = {}
    for m in mentions:
        by_sentence.setdefault(index.sentence_of(m.start), []).append(m)

    own: dict[int, Optional[DateMention]] = {}
    for event in events:
        own[id(event)] = _own_mention(event, by_sentence, index, published)

    anchor = _anchor(events, own, mentions, index, published)
    _resolve_anaphoric(events, own, anchor, mentions, published)
    told = _sentence_days(events, own, mentions, index, published)
    paragraphs = _paragraphs(document.text, index)
    for event in events:
        mention = own[id(event)]
        story_day = _preceding_day(told, index.sentence_of(event.trigger.start), paragraphs) or anchor
        if mention is not None:
            event.date, event.date_precision = mention.date, mention.precision
            if mention.is_historical(published):
                event.historical = True
        elif story_day is not None:
            event.date, event.date_precision = story_day, "day"
        elif document.dateline_date is not None:
            event.date, event.date_precision = document.dateline_date, "day"
        else:
            event.date, event.date_precision = published, "published"
        shift = _days_apart(index.token_at(event.trigger.start), mention, index)
        if shift and event.date is not None and event.date_precision in ("day", "published"):
            # (an undated clause is told of publication day: "the amnesty came a day after ...")
            event.date, event.date_precision = event.date + timedelta(days=shift), "day"


# "a day after", "two days before", "hours after": a time clause counted from the clause it hangs on.
SPAN_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "hour": 0, "hours": 0, "night": 1, "nights": 1}
SIMULTANEOUS = frozenset({"as", "while", "when"})


def _days_apart(trigger_token, mention: Optional[DateMention], index: DocIndex) -> int:
    """Days between an event in an "N days after/before" clause and the clause it hangs on ("burned
    forty huts on Sunday, a day after jets struck the area": the strike was on Saturday), when its
    date came from that clause, the story or publication (not from a date inside the time clause)."""
    verb = governing_verb(trigger_token)
    for _ in range(4):
        # (an "as" clause counts like the clause it hangs on: "a day after troops fired on marchers as
        # rioters looted shops"; and a participle: "two days after rebels raided a town, killing five")
        if verb.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in SIMULTANEOUS for c in verb.children) \
                and not (verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children)):
            break
        if verb.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or verb.head.i == verb.i:
            return 0
        verb = verb.head
    else:
        return 0
    # (the span may hang on the verb the clause follows: "the vote came a day after police ...")
    spans = [c for c in list(verb.children) + list(verb.head.children) if c.dep_ == "npadvmod"
             and c.lower_ in SPAN_DAYS and (c.i < verb.i if c.head.i == verb.i else c.right_edge.i + 1 == verb.left_edge.i)]
    # ("after" is the clause's mark, or hangs on "a day" as a preposition)
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"] + \
        [c.lower_ for span in spans for c in span.children if c.dep_ == "prep"]
    if not spans or not marks or marks[0] not in ("after", "before"):
        return 0
    if mention is not None and verb.left_edge.i <= index.token_at(mention.start).i <= verb.right_edge.i:
        return 0  # the clause names its own day
    span = spans[0]
    # ("the day after", "a day after", "two days after", "3 days after")
    count = count_of(span) or 1
    days = count * SPAN_DAYS[span.lower_]
    return -days if marks[0] == "after" else days


def _own_mention(event, by_sentence, index: DocIndex, published) -> Optional[DateMention]:
    sentence = event.sentence
    if not (0 <= sentence < len(index.sents)) or not (
            index.sents[sentence].start_char <= event.trigger.start < index.sents[sentence].end_char):
        sentence = index.sentence_of(event.trigger.start)
    candidates = by_sentence.get(sentence)
    if not candidates:
        return None
    trigger_token = index.token_at(event.trigger.start)
    if not getattr(event, "future", False):
        # ("invited him to Athens early next year": a day after publication dates the plan, not the invitation)
        candidates = [m for m in candidates if not _dates_a_plan(m, trigger_token, index, published)
                      and (published is None or m.date <= published)]
        if not candidates:
            return None
    best = _best_mention(candidates, trigger_token, index)
    if best is None:
        return None
    if getattr(event, "future", False) and best.relative and published is not None \
            and not _dates_the_statement(best, trigger_token, index):
        # A future event's "on Friday" is the coming Friday: resolve it forwards.
        forward = _forwards(best, index, published)
        if forward is not None:
            return forward
    return best


def _dates_the_statement(mention: DateMention, trigger_token, index: DocIndex) -> bool:
    """Is the date that of the reporting verb above the event's clause ("Iran said on Saturday it
    would not halt enrichment", "warned on Monday that it would strike")? A refusal, threat or
    promise coded from a future clause happened when it was said, not on the coming Saturday."""
    verb, trigger_verb = _mention_verb(mention, index), governing_verb(trigger_token)
    return verb.i != trigger_verb.i and is_ancestor(verb, trigger_verb) and \
        verb.lemma_.lower() in REPORTING_VERBS


def _dates_a_plan(mention: DateMention, trigger_token, index: DocIndex, published) -> bool:
    """The date of what an event promises or plans, not of the event itself (which has happened):
    "agreed to resume talks in November", "said they would meet on Friday", "pledged a handover
    in October" (the coming October: a past one would be "last October" or carry its year)."""
    if published is None:
        return False
    verb, trigger_verb = _mention_verb(mention, index), governing_verb(trigger_token)
    below = verb.i == trigger_verb.i or is_ancestor(trigger_verb, verb)
    if below and _mention_in_future_clause(mention, index, published) and mention.relative:
        return True
    if mention.relative and mention.precision in ("week", "month") and mention.is_historical(published):
        ahead = _forwards(mention, index, published)
        return ahead is not None and 0 < (ahead.date - published).days <= 183 and below \
            and trigger_verb.lemma_.lower() in COMMITMENT_VERBS
    return False


def _forwards(mention: DateMention, index: DocIndex, published) -> Optional[DateMention]:
    """The same expression read as a coming date ("on Friday" = the next Friday), with the words
    before it that the mention's own span leaves out ("in" of "in October")."""
    sentence = index.sents[index.sentence_of(mention.start)]
    text = index.sdoc.text[sentence.start_char:mention.end]
    for m in find_date_expressions(text, published, future=True, offset=sentence.start_char):
        if m.end == mention.end:
            return m
    return None


def _resolve_anaphoric(events, own, anchor: Optional[date], mentions: Iterable[DateMention] = (),
                       published: Optional[date] = None) -> None:
    """"later the same day", "the previous day": counted from the last event before it that has a
    date of its own, or from a day the text names after that event and before the expression ("voted
    to impeach him on June 21 ... found him guilty the next day"), else from the story's anchor date."""
    previous, previous_end = anchor, -1
    named_days = sorted((m for m in mentions if m.shift is None and _recent_day(m, published)), key=lambda m: m.end)
    for event in sorted(events, key=lambda e: (e.sentence, e.trigger.start)):
        m = own[id(event)]
        if m is None:
            continue
        if m.shift is None:
            if m.precision == "day":
                previous, previous_end = m.date, m.end
            continue
        later = [n for n in named_days if previous_end < n.end <= m.start]
        if later:
            previous, previous_end = later[-1].date, later[-1].end
        if previous is not None:
            try:
                d = previous + timedelta(days=m.shift)
            except OverflowError:  # "the next day" after 9999-12-31
                continue
            own[id(event)] = DateMention(m.start, m.end, m.text, d, "day", d, relative=True)


def _recent_day(m: Optional[DateMention], published) -> bool:
    """A mention of one day of the story: not background, not after publication."""
    return (m is not None and m.precision == "day" and not m.is_historical(published)
            and (published is None or m.date <= published))


def _sentence_days(events, own, mentions, index: DocIndex, published) -> dict[int, date]:
    """The day each sentence tells of, where it names one: the date of its first event dated to the
    day, else the first recent day its main clause names (not the day of a plan)."""
    told: dict[int, date] = {}
    for event in sorted(events, key=lambda e: e.trigger.start):
        m = own[id(event)]
        sentence = index.sentence_of(event.trigger.start)
        if sentence not in told and _recent_day(m, published) and not getattr(event, "future", False) \
                and not _mention_in_future_clause(m, index, published):
            told[sentence] = m.date
    for m in mentions:
        sentence = index.sentence_of(m.start)
        if sentence not in told and _recent_day(m, published) and not _mention_in_future_clause(m, index, published) \
                and _in_main_clause(m, index) and not possessive_day(m, index) and not deadline(m, index):
            told[sentence] = m.date
    return told


def _in_main_clause(mention: DateMention, index: DocIndex) -> bool:
    """The mention dates the sentence's main clause (not a clause embedded in it)."""
    return clause_top(_mention_verb(mention, index)).dep_ == "ROOT"


def _preceding_day(told: dict[int, date], sentence: int, paragraphs: list[int]) -> Optional[date]:
    """The day of the nearest sentence before ``sentence`` in its paragraph that names one."""
    for before in range(sentence - 1, -1, -1):
        if paragraphs[before] != paragraphs[sentence]:
            return None
        if before in told:
            return told[before]
    return None


def _paragraphs(text: str, index: DocIndex) -> list[int]:
    """The paragraph (blocks split by a blank line) of each sentence."""
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
    return [bisect.bisect_right(breaks, s.start_char) for s in index.sents]


def _anchor(events, own, mentions: Iterable[DateMention], index: DocIndex, published) -> Optional[date]:
    """The date of the story's main event: the first event dated to the day, else the lede's."""
    def recent_day(m: Optional[DateMention]) -> bool:
        return _recent_day(m, published)

    for event in sorted(events, key=lambda e: (e.sentence, e.trigger.start)):
        m = own[id(event)]
        if recent_day(m) and not getattr(event, "future", False) \
                and not _mention_in_future_clause(m, index, published):
            return m.date
    for m in mentions:
        if index.sentence_of(m.start) >= LEDE_SENTENCES:
            break
        if recent_day(m) and not _mention_in_future_clause(m, index, published) and not possessive_day(m, index) \
                and not deadline(m, index):
            return m.date
    return None
