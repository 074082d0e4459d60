"""rag's prompt format, compared on dev splits (tuning only): the passages as numbered sources
with a citation instruction (the format before 2026-11-30) against the plain `Context:` block.

    python scripts/rag_prompt_variants.py CORPUS[,CORPUS...] VARIANT[,VARIANT...] \
        [--strategy rag|agentic] [--work DIR]

CORPUS as in scripts/eval_strategies_dev.py (catalog, prose, tables, world, seed, or
NAME=DOCS:QA_FILE; a test split is refused). VARIANT:
  numbered        "Sources:\\n[1] ...\\n[2] ..." + "Cite the source like [1]" (the old default)
  numbered_plain  the numbered sources without the citation instruction
  context         the default: "Context:\\n...\\n..." (strategies.rag / prompts.rag_user_message)
  context_brief   the default + "Answer briefly." after the question
  context_blank   the default with a blank line between passages
  question_twice  the question before the context as well as after it (query-aware
                  contextualisation, Liu et al. 2023, "Lost in the Middle")
Prints one JSON line per corpus and variant: accuracy, right/n per question type, abstentions
(the rows of scripts/eval_strategies_dev.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

OLD_SYSTEM = (
    "Answer the question with a short phrase using only the numbered sources. Cite the source "
    'like [1]. If the sources do not contain the answer, say "I don\'t know".'
)
NO_CITE_SYSTEM = (
    "Answer the question with a short phrase using only the sources. "
    'If the sources do not contain the answer, say "I don\'t know".'
)


def numbered(question: str, sources: list[str]) -> str:
    lines = ["Sources:"] + [f"[{i}] {t.strip()}" for i, t in enumerate(sources, 1)]
    return "\n".join([*lines, "", f"Question: {question.strip()}"])


def variants() -> dict:
    from ragtune.prompts import RAG_SYSTEM, rag_user_message

    return {
        "numbered": (OLD_SYSTEM, numbered),
        "numbered_plain": (NO_CITE_SYSTEM, numbered),
        "context": (RAG_SYSTEM, rag_user_message),
        "context_brief": (RAG_SYSTEM, lambda q, s: rag_user_message(q, s) + "\nAnswer briefly."),
        "context_blank": (RAG_SYSTEM, lambda q, s: "Context:\n" + "\n\n".join(t.strip() for t in s)
                          + f"\n\nQuestion: {q.strip()}"),
        "question_twice": (RAG_SYSTEM, lambda q, s: f"Question: {q.strip()}\n\n" + rag_user_message(q, s)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora")
    ap.add_argument("variants")
    ap.add_argument("--strategy", default="rag", choices=["rag", "agentic"])
    ap.add_argument("--work", default="/tmp/ragtune-dev")
    args = ap.parse_args()

    from eval_strategies_dev import _row, corpus_paths

    from ragtune import api
    from ragtune.eval.metrics import score_item
    from ragtune.eval.qa import load_qa
    from ragtune.index import open_index
    from ragtune.models import project_pool
    from ragtune.project import Project
    from ragtune.strategies import build_strategy
    from ragtune.strategies.rag import Rag

    table = variants()
    work = Path(args.work)
    for name in args.corpora.split(","):
        label, docs, qa = corpus_paths(name, work)
        if qa.name.startswith("test"):
            sys.exit(f"{qa}: a test split; this script reads dev splits only")
        items = load_qa(qa)
        (work / label / "project").mkdir(parents=True, exist_ok=True)
        project = Project.open(work / label / "project")
        api.ingest(project, docs, progress=False)
        with open_index(project) as index:
            gen = project_pool(project).generator()
            for v in args.variants.split(","):
                system, user = table[v]

                def messages(self, question, passages, system=system, user=user):  # noqa: ANN001, ANN202
                    shown = passages if self.program.order == "best_first" else passages[::-1]
                    return [{"role": "system", "content": system},
                            {"role": "user", "content": user(question, [p.shown for p in shown])}]

                Rag.messages = messages  # agentic inherits it: its floor and generations follow
                strategy = build_strategy(args.strategy, project, gen, index=index)
                t0 = time.perf_counter()
                answers = strategy.answer_many([i.question for i in items])
                scores = [score_item(i, a) for i, a in zip(items, answers)]
                row = {**_row(items, answers, scores), "seconds": round(time.perf_counter() - t0)}
                print(label, v, json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
