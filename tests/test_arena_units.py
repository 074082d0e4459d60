"""The arena's parts without models: split, sampling, run folder, cost, freshness hooks, and
results.json assembled from a fabricated run folder (a fine-tuned strategy included)."""

import json
from pathlib import Path

import pytest

from ragtune.arena.cost import PriceTable, per_1k_queries
from ragtune.arena.freshness import FRESHNESS_BY_KIND, absorb_method, kind_of, training_seconds
from ragtune.arena.rundir import RunDir
from ragtune.arena.runner import CompareOptions, assemble_results
from ragtune.arena.schema import validate
from ragtune.arena.split import auto_split, carve_dev, drop_test_duplicates, seeded_sample, select_test
from ragtune.errors import InputError
from ragtune.eval.qa import QAItem, load_qa
from ragtune.project import Project
from ragtune.strategies.spec import parse_spec, parse_specs

HANDWRITTEN = Path(__file__).resolve().parent / "data" / "handwritten" / "qa.jsonl"


def test_auto_split_is_seeded_stratified_and_disjoint():
    items = load_qa(HANDWRITTEN)
    train, dev, test = auto_split(items, seed=0)
    assert (len(train), len(dev), len(test)) == (12, 12, 38)
    ids = [q.id for q in train + dev + test]
    assert len(ids) == len(set(ids)) == len(items)
    for qtype in {q.type for q in items}:  # every type in every part, about 20/20/60
        n = sum(q.type == qtype for q in items)
        assert sum(q.type == qtype for q in test) >= n // 2
        assert any(q.type == qtype for q in train) and any(q.type == qtype for q in dev)
    again = auto_split(items, seed=0)
    assert [q.id for q in again[2]] == [q.id for q in test]
    assert [q.id for q in auto_split(items, seed=1)[2]] != [q.id for q in test]


def test_carve_dev_duplicates_and_sampling():
    items = load_qa(HANDWRITTEN)
    train, dev = carve_dev(items[:20], seed=0)
    assert len(train) + len(dev) == 20 and not {q.id for q in train} & {q.id for q in dev}
    test = items[:5]
    leaked = QAItem("x1", "  HOW LONG does the battery on a Marrow Tide 3 last ", ["14 months"])
    (kept,), dropped = drop_test_duplicates(test, [leaked, *items[5:10]])
    assert dropped == ["x1"] and len(kept) == 5
    chosen = select_test(items, sample_per_type=2, limit=None, seed=0)
    assert len(chosen) == 14 and all(sum(q.type == t for q in chosen) == 2 for t in {q.type for q in items})
    assert [q.id for q in chosen] == [q.id for q in items if q in chosen]  # file order kept
    assert len(select_test(items, None, 5, 0)) == 5
    sample = seeded_sample(items, 7, 0, "latency")
    assert len({q.type for q in sample}) == 7  # spread over types


def test_run_folder_ignores_and_repairs_a_torn_line(tmp_path):
    rd = RunDir(tmp_path / "run").create()
    rd.append("p.jsonl", [{"a": 1}])
    with open(rd.path("p.jsonl"), "a") as f:
        f.write('{"a": 2, "b"')
    assert list(rd.rows("p.jsonl")) == [{"a": 1}]
    rd.append("p.jsonl", [{"a": 3}])
    assert list(rd.rows("p.jsonl")) == [{"a": 1}, {"a": 3}]
    (tmp_path / "run" / "bad.json").write_text("{")
    with pytest.raises(InputError, match="not valid JSON"):
        rd.read_json("bad.json")


def test_cost_per_1k_queries_money_only_with_prices():
    c = per_1k_queries(2.0, prompt_tokens=3000, completion_tokens=100, n=10, prices=PriceTable())
    assert c["compute_seconds"] == 500.0 and c["prompt_tokens"] == 300_000 and c["money"] is None
    prices = PriceTable(machine_per_hour=3.6, prompt_per_1k_tokens=0.001, currency="EUR")
    c = per_1k_queries(2.0, 3000, 100, 10, prices)
    assert c["money"] == pytest.approx(0.5 + 0.3) and c["currency"] == "EUR"
    assert per_1k_queries(None, 0, 0, 0, prices)["compute_seconds"] is None


