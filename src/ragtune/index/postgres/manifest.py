"""The PostgreSQL backend's manifest: the same protocol as the embedded one, in tables of the
index's schema, so every process sees one source of truth."""

from __future__ import annotations

import time
from typing import Any, Iterable, Sequence

from ragtune.index.interfaces import DOCUMENT_COLUMNS, DocumentInfo, PendingDoc, by_collection
from ragtune.index.postgres.database import Database


_PENDING = (
    "INSERT INTO documents (collection, doc_id, root, source, content_hash, title, metadata, "
    "n_chunks, state, updated_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,'pending',%s) "
    "ON CONFLICT (collection, doc_id) DO UPDATE SET state = 'pending', updated_at = %s"
)
_CHUNKS = (
    "INSERT INTO document_chunks VALUES (%s,%s,%s,%s,%s) ON CONFLICT (collection, chunk_id) "
    "DO UPDATE SET doc_id = EXCLUDED.doc_id, position = EXCLUDED.position, hash = EXCLUDED.hash"
)
_COMMITTED = (
    "UPDATE documents SET root = %s, source = %s, content_hash = %s, title = %s, metadata = %s, "
    "n_chunks = %s, state = 'committed', updated_at = %s WHERE collection = %s AND doc_id = %s"
)


class PgManifest:
    """`Manifest` (interfaces.py) in PostgreSQL tables (`documents`, `document_chunks`,
    `files`; see migrations/)."""

    def __init__(self, db: Database):
        self.db = db

    def close(self) -> None:
        pass  # the Database (pool) is closed by its owner

    def _rows(self, query: str, args: Sequence[Any] = ()) -> list[tuple]:
        with self.db.connection() as conn:
            return conn.execute(query, args).fetchall()

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
        one = collection is not None
        rows = self._rows(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE state = 'committed'"
                          + (" AND collection = %s" if one else "")
                          + ' ORDER BY collection COLLATE "C", doc_id COLLATE "C"',
                          (collection,) if one else ())  # fmt: skip
        return [DocumentInfo.from_row(r) for r in rows]

    def collections(self) -> dict[str, int]:
        return dict(self._rows(
            "SELECT collection, count(*) FROM documents WHERE state = 'committed' "
            'GROUP BY collection ORDER BY collection COLLATE "C"'
        ))  # fmt: skip

    def unfinished(self) -> dict[str, list[str]]:
        rows = self._rows("SELECT collection, doc_id FROM documents WHERE state <> 'committed'")
        return by_collection(rows)

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
            cur.executemany(_PENDING, [d.pending_row(collection, now) for d in docs])

    def commit(self, collection: str, docs: list[PendingDoc]) -> None:
        now = time.time()
        ids = [d.doc_id for d in docs]
        rows = {row[1]: row for d in docs for row in d.chunk_rows(collection)}  # as INSERT OR REPLACE
        with self.db.transaction() as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM document_chunks WHERE collection = %s AND doc_id = ANY(%s)",
                        (collection, ids))  # fmt: skip
            cur.executemany(_CHUNKS, list(rows.values()))
            cur.executemany(_COMMITTED, [d.committed_row(collection, now) for d in docs])

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
