"""A PostgreSQL schema as ragtune's index database: the connection URL, versioned migrations,
a connection pool, and the writer lock (one writer per schema across processes and machines).

Schema changes are versioned SQL files under `migrations/` (table `schema_migrations`), applied
in one transaction under an advisory lock by whichever process connects first. Connections come
from a psycopg_pool pool (thread-safe; the server's threads share it).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import threading
import time
from importlib import resources
from typing import Any, Iterator
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from ragtune.errors import IndexLockedError, InputError, RagtuneError

DEFAULT_SCHEMA = "ragtune"
MIN_PGVECTOR = (0, 8, 0)  # hnsw.iterative_scan
_SCHEMA_RE = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def _advisory_key(*parts: str) -> int:
    """A signed 64-bit advisory lock key from names (stable across processes and machines)."""
    digest = hashlib.sha256("\x00".join(("ragtune", *parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


# ------------------------------------------------------------------ connection URL


def parse_url(url: str) -> tuple[str, str]:
    """`postgresql://…?schema=NAME&…` -> (libpq connection URL without `schema`, schema name)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = DEFAULT_SCHEMA
    rest = []
    for key, value in query:
        if key == "schema":
            schema = value
        else:
            rest.append((key, value))
    if not _SCHEMA_RE.fullmatch(schema):
        raise InputError(
            f"invalid schema name {schema!r} in the PostgreSQL URL",
            "use lower-case letters, digits and `_` (at most 63), e.g. ?schema=team_a",
        )
    scheme = "postgresql" if parts.scheme == "postgres" else parts.scheme
    # libpq decodes %XX but not `+`: spaces (options=-c x=y) must stay %20
    query = urlencode(rest, quote_via=quote)
    return urlunsplit((scheme, parts.netloc, parts.path, query, parts.fragment)), schema


