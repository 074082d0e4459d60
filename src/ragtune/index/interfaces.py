"""What the index asks of a backend: a `VectorStore`, a `Manifest` and a `Backend` that opens them.

A store keeps chunks with their dense vectors and whatever keyword index it has (BM25), and
answers dense, BM25 and hybrid queries with metadata filters (docs/FILTERS.md). Every call names
a collection and the store enforces it inside the query: a tenant never sees another's chunks,
and a small collection still gets k results of its own next to a large one.

The manifest is the source of truth for incremental ingest and crash recovery. It records, per
collection, every document (content hash, source file, metadata, state) and its chunk ids. A
document is marked `pending` *before* the store is touched and `committed` after its points are
written; removals are marked `deleting` first. After a crash (kill -9), `unfinished()` finds the
documents left `pending`/`deleting`, and the index deletes their points and forgets them, so the
next ingest redoes exactly those documents and the result equals an uninterrupted run. `files`
remembers size and mtime of each ingested file (written at the end of a successful run) so an
unchanged file is not even parsed again.

Backends: `ragtune.index.edge` (Qdrant Edge + SQLite, embedded) and `ragtune.index.postgres`
(PostgreSQL + pgvector). One contract test suite (tests/test_index_contract.py) runs against
every store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, ContextManager, Iterable, Literal, Protocol, Sequence, runtime_checkable

import numpy as np

from ragtune.types import Chunk, Filter, Hit

SearchMode = Literal["dense", "bm25", "hybrid"]
MODES: tuple[str, ...] = ("dense", "bm25", "hybrid")
Vectors = Sequence[np.ndarray] | np.ndarray  # query vectors, one per text
FORMAT_VERSION = 1  # of the index's format record (store, embedder, dimension)
REBUILD_HINT = "delete .ragtune/index (or run `ragtune ingest DIR --rebuild`) and ingest again"


DOCUMENT_COLUMNS = "doc_id, collection, source, title, content_hash, n_chunks, metadata, root"


@dataclass
class DocumentInfo:
    doc_id: str
    collection: str
    source: str
    title: str
    content_hash: str
    n_chunks: int
    metadata: dict[str, Any] = field(default_factory=dict)
    root: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> "DocumentInfo":
        """From a manifest row of DOCUMENT_COLUMNS (metadata as JSON text)."""
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]), row[7])


@dataclass
class PendingDoc:
    """A document about to be (re)written: what the manifest records before the store write."""

    doc_id: str
    root: str
    source: str
    content_hash: str
    title: str
    metadata: dict[str, Any]
    chunks: list[tuple[str, int, str]]  # (chunk_id, position, hash)

    # the rows both manifests write, in their tables' column order
    def pending_row(self, collection: str, now: float) -> tuple:
        """documents (collection, doc_id, root, source, content_hash, title, metadata,
        n_chunks), then updated_at for the insert and for the update on conflict."""
        return (collection, self.doc_id, self.root, self.source, self.content_hash, self.title,
                json.dumps(self.metadata, sort_keys=True), len(self.chunks), now, now)  # fmt: skip

    def committed_row(self, collection: str, now: float) -> tuple:
        """root, source, content_hash, title, metadata, n_chunks, updated_at; collection, doc_id."""
        return (self.root, self.source, self.content_hash, self.title,
                json.dumps(self.metadata, sort_keys=True), len(self.chunks), now, collection,
                self.doc_id)  # fmt: skip

    def chunk_rows(self, collection: str) -> list[tuple[str, str, str, int, str]]:
        """(collection, chunk_id, doc_id, position, hash) per chunk."""
        return [(collection, cid, self.doc_id, pos, h) for cid, pos, h in self.chunks]


def by_collection(rows: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """{collection: [doc ids]} from (collection, doc_id) rows, in row order."""
    out: dict[str, list[str]] = {}
    for collection, doc_id in rows:
        out.setdefault(collection, []).append(doc_id)
    return out


@runtime_checkable
class VectorStore(Protocol):
    name: str

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Insert or replace chunks (keyed by collection + chunk id) with their dense vectors."""
        ...

    def delete_documents(self, collection: str, doc_ids: Iterable[str]) -> None:
        """Remove every chunk of these documents from one collection."""
        ...

    def delete_chunks(self, collection: str, chunk_ids: Iterable[str]) -> None: ...

    def search(self, collection: str, k: int, text: str = "", vector: np.ndarray | None = None,
               filters: Filter | None = None, mode: SearchMode = "hybrid") -> list[Hit]:  # fmt: skip
        """Top-k chunks of `collection` that pass `filters` (normalised, see filters.py).

        dense needs `vector`, bm25 needs `text`, hybrid both (fused with RRF, k=60). Ranking
        follows ranking.py on every backend."""
        ...

    def search_batch(self, collection: str, k: int, texts: Sequence[str], vectors: Vectors | None = None,
                     filters: Filter | None = None, mode: SearchMode = "hybrid") -> list[list[Hit]]:  # fmt: skip
        """`search` for several queries at once (one round trip where the backend can)."""
        ...

    def get(self, collection: str, chunk_id: str) -> Chunk | None: ...

    def count(self, collection: str | None = None) -> int: ...

    def chunk_ids(self, collection: str) -> set[str]: ...

    def field_type(self, field: str) -> str | None:
        """The kind of a filterable field (keyword, number, datetime), None if never stored."""
        ...

    def info(self) -> dict[str, Any]:
        """{store, points, indexed_vectors, ...} for `ragtune index stats`."""
        ...

    def optimize(self) -> None:
        """Build search structures (HNSW) after a bulk write; may take a while."""
        ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class Manifest(Protocol):
    """Documents, their chunk ids and ingested files per collection (see the module docstring)."""

    def hashes(self, collection: str) -> dict[str, str]:
        """{doc_id: content hash} of committed documents."""
        ...

    def docs_of_root(self, collection: str, root: str) -> dict[str, str]:
        """{doc_id: source} for documents ingested from one corpus folder."""
        ...

    def chunk_ids(self, collection: str, doc_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """{doc_id: [chunk ids in order]}."""
        ...

    def chunk_collection(self, chunk_id: str) -> str | None:
        """The collection holding a chunk id (`default` first when several do)."""
        ...

    def documents(self, collection: str | None = None) -> list[DocumentInfo]:
        """Committed documents of one collection (all when None), by collection and id."""
        ...

    def collections(self) -> dict[str, int]:
        """{collection: committed documents}."""
        ...

    def unfinished(self) -> dict[str, list[str]]:
        """{collection: [doc ids]} left pending/deleting by an interrupted run."""
        ...

    def file_unchanged(
        self, collection: str, root: str, relpath: str, size: int, mtime_ns: int, signature: str
    ) -> bool: ...

    def mark_pending(self, collection: str, docs: list[PendingDoc]) -> None: ...

    def commit(self, collection: str, docs: list[PendingDoc]) -> None: ...

    def mark_deleting(self, collection: str, doc_ids: list[str]) -> None: ...

    def forget(self, collection: str, doc_ids: list[str]) -> None:
        """Drop documents (and their chunks and file records) from the manifest."""
        ...

    def record_files(self, collection: str, root: str, rows: list[tuple[str, int, int, str]]) -> None:
        """(relpath, size, mtime_ns, signature) of files read completely."""
        ...

    def close(self) -> None: ...


class Backend(Protocol):
    """Where an index keeps its store, manifest and format record, and who may write.

    Opening a backend takes whatever lock opening needs (the embedded one: the project's
    process lock); `close()` releases it."""

    name: str  # the store's name in the format record
    where: str  # for messages: "at /path/.ragtune/index", "in schema `x` at postgresql://…"
    rebuild_hint: str

    def read_format(self) -> str | None:
        """The format record's JSON text, None when no index was created yet."""
        ...

    def write_format(self, fmt: dict[str, Any]) -> None: ...

    def open_manifest(self) -> Manifest: ...

    def open_store(self, dim: int) -> VectorStore: ...

    def writing(self) -> ContextManager[None]:
        """Held around every write (re-entrant): one writer at a time across processes."""
        ...

    def try_writing(self) -> ContextManager[bool]:
        """The write lock if it is free now (yields False when it is not, or is read-only)."""
        ...

    def generation(self) -> Any:
        """Changes whenever any process changes documents (for the metadata-values cache)."""
        ...

    def close(self) -> None: ...
