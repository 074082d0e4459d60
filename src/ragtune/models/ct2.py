"""The fast CPU backend: the generator on CTranslate2 with int8 weights (model.backend = auto).

The Hugging Face folder (for SmolLM2, the safetensors copy under $RAGTUNE_CACHE) is converted
once to an int8 CTranslate2 model cached by weight hash beside it; a LoRA adapter is merged into
the base weights (peft `merge_and_unload`) and converted once too, cached by both hashes, with
float32 weights by default (`model.adapter_weights`): int8 rounding erases part of what a
fine-tune learnt (small world, one LoRA adapter: single-hop 66.7% in fp32, 54.2% in int8),
while float32 on CTranslate2 still answers ~1.3x faster than torch; one merged adapter is
resident at a time. `python -m bench generation|scoring|arena` measure the backend against
torch fp32 (BENCHMARKS.md). Greedy text can differ from fp32 in a word here
and there, and between batched and one-at-a-time calls (int8 rounding depends on the shapes).

Less work per question: CTranslate2 forwards the shortest prompt of a batch at once and the
rest of longer prompts token by token, each such step costing about as much as a decoding step;
so a batch is split into runs of similar prompt lengths where that is cheaper (`length_groups`).
Choice scoring computes the prompt once (a "static prompt" copied to every choice) and then
only the choices' tokens.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import os
import queue
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from ragtune.config import cache_root
from ragtune.errors import ModelError
from ragtune.models.backend import LocalBackend, end_ids, load_chat_tokenizer
from ragtune.models.generation import Chat, Decoding, Generation, cut_at_stop, until_stop
from ragtune.models.worker import TorchWorker, release_memory

QUANTIZATION = "int8"  # the base model's weights where int8 products are exact (`base_weights`)
ADAPTER_QUANTIZATION = "float32"  # a merged adapter's, unless model.adapter_weights says int8
# choice scoring computes the prompt again for each choice while choices x (prompt + longest
# choice) stays within this many tokens (`Ct2Generator._prompt_per_choice`)
PROMPT_PER_CHOICE_TOKENS = 640

# oneDNN ISA caps (ONEDNN_MAX_CPU_ISA) under which its int8 kernels have no VNNI/AMX dot product
_CAPS_WITHOUT_VNNI = ("SSE41", "AVX", "AVX2", "AVX512_CORE", "AVX512_MIC", "AVX512_MIC_4OPS")


def exact_int8_products(flags: set[str] | None = None, env: dict | None = None) -> bool:
    """Whether int8 matrix products keep every partial sum here. x86 CPUs without a VNNI or
    AMX dot product multiply u8 by s8 in pairs summed into a saturating int16 (`vpmaddubsw`;
    oneDNN's "Nuances of int8 computations"), and a 135M model then copies values wrong:
    catalog single-hop 9/24 on AVX2 kernels against 17/24 on AVX-512 VNNI ones, "1.1.1.1" for
    18.6.3 (docs/RESULTS.md). ONEDNN_MAX_CPU_ISA caps what oneDNN may use. Other
    architectures (ARM's int8 kernels accumulate in int32) count as exact."""
    from ragtune.models.backend import cpu_flags

    flags = cpu_flags() if flags is None else flags
    env = os.environ if env is None else env
    x86 = bool(flags & {"sse2", "avx", "avx2"})
    if not x86:
        return True
    cap = (env.get("ONEDNN_MAX_CPU_ISA") or env.get("DNNL_MAX_CPU_ISA") or "").upper()
    if cap in _CAPS_WITHOUT_VNNI:
        return False
    return bool(flags & {"avx512_vnni", "avx_vnni", "amx_int8"})


def base_weights(setting: str = "auto", device: str = "cpu",
                 flags: set[str] | None = None, env: dict | None = None) -> str:
    """The base model's CTranslate2 weights for `model.weights`: `auto` is int8 on a GPU and
    where int8 products are exact (`exact_int8_products`), else float32 (exact text, ~1.5x
    torch's speed one prompt at a time instead of int8's ~2.5x)."""
    if setting != "auto":
        return setting
    if device.startswith("cuda") or exact_int8_products(flags, env):
        return QUANTIZATION
    return "float32"


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("ctranslate2") is not None


def _threads(threads: int) -> int:
    return threads or min(os.cpu_count() or 1, 8)


def converted(model_dir: Path, key: str, merge_adapter: Path | None = None,
              quantization: str = QUANTIZATION) -> Path:
    """The CTranslate2 copy of `model_dir` (plus `merge_adapter` merged in) with `quantization`
    weights, converted on first use and cached under $RAGTUNE_CACHE/models by `key` (the
    weights' hashes)."""
    target = cache_root() / "models" / f"ct2-{quantization}-{key}"
    if (target / "ragtune-model.json").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".ct2-"))
    try:
        import ctranslate2
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # the merge's "Writing model shards" bar included
        source = model_dir
        if merge_adapter is not None:
            source = tmp / "merged"
            _merge(model_dir, merge_adapter, source)
        out = tmp / "model"
        with _collections_skip_old_objects():
            ctranslate2.converters.TransformersConverter(str(source)).convert(
                str(out), quantization=quantization, force=True
            )
        meta = {"source": str(model_dir), "adapter": str(merge_adapter or ""), "key": key}
        (out / "ragtune-model.json").write_text(json.dumps(meta))
        try:
            os.replace(out, target)  # atomic: a half-converted copy is never used
        except OSError:
            if not (target / "ragtune-model.json").exists():  # not another process's copy
                raise
    except ModelError:
        raise
    except Exception as e:  # noqa: BLE001 (the converter raises many kinds)
        raise ModelError(
            f"cannot convert {model_dir} for the CTranslate2 backend: {str(e).splitlines()[0]}",
            "set model.backend = \"torch\" (or RAGTUNE_MODEL_BACKEND=torch) to use torch",
        ) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if merge_adapter is not None:
            release_memory()  # the merge held a second fp32 copy of the model
    return target


