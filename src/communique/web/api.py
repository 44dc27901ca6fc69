"""The JSON API: everything the pages show, plus POST /api/documents to code new articles.

Reading is open (the server listens on loopback unless told otherwise); writing needs the
token in ``COMMUNIQUE_TOKEN``, sent as ``Authorization: Bearer <token>``.
"""
from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import secrets
from datetime import date
from typing import Any, List, Optional, Union

import anyio
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from .. import analysis
from ..model import Document
from . import queries
from .filters import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, EventFilter, parse_code, parse_granularity

MAX_BODY_BYTES = 2 * 1024 * 1024
BODY_TIMEOUT_S = 30.0  # a body trickled in slower than this is refused (408), its connection freed
MAX_TEXT_CHARS = 1_000_000  # the parser's limit (spaCy's nlp.max_length): split longer articles
TOKEN_ENV = "COMMUNIQUE_TOKEN"
# Fields of a stored document that the API shows; `origin` (where the server read it: a file
# path on the server) stays inside.
DOCUMENT_FIELDS = ("id", "text", "published", "url", "title", "source", "content_hash", "added_at", "events")

router = APIRouter(prefix="/api", tags=["api"])

Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="events to skip")
Types = Query([], alias="type", description="PLOVER categories, repeated or comma-separated")


class DocumentIn(BaseModel):
    """One article to code: the JSONL input record of ``communique code``."""

    id: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS,
                      description=f"the article, at most {MAX_TEXT_CHARS:,} characters")
    published: Optional[date] = None
    url: Optional[str] = Field(None, max_length=10_000)
    title: Optional[str] = Field(None, max_length=10_000)
    source: Optional[str] = Field(None, max_length=10_000)

    def to_document(self) -> Document:
        return Document(id=self.id, text=self.text, published=self.published, url=self.url,
                        title=self.title, source=self.source, origin=f"POST /api/documents {self.id}")


DocumentsIn = TypeAdapter(Union[DocumentIn, List[DocumentIn]])


def jsonable(value: Any) -> Any:
    """Store results as JSON: dates as ISO strings, dataclasses (reports, errors) as objects."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def store_of(request: Request):
    return request.app.state.store


@router.get("/overview", summary="Counts, most active dyads and actors, latest events")
def api_overview(request: Request, since: Optional[str] = None, until: Optional[str] = None):
    flt = EventFilter.parse(since=since, until=until)
    return jsonable(queries.overview(store_of(request), flt.since, flt.until))


@router.get("/events", summary="Events matching filters, newest first, one page at a time")
def api_events(request: Request, q: Optional[str] = Query(None, description="words in the evidence sentence"),
               actor: Optional[str] = None, types: List[str] = Types,
               a: Optional[str] = Query(None, description="dyad: one side (with b)"),
               b: Optional[str] = Query(None, description="dyad: other side (with a)"),
               since: Optional[str] = None, until: Optional[str] = None,
               doc: Optional[str] = None, dedup: bool = False,
               limit: int = Limit, offset: int = Offset):
    if (a is None) != (b is None):
        raise HTTPException(422, "give both a and b for a dyad, or neither")
    dyad = (parse_code(a, "a").upper(), parse_code(b, "b").upper()) if a and b else None
    flt = EventFilter.parse(dyad=dyad, actor=actor, types=types, since=since, until=until,
                            q=q, doc=doc, dedup=dedup)
    return jsonable(queries.event_page(store_of(request), flt, limit, offset))


@router.get("/dyads/{a}/{b}/series", summary="Events per period for a dyad (either direction)")
def api_dyad_series(request: Request, a: str, b: str,
                    by: str = Query("month", description="day, week, month, year or auto"),
                    types: List[str] = Types, since: Optional[str] = None,
                    until: Optional[str] = None, dedup: bool = False):
    a, b = parse_code(a, "a").upper(), parse_code(b, "b").upper()
    flt = EventFilter.parse(dyad=(a, b), types=types, since=since, until=until, dedup=dedup)
    store = store_of(request)
    used, rows = queries.dyad_series(store, a, b, parse_granularity(by), flt)
    return jsonable({"a": a, "b": b, "by": used, "series": rows,
                     "balance": analysis.balance(store, a, b, since=flt.since, until=flt.until)})


@router.get("/documents/{doc_id:path}", summary="One article: text, metadata and its events")
def api_document(request: Request, doc_id: str):
    found = store_of(request).document(doc_id)
    if found is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return jsonable({k: found[k] for k in DOCUMENT_FIELDS if k in found})


@router.get("/actors/{key:path}", summary="A country, body or person: counterparts and a page of events")
def api_actor(request: Request, key: str, types: List[str] = Types, since: Optional[str] = None,
              until: Optional[str] = None, limit: int = Limit, offset: int = Offset):
    _, found = queries.actor(store_of(request), key, types, since, until, limit, offset)
    return jsonable(found)


# --- writing ---------------------------------------------------------------------------

def check_token(request: Request) -> None:
    expected = os.environ.get(TOKEN_ENV, "")
    if not expected:
        raise HTTPException(403, f"writing is disabled: set {TOKEN_ENV} on the server and send it "
                                 "as 'Authorization: Bearer <token>'")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "send the token as 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(403, "wrong token")


async def read_bounded_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, refused with 413 once it passes ``limit`` bytes (declared or sent)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body over {limit} bytes; send fewer documents per request")
    body = bytearray()
    try:
        with anyio.fail_after(BODY_TIMEOUT_S):
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    raise HTTPException(413, f"request body over {limit} bytes; send fewer documents per request")
    except TimeoutError:
        raise HTTPException(408, f"request body not received within {BODY_TIMEOUT_S:.0f} s") from None
    return bytes(body)


def parse_documents(body: bytes) -> list[DocumentIn]:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"body is not JSON: {exc}") from None
    except RecursionError:
        raise HTTPException(400, "body is JSON nested too deeply; send one document or a flat list") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise HTTPException(400, f"body holds a value JSON readers refuse: {exc}") from None
    try:
        parsed = DocumentsIn.validate_python(payload)
    except ValidationError as exc:
        raise HTTPException(422, [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]) from None
    documents = parsed if isinstance(parsed, list) else [parsed]
    if not documents:
        raise HTTPException(422, "send one document or a non-empty list")
    return documents


async def ingest(service, documents: list[Document]) -> dict[str, Any]:
    """Hand the documents to the store's one writer (it codes them, then writes each in one
    short transaction) and wait for its report; reads go on meanwhile on their own connections."""
    try:
        report = await asyncio.wrap_future(service.writer.submit(documents))
    except ImportError as exc:  # a checkout whose coder is incomplete
        raise HTTPException(503, f"the coder is not available: {exc}") from None

    def counts() -> list[dict]:
        return [{"id": d.id, "events": service.count_events(doc=d.id), "page": f"/documents/{d.id}"}
                for d in documents]

    return {**jsonable(report), "documents": await run_in_threadpool(counts)}


_DOCUMENT_SCHEMA = DocumentIn.model_json_schema()


@router.post(
    "/documents",
    summary="Code and store new articles (needs the token)",
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "anyOf": [_DOCUMENT_SCHEMA, {"type": "array", "items": _DOCUMENT_SCHEMA}]}}}}},
    responses={401: {"description": "no token sent"}, 403: {"description": "wrong token, or writing disabled"},
               413: {"description": f"body over {MAX_BODY_BYTES} bytes"}},
)
async def api_add_documents(request: Request):
    check_token(request)
    documents = parse_documents(await read_bounded_body(request))
    return await ingest(store_of(request), [d.to_document() for d in documents])
