"""Filtered top-10 search: our store vs exact numpy (recall) and vs FAISS HNSW (speed).

Data: N embedding-like vectors (a mixture of Gaussian clusters on the unit sphere, not uniform
noise), 384 dimensions, a `category` field with 10 values; the filter keeps one (10%).
Figure: `QdrantEdgeStore.search(mode="dense", filters={"category": "c3"})`, one query per call
through our whole search path (filter translation, payload, hits), one search thread, after
`optimize()` (build time reported separately).
Baselines, same run: exact filtered top-10 in numpy (recall@10 = overlap / 10), and FAISS
HNSW (M=32, efConstruction=128) with an `IDSelectorBitmap` filter, one thread, its efSearch
raised until its filtered recall reaches ours; its QPS at that ef.
Targets: recall@10 >= 0.98; QPS ratio (ours / FAISS at equal recall) >= 0.8.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import report


def clustered(n: int, dim: int, clusters: int, rng: np.random.Generator) -> np.ndarray:
    centers = rng.normal(size=(clusters, dim)).astype(np.float32)
    centers /= np.linalg.norm(centers, axis=1, keepdims=True)
    spread = rng.uniform(0.05, 0.12, size=clusters).astype(np.float32)  # per-dimension noise
    which = rng.integers(0, clusters, n)
    x = centers[which] + rng.normal(size=(n, dim)).astype(np.float32) * spread[which, None]
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--clusters", type=int, default=200)
    ap.add_argument("--ef", type=int, default=128, help="our HNSW search ef")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    import faiss

    from ragtune.index.edge import QdrantEdgeStore
    from ragtune.types import Chunk

    rng = np.random.default_rng(args.seed)
    data = clustered(args.n + args.queries, args.dim, args.clusters, rng)
    vectors, queries = data[: args.n], data[args.n :]
    category = rng.integers(0, 10, args.n)
    allowed = np.flatnonzero(category == 3)
    flt = {"field": "category", "eq": "c3"}

    # exact filtered top-10
    sub = vectors[allowed]
    exact = [set(allowed[np.argsort(-(sub @ q))[:10]].tolist()) for q in queries]

    work = Path(tempfile.mkdtemp(prefix="bench-filtered-"))
    try:
        store = QdrantEdgeStore(work / "store", args.dim, hnsw_ef=args.ef, search_threads=1)
        t0 = time.perf_counter()
        step = 2000
        for i in range(0, args.n, step):
            chunks = [
                Chunk(id=f"v{j}", doc_id=f"v{j}", text=f"item {j}", collection="bench",
                      metadata={"category": f"c{category[j]}"})  # fmt: skip
                for j in range(i, min(i + step, args.n))
            ]
            store.upsert(chunks, vectors[i : i + step])
        insert_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        store.optimize()
        optimize_s = time.perf_counter() - t0
        info = store.info()

        def ours(q: np.ndarray) -> list[int]:
            hits = store.search("bench", 10, vector=q, filters=flt, mode="dense")
            return [int(h.doc_id[1:]) for h in hits]

        for q in queries[:50]:  # warm-up
            ours(q)
        t0 = time.perf_counter()
        got = [ours(q) for q in queries]
        ours_s = time.perf_counter() - t0
        ours_recall = float(np.mean([len(exact[i] & set(g)) / 10 for i, g in enumerate(got)]))
        ours_qps = len(queries) / ours_s
        store.close()

        faiss.omp_set_num_threads(2)
        t0 = time.perf_counter()
        index = faiss.IndexHNSWFlat(args.dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 128
        index.add(vectors)
        faiss_build_s = time.perf_counter() - t0
        faiss.omp_set_num_threads(1)
        bitmap = np.zeros((args.n + 7) // 8, dtype=np.uint8)
        for i in allowed:
            bitmap[i >> 3] |= 1 << (i & 7)
        selector = faiss.IDSelectorBitmap(args.n, faiss.swig_ptr(bitmap))
        sweep = []
        for ef in (16, 32, 64, 128, 256, 512, 1024, 2048, 4096):
            params = faiss.SearchParametersHNSW(efSearch=ef, sel=selector)
            for q in queries[:50]:
                index.search(q[None, :], 10, params=params)
            t0 = time.perf_counter()
            res = [index.search(q[None, :], 10, params=params)[1][0] for q in queries]
            dt = time.perf_counter() - t0
            recall = float(np.mean([len(exact[i] & set(r.tolist())) / 10 for i, r in enumerate(res)]))
            sweep.append({"ef": ef, "recall": round(recall, 4), "qps": round(len(queries) / dt, 1)})
            if recall >= ours_recall:
                break
        match = sweep[-1]
        report(
            "filtered_search",
            recall_at_10=ours_recall,
            recall_target=">= 0.98",
            qps=ours_qps,
            baseline_faiss_qps=match["qps"],
            baseline_faiss_ef=match["ef"],
            baseline_faiss_recall=match["recall"],
            baseline_reached_our_recall=match["recall"] >= ours_recall,
            ratio=ours_qps / match["qps"],
            target=">= 0.8",
            faiss_sweep=sweep,
            our_ef=args.ef,
            n=args.n,
            dim=args.dim,
            queries=args.queries,
            filter_selectivity=len(allowed) / args.n,
            insert_s=insert_s,
            optimize_s=optimize_s,
            faiss_build_s=faiss_build_s,
            indexed_vectors=info["indexed_vectors"],
            segments=info["segments"],
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
