"""`ragtune world`: write a synthetic knowledge world to a folder.

    DIR/docs/        the corpus (pages, FAQ jsonl, csv tables, dated news)
    DIR/updates/     a later batch changing some facts (ids relative to this folder)
    DIR/qa/{train,dev,test,updates}.jsonl
    DIR/world.json   the graph, the generation config and seed, templates, per-question hops

Same seed and size -> byte-identical output: every random draw comes from
`random.Random(f"ragtune-world:{seed}:{part}")` (string seeds are hashed with SHA-512, not
`hash()`), and nothing iterates a set or depends on the clock or the output path.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ragtune.errors import InputError
from ragtune.eval.metrics import _find, answer_tokens
from ragtune.eval.qa import QAItem, dumps_qa
from ragtune.world.graph import SIZES, Graph, build_graph
from ragtune.world.names import NameForge
from ragtune.world.questions import (
    TEMPLATES,
    Candidate,
    candidates,
    template_id,
    template_sets,
    template_texts,
)
from ragtune.world.render import FactBook, Renderer
from ragtune.world.updates import Update, build_updates

FORMAT = "ragtune-world/1"
SPLITS = ("train", "dev", "test")
TEST_SHARE, DEV_SHARE = 0.4, 0.15


def _rng(seed: int, part: str) -> random.Random:
    return random.Random(f"ragtune-world:{seed}:{part}")


@dataclass
class Question:
    cand: Candidate
    split: str
    template: str
    text: str
    evidence: list[str]
    hops: list[list[str]]  # document ids per hop


def _contains(text_tokens: list[str], answers: list[str]) -> bool:
    return any(_find(text_tokens, answer_tokens(a)) >= 0 for a in answers if answer_tokens(a))


def _resolve(c: Candidate, book: FactBook) -> list[list[str]]:
    return [[d for key in hop for d in book[key]] for hop in c.hops]


def _check(c: Candidate, hops: list[list[str]], texts: dict[str, list[str]], question: str) -> str:
    """Why a candidate must be dropped ('' if it is sound)."""
    if not c.answers:
        return ""
    if not hops or not all(hops):
        return "a hop has no document"
    # the last hop states the answer; a comparison names its gold option in its own hop
    where = hops[-1] if c.options is None else [d for h in hops for d in h]
    if not any(_contains(texts[d], c.answers) for d in where):
        return "answer not in the evidence"
    if c.options is None and _contains(answer_tokens(question), c.answers):
        return "answer in the question"
    if c.qtype == "multi_hop" and any(_contains(texts[d], c.answers) for d in hops[0]):
        return "answer in the first hop's documents"
    return ""


def _render(c: Candidate, template: str) -> str:
    return TEMPLATES[c.kind][1][int(template.rsplit(".t", 1)[1])].format(**c.slots)


def _limit(cands: list[Candidate], cap: int, rng: random.Random) -> list[Candidate]:
    """At most `cap` candidates, drawn round-robin over kinds so every kind is represented."""
    if len(cands) <= cap:
        return cands
    by_kind: dict[str, list[Candidate]] = {}
    for c in cands:
        by_kind.setdefault(c.kind, []).append(c)
    for group in by_kind.values():
        rng.shuffle(group)
    out: list[Candidate] = []
    while len(out) < cap:
        for group in by_kind.values():
            if group and len(out) < cap:
                out.append(group.pop())
    return out


def _split(qtype: str, cands: list[Candidate], min_test: int, rng: random.Random, size: str):
    n = len(cands)
    n_test = max(min_test, round(TEST_SHARE * n))
    n_dev = max(1, round(DEV_SHARE * n))
    if n_test + n_dev + 1 > n:
        raise RuntimeError(f"size {size!r} yields only {n} {qtype} questions")  # a config bug
    rng.shuffle(cands)
    return {
        "test": cands[:n_test],
        "dev": cands[n_test : n_test + n_dev],
        "train": cands[n_test + n_dev :],
    }


def build(
    size: str, seed: int, paraphrases: int | None = None
) -> tuple[dict[str, str], dict[str, Any]]:
    """Generate a world in memory: (relative path -> file content, summary)."""
    if size not in SIZES:
        raise InputError(f"unknown world size {size!r}", f"choose one of {', '.join(SIZES)}")
    cfg = SIZES[size]
    para = cfg.paraphrases if paraphrases is None else paraphrases
    if not 1 <= para <= 3:
        raise InputError(
            f"paraphrases must be 1, 2 or 3, not {para}", "each fact is stated in 1-3 documents"
        )
    g_rng = _rng(seed, "graph")
    forge = NameForge(g_rng)
    g = build_graph(g_rng, cfg, forge)

    r = Renderer(g, _rng(seed, "docs"), para)
    for etype in ("person", "org", "product", "city", "event"):
        r.entity_docs(g.of_type(etype))
    r.history_news(g.of_type("org"), g.of_type("city"), g.of_type("event"))
    r.filter_news(g.filter_groups)
    r.finish()
    texts = {d: answer_tokens(t) for d, t in r.texts().items()}

    q_rng = _rng(seed, "questions")
    cands = candidates(g, q_rng, cfg.pairs_per_kind)
    dropped: dict[str, int] = {}
    sound: list[tuple[Candidate, list[list[str]]]] = []
    for c in cands:
        hops = _resolve(c, r.book)
        preview = _render(c, template_id(c.kind, 0))
        reason = _check(c, hops, texts, preview)
        if reason:
            dropped[reason] = dropped.get(reason, 0) + 1
            continue
        sound.append((c, hops))
    hops_of = {id(c): h for c, h in sound}

    by_type: dict[str, list[Candidate]] = {}
    for c, _ in sound:
        by_type.setdefault(c.qtype, []).append(c)
    questions: list[Question] = []
    for qtype in sorted(by_type):
        chosen = _limit(by_type[qtype], cfg.max_per_type, q_rng)
        for split, group in _split(qtype, chosen, cfg.min_test, q_rng, size).items():
            for c in group:
                n_templates = len(TEMPLATES[c.kind][1])
                index = n_templates - 1 if split == "test" else q_rng.randrange(n_templates - 1)
                tid = template_id(c.kind, index)
                hops = hops_of[id(c)]
                evidence = list(dict.fromkeys(d for hop in hops for d in hop))
                questions.append(Question(c, split, tid, _render(c, tid), evidence, hops))

    files: dict[str, str] = {f"docs/{p}": t for p, t in r.files().items()}
    meta_questions: dict[str, Any] = {}
    ids_by_fact: dict[str, list[str]] = {}
    for split in SPLITS:
        group = [q for q in questions if q.split == split]
        q_rng.shuffle(group)
        items = []
        for n, q in enumerate(group, start=1):
            qid = f"{split}-{n:04d}"
            items.append(QAItem(qid, q.text, list(q.cand.answers), q.cand.qtype, q.evidence,
                                q.cand.options))
            meta_questions[qid] = {"split": split, "kind": q.cand.kind, "template": q.template,
                                   "key": q.cand.key, "hops": q.hops, "facts": q.cand.facts}
            for f in q.cand.facts:
                ids_by_fact.setdefault(f, []).append(qid)
        files[f"qa/{split}.jsonl"] = dumps_qa(items)

    u_renderer, u_items, u_meta = _update_batch(g, seed, forge, cfg, files, meta_questions,
                                                ids_by_fact)  # fmt: skip
    train_dev, test = template_sets()

    counts = {
        "entities": {
            t: len(g.of_type(t)) for t in ("person", "org", "product", "city", "country", "event")
        },
        "documents": len(r.texts()),
        "update_documents": len(u_renderer.texts()),
        "questions": {s: sum(q.split == s for q in questions) for s in SPLITS}
        | {"updates": len(u_items)},
        "test_by_type": {
            t: sum(q.split == "test" and q.cand.qtype == t for q in questions)
            for t in sorted(by_type)
        },
        "dropped": dict(sorted(dropped.items())),
    }
    world = {
        "format": FORMAT,
        "config": {"size": size, "seed": seed, "paraphrases": para, "sizes": SIZES[size].__dict__},
        "counts": counts,
        "entities": [e.to_dict() for e in g.entities.values()],
        "relations": _relations(g),
        "filter_groups": [grp.to_dict() for grp in g.filter_groups],
        "unused_names": g.fake,
        "facts": {k: v for k, v in sorted(r.book.docs.items())},
        "templates": {"train_dev": train_dev, "test": test, "text": template_texts()},
        "questions": meta_questions,
        "updates": u_meta,
    }
    files["world.json"] = json.dumps(world, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return dict(sorted(files.items())), counts


def _relations(g: Graph) -> list[dict[str, Any]]:
    rel: list[dict[str, Any]] = []

    def add(s, r, o, **extra):
        rel.append({"subject": s, "relation": r, "object": o, **extra})

    for e in g.entities.values():
        a = e.attrs
        if e.type == "person":
            add(e.id, "born_in", a["born_in"])
            if a.get("works_for"):
                add(e.id, "works_for", a["works_for"], role=a["role"])
        elif e.type == "org":
            add(e.id, "located_in", a["hq"])
            if a["founded_by"]:
                add(e.id, "founded_by", a["founded_by"], withheld="founded_by" in e.withheld)
            for c in a["ceos"]:
                add(c["person"], "ceo_of", e.id, date=c["date"])
        elif e.type == "product":
            add(a["maker"], "makes", e.id)
        elif e.type == "city":
            add(e.id, "located_in", a["country"])
            for m in a.get("mayors", []):
                add(m["person"], "mayor_of", e.id, date=m["date"])
        elif e.type == "event":
            add(e.id, "organised_by", a["organiser"])
            for ed in a["editions"]:
                add(e.id, "held_in", ed["city"], date=ed["date"])
    return rel


def generate_world(
    size: str, seed: int, out: str | Path, paraphrases: int | None = None
) -> dict[str, Any]:
    """Write the world to `out` (replacing an earlier world there, never other files)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} exists and is not a folder", "choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / "world.json").is_file():
        raise InputError(f"{out} is not empty and holds no world", "choose an empty or new folder")
    files, counts = build(size, seed, paraphrases)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.tmp-"))
    try:
        for rel, content in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        if out.is_dir():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            os.replace(out, old)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return {"out": str(out), **counts}


