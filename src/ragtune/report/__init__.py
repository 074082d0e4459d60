"""`ragtune report RUN_DIR`: report.html (one self-contained file, plots embedded as base64 PNG)
and report.md (plots as files in RUN_DIR/plots/) from results.json, predictions.jsonl and
traces.jsonl. No model is loaded: rendering a report needs only the run folder.

    from ragtune.report import render_report
    paths = render_report("runs/compare-1", constraints={"latency_budget_ms": 2000})
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ragtune.arena.recommend import recommend

__all__ = ["render_report", "load_run"]


def load_run(run_dir: str | Path) -> dict[str, Any]:
    """results.json (validated against the schema), predictions and traces of a run folder."""
    from ragtune.arena.rundir import RunDir
    from ragtune.arena.schema import validate
    from ragtune.errors import InputError

    rd = RunDir(run_dir)
    if not rd.root.is_dir():
        raise InputError(f"run folder {rd.root} does not exist", "give the --out folder of `ragtune compare`")
    results = rd.read_json("results.json")
    if results is None:
        raise InputError(
            f"{rd.root} has no results.json",
            "run `ragtune compare ... --out RUN_DIR` first (an interrupted run writes it when resumed)",
        )
    problems = validate(results)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise InputError(
            f"{rd.path('results.json')} does not match docs/results.schema.json: "
            + "; ".join(problems[:3]) + more,
            "re-run `ragtune compare` to regenerate it",
        )
    return {
        "dir": rd.root,
        "results": results,
        "predictions": list(rd.rows("predictions.jsonl")),
        "traces": {t["trace_id"]: t for t in rd.rows("traces.jsonl")},
    }


def render_report(
    run_dir: str | Path,
    constraints: dict[str, Any] | None = None,
    prices: Any = None,
    examples: int = 4,
) -> dict[str, Path]:
    """Write RUN_DIR/report.html and RUN_DIR/report.md; returns their paths.

    With `constraints` (latency_budget_ms, updates_per_month, queries_per_month, budget) the
    recommendation is recomputed for them; results.json itself is left as measured."""
    from ragtune.report.render import write_report

    run = load_run(run_dir)
    if constraints is not None or prices is not None:
        base = dict(run["results"]["recommendation"].get("constraints") or {})
        base.pop("budget_unit", None)
        merged = {**base, **{k: v for k, v in (constraints or {}).items() if v is not None}}
        run["results"]["recommendation"] = recommend(run["results"], merged, prices)
    return write_report(run, examples)
