"""Training data from any corpus: continued-pretraining text, extractive QA (both directions),
abstention examples, user QA pairs, optional LLM-written questions, and RAFT examples.

Every example carries the exact prompt the strategies use at inference (system and user
messages from `ragtune.prompts`), so what the model learns is what it is asked.

    chunks = load_chunks(project)                     # the project's index (or --corpus DIR)
    data = synthesize(chunks, DataOptions(), train_qa=items, search=index_search)
    data.examples, data.dev, data.stats
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ragtune.errors import InputError
from ragtune.eval.qa import QAItem
from ragtune.corpus.english import text_units as split_sentences
from ragtune.corpus.questions import Candidate as QAPair
from ragtune.corpus.questions import corpus_candidates
from ragtune.prompts import ABSTAIN_TEXT, CLOSED_BOOK_SYSTEM, RAG_SYSTEM, rag_user_message
from ragtune.types import Chunk

# Knowledge injection needs about this many exposures of a fact (REFERENCES.md: 3 epochs of
# 5 paraphrases reached 19% recall, 36 epochs 86%; docs/FINETUNE.md has this project's curve).
NEEDED_EXPOSURES = 10

# A search function for RAFT distractors: (questions, k) -> per question, chunks best first.
SearchFn = Callable[[list[str], int], list[list[Chunk]]]


@dataclass
class Example:
    """One training example. `kind`: text (loss on every token), qa or raft (loss on answer)."""

    kind: str
    answer: str  # the target; for text examples the text itself
    user: str = ""  # the user message (empty for text)
    system: str = ""  # the system message (empty for text)
    question: str = ""  # the bare question (what the leakage filter compares)
    origin: str = ""  # chunk | shuffled | cloze | in_place | fronted | record | ... | raft
    direction: str = ""  # forward | reverse
    fact: str = ""  # the fact it teaches (sentence + span), shared by its question forms
    source: str = ""  # chunk id
    sentence: str = ""  # the sentence/row a question was made from (test items' sources are excluded)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v != ""}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Example":
        return cls(**d)

    @property
    def compare_text(self) -> str:
        """What is compared with excluded (test) questions: the question, or the text."""
        return self.question or self.user or self.answer


@dataclass
class DataOptions:
    closed_book: bool = True  # closed-book QA examples
    raft: bool = False  # retrieval-augmented (RAFT) examples
    text: bool = False  # whole chunks as continued-pretraining text (long: few facts per token)
    shuffled_text: bool = False  # a second copy of each chunk with its sentences reordered
    forms: tuple[str, ...] = ("cloze", "in_place", "fronted", "record", "definition", "acronym")
    in_place_with_fronted: bool = False  # keep the in-place form when a fronted one exists
    abstain_share: float = 0.08  # closed-book questions about made-up names -> "I don't know"
    raft_sources: int = 2  # sources per RAFT prompt (rag's default: the 2 best sentences)
    raft_unit: str = "sentences"  # sentences | chunks (as the rag prompt program shows them)
    raft_no_oracle_share: float = 0.2  # RAFT prompts without the oracle (answer kept, uncited)
    # What a prompt without its oracle trains: "answer" (RAFT's recipe: the model must remember
    # the fact) or "abstain" ("I don't know"; before 2026-11-30: it taught the adapter to abstain
    # on questions no single passage answers: 22 of 24 comparisons, docs/RESULTS.md, issue 20).
    # Abstention in RAFT prompts is taught by questions the corpus cannot answer instead.
    raft_no_oracle_target: str = "answer"
    raft_per_fact: int = 1  # RAFT examples per fact (question forms chosen at random)
    raft_fact_share: float = 1.0  # share of the corpus's facts given RAFT examples (RAFT prompts
    # are ~5x longer than closed-book ones: with --task both under a short budget, a share
    # leaves tokens for the facts themselves; user QA pairs always get theirs)
    llm_questions: int = 0  # extra questions per fact written by the configured generator
    # Composition (knowledge injection is a matter of exposures per fact: see plan_exposures):
    # each fact-bearing sentence alone as a short text example. Off by default: in 30 minutes
    # they halved the epochs (a fifth of the tokens) and lowered dev accuracy, and their loss on
    # every token raised general-text perplexity x2.66 vs x1.39 (docs/RESULTS.md, issue 20).
    statements: bool = False
    min_phrasings: int = 0  # repeat a fact's examples until it has this many per epoch (0 = off)
    reverse_copies: int = 1  # each reverse question this many times per epoch (statements teach
    # only the forward direction: "A is B" does not teach "B is A")
    dev_holdout: int = 40  # facts whose fronted question is held out as dev (no --dev-qa)
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["forms"] = list(self.forms)
        return d


@dataclass
class TrainingData:
    examples: list[Example]
    dev: list[QAItem] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def hash(self) -> str:
        h = hashlib.sha256()
        for e in self.examples:
            h.update(json.dumps(e.to_dict(), sort_keys=True).encode())
        return h.hexdigest()

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.examples:
            key = f"{e.kind}/{e.origin}"
            out[key] = out.get(key, 0) + 1
        return dict(sorted(out.items()))


# ------------------------------------------------------------------ corpus


def load_chunks(project: Any, corpus: str | Path | None = None, collection: str | None = None) -> list[Chunk]:
    """The chunks to learn from: a corpus folder (read directly), else the project's index."""
    if corpus is not None:
        return corpus_chunks(Path(corpus), project.settings)
    from ragtune.index import open_index

    with open_index(project) as index:
        docs = index.documents(collection)
        chunks = [c for d in docs for c in index.chunks_of(d.doc_id, d.collection)]
    if not chunks:
        raise InputError(
            f"the index of {project.root} holds no documents",
            "run `ragtune ingest DOCS/` first, or pass --corpus DOCS/",
        )
    return chunks


