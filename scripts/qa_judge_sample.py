"""A seeded random sample of a drafted QA file, to judge by hand against each item's evidence.

    ragtune -p P qa CORPUS --out drafted.jsonl
    python scripts/qa_judge_sample.py drafted.jsonl --n 25 --seed 0 --out sample.json
    # write a verdict per item ("right" | "wrong", and a note) into sample.json, then:
    python scripts/qa_judge_sample.py --score sample.json

The sample keeps what a judge needs: question, answers, options, type, the source sentence(s)
and evidence ids (the full documents are in the corpus folder).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path


def sample(path: Path, n: int, seed: int) -> dict:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = random.Random(seed).sample(items, min(n, len(items)))
    keep = ("id", "type", "question", "answers", "options", "source", "sources", "evidence", "origin",
            "made_up_name", "missing_field_of", "hops")  # fmt: skip
    return {"file": str(path), "items_in_file": len(items), "seed": seed,
            "sample": [{**{k: it[k] for k in keep if k in it}, "verdict": None, "note": ""} for it in picked]}


def score(data: dict) -> dict:
    verdicts = [s["verdict"] for s in data["sample"]]
    if any(v not in ("right", "wrong") for v in verdicts):
        raise SystemExit("every item needs a verdict: right or wrong")
    right = verdicts.count("right")
    return {"judged": len(verdicts), "right": right, "share_right": round(right / len(verdicts), 4)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("qa", type=Path, nargs="?")
    ap.add_argument("--n", type=int, default=25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--score", type=Path, help="a judged sample file: print its share of right items")
    args = ap.parse_args(argv)
    if args.score:
        print(json.dumps(score(json.loads(args.score.read_text(encoding="utf-8")))))
        return
    data = sample(args.qa, args.n, args.seed)
    text = json.dumps(data, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
