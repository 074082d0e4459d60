"""The shape of a declarative English sentence: introductory phrase, subject, verb group,
predicate, and appositions. Rules of English word order, no tagger:

    In 2012, | the Hubble Space Telescope | was | launched from Florida.
    intro      subject                      verb  main verb (participle: passive)

A word is the verb when it is an auxiliary or modal, or a known verb form after a noun (a
3rd-person "-s", a past "-ed", an irregular past); a plural noun followed by a base verb
("Fenwick probes measure ...") is a noun. Anything unclear returns no clause: a question
that cannot be phrased correctly is better not asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ragtune.corpus.english import (
    ADVERBS,
    AUX,
    BE,
    CONJUNCTIONS,
    DETERMINERS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    MODALS,
    NEGATIONS,
    OBJECT_VERBS,
    OPENERS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    SUBORDINATORS,
    VERB_BASES,
    VERB_OF_FORM,
    Lexicon,
    Span,
    Token,
    spans,
)

FUNCTION_WORDS = (DETERMINERS | PRONOUNS | AUX | PREPOSITIONS | CONJUNCTIONS | SUBORDINATORS
                  | ADVERBS | NEGATIONS | QUANTIFIERS | MODALS)
NOT_BEFORE_VERB = DETERMINERS | POSSESSIVES | QUANTIFIERS | PREPOSITIONS | CONJUNCTIONS | {
    "these", "those", "this", "that", "several", "other", "such", "more", "many", "new", "to"}
LINKING_VERBS = {"remain", "become", "seem", "appear", "stay", "look", "sound", "feel", "prove",
                 "grow", "turn", "get"}  # fmt: skip
INTRO_STARTERS = OPENERS | ADVERBS | {"despite", "unlike", "like", "following", "according",
                                      "as", "in", "on", "at", "by", "for", "with", "after"}
DEMONSTRATIVES = {"this", "that", "these", "those"}


@dataclass
class Clause:
    toks: list[Token]
    start: int  # first word of the subject (after an introductory phrase)
    subject_end: int  # toks[start:subject_end] is the subject
    verb: int  # first word of the verb group
    main: int  # the main verb, or the copula
    spans: list[Span]
    lex: Lexicon
    copula: bool = False
    passive: bool = False
    plural: bool = False
    appositive: tuple[int, int] | None = None  # "X, a notable figure, ..." (tokens of it)
    subject_words: list[str] | None = None  # a pronoun resolved to an earlier subject
    notes: dict = field(default_factory=dict)

    @property
    def intro(self) -> list[Token]:
        return self.toks[: self.start]

    def subject(self) -> list[str]:
        """The subject's words as written (punctuation around it removed)."""
        if self.subject_words is not None:
            return list(self.subject_words)
        end = self.subject_end
        if self.appositive:
            end = self.appositive[0]
        return [_clean(t.raw) for t in self.toks[self.start : end]]

    def subject_span(self) -> Span | None:
        """The subject when it is exactly one name ("Ada Lovelace", "the Hubble Space Telescope")."""
        if self.subject_words is not None:
            return None
        end = self.appositive[0] if self.appositive else self.subject_end
        for s in self.spans:
            if s.kind in ("name", "ident") and s.end == end:
                first = self.start + (1 if self.toks[self.start].low == "the" else 0)
                if s.start == first:
                    return s
        return None


def _clean(word: str) -> str:
    return re.sub(r"^[\"'“‘(\[*_`]+|[\"'”’)\]*_`,;:]+$", "", word)


def is_participle(t: Token) -> bool:
    w = t.low
    return t.kind == "word" and (w in IRREGULAR_PARTICIPLES or (w.endswith("ed") and len(w) > 4))


def _certain_verb(t: Token, plural: bool) -> bool:
    w = t.low
    if w in OBJECT_VERBS or w in IRREGULAR_PAST:
        return True
    if plural and w in VERB_BASES:
        return True
    return w.endswith("ed") and w in VERB_OF_FORM


def _maybe_verb(t: Token) -> bool:
    w = t.low
    if t.kind != "word" or not t.bare.isalpha() or not t.bare[:1].islower():
        return False
    return (w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) and len(w) > 3) or (
        w.endswith("ed") and len(w) > 4)


def _base_verb_after(toks: list[Token], j: int) -> int | None:
    """"successful cases highlight the ...", "probes measure water": the verb after a plural."""
    if toks[j].closes:
        return None
    k = j + 1
    while k < len(toks) and toks[k].low in ADVERBS:
        k += 1
    if k >= len(toks):
        return None
    t = toks[k]
    if t.kind != "word" or not t.bare.isalpha() or not t.bare.islower() or t.low in FUNCTION_WORDS:
        return None
    if t.low in VERB_BASES:
        return k
    if t.low.endswith(("s", "ed", "ing", "ly")):
        return None
    return k


