"""The one writer of a store that is also being read: a thread that takes jobs from a queue.

A served DuckDB store has one writer (DuckDB allows one writing process, and one connection
should write at a time); ``communique serve`` keeps it here, and everything that adds to the
store while the dashboard runs hands its work to it: ``POST /api/documents`` and a feed
watcher inside the server alike::

    writer = StoreWriter(store)
    future = writer.submit(documents)        # returns at once: a concurrent.futures.Future
    report = future.result()                 # an IngestReport, when coded and stored
    writer.call(lambda store: store.record_error(error)).result()   # any other write

Coding happens in the writer's thread before any write and holds no lock that readers need
(they read on connections of their own, see ``readers``); each document is then written
with its events in one short transaction. Jobs run one at a time, in the order given.
"""
from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from typing import Any, Callable, Iterable, Optional, TypeVar, Union

from ..model import CodingError, Document
from .core import IngestReport, Store

T = TypeVar("T")
_STOP = object()


class StoreWriter:
    def __init__(self, store: Store, name: str = "communique-store-writer"):
        self.store = store
        self._name = name
        self._jobs: "queue.Queue[Any]" = queue.Queue()
        self._thread: Optional[threading.Thread] = None
        self._lock = threading.Lock()
        self._closed = False
        self._listeners: list[Callable[[], None]] = []
        self.busy = threading.Event()  # set while a job runs (tests and the README's check use it)

    # -- jobs --------------------------------------------------------------------------
    def call(self, job: Callable[[Store], T]) -> "Future[T]":
        """Run ``job(store)`` on the writer's thread, after the jobs already queued."""
        future: "Future[T]" = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the store writer is closed")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._jobs.put((future, job))
        return future

    def submit(self, documents: Iterable[Union[Document, CodingError]], workers: int = 1,
               progress: Optional[Callable[[IngestReport], None]] = None,
               all_modalities: bool = False) -> "Future[IngestReport]":
        """Code and store documents (as ``Store.ingest``: already stored ones are skipped,
        failures recorded); the future gives the IngestReport."""
        return self.call(lambda store: store.ingest(documents, workers=workers, progress=progress,
                                                    all_modalities=all_modalities))

    def ingest(self, documents: Iterable[Union[Document, CodingError]], **kwargs: Any) -> IngestReport:
        """``submit`` and wait for the report: ``Store.ingest``'s signature, so it can stand in
        for it (the feed watcher's ``ingest`` hook in ``communique serve --watch``)."""
        return self.submit(documents, **kwargs).result()

    @property
    def pending(self) -> int:
        """Jobs queued and not started yet."""
        return self._jobs.qsize()

    def on_write(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every job (caches drop what the job made stale)."""
        self._listeners.append(listener)

    # -- the thread --------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is _STOP:
                return
            future, job = item
            if not future.set_running_or_notify_cancel():
                continue
            self.busy.set()
            try:
                result = job(self.store)
            except BaseException as exc:  # handed to the caller, never lost in this thread
                future.set_exception(exc)
            else:
                future.set_result(result)
            finally:
                self.busy.clear()
                for listener in list(self._listeners):
                    listener()

    def close(self, timeout: Optional[float] = 60.0) -> None:
        """Finish the queued jobs (waiting at most ``timeout`` seconds) and stop the thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
            self._jobs.put(_STOP)
        if thread is not None:
            thread.join(timeout)
