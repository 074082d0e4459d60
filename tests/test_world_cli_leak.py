"""`ragtune world` on the command line, and the leak check (scripted and with SmolLM2)."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass

import pytest

from ragtune import api
from ragtune.eval.qa import load_qa
from ragtune.project import Project
from ragtune.world.leak import LEAK_SYSTEM, check_leak


def _cli(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "RAGTUNE_PROJECT"}
    return subprocess.run([sys.executable, "-m", "ragtune.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_world_writes_a_world(tmp_path):
    out = tmp_path / "w"
    r = _cli("world", "--size", "tiny", "--seed", "3", "--out", str(out), "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["questions"]["test"] == len(load_qa(out / "qa" / "test.jsonl"))
    assert json.loads((out / "world.json").read_text())["config"]["seed"] == 3
    r = _cli("world", "--size", "tiny", "--out", str(out), cwd=tmp_path)
    assert r.returncode == 0 and "test questions per type" in r.stdout


def test_cli_world_errors_are_one_line(tmp_path):
    (tmp_path / "mine.txt").write_text("keep")
    r = _cli("world", "--size", "tiny", "--out", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith("error: ") and "not empty" in r.stderr
    assert "Traceback" not in r.stderr
    r = _cli("world", "--size", "gigantic", "--out", str(tmp_path / "x"), cwd=tmp_path)
    assert r.returncode == 2 and "unknown world size" in r.stderr and "tiny" in r.stderr
    help_text = _cli("world", "--help", cwd=tmp_path).stdout
    assert "--check-leak" in help_text and "--seed" in help_text


@dataclass
class Gen:
    text: str


class GoldForSome:
    """Answers the first `k` questions with the gold answer, the rest with a wrong name."""

    model_id = "scripted"

    def __init__(self, items, k):
        self.gold = {i.question: i.answers[0] for i in items[:k]}
        self.calls = []

    def generate(self, prompts, max_new_tokens=32, temperature=0.0, stop=None, system=None):
        self.calls.append((system, temperature))
        return [Gen(self.gold.get(p, "Nobody Known.")) for p in prompts]


def test_leak_check_scores_and_flags(tiny_world):
    items = [i for i in load_qa(tiny_world / "qa" / "test.jsonl") if i.answers]
    gen = GoldForSome([i for i in items if not i.options], k=2)
    report = check_leak(tiny_world, gen)
    assert gen.calls == [(LEAK_SYSTEM, 0.0)]
    n_open = sum(not i.options for i in items)
    assert report["open"]["n"] == n_open and report["open"]["correct"] == 2
    assert len(report["flagged"]) == 2 and report["flagged"][0]["prediction"]
    opts = report["options"]
    assert opts["n"] == sum(bool(i.options) for i in items) and opts["correct"] == 0
    assert opts["chance"] == 0.5 and opts["named_an_option"] == 0
    assert set(report["predictions"]) == {i.id for i in items}
    assert set(report["by_type"]) == {i.type for i in items}


def test_api_world_check_leak_writes_the_report(tmp_path, monkeypatch):
    scripted = GoldForSome([], k=0)
    fake_pool = type("Pool", (), {"generator": lambda self: scripted})()
    monkeypatch.setattr("ragtune.models.project_pool", lambda project: fake_pool)
    out = tmp_path / "w"
    summary = api.world("tiny", 0, out, check_leak=True, project=Project.open(tmp_path))
    report = json.loads((out / "leak_check.json").read_text())
    assert report == json.loads(json.dumps(summary["leak_check"]))
    assert report["world"] == {"size": "tiny", "seed": 0} and report["model"] == "scripted"
    assert report["open"]["accuracy"] == 0.0 and report["open"]["n"] >= 30


@pytest.mark.slow
def test_leak_check_with_the_base_model(tiny_world, pool):
    """The real closed-book SmolLM2 cannot know invented facts (first 20 test questions)."""
    report = check_leak(tiny_world, pool.generator(), limit=20)
    assert report["open"]["n"] + report["options"]["n"] == 20
    assert report["open"]["accuracy"] <= 0.15, report["flagged"]
    assert all(s["prediction"].strip() for s in report["samples"])  # it did answer something
    if report["options"]["n"]:
        assert 0.0 <= report["options"]["forced_choice_accuracy"] <= 1.0
