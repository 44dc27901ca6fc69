"""Shared by test_store, test_analysis and test_export: a store over each backend, and a
small hand-built corpus whose events are written by hand (no coder needed)."""
from __future__ import annotations

import os
import uuid
from datetime import date

import pytest

from communique.model import Document, Entity, Event, Location, Trigger
from communique.ontology import cameo
from communique.store import open_store

POSTGRES_URL = os.environ.get("COMMUNIQUE_TEST_POSTGRES")

BACKENDS = [
    pytest.param("duckdb", id="duckdb"),
    pytest.param("postgres", id="postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not POSTGRES_URL, reason="COMMUNIQUE_TEST_POSTGRES is not set"),
    ]),
]


def store_address(kind: str, tmp_path) -> tuple[str, str | None]:
    """(address, schema): a DuckDB file in tmp_path, or a fresh PostgreSQL schema."""
    if kind == "duckdb":
        return str(tmp_path / "test.duckdb"), None
    schema = f"t_{uuid.uuid4().hex[:16]}"
    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}schema={schema}", schema


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=BACKENDS)
def address(request, tmp_path):
    url, schema = store_address(request.param, tmp_path)
    yield url
    if schema:
        drop_schema(schema)


@pytest.fixture
def store(address):
    s = open_store(address)
    yield s
    s.close()


def entity(code, sector="GOV", name=None, text=None, start=0):
    text = text or name or code
    return Entity(text=text, code=code, sector=sector, name=name, id=None, start=start,
                  end=start + len(text))


def make_event(doc, code, actor, recipient, when, sentence=0, text="", published=None,
               location=None, trigger_start=0):
    info = cameo(code)
    return Event(
        doc=doc, event=info.plover, cameo=code, actor=list(actor), recipient=list(recipient),
        trigger=Trigger(text="verb", start=trigger_start, end=trigger_start + 4), text=text,
        sentence=sentence, mode=info.mode, context=list(info.context), quad_class=info.quad_class,
        goldstein=info.goldstein, date=when, date_precision="day", published=published or when,
        location=location, confidence=0.8)


def corpus() -> list[tuple[Document, list[Event]]]:
    """Four documents on China-Japan and one on France-Mali, in June-August 2020.

    doc-a and doc-b report the same CHN->JPN consultation of 2020-07-28 (one event, two
    mentions); doc-c has a JPN->CHN accusation and a CHN->JPN agreement; doc-d an arrest
    by Chinese police of Japanese nationals; doc-e a French strike in Mali.
    """
    chn = entity("CHN", name="Wang Yi", text="Wang Yi", start=0)
    jpn = entity("JPN", name="Toshimitsu Motegi", text="Toshimitsu Motegi", start=20)
    items = []

    text_a = "Wang Yi spoke by telephone with Toshimitsu Motegi on Tuesday about trade."
    doc_a = Document(id="doc-a", text=text_a, published=date(2020, 7, 30), url="https://news.example/a",
                     source="Wire One")
    items.append((doc_a, [make_event("doc-a", "042", [chn], [jpn], date(2020, 7, 28), text=text_a)]))

    text_b = "Beijing said its foreign minister held talks with his Japanese counterpart."
    doc_b = Document(id="doc-b", text=text_b, published=date(2020, 7, 29), url="https://news.example/b",
                     source="Wire Two")
    items.append((doc_b, [make_event("doc-b", "043", [entity("CHN", text="Beijing")],
                                     [entity("JPN", text="Japanese counterpart", start=30)],
                                     date(2020, 7, 28), text=text_b)]))

    text_c = ("Tokyo accused Beijing of sending patrol boats near the islands. "
              "Both governments later agreed to set up a maritime hotline.")
    doc_c = Document(id="doc-c", text=text_c, published=date(2020, 8, 3), url="https://news.example/c",
                     source="Wire One")
    items.append((doc_c, [
        make_event("doc-c", "112", [entity("JPN", text="Tokyo")], [entity("CHN", text="Beijing", start=14)],
                   date(2020, 8, 2), sentence=0, text=text_c[:63]),
        make_event("doc-c", "030", [entity("CHN", text="Both governments", start=64)],
                   [entity("JPN", text="Both governments", start=64)], date(2020, 8, 2), sentence=1,
                   text=text_c[64:], trigger_start=81),
    ]))

    text_d = "Chinese police detained two Japanese employees of a trading house in Shanghai."
    doc_d = Document(id="doc-d", text=text_d, published=date(2020, 6, 15), url=None, source="Wire Three")
    items.append((doc_d, [make_event(
        "doc-d", "173", [entity("CHN", sector="COP", text="Chinese police")],
        [entity("JPN", sector="BUS", text="Japanese employees", start=28)], date(2020, 6, 14),
        text=text_d, location=Location("Shanghai", "CHN", 31.22, 121.46))]))

    text_e = "French troops struck an armed group near Gao, the army said."
    doc_e = Document(id="doc-e", text=text_e, published=date(2020, 8, 20), url="https://news.example/e",
                     source="Wire Two")
    items.append((doc_e, [make_event(
        "doc-e", "190", [entity("FRA", sector="MIL", text="French troops")],
        [entity("MLI", sector="REB", text="an armed group", start=20)], date(2020, 8, 19), text=text_e,
        location=Location("Gao", "MLI", 16.27, -0.04))]))
    return items


def load_corpus(store) -> None:
    for document, events in corpus():
        store.add_coded(document, events)
