"""Counting what a document lists and does not count: "How many optional extras does X
declare?" when X's page lists them ("extras: a, b, c") and states no number.

General text layout, nothing about one corpus: a list is labelled by the words before it, in a
"label: a, b" line, a table row whose first cell labels the second, or a sentence whose words
introduce it ("It depends on a, b and c."). A label matches the question's counted noun or verb
by stem, by a short form of it ("deps", "py") or as one of the verbs of needing. Items are
short (names, not clauses), so prose that merely starts like a list counts nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
import itertools
import re

from ragtune.strategies.common import STOPWORDS
from ragtune.strategies.question import content_terms, direction, held_apart, stem, words, written_as_consonants
from ragtune.strategies.values import extract_values

# "how many optional extras", "the number of packages X depends on"
# ("the number of the chown syscall in the table" numbers one thing: no count)
_COUNT_Q = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b(?!\s+(?:the|this|that|its)\s+(?:[\w-]+\s+){0,2}?[\w-]*[^s\W]"
                      r"(?:\s+(?:in|on|at|for|under|from|with)\b|\s*[?,]))|\bcount\s+of\b", re.I)
# words that say a list is given, not what it lists
_LISTING_WORDS = {stem(w) for w in ("list", "listed", "declare", "declared", "declares", "have",
                                    "has", "contain", "contains", "give", "gives", "mention",
                                    "mentions", "name", "names", "show", "shows", "include",
                                    "includes", "offer", "offers", "many", "number", "count",
                                    "total", "catalog", "page", "document", "record")}
# verbs of needing: one relation however written ("requires", "depends on", "deps")
_NEEDING = {stem(w) for w in ("need", "require", "required", "requirement", "depend", "depends",
                              "dependency", "dependencies", "deps")}
_INTRO = re.compile(r"^\s*(?:on|of|are|is|were|was|include|includes|including|as)?\s*:?\s*", re.I)
# (a note in brackets after it says why: "absent (no key usage extension)")
_NONE = re.compile(r"^\s*(?:none|n/a|absent|-|\u2014)\s*(?:\([^()]*\))?\s*\.?\s*$", re.I)
_MAX_ITEM_WORDS = 3


def asks_count(question: str) -> bool:
    return bool(_COUNT_Q.search(question))


def counted_terms(question: str, subject: list[str]) -> set[str]:
    """The question's words that say what is counted (nouns and the relation's verb), without
    the subject's name and words that only say a list is given."""
    own = {stem(w) for n in subject for w in words(n)}
    return {t for t in content_terms(question) if t not in own and t not in _LISTING_WORDS
            and not t.isdigit()}


def _matches(label: str, terms: set[str]) -> int:
    """2: a label word is a counted term (or a short form of one); 1: both are verbs of
    needing ("requires" for "depends on"); 0: no match."""
    best = 0
    for w in words(label):
        s = stem(w)
        if s in _LISTING_WORDS:
            continue
        for t in terms:
            short = s.rstrip("s")
            # (a final e stems away in the plural only: "usage", "usages" -> "usag")
            if s == t or s.rstrip("e") == t.rstrip("e") or len(short) >= 3 and len(s) < len(t) and t.startswith(short):
                return 2  # "deps" for "dependencies": a label may shorten the asked word
            if s in _NEEDING and t in _NEEDING:
                best = 1
    return best


def label_cover(label: str, terms: set[str]) -> int:
    """How many of the counted terms a list's label writes ("Key usage" writes both of
    "key usages", "Public key" one)."""
    return sum(_matches(label, {t}) > 0 for t in terms)


def _split_items(body: str, strict: bool = False) -> list[str] | None:
    """The items of a list written inline; None when the text is no list of short names."""
    body = body.strip().rstrip(".").strip()
    if not body:
        return None
    if _NONE.match(body):
        return []
    # a name in brackets glosses its item ("eng (English)") and stays with it; other brackets
    # hold a version bound or a marker
    flat, back = held_apart(body, r"(?<=\w) \([A-Z][A-Za-z'-]*(?: [A-Za-z'-]+){0,3}\)"
                                  r"(?=\s*(?:[,;]|\s(?:and|or)\s|$))")
    flat = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", flat)
    # (a comma inside a version range is no break: "huggingface-hub <3.0,>=0.16.4")
    parts = flat.split(";") if ";" in flat else re.split(r",(?!\s*[<>=!~])|\s+(?:and|or)\s+", flat)
    # "anyio when sys_platform != 'x'": an item with its condition; the item is listed
    items = [re.sub(r"\s+(?:when|if|unless)\s.*$", "", p.strip()) for p in parts if p.strip()]
    if not items or any(not _item_like(re.sub(r"\x01\d+\x02", "", i), strict) for i in items):
        return None
    return [back(i) for i in items]


def _item_like(item: str, strict: bool) -> bool:
    """A listed thing is a short name: a few words, no figures, no sentence or code
    punctuation ("7417", "get('x')" are none); in a sentence (`strict`) no function words
    either ("the old printing works"), while a labelled line may list "all" or "dev"."""
    ws = item.split()
    # a scoped package name ("@npmcli/git") and a version range after a name ("glob ^13.0.0",
    # "semver >=7.3") are a listed requirement's parts, not code
    bare = _RANGE_AFTER.sub("", re.sub(r"^@[\w.-]+/(?=[\w])", "", item.strip()))
    return 0 < len(ws) <= _MAX_ITEM_WORDS and not any(
        strict and w.lower() in STOPWORDS or re.fullmatch(r"[\d.,+%]+", w) for w in ws) \
        and bool(bare) and not re.search(r"[=<>'\"`{}/\\@\u2014]|\.\s|:\s|\.\.\.", bare)


_BOUND = r"(?:[\^~]|[<>]=?|==?|~=)\s?\d[\w.*+-]*"
_RANGE_AFTER = re.compile(rf"(?<=\w)\s*{_BOUND}(?:\s*(?:\|\||,)\s*(?:{_BOUND}|\d[\w.*+-]*))*$")


def _sentences(line: str) -> list[str]:
    # a full stop between digits ("1.17") or inside brackets ends nothing
    return [s for s in re.split(r"\.(?=\s+[A-Z]|\s*$)(?![^()]*\))", line) if s.strip()]


# a sentence's end after a word of two letters or more that is no abbreviation ("J. Smith",
# "Dr. Lee" go on)
_LIST_END = re.compile(r"(?<![A-Z])(?<!\b(?:Dr|Mr|Ms|St|Jr|Sr|No|vs))(?<!\b(?:Mrs|etc|Inc|Ltd))(?<=\w\w)\.\s+(?=[A-Z])")


def without_emphasis(text: str) -> str:
    """Markdown emphasis around a short run taken off ("**License:** MIT" -> "License: MIT"):
    layout, not words."""
    return re.sub(r"\*\*([^*\n]{1,40}?)\*\*|__([^_\n]{1,40}?)__", lambda m: m.group(1) or m.group(2) or "", text)


