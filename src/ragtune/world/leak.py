"""Leak check: can the closed-book base model already answer the world's test questions?

If it can, the world is not measuring new knowledge. Expected: about 0-3% on answerable
questions without options (invented names cannot be known), and about chance on questions
with options (picking one of two named things). Items the model gets right are listed so a
generator bug (an answer guessable from the question) can be found and fixed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ragtune.eval.metrics import first_sentence, is_correct
from ragtune.eval.qa import QAItem, load_qa
from ragtune.eval.stats import wilson_ci

LEAK_SYSTEM = "Answer with a short phrase only."


def names_an_option(item: QAItem, prediction: str) -> bool:
    """Whether the judged first sentence names any option (echoes of the question excluded)."""
    assert item.options
    return any(
        is_correct(QAItem(item.id, item.question, [o], item.type, [], item.options), prediction,
                   False)
        for o in item.options
    )


def _summary(items: list[QAItem], correct: list[bool]) -> dict[str, Any]:
    if not items:
        return {"n": 0, "correct": 0, "accuracy": None, "accuracy_ci": None}
    values = [1.0 if c else 0.0 for c in correct]
    return {
        "n": len(items),
        "correct": int(sum(values)),
        "accuracy": sum(values) / len(values),
        "accuracy_ci": list(wilson_ci(int(sum(values)), len(values))),
    }


def check_leak(
    world_dir: str | Path,
    generator: Any,
    split: str = "test",
    max_new_tokens: int = 24,
    limit: int | None = None,
) -> dict[str, Any]:
    """Run `generator` closed-book on the split's answerable questions and score them."""
    world_dir = Path(world_dir)
    items = [i for i in load_qa(world_dir / "qa" / f"{split}.jsonl") if i.answers]
    if limit is not None:
        items = items[:limit]
    outputs = generator.generate(
        [i.question for i in items],
        max_new_tokens=max_new_tokens,
        temperature=0.0,
        system=LEAK_SYSTEM,
    )
    predictions = [getattr(o, "text", o) for o in outputs]
    correct = [is_correct(i, p, False) for i, p in zip(items, predictions)]
    open_ = [(i, c) for i, c in zip(items, correct) if not i.options]
    opts = [(i, c) for i, c in zip(items, correct) if i.options]
    by_type: dict[str, Any] = {}
    for t in sorted({i.type for i in items}):
        pairs = [(i, c) for i, c in zip(items, correct) if i.type == t]
        by_type[t] = _summary([i for i, _ in pairs], [c for _, c in pairs])
    options = _summary([i for i, _ in opts], [c for _, c in opts])
    # a prediction that names no option (or only restates "A or B") is wrong, which can put
    # option accuracy below chance; this says how often an option was named at all
    named = [
        (names_an_option(i, p), c) for i, p, c in zip(items, predictions, correct) if i.options
    ]
    options["named_an_option"] = sum(n for n, _ in named)
    options["accuracy_when_named"] = (
        sum(c for n, c in named if n) / options["named_an_option"]
        if options["named_an_option"]
        else None
    )
    chances = [1 / len(i.options or [0, 0]) for i, _ in opts]
    options["chance"] = sum(chances) / len(chances) if chances else None
    if hasattr(generator, "score_choices") and opts:
        # forced choice: the option the model finds likeliest (per token, so a longer name is
        # not penalised); without knowledge this sits at chance
        hits = []
        for item, _ in opts:
            scores = generator.score_choices(item.question, list(item.options), system=LEAK_SYSTEM)
            lengths = [max(1, generator.count_tokens(o)) for o in item.options]
            best = max(range(len(scores)), key=lambda k: scores[k] / lengths[k])
            hits.append(item.options[best] in item.answers)
        options["forced_choice_correct"] = sum(hits)
        options["forced_choice_accuracy"] = sum(hits) / len(hits)
    return {
        "split": split,
        "model": getattr(generator, "model_id", type(generator).__name__),
        "system_prompt": LEAK_SYSTEM,
        "max_new_tokens": max_new_tokens,
        "open": _summary([i for i, _ in open_], [c for _, c in open_]),
        "options": options,
        "by_type": by_type,
        "flagged": [
            {"id": i.id, "type": i.type, "question": i.question, "answers": i.answers,
             "prediction": first_sentence(p)}
            for i, p, c in zip(items, predictions, correct)
            if c and not i.options
        ],  # fmt: skip
        "options_correct": [i.id for i, c in opts if c],  # expected: about half, by chance
        "samples": [
            {"id": i.id, "question": i.question, "answers": i.answers, "prediction": p}
            for i, p in list(zip(items, predictions))[:5]
        ],
        "predictions": {i.id: p for i, p in zip(items, predictions)},
    }