@contextlib.contextmanager
def _collections_skip_old_objects() -> Iterator[None]:
    """The converter runs a full `gc.collect()` after each layer; in a process that already
    holds an index, strategies and results, each one walks all of it (2026-11-30, `demo --quick`:
    34 s of two conversions). Objects from before the conversion are frozen out of collection
    for its duration; what it creates is still collected."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _merge(base_dir: Path, adapter_dir: Path, out: Path) -> None:
    """base + LoRA adapter as one fp32 model folder (peft merge_and_unload)."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(base_dir, dtype=torch.float32)
    merged = PeftModel.from_pretrained(model, str(adapter_dir)).merge_and_unload()
    merged.save_pretrained(out, safe_serialization=True)
    AutoTokenizer.from_pretrained(base_dir).save_pretrained(out)


# Cost of one token-by-token step of a batch of n rows, in prompt tokens forwarded at once
# (measured on 2 AVX2 cores, int8, SmolLM2-135M: a prompt token ~1.5 ms per row in a batch's
# first forward, a step ~22 ms + 3.4 ms per row). Only the split depends on it, not the text.
STEP_COST = (15.0, 2.3)


def batch_cost(lengths: list[int], new_tokens: int) -> float:
    """Estimated cost of one generate call on prompts of these lengths, in prompt tokens: the
    shortest prompt's length forwarded at once for every row, then one step per token the
    longest prompt has beyond it and per new token."""
    return _cost(len(lengths), min(lengths), max(lengths), new_tokens)


def _cost(rows: int, shortest: int, longest: int, new_tokens: int) -> float:
    fixed, per_row = STEP_COST
    return rows * shortest + (fixed + per_row * rows) * (longest - shortest + new_tokens)


