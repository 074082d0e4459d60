"""The embedded backend's manifest, in SQLite (`manifest.sqlite`, WAL, synchronous writes).

The protocol (pending before the store write, committed after, deleting before a removal) is
described in ragtune/index/interfaces.py.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Iterable

from ragtune.index.interfaces import DOCUMENT_COLUMNS, DocumentInfo, PendingDoc, by_collection  # fmt: skip

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    collection TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    root TEXT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '{}',
    n_chunks INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (collection, doc_id)
);
CREATE TABLE IF NOT EXISTS chunks (
    collection TEXT NOT NULL,
    chunk_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (collection, chunk_id)
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks (collection, doc_id);
CREATE TABLE IF NOT EXISTS files (
    collection TEXT NOT NULL,
    root TEXT NOT NULL,
    relpath TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (collection, root, relpath)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class SqliteManifest:
    """`Manifest` (interfaces.py) in one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    # ---------------------------------------------------------- reads

    def hashes(self, collection: str) -> dict[str, str]:
        """{doc_id: content hash} of committed documents."""
        rows = self.db.execute(
            "SELECT doc_id, content_hash FROM documents WHERE collection=? AND state='committed'",
            (collection,),
        )
        return dict(rows.fetchall())

    def docs_of_root(self, collection: str, root: str) -> dict[str, str]:
        """{doc_id: source} for documents ingested from one corpus folder."""
        rows = self.db.execute(
            "SELECT doc_id, source FROM documents WHERE collection=? AND root=?",
            (collection, root),
        )
        return dict(rows.fetchall())

    def chunk_ids(self, collection: str, doc_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """{doc_id: [chunk ids in order]}."""
        out: dict[str, list[str]] = {}
        if doc_ids is None:
            rows = self.db.execute(
                "SELECT doc_id, chunk_id FROM chunks WHERE collection=? ORDER BY doc_id, position",
                (collection,),
            ).fetchall()
        else:
            rows = []
            ids = list(doc_ids)
            for i in range(0, len(ids), 500):
                part = ids[i : i + 500]
                rows += self.db.execute(
                    f"SELECT doc_id, chunk_id FROM chunks WHERE collection=? AND doc_id IN "
                    f"({','.join('?' * len(part))}) ORDER BY doc_id, position",
                    (collection, *part),
                ).fetchall()
        for doc_id, chunk_id in rows:
            out.setdefault(doc_id, []).append(chunk_id)
        return out

    def chunk_collection(self, chunk_id: str) -> str | None:
        row = self.db.execute(
            "SELECT collection FROM chunks WHERE chunk_id=? ORDER BY collection='default' DESC LIMIT 1",
            (chunk_id,),
        ).fetchone()
        return row[0] if row else None

    def documents(self, collection: str | None = None) -> list[DocumentInfo]:
        one = collection is not None
        rows = self.db.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE state='committed'"
                               + (" AND collection=?" if one else "") + " ORDER BY collection, doc_id",
                               (collection,) if one else ()).fetchall()  # fmt: skip
        return [DocumentInfo.from_row(r) for r in rows]

    def collections(self) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT collection, COUNT(*) FROM documents WHERE state='committed' GROUP BY collection"
        )
        return dict(rows.fetchall())

    def unfinished(self) -> dict[str, list[str]]:
        """{collection: [doc ids]} left pending/deleting by an interrupted run."""
        rows = self.db.execute("SELECT collection, doc_id FROM documents WHERE state != 'committed'")
        return by_collection(rows)

    def file_unchanged(
        self, collection: str, root: str, relpath: str, size: int, mtime_ns: int, signature: str
    ) -> bool:
        row = self.db.execute(
            "SELECT size, mtime_ns, signature FROM files WHERE collection=? AND root=? AND relpath=?",
            (collection, root, relpath),
        ).fetchone()
        return row == (size, mtime_ns, signature)

    # ---------------------------------------------------------- writes

    def mark_pending(self, collection: str, docs: list[PendingDoc]) -> None:
        now = time.time()
        with self.db:
            self.db.executemany(
                "INSERT INTO documents (collection, doc_id, root, source, content_hash, title, "
                "metadata, n_chunks, state, updated_at) VALUES (?,?,?,?,?,?,?,?,'pending',?) "
                "ON CONFLICT (collection, doc_id) DO UPDATE SET state='pending', updated_at=?",
                [d.pending_row(collection, now) for d in docs],
            )

    def commit(self, collection: str, docs: list[PendingDoc]) -> None:
        now = time.time()
        with self.db:
            for d in docs:
                self.db.execute(
                    "DELETE FROM chunks WHERE collection=? AND doc_id=?", (collection, d.doc_id)
                )
                self.db.executemany("INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?)",
                                    d.chunk_rows(collection))  # fmt: skip
                self.db.execute(
                    "UPDATE documents SET root=?, source=?, content_hash=?, title=?, metadata=?, "
                    "n_chunks=?, state='committed', updated_at=? WHERE collection=? AND doc_id=?",
                    d.committed_row(collection, now),
                )

    def mark_deleting(self, collection: str, doc_ids: list[str]) -> None:
        with self.db:
            self.db.executemany(
                "UPDATE documents SET state='deleting' WHERE collection=? AND doc_id=?",
                [(collection, d) for d in doc_ids],
            )

    def forget(self, collection: str, doc_ids: list[str]) -> None:
        """Drop documents (and their chunks and file records) from the manifest."""
        with self.db:
            for i in range(0, len(doc_ids), 500):
                part = doc_ids[i : i + 500]
                marks = ",".join("?" * len(part))
                sources = self.db.execute(
                    f"SELECT root, source FROM documents WHERE collection=? AND doc_id IN ({marks})",
                    (collection, *part),
                ).fetchall()
                self.db.executemany(
                    "DELETE FROM files WHERE collection=? AND root=? AND relpath=?",
                    [(collection, r, s) for r, s in sources],
                )
                self.db.execute(
                    f"DELETE FROM chunks WHERE collection=? AND doc_id IN ({marks})", (collection, *part)
                )
                self.db.execute(
                    f"DELETE FROM documents WHERE collection=? AND doc_id IN ({marks})",
                    (collection, *part),
                )

    def record_files(self, collection: str, root: str, rows: list[tuple[str, int, int, str]]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?)",
                [(collection, root, rel, size, mtime, sig) for rel, size, mtime, sig in rows],
            )
