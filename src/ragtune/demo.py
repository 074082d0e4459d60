"""`ragtune demo`: the whole product on the synthetic world, end to end.

    world (fictional facts) -> ingest -> one fine-tuning run (serves `finetuned` and
    `finetuned_rag`) -> compare every strategy on a stratified sample -> freshness and
    forgetting -> report + recommendation -> a one-screen summary with the time per stage.

Re-running reuses what is unchanged: the world (same size and seed), the index (incremental),
the adapter (same world and training budget), and answered questions (the run resumes).
This module may import `ragtune.world`: it is the demo, not a strategy.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ragtune.project import Project, atomic_write, atomic_write_json

MODES = {
    # world size, test questions per type, latency sample, test questions re-asked after the
    # update (forgetting), training minutes, dev questions and forgetting-probe items used while
    # training, and the continued training that absorbs the updates into the adapter (seconds).
    # The quick mode's short budgets only exercise every path; its numbers mean little.
    # (2 questions per type, 1 timed latency question, 1 re-asked, 5 probe items, 2 dev
    # questions, steps of one 256-token row, 10 s of continued training: the 3-minute goal with
    # a few real training steps. 2026-11-30, 202 s: the compare stage took 141 s, of which the
    # agentic pipeline's calibration on 21 dev questions 16 s and 2 re-asked questions per
    # strategy 9 s: quick prepares the strategies on 10 dev questions, the fewest agentic
    # calibrates on.)
    "quick": {"size": "tiny", "per_type": 2, "latency": 1, "forgetting": 1, "minutes": 0.5,
              "dev_limit": 2, "probe": 5, "eval_at_start": False, "freshness_s": 10.0,
              "row_tokens": 256, "grad_accum": 1, "arena_dev": 10},
    # (dev evaluations count against the training budget: the demo evaluates once, at the end)
    # (2026-11-30: with 50 probe items and 20 dev questions per task the probes (82 s before,
    # 65 s after) and the data left the 4-minute job no training steps; with 15 timed latency
    # questions, 15 re-asked and 90 s of continued training the cold run took 928 s)
    # (2026-11-30: a LoRA step on one 512-token row grows SmolLM2-135M's process by ~2.4 GB,
    # on one 256-token row by ~1.25 GB (BENCHMARKS.md): the default mode trains 256-token rows,
    # 8 per step)
    "default": {"size": "small", "per_type": 15, "latency": 10, "forgetting": 10, "minutes": 4.0,
                "dev_limit": 10, "probe": 20, "eval_at_start": False, "freshness_s": 75.0,
                "row_tokens": 256, "grad_accum": 8},
    "full": {"size": "small", "per_type": None, "latency": 30, "forgetting": 30, "minutes": 4.0,
             "dev_limit": 60, "probe": 0, "eval_at_start": True, "freshness_s": 90.0},
}

# Seconds each stage may take on a 2-core machine, first run (cold model cache: the model
# conversions fall in "ingest" and the first answering stage); the summary prints the time
# against them. Goals: default <= 15 min cold and <= 1 min re-run, --quick <= 3 min.
# "fine-tune" is the training budget plus its fixed costs (data, model load, one evaluation).
# (2026-11-30, cold default run: world 0 s, ingest 20 s, fine-tune 225 s, compare 683 s;
# --quick: world 0 s, ingest 15-16 s, fine-tune 25-26 s, compare 116-124 s.)
BUDGETS_S = {
    "quick": {"world": 5, "ingest": 20, "fine-tune": 35, "compare": 120},
    "default": {"world": 10, "ingest": 60, "fine-tune": 250, "compare": 580},
    "full": {"world": 10, "ingest": 120, "fine-tune": 330, "compare": 1500},
}


@dataclass
class DemoOptions:
    out: Path = Path("ragtune-demo")
    mode: str = "default"
    seed: int = 0
    train_minutes: float | None = None  # None: the mode's default
    finetune: bool = True
    stages: dict[str, float] = field(default_factory=dict)
    budgets: dict[str, float] = field(default_factory=dict)


def _stage(opts: DemoOptions, name: str, log: Callable[[str], None], budget_s: float):  # noqa: ANN202
    class Stage:
        def __enter__(self) -> None:
            self.t0 = time.perf_counter()
            log(f"== {name} (budget {budget_s:.0f} s)")

        def __exit__(self, *exc: Any) -> None:
            opts.stages[name] = round(time.perf_counter() - self.t0, 1)
            opts.budgets[name] = budget_s
            log(f"   {name}: {_against(opts.stages[name], budget_s)}")

    return Stage()


def _against(seconds: float, budget_s: float) -> str:
    over = " OVER BUDGET" if seconds > budget_s else ""
    return f"{seconds:.0f} s of {budget_s:.0f} s{over}"


def _world(opts: DemoOptions, size: str, log: Callable[[str], None]) -> Path:
    from ragtune.world import generate_world

    world = opts.out / "world"
    meta = world / "world.json"
    if meta.exists():
        cfg = json.loads(meta.read_text()).get("config", {})
        if cfg.get("size") == size and cfg.get("seed") == opts.seed:
            log(f"   reusing {world} ({size}, seed {opts.seed})")
            return world
    generate_world(size, opts.seed, world)
    return world


def _adapter(project: Project, opts: DemoOptions, world: Path, minutes: float, mode: dict[str, Any],
             log: Callable[[str], None]) -> str | None:
    """One training run (closed-book QA + RAFT examples) serving both fine-tuned strategies;
    reused while the world and the budget are unchanged."""
    from ragtune.finetune import FinetuneOptions, TrainConfig, run_finetune

    state_path = opts.out / "demo-state.json"
    key = {"world": json.loads((world / "world.json").read_text()).get("config"), "minutes": minutes}
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    adapter_dir = project.state / "adapters" / str(state.get("adapter"))
    if state.get("key") == key and adapter_dir.exists():
        log(f"   reusing adapter {state['adapter']}")
        return state["adapter"]

    def progress(event: str, info: dict[str, Any]) -> None:
        if event in ("run", "eval", "done", "stop"):
            log(f"   {event}: " + ", ".join(f"{k}={v}" for k, v in list(info.items())[:6]))

    record = run_finetune(
        project,
        FinetuneOptions(
            task="both",
            train_qa=str(world / "qa" / "train.jsonl"),
            dev_qa=str(world / "qa" / "dev.jsonl"),
            exclude_qa=str(world / "qa" / "test.jsonl"),
            dev_limit=mode["dev_limit"],
            probe_limit=mode["probe"],
            max_minutes=minutes,  # the whole fine-tune stage
            train=TrainConfig(
                # 1 packed row a micro-batch, accumulated: the same examples per step as the
                # default 4 x 512 tokens at a fraction of the activation memory (2026-11-30,
                # small world, 4 steps: peak RSS 3.0 GB for 1 x 4 vs 4.3 GB for 2 x 2, tokens/s
                # 60.8 vs 59.5)
                batch_rows=1, grad_accum=mode.get("grad_accum", 4), row_tokens=mode.get("row_tokens", 512),
                eval_every_minutes=minutes if not mode["eval_at_start"] else max(1.0, minutes / 2),
                eval_at_start=mode["eval_at_start"],
            ),
        ),
        progress,
    )
    atomic_write_json(state_path, {"key": key, "adapter": record["id"]})
    return record["id"]


def _dev_sample(dev: Path, n: int | None, out: Path) -> Path:
    """The world's dev file, or `n` of its questions spread over it (the file is grouped by
    type) written beside the run, for a mode that prepares the strategies on fewer."""
    lines = [line for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not n or n >= len(lines):
        return dev
    path = out / f"dev-{n}.jsonl"
    picked = [lines[i * (len(lines) - 1) // max(n - 1, 1)] for i in range(n)]  # first to last
    atomic_write(path, "\n".join(picked) + "\n")
    return path


def run_demo(opts: DemoOptions, log: Callable[[str], None] = print) -> dict[str, Any]:
    from ragtune import api

    mode = MODES[opts.mode]
    minutes = opts.train_minutes if opts.train_minutes is not None else mode["minutes"]
    budgets = dict(BUDGETS_S[opts.mode])
    # another training budget moves the fine-tune stage's budget with it
    budgets["fine-tune"] += (minutes - mode["minutes"]) * 60
    opts.out.mkdir(parents=True, exist_ok=True)
    project = Project.open(opts.out / "project")
    t0 = time.perf_counter()
    with _stage(opts, f"world ({mode['size']})", log, budgets["world"]):
        world = _world(opts, mode["size"], log)
    with _stage(opts, "ingest", log, budgets["ingest"]):
        report = api.ingest(project, world / "docs", progress=False)
        log(f"   {report.added} added, {report.changed} changed, {report.unchanged} unchanged")
    strategies = ["closed_book", "rag", "agentic"]
    if opts.finetune:
        with _stage(opts, f"fine-tune ({minutes:g} min training)", log, budgets["fine-tune"]):
            adapter = _adapter(project, opts, world, minutes, mode, log)
        strategies += [f"closed_book@adapter={adapter}", f"rag@adapter={adapter}"]
    with _stage(opts, "compare + freshness + report", log, budgets["compare"]):
        run_dir, results = api.compare(
            project,
            qa=world / "qa" / "test.jsonl",
            train_qa=world / "qa" / "train.jsonl",
            dev_qa=_dev_sample(world / "qa" / "dev.jsonl", mode.get("arena_dev"), opts.out),
            strategies=" ".join(strategies),
            sample_per_type=mode["per_type"],
            seed=opts.seed,
            out=opts.out / "run",
            latency_sample=mode["latency"],
            forgetting_sample=mode["forgetting"],
            freshness=True,
            updates=world / "updates",
            updates_qa=world / "qa" / "updates.jsonl",
            freshness_train_s=mode["freshness_s"],
            progress=lambda msg: log(f"   {msg}"),
        )
    total = round(time.perf_counter() - t0, 1)
    summary = {"run_dir": str(run_dir), "report": str(Path(run_dir) / "report.html"),
               "stages_s": opts.stages, "budgets_s": opts.budgets, "total_s": total,
               "total_budget_s": sum(opts.budgets.values()), "strategies": strategies}
    # every run's timings are kept: the first (cold) run and the re-runs that reuse its work
    path = opts.out / "demo-summary.json"
    try:
        history = json.loads(path.read_text()).get("history", []) if path.exists() else []
    except (OSError, ValueError, AttributeError):
        history = []  # a damaged summary only loses the old timings
    history.append({"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "mode": opts.mode,
                    "stages_s": opts.stages, "total_s": total})  # fmt: skip
    atomic_write_json(path, {**summary, "history": history})
    return {"summary": summary, "results": results}


def _pct(x: float | None) -> str:
    return "  -" if x is None else f"{x:4.0%}"


def summary_lines(out: dict[str, Any]) -> list[str]:
    """One screen: n, accuracy and 95% CI per strategy and type; time per stage."""
    results, summary = out["results"], out["summary"]
    lines = []
    strategies = results.get("strategies", {})
    types = sorted({t for s in strategies.values() for t in (s.get("by_type") or {})})
    header = f"{'strategy':34} {'n':>4} {'accuracy (95% CI)':>20}  " + " ".join(f"{t[:8]:>8}" for t in types)
    lines.append(header)
    for spec, s in strategies.items():
        acc = s["metrics"].get("accuracy")
        lo, hi = (s.get("ci95") or {}).get("accuracy") or (None, None)
        cells = []
        for t in types:
            v = (s.get("by_type") or {}).get(t, {}).get("accuracy")
            cells.append(f"{v:8.0%}" if v is not None else f"{'-':>8}")
        ci = f"{acc:.0%} [{lo:.0%}, {hi:.0%}]" if acc is not None and lo is not None else "-"
        lines.append(f"{spec:34} {s['n']:>4} {ci:>20}  " + " ".join(cells))
    fresh = (results.get("freshness") or {}).get("strategies") or {}
    if fresh:
        lines += ["", "freshness (accuracy on the changed facts, before -> after; time to absorb):"]
        for spec, f in fresh.items():
            b, a = (f.get("before") or {}).get("accuracy"), (f.get("after") or {}).get("accuracy")
            secs = f.get("absorb_seconds")
            lines.append(f"  {spec:32} {_pct(b)} -> {_pct(a)}  {f.get('method')}"
                         + (f", {secs:,.1f} s" if secs is not None else "")
                         + (" (estimated)" if f.get("estimated") else ""))  # fmt: skip
    rec = results.get("recommendation") or {}
    if rec.get("strategy"):
        lines += ["", f"recommended: {rec['strategy']}", f"  {rec.get('why', '')}",
                  f"serve it: ragtune serve --from-run {summary['run_dir']} --open"]
    budgets = summary.get("budgets_s") or {}
    lines += ["", "time per stage: (seconds spent of the stage's budget)"]
    for name, seconds in summary["stages_s"].items():
        budget = budgets.get(name)
        lines.append(f"  {name:34} " + (_against(seconds, budget) if budget else f"{seconds:.0f} s"))
    total, total_budget = summary["total_s"], summary.get("total_budget_s")
    lines.append(f"  {'total':34} " + (_against(total, total_budget) if total_budget else f"{total:.0f} s"))
    lines.append(f"report: {summary['report']}")
    return lines
