"""The converters in tools/petrarch/: the dictionary syntax they read, and the tables they derive.

The dictionary snippets here are written for these tests in the PETRARCH-2 syntax (the vendored
files themselves are only read by the last test, which checks that the committed derived tables
are exactly what the converter makes of them).
"""
from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.petrarch import actors as convert  # noqa: E402
from tools.petrarch import common  # noqa: E402

COUNTRIES = frozenset({"AFG", "ALB", "ARM", "XKX", "USA", "KEN", "AGO", "FRA"})


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- common syntax

def test_dates_read_as_petrarch_reads_them():
    assert common.parse_date("930921") == date(1993, 9, 21)
    assert common.parse_date("050911") == date(2005, 9, 11)  # 00-30 is 20YY
    assert common.parse_date("20020602") == date(2002, 6, 2)
    assert common.parse_date("2004017") is None  # seven digits: unreadable
    assert common.parse_date("100931") is None  # no 31 September


def test_code_groups_with_ranges_bounds_defaults_and_do_not_code():
    codes, bad = common.code_groups("\t[KENGOV 930921-981130] [KENELI] [---] [KENMIL >050911] [X <900101] # note", 7)
    assert bad == 0
    assert [(c.code, c.first, c.last, c.dated) for c in codes] == [
        ("KENGOV", date(1993, 9, 21), date(1998, 11, 30), True),
        ("KENELI", None, None, False),
        ("---", None, None, False),
        ("KENMIL", date(2005, 9, 11), None, True),
        ("X", None, date(1990, 1, 1), True),
    ]
    assert all(c.line == 7 for c in codes)
    _, bad = common.code_groups("[KENGOV 981130-930921]", 1)  # ends before it starts
    assert bad == 1


def test_actor_records_group_synonyms_codes_and_code_less_phrases(tmp_path):
    path = write(tmp_path, "x.actors.txt", "\n".join([
        "# a comment line",
        "KENYA_  [KEN]",
        "+KENYAN_ ",
        "+NAIROBI_+MOMBASA_",
        "",
        "AMINA_WANJIRU_  # a person",
        "\t[KENELI 700101-021230]",
        "\t[KENGOV >021230]",
        "THE_HARAMBEE_FORUM_",
        "HARAMBEE_COUNCIL_ ; older comment",
        "\t[KENGOV]",
    ]) + "\n")
    records = list(common.read_actor_records(path))
    assert [[p.text for p in r.phrases] for r in records] == [
        ["KENYA_", "KENYAN_", "NAIROBI_", "MOMBASA_"],
        ["AMINA_WANJIRU_"],
        ["THE_HARAMBEE_FORUM_", "HARAMBEE_COUNCIL_"],  # a phrase without codes shares the next ones
    ]
    assert [p.line for p in records[0].phrases] == [2, 3, 4, 4]
    assert [(c.code, c.line) for c in records[1].codes] == [("KENELI", 7), ("KENGOV", 8)]
    assert records[2].codes[0].code == "KENGOV"


def test_phrases_and_their_readable_case():
    assert common.phrase_words("SALI_BERISHA_") == ["SALI", "BERISHA"]
    assert common.whole_word("SALI_BERISHA_") and not common.whole_word("WORLD CUP")
    assert common.display_case(["SALI", "BERISHA"]) == "Sali Berisha"
    assert common.display_case(["BANK", "OF", "AMERICA"]) == "Bank of America"
    assert common.display_case(["U.N."]) == "U.N."
    assert common.display_case(["NATO"]) == "NATO"
    assert common.display_case(["US", "TRADE", "OFFICE"]) == "US Trade Office"
    assert common.strip_comment("SCRAP {SCRAPPING};shan 8/30/93") == "SCRAP {SCRAPPING}"


# ---------------------------------------------------------------------------- code mapping

@pytest.mark.parametrize("cameo, expected", [
    ("AFGGOVBUS", ("AFG", "GOV")),  # a minister for business is government
    ("ALBELI", ("ALB", "ELI")),
    ("IGOUNOREFHCR", ("IGO", "REF")),
    ("IGOWSTNAT", ("IGO", None)),
    ("NGMENV", ("NGO", "ENV")),  # a non-governmental movement is an NGO
    ("MNCUSA", ("MNC", None)),
    ("KSVGOV", ("XKX", "GOV")),  # CAMEO's Kosovo
    ("USAASM", ("USA", None)),  # a territory
    ("USRGOV", None),  # the USSR has no ISO code
    ("---", None),
])
def test_cameo_actor_codes_become_project_codes(cameo, expected):
    assert convert.map_actor_code(cameo, COUNTRIES) == expected


def test_an_armed_group_of_a_region_acts_across_borders():
    assert convert.map_actor_code("MEAREB", COUNTRIES, armed=True) == ("IMG", "REB")
    assert convert.map_actor_code("IMGMUSALQ", COUNTRIES, armed=True) == ("IMG", None)
    assert convert.map_actor_code("FRAREB", COUNTRIES, armed=True) == ("FRA", "REB")


def test_the_converter_knows_the_projects_sectors():
    from communique.knowledge.codes import SECTORS

    assert convert.PROJECT_SECTORS == SECTORS


# ---------------------------------------------------------------------------- derived rows

def derive_from(tmp_path, countries_text="", international="", armed="", agents="", discards=""):
    for name, text in ((convert.COUNTRIES_FILE, countries_text), (convert.INTERNATIONAL_FILE, international),
                       (convert.ARMED_FILE, armed), (convert.AGENTS_FILE, agents), (convert.DISCARDS_FILE, discards)):
        write(tmp_path, name, text)
    tables, stats = convert.derive(tmp_path, COUNTRIES)
    return {name: [line.split("\t") for line in text.splitlines()[3:]] for name, text in tables.items()}, stats


