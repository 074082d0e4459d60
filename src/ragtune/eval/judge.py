"""An optional LLM judge for free-form answers on user data.

The token checks in `metrics` are the reference; a judge helps where gold answers are
sentences rather than names. It is fixed so scores do not drift between runs: one prompt
(versioned), greedy decoding (temperature 0), and a verdict parsed from the first word. An
output that is neither yes nor no is counted as unparseable, never turned into NaN, and
reported next to the accuracy (RAGAS-style NaNs hide exactly these cases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol, Sequence

from ragtune.eval.metrics import judged_text
from ragtune.eval.qa import QAItem

JUDGE_VERSION = "judge-v1"
JUDGE_SYSTEM = "You grade answers. Reply with one word: yes or no."
JUDGE_PROMPT = (
    "Question: {question}\n"
    "Correct answer: {gold}\n"
    "Candidate answer: {candidate}\n"
    "Does the candidate answer give the correct answer? Reply yes or no."
)
_FIRST_WORD = re.compile(r"[A-Za-z]+")


class _Generator(Protocol):
    def generate(self, prompts: list[Any], max_new_tokens: int = ..., **kw: Any) -> list[Any]: ...


def parse_verdict(text: str) -> bool | None:
    """yes -> True, no -> False, anything else -> None (unparseable)."""
    m = _FIRST_WORD.search(text or "")
    word = m.group().lower() if m else ""
    if word in ("yes", "correct", "true"):
        return True
    if word in ("no", "incorrect", "false", "wrong"):
        return False
    return None


@dataclass
class JudgeResult:
    verdicts: list[bool | None]  # per item; None = unparseable judge output
    raw: list[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.verdicts)

    @property
    def n_unparseable(self) -> int:
        return sum(v is None for v in self.verdicts)

    @property
    def accuracy(self) -> float | None:
        """Share judged correct among the parseable verdicts."""
        parsed = [v for v in self.verdicts if v is not None]
        return sum(parsed) / len(parsed) if parsed else None

    @property
    def accuracy_strict(self) -> float | None:
        """Share judged correct, counting unparseable verdicts as wrong."""
        return sum(v is True for v in self.verdicts) / self.n if self.n else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "judge": JUDGE_VERSION,
            "n": self.n,
            "n_unparseable": self.n_unparseable,
            "accuracy": self.accuracy,
            "accuracy_strict": self.accuracy_strict,
            "verdicts": self.verdicts,
        }


class LLMJudge:
    """Judge predictions with any generator that has `.generate(prompts, max_new_tokens=..)`."""

    def __init__(self, generator: _Generator, max_new_tokens: int = 4):
        self.generator = generator
        self.max_new_tokens = max_new_tokens

    def prompt(self, item: QAItem, prediction: str) -> str:
        gold = " / ".join(item.answers) if item.answers else "(not answerable from the documents)"
        return JUDGE_PROMPT.format(
            question=item.question.strip(), gold=gold, candidate=judged_text(prediction) or "-"
        )

    def judge(self, items: Sequence[QAItem], predictions: Sequence[str]) -> JudgeResult:
        if len(items) != len(predictions):
            raise ValueError(f"{len(items)} items but {len(predictions)} predictions")
        if not items:
            return JudgeResult([], [])
        prompts = [self.prompt(i, p) for i, p in zip(items, predictions)]
        outputs = self.generator.generate(
            prompts, max_new_tokens=self.max_new_tokens, temperature=0.0, system=JUDGE_SYSTEM
        )
        raw = [getattr(o, "text", o) for o in outputs]
        return JudgeResult([parse_verdict(t) for t in raw], raw)
