"""Dyad series, balance, top actors and dyads, timeline: checked by hand on a small corpus.

The corpus (tests/_store_fixtures.py) holds, between China and Japan:
2020-06-14 COERCE 173 (-5.0, q4) CHN->JPN; 2020-07-28 CONSULT reported twice (042 +1.9 in
doc-a, 043 +2.8 in doc-b) CHN->JPN; 2020-08-02 ACCUSE 112 (-2.0, q3) JPN->CHN and AGREE 030
(+4.0, q1) CHN->JPN; and one France-Mali ASSAULT.
"""
from __future__ import annotations

import pytest

from _store_fixtures import address, load_corpus, store  # noqa: F401
from communique import analysis
from communique.analysis import series, to_frame


@pytest.fixture
def loaded(store):
    load_corpus(store)
    return store


def _pick(row, *keys):
    return tuple(row[k] for k in keys)


def test_monthly_dyad_series_by_hand(loaded):
    rows = analysis.dyad_series(loaded, "CHN", "JPN", by="month")
    keys = ("period", "events", "COERCE", "CONSULT", "ACCUSE", "AGREE", "q1", "q3", "q4",
            "goldstein_sum", "goldstein_mean")
    assert [_pick(r, *keys) for r in rows] == [
        ("2020-06-01", 1, 1, 0, 0, 0, 0, 0, 1, -5.0, -5.0),
        ("2020-07-01", 2, 0, 2, 0, 0, 2, 0, 0, 4.7, 2.35),
        ("2020-08-01", 2, 0, 0, 1, 1, 1, 1, 0, 2.0, 1.0),
    ]
    assert all(r["ASSAULT"] == 0 and r["q2"] == 0 for r in rows)


def test_dedup_counts_the_twice_reported_consultation_once(loaded):
    july = analysis.dyad_series(loaded, "JPN", "CHN", by="month", dedup=True)[1]
    assert _pick(july, "events", "CONSULT", "goldstein_sum") == (1, 1, 2.8)  # doc-b stands for it


def test_directed_series_keeps_one_direction(loaded):
    august = analysis.dyad_series(loaded, "CHN", "JPN", by="month", directed=True)[-1]
    assert _pick(august, "events", "AGREE", "ACCUSE") == (1, 1, 0)
    reverse = analysis.dyad_series(loaded, "JPN", "CHN", by="month", directed=True)
    assert [(r["period"], r["events"]) for r in reverse] == [("2020-08-01", 1)]


def test_weekly_series_fills_empty_weeks_and_yearly_sums_all(loaded):
    weeks = analysis.dyad_series(loaded, "CHN", "JPN", by="week")
    assert weeks[0]["period"] == "2020-06-08" and weeks[-1]["period"] == "2020-07-27"
    assert len(weeks) == 8 and sum(w["events"] for w in weeks) == 5
    assert weeks[1]["events"] == 0 and weeks[1]["goldstein_mean"] is None
    [year] = analysis.dyad_series(loaded, "CHN", "JPN", by="year", types=["CONSULT", "COERCE"])
    assert _pick(year, "period", "events", "goldstein_sum") == ("2020-01-01", 3, -0.3)
    assert analysis.dyad_series(loaded, "CHN", "JPN", by="day", fill=False)[0]["period"] == "2020-06-14"
    with pytest.raises(ValueError, match="unknown period"):
        analysis.dyad_series(loaded, "CHN", "JPN", by="fortnight")


def test_series_for_any_filter(loaded):
    rows = series(loaded, by="month", actor="FRA")
    assert [(r["period"], r["ASSAULT"], r["q4"]) for r in rows] == [("2020-08-01", 1, 1)]


def test_balance(loaded):
    b = analysis.balance(loaded, "CHN", "JPN")
    assert _pick(b, "events", "cooperation", "conflict", "verbal_cooperation", "material_conflict") == (5, 3, 2, 3, 1)
    assert b["cooperation_share"] == 0.6 and b["balance"] == 0.2 and b["goldstein_mean"] == 0.34
    assert analysis.balance(loaded, "CHN", "JPN", since="2020-08-01")["cooperation_share"] == 0.5
    assert analysis.balance(loaded, "USA", "RUS")["cooperation_share"] is None