def _later_verb(toks: list[Token], j: int, limit: int, plural: bool = False) -> bool:
    """An auxiliary or modal later in the same clause: the verb is there, not at j ("Units
    shipped since 2023 come with ...": with a plural subject, a later base verb too)."""
    for k in range(j + 1, limit):
        if toks[k - 1].closes or toks[k].low in SUBORDINATORS - {"than"}:
            return False
        if toks[k].low in AUX or toks[k].low in MODALS:
            return True
        if plural and toks[k].low in VERB_BASES and toks[k - 1].low not in NOT_BEFORE_VERB \
                and toks[k - 1].low not in MODALS and toks[k].kind == "word":
            return True
        if toks[k].low in OBJECT_VERBS and toks[k - 1].low not in NOT_BEFORE_VERB and \
                toks[k - 1].kind not in ("number", "year"):
            return True
    return False


def _intro_end(toks: list[Token]) -> int | None:
    """End of an introductory phrase ("In 2012,", "However,"), 0 when none, None when the
    sentence starts with a subordinate clause we do not follow."""
    first = toks[0].low
    if first not in INTRO_STARTERS and not toks[0].closes:
        return 0
    for k in range(min(len(toks) - 2, 8)):
        if toks[k].end_punct.startswith(","):
            return k + 1
        if toks[k].closes:
            return None
    return None


def _appositive(toks: list[Token], start: int, limit: int) -> tuple[int, int] | None:
    """"X, a notable figure in this field, VERB": the appositive after a comma."""
    if start >= len(toks) or toks[start].low not in DETERMINERS | POSSESSIVES:
        return None
    for k in range(start, min(len(toks) - 1, start + 10, limit)):
        if toks[k].low in SUBORDINATORS or toks[k].low in AUX:
            return None
        if toks[k].end_punct.startswith(","):
            return start, k + 1
        if toks[k].closes:
            return None
    return None


def analyse(toks: list[Token], lex: Lexicon) -> Clause | None:
    """Intro, subject, verb group and spans of a declarative sentence; None when unclear."""
    n = len(toks)
    if n < 3:
        return None
    start = _intro_end(toks)
    if start is None or start >= n - 2:
        return None
    first = toks[start]
    if first.low in PRONOUNS or first.low in NEGATIONS or first.low in AUX or (
            first.low in SUBORDINATORS | MODALS) or first.closes:
        return None
    if first.low in VERB_BASES and first.bare[:1].isupper() and start + 1 < n and \
            toks[start + 1].low not in ("of", "for", "in", "on", "to") and first.kind == "word":
        return None  # an imperative: "Start building ...", "Use the ..."
    if first.low in QUANTIFIERS | {"one", "another"} and start + 1 < n and (
            _maybe_verb(toks[start + 1]) or toks[start + 1].low in AUX):
        return None  # "Each offers ...": a pronoun
    found = spans(toks, lex)
    limit = min(n - 1, start + 14)
    appositive = None
    j = start + 1
    after_appositive = -1
    while j < limit:
        prev, t = toks[j - 1], toks[j]
        if prev.closes and j != after_appositive:
            app = _appositive(toks, j, limit) if prev.end_punct.startswith(",") else None
            if app is None or appositive is not None or j - start > 5:
                return None  # an introductory or subordinate phrase we do not follow
            appositive = app
            j = after_appositive = app[1]
            continue
        if t.low in SUBORDINATORS - {"that"}:
            return None
        if t.low in ("and", "or", "&"):
            if j + 1 < n and (toks[j + 1].low in PRONOUNS or toks[j + 1].low in AUX):
                return None
            j += 1
            continue
        if any(s.start < j < s.end for s in found):
            j += 1
            continue
        subject = toks[start:j]
        head = next((x for x in subject if x.low not in FUNCTION_WORDS), subject[0])
        plural_head = head.kind == "word" and head.low.endswith("s") and not head.low.endswith(
            ("ss", "us", "is", "'s", "’s")) and head.bare[:1].islower() == (head is not toks[start])
        plural = plural_head or any(x.low in ("and", "or") for x in subject) or (
            prev.low.endswith("s") and not prev.low.endswith(("ss", "us", "is", "'s", "’s"))
            and prev.kind == "word" and prev.bare.islower())
        verb = None
        if t.low in AUX or t.low in MODALS:
            verb = j
        elif prev.low in NOT_BEFORE_VERB or (prev.kind in ("number", "year") and not any(
                s.end == j and s.kind in ("name", "ident") for s in found)):
            pass  # "the differences", "of cases", "540 kilometres": a noun, not a verb
        elif t.low.endswith("ed") and _later_verb(toks, j, limit, plural):
            pass  # "Units shipped since 2023 come ...": a participle describing the subject
        elif _certain_verb(t, plural) and t.kind == "word" and t.bare.islower():
            base = _base_verb_after(toks, j) if t.low.endswith("s") else None
            if base is not None and (toks[base].low in VERB_BASES or (
                    base + 1 < n and toks[base + 1].low in PRONOUNS | DETERMINERS)):
                verb = base  # "frequent radio uploads shorten this": "uploads" is a noun
            elif not (t.low.endswith("s") and _later_verb(toks, j, limit)):
                verb = j  # "The need for continuous updates ... can lead": not "updates"
        elif _maybe_verb(t):
            simple = (subject[0].low in DETERMINERS | POSSESSIVES and len(subject) <= 3) or any(
                s.end == j and s.kind in ("name", "ident") for s in found) or (
                len(subject) <= 2 and all(x.bare[:1].isupper() and x.low not in FUNCTION_WORDS
                                          for x in subject))
            base = _base_verb_after(toks, j) if t.low.endswith("s") else None
            if base is not None and (base > j + 1 or toks[base].low in VERB_BASES):
                verb = base  # "RAG systems often outperform ...", "cases highlight the ..."
            elif simple and not _later_verb(toks, j, limit):
                verb = j
        if verb is None:
            j += 1
            continue
        return _verb_group(toks, start, verb, found, lex, appositive, plural or verb > j)
    return None


