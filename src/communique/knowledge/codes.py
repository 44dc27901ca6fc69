"""Actor codes: which codes are no country, the sector codes, and CAMEO's codes of known bodies.

An entity's ``code`` is an ISO 3166-1 alpha-3 country or one of ``NON_STATE_CODES``: ``IGO``
(international bodies), ``NGO`` (non-governmental bodies), ``MNC`` (companies) and ``IMG``
(armed groups that act across borders, CAMEO's "international militarised group"). These
four are never a country: no country column of an export, no country name, no gazetteer
country holds them; bodies that share one are told apart by their ``name``. This is the one
definition every stage, the store, the exports and the evaluation use.
"""
from __future__ import annotations

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
