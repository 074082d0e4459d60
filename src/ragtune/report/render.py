"""HTML and Markdown for a compare run. Plain string building: every value goes through `esc`."""

from __future__ import annotations

import base64
import html
import json
import random
from pathlib import Path
from typing import Any, Callable

from ragtune.project import atomic_write
from ragtune.report import plots

SECTIONS = [
    ("recommendation", "Recommendation"),
    ("summary", "Summary"),
    ("accuracy", "Accuracy by question type"),
    ("latency", "Accuracy vs latency"),
    ("cost", "Cost per 1k queries"),
    ("freshness", "Freshness"),
    ("forgetting", "Forgetting"),
    ("retrieval", "Retrieval recall vs accuracy"),
    ("paired-tests", "Paired tests"),
    ("examples", "Examples"),
    ("run", "Run"),
]

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1100px;
padding:24px;color:#222;background:#fff;line-height:1.45}
h1{margin-bottom:4px}h2{border-bottom:2px solid #1f77b4;padding-bottom:4px;margin-top:36px}
table{border-collapse:collapse;margin:10px 0;font-size:13px}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef3f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pick{font-size:20px;background:#e8f5e9;border-left:6px solid #2ca02c;padding:10px 14px}
.why{background:#fafafa;border-left:4px solid #999;padding:8px 14px}
.muted{color:#777}.ok{color:#1a7f37;font-weight:bold}.bad{color:#c62828;font-weight:bold}
nav a{margin-right:12px}img{max-width:100%;border:1px solid #eee}
.example{border:1px solid #ddd;border-radius:6px;padding:8px 14px;margin:14px 0}
.wide{overflow-x:auto}details{margin:4px 0 8px 0}pre{white-space:pre-wrap;font-size:12px;background:#f6f8fa;padding:6px}
"""


def esc(x: Any) -> str:
    return html.escape("" if x is None else str(x))


def pct(x: Any) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def num(x: Any, nd: int = 1) -> str:
    if x is None:
        return "–"
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:,.{nd}f}"


def ci(c: Any) -> str:
    return "" if not c else f"[{100 * c[0]:.0f}–{100 * c[1]:.0f}]"


def short(x: Any, n: int = 240) -> str:
    text = x if isinstance(x, str) else json.dumps(x, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------- data for the sections


def summary_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for name, s in results["strategies"].items():
        m = s["metrics"]
        rows.append([
            name, num(s["n"]), f"{pct(m['accuracy'])} {ci(s['ci95'].get('accuracy'))}", pct(m["f1"]),
            pct(m["em"]), pct(m["abstain_precision"]), pct(m["abstain_recall"]),
            pct(m["citation_precision"]), pct(m["citation_recall"]), pct(m["retrieval_recall@5"]),
            num(s["latency_ms"]["p50"], 0), num(s["latency_ms"]["p95"], 0), num(s["throughput_qps"], 2),
        ])  # fmt: skip
    return rows


SUMMARY_HEAD = ["strategy", "n", "accuracy [95% CI]", "F1", "EM", "abstain P", "abstain R", "citation P",
                "citation R", "recall@5", "p50 ms", "p95 ms", "q/s batched"]  # fmt: skip


def type_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    names = list(results["strategies"])
    types = sorted({t for s in results["strategies"].values() for t in s["by_type"]})
    rows = []
    for t in types:
        row = [t]
        for n in names:
            b = results["strategies"][n]["by_type"].get(t)
            row.append("–" if not b else f"{pct(b['accuracy'])} {ci(b['ci95'])} (n={b['n']})")
        rows.append(row)
    return ["type", *names], rows


def freshness_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for name, f in (results["freshness"].get("strategies") or {}).items():
        b, a, p = f.get("before"), f.get("after"), f.get("paired") or {}
        seconds = f.get("absorb_seconds")
        rows.append([
            name, str(f.get("method")),
            "–" if seconds is None else f"{seconds:,.1f} s" + (" (estimated)" if f.get("estimated") else ""),
            "–" if not b else f"{pct(b['accuracy'])} {ci(b['ci95'])}",
            "–" if not a else f"{pct(a['accuracy'])} {ci(a['ci95'])}",
            "–" if not p else f"{p.get('fixed')} fixed / {p.get('broken')} broken (McNemar p={num(p.get('mcnemar_p'), 3)})",
            f.get("note") or "",
        ])  # fmt: skip
    return rows


FRESH_HEAD = ["strategy", "how it absorbs", "time to absorb", "before", "after", "changed answers", "note"]


def forgetting_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for name, f in (results["forgetting"].get("strategies") or {}).items():
        if not f:
            rows.append([name, "–", "–", "–", "–", "not measured (no update absorbed, no adapter probe)"])
            continue
        stale = f.get("stale") or {}
        extra = (f"; {stale['n']} sampled questions asked about a changed fact (left out), "
                 f"{stale.get('changed_answer', 0)} of them now answered differently") if stale.get("n") else ""  # fmt: skip
        rows.append([name, str(f.get("method")), num(f.get("n")),
                     f"{pct(f.get('accuracy_before'))} → {pct(f.get('accuracy_after'))}",
                     f"{f.get('lost', '–')} lost / {f.get('gained', '–')} gained",
                     (f.get("note") or "") + extra])  # fmt: skip
        probe = f.get("adapter_probe")
        if probe:
            rows.append([f"{name} (fine-tuning)", "adapter_probe", num(probe.get("n")),
                         f"{pct(probe.get('accuracy_before'))} → {pct(probe.get('accuracy_after'))}",
                         "–", probe.get("note") or ""])  # fmt: skip
    return rows


FORGET_HEAD = ["strategy", "method", "n", "accuracy before → after", "answers", "note"]


def paired_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for t in results["paired_tests"]:
        rows.append([
            f"{t['a']} vs {t['b']}", num(t["n"]), f"{100 * t['diff']:+.1f} pts {ci(t['diff_ci'])}",
            f"{t.get('a_only', '–')} / {t.get('b_only', '–')}", num(t.get("mcnemar_p"), 3),
            num(t.get("p_holm"), 3), "yes" if t.get("separable") else "no (cannot separate)",
        ])  # fmt: skip
    return rows


def judge_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for name, s in results["strategies"].items():
        j = s.get("judge")
        if not j:
            continue
        rows.append([
            name, num(j["n"]), pct(s["metrics"]["accuracy"]), f"{pct(j['accuracy_strict'])} {ci(j['ci95'])}",
            num(j["n_unparseable"]), pct(j["agreement"]),
            f"{num(j.get('judge_only'))} / {num(j.get('exact_only'))}",
        ])  # fmt: skip
    return rows


JUDGE_HEAD = ["strategy", "n", "exact accuracy", "judge accuracy [95% CI]", "unparseable",
              "agreement", "judge-only yes / exact-only yes"]  # fmt: skip
JUDGE_NOTE = ("An LLM judge (compare --judge) graded the same answers; exact scoring stays the "
              "accuracy above and the one the recommendation uses. Unparseable verdicts count as wrong.")


PAIRED_HEAD = ["pair", "n", "accuracy difference [95% CI]", "only a right / only b right", "McNemar p",
               "Holm-adjusted p", "separable (adjusted p < 0.05)"]  # fmt: skip


def cost_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for name, s in results["strategies"].items():
        c = s["cost"]
        p = c.get("per_1k_queries") or {}
        rows.append([name, num(p.get("compute_seconds"), 1), num((s.get("tokens") or {}).get("per_query"), 0),
                     num(p.get("prompt_tokens"), 0),
                     num(p.get("completion_tokens"), 0),
                     "–" if p.get("money") is None else f"{p['money']:,.4f} {p.get('currency') or ''}",
                     num(c.get("prepare_seconds")), num(c.get("training_seconds")),
                     "–" if c.get("refresh_seconds") is None else
                     f"{c['refresh_seconds']:,.1f} s ({c.get('refresh_method')})"])  # fmt: skip
    return rows


COST_HEAD = ["strategy", "compute s / 1k queries", "tokens / query", "prompt tokens / 1k", "completion tokens / 1k",
             "money / 1k (your prices)", "prepare s", "training s", "refresh per update"]  # fmt: skip


def per_type_recall(predictions: list[dict[str, Any]], results: dict[str, Any]) -> dict[str, dict[str, tuple]]:
    sums: dict[tuple[str, str], list[float]] = {}
    for r in predictions:
        if r.get("phase", "test") != "test":
            continue
        rec = (r.get("score") or {}).get("recall_at_5")
        if rec is not None:
            sums.setdefault((r["strategy"], r["type"]), []).append(rec)
    out: dict[str, dict[str, tuple]] = {}
    for (spec, qtype), vals in sums.items():
        b = (results["strategies"].get(spec) or {}).get("by_type", {}).get(qtype)
        if b:
            out.setdefault(spec, {})[qtype] = (sum(vals) / len(vals), b["accuracy"])
    return out


def pick_examples(predictions: list[dict[str, Any]], results: dict[str, Any], k: int) -> list[str]:
    """Up to k question ids every strategy answered: disagreements first, different types."""
    names = [n for n, s in results["strategies"].items() if s.get("n")]
    by_id: dict[str, dict[str, dict[str, Any]]] = {}
    for r in predictions:
        if r.get("phase", "test") == "test" and r["strategy"] in names:
            by_id.setdefault(r["id"], {})[r["strategy"]] = r
    common = sorted(i for i, d in by_id.items() if len(d) == len(names))
    rng = random.Random(results["run"].get("seed", 0))
    rng.shuffle(common)
    common.sort(key=lambda i: len({d["correct"] for d in by_id[i].values()}) == 1)  # disagreements first
    chosen: list[str] = []
    types: set[str] = set()
    for i in common:  # one per type first
        t = next(iter(by_id[i].values()))["type"]
        if t not in types and len(chosen) < k:
            chosen.append(i)
            types.add(t)
    for i in common:
        if len(chosen) >= k:
            break
        if i not in chosen:
            chosen.append(i)
    return chosen


# ---------------------------------------------------------------- HTML


def _table(head: list[str], rows: list[list[str]]) -> str:
    def cell(x: str) -> str:
        cls = ' class="num"' if x[:1].isdigit() or x[:1] in "-+–" else ""
        return f"<td{cls}>{esc(x)}</td>"

    out = ['<div class="wide"><table><thead><tr>', *(f"<th>{esc(h)}</th>" for h in head), "</tr></thead><tbody>"]
    for r in rows:
        out.append("<tr>" + "".join(cell(str(c)) for c in r) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _img(png: bytes | None, alt: str) -> str:
    if png is None:
        return f'<p class="muted">No data for this plot in this run ({esc(alt)}).</p>'
    return f'<img alt="{esc(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _example_html(qid: str, predictions: list[dict[str, Any]], traces: dict[str, Any],
                  names: list[str]) -> str:  # fmt: skip
    rows = {r["strategy"]: r for r in predictions if r["id"] == qid and r.get("phase", "test") == "test"}
    first = next(iter(rows.values()))
    gold = ", ".join(first.get("answers") or []) or "(unanswerable: the right output is to abstain)"
    parts = [f'<div class="example"><p><b>{esc(first["question"])}</b> <span class="muted">'
             f'[{esc(qid)}, {esc(first["type"])}]</span><br>gold: {esc(gold)}</p>']  # fmt: skip
    for name in names:
        r = rows.get(name)
        if r is None:
            continue
        mark = '<span class="ok">✓</span>' if r["correct"] else '<span class="bad">✗</span>'
        cites = "; ".join(f"{c['doc_id']}" + (f" “{short(c.get('quote'), 80)}”" if c.get("quote") else "")
                          for c in r.get("citations") or [])  # fmt: skip
        parts.append(f"<p>{mark} <b>{esc(name)}</b>: {esc(r['prediction']) or '<i>(empty)</i>'} "
                     f'<span class="muted">({esc(r["exit_reason"])}, {num(r.get("latency_ms"), 0)} ms batched)</span>'
                     + (f"<br>citations: {esc(cites)}" if cites else "") + "</p>")  # fmt: skip
        t = traces.get(r["trace_id"])
        if t and t.get("steps"):
            steps = "".join(
                f"<tr><td>{i + 1}</td><td>{esc(s.get('kind'))}</td><td>{esc(short(s.get('input')))}</td>"
                f"<td>{esc(short(s.get('output')))}</td><td class='num'>{num(s.get('ms'), 0)}</td></tr>"
                for i, s in enumerate(t["steps"])
            )
            parts.append(f"<details><summary>trace of {esc(name)} ({len(t['steps'])} steps)</summary>"
                         f"<table><tr><th>#</th><th>step</th><th>input</th><th>output</th><th>ms</th></tr>"
                         f"{steps}</table></details>")  # fmt: skip
    parts.append("</div>")
    return "".join(parts)


def _run_rows(results: dict[str, Any]) -> list[list[str]]:
    run = results["run"]
    rows = [["schema version", results["schema_version"]], ["seed", run.get("seed")],
            ["created", run.get("created")], ["git commit", run.get("git_commit")],
            ["corpus hash", run.get("corpus_hash")]]  # fmt: skip
    for k, v in (run.get("models") or {}).items():
        rows.append([f"model: {k}", v])
    for k, v in (run.get("adapters") or {}).items():
        rows.append([f"adapter: {k}", v])
    for k, v in (run.get("qa") or {}).items():
        rows.append([f"qa: {k}", v])
    for k, v in (run.get("packages") or {}).items():
        rows.append([f"package: {k}", v])
    for k, v in (run.get("machine") or {}).items():
        rows.append([f"machine: {k}", v])
    return [[str(a), "–" if b is None else str(b)] for a, b in rows]


def review_line(results: dict[str, Any]) -> str:
    """Where the questions came from, when the QA file has review statuses (issue 16)."""
    review = (results["run"].get("qa") or {}).get("review")
    if not review:
        return ""
    if review.get("unreviewed"):
        return (f"The {review['statuses']['draft']} questions were machine-drafted and are unreviewed "
                f"(ragtune qa): review them with `{review['review_command']}` before trusting these numbers.")
    return (f"Questions: the {review['reviewed']} reviewed (accepted or edited) items; "
            f"{review['skipped_drafts']} unreviewed drafts and {review['dropped']} dropped items were skipped.")


def _constraint_rows(rec: dict[str, Any]) -> list[list[str]]:
    c = rec.get("constraints") or {}
    unit = c.get("budget_unit", "")
    return [["latency budget (p95)", "–" if c.get("latency_budget_ms") is None else f"{c['latency_budget_ms']:g} ms"],
            ["updates per month", "–" if c.get("updates_per_month") is None else f"{c['updates_per_month']:g}"],
            ["queries per month", "–" if c.get("queries_per_month") is None else f"{c['queries_per_month']:,.0f}"],
            ["budget", "–" if c.get("budget") is None else f"{c['budget']:g} {unit}"]]  # fmt: skip


def build_figures(run: dict[str, Any]) -> dict[str, bytes | None]:
    r = run["results"]
    return {
        "accuracy": plots.accuracy_by_type(r["strategies"]),
        "latency": plots.accuracy_vs_latency(r["strategies"]),
        "cost": plots.cost_per_1k(r["strategies"]),
        "freshness": plots.freshness(r["freshness"]),
        "retrieval": plots.recall_vs_accuracy(r["strategies"], per_type_recall(run["predictions"], r)),
    }


def render_html(run: dict[str, Any], figures: dict[str, bytes | None], example_ids: list[str]) -> str:
    r = run["results"]
    rec = r["recommendation"]
    names = list(r["strategies"])
    n_test = (r["run"].get("qa") or {}).get("n_test")
    body: dict[str, str] = {}
    pick = (f'<p class="pick">Recommended: <b>{esc(rec["strategy"])}</b></p>' if rec.get("strategy")
            else '<p class="pick">No recommendation</p>')  # fmt: skip
    body["recommendation"] = (pick + f'<p class="why">{esc(rec["why"])}</p>'
                              + "<p>Constraints used:</p>" + _table(["constraint", "value"], _constraint_rows(rec)))  # fmt: skip
    body["summary"] = (_table(SUMMARY_HEAD, summary_rows(r)) +
                       '<p class="muted">Latency: questions answered one at a time, warm (after the batched answers or a warm-up call); '
                       "throughput: the batched test run. Metrics that do not apply are shown as –.</p>")  # fmt: skip
    if judge_rows(r):
        body["summary"] += (f"<h3>LLM judge beside exact scoring</h3>{_table(JUDGE_HEAD, judge_rows(r))}"
                            f'<p class="muted">{esc(JUDGE_NOTE)}</p>')  # fmt: skip
    head, rows = type_rows(r)
    body["accuracy"] = _img(figures["accuracy"], "accuracy by type") + _table(head, rows)
    body["latency"] = _img(figures["latency"], "accuracy vs p95 latency")
    body["cost"] = (_img(figures["cost"], "cost per 1k queries") + _table(COST_HEAD, cost_rows(r)) +
                    '<p class="muted">Compute seconds are measured; money appears only with your own price '
                    "table ([cost] in ragtune.toml). No vendor prices ship with ragtune.</p>")  # fmt: skip
    fresh = r["freshness"]
    if fresh.get("enabled"):
        absorb = fresh.get("absorb") or {}
        body["freshness"] = (_img(figures["freshness"], "freshness") + _table(FRESH_HEAD, freshness_rows(r))
                             + f"<p>{num(fresh.get('n_questions'))} questions about changed facts; the updates "
                             f"folder was ingested incrementally in {num(absorb.get('seconds'), 2)} s "
                             f"({num(absorb.get('documents_added'))} documents added, "
                             f"{num(absorb.get('documents_changed'))} changed, "
                             f"{num(absorb.get('chunks_written'))} chunks), caches off.</p>")  # fmt: skip
    else:
        body["freshness"] = ('<p class="muted">Not measured in this run: add --freshness --updates DIR '
                             "--updates-qa FILE to `ragtune compare`.</p>")  # fmt: skip
    body["forgetting"] = _table(FORGET_HEAD, forgetting_rows(r))
    body["retrieval"] = _img(figures["retrieval"], "retrieval recall vs accuracy")
    body["paired-tests"] = (_table(PAIRED_HEAD, paired_rows(r)) if r["paired_tests"] else
                            '<p class="muted">Only one strategy: nothing to compare.</p>')  # fmt: skip
    body["examples"] = "".join(_example_html(i, run["predictions"], run["traces"], names) for i in example_ids) \
        or '<p class="muted">No question was answered by every strategy.</p>'
    body["run"] = _table(["what", "value"], _run_rows(r))
    nav = "".join(f'<a href="#{sid}">{esc(title)}</a>' for sid, title in SECTIONS)
    sections = "".join(f'<section id="{sid}"><h2>{esc(title)}</h2>{body[sid]}</section>' for sid, title in SECTIONS)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>ragtune report: {esc(Path(run['dir']).name)}</title><style>{CSS}</style></head><body>"
        f"<h1>ragtune compare: {esc(', '.join(names))}</h1>"
        f'<p class="muted">Run folder {esc(run["dir"])}; {num(n_test)} test questions; seed '
        f"{esc(r['run'].get('seed'))}.</p>"
        + (f'<p class="pick">{esc(review_line(r))}</p>' if review_line(r) else "")
        + f"<nav>{nav}</nav>{sections}</body></html>\n"
    )


# ---------------------------------------------------------------- Markdown


def _md_table(head: list[str], rows: list[list[str]]) -> str:
    def cell(x: Any) -> str:
        return str(x).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def render_md(run: dict[str, Any], figure_files: dict[str, str | None], example_ids: list[str]) -> str:
    r = run["results"]
    rec = r["recommendation"]
    names = list(r["strategies"])
    img: Callable[[str, str], str] = lambda key, alt: (
        f"![{alt}]({figure_files[key]})\n" if figure_files.get(key) else f"_No data for this plot ({alt})._\n")
    out = [f"# ragtune compare: {', '.join(names)}\n",
           f"Run folder `{run['dir']}`, {(r['run'].get('qa') or {}).get('n_test')} test questions, seed {r['run'].get('seed')}.\n",
           *([f"**{review_line(r)}**\n"] if review_line(r) else []),
           "## Recommendation\n", f"**Recommended: {rec.get('strategy') or 'none'}**\n", rec["why"] + "\n",
           _md_table(["constraint", "value"], _constraint_rows(rec)),
           "## Summary\n", _md_table(SUMMARY_HEAD, summary_rows(r)),
           *(["### LLM judge beside exact scoring\n", _md_table(JUDGE_HEAD, judge_rows(r)), JUDGE_NOTE + "\n"]
             if judge_rows(r) else []),
           "## Accuracy by question type\n", img("accuracy", "accuracy by type"), _md_table(*type_rows(r)),
           "## Accuracy vs latency\n", img("latency", "accuracy vs p95 latency"),
           "## Cost per 1k queries\n", img("cost", "cost per 1k queries"), _md_table(COST_HEAD, cost_rows(r)),
           "## Freshness\n"]  # fmt: skip
    if r["freshness"].get("enabled"):
        out += [img("freshness", "freshness"), _md_table(FRESH_HEAD, freshness_rows(r))]
    else:
        out.append("Not measured in this run (add `--freshness --updates DIR --updates-qa FILE`).\n")
    out += ["## Forgetting\n", _md_table(FORGET_HEAD, forgetting_rows(r)),
            "## Retrieval recall vs accuracy\n", img("retrieval", "retrieval recall vs accuracy"),
            "## Paired tests\n", _md_table(PAIRED_HEAD, paired_rows(r)) if r["paired_tests"] else "Only one strategy.\n",
            "## Examples\n"]  # fmt: skip
    for qid in example_ids:
        rows = {p["strategy"]: p for p in run["predictions"] if p["id"] == qid and p.get("phase", "test") == "test"}
        first = next(iter(rows.values()))
        out.append(f"**{first['question']}** ({qid}, {first['type']}); gold: "
                   f"{', '.join(first.get('answers') or []) or '(abstain)'}\n")  # fmt: skip
        for name in names:
            p = rows.get(name)
            if p is None:
                continue
            cites = ", ".join(c["doc_id"] for c in p.get("citations") or [])
            trace = run["traces"].get(p["trace_id"]) or {}
            steps = " → ".join(s.get("kind", "?") for s in trace.get("steps") or [])
            out.append(f"- {'✓' if p['correct'] else '✗'} {name}: {p['prediction'] or '(empty)'}"
                       + (f" [{cites}]" if cites else "") + (f" — trace: {steps}" if steps else ""))  # fmt: skip
        out.append("")
    out += ["## Run\n", _md_table(["what", "value"], _run_rows(r))]
    return "\n".join(out)


def write_report(run: dict[str, Any], examples: int = 4) -> dict[str, Path]:
    root = Path(run["dir"])
    figures = build_figures(run)
    example_ids = pick_examples(run["predictions"], run["results"], examples)
    files: dict[str, str | None] = {}
    for key, png in figures.items():
        if png is None:
            files[key] = None
            continue
        atomic_write(root / "plots" / f"{key}.png", png)
        files[key] = f"plots/{key}.png"
    atomic_write(root / "report.html", render_html(run, figures, example_ids))
    atomic_write(root / "report.md", render_md(run, files, example_ids))
    return {"html": root / "report.html", "md": root / "report.md"}
