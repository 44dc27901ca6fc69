"""Actor codes: which codes are no country, the sector codes, and CAMEO's codes of known bodies.

An entity's ``code`` is an ISO 3166-1 alpha-3 country or one of ``NON_STATE_CODES``: ``IGO``
(international bodies), ``NGO`` (non-governmental bodies), ``MNC`` (companies) and ``IMG``
(armed groups that act across borders, CAMEO's "international militarised group"). These
four are never a country: no country column of an export, no country name, no gazetteer
country holds them; bodies that share one are told apart by their ``name``. This is the one
definition every stage, the store, the exports and the evaluation use.
"""
from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Iterable, Optional

from .tables import PACKAGE_DIR, read_table

TRANSNATIONAL_GROUP = "IMG"  # an armed group that works across borders (al-Qaeda, Islamic State)
NON_STATE_CODES = frozenset({"IGO", "NGO", "MNC", TRANSNATIONAL_GROUP})

# PLOVER / CAMEO sector codes this project uses.
SECTORS = frozenset({
    "GOV", "MIL", "POL", "JUD", "LEG", "COP", "REB", "OPP", "CVL", "BUS", "MED", "EDU", "REL",
    "HLH", "REF", "CRM", "SPY", "LAB", "AGR", "ENV", "HRI", "DEV", "ELI", "INS", "SEP", "UAF",
})
# Sectors that act for the state itself (its own state's forces, courts and officials).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# A state's forces: what it deploys, sends or promises, never whom such an act is aimed at.
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})


def own_forces(entities: Iterable, actor_codes: set) -> bool:
    """All of ``entities`` (at least one) are forces of a state among ``actor_codes``: what that
    actor deploys, orders, offers or threatens with, never whom its act is aimed at."""
    entities = list(entities)
    return bool(entities) and all(e.code in actor_codes and e.sector in FORCE_SECTORS for e in entities)


# A state's own hand on people: arrests, releases, investigations and concessions.
OWN_PEOPLE_CATEGORIES = frozenset({"COERCE", "RETREAT", "ACCUSE", "CONCEDE"})


def own_people(plover: str, actor: list, recipient: list) -> list:
    """"Zimbabwean police arrested the journalist X", "Cuban authorities freed 53 prisoners": people no
    table places, acted on by one state's organs (an arrest, a release, an inquiry, a pardon), are that
    state's own, as PLOVER coders code them. Other recipients are returned as they are."""
    codes = {a.code for a in actor}
    if plover not in OWN_PEOPLE_CATEGORIES or not recipient or any(r.code for r in recipient) or len(codes) != 1 \
            or not all(a.sector in STATE_SECTORS for a in actor) or not is_country_code(next(iter(codes))):
        return recipient
    code = next(iter(codes))
    return [dataclasses.replace(r, code=code) for r in recipient]


KNOWN_GROUPS = PACKAGE_DIR / "data" / "cameo_known_groups.tsv"


def is_country_code(code: Optional[str]) -> bool:
    """A three-letter code that names a country (not IGO, NGO, MNC or IMG)."""
    return bool(code) and len(code) == 3 and code not in NON_STATE_CODES


@lru_cache(maxsize=None)
def known_group_codes() -> dict[str, str]:
    """CAMEO codes of international and non-state bodies by lower-case canonical name
    ("united nations" -> "IGOUNO"), from ``data/cameo_known_groups.tsv``."""
    table = {}
    for row in read_table(KNOWN_GROUPS, ("name", "code")):
        if not row["name"] or not row["code"]:
            raise row.error("expected name<TAB>code")
        table[row["name"].lower()] = row["code"]
    return table
