"""The report's figures (matplotlib, Agg backend): each returns PNG bytes, or None without data."""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return buf.getvalue()


def _err(acc: float, ci: list[float] | None) -> tuple[float, float]:
    if not ci or ci[0] is None:
        return 0.0, 0.0
    return max(0.0, acc - ci[0]), max(0.0, ci[1] - acc)


def accuracy_by_type(strategies: dict[str, Any]) -> bytes | None:
    names = list(strategies)
    types = sorted({t for s in strategies.values() for t in (s.get("by_type") or {})})
    if not names or not types:
        return None
    groups = ["overall", *types]
    width = 0.8 / len(names)
    fig, ax = plt.subplots(figsize=(max(7, 1.1 * len(groups) + 2), 4))
    for i, name in enumerate(names):
        s = strategies[name]
        accs, lo, hi = [], [], []
        for g in groups:
            if g == "overall":
                acc, ci = s["metrics"]["accuracy"], (s.get("ci95") or {}).get("accuracy")
            else:
                b = (s.get("by_type") or {}).get(g)
                acc, ci = (b["accuracy"], b.get("ci95")) if b else (0.0, None)
            e = _err(acc or 0.0, ci)
            accs.append(acc or 0.0)
            lo.append(e[0])
            hi.append(e[1])
        xs = [j + (i - (len(names) - 1) / 2) * width for j in range(len(groups))]
        ax.bar(xs, accs, width, yerr=[lo, hi], capsize=2, label=name, color=COLORS[i % len(COLORS)])
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(groups, rotation=20, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("accuracy (95% CI)")
    ax.set_title("Accuracy by question type")
    ax.legend(fontsize=8, ncol=min(4, len(names)))
    ax.grid(axis="y", alpha=0.3)
    return _png(fig)


def accuracy_vs_latency(strategies: dict[str, Any]) -> bytes | None:
    pts = [(n, s) for n, s in strategies.items() if (s.get("latency_ms") or {}).get("p95") is not None]
    if not pts:
        return None
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for i, (name, s) in enumerate(pts):
        acc = s["metrics"]["accuracy"] or 0.0
        e = _err(acc, (s.get("ci95") or {}).get("accuracy"))
        ax.errorbar([s["latency_ms"]["p95"]], [acc], yerr=[[e[0]], [e[1]]], fmt="o", capsize=3,
                    color=COLORS[i % len(COLORS)], label=name)  # fmt: skip
        ax.annotate(name, (s["latency_ms"]["p95"], acc), textcoords="offset points", xytext=(6, 4),
                    fontsize=8)  # fmt: skip
    ax.set_xlabel("p95 latency, one question at a time (ms)")
    ax.set_ylabel("accuracy (95% CI)")
    ax.set_ylim(0, 1.05)
    ax.set_xlim(left=0)
    ax.set_title("Accuracy vs latency")
    ax.grid(alpha=0.3)
    return _png(fig)


def cost_per_1k(strategies: dict[str, Any]) -> bytes | None:
    rows = [(n, ((s.get("cost") or {}).get("per_1k_queries") or {})) for n, s in strategies.items()]
    rows = [(n, c) for n, c in rows if c.get("compute_seconds") is not None]
    if not rows:
        return None
    fig, ax = plt.subplots(figsize=(6.5, 3.6))
    values = [c["compute_seconds"] for _, c in rows]
    bars = ax.bar([n for n, _ in rows], values, color=[COLORS[i % len(COLORS)] for i in range(len(rows))])
    for bar, (_, c) in zip(bars, rows):
        label = f"{c['compute_seconds']:.0f} s"
        if c.get("money") is not None:
            label += f"\n{c['money']:.2f} {c.get('currency') or ''}".rstrip()
        ax.annotate(label, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                    va="bottom", fontsize=8)  # fmt: skip
    ax.set_ylabel("compute seconds per 1,000 queries")
    ax.set_title("Cost per 1k queries (batched answering)")
    ax.tick_params(axis="x", rotation=15)
    ax.grid(axis="y", alpha=0.3)
    return _png(fig)


def freshness(fresh: dict[str, Any]) -> bytes | None:
    per = (fresh or {}).get("strategies") or {}
    names = [n for n, f in per.items() if f and f.get("before")]
    if not fresh.get("enabled") or not names:
        return None
    fig, ax = plt.subplots(figsize=(6.5, 3.8))
    width = 0.38
    for j, (phase, color) in enumerate((("before", "#bbbbbb"), ("after", "#2ca02c"))):
        accs, lo, hi = [], [], []
        for n in names:
            b = per[n].get(phase)
            acc = b["accuracy"] if b else 0.0
            e = _err(acc, b.get("ci95") if b else None)
            accs.append(acc)
            lo.append(e[0])
            hi.append(e[1])
        xs = [i + (j - 0.5) * width for i in range(len(names))]
        ax.bar(xs, accs, width, yerr=[lo, hi], capsize=2, color=color, label=f"{phase} the update")
    for i, n in enumerate(names):
        s = per[n].get("absorb_seconds")
        method = per[n].get("method")
        label = "cannot absorb" if method == "none" else (
            f"{method}: {s:.1f} s" + (" (est.)" if per[n].get("estimated") else "") if s is not None
            else f"{method}")  # fmt: skip
        ax.annotate(label, (i, 1.0), ha="center", fontsize=7)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=15)
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("accuracy on changed facts")
    ax.set_title("Freshness: the update questions before and after absorbing the change")
    ax.legend(fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    return _png(fig)


def recall_vs_accuracy(strategies: dict[str, Any], per_type: dict[str, dict[str, tuple]]) -> bytes | None:
    """One large point per retrieving strategy (overall), small points per question type."""
    pts = [(n, s) for n, s in strategies.items() if s["metrics"].get("retrieval_recall@5") is not None]
    if not pts:
        return None
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for i, (name, s) in enumerate(pts):
        color = COLORS[list(strategies).index(name) % len(COLORS)]
        ax.scatter([s["metrics"]["retrieval_recall@5"]], [s["metrics"]["accuracy"]], s=80, color=color,
                   label=name, edgecolor="black")  # fmt: skip
        for qtype, (recall, acc) in (per_type.get(name) or {}).items():
            ax.scatter([recall], [acc], s=18, color=color, alpha=0.6)
            ax.annotate(qtype, (recall, acc), fontsize=6, alpha=0.7, xytext=(3, 2), textcoords="offset points")
    ax.plot([0, 1], [0, 1], ls=":", color="grey", lw=1)
    ax.set_xlim(-0.02, 1.05)
    ax.set_ylim(-0.02, 1.05)
    ax.set_xlabel("retrieval recall@5 (evidence documents in the top 5)")
    ax.set_ylabel("accuracy")
    ax.set_title("Retrieval recall vs accuracy (small points: question types)")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return _png(fig)