def _verb_group(toks: list[Token], start: int, verb: int, found: list[Span], lex: Lexicon,
                appositive: tuple[int, int] | None, plural: bool) -> Clause | None:
    n = len(toks)
    subject_end = appositive[0] - 0 if appositive else verb
    if appositive:
        subject_end = appositive[0]
        # the subject ends before the comma that opens the appositive
    if all(x.low in FUNCTION_WORDS for x in toks[start:subject_end]):
        return None
    k = verb
    while k < n and (toks[k].low in AUX or toks[k].low in MODALS or toks[k].low in ADVERBS):
        if toks[k].low in NEGATIONS or toks[k].closes:
            break
        k += 1
    if any(x.low in NEGATIONS or x.low.endswith("n't") for x in toks[verb : min(k + 1, n)]):
        return None  # negative statements make wrong answers when turned into questions
    main = verb
    if k > verb and k < n:
        t = toks[k]
        if is_participle(t) or t.low in OBJECT_VERBS or (
                toks[k - 1].low in MODALS | {"do", "does", "did", "to"} and t.kind == "word"
                and t.bare.isalpha() and t.bare.islower() and t.low not in FUNCTION_WORDS):
            main = k
        elif toks[verb].low in AUX:
            main = max(i for i in range(verb, k) if toks[i].low in AUX)
    copula = toks[main].low in BE or toks[main].low in ("be", "been")
    passive = is_participle(toks[main]) and any(
        x.low in BE | {"be", "been", "being"} for x in toks[verb:main])
    if copula and main + 1 < n and is_participle(toks[main + 1]) and not toks[main].closes:
        main, passive, copula = main + 1, True, False
    if appositive:
        subject_end = appositive[0]
    c = Clause(toks, start, verb if not appositive else appositive[0], verb, main, found, lex,
               copula=copula, passive=passive, plural=plural, appositive=appositive)
    return c


def clause_end(toks: list[Token], start: int) -> int:
    """Where the clause that goes on at `start` ends: punctuation or a subordinate clause."""
    for k in range(start, len(toks)):
        t = toks[k]
        if k > start and (t.low in SUBORDINATORS - {"than"} or t.low in ("due", "such", "including",
                                                                          "especially", "unlike")):
            return k
        if k > start and t.low in ("before", "after", "until", "since", "once") and k + 1 < len(toks) \
                and toks[k + 1].low in PRONOUNS | DETERMINERS:
            return k  # "... before it leaves Ostvane": a subordinate clause
        if k > start and t.low in ("and", "or", "but") and k + 1 < len(toks) and (
                toks[k + 1].low in PRONOUNS or toks[k + 1].low in AUX or toks[k + 1].low in MODALS
                or _certain_verb(toks[k + 1], False) or _maybe_verb(toks[k + 1])):
            return k  # "... and runs the office", "... and specialises in ..."
        if t.closes:
            if t.end_punct.startswith(",") and _list_goes_on(toks, k + 1):
                continue  # "pH, temperature and conductivity": one list
            return k + 1
    return len(toks)


def _list_goes_on(toks: list[Token], k: int) -> bool:
    """After a comma: more items of a list ("temperature and conductivity"), ending in
    "and"/"or" within a few words and before any other punctuation or clause."""
    for m in range(k, min(len(toks), k + 8)):
        t = toks[m]
        if t.low in ("and", "or") and m > k:
            return m + 1 < len(toks) and toks[m + 1].low not in PRONOUNS | AUX | SUBORDINATORS
        if t.low in SUBORDINATORS | AUX or t.low in PRONOUNS or (t.closes and not t.end_punct.startswith(",")):
            return False
        if _certain_verb(t, False) and m > k:
            return False
    return False
