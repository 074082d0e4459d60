"""Evaluation items from the synthesis core's candidates: single-hop and reverse lookups kept
only when the corpus gives them one answer, multi-hop chains, comparisons and unanswerable
questions. No index and no model here (`ragtune.drafting.draft` adds the retrieval checks).

    units = Units(chunks)                              # every sentence, row and field, indexed
    units.ambiguous(candidate)                         # another unit may answer it differently
    chains(candidates, rng)                            # "When was the author of X born?"
    comparisons(candidates, rng)                       # "Which was founded first, A or B?"
    fake_entity_questions(candidates, corpus_text, rng)   # a name the corpus does not hold
    missing_field_questions(candidates, units, rng)    # a field a record does not have

An item (`Draft`) keeps the candidates it was made from (`parts`): its evidence documents,
its source sentences, and the (query, document) pairs the retrieval check must find.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Sequence

from ragtune.corpus.clauses import FUNCTION_WORDS
from ragtune.corpus.english import (
    AUX,
    DETERMINERS,
    IRREGULAR_PAST,
    MODALS,
    MONTHS,
    OBJECT_VERBS,
    VERB_OF_FORM,
    bare,
    is_code,
    is_version,
    past,
    split_units,
    third_person,
)
from ragtune.corpus.questions import (
    WH_WORDS,
    Candidate,
    follows,
    lexicon_for,
    norm,
    overlap_start,
    reads_as_question,
    subject_of,
)
from ragtune.types import Chunk

TYPES = ("single_hop", "reverse", "multi_hop", "comparison", "unanswerable")
ORDERED = ("year", "date", "number", "version")  # answer types a value can be ordered by
# what a comparison of two different things may order: dates and years share one calendar,
# numbers one unit (checked per pair); version numbers of two projects share no scale
COMPARABLE = ("year", "date", "number")
MONTH_ORDER = ["january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"]
# verbs too general to say which relation a question asks about ("What got X?")
LIGHT_VERBS = {"go", "come", "get", "take", "make", "have", "give", "put", "keep", "let", "see"}
_EXTRA_STOP = {"many", "much", "fill", "blank", "one", "ones", "thing", "things", "name", "kind",
               "type", "value"}  # fmt: skip


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def contains(hay: str, needle: str) -> bool:
    h, n = _words(hay), _words(needle)
    return bool(n) and any(h[i : i + len(n)] == n for i in range(len(h) - len(n) + 1))


def stem(word: str) -> str:
    """A crude stem that joins a word's forms: headquarters/headquartered, founder/founded,
    won/win (irregular pasts through the core's verb tables)."""
    w = IRREGULAR_PAST.get(word) or VERB_OF_FORM.get(word) or word
    for suffix in ("ing", "ed", "es", "er", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    return w[:6]


def content_stems(text: str, skip: Iterable[str] = ()) -> set[str]:
    """Stems of a text's content words, without the words of `skip` (the names it mentions)."""
    skipped = {w for s in skip for w in _words(s)}
    return {stem(w) for w in _words(text) if (w not in FUNCTION_WORDS or w in ("first", "last"))
            and w not in WH_WORDS and w not in _EXTRA_STOP and w not in skipped and len(w) > 2
            and not w.isdigit()}


@dataclass
class Draft:
    """One drafted evaluation item before its retrieval check."""

    question: str
    answers: list[str]
    type: str  # single_hop | reverse | multi_hop | comparison | unanswerable
    parts: list[Candidate]  # what it was made from (the unanswerable's template)
    answer_type: str = ""
    options: list[str] | None = None
    kind: str = ""  # how it was made: the form, chain, comparison, fake_entity, missing_field
    probes: list[str] = field(default_factory=list)  # unanswerable: names the index must not hold
    # unanswerable (missing field): (the record's name, the field's stems) no hit may state
    missing: tuple[str, frozenset[str]] | None = None
    rewritten_from: str = ""  # the drafted question, when the generator rephrased it

    @property
    def evidence(self) -> list[str]:
        if self.type == "unanswerable":
            return []
        return list(dict.fromkeys(p.doc_id for p in self.parts))

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(p.source for p in self.parts))

    @property
    def facts(self) -> list[str]:
        return [p.fact for p in self.parts]

    def queries(self) -> list[tuple[str, str]]:
        """(search query, document that must be in its top k): the question finds the first
        part's document; each further part is found by its own question (the next hop)."""
        if self.type == "unanswerable":
            return []
        out = [(self.question, self.parts[0].doc_id)]
        out += [(p.question, p.doc_id) for p in self.parts[1:]]
        return out

    def problems(self) -> list[str]:
        """The checks every drafted item passes (retrieval is checked by the caller)."""
        out = []
        if not reads_as_question(self.question):
            out.append("does not read as a question")
        if self.type == "unanswerable":
            if self.answers:
                out.append("an unanswerable item with answers")
            return out
        if not self.answers or not norm(self.answers[0]):
            out.append("empty answer")
            return out
        last = self.parts[-1]
        if self.type == "comparison":
            if not self.options or self.answers[0] not in self.options:
                out.append("answer not among the options")
            if not all(contains(self.question, o) for o in self.options or []):
                out.append("an option missing from the question")
        else:
            if not contains(last.source, self.answers[0]):
                out.append("answer not in its evidence")
            if contains(self.question, self.answers[0]):
                out.append("answer in the question")
        return out


# ------------------------------------------------------------------ the corpus as units


@dataclass
class _Unit:
    doc_id: str
    text: str
    words: list[str]
    stems: set[str]


class Units:
    """Every sentence, table row and field of a corpus, indexed by word (ambiguity checks)."""

    def __init__(self, chunks: Sequence[Chunk]):
        self.units: list[_Unit] = []
        self.by_word: dict[str, list[int]] = {}
        seen: set[tuple[str, str]] = set()
        for chunk in chunks:
            for u in split_units(chunk.text):
                if u.kind == "heading":
                    continue
                text = u.text
                key = (chunk.doc_id, text)
                if key in seen:
                    continue  # chunk overlaps repeat a sentence
                seen.add(key)
                context = " ".join(u.header)  # a table row is read with its header
                words = _words(text)
                i = len(self.units)
                self.units.append(_Unit(chunk.doc_id, text, words,
                                        content_stems(f"{context} {text}") | content_stems(chunk.title or "")))
                for w in set(words):
                    self.by_word.setdefault(w, []).append(i)
        self._doc_names(chunks)
        self._cuts(chunks)

    def _cuts(self, chunks: Sequence[Chunk]) -> None:
        """The sentences a chunk boundary cuts: the chunker splits a long paragraph between
        chunks (at a sentence, or mid-word by tokens) and repeats the last words of one chunk at
        the start of the next. A chunk whose successor goes on with the same paragraph (its new
        text joins the repeated words with a space, not a paragraph break) ends in a cut unit;
        a chunk whose repeated start begins mid-sentence starts with one."""
        self.cut: set[tuple[str, str]] = set()  # (chunk id, normalised unit text)
        for a, b in zip(chunks, chunks[1:]):
            if not follows(a, b):
                continue
            p = overlap_start(a.text, b.text)
            tail = a.text[p:]
            units_a = [u.text for u in split_units(a.text) if u.kind != "heading"]
            units_b = [u.text for u in split_units(b.text) if u.kind != "heading"]
            if tail:  # the new text joins the repeated words with a space: the paragraph goes on
                goes_on = b.text[len(tail): len(tail) + 1] == " "
                before = a.text[:p].rstrip(" \t")
                starts_cut = bool(before) and not before.endswith("\n") and not re.search(
                    r"[.!?:][\"')\]]*$", before)
            else:  # no repeated words: a chunk that opens in lower case opens mid-sentence
                goes_on = starts_cut = bool(re.match(r"[a-z,;)\]]", b.text))
            if goes_on and units_a and not re.search(r"[.!?][\"')\]]*$", units_a[-1]):
                self.cut.add((a.id, norm(units_a[-1])))
            if starts_cut and units_b:
                self.cut.add((b.id, norm(units_b[0])))

    def _doc_names(self, chunks: Sequence[Chunk]) -> None:
        """What each document is called (its file name and title: each squashed into one word,
        and their words) and the corpus's names (the lexicon the questions were made with)."""
        self.lex = lexicon_for(chunks)
        self.doc_names: dict[str, set[str]] = {}  # document -> its names and their words
        self.whole_names: set[str] = set()  # every document's names, squashed ("quickparse2")
        for chunk in chunks:
            names = self.doc_names.setdefault(chunk.doc_id, set())
            stem = re.split(r"[/\\]", chunk.doc_id.split("::")[0])[-1]
            stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", stem)
            for text in (stem, chunk.title or "", subject_of(chunk)):
                squashed = "".join(_words(text))
                if squashed and not squashed.isdigit():
                    names.add(squashed)
                    self.whole_names.add(squashed)
                names.update(w for w in _words(text) if len(w) >= 3 and w not in FUNCTION_WORDS)
        self.documents = max(1, len(self.doc_names))

    def name_phrases(self, question: str) -> list[str]:
        """The names a question holds: runs of name words, not counting its wh-word. A name
        word is capitalised inside the question (or all capitals, or a word the corpus only
        writes capitalised), a code name or identifier ("libfoo2", "pkg.Name"), or the name
        of a document; a lower-case word is never one on its own evidence."""
        out: list[str] = []
        run: list[str] = []
        toks = question.rstrip("?").split()
        for i, tok in enumerate(toks):
            w = re.sub(r"(?:'|’)s$", "", bare(tok))
            low = w.lower()
            name = bool(w) and w[0].isalpha() and low not in WH_WORDS and low not in FUNCTION_WORDS and (
                is_code(tok) or bool(re.search(r"[a-z]\d|\d[a-z]|[a-z][A-Z]|[\w][._][\w]", w))
                or (w[:1].isupper() and (i > 0 or w in self.lex.names or (len(w) > 1 and w.isupper())))
                or low in self.whole_names)
            if name:
                run.append(w)
                if tok.endswith((",", ";", ":")):
                    out.append(" ".join(run))
                    run = []
            elif run:
                out.append(" ".join(run))
                run = []
        if run:
            out.append(" ".join(run))
        return out

    def names_subject(self, c: Candidate) -> bool:
        """The question names what it is about, so that it is answerable as asked across the
        corpus: a name few documents use (at most a tenth of them, or two), or the name of a
        document (its file name or title; for its own document, a word of them) that at most
        half the documents use. A question that names only common words, or a name most
        documents share (the language of a corpus of one language's packages), asks about something
        its document leaves implicit ("What is the newest stable build?": of what?). A reverse question
        may be anchored by a value instead (a number of three or more digits, a version, a
        date) that few documents hold."""
        limit = max(2, round(0.1 * self.documents))
        own = self.doc_names.get(c.doc_id, set())
        for phrase in self.name_phrases(c.question):
            docs = len({u.doc_id for u in self.with_all([phrase])})
            squashed = "".join(_words(phrase))
            if 0 < docs <= limit or (0 < docs <= self.documents // 2
                                     and (squashed in self.whole_names or squashed in own)):
                return True
        if c.direction == "reverse":
            for tok in c.question.rstrip("?").split():
                w = bare(tok)
                if len(re.sub(r"\D", "", w)) >= 3 and not contains(c.answer, w):
                    docs = len({u.doc_id for u in self.with_all([w])})
                    if 0 < docs <= limit:
                        return True
        return False

    def with_all(self, texts: Sequence[str]) -> list[_Unit]:
        """Units that contain every one of `texts` (as word sequences)."""
        if not texts:
            return []
        rare = min((w for t in texts for w in _words(t)), key=lambda w: len(self.by_word.get(w, ())),
                   default=None)
        if rare is None:
            return []
        out = []
        for i in self.by_word.get(rare, ()):
            u = self.units[i]
            if all(_has(u.words, _words(t)) for t in texts):
                out.append(u)
        return out

    def ambiguous(self, c: Candidate) -> bool:
        """Another unit names what the question names, has the question's content words, and
        holds a value of the answer's type that is not the answer: the corpus may answer the
        question in two ways (a person who won two prizes, a city that hosted two events, a
        policy in two versions), so the item is not drafted. A reverse question ("What is
        written by X?") is also ambiguous when a unit that names X names another thing of the
        answer's kind with one of the question's words ("Y | maker: X")."""
        named = [e for e in c.entities if e and contains(c.question, e)]
        qstems = content_stems(c.question, named)
        if not named and not qstems:
            return False
        asked = set(_words(c.question))
        answer = _words(c.answer)
        pool = self.with_all(named) if named else self._with_stems(qstems)
        for u in pool:
            if u.text == c.source:
                continue
            if c.type == "name" and named and self._rival(u, c, qstems):
                return True
            if _has(u.words, answer) or not _subset(qstems, u.stems):
                continue
            if _other_value(u, c.type, asked | set(answer)):
                return True
            if self.kind(c.answer) == "identifier" and any(
                    self.kind(n) == "identifier" and not contains(c.question, n)
                    and not contains(n, c.answer) and not contains(c.answer, n) for n in self.names_in(u)):
                return True  # another code name where the answer is one ("numpy" beside "scipy | deps: ...")
        return False

    def _rival(self, u: "_Unit", c: Candidate, qstems: set[str]) -> bool:
        """The unit names another thing of the answer's kind, and (for a forward question
        about a general kind of name) shares a question word."""
        kind = self.kind(c.answer)
        if not kind:
            return False
        for name in self.names_in(u):
            if name == c.answer or contains(c.question, name) or contains(c.answer, name) \
                    or contains(name, c.answer):
                continue
            other = self.kind(name)
            # a reverse question's answer could be any multi-word name beside what it names
            # (a company or a person: "What appointed X?" beside "X joined Y as ...")
            if other != kind and not (c.direction == "reverse" and _multiword(kind) and _multiword(other)):
                continue
            # a reverse question names one thing and asks for another: any other thing of
            # the answer's kind beside it may be meant ("B staged Y" beside "A hosted Y")
            if c.direction == "reverse" or not kind.startswith("shape:") \
                    or (_loose(u.stems, qstems) - LIGHT_VERBS):
                return True
        return False

    def set_names(self, names: Iterable[str]) -> None:
        """The corpus's names (what rivals are looked for) and their kinds."""
        self.names = sorted({n for n in names if n and len(n) >= 3})
        last = [n.split()[-1] for n in self.names if len(n.split()) >= 2]
        counts: dict[str, int] = {}
        for w in last:
            counts[w] = counts.get(w, 0) + 1
        self.suffixes = {w for w, k in counts.items() if k >= 3 and not w.isdigit()}
        self.unit_names: dict[int, list[str]] = {}
        for n in self.names:
            for u in self.with_all([n]):
                self.unit_names.setdefault(id(u), []).append(n)

    def names_in(self, u: "_Unit") -> list[str]:
        return getattr(self, "unit_names", {}).get(id(u), [])

    def kind(self, name: str) -> str:
        """What sort of name: `model` (a word and a number: "Pixel 8"), `suffixed` (its last
        word is one many names end with: "... University", "... Inc"), `identifier` (a
        lower-case code name), `number`, else `shape:N` (N words)."""
        words = name.split()
        if any(ch.isdigit() for ch in words[0]) if words else True:
            return "number"  # a year, a count, a version: not a name
        if len(words) == 1 and re.fullmatch(r"[a-z][\w.-]*", name):
            return "identifier"  # a lower-case code name (a package, a command)
        if not words or not (words[0][:1].isupper() or not words[0][:1].isalpha()):
            return ""
        if len(words) >= 2 and words[-1].isdigit():
            return "model"
        if len(words) >= 2 and words[-1] in getattr(self, "suffixes", set()):
            return "suffixed"  # names of one family: "... University", "... Institute", "... Inc"
        return f"shape:{len(words)}"

    def truncated(self, c: Candidate) -> bool:
        """The source is a sentence cut at a chunk's end: a longer unit of the same document
        starts with it ("released on April" beside "released on April 20, 2008")."""
        words = _words(c.source)
        if not words:
            return False
        if (c.chunk_id, norm(c.source)) in self.cut:
            return True
        n = len(words)  # the source's last word may be a cut word ("index" of "indexes")
        return any(u.doc_id == c.doc_id and len(u.words) >= n and u.words[: n - 1] == words[:-1]
                   and u.words[n - 1].startswith(words[-1]) and u.words != words
                   for u in (self.units[i] for i in self.by_word.get(words[0], ())))

    def conditioned(self, c: Candidate) -> bool:
        """Its document states the value (each item of a listed value) somewhere under a
        condition (a front-matter "requires: [x]" beside "needs x only on Windows"): see
        `conditional`."""
        value = c.answer if c.direction == "forward" else next(iter(c.entities), "")
        for item in (v.strip(" []\"'") for v in value.split(",")):
            if not item:
                continue
            for u in self.with_all([item]):
                if u.doc_id != c.doc_id or u.text == c.source:
                    continue
                if _ONLY.search(u.text) and contains(u.text, item):
                    return True
                at = u.text.lower().find(item.lower())
                after = u.text[at + len(item):] if at >= 0 else ""
                if at >= 0 and _limits(after, c.type):
                    return True
        return False

    def _with_stems(self, stems: set[str]) -> list[_Unit]:
        return [u for u in self.units if _subset(stems, u.stems)]

    def mentions(self, subject: str, stems: set[str]) -> bool:
        """Some unit names `subject` and has all of `stems` (the record holds that field)."""
        return any(_subset(stems, u.stems) for u in self.with_all([subject]))


def _multiword(kind: str) -> bool:
    return kind == "suffixed" or (kind.startswith("shape:") and kind != "shape:1")


def _match(a: str, b: str) -> bool:
    """Two stems of one word: equal, or one starts the other (make / maker)."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _subset(stems: set[str], have: set[str]) -> bool:
    return all(s in have or any(_match(s, h) for h in have) for s in stems)


def states(text: str, stems: Iterable[str]) -> bool:
    """The text has every one of `stems` (a field's words)."""
    return _subset(set(stems), content_stems(text))


def _loose(have: set[str], stems: set[str]) -> set[str]:
    """The stems of `stems` that `have` matches."""
    return {s for s in stems if s in have or any(_match(s, h) for h in have)}


def _has(words: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(words[i : i + n] == needle for i in range(len(words) - n + 1))


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.])")


def _other_value(u: _Unit, kind: str, asked: set[str]) -> bool:
    """The unit holds a value of this answer type that the question does not name."""
    if kind in ("year", "date"):
        if any(y not in asked for y in _YEAR.findall(u.text)):
            return True
        if kind == "date":
            return any(w in MONTHS and w not in asked for w in u.words)
        return False
    if kind == "number":
        return any(_words(n)[0] not in asked for n in _NUMBER.findall(u.text) if _words(n))
    if kind == "version":
        return any(is_version(w.strip(".,;:()")) and _words(w)[0] not in asked
                   for w in u.text.split() if _words(w))
    if kind == "name":
        toks = u.text.split()
        return any(i > 0 and t[:1].isupper() and _words(t) and _words(t)[0] not in asked
                   for i, t in enumerate(toks))
    return any(w not in asked and w not in FUNCTION_WORDS for w in u.words)


# ------------------------------------------------------------------ single-hop and reverse


FORM_RANK = {"fronted": 0, "record": 1, "definition": 2, "acronym": 3, "in_place": 4}
MAX_QUESTION_WORDS = 16  # longer questions made from a sentence are mostly the sentence, garbled
_MARKUP = re.compile(r"`|<https?:|://|={3,}|-{3,}|>>>|\$ |::|\||#|\[|\]|\{|\}|\*|\\")
_PRONOUNS = {"it", "they", "them", "this", "these", "those", "he", "she", "him", "her", "his", "their"}
_LOOSE_ENDS = FUNCTION_WORDS | {"much", "many", "more", "etc", "following"}


_INLINE = re.compile(r"``?([\w.\-/=]+)``?(?:_(?!\w))?|\*\*([^*]+)\*\*|\[([^\[\]]+)\](?!\()")


def _inline_plain(text: str) -> str:
    """A sentence with its inline marks taken off (`name`, ``name``, **words**, [words]): what is
    left of markup is code or a link, not prose."""
    return _INLINE.sub(lambda m: next(g for g in m.groups() if g is not None), text)


def plain_marks(c: Candidate) -> Candidate:
    """The candidate asked and answered without inline marks (`name`, **words**, [words]): a
    reader types the words, not the marks. The source keeps them (it is the document's text).
    A record's value keeps its marks (a marked field value is code, which `eval_grade` drops)."""
    q, a = _inline_plain(c.question), _inline_plain(c.answer)
    if c.form == "record" or (q == c.question and a == c.answer):  # a field's marked value is code
        return c
    return replace(c, question=q, answer=a)


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]", "{}")) and text.count('"') % 2 == 0