def length_groups(lengths: list[int], new_tokens: int, batch_size: int) -> list[list[int]]:
    """Split prompts (by index) into batches of at most `batch_size` that are cheapest to run.

    A wide spread of lengths in one batch makes every row pay slow steps (`batch_cost`); many
    small batches pay the new tokens' steps again. Dynamic programming over the prompts sorted
    by length picks the cheapest split into runs of neighbours."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    ls = [lengths[i] for i in order]
    best = [0.0] + [float("inf")] * len(ls)
    cut = [0] * (len(ls) + 1)
    for j in range(1, len(ls) + 1):
        for i in range(max(0, j - max(1, batch_size)), j):
            cost = best[i] + _cost(j - i, ls[i], ls[j - 1], new_tokens)
            if cost < best[j]:
                best[j], cut[j] = cost, i
    groups: list[list[int]] = []
    j = len(ls)
    while j:
        groups.append(order[cut[j] : j])
        j = cut[j]
    return groups[::-1]


class Ct2Generator(LocalBackend):
    def __init__(
        self,
        model_dir: str | Path,
        model_id: str,
        device: str = "cpu",
        threads: int = 0,
        batch_size: int = 16,
        worker: TorchWorker | None = None,
        adapter_weights: str = ADAPTER_QUANTIZATION,
        weights: str = "auto",
    ):
        super().__init__(model_dir, model_id, batch_size, worker)
        self.device = "cuda" if device.startswith("cuda") else "cpu"
        self.adapter_weights = adapter_weights
        self.weights = base_weights(weights, self.device)
        self.exact_int8 = exact_int8_products()  # read once: /proc/cpuinfo and the ISA cap
        self.threads = _threads(threads)
        self.tokenizer = load_chat_tokenizer(self.model_dir)
        self.eos_ids = end_ids(self.tokenizer, self.model_dir)
        self._models: dict[str | None, Any] = {}  # adapter name (None = base) -> ct2.Generator
        self._paths: dict[str, Path] = {}  # adapter name -> its converted folder (to reload)
        self.worker.run(lambda: self._load(
            None, converted(self.model_dir, model_id[:16], quantization=self.weights)))

    def _weights(self, name: str | None) -> str:
        return self.weights if name is None else self.adapter_weights

    def _load(self, name: str | None, path: Path) -> None:
        import ctranslate2

        if name is not None:
            self.drop_adapters(keep=name)
        weights = self._weights(name)
        compute = weights if self.device == "cpu" else (
            "int8_float16" if weights == "int8" else "float16")
        self._models[name] = ctranslate2.Generator(
            str(path), device=self.device, compute_type=compute,
            intra_threads=self.threads, inter_threads=1,
        )

    def drop_adapters(self, keep: str | None = None) -> None:
        """Free the merged adapters' engines but `keep`'s; each reloads from its converted
        folder (about a second) when next used. One stays resident beside the base: a float32
        one is 4x the int8 base (540 MB for SmolLM2-135M). Also called before training in the
        same process (the arena's continued training), whose peak it would add to."""
        for other in [n for n in self._models if n is not None and n != keep]:
            del self._models[other]  # freed here: a ct2.Generator holds no reference cycles

    def precision(self) -> str:
        return f"ct2-{self._weights(self.active_adapter)}"

    @property
    def engine(self) -> Any:  # called on the worker thread, as every generation is
        name = self.active_adapter
        if name not in self._models:
            self._load(name, self._paths[name])
        return self._models[name]

    def load_adapter(self, path: str | Path, name: str, adapter_hash: str = "") -> None:
        """Merge a LoRA adapter into the base weights and convert once (cached by hash); switch
        to it later with `use_adapter(name)`."""
        if name in self.adapters:
            return
        key = f"{self.model_id[:16]}-{(adapter_hash or name)[:16]}"
        weights = self._weights(name)

        def convert_and_load() -> None:
            self.drop_adapters()  # before the merge, which holds two fp32 copies for a while
            self._paths[name] = converted(self.model_dir, key, Path(path), weights)
            self._load(name, self._paths[name])

        self.worker.run(convert_and_load)
        self.adapters[name] = adapter_hash or name

    def _tokens(self, ids: list[int]) -> list[str]:
        return self.tokenizer.convert_ids_to_tokens(ids)

    # ------------------------------------------------------------------ generation

    def _sampling(self, d: Decoding) -> dict[str, Any]:
        if d.greedy:
            return {"beam_size": d.beams} if d.beams > 1 else {"sampling_topk": 1}
        import ctranslate2

        ctranslate2.set_random_seed(d.seed)
        return {"sampling_topk": 0, "sampling_topp": d.top_p, "sampling_temperature": d.temperature}

    def generate_chats(
        self, chats: list[Chat], decoding: Decoding, batch_size: int | None = None
    ) -> list[Generation]:
        ids = [self.encode(self.render(c)) for c in chats]
        out = self.worker.run(self._generate_ids, ids, decoding, self.rows(batch_size, decoding.beams))
        for g in out:
            self.count(g.prompt_tokens, g.completion_tokens)
        return out

    def _generate_ids(self, ids: list[list[int]], d: Decoding, batch_size: int) -> list[Generation]:
        out: list[Generation | None] = [None] * len(ids)
        for idx in length_groups([len(i) for i in ids], d.max_new_tokens, batch_size):
            t0 = time.perf_counter()
            rows = self._run([ids[i] for i in idx], d)
            ms = (time.perf_counter() - t0) * 1000 / len(idx)
            for row, i in zip(rows, idx):
                out[i] = self._finish(row, len(ids[i]), d.stop, ms)
        return out  # type: ignore[return-value]

    def _run(self, batch: list[list[int]], d: Decoding, callback: Any = None) -> list[list[int]]:
        """New token ids for each prompt (the end token included when one ended the turn).

        No static prompt here: computing the batch's shared tokens (system turn, template) once
        measured slower on 2 cores (batched -7%, one at a time -12%: the prompt is a small part
        of the work at 24 new tokens) and changed more greedy texts between batched and
        one-at-a-time calls (6/8 -> 2/8 the same)."""
        kwargs: dict[str, Any] = dict(
            max_length=d.max_new_tokens, end_token=self.eos_ids, return_end_token=True,
            include_prompt_in_result=False, **self._sampling(d),
        )
        if callback is None and d.stop and not (d.greedy and d.beams > 1):
            # (a beam search takes no per-token callback: its text is cut at the stop after)
            callback = self._stopper(len(batch), d.stop)
        if callback is not None:
            kwargs["callback"] = callback
        results = self.engine.generate_batch([self._tokens(b) for b in batch], **kwargs)
        return [r.sequences_ids[0] for r in results]

    def _stopper(self, n: int, stop: tuple[str, ...]) -> Any:
        """A per-token callback that ends a row once its text holds a stop string."""
        got: list[list[int]] = [[] for _ in range(n)]

        def on_step(step: Any) -> bool:
            got[step.batch_id].append(step.token_id)
            text = self.tokenizer.decode(got[step.batch_id], skip_special_tokens=True)
            return cut_at_stop(text, stop)[1]

        return on_step

    def _finish(self, ids: list[int], prompt_len: int, stop: tuple[str, ...], ms: float) -> Generation:
        n = len(ids)
        ended = bool(ids) and ids[-1] in self.eos_ids
        text = self.tokenizer.decode(ids[:-1] if ended else ids, skip_special_tokens=True)
        text, hit = cut_at_stop(text, stop)
        return Generation(text.strip(), prompt_len, n, "stop" if ended or hit else "length", ms)

    def stream_chat(self, chat: Chat, decoding: Decoding) -> Iterator[str]:
        decoding = dataclasses.replace(decoding, beams=1)  # a stream is greedy (no callback with beams)
        prompt = self.encode(self.render(chat))
        steps: queue.Queue[int | None] = queue.Queue()
        cancelled = threading.Event()

        def on_step(step: Any) -> bool:
            steps.put(step.token_id)
            return cancelled.is_set()

        def run() -> list[int]:
            try:
                return self._run([prompt], decoding, callback=on_step)[0]
            finally:
                steps.put(None)

        def pieces() -> Iterator[str]:
            got: list[int] = []
            sent = ""
            while (token := steps.get()) is not None:
                if token in self.eos_ids:
                    continue
                got.append(token)
                text = self.tokenizer.decode(got, skip_special_tokens=True)
                if text.endswith("\ufffd"):  # half of a multi-byte character: wait for the rest
                    continue
                yield text[len(sent):]
                sent = text

        future = self.worker.submit(run)
        try:
            yield from until_stop((p for p in pieces() if p), decoding.stop)
        finally:
            cancelled.set()
            new = future.result()
            self.count(len(prompt), len(new))

    # ------------------------------------------------------------------ choice scoring

    def score_chat(self, chat: Chat, choices: list[str]) -> list[float]:
        """Sum of log-probabilities of each choice as the assistant's reply to the chat."""
        return self.worker.run(self._score, self.encode(self.render(chat)), choices)

    def _score(self, prefix: list[int], choices: list[str]) -> list[float]:
        """The log-likelihood of each choice after the prompt, by whichever of two ways costs
        less here (`_prompt_per_choice`)."""
        conts = [self.encode(c) or [self.tokenizer.eos_token_id] for c in choices]
        if self._prompt_per_choice(len(prefix), conts):
            return self._score_per_choice(prefix, conts)
        return self._score_on_prompt(prefix, conts)

    def _score_per_choice(self, prefix: list[int], conts: list[list[int]]) -> list[float]:
        """Every row the prompt and one choice, in one call: the prompt's forward pass again for
        each choice, but no step-by-step decoding at all."""
        results = self.engine.score_batch([self._tokens(prefix + c) for c in conts])
        self.count(len(prefix) * len(conts) + sum(len(c) for c in conts))
        return [float(np.sum(r.log_probs[-len(c):], dtype=np.float64)) for c, r in zip(conts, results)]

    def _prompt_per_choice(self, prompt_len: int, conts: list[list[int]]) -> bool:
        """Whether to compute the prompt again for each choice rather than once. CTranslate2
        can only force a choice's tokens one decoding step at a time, and a step costs ~50 ms
        on 2 cores whatever its few rows; int8 weights on an int8 dot product (VNNI/AMX) run a
        forward pass over many tokens at ~0.5 ms a token-row. `python -m bench scoring_ways`
        on 16 prompts of ~150 tokens (2 AVX-512 VNNI cores, 2026-12-02; BENCHMARKS.md): per
        choice 3.5 / 4.6 / 7.1 / 11.3 s against prompt-once 6.4 / 6.6 / 7.3 / 8.3 s for
        2 / 3 / 5 / 8 choices; on float32 weights (AVX2) prompt-once was the faster at 3."""
        if self.device != "cpu" or self._weights(self.active_adapter) != "int8" or not self.exact_int8:
            return False
        return len(conts) * (prompt_len + max(len(c) for c in conts)) <= PROMPT_PER_CHOICE_TOKENS

    def _score_on_prompt(self, prefix: list[int], conts: list[list[int]]) -> list[float]:
        """The prompt is computed once (a static prompt copied to every choice); then each
        choice's tokens are forced one step at a time, all choices together, and the logits of
        every step give the choice's log-likelihood."""
        starts = [[prefix[-1], *c] for c in conts]
        # Step j feeds starts[j] and gives the logits for the choice's token j, so the longest
        # choice needs as many steps as it has tokens: feeding its last token is not needed.
        results = self.engine.generate_batch(
            [self._tokens(s) for s in starts],
            static_prompt=self._tokens(prefix[:-1]), cache_static_prompt=False,
            max_length=max(len(c) for c in conts), sampling_topk=1, end_token=[],
            include_prompt_in_result=True, return_logits_vocab=True,
        )
        scores = []
        for c, r in zip(conts, results):
            total = 0.0
            for j, token in enumerate(c):
                logits = np.asarray(r.logits[0][j], dtype=np.float64).ravel()
                top = logits.max()
                total += float(logits[token] - top - np.log(np.exp(logits - top).sum()))
            scores.append(total)
        self.count(len(prefix) + sum(len(c) for c in conts))
        return scores
