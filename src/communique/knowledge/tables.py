"""The one reader of the package's knowledge tables (tab-separated text files).

A table is UTF-8 text, one record a line, fields separated by tabs. Blank lines and lines
starting with ``#`` are comments; the first other line is the header naming the columns.
With ``columns`` given, the header must be exactly those names and every record must have
that many fields (fewer where the last ones are ``optional``). Every error names the file
and the line as ``label:line: what is wrong``, and callers raise their own checks the same
way through :meth:`Row.error`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence, Union

PACKAGE_DIR = Path(__file__).resolve().parent.parent


class TableError(ValueError):
    """A data file with a bad line; the message names the file and the line."""


@dataclass(frozen=True)
class Row:
    """One record of a table: where it is, its fields as written, and the column names."""

    label: str
    line: int
    fields: tuple[str, ...]
    columns: Optional[tuple[str, ...]] = None
    error_type: type = TableError

    @property
    def where(self) -> str:
        return f"{self.label}:{self.line}"

    def __getitem__(self, key: Union[int, str]) -> str:
        """A field, stripped of surrounding spaces, by position or column name; a missing
        optional field is the empty string."""
        index = key if isinstance(key, int) else self.columns.index(key)
        return self.fields[index].strip() if index < len(self.fields) else ""

    def values(self) -> dict[str, str]:
        """The record as a dict of stripped fields by column name."""
        return {name: self[name] for name in self.columns}

    def error(self, message: str) -> Exception:
        return self.error_type(f"{self.where}: {message}")


def label_of(path: Path) -> str:
    """How error messages name a file: its path inside the package ("actors/data/countries.tsv")."""
    try:
        return Path(path).resolve().relative_to(PACKAGE_DIR).as_posix()
    except ValueError:
        return str(path)


def read_table(path: Union[str, Path], columns: Optional[Sequence[str]] = None, *, optional: int = 0,
               label: Optional[str] = None, error: type = TableError) -> Iterator[Row]:
    """The records of a table, in file order, with their line numbers.

    ``columns``: the header the file must have (None: the header is skipped unchecked and
    records may have any number of fields). ``optional``: how many of the last columns a
    record may leave out. ``label``: the file's name in messages (default: its path inside
    the package). ``error``: the exception class raised (a ``ValueError`` subclass).
    """
    label = label or label_of(Path(path))
    columns = tuple(columns) if columns is not None else None
    header_seen = False
    with open(path, "rb") as handle:
        data = handle.read()
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r")
        except UnicodeDecodeError:
            raise error(f"{label}:{number}: not UTF-8 text") from None
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if not header_seen:
            header_seen = True
            if columns is not None and fields != columns:
                raise error(f"{label}:{number}: header must be {' | '.join(columns)}, got {list(fields)}")
            continue
        if columns is not None and not len(columns) - optional <= len(fields) <= len(columns):
            expected = str(len(columns)) if not optional else f"{len(columns) - optional} to {len(columns)}"
            raise error(f"{label}:{number}: expected {expected} tab-separated columns, got {len(fields)}")
        yield Row(label, number, fields, columns, error)
    if not header_seen:
        raise error(f"{label}: no header line")
