"""LoRA r=16, LoRA r=64 and full fine-tuning at equal wall time on a world, then closed-book
accuracy on its test split.

Each method runs `ragtune finetune --max-minutes N` (the whole job: data, model load,
training with dev evaluations, the forgetting probe before and after) in its own subprocess
(its own peak RSS), on the same closed-book data with the world's train split as QA pairs,
its dev split for model selection and its test split excluded from training. Then, in a
fresh subprocess per method, the registered model answers the test split closed-book (the
`closed_book` strategy's prompt; a full fine-tune through its own generator), scored by the
eval core, overall and by type, with the paired test against the base model.

    python -m bench finetune_methods --world W --minutes 30 \\
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


def answer_test(project_dir: str, ident: str | None, test_path: str) -> dict:
    """Closed-book answers of the base model (ident None) or of a registered run, scored."""
    from ragtune.eval.metrics import is_correct
    from ragtune.eval.qa import load_qa
    from ragtune.project import Project
    from ragtune.strategies import build_strategy

    project = Project.open(Path(project_dir))
    items = load_qa(test_path)
    if ident and ident.startswith("full"):  # a whole model: its own generator, same prompt
        from ragtune.finetune import full_model_dir
        from ragtune.models.local import LocalGenerator

        path, model_hash = full_model_dir(project, ident)
        pipeline = build_strategy("closed_book", project, generator=LocalGenerator(path, model_hash))
    else:
        pipeline = build_strategy(f"closed_book@adapter={ident}" if ident else "closed_book", project)
    answers = pipeline.answer_many([q.question for q in items])
    rows = [{"id": q.id, "type": q.type, "answer": a.text, "ok": bool(is_correct(q, a.text, a.abstained))}
            for q, a in zip(items, answers)]  # fmt: skip
    by_type: dict[str, list[bool]] = {}
    for r in rows:
        by_type.setdefault(r["type"], []).append(r["ok"])
    return {"accuracy": sum(r["ok"] for r in rows) / len(rows), "n": len(rows),
            "by_type": {t: {"accuracy": round(sum(v) / len(v), 4), "n": len(v)}
                        for t, v in sorted(by_type.items())},
            "answers": rows}  # fmt: skip


def paired(base: dict, tuned: dict, kind: str | None) -> dict:
    from ragtune.eval.stats import paired_test

    b = {r["id"]: r for r in base["answers"] if kind is None or r["type"] == kind}
    t = {r["id"]: r for r in tuned["answers"] if r["id"] in b}
    ids = sorted(b)
    r = paired_test([t[i]["ok"] for i in ids], [b[i]["ok"] for i in ids], seed=0)
    return {k: r[k] for k in ("n", "diff", "diff_ci", "mcnemar_p", "a_only", "b_only")}


def _subprocess_json(args: list[str]) -> dict:
    run = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"{' '.join(args[:4])} failed:\n{run.stderr[-3000:]}")
    # the JSON object may span many lines (`finetune --json` indents it)
    return json.JSONDecoder().raw_decode(run.stdout[run.stdout.index("{"):])[0]


def _finished_run(project: Path) -> dict | None:
    """The record of a run already finished in this method's project (--reuse), else None."""
    records = [json.loads(f.read_text()) for f in project.glob(".ragtune/**/record.json")]
    records = [r for r in records if r.get("finished_at")]  # never a run that was cut short
    return max(records, key=lambda r: r["finished_at"]) if records else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--world", required=True, help="A world folder (ragtune world --size small).")
    ap.add_argument("--minutes", type=float, default=30.0, help="--max-minutes of each run.")
    ap.add_argument("--dev-size", type=int, default=30)
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--out", default="docs/results/finetune_methods/results.json")
    ap.add_argument("--tmp", default="/tmp/ragtune-bench-methods")
    ap.add_argument("--reuse", action="store_true",
                    help="Use a method's run already finished under --tmp instead of training it "
                         "again (to resume after a later step failed).")
    ap.add_argument("--answer", nargs=3, metavar=("PROJECT", "ID", "TEST"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.answer:
        project, ident, test = args.answer
        print(json.dumps(answer_test(project, None if ident == "base" else ident, test)))
        return
    world = Path(args.world)
    qa = {s: str(world / "qa" / f"{s}.jsonl") for s in ("train", "dev", "test")}
    results: dict = {"command": " ".join([sys.executable.rsplit("/", 1)[-1], "-m", "bench", "finetune_methods",
                                          *sys.argv[1:]]),  # fmt: skip
                     "minutes": args.minutes, "methods": {}}
    base = None
    for name in args.methods.split(","):
        project = Path(args.tmp) / name
        done = _finished_run(project) if args.reuse else None
        if done is None:
            shutil.rmtree(project, ignore_errors=True)
            project.mkdir(parents=True)
        cmd = ["-m", "ragtune.cli", "-q", "-p", str(project), "finetune",
               "--corpus", str(world / "docs"), "--train-qa", qa["train"], "--dev-qa", qa["dev"],
               "--exclude-qa", qa["test"], "--json", "--max-minutes", str(args.minutes),
               "--dev-size", str(args.dev_size), *METHODS[name]]  # fmt: skip
        t0 = time.perf_counter()
        rec = done or _subprocess_json(cmd)
        job_s = rec["wall_s"] if done else round(time.perf_counter() - t0, 1)
        if base is None:
            base = _subprocess_json(["-m", "bench", "finetune_methods", "--world", str(world),
                                     "--answer", str(project), "base", qa["test"]])
            results["base"] = base
        tuned = _subprocess_json(["-m", "bench", "finetune_methods", "--world", str(world),
                                  "--answer", str(project), rec["id"], qa["test"]])
        forgetting = (rec.get("forgetting") or {}).get("difference") or {}
        results["methods"][name] = {
            "id": rec["id"], "steps": rec["steps"], "epochs": rec["epochs"],
            "tokens_per_s": rec["tokens_per_s"], "train_wall_s": rec["train_wall_s"],
            "eval_s": rec.get("eval_s"), "job_wall_s": job_s, "record_wall_s": rec["wall_s"],
            "peak_rss_mb": rec["peak_rss_mb"], "size_mb": rec["size_mb"],
            "trainable": rec["parameters"]["trainable"], "lr": rec["train"]["lr"],
            "plan": rec.get("plan"), "stop_reason": rec["stop_reason"],
            "dev_curve": [{k: p.get(k) for k in ("minutes", "step", "accuracy", "by_type", "loss", "seconds")}
                          for p in rec["learning_curve"]],  # fmt: skip
            "forgetting": {"before": (rec.get("forgetting") or {}).get("before", {}).get("accuracy"),
                           "after": (rec.get("forgetting") or {}).get("after", {}).get("accuracy"),
                           **forgetting},  # fmt: skip
            "test": tuned,
            "paired": {k: paired(base, tuned, None if k == "all" else k)
                       for k in ("all", "single_hop", "reverse")},
        }
        m = results["methods"][name]
        print(name, json.dumps({k: m[k] for k in ("steps", "epochs", "job_wall_s")}),
              json.dumps({t: v["accuracy"] for t, v in tuned["by_type"].items()}),
              json.dumps(m["forgetting"])[:200], flush=True)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(results, indent=2) + "\n")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
