"""`ragtune compare`: every strategy answers the same questions; the run folder records it all.

Order of work (each step resumable from the run folder):
 1. load the QA files; without --train-qa/--dev-qa make a seeded 20/20/60 split (saved)
 2. ingest --corpus incrementally into the project's index
 3. per strategy: prepare on train/dev only (timed), answer the pending test questions in
    batches (caches off, timed: throughput), then a latency sample one at a time after a
    warm-up (p50/p95)
 4. with --freshness: update questions before, incremental ingest of --updates (timed),
    update questions after + a forgetting sample, then the index is restored
 5. results.json (docs/results.schema.json) with the recommendation (recommend.py); the
    report is rendered from it by ragtune.report (api.compare does both)

The test set never reaches a preparer: `prepare` gets train and dev items only.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from ragtune.arena import provenance
from ragtune.arena.cost import PriceTable
from ragtune.arena.freshness import absorb_method, adapter_record, kind_of, training_seconds
from ragtune.arena.freshness import adapter_forgetting as adapter_forgetting_entry
from ragtune.arena.results import (
    SCHEMA_VERSION,
    finish,
    forgetting_section,
    freshness_section,
    paired_tests,
    strategy_block,
)
from ragtune.arena.rundir import RunDir
from ragtune.arena.split import (
    Split,
    auto_split,
    carve_dev,
    drop_test_duplicates,
    seeded_sample,
    select_test,
)
from ragtune.errors import InputError, RagtuneError
from ragtune.eval.metrics import score_item
from ragtune.eval.qa import QAItem, load_qa
from ragtune.project import Project
from ragtune.strategies.spec import StrategySpec, parse_specs
from ragtune.types import Answer

Progress = Callable[[str], None]


@dataclass
class CompareOptions:
    qa: Path | None  # None: draft a QA set from --corpus into the run folder (ragtune.drafting)
    corpus: Path | None = None
    train_qa: Path | None = None
    dev_qa: Path | None = None
    strategies: str = "closed_book,rag,agentic"
    limit: int | None = None
    sample_per_type: int | None = None
    seed: int = 0
    out: Path | None = None
    latency_sample: int = 30
    batch_size: int = 32
    freshness: bool = False
    updates: Path | None = None
    updates_qa: Path | None = None
    forgetting_sample: int = 30
    # fine-tuned strategies absorb the updates by continued training of their adapter, capped
    # at this many seconds of training (0: report the full re-training estimate only)
    freshness_train_s: float = 90.0
    collection: str | None = None
    prices: PriceTable | None = None
    constraints: dict[str, Any] = field(default_factory=dict)
    report: bool = True  # for the caller: api.compare renders report.html from the run
    judge: str | None = None  # an LLM judge beside exact scoring (ragtune.arena.judging)
    draft_n: int = 200  # without --qa: items drafted from --corpus
    drafted: bool = False  # the QA file was drafted by this run (machine-written, unreviewed)

    def check(self) -> None:
        if self.qa is None and self.corpus is None:
            raise InputError("give --qa FILE (your questions), or --corpus DIR to draft them",
                             "`ragtune compare --corpus docs/` drafts a QA set from the documents")  # fmt: skip
        for name in ("limit", "sample_per_type"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise InputError(f"--{name.replace('_', '-')} must be at least 1 (got {value})")
        if self.batch_size < 1:
            raise InputError(f"--batch-size must be at least 1 (got {self.batch_size})")
        if self.latency_sample < 0 or self.forgetting_sample < 0 or self.freshness_train_s < 0:
            raise InputError("--latency-sample, --forgetting-sample and --freshness-train cannot "
                             "be negative")
        if self.corpus is not None and not Path(self.corpus).is_dir():
            raise InputError(f"corpus folder {self.corpus} does not exist", "give --corpus a folder")
        if self.freshness:
            if self.updates is None or self.updates_qa is None:
                raise InputError(
                    "--freshness needs --updates DIR and --updates-qa FILE",
                    "the updates folder holds changed documents; the QA file asks about the changes",
                )
            if not Path(self.updates).is_dir():
                raise InputError(f"updates folder {self.updates} does not exist")
        elif self.updates is not None or self.updates_qa is not None:
            raise InputError("--updates/--updates-qa are used only with --freshness", "add --freshness")

    def to_dict(self) -> dict[str, Any]:
        d = {k: (str(v) if isinstance(v, Path) else v) for k, v in self.__dict__.items()}
        d["prices"] = (self.prices or PriceTable()).to_dict()
        return d


# ---------------------------------------------------------------- helpers


@contextlib.contextmanager
def caches_off(*models: Any) -> Iterator[None]:
    """Measure real work: answers and absorb times must not come from the disk caches."""
    saved = [(m, m.cache) for m in models if m is not None and hasattr(m, "cache")]
    for m, _ in saved:
        m.cache = None
    try:
        yield
    finally:
        for m, c in saved:
            m.cache = c


def _split(opts: CompareOptions) -> Split:
    from ragtune.drafting.review import trusted_items

    items, review = trusted_items(load_qa(opts.qa))
    if not items:
        raise InputError(f"{opts.qa}: every item is dropped", "accept or edit some with `ragtune qa review`")
    if opts.train_qa is None and opts.dev_qa is None:
        train, dev, test = auto_split(items, opts.seed)
        split = Split(train, dev, test, automatic=True)
    else:
        train = trusted_items(load_qa(opts.train_qa))[0] if opts.train_qa else []
        dev = trusted_items(load_qa(opts.dev_qa))[0] if opts.dev_qa else []
        if opts.train_qa and not opts.dev_qa:
            train, dev = carve_dev(train, opts.seed)
        split = Split(train, dev, items)
    (split.train, split.dev), split.dropped = drop_test_duplicates(split.test, split.train, split.dev)
    split.review = review  # type: ignore[attr-defined]
    if not split.test:
        raise InputError(f"{opts.qa}: no test questions left after the split", "add questions")
    return split


def _identity(opts: CompareOptions, split: Split, test: list[QAItem]) -> dict[str, Any]:
    """What must stay the same for a run folder to be resumed."""
    return {
        "qa_sha256": provenance.file_hash(opts.qa),
        "train_qa_sha256": provenance.file_hash(opts.train_qa),
        "dev_qa_sha256": provenance.file_hash(opts.dev_qa),
        "seed": opts.seed,
        "test_ids": [q.id for q in test],
        "updates_qa_sha256": provenance.file_hash(opts.updates_qa) if opts.freshness else None,
    }


def _default_out(project: Project) -> Path:
    return project.path("runs") / time.strftime("compare-%Y%m%d-%H%M%S")


def _row(spec: str, item: QAItem, answer: Answer, phase: str) -> dict[str, Any]:
    score = score_item(item, answer)
    return {
        "id": item.id,
        "type": item.type,
        "strategy": spec,
        "phase": phase,
        "question": item.question,
        "answers": item.answers,
        "prediction": answer.text,
        "correct": score.correct,
        "abstained": answer.abstained,
        "citations": [c.to_dict() for c in answer.citations],
        "exit_reason": answer.exit_reason,
        "trace_id": f"{phase}/{spec}/{item.id}",
        "latency_ms": answer.wall_ms,
        "tokens": {"prompt": answer.usage.prompt_tokens, "completion": answer.usage.completion_tokens},
        "score": score.to_dict(),
    }


def _trace(row: dict[str, Any], answer: Answer) -> dict[str, Any]:
    return {
        "trace_id": row["trace_id"],
        "strategy": row["strategy"],
        "id": row["id"],
        "phase": row["phase"],
        "steps": [s.to_dict() for s in answer.trace],
        "retrieved": [
            {**h.to_dict(), "text": h.text[:400]} for h in answer.retrieved
        ],
        "exit_reason": answer.exit_reason,
    }


# ---------------------------------------------------------------- the run


class Arena:
    def __init__(self, project: Project, opts: CompareOptions, progress: Progress | None = None):
        opts.check()
        self.project = project
        self.opts = opts
        self.say: Progress = progress or (lambda msg: None)
        self.specs: list[StrategySpec] = parse_specs(opts.strategies)
        self.spec_names = list(dict.fromkeys(str(s) for s in self.specs))
        self.specs = [next(s for s in self.specs if str(s) == n) for n in self.spec_names]
        self.prices = opts.prices or PriceTable.from_settings(project.settings)
        self.split = _split(opts)
        self.test = select_test(self.split.test, opts.sample_per_type, opts.limit, opts.seed)
        self.updates_items = load_qa(opts.updates_qa) if opts.freshness else []
        self.rd = RunDir(opts.out or _default_out(project)).create()
        self.index: Any = None
        self.generator: Any = None
        self.pipelines: dict[str, Any] = {}
        self.prepared: set[str] = set()
        self.state: dict[str, Any] = {}

    # -------------------------------------------------------------- bookkeeping

    def _open_run(self) -> None:
        identity = _identity(self.opts, self.split, self.test)
        previous = self.rd.read_json("run.json")
        if previous is not None:
            differs = [k for k, v in identity.items() if previous.get("identity", {}).get(k) != v]
            if differs:
                raise InputError(
                    f"{self.rd.root} holds a different run ({', '.join(differs)} changed)",
                    "use a new --out folder, or the same QA files, seed, sample and limit to resume",
                )
            self.rd.log("resume", strategies=self.spec_names)
        else:
            self.rd.log("start", strategies=self.spec_names)
        review = review_record(self.split, self.opts)
        self.rd.write_json("run.json", {"identity": identity, "options": self.opts.to_dict(),
                                        "project": str(Path(self.project.root).resolve()),
                                        **({"review": review} if review else {})})
        if self.split.automatic:
            self.rd.write_json("split.json", {"seed": self.opts.seed, "shares": [0.2, 0.2, 0.6],
                                              **self.split.ids()})  # fmt: skip
        self.state = self.rd.read_json("state.json", {}) or {}
        for key in ("prepare", "latency", "freshness", "ingest"):
            self.state.setdefault(key, {})

    def _save_state(self) -> None:
        self.rd.write_json("state.json", self.state)

    @property
    def collection(self) -> str:
        return self.opts.collection or self.project.settings.index.collection

    # -------------------------------------------------------------- main

    def run(self) -> dict[str, Any]:
        from ragtune.models import project_pool

        self._open_run()
        review = review_note(self.split, self.opts)
        if review:
            self.say(review)
        self.say(f"run folder {self.rd.root}: {len(self.test)} test questions, "
                 f"{len(self.split.train)} train, {len(self.split.dev)} dev"
                 + (" (automatic 20/20/60 split)" if self.split.automatic else ""))  # fmt: skip
        self.generator = project_pool(self.project).generator()
        needs_index = any(s.retrieves for s in self.specs) or self.opts.freshness or self.opts.corpus
        try:
            if needs_index:
                self._open_index()
            for spec in self.specs:
                self._run_strategy(spec)
                self.results()  # partial results.json after every strategy (long runs)
            if self.opts.freshness:
                self._freshness()
            if self.opts.judge:
                self._judge()
            results = self.results()
        finally:
            if self.index is not None:
                self.index.close()
        self.rd.log("done")
        return results

    def _open_index(self) -> None:
        from ragtune.index import open_index

        self.index = open_index(self.project)
        if self.opts.freshness:
            self._restore_index()  # an interrupted run may have left the updates in
        if self.opts.corpus is not None:
            self.say(f"ingesting {self.opts.corpus} (incremental)")
            report = self.index.ingest(self.opts.corpus, self.collection)
            self.rd.log("ingest", folder=str(self.opts.corpus), summary=report.summary(),
                        seconds=report.seconds)  # fmt: skip
            self.say(f"  {report.summary()} in {report.seconds.get('total', 0):.1f} s")
            self.state["ingest"] = {"summary": report.summary(), "seconds": report.seconds}
            self._save_state()
        if any(s.retrieves for s in self.specs) and self.index.count(self.collection) == 0:
            raise RagtuneError(
                f"the index has no documents in collection `{self.collection}`",
                "give --corpus DIR (or run `ragtune ingest DIR` first)",
            )

    def _pipeline(self, spec: StrategySpec) -> Any:
        name = str(spec)
        if name not in self.pipelines:
            from ragtune.strategies import build_strategy

            self.pipelines[name] = build_strategy(
                spec, self.project, generator=self.generator, index=self.index,
                collection=self.opts.collection,
            )  # fmt: skip
        return self.pipelines[name]

    def _ready(self, spec: StrategySpec) -> Any:
        """The strategy's pipeline, prepared (once per process) on train/dev."""
        if str(spec) not in self.prepared:
            self._prepare(spec)
            self.prepared.add(str(spec))
        return self._pipeline(spec)

    def _prepare(self, spec: StrategySpec) -> Any:
        name = str(spec)
        pipe = self._pipeline(spec)
        before = getattr(self.generator, "usage", None)
        t0 = time.perf_counter()
        pipe.prepare(self.project, list(self.split.train), list(self.split.dev))
        seconds = time.perf_counter() - t0
        after = getattr(self.generator, "usage", None)
        tokens = after.total_tokens - before.total_tokens if before is not None and after is not None else None
        # Keep the first measurement: a resumed run prepares again from cached generations.
        if name not in self.state["prepare"]:
            self.state["prepare"][name] = {"seconds": round(seconds, 3), "tokens": tokens}
            self._save_state()
        self.rd.log("prepare", strategy=name, seconds=round(seconds, 3), tokens=tokens,
                    train=len(self.split.train), dev=len(self.split.dev))  # fmt: skip
        return pipe

    def _embedder(self) -> Any:
        if self.index is None or getattr(self.index, "store", None) is None:
            return None
        return self.index.embedder()

    def _answer(self, pipe: Any, items: list[QAItem], phase: str, file: str,
                name: str | None = None) -> None:
        """Answer in batches, appending predictions and traces after each batch (rows under
        `name`, default the pipeline's spec)."""
        name = name or pipe.spec
        bs = self.opts.batch_size
        for start in range(0, len(items), bs):
            part = items[start : start + bs]
            with caches_off(self.generator, self._embedder()):
                t0 = time.perf_counter()
                answers = pipe.answer_many([q.question for q in part], batch_size=len(part))
                seconds = time.perf_counter() - t0
            rows = [_row(name, q, a, phase) for q, a in zip(part, answers)]
            self.rd.append("traces.jsonl", [_trace(r, a) for r, a in zip(rows, answers)])
            self.rd.append(file, rows)
            self.rd.log("batch", strategy=name, phase=phase, n=len(part), seconds=round(seconds, 4))
            answered = getattr(self.say, "answered", None)  # a progress bar (the CLI's)
            if answered is not None:
                answered(name, phase, start + len(part), len(items))
            else:
                self.say(f"  {name} {phase}: {start + len(part)}/{len(items)} "
                         f"({seconds / len(part):.2f} s/question)")  # fmt: skip

    def _done(self, file: str, phase: str, name: str) -> set[str]:
        return {r["id"] for r in self.rd.rows(file) if r["strategy"] == name
                and r.get("phase", "test") == phase}  # fmt: skip

    def _run_strategy(self, spec: StrategySpec) -> None:
        name = str(spec)
        done = self._done("predictions.jsonl", "test", name)
        pending = [q for q in self.test if q.id not in done]
        n_latency = min(self.opts.latency_sample, len(self.test))
        latency = self.state["latency"].get(name)
        need_latency = n_latency > 0 and (latency is None or len(latency["ms"]) < n_latency)
        if not pending and not need_latency and name in self.state["prepare"]:
            self.say(f"{name}: all {len(self.test)} answers already in the run folder")
            return
        self.say(f"{name}: preparing on {len(self.split.train)} train / {len(self.split.dev)} dev")
        pipe = self._ready(spec)
        if done:
            self.rd.log("skip", strategy=name, already_done=len(done))
        if pending:
            self.say(f"{name}: answering {len(pending)} questions (batches of {self.opts.batch_size})")
            self._answer(pipe, pending, "test", "predictions.jsonl")
        if need_latency:
            self._latency(pipe, n_latency, warm=bool(pending))

    def _latency(self, pipe: Any, n: int, warm: bool = False) -> None:
        """`n` questions one at a time; a warm-up call first unless the pipeline has just
        answered the test questions in this process (`warm`)."""
        name = pipe.spec
        sample = seeded_sample(self.test, n, self.opts.seed, "latency")
        self.say(f"{name}: latency, {n} questions one at a time" + ("" if warm else " after a warm-up"))
        ms: list[float] = []
        with caches_off(self.generator, self._embedder()):
            if not warm:
                pipe.answer_many([sample[0].question], batch_size=1)  # warm-up, not counted
            for q in sample:
                t0 = time.perf_counter()
                pipe.answer_many([q.question], batch_size=1)
                ms.append(round((time.perf_counter() - t0) * 1000.0, 2))
        ordered = sorted(ms)
        self.say(f"  {name}: median {ordered[len(ordered) // 2]:,.0f} ms, slowest {ordered[-1]:,.0f} ms")
        self.state["latency"][name] = {"ms": ms, "ids": [q.id for q in sample]}
        self._save_state()
        self.rd.log("latency", strategy=name, n=n, ms=ms)

    # -------------------------------------------------------------- freshness

    def _restore_index(self) -> None:
        """Take the updates folder's documents out again (and put back any they replaced)."""
        root = str(Path(self.opts.updates).resolve())  # type: ignore[arg-type]
        if self.index.store is None:
            return
        ids = list(self.index.manifest.docs_of_root(self.collection, root))
        if not ids:
            return
        self.index.delete_documents(ids, self.collection)
        if self.opts.corpus is not None:
            self.index.ingest(self.opts.corpus, self.collection)
        self.rd.log("restore", removed=len(ids))

    def _freshness(self) -> None:
        items = self.updates_items
        fresh = self.state["freshness"]
        self.say(f"freshness: {len(items)} update questions")
        for spec in self.specs:
            done = self._done("freshness.jsonl", "before", str(spec))
            pending = [q for q in items if q.id not in done]
            if pending:
                self._answer(self._ready(spec), pending, "before", "freshness.jsonl")
        continued = self._continue_adapters()
        after_specs = [s for s in self.specs
                       if absorb_method(s, {"continued": continued.get(s.adapter or "")})["answers_after"]]
        forget = seeded_sample(self.test, min(self.opts.forgetting_sample, len(self.test)),
                               self.opts.seed, "forgetting")  # fmt: skip
        todo = {}
        for spec in after_specs:
            todo[str(spec)] = (
                [q for q in items if q.id not in self._done("freshness.jsonl", "after", str(spec))],
                [q for q in forget if q.id not in self._done("freshness.jsonl", "forgetting", str(spec))],
            )
        if not any(a or f for a, f in todo.values()) and "absorb" in fresh:
            return
        if not after_specs:
            return
        self.say(f"freshness: ingesting {self.opts.updates} (incremental, caches off)")
        with caches_off(self._embedder()):
            t0 = time.perf_counter()
            report = self.index.ingest(self.opts.updates, self.collection)
            seconds = time.perf_counter() - t0
        try:
            fresh["absorb"] = {
                "seconds": round(seconds, 3),
                "documents_added": report.added,
                "documents_changed": report.changed,
                "chunks_written": report.chunks_written,
                "stages": report.seconds,
            }
            fresh.setdefault("measurements", []).append(round(seconds, 3))
            self._save_state()
            self.rd.log("absorb", folder=str(self.opts.updates), seconds=round(seconds, 3),
                        summary=report.summary())  # fmt: skip
            for spec in after_specs:
                after, forgetting = todo[str(spec)]
                if kind_of(spec) == "finetuned":  # answers with the continued adapter
                    pipe = self._ready(replace(spec, adapter=continued[spec.adapter]["adapter"]))
                else:
                    pipe = self._ready(spec)
                if after:
                    self._answer(pipe, after, "after", "freshness.jsonl", name=str(spec))
                if forgetting:
                    self._answer(pipe, forgetting, "forgetting", "freshness.jsonl", name=str(spec))
        finally:
            self._restore_index()

    def _continue_adapters(self) -> dict[str, dict[str, Any]]:
        """Continued training of each closed-book adapter on the updates folder (once per
        adapter; kept in state.json so a resumed run reuses it). {base adapter: run info}."""
        from ragtune.finetune import DataOptions, FinetuneOptions, TrainConfig, run_finetune
        from ragtune.models.adapters import adapters_dir

        cap = self.opts.freshness_train_s
        done: dict[str, dict[str, Any]] = self.state["freshness"].setdefault("continued", {})
        if cap <= 0:
            return {}
        for adapter in dict.fromkeys(s.adapter for s in self.specs if kind_of(s) == "finetuned"):
            prior = done.get(adapter)  # type: ignore[arg-type]
            if prior and (adapters_dir(self.project) / prior["adapter"]).exists():
                continue
            self.say(f"freshness: continued training of {adapter} on {self.opts.updates} "
                     f"(at most {cap:g} s)")  # fmt: skip

            def progress(event: str, info: dict[str, Any]) -> None:
                if event == "data_ready":
                    self.say(f"  {info.get('examples')} examples from the updates")

            drop_adapters = getattr(self.generator, "drop_adapters", None)  # int8 backend only
            if drop_adapters:
                self.generator.worker.run(drop_adapters)  # the training's peak, not theirs
            t0 = time.perf_counter()
            record = run_finetune(self.project, FinetuneOptions(
                init_adapter=adapter, corpus=str(self.opts.updates),
                exclude_qa=str(self.opts.updates_qa), forgetting=False, dev_limit=0,
                # statements on: an update batch is small and trained for many epochs within
                # the cap (the demo's freshness figures were measured with them)
                data=DataOptions(dev_holdout=0, statements=True),
                # one packed row of 256 tokens a step: an update batch is a few dozen short
                # examples, and more optimiser steps per second absorb it faster; the activations
                # kept for the backward pass grow with the row (a LoRA step: ~2.4 GB at 512
                # tokens, ~1.25 GB at 256), and 512-token rows took the --quick demo's process
                # from 1.7 to 3.6 GB RSS (2026-11-30)
                train=TrainConfig(max_minutes=cap / 60.0, batch_rows=1, row_tokens=256,
                                  eval_at_start=False,
                                  eval_at_minutes=(), checkpoint_every_minutes=10.0),
            ), progress)  # fmt: skip
            seconds = time.perf_counter() - t0
            done[adapter] = {"adapter": record["id"], "seconds": round(seconds, 1), "cap_s": cap,
                             "train_wall_s": record.get("train_wall_s"), "steps": record.get("steps"),
                             "examples": (record.get("data") or {}).get("examples"),
                             "leakage_dropped": (record.get("leakage") or {}).get("dropped")}  # fmt: skip
            self._save_state()
            self.rd.log("continued_training", base_adapter=adapter, **done[adapter])
            self.say(f"  {adapter} -> {record['id']}: {record.get('steps')} steps in {seconds:.0f} s")
        return done

    def _judge(self) -> None:
        from ragtune.arena.judging import judge_answers, judge_generator

        self.say(f"judging the test answers with {self.opts.judge} (beside exact scoring)")
        gen = judge_generator(self.project, self.opts.judge, self.generator)
        n = judge_answers(self.rd, self.spec_names, {q.id: q for q in self.test}, gen,
                          self.opts.judge, self.say)  # fmt: skip
        self.rd.log("judge", spec=self.opts.judge, judged=n)

    # -------------------------------------------------------------- results

    def results(self) -> dict[str, Any]:
        results = assemble_results(self.rd, self.project, self.specs, self.generator, self.index,
                                   self.prices, self.opts)  # fmt: skip
        self.rd.write_json("results.json", results, keep_order=True)
        return results


