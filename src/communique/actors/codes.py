"""The code sets of the actors stage, defined once: non-state body codes and sector codes.

An entity's ``code`` is an ISO 3166-1 alpha-3 country or one of :data:`NON_STATE_CODES`; its
``sector`` is one of :data:`SECTORS` (PLOVER / CAMEO sector codes, see the output contract).
"""
from __future__ import annotations

# Codes an entity may carry besides ISO alpha-3: international bodies, NGOs, companies, and
# transnational armed groups (CAMEO's IMG) that belong to no single country.
NON_STATE_CODES = frozenset({"IGO", "NGO", "MNC", "IMG"})

# PLOVER / CAMEO sector codes this project uses.
SECTORS = frozenset({
    "GOV", "MIL", "POL", "JUD", "LEG", "COP", "REB", "OPP", "CVL", "BUS", "MED", "EDU", "REL",
    "HLH", "REF", "CRM", "SPY", "LAB", "AGR", "ENV", "HRI", "DEV", "ELI", "INS", "SEP", "UAF",
})

# Sectors of organs of a state (a title's holder, "police", "army"), unlike "fishermen" or "farmers".
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
