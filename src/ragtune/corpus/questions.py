"""Questions with their answers from any corpus: the one synthesis core of ragtune.

Fine-tuning data (`ragtune.finetune`) and drafted evaluation sets are made here. A *candidate*
is (question, answer, evidence document, source text, answer type); the source text is the
sentence, table row or field it came from and always contains the answer.

    lex = Lexicon.from_texts(texts, titles)
    sentence_candidates("The main drawback of fine-tuning is catastrophic forgetting.", "doc", lex)
      -> What is the main drawback of fine-tuning? -> catastrophic forgetting
    field_candidates("httpx", "version", "0.27.0", "doc")
      -> What is the version of httpx? -> 0.27.0
    items, stats = corpus_candidates(chunks)   # every chunk: sentences, rows, fields, metadata

How (general English, no model): a sentence's *subject* is the phrase before its first verb;
its *predicate* holds answer spans (names, identifiers, versions, dates, years, numbers with
units, objects of a verb, copula complements, appositions). A span becomes a question by
English inversion ("When was X founded?", "How many hours does X last?", "What does X
require?"), in place ("X was released on what date?"), as a cloze, and in the reverse
direction when the answer is a name ("What uses httpx?"). Records and `key: value` fields
become "What is the KEY of SUBJECT?" (or "When was SUBJECT KEY?", "What does SUBJECT
require?" by the key's grammar). Every candidate is checked (`problems`): the answer occurs
in its source, the question does not contain it, the question reads as a question; across
the corpus, duplicates and questions with two different answers are dropped.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Mapping, Sequence

from ragtune.corpus.markdown import code_lines
from ragtune.corpus.clauses import (
    DEMONSTRATIVES,
    _list_goes_on,
    FUNCTION_WORDS,
    LINKING_VERBS,
    Clause,
    analyse,
    clause_end,
)
from ragtune.corpus.english import (
    ADVERBS,
    APPROX,
    AUX,
    BE,
    CONJUNCTIONS,
    DETERMINERS,
    DOCUMENT_KEYS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    MODALS,
    NEGATIONS,
    NONE_VALUES,
    OBJECT_VERBS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    SUBORDINATORS,
    UNIT_ABBREVIATIONS,
    VERB_BASES,
    VERB_OF_FORM,
    Lexicon,
    Span,
    Token,
    Unit,
    bare,
    is_version,
    spans,
    split_units,
    third_person,
    tokenize,
)
from ragtune.types import Chunk

FORMS = ("fronted", "in_place", "cloze", "definition", "record", "acronym")
WH_WORDS = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how"}
UNIT_WORDS = {"m": "metres", "km": "kilometres", "cm": "centimetres", "mm": "millimetres",
              "g": "grams", "kg": "kilograms", "s": "seconds", "ms": "milliseconds",
              "h": "hours", "min": "minutes", "l": "litres"}  # fmt: skip
MAX_ANSWER_WORDS = 12


@dataclass
class Candidate:
    """One question with its answer and evidence."""

    question: str
    answer: str
    doc_id: str  # the evidence document
    source: str  # the sentence / row / field it was made from (contains the answer)
    type: str  # what the answer is: name | identifier | version | date | year | number | phrase
    direction: str = "forward"  # reverse: the answer is the subject of the source
    form: str = "fronted"  # fronted | in_place | cloze | definition | record | acronym
    fact: str = ""  # shared by every phrasing of one fact
    chunk_id: str = ""
    entities: tuple[str, ...] = ()  # the names and values the question mentions

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ------------------------------------------------------------------ text helpers


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def norm(text: str) -> str:
    """Lower-case words and numbers only (what checks and duplicates compare)."""
    return " ".join(_words(text))


def _contains(hay: str, needle: str) -> bool:
    h, n = _words(hay), _words(needle)
    return bool(n) and any(h[i : i + len(n)] == n for i in range(len(h) - len(n) + 1))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(*parts: str | Sequence[str]) -> str:
    words: list[str] = []
    for p in parts:
        words.extend(p.split() if isinstance(p, str) else p)
    return re.sub(r"\s+([,;:?])", r"\1", " ".join(w for w in words if w))


def _strip_det(words: list[str]) -> list[str]:
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return words


def _clean_answer(text: str) -> str:
    text = text.strip().strip("\"'“”‘’`*_").strip()
    text = re.sub(r"[.,;:!?]+$", "", text).strip()
    return " ".join(_strip_det(text.split()))


def reads_as_question(question: str) -> bool:
    """A question that reads as one: a wh-word or auxiliary up front (or in place, for an
    echo question), one "?" at the end, no table or field markup; a cloze is a whole sentence
    with one blank."""
    q = question.strip()
    if q.startswith("Fill in the blank: "):
        body = q.removeprefix("Fill in the blank: ")
        return body.count("___") == 1 and bool(re.search(r"[.!]$", body)) and "|" not in body \
            and len(body.split()) >= 4 and not re.match(r"^[\w\s-]{1,30}:", body)
    if not q.endswith("?") or q.count("?") != 1 or "|" in q or "___" in q or len(q.split()) < 3:
        return False
    if re.search(r"\b\w[\w ]{0,30}: ", q) or re.search(r"[,;:]\s*\?$", q) or ", ," in q:
        return False
    if re.match(r"^(?:(?:In|On|At|By|For|From|Since|Until) (?:what|which|whom)(?: \w+)?|When|Where),",
                q, re.I):
        return False  # "On which day, X opened Y?": an introductory phrase left in place
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", q)]
    if not words or not q[:1].isalnum():
        return False
    if words[0] in WH_WORDS or words[0] in AUX or words[0] in MODALS:
        return True
    if words[0] in PREPOSITIONS and len(words) > 1 and words[1] in WH_WORDS:
        return True  # "On what date ...?", "By whom ...?"
    return any(w in WH_WORDS for w in words[1:])  # in place: "X was released on what date?"


def problems(c: Candidate) -> list[str]:
    """Why a candidate is unusable ([] = fine): the checks every item passes."""
    out = []
    if not c.answer.strip() or not norm(c.answer):
        out.append("empty answer")
    elif not _contains(c.source, c.answer):
        out.append("answer not in its source")
    if norm(c.answer) and _contains(c.question, c.answer):
        out.append("answer in the question")
    if not reads_as_question(c.question):
        out.append("does not read as a question")
    if len(c.answer.split()) > MAX_ANSWER_WORDS:
        out.append("answer too long")
    return out


# ------------------------------------------------------------------ sentences


def _lemma(verb: str) -> str | None:
    """Base form of a finite verb ("employs" -> "employ", "wrote" -> "write"); None if unsure."""
    w = verb.lower()
    if w in ("has", "have", "had"):
        return "have"
    if w in ("does", "did"):
        return "do"
    if w in VERB_OF_FORM:
        return VERB_OF_FORM[w]
    if w in IRREGULAR_PAST:
        return IRREGULAR_PAST[w]
    if w in VERB_BASES:
        return w
    if w.endswith("ed"):
        return _lemma_ed(w)
    if w.endswith("s"):
        return _lemma_s(w)
    return None


def _lemma_s(verb: str) -> str | None:
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return verb[:-2]
    if verb.endswith(("ss", "us", "is")) or not verb.endswith("s"):
        return None
    return verb[:-1]


def _lemma_ed(verb: str) -> str | None:
    """Base form of a regular past tense when the spelling makes it certain, else None."""
    stem = verb[:-2]
    if verb.endswith("ied"):
        return verb[:-3] + "y"
    if verb.endswith("eed"):
        return verb[:-1]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "bgmnprt":
        return stem[:-1]
    if re.search(r"(ch|sh|ck|ng|nd|rk|st|lt|rt|ll|ss|dd|ff|lp|mp|nt|rm|rn|wn|gn|ct|pt|ft|xt|sk|sp"
                 r"|ld|rd|lk|nk|rl|wl)$", stem):
        return stem
    # a vowel digraph before the consonant (rained, heated, shouted), not two syllables (initiated)
    if re.search(r"(?:ai|ea|ee|oa|oo|ou|ei|au|oi)[bdfgklmnprt]$", stem) or re.search(r"(ow|ew|aw|ay|ey|oy)$", stem):
        return stem
    return None


def _is_person(answer: str, lex: Lexicon, head: str = "") -> bool:
    """A person's name: known as one (a following he/she), or First Last with an agentive head
    noun in its description ("the release manager, Ludo Ferrant")."""
    if answer in lex.persons:
        return True
    parts = answer.split()
    agentive = bool(re.search(r"(er|or|ist|ian|ant|ent|ive|ess|eur)s?$", head.lower()))
    return agentive and 2 <= len(parts) <= 3 and all(
        p[:1].isupper() and p.isalpha() and p not in lex.identifiers for p in parts)


def _lower_first(words: list[str], lex: Lexicon) -> list[str]:
    """A subject moved after a fronted auxiliary loses its sentence capital ("The" -> "the")."""
    if not words:
        return words
    w = bare(words[0])
    titlecase = w[:1].isupper() and not any(ch.isupper() for ch in w[1:])
    name_follows = len(words) > 1 and bare(words[1])[:1].isupper()  # "Lake Baikal"
    common = w.lower() in lex.common or bool(re.search(
        r"(ing|ed|ate|ous|ive|al|ful|ness|tion|ment|ity|ly|ent|ant|ic)$", w.lower()))
    if titlecase and (w.lower() in FUNCTION_WORDS or (common and not lex.is_name(w)
                                                       and w not in lex.names and not name_follows)):
        return [words[0][:1].lower() + words[0][1:], *words[1:]]  # "The" -> "the", "Fine-tuning"
    return words


def _plain(toks: Sequence[Token]) -> list[str]:
    return [re.sub(r"^[\"'“‘(\[*_`]+|[\"'”’)\]*_`]+$|[,;:]+$", "", t.raw) for t in toks]


def _conjunct(toks: list[Token], start: int, end: int) -> bool:
    """One item of a list ("like X and Y"): ask for the whole list (the object), not an item."""
    before = toks[start - 1] if start > 0 else None
    after = toks[end] if end < len(toks) else None
    if toks[end - 1].end_punct.startswith(",") and _list_goes_on(toks, end):
        return True
    if before is not None and before.end_punct.startswith(",") and _list_goes_on(toks, start):
        return True
    if before is not None and before.low in ("and", "or", "nor", "&"):
        return True
    if after is not None and after.low in ("and", "or", "&"):
        return True
    if toks[end - 1].end_punct.startswith(",") and after is not None and after.kind != "word":
        return True
    return bool(start > 1 and toks[start - 1].end_punct.startswith(",")
                and toks[start - 1].kind != "word")


class _Builder:
    """The questions of one analysed sentence."""

    def __init__(self, c: Clause, doc_id: str, source: str, fact: str, cloze: bool = True):
        self.c = c
        self.doc_id = doc_id
        self.source = source
        self.fact = fact
        self.cloze = cloze
        self.out: list[Candidate] = []
        self.end = clause_end(c.toks, c.verb)
        intro = _plain(c.intro)
        if intro and intro[0][:1].isupper() and bare(intro[0]).lower() in FUNCTION_WORDS:
            intro[0] = intro[0].lower()
        self.context = intro if any(s.end <= c.start for s in c.spans) else []

    def add(self, question: str, answer: str, kind: str, form: str, key: str,
            direction: str = "forward") -> None:
        q = re.sub(r"\s+", " ", question).strip()
        q = re.sub(r"\s+([,?])", r"\1", q)
        toks = self.c.toks
        first = q.split()[0] if q.split() else ""
        if not (form in ("in_place", "cloze") and bare(first) in self.c.lex.identifiers):
            q = _cap(q)  # "httpx 0.27.0 requires what?" keeps its lower-case name
        named = [" ".join(_plain(toks[s.start : s.end])) for s in self.c.spans]
        if self.c.subject_words is not None:
            named.append(" ".join(self.c.subject_words))
        entities = tuple(dict.fromkeys(e for e in named if e and _contains(q, e)))
        content = [w for w in _words(q) if w not in FUNCTION_WORDS and w not in WH_WORDS
                   and w not in ("fill", "blank", "many", "much")]
        if not entities and len(content) < 3:
            return  # "What leads the team?": nothing in it says which team
        self.out.append(Candidate(q, _clean_answer(answer), self.doc_id, self.source,
                                  kind, direction, form, f"{self.fact}:{key}", entities=entities))

    def inversion(self) -> tuple[str, list[str]] | None:
        """(auxiliary, verb words) to front a question: was+[launched], does+[employ], is+[]."""
        c = self.c
        toks = c.toks
        first = toks[c.verb]
        words = _plain(toks[c.verb + 1 : c.main + 1])
        if first.low in MODALS or (first.low in AUX and (c.main > c.verb or first.low in BE)):
            if first.low in ("do", "does", "did") and not words:
                return None
            return first.low, words
        lemma = _lemma(first.low)
        if lemma is None:
            return None
        if first.low in IRREGULAR_PAST or first.low.endswith("ed") or first.low == "had":
            aux = "did"
        elif first.low == lemma or first.low == "have":
            aux = "do"
        else:
            aux = "does"
        return aux, [lemma, *words]

    def subject_after_aux(self) -> list[str] | None:
        subj = self.c.subject_span()
        words = self.c.subject()
        if subj is None or subj.start != self.c.start:
            words = _lower_first(words, self.c.lex)  # "The telescope" -> "the telescope"
        return words if 0 < len(words) <= 10 else None

    # -- the answer in the predicate ------------------------------------------------------

    def predicate_span(self, span: Span) -> None:
        c = self.c
        toks = c.toks
        answer = " ".join(_plain(toks[span.start : span.end]))
        kind = {"ident": "identifier"}.get(span.kind, span.kind)
        person = span.kind == "name" and _is_person(_clean_answer(answer), c.lex)
        start = span.start
        if start > 0 and toks[start - 1].low == "the" and span.kind in ("name", "ident"):
            start -= 1
        while start > c.main + 1 and toks[start - 1].low in APPROX and span.kind == "number":
            start -= 1  # "about 540": ask for 540, drop "about"
        end = span.unit_end if span.kind == "number" and span.unit else span.end
        if span.kind in ("name", "ident") and end < len(toks) and not toks[end - 1].closes and \
                toks[end].kind == "word" and toks[end].bare[:1].islower() and \
                toks[end].low not in FUNCTION_WORDS and not toks[end].low.endswith("ed"):
            return  # a name used as a modifier ("the Gullwire Relay product")
        if _conjunct(toks, span.start, span.end):
            return
        if span.kind in ("name", "ident") and span.end < len(toks) and toks[span.end].kind == "number":
            return  # "EUR 1,000": the name is the number's unit
        head = ""  # "in the month March", "the package httpx": the noun names what is asked
        if start >= c.main + 3 and toks[start - 2].low == "the" and toks[start - 1].kind == "word" \
                and toks[start - 1].bare.isalpha() and toks[start - 1].bare.islower() \
                and toks[start - 1].low not in FUNCTION_WORDS and not toks[start - 2].closes:
            head = toks[start - 1].low
            start -= 2
        prep = toks[start - 1].low if start > c.main + 1 and toks[start - 1].low in PREPOSITIONS else ""
        wh = self.wh_phrase(span, prep, person)
        if wh is None:
            return
        lead, stranded = wh
        if head and lead.endswith(("what", "who", "whom", "which version")):
            lead = f"{(prep + ' ') if prep else ''}which {head}"
            stranded = ""
        if span.kind == "version":
            name = next((s for s in c.spans if s.end == span.start and s.kind in ("name", "ident")), None)
            if name is not None and name.start > c.main:
                start = name.start
                lead = f"which version of {' '.join(_plain(toks[name.start:name.end]))}"
                prep = toks[start - 1].low if toks[start - 1].low in PREPOSITIONS else ""
                if prep:
                    lead, stranded = f"{prep} {lead}", ""
        of_phrase: list[str] = []
        if span.kind == "number" and span.unit and end < len(toks) and toks[end].low == "of" and \
                not toks[end - 1].closes:
            k = end + 1
            while k < len(toks) and k < end + 4 and toks[k].kind == "word" and \
                    toks[k].low not in FUNCTION_WORDS:
                k += 1
                if toks[k - 1].closes:
                    break
            if k > end + 1:
                of_phrase, end = _plain(toks[end:k]), k
        key = f"{span.start}"
        # in place: "Lake Baikal holds how many cubic kilometres of water?"
        in_place = f"which {head}" if head else self.in_place_wh(span, person)
        modifier = span.kind in ("number", "year") and (
            toks[span.start - 1].kind in ("name", "ident") and not toks[span.start - 1].closes
            or toks[span.start - 1].low in ("the", "a", "an", "every", "each", "per"))
        if span.start > 0 and toks[span.start - 1].low in QUANTIFIERS | {"every", "each", "per"}:
            modifier = True  # "every Tuesday": a repetition, not a thing to ask "what" of
        if modifier:
            in_place = ""  # "two Marrow Tide 3 units", "the 2024 redesign", "every 4 years"
        stop = clause_end(toks, max(end - 1, span.end - 1))
        if in_place and stop <= 25 and c.subject_words is None:
            tail = [t.raw for t in toks[end:stop]]
            q = _join([t.raw for t in toks[:start]], in_place, of_phrase, tail)
            self.add(q.rstrip(".,;:") + "?", answer, kind, "in_place", key)
        fronted = None if modifier else self.fronted(start, end, lead, stranded, of_phrase)
        if fronted:
            self.add(fronted, answer, kind, "fronted", key)
        if self.cloze and c.subject_words is None:
            blank = "___" + toks[span.end - 1].end_punct.rstrip(".")
            cloze = _join([t.raw for t in toks[: span.start]], blank,
                          [t.raw for t in toks[span.end :]])
            self.add(f"Fill in the blank: {cloze.rstrip('.,;:')}.", answer, kind, "cloze", key)

    def wh_phrase(self, span: Span, prep: str, person: bool) -> tuple[str, str] | None:
        """(the fronted wh-phrase with any preposition it takes, a preposition left at the end)."""
        if self.c.copula and not prep and span.start <= self.c.main + 2:
            return ("who" if person else "what"), ""  # "The release year of X is 2019": what
        if span.kind in ("year", "date"):
            if prep in ("since", "until", "by", "before", "after", "till"):
                return f"{prep} when", ""
            return "when", ""
        if span.kind == "number":
            toks = self.c.toks
            if not span.unit or (span.unit_end < len(toks) and toks[span.unit_end].kind == "word"
                                 and toks[span.unit_end].low not in FUNCTION_WORDS
                                 and not toks[span.unit_end - 1].closes):
                return None  # "rated to 50 m depth": the measure is "depth", not "m"
            unit = UNIT_WORDS.get(span.unit.lower(), span.unit)
            return (f"{prep} how many {unit}".strip(), "")
        if span.kind == "version":
            return (f"{prep} which version".strip(), "")
        return ("who" if person else "what"), prep

    def in_place_wh(self, span: Span, person: bool) -> str:
        c = self.c
        nxt = c.toks[span.end] if span.end < len(c.toks) else None
        if span.kind == "number" and not span.unit and nxt is not None and nxt.kind == "word" \
                and nxt.bare.islower() and not c.toks[span.end - 1].closes:
            return ""  # "1 second": a number with a noun we did not take as its unit
        if c.copula and span.start <= c.main + 2 and c.toks[span.start - 1].low not in PREPOSITIONS:
            return "who" if person else "what"
        if span.kind == "year":
            return "which year"
        if span.kind == "date":
            return "what date"
        if span.kind == "version":
            return "which version"
        if span.kind == "number":
            return f"how many {UNIT_WORDS.get(span.unit.lower(), span.unit)}" if span.unit else ""
        if person:
            prev = self.c.toks[span.start - 1].low if span.start else ""
            return "whom" if prev in PREPOSITIONS else "who"
        return "what"

    def fronted(self, start: int, end: int, lead: str, stranded: str,
                of_phrase: list[str]) -> str | None:
        """English inversion: "When was X founded?", "How many hours does X last?"."""
        c = self.c
        toks = c.toks
        if start > self.end or end > self.end:
            return None  # the span is in a subordinate clause
        inv = self.inversion()
        subject = self.subject_after_aux()
        if inv is None or subject is None:
            return None
        aux, verb_words = inv
        slot = start - (1 if toks[start - 1].low in PREPOSITIONS and start - 1 > c.main else 0)
        between = toks[c.main + 1 : slot]
        if any(t.closes for t in between) or len(between) > 8:
            return None
        if c.copula and not verb_words and between:
            return None  # "X is a library for Y": the span is inside the complement
        after = _plain(toks[end : self.end]) if not toks[end - 1].closes else []
        while after and (bare(after[-1]).lower() in ADVERBS or after[-1].lower().endswith("ly")
                         or bare(after[-1]).lower() in ("even", "too")):
            after = after[:-1]  # "... in UTC even [when ...]"
        if len(after) > 8:
            return None
        if of_phrase:
            lead = _join(lead, of_phrase)  # "how many cubic kilometres of water"
        if lead.startswith(("what", "who")) and c.copula and not verb_words and not between and \
                not after and not stranded:
            return _join(lead, aux, subject) + "?"  # "What is X?"
        return _join(lead, aux, subject, verb_words, _plain(between), stranded, after,
                     self.context) + "?"

    # -- passive sentences asked in the active voice ----------------------------------------

    def active(self) -> None:
        """"X was designed by Y" -> "Who designed X?" (Y) and "What did Y design?" (X)."""
        c = self.c
        toks = c.toks
        if not c.passive or c.main + 2 >= len(toks) or toks[c.main + 1].low != "by":
            return
        verb = toks[c.main].low
        if verb.endswith("ed"):
            base = _lemma(verb)
        elif verb in IRREGULAR_PAST and verb in IRREGULAR_PARTICIPLES:
            base = IRREGULAR_PAST[verb]  # made, built, held: the past is the participle
        else:
            return
        if base is None or any(t.low not in BE | ADVERBS for t in toks[c.verb : c.main]):
            return  # "has been founded", "will be made": keep to simple past and present
        agent = next((s for s in c.spans if s.start == c.main + 2 and s.kind in ("name", "ident")),
                     None)
        if agent is None or agent.end != self.end:
            return
        low = [bare(w).lower() for w in c.subject()]
        if c.subject_span() is None and len([w for w in low if w not in FUNCTION_WORDS]) < 2:
            return  # "The team is coached by X" -> "Who coaches the team?": which team?
        subject = _lower_first(c.subject(), c.lex)
        name = " ".join(_plain(toks[agent.start : agent.end]))
        person = _is_person(name, c.lex)
        present = toks[c.verb].low in ("is", "are")
        finite = third_person(base) if present else (verb if verb.endswith("ed") else
                                                     next(k for k, v in IRREGULAR_PAST.items()
                                                          if v == base and k == verb))
        self.add(_join("Who" if person else "What", finite, subject, self.context) + "?", name,
                 "name" if agent.kind == "name" else "identifier", "fronted", f"{agent.start}")
        subj = c.subject_span()
        if subj is not None and c.subject_words is None:
            answer = " ".join(_plain(toks[subj.start : subj.end]))
            aux = "does" if present else "did"
            self.add(_join("What", aux, name, base, self.context) + "?", answer,
                     "name" if subj.kind == "name" else "identifier", "fronted",
                     f"{subj.start}", "reverse")

    # -- the subject as the answer ---------------------------------------------------------

    def reverse(self) -> None:
        c = self.c
        subj = c.subject_span()
        if subj is None or c.appositive:
            return
        toks = c.toks
        predicate = toks[c.verb : self.end]
        anchors = [s for s in c.spans if c.verb <= s.start < self.end and (
            s.kind in ("name", "ident", "version", "date") or (
                s.kind == "number" and s.unit and len(re.sub(r"\D", "", toks[s.start].bare)) >= 3))]
        if not anchors or not 2 <= len(predicate) <= 14:
            return  # "What was released in 2012?" asks for one of many
        k = c.main + 1
        if c.copula and k < len(toks) and toks[k].low in ("a", "an"):
            return  # "X is a senior engineer at Y": one of several, not "the"
        answer = " ".join(_plain(toks[subj.start : subj.end]))
        person = _is_person(answer, c.lex)
        words = [re.sub(r"^[\"'“‘(\[*_`]+|[\"'”’)\]*_`]+$", "", t.raw) for t in predicate]
        words[-1] = re.sub(r"[,;:.!?]+$", "", words[-1])
        first = words[0].lower()
        if first in ("are", "were", "have", "do"):
            words[0] = {"are": "is", "were": "was", "have": "has", "do": "does"}[first]
        elif c.plural and first in VERB_BASES:
            words[0] = third_person(first)
        q = _join("Who" if person else "What", words, self.context) + "?"
        kind = "identifier" if subj.kind == "ident" else "name"
        self.add(q, answer, kind, "fronted", f"{subj.start}", "reverse")
        if self.cloze and c.subject_words is None and c.start == 0:
            cloze = _join("___", [t.raw for t in toks[subj.end :]])
            self.add(f"Fill in the blank: {cloze.rstrip('.,;:')}.", answer, kind, "cloze",
                     f"{subj.start}", "reverse")
        # the intro's date: "In 2012, X appointed Y" -> "When did X appoint Y?"
        inv = self.inversion()
        intro_dates = [s for s in c.spans if s.end <= c.start and s.kind in ("year", "date")]
        if intro_dates and inv and len(predicate) <= 10:
            aux, verb_words = inv
            subject = self.subject_after_aux()
            rest = _plain(toks[c.main + 1 : self.end])
            if subject:
                s0 = intro_dates[0]
                self.add(_join("When", aux, subject, verb_words, rest) + "?",
                         " ".join(_plain(toks[s0.start:s0.end])), s0.kind, "fronted", f"{s0.start}")

    # -- definitions: "X is Y" ------------------------------------------------------------

    def definition(self) -> None:
        c = self.c
        toks = c.toks
        if c.appositive:
            a, b = c.appositive
            self.describe(_plain(toks[a:b]), "is", True)
        if not c.copula or c.passive:
            return
        k = c.main + 1
        while k < len(toks) and toks[k].low in ADVERBS:
            k += 1
        if k >= len(toks) or toks[k - 1].closes:
            return
        end = clause_end(toks, k)
        if end < len(toks) and toks[end - 1].end_punct.startswith(","):
            return  # "X is Y, which ...", "X is the sealed, long-life version ...": not plain
        self.describe(_plain(toks[k:end]), toks[c.main].low, False)

    def describe(self, complement: list[str], be: str, appositive: bool) -> None:
        c = self.c
        if not complement or len(complement) > MAX_ANSWER_WORDS:
            return
        first = bare(complement[0]).lower()
        content = [w for w in complement if bare(w).lower() not in FUNCTION_WORDS]
        infinitive = first == "to" and len(complement) > 1 and bare(complement[1]).islower() and \
            bare(complement[1]).lower() not in FUNCTION_WORDS
        nominal = first in DETERMINERS | POSSESSIVES | {"one"} or infinitive or (
            len(content) >= 2 and bare(complement[1]).lower() not in PREPOSITIONS
            and not bare(complement[0]).lower().endswith("ly"))
        named = any(s.kind in ("name", "ident", "number", "version") for s in c.spans
                    if s.start > c.main and s.start < self.end) and len(complement) <= 4
        if first in PREPOSITIONS and not infinitive:
            return
        if not (nominal or named) or not content:
            return
        subj = c.subject_span()
        subject_words = c.subject()
        low = [bare(w).lower() for w in subject_words]
        specific = subj is not None or (
            low and low[0] in DETERMINERS | POSSESSIVES and low[0] not in ("a", "an")
            and len([w for w in low if w not in FUNCTION_WORDS]) >= 2)
        if low and (low[0] in DEMONSTRATIVES or low[0].endswith("ing") and len(low) > 1
                    and low[1] in DETERMINERS | POSSESSIVES):
            specific = False
        answer = " ".join(complement)
        head = next((bare(w) for i, w in enumerate(complement) if bare(w).lower() not in FUNCTION_WORDS
                     and (i + 1 == len(complement) or bare(complement[i + 1]).lower() in PREPOSITIONS)),
                    bare(complement[-1]))
        if specific and len(subject_words) <= 10:
            person = subj is not None and _is_person(" ".join(subject_words), c.lex, head)
            self.add(_join("Who" if person else "What", be, _lower_first(subject_words, c.lex))
                     + "?", answer, "phrase", "definition", "def")
            owner = self.of_name()
            if owner:  # "the author of Ivanhoe" -> "Ivanhoe's author"
                noun, name = owner
                possessive = f"{name}'" if name.endswith("s") else f"{name}'s"
                self.add(_join("What", be, possessive, noun) + "?", answer, "phrase",
                         "definition", "def")
            if not appositive and len(complement) <= 6 and c.start == 0 and c.subject_words is None:
                self.add(_join(subject_words, be, "what") + "?", answer, "phrase", "in_place", "def")
                if self.cloze:
                    self.add(f"Fill in the blank: {_join(subject_words, be, '___')}.", answer,
                             "phrase", "cloze", "def")
        # reverse: "What is the firmware on every Marrow Tide logger?" -> TideOS
        definite = first in ("the", *POSSESSIVES) or (appositive and first == "the")
        if subj is not None and definite and len(complement) >= 2 and len(content) >= 1:
            name = " ".join(_plain(c.toks[subj.start : subj.end]))
            wh = "Who" if _is_person(name, c.lex, head) else "What"
            comp = [complement[0].lower(), *complement[1:]]
            self.add(_join(wh, be, comp) + "?", name, "name" if subj.kind == "name" else
                     "identifier", "definition", "def-r", "reverse")

    def of_name(self) -> tuple[str, str] | None:
        """("author", "Ivanhoe") for a subject "The author of Ivanhoe"."""
        c = self.c
        toks = c.toks[c.start : c.subject_end]
        if len(toks) < 4 or toks[0].low != "the" or c.appositive or c.subject_words is not None:
            return None
        k = next((i for i, t in enumerate(toks) if t.low == "of"), None)
        if k is None or not 1 < k <= 3:
            return None
        owner = [s for s in c.spans if s.start in (c.start + k + 1, c.start + k + 2)
                 and s.end == c.subject_end and s.kind in ("name", "ident")]
        if not owner or any(t.kind != "word" or t.low in FUNCTION_WORDS for t in toks[1:k]):
            return None
        name = " ".join(_plain(c.toks[owner[0].start : owner[0].end]))
        return " ".join(_plain(toks[1:k])), name

    # -- objects: "X requires Python 3.9 or later" -> "What does X require?" ------------------

    def objects(self) -> None:
        c = self.c
        toks = c.toks
        if c.copula:
            return
        verb = toks[c.main]
        lemma = verb.low if c.main > c.verb and toks[c.main - 1].low in MODALS | {"do", "does", "did"} \
            else _lemma(verb.low)
        if c.passive:
            lemma = verb.low
        if lemma is None or lemma in LINKING_VERBS or lemma in ("be", "do") or verb.closes:
            return
        start = c.main + 1
        particle = ""
        if start < len(toks) and toks[start].low in ("on", "for", "with", "to", "from", "into",
                                                       "about", "in", "as") and not toks[start].closes \
                and not (start + 1 < len(toks) and toks[start + 1].kind == "number"):
            particle, start = toks[start].low, start + 1
        if c.passive and not particle:
            return  # "X was released in 2011": asked by the span
        if start >= len(toks):
            return
        end = _list_end(toks, start, c.spans) or clause_end(toks, start)
        for k in range(start + 1, end):  # "their needs thoroughly before deciding ..."
            w = toks[k].low
            named = any(sp.start == start and sp.kind in ("name", "ident") for sp in c.spans)
            if (w.endswith("ly") and w not in ("only", "family", "supply", "assembly")) or w in (
                    "before", "after", "until", "without", "while", "as") or (
                    named and w in PREPOSITIONS - {"of"}):
                end = k  # "named X as release manager", "writes for X as ...": X
                break
        if toks[start].low in ADVERBS or toks[start].low.endswith("ly"):
            return  # "ranked highly in ...": no object
        obj = _plain(toks[start:end])
        if any(toks[k].low in DETERMINERS | POSSESSIVES and toks[k - 1].kind == "word"
               and toks[k - 1].low not in FUNCTION_WORDS for k in range(start + 1, end)):
            return  # "gave the telescope its name": two objects
        if not particle and start + 1 < len(toks) and toks[start].kind == "word" and \
                toks[start].bare.islower() and toks[start].low not in FUNCTION_WORDS and \
                toks[start + 1].low in PREPOSITIONS and not toks[start].closes:
            return  # a verb + bare noun idiom ("make sense of", "pay attention to"): no object
        if particle and len(obj) == 1 and toks[start].kind == "word" and toks[start].bare.islower():
            return  # "came in handy", "got under way": an idiom, not a thing to ask about
        if not obj or len(obj) > 10 or toks[start].low in PRONOUNS - POSSESSIVES or \
                toks[start].low in PREPOSITIONS | SUBORDINATORS | CONJUNCTIONS:
            return
        if all(bare(w).lower() in FUNCTION_WORDS for w in obj):
            return
        inv = self.inversion()
        subject = self.subject_after_aux()
        if inv is None or subject is None:
            return
        aux, verb_words = inv
        one = [s for s in c.spans if s.start in (start, start + 1) and (
            max(s.end, s.unit_end) == end or s.kind in ("year", "date", "number"))]
        inside = [s for s in c.spans if start <= s.start < end]
        if one or (inside and (lemma == "have" or c.passive)):
            return  # a value asked by predicate_span ("has its office in X", "in the month of May")
        answer = " ".join(re.sub(r"^[\"'“‘(\[*_`]+|[\"'”’)\]*_`]+$", "", t.raw)
                          for t in toks[start:end])
        self.add(_join("What", aux, subject, verb_words, particle, self.context) + "?",
                 answer, "phrase", "fronted", "obj")


def _list_end(toks: list[Token], start: int, found: list[Span]) -> int | None:
    """End of a list of names "anyio, certifi and idna" starting at `start`, or None."""
    by_start = {s.start: s for s in found if s.kind in ("name", "ident")}
    for k, t in enumerate(toks):  # one-word items: "anyio, certifi and idna"
        if k >= start and k not in by_start and t.kind == "word" and t.low not in FUNCTION_WORDS \
                and not any(s.start <= k < s.end for s in found):
            by_start[k] = Span(k, k + 1, "ident")
    k, items = start, 0
    while k in by_start:
        s = by_start[k]
        items += 1
        last = toks[s.end - 1]
        if last.end_punct.startswith(",") and s.end < len(toks):
            k = s.end + (1 if toks[s.end].low in ("and", "or") else 0)
        elif s.end < len(toks) and toks[s.end].low in ("and", "or") and not last.closes:
            k = s.end + 1
        else:
            return s.end if items >= 2 else None
    return None


def _acronyms(sentence: str, doc_id: str, fact: str) -> list[Candidate]:
    """"Retrieval-Augmented Generation (RAG)" -> "What does RAG stand for?"."""
    out = []
    for m in re.finditer(r"((?:[\w-]+ ){0,6}[\w-]+) \(([A-Z][A-Za-z]{1,7})\)", sentence):
        words, acro = m.group(1).split(), m.group(2)
        for k in range(len(words), 0, -1):
            parts = [p for w in words[-k:] for p in w.split("-") if p]
            if "".join(p[0].upper() for p in parts) == acro.upper() or \
                    "".join(w[0].upper() for w in words[-k:]) == acro.upper():
                expansion = " ".join(words[-k:])
                if any(w[0].isupper() for w in words[-k:]) or acro.isupper():
                    out.append(Candidate(f"What does {acro} stand for?", expansion, doc_id,
                                         sentence, "phrase", "forward", "acronym",
                                         f"{fact}:acro:{acro}"))
                break
    return out


def _strip_parentheses(text: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", text)


def _name_versions(toks: list[Token], doc_id: str, source: str, fact: str,
                   lex: Lexicon) -> list[Candidate]:
    """"httpx 0.27.0 is ..." -> the version of httpx."""
    out = []
    for i in range(len(toks) - 1):
        t = toks[i]
        if toks[i + 1].kind != "version" or t.closes:
            continue
        if i > 1 or (i == 1 and toks[0].low != "the"):
            continue  # "requires Python 3.8": a requirement, not the version of Python
        if t.kind in ("name", "ident") or (i == 0 and re.fullmatch(r"[A-Za-z][\w.-]*", t.bare)):
            j = i
            while j > 0 and toks[j - 1].kind == "name" and not toks[j - 1].closes:
                j -= 1
            name = " ".join(x.bare for x in toks[j : i + 1])
            out += field_candidates(name, "version", toks[i + 1].bare, doc_id, source=source,
                                    fact=f"{fact}:v{i}", lex=lex)
    return out


def _cloze_only(toks: list[Token], doc_id: str, source: str, fact: str,
                lex: Lexicon) -> list[Candidate]:
    """A sentence whose clause is not understood still teaches its names and numbers as
    cloze items (the sentence with one blank), when it is a whole sentence with a verb."""
    if not source.endswith(".") or not 5 <= len(toks) <= 30 or not source[:1].isupper():
        return []
    if any(t.low in NEGATIONS or t.low.endswith("n't") for t in toks):
        return []  # negative statements: as everywhere, nothing is asked
    if not any(t.low in AUX or t.low in OBJECT_VERBS or t.low in IRREGULAR_PAST or (
            t.low.endswith("ed") and t.kind == "word") for t in toks):
        return []
    out = []
    for s in spans(toks, lex):
        if s.kind not in ("name", "ident", "number", "year", "date", "version") or \
                _conjunct(toks, s.start, s.end) or s.start == 0:
            continue
        if s.kind == "number" and (toks[s.start - 1].kind in ("name", "ident") or
                                   toks[s.start - 1].low in ("the", "a", "an", "every", "each")):
            continue
        if s.kind in ("name", "ident") and (toks[s.start].low in lex.common or (
                s.end < len(toks) and toks[s.end].kind == "word" and toks[s.end].bare.islower()
                and toks[s.end].low not in FUNCTION_WORDS and not toks[s.end - 1].closes)):
            continue  # "autonomous AI agents": a modifier; "Budget of ...": a common word
        if s.kind in ("name", "ident") and s.end < len(toks) and toks[s.end].kind == "number":
            continue  # "EUR 1,000"
        answer = " ".join(_plain(toks[s.start : s.end]))
        blank = "___" + toks[s.end - 1].end_punct.rstrip(".")
        text = _join([t.raw for t in toks[: s.start]], blank, [t.raw for t in toks[s.end :]])
        kind = {"ident": "identifier"}.get(s.kind, s.kind)
        out.append(Candidate(f"Fill in the blank: {text.rstrip('.,;:')}.", _clean_answer(answer),
                             doc_id, source, kind, "forward", "cloze", f"{fact}:{s.start}"))
        if len(out) == 2:
            break
    return out


def _resolve(toks: list[Token], previous: Clause | None) -> list[str] | None:
    """"It launched in 2021" after "The Marrow Tide 3 is ..." -> the previous subject."""
    if not toks or toks[0].low not in ("it", "he", "she") or previous is None:
        return None
    if previous.subject_span() is None or previous.start != 0:
        return None
    return previous.subject()


def sentence_candidates(sentence: str, doc_id: str, lex: Lexicon, fact: str = "",
                        previous: tuple[str, Clause] | None = None,
                        cloze: bool = True) -> tuple[list[Candidate], tuple[str, Clause] | None]:
    """The candidates of one sentence, and (sentence, analysis) for the next one's pronouns."""
    fact = fact or doc_id
    sentence = sentence.strip()
    if not sentence or sentence.endswith("?") or len(sentence.split()) > 45:
        return [], None
    out = _acronyms(sentence, doc_id, fact)
    words = sentence.split()
    if not sentence.endswith((".", "!", '"', "'", ")")) and len(words) >= 3 and sum(
            w[:1].isupper() for w in words) >= 0.6 * len(words):
        return out, None  # a title ("Enhancing Personalization: 3 Techniques for RAG")
    plain = _strip_parentheses(sentence)
    toks = tokenize(plain, lex)
    if len(toks) < 3:
        return out, None
    out += _name_versions(toks, doc_id, plain, fact, lex)
    resolved = _resolve(toks, previous[1] if previous else None)
    if resolved is not None and previous is not None:
        stand_in = [Token("Zq", "Zq", "name"), *toks[1:]]
        clause = analyse(stand_in, lex)
        if clause is not None and clause.start == 0:
            clause.subject_words = resolved
            clause.spans = [s for s in clause.spans if s.start > 0]
            b = _Builder(clause, doc_id, f"{previous[0]} {plain}", fact, cloze=False)
            for s in clause.spans:
                if s.start > clause.main:
                    b.predicate_span(s)
            b.definition()
            b.objects()
            out += b.out
        return out, None
    clause = analyse(toks, lex)
    if clause is None:
        if cloze and resolved is None:
            out += _cloze_only(toks, doc_id, plain, fact, lex)
        return out, None
    b = _Builder(clause, doc_id, plain, fact, cloze)
    for s in clause.spans:
        if s.start > clause.main:
            b.predicate_span(s)
    b.reverse()
    b.active()
    b.definition()
    b.objects()
    out += b.out
    return out, (plain, clause)


