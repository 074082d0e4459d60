"""Answer checks, citation and retrieval metrics, and their aggregation.

Three views of correctness:

- `exact_match` / `token_f1`: the SQuAD definitions (lower case, no punctuation, no articles,
  maximum over the gold aliases), on the judged sentence.
- `is_correct` (the accuracy every report leads with), designed so that it cannot be gamed:
  - **what is judged**: the first sentence of the answer (at most 30 tokens) after any preamble
    ("Sure!", "Here is the answer:", "Based on the context,") is skipped, so a model can earn
    nothing by writing a paragraph, and a friendly first line does not hide the answer;
  - **abstention** is detected apart from the answer (`is_abstention`, a wide phrase set:
    "I don't know", "couldn't find", "no mention of", "the context does not say", ...). An
    abstention clause followed by "but"/"however" and an answer ("The text does not mention the
    cost, but the price is EUR 400") is an answer, judged on what follows the "but";
  - a gold alias must appear as a whole-token span after dates and numbers are put in one form
    ("March 5, 2021" = "2021-03-05", "1,200" = "1200", "twelve" = "12");
  - **listing is wrong**: the gold inside an enumeration of candidates of its own kind ("1985,
    1986, 1987 or 1988"; "Ilsa Varonne, Tobiah Rennick and Selka Marrow"; "A or B") scores 0;
  - **versions compare exactly**: dotted numbers keep every digit ("1.20.0" != "1.2.0", "3.10" !=
    "3.1"); trailing zero segments pad, as in PEP 440 ("1.2" = "1.2.0", "3" = "3.0"). So "12.50"
    and "12.5" also differ: write numbers as the documents do;
  - words copied from the question in a long run (a restatement, or "A or B") do not count;
  - with `options`, the first option named decides; naming two options in a list is a hedge;
  - for an unanswerable question (no answers) the only correct output is an abstention.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Sequence

from ragtune.eval.qa import QAItem
from ragtune.eval.stats import wilson_ci
from ragtune.eval.tokens import (  # noqa: F401 (answer_tokens, contains_tokens: re-exported)
    SEPARATOR,
    _find,
    _occurrences,
    _SEP_TOKENS,
    _tokens,
    answer_tokens,
    spaced_tokens,
    contains_tokens,
)
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
    "prof", "e.g", "i.e", "etc", "approx", "dept", "est", "ca", "cf", "fig", "vol", "al",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_PREAMBLE = re.compile(
    r"^(?:sure|certainly|of course|okay|ok|absolutely|alright|yes,? of course|great question|"
    r"good question|happy to help|no problem|thanks?(?: you)?(?: for (?:the|your) question)?|"
    r"here(?:'s| is| are) (?:the|my|what|your|an?)\b[^.!?:]*|(?:the |my |final )?answer(?: is)?|"
    r"(?:based on|according to|from|looking at|after reviewing) (?:the )?(?:provided |given )?"
    r"(?:context|documents?|passages?|information|sources?|text)(?: provided| given| above| below)?|"
    r"let me (?:check|see|look|think)\b[^.!?:]*)[\s!.,:;-]*$",
    re.I,
)


def _sentences(line: str) -> list[str]:
    """Split one line at . ! ? (decimals and common abbreviations do not end a sentence)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        before = line[start : m.start()].split()
        word = before[-1].lower().lstrip("([\"'") if before else ""
        if m.group() == "." and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue  # "Dr. Varonne", "J. Varonne", "(ca. 450-1100)"
        if line.count("(", start, m.start()) > line.count(")", start, m.start()):
            continue  # inside brackets: "(no. 4. See below)" goes on
        out.append(line[start : m.end()].strip())
        start = m.end()
    if line[start:].strip():
        out.append(line[start:].strip())
    return [s for s in out if s]


_BULLET = re.compile(r"^(?:[-*\u2022]|\d{1,2}[.)])\s+")