def labelled_lists(text: str, terms: set[str]) -> list[tuple[list[str], str, int, str]]:
    """(items, line, match strength, label) for every inline list of `text` whose label
    matches `terms`."""
    out = []
    # a list wrapped onto the next line goes on there ("Present: A, B,\nC."); emphasis
    # around a label ("**Present:**") is layout, not words
    text = re.sub(r",[ \t]*\n[ \t]*(?![-*#|\s\d])", ", ", text)
    text = without_emphasis(text)
    lines = text.splitlines()
    for at_line, line in enumerate(lines):
        raw = line.strip()
        if raw.startswith("#"):  # a heading lists the bullets under it ("## Runtime requirements (6)")
            head = re.sub(r"\s*\(\d+\)$", "", raw.lstrip("#").strip())
            if 0 < len(head.split()) <= 4 and (strength := _matches(head, terms)) \
                    and (items := _bullets_under(lines[at_line + 1:], terms)) is not None:
                out.append((items, raw, strength, head))
            continue
        if not raw:
            continue
        if raw.startswith("|") and raw.count("|") >= 3:  # a table row: label cell, value cell
            cells = [c.strip() for c in raw.strip("|").split("|")]
            after = lines[at_line + 1].strip() if at_line + 1 < len(lines) else ""
            if re.fullmatch(r"\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?", after):
                continue  # a table's header row, over its separator: no label and value
            if len(cells) == 2 and (strength := _matches(cells[0], terms)):
                items = _split_items(cells[1])
                if items is not None:
                    out.append((items, raw, strength, cells[0]))
            continue
        body = re.sub(r"^[-*\u2022]\s+", "", raw)
        m = re.match(r"([^:|]{1,40}):\s+(.+)$", body)
        if m and len(m.group(1).split()) <= 4 and (strength := _matches(m.group(1), terms)):
            # the list ends with its sentence ("A, B. Apologies: C." lists A and B)
            items = _split_items(_LIST_END.split(m.group(2))[0])
            if items is not None:
                out.append((items, raw, strength, m.group(1)))
            continue
        for sent in _sentences(body):  # "It depends on a, b and c", "It has no extras"
            ws = list(re.finditer(r"[A-Za-z][\w-]*", sent))
            # (a word inside brackets is an aside, no label: "optree (1 requirement)")
            at = next((i for i, w in enumerate(ws) if _matches(w.group(0), terms)
                       and sent.count("(", 0, w.start()) <= sent.count(")", 0, w.start())), None)
            if at is None:
                continue
            while at + 1 < len(ws) and _matches(ws[at + 1].group(0), terms) \
                    and not sent[ws[at].end():ws[at + 1].start()].strip():
                at += 1  # the counted noun phrase goes on: "required dependencies"
            # (a note in brackets after the label is no item: "Its key usage (critical) is A and B")
            after = re.sub(r"^\s*\([^()]{1,40}\)", "", sent[ws[at].end():])
            rest = _INTRO.sub("", after, count=1)
            items = _split_items(rest, strict=True)
            # "Optional extras: gui.", "1 runtime requirement (not tied to an extra): numpy." (a
            # note's "(...): none" lists nothing: "Related calls (each with a page here): none")
            colon = sent[ws[at].end():].lstrip().startswith(":") or bool(items) and after.lstrip().startswith(":")
            if items is not None and len(items) < 2 and not colon:
                items = None  # a sentence lists with commas or "and"; one word after a verb is no list
            if items is None and not rest.strip() and re.search(r"\bno\s+(?:[\w-]+\s+){0,2}$",
                                                                sent[: ws[at].start()], re.I):
                items = []  # "It has no required dependencies."
            if items is not None:
                out.append((items, sent, _matches(ws[at].group(0), terms), sent[: ws[at].end()]))
    return out


def _bullets_under(lines: list[str], terms: set[str]) -> list[str] | None:
    """The items of the bullets that follow a heading, up to the next heading or other line
    ("- numpy >=1.24 [page here]" is numpy's, its asides dropped; "- none" or a line opening
    "None" lists nothing), or the first column of a table there headed by `terms` ("|
    Requirement | Version |"); None when there are none, or a bullet is a `Label: value` field or
    no short name."""
    items = []
    rest = [x.strip() for x in lines if x.strip()]
    if rest and re.match(r"none\b", rest[0], re.I):
        return []  # "None: it declares no runtime requirements."
    if rest and rest[0].startswith("|"):
        rows = [[c.strip() for c in x.strip("|").split("|")] for x in itertools.takewhile(lambda x: x.startswith("|"), rest)]
        if len(rows) < 3 or not _matches(rows[0][0], terms) or not re.fullmatch(r"[\s:|-]*", "".join(rows[1])):
            return None
        body = [r[0] for r in rows[2:]]
        return body if all(_item_like(x, False) for x in body) else None
    for line in lines:
        raw = line.strip()
        if not raw and not items:
            continue
        m = re.match(r"[-*\u2022]\s+(.+)$", raw)
        if not m:
            break
        item = re.sub(r"(?:\s*\[[^\[\]]*\]|\s*\([^()]*\))+$", "", m.group(1).strip()).strip()
        if re.match(r"[^:]{1,40}:\s", item) or not _item_like(re.split(r"\s*[<>=!~^;]", item)[0], False):
            return None
        items.append(item)
    if len(items) == 1 and _NONE.match(items[0]):
        return []
    return items or None


def labelled_unread(text: str, terms: set[str]) -> bool:
    """Whether a line of `text` is labelled by `terms` ("| requires | ...", "deps: ...") though
    no list was read from it: what it lists is unknown, not nothing."""
    for line in text.splitlines():
        raw = re.sub(r"^[-*\u2022]\s+", "", line.strip())
        cells = [c.strip() for c in raw.strip("|").split("|")] if raw.startswith("|") else []
        label = cells[0] if len(cells) >= 2 else (m.group(1) if (m := re.match(r"([^:|]{1,40}):\s", raw)) else "")
        if label and len(label.split()) <= 4 and _matches(label, terms):
            return True
    return False


def metadata_lists(meta: dict, terms: set[str]) -> list[tuple[list[str], str, int, str]]:
    """`labelled_lists` for a document's metadata (front matter): a field holding a list of
    short strings, labelled by its key ("requires: [numpy]")."""
    out = []
    for key, value in (meta or {}).items():
        if isinstance(value, list) and all(isinstance(v, str) and _item_like(v, False) for v in value) \
                and (strength := _matches(key.replace("_", " "), terms)):
            out.append(([v.strip() for v in value], f"{key}: {value}", strength, key))
    return out


_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|"
                 "hundreds?|thousands?|millions?")


def _states_number(text: str, terms: set[str]) -> bool:
    """Whether `text` writes a number of the counted thing ("6 extras", "1,000,000+
    repositories", "extras: 6")."""
    for w in re.finditer(r"[A-Za-z][\w-]*", text):
        if stem(w.group(0)) not in terms:
            continue
        before = text[max(0, w.start() - 30):w.start()]
        if re.search(rf"(?:(?<![\w.])\d[\d,]*(?:\.\d+)?\+?|\b(?:{_NUMBER_WORDS}))[ \t]+"
                     rf"(?:[A-Za-z][\w-]*[ \t]+){{0,2}}$",
                     before, re.I) \
                or re.match(r"[ \t]*[:|][ \t]*\d[\d,.]*[ \t]*(?:\||$|\n)", text[w.end():w.end() + 12]) \
                or re.fullmatch(r"[ \t|*-]*", text[text.rfind("\n", 0, w.start()) + 1:w.start()]) \
                and re.match(r"(?:[ \t]+[A-Za-z][\w-]*){1,3}[ \t]*[:|][ \t]*\d[\d,.]*[ \t]*(?:\||$|\n)",
                             text[w.end():w.end() + 40]):  # "extras: 6"; a label it starts: "Link names pointing here: 2"
            return True
    return False


def count_listed(question: str, subject: list[str], chunks: list[tuple[str, str]]) -> tuple[int, str] | None:
    """(count, line) of the list the question counts, from (title, text) chunks about its
    subject: the chunk's title names the subject, or the line does, or the chunk's first line
    does (a record's header). None when no chunk lists it, when a chunk states a number of
    it already (the stated number answers), or when two lists disagree."""
    terms = counted_terms(question, subject)
    if not terms or not subject:
        return None
    def norm(x: str) -> str:  # identifiers write "-" and "_" alike
        return re.sub(r"[-_]", "-", x.lower())

    names = [norm(n) for n in subject]
    noun = _counted_noun(question, subject)
    found: list[tuple[tuple[int, int], int, str]] = []
    for title, text in chunks:
        low_title = norm(title)
        head = norm(text.strip().split("\n", 1)[0])
        # how surely the chunk is the thing's own: its title names it, or its first line is
        # its name (a record's header: "fooparse 2.4.1"), or the list's label names it ("deps:
        # X" on another page lists X, it is not X's list)
        page = 2 if any(re.search(rf"(?<![\w.-]){re.escape(n)}(?![\w.-])", low_title) for n in names) \
            else 2 if any(re.fullmatch(rf"#*\s*{re.escape(n)}(?:\s+v?\d[\w.+-]*)?\s*", head) for n in names) \
            else 0
        if page and _states_number(text, terms):
            return None  # the page states the number in another chunk than its list
        # one label on several lines of a chunk is one list ("- Link: A" and "- Link: B")
        merged: dict[str, tuple[list[str], str, int, str]] = {}
        for items, line, strength, label in labelled_lists(text, terms):
            key = " ".join(words(label.lower()))
            if key in merged and line.lstrip().startswith(("-", "*", "\u2022")):
                had = merged[key]
                merged[key] = ([*had[0], *items], f"{had[1]} / {line}", strength, label)
            else:
                merged.setdefault(key, (items, line, strength, label))
        for items, line, strength, label in merged.values():
            about = page or (1 if any(n in norm(label) for n in names) else 0)
            if not about:
                continue
            if noun and len(items) < 2 and not _matches(label, noun):
                continue  # "make: Voltane" names one thing, it counts no trips the question's
                # verb ("did it make") happens to share a label with
            if _states_number(text, terms):
                return None  # "it has 6 extras": a stated number answers, not a count
            found.append(((about, strength), len({i.lower() for i in items}), line))
    if not found:
        return None
    best = max(k for k, _, _ in found)  # the thing's own page, the counted word over a verb of needing
    counts = {n: line for k, n, line in found if k == best}
    if len(counts) != 1:
        return None
    (n, line), = counts.items()
    return n, line


