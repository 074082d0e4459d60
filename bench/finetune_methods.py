"""LoRA r=16, LoRA r=64 and full fine-tuning at equal wall time on the small world.

Each method trains for the same `--minutes` on the same closed-book data (QA only), with dev
evaluations at the same minutes, in its own `ragtune finetune` subprocess (its own peak RSS);
the figure is dev accuracy (overall and single-hop) at each evaluation, and single-hop dev
accuracy per training minute at the end. Results to --out (JSON).

    python -m bench finetune_methods --world /tmp/acc/small --minutes 8 \\
        --out docs/results/finetune_methods/results.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

METHODS = {
    "lora_r16": ["--method", "lora", "--rank", "16", "--alpha", "32"],
    "lora_r64": ["--method", "lora", "--rank", "64", "--alpha", "128"],
    "full": ["--method", "full"],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--world", required=True, help="A world folder (ragtune world --size small).")
    ap.add_argument("--minutes", type=float, default=8.0)
    ap.add_argument("--eval-every", type=float, default=4.0)
    ap.add_argument("--dev-size", type=int, default=30)
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--out", default="docs/results/finetune_methods/results.json")
    ap.add_argument("--tmp", default="/tmp/ragtune-bench-methods")
    args = ap.parse_args()
    world = Path(args.world)
    qa = {s: str(world / "qa" / f"{s}.jsonl") for s in ("train", "dev", "test")}
    results: dict = {"command": " ".join([sys.executable.rsplit("/", 1)[-1], "-m", "bench", "finetune_methods",
                                          *sys.argv[1:]]),  # fmt: skip
                     "minutes": args.minutes, "methods": {}}
    for name in args.methods.split(","):
        project = Path(args.tmp) / name
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        cmd = [sys.executable, "-m", "ragtune.cli", "-q", "-p", str(project), "finetune",
               "--corpus", str(world / "docs"), "--train-qa", qa["train"], "--dev-qa", qa["dev"],
               "--exclude-qa", qa["test"], "--no-text", "--no-forgetting", "--json",
               "--max-minutes", str(args.minutes), "--eval-every", str(args.eval_every),
               "--dev-size", str(args.dev_size), *METHODS[name]]  # fmt: skip
        t0 = time.perf_counter()
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode:
            raise SystemExit(f"{name} failed:\n{run.stderr[-3000:]}")
        rec = json.loads(run.stdout)
        curve = [{"minutes": p["minutes"], "step": p["step"], "accuracy": p["accuracy"],
                  "single_hop": (p.get("by_type") or {}).get("single_hop"), "loss": p.get("loss")}
                 for p in rec["learning_curve"]]  # fmt: skip
        last = curve[-1] if curve else {}
        train_min = (rec.get("train_wall_s") or 0) / 60
        results["methods"][name] = {
            "steps": rec["steps"], "epochs": rec["epochs"], "tokens_per_s": rec["tokens_per_s"],
            "peak_rss_mb": rec["peak_rss_mb"], "size_mb": rec["size_mb"],
            "trainable": rec["parameters"]["trainable"], "lr": rec["train"]["lr"],
            "curve": curve, "best_dev_accuracy": rec["metrics"]["dev_accuracy"],
            "single_hop_per_minute": (last.get("single_hop") or 0) / train_min if train_min else None,
            "wall_s": round(time.perf_counter() - t0, 1),
        }
        print(name, json.dumps(results["methods"][name])[:400], flush=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
