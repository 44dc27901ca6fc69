"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

A reader's path: the overview, a dyad from its ranking, the chart and the table, a category
filter, an article from the table, an event clicked to pick out its words. The server runs
in a background thread over a store of hand-made events (see test_web_api).

COMMUNIQUE_SCREENSHOTS=1 saves docs/screenshots/{overview,dyad,article}.png;
COMMUNIQUE_SCREENSHOT_DB=path serves that store instead (e.g. the coded sample corpus).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from _served import running_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed (apt-get install chromium)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from communique.store import open_store
    from communique.web import create_app
    from test_web_api import fill_store

    given = os.environ.get("COMMUNIQUE_SCREENSHOT_DB")
    store = open_store(given) if given else open_store(str(tmp_path_factory.mktemp("browser") / "events.duckdb"))
    if not given:
        fill_store(store)
    with running_server(create_app(store=store)) as (url, _port):
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, server):
    """A page that records script errors and any request leaving the local server."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda exc: page.problems.append(f"script error: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(f"console: {msg.text}"))
    page.on("request", lambda req: req.url.startswith(server) or page.problems.append(f"left the server: {req.url}"))
    yield page
    context.close()


def screenshot(page, name: str, full_page: bool = True) -> None:
    if os.environ.get("COMMUNIQUE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def test_overview_dyad_article_walkthrough(page, server):
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator("table.events tbody tr").count() > 0
    screenshot(page, "overview.png")

    # a dyad from the ranking: the chart is drawn and the table filled
    page.locator("a.dyad-link").first.click()
    page.wait_for_url("**/dyad/**")
    page.wait_for_selector("#dyad-chart svg")
    assert page.locator("#dyad-chart svg rect.q1, #dyad-chart svg rect.q2, "
                        "#dyad-chart svg rect.q3, #dyad-chart svg rect.q4").count() > 0
    assert page.locator("#dyad-chart svg path.goldstein, #dyad-chart svg circle.goldstein-dot").count() > 0
    rows = page.locator("table.events tbody tr").count()
    assert rows > 0
    screenshot(page, "dyad.png", full_page=False)  # the chart and the first rows

    # the category filter narrows the table and the chart together
    category = page.locator("table.events tbody tr .badge").first.inner_text()
    page.select_option("#dyad-filters select[name=type]", category)
    page.locator("#dyad-filters button[type=submit]").click()
    page.wait_for_url(f"**type={category}**")
    page.wait_for_selector("#dyad-chart svg")
    badges = page.locator("table.events tbody tr .badge").all_inner_texts()
    assert badges and set(badges) == {category}
    assert len(badges) <= rows
    bar_total = page.evaluate("""() => JSON.parse(document.getElementById('series-data').textContent)
                                   .reduce((n, r) => n + r.events, 0)""")
    assert bar_total == int(page.locator(".stats .stat .num").first.inner_text().replace(",", ""))

    # an article from the table: clicking an event picks out its spans
    page.locator("table.events tbody tr a[href^='/documents/']").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("#article-text .hl").count() > 0
    assert page.locator("#article-text .hl.active").count() == 0
    card = page.locator(".event-card").first
    card.click()
    event_id = card.get_attribute("data-event")
    active = page.locator("#article-text .hl.active")
    assert active.count() > 0
    for i in range(active.count()):
        assert event_id in active.nth(i).get_attribute("data-events").split()
    assert page.locator("#article-text .hl.active.hl-trigger").count() >= 1
    assert card.get_attribute("aria-pressed") == "true"
    screenshot(page, "article.png")
    card.click()  # a second click clears the selection
    assert page.locator("#article-text .hl.active").count() == 0

    assert page.problems == []


def test_search_and_actor_pages_render_in_the_browser(page, server):
    page.goto(server + "/search")
    page.fill("form.search input[name=q]", "talks")
    page.locator("form.search button[type=submit]").click()
    page.wait_for_url("**q=talks**")
    evidence = page.locator("td.evidence").all_inner_texts()
    assert evidence and all("talks" in e.lower() for e in evidence)
    page.locator("table.events tbody tr td a.code").first.click()
    page.wait_for_url("**/actors/**")
    assert page.locator("text=Counterparts").count() == 1
    assert page.locator("table.events tbody tr").count() > 0
    assert page.problems == []


CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
    e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""


def test_every_page_passes_the_content_security_policy(page, server):
    """The server sends a strict CSP (no inline script or style); Chromium reports no violation
    on any page, and the chart (drawn by script) and the article's clickable spans still work."""
    page.add_init_script(CSP_WATCH)
    seen_policy = []
    page.on("response", lambda r: r.request.resource_type == "document" and seen_policy.append(
        r.headers.get("content-security-policy")))
    for url in ("/", "/dyad/CHN/JPN", "/dyad/CHN/JPN?by=day", "/documents/asia-2021-03-02", "/actors/CHN",
                "/actors/United%20Nations", "/search?q=talks", "/api", "/no/such/page"):
        page.goto(server + url)
        page.wait_for_load_state("load")
        if url.startswith("/dyad/"):
            page.wait_for_selector("#dyad-chart svg rect")
        if url.startswith("/documents/"):
            page.locator(".event-card").first.click()
            assert page.locator("#article-text .hl.active").count() > 0
        if url == "/":
            assert page.locator("svg.bar rect").count() > 0
        assert page.evaluate("window.__cspViolations") == [], url
    assert seen_policy and all(p and "script-src 'self'" in p and "frame-ancestors 'none'" in p for p in seen_policy)
    assert [p for p in page.problems if "status of 404" not in p] == []  # the error page is a 404