def _counted_noun(question: str, subject: list[str]) -> set[str]:
    """The stems of the noun phrase after "how many" / "number of" ("passenger trips"), up to
    a stop word or the subject's name; empty when there is none."""
    m = re.search(r"\b(?:how\s+many|number\s+of|count\s+of)\s+(.+)", question, re.I)
    if not m:
        return set()
    own = {stem(w) for n in subject for w in words(n)}
    out: set[str] = set()
    for w in words(m.group(1))[:4]:
        s = stem(w.lower())
        if w.lower() in STOPWORDS or s in own:
            break
        out.add(s)
    return out


def _named_collection(q: str, path: str, counted: bool = False) -> list[str] | None:
    """The words of a collection's path (4 letters or more) when the question (lower case)
    places what it asks in that collection ("in the staff directory", "of the products");
    None when it does not."""
    # (a year in the path names no collection: "of the 2026-27 series" is no place in
    # matches/series-2026)
    # (three letters do where they are a word the question writes before what it asks: "which
    # kit item" of kit/kit)
    where = [w for w in re.split(r"[/_.\s-]+", path.lower()) if len(w) >= 4 and not w.isdigit()
             or len(w) == 3 and w.isalpha() and w not in STOPWORDS and re.search(rf"\b(?:which|what)\s+{w}\s+[a-z]", q)]
    # a plural path word names its things in the singular too ("instruments": "which instrument")
    one = [w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in where]
    # (with `counted`, "how many member clubs" names the clubs too)
    how_many = r"|how\s+many\s+" if counted else ""
    # (or counted one: "glibc's one Malay-language locale")
    # (or "a locale that uses X": one of them, named with the condition after it)
    named = any(re.search(rf"\b(?:(?:in|from|on|of)\s+(?:the\s+|our\s+|this\s+)?|the\s+|our\s+|one\s+|which\s+|what\s+|"
                          rf"an?\s+(?=[\w'\u2019-]+\s+(?:that|which|who|using|with)\b){how_many})"
                          # (an owner before the word: "of the club's current maps")
                          rf"(?:[\w-]+['\u2019]s\s+)?(?:[\w'\u2019-]+\s+)?{re.escape(w)}s?\b", q) for w in one)
    return where if named else None


def named_values(q: str, records: list[dict], where: list[str]) -> dict[str, str]:
    """field -> the one value of it the question (lower case) names ("MIT-licensed" names
    "mit"); of values written inside one another the longest ("mit or apache-2.0", not "mit");
    a field named with two other values is no condition."""
    q = re.sub(r"-(licen[cs]ed|based|language|speaking)\b", r" \1", q)  # ("Malay-language": Malay)
    # (a value joined to its field's name made a verb: "left-handed" names `hand` = left)
    fields = {str(f).lower() for r in records for f in r if re.fullmatch(r"[a-z]{3,}", str(f).lower())}
    q = re.sub(r"\b([a-z]+)-([a-z]{3,}?)e?d\b", lambda m: f"{m.group(1)} {m.group(2)}" if m.group(2) in fields
               or m.group(2) + "e" in fields else m.group(0), q)
    conditions: dict[str, set[str]] = {}
    # (a whole day the question writes in words is a field's day in ISO form: "on 6 June 2026"
    # names `date: 2026-06-06`)
    days = {tuple(v.key) for v in extract_values(q) if v.kind == "date" and len(v.key) == 3 and all(v.key)}
    for rec in records:
        for field, value in rec.items():
            v = str(value).strip().lower()
            if days and (iso := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v)) and tuple(map(int, iso.groups())) in days:
                conditions.setdefault(field, set()).add(v)
                continue
            # (a whole number as the question may write it: "3,650" for 3650)
            written = {v, f"{value:,}"} if isinstance(value, int) and not isinstance(value, bool) else {v}
            # a value that is also a function word ("is", Iceland's code) cannot be told
            # from the word in a lower-cased question
            if isinstance(value, (str, int)) and len(v) >= 2 and v not in where and v not in STOPWORDS \
                    and any(re.search(rf"(?<![\w-])(?<!\d[,.]){re.escape(w)}(?![\w-])(?![,.]\d)", q) for w in written):
                conditions.setdefault(field, set()).add(v)
            elif isinstance(value, str) and v and re.search(  # ... or right after its field's name,
                    # ending the clause: "is grade i?" (not "the layout in this catalogue")
                    r"(?<![\w-])" + r"[\s_-]+".join(map(re.escape, re.split(r"[\s_-]+", str(field).lower())))
                    + rf"\s+{re.escape(v)}(?=\s*(?:[?,;:]|\.(?!\w)|$)|\s+(?:and|or|but)\b)", q):
                conditions.setdefault(field, set()).add(v)
    out = {}
    for f, vs in conditions.items():
        longest = max(vs, key=len)
        if all(v in longest for v in vs):
            out[f] = longest
    return out


_BOUND_Q = re.compile(r"\b(above|over|more\s+than|greater\s+than|at\s+least|after|under|below|less\s+than|"
                      r"fewer\s+than|at\s+most|before)\s+(?:eur|usd|gbp|chf|\u20ac|\$|\u00a3)?\s?"
                      r"(\d[\d,]*(?:\.\d+)?)(?![\d.])", re.I)


_CUR = r"(?:eur|usd|gbp|chf|\u20ac|\$|\u00a3)?\s?"


def plain_bounds(q: str) -> str:
    """A question's ranges as two bounds ("between EUR 500 and EUR 1,000": at least EUR 500 and
    at most EUR 1,000; "in 2021 or later": at least 2021)."""
    q = re.sub(rf"\bbetween\s+({_CUR}\d[\d,]*(?:\.\d+)?)\s+and\s+({_CUR}\d[\d,]*(?:\.\d+)?)",
               r"at least \1 and at most \2", q, flags=re.I)
    q = re.sub(r"\bin\s+(\d{4})\s+or\s+later\b", r"at least \1", q, flags=re.I)
    return re.sub(r"\bin\s+(\d{4})\s+or\s+earlier\b", r"at most \1", q, flags=re.I)


