"""The training loop: LoRA or full fine-tuning, a readable plain loop (no Trainer).

- loss only on answer tokens (and every token of continued-pretraining text), computed from
  the hidden states of labelled positions only (the 49k-wide vocabulary projection is the
  largest activation; most positions are prompt),
- packing that keeps examples apart (`packing.py`: block-diagonal attention, per-example
  positions, shared system turn),
- bf16 weights for LoRA where bf16 is fast (GPU, CPUs with AVX512-BF16/AMX; adapters stay
  fp32), fp32 master weights with bf16 autocast for full fine-tuning; fp32 on AVX2-only CPUs,
  where bf16 is emulated and ~7x slower. GPU when present,
- gradient accumulation, warm-up then cosine decay over the step/epoch/time budget,
- dev evaluation with generated answers scored by `ragtune.eval` (plus teacher-forced dev
  loss), early stopping on dev accuracy, best weights kept,
- checkpoints (one file, written atomically) and resume after a crash or kill -9,
- a wall-clock budget (`max_minutes`) that ends cleanly with the best weights.

The loop reads top to bottom in `train`; each step is a function of one `Run` object:

    run = start_run(...)                    # model, tokenised data, optimiser, checkpoint
    while not reason_to_stop(run, stop):
        optimizer_step(run, next_micro_batches(run))
        if eval_due(run): evaluate_and_keep_best(run)
        if checkpoint_due(run): save_checkpoint(run)
    finish_run(run)                         # last evaluation, final checkpoint

All torch work runs on the caller's thread; `api.finetune` runs it on the process's torch
worker thread like every other model call.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import threading
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ragtune.errors import RagtuneError
from ragtune.eval.qa import QAItem
from ragtune.finetune.packing import (
    IGNORE,
    Batch,
    ExampleTokenizer,
    Row,
    Tokenized,
    collate,
    epoch_rows,
    prompt_text,
)

LINEAR_MODULES = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


@dataclass
class TrainConfig:
    method: str = "lora"  # lora | full
    rank: int = 16
    alpha: int = 32
    dropout: float = 0.0
    target_modules: tuple[str, ...] = LINEAR_MODULES
    lr: float = 0.0  # 0 = the method's default (LoRA 2e-3, full 1e-4)
    schedule: str = "cosine"  # cosine | linear | constant (after warm-up)
    warmup_steps: int = 10
    min_lr_ratio: float = 0.1
    weight_decay: float = 0.0
    row_tokens: int = 512
    batch_rows: int = 4
    grad_accum: int = 1
    max_epochs: float = 40.0
    max_steps: int = 0  # 0 = no step limit
    max_minutes: float = 0.0  # 0 = no time limit (training loop wall time, evals included)
    eval_every_minutes: float = 0.0  # 0 = at 5, 10, 20, 30 minutes, then every 10
    eval_at_minutes: tuple[float, ...] = (5.0, 10.0, 20.0, 30.0)
    eval_every_steps: int = 0  # when > 0, evaluate by steps instead of minutes
    eval_at_start: bool = True
    eval_share: float = 0.1  # dev evaluations (minute-scheduled) take at most this share of the loop
    checkpoint_every_minutes: float = 2.0
    checkpoint_every_steps: int = 0
    patience: int = 3  # evaluations without a better dev accuracy before stopping
    dtype: str = "auto"  # auto | bfloat16 | float32
    device: str = "auto"
    threads: int = 0  # 0 = auto_threads()
    seed: int = 0
    share_prefix: bool = True
    dev_max_new_tokens: int = 16
    # 8, not 16: a bf16 batch of 16 prompts (~130 tokens) took a transient +0.5 GB in generate
    # on CPU, 8 none (2026-11-30); it set the demo's peak RSS at its fine-tune's last evaluation
    dev_batch_size: int = 8
    # continue training this LoRA adapter folder (freshness: absorb an update batch into an
    # existing adapter) instead of starting a new one; its rank and alpha are used
    init_adapter: str = ""

    def learning_rate(self) -> float:
        return self.lr or (2e-3 if self.method == "lora" else 1e-4)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["target_modules"] = list(self.target_modules)
        d["eval_at_minutes"] = list(self.eval_at_minutes)
        d["lr"] = self.learning_rate()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TrainConfig":
        d = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        for key in ("target_modules", "eval_at_minutes"):
            if key in d:
                d[key] = tuple(d[key])
        return cls(**d)


@dataclass
class DevPrompt:
    """A dev question as the model sees it: rendered prompt text, and how to score it."""

    item: QAItem
    user: str
    system: str
    kind: str  # closed_book | raft


@dataclass
class TrainState:
    step: int = 0
    epoch: int = 0
    row_index: int = 0  # rows of the current epoch already consumed
    clock_s: float = 0.0  # training-loop wall time over all sessions
    tokens: int = 0  # non-padding tokens computed
    example_tokens: int = 0  # tokens of the examples seen, each with its full prompt
    target_tokens: int = 0
    examples_seen: int = 0
    best_accuracy: float = -1.0
    best_loss: float = float("inf")
    best_step: int = -1
    evals_since_best: int = 0
    curve: list[dict[str, Any]] = field(default_factory=list)  # dev evaluations
    losses: list[dict[str, Any]] = field(default_factory=list)  # training loss by step
    sessions: list[dict[str, Any]] = field(default_factory=list)  # start step / clock per run
    stop_reason: str = ""
    threads: int = 0  # torch threads of the latest session
    loop_budget_s: float = 0.0  # what the deadline left the loop (a resume without one keeps it)


def looks_abstained(text: str) -> bool:
    t = re.sub(r"[^a-z' ]", "", text.lower()).strip()
    return t.startswith(("i dont know", "i don't know", "i do not know", "unknown"))


def strip_citations(text: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", text).strip()


def cpu_has_fast_bf16(env: dict | None = None) -> bool:
    """bf16 matmuls are fast only with AVX512-BF16 or AMX; on AVX2 they are emulated (~7x
    slower than fp32, measured on an AVX2 EPYC). An ISA cap for oneDNN (ONEDNN_MAX_CPU_ISA,
    which torch's CPU kernels honour too) below AVX512_CORE_BF16 emulates them as well: with
    the cap at AVX2 on an AVX512-BF16 EPYC a LoRA step of 320 tokens took 40 s in bf16
    against 3 s uncapped (2026-12-02)."""
    from ragtune.models.backend import cpu_flags

    env = os.environ if env is None else env
    cap = (env.get("ONEDNN_MAX_CPU_ISA") or env.get("DNNL_MAX_CPU_ISA") or "").upper()
    if cap and cap not in ("ALL", "DEFAULT") and not any(k in cap for k in ("BF16", "AMX", "FP16", "AVX10")):
        return False
    return bool({"avx512_bf16", "amx_bf16"} & cpu_flags())


def pick_dtype(config: TrainConfig, device: str) -> str:
    if config.dtype != "auto":
        return config.dtype
    if device.startswith("cuda"):
        import torch

        return "bfloat16" if torch.cuda.is_bf16_supported() else "float32"
    return "bfloat16" if cpu_has_fast_bf16() else "float32"


def auto_threads(own: int = 0) -> int:
    """All cores (up to 8) on a quiet machine; one thread when other processes already keep
    every core busy: then two OpenMP threads wait on each other's time slices (measured with
    a load average of ~9 on 2 cores: 61 example tokens/s on 1 thread, 42 on 2).
    `own`: threads this process is running now (their share of the load is not "others")."""
    cpus = os.cpu_count() or 1
    try:
        others = max(0.0, os.getloadavg()[0] - own)
    except OSError:
        others = 0.0
    return 1 if cpus > 1 and others >= cpus - 0.5 else min(cpus, 8)


def rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ------------------------------------------------------------------ model


def load_model(base_dir: Path, config: TrainConfig) -> tuple[Any, Any, str]:
    """(model ready to train, tokenizer, device). LoRA wraps a bf16 base; full trains fp32.
    Thread counts are the caller's (`train` scopes them to the training)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ragtune.models.local import pick_device

    hf_logging.disable_progress_bar()
    device = pick_device(config.device)
    dtype = pick_dtype(config, device)
    tok = AutoTokenizer.from_pretrained(base_dir)
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    tok.padding_side = "left"
    weights = torch.bfloat16 if (config.method == "lora" and dtype == "bfloat16") else torch.float32
    model = AutoModelForCausalLM.from_pretrained(base_dir, dtype=weights)
    model.to(device)
    if config.method == "lora" and config.init_adapter:
        from peft import PeftModel

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*")
            model = PeftModel.from_pretrained(model, config.init_adapter, is_trainable=True)
    elif config.method == "lora":
        from peft import LoraConfig, get_peft_model

        lcfg = LoraConfig(
            r=config.rank, lora_alpha=config.alpha, lora_dropout=config.dropout,
            target_modules=list(config.target_modules), task_type="CAUSAL_LM", bias="none",
        )
        torch.manual_seed(config.seed)
        with warnings.catch_warnings():  # transformers' deprecation notice, raised inside PEFT
            warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*")
            model = get_peft_model(model, lcfg)  # adapter weights stay fp32 (autocast_adapter_dtype)
    elif config.method != "full":
        raise RagtuneError(f"unknown method {config.method!r}", "use --method lora or full")
    model.train()
    return model, tok, device


