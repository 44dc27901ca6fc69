"""Query parameters of the pages and the API, checked once and turned into store filters.

Every bad value becomes a ``BadParameter`` (shown as a 422 with a message naming the
parameter) before any store call, so a typo in a URL never reaches the database as a 500.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Optional
from urllib.parse import urlencode

from ..model import PLOVER_CATEGORIES

GRANULARITIES = ("auto", "day", "week", "month", "year")  # auto: see queries.dyad_series
MAX_LIMIT = 500  # largest page of events one request may ask for
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000_000  # past this the database integer overflows; no store is that big


class BadParameter(ValueError):
    """A query parameter the user can fix; ``param`` names it in the message."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def parse_date(value: Optional[str], param: str) -> Optional[date]:
    """'' and None mean 'no bound' (an empty date box on a form)."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(param, f"{value!r} is not a date in YYYY-MM-DD form") from None


def parse_types(values: Iterable[str] | None) -> list[str]:
    """Categories from repeated ``type=`` parameters or one comma-separated list."""
    types: list[str] = []
    for value in values or ():
        for part in value.split(","):
            part = part.strip().upper()
            if not part:
                continue
            if part not in PLOVER_CATEGORIES:
                raise BadParameter("type", f"unknown category {part!r}; choose from "
                                           + ", ".join(PLOVER_CATEGORIES))
            if part not in types:
                types.append(part)
    return types


def parse_granularity(value: Optional[str]) -> str:
    value = (value or "month").strip().lower()
    if value not in GRANULARITIES:
        raise BadParameter("by", f"unknown granularity {value!r}; choose from " + ", ".join(GRANULARITIES))
    return value


def parse_code(value: str, param: str) -> str:
    """An actor code in a path: a country (CHN), a body (IGO) or an actor id; no stray characters."""
    value = value.strip()
    if not value or len(value) > 200:
        raise BadParameter(param, "give an actor code such as CHN")
    return value


@dataclass
class EventFilter:
    """The filters every event query takes (see the store API): all optional."""

    dyad: Optional[tuple[str, str]] = None
    actor: Optional[str] = None
    types: list[str] = field(default_factory=list)
    since: Optional[date] = None
    until: Optional[date] = None
    q: Optional[str] = None
    doc: Optional[str] = None
    dedup: bool = False

    @classmethod
    def parse(cls, *, dyad: Optional[tuple[str, str]] = None, actor: Optional[str] = None,
              types: Iterable[str] | None = None, since: Optional[str] = None,
              until: Optional[str] = None, q: Optional[str] = None, doc: Optional[str] = None,
              dedup: bool = False) -> "EventFilter":
        flt = cls(
            dyad=dyad,
            actor=(actor or "").strip() or None,
            types=parse_types(types),
            since=parse_date(since, "since"),
            until=parse_date(until, "until"),
            q=(q or "").strip() or None,
            doc=(doc or "").strip() or None,
            dedup=bool(dedup),
        )
        if flt.since and flt.until and flt.since > flt.until:
            raise BadParameter("since", f"{flt.since} is after until {flt.until}")
        return flt

    def store_kwargs(self) -> dict:
        """Only the filters that are set, so the store sees exactly what the user asked."""
        kwargs: dict = {}
        for name in ("dyad", "actor", "since", "until", "q", "doc"):
            value = getattr(self, name)
            if value is not None:
                kwargs[name] = value
        if self.types:
            kwargs["types"] = list(self.types)
        if self.dedup:
            kwargs["dedup"] = True
        return kwargs

    def query_items(self) -> list[tuple[str, str]]:
        """The filters as URL parameters (dyad excluded: it is part of the path)."""
        items: list[tuple[str, str]] = []
        if self.actor:
            items.append(("actor", self.actor))
        items += [("type", t) for t in self.types]
        if self.since:
            items.append(("since", self.since.isoformat()))
        if self.until:
            items.append(("until", self.until.isoformat()))
        if self.q:
            items.append(("q", self.q))
        if self.doc:
            items.append(("doc", self.doc))
        if self.dedup:
            items.append(("dedup", "true"))
        return items


def page_url(path: str, items: list[tuple[str, str]], **extra) -> str:
    """``path?query`` from filter items plus extra parameters (None values dropped)."""
    params = list(items) + [(k, str(v)) for k, v in extra.items() if v is not None]
    return path + ("?" + urlencode(params) if params else "")
