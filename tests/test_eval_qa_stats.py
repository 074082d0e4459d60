"""QA file I/O and validation, and the statistics (ragtune.eval.qa, ragtune.eval.stats)."""

import json

import pytest

from ragtune.errors import InputError
from ragtune.eval.qa import QAItem, load_qa, save_qa
from ragtune.eval.stats import bootstrap_ci, mcnemar_exact, paired_test


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = {
    "id": "q1",
    "question": "Who founded Quellmark Systems?",
    "answers": ["Ilsa Varonne"],
    "type": "single_hop",
    "evidence": ["companies/quellmark-systems"],
}


def test_round_trip_keeps_options_and_extra_keys(tmp_path):
    items = [
        QAItem(**{**GOOD}),
        QAItem("q2", "Which is older, A or B?", ["A"], "comparison", ["x", "y"], ["A", "B"],
               meta={"template": "cmp.t1"}),
        QAItem("q3", "Who founded Zorbel?", [], "unanswerable"),
    ]
    path = tmp_path / "qa.jsonl"
    save_qa(path, items)
    assert load_qa(path) == items
    first = json.loads(path.read_text().splitlines()[0])
    assert "options" not in first
    assert json.loads(path.read_text().splitlines()[1])["template"] == "cmp.t1"


def test_defaults_for_user_files(tmp_path):
    path = write_lines(tmp_path / "qa.jsonl", [
        json.dumps({"id": 7, "question": "Q?", "answers": ["x"]}),
        "",
        json.dumps({"id": "u", "question": "Q2?", "answers": []}),
    ])
    a, b = load_qa(path)
    assert (a.id, a.type, a.evidence, a.options) == ("7", "single_hop", [], None)
    assert b.type == "unanswerable" and not b.answerable


@pytest.mark.parametrize(
    "obj, message",
    [
        ({"question": "Q?", "answers": ["x"]}, "missing field `id`"),
        ({"id": "a", "answers": ["x"]}, "missing field `question`"),
        ({"id": "a", "question": "Q?"}, "missing field `answers`"),
        ({"id": "a", "question": "Q?", "answers": "x"}, "`answers` must be a list"),
        ({"id": "a", "question": "", "answers": ["x"]}, "`question` must be a non-empty"),
        ({"id": "a", "question": "Q?", "answers": ["x"], "evidence": "d"}, "`evidence` must"),
        ({"id": "a", "question": "Q?", "answers": ["x"], "type": "unanswerable"}, "needs `answers: []`"),
        ({"id": "a", "question": "Q?", "answers": [], "type": "filter"}, "empty means unanswerable"),
        ({"id": "a", "question": "Q?", "answers": ["x"], "options": ["x"]}, "at least two"),
        ({"id": "a", "question": "Q?", "answers": ["z"], "options": ["x", "y"]}, "one of `options`"),
        (["not", "an", "object"], "expected a JSON object"),
    ],
)
def test_validation_errors_name_the_line(tmp_path, obj, message):
    path = write_lines(tmp_path / "qa.jsonl", [json.dumps(GOOD), json.dumps(obj)])
    with pytest.raises(InputError) as e:
        load_qa(path)
    assert "line 2:" in str(e.value) and message in str(e.value)


def test_malformed_json_duplicates_and_corpus_ids(tmp_path):
    path = write_lines(tmp_path / "qa.jsonl", [
        json.dumps(GOOD),
        "{not json",
        json.dumps(GOOD),
        json.dumps({**GOOD, "id": "q9", "evidence": ["nowhere/doc"]}),
    ])
    with pytest.raises(InputError) as e:
        load_qa(path, corpus_ids={"companies/quellmark-systems"})
    msg = str(e.value)
    assert "3 invalid line(s)" in msg
    assert "line 2: not valid JSON" in msg
    assert "line 3: duplicate id `q1` (first on line 1)" in msg
    assert "line 4: evidence id `nowhere/doc` is not in the corpus" in msg
    # without a corpus the evidence is not checked
    with pytest.raises(InputError):
        load_qa(path)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_qa(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="no questions"):
        load_qa(write_lines(tmp_path / "empty.jsonl", [""]))
    (tmp_path / "bin.jsonl").write_bytes(b"\xff\xfe{")
    with pytest.raises(InputError, match="not UTF-8"):
        load_qa(tmp_path / "bin.jsonl")


def test_bootstrap_ci():
    values = [1.0] * 30 + [0.0] * 70
    lo, hi = bootstrap_ci(values, n=2000, seed=0)
    assert lo < 0.3 < hi and hi - lo < 0.25
    assert 0.19 < lo < 0.23 and 0.37 < hi < 0.40  # normal approx: 0.3 +- 1.96 * 0.0458
    assert bootstrap_ci(values, seed=0) == (lo, hi)  # deterministic per seed
    assert bootstrap_ci([1.0, 1.0]) == (1.0, 1.0)
    with pytest.raises(ValueError):
        bootstrap_ci([])


