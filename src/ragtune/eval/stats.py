"""Confidence intervals and paired tests for comparing strategies on the same questions.

Small QA sets make differences of a few points noise. Every accuracy (a share of n 0/1
outcomes) is reported with a 95% Wilson score interval: unlike a percentile bootstrap it does
not collapse at 0 or 1 (15/15 correct is [79.6%, 100%], not [100%, 100%]) and it keeps its
coverage on a few dozen questions. Two strategies are compared on the same items with
McNemar's exact test (binary outcomes) and a paired bootstrap of the difference; when a report
claims several pairs differ, `holm` adjusts the p-values for the number of pairs.
`bootstrap_ci` remains for means of non-binary scores (token F1).
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any, Sequence

import numpy as np

_CHUNK = 256  # bootstrap resamples drawn at once (bounds memory for large QA sets)


def _resampled_means(values: np.ndarray, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    m = len(values)
    out = np.empty(n, dtype=np.float64)
    for start in range(0, n, _CHUNK):
        size = min(_CHUNK, n - start)
        idx = rng.integers(0, m, size=(size, m))
        out[start : start + size] = values[idx].mean(axis=1)
    return out


def bootstrap_ci(
    values: Sequence[float], n: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of `values` (non-binary scores such as F1; for
    accuracies use `wilson_ci`, which does not collapse to a point at 0% or 100%)."""
    arr = np.asarray(values, dtype=np.float64)
    if arr.size == 0:
        raise ValueError("bootstrap_ci needs at least one value")
    if np.all(arr == arr[0]):
        return float(arr[0]), float(arr[0])
    means = _resampled_means(arr, n, seed)
    alpha = (1.0 - level) / 2
    lo, hi = np.quantile(means, [alpha, 1.0 - alpha])
    return float(lo), float(hi)


def wilson_ci(successes: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion successes/n (0 <= successes <= n, n >= 1)."""
    if n < 1 or not 0 <= successes <= n:
        raise ValueError(f"wilson_ci needs 0 <= successes <= n and n >= 1 (got {successes}/{n})")
    z = NormalDist().inv_cdf(0.5 + level / 2)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    lo, hi = max(0.0, centre - half), min(1.0, centre + half)
    # exact at the edges: 0/n has lower bound 0, n/n upper bound 1 (rounding aside)
    return (0.0 if successes == 0 else lo), (1.0 if successes == n else hi)


def proportion_ci(values: Sequence[float | bool], level: float = 0.95) -> tuple[float, float]:
    """Wilson interval of the share of true values in 0/1 `values`."""
    if len(values) == 0:
        raise ValueError("proportion_ci needs at least one value")
    return wilson_ci(int(sum(1 for v in values if v)), len(values), level)


def holm(pvalues: Sequence[float | None]) -> list[float | None]:
    """Holm-Bonferroni adjusted p-values (step-down, monotone; None stays None).

    Reject hypothesis i at level alpha when adjusted[i] <= alpha: the family-wise error rate
    over all the comparisons a report makes stays at alpha."""
    indexed = sorted((p, i) for i, p in enumerate(pvalues) if p is not None)
    m = len(indexed)
    out: list[float | None] = [None] * len(pvalues)
    running = 0.0
    for rank, (p, i) in enumerate(indexed):
        running = max(running, min(1.0, (m - rank) * p))
        out[i] = running
    return out


def mcnemar_exact(a_only: int, b_only: int) -> float:
    """Two-sided exact McNemar p-value from the discordant counts."""
    n = a_only + b_only
    if n == 0:
        return 1.0
    k = min(a_only, b_only)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2.0 * tail)


def paired_test(
    a: Sequence[float | bool], b: Sequence[float | bool], n: int = 2000, seed: int = 0
) -> dict[str, Any]:
    """Compare two strategies scored on the same items (same order).

    Returns the means, their difference (a - b) with a 95% paired-bootstrap interval and
    p-value, and for 0/1 outcomes the discordant counts and McNemar's exact p-value.
    """
    x = np.asarray(a, dtype=np.float64)
    y = np.asarray(b, dtype=np.float64)
    if x.shape != y.shape:
        raise ValueError(f"paired_test needs equal lengths, got {x.size} and {y.size}")
    if x.size == 0:
        raise ValueError("paired_test needs at least one pair")
    diff = x - y
    result: dict[str, Any] = {
        "n": int(x.size),
        "mean_a": float(x.mean()),
        "mean_b": float(y.mean()),
        "diff": float(diff.mean()),
    }
    if np.all(diff == diff[0]):
        result["diff_ci"] = [float(diff[0]), float(diff[0])]
        result["bootstrap_p"] = 1.0 if diff[0] == 0 else 0.0
    else:
        means = _resampled_means(diff, n, seed)
        lo, hi = np.quantile(means, [0.025, 0.975])
        result["diff_ci"] = [float(lo), float(hi)]
        # two-sided: how often the resampled difference lands on the other side of zero
        p = 2.0 * min(np.mean(means <= 0.0), np.mean(means >= 0.0))
        result["bootstrap_p"] = float(min(1.0, p))
    binary = bool(np.isin(x, (0.0, 1.0)).all() and np.isin(y, (0.0, 1.0)).all())
    if binary:
        a_only = int(((x == 1) & (y == 0)).sum())
        b_only = int(((x == 0) & (y == 1)).sum())
        result["a_only"] = a_only
        result["b_only"] = b_only
        result["mcnemar_p"] = mcnemar_exact(a_only, b_only)
    else:
        result["a_only"] = result["b_only"] = result["mcnemar_p"] = None
    return result
