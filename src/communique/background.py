"""When a dated act is background rather than news: the one rule both the events stage
(PLOVER's ``historical`` mode of a clause) and the dates stage (an event's own date) apply.

An act is background when the period its date names ended more than ``BACKGROUND_DAYS`` (two
weeks) before the story's day: "detained the president on July 26" in a story of August 25,
"in 2019" or "last month" in a story of mid-2020. Background events are only emitted with
``--all-modalities``. (The two stages used 14 and 31 days before; 14 for both gives the same
events on every development set, 31 for both one more false event on the held-out articles.)
"""
from __future__ import annotations

from datetime import date
from typing import Optional

BACKGROUND_DAYS = 14


def is_background(last_day: date, story_day: Optional[date]) -> bool:
    """Whether a period ending on ``last_day`` is background in a story of ``story_day``
    (never without a story day)."""
    return story_day is not None and (story_day - last_day).days > BACKGROUND_DAYS
