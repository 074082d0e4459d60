"""Strategies with the real models on the tiny world (and one hand-made corpus check).

Accuracy floors are the values measured on 2026-11-25 minus 15 points (see docstrings)."""

import ast
import json
from pathlib import Path

import pytest

from ragtune.errors import InputError
from ragtune.eval.metrics import aggregate, score_item
from ragtune.eval.qa import load_qa
from ragtune.strategies import build_strategy, parse_spec, parse_specs
from ragtune.strategies import agentic as agentic_mod
from ragtune.strategies.agentic import find_options, rewrite_with_bridge, route, wanted_type

SRC = Path(__file__).resolve().parents[1] / "src" / "ragtune"

# Measured on 2026-11-25 (tiny world seed 0, test split, fp32 greedy, agentic without
# prepare, i.e. the default abstention threshold) minus 15 points. Measured: rag single_hop
# 0.625; agentic overall 0.689, comparison 0.909, unanswerable 0.5 (3 of 6); closed_book
# single_hop 0.0.
FLOORS = {"rag_single_hop": 0.475, "agentic_overall": 0.539, "agentic_comparison": 0.759,
          "agentic_unanswerable": 0.35}


def test_spec_strings():
    s = parse_spec("rag@adapter=raft-002@program=opt-003")
    assert (s.pipeline, s.adapter, s.program) == ("rag", "raft-002", "opt-003")
    assert str(parse_spec("agentic,adapter=x")) == "agentic@adapter=x"
    assert [str(x) for x in parse_specs("closed_book,rag,agentic")] == ["closed_book", "rag", "agentic"]
    for bad in ("ragg", "rag@colour=red", "rag@adapter="):
        with pytest.raises(InputError):
            parse_spec(bad)


def test_strategies_and_finetune_never_import_the_world():
    for folder in ("strategies", "finetune"):
        for path in (SRC / folder).rglob("*.py"):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                assert not any(n.startswith("ragtune.world") for n in names), path


def test_question_parsing_is_generic_english():
    assert find_options("Which is older, the Tavi bridge or the Orlen tower?") == ["Tavi bridge", "Orlen tower"]
    assert find_options("Of Alpha Corp and Beta Ltd, which one is bigger?") == ["Alpha Corp", "Beta Ltd"]
    assert route("Who founded the company that makes the Zephyr 9?")[0] == "multi_hop"
    assert route("Who is the current mayor of Lund?")[0] == "temporal"
    assert route("Where is Lund?")[0] == "simple"
    assert wanted_type("When did the museum open?") == "number"
    assert wanted_type("Who leads the Lisbon office?") == "name"
    assert rewrite_with_bridge("In which city is the company that makes the Zephyr 9 based?", "Acme") == \
        "In which city is Acme based?"


def _evaluate(strategy, items):
    answers = strategy.answer_many([i.question for i in items])
    scores = [score_item(i, a) for i, a in zip(items, answers)]
    return answers, aggregate(scores, n_boot=200)


@pytest.fixture(scope="module")
def tiny_test(tiny_world):
    return load_qa(tiny_world / "qa" / "test.jsonl")


@pytest.fixture(scope="module")
def results(tiny_project, tiny_test, pool):
    project, index = tiny_project
    gen = pool.generator()
    out = {}
    for spec in ("closed_book", "rag", "agentic"):
        strategy = build_strategy(spec, project, gen, index=index)
        out[spec] = _evaluate(strategy, tiny_test)
        agg = out[spec][1]
        print("MEASURED", spec, round(agg["overall"]["accuracy"], 3),
              {t: round(v["accuracy"], 3) for t, v in agg["by_type"].items()})
    return out


def test_rag_beats_closed_book_on_single_hop(results):
    """Measured 2026-11-25 on the tiny world test split: see FLOORS below (value - 15 points)."""
    by = {s: r[1]["by_type"] for s, r in results.items()}
    assert by["closed_book"]["single_hop"]["accuracy"] <= 0.2
    assert by["rag"]["single_hop"]["accuracy"] >= FLOORS["rag_single_hop"]


def test_agentic_accuracy_floors(results):
    agg = results["agentic"][1]
    assert agg["overall"]["accuracy"] >= FLOORS["agentic_overall"]
    assert agg["by_type"]["comparison"]["accuracy"] >= FLOORS["agentic_comparison"]
    assert agg["by_type"]["unanswerable"]["accuracy"] >= FLOORS["agentic_unanswerable"]


