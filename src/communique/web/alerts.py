"""The relations monitor on the dashboard: the Alerts page (newest first), one alert's page
(why it fired: its figures, the baseline weeks, the reports that drove it with their
evidence sentences), the Atom feed ``/alerts.atom`` and ``/api/alerts``.

``install`` adds these routes to the app and makes a POST of new articles
(``/api/documents``) judge the weeks it added to once the response has gone out
(``judge_new_articles``, which ``serve --watch`` also calls after each round of its feed
watcher), posting new alerts to the server's webhook, if it has one, from a thread of its own.
"""
from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from typing import Optional

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from ..alerts.store import count_alerts, get_alert, list_alerts
from ..alerts import KINDS
from ..store import country_name
from .filters import BadParameter, page_url, parse_date

router = APIRouter()
PAGE_SIZE = 50
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"


def _kinds(kind: Optional[str]) -> Optional[list[str]]:
    if not kind or not kind.strip():
        return None
    kinds = [k.strip() for k in kind.split(",") if k.strip()]
    for k in kinds:
        if k not in KINDS:
            raise BadParameter("kind", f"unknown kind {k!r}; choose from {', '.join(KINDS)}")
    return kinds


def decorate(alert: dict) -> dict:
    """What the pages show besides the stored alert: names, a title and the links."""
    names = [country_name(alert["a"]) or alert["a"]] + ([country_name(alert["b"]) or alert["b"]] if alert["b"] else [])
    window = int((alert.get("stats") or {}).get("window", 1))
    since = (datetime.fromisoformat(alert["week"]) - timedelta(weeks=window - 1)).date().isoformat()
    if alert["b"]:
        week_url = page_url(f"/dyad/{alert['a']}/{alert['b']}", [], since=since, until=alert["week_end"], by="day")
    else:
        week_url = page_url(f"/actors/{alert['a']}", [], since=since, until=alert["week_end"])
    subject = " – ".join(names) if alert["b"] else f"{names[0]} (with everyone)"
    kind = alert["kind"]
    size = (f"{alert['size']:+.1f} pts" if kind in ("hostile_turn", "warming")
            else f"{alert['reports']} reports" if kind == "first_contact"
            else f"{alert['size']:.0%}" if kind == "cooperation_drop" else f"×{alert['size']:.1f}")
    return {**alert, "names": names, "subject": subject, "week_url": week_url,
            "evidence_url": f"/alerts/{alert['id']}#evidence", "size_label": size,
            "title": f"{alert['kind_label'].capitalize()}: {subject}, week of {alert['week']}"}


def store_of(request: Request):
    return request.app.state.store


def render(request: Request, template: str, **context) -> HTMLResponse:
    from .pages import render as render_page

    return render_page(request, template, **context)


