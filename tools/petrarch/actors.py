"""Derive the project's actor tables from the vendored Phoenix actor, agent and discard dictionaries.

    python tools/petrarch/actors.py            # write src/communique/actors/data/phoenix_*.tsv
    python tools/petrarch/actors.py --check    # exit 1 if the committed tables differ from a fresh run
    (or python -m tools.petrarch.actors from the repository root)

Reads ``third_party/petrarch2/`` (syntax: :mod:`tools.petrarch.common`) and the project's own
list of country codes (``src/communique/actors/data/countries.tsv``, read as a file: this script
does not import the package). Writes one table per kind, every row ending with the source file
and line it came from:

| table | from | one row per |
|---|---|---|
| ``phoenix_people.tsv`` | people of the Countries and International files | dated role (or the undated default role) |
| ``phoenix_organizations.tsv`` | national institutions (Countries), bodies and companies (International) | body |
| ``phoenix_armed_groups.tsv`` | MilNonState | group |
| ``phoenix_country_names.tsv`` | the country blocks of the Countries file | name, adjective, capital or region |
| ``phoenix_agents.tsv`` | agents | sector noun (plural forms included) |
| ``phoenix_discards.tsv`` | discards | phrase |

CAMEO actor codes become the project's codes: the first three letters are an ISO alpha-3 country
(``COUNTRY_FIXES`` for CAMEO's few non-ISO ones) or a body code (IGO, NGO, MNC, IMG; a
non-governmental movement, NGM, is an NGO); the first later three-letter group that is one of the
project's sectors is the sector ("AFGGOVBUS" -> AFG GOV). An armed group whose code names a region
or a religion rather than a country acts across borders: IMG, unless the group's own name holds one
country (``named_country``: "PALESTINIAN_ISLAMIC_JIHAD [MEAREB]" -> PSE). Codes of states that no longer
exist (USSR, Yugoslavia, ...) have no ISO code and their rows are left out. What this script
decides is only what the dictionaries say; which rows the coder uses (hand-written rows first,
ambiguous names out) is decided where the tables are loaded, by measurement.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

if __package__ in (None, ""):  # run as a script: the repository root holds the tools package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.petrarch.common import (DICTIONARIES, NULL_CODE, ROOT, ActorRecord, display_case,  # noqa: E402
                                   phrase_words, read_actor_records, read_plain_entries, whole_word)

OUT = ROOT / "src" / "communique" / "actors" / "data"
COUNTRY_TABLE = OUT / "countries.tsv"
COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
ARMED_FILE = "Phoenix.MilNonState.actors.txt"
AGENTS_FILE = "Phoenix.agents.txt"
DISCARDS_FILE = "Phoenix.discards.txt"

# The project's sector codes (communique.knowledge.codes.SECTORS; a test keeps the two equal).
PROJECT_SECTORS = frozenset({
    "GOV", "MIL", "POL", "JUD", "LEG", "COP", "REB", "OPP", "CVL", "BUS", "MED", "EDU", "REL",
    "HLH", "REF", "CRM", "SPY", "LAB", "AGR", "ENV", "HRI", "DEV", "ELI", "INS", "SEP", "UAF",
})
BODY_CODES = {"IGO": "IGO", "NGO": "NGO", "NGM": "NGO", "MNC": "MNC", "IMG": "IMG"}
# CAMEO country codes that are not ISO 3166 alpha-3 (Kosovo, Angola's older CAMEO code).
COUNTRY_FIXES = {"KSV": "XKX", "ANG": "AGO"}
# Agent codes of religions and political parties, which the project codes as sectors.
AGENT_SECTOR_FIXES = {"CHR": "REL", "MUS": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL", "SIK": "REL",
                      "PTY": "POL"}

# A phrase holding one of these words names a body, not a person.
BODY_WORDS = frozenset("""
ACADEMY ADMINISTRATION AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION BOARD BRIGADE
BRIGADES BUREAU CABINET CELLS CENTER CENTRE CHAMBER CHURCH COALITION COLLEGE COMMAND COMMISSION COMMITTEE
COMMUNITY COMPANY CONFEDERATION COUNTRIES CONFERENCE CONGRESS CORP CORPORATION CORPS COUNCIL COURT DEPARTMENT
DIRECTORATE DIVISION FACTION FEDERATION FORCE FORCES FORUM FOUNDATION FRONT FUND GOVERNMENT GROUP GROUPS
GUARD GUARDS HOSPITAL INC INSTITUTE INSTITUTION LEAGUE LIMITED LTD MILITIA MINISTRY MISSION MOVEMENT
NATIONS NAVY NETWORK NEWS NUCLEI OFFICE ORGANISATION ORGANIZATION PARLIAMENT PARTY POLICE PROGRAM PROGRAMME
REGIME REGIMENT SCHOOL SECRETARIAT SENATE SERVICE SERVICES SOCIETY SYSTEMS TRIBUNAL TRUST UNION UNIT
UNITS UNIVERSITY
""".split())
# A phrase holding one of these words names an office ("KOSOVAR_PRIME_MINISTER", "UN_ENVOY"): the
# coder's title rules resolve offices by date, so such phrases are not names of anyone.
OFFICE_WORDS = frozenset("""
ACTING AMBASSADOR CHAIRMAN CHANCELLOR CHIEF COMMANDER DEPUTY DIRECTOR EMIR ENVOY GENERAL GOVERNOR KING
LEADER MAYOR MINISTER PREMIER PRESIDENT PRIME PRINCE QUEEN REPRESENTATIVE SECRETARY SECRETARY-GENERAL
SPEAKER SPOKESMAN SPOKESWOMAN SULTAN
""".split())

HEADERS = {
    "phoenix_people.tsv": ("id", "name", "aliases", "country", "sector", "start", "end", "source"),
    "phoenix_organizations.tsv": ("id", "code", "sector", "name", "aliases", "source"),
    "phoenix_armed_groups.tsv": ("id", "code", "sector", "name", "aliases", "source"),
    "phoenix_country_names.tsv": ("phrase", "code", "source"),
    "phoenix_agents.tsv": ("phrase", "sector", "source"),
    "phoenix_discards.tsv": ("phrase", "scope", "whole_word", "source"),
}
PREAMBLE = ("# Derived by tools/petrarch/actors.py from third_party/petrarch2/ (PETRARCH-2 / Phoenix, MIT license).\n"
            "# Do not edit: change the converter or the hand-written tables, then run python -m tools.petrarch.actors.\n")


def project_countries(path: Path = COUNTRY_TABLE) -> frozenset[str]:
    """The country codes the project knows (first column of countries.tsv)."""
    codes = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            codes.add(line.split("\t", 1)[0])
    codes.discard("code")
    return frozenset(codes)


def map_actor_code(code: str, countries: frozenset[str], armed: bool = False) -> Optional[tuple[str, Optional[str]]]:
    """A CAMEO actor code as (project code, sector), or None ("---", a vanished state, a region)."""
    if not code or code == NULL_CODE or len(code) < 3:
        return None
    head = code[:3]
    groups = [code[i:i + 3] for i in range(3, len(code), 3)]
    sector = next((g for g in groups if g in PROJECT_SECTORS), None)
    if head in BODY_CODES:
        return BODY_CODES[head], sector
    head = COUNTRY_FIXES.get(head, head)
    if head in countries:
        return head, sector
    if armed:  # a region (MEA, SAS, WEU, ...), a religion or "international": across borders
        return "IMG", sector
    return None


# ---------------------------------------------------------------------------- naming

def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Ids:
    """Stable ids: a slug of the name, with the source line when two names give one slug."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.seen: set[str] = set()

    def make(self, name: str, line: int) -> str:
        base = f"{self.prefix}{slug(name) or 'x'}"
        out = base if base not in self.seen else f"{base}-{line}"
        self.seen.add(out)
        return out


