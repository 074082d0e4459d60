"""The recommendation from hand-made results.json files (no models): constraints change the
choice, overlapping intervals are called inseparable, sentences cite the measured figures."""

import copy

import pytest

from ragtune.arena.cost import PriceTable, monthly_cost
from ragtune.arena.schema import validate
from ragtune.errors import InputError
from ragtune.report.recommend import recommend


def strategy(acc, ci, p95, qps, training=None, refresh=None, method="reingest", recall=0.8, n=200):
    """One strategy's results.json entry with the figures a test cares about."""
    return {
        "n": n,
        "kind": "retrieval" if method == "reingest" else ("finetuned" if method == "retrain" else "closed_book"),
        "metrics": {"accuracy": acc, "em": acc, "f1": acc, "abstain_precision": None,
                    "abstain_recall": None, "citation_precision": None, "citation_recall": None,
                    "retrieval_recall@5": recall},
        "ci95": {"accuracy": list(ci)},
        "by_type": {"single_hop": {"n": n, "accuracy": acc, "f1": acc, "ci95": list(ci)}},
        "latency_ms": {"p50": p95 / 2, "p95": p95},
        "throughput_qps": qps,
        "tokens": {"prompt": 300 * n, "completion": 10 * n},
        "cost": {
            "per_1k_queries": {"compute_seconds": 1000 / qps, "prompt_tokens": 300_000.0,
                               "completion_tokens": 10_000.0, "money": None, "currency": None},
            "prepare_seconds": 5.0,
            "training_seconds": training,
            "refresh_seconds": refresh,
            "refresh_method": method,
        },
    }  # fmt: skip


def results(strategies):
    return {
        "schema_version": "1.0",
        "run": {"seed": 0, "packages": {}, "models": {}, "adapters": {}, "config": {},
                "corpus_hash": None, "git_commit": None},  # fmt: skip
        "strategies": strategies,
        "paired_tests": [],
        "freshness": {"enabled": False, "strategies": {}},
        "forgetting": {"strategies": {}},
        "recommendation": {"strategy": None, "why": "", "constraints": {}},
    }


# agentic is clearly the most accurate but slow; rag is fast; closed_book is far behind
SEPARATED = results({
    "closed_book": strategy(0.05, (0.02, 0.08), 900, 3.0, method="none", recall=None),
    "rag": strategy(0.55, (0.48, 0.62), 1500, 2.0, refresh=2.0),
    "agentic": strategy(0.75, (0.69, 0.81), 6000, 0.5, refresh=2.0),
})  # fmt: skip


def test_hand_made_results_are_valid_against_the_schema():
    assert validate(SEPARATED) == []
    broken = copy.deepcopy(SEPARATED)
    del broken["strategies"]["rag"]["metrics"]["f1"]
    broken["strategies"]["rag"]["latency_ms"]["p95"] = "fast"
    problems = validate(broken)
    assert any("missing `f1`" in p for p in problems)
    assert any("latency_ms.p95" in p for p in problems)


def test_the_most_accurate_wins_and_the_why_cites_figures():
    rec = recommend(SEPARATED)
    assert rec["strategy"] == "agentic"
    assert "75%" in rec["why"] and "69–81%" in rec["why"] and "6,000 ms" in rec["why"]
    assert "cannot separate" not in rec["why"]
    assert rec["cannot_separate"] == []


def test_a_latency_budget_that_excludes_the_most_accurate_changes_the_choice():
    rec = recommend(SEPARATED, {"latency_budget_ms": 2000})
    assert rec["strategy"] == "rag"
    assert "agentic (75%) was ruled out: its p95 latency of 6,000 ms exceeds the 2,000 ms budget" in rec["why"]
    assert rec["constraints"]["latency_budget_ms"] == 2000
    # a budget nobody meets: says so, still names the most accurate
    rec = recommend(SEPARATED, {"latency_budget_ms": 100})
    assert rec["strategy"] == "agentic" and "No strategy meets every constraint" in rec["why"]


FINETUNED = results({
    "rag": strategy(0.60, (0.53, 0.67), 1500, 2.0, refresh=3.0),
    "closed_book@adapter=lora-001": strategy(0.80, (0.74, 0.86), 800, 4.0, training=1800.0,
                                             method="retrain", recall=None),
})  # fmt: skip


def test_an_update_rate_that_makes_retraining_dominate_changes_the_choice():
    base = {"queries_per_month": 10_000, "budget": 10.0}  # compute hours a month (no price table)
    rare = recommend(FINETUNED, {**base, "updates_per_month": 0})
    assert rare["strategy"] == "closed_book@adapter=lora-001"
    often = recommend(FINETUNED, {**base, "updates_per_month": 30})
    assert often["strategy"] == "rag"
    why = often["why"]
    assert "closed_book@adapter=lora-001 (80%) was ruled out" in why
    assert "15.7 compute hours" in why  # 30 x 1800 s re-training + 10k queries at 4 q/s
    assert "re-training (30.0 min each, 15.0 h a month), which dominates its monthly compute" in why
    assert "re-ingesting (3.0 s each" in why


