"""Is a drafted evaluation set right about a synthetic world? (issue 16's acceptance)

    ragtune qa W/docs --out drafted.jsonl --n 200 --seed 0
    python scripts/qa_world_check.py W drafted.jsonl [--out results.json]

`ragtune.drafting` never sees the world; this script (which may) checks every drafted item
against `W/world.json`'s gold facts (`ragtune.world.gold`):
- single-hop and reverse: the gold verdict of (question, answer);
- multi-hop and comparison: the gold verdicts of the hops the item was made from (`hops`):
  right when every hop is right (a comparison's order comes from the hops' values);
- unanswerable: truly unanswerable when no gold fact could answer it: the question names no
  world entity, or no fact of an entity it names has the question's relation words and
  answer type (a withheld attribute is not a gold fact: the world never states it).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ragtune.world.gold import GoldFacts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("world", type=Path)
    ap.add_argument("qa", type=Path)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    items = [json.loads(line) for line in args.qa.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = GoldFacts.load(args.world / "world.json").check_drafted(items)
    text = json.dumps(report, indent=1, ensure_ascii=False)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