def eval_grade(c: Candidate) -> bool:
    """Good enough to evaluate with (stricter than training data, where a clumsy question still
    teaches): a sentence without code or markup, a short question that names something and
    refers to nothing by pronoun, an answer that is a whole phrase (no cut list, no stray
    bracket). Records pass when their key reads as a noun."""
    answer = c.answer.strip()
    words = _words(answer)
    if not words or not _balanced(answer) or re.search(r"[`*\]\[<>|]", answer) and c.type != "version":
        return False
    if words[-1] in _LOOSE_ENDS or words[0] in _PRONOUNS or words[0] == "following":
        return False
    qwords = _words(c.question)
    if any(w in _PRONOUNS for w in qwords):
        return False
    if c.form == "record":
        key = _record_key(c).split("-")
        if re.match(r"^(?:/|~|[a-z]+://)", c.answer if c.direction == "forward" else c.source.split(":")[-1].strip()):
            return False  # a file path or an address: a program's output, not a fact of the text
        return not any(w in AUX or w in FUNCTION_WORDS for w in key)
    if _MARKUP.search(_inline_plain(c.source)) or _MARKUP.search(c.question) or not _balanced(c.source):
        return False
    if len(c.question.split()) > MAX_QUESTION_WORDS or (c.form == "in_place" and ";" in c.question):
        return False
    named = [e for e in c.entities if contains(c.question, e) and not e.isdigit()]
    start = _inline_plain(c.source).lstrip("\"'“(")
    if not (start[:1].isupper() or start[:1].isdigit()
            or any(start.startswith(e) and not start[len(e):len(e) + 1].isalnum() for e in (*c.entities, c.answer))):
        return False  # the tail of a sentence split at a colon or a list marker
    if not named or _garbled(c, named):
        return False
    return len(set(words) & set(qwords) - FUNCTION_WORDS - WH_WORDS) < 2  # no restated question


