"""The Python API: what the CLI and the server call. Each function takes a `Project`.

    from ragtune.project import Project
    from ragtune import api
    proj = Project.open("my-project")
    api.ingest(proj, "docs/")
    print(api.ask(proj, "Who founded Quellmark?", strategy="agentic").text)
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ragtune.config import cache_root
from ragtune.project import Project


def models_info(project: Project, generate: bool = True) -> dict[str, Any]:
    """What is configured, where it lives, and (optionally) one real generated line."""
    from ragtune.models.locate import (
        is_url,
        resolve_embedder_dir,
        resolve_generator_dir,
    )

    s = project.settings
    info: dict[str, Any] = {"generator": s.model.generator}
    if is_url(s.model.generator):
        info["generator location"] = f"HTTP server {s.model.generator}"
    else:
        path, model_hash = resolve_generator_dir(s.model.generator)
        info["generator location"] = str(path)
        info["generator hash"] = model_hash[:16]
        from ragtune.models import fast_backend

        fast = fast_backend(s.model)
        info["backend"] = "ctranslate2 int8" if fast else f"torch {s.model.dtype}"
        info["dtype / device"] = f"{'int8' if fast else s.model.dtype} / {s.model.device}"
    info["embedder"] = s.embedder.model
    if not is_url(s.embedder.model):
        info["embedder location"] = str(resolve_embedder_dir(s.embedder.model)[0])
    if generate:
        from ragtune.models import project_pool

        gen = project_pool(project).generator()
        g = gen.generate(["In one sentence, what is retrieval-augmented generation?"],
                         max_new_tokens=32)[0]
        info["sample"] = g.text
        info["sample tokens"] = f"{g.prompt_tokens} prompt + {g.completion_tokens} completion"
    return info


def clean(project: Project, runs: bool = False, models: bool = False) -> list[Path]:
    """Delete caches (and optionally runs and converted models). Returns what was removed."""
    targets = [project.state / "cache"]
    if runs:
        targets.append(project.state / "runs")
    if models:
        targets.append(cache_root() / "models")
    removed = []
    for t in targets:
        if t.exists():
            shutil.rmtree(t)
            removed.append(t)
    return removed


def world(
    size: str,
    seed: int,
    out: str | Path,
    check_leak: bool = False,
    project: Project | None = None,
    paraphrases: int | None = None,
) -> dict[str, Any]:
    """Generate a synthetic knowledge world into `out` (see ragtune.world.generate).

    With `check_leak`, also run the project's closed-book generator on the test split and
    write `out/leak_check.json`; the summary gets a `leak_check` entry.
    """
    from ragtune.project import atomic_write_json
    from ragtune.world import generate_world

    summary = generate_world(size, seed, out, paraphrases=paraphrases)
    if check_leak:
        from ragtune.models import project_pool
        from ragtune.world.leak import check_leak as run_leak_check

        project = project or Project.open()
        report = run_leak_check(out, project_pool(project).generator())
        report["world"] = {"size": size, "seed": seed}
        report["generator"] = project.settings.model.generator  # `model` is its content hash
        atomic_write_json(Path(out) / "leak_check.json", report)
        summary["leak_check"] = report
    return summary


def ingest(
    project: Project,
    folder: str | Path,
    collection: str | None = None,
    prune: bool = False,
    strict: bool = False,
    progress: Any = True,
    max_file_mb: float | None = None,
    rebuild: bool = False,
):  # noqa: ANN201 (ragtune.index.IngestReport)
    """Ingest a corpus folder into the project's index (incremental; see ragtune.index.ingest).

    Bad files are skipped and listed in the report. `strict` raises IngestProblems (carrying
    the report) when there were any. `progress`: True draws a bar on stderr, or a callable
    `(done, total, path)`. `rebuild` deletes the index first.
    """
    from ragtune.index import open_index, remove_index
    from ragtune.index.ingest import IngestProblems

    if rebuild:
        remove_index(project)
    with open_index(project) as index, _progress_bar(progress) as callback:
        report = index.ingest(folder, collection, prune, callback, max_file_mb)
    if strict and report.problems:
        raise IngestProblems(report)
    return report


def search(
    project: Project,
    query: str,
    k: int = 5,
    filters: dict | list | None = None,
    mode: str = "hybrid",
    collection: str | None = None,
):  # noqa: ANN201 (list[ragtune.types.Hit])
    """Top-k chunks for a query (dense, bm25 or hybrid), filtered (docs/FILTERS.md)."""
    from ragtune.index import open_index

    with open_index(project) as index:
        return index.search(query, k, filters, mode, collection)


class _progress_bar:
    """A rich progress bar on stderr for ingest (only on a terminal), or a given callback."""

    def __init__(self, progress: Any):
        self.given = progress if callable(progress) else None
        self.enabled = progress is True
        self.bar: Any = None

    def __enter__(self):  # noqa: ANN204
        if self.given:
            return self.given
        import sys

        if not self.enabled or not sys.stderr.isatty():
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            transient=True,
        )  # fmt: skip
        self.bar.start()
        task = self.bar.add_task("", total=None)

        def update(done: int, total: int, path: str) -> None:
            self.bar.update(task, completed=done, total=total, description=path[-60:])

        return update

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.stop()


def compare(project: Project, qa: str | Path | None, corpus: str | Path | None = None, progress: Any = None,
            **options: Any) -> tuple[Path, dict[str, Any]]:  # fmt: skip
    """Run every strategy on the same test questions (see ragtune.arena.runner).

    `options` are CompareOptions fields: train_qa, dev_qa, strategies, limit, sample_per_type,
    seed, out, latency_sample, batch_size, freshness, updates, updates_qa, forgetting_sample,
    freshness_train_s,
    prices (a PriceTable), constraints ({latency_budget_ms, updates_per_month,
    queries_per_month, budget}), report (default True: also write report.html and report.md),
    draft_n. `qa` None drafts a QA set from `corpus` into the run folder (machine-written,
    unreviewed). Returns (run folder, results.json as a dict)."""
    from ragtune.arena import CompareOptions, run_compare
    from ragtune.report import render_report

    paths = {k: Path(v) if v is not None else None for k, v in options.items()
             if k in ("train_qa", "dev_qa", "out", "updates", "updates_qa")}  # fmt: skip
    opts = CompareOptions(qa=Path(qa) if qa is not None else None, corpus=Path(corpus) if corpus else None,
                          **{**options, **paths})
    run_dir, results = run_compare(project, opts, progress)
    if opts.report:
        render_report(run_dir)
    return run_dir, results


def report(run_dir: str | Path, constraints: dict[str, Any] | None = None, prices: Any = None) -> dict[str, Path]:
    """Render RUN_DIR/report.html and report.md from a compare run (no models are loaded)."""
    from ragtune.report import render_report

    return render_report(run_dir, constraints=constraints, prices=prices)


def strategy(project: Project, spec: str, index: Any = None, collection: str | None = None):  # noqa: ANN201
    """Build a strategy (`closed_book`, `rag`, `agentic`, `...@adapter=ID`, `...@program=ID`)
    on the process's shared model pool."""
    from ragtune.models import project_pool
    from ragtune.strategies import build_strategy

    return build_strategy(spec, project, project_pool(project).generator(), index=index, collection=collection)


