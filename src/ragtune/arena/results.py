"""results.json from a run folder's files: pure functions, no models (the report reuses them).

Every accuracy comes from the eval core (`score_item` per answer, `aggregate` per strategy),
with 95% Wilson intervals; strategies are compared on the same questions with `paired_test`,
and a pair is called separable only after Holm's correction for the number of pairs. Metrics that do not apply (citations of a closed-book model, retrieval recall
without retrieval) are null, never 0.
"""

from __future__ import annotations

import itertools
from typing import Any, Iterable

import numpy as np

from ragtune.arena.cost import PriceTable, per_1k_queries
from ragtune.eval.metrics import ItemScore, aggregate
from ragtune.eval.stats import holm, paired_test, wilson_ci

SCHEMA_VERSION = "1.0"

# results.json metric name -> eval.aggregate name
METRIC_NAMES = {
    "accuracy": "accuracy",
    "em": "em",
    "f1": "f1",
    "abstain_precision": "abstention_precision",
    "abstain_recall": "abstention_recall",
    "citation_precision": "citation_precision",
    "citation_recall": "citation_recall",
    "retrieval_recall@5": "recall_at_5",
}


def item_score(row: dict[str, Any]) -> ItemScore:
    return ItemScore(**row["score"])


def _round(x: Any, nd: int = 4) -> Any:
    if isinstance(x, float):
        return round(x, nd)
    if isinstance(x, list):
        return [_round(v, nd) for v in x]
    if isinstance(x, dict):
        return {k: _round(v, nd) for k, v in x.items()}
    return x


def accuracy_block(correct: list[bool], seed: int = 0) -> dict[str, Any] | None:
    if not correct:
        return None
    k = sum(1 for c in correct if c)
    lo, hi = wilson_ci(k, len(correct))
    return {"n": len(correct), "accuracy": k / len(correct), "ci95": [lo, hi]}


def percentile(values: list[float], q: float) -> float | None:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if values else None


def strategy_block(
    spec: str,
    rows: list[dict[str, Any]],
    batches: list[dict[str, Any]],
    latency_ms: list[float] | None,
    prepare: dict[str, Any] | None,
    training_seconds: float | None,
    refresh: dict[str, Any] | None,
    prices: PriceTable,
    seed: int,
    retrieves: bool = True,
) -> dict[str, Any]:
    scores = [item_score(r) for r in rows]
    agg = aggregate(scores, seed=seed)
    overall = agg["overall"] or {}
    metrics = {name: overall.get(src) for name, src in METRIC_NAMES.items()}
    if not retrieves:  # a model without sources cites nothing: citation metrics do not apply
        metrics["citation_precision"] = metrics["citation_recall"] = None
    by_type = {
        t: {"n": b["n"], "accuracy": b["accuracy"], "em": b["em"], "f1": b["f1"],
            "ci95": b["accuracy_ci"]}  # fmt: skip
        for t, b in agg["by_type"].items()
    }
    answered = sum(b["n"] for b in batches)
    seconds = sum(b["seconds"] for b in batches)
    throughput = answered / seconds if answered and seconds > 0 else None
    prompt = sum(r["tokens"]["prompt"] for r in rows)
    completion = sum(r["tokens"]["completion"] for r in rows)
    exits: dict[str, int] = {}
    for r in rows:
        exits[r["exit_reason"]] = exits.get(r["exit_reason"], 0) + 1
    return {
        "n": len(rows),
        "metrics": metrics,
        "ci95": {"accuracy": overall.get("accuracy_ci")},
        "by_type": by_type,
        "abstention_rate": overall.get("abstention_rate"),
        "exit_reasons": exits,
        "latency_ms": {
            "p50": percentile(latency_ms or [], 50),
            "p95": percentile(latency_ms or [], 95),
            "n": len(latency_ms or []),
            "mean": float(np.mean(latency_ms)) if latency_ms else None,
        },
        "throughput_qps": throughput,
        "batched": {"questions": answered, "seconds": seconds},
        "tokens": {"prompt": prompt, "completion": completion,
                   "per_query": (prompt + completion) / len(rows) if rows else None},  # fmt: skip
        "cost": {
            "per_1k_queries": per_1k_queries(throughput, prompt, completion, len(rows), prices),
            "prepare_seconds": (prepare or {}).get("seconds"),
            "prepare_tokens": (prepare or {}).get("tokens"),
            "training_seconds": training_seconds,
            "refresh_seconds": (refresh or {}).get("absorb_seconds"),
            "refresh_method": (refresh or {}).get("method"),
        },
    }


ALPHA = 0.05  # family-wise error rate of the "separable" claims a run makes