def _garbled(c: Candidate, named: list[str]) -> bool:
    """Signs that the sentence's clause was misread: an inverted question whose subject is
    neither a name nor a noun phrase ("What does cache Python string to?"), a determiner
    left stranded at the end ("... have a similar?"), a finite verb after the auxiliary
    ("What have the users covers?"), `be` after a wh-word, or an answer cut before a number
    that continues it ("April" of "April 20 2008")."""
    q = c.question.rstrip("?").strip()
    toks = q.split()
    m = re.match(r"^(?:What|Which \w+|Who|Whom|When|Where|How many \w+|How much \w+) "
                 r"(does|do|did|is|are|was|were|has|have|had|can|could|will|would) (\S+)", q)
    if m:
        first = m.group(2)
        if not (first.lower() in DETERMINERS or first[:1].isupper() or first[:1].isdigit()
                or any(e.startswith(first) for e in named)):
            return True
    if len(toks) >= 2 and toks[-2].lower() in DETERMINERS:
        return True
    if m and c.form == "fronted":
        # the subject starts the sentence, or follows an introduction set off by a comma;
        # else the clause was found inside a longer one ("Thanks to X for ... used to ...")
        src = c.source.split()
        first = _words(m.group(2))
        at = next((i for i, w in enumerate(src) if _words(w)[:1] == first[:1]), None)
        if at is not None and at > 0 and not src[at - 1].endswith(",") and not all(
                w.lower() in DETERMINERS for w in src[:at]):
            return True
    if m and m.group(1) in ("does", "do", "did", "has", "have", "had") and toks[-1].lower() in OBJECT_VERBS:
        return True
    if re.match(r"^\w+ be\b", q):
        return True
    src, ans = _words(c.source), _words(c.answer)
    for i in range(len(src) - len(ans)):
        if src[i : i + len(ans)] == ans and src[i + len(ans)].isdigit() and c.type != "number":
            return True
    return False