def corpus_chunks(folder: Path, settings: Any) -> list[Chunk]:
    """Read and chunk a folder without indexing it (same loaders and chunk size as ingest)."""
    from ragtune.corpus import ChunkingConfig, Document, WordTokens, chunk_document, iter_documents, scan
    from ragtune.corpus.loaders import LoadError

    files, _problems = scan(folder, settings.index.max_file_mb)
    config = ChunkingConfig(settings.index.chunk_tokens, settings.index.chunk_overlap)
    tokens = _embedder_tokens(settings) or WordTokens()
    chunks: list[Chunk] = []
    for src in files:
        try:
            docs = [d for d in iter_documents(src) if isinstance(d, Document)]
        except LoadError:
            continue
        for doc in docs:
            chunks.extend(chunk_document(doc, tokens, config))
    if not chunks:
        raise InputError(f"{folder} holds no readable documents", "point --corpus at your documents")
    return chunks


def _embedder_tokens(settings: Any) -> Any:
    """The embedder's tokenizer (chunk sizes as in the index), or None for HTTP embedders."""
    from ragtune.models.locate import is_url, resolve_embedder_dir

    if is_url(settings.embedder.model):
        return None
    try:
        from transformers import AutoTokenizer

        from ragtune.corpus import HFTokens

        path, _ = resolve_embedder_dir(settings.embedder.model)
        return HFTokens(AutoTokenizer.from_pretrained(path))
    except Exception:  # noqa: BLE001 - fall back to words; chunk sizes are then approximate
        return None


def lexical_search(chunks: Sequence[Chunk]) -> SearchFn:
    """Distractors without an index: chunks sharing the most words with the question."""
    bags = [set(_words(c.embed_text())) for c in chunks]

    def search(questions: list[str], k: int) -> list[list[Chunk]]:
        out = []
        for q in questions:
            qw = set(_words(q))
            ranked = sorted(range(len(chunks)), key=lambda i: (-len(qw & bags[i]), i))
            out.append([chunks[i] for i in ranked[:k]])
        return out

    return search


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


