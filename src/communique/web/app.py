"""The web dashboard and HTTP API: ``create_app(store=None, db=None)`` builds the FastAPI app.

Pages (``pages``) and JSON endpoints (``api``) share their queries (``queries``); the
templates and the chart script ship in this package, so the dashboard works offline.
The store is served by a ``StoreService`` (``app.state.store``): reads on a pool of reader
connections, writes through its one ``StoreWriter`` (``app.state.writer``, which code that
adds documents while the server runs, such as a feed watcher, hands its work to). Answers
are cached per store version (``cache``); ``security`` checks the Host and sets headers.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..knowledge.codes import NON_STATE_CODES
from . import alerts, api, pages
from .filters import BadParameter, page_url
from .highlight import evidence
from .cache import ResponseCache, VersionWatch
from .security import SecurityMiddleware, allowed_host_names

HERE = Path(__file__).parent
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def web_link(url: Optional[str]) -> Optional[str]:
    """A document's URL as a link only if it is http(s): a stored ``javascript:`` URL must not run."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def build_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters["evidence"] = evidence
    env.filters["web_link"] = web_link
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.filters["signed"] = lambda x: "–" if x is None else f"{x:+.2f}"
    env.globals.update(page_url=page_url, quad_names=QUAD_NAMES, version=__version__,
                       non_state_codes=NON_STATE_CODES)
    return templates


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, detail, headers=None):
    """JSON for the API, a page with the message for a browser; never a bare 500 for bad input."""
    if wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    message = detail if isinstance(detail, str) else "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" if isinstance(e, dict) else str(e)
        for e in detail)
    return pages.render(request, "error.html", status_code=status, page="error", status=status,
                        message=message)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter):
        return error_response(request, 422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":  # no route matched
            detail = f"no page at {request.url.path}"
        return error_response(request, exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        return error_response(request, 422, detail)


def open_default_store(db: Optional[str]):
    from ..store import open_store

    return open_store(db)


class VersionReader:
    """Reads the store version on a connection of its own (it never waits behind page
    queries), opening a new one if the old one broke (a PostgreSQL server restarted)."""

    def __init__(self, store):
        self._store = store
        self._reader = store.reader()

    def __call__(self) -> int:
        try:
            return self._reader.version()
        except Exception:
            self.close()
            self._reader = self._store.reader()
            return self._reader.version()

    def close(self) -> None:
        try:
            self._reader.close()
        except Exception:  # already gone
            pass


def create_app(store=None, db: Optional[str] = None, *, allowed_hosts: Optional[Sequence[str]] = None,
               any_ip_host: bool = False, readers: Optional[int] = None, cache: bool = True,
               webhook: Optional[str] = None) -> FastAPI:
    """The dashboard over ``store``, or over the store at ``db`` (path or URL; None: the default).

    A store opened here is closed when the app shuts down; a store passed in stays the caller's
    (its readers and writer thread are closed). ``allowed_hosts``: the Host names answered
    (default: loopback names and $COMMUNIQUE_ALLOWED_HOSTS, see ``security``); ``any_ip_host``
    also answers any IP address (a server on 0.0.0.0); ``readers``: reader connections;
    ``webhook``: where new alerts are POSTed after articles are added (see ``web.alerts``).
    """
    from ..store.readers import DEFAULT_READERS
    from ..store.service import StoreService

    owned = store is None
    raw_store = open_default_store(db) if owned else store
    service = StoreService(raw_store, readers or DEFAULT_READERS)
    version_reader = VersionReader(raw_store)
    version = VersionWatch(version_reader, service.write_counter)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        service.close()
        version.close()
        version_reader.close()
        if owned:
            raw_store.close()

    app = FastAPI(
        title="communique",
        version=__version__,
        description="Political events coded from news (PLOVER/CAMEO): read the events, dyads, actors "
                    "and articles; POST new articles to code them (token in COMMUNIQUE_TOKEN).",
        lifespan=lifespan,
        docs_url=None,  # FastAPI's Swagger page loads its scripts from a CDN; /api is our own, offline
        redoc_url=None,
    )
    app.state.store = service
    app.state.writer = service.writer
    app.state.templates = build_templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    alerts.install(app, webhook)
    install_error_handlers(app)
    if cache:
        app.add_middleware(ResponseCache, version=version)
    app.add_middleware(SecurityMiddleware,
                       allowed_hosts=list(allowed_hosts) if allowed_hosts is not None else allowed_host_names(),
                       any_ip_literal=any_ip_host)
    return app