def test_freshness_hook_per_strategy_kind():
    assert set(FRESHNESS_BY_KIND) == {"closed_book", "retrieval", "finetuned", "finetuned_retrieval"}
    kinds = {s: kind_of(parse_spec(s)) for s in ("closed_book", "rag", "agentic@program=p",
                                                 "closed_book@adapter=a", "rag@adapter=a")}  # fmt: skip
    assert kinds == {"closed_book": "closed_book", "rag": "retrieval", "agentic@program=p": "retrieval",
                     "closed_book@adapter=a": "finetuned", "rag@adapter=a": "finetuned_retrieval"}  # fmt: skip
    info = {"ingest_seconds": 0.7, "training_seconds": 900.0}
    assert absorb_method(parse_spec("rag"), info)["absorb_seconds"] == 0.7
    ft = absorb_method(parse_spec("closed_book@adapter=a"), info)
    assert ft["method"] == "retrain" and ft["absorb_seconds"] == 900.0 and ft["estimated"]
    # with the arena's continued-training run: measured, with the full re-training estimate
    cont = {"adapter": "lora-002", "seconds": 95.0, "cap_s": 90.0, "steps": 4}
    ft = absorb_method(parse_spec("closed_book@adapter=a"), {**info, "continued": cont})
    assert ft["method"] == "continued_training" and ft["absorb_seconds"] == 95.0 and ft["answers_after"]
    assert ft["adapter_after"] == "lora-002" and ft["full_retrain_estimate_s"] == 900.0
    assert "capped at 90 s; 4 steps" in ft["note"] and "900 s" in ft["note"]
    assert absorb_method(parse_spec("rag@adapter=a"), {**info, "continued": cont})["method"] == "reingest"
    assert absorb_method(parse_spec("closed_book"), info)["method"] == "none"
    assert training_seconds({"timing": {"training_seconds": 12.5}}) == 12.5
    assert training_seconds({"wall_s": 80.0, "train_wall_s": 60.0}) == 80.0
    assert training_seconds({"wall_seconds": 30}) == 30.0 and training_seconds({}) is None


def _row(spec, qid, qtype, correct, retrieves, phase="test"):
    return {"id": qid, "type": qtype, "strategy": spec, "phase": phase, "question": f"q {qid}?",
            "answers": ["a"], "prediction": "a" if correct else "b", "correct": correct,
            "abstained": False, "citations": [], "exit_reason": "answered",
            "trace_id": f"{phase}/{spec}/{qid}", "latency_ms": 10.0,
            "tokens": {"prompt": 100, "completion": 5},
            "score": {"id": qid, "type": qtype, "correct": correct, "answerable": True, "abstained": False,
                      "em": float(correct), "f1": float(correct), "citation_precision": None,
                      "citation_recall": 0.0, "recall_at_5": 1.0 if retrieves else None, "judged": ""}}  # fmt: skip