def _named_bounds(q: str, records: list[dict]) -> list[tuple[str, str, float]]:
    """(field, "gt"/"ge"/"lt"/"le", number) for each bound the question (lower case) puts on a
    numeric field it names right before it ("a list price above EUR 1,000": price_eur > 1000;
    "weigh more than 500 g": weight_g > 500; "opened after 2020": opened > 2020)."""
    numeric = {k for r in records for k, v in r.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    out = []
    for m in _BOUND_Q.finditer(q):
        before = q[max(0, m.start() - 40):m.start()]
        named = [k for k in numeric
                 if any(len(p) >= 4 and re.search(rf"\b{re.escape(p)}", before) for p in k.lower().split("_"))]
        if not named:  # ... or right after it ("more than 60 members": members > 60)
            after = q[m.end():m.end() + 30]
            named = [k for k in numeric if any(len(p) >= 4 and re.match(rf"\s*{re.escape(p.rstrip('s'))}s?\b", after)
                                               for p in k.lower().split("_"))]
        if not named:
            hinted = [fields for rx, fields in _FIELD_OF if rx.search(before)]
            named = [k for k in numeric for fields in hinted[:1] if any(f in k.lower().split("_") for f in fields)]
        if len(named) != 1:
            continue
        word = re.sub(r"\s+", " ", m.group(1).lower())
        op = {"at least": "ge", "at most": "le"}.get(word) or (
            "gt" if word in ("above", "over", "more than", "greater than", "after") else "lt")
        out.append((named[0], op, float(m.group(2).replace(",", ""))))
    # "charges visitors a fee": a numeric field of that noun (the other words of its label the
    # question's too, a currency aside: `visitor_fee_gbp`) above nought
    if not out and not asks_count(q) and (m := re.search(r"\b(?:charges?|charging|has|have|with|asks?|takes?)\s+(?:[a-z]+\s+){0,2}?an?\s+"
                                   r"(fee|charge|deposit|levy|premium)\b", q)) \
            and not re.search(r"\d", re.sub(r"\b(?:19|20)\d\d(?:-\d\d)?\b", " ", q)):  # (no figure; a year may name the list)
        words = set(re.findall(r"[a-z]+", q))
        named = [k for k in numeric if m.group(1) in (parts := re.split(r"[\W_]+", k.lower()))
                 and all(p in ("gbp", "eur", "usd", "chf", "jpy") or p.rstrip("s") in {w.rstrip("s") for w in words}
                         for p in parts if p)]
        if len(named) == 1:
            out.append((named[0], "gt", 0.0))
    return out


def _linked_values(q: str, path: str, collections: dict[str, list[dict]], ids: dict[str, list[str]]) -> dict[str, str]:
    """field -> id for the one record of another collection whose name the question (lower
    case) writes whole, when one field of `path`'s records holds that id."""
    named = []
    for other, records in collections.items():
        rids = ids.get(other) or []
        if other == path or len(rids) != len(records):
            continue
        for field in _name_field_of(records) or _naming_fields(records):
            named += [rid for rec, rid in zip(records, rids) if isinstance(rec.get(field), str)
                      and len(rec[field].strip()) >= 4
                      and re.search(rf"(?<![\w-]){re.escape(rec[field].strip().lower())}(?![\w-])", q)]
    if len(set(named)) != 1:
        return {}
    rid = named[0].strip().lower()
    fields = {k for r in collections[path] for k, v in r.items() if str(v).strip().lower() == rid}
    return {fields.pop(): rid} if len(fields) == 1 else {}


def record_name(rec: dict, records: list[dict]) -> str:
    """What names a record: its `name` or `title`, else its one naming field's value."""
    fields = _name_field_of(records) or _naming_fields(records)
    return next((str(rec[k]) for k in fields if rec.get(k)), "") if len(fields) <= 2 else ""


def _within(value: object, op: str, bound: float) -> bool:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    return {"gt": value > bound, "ge": value >= bound, "lt": value < bound, "le": value <= bound}[op]


_YES_NO = {"yes", "no"}
_Y_N = {"y", "n"}
_NEGATED = re.compile(r"\b(?:not|never|without)\b|n't\b")
# what parts a question's conditions ("needs navigation but does not count ...")
_CLAUSE = re.compile(r",|;|:|\b(?:but|and|or|while|whereas|which|that|who)\b")


def clause_at(q: str, i: int) -> str:
    """The clause of the question holding position `i` (between commas, colons or "but",
    "and", "which" ...): where a condition is denied or not."""
    cuts = [0, *[m.end() for m in _CLAUSE.finditer(q)], len(q)]
    k = max(j for j, b in enumerate(cuts[:-1]) if b <= i)
    return q[cuts[k]:cuts[k + 1]]


def _named_flags(q: str, records: list[dict]) -> dict[str, str]:
    """field -> "yes" (or "no" when the question negates) for each yes/no field the question
    (lower case) names by its label's words ("take dogs": `dogs`; "did not use the launch":
    `launch` no); a `Y`/`N` field too, by its label cut short ("needs navigation": `nav`). Of
    several, each is negated by its own clause ("needs navigation but does not count for the
    championship": `nav` Y, `champ` N)."""
    fields = {k for r in records for k in r}
    out = {}
    at: dict[str, int] = {}
    for f in fields:
        values = {str(r.get(f, "")).strip().lower() for r in records}
        words = [w for w in re.split(r"[\W_]+", f.lower()) if w]
        if not words or len(values) != 2 or not (values <= _YES_NO or values <= _Y_N):
            continue
        short = values <= _Y_N  # (a column of letters is a table's: its header is often cut short)
        found = [re.search(rf"\b{re.escape(w)}{'[a-z]*' if short and len(w) >= 3 else ''}\b", q) for w in words]
        if all(found):
            out[f] = "y" if short else "yes"
            at[f] = found[0].start()
    if len(out) == 1:
        f = next(iter(out))
        return {f: ("n" if out[f] == "y" else "no") if _NEGATED.search(q) else out[f]}
    if not out:
        return {}
    # several: each in a clause of its own, negated there or not
    if len({clause_at(q, i) for i in at.values()}) != len(at):
        return {}
    return {f: ("n" if v == "y" else "no") if _NEGATED.search(clause_at(q, at[f])) else v for f, v in out.items()}


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}
_PLACE_FIELDS = {"position", "pos", "place", "placing", "rank", "finish"}


def _ordinal_place(q: str, records: list[dict]) -> dict[str, str]:
    """{field: place} for "who finished third" (lower case) where the records hold one numeric
    field of places (`position: 3`); "first" is a superlative's, read elsewhere."""
    m = re.search(r"\b(?:finish(?:ed|es)?|came|placed|ranked|ended|was|is)\s+(?:in\s+)?"
                  r"(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[2-9](?:nd|rd|th))\b", q)
    if not m:
        return {}
    fields = [k for k in {k for r in records for k in r} if k.lower() in _PLACE_FIELDS
              and all(isinstance(r.get(k), int) for r in records if k in r)]
    place = _ORDINALS.get(m.group(1)) or int(m.group(1)[0])
    return {fields[0]: str(place)} if len(fields) == 1 else {}


def _matching(records: list[dict], cond: dict[str, str],
              bounds: list[tuple[str, str, float]] = ()) -> list[dict]:
    return [r for r in records if all(str(r.get(f, "")).strip().lower() == v for f, v in cond.items())
            and all(_within(r.get(f), op, b) for f, op, b in bounds)]


def count_records(question: str, collections: dict[str, list[dict]]) -> tuple[int, str, dict] | None:
    """(count, collection, conditions) answering "How many <things> in <the collection>
    <condition>?" over record collections (a jsonl, json or csv file's records: path -> their metadata):
    the records whose fields equal every field value the question names ("based in Ostvane",
    "status active"). Only when the question places the count in a collection by a word of its
    path ("in the staff directory": people/directory) -- "How many staff are employed at X?"
    asks more than a directory lists -- and when the values it names are one collection's."""
    if not asks_count(question):
        return None
    q = question.lower()
    if m := _DISTINCT.search(q):  # "how many different lead engineers": the values of a field
        found = []
        for path, records, cond, bounds, shown in _selections(q, collections):
            asked = {stem(w).rstrip("e") for w in m.group(1).split()}
            fields = [k for k in {k for r in records for k in r}
                      if {stem(p).rstrip("e") for p in k.lower().split("_")} == asked]
            if not fields:  # "different product categories" in the product catalog: category
                fields = [k for k in {k for r in records for k in r}
                          if {stem(p).rstrip("e") for p in k.lower().split("_")} < asked
                          and asked - {stem(p).rstrip("e") for p in k.lower().split("_")}
                          <= {stem(w).rstrip("e") for w in re.split(r"[/_.\s-]+", path.lower())}]
            if len(fields) == 1:
                values = {str(r[fields[0]]).strip().lower() for r in _matching(records, cond, bounds)
                          if str(r.get(fields[0], "")).strip()}
                found.append((len(values), path, {**shown, "distinct": fields[0]}))
        return found[0] if len(found) == 1 and found[0][0] else None
    counted = re.search(r"\bhow\s+many\s+([a-z][\w-]*)", q)
    # (the unit may be the counted phrase's second word: "how many fraction digits")
    if counted and (_UNIT_COUNTED.fullmatch(counted.group(1)) or (
            unit := re.match(r"\s+([a-z][\w-]*)", q[counted.end():])) and _UNIT_COUNTED.fullmatch(unit.group(1))):
        return None  # "how many days were the vans off the road": a sum of durations, not records
    noun = stem(counted.group(1)).rstrip("e") if counted else ""
    # ("how many member clubs": clubs, which the collection's path names, are counted)
    after = re.match(r"\s+([a-z][\w-]*)", q[counted.end():]) if counted else None
    found = []
    for path, records, cond, bounds, shown in _selections(q, collections, counted=True):
        if not shown:
            continue
        # a collection named only by the counted noun ("how many clubs ...") is counted under a
        # bound, or by a doer's field ("how many events did X win": `winner`), not by any value
        # of its records ("How many diners did X feed?" counts no records whose `base` is X)
        # (or by a field the question names as its value's role right after it: "is X the currency")
        # (or by yes/no fields it names by their labels: "how many members are judges", `judge: Y`)
        if _named_collection(q, path) is None \
                and not (bounds and not cond or cond and all(_field_by_verb(f, q) for f in cond)
                         or cond and not bounds and cond.items() <= _named_flags(plain_bounds(q), records).items()
                         # (or by values joined to their fields' names: "left-handed", `hand`)
                         or cond and all(re.search(rf"\b[a-z]+-{re.escape(f.lower())}", q) for f in cond)
                         or cond and any(re.search(rf"(?<![\w-]){re.escape(v)}(?:\s+\([^()]*\))?\s+the\s+"
                                                   rf"{re.escape(_first_word(f))}\b", q) for f, v in cond.items())):
            continue
        # "how many investors took part in offer X?": a numeric field of X's record counts them
        # (an `event` field names an event), unless the collection's path names the counted noun
        counts_them = any(stem(k.lower()).rstrip("e") == noun and isinstance(r[k], (int, float))
                          for r in records for k in r)
        path_noun = after is not None and stem(after.group(1)).rstrip("e") in {
            stem(w).rstrip("e") for w in _named_collection(q, path, True) or []}
        if counts_them and not path_noun:
            continue
        if cond and set(cond) <= {"name", "title", "id"} and not bounds:
            continue  # "How many races are planned for the X Series?": what X holds, not the one X
        path_words = {stem(w).rstrip("e") for w in re.split(r"[/_.\s-]+", path.lower())}
        if cond and not bounds and noun and noun not in path_words and (
                set(cond) <= set(_naming_fields(records))
                or all((m := re.search(rf"(?<![\w-]){re.escape(v)}\s+([a-z]+)", q)) and stem(m.group(1)).rstrip("e")
                       in path_words for v in cond.values())):
            continue  # (or by a field that names each record, or by its value and the collection's
            # noun: "How many pumps of the depot Low Yard ...?" counts no depots, nor "How many
            # runners finished the Blue course?" courses)
        # "How many territories do the locales using X name?": the different values of the
        # records' field the counted noun names (`territory`), not the records themselves
        valued = [k for k in {k for r in records for k in r}
                  if stem(k.lower()).rstrip("e") == noun and not any(isinstance(r.get(k), (int, float)) for r in records)]
        if noun and len(valued) == 1 and cond and not path_noun \
                and noun not in {stem(w).rstrip("e") for w in re.split(r"[/_.\s-]+", path.lower())}:
            values = {str(r[valued[0]]).strip().lower() for r in _matching(records, cond, bounds)
                      if str(r.get(valued[0], "")).strip()}
            found.append((len(values), path, {**shown, "distinct": valued[0]}))
            continue
        found.append((len(_matching(records, cond, bounds)), path, shown))
    return found[0] if len(found) == 1 else None