# ------------------------------------------------------------------ fields and records


def _key_words(key: str) -> list[str]:
    key = re.sub(r"[_\-]+", " ", key.strip().strip("*:`"))
    key = re.sub(r"([a-z])([A-Z])", r"\1 \2", key)
    return [w.lower() for w in key.split()]


def _value_kind(value: str, lex: Lexicon | None = None) -> str:
    v = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*|\d{4}-\d{2}", v):
        return "date"
    if re.fullmatch(r"(1[5-9]\d{2}|20\d{2})", v):
        return "year"
    if is_version(v) or re.fullmatch(r"(?:[<>=!~^]=?\s*v?\d+(?:\.\d+)*,?\s*)+", v):
        return "version"
    if re.fullmatch(r"[$€£]?[\d,]+(?:\.\d+)?%?(?:\s+[a-zA-Z]+){0,2}", v):
        return "number"
    if len(v.split()) <= 4 and all(w[:1].isupper() or (lex and lex.is_name(w)) for w in v.split()):
        return "name"
    if re.fullmatch(r"[a-z][\w.-]*", v):
        return "identifier"
    return "phrase"


def is_field(key: str, value: str, lex: Lexicon | None = None) -> bool:
    """"License: MIT" is a field; "Enhancing Personalization: 3 Techniques for RAG" is a title,
    "Caldmoor Harbour: field services" a list item about a place, "New: probes are detected
    automatically." a labelled sentence."""
    words = key.split()
    if not words or len(words) > 3 or not value.strip():
        return False
    if lex is not None and any(lex.is_name(w) or w in lex.names for w in words):
        return False
    if value.rstrip().endswith(".") and len(value.split()) >= 4:
        return False
    title_key = len(words) > 1 and all(w[:1].isupper() for w in words)
    long_value = len(value.split()) > 8
    return not (title_key and value[:1].isalnum() and not value[:1].islower()
                and len(value.split()) >= 3) and not (
        long_value and not key.islower())


