"""`ragtune compare` end to end with the real models on hand-written user data (not the world):
automatic split, preparers never see the test set, results.json valid against the schema,
freshness with an edited document (and the index restored), resume, one-line errors.

Kept small for 2 CPU cores: 18 questions (7 tested, one per type), latency sample 2."""

import builtins
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ragtune.arena import CompareOptions, run_compare
from ragtune.arena.rundir import RunDir
from ragtune.arena.schema import validate
from ragtune.errors import InputError
from ragtune.project import Project

pytestmark = pytest.mark.slow  # long end-to-end runs: not in the fast tier

DATA = Path(__file__).resolve().parent / "data" / "handwritten"
PER_TYPE = {"single_hop": 3, "multi_hop": 3, "unanswerable": 3, "comparison": 3, "reverse": 2,
            "temporal": 2, "filter": 2}  # fmt: skip
UPDATES_QA = [
    {"id": "up-1", "question": "What time do core hours finish?", "answers": ["14:00"],
     "type": "single_hop", "evidence": ["policies/remote-work"]},
    {"id": "up-2", "question": "How much is the one-off home office stipend?",
     "answers": ["EUR 650", "650"], "type": "single_hop", "evidence": ["policies/remote-work"]},
]  # fmt: skip


def write_user_data(root: Path) -> dict[str, Path]:
    """A QA subset (3 or 2 per type) and an updates folder that edits one policy document."""
    root.mkdir(parents=True, exist_ok=True)
    taken: dict[str, int] = {}
    lines = []
    for line in (DATA / "qa.jsonl").read_text().splitlines():
        item = json.loads(line)
        if taken.get(item["type"], 0) < PER_TYPE[item["type"]]:
            taken[item["type"]] = taken.get(item["type"], 0) + 1
            lines.append(line)
    qa = root / "qa.jsonl"
    qa.write_text("\n".join(lines) + "\n")
    original = (DATA / "corpus" / "policies" / "remote-work.md").read_text()
    edited = original.replace("10:00 to 15:00", "09:00 to 14:00").replace("EUR 400", "EUR 650")
    assert edited != original
    (root / "updates" / "policies").mkdir(parents=True)
    (root / "updates" / "policies" / "remote-work.md").write_text(edited)
    updates_qa = root / "updates_qa.jsonl"
    updates_qa.write_text("".join(json.dumps(q) + "\n" for q in UPDATES_QA))
    return {"qa": qa, "updates": root / "updates", "updates_qa": updates_qa}


def options(paths, out, **kw):
    base = dict(qa=paths["qa"], corpus=DATA / "corpus", strategies="closed_book,rag,agentic",
                sample_per_type=1, seed=0, out=out, latency_sample=2, batch_size=8, freshness=True,
                updates=paths["updates"], updates_qa=paths["updates_qa"], forgetting_sample=1)  # fmt: skip
    return CompareOptions(**{**base, **kw})


def compare_with_report(project, opts, progress=None):
    """`api.compare` given CompareOptions: the arena's run, then the report rendered from it."""
    from dataclasses import fields

    from ragtune import api

    kw = {f.name: getattr(opts, f.name) for f in fields(opts)}
    return api.compare(project, kw.pop("qa"), kw.pop("corpus"), progress, **kw)


class PrepareSpy:
    """Wraps every strategy's `prepare`: records the ids it gets and makes opening the QA
    file (which holds the test questions) raise while a preparer runs."""

    def __init__(self, forbidden: Path):
        self.forbidden = forbidden.resolve()
        self.calls: list[tuple[str, list[str], list[str]]] = []

    def guard_open(self, real):
        def guarded(file, *a, **k):
            if isinstance(file, (str, Path)) and Path(file).resolve() == self.forbidden:
                raise AssertionError(f"a preparer opened the test set {file}")
            return real(file, *a, **k)

        return guarded

    def wrap(self, pipe):
        real = pipe.prepare

        def prepare(project, train, dev):
            train, dev = list(train), list(dev)
            self.calls.append((pipe.spec, [q.id for q in train], [q.id for q in dev]))
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(builtins, "open", self.guard_open(builtins.open))
                mp.setattr(io, "open", self.guard_open(io.open))
                return real(project, train, dev)

        pipe.prepare = prepare
        return pipe


@pytest.fixture(scope="module")
def arena_run(tmp_path_factory, pool):
    """One compare run of closed_book, rag and agentic with freshness (the expensive part)."""
    import ragtune.strategies as strategies

    root = tmp_path_factory.mktemp("arena")
    paths = write_user_data(root / "data")
    project = Project.open(root / "project")
    spy = PrepareSpy(paths["qa"])
    real_build = strategies.build_strategy
    messages: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(strategies, "build_strategy", lambda *a, **k: spy.wrap(real_build(*a, **k)))
        run_dir, results = compare_with_report(project, options(paths, root / "run"), messages.append)
    return {"dir": run_dir, "results": results, "spy": spy, "paths": paths, "project": project,
            "messages": messages}  # fmt: skip