def ask(
    project: Project,
    question: str,
    strategy_spec: str = "agentic",
    filters: dict | list | None = None,
    collection: str | None = None,
):  # noqa: ANN201 (ragtune.types.Answer)
    """Answer one question with a strategy; the Answer carries citations, hits and the trace."""
    from ragtune.errors import InputError
    from ragtune.strategies import parse_spec

    if not question.strip():
        raise InputError("the question is empty")
    spec = parse_spec(strategy_spec)
    if not spec.retrieves:
        return strategy(project, strategy_spec).answer(question)
    from ragtune.index import open_index

    with open_index(project) as index:
        return strategy(project, strategy_spec, index, collection).answer(question, filters)


def optimize_program(
    project: Project,
    train_qa: str | Path,
    dev_qa: str | Path,
    candidates: int = 8,
    seed: int = 0,
    log: Any = print,
):  # noqa: ANN201 (ragtune.strategies.PromptProgram)
    """Search prompt programs for `rag` on dev (successive halving) and save the winner; use it
    as `rag@program=<id>`. Reads train and dev only."""
    from ragtune.eval.qa import load_qa
    from ragtune.index import open_index
    from ragtune.models import project_pool
    from ragtune.strategies.rag import Rag
    from ragtune.strategies.search import search_program
    from ragtune.strategies.spec import StrategySpec

    train, dev = load_qa(train_qa), load_qa(dev_qa)
    gen = project_pool(project).generator()
    with open_index(project) as index:
        def make(program):  # noqa: ANN001, ANN202
            return Rag(StrategySpec("rag"), project, gen, index=index, program=program)

        return search_program(project, make, index, train, dev, candidates=candidates, seed=seed, log=log)


def create_app(project: Project, index: Any = None, **options: Any):  # noqa: ANN201 (fastapi.FastAPI)
    """The `ragtune serve` app (OpenAI-compatible API, keys, tenants, web page) for this
    project; `options` override [serve] settings (open_access, default_model, rate_per_minute,
    ...). Pass `index` when this process already holds the project's index open."""
    from ragtune.serve import create_app as make

    return make(project, index=index, **options)


def serve(
    project: Project,
    host: str | None = None,
    port: int | None = None,
    default_model: str | None = None,
    open_access: bool | None = None,
    say: Any = print,
) -> None:
    """Run `ragtune serve` until interrupted. Needs at least one API key unless `open_access`
    (only on a loopback host). `default_model`: the strategy spec for requests naming none."""
    from ragtune.serve import run_server

    run_server(project, host=host, port=port, open_access=open_access,
               default_model=default_model, say=say)  # fmt: skip