def test_top_actors_and_dyads(loaded):
    actors = analysis.top_actors(loaded, limit=3)
    assert [(a["code"], a["name"], a["events"]) for a in actors] == [("CHN", "China", 5), ("JPN", "Japan", 5), ("FRA", "France", 1)]
    assert actors[0]["as_actor"] == 4 and actors[0]["as_recipient"] == 1
    dyads = analysis.top_dyads(loaded)
    assert [(d["a"], d["b"], d["events"], d["goldstein_mean"]) for d in dyads] == [
        ("CHN", "JPN", 5, 0.34), ("FRA", "MLI", 1, -10.0)]
    assert [a["code"] for a in analysis.top_actors(loaded, since="2020-08-10")] == ["FRA", "MLI"]


def test_timeline_has_dates_evidence_and_sources(loaded):
    rows = analysis.timeline(loaded, "JPN", "CHN")
    assert [(r["date"], r["event"]) for r in rows] == [
        ("2020-06-14", "COERCE"), ("2020-07-28", "CONSULT"), ("2020-08-02", "ACCUSE"), ("2020-08-02", "AGREE")]
    consult = rows[1]
    assert consult["mentions"] == 2 and consult["sources"] == ["doc-a", "doc-b"]
    assert consult["text"].startswith("Beijing said") and consult["actor"] == "Beijing"
    assert len(analysis.timeline(loaded, "JPN", "CHN", dedup=False)) == 5


def test_results_become_pandas_frames(loaded):
    frame = to_frame(analysis.dyad_series(loaded, "CHN", "JPN"))
    assert list(frame["events"]) == [1, 2, 2]
    assert str(frame["period"].dtype).startswith("datetime64")
    assert to_frame(analysis.balance(loaded, "CHN", "JPN")).loc[0, "conflict"] == 2
    assert len(to_frame(analysis.timeline(loaded, "CHN", "JPN"))) == 4


def test_an_event_dated_to_a_week_is_stored_counted_and_shown_with_its_precision(store):
    from datetime import date

    from _store_fixtures import entity, make_event
    from communique.model import Document

    text = "Chinese and Japanese officials met in Tokyo last week."
    event = make_event("doc-w", "040", [entity("CHN")], [entity("JPN", start=12)], date(2020, 7, 20), text=text,
                       published=date(2020, 7, 30))
    event.date_precision = "week"
    store.add_coded(Document(id="doc-w", text=text, published=date(2020, 7, 30)), [event])
    (row,) = analysis.timeline(store, "CHN", "JPN")
    assert (row["date"], row["date_precision"]) == ("2020-07-20", "week")
    weekly = analysis.dyad_series(store, "CHN", "JPN", by="week")
    assert [(r["period"], r["events"]) for r in weekly] == [("2020-07-20", 1)]
    assert store.events(limit=5)[0]["date_precision"] == "week"


def test_a_series_spanning_years_1_to_9999_by_day_does_not_fill_millions_of_days(store):
    """Dates no reader accepts any more may sit in older stores: the series stays bounded."""
    from datetime import date

    from _store_fixtures import entity, make_event
    from communique.model import Document

    for doc, when in (("early", date(1, 1, 1)), ("late", date(9999, 12, 31))):
        store.add_coded(Document(id=doc, text=f"Report {doc}."),
                        [make_event(doc, "042", [entity("CHN")], [entity("JPN", start=5)], when)])
    rows = analysis.dyad_series(store, "CHN", "JPN", by="day")
    assert [r["period"] for r in rows] == ["0001-01-01", "9999-12-31"]
    assert "spans 3,652,059 days" in analysis.series_note(rows, "day")
    assert len(analysis.dyad_series(store, "CHN", "JPN", by="month")) == 2
    by_year = analysis.dyad_series(store, "CHN", "JPN", by="year")  # 9,999 years: under the cap
    assert len(by_year) == 9999 and analysis.series_note(by_year, "year") is None
    assert analysis.series_note(analysis.dyad_series(store, "CHN", "JPN", by="day", since=date(2020, 1, 1)), "day") is None


def test_gaps_are_still_filled_within_the_cap(loaded):
    rows = analysis.dyad_series(loaded, "CHN", "JPN", by="day")
    assert len(rows) == analysis.periods_between(date_of(rows[0]), date_of(rows[-1]), "day") == 50
    assert analysis.series_note(rows, "day") is None


def date_of(row):
    from datetime import date

    return date.fromisoformat(row["period"])