def test_monthly_cost_parts():
    ft = FINETUNED["strategies"]["closed_book@adapter=lora-001"]
    m = monthly_cost(ft, 10_000, 0, PriceTable())
    assert m["serving_seconds"] == pytest.approx(2500.0)
    assert m["training_seconds"] == 1800.0 and m["refresh_seconds"] == 0
    m = monthly_cost(ft, 10_000, 4, PriceTable(machine_per_hour=2.0))
    assert m["refresh_seconds"] == 4 * 1800.0 and m["training_seconds"] == 0
    assert m["money"] == pytest.approx((2500.0 + 7200.0) / 3600.0 * 2.0)


def test_money_budget_with_a_user_price_table():
    prices = PriceTable(machine_per_hour=1.0, currency="EUR")
    rec = recommend(FINETUNED, {"queries_per_month": 10_000, "updates_per_month": 30, "budget": 5.0}, prices)
    assert rec["strategy"] == "rag"
    assert "EUR" in rec["why"] and rec["constraints"]["budget_unit"] == "EUR per month"
    assert recommend(FINETUNED, {"queries_per_month": 10_000, "updates_per_month": 30,
                                 "budget": 100.0}, prices)["strategy"] == "closed_book@adapter=lora-001"  # fmt: skip


def test_overlapping_intervals_cannot_be_separated():
    tied = results({
        "rag": strategy(0.29, (0.07, 0.57), 6300, 0.30, refresh=0.3),
        "agentic": strategy(0.21, (0.00, 0.43), 8100, 0.19, refresh=0.3),
        "closed_book": strategy(0.07, (0.00, 0.21), 4100, 0.46, method="none", recall=None),
    })  # fmt: skip
    rec = recommend(tied)
    assert "cannot separate" in rec["why"]
    assert set(rec["cannot_separate"]) == {"rag", "agentic", "closed_book"}
    assert rec["strategy"] == "rag"  # the highest measured accuracy ...
    assert rec["cheapest_alternative"] == "closed_book"  # ... and the cheap option is named
    # intervals that touch only within the runner-up: still inseparable
    two = results({"a": strategy(0.60, (0.50, 0.70), 1000, 1.0), "b": strategy(0.45, (0.35, 0.55), 1000, 1.0)})
    assert recommend(two)["cannot_separate"] == ["a", "b"]
    apart = results({"a": strategy(0.60, (0.56, 0.64), 1000, 1.0), "b": strategy(0.45, (0.40, 0.50), 1000, 1.0)})
    assert recommend(apart)["cannot_separate"] == []


def test_no_results_and_bad_constraints():
    empty = results({})
    assert recommend(empty)["strategy"] is None
    with pytest.raises(InputError):
        recommend(SEPARATED, {"latency_budget_ms": -1})


def test_paired_tests_with_holm_decide_separability():
    """A pair is separable when its Holm-adjusted paired test says so, not by looking at
    intervals; an uncorrected 'difference' that does not survive the correction is a tie."""
    r = results({"a": strategy(0.60, (0.50, 0.70), 1000, 1.0), "b": strategy(0.45, (0.35, 0.55), 1000, 1.0)})
    r["paired_tests"] = [{"a": "a", "b": "b", "n": 200, "diff": 0.15, "diff_ci": [0.08, 0.22],
                          "mcnemar_p": 0.001, "p_holm": 0.001, "separable": True}]  # fmt: skip
    rec = recommend(r)
    assert rec["cannot_separate"] == [] and "Holm-adjusted p = 0.001" in rec["why"]
    r["paired_tests"][0].update(mcnemar_p=0.03, p_holm=0.09, separable=False)
    rec = recommend(r)
    assert rec["cannot_separate"] == ["a", "b"] and "corrected for the 1 comparisons" in rec["why"]


def test_arena_paired_tests_apply_holm():
    from ragtune.arena.results import paired_tests

    def rows(pattern):
        return [{"id": f"q{i}", "correct": c} for i, c in enumerate(pattern)]

    # a vs b: 12 discordant pairs all one way: p = 2 / 2^12 ~ 0.0005, x3 pairs stays < 0.05
    # a vs c: 6 vs 1 discordant: p ~ 0.125 raw -> not separable either way
    a = [1] * 12 + [1] * 6 + [0] + [1] * 10
    b = [0] * 12 + [1] * 6 + [0] + [1] * 10
    c = [1] * 12 + [0] * 6 + [1] + [1] * 10
    out = {(t["a"], t["b"]): t for t in paired_tests({"a": rows(a), "b": rows(b), "c": rows(c)})}
    assert out[("a", "b")]["separable"] and out[("a", "b")]["p_holm"] == pytest.approx(
        3 * out[("a", "b")]["mcnemar_p"])
    assert not out[("a", "c")]["separable"]
    # raw p below 0.05 but not after the correction for three pairs
    d = [1] * 12 + [0] * 10 + [1] * 6  # vs e: 6 discordant one way -> p = 2/64 = 0.031
    e = [1] * 12 + [0] * 10 + [0] * 6
    f = [0] * 12 + [1] * 10 + [0] * 6
    out = {(t["a"], t["b"]): t for t in paired_tests({"d": rows(d), "e": rows(e), "f": rows(f)})}
    assert out[("d", "e")]["mcnemar_p"] < 0.05 and not out[("d", "e")]["separable"]