def run_choice(run_dir: str | Path) -> dict[str, Any]:
    """The strategy a compare run recommends, loadable for serving: {strategy, accuracy, why,
    project}. Raises InputError when there is nothing to serve (see ragtune.arena.choice)."""
    from ragtune.arena.choice import run_choice as read_choice

    return read_choice(run_dir)


def finetune(project: Project, options: Any = None, progress: Any = None, stop: Any = None) -> dict[str, Any]:
    """Train (or resume, or with `data_only` preview the data of) a fine-tune; returns its
    record. `options`: `ragtune.finetune.FinetuneOptions`. See docs/FINETUNE.md."""
    from ragtune.finetune.run import FinetuneOptions, run_finetune

    return run_finetune(project, options or FinetuneOptions(), progress=progress, stop=stop)


def adapters(project: Project, action: str = "list", adapter_id: str | None = None,
             out: str | Path | None = None) -> Any:
    """`list` (summaries), `show` (one record) or `merge` (writes merged safetensors; returns
    the folder) for the project's fine-tuned adapters."""
    from ragtune.errors import InputError
    from ragtune.models import adapters as registry

    if action == "list":
        rows = []
        for a in registry.list_adapters(project):
            m = a.record.get("metrics", {})
            base, tuned = m.get("dev_accuracy_base"), m.get("dev_accuracy")
            fmt = lambda x: "-" if x is None else f"{x:.3f}"  # noqa: E731
            rows.append({
                "id": a.id, "method": a.method, "task": a.record.get("task"),
                "dev": f"{fmt(base)} -> {fmt(tuned)}", "dev_accuracy": tuned,
                "steps": a.record.get("steps"),
                "minutes": round((a.record.get("train_wall_s") or 0) / 60, 1),
                "size_mb": a.record.get("size_mb"), "created": a.record.get("created_at"),
            })
        return rows
    if action in ("show", "merge") and not adapter_id:
        raise InputError(f"`adapters {action}` needs an adapter ID", "`ragtune adapters list`")
    if action == "show":
        return registry.get_adapter(project, adapter_id).record  # type: ignore[arg-type]
    if action == "merge":
        return registry.merge(project, adapter_id, Path(out) if out else None)  # type: ignore[arg-type]
    raise InputError(f"unknown adapters action {action!r}", "use list, show or merge")


# ---------------------------------------------------------------- drafted QA sets (issue 16)


def draft_qa(project: Project, docs: str | Path, out: str | Path, n: int = 200,
             types: str | list[str] | None = None, seed: int = 0, k: int = 5,
             rewrite_share: float | None = None, collection: str | None = None,
             progress: Any = None, force: bool = False) -> dict[str, Any]:
    """Draft a QA set from a folder (ingested into the project's index first) and write it to
    `out` as QA JSONL with `status: draft` (see ragtune.drafting). `rewrite_share`: the share
    of lookups the generator rephrases (default: 0.25 with an HTTP generator, 0 with a local
    one, whose paraphrases rarely survive the checks). Refuses to overwrite a file unless
    `force` (it may hold reviews). Returns the drafting counts."""
    from ragtune.drafting import DraftOptions, draft_corpus, parse_types
    from ragtune.errors import InputError
    from ragtune.eval.qa import QAItem, save_qa
    from ragtune.models.locate import is_url

    out = Path(out)
    if out.exists() and not force:
        raise InputError(f"{out} already exists (it may hold reviewed items)",
                         "choose another --out, or pass --force to replace it")  # fmt: skip
    if rewrite_share is None:
        rewrite_share = 0.25 if is_url(project.settings.model.generator) else 0.0
    opts = DraftOptions(n=n, types=parse_types(types), seed=seed, k=k, rewrite_share=rewrite_share,
                        collection=collection)  # fmt: skip
    items, stats = draft_corpus(project, docs, opts, progress)
    if not items:
        raise InputError(f"no question could be drafted from {docs}",
                         "the documents need full sentences, tables or key: value fields")  # fmt: skip
    save_qa(out, [QAItem.from_dict(i) for i in items])
    stats["out"] = str(out)
    return stats


def review_qa(path: str | Path, accept: list[str] | None = None, drop: list[str] | None = None,
              edits: dict[str, dict[str, Any]] | None = None,
              reset: list[str] | None = None) -> dict[str, int]:
    """Accept, drop, edit ({id: {question, answers}}) or reset items of a drafted QA file, saved
    atomically; returns the counts per status (see ragtune.drafting.review)."""
    from ragtune.drafting.review import apply_review

    return apply_review(path, accept or [], drop or [], edits or {}, reset or []).counts()
