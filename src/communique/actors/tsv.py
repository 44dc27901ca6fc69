"""Reading the actors stage's TSV tables: one reader, errors that name the file and the line.

Every table in ``actors/data/`` is a TSV file whose first non-comment line is its header; lines
starting with ``#`` and blank lines are skipped. :func:`rows` checks the header and the number
of columns of each line and yields ``(line number, row as dict)``; a bad line raises
:class:`KnowledgeError` with ``file:line: what is wrong``.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).parent / "data"


class KnowledgeError(ValueError):
    """A data file has a bad line."""


def rows(filename: str, columns: tuple[str, ...], folder: Path = DATA_DIR) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, dict) for each data line of a TSV file, checking the header."""
    for number, fields in lines(filename, columns, folder):
        yield number, dict(zip(columns, (f.strip() for f in fields)))


def lines(filename: str, columns: tuple[str, ...], folder: Path = DATA_DIR) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields as written) for each data line, checking the header and the
    number of columns: the fast path for the large derived tables, which no hand edits."""
    path = folder / filename
    with path.open(encoding="utf-8", newline="") as handle:
        header_seen = False
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                if tuple(fields) != columns:
                    raise KnowledgeError(f"{filename}:{number}: header must be {' | '.join(columns)}, got {fields}")
                header_seen = True
                continue
            if len(fields) != len(columns):
                raise KnowledgeError(
                    f"{filename}:{number}: expected {len(columns)} tab-separated columns, got {len(fields)}")
            yield number, fields
    if not header_seen:
        raise KnowledgeError(f"{filename}: no header line")


def check(condition: bool, filename: str, number: int, message: str) -> None:
    """Raise ``file:line: message`` unless the condition holds."""
    if not condition:
        raise KnowledgeError(f"{filename}:{number}: {message}")


def parse_date(value: str, filename: str, number: int) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeError(f"{filename}:{number}: bad date {value!r} (want YYYY-MM-DD)") from None
