"""The actor knowledge base: countries, demonyms, capitals, bodies, sector nouns, office holders.

Every table is a TSV file in ``actors/data/`` with a header line; lines starting with ``#``
are comments. Each table is read and validated once per process (``lru_cache``); a bad
line raises :class:`KnowledgeError` naming the file and the line number.

The hand-written tables come first; the tables derived from the Phoenix dictionaries
(:mod:`.phoenix`) are merged under them: :func:`organizations` and :func:`sector_terms` hold
both (hand-written rows win), :func:`holder_terms` answers from the hand-written office holders
when they know the name, else from the derived people (whose roles have no office, so titles
such as "the foreign minister" still resolve only to hand-written office holders).

Lookups for other stages and tests::

    country_by_name("South Korea").code        -> "KOR"
    country_by_name("Kenyan").code              -> "KEN"   (demonyms and capitals too)
    organization_by_name("WHO").name            -> "World Health Organization"
    office_holder("Motegi", on=date(2020, 7, 30)).office   -> "foreign minister"
    holder_of("foreign minister", "CHN", on=date(2023, 3, 1)).name -> "Qin Gang"
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..knowledge.codes import NON_STATE_CODES, SECTORS
from ..knowledge.tables import read_table
from . import phoenix
from .records import Country, KnowledgeError, Metonym, OfficeHolder, Organization, SectorTerm

DATA_DIR = Path(__file__).parent / "data"
# Heads of an ethnic group's name ("the Albanian population"), which the actors stage places by its
# sentence (postpasses.ethnic_groups): a derived table never makes them sector nouns.
ETHNIC_HEADS = frozenset({"population", "populations", "minority", "minorities", "community", "communities"})


# ---------------------------------------------------------------------------- reading

def _rows(filename: str, columns: tuple[str, ...]):
    """Yield (line number, dict) for each data line of a TSV file, checking the header."""
    for row in read_table(DATA_DIR / filename, columns, label=filename, error=KnowledgeError):
        yield row.line, row.values()


def _split_aliases(value: str) -> list[str]:
    """Semicolon list; a leading "the " is dropped because the noun phrase supplies its own."""
    out: list[str] = []
    for alias in value.split(";"):
        alias = alias.strip()
        if alias.lower().startswith("the ") and len(alias) > 4:
            alias = alias[4:]
        if alias and alias not in out:
            out.append(alias)
    return out


def _check(condition: bool, filename: str, number: int, message: str) -> None:
    if not condition:
        raise KnowledgeError(f"{filename}:{number}: {message}")


def _parse_date(value: str, filename: str, number: int) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeError(f"{filename}:{number}: bad date {value!r} (want YYYY-MM-DD)") from None


# ---------------------------------------------------------------------------- tables

@lru_cache(maxsize=None)
def countries() -> dict[str, Country]:
    """ISO alpha-3 code -> Country."""
    table: dict[str, Country] = {}
    for number, row in _rows("countries.tsv", ("code", "name", "aliases")):
        code = row["code"]
        _check(len(code) == 3 and code.isupper(), "countries.tsv", number, f"bad code {code!r}")
        _check(code not in table, "countries.tsv", number, f"duplicate code {code}")
        _check(bool(row["name"]), "countries.tsv", number, "empty name")
        table[code] = Country(code, row["name"])
    return table


def _check_code(code: str, filename: str, number: int, allow_non_state: bool = True) -> None:
    known = code in countries() or (allow_non_state and code in NON_STATE_CODES)
    _check(known, filename, number, f"unknown country code {code!r}")


def _check_sector(sector: str, filename: str, number: int) -> None:
    _check(sector in SECTORS, filename, number, f"unknown sector {sector!r}")


def _add_surface(table: dict[str, str], surface: str, code: str, filename: str, number: int) -> None:
    _check(table.get(surface, code) == code, filename, number,
           f"{surface!r} already names {table.get(surface)}, cannot also name {code}")
    table[surface] = code


@lru_cache(maxsize=None)
def country_names() -> dict[str, str]:
    """Country name or alias (as written) -> code."""
    table: dict[str, str] = {}
    for number, row in _rows("countries.tsv", ("code", "name", "aliases")):
        for alias in _split_aliases(row["aliases"]) + _split_aliases(row["name"]):
            if "," not in alias:  # "Korea, Republic of" is a catalogue form, never news text
                _add_surface(table, alias, row["code"], "countries.tsv", number)
    return table


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str]:
    """Demonym or country adjective (as written) -> code."""
    table: dict[str, str] = {}
    names = country_names()
    for number, row in _rows("demonyms.tsv", ("code", "words")):
        _check_code(row["code"], "demonyms.tsv", number, allow_non_state=False)
        for word in _split_aliases(row["words"]):
            _check(word not in names, "demonyms.tsv", number, f"{word!r} is already a country name")
            _add_surface(table, word, row["code"], "demonyms.tsv", number)
    return table


@lru_cache(maxsize=None)
def metonyms() -> dict[str, Metonym]:
    """Capital or seat of government (as written) -> Metonym; then the derived country names in
    use (cities, regions, other names: kind "region", no sector)."""
    hand = _hand_metonyms()
    return {**hand, **{name: Metonym(name, code, None, "region") for name, code in derived_country_names()}}


@lru_cache(maxsize=None)
def _hand_metonyms() -> dict[str, Metonym]:
    table: dict[str, Metonym] = {}
    for number, row in _rows("metonyms.tsv", ("alias", "code", "sector", "kind")):
        _check_code(row["code"], "metonyms.tsv", number, allow_non_state=False)
        _check_sector(row["sector"], "metonyms.tsv", number)
        _check(row["kind"] in ("capital", "seat"), "metonyms.tsv", number, "kind must be capital or seat")
        _check(row["alias"] not in table, "metonyms.tsv", number, f"duplicate alias {row['alias']!r}")
        _check(row["alias"] not in country_names(), "metonyms.tsv", number,
               f"{row['alias']!r} is already a country name")
        table[row["alias"]] = Metonym(row["alias"], row["code"], row["sector"], row["kind"])
    return table


@lru_cache(maxsize=None)
def _organization_tables() -> tuple[dict[str, Organization], dict[str, str], dict[str, tuple[str, ...]]]:
    by_id: dict[str, Organization] = {}
    by_alias: dict[str, str] = {}
    shared: dict[str, list[str]] = {}  # an alias several bodies use ("RSF"): every id, first row first
    names = country_names()
    columns = ("id", "code", "sector", "name", "aliases")
    for number, row in _rows("organizations.tsv", columns):
        _check(":" in row["id"], "organizations.tsv", number, f"id {row['id']!r} needs a prefix such as igo:")
        _check(row["id"] not in by_id, "organizations.tsv", number, f"duplicate id {row['id']}")
        _check_code(row["code"], "organizations.tsv", number)
        if row["sector"]:
            _check_sector(row["sector"], "organizations.tsv", number)
        aliases = _split_aliases(row["aliases"])
        _check(bool(aliases), "organizations.tsv", number, "no aliases")
        for alias in aliases:
            _check(alias not in names, "organizations.tsv", number, f"alias {alias!r} is already a country name")
            if alias in by_alias:  # the first row keeps the alias; the article's countries choose later
                others = shared.setdefault(alias, [by_alias[alias]])
                _check(row["code"] not in {by_id[i].code for i in others}, "organizations.tsv", number,
                       f"alias {alias!r} already names a body of code {row['code']}: an article cannot tell them apart")
                others.append(row["id"])
            else:
                by_alias[alias] = row["id"]
        by_id[row["id"]] = Organization(row["id"], row["code"], row["sector"] or None, row["name"], tuple(aliases))
    return by_id, by_alias, {alias: tuple(ids) for alias, ids in shared.items()}


@lru_cache(maxsize=None)
def organizations() -> dict[str, Organization]:
    """Organization id -> Organization: the hand-written table's, then the derived ones in use."""
    return {**_organization_tables()[0], **{o.id: o for o in derived_organizations()}}