def causal_lm(model: Any) -> Any:
    """The HF causal LM inside a PEFT wrapper (LoRA layers are injected in place)."""
    from peft import PeftModel

    return model.base_model.model if isinstance(model, PeftModel) else model


def trainable_state(model: Any) -> dict[str, Any]:
    return {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}


def load_trainable(model: Any, state: dict[str, Any]) -> None:
    import torch

    params = dict(model.named_parameters())
    with torch.no_grad():
        for n, v in state.items():
            params[n].copy_(v)


def count_params(model: Any) -> tuple[int, int]:
    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return total, trainable


def estimate_memory_gb(model: Any, config: TrainConfig, dtype: str) -> float:
    """Peak memory of a training step, from the model's shape (calibrated on SmolLM2-135M)."""
    cfg = causal_lm(model).config
    total, trainable = count_params(model)
    wbytes = 2 if (config.method == "lora" and dtype == "bfloat16") else 4
    weights = total * wbytes
    optimizer = trainable * 4 * 3  # fp32 gradient + two Adam moments
    tokens = config.row_tokens * config.batch_rows
    abytes = 2 if dtype == "bfloat16" else 4
    per_token = cfg.num_hidden_layers * (cfg.hidden_size * 16 + cfg.intermediate_size * 6) * abytes
    activations = tokens * per_token
    mask = config.batch_rows * config.row_tokens**2 * (1 + 4)  # bool mask + sdpa's float copy
    logits = tokens * 0.3 * cfg.vocab_size * 4 * 3  # labelled positions only (<= ~30%)
    runtime = 0.8e9  # torch, tokenizers, python
    return (weights + optimizer + activations + mask + logits + runtime) / 1e9