def field_candidates(subject: str, key: str, value: Any, doc_id: str, *, source: str = "",
                     fact: str = "", lex: Lexicon | None = None,
                     reverse: bool = True) -> list[Candidate]:
    """Questions about one field of a record ("version: 1.2.0" of NAME), both directions
    when the subject is a name and the value is specific."""
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if str(v).strip())
    value = str(value).strip() if value is not None else ""
    subject = subject.strip()
    words = _key_words(key)
    if not value or value.lower() in NONE_VALUES or not subject or not words or len(words) > 4:
        return []
    if len(value.split()) > MAX_ANSWER_WORDS or re.match(r"^https?://", value) or "\n" in value:
        return []
    if any(not re.fullmatch(r"[a-z][a-z0-9']*", w) for w in words):
        return []
    source = source or f"{subject}: {key}: {value}"
    if not _contains(source, subject):
        source = f"{subject}: {source}"
    fact = f"{fact or doc_id}:{'-'.join(words)}"
    kind = _value_kind(value, lex)
    unit = ""
    if len(words) > 1 and words[-1] in UNIT_ABBREVIATIONS and words[-1] not in ("a", "in"):
        unit, words = words[-1], words[:-1]  # price_eur -> price, in eur
    k = " ".join(words)
    head = words[-1]
    subj = subject
    out: list[Candidate] = []

    def add(q: str, a: str, typ: str, direction: str = "forward") -> None:
        if not q.startswith(subj) or subj[:1].isupper() or not re.fullmatch(r"[a-z][\w.-]*", subj):
            q = _cap(q)  # a lower-case name starting the question keeps its case
        out.append(Candidate(q, a, doc_id, source, typ, direction, "record",
                             fact + (":r" if direction == "reverse" else ""),
                             entities=(value if direction == "reverse" else subj,)))

    verbish = words[0] in OBJECT_VERBS
    participle = head in IRREGULAR_PARTICIPLES or (head.endswith("ed") and len(head) > 4 and
                                                    head not in ("need", "feed", "speed", "seed"))
    if len(words) > 1 and words[-1] in PREPOSITIONS and (words[-2].endswith("ed") or
                                                          words[-2] in IRREGULAR_PARTICIPLES):
        participle = True  # "maintained by", "written in"
    name_value = kind in ("name", "identifier", "number", "date", "year")  # not versions: shared
    spec = kind == "version" and bool(re.match(r"^[<>=!~^]", value))  # ">=3.10": a requirement
    if verbish:  # "requires: numpy", "depends on: numpy", "requires python: >=3.10"
        lemma = _lemma_s(words[0]) or words[0]
        rest = words[1:]
        if rest and rest[0] not in PREPOSITIONS:
            add(f"Which {' '.join(rest)}{' version' if spec else ''} does {subj} {lemma}?", value, kind)
        else:
            add(f"What does {subj} {' '.join([lemma, *rest])}?", value, kind)
            add(f"{subj} {k} what?", value, kind)
            if reverse and name_value and "," not in value:
                add(f"What {k} {value}?", subj, "name", "reverse")
    elif participle:  # "released: 2024-01-05", "written in: Rust"
        if kind in ("date", "year"):
            add(f"When was {subj} {k}?", value, kind)
            if kind == "date":
                add(f"On what date was {subj} {k}?", value, kind)
            if reverse:
                add(f"What was {k} {'in' if kind == 'year' else 'on'} {value}?", subj, "name", "reverse")
        else:
            add(f"What is {subj} {k}?", value, kind)
            add(f"{subj} is {k} what?", value, kind)
            if reverse and name_value:
                add(f"What is {k} {value}?", subj, "name", "reverse")
    else:  # a noun: "version: 1.2.0", "employees: 5691", "extras: a, b"
        plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "ics")) and len(head) > 3
        the = "the " if words[0] not in POSSESSIVES else ""
        suffix = f" in {unit}" if unit else ""
        if spec:  # "python: >=3.10"
            add(f"Which {k} version does {subj} require?", value, kind)
            add(f"What {k} version does {subj} need?", value, kind)
        elif kind == "number" and plural and not unit:
            add(f"How many {k} does {subj} have?", value, kind)
            add(f"What is the number of {k} of {subj}?", value, kind)
        else:
            add(f"What {'are' if plural else 'is'} {the}{k} of {subj}{suffix}?", value, kind)
            add(f"{'Which' if plural else 'What'} {k} does {subj} have{suffix}?", value, kind)
            if not plural and not unit and subj[:1].isupper():
                owner = f"{subj}'" if subj.endswith("s") else f"{subj}'s"
                add(f"What is {owner} {k}?", value, kind)  # "What is Ivanhoe's author?"
        if "," in value:
            pass  # a list: "What has the extras a, b, c?" asks nothing
        elif reverse and name_value and len(value.split()) <= 6:
            add(f"What has {value} as its {k}?", subj, "name", "reverse")
        elif reverse and 3 <= len(value.split()) <= MAX_ANSWER_WORDS:
            add(f"What has the {k} \"{value}\"?", subj, "name", "reverse")
    return out