def _merge_bullets(lines: list[str]) -> list[str]:
    """Consecutive bullet lines ("- a", "2) b") become one line "a, b and c": a list is read
    as the list it is."""
    out: list[str | list[str]] = []
    for ln in lines:
        m = _BULLET.match(ln)
        if m is None:
            out.append(ln)
        elif out and isinstance(out[-1], list):
            out[-1].append(ln[m.end() :].rstrip(".;,"))
        else:
            out.append([ln[m.end() :].rstrip(".;,")])
    return [x if isinstance(x, str) else (", ".join(x[:-1]) + " and " + x[-1] if len(x) > 1 else x[0])
            for x in out]  # fmt: skip


def answer_sentences(text: str) -> list[str]:
    """The sentences of an answer, line by line, with leading preamble sentences dropped
    ("Sure!", "Here is the answer:", "Based on the context:"); a line that ends with ":" and
    introduces the next line counts as preamble too, and a bulleted list reads as one
    sentence listing its items."""
    raw = [ln.strip() for ln in (text or "").strip().splitlines() if ln.strip()]
    lines = _merge_bullets([ln for i, ln in enumerate(raw) if not (ln.endswith(":") and i + 1 < len(raw))])
    sentences = [s for ln in lines for s in _sentences(ln)]
    k = 0
    while k < len(sentences) - 1 and _PREAMBLE.match(sentences[k]):
        k += 1
    return sentences[k:]


def first_sentence(text: str, max_tokens: int = 30) -> str:
    """The first sentence of `text` after any preamble, at most `max_tokens` white-space
    tokens. Decimals ("3.5") and common abbreviations do not end it."""
    sentences = answer_sentences(text)
    tokens = sentences[0].split() if sentences else []
    return " ".join(tokens[:max_tokens])


# ------------------------------------------------------------------ abstention

_ABSTAIN_PATTERNS = [
    r"i (?:really )?(?:do not|don'?t) know",
    r"(?:i'?m|i am) (?:not sure|unsure|not certain|sorry)",
    r"\bnot sure\b",
    r"i (?:can ?not|can'?t|could ?not|couldn'?t|am unable to|was unable to|'m unable to|have no way to)"
    r" (?:find|answer|determine|tell|say|locate|provide|see|identify|confirm|know)",
    r"(?:can ?not|can'?t|could not|couldn'?t) be (?:answered|determined|found|known|confirmed)",
    r"unable to (?:find|answer|determine|locate|identify|confirm)",
    r"\bno (?:mention|information|info|data|details?|record|reference|indication|evidence|answer)\b",
    r"\b(?:is|are|was|were|isn'?t|aren'?t|wasn'?t|weren'?t) (?:not )?"
    r"(?:mentioned|stated|specified|provided|given|listed|documented|indicated|available) "
    r"(?:in|by) (?:the |any )?(?:context|documents?|passages?|text|sources?|information|data)",
    r"\bnot (?:mentioned|stated|specified|documented|listed)\b",
    r"\b(?:does|do|did)(?: not|n'?t) (?:say|mention|state|specify|indicate|tell)\b",
    r"\b(?:context|documents?|passages?|text|sources?|information|excerpts?)(?: provided| given)? "
    r"(?:does|do|did)(?: not|n'?t) (?:contain|include|list|give|provide|have|cover|answer|describe)",
    r"there (?:is|are) no (?:information|mention|data|details?|record|answer|indication)",
    r"\b(?:not enough|insufficient|no relevant) (?:information|context|data|details|evidence)",
    r"\bunanswerable\b",
    r"\bno answer\b",
]
_ABSTAIN = re.compile("|".join(f"(?:{p})" for p in _ABSTAIN_PATTERNS), re.I)
_BARE_ABSTAIN = re.compile(r"^\W*(?:unknown|n/?a|none|no idea|nothing|not known|unclear)\W*$", re.I)
_CONTRAST = re.compile(r"\b(?:but|however|nevertheless|although|though)\b[\s,:;-]*", re.I)
_CONCESSIVE = re.compile(r"\b(?:although|though|while|even if|whilst)\b", re.I)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _abstain_split(text: str) -> tuple[bool, str]:
    """(abstained, the text to judge). See `is_abstention`."""
    sentences = answer_sentences(text)
    if not sentences:
        return True, ""
    first = sentences[0]
    if _BARE_ABSTAIN.match(first):
        return True, first
    m = _ABSTAIN.search(first)
    if not m:
        return False, first
    # "... does not mention the cost, but the price is EUR 400" / "The text does not say.
    # However, it was 1987." / "Although the text does not say so, it was 1987": answers after all
    tail = first[m.end() :]
    after = ""
    c = _CONTRAST.search(tail)
    if c and _words(tail[: c.start()]) <= 8:
        after = tail[c.end() :]
    elif _CONCESSIVE.search(first[: m.start()]) and "," in tail:
        after = tail.split(",", 1)[1]
    elif len(sentences) > 1 and (c2 := _CONTRAST.match(sentences[1])):
        after = sentences[1][c2.end() :]
    after = after.strip()
    after = (_sentences(after) or [""])[0]
    if _words(after) >= 2 and not _ABSTAIN.search(after):
        return False, after
    return True, first


