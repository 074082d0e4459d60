"""Pieces every pipeline shares: the prompt program, passages, answer parsing, citations."""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ragtune.corpus.markdown import TABLE_RULE
from ragtune.errors import InputError
from ragtune.project import Project, atomic_write_json
from ragtune.prompts import ABSTAIN_TEXT, NUMBERED_SOURCES_INSTRUCTIONS, RAG_SYSTEM, TERSE_SYSTEM
from ragtune.types import Citation, Hit, Step


@dataclass
class PromptProgram:
    """Everything about how a retrieval pipeline prompts, except the model.

    The default is hand-set; `strategies.search` finds a better one on dev and saves it as
    an artefact (`.ragtune/programs/ID.json`) listing every candidate with its dev score."""

    id: str = "default"
    instruction: str = RAG_SYSTEM
    k: int = 5  # chunks retrieved (and reported in Answer.retrieved)
    context: str = "sentences"  # "sentences": best sentences of the chunks; "chunks": whole chunks
    # passages shown to the model. One: a 135M reader given the runner-up passage too answers
    # from it or echoes the question (9 dev and read splits, float32, 2026-12-01: rag 194 -> 210
    # of 628 right, single-hop 105 -> 118; docs/RESULTS.md)
    n_context: int = 1
    # "best_last": the best passage closest to the question. A 135M reader copies from the
    # passage it read last: best-first, it often answered from the runner-up (dev rag 131 ->
    # 144 of 370 with best-last, every split level or better; docs/RESULTS.md, 2026-12-01)
    order: str = "best_last"  # or "best_first"
    demos: list[dict[str, str]] = field(default_factory=list)  # few-shot from train
    mode: str = "hybrid"
    # beam width of the answer's decoding (1: greedy). Beams copy values from the context more
    # faithfully (dev rag 116 greedy, 125 with 2, 129 with 3 of 370); 2 keeps the demo inside its
    # time and memory budget (a beam batch holds batch_size / beams prompts; docs/RESULTS.md)
    beams: int = 2
    # asked again with this instruction when the answer says nothing (`says_nothing`: the
    # question echoed, a refusal, "I don't know" beside the passage that answers); "" = never.
    # dev, read2 and read3 (803 questions), float32, 2026-12-01: rag 276 -> 288, agentic 477 -> 481
    retry_instruction: str = TERSE_SYSTEM
    max_context_tokens: int = 400
    abstain_threshold: float | None = None  # support score below which agentic abstains
    candidates: list[dict[str, Any]] = field(default_factory=list)  # search record
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PromptProgram":
        known = {f for f in cls.__dataclass_fields__}
        fields = {k: v for k, v in d.items() if k in known}
        if "beams" in fields:
            fields["beams"] = max(1, int(fields["beams"] or 1))
        # a program saved for the numbered-sources prompt: today's instruction and demonstrations
        if fields.get("instruction") in NUMBERED_SOURCES_INSTRUCTIONS:
            fields["instruction"] = NUMBERED_SOURCES_INSTRUCTIONS[fields["instruction"]]
            fields["demos"] = [{**demo, "answer": _CITE.sub("", demo.get("answer", "")).strip()}
                               for demo in fields.get("demos") or []]
        return cls(**fields)


def programs_dir(project: Project) -> Path:
    return project.path("programs")


def save_program(project: Project, program: PromptProgram) -> Path:
    path = programs_dir(project) / f"{program.id}.json"
    atomic_write_json(path, program.to_dict())
    return path


def load_program(project: Project, program_id: str | None) -> PromptProgram:
    if not program_id or program_id == "default":
        return PromptProgram()
    path = programs_dir(project) / f"{program_id}.json"
    if not path.exists():
        known = sorted(p.stem for p in programs_dir(project).glob("*.json"))
        raise InputError(
            f"prompt program {program_id!r} not found in {programs_dir(project)}",
            f"known: {', '.join(known) or 'none'}; create one with `ragtune compare` or "
            "ragtune.strategies.search",
        )
    return PromptProgram.from_dict(json.loads(path.read_text()))


# ---------------------------------------------------------------- passages

_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(*])")
# "e.g.", "Dr.", "St." and a name's initial ("Andrew G. Morgan") end no sentence (narrower than
# _NOT_END, which also keeps a lone letter or a list number from ending a cut answer: a passage
# split there would merge sentences that do end, "grade A. The next ...")
_ABBREVIATED = re.compile(r"(?:\b(?:e\.g|i\.e|vs|approx|cf|Dr|Mr|Mrs|Ms|Prof|St|Fig)|\b[A-Z][a-z]+ [A-Z])\.$")
_BLOCK_SPLIT = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*+]\s|\d+[.)]\s|#|\|))")