def check_memory(model: Any, config: TrainConfig, dtype: str, device: str) -> float:
    """Refuse (with a suggestion) when a step would not fit in the machine's free memory."""
    need = estimate_memory_gb(model, config, dtype)
    if device.startswith("cuda"):
        import torch

        free = torch.cuda.mem_get_info()[0] / 1e9
    else:
        import psutil

        free = psutil.virtual_memory().available / 1e9
    if need > free * 0.9:
        hint = "lower --batch-rows or --row-tokens"
        if config.method == "full":
            hint += ", or use --method lora"
        raise RagtuneError(
            f"training needs about {need:.1f} GB but only {free:.1f} GB is free", hint
        )
    return need


# ------------------------------------------------------------------ loss


def batch_loss(model: Any, batch: Batch, autocast: bool) -> tuple[Any, int]:
    """Sum of cross-entropy over the batch's labelled tokens, and how many there are."""
    import contextlib

    import torch
    import torch.nn.functional as F

    lm = causal_lm(model)
    ctx = (
        torch.autocast(device_type=batch.input_ids.device.type, dtype=torch.bfloat16)
        if autocast else contextlib.nullcontext()
    )
    with ctx:
        hidden = lm.model(
            input_ids=batch.input_ids,
            attention_mask=batch.attention_mask,
            position_ids=batch.position_ids,
            use_cache=False,
        ).last_hidden_state
        h = hidden.reshape(-1, hidden.shape[-1]).index_select(0, batch.target_index)
        logits = lm.lm_head(h)
    n = int(batch.target_ids.numel())
    loss = F.cross_entropy(logits.float(), batch.target_ids, reduction="sum")
    return loss, n


# ------------------------------------------------------------------ dev evaluation


