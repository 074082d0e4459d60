"""Answer checks, citation and retrieval metrics, and their aggregation.

Every prediction is judged on its first sentence (at most 30 tokens), so a model cannot earn
credit by listing candidates. Three views of correctness:

- `exact_match` / `token_f1`: the SQuAD definitions (lower case, no punctuation, no articles,
  maximum over the gold aliases).
- `is_correct` (the accuracy every report leads with): a gold alias appears as a whole-token
  span in the first sentence, after dates and numbers are put in one form ("March 5, 2021" =
  "2021-03-05", "1,200" = "1200", "twelve" = "12"). Words copied from the question in a long
  run (a restatement, or "A or B") do not count. With `options`, the first option named
  decides. For an unanswerable question (no answers) the only correct output is an abstention.
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Sequence

from ragtune.eval.qa import QAItem
from ragtune.eval.stats import bootstrap_ci
from ragtune.types import Answer, Hit

# ------------------------------------------------------------------ SQuAD normalisation

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCT = set(string.punctuation)


def normalize_answer(text: str) -> str:
    """SQuAD: lower case, remove punctuation, remove articles, collapse white space."""
    text = text.lower()
    text = "".join(ch for ch in text if ch not in _PUNCT)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def _as_list(answers: str | Sequence[str]) -> list[str]:
    return [answers] if isinstance(answers, str) else list(answers)


def exact_match(prediction: str, answers: str | Sequence[str]) -> float:
    """1.0 if the normalised prediction equals a normalised alias (no aliases: equals "")."""
    golds = _as_list(answers) or [""]
    pred = normalize_answer(prediction)
    return float(any(pred == normalize_answer(g) for g in golds))


def _f1(pred_tokens: list[str], gold_tokens: list[str]) -> float:
    if not pred_tokens or not gold_tokens:
        return float(pred_tokens == gold_tokens)
    same = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
    if same == 0:
        return 0.0
    precision = same / len(pred_tokens)
    recall = same / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def token_f1(prediction: str, answers: str | Sequence[str]) -> float:
    """SQuAD token F1, the maximum over aliases (no aliases: 1.0 iff prediction is empty)."""
    golds = _as_list(answers) or [""]
    pred = normalize_answer(prediction).split()
    return max(_f1(pred, normalize_answer(g).split()) for g in golds)


# ------------------------------------------------------------------ first sentence

_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "st", "mt", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no",
    "prof", "e.g", "i.e", "etc", "approx", "dept", "est",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


def first_sentence(text: str, max_tokens: int = 30) -> str:
    """The first sentence of `text` (first non-empty line, up to . ! or ?), at most
    `max_tokens` white-space tokens. Decimals ("3.5") and common abbreviations do not end it."""
    line = next((ln.strip() for ln in text.strip().splitlines() if ln.strip()), "")
    end = len(line)
    for m in _SENTENCE_END.finditer(line):
        before = line[: m.start()].split()
        word = before[-1].lower() if before else ""
        if m.group() == "." and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue  # "Dr. Varonne", "J. Varonne"
        end = m.end()
        break
    tokens = line[:end].split()
    return " ".join(tokens[:max_tokens])


# ------------------------------------------------------------------ accuracy tokens

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b"), ("M", "d", "y")),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b"), ("d", "M", "y")),
    (re.compile(rf"\b{_MONTH},?\s+(\d{{4}})\b"), ("M", "y")),
]
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {
        w: str(10 * i)
        for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)
    }
)
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+", re.UNICODE)
_THOUSANDS = re.compile(r"(?<=\d)[,\u202f\u00a0'](?=\d{3}(?!\d))")


def _date_sub(order: tuple[str, ...]):
    def sub(m: re.Match) -> str:
        parts = dict(zip(order, m.groups()))
        month = _MONTHS[parts["M"].lower()] if "M" in parts else int(parts["m"])
        if not 1 <= month <= 12:
            return m.group()
        out = [str(int(parts["y"])), str(month)]
        if "d" in parts:
            out.append(str(int(parts["d"])))
        return " " + " ".join(out) + " "

    return sub


def _canonical_number(token: str) -> str:
    if "." in token:
        whole, frac = token.split(".", 1)
        frac = frac.rstrip("0")
        whole = str(int(whole))
        return f"{whole}.{frac}" if frac else whole
    return str(int(token))


def answer_tokens(text: str) -> list[str]:
    """Tokens for accuracy: accents folded, lower case, dates as `year month day`, numbers
    without separators or leading zeros, number words as digits, articles dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    for pattern, order in _DATE_PATTERNS:
        text = pattern.sub(_date_sub(order), text)
    text = _THOUSANDS.sub("", text)
    out = []
    for tok in _TOKEN.findall(text):
        if tok in ("a", "an", "the"):
            continue
        tok = _NUMBER_WORDS.get(tok, tok)
        if tok[0].isdecimal():  # not isdigit(): "⓵" is a digit that int() cannot read
            tok = _canonical_number(tok)
        out.append(tok)
    return out


