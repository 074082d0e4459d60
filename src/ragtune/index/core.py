"""`Index`: a project's hybrid index: a backend's manifest and vector store, ingest and search.

    from ragtune.index import open_index
    with open_index(project) as index:
        index.ingest("docs/", collection="default")
        hits = index.search("refund policy", k=5, filters={"field": "year", "gte": 2024})

The backend (`ragtune.index.edge`, embedded; `ragtune.index.postgres`, a server; chosen by
`index.store`) keeps the store, the manifest and the format record and says who may write.
Everything else is the same on every backend and lives here: the format and embedder checks,
crash recovery, the one write path (`write`: manifest pending -> store -> manifest committed),
batched filtered search, metadata values. Inside a process `open_index` hands every caller the
same `Index` (reference-counted), so strategies and the server share one.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np

from ragtune.config import Settings
from ragtune.corpus.chunking import ChunkingConfig
from ragtune.errors import InputError, RagtuneError
from ragtune.index import filters as F
from ragtune.index.ingest import IngestReport, Progress, doc_hash, run_ingest
from ragtune.index.interfaces import (
    FORMAT_VERSION,
    MODES,
    Backend,
    DocumentInfo,
    Manifest,
    PendingDoc,
    VectorStore,
)
from ragtune.types import Chunk, Filter, Hit

_open: dict[Path, "Index"] = {}
_open_lock = threading.Lock()


def shared_index(path: Path, make: Callable[[], "Index"]) -> "Index":
    """The index open at `path` in this process (one more use of it), or `make()`'s."""
    with _open_lock:
        index = _open.get(path)
        if index is not None and not index.closed:
            index._refs += 1
            return index
        index = make()
        _open[path] = index
        return index


def is_open(path: Path) -> bool:
    with _open_lock:
        index = _open.get(path)
        return index is not None and not index.closed