# ------------------------------------------------------------------ synthesis


def _norm(text: str) -> str:
    return " ".join(_words(text))


def extract_pairs(chunks: Sequence[Chunk], forms: Iterable[str] = ()) -> tuple[list[tuple[QAPair, Chunk]], dict[str, int]]:
    """Every checked question of the corpus (`ragtune.corpus.questions`) with its source chunk."""
    found, stats = corpus_candidates(chunks, forms=forms)
    by_id = {c.id: c for c in chunks}
    kept = [(p, by_id[p.chunk_id]) for p in found]
    stats = {"sentences": stats["units"], "questions": len(kept), "ambiguous_dropped":
             stats["ambiguous_dropped"], "duplicates_dropped": stats["duplicates_dropped"],
             "failed_checks": sum(stats["failed"].values()), "facts": stats["facts"]}
    return kept, stats


def fact_key(pair: QAPair) -> str:
    """The fact a question teaches, the same wherever the corpus states it: its answer and the
    names and values it asks about ("Where was X born?" from a biography, a table row and
    an FAQ are one fact in three phrasings). The sentence's own id when it names nothing."""
    about = sorted({_norm(e) for e in pair.entities} - {_norm(pair.answer), ""})
    return f"{_norm(pair.answer)}~{'|'.join(about)}" if about else pair.fact


def _qa(pair: QAPair, chunk: Chunk) -> Example:
    return Example("qa", pair.answer, user=pair.question, system=CLOSED_BOOK_SYSTEM,
                   question=pair.question, origin=pair.form, direction=pair.direction,
                   fact=fact_key(pair), source=chunk.id, sentence=pair.source)


def _shuffled(text: str, rng: random.Random) -> str | None:
    sents = split_sentences(text)
    if len(sents) < 3:
        return None
    order = list(range(len(sents)))
    while order == sorted(order):
        rng.shuffle(order)
    return " ".join(sents[i] for i in order)


def _text_examples(chunks: Sequence[Chunk], opts: DataOptions, rng: random.Random) -> list[Example]:
    out = []
    for c in chunks:
        head = c.title.strip()
        body = c.text.strip()
        full = f"{head}\n{body}" if head and head not in body[:200] else body
        out.append(Example("text", full, origin="chunk", source=c.id))
        if opts.shuffled_text:
            s = _shuffled(body, rng)
            if s:
                out.append(Example("text", f"{head}\n{s}" if head else s, origin="shuffled", source=c.id))
    return out


def _abstain_examples(pairs: list[tuple[QAPair, Chunk]], corpus_text: str, n: int,
                      rng: random.Random) -> list[Example]:
    """Questions about made-up names (parts of two real names) answered with "I don't know".

    Fine-tuning on new facts makes a model answer everything; these keep abstention alive.
    """
    if n <= 0:
        return []
    subjects = sorted({p.answer for p, _ in pairs if p.direction == "reverse" and len(p.answer.split()) >= 2
                       and p.answer[:1].isupper()})
    if len(subjects) < 2:
        return []
    by_subject: dict[str, list[QAPair]] = {}
    for p, _ in pairs:
        if p.direction == "forward" and p.form in ("fronted", "record", "in_place"):
            for s in subjects:
                if s in p.question:
                    by_subject.setdefault(s, []).append(p)
    out: list[Example] = []
    tries = 0
    keys = sorted(by_subject)
    while keys and len(out) < n and tries < n * 20:
        tries += 1
        real = rng.choice(keys)
        other = rng.choice(subjects)
        fake = " ".join([other.split()[0], *real.split()[1:]])
        if fake == real or fake in corpus_text:
            continue
        p = rng.choice(by_subject[real])
        q = p.question.replace(real, fake)
        out.append(Example("qa", ABSTAIN_TEXT, user=q, system=CLOSED_BOOK_SYSTEM, question=q,
                           origin="abstain", fact=f"abstain:{fake}"))
    return out


