"""Synthetic stores for the relations monitor's tests: weekly histories of hand-written
reports between pairs of countries, written through ``store.add_coded`` (no coder needed).

Every report is its own article with its own sentence, unless a test republishes one.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from communique.model import Document

from _store_fixtures import entity, make_event

START = date(2023, 1, 2)  # a Monday: week 0 of every synthetic history
COOPERATION = ("040", "036", "057", "061")   # consult, meet, sign, cooperate economically
CONFLICT = ("112", "130", "173", "190")      # accuse, threaten, arrest, use force
OUTLETS = ("Harbour Gazette", "Plains Courier", "Valley Wire", "Coastal Herald", "Metro Ledger",
           "Northern Post", "Evening Chronicle", "Island Times")

_PHRASES = {
    "040": "held consultations with", "036": "met envoys of", "057": "signed an accord with",
    "061": "agreed on a trade programme with", "112": "accused", "130": "threatened",
    "173": "arrested citizens of", "190": "fired artillery at positions of",
}


def sentence(code: str, a: str, b: str, when: date, serial: int) -> str:
    return (f"Officials of {a} {_PHRASES[code]} {b} on {when:%d %B %Y}, "
            f"according to dispatch number {serial} from the region.")


def report(doc_id: str, code: str, a: str, b: str, when: date, outlet: str, serial: int,
           text: str | None = None, published: date | None = None):
    """One article with one event of ``a`` toward ``b``."""
    text = text or sentence(code, a, b, when, serial)
    document = Document(id=doc_id, text=text, published=published or when, source=outlet,
                        url=f"https://news.example/{doc_id}", title=None)
    event = make_event(doc_id, code, [entity(a)], [entity(b, start=20)], when, text=text,
                       published=published or when)
    return document, [event]


def history(a: str, b: str, weeks: int, cooperation: float, conflict: float, seed: int,
            start_week: int = 0) -> list:
    """Weeks of Poisson-distributed reports of a dyad (rates per week), one article each."""
    rng = random.Random(seed)
    items, serial = [], 0
    for week in range(start_week, start_week + weeks):
        monday = START + timedelta(weeks=week)
        for codes, rate in ((COOPERATION, cooperation), (CONFLICT, conflict)):
            for _ in range(_poisson(rng, rate)):
                serial += 1
                when = monday + timedelta(days=rng.randrange(7))
                code = rng.choice(codes)
                actor, target = (a, b) if rng.random() < 0.5 else (b, a)
                items.append(report(f"{a}{b}-{seed}-{serial}", code, actor, target, when,
                                    rng.choice(OUTLETS), serial + 1000 * seed))
    return items


def _poisson(rng: random.Random, rate: float) -> int:
    # Knuth's method: small rates only
    import math

    limit, k, p = math.exp(-rate), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def surge(a: str, b: str, week: int, n: int, seed: int) -> list:
    """``n`` distinct conflict reports in one week, from different outlets."""
    monday = START + timedelta(weeks=week)
    return [report(f"surge-{a}{b}-{seed}-{i}", CONFLICT[i % len(CONFLICT)], a, b,
                   monday + timedelta(days=i % 7), OUTLETS[i % len(OUTLETS)], 90_000 + seed * 100 + i)
            for i in range(n)]


def republished(a: str, b: str, week: int, copies: int) -> list:
    """One story of four conflict events, republished by ``copies`` outlets over the week.

    Two events carry their own date; two take each copy's publication date (as the coder
    does for an undated sentence), so the copies' report groups do not all coincide."""
    monday = START + timedelta(weeks=week)
    clash = monday + timedelta(days=1)
    lines = [
        ("190", a, b, f"Troops of {a} shelled border posts held by {b} on Tuesday night, witnesses said."),
        ("112", b, a, f"The government of {b} accused {a} of a deliberate and planned escalation."),
        ("130", a, b, f"A spokesman for {a} warned that further incursions by {b} would be answered."),
        ("173", b, a, f"Police in {b} detained a group of traders from {a} near the crossing."),
    ]
    text = " ".join(line for *_, line in lines)
    items = []
    for copy in range(copies):
        published = monday + timedelta(days=1 + copy % 6)
        doc_id = f"story-{a}{b}-copy-{copy}"
        document = Document(id=doc_id, text=text + f" Distributed by outlet {copy}.", published=published,
                            source=f"Outlet {copy}", url=f"https://outlet{copy}.example/story",
                            title=f"Border clash between {a} and {b} raises fears of escalation")
        events = []
        for i, (code, actor, target, line) in enumerate(lines):
            when = clash if i < 2 else published
            events.append(make_event(doc_id, code, [entity(actor)], [entity(target, start=20)], when,
                                     sentence=i, text=line, published=published))
        items.append((document, events))
    return items


