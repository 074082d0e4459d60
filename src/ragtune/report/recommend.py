"""The recommendation: a pure function of results.json and the user's constraints.

Rule, in order:
 1. Drop strategies that break a constraint: p95 latency above --latency-budget-ms, or a
    monthly cost above --budget (money when a price table is set, else compute hours), where
    the month holds --queries-per-month queries and --updates-per-month update batches
    (re-ingest for retrieval, re-training for adapters; see ragtune.arena.cost).
 2. Among the rest, the most accurate wins (equal accuracy: the cheaper, then the faster).
    When the evidence cannot separate it from another strategy, the `why` says so and names
    the cheapest of them as the alternative when cost matters more. Two strategies are
    separated by their paired test on the same questions (McNemar, Holm-adjusted over every
    pair of the run: results.json `paired_tests[].separable`); results without a paired test
    for the pair fall back to non-overlapping 95% intervals.
 3. The `why` says all of this in sentences with the measured figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ragtune.arena.cost import PriceTable, monthly_cost

MONTH_SECONDS = 30 * 24 * 3600.0
CONSTRAINT_KEYS = ("latency_budget_ms", "updates_per_month", "queries_per_month", "budget")


@dataclass
class Candidate:
    name: str
    accuracy: float
    ci: tuple[float, float]
    p95: float | None
    month: dict[str, Any]
    block: dict[str, Any]
    excluded: str | None = None

    def cost_key(self, money: bool) -> float | None:
        """Monthly cost when the month is known (queries/updates given), else cost per 1k queries."""
        if self.month["seconds"]:
            return self.month["money"] if money else self.month["seconds"]
        p1k = (self.block.get("cost") or {}).get("per_1k_queries") or {}
        return p1k.get("money") if money else p1k.get("compute_seconds")


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def ci_text(ci: Any) -> str:
    if not ci or ci[0] is None:
        return ""
    return f" (95% CI {100 * ci[0]:.0f}–{100 * ci[1]:.0f}%)"


def ms(x: float | None) -> str:
    return "not measured" if x is None else f"{x:,.0f} ms"


def secs(x: float | None) -> str:
    if x is None:
        return "unknown"
    if x >= 3600:
        return f"{x / 3600:,.1f} h"
    if x >= 60:
        return f"{x / 60:,.1f} min"
    return f"{x:,.1f} s"


def _prices(results: dict[str, Any], prices: PriceTable | None) -> PriceTable:
    if prices is not None:
        return prices
    opts = ((results.get("run") or {}).get("config") or {}).get("options") or {}
    return PriceTable.from_dict(opts.get("prices"))


def clean_constraints(constraints: dict[str, Any] | None) -> dict[str, Any]:
    c = {k: (constraints or {}).get(k) for k in CONSTRAINT_KEYS}
    for k, v in c.items():
        if v is not None and v < 0:
            from ragtune.errors import InputError

            raise InputError(f"--{k.replace('_', '-')} cannot be negative (got {v})")
    return c


def _money_text(value: float | None, prices: PriceTable) -> str:
    if value is None:
        return "unknown"
    unit = f" {prices.currency}" if prices.currency else ""
    return f"{value:,.2f}{unit}"


def recommend(
    results: dict[str, Any], constraints: dict[str, Any] | None = None, prices: PriceTable | None = None
) -> dict[str, Any]:
    c = clean_constraints(constraints)
    prices = _prices(results, prices)
    use_money = prices.configured
    budget_unit = (f"{prices.currency or 'money'} per month" if use_money
                   else "compute hours per month")  # fmt: skip
    out: dict[str, Any] = {"strategy": None, "why": "", "constraints": {**c, "budget_unit": budget_unit},
                           "cannot_separate": [], "considered": []}  # fmt: skip
    cands: list[Candidate] = []
    for name, block in (results.get("strategies") or {}).items():
        acc = (block.get("metrics") or {}).get("accuracy")
        if not block.get("n") or acc is None:
            continue
        ci = (block.get("ci95") or {}).get("accuracy") or [acc, acc]
        p95 = (block.get("latency_ms") or {}).get("p95")
        month = monthly_cost(block, c["queries_per_month"], c["updates_per_month"], prices)
        cands.append(Candidate(name, acc, (ci[0], ci[1]), p95, month, block))
    if not cands:
        out["why"] = "No strategy has scored answers in this run yet, so there is nothing to recommend."
        return out

    # 1. constraints
    for cand in cands:
        if c["latency_budget_ms"] is not None and cand.p95 is not None and cand.p95 > c["latency_budget_ms"]:
            cand.excluded = (f"its p95 latency of {ms(cand.p95)} exceeds the "
                             f"{ms(c['latency_budget_ms'])} budget")  # fmt: skip
        elif c["updates_per_month"] and cand.month["refresh_seconds"] > MONTH_SECONDS:
            cand.excluded = (f"absorbing {c['updates_per_month']:g} updates a month would take "
                             f"{secs(cand.month['refresh_seconds'])} of work, more than the month has")  # fmt: skip
        elif c["budget"] is not None:
            value = cand.month["money"] if use_money else cand.month["seconds"] / 3600.0
            if value is not None and value > c["budget"]:
                if use_money:
                    shown, limit = _money_text(value, prices), _money_text(c["budget"], prices)
                else:
                    shown, limit = f"{value:,.1f} compute hours", f"{c['budget']:,.1f} compute hours"
                cand.excluded = (f"a month would cost {shown} ({_month_parts(cand)}), "
                                 f"above the budget of {limit}")  # fmt: skip
    feasible = [x for x in cands if x.excluded is None]
    sentences: list[str] = []
    fallback = not feasible
    pool = feasible or cands
    if fallback:
        sentences.append("No strategy meets every constraint; the recommendation below is the "
                         "most accurate one anyway, so relax a constraint or improve a strategy.")  # fmt: skip

    # 2. the most accurate, unless the evidence cannot separate it from others
    def cheaper(x: Candidate) -> tuple:
        cost = x.cost_key(use_money)
        return (cost if cost is not None else float("inf"), x.p95 if x.p95 is not None else float("inf"),
                -x.accuracy)  # fmt: skip

    pool.sort(key=lambda x: (-x.accuracy, cheaper(x)))
    best = pool[0]
    paired = {frozenset((t["a"], t["b"])): t for t in results.get("paired_tests") or []
              if "separable" in t}  # fmt: skip

    def separated(x: Candidate) -> bool:
        t = paired.get(frozenset((best.name, x.name)))
        return bool(t["separable"]) if t is not None else x.ci[1] < best.ci[0]

    tied = [x for x in pool[1:] if not separated(x)]
    by_test = all(frozenset((best.name, x.name)) in paired for x in pool[1:])
    choice = best
    if tied:
        group = [best, *tied]
        names = ", ".join(f"{x.name} {pct(x.accuracy)}{ci_text(x.ci)}" for x in group)
        reason = ("a paired test on the same questions finds no difference once corrected for the "
                  f"{len(paired)} comparisons of this run" if by_test
                  else "their 95% confidence intervals overlap")  # fmt: skip
        sentences.append(f"The evidence cannot separate {names}: {reason}, "
                         f"so the measured differences may be noise on {best.block.get('n')} questions.")  # fmt: skip
        out["cannot_separate"] = [x.name for x in group]
        sentences.append(f"{best.name} is recommended because it has the highest measured accuracy; "
                         "more test questions would make the choice firmer.")  # fmt: skip
        cheapest = min(group, key=cheaper)
        if cheapest is not best and cheaper(cheapest)[0] < cheaper(best)[0]:
            sentences.append(f"If cost matters more than a difference the evidence cannot confirm, "
                             f"{cheapest.name} is the cheapest of them "
                             f"({_cost_phrase(cheapest, use_money, prices)}, against "
                             f"{_cost_phrase(best, use_money, prices)} for {best.name}).")  # fmt: skip
            out["cheapest_alternative"] = cheapest.name
    else:
        runner = pool[1] if len(pool) > 1 else None
        text = f"{best.name} is the most accurate: {pct(best.accuracy)}{ci_text(best.ci)}"
        if runner is None and len(cands) > 1 and not fallback:
            text = (f"{best.name} is the only strategy that meets the constraints: "
                    f"{pct(best.accuracy)}{ci_text(best.ci)} accuracy")  # fmt: skip
        if runner is not None:
            t = paired.get(frozenset((best.name, runner.name)))
            how = (f"a paired test on the same questions separates them (McNemar, Holm-adjusted "
                   f"p = {t['p_holm']:.3g})" if t is not None and t.get("p_holm") is not None
                   else "the intervals do not overlap")  # fmt: skip
            text += (f" against {pct(runner.accuracy)}{ci_text(runner.ci)} for {runner.name}, "
                     f"the next best; {how}")  # fmt: skip
        sentences.append(text + ".")
    sentences.append(f"{choice.name} answers with a p95 latency of {ms(choice.p95)} one question at a "
                     f"time and {_throughput(choice)} batched; {_cost_phrase(choice, use_money, prices)}.")  # fmt: skip

    # 3. constraints and freshness, in words
    for x in cands:
        if x.excluded:
            sentences.append(f"{x.name} ({pct(x.accuracy)}) was ruled out: {x.excluded}.")
    u = c["updates_per_month"]
    if u:
        for x in sorted(cands, key=lambda x: x is not choice):
            method = (x.block.get("cost") or {}).get("refresh_method")
            each = (x.block.get("cost") or {}).get("refresh_seconds")
            if method == "retrain" and each is None:
                each = (x.block.get("cost") or {}).get("training_seconds")
            if method == "none":
                if x is choice:
                    sentences.append(f"{x.name} cannot absorb the {u:g} monthly updates at all: the "
                                     "base model reads no documents.")  # fmt: skip
                continue
            if each is None:
                continue
            what = {"retrain": "re-training", "continued_training": "continued training of its adapter"}.get(
                method, "re-ingesting")
            refresh, total = x.month["refresh_seconds"], x.month["seconds"]
            line = (f"At {u:g} updates a month, keeping {x.name} fresh means {what} "
                    f"({secs(each)} each, {secs(refresh)} a month)")  # fmt: skip
            if total and refresh > 0.5 * total and method == "retrain":
                line += f", which dominates its monthly compute ({secs(total)} in all)"
            sentences.append(line + ".")
    if c["budget"] is not None and not c["queries_per_month"]:
        sentences.append("Serving cost is not in the budget check: give --queries-per-month.")
    unknown = sorted({u for x in cands for u in x.month["unknown"]})
    if unknown and (c["budget"] is not None or u):
        sentences.append("Not measured, counted as zero: " + "; ".join(unknown) + ".")
    out["strategy"] = choice.name
    out["why"] = " ".join(sentences)
    out["considered"] = [
        {"strategy": x.name, "accuracy": x.accuracy, "ci95": list(x.ci), "p95_ms": x.p95,
         "monthly": x.month, "excluded": x.excluded}  # fmt: skip
        for x in cands
    ]
    return out


def _throughput(x: Candidate) -> str:
    qps = x.block.get("throughput_qps")
    return "no throughput measured" if not qps else f"{qps:.2f} questions/s"


def _month_parts(x: Candidate) -> str:
    m = x.month
    return (f"serving {secs(m['serving_seconds'])}, refresh {secs(m['refresh_seconds'])}, "
            f"training {secs(m['training_seconds'])} of compute")  # fmt: skip


def _cost_phrase(x: Candidate, use_money: bool, prices: PriceTable) -> str:
    p1k = ((x.block.get("cost") or {}).get("per_1k_queries") or {})
    s = p1k.get("compute_seconds")
    text = f"{secs(s)} of compute per 1k queries" if s is not None else "compute per query not measured"
    if use_money and p1k.get("money") is not None:
        text += f" ({_money_text(p1k['money'], prices)})"
    if x.month["seconds"]:
        text += f", {secs(x.month['seconds'])} a month"
        if use_money and x.month["money"] is not None:
            text += f" ({_money_text(x.month['money'], prices)})"
    return text
