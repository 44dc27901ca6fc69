"""Event dates: expressions resolved against the publication date, and which one an event gets."""
from datetime import date

import pytest

from conftest import hand_events
from communique.dates import assign_dates, find_date_expressions, resolve_date_expression
from communique.ingest import find_dateline
from communique.model import Document

THURSDAY = date(2020, 7, 30)  # a Thursday


@pytest.mark.parametrize("text, expected", [
    ("Oslo said on Tuesday", (date(2020, 7, 28), "day")),
    ("Oslo said on Thursday", (THURSDAY, "day")),  # the publication day itself
    ("on Friday", (date(2020, 7, 24), "day")),  # the latest Friday on or before publication
    ("late on Monday night", (date(2020, 7, 27), "day")),
    ("last Thursday", (date(2020, 7, 23), "day")),
    ("Yesterday the talks ended", (date(2020, 7, 29), "day")),
    ("today", (THURSDAY, "day")),
    ("two days ago", (date(2020, 7, 28), "day")),
    ("Nov. 25", (date(2019, 11, 25), "day")),  # no year: the latest Nov. 25 before publication
    ("November 25", (date(2019, 11, 25), "day")),
    ("25 November", (date(2019, 11, 25), "day")),
    ("on July 4", (date(2020, 7, 4), "day")),
    ("on 3 March 2021", (date(2021, 3, 3), "day")),
    ("March 3, 2021", (date(2021, 3, 3), "day")),
    ("2021-03-03", (date(2021, 3, 3), "day")),
    ("in March", (date(2020, 3, 1), "month")),
    ("in September", (date(2019, 9, 1), "month")),  # September has not come yet in July 2020
    ("in June 2018", (date(2018, 6, 1), "month")),
    ("last month", (date(2020, 6, 1), "month")),
    ("earlier this month", (date(2020, 7, 1), "month")),
    ("last week", (date(2020, 7, 20), "week")),  # a week: its Monday, as a month is its 1st
    ("earlier this week", (date(2020, 7, 27), "week")),
    ("next week", (date(2020, 8, 3), "week")),
    ("three weeks ago", (date(2020, 7, 6), "week")),  # the week that held July 9
    ("in 2019", (date(2019, 1, 1), "year")),
    ("last year", (date(2019, 1, 1), "year")),
])
def test_resolve_date_expression(text, expected):
    assert resolve_date_expression(text, THURSDAY) == expected


@pytest.mark.parametrize("text", [
    "Officials may meet again.", "Theresa May spoke.", "May's cabinet met.", "They march on.",
    "the Vision 2030 plan", "a report in the Sunday Times", "the Good Friday agreement",
    "the 2020 Olympics", "about 2019 people",
])
def test_no_misfires(text):
    assert resolve_date_expression(text, THURSDAY) is None


def test_future_weekday_resolves_forwards():
    assert resolve_date_expression("will meet on Monday", THURSDAY, future=True) == (date(2020, 8, 3), "day")
    assert resolve_date_expression("next Tuesday", THURSDAY) == (date(2020, 8, 4), "day")


def test_without_publication_date_only_full_dates_resolve():
    assert resolve_date_expression("on Tuesday", None) is None
    assert resolve_date_expression("on 3 March 2021", None) == (date(2021, 3, 3), "day")


def test_mentions_carry_offsets():
    text = "Talks began on Monday and ended Nov. 2."
    spans = [(m.start, m.end, m.text) for m in find_date_expressions(text, THURSDAY)]
    assert spans == [(15, 21, "Monday"), (32, 38, "Nov. 2")]


# --- assigning dates to events (hand-built events over a real parse) -----------------------

@pytest.fixture(scope="module")
def nlp():
    from communique.nlp import load_model

    return load_model()


def _events(nlp, text, triggers, published=THURSDAY, **document_fields):
    document = Document("d", text, published, **document_fields)
    sdoc = nlp(text)
    events = hand_events(sdoc, document, triggers, actor="NOR")
    assign_dates(events, sdoc, document)
    return events


