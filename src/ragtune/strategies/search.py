"""Prompt programs optimised on dev ("intelligent prompt engineering", measured).

A program fixes the instruction, how many passages the model sees and whether they are whole
chunks or the best sentences, their order, and few-shot demonstrations drawn from train. The
search scores at most 8 candidates that vary on at least 3 of these dimensions with successive
halving: every candidate on ~20 dev questions, the best half on ~60, and saves the winner as
an artefact (`.ragtune/programs/ID.json`) that lists every candidate with its dev scores.

It receives train and dev only; the test set never reaches it.
"""

from __future__ import annotations

import dataclasses
import random
import re
from typing import Any, Callable, Iterable

from ragtune.eval.metrics import is_correct
from ragtune.project import Project
from ragtune.strategies.common import PromptProgram, programs_dir, save_program, split_sentences
from ragtune.prompts import RAG_SYSTEM, TERSE_SYSTEM

DIMENSIONS = {
    "instruction": [RAG_SYSTEM, TERSE_SYSTEM],
    "n_context": [1, 2, 3],
    "context": ["sentences", "chunks"],
    "order": ["best_first", "best_last"],
    "demos": [0, 2],
}


def candidate_grid(seed: int = 0, limit: int = 8) -> list[dict[str, Any]]:
    """`limit` distinct settings spread over the dimensions (the default program first)."""
    rng = random.Random(seed)
    default = {"instruction": RAG_SYSTEM, "n_context": 1, "context": "sentences",
               "order": "best_last", "demos": 0}
    grid = [default]
    keys = list(DIMENSIONS)
    while len(grid) < limit:
        cand = {k: rng.choice(DIMENSIONS[k]) for k in keys}
        if cand not in grid:
            grid.append(cand)
    return grid


def make_demos(index: Any, train: list[Any], n: int, seed: int = 0) -> list[dict[str, str]]:
    """Few-shot examples from train: the question, the retrieved sentence that contains the
    gold answer, and the answer."""
    rng = random.Random(seed)
    pool = [t for t in train if t.answers and not t.options]
    rng.shuffle(pool)
    demos: list[dict[str, str]] = []
    for item in pool:
        if len(demos) >= n:
            break
        gold = item.answers[0]
        for hit in index.search(item.question, k=5):
            sent = next((s for s in split_sentences(hit.text) if gold.lower() in s.lower()), None)
            if sent:
                demos.append({"question": item.question, "source": sent, "answer": gold})
                break
    return demos


def next_program_id(project: Project, prefix: str = "opt") -> str:
    numbers = [int(m.group(1)) for p in programs_dir(project).glob(f"{prefix}-*.json")
               if (m := re.match(rf"{prefix}-(\d+)$", p.stem))]
    return f"{prefix}-{max(numbers, default=0) + 1:03d}"


def search_program(
    project: Project,
    make_strategy: Callable[[PromptProgram], Any],
    index: Any,
    train: Iterable[Any],
    dev: Iterable[Any],
    candidates: int = 8,
    first_round: int = 20,
    final_round: int = 60,
    seed: int = 0,
    log: Callable[[str], None] = lambda msg: None,
) -> PromptProgram:
    """Successive halving over prompt programs on dev; returns (and saves) the winner."""
    train, dev = list(train), list(dev)
    rng = random.Random(seed)
    dev_order = dev[:]
    rng.shuffle(dev_order)
    grid = candidate_grid(seed, min(candidates, 8))
    demos = make_demos(index, train, 2, seed)
    programs = []
    for i, cand in enumerate(grid):
        programs.append(PromptProgram(
            id=f"candidate-{i}", instruction=cand["instruction"], n_context=cand["n_context"],
            context=cand["context"], order=cand["order"], demos=demos[: cand["demos"]],
        ))
    records: list[dict[str, Any]] = [
        {"candidate": i, "settings": {**g, "instruction": "default" if g["instruction"] == RAG_SYSTEM else "terse"},
         "scores": {}} for i, g in enumerate(grid)
    ]
    alive = list(range(len(programs)))
    rounds = [first_round, final_round]
    for rnd, size in enumerate(rounds):
        items = dev_order[: min(size, len(dev_order))]
        for i in alive:
            strategy = make_strategy(programs[i])
            answers = strategy.answer_many([q.question for q in items])
            acc = sum(is_correct(q, a.text, a.abstained) for q, a in zip(items, answers)) / max(1, len(items))
            records[i]["scores"][f"round{rnd + 1}_n{len(items)}"] = round(acc, 4)
            log(f"round {rnd + 1}: candidate {i} {records[i]['settings']} -> {acc:.3f} on {len(items)} dev")
        ranked = sorted(alive, key=lambda i: -list(records[i]["scores"].values())[-1])
        alive = ranked[: max(1, len(ranked) // 2)] if rnd < len(rounds) - 1 else ranked[:1]
    best = alive[0]
    winner = dataclasses.replace(programs[best], id=next_program_id(project))
    winner.candidates = records
    winner.meta = {"winner": best, "dev_questions": len(dev), "train_questions": len(train),
                   "first_round": first_round, "final_round": final_round, "seed": seed}
    save_program(project, winner)
    return winner