def _update_batch(g: Any, seed: int, forge: NameForge, cfg: Any, files: dict[str, str],
                  meta_questions: dict[str, Any], ids_by_fact: dict[str, list[str]]) -> tuple:  # fmt: skip
    """The update batch: its documents and questions go into `files` and `meta_questions`;
    returns (its renderer, its QA items, its update records)."""
    u_renderer, updates = build_updates(g, _rng(seed, "updates"), forge, cfg.updates)
    u_texts = {d: answer_tokens(t) for d, t in u_renderer.texts().items()}
    files.update({f"updates/{p}": t for p, t in u_renderer.files().items()})
    u_items, u_meta = [], []
    for n, u in enumerate(updates, start=1):
        qid = f"updates-{n:04d}"
        tid = template_id(u.candidate.kind, len(TEMPLATES[u.candidate.kind][1]) - 1)
        hops = _resolve(u.candidate, u_renderer.book)
        text = _render(u.candidate, tid)
        reason = _check(u.candidate, hops, u_texts, text)
        if reason:  # pragma: no cover - updates are built to pass
            raise RuntimeError(f"update question {qid}: {reason}")
        qtype = TEMPLATES[u.candidate.kind][0]
        u_items.append(QAItem(qid, text, list(u.candidate.answers), qtype, hops[0], None))
        meta_questions[qid] = {"split": "updates", "kind": u.candidate.kind, "template": tid,
                               "key": u.candidate.key, "hops": hops, "facts": u.candidate.facts}
        u_meta.append(u.to_dict(qid, ids_by_fact.get(u.fact, [])))
    files["qa/updates.jsonl"] = dumps_qa(u_items)
    return u_renderer, u_items, u_meta
