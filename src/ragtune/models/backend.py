"""What the local generator backends (torch in local.py, int8 CTranslate2 in ct2.py) share:
the tokenizer and its chat template, end-of-turn ids, named adapters and which one is in use,
token usage, and the one worker thread that runs inference."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any, Iterator

from ragtune.errors import ModelError
from ragtune.models.generation import Generator, Prompt, as_messages
from ragtune.models.worker import TorchWorker, torch_worker
from ragtune.types import Usage


def load_chat_tokenizer(model_dir: Path) -> Any:
    """The model's tokenizer, left-padding, refused when it has no chat template."""
    from transformers import AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(model_dir)
    except (OSError, ValueError) as e:
        raise ModelError(
            f"cannot load the generator from {model_dir}: {str(e).splitlines()[0]}",
            "check model.generator; `ragtune models` shows what is configured",
        ) from None
    if not tok.chat_template:
        raise ModelError(
            f"the model in {model_dir} has no chat template",
            "use an instruction-tuned model whose tokenizer_config.json has a chat_template",
        )
    tok.padding_side = "left"
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return tok


def end_ids(tokenizer: Any, model_dir: Path) -> list[int]:
    """Token ids that end the assistant's turn: the tokenizer's eos and the model's own."""
    from transformers import AutoConfig, GenerationConfig

    ids = {tokenizer.eos_token_id}
    try:
        gen_eos = GenerationConfig.from_pretrained(model_dir).eos_token_id
    except OSError:  # no generation_config.json: the model config's
        gen_eos = GenerationConfig.from_model_config(AutoConfig.from_pretrained(model_dir)).eos_token_id
    ids.update(gen_eos if isinstance(gen_eos, list) else [gen_eos])
    return sorted(i for i in ids if i is not None)


class LocalBackend(Generator):
    """Base of the local backends; subclasses load the weights and compute."""

    tokenizer: Any
    eos_ids: list[int]

    def __init__(self, model_dir: str | Path, model_id: str, batch_size: int,
                 worker: TorchWorker | None):
        self.model_dir = Path(model_dir)
        self.model_id = model_id
        self.batch_size = batch_size
        self.worker = worker or torch_worker()
        self.usage = Usage()  # running totals over every call, for cost accounting
        self.adapters: dict[str, str] = {}  # adapter name -> hash
        self.active_adapter: str | None = None
        self._lock = threading.Lock()

    def render(self, prompt: Prompt, system: str | None = None) -> str:
        """The exact text the model sees: the chat template with the assistant turn opened."""
        return self.tokenizer.apply_chat_template(
            as_messages(prompt, system), tokenize=False, add_generation_prompt=True
        )

    def encode(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=False).input_ids

    def count_tokens(self, text: str) -> int:
        return len(self.encode(text))

    def rows(self, batch_size: int | None, beams: int) -> int:
        """Prompts per batch: a beam search holds `beams` rows per prompt, so a beam batch
        holds batch_size / beams prompts, the rows and memory of a greedy batch (32 prompts x 3
        beams took the demo from 3.1 to 5.1 GB)."""
        return max(1, (batch_size or self.batch_size) // max(1, beams))

    def count(self, prompt_tokens: int, completion_tokens: int = 0) -> None:
        self.usage = self.usage + Usage(prompt_tokens, completion_tokens)

    @contextlib.contextmanager
    def use_adapter(self, name: str | None) -> Iterator[None]:
        """Generate with adapter `name` (None = the base model) inside this block."""
        if name is not None and name not in self.adapters:
            raise ModelError(f"adapter {name!r} is not loaded", "`ragtune adapters list`")
        with self._lock:
            previous, self.active_adapter = self.active_adapter, name
        try:
            yield
        finally:
            self.active_adapter = previous

    def _adapter_key(self) -> str:
        return self.adapters.get(self.active_adapter, "") if self.active_adapter else ""

    def precision(self) -> str:
        """What besides the weights changes the numbers (part of the cache identity)."""
        return ""

    def cache_identity(self) -> str:
        parts = [self.model_id, self.precision(), self._adapter_key()]
        return ":".join(p for p in parts if p) if parts[1] or parts[2] else self.model_id


def cpu_flags() -> set[str]:
    """The CPU's feature flags (/proc/cpuinfo; empty where there is none): what the local
    kernels may use (bf16 training, int8 VNNI products)."""
    try:
        text = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return set()
    line = next((ln for ln in text.splitlines() if ln.startswith(("flags", "Features"))), "")
    return set(line.split(":", 1)[-1].split())
