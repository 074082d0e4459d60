"""`ragtune qa DOCS/`: draft an evaluation set (questions, gold answers, evidence) from a corpus.

    items, stats = draft_items(chunks, search, DraftOptions(n=200, seed=0))
    items, stats = draft_corpus(project, "docs/", DraftOptions())   # ingests, then drafts

Lookups come from the synthesis core (`ragtune.corpus.questions`: sentences, table rows,
fields, front matter); `compose` builds multi-hop chains, comparisons and unanswerable
questions from them. Every item is checked before it is kept:
- its answer occurs in its evidence (the source sentence of its last hop) and the question
  does not contain it (comparisons: the answer is one of the options the question names);
- no other sentence or row of the corpus could answer it differently (`Units.ambiguous`);
- no two items ask the same question;
- retrievable: the evidence document is in the top k of a search for the question (a chain's
  second document in the top k of its own hop's question);
- unanswerable: the made-up name is in no chunk the index returns for it, or no returned
  chunk states the missing field alongside the record's name.
The generator is used only to rephrase: with the packaged small model, a paraphrase of a
drafted question; with `model.generator` at an OpenAI-compatible server, a question written
from the source sentence and answer. A rewrite is kept only when it passes the same checks,
still names what the original named, and retrieval still finds the evidence.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from ragtune.corpus.questions import corpus_candidates, norm, reads_as_question
from ragtune.drafting.compose import (
    FORM_RANK,
    TYPES,
    Draft,
    Units,
    chains,
    comparisons,
    contains,
    fake_entity_questions,
    lookups,
    missing_field_questions,
    states,
)
from ragtune.errors import InputError
from ragtune.types import Chunk

# (queries, k) -> per query, the top k hits as (document id, chunk text)
SearchFn = Callable[[list[str], int], list[list[tuple[str, str]]]]
Progress = Callable[[str, int, int], None]  # (stage, done, total)

SHARES = {"single_hop": 0.3, "reverse": 0.2, "multi_hop": 0.15, "comparison": 0.15,
          "unanswerable": 0.2}  # fmt: skip
FILL_ORDER = ("single_hop", "reverse", "comparison", "multi_hop", "unanswerable")
MAX_PHRASE_SHARE = 0.2  # lookups whose answer is a phrase, not a name/number/date


@dataclass
class DraftOptions:
    n: int = 200
    types: tuple[str, ...] = TYPES
    seed: int = 0
    k: int = 5  # the retrieval check: evidence in the top k
    rewrite_share: float = 0.25  # lookups the generator may rephrase (0: no model is loaded)
    collection: str | None = None

    def check(self) -> None:
        unknown = [t for t in self.types if t not in TYPES]
        if unknown or not self.types:
            raise InputError(f"unknown question type(s): {', '.join(unknown) or '(none)'}",
                             f"use some of: {', '.join(TYPES)}")  # fmt: skip
        if self.n < 1:
            raise InputError(f"--n must be at least 1 (got {self.n})")
        if self.k < 1:
            raise InputError(f"--k must be at least 1 (got {self.k})")
        if not 0 <= self.rewrite_share <= 1:
            raise InputError(f"--rewrite-share must be between 0 and 1 (got {self.rewrite_share})")


def parse_types(text: str | Sequence[str] | None) -> tuple[str, ...]:
    if text is None:
        return TYPES
    parts = text.split(",") if isinstance(text, str) else list(text)
    return tuple(dict.fromkeys(p.strip().replace("-", "_") for p in parts if p.strip()))


def quotas(n: int, types: Sequence[str]) -> dict[str, int]:
    """Items per type: the default shares over the requested types, summing to n."""
    total = sum(SHARES[t] for t in types)
    raw = {t: n * SHARES[t] / total for t in types}
    out = {t: int(v) for t, v in raw.items()}
    for t in sorted(types, key=lambda t: -(raw[t] - out[t]))[: n - sum(out.values())]:
        out[t] += 1
    return out


def _spread(drafts: list[Draft], rng: random.Random) -> list[Draft]:
    """A seeded order that takes documents in turn (no document dominates the set)."""
    by_doc: dict[str, list[Draft]] = {}
    for d in drafts:
        by_doc.setdefault(d.parts[0].doc_id, []).append(d)
    groups = [by_doc[k] for k in sorted(by_doc)]
    for g in groups:
        rng.shuffle(g)
    rng.shuffle(groups)
    out: list[Draft] = []
    while any(groups):
        for g in groups:
            if g:
                out.append(g.pop())
    return out


class _Checker:
    """Runs the retrieval checks in batches and remembers what the set already asks."""

    def __init__(self, search: SearchFn, k: int):
        self.search, self.k = search, k
        self.asked: set[str] = set()
        self.failed: dict[str, int] = {}
        self.searches = 0

    def _fail(self, why: str) -> None:
        self.failed[why] = self.failed.get(why, 0) + 1

    def passing(self, drafts: list[Draft]) -> list[Draft]:
        fresh = []
        for d in drafts:
            p = d.problems()
            if p:
                self._fail(p[0])
            elif norm(d.question) in self.asked:
                self._fail("duplicate question")
            else:
                fresh.append(d)
        queries: list[str] = []
        for d in fresh:
            queries += [q for q, _ in d.queries()]
            queries += d.probes
            if d.missing is not None:
                queries.append(d.question)
        hits = self.search(queries, self.k) if queries else []
        self.searches += len(queries)
        pos = 0
        out = []
        for d in fresh:
            ok = True
            for _, doc in d.queries():
                if doc not in {h[0] for h in hits[pos]}:
                    ok = False
                pos += 1
            if not ok:
                self._fail("evidence not retrieved")
            for probe in d.probes:
                if any(contains(text, probe) for _, text in hits[pos]):
                    ok = False
                    self._fail("made-up name found by the index")
                pos += 1
            if d.missing is not None:
                subject, stems = d.missing
                if any(contains(text, subject) and states(text, stems) for _, text in hits[pos]):
                    ok = False
                    self._fail("missing field found by the index")
                pos += 1
            if ok and norm(d.question) not in self.asked:
                self.asked.add(norm(d.question))
                out.append(d)
        return out


def _select(pool: list[Draft], quota: int, checker: _Checker, phrase_cap: int | None = None,
            sources: set[str] | None = None) -> list[Draft]:
    """The first `quota` drafts of `pool` (in its order) that pass every check; with
    `sources`, one lookup per source sentence (the set is shared across calls)."""
    one_per_source = sources is not None
    sources = sources if sources is not None else set()
    chosen: list[Draft] = []
    phrases = 0
    i = 0
    while len(chosen) < quota and i < len(pool):
        need = quota - len(chosen)
        batch = []
        while len(batch) < max(2 * need, 16) and i < len(pool):
            d = pool[i]
            i += 1
            if phrase_cap is not None and d.answer_type == "phrase" and phrases >= phrase_cap:
                continue
            batch.append(d)
        for d in checker.passing(batch):
            if len(chosen) >= quota or (one_per_source and d.sources[0] in sources):
                checker.asked.discard(norm(d.question))
                continue
            if phrase_cap is not None and d.answer_type == "phrase":
                if phrases >= phrase_cap:
                    checker.asked.discard(norm(d.question))
                    continue
                phrases += 1
            chosen.append(d)
            sources.add(d.sources[0])
    pool[:] = pool[i:]
    return chosen


# ------------------------------------------------------------------ rewriting


PARAPHRASE_SYSTEM = ("Rewrite the user's question in different words with the same meaning. "
                     "Keep every name and number exactly as written. Reply with the question only.")


def _rewrite_prompt(d: Draft, free: bool) -> str:
    if free:
        c = d.parts[0]
        return (f"Text: {c.source}\n\nWrite one question about this text whose answer is "
                f"\"{d.answers[0]}\". Do not include the answer in the question. "
                "Reply with the question only.")
    return d.question


def _first_line(text: str) -> str:
    text = text.strip().strip('"“”').strip()
    line = text.split("\n")[0].strip()
    line = re.sub(r"^(?:Question|Rewritten question|Paraphrase)\s*:\s*", "", line, flags=re.I)
    return line.strip().strip('"“”').strip()


def _wh(question: str) -> str:
    words = re.findall(r"[a-z]+", question.lower())
    for w in words[:3]:
        if w in ("what", "which", "who", "whom", "when", "where", "how", "why"):
            return {"whom": "who", "which": "what"}.get(w, w)
    return words[0] if words else ""


def rewrite(items: list[Draft], generator: Any, search: SearchFn, k: int, share: float,
            rng: random.Random, free: bool, progress: Progress | None = None) -> dict[str, int]:
    """Rephrase a share of the lookups with the generator; keep a rewrite only when it reads as
    a question, does not contain the answer, names every entity the draft named (and asks with
    the same wh-word, for a paraphrase), differs from it, and still retrieves the evidence."""
    lookups_ = [d for d in items if d.type in ("single_hop", "reverse")]
    chosen = rng.sample(lookups_, int(round(share * len(lookups_)))) if lookups_ else []
    stats = {"rewrites_tried": len(chosen), "rewrites_kept": 0}
    if not chosen:
        return stats
    if progress:
        progress("rewrite", 0, len(chosen))
    gens = generator.generate([_rewrite_prompt(d, free) for d in chosen], max_new_tokens=40,
                              system=None if free else PARAPHRASE_SYSTEM)  # fmt: skip
    texts = [_first_line(g.text) for g in gens]
    candidates = []
    for d, q in zip(chosen, texts):
        c = d.parts[0]
        named = [e for e in c.entities if contains(d.question, e)]
        if (not q or not reads_as_question(q) or norm(q) == norm(d.question) or len(q.split()) > 30
                or any(contains(q, a) for a in d.answers) or not all(contains(q, e) for e in named)
                or (not named and free) or (not free and _wh(q) != _wh(d.question))):
            continue
        candidates.append((d, q))
    hits = search([q for _, q in candidates], k) if candidates else []
    for (d, q), row in zip(candidates, hits):
        if d.parts[0].doc_id in {h[0] for h in row}:
            d.kind = f"{d.kind}+{'written' if free else 'paraphrase'}"
            d.rewritten_from = d.question
            d.question = q
            stats["rewrites_kept"] += 1
    if progress:
        progress("rewrite", len(chosen), len(chosen))
    return stats


# ------------------------------------------------------------------ the whole draft


def draft_items(chunks: Sequence[Chunk], search: SearchFn, opts: DraftOptions | None = None,
                generator: Any = None, free: bool = False,
                progress: Progress | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Draft `opts.n` checked items (as QA JSONL objects with `status: draft`) and counts."""
    opts = opts or DraftOptions()
    opts.check()
    t0 = time.perf_counter()
    say = progress or (lambda stage, done, total: None)
    if not chunks:
        raise InputError("the corpus has no documents to draft questions from",
                         "point `ragtune qa` at a folder of documents")  # fmt: skip
    say("questions", 0, len(chunks))
    candidates, cstats = corpus_candidates(chunks, forms=tuple(FORM_RANK))
    units = Units(chunks)
    forward, reverse, astats = lookups(candidates, units)
    say("questions", len(chunks), len(chunks))
    rng = random.Random(f"ragtune-drafting:{opts.seed}")
    want = quotas(opts.n, opts.types)
    pools: dict[str, list[Draft]] = {t: [] for t in opts.types}
    if "single_hop" in pools:
        pools["single_hop"] = _spread(forward, rng)
    if "reverse" in pools:
        pools["reverse"] = _spread(reverse, rng)
    if "multi_hop" in pools:
        pools["multi_hop"] = _spread(chains(forward, rng, 6 * want["multi_hop"] + 20), rng)
    if "comparison" in pools:
        pools["comparison"] = comparisons(forward, rng, 6 * want["comparison"] + 20)
    if "unanswerable" in pools:
        corpus_words = " " + " ".join(norm(c.text + " " + (c.title or "")) for c in chunks) + " "
        m = 3 * want["unanswerable"] + 10
        fake = fake_entity_questions(forward, corpus_words, rng, m)
        missing = missing_field_questions(candidates, forward, units, rng, m)
        mixed = [d for pair in zip(fake, missing) for d in pair]
        mixed += fake[len(missing):] + missing[len(fake):]
        pools["unanswerable"] = mixed
    available = {t: len(p) for t, p in pools.items()}
    checker = _Checker(search, opts.k)
    chosen: dict[str, list[Draft]] = {t: [] for t in opts.types}
    done = 0
    used_sources: dict[str, set[str]] = {"single_hop": set(), "reverse": set()}
    for t in opts.types:
        cap = int(MAX_PHRASE_SHARE * want[t]) if t in ("single_hop", "reverse") else None
        chosen[t] = _select(pools[t], want[t], checker, cap, used_sources.get(t))
        done += len(chosen[t])
        say("checks", done, opts.n)
    short = opts.n - done
    for t in (t for t in FILL_ORDER if t in opts.types and t != "unanswerable"):
        if short <= 0:
            break
        more = _select(pools[t], short, checker, sources=used_sources.get(t))
        chosen[t] += more
        short -= len(more)
        done += len(more)
        say("checks", done, opts.n)
    items = [d for t in opts.types for d in chosen[t]]
    rstats: dict[str, int] = {"rewrites_tried": 0, "rewrites_kept": 0}
    if generator is not None and opts.rewrite_share > 0:
        rstats = rewrite(items, generator, search, opts.k, opts.rewrite_share, rng, free, say)
    rng.shuffle(items)
    out = [to_record(d, i + 1) for i, d in enumerate(items)]
    stats = {
        "n": len(out), "requested": opts.n, "seed": opts.seed, "k": opts.k,
        "by_type": {t: len(chosen[t]) for t in opts.types},
        "wanted": want, "available": available,
        "documents": len({c.doc_id for c in chunks}), "chunks": len(chunks),
        "candidates": cstats["kept"], **astats,
        "failed_checks": dict(sorted(checker.failed.items())), "searches": checker.searches,
        **rstats, "seconds": round(time.perf_counter() - t0, 2),
    }
    return out, stats