def name_words(text: str) -> list[str]:
    """The words of a phrase without a leading "THE" (the text's noun phrase has its own)."""
    words = phrase_words(text)
    return words[1:] if len(words) > 1 and words[0] == "THE" else words


def words_of(record: ActorRecord) -> list[list[str]]:
    return [name_words(p.text) for p in record.phrases]


def is_office(words: list[str]) -> bool:
    return any(w in OFFICE_WORDS for w in words)


def aliases_of(record: ActorRecord, keep=lambda words: True) -> list[tuple[str, int]]:
    """(display form, line) of each phrase of the record that ``keep`` accepts, first one first,
    without repeats; a parenthesised acronym ("..._(AAIA)_") is an alias of its own."""
    out: list[tuple[str, int]] = []
    for phrase in record.phrases:
        text = phrase.text
        found = re.findall(r"\(([A-Z0-9-]{3,})\)", text)
        text = re.sub(r"\([^)]*\)", " ", text)
        for words in [name_words(text)] + [[a] for a in found]:
            if words and keep(words):
                shown = display_case(words)
                if shown not in [a for a, _ in out]:
                    out.append((shown, phrase.line))
    return out


def source(filename: str, line: int) -> str:
    return f"{filename}:{line}"


def iso(day: Optional[date]) -> str:
    return day.isoformat() if day else ""


