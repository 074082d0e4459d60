"""The figures of scripts/gpu_check.sh (run that, not this): generator load and batched
generation on the GPU, a 2-minute LoRA fine-tune, a tiny compare of three strategies.

    python scripts/gpu_check.py [OUT_DIR] [--device cuda] [--lora-minutes 2] [--per-type 3]

`--device cpu` with small budgets runs the same steps on a CPU (to check the script itself).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path, default=None, help="Output folder (default: a temp folder).")
    ap.add_argument("--device", default="cuda", help="cuda (default) or cpu (checks the script).")
    ap.add_argument("--lora-minutes", type=float, default=2.0, help="LoRA training budget in minutes.")
    ap.add_argument("--per-type", type=int, default=3, help="Test questions per type in the compare.")
    args = ap.parse_args()

    import torch

    from ragtune import api
    from ragtune.finetune import FinetuneOptions, TrainConfig
    from ragtune.project import Project
    from ragtune.models import project_pool
    from ragtune.world import generate_world

    if args.device.startswith("cuda") and not torch.cuda.is_available():
        sys.exit("gpu_check: torch sees no GPU")
    out = args.out or Path(tempfile.mkdtemp(prefix="ragtune-gpu-check-"))
    out.mkdir(parents=True, exist_ok=True)
    figures: dict = {"device": args.device, "torch": torch.__version__, "cuda": torch.version.cuda,
                     "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}  # fmt: skip

    def report(step: str, **values) -> None:  # noqa: ANN003
        figures[step] = values
        print(f"{step}: " + ", ".join(f"{k} {v}" for k, v in values.items()), flush=True)

    world = out / "world"
    if not (world / "world.json").exists():
        generate_world("tiny", 0, world)
    (out / "project").mkdir(exist_ok=True)
    project = Project.open(out / "project", {"model.device": args.device})

    # 1. load and generate
    t0 = time.perf_counter()
    gen = project_pool(project).generator()
    load_s = time.perf_counter() - t0
    prompts = [f"Write one sentence about the number {i}." for i in range(16)]
    gen.generate(prompts[:2], max_new_tokens=8)  # warm-up
    t0 = time.perf_counter()
    outs = gen.generate(prompts, max_new_tokens=32)
    seconds = time.perf_counter() - t0
    tokens = sum(g.completion_tokens for g in outs)
    report("load", seconds=round(load_s, 1), device=str(getattr(gen, "device", args.device)),
           batch_of_16_tokens=tokens, batch_seconds=round(seconds, 2),
           completion_tokens_per_s=round(tokens / seconds, 1))  # fmt: skip

    # 2. a short LoRA fine-tune (bf16 on a GPU: dtype auto)
    api.ingest(project, world / "docs", progress=False)
    record = api.finetune(project, FinetuneOptions(
        task="closed_book", train_qa=str(world / "qa" / "train.jsonl"), dev_qa=str(world / "qa" / "dev.jsonl"),
        exclude_qa=str(world / "qa" / "test.jsonl"), dev_limit=20, probe_limit=10,
        train=TrainConfig(max_minutes=args.lora_minutes, eval_every_minutes=args.lora_minutes),
    ))  # fmt: skip
    m = record.get("metrics", {})
    report("lora", id=record.get("id"), precision=record.get("precision"), device=record.get("device"),
           steps=record.get("steps"), epochs=record.get("epochs"), train_s=record.get("train_wall_s"),
           tokens_per_s=record.get("tokens_per_s"), dev_accuracy_base=m.get("dev_accuracy_base"),
           dev_accuracy=m.get("dev_accuracy"))  # fmt: skip

    # 3. a tiny compare of three strategies
    t0 = time.perf_counter()
    run_dir, results = api.compare(
        project, world / "qa" / "test.jsonl", train_qa=world / "qa" / "train.jsonl",
        dev_qa=world / "qa" / "dev.jsonl", strategies="closed_book rag agentic",
        sample_per_type=args.per_type, latency_sample=args.per_type, out=out / "run", report=False,
    )  # fmt: skip
    for name, block in results["strategies"].items():
        report(f"compare {name}", n=block["n"], accuracy=round(block["metrics"]["accuracy"], 3),
               p50_ms=block["latency_ms"].get("p50"), throughput_qps=block.get("throughput_qps"))  # fmt: skip
    figures["compare_seconds"] = round(time.perf_counter() - t0, 1)
    print(f"compare: {figures['compare_seconds']} s; run folder {run_dir}")
    path = out / "gpu_check.json"
    path.write_text(json.dumps(figures, indent=2, default=str) + "\n")
    print(f"figures written to {path}")


if __name__ == "__main__":
    main()
