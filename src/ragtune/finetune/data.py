"""Training data from any corpus: continued-pretraining text, extractive QA (both directions),
abstention examples, user QA pairs, optional LLM-written questions, and RAFT examples.

Every example carries the exact prompt the strategies use at inference (system and user
messages from `ragtune.strategies.prompts`), so what the model learns is what it is asked.

    chunks = load_chunks(project)                     # the project's index (or --corpus DIR)
    data = synthesize(chunks, DataOptions(), train_qa=items, search=index_search)
    data.examples, data.dev, data.stats
"""

from __future__ import annotations

import hashlib
import json
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
from ragtune.strategies.prompts import ABSTAIN_TEXT, CLOSED_BOOK_SYSTEM, RAG_SYSTEM, rag_user_message
from ragtune.types import Chunk

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
    text: bool = True  # chunks as continued-pretraining text
    shuffled_text: bool = False  # a second copy of each chunk with its sentences reordered
    forms: tuple[str, ...] = ("cloze", "in_place", "fronted", "record", "definition", "acronym")
    in_place_with_fronted: bool = False  # keep the in-place form when a fronted one exists
    abstain_share: float = 0.08  # closed-book questions about made-up names -> "I don't know"
    raft_sources: int = 2  # sources per RAFT prompt (rag's default: the 2 best sentences)
    raft_unit: str = "sentences"  # sentences | chunks (as the rag prompt program shows them)
    raft_no_oracle_share: float = 0.2  # RAFT prompts without the oracle -> "I don't know"
    raft_per_fact: int = 1  # RAFT examples per fact (question forms chosen at random)
    llm_questions: int = 0  # extra questions per fact written by the configured generator
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


def _qa(pair: QAPair, chunk: Chunk) -> Example:
    return Example("qa", pair.answer, user=pair.question, system=CLOSED_BOOK_SYSTEM,
                   question=pair.question, origin=pair.form, direction=pair.direction,
                   fact=pair.fact, source=chunk.id)


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


def _raft_examples(items: list[tuple[str, str, Chunk, str, str]], opts: DataOptions,
                   search: SearchFn, rng: random.Random) -> list[Example]:
    """question + oracle + distractors (some without the oracle) -> "answer [n]".

    Sources are what the rag strategy shows (`PromptProgram`: by default the 2 best
    sentences of the retrieved chunks), so the oracle is the fact's sentence and the
    distractors are the retrieved chunks' sentences that share most words with the question.
    """
    if not items:
        return []
    k = max(1, opts.raft_sources)
    hits = search([q for q, _, _, _, _ in items], 5)
    out = []
    for (question, answer, oracle, sentence, fact), found in zip(items, hits):
        others = [c for c in found if c.id != oracle.id]
        if opts.raft_unit == "sentences":
            oracle_text = sentence or oracle.text
            distractors = _sentence_pool(question, [oracle, *others], oracle_text)
            # a distractor must not state the answer (it would be a second oracle)
            distractors = [d for d in distractors if _norm(answer) not in _norm(d)]
        else:
            oracle_text = oracle.text
            distractors = [c.text for c in others if c.text.strip() != oracle.text.strip()]
        if rng.random() < opts.raft_no_oracle_share and len(distractors) >= k:
            sources = distractors[:k]
            target, origin = ABSTAIN_TEXT, "raft_no_oracle"
        else:
            sources = distractors[: k - 1]
            pos = rng.randrange(len(sources) + 1)
            sources.insert(pos, oracle_text)
            target, origin = f"{answer} [{pos + 1}]", "raft"
        out.append(Example("raft", target, user=rag_user_message(question, sources), system=RAG_SYSTEM,
                           question=question, origin=origin, fact=fact, source=oracle.id))
    return out


def _user_qa(items: Sequence[QAItem]) -> list[Example]:
    out = []
    for it in items:
        answer = it.answers[0] if it.answers else ABSTAIN_TEXT
        out.append(Example("qa", answer, user=it.question, system=CLOSED_BOOK_SYSTEM,
                           question=it.question, origin="train_qa", fact=f"qa:{it.id}"))
    return out


def _evidence_chunk(item: QAItem, by_doc: dict[str, list[Chunk]]) -> Chunk | None:
    """The first evidence chunk that contains an answer (the RAFT oracle of a user QA pair)."""
    for doc in item.evidence:
        for c in by_doc.get(doc, []):
            if any(a.lower() in c.text.lower() for a in item.answers):
                return c
    return None


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
                           origin="llm", direction=p.direction, fact=p.fact, source=c.id))
    return out, {"llm_written": len(out), "llm_rejected": rejected}


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
        qa += _user_qa(train_qa)
        if opts.llm_questions and generator is not None:
            extra, s = llm_questions(generator, train_pairs, opts.llm_questions, rng)
            qa += extra
            stats.update(s)
        corpus_text = "\n".join(c.text for c in chunks)
        n_abstain = int(round(opts.abstain_share * len(qa)))
        qa += _abstain_examples(train_pairs, corpus_text, n_abstain, rng)
        examples += qa
    if opts.raft:
        search = search or lexical_search(chunks)
        by_fact_pairs: dict[str, list[tuple[QAPair, Chunk]]] = {}
        for p, c in train_pairs:
            if p.form != "cloze":
                by_fact_pairs.setdefault(p.fact, []).append((p, c))
        items = []
        for fact in sorted(by_fact_pairs):
            options = by_fact_pairs[fact]
            for p, c in rng.sample(options, min(opts.raft_per_fact, len(options))):
                items.append((p.question, p.answer, c, p.source, fact))
        by_doc: dict[str, list[Chunk]] = {}
        for c in chunks:
            by_doc.setdefault(c.doc_id, []).append(c)
        for it in train_qa:
            oracle = _evidence_chunk(it, by_doc) if it.answers else None
            if oracle is not None:
                sentence = next((s for s in split_sentences(oracle.text)
                                 if any(a.lower() in s.lower() for a in it.answers)), "")
                items.append((it.question, it.answers[0], oracle, sentence, f"qa:{it.id}"))
        examples += _raft_examples(items, opts, search, rng)
    if not any(e.kind != "text" for e in examples) and not opts.text:
        raise InputError(
            "nothing to train on: no question could be derived from the corpus",
            "add documents with full sentences, or give pairs with --train-qa FILE",
        )
    if not examples:
        raise InputError("nothing to train on", "add documents or --train-qa pairs")
    rng.shuffle(examples)
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