def generate_answers(model: Any, tok: Any, prompts: list[str], max_new_tokens: int,
                     batch_size: int, device: str, eos_ids: list[int]) -> list[str]:
    """Greedy answers for rendered prompt texts (left-padded batches, longest first)."""
    import torch

    enc = [tok(p, add_special_tokens=False).input_ids for p in prompts]
    order = sorted(range(len(prompts)), key=lambda i: -len(enc[i]))
    out = [""] * len(prompts)
    was_training = model.training
    model.eval()
    try:
        for s in range(0, len(order), batch_size):
            idx = order[s : s + batch_size]
            batch = tok.pad({"input_ids": [enc[i] for i in idx]}, padding=True,
                            return_tensors="pt").to(device)
            with torch.inference_mode():
                seqs = model.generate(**batch, max_new_tokens=max_new_tokens, do_sample=False,
                                      pad_token_id=tok.pad_token_id, eos_token_id=eos_ids)
            for row, i in zip(seqs[:, batch["input_ids"].shape[1] :].tolist(), idx):
                cut = next((j for j, t in enumerate(row) if t in eos_ids), len(row))
                out[i] = tok.decode(row[:cut], skip_special_tokens=True).strip()
    finally:
        if was_training:
            model.train()
    return out


def evaluate(model: Any, tok: Any, dev: Sequence[DevPrompt], config: TrainConfig, device: str,
             autocast: bool) -> dict[str, Any]:
    """Dev accuracy from generated answers (scored by the eval core) and teacher-forced loss."""
    import torch

    from ragtune.eval.metrics import is_correct

    if not dev:
        return {"accuracy": None, "n": 0}
    t0 = time.perf_counter()
    eos_ids = sorted({tok.eos_token_id, *([model.generation_config.eos_token_id]
                      if isinstance(model.generation_config.eos_token_id, int)
                      else (model.generation_config.eos_token_id or []))} - {None})
    gc = model.generation_config
    gc.temperature, gc.top_p, gc.top_k, gc.do_sample = None, None, None, False
    texts = [prompt_text(tok, d.user, d.system) for d in dev]
    answers = generate_answers(model, tok, texts, config.dev_max_new_tokens,
                               config.dev_batch_size, device, eos_ids)
    by_type: dict[str, list[int]] = {}
    samples = []
    correct = 0
    for d, a in zip(dev, answers):
        text = strip_citations(a) if d.kind == "raft" else a
        ok = is_correct(d.item, text, looks_abstained(text))
        correct += ok
        key = f"{d.kind}/{d.item.type}" if d.kind == "raft" else d.item.type
        by_type.setdefault(key, []).append(int(ok))
        if len(samples) < 8:
            samples.append({"q": d.item.question, "gold": d.item.answers[:1], "answer": a, "ok": ok})
    # teacher-forced loss on the gold answers (a smoother signal than accuracy)
    from ragtune.finetune.data import Example

    et = ExampleTokenizer(tok)
    items = [et(Example("qa", d.item.answers[0], user=d.user, system=d.system))
             for d in dev if d.item.answers]
    loss_sum, n_tok = 0.0, 0
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            for s in range(0, len(items), 16):
                rows = [Row((), [Tokenized((), list(t.prefix) + t.tail,
                                           [IGNORE] * len(t.prefix) + t.labels, t.full_tokens)])
                        for t in items[s : s + 16]]
                b = collate(rows, tok.pad_token_id, device)
                loss, n = batch_loss(model, b, autocast)
                loss_sum += float(loss)
                n_tok += n
    finally:
        if was_training:
            model.train()
    return {
        "accuracy": correct / len(dev),
        "n": len(dev),
        "by_type": {k: round(sum(v) / len(v), 4) for k, v in sorted(by_type.items())},
        "loss": loss_sum / max(n_tok, 1),
        "samples": samples,
        "seconds": round(time.perf_counter() - t0, 1),
    }


# ------------------------------------------------------------------ loop


class Stop(Exception):
    pass


@dataclass
class TrainResult:
    state: TrainState
    best_weights: dict[str, Any] | None
    model: Any
    tokenizer: Any
    device: str
    dtype: str
    peak_rss_mb: float
    memory_estimate_gb: float
    params: tuple[int, int]


