"""The optional LLM judge, with a scripted generator (the prompt and parsing are what matter)."""

from dataclasses import dataclass

import pytest

from ragtune.eval.judge import JUDGE_SYSTEM, LLMJudge, parse_verdict
from ragtune.eval.qa import QAItem


@dataclass
class Gen:
    text: str


class ScriptedGenerator:
    def __init__(self, replies):
        self.replies = list(replies)
        self.calls = []

    def generate(self, prompts, max_new_tokens=32, temperature=0.0, stop=None, system=None):
        self.calls.append((list(prompts), max_new_tokens, temperature, system))
        return [Gen(self.replies.pop(0)) for _ in prompts]


@pytest.mark.parametrize(
    "text, verdict",
    [("Yes", True), (" yes.", True), ("No, it is not", False), ("NO", False),
     ("", None), ("Maybe", None), ("The answer is yes", None), ("42", None)],
)
def test_parse_verdict(text, verdict):
    assert parse_verdict(text) is verdict


def test_judge_counts_unparseable_instead_of_nan():
    items = [QAItem(f"q{i}", "Who founded Quellmark Systems?", ["Ilsa Varonne"]) for i in range(4)]
    gen = ScriptedGenerator(["yes", "no", "I think so", "Yes."])
    result = LLMJudge(gen).judge(items, ["Ilsa Varonne. Extra.", "Brask", "?", "Ilsa"])
    assert result.verdicts == [True, False, None, True]
    assert result.n_unparseable == 1
    assert result.accuracy == pytest.approx(2 / 3)
    assert result.accuracy_strict == pytest.approx(2 / 4)
    prompts, max_new, temperature, system = gen.calls[0]
    assert temperature == 0.0 and system == JUDGE_SYSTEM and max_new == 4
    # the judge sees the first sentence only, and the gold answer
    assert "Candidate answer: Ilsa Varonne." in prompts[0] and "Extra" not in prompts[0]
    assert "Correct answer: Ilsa Varonne" in prompts[0]
    d = result.to_dict()
    assert d["n_unparseable"] == 1 and d["judge"] == "judge-v1"


def test_judge_edge_cases():
    gen = ScriptedGenerator(["maybe"])
    all_bad = LLMJudge(gen).judge([QAItem("q", "Q?", ["x"])], ["x"])
    assert all_bad.accuracy is None and all_bad.accuracy_strict == 0.0
    assert LLMJudge(gen).judge([], []).n == 0
    with pytest.raises(ValueError):
        LLMJudge(gen).judge([QAItem("q", "Q?", ["x"])], [])
