"""Training throughput: ragtune's loop vs a plain PEFT + HF Trainer baseline.

Same model (SmolLM2-135M), same LoRA (r=16, alpha 32, all 7 linear modules), same dtype, same
learning rate, same closed-book examples (synthesised from a corpus) and the same number of
examples per optimiser step.
- ours: packed rows (shared system turn, block-diagonal attention), logits only at answer
  positions (`ragtune.finetune.train`).
- baseline: `Trainer` with `DataCollatorForSeq2Seq` (pad to the longest example of the batch,
  labels -100 on the prompt), the usual recipe.
Figure: example tokens per second, where an example's tokens are its full chat-templated
prompt plus answer (padding excluded, shared prefixes counted per example as the baseline
computes them). Target: ours / baseline >= 1.0. Each side runs in its own subprocess
(alternating, `--rounds` times) so its peak RSS is its own; median over rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from bench.common import median, report

HERE = os.path.dirname(os.path.abspath(__file__))


def _examples(corpus: str, n: int, seed: int):  # noqa: ANN202
    from pathlib import Path

    from ragtune.config import Settings
    from ragtune.finetune.data import DataOptions, corpus_chunks, synthesize

    chunks = corpus_chunks(Path(corpus), Settings())
    data = synthesize(chunks, DataOptions(text=False, abstain_share=0.0, dev_holdout=0, seed=seed))
    qa = [e for e in data.examples if e.kind == "qa"]
    return qa[:n]


def _one(side: str, args: argparse.Namespace) -> dict:
    import resource

    import torch

    from ragtune.finetune.packing import IGNORE, ExampleTokenizer, epoch_rows
    from ragtune.finetune.train import TrainConfig, auto_threads, batch_loss, load_model, pick_dtype
    from ragtune.models.locate import converted_smollm2
    from ragtune.models.worker import configure_torch

    configure_torch(auto_threads())  # its own subprocess: the whole process trains

    base, _ = converted_smollm2()
    cfg = TrainConfig(rank=16, alpha=32, lr=1e-3, dtype=args.dtype, row_tokens=args.row_tokens,
                      batch_rows=args.batch_rows)
    model, tok, device = load_model(base, cfg)
    dtype = pick_dtype(cfg, device)
    examples = _examples(args.corpus, args.examples, args.seed)
    et = ExampleTokenizer(tok)
    items = [et(e) for e in examples]
    rows = epoch_rows(items, cfg.row_tokens, 0, 0)
    per_step = max(1, round(len(items) / len(rows) * cfg.batch_rows))  # examples per step
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg.lr)
    times, ex_tokens = [], []
    if side == "ours":
        from ragtune.finetune.packing import collate

        batches = [rows[i : i + cfg.batch_rows] for i in range(0, len(rows), cfg.batch_rows)]
        for i, b in enumerate(batches[: args.steps + 1]):
            t0 = time.perf_counter()
            batch = collate(b, tok.pad_token_id, device)
            loss, n = batch_loss(model, batch, False)
            (loss / n).backward()
            opt.step()
            opt.zero_grad(set_to_none=True)
            if i:  # the first step warms up
                times.append(time.perf_counter() - t0)
                ex_tokens.append(batch.example_tokens)
    else:
        from transformers import DataCollatorForSeq2Seq, Trainer, TrainerCallback, TrainingArguments

        order = [it for r in rows for it in r.tails]  # the same examples in the same order
        feats = [{"input_ids": list(it.prefix) + it.tail,
                  "labels": [IGNORE] * len(it.prefix) + it.labels} for it in order]

        class Clock(TrainerCallback):
            t0 = 0.0

            def on_step_begin(self, a, s, c, **kw):  # noqa: ANN001, ANN003
                Clock.t0 = time.perf_counter()

            def on_step_end(self, a, s, c, **kw):  # noqa: ANN001, ANN003
                if s.global_step > 1:
                    times.append(time.perf_counter() - Clock.t0)

        targs = TrainingArguments(
            output_dir=os.path.join(args.tmp, "trainer"), per_device_train_batch_size=per_step,
            max_steps=args.steps + 1, learning_rate=cfg.lr, logging_strategy="no",
            save_strategy="no", report_to=[], dataloader_num_workers=0, use_cpu=device == "cpu",
            bf16=dtype == "bfloat16" and device != "cpu", seed=0, disable_tqdm=True,
            remove_unused_columns=False,
        )
        collator = DataCollatorForSeq2Seq(tok, padding="longest", label_pad_token_id=IGNORE)
        tok.padding_side = "right"
        trainer = Trainer(model=model, args=targs, train_dataset=feats, data_collator=collator,
                          callbacks=[Clock()])
        # shuffle off: batches are consecutive examples, like ours
        trainer._get_train_sampler = lambda *a, **k: torch.utils.data.SequentialSampler(feats)  # noqa: SLF001
        trainer.train()
        for i in range(1, args.steps + 1):
            ex_tokens.append(sum(len(f["input_ids"]) for f in feats[i * per_step : (i + 1) * per_step]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"side": side, "example_tokens_per_s": sum(ex_tokens) / sum(times),
            "step_s": median(times), "examples_per_step": per_step, "steps": len(times),
            "peak_rss_mb": round(peak, 1), "dtype": dtype}


def _accuracy(project, spec: str, items) -> dict:  # noqa: ANN001
    """Accuracy of a strategy on QA items, overall and by type (the eval core's is_correct)."""
    from ragtune.eval.metrics import is_correct
    from ragtune.strategies import build_strategy

    strategy = build_strategy(spec, project)
    t0 = time.perf_counter()
    answers = strategy.answer_many([q.question for q in items])
    by_type: dict[str, list[int]] = {}
    rows = []
    for q, a in zip(items, answers):
        ok = is_correct(q, a.text, a.abstained)
        by_type.setdefault(q.type, []).append(int(ok))
        rows.append({"id": q.id, "type": q.type, "answer": a.text, "ok": ok})
    flat = [x for v in by_type.values() for x in v]
    return {"spec": spec, "accuracy": sum(flat) / len(flat), "n": len(flat),
            "by_type": {k: {"accuracy": round(sum(v) / len(v), 4), "n": len(v)}
                        for k, v in sorted(by_type.items())},
            "seconds": round(time.perf_counter() - t0, 1), "answers": rows}


def paired(base: dict, tuned: dict) -> dict:
    """Tuned vs base on the same questions, overall and single-hop: difference with its 95%
    paired-bootstrap interval and the exact McNemar p (ragtune.eval.stats)."""
    from ragtune.eval.stats import paired_test

    b = {a["id"]: (a["type"], bool(a["ok"])) for a in base["answers"]}
    t = {a["id"]: (a["type"], bool(a["ok"])) for a in tuned["answers"]}
    out = {}
    for name, ids in (("all", sorted(b)), ("single_hop", sorted(i for i in b if b[i][0] == "single_hop"))):
        r = paired_test([t[i][1] for i in ids], [b[i][1] for i in ids], seed=0)
        out[name] = {k: r[k] for k in ("n", "diff", "diff_ci", "mcnemar_p", "a_only", "b_only")}
    return out


def add_paired(results: dict) -> dict:
    if "closed_book" in results:
        results["closed_book"]["paired"] = paired(results["closed_book"]["base"], results["closed_book"]["finetuned"])
    if "rag" in results:
        results["rag"]["paired"] = paired(results["rag"]["base"], results["rag"]["raft"])
    return results


def acceptance(args: argparse.Namespace) -> None:
    """The small-world acceptance run: closed-book fine-tune vs base on the test split, the
    RAFT adapter vs plain rag, forgetting; results to --out (JSON)."""
    from pathlib import Path

    from ragtune import api
    from ragtune.eval.qa import load_qa
    from ragtune.finetune import DataOptions, FinetuneOptions, TrainConfig
    from ragtune.index import open_index
    from ragtune.project import Project, atomic_write_json

    world = Path(args.acceptance)
    if not (world / "docs").exists():
        api.world("small", 0, world)
    project = Project.open(world / "project")
    with open_index(project) as index:
        if index.count() == 0:
            index.ingest(world / "docs")
    qa = {s: str(world / "qa" / f"{s}.jsonl") for s in ("train", "dev", "test")}
    test = load_qa(qa["test"])

    def say(event: str, info: dict) -> None:
        if event == "eval":
            print(f"  dev @ {info['minutes']:.1f} min step {info['step']}: {info['accuracy']:.3f} "
                  f"{info.get('by_type')}", flush=True)
        elif event == "step" and info["step"] % 20 == 0:
            print(f"  step {info['step']} loss {info['loss']:.3f} {info['tokens_per_s']:.0f} tok/s "
                  f"{info['minutes']:.1f} min", flush=True)
        elif event in ("run", "data_ready", "done"):
            print(f"  {event}: {json.dumps(info, default=str)[:300]}", flush=True)

    results: dict = {"world": str(world), "command": " ".join(sys.argv)}
    t0 = time.perf_counter()
    record = api.finetune(project, FinetuneOptions(
        train_qa=qa["train"], dev_qa=qa["dev"], exclude_qa=qa["test"], dev_limit=args.dev_size,
        data=DataOptions(text=not args.no_text), train=TrainConfig(max_minutes=args.minutes)),
        progress=say)
    results["closed_book_run"] = {k: record[k] for k in (
        "id", "metrics", "curve_at_minutes", "learning_curve", "steps", "epochs", "stop_reason",
        "tokens_seen", "tokens_per_s", "train_wall_s", "wall_s", "peak_rss_mb", "leakage",
        "forgetting", "data", "train", "torch_threads", "precision")}
    base = _accuracy(project, "closed_book", test)
    tuned = _accuracy(project, f"closed_book@adapter={record['id']}", test)
    results["closed_book"] = {"base": base, "finetuned": tuned}
    sh = lambda r: r["by_type"].get("single_hop", {}).get("accuracy")  # noqa: E731
    results["single_hop_gain_points"] = round(100 * (sh(tuned) - sh(base)), 1)
    print(f"closed-book single-hop: base {sh(base)} -> fine-tuned {sh(tuned)}", flush=True)
    if args.raft_minutes:
        raft = api.finetune(project, FinetuneOptions(
            task="raft", train_qa=qa["train"], dev_qa=qa["dev"], exclude_qa=qa["test"],
            dev_limit=args.dev_size, train=TrainConfig(max_minutes=args.raft_minutes)),
            progress=say)
        results["raft_run"] = {k: raft[k] for k in (
            "id", "metrics", "curve_at_minutes", "steps", "epochs", "stop_reason", "tokens_seen",
            "train_wall_s", "peak_rss_mb", "leakage", "forgetting")}
        rag = _accuracy(project, "rag", test)
        rag_tuned = _accuracy(project, f"rag@adapter={raft['id']}", test)
        results["rag"] = {"base": rag, "raft": rag_tuned,
                          "gain_points": round(100 * (rag_tuned["accuracy"] - rag["accuracy"]), 1)}
        print(f"rag: {rag['accuracy']:.3f} -> rag@adapter={raft['id']}: {rag_tuned['accuracy']:.3f}",
              flush=True)
    results["total_wall_s"] = round(time.perf_counter() - t0, 1)
    atomic_write_json(args.out, add_paired(results))
    print(f"written {args.out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--acceptance", metavar="WORLD_DIR",
                    help="Run the small-world acceptance instead (world generated if missing).")
    ap.add_argument("--minutes", type=float, default=30.0, help="Acceptance: closed-book budget.")
    ap.add_argument("--raft-minutes", type=float, default=0.0, help="Acceptance: RAFT budget.")
    ap.add_argument("--out", default="docs/results/finetune_small.json")
    ap.add_argument("--dev-size", type=int, default=30, help="Acceptance: dev questions evaluated.")
    ap.add_argument("--no-text", action="store_true", help="Acceptance: QA examples only (no chunks).")
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "tests", "data", "handwritten", "corpus"))
    ap.add_argument("--examples", type=int, default=400)
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--row-tokens", type=int, default=512)
    ap.add_argument("--batch-rows", type=int, default=2)
    ap.add_argument("--dtype", default="auto")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--one", choices=["ours", "baseline"], help=argparse.SUPPRESS)
    ap.add_argument("--tmp", default="/tmp/ragtune-bench-training")
    args = ap.parse_args()
    if args.acceptance:
        acceptance(args)
        return
    if args.one:
        print(json.dumps(_one(args.one, args)))
        return
    runs: dict[str, list[dict]] = {"ours": [], "baseline": []}
    passthrough = [f"--{k.replace('_', '-')}={v}" for k, v in vars(args).items()
                   if k not in ("one", "rounds", "acceptance", "minutes", "raft_minutes", "out",
                                "dev_size", "no_text")
                   and v is not None]
    for r in range(args.rounds):
        for side in (("ours", "baseline") if r % 2 == 0 else ("baseline", "ours")):
            cmd = [sys.executable, "-m", "bench", "training", f"--one={side}", *passthrough]
            res = subprocess.run(cmd, capture_output=True, text=True, cwd=os.path.join(HERE, ".."))
            if res.returncode:
                raise SystemExit(res.stderr[-3000:])
            runs[side].append(json.loads(res.stdout.strip().splitlines()[-1]))
    ours = median([r["example_tokens_per_s"] for r in runs["ours"]])
    base = median([r["example_tokens_per_s"] for r in runs["baseline"]])
    report(
        "training",
        ours_example_tokens_per_s=ours,
        baseline_example_tokens_per_s=base,
        ratio=ours / base,
        target=">= 1.0",
        ours_peak_rss_mb=max(r["peak_rss_mb"] for r in runs["ours"]),
        baseline_peak_rss_mb=max(r["peak_rss_mb"] for r in runs["baseline"]),
        examples_per_step=runs["ours"][0]["examples_per_step"],
        dtype=runs["ours"][0]["dtype"],
        runs=runs,
    )


if __name__ == "__main__":
    main()
