"""The two database backends behind one small interface: DuckDB (embedded, a file) and
PostgreSQL (server, psycopg 3).

Everything above this module writes one SQL dialect, the common part of DuckDB and
PostgreSQL, with ``?`` placeholders; the PostgreSQL backend turns them into ``%s``.
Only connection handling, transactions, bulk loading and the odd DDL statement differ.
"""
from __future__ import annotations

import errno
import os
import re
import time
from contextlib import contextmanager
from typing import Any, Iterator, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .versioning import BUMP_ATTEMPTS, BUMP_SQL, WriteCounter, bump_params, counter_for


def _dict_rows(cur, size: int):
    """Rows of an executed DB-API cursor as dicts, fetched ``size`` at a time."""
    names = [d[0] for d in cur.description]
    while True:
        rows = cur.fetchmany(size)
        if not rows:
            break
        for row in rows:
            yield dict(zip(names, row))

class StoreError(Exception):
    """A problem the user can fix (bad URL, locked or unreadable file, server down): one line."""


_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class Backend:
    dialect = ""
    location = ""
    # Set by the Store once the schema holds store_state: from then on every transaction
    # advances the store version (see versioning) and this process's write counter.
    counts_writes = False
    write_counter: WriteCounter = WriteCounter()

    # PostgreSQL advances the version inside the write transaction (its last statement: the
    # row lock is held from there to the commit, so writers queue for a moment). DuckDB cannot:
    # two connections updating the one row at once conflict (optimistic concurrency), and the
    # whole transaction would fail; it advances the version right after the commit, retrying
    # that update alone. The version then never runs ahead of the data, which is what a cache
    # keyed on it needs (an answer computed meanwhile is filed under the older version).
    bump_in_transaction = True

    def _end_of_write(self) -> None:
        """The last statement of a write transaction: advance the store version."""
        if self.counts_writes and self.bump_in_transaction:
            self.execute(BUMP_SQL, bump_params())

    def _written(self) -> None:
        if not self.counts_writes:
            return
        if not self.bump_in_transaction:
            for attempt in range(BUMP_ATTEMPTS):
                try:
                    self.execute(BUMP_SQL, bump_params())
                    break
                except Exception as exc:
                    if not self.is_write_conflict(exc) or attempt == BUMP_ATTEMPTS - 1:
                        raise
                    time.sleep(0.001 * (attempt + 1))
        self.write_counter.bump()

    def is_write_conflict(self, exc: BaseException) -> bool:
        return False

    def reader(self) -> "Backend":
        """Another connection to the same database, for a reader in another thread."""
        raise NotImplementedError

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def query_dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        raise NotImplementedError

    def iterate(self, sql: str, params: Sequence[Any] = (), size: int = 5000) -> Iterator[dict]:
        raise NotImplementedError

    @contextmanager
    def transaction(self):
        raise NotImplementedError
        yield

    def bulk_insert(self, table: str, frame) -> None:
        """Append a pandas DataFrame whose columns are a subset of the table's columns."""
        raise NotImplementedError

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Append many rows in one bulk operation (DuckDB: an Arrow scan; PostgreSQL: COPY)."""
        raise NotImplementedError

    def is_integrity_error(self, exc: BaseException) -> bool:
        raise NotImplementedError

    def is_data_error(self, exc: BaseException) -> bool:
        """The database refused a value of one document (the next document may go in)."""
        return False

    @contextmanager
    def migration_lock(self):
        """Held while the schema is created or migrated, so that two processes opening a new
        database at once do not both create it (one writer per file makes it moot on DuckDB)."""
        yield

    def describe_failure(self, exc: BaseException) -> str | None:
        """One clear line for a failure the user must fix outside communique (a full disk),
        or None for any other failure."""
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS:
            return self._disk_full(exc)
        return None

    def _disk_full(self, exc: BaseException) -> str:
        text = " ".join(str(exc).split())
        return (f"cannot write to database {self.location}: the disk is full or the file is at its "
                f"size limit ({text[:160]}); the documents stored so far are kept: free some space "
                "and run the same command again to go on")

    def close(self) -> None:
        raise NotImplementedError


_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
# How DuckDB words the same operating-system errors in its IOException.
_DUCKDB_DISK_FULL = re.compile(r"No space left on device|File too large|Disk quota exceeded", re.IGNORECASE)


class DuckDBBackend(Backend):
    dialect = "duckdb"
    bump_in_transaction = False

    def __init__(self, path: str):
        import duckdb

        self.location = path
        if path != ":memory:":
            parent = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(parent):
                raise StoreError(f"cannot create database {path}: folder {parent} does not exist")
            if os.path.isdir(path):
                raise StoreError(f"cannot open database {path}: it is a folder, give a file path")
            problem = _not_duckdb(path)
            if problem:
                raise StoreError(problem)
        try:
            self.con = duckdb.connect(path)
        except duckdb.IOException as exc:
            first = str(exc).splitlines()[0]
            if "lock" in first.lower():
                raise StoreError(f"database {path} is in use by another process (DuckDB allows one writer; "
                                 "if that is `communique serve`, send documents to its POST /api/documents, "
                                 "or use PostgreSQL for several processes)") from None
            raise StoreError(f"cannot open database {path}: {first}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {path}: {str(exc).splitlines()[0]}") from None
        self.write_counter = counter_for(
            f"duckdb:{os.path.realpath(path)}" if path != ":memory:" else f"duckdb:memory:{id(self.con)}")

    @classmethod
    def _on_connection(cls, con, parent: "DuckDBBackend") -> "DuckDBBackend":
        backend = cls.__new__(cls)
        backend.location, backend.con = parent.location, con
        backend.write_counter, backend.counts_writes = parent.write_counter, parent.counts_writes
        return backend

    def reader(self) -> "DuckDBBackend":
        # A cursor is a connection of its own to the same database instance: it may run in
        # another thread, and sees every commit of the others (DuckDB's MVCC).
        return DuckDBBackend._on_connection(self.con.cursor(), self)

    def execute(self, sql, params=()):
        self.con.execute(sql, list(params))

    def executemany(self, sql, rows):
        if rows:
            self.con.executemany(sql, [list(r) for r in rows])

    def query(self, sql, params=()):
        return self.con.execute(sql, list(params)).fetchall()

    def query_dicts(self, sql, params=()):
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def iterate(self, sql, params=(), size=5000):
        # A cursor of its own so that queries run while iterating do not reset this one.
        cur = self.con.cursor()
        try:
            cur.execute(sql, list(params))
            yield from _dict_rows(cur, size)
        finally:
            cur.close()

    @contextmanager
    def transaction(self):
        self.con.begin()
        try:
            yield
            self._end_of_write()
        except BaseException:
            self.con.rollback()
            raise
        else:
            self.con.commit()
            self._written()

    def bulk_insert(self, table, frame):
        # DuckDB scans the DataFrame directly (no row-by-row inserts).
        columns = ", ".join(frame.columns)
        self.con.register("_bulk_frame", frame)
        try:
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _bulk_frame")
        finally:
            self.con.unregister("_bulk_frame")

    def insert_rows(self, table, columns, rows):
        if not rows:
            return
        import duckdb
        import pyarrow as pa

        # Arrow infers each column's type from its values (dates, floats, bytes); an all-NULL
        # column is cast by the INSERT. One scan, no per-row statements.
        arrow = pa.table({name: pa.array([row[i] for row in rows]) for i, name in enumerate(columns)})
        names = ", ".join(columns)
        self.con.register("_bulk_rows", arrow)
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _bulk_rows")
        finally:
            try:
                self.con.unregister("_bulk_rows")
            except duckdb.Error:
                pass  # the transaction failed: the next register of the name replaces it

    def is_integrity_error(self, exc):
        import duckdb

        return isinstance(exc, duckdb.ConstraintException)

    def is_write_conflict(self, exc):
        import duckdb

        return isinstance(exc, duckdb.TransactionException)

    def describe_failure(self, exc):
        import duckdb

        if isinstance(exc, duckdb.Error) and _DUCKDB_DISK_FULL.search(str(exc)):
            return self._disk_full(exc)
        return super().describe_failure(exc)

    def is_data_error(self, exc):
        import duckdb

        return isinstance(exc, (duckdb.ConversionException, duckdb.InvalidInputException,
                                duckdb.OutOfRangeException))

    def close(self):
        self.con.close()


# Every DuckDB database file has these four bytes at offset 8 (its header's magic number).
_DUCKDB_MAGIC = b"DUCK"


def _not_duckdb(path: str) -> str | None:
    """Why an existing file at ``path`` cannot be a DuckDB database, or None. DuckDB itself opens
    a short file of other data (a JSONL feed given as --db by mistake) as an empty database in
    memory: an ingest into it reports success and saves nothing."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot open database {path}: {exc.strerror or exc}"
    if head[8:12] != _DUCKDB_MAGIC:
        what = "an empty file" if not head else "another kind of file"
        return (f"cannot open database {path}: it is {what}, not a DuckDB database; "
                "give the path of a DuckDB file or of a new one")
    return None