# ------------------------------------------------------------------ evaluation grade: stand-alone


# words that point outside the sentence: "the following teams", "the table above"
_DEICTIC = {"following", "aforementioned", "preceding", "latter", "former", "hereafter", "herein",
            "thereof", "respectively", "above", "below"}  # fmt: skip
# a comparison needs its standard in the sentence: "a similar layout" (similar to what?)
_STANDARD = {"similar": ("to",), "same": ("as",), "different": ("from", "than", "to"),
             "comparable": ("to", "with"), "identical": ("to", "with")}  # fmt: skip
# openers that make a sentence a consequence or an alternative of the one before it
_CONTEXT_OPENERS = ("otherwise", "instead", "alternatively", "similarly", "likewise", "conversely",
                    "then", "thus", "therefore", "hence", "consequently", "in that case",
                    "in this case", "in such cases", "in such a case", "as such", "as a result",
                    "for that reason", "for this reason", "to do so", "to do this", "by contrast",
                    "in contrast", "in turn", "in addition to this", "unlike this")  # fmt: skip


def depends_on_context(c: Candidate) -> bool:
    """The sentence is not a stand-alone fact: it leads into a list or a block (ends in ":"),
    opens with a word that ties it to the sentence before ("Otherwise, ...", "In this case"),
    or the question keeps a word that points elsewhere ("the following teams", "the table
    above") or a comparison without its standard ("a similar layout")."""
    if c.form == "record":
        return False
    source = c.source.strip()
    asked = set(_words(c.question)) | set(_words(c.answer))
    own = max(re.split(r"(?<=[.!?])\s+(?=\S)", source), key=lambda s: len(asked & set(_words(s))))
    if own.rstrip().endswith(":"):
        return True  # the sentence asked about leads into a list or a block
    src = _words(source)
    if any(src[: len(o.split())] == o.split() for o in _CONTEXT_OPENERS):
        return True
    q = _words(c.question)
    if any(w in _DEICTIC for w in q):
        return True
    for i, w in enumerate(src):
        if w in _STANDARD and w in asked and not any(s in src[i + 1 : i + 7] for s in _STANDARD[w]):
            return True
    return False


