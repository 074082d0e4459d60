"""Deterministic extractive question-answer pairs, both directions, from any English text.

For every answer span of a sentence (see `sentences.py`) with some other anchor in the same
sentence (a name or number, so the question is answerable from it):

- cloze:   "Fill in the blank: Yeixfall Dynamics is headquartered in ___."
- in-place: "Yeixfall Dynamics is headquartered in what?"
- fronted: "Where is Yeixfall Dynamics headquartered?" (when subject and verb are recognised)

Forward questions ask for something in the predicate; reverse questions ask for the subject
("What is headquartered in Goundvik?", "Thellrou Kuskzumyusk is the founder of what?"),
which is how a model learns both directions of a relation (the reversal curse).
Nothing here knows any corpus's phrasing: the rules are about English word order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ragtune.finetune.sentences import (
    AUX,
    BE,
    DETERMINERS,
    PLACE_PREPS,
    YEAR_PREPS,
    Sentence,
    Span,
    bare,
    key_values,
)

PREPOSITIONS = {
    "in", "at", "on", "by", "for", "from", "to", "with", "of", "near", "since", "into",
    "under", "about", "after", "before", "during", "until", "as",
}  # fmt: skip
_S_ENDINGS = ("ches", "shes", "sses", "xes", "zes", "oes")


@dataclass
class QAPair:
    question: str
    answer: str
    form: str  # cloze | in_place | fronted | record | copula_reverse
    direction: str  # forward | reverse
    fact: str  # identifies the fact (source sentence + span)
    sentence: str = ""  # the source sentence (the RAFT oracle passage)


def _punct(word: str) -> str:
    """Trailing punctuation of a word ("Ostvane," -> ",")."""
    return word[len(word.rstrip(".,;:!?\"')]")) :]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(*parts: str | list[str]) -> str:
    words: list[str] = []
    for p in parts:
        words.extend(p if isinstance(p, list) else p.split())
    return " ".join(w for w in words if w)


def _lower_det(subject: list[str]) -> list[str]:
    if subject and subject[0] in ("The", "A", "An"):
        return [subject[0].lower(), *subject[1:]]
    return subject


def _wh_in_place(s: Sentence, span: Span, after: list[str]) -> tuple[str, list[str]]:
    """The wh-phrase that replaces a span where it stands, and the words after it."""
    prev = bare(s.words[span.start - 1]).lower() if span.start else ""
    k = len(span.unit.split())
    if span.kind == "number" and span.unit and " ".join(bare(w) for w in after[:k]) == span.unit:
        return f"how many {span.unit}", after[k:]
    if span.kind == "year":
        return ("what" if prev == "year" else "which year"), after
    if span.kind == "date":
        return "what date", after
    if span.kind == "name" and prev == "by":
        return "whom", after
    return "what", after


def _verb_group(s: Sentence) -> tuple[str, list[str]] | None:
    """(auxiliary, words after it before the span) for question inversion, or None."""
    verb = bare(s.words[s.subject_end])
    low = verb.lower()
    if low in ("has", "have") or (low not in AUX and low.endswith("s")):
        if low in ("has", "have"):
            lemma = "have"
        elif low.endswith("ies"):
            lemma = low[:-3] + "y"
        elif low.endswith(_S_ENDINGS):
            lemma = low[:-2]
        elif low.endswith(("ss", "us", "is")) or not low.isalpha():
            return None
        else:
            lemma = low[:-1]
        return ("does" if low != "have" else "do"), [lemma]
    if low in AUX:
        return low, []
    return None


def _fronted(s: Sentence, span: Span) -> str | None:
    """"Where is X headquartered?" for a span in the predicate of a sentence with a subject."""
    if not s.subject_end or span.start <= s.subject_end or len(s.words) > 16:
        return None
    group = _verb_group(s)
    if group is None:
        return None
    aux, head = group
    rest = head + s.words[s.subject_end + 1 : span.start]
    if any(w != bare(w) for w in rest):
        return None  # punctuation between verb and span: too complex to invert
    after = s.words[span.end :]
    if any(w != bare(w) for w in after):
        return None  # a second clause after the span
    prep = bare(rest[-1]).lower() if rest and bare(rest[-1]).lower() in PREPOSITIONS else ""
    if prep:
        rest = rest[:-1]
    k = len(span.unit.split())
    if span.kind == "number" and span.unit and " ".join(bare(w) for w in after[:k]) == span.unit:
        wh, after = f"How many {span.unit}", after[k:]
    elif span.kind in ("year", "date"):
        wh = "When"
        if [bare(x).lower() for x in rest[-2:]] == ["the", "year"]:
            rest, prep = rest[:-2], ""  # "born in the year 1950" -> "When was X born?"
            if rest and rest[-1].lower() in PREPOSITIONS:
                rest = rest[:-1]
        if prep in YEAR_PREPS or prep == "on":
            prep = ""
    elif span.kind == "name" and prep in PLACE_PREPS:
        wh, prep = "Where", ""
    elif span.kind == "name" and prep == "from":
        wh = "Where"
    elif span.kind == "name" and prep == "by":
        wh = "Who"
    elif span.kind == "number":
        return None  # "What does X have ..." for a bare number reads badly
    else:
        wh = "What"
    subject = _lower_det(s.words[: s.subject_end])
    if not s.subject_is_name and subject[0][:1].isupper() and subject[0] not in s.names:
        subject = [subject[0].lower(), *subject[1:]]
    if aux in BE and not rest and not prep and span.start == s.subject_end + 1:
        return f"{wh} {aux} {_join(subject)}{' ' + _join(after) if after else ''}?"
    return _join(wh, aux, subject, rest, prep, after) + "?"


def _copula_reverse(s: Sentence, span: Span) -> QAPair | None:
    """"The founder of X is Y." -> "Y is the founder of what?" (answer X)."""
    w = s.words
    if not s.subject_end or bare(w[s.subject_end]).lower() not in BE:
        return None
    if span.start != s.subject_end + 1 or span.kind not in ("name", "complement"):
        return None
    subject = w[: s.subject_end]
    if len(subject) < 4 or subject[0].lower() != "the" or "of" not in subject[1:-1]:
        return None
    k = subject.index("of", 1)
    owner_words = [bare(x) for x in subject[k + 1 :]]
    if owner_words and owner_words[0].lower() in DETERMINERS:
        owner_words = owner_words[1:]
    owner = " ".join(owner_words)
    if not owner[:1].isupper():
        return None
    relation = " ".join(subject[1:k])
    question = f"{s.answer(span)} {bare(w[s.subject_end]).lower()} the {relation} of what?"
    return QAPair(_cap(question), owner, "copula_reverse", "reverse", "")


def questions_for(s: Sentence, fact_prefix: str) -> list[QAPair]:
    """Every question form for every span of one analysed sentence."""
    out: list[QAPair] = []
    for span in s.spans:
        answer = s.answer(span)
        if not answer or len(answer.split()) > 6:
            continue
        # the question must name something (a name or number other than the answer),
        # else it cannot be answered from memory: "What was the weather?"
        anchors = [o for o in s.spans if o is not span and o.kind in ("name", "number", "year", "date")]
        subject_named = any(bare(w) in s.names for w in s.words[: s.subject_end])
        if not anchors and not (subject_named and span.start >= s.subject_end):
            continue
        fact = f"{fact_prefix}:{span.start}"
        reverse = span.start < max(s.subject_end, 1)
        direction = "reverse" if reverse else "forward"
        before = s.words[: span.start]
        wh, after = _wh_in_place(s, span, s.words[span.end :])
        if reverse:
            if not s.subject_is_name and s.subject_end:
                continue  # "The industry of X" is not an answer
            wh = "what"
        cloze = _join(before, "___" + _punct(s.words[span.end - 1]), s.words[span.end :])
        out.append(QAPair(f"Fill in the blank: {_cap(cloze)}.", answer, "cloze", direction, fact))
        consumed = s.words[span.end : len(s.words) - len(after)]  # the unit of "how many X"
        punct = _punct((consumed or s.words[span.start : span.end])[-1])
        in_place = _join(before, wh + punct, after).rstrip(".,;:")
        if len(s.words) <= 30:
            out.append(QAPair(_cap(in_place) + "?", answer, "in_place", direction, fact))
        fronted = _fronted(s, span)
        if fronted:
            out.append(QAPair(_cap(fronted), answer, "fronted", direction, fact))
        rev = _copula_reverse(s, span)
        if rev:
            rev.fact = fact + ":r"
            out.append(rev)
    return out


def record_questions(line: str, fact_prefix: str) -> list[QAPair]:
    """Questions from a record line "Subject | key: value | key: value"."""
    parsed = key_values(line)
    if parsed is None:
        return []
    subject, pairs = parsed
    the = "" if subject.split()[0].lower() in DETERMINERS else ""
    out = []
    for i, (key, value) in enumerate(pairs):
        if len(value.split()) > 6:
            continue
        fact = f"{fact_prefix}:{i}"
        out.append(QAPair(f"What is the {key} of {the}{subject}?", value, "record", "forward", fact))
        out.append(
            QAPair(f"Fill in the blank: {subject} | {key}: ___", value, "cloze", "forward", fact)
        )
    return out
