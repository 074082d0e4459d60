"""Which questions train, tune and test: an automatic seeded split, sampling, leakage guard."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Iterable

from ragtune.eval.qa import QAItem

SPLIT_SHARES = (0.2, 0.2)  # train, dev; the rest (60%) is the test set


@dataclass
class Split:
    train: list[QAItem]
    dev: list[QAItem]
    test: list[QAItem]
    automatic: bool = False
    dropped: list[str] = field(default_factory=list)  # train/dev ids that duplicated a test question

    def ids(self) -> dict[str, list[str]]:
        return {"train": [q.id for q in self.train], "dev": [q.id for q in self.dev],
                "test": [q.id for q in self.test]}  # fmt: skip


def _by_type(items: Iterable[QAItem]) -> dict[str, list[QAItem]]:
    groups: dict[str, list[QAItem]] = {}
    for q in items:
        groups.setdefault(q.type, []).append(q)
    return groups


def auto_split(items: list[QAItem], seed: int) -> tuple[list[QAItem], list[QAItem], list[QAItem]]:
    """Stratified by type, seeded: about 20% train, 20% dev, 60% test of every type.

    A type with fewer than 3 questions goes to test entirely (there is nothing to learn from
    one example and it would leave the type untested)."""
    train: set[str] = set()
    dev: set[str] = set()
    for qtype, group in sorted(_by_type(items).items()):
        if len(group) < 3:
            continue
        rng = random.Random(f"{seed}:split:{qtype}")
        ids = [q.id for q in group]
        rng.shuffle(ids)
        n_train = max(1, round(SPLIT_SHARES[0] * len(ids)))
        n_dev = max(1, round(SPLIT_SHARES[1] * len(ids)))
        train.update(ids[:n_train])
        dev.update(ids[n_train : n_train + n_dev])
    return (
        [q for q in items if q.id in train],
        [q for q in items if q.id in dev],
        [q for q in items if q.id not in train and q.id not in dev],
    )


def carve_dev(train: list[QAItem], seed: int) -> tuple[list[QAItem], list[QAItem]]:
    """Only --train-qa given: half of it (seeded, by type) becomes dev."""
    dev: set[str] = set()
    for qtype, group in sorted(_by_type(train).items()):
        rng = random.Random(f"{seed}:dev:{qtype}")
        ids = [q.id for q in group]
        rng.shuffle(ids)
        dev.update(ids[: len(ids) // 2])
    return [q for q in train if q.id not in dev], [q for q in train if q.id in dev]


def normalise_question(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def drop_test_duplicates(
    test: list[QAItem], *others: list[QAItem]
) -> tuple[list[list[QAItem]], list[str]]:
    """Remove from train/dev any item whose id or normalised question is a test item's."""
    test_ids = {q.id for q in test}
    test_texts = {normalise_question(q.question) for q in test}
    kept, dropped = [], []
    for items in others:
        keep = []
        for q in items:
            if q.id in test_ids or normalise_question(q.question) in test_texts:
                dropped.append(q.id)
            else:
                keep.append(q)
        kept.append(keep)
    return kept, dropped


def select_test(
    test: list[QAItem], sample_per_type: int | None, limit: int | None, seed: int
) -> list[QAItem]:
    """Seeded sample of N questions per type, then the first `limit` (file order kept)."""
    chosen = test
    if sample_per_type is not None:
        keep: set[str] = set()
        for qtype, group in sorted(_by_type(test).items()):
            rng = random.Random(f"{seed}:sample:{qtype}")
            keep.update(q.id for q in rng.sample(group, min(sample_per_type, len(group))))
        chosen = [q for q in test if q.id in keep]
    if limit is not None:
        chosen = chosen[:limit]
    return chosen


def seeded_sample(items: list[QAItem], n: int, seed: int, salt: str) -> list[QAItem]:
    """n items spread over types (round-robin over seeded per-type orders)."""
    if n >= len(items):
        return list(items)
    rng = random.Random(f"{seed}:{salt}")
    groups = [list(g) for _, g in sorted(_by_type(items).items())]
    for g in groups:
        rng.shuffle(g)
    out: list[QAItem] = []
    while len(out) < n:
        for g in groups:
            if g and len(out) < n:
                out.append(g.pop())
    return out
