"""The `ragtune` command line. Thin: every verb calls `ragtune.api` (which the server calls too).

User mistakes raise `RagtuneError` and print one line (`error: ...` plus a hint) with a
non-zero exit; `--debug` shows tracebacks.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, Optional

STARTED = time.perf_counter()  # before the heavy imports: `--max-minutes` budgets count from here

import typer  # noqa: E402
import typer.core  # noqa: E402
from rich.console import Console  # noqa: E402

from ragtune.errors import RagtuneError  # noqa: E402

# Options of the whole CLI, accepted before or after any verb: `ragtune -p P ingest DOCS`,
# `ragtune ingest DOCS -p P` and `RAGTUNE_PROJECT=P ragtune ingest DOCS` are the same command.
_GLOBAL_FLAGS = ("-q", "--quiet", "-v", "--verbose", "--debug")
_GLOBAL_VALUED = ("-p", "--project")


def hoist_global_options(args: list[str]) -> list[str]:
    """Move the global options found after the verb to the front (before `--` only)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            rest.extend(args[i:])
            break
        if a in _GLOBAL_FLAGS or a.startswith("--project="):
            front.append(a)
        elif a in _GLOBAL_VALUED and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        else:
            rest.append(a)
        i += 1
    return front + rest


class _OneGrammar(typer.core.TyperGroup):
    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201
        return super().parse_args(ctx, hoist_global_options(list(args)))


