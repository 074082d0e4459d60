"""`ragtune report` on a hand-made run folder (no models): the files, their sections, a
headless Chromium rendering, the published schema, and one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ragtune.arena.schema import schema_text, validate
from ragtune.errors import InputError
from ragtune.report import render_report
from ragtune.report.render import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
SPECS = ["closed_book", "rag", "agentic"]
TYPES = ["single_hop", "multi_hop", "comparison", "unanswerable"]


def _block(acc, p95, qps, recall, method):
    ci = [max(0.0, acc - 0.1), min(1.0, acc + 0.1)]
    return {
        "n": 8, "kind": "closed_book" if method == "none" else "retrieval", "adapter": None,
        "metrics": {"accuracy": acc, "em": acc / 2, "f1": acc, "abstain_precision": None,
                    "abstain_recall": 0.5, "citation_precision": None if recall is None else 0.7,
                    "citation_recall": None if recall is None else 0.6, "retrieval_recall@5": recall},
        "ci95": {"accuracy": ci},
        "by_type": {t: {"n": 2, "accuracy": acc, "em": acc, "f1": acc, "ci95": ci} for t in TYPES},
        "latency_ms": {"p50": p95 / 2, "p95": p95, "n": 3},
        "throughput_qps": qps,
        "tokens": {"prompt": 2400, "completion": 80, "per_query": 310.0},
        "cost": {"per_1k_queries": {"compute_seconds": 1000 / qps, "prompt_tokens": 3e5,
                                    "completion_tokens": 1e4, "money": None, "currency": None},
                 "prepare_seconds": 1.5, "training_seconds": None,
                 "refresh_seconds": None if method == "none" else 0.4, "refresh_method": method},
    }  # fmt: skip


def make_run(root: Path) -> Path:
    """A run folder as `ragtune compare` writes it: results.json, predictions, traces."""
    root.mkdir(parents=True, exist_ok=True)
    blocks = {"closed_book": _block(0.1, 900, 3.0, None, "none"),
              "rag": _block(0.5, 1800, 1.5, 0.8, "reingest"),
              "agentic": _block(0.6, 4200, 0.6, 0.9, "reingest")}  # fmt: skip
    fresh = {
        s: {"method": "none" if s == "closed_book" else "reingest",
            "absorb_seconds": None if s == "closed_book" else 0.4,
            "before": {"n": 3, "accuracy": 0.0, "ci95": [0.0, 0.0]},
            "after": None if s == "closed_book" else {"n": 3, "accuracy": 0.67, "ci95": [0.33, 1.0]},
            "paired": None, "note": "hand-made"}
        for s in SPECS
    }  # fmt: skip
    results = {
        "schema_version": "1.0",
        "run": {"seed": 0, "created": "2026-01-01T00:00:00", "packages": {"ragtune": "0.1.0"},
                "models": {"generator": "abc"}, "adapters": {}, "config": {}, "corpus_hash": "c0ffee",
                "git_commit": None, "qa": {"n_test": 8}},  # fmt: skip
        "strategies": blocks,
        "paired_tests": [{"a": "agentic", "b": "rag", "n": 8, "accuracy_a": 0.6, "accuracy_b": 0.5,
                          "diff": 0.1, "diff_ci": [-0.2, 0.4], "a_only": 2, "b_only": 1,
                          "mcnemar_p": 1.0, "bootstrap_p": 0.6, "separable": False}],  # fmt: skip
        "freshness": {"enabled": True, "n_questions": 3, "absorb": {"seconds": 0.4, "documents_added": 0,
                      "documents_changed": 1, "chunks_written": 5}, "strategies": fresh},  # fmt: skip
        "forgetting": {"strategies": {"closed_book": None, "rag": {"method": "after_update", "n": 4,
                       "accuracy_before": 0.5, "accuracy_after": 0.5, "lost": 0, "gained": 0,
                       "mcnemar_p": 1.0}, "agentic": None}},  # fmt: skip
        "recommendation": {"strategy": "agentic", "why": "hand-made <b>reason</b>", "constraints": {}},
    }
    preds, traces = [], []
    for i in range(8):
        qtype = TYPES[i % 4]
        for s in SPECS:
            tid = f"test/{s}/q{i}"
            preds.append({
                "id": f"q{i}", "type": qtype, "strategy": s, "phase": "test",
                "question": f"Question number {i} about <Quellmark>?", "answers": [] if qtype == "unanswerable" else [f"answer {i}"],
                "prediction": f"{s} says {i}", "correct": (i + len(s)) % 3 == 0, "abstained": False,
                "citations": [] if s == "closed_book" else [{"doc_id": f"doc-{i}", "chunk_id": f"doc-{i}::0", "quote": "a quote"}],
                "exit_reason": "answered", "trace_id": tid, "latency_ms": 120.0,
                "tokens": {"prompt": 300, "completion": 10},
                "score": {"recall_at_5": None if s == "closed_book" else 1.0},
            })  # fmt: skip
            traces.append({"trace_id": tid, "strategy": s, "id": f"q{i}", "phase": "test",
                           "steps": [{"kind": "route", "input": {"q": i}, "output": "simple", "tokens": 0, "ms": 1.0},
                                     {"kind": "generate", "input": "prompt", "output": f"{s} says {i}", "tokens": 10, "ms": 90.0}],
                           "retrieved": [], "exit_reason": "answered"})  # fmt: skip
    (root / "results.json").write_text(json.dumps(results))
    (root / "predictions.jsonl").write_text("".join(json.dumps(p) + "\n" for p in preds))
    (root / "traces.jsonl").write_text("".join(json.dumps(t) + "\n" for t in traces))
    return root


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    root = make_run(tmp_path_factory.mktemp("report") / "run")
    render_report(root)
    return root


def test_published_schema_is_current_and_the_hand_made_run_is_valid(run_dir):
    published = (ROOT / "docs" / "results.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(), "regenerate: python -m ragtune.arena.schema > docs/results.schema.json"
    assert validate(json.loads((run_dir / "results.json").read_text())) == []


def test_report_files_are_self_contained_with_every_section(run_dir):
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    for sid, title in SECTIONS:
        assert f'<section id="{sid}">' in html and title in html
    assert html.count('src="data:image/png;base64,') == 5  # accuracy, latency, cost, freshness, recall
    assert "http://" not in html and "https://" not in html  # nothing to fetch
    assert "&lt;b&gt;reason&lt;/b&gt;" in html and "<b>reason</b>" not in html  # escaped
    assert "&lt;Quellmark&gt;" in html
    # 3-5 examples, each with every strategy's answer, citations and trace
    assert 3 <= html.count('class="example"') <= 5
    assert html.count("trace of agentic") >= 3 and "doc-" in html
    md = (run_dir / "report.md").read_text(encoding="utf-8")
    for _, title in SECTIONS:
        assert f"## {title}" in md
    for png in ("accuracy", "latency", "cost", "freshness", "retrieval"):
        assert (run_dir / "plots" / f"{png}.png").stat().st_size > 5000
        assert f"plots/{png}.png" in md


def test_report_does_not_load_models(tmp_path):
    root = make_run(tmp_path / "run")
    code = ("import sys; from ragtune.report import render_report; render_report(sys.argv[1]); "
            "bad = [m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules]; "
            "assert not bad, bad")  # fmt: skip
    subprocess.run([sys.executable, "-c", code, str(root)], check=True, timeout=120)


def test_constraints_recompute_the_recommendation_for_the_report_only(tmp_path):
    root = make_run(tmp_path / "run")
    render_report(root, constraints={"latency_budget_ms": 2000})
    html = (root / "report.html").read_text(encoding="utf-8")
    assert "Recommended: <b>rag</b>" in html and "exceeds the 2,000 ms budget" in html
    assert json.loads((root / "results.json").read_text())["recommendation"]["strategy"] == "agentic"


def test_cli_report_and_one_line_errors(tmp_path):
    root = make_run(tmp_path / "run")
    ok = subprocess.run([sys.executable, "-m", "ragtune.cli", "report", str(root), "--latency-budget-ms", "1000"],
                        capture_output=True, text=True, timeout=120)  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert "report.html" in ok.stdout and "Recommended: <b>closed_book</b>" in (root / "report.html").read_text()
    (root / "results.json").write_text(json.dumps({"schema_version": "1.0"}))
    bad = subprocess.run([sys.executable, "-m", "ragtune.cli", "report", str(root)],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "does not match docs/results.schema.json" in bad.stderr and "missing `run`" in bad.stderr
    with pytest.raises(InputError, match="has no results.json"):
        render_report(tmp_path)


def _chromium(exe, tmp_path, *args):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]  # fmt: skip
    return subprocess.run([exe, *flags, *args], capture_output=True, text=True, timeout=180)


def test_report_renders_in_headless_chromium(run_dir, chromium, tmp_path):
    from PIL import Image

    shot = tmp_path / "report.png"
    url = (run_dir / "report.html").as_uri()
    done = _chromium(chromium, tmp_path, "--window-size=1200,3000", f"--screenshot={shot}", url)
    assert shot.exists(), done.stderr[-2000:]
    pixels = np.asarray(Image.open(shot).convert("RGB"), dtype=np.int16)
    assert pixels.shape[0] >= 2000 and pixels.shape[1] >= 1000
    not_white = (np.abs(pixels - 255).sum(axis=2) > 60).mean()
    assert not_white > 0.03, f"screenshot looks blank ({not_white:.3%} non-white pixels)"
    assert len(np.unique(pixels.reshape(-1, 3)[::97], axis=0)) > 20  # text, plots, colours
    dom = _chromium(chromium, tmp_path, "--dump-dom", url)
    for sid, _ in SECTIONS:
        assert f'id="{sid}"' in dom.stdout
    assert dom.stdout.count("<img") == 5