def _wire(text, published=THURSDAY):
    """The dateline fields ingest sets on a Document (place, date, where the dateline ends)."""
    dateline = find_dateline(text, published)
    return {"dateline_place": dateline.place, "dateline_date": dateline.date, "dateline_end": dateline.end}


def test_anchor_date_propagates_to_later_statements(nlp):
    text = ("Norway's foreign minister said on Tuesday during a phone call with her Danish counterpart "
            "that fishing quotas must be settled. The minister said Norway values the partnership. "
            "She urged both sides to respect the accord.")
    call, values, urged = _events(nlp, text, ["phone call", "values", "urged"])
    assert (call.date, call.date_precision) == (date(2020, 7, 28), "day")
    assert (values.date, values.date_precision) == (date(2020, 7, 28), "day")
    assert urged.date == date(2020, 7, 28) and not urged.historical
    assert all(e.published == THURSDAY for e in (call, values, urged))


def test_date_in_own_clause_beats_the_anchor_and_background_is_historical(nlp):
    text = ("Chile and Peru signed a fisheries pact on Monday. "
            "In 2019, the two countries broke off talks over the same waters.")
    signed, broke = _events(nlp, text, ["signed", "broke"])
    assert signed.date == date(2020, 7, 27) and not signed.historical
    assert (broke.date, broke.date_precision) == (date(2019, 1, 1), "year") and broke.historical


def test_date_attached_to_the_trigger_verb_wins_in_a_two_date_sentence(nlp):
    text = "The envoy, who arrived on Sunday, protested the decision on Wednesday."
    arrived, protested = _events(nlp, text, ["arrived", "protested"])
    assert arrived.date == date(2020, 7, 26)
    assert protested.date == date(2020, 7, 29)


def test_modal_may_does_not_date_an_event(nlp):
    text = "Officials may meet again to discuss the dispute, a spokesman said."
    (meet,) = _events(nlp, text, ["meet"])
    assert (meet.date, meet.date_precision) == (THURSDAY, "published")


def test_dateline_date_then_publication_date_are_the_fallbacks(nlp):
    text = "ACCRA, July 27 (Reuters) - Ghana's president met union leaders to end the strike."
    (met,) = _events(nlp, text, ["met"], **_wire(text))
    assert (met.date, met.date_precision) == (date(2020, 7, 27), "day")
    (met,) = _events(nlp, "Ghana's president met union leaders.", ["met"], published=None)
    assert met.date is None and met.published is None


def test_future_events_take_the_coming_weekday(nlp):
    text = "The premier will visit Hanoi on Monday."
    (visit,) = _events(nlp, text, ["visit"])
    visit.future = True
    document = Document("d", text, THURSDAY)
    assign_dates([visit], nlp(text), document)
    assert visit.date == date(2020, 8, 3)


def test_date_of_a_relative_clause_is_not_the_event_date(nlp):
    text = ("Vietnam protested on Monday. Hanoi demanded the removal of a rig that Chinese "
            "ships towed into its waters last year, an official said.")
    protested, said = _events(nlp, text, ["protested", "said"])
    assert protested.date == date(2020, 7, 27)
    assert (said.date, said.date_precision) == (date(2020, 7, 27), "day") and not said.historical


def test_date_of_a_nested_clause_does_not_date_the_event(nlp):
    # The year belongs to what the suspect is said to have done, not to the arrest.
    text = "Chilean police arrested a trader suspected of selling stolen copper to smugglers in 2011."
    (arrested,) = _events(nlp, text, ["arrested"])
    assert arrested.date == THURSDAY and not arrested.historical
    text = "Peru accused the mayor of rigging the vote in 2016."
    (accused,) = _events(nlp, text, ["accused"])
    assert accused.date == THURSDAY and not accused.historical


def test_date_of_the_trigger_clause_still_dates_it(nlp):
    text = "Peru expelled two Bolivian traders in 2016."
    (expelled,) = _events(nlp, text, ["expelled"])
    assert (expelled.date, expelled.date_precision) == (date(2016, 1, 1), "year") and expelled.historical


# --- article-level dating: datelines, anaphoric days, dates of what is promised ----------------