_VALUE_TYPES = ("number", "version", "year", "date")
# a bound written after its value ("3.1 and above", "5 or more") or before it ("at least 5")
_BOUND_AFTER = [b.split() for b in (
    "and above", "and up", "and upward", "and upwards", "and later", "and newer", "and higher",
    "and over", "and beyond", "and greater", "and earlier", "and older", "and below", "and lower",
    "and under", "or above", "or later", "or newer", "or higher", "or greater", "or more",
    "or less", "or fewer", "or earlier", "or older", "or below", "or lower", "or under",
    "onwards", "onward", "at least", "at most", "at the latest", "at the earliest", "minimum",
    "maximum", "max", "min")]  # fmt: skip
_BOUND_BEFORE = [b.split() for b in (
    "at least", "at most", "up to", "no more than", "no less than", "no fewer than", "not more than",
    "not less than", "more than", "less than", "fewer than", "greater than", "newer than",
    "older than", "later than", "earlier than", "higher than", "lower than", "minimum of",
    "maximum of", "a minimum", "a maximum", "minimum", "maximum", "as many as", "as much as",
    "as few as", "as little as", "as early as", "as late as", "upwards of", "in excess of",
    "exceeding", "over", "under", "above", "below", "beyond", "min", "max")]  # fmt: skip


def _find(words: list[str], needle: list[str]) -> int:
    n = len(needle)
    return next((i for i in range(len(words) - n + 1) if n and words[i : i + n] == needle), -1)


def reads_bound_as_value(c: Candidate) -> bool:
    """The source gives a bound, the answer reads it as the value: "7.2 and later", "at least
    8 GB", "Lua 5.4+" asked as "the version is 7.2". (A bound kept in the answer is fine.)"""
    answer = c.answer.strip()
    src = _words(c.source)
    ans = _words(answer)
    i = _find(src, ans)
    if i < 0 or any(_words(" ".join(b)) == ans[-len(b):] for b in _BOUND_AFTER):
        return False
    end = i + len(ans)
    if c.type not in _VALUE_TYPES and not ans[-1][:1].isdigit():
        # a name followed by its version: "Lua 5.4 or newer" asked for "Lua"
        if not (end < len(src) and src[end][:1].isdigit()):
            return False
        while end < len(src) and src[end][:1].isdigit():
            end += 1  # the version's numbers ("5 4" of 5.4)
    after, before = src[end : end + 4], src[max(0, i - 4) : i]
    if any(after[: len(b)] == b for b in _BOUND_AFTER) or any(before[-len(b):] == b for b in _BOUND_BEFORE):
        return True
    # symbols: "5.4+", ">= 2.0", "≤ 5", "~= 1.4"
    last = re.escape(answer.split()[-1]) if answer.split() else ""
    first = re.escape(answer.split()[0]) if answer.split() else ""
    return bool(last and not answer.endswith("+") and re.search(rf"{last}(?:\.\d+)*\s*\+", c.source)) \
        or bool(first and re.search(rf"(?:[<>]=?|[≤≥]|~=|\^)\s*{first}", c.source))


# a condition on what a sentence states: an environment marker (PEP 508: `; python_version <
# "3.11"`, `[platform_system == "Windows"]`), or a clause that limits the value to a case
_MARKER = re.compile(r"\b(?:python_version|python_full_version|platform_system|sys_platform|os_name|"
                     r"platform_machine|platform_release|platform_version|platform_python_implementation|"
                     r"implementation_name|implementation_version|extra)\s*(?:[<>=!~]=?|===?|\bin\b|\bnot in\b)")
_ONLY = re.compile(r"\bonly\s+(?:when|whenever|if|on|under|with|for|in|while|after|before|as|where|"
                   r"once|until|unless)\b|\b(?:when|if|where)\s+(?:\w+\s+){0,3}only\b", re.I)
_LIMITING = re.compile(r"^[\s,;:(\[]*(?:(?:but|and)\s+)?(?:only\b|when\b|whenever\b|if\b|unless\b|"
                       r"provided\b|as long as\b|except\b|in case\b)", re.I)
_CONDITIONAL_OPENERS = ("if", "unless", "only", "provided", "whenever", "except")


def conditional(c: Candidate) -> bool:
    """The source states its value under a condition the question leaves out: an environment
    marker anywhere, "only when/if/on ...", a sentence that opens with "If ..."/"Unless ...",
    or a value followed by "when ..."/"if ..." ("depends on X when run on Y" asked as
    "What does it depend on?"). Dates and years keep a "when" after them (a time, not a case)."""
    src = c.source
    if _MARKER.search(src) or _ONLY.search(src) or _MARKER.search(c.answer):
        return True
    first = _words(src)[:1]
    if first and first[0] in _CONDITIONAL_OPENERS:
        return True
    value = c.answer if c.direction == "forward" else next(iter(c.entities), "")
    at = src.lower().find(value.lower()) if value else -1
    if at < 0:
        return False
    return _limits(src[at + len(value):], c.type)


def _limits(after: str, kind: str) -> bool:
    """The text right after a value limits it to a case (see `conditional`)."""
    if _MARKER.match(after.lstrip(" ,;([\"'")):
        return True
    m = _LIMITING.match(after)
    return bool(m) and not (kind in ("date", "year") and m.group(0).strip(" ,;:([").lower() == "when")


_PARTITIVES = {"all", "most", "much", "many", "some", "none", "each", "any", "part", "half", "one",
               "few", "several", "both", "either", "neither", "majority", "rest", "remainder",
               "lots", "plenty"}  # fmt: skip
_POSSESSIVE = {"its", "their", "his", "her", "our", "your", "my"}
_BREAKS = re.compile(r"[,;:]$|^[-–—]+$|[–—]$")