def _sentence_pool(question: str, chunks: Sequence[Chunk], exclude: str) -> list[str]:
    """Sentences of the retrieved chunks, most words shared with the question first."""
    qw = set(_words(question))
    seen = {exclude.strip()}
    pool = []
    for rank, c in enumerate(chunks):
        for s in split_sentences(c.text):
            if s.strip() not in seen and len(s.split()) >= 3:
                seen.add(s.strip())
                pool.append((-len(qw & set(_words(s))), rank, s))
    return [s for _, _, s in sorted(pool)]


@dataclass
class RaftItem:
    """A question for RAFT with its oracle: the chunk it was made from and the sentences that
    answer it (one for a single fact; one per needed fact for comparisons and multi-hop)."""

    question: str
    answer: str
    oracle: Chunk
    sentences: list[str]
    fact: str


def _raft_examples(items: list[RaftItem], opts: DataOptions, search: SearchFn,
                   rng: random.Random) -> list[Example]:
    """question + oracle(s) + distractors (some without any oracle) -> the answer.

    Sources are what the rag strategy shows (`PromptProgram`: by default the 2 best
    sentences of the retrieved chunks), so the oracles are the fact's sentences and the
    distractors are the retrieved chunks' sentences that share most words with the question.
    """
    if not items:
        return []
    k = max(1, opts.raft_sources)
    hits = search([it.question for it in items], 5)
    out = []
    for it, found in zip(items, hits):
        others = [c for c in found if c.id != it.oracle.id]
        if opts.raft_unit == "sentences":
            oracles = (it.sentences or [it.oracle.text])[:k]
            distractors = [d for d in _sentence_pool(it.question, [it.oracle, *others], "")
                           if d.strip() not in {o.strip() for o in oracles}]
            # a distractor must not state the answer (it would be a second oracle)
            distractors = [d for d in distractors if _norm(it.answer) not in _norm(d)]
        else:
            oracles = [it.oracle.text]
            distractors = [c.text for c in others if c.text.strip() != it.oracle.text.strip()]
        if rng.random() < opts.raft_no_oracle_share and len(distractors) >= k:
            sources = distractors[:k]
            target = ABSTAIN_TEXT if opts.raft_no_oracle_target == "abstain" else it.answer
            origin = "raft_no_oracle"
        else:
            sources = distractors[: k - len(oracles)]
            for o in oracles:
                sources.insert(rng.randrange(len(sources) + 1), o)
            target, origin = it.answer, "raft"  # cited by matching at inference
        out.append(Example("raft", target, user=rag_user_message(it.question, sources),
                           system=RAG_SYSTEM, question=it.question, origin=origin, fact=it.fact,
                           source=it.oracle.id, sentence=it.sentences[0] if it.sentences else ""))
    return out


def _raft_abstain_examples(questions: list[str], opts: DataOptions, search: SearchFn) -> list[Example]:
    """Questions the corpus cannot answer (pairs labelled unanswerable, questions about made-up
    names) with the sources retrieval finds for them -> "I don't know": abstention tied to the
    sources not answering, not to a question's shape."""
    if not questions:
        return []
    k = max(1, opts.raft_sources)
    out = []
    for q, found in zip(questions, search(questions, 5)):
        if opts.raft_unit == "sentences":
            sources = _sentence_pool(q, found, "")[:k]
        else:
            sources = [c.text for c in found][:k]
        if sources:
            out.append(Example("raft", ABSTAIN_TEXT, user=rag_user_message(q, sources),
                               system=RAG_SYSTEM, question=q, origin="raft_abstain",
                               fact=f"abstain:{q}"))
    return out


# English comparatives: a question with one compares quantities.
_COMPARATIVES = frozenset(
    "more less fewer most least earlier later earliest latest larger smaller largest smallest "
    "bigger biggest older younger oldest youngest higher lower highest lowest longer shorter "
    "cheaper dearer heavier lighter faster slower newer greater deeper wider taller".split()
)

