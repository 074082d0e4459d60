"""Issue 14's acceptance lines from `ragtune compare` runs on the evaluation sets' test splits.

    python scripts/acceptance_summary.py catalog=RUN_DIR prose=RUN_DIR tables=RUN_DIR --out F.json

Reads each RUN_DIR/predictions.jsonl (test phase only) and writes, per corpus and strategy:
accuracy with its 95% Wilson interval, accuracy by type, abstentions on unanswerable and on
answerable questions; then the acceptance lines (agentic >= rag overall; agentic not more than 5
points below rag on a type with n >= 10; rag single-hop >= 60% on the catalog and >= 40% on
prose; agentic abstains on >= 70% of unanswerable and <= 15% of answerable questions).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ragtune.eval.stats import wilson_ci  # noqa: E402

SINGLE_HOP_LINE = {"catalog": 0.60, "prose": 0.40}


def summarise(run: Path) -> dict:
    rows = [json.loads(line) for line in (run / "predictions.jsonl").read_text().splitlines() if line.strip()]
    out: dict = {}
    for strategy in dict.fromkeys(r["strategy"] for r in rows):
        mine = [r for r in rows if r["strategy"] == strategy and r.get("phase", "test") == "test"]
        right = sum(bool(r["correct"]) for r in mine)
        by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in mine:
            by[r["type"]][0] += bool(r["correct"])
            by[r["type"]][1] += 1
        unans = [r for r in mine if r["type"] == "unanswerable"]
        ans = [r for r in mine if r["type"] != "unanswerable"]
        lo, hi = wilson_ci(right, len(mine))
        out[strategy] = {
            "n": len(mine), "right": right, "accuracy": round(right / max(1, len(mine)), 6),
            "ci95": [round(lo, 6), round(hi, 6)],
            "by_type": {t: [n, round(k / n, 3)] for t, (k, n) in sorted(by.items())},
            "abstain_unanswerable": [sum(bool(r["abstained"]) for r in unans), len(unans)],
            "abstain_answerable": [sum(bool(r["abstained"]) for r in ans), len(ans)],
        }
    return out


def lines(name: str, s: dict) -> dict:
    rag, ag = s["rag"], s["agentic"]
    worse = [t for t, (n, acc) in ag["by_type"].items()
             if n >= 10 and t in rag["by_type"] and acc < rag["by_type"][t][1] - 0.05]
    out = {
        "agentic >= rag overall": ag["accuracy"] >= rag["accuracy"],
        "no type (n >= 10) more than 5 points below rag": not worse,
        "types below rag": worse,
        "agentic abstains on >= 70% of unanswerable":
            ag["abstain_unanswerable"][0] >= 0.7 * ag["abstain_unanswerable"][1],
        "agentic abstains on <= 15% of answerable":
            ag["abstain_answerable"][0] <= 0.15 * ag["abstain_answerable"][1],
    }
    if name in SINGLE_HOP_LINE:
        acc = rag["by_type"].get("single_hop", [0, 0.0])[1]
        out[f"rag single-hop >= {SINGLE_HOP_LINE[name]:.0%}"] = acc >= SINGLE_HOP_LINE[name]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", help="NAME=RUN_DIR")
    ap.add_argument("--out", default="")
    args = ap.parse_args(argv)
    result: dict = {}
    for spec in args.runs:
        name, run = spec.split("=", 1)
        result[name] = summarise(Path(run))
        if {"rag", "agentic"} <= set(result[name]):
            result[name]["acceptance"] = lines(name, result[name])
    text = json.dumps(result, indent=1)
    if args.out:
        Path(args.out).write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