def splits_a_phrase(c: Candidate) -> bool:
    """The question does not keep whole constituents around its answer:
    - the answer is the inside of a partitive ("wrote half of [the X]" -> "What did ... write half
      of?");
    - the answer is the last noun of a phrase whose modifiers the question keeps ("the old binary
      [format]" -> "... the old binary what?"), unless they became the
      wh-phrase ("which package");
    - the question runs on past a comma, colon or dash after the answer, into the next phrase
      ("... for X in Y, see Z" -> "What does ... for in Y see Z?")."""
    if c.form == "record" or c.direction == "reverse":
        return False
    toks = [t for t in c.source.split() if _words(t)]
    words = [_words(t) for t in toks]
    flat = [w for ws in words for w in ws]
    owner = [k for k, ws in enumerate(words) for _ in ws]  # flat word -> its token
    ans = _words(c.answer)
    i = _find(flat, ans)
    if i < 0:
        return False
    q = _words(c.question)
    if q and q[-1] in DETERMINERS | _POSSESSIVE:
        return True  # "... used to raise a?": the phrase after the article was taken away
    end = i + len(ans)
    if end < len(flat) and flat[end] in DETERMINERS | _POSSESSIVE | {"this", "that", "these", "those"} \
            and not _BREAKS.search(toks[owner[end - 1]]) and not toks[owner[end - 1]].endswith((".", "!", "?")):
        return True  # the answer stops before its own object ("to build [the docs]")
    before = flat[max(0, i - 3) : i]
    if before[-2:-1] and before[-1] == "of" and before[-2] in _PARTITIVES or \
            len(before) >= 3 and before[-2:] == ["of", "the"] and before[-3] in _PARTITIVES:
        part = before[-2] if before[-1] == "of" else before[-3]
        if _has(q, [part, "of"]):
            return True
    j = i - 1
    mods: list[str] = []
    while j >= 0 and len(mods) < 4 and flat[j] not in DETERMINERS and flat[j] not in _POSSESSIVE:
        mods.insert(0, flat[j])
        j -= 1
    multiword_name = len(ans) > 1 and c.answer[:1].isupper()
    if j >= 0 and 1 <= len(mods) <= 3 and not multiword_name and not any(_BREAKS.search(toks[owner[k]]) for k in range(j, i)) \
            and all(w.isalpha() and w not in FUNCTION_WORDS and toks[owner[j + 1 + n]][:1].islower()
                    for n, w in enumerate(mods)):
        at = _find(q, mods)
        if at >= 0 and (at == 0 or q[at - 1] not in ("which", "what")):
            return True
    last_tok = owner[i + len(ans) - 1] if i + len(ans) - 1 < len(owner) else len(toks) - 1
    for k in range(last_tok, len(toks)):
        if _BREAKS.search(toks[k]) or (k > last_tok and re.fullmatch(r"[-–—]+", toks[k])):
            tail = [w for t in toks[k + 1 : k + 3] for w in _words(t)][:2]
            kept_before = any(w in q for w in flat[:i] if w not in FUNCTION_WORDS)
            if tail and kept_before and _has(q, tail) and not _has(flat[:i], tail):
                return True
            break
    return False


_ING_WORDS = {"during", "thing", "things", "string", "strings", "nothing", "something", "anything",
              "everything", "morning", "evening", "ceiling", "king", "ring", "spring", "bring",
              "sing", "swing", "wing", "sibling", "siblings", "building", "buildings", "meeting",
              "meetings", "setting", "settings", "according", "including", "following"}  # fmt: skip


def reduced_clause(c: Candidate) -> bool:
    """The sentence's verb may be a participle, not its verb: a gerund phrase before a regular
    "-ed" form ("Loading of tiles cached ...", "X for testing the port released ...") reads as a
    heading or a reduced relative clause, and a question that takes the "-ed" word as the verb is
    garbled."""
    if c.form == "record":
        return False
    raw = c.source.split()
    for k, tok in enumerate(raw):
        w = re.sub(r"[^A-Za-z]", "", tok)
        if not w:
            continue
        low = w.lower()
        if low in AUX or low in MODALS:
            return False  # a finite auxiliary comes first: the clause has its verb
        if k > 0 and w.islower() and low.endswith("ed") and len(low) >= 4 and low not in IRREGULAR_PAST:
            gerunds = [re.sub(r"[^a-z]", "", t.lower()) for n, t in enumerate(raw[:k])
                       if n == 0 or re.sub(r"[^A-Za-z]", "", t).islower()]
            return any(g.endswith("ing") and len(g) >= 5 and g not in _ING_WORDS for g in gerunds)
    return False


def stands_alone(c: Candidate) -> str:
    """Why a lookup is not a stand-alone fact, asked whole ("" = it is): see the rules above."""
    for why, rule in (("depends on context", depends_on_context), ("bound read as a value", reads_bound_as_value),
                      ("stated under a condition", conditional),
                      ("splits a phrase", splits_a_phrase), ("reduced clause", reduced_clause)):
        if rule(c):
            return why
    return ""


def lookups(candidates: Sequence[Candidate], units: Units) -> tuple[list[Draft], list[Draft], dict[str, int]]:
    """Single-hop (forward) and reverse items: one question per fact, the most natural form
    (fronted > record > definition > in place; cloze never), and none the corpus could answer
    in two ways."""
    best: dict[tuple[str, str], Candidate] = {}
    dropped_grade = 0
    not_alone: dict[str, int] = {}  # eval grade, stand-alone rules: why each was dropped
    for c in candidates:
        if c.form not in FORM_RANK:
            continue
        c = plain_marks(c)
        if not eval_grade(c) or units.truncated(c):
            dropped_grade += 1
            continue
        why = stands_alone(c) or ("stated under a condition" if units.conditioned(c) else "") \
            or ("" if units.names_subject(c) else "names no subject")
        if why:
            not_alone[why] = not_alone.get(why, 0) + 1
            continue
        key = (c.fact, c.direction)
        if key not in best or FORM_RANK[c.form] < FORM_RANK[best[key].form]:
            best[key] = c
    units.set_names([c.answer for c in candidates if c.type in ("name", "identifier")]
                    + [e for c in candidates for e in c.entities])
    # a phrase said of many things ("X holds a meeting each spring") says little about each
    said_of: dict[tuple[str, str], set[str]] = {}
    for c in best.values():
        for e in c.entities:
            if c.type == "phrase" and c.question.count(e) == 1:
                said_of.setdefault((c.question.replace(e, "{}"), norm(c.answer)), set()).add(e)
    boilerplate = {k for k, v in said_of.items() if len(v) >= 3}
    forward, reverse = [], []
    dropped = 0
    for c in best.values():
        if c.type == "phrase" and any((c.question.replace(e, "{}"), norm(c.answer)) in boilerplate
                                      for e in c.entities if c.question.count(e) == 1):
            dropped_grade += 1
            continue
        named = [e for e in c.entities if contains(c.question, e)]
        if not (content_stems(c.question, named) - LIGHT_VERBS) or units.ambiguous(c):
            dropped += 1
            continue
        d = Draft(c.question, answer_aliases(c.answer, c.type), "reverse" if c.direction == "reverse"
                  else "single_hop", [c], c.type, kind=c.form)  # fmt: skip
        (reverse if c.direction == "reverse" else forward).append(d)
    return forward, reverse, {"ambiguous_dropped": dropped, "not_eval_grade": dropped_grade,
                              "not_stand_alone": dict(sorted(not_alone.items()))}