def _find(hay: Sequence[str], needle: Sequence[str], start: int = 0) -> int:
    """Index of the first whole-token occurrence of `needle` in `hay` at or after `start`."""
    n = len(needle)
    if n == 0:
        return -1
    for i in range(start, len(hay) - n + 1):
        if list(hay[i : i + n]) == list(needle):
            return i
    return -1


def _occurrences(hay: Sequence[str], needle: Sequence[str]) -> list[int]:
    found, i = [], _find(hay, needle)
    while i >= 0:
        found.append(i)
        i = _find(hay, needle, i + 1)
    return found


_MASK = "\x00"


def mask_echo(
    pred: list[str], question: list[str], names: Iterable[list[str]] = (), options: bool = False
) -> list[str]:
    """Replace by a mask the prediction tokens that copy a long run of the question.

    A run counts as an echo when it is at least max(4, half the question) tokens long and is
    not simply one of `names` (an option or gold alias may be quoted whole). With `options`,
    a copied run holding two or more of the names ("A or B", "A and B") is an echo at any
    length. This is what makes "Which is older, A or B?" (or "A and B are both old") score
    wrong while "A is older." scores right.
    """
    if not pred or not question:
        return pred
    threshold = min(max(4, math.ceil(len(question) / 2)), len(question))
    names = [n for n in names if n]
    spans = [(i, i + len(n), k) for k, n in enumerate(names) for i in _occurrences(pred, n)]
    masked = list(pred)
    # longest common run ending at (i, j), classic dynamic programme; inputs are short
    prev = [0] * (len(question) + 1)
    for i in range(1, len(pred) + 1):
        cur = [0] * (len(question) + 1)
        for j in range(1, len(question) + 1):
            if pred[i - 1] == question[j - 1]:
                cur[j] = prev[j - 1] + 1
        prev = cur
        best = max(cur)
        if best < 2:
            continue
        start, end = i - best, i
        if any(s <= start and end <= e for s, e, _ in spans):
            continue  # a name quoted whole
        inside = {k for s, e, k in spans if start <= s and e <= end}
        if best >= threshold or (options and len(inside) >= 2):
            for k in range(start, end):
                masked[k] = _MASK
    return masked


def _named_option(tokens: list[str], options: list[list[str]]) -> int | None:
    """Index of the option named first in `tokens` (a longer option wins a tie)."""
    best: tuple[int, int] | None = None
    choice = None
    for k, opt in enumerate(options):
        pos = _find(tokens, opt)
        if pos < 0:
            continue
        key = (pos, -len(opt))
        if best is None or key < best:
            best, choice = key, k
    return choice


def is_correct(item: QAItem, prediction_text: str, abstained: bool) -> bool:
    """Accuracy for one prediction (see the module docstring for the rules)."""
    if not item.answers:
        return bool(abstained)
    if abstained:
        return False
    golds = [answer_tokens(a) for a in item.answers]
    question = answer_tokens(item.question)
    sentence = answer_tokens(first_sentence(prediction_text))
    if item.options:
        options = [answer_tokens(o) for o in item.options]
        tokens = mask_echo(sentence, question, options, options=True)
        k = _named_option(tokens, options)
        return k is not None and options[k] in golds
    tokens = mask_echo(sentence, question, golds)
    return any(_find(tokens, g) >= 0 for g in golds if g)


# ------------------------------------------------------------------ citations and retrieval