def test_people_get_one_row_per_role_with_source_lines(tmp_path):
    tables, _ = derive_from(tmp_path, countries_text="\n".join([
        "KENYA_  [KEN]",
        "+NAIROBI_",
        "AMINA_WANJIRU_",
        "+PRIME_MINISTER_AMINA_WANJIRU_",
        "\t[KENELI 700101-021230]",
        "\t[KENGOV >021231]",
        "\t[KENELI]",
    ]) + "\n")
    assert tables["phoenix_country_names.tsv"] == [
        ["Kenya", "KEN", "Phoenix.Countries.actors.txt:1"], ["Nairobi", "KEN", "Phoenix.Countries.actors.txt:2"]]
    # The alias with an office title is left out; the last day of a range is included (end is exclusive).
    assert tables["phoenix_people.tsv"] == [
        ["person:phx-amina-wanjiru", "Amina Wanjiru", "Amina Wanjiru", "KEN", "ELI", "1970-01-01", "2002-12-31",
         "Phoenix.Countries.actors.txt:5"],
        ["person:phx-amina-wanjiru", "Amina Wanjiru", "Amina Wanjiru", "KEN", "GOV", "2002-12-31", "",
         "Phoenix.Countries.actors.txt:6"],
        ["person:phx-amina-wanjiru", "Amina Wanjiru", "Amina Wanjiru", "KEN", "ELI", "", "",
         "Phoenix.Countries.actors.txt:7"],
    ]


def test_bodies_companies_and_armed_groups(tmp_path):
    tables, stats = derive_from(
        tmp_path,
        countries_text="KENYA_DEFENCE_FORCES_\n+KDF\n\t[KENMIL]\n",
        international="ACME_TRADING_CORP_\t[MNCUSA]\t# a company\nGREEN_RIVER_TRUST_ [NGOKENENV]\nUN_ENVOY_ [IGOUNO]\n",
        armed="VALLEY_LIBERATION_FRONT_(VLF)_ [MEAREB] # a group\n+VALLEY_FRONT_\n",
    )
    assert tables["phoenix_organizations.tsv"] == [
        ["org:phx-kenya-defence-forces", "KEN", "MIL", "Kenya Defence Forces", "Kenya Defence Forces;KDF",
         "Phoenix.Countries.actors.txt:3"],
        ["org:phx-acme-trading-corp", "MNC", "", "Acme Trading Corp", "Acme Trading Corp",
         "Phoenix.International.actors.txt:1"],
        ["org:phx-green-river-trust", "NGO", "ENV", "Green River Trust", "Green River Trust",
         "Phoenix.International.actors.txt:2"],
    ]
    assert stats["body: only office titles"] == 1  # "UN envoy" names an office, not a body
    assert tables["phoenix_armed_groups.tsv"] == [
        ["group:phx-valley-liberation-front", "IMG", "REB", "Valley Liberation Front",
         "Valley Liberation Front;VLF;Valley Front", "Phoenix.MilNonState.actors.txt:1"]]


def test_agents_with_plurals_substitutions_and_body_types(tmp_path):
    tables, stats = derive_from(tmp_path, agents="\n".join([
        "!PERSON! = MAN, WOMAN",
        "FERRY!PERSON! [~BUS]",
        "ARMY_MEDIC [~MILHLH]",
        "POLICE {} [~COP]",
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]",
        "BISHOP [~CHR]",
        "AID_AGENCY [NGO~]",
    ]) + "\n")
    assert [row[:2] for row in tables["phoenix_agents.tsv"]] == [
        ["ferryman", "BUS"], ["ferrywoman", "BUS"], ["army medic", "MIL"], ["army medics", "MIL"],
        ["police", "COP"], ["attorney general", "GOV"], ["attorneys general", "GOV"],
        ["bishop", "REL"], ["bishops", "REL"]]
    assert stats["agent: body type or no project sector"] == 1


def test_discards_keep_scope_and_whole_word(tmp_path):
    tables, _ = derive_from(tmp_path, discards="+WORLD CUP   # story\nGOALKEEPER_\nCHAMPION\n")
    assert [row[:3] for row in tables["phoenix_discards.tsv"]] == [
        ["world cup", "story", "no"], ["goalkeeper", "sentence", "yes"], ["champion", "sentence", "no"]]


# ---------------------------------------------------------------------------- the committed tables

def test_committed_tables_are_what_the_converter_derives():
    if not (common.DICTIONARIES / convert.COUNTRIES_FILE).exists():
        pytest.skip("third_party/petrarch2 is not here")
    tables, stats = convert.derive()
    for name, text in tables.items():
        committed = (convert.OUT / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} differs from a fresh run: python -m tools.petrarch.actors"
    assert stats["person"] > 15000 and stats["armed group"] > 900
    assert isinstance(stats, Counter)


def test_an_armed_group_whose_name_holds_one_country_is_that_countrys(tmp_path):
    words = {"KENYAN": "KEN", "KENYA": "KEN", "UGANDA": "UGA", "AMERICAN": "USA"}
    def record(text):
        path = write(tmp_path, "g.actors.txt", f"{text} [MEAREB]\n")
        return next(common.read_actor_records(path))
    assert convert.named_country(record("KENYAN_PEOPLES_LIBERATION_ARMY_"), words) == "KEN"
    assert convert.named_country(record("KENYA_UGANDA_BORDER_FRONT_"), words) is None  # two countries
    assert convert.named_country(record("LATIN_AMERICAN_PATRIOTIC_ARMY_"), words) is None  # a region
    assert convert.named_country(record("AMINA_KENYA_"), words) is None  # a person's name
    assert convert.named_country(record("AMINA_W_KENYA_"), words) is None  # with an initial