def answer_aliases(answer: str, kind: str) -> list[str]:
    """The answer and its plain spellings: 6,709 and 6709."""
    out = [answer]
    if kind == "number" and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", answer):
        out.append(answer.replace(",", ""))
    return out


# ------------------------------------------------------------------ multi-hop chains


def _description(c: Candidate) -> str | None:
    """A noun phrase for the answer of a question that names it by its relation:
    "What is the author of X?" -> "the author of X"; "Who wrote Y?" -> "the person that
    wrote Y"; "What produces Z?" -> "the one that produces Z"."""
    q = c.question.rstrip("?").strip()
    m = re.fullmatch(r"What (?:is|are) (the [\w' -]+? of .+)", q)
    if m and len(m.group(1).split()) <= 10:
        return m.group(1)
    m = re.fullmatch(r"What (?:is|are) ([\w. -]+?'s? [\w -]+)", q)
    if m and len(m.group(1).split()) <= 8:
        return m.group(1)
    m = re.fullmatch(r"(Who|What) (\w+) (.+)", q)
    if m:
        verb = m.group(2).lower()
        if verb in AUX or verb in MODALS or verb in ("do", "does", "did"):
            return None
        if not (verb in VERB_OF_FORM or verb in IRREGULAR_PAST):
            return None
        who = "the person that" if m.group(1) == "Who" else "the one that"
        return f"{who} {m.group(2)} {m.group(3)}"
    return None


def chains(candidates: Sequence[Draft], rng: random.Random, limit: int) -> list[Draft]:
    """Two documents that share an entity: the first item's answer is what the second item
    asks about; the question names it by the first item's description."""
    by_entity: dict[str, list[Draft]] = {}
    for d in candidates:
        c = d.parts[0]
        if c.direction != "forward" or d.type != "single_hop":
            continue
        for e in c.entities:
            if len(e) >= 3 and c.question.count(e) == 1 and f"{e}'" not in c.question:
                by_entity.setdefault(norm(e), []).append(d)
    firsts = [d for d in candidates if d.parts[0].type == "name" and _description(d.parts[0])]
    rng.shuffle(firsts)
    out: list[Draft] = []
    used: set[str] = set()
    for a in firsts:
        if len(out) >= limit:
            break
        ca = a.parts[0]
        bridge = ca.answer
        desc = _description(ca)
        seconds = [b for b in by_entity.get(norm(bridge), []) if b.parts[0].doc_id != ca.doc_id
                   and b.parts[0].type != "phrase"
                   and not contains(b.parts[0].answer, bridge) and b.parts[0].fact not in used]
        if not seconds or desc is None:
            continue
        b = rng.choice(seconds)
        cb = b.parts[0]
        start = cb.question.find(bridge)
        if start < 0:
            continue
        body = cb.question[:start] + desc + cb.question[start + len(bridge):]
        q = body[:1].upper() + body[1:]
        if contains(q, cb.answer) or contains(q, bridge) or len(q.split()) > 30:
            continue
        used.add(cb.fact)
        out.append(Draft(q, list(b.answers), "multi_hop", [ca, cb], cb.type, kind="chain"))
    return out


# ------------------------------------------------------------------ comparisons


def _value(answer: str, kind: str) -> tuple[Any, str] | None:
    """An orderable value and its unit ("714 dollars" -> (714.0, "dollars"))."""
    a = answer.strip()
    if kind == "year":
        m = _YEAR.fullmatch(a)
        return (int(a), "") if m else None
    if kind == "date":
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", a)
        if m:
            return (tuple(int(x) for x in m.groups()), "")
        m = re.fullmatch(r"(?:(\d{1,2}) )?([A-Z][a-z]+)(?: (\d{1,2}),?)? (\d{4})", a)
        if m and m.group(2).lower() in MONTH_ORDER:
            day = int(m.group(1) or m.group(3) or 0)
            return ((int(m.group(4)), MONTH_ORDER.index(m.group(2).lower()), day), "")
        return None
    if kind == "number":
        m = re.fullmatch(r"([$€£]?)(\d[\d,]*(?:\.\d+)?)\s*(%|[a-zA-Z]+(?: [a-zA-Z]+)?)?", a)
        if not m:
            return None
        return float(m.group(2).replace(",", "")), (m.group(1) + (m.group(3) or "")).lower()
    if kind == "version":
        if not is_version(a):
            return None
        nums = re.findall(r"\d+", a.lstrip("v"))
        return (tuple(int(x) for x in nums[:4]), "") if nums else None
    return None


def _comparison_question(frame: str, kind: str, a: str, b: str) -> tuple[str, bool] | None:
    """(question, True when the larger value wins) for a frame like "When was {} founded?"."""
    f = frame.rstrip("?").strip()
    pair = f"{a} or {b}"
    m = re.fullmatch(r"(?:When|In what year|In which year|On what date|On which date) (was|were) \{\} (.+)", f)
    if m and kind in ("year", "date"):
        return f"Which was {m.group(2)} first, {pair}?", False
    m = re.fullmatch(r"(?:When|In what year|In which year) did \{\} (\w+)(.*)", f)
    if m and kind in ("year", "date") and m.group(1) not in AUX:
        return f"Which {past(m.group(1))}{m.group(2)} first, {pair}?", False
    m = re.fullmatch(r"How many ([\w -]+?) (?:does|do) \{\} (have|has)", f)
    if m and kind == "number":
        return f"Which has more {m.group(1)}, {pair}?", True
    m = re.fullmatch(r"How many ([\w -]+?) (?:does|do) \{\} (\w+)(.*)", f)
    if m and kind == "number" and m.group(2) not in AUX:
        return f"Which {third_person(m.group(2))} more {m.group(1)}{m.group(3)}, {pair}?", True
    m = re.fullmatch(r"What is the ([\w -]+?) of \{\}(?: in (\w+))?", f)
    if m:
        key = m.group(1)
        unit = f" (in {m.group(2)})" if m.group(2) else ""
        if kind == "number":
            return f"Which has a higher {key}{unit}, {pair}?", True
        if kind in ("year", "date"):
            return f"Which has an earlier {key}, {pair}?", False
        if kind == "version":
            return f"Which has a newer {key}, {pair}?", True
    return None