# ---------------------------------------------------------------------------- people and bodies

def person_rows(record: ActorRecord, filename: str, ids: Ids, countries: frozenset[str], stats: Counter) -> list:
    """One row per role of a person: dated roles with their days (end exclusive, the source's
    last day included), the undated default role with neither."""
    aliases = aliases_of(record, keep=lambda words: not is_office(words) and not names_body(words))
    if not aliases:
        stats["person: only office titles or body names"] += 1
        return []
    person_id = ids.make(aliases[0][0], record.line)
    rows = []
    for restriction in record.codes:
        mapped = map_actor_code(restriction.code, countries)
        if mapped is None:
            stats["person role: do-not-code or no ISO country"] += 1
            continue
        code, sector = mapped
        end = restriction.last + timedelta(days=1) if restriction.last else None
        start = restriction.first if restriction.dated else None
        if restriction.dated and start is None:
            start = date(1900, 1, 1)  # "<date": until that day, from whenever
        rows.append((person_id, aliases[0][0], ";".join(a for a, _ in aliases), code, sector or "",
                     iso(start), iso(end), source(filename, restriction.line)))
    stats["person"] += bool(rows)
    return rows


def body_code(record: ActorRecord, countries: frozenset[str], armed: bool) -> Optional[tuple[str, Optional[str], int]]:
    """A body's code: its undated code if it has one, else its latest dated one."""
    undated = [r for r in record.codes if not r.dated]
    dated = sorted((r for r in record.codes if r.dated), key=lambda r: r.first or date.min)
    for restriction in (undated[:1] or dated[-1:]):
        mapped = map_actor_code(restriction.code, countries, armed)
        if mapped is not None:
            return mapped[0], mapped[1], restriction.line
    return None


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    return country_words()


def country_words(out: Path = OUT) -> dict[str, str]:
    """Country names, aliases and demonyms of the project's tables, as Phoenix writes words
    (upper case, "_" between words): "PALESTINIAN" -> PSE, "NEPAL" -> NPL."""
    words: dict[str, str] = {}
    for name, column in (("countries.tsv", 2), ("demonyms.tsv", 1)):
        path = out / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if line.startswith("#") or len(cells) <= column or cells[0] == "code":
                continue
            for word in cells[column].split(";") + ([cells[1]] if column == 2 else []):
                if word.strip():
                    words["_".join(phrase_words(word.strip())).upper()] = cells[0]
    return words


def named_country(record: ActorRecord, words: dict[str, str]) -> Optional[str]:
    """The one country a group's own name holds ("PALESTINIAN_ISLAMIC_JIHAD" -> PSE,
    "COMMUNIST_PARTY_OF_NEPAL-MAOIST" -> NPL), or None when it holds none or several."""
    tokens = [t for w in words_of(record)[0] for t in w.upper().split("-") if t]
    if len(tokens) <= 2 or any(len(t) == 1 for t in tokens):
        return None  # "KULWINDER_MALI", "KULWINDER_S_MALI": a person's name, not a group's
    found = set()
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            if i > 0 and tokens[i - 1] == "LATIN":
                continue  # "Latin American" is a region
            code = words.get("_".join(tokens[i:i + size]))
            if code:
                found.add(code)
    return found.pop() if len(found) == 1 else None