_VALUE_HEADS = {"", "value", "values", "description", "details", "detail", "setting", "info"}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def tables_as_records(text: str) -> str:
    """Markdown table rows as records: under a header `| Group | Award |`, the row
    `| Hall | 9,000 |` becomes `Hall | Award: 9,000`, each cell with its column's name (a cell
    read alone is a bare value), and a row of a `| field | value |` table `field: value`; the
    header and rule lines go."""
    lines = text.split("\n")
    out: list[str] = []
    header: list[str] | None = None
    for i, line in enumerate(lines):
        if line.lstrip().startswith("|"):
            if i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1]) and not TABLE_RULE.match(line):
                header = _cells(line)
                continue
            if TABLE_RULE.match(line):
                continue
            if header:
                cells = _cells(line)
                if len(header) == 2 and header[1].lower() in _VALUE_HEADS:  # | field | value |
                    out += ["", f"{cells[0]}: {cells[1]}" if len(cells) > 1 else cells[0], ""]
                    continue
                rest = [f"{h}: {c}" if h else c for h, c in zip(header[1:], cells[1:]) if c]
                out += ["", " | ".join([cells[0] or "-", *rest]) if rest else cells[0], ""]  # a block each
                continue
        else:
            header = None
        out.append(line)
    return "\n".join(out)


def split_sentences(text: str) -> list[str]:
    """Sentences. Wrapped lines are joined (a line break inside a paragraph is not a sentence
    end); blank lines, list items and headings start new pieces. A table row
    `Name | key: value | ...` becomes `Name key: value` per cell, so each piece keeps its subject
    (a markdown table's rows are read so, each cell under its column's name)."""
    out: list[str] = []
    if "|" in text:
        text = tables_as_records(text)
    for block in _BLOCK_SPLIT.split(text):
        block = re.sub(r"\s*\n\s*", " ", block).strip()
        pieces: list[str] = []
        for s in _SENT_SPLIT.split(block):  # an abbreviation or an initial ends no sentence
            if pieces and (_ABBREVIATED.search(pieces[-1]) or pieces[-1].endswith((" no.", "(no.", " No."))
                           and s[:1].isdigit()):
                pieces[-1] = f"{pieces[-1]} {s}"
            else:
                pieces.append(s)
        for s in pieces:
            s = s.strip()
            if " | " in s:
                head, *cells = [c.strip() for c in s.split(" | ")]
                out.extend(f"{head} {c}" for c in cells if c)
            elif len(s) > 2:
                out.append(s)
    return out


@dataclass
class Passage:
    """A piece of retrieved text shown to the model, with the hit it came from."""

    text: str
    hit: Hit
    score: float
    label: str = ""  # the document's title, shown before a sentence that does not name it

    @property
    def shown(self) -> str:
        """What the model reads: a sentence out of its document keeps the document's name
        ("cloudpickle: licence: BSD-3-Clause", "httpx: It supports HTTP/2.")."""
        return f"{self.label}: {self.text}" if self.label else self.text


_WORD = re.compile(r"[A-Za-z0-9]+")
STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or is are was were be been being do does did "
    "what which who whom whose when where why how that this these those it its as into than then "
    "there their they he she his her him we you your our not no yes can could would should will "
    "has have had about over under after before according".split()
)


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in STOPWORDS}


# singular nouns that end in s (alias, bias, status, apparatus, radius, analysis)
_SINGULAR_S = ("ias", "tus", "ius", "sis")


