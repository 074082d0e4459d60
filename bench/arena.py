"""Arena answering speed on the fast int8 backend vs torch fp32, accuracy side by side.

Figure: answers per second of `rag` and `agentic` over the small world's test split (seed 0,
136 questions; --limit for fewer), batches of 32 as `ragtune compare` answers them, caches
off, on the int8 CTranslate2 generator (model.backend = auto).
Baseline: the same strategies, questions and index on the torch fp32 generator
(model.backend = torch, RAGTUNE_MODEL_BACKEND=torch), in the same process.
Targets: answers/s >= 1.5x for rag and agentic, with the int8 accuracy inside the torch
accuracy's 95% interval (both reported with their intervals).
"""

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.common import report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--strategies", default="rag,agentic")
    ap.add_argument("--limit", type=int, default=0, help="first N test questions (0 = all)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    from bench.common import generators
    from ragtune.arena.runner import caches_off
    from ragtune.config import Settings
    from ragtune.eval.metrics import aggregate, score_item
    from ragtune.eval.qa import load_qa
    from ragtune.index import open_index
    from ragtune.project import Project
    from ragtune.strategies import build_strategy
    from ragtune.world import generate_world

    work = Path(tempfile.mkdtemp(prefix="bench-arena-"))
    world = work / "world"
    generate_world("small", args.seed, world)
    project = Project(root=work / "project", settings=Settings(), origin={})
    project.root.mkdir(parents=True, exist_ok=True)
    index = open_index(project)
    index.ingest(world / "docs")
    test = load_qa(world / "qa" / "test.jsonl")
    test = test[: args.limit] if args.limit else test
    train, dev = load_qa(world / "qa" / "train.jsonl"), load_qa(world / "qa" / "dev.jsonl")
    gens = generators()

    figures: dict = {}
    specs = [s.strip() for s in args.strategies.split(",") if s.strip()]
    for n, spec in enumerate(specs):
        row: dict = {}
        # alternate which backend goes first, so drift on a noisy machine hits both alike
        order = ["fast", "torch"] if n % 2 == 0 else ["torch", "fast"]
        for backend in order:
            gen = gens[backend]
            pipe = build_strategy(spec, project, generator=gen, index=index)
            pipe.prepare(project, train, dev)
            pipe.answer_many([test[0].question], batch_size=1)  # warm-up
            answers = []
            with caches_off(index.embedder()):
                t0 = time.perf_counter()
                for start in range(0, len(test), args.batch_size):
                    part = test[start : start + args.batch_size]
                    answers += pipe.answer_many([q.question for q in part], batch_size=len(part))
                seconds = time.perf_counter() - t0
            overall = aggregate([score_item(q, a) for q, a in zip(test, answers)])["overall"]
            row[backend] = {
                "answers_per_s": len(test) / seconds, "seconds": seconds,
                "accuracy": overall["accuracy"], "accuracy_ci": overall["accuracy_ci"],
            }
        fast, base = row["fast"], row["torch"]
        lo, hi = base["accuracy_ci"]
        row["speedup"] = fast["answers_per_s"] / base["answers_per_s"]
        row["accuracy_inside_torch_ci"] = lo <= fast["accuracy"] <= hi
        figures[spec] = row
    index.close()
    out = report(
        "arena",
        **figures,
        target="answers/s >= 1.5x for each strategy; int8 accuracy inside the torch 95% interval",
        questions=len(test),
        world="small",
        split="test",
        seed=args.seed,
        batch_size=args.batch_size,
    )
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str))


if __name__ == "__main__":
    main()
