"""agentic: a bounded state machine, not an open loop.

    route -> extract filters -> decompose -> retrieve -> grade -> (rewrite -> retrieve)*
          -> answer sub-questions -> answer (comparisons decided in code) -> verify -> abstain?

Every question ends with an `exit_reason`: answered, abstained, budget_exhausted, no_evidence.

How a 135M model can run this: every decision that a bigger model would make by writing JSON
is made here by deterministic parsing of the *question* (route, filters, decomposition), by
scores (retrieval grades, support checks), or by choice scoring; the model only writes short
answers from one or two short passages. Injection safety is structural: route, filter and
budget steps never see document text, only the question and the index's metadata values.

Questions in the same state move together (lockstep): each stage runs once per batch, with
one batched retrieval and one batched generation, so `answer_many` is much faster than a loop.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from ragtune.strategies.base import usage_of
from ragtune.strategies.common import (
    STOPWORDS,
    Passage,
    Timer,
    clean_answer,
    content_words,
    is_abstention,
    make_citations,
    select_passages,
    split_sentences,
    step,
)
from ragtune.prompts import rag_user_message
from ragtune.strategies.rag import Rag
from ragtune.types import Answer, Filter, Hit, Step, Usage

STOPWORDS_LOWER = STOPWORDS
MAX_ROUNDS = 3  # retrieval rounds per sub-question (first try + rewrites)
MAX_HOPS = 3  # bridge hops for nested questions
MAX_STEPS = 16  # every step counts; the budget is enforced here, in code

# --- question parsing (English, generic: wh-words, coordination, comparatives) -----------------

_NUM_TOKEN = r"[0-9](?:[\w\-]|\.(?=\w))*"  # 5.0.0, 3S, 2024-06-30
_ENTITY = re.compile(
    rf"\b(?:[A-Z][\w'\-]*|{_NUM_TOKEN})(?:\s+(?:of\s+|de\s+|van\s+)?(?:[A-Z][\w'\-]*|{_NUM_TOKEN}))*"
)
_QWORDS = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "in", "of",
           "according", "is", "are", "was", "were", "did", "does", "do", "the", "a", "an", "at",
           "for", "on", "to", "by", "from", "and", "or", "if", "as", "i", "tell", "name", "give",
           "what's", "who's", "where's", "when's", "how's", "which's", "since", "after", "before",
           "during", "until", "we", "you", "our", "my", "your", "can", "could", "should", "would",
           "please", "hi", "hey", "so", "then", "also", "any", "some", "this", "that", "these", "those"}
_EXTRA_LEADING = {"under", "over", "with", "without", "about", "per", "via", "into", "through",
                  "across", "between", "among", "within", "here", "there", "now", "today", "yes", "no",
                  "ok", "okay", "thanks", "sorry", "quick", "question", "hello", "dear", "new", "old",
                  "last", "next", "first", "every", "each", "all", "both", "either", "neither"}
_MORE = re.compile(r"\b(more|most|bigger|biggest|larger|largest|higher|highest|greater|greatest|"
                   r"longer|longest|taller|tallest|later|latest|newer|newest|younger|youngest|"
                   r"more recent|more expensive|costs? more|heavier)\b", re.I)
_LESS = re.compile(r"\b(less|least|fewer|fewest|smaller|smallest|lower|lowest|shorter|shortest|"
                   r"cheaper|cheapest|earlier|earliest|first|older|oldest|before)\b", re.I)
_TEMPORAL = re.compile(r"\b(most recent(?:ly)?|latest|currently|current|now|nowadays|today|newest|"
                       r"these days|at present|at the moment|still)\b", re.I)
_NESTED = re.compile(
    r"\bthe\s+(?:[a-z]+\s+){0,2}?[a-z]+\s+(?:that|which|who|whom|where|whose)\b"  # relative clause
    r"|\bthe\s+[a-z]+(?:\s+[a-z]+)?\s+of\s+the\s+[a-z]+(?:\s+[a-z]+)?\s+of\b"  # nested "the X of the Y of"
    r"|\bthe\s+[a-z]+\s+of\s+the\s+[a-z]+\s+(?:that|which|who)\b",
    re.I,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"}


def entities(text: str) -> list[str]:
    """Capitalised spans and number-bearing names ("Quellmark Systems", "Fopon 53"), without a
    leading question word. Generic English, nothing corpus-specific."""
    out = []
    for m in _ENTITY.finditer(text):
        words = m.group(0).split()
        while words and (words[0].lower() in _QWORDS or words[0].lower() in STOPWORDS
                         or words[0].lower() in _EXTRA_LEADING):
            words = words[1:]
        span = " ".join(words).strip(" ,.?")
        if span and not span.isdigit() and span.lower() not in _QWORDS:
            out.append(span)
    return out


_QUANTITY = re.compile(r"(?<![\w.])\d[\d,.]*(?:\s+(?:[a-z]+))?")


def answer_candidates(question: str, passages: list[Passage], limit: int = 8) -> list[str]:
    """Short spans the answer could be: names and numbers in the passages that the question
    does not already contain. The model then only has to rank them (choice scoring)."""
    q = question.lower()
    out: list[str] = []
    for p in passages:
        spans = entities(p.text)
        spans += [m.group(1) for m in re.finditer(r"\b[a-z][a-z ]{1,30}:\s*([^|:]{2,40}?)\s*(?:$|\|)", p.text)]
        for m in _QUANTITY.finditer(p.text):
            num = m.group(0).split()[0].rstrip(".,")
            spans += [num, m.group(0).rstrip(".,")]
        for span in spans:
            span = span.strip(" ,.:;")
            if len(span) < 2 or span.lower() in q or span in out:
                continue
            if span.lower() in ("q", "a", "the") or span.endswith(":"):
                continue
            out.append(span)
    # maximal spans: "20 weeks" rather than "20", "Selka Marrow" rather than "Selka"
    out = [c for c in out if not any(o != c and o.lower().startswith(c.lower() + " ") for o in out)]
    return out[:limit]


_WANTS_NUMBER = re.compile(
    r"\b(when|year|how many|how much|how old|how long|how large|"
    r"price|cost|costs|population|number of|amount of|age)\b", re.I)
_WANTS_NAME = re.compile(r"^\s*(who|whom|where)\b|\bwhich\s+(?!year\b)[a-z]+\b", re.I)


def wanted_type(question: str) -> str | None:
    """The classic answer-type cue of English questions: a number (when, how many, price...) or
    a name (who, where, which company...). None when unclear."""
    if _WANTS_NUMBER.search(question):
        return "number"
    if _WANTS_NAME.search(question):
        return "name"
    return None


def fits(candidate: str, want: str | None) -> bool:
    if want is None:
        return True
    numeric = bool(re.fullmatch(r"[\d,.]+(?:\s+\w+)?", candidate.strip()))
    return numeric if want == "number" else not numeric


def overlap_spans(said: str, context: str, question: str) -> list[str]:
    """Longest runs of the model's own words that also occur in the passages, minus the words
    of the question: the answer inside a chatty sentence ("... in the shipping industry")."""
    q = {w.lower() for w in re.findall(r"[\w\-,.]+", question)}
    words = [w.strip(".,;:!?\"'") for w in said.split()]
    low = context.lower()
    spans, run = [], []
    for w in words + [""]:
        if w and w.lower() not in q and w.lower() not in STOPWORDS_LOWER and re.search(rf"\b{re.escape(w.lower())}\b", low):
            run.append(w)
        elif run:
            spans.append(" ".join(run))
            run = []
    return sorted(set(spans), key=lambda x: -len(x))


def find_options(question: str) -> list[str]:
    """The two things a question asks to choose between: `A or B`, `Of A and B`, `between A and B`."""
    q = question.strip().rstrip("?")
    for pattern in (r",\s*(?:the\s+)?(.+?)\s+or\s+(?:the\s+)?(.+)$",
                    r"^(?:the\s+)?([^,:]+?)\s+or\s+(?:the\s+)?([^,:]+?)\s*[:,]",
                    r"^(?:of|between)\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?),",
                    r"\bbetween\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)(?:,|$)"):
        m = re.search(pattern, q, re.I)
        if m:
            a, b = (x.strip(" ,") for x in m.groups())
            if a and b and len(a.split()) <= 6 and len(b.split()) <= 6:
                return [a, b]
    return []


def route(question: str) -> tuple[str, list[str]]:
    options = find_options(question)
    if len(options) == 2:
        return "comparison", options
    if _NESTED.search(question):
        return "multi_hop", []
    if _TEMPORAL.search(question):
        return "temporal", []
    return "simple", []


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


# --- per-question state --------------------------------------------------------------------------


@dataclass
class Run:
    question: str
    kind: str = "simple"
    options: list[str] = field(default_factory=list)
    filters: Filter | None = None
    hops_done: int = 0
    query: str = ""  # the current (sub-)question
    subs: list[dict[str, Any]] = field(default_factory=list)  # comparison sub-questions
    rounds: int = 0
    steps: int = 0
    hits: list[Hit] = field(default_factory=list)
    support: list[Passage] = field(default_factory=list)
    bridges: list[str] = field(default_factory=list)
    extra: list[Passage] = field(default_factory=list)  # top passages that did not pass grading
    trace: list[Step] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    text: str = ""
    raw: str = ""
    abstained: bool = False
    exit_reason: str = ""
    support_score: float = 0.0
    done: bool = False

    def log(self, kind: str, input: Any, output: Any, tokens: int = 0, ms: float = 0.0) -> None:  # noqa: A002
        self.steps += 1
        self.trace.append(step(kind, input, output, tokens, ms))

    def over_budget(self) -> bool:
        return self.steps >= MAX_STEPS


class Agentic(Rag):
    pipeline = "agentic"

    # The verify threshold (share of the question's names found in the supporting passages)
    # is chosen on dev in `prepare`; this default was good on the hand-written set.
    default_threshold = 0.5

    @property
    def threshold(self) -> float:
        t = self.program.abstain_threshold
        return self.default_threshold if t is None else t

    # ------------------------------------------------------------------ prepare (dev only)

    def prepare(self, project: Any, train_qa: Iterable[Any], dev_qa: Iterable[Any]) -> None:
        """Choose the abstention threshold on dev: the support score that best separates the
        answerable questions answered right from the unanswerable ones."""
        dev = list(dev_qa)
        if not dev:
            return
        from ragtune.eval.metrics import is_correct

        saved = self.program.abstain_threshold
        self.program.abstain_threshold = 0.0  # answer everything, record support scores
        runs = self._runs([d.question for d in dev], None)
        self.program.abstain_threshold = saved
        best = (-1.0, self.default_threshold)
        for t in (0.0, 0.25, 0.34, 0.5, 0.67, 0.75, 1.0):
            ok = 0
            for d, r in zip(dev, runs):
                abstain = r.abstained or r.support_score < t
                ok += is_correct(d, r.text, abstain)
            if ok > best[0]:
                best = (ok, t)
        self.program.abstain_threshold = best[1]
        self.program.meta["threshold_dev_accuracy"] = best[0] / len(dev)

    # ------------------------------------------------------------------ the machine

    def _answer_batch(self, questions: list[str], filters: Filter | None) -> list[Answer]:
        runs = self._runs(questions, filters)
        answers = []
        for r in runs:
            seen: set[str] = set()
            # the passages the answer rests on first, then the latest round's hits, then earlier
            support_ids = [p.hit.chunk_id for p in r.support]
            ordered = sorted(r.hits, key=lambda h: (h.chunk_id not in support_ids, -h.round))
            retrieved = [h for h in ordered if not (h.chunk_id in seen or seen.add(h.chunk_id))]  # type: ignore[func-returns-value]
            answers.append(
                Answer(
                    text=r.text,
                    abstained=r.abstained,
                    citations=[] if r.abstained else make_citations(r.raw, r.text, r.support),
                    retrieved=retrieved,
                    trace=r.trace,
                    usage=r.usage,
                    exit_reason=r.exit_reason,
                )
            )
        return answers

    def _runs(self, questions: list[str], filters: Filter | None) -> list[Run]:
        runs = [Run(q) for q in questions]
        for r in runs:
            self._route(r)
            self._extract_filters(r, filters)
            self._decompose(r)
        self._retrieve_loop(runs)
        self._answer(runs)
        self._verify(runs)
        return runs

    # -- route, filters, decompose: the question only, never document text

    def _route(self, r: Run) -> None:
        t = Timer()
        r.kind, r.options = route(r.question)
        r.log("route", {"question": r.question}, {"kind": r.kind, "options": r.options}, ms=t.ms)

    def _metadata_vocabulary(self) -> dict[str, set[str]]:
        """String metadata values actually present in the index, for low-cardinality fields."""
        if getattr(self, "_vocab", None) is None:
            vocab: dict[str, set[str]] = {}
            fields = self.index.metadata_fields(self.collection)
            for f in fields:
                if f in ("title", "date", "id"):
                    continue
                values = self.index.metadata_values(f, self.collection)
                strings = {v for v in values if isinstance(v, str) and 2 < len(v) <= 40}
                if strings and len(values) <= 60:
                    vocab[f] = strings
            self._vocab = vocab
        return self._vocab

    def _extract_filters(self, r: Run, given: Filter | None) -> None:
        """Deterministic: metadata values that occur as whole words in the question, and a year
        when the question also names such a value (a bare year is usually a fact, not a filter)."""
        t = Timer()
        if given:
            r.filters = given
            r.log("filters", {"question": r.question, "given": given}, given, ms=t.ms)
            return
        q = r.question.lower()
        vocab = self._metadata_vocabulary()
        leaves: list[Filter] = []
        # most specific fields first (more distinct values narrow more)
        for f in sorted(vocab, key=lambda f: (-len(vocab[f]), f)):
            hits = sorted(v for v in vocab[f] if re.search(rf"\b{re.escape(v.lower())}\b", q))
            if len(hits) == 1:
                leaves.append({"field": f, "contains": hits[0]} if f == "tags" else {"field": f, "eq": hits[0]})
        kept: list[Filter] = []
        for leaf in leaves:  # keep a leaf only if documents still match all kept leaves
            if self._matches_any(r.question, kept + [leaf]):
                kept.append(leaf)
        years = _YEAR.findall(r.question)
        if kept and len(years) == 1 and r.kind != "comparison":
            y = years[0]
            leaf = {"field": "date", "gte": f"{y}-01-01", "lte": f"{y}-12-31"}
            if self._matches_any(r.question, kept + [leaf]):
                kept.append(leaf)
        r.filters = {"and": kept} if len(kept) > 1 else (kept[0] if kept else None)
        r.log("filters", {"question": r.question}, r.filters, ms=t.ms)

    def _matches_any(self, question: str, leaves: list[Filter]) -> bool:
        """Whether any chunk satisfies these metadata conditions (the hit's text is not used)."""
        flt = {"and": leaves} if len(leaves) > 1 else leaves[0]
        return bool(self.index.search(question, k=1, filters=flt, mode="dense", collection=self.collection))

    def _decompose(self, r: Run) -> None:
        t = Timer()
        if r.kind == "comparison":
            core = " ".join(w for w in re.findall(r"[\w\-]+", r.question)
                            if w.lower() not in _QWORDS and not any(w in o for o in r.options))
            r.subs = [{"option": o, "query": f"{o} {core}".strip(), "support": []} for o in r.options]
            r.log("decompose", {"question": r.question}, [s["query"] for s in r.subs], ms=t.ms)
        else:
            r.query = r.question
            r.log("decompose", {"question": r.question}, [r.query], ms=t.ms)

    # -- retrieve, grade, rewrite (bounded)

    def _targets(self, runs: list[Run]) -> list[tuple[Run, dict[str, Any] | None, str]]:
        """(run, comparison sub or None, query) for everything still needing evidence."""
        out = []
        for r in runs:
            if r.done:
                continue
            if r.kind == "comparison":
                out += [(r, s, s["query"]) for s in r.subs if not s.get("done")]
            else:
                out.append((r, None, r.query))
        return out

    def _retrieve_loop(self, runs: list[Run]) -> None:
        for _ in range(MAX_ROUNDS + MAX_HOPS):
            targets = self._targets(runs)
            if not targets:
                return
            self._retrieve_and_grade(targets)
            for r in runs:
                if not r.done and r.over_budget():
                    r.done = True
                    r.exit_reason = "budget_exhausted"
        for r in runs:  # rounds ran out while evidence was still insufficient
            if not r.done:
                r.done = True
                r.exit_reason = "budget_exhausted"

    def _search(self, queries: list[str], filters: list[Filter | None], modes: list[str]) -> list[list[Hit]]:
        groups: dict[str, list[int]] = {}
        for i, (f, m) in enumerate(zip(filters, modes)):
            groups.setdefault(json.dumps([f, m], sort_keys=True), []).append(i)
        out: list[list[Hit]] = [[] for _ in queries]
        for key, idx in groups.items():
            f, m = json.loads(key)
            res = self.index.search_many([queries[i] for i in idx], k=self.program.k, filters=f,
                                         mode=m, collection=self.collection)
            for i, hits in zip(idx, res):
                out[i] = hits
        return out

    def _attempt(self, query: str, filters: Filter | None, attempt: int) -> tuple[str, Filter | None, str]:
        """The rewrite policy: 0 as asked (with filters); then without the filters when there
        were some; then the question's content words through BM25 alone."""
        if attempt == 0:
            return query, filters, self.program.mode
        if attempt == 1 and filters:
            return query, None, self.program.mode
        return " ".join(sorted(content_words(query))) or query, None, "bm25"

    def _retrieve_and_grade(self, targets: list[tuple[Run, dict[str, Any] | None, str]]) -> None:
        t = Timer()
        queries, flts, modes = [], [], []
        for r, sub, q in targets:
            attempt = sub.get("rounds", 0) if sub is not None else r.rounds
            query, f, mode = self._attempt(q, r.filters, attempt)
            queries.append(query)
            flts.append(f)
            modes.append(mode)
        hits = self._search(queries, flts, modes)
        emb = self.index.embedder()
        passages = select_passages(emb.encode(queries), queries, hits, emb.encode, "sentences", 6)
        ms = t.ms / max(1, len(targets))
        for (r, sub, q), query, f, hs, ps in zip(targets, queries, flts, hits, passages):
            holder = sub if sub is not None else r.__dict__
            rnd = holder.get("rounds", 0)
            for h in hs:
                h.round = rnd + 10 * r.hops_done
            r.hits.extend(hs)
            r.log("retrieve", {"query": query, "filters": f, "round": rnd}, [h.chunk_id for h in hs], ms=ms)
            names = _names_for_grading(q, r.filters) if sub is None else [sub["option"]]
            covered = [p for p in ps if _covers(p.text, names) >= (0.5 if names else 0.0)]
            # evidence is sufficient when a passage names what the question names; the other
            # top passages stay as context (natural questions often name the topic loosely)
            good = covered[:4]
            if sub is None:
                r.extra = [p for p in ps if p not in covered][:2]
            r.log("grade", {"names": names}, {"kept": [p.text for p in good[:3]], "dropped": len(ps) - len(good)})
            holder["rounds"] = rnd + 1
            if good:
                self._accept(r, sub, good)
            elif holder["rounds"] >= MAX_ROUNDS:
                if sub is not None:
                    sub["done"] = True
                else:
                    r.done = True
                    r.support = ps[:2]
                    r.exit_reason = "no_evidence"
            else:
                nxt = self._attempt(q, r.filters, holder["rounds"])
                r.log("rewrite", {"query": q}, {"query": nxt[0], "filters": nxt[1], "mode": nxt[2]})
        for r in {id(r): r for r, _, _ in targets}.values():
            if r.kind == "comparison" and all(s.get("done") for s in r.subs):
                r.done = True

    def _accept(self, r: Run, sub: dict[str, Any] | None, good: list[Passage]) -> None:
        if sub is not None:
            sub["support"] = good[:2]
            sub["done"] = True
            return
        if r.kind == "temporal":
            good = sorted(good, key=lambda p: str(p.hit.metadata.get("date", "")), reverse=True)
        if r.kind == "multi_hop" and r.hops_done < MAX_HOPS - 1:
            bridge = self._bridge(r, good)
            if bridge:
                r.bridges.append(bridge)
                r.hops_done += 1
                r.rounds = 0
                r.query = rewrite_with_bridge(r.question, bridge)
                r.log("hop", {"from": good[0].text}, {"bridge": bridge, "next_query": r.query})
                if r.hops_done >= 1 and r.query != r.question:
                    r.kind = "multi_hop_final"
                return
        if r.kind == "temporal":
            want = wanted_type(r.question)
            with_answer = [p for p in good if any(fits(c, want) for c in answer_candidates(r.question, [p]))]
            good = with_answer or good
            r.support = good[:1]
        else:
            r.support = good[:3]
        r.done = True

    def _bridge(self, r: Run, good: list[Passage]) -> str | None:
        """The name the nested description refers to ("the company that X works for"): names
        in the first hop's passages that the question does not contain, ranked by the model
        (choice scoring) as answers to that description."""
        known = " ".join([r.question, *r.bridges]).lower()
        passages = good[:4]
        candidates = [c for c in answer_candidates(r.question, passages, limit=10)
                      if fits(c, "name") and c.lower() not in known]
        if not candidates:
            return None
        phrase = nested_phrase(r.question)
        prompt = self.messages(f"Which is {phrase}?", passages)
        scores = self.generator.score_choices(prompt, candidates)
        r.log("bridge", {"sub_question": f"Which is {phrase}?", "candidates": candidates},
              {"scores": [round(x, 2) for x in scores]})
        return candidates[max(range(len(candidates)), key=scores.__getitem__)]

    # -- answer and verify

    def _answer(self, runs: list[Run]) -> None:
        gen_runs = []
        for r in runs:
            if r.exit_reason in ("no_evidence", "budget_exhausted"):
                continue
            if r.kind == "comparison":
                self._compare(r)
            else:
                gen_runs.append(r)
        if not gen_runs:
            return
        t = Timer()
        questions = [r.query if r.kind == "multi_hop_final" else r.question for r in gen_runs]
        prompts = [self.messages(q, r.support) for q, r in zip(questions, gen_runs)]
        gens = self.generate(prompts, None)
        for q, r, prompt, g in zip(questions, gen_runs, prompts, gens):
            r.usage = r.usage + usage_of([g])
            said = clean_answer(g.text)
            context = " ".join(p.text for p in r.support)
            candidates = answer_candidates(q, r.support)
            if said and not is_abstention(said):
                for span in overlap_spans(said, context, q)[:2]:
                    if span not in candidates:
                        candidates.insert(0, span)
            want = wanted_type(q)
            typed = [c for c in candidates if fits(c, want)]
            if not typed and r.extra:  # fall back to the top passages that named less
                more = [c for c in answer_candidates(q, r.extra) if fits(c, want) and c not in candidates]
                if more:
                    typed = more
                    r.support = r.support + r.extra
            if not typed:
                r.raw, r.text = g.text, "I don't know"
                r.log("answer", {"question": q, "generated": g.text, "candidates": candidates,
                                 "wanted": want}, "no candidate of the wanted type",
                      g.completion_tokens, t.ms / len(gen_runs))
                continue
            candidates = typed
            scores = self.generator.score_choices(prompt, candidates) if len(candidates) > 1 else [0.0]
            best = max(range(len(candidates)), key=scores.__getitem__)
            r.text = candidates[best]
            r.raw = g.text
            r.log("answer", {"question": q, "generated": g.text, "candidates": candidates},
                  {"scores": [round(x, 2) for x in scores], "pick": r.text},
                  g.completion_tokens, t.ms / len(gen_runs))

    def _compare(self, r: Run) -> None:
        """Decided in code from the sub-answers: numbers found next to each option."""
        values: dict[str, float | None] = {}
        for s in r.subs:
            values[s["option"]] = _value_near(s["option"], s.get("support", []))
        r.support = [p for s in r.subs for p in s.get("support", [])[:1]]
        direction = _direction(r.question)
        known = {o: v for o, v in values.items() if v is not None}
        if len(known) == 2 and direction:
            pick = (max if direction == "more" else min)(known, key=known.get)  # type: ignore[arg-type]
            r.text = r.raw = pick
            r.log("compare", {"values": values, "direction": direction}, pick)
            return
        if r.support:  # fall back to the model choosing between the options
            prompt = rag_user_message(r.question, [p.text for p in r.support])
            scores = self.generator.score_choices(
                [{"role": "system", "content": self.program.instruction}, {"role": "user", "content": prompt}],
                r.options,
            )
            pick = r.options[max(range(len(scores)), key=scores.__getitem__)]
            r.text = r.raw = pick
            r.log("compare", {"values": values, "direction": direction, "scores": scores}, pick)
        else:
            r.exit_reason = "no_evidence"

    def _verify(self, runs: list[Run]) -> None:
        """Abstain unless the supporting passages name what the question names and contain the
        answer; the share of names found is the support score (threshold chosen on dev)."""
        for r in runs:
            if r.exit_reason in ("no_evidence", "budget_exhausted"):
                r.abstained = True
                r.text = r.text or "I don't know"
                r.log("verify", {}, {"abstain": True, "why": r.exit_reason})
                continue
            text = " ".join(p.text for p in r.support)
            names = [n for n in entities(r.question) if n not in r.options] or r.options
            if r.kind == "multi_hop_final":
                names = entities(r.query)
            covered = _covers(text, names) if names else 1.0
            contains = bool(r.text) and (r.kind == "comparison" or r.text.lower() in text.lower())
            r.support_score = covered if contains else covered * 0.5
            abstain = is_abstention(r.text) or r.support_score < self.threshold
            r.abstained = abstain
            r.exit_reason = "abstained" if abstain else "answered"
            r.log("verify", {"names": names, "threshold": self.threshold},
                  {"support": round(r.support_score, 3), "answer_in_passages": contains, "abstain": abstain})


def _clause_bounds(question: str) -> tuple[int, int, str] | None:
    """Start and end of the nested description, and a participle the outer clause keeps."""
    m = _NESTED.search(question)
    if not m:
        return None
    start = m.start()
    inner = m.group(0).lower().find(" of the ")
    if inner >= 0 and not re.search(r"\b(that|which|who|whom|where|whose)\b", m.group(0), re.I):
        start += inner + len(" of ")  # "the founder of [the employer of X]": the inner one
    rest = question[m.end():]
    stop = re.search(r"[,?]", rest)
    clause = rest[: stop.start()] if stop else rest
    end = m.end() + len(clause)
    words = clause.split()
    trailing = ""
    if words and words[-1].lower().endswith("ed") and len(words) > 1:
        trailing = words[-1]  # "... works for headquartered?": the participle is the outer verb
        end = m.end() + clause.rfind(trailing)
    return start, end, trailing


def nested_phrase(question: str) -> str:
    b = _clause_bounds(question)
    return question[b[0]:b[1]].strip() if b else question


def rewrite_with_bridge(question: str, bridge: str) -> str:
    """Replace the nested description (relative clause / 'the X of the Y of Z') by the name
    the previous hop found: 'the founding year of the company where X works' ->
    'the founding year of Quellmark Systems'."""
    b = _clause_bounds(question)
    if not b:
        return f"{question} ({bridge})"
    start, end, _ = b
    return (question[:start] + bridge + " " + question[end:].lstrip()).replace(" ?", "?").strip()


def _names_for_grading(question: str, filters: Filter | None) -> list[str]:
    """The question's names minus dates and the metadata values the filters already apply
    (a date in "the bulletin from October 2024" is metadata, not text)."""
    used = json.dumps(filters).lower() if filters else ""
    out = []
    for n in entities(question):
        low = n.lower()
        if _YEAR.search(n) or low in _MONTHS or (used and f'"{low}"' in used):
            continue
        out.append(n)
    return out


def _covers(text: str, names: list[str]) -> float:
    if not names:
        return 1.0
    low = text.lower()
    return sum(1 for n in names if n.lower() in low) / len(names)


def _value_near(option: str, passages: list[Passage]) -> float | None:
    for p in passages:
        for sent in split_sentences(p.text):
            if option.lower() in sent.lower():
                rest = sent.lower().replace(option.lower(), " ")
                nums = [_number(n) for n in _NUMBER.findall(rest)]
                nums = [n for n in nums if n is not None]
                if nums:
                    return nums[0]
    return None


def _direction(question: str) -> str | None:
    more, less = _MORE.search(question), _LESS.search(question)
    if more and not less:
        return "more"
    if less and not more:
        return "less"
    if more and less:
        return "more" if more.start() < less.start() else "less"
    return None