@dataclass
class Run:
    """One training session in one object: the model and its optimiser, the data, the clocks,
    and `state` (what a checkpoint saves). The loop's steps below read and update it."""

    config: TrainConfig
    model: Any
    tok: Any
    device: str
    dtype: str
    items: Sequence[Tokenized]
    dev: Sequence[DevPrompt]
    run_dir: Path
    progress: Callable[[str, dict[str, Any]], None]
    optimizer: Any = None
    params: list[Any] = field(default_factory=list)
    state: TrainState = field(default_factory=TrainState)
    best_weights: dict[str, Any] | None = None
    memory_gb: float = 0.0
    session_start: float = 0.0  # perf_counter() when this session started
    clock_at_start: float = 0.0  # training-loop seconds of earlier sessions
    next_eval: float = 0.0  # a step (eval_every_steps) or a minute of loop time
    next_checkpoint_min: float = 0.0
    last_eval_step: int = -1
    deadline: float | None = None  # perf_counter() by which the loop and its last evaluation end
    step_seconds: list[float] = field(default_factory=list)  # this session's recent steps
    _rows: tuple[int, list[Row]] | None = None

    @property
    def autocast(self) -> bool:
        return self.config.method == "full" and self.dtype == "bfloat16"

    @property
    def checkpoint_path(self) -> Path:
        return self.run_dir / "checkpoint.pt"

    @property
    def best_path(self) -> Path:
        return self.run_dir / "best.pt"

    def clock(self) -> float:
        """Training-loop wall time over all sessions (seconds)."""
        return self.clock_at_start + time.perf_counter() - self.session_start

    def rows(self, epoch: int) -> list[Row]:
        """The packed rows of an epoch (the current one is cached)."""
        if self._rows is None or self._rows[0] != epoch:
            self._rows = (epoch, epoch_rows(self.items, self.config.row_tokens, epoch,
                                            self.config.seed, self.config.share_prefix))
        return self._rows[1]

    @property
    def steps_per_epoch(self) -> int:
        return max(1, math.ceil(len(self.rows(0)) / (self.config.batch_rows * self.config.grad_accum)))

    def loop_seconds(self) -> float | None:
        """The loop's time budget over all sessions: max_minutes, or up to the deadline."""
        limits = [self.config.max_minutes * 60] if self.config.max_minutes else []
        if self.deadline is not None:
            limits.append(self.clock_at_start + self.deadline - self.session_start)
        elif self.state.loop_budget_s:
            limits.append(self.state.loop_budget_s)
        return min(limits) if limits else None

    def schedule_progress(self) -> float:
        """How far through its budget (epochs, steps or time, whichever is nearest) the run is."""
        c, s = self.config, self.state
        parts = [(s.epoch + s.row_index / max(len(self.rows(s.epoch)), 1)) / c.max_epochs]
        if c.max_steps:
            parts.append(s.step / c.max_steps)
        budget = self.loop_seconds()
        if budget:
            parts.append(self.clock() / budget)
        return max(parts)

    def eval_seconds(self) -> tuple[float, float]:
        """(all dev evaluations so far, the latest one) in seconds."""
        times = [p.get("seconds") or 0.0 for p in self.state.curve]
        return sum(times), (times[-1] if times else 0.0)

    def time_left_for_a_step(self) -> bool:
        """Whether one more step and the final evaluation still end before the deadline."""
        if self.deadline is None:
            return True
        step = max(self.step_seconds[-5:], default=0.0)
        final_eval = self.eval_seconds()[1] if self.dev else 0.0
        return time.perf_counter() + step + final_eval < self.deadline


def _lr_at(config: TrainConfig, state: TrainState, progress: float) -> float:
    base = config.learning_rate()
    if state.step < config.warmup_steps:
        return base * (state.step + 1) / config.warmup_steps
    if config.schedule == "constant":
        return base
    floor = base * config.min_lr_ratio
    p = min(max(progress, 0.0), 1.0)
    if config.schedule == "linear":
        return floor + (base - floor) * (1 - p)
    return floor + (base - floor) * 0.5 * (1 + math.cos(math.pi * p))