def _to_pyformat(sql: str) -> str:
    # Our SQL never holds a literal % or ?, so this translation is safe.
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresBackend(Backend):
    """psycopg 3; ``?schema=name`` in the URL selects (and creates) a schema, for tests."""

    dialect = "postgresql"

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency of the postgres extra
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'communique[postgres]'") from None
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        schema = query.pop("schema", None)
        if schema is not None and not _SCHEMA_NAME.match(schema):
            raise StoreError(f"bad schema name {schema!r} in the database URL")
        clean = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))
        self.location = urlunsplit((parts.scheme, parts.hostname or "", parts.path, "", ""))
        self.schema = schema
        self._url = url
        self.write_counter = counter_for(f"postgresql:{parts.hostname}:{parts.port}{parts.path}:{schema or ''}")
        try:
            self.con = psycopg.connect(clean, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            message = " ".join(str(exc).split())
            raise StoreError(f"cannot connect to {self.location}: {message}") from None
        if schema:
            from psycopg import sql as pgsql

            with self.migration_lock():
                self.con.execute(pgsql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(pgsql.Identifier(schema)))
            self.con.execute(pgsql.SQL("SET search_path TO {}").format(pgsql.Identifier(schema)))

    def execute(self, sql, params=()):
        self.con.execute(_to_pyformat(sql), list(params))

    def executemany(self, sql, rows):
        if rows:
            with self.con.cursor() as cur:
                cur.executemany(_to_pyformat(sql), [list(r) for r in rows])

    def query(self, sql, params=()):
        return self.con.execute(_to_pyformat(sql), list(params)).fetchall()

    def query_dicts(self, sql, params=()):
        cur = self.con.execute(_to_pyformat(sql), list(params))
        names = [d.name for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def iterate(self, sql, params=(), size=5000):
        with self.con.cursor() as cur:
            cur.execute(_to_pyformat(sql), list(params))
            yield from _dict_rows(cur, size)

    def reader(self) -> "PostgresBackend":
        backend = PostgresBackend(self._url)
        backend.counts_writes = self.counts_writes
        return backend

    @contextmanager
    def transaction(self):
        with self.con.transaction():
            yield
            self._end_of_write()
        self._written()

    def bulk_insert(self, table, frame):
        columns = ", ".join(frame.columns)
        with self.con.cursor() as cur:
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in frame.itertuples(index=False, name=None):
                    copy.write_row([None if _is_missing(v) else v for v in row])

    def insert_rows(self, table, columns, rows):
        if not rows:
            return
        with self.con.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def is_integrity_error(self, exc):
        import psycopg

        return isinstance(exc, psycopg.errors.IntegrityError)

    def is_data_error(self, exc):
        import psycopg

        return isinstance(exc, psycopg.errors.DataError)

    # Any fixed number: every communique process asks for the same session-level advisory lock.
    MIGRATION_LOCK_KEY = 0x636F6D6D756E6971  # "communiq"

    @contextmanager
    def migration_lock(self):
        # CREATE ... IF NOT EXISTS is not safe against a concurrent CREATE of the same name
        # (UniqueViolation on the catalog): two ingests starting on a new database take turns.
        self.con.execute("SELECT pg_advisory_lock(%s)", (self.MIGRATION_LOCK_KEY,))
        try:
            yield
        finally:
            self.con.execute("SELECT pg_advisory_unlock(%s)", (self.MIGRATION_LOCK_KEY,))

    def describe_failure(self, exc):
        import psycopg

        if isinstance(exc, psycopg.errors.DiskFull):
            return self._disk_full(exc)
        return super().describe_failure(exc)

    def close(self):
        self.con.close()


def _is_missing(value) -> bool:
    try:
        return value != value  # NaN / NaT
    except Exception:
        return False


def connect(url_or_path: str) -> Backend:
    """Pick the backend from the address: postgresql:// URL or a DuckDB file path."""
    if url_or_path.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(url_or_path)
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", url_or_path):
        scheme = url_or_path.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme {scheme}://: "
                         "give a DuckDB file path or a postgresql:// URL")
    return DuckDBBackend(url_or_path)
