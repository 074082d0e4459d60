"""The server backend: PostgreSQL + pgvector (≥ 0.8), for corpora and teams that outgrow one process.

    index.store = "postgresql://user@db.example.com/ragtune?schema=team_a"   # ragtune.toml
    ragtune ingest docs/ --store postgresql://...                             # or per command

Everything lives in one PostgreSQL schema (default `ragtune`, `?schema=NAME` picks another):
chunks with their vectors, metadata (JSONB) and lexemes (store.py), the manifest (documents,
their chunk ids, files; manifest.py) and the index format (`meta`). Any number of processes on
any number of machines may read and search at once; writes (ingest, delete, crash recovery)
take a PostgreSQL advisory lock, so one process writes at a time (a second writer gets
IndexLockedError naming the first). Connection, migrations and the lock: database.py.

Each store call is one transaction, and the manifest's pending/committed protocol makes a batch
all-or-nothing across calls: after kill -9, the next writer deletes what the interrupted batch
wrote, and the re-run redoes exactly those documents.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Iterator

from ragtune.index.postgres.database import Database, WriterLock, migrations, parse_url, redact
from ragtune.index.postgres.manifest import PgManifest
from ragtune.index.postgres.store import HNSW_INDEX, STORE_NAME, PgVectorStore

__all__ = ["Database", "PgManifest", "PgVectorStore", "PostgresBackend", "WriterLock", "migrations",
           "parse_url", "redact"]  # fmt: skip


class PostgresBackend:
    """`Backend` (interfaces.py) in a PostgreSQL schema. Unlike the embedded backend, any number
    of processes may open it at once: they all read; writes (and crash recovery) take the
    schema's WriterLock, so a reader never undoes a live writer's pending batch. On a read-only
    server (a replica, a read-only role) it searches only."""

    name = STORE_NAME
    rebuild_hint = "run `ragtune ingest DIR --rebuild` (or use another ?schema=)"

    def __init__(self, path: Path, settings: Any):
        self.settings = settings
        self.db = Database(settings.index.store, settings.index.hnsw_ef)
        self.where = f"in schema `{self.db.schema}` at {redact(self.db.url)}"
        self.writer = None if self.db.read_only else self.db.writer_lock()

    @staticmethod
    def remove(path: Path, settings: Any) -> None:
        """Empty the schema's index (for --rebuild): every collection, the manifest, the format."""
        db = Database(settings.index.store, settings.index.hnsw_ef)
        try:
            with db.writer_lock(), db.transaction() as conn:
                conn.execute(f"DROP INDEX IF EXISTS {HNSW_INDEX}")
                conn.execute("TRUNCATE chunks, fields, documents, document_chunks, files")
                conn.execute("DELETE FROM meta")
        finally:
            db.close()

    def read_format(self) -> str | None:
        return self.db.get_meta("format")

    def write_format(self, fmt: dict[str, Any]) -> None:
        self.db.set_meta("format", json.dumps({**fmt, "schema": self.db.schema}, sort_keys=True))

    def open_manifest(self) -> PgManifest:
        return PgManifest(self.db)

    def open_store(self, dim: int) -> PgVectorStore:
        return PgVectorStore(self.db, dim, self.settings.index.hnsw_ef)

    def writing(self) -> WriterLock:
        if self.writer is None:
            self.db.writer_lock()  # raises the read-only error
        return self.writer  # type: ignore[return-value]

    @contextlib.contextmanager
    def try_writing(self) -> Iterator[bool]:
        if self.writer is None or not self.writer.try_acquire():
            yield False  # read-only, or a live writer's pending documents are its own business
            return
        try:
            yield True
        finally:
            self.writer.release()

    def generation(self) -> Any:
        with self.db.connection() as conn:
            return conn.execute("SELECT count(*), coalesce(max(updated_at), 0) FROM documents").fetchone()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.release()
        self.db.close()