def is_abstention(text: str) -> bool:
    """Does this answer decline to answer? An empty answer, a bare "Unknown"/"N/A", or a first
    sentence (after any preamble) with an abstention phrase ("I don't know", "couldn't find",
    "no mention of", "not mentioned", "the context does not say", ...) — unless the phrase is
    followed by "but"/"however" and an answer ("... does not mention the cost, but it is EUR
    400"). Later sentences do not count: "14 months. The warranty is not mentioned." answers."""
    return _abstain_split(text)[0]


def judged_text(text: str, max_tokens: int = 30) -> str:
    """What accuracy looks at: the first sentence after any preamble, or, after an abstention
    clause and a "but", what follows the "but" (at most `max_tokens` tokens)."""
    _, judged = _abstain_split(text)
    return " ".join(judged.split()[:max_tokens])


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
            # a name the run only starts or ends inside is the answer's, not an echo ("Sedgeworth
            # Family Pantry meets in the children's centre" for "Which pantry meets in ...?")
            kept = {k for s, e, _ in spans if s < start < e or s < end < e for k in range(s, e)}
            for k in range(start, end):
                if k not in kept:
                    masked[k] = _MASK
    return masked


def _distinguishing(options: list[str]) -> list[list[str]]:
    """The options without the words they all start with ("Kestrel Probe F12" and "Kestrel
    Probe F21" -> "f12", "f21" as tokens); empty when nothing is shared, or when a rest would be
    empty or a bare number (any number in an answer would name it)."""
    split = [o.split() for o in options]
    if len(split) < 2 or not all(split):
        return []
    n = 0
    while all(len(w) > n + 1 and w[n].lower() == split[0][n].lower() for w in split):
        n += 1
    rests = [" ".join(w[n:]) for w in split]
    if not n or any(not any(c.isalpha() for c in r) for r in rests):
        return []
    return [answer_tokens(r) for r in rests]


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


# ------------------------------------------------------------------ listing candidates

_CONNECTORS = {SEPARATOR, "/", "&", "or", "and", "nor"}
# words that start a clause, not a list item: "A and its partners", "A, which requires B"
_NOT_ITEMS = set(
    """a an the its it his her their our your my this that these those which who whom whose
    what where when why how also then so but not no nor or and as at by for from in into of on
    onto to with within without about after before between both either neither each every all
    any some many more most other others such same than too very only just is are was were be
    been being am has have had do does did can could will would shall should may might must
    requires require required needs need needed uses use used depends depend provides provide
    includes include lists list says say supports support runs run works work lives live
    based located called named known found made built written released founded i you he she we
    they there here one""".split()
)  # fmt: skip


def _kind(tok: str) -> str:
    if tok == _MASK or tok in _SEP_TOKENS.values():
        return ""
    if not tok[0].isdecimal():  # isdecimal, not isdigit: int() reads only those
        return "word"
    if not tok.isdecimal():
        return "dotted"
    return "year" if len(tok) == 4 and 1000 <= int(tok) <= 2999 else "int"


