"""A bounded pool of reader connections to one store, so that many threads read at once.

DuckDB: each reader is a cursor of the store's connection (a connection of its own to the
same database instance, safe to use from another thread, and it sees every commit of the
writer). PostgreSQL: each reader is a connection of its own. All ``size`` readers are opened
at once, in the thread that makes the pool (a DuckDB cursor is best made while no other
thread uses its parent connection); a thread asking for one while all are busy waits for the
next free, and a broken PostgreSQL reader is replaced by a new one.
"""
from __future__ import annotations

import queue
import threading
from contextlib import contextmanager
from typing import Iterator

from .core import Store

DEFAULT_READERS = 4  # more than the cores of a small server: DuckDB parallelises each query too


class ReaderPool:
    def __init__(self, store: Store, size: int = DEFAULT_READERS):
        if size < 1:
            raise ValueError("a reader pool needs at least one reader")
        self._store = store
        self._size = size
        self._idle: "queue.LifoQueue[Store]" = queue.LifoQueue()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            reader = store.reader()
            self._opened.append(reader)
            self._idle.put(reader)

    @property
    def size(self) -> int:
        return self._size

    def _take(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._closed:
                raise RuntimeError("the reader pool is closed")
            if len(self._opened) < self._size:
                reader = self._store.reader()
                self._opened.append(reader)
                return reader
        return self._idle.get()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A reader for the calls of one block; it goes back to the pool afterwards."""
        reader = self._take()
        try:
            yield reader
        finally:
            if _is_broken(reader):
                # A PostgreSQL connection lost (server restarted): the next taker opens a new one.
                with self._lock:
                    self._opened.remove(reader)
                _close_quietly(reader)
            elif self._closed:
                _close_quietly(reader)
            else:
                self._idle.put(reader)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle = []
            while True:
                try:
                    idle.append(self._idle.get_nowait())
                except queue.Empty:
                    break
        for reader in idle:
            _close_quietly(reader)


def _is_broken(reader: Store) -> bool:
    con = getattr(reader.backend, "con", None)
    return bool(getattr(con, "broken", False) or getattr(con, "closed", False) is True)


def _close_quietly(reader: Store) -> None:
    try:
        reader.close()
    except Exception:  # closing a connection that is already gone
        pass
