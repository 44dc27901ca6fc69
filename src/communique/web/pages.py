"""The server-rendered pages: overview, dyad, article, actor, search.

Each page gathers its data with the same ``queries`` function as its ``/api`` twin and
renders a template; the chart reads its rows from a JSON island in the page.
"""
from __future__ import annotations

from typing import List, Optional

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..model import PLOVER_CATEGORIES
from ..store import country_name
from . import queries
from .api import jsonable
from .filters import (DEFAULT_LIMIT, GRANULARITIES, MAX_LIMIT, MAX_OFFSET, EventFilter, parse_code,
                      parse_granularity)
from .highlight import segments

router = APIRouter(include_in_schema=False)

Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
Offset = Query(0, ge=0, le=MAX_OFFSET)
Types = Query([], alias="type")


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("categories", PLOVER_CATEGORIES)
    return request.app.state.templates.TemplateResponse(
        request, template, context, status_code=status_code)


def store_of(request: Request):
    return request.app.state.store


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, since: Optional[str] = None, until: Optional[str] = None):
    flt = EventFilter.parse(since=since, until=until)
    data = queries.overview(store_of(request), flt.since, flt.until)
    return render(request, "overview.html", page="overview", **data)


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, by: Optional[str] = "auto", types: List[str] = Types,
              since: Optional[str] = None, until: Optional[str] = None, dedup: bool = False,
              limit: int = Limit, offset: int = Offset):
    a, b = parse_code(a, "a").upper(), parse_code(b, "b").upper()
    chosen = parse_granularity(by or "auto")
    flt = EventFilter.parse(dyad=(a, b), types=types, since=since, until=until, dedup=dedup)
    data = queries.dyad(store_of(request), a, b, chosen, flt, limit, offset)
    items = flt.query_items() + [("by", chosen)]
    names = [country_name(code) or code for code in (a, b)]
    return render(request, "dyad.html", page="dyad", flt=flt, chosen_by=chosen, names=names,
                  granularities=GRANULARITIES, chart_json=jsonable(data["series"]),
                  base=f"/dyad/{a}/{b}", items=items, **data)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str):
    found = store_of(request).document(doc_id)
    if found is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    events = found.get("events") or []
    pieces, dropped = segments(found.get("text") or "", events)
    return render(request, "document.html", page="document", doc=found, events=events,
                  pieces=pieces, dropped=dropped)


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, key: str, types: List[str] = Types, since: Optional[str] = None,
               until: Optional[str] = None, limit: int = Limit, offset: int = Offset):
    flt, found = queries.actor(store_of(request), key, types, since, until, limit, offset)
    key = found["key"]
    items = [item for item in flt.query_items() if item[0] != "actor"]
    return render(request, "actor.html", page="actor", flt=flt, actor=found,
                  base=f"/actors/{key}", items=items, **{k: found[k] for k in ("total", "limit", "offset", "events")})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Optional[str] = None, actor: Optional[str] = None,
                types: List[str] = Types, since: Optional[str] = None, until: Optional[str] = None,
                limit: int = Limit, offset: int = Offset):
    flt = EventFilter.parse(q=q, actor=actor, types=types, since=since, until=until)
    data = queries.event_page(store_of(request), flt, limit, offset)
    return render(request, "search.html", page="search", flt=flt, base="/search",
                  items=flt.query_items(), **data)


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request):
    """The endpoints, read from the app's own OpenAPI document (no CDN-hosted Swagger UI)."""
    spec = request.app.openapi()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""),
         "params": [p["name"] for p in op.get("parameters", [])]}
        for path, ops in spec["paths"].items() for method, op in ops.items()
    ]
    return render(request, "api.html", page="api", endpoints=endpoints, max_limit=MAX_LIMIT)
