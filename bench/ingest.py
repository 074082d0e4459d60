"""Ingest throughput vs the bare embedder on the same chunks.

Figure: `Index.ingest` of a generated mixed-format corpus into a fresh project (scan, parse,
front matter, chunking with the embedder's tokenizer, embedding, BM25, store writes, manifest),
`optimize()` excluded and reported separately, embedding cache off.
Baseline: the same embedder's `encode` on exactly the texts the index embedded (chunk
`embed_text()`), same batch size, same process: the floor for any ingest.
Target: ratio (baseline time / ingest time) >= 0.9, median of interleaved runs.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import median, report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=400, help="documents in the corpus")
    ap.add_argument("--filler", type=int, default=2, help="filler sentences per document")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from ragtune.config import CacheSettings, Settings
    from ragtune.corpus.sample import write_mixed_corpus
    from ragtune.index import open_index
    from ragtune.models import get_pool
    from ragtune.project import Project

    settings = Settings(cache=CacheSettings(embeddings=False, generations=False))
    emb = get_pool(settings).embedder()
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        corpus = work / "docs"
        write_mixed_corpus(corpus, args.docs, bad=False, filler_sentences=args.filler)

        def ingest_once(i: int) -> tuple[float, float, list[str], dict]:
            project = Project(work / f"p{i}", settings)
            with open_index(project) as index:
                t0 = time.perf_counter()
                rep = index.ingest(corpus)
                total = time.perf_counter() - t0
                texts = [
                    index.store.get("default", cid).embed_text()
                    for ids in index.manifest.chunk_ids("default").values()
                    for cid in ids
                ]
            opt = rep.seconds.get("optimize", 0.0)
            return total - opt, opt, texts, rep.seconds

        # warm-up (tokenizer, BM25 model, qdrant), and the texts for the baseline
        _, _, texts, _ = ingest_once(0)

        def bare() -> float:
            t0 = time.perf_counter()
            emb.encode(texts)
            return time.perf_counter() - t0

        bare()
        ours, base, opts, parts = [], [], [], []
        for i in range(1, args.runs + 1):
            if i % 2:
                t, o, _, s = ingest_once(i)
                b = bare()
            else:
                b = bare()
                t, o, _, s = ingest_once(i)
            ours.append(t)
            base.append(b)
            opts.append(o)
            parts.append(s)
        report(
            "ingest",
            ingest_s=median(ours),
            baseline_bare_encode_s=median(base),
            ratio=median(base) / median(ours),
            target=">= 0.9",
            optimize_s_excluded=median(opts),
            documents=args.docs,
            chunks=len(texts),
            chunks_per_s=len(texts) / median(ours),
            breakdown_s=parts[len(parts) // 2],
            runs=args.runs,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
