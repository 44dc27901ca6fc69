"""Event places: stated places in the trigger's clause, the capital, the dateline fallback."""
from datetime import date

import pytest

from conftest import hand_events
from communique.model import Document, Event, Trigger
from communique.places import assign_locations


@pytest.fixture(scope="module")
def nlp():
    from communique.nlp import load_model

    return load_model()


def _located(nlp, text, triggers, actor="AFG", **document_fields):
    document = Document("d", text, date(2021, 3, 10), **document_fields)
    sdoc = nlp(text)
    events = hand_events(sdoc, document, triggers, event="ASSAULT", cameo="190", actor=actor)
    assign_locations(events, sdoc, document)
    return [e.location for e in events]


def test_in_kabul(nlp):
    (where,) = _located(nlp, "Gunmen attacked a police post in Kabul on Sunday.", ["attacked"])
    assert where.name == "Kabul" and where.country == "AFG" and where.lat is not None


def test_summit_in_geneva_and_here_in_tokyo(nlp):
    (summit,) = _located(nlp, "The ministers met at the summit in Geneva.", ["met"])
    assert summit.country == "CHE"
    (here,) = _located(nlp, "Thousands rallied here in Tokyo against the treaty.", ["rallied"])
    assert here.name == "Tokyo"


def test_country_as_place(nlp):
    (where,) = _located(nlp, "Heavy fighting in Yemen killed twelve soldiers.", ["killed"])
    assert where.country == "YEM"


def test_place_of_another_clause_is_not_taken(nlp):
    statement, attack = _located(
        nlp, "The ambassador said in London that rebels attacked the convoy.", ["said", "attacked"])
    assert statement.name == "London"
    assert attack is None


def test_in_the_capital_uses_the_dateline_city(nlp):
    (where,) = _located(nlp, "Police fired tear gas at protesters in the capital.", ["fired"],
                        dateline_place="Nairobi")
    assert where.name == "Nairobi" and where.country == "KEN"


def test_dateline_only_for_the_first_paragraph(nlp):
    text = ("KABUL, March 9 (Reuters) - Afghan forces repelled an assault on a checkpoint.\n\n"
            "Separately, the president criticised the United States.")
    lede, later = _located(nlp, text, ["repelled", "criticised"], dateline_place="Kabul")
    assert lede.name == "Kabul" and lede.country == "AFG"
    assert later is None


def test_historical_events_get_no_dateline_place(nlp):
    text = "BAGHDAD, March 9 (AP) - Insurgents bombed a market."
    document = Document("d", text, date(2021, 3, 10), dateline_place="Baghdad")
    sdoc = nlp(text)
    start = text.index("bombed")
    event = Event("d", "ASSAULT", "183", [], [], Trigger("bombed", start, start + 6), text, 0,
                  historical=True)
    assign_locations([event], sdoc, document)
    assert event.location is None
