"""The torch backend: a Hugging Face causal LM (default SmolLM2-135M-Instruct) on CPU or GPU.

Batched greedy generation with left padding (fp32 batched output equals sequential; bf16 can
differ), stop strings, streaming, token counts, LoRA adapters switched in place, and choice
scoring: the log-likelihood of each candidate continuation, which is how a 135M model makes
reliable decisions (it cannot be trusted to emit well-formed JSON).
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
from pathlib import Path
from typing import Any, Iterator

from ragtune.errors import ModelError
from ragtune.models.backend import LocalBackend, end_ids, load_chat_tokenizer
from ragtune.models.generation import Chat, Decoding, Generation, cut_at_stop, until_stop
from ragtune.models.worker import TorchWorker, configure_torch


def pick_device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return device


class LocalGenerator(LocalBackend):
    def __init__(
        self,
        model_dir: str | Path,
        model_id: str,
        dtype: str = "float32",
        device: str = "auto",
        threads: int = 0,
        batch_size: int = 16,
        worker: TorchWorker | None = None,
    ):
        super().__init__(model_dir, model_id, batch_size, worker)
        self.dtype_name = dtype
        self.worker.run(self._load, threads, device)

    # ------------------------------------------------------------------ loading

    def _load(self, threads: int, device: str) -> None:
        import torch
        from transformers import AutoModelForCausalLM
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        configure_torch(threads)
        self.device = pick_device(device)
        torch_dtype = {"float32": torch.float32, "bfloat16": torch.bfloat16}[self.dtype_name]
        self.tokenizer = load_chat_tokenizer(self.model_dir)
        try:
            self.model = AutoModelForCausalLM.from_pretrained(self.model_dir, dtype=torch_dtype)
        except (OSError, ValueError) as e:
            raise ModelError(
                f"cannot load the generator from {self.model_dir}: {str(e).splitlines()[0]}",
                "check model.generator; `ragtune models` shows what is configured",
            ) from None
        self.model.to(self.device).eval()
        # Decoding settings come from our calls, not from the model's generation_config.
        gc = self.model.generation_config
        gc.temperature, gc.top_p, gc.top_k, gc.do_sample = None, None, None, False
        self.eos_ids = end_ids(self.tokenizer, self.model_dir)

    def precision(self) -> str:
        return "" if self.dtype_name == "float32" else self.dtype_name

    # ------------------------------------------------------------------ adapters

    def load_adapter(self, path: str | Path, name: str, adapter_hash: str = "") -> None:
        """Load a LoRA adapter once; switch to it later with `use_adapter(name)`."""
        self.worker.run(self._load_adapter, Path(path), name)
        self.adapters[name] = adapter_hash or name

    def _load_adapter(self, path: Path, name: str) -> None:
        from peft import PeftModel

        if name in self.adapters:
            return
        if isinstance(self.model, PeftModel):
            self.model.load_adapter(str(path), adapter_name=name)
        else:
            self.model = PeftModel.from_pretrained(self.model, str(path), adapter_name=name)
        self.model.eval()

    @contextlib.contextmanager
    def _adapter_scope(self) -> Iterator[None]:
        """Runs on the torch thread: enable the active adapter, or disable all of them."""
        from peft import PeftModel

        if not isinstance(self.model, PeftModel):
            yield
        elif self.active_adapter is None:
            with self.model.disable_adapter():
                yield
        else:
            self.model.set_adapter(self.active_adapter)
            yield

    # ------------------------------------------------------------------ generation

    def generate_chats(
        self, chats: list[Chat], decoding: Decoding, batch_size: int | None = None
    ) -> list[Generation]:
        texts = [self.render(c) for c in chats]
        out = self.worker.run(self._generate_texts, texts, decoding, self.rows(batch_size, decoding.beams))
        for g in out:
            self.count(g.prompt_tokens, g.completion_tokens)
        return out

    def _generate_texts(self, texts: list[str], d: Decoding, batch_size: int) -> list[Generation]:
        import torch

        enc = [self.tokenizer(t, add_special_tokens=False).input_ids for t in texts]
        # Longest first, so similar lengths share a batch (less padding); order restored below.
        order = sorted(range(len(texts)), key=lambda i: -len(enc[i]))
        out: list[Generation | None] = [None] * len(texts)
        if not d.greedy:
            torch.manual_seed(d.seed)
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            t0 = time.perf_counter()
            batch = self.tokenizer.pad(
                {"input_ids": [enc[i] for i in idx]}, padding=True, return_tensors="pt"
            ).to(self.device)
            kwargs: dict[str, Any] = dict(
                max_new_tokens=d.max_new_tokens, pad_token_id=self.tokenizer.pad_token_id,
                eos_token_id=self.eos_ids,
            )
            if d.greedy:
                kwargs.update(do_sample=False, **({"num_beams": d.beams} if d.beams > 1 else {}))
            else:
                kwargs.update(do_sample=True, temperature=d.temperature, top_p=d.top_p)
            if d.stop:
                kwargs.update(stop_strings=list(d.stop), tokenizer=self.tokenizer)
            with torch.inference_mode(), self._adapter_scope():
                seqs = self.model.generate(**batch, **kwargs)
            new = seqs[:, batch["input_ids"].shape[1] :].tolist()
            ms = (time.perf_counter() - t0) * 1000 / len(idx)
            for row, i in zip(new, idx):
                out[i] = self._decode(row, len(enc[i]), d.stop, ms)
        return out  # type: ignore[return-value]

    def _decode(self, ids: list[int], prompt_len: int, stop: tuple[str, ...], ms: float) -> Generation:
        n = len(ids)
        finish = "length"
        for j, tok in enumerate(ids):
            if tok in self.eos_ids:
                n, finish = j + 1, "stop"
                break
        text = self.tokenizer.decode(ids[:n], skip_special_tokens=True)
        text, hit = cut_at_stop(text, stop)
        if hit:
            finish = "stop"
        return Generation(text.strip(), prompt_len, n, finish, ms)

    def stream_chat(self, chat: Chat, decoding: Decoding) -> Iterator[str]:
        decoding = dataclasses.replace(decoding, beams=1)  # a stream is greedy, as on CTranslate2
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        cancelled = threading.Event()

        class Cancel(StoppingCriteria):
            def __call__(self, input_ids, scores, **kw):  # noqa: ANN001
                return torch.full((input_ids.shape[0],), cancelled.is_set(), dtype=torch.bool)

        text = self.render(chat)
        enc = self.tokenizer(text, add_special_tokens=False, return_tensors="pt").to(self.device)
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        kwargs: dict[str, Any] = dict(
            max_new_tokens=decoding.max_new_tokens,
            pad_token_id=self.tokenizer.pad_token_id,
            eos_token_id=self.eos_ids,
            streamer=streamer,
            stopping_criteria=StoppingCriteriaList([Cancel()]),
            do_sample=not decoding.greedy,
        )
        if not decoding.greedy:
            kwargs["temperature"] = decoding.temperature

        def run() -> Any:
            with torch.inference_mode(), self._adapter_scope():
                return self.model.generate(**enc, **kwargs)

        future = self.worker.submit(run)
        try:
            yield from until_stop(streamer, decoding.stop)
        finally:
            cancelled.set()
            seqs = future.result()
            completion = seqs.shape[1] - enc["input_ids"].shape[1]
            self.count(enc["input_ids"].shape[1], completion)

    # ------------------------------------------------------------------ choice scoring

    def score_chat(self, chat: Chat, choices: list[str]) -> list[float]:
        """Sum of log-probabilities of each choice as the assistant's reply to the chat."""
        return self.worker.run(self._score, self.render(chat), choices)

    def _score(self, prefix_text: str, choices: list[str]) -> list[float]:
        """One forward pass over the shared prefix, then all choices together on its cached
        keys/values (the prefix is usually 10-50x longer than a choice)."""
        import torch

        prefix = self.tokenizer(prefix_text, add_special_tokens=False).input_ids
        conts = [self.tokenizer(c, add_special_tokens=False).input_ids or [self.tokenizer.eos_token_id]
                 for c in choices]
        n, width = len(conts), max(len(c) for c in conts)
        pad = self.tokenizer.pad_token_id
        with torch.inference_mode(), self._adapter_scope():
            # only the last position's logits are read (an lm head over every prompt token
            # is ~20% of the pass for nothing)
            pre = self.model(input_ids=torch.tensor([prefix], device=self.device), use_cache=True,
                             logits_to_keep=1)
            first = torch.log_softmax(pre.logits[0, -1].float(), dim=-1)
            cache = getattr(pre, "cache", None) or pre.past_key_values
            cache.batch_repeat_interleave(n)
            ids = torch.tensor([c + [pad] * (width - len(c)) for c in conts], device=self.device)
            mask = torch.tensor(
                [[1] * len(prefix) + [1] * len(c) + [0] * (width - len(c)) for c in conts],
                device=self.device,
            )
            logits = self.model(input_ids=ids, attention_mask=mask, cache=cache).logits
        logp = torch.log_softmax(logits.float(), dim=-1)
        scores = []
        for row, c in enumerate(conts):
            total = float(first[c[0]])
            for j in range(1, len(c)):
                total += float(logp[row, j - 1, c[j]])
            scores.append(total)
        self.count(len(prefix) + sum(len(c) for c in conts))
        return scores