def _connector(view: list[str], i: int, step: int) -> tuple[int, set[str]]:
    """Walk from i in direction `step` over at most two connector tokens ("," "or" ", and");
    returns (index after them, the connectors seen)."""
    seen: set[str] = set()
    while 0 <= i < len(view) and view[i] in _CONNECTORS and len(seen) < 2:
        seen.add(view[i])
        i += step
    return i, seen


def _boundary(view: list[str], i: int) -> bool:
    return i < 0 or i >= len(view) or view[i] in _CONNECTORS


def _numeric_candidate(view: list[str], c: int, step: int, gold: list[str]) -> bool:
    """Is there a mention of the gold's numeric shape next to it ("1986", "12 months", a date)?"""
    n = len(gold)
    window = view[c : c + n] if step > 0 else view[max(0, c - n + 1) : c + 1]
    if len(window) == n and all(
        (_kind(w) == _kind(g)) if _kind(g) != "word" else w == g for w, g in zip(window, gold)
    ):
        return True
    first = next(g for g in gold if _kind(g) not in ("", "word"))
    return (
        0 <= c < len(view) and _kind(view[c]) == _kind(first) and _boundary(view, c + step)
    )  # "12, 14 months": a bare number whose unit the list shares


def _word_candidate(view: list[str], caps: list[bool], c: int, step: int, gold: list[str],
                    capitalised: bool) -> bool:  # fmt: skip
    """A name (capitalised gold: a capitalised word) or, for a lower-case gold ("pydantic"), a
    short item that is not a function word and ends at a list boundary."""
    if not 0 <= c < len(view) or _kind(view[c]) != "word" or view[c] in _NOT_ITEMS:
        return False
    if capitalised:
        return caps[c]
    if step < 0:
        return True  # "pydantic and fastapi": what precedes a connector ends there
    return any(_boundary(view, c + k) for k in range(1, len(gold) + 2))


def _words_from(view: list[str], c: int, step: int, n: int) -> list[str]:
    """The n word tokens from view[c] on in direction `step`, in reading order, passing over the
    separators inside a name ("@npmcli/fs" is `npmcli / fs` in the view, `npmcli fs` as an option)."""
    out: list[str] = []
    while 0 <= c < len(view) and len(out) < n:
        if view[c] not in _SEP_TOKENS.values() or not out:
            out.append(view[c])
        c += step
    return out if step > 0 else out[::-1]


# "zlib1g or later" names one package and a bound, not two packages
_LATER = {"later", "newer", "higher", "above", "greater", "earlier", "older", "lower", "below"}
_MAX_LISTED = 4  # the longest gold (in words) whose neighbours in a list make a hedge
# a name written as one word of letters and digits ("zlib1g", "libyaml-0-2", "python3.11")
_IDENTIFIER = re.compile(r"[^\W\d_][\w.+:/@-]*\d[\w.+:/@-]*")


def in_listing(view: list[str], caps: list[bool], start: int, end: int, gold: list[str],
               capitalised: bool, others: Sequence[list[str]] = (), identifier: bool = False) -> bool:  # fmt: skip
    """Is the span view[start:end] one item of an enumeration of candidates of its own kind?

    Candidates: numbers of the gold's shape (years, counts with the gold's unit, versions,
    dates); names (capitalised words) for a capitalised gold; other short items for a lower-case
    gold; with `others` (the other options of a comparison), those options. Joined by "or",
    "and", "nor", "/" or "&" one neighbour is enough ("1986 or 1987", "A and B"); a comma needs a
    numeric gold or a third item ("A, B and C"), since "Quellmark Systems, Orvel" is apposition.
    An `identifier` gold ("zlib1g", "libyaml-0-2": one word of letters and digits) is a name,
    whose candidates are other such words, not numbers of its digits' shape.
    """
    numeric = not identifier and any(_kind(g) not in ("", "word") for g in gold)

    def candidate(c: int, step: int) -> bool:
        if others:
            return any(_words_from(view, c, step, len(o)) == o for o in others)
        if identifier:  # "libexpat1 or zlib1g": the item before ends at the connector
            return 0 <= c < len(view) and bool(_kind(view[c])) and view[c] not in _NOT_ITEMS | _LATER and (
                step < 0 or any(_boundary(view, c + k) for k in range(1, 9)))  # "lib32gcc-s1": 5 tokens
        if numeric:
            return _numeric_candidate(view, c, step, gold)
        return _word_candidate(view, caps, c, step, gold, capitalised)

    sides = []
    for edge, step in ((end, 1), (start - 1, -1)):
        c, seen = _connector(view, edge, step)
        if seen and candidate(c, step):
            sides.append((seen, c, step))
    for seen, c, step in sides:
        if seen - {SEPARATOR} or numeric or others or len(sides) == 2:
            return True
        # "A, B and C" / "A, B, C": another connector a few tokens on, then a third item
        for k in range(1, 6):
            j = c + step * k
            if not 0 <= j < len(view):
                break
            if view[j] in _CONNECTORS:
                nxt, _ = _connector(view, j, step)
                return candidate(nxt, step)
    return False


