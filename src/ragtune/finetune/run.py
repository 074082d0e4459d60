"""One fine-tuning run, end to end: data -> leakage filter -> train -> probe -> registry.

    from ragtune.finetune import FinetuneOptions, run_finetune
    opts = FinetuneOptions(exclude_qa="test.jsonl", train=TrainConfig(max_minutes=30))
    record = run_finetune(project, opts)

A run lives in `.ragtune/adapters/.runs/<ID>/` until it finishes: `run.json` (everything
needed to continue), `train_data.jsonl`, `dev_prompts.jsonl`, `checkpoint.pt` (latest),
`best.pt` (best dev weights). `resume=<ID>` (or True: the newest unfinished run) continues
from the checkpoint with the same data and settings. On success the adapter (or the full
model) and `record.json` move into `.ragtune/adapters/<ID>/` in one rename.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from ragtune.errors import InputError, RagtuneError
from ragtune.eval.qa import QAItem, load_qa
from ragtune.models import adapters as registry
from ragtune.finetune.data import (
    DataOptions,
    SearchFn,
    TrainingData,
    load_chunks,
    load_examples,
    save_examples,
    synthesize,
)
from ragtune.finetune.leakage import filter_leakage
from ragtune.finetune.train import DevPrompt, Stop, TrainConfig
from ragtune.project import atomic_write, atomic_write_json
from ragtune.prompts import CLOSED_BOOK_SYSTEM, RAG_SYSTEM, rag_user_message
from ragtune.types import Chunk

TASKS = ("closed_book", "raft", "both")
CURVE_MARKS = (5, 10, 20, 30)

Progress = Callable[[str, dict[str, Any]], None]


@dataclass
class FinetuneOptions:
    method: str = "lora"  # lora | full
    task: str = "closed_book"  # closed_book | raft | both
    corpus: str | None = None  # read this folder instead of the project's index
    collection: str | None = None
    train_qa: str | None = None
    dev_qa: str | None = None
    exclude_qa: str | None = None
    max_minutes: float = 0.0  # the whole job (data, model load, training, probes); 0 = no limit
    resume: str | bool | None = None  # an ID, or True for the newest unfinished run
    init_adapter: str | None = None  # continue training this registered LoRA adapter (an ID)
    data_only: bool = False
    forgetting: bool = True
    probe_limit: int = 0  # forgetting-probe items (0 = all 100, or what a max_minutes budget allows)
    dev_limit: int = 40  # dev questions evaluated during training (fewer under a short budget)
    started: float | None = None  # perf_counter() when the job began (the CLI: process start)
    cosine_filter: bool = True  # MiniLM cosine in the leakage filter (n-grams always)
    data: DataOptions = field(default_factory=DataOptions)
    train: TrainConfig = field(default_factory=TrainConfig)


# ------------------------------------------------------------------ data


def _index_search(project: Any, collection: str | None) -> SearchFn:
    from ragtune.index import open_index

    def search(questions: list[str], k: int) -> list[list[Chunk]]:
        with open_index(project) as index:
            hits = index.search_many(questions, k=k, collection=collection)
        return [[Chunk(h.chunk_id, h.doc_id, h.text, title=h.title, heading=h.heading,
                       metadata=h.metadata, collection=h.collection) for h in row] for row in hits]

    return search


def _load(path: str | None, what: str) -> list[QAItem] | None:
    if path is None:
        return None
    try:
        return load_qa(path)
    except InputError as e:
        raise InputError(f"{what}: {e.message}", e.hint) from None


def build_data(project: Any, opts: FinetuneOptions, progress: Progress) -> tuple[TrainingData, dict[str, Any], SearchFn]:
    """Synthesised, leakage-filtered training data (and the search used for RAFT)."""
    from ragtune.models import project_pool

    if opts.task not in TASKS:
        raise InputError(f"unknown task {opts.task!r}", f"use one of: {', '.join(TASKS)}")
    chunks = load_chunks(project, opts.corpus, opts.collection)
    progress("data", {"chunks": len(chunks)})
    search = (
        _index_search(project, opts.collection) if opts.corpus is None
        else __import__("ragtune.finetune.data", fromlist=["lexical_search"]).lexical_search(chunks)
    )
    train_qa = _load(opts.train_qa, "--train-qa") or []
    dev_qa = _load(opts.dev_qa, "--dev-qa")
    excluded = _load(opts.exclude_qa, "--exclude-qa") or []
    dopts = DataOptions(**{**asdict(opts.data), "closed_book": opts.task in ("closed_book", "both"),
                           "raft": opts.task in ("raft", "both")})
    generator = project_pool(project).generator() if dopts.llm_questions else None
    data = synthesize(chunks, dopts, train_qa, dev_qa, search=search, generator=generator)
    before = len(data.examples)
    embedder = project_pool(project).embedder() if (excluded and opts.cosine_filter) else None
    # drafted test items (ragtune qa) name the sentences they were made from: never train on those
    sources = [s for q in excluded for s in [q.meta.get("source"), *(q.meta.get("sources") or [])]
               if isinstance(s, str) and s.strip()]
    kept, report = filter_leakage(data.examples, [q.question for q in excluded], embedder,
                                  excluded_sources=sources)
    data.examples = kept
    # dev questions that are excluded questions would leak the test set into model selection
    if excluded and data.dev:
        ex = {q.question.strip().lower() for q in excluded}
        data.dev = [d for d in data.dev if d.question.strip().lower() not in ex]
    leakage = report.to_dict()
    leakage["cosine_checked"] = embedder is not None
    if not any(e.kind != "text" for e in kept):
        raise InputError(
            "nothing to train on after the leakage filter"
            if before else "nothing to train on: no question could be derived from the corpus",
            "add documents with full sentences, or give pairs with --train-qa FILE",
        )
    data.stats["by_origin"] = data.counts()
    progress("data_ready", {"examples": len(kept), "dropped": report.dropped})
    return data, leakage, search


def dev_prompts(dev: list[QAItem], task: str, search: SearchFn, data: DataOptions,
                limit: int) -> list[DevPrompt]:
    """Dev questions as prompts: closed-book, and/or RAG prompts built from retrieved text
    (the best sentences by word overlap, or whole chunks, as in training)."""
    from ragtune.finetune.data import _sentence_pool

    items = dev[:limit] if limit else dev
    out: list[DevPrompt] = []
    if task in ("closed_book", "both"):
        out += [DevPrompt(q, q.question, CLOSED_BOOK_SYSTEM, "closed_book") for q in items]
    if task in ("raft", "both") and items:
        hits = search([q.question for q in items], 5)
        for q, row in zip(items, hits):
            if data.raft_unit == "sentences":
                sources = _sentence_pool(q.question, row, "")[: data.raft_sources]
            else:
                sources = [c.text for c in row[: data.raft_sources]]
            out.append(DevPrompt(q, rag_user_message(q.question, sources), RAG_SYSTEM, "raft"))
    return out


def _save_dev(path: Path, prompts: list[DevPrompt]) -> None:
    atomic_write(path, "".join(json.dumps({"item": p.item.to_dict(), "user": p.user, "system": p.system,
                                           "kind": p.kind}, ensure_ascii=False) + "\n" for p in prompts))


def _load_dev(path: Path) -> list[DevPrompt]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(DevPrompt(QAItem.from_dict(d["item"]), d["user"], d["system"], d["kind"]))
    return out


def preview(data: TrainingData, leakage: dict[str, Any], n: int = 12) -> dict[str, Any]:
    """What `--data-only` shows: counts, leakage, and a few examples of each origin."""
    samples: dict[str, list[dict[str, str]]] = {}
    for e in data.examples:
        s = samples.setdefault(f"{e.kind}/{e.origin}", [])
        if len(s) < max(1, n // 6):
            s.append({"prompt": (e.user or e.answer)[:300], "answer": e.answer[:120] if e.kind != "text" else ""})
    return {"stats": data.stats, "leakage": leakage, "data_hash": data.hash(),
            "examples": len(data.examples), "dev": len(data.dev), "samples": samples}


# ------------------------------------------------------------------ run


def _curve_marks(curve: list[dict[str, Any]]) -> dict[str, Any]:
    """Dev accuracy at 5/10/20/30 minutes: the evaluation that mark triggered (the first one
    at or after it; a step in flight delays it by up to a step's time)."""
    out = {}
    for m in CURVE_MARKS:
        after = [p for p in curve if m - 0.25 <= p["minutes"] <= m + 3]
        if after:
            p = after[0]
            out[f"{m}min"] = {"accuracy": p.get("accuracy"), "step": p["step"],
                              "minutes": p["minutes"], "loss": p.get("loss")}
    return out


# The forgetting probe runs twice (before and after training) and cost about 1 s an item on 2
# CPU threads with SmolLM2-135M (2026-11-30: 100 items and the general text in 104 s). Under a
# whole-job budget each run may take about a tenth of it; 10 items is the least that says anything.
PROBE_S_PER_ITEM = 1.0
BUDGET_SHARE = 0.10  # of a whole-job budget, for each probe run and for the dev set
PROBE_MIN_ITEMS = 10


def probe_items_for(budget_s: float) -> int:
    """Probe items a whole-job budget allows (0 = all: no budget, or enough for all of them)."""
    from ragtune.finetune.forgetting import load_items

    if not budget_s:
        return 0
    n = max(PROBE_MIN_ITEMS, int(budget_s * BUDGET_SHARE / PROBE_S_PER_ITEM))
    return 0 if n >= len(load_items()) else n


# A dev evaluation (16 new tokens a question, batched) cost about 0.75 s a question on 2 CPU
# threads (2026-11-30: 40 questions in 29 s); the loop evaluates at least at its start or end,
# so under a budget the dev set is cut to what about a tenth of the budget buys.
DEV_S_PER_ITEM = 0.75
DEV_MIN_ITEMS = 10


def dev_items_for(budget_s: float, requested: int) -> int:
    """Dev questions a whole-job budget allows (never more than `requested`)."""
    if not budget_s:
        return requested
    return min(requested, max(DEV_MIN_ITEMS, int(budget_s * BUDGET_SHARE / DEV_S_PER_ITEM)))


def _probe_items(limit: int) -> list[dict[str, Any]]:
    """All probe items, or `limit` of them spread over both kinds."""
    from ragtune.finetune.forgetting import load_items

    items = load_items()
    if not limit or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def _probe_text(limit: int) -> str:
    """The general text for perplexity: all of it, or its first paragraph with a small probe."""
    from ragtune.finetune.forgetting import general_text

    return general_text(1 if limit else 0)


def _base_probe(project: Any, base_hash: str, model: Any, tok: Any, device: str,
                limit: int = 0) -> dict[str, Any]:
    """The base model's probe result, cached per base model, probe version and item count."""
    from ragtune.finetune.forgetting import ITEMS_FILE, run_probe
    from ragtune.models.adapters import file_hash

    key = f"{base_hash[:16]}-{file_hash(ITEMS_FILE)[:8]}-{limit or 'all'}"
    path = registry.adapters_dir(project) / f".probe-base-{key}.json"
    if path.exists():
        return json.loads(path.read_text())
    result = run_probe(model, tok, device, items=_probe_items(limit), text=_probe_text(limit))
    atomic_write_json(path, result)
    return result


def run_finetune(
    project: Any,
    opts: FinetuneOptions,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> dict[str, Any]:
    """Train (or resume) and register an adapter; returns its record (or the data preview)."""
    from ragtune.models.worker import release_memory

    try:
        return _run_finetune(project, opts, progress, stop)
    finally:
        release_memory()  # the model, optimiser and activations are gone once the run returns


def _run_finetune(project: Any, opts: FinetuneOptions, progress: Progress | None,
                  stop: threading.Event | None) -> dict[str, Any]:
    from ragtune.models.locate import is_url, resolve_generator_dir

    progress = progress or (lambda event, info: None)
    t_start = opts.started if opts.started is not None else time.perf_counter()
    if opts.method not in ("lora", "full"):
        raise InputError(f"unknown method {opts.method!r}", "use --method lora or --method full")
    if is_url(project.settings.model.generator):
        raise RagtuneError(
            "fine-tuning needs a local model; model.generator is an HTTP server",
            "set model.generator to smollm2-135m or a local Hugging Face folder",
        )
    if opts.resume:
        return _resume(project, opts, progress, stop)
    train_cfg = TrainConfig(**{**asdict(opts.train), "method": opts.method})
    probe_limit = opts.probe_limit or probe_items_for(opts.max_minutes * 60)
    base = None  # (folder, hash); --data-only needs no model
    if opts.init_adapter and not opts.data_only:  # checked before the data work
        base = resolve_generator_dir(project.settings.model.generator)
        _continue_from(project, opts, train_cfg, base[1])
    data, leakage, search = build_data(project, opts, progress)
    if opts.data_only:
        return {**preview(data, leakage), "_examples": data.examples}
    base_dir, base_hash = base or resolve_generator_dir(project.settings.model.generator)
    kind = "full" if opts.method == "full" else ("raft" if opts.task == "raft" else "lora")
    ident = registry.new_id(project, kind)
    run_dir = registry.runs_dir(project) / ident
    prompts = dev_prompts(data.dev, opts.task, search, opts.data,
                          dev_items_for(opts.max_minutes * 60, opts.dev_limit))
    save_examples(run_dir / "train_data.jsonl", data.examples)
    _save_dev(run_dir / "dev_prompts.jsonl", prompts)
    run = {
        "id": ident, "kind": kind, "method": opts.method, "task": opts.task,
        "base_model": {"generator": project.settings.model.generator, "path": str(base_dir),
                       "hash": base_hash},
        "data_hash": data.hash(), "data": {**data.stats, "examples": len(data.examples)},
        "data_options": opts.data.to_dict(), "train": train_cfg.to_dict(),
        "leakage": leakage, "inputs": {"corpus": opts.corpus, "collection": opts.collection,
                                       "train_qa": opts.train_qa, "dev_qa": opts.dev_qa,
                                       "exclude_qa": opts.exclude_qa},
        "forgetting_enabled": opts.forgetting, "probe_limit": probe_limit,
        "init_adapter": opts.init_adapter, "max_minutes": opts.max_minutes or None,
        "setup_s": round(time.perf_counter() - t_start, 1),
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    atomic_write_json(run_dir / "run.json", run)
    progress("run", {"id": ident, "run_dir": str(run_dir)})
    return _train_and_publish(project, run_dir, run, train_cfg, progress, stop, t_start,
                              opts.max_minutes * 60)


def _continue_from(project: Any, opts: FinetuneOptions, cfg: TrainConfig, base_hash: str) -> None:
    """Point the training config at a registered LoRA adapter to continue from (same base
    model; its rank and alpha, since the weights are reused)."""
    info = registry.get_adapter(project, opts.init_adapter)  # type: ignore[arg-type]
    if info.method != "lora" or opts.method != "lora":
        raise InputError(f"{opts.init_adapter} cannot be continued with --method {opts.method}",
                         "continue a LoRA adapter with --method lora")  # fmt: skip
    if (info.record.get("base_model") or {}).get("hash") not in (None, base_hash):
        raise InputError(f"{opts.init_adapter} was trained on another base model",
                         "set model.generator to that model, or train a new adapter")  # fmt: skip
    saved = json.loads((info.path / "adapter_config.json").read_text())
    cfg.rank, cfg.alpha = int(saved.get("r", cfg.rank)), int(saved.get("lora_alpha", cfg.alpha))
    cfg.init_adapter = str(info.path)


def _resume(project: Any, opts: FinetuneOptions, progress: Progress,
            stop: threading.Event | None) -> dict[str, Any]:
    t_start = opts.started if opts.started is not None else time.perf_counter()
    pending = registry.unfinished_runs(project)
    ident = pending[0] if opts.resume is True and pending else opts.resume
    if not pending or ident not in pending:
        raise InputError(
            "nothing to resume" + (f": no unfinished run {ident!r}" if isinstance(ident, str) else ""),
            f"unfinished runs: {', '.join(pending) or 'none'}; start one with `ragtune finetune`",
        )
    run_dir = registry.runs_dir(project) / str(ident)
    run = json.loads((run_dir / "run.json").read_text())
    cfg = TrainConfig.from_dict(run["train"])
    if opts.train.max_minutes:  # a new loop budget may be given when resuming
        cfg.max_minutes = opts.train.max_minutes
        run["train"]["max_minutes"] = cfg.max_minutes
    progress("run", {"id": ident, "run_dir": str(run_dir), "resumed": True})
    # --max-minutes on resume: this session's whole job
    return _train_and_publish(project, run_dir, run, cfg, progress, stop, t_start,
                              opts.max_minutes * 60)


def _train_and_publish(project: Any, run_dir: Path, run: dict[str, Any], cfg: TrainConfig,
                       progress: Progress, stop: threading.Event | None, t_start: float,
                       budget_s: float = 0.0) -> dict[str, Any]:
    """Train (on the torch worker), then probe, save and register; within `budget_s` of
    `t_start` when given (the whole job: what came before, training, what comes after)."""
    from ragtune.finetune.train import load_trainable
    from ragtune.models.worker import torch_worker

    stop = stop if stop is not None else threading.Event()
    job = _Job(project, run_dir, run, cfg, progress, t_start, budget_s, stop)
    try:
        result = _on_torch_thread(torch_worker(), job.train, stop)
    except Stop:
        raise RagtuneError(
            f"training {run['id']} was stopped; its last checkpoint is saved",
            f"continue it with `ragtune finetune --resume --id {run['id']}`",
        ) from None

    def finish() -> dict[str, Any]:
        if result.best_weights is not None:
            load_trainable(result.model, result.best_weights)
        if run.get("forgetting_enabled", True):
            from ragtune.finetune.forgetting import difference, run_probe

            progress("probe", {"when": "after"})
            limit = run.get("probe_limit", 0)
            job.probes["after"] = run_probe(result.model, result.tokenizer, result.device,
                                            items=_probe_items(limit), text=_probe_text(limit))
            job.probes["difference"] = difference(job.probes["before"], job.probes["after"])
        return _save_final(run_dir, run, result)

    saved = torch_worker().run(finish)
    record = _record(run, saved, result, job, t_start)
    final = run_dir / "final"
    atomic_write_json(final / "record.json", record)
    shutil.copy(run_dir / "train_data.jsonl", final / "train_data.jsonl")
    shutil.copy(run_dir / "dev_prompts.jsonl", final / "dev_prompts.jsonl")
    registry.publish(project, run_dir, run["id"])
    progress("done", {"id": run["id"], "metrics": record["metrics"]})
    return record


# CPU figures for the first plan, before a step has been timed: fp32 LoRA on SmolLM2-135M,
# computed tokens per second per thread (docs/FINETUNE.md); scaled by model size. GPUs get no
# guess: the plan is given once the first steps are timed.
CPU_TOKENS_PER_S_PER_THREAD = {"lora": 65.0, "full": 28.0}
REFERENCE_PARAMS = 134.5e6


class _Job:
    """What one run's training needs besides the loop: data, dev prompts, the forgetting probe
    before training, the exposure plan (printed before training, refined once steps are
    timed) and the deadline the whole-job budget leaves for the loop."""

    def __init__(self, project: Any, run_dir: Path, run: dict[str, Any], cfg: TrainConfig,
                 progress: Progress, t_start: float, budget_s: float, stop: threading.Event):
        self.project, self.run_dir, self.run, self.cfg = project, run_dir, run, cfg
        self.progress, self.t_start, self.budget_s, self.stop = progress, t_start, budget_s, stop
        self.examples = load_examples(run_dir / "train_data.jsonl")
        self.prompts = _load_dev(run_dir / "dev_prompts.jsonl")
        self.probes: dict[str, Any] = {}
        self.plan: dict[str, Any] = {}
        self.epoch_tokens = 0
        self.timed: list[tuple[int, float]] = []  # (tokens, seconds) of the steps so far

    def tokenise(self, tok: Any) -> list[Any]:
        from ragtune.finetune.packing import ExampleTokenizer, epoch_rows

        et = ExampleTokenizer(tok)
        items = [et(e) for e in self.examples]
        self.epoch_tokens = sum(r.length for r in epoch_rows(
            items, self.cfg.row_tokens, 0, self.cfg.seed, self.cfg.share_prefix))
        return items

    def after_reserve_s(self) -> float:
        """Seconds the job needs after the loop: the probe again (a little slower after
        training: the model is unmerged), saving, registering, and 2% of the budget for what
        varies (the interpreter's exit included)."""
        probe = (self.probes.get("before") or {}).get("seconds", 0.0) if self.probes else 0.0
        return 1.2 * probe + (15.0 if self.run["method"] == "full" else 3.0) + 0.02 * self.budget_s

    def deadline(self) -> float | None:
        if not self.budget_s:
            return None
        return self.t_start + self.budget_s - self.after_reserve_s()

    def loop_seconds(self) -> float | None:
        """The loop's budget: max_minutes (the loop alone) and/or what the job budget leaves."""
        limits = [self.cfg.max_minutes * 60] if self.cfg.max_minutes else []
        if self.budget_s:
            limits.append(max(0.0, self.deadline() - time.perf_counter()))  # type: ignore[operator]
        return min(limits) if limits else None

    def before_training(self, model: Any, tok: Any, device: str) -> None:
        if self.run.get("forgetting_enabled", True):
            self.progress("probe", {"when": "before"})
            self.probes["before"] = _base_probe(self.project, self.run["base_model"]["hash"],
                                                model, tok, device, self.run.get("probe_limit", 0))
        guess = None
        if device == "cpu":
            from ragtune.finetune.train import count_params

            per_thread = CPU_TOKENS_PER_S_PER_THREAD.get(self.cfg.method, 40.0)
            guess = per_thread * _threads() * REFERENCE_PARAMS / max(count_params(model)[0], 1)
        self.report_plan(guess, measured=False)

    def report_plan(self, tokens_per_s: float | None, measured: bool) -> None:
        from ragtune.finetune.data import plan_exposures

        seconds = self.loop_seconds()
        if seconds is not None:
            seconds *= 1 - self.cfg.eval_share  # what evaluations leave to the steps
        self.plan = {**plan_exposures(self.examples, self.epoch_tokens, tokens_per_s, seconds),
                     "measured": measured}
        self.progress("plan", self.plan)

    def on_progress(self, event: str, info: dict[str, Any]) -> None:
        if event == "step":
            self.timed.append((int(info["tokens_per_s"] * info["seconds"]), info["seconds"]))
            if len(self.timed) == 5:  # the plan again, with this machine's measured speed
                tokens, secs = map(sum, zip(*self.timed[1:]))
                self.report_plan(tokens / secs, measured=True)
        self.progress(event, info)

    def train(self) -> Any:
        from ragtune.finetune.train import train

        base_dir = Path(self.run["base_model"]["path"])
        return train(base_dir, self.tokenise, self.prompts, self.cfg, self.run_dir,
                     self.on_progress, self.stop, before_training=self.before_training,
                     deadline=self.deadline)


def _save_final(run_dir: Path, run: dict[str, Any], result: Any) -> dict[str, Any]:
    final = run_dir / "final"
    shutil.rmtree(final, ignore_errors=True)
    result.model.eval()
    if run["method"] == "full":
        result.model.save_pretrained(final, safe_serialization=True)
        result.tokenizer.save_pretrained(final)
        weights = final / "model.safetensors"
    else:
        result.model.save_pretrained(final)
        weights = final / "adapter_model.safetensors"
    return {"adapter_hash": registry.file_hash(weights), "size_mb": round(weights.stat().st_size / 1e6, 1)}


def _record(run: dict[str, Any], saved: dict[str, Any], result: Any, job: _Job,
            t_start: float) -> dict[str, Any]:
    state, prompts = result.state, job.prompts
    best = next((p for p in state.curve if p["step"] == state.best_step), None)
    start = state.curve[0] if state.curve and state.curve[0]["step"] == 0 else None
    # this session's wall time; a resumed run adds the first session's setup (data synthesis)
    resumed = len(state.sessions) > 1
    wall = round((run.get("setup_s", 0) if resumed else 0) + (time.perf_counter() - t_start), 1)
    return {
        **{k: v for k, v in run.items() if k not in ("setup_s",)},
        **saved,
        "precision": result.dtype, "device": result.device, "torch_threads": state.threads,
        "parameters": {"total": result.params[0], "trainable": result.params[1]},
        "metrics": {
            "dev_accuracy": best["accuracy"] if best else (state.curve[-1]["accuracy"] if state.curve else None),
            "dev_accuracy_base": start["accuracy"] if start else None,
            "dev_by_type": (best or (state.curve[-1] if state.curve else {})).get("by_type"),
            "dev_loss": (best or {}).get("loss"),
            "best_step": state.best_step if result.best_weights is not None else state.step,
            # no evaluation beat the base model: the final weights are registered
            "no_dev_improvement": bool(prompts) and result.best_weights is None,
            "final_train_loss": state.losses[-1]["loss"] if state.losses else None,
            "dev_n": len(prompts),
        },
        "plan": job.plan,
        "learning_curve": state.curve,
        "curve_at_minutes": _curve_marks(state.curve),
        "train_loss": state.losses[:: max(1, len(state.losses) // 200)],
        "steps": state.step, "epochs": round(state.epoch + 0.0, 2),
        "stop_reason": state.stop_reason,
        "tokens_seen": {"computed": state.tokens, "examples_unpacked": state.example_tokens,
                        "answer_tokens": state.target_tokens, "examples": state.examples_seen},
        "tokens_per_s": round(state.tokens / state.clock_s, 1) if state.clock_s else None,
        "train_wall_s": round(state.clock_s, 1),
        "eval_s": round(sum(p.get("seconds") or 0 for p in state.curve), 1),
        "wall_s": wall,
        "budget_s": job.budget_s or None,
        "setup_s": run.get("setup_s"),
        "sessions": state.sessions,
        "peak_rss_mb": round(result.peak_rss_mb, 1),
        "memory_estimate_gb": round(result.memory_estimate_gb, 2),
        "forgetting": job.probes or None,
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def _threads() -> int:
    import torch

    return torch.get_num_threads()


def _on_torch_thread(worker: Any, fn: Callable[[], Any], stop: threading.Event) -> Any:
    """Run on the torch worker; Ctrl-C asks the loop to checkpoint and stop, then re-raises."""
    from concurrent.futures import TimeoutError as FutureTimeout

    if worker.in_worker():
        return fn()
    future = worker.submit(fn)
    while True:
        try:
            return future.result(timeout=0.5)
        except FutureTimeout:
            continue
        except KeyboardInterrupt:
            stop.set()
            try:
                future.result()
            except BaseException:  # noqa: BLE001 - the loop stops by raising; we re-raise below
                pass
            raise
