"""The HTTP API and the server-rendered pages, over a store of hand-made events.

The events are written through ``store.add_coded`` so these tests do not depend on the
coder; only the POST test codes real text (a coder error there fails the test).
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from communique.model import Document, Entity, Event, Trigger
from communique.ontology import cameo
from communique.store import open_store
from communique.web import create_app
from communique.web.highlight import evidence, segments

# --- a small corpus of my own sentences, coded by hand ---------------------------------
# Each event: (sentence index, CAMEO code, trigger, actors, recipients, date); an entity is
# (words, code, sector, name, id). Offsets are found in the text, as the coder would give them.
CORPUS = [
    dict(id="asia-2021-03-02", published=date(2021, 3, 2), title="Beijing and Tokyo agree to resume maritime talks",
         source="Example Wire", url="https://example.org/asia/maritime-talks",
         text=("Beijing and Tokyo agreed on Monday to resume talks on maritime security after a pause of two years. "
               "Chinese Foreign Minister Wang Yi spoke by telephone with Japanese Foreign Minister Toshimitsu Motegi "
               "about fishing rights in the East China Sea. "
               "Japan protested the presence of Chinese coast guard vessels near the disputed islands."),
         events=[
             (0, "030", "agreed", [("Beijing", "CHN", "GOV", None, None)], [("Tokyo", "JPN", "GOV", None, None)], date(2021, 3, 1)),
             (1, "041", "spoke by telephone", [("Wang Yi", "CHN", "GOV", "Wang Yi", "wang-yi")],
              [("Toshimitsu Motegi", "JPN", "GOV", "Toshimitsu Motegi", "toshimitsu-motegi")], date(2021, 3, 2)),
             (2, "111", "protested", [("Japan", "JPN", "GOV", None, None)], [("Chinese coast guard", "CHN", "COP", None, None)], date(2021, 3, 2)),
         ]),
    dict(id="asia-2021-04-15", published=date(2021, 4, 15), title="Japan accuses China over warships",
         source="Example Wire", url=None,
         text=("Japan accused China on Wednesday of sending warships into waters it administers. "
               "China rejected the Japanese complaint and called it interference in its internal affairs."),
         events=[
             (0, "112", "accused", [("Japan", "JPN", "GOV", None, None)], [("China", "CHN", "GOV", None, None)], date(2021, 4, 14)),
             (1, "120", "rejected", [("China", "CHN", "GOV", None, None)], [("Japanese", "JPN", "GOV", None, None)], date(2021, 4, 15)),
         ]),
    dict(id="asia-2021-05-20", published=date(2021, 5, 20), title="Suga and Li meet in Hanoi",
         source="Example Times", url=None,
         text=("Japanese Prime Minister Yoshihide Suga met Chinese Premier Li Keqiang in Hanoi on Tuesday "
               "on the sidelines of a regional summit. "
               "Yoshihide Suga and Li Keqiang pledged to expand trade and to open a hotline between their defence ministries."),
         events=[
             (0, "043", "met", [("Yoshihide Suga", "JPN", "GOV", "Yoshihide Suga", "yoshihide-suga")],
              [("Li Keqiang", "CHN", "GOV", "Li Keqiang", "li-keqiang")], date(2021, 5, 18)),
             (1, "031", "pledged", [("Yoshihide Suga", "JPN", "GOV", "Yoshihide Suga", "yoshihide-suga")],
              [("Li Keqiang", "CHN", "GOV", "Li Keqiang", "li-keqiang")], date(2021, 5, 18)),
         ]),
    dict(id="europe-2021-06-10", published=date(2021, 6, 10), title="Shelling near Donetsk; Kyiv asks for monitors",
         source="Example Times", url=None,
         text=("Russian forces shelled the outskirts of Donetsk overnight, Ukrainian officials said. "
               "Kyiv asked the United Nations to send monitors to the front line. "
               "The European Union imposed new sanctions on Russian banks."),
         events=[
             (0, "190", "shelled", [("Russian forces", "RUS", "MIL", None, None)], [("Donetsk", "UKR", None, None, None)], date(2021, 6, 9)),
             (1, "020", "asked", [("Kyiv", "UKR", "GOV", None, None)],
              [("United Nations", "IGO", None, "United Nations", None)], date(2021, 6, 10)),
             (2, "160", "imposed new sanctions", [("European Union", "IGO", None, "European Union", None)],
              [("Russian banks", "RUS", "BUS", None, None)], date(2021, 6, 10)),
         ]),
    dict(id="usa-2021-07-05", published=date(2021, 7, 5), title="Tariff dispute over steel",
         source="Example Wire", url=None,
         text=("Washington announced tariffs on Chinese steel on Friday. "
               "The Chinese commerce ministry threatened to retaliate against American farm exports."),
         events=[
             (0, "160", "announced tariffs", [("Washington", "USA", "GOV", None, None)], [("Chinese", "CHN", "BUS", None, None)], date(2021, 7, 2)),
             (1, "130", "threatened", [("Chinese commerce ministry", "CHN", "GOV", None, None)], [("American", "USA", "BUS", None, None)], date(2021, 7, 5)),
         ]),
    dict(id="asia-2021-08-02", published=date(2021, 8, 2), title="Disaster relief pact",
         source="Example Times", url=None,
         text=("China and Japan signed an agreement on Saturday to cooperate on disaster relief. "
               "Tokyo will send medical supplies to flood-hit Henan province, its embassy said."),
         events=[
             (0, "030", "signed an agreement", [("China", "CHN", "GOV", None, None)], [("Japan", "JPN", "GOV", None, None)], date(2021, 7, 31)),
             (1, "073", "send medical supplies", [("Tokyo", "JPN", "GOV", None, None)], [("Henan province", "CHN", None, None, None)], date(2021, 8, 2)),
         ]),
    dict(id="asia-2021-09-11", published=date(2021, 9, 11), title="Defence talks in Beijing",
         source="Example Wire", url=None,
         text=("Chinese and Japanese defence officials held talks in Beijing on Thursday. "
               "Japan urged China to respect freedom of navigation."),
         events=[
             (0, "040", "held talks", [("Chinese", "CHN", "MIL", None, None)], [("Japanese defence officials", "JPN", "MIL", None, None)], date(2021, 9, 9)),
             (1, "020", "urged", [("Japan", "JPN", "GOV", None, None)], [("China", "CHN", "GOV", None, None)], date(2021, 9, 11)),
         ]),
    dict(id="notes-2021-10-01", published=date(2021, 10, 1), title="A quiet week", source="Example Times", url=None,
         text="The weather in the capital stayed mild this week and the markets were calm.", events=[]),
]

N_DOCUMENTS = len(CORPUS)
N_EVENTS = sum(len(d["events"]) for d in CORPUS)
N_CHN_JPN = 11


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in re.finditer(r"(?<=\.)\s+|$", text):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    return bounds


def make_entity(text: str, sentence: tuple[int, int], spec) -> Entity:
    words, code, sector, name, entity_id = spec
    start = text.index(words, sentence[0], sentence[1])
    return Entity(text=words, code=code, sector=sector, name=name, id=entity_id, start=start, end=start + len(words))


def make_events(spec: dict) -> list[Event]:
    text, bounds, events = spec["text"], sentence_bounds(spec["text"]), []
    for index, code, trigger, actors, recipients, when in spec["events"]:
        sentence = bounds[index]
        info = cameo(code)
        at = text.index(trigger, sentence[0], sentence[1])
        events.append(Event(
            doc=spec["id"], event=info.plover, cameo=code,
            actor=[make_entity(text, sentence, a) for a in actors],
            recipient=[make_entity(text, sentence, r) for r in recipients],
            trigger=Trigger(trigger, at, at + len(trigger)),
            text=text[sentence[0]:sentence[1]], sentence=index, mode=info.mode, context=list(info.context),
            quad_class=info.quad_class, goldstein=info.goldstein, date=when,
            date_precision="day" if when != spec["published"] else "published",
            published=spec["published"], confidence=0.8))
    return events


def fill_store(store) -> None:
    for spec in CORPUS:
        document = Document(id=spec["id"], text=spec["text"], published=spec["published"], url=spec["url"],
                            title=spec["title"], source=spec["source"])
        store.add_coded(document, make_events(spec))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("web") / "events.duckdb"))
    fill_store(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store=store)) as client:
        yield client


@pytest.fixture()
def empty_client(tmp_path):
    store = open_store(str(tmp_path / "empty.duckdb"))
    with TestClient(create_app(store=store)) as client:
        yield client
    store.close()


# --- reading -----------------------------------------------------------------------------

def test_overview_counts_and_rankings(client):
    data = client.get("/api/overview").json()
    assert data["counts"]["documents"] == N_DOCUMENTS
    assert data["counts"]["events"] == N_EVENTS
    assert {data["top_dyads"][0]["a"], data["top_dyads"][0]["b"]} == {"CHN", "JPN"}
    assert data["top_dyads"][0]["events"] == N_CHN_JPN
    assert data["latest_events"][0]["date"] == "2021-09-11"
    assert data["latest_date"] == "2021-09-11"


def test_overview_period_narrows_the_rankings(client):
    data = client.get("/api/overview", params={"since": "2021-06-01", "until": "2021-06-30"}).json()
    dyads = {frozenset((d["a"], d["b"])) for d in data["top_dyads"]}
    assert frozenset(("CHN", "JPN")) not in dyads
    assert frozenset(("RUS", "UKR")) in dyads
    assert all("2021-06-01" <= e["date"] <= "2021-06-30" for e in data["latest_events"])


def test_events_pages_with_limit_and_offset(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == N_EVENTS
    assert len(first["events"]) == len(second["events"]) == 5
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    dates = [e["date"] for e in first["events"] + second["events"]]
    assert dates == sorted(dates, reverse=True)


def test_events_filters(client):
    accuse = client.get("/api/events", params={"type": "ACCUSE"}).json()
    assert accuse["total"] == 2 and {e["event"] for e in accuse["events"]} == {"ACCUSE"}
    both = client.get("/api/events", params=[("type", "ACCUSE"), ("type", "reject")]).json()
    assert both["total"] == 3
    words = client.get("/api/events", params={"q": "sanctions"}).json()
    assert [e["doc"] for e in words["events"]] == ["europe-2021-06-10"]
    body = client.get("/api/events", params={"actor": "United Nations"}).json()
    assert body["total"] == 1 and body["events"][0]["event"] == "REQUEST"
    dyad = client.get("/api/events", params={"a": "jpn", "b": "chn", "since": "2021-05-01", "until": "2021-08-31"}).json()
    assert dyad["total"] == 4
    assert client.get("/api/events", params={"doc": "usa-2021-07-05"}).json()["total"] == 2


@pytest.mark.parametrize("params,fragment", [
    ({"limit": 501}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"offset": 10**20}, "offset"),
    ({"type": "NEGOTIATE"}, "NEGOTIATE"),
    ({"since": "2021-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"since": "2021-06-01", "until": "2021-05-01"}, "after"),
    ({"a": "CHN"}, "both a and b"),
    ({"dedup": "perhaps"}, "dedup"),
])
def test_events_bad_parameters_are_422_with_a_message(client, params, fragment):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert fragment in str(response.json()["detail"])


def test_dyad_series_counts_quad_classes(client):
    data = client.get("/api/dyads/CHN/JPN/series", params={"by": "month"}).json()
    assert data["by"] == "month"
    periods = [row["period"] for row in data["series"]]
    assert periods[0] == "2021-03-01" and periods[-1] == "2021-09-01"
    assert sum(row["events"] for row in data["series"]) == N_CHN_JPN
    march = data["series"][0]
    assert (march["q1"], march["q3"]) == (2, 1)
    assert data["balance"]["events"] == N_CHN_JPN


def test_dyad_series_filters_and_auto_granularity(client):
    data = client.get("/api/dyads/jpn/chn/series", params={"type": "CONSULT", "by": "auto"}).json()
    assert sum(row["events"] for row in data["series"]) == 3
    assert data["by"] in ("month", "week", "day")
    assert len(data["series"]) >= 3


@pytest.mark.parametrize("params", [{"by": "fortnight"}, {"type": "HUG"}, {"since": "2021-02-30"}])
def test_dyad_series_bad_parameters(client, params):
    response = client.get("/api/dyads/CHN/JPN/series", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_document_with_its_events(client):
    data = client.get("/api/documents/asia-2021-03-02").json()
    assert data["title"].startswith("Beijing and Tokyo")
    assert len(data["events"]) == 3
    call = next(e for e in data["events"] if e["event"] == "CONSULT")
    assert data["text"][call["trigger"]["start"]:call["trigger"]["end"]] == "spoke by telephone"


def test_a_document_does_not_show_where_the_server_read_it(tmp_path):
    """``origin`` is a path on the server (the file an ingest read): the API keeps it inside."""
    store = open_store(str(tmp_path / "origin.duckdb"))
    store.add_coded(Document(id="from-disk", text="Officials met in Hanoi on Monday.", title="A meeting",
                             origin="/srv/private/feeds/wire-2021.jsonl:17"), [])
    try:
        with TestClient(create_app(store=store)) as client:
            data = client.get("/api/documents/from-disk").json()
            page = client.get("/documents/from-disk").text
    finally:
        store.close()
    assert data["id"] == "from-disk" and data["title"] == "A meeting" and "text" in data
    assert "origin" not in data
    assert "/srv/private" not in str(data) and "/srv/private" not in page


def test_unknown_routes_and_methods_are_json_errors_under_api(client):
    missing = client.get("/api/nothing")
    assert missing.status_code == 404 and "no page at /api/nothing" in missing.json()["detail"]
    assert client.get("/api/documents").status_code == 405
    assert client.delete("/api/events").status_code == 405


def test_unknown_document_is_404(client):
    response = client.get("/api/documents/no-such-article")
    assert response.status_code == 404
    assert "no-such-article" in response.json()["detail"]


def test_actor_country_and_person(client):
    china = client.get("/api/actors/CHN", params={"limit": 3}).json()
    assert china["code"] == "CHN" and china["name"] == "China"
    assert china["total"] == 13 and len(china["events"]) == 3
    assert china["counterparts"][0]["code"] == "JPN"
    person = client.get("/api/actors/wang-yi").json()
    assert person["name"] == "Wang Yi" and person["total"] == 1


def test_actor_unknown_and_bad_limit(client):
    assert client.get("/api/actors/Atlantis").status_code == 404
    assert client.get("/api/actors/CHN", params={"limit": 1000}).status_code == 422


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/overview", "/api/events", "/api/dyads/{a}/{b}/series", "/api/documents/{doc_id}",
                 "/api/actors/{key}", "/api/documents"):
        assert path in paths, path
    assert "post" in paths["/api/documents"]
    assert "requestBody" in paths["/api/documents"]["post"]


def test_api_page_lists_the_endpoints_offline(client):
    html = client.get("/api").text
    assert "/api/dyads/{a}/{b}/series" in html and "POST" in html and "COMMUNIQUE_TOKEN" in html
    assert "cdn" not in html.lower()


def test_empty_store_reads(empty_client):
    assert empty_client.get("/api/overview").json()["counts"]["events"] == 0
    assert empty_client.get("/api/events").json() == {"total": 0, "limit": 50, "offset": 0, "events": []}
    assert empty_client.get("/api/dyads/CHN/JPN/series").json()["series"] == []


# --- writing -----------------------------------------------------------------------------

ARTICLE = {"id": "post-1", "published": "2021-11-03", "title": "Talks in Seoul", "source": "Example Wire",
           "text": "South Korean Foreign Minister Chung Eui-yong met Japanese Foreign Minister Yoshimasa Hayashi "
                   "in Seoul on Tuesday to discuss trade."}


def test_writing_is_refused_without_a_configured_token(client, monkeypatch):
    monkeypatch.delenv("COMMUNIQUE_TOKEN", raising=False)
    response = client.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "COMMUNIQUE_TOKEN" in response.json()["detail"]


def test_writing_needs_the_right_token(client, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_TOKEN", "s3cret")
    missing = client.post("/api/documents", json=ARTICLE)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 403 and wrong.json()["detail"] == "wrong token"
    basic = client.post("/api/documents", json=ARTICLE, headers={"Authorization": "Basic s3cret"})
    assert basic.status_code == 401


def test_oversized_body_is_413(client, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_TOKEN", "s3cret")
    big = {**ARTICLE, "text": "word " * 500_000}
    response = client.post("/api/documents", json=big, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413
    assert "bytes" in response.json()["detail"]


@pytest.mark.parametrize("body,status", [
    (b"{not json", 400),
    (b'{"id": "x"}', 422),
    (b'{"id": "x", "text": "Some words.", "published": "31/12/2021"}', 422),
    (b"[]", 422),
    (b"5", 422),
    # nested ~5,000 deep (the JSON reader's recursion), a 5,000-digit number (Python's
    # int-digits limit), a text over the parser's 1,000,000 characters; a lone surrogate (pydantic)
    (b"[" * 5000 + b"]" * 5000, 400),
    (b'{"id": "x", "text": "Some words.", "published": ' + b"7" * 5000 + b"}", 400),
    (b'{"id": "x", "text": "' + b"word " * 200_001 + b'"}', 422),
    (b'{"id": "x", "text": "A lone \\ud800 surrogate."}', 422),
])
def test_bad_documents_are_4xx(client, monkeypatch, body, status):
    monkeypatch.setenv("COMMUNIQUE_TOKEN", "s3cret")
    response = client.post("/api/documents", content=body,
                           headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert response.status_code == status
    assert response.json()["detail"]


def test_post_codes_and_stores_articles(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_TOKEN", "s3cret")
    store = open_store(str(tmp_path / "post.duckdb"))
    try:
        with TestClient(create_app(store=store)) as client:
            second = {**ARTICLE, "id": "post-2", "text": "China and Japan signed a trade agreement in Tokyo on Monday."}
            response = client.post("/api/documents", json=[ARTICLE, second],
                                   headers={"Authorization": "Bearer s3cret"})
            assert response.status_code == 200, response.text
            report = response.json()
            assert report["documents_added"] == 2 and report["errors"] == 0
            assert report["events_added"] >= 2  # the meeting and the agreement, coded for real
            assert [d["id"] for d in report["documents"]] == ["post-1", "post-2"]
            met = client.get("/api/events", params={"type": "CONSULT", "a": "KOR", "b": "JPN"}).json()["events"]
            assert [(e["doc"], e["date"]) for e in met] == [("post-1", "2021-11-02")]  # "on Tuesday"
            assert client.get("/api/documents/post-1").json()["title"] == "Talks in Seoul"
            again = client.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer s3cret"}).json()
            assert again["documents_skipped"] == 1
    finally:
        store.close()


# --- pages -------------------------------------------------------------------------------

def test_overview_page(client):
    html = client.get("/").text
    assert 'href="/dyad/CHN/JPN"' in html or 'href="/dyad/JPN/CHN"' in html
    assert "Latest events" in html and "badge q1" in html
    assert '<link rel="stylesheet" href="http://testserver/static/style.css">' in html or "/static/style.css" in html


def test_dyad_page_has_chart_data_and_table(client):
    response = client.get("/dyad/CHN/JPN", params={"by": "month"})
    assert response.status_code == 200
    html = response.text
    assert 'id="series-data"' in html and "chart.js" in html
    assert html.count('<tr data-event=') == N_CHN_JPN
    assert "<b>spoke by telephone</b>" in html


def test_dyad_page_filters_table_and_chart_together(client):
    html = client.get("/dyad/CHN/JPN", params={"type": "ACCUSE", "since": "2021-01-01"}).text
    assert html.count('<tr data-event=') == 2
    island = re.search(r'<script type="application/json" id="series-data">(.*?)</script>', html, re.S).group(1)
    assert '"ACCUSE": 1' in island.replace('":1', '": 1') or '"ACCUSE":1' in island


def test_dyad_page_paginates(client):
    html = client.get("/dyad/CHN/JPN", params={"limit": 4, "offset": 4}).text
    assert html.count('<tr data-event=') == 4
    assert "5–8 of 11 events" in html
    assert 'rel="next"' in html and 'rel="prev"' in html


def test_document_page_highlights_spans(client):
    html = client.get("/documents/asia-2021-03-02").text
    assert html.count('class="event-card"') == 3
    assert re.search(r'<span class="hl hl-trigger" data-events="[0-9a-f]+">spoke by telephone</span>', html)
    assert re.search(r'<span class="hl hl-actor" data-events="[0-9a-f]+">Wang Yi</span>', html)
    assert "article.js" in html


def test_actor_and_search_pages(client):
    html = client.get("/actors/CHN").text
    assert "China" in html and "Counterparts" in html and 'href="/dyad/CHN/JPN"' in html
    html = client.get("/search", params={"q": "monitors"}).text
    assert html.count('<tr data-event=') == 1 and "<b>asked</b>" in html
    html = client.get("/search", params={"actor": "wang-yi", "type": ""}).text
    assert html.count('<tr data-event=') == 1


@pytest.mark.parametrize("url,status", [
    ("/dyad/CHN/JPN?by=decade", 422),
    ("/dyad/CHN/JPN?since=2021-02-31", 422),
    ("/search?type=HUG", 422),
    ("/search?limit=9999", 422),
    ("/documents/nothing-here", 404),
    ("/actors/Atlantis", 404),
    ("/no/such/page", 404),
])
def test_pages_with_bad_parameters_show_an_error_page(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "error-message" in response.text


def test_pages_on_an_empty_store(empty_client):
    for url in ("/", "/dyad/CHN/JPN", "/search", "/search?q=talks"):
        response = empty_client.get(url)
        assert response.status_code == 200, url
    assert "no events yet" in empty_client.get("/").text


def test_article_page_escapes_stored_markup(tmp_path):
    store = open_store(str(tmp_path / "markup.duckdb"))
    store.add_coded(Document(id="odd", text="A <b>tag</b> & an ampersand.", title="<script>alert(1)</script>",
                             url="javascript:alert(1)"), [])
    with TestClient(create_app(store=store)) as client:
        html = client.get("/documents/odd").text
    store.close()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "A &lt;b&gt;tag&lt;/b&gt; &amp; an ampersand." in html
    assert "javascript:alert" not in html


def test_pages_load_nothing_from_other_hosts(client):
    for url in ("/", "/dyad/CHN/JPN", "/documents/asia-2021-03-02", "/actors/CHN", "/search?q=talks"):
        html = client.get(url).text
        assets = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith("/static/") for a in assets), (url, assets)


def test_bodies_link_to_their_own_page(client):
    html = client.get("/").text
    assert 'href="/actors/United%20Nations"' in html
    assert client.get("/actors/United%20Nations").status_code == 200


def test_static_assets_ship_with_the_package(client):
    assert "function draw" in client.get("/static/chart.js").text
    assert ".badge.q4" in client.get("/static/style.css").text
    assert client.get("/static/article.js").status_code == 200


# --- marking up text ---------------------------------------------------------------------

def test_overlapping_spans_are_cut_into_segments():
    text = "Wang Yi called Motegi."
    first = {"id": "e1", "trigger": {"start": 8, "end": 14}, "actor": [{"start": 0, "end": 7}],
             "recipient": [{"start": 15, "end": 21}]}
    second = {"id": "e2", "trigger": {"start": 8, "end": 14}, "actor": [{"start": 0, "end": 4}], "recipient": []}
    pieces, dropped = segments(text, [first, second])
    assert dropped == 0
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, sorted(p.kinds), p.events) for p in pieces if p.kinds] == [
        ("Wang", ["actor"], ["e1", "e2"]), (" Yi", ["actor"], ["e1"]),
        ("called", ["trigger"], ["e1", "e2"]), ("Motegi", ["recipient"], ["e1"])]


def test_spans_outside_the_text_are_dropped():
    pieces, dropped = segments("Short.", [{"id": "e", "trigger": {"start": 3, "end": 40}, "actor": [], "recipient": []}])
    assert dropped == 1 and [p.text for p in pieces] == ["Short."]


def test_evidence_bolds_the_trigger_and_escapes_the_rest():
    record = {"text": "Officials <said> Japan Protested.", "trigger": {"text": "protested"}}
    assert str(evidence(record)) == "Officials &lt;said&gt; Japan <b>Protested</b>."
    assert str(evidence({"text": "No trigger here.", "trigger": {"text": "absent"}})) == "No trigger here."


def test_dyad_page_by_day_over_years_1_to_9999_answers(tmp_path):
    """Events dated years 1 and 9999 (which no reader accepts any more, but an older store may
    hold) asked for 3.6 million empty days and ran out of memory."""
    store = open_store(str(tmp_path / "span.duckdb"))
    try:
        for doc, when in (("early", date(1, 1, 1)), ("late", date(9999, 12, 31))):
            store.add_coded(Document(id=doc, text=f"Beijing met Tokyo. ({doc})"), [Event(
                doc=doc, event="CONSULT", cameo="040", actor=[Entity("Beijing", "CHN", "GOV", start=0, end=7)],
                recipient=[Entity("Tokyo", "JPN", "GOV", start=12, end=17)], trigger=Trigger("met", 8, 11),
                text="Beijing met Tokyo.", sentence=0, quad_class=1, goldstein=1.0, date=when,
                date_precision="day")])
        with TestClient(create_app(store=store)) as client:
            for by in ("day", "auto"):
                response = client.get("/api/dyads/CHN/JPN/series", params={"by": by})
                assert response.status_code == 200 and len(response.json()["series"]) == 2
            assert client.get("/dyad/CHN/JPN", params={"by": "day"}).status_code == 200
    finally:
        store.close()