# Function words that say nothing about which sentence answers a question.
_FUNCTION_WORDS = frozenset(
    "a an and are as at be by did do does for from had has have how in is it its of on or "
    "the to was were what when where which who whom whose why with".split()
)


def oracle_sentences(question: str, answers: Sequence[str], chunks: Sequence[Chunk], k: int,
                     options: Sequence[str] = (), idf: dict[str, float] | None = None) -> list[str]:
    """The sentences of a QA pair's evidence that answer it, at most `k`.

    Sentences are scored by the question's content words they share, weighted by rarity
    (`idf`; the relation asked about, "founded", weighs more than "company"); a sentence must
    share one that is not a word of the answers or options. With options (a comparison):
    the best sentence about each option. Otherwise: the best sentence stating an answer, then
    those adding the most question words not yet covered (the next hop of a chain). Empty when
    nothing qualifies: no RAFT example then, rather than one citing a sentence that does not
    answer.
    """
    idf = idf or {}
    qwords = set(_words(question)) - _FUNCTION_WORDS
    named = {w for t in [*answers, *options] for w in _words(t)}
    relation = qwords - named - _COMPARATIVES
    # "more", "earlier", "larger": the question compares quantities, so a sentence giving one
    # (a number) is what answers it, even in other words ("dates back to 1990")
    quantity = bool(qwords & _COMPARATIVES)

    def weight(words: set[str]) -> float:
        return sum(idf.get(w, 1.0) for w in words)

    answer_words = [_norm(a) for a in answers if a.strip()]
    pool: dict[str, set[str]] = {}  # sentence -> the question words it matches
    numbers: dict[str, bool] = {}  # sentence -> states a number (besides the names')
    for c in chunks:
        for sent in split_sentences(c.text):
            words = _matched(qwords, set(_words(sent)))
            numeric = bool(re.search(r"\d", " ".join(set(_words(sent)) - named)))
            if not relation or relation & words or (quantity and numeric):
                pool.setdefault(sent, words)
                numbers[sent] = numeric
    if options:
        chosen = []
        for opt in options[:k]:
            about = [t for t in pool if _norm(opt) in _norm(t) and t not in chosen]
            if not about:
                return []
            chosen.append(max(about, key=lambda t: (quantity and numbers[t],
                                                    weight(relation & pool[t]))))
        return chosen
    stating = [t for t in pool if any(a and a in _norm(t) for a in answer_words)]
    if not stating:
        return []
    chosen = [max(stating, key=lambda t: weight(qwords & pool[t]))]
    covered = qwords & pool[chosen[0]]
    while len(chosen) < k:
        rest = [t for t in pool if t not in chosen and (qwords - covered) & pool[t]]
        if not rest:
            break
        chosen.append(max(rest, key=lambda t: (weight((qwords - covered) & pool[t]),
                                                weight(qwords & pool[t]))))
        covered |= pool[chosen[-1]]
    return chosen


def _matched(qwords: set[str], words: set[str]) -> set[str]:
    """The question words a sentence has, another ending allowed ("deeper" / "deep",
    "founder" / "founded", "employs" / "employees"): both at least 4 letters, sharing all
    but at most 3 letters of the longer one."""
    out = qwords & words
    for q in qwords - out:
        for w in words:
            longer = max(len(q), len(w))
            if min(len(q), len(w)) >= 4 and len(os.path.commonprefix([q, w])) >= max(4, longer - 3):
                out.add(q)
                break
    return out


def word_idf(chunks: Sequence[Chunk]) -> dict[str, float]:
    """Inverse document frequency of each word over the chunks."""
    df: dict[str, int] = {}
    for c in chunks:
        for w in set(_words(c.text)):
            df[w] = df.get(w, 0) + 1
    n = len(chunks)
    return {w: math.log((n + 1) / (d + 0.5)) for w, d in df.items()}


