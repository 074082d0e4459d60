"""Plain English text analysis for question synthesis: no model, no POS tagger, any corpus.

- `split_units(text)`: sentences, list items, `key: value` lines and table rows of a chunk.
- `Lexicon`: what the corpus itself says are names (capitalised mid-sentence and never lower
  case), identifiers (code-style `snake_case`, `CamelCase`, `a.b`, `--flag`, `foo()`, quoted
  in backticks, or lower-case names the corpus uses as names: `pandas` starting a sentence,
  `httpx` before a version, a document titled `httpx`), and which names are people (a
  following "he"/"she").
- `tokenize` / `spans`: a sentence's words and the things a short answer can be: names,
  identifiers, versions, dates, years, numbers with their unit.

Everything here is about English and common document conventions (markdown, front matter,
version numbers), never about one corpus's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ragtune.corpus.markdown import without_code

# ------------------------------------------------------------------ word classes (English)

DETERMINERS = {"the", "a", "an"}
QUANTIFIERS = {"every", "each", "all", "some", "any", "no", "most", "many", "both", "several", "few"}
POSSESSIVES = {"its", "his", "her", "their", "our", "my", "your"}
PRONOUNS = {
    "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
    "here", "which", "who", "what", "one", "them", "us", "him", "me", "such", "something",
    "anything", "everything", "nothing", "someone", "anyone", "everyone", "another", "other",
    "others",
} | POSSESSIVES  # fmt: skip
BE = {"is", "are", "was", "were"}
AUX = BE | {
    "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should",
    "shall", "does", "do", "did", "be", "been", "being",
}  # fmt: skip
MODALS = {"will", "would", "can", "could", "may", "might", "must", "should", "shall"}
PREPOSITIONS = {
    "in", "at", "on", "by", "for", "from", "to", "with", "of", "near", "since", "into", "onto",
    "under", "about", "after", "before", "during", "until", "as", "over", "through", "across",
    "between", "among", "against", "without", "within", "via", "per", "above", "below",
    "behind", "beyond", "around", "toward", "towards", "upon", "like", "than",
}  # fmt: skip
CONJUNCTIONS = {"and", "or", "but", "nor", "so", "yet"}
SUBORDINATORS = {
    "if", "when", "while", "because", "although", "though", "unless", "once", "whereas",
    "whether", "where", "which", "who", "whom", "whose", "that", "so", "then", "instead",
    "except", "than",
}  # fmt: skip
OPENERS = SUBORDINATORS | PREPOSITIONS | {
    "however", "moreover", "also", "then", "thus", "therefore", "still", "yes", "no", "note",
    "today", "now", "finally", "first", "second", "next", "meanwhile", "otherwise",
}  # fmt: skip
ADVERBS = {
    "also", "still", "now", "only", "just", "often", "usually", "always", "currently", "already",
    "mainly", "mostly", "largely", "typically", "generally", "originally", "primarily",
    "really", "simply", "first", "then", "even", "both", "either", "again", "once", "later",
    "recently", "previously", "formerly", "actually", "essentially", "officially",
}  # fmt: skip
NEGATIONS = {"not", "never", "no", "nor", "cannot", "neither", "none", "without"}
APPROX = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "circa", "ca"}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
# Irregular past participles of common verbs ("is written in", "was built by", "born: 1970").
IRREGULAR_PARTICIPLES = {
    "born", "made", "built", "written", "known", "given", "taken", "held", "run", "sold",
    "begun", "grown", "shown", "done", "seen", "found", "kept", "led", "left", "lost", "meant",
    "paid", "put", "read", "said", "sent", "set", "shut", "spent", "stood", "told", "thought",
    "won", "brought", "bought", "caught", "taught", "chosen", "driven", "eaten", "fallen",
    "forgotten", "frozen", "hidden", "ridden", "risen", "spoken", "stolen", "sworn", "thrown",
    "woken", "worn", "broken", "drawn", "flown", "gone", "hung", "laid", "lit", "met", "shot",
    "split", "spread", "struck", "swept", "upheld", "withdrawn", "rebuilt", "rewritten",
    "overseen", "undertaken", "understood", "cut", "hit", "let", "quit", "bound", "ground",
    "wound", "sought", "fought", "dealt", "felt", "heard", "slept", "dug", "stuck",
}  # fmt: skip
# Simple past -> base form of irregular verbs (for do-support: "X wrote Y" -> "What did X write?").
IRREGULAR_PAST = {
    "wrote": "write", "built": "build", "made": "make", "ran": "run", "began": "begin",
    "led": "lead", "took": "take", "gave": "give", "won": "win", "held": "hold", "sold": "sell",
    "bought": "buy", "brought": "bring", "found": "find", "grew": "grow", "knew": "know",
    "left": "leave", "lost": "lose", "met": "meet", "paid": "pay", "said": "say", "sent": "send",
    "spent": "spend", "stood": "stand", "told": "tell", "thought": "think", "became": "become",
    "came": "come", "went": "go", "got": "get", "kept": "keep", "chose": "choose",
    "drew": "draw", "drove": "drive", "flew": "fly", "rose": "rise", "saw": "see",
    "spoke": "speak", "taught": "teach", "threw": "throw", "wore": "wear", "broke": "break",
    "put": "put", "set": "set", "cut": "cut", "let": "let", "shut": "shut", "split": "split",
    "spread": "spread", "struck": "strike", "oversaw": "oversee", "undertook": "undertake",
    "joined": "join", "had": "have", "did": "do", "fell": "fall", "felt": "feel",
    "heard": "hear", "sought": "seek", "dealt": "deal", "shot": "shoot", "hung": "hang",
    "lit": "light", "laid": "lay", "bound": "bind", "wound": "wind", "dug": "dig",
}  # fmt: skip
# Irregular past participles whose base form is not the simple past's (for IRREGULAR_PAST).
PARTICIPLE_BASE = {
    "written": "write", "taken": "take", "given": "give", "begun": "begin", "chosen": "choose",
    "grown": "grow", "drawn": "draw", "fallen": "fall", "flown": "fly", "risen": "rise",
    "shown": "show", "spoken": "speak", "known": "know", "seen": "see", "done": "do",
    "driven": "drive", "broken": "break", "thrown": "throw", "worn": "wear", "gone": "go",
}  # fmt: skip
# ... and their forms done again ("rebuilt" for "rebuild"; not "resent" or "rebound", other words)
IRREGULAR_PAST.update({"re" + w: "re" + IRREGULAR_PAST[w] for w in (
    "built", "wrote", "made", "took", "sold", "laid", "paid", "drew", "grew", "ran", "gave", "told")})
PARTICIPLE_BASE.update({"re" + w: "re" + PARTICIPLE_BASE[w] for w in ("written", "taken", "drawn", "done", "shown")})
# Common English verbs (base form); their 3rd-person and past forms are derived below. Used to
# find the verb of a sentence ("Fenwick probes measure ...") and to phrase record keys
# ("requires: numpy" -> "What does X require?").
VERB_BASES = set("""
accept access achieve add adjust affect allow apply arrive assign attach avoid balance begin
belong benefit block bring build call carry cause change check choose clean collect combine
compare compile complete connect consist contain control convert cost count cover create cut
deal decide define deliver depend deploy describe design detect determine develop differ
disable display download drain drive emphasize emphasise enable encode end enhance ensure enter
estimate evaluate excel exist expand expect explain explore export expose extend extract face
fail fetch fill find finish fit fix focus follow form generate give grow handle harness help
highlight hold host identify ignore implement import improve include increase indicate install
integrate introduce involve keep know last launch lead learn leave let leverage limit link list
live load lose maintain make manage match measure meet merge move need offer open operate own
parse pass perform plug point prefer prepare present prevent print process produce protect
provide publish pull push raise reach read receive record reduce refer refine reflect release
rely remain remove render replace report represent require reside resolve respond return reuse
run save scale scan schedule search select sell send serve set share ship show sign solve sort
specify split start stay stop store stream support switch take target teach tell test track
train transform translate treat trigger turn update upgrade upload use validate vary verify
wrap write accompany aim allocate alert announce appear approve assess assist attend authorise
authorize back bear become book borrow break calibrate cap capture celebrate chair charge claim
collaborate comprise concern conduct configure confirm consider construct consume continue
contribute coordinate copy correct cross cycle decline decrease delete demonstrate deny deploy
derive detail diagnose direct disappear discover distribute divide document double draw earn
edit employ enforce engage equip evolve examine exceed exchange execute expire fall feature
feed feel file fund gain gather govern grant guarantee guide head hire house illustrate impose
inform inherit inspect issue join judge justify label lack lend license lift lock log look
mark mean mention migrate miss mix monitor mount name note notify obtain occur order organise
organize originate outline output oversee pack pair participate pay permit pick place plan
play power predict price promote propose prove purchase qualify query rank rate recommend
reflect register reject relate relay remind rent repair repeat request reserve reset restore
restrict retain retire retrieve reveal review revise rotate route rule sample satisfy secure
seek sense separate settle shape shift shorten shrink skip slow solder spend stand state
submit succeed suggest suit summarise summarize supply survive suspend swap sync tag tend
terminate tie top total trace trade transfer transmit travel trust try tune type underline
unlock unify vote wait want warn wash watch weigh win wire work yield play arise lie
outperform pave hinder tailor orbit sit rest speak talk think believe argue claim ask answer
buy hire open close cost come go draw elect appoint name rank host join
""".split())  # fmt: skip


def third_person(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


OBJECT_VERBS = {third_person(b) for b in VERB_BASES}  # "uses", "requires", ...
VERB_OF_FORM = {third_person(b): b for b in VERB_BASES} | {past(b): b for b in VERB_BASES}
# Units written after a number without being ordinary nouns ("50 m", "4 GB", "15-minute").
UNIT_ABBREVIATIONS = {
    "m", "cm", "mm", "km", "g", "kg", "mg", "t", "s", "ms", "h", "min", "l", "ml", "v", "w",
    "kw", "kwh", "mw", "a", "ma", "mah", "hz", "khz", "mhz", "ghz", "b", "kb", "mb", "gb", "tb",
    "kib", "mib", "gib", "px", "pt", "db", "°c", "°f", "%", "x", "eur", "usd", "gbp", "ft",
    "in", "lb", "lbs", "mph", "kmh", "rpm", "bit", "bits", "k", "m2", "m3",
}  # fmt: skip
# Front-matter keys that describe the document, not its subject.
DOCUMENT_KEYS = {
    "title", "date", "category", "categories", "tags", "kind", "layout", "slug", "draft",
    "lang", "language", "id", "updated", "created", "modified", "last_modified", "weight",
    "permalink", "type", "aliases", "summary_image", "image", "toc", "template", "source",
    "url", "path", "collection", "text", "name", "package", "doc_id",
}  # fmt: skip
NONE_VALUES = {"", "none", "n/a", "na", "-", "—", "null", "nil", "unknown", "tbd", "[]", "{}",
               "false", "no", "yes", "true", "not stated", "not specified", "unspecified",
               "not given", "not known"}  # fmt: skip

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[*_`]?[A-Z0-9])")
_LOWER_START = re.compile(r"(?<=[a-z0-9)][a-z0-9)]{2}[.!?])\s+(?=[a-z][\w.-]*\s+(?:v?\d+\.\d|is\b|are\b|was\b|"
                          r"has\b|provides\b|requires\b|supports\b|can\b|uses\b))")
_ABBREV_END = re.compile(r"\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|no|Dr|Mr|Mrs|Ms|Prof|St|Inc|Ltd|"
                         r"Co|Jr|Sr|Fig|Sec|Vol|al)\.$", re.I)
_MARKUP = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|#+|>)\s+")
_KEY_VALUE = re.compile(r"^\s*(?:[-*+•]\s+)?(?:\*\*|__)?([A-Za-z][\w .'/()-]{0,40}?)(?:\*\*|__)?\s*:"
                        r"(?:\*\*|__)?\s+(\S.*?)\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")

VERSION = re.compile(r"^v?\d+(?:\.\d+){1,3}(?:[-.+]?(?:a|b|rc|alpha|beta|dev|post|pre)\.?\d*)?"
                     r"(?:\+[\w.]+)?$", re.I)
VERSION_SPEC = re.compile(r"^(?:[<>=!~^]=?|===?)\s*v?\d+(?:\.\d+)*(?:\.\*)?(?:[a-z]+\d*)?$", re.I)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?$")
YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
YEAR = re.compile(r"^(1[5-9]\d{2}|20\d{2})s?$")
NUMBER = re.compile(r"^[$€£¥]?[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^[$€£¥]?[+-]?\d+(?:\.\d+)?(?:%|x|k|m|bn)?$",
                    re.I)
CODE = re.compile(
    r"^(?:[A-Za-z_][\w]*_[\w]*"  # snake_case, __init__
    r"|[a-z]+[A-Z][A-Za-z0-9]*"  # camelCase, iPhone
    r"|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*"  # CamelCase, TideOS, PyTorch
    r"|[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+(?:\(\))?"  # os.path, a.b.c(), numpy.ndarray
    r"|[A-Za-z_]\w*\(\)"  # call()
    r"|--?[a-z][\w-]*"  # --flag
    r"|[a-z][a-z0-9]*(?:-[a-z0-9]+)*[0-9][a-z0-9-]*"  # h11, urllib3, fp8, sdi-12
    r")$"
)


def bare(word: str) -> str:
    """A word without surrounding quotes, brackets, markup and trailing punctuation."""
    w = re.sub(r"^[\"'“‘(\[*_`]+", "", word)
    w = re.sub(r"[\"'”’)\]*_`]+$", "", w)
    w = re.sub(r"[.,;:!?]+$", "", w)
    w = re.sub(r"[\"'”’)\]*_`]+$", "", w)
    if w.endswith("()") or (w.count("(") and w.count("(") == w.count(")")):
        return w
    return w.rstrip(")") if w.count(")") > w.count("(") else w


def trailing(word: str) -> str:
    """The punctuation after a word ("Ostvane," -> ",")."""
    core = re.sub(r"[\"'”’)\]*_`.,;:!?]+$", "", word)
    return word[len(core):]


def is_version(word: str) -> bool:
    w = bare(word)
    return bool(VERSION.match(w)) and not bool(ISO_DATE.match(w))


def is_code(word: str) -> bool:
    w = bare(word)
    if word.startswith("`") or (len(w) > 1 and CODE.match(w) and not VERSION.match(w)):
        return not bool(re.fullmatch(r"[\d.,]+|e\.g|i\.e|U\.S", w))
    return False


# ------------------------------------------------------------------ units of text


@dataclass
class Unit:
    """A sentence, a list item, a `key: value` line or a table row of a chunk."""

    text: str
    kind: str  # sentence | field | row
    key: str = ""  # field: the key
    value: str = ""  # field: the value
    cells: tuple[str, ...] = ()  # row: the cells
    header: tuple[str, ...] = ()  # row: the header cells of its table


def _strip_markup(line: str) -> str:
    line = _MARKUP.sub("", line)
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # [text](link)
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)  # **bold**
    line = re.sub(r"(?<!\w)\*(\S.*?\S|\S)\*(?!\w)", r"\1", line)  # *italic*
    return line.strip()


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (abbreviations like "e.g." do not end one; a sentence may
    start with a lower-case name: "... for Python. httpx 0.27.0 requires ...")."""
    parts: list[str] = []
    pieces = []
    for piece in _SENTENCE_END.split(text):
        pieces.extend(p for p in _LOWER_START.split(piece) if p)
    for piece in pieces:
        if parts and _ABBREV_END.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    # a short label before a sentence ("A: The probe is ...", "Note: ...") is not part of it
    return [_LABEL.sub("", p.strip()) for p in parts if p.strip() and _LABEL.sub("", p.strip())]