def paired_tests(rows_by_spec: dict[str, list[dict[str, Any]]], seed: int = 0) -> list[dict[str, Any]]:
    """Every pair of strategies on the questions both answered (McNemar + paired bootstrap).

    `separable` is the claim the report and the recommendation make: McNemar's exact p (the
    paired bootstrap's for non-binary scores), Holm-adjusted over all the pairs of the run
    (`p_holm`), below ALPHA. With k strategies there are k(k-1)/2 pairs, and an uncorrected
    test at 5% would call some pair different by chance in most runs of five strategies."""
    out = []
    correct = {s: {r["id"]: bool(r["correct"]) for r in rows} for s, rows in rows_by_spec.items()}
    for a, b in itertools.combinations(list(rows_by_spec), 2):
        ids = [i for i in correct[a] if i in correct[b]]
        if not ids:
            continue
        t = paired_test([correct[a][i] for i in ids], [correct[b][i] for i in ids], seed=seed)
        out.append({
            "a": a, "b": b, "n": t["n"], "accuracy_a": t["mean_a"], "accuracy_b": t["mean_b"],
            "diff": t["diff"], "diff_ci": t["diff_ci"], "a_only": t["a_only"],
            "b_only": t["b_only"], "mcnemar_p": t["mcnemar_p"], "bootstrap_p": t["bootstrap_p"],
        })  # fmt: skip
    adjusted = holm([t["mcnemar_p"] if t["mcnemar_p"] is not None else t["bootstrap_p"] for t in out])
    for t, p in zip(out, adjusted):
        t["p_holm"] = p
        t["separable"] = bool(p is not None and p < ALPHA and t["diff"] != 0)
    return out


def freshness_section(
    enabled: bool,
    info: dict[str, Any],
    methods: dict[str, dict[str, Any]],
    rows: Iterable[dict[str, Any]],
    seed: int,
) -> dict[str, Any]:
    """Per strategy: accuracy on the changed facts before and after, and how it absorbs them."""
    if not enabled:
        return {"enabled": False, "strategies": {}}
    before: dict[str, dict[str, bool]] = {}
    after: dict[str, dict[str, bool]] = {}
    for r in rows:
        if r.get("phase") == "before":
            before.setdefault(r["strategy"], {})[r["id"]] = bool(r["correct"])
        elif r.get("phase") == "after":
            after.setdefault(r["strategy"], {})[r["id"]] = bool(r["correct"])
    per: dict[str, Any] = {}
    for spec, method in methods.items():
        b, a = before.get(spec, {}), after.get(spec, {})
        both = [i for i in b if i in a]
        paired = None
        if both:
            t = paired_test([a[i] for i in both], [b[i] for i in both], seed=seed)
            paired = {"n": t["n"], "diff": t["diff"], "diff_ci": t["diff_ci"],
                      "mcnemar_p": t["mcnemar_p"], "fixed": t["a_only"], "broken": t["b_only"]}  # fmt: skip
        per[spec] = {
            "method": method.get("method"),
            "absorb_seconds": method.get("absorb_seconds"),
            "estimated": bool(method.get("estimated", False)),
            "before": accuracy_block(list(b.values()), seed),
            "after": accuracy_block(list(a.values()), seed) if a else None,
            "paired": paired,
            "note": method.get("note"),
        }
        for key in ("adapter_after", "full_retrain_estimate_s"):
            if method.get(key) is not None:
                per[spec][key] = method[key]
    return {"enabled": True, **info, "strategies": per}


def forgetting_section(
    test_rows: dict[str, list[dict[str, Any]]],
    fresh_rows: Iterable[dict[str, Any]],
    adapter_forgetting: dict[str, Any],
    seed: int,
    stale_ids: set[str] | frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Did absorbing the update (or fine-tuning) cost answers that were right before?

    Retrieval strategies: a seeded sample of test questions answered again after the update,
    compared with the same strategy's test answers. Test questions that ask what an update
    question asks (`stale_ids`: their gold answer is the old value) are left out of the
    comparison and counted apart: answering them differently is absorbing, not forgetting.
    Fine-tuned strategies: the adapter's own before/after probe from its training record
    (`adapter_probe`, nested when the strategy was also re-asked after the update)."""
    after: dict[str, dict[str, bool]] = {}
    for r in fresh_rows:
        if r.get("phase") == "forgetting":
            after.setdefault(r["strategy"], {})[r["id"]] = bool(r["correct"])
    per: dict[str, Any] = {}
    for spec, rows in test_rows.items():
        before = {r["id"]: bool(r["correct"]) for r in rows}
        a = after.get(spec, {})
        asked = [i for i in a if i in before]
        ids = [i for i in asked if i not in stale_ids]
        stale = [i for i in asked if i in stale_ids]
        if ids:
            t = paired_test([a[i] for i in ids], [before[i] for i in ids], seed=seed)
            per[spec] = {
                "method": "after_update", "n": len(ids), "accuracy_before": t["mean_b"],
                "accuracy_after": t["mean_a"], "lost": t["b_only"], "gained": t["a_only"],
                "mcnemar_p": t["mcnemar_p"],
                "stale": {"n": len(stale), "ids": stale,
                          "changed_answer": sum(a[i] != before[i] for i in stale)},
                "note": "test questions answered again after the update was absorbed; questions "
                "about a changed fact are counted under `stale`, not as forgotten",
            }  # fmt: skip
            if spec in adapter_forgetting:  # what fine-tuning itself cost, beside the update's
                per[spec]["adapter_probe"] = adapter_forgetting[spec]
        elif spec in adapter_forgetting:
            per[spec] = {"method": "adapter_probe", **adapter_forgetting[spec]}
        else:
            per[spec] = None
    return {"strategies": per}


def finish(results: dict[str, Any]) -> dict[str, Any]:
    return _round(results, 6)