def _user_qa(items: Sequence[QAItem]) -> list[Example]:
    out = []
    for it in items:
        answer = it.answers[0] if it.answers else ABSTAIN_TEXT
        out.append(Example("qa", answer, user=it.question, system=CLOSED_BOOK_SYSTEM,
                           question=it.question, origin="train_qa", fact=f"qa:{it.id}"))
    return out


def llm_questions(generator: Any, pairs: list[tuple[QAPair, Chunk]], per_fact: int,
                  rng: random.Random) -> tuple[list[Example], dict[str, int]]:
    """Questions written by the configured generator for (sentence, answer) pairs.

    Kept only when the question ends with "?", does not contain the answer, and names
    something from the source chunk. A 135M local model keeps few; an HTTP model writes
    better and more varied ones (see docs/FINETUNE.md).
    """
    facts: dict[str, tuple[QAPair, Chunk]] = {}
    for p, c in pairs:
        if p.form == "fronted" or p.fact not in facts:
            facts[p.fact] = (p, c)
    chosen = list(facts.values())
    prompts, meta = [], []
    for p, c in chosen:
        for j in range(per_fact):
            sentence = p.question if p.form == "record" else c.text
            prompts.append(
                f"Text: {sentence[:600]}\n\nWrite one question about this text whose answer is "
                f"\"{p.answer}\". Reply with the question only."
            )
            meta.append((p, c, j))
    out: list[Example] = []
    rejected = 0
    if not prompts:
        return out, {"llm_written": 0, "llm_rejected": 0}
    gens = generator.generate(prompts, max_new_tokens=40, temperature=0.0)
    for g, (p, c, _) in zip(gens, meta):
        q = g.text.strip().split("\n")[0].strip()
        ans = _norm(p.answer)
        anchors = set(_words(c.text)) - set(_words(p.answer))
        if (not q.endswith("?") or not 3 <= len(q.split()) <= 30 or (ans and ans in _norm(q))
                or not (set(_words(q)) & {w for w in anchors if len(w) > 3})):
            rejected += 1
            continue
        out.append(Example("qa", p.answer, user=q, system=CLOSED_BOOK_SYSTEM, question=q,
                           origin="llm", direction=p.direction, fact=p.fact, source=c.id,
                           sentence=p.source))
    return out, {"llm_written": len(out), "llm_rejected": rejected}


# ------------------------------------------------------------------ composition


def sentence_of(pair: QAPair) -> str:
    """The sentence (or record row) a synthesised question was made from."""
    return pair.source


def _statements(pairs: Sequence[tuple[QAPair, Chunk]]) -> list[Example]:
    """Each sentence that taught a question, alone, as a short text example: the cheapest
    exposure of its facts (no prompt, loss on every token); `fact` lists the facts it states."""
    by_sentence: dict[tuple[str, str], list[str]] = {}
    for p, c in pairs:
        sentence = sentence_of(p)
        if sentence:
            facts = by_sentence.setdefault((c.id, sentence.strip()), [])
            if fact_key(p) not in facts:
                facts.append(fact_key(p))
    return [Example("text", sentence, origin="statement", fact=";".join(facts), source=cid)
            for (cid, sentence), facts in by_sentence.items()]


def _repeat(examples: list[Example], at_least: int) -> list[Example]:
    """Copies of the examples of facts taught fewer than `at_least` times per epoch (cycling
    through their phrasings): every fact gets about the same number of exposures."""
    if at_least <= 1:
        return []
    by_fact: dict[str, list[Example]] = {}
    for e in examples:
        if e.kind == "qa" and e.origin not in ("abstain",):
            by_fact.setdefault(e.fact, []).append(e)
    extra = []
    for group in by_fact.values():
        extra += [group[i % len(group)] for i in range(max(0, at_least - len(group)))]
    return extra