def record_candidates(fields: Mapping[str, Any], doc_id: str, *, subject: str = "",
                      source: str = "", fact: str = "", lex: Lexicon | None = None) -> list[Candidate]:
    """Questions about a record (a table row, a JSON object, front matter): its subject is
    `subject`, else its name/title field; every other scalar field is asked about."""
    subject = subject or next((str(fields[k]) for k in ("name", "title", "package", "product")
                               if k in fields and fields[k]), "")
    if not subject:
        return []
    out = []
    for key, value in fields.items():
        if key.lower() in DOCUMENT_KEYS:
            continue
        if str(value).strip() == subject:
            continue
        src = source or f"{subject}: {key}: {value}"
        out += field_candidates(subject, key, value, doc_id, source=src, fact=fact or doc_id, lex=lex)
    return out


def _row_candidates(unit: Unit, doc_id: str, title: str, fact: str,
                    lex: Lexicon) -> list[Candidate]:
    cells = [c for c in unit.cells]
    header = [h for h in unit.header]
    # a one-line record "Subject | key: value | key: value"
    if len(cells) > 1 and ":" not in cells[0] and all(_CELL_FIELD.match(c) for c in cells[1:]):
        out = []
        for i, cell in enumerate(cells[1:]):
            key, value = (x.strip() for x in cell.split(":", 1))
            out += field_candidates(cells[0], key, value, doc_id, source=unit.text,
                                    fact=f"{fact}:{i}", lex=lex)
        return out
    if len(cells) == 2 and (not header or len(header) == 2) and title and not (
            header and header[0].lower() not in ("field", "key", "property", "attribute", "name",
                                                 "parameter", "setting", "")):
        key, value = cells
        if key.lower() in ("name", "title", "package"):
            return []
        return field_candidates(title, key, value, doc_id, source=unit.text, fact=fact, lex=lex)
    if header and len(header) == len(cells):
        fields = dict(zip(header, cells))
        subject = cells[0] if not cells[0].isdigit() else ""
        name_col = next((h for h in header if h.lower() in ("name", "title", "package")), None)
        if name_col:
            subject = fields[name_col]
        rest = {k: v for k, v in fields.items() if v != subject}
        return record_candidates(rest, doc_id, subject=subject, source=unit.text, fact=fact, lex=lex)
    return []


