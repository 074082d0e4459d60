"""Dev-split table for the retrieval strategies: accuracy per type and abstention rates.

    python scripts/eval_strategies_dev.py CORPUS [CORPUS...] [--strategies rag,agentic]
        [--work /tmp/ragtune-dev] [--limit N] [--prepare] [--out FILE.json]

CORPUS is `NAME=DOCS_FOLDER:QA_FILE`, or one of the short names below (dev splits only; a
test split is refused):

- `handwritten`: tests/data/handwritten/corpus with its qa.jsonl (a dev split since the
  tables corpus took its place for testing)
- `world`: a small world (seed 0) generated into WORK/world, its qa/dev.jsonl
- `seed`: the seed article (/work/shared/seed or $RAGTUNE_SEED_ARTICLE) with evalsets/seed/dev.jsonl
- `tables`: the hand-written wiki (CSV indexed) with evalsets/tables/dev.jsonl (= the `handwritten` questions)
- `catalog`, `prose`: built by scripts/build_evalsets.py into WORK/NAME-docs, with evalsets/NAME/dev.jsonl

Each corpus gets its own project under WORK (ingested once, incrementally). Strategies run with
`answer_many` on the default models; `--prepare` calls `prepare(project, [], dev)` first (an
in-sample number: for reading only). Predictions go to WORK/NAME/predictions-SPEC.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_paths(name: str, work: Path) -> tuple[str, Path, Path]:
    if "=" in name:
        label, spec = name.split("=", 1)
        docs, qa = spec.split(":", 1)
        return label, Path(docs), Path(qa)
    if name == "handwritten":
        base = ROOT / "tests" / "data" / "handwritten"
        return name, base / "corpus", base / "qa.jsonl"
    if name == "world":
        out = work / "world"
        if not (out / "qa" / "dev.jsonl").exists():
            from ragtune.world import generate_world

            generate_world("small", 0, out)
        return name, out / "docs", out / "qa" / "dev.jsonl"
    if name == "seed":
        article = Path(os.environ.get("RAGTUNE_SEED_ARTICLE",
                                      "/work/shared/seed/fine-tuning-vs-agentic-rag.txt"))
        docs = work / "seed-docs"
        docs.mkdir(parents=True, exist_ok=True)
        if not (docs / article.name).exists():
            shutil.copyfile(article, docs / article.name)
        return name, docs, ROOT / "evalsets" / "seed" / "dev.jsonl"
    if name == "tables":  # the hand-written wiki with its CSV indexed
        return name, ROOT / "tests" / "data" / "handwritten" / "corpus", ROOT / "evalsets" / "tables" / "dev.jsonl"
    docs = work / f"{name}-docs"  # catalog, prose: built from this environment's packages
    if not docs.exists():
        import subprocess

        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_evalsets.py"), name, "--out", str(docs)],
                       check=True)
    return name, docs, ROOT / "evalsets" / name / "dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--strategies", default="rag,agentic")
    ap.add_argument("--work", default="/tmp/ragtune-dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--prepare", action="store_true")
    ap.add_argument("--out", default="")
    args = ap.parse_args()

    from ragtune import api
    from ragtune.eval.metrics import score_item
    from ragtune.eval.qa import load_qa
    from ragtune.index import open_index
    from ragtune.project import Project
    from ragtune.models import project_pool
    from ragtune.strategies import build_strategy

    work = Path(args.work)
    table: dict[str, dict] = {}
    for name in args.corpora:
        label, docs, qa_path = corpus_paths(name, work)
        if qa_path.name.startswith("test"):
            sys.exit(f"{qa_path}: a test split; this script reads dev splits only")
        items = load_qa(qa_path)
        if args.limit:
            items = items[: args.limit]
        proj_root = work / label / "project"
        proj_root.mkdir(parents=True, exist_ok=True)
        project = Project.open(proj_root)
        api.ingest(project, docs, progress=False)
        table[label] = {}
        with open_index(project) as index:
            gen = project_pool(project).generator()
            for spec in args.strategies.split(","):
                strategy = build_strategy(spec, project, gen, index=index)
                if args.prepare and spec.startswith("agentic"):
                    strategy.prepare(project, [], items)
                t0 = time.perf_counter()
                answers = strategy.answer_many([i.question for i in items])
                secs = time.perf_counter() - t0
                scores = [score_item(i, a) for i, a in zip(items, answers)]
                with open(work / label / f"predictions-{spec}.jsonl", "w") as f:
                    for i, a, s in zip(items, answers, scores):
                        f.write(json.dumps({"id": i.id, "type": i.type, "question": i.question,
                                            "gold": i.answers, "text": a.text, "abstained": a.abstained,
                                            "correct": s.correct, "exit": a.exit_reason,
                                            "trace": [st.to_dict() for st in a.trace][-4:]},
                                           default=str) + "\n")
                row = _row(items, answers, scores)
                row["seconds"] = round(secs, 1)
                table[label][spec] = row
                print(label, spec, json.dumps(row), flush=True)
    print()
    _print_table(table)
    if args.out:
        Path(args.out).write_text(json.dumps(table, indent=2))


def _row(items, answers, scores) -> dict:
    by: dict[str, list[int]] = {}
    for i, s in zip(items, scores):
        by.setdefault(i.type or "all", [0, 0])
        by[i.type or "all"][0] += int(s.correct)
        by[i.type or "all"][1] += 1
    una = [a.abstained for i, a in zip(items, answers) if not i.answers]
    ans = [a.abstained for i, a in zip(items, answers) if i.answers]
    return {
        "n": len(items),
        "accuracy": round(sum(s.correct for s in scores) / max(1, len(scores)), 3),
        "by_type": {t: f"{c}/{n}" for t, (c, n) in sorted(by.items())},
        "abstain_unanswerable": f"{sum(una)}/{len(una)}",
        "abstain_answerable": f"{sum(ans)}/{len(ans)}",
    }


def _print_table(table: dict) -> None:
    for label, rows in table.items():
        specs = list(rows)
        types = sorted({t for r in rows.values() for t in r["by_type"]})
        print(f"## {label}")
        print("| type | " + " | ".join(specs) + " |")
        print("|---|" + "---|" * len(specs))
        for t in types:
            print(f"| {t} | " + " | ".join(rows[s]["by_type"].get(t, "-") for s in specs) + " |")
        print("| **overall** | " + " | ".join(f"{rows[s]['accuracy']:.1%} (n={rows[s]['n']})" for s in specs) + " |")
        print("| abstain unanswerable | " + " | ".join(rows[s]["abstain_unanswerable"] for s in specs) + " |")
        print("| abstain answerable | " + " | ".join(rows[s]["abstain_answerable"] for s in specs) + " |")
        print("| seconds | " + " | ".join(str(rows[s]["seconds"]) for s in specs) + " |")
        print()


if __name__ == "__main__":
    main()