def assemble_results(
    rd: RunDir,
    project: Project,
    specs: list[StrategySpec],
    generator: Any,
    index: Any,
    prices: PriceTable,
    opts: CompareOptions,
) -> dict[str, Any]:
    from ragtune.config import effective_values
    from ragtune.arena.recommend import recommend

    state = rd.read_json("state.json", {}) or {}
    run_info = rd.read_json("run.json", {}) or {}
    test_ids = set(run_info.get("identity", {}).get("test_ids", []))
    rows_by_spec: dict[str, list[dict[str, Any]]] = {str(s): [] for s in specs}
    seen: set[tuple[str, str]] = set()
    for r in rd.rows("predictions.jsonl"):
        key = (r["strategy"], r["id"])
        if r["strategy"] in rows_by_spec and r["id"] in test_ids and key not in seen:
            seen.add(key)
            rows_by_spec[r["strategy"]].append(r)
    batches: dict[str, list[dict[str, Any]]] = {}
    for e in rd.rows("log.jsonl"):
        if e.get("event") == "batch" and e.get("phase") == "test":
            batches.setdefault(e["strategy"], []).append(e)
    fresh_state = state.get("freshness", {})
    absorb = fresh_state.get("absorb") or {}
    strategies: dict[str, Any] = {}
    methods: dict[str, dict[str, Any]] = {}
    adapter_forgetting: dict[str, Any] = {}
    for spec in specs:
        name = str(spec)
        record = adapter_record(project, spec.adapter)
        train_s = training_seconds(record)
        probe = adapter_forgetting_entry(record)
        if probe is not None:
            adapter_forgetting[name] = probe
        method = absorb_method(spec, {"ingest_seconds": absorb.get("seconds"),
                                      "training_seconds": train_s,
                                      "continued": (fresh_state.get("continued") or {}).get(spec.adapter or "")})  # fmt: skip
        methods[name] = method
        block = strategy_block(
            name, rows_by_spec[name], batches.get(name, []),
            (state.get("latency", {}).get(name) or {}).get("ms"),
            state.get("prepare", {}).get(name), train_s,
            method if opts.freshness or method["method"] in ("retrain", "continued_training") else None,
            prices, opts.seed, retrieves=spec.retrieves,
        )  # fmt: skip
        block["kind"] = kind_of(spec)
        block["adapter"] = spec.adapter
        strategies[name] = block
    from ragtune.arena.judging import attach_judge

    attach_judge(rd, strategies, test_ids)
    fresh_rows = list(rd.rows("freshness.jsonl"))
    freshness = freshness_section(
        opts.freshness,
        {"updates": str(opts.updates) if opts.updates else None,
         "updates_qa": str(opts.updates_qa) if opts.updates_qa else None,
         "n_questions": len({r["id"] for r in fresh_rows if r.get("phase") == "before"}),
         "absorb": absorb or None},
        methods, fresh_rows, opts.seed,
    )  # fmt: skip
    embedder = index.embedder() if index is not None and getattr(index, "store", None) else None
    results: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "run": {
            "seed": opts.seed,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "packages": provenance.package_versions(),
            "models": provenance.model_hashes(generator, embedder),
            "adapters": provenance.adapter_hashes(generator),
            "config": {"options": opts.to_dict(), "settings": effective_values(project.settings)},
            "corpus_hash": provenance.corpus_hash(index, opts.collection or project.settings.index.collection,
                                                  opts.corpus),  # fmt: skip
            "git_commit": provenance.git_commit(),
            "machine": provenance.machine(),
            "qa": {
                "test": str(opts.qa), "train": str(opts.train_qa) if opts.train_qa else None,
                "dev": str(opts.dev_qa) if opts.dev_qa else None,
                "automatic_split": opts.train_qa is None and opts.dev_qa is None,
                "n_test": len(test_ids),
                **({"review": run_info["review"]} if run_info.get("review") else {}),
            },  # fmt: skip
            "ingest": [{k: e.get(k) for k in ("t", "folder", "summary", "seconds")}
                       for e in rd.rows("log.jsonl") if e.get("event") == "ingest"] or None,
        },
        "strategies": strategies,
        "paired_tests": paired_tests({k: v for k, v in rows_by_spec.items() if v}, opts.seed),
        "freshness": freshness,
        "forgetting": forgetting_section(rows_by_spec, fresh_rows, adapter_forgetting, opts.seed,
                                         stale_test_ids(opts, rows_by_spec)),
    }
    results["recommendation"] = recommend(results, opts.constraints, prices)
    return finish(results)


