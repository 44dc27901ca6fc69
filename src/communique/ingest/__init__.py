"""Read articles: files, folders and stdin in, ``Document``s (or ``CodingError``s) out.

``read_documents`` is the one door; the formats live in ``readers``, the date line and
wire dateline rules in ``datelines``, HTML text extraction in ``html``. Malformed input
never stops a batch: each bad file, line or record yields one ``CodingError`` and reading
goes on.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..model import CodingError, Document
from .datelines import find_dateline, split_date_line
from .readers import READERS, read_file, read_text

__all__ = ["read_documents", "split_date_line", "find_dateline", "READERS"]

STDIN = "-"


def read_documents(inputs: list[str], published: date | None = None
                   ) -> Iterator[Union[Document, CodingError]]:
    """Documents from files, folders (recursive, sorted) and ``-`` (stdin), in order.

    ``published`` is the publication date of inputs that state none. Document ids are
    unique within one call: a repeated id gets ``-2``, ``-3``, ...
    """
    return _unique_ids(_read_all(inputs, published))


def _read_all(inputs: Iterable[str], published: Optional[date]) -> Iterator[Union[Document, CodingError]]:
    for name in inputs:
        if name == STDIN:
            yield from read_text(_stdin_bytes(), "stdin", "<stdin>", published)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _folder_files(path):
                yield from read_file(file, published)
        elif path.is_file():
            yield from read_file(path, published)
        else:
            yield CodingError(name, "no such file or folder")


def _stdin_bytes() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    return stream.read() if stream is not None else sys.stdin.read().encode("utf-8")


def _folder_files(folder: Path) -> list[Path]:
    """Readable files under ``folder``, sorted; hidden files and unknown types are skipped."""
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in READERS and path.is_file():
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def _unique_ids(items: Iterable[Union[Document, CodingError]]) -> Iterator[Union[Document, CodingError]]:
    seen: dict[str, int] = {}
    taken: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            base = item.id
            if base in taken:
                n = seen.get(base, 1)
                while f"{base}-{n}" in taken or n < 2:
                    n += 1
                seen[base] = n
                item.id = f"{base}-{n}"
            taken.add(item.id)
        yield item
