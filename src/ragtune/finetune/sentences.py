"""Sentence analysis for extractive training questions: no LLM, no POS tagger, any English text.

A sentence is cut into words; *answer spans* are the things a short-answer question can ask
for: names (capitalised words the corpus also writes capitalised mid-sentence), numbers
(with a following unit noun: "4440 people"), years, dates, the complement of a copula
("is a sensor") and an "as ..." role at the end. When the sentence starts with a recognisable
subject (a name, or any phrase before an auxiliary verb) followed by a verb, the split
subject / verb / rest lets `questions_for` front the question ("Where is X headquartered?")
and ask the reverse direction (answer = the subject). Cloze and in-place questions need no
split, so they are produced for every span with some other anchor in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

AUX = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "must", "should", "shall", "does", "do", "did",
}  # fmt: skip
BE = {"is", "are", "was", "were"}
DETERMINERS = {"the", "a", "an"}
PRONOUNS = {
    "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
    "here", "its", "his", "her", "their", "our", "my", "your", "which", "who", "what", "one",
    "each", "all", "some", "any", "both", "such",
}  # fmt: skip
NAME_JOINERS = {"of", "&", "and", "de", "van", "von", "der", "du", "da", "la", "le"}
PLACE_PREPS = {"in", "at", "near"}
YEAR_PREPS = {"in", "since", "from", "until", "by", "of", "before", "after"}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
STARTERS = DETERMINERS | PRONOUNS | AUX | {
    "in", "on", "at", "for", "from", "with", "by", "to", "of", "if", "when", "after", "before",
    "since", "during", "every", "our", "no", "not", "please", "all", "most", "many", "some",
}  # fmt: skip
OPENERS = {
    "if", "when", "while", "because", "although", "after", "before", "for", "in", "on", "at",
    "from", "with", "during", "since", "until", "unless", "once", "as", "by", "to", "of",
}  # fmt: skip
STOP_UNITS = {
    "and", "or", "of", "in", "to", "the", "a", "an", "per", "each", "for", "on", "at", "above",
    "below", "from", "with", "by", "into", "over", "under", "than", "after", "before", "since",
}  # fmt: skip

_SENTENCE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_NUMBER = re.compile(r"^[$€£]?\d[\d,]*(?:\.\d+)?%?$")
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_WORD_CHARS = re.compile(r"^[\"'(\[]+|[\"')\].,;:!?]+$")
_MARKUP = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#+|>)\s+")


def split_sentences(text: str) -> list[str]:
    """Sentences of a chunk: markdown list/heading markers removed, one sentence per item."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)]|#+)\s)", text):
        block = " ".join(_MARKUP.sub("", line).strip() for line in block.splitlines())
        block = re.sub(r"\s+", " ", block).strip()
        if not block:
            continue
        out.extend(s.strip() for s in _SENTENCE.split(block) if s.strip())
    return out


def bare(word: str) -> str:
    """A word without surrounding quotes, brackets and trailing punctuation."""
    return _WORD_CHARS.sub("", word)


def name_words(texts: Iterable[str]) -> set[str]:
    """Words the corpus writes capitalised in the middle of a sentence and never in lower case.

    These are the proper nouns; a capitalised word that is only capitalised because it starts
    a sentence ("Full-time employees ...") is not one.
    """
    texts_list = list(texts)
    upper: set[str] = set()
    lower: set[str] = set()
    for text in texts_list:
        for sentence in split_sentences(text):
            words = [bare(w) for w in sentence.split()]
            for i, w in enumerate(words):
                if not w or not w[0].isalpha():
                    continue
                if w[0].islower():
                    lower.add(w.lower())
                elif i > 0 and not words[i - 1].endswith(":"):
                    upper.add(w)
    names = {w for w in upper if w.lower() not in lower}
    # "Ada Lovelace ...": a capitalised first word right before a name is part of it
    for text in texts_list:
        for sentence in split_sentences(text):
            words = [bare(w) for w in sentence.split()[:2]]
            if len(words) == 2 and words[0][:1].isupper() and words[1] in names:
                first = words[0].lower()
                if first not in lower and first not in STARTERS and words[0].isalpha():
                    names.add(words[0])
    return names