def test_results_are_complete_and_valid(arena_run):
    r = arena_run["results"]
    assert validate(r) == []
    assert json.loads((arena_run["dir"] / "results.json").read_text()) == r
    assert list(r["strategies"]) == ["closed_book", "rag", "agentic"]  # the order asked for
    for spec, s in r["strategies"].items():
        assert s["n"] == 7 and set(s["by_type"]) == set(PER_TYPE)
        lo, hi = s["ci95"]["accuracy"]
        assert 0 <= lo <= s["metrics"]["accuracy"] <= hi <= 1
        assert s["latency_ms"]["n"] == 2 and 0 < s["latency_ms"]["p50"] <= s["latency_ms"]["p95"]
        assert s["throughput_qps"] > 0 and s["cost"]["per_1k_queries"]["compute_seconds"] > 0
        assert s["tokens"]["prompt"] > 0 and s["cost"]["per_1k_queries"]["money"] is None  # no prices
        assert s["cost"]["training_seconds"] is None  # no adapter
    cb, rag = r["strategies"]["closed_book"], r["strategies"]["rag"]
    # metrics that do not apply are null, not 0
    assert cb["metrics"]["retrieval_recall@5"] is None
    assert cb["metrics"]["citation_precision"] is None and cb["metrics"]["citation_recall"] is None
    assert rag["metrics"]["retrieval_recall@5"] is not None and rag["metrics"]["retrieval_recall@5"] > 0.3
    assert {(t["a"], t["b"]) for t in r["paired_tests"]} == {("closed_book", "rag"), ("closed_book", "agentic"),
                                                             ("rag", "agentic")}  # fmt: skip
    assert r["recommendation"]["strategy"] in r["strategies"] and len(r["recommendation"]["why"]) > 40
    run = r["run"]
    assert run["models"]["generator"] and run["corpus_hash"] and run["packages"]["torch"]
    assert run["qa"]["automatic_split"] is True and run["qa"]["n_test"] == 7


def test_automatic_split_and_no_preparer_sees_the_test_set(arena_run):
    split = json.loads((arena_run["dir"] / "split.json").read_text())
    all_ids = [json.loads(x)["id"] for x in arena_run["paths"]["qa"].read_text().splitlines()]
    assert (len(split["train"]), len(split["dev"]), len(split["test"])) == (4, 4, 10)
    assert sorted(split["train"] + split["dev"] + split["test"]) == sorted(all_ids)
    tested = {r["id"] for r in RunDir(arena_run["dir"]).rows("predictions.jsonl")}
    assert tested <= set(split["test"]) and len(tested) == 7
    calls = arena_run["spy"].calls
    assert sorted(c[0] for c in calls) == ["agentic", "closed_book", "rag"]
    for _, train, dev in calls:
        assert train == split["train"] and dev == split["dev"]
        assert not (set(train) | set(dev)) & set(split["test"])


def test_predictions_and_traces(arena_run):
    rd = RunDir(arena_run["dir"])
    preds = list(rd.rows("predictions.jsonl"))
    assert len(preds) == 21 and len({(p["strategy"], p["id"]) for p in preds}) == 21
    keys = {"id", "type", "strategy", "prediction", "correct", "abstained", "citations", "exit_reason",
            "trace_id", "latency_ms", "tokens"}  # fmt: skip
    traces = {t["trace_id"]: t for t in rd.rows("traces.jsonl")}
    for p in preds:
        assert keys <= set(p)
        assert p["exit_reason"] in ("answered", "abstained", "budget_exhausted", "no_evidence")
        steps = [s["kind"] for s in traces[p["trace_id"]]["steps"]]
        assert steps and ("retrieve" in steps) == (p["strategy"] != "closed_book")
    events = [e["event"] for e in rd.rows("log.jsonl")]
    assert events[0] == "start" and events[-1] == "done" and "ingest" in events and "absorb" in events