_CELL_FIELD = re.compile(r"^[A-Za-z][\w .'-]{0,30}:\s+\S")


def _pipe_record(text: str) -> Unit | None:
    """A one-line record "Subject | key: value | key: value" (not a markdown table)."""
    parts = [p.strip() for p in text.split("|")]
    if len(parts) >= 2 and parts[0] and ":" not in parts[0] and all(_CELL_FIELD.match(p) for p in parts[1:]):
        return Unit(text, "row", cells=tuple(parts))
    return None


# ------------------------------------------------------------------ chunks and corpora


def subject_of(chunk: Chunk) -> str:
    meta = chunk.metadata or {}
    for key in ("name", "package", "product", "title"):
        v = meta.get(key)
        if isinstance(v, str) and v.strip() and len(v.split()) <= 6:
            return v.strip()
    title = (chunk.title or "").strip()
    title = re.sub(r"^(?:(?:Package record|Record|FAQ):\s*|About\s+)", "", title)
    return title if len(title.split()) <= 8 else ""


def chunk_candidates(chunk: Chunk, lex: Lexicon, metadata: bool = True,
                     in_fence: str = "") -> list[Candidate]:
    """Every candidate of one chunk: its sentences, table rows, fields and metadata (never its
    code: `in_fence` when the chunk starts inside a fenced block, see `fences`)."""
    out: list[Candidate] = []
    subject = subject_of(chunk)
    previous: tuple[str, Clause] | None = None
    for i, unit in enumerate(split_units(chunk.text, in_fence)):
        fact = f"{chunk.id}:{i}"
        if unit.kind == "heading":
            previous = None
            continue
        if unit.kind == "sentence":
            rec = _pipe_record(unit.text)
            if rec is not None:
                out += _row_candidates(rec, chunk.doc_id, subject, fact, lex)
                previous = None
                continue
            found, previous = sentence_candidates(unit.text, chunk.doc_id, lex, fact, previous)
            out += found
        elif unit.kind == "row":
            out += _row_candidates(unit, chunk.doc_id, subject, fact, lex)
        elif unit.kind == "field":
            if subject and is_field(unit.key, unit.value, lex):
                out += field_candidates(subject, unit.key, unit.value, chunk.doc_id,
                                        source=unit.text, fact=fact, lex=lex)
            if len(unit.value.split()) >= 5:  # "Fix: the console showed ..." is a sentence too
                found, _ = sentence_candidates(unit.value, chunk.doc_id, lex, fact + "s",
                                               cloze=False)
                out += found
            previous = None
    if metadata and chunk.position == 0 and chunk.metadata:
        fields = {k: v for k, v in chunk.metadata.items() if k.lower() not in DOCUMENT_KEYS}
        if subject and fields:
            out += record_candidates(fields, chunk.doc_id, subject=subject,
                                     fact=f"{chunk.id}:meta", lex=lex)
    for c in out:
        c.chunk_id = chunk.id
    return out