@dataclass
class Span:
    """Words [start, end) of a sentence that a question can ask for."""

    start: int
    end: int
    kind: str  # name | number | year | date | complement | role
    unit: str = ""  # for numbers: the noun that follows ("people"), asked as "how many people"


@dataclass
class Sentence:
    text: str
    words: list[str]  # white-space words, final punctuation removed from the last one
    spans: list[Span]
    subject_end: int = 0  # words[:subject_end] is the subject; 0 = no subject found
    subject_is_name: bool = False
    names: frozenset[str] = frozenset()  # the corpus's proper nouns (see `name_words`)

    def phrase(self, start: int, end: int) -> str:
        return " ".join(self.words[start:end])

    def answer(self, span: Span) -> str:
        words = [bare(w) for w in self.words[span.start : span.end]]
        if words and words[0].lower() in DETERMINERS and span.kind in ("name", "complement"):
            words = words[1:]
        return " ".join(w for w in words if w)


def _date_end(words: list[str], i: int) -> int:
    """End of a date starting at i ("12 March 2024", "March 12, 2024", "March 2024"), or i."""
    b = [bare(w).lower() for w in words]
    n = len(words)
    if i + 2 < n + 0 and b[i].isdigit() and len(b[i]) <= 2 and b[i + 1] in MONTHS:
        return i + 3 if i + 2 < n and _YEAR.match(b[i + 2]) else i + 2
    if b[i] in MONTHS and i + 1 < n:
        if b[i + 1].isdigit() and len(b[i + 1]) <= 2:
            return i + 3 if i + 2 < n and _YEAR.match(b[i + 2]) else i + 2
        if _YEAR.match(b[i + 1]):
            return i + 2
    return i


def _name_end(words: list[str], i: int, names: set[str]) -> int:
    """End of a name starting at i: name words, joined by "of"/"&", with trailing numbers."""
    j = i
    n = len(words)
    while j < n:
        w = bare(words[j])
        if w in names or (j > i and w[:1].isupper()):
            j += 1
        elif j > i and re.fullmatch(r"(?=.*\d)[A-Za-z0-9-]+", w):
            j += 1
        elif j > i and w.lower() in NAME_JOINERS and j + 1 < n and bare(words[j + 1]) in names:
            j += 1
        else:
            break
        if words[j - 1] != bare(words[j - 1]) and not words[j - 1].endswith("."):
            break  # "Ostvane," ends the name at the comma
    return j


def _unit(words: list[str], i: int) -> str:
    """The 1-2 word noun after a number ("540 kilometres above", "23,000 cubic kilometres of")."""
    n = len(words)
    for size in (1, 2):
        if i + size >= n:
            return ""
        piece = words[i + 1 : i + 1 + size]
        if not all(bare(x)[:1].islower() and bare(x).isalpha() and bare(x) not in STOP_UNITS
                   for x in piece):
            return ""
        if any(x != bare(x) for x in piece[:-1]):
            return ""
        after = bare(words[i + 1 + size]).lower() if i + 1 + size < n else ""
        if i + 1 + size >= n or piece[-1] != bare(piece[-1]) or after in STOP_UNITS or after in AUX:
            return " ".join(bare(x) for x in piece)
    return ""