def exposure_counts(examples: Sequence[Example]) -> dict[str, int]:
    """Examples per fact in one epoch: questions (both directions, every phrasing) and the
    statements that state it. Abstention examples teach no fact."""
    out: dict[str, int] = {}
    for e in examples:
        if e.kind == "qa" and e.origin != "abstain" and e.fact:
            out[e.fact] = out.get(e.fact, 0) + 1
    for e in examples:
        if e.origin == "statement":
            for f in e.fact.split(";"):
                if f in out:
                    out[f] += 1
    return out


def plan_exposures(examples: Sequence[Example], epoch_tokens: int, tokens_per_s: float | None = None,
                   seconds: float | None = None, needed: int = NEEDED_EXPOSURES) -> dict[str, Any]:
    """What a training budget buys: facts, phrasings per fact, epochs and expected exposures
    per fact at `tokens_per_s` for `seconds` (knowledge injection needs >= `needed`)."""
    counts = exposure_counts(examples)
    per_fact = sum(counts.values()) / max(len(counts), 1)
    plan: dict[str, Any] = {"facts": len(counts), "phrasings_per_fact": round(per_fact, 2),
                            "examples": len(examples), "epoch_tokens": epoch_tokens,
                            "needed": needed}
    if tokens_per_s and seconds and counts:
        epochs = tokens_per_s * seconds / max(epoch_tokens, 1)
        plan.update(
            tokens_per_s=round(tokens_per_s, 1), seconds=round(seconds), epochs=round(epochs, 2),
            exposures_per_fact=round(epochs * per_fact, 1), enough=epochs * per_fact >= needed,
            minutes_for_needed=round(needed / per_fact * epoch_tokens / tokens_per_s / 60, 1),
        )
    return plan


