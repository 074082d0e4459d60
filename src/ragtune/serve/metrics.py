"""Prometheus metrics through prometheus-client: the server's counters, histograms and
gauges in a registry of its own (several apps in one process do not collide), plus the
client's process, platform and garbage-collector collectors. No tenant data goes into labels
(no key names, no collections)."""

from __future__ import annotations

from typing import Callable

from prometheus_client import (CollectorRegistry, Counter, Gauge, GCCollector, Histogram,
                               PlatformCollector, ProcessCollector, disable_created_metrics,
                               generate_latest)  # fmt: skip
from prometheus_client.exposition import CONTENT_TYPE_LATEST

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64)
CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    """Named metrics of one server: `inc(name, value, **labels)`, `observe(...)`, `render()`."""

    def __init__(self, process: bool = True) -> None:
        disable_created_metrics()  # no `*_created` series: creation times say nothing here
        self.registry = CollectorRegistry(auto_describe=True)
        if process:
            ProcessCollector(registry=self.registry)
            PlatformCollector(registry=self.registry)
            GCCollector(registry=self.registry)
        self._metrics: dict[str, Counter | Histogram] = {}

    def counter(self, name: str, help_: str, labels: tuple[str, ...] = ()) -> None:
        self._metrics[name] = Counter(name, help_, labels, registry=self.registry)

    def histogram(self, name: str, help_: str, labels: tuple[str, ...] = (),
                  buckets: tuple = LATENCY_BUCKETS) -> None:  # fmt: skip
        self._metrics[name] = Histogram(name, help_, labels, buckets=buckets, registry=self.registry)

    def gauge(self, name: str, help_: str, read: Callable[[], float]) -> None:
        Gauge(name, help_, registry=self.registry).set_function(read)

    def _child(self, name: str, labels: dict[str, str]):  # noqa: ANN202
        metric = self._metrics[name]
        names = metric._labelnames  # noqa: SLF001 - the label order the metric was made with
        return metric.labels(*(str(labels.get(n, "")) for n in names)) if names else metric

    def inc(self, name: str, value: float = 1.0, **labels: str) -> None:
        self._child(name, labels).inc(value)

    def observe(self, name: str, value: float, **labels: str) -> None:
        self._child(name, labels).observe(value)

    def value(self, name: str, **labels: str) -> float:
        """A counter's current value (tests)."""
        sample = name if name.endswith("_total") else f"{name}_total"
        got = self.registry.get_sample_value(sample, {k: str(v) for k, v in labels.items()})
        return got or 0.0

    def render(self) -> bytes:
        return generate_latest(self.registry)
