"""Reading a finished compare run's recommendation: the strategy to serve (`serve --from-run`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ragtune.errors import InputError
from ragtune.strategies.spec import parse_spec


def run_choice(run_dir: str | Path) -> dict[str, Any]:
    """The strategy a compare run recommends, loadable for serving: {strategy (a spec with
    its adapter and prompt program), accuracy, why, project (the run's project folder, or None
    for runs made before it was recorded)}. Raises InputError when there is nothing to serve."""
    run_dir = Path(run_dir)
    path = run_dir / "results.json"
    if not path.is_file():
        raise InputError(f"{run_dir} is not a finished compare run (no results.json)",
                         "give the folder `ragtune compare --out` or `ragtune demo` wrote")  # fmt: skip
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
        run = json.loads((run_dir / "run.json").read_text(encoding="utf-8")) if (run_dir / "run.json").is_file() else {}
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(f"{path} cannot be read: {e}", "run the compare again") from None
    rec = results.get("recommendation") or {}
    spec = rec.get("strategy")
    if not spec:
        raise InputError(f"{run_dir} recommends no strategy ({rec.get('why') or 'no strategy qualified'})",
                         "pass --model SPEC to choose one yourself")  # fmt: skip
    parse_spec(spec)
    block = (results.get("strategies") or {}).get(spec) or {}
    return {"strategy": spec, "accuracy": (block.get("metrics") or {}).get("accuracy"),
            "why": rec.get("why"), "project": run.get("project")}  # fmt: skip
