"""`ragtune demo --quick` end to end (the CI end-to-end test): the README's first command on
the tiny world, through the real CLI entry point in this process (the session's model load is
shared). One run, then checks on what it printed and wrote: every strategy, freshness for
retrieval and fine-tuned strategies (continued training of the adapter), forgetting, the
recommendation, a warm re-run that reuses everything, and serving the run's choice."""

import json
import sys

import httpx
import pytest

from ragtune.arena.schema import validate

pytestmark = pytest.mark.slow  # long end-to-end runs: not in the fast tier

STRATEGIES = ["closed_book", "rag", "agentic", "closed_book@adapter=", "rag@adapter="]


@pytest.fixture(scope="module")
def demo(tmp_path_factory, pool):
    """One `ragtune demo --quick` (capsys is function-scoped: output is captured by hand)."""
    import contextlib
    import io

    from ragtune.cli import main

    out = tmp_path_factory.mktemp("demo") / "ragtune-demo"
    mp = pytest.MonkeyPatch()
    buf_out, buf_err = io.StringIO(), io.StringIO()
    mp.setattr(sys, "argv", ["ragtune", "demo", "--quick", "--out", str(out)])
    code = 0
    with contextlib.redirect_stdout(buf_out), contextlib.redirect_stderr(buf_err):
        try:
            main()
        except SystemExit as e:
            code = e.code or 0
    mp.undo()
    results = json.loads((out / "run" / "results.json").read_text())
    return {"out": out, "code": code, "stdout": buf_out.getvalue(), "stderr": buf_err.getvalue(),
            "results": results}  # fmt: skip


def _names(results):
    return list(results["strategies"])


def test_demo_prints_the_summary_and_writes_the_report(demo):
    assert demo["code"] == 0, demo["stderr"][-3000:]
    text = demo["stdout"]
    names = _names(demo["results"])
    assert len(names) == 5 and all(any(n.startswith(s) for n in names) for s in STRATEGIES), names
    for name in names:
        assert name in text
    assert "recommended:" in text and "time per stage:" in text and "serve it: ragtune serve --from-run" in text
    report = demo["out"] / "run" / "report.html"
    assert report.is_file() and f"report: {report}" in text.replace("\n", "")
    html = report.read_text()
    assert 'id="freshness"' in html and 'id="forgetting"' in html and "Recommended:" in html
    assert "continued_training" in html
    assert validate(demo["results"]) == []
    summary = json.loads((demo["out"] / "demo-summary.json").read_text())
    assert set(summary["stages_s"]) >= {"world (tiny)", "ingest", "compare + freshness + report"}
    assert any(k.startswith("fine-tune") for k in summary["stages_s"])


def test_demo_freshness_covers_retrieval_and_fine_tuned_strategies(demo):
    r = demo["results"]
    fresh = r["freshness"]["strategies"]
    ft = next(n for n in fresh if n.startswith("closed_book@adapter="))
    ft_rag = next(n for n in fresh if n.startswith("rag@adapter="))
    assert fresh["closed_book"]["method"] == "none"
    assert fresh["rag"]["method"] == fresh["agentic"]["method"] == fresh[ft_rag]["method"] == "reingest"
    cont = fresh[ft]
    assert cont["method"] == "continued_training" and cont["absorb_seconds"] > 0 and not cont["estimated"]
    assert cont["after"]["n"] == cont["before"]["n"] > 0
    assert cont["adapter_after"] != ft.split("=", 1)[1] and cont["full_retrain_estimate_s"] > 0
    # the continued adapter is a registered adapter that continues the demo's adapter
    record = json.loads((demo["out"] / "project" / ".ragtune" / "adapters" / cont["adapter_after"]
                         / "record.json").read_text())  # fmt: skip
    assert record["init_adapter"] == ft.split("=", 1)[1] and record["steps"] >= 1
    # forgetting: the adapter's own probe before/after, and retrieval re-asked after the update
    forgetting = r["forgetting"]["strategies"]
    assert forgetting[ft]["method"] == "after_update" and forgetting[ft]["n"] > 0  # the continued adapter
    probe = forgetting[ft]["adapter_probe"]  # what the fine-tuning itself cost
    assert probe["n"] == 5 and probe["accuracy_before"] is not None and probe["accuracy_after"] is not None
    assert forgetting["rag"]["n"] > 0


def test_demo_accuracy_floors(demo):
    """Floors = the values measured on 2026-11-26 (`ragtune demo --quick`: tiny world, seed 0,
    3 questions per type, 21 questions) minus 15 points: rag 0.286 -> 0.13, agentic 0.619 ->
    0.46. The base model knows none of the world's fictional facts: closed_book measured 0.048
    (one unanswerable question abstained)."""
    s = demo["results"]["strategies"]
    acc = {n: s[n]["metrics"]["accuracy"] for n in s}
    assert acc["rag"] >= 0.13, acc
    assert acc["agentic"] >= 0.46, acc
    assert acc["closed_book"] <= 0.15, acc
    assert demo["results"]["recommendation"]["strategy"] in s


def test_warm_rerun_reuses_the_world_index_adapter_and_answers(demo, capsys, monkeypatch):
    from conftest import run_cli_in_process

    again = run_cli_in_process(["demo", "--quick", "--out", str(demo["out"])], capsys, monkeypatch)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "reusing" in again.stderr and "reusing adapter" in again.stderr
    r = json.loads((demo["out"] / "run" / "results.json").read_text())
    for name, block in demo["results"]["strategies"].items():
        assert r["strategies"][name]["metrics"]["accuracy"] == block["metrics"]["accuracy"]


def test_serve_from_the_demo_run_answers_like_the_strategy(demo):
    """`ragtune serve --from-run` loads the run's recommended strategy (adapter and program
    included): the served answer equals the strategy's own answer (greedy decoding)."""
    from ragtune import api
    from ragtune.project import Project
    from ragtune.serve import create_app
    from ragtune.serve.openai_compat import serve_in_thread

    run = demo["out"] / "run"
    choice = api.run_choice(run)
    assert choice["strategy"] == demo["results"]["recommendation"]["strategy"]
    project = Project.open(choice["project"])
    question = json.loads((demo["out"] / "world" / "qa" / "test.jsonl").read_text().splitlines()[0])["question"]
    direct = api.ask(project, question, choice["strategy"]).text
    app = create_app(project, open_access=True, default_model=choice["strategy"])
    with serve_in_thread(app) as url:
        body = {"messages": [{"role": "user", "content": question}]}
        got = httpx.post(f"{url}/chat/completions", json=body, timeout=600).json()
    assert got["model"] == choice["strategy"]
    assert got["choices"][0]["message"]["content"] == direct