def find_subject(words: list[str], names: set[str]) -> tuple[int, bool]:
    """(end of the subject, whether it is a name); (0, False) when there is no clear subject."""
    if len(words) < 3:
        return 0, False
    first = bare(words[0]).lower()
    if first in PRONOUNS or first in OPENERS or words[0].endswith(","):
        return 0, False
    i = 1 if first in DETERMINERS else 0
    # "[The] [first] Name verb ...": a name, then a lower-case word that is not a joiner
    k = i
    while k < min(i + 2, len(words)) and bare(words[k])[:1].islower():
        k += 1
    if k < len(words) and (bare(words[k]) in names or (k == 0 and bare(words[k]) in names)):
        end = _name_end(words, k, names)
        if end < len(words) and bare(words[end])[:1].islower() and bare(words[end]) not in NAME_JOINERS:
            if all(w == bare(w) for w in words[:end]):  # no comma inside the subject
                return end, k == i
    # "<any phrase> is/has/can ...": the subject ends at the first auxiliary
    for j in range(1, min(len(words) - 1, 10)):
        w = words[j - 1]
        if w != bare(w):
            break  # punctuation before an auxiliary: not a simple subject
        if bare(words[j]).lower() in AUX:
            return j, False
    return 0, False


def analyse(text: str, names: set[str]) -> Sentence:
    """Find the answer spans and the subject of one sentence."""
    words = text.split()
    while words and re.fullmatch(r"[A-Za-z]{1,12}:", words[0]):
        words = words[1:]  # a label such as "Q:" or "Note:"
    if words and words[-1].endswith("?"):
        words = []  # a question states no fact
    if words:
        words[-1] = re.sub(r"[.!?]+$", "", words[-1])
        if not words[-1]:
            words.pop()
    subject_end, subject_is_name = find_subject(words, names)
    spans: list[Span] = []
    i = 0
    n = len(words)
    while i < n:
        w = bare(words[i])
        low = w.lower()
        end = _date_end(words, i)
        if end > i:
            spans.append(Span(i, end, "date"))
            i = end
            continue
        if _NUMBER.match(w):
            prev = bare(words[i - 1]).lower() if i else ""
            if _YEAR.match(w) and (prev in YEAR_PREPS or i == n - 1):
                spans.append(Span(i, i + 1, "year"))
            else:
                unit = _unit(words, i) if words[i] == w else ""
                spans.append(Span(i, i + 1, "number", unit))
            i += 1
            continue
        if w in names:
            start = i - 1 if i and bare(words[i - 1]).lower() == "the" else i
            end = _name_end(words, i, names | {w})
            spans.append(Span(start, end, "name"))
            i = end
            continue
        i += 1
    # copula complement: "X is (a|an|the) lower-case phrase" to the end of the sentence
    if subject_end and subject_end < n and bare(words[subject_end]).lower() in BE:
        j = subject_end + 1
        rest = words[j:]
        if 1 <= len(rest) <= 6 and all(w == bare(w) for w in rest) and not any(
            s.start >= j for s in spans
        ):
            has_det = bare(rest[0]).lower() in DETERMINERS
            if has_det:
                rest = rest[1:]
            participle = bool(rest) and not has_det and bare(rest[0]).endswith(("ed", "en"))
            if rest and rest[0][:1].islower() and len(rest) <= 5 and not participle:
                spans.append(Span(j, n, "complement"))
    # "... as head of research" at the end of the sentence
    for j in range(subject_end + 1 if subject_end else 1, n - 1):
        if words[j] == "as" and 1 <= n - j - 1 <= 4 and all(
            bare(w)[:1].islower() for w in words[j + 1 :]
        ) and not any(s.start > j for s in spans):
            spans.append(Span(j + 1, n, "role"))
            break
    if subject_end:
        # the subject's own name is a span too (the reverse direction asks for it)
        spans = [s for s in spans if s.start >= subject_end or (s.start == 0 or s.start == 1)]
    return Sentence(
        text, words, sorted(spans, key=lambda s: s.start), subject_end, subject_is_name,
        frozenset(names),
    )


def key_values(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A record line "Subject | key: value | key: value" -> (subject, [(key, value), ...])."""
    parts = [p.strip() for p in line.split("|")]
    if len(parts) < 2 or not parts[0] or ":" in parts[0]:
        return None
    pairs = []
    for p in parts[1:]:
        if ":" not in p:
            return None
        k, v = (x.strip() for x in p.split(":", 1))
        if not k or not v or len(k.split()) > 4:
            return None
        pairs.append((k, v))
    return parts[0], pairs
