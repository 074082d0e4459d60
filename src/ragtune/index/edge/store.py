"""The embedded store: a Qdrant Edge shard on disk in the project.

One shard holds every collection: dense vectors (cosine, HNSW after `optimize()`), Qdrant's
built-in BM25 sparse vectors (`Bm25`, IDF modifier) and the payload. Dense, BM25 and the filter
run in one batched call (`query_batch`); hybrid fuses the two filtered lists by ranking.py's
rules rather than with `Fusion.Rrf`, because Qdrant breaks score ties by insertion order. The
collection is a tenant-indexed payload field and is part of every query's filter, so a small
collection is searched on its own points (exactly, below the full-scan threshold) whatever
else is stored. BM25 IDF statistics are computed within the collection too.

Payload per point: chunk fields at the top level (`doc_id`, `title`, `heading`, ...), the
chunk's metadata as given (`metadata`) and a filterable copy (`m`, booleans as "true"/"false":
the 0.9 binding does not match booleans). Every metadata field gets a typed payload index on
first sight (keyword, float, datetime), which also tells the filter translator its type.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from ragtune.corpus.frontmatter import normalize_date
from ragtune.errors import IndexLockedError, RagtuneError
from ragtune.index.filters import RESERVED, value_type
from ragtune.index.interfaces import MODES, SearchMode, Vectors
from ragtune.index.ranking import TIE_MARGIN, SearchOne, check_query, fuse, hybrid_depth, rank_key
from ragtune.types import Chunk, Filter, Hit

_NS = uuid.UUID("6f1d3c1e-9a51-4d0b-8a8e-2b3f0c9d7e11")
DENSE, SPARSE = "dense", "bm25"
BM25_AVG_LEN = 100.0  # words in a typical chunk (128 tokens); fixed per index


def point_id(collection: str, chunk_id: str) -> str:
    """Qdrant ids must be ints or UUIDs: a UUID derived from the stable chunk id."""
    return str(uuid.uuid5(_NS, f"{collection}\x00{chunk_id}"))


def _path(field: str) -> str:
    """The payload path of a filterable field; metadata names are quoted (spaces, `:`, `$`)."""
    return field if field in RESERVED else f'm."{field}"'


def _registry_key(path: str) -> str:
    if not path.startswith("m."):
        return path
    name = path[2:]
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = name[1:-1]
    return f"m:{name}"


def _filterable(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return [_filterable(v) for v in value]
    return value


class QdrantEdgeStore(SearchOne):
    name = "qdrant-edge"
    modes = MODES

    def __init__(
        self,
        path: str | Path,
        dim: int,
        hnsw_ef: int = 128,
        indexing_threshold_kb: int | None = None,
        search_threads: int | None = None,
    ):
        import qdrant_edge as q

        self.q = q
        self.path = Path(path)
        self.dim = dim
        self.hnsw_ef = hnsw_ef
        self.indexing_threshold_kb = indexing_threshold_kb  # None: Qdrant's default
        self.search_threads = search_threads  # None: derived from the CPU count
        self._lock = threading.RLock()
        self.bm25 = q.Bm25(q.Bm25Config(avg_len=BM25_AVG_LEN, language="english"))
        try:
            if (self.path / "edge_config.json").exists():
                self.shard = q.EdgeShard.load(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.shard = q.EdgeShard.create(str(self.path), self._config())
        except Exception as e:  # the binding raises plain Exception
            if "WouldBlock" in str(e) or "lock" in str(e).lower():
                raise IndexLockedError(
                    f"index {self.path} is open in another process",
                    "use `ragtune serve`'s API or stop it",
                ) from None
            raise RagtuneError(
                f"cannot open the index at {self.path}: {e}",
                "if it is damaged, delete .ragtune/index and re-ingest",
            ) from None
        # field -> kind, for the filter translator: top-level fields by name, metadata
        # fields as "m:<name>" (Qdrant reports paths quoted or not, as it sees fit)
        self._types: dict[str, str] = {}
        for key, info in self.shard.info().payload_schema.items():
            self._types[_registry_key(key)] = {
                q.PayloadSchemaType.Keyword: "keyword",
                q.PayloadSchemaType.Float: "number",
                q.PayloadSchemaType.Integer: "number",
                q.PayloadSchemaType.Datetime: "datetime",
                q.PayloadSchemaType.Bool: "bool",
            }.get(info.data_type, "keyword")
        if "collection" not in self._types:
            self._index("collection", q.KeywordIndexParams(is_tenant=True), "keyword")
            self._index("doc_id", q.PayloadSchemaType.Keyword, "keyword")
            self._index("chunk_id", q.PayloadSchemaType.Keyword, "keyword")

    def _config(self):  # noqa: ANN202
        q = self.q
        return q.EdgeConfig(
            vectors={DENSE: q.EdgeVectorParams(size=self.dim, distance=q.Distance.Cosine)},
            sparse_vectors={SPARSE: q.EdgeSparseVectorParams(modifier=q.Modifier.Idf)},
            hnsw_config=q.HnswIndexConfig(m=16, ef_construct=128, full_scan_threshold=10000),
            optimizers=q.EdgeOptimizersConfig(indexing_threshold=self.indexing_threshold_kb)
            if self.indexing_threshold_kb
            else None,
            max_search_threads=self.search_threads,
        )

    def _index(self, path: str, schema: Any, kind: str) -> None:
        self.shard.update(self.q.UpdateOperation.create_field_index(path, schema))
        self._types[_registry_key(path)] = kind

    # -------------------------------------------------------------- writes

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        q = self.q
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        if len(chunks) and vectors.shape[1] != self.dim:
            raise RagtuneError(
                f"vectors have {vectors.shape[1]} dimensions, the index {self.dim}",
                "the embedder changed: delete .ragtune/index and re-ingest",
            )
        with self._lock:
            self._ensure_indexes(chunks)
            points = [
                q.Point(
                    point_id(c.collection, c.id),
                    {DENSE: v.tolist(), SPARSE: self.bm25.embed_document(c.embed_text())},
                    self._payload(c),
                )
                for c, v in zip(chunks, np.asarray(vectors, dtype=np.float32))
            ]
            for i in range(0, len(points), 256):
                self.shard.update(q.UpdateOperation.upsert_points(points[i : i + 256]))

    def _payload(self, c: Chunk) -> dict[str, Any]:
        return {
            "chunk_id": c.id,
            "doc_id": c.doc_id,
            "collection": c.collection,
            "title": c.title,
            "heading": c.heading,
            "text": c.text,
            "position": c.position,
            "hash": c.hash,
            "metadata": c.metadata,
            "m": {k: _filterable(v) for k, v in c.metadata.items()},
        }

    def _ensure_indexes(self, chunks: Sequence[Chunk]) -> None:
        q = self.q
        schema = {
            "keyword": q.PayloadSchemaType.Keyword,
            "bool": q.PayloadSchemaType.Keyword,
            "number": q.PayloadSchemaType.Float,
            "datetime": q.PayloadSchemaType.Datetime,
        }
        for c in chunks:
            for key, value in c.metadata.items():
                if f"m:{key}" in self._types:
                    continue
                kind = value_type(value)
                if kind is not None:
                    self._index(_path(key), schema[kind], "keyword" if kind == "bool" else kind)

    def _collection_filter(self, collection: str):  # noqa: ANN202
        q = self.q
        return q.Filter(must=[q.FieldCondition("collection", match=q.MatchValue(collection))])

    def delete_documents(self, collection: str, doc_ids: Iterable[str]) -> None:
        q = self.q
        ids = sorted(set(doc_ids))
        with self._lock:
            for i in range(0, len(ids), 512):
                flt = q.Filter(
                    must=[
                        q.FieldCondition("collection", match=q.MatchValue(collection)),
                        q.FieldCondition("doc_id", match=q.MatchAny(ids[i : i + 512])),
                    ]
                )
                self.shard.update(q.UpdateOperation.delete_points_by_filter(flt))

    def delete_chunks(self, collection: str, chunk_ids: Iterable[str]) -> None:
        ids = [point_id(collection, c) for c in chunk_ids]
        with self._lock:
            for i in range(0, len(ids), 1024):
                self.shard.update(self.q.UpdateOperation.delete_points(ids[i : i + 1024]))

    def optimize(self) -> None:
        with self._lock:
            self.shard.optimize()

    def flush(self) -> None:
        with self._lock:
            self.shard.flush()

    def close(self) -> None:
        with self._lock:
            if getattr(self, "shard", None) is not None:
                self.shard.flush()
                self.shard.close()
                self.shard = None

    # -------------------------------------------------------------- reads

    def search_batch(self, collection: str, k: int, texts: Sequence[str], vectors: Vectors | None = None,
                     filters: Filter | None = None, mode: SearchMode = "hybrid") -> list[list[Hit]]:  # fmt: skip
        """Several queries planned as one batch (eval runs hundreds of questions)."""
        q = self.q
        check_query(mode, vectors)
        if k <= 0:
            return [[] for _ in texts]
        flt = self._collection_filter(collection)
        if filters:
            flt = q.Filter(must=[flt, self.translate(filters)])
        dense_params = q.SearchParams(hnsw_ef=max(self.hnsw_ef, k))
        sparse_params = q.SearchParams(idf=q.IdfParams(corpus=self._collection_filter(collection)))
        # Qdrant breaks score ties by internal point order: each list is fetched with a margin
        # and ranked by ranking.py (one batched call still runs dense, BM25 and filters)
        depth = hybrid_depth(k)
        requests = []
        for i, text in enumerate(texts):
            if mode != "bm25":
                vec = np.asarray(vectors[i], dtype=np.float32).tolist()  # type: ignore[index]
                limit = (k if mode == "dense" else depth) + TIE_MARGIN
                requests.append(q.QueryRequest(
                    limit=limit, query=q.Query.Nearest(vec, using=DENSE), filter=flt,
                    params=dense_params, with_payload=True,
                ))  # fmt: skip
            if mode != "dense":
                limit = (k if mode == "bm25" else depth) + TIE_MARGIN
                requests.append(q.QueryRequest(
                    limit=limit, query=q.Query.Nearest(self.bm25.embed_query(text), using=SPARSE),
                    filter=flt, params=sparse_params, with_payload=True,
                ))  # fmt: skip
        with self._lock:
            if len(requests) == 1:
                results = [self.shard.query(requests[0])]
            else:
                results = self.shard.query_batch(q.QueryBatchRequest(requests))
        ranked = [sorted((self._hit(p) for p in points), key=rank_key) for points in results]
        if mode != "hybrid":
            return [hits[:k] for hits in ranked]
        return [fuse(dense[:depth], sparse[:depth], k) for dense, sparse in zip(ranked[0::2], ranked[1::2])]

    @staticmethod
    def _hit(p: Any) -> Hit:
        pl = p.payload or {}
        return Hit(
            doc_id=pl.get("doc_id", ""),
            chunk_id=pl.get("chunk_id", ""),
            score=float(p.score),
            text=pl.get("text", ""),
            title=pl.get("title", ""),
            heading=pl.get("heading", ""),
            metadata=pl.get("metadata") or {},
            collection=pl.get("collection", ""),
        )

    def get(self, collection: str, chunk_id: str) -> Chunk | None:
        with self._lock:
            recs = self.shard.retrieve([point_id(collection, chunk_id)], True, False)
        if not recs:
            return None
        pl = recs[0].payload or {}
        return Chunk(
            id=pl["chunk_id"],
            doc_id=pl["doc_id"],
            text=pl.get("text", ""),
            position=pl.get("position", 0),
            collection=pl.get("collection", collection),
            title=pl.get("title", ""),
            heading=pl.get("heading", ""),
            metadata=pl.get("metadata") or {},
            hash=pl.get("hash", ""),
        )

    def count(self, collection: str | None = None) -> int:
        q = self.q
        with self._lock:
            if collection is None:
                return self.shard.count(q.CountRequest(exact=True))
            return self.shard.count(q.CountRequest(exact=True, filter=self._collection_filter(collection)))

    def chunk_ids(self, collection: str) -> set[str]:
        return {pl["chunk_id"] for pl in self._payloads(collection, ["chunk_id"])}

    def _payloads(self, collection: str, fields: list[str]) -> Iterable[dict[str, Any]]:
        """Every point's payload (selected fields) in a collection, scrolled in pages."""
        q = self.q
        offset = None
        while True:
            with self._lock:
                recs, offset = self.shard.scroll(
                    q.ScrollRequest(
                        offset=offset,
                        limit=1024,
                        filter=self._collection_filter(collection),
                        with_payload=fields,
                        with_vector=False,
                    )
                )
            for r in recs:
                yield r.payload or {}
            if offset is None:
                break

    def info(self) -> dict[str, Any]:
        with self._lock:
            info = self.shard.info()
        return {
            "store": self.name,
            "points": info.points_count,
            "indexed_vectors": info.indexed_vectors_count,
            "segments": info.segments_count,
        }

    # -------------------------------------------------------------- filters

    def field_type(self, field: str) -> str | None:
        return self._types.get(field if field in RESERVED else f"m:{field}")

    def translate(self, flt: Filter) -> Any:
        """A normalised filter (filters.normalize) -> qdrant_edge.Filter."""
        q = self.q
        if "and" in flt:
            return q.Filter(must=[self.translate(x) for x in flt["and"]])
        if "or" in flt:
            return q.Filter(should=[self.translate(x) for x in flt["or"]])
        if "not" in flt:
            return q.Filter(must_not=[self.translate(flt["not"])])
        field = flt["field"]
        key = _path(field)
        kind = self.field_type(field)
        must: list[Any] = []
        must_not: list[Any] = []
        num: dict[str, float] = {}
        dates: dict[str, str] = {}
        for op, value in flt.items():
            if op == "field":
                continue
            if op in ("eq", "contains"):
                must.append(self._equals(key, value, kind))
            elif op == "ne":
                must_not.append(self._equals(key, value, kind))
            elif op == "in":
                must.append(self._any(key, value, kind))
            elif op == "nin":
                must_not.append(self._any(key, value, kind))
            elif op == "exists":
                (must_not if value else must).append(q.IsEmptyCondition(key))
            elif isinstance(value, str):
                dates[op] = value
            else:
                num[op] = float(value)
        if num:
            must.append(q.FieldCondition(key, range=q.RangeFloat(**num)))
        if dates:
            must.append(q.FieldCondition(key, range=q.RangeDateTime(**dates)))
        return q.Filter(must=must or None, must_not=must_not or None)

    def _equals(self, key: str, value: Any, kind: str | None) -> Any:
        q = self.q
        if isinstance(value, bool):
            return q.FieldCondition(key, match=q.MatchValue("true" if value else "false"))
        if isinstance(value, (int, float)):
            return q.FieldCondition(key, range=q.RangeFloat(gte=float(value), lte=float(value)))
        if kind == "datetime" and normalize_date(value) is not None:
            d = normalize_date(value)
            return q.FieldCondition(key, range=q.RangeDateTime(gte=d, lte=d))
        return q.FieldCondition(key, match=q.MatchValue(value))

    def _any(self, key: str, values: list[Any], kind: str | None) -> Any:
        q = self.q
        words = [v for v in values if isinstance(v, str) and not (kind == "datetime" and normalize_date(v))]
        rest = [v for v in values if v not in words]
        conds = [q.FieldCondition(key, match=q.MatchAny(words))] if words else []
        conds += [self._equals(key, v, kind) for v in rest]
        return conds[0] if len(conds) == 1 else q.Filter(should=conds)