def comparisons(candidates: Sequence[Draft], rng: random.Random, limit: int) -> list[Draft]:
    """Two records that share a typed attribute (a date, a year, a number in one unit; never a
    version, which orders releases of one project, not two projects): the
    question names both; `options` are the two names and the answer is the earlier/larger."""
    frames: dict[tuple[str, str], dict[str, tuple[Draft, Any, str]]] = {}
    for d in candidates:
        c = d.parts[0]
        if d.type != "single_hop" or c.type not in COMPARABLE:
            continue
        subjects = [e for e in c.entities if c.question.count(e) == 1 and not contains(e, c.answer)]
        if len(subjects) != 1 or len(subjects[0]) < 2:
            continue
        value = _value(c.answer, c.type)
        if value is None:
            continue
        frame = c.question.replace(subjects[0], "{}")
        frames.setdefault((frame, c.type), {}).setdefault(subjects[0], (d, value[0], value[1]))
    pairs = []
    for (frame, kind), by_subject in sorted(frames.items()):
        subjects = sorted(by_subject)
        if len(subjects) < 2:
            continue
        for _ in range(min(8, len(subjects))):
            a, b = rng.sample(subjects, 2)
            pairs.append((frame, kind, a, b))
    rng.shuffle(pairs)
    out: list[Draft] = []
    seen: set[frozenset[str]] = set()
    for frame, kind, a, b in pairs:
        if len(out) >= limit:
            break
        (da, va, ua), (db, vb, ub) = frames[(frame, kind)][a], frames[(frame, kind)][b]
        if va == vb or ua != ub or frozenset((a, b, frame)) in seen or da.parts[0].doc_id == db.parts[0].doc_id:
            continue
        made = _comparison_question(frame, kind, a, b)
        if made is None:
            continue
        q, larger_wins = made
        winner = a if (va > vb) == larger_wins else b
        seen.add(frozenset((a, b, frame)))
        out.append(Draft(q, [winner], "comparison", [da.parts[0], db.parts[0]], kind, options=[a, b],
                         kind="comparison"))  # fmt: skip
    return out


# ------------------------------------------------------------------ unanswerable


def _fake_name(real: str, other: str) -> str:
    """A name of the same shape made of two names: the first word of one with the rest of
    the other ("Ada Babbage"), or the halves of two one-word names."""
    if len(real.split()) >= 2 and len(other.split()) >= 2:
        return " ".join([other.split()[0], *real.split()[1:]])
    if len(real.split()) == 1 and len(other.split()) == 1 and len(real) >= 5 and len(other) >= 5:
        fake = real[: len(real) // 2] + other[len(other) // 2 :]
        return fake[:1].upper() + fake[1:] if real[:1].isupper() else fake
    return ""


def fake_entity_questions(candidates: Sequence[Draft], corpus_words: str, rng: random.Random,
                          limit: int) -> list[Draft]:
    """Answerable-shaped questions about a made-up name: an item's question with its named
    entity replaced by a recombination of two names the same question is asked about (two
    people of "Where does X live?"), which the corpus does not contain."""
    frames: dict[str, dict[str, Draft]] = {}
    for d in candidates:
        c = d.parts[0]
        if c.direction != "forward" or c.form not in ("fronted", "record"):
            continue
        named = [e for e in c.entities if c.question.count(e) == 1 and (e[:1].isupper() or
                                                                          re.fullmatch(r"[a-z][\w.-]+", e))]
        if len(named) != 1 or any(ch.isdigit() for ch in named[0].split()[0]):
            continue
        frames.setdefault(c.question.replace(named[0], "{}"), {}).setdefault(named[0], d)
    pairs = []
    for frame, by_name in sorted(frames.items()):
        names = sorted(by_name)
        for _ in range(min(6, len(names) * (len(names) - 1))):
            if len(names) >= 2:
                pairs.append((frame, *rng.sample(names, 2)))
    rng.shuffle(pairs)
    out: list[Draft] = []
    seen: set[str] = set()
    for frame, real, other in pairs:
        if len(out) >= limit:
            break
        fake = _fake_name(real, other)
        key = norm(fake)
        if not key or fake in (real, other) or key in seen or f" {key} " in corpus_words:
            continue
        q = frame.replace("{}", fake)
        if not reads_as_question(q):
            continue
        seen.add(key)
        t = frames[frame][real]
        out.append(Draft(q, [], "unanswerable", [t.parts[0]], "", kind="fake_entity", probes=[fake]))
    return out


def _record_key(c: Candidate) -> str:
    """The field a record question asks about (its fact id ends in the key; ":r" = reverse)."""
    if c.form != "record":
        return ""
    fact = c.fact[:-2] if c.fact.endswith(":r") else c.fact
    return fact.rsplit(":", 1)[-1]


def missing_field_questions(candidates: Sequence[Candidate], templates: Sequence[Draft],
                            units: Units, rng: random.Random, limit: int) -> list[Draft]:
    """A field most records of a kind have, asked of a record that lacks it (and that no
    sentence or row of the corpus states alongside the record's name). `candidates`: every
    candidate of the corpus (which fields each record has); `templates`: checked items (the
    question asked of the other record)."""
    keys_of: dict[str, set[str]] = {}
    for c in candidates:
        key = _record_key(c)
        if key and c.direction == "forward" and len(c.entities) == 1:
            keys_of.setdefault(c.entities[0], set()).add(key)
    template: dict[str, Draft] = {}
    for d in templates:
        c = d.parts[0]
        key = _record_key(c)
        if key and c.direction == "forward" and len(c.entities) == 1 and c.question.count(c.entities[0]) == 1:
            template.setdefault(key, d)
    out: list[Draft] = []
    subjects = sorted(keys_of)
    rng.shuffle(subjects)
    for s in subjects:
        if len(out) >= limit:
            break
        mine = keys_of[s]
        siblings = [o for o in keys_of if o != s and len(keys_of[o] & mine) >= max(2, len(mine) // 2)]
        if len(siblings) < 3:
            continue
        common: dict[str, int] = {}
        for o in siblings:
            for k in keys_of[o] - mine:
                common[k] = common.get(k, 0) + 1
        wanted = sorted(k for k, n in common.items() if n >= 0.5 * len(siblings) and k in template)
        if not wanted:
            continue
        key = rng.choice(wanted)
        tc = template[key].parts[0]
        q = tc.question.replace(tc.entities[0], s)
        stems = content_stems(key.replace("-", " "))
        if not stems or units.mentions(s, stems) or not reads_as_question(q):
            continue
        out.append(Draft(q, [], "unanswerable", [tc], "", kind="missing_field",
                         missing=(s, frozenset(stems))))
    return out