def overlap_start(prev: str, text: str) -> int:
    """Where in `prev` the text that `text` repeats at its start begins (len(prev): none)."""
    for p in range(max(0, len(prev) - 4000), len(prev)):
        if (p == 0 or prev[p - 1].isspace()) and text.startswith(prev[p:]):
            return p
    return len(prev)


def follows(prev: Chunk, chunk: Chunk) -> bool:
    """`chunk` is the next chunk of `prev`'s section (same document and heading, next position):
    the chunker repeats the end of `prev` at its start."""
    return prev.doc_id == chunk.doc_id and prev.heading == chunk.heading and chunk.position == prev.position + 1


def fences(chunks: Sequence[Chunk]) -> list[str]:
    """Per chunk, the fence of a code block open where the chunk starts ("" = none): a chunk
    that follows the previous chunk of its section (same document and heading, next position)
    starts in the state the previous one is in where the repeated overlap begins."""
    out: list[str] = []
    prev: Chunk | None = None
    for chunk in chunks:
        state = ""
        if prev is not None and follows(prev, chunk):
            cut = overlap_start(prev.text, chunk.text)
            state = code_lines(prev.text[:cut], out[-1])[1]
        out.append(state)
        prev = chunk
    return out


def lexicon_for(chunks: Sequence[Chunk]) -> Lexicon:
    titles = [subject_of(c) for c in chunks]
    return Lexicon.from_texts([c.text for c in chunks], titles)