def to_record(d: Draft, number: int) -> dict[str, Any]:
    """A drafted item as a QA JSONL object (the arena's format plus review fields)."""
    rec: dict[str, Any] = {"id": f"qa-{number:04d}", "question": d.question, "answers": list(d.answers),
                           "type": d.type, "evidence": d.evidence}  # fmt: skip
    if d.options:
        rec["options"] = list(d.options)
    rec["status"] = "draft"
    sources = d.sources
    rec["source"] = sources[0] if sources else ""
    if len(sources) > 1:
        rec["sources"] = sources
    rec["answer_type"] = d.answer_type
    rec["origin"] = d.kind
    if d.rewritten_from:
        rec["drafted_question"] = d.rewritten_from
    if d.type in ("multi_hop", "comparison"):
        rec["hops"] = [{"question": p.question, "answer": p.answer, "evidence": p.doc_id}
                       for p in d.parts]  # fmt: skip
    if d.type == "unanswerable":
        rec["modelled_on"] = d.parts[0].question
        if d.probes:
            rec["made_up_name"] = d.probes[0]
        if d.missing:
            rec["missing_field_of"] = d.missing[0]
    return rec


# ------------------------------------------------------------------ from a folder, with the index


def index_search(index: Any, collection: str | None) -> SearchFn:
    def search(queries: list[str], k: int) -> list[list[tuple[str, str]]]:
        out: list[list[tuple[str, str]]] = []
        for start in range(0, len(queries), 256):
            rows = index.search_many(queries[start : start + 256], k=k, collection=collection)
            out += [[(h.doc_id, h.text) for h in row] for row in rows]
        return out

    return search


