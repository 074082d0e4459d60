"""Prometheus text exposition (format 0.0.4) without a client library: counters, gauges and
histograms with labels. No tenant data goes into labels (no key names, no collections)."""

from __future__ import annotations

import threading
from typing import Callable

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64)


def _labels(names: tuple[str, ...], values: tuple[str, ...]) -> str:
    if not names:
        return ""
    esc = [v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") for v in values]
    return "{" + ",".join(f'{n}="{v}"' for n, v in zip(names, esc)) + "}"


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[str, tuple[str, tuple[str, ...], dict[tuple, float]]] = {}
        self._hists: dict[str, tuple[str, tuple[str, ...], tuple, dict[tuple, list[float]]]] = {}
        self._gauges: dict[str, tuple[str, Callable[[], float]]] = {}

    def counter(self, name: str, help_: str, labels: tuple[str, ...] = ()) -> None:
        self._counters[name] = (help_, labels, {})

    def histogram(self, name: str, help_: str, labels: tuple[str, ...] = (),
                  buckets: tuple = LATENCY_BUCKETS) -> None:  # fmt: skip
        self._hists[name] = (help_, labels, buckets, {})

    def gauge(self, name: str, help_: str, read: Callable[[], float]) -> None:
        self._gauges[name] = (help_, read)

    def inc(self, name: str, value: float = 1.0, **labels: str) -> None:
        _, names, series = self._counters[name]
        key = tuple(str(labels.get(n, "")) for n in names)
        with self._lock:
            series[key] = series.get(key, 0.0) + value

    def observe(self, name: str, value: float, **labels: str) -> None:
        _, names, buckets, series = self._hists[name]
        key = tuple(str(labels.get(n, "")) for n in names)
        with self._lock:
            row = series.setdefault(key, [0.0] * (len(buckets) + 2))  # buckets..., sum, count
            for i, b in enumerate(buckets):
                if value <= b:
                    row[i] += 1
            row[-2] += value
            row[-1] += 1

    def value(self, name: str, **labels: str) -> float:
        """A counter's current value (tests)."""
        _, names, series = self._counters[name]
        return series.get(tuple(str(labels.get(n, "")) for n in names), 0.0)

    def render(self) -> str:
        lines: list[str] = []
        with self._lock:
            for name, (help_, names, series) in self._counters.items():
                lines += [f"# HELP {name} {help_}", f"# TYPE {name} counter"]
                for key, v in sorted(series.items()):
                    lines.append(f"{name}{_labels(names, key)} {v:g}")
            for name, (help_, names, buckets, series) in self._hists.items():
                lines += [f"# HELP {name} {help_}", f"# TYPE {name} histogram"]
                for key, row in sorted(series.items()):
                    for i, b in enumerate(buckets):
                        lab = _labels(names + ("le",), key + (f"{b:g}",))
                        lines.append(f"{name}_bucket{lab} {row[i]:g}")
                    lines.append(f"{name}_bucket{_labels(names + ('le',), key + ('+Inf',))} {row[-1]:g}")
                    lines.append(f"{name}_sum{_labels(names, key)} {row[-2]:g}")
                    lines.append(f"{name}_count{_labels(names, key)} {row[-1]:g}")
        for name, (help_, read) in self._gauges.items():
            lines += [f"# HELP {name} {help_}", f"# TYPE {name} gauge", f"{name} {read():g}"]
        return "\n".join(lines) + "\n"
