"""WARC and WARC.gz archives (a crawl such as CC-NEWS) in, one item per record out, with warcio.

Only HTTP responses with status 2xx and an HTML body can hold a story; every other record
(warcinfo, request, metadata, revisit, resource; images, scripts and feeds; redirects and
missing pages) is a ``Skipped`` with its reason, and so is a page whose main text is no
story. A record whose body cannot be read (a broken gzip or chunked encoding) is a
``CodingError`` naming the file, the record number and its byte offset; reading goes on with
the next record. An archive broken past repair ends with one error, keeping what came before.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Iterator, Optional, Union

from ..model import CodingError, Document
from .pages import page_document
from .documents import BadInput
from .tally import HTTP_STATUS, NOT_HTML, NOT_NEWS, NOT_RESPONSE, Skipped

Item = Union[Document, CodingError, Skipped]
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_PAGE_BYTES = 5_000_000
WARC_TYPES = ("warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation")  # a bigger "page" is no article: read no further than this


def _crawl_day(value: Optional[str]) -> Optional[date]:
    """The day of a WARC-Date (2024-03-14T08:00:00Z)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _record_item(record, origin: str, fallback: Optional[date]) -> Item:
    kind = record.rec_type
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if kind not in WARC_TYPES:  # warcio reads garbage leniently, as a record of no known type
        return CodingError(origin, f"not a valid WARC record (WARC-Type {kind!r})")
    if kind != "response":
        return Skipped(origin, NOT_RESPONSE, kind, url or None)
    http = record.http_headers
    if http is None or not url.lower().startswith(("http://", "https://")):
        return Skipped(origin, NOT_RESPONSE, "response without HTTP headers", url or None)
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return Skipped(origin, HTTP_STATUS, status, url)
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return Skipped(origin, NOT_HTML, content_type or "no content type", url)
    try:
        body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    except Exception as exc:  # zlib, brotli and chunked-decoding errors all end here
        return CodingError(origin, f"{url}: cannot read the page body: {type(exc).__name__}: {exc}")
    nul = body.find(b"\x00")
    if nul >= 0:  # a body whose compression was broken comes back raw: bytes, not markup
        encoding = http.get_header("Content-Encoding")
        return CodingError(origin, f"{url}: the page body is binary, not HTML (NUL byte at offset {nul}"
                                   + (f", Content-Encoding {encoding})" if encoding else ")"))
    if len(body) > MAX_PAGE_BYTES:
        return Skipped(origin, NOT_NEWS, f"page over {MAX_PAGE_BYTES:,} bytes", url)
    crawled = _crawl_day(record.rec_headers.get_header("WARC-Date"))
    try:
        return page_document(body, url, origin, fallback, crawled)
    except BadInput as exc:
        return CodingError(origin, f"{url}: {exc}")


def _checked_iterator(handle):
    """warcio's ArchiveIterator, noting whether the archive ended inside a record: warcio
    stops quietly at a cut-off gzip member or a record shorter than its Content-Length."""
    from warcio.archiveiterator import ArchiveIterator

    class CheckedIterator(ArchiveIterator):
        truncated = False

        def close(self):
            decompressor = self.reader.decompressor if self.reader else None
            if decompressor is not None and not getattr(decompressor, "eof", True):
                self.truncated = True
            if self.record is not None and getattr(self.record.raw_stream, "limit", 0) > 0:
                self.truncated = True
            super().close()

    return CheckedIterator(handle)


def read_warc(path: Path, fallback: Optional[date] = None) -> Iterator[Item]:
    """One Document, Skipped or CodingError per record of the archive at ``path``."""
    name = str(path)
    number = 0
    try:
        with open(path, "rb") as handle:
            records = _checked_iterator(handle)
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    if records.truncated:
                        yield CodingError(f"{name}:record {number + 1}" if number else name,
                                          f"archive cut off inside a record; {number} records read before")
                    break
                number += 1
                # The record's start (warcio's get_record_offset() would read past the body).
                origin = f"{name}:record {number} at byte {records.offset}"
                yield _record_item(record, origin, fallback)
    except OSError as exc:
        yield CodingError(name, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # warcio's ArchiveLoadFailed, a truncated gzip member, ...
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield CodingError(f"{name}:record {number + 1}",
                          f"archive unreadable from here on ({first[:120]}); {number} records read before")


def count_warc_records(path: Path) -> int:
    """Records in the archive (headers only; bodies are skipped, not parsed)."""
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        with open(path, "rb") as handle:
            for _ in ArchiveIterator(handle, no_record_parse=True):
                count += 1
    except Exception:  # a broken archive: the reader reports it; the count is a best guess
        pass
    return count
