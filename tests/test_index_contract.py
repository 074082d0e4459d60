"""The VectorStore contract: every backend passes these: the embedded Qdrant Edge store and
PostgreSQL + pgvector (a real server: the `postgres_url` fixture, a fresh schema per test).

No model needed: vectors are hashed bags of words, so dense search is meaningful and fast.
Filter semantics are checked against `filters.matches`, the reference implementation.
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path
from typing import Callable

import numpy as np
import pytest

from ragtune.index import filters as F
from ragtune.index import VectorStore
from ragtune.types import Chunk

DIM = 64


def fake_embed(texts: list[str]) -> np.ndarray:
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in re.findall(r"\w+", t.lower()):
            out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % DIM] += 1.0
    out += 1e-3  # no zero vectors
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def make_edge(request: pytest.FixtureRequest, path: Path) -> VectorStore:
    from ragtune.index.edge import QdrantEdgeStore

    # a low indexing threshold so the 1:1000 test runs on a built HNSW graph
    return QdrantEdgeStore(path, DIM, indexing_threshold_kb=100)


def make_pgvector(request: pytest.FixtureRequest, path: Path) -> VectorStore:
    from ragtune.index.postgres import PgVectorStore

    return PgVectorStore(request.getfixturevalue("pg_schema")[1], DIM)


STORE_FACTORIES: dict[str, Callable[[pytest.FixtureRequest, Path], VectorStore]] = {
    "qdrant-edge": make_edge, "pgvector": make_pgvector}  # fmt: skip


@pytest.fixture(params=sorted(STORE_FACTORIES))
def store(request, tmp_path):
    s = STORE_FACTORIES[request.param](request, tmp_path / "store")
    yield s
    s.close()


def _chunk(i: int, collection: str = "default", **meta) -> Chunk:
    return Chunk(
        id=f"doc{i}::0-{i:08x}",
        doc_id=f"doc{i}",
        text=f"chunk number {i} about {meta.pop('topic', 'nothing')}",
        position=0,
        collection=collection,
        title=f"T{i}",
        heading="H",
        metadata=meta,
        hash=f"{i:016x}",
    )


def _put(store: VectorStore, chunks: list[Chunk]) -> None:
    store.upsert(chunks, fake_embed([c.embed_text() for c in chunks]))
    store.flush()


def test_roundtrip_and_count(store):
    c = _chunk(1, year=2024, tags=["a", "b"], draft=True, date="2024-05-01", topic="apples")
    _put(store, [c, _chunk(2, collection="other")])
    got = store.get("default", c.id)
    assert got == c
    assert store.get("other", c.id) is None
    assert store.count("default") == 1 and store.count("other") == 1 and store.count() == 2
    assert store.chunk_ids("default") == {c.id}


def test_upsert_replaces_and_deletes(store):
    _put(store, [_chunk(i) for i in range(5)])
    changed = _chunk(3, topic="bananas")
    _put(store, [changed])
    assert store.count("default") == 5
    assert "bananas" in store.get("default", changed.id).text
    store.delete_documents("default", ["doc0", "doc1"])
    store.delete_chunks("default", [_chunk(2).id])
    store.flush()
    assert store.chunk_ids("default") == {_chunk(3).id, _chunk(4).id}


def test_modes(store):
    topics = ["apples and pears", "rockets and fuel", "violins and cellos", "granite quarries"]
    _put(store, [_chunk(i, topic=t) for i, t in enumerate(topics)])
    vec = fake_embed(["rockets fuel"])[0]
    dense = store.search("default", 2, text="", vector=vec, mode="dense")
    bm25 = store.search("default", 2, text="violins", mode="bm25")
    hybrid = store.search("default", 4, text="violins", vector=vec, mode="hybrid")
    assert dense[0].doc_id == "doc1" and dense[0].score > dense[1].score
    assert [h.doc_id for h in bm25] == ["doc2"]  # BM25 finds only chunks with the term
    assert {"doc1", "doc2"} <= {h.doc_id for h in hybrid[:2]}
    assert all(h.collection == "default" and h.title and h.text for h in hybrid)


def _random_chunks(n: int, seed: int = 0) -> list[Chunk]:
    rng = random.Random(seed)
    chunks = []
    for i in range(n):
        meta = {
            "year": rng.choice([2019, 2020, 2021, 2022, 2023]),
            "score": round(rng.random(), 3),
            "tags": rng.sample(["a", "b", "c", "d"], rng.randint(0, 2)),
            "region": rng.choice(["eu", "us", "asia"]),
            "date": f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "draft": rng.random() < 0.3,
        }
        if rng.random() < 0.5:
            meta["author"] = rng.choice(["ann", "bob"])
        if not meta["tags"]:
            del meta["tags"]
        chunks.append(_chunk(i, topic=rng.choice(["x", "y"]), **meta))
    return chunks


FILTER_CASES = [
    {"field": "year", "gte": 2021},
    {"field": "year", "gt": 2020, "lte": 2022},
    {"field": "year", "eq": 2021},
    {"year": 2021},
    {"field": "year", "ne": 2021},
    {"field": "score", "lt": 0.5},
    {"field": "tags", "contains": "a"},
    {"tags": "b"},
    {"field": "tags", "in": ["a", "c"]},
    {"field": "tags", "nin": ["a"]},
    {"field": "region", "ne": "eu"},
    {"region": ["eu", "us"]},
    {"field": "date", "gte": "2021-06-01"},
    {"field": "date", "lt": "2021-06-01T00:00:00Z"},
    {"field": "date", "eq": "2021-03-05"},
    {"field": "draft", "eq": True},
    {"draft": False},
    {"field": "author", "exists": True},
    {"field": "author", "exists": False},
    {"field": "doc_id", "in": ["doc1", "doc5", "doc9"]},
    {"field": "title", "eq": "T7"},
    {"or": [{"field": "year", "lt": 2020}, {"tags": "d"}]},
    {"not": {"field": "region", "in": ["eu", "asia"]}},
    {"and": [{"field": "year", "gte": 2020}, {"not": {"author": "ann"}}, {"tags": ["a", "b"]}]},
    [{"field": "score", "gte": 0.25}, {"field": "score", "lt": 0.75}],
    {"field": "nosuchfield", "eq": "x"},
]


def test_filters_match_reference(store):
    chunks = _random_chunks(150)
    _put(store, chunks)
    vec = fake_embed(["chunk"])[0]
    for case in FILTER_CASES:
        flt = F.normalize(case)
        expected = {
            c.id
            for c in chunks
            if F.matches(flt, {**c.metadata, "doc_id": c.doc_id, "title": c.title, "heading": c.heading})
        }
        for mode in ("dense", "hybrid"):
            got = {h.chunk_id for h in store.search("default", 200, "chunk", vec, flt, mode)}
            assert got == expected, (case, mode, len(got), len(expected))


def test_collections_are_isolated(store):
    a = [_chunk(i, collection="a", topic="shared words") for i in range(5)]
    b = [_chunk(i, collection="b", topic="shared words") for i in range(5)]  # same chunk ids
    _put(store, a + b)
    store.delete_documents("b", ["doc0"])
    store.flush()
    assert store.count("a") == 5 and store.count("b") == 4
    vec = fake_embed(["shared words"])[0]
    for mode in ("dense", "bm25", "hybrid"):
        hits = store.search("a", 10, "shared words", vec, None, mode)
        assert len(hits) == 5 and {h.collection for h in hits} == {"a"}


def test_small_collection_next_to_a_1000_times_larger_one(store):
    rng = np.random.default_rng(0)
    big = 5000
    centers = rng.normal(size=(20, DIM)).astype(np.float32)
    big_vecs = centers[rng.integers(0, 20, big)] + 0.3 * rng.normal(size=(big, DIM)).astype(np.float32)
    big_chunks = [_chunk(i, collection="big", topic="common filler words") for i in range(big)]
    small_chunks = [_chunk(i, collection="small", topic="common filler words") for i in range(5)]
    small_vecs = rng.normal(size=(5, DIM)).astype(np.float32)
    for chunks, vecs in ((big_chunks, big_vecs), (small_chunks, small_vecs)):
        vecs = vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
        store.upsert(chunks, vecs)
    store.flush()
    store.optimize()
    info = getattr(store, "info", lambda: {})()
    assert info.get("indexed_vectors", big + 5) >= big  # the graph exists (where a store says)
    query = big_vecs[0] / np.linalg.norm(big_vecs[0])  # right next to the big collection
    for mode in ("dense", "bm25", "hybrid"):
        hits = store.search("small", 5, "common filler", query, None, mode)
        assert len(hits) == 5 and {h.collection for h in hits} == {"small"}, mode
        filtered = store.search("small", 5, "common filler", query, {"field": "doc_id", "ne": "doc0"}, mode)
        assert len(filtered) == 4 and "doc0" not in {h.doc_id for h in filtered}


def test_awkward_metadata_keys(store):
    meta = {"Publish Date": "2024-01-02", "año": 5, "a-b": "x", "a:b": "c", "1st": "one", "$x": True}
    _put(store, [_chunk(1, **meta), _chunk(2, topic="other")])
    vec = fake_embed(["chunk"])[0]
    for key, value in meta.items():
        hits = store.search("default", 5, "chunk", vec, F.normalize({"field": key, "eq": value}), "dense")
        assert [h.doc_id for h in hits] == ["doc1"], key
    assert store.get("default", _chunk(1).id).metadata == meta