def test_the_dateline_date_is_not_the_date_of_the_first_event(nlp):
    text = "LIMA, July 29 (Agency) -- Bandits raided a mining camp late on Monday, police said on Wednesday."
    (raided,) = _events(nlp, text, ["raided"], **_wire(text))
    assert (raided.date, raided.date_precision) == (date(2020, 7, 27), "day")


def test_relative_days_count_from_the_dateline_day(nlp):
    # Filed on Tuesday 28 July, published on Thursday 30 July: "yesterday" is Monday the 27th.
    text = "QUITO, July 28 (Agency) -- Ecuador closed its border with Peru yesterday."
    (closed,) = _events(nlp, text, ["closed"], **_wire(text))
    assert closed.date == date(2020, 7, 27)


def test_same_day_and_previous_day_follow_the_event_told_before(nlp):
    text = ("Kenya's president met his Ugandan counterpart on Monday. "
            "He called the Tanzanian leader later the same day. "
            "His envoy had visited Kampala the previous day.")
    met, called, visited = _events(nlp, text, ["met", "called", "visited"])
    assert met.date == date(2020, 7, 27)
    assert (called.date, called.date_precision) == (date(2020, 7, 27), "day")
    assert visited.date == date(2020, 7, 26)


def test_alone_the_previous_day_still_counts_from_publication():
    assert resolve_date_expression("the previous day", THURSDAY) == (date(2020, 7, 29), "day")


def test_the_date_of_a_promised_action_is_not_the_date_of_the_promise(nlp):
    text = "Chile and Bolivia announced on Tuesday that they would reopen their border on Saturday."
    (reopen,) = _events(nlp, text, ["reopen"])
    assert (reopen.date, reopen.date_precision) == (date(2020, 7, 28), "day")


def test_a_pledge_for_a_coming_month_is_dated_by_the_pledge_and_is_not_background(nlp):
    text = "The Gambian president on Monday thanked the observers and pledged a peaceful transfer of power in October."
    thanked, pledged = _events(nlp, text, ["thanked", "pledged"])
    assert pledged.date == date(2020, 7, 27) and not pledged.historical


def test_a_date_after_said_belongs_to_said_whatever_the_parse(nlp):
    text = "Uruguay said on Wednesday it would recognise the new government on August 12."
    (recognise,) = _events(nlp, text, ["recognise"])
    assert recognise.date == date(2020, 7, 29)


def test_an_undated_sentence_takes_the_day_of_the_sentence_before_it_in_its_paragraph(nlp):
    text = ("Ghana and Togo signed a border accord on Wednesday.\n\n"
            "Fishermen from both countries clashed near the maritime line on Monday. "
            "Togolese police detained twelve Ghanaian fishermen.\n\n"
            "Ghana's foreign minister urged Togo to release them.")
    signed, clashed, detained, urged = _events(nlp, text, ["signed", "clashed", "detained", "urged"])
    assert signed.date == date(2020, 7, 29) and clashed.date == date(2020, 7, 27)
    assert (detained.date, detained.date_precision) == (date(2020, 7, 27), "day")  # the story moved back
    assert urged.date == date(2020, 7, 29)  # a new paragraph: the story's anchor again


def test_a_date_in_a_clause_below_the_previous_sentence_does_not_move_the_story(nlp):
    text = ("Chile and Peru held talks on Wednesday.\n\n"
            "Peru accused Chile of seizing a fishing boat on Monday. The Chilean envoy rejected the claim.")
    held, accused, rejected = _events(nlp, text, ["held", "accused", "rejected"])
    assert held.date == date(2020, 7, 29)
    assert rejected.date == date(2020, 7, 29)  # Monday is when the boat was seized, not the day told


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 3), date(9999, 12, 28), date(9999, 12, 31)])
def test_a_date_outside_the_calendar_is_no_date_and_no_error(published):
    for text in ("last week", "yesterday", "tomorrow", "next Tuesday", "last year", "next year",
                 "three weeks ago", "ten years ago", "in March", "next month", "this weekend"):
        for future in (False, True):
            found = resolve_date_expression(text, published, future=future)
            assert found is None or date.min <= found[0] <= date.max