def stem(word: str) -> str:
    """A crude English stem, enough to match 'installs' with 'installed'."""
    w = word.lower()
    if w.endswith(_SINGULAR_S):  # "alias" is the stem of "aliases", not "alia"
        return w
    for suffix in ("ies", "ied", "ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix) and not w.endswith("ss"):
            return w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return w


# words that point at a document rather than name a thing in it ("the AnyIO README")
DOCUMENT_WORDS = {"readme", "changelog", "faq", "docs", "wiki", "manual", "handbook", "homepage"}
# words about the text rather than the world ("which version does the catalog list?"): a page
# that answers need not use them
TEXT_WORDS = {stem(w) for w in (*DOCUMENT_WORDS, "catalog", "catalogue", "catalogued", "cataloged",
                                "directory", "page", "document", "record", "entry", "list", "listed",
                                "mention", "say", "man",  # "the man page"
                                "says", "state", "states", "accord", "according")}


def word_overlap(question_words: set[str], sentence_words: list[set[str]]) -> list[float]:
    """Per sentence, the share of the question's words it holds, each word weighted by how
    rare it is among these sentences (a word every candidate has decides nothing), stemmed,
    without words about the text ("the manual page of X" is in every question about X), and
    with a field label that abbreviates a question word counted ("deb" for "Debian", "desc")."""
    q = {stem(w) for w in question_words} - TEXT_WORDS
    sents = [{stem(w) for w in ws} for ws in sentence_words]
    if not q or not sents:
        return [0.0] * len(sents)
    df: dict[str, int] = {}
    for ws in sents:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    weight = {w: math.log(1 + len(sents) / (1 + df.get(w, 0))) for w in q}
    total = sum(weight.values())
    out = []
    for ws in sents:
        short = [s for s in ws if len(s) >= 3 and s.isalpha()]
        out.append(sum(weight[w] for w in q if w in ws or any(
            len(w) > len(s) and w.startswith(s) for s in short)) / total)
    return out


def document_label(sentence: str, hit: Hit) -> str:
    """The name of a sentence's document (its title, else the last part of its id) when the
    sentence does not already contain it: a sentence alone loses what it is about."""
    title = " ".join((hit.title or hit.doc_id.rsplit("/", 1)[-1].split("#")[-1]).split())[:80]
    words = content_words(title)
    if not words or words <= content_words(sentence):
        return ""
    return title


def with_answers(sentences: list[str]) -> list[str]:
    """A sentence that asks ("What is the launch code?" in a FAQ) goes with the sentence after
    it, its answer: alone it matches the question best and answers nothing."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        s = sentences[i]
        if s.rstrip().endswith("?") and i + 1 < len(sentences):
            s = f"{s} {sentences[i + 1]}"
            i += 1
        out.append(s)
        i += 1
    return out


def select_passages(
    question_vecs: np.ndarray,
    questions: list[str],
    hits_per_question: list[list[Hit]],
    embed,  # noqa: ANN001 (texts -> normalised vectors)
    unit: str,
    n: int,
) -> list[list[Passage]]:
    """The `n` best passages per question: whole chunks in retrieval order, or the sentences
    of the retrieved chunks ranked by embedding similarity plus weighted word overlap with the question
    (a 135M model answers from one short relevant sentence, and copies the wrong one from a
    long noisy context)."""
    if unit == "chunks":
        return [
            [Passage(h.text, h, h.score) for h in hits[:n]] for hits in hits_per_question
        ]
    all_sents: list[tuple[int, str, Hit, int, str]] = []
    for qi, hits in enumerate(hits_per_question):
        for rank, h in enumerate(hits):
            for s in with_answers(split_sentences(h.text)):
                all_sents.append((qi, s, h, rank, document_label(s, h)))
    if not all_sents:
        return [[] for _ in questions]
    vecs = embed([f"{label}: {s}" if label else s for _, s, _, _, label in all_sents])
    out: list[list[Passage]] = [[] for _ in questions]
    of_question: list[list[int]] = [[] for _ in questions]
    for j, c in enumerate(all_sents):
        of_question[c[0]].append(j)
    for qi, q in enumerate(questions):
        js = of_question[qi]
        overlaps = word_overlap(content_words(q), [content_words(f"{all_sents[j][4]} {all_sents[j][1]}") for j in js])
        for j, overlap in zip(js, overlaps):
            _, s, h, rank, label = all_sents[j]
            score = float(vecs[j] @ question_vecs[qi]) + 0.8 * overlap - 0.02 * rank
            out[qi].append(Passage(s, h, score, label))
    for qi in range(len(questions)):
        out[qi].sort(key=lambda p: -p.score)
        seen: set[str] = set()
        unique = []
        for p in out[qi]:
            if p.text not in seen:
                seen.add(p.text)
                unique.append(p)
        out[qi] = unique[:n]
    return out


def fit_budget(passages: list[Passage], budget_tokens: int, count_tokens) -> list[Passage]:  # noqa: ANN001
    """Keep whole passages, best first, within the token budget (never cut one mid-way, never
    drop the question); 4 tokens a passage of slack for its line break."""
    kept, used = [], 0
    for p in passages:
        cost = count_tokens(p.shown) + 4
        if kept and used + cost > budget_tokens:
            break
        kept.append(p)
        used += cost
    return kept


# ---------------------------------------------------------------- answers

_ABSTAIN = re.compile(
    r"\b(i don'?t know|i do not know|do not know|don'?t know|not (?:mentioned|stated|specified|"
    r"provided|given|available|included)|no information|cannot (?:be )?(?:answer|determine|find)|"
    r"can'?t (?:answer|determine)|unknown|not enough information|unanswerable|does not (?:say|mention|contain))\b",
    re.I,
)
_CITE = re.compile(r"\s*\[(\d{1,2})\]")
_PREFIX = re.compile(r"^\s*(?:answer|a|final answer)\s*[:\-]\s*", re.I)
_PREAMBLE = re.compile(r"^(?:sure|okay|ok|certainly|of course|yes|here is the answer|answer)\W*$", re.I)

ANSWER_TOKENS = 64
"""Default new-token budget of a generated answer. Generation stops earlier at the model's end
of turn; an answer the budget cut is trimmed back to its last complete sentence."""

# a sentence ends at . ! ? (closing quotes/brackets allowed) before white space or the end, not
# after a decimal point, a one-letter initial, a list number or a common abbreviation
_SENT_END = re.compile(r"[.!?][\"')\]]*(?=\s|$)")
_NOT_END = re.compile(r"(?:\b[A-Za-z]|\b\d{1,2}|\b(?:e\.g|i\.e|etc|vs|approx|dr|mr|mrs|ms|st|no|inc|ltd|co|corp|fig))\.$", re.I)


def is_abstention(text: str) -> bool:
    return not text.strip() or bool(_ABSTAIN.search(text))


_REFUSAL = re.compile(r"\bas an? (?:ai|chatbot|language model|text-based ai|assistant)\b|"
                      r"\bi'?m (?:sorry|not sure)\b|\bi am (?:sorry|not sure)\b", re.I)


# a word or a few words said four times and more in a row
_REPEATED = re.compile(r"(?<!\S)(\S+(?:\s+\S+){0,3}?)(?:[\s,;]+\1(?![^\s,;.])){3,}")


def refuses(answer: str) -> bool:
    """A chat model's refusal ("I'm sorry, but as a text-based AI, I don't have ...")."""
    return bool(_REFUSAL.search(answer))


def says_nothing(question: str, answer: str) -> bool:
    """An answer that answers nothing: an abstention or a chat model's refusal ("I'm sorry,
    but as an AI ..."), a generation caught in a loop (a word or a few repeated four times
    and more, half the answer at least), or the question said back ("X's GPU support is
    provided via what else?"; four in five of its words are the question's)."""
    if is_abstention(answer) or _REFUSAL.search(answer):
        return True
    if (loop := _REPEATED.search(answer)) and len(loop.group(0)) * 2 >= len(answer.strip()):
        return True  # a generation stuck in a loop ("2016-12-28 2016-12-28 2016-12-28 2016-12-28 ...")
    asked = set(re.findall(r"\w+", question.lower()))
    said = re.findall(r"\w+", answer.lower())
    if any(any(c.isdigit() for c in w) and w not in asked for w in said):
        return False  # "... received in August 2025 were 14.", "... is 40h00.": a figure the question lacks is said
    return bool(said) and sum(w in asked for w in said) / len(said) > 0.8


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end in `text`."""
    return [m.end() for m in _SENT_END.finditer(text)
            if not (m.group()[0] == "." and _NOT_END.search(text[: m.start() + 1]))]


def whole_sentences(text: str, cut: bool) -> str:
    """`text`, or when generation was `cut` by its token budget, `text` up to its last complete
    sentence (a whole answer is never cut mid-sentence; an answer with no sentence end at all is
    kept as it is)."""
    text = text.strip()
    if not cut:
        return text
    ends = sentence_ends(text)
    return text[: ends[-1]].strip() if ends else text


def end_sentence(text: str) -> str:
    """A whole answer ends like a sentence: a phrase the model ended without punctuation
    ("14 months") gets a full stop; a text cut mid-sentence is handled by whole_sentences."""
    text = text.strip()
    if text and text[-1].isalnum() or text.endswith((")", '"', "'", "%", "]")):
        return text + "."
    return text


def clean_answer(text: str, cut: bool = False) -> str:
    """The answer line: the first non-empty line that is not a bare preamble ("Sure!"), without
    an 'Answer:' prefix or citation markers, ending like a sentence; when `cut` by the token
    budget (which can only have cut the last line), whole sentences only. A line that ends with
    a colon keeps what it introduces: "It needs:" + a list or a code block reads "It needs: a;
    b." (the first line alone would be an answer with its content dropped)."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    pick = next((i for i, ln in enumerate(lines) if not _PREAMBLE.match(ln)), 0)
    line = lines[pick] if lines else ""
    line = _CITE.sub("", _PREFIX.sub("", line))
    line = re.sub(r"\s+", " ", line).strip()
    if line.endswith(":"):
        # the budget may have cut the last line mid-way: it is not read
        items = introduced(lines[: len(lines) - 1] if cut else lines, pick + 1)
        if items:
            return end_sentence(f"{line} {'; '.join(items)}")
    line = line.rstrip(",;:")
    cut = cut and pick == len(lines) - 1
    if cut and not sentence_ends(line):
        return line + "\u2026"  # no sentence ended within the budget: marked, not passed off as whole
    return end_sentence(whole_sentences(line, cut))


_ITEM = re.compile(r"^(?:[-*\u2022+]|\d{1,2}[.)])\s+")


def introduced(lines: list[str], start: int, most: int = 5) -> list[str]:
    """What a line ending with a colon introduces, from `lines[start]` on: the list items, or the
    first code block's lines (in backticks), distinct ones, at most `most`; else the next line."""
    items: list[str] = []
    fence = False
    for ln in lines[start:]:
        if ln.startswith("```"):
            if fence or items:
                break
            fence = True
            continue
        if fence:
            item = f"`{ln}`"
        elif _ITEM.match(ln):
            item = _CITE.sub("", _ITEM.sub("", ln)).strip().rstrip(".;,")
        elif not items:  # "The answer is:" / "Python 3.8+": a plain line, the one it introduces
            return [_CITE.sub("", ln).strip()]
        else:
            break
        if item and item not in items:
            items.append(item)
        if len(items) == most:
            break
    return items


def cited_numbers(text: str) -> list[int]:
    return [int(n) for n in _CITE.findall(text)]


def make_citations(raw: str, answer: str, passages: list[Passage], question: str = "") -> list[Citation]:
    """Sources the answer marks with [n]; if it marks none, the passage that states the answer
    (`attribute`)."""
    numbers = [n for n in cited_numbers(raw) if 1 <= n <= len(passages)]
    chosen = [passages[n - 1] for n in dict.fromkeys(numbers)]
    if not chosen and answer:
        chosen = attribute(answer, passages, question)
    out, seen = [], set()
    for p in chosen:
        if p.hit.chunk_id not in seen:
            seen.add(p.hit.chunk_id)
            out.append(Citation(p.hit.doc_id, p.hit.chunk_id, p.text[:300]))
    return out


_TERM = re.compile(r"\w[\w.+-]*[\w+]|\w")


def answer_terms(text: str) -> set[str]:
    """Lower-cased words, versions and identifiers ("bsd-3-clause", "1.5.1"), in any script,
    without stop words and single letters. (`content_words` splits "1.5.1" into 1, 5, 1, which
    would let a near-miss version count as the value.)"""
    return {t for t in (m.lower() for m in _TERM.findall(text))
            if t not in STOPWORDS and (len(t) > 1 or t.isdigit())}


def attribute(answer: str, passages: list[Passage], question: str = "") -> list[Passage]:
    """The passage that states the answer: the one whose shown text holds most of the answer's
    own terms (those the question does not already name: the value, not the restated subject),
    at least a third of them (a sentence answer adds its own verbs: "X uses the BSD-3-Clause
    licence"); the better-ranked passage on a tie; none when no passage holds a third."""
    terms = answer_terms(answer)
    own = terms - answer_terms(question) or terms
    if not own or not passages:
        return []
    shares = [len(own & answer_terms(p.shown)) / len(own) for p in passages]
    best = max(range(len(passages)), key=lambda i: (shares[i], passages[i].score))
    return [passages[best]] if shares[best] >= 1 / 3 else []


class Timer:
    def __init__(self) -> None:
        self.t0 = time.perf_counter()

    @property
    def ms(self) -> float:
        return (time.perf_counter() - self.t0) * 1000


def step(kind: str, input: Any, output: Any, tokens: int = 0, ms: float = 0.0) -> Step:  # noqa: A002
    return Step(kind=kind, input=input, output=output, tokens=tokens, ms=round(ms, 2))


ABSTAIN = ABSTAIN_TEXT