def stale_test_ids(opts: CompareOptions, rows_by_spec: dict[str, list[dict[str, Any]]]) -> set[str]:
    """Test questions that ask what an update question asks: the update changed their answer."""
    if not opts.freshness or opts.updates_qa is None or not Path(opts.updates_qa).is_file():
        return set()
    from ragtune.arena.split import normalise_question as norm

    asked = {norm(q.question) for q in load_qa(opts.updates_qa)}
    return {r["id"] for rows in rows_by_spec.values() for r in rows if norm(r["question"]) in asked}


def review_record(split: Split, opts: CompareOptions) -> dict[str, Any] | None:
    """What results.json says about a QA file with review statuses (None: a hand-written one)."""
    info = getattr(split, "review", None)
    if info is None:
        return None
    return {**{k: v for k, v in info.items() if k != "counts"}, "statuses": info.get("counts"),
            "drafted_by_this_run": opts.drafted, "review_command": f"ragtune qa review {opts.qa}"}


def review_note(split: Split, opts: CompareOptions) -> str:
    """One line on where the questions came from, for the progress log and the summary."""
    info = getattr(split, "review", None)
    if info is None:
        return ""
    if info["unreviewed"]:
        return (f"the questions in {opts.qa} are machine-drafted and unreviewed: review them with "
                f"`ragtune qa review {opts.qa}`, then compare again with --qa and a new --out")
    return (f"using the {info['reviewed']} reviewed (accepted or edited) items of {opts.qa}; "
            f"skipped {info['skipped_drafts']} unreviewed drafts and {info['dropped']} dropped items")


