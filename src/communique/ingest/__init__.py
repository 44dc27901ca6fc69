"""Read articles: files, folders, WARC archives and stdin in, ``Document``s (or ``CodingError``s) out.

``read_documents`` is the one door; the formats live in ``readers`` (WARC archives in
``warc``), the date line and wire dateline rules in ``datelines``, web page extraction in
``pages``, language identification in ``language``, skip reasons and run counts in
``tally``; feeds are fetched by ``feeds``. Malformed input never stops a batch: each bad
file, line or record yields one ``CodingError`` and reading goes on. Records that are
readable but not to be coded (a crawl's requests and images, pages without a story,
articles in other languages) go to ``on_skip`` with their reason.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from ..model import CodingError, Document
from .datelines import find_dateline, split_date_line
from .language import keep_english
from .readers import READERS, SUFFIXES, file_suffix, read_file, read_text
from .tally import Skipped, Tally

__all__ = ["read_documents", "count_records", "split_date_line", "find_dateline", "READERS",
           "Skipped", "Tally"]

STDIN = "-"


def read_documents(inputs: list[str], published: date | None = None, *, english_only: bool = False,
                   on_skip: Optional[Callable[[Skipped], None]] = None
                   ) -> Iterator[Union[Document, CodingError]]:
    """Documents from files, folders (recursive, sorted) and ``-`` (stdin), in order.

    ``published`` is the publication date of inputs that state none. Document ids are
    unique within one call: a repeated id gets ``-2``, ``-3``, ... With ``english_only``,
    documents surely in another language are skipped. Each skipped record goes to
    ``on_skip`` (or is dropped silently without one), never into the stream.
    """
    report = on_skip or (lambda item: None)
    items: Iterable = _read_all(inputs, published)
    if english_only:
        items = keep_english(items, report)
    for item in _unique_ids(items):
        if isinstance(item, Skipped):
            report(item)
        else:
            yield item


def count_records(inputs: list[str]) -> Optional[int]:
    """How many records ``read_documents`` will read (documents, skips and errors), for a
    progress bar's total; None when an input cannot be counted ahead (stdin)."""
    from .readers import count_file

    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        path = Path(name)
        files = _folder_files(path) if path.is_dir() else [path]
        total += sum(count_file(file) for file in files)
    return total


def _read_all(inputs: Iterable[str], published: Optional[date]) -> Iterator[Union[Document, CodingError]]:
    for name in inputs:
        if name == STDIN:
            yield from _guarded("<stdin>", read_text(_stdin_bytes(), "stdin", "<stdin>", published))
            continue
        path = Path(name)
        if path.is_dir():
            for file in _folder_files(path):
                yield from _guarded(str(file), read_file(file, published))
        elif path.is_file():
            yield from _guarded(name, read_file(path, published))
        else:
            yield CodingError(name, "no such file or folder")


def _guarded(origin: str, items: Iterator[Union[Document, CodingError]]
             ) -> Iterator[Union[Document, CodingError]]:
    """The items of one input; a reader that fails in a way no check foresaw ends that input
    with one error line, and the next input is read."""
    try:
        yield from items
    except Exception as exc:
        yield CodingError(origin, f"cannot read: {type(exc).__name__}: {exc}")


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
        if file_suffix(path) in SUFFIXES and path.is_file():
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def _unique_ids(items: Iterable[Union[Document, CodingError, Skipped]]
                ) -> Iterator[Union[Document, CodingError, Skipped]]:
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