def corpus_chunks(index: Any, folder: str | Path, collection: str) -> list[Chunk]:
    """The chunks of the documents ingested from `folder`, in document order."""
    root = str(Path(folder).resolve())
    doc_ids = sorted(index.manifest.docs_of_root(collection, root))
    ids = index.manifest.chunk_ids(collection, doc_ids)
    chunks = []
    for d in doc_ids:
        for cid in ids.get(d, []):
            c = index.store.get(collection, cid)
            if c is not None:
                chunks.append(c)
    return chunks


def draft_corpus(project: Any, folder: str | Path, opts: DraftOptions | None = None,
                 progress: Progress | None = None, index: Any = None,
                 generator: Any = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Ingest `folder` into the project's index (incremental), then draft from its documents.
    The generator rephrases a share of the items (`opts.rewrite_share`; 0 loads no model)."""
    from ragtune.index import open_index
    from ragtune.models.locate import is_url

    opts = opts or DraftOptions()
    opts.check()
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"corpus folder {folder} does not exist", "give a folder of documents")
    collection = opts.collection or project.settings.index.collection
    own = index is None
    index = index or open_index(project)
    try:
        say = progress or (lambda stage, done, total: None)
        report = index.ingest(folder, collection, progress=lambda d, t, p: say("ingest", d, t))
        chunks = corpus_chunks(index, folder, collection)
        if not chunks:
            raise InputError(f"{folder} holds no readable documents", "point `ragtune qa` at your documents")
        if generator is None and opts.rewrite_share > 0:
            from ragtune.models import get_pool

            generator = get_pool(project.settings, cache_dir=project.path("cache")).generator()
        free = is_url(project.settings.model.generator)
        items, stats = draft_items(chunks, index_search(index, collection), opts, generator, free, progress)
        stats["ingest"] = report.summary()
        stats["rewriter"] = ("written by the HTTP generator" if free else "paraphrased by the local generator") \
            if generator is not None and opts.rewrite_share > 0 else "none"
        stats["corpus"] = str(folder)
        return items, stats
    finally:
        if own:
            index.close()
