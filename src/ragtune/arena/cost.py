"""The cost model: measured compute seconds, and money only from the user's own price table.

No vendor prices ship with ragtune. Set them in ragtune.toml (`[cost]`: machine_per_hour,
prompt_per_1k_tokens, completion_per_1k_tokens, currency) or on the command line; without
them every money figure is `null` and costs are compared in compute seconds.

Per strategy, from a compare run:
    serving   = 1000 / throughput_qps compute seconds per 1k queries (batched answering)
    tokens    = mean prompt / completion tokens per query x 1000
    refresh   = seconds to absorb one update batch: re-ingest (retrieval) or re-train (adapter)
    training  = the adapter's training seconds (record.json), amortised over a month's queries
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PriceTable:
    machine_per_hour: float | None = None
    prompt_per_1k_tokens: float | None = None
    completion_per_1k_tokens: float | None = None
    currency: str = ""

    @property
    def configured(self) -> bool:
        return any(
            v is not None
            for v in (self.machine_per_hour, self.prompt_per_1k_tokens, self.completion_per_1k_tokens)
        )

    def money(self, seconds: float, prompt_tokens: float = 0.0, completion_tokens: float = 0.0) -> float | None:
        """Price of compute seconds plus tokens; None when no price is configured."""
        if not self.configured:
            return None
        total = 0.0
        if self.machine_per_hour is not None:
            total += seconds / 3600.0 * self.machine_per_hour
        if self.prompt_per_1k_tokens is not None:
            total += prompt_tokens / 1000.0 * self.prompt_per_1k_tokens
        if self.completion_per_1k_tokens is not None:
            total += completion_tokens / 1000.0 * self.completion_per_1k_tokens
        return total

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "PriceTable":
        d = d or {}
        return cls(**{k: d.get(k) for k in ("machine_per_hour", "prompt_per_1k_tokens",
                                             "completion_per_1k_tokens")},
                   currency=d.get("currency") or "")  # fmt: skip

    @classmethod
    def from_settings(cls, settings: Any) -> "PriceTable":
        c = getattr(settings, "cost", None)
        if c is None:
            return cls()
        return cls(c.machine_per_hour, c.prompt_per_1k_tokens, c.completion_per_1k_tokens, c.currency)


def per_1k_queries(
    throughput_qps: float | None, prompt_tokens: int, completion_tokens: int, n: int, prices: PriceTable
) -> dict[str, Any]:
    """Compute seconds, tokens and (with prices) money for 1,000 queries."""
    seconds = 1000.0 / throughput_qps if throughput_qps else None
    p1k = 1000.0 * prompt_tokens / n if n else None
    c1k = 1000.0 * completion_tokens / n if n else None
    money = prices.money(seconds or 0.0, p1k or 0.0, c1k or 0.0) if seconds is not None else None
    return {
        "compute_seconds": seconds,
        "prompt_tokens": p1k,
        "completion_tokens": c1k,
        "money": money,
        "currency": prices.currency or None,
    }


def monthly_cost(
    strategy: dict[str, Any],
    queries_per_month: float | None,
    updates_per_month: float | None,
    prices: PriceTable,
) -> dict[str, Any]:
    """What running one strategy for a month costs, from its results.json entry.

    Returns compute seconds split into serving, refresh (updates x absorb seconds) and
    training (an adapter's training amortised once a month, or re-done per update), plus
    money when prices are set. Unknown parts are counted as 0 and listed in `unknown`.
    """
    cost = strategy.get("cost") or {}
    p1k = cost.get("per_1k_queries") or {}
    q = float(queries_per_month or 0.0)
    u = float(updates_per_month or 0.0)
    unknown: list[str] = []
    serving_per_1k = p1k.get("compute_seconds")
    if serving_per_1k is None and q:
        unknown.append("serving seconds (no throughput measured)")
    serving = (serving_per_1k or 0.0) * q / 1000.0
    training_once = cost.get("training_seconds")
    refresh_each = cost.get("refresh_seconds")
    retrains = training_once is not None and refresh_each is None
    if retrains:
        refresh_each = training_once  # an adapter absorbs an update by re-training
    if u and refresh_each is None and cost.get("refresh_method") != "none":
        unknown.append("refresh seconds (freshness not measured)")
    refresh = u * (refresh_each or 0.0)
    # The first training is amortised over a month of queries; re-trainings per update are
    # in `refresh` already, so count it only when there were no updates.
    training = (training_once or 0.0) if not (retrains and u >= 1) else 0.0
    seconds = serving + refresh + training
    tokens_p = (p1k.get("prompt_tokens") or 0.0) * q / 1000.0
    tokens_c = (p1k.get("completion_tokens") or 0.0) * q / 1000.0
    return {
        "serving_seconds": serving,
        "refresh_seconds": refresh,
        "training_seconds": training,
        "seconds": seconds,
        "money": prices.money(seconds, tokens_p, tokens_c),
        "unknown": unknown,
    }
