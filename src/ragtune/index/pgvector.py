"""The server backend: PostgreSQL + pgvector (≥ 0.8), for corpora and teams that outgrow one process.

    index.store = "postgresql://user@db.example.com/ragtune?schema=team_a"   # ragtune.toml
    ragtune ingest docs/ --store postgresql://...                             # or per command

Everything lives in one PostgreSQL schema (default `ragtune`, `?schema=NAME` picks another):
chunks with their vectors, metadata (JSONB) and lexemes, the manifest (documents, their chunk
ids, files) and the index format. Any number of processes on any number of machines may read
and search at once; writes (ingest, delete, crash recovery) take a PostgreSQL advisory lock,
so one process writes at a time (a second writer gets IndexLockedError naming the first).

- Dense: HNSW (`vector_cosine_ops`, m=16, ef_construction=64) on `embedding::vector(DIM)`, built
  by `optimize()` after the first bulk load and maintained by PostgreSQL after that. Filtered
  queries run with `hnsw.iterative_scan = relaxed_order`, so a selective filter still yields k
  results; when the scan stops short (hnsw.max_scan_tuples) the query is re-run exactly.
- Lexical: BM25 computed in SQL over PostgreSQL full-text lexemes (`to_tsvector('english')`,
  GIN index): the same formula, constants and per-collection IDF as the embedded store's
  (k1 1.2, b 0.75, average length 100), so hybrid rankings mean the same on both backends.
  Kept inside PostgreSQL (not in a search engine beside it) so that every reader on every
  machine sees the same, transactionally consistent lexical index.
- Hybrid: both lists are fetched with a margin, sorted by (score, chunk id) and fused with RRF
  (k=60) in Python, exactly as QdrantEdgeStore does.
- Filters: `filt` (JSONB) holds every filterable field as an array of normalised values (dates as
  UTC ISO strings), so equality and membership are GIN-indexed containment (`@>`); ranges are
  jsonpath predicates (numbers on `filt`, dates on `dates` as epoch seconds).
- Schema changes are versioned SQL files under `migrations/` (table `schema_migrations`), applied
  in one transaction under an advisory lock by whichever process connects first.
- Connections come from a psycopg_pool pool (thread-safe; the server's threads share it).
- Each store call is one transaction, and the manifest's pending/committed protocol (see
  manifest.py) makes a batch all-or-nothing across calls: after kill -9, the next writer deletes
  what the interrupted batch wrote, and the re-run redoes exactly those documents.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
import re
import socket
import threading
import time
from dataclasses import replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import numpy as np

from ragtune.corpus.frontmatter import normalize_date
from ragtune.errors import IndexLockedError, InputError, RagtuneError
from ragtune.index.core import FORMAT_VERSION, REBUILD_HINT, Index
from ragtune.index.filters import RESERVED
from ragtune.index.manifest import DocumentInfo, PendingDoc
from ragtune.index.store import MODES, SearchMode, rrf
from ragtune.types import Chunk, Filter, Hit

if TYPE_CHECKING:
    from ragtune.config import Settings

STORE_NAME = "pgvector"
DEFAULT_SCHEMA = "ragtune"
MIN_PGVECTOR = (0, 8, 0)  # hnsw.iterative_scan
BM25_K1, BM25_B = 1.2, 0.75
BM25_AVG_LEN = 100.0  # the embedded store's fixed average length (edge.BM25_AVG_LEN)
TS_CONFIG = "english"
HNSW_M, HNSW_EF_CONSTRUCTION = 16, 64  # pgvector's defaults: builds ~2x faster than 128
HNSW_INDEX = "chunks_embedding_hnsw"
_TIE_MARGIN = 16  # as edge.py: extra results so ties at the cut are broken by chunk id
_SCHEMA_RE = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def is_postgres_url(store: str) -> bool:
    return store.startswith(("postgresql://", "postgres://"))


def _rank_key(h: Hit) -> tuple[float, str]:
    return (-round(h.score, 6), h.chunk_id)


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
    folder = resources.files("ragtune.index") / "migrations"
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


# ------------------------------------------------------------------ filter values


@functools.lru_cache(maxsize=65536)
def _date_forms(s: str) -> tuple[str, float] | None:
    """(UTC ISO string, epoch seconds) of a string that is a date, else None.

    Cached: normalize_date tries several strptime formats, and values repeat across chunks.
    """
    iso = normalize_date(s)
    if iso is None:
        return None
    d = datetime.fromisoformat(iso)
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)  # date-only values are midnight UTC (filters._date_key)
    return d.astimezone(timezone.utc).isoformat(), d.timestamp()


def _filter_value(v: Any) -> Any:
    """What equality compares: dates as UTC ISO strings (filters._equal's semantics)."""
    forms = _date_forms(v) if isinstance(v, str) else None
    return forms[0] if forms else v


def _epoch(v: Any) -> float | None:
    forms = _date_forms(v) if isinstance(v, str) else None
    return forms[1] if forms else None


def _filterable(c: Chunk) -> tuple[dict[str, list], dict[str, list]]:
    """(filt, dates) for a chunk: every field that `filters.matches` sees, as arrays."""
    fields = {**c.metadata, "doc_id": c.doc_id, "title": c.title, "heading": c.heading}
    filt: dict[str, list] = {}
    dates: dict[str, list] = {}
    for key, value in fields.items():
        if value is None or value == []:
            continue  # absent, as in filters.matches
        values = value if isinstance(value, list) else [value]
        filt[key] = [_filter_value(v) for v in values]
        epochs = [e for e in (_epoch(v) for v in values) if e is not None]
        if epochs:
            dates[key] = epochs
    return filt, dates


def _value_type(value: Any) -> str | None:
    if isinstance(value, list):
        types = {_value_type(v) for v in value} - {None}
        return types.pop() if len(types) == 1 else None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "datetime" if normalize_date(value) == value and value[:1].isdigit() else "keyword"
    return None


def _tsquery(terms: Sequence[str]) -> str:
    """Lexemes -> an OR tsquery in tsquery's own syntax (lexemes used verbatim)."""
    quoted = ("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in terms)
    return " | ".join(quoted)


# ------------------------------------------------------------------ the store

_COLUMNS = "chunk_id, doc_id, title, heading, text, metadata, collection"
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS ragtune_staging (
    collection text, chunk_id text, doc_id text, position integer, title text, heading text,
    text text, hash text, metadata json, filt jsonb, dates jsonb, lexical text, embedding vector
) ON COMMIT DELETE ROWS
"""
_STAGING_TYPES = ["text", "text", "text", "int4", "text", "text", "text", "text", "json",
                  "jsonb", "jsonb", "text", "vector"]  # fmt: skip
_MERGE = f"""
INSERT INTO chunks (collection, chunk_id, doc_id, position, title, heading, text, hash, metadata,
                    filt, dates, tsv, tf, n_terms, embedding)
SELECT s.collection, s.chunk_id, s.doc_id, s.position, s.title, s.heading, s.text, s.hash,
       s.metadata, s.filt, s.dates, v.tsv, t.tf, t.n_terms, s.embedding
FROM ragtune_staging s
CROSS JOIN LATERAL (SELECT to_tsvector('{TS_CONFIG}', s.lexical) AS tsv) v
CROSS JOIN LATERAL (
    SELECT coalesce(jsonb_object_agg(u.lexeme, cardinality(u.positions)), '{{}}') AS tf,
           coalesce(sum(cardinality(u.positions)), 0) AS n_terms
    FROM unnest(v.tsv) u
) t
ON CONFLICT (collection, chunk_id) DO UPDATE SET
    doc_id = EXCLUDED.doc_id, position = EXCLUDED.position, title = EXCLUDED.title,
    heading = EXCLUDED.heading, text = EXCLUDED.text, hash = EXCLUDED.hash,
    metadata = EXCLUDED.metadata, filt = EXCLUDED.filt, dates = EXCLUDED.dates,
    tsv = EXCLUDED.tsv, tf = EXCLUDED.tf, n_terms = EXCLUDED.n_terms,
    embedding = EXCLUDED.embedding
"""


class PgVectorStore:
    """`VectorStore` on PostgreSQL + pgvector (see the module docstring)."""

    name = STORE_NAME
    modes = MODES

    def __init__(self, db: Database | str, dim: int, hnsw_ef: int = 128):
        from psycopg import sql

        self.sql = sql
        self.owns_db = isinstance(db, str)
        self.db = Database(db, hnsw_ef) if isinstance(db, str) else db
        self.dim = int(dim)
        self.hnsw_ef = hnsw_ef
        # the expression the HNSW index is built on: the column holds any dimension
        self.vec = sql.SQL("embedding::vector({})").format(sql.Literal(self.dim))
        self._types: dict[str, str] = {}
        self._load_types()
        self.closed = False

    def _load_types(self) -> None:
        with self.db.connection() as conn:
            self._types = dict(conn.execute("SELECT name, kind FROM fields").fetchall())

    # -------------------------------------------------------------- writes

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        if not len(chunks):
            return
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise RagtuneError(
                f"vectors have {vectors.shape[-1]} dimensions, the index {self.dim}",
                "the embedder changed: " + REBUILD_HINT,
            )
        last = {(c.collection, c.id): i for i, c in enumerate(chunks)}  # a repeated id: last wins
        new_fields = {}
        for c in chunks:
            for key, value in c.metadata.items():
                if key not in self._types and key not in new_fields:
                    kind = _value_type(value)
                    if kind is not None:
                        new_fields[key] = kind
        with self.db.transaction() as conn:
            conn.execute(_STAGING)
            with conn.cursor() as cur, cur.copy(
                "COPY ragtune_staging FROM STDIN WITH (FORMAT BINARY)"
            ) as copy:
                copy.set_types(_STAGING_TYPES)
                for i in sorted(last.values()):
                    c = chunks[i]
                    filt, dates = _filterable(c)
                    copy.write_row((
                        c.collection, c.id, c.doc_id, c.position, c.title, c.heading, c.text,
                        c.hash, c.metadata, filt, dates, c.embed_text(), vectors[i],
                    ))  # fmt: skip
            conn.execute(_MERGE)
            if new_fields:
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO fields (name, kind) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                        sorted(new_fields.items()),
                    )
        self._types.update(new_fields)

    def delete_documents(self, collection: str, doc_ids: Iterable[str]) -> None:
        ids = sorted(set(doc_ids))
        if ids:
            with self.db.connection() as conn:
                conn.execute(
                    "DELETE FROM chunks WHERE collection = %s AND doc_id = ANY(%s)", (collection, ids)
                )

    def delete_chunks(self, collection: str, chunk_ids: Iterable[str]) -> None:
        ids = sorted(set(chunk_ids))
        if ids:
            with self.db.connection() as conn:
                conn.execute(
                    "DELETE FROM chunks WHERE collection = %s AND chunk_id = ANY(%s)", (collection, ids)
                )

    def has_hnsw(self) -> bool:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT 1 FROM pg_indexes WHERE schemaname = %s AND indexname = %s",
                (self.db.schema, HNSW_INDEX),
            ).fetchone()
        return row is not None

    def optimize(self) -> None:
        """Build the HNSW index once there are rows (bulk loads go faster without it), ANALYZE."""
        sql = self.sql
        with self.db.connection() as conn:
            rows = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
            if rows and not self.has_hnsw():
                # a build whose graph fits in maintenance_work_mem is several times faster;
                # raise it to the estimated graph size (never lower it, at most 1 GB)
                need_mb = min(1024, int(rows * (4 * self.dim + 200) * 1.25) >> 20)
                have_mb = conn.execute(
                    "SELECT setting::bigint * 1024 >> 20 FROM pg_settings WHERE name = 'maintenance_work_mem'"
                ).fetchone()[0]
                if need_mb > have_mb:
                    conn.execute(f"SET maintenance_work_mem = '{need_mb}MB'")
                conn.execute(sql.SQL(
                    "CREATE INDEX IF NOT EXISTS {} ON chunks USING hnsw (({}) vector_cosine_ops) "
                    "WITH (m = {}, ef_construction = {})"
                ).format(sql.Identifier(HNSW_INDEX), self.vec, sql.Literal(HNSW_M),
                         sql.Literal(HNSW_EF_CONSTRUCTION)))  # fmt: skip
                conn.execute("RESET maintenance_work_mem")
            conn.execute("ANALYZE chunks")

    def flush(self) -> None:
        """Nothing to do: every call is a committed (durable) transaction."""

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.owns_db:
                self.db.close()

    # -------------------------------------------------------------- reads

    def search(
        self,
        collection: str,
        k: int,
        text: str = "",
        vector: np.ndarray | None = None,
        filters: Filter | None = None,
        mode: SearchMode = "hybrid",
    ) -> list[Hit]:
        return self.search_batch(collection, k, [text], None if vector is None else [vector],
                                 filters, mode)[0]  # fmt: skip

    def search_batch(
        self,
        collection: str,
        k: int,
        texts: Sequence[str],
        vectors: Sequence[np.ndarray] | np.ndarray | None = None,
        filters: Filter | None = None,
        mode: SearchMode = "hybrid",
    ) -> list[list[Hit]]:
        """Several queries on one connection; same ranking rules as QdrantEdgeStore."""
        if mode not in MODES:
            raise RagtuneError(f"unknown search mode {mode!r}", f"use one of {', '.join(MODES)}")
        if mode != "bm25" and vectors is None:
            raise ValueError(f"mode {mode} needs query vectors")
        if k <= 0:
            return [[] for _ in texts]
        where, params = self._where(collection, filters)
        depth = max(4 * k, 40)
        out = []
        with self.db.connection() as conn:
            terms = self._terms(conn, texts) if mode != "dense" else []
            idf = self._idf(conn, collection, {t for ts in terms for t in ts})
            for i, text in enumerate(texts):
                dense: list[Hit] = []
                sparse: list[Hit] = []
                if mode != "bm25":
                    vec = np.asarray(vectors[i], dtype=np.float32)  # type: ignore[index]
                    dense = self._dense_top(conn, vec, where, params, k if mode == "dense" else depth)
                if mode != "dense":
                    limit = (k if mode == "bm25" else depth) + _TIE_MARGIN
                    sparse = sorted(
                        self._bm25(conn, terms[i], idf, where, params, limit),
                        key=_rank_key,
                    )
                if mode == "dense":
                    out.append(dense[:k])
                elif mode == "bm25":
                    out.append(sparse[:k])
                else:
                    out.append(_fuse(dense[:depth], sparse[:depth], k))
        return out

    def _dense_top(self, conn: Any, vec: np.ndarray, where: Any, params: list, need: int) -> list[Hit]:
        """The `need` nearest, ties at the cut broken by chunk id (as edge.py).

        One more row than needed tells whether the cut falls inside a tie; only then is a
        margin fetched (on a filtered HNSW scan every extra row costs index work).
        """
        hits = sorted(self._dense(conn, vec, where, params, need + 1), key=_rank_key)
        if len(hits) > need and _rank_key(hits[need])[0] == _rank_key(hits[need - 1])[0]:
            hits = sorted(self._dense(conn, vec, where, params, need + _TIE_MARGIN), key=_rank_key)
        return hits[:need]

    def _dense(self, conn: Any, vec: np.ndarray, where: Any, params: list, limit: int) -> list[Hit]:
        sql = self.sql
        query = sql.SQL(
            "SELECT {cols}, {vec} <=> %s::vector AS distance FROM chunks WHERE {where} "
            "ORDER BY distance LIMIT %s"
        ).format(cols=sql.SQL(_COLUMNS), vec=self.vec, where=where)
        args = [vec, *params, limit]
        rows = conn.execute(query, args).fetchall()
        if len(rows) < limit:
            # the iterative HNSW scan may stop early (hnsw.max_scan_tuples) on a very selective
            # filter; a short answer is re-checked exactly (cheap: few rows match)
            with conn.transaction():
                conn.execute("SET LOCAL enable_indexscan = off")
                rows = conn.execute(query, args).fetchall()
        return [_hit(r, 1.0 - float(r[7])) for r in rows]

    def _idf(self, conn: Any, collection: str, terms: set[str]) -> dict[str, float]:
        """BM25 IDF of each term within the collection (as Qdrant's `Modifier.Idf`)."""
        if not terms:
            return {}
        n = self._n_docs(conn, collection)
        ordered = sorted(terms)
        rows = conn.execute(
            "SELECT t.term, (SELECT count(*) FROM chunks WHERE collection = %s AND tsv @@ t.q::tsquery) "
            "FROM unnest(%s::text[], %s::text[]) AS t(term, q)",
            (collection, ordered, [_tsquery([t]) for t in ordered]),
        ).fetchall()
        return {t: math.log(1.0 + (n - df + 0.5) / (df + 0.5)) for t, df in rows}

    def _bm25(
        self, conn: Any, terms: list[str], idf: dict[str, float], where: Any, params: list, limit: int
    ) -> list[Hit]:
        """BM25 over the chunks that contain any term (GIN), scored from the `tf` map."""
        terms = [t for t in terms if t in idf]
        if not terms:
            return []
        sql = self.sql
        # one term: w * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avg)); absent -> 0
        # length normalisation k1 * (1 - b + b * len / avg), folded into two float8 constants
        norm = sql.SQL("({}::float8 + {}::float8 * n_terms)").format(
            sql.Literal(BM25_K1 * (1 - BM25_B)), sql.Literal(BM25_K1 * BM25_B / BM25_AVG_LEN)
        )
        term_score = sql.SQL(
            "coalesce(%s::float8 * (tf ->> %s)::float8 / ((tf ->> %s)::float8 + {norm}), 0)"
        ).format(norm=norm)
        query = sql.SQL(
            "SELECT {cols}, {score} AS score FROM chunks WHERE {where} AND tsv @@ %s::tsquery "
            'ORDER BY score DESC, chunk_id COLLATE "C" LIMIT %s'
        ).format(cols=sql.SQL(_COLUMNS), score=sql.SQL(" + ").join([term_score] * len(terms)),
                 where=where)  # fmt: skip
        args: list[Any] = [p for t in terms for p in (idf[t] * (BM25_K1 + 1), t, t)]
        args += [*params, _tsquery(terms), limit]
        return [_hit(r, float(r[7])) for r in conn.execute(query, args).fetchall()]

    @staticmethod
    def _terms(conn: Any, texts: Sequence[str]) -> list[list[str]]:
        """Each query's distinct lexemes, by the same parser and stemmer as the documents'."""
        rows = conn.execute(
            f"SELECT array(SELECT lexeme FROM unnest(to_tsvector('{TS_CONFIG}', t)) ORDER BY 1) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS x(t, i) ORDER BY i",
            (list(texts),),
        ).fetchall()
        return [list(r[0]) for r in rows]

    @staticmethod
    def _n_docs(conn: Any, collection: str) -> int:
        return conn.execute("SELECT count(*) FROM chunks WHERE collection = %s", (collection,)).fetchone()[0]

    def get(self, collection: str, chunk_id: str) -> Chunk | None:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT chunk_id, doc_id, text, position, collection, title, heading, metadata, hash "
                "FROM chunks WHERE collection = %s AND chunk_id = %s",
                (collection, chunk_id),
            ).fetchone()
        if row is None:
            return None
        return Chunk(id=row[0], doc_id=row[1], text=row[2], position=row[3], collection=row[4],
                     title=row[5], heading=row[6], metadata=row[7] or {}, hash=row[8])  # fmt: skip

    def count(self, collection: str | None = None) -> int:
        with self.db.connection() as conn:
            if collection is None:
                return conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
            return self._n_docs(conn, collection)

    def chunk_ids(self, collection: str) -> set[str]:
        with self.db.connection() as conn:
            rows = conn.execute("SELECT chunk_id FROM chunks WHERE collection = %s", (collection,))
            return {r[0] for r in rows}

    def payloads(self, collection: str, fields: list[str]) -> Iterable[dict[str, Any]]:
        """Every chunk's stored fields (a subset of the columns) in a collection."""
        allowed = {"chunk_id", "doc_id", "title", "heading", "text", "position", "hash", "metadata"}
        cols = [f for f in fields if f in allowed] or ["chunk_id"]
        sql = self.sql
        with self.db.connection() as conn:
            cur = conn.execute(
                sql.SQL("SELECT {} FROM chunks WHERE collection = %s ORDER BY chunk_id").format(
                    sql.SQL(", ").join(map(sql.Identifier, cols))
                ),
                (collection,),
            )
            for row in cur:
                yield dict(zip(cols, row))

    def info(self) -> dict[str, Any]:
        points = self.count()
        hnsw = self.has_hnsw()
        with self.db.connection() as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            ext = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()[0]
        return {
            "store": self.name,
            "points": points,
            "indexed_vectors": points if hnsw else 0,  # pgvector keeps the graph up to date
            "hnsw": hnsw,
            "schema": self.db.schema,
            "server": f"PostgreSQL {version}, pgvector {ext}",
        }

    # -------------------------------------------------------------- filters

    def field_type(self, field: str) -> str | None:
        if field in RESERVED:
            return "keyword"
        if field not in self._types:
            self._load_types()  # another process may have written it since
        return self._types.get(field)

    def _where(self, collection: str, flt: Filter | None) -> tuple[Any, list]:
        sql = self.sql
        if not flt:
            return sql.SQL("collection = %s"), [collection]
        cond, params = self.translate(flt)
        return sql.SQL("collection = %s AND ({})").format(cond), [collection, *params]

    def translate(self, flt: Filter) -> tuple[Any, list]:
        """A normalised filter (filters.normalize) -> (SQL condition, parameters)."""
        sql = self.sql
        if "and" in flt or "or" in flt:
            op = "and" if "and" in flt else "or"
            parts = [self.translate(x) for x in flt[op]]
            joined = sql.SQL(f" {op.upper()} ").join(sql.SQL("({})").format(c) for c, _ in parts)
            return joined, [p for _, ps in parts for p in ps]
        if "not" in flt:
            cond, params = self.translate(flt["not"])
            return sql.SQL("NOT ({})").format(cond), params
        field = flt["field"]
        conds: list[Any] = []
        params: list[Any] = []
        for op, value in flt.items():
            if op == "field":
                continue
            if op in ("eq", "contains", "ne"):
                c, p = self._contains(field, [value])
                conds.append(c if op != "ne" else sql.SQL("NOT ({})").format(c))
                params += p
            elif op in ("in", "nin"):
                c, p = self._contains(field, value)
                conds.append(c if op == "in" else sql.SQL("NOT ({})").format(c))
                params += p
            elif op == "exists":
                conds.append(sql.SQL("filt ? %s" if value else "NOT (filt ? %s)"))
                params.append(field)
            else:  # gt gte lt lte: numbers on filt, dates (ISO strings) on dates as epochs
                sym = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}[op]
                column = "dates" if isinstance(value, str) else "filt"
                bound = _epoch(value) if isinstance(value, str) else value
                if bound is None:
                    conds.append(sql.SQL("false"))
                    continue
                conds.append(sql.SQL(
                    "jsonb_path_exists(coalesce({} -> %s, '[]'), '$[*] ? (@ {} $v)', %s)"
                ).format(sql.Identifier(column), sql.SQL(sym)))  # fmt: skip
                params += [field, _jsonb({"v": bound})]
        return sql.SQL(" AND ").join(conds), params

    def _contains(self, field: str, values: list[Any]) -> tuple[Any, list]:
        """Any of `values` among the field's values: GIN-indexed JSONB containment."""
        sql = self.sql
        conds = [sql.SQL("filt @> %s")] * len(values)
        params = [_jsonb({field: [_filter_value(v)]}) for v in values]
        if len(conds) == 1:
            return conds[0], params
        return sql.SQL("({})").format(sql.SQL(" OR ").join(conds)), params


def _jsonb(value: Any) -> Any:
    from psycopg.types.json import Jsonb

    return Jsonb(value)


def _hit(row: Sequence[Any], score: float) -> Hit:
    return Hit(doc_id=row[1], chunk_id=row[0], score=score, text=row[4], title=row[2],
               heading=row[3], metadata=row[5] or {}, collection=row[6])  # fmt: skip


def _fuse(dense: list[Hit], sparse: list[Hit], k: int) -> list[Hit]:
    by_id = {h.chunk_id: h for h in dense + sparse}
    fused = rrf([[h.chunk_id for h in dense], [h.chunk_id for h in sparse]])
    order = sorted(fused, key=lambda cid: (-fused[cid], cid))[:k]
    return [replace(by_id[cid], score=fused[cid]) for cid in order]


# ------------------------------------------------------------------ the manifest


class PgManifest:
    """manifest.Manifest's interface and protocol, in PostgreSQL tables (see migrations/)."""

    def __init__(self, db: Database):
        self.db = db

    def close(self) -> None:
        pass  # the Database (pool) is closed by its owner

    def _rows(self, query: str, args: Sequence[Any] = ()) -> list[tuple]:
        with self.db.connection() as conn:
            return conn.execute(query, args).fetchall()

    def get_meta(self, key: str) -> str | None:
        return self.db.get_meta(f"manifest.{key}")

    def set_meta(self, key: str, value: str) -> None:
        self.db.set_meta(f"manifest.{key}", value)

    # ---------------------------------------------------------- reads

    def hashes(self, collection: str) -> dict[str, str]:
        return dict(self._rows(
            "SELECT doc_id, content_hash FROM documents WHERE collection = %s AND state = 'committed'",
            (collection,),
        ))  # fmt: skip

    def docs_of_root(self, collection: str, root: str) -> dict[str, str]:
        return dict(self._rows(
            "SELECT doc_id, source FROM documents WHERE collection = %s AND root = %s", (collection, root)
        ))  # fmt: skip

    def chunk_ids(self, collection: str, doc_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        if doc_ids is None:
            rows = self._rows(
                "SELECT doc_id, chunk_id FROM document_chunks WHERE collection = %s "
                "ORDER BY doc_id COLLATE \"C\", position",
                (collection,),
            )
        else:
            rows = self._rows(
                "SELECT doc_id, chunk_id FROM document_chunks WHERE collection = %s "
                "AND doc_id = ANY(%s) ORDER BY doc_id COLLATE \"C\", position",
                (collection, list(doc_ids)),
            )
        out: dict[str, list[str]] = {}
        for doc_id, chunk_id in rows:
            out.setdefault(doc_id, []).append(chunk_id)
        return out

    def chunk_collection(self, chunk_id: str) -> str | None:
        rows = self._rows(
            "SELECT collection FROM document_chunks WHERE chunk_id = %s "
            "ORDER BY collection = 'default' DESC, collection COLLATE \"C\" LIMIT 1",
            (chunk_id,),
        )
        return rows[0][0] if rows else None

    def documents(self, collection: str | None = None) -> list[DocumentInfo]:
        query = (
            "SELECT doc_id, collection, source, title, content_hash, n_chunks, metadata, root "
            "FROM documents WHERE state = 'committed'"
        )
        args: tuple = ()
        if collection is not None:
            query += " AND collection = %s"
            args = (collection,)
        rows = self._rows(query + ' ORDER BY collection COLLATE "C", doc_id COLLATE "C"', args)
        return [DocumentInfo(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7]) for r in rows]

    def collections(self) -> dict[str, int]:
        return dict(self._rows(
            "SELECT collection, count(*) FROM documents WHERE state = 'committed' "
            'GROUP BY collection ORDER BY collection COLLATE "C"'
        ))  # fmt: skip

    def unfinished(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for coll, doc_id in self._rows(
            "SELECT collection, doc_id FROM documents WHERE state <> 'committed'"
        ):
            out.setdefault(coll, []).append(doc_id)
        return out

    def file_unchanged(
        self, collection: str, root: str, relpath: str, size: int, mtime_ns: int, signature: str
    ) -> bool:
        rows = self._rows(
            "SELECT size, mtime_ns, signature FROM files WHERE collection = %s AND root = %s "
            "AND relpath = %s",
            (collection, root, relpath),
        )
        return bool(rows) and tuple(rows[0]) == (size, mtime_ns, signature)

    # ---------------------------------------------------------- writes

    def mark_pending(self, collection: str, docs: list[PendingDoc]) -> None:
        now = time.time()
        with self.db.transaction() as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO documents (collection, doc_id, root, source, content_hash, title, "
                "metadata, n_chunks, state, updated_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,'pending',%s) "
                "ON CONFLICT (collection, doc_id) DO UPDATE SET state = 'pending', updated_at = %s",
                [
                    (collection, d.doc_id, d.root, d.source, d.content_hash, d.title,
                     json.dumps(d.metadata, sort_keys=True), len(d.chunks), now, now)
                    for d in docs
                ],  # fmt: skip
            )

    def commit(self, collection: str, docs: list[PendingDoc]) -> None:
        now = time.time()
        ids = [d.doc_id for d in docs]
        with self.db.transaction() as conn, conn.cursor() as cur:
            cur.execute(
                "DELETE FROM document_chunks WHERE collection = %s AND doc_id = ANY(%s)", (collection, ids)
            )
            rows = {}
            for d in docs:
                for cid, pos, h in d.chunks:
                    rows[cid] = (collection, cid, d.doc_id, pos, h)  # as INSERT OR REPLACE
            cur.executemany(
                "INSERT INTO document_chunks VALUES (%s,%s,%s,%s,%s) ON CONFLICT (collection, chunk_id) "
                "DO UPDATE SET doc_id = EXCLUDED.doc_id, position = EXCLUDED.position, hash = EXCLUDED.hash",
                list(rows.values()),
            )
            cur.executemany(
                "UPDATE documents SET root = %s, source = %s, content_hash = %s, title = %s, "
                "metadata = %s, n_chunks = %s, state = 'committed', updated_at = %s "
                "WHERE collection = %s AND doc_id = %s",
                [
                    (d.root, d.source, d.content_hash, d.title, json.dumps(d.metadata, sort_keys=True),
                     len(d.chunks), now, collection, d.doc_id)
                    for d in docs
                ],  # fmt: skip
            )

    def mark_deleting(self, collection: str, doc_ids: list[str]) -> None:
        with self.db.connection() as conn:
            conn.execute(
                "UPDATE documents SET state = 'deleting' WHERE collection = %s AND doc_id = ANY(%s)",
                (collection, list(doc_ids)),
            )

    def forget(self, collection: str, doc_ids: list[str]) -> None:
        ids = list(doc_ids)
        with self.db.transaction() as conn:
            conn.execute(
                "DELETE FROM files f USING documents d WHERE d.collection = %s AND d.doc_id = ANY(%s) "
                "AND f.collection = d.collection AND f.root = d.root AND f.relpath = d.source",
                (collection, ids),
            )
            conn.execute(
                "DELETE FROM document_chunks WHERE collection = %s AND doc_id = ANY(%s)", (collection, ids)
            )
            conn.execute(
                "DELETE FROM documents WHERE collection = %s AND doc_id = ANY(%s)", (collection, ids)
            )

    def record_files(self, collection: str, root: str, rows: list[tuple[str, int, int, str]]) -> None:
        if not rows:
            return
        with self.db.transaction() as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO files VALUES (%s,%s,%s,%s,%s,%s) ON CONFLICT (collection, root, relpath) "
                "DO UPDATE SET size = EXCLUDED.size, mtime_ns = EXCLUDED.mtime_ns, "
                "signature = EXCLUDED.signature",
                [(collection, root, rel, size, mtime, sig) for rel, size, mtime, sig in rows],
            )

    def forget_files(self, collection: str, root: str, relpaths: Iterable[str]) -> None:
        with self.db.connection() as conn:
            conn.execute(
                "DELETE FROM files WHERE collection = %s AND root = %s AND relpath = ANY(%s)",
                (collection, root, list(relpaths)),
            )


# ------------------------------------------------------------------ the Index on PostgreSQL


class _NoLock:
    """Opening an index on PostgreSQL locks nothing: writes take the WriterLock instead."""

    def acquire(self) -> None:
        pass

    def release(self) -> None:
        pass

    def __enter__(self) -> "_NoLock":
        return self

    def __exit__(self, *exc: Any) -> None:
        pass


class PgIndex(Index):
    """ragtune's `Index` with the store, manifest and format in PostgreSQL.

    Unlike the embedded index, any number of processes may open it at once: they all read;
    ingest and deletions take the schema's WriterLock (one writer at a time, across machines),
    and so does crash recovery, so a reader never undoes a live writer's pending batch.
    """

    store_name = STORE_NAME

    def __init__(self, path: Path, settings: "Settings", cache_dir: Path | None = None):
        self.db = Database(settings.index.store, settings.index.hnsw_ef)
        self.writer: Any = _NoLock() if self.db.read_only else self.db.writer_lock()
        try:
            super().__init__(path, settings, cache_dir)
        except BaseException:
            self.db.close()
            raise

    # hooks of Index (core.py)

    def _make_lock(self) -> Any:
        return _NoLock()

    def _open_manifest(self) -> Any:
        return PgManifest(self.db)

    def _read_format(self) -> dict[str, Any] | None:
        text = self.db.get_meta("format")
        if text is None:
            return None
        where = f"schema `{self.db.schema}` at {redact(self.db.url)}"
        try:
            fmt = json.loads(text)
            version = int(fmt["format"])
        except (ValueError, KeyError, TypeError):
            raise RagtuneError(f"the index format record in {where} is damaged", REBUILD_HINT) from None
        if version != FORMAT_VERSION or fmt.get("store") != STORE_NAME:
            raise RagtuneError(
                f"the index in {where} has format {version} ({fmt.get('store')}); this ragtune "
                f"reads format {FORMAT_VERSION} ({STORE_NAME})",
                "run `ragtune ingest DIR --rebuild` (or use another ?schema=)",
            )
        return fmt

    def _write_format(self, fmt: dict[str, Any]) -> None:
        fmt = {**fmt, "schema": self.db.schema}
        self.db.set_meta("format", json.dumps(fmt, sort_keys=True))

    def _open_store(self, dim: int) -> None:
        self.store = PgVectorStore(self.db, dim, self.settings.index.hnsw_ef)

    def _recover(self) -> int:
        if self.db.read_only or not self.writer.try_acquire():
            return 0  # a live writer's pending documents are its own business
        try:
            return super()._recover()
        finally:
            self.writer.release()

    # writes: one writer at a time

    def _writing(self) -> Any:
        self._check_open()
        if self.db.read_only:
            self.db.writer_lock()  # raises the read-only error
        return self.writer

    def ingest(self, *args: Any, **kwargs: Any):  # noqa: ANN201 (IngestReport)
        with self._writing():
            self._refresh()
            if self.store is not None:
                self.recovered += super()._recover()
            return super().ingest(*args, **kwargs)

    def upsert_documents(self, *args: Any, **kwargs: Any) -> dict[str, int]:
        with self._writing():
            self._refresh()
            return super().upsert_documents(*args, **kwargs)

    def delete_documents(self, doc_ids: Iterable[str], collection: str | None = None) -> int:
        with self._writing():
            return super().delete_documents(doc_ids, collection)

    # reads: another process may have created the index since this one opened

    def _refresh(self) -> None:
        if self.store is None:
            self.format = self._read_format()
            if self.format is not None:
                self._open_store(int(self.format["dim"]))

    def search_many(self, *args: Any, **kwargs: Any) -> list[list[Hit]]:
        self._refresh()
        return super().search_many(*args, **kwargs)

    def count(self, collection: str | None = None) -> int:
        self._refresh()
        return super().count(collection)

    def metadata_values(self, field: str, collection: str | None = None) -> set:
        # other processes write too: the cache holds only while the documents are unchanged
        with self.db.connection() as conn:
            generation = conn.execute(
                "SELECT count(*), coalesce(max(updated_at), 0) FROM documents"
            ).fetchone()
        if generation != getattr(self, "_generation", None):
            self._values_cache.clear()
            self._generation = generation
        return super().metadata_values(field, collection)

    def close(self) -> None:
        super().close()
        if self.closed:
            self.writer.release()
            self.db.close()


def remove_pg_index(settings: "Settings") -> None:
    """Empty the schema's index (for --rebuild): every collection, the manifest, the format."""
    db = Database(settings.index.store, settings.index.hnsw_ef)
    try:
        with db.writer_lock(), db.transaction() as conn:
            conn.execute(f"DROP INDEX IF EXISTS {HNSW_INDEX}")
            conn.execute("TRUNCATE chunks, fields, documents, document_chunks, files")
            conn.execute("DELETE FROM meta")
    finally:
        db.close()