def draft_for_compare(project: Project, opts: CompareOptions, progress: Progress | None = None) -> None:
    """No --qa: draft a QA set from --corpus into the run folder (kept there, so a re-run of the
    same command resumes with the same questions)."""
    from ragtune.drafting import DraftOptions, draft_corpus
    from ragtune.eval.qa import save_qa

    say = progress or (lambda msg: None)
    opts.out = Path(opts.out or _default_out(project))
    path = opts.out / "drafted_qa.jsonl"
    opts.qa, opts.drafted = path, True
    if path.is_file():
        say(f"using the questions drafted earlier into {path}")
        return
    if opts.draft_n < 1:
        raise InputError(f"--draft-n must be at least 1 (got {opts.draft_n})")
    say(f"no --qa: drafting {opts.draft_n} questions from {opts.corpus} into {path} "
        "(machine-drafted, unreviewed)")  # fmt: skip
    items, stats = draft_corpus(project, opts.corpus, DraftOptions(n=opts.draft_n, seed=opts.seed,
                                                                   rewrite_share=0.0,
                                                                   collection=opts.collection))  # fmt: skip
    if not items:
        raise InputError(f"no question could be drafted from {opts.corpus}",
                         "the documents need full sentences, tables or key: value fields")  # fmt: skip
    save_qa(path, [QAItem.from_dict(i) for i in items])
    RunDir(opts.out).create().write_json("drafting.json", stats)
    say(f"  drafted {stats['n']} items ({', '.join(f'{v} {k}' for k, v in stats['by_type'].items())}) "
        f"in {stats['seconds']:.0f} s")  # fmt: skip


def run_compare(project: Project, opts: CompareOptions, progress: Progress | None = None) -> tuple[Path, dict[str, Any]]:
    if opts.qa is None:
        opts.check()
        draft_for_compare(project, opts, progress)
    arena = Arena(project, opts, progress)
    results = arena.run()
    return arena.rd.root, results