app = typer.Typer(
    cls=_OneGrammar,
    name="ragtune",
    help=(
        "Fine-tune a model on your documents, give it an (agentic) retrieval pipeline, or both?\n\n"
        "ragtune builds every option over the same corpus, measures them side by side on the "
        "same questions, recommends one and serves it.\n\n"
        "Typical flow: `ragtune ingest DOCS/` -> `ragtune ask \"...\"` -> "
        "`ragtune compare --corpus DOCS/ --qa test.jsonl` -> `ragtune report RUN_DIR` -> "
        "`ragtune serve`. Start with `ragtune demo` to see all of it on a synthetic world."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


class State:
    project: Optional[Path] = None
    verbose: int = 1  # 0 quiet, 1 normal, 2 verbose
    debug: bool = False


state = State()


@app.callback()
def _global(
    project: Optional[Path] = typer.Option(
        None,
        "--project",
        "-p",
        envvar="RAGTUNE_PROJECT",
        help="Project folder: holds ragtune.toml; machine state goes in its .ragtune/. "
        "Default: the current folder. Like -q/-v/--debug, it may also follow the verb.",
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say more."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only results and errors."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
) -> None:
    state.project = project
    state.verbose = 0 if quiet else (2 if verbose else 1)
    state.debug = debug


def _project(overrides: dict[str, Any] | None = None):
    from ragtune.project import Project

    return Project.open(state.project, overrides)


# ---------------------------------------------------------------- config, models, clean


@app.command()
def config(
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Print every effective setting and where it came from (CLI > env > ragtune.toml > default)."""
    from ragtune.config import effective_values

    proj = _project()
    values = effective_values(proj.settings)
    if as_json:
        out.print_json(
            json.dumps({k: {"value": v, "from": proj.origin[k]} for k, v in values.items()})
        )
        return
    from rich.table import Table

    table = Table("setting", "value", "from", title=f"project {proj.root}")
    for key, value in values.items():
        table.add_row(key, repr(value), proj.origin[key])
    out.print(table)


@app.command()
def models(
    generate: bool = typer.Option(
        True, "--generate/--no-generate", help="Load the generator and write one real line."
    ),
) -> None:
    """Show the configured generator and embedder, where they live, and one generated line."""
    from ragtune import api

    info = api.models_info(_project(), generate=generate)
    for key, value in info.items():
        out.print(f"[bold]{key}[/bold]: {value}")


@app.command()
def clean(
    runs: bool = typer.Option(False, "--runs", help="Also delete arena runs (.ragtune/runs)."),
    models_cache: bool = typer.Option(
        False, "--models", help="Also delete converted models in $RAGTUNE_CACHE."
    ),
) -> None:
    """Remove caches (generations, embeddings); optionally runs and converted models."""
    from ragtune import api

    for path in api.clean(_project(), runs=runs, models=models_cache):
        out.print(f"removed {path}")


# ---------------------------------------------------------------- world


@app.command()
def world(
    out_dir: Path = typer.Option(
        ..., "--out", "-o", help="Folder to write (new, empty, or an earlier world)."
    ),
    size: str = typer.Option(
        "small", "--size", help="tiny (tests, <5 s), small (demo, ~100 entities), medium, large."
    ),
    seed: int = typer.Option(0, "--seed", help="Same seed and size -> byte-identical world."),
    paraphrases: Optional[int] = typer.Option(
        None, "--paraphrases", help="Documents stating each fact, 1-3 (default: by size)."
    ),
    check_leak: bool = typer.Option(
        False, "--check-leak",
        help="Also run the closed-book base model on the test split and report what it "
        "already knows (expect ~0-3% without options, ~chance with); writes leak_check.json.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable summary."),
) -> None:
    """Generate a synthetic knowledge world: invented facts, documents, QA with evidence.

    OUT/docs/: the corpus (pages, FAQ records, tables, dated news with superseded facts).
    OUT/updates/: a later batch that changes some facts (for freshness experiments).
    OUT/qa/{train,dev,test,updates}.jsonl: single_hop, reverse, multi_hop, comparison,
    filter, temporal and unanswerable questions; test phrasings never appear in train/dev.
    OUT/world.json: the graph, the config and the seed.
    """
    from ragtune import api

    project = _project() if check_leak else None
    summary = api.world(
        size, seed, out_dir, check_leak=check_leak, project=project, paraphrases=paraphrases
    )
    if as_json:
        print(json.dumps(summary, indent=2, default=str))
        return
    ents = ", ".join(f"{n} {t}" for t, n in summary["entities"].items())
    qs = ", ".join(f"{n} {s}" for s, n in summary["questions"].items())
    out.print(f"world written to {summary['out']}")
    out.print(f"  entities: {ents}")
    out.print(
        f"  documents: {summary['documents']} (+{summary['update_documents']} in updates/)"
    )
    out.print(f"  questions: {qs}")
    per_type = summary["test_by_type"].items()
    out.print("  test questions per type: " + ", ".join(f"{t} {n}" for t, n in per_type))
    leak = summary.get("leak_check")
    if leak:
        o, p = leak["open"], leak["options"]
        out.print(
            f"  leak check ({leak['model']}): {o['correct']}/{o['n']} answerable questions "
            f"without options right ({o['accuracy']:.1%}); options {p['correct']}/{p['n']} "
            f"({p['accuracy']:.1%}, chance {p['chance']:.0%}, forced choice "
            f"{p.get('forced_choice_accuracy', float('nan')):.1%}); details in leak_check.json"
        )
        for f in leak["flagged"][:10]:
            out.print(f"    flagged {f['id']}: {f['question']} -> {f['prediction']!r}")


# ---------------------------------------------------------------- ingest, search


@app.command()
def ingest(
    folder: Path = typer.Argument(..., help="Corpus folder: .md .txt .html .pdf .jsonl .json .csv."),
    collection: Optional[str] = typer.Option(
        None, "--collection", "-c", help="Collection to ingest into (default: index.collection)."
    ),
    prune: bool = typer.Option(
        False, "--prune", help="Also remove documents whose file is gone from FOLDER."
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Exit non-zero when any file was skipped or failed."
    ),
    rebuild: bool = typer.Option(
        False, "--rebuild", help="Delete the whole index first (all collections), then ingest."
    ),
    max_file_mb: Optional[float] = typer.Option(
        None, "--max-file-mb", help="Skip larger files (default: index.max_file_mb, 50)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    store: Optional[str] = typer.Option(
        None, "--store", help="Index store: `qdrant-edge` or a postgresql://… URL (default: index.store)."
    ),
) -> None:
    """Add a folder of documents to the index; re-running only touches what changed.

    New files are added, changed ones re-indexed, unchanged ones left alone; --prune also
    removes documents whose file was deleted. Bad files (binary, empty, not UTF-8, too big,
    broken PDF, malformed JSON lines, unreadable, symlink loops) are skipped and listed with a
    reason; the rest is ingested. Ids: a file's path without extension (`guides/setup`), a
    record `records#<id or line>`. Front matter (YAML) in .md/.txt becomes filterable metadata.
    """
    from ragtune import api
    from ragtune.index.ingest import IngestProblems

    from ragtune.progress import IngestProgress

    try:
        with IngestProgress(console, quiet=state.verbose == 0 or as_json) as bar:
            report = api.ingest(
                _project({"index.store": store}), folder, collection, prune=prune, strict=strict,
                progress=bar, max_file_mb=max_file_mb, rebuild=rebuild,
            )  # fmt: skip
        failure = None
    except IngestProblems as e:
        report, failure = e.report, e
    if as_json:
        print(json.dumps(report.to_dict(), indent=2, default=str))
    else:
        from rich.markup import escape

        out.print(escape(report.summary()), highlight=False)
        for p in report.problems:
            console.print(f"  [yellow]{p.kind}[/yellow] {escape(str(p))}", highlight=False)
        if report.problems:
            console.print(
                f"warning: {len(report.problems)} input problems; the rest was ingested"
                + ("" if strict else " (--strict makes this an error)"),
                highlight=False,
            )
        if state.verbose > 1:
            out.print(f"seconds: {report.seconds}", highlight=False)
    if failure is not None:
        raise failure


@app.command()
def search(
    query: str = typer.Argument(..., help="What to look for."),
    k: int = typer.Option(5, "--k", "-k", min=1, help="How many chunks to return."),
    mode: str = typer.Option("hybrid", "--mode", "-m", help="hybrid (dense + BM25, RRF), dense or bm25."),
    filters: list[str] = typer.Option(
        [], "--filter", "-f",
        help="FIELD OP VALUE with OP in = != > >= < <= ~ (contains); `region=eu,us` means any "
        "of. Repeat to AND, e.g. --filter year>=2024 --filter tag=finance.",
    ),  # fmt: skip
    where: Optional[str] = typer.Option(
        None, "--where", "-w",
        help="A boolean expression: 'year >= 2024 and (tags contains finance or not region in "
        "(eu, us))'. ANDed with --filter. See docs/FILTERS.md.",
    ),  # fmt: skip
    collection: Optional[str] = typer.Option(
        None, "--collection", "-c", help="Collection to search (default: index.collection)."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Machine-readable hits: doc_id, chunk_id, score, text, metadata."
    ),
    store: Optional[str] = typer.Option(
        None, "--store", help="Index store: `qdrant-edge` or a postgresql://… URL (default: index.store)."
    ),
) -> None:
    """Search the index: the top-k chunks for a query, optionally filtered by metadata."""
    from rich.markup import escape

    from ragtune import api
    from ragtune.index import filters as F

    parsed = [F.parse_cli_filter(f) for f in filters]
    if where:
        parsed.append(F.parse_where(where))
    hits = api.search(_project({"index.store": store}), query, k, F.combine(parsed), mode, collection)
    if as_json:
        print(json.dumps([h.to_dict() for h in hits], indent=2, ensure_ascii=False, default=str))
        return
    if not hits:
        console.print("no results (check the collection and filters)")
    for rank, h in enumerate(hits, 1):
        where_in = f" > {h.heading}" if h.heading else ""
        out.print(
            f"[bold]{rank}.[/bold] {escape(h.doc_id)}{escape(where_in)}  "
            f"[dim]{h.score:.4f}  {escape(h.chunk_id)}[/dim]"
        )
        text = " ".join(h.text.split())
        out.print("   " + escape(text[:300] + ("…" if len(text) > 300 else "")), highlight=False)
        if h.metadata:
            meta = ", ".join(f"{key}={value}" for key, value in h.metadata.items())
            out.print(f"   [dim]{escape(meta)}[/dim]", highlight=False)


# ---------------------------------------------------------------- compare, report

_CONSTRAINTS_HELP = "Used by the recommendation (see `ragtune report --help`)."


def _constraint_options(latency_budget_ms, updates_per_month, queries_per_month, budget):  # noqa: ANN001, ANN202
    return {"latency_budget_ms": latency_budget_ms, "updates_per_month": updates_per_month,
            "queries_per_month": queries_per_month, "budget": budget}  # fmt: skip


def _price_table(proj, machine_per_hour, prompt_per_1k, completion_per_1k, currency):  # noqa: ANN001, ANN202
    from ragtune.arena import PriceTable

    base = PriceTable.from_settings(proj.settings) if proj is not None else PriceTable()
    given = {"machine_per_hour": machine_per_hour, "prompt_per_1k_tokens": prompt_per_1k,
             "completion_per_1k_tokens": completion_per_1k, "currency": currency}  # fmt: skip
    if all(v is None for v in given.values()):
        return None if proj is None else base
    merged = {**base.to_dict(), **{k: v for k, v in given.items() if v is not None}}
    return PriceTable.from_dict(merged)


@app.command()
def compare(
    qa: Optional[Path] = typer.Option(
        None, "--qa", help="The test questions (QA JSONL: id, question, answers, optional type/evidence). "
        "Without --train-qa/--dev-qa a seeded 20/20/60 train/dev/test split of this file is made "
        "(ids saved in RUN_DIR/split.json). Omit it to draft questions from --corpus into "
        "RUN_DIR/drafted_qa.jsonl (machine-written, unreviewed; see `ragtune qa`). A file with "
        "review statuses is used through its accepted and edited items."),
    draft_n: int = typer.Option(200, "--draft-n", help="Without --qa: how many questions to draft from --corpus."),
    corpus: Optional[Path] = typer.Option(
        None, "--corpus", help="Corpus folder, ingested incrementally into the project's index first "
        "(unchanged files are skipped). Omit to use what the project already holds."),
    train_qa: Optional[Path] = typer.Option(
        None, "--train-qa", help="Training questions (prompt search, fine-tuning). Never the test set."),
    dev_qa: Optional[Path] = typer.Option(
        None, "--dev-qa", help="Development questions (thresholds, model selection). "
        "With only --train-qa, half of it becomes dev."),
    strategies: str = typer.Option(
        "closed_book,rag,agentic", "--strategies", "-s",
        help="Strategies to compare: `closed_book,rag,agentic`, or specs separated by spaces/`;` "
        "when they carry options: 'rag agentic@program=opt-001 closed_book@adapter=lora-001'."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Answer only the first N test questions."),
    sample_per_type: Optional[int] = typer.Option(
        None, "--sample-per-type", help="A seeded sample of N test questions of every type."),
    seed: int = typer.Option(0, "--seed", help="Seeds the split, the samples and the bootstrap."),
    out_dir: Optional[Path] = typer.Option(
        None, "--out", "-o", help="Run folder (default .ragtune/runs/compare-DATE). Re-running with the "
        "same folder resumes: answered (strategy, question) pairs are skipped."),
    latency_sample: int = typer.Option(
        30, "--latency-sample", help="Questions answered one at a time, warm (after the batched answers or a warm-up call), for p50/p95 "
        "latency (capped at the number of test questions; 0 skips)."),
    batch_size: int = typer.Option(32, "--batch-size", help="Questions answered together (throughput)."),
    freshness: bool = typer.Option(
        False, "--freshness", help="Also measure freshness: answer --updates-qa, ingest --updates "
        "incrementally (timed), answer again; the index is restored afterwards."),
    updates: Optional[Path] = typer.Option(None, "--updates", help="Folder of changed/new documents."),
    updates_qa: Optional[Path] = typer.Option(None, "--updates-qa", help="Questions about the changed facts."),
    forgetting_sample: int = typer.Option(
        30, "--forgetting-sample", help="Test questions re-asked after the update (forgetting check)."),
    freshness_train: float = typer.Option(
        90.0, "--freshness-train",
        help="Seconds of continued training with which a fine-tuned adapter absorbs the updates "
        "(0: report only the full re-training estimate from the adapter's record)."),
    latency_budget_ms: Optional[float] = typer.Option(None, "--latency-budget-ms", help=_CONSTRAINTS_HELP),
    updates_per_month: Optional[float] = typer.Option(None, "--updates-per-month", help=_CONSTRAINTS_HELP),
    queries_per_month: Optional[float] = typer.Option(None, "--queries-per-month", help=_CONSTRAINTS_HELP),
    budget: Optional[float] = typer.Option(None, "--budget", help=_CONSTRAINTS_HELP),
    machine_per_hour: Optional[float] = typer.Option(
        None, "--price-per-hour", help="Your machine price per hour (overrides \\[cost] in ragtune.toml)."),
    prompt_per_1k: Optional[float] = typer.Option(None, "--price-per-1k-prompt", help="Your price per 1k prompt tokens."),
    completion_per_1k: Optional[float] = typer.Option(
        None, "--price-per-1k-completion", help="Your price per 1k completion tokens."),
    currency: Optional[str] = typer.Option(None, "--currency", help="Label for money figures."),
    no_report: bool = typer.Option(False, "--no-report", help="Skip writing report.html/report.md."),
    judge: Optional[str] = typer.Option(
        None, "--judge", help="Also grade the answers with an LLM judge, reported beside exact scoring "
        "(never replacing it): `generator` (the strategies' own model; weak at 135M), a local model "
        "folder or package, or an OpenAI-compatible URL with the model after # "
        "(http://localhost:8000/v1#my-model). Add it to a finished run by re-running with the same --out."),
    as_json: bool = typer.Option(False, "--json", help="Print results.json."),
) -> None:
    """Every strategy answers the same test questions; accuracy, latency, cost and freshness
    side by side, and a recommendation.

    Preparation (e.g. the agentic abstention threshold) sees only train/dev questions, never
    the test set. Answers are batched and scored by the eval core with 95% Wilson
    intervals; pairs of strategies get McNemar (Holm-corrected) and paired-bootstrap tests. Caches are off
    while answering, so latency and throughput are real.

    Writes RUN_DIR/results.json (docs/results.schema.json), predictions.jsonl, traces.jsonl,
    log.jsonl, report.html and report.md. Interrupted? Run the same command again.

    Example: ragtune compare --corpus docs/ --qa qa.jsonl --sample-per-type 10 --out runs/first
    """
    from rich.markup import escape

    from ragtune import api
    from ragtune.progress import CompareProgress

    proj = _project()
    with CompareProgress(console, quiet=state.verbose == 0 or as_json) as say:
        run_dir, results = api.compare(
            proj, qa, corpus, progress=say, train_qa=train_qa, dev_qa=dev_qa, strategies=strategies,
            limit=limit, sample_per_type=sample_per_type, seed=seed, out=out_dir,
            latency_sample=latency_sample, batch_size=batch_size, freshness=freshness, updates=updates,
            updates_qa=updates_qa, forgetting_sample=forgetting_sample, freshness_train_s=freshness_train,
            prices=_price_table(proj, machine_per_hour, prompt_per_1k, completion_per_1k, currency),
            constraints=_constraint_options(latency_budget_ms, updates_per_month, queries_per_month, budget),
            report=not no_report, judge=judge, draft_n=draft_n,
        )  # fmt: skip
    if as_json:
        print(json.dumps(results, indent=2, default=str))
        return
    _print_results(results)
    _print_review_note(results)
    out.print(f"run folder: {escape(str(run_dir))}" + ("" if no_report else f" (report: {escape(str(run_dir / 'report.html'))})"))


def _print_results(results: dict[str, Any]) -> None:
    from rich.markup import escape
    from rich.table import Table

    def pct(x: Any) -> str:
        return "–" if x is None else f"{100 * x:.1f}%"

    table = Table("strategy", "n", "accuracy [95% CI]", "F1", "recall@5", "p95 ms", "q/s", "s per 1k q")
    for name, s in results["strategies"].items():
        lo_hi = s["ci95"].get("accuracy")
        acc = pct(s["metrics"]["accuracy"]) + (f" [{100 * lo_hi[0]:.0f}–{100 * lo_hi[1]:.0f}]" if lo_hi else "")
        p95, qps = s["latency_ms"]["p95"], s["throughput_qps"]
        sec = s["cost"]["per_1k_queries"]["compute_seconds"]
        table.add_row(escape(name), str(s["n"]), acc, pct(s["metrics"]["f1"]),
                      pct(s["metrics"]["retrieval_recall@5"]), "–" if p95 is None else f"{p95:,.0f}",
                      "–" if qps is None else f"{qps:.2f}", "–" if sec is None else f"{sec:,.0f}")  # fmt: skip
    out.print(table)
    for name, s in results["strategies"].items():
        j = s.get("judge")
        if j:
            out.print(f"judge {escape(name)}: {pct(j['accuracy_strict'])} judged correct "
                      f"(exact {pct(s['metrics']['accuracy'])}), {j['n_unparseable']} unparseable, "
                      f"agreement {pct(j['agreement'])}", highlight=False)  # fmt: skip
    for name, f in (results["freshness"].get("strategies") or {}).items():
        b, a = f.get("before"), f.get("after")
        secs = f.get("absorb_seconds")
        out.print(f"freshness {escape(name)}: {f['method']}"
                  + ("" if secs is None else f" in {secs:.1f} s") + f", changed facts {pct(b and b['accuracy'])}"
                  + (f" -> {pct(a['accuracy'])}" if a else ""), highlight=False)  # fmt: skip
    rec = results["recommendation"]
    out.print(f"[bold]recommended: {escape(str(rec['strategy']))}[/bold]")
    out.print(escape(rec["why"]), highlight=False)


def _print_review_note(results: dict[str, Any]) -> None:
    from rich.markup import escape

    review = (results["run"].get("qa") or {}).get("review")
    if not review:
        return
    if review.get("unreviewed"):
        out.print(f"[bold yellow]note:[/bold yellow] the {review['statuses']['draft']} questions were "
                  "machine-drafted and are unreviewed; review them with "
                  f"`{escape(review['review_command'])}`, then compare again with --qa and a new --out")  # fmt: skip
    else:
        out.print(f"questions: {review['reviewed']} reviewed items used; {review['skipped_drafts']} "
                  f"unreviewed drafts and {review['dropped']} dropped items skipped", highlight=False)  # fmt: skip


@app.command()
def report(
    run_dir: Path = typer.Argument(..., help="A `ragtune compare` run folder (holds results.json)."),
    latency_budget_ms: Optional[float] = typer.Option(
        None, "--latency-budget-ms", help="Rule out strategies whose p95 latency (one question at a "
        "time) is above this."),
    updates_per_month: Optional[float] = typer.Option(
        None, "--updates-per-month", help="Update batches a month: each costs a re-ingest (retrieval) "
        "or a re-training (fine-tuned)."),
    queries_per_month: Optional[float] = typer.Option(
        None, "--queries-per-month", help="Queries a month: serving cost, and what training is amortised over."),
    budget: Optional[float] = typer.Option(
        None, "--budget", help="Monthly budget: money with a price table (\\[cost] in ragtune.toml or "
        "--price-*), otherwise compute hours."),
    machine_per_hour: Optional[float] = typer.Option(None, "--price-per-hour", help="Your machine price per hour."),
    prompt_per_1k: Optional[float] = typer.Option(None, "--price-per-1k-prompt", help="Your price per 1k prompt tokens."),
    completion_per_1k: Optional[float] = typer.Option(
        None, "--price-per-1k-completion", help="Your price per 1k completion tokens."),
    currency: Optional[str] = typer.Option(None, "--currency", help="Label for money figures."),
) -> None:
    """Render RUN_DIR/report.html (one self-contained file, plots embedded) and report.md.

    Reads results.json, predictions.jsonl and traces.jsonl only: no model is loaded. Sections:
    recommendation, summary, accuracy by type with 95% CIs, accuracy vs p95 latency, cost per
    1k queries, freshness, forgetting, retrieval recall vs accuracy, paired tests, and example
    questions with every strategy's answer, citations and trace.

    The recommendation drops strategies that break a constraint, picks the most accurate of
    the rest, and, when 95% intervals overlap, says the evidence cannot separate them and
    takes the cheapest. Constraint options here recompute it for the report only
    (results.json keeps the one made at compare time).
    """
    from rich.markup import escape

    from ragtune import api

    prices = _price_table(None, machine_per_hour, prompt_per_1k, completion_per_1k, currency)
    constraints = _constraint_options(latency_budget_ms, updates_per_month, queries_per_month, budget)
    given = {k: v for k, v in constraints.items() if v is not None}
    paths = api.report(run_dir, constraints=given or None, prices=prices)
    out.print(f"wrote {escape(str(paths['html']))} and {escape(str(paths['md']))}")


@app.command()
def ask(
    question: str = typer.Argument(..., help="The question, in quotes."),
    strategy: str = typer.Option(
        "agentic", "--strategy", "-s",
        help="Strategy spec: closed_book | rag | agentic, optionally @adapter=ID and/or "
        "@program=ID (e.g. rag@adapter=raft-001).",
    ),
    trace: bool = typer.Option(False, "--trace", help="Print every step the strategy took."),
    filter_: list[str] = typer.Option(
        [], "--filter", "-f", help="Metadata filter like year>=2024 or tag=finance (repeatable)."
    ),
    collection: Optional[str] = typer.Option(None, "--collection", "-c", help="Collection to search."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole Answer as JSON."),
) -> None:
    """Answer one question from the project's index (or closed-book), with sources.

    Examples:\n
      ragtune ask "Who founded Quellmark Systems?"\n
      ragtune ask "..." --strategy rag --trace\n
      ragtune ask "..." --strategy closed_book@adapter=lora-001
    """
    from ragtune import api
    from ragtune.index.filters import combine, parse_cli_filter

    filters = combine(parse_cli_filter(f) for f in filter_) if filter_ else None
    answer = api.ask(_project(), question, strategy, filters, collection)
    if as_json:
        out.print_json(json.dumps(answer.to_dict(), default=str))
        return
    from rich.markup import escape

    label = "abstained" if answer.abstained else "answer"
    out.print(f"[bold]{label}:[/bold] {escape(answer.text)}")
    for i, c in enumerate(answer.citations, 1):
        out.print(f"  [{i}] {escape(c.doc_id)} ({escape(c.chunk_id)}): {escape(c.quote[:160])}", highlight=False)
    out.print(
        f"[dim]{answer.exit_reason} · {answer.usage.prompt_tokens}+{answer.usage.completion_tokens}"
        f" tokens · {answer.wall_ms:.0f} ms[/dim]"
    )
    if trace:
        for st in answer.trace:
            out.print(f"[cyan]{st.kind}[/cyan] {escape(json.dumps(st.input, default=str)[:200])}"
                      f" -> {escape(json.dumps(st.output, default=str)[:300])}", highlight=False)


# ---------------------------------------------------------------- serve, keys


@app.command()
def serve(
    host: Optional[str] = typer.Option(None, "--host", help="Address to listen on (default: serve.host, 127.0.0.1)."),
    port: Optional[int] = typer.Option(None, "--port", help="Port (default: serve.port, 8000)."),
    model: Optional[str] = typer.Option(
        None, "--model", "--strategy", "-s",
        help="Strategy answered when a request names no model (default: serve.default_model, rag)."),
    open_access: Optional[bool] = typer.Option(
        None, "--open/--keys", help="--open: no API keys, every collection; localhost only."),
    from_run: Optional[Path] = typer.Option(
        None, "--from-run",
        help="Serve the strategy a compare (or demo) run recommends, with its adapter and prompt "
        "program; the run's project is used unless --project is given."),
) -> None:
    """Serve strategies over an OpenAI-compatible API, with a web page at /.

    POST /v1/chat/completions (model = a strategy spec such as `rag` or `agentic@adapter=ID`,
    or the raw generator `smollm2-135m[:ADAPTER_ID]`; conversations; stream: true),
    GET /v1/models, POST /v1/embeddings, POST /v1/query (answer, citations, trace, usage),
    POST/DELETE/GET /v1/documents (upsert/delete while serving: the server owns the index),
    POST /v1/search, GET /v1/chunks/ID, GET /healthz, GET /metrics (Prometheus).

    Every request needs `Authorization: Bearer KEY` (`ragtune keys add NAME --collection C`);
    a key only ever sees its own collections. Limits, queue and rate: [serve] in ragtune.toml.

    Example: ragtune keys add team-a --collection default && ragtune serve --port 8000
    Or serve what the demo recommended: ragtune serve --from-run ragtune-demo/run --open
    """
    from ragtune import api
    from ragtune.errors import InputError

    if from_run is not None:
        if model is not None:
            raise InputError("give --model or --from-run, not both",
                             "--from-run serves the run's recommended strategy")  # fmt: skip
        choice = api.run_choice(from_run)
        if state.project is None and choice["project"] and Path(choice["project"]).is_dir():
            state.project = Path(choice["project"])
        model = choice["strategy"]
        acc = choice["accuracy"]
        console.print(f"serving {model}, recommended by {from_run}"
                      + (f" ({acc:.0%} accuracy there)" if acc is not None else "")
                      + f"; project {Path(state.project or '.').resolve()}", highlight=False)  # fmt: skip
    api.serve(_project(), host=host, port=port, default_model=model, open_access=open_access,
              say=lambda msg: console.print(msg, highlight=False))  # fmt: skip


keys_app = typer.Typer(help="Manage API keys for `ragtune serve` (stored hashed in .ragtune/keys.json).",
                       no_args_is_help=True)  # fmt: skip
app.add_typer(keys_app, name="keys")


@keys_app.command("add")
def keys_add(
    name: str = typer.Argument(..., help="A name for the key's holder, e.g. team-a."),
    collections: list[str] = typer.Option(
        [], "--collection", "-c", help="Collection the key may read and write (repeatable; "
        "default: index.collection). Its first one is used when a request names none."),
) -> None:
    """Make a key and print it once (only its hash is stored)."""
    from ragtune.serve.keys import KeyStore

    proj = _project()
    key, record = KeyStore.of(proj).add(name, collections or [proj.settings.index.collection])
    print(key)
    console.print(f"key {record.id} for {record.name}: collections {', '.join(record.collections)} "
                  "(shown once; store it now)", highlight=False)  # fmt: skip


@keys_app.command("list")
def keys_list(
    revoked: bool = typer.Option(False, "--revoked", help="Also show revoked keys."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Show keys (name, id, prefix, collections, created); never the keys themselves."""
    from ragtune.serve.keys import KeyStore

    records = KeyStore.of(_project()).list(include_revoked=revoked)
    if as_json:
        print(json.dumps([r.public() for r in records], indent=2))
        return
    if not records:
        console.print("no keys (`ragtune keys add NAME --collection C` makes one)")
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table("name", "id", "key starts", "collections", "created", "revoked")
    for r in records:
        table.add_row(escape(r.name), r.id, r.prefix + "…", escape(", ".join(r.collections)),
                      r.created, r.revoked or "")  # fmt: skip
    out.print(table)


@keys_app.command("revoke")
def keys_revoke(name: str = typer.Argument(..., help="The key's name or id.")) -> None:
    """Revoke a key: a running server refuses it from its next request."""
    from ragtune.serve.keys import KeyStore

    record = KeyStore.of(_project()).revoke(name)
    out.print(f"revoked {record.id} ({record.name})", highlight=False)


# ---------------------------------------------------------------- finetune, adapters


@app.command()
def finetune(
    method: str = typer.Option("lora", "--method", help="lora (an adapter) or full (a whole model)."),
    task: str = typer.Option(
        "closed_book", "--task",
        help="closed_book (answer from memory), raft (answer from retrieved sources, for "
        "rag@adapter=ID) or both.",
    ),
    corpus: Optional[Path] = typer.Option(
        None, "--corpus", help="Read this folder instead of the project's index."
    ),
    collection: Optional[str] = typer.Option(None, "--collection", help="Index collection."),
    train_qa: Optional[Path] = typer.Option(None, "--train-qa", help="QA JSONL pairs to add."),
    dev_qa: Optional[Path] = typer.Option(
        None, "--dev-qa", help="QA JSONL for dev evaluation (default: held-out phrasings)."
    ),
    exclude_qa: Optional[Path] = typer.Option(
        None, "--exclude-qa", help="QA JSONL (the test set) that training must not resemble."
    ),
    max_minutes: float = typer.Option(
        0.0, "--max-minutes",
        help="Budget for the whole job (data, model load, training, evaluations, probes); the "
        "run ends within it with its best weights, and a short budget uses fewer forgetting-probe "
        "items and dev questions (about a tenth of it each). 0 = no limit.",
    ),
    train_minutes: float = typer.Option(
        0.0, "--train-minutes", help="Budget for the training loop alone (evaluations included)."
    ),
    max_steps: int = typer.Option(0, "--max-steps", help="Stop after this many steps."),
    epochs: float = typer.Option(40.0, "--epochs", help="Stop after this many epochs."),
    rank: int = typer.Option(16, "--rank", help="LoRA rank."),
    alpha: int = typer.Option(32, "--alpha", help="LoRA alpha."),
    dropout: float = typer.Option(0.0, "--dropout", help="LoRA dropout."),
    lr: float = typer.Option(0.0, "--lr", help="Learning rate (0 = 2e-3 LoRA, 1e-4 full)."),
    schedule: str = typer.Option("cosine", "--schedule", help="cosine, linear or constant."),
    batch_rows: int = typer.Option(4, "--batch-rows", help="Packed rows per micro-batch."),
    row_tokens: int = typer.Option(512, "--row-tokens", help="Tokens per packed row."),
    grad_accum: int = typer.Option(1, "--grad-accum", help="Micro-batches per step."),
    eval_every: float = typer.Option(
        0.0, "--eval-every", help="Dev evaluation every N minutes (0: at 5, 10, 20, 30, +10...)."
    ),
    dev_size: int = typer.Option(
        40, "--dev-size", help="Dev questions evaluated (held out from the data without --dev-qa)."
    ),
    eval_every_steps: int = typer.Option(0, "--eval-every-steps", help="...or every N steps."),
    checkpoint_every: float = typer.Option(2.0, "--checkpoint-every", help="Minutes."),
    checkpoint_every_steps: int = typer.Option(0, "--checkpoint-every-steps", help="...or steps."),
    patience: int = typer.Option(3, "--patience", help="Evaluations without improvement."),
    dtype: str = typer.Option("auto", "--dtype", help="auto, bfloat16 or float32."),
    seed: int = typer.Option(0, "--seed"),
    text: bool = typer.Option(
        False, "--text/--no-text",
        help="Also whole chunks as pretraining text (long examples: fewer exposures per fact).",
    ),
    statements: bool = typer.Option(
        False, "--statements/--no-statements",
        help="Also each fact's sentence alone as a short text example (more tokens per epoch; "
             "off by default: RESULTS.md, issue 20).",
    ),
    shuffled: bool = typer.Option(
        False, "--shuffled-text/--no-shuffled-text",
        help="Also a copy of each chunk with its sentences reordered (paraphrase augmentation).",
    ),
    llm_questions: int = typer.Option(
        0, "--llm-questions", help="Extra questions per fact written by the generator."
    ),
    forgetting: bool = typer.Option(True, "--forgetting/--no-forgetting", help="Run the probe."),
    resume: bool = typer.Option(False, "--resume", help="Continue an unfinished run."),
    run_id: Optional[str] = typer.Option(None, "--id", help="Which run --resume continues."),
    from_adapter: Optional[str] = typer.Option(
        None, "--from-adapter",
        help="Continue training this LoRA adapter (e.g. on a folder of updated documents given "
        "with --corpus); registered as a new adapter.",
    ),
    data_only: bool = typer.Option(False, "--data-only", help="Show the training data; no training."),
    data_out: Optional[Path] = typer.Option(None, "--data-out", help="With --data-only: write it."),
    as_json: bool = typer.Option(False, "--json", help="Print the record as JSON."),
) -> None:
    """Fine-tune the generator on the project's corpus (LoRA or full) and register it."""
    from ragtune import api
    from ragtune.finetune import DataOptions, FinetuneOptions, TrainConfig

    opts = FinetuneOptions(
        method=method, task=task, corpus=str(corpus) if corpus else None, collection=collection,
        train_qa=str(train_qa) if train_qa else None, dev_qa=str(dev_qa) if dev_qa else None,
        exclude_qa=str(exclude_qa) if exclude_qa else None,
        resume=(run_id or True) if resume else None, data_only=data_only, forgetting=forgetting,
        max_minutes=max_minutes, started=STARTED,
        dev_limit=dev_size, init_adapter=from_adapter,
        data=DataOptions(text=text, shuffled_text=text and shuffled, statements=statements,
                         llm_questions=llm_questions,
                         seed=seed, dev_holdout=dev_size),
        train=TrainConfig(
            method=method, rank=rank, alpha=alpha, dropout=dropout, lr=lr, schedule=schedule,
            batch_rows=batch_rows, row_tokens=row_tokens, grad_accum=grad_accum,
            max_epochs=epochs, max_steps=max_steps, max_minutes=train_minutes,
            eval_every_minutes=eval_every, eval_every_steps=eval_every_steps,
            checkpoint_every_minutes=checkpoint_every,
            checkpoint_every_steps=checkpoint_every_steps, patience=patience, dtype=dtype,
            seed=seed,
        ),
    )
    from ragtune.finetune.progress import RichProgress

    with RichProgress(console, quiet=state.verbose == 0 or as_json, warn=state.verbose > 0) as progress:
        result = api.finetune(_project(), opts, progress=progress)
    if data_only:
        if data_out:
            from ragtune.finetune.data import save_examples

            save_examples(data_out, result.pop("_examples"))
        result.pop("_examples", None)
        out.print_json(json.dumps(result, default=str))
        return
    if as_json:
        out.print_json(json.dumps(result, default=str))
        return
    from ragtune.finetune.progress import summary

    out.print(summary(result), highlight=False)


adapters_app = typer.Typer(help="List, show or merge fine-tuned adapters.", no_args_is_help=True)
app.add_typer(adapters_app, name="adapters")


@adapters_app.command("list")
def adapters_list(as_json: bool = typer.Option(False, "--json")) -> None:
    """Registered adapters with their method, dev accuracy, training time and size."""
    from ragtune import api

    rows = api.adapters(_project(), "list")
    if as_json:
        out.print_json(json.dumps(rows, default=str))
        return
    if not rows:
        out.print("no adapters yet: `ragtune finetune` trains one")
        return
    from rich.table import Table

    table = Table("id", "method", "task", "dev acc (base -> tuned)", "steps", "train min", "MB",
                  "created")
    for r in rows:
        table.add_row(*[str(r[k]) for k in ("id", "method", "task", "dev", "steps", "minutes",
                                             "size_mb", "created")])
    out.print(table)


@adapters_app.command("show")
def adapters_show(adapter_id: str = typer.Argument(..., metavar="ID")) -> None:
    """The adapter's full record (hyper-parameters, metrics, learning curve, forgetting)."""
    from ragtune import api

    out.print_json(json.dumps(api.adapters(_project(), "show", adapter_id), default=str))


@adapters_app.command("merge")
def adapters_merge(
    adapter_id: str = typer.Argument(..., metavar="ID"),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Default: the adapter's merged/."),
) -> None:
    """Write base model + adapter as one safetensors model folder."""
    from ragtune import api

    path = api.adapters(_project(), "merge", adapter_id, out=out_dir)
    out.print(f"merged model written to {path}")


# ---------------------------------------------------------------- qa: drafted evaluation sets


class _DefaultDraft(typer.core.TyperGroup):
    """`ragtune qa DOCS/ ...` means `ragtune qa draft DOCS/ ...` (review is `ragtune qa review`)."""

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["draft", *args]
        return super().parse_args(ctx, args)


qa_app = typer.Typer(
    cls=_DefaultDraft, no_args_is_help=True,
    help="Draft an evaluation set from your documents (`ragtune qa DOCS/ --out qa.jsonl`), then "
    "review it (`ragtune qa review qa.jsonl`) before `ragtune compare --qa qa.jsonl` trusts it.",
)  # fmt: skip
app.add_typer(qa_app, name="qa")


@qa_app.command("draft")
def qa_draft(
    docs: Path = typer.Argument(..., help="Corpus folder (ingested into the project's index first, incrementally)."),
    out_file: Path = typer.Option(..., "--out", "-o", help="QA JSONL to write (refused if it exists, unless --force)."),
    n: int = typer.Option(200, "--n", "-n", min=1, help="Items to draft (fewer when the corpus allows fewer)."),
    types: str = typer.Option(
        "single_hop,reverse,multi_hop,comparison,unanswerable", "--types", "-t",
        help="Question types, comma-separated. single_hop / reverse: lookups in sentences, table "
        "rows, fields and front matter; multi_hop: two documents that share an entity; comparison: "
        "two records with a date, version or number (with `options`); unanswerable: an answerable "
        "shape about a name or field the corpus does not hold (checked against the index)."),
    seed: int = typer.Option(0, "--seed", help="Same corpus and seed -> the same set."),
    k: int = typer.Option(5, "--k", min=1, help="Retrieval check: the evidence must be in the top k of a search for the question."),
    rewrite_share: Optional[float] = typer.Option(
        None, "--rewrite-share", help="Share of lookups the generator rephrases (kept only if they "
        "pass the checks). Default 0.25 when model.generator is an HTTP server, 0 with a local model."),
    collection: Optional[str] = typer.Option(None, "--collection", "-c", help="Index collection (default: index.collection)."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it exists (its reviews are lost)."),
    as_json: bool = typer.Option(False, "--json", help="Print the drafting counts as JSON."),
) -> None:
    """Draft questions with gold answers and evidence from any corpus, every one checked.

    Each item carries `evidence` (document ids), `source` (the sentence or row it came from)
    and `status: draft`. Checks: the answer occurs in its evidence and not in the question, no
    other passage could answer it differently, no duplicates, and a search for the question
    finds its evidence in the top k. Review before trusting it: `ragtune qa review FILE`.

    Example: ragtune qa docs/ --out qa.jsonl --n 200 && ragtune qa review qa.jsonl
    """
    from rich.markup import escape

    from ragtune import api
    from ragtune.drafting.progress import DraftProgress

    with DraftProgress(console, quiet=state.verbose == 0 or as_json) as progress:
        stats = api.draft_qa(_project(), docs, out_file, n=n, types=types, seed=seed, k=k,
                             rewrite_share=rewrite_share, collection=collection, progress=progress,
                             force=force)  # fmt: skip
    if as_json:
        print(json.dumps(stats, indent=2, default=str))
        return
    by_type = ", ".join(f"{v} {t}" for t, v in stats["by_type"].items())
    out.print(f"drafted {stats['n']} items ({by_type}) from {stats['documents']} documents "
              f"in {stats['seconds']:.1f} s -> {escape(str(out_file))}", highlight=False)  # fmt: skip
    if stats["n"] < stats["requested"]:
        out.print(f"  the corpus gave {stats['n']} checked items of the {stats['requested']} asked for",
                  highlight=False)  # fmt: skip
    failed = stats.get("failed_checks") or {}
    if failed and state.verbose > 0:
        console.print("  left out: " + ", ".join(f"{v} {k}" for k, v in failed.items())
                      + f", {stats.get('ambiguous_dropped', 0)} with two possible answers", highlight=False)
    out.print(f"machine-drafted and unreviewed: review with `ragtune qa review {escape(str(out_file))}`",
              highlight=False)  # fmt: skip


def _review_loop(path: Path, show_all: bool) -> dict[str, int]:
    """Accept / edit / drop each pending item on the terminal; every decision is saved at once."""
    from rich.markup import escape
    from rich.prompt import Prompt

    from ragtune.drafting.review import ReviewFile, apply_review

    f = ReviewFile.load(path)
    todo = f.items if show_all else f.pending()
    out.print(f"{len(todo)} items to review in {escape(str(path))}: " + escape("[a]ccept, [e]dit, [d]rop, "
              "[s]kip, [q]uit") + " (every decision is saved at once)", highlight=False)  # fmt: skip
    for i, obj in enumerate(todo, 1):
        out.print(f"\n[bold]{i}/{len(todo)} {escape(obj['id'])}[/bold] ({escape(obj.get('type', ''))}, "
                  f"{escape(obj.get('status', 'draft'))})", highlight=False)  # fmt: skip
        out.print(f"  question: {escape(obj['question'])}", highlight=False)
        answers = " | ".join(obj["answers"]) or "(unanswerable: the right output is an abstention)"
        out.print(f"  answers:  {escape(answers)}", highlight=False)
        if obj.get("options"):
            out.print(f"  options:  {escape(' | '.join(obj['options']))}", highlight=False)
        label = "modelled on" if obj.get("type") == "unanswerable" else "source"
        for src in obj.get("sources") or ([obj["source"]] if obj.get("source") else []):
            out.print(f"  {label}:   {escape(src)}", highlight=False)
        if obj.get("made_up_name"):
            out.print(f"  made-up name: {escape(obj['made_up_name'])} (in no document)", highlight=False)
        if obj.get("evidence"):
            out.print(f"  evidence: {escape(', '.join(obj['evidence']))}", highlight=False)
        choice = Prompt.ask("  decision", choices=["a", "e", "d", "s", "q"], default="s", console=out)
        if choice == "q":
            break
        if choice == "a":
            apply_review(path, accept=[obj["id"]])
        elif choice == "d":
            apply_review(path, drop=[obj["id"]])
        elif choice == "e":
            q = Prompt.ask("  question", default=obj["question"], console=out)
            a = Prompt.ask("  answers (separate with |, empty = unanswerable)",
                           default=" | ".join(obj["answers"]), console=out)  # fmt: skip
            apply_review(path, edits={obj["id"]: {"question": q, "answers": [x for x in a.split("|")]}})
    return ReviewFile.load(path).counts()


@qa_app.command("review")
def qa_review(
    file: Path = typer.Argument(..., help="A QA JSONL file written by `ragtune qa` (or any QA file)."),
    accept: list[str] = typer.Option([], "--accept", help="Accept item ID (repeatable); no prompts."),
    drop: list[str] = typer.Option([], "--drop", help="Drop item ID (repeatable); no prompts."),
    edit: Optional[str] = typer.Option(None, "--edit", help="Edit item ID with --question and/or --answers."),
    question: Optional[str] = typer.Option(None, "--question", help="With --edit: the new question."),
    answers: Optional[str] = typer.Option(
        None, "--answers", help="With --edit: acceptable answers separated by `|` (empty: unanswerable)."),
    reset: list[str] = typer.Option([], "--reset", help="Put item ID back to draft (repeatable)."),
    accept_all: bool = typer.Option(False, "--accept-all", help="Accept every remaining draft."),
    show_all: bool = typer.Option(False, "--all", help="Interactive: also revisit reviewed items."),
) -> None:
    """Accept, edit or drop drafted items; the file keeps each item's `status`.

    Without flags: one item at a time on the terminal (question, answers, source sentence,
    evidence), every decision saved at once (atomic writes; quit and resume any time).
    `ragtune compare --qa FILE` then uses the accepted and edited items and says how many
    drafts it skipped.

    Example: ragtune qa review qa.jsonl --accept qa-0001 --drop qa-0002 --edit qa-0003 --answers "1987"
    """
    from ragtune import api
    from ragtune.drafting.review import ReviewFile
    from ragtune.errors import InputError

    edits = {}
    if (question is not None or answers is not None) and edit is None:
        raise InputError("--question/--answers need --edit ID")
    if edit is not None:
        if question is None and answers is None:
            raise InputError("--edit needs --question and/or --answers")
        edits[edit] = {"question": question,
                       "answers": None if answers is None else [a for a in answers.split("|")]}
    if accept_all:
        accept = [*accept, *(o["id"] for o in ReviewFile.load(file).pending()
                             if o["id"] not in drop and o["id"] not in edits)]
    if accept or drop or edits or reset:
        counts = api.review_qa(file, accept=accept, drop=drop, edits=edits, reset=reset)
    else:
        if not sys.stdin.isatty() and state.verbose >= 0 and not _interactive_ok():
            raise InputError("no terminal to review on",
                             "use --accept/--drop/--edit ID, or run in a terminal")  # fmt: skip
        counts = _review_loop(file, show_all)
    out.print(", ".join(f"{v} {k}" for k, v in counts.items()), highlight=False)


def _interactive_ok() -> bool:
    """Prompts on a pipe are allowed when RAGTUNE_REVIEW_PIPE=1 (scripted reviews, tests)."""
    import os

    return os.environ.get("RAGTUNE_REVIEW_PIPE") == "1"


@app.command()
def demo(
    quick: bool = typer.Option(False, "--quick", help="Tiny world, 2 questions per type, a 36-second fine-tune: every path, in about 3 minutes (the CI end-to-end test)."),
    full: bool = typer.Option(False, "--full", help="Every test question of the small world (slower)."),
    out_dir: Path = typer.Option(Path("ragtune-demo"), "--out", "-o", help="Where the world, project, run and report go."),
    train_minutes: Optional[float] = typer.Option(None, "--train-minutes", help="Fine-tuning budget in minutes (default 4; --quick 0.6)."),
    finetune: bool = typer.Option(True, "--finetune/--no-finetune", help="Include the fine-tuned strategies."),
    seed: int = typer.Option(0, "--seed", help="World and sampling seed."),
) -> None:
    """The whole product on a synthetic world of fictional facts, end to end.

    Generates the world, ingests it, fine-tunes once (serving `closed_book@adapter` and
    `rag@adapter`), compares every strategy on a stratified sample (15 test questions per
    type), measures freshness and forgetting, writes the report and prints a summary.
    Re-running reuses the world, index, adapter and answered questions.
    """
    from ragtune.demo import DemoOptions, run_demo, summary_lines
    from ragtune.errors import InputError

    if quick and full:
        raise InputError("choose one of --quick and --full")
    mode = "quick" if quick else ("full" if full else "default")
    opts = DemoOptions(out=out_dir, mode=mode, seed=seed, train_minutes=train_minutes, finetune=finetune)
    result = run_demo(opts, log=(lambda m: console.print(m, highlight=False)) if state.verbose else (lambda m: None))
    for line in summary_lines(result):
        out.print(line, highlight=False)


def main() -> None:
    try:
        app()
    except RagtuneError as e:
        if state.debug:
            raise
        from rich.markup import escape

        console.print(f"[red]error:[/red] {escape(e.message)}", highlight=False)
        if e.hint:
            console.print(f"  hint: {escape(e.hint)}", highlight=False)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        console.print("interrupted; finished work is saved, re-run to resume")
        sys.exit(130)


if __name__ == "__main__":
    main()
