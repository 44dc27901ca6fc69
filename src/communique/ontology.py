"""PLOVER and CAMEO tables: category, mode, context, Goldstein weight and quad class of each
CAMEO code, loaded once from ``data/cameo.tsv`` (the project's own table)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .model import PLOVER_CATEGORIES


@dataclass(frozen=True)
class CameoCode:
    code: str
    plover: str | None
    mode: str | None
    context: tuple[str, ...]
    goldstein: float
    quad_class: int
    name: str

    @property
    def root(self) -> str:
        return self.code[:2]


class UnknownCameoCode(KeyError):
    pass


@lru_cache(maxsize=None)
def cameo_table() -> dict[str, CameoCode]:
    text = resources.files("communique").joinpath("data/cameo.tsv").read_text("utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if not l.startswith("#")), delimiter="\t")
    table = {}
    for lineno, row in enumerate(rows, start=2):
        plover = row["plover"].strip() or None
        if plover and plover not in PLOVER_CATEGORIES:
            raise ValueError(f"data/cameo.tsv line {lineno}: unknown PLOVER category {plover!r}")
        table[row["code"]] = CameoCode(
            code=row["code"],
            plover=plover,
            mode=row["mode"].strip() or None,
            context=tuple(c for c in row["context"].split(";") if c),
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            name=row["name"],
        )
    return table


def cameo(code: str) -> CameoCode:
    """Look up a CAMEO code given as a string with its leading zero ("041")."""
    try:
        return cameo_table()[code]
    except KeyError:
        raise UnknownCameoCode(f"unknown CAMEO code {code!r}") from None


def quad_class(code: str) -> int:
    """GDELT's quad class from the CAMEO root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