class Index:
    def __init__(self, path: Path, backend: Backend, settings: Settings, cache_dir: Path | None = None):
        self.path = Path(path)  # the project's index folder (the in-process registry's key)
        self.backend = backend
        self.settings = settings
        self.cache_dir = cache_dir
        self.closed = False
        self._refs = 1
        self._write_lock = threading.RLock()  # threads of this process (the server's)
        self._embedder: Any = None
        self._values_cache: dict[tuple[str, str], set] = {}
        self._generation: Any = None
        self.chunking = ChunkingConfig(settings.index.chunk_tokens, settings.index.chunk_overlap)
        self.store: VectorStore | None = None
        try:
            self.format = self._read_format()
            self.manifest: Manifest = backend.open_manifest()
            if self.format is not None:
                self.store = backend.open_store(int(self.format["dim"]))
                with backend.try_writing() as may_write:
                    self.recovered = self._undo_unfinished() if may_write else 0
            else:
                self.recovered = 0
        except BaseException:
            backend.close()
            raise

    # ---------------------------------------------------------- lifecycle

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        with _open_lock:
            if self.closed:
                return
            self._refs -= 1
            if self._refs > 0:
                return
            self.closed = True
            if _open.get(self.path) is self:
                del _open[self.path]
        try:
            if self.store is not None:
                self.store.close()
            self.manifest.close()
        finally:
            self.backend.close()

    def _check_open(self) -> None:
        if self.closed:
            raise RagtuneError("the index was closed", "open it again with open_index(project)")

    @property
    def signature(self) -> str:
        """What a document's stored form depends on besides its content."""
        e = self.settings.embedder
        return f"{self.chunking.signature()}|{e.model}|{e.name}"

    def _read_format(self) -> dict[str, Any] | None:
        b = self.backend
        text = b.read_format()
        if text is None:
            return None
        try:
            fmt = json.loads(text)
            version = int(fmt["format"])
        except (ValueError, KeyError, TypeError):
            raise RagtuneError(f"the index format record {b.where} is damaged", b.rebuild_hint) from None
        if version != FORMAT_VERSION:
            raise RagtuneError(
                f"the index {b.where} has format {version}; this ragtune reads format {FORMAT_VERSION}",
                b.rebuild_hint,
            )
        if fmt.get("store") != b.name:
            raise RagtuneError(f"the index {b.where} uses store {fmt.get('store')!r}, not {b.name}",
                               b.rebuild_hint)  # fmt: skip
        return fmt

    def _create(self) -> None:
        """First write: the embedder fixes the dimension; write the format record, then the store."""
        emb = self.embedder()
        fmt = {
            "format": FORMAT_VERSION,
            "store": self.backend.name,
            "dim": int(emb.dim),
            "embedder": self.settings.embedder.model,
            "embedder_name": self.settings.embedder.name,
            "embedder_id": getattr(emb, "model_id", ""),
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        self.store = self.backend.open_store(fmt["dim"])
        self.backend.write_format(fmt)
        self.format = fmt

    def _refresh(self) -> None:
        """Another process may have created the index since this one opened it (a server backend)."""
        if self.store is None:
            self.format = self._read_format()
            if self.format is not None:
                self.store = self.backend.open_store(int(self.format["dim"]))

    def _undo_unfinished(self) -> int:
        """Undo what an interrupted writer left half-done (see interfaces.py); needs the write lock."""
        unfinished = self.manifest.unfinished()
        for collection, doc_ids in unfinished.items():
            with self._write_lock:
                self.store.delete_documents(collection, doc_ids)  # type: ignore[union-attr]
                self.store.flush()  # type: ignore[union-attr]
            self.manifest.forget(collection, doc_ids)
        return sum(len(v) for v in unfinished.values())

    # ---------------------------------------------------------- embedding

    def embedder(self) -> Any:
        if self._embedder is None:
            from ragtune.models import get_pool

            # the same pool (and embedding cache) as ragtune.models.project_pool(project)
            emb = get_pool(self.settings, cache_dir=self.cache_dir).embedder()
            if self.format is not None:
                self._check_embedder(emb)
            self._embedder = emb
        return self._embedder

    def _check_embedder(self, emb: Any) -> None:
        fmt = self.format or {}
        built = (fmt.get("embedder"), fmt.get("embedder_name") or "")
        now = (self.settings.embedder.model, self.settings.embedder.name)
        if built != now or int(fmt.get("dim", emb.dim)) != int(emb.dim):
            raise RagtuneError(
                f"the index was built with embedder `{built[0]}` ({fmt.get('dim')} dimensions); "
                f"the settings now name `{now[0]}` ({emb.dim} dimensions)",
                f"set embedder.model back, or {self.backend.rebuild_hint}",
            )

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.embedder().encode(texts)

    # ---------------------------------------------------------- writes

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Held around every write: this process's threads, then the backend's writer lock."""
        self._check_open()
        with self._write_lock, self.backend.writing():
            self._refresh()
            yield

    def ingest(
        self,
        folder: str | Path,
        collection: str | None = None,
        prune: bool = False,
        progress: Progress | None = None,
        max_file_mb: float | None = None,
    ) -> IngestReport:
        """Add new, re-index changed and (with prune) remove deleted documents of a folder."""
        collection = _collection_name(collection or self.settings.index.collection)
        with self._writing():
            if self.store is not None:
                self.recovered += self._undo_unfinished()  # a writer killed since we opened
            else:
                self._create()
            report = run_ingest(self, folder, collection, prune, progress, max_file_mb)
        report.recovered = self.recovered
        self.recovered = 0
        return report

    def write(self, collection: str, docs: list[PendingDoc], chunks: list[Chunk], vectors: np.ndarray) -> int:
        """The one write path: replace these documents' chunks with `chunks` (embedded as
        `vectors`), crash-safe. Returns how many of their old chunks were removed."""
        collection = _collection_name(collection)
        with self._writing():
            if self.store is None:
                self._create()
            old = self.manifest.chunk_ids(collection, [d.doc_id for d in docs])
            new_ids = {c.id for c in chunks}
            stale = [cid for ids in old.values() for cid in ids if cid not in new_ids]
            # pending first: if we die between here and commit, recovery deletes these
            # documents' points and the next run redoes them
            self.manifest.mark_pending(collection, docs)
            if stale:
                self.store.delete_chunks(collection, stale)  # type: ignore[union-attr]
            self.store.upsert(chunks, vectors)  # type: ignore[union-attr]
            self.manifest.commit(collection, docs)
            self._values_cache.clear()
        return len(stale)

    def delete_documents(self, doc_ids: Iterable[str], collection: str | None = None) -> int:
        """Remove documents (all their chunks) from a collection; returns how many existed."""
        collection = collection or self.settings.index.collection
        with self._writing():
            known = self.manifest.hashes(collection)
            ids = [d for d in dict.fromkeys(doc_ids) if d in known]
            if ids and self.store is not None:
                self.manifest.mark_deleting(collection, ids)
                self.store.delete_documents(collection, ids)
                self.manifest.forget(collection, ids)
                self._values_cache.clear()
                self.store.flush()
        return len(ids)

    def upsert_documents(self, docs: Sequence[Any], collection: str | None = None,
                         root: str = "api:") -> dict[str, int]:  # fmt: skip
        """Add or replace documents given as text, without a folder (the server's
        /v1/documents). `docs` are `corpus.loaders.Document`s; unchanged ones are skipped.
        Same pending/commit cycle as ingest, so an acknowledged upsert survives a crash."""
        from ragtune.corpus.chunking import chunk_document, tokens_for

        collection = _collection_name(collection or self.settings.index.collection)
        counts = {"added": 0, "changed": 0, "unchanged": 0, "chunks": 0}
        with self._writing():
            if self.store is None:
                self._create()
            prev = self.manifest.hashes(collection)
            tokens = tokens_for(self.embedder())
            latest = {d.doc_id: d for d in docs}  # the last version of a repeated id wins
            todo, chunks = [], []
            for doc in latest.values():
                h = doc_hash(doc, self.signature)
                if prev.get(doc.doc_id) == h:
                    counts["unchanged"] += 1
                    continue
                counts["changed" if doc.doc_id in prev else "added"] += 1
                cs = chunk_document(doc, tokens, self.chunking, collection)
                chunks += cs
                todo.append(PendingDoc(doc.doc_id, root, doc.source or doc.doc_id, h, doc.title,
                                       doc.metadata, [(c.id, c.position, c.hash) for c in cs]))  # fmt: skip
            if not todo:
                return counts
            self.write(collection, todo, chunks, self.embed([c.embed_text() for c in chunks]))
        counts["chunks"] = len(chunks)
        return counts

    def store_flush(self) -> None:
        with self._write_lock:
            if self.store is not None:
                self.store.flush()

    def optimize(self) -> None:
        with self._write_lock:
            if self.store is not None:
                self.store.optimize()

    # ---------------------------------------------------------- reads

    def search(
        self,
        query: str,
        k: int = 5,
        filters: Filter | None = None,
        mode: str = "hybrid",
        collection: str | None = None,
    ) -> list[Hit]:
        """Top-k chunks for a query: dense, bm25 or hybrid (RRF), filtered, in one collection."""
        return self.search_many([query], k, filters, mode, collection)[0]

    def search_many(
        self,
        queries: Sequence[str],
        k: int = 5,
        filters: Filter | None = None,
        mode: str = "hybrid",
        collection: str | None = None,
    ) -> list[list[Hit]]:
        """Several queries with one batched embedding and one batched store query."""
        self._check_open()
        if mode not in MODES:
            raise InputError(f"unknown search mode {mode!r}", f"use one of: {', '.join(MODES)}")
        if k < 1:
            raise InputError(f"k must be at least 1 (got {k})")
        if not queries:
            return []
        self._refresh()
        if self.store is None:
            raise RagtuneError(
                f"there is no index yet in {self.path.parent.parent}",
                "run `ragtune ingest DIR` first",
            )
        collection = collection or self.settings.index.collection
        flt = self._resolve_fields(F.normalize(filters))
        vectors = self.embed(list(queries)) if mode != "bm25" else None
        return self.store.search_batch(collection, k, list(queries), vectors, flt, mode)  # type: ignore[arg-type]

    def _resolve_fields(self, flt: Filter | None) -> Filter | None:
        """`tag=finance` means the `tags` field when only `tags` exists (and vice versa)."""
        if not flt:
            return flt
        mapping = {}
        for name in F.fields_of(flt):
            if name in F.RESERVED or self.store.field_type(name) is not None:
                continue
            for alt in (name + "s", name[:-1] if name.endswith("s") else None):
                if alt and self.store.field_type(alt) is not None:
                    mapping[name] = alt
                    break
        return F.rename_fields(flt, mapping) if mapping else flt

    def get_chunk(self, chunk_id: str, collection: str | None = None) -> Chunk | None:
        self._check_open()
        if self.store is None:
            return None
        collection = collection or self.manifest.chunk_collection(chunk_id)
        return self.store.get(collection, chunk_id) if collection else None

    def chunks_of(self, doc_id: str, collection: str | None = None) -> list[Chunk]:
        """A document's chunks in order (neighbour expansion, citations)."""
        collection = collection or self.settings.index.collection
        ids = self.manifest.chunk_ids(collection, [doc_id]).get(doc_id, [])
        return [c for c in (self.store.get(collection, i) for i in ids) if c is not None]

    def documents(self, collection: str | None = None) -> list[DocumentInfo]:
        """Committed documents (all collections when None)."""
        self._check_open()
        return self.manifest.documents(collection)

    def collections(self) -> dict[str, int]:
        """{collection: number of documents}."""
        return self.manifest.collections()

    def count(self, collection: str | None = None) -> int:
        """Chunks stored (in one collection, or all)."""
        self._refresh()
        return 0 if self.store is None else self.store.count(collection)

    def metadata_values(self, field: str, collection: str | None = None) -> set:
        """Every value a metadata field takes in a collection (all when None); lists flattened.

        The agentic strategy matches question spans against these. `doc_id` and `title` work too.
        """
        generation = self.backend.generation()  # another process may have changed documents
        if generation != self._generation:
            self._values_cache.clear()
            self._generation = generation
        key = (field, collection or "\x00all")
        if key not in self._values_cache:
            values: set = set()
            for doc in self.manifest.documents(collection):
                if field == "doc_id":
                    v: Any = doc.doc_id
                elif field == "title":
                    v = doc.title
                else:
                    v = doc.metadata.get(field)
                for item in v if isinstance(v, list) else [v]:
                    if item is not None and item != "":
                        values.add(item)
            self._values_cache[key] = values
        return set(self._values_cache[key])

    def metadata_fields(self, collection: str | None = None) -> dict[str, int]:
        """{field: number of documents that have it}."""
        counts: dict[str, int] = {}
        for doc in self.manifest.documents(collection):
            for k in doc.metadata:
                counts[k] = counts.get(k, 0) + 1
        return counts

    def stats(self) -> dict[str, Any]:
        info = self.store.info() if self.store is not None else {"store": None, "points": 0}
        return {**info, "collections": self.collections(), "format": self.format}


def _collection_name(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", name):
        raise InputError(
            f"invalid collection name {name!r}",
            "use letters, digits, `_`, `-` or `.` (at most 64 characters)",
        )
    return name
