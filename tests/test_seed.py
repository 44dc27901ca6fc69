"""Acceptance on the reference article (the user's own document, read from ../shared)."""
from datetime import date

import pytest

from communique.ingest import read_documents
from communique.pipeline import code_documents


@pytest.fixture(scope="module")
def seed_events():
    from conftest import SHARED

    path = SHARED / "samples" / "seed-article.txt"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    docs = list(read_documents([str(path)]))
    assert len(docs) == 1 and hasattr(docs[0], "text"), docs
    assert docs[0].published == date(2020, 7, 30)
    (document, events), = list(code_documents(docs))
    assert isinstance(events, list), events
    return document, [e.to_record() for e in events]


def _codes(entities):
    return {e["code"] for e in entities}


def test_phone_call_between_the_two_ministers(seed_events):
    document, events = seed_events
    calls = [e for e in events if e["event"] == "CONSULT" and e["mode"] == "phone"]
    assert calls, events
    call = calls[0]
    assert call["cameo"] == "041" and call["date"] == "2020-07-28" and call["date_precision"] == "day"
    people = {(e["name"], e["code"], e["sector"]) for e in call["actor"] + call["recipient"]}
    assert ("Wang Yi", "CHN", "GOV") in people
    assert ("Toshimitsu Motegi", "JPN", "GOV") in people
    for entity in call["actor"] + call["recipient"]:
        assert document.text[entity["start"]:entity["end"]] == entity["text"]
    t = call["trigger"]
    assert document.text[t["start"]:t["end"]] == t["text"]


def test_japan_willing_to_work_with_china(seed_events):
    _, events = seed_events
    assert any("JPN" in _codes(e["actor"]) and "CHN" in _codes(e["recipient"]) for e in events), events


def test_china_appeals_to_japan(seed_events):
    _, events = seed_events
    assert any(e["event"] == "REQUEST" and "CHN" in _codes(e["actor"]) and "JPN" in _codes(e["recipient"])
               for e in events), events


def test_no_invented_countries_and_few_events(seed_events):
    _, events = seed_events
    assert len(events) <= 15
    for e in events:
        countries = _codes(e["actor"]) | _codes(e["recipient"])
        assert countries <= {"CHN", "JPN", "IGO", "NGO"}, e
