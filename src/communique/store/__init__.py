"""The event store: DuckDB by default (one file), PostgreSQL behind a postgresql:// URL.

    from communique.store import open_store
    with open_store("communique.duckdb") as store:
        store.ingest(documents)
        analysis.dyad_series(store, "CHN", "JPN", by="month")
"""
from __future__ import annotations

import os
from typing import Optional

from .backends import StoreError, connect
from .core import IngestReport, Store, country_name
from .schema import CURRENT_VERSION, MIGRATIONS

DEFAULT_DB = "communique.duckdb"

__all__ = ["open_store", "default_location", "Store", "IngestReport", "StoreError",
           "MIGRATIONS", "CURRENT_VERSION", "country_name"]


def default_location() -> str:
    return os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB


def open_store(url_or_path: Optional[str] = None) -> Store:
    """Open (creating and migrating on first use) the store at a DuckDB path or postgresql:// URL.

    None means $COMMUNIQUE_DB, else ./communique.duckdb. A PostgreSQL URL may carry
    ``?schema=name`` to keep the tables in their own schema.
    """
    return Store(connect(url_or_path or default_location()))