def organization_aliases() -> dict[str, str]:
    """Organization alias (as written) -> organization id (the first row listing it)."""
    return _organization_tables()[1]


def shared_organization_aliases() -> dict[str, tuple[str, ...]]:
    """Aliases that several organisations use ("RSF": Reporters Without Borders and Sudan's Rapid
    Support Forces) -> their ids, first row first. Each must be of a different code, so that the
    countries an article names can choose between them."""
    return _organization_tables()[2]


@lru_cache(maxsize=None)
def sector_terms() -> dict[str, SectorTerm]:
    """Lower-cased phrase -> SectorTerm: the hand-written table's, then the derived ones in use."""
    hand = _hand_sector_terms()
    return {**hand, **{t.phrase: t for t in phoenix.agents(frozenset(hand) | ETHNIC_HEADS)}}


@lru_cache(maxsize=None)
def _hand_sector_terms() -> dict[str, SectorTerm]:
    table: dict[str, SectorTerm] = {}
    columns = ("phrase", "sector", "role", "alone", "office")
    for number, row in _rows("sector_nouns.tsv", columns):
        phrase = row["phrase"].lower()
        _check(bool(phrase), "sector_nouns.tsv", number, "empty phrase")
        _check(phrase not in table, "sector_nouns.tsv", number, f"duplicate phrase {phrase!r}")
        sector = row["sector"] or None
        if sector and sector != "-":
            _check_sector(sector, "sector_nouns.tsv", number)
        _check(row["role"] in ("title", "group"), "sector_nouns.tsv", number, "role must be title or group")
        _check(row["alone"] in ("yes", "no"), "sector_nouns.tsv", number, "alone must be yes or no")
        _check(row["role"] != "title" or bool(row["office"]) or sector == "-", "sector_nouns.tsv", number,
               "a title needs an office")
        table[phrase] = SectorTerm(phrase, sector, row["role"], row["alone"] == "yes", row["office"] or None)
    return table


