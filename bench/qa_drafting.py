"""`ragtune qa` speed: drafting 200 items from a ~400-document corpus with the default models.

Figure: `api.draft_qa` on a fresh project, end to end: ingest of the folder (the index the
retrieval checks search; embedding cache off), questions from the synthesis core, ambiguity
checks, multi-hop/comparison/unanswerable composition, one batched search per round of checks,
the JSONL write. Default settings (the packaged generator is not loaded: with a local model
no item is rephrased by default).
Baseline: `Index.ingest` of the same folder into another fresh project, same process: the
floor for any drafting that checks retrieval against the index.
Target (issue 16): figure <= 180 s on 2 cores; the ratio says what drafting adds to ingest.
Corpus: `ragtune world --size small --seed 0` docs (389 documents: pages, FAQ JSONL, CSV tables,
dated news), or --docs DIR.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=Path, help="a corpus folder (default: the small world)")
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()

    from ragtune import api
    from ragtune.config import CacheSettings, Settings
    from ragtune.index import open_index
    from ragtune.project import Project

    settings = Settings(cache=CacheSettings(embeddings=False, generations=False))
    work = Path(tempfile.mkdtemp(prefix="bench-qa-"))
    try:
        docs = args.docs
        if docs is None:
            from ragtune.world import generate_world

            generate_world("small", 0, work / "world")
            docs = work / "world" / "docs"
        n_docs = sum(1 for p in docs.rglob("*") if p.is_file())
        from ragtune.models import project_pool

        project_pool(Project(work / "warm", settings)).embedder().encode(["warm-up"])  # model load excluded

        t0 = time.perf_counter()
        with open_index(Project(work / "baseline", settings)) as index:
            index.ingest(docs)
        ingest_s = time.perf_counter() - t0

        stages: dict[str, float] = {}
        last = {"t": time.perf_counter(), "stage": ""}

        def progress(stage: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if last["stage"]:
                stages[last["stage"]] = stages.get(last["stage"], 0.0) + now - last["t"]
            last.update(t=now, stage=stage)

        t0 = time.perf_counter()
        stats = api.draft_qa(Project(work / "drafting", settings), docs, work / "qa.jsonl", n=args.n,
                             progress=progress)  # fmt: skip
        draft_s = time.perf_counter() - t0
        progress("", 0, 0)
        report(
            "qa_drafting",
            draft_s=round(draft_s, 2),
            baseline_ingest_s=round(ingest_s, 2),
            ratio_draft_over_ingest=round(draft_s / ingest_s, 2),
            drafting_without_ingest_s=round(stats["seconds"], 2),
            target_s=180,
            within_target=draft_s <= 180,
            files=n_docs,
            documents=stats["documents"],
            chunks=stats["chunks"],
            items=stats["n"],
            by_type=stats["by_type"],
            searches=stats["searches"],
            stage_seconds={k: round(v, 2) for k, v in stages.items()},
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