def body_row(record: ActorRecord, filename: str, ids: Ids, countries: frozenset[str], stats: Counter,
             armed: bool = False, what: str = "body") -> Optional[tuple]:
    aliases = aliases_of(record, keep=lambda words: not is_office(words))
    if not aliases:
        stats[f"{what}: only office titles"] += 1
        return None
    coded = body_code(record, countries, armed)
    if coded is None:
        stats[f"{what}: do-not-code or no ISO country"] += 1
        return None
    code, sector, line = coded
    if armed and code == "IMG":
        # Phoenix gives many national groups a region ("PALESTINIAN_ISLAMIC_JIHAD [MEAREB]"): a group
        # whose own name holds one country is that country's.
        named = named_country(record, _country_words())
        if named is not None and named in countries:
            code = named
            stats[f"{what}: region code, country from its name"] += 1
    if armed and sector is None:
        sector = "REB"  # every group of the MilNonState file is armed
    stats[what] += 1
    return (ids.make(aliases[0][0], record.line), code, sector or "", aliases[0][0],
            ";".join(a for a, _ in aliases), source(filename, line))


def country_block_code(record: ActorRecord, countries: frozenset[str]) -> Optional[str]:
    """The country of a country block ("AFGHANISTAN_ [AFG]" and its synonyms; "ARMENIA_" with
    [USRARM <900823] and [ARM >911221]; "AMERICAN_SAMOA_ [USAASM]", a territory): the record has a
    bare country code, with or without days. None for any other record."""
    for restriction in reversed(record.codes):
        code = restriction.code
        head = COUNTRY_FIXES.get(code[:3], code[:3])
        if head in countries and (len(code) == 3 or (len(code) == 6 and code[3:6] not in PROJECT_SECTORS)):
            return head
    return None


def names_body(words: list[str]) -> bool:
    return any(w.strip("(),.") in BODY_WORDS for w in words)


def is_person(record: ActorRecord) -> bool:
    """Dated roles of a name that holds no body word ("KHODAIDAD_" with [AFGGOV ...] is a person
    known by one name), or an undated name of two to four words that names no body or office and
    whose code is no company's, NGO's or armed group's (those lists hold "GRAN_TIERRA_ENERGY_")."""
    primary = words_of(record)[0]
    if any(r.dated for r in record.codes):
        return not names_body(primary)
    if any(r.code[:3] in ("MNC", "NGO", "NGM", "IMG") for r in record.codes):
        return False
    return 2 <= len(primary) <= 4 and not names_body(primary) and not is_office(primary) \
        and all(w.replace("-", "").replace(".", "").replace("'", "").isalpha() for w in primary)


def convert_actor_files(dictionaries: Path, countries: frozenset[str], stats: Counter) -> dict[str, list]:
    tables: dict[str, list] = {name: [] for name in HEADERS}
    people, bodies, groups = Ids("person:phx-"), Ids("org:phx-"), Ids("group:phx-")
    for filename in (COUNTRIES_FILE, INTERNATIONAL_FILE):
        for record in read_actor_records(dictionaries / filename):
            stats["unreadable date restrictions"] += record.unreadable_codes
            if not record.codes:
                stats["records without any code"] += 1
            elif filename == COUNTRIES_FILE and (code := country_block_code(record, countries)):
                for phrase in record.phrases:
                    words = name_words(phrase.text)
                    if words:
                        tables["phoenix_country_names.tsv"].append(
                            (display_case(words), code, source(filename, phrase.line)))
                stats["country block"] += 1
            elif is_person(record):
                tables["phoenix_people.tsv"] += person_rows(record, filename, people, countries, stats)
            else:
                row = body_row(record, filename, bodies, countries, stats)
                if row:
                    tables["phoenix_organizations.tsv"].append(row)
    for record in read_actor_records(dictionaries / ARMED_FILE):
        row = body_row(record, ARMED_FILE, groups, countries, stats, armed=True, what="armed group")
        if row:
            tables["phoenix_armed_groups.tsv"].append(row)
    return tables


# ---------------------------------------------------------------------------- agents and discards

def plural(words: list[str]) -> list[str]:
    """PETRARCH's regular plural of an agent phrase (its last word)."""
    last = words[-1]
    if last.endswith("Y"):
        last = last[:-1] + "IES"
    elif last.endswith("S"):
        last = last + "ES"
    else:
        last = last + "S"
    return words[:-1] + [last]