def redact(url: str) -> str:
    """The URL without its password, in the user part or as `?password=` (for messages)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        netloc = netloc.replace(f":{parts.password}@", ":***@", 1)
    query = [(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(netloc=netloc, query=urlencode(query, safe="*/", quote_via=quote)))


# ------------------------------------------------------------------ migrations


def migrations() -> list[tuple[int, str, str]]:
    """[(version, name, sql)] from migrations/NNNN_name.sql, in order."""
    folder = resources.files("ragtune.index.postgres") / "migrations"
    out = []
    for entry in folder.iterdir():
        m = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if m:
            out.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(out)


def migrate(conn: Any, schema: str) -> list[int]:
    """Bring `schema` to the newest version (one transaction, serialised by an advisory lock).

    Returns the versions applied now. Refuses a schema written by a newer ragtune.
    """
    from psycopg import sql

    known = migrations()
    newest = known[-1][0]
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_advisory_key("migrate", schema),))
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        conn.execute(
            "SELECT set_config('search_path', "
            "quote_ident(%s) || ', ' || current_setting('search_path'), true)",
            (schema,),
        )
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
            "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        applied = {v for (v,) in conn.execute("SELECT version FROM schema_migrations")}
        if applied and max(applied) > newest:
            raise RagtuneError(
                f"schema `{schema}` is at version {max(applied)}; this ragtune knows up to {newest}",
                "upgrade ragtune (or use another ?schema=)",
            )
        done = []
        for version, name, text in known:
            if version in applied:
                continue
            conn.execute(text)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, name))
            done.append(version)
    return done


# ------------------------------------------------------------------ database


class Database:
    """A connection pool on one PostgreSQL schema, migrated on open.

    Every pooled connection has the schema first on its search_path, the pgvector types
    registered, and the HNSW search settings (ef_search, iterative scan) set.
    """

    def __init__(self, url: str, hnsw_ef: int = 128, max_size: int = 8):
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        self.conninfo, self.schema = parse_url(url)
        self.hnsw_ef = max(1, min(int(hnsw_ef), 1000))  # pgvector's range for ef_search
        self.app_name = f"ragtune[{os.getpid()}@{socket.gethostname()}]"[:63]
        try:
            with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=10) as conn:
                # a hot standby (read replica) or a read-only role: search only, never migrate
                self.read_only = conn.execute(
                    "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'"
                ).fetchone()[0]
                if self.read_only:
                    self._check_replica(conn)
                else:
                    self._check_extension(conn)
                    migrate(conn, self.schema)
                self.search_path = conn.execute(
                    "SELECT quote_ident(%s) || ', ' || current_setting('search_path')", (self.schema,)
                ).fetchone()[0]
        except psycopg.OperationalError as e:
            raise RagtuneError(
                f"cannot connect to PostgreSQL at {redact(url)}: {str(e).strip().splitlines()[0]}",
                "check the URL in index.store (host, port, database, user; the password is best "
                "kept in PGPASSWORD or ~/.pgpass)",
            ) from None
        self.pool = ConnectionPool(
            self.conninfo,
            min_size=1,
            max_size=max_size,
            kwargs={"autocommit": True, "application_name": self.app_name},
            configure=self._configure,
            open=False,
            name=f"ragtune-{self.schema}",
        )
        self.pool.open(wait=True, timeout=30)

    @staticmethod
    def _check_extension(conn: Any) -> None:
        import psycopg

        row = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()
        if row is None:
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
            except psycopg.Error as e:
                raise RagtuneError(
                    f"the pgvector extension is not enabled in this database and ragtune may not "
                    f"enable it ({str(e).strip().splitlines()[0]})",
                    "ask the database owner to run `CREATE EXTENSION vector;` (pgvector ≥ 0.8)",
                ) from None
            row = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()
        version = tuple(int(x) for x in re.findall(r"\d+", row[0])[:3])
        if version < MIN_PGVECTOR:
            raise RagtuneError(
                f"pgvector {row[0]} is too old: ragtune needs 0.8 or newer (iterative index scans)",
                "run `ALTER EXTENSION vector UPDATE;` after upgrading pgvector on the server",
            )

    def _check_replica(self, conn: Any) -> None:
        """On a read-only server the primary must already have the schema at our version."""
        newest = migrations()[-1][0]
        where = f"schema `{self.schema}` on the read-only server {redact(self.url)}"
        row = conn.execute("SELECT to_regclass(%s)", (f"{self.schema}.schema_migrations",)).fetchone()
        if row[0] is None:
            raise RagtuneError(f"{where} has no ragtune index", "ingest against the primary first")
        have = conn.execute(
            f'SELECT max(version) FROM "{self.schema}".schema_migrations'  # validated name
        ).fetchone()[0]
        if have != newest:
            raise RagtuneError(
                f"{where} is at version {have}; this ragtune needs version {newest}",
                "run any ragtune command against the primary first (it migrates), or upgrade ragtune",
            )

    def _configure(self, conn: Any) -> None:
        from pgvector.psycopg import register_vector

        conn.execute("SELECT set_config('search_path', %s, false)", (self.search_path,))
        register_vector(conn)
        conn.execute(f"SET hnsw.ef_search = {self.hnsw_ef}")
        conn.execute("SET hnsw.iterative_scan = relaxed_order")

    @contextlib.contextmanager
    def connection(self) -> Iterator[Any]:
        with self.pool.connection() as conn:
            yield conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.pool.connection() as conn, conn.transaction():
            yield conn

    def get_meta(self, key: str) -> str | None:
        with self.connection() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.connection() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (key, value),
            )

    def writer_lock(self) -> "WriterLock":
        if self.read_only:
            raise RagtuneError(
                f"{redact(self.url)} is read-only (a replica or a read-only role): it cannot be written",
                "ingest and delete against the primary's URL; replicas serve searches",
            )
        return WriterLock(self)

    def close(self) -> None:
        self.pool.close()


class WriterLock:
    """One writer per schema across all processes and machines: a session advisory lock.

    PostgreSQL releases it when the holder's connection ends, kill -9 included. Re-entrant
    within the process that holds it.
    """

    def __init__(self, db: Database):
        self.db = db
        self.key = _advisory_key("writer", db.schema)
        self.conn: Any = None
        self.depth = 0
        self._mutex = threading.RLock()

    def try_acquire(self) -> bool:
        import psycopg

        with self._mutex:
            if self.depth:
                self.depth += 1
                return True
            conn = psycopg.connect(self.db.conninfo, autocommit=True, application_name=self.db.app_name)
            if conn.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()[0]:
                self.conn, self.depth = conn, 1
                return True
            conn.close()
            return False

    def acquire(self, wait_s: float = 5.0) -> None:
        """Take the lock, waiting a little: a writer killed a moment ago may still hold it
        until its server backend notices the closed connection."""
        deadline = time.monotonic() + wait_s
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                holder = self.holder()
                raise IndexLockedError(
                    f"another process is writing to the index in schema `{self.db.schema}`"
                    + (f" ({holder})" if holder else ""),
                    "wait for its ingest to finish; readers are not blocked",
                )
            time.sleep(0.1)

    def release(self) -> None:
        with self._mutex:
            if not self.depth:
                return
            self.depth -= 1
            if self.depth == 0:
                try:
                    self.conn.execute("SELECT pg_advisory_unlock(%s)", (self.key,))
                finally:
                    self.conn.close()
                    self.conn = None

    def holder(self) -> str:
        hi, lo = (self.key >> 32) & 0xFFFFFFFF, self.key & 0xFFFFFFFF
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT a.application_name, a.pid FROM pg_locks l JOIN pg_stat_activity a "
                "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                "AND l.classid = %s AND l.objid = %s AND l.objsubid = 1",
                (hi, lo),
            ).fetchone()
        return f"{row[0] or 'a client'}, server pid {row[1]}" if row else ""

    def __enter__(self) -> "WriterLock":
        self.acquire()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release()
