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


def test_compare_judge_is_reported_beside_exact_scoring(tmp_path):
    """`compare --judge`: verdicts land in judge.jsonl, resume without re-judging, and the
    results block carries them beside (never instead of) the exact metrics."""
    from ragtune.arena.judging import attach_judge, judge_answers
    from ragtune.arena.rundir import RunDir
    from ragtune.arena.schema import load_schema, validate
    from ragtune.report.render import judge_rows

    rd = RunDir(tmp_path / "run").create()
    items = {f"q{i}": QAItem(f"q{i}", "Why is the sky blue?", ["Rayleigh scattering"]) for i in range(3)}
    preds = ["Because of Rayleigh scattering.", "Because of scattering of light.", "I don't know."]
    rd.append("predictions.jsonl", [
        {"strategy": "rag", "id": f"q{i}", "phase": "test", "prediction": p, "correct": i == 0}
        for i, p in enumerate(preds)
    ] + [{"strategy": "rag", "id": "q0", "phase": "freshness", "prediction": "x", "correct": False}])  # fmt: skip
    gen = ScriptedGenerator(["yes", "Yes.", "hmm"])
    assert judge_answers(rd, ["rag"], items, gen, "generator") == 3
    assert judge_answers(rd, ["rag"], items, gen, "generator") == 0  # resumed: nothing left
    strategies = {"rag": {"metrics": {"accuracy": 1 / 3}}}
    attach_judge(rd, strategies, set(items))
    j = strategies["rag"]["judge"]
    assert j["n"] == 3 and j["n_unparseable"] == 1 and j["accuracy"] == 1.0
    assert j["accuracy_strict"] == pytest.approx(2 / 3) and j["agreement"] == pytest.approx(0.5)
    assert j["judge_only"] == 1 and j["exact_only"] == 0 and j["spec"] == "generator"
    assert strategies["rag"]["metrics"]["accuracy"] == pytest.approx(1 / 3)  # untouched
    assert validate(j, load_schema()["$defs"]["strategy"]["properties"]["judge"] | {"$defs": load_schema()["$defs"]}) == []
    row = judge_rows({"strategies": strategies})[0]
    assert row[0] == "rag" and row[2] == "33.3%" and row[3].startswith("66.7%")
    empty = {"rag": {}}
    attach_judge(RunDir(tmp_path / "other").create(), empty, set(items))
    assert empty["rag"]["judge"] is None


def test_compare_has_a_judge_option():
    from typer.testing import CliRunner

    from ragtune.cli import app

    out = CliRunner().invoke(app, ["compare", "--help"], env={"COLUMNS": "200"}).output
    assert "--judge" in out and "beside exact" in out
