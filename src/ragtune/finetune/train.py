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

All torch work runs on the caller's thread; `api.finetune` runs it on the process's torch
worker thread like every other model call.
"""

from __future__ import annotations

import math
import os
import re
import threading
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

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
    checkpoint_every_minutes: float = 2.0
    checkpoint_every_steps: int = 0
    patience: int = 3  # evaluations without a better dev accuracy before stopping
    dtype: str = "auto"  # auto | bfloat16 | float32
    device: str = "auto"
    threads: int = 0  # 0 = auto_threads()
    seed: int = 0
    share_prefix: bool = True
    dev_max_new_tokens: int = 16
    dev_batch_size: int = 16
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


def looks_abstained(text: str) -> bool:
    t = re.sub(r"[^a-z' ]", "", text.lower()).strip()
    return t.startswith(("i dont know", "i don't know", "i do not know", "unknown"))


def strip_citations(text: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", text).strip()


def cpu_has_fast_bf16() -> bool:
    """bf16 matmuls are fast only with AVX512-BF16 or AMX; on AVX2 they are emulated (~7x
    slower than fp32, measured on an AVX2 EPYC)."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


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
    """(model ready to train, tokenizer, device). LoRA wraps a bf16 base; full trains fp32."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ragtune.models.local import pick_device
    from ragtune.models.worker import configure_torch

    hf_logging.disable_progress_bar()
    configure_torch(config.threads or auto_threads())
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
) -> TrainResult:
    """Train on tokenised examples; resumes from `run_dir/checkpoint.pt` when it exists.

    `items` may be a function of the tokenizer (tokenising needs the model's tokenizer).
    """
    import random as _random

    import numpy as np
    import torch

    progress = progress or (lambda event, info: None)
    model, tok, device = model_and_tokenizer or load_model(base_dir, config)
    dtype = pick_dtype(config, device)
    autocast = config.method == "full" and dtype == "bfloat16"
    if callable(items):
        items = items(tok)
    if not items:
        raise RagtuneError("no training examples left", "see the data summary (--data-only)")
    memory_gb = check_memory(model, config, dtype, device)
    if before_training is not None:
        before_training(model, tok, device)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=config.learning_rate(), weight_decay=config.weight_decay,
                                  betas=(0.9, 0.98))
    state = TrainState()
    best_weights: dict[str, Any] | None = None
    ckpt = run_dir / "checkpoint.pt"
    best_path = run_dir / "best.pt"
    if ckpt.exists():
        saved = torch.load(ckpt, map_location=device, weights_only=False)
        load_trainable(model, saved["weights"])
        optimizer.load_state_dict(saved["optimizer"])
        state = TrainState(**saved["state"])
        _random.setstate(saved["rng"]["python"])
        np.random.set_state(saved["rng"]["numpy"])
        torch.set_rng_state(saved["rng"]["torch"])
        if best_path.exists():
            best_weights = torch.load(best_path, map_location=device, weights_only=False)
        progress("resumed", {"step": state.step, "clock_s": state.clock_s})
    else:
        torch.manual_seed(config.seed)
    state.sessions.append({"start_step": state.step, "start_clock_s": round(state.clock_s, 1)})
    t_session = time.perf_counter()
    clock0 = state.clock_s
    max_s = config.max_minutes * 60 if config.max_minutes else 0.0

    def clock() -> float:
        return clock0 + time.perf_counter() - t_session

    rows_cache: dict[int, list[Row]] = {}

    def rows_of(epoch: int) -> list[Row]:
        if epoch not in rows_cache:
            rows_cache.clear()
            rows_cache[epoch] = epoch_rows(items, config.row_tokens, epoch, config.seed,
                                           config.share_prefix)
        return rows_cache[epoch]

    steps_per_epoch = max(1, math.ceil(len(rows_of(0)) / (config.batch_rows * config.grad_accum)))

    def schedule_progress() -> float:
        parts = [(state.epoch + state.row_index / max(len(rows_of(state.epoch)), 1)) / config.max_epochs]
        if config.max_steps:
            parts.append(state.step / config.max_steps)
        if max_s:
            parts.append(clock() / max_s)
        return max(parts)

    def save_checkpoint() -> None:
        state.clock_s = clock()
        _save_atomic({
            "weights": trainable_state(model),
            "optimizer": optimizer.state_dict(),
            "state": asdict(state),
            "rng": {"python": _random.getstate(), "numpy": np.random.get_state(),
                    "torch": torch.get_rng_state()},
        }, ckpt)
        progress("checkpoint", {"step": state.step})

    def run_eval() -> None:
        nonlocal best_weights
        state.clock_s = clock()
        result = evaluate(model, tok, dev, config, device, autocast)
        acc = result["accuracy"]
        point = {"step": state.step, "minutes": round(clock() / 60, 2), "epoch": state.epoch,
                 "tokens": state.tokens, **{k: v for k, v in result.items() if k != "samples"}}
        state.curve.append(point)
        better = acc is not None and (
            acc > state.best_accuracy
            or (acc == state.best_accuracy and result["loss"] < state.best_loss)
        )
        if acc is None:
            better = True  # no dev set: the latest weights are the best we know
        if better and state.step > 0:
            improved = acc is None or acc > state.best_accuracy
            state.best_accuracy = acc if acc is not None else state.best_accuracy
            state.best_loss = result.get("loss", state.best_loss)
            state.best_step = state.step
            best_weights = trainable_state(model)
            _save_atomic(best_weights, best_path)
            state.evals_since_best = 0 if improved else state.evals_since_best + 1
        elif state.step == 0:
            state.best_accuracy = acc if acc is not None else -1.0
            state.best_loss = result.get("loss", float("inf"))
        else:
            state.evals_since_best += 1
        progress("eval", {**point, "samples": result.get("samples", [])})

    def next_eval_minute(now: float) -> float:
        """The next evaluation time (minutes of training-loop time) after `now`."""
        if config.eval_every_minutes:
            return (math.floor(now / config.eval_every_minutes) + 1) * config.eval_every_minutes
        later = [m for m in config.eval_at_minutes if m > now]
        if later:
            return later[0]
        last = max(config.eval_at_minutes, default=0.0)
        return last + (math.floor((now - last) / 10) + 1) * 10

    next_eval = (
        (state.step // config.eval_every_steps + 1) * config.eval_every_steps
        if config.eval_every_steps else next_eval_minute(state.clock_s / 60)
    )
    next_ckpt_min = state.clock_s / 60 + config.checkpoint_every_minutes
    if state.step == 0 and not state.curve and config.eval_at_start and dev:
        run_eval()
    progress("start", {"steps_per_epoch": steps_per_epoch, "examples": len(items),
                       "rows": len(rows_of(0)), "step": state.step})
    last_eval_step = state.step if state.curve else -1
    try:
        while True:
            if stop is not None and stop.is_set():
                state.stop_reason = "interrupted"
                raise Stop
            if config.max_steps and state.step >= config.max_steps:
                state.stop_reason = "max_steps"
                break
            if state.epoch >= config.max_epochs:
                state.stop_reason = "max_epochs"
                break
            if max_s and clock() >= max_s:
                state.stop_reason = "max_minutes"
                break
            if config.patience and state.evals_since_best >= config.patience:
                state.stop_reason = "early_stopping"
                break
            # ---- one optimiser step over grad_accum micro-batches
            t0 = time.perf_counter()
            micro: list[list[Row]] = []
            for _ in range(config.grad_accum):
                rows = rows_of(state.epoch)
                take = rows[state.row_index : state.row_index + config.batch_rows]
                state.row_index += len(take)
                if state.row_index >= len(rows):
                    state.epoch += 1
                    state.row_index = 0
                if take:
                    micro.append(take)
                if state.epoch >= config.max_epochs:
                    break
            batches = [collate(m, tok.pad_token_id, device) for m in micro]
            n_targets = sum(int(b.target_ids.numel()) for b in batches)
            lr = _lr_at(config, state, schedule_progress())
            for g in optimizer.param_groups:
                g["lr"] = lr
            total = 0.0
            for b in batches:
                loss, _ = batch_loss(model, b, autocast)
                (loss / max(n_targets, 1)).backward()
                total += float(loss.detach())
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            state.step += 1
            if not config.threads and state.step % 10 == 0:
                # other work on the machine comes and goes: re-pick the thread count
                now = torch.get_num_threads()
                want = auto_threads(own=now)
                if want != now:
                    torch.set_num_threads(want)
            step_tokens = sum(b.tokens for b in batches)
            state.tokens += step_tokens
            state.example_tokens += sum(b.example_tokens for b in batches)
            state.target_tokens += n_targets
            state.examples_seen += sum(b.examples for b in batches)
            dt = time.perf_counter() - t0
            state.losses.append({"step": state.step, "loss": round(total / max(n_targets, 1), 4),
                                 "minutes": round(clock() / 60, 2)})
            progress("step", {
                "step": state.step, "epoch": state.epoch, "loss": total / max(n_targets, 1),
                "lr": lr, "tokens_per_s": step_tokens / dt, "seconds": dt,
                "minutes": clock() / 60, "progress": schedule_progress(),
                "steps_per_epoch": steps_per_epoch,
            })
            due_eval = (
                state.step >= next_eval if config.eval_every_steps else clock() / 60 >= next_eval
            )
            if dev and due_eval:
                run_eval()
                last_eval_step = state.step
                if config.eval_every_steps:
                    next_eval = (state.step // config.eval_every_steps + 1) * config.eval_every_steps
                else:
                    next_eval = next_eval_minute(clock() / 60)
            due_ckpt = (
                state.step % config.checkpoint_every_steps == 0
                if config.checkpoint_every_steps else clock() / 60 >= next_ckpt_min
            )
            if due_ckpt:
                save_checkpoint()
                next_ckpt_min = clock() / 60 + config.checkpoint_every_minutes
    except (Stop, KeyboardInterrupt):
        state.stop_reason = "interrupted"
        save_checkpoint()
        raise
    if dev and last_eval_step != state.step and state.step > 0:
        run_eval()
    if not dev and state.step > 0:
        best_weights = trainable_state(model)
        state.best_step = state.step
    state.clock_s = clock()
    save_checkpoint()
    return TrainResult(state, best_weights, model, tok, device, dtype, rss_mb(), memory_gb,
                       count_params(model))
