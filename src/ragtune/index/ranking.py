"""Ranking rules every store follows, so a ranking means the same on every backend.

Ties are common (BM25 over short chunks, identical texts) and a store breaks them by its own
internal order, which depends on insertion order. Rankings must not: eval runs and the kill -9
test compare results across index builds. So every list is fetched with a margin, sorted by
(score desc, chunk id) and cut, and hybrid fuses the two sorted lists with reciprocal-rank
fusion (k=60) here rather than in the store.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import numpy as np

from ragtune.errors import RagtuneError
from ragtune.index.interfaces import MODES, SearchMode
from ragtune.types import Filter, Hit

RRF_K = 60  # reciprocal-rank fusion constant (Cormack et al.; Qdrant's default)
TIE_MARGIN = 16  # extra results fetched so ties at the cut are broken by chunk id


def rank_key(h: Hit) -> tuple[float, str]:
    """Best first; equal scores (to 6 places) by chunk id."""
    return (-round(h.score, 6), h.chunk_id)


def hybrid_depth(k: int) -> int:
    """How deep each list of a hybrid query goes before fusion."""
    return max(4 * k, 40)


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal-rank fusion of id lists (best first)."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank + 1)
    return scores


def fuse(dense: list[Hit], sparse: list[Hit], k: int) -> list[Hit]:
    """The top k of two ranked lists by RRF, ties by chunk id; a hit's score is its RRF score."""
    by_id = {h.chunk_id: h for h in dense + sparse}
    fused = rrf([[h.chunk_id for h in dense], [h.chunk_id for h in sparse]])
    order = sorted(fused, key=lambda cid: (-fused[cid], cid))[:k]
    return [replace(by_id[cid], score=fused[cid]) for cid in order]


def check_query(mode: str, vectors: object) -> None:
    """What every store's `search_batch` refuses before it queries."""
    if mode not in MODES:
        raise RagtuneError(f"unknown search mode {mode!r}", f"use one of {', '.join(MODES)}")
    if mode != "bm25" and vectors is None:
        raise ValueError(f"mode {mode} needs query vectors")


class SearchOne:
    """`search` (one query) for a store that implements `search_batch`."""

    def search(self, collection: str, k: int, text: str = "", vector: np.ndarray | None = None,
               filters: Filter | None = None, mode: SearchMode = "hybrid") -> list[Hit]:  # fmt: skip
        vectors = None if vector is None else [vector]
        return self.search_batch(collection, k, [text], vectors, filters, mode)[0]  # type: ignore[attr-defined]