def _save_atomic(obj: Any, path: Path) -> None:
    import torch

    tmp = path.with_name(f".{path.name}.tmp")
    torch.save(obj, tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


@contextlib.contextmanager
def torch_threads(n: int) -> Iterator[None]:
    """Train on `n` threads and leave the process's setting as it was: the generator that
    shares this process keeps its own thread count after training."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(max(1, n))
    try:
        yield
    finally:
        torch.set_num_threads(before)


# ---- the loop's steps, in the order `train` runs them


def start_run(base_dir: Path, items: Sequence[Tokenized] | Callable[[Any], Sequence[Tokenized]],
              dev: Sequence[DevPrompt], config: TrainConfig, run_dir: Path,
              progress: Callable[[str, dict[str, Any]], None],
              model_and_tokenizer: tuple[Any, Any, str] | None,
              before_training: Callable[[Any, Any, str], None] | None,
              deadline: float | Callable[[], float | None] | None = None) -> Run:
    """Model, tokenised data, memory check, optimiser; then the checkpoint if there is one."""
    import torch

    model, tok, device = model_and_tokenizer or load_model(base_dir, config)
    if callable(items):
        items = items(tok)
    if not items:
        raise RagtuneError("no training examples left", "see the data summary (--data-only)")
    run = Run(config, model, tok, device, pick_dtype(config, device), items, dev, run_dir, progress)
    run.memory_gb = check_memory(model, config, run.dtype, device)
    if before_training is not None:
        before_training(model, tok, device)
    run.deadline = deadline() if callable(deadline) else deadline  # after the caller's set-up
    run.params = [p for p in model.parameters() if p.requires_grad]
    run.optimizer = torch.optim.AdamW(run.params, lr=config.learning_rate(),
                                      weight_decay=config.weight_decay, betas=(0.9, 0.98))
    if run.checkpoint_path.exists():
        load_checkpoint(run)
    else:
        torch.manual_seed(config.seed)
    run.state.threads = torch.get_num_threads()
    run.state.sessions.append({"start_step": run.state.step,
                               "start_clock_s": round(run.state.clock_s, 1)})
    run.session_start, run.clock_at_start = time.perf_counter(), run.state.clock_s
    if run.deadline is not None:
        run.state.loop_budget_s = run.loop_seconds() or 0.0
    run.next_eval = next_eval_after(run, run.state.clock_s / 60)
    run.next_checkpoint_min = run.state.clock_s / 60 + config.checkpoint_every_minutes
    return run


def affordable_start_eval(run: Run) -> bool:
    """The base model's dev score costs an evaluation (about a second per prompt on 2 CPU
    cores); skipped when, with the final one, it would exceed eval_share of a short budget."""
    budget = run.loop_seconds()
    guess = len(run.dev) * (1.0 if run.device == "cpu" else 0.1)
    return budget is None or 2 * guess <= run.config.eval_share * budget


def load_checkpoint(run: Run) -> None:
    import random

    import numpy as np
    import torch

    saved = torch.load(run.checkpoint_path, map_location=run.device, weights_only=False)
    load_trainable(run.model, saved["weights"])
    run.optimizer.load_state_dict(saved["optimizer"])
    run.state = TrainState(**saved["state"])
    random.setstate(saved["rng"]["python"])
    np.random.set_state(saved["rng"]["numpy"])
    torch.set_rng_state(saved["rng"]["torch"])
    if run.best_path.exists():
        run.best_weights = torch.load(run.best_path, map_location=run.device, weights_only=False)
    run.progress("resumed", {"step": run.state.step, "clock_s": run.state.clock_s})


def save_checkpoint(run: Run) -> None:
    """Trainable weights, optimiser, counters and RNG states in one file, written atomically."""
    import random

    import numpy as np
    import torch

    run.state.clock_s = run.clock()
    _save_atomic({
        "weights": trainable_state(run.model),
        "optimizer": run.optimizer.state_dict(),
        "state": asdict(run.state),
        "rng": {"python": random.getstate(), "numpy": np.random.get_state(),
                "torch": torch.get_rng_state()},
    }, run.checkpoint_path)
    run.next_checkpoint_min = run.clock() / 60 + run.config.checkpoint_every_minutes
    run.progress("checkpoint", {"step": run.state.step})


def reason_to_stop(run: Run, stop: threading.Event | None) -> str:
    """Why the loop ends before the next step ("" = it goes on)."""
    c, s = run.config, run.state
    if stop is not None and stop.is_set():
        return "interrupted"
    if c.max_steps and s.step >= c.max_steps:
        return "max_steps"
    if s.epoch >= c.max_epochs:
        return "max_epochs"
    if (c.max_minutes and run.clock() >= c.max_minutes * 60) or not run.time_left_for_a_step():
        return "max_minutes"
    if c.patience and s.evals_since_best >= c.patience:
        return "early_stopping"
    return ""


def next_micro_batches(run: Run) -> list[list[Row]]:
    """The rows of the next optimiser step (grad_accum micro-batches), advancing the epoch."""
    c, s = run.config, run.state
    micro: list[list[Row]] = []
    for _ in range(c.grad_accum):
        rows = run.rows(s.epoch)
        take = rows[s.row_index : s.row_index + c.batch_rows]
        s.row_index += len(take)
        if s.row_index >= len(rows):
            s.epoch += 1
            s.row_index = 0
        if take:
            micro.append(take)
        if s.epoch >= c.max_epochs:
            break
    return micro


def optimizer_step(run: Run, micro: list[list[Row]]) -> dict[str, Any]:
    """Forward and backward over the micro-batches (loss averaged over all their answer
    tokens), clip, step; counters updated. Returns what the progress callback shows."""
    import torch

    s = run.state
    t0 = time.perf_counter()
    batches = [collate(m, run.tok.pad_token_id, run.device) for m in micro]
    n_targets = sum(int(b.target_ids.numel()) for b in batches)
    lr = _lr_at(run.config, s, run.schedule_progress())
    for g in run.optimizer.param_groups:
        g["lr"] = lr
    total = 0.0
    for b in batches:
        loss, _ = batch_loss(run.model, b, run.autocast)
        (loss / max(n_targets, 1)).backward()
        total += float(loss.detach())
    torch.nn.utils.clip_grad_norm_(run.params, 1.0)
    run.optimizer.step()
    run.optimizer.zero_grad(set_to_none=True)
    s.step += 1
    if not run.config.threads and s.step % 10 == 0:
        s.threads = retune_threads()
    step_tokens = sum(b.tokens for b in batches)
    s.tokens += step_tokens
    s.example_tokens += sum(b.example_tokens for b in batches)
    s.target_tokens += n_targets
    s.examples_seen += sum(b.examples for b in batches)
    dt = time.perf_counter() - t0
    run.step_seconds.append(dt)
    mean_loss = total / max(n_targets, 1)
    s.losses.append({"step": s.step, "loss": round(mean_loss, 4), "minutes": round(run.clock() / 60, 2)})
    return {"step": s.step, "epoch": s.epoch, "loss": mean_loss, "lr": lr,
            "examples_seen": s.examples_seen, "tokens_per_s": step_tokens / dt, "seconds": dt, "minutes": run.clock() / 60,
            "progress": run.schedule_progress(), "steps_per_epoch": run.steps_per_epoch}


def retune_threads() -> int:
    """Other work on the machine comes and goes: re-pick the thread count."""
    import torch

    now = torch.get_num_threads()
    want = auto_threads(own=now)
    if want != now:
        torch.set_num_threads(want)
    return want


def eval_due(run: Run) -> bool:
    if not run.dev:
        return False
    if run.config.eval_every_steps:
        return run.state.step >= run.next_eval
    return run.clock() / 60 >= run.next_eval


def next_eval_after(run: Run, minute: float) -> float:
    """The next evaluation: a step count with eval_every_steps, else a minute of loop time
    (every eval_every_minutes, or at eval_at_minutes and then every 10), but never so soon
    that evaluations (the final one included) would take more than eval_share of the loop."""
    c = run.config
    if c.eval_every_steps:
        return (run.state.step // c.eval_every_steps + 1) * c.eval_every_steps
    if c.eval_every_minutes:
        planned = (math.floor(minute / c.eval_every_minutes) + 1) * c.eval_every_minutes
    else:
        later = [m for m in c.eval_at_minutes if m > minute]
        last = max(c.eval_at_minutes, default=0.0)
        planned = later[0] if later else last + (math.floor((minute - last) / 10) + 1) * 10
    spent, latest = run.eval_seconds()
    if c.eval_share and spent:
        planned = max(planned, (spent + 2 * latest) / c.eval_share / 60)  # this one and the final one
    return planned


def checkpoint_due(run: Run) -> bool:
    if run.config.checkpoint_every_steps:
        return run.state.step % run.config.checkpoint_every_steps == 0
    return run.clock() / 60 >= run.next_checkpoint_min


def evaluate_and_keep_best(run: Run) -> None:
    """A dev evaluation: appended to the curve; better weights (accuracy, ties by dev loss)
    are kept in memory and in best.pt; counts evaluations without improvement."""
    s = run.state
    s.clock_s = run.clock()
    result = evaluate(run.model, run.tok, run.dev, run.config, run.device, run.autocast)
    acc = result["accuracy"]
    point = {"step": s.step, "minutes": round(run.clock() / 60, 2), "epoch": s.epoch,
             "tokens": s.tokens, **{k: v for k, v in result.items() if k != "samples"}}
    s.curve.append(point)
    better = acc is None or (  # no dev set: the latest weights are the best we know
        acc > s.best_accuracy or (acc == s.best_accuracy and result["loss"] < s.best_loss))
    if better and s.step > 0:
        improved = acc is None or acc > s.best_accuracy
        s.best_accuracy = acc if acc is not None else s.best_accuracy
        s.best_loss = result.get("loss", s.best_loss)
        s.best_step = s.step
        run.best_weights = trainable_state(run.model)
        _save_atomic(run.best_weights, run.best_path)
        s.evals_since_best = 0 if improved else s.evals_since_best + 1
    elif s.step == 0:
        s.best_accuracy = acc if acc is not None else -1.0
        s.best_loss = result.get("loss", float("inf"))
    else:
        s.evals_since_best += 1
    run.last_eval_step = s.step
    run.next_eval = next_eval_after(run, run.clock() / 60)
    run.progress("eval", {**point, "samples": result.get("samples", [])})


def finish_run(run: Run) -> TrainResult:
    """The last evaluation (unless this step was just evaluated), the final checkpoint."""
    s = run.state
    if run.dev and run.last_eval_step != s.step and s.step > 0:
        evaluate_and_keep_best(run)
    if not run.dev and s.step > 0:
        run.best_weights = trainable_state(run.model)
        s.best_step = s.step
    s.clock_s = run.clock()
    save_checkpoint(run)
    return TrainResult(s, run.best_weights, run.model, run.tok, run.device, run.dtype, rss_mb(),
                       run.memory_gb, count_params(run.model))


def train(
    base_dir: Path,
    items: Sequence[Tokenized] | Callable[[Any], Sequence[Tokenized]],
    dev: Sequence[DevPrompt],
    config: TrainConfig,
    run_dir: Path,
    progress: Callable[[str, dict[str, Any]], None] | None = None,
    stop: threading.Event | None = None,
    model_and_tokenizer: tuple[Any, Any, str] | None = None,
    before_training: Callable[[Any, Any, str], None] | None = None,
    deadline: float | Callable[[], float | None] | None = None,
) -> TrainResult:
    """Train on tokenised examples; resumes from `run_dir/checkpoint.pt` when it exists.

    `items` may be a function of the tokenizer (tokenising needs the model's tokenizer).
    `deadline` (a `time.perf_counter()` value, or a function giving it once the model is
    loaded and `before_training` ran): the loop and its final evaluation end by then (the
    caller's whole-job budget, minus what it does after). Thread settings apply to this
    call only (see `torch_threads`).
    """
    progress = progress or (lambda event, info: None)
    with torch_threads(config.threads or auto_threads()):
        run = start_run(base_dir, items, dev, config, run_dir, progress, model_and_tokenizer,
                        before_training, deadline)
        if run.state.step == 0 and not run.state.curve and config.eval_at_start and dev \
                and affordable_start_eval(run):
            evaluate_and_keep_best(run)
        progress("start", {"steps_per_epoch": run.steps_per_epoch, "examples": len(run.items),
                           "rows": len(run.rows(0)), "step": run.state.step})
        if run.state.curve:
            run.last_eval_step = run.state.step
        try:
            while not (reason := reason_to_stop(run, stop)):
                micro = next_micro_batches(run)
                progress("step", optimizer_step(run, micro))
                if eval_due(run):
                    evaluate_and_keep_best(run)
                if checkpoint_due(run):
                    save_checkpoint(run)
            if reason == "interrupted":
                raise Stop
            run.state.stop_reason = reason
        except (Stop, KeyboardInterrupt):
            run.state.stop_reason = "interrupted"
            save_checkpoint(run)
            raise
        return finish_run(run)
