"""`ragtune compare --judge SPEC`: an LLM judge grades the test answers beside exact scoring.

The token checks of `ragtune.eval.metrics` stay the accuracy every table leads with and the
recommendation uses; the judge is a second opinion for free-form gold answers (phrases,
sentences), reported next to it with its own interval, how often it could not be parsed, and
how often it agrees with the exact check. Verdicts go to RUN_DIR/judge.jsonl, one per
(strategy, question): re-running the same compare with --judge (or a resumed run) judges only
what is missing, so a judge can be added to a finished run.

SPEC: `generator` (the model the strategies use, already loaded; a 135M model is a weak judge),
a local model folder or package (like `model.generator`), or an OpenAI-compatible server URL,
with the served model's name after `#` (`http://localhost:8000/v1#qwen2.5-7b-instruct`).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from ragtune.eval.judge import JUDGE_VERSION, LLMJudge
from ragtune.eval.qa import QAItem
from ragtune.eval.stats import wilson_ci

JUDGE_FILE = "judge.jsonl"
SAME_MODEL = ("generator", "same", "self")
BATCH = 32


def judge_generator(project: Any, spec: str, generator: Any) -> Any:
    """The generator that judges: the strategies' own, or one built from SPEC's settings."""
    if spec.strip().lower() in SAME_MODEL:
        return generator
    from ragtune.models import get_pool
    from ragtune.models.locate import is_url

    target, _, name = spec.partition("#") if is_url(spec) else (spec, "", "")
    settings = project.settings.model_copy(deep=True)
    settings.model.generator = target
    if name:
        settings.model.name = name
    return get_pool(settings, cache_dir=project.path("cache")).generator()


def judge_answers(
    rd: Any,
    strategies: Iterable[str],
    items: dict[str, QAItem],
    generator: Any,
    spec: str,
    say: Callable[[str], None] = lambda msg: None,
) -> int:
    """Judge every test prediction of `strategies` not judged yet; returns how many were."""
    done = {(r["strategy"], r["id"]) for r in rd.rows(JUDGE_FILE)}
    judge = LLMJudge(generator)
    total = 0
    for name in strategies:
        todo: dict[str, dict[str, Any]] = {}
        for r in rd.rows("predictions.jsonl"):
            if (r["strategy"] == name and r.get("phase", "test") == "test" and r["id"] in items
                    and (name, r["id"]) not in done):  # fmt: skip
                todo.setdefault(r["id"], r)
        rows = list(todo.values())
        for start in range(0, len(rows), BATCH):
            part = rows[start : start + BATCH]
            result = judge.judge([items[r["id"]] for r in part], [r["prediction"] for r in part])
            rd.append(JUDGE_FILE, [
                {"strategy": name, "id": r["id"], "verdict": v, "raw": raw, "exact": bool(r["correct"]),
                 "judge": JUDGE_VERSION, "spec": spec}
                for r, v, raw in zip(part, result.verdicts, result.raw)
            ])  # fmt: skip
            total += len(part)
            say(f"  judge {name}: {start + len(part)}/{len(rows)}")
    return total


def judge_block(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One strategy's judge summary (None when nothing was judged)."""
    if not rows:
        return None
    verdicts = [r["verdict"] for r in rows]
    parsed = [r for r in rows if r["verdict"] is not None]
    yes = sum(v is True for v in verdicts)
    lo, hi = wilson_ci(yes, len(rows))
    return {
        "judge": rows[0].get("judge", JUDGE_VERSION),
        "spec": rows[0].get("spec"),
        "n": len(rows),
        "n_unparseable": len(rows) - len(parsed),
        "accuracy": yes / len(parsed) if parsed else None,  # among parseable verdicts
        "accuracy_strict": yes / len(rows),  # unparseable counted as wrong
        "ci95": [lo, hi],  # of accuracy_strict (Wilson)
        "agreement": (sum(r["verdict"] == r["exact"] for r in parsed) / len(parsed)) if parsed else None,
        "judge_only": sum(r["verdict"] is True and not r["exact"] for r in rows),
        "exact_only": sum(r["verdict"] is not True and r["exact"] for r in rows),
    }


def attach_judge(rd: Any, strategies: dict[str, dict[str, Any]], test_ids: set[str]) -> None:
    """Add `judge` to each strategy's results block (beside `metrics`, which it never changes)."""
    by_strategy: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rd.rows(JUDGE_FILE):
        if r["id"] in test_ids:
            by_strategy.setdefault(r["strategy"], {})[r["id"]] = r  # the last verdict counts
    for name, block in strategies.items():
        block["judge"] = judge_block(list(by_strategy.get(name, {}).values()))
