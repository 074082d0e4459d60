"""No test leakage: drop every training example whose prompt resembles an excluded question.

Two tests, either one drops the example:
- normalised 8-gram overlap: the share of the excluded question's word 8-grams (lower case,
  punctuation removed; questions shorter than 8 words use all their words as one n-gram)
  found in the training prompt, above 0.5;
- MiniLM cosine between the training prompt (the bare question for QA and RAFT examples, the
  text for continued-pretraining examples) and the excluded question, above 0.92.
A third drops it outright: a question made from a sentence (or row) that an excluded item was
made from (`excluded_sources`: the `source`/`sources` of drafted test items, `ragtune qa`), so
drafted test items and training questions never share a source sentence.
The drops are counted in the run record, with a few examples of what was caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from ragtune.finetune.data import Example

NGRAM = 8
MAX_OVERLAP = 0.5
MAX_COSINE = 0.92


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def ngrams(tokens: list[str], n: int = NGRAM) -> set[tuple[str, ...]]:
    if not tokens:
        return set()
    if len(tokens) < n:
        return {tuple(tokens)}
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def overlap(excluded: str, prompt: str, n: int = NGRAM) -> float:
    """Share of the excluded question's n-grams (n = min(8, its length)) found in the prompt."""
    q = _tokens(excluded)
    k = min(n, len(q))
    if k == 0:
        return 0.0
    qg = ngrams(q, k)
    pg = ngrams(_tokens(prompt), k)
    return len(qg & pg) / len(qg)


@dataclass
class LeakageReport:
    checked: int = 0
    excluded_questions: int = 0
    dropped: int = 0
    dropped_overlap: int = 0
    dropped_cosine: int = 0
    dropped_source: int = 0  # made from an excluded item's source sentence
    samples: list[dict[str, Any]] = field(default_factory=list)  # a few caught pairs

    def to_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "excluded_questions": self.excluded_questions,
            "dropped": self.dropped,
            "dropped_overlap": self.dropped_overlap,
            "dropped_cosine": self.dropped_cosine,
            "dropped_source": self.dropped_source,
            "thresholds": {"ngram": NGRAM, "overlap": MAX_OVERLAP, "cosine": MAX_COSINE},
            "samples": self.samples,
        }


def filter_leakage(
    examples: Sequence[Example],
    excluded: Sequence[str],
    embedder: Any | None,
    max_overlap: float = MAX_OVERLAP,
    max_cosine: float = MAX_COSINE,
    excluded_sources: Sequence[str] = (),
) -> tuple[list[Example], LeakageReport]:
    """Examples that resemble no excluded question, and what was dropped.

    `embedder` has `encode(texts) -> (n, d) L2-normalised`; None skips the cosine test (the
    report says so by `dropped_cosine` staying 0 and the caller recording it).
    """
    report = LeakageReport(checked=len(examples), excluded_questions=len(excluded))
    if excluded_sources:
        sources = {" ".join(_tokens(s)) for s in excluded_sources if _tokens(s)}
        kept_src = []
        for e in examples:
            if e.sentence and " ".join(_tokens(e.sentence)) in sources:
                report.dropped += 1
                report.dropped_source += 1
                if len(report.samples) < 10:
                    report.samples.append({"training": e.compare_text[:200], "source": e.sentence[:200]})
            else:
                kept_src.append(e)
        examples = kept_src
    if not excluded or not examples:
        return list(examples), report
    ex_tokens = [_tokens(q) for q in excluded]
    # Index the excluded questions' n-grams: a prompt only needs checking against the
    # questions it shares at least one n-gram with.
    by_gram: dict[tuple[str, ...], list[int]] = {}
    ex_grams = []
    for j, toks in enumerate(ex_tokens):
        k = min(NGRAM, len(toks))
        grams = ngrams(toks, k) if k else set()
        ex_grams.append((k, grams))
        for g in grams:
            by_gram.setdefault(g, []).append(j)
    prompts = [e.compare_text for e in examples]
    sizes = sorted({k for k, _ in ex_grams if k})
    over = np.zeros(len(examples))
    worst_over = [-1] * len(examples)
    for i, text in enumerate(prompts):
        toks = _tokens(text)
        counts: dict[int, int] = {}
        for k in sizes:
            for g in ngrams(toks, k) if len(toks) >= k else ():
                for j in by_gram.get(g, ()):
                    if ex_grams[j][0] == k:
                        counts[j] = counts.get(j, 0) + 1
        for j, c in counts.items():
            share = c / len(ex_grams[j][1])
            if share > over[i]:
                over[i], worst_over[i] = share, j
    cos = np.zeros(len(examples))
    worst_cos = [-1] * len(examples)
    # Cosine is for prompts (questions asked in other words). Text examples are the corpus's
    # own knowledge: a statement of a fact resembles a question about it, and dropping it
    # would drop the fact; text is checked for the test questions' wording (n-grams) only.
    asked = [i for i, e in enumerate(examples) if e.kind != "text"]
    if embedder is not None and asked:
        e_ex = np.asarray(embedder.encode(list(excluded)), dtype=np.float32)
        unique = sorted({prompts[i] for i in asked})
        pos = {t: i for i, t in enumerate(unique)}
        e_pr = np.asarray(embedder.encode(unique), dtype=np.float32)
        sims = e_pr @ e_ex.T
        best = sims.argmax(axis=1)
        for i in asked:
            u = pos[prompts[i]]
            cos[i], worst_cos[i] = float(sims[u, best[u]]), int(best[u])
    kept = []
    for i, e in enumerate(examples):
        by_overlap = over[i] > max_overlap
        by_cosine = cos[i] > max_cosine
        if not (by_overlap or by_cosine):
            kept.append(e)
            continue
        report.dropped += 1
        report.dropped_overlap += int(by_overlap)
        report.dropped_cosine += int(by_cosine and not by_overlap)
        if len(report.samples) < 10:
            j = worst_over[i] if by_overlap else worst_cos[i]
            report.samples.append({
                "training": prompts[i][:200], "excluded": excluded[j],
                "overlap": round(float(over[i]), 3), "cosine": round(float(cos[i]), 3),
            })
    return kept, report