def _first_word(field: str) -> str:
    """A field name's first word, in lower case (`currency_name`: "currency")."""
    return re.split(r"[_\s-]+", field.lower().strip())[0]


_UNIT_COUNTED = re.compile(r"(?:second|minute|hour|day|week|fortnight|month|year|mile|kilomet(?:re|er)|km|"
                           r"met(?:re|er)|lit(?:re|er)|pound|euro|dollar|time|"
                           # (and the parts a value is written in: "how many digits after the mark")
                           r"digit|character|byte|letter)s?")
_DISTINCT = re.compile(r"\bhow\s+many\s+(?:different|distinct)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b")


def _selections(q: str, collections: dict[str, list[dict]],  # noqa: ANN202 (a generator)
                ids: dict[str, list[str]] | None = None, counted: bool = False):
    """For each collection the question (lower case) names by a word of its path: (path,
    records, field values it names, bounds it puts on fields it names, both as one readable
    mapping for the trace). With the collections' record ids, a record of another collection
    the question names by its name is a condition on the field holding its id ("the
    checkpoints on the Black Tarn Round": `race` = the round's id)."""
    q = plain_bounds(q)
    for path, records in collections.items():
        if (where := _named_collection(q, path, counted)) is None:
            continue
        cond = named_values(_BOUND_Q.sub(" ", q), records, where)  # "before 2018" names no year value
        cond.update({f: v for f, v in _named_flags(q, records).items() if f not in cond})
        cond.update({f: v for f, v in _ordinal_place(q, records).items() if f not in cond})
        cond.update({f: v for f, v in _linked_values(q, path, collections, ids or {}).items() if f not in cond})
        bounds = _named_bounds(q, records)
        yield path, records, cond, bounds, {**cond, **{f: f"{op} {b:g}" for f, op, b in bounds}}


_SUPERLATIVE_WORD = re.compile(r"\b(?:\w{3,}est|most|least|first|last)\b", re.I)
# comparatives that name the field they compare when the question does not ("the heaviest")
# (with the short forms column headers write: `wt_g`, `max_dep_m`, `len_m`, `wid_m`)
_FIELD_OF = ((re.compile(r"\b(?:heav|light|weigh)\w*", re.I), ("weight", "mass", "wt")),
             (re.compile(r"\b(?:cheap\w*|expensive|pric\w*|cost\w*|quot(?:ed|e|es|ing)|paid)\b", re.I), ("price", "cost")),
             (re.compile(r"\b(?:newest|oldest|newer|older|latest|earliest|first|most recent(?:ly)?|joined|"
                         r"started|launched|opened|founded|came on the market|been\s+(?:at|with|in)|"
                         r"took\s+(?:up|over)|appointed|elected|"
                         r"been\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+longer)\b", re.I),
              ("year", "date", "joined", "since", "first")),
             (re.compile(r"\b(?:deep|deeper|deepest|depth|shallow\w*)\b", re.I), ("depth", "dep")),
             (re.compile(r"\b(?:wide|wider|widest|width|narrow\w*)\b", re.I), ("width", "wid")),
             (re.compile(r"\b(?:long|longer|longest|length|short|shorter|shortest)\b", re.I), ("length", "len", "distance", "dist")),
             (re.compile(r"\b(?:high|higher|highest|tall|taller|tallest|height)\b", re.I), ("height", "elevation", "alt")),
             (re.compile(r"\b(?:area|acreage|ground|bigger|biggest|larger|largest|smaller|smallest)\b", re.I),
              ("area", "acreage")))
_DATED_FIELD = ("year", "date", "joined", "since")
# when a thing ends: the verbs that ask it and the words of the fields that hold it
_ENDS = re.compile(r"\b(?:runs?\s+out|ran\s+out|expir\w*|lapses?|lapsed|ends?|ended)\b", re.I)
_END_PARTS = ("expires", "expiry", "expiring", "expired", "until", "end", "ends", "lapses")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def pick_record(question: str, collections: dict[str, list[dict]], way: str | None,
                ids: dict[str, list[str]] | None = None) -> tuple[dict, str, dict] | None:
    """(record, field, conditions) for "Of the <things> in <the collection> <condition>, which
    has the lower <field>?": among the records of a collection the question names (as for
    `count_records`) whose fields equal the values it names, the one with the highest or
    lowest (`way`: "more" / "less") number in the field the question names by a word of its
    key ("list price": price_eur) or by its comparative ("the heaviest": weight). None unless
    one collection, one numeric field and at least two records qualify, and the best is
    unique."""
    q = question.lower()
    # the clause that asks (after the scope's comma), without its bounds: "Of the products over
    # 500 g, which is the lightest?" asks the least weight, not the most
    question = plain_bounds(question)
    asks = list(re.finditer(r",\s+(?=(?:which|what|who|whose)\b)", question, re.I))
    main = _BOUND_Q.sub(" ", question[asks[-1].end():] if asks else question)
    if not any(r.search(main) for r in (_SUPERLATIVE_WORD, _BOUND_Q)) and not _BOUND_Q.search(question) \
            and not named_values(q, [r for rs in collections.values() for r in rs], []):
        return None  # no condition and no superlative ("which is cheaper?"): nothing to pick among
    found = []
    for path, records, cond, bounds, shown in _selections(q, collections, ids):
        numeric = {k for r in records for k, v in r.items() if isinstance(v, int)}
        bound = {f for f, _, _ in bounds}
        # "launched in 2022" and "a price under EUR 1,000" select, they are not compared ...
        named = [k for k in numeric if k not in cond and k not in bound
                 and any(len(p) >= 4 and re.search(rf"\b{re.escape(p)}", q)
                         # (or by its stem: "survey" names `surveyed`)
                         or len(stem(p)) >= 5 and re.search(rf"\b{re.escape(stem(p))}\b", q) for p in k.lower().split("_"))]
        if not named:  # ... but the comparative's own field may be bounded ("over 500 g, the lightest")
            hinted = [fields for rx, fields in _FIELD_OF if rx.search(main)]
            named = [k for k in numeric if k not in cond for fields in hinted[:1]
                     if any(f in k.lower().split("_") for f in fields)]
        pool = _matching(records, cond, bounds)
        if len(named) != 1:
            continue
        field = named[0]
        dated = any(p in ("year", "date") for p in field.lower().split("_"))
        w = direction(main, values_are_dates=dated) or (way if not bounds else None)
        if w is None:
            # "which product has a list price above EUR 2,000?": the one record selected
            if field in bound and len(pool) == 1:
                found.append((pool[0], field, shown))
            continue
        if w not in ("more", "less"):
            continue
        pool = [r for r in pool if isinstance(r.get(field), int)]
        if len(pool) < 2:
            continue
        best = (max if w == "more" else min)(r[field] for r in pool)
        top = [r for r in pool if r[field] == best]
        if len(top) == 1:
            found.append((top[0], field, shown))
    return found[0] if len(found) == 1 else None


def _field_by_verb(field: str, q: str) -> bool:
    """Whether the question (lower case) writes the verb of a field that names a doer ("win"
    for `winner`, "coach" for `coached_by`)."""
    asked = {stem(w) for w in re.findall(r"[a-z]+", q)}
    for w in re.split(r"[\W_]+", field.lower()):
        if not re.search(r"(?:er|ed)$", w) or len(w) <= 4:
            continue  # (the field's own noun, "office", names no doing: "work at the X office")
        base = w[:-2]
        if re.search(r"([b-df-hj-np-tv-z])\1$", base):
            base = base[:-1]  # ("winner": win)
        if stem(base) in asked:
            return True
    return False