@lru_cache(maxsize=None)
def office_holders() -> tuple[OfficeHolder, ...]:
    """Every term of office, in file order."""
    terms: list[OfficeHolder] = []
    names: dict[str, str] = {}
    columns = ("id", "name", "aliases", "country", "sector", "office", "start", "end")
    for number, row in _rows("office_holders.tsv", columns):
        _check(row["id"].startswith("person:"), "office_holders.tsv", number, "id must start with person:")
        _check(names.setdefault(row["id"], row["name"]) == row["name"], "office_holders.tsv", number,
               f"{row['id']} has two names: {names[row['id']]!r} and {row['name']!r}")
        _check_code(row["country"], "office_holders.tsv", number)
        _check_sector(row["sector"], "office_holders.tsv", number)
        _check(bool(row["office"]), "office_holders.tsv", number, "empty office")
        start = _parse_date(row["start"], "office_holders.tsv", number)
        end = _parse_date(row["end"], "office_holders.tsv", number) if row["end"] else None
        _check(end is None or end > start, "office_holders.tsv", number, "term ends before it starts")
        aliases = _split_aliases(row["aliases"])
        if row["name"] not in aliases:
            aliases.insert(0, row["name"])
        terms.append(OfficeHolder(row["id"], row["name"], tuple(aliases), row["country"], row["sector"],
                                  row["office"].lower(), start, end))
    return tuple(terms)


@lru_cache(maxsize=None)
def _holders_by_alias() -> dict[str, tuple[OfficeHolder, ...]]:
    table: dict[str, list[OfficeHolder]] = {}
    for term in office_holders():
        for alias in term.aliases:
            table.setdefault(alias, []).append(term)
    return {alias: tuple(terms) for alias, terms in table.items()}


@lru_cache(maxsize=None)
def _holders_by_office() -> dict[tuple[str, str], tuple[OfficeHolder, ...]]:
    table: dict[tuple[str, str], list[OfficeHolder]] = {}
    for term in office_holders():
        table.setdefault((term.office, term.country), []).append(term)
    return {key: tuple(terms) for key, terms in table.items()}


def person_aliases() -> tuple[str, ...]:
    """Every office-holder alias, for the phrase matcher."""
    return tuple(_holders_by_alias())


# ---------------------------------------------------------------------------- derived tables

@lru_cache(maxsize=None)
def _hand_surfaces() -> frozenset[str]:
    """Every name or phrase a hand-written table lists, case-folded: a derived row never takes one."""
    surfaces = [*country_names(), *demonyms(), *_hand_metonyms(), *organization_aliases(), *_holders_by_alias(),
                *_hand_sector_terms()]
    return frozenset(phoenix.fold(s) for s in surfaces)


def _valid_codes() -> frozenset[str]:
    return frozenset(countries()) | NON_STATE_CODES


