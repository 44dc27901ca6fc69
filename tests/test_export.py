"""Every export format, read back: PLOVER JSONL, GDELT TSV (by column name), CAMEO TSV,
hive-partitioned Parquet (by DuckDB and pandas), flat CSV."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from _store_fixtures import address, entity, load_corpus, make_event, store  # noqa: F401
from communique.export import CAMEO_COLUMNS, GDELT_COLUMNS, ExportError, export
from communique.model import Document

GDELT_HEADER = Path("/work/shared/reference/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
RECORD_FIELDS = {"id", "doc", "date", "date_precision", "published", "event", "mode", "context",
                 "cameo", "quad_class", "goldstein", "actor", "recipient", "trigger", "text",
                 "sentence", "location", "negated", "hypothetical", "future", "historical", "confidence"}


@pytest.fixture
def loaded(store):
    load_corpus(store)
    # A compound actor: China and Russia warn the United Nations.
    text = "China and Russia warned the United Nations against new sanctions."
    event = make_event("doc-f", "163", [entity("CHN", text="China"), entity("RUS", text="Russia", start=10)],
                       [entity("IGO", sector=None, name="United Nations", text="United Nations", start=28)],
                       date(2021, 3, 2), text=text)
    store.add_coded(Document(id="doc-f", text=text, published=date(2021, 3, 3)), [event])
    return store


def test_gdelt_columns_are_the_61_of_the_codebook():
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    if GDELT_HEADER.exists():
        names = [row["tableId"] for row in csv.DictReader(GDELT_HEADER.open(encoding="utf-8"))]
        assert list(GDELT_COLUMNS) == names


def test_plover_jsonl_holds_the_event_records(loaded, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(loaded, "plover", out) == 7
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert all(RECORD_FIELDS <= set(r) for r in records)
    consult = [r for r in records if r["cameo"] == "042"][0]
    assert consult["mentions"] == 2 and consult["sources"] == ["doc-a", "doc-b"]
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)


def test_gdelt_tsv_read_back_by_column_name(loaded, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(loaded, "gdelt", out) == 6  # one row per event: the two consult reports are one
    frame = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(GDELT_COLUMNS)
    consult = frame[frame["SQLDATE"] == "20200728"].iloc[0]
    assert consult["EventCode"] == "043" and consult["EventBaseCode"] == "043" and consult["EventRootCode"] == "04"
    assert (consult["NumMentions"], consult["NumArticles"], consult["NumSources"]) == ("2", "2", "2")
    assert consult["Actor1Code"] == "CHNGOV" and consult["Actor1CountryCode"] == "CHN"
    assert consult["Actor2CountryCode"] == "JPN" and consult["QuadClass"] == "1"
    assert (consult["MonthYear"], consult["Year"], consult["FractionDate"]) == ("202007", "2020", "2020.6521")
    assert consult["SOURCEURL"] == "https://news.example/b" and len(consult["DATEADDED"]) == 14
    arrest = frame[frame["EventCode"] == "173"].iloc[0]
    assert arrest["Actor1Type1Code"] == "COP" and arrest["Actor2Type1Code"] == "BUS"
    assert arrest["ActionGeo_FullName"] == "Shanghai" and arrest["ActionGeo_CountryCode"] == "CH"
    assert float(arrest["ActionGeo_Lat"]) == 31.22 and arrest["GoldsteinScale"] == "-5.0"
    sanction = frame[frame["EventCode"] == "163"].iloc[0]
    assert sanction["Actor2Code"] == "IGOUNO" and sanction["Actor2KnownGroupCode"] == "UNO"
    assert sanction["Actor2Name"] == "UNITED NATIONS" and sanction["Actor2CountryCode"] == ""



def test_gdelt_country_columns_never_hold_an_armed_group_code(store, tmp_path):
    # IMG (an armed group acting across borders) is an actor code, not a country.
    text = "Islamic State fighters attacked an Iraqi army post."
    event = make_event("doc-g", "190", [entity("IMG", sector="REB", name="Islamic State", text="Islamic State")],
                       [entity("IRQ", sector="MIL", text="Iraqi army", start=35)], date(2021, 5, 2), text=text)
    store.add_coded(Document(id="doc-g", text=text, published=date(2021, 5, 3)), [event])
    out = tmp_path / "events.tsv"
    assert export(store, "gdelt", out) == 1
    row = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False).iloc[0]
    assert row["Actor1Code"] == "IMGREB" and row["Actor1Name"] == "ISLAMIC STATE"
    assert row["Actor1CountryCode"] == "" and row["Actor2CountryCode"] == "IRQ"

def test_cameo_tsv(loaded, tmp_path):
    out = tmp_path / "events.cameo.tsv"
    export(loaded, "cameo", out, dyad=("CHN", "JPN"), types=["CONSULT"])
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert tuple(rows[0]) == CAMEO_COLUMNS
    assert [(r["date"], r["source"], r["target"], r["code"], r["ids"]) for r in rows] == [
        ("20200728", "CHNGOV", "JPNGOV", "042", "doc-a;doc-b"),
        ("20200728", "CHNGOV", "JPNGOV", "043", "doc-a;doc-b")]


def test_parquet_partitioned_by_year_and_month(loaded, tmp_path):
    out = tmp_path / "parquet"
    assert export(loaded, "parquet", out) == 7
    assert sorted(p.relative_to(out).parts[:2] for p in out.rglob("*.parquet")) == [
        ("year=2020", "month=6"), ("year=2020", "month=7"), ("year=2020", "month=8"), ("year=2021", "month=3")]
    rows = duckdb.sql(f"SELECT year, month, count(*) FROM read_parquet('{out}/**/*.parquet', "
                      "hive_partitioning = true) GROUP BY ALL ORDER BY ALL").fetchall()
    assert rows == [(2020, 6, 1), (2020, 7, 2), (2020, 8, 3), (2021, 3, 1)]
    frame = pd.read_parquet(out)
    assert len(frame) == 7 and set(frame["cameo"]) >= {"042", "163"}
    export(loaded, "parquet", out, since="2021-01-01")  # a re-export replaces the files
    assert len(pd.read_parquet(out)) == 1


def test_csv_is_flat_with_joined_codes(loaded, tmp_path):
    out = tmp_path / "events.csv"
    export(loaded, "csv", out)
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    sanction = frame[frame["cameo"] == "163"].iloc[0]
    assert sanction["actor"] == "CHN;RUS" and sanction["recipient"] == "IGO"
    assert sanction["recipient_name"] == "United Nations" and sanction["mentions"] == "1"


def test_export_errors(loaded, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export(loaded, "xml", tmp_path / "x")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="give a folder"):
        export(loaded, "parquet", tmp_path / "file")
    with pytest.raises(ExportError, match="cannot write"):
        export(loaded, "csv", tmp_path / "file" / "inside.csv")


def test_formula_injection_is_escaped_in_csv_and_in_the_text_columns_of_tsv(store, tmp_path):
    """A name, id or URL from an article that a spreadsheet would run as a formula gets a
    leading quote; codes and numbers (a negative Goldstein score) stay as they are."""
    evil = '=HYPERLINK("http://evil.example/x","click")'
    text = f"{evil} attacked Mali."
    event = make_event("=cmd|' /C calc'!A0", "190", [entity("FRA", sector="MIL", name=evil, text=evil)],
                       [entity("MLI", text="@SUM(1+1)", start=len(evil) + 10)], date(2021, 5, 1), text=text)
    store.add_coded(Document(id="=cmd|' /C calc'!A0", text=text, url="+http://evil.example",
                             published=date(2021, 5, 2)), [event])
    export(store, "csv", tmp_path / "e.csv")
    (row,) = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert row["actor_name"] == "'" + evil and row["recipient_text"] == "'@SUM(1+1)"
    assert row["doc"] == "'=cmd|' /C calc'!A0" and row["url"] == "'+http://evil.example"
    assert row["text"].startswith("'=HYPERLINK") and float(row["goldstein"]) == -10.0
    export(store, "gdelt", tmp_path / "e.tsv")
    header, values = (line.split("\t") for line in (tmp_path / "e.tsv").read_text("utf-8").splitlines())
    gdelt = dict(zip(header, values))
    assert gdelt["Actor1Name"] == "'" + evil.upper() and gdelt["SOURCEURL"] == "'+http://evil.example"
    assert gdelt["GoldsteinScale"] == "-10.0" and gdelt["Actor1Code"] == "FRAMIL"
    export(store, "cameo", tmp_path / "c.tsv")
    header, values = (line.split("\t") for line in (tmp_path / "c.tsv").read_text("utf-8").splitlines())
    assert dict(zip(header, values))["ids"] == "'=cmd|' /C calc'!A0"


def test_cli_csv_output_is_escaped_too(tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app
    from communique.store import open_store

    db = str(tmp_path / "e.duckdb")
    with open_store(db) as s:
        text = "=1+1 talked with Japan."
        s.add_coded(Document(id="-2+3", text=text, published=date(2021, 5, 2)),
                    [make_event("-2+3", "042", [entity("CHN", text="=1+1")], [entity("JPN", start=16)],
                                date(2021, 5, 1), text=text)])
    result = CliRunner().invoke(app, ["events", "--db", db, "--csv"])
    (row,) = list(csv.DictReader(result.stdout.splitlines()))
    assert row["doc"] == "'-2+3" and row["text"] == "'=1+1 talked with Japan." and row["goldstein"] == "1.9"
