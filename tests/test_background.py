"""One rule tells news from background: a date more than two weeks before the story's day."""
from datetime import date

from communique.background import BACKGROUND_DAYS, is_background
from communique.dates import find_date_expressions

STORY = date(2020, 7, 30)


def test_more_than_two_weeks_before_the_story_is_background():
    assert BACKGROUND_DAYS == 14
    assert not is_background(date(2020, 7, 16), STORY)  # 14 days: still news
    assert is_background(date(2020, 7, 15), STORY)
    assert not is_background(date(2020, 8, 2), STORY)  # after the story's day
    assert not is_background(date(2001, 1, 1), None)  # no story day, no background


def test_a_mention_is_background_by_the_last_day_of_the_period_it_names():
    (june,) = find_date_expressions("in June", STORY)
    (july,) = find_date_expressions("in July", STORY)
    (day,) = find_date_expressions("on July 10", STORY)
    assert june.is_historical(STORY) and day.is_historical(STORY)
    assert not july.is_historical(STORY)  # July has not ended yet


def test_the_events_and_the_dates_stage_apply_the_same_rule():
    from communique.pipeline import code_text

    # Two to four weeks before the story: background for the events stage's clause rule ("on July 10")
    # and for the dates stage's own date ("three weeks ago", which the clause rule does not read).
    for text in ("Peru expelled two Chilean diplomats on July 10.", "Peru expelled two Chilean diplomats three weeks ago."):
        (expelled,) = [e for e in code_text(text, published=STORY, all_modalities=True) if e.event == "SANCTION"]
        assert expelled.historical and expelled.date in (date(2020, 7, 10), date(2020, 7, 6))  # that week's Monday
    (recent,) = [e for e in code_text("Peru expelled two Chilean diplomats on July 20.", published=STORY,
                                      all_modalities=True) if e.event == "SANCTION"]
    assert not recent.historical