def synthesize(
    chunks: Sequence[Chunk],
    opts: DataOptions | None = None,
    train_qa: Sequence[QAItem] = (),
    dev_qa: Sequence[QAItem] | None = None,
    search: SearchFn | None = None,
    generator: Any = None,
) -> TrainingData:
    """All training examples for a corpus (deterministic for a seed)."""
    opts = opts or DataOptions()
    rng = random.Random(f"ragtune-finetune:{opts.seed}")
    if not chunks:
        raise InputError("the corpus is empty", "ingest some documents first")
    pairs, stats = extract_pairs(chunks, opts.forms)
    examples: list[Example] = []
    dev: list[QAItem] = list(dev_qa) if dev_qa is not None else []
    held: set[tuple[str, str]] = set()
    if dev_qa is None and opts.dev_holdout > 0:
        # Held-out phrasing: one fronted question per chosen fact; its other forms still train.
        fronted = [(p, c) for p, c in pairs if p.form in ("fronted", "record") and p.direction == "forward"]
        rng.shuffle(fronted)
        by_fact: dict[str, int] = {}
        for p, _ in pairs:
            by_fact[p.fact] = by_fact.get(p.fact, 0) + 1
        cap = min(opts.dev_holdout, max(1, len(by_fact) // 5))  # at most a fifth of the facts
        for p, _ in fronted:
            if len(dev) >= cap:
                break
            if by_fact[p.fact] < 2:
                continue  # nothing else would teach this fact
            dev.append(QAItem(f"dev-{len(dev) + 1:03d}", p.question, [p.answer], "single_hop"))
            held.add((p.question, p.answer))
    train_pairs = [(p, c) for p, c in pairs if (p.question, p.answer) not in held]
    if opts.text:
        examples += _text_examples(chunks, opts, rng)
    corpus_text = "\n".join(c.text for c in chunks)  # made-up names must not occur in it
    if opts.closed_book:
        qa_pairs = train_pairs
        if not opts.in_place_with_fronted:
            # "X was released in what?" adds little next to "When was X released?"
            # and the cloze of the same sentence; under a compute budget, exposures of other
            # facts are worth more.
            fronted_facts = {p.fact for p, _ in train_pairs if p.form == "fronted"}
            qa_pairs = [(p, c) for p, c in train_pairs
                        if not (p.form == "in_place" and p.fact in fronted_facts)]
        qa = [_qa(p, c) for p, c in qa_pairs]
        if opts.statements:
            examples += _statements(train_pairs)
        qa += _user_qa(train_qa)
        if opts.llm_questions and generator is not None:
            extra, s = llm_questions(generator, train_pairs, opts.llm_questions, rng)
            qa += extra
            stats.update(s)
        n_abstain = int(round(opts.abstain_share * len(qa)))
        qa += _abstain_examples(train_pairs, corpus_text, n_abstain, rng)
        repeats = _repeat(qa, opts.min_phrasings)
        repeats += [e for e in qa if e.direction == "reverse"] * max(0, opts.reverse_copies - 1)
        stats["repeated"] = len(repeats)
        examples += qa + repeats
    if opts.raft:
        search = search or lexical_search(chunks)
        by_fact_pairs: dict[str, list[tuple[QAPair, Chunk]]] = {}
        for p, c in train_pairs:
            if p.form != "cloze":
                by_fact_pairs.setdefault(p.fact, []).append((p, c))
        items = []
        facts = sorted(by_fact_pairs)
        if opts.raft_fact_share < 1.0:
            facts = sorted(rng.sample(facts, int(round(opts.raft_fact_share * len(facts)))))
        for fact in facts:
            options = by_fact_pairs[fact]
            for p, c in rng.sample(options, min(opts.raft_per_fact, len(options))):
                sentence = sentence_of(p)
                items.append(RaftItem(p.question, p.answer, c, [sentence] if sentence else [], fact))
        by_doc: dict[str, list[Chunk]] = {}
        for c in chunks:
            by_doc.setdefault(c.doc_id, []).append(c)
        idf = word_idf(chunks) if train_qa else {}
        for it in train_qa:
            evidence = [c for doc in it.evidence for c in by_doc.get(doc, [])]
            found = (oracle_sentences(it.question, it.answers, evidence, opts.raft_sources,
                                      it.options or (), idf) if it.answers else [])
            if found:  # a pair whose evidence states no answer teaches nothing to cite
                oracle = next(c for c in evidence if any(f in c.text for f in found))
                items.append(RaftItem(it.question, it.answers[0], oracle, found, f"qa:{it.id}"))
        examples += _raft_examples(items, opts, search, rng)
        if opts.raft_no_oracle_target != "abstain":
            unanswerable = [it.question for it in train_qa if not it.answers]
            n_made_up = int(round(opts.abstain_share * len(items)))
            made_up = [e.question for e in _abstain_examples(train_pairs, corpus_text, n_made_up, rng)]
            examples += _raft_abstain_examples(unanswerable + made_up, opts, search)
    if not any(e.kind != "text" for e in examples) and not opts.text:
        raise InputError(
            "nothing to train on: no question could be derived from the corpus",
            "add documents with full sentences, or give pairs with --train-qa FILE",
        )
    if not examples:
        raise InputError("nothing to train on", "add documents or --train-qa pairs")
    rng.shuffle(examples)
    counts = exposure_counts(examples)
    stats["facts"] = len(counts)  # facts taught: sentence + answer span, and user QA pairs
    stats["phrasings_per_fact"] = round(sum(counts.values()) / max(len(counts), 1), 2)
    stats["chunks"] = len(chunks)
    stats["dev_items"] = len(dev)
    stats["dev_source"] = "file" if dev_qa is not None else "held-out phrasings"
    data = TrainingData(examples, dev, stats)
    stats["by_origin"] = data.counts()
    return data


def save_examples(path: str | Path, examples: Iterable[Example]) -> None:
    from ragtune.project import atomic_write

    atomic_write(path, "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in examples))


def load_examples(path: str | Path) -> list[Example]:
    with open(path, encoding="utf-8") as f:
        return [Example.from_dict(json.loads(line)) for line in f if line.strip()]