def corpus_candidates(chunks: Sequence[Chunk], *, forms: Iterable[str] = (), metadata: bool = True,
                      lex: Lexicon | None = None) -> tuple[list[Candidate], dict[str, Any]]:
    """Every checked candidate of a corpus (deterministic: corpus order), with counts.

    Dropped: candidates that fail `problems`; exact duplicates; questions the corpus
    answers in two different ways ("What is a sensor?")."""
    lex = lex or lexicon_for(chunks)
    allowed = set(forms)
    raw: list[Candidate] = []
    units = 0
    for chunk, fence in zip(chunks, fences(chunks)):
        units += len(split_units(chunk.text, fence))
        raw += [c for c in chunk_candidates(chunk, lex, metadata, fence)
                if not allowed or c.form in allowed]
    stats: dict[str, Any] = {"chunks": len(chunks), "units": units, "raw": len(raw)}
    failed: dict[str, int] = {}
    checked = []
    for c in raw:
        p = problems(c)
        if p:
            failed[p[0]] = failed.get(p[0], 0) + 1
        else:
            checked.append(c)
    answers: dict[str, set[str]] = {}
    for c in checked:
        answers.setdefault(norm(c.question), set()).add(norm(c.answer))
    seen: set[tuple[str, str]] = set()
    kept = []
    ambiguous = duplicates = 0
    for c in checked:
        q = norm(c.question)
        if len(answers[q]) > 1:
            ambiguous += 1
            continue
        if (q, norm(c.answer)) in seen:
            duplicates += 1
            continue
        seen.add((q, norm(c.answer)))
        kept.append(c)
    stats.update({"failed": dict(sorted(failed.items())), "ambiguous_dropped": ambiguous,
                  "duplicates_dropped": duplicates, "kept": len(kept),
                  "facts": len({c.fact for c in kept})})
    return kept, stats


def sample(candidates: Sequence[Candidate], n: int, seed: int = 0) -> list[Candidate]:
    """n candidates spread over answer types and documents, the same for the same seed."""
    rng = random.Random(f"ragtune-questions:{seed}")
    by_type: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_type.setdefault(c.type, []).append(c)
    for group in by_type.values():
        rng.shuffle(group)
    out: list[Candidate] = []
    keys = sorted(by_type)
    while len(out) < n and any(by_type[k] for k in keys):
        for k in keys:
            if by_type[k] and len(out) < n:
                out.append(by_type[k].pop())
    return out
