"""The `VectorStore` interface every index backend implements (Qdrant Edge here, pgvector later).

A store keeps chunks with their dense vectors and whatever keyword index it has (BM25), and
answers dense, BM25 and hybrid queries with metadata filters (docs/FILTERS.md). Every call names
a collection and the store enforces it inside the query: a tenant never sees another's chunks,
and a small collection still gets k results of its own next to a large one.

One contract test suite (tests/test_index_contract.py) runs against every backend.
"""

from __future__ import annotations

from typing import Iterable, Literal, Protocol, Sequence, runtime_checkable

import numpy as np

from ragtune.types import Chunk, Filter, Hit

SearchMode = Literal["dense", "bm25", "hybrid"]
MODES: tuple[str, ...] = ("dense", "bm25", "hybrid")
RRF_K = 60  # reciprocal-rank fusion constant (Cormack et al.; Qdrant's default)


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

    def search(
        self,
        collection: str,
        k: int,
        text: str = "",
        vector: np.ndarray | None = None,
        filters: Filter | None = None,
        mode: SearchMode = "hybrid",
    ) -> list[Hit]:
        """Top-k chunks of `collection` that pass `filters` (normalised, see filters.py).

        dense needs `vector`, bm25 needs `text`, hybrid both (fused with RRF, k=60).
        """
        ...

    def get(self, collection: str, chunk_id: str) -> Chunk | None: ...

    def count(self, collection: str | None = None) -> int: ...

    def chunk_ids(self, collection: str) -> set[str]: ...

    def optimize(self) -> None:
        """Build search structures (HNSW) after a bulk write; may take a while."""
        ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal-rank fusion of id lists (best first): for backends that fuse in Python."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank + 1)
    return scores
