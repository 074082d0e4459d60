"""Knowledge-injection settings, measured in steps, tokens and CPU seconds (not wall time).

Trains on the facts of a slice of a world's documents (the evidence documents of its
single-hop and reverse questions of the chosen splits) and evaluates closed-book recall of
those questions every few steps: accuracy as a function of optimiser steps, computed tokens,
exposures per fact and this process's CPU seconds (psutil), so runs compare on a shared
machine. The questions are the leakage filter's excluded set, as `--exclude-qa` makes them in
a real run. Choose settings on a world that is not the one measured for acceptance (another
seed) or on its dev split.

    python -m bench finetune_settings --world W1 --splits dev,test --steps 60 --every 10 \\
        --set lr=3e-3 --set batch_rows=4 --data-set forms=cloze,fronted --out r.json

`--set` overrides a TrainConfig field, `--data-set` a DataOptions field (comma lists become
tuples). The run's curve is printed as it goes and written to --out.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import fields, replace
from pathlib import Path
from typing import Any


def _parse(cls: Any, pairs: list[str]) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(cls)}
    out: dict[str, Any] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key not in types:
            raise SystemExit(f"unknown {cls.__name__} field {key!r}")
        t = str(types[key])
        if t.startswith("tuple"):
            out[key] = tuple(v for v in value.split(",") if v)
        elif t == "bool":
            out[key] = value.lower() in ("1", "true", "yes")
        elif t == "int":
            out[key] = int(value)
        elif t == "float":
            out[key] = float(value)
        else:
            out[key] = value
    return out


def main() -> None:
    import psutil

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--world", required=True)
    ap.add_argument("--splits", default="dev,test")
    ap.add_argument("--types", default="single_hop,reverse")
    ap.add_argument("--limit", type=int, default=0, help="At most this many questions (0 = all).")
    ap.add_argument("--train-qa", type=int, default=0,
                    help="Add this many of the world's train split as QA pairs (-1 = all).")
    ap.add_argument("--holdout", type=int, default=0,
                    help="Also hold out this many synthesised questions (type 'heldout') and ask them.")
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--every", type=int, default=10, help="Evaluate every N steps.")
    ap.add_argument("--set", action="append", default=[], help="TrainConfig field=value.")
    ap.add_argument("--data-set", action="append", default=[], help="DataOptions field=value.")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", default="")
    args = ap.parse_args()

    from ragtune.config import Settings
    from ragtune.eval.qa import load_qa
    from ragtune.finetune.data import DataOptions, corpus_chunks, exposure_counts, synthesize
    from ragtune.finetune.leakage import filter_leakage
    from ragtune.finetune.packing import ExampleTokenizer
    from ragtune.finetune.train import DevPrompt, TrainConfig, train
    from ragtune.models import get_pool
    from ragtune.models.locate import converted_smollm2
    from ragtune.prompts import CLOSED_BOOK_SYSTEM

    world = Path(args.world)
    proc = psutil.Process()
    cpu0 = sum(proc.cpu_times()[:2])
    wall0 = time.perf_counter()
    types = set(args.types.split(","))
    questions = [q for s in args.splits.split(",") for q in load_qa(world / "qa" / f"{s}.jsonl")
                 if q.type in types]
    if args.limit:
        questions = questions[: args.limit]
    evidence = {e for q in questions for e in q.evidence}
    chunks = [c for c in corpus_chunks(world / "docs", Settings()) if c.doc_id in evidence]
    train_qa = load_qa(world / "qa" / "train.jsonl") if args.train_qa else []
    if args.train_qa > 0:
        train_qa = train_qa[: args.train_qa]
    dopts = DataOptions(**{"text": False, "dev_holdout": args.holdout, **_parse(DataOptions, args.data_set)})
    data = synthesize(chunks, dopts, train_qa=train_qa, dev_qa=None if args.holdout else [])
    held = [replace(q, type="heldout") for q in data.dev]
    embedder = get_pool(Settings()).embedder()
    kept, leak = filter_leakage(data.examples, [q.question for q in questions], embedder)
    counts = exposure_counts(kept)
    per_fact = sum(counts.values()) / max(len(counts), 1)  # examples per fact per epoch
    cfg = TrainConfig(**{"max_steps": args.steps, "eval_every_steps": args.every, "patience": 0,
                         "checkpoint_every_steps": 10**9, "threads": args.threads,
                         **_parse(TrainConfig, args.set)})
    dev = [DevPrompt(q, q.question, CLOSED_BOOK_SYSTEM, "closed_book") for q in [*questions, *held]]
    curve: list[dict[str, Any]] = []
    n_examples = len(kept)
    clock = {"train_cpu": 0.0, "last": 0.0}
    result_seen: list[int] = []  # CPU seconds of training steps (evaluations apart)

    def cpu_now() -> float:
        return sum(proc.cpu_times()[:2]) - cpu0

    def progress(event: str, info: dict[str, Any]) -> None:
        now = cpu_now()
        if event == "step":
            clock["train_cpu"] += now - clock["last"]
            result_seen[:] = [info["examples_seen"]]
        clock["last"] = now
        if event == "eval":
            seen = result_seen[0] if result_seen else 0
            point = {"step": info["step"], "tokens": info["tokens"], "epoch": info["epoch"],
                     "exposures_per_fact": round(seen / max(n_examples, 1) * per_fact, 2),
                     "accuracy": info["accuracy"], "by_type": info.get("by_type"),
                     "loss": round(info.get("loss", 0), 3), "train_cpu_s": round(clock["train_cpu"], 1),
                     "eval_s": info.get("seconds"), "wall_s": round(time.perf_counter() - wall0, 1)}
            curve.append(point)
            print(json.dumps(point), flush=True)
        elif event == "start":
            print(json.dumps({"start": info, "examples": n_examples, "facts": len(counts),
                              "per_fact": round(per_fact, 2)}), flush=True)

    import tempfile

    base, _ = converted_smollm2()
    with tempfile.TemporaryDirectory() as tmp:
        result = train(base, lambda tok: [ExampleTokenizer(tok)(e) for e in kept], dev, cfg,
                       Path(tmp), progress)
    s = result.state
    out = {
        "command": " ".join(["python -m bench finetune_settings", *sys.argv[1:]]),
        "questions": len(questions), "chunks": len(chunks), "examples": n_examples,
        "facts": len(counts), "per_fact": round(per_fact, 2), "leakage_dropped": leak.dropped, "by_origin": data.counts(),
        "train": cfg.to_dict(), "data": dopts.to_dict(), "curve": curve,
        "steps": s.step, "tokens": s.tokens, "examples_seen": s.examples_seen,
        "exposures_per_fact": round(s.examples_seen / max(n_examples, 1) * per_fact, 2),
        "train_cpu_s": round(clock["train_cpu"], 1), "cpu_s": round(cpu_now(), 1),
        "eval_s": round(sum(p["eval_s"] or 0 for p in curve), 1),
        "peak_rss_mb": round(result.peak_rss_mb, 1),
    }
    print(json.dumps({k: v for k, v in out.items() if k != "curve"}), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