@router.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
def alerts_page(request: Request, since: Optional[str] = None, kind: Optional[str] = None,
                limit: int = Query(PAGE_SIZE, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
    start, kinds = parse_date(since, "since"), _kinds(kind)
    store = store_of(request)
    rows = [decorate(a) for a in list_alerts(store, since=start, kinds=kinds, limit=limit, offset=offset, detail=True)]
    total = count_alerts(store, since=start, kinds=kinds)
    items = [(k, v) for k, v in (("since", since), ("kind", kind)) if v]
    return render(request, "alerts.html", page="alerts", alerts=rows, total=total, limit=limit,
                  offset=offset, since=start, kind=(kinds or [None])[0], kinds=KINDS, items=items)


@router.get("/alerts.atom", include_in_schema=False)
def alerts_feed(request: Request):
    base = str(request.base_url).rstrip("/")
    rows = [decorate(a) for a in list_alerts(store_of(request), limit=FEED_SIZE, detail=True)]
    return Response(atom_feed(rows, base), media_type="application/atom+xml; charset=utf-8")


@router.get("/alerts/{alert_id}", response_class=HTMLResponse, include_in_schema=False)
def alert_page(request: Request, alert_id: str):
    found = get_alert(store_of(request), alert_id)
    if found is None:
        raise HTTPException(404, f"no alert with id {alert_id!r}")
    alert = decorate(found)
    return render(request, "alert.html", page="alerts", alert=alert, chart=baseline_chart(alert["baseline"]))


@router.get("/api/alerts", tags=["api"], summary="Alerts of the relations monitor, newest week first")
def api_alerts(request: Request, since: Optional[str] = None, kind: Optional[str] = None,
               a: Optional[str] = Query(None, description="dyad: one side (with b)"),
               b: Optional[str] = Query(None, description="dyad: other side (with a)"),
               limit: int = Query(PAGE_SIZE, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
    if (a is None) != (b is None):
        raise BadParameter("a" if a is None else "b", "give both sides of a dyad, a and b")
    dyad = (a, b) if a and b else None
    start, kinds = parse_date(since, "since"), _kinds(kind)
    store = store_of(request)
    return {"total": count_alerts(store, since=start, dyad=dyad, kinds=kinds), "limit": limit, "offset": offset,
            "alerts": list_alerts(store, since=start, dyad=dyad, kinds=kinds, limit=limit, offset=offset)}


@router.get("/api/alerts/{alert_id}", tags=["api"], summary="One alert: figures, baseline weeks and evidence")
def api_alert(request: Request, alert_id: str):
    found = get_alert(store_of(request), alert_id)
    if found is None:
        raise HTTPException(404, f"no alert with id {alert_id!r}")
    return found


def baseline_chart(weeks: list[dict], width: int = 720, height: int = 150) -> dict:
    """Bars for the chart on an alert's page: cooperation and conflict reports per week."""
    top = max([w["cooperation"] + w["conflict"] for w in weeks] + [1])
    step = width / max(len(weeks), 1)
    bars = []
    for i, w in enumerate(weeks):
        coop = (height - 20) * w["cooperation"] / top
        conflict = (height - 20) * w["conflict"] / top
        bars.append({"x": round(i * step + 1, 1), "w": round(max(step - 2, 1), 1), "week": w["week"],
                     "coop_y": round(height - coop, 1), "coop_h": round(coop, 1),
                     "conflict_y": round(height - coop - conflict, 1), "conflict_h": round(conflict, 1),
                     "judged": w.get("judged", False), "label": w})
    return {"width": width, "height": height, "bars": bars, "top": top}


def _timestamp(value: Optional[str]) -> str:
    return (value or "1970-01-01T00:00:00") + "Z"


def atom_feed(alerts: list[dict], base: str) -> bytes:
    """An Atom 1.0 feed of the alerts (RFC 4287): one entry per alert, its id stable."""
    ET.register_namespace("", ATOM)
    q = lambda tag: f"{{{ATOM}}}{tag}"  # noqa: E731
    feed = ET.Element(q("feed"))
    ET.SubElement(feed, q("id")).text = f"{base}/alerts.atom"
    ET.SubElement(feed, q("title")).text = "communique alerts"
    ET.SubElement(feed, q("subtitle")).text = "Weeks in which a relation departs from its own recent history"
    updated = max((a["updated_at"] for a in alerts if a.get("updated_at")), default=None)
    ET.SubElement(feed, q("updated")).text = _timestamp(
        updated or datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0).isoformat())
    ET.SubElement(feed, q("link"), rel="self", href=f"{base}/alerts.atom", type="application/atom+xml")
    ET.SubElement(feed, q("link"), rel="alternate", href=f"{base}/alerts", type="text/html")
    author = ET.SubElement(feed, q("author"))
    ET.SubElement(author, q("name")).text = "communique"
    ET.SubElement(feed, q("generator")).text = "communique"
    for alert in alerts:
        entry = ET.SubElement(feed, q("entry"))
        ET.SubElement(entry, q("id")).text = f"urn:communique:alert:{alert['id']}"
        ET.SubElement(entry, q("title")).text = alert["title"]
        ET.SubElement(entry, q("updated")).text = _timestamp(alert["updated_at"])
        ET.SubElement(entry, q("published")).text = _timestamp(alert["first_seen"])
        ET.SubElement(entry, q("link"), rel="alternate", type="text/html", href=f"{base}/alerts/{alert['id']}")
        ET.SubElement(entry, q("link"), rel="related", type="text/html", href=base + alert["week_url"])
        ET.SubElement(entry, q("category"), term=alert["kind"], label=alert["kind_label"])
        ET.SubElement(entry, q("summary")).text = alert["summary"]
        lines = [f"<p>{_escape(alert['summary'])}</p>", "<ul>"]
        for e in alert.get("events", []):
            lines.append(f"<li>{_escape(e.get('date') or '')} {_escape(e.get('event') or '')}: "
                         f"{_escape(e.get('text') or '')} ({e.get('mentions', 1)} article"
                         f"{'s' if e.get('mentions', 1) != 1 else ''})</li>")
        lines.append("</ul>")
        ET.SubElement(entry, q("content"), type="html").text = "".join(lines)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


# -- judging after a POST of new articles --------------------------------------------------
def judge_new_articles(app: FastAPI, started: datetime) -> None:
    """Judge the weeks of the articles stored since ``started`` on the store's one writer
    (``store.writer``), and hand the new alerts of the last weeks to the webhook thread."""
    from ..alerts.store import after_ingest, notify_since

    url = getattr(app.state, "alert_webhook", None)

    def job(store) -> list[dict]:
        _, new = after_ingest(store, started)
        return list_alerts(store, since=notify_since(store), limit=None, unsent=True) if url and new else []

    pending = app.state.writer.call(job).result()
    if pending:
        threading.Thread(target=_deliver, args=(app, url, pending), name="communique-webhook", daemon=True).start()


def _deliver(app: FastAPI, url: str, pending: list[dict]) -> None:
    from ..webhook import deliver, record

    deliveries = deliver(pending, url)
    app.state.writer.call(lambda store: record(store, deliveries)).result()


class JudgeAfterPost:
    """ASGI middleware: after a successful POST /api/documents, judge the weeks it added to."""

    def __init__(self, app, fastapi_app: FastAPI):
        self.app = app
        self.fastapi_app = fastapi_app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != "/api/documents":
            return await self.app(scope, receive, send)
        started = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        status = {}

        async def watch(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        if status.get("code") == 200:
            await run_in_threadpool(judge_new_articles, self.fastapi_app, started)


def install(app: FastAPI, webhook: Optional[str] = None) -> None:
    app.state.alert_webhook = webhook
    app.include_router(router)
    app.add_middleware(JudgeAfterPost, fastapi_app=app)
