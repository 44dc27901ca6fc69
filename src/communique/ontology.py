"""PLOVER and CAMEO tables: category, mode, context, Goldstein weight and quad class of each
CAMEO code, loaded once from ``data/cameo.tsv`` (the project's own table; a bad line is an
error naming the file and the line)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .knowledge.tables import PACKAGE_DIR, read_table
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


CAMEO_TABLE = PACKAGE_DIR / "data" / "cameo.tsv"
CAMEO_COLUMNS = ("code", "plover", "mode", "context", "goldstein", "quad_class", "name")


@lru_cache(maxsize=None)
def cameo_table() -> dict[str, CameoCode]:
    return read_cameo_table(CAMEO_TABLE)


def read_cameo_table(path: Path) -> dict[str, CameoCode]:
    """The CAMEO table of a file; a bad line is a TableError naming the file and its line."""
    table = {}
    for row in read_table(path, CAMEO_COLUMNS):
        plover = row["plover"] or None
        if plover and plover not in PLOVER_CATEGORIES:
            raise row.error(f"unknown PLOVER category {plover!r}")
        if row["code"] in table:
            raise row.error(f"CAMEO code {row['code']} listed twice")
        try:
            goldstein, quad = float(row["goldstein"]), int(row["quad_class"])
        except ValueError:
            raise row.error(f"goldstein {row['goldstein']!r} and quad_class {row['quad_class']!r} "
                            "must be numbers") from None
        table[row["code"]] = CameoCode(
            code=row["code"],
            plover=plover,
            mode=row["mode"] or None,
            context=tuple(c for c in row["context"].split(";") if c),
            goldstein=goldstein,
            quad_class=quad,
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