def test_results_from_a_fabricated_run_folder_with_an_adapter(tmp_path):
    project = Project.open(tmp_path / "project")
    adapter = project.path("adapters", "lora-001")
    (adapter / "record.json").write_text(json.dumps({  # the shape ragtune.finetune writes
        "wall_s": 1200.0, "train_wall_s": 1000.0,
        "forgetting": {"before": {"accuracy": 0.6, "items": 100}, "after": {"accuracy": 0.55, "items": 100},
                       "difference": {"accuracy": -0.05}}}))  # fmt: skip
    specs = parse_specs("rag closed_book@adapter=lora-001 agentic")  # agentic: not run yet
    rd = RunDir(tmp_path / "run").create()
    ids = [f"q{i}" for i in range(20)]
    rd.write_json("run.json", {"identity": {"test_ids": ids}})
    rows = []
    for i, qid in enumerate(ids):
        rows.append(_row("rag", qid, "single_hop" if i % 2 else "multi_hop", i % 3 != 0, True))
        rows.append(_row("closed_book@adapter=lora-001", qid, "single_hop" if i % 2 else "multi_hop",
                         i % 4 == 0, False))  # fmt: skip
    rows.append(rows[0])  # a duplicate line (e.g. two runs appending) counts once
    rd.append("predictions.jsonl", rows)
    for spec in ("rag", "closed_book@adapter=lora-001"):
        rd.log("batch", strategy=spec, phase="test", n=20, seconds=10.0)
    rd.write_json("state.json", {"prepare": {"rag": {"seconds": 1.0, "tokens": 0}},
                                 "latency": {"rag": {"ms": [100.0, 200.0, 300.0]}}})  # fmt: skip
    opts = CompareOptions(qa=tmp_path / "qa.jsonl", out=rd.root,
                          constraints={"queries_per_month": 1000, "updates_per_month": 10, "budget": 1.0})
    r = assemble_results(rd, project, specs, None, None, PriceTable(), opts)
    assert validate(r) == []
    rag, ft = r["strategies"]["rag"], r["strategies"]["closed_book@adapter=lora-001"]
    assert rag["n"] == ft["n"] == 20
    assert rag["metrics"]["accuracy"] == pytest.approx(13 / 20) and ft["metrics"]["accuracy"] == pytest.approx(5 / 20)
    assert ft["kind"] == "finetuned" and ft["cost"]["training_seconds"] == 1200.0
    assert ft["cost"]["refresh_method"] == "retrain" and ft["cost"]["refresh_seconds"] == 1200.0
    assert ft["metrics"]["retrieval_recall@5"] is None and ft["metrics"]["citation_recall"] is None
    assert rag["latency_ms"]["p50"] == 200.0 and rag["throughput_qps"] == 2.0
    assert rag["cost"]["per_1k_queries"]["compute_seconds"] == 500.0
    assert rag["cost"]["prepare_seconds"] == 1.0 and ft["latency_ms"]["p95"] is None
    probe = r["forgetting"]["strategies"]["closed_book@adapter=lora-001"]
    assert probe["method"] == "adapter_probe" and probe["n"] == 100
    assert (probe["accuracy_before"], probe["accuracy_after"]) == (0.6, 0.55)
    assert r["forgetting"]["strategies"]["rag"] is None
    [pair] = r["paired_tests"]
    assert pair["a"] == "rag" and pair["n"] == 20 and pair["diff"] == pytest.approx(0.4)
    assert r["recommendation"]["strategy"] == "rag"
    pending = r["strategies"]["agentic"]  # a partial results.json mid-run: nulls, not zeros
    assert pending["n"] == 0 and pending["metrics"]["accuracy"] is None and pending["throughput_qps"] is None


def test_demo_dev_sample_spreads_over_the_file_and_keeps_small_files(tmp_path):
    """A mode that prepares strategies on fewer dev questions takes them across the whole file
    (the world writes it grouped by type), as valid QA JSONL; a file at or under the size is
    used as it is."""
    from ragtune.demo import _dev_sample

    dev = tmp_path / "dev.jsonl"
    rows = [{"id": f"q{i}", "question": f"question {i}?", "answers": [str(i)], "type": f"t{i // 5}"}
            for i in range(21)]
    dev.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    out = tmp_path / "out"
    out.mkdir()
    picked = load_qa(_dev_sample(dev, 10, out))
    assert len(picked) == 10 and len({q.id for q in picked}) == 10
    assert {q.type for q in picked} == {q["type"] for q in rows}  # every group, first to last
    assert _dev_sample(dev, 21, out) == dev and _dev_sample(dev, None, out) == dev


def test_results_name_the_cpu_kernels_int8_answers_ran_on():
    """int8 text differs between oneDNN's AVX-512 VNNI and AVX2 kernels: a run records which."""
    from ragtune.arena import provenance

    assert provenance.cpu_isa({"fpu", "avx", "avx2", "avx512f", "avx512bw", "avx512_vnni"}) == "avx512_vnni"
    assert provenance.cpu_isa({"fpu", "avx", "avx2"}) == "avx2"
    assert provenance.cpu_isa(set()) and "cpu_isa" in provenance.machine()


def test_results_name_the_generator_weights():
    """int8 or float32 (model.weights = auto picks by CPU): a run records which answered."""
    from ragtune.arena import provenance

    class Gen:
        model_id = "m"

        def precision(self):
            return "ct2-float32"

    class Wrapped:  # the disk cache's wrapper around a backend
        backend = Gen()
        model_id = "m"

    assert provenance.model_hashes(Wrapped())["generator_precision"] == "ct2-float32"
    assert "generator_precision" not in provenance.model_hashes(object())