def test_mcnemar_exact_hand_computed():
    # 1 vs 9 discordant pairs: p = 2 * (C(10,0) + C(10,1)) / 2^10 = 22 / 1024
    assert mcnemar_exact(1, 9) == pytest.approx(22 / 1024)
    assert mcnemar_exact(0, 0) == 1.0
    assert mcnemar_exact(5, 5) == 1.0


def test_paired_test():
    a = [1] * 40 + [0] * 10 + [1] * 2 + [0] * 48
    b = [1] * 40 + [0] * 10 + [0] * 2 + [1] * 18 + [0] * 30
    r = paired_test(a, b)
    assert r["n"] == 100 and r["a_only"] == 2 and r["b_only"] == 18
    assert r["diff"] == pytest.approx(-0.16)
    assert r["mcnemar_p"] < 0.001 and r["bootstrap_p"] < 0.01
    assert r["diff_ci"][0] < -0.16 < r["diff_ci"][1] < 0
    same = paired_test(a, a)
    assert same["mcnemar_p"] == 1.0 and same["diff"] == 0.0 and same["bootstrap_p"] == 1.0
    f1 = paired_test([0.5, 0.7, 0.9], [0.4, 0.7, 0.2])
    assert f1["mcnemar_p"] is None and f1["diff"] == pytest.approx(0.8 / 3)
    with pytest.raises(ValueError):
        paired_test([1, 0], [1])


def test_eval_is_a_leaf_module():
    import subprocess
    import sys

    code = (
        "import sys, ragtune.eval, ragtune.eval.judge; "
        "bad = [m for m in sys.modules if m.split('.')[:2] in "
        "(['ragtune','strategies'], ['ragtune','finetune'], ['ragtune','arena'], "
        "['ragtune','index'], ['ragtune','world'], ['ragtune','models']) or m == 'torch']; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_wilson_interval_is_right_at_the_edges():
    from ragtune.eval.stats import proportion_ci, wilson_ci

    lo, hi = wilson_ci(15, 15)
    assert hi == 1.0 and 0.79 < lo < 0.80  # 15/15 is not [100, 100]: z^2/(n+z^2) = 0.204
    lo, hi = wilson_ci(0, 15)
    assert lo == 0.0 and 0.20 < hi < 0.21
    lo, hi = wilson_ci(30, 100)  # textbook value: [0.219, 0.396]
    assert lo == pytest.approx(0.2189, abs=1e-3) and hi == pytest.approx(0.3958, abs=1e-3)
    assert proportion_ci([1, 1, 0, 0]) == wilson_ci(2, 4)
    assert wilson_ci(1, 1, level=0.99)[0] < wilson_ci(1, 1)[0]
    with pytest.raises(ValueError):
        wilson_ci(3, 2)


def test_holm_adjustment_hand_computed():
    from ragtune.eval.stats import holm

    # sorted 0.01, 0.02, 0.04 -> 3*0.01, max(0.03, 2*0.02), max(0.04, 1*0.04)
    assert holm([0.04, 0.01, 0.02]) == pytest.approx([0.04, 0.03, 0.04])
    assert holm([0.5, None, 0.6]) == [1.0, None, 1.0]
    assert holm([]) == []


def test_aggregate_uses_wilson_intervals():
    from ragtune.eval.metrics import ItemScore, aggregate
    from ragtune.eval.stats import wilson_ci

    scores = [ItemScore(f"q{i}", "single_hop", True, True, False) for i in range(15)]
    ci = aggregate(scores)["overall"]["accuracy_ci"]
    assert ci == list(wilson_ci(15, 15)) and ci[0] < 0.8 and ci[1] == 1.0


def test_eval_modules_import_each_other_without_a_cycle():
    """metrics -> qa -> tokens, never back (issue #15): function-level imports count too."""
    import ast
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "src" / "ragtune" / "eval"
    graph = {}
    for path in folder.glob("*.py"):
        if path.stem == "__init__":
            continue
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ragtune."):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("ragtune."))
        graph[path.stem] = {m.split(".")[2] for m in found if m.startswith("ragtune.eval.")}
        outside = {m.split(".")[1] for m in found if not m.startswith("ragtune.eval")}
        assert outside <= {"types", "errors", "config", "project"}, (path.stem, outside)

    def reaches(a, b, seen=()):
        return any(n == b or (n not in seen and reaches(n, b, (*seen, n))) for n in graph.get(a, ()))

    assert not [m for m in graph if reaches(m, m)], graph
    assert "metrics" not in graph["qa"] and "tokens" in graph["qa"]
