"""Helpers shared by the benchmarks: timing, medians, machine description, JSON output."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from typing import Any, Callable


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def interleaved(a: Callable[[], Any], b: Callable[[], Any], runs: int = 5) -> tuple[list[float], list[float]]:
    """Alternate a and b `runs` times so drift on a noisy machine hits both alike."""
    ta, tb = [], []
    for i in range(runs):
        if i % 2 == 0:
            ta.append(timed(a))
            tb.append(timed(b))
        else:
            tb.append(timed(b))
            ta.append(timed(a))
    return ta, tb


def machine() -> dict[str, Any]:
    import torch

    return {
        "cpus": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "python": platform.python_version(),
        "torch": torch.__version__,
    }


def report(name: str, **fields: Any) -> dict[str, Any]:
    out = {"bench": name, **fields, "machine": machine()}
    print(json.dumps(out, indent=2, default=lambda x: round(x, 4) if isinstance(x, float) else str(x)))
    return out


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def world_prompts(n: int, split: str = "dev", context_words: int = 150, seed: int = 0) -> list[dict[str, Any]]:
    """`n` retrieval-style questions from the small synthetic world (generated in a temporary
    folder): a passage from the question's first evidence document, the question, and 2-3
    choices (the options of a comparison, else the answer and answers of other questions of
    the same type). The dev split unless asked otherwise."""
    import json as _json
    import random
    import tempfile
    from pathlib import Path

    from ragtune.world import generate_world

    root = Path(tempfile.mkdtemp(prefix="bench-world-")) / "small"
    generate_world("small", seed, root)
    items = [_json.loads(line) for line in (root / "qa" / f"{split}.jsonl").read_text().splitlines()]
    items = [i for i in items if i["answers"] and i.get("evidence")]
    rng = random.Random(seed)
    out = []
    for item in items[:n]:
        doc = root / "docs" / (item["evidence"][0].split("#")[0] + ".md")
        words = doc.read_text(encoding="utf-8").split()[:context_words] if doc.exists() else []
        others = sorted({a for o in items if o["type"] == item["type"] and o is not item
                         for a in o["answers"][:1]} - set(item["answers"]))
        choices = item.get("options") or [item["answers"][0], *rng.sample(others, min(2, len(others)))]
        out.append({
            "prompt": f"Context: {' '.join(words)}\nQuestion: {item['question']}\nAnswer briefly.",
            "choices": list(choices), "answer": item["answers"][0],
        })
    return out


def generators() -> dict[str, Any]:
    """The two local backends on the packaged model, uncached: {"fast": int8 CTranslate2,
    "torch": fp32 torch}. One process, one worker thread: they never run at once."""
    from ragtune.config import ModelSettings, Settings
    from ragtune.models import get_pool

    return {
        name: get_pool(Settings(model=ModelSettings(backend=backend))).generator().backend
        for name, backend in (("fast", "ctranslate2"), ("torch", "torch"))
    }


def stop_server(server: Any) -> None:
    """Stop a `ragtune serve` subprocess: SIGINT (uvicorn shuts down gracefully), then kill."""
    import signal
    import subprocess

    if server is None or server.poll() is not None:
        return
    server.send_signal(signal.SIGINT)
    try:
        server.wait(60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(10)


def finish_work(work: Any, keep: bool) -> None:
    """Remove a bench's work folder, or say where it was kept (--keep)."""
    import shutil
    import sys

    if keep:
        print(f"[bench] work folder kept: {work}", file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)
