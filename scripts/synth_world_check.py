"""How good is the fine-tuning data's question synthesis on a synthetic world?

    python scripts/synth_world_check.py W [--out results.json] [--sample 20]

W is a folder written by `ragtune world`. Its documents are read and chunked as
`ragtune finetune --corpus W/docs` would (word-count chunking, so no tokenizer is loaded),
the training questions are synthesised by `ragtune.finetune.data.extract_pairs` (the same
call `synthesize` makes), and every (question, answer) is checked against the world's own
gold facts (`ragtune.world.gold`): distinct facts covered, questions per fact, and the share
of items whose answer is right for its question. The finetune code never sees the world.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

from ragtune.config import Settings
from ragtune.corpus import ChunkingConfig, Document, WordTokens, chunk_document, iter_documents, scan
from ragtune.corpus.questions import reads_as_question
from ragtune.finetune.data import extract_pairs
from ragtune.world.gold import GoldFacts


def world_chunks(docs: Path) -> list:
    settings = Settings()
    files, _ = scan(docs, settings.index.max_file_mb)
    config = ChunkingConfig(settings.index.chunk_tokens, settings.index.chunk_overlap)
    chunks = []
    for src in files:
        for d in iter_documents(src):
            if isinstance(d, Document):
                chunks.extend(chunk_document(d, WordTokens(), config))
    return chunks


def check_world(world: Path, sample: int = 0) -> dict:
    chunks = world_chunks(world / "docs")
    pairs, stats = extract_pairs(chunks)
    gold = GoldFacts.load(world / "world.json")
    items = [(p.question, p.answer) for p, _ in pairs]
    report = gold.check(items)
    # the same figures for the items that read as questions (no "Fill in the blank: X | k: ___")
    well_formed = gold.check([it for it in items if reads_as_question(it[0])])
    report["well_formed"] = {k: v for k, v in well_formed.items() if k not in ("examples",
                                                                               "covered_by_relation")}
    report["synthesis_stats"] = stats
    report["by_form"] = dict(sorted(collections.Counter(
        f"{p.form}/{p.direction}" for p, _ in pairs).items()))
    verdicts = collections.Counter()
    for p, _ in pairs:
        verdicts[(p.form, gold.verdict(p.question, p.answer)[0])] += 1
    report["verdicts_by_form"] = {f"{f}/{v}": n for (f, v), n in sorted(verdicts.items())}
    if sample:
        rng = random.Random(0)
        report["sample"] = [[p.question, p.answer, gold.verdict(p.question, p.answer)[0]]
                            for p, _ in rng.sample(pairs, min(sample, len(pairs)))]
    return report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("world", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--sample", type=int, default=0)
    args = ap.parse_args(argv)
    report = check_world(args.world, args.sample)
    text = json.dumps(report, indent=1, ensure_ascii=False)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    keep = {k: v for k, v in report.items() if k not in ("examples", "sample", "covered_by_relation")}
    print(json.dumps(keep, indent=1, ensure_ascii=False))
    if args.sample:
        for q, a, v in report["sample"]:
            print(f"  [{v}] {q} -> {a}")


if __name__ == "__main__":
    sys.exit(main())
