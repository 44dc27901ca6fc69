"""The dashboard's Alerts page, one alert's page, the Atom feed (parsed) and /api/alerts
(communique.web.alerts), over the synthetic scenario of _alert_fixtures."""
from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from communique.alerts.store import list_alerts, refresh
from communique.store import open_store
from communique.web import create_app
from communique.web.alerts import judge_new_articles

from _alert_fixtures import START, SURGE_WEEK, history, load, scenario, surge
from test_alerts import _Receiver

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("web-alerts") / "alerts.duckdb"))
    scenario(store)
    refresh(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(stored):
    with TestClient(create_app(store=stored)) as client:
        yield client


def test_the_alerts_page_lists_alerts_newest_first_with_their_links(client, stored):
    html = client.get("/alerts").text
    ids = re.findall(r'data-alert="(\w+)"', html)
    expected = list_alerts(stored, limit=None)
    assert ids == [a["id"] for a in expected] and len(ids) >= 3
    weeks = [a["week"] for a in expected]
    assert weeks == sorted(weeks, reverse=True)
    surge_alert = next(a for a in expected if a["kind"] == "conflict_surge")
    week_end = (datetime.fromisoformat(surge_alert["week"]) + timedelta(days=6)).date().isoformat()
    assert f'href="/dyad/ARM/AZE?since={surge_alert["week"]}&amp;until={week_end}&amp;by=day"' in html
    assert f'href="/alerts/{surge_alert["id"]}#evidence"' in html
    assert "Armenia – Azerbaijan" in html and "conflict surge" in html
    assert 'href="/alerts.atom"' in html


def test_every_page_links_to_the_alerts(client):
    assert '<a href="/alerts"' in client.get("/").text


def test_the_links_lead_to_the_week_and_to_the_evidence(client, stored):
    surge_alert = next(a for a in list_alerts(stored) if a["kind"] == "conflict_surge")
    page = client.get(f"/alerts/{surge_alert['id']}")
    assert page.status_code == 200
    assert 'id="evidence"' in page.text and "Officials of ARM" in page.text
    assert page.text.count('<tr data-event="') == surge_alert["reports"]
    assert "8 conflict reports in the week" in page.text
    week = client.get(f"/dyad/ARM/AZE?since={surge_alert['week']}&until={surge_alert['week_end']}&by=day")
    assert week.status_code == 200 and week.text.count('<tr data-event="') == 8


def test_the_alerts_page_filters_by_kind_and_refuses_unknown_kinds(client):
    html = client.get("/alerts?kind=first_contact").text
    assert re.findall(r'class="alert-kind (\w+)"', html) == ["first_contact"]
    bad = client.get("/alerts?kind=war")
    assert bad.status_code == 422 and "unknown kind" in bad.text
    assert client.get("/alerts/0000000000000000").status_code == 404


def test_the_atom_feed_parses_with_one_entry_per_alert(client, stored):
    response = client.get("/alerts.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}title").text == "communique alerts"
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "communique"
    entries = feed.findall(f"{ATOM}entry")
    alerts = list_alerts(stored, limit=None)
    assert [e.find(f"{ATOM}id").text for e in entries] == [f"urn:communique:alert:{a['id']}" for a in alerts]
    for entry, alert in zip(entries, alerts):
        assert alert["week"] in entry.find(f"{ATOM}title").text
        links = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
        assert links["alternate"] == f"http://testserver/alerts/{alert['id']}"
        assert links["related"].startswith("http://testserver/")
        datetime.fromisoformat(entry.find(f"{ATOM}updated").text.rstrip("Z"))
        assert entry.find(f"{ATOM}category").get("term") == alert["kind"]
        assert entry.find(f"{ATOM}summary").text == alert["summary"]
    surge_entry = entries[[a["kind"] for a in alerts].index("conflict_surge")]
    content = surge_entry.find(f"{ATOM}content")
    assert content.get("type") == "html" and "<li>" in content.text and "Officials of ARM" in content.text


def test_the_api_lists_alerts_and_checks_its_parameters(client):
    body = client.get("/api/alerts?a=AZE&b=ARM").json()
    assert body["total"] >= 1 and {(a["a"], a["b"]) for a in body["alerts"]} == {("ARM", "AZE")}
    one = client.get(f"/api/alerts/{body['alerts'][0]['id']}").json()
    assert one["events"] and one["baseline"]
    assert client.get("/api/alerts?a=ARM").status_code == 422
    assert client.get("/api/alerts?kind=war").status_code == 422
    assert "/api/alerts" in client.get("/openapi.json").json()["paths"]


def test_articles_added_through_the_server_are_judged_and_sent(tmp_path):
    receiver = _Receiver()
    store = open_store(str(tmp_path / "served.duckdb"))
    try:
        load(store, history("ARM", "AZE", SURGE_WEEK, 2.0, 0.5, seed=1))
        app = create_app(store=store, webhook=receiver.url)
        with TestClient(app) as client:
            started = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
            load(store, surge("ARM", "AZE", SURGE_WEEK, 8, seed=4))
            judge_new_articles(app, started)
            html = client.get("/alerts").text
            assert "conflict surge" in html
            deadline = time.monotonic() + 10
            while not receiver.bodies and time.monotonic() < deadline:
                time.sleep(0.05)
            assert [b["kind"] for b in receiver.bodies] == ["conflict_surge"]
            deadline = time.monotonic() + 10   # marked sent by the server's writer, read on a reader
            while not client.get("/api/alerts").json()["alerts"][0]["sent_at"] and time.monotonic() < deadline:
                time.sleep(0.05)
            assert client.get("/api/alerts").json()["alerts"][0]["sent_at"]
            assert (START + timedelta(weeks=SURGE_WEEK)).isoformat() in html
    finally:
        store.close()
        receiver.close()


# Four articles of my own on a pair of countries the store has never seen together.
FIRST_MEETINGS = [
    ("p1", "2023-08-14", "Harbour Gazette",
     "Chile signed a fisheries agreement with New Zealand in Santiago on Monday, officials said."),
    ("p2", "2023-08-15", "Plains Courier",
     "New Zealand's trade minister met Chilean officials in Wellington on Tuesday to discuss lithium exports."),
    ("p3", "2023-08-16", "Valley Wire", "Chile accused New Zealand on Wednesday of blocking a regional shipping deal."),
    ("p4", "2023-08-17", "Coastal Herald",
     "Chile's foreign minister held talks with New Zealand's foreign minister by telephone on Thursday."),
]


def test_articles_posted_to_the_api_are_judged_after_the_response(tmp_path, monkeypatch):
    store = open_store(str(tmp_path / "posted.duckdb"))
    try:
        load(store, history("CHN", "JPN", 34, 3.0, 0.5, seed=2))
        monkeypatch.setenv("COMMUNIQUE_TOKEN", "s3cret")
        with TestClient(create_app(store=store)) as client:
            response = client.post("/api/documents", headers={"Authorization": "Bearer s3cret"}, json=[
                {"id": i, "published": p, "source": s, "text": t} for i, p, s, t in FIRST_MEETINGS])
            assert response.status_code == 200, response.text
            rows = client.get("/api/alerts?a=CHL&b=NZL").json()["alerts"]
        assert [(r["kind"], r["week"]) for r in rows] == [("first_contact", "2023-08-14")]
        assert rows[0]["reports"] == 4 and rows[0]["sources"] == 4
    finally:
        store.close()
