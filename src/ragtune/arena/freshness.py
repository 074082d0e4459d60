"""Freshness: how each kind of strategy absorbs a batch of changed facts, and at what cost.

One function per strategy kind decides how that kind absorbs an update:

    closed_book          the base model reads no documents: it cannot absorb anything
    retrieval            rag / agentic: incremental re-ingest of the updates folder (measured)
    finetuned            closed_book@adapter=ID: continued training of the adapter on data
                         synthesised from the updates folder (measured, capped; default 90 s),
                         plus the full re-training estimate from the adapter's record
    finetuned_retrieval  rag@adapter=ID: re-ingest (measured); the adapter itself is unchanged

The arena answers the update questions before, applies the update once (an incremental
ingest into the project's index, timed with caches off; one continued-training run per
adapter), answers again with every strategy, then restores the index. The continued adapter
is registered like any other (its record says `init_adapter`); the base adapter is untouched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from ragtune.strategies.spec import StrategySpec


def kind_of(spec: StrategySpec) -> str:
    if spec.adapter:
        return "finetuned_retrieval" if spec.retrieves else "finetuned"
    return "retrieval" if spec.retrieves else "closed_book"


def cannot_absorb(spec: StrategySpec, info: dict[str, Any]) -> dict[str, Any]:
    return {"method": "none", "absorb_seconds": None, "answers_after": False,
            "note": "the base model reads no documents; it cannot learn the change"}  # fmt: skip


def absorb_by_reingest(spec: StrategySpec, info: dict[str, Any]) -> dict[str, Any]:
    return {"method": "reingest", "absorb_seconds": info.get("ingest_seconds"), "answers_after": True,
            "note": "incremental ingest of the updates folder"}  # fmt: skip


def absorb_by_continued_training(spec: StrategySpec, info: dict[str, Any]) -> dict[str, Any]:
    """Measured when `info["continued"]` holds the run ({adapter, seconds, ...}); the full
    re-training time is the adapter's recorded training time (an estimate: not re-run)."""
    cont = info.get("continued") or {}
    if not cont:  # not run (no --freshness, or --freshness-train 0): the estimate only
        return absorb_by_retraining(spec, info)
    full = info.get("training_seconds")
    note = "continued training of the adapter on the updated documents"
    if cont.get("cap_s"):
        note += f" (capped at {cont['cap_s']:g} s"
        note += f"; {cont['steps']} steps)" if cont.get("steps") is not None else ")"
    if full:
        note += f"; re-training from scratch: about {full:,.0f} s (estimate from the adapter's record)"
    return {
        "method": "continued_training",
        "absorb_seconds": cont.get("seconds"),
        "answers_after": True,
        "adapter_after": cont.get("adapter"),
        "full_retrain_estimate_s": full,
        "note": note,
    }


def absorb_by_retraining(spec: StrategySpec, info: dict[str, Any]) -> dict[str, Any]:
    """An estimate only: the adapter's recorded training time (used with --freshness-train 0)."""
    return {
        "method": "retrain",
        "absorb_seconds": info.get("training_seconds"),
        "answers_after": False,
        "estimated": True,
        "note": "re-training on the updated corpus (estimated from the adapter's training time; "
        "continued training was switched off)",
    }


FRESHNESS_BY_KIND: dict[str, Callable[[StrategySpec, dict[str, Any]], dict[str, Any]]] = {
    "closed_book": cannot_absorb,
    "retrieval": absorb_by_reingest,
    "finetuned": absorb_by_continued_training,
    "finetuned_retrieval": absorb_by_reingest,
}


def absorb_method(spec: StrategySpec, info: dict[str, Any]) -> dict[str, Any]:
    return FRESHNESS_BY_KIND[kind_of(spec)](spec, info)


# ---------------------------------------------------------------- adapters' records

# record.json of ragtune.finetune: `wall_s` (the whole job: data, training, probes) and
# `train_wall_s` (the training loop). Re-training after an update redoes the whole job.
_TRAINING_KEYS = ("wall_s", "train_wall_s", "training_seconds", "train_seconds", "wall_seconds",
                  "seconds")  # fmt: skip


def adapter_record(project: Any, adapter_id: str | None) -> dict[str, Any] | None:
    """The fine-tuning run record of an adapter (`.ragtune/adapters/ID/record.json`), if any."""
    if not adapter_id:
        return None
    path = Path(project.state) / "adapters" / adapter_id / "record.json"
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def adapter_forgetting(record: dict[str, Any] | None) -> dict[str, Any] | None:
    """The adapter's general-knowledge probe before/after fine-tuning, as a forgetting entry."""
    probes = (record or {}).get("forgetting")
    if not isinstance(probes, dict):
        return None
    before, after = probes.get("before") or {}, probes.get("after") or {}
    if "accuracy_before" in probes:  # already in the arena's shape
        return dict(probes)
    return {
        "n": before.get("items") or before.get("n"),
        "accuracy_before": before.get("accuracy"),
        "accuracy_after": after.get("accuracy"),
        "difference": probes.get("difference"),
        "note": "the adapter's general-knowledge probe before and after fine-tuning (record.json)",
    }


def training_seconds(record: dict[str, Any] | None) -> float | None:
    """Wall seconds the adapter took to train, under any of the names a record may use."""
    if not record:
        return None
    for holder in (record, record.get("timing") or {}, record.get("wall") or {}):
        if not isinstance(holder, dict):
            continue
        for key in _TRAINING_KEYS:
            value = holder.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
    return None