def is_correct(item: QAItem, prediction_text: str, abstained: bool) -> bool:
    """Accuracy for one prediction (see the module docstring for the rules). `abstained` is
    the strategy's own flag; an answer text that abstains (`is_abstention`) counts too."""
    text_abstains, judged = _abstain_split(prediction_text)
    abstained = bool(abstained) or text_abstains
    if not item.answers:
        return abstained
    if abstained:
        return False
    spaced = spaced_tokens(" ".join(judged.split()[:30]), separators=True)
    seq = [(t, c) for t, c, _ in spaced]
    words = [i for i, (t, _) in enumerate(seq) if t not in _SEP_TOKENS.values()]
    question = answer_tokens(item.question)
    golds = [answer_tokens(a) for a in item.answers]
    tokens = [seq[i][0] for i in words]
    if item.options:
        options = [answer_tokens(o) for o in item.options]
        tokens = mask_echo(tokens, question, options, options=True)
    else:
        tokens = mask_echo(tokens, question, golds)
    view = [t for t, _ in seq]
    for w, i in enumerate(words):
        view[i] = tokens[w]
    caps = [c for _, c in seq]
    if item.options:
        named = options
        k = _named_option(tokens, options)
        if k is None:  # "F21" for "Fenwick Probe F21": the part that tells the options apart
            named = _distinguishing(item.options)
            k = _named_option(tokens, named) if named else None
        if k is None or options[k] not in golds:
            return False
        pos = _find(tokens, named[k])
        at, end = words[pos], words[pos + len(named[k]) - 1] + 1  # separators inside a name count
        others = [o for j, o in enumerate(named) if j != k and o]
        # read unmasked: an echo of the question's options that runs on into the chosen one
        # ("A, B, C and D" for "Of A, B, C, D, which …?") is the whole list, not a choice
        return not in_listing([t for t, _ in seq], caps, at, end, named[k], False, others)
    # Longest alias first: a gold that is itself a list ("A, B and C", also accepted as "B") or
    # a web address (whose parts "/" joins) is one answer, and the shorter aliases inside its
    # span are not items of a hedge.
    accepted: list[tuple[int, int]] = []
    for alias, g in sorted(zip(item.answers, golds), key=lambda ag: -len(ag[1])):
        for pos in _occurrences(tokens, g) if g else []:
            start, end = words[pos], words[pos + len(g) - 1] + 1
            if any(s <= start and end <= e for s, e in accepted):
                continue
            capitalised = alias.strip()[:1].isupper()
            # (a clause of five words or more is a reason or a description, no candidate of a
            # kind that an answer could list to hedge: what follows it is more of the answer)
            if len(alias.split()) <= _MAX_LISTED and in_listing(view, caps, start, end, g, capitalised,
                          identifier=_IDENTIFIER.fullmatch(alias.strip()) is not None):
                return False  # the gold inside a list of candidates: a hedge, not an answer
            if _name_goes_on(spaced, end, question):
                continue  # "Marrow Tide 3S" is not "Marrow Tide 3"
            if _inside_identifier(spaced, start, end):
                continue  # "acquire_x_lock" is not "x_lock"
            if _sign_flipped(spaced, words[pos : pos + len(g)], alias):
                continue  # "UTC+03:00" is not "UTC-03:00"
            accepted.append((start, end))
    return bool(accepted)


