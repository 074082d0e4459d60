"""How many checked questions does the synthesis core make from a corpus, and what are they?

    python scripts/synth_yield.py DOCS_OR_FILE [--sample 20] [--seed 0] [--out sample.json]

Reads and chunks the folder (or one text file) as `ragtune finetune --corpus` does (word-count
chunking, so no tokenizer is loaded), runs `ragtune.corpus.questions.corpus_candidates`, and
prints the yield (items per 1,000 words of chunk text), counts by form and answer type, and a
random sample (seeded) to judge by hand.
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
from ragtune.corpus.loaders import LoadError
from ragtune.corpus.questions import corpus_candidates


def chunks_of(path: Path) -> tuple[list, list[str]]:
    settings = Settings()
    config = ChunkingConfig(settings.index.chunk_tokens, settings.index.chunk_overlap)
    if path.is_file():
        doc = Document(path.stem, path.read_text(encoding="utf-8"), path.stem, {}, path.name, "txt")
        return chunk_document(doc, WordTokens(), config), []
    files, _ = scan(path, settings.index.max_file_mb)
    chunks, skipped = [], []
    for src in files:
        try:
            docs = [d for d in iter_documents(src) if isinstance(d, Document)]
        except LoadError as e:
            skipped.append(f"{src.relpath}: {e}")
            continue
        for d in docs:
            chunks.extend(chunk_document(d, WordTokens(), config))
    return chunks, skipped


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    chunks, skipped = chunks_of(args.corpus)
    words = sum(len(c.text.split()) for c in chunks)
    items, stats = corpus_candidates(chunks)
    rng = random.Random(args.seed)
    picked = rng.sample(items, min(args.sample, len(items)))
    report = {
        "corpus": str(args.corpus), "documents": len({c.doc_id for c in chunks}),
        "chunks": len(chunks), "words": words, "items": len(items),
        "items_per_1000_words": round(1000 * len(items) / words, 1) if words else 0.0,
        "by_form": dict(collections.Counter(c.form for c in items).most_common()),
        "by_type": dict(collections.Counter(c.type for c in items).most_common()),
        "stats": stats, "skipped_files": skipped,
        "sample": [{"question": c.question, "answer": c.answer, "form": c.form,
                    "direction": c.direction, "doc_id": c.doc_id, "source": c.source} for c in picked],
    }
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "sample"}, indent=1, ensure_ascii=False))
    for i, s in enumerate(report["sample"], 1):
        print(f"{i:2}. [{s['form']}/{s['direction']}] {s['question']} -> {s['answer']}")


if __name__ == "__main__":
    sys.exit(main())