def test_an_article_of_year_one_or_9999_is_coded_without_a_traceback():
    from communique.pipeline import code_text

    text = "Police detained twelve protesters last week. The next day, the ministry freed them."
    for published in (date(1, 1, 3), date(9999, 12, 31)):
        for event in code_text(text, published=published, all_modalities=True):
            assert event.date is not None and event.published == published


@pytest.mark.parametrize("text, trigger", [
    ("Danish police detained two Swedish activists Tuesday, a spokesman said.", "detained"),
    ("Two Swedish activists were detained by Danish police late Tuesday.", "detained"),
    ("Tuesday, Danish police detained two Swedish activists.", "detained"),
    ("Danish police said Tuesday they had detained two Swedish activists.", "detained"),
    ("Danish police detained two Swedish activists, the justice ministry said Tuesday.", "detained"),
])
def test_a_bare_weekday_dates_its_event_not_the_publication_day(nlp, text, trigger):
    lead = "Sweden and Denmark held border talks on Thursday.\n\n"
    _, event = _events(nlp, lead + text, ["held", trigger])
    assert (event.date, event.date_precision) == (date(2020, 7, 28), "day")


@pytest.mark.parametrize("text, trigger", [
    ("Speaking to reporters on Tuesday, the Danish minister criticised Sweden.", "criticised"),
    ("After meeting his Swedish counterpart on Tuesday, the Danish premier criticised Norway.", "criticised"),
    ("When the talks collapsed on Tuesday, Denmark recalled its envoy from Oslo.", "recalled"),
    ("Coast guards seized two trawlers as they tried to leave the zone on Tuesday.", "seized"),
    ("Police detained an activist after his boat was forced into port on Tuesday.", "detained"),
    ("Denmark urged Norway to lift the quota in a joint statement issued on Tuesday.", "urged"),
])
def test_a_date_in_a_clause_that_tells_when_the_act_happened_dates_it(nlp, text, trigger):
    lead = "Sweden and Denmark held border talks on Thursday.\n\n"
    _, event = _events(nlp, lead + text, ["held", trigger])
    assert event.date == date(2020, 7, 28)


@pytest.mark.parametrize("text, trigger", [
    ("Danish police arrested a man suspected of smuggling arms on July 3.", "arrested"),
    ("Denmark accused Sweden of breaking a treaty signed on July 3.", "accused"),
    ("Before leaving for Oslo on Tuesday, the Danish premier criticised Sweden.", "criticised"),
    ("Denmark agreed to hold talks with Norway on Tuesday.", "agreed"),
])
def test_a_date_of_another_act_in_the_sentence_does_not_date_the_event(nlp, text, trigger):
    lead = "Sweden and Denmark held border talks on Thursday.\n\n"
    _, event = _events(nlp, lead + text, ["held", trigger])
    assert event.date == THURSDAY



def test_day_misparsed_onto_the_next_clause_still_dates_its_own_verb(nlp):
    # A parse seen on real copy: "late" and "on" hang on "declared", but "Friday" on "forces", the subject of
    # the next clause. The "on" before the day still says which verb it dates.
    from spacy.tokens import Doc
    from communique.dates.events import DocIndex, _mention_verb
    from communique.dates.grammar import DateMention
    words = ["Rulers", "declared", "an", "emergency", "late", "on", "Friday", "and", "forces", "arrested",
             "people", ",", "officials", "said", "on", "Saturday", "."]
    heads = [1, 13, 3, 1, 1, 4, 8, 6, 9, 4, 9, 13, 13, 13, 13, 14, 13]
    deps = ["nsubj", "ccomp", "det", "dobj", "advmod", "prep", "nmod", "cc", "nsubj", "pcomp", "dobj", "punct",
            "nsubj", "ROOT", "prep", "pobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADV", "ADP", "PROPN", "CCONJ", "NOUN", "VERB", "NOUN", "PUNCT",
           "NOUN", "VERB", "ADP", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 16)
    friday = doc[6]
    mention = DateMention(friday.idx, friday.idx + 6, "Friday", date(2016, 12, 2), "day", date(2016, 12, 2),
                          relative=True)
    assert _mention_verb(mention, DocIndex(doc)).text == "declared"
