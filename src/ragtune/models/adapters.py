"""The adapter registry: `PROJECT/.ragtune/adapters/<ID>/`, one folder per finished run.

    lora-001/  adapter_config.json, adapter_model.safetensors (~10-40 MB), record.json,
               train_data.jsonl, dev.jsonl
    full-002/  config.json, model.safetensors (the whole model, fp32: ~540 MB for
               SmolLM2-135M), tokenizer files, record.json, ...
    raft-003/  a LoRA adapter trained on RAFT examples (for `rag@adapter=raft-003`)
    .runs/<ID>/  a run in progress (data, checkpoint.pt, best.pt); `--resume` continues it

IDs are `<kind>-<NNN>` with one counter per project. `record.json` holds the base model and
its hash, the data hash, hyper-parameters, metrics, the dev learning curve, wall time, peak
memory, tokens seen, leakage drops and the forgetting probe.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ragtune.errors import InputError, RagtuneError

RUNS = ".runs"
ID_PATTERN = re.compile(r"^(lora|full|raft)-(\d{3,})$")


def adapters_dir(project: Any) -> Path:
    return project.path("adapters")


def runs_dir(project: Any) -> Path:
    return project.path("adapters", RUNS)


def new_id(project: Any, kind: str) -> str:
    """Reserve the next free ID (the run folder is created exclusively, so two runs never clash)."""
    numbers = [0]
    for folder in (adapters_dir(project), runs_dir(project)):
        for p in folder.iterdir():
            m = ID_PATTERN.match(p.name)
            if m:
                numbers.append(int(m.group(2)))
    n = max(numbers) + 1
    while True:
        ident = f"{kind}-{n:03d}"
        try:
            (runs_dir(project) / ident).mkdir()
            return ident
        except FileExistsError:
            n += 1


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 22):
            h.update(block)
    return h.hexdigest()


@dataclass
class AdapterInfo:
    id: str
    path: Path
    record: dict[str, Any]

    @property
    def method(self) -> str:
        return self.record.get("method", "lora")

    @property
    def hash(self) -> str:
        return self.record.get("adapter_hash", "")


def get_adapter(project: Any, adapter_id: str) -> AdapterInfo:
    path = adapters_dir(project) / adapter_id
    record_path = path / "record.json"
    if not ID_PATTERN.match(adapter_id) or not record_path.exists():
        known = ", ".join(a.id for a in list_adapters(project)) or "none yet"
        running = (runs_dir(project) / adapter_id).exists()
        raise InputError(
            f"no adapter {adapter_id!r} in {adapters_dir(project)}"
            + (" (that run has not finished)" if running else ""),
            f"known adapters: {known}; `ragtune finetune --resume --id {adapter_id}` finishes the run"
            if running else f"known adapters: {known}",
        )
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise RagtuneError(f"{record_path} is damaged: {e}", "delete the folder and train again")
    return AdapterInfo(adapter_id, path, record)


def list_adapters(project: Any) -> list[AdapterInfo]:
    out = []
    folder = adapters_dir(project)
    for p in sorted(folder.iterdir(), key=lambda p: p.name):
        if ID_PATTERN.match(p.name) and (p / "record.json").exists():
            try:
                out.append(AdapterInfo(p.name, p, json.loads((p / "record.json").read_text())))
            except (OSError, ValueError):
                continue
    return out


def unfinished_runs(project: Any) -> list[str]:
    """Runs that started and did not finish, newest first."""
    runs = [p for p in runs_dir(project).iterdir() if ID_PATTERN.match(p.name)
            and (p / "run.json").exists()]
    return [p.name for p in sorted(runs, key=lambda p: p.stat().st_mtime, reverse=True)]


def publish(project: Any, run_dir: Path, adapter_id: str) -> Path:
    """Move a finished run's `final/` folder into the registry (one rename: atomic)."""
    final = run_dir / "final"
    target = adapters_dir(project) / adapter_id
    if target.exists():
        raise RagtuneError(f"{target} already exists", "remove it or train under a new ID")
    os.replace(final, target)
    shutil.rmtree(run_dir, ignore_errors=True)
    return target


def load_for_generator(project: Any, generator: Any, adapter_id: str) -> str:
    """Load a registered LoRA adapter into the shared generator; returns the name to pass to
    `generator.use_adapter(name)` (the adapter ID and the start of its weights' hash).

    A full fine-tune is a separate model, not an adapter: this raises for it, and
    `full_model_dir(project, ID)` gives the folder and hash to load as a second generator
    (`LocalGenerator(path, hash)` from `ragtune.models.local`).
    """
    info = get_adapter(project, adapter_id)
    if info.method == "full":
        raise RagtuneError(
            f"{adapter_id} is a full fine-tune (a whole model), not an adapter",
            "load it as its own generator: ragtune.models.adapters.full_model_dir(project, ID)",
        )
    if not hasattr(generator, "load_adapter"):
        raise RagtuneError(
            "the configured generator cannot load adapters (it is an HTTP model)",
            "use the local generator (model.generator = smollm2-135m) for fine-tuned strategies",
        )
    # IDs are per project but the generator is shared by the process (a server, a test session
    # or the arena may hold adapters of several projects): the name carries the weights' hash
    name = f"{adapter_id}-{info.hash[:12]}"
    if name not in getattr(generator, "adapters", {}):
        generator.load_adapter(info.path, name, info.hash)
    return name


def full_model_dir(project: Any, adapter_id: str) -> tuple[Path, str]:
    """(folder, hash) of a full fine-tune, loadable as `LocalGenerator(folder, hash)`."""
    info = get_adapter(project, adapter_id)
    if info.method != "full":
        raise RagtuneError(
            f"{adapter_id} is a LoRA adapter", "use load_for_generator(project, generator, ID)"
        )
    return info.path, info.hash


def merge(project: Any, adapter_id: str, out: Path | None = None) -> Path:
    """Write base + adapter as one model folder (safetensors + tokenizer); returns the folder."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    info = get_adapter(project, adapter_id)
    target = Path(out) if out else info.path / "merged"
    if info.method == "full":
        raise RagtuneError(
            f"{adapter_id} is a full fine-tune: it already is a merged model", f"use {info.path}"
        )
    base = Path(info.record["base_model"]["path"])
    if not (base / "config.json").exists():
        raise RagtuneError(
            f"the base model of {adapter_id} is missing: {base}",
            "`ragtune models` converts the packaged model again",
        )
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    model = PeftModel.from_pretrained(model, str(info.path)).merge_and_unload()
    model.save_pretrained(tmp, safe_serialization=True)
    AutoTokenizer.from_pretrained(base).save_pretrained(tmp)
    (tmp / "ragtune-merged.json").write_text(json.dumps(
        {"adapter": adapter_id, "adapter_hash": info.hash, "base_model": info.record["base_model"]},
        indent=2))
    if target.exists():
        shutil.rmtree(target)
    os.replace(tmp, target)
    return target
