"""The Alerts pages in a real headless Chromium, as test_web_browser drives it: the Alerts
page from the navigation, newest first; an alert's evidence and baseline chart; the week
on the dyad page; the Atom feed behind the page's feed link.

COMMUNIQUE_SCREENSHOTS=1 saves docs/screenshots/alerts.png.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from _served import running_server
from test_web_browser import browser, page, pytestmark, screenshot  # noqa: F401  (fixtures, marks)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from communique.alerts.store import refresh
    from communique.store import open_store
    from communique.web import create_app

    from _alert_fixtures import scenario

    store = open_store(str(tmp_path_factory.mktemp("browser-alerts") / "alerts.duckdb"))
    scenario(store)
    refresh(store)
    with running_server(create_app(store=store)) as (url, _port):
        yield url
    store.close()


def test_alerts_page_evidence_and_week_in_the_browser(page, server):  # noqa: F811
    page.goto(server + "/")
    page.locator("nav a[href='/alerts']").click()
    page.wait_for_url("**/alerts")
    rows = page.locator("table.alerts tbody tr.alert-row")
    assert rows.count() >= 3
    weeks = page.locator("table.alerts tbody td.c-date").all_inner_texts()
    assert weeks == sorted(weeks, reverse=True)
    assert page.locator("nav a.current").inner_text() == "Alerts"
    screenshot(page, "alerts.png")

    # the evidence of the conflict surge: its reports with their sentences, and its baseline
    surge = page.locator("tr.alert-row", has=page.locator(".alert-kind.conflict_surge")).first
    surge.locator("a.evidence-link").click()
    page.wait_for_url("**/alerts/*")
    assert page.locator("#evidence table.events tbody tr").count() == 8
    assert all(t.startswith("Officials of") for t in page.locator("#evidence td.evidence").all_inner_texts())
    assert page.locator("svg.baseline-chart rect.conflict").count() > 0
    assert page.locator("svg.baseline-chart rect.judged").count() == 1

    # the week on the dyad page: the chart is drawn and the table holds that week's events
    page.locator("a.week-link").first.click()
    page.wait_for_url("**/dyad/ARM/AZE?**")
    page.wait_for_selector("#dyad-chart svg")
    assert page.locator("table.events tbody tr").count() == 8

    # the feed behind the page's feed link
    page.goto(server + "/alerts")
    href = page.locator("a.feed-link").get_attribute("href")
    feed = ET.fromstring(page.request.get(server + href).body())
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == rows.count()
    assert page.problems == []
