"""One store served to many threads: a pool of readers, one writer, and the store version.

``StoreService`` looks like a ``Store`` to the code that reads: ``service.events(...)``,
``service.select(...)`` and every other read runs on a pooled reader connection, so reads
run side by side and never wait for a write. Writes (``ingest``, ``add_coded``,
``record_error``, or any ``service.writer.call(job)``) go to the one ``StoreWriter``.
Plain attributes are the writer's store's: code serving a request never touches
``service.backend`` or ``service.store`` (that connection belongs to the writer thread); it
runs several reads on one connection with ``service.read(job)``.
"""
from __future__ import annotations

from typing import Any

from .core import Store
from .readers import DEFAULT_READERS, ReaderPool
from .writer import StoreWriter

WRITES = frozenset({"ingest", "add_coded", "record_error"})


class StoreService:
    def __init__(self, store: Store, readers: int = DEFAULT_READERS):
        self.store = store
        self.readers = ReaderPool(store, readers)
        self.writer = StoreWriter(store)

    @property
    def location(self) -> str:
        return self.store.location

    @property
    def write_counter(self):
        """This process's count of commits to the store (see versioning)."""
        return self.store.backend.write_counter

    def ingest(self, documents, **kwargs: Any):
        return self.writer.ingest(documents, **kwargs)

    def add_coded(self, document, events) -> bool:
        return self.writer.call(lambda store: store.add_coded(document, events)).result()

    def record_error(self, error, doc=None) -> None:
        return self.writer.call(lambda store: store.record_error(error, doc=doc)).result()

    def read(self, job):
        """Run ``job(reader)`` with one pooled reader (several reads on one connection)."""
        with self.readers.reader() as reader:
            return job(reader)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        attr = getattr(self.store, name)
        if not callable(attr):
            return attr

        def on_a_reader(*args: Any, **kwargs: Any):
            with self.readers.reader() as reader:
                return getattr(reader, name)(*args, **kwargs)

        return on_a_reader

    def close(self) -> None:
        """Finish the queued writes and close the readers (the store itself stays open)."""
        self.writer.close()
        self.readers.close()