def agent_sector(code: str) -> Optional[str]:
    """ "~COP" -> COP, "~GOVMIL" -> GOV, "~CHRCTH" -> REL; body types ("NGO~") and codes with no
    project sector -> None."""
    if not code.startswith("~"):
        return None
    head = code[1:4]
    head = AGENT_SECTOR_FIXES.get(head, head)
    return head if head in PROJECT_SECTORS else None


def convert_agents(path: Path, stats: Counter) -> list[tuple]:
    markers: dict[str, list[str]] = {}
    rows: list[tuple] = []
    seen: set[str] = set()
    for line, text, _ in read_plain_entries(path):
        if "!" in text and "=" in text:  # "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON"
            name, _, items = text.partition("=")
            markers[name.strip().strip("!")] = [i.strip() for i in items.split(",") if i.strip()]
            continue
        if "[" not in text:
            stats["agent: no code"] += 1
            continue
        phrase, _, rest = text.partition("[")
        sector = agent_sector(rest.partition("]")[0].strip())
        if sector is None:
            stats["agent: body type or no project sector"] += 1
            continue
        forms: list[list[str]] = []
        explicit = re.search(r"\{([^}]*)\}", phrase)
        phrase = re.sub(r"\{[^}]*\}", " ", phrase)
        marker = re.search(r"!([A-Z]+)!", phrase)
        if marker:  # every item of the set, no plurals of its own
            for item in markers.get(marker.group(1), []):
                forms.append(phrase_words(phrase.replace(marker.group(0), item)))
        else:
            words = phrase_words(phrase)
            forms.append(words)
            if explicit is not None:
                if explicit.group(1).strip():
                    forms.append(phrase_words(explicit.group(1)))
            else:
                forms.append(plural(words))
        for words in forms:
            text_form = " ".join(words).lower()
            if words and text_form not in seen:
                seen.add(text_form)
                rows.append((text_form, sector, source(AGENTS_FILE, line)))
        stats["agent"] += 1
    return rows


def convert_discards(path: Path, stats: Counter) -> list[tuple]:
    rows = []
    for line, text, _ in read_plain_entries(path):
        scope = "story" if text.startswith("+") else "sentence"
        phrase = text.lstrip("+").strip()
        words = phrase_words(phrase)
        if not words:
            continue
        rows.append((" ".join(words).lower(), scope, "yes" if whole_word(phrase) else "no",
                     source(DISCARDS_FILE, line)))
        stats["discard"] += 1
    return rows


# ---------------------------------------------------------------------------- output

def derive(dictionaries: Path = DICTIONARIES, countries: Optional[frozenset[str]] = None) -> tuple[dict[str, str], Counter]:
    """Every derived table as text (file name -> content), and counts of what was kept and left out."""
    stats: Counter = Counter()
    countries = countries or project_countries()
    tables = convert_actor_files(dictionaries, countries, stats)
    tables["phoenix_agents.tsv"] = convert_agents(dictionaries / AGENTS_FILE, stats)
    tables["phoenix_discards.tsv"] = convert_discards(dictionaries / DISCARDS_FILE, stats)
    return {name: render(HEADERS[name], rows) for name, rows in tables.items()}, stats


def render(header: Iterable[str], rows: Iterable[tuple]) -> str:
    lines = [PREAMBLE.rstrip("\n"), "\t".join(header)]
    for row in rows:
        cells = [str(c).replace("\t", " ") for c in row]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Example: python -m tools.petrarch.actors --check")
    parser.add_argument("--check", action="store_true", help="compare with the committed tables, write nothing")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write the tables to")
    args = parser.parse_args(argv)
    if not (DICTIONARIES / COUNTRIES_FILE).exists():
        print(f"no dictionaries at {DICTIONARIES}", file=sys.stderr)
        return 2
    tables, stats = derive()
    differ = []
    for name, text in tables.items():
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                differ.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    for what, n in sorted(stats.items()):
        print(f"{n:7d}  {what}")
    for name, text in tables.items():
        print(f"{text.count(chr(10)) - 3:7d}  rows in {name}")
    if differ:
        print("differ from a fresh run: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
