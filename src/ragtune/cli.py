"""The `ragtune` command line. Thin: every verb calls `ragtune.api` (which the server calls too).

User mistakes raise `RagtuneError` and print one line (`error: ...` plus a hint) with a
non-zero exit; `--debug` shows tracebacks.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console

from ragtune.errors import RagtuneError

app = typer.Typer(
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
        "Default: the current folder.",
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


def not_yet(verb: str) -> None:
    raise RagtuneError(f"`ragtune {verb}` is not yet available in this version")


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

    try:
        report = api.ingest(
            _project(), folder, collection, prune=prune, strict=strict,
            progress=state.verbose > 0, max_file_mb=max_file_mb, rebuild=rebuild,
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
) -> None:
    """Search the index: the top-k chunks for a query, optionally filtered by metadata."""
    from rich.markup import escape

    from ragtune import api
    from ragtune.index import filters as F

    parsed = [F.parse_cli_filter(f) for f in filters]
    if where:
        parsed.append(F.parse_where(where))
    hits = api.search(_project(), query, k, F.combine(parsed), mode, collection)
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


# ---------------------------------------------------------------- verbs later issues fill in

_LATER = {
    "ask": "Answer one question with a strategy (closed_book, rag, agentic, …@adapter=ID).",
    "finetune": "Fine-tune the generator on the project's corpus (LoRA or full).",
    "adapters": "List, show or merge fine-tuned adapters.",
    "compare": "Run every strategy on the same questions and write a results folder.",
    "report": "Render report.html and report.md from a compare run.",
    "serve": "Serve a strategy over an OpenAI-compatible API with a web page.",
    "demo": "The whole product on a synthetic world: strategies, fine-tuning, arena, report.",
    "keys": "Manage API keys for `ragtune serve`.",
}


def _later(verb: str, doc: str) -> None:
    def command(ctx: typer.Context) -> None:
        not_yet(verb)

    command.__doc__ = doc + " (not yet available in this version)"
    app.command(
        name=verb, context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
    )(command)


for _verb, _doc in _LATER.items():
    _later(_verb, _doc)


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
