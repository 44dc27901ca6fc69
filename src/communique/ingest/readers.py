"""One reader per input format. Each yields Documents, or a CodingError per bad record.

A reader never raises on bad input: a broken line, a record without text, bytes that are
not UTF-8 or a bad date become a one-line ``CodingError`` naming the file and the line (or
record), and the reader goes on with the next record.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from ..model import CodingError, Document
from .checks import BadInput, check_published, nul_line, parse_json
from .datelines import InvalidDateLine, split_date_line
from .documents import decode, make_document, parse_published
from .pages import extract_page

Item = Union[Document, CodingError]
MAX_ID_CHARS = 500

__all__ = ["BadInput", "READERS", "read_file", "read_text", "read_jsonl", "read_json", "read_html"]


def _text_field(record: dict, key: str) -> Optional[str]:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None


def document_from_record(record: Any, default_id: str, origin: str,
                         fallback: Optional[date]) -> Document:
    """A JSON object {"id", "text", "published", "url", "title", "source"} as a Document."""
    if not isinstance(record, dict):
        raise BadInput(f"expected a JSON object, got {type(record).__name__}")
    if "text" not in record:
        raise BadInput('record has no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        raise BadInput(f'"text" is {type(text).__name__}, not a string')
    raw_id = record.get("id")
    doc_id = str(raw_id).strip() if isinstance(raw_id, (str, int)) and str(raw_id).strip() else default_id
    if len(doc_id) > MAX_ID_CHARS:
        raise BadInput(f'"id" of {len(doc_id):,} characters (at most {MAX_ID_CHARS})')
    published = parse_published(record.get("published", record.get("date")))
    return make_document(doc_id, text, origin, published, fallback,
                         url=_text_field(record, "url"), title=_text_field(record, "title"),
                         source=_text_field(record, "source"))


# --- the formats -------------------------------------------------------------------------

def read_text(data: bytes, doc_id: str, origin: str, fallback: Optional[date]) -> Iterator[Item]:
    """A plain-text article, with an optional leading publication-date line."""
    try:
        text = decode(data)
        if not text.strip():
            raise BadInput("empty file")
        try:
            published, body = split_date_line(text)
        except InvalidDateLine as exc:
            raise BadInput(f"line 1: {exc}") from None
        check_published(published, "line 1: publication date")
        if not body.strip():
            raise BadInput("no text after the date line")
        yield make_document(doc_id, body, origin, published, fallback)
    except BadInput as exc:
        yield _error(origin, exc, doc_id)


_LEADING_LINE = re.compile(r"^line (\d+):\s*")
_INNER_LINE = re.compile(r" (?:on|at) line (\d+)( column \d+)?")


def _error(origin: str, exc: BadInput, doc: Optional[str] = None) -> CodingError:
    """The error of a whole-file reader, at 'path:12' when the message names a line; the line
    then leaves the message, so that it is not said twice ('file:1: line 1: ...')."""
    message = str(exc)
    match = _LEADING_LINE.match(message)
    if match:
        return CodingError(f"{origin}:{match.group(1)}", message[match.end():], doc)
    match = _INNER_LINE.search(message)
    if match:
        column = f" at{match.group(2)}" if match.group(2) else ""
        return CodingError(f"{origin}:{match.group(1)}", message[:match.start()] + column + message[match.end():], doc)
    return CodingError(origin, message, doc)


def read_jsonl(data: bytes, stem: str, origin: str, fallback: Optional[date]) -> Iterator[Item]:
    """One JSON object per line; blank lines are skipped; each bad line is its own error."""
    if not data.strip():
        yield CodingError(origin, "empty file")
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        try:
            nul = raw.find(b"\x00")
            if nul >= 0:
                raise BadInput(f"binary data, not text: a NUL byte at column {nul + 1}")
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise BadInput(f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}") from None
            record = _parse_line(line)
            yield document_from_record(record, f"{stem}-{number}", where, fallback)
        except BadInput as exc:
            yield CodingError(where, str(exc), _record_id(raw))


def _parse_line(line: str) -> Any:
    try:
        return parse_json(line)
    except BadInput as exc:
        # One line: its column is what helps ("line 1" of a line says nothing).
        raise BadInput(re.sub(r" at line \d+ column", " at column", str(exc))) from None


def _record_id(raw: bytes) -> Optional[str]:
    match = re.search(rb'"id"\s*:\s*"([^"\\]{1,200})"', raw)
    return match.group(1).decode("utf-8", "replace") if match else None


def read_json(data: bytes, stem: str, origin: str, fallback: Optional[date]) -> Iterator[Item]:
    """A JSON list of records, or one record."""
    try:
        text = decode(data)
        if not text.strip():
            raise BadInput("empty file")
        parsed = parse_json(text)
    except BadInput as exc:
        yield _error(origin, exc)
        return
    if isinstance(parsed, dict):
        try:
            yield document_from_record(parsed, stem, origin, fallback)
        except BadInput as exc:
            yield CodingError(origin, str(exc))
        return
    if not isinstance(parsed, list):
        yield CodingError(origin, f"expected a JSON list or object, got {type(parsed).__name__}")
        return
    if not parsed:
        yield CodingError(origin, "empty JSON list: no documents")
        return
    for number, record in enumerate(parsed, start=1):
        where = f"{origin}:record {number}"
        try:
            yield document_from_record(record, f"{stem}-{number}", where, fallback)
        except BadInput as exc:
            yield CodingError(where, str(exc))


def read_html(data: bytes, doc_id: str, origin: str, fallback: Optional[date]) -> Iterator[Item]:
    """A saved web page: its main text, title, date and URL (communique.ingest.pages)."""
    try:
        line = nul_line(data)
        if line is not None:
            raise BadInput(f"binary data, not a web page: a NUL byte on line {line}")
        page = extract_page(data)
        if not page.text.strip():
            raise BadInput("no article text found in the page")
        yield make_document(doc_id, page.text, origin, page.published, fallback, title=page.title,
                            url=page.url, source=page.site)
    except BadInput as exc:
        yield _error(origin, exc, doc_id)


def _read_warc(path: Path, fallback: Optional[date]) -> Iterator[Item]:
    from .warc import read_warc

    return read_warc(path, fallback)


READERS = {".txt": read_text, ".jsonl": read_jsonl, ".json": read_json,
           ".html": read_html, ".htm": read_html}
# Archives are read as a stream of records, never whole into memory.
STREAM_READERS = {".warc": _read_warc, ".warc.gz": _read_warc}
SUFFIXES = (*READERS, *STREAM_READERS)


def file_suffix(path: Path) -> str:
    """The suffix that picks the reader: ".warc.gz" for a compressed archive, else the last one."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def count_file(path: Path) -> int:
    """Records in one file, counted as its reader will yield them (1 for an unreadable file)."""
    suffix = file_suffix(path)
    try:
        if suffix in STREAM_READERS:
            from .warc import count_warc_records

            return max(1, count_warc_records(path))
        if suffix == ".jsonl":
            with open(path, "rb") as handle:
                return max(1, sum(1 for line in handle if line.strip()))
        if suffix == ".json":
            parsed = parse_json(path.read_bytes().decode("utf-8-sig"))
            return len(parsed) if isinstance(parsed, list) and parsed else 1
    except (OSError, ValueError):  # BadInput (deep JSON, huge numbers) and bad UTF-8 included
        return 1
    return 1


def read_file(path: Path, fallback: Optional[date]) -> Iterator[Item]:
    origin = str(path)
    suffix = file_suffix(path)
    if suffix in STREAM_READERS:
        yield from STREAM_READERS[suffix](path, fallback)
        return
    reader = READERS.get(suffix)
    if reader is None:
        yield CodingError(origin, f"unsupported file type {path.suffix or '(none)'!r} "
                                  f"(expected {', '.join(SUFFIXES)})")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield CodingError(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from reader(data, path.stem, origin, fallback)