@lru_cache(maxsize=None)
def derived_people() -> phoenix.DerivedPeople:
    """The derived (Phoenix) people in use; see :func:`phoenix.people`."""
    hand_people: dict[str, set[str]] = {}
    for term in office_holders():
        hand_people.setdefault(term.id, set()).update(term.aliases)
    return phoenix.people(_valid_codes(), _hand_surfaces(), hand_people.values())


@lru_cache(maxsize=None)
def derived_organizations() -> tuple[Organization, ...]:
    """The derived (Phoenix) bodies and armed groups in use; see :func:`phoenix.bodies`."""
    return phoenix.bodies(_valid_codes(), _hand_surfaces(), frozenset(sector_terms()))


@lru_cache(maxsize=None)
def derived_country_names() -> tuple[tuple[str, str], ...]:
    """(name, code) of the derived country names in use; see :func:`phoenix.country_names`."""
    from ..knowledge.gazetteer import resolve_place  # the gazetteer: cities and regions

    # A place the gazetteer knows ("Mosul", "Brussels") is left to it: the actors stage asks it whose
    # a town is where the text makes the town a place ("protesters in Mosul").
    return tuple((name, code) for name, code in phoenix.country_names(frozenset(countries()), _hand_surfaces())
                 if resolve_place(name) is None)


# ---------------------------------------------------------------------------- lookups

def country(code: str) -> Optional[Country]:
    return countries().get(code)


def country_by_name(text: str) -> Optional[Country]:
    """A country from its name, alias, demonym or capital ("the U.S.", "Kenyan", "Beijing")."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    for table in (country_names(), demonyms()):
        if text in table:
            return countries()[table[text]]
    if text in _hand_metonyms():
        return countries()[_hand_metonyms()[text].code]
    folded = text.lower()
    for table in (country_names(), demonyms()):
        for surface, code in table.items():
            if surface.lower() == folded:
                return countries()[code]
    return None


def organization_by_name(text: str) -> Optional[Organization]:
    """An international body, NGO or named group from its name or acronym."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    org_id = organization_aliases().get(text)
    return organizations()[org_id] if org_id else None


def holder_terms(name: str) -> tuple[OfficeHolder, ...]:
    """All terms of office of anyone known by this name or alias: the hand-written table's if it
    knows the name, else the derived people's roles (compared case-folded)."""
    return _holders_by_alias().get(name.strip()) or derived_people().terms(name)


def office_holder(name: str, on: Optional[date] = None, office: Optional[str] = None,
                  prefer: Optional[str] = None) -> Optional[OfficeHolder]:
    """The term of office a name refers to on a date.

    With a date: the term covering it, or None when the named person held no listed office
    that day (or when the name fits several people in office that day, unless exactly one of them
    is of the ``prefer`` country). Without a date: the latest term of whoever the name fits, if it fits
    one person only.
    """
    terms = holder_terms(name)
    if office:
        terms = tuple(t for t in terms if t.office == office.lower())
    if on is not None:
        terms = phoenix.best_role(terms, on)  # an undated default role only where no dated role holds
    if prefer and len({t.id for t in terms}) > 1:
        terms = tuple(t for t in terms if t.country == prefer)
    if not terms or len({t.id for t in terms}) > 1:
        return None
    return max(terms, key=lambda t: t.start)


def office_holders_on(name: str, on: date) -> tuple[OfficeHolder, ...]:
    """The terms a name fits on a day, one per person (several where the name is shared)."""
    return tuple({t.id: t for t in phoenix.best_role(holder_terms(name), on)}.values())


def holder_of(office: str, country_code: str, on: Optional[date] = None) -> Optional[OfficeHolder]:
    """Who held an office for a country (or "IGO" body) on a date; latest holder without a date."""
    terms = _holders_by_office().get((office.lower(), country_code), ())
    if on is not None:
        terms = tuple(t for t in terms if t.holds_on(on))
        if len({t.id for t in terms}) != 1:
            return None
    return max(terms, key=lambda t: t.start) if terms else None


def person_identity(name: str) -> Optional[OfficeHolder]:
    """Any term of the one person a name fits (identity without regard to date), else None."""
    terms = holder_terms(name)
    if not terms or len({t.id for t in terms}) > 1:
        return None
    return terms[-1]


def validate_all() -> None:
    """Load every table (raises KnowledgeError on the first bad line)."""
    countries(), country_names(), demonyms(), metonyms(), organizations(), organization_aliases()
    sector_terms(), office_holders(), derived_people(), derived_organizations(), phoenix.discards()