def test_every_run_ends_with_an_exit_reason_and_a_json_trace(results):
    for answers, _ in results.values():
        for a in answers:
            assert a.exit_reason in ("answered", "abstained", "budget_exhausted", "no_evidence")
            assert json.loads(json.dumps(a.to_dict()))["trace"]
    kinds = {st.kind for a in results["agentic"][0] for st in a.trace}
    assert {"route", "filters", "decompose", "retrieve", "grade", "verify"} <= kinds


def test_budget_is_enforced_in_code(tiny_project, pool, monkeypatch):
    project, index = tiny_project
    monkeypatch.setattr(agentic_mod, "MAX_STEPS", 4)
    strategy = build_strategy("agentic", project, pool.generator(), index=index)
    answer = strategy.answer("What is the favourite colour of the person who founded Zorblax Quintaro?")
    assert answer.exit_reason == "budget_exhausted" and answer.abstained
    assert sum(st.kind == "retrieve" for st in answer.trace) <= 2


class Recorder:
    """Wraps the generator and records every prompt it receives."""

    def __init__(self, gen):
        self.gen, self.prompts = gen, []

    def __getattr__(self, name):
        return getattr(self.gen, name)

    def generate(self, prompts, *a, **k):
        self.prompts += [("generate", p) for p in prompts]
        return self.gen.generate(prompts, *a, **k)

    def score_choices(self, prompt, choices, *a, **k):
        self.prompts.append(("score", prompt))
        return self.gen.score_choices(prompt, choices, *a, **k)


def test_injection_safety_is_structural(tiny_project, tiny_test, pool):
    """Route, filter and budget decisions never see document text; retrieved text reaches the
    model only inside the user message's numbered Sources block, never the system message."""
    project, index = tiny_project
    rec = Recorder(pool.generator())
    strategy = build_strategy("agentic", project, rec, index=index)
    items = tiny_test[:8]
    answers = strategy.answer_many([i.question for i in items])
    retrieved = {h.text for a in answers for h in a.retrieved}
    for a in answers:
        for st in a.trace:
            if st.kind in ("route", "filters", "decompose"):
                blob = json.dumps(st.input) + json.dumps(st.output)
                assert not any(t[:40] in blob for t in retrieved if len(t) > 40)
    for _, prompt in rec.prompts:
        messages = prompt if isinstance(prompt, list) else [{"role": "user", "content": prompt}]
        for m in messages:
            if m["role"] == "system":
                assert not any(t[:40] in m["content"] for t in retrieved if len(t) > 40)
            elif "Sources:" in m["content"]:
                assert m["content"].index("Question:") > m["content"].index("Sources:")


def test_answer_many_runs_stages_in_lockstep(tiny_project, tiny_test, pool):
    project, index = tiny_project
    rec = Recorder(pool.generator())
    strategy = build_strategy("rag", project, rec, index=index)
    calls = []
    original = rec.generate
    rec.generate = lambda prompts, *a, **k: (calls.append(len(prompts)), original(prompts, *a, **k))[1]
    strategy.answer_many([i.question for i in tiny_test[:10]])
    assert calls == [10]  # one batched generation for the whole batch, not one per question


def test_rag_over_http_gives_the_local_answers(tiny_project, tiny_test, pool):
    """The HTTP path, proven once: `rag` with the generator behind a local OpenAI-compatible
    server answers exactly as with the local generator."""
    from ragtune.models.http import HttpGenerator
    from ragtune.serve.openai_compat import create_generator_app, serve_in_thread

    project, index = tiny_project
    items = [i for i in tiny_test if i.type in ("single_hop", "reverse")][:6]
    local = build_strategy("rag", project, pool.generator(), index=index)
    # one question per call, as the server answers each request: int8 greedy text can depend
    # on the batch's shapes (tests/test_models.py), fp32 does not
    expected = [a.text for a in local.answer_many([i.question for i in items], batch_size=1)]
    with serve_in_thread(create_generator_app(pool.generator())) as url:
        remote = build_strategy("rag", project, HttpGenerator(url, max_retries=0), index=index)
        got = [a.text for a in remote.answer_many([i.question for i in items])]
    assert got == expected