def citation_scores(item: QAItem, answer: Answer) -> tuple[float | None, float | None]:
    """(precision, recall) of cited document ids against the evidence.

    A citation counts only if its chunk was retrieved (a citation with no chunk id counts if
    any chunk of that document was retrieved). None when not applicable: no evidence, or (for
    precision) no citations.
    """
    if not item.evidence:
        return None, None
    evidence = set(item.evidence)
    chunk_ids = {h.chunk_id for h in answer.retrieved}
    doc_ids = {h.doc_id for h in answer.retrieved}
    cited = {c.doc_id for c in answer.citations}
    valid = {
        c.doc_id
        for c in answer.citations
        if (c.chunk_id in chunk_ids if c.chunk_id else c.doc_id in doc_ids)
    }
    good = valid & evidence
    precision = len(good) / len(cited) if cited else None
    recall = len(good) / len(evidence)
    return precision, recall


def recall_at_k(evidence: Sequence[str], hits: Sequence[Hit], k: int = 5) -> float | None:
    """Share of evidence documents among the documents of the first k hits."""
    if not evidence:
        return None
    found = {h.doc_id for h in list(hits)[:k]}
    return len(set(evidence) & found) / len(set(evidence))


def _retrieves(answer: Answer) -> bool:
    return bool(answer.retrieved) or any(s.kind.startswith("retriev") for s in answer.trace)


# ------------------------------------------------------------------ per item and aggregate


@dataclass
class ItemScore:
    id: str
    type: str
    correct: bool
    answerable: bool
    abstained: bool
    em: float | None = None  # None for unanswerable questions
    f1: float | None = None
    citation_precision: float | None = None
    citation_recall: float | None = None
    recall_at_5: float | None = None  # None when the strategy does not retrieve
    judged: str = ""  # the first sentence the checks looked at

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def score_item(item: QAItem, answer: Answer) -> ItemScore:
    judged = first_sentence(answer.text)
    em = f1 = None
    if item.answers:
        em = 0.0 if answer.abstained else exact_match(judged, item.answers)
        f1 = 0.0 if answer.abstained else token_f1(judged, item.answers)
    precision, recall = citation_scores(item, answer)
    r5 = recall_at_k(item.evidence, answer.retrieved, 5) if _retrieves(answer) else None
    return ItemScore(
        id=item.id,
        type=item.type,
        correct=is_correct(item, answer.text, answer.abstained),
        answerable=item.answerable,
        abstained=answer.abstained,
        em=em,
        f1=f1,
        citation_precision=precision,
        citation_recall=recall,
        recall_at_5=r5,
        judged=judged,
    )


def _mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def _block(scores: list[ItemScore], n_boot: int, seed: int) -> dict[str, Any]:
    correct = [1.0 if s.correct else 0.0 for s in scores]
    lo, hi = bootstrap_ci(correct, n=n_boot, seed=seed)
    abstained = [s for s in scores if s.abstained]
    unanswerable = [s for s in scores if not s.answerable]
    return {
        "n": len(scores),
        "n_correct": int(sum(correct)),
        "accuracy": sum(correct) / len(correct),
        "accuracy_ci": [lo, hi],
        "em": _mean(s.em for s in scores),
        "f1": _mean(s.f1 for s in scores),
        "abstention_rate": len(abstained) / len(scores),
        "abstention_precision": (
            sum(not s.answerable for s in abstained) / len(abstained) if abstained else None
        ),
        "abstention_recall": (
            sum(s.abstained for s in unanswerable) / len(unanswerable) if unanswerable else None
        ),
        "citation_precision": _mean(s.citation_precision for s in scores),
        "citation_recall": _mean(s.citation_recall for s in scores),
        "recall_at_5": _mean(s.recall_at_5 for s in scores),
    }


def aggregate(scores: Sequence[ItemScore], n_boot: int = 2000, seed: int = 0) -> dict[str, Any]:
    """Overall and per-type metrics; every accuracy carries a 95% bootstrap interval."""
    scores = list(scores)
    if not scores:
        return {"overall": None, "by_type": {}}
    types = sorted({s.type for s in scores})
    return {
        "overall": _block(scores, n_boot, seed),
        "by_type": {t: _block([s for s in scores if s.type == t], n_boot, seed) for t in types},
    }