def test_freshness_reingest_is_timed_and_the_index_restored(arena_run):
    r = arena_run["results"]
    f = r["freshness"]
    assert f["enabled"] and f["n_questions"] == 2
    assert f["absorb"]["documents_changed"] == 1 and f["absorb"]["seconds"] > 0
    assert f["strategies"]["closed_book"]["method"] == "none" and f["strategies"]["closed_book"]["after"] is None
    for spec in ("rag", "agentic"):
        s = f["strategies"][spec]
        assert s["method"] == "reingest" and s["absorb_seconds"] == f["absorb"]["seconds"]
        assert s["before"]["n"] == 2 and s["after"]["n"] == 2
        assert r["strategies"][spec]["cost"]["refresh_seconds"] == f["absorb"]["seconds"]
        assert r["forgetting"]["strategies"][spec]["n"] == 1
    # content: before the update rag read the old core hours, after it the new ones
    traces = [t for t in RunDir(arena_run["dir"]).rows("traces.jsonl") if t["strategy"] == "rag"]
    read = {t["phase"]: " ".join(h["text"] for h in t["retrieved"]) for t in traces if t["id"] == "up-1"}
    assert "10:00 to 15:00" in read["before"] and "09:00 to 14:00" not in read["before"]
    assert "09:00 to 14:00" in read["after"]
    # and the project's index holds the corpus as given again
    from ragtune.index import open_index

    with open_index(arena_run["project"]) as index:
        text = " ".join(h.text for h in index.search("core hours finish", k=3))
    assert "10:00 to 15:00" in text and "09:00 to 14:00" not in text


def test_report_written(arena_run):
    html = (arena_run["dir"] / "report.html").read_text()
    assert "Recommended:" in html and 'id="freshness"' in html and "data:image/png;base64" in html
    assert (arena_run["dir"] / "report.md").exists()


def test_rerun_resumes_without_answering_again(arena_run, pool):
    d = arena_run["dir"]
    before = (d / "predictions.jsonl").read_text()
    _, results = run_compare(arena_run["project"], options(arena_run["paths"], d))
    assert (d / "predictions.jsonl").read_text() == before
    events = [e for e in RunDir(d).rows("log.jsonl")]
    after_resume = events[[e["event"] for e in events].index("resume"):]
    assert not [e for e in after_resume if e["event"] in ("batch", "prepare", "latency", "absorb")]
    assert results["strategies"]["rag"]["metrics"] == arena_run["results"]["strategies"]["rag"]["metrics"]
    # a different run in the same folder is refused before any model work
    with pytest.raises(InputError, match="holds a different run"):
        run_compare(arena_run["project"], options(arena_run["paths"], d, seed=1))


def test_interrupted_run_resumes_where_it_stopped(tmp_path, pool, monkeypatch):
    """closed_book only (no index needed): the second batch dies, the re-run answers the rest."""
    from ragtune.strategies.closed_book import ClosedBook

    paths = write_user_data(tmp_path / "data")
    project = Project.open(tmp_path / "project")
    opts = dict(corpus=None, strategies="closed_book", sample_per_type=None, limit=4, latency_sample=0,
                batch_size=2, freshness=False, updates=None, updates_qa=None, report=False)  # fmt: skip
    real = ClosedBook.answer_many
    calls: list[list[str]] = []

    def dying(self, questions, *a, **k):
        calls.append(list(questions))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, questions, *a, **k)

    monkeypatch.setattr(ClosedBook, "answer_many", dying)
    with pytest.raises(KeyboardInterrupt):
        run_compare(project, options(paths, tmp_path / "run", **opts))
    rd = RunDir(tmp_path / "run")
    assert len(list(rd.rows("predictions.jsonl"))) == 2
    with open(rd.path("predictions.jsonl"), "a") as f:  # a torn line, as from kill -9 mid-write
        f.write('{"id": "torn", "strat')
    calls.clear()
    _, results = run_compare(project, options(paths, tmp_path / "run", **opts))
    assert len(calls) == 1 and len(calls[0]) == 2  # only the two missing questions
    rows = list(rd.rows("predictions.jsonl"))
    assert len(rows) == 4 and len({r["id"] for r in rows}) == 4
    assert results["strategies"]["closed_book"]["n"] == 4
    assert results["strategies"]["closed_book"]["latency_ms"]["p95"] is None  # not measured: null
    assert results["freshness"] == {"enabled": False, "strategies": {}}


def test_cli_one_line_errors(tmp_path):
    paths = write_user_data(tmp_path / "data")

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "ragtune.cli", "-p", str(tmp_path / "p"), "compare", *args],
                              capture_output=True, text=True, timeout=120)  # fmt: skip

    r = cli("--qa", str(paths["qa"]), "--freshness")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "--freshness needs --updates" in r.stderr
    r = cli("--qa", str(paths["qa"]), "--strategies", "rag,finetuned")
    assert r.returncode == 2 and "unknown strategy" in r.stderr
    r = cli("--qa", str(tmp_path / "missing.jsonl"))
    assert r.returncode == 2 and "does not exist" in r.stderr