def load(store, items) -> None:
    """Store coded documents as ``store.add_coded`` would (the same row builders), in one
    bulk insert per table: the synthetic histories hold hundreds of documents."""
    import pandas as pd

    from communique.store import rows as R

    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    documents, events, entities = [], [], []
    for document, coded in items:
        unique = {e.id: e for e in coded}
        documents.append(R.document_row(document, len(unique), now))
        for event_id, event in unique.items():
            events.append(R.event_row(event))
            entities += R.entity_rows(event, event_id)
    for table, columns, rows in (("documents", R.DOCUMENT_COLUMNS, documents),
                                 ("events", R.EVENT_COLUMNS, events), ("entities", R.ENTITY_COLUMNS, entities)):
        if rows:
            store.backend.bulk_insert(table, pd.DataFrame(rows, columns=list(columns)))


def load_one_by_one(store, items) -> None:
    for document, events in items:
        store.add_coded(document, events)


def first_contact(a: str, b: str, week: int, n: int) -> list:
    """``n`` reports of talks and one of a dispute between two countries that never met before."""
    monday = START + timedelta(weeks=week)
    items = [report(f"contact-{a}{b}-{i}", COOPERATION[i % 3], a, b, monday + timedelta(days=i),
                    OUTLETS[i % len(OUTLETS)], 70_000 + i) for i in range(n - 1)]
    items.append(report(f"contact-{a}{b}-dispute", "112", b, a, monday + timedelta(days=5), OUTLETS[-1], 70_999))
    return items


SURGE_WEEK = 30


def scenario(store) -> dict:
    """A store of 34 weeks with one change of each main kind, and one story republished by
    30 outlets that must not fire. Returns the weeks and dyads of what was injected."""
    load(store, history("ARM", "AZE", SURGE_WEEK, 2.0, 0.5, seed=1))        # then a surge
    load(store, surge("ARM", "AZE", SURGE_WEEK, 8, seed=4))
    load(store, history("ARM", "AZE", 3, 2.0, 0.5, seed=5, start_week=SURGE_WEEK + 1))
    load(store, history("CHN", "JPN", 34, 3.0, 0.5, seed=2))                # a republished story
    load(store, republished("CHN", "JPN", 28, 30))
    load(store, history("DEU", "FRA", 29, 9.0, 0.3, seed=3))                # cooperation stops
    load(store, history("DEU", "FRA", 5, 0.0, 0.3, seed=6, start_week=29))
    load(store, first_contact("CHL", "NZL", 32, 5))                          # first contact
    load(store, [report("stray-1", "112", "BOL", "PRY", START + timedelta(weeks=31, days=1), OUTLETS[0], 1),
                 report("stray-2", "173", "PRY", "BOL", START + timedelta(weeks=31, days=3), OUTLETS[1], 2)])
    return {"surge": ("ARM", "AZE", START + timedelta(weeks=SURGE_WEEK)),
            "story": ("CHN", "JPN", START + timedelta(weeks=28)),
            "drop": ("DEU", "FRA", START + timedelta(weeks=29)),
            "contact": ("CHL", "NZL", START + timedelta(weeks=32)),
            "stray": ("BOL", "PRY", START + timedelta(weeks=31))}
