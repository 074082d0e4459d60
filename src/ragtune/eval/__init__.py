"""The evaluation core: QA files, answer checks, statistics and an optional LLM judge.

A leaf module: it imports nothing from strategies, fine-tuning, the arena, the index or the
world generator, so users can score their own predictions with it alone.
"""

from ragtune.eval.metrics import (
    ItemScore,
    aggregate,
    exact_match,
    first_sentence,
    is_abstention,
    is_correct,
    judged_text,
    normalize_answer,
    score_item,
    token_f1,
)
from ragtune.eval.qa import QA_TYPES, QAItem, load_qa, save_qa
from ragtune.eval.stats import bootstrap_ci, holm, paired_test, wilson_ci

__all__ = [
    "QA_TYPES",
    "ItemScore",
    "QAItem",
    "aggregate",
    "bootstrap_ci",
    "exact_match",
    "first_sentence",
    "holm",
    "is_abstention",
    "is_correct",
    "judged_text",
    "load_qa",
    "normalize_answer",
    "paired_test",
    "save_qa",
    "score_item",
    "token_f1",
    "wilson_ci",
]