def _field_named(field: str, q: str) -> bool:
    """Whether the question (lower case) names a field: a word of its key, the verb of its doer
    ("win" for `winner`), or a comparative or measure that names it ("joined", "heavy")."""
    asked = {stem(w) for w in re.findall(r"[a-z]+", q)}
    words = key_words(field)
    return bool(words & asked) or _field_by_verb(field, q) \
        or any(rx.search(q) and any(stem(n) in words for n in names) for rx, names in _FIELD_OF)


def key_words(key: str) -> set[str]:
    """The stemmed words of a field's key ("usual_route" -> {"usual", "rout"})."""
    return {stem(w) for w in re.split(r"[_\s-]+", key.lower()) if w}


_NEGATED_VERB = re.compile(r"\b(?:(?:was|were|is|are|has|have|had)\s+not|(?:wasn't|weren't|isn't|aren't|hasn't|haven't))"
                      r"\s+(?:(?:been|yet|ever)\s+)*([a-z][\w-]{2,})(?:\s+to\s+(?:any|a|an)\s+([a-z][\w-]{2,}))?"
                      r"|\b(?:nobody|no\s+one)\s+([a-z][\w-]{2,})", re.I)
_NO_FLAG = frozenset(("n", "no", "false", ""))


def negated_record(question: str, collections: dict[str, list[dict]],
                   ids: dict[str, list[str]]) -> tuple[str, str] | None:
    """(answer, field) for "Which of this year's trenches was not backfilled?" or "Which site
    has nobody leading it?": in the one collection whose path names the question's noun
    (trenches-2026), the one record whose yes/no field the negated verb names holds "N" (or
    whose field the verb or its object names, "sent to any specialist" -> `spec`, is empty);
    answered by its name, else its id. None unless one field and one record qualify."""
    m = _NEGATED_VERB.search(question)
    if not m:
        return None
    said = [w for w in (m.group(1), m.group(2), m.group(3)) if w]
    def base(w: str) -> str:  # ("sites" and "site" alike)
        return stem(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    def named(key: str) -> bool:  # "backfilled" -> `backfilled`, "specialist" -> `spec`, "leading" -> `lead`
        return any(stem(w) == stem(k) or len(k) >= 3 and w.lower().startswith(k)
                   for w in said for k in re.split(r"[_\s-]+", key.lower()) if k)
    q_stems = {base(w) for w in re.findall(r"[a-z]+", question.lower())}
    found = []
    for path, records in collections.items():
        if not {base(w) for w in re.split(r"[/_.\s-]+", path.lower()) if w} & q_stems:
            continue  # (the question names the collection: "trenches", "sites", "finds")
        fields = [k for k in {k for r in records for k in r} if named(k)]
        if len(fields) != 1:
            continue
        f = fields[0]
        values = [str(r.get(f) if r.get(f) is not None else "").strip().lower() for r in records]
        flag = set(values) <= _NO_FLAG | {"y", "yes", "true"}
        pool = [i for i, v in enumerate(values) if v in (_NO_FLAG if flag else {""})]
        if len(pool) == 1:
            r = records[pool[0]]
            found.append((str(r.get("name") or r.get("title") or (ids.get(path) or [""] * len(records))[pool[0]]), f))
    return found[0] if len(found) == 1 and found[0][0] else None


_LATE = re.compile(r"\b(?:late|overdue|after\s+(?:it\s+was\s+|they\s+were\s+)?due)\b", re.I)
_EARLY = re.compile(r"\b(?:early|before\s+(?:it\s+was\s+|they\s+were\s+)?due)\b", re.I)


def _day(value: object) -> tuple[int, int, int] | None:
    """A whole date's (year, month, day), read from a field's value; None for anything else."""
    got = [v.key for v in extract_values(str(value or "")) if v.kind == "date" and all(v.key)]
    return got[0] if len(got) == 1 else None


def late_record(question: str, collections: dict[str, list[dict]],
                ids: dict[str, list[str]]) -> tuple[str, str, str] | None:
    """(answer, field, due field) for "Which kit loan came back late?": in the one collection
    the question names, the one record whose date under the field the question's words name
    (`back` of "came back") is after its date under a field labelled due (`due_back`), or
    before it for "early"; answered by its name, else its id. None unless one such field
    pair and one record."""
    late, early = _LATE.search(question), _EARLY.search(question)
    if bool(late) == bool(early):
        return None
    q = question.lower()
    q_stems = {stem(w) for w in re.findall(r"[a-z]+", q)} - {stem("due")}
    found = []
    for path, records in collections.items():
        if _named_collection(q, path) is None:
            continue
        keys = list(dict.fromkeys(k for r in records for k in r))
        dated = [k for k in keys if any(_day(r.get(k)) for r in records)]
        due = [k for k in dated if stem("due") in key_words(k)]
        done = [k for k in dated if k not in due and key_words(k) & q_stems]
        if len(due) != 1 or len(done) != 1:
            continue
        pool = [i for i, r in enumerate(records) if (a := _day(r.get(done[0]))) and (b := _day(r.get(due[0])))
                and (a > b if late else a < b)]
        if len(pool) == 1:
            r, rids = records[pool[0]], ids.get(path) or []
            rid = rids[pool[0]] if pool[0] < len(rids) else ""
            found.append((str(r.get("name") or r.get("title") or rid), done[0], due[0]))
    return found[0] if len(found) == 1 and found[0][0] else None


def _note_stems(rec: dict, skip: Iterable[str] = ()) -> set[str]:
    """The stems of the words of four letters or more in a record's notes (its text fields of
    three words or more), the fields in `skip` aside."""
    return {stem(w) for k, v in rec.items() if k not in skip and isinstance(v, str) and len(v.split()) >= 3
            for w in re.findall(r"[a-z]{4,}", v.lower())}


# the fields that say where a record's thing was
_PLACE_KEYS = frozenset(stem(w) for w in ("place", "location", "venue", "site", "where", "address"))


def select_record(question: str, collections: dict[str, list[dict]],
                  ids: dict[str, list[str]] | None = None) -> tuple[str, dict] | None:
    """(answer, conditions) for "Which user group is suspended?", "Who in the staff directory
    is on the informatics team?": the one record of a collection the question names whose
    fields equal every value the question names; the answer is its field named by the asked
    noun when it has one ("which instrument had the downtime graded critical": the downtime
    entry's instrument), else its name. None unless exactly one record of one collection
    qualifies and the question names a condition. `ids`: each collection's record ids, the
    answer when the record has no name of its own (a log's entry) or shares it with others
    (one of six sets of "loan woods")."""
    # a field's own words are no superlative: "first booked" writes `first_booked`
    keys = {k for rs in collections.values() for r in rs for k in r if re.search(r"[_\s-]", k)}
    plain = question
    for k in keys:
        plain = re.sub(r"\b" + r"[\s-]+".join(map(re.escape, re.split(r"[_\s-]+", k))) + r"\b", " ", plain, flags=re.I)
    if asks_count(question) or _BOUND_Q.search(question) or _SUPERLATIVE_WORD.search(plain):
        return None  # counts, bounds and superlatives are pick_record's and count_records'
    q = question.lower()
    head = re.search(r"\b(?:which|what)\s+([a-z][\w-]{2,})", q)
    # (the asked noun ends its phrase: "which coaching session in the log" asks a session)
    # (no verb before it: "which member joined in 2025" asks a member)
    phrase = re.search(r"\b(?:which|what)\s+(?:(?!(?:the|[a-z]+ed|[a-z]+s)\b)[a-z][\w-]*\s+){0,3}?"
                       r"(?![a-z]+ed\b)([a-z][\w-]{2,})\s+(?:in|on|of|at|for|from|with|by|is|was|are|were|has|had|"
                       r"that|whose)\b", q)
    head = phrase or head
    # ("which of the shuttles ...": the noun after "of the")
    head = re.search(r"\b(?:which|what)\s+(?:one\s+)?of\s+(?:the|its|their|our)\s+([a-z][\w-]{2,})", q) or head
    found = []
    chosen = list(_selections(q, collections))
    # a year naming a collection ("the 2026 log") is no value of another's records
    titles = {w for path, *_ in chosen for w in re.split(r"[/_.\s-]+", path.lower()) if w.isdigit()}
    for path, records, cond, bounds, shown in chosen:
        # (a bare figure is a field's value only where the question names the field: "champion
        # in 2025" is no record's `joined: 2025`)
        places = _ordinal_place(q, records)  # ("finished third": a place the question writes in words)
        cond = {f: v for f, v in cond.items() if v not in titles
                and (not re.fullmatch(r"\d+", v) or _field_named(f, q) or places.get(f) == v)}
        pool = _matching(records, cond, bounds)
        if cond and 1 < len(pool) <= 5:  # (of a few, the one whose note writes the question's
            # other words: "retired because permission was withdrawn" of two retired maps)
            used = {stem(w) for x in [*cond.values(), path] for w in re.findall(r"[a-z]+", str(x).lower())}
            # (not an owner's word: "the club's maps")
            asked = {stem(w) for w in re.findall(r"\b[a-z]{4,}\b(?!['\u2019]s\b)", q) if w not in STOPWORDS} - used
            noted = [r for r in pool if asked & _note_stems(r, cond)]
            pool = noted if len(noted) == 1 else pool
        if not cond and not bounds:
            # (no field named: the one record whose note writes two of the question's words or
            # more that no other record's note writes, "Which call turned out to be a hornets'
            # nest?"; words many notes write, "module" or "class", tell no record)
            used = {stem(w) for w in re.findall(r"[a-z]+", path.lower())}
            asked = {stem(w) for w in re.findall(r"\b[a-z]{4,}\b(?!['\u2019]s\b)", q) if w not in STOPWORDS} - used
            noted_words = [asked & _note_stems(r) for r in records]
            writers = Counter(w for ws in noted_words for w in ws)
            noted = [r for r, ws in zip(records, noted_words) if sum(writers[w] == 1 for w in ws) >= 2]
            if len(noted) != 1:
                continue
            pool, shown = noted, {"its note": "writes the question's words"}
        elif not cond or len(pool) != 1:
            continue
        rec = pool[0]
        # ("which one ...": no noun)
        noun = stem(head.group(1)).rstrip("e") if head and head.group(1) not in ("one", "ones") else ""
        own = [k for k in rec if noun and k not in cond and stem(k.lower()).rstrip("e") == noun
               and isinstance(rec[k], str)]
        # ... or one field whose label has the noun among its words ("which week": `week_starting`)
        own = own or [k for k in rec if noun and k not in cond and isinstance(rec[k], str)
                      and noun in {w.rstrip("e") for w in key_words(k)}]
        # "Who hired the pavilion for X?": the doer's field of the verb (`hirer`)
        if not own and (who := re.match(r"\s*who\s+([a-z]{3,})", q)) \
                and len(verb := re.sub(r"(?:ied|ed|d|s)$", "", who.group(1))) >= 3:
            own = [k for k in rec if k not in cond and isinstance(rec[k], str)
                   and (kw := re.split(r"[_\s-]+", k.lower())[0]) != verb and kw.startswith(verb)]
        # "Where was the call of 6 June?": the one field of a place (`place`, `location`)
        if not own and re.match(r"\s*where\b", q):
            own = [k for k in rec if k not in cond and isinstance(rec[k], str) and set(key_words(k)) & _PLACE_KEYS]
        answer = str(rec[own[0]]) if len(own) == 1 else str(rec.get("name") or rec.get("title") or "")
        rids = (ids or {}).get(path) or []
        rid = rids[next(i for i, x in enumerate(records) if x is rec)] if len(rids) == len(records) else ""
        field = own[0] if len(own) == 1 else "name" if rec.get("name") else "title"
        # (a log's entry is its id: "Which hire in the log was cancelled?", when the noun asked is
        # what the collection holds; and a name several records share names none of them)
        entry = noun and (noun in {stem(w).rstrip("e") for w in re.split(r"[/_.\s-]+", path.lower())}
                          or noun in ("item", "entry", "record", "row"))
        # (nor is a name that says back what the question picks it by: "Which machine on the
        # machines list is the scroll saw?" is answered by its id, not "Redpoll scroll saw")
        says_back = entry and answer and any(isinstance(v, str) and len(v) >= 3 and v.lower() in answer.lower()
                                             for v in (cond or {}).values())
        # ("Which item is worn? Give its code.": the id asked in so many words)
        asks_id = re.search(r"\b(?:give|gives|giving|with|what\s+is|and)\s+its\s+(?:code|id|identifier|reference)\b", q)
        if rid and (asks_id or not answer and entry or says_back
                    or answer and sum(str(x.get(field) or "") == answer for x in records) > 1):
            answer = rid
        if answer and answer.lower() not in q:
            found.append((answer, shown))
    return found[0] if len(found) == 1 else None


def compare_records(question: str, options: list[str], collections: dict[str, list[dict]],
                    ids: dict[str, list[str]] | None = None) -> tuple[str, str, dict[str, int]] | None:
    """(the option, the field, both values) for "Which weighs more, A or B?" when A and B are
    each one record of the same collection (by name) and the question names one numeric field
    of it (by a word of its key, "list price", or by its comparative, "heavier", "joined
    first"); None when the records, the field or the direction do not decide. `ids`: each
    collection's record ids, which name records too ("Which trench went deeper, T26-06 or ...")."""
    q = question.lower()
    rest = q
    for o in options:
        rest = rest.replace(o.lower(), " ")
    found = []
    for path, records in collections.items():
        own = []
        rids = (ids or {}).get(path) or [""] * len(records)
        naming = _naming_fields(records)
        for o in options:
            recs = [r for r, rid in zip(records, rids)
                    if o.strip().lower() in (str(r.get("name") or r.get("title") or "").strip().lower(), rid.lower())
                    or any(o.strip().lower() == str(r.get(k) or "").strip().lower() for k in naming)]
            own.append(recs[0] if len(recs) == 1 else None)
        if None in own:
            continue
        numeric = {k for r in own for k, v in r.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        rest_words = re.findall(r"[a-z]+", rest)
        named = [k for k in numeric if any(len(p) >= 4 and re.search(rf"\b{re.escape(p)}", rest)
                                           or _consonants_of(p, rest_words) for p in k.lower().split("_"))]
        if len(named) > 1:
            # "the higher rapid rating" over `rtg` and `rpd`: the field the modifier names (the
            # word before the head noun another field names)
            at = {k: min((i for i, w in enumerate(rest_words) for p in k.lower().split("_")
                          if w.startswith(p) and len(p) >= 4 or _consonants_of(p, [w])), default=len(rest_words))
                  for k in named}
            first = min(at.values())
            if list(at.values()).count(first) == 1:
                named = [k for k in named if at[k] == first]
        # "Whose permit runs out first?": a field of days written as ISO dates that says when a thing ends
        ends_asked = _ENDS.search(rest) is not None
        ending = {k for r in own for k, v in r.items() if isinstance(v, str) and _ISO_DAY.fullmatch(v)
                  and any(p in _END_PARTS for p in k.lower().split("_"))} if ends_asked else set()
        if not named and len(ending) == 1:
            named = list(ending)
        if not named and not ends_asked:  # ("runs out first" is no `joined` of another collection)
            hinted = [fields for rx, fields in _FIELD_OF if rx.search(rest)]
            named = [k for k in numeric for fields in hinted[:1] if any(f in k.lower().split("_") for f in fields)]
        if len(named) != 1 or not all(isinstance(r.get(named[0]), (int, float))
                                      and not isinstance(r.get(named[0]), bool)
                                      or named[0] in ending and _ISO_DAY.fullmatch(str(r.get(named[0]))) for r in own):
            continue
        field = named[0]
        if field in ending:  # (ISO days order as their texts do)
            a, b = (int(str(r[field]).replace("-", "")) for r in own)
        else:
            a, b = (r[field] for r in own)
        # (a field of years is dated, whatever its name: `first_shown`)
        way = direction(question, values_are_dates=any(p in _DATED_FIELD for p in field.lower().split("_"))
                        or field in ending or all(float(x).is_integer() and 1800 <= x <= 2100 for x in (a, b)))
        if a == b or way not in ("more", "less"):
            continue
        pick = options[0] if (a > b) == (way == "more") else options[1]
        found.append((pick, field, dict(zip(options, (a, b)))))
    return found[0] if len(found) == 1 else None


def labelled_record(question: str, collections: dict[str, list[dict]]) -> tuple[str, str, str] | None:
    """(name, field, value) for "Which member of staff has been with us since 2020?": the one
    record of any collection whose field's label the question writes right before that field's
    value ("since 2020": `since` = 2020; a preposition may sit between), else whose value of two
    words or more the question writes whole ("a retired harbour pilot"), answered by its name
    field. None unless exactly one record qualifies and it has a name."""
    q = question.lower()
    found = []
    for path, records in collections.items():
        names = _name_field_of(records)
        for rec in records:
            for f, value in rec.items():
                v = str(value).strip().lower()
                words = [w for w in re.split(r"[\W_]+", f.lower()) if w]
                if f in ("id", "text") or f in names or not words or len(v) < 2 or v in STOPWORDS:
                    continue
                label = r"[\s_-]+".join(map(re.escape, words))
                if re.search(rf"\b{label}\s+(?:(?:in|on|at|of|from|by)\s+)?{re.escape(v)}(?![\w-])", q):
                    found.append((rec, names, f, v))
    # (a question naming a record by its name asks something of that record: "the grade X has")
    named = any(len(n := str(r.get(k) or "").strip().lower()) >= 3 and re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", q)
                for records in collections.values() for r in records for k in _name_field_of(records))
    # ... or a value of several words the question writes whole ("a retired harbour pilot",
    # "Dr Ann Lee as its contact"), when the question asks for a record ("Which club ...?",
    # "Who is ...?"; "What model is the pool car?" and "Which model ..." ask a field of it)
    head = re.match(r"\s*(?:which\s+([a-z]+)|who\s+(?:is|was|are|were)\b)", q)
    if not found and not named and head:
        for path, records in collections.items():
            names = _name_field_of(records)
            if head.group(1) and any(stem(head.group(1)) == stem(w) for r in records for k in r
                                     for w in re.split(r"[\W_]+", k.lower()) if w):
                continue
            for rec in records:
                for f, value in rec.items():
                    v = str(value).strip().lower()
                    if f not in ("id", "text") and f not in names and isinstance(value, str) \
                            and len(v.split()) >= 2 and len(v) >= 8 and len(v.split()) <= 8 \
                            and re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", q):
                        found.append((rec, names, f, v))
    # ... or a yes/no field the question denies ("Which glider has no trailer?": `trailer` =
    # no), or an empty one ("Which job has no contractor yet?")
    if not found and not named and head and (none := re.search(r"\b(?:has|have|had)\s+no\s+([a-z]+(?:\s+[a-z]+)?)\b"
                                                             r"|\bwithout\s+(?:an?\s+)?([a-z]+(?:\s+[a-z]+)?)\b", q)):
        asked = stem((none.group(1) or none.group(2)).split()[0])
        for path, records in collections.items():
            names = _name_field_of(records) or ["id"]
            for f in {k for r in records for k in r} - {"id", "text", *names}:
                words = [stem(w) for w in re.split(r"[\W_]+", f.lower()) if w]
                values = [str(r.get(f) if r.get(f) is not None else "").strip().lower() for r in records]
                if words[:1] != [asked] or len(set(values)) < 2:
                    continue
                without = [r for r, v in zip(records, values) if v in ("no", "")] \
                    if set(values) <= {"yes", "no", ""} else [r for r, v in zip(records, values) if v == ""]
                found += [(r, names, f, "no") for r in without]
    if len({id(r) for r, *_ in found}) != 1:
        return None
    rec, names, f, v = found[0]
    name = next((str(rec[k]) for k in names if rec.get(k)), "")
    if re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", name.lower()):
        return None  # a name that says back the value it is picked by ("currency code UGX in ...")
        # names nothing the question lacks: another field of the record is asked
    return (name, f, v) if name else None


def record_of_kind_by_value(question: str, collections: dict[str, list[dict]], ids: dict[str, list[str]]) -> tuple[str, str, str] | None:
    """(name, field, value) for "Which incident happened at North Hall?": in the one collection
    whose file the words after "which" name (incident-log.csv), the one record with a value of
    two words or more that the question writes whole (a bracketed aside apart: "North Hall
    (Saturday)"), answered by the field those words name, else its name, else its id. None
    unless exactly one record holds."""
    m = re.match(r"\s*which\s+((?:[a-z-]+\s+){0,2}[a-z]+)\s+[a-z]", question, re.I)
    if not m:
        return None
    asked = {stem(w) for w in re.findall(r"[a-z]+", m.group(1).lower()) if len(w) >= 3}
    paths = [p for p in collections
             if asked & {stem(w) for w in re.findall(r"[a-z]+", p.rsplit("/", 1)[-1].lower()) if len(w) >= 3}]
    if len(paths) != 1:
        return None
    path, q = paths[0], question.lower()
    records, names = collections[path], _name_field_of(collections[path])
    found = []
    for i, rec in enumerate(records):
        for f, value in rec.items():
            if f in ("id", "text") or f in names or not isinstance(value, str):
                continue
            v = re.sub(r"\s*\([^()]*\)\s*$", "", value).strip().lower()
            if len(v.split()) >= 2 and len(v) >= 8 and len(v.split()) <= 8 \
                    and re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", q):
                found.append((i, f, v))
    if len({i for i, *_ in found}) != 1:
        return None
    i, f, v = found[0]
    rec, rids = records[i], ids.get(path) or []
    # (a field the words after "which" name is what is asked: "Which loan instrument ...?" of a
    # loan register with an `instrument` field)
    named = [k for k in rec if k not in ("id", "text", f) and stem(k.lower()) in asked and isinstance(rec[k], str)
             and rec[k].strip()]
    name = (str(rec[named[0]]) if len(named) == 1 else "") or next((str(rec[k]) for k in names if rec.get(k)), "") \
        or str(rec.get("id") or "") or (rids[i] if len(rids) == len(records) else "")
    return (name, f, v) if name else None


def _naming_fields(records: list[dict]) -> list[str]:
    """Text fields whose values name the records: no two records share a value, and most
    values are of two words or more (`player`: "Ada Venn")."""
    out = []
    for k in {k for r in records for k in r}:
        vals = [r.get(k) for r in records]
        if len(records) >= 3 and all(isinstance(v, str) and v.strip() for v in vals) \
                and len({v.strip().lower() for v in vals}) == len(vals) \
                and sum(" " in v.strip() for v in vals) * 2 > len(vals):
            out.append(k)
    return sorted(out)


def _consonants_of(part: str, words: list[str]) -> bool:
    """Whether a header's part of 2 to 4 letters is a word written as its consonants ("rtg"
    of "rating", "rpd" of "rapid")."""
    return 2 <= len(part) <= 4 and part.isalpha() and any(written_as_consonants(part, w) for w in words)


def _name_field_of(records: list[dict]) -> list[str]:
    """The fields that name a collection's records: `name` or `title` when they have one."""
    return [k for k in ("name", "title") if any(r.get(k) for r in records)]


# "... after its due date?", "... before their start date?": a record's day against another of its own
_AGAINST_ITS = re.compile(r"\b(after|later\s+than|past|before|earlier\s+than)\s+(?:its|their)\s+([a-z]+(?:\s+[a-z]+)?)\s*\??\s*$",
                          re.I)


def _day_of(value: object) -> tuple[int, int, int] | None:
    """A field's value as a whole day: "2026-03-14", "14 Mar 2026", or "14/03/2026" (day first)."""
    text = str(value or "").strip()
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        return int(m.group(3)), int(m.group(2)), int(m.group(1))
    vs = extract_values(text)
    return tuple(vs[0].key) if len(vs) == 1 and vs[0].kind == "date" and all(vs[0].key) \
        and vs[0].text.strip() == text else None


def record_by_two_days(question: str, collections: dict[str, list[dict]],
                       ids: dict[str, list[str]] | None = None) -> str | None:
    """"Which loan came back after its due date?": the id of the one record of the collection
    "which" names whose day under the field the words before "after" name (`back`) falls after
    (or before) its day under the field named after "its" (`due`); None unless both fields are
    one each and one record qualifies."""
    against, which = _AGAINST_ITS.search(question), re.match(r"\s*which\s+([a-z]+)", question, re.I)
    if not against or not which:
        return None
    later = against.group(1).lower() not in ("before", "earlier than")
    named = {stem(w) for w in against.group(2).lower().split() if w != "date"}
    said = {stem(w) for w in re.findall(r"[a-z]+", question[:against.start()].lower())}
    noun = which.group(1).lower()  # (by its plural too: "hires" is stemmed apart from "hire")
    kinds = {stem(noun), stem(noun + "s")}

    def label(k: str) -> set[str]:
        return {stem(w) for w in re.split(r"[_\s-]+", k.lower()) if w}
    found = []
    for path, rows in collections.items():
        if not kinds & {stem(w) for w in re.split(r"[/_.\s-]+", path.lower()) if w}:
            continue
        days = [k for k in rows[0] if 2 * sum(_day_of(r.get(k)) is not None for r in rows) >= len(rows)]
        ref = [k for k in days if label(k) == named]
        first = [k for k in days if k not in ref and label(k) <= said]
        if len(ref) != 1 or len(first) != 1:
            continue
        for rec, rid in zip(rows, (ids or {}).get(path) or [""] * len(rows)):
            a, b = _day_of(rec.get(first[0])), _day_of(rec.get(ref[0]))
            if a and b and rid and (a > b if later else a < b):
                found.append(rid)
    return found[0] if len(found) == 1 else None