def _name_goes_on(spaced: list[tuple[str, bool, str]], end: int, question: list[str]) -> bool:
    """Whether the answer's name runs on past a gold occurrence ending at `end`: a capital
    glued to it ("Marrow Tide 3S" holds the tokens of "Marrow Tide 3") names another thing.
    A word after a space does not count: "MIT License" answers "MIT"."""
    if end >= len(spaced):
        return False
    tok, upper, gap = spaced[end]
    return gap == "" and upper and tok[:1].isalpha() and tok not in question


def _sign(gap: str) -> str:
    """The sign written right before a number ("-" in "UTC-03:00", "+" in "+5"), or ""."""
    return {"+": "+", "-": "-", "\u2212": "-"}.get(gap[-1:], "") if gap.strip() == gap[-1:] else ""


def _sign_flipped(spaced: list[tuple[str, bool, str]], at: list[int], alias: str) -> bool:
    """Whether a number of the gold occurrence at spaced[at] carries the opposite sign to the
    same number in the gold alias: "UTC+03:00" and "-5 °C" are other values than "UTC-03:00"
    and "+5 °C". A number without a sign on either side constrains nothing ("10-12")."""
    gold = spaced_tokens(alias)
    if len(gold) != len(at):
        return False
    for (tok, _, gold_gap), i in zip(gold, at):
        if tok[:1].isdecimal():
            want, got = _sign(gold_gap), _sign(spaced[i][2])
            if want and got and want != got:
                return True
    return False


def _inside_identifier(spaced: list[tuple[str, bool, str]], start: int, end: int) -> bool:
    """Whether a gold occurrence spanning spaced[start:end] is part of a longer identifier:
    an underscore glues it to the token before or after it ("rw_lock.acquire_read_lock()"
    holds the tokens of "lock.acquire()")."""
    def glued(gap: str) -> bool:
        return bool(gap) and set(gap) == {"_"}
    # a word must follow an underscore to glue ("_fooparse_," is emphasis before a comma)
    return start > 0 and glued(spaced[start][2]) and spaced[start - 1][0] not in _SEP_TOKENS.values() \
        or end < len(spaced) and glued(spaced[end][2]) and spaced[end][0] not in _SEP_TOKENS.values()


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
    judged: str = ""  # what the checks looked at (`judged_text`)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def score_item(item: QAItem, answer: Answer) -> ItemScore:
    abstained = bool(answer.abstained) or is_abstention(answer.text)
    judged = judged_text(answer.text)
    em = f1 = None
    if item.answers:
        em = 0.0 if abstained else exact_match(judged, item.answers)
        f1 = 0.0 if abstained else token_f1(judged, item.answers)
    precision, recall = citation_scores(item, answer)
    r5 = recall_at_k(item.evidence, answer.retrieved, 5) if _retrieves(answer) else None
    return ItemScore(
        id=item.id,
        type=item.type,
        correct=is_correct(item, answer.text, abstained),
        answerable=item.answerable,
        abstained=abstained,
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


def _block(scores: list[ItemScore]) -> dict[str, Any]:
    correct = [1.0 if s.correct else 0.0 for s in scores]
    lo, hi = wilson_ci(int(sum(correct)), len(correct))
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
    """Overall and per-type metrics; every accuracy carries a 95% Wilson interval (`n_boot` and
    `seed` are accepted for callers written when it was a bootstrap, and ignored)."""
    scores = list(scores)
    if not scores:
        return {"overall": None, "by_type": {}}
    types = sorted({s.type for s in scores})
    return {
        "overall": _block(scores),
        "by_type": {t: _block([s for s in scores if s.type == t]) for t in types},
    }