_LABEL = re.compile(r"^(?:[A-Z][A-Za-z]{0,11}|[A-Z][a-z]+ [a-z]+):\s+(?=[A-Z0-9\"'“])")


def _cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]


_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|~{3,}|\^{3,}|\*{3,}|\+{3,}|`{3,}|#{3,}|\.{3,}|_{3,}|:{3,})$")
_LINKS = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # ![alt](image)
    (re.compile(r"\[([^\]]+)\]\((?:https?:|mailto:|/|\.|#)[^)\s]*\)"), r"\1"),  # [text](link)
    (re.compile(r"`([^`<>]+?)\s*<[^<>`]+>`__?(?!\w)"), r"\1"),  # reST `text <link>`_
    (re.compile(r"`([^`]+)`__?(?!\w)"), r"\1"),  # reST `text`_ (a named link)
    (re.compile(r"(?<![\w`])([A-Za-z][\w.-]*)__?(?=[\s,.;:)]|$)"), r"\1"),  # reST name_
)


def strip_links(text: str) -> str:
    """Links read as their words: [text](address), ![alt](image), reST `text <address>`_,
    `text`_ and name_ (an inline code mark `name` stays)."""
    for pattern, repl in _LINKS:
        text = pattern.sub(repl, text)
    return text


def _field(text: str) -> Unit | None:
    m = _KEY_VALUE.match(text)
    if not m or len(split_sentences(m.group(2))) > 1:
        return None  # "Q: What should I know? A: It is ...": labelled sentences, not a field
    if re.search(r"https?$", m.group(1)) or len(m.group(1).split()) > 4:
        return None
    return Unit(_strip_markup(text), "field", key=_strip_markup(m.group(1)),
                value=_strip_markup(m.group(2)))


def split_units(text: str, in_fence: str = "") -> list[Unit]:
    """A chunk as units: markdown tables become rows, `key: value` lines fields, the rest
    sentences (a list item with its continuation lines is one block; paragraphs are split
    into sentences). Code (fenced and indented blocks, a prompt and its output; `in_fence`:
    the chunk starts inside a fenced block, see `markdown.code_lines`) is no unit at all."""
    out: list[Unit] = []
    lines = without_code(text, in_fence).splitlines()
    header: tuple[str, ...] = ()
    block: list[str] = []
    kind = ""  # of the open block: item | para

    def flush() -> None:
        nonlocal kind
        if block:
            para = strip_links(re.sub(r"\s+", " ", " ".join(block)).strip())
            block.clear()
            unit = _field(para) if kind == "item" else None
            if unit is not None:
                out.append(unit)
            else:
                out.extend(Unit(s, "sentence") for s in split_sentences(para))
        kind = ""

    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            flush()
            header = ()
            continue
        if line.count("|") >= 2 and (line.startswith("|") or line.endswith("|")):
            flush()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if _TABLE_SEP.match(line):
                continue
            if _TABLE_SEP.match(nxt):
                header = tuple(_cells(line))
                continue
            out.append(Unit(line, "row", cells=tuple(_cells(line)), header=header))
            continue
        if _UNDERLINE.match(line):  # a setext/reST heading's rule, or a rule between paragraphs
            if kind == "para" and block:
                title = block.pop()
                flush()
                out.append(Unit(_strip_markup(title), "heading"))
            else:
                flush()  # a rule between paragraphs
            header = ()
            continue
        if re.match(r"^#+\s", line):
            flush()
            out.append(Unit(_strip_markup(line), "heading"))
            continue
        if _MARKUP.match(line):  # a list item starts a block
            flush()
            block.append(_strip_markup(line))
            kind = "item"
            continue
        if kind == "item" and (raw[:1].isspace() or not block[-1].rstrip().endswith((".", ":"))):
            block.append(line)  # the item goes on
            continue
        unit = _field(line)
        if unit is not None:  # "version: 1.2.0" on a line of its own
            flush()
            out.append(unit)
            continue
        if kind == "item":
            flush()
        block.append(_strip_markup(line) if not block else line)
        kind = "para"
    flush()
    return out


def text_units(text: str) -> list[str]:
    """The units of a chunk as text (sentences, list items, fields, rows, headings)."""
    return [u.text for u in split_units(text)]


# ------------------------------------------------------------------ the corpus's names


@dataclass
class Lexicon:
    """Names and identifiers as the corpus uses them (see the module docstring)."""

    names: set[str] = field(default_factory=set)  # capitalised name words
    identifiers: set[str] = field(default_factory=set)  # lower-case / code names
    persons: set[str] = field(default_factory=set)  # full names followed by he/she
    common: set[str] = field(default_factory=set)  # words the corpus writes in lower case

    @classmethod
    def from_texts(cls, texts: Iterable[str], titles: Iterable[str] = ()) -> "Lexicon":
        texts = list(texts)
        upper: set[str] = set()
        lower: set[str] = set()
        starts: dict[str, int] = {}
        idents: set[str] = set()
        sentences_of: list[list[str]] = []
        for text in texts:
            sents = [u.text for u in split_units(text) if u.kind in ("sentence", "heading")]
            sentences_of.append(sents)
            for sentence in sents:
                words = sentence.split()
                for i, raw in enumerate(words):
                    w = bare(raw)
                    if not w or not w[0].isalpha():
                        continue
                    if is_code(raw):
                        idents.add(w)
                    if i + 1 < len(words) and is_version(words[i + 1]) and w[:1].islower() \
                            and re.fullmatch(r"[a-z][\w.-]*", w):
                        idents.add(w)  # "httpx 0.27.0"
                    if w[0].islower():
                        lower.add(w.lower())
                        if i == 0 and len(words) > 2 and re.fullmatch(r"[a-z][\w.-]*", w):
                            starts[w] = starts.get(w, 0) + 1  # "pandas is ..."
                    elif i > 0 and not words[i - 1].endswith((":", ".", "!", "?")) \
                            and not words[i - 1].startswith("#"):
                        upper.add(w)
        names = {w for w in upper if w.lower() not in lower}
        # "Ada Lovelace ...": a capitalised first word right before a name is part of it
        for sents in sentences_of:
            for sentence in sents:
                words = [bare(w) for w in sentence.split()[:2]]
                if len(words) == 2 and words[0][:1].isupper() and words[1] in names:
                    first = words[0].lower()
                    if first not in lower and first not in _STARTERS and words[0].isalpha():
                        names.add(words[0])
        # a lower-case word that starts sentences is a name when the corpus never uses it
        # inside a sentence as an ordinary word ("pandas is a library" but never "the pandas")
        common_mid = set()
        for sents in sentences_of:
            for sentence in sents:
                for raw in sentence.split()[1:]:
                    w = bare(raw)
                    if w[:1].islower():
                        common_mid.add(w)
        for w, n in starts.items():
            if w not in _FUNCTION and (w in idents or w not in common_mid or n >= 2):
                if w not in _FUNCTION and not w.endswith("ly"):
                    idents.add(w)
        for t in titles:
            t = t.strip()
            if t and len(t.split()) == 1 and re.fullmatch(r"[a-z][\w.-]*", t) and t not in _FUNCTION:
                idents.add(t)
        lex = cls(names, {i for i in idents if i.lower() not in _FUNCTION}, set(), lower)
        # people: a name that is the subject of a sentence followed by "He"/"She ..."
        for sents in sentences_of:
            for a, b in zip(sents, sents[1:]):
                if bare(b.split()[0]).lower() in ("he", "she", "his", "her") if b.split() else False:
                    toks = tokenize(a)
                    if toks and toks[0].kind == "name":
                        end = name_end(toks, 0, lex)
                        lex.persons.add(" ".join(t.bare for t in toks[:end]))
        for sents in sentences_of:
            for sentence in sents:
                for m in re.finditer(r"\b(?:Dr|Mr|Mrs|Ms|Prof)\.? ((?:[A-Z][a-z]+ ?){1,3})", sentence):
                    lex.persons.add(m.group(1).strip())
        return lex

    def is_name(self, word: str) -> bool:
        w = bare(word)
        return bool(w) and (w in self.names or w in self.identifiers or is_code(word))


_STARTERS = DETERMINERS | PRONOUNS | AUX | PREPOSITIONS | OPENERS | QUANTIFIERS | {"please", "not"}
_FUNCTION = _STARTERS | CONJUNCTIONS | ADVERBS | NEGATIONS | MODALS | {
    "yes", "no", "ok", "okay", "see", "use", "note", "click", "run", "install", "add", "set",
    "get", "make", "let", "do", "read", "check", "ask", "call", "go", "try", "keep", "pip",
}  # fmt: skip


# ------------------------------------------------------------------ a sentence's words


@dataclass
class Token:
    raw: str  # as written (with punctuation)
    bare: str  # without surrounding punctuation
    kind: str  # word | name | ident | version | number | year | date | spec
    end_punct: str = ""  # trailing punctuation

    @property
    def low(self) -> str:
        return self.bare.lower()

    @property
    def closes(self) -> bool:
        """Punctuation after this word ends a phrase (a comma, colon, ...)."""
        return any(c in self.end_punct for c in ",;:!?") or self.end_punct.endswith(".")


def tokenize(sentence: str, lex: Lexicon | None = None) -> list[Token]:
    lex = lex or Lexicon()
    words = sentence.split()
    if words and words[-1][-1:] in ".!?":
        words[-1] = words[-1][:-1] if len(words[-1]) > 1 else words[-1]
    toks = []
    for i, raw in enumerate(words):
        b = bare(raw)
        if not b:
            continue
        if ISO_DATE.match(b) or YEAR_MONTH.match(b):
            kind = "date"
        elif VERSION_SPEC.match(b):
            kind = "spec"
        elif YEAR.match(b) and not (i + 1 < len(words) and bare(words[i + 1]).isalpha()
                                    and bare(words[i + 1]).islower() and raw == b
                                    and bare(words[i + 1]).lower() not in _FUNCTION):
            kind = "year"  # "in 1998", but "1598 people" is a number
        elif VERSION.match(b) and (b.count(".") >= 2 or b[:1] in "vV"
                                   or (i and (lex.is_name(words[i - 1])
                                              or bare(words[i - 1]).lower() in ("version", "release", "v")))):
            kind = "version"
        elif NUMBER.match(b):
            kind = "number"
        elif raw.startswith("`") or b in lex.identifiers or is_code(raw):
            kind = "ident"
        elif b in lex.names:
            kind = "name"
        else:
            kind = "word"
        toks.append(Token(raw, b, kind, trailing(raw)))
    return toks


def name_end(toks: list[Token], i: int, lex: Lexicon) -> int:
    """End of a name starting at i: name words joined by "of"/"&"/"de", with trailing
    numbers and versions ("Marrow Tide 3", "Bank of England", "Python 3.12")."""
    n = len(toks)
    j = i + 1
    if toks[i].closes:
        return j
    while j < n:
        t = toks[j]
        if t.kind in ("name", "ident") or (t.bare[:1].isupper() and t.kind == "word"
                                            and t.low not in _FUNCTION and not t.bare.isupper()
                                            and t.low not in MONTHS):
            j += 1
        elif t.kind in ("number",) and re.fullmatch(r"\d{1,4}[A-Za-z]*", t.bare) and not (
                j + 1 < n and toks[j + 1].kind == "word" and toks[j + 1].bare[:1].islower()
                and toks[j + 1].low not in _FUNCTION and toks[j + 1].low not in VERB_OF_FORM
                and toks[j + 1].low not in IRREGULAR_PAST):
            j += 1  # "Marrow Tide 3", "Model 27 weighs", but not "Tide 8 input channels"
        elif t.kind == "version" and not toks[j - 1].closes:
            j += 1  # "Python 3.12"
        elif t.bare.isupper() and len(t.bare) <= 5 and t.bare.isalnum() and t.bare[:1].isalpha():
            j += 1  # "Marrow Tide 3S", "Probe F12"
        elif re.fullmatch(r"[A-Z]?\d+[A-Z]+\d*|[A-Z]+\d+[A-Z]*", t.bare):
            j += 1
        elif t.low in ("of", "&", "de", "van", "von", "der", "du", "da", "la", "le", "del") and \
                j + 1 < n and toks[j + 1].kind == "name" and not t.closes:
            j += 1
        else:
            break
        if toks[j - 1].closes:
            break
    return j


@dataclass
class Span:
    """Tokens [start, end) that a question can ask for."""

    start: int
    end: int
    kind: str  # name | ident | version | date | year | number | phrase
    unit: str = ""  # numbers: the noun after it ("people"), asked as "how many hours"
    unit_end: int = 0  # index after the unit


def number_unit(toks: list[Token], i: int) -> tuple[str, int]:
    """The unit after a number: 1-3 lower-case words ("cubic kilometres", "people") or an
    abbreviation ("50 m", "4 GB"); ('', i + 1) when none."""
    n = len(toks)
    if toks[i].closes:
        return "", i + 1
    j = i + 1
    if j < n and toks[j].low in UNIT_ABBREVIATIONS and toks[j].kind == "word" and (
        toks[j].closes or j + 1 >= n or toks[j + 1].low in PREPOSITIONS | CONJUNCTIONS
        or toks[j + 1].bare[:1].islower()
    ):
        if toks[j].low not in ("a", "in", "t", "s", "x") or toks[j].bare in ("s", "x"):
            return toks[j].bare, j + 1
    words = []
    while j < n and len(words) < 3:
        t = toks[j]
        if t.kind != "word" or not t.bare.isalpha() or not t.bare[:1].islower() or \
                t.low in _FUNCTION or t.low in AUX or t.low in NEGATIONS:
            break
        words.append(t.bare)
        j += 1
        if t.closes:
            break
        nxt = toks[j].low if j < n else ""
        if nxt in PREPOSITIONS | CONJUNCTIONS | AUX | SUBORDINATORS or nxt == "":
            break
        if len(words) == 1 and j < n and (toks[j].kind != "word" or not toks[j].bare[:1].islower()):
            break
    if not words:
        return "", i + 1
    # "8 input channels" = unit "input channels"; a verb after a number is not a unit
    if words[-1].endswith(("ed", "ing")) and len(words) == 1:
        return "", i + 1
    return " ".join(words), i + 1 + len(words)


def date_end(toks: list[Token], i: int) -> int:
    """End of a written date at i ("12 March 2024", "March 12, 2024", "March 2024"), or i."""
    n = len(toks)
    b = [t.low for t in toks]
    if b[i].isdigit() and len(b[i]) <= 2 and i + 1 < n and b[i + 1] in MONTHS:
        return i + 3 if i + 2 < n and YEAR.match(b[i + 2]) else i + 2
    if b[i] in MONTHS and toks[i].bare[:1].isupper() and i + 1 < n:
        if b[i + 1].isdigit() and len(b[i + 1]) <= 2:
            return i + 3 if i + 2 < n and YEAR.match(b[i + 2]) else i + 2
        if YEAR.match(b[i + 1]):
            return i + 2
    return i


def spans(toks: list[Token], lex: Lexicon) -> list[Span]:
    """Names, identifiers, versions, dates, years and numbers (with units) of a sentence."""
    out: list[Span] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        end = date_end(toks, i)
        if end > i:
            out.append(Span(i, end, "date"))
            i = end
            continue
        if t.kind == "date":
            out.append(Span(i, i + 1, "date"))
        elif t.kind == "year":
            out.append(Span(i, i + 1, "year"))
        elif t.kind == "version":
            out.append(Span(i, i + 1, "version"))
        elif t.kind == "number":
            unit, unit_end = number_unit(toks, i)
            out.append(Span(i, i + 1, "number", unit, unit_end))
        elif t.kind in ("name", "ident") or (t.kind == "word" and t.bare[:1].isupper() and i > 0
                                             and t.low not in _FUNCTION and t.low not in MONTHS
                                             and not toks[i - 1].closes and len(t.bare) > 1):
            end = name_end(toks, i, lex)
            kind = "ident" if t.kind == "ident" and end == i + 1 else "name"
            out.append(Span(i, end, kind))
            i = end
            continue
        i += 1
    return _merge_titles(toks, out, lex)


TITLE_JOINERS = {"the", "of", "on", "for", "to", "a", "an", "with"}


def _merge_titles(toks: list[Token], found: list[Span], lex: Lexicon) -> list[Span]:
    """Title-case runs ("Exploring the Impact of Fine-Tuning on Large Language Models") are
    one name: a question about one of their words would cut a title apart."""
    out: list[Span] = []
    i = 0
    while i < len(found):
        s = found[i]
        j = i
        end = s.end
        caps = s.end - s.start
        while j + 1 < len(found) and found[j + 1].kind in ("name", "ident") and s.kind in (
                "name", "ident") and not toks[end - 1].closes:
            gap = toks[end : found[j + 1].start]
            if not gap or len(gap) > 2 or any(t.low not in TITLE_JOINERS or t.closes for t in gap):
                break
            j += 1
            caps += found[j].end - found[j].start
            end = found[j].end
        common = sum(1 for t in toks[s.start:end] if t.bare[:1].isupper() and t.low in lex.common)
        if j > i and caps >= 3 and common >= 2 and any(
                t.low != "of" for t in toks[s.end:end] if t.low in TITLE_JOINERS):
            out.append(Span(s.start, end, "name"))
            i = j + 1
            continue
        out.append(s)
        i += 1
    return out
