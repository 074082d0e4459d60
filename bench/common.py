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
