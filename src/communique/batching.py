"""Cutting a stream into lists of a given size: coding batches (pipeline), Ray chunks
(distributed) and the store's look-ups of known documents (store.ingestion)."""
from __future__ import annotations

from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items in order (the last may be shorter); nothing for an empty stream."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
