"""Dated sequences: a page that lists versions under dated headings (a changelog, a release
history) read as a timeline, so "which release was the newest when X", "the first release
after X", "the release just before V" and "the release that came out while X" are answered by
placing X's date on it rather than by a span the model happens to prefer.

Pure functions; the agent finds the timeline's page and the event's date in its evidence.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from dataclasses import dataclass

from ragtune.corpus.english import IRREGULAR_PAST, MONTHS, PARTICIPLE_BASE
from ragtune.strategies.question import content_terms, names, stem
from ragtune.strategies.values import CURRENCY_WORDS, Value, extract_values

# the connective that ties the asked item to an event; "newest on/in/at" only after a recency word
_CONNECTIVE = re.compile(
    r"\b(?P<prep>(?:(?:just|straight|right|immediately|directly)\s+)?(?:before|after)|following|since|"
    r"while|during|when|at the time of|as of|on the (?:day|date)(?: that| when| of)?|by the time)\b"
    r"|\b(?:newest|latest|most recent|current)\s+(?P<on>on|in|at)\b", re.I)
_RECENT = re.compile(r"\b(?:newest|latest|most recent|current|in use|in force)\b", re.I)
_ASKS_ITEM = re.compile(r"^\s*(?:which|what)\b", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|-|\u2013|\u2014)\s*$", re.I)


@dataclass(frozen=True)
class Entry:
    label: str  # the version as written under its heading: "5.1.0"
    day: tuple[int, int, int]  # its date: (year, month, day)


def dated_entries(text: str) -> list[Entry]:
    """The (version, date) pairs a page writes as headings: a markdown heading, or a short line
    of its own, holding one version and one full date ("## 5.1.0 (2024-09-18)", "v2.3 -
    March 3, 2021"). Oldest first; a version written twice keeps its first date."""
    out: dict[str, tuple[int, int, int]] = {}
    for line in text.splitlines():
        s = line.strip()
        if not s or len(s) > 80:
            continue
        values = extract_values(s)
        versions = [v for v in values if v.kind == "version"]
        dates = [v for v in values if v.kind == "date" and all(v.key[:3])]
        if len(versions) != 1 or len(dates) != 1:
            continue
        rest = s
        for v in (*versions, *dates):
            rest = rest.replace(v.text, " ")
        loose = re.findall(r"[A-Za-z]{2,}", rest)
        if not s.startswith("#") and len(loose) > 4:
            continue  # a sentence that names a version and a date, not a heading
        out.setdefault(versions[0].text, dates[0].key[:3])
    return sorted((Entry(k, d) for k, d in out.items()), key=lambda e: e.day)


@dataclass(frozen=True)
class Ask:
    mode: str  # "at" (the newest then), "before" (the last before), "after" (the first after), "during"
    head: str  # the question before the connective: what is asked for ("Which X release was the newest")
    event: str  # what the asked item is placed against ("the team moved into the new office")


def relative_ask(question: str) -> Ask | None:
    """A which/what question placing an item relative to an event, or None."""
    if not _ASKS_ITEM.search(question):
        return None
    for m in _CONNECTIVE.finditer(question):
        head, event = question[:m.start()].strip(), question[m.end():].strip(" ?.")
        if not event or not head:
            continue
        prep = (m.group("prep") or "").lower()
        if m.group("on"):
            head = question[:m.start("on")].strip()
            event = re.sub(r"^the (?:time|day|date|moment)(?: that| when| of)?\s+", "", event, flags=re.I)
            mode = "at"
        elif "before" in prep:
            mode = "before"
        elif "after" in prep or prep in ("following", "since"):
            mode = "after"
        elif prep in ("while", "during"):
            mode = "during"
        elif _RECENT.search(head):
            mode = "at"
        else:
            continue
        return Ask(mode, head, event)
    return None


# "... in February 2023?", "... during 2024?": a question ending on a date alone
_IN_DATE = re.compile(r"^(?P<head>.*)\s(?:in|during)\s+(?P<date>[^?]+?)\s*\?\s*$", re.I)


def released_in(question: str) -> tuple[str, tuple, tuple, str] | None:
    """("which" | "count", first day, last day, the question before the date) for "Which X release shipped in February
    2023?" / "How many X releases were published in 2024?"; None when the date is not only a
    date."""
    m = _IN_DATE.search(question)
    if not m or not re.match(r"^\s*(?:which|what|how\s+many)\b", question, re.I):
        return None
    dates = [v for v in extract_values(m.group("date")) if v.kind == "date"]
    rest = m.group("date")
    for v in dates:
        rest = rest.replace(v.text, " ")
    if not dates or re.search(r"[A-Za-z0-9]", re.sub(r"\b(?:the|year|month|of)\b", " ", rest, flags=re.I)):
        return None
    span = span_of(dates, "")
    if span is None:
        return None
    mode = "count" if re.match(r"^\s*how\s+many\b", question, re.I) else "which"
    return mode, span[0], span[1], m.group("head")


def _bounds(key: tuple) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a date as precise as it is written can mean ("August 2023": the
    1st to the 31st)."""
    y, m, d = (tuple(key) + (0, 0, 0))[:3]
    return (y, m or 1, d or 1), (y, m or 12, d or 31)


def span_of(values: list[Value], text: str, year: int = 0) -> tuple[tuple, tuple] | None:
    """The days a sentence's dates cover: one date, or the earliest to the latest of several
    ("between October 2023 and March 2024"). A date without a year takes `year` (its page's);
    None when a date has no year to take."""
    days = []
    for v in values:
        if v.kind != "date":
            continue
        key = tuple(v.key)
        if not key[0]:
            if not year:
                return None
            key = (year, *key[1:])
        days.append(_bounds(key))
    if not days:
        return None
    return min(lo for lo, _ in days), max(hi for _, hi in days)


def place(entries: list[Entry], mode: str, lo: tuple, hi: tuple, exclude: str = "") -> str | None:
    """The entry the ask names on the timeline, or None when the dates cannot decide (a release
    inside a month the event is only dated by; two releases during the event)."""
    rest = [e for e in entries if e.label != exclude]
    if mode == "at":
        if any(lo < e.day <= hi for e in rest):
            return None  # released within the event's own span: newest at its start or end?
        before = [e for e in rest if e.day <= lo]
        return before[-1].label if before else None
    if mode == "before":
        before = [e for e in rest if e.day < lo]
        return before[-1].label if before else None
    if mode == "after":
        after = [e for e in rest if e.day > hi]
        return after[0].label if after else None
    inside = [e for e in rest if lo <= e.day <= hi]
    return inside[0].label if len(inside) == 1 else None


# ---------------------------------------------------------------- rows in force on a date

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\s*")
_CALENDAR = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
             "mon", "tue", "wed", "thu", "fri", "sat", "sun"}


# a question asking what holds now, without a date
_NOW = re.compile(r"\b(?:now|currently|at\s+(?:the\s+moment|present)|these\s+days|nowadays)\b", re.I)


def asks_now(question: str) -> bool:
    """Whether a question asks what holds now ("at the moment", "currently"), without a date."""
    return _NOW.search(question) is not None


def _asked_window(question: str) -> tuple[tuple, tuple, bool] | None:
    """(first day, last day, now) of the date a question asks about: its one date (`asked_day`),
    or the day before it after "before" ("Who chaired the club before 1974?"); asked "now" or
    "at the moment", every day and True; None when it asks neither."""
    asked = asked_day(question)
    now = asked is None and asks_now(question)
    if asked is None and not now:
        return None
    lo, hi = asked or ((0, 0, 0), (9999, 12, 31))
    if asked and re.search(r"\bbefore\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b", question):
        lo = hi = (datetime.date(*lo) - datetime.timedelta(days=1)).timetuple()[:3]
    return lo, hi, now


def row_in_force(question: str, text: str, asked_terms: set[str],
                 body: frozenset[str] = frozenset(), as_of: str = "") -> tuple[str, str] | None:
    """(value, its row's first day) for "What was the rate per night in 2017?" read off a table
    of rows valid from one day to another ("| From | To | Rate per night | ..." with ISO dates; an
    empty last day runs on): the cell, under the column whose header's words (two at least, two
    in three of them) are most among `asked_terms` (the question's content words, as
    `content_terms` gives them; a header of one word, that word), of the rows
    whose days meet the date the question asks (its one year, month or day). None when the
    question asks no one date, the text has no such table, or the rows met give different
    values, or the question names a thing the table does not. Asked "now", the rows in force on
    `as_of` (the document's own date, "2026-11-12") where any are: a row agreed for next year
    runs on too."""
    if (window := _asked_window(question)) is None:
        return None
    lo, hi, now = window
    written_on = _month_day(as_of.strip()) if as_of else None
    # the question's names (not its month, weekday or currency) must be the table's: "full
    # board at Skelworth Hall" or "band TD" asks another table than a history of one rate
    # (`body`: the names of the corpus's own subject, "the Society", which no table need write)
    named = {re.sub(r"'s$", "", w.lower()) for w in re.findall(r"(?<!^)\b[A-Z][\w'-]*", question.strip())
             if w.lower() not in CURRENCY_WORDS and w.lower()[:3] not in _CALENDAR} - body \
        - {w for b in body for w in b.split()}  # (each word of "Hallowmere Chess Club" too)
    # ("What will the fee be in 2027?": a row that runs on states what is in force now, not
    # what will be)
    future = re.search(r"\bwill\b", question, re.I) is not None
    found: dict[str, str] = {}
    # (or the document's title: "Presidents of the Society" names "the Society's president")
    title = text.split("\n", 1)[0].lower()
    # (each section's tables apart, under their heading: "## Senior subscription" over "| From |
    # To | GBP a year |" says what the one figure column holds, and two sections' tables with one
    # header are two tables)
    parts = re.split(r"(?m)^[ \t]*#{1,6}[ \t]+(.*)$", text)
    sections = [("", parts[0])] + list(zip(parts[1::2], parts[2::2]))
    tables = [(heading, header, rows) for heading, part in sections for header, rows in table_rows(part)]
    for heading, header, rows in tables:
        cells = " ".join(" ".join(r) for r in [header, *rows]).lower() + " | " + title + " | " + heading.lower()
        if any(not re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", cells) for n in named):
            continue
        # (days, or months: "| Chair | 2017-05 | 2022-05 | Ann Lee |")
        read = [[_month_day(r[i]) for r in rows] for i in range(len(header))]  # (each cell read once)
        days = [i for i in range(len(header))
                if rows and all(d or not r[i].strip() for d, r in zip(read[i], rows)) and any(read[i])]
        if len(days) != 2:
            continue
        start, end = days
        # a table of several posts' holders: the rows of the post the question writes (the
        # longest: "match secretary" over "secretary")
        # (without a gloss in brackets: "Junior (under 18 on 1 April)" is the junior rate's row)
        def post(row: list[str]) -> str:
            return re.sub(r"\s*\([^()]*\)\s*$", "", row[0].strip()).lower()
        posts = {post(r) for r in rows if 0 not in days and re.fullmatch(r"[A-Za-z][\w' -]{2,40}", post(r))}
        # (a post of one word is written by its verb too: "Who chaired the society in 2008?")
        verbs = {stem(w) for w in re.findall(r"[a-z]+ed\b", question.lower())}
        said = [p for p in posts if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", question, re.I)
                or " " not in p and stem(p) in verbs]
        by_post = len(posts) > 1 and bool(said)
        if by_post:
            rows = [r for r in rows if post(r) == max(said, key=len)]
        # the column the question asks: most of its header's words (two at least; a currency
        # is the unit, not what is asked) are the question's ("rate per pupil per night" for
        # "what did a school pay per pupil a night", not for "what does a private room cost")
        scored = []
        counts = re.search(r"\bhow\s+many\b", question, re.I) is not None
        for i in range(len(header)):
            if counts and set(re.findall(r"[a-z]+", header[i].lower())) & CURRENCY_WORDS:
                continue  # (a sum counts no things: "Member (GBP a night)" asked "how many members")
            # (a unit in brackets is no word asked: "Individual (GBP a year)")
            words = set(content_terms(re.sub(r"\([^()]*\)", " ", header[i]))) - CURRENCY_WORDS
            held = len(words & asked_terms)
            # (or a header of one word, asked: "Captain" for "who was captain in 2021", "Chair"
            # for "who chaired")
            if len(words) == 1 and not held and {stem(w) for w in words} & {stem(w) for w in asked_terms}:
                held = 1
            if i not in days and (held >= 2 and 3 * held >= 2 * len(words) or held == len(words) == 1):
                scored.append((held, i))
        best = max((s for s, _ in scored), default=0)
        cols = [i for s, i in scored if s == best]
        values = [i for i in range(len(header)) if i not in days and header[i].strip()
                  and not (by_post and i == 0)  # (the posts' column names the row, it holds no value)
                  and not (counts and set(re.findall(r"[a-z]+", header[i].lower())) & CURRENCY_WORDS)]
        # (the section's own heading, not the headings above it: "Fees > Junior membership")
        named_by = set(content_terms(re.sub(r"\([^()]*\)", " ", heading.rsplit(" > ", 1)[-1]))) - CURRENCY_WORDS
        if best == 0 and len(values) == 1 and named_by and (named_by <= asked_terms or len(
                named_by & asked_terms) >= 2 and 2 * len(named_by & asked_terms) >= len(named_by)):
            best, cols = 1, values  # (the one figure column of a section the question names: all
            # its heading's words, or two and half of them, "adult membership" of "Adult and
            # masters membership")
        if best == 0 and by_post and re.match(r"\s*who\b", question, re.I) and len(
                people := [i for i in values if i != 0 and _PERSON_HEADER.fullmatch(header[i].strip())]) == 1:
            best, cols = 1, people  # ("Who was chair in 2019?": the column of holders, `Held by`)
        if best == 0 or len(cols) != 1:
            continue
        col = cols[0]
        dated = now and written_on is not None and any(
            (_month_day(r[start]) or (9999,)) <= written_on <= (_month_day(r[end]) or (9999, 12, 31)) for r in rows)
        for r in rows:
            first = _month_day(r[start])
            if future and not _month_day(r[end]):
                continue
            if dated:
                if first and first <= written_on <= (_month_day(r[end]) or (9999, 12, 31)) and r[col].strip():
                    found[r[col].strip()] = r[start].strip()
                continue
            if now and _month_day(r[end]):
                continue
            last = _month_day(r[end]) or (9999, 12, 31)
            if first and first <= hi and last >= lo and r[col].strip():
                found[r[col].strip()] = r[start].strip()
    if len(found) != 1:
        return None
    (value, since), = found.items()
    return value, since


# words after an article that make no name of the figure after them ("the number 79", "a
# total 12", "a GBP 20 deposit")
_NOT_LABELS = frozenset(("number", "no", "nr", "total", "least", "most", "maximum", "minimum", "cost", "fee",
                         "price", "sum", "further", "extra", "mere", "full"))


# a record's code ("PA-07", "R4"): a row's name, not a figure
RECORD_CODE = re.compile(r"[A-Za-z]{1,6}[-_]?\d{1,6}")


# a first column's header that names its rows whatever they are
_NAMING_HEADERS = frozenset(stem(w) for w in ("name", "title", "no", "number", "code", "id", "ref", "key"))


def row_holding(question: str, text: str, asked_terms: set[str]) -> str | None:
    """For "Which class has a quarter peal fee of GBP 19.50?": the first cell of the one table
    row holding, in another cell, the one figure the question writes (not a year); among several
    such cells, those under a column whose header shares a word with `asked_terms`. None when
    the question writes no such figure or the rows holding it are not one."""
    figures = [v for v in extract_values(question) if v.kind == "number"]
    if len(figures) != 1:
        return None
    # (a figure with its unit, "19 miles", is compared as written: a table's cell has no unit)
    written = re.match(r"\d[\d,]*(?:\.\d+)?", figures[0].text)
    wants = {figures[0].key} | ({(float(written.group(0).replace(",", "")),)} if written else set())
    low = question.lower()
    # a figure written after a noun names a thing by it ("a level 3 award"): a cell holding
    # the figure alone is no "level 3"
    # (after an article: "a level 3 award", not "which zone carried 4,870 trips")
    before = re.search(r"\b(?:a|an|the|its|their|our|his|her)\s+([A-Za-z]+)\s*$", question[:figures[0].start], re.I)
    label = before.group(1).lower() if before and before.group(1).lower() not in _NOT_LABELS | CURRENCY_WORDS else ""
    # "Which parish ...?": a row keyed by a code answers by its `Parish` cell
    which = re.match(r"\s*(?:which|what)\s+([a-z]+)\b", question, re.I)
    noun = stem(which.group(1)) if which else ""
    # (the noun may come after an adjective: "Which cold room ...?")
    asked_nouns = {stem(w) for w in re.findall(r"[a-z]+", question[which.start(1):].lower())[:3]} if which else set()
    found: list[tuple[str, bool]] = []
    for header, rows in table_rows(text):
        heads = [bool(set(content_terms(h)) & asked_terms) for h in header]
        noun_cols = [j for j, h in enumerate(header) if j and noun and [stem(w) for w in content_terms(h)] == [noun]]
        first = {stem(w) for w in content_terms(header[0])} if header else set()
        if noun and not noun_cols and first and not first & (asked_nouns | _NAMING_HEADERS):
            continue  # "Which firm quoted ...?" is not answered by a row keyed by an `Item`
        for r in rows:
            key = r[0].strip()
            # (a code is no figure: "PA-07")
            if not key or extract_values(key) and not RECORD_CODE.fullmatch(key) or key.lower() in low:
                continue  # a row named by a figure, or by the question's own words, answers nothing
            for i in range(1, len(r)):
                if any(v.kind == "number" and v.key in wants for v in extract_values(r[i])) \
                        and (not label or label in r[i].lower()):
                    by_noun = r[noun_cols[0]].strip() if len(noun_cols) == 1 and noun_cols[0] != i else ""
                    found.append((by_noun or key, heads[i]))
    named = {k for k, h in found if h} or {k for k, _ in found}
    return named.pop() if len(named) == 1 else None


def worded_row_value(option: str, text: str, asked_terms: set[str]) -> Value | None:
    """For an option of a comparison written in other words than a table's row ("a pint of
    Lantern Light" for the row "Lantern Light bitter, pint"): the figure of the one row whose
    first cell holds every content word of the option (by stem, in any order), in its one other
    cell holding a figure, or the one under the header sharing most words with `asked_terms`; None
    when no row or several do, or no one figure is read."""
    words = {stem(w) for w in content_terms(option) if not w.isdigit()}
    asked = {stem(w) for w in asked_terms} - words
    if len(words) < 2:
        return None
    found: list[Value] = []
    for header, rows in table_rows(text):
        for row in rows:
            if words <= {stem(w) for w in content_terms(row[0])}:
                cells = [(h, [v for v in extract_values(c) if v.kind == "number"]) for h, c in zip(header[1:], row[1:])]
                cells = [(h, vs) for h, vs in cells if vs]
                # (the header sharing most words: "Bed nights 2025" over "Beds")
                shared = [len({stem(w) for w in content_terms(h)} & asked) for h, _ in cells]
                named = [vs for (_, vs), n in zip(cells, shared) if n and n == max(shared)]
                cells_read = named if len(named) == 1 else [vs for _, vs in cells] if len(cells) == 1 else []
                if len(cells_read) != 1:
                    return None
                found.append(cells_read[0][0])
    return found[0] if len(found) == 1 else None


_MEASURE_HEADERS = [(re.compile(r"\bhow\s+(?:long|far)\b", re.I), ("distance", "length")),
                    (re.compile(r"\bhow\s+(?:high|tall)\b", re.I), ("height",)),
                    (re.compile(r"\bhow\s+deep\b", re.I), ("depth",)),
                    (re.compile(r"\bhow\s+wide\b", re.I), ("width",)),
                    (re.compile(r"\bhow\s+heavy\b", re.I), ("weight",)),
                    # (what a thing costs is its rate, price or fee: "Rate per court per hour")
                    (re.compile(r"\b(?:cost|costs|pay|charged?)\b", re.I), ("rate", "price", "fee", "cost", "charge"))]


def named_row_cell(question: str, text: str, asked_terms: set[str], kind: str = "number") -> str | None:
    """For "What is the rise of Cowslip Lock in feet?": in a table of the text, the cell of the
    row whose cell after the first (a name, not a figure; the first is a number or a code), or
    whose first cell ("main hall"), the question writes, under the one other column whose
    header's words (its bracketed unit aside) are all in `asked_terms` and that holds a figure
    (of `kind`: a "date" for "Since when has X been a steward?" under `Steward since`); a
    "how many" question's counted noun names no column beside the one counting it ("places
    booked": `Booked`). With `kind` "person", the row's cell under a column of people's names
    (`Name`). None when no row or several cells fit."""
    low = f" {re.sub(r'[^a-z0-9]+', ' ', question.lower())} "
    found: set[str] = set()
    people_found: list[tuple[int, str]] = []
    for header, rows in table_rows(text):
        for row in rows:
            named = [i for i, c in enumerate(row) if len(c.strip()) >= 4 and not extract_values(c)
                     and f" {re.sub(r'[^a-z0-9]+', ' ', c.lower()).strip()} " in low]
            # (a row named by its first cell, "main hall", or by a later one beside its code)
            if len(named) != 1 or named[0] != 0 and not re.fullmatch(r"[A-Za-z]{0,4}[-_/]?\d{1,4}|[A-Z]{2,5}|[A-Z]{1,4}\d{0,3}/\d{1,3}",
                                                                    row[0].strip()):
                continue
            if kind in ("person", "place"):  # "Who is the club's social secretary?": the row's
                # `Name`; "Where was the X Open held?": its `Venue`
                people = [i for i, h in enumerate(header)
                          if (_PERSON_HEADER if kind == "person" else _PLACE_HEADER).fullmatch(h.strip())]
                cells = [row[i].strip() for i in people if i != named[0] and re.search(r"[^\W\d_]{2}", row[i])]
                if len(cells) == 1:  # (of rows named inside one another, "Secretary" in "Social
                    # secretary", the longest name below)
                    people_found.append((len(row[named[0]].strip()), cells[0]))
                continue
            # (the question's words beside the row's name: "Lock" of "Cowslip Lock" asks no `Lock`)
            terms = asked_terms - set(content_terms(row[named[0]]))
            # ("How long is the X course?" asks its `Distance` or `Length`; "how high" its `Height`)
            terms = terms | {w for rx, ws in _MEASURE_HEADERS if rx.search(question) for w in ws}
            # (every word of the header but its bracketed unit: "Rise (ft)" for "the rise ...
            # in feet", not "Bed nights 2025" when beds are counted)
            asked = [i for i, h in enumerate(header)
                     if (main := set(content_terms(re.sub(r"\s*\([^()]*\)", " ", h)))) and main <= terms]
            if len(asked) > 1 and (counted := re.match(r"\s*how\s+many\s+(\w+)", question, re.I)):
                # "How many places were booked ...?": `Booked` counts the places; `Places` is
                # the noun counted, not the figure asked
                asked = [i for i in asked if set(content_terms(_without_unit(header[i]))) != set(content_terms(counted.group(1)))]
            cells = [row[i].strip() for i in asked if i != named[0] and row[i].strip()
                     and any(v.kind == kind for v in extract_values(row[i]))]
            if len(cells) > 1 and re.search(r"\b(?:cost|costs|pay|paid|price|charged?|fee)\b", question, re.I):
                # (a sum asked: the cell holding money, not a count of courts)
                cells = [c for c in cells if any(v.unit in CURRENCY_WORDS for v in extract_values(c))] or cells
            if len(cells) == 1:
                # ("£42.00 (£36.00)": the figure in brackets is the year before's, asked only by a
                # year before the one the document opens with)
                own = re.sub(r"\s*\([^()]*\d[^()]*\)$", "", cells[0])
                before = re.search(r"\(([^()]*\d[^()]*)\)$", cells[0])
                if before and asks_earlier_year(question, text[:300]):
                    own = before.group(1).strip()
                found.add(own if any(v.kind == kind for v in extract_values(own)) else cells[0])
    if people_found:
        longest = max(n for n, _ in people_found)
        found = {c for n, c in people_found if n == longest}
    return found.pop() if len(found) == 1 else None


# a column of people's names
_PERSON_HEADER = re.compile(r"(?i)(?:name|who|person|holder|held\s+by|officer|contact)")
# a column of places
_PLACE_HEADER = re.compile(r"(?i)(?:venue|location|place|where|site|address|held\s+at)")


def asks_earlier_year(question: str, opening: str) -> bool:
    """Whether the question writes a year before the latest one a document's opening (its
    title, a passage's label) writes: "In 2025-26, ..." of a price list "from 1 April 2026"
    asks the year before's figures, which such lists give in brackets."""
    written = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", opening)]
    return bool(written) and any(int(y) < max(written) for y in re.findall(r"\b(?:19|20)\d\d\b", question))


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth")
_ORD = rf"(?:{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"
# a place in a ranking: "came in tenth", "finished 3rd", "the ninth finisher", "the fifth-placed crew"
_RANKED = re.compile(rf"\b(?:(?:came|come|comes|finished|finish|finishes|placed|was|were|ended)\s+(?:in\s+)?{_ORD}\b"
                     rf"(?!\s+(?:of|in\s+the\s+\w+\s+of)\b)"
                     rf"|\bthe\s+{_ORD}[\s-]+(?:finisher|placed|place|home|across|fastest|ranked))", re.I)
_RANK_HEADER = re.compile(r"(?:pos(?:ition)?|place|placing|rank(?:ing)?|no|#|finish)\.?", re.I)


def ranked_row_cell(question: str, text: str, asked_terms: set[str], who: bool) -> str | None:
    """For "What time did the ninth finisher record?" or "Who came in tenth?": in a table
    ranked by its first column (`Pos`, `Place`, `Rank`), the row of the place the question
    writes, under the one other column whose header's words (its bracketed unit aside) the
    question asks, or for "who" the first column after the rank holding no figure; None when
    the question writes no place, or no cell or several fit."""
    m = _RANKED.search(question)
    if not m or len(_RANKED.findall(question)) != 1:
        return None
    word = re.search(_ORD, m.group(0), re.I).group(0).lower()
    n = str(_ORDINALS.index(word) + 1) if word in _ORDINALS else re.match(r"\d+", word).group(0)
    found: set[str] = set()
    for header, rows in table_rows(text):
        if len(header) < 2 or not _RANK_HEADER.fullmatch(header[0].strip()):
            continue
        row = next((x for x in rows if x[0].strip().rstrip(".=") == n), None)
        if row is None:
            continue
        if who:
            cols = [i for i in range(1, len(header)) if row[i].strip() and not extract_values(row[i])][:1]
        else:
            cols = [i for i, h in enumerate(header) if i
                    and (main := set(content_terms(re.sub(r"\s*\([^()]*\)", " ", h)))) and main <= asked_terms]
        if len(cols) == 1 and row[cols[0]].strip():
            found.add(row[cols[0]].strip())
    return found.pop() if len(found) == 1 else None


# "Which finished higher in Division 1, A or B?": a place compared
_PLACED = re.compile(r"\b(?:finish(?:ed|es)?|placed?|came|ranked|end(?:ed|s)?|(?:was|were|is|are)\s+placed)\s+"
                     r"(higher|lower|above|below|ahead|behind)\b", re.I)


def ranked_compare(question: str, options: list[str], text: str) -> tuple[str, dict[str, str]] | None:
    """For "Which finished higher in Division 1, A or B?": in a table ranked by its first column
    (`Pos`, `Place`), the option whose row has the smaller place (higher, above, ahead) or the
    larger (lower, below, behind), with both places; None when the question compares no places,
    or no table (or tables that disagree) ranks both options in one row each."""
    m = _PLACED.search(question)
    if not m or len(options) != 2:
        return None
    up = m.group(1).lower() in ("higher", "above", "ahead")
    found: dict[str, dict[str, str]] = {}
    for header, rows in table_rows(text):
        if len(header) < 2 or not _RANK_HEADER.fullmatch(header[0].strip()):
            continue
        places = []
        for o in options:
            own = [row for row in rows if any(c.strip().lower() == o.strip().lower() for c in row[1:])]
            place = own[0][0].strip().rstrip(".=") if len(own) == 1 else ""
            if not re.fullmatch(r"\d{1,3}", place):
                break
            places.append(place)
        if len(places) == 2 and places[0] != places[1]:
            pick = options[0] if (int(places[0]) < int(places[1])) == up else options[1]
            found[pick] = dict(zip(options, places))
    return next(iter(found.items())) if len(found) == 1 else None


def ordinal_row_cell(question: str, text: str, asked_terms: set[str], kind: str = "date") -> str | None:
    """For "On what date is the second novice day of 2026?": in a table of the text, the rows
    whose cell is the thing the question counts ("Novice day"), in the table's order, and of
    them the one at the place the question writes; its one cell of `kind` (a date, or for a
    number the one column whose header's words the question asks). None when the question
    writes no place, or the rows are fewer, or no one cell fits."""
    m = re.search(rf"\bthe\s+({_ORD})\s+((?:[a-z][\w-]*\s+){{0,4}}?[a-z][\w-]*)\s+(?:of|in|on|at|for|this|next)\b",
                  question, re.I)
    if not m or _RANKED.search(question):
        return None
    word = m.group(1).lower()
    n = _ORDINALS.index(word) + 1 if word in _ORDINALS else int(re.match(r"\d+", word).group(0))
    thing = " ".join(m.group(2).lower().split())
    found: set[str] = set()
    for header, rows in table_rows(text):
        named = [r for r in rows if any(" ".join(c.lower().split()) == thing for c in r)]
        if len(named) < n:
            continue
        row = named[n - 1]
        if kind == "date":
            cells = [c.strip() for c in row if _ISO_DAY.fullmatch(c.strip())
                     or (vs := extract_values(c)) and len(vs) == 1 and vs[0].kind == "date" and vs[0].text == c.strip()]
        else:
            cells = [row[i].strip() for i, h in enumerate(header)
                     if (main := set(content_terms(re.sub(r"\s*\([^()]*\)", " ", h)))) and main <= asked_terms
                     and any(v.kind == "number" for v in extract_values(row[i]))]
        if len(cells) == 1:
            found.add(cells[0])
    return found.pop() if len(found) == 1 else None


_PERSON = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+(?:,.*)?")


# a building's or a street's name ("The Corn Hall", "St Aldric's Church", "Mill Lane")
_PLACE_NAME = re.compile(r"^The\s+[A-Z]|\b(?:Church|Chapel|Cathedral|Abbey|Hall|Centre|Center|Theatre|Theater|"
                         r"Room|House|Inn|Hotel|Library|Museum|Gallery|Arena|Stadium|Park|Street|Road|Lane|"
                         r"Square|Avenue)\b")


def _without_unit(header: str) -> str:
    """A column header without the unit it gives its figures: "Cost (GBP)" and `cost_gbp`
    are "Cost"."""
    header = re.sub(r"\([^()]*\)", " ", header)
    return re.sub(r"[_\s](?:gbp|eur|usd|chf|pct|kg|g|m|km|cm|mm|ha|l|ml|ft|mins?|hrs?|h)$", "", header.strip(), flags=re.I)


def _verb_base(word: str) -> str:
    """An irregular verb's past or participle as its base ("gave", "given" -> "give")."""
    return PARTICIPLE_BASE.get(word, IRREGULAR_PAST.get(word, word))


_YEAR_WRITTEN = re.compile(r"(?<![\d.,-])(?:19|20)\d\d(?![\d.,]\d)")


# the measure a "how <adjective>" question asks, by the noun a column is headed with
_MEASURE_OF = {"far": "distance", "long": "length", "high": "height", "tall": "height", "deep": "depth",
               "old": "age", "heavy": "weight", "wide": "width"}
_HOW_MEASURE = re.compile(rf"\bhow\s+({'|'.join(_MEASURE_OF)})\b", re.I)


def described_row_cell(question: str, text: str, who: bool, figure: bool = False,
                       common: frozenset[str] = frozenset()) -> str | None:
    """For "Where is our glass specialist based?" or "Who do we send worked flint to?": in a
    table of the text, the one row a cell of which shares a word with the question that no
    other row of the table writes ("glass and beads"), read under the one other column whose
    header's words are all the question's ("Based in"), or, asked "who", the one column whose
    cells are names of two capitalised words or more ("Dr Ysolde Carrow-Nakamura"); asked
    "which <noun>", the column that noun heads ("Which of our arbiters ...?": `Arbiter`). Asked
    a `figure`, the row whose cell shares the most such words with the question, under a
    column whose header's words (a unit in brackets aside: "Cost (GBP)") are the question's and
    whose cell is a figure. None when no row or several cells fit. `common` are the stems of
    the corpus's own domain words ("club" in a club's wiki): they describe no one row ("the
    club's ledger" is no `Club captain` row) and ask no noun ("Which club van ...?" asks
    `Van`)."""
    asked = set(content_terms(question)) - common
    if figure and (how := _HOW_MEASURE.search(question)):  # "How far ...?" asks the `Distance` column
        asked = asked - set(content_terms(how.group(1))) | set(content_terms(_MEASURE_OF[how.group(1).lower()]))
    title = set(content_terms(text.split("\n", 1)[0]))
    which = _WHICH_NOUN.match(question)
    noun = {stem(w) for w in which.group(1).lower().split()} if which and not figure else set()
    noun = noun - common or noun
    if not figure and not noun and re.match(r"\s*which\b", question, re.I):
        return None  # ("which" asks the column of its noun, or nothing here)
    years = [int(y) for y in _YEAR_WRITTEN.findall(question)]
    found: dict[str, int] = {}
    for header, rows in table_rows(text):
        if len(rows) < 3:
            continue
        terms = [[set(content_terms(c)) for c in row] for row in rows]
        rows_with = Counter(w for ts in terms for w in set().union(*ts))  # word -> rows writing it
        heads = set().union(*(set(content_terms(h)) for h in header), title)  # (the header's words and the page title's)

        for r, row in enumerate(rows):
            # (the asked noun describes no row: "the boat was to be sold" for "Which boat ...?")
            # (nor, asked a name, does a year alone in its cell: "Player of the Season in 2021" is
            # no row of officers whose `Since` is 2021; "signed the 2021 lease" beside "signed the
            # 2014 lease" is the row of the lease asked)
            rare = [sum(rows_with[w] == 1 for w in t & asked if stem(w) not in noun and (
                figure or not w.isdigit() or any(not x.isdigit() for x in t & asked))) for t in terms[r]]
            # (asked a figure, the cell with the most such words: "mirror replaced" beside "wing
            # mirror clipped by a tractor on Hobley Lane")
            # (or, asked a name, the cell writing more of them than the row's others: "Greyface
            # Quaich" over "the Greyface Breeders' Club" for "Who gave the Greyface Quaich?")
            own = [i for i, n in enumerate(rare) if n and (n == max(rare) or not figure)]
            if not figure and len(own) > 1 and sorted(rare)[-1] > sorted(rare)[-2]:
                own = [rare.index(max(rare))]
            if len(own) != 1:
                continue
            if len(years) == 1 and (written := [int(y) for c in row for y in _YEAR_WRITTEN.findall(c)]) \
                    and min(written) > years[0]:
                return None  # a row all of whose years are after the one asked ("President (for
                # 2026)", "Since 2026") says nothing of the holder in 2012: nor does its table
            # the stems of the row's cells, its header and the page's title (once a row)
            held_r = {stem(w) for w in set().union(*terms[r], heads)} if noun or figure else set()
            if noun:  # the column the asked noun heads, and nothing else, in a table whose
                # row, header and page title hold the question's words but one ("Which van on the
                # fleet list ...?" is not asked of a log of repairs)
                cols = [j for j, h in enumerate(header) if j != own[0]
                        and {stem(w) for w in content_terms(h)} == noun]
                # ("Arbiter", not "Arbiter since": the header of the noun alone)
                cols = [j for j in cols if len(header[j].split()) == min(len(header[k].split()) for k in cols)]
                if not cols and noun <= {stem(w) for w in re.findall(r"[a-z]+s\b", text.split("\n", 1)[0].lower())}:
                    # a table of the things asked ("Rings and buildings", by their plural; not
                    # "Hostel grades") names them in its `Name` column, or else by its first
                    cols = [j for j, h in enumerate(header) if j != own[0] and h.strip().lower() == "name"] \
                        or ([0] if own[0] else [])
                # (a name is asked: a figure under "Members" names no member)
                if len(cols) == 1 and row[cols[0]].strip() and not _FIGURE_CELL.fullmatch(row[cols[0]].strip()) \
                        and sum(stem(w) not in held_r and not w.isdigit() for w in asked) <= 1:
                    found[row[cols[0]].strip()] = 1
                continue
            rest = asked - terms[r][own[0]]  # (the words that describe the row ask no column)
            if figure:
                rest = {stem(w) for w in rest}
                cols = [j for j, h in enumerate(header) if j != own[0]
                        and (hs := {stem(w) for w in content_terms(_without_unit(h))}) and hs <= rest
                        and not all(w.isdigit() for w in hs)]  # (a year's column is read by the year)
                # a figure answers when the row, its header and the page's title hold the words
                # asked (a date's aside), all of them unless two or more rare words describe the
                # row ("airframe hours" are no "Hours flown" of a row named only "Nuthatch";
                # "fix" may be the "lift ram replaced" of a row the question describes at length)
                unheld = [w for w in asked if stem(w) not in held_r and not w.isdigit() and w not in MONTHS]
                cols = [j for j in cols if _FIGURE_CELL.fullmatch(row[j].strip())
                        and len(unheld) <= (1 if sum(rare) >= 2 else 0)]
                if len(cols) == 1:
                    cell = row[cols[0]].strip()
                    found[cell] = max(found.get(cell, 0), sum(rare))
                continue
            # (a verb's forms alike: "Given by" for "who gave")
            # (a stem cut short is its word: "judg" of "judged" is the `Judge`)
            verbs = {_verb_base(w).rstrip("e") for w in rest}
            cols = [j for j, h in enumerate(header) if j != own[0] and (hs := set(content_terms(h)))
                    and {_verb_base(w).rstrip("e") for w in hs} <= verbs]
            # (a column of places names no one: "The Corn Hall", "St Aldric's Church")
            people = [j for j in range(len(header)) if j != own[0] and all(
                _PERSON.fullmatch(x[j].strip()) for x in rows if x[j].strip())
                and not any(_PLACE_NAME.search(x[j].strip()) for x in rows)]
            if who and len(cols) > 1 and (doer := re.match(r"\s*who\s+([a-z]{3,})", question, re.I)):
                # ("Who coaches the Wednesday session at X?": the `Coach`, not the `Hall` or
                # `Session` the question describes the row by)
                agent = [j for j in cols if {_verb_base(w).rstrip("e") for w in content_terms(header[j])}
                         == {_verb_base(w).rstrip("e") for w in content_terms(doer.group(1))}]
                cols = agent if len(agent) == 1 else cols
            if who and len(cols) != 1:
                # (a role asked that no header or title names is no column of people's:
                # "Who was president ...?" of a table of trophies and their donors)
                role = _ROLE_ASKED.match(question)
                if role and stem(role.group(1).lower()) not in {stem(w) for w in heads}:
                    people = []
                cols = [j for j in cols if j in people] or ([] if cols else people)
            elif len(cols) > 1:  # ("the glass expert": a column of people, asked where they are)
                cols = [j for j in cols if j not in people]
            # (asked "who", a cell in lower case names nobody: "black" under `level`; "the
            # Harrowfold Poultry Club" does)
            # (the question's other words are the table's: "Who took the Mixed Doubles in 2013?"
            # is not asked of a table of club captains whose 2013 row it shares)
            held = {stem(w) for w in set().union(*terms[r], heads)}
            # (a year asked that the row does not write is a word unheld: "Who took the X Cup in
            # 2015?" of the cup's row "First awarded 1988 | Given by ...")
            unheld = [w for w in asked if stem(w) not in held and _verb_base(w) not in held
                      and (not w.isdigit() or int(w) in years and w not in " ".join(row))]
            # (and a code the question writes is the row's: "Who leases stall QX-4?" is not asked
            # of a row about leases that never writes QX-4)
            coded = [w for w in unheld if re.search(r"\d", w) and re.search(r"[a-z]", w)]
            if len(cols) == 1 and row[cols[0]].strip() and len(unheld) <= 1 and not coded and not (
                    who and re.sub(r"^(?:the|a|an)\s+", "", row[cols[0]].strip())[:1].islower()):
                found[row[cols[0]].strip()] = 1
    if not figure:
        return next(iter(found)) if len(found) == 1 else None
    # (the row the question describes most: "reversed into a bollard at Pruett's" over another
    # row that only writes "van")
    best = [c for c, n in found.items() if n == max(found.values(), default=0)]
    return best[0] if len(best) == 1 else None


# "Who was president of ...?": the role asked, one word
_ROLE_ASKED = re.compile(r"\s*who\s+(?:is|was|are|were)\s+(?:the\s+)?([a-z]+)\s+(?:of|for|at|in|before|after)\b", re.I)
# "which <noun> <verb>": the noun a "which" question asks for (one word or two, before its verb)
_WHICH_NOUN = re.compile(r"\s*which\s+(?:of\s+(?:our|the|these|its|their)\s+)?([a-z]+(?:\s+[a-z]+)??)\s+"
                         r"(?:is|are|was|were|has|have|had|does|do|did|lives?|works?|runs?|[a-z]+s|[a-z]+ed|"
                         + "|".join(sorted(IRREGULAR_PAST)) + r")\b", re.I)
# a figure in a table's cell: "184", "GBP 2,860", "2,860 (quote)", "45p", "12%"
_FIGURE_CELL = re.compile(r"(?:[A-Z]{3}\s?|[£$€])?\d[\d,.]*(?:p|%|\s*[a-z]{1,6})?(?:\s*\([^()]*\))?")


# a day the question asks on, or bounds by: "on 9 May 2026", "before 1 April 2026" (not "at 31
# December 2024", a year's own figure)
_DAY_BOUND = re.compile(r"\b(?:on|before|after|until|till|since|from)\s+(?:\w+\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
                        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:19|20)\d\d\b", re.I)


def one_year(question: str) -> str | None:
    """The one year a question writes ("in 2024"); None when it writes none or several."""
    years = set(re.findall(r"(?<![\w-])(?:19|20)\d\d(?![\w-])", question))
    return years.pop() if len(years) == 1 else None


def year_row_cell(question: str, text: str, asked_terms: set[str], name: bool = False) -> str | None:
    """A question of one year ("How many members travelled to Hallenried in 2022?") over a
    table whose rows open with a year ("| 2022 | we hosted: 43 came | we travelled: 19 of us
    |"): the one figure of that year's row under the one column whose header shares the most
    of the question's words ("Hallenried, September"); None when no table, row, column or
    single figure fits. With `name` ("Who took the Abbot Cup in 2022?" over "| Year | Abbot
    Cup | ..."), the cell whole, under a header every word of which the question writes (none
    when the cell says no one: "not awarded")."""
    year = one_year(question)
    if year is None or _DAY_BOUND.search(question):
        return None  # (a day asked, "on 9 May 2026", is no year's row)
    wanted = {stem(w) for w in asked_terms if w != year}
    found: set[str] = set()
    for header, rows in table_rows(text):
        keyed = [row for row in rows if row and row[0].strip()]
        if len(keyed) < 3 or not all(re.fullmatch(r"(?:19|20)\d\d", row[0].strip()) for row in keyed):
            continue  # (rows keyed by their years only)
        row = [x for x in keyed if x[0].strip() == year]
        if len(row) != 1:
            continue
        shared = [(len({stem(w) for w in content_terms(h)} & wanted), j) for j, h in enumerate(header) if j]
        best = max(shared, default=(0, 0))
        if not best[0] or sum(n == best[0] for n, _ in shared) > 1:
            continue
        if name:
            cell = row[0][best[1]].strip()
            if best[0] == len({stem(w) for w in content_terms(header[best[1]])}) and re.search(r"[^\W\d_]{2}", cell) \
                    and not re.search(r"\b(?:not|no|none|nobody|n/a)\b", cell, re.I):
                found.add(cell)
            continue
        figures = [v for v in extract_values(row[0][best[1]]) if v.kind == "number"]
        if len(figures) == 1:
            found.add(figures[0].text)
    return found.pop() if len(found) == 1 else None


def _rows_named(rows: list[list[str]], asked_terms: set[str], aside: set[str] = frozenset()) -> tuple[int, list[list[str]]]:
    """(how many words, the rows) of the rows whose label (first cell) has all its content
    words among `asked_terms` (a bracketed gloss and the words `aside` left out: "Joint (two at
    one address)" is the joint one; a participle as its verb's base), the most such words."""
    best, named = 0, []
    # (a joined word asked is its parts too: "learn-to-row" names the row "Learn-to-row course")
    asked_terms = set(asked_terms) | {p for t in asked_terms if "-" in t for p in t.split("-") if p}
    for r in rows:
        label = [PARTICIPLE_BASE.get(w.lower(), w.lower())
                 for w in re.findall(r"[A-Za-z]+", re.sub(r"\s*\([^()]*\)", " ", r[0]).strip() or r[0])]
        words = set(content_terms(" ".join(label))) - set(aside)
        if not words or not words <= asked_terms:
            continue
        if len(words) > best:
            best, named = len(words), [r]
        elif len(words) == best:
            named.append(r)
    return best, named


def year_column_cell(question: str, text: str, asked_terms: set[str],
                     everywhere: frozenset[str] = frozenset()) -> str | None:
    """A question of one year ("How many hours did the club fly in 2024?") over a table with a
    column per year ("| Measure | 2025 | 2024 |"): the cell under the year the question writes,
    in the one row whose label's words are all the question's (a verb's participle as its
    base: "Hours flown" for "fly"), in a text naming every name the question writes; of two
    tables, the one whose own label the question writes too ("a provisional member": the row
    "Provisional" under "Membership, a year", not the hut's "Member"). None when the question
    writes no year or several, no table has that year's column, or the rows so named are not
    one."""
    if (year := one_year(question)) is None or _DAY_BOUND.search(question):
        return None  # (a day asked, "before 1 April 2026", is no year's column)
    low = text.lower()
    if any(not re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", low) for n in names(question)
           if not extract_values(n) and n.lower() not in everywhere):
        return None  # a table of the whole body is no figure of a thing it does not name (the
        # corpus's own subject, `everywhere`, is the body: "the Trust")
    found: dict[str, int] = {}
    for header, rows in table_rows(text):
        # (a header may say what its figures are: "2026 (GBP per hour)"; the year before may be
        # bracketed, as accounts write it: "| 2024/25 | (2023/24) |")
        col_year = {i: m.group(1) for i, h in enumerate(header)
                    if (m := re.match(r"\(?((?:19|20)\d\d)(?![\w-])", h.strip()))}
        if len(col_year) < 2 or list(col_year.values()).count(year) != 1:
            continue
        at = next(i for i, y in col_year.items() if y == year)
        # (the question's year says the label's "year": "On the list at the year end")
        best, named = _rows_named(rows, asked_terms, {"year"})
        if len(named) == 1 and re.match(r"\s*how\s+many\b", question, re.I) \
                and re.search(r"[£$€]|\b[A-Z]{3}\s?\d", named[0][at]):
            continue  # "how many cars" counts no sum of money ("Car park: £1,860")
        if len(named) == 1 and any(v.kind == "number" for v in extract_values(named[0][at])):
            # (the table's own label counts too: "Provisional" under "Membership, a year" is
            # the member asked of "What does a provisional member pay?", not the hut's "Member")
            said = sum(any(h == a or len(a) >= 4 and h.startswith(a) for a in asked_terms)
                       for h in content_terms(header[0]) if h != "year")
            cell = re.sub(r"^(\*\*|__)(.*)\1$", r"\2", named[0][at].strip())  # (a bold total: "**£244,000**")
            if header[at].strip().startswith("("):
                cell = re.sub(r"^\((.*)\)$", r"\1", cell)  # (the year before's bracketed figure)
            found[cell] = max(found.get(cell, 0), best + said)
    top = [c for c, n in found.items() if n == max(found.values(), default=0)]
    return top[0] if len(top) == 1 else None


def dated_column_cell(question: str, text: str, asked_terms: set[str]) -> str | None:
    """A question of one date ("What did a family membership cost before 1 April 2026?", "...
    now?") over a table whose columns run to and from a day ("| Membership | To 31 March 2026 |
    From 1 April 2026 |"): the cell, in the one row whose label's words (a bracketed gloss
    aside) are all the question's, under the column whose days hold the day asked (now: the
    column running on). None when no such table, row or column is one."""
    if (window := _asked_window(question)) is None:
        return None
    lo, hi, now = window
    found: set[str] = set()
    for header, rows in table_rows(text):
        spans = {}
        for j, h in enumerate(header):
            m = re.fullmatch(r"\s*(to|until|till|up\s+to|from|since)\s+(.+?)\s*", h, re.I)
            days = [v for v in extract_values(m.group(2))] if m else []
            if m and len(days) == 1 and days[0].kind == "date" and all(days[0].key):
                day = tuple(days[0].key)
                # (a rate "to" a day is known for the year before it, not since ever: "to 31 March
                # 2026" says nothing of 2009)
                since = (day[0] - 1, day[1], day[2]) if day[1:] != (2, 29) else (day[0] - 1, 3, 1)
                spans[j] = (since, day) if m.group(1).lower() not in ("from", "since") else (day, (9999, 12, 31))
        if len(spans) < 2:
            continue
        # (columns each "from" a day run to the day before the next one's: "from 1 Oct 2022 |
        # from 1 Oct 2024" is the rate of 2023 in its first)
        froms = sorted((a, j) for j, (a, b) in spans.items() if b == (9999, 12, 31))
        for (a, j), (nxt, _) in zip(froms, froms[1:]):
            spans[j] = (a, (datetime.date(*nxt) - datetime.timedelta(days=1)).timetuple()[:3])
        cols = [j for j, (a, b) in spans.items() if (b == (9999, 12, 31) if now else a <= lo and hi <= b)]
        if len(cols) != 1:
            continue
        _, named = _rows_named(rows, asked_terms)
        if len(named) == 1 and named[0][cols[0]].strip():
            found.add(named[0][cols[0]].strip())
    return found.pop() if len(found) == 1 else None


def asked_day(question: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first and last day of the one date a question asks about (a year, a month or a
    day); None when it writes none, several, or one without a year."""
    # a season written over two years ("the 2020-21 season") is the one running over the new year
    if len(two := re.findall(r"(?<![\w-])((?:19|20)\d\d)[-/\u2013]((?:19|20)?\d\d)(?![\w-])", question)) == 1:
        first, second = int(two[0][0]), int(two[0][0][:4 - len(two[0][1])] + two[0][1])
        if second == first + 1 and not re.search(r"(?<![\w-])(?:19|20)\d\d(?![\w-])", re.sub(
                r"(?<![\w-])(?:19|20)\d\d[-/\u2013](?:19|20)?\d\d(?![\w-])", " ", question)):
            return (first, 12, 31), (second, 1, 1)
    dates = [v for v in extract_values(question) if v.kind == "date"]
    if len(dates) != 1 or not tuple(dates[0].key)[0]:
        return None
    year, month, _ = tuple(dates[0].key)
    season = re.search(rf"\b(spring|summer|autumn|fall)\s+(?:of\s+)?{year}\b", question, re.I)
    if season and not month:  # "in the summer of 2019": its months (winter runs over two years)
        first, last = _SEASONS[season.group(1).lower()]
        return (year, first, 1), (year, last, calendar.monthrange(year, last)[1])
    return _bounds(tuple(dates[0].key))


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


_ISO_MONTH = re.compile(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*")


def _month_day(cell: str) -> tuple[int, int, int] | None:
    """A cell's day, or its month's first day ("2017-05")."""
    m = _ISO_MONTH.fullmatch(cell)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    # (or written with its month's name: "Oct 1988", "14 March 2026")
    vs = extract_values(cell)
    if len(vs) == 1 and vs[0].kind == "date" and vs[0].key[0] and vs[0].key[1] and vs[0].text.strip() == cell.strip():
        return vs[0].key[0], vs[0].key[1], vs[0].key[2] or 1
    return None


def _day(cell: str) -> tuple[int, int, int] | None:
    m = _ISO_DAY.fullmatch(cell)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def table_rows(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """The pipe tables of a text: (header cells, rows of cells), rows as long as the header; a
    table written again under the same header (a chunk repeats it) adds its rows once."""
    out: dict[tuple[str, ...], list[list[str]]] = {}
    header: list[str] | None = None
    lines = text.splitlines()
    for i, line in enumerate(lines):
        s = line.strip()
        if not s.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in s.strip("|").split("|")]
        # (a row over a separator line heads a new table, where two tables meet with no line
        # between them)
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        heads = after.startswith("|") and all(re.fullmatch(r":?-{2,}:?", c.strip()) for c in after.strip("|").split("|"))
        if header is None or heads and cells != header:
            header = cells
            out.setdefault(tuple(header), [])
        elif cells == header or all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
            continue  # (the header again, where a chunk repeats it)
        elif len(cells) == len(header) and cells not in out[tuple(header)]:
            out[tuple(header)].append(cells)
    return [(list(h), rows) for h, rows in out.items()]


# "Match fee: GBP 5 (GBP 4 until 2024-08-31)": a value, then the one before it and its last day
_VALUE_UNTIL = re.compile(r"(?m)^[ \t]*(?:[-*\u2022][ \t]+)?([A-Za-z][^:\n]{2,80}):[ \t]+([^()\n;]{1,40}?)\s*"
                          r"\((?:was\s+)?([^()\n]{1,40}?)\s+(?:until|to|up\s+to|before)\s+([^()\n]{4,30})\)")


def value_until(question: str, text: str, asked_terms: set[str]) -> str | None:
    """For "What was the match fee before September 2024?" against "Match fee per player:
    GBP 5 (GBP 4 until 2024-08-31)": the value in brackets when every day asked is on or
    before its last day, the line's own when every day asked is after it (or now); the label's
    words must be the question's (two at least, half of them). None otherwise."""
    if (window := _asked_window(question)) is None:
        return None
    lo, hi, now = window
    found = set()
    for m in _VALUE_UNTIL.finditer(text):
        words = set(content_terms(m.group(1)))
        held = len(words & asked_terms)
        ends = [v.key for v in extract_values(m.group(4)) if v.kind == "date" and v.key[2]]
        if held < 2 or 2 * held < len(words) or len(ends) != 1:
            continue
        if now or lo > ends[0]:
            found.add(m.group(2).strip())
        elif hi <= ends[0]:
            found.add(m.group(3).strip())
    return found.pop() if len(found) == 1 else None


def _day_column(header: list[str], rows: list[list[str]]) -> tuple[int, list[list[tuple | None]]] | None:
    """(the one column whose every cell is one whole day, each row's cells as days or None);
    None when no column or several are."""
    keys = [[tuple(vs[0].key) if len(vs := extract_values(c)) == 1 and vs[0].kind == "date" else None
             for c in row] for row in rows]
    at = [j for j in range(len(header)) if rows and all(k[j] and all(k[j]) for k in keys)]
    return (at[0], keys) if len(at) == 1 else None


def row_on_day(question: str, text: str) -> str | None:
    """For "Which fair did we go to on 4 May 2025?": in a table with a column of days, the one
    row whose day is the whole day the question writes (in any form: "Sun 4 May 2025"), and of
    it the cell under the column the question's noun names ("Which fair"), else its name: the
    first column, past its code and its day, whose cells are words and differ from row to
    row. None when the question writes no whole day, or no row or several hold it."""
    noun = re.match(r"\s*which\s+([a-z]+)\b", question, re.I)
    days = [tuple(v.key) for v in extract_values(question) if v.kind == "date"]
    if not noun or len(days) != 1 or not all(days[0]):
        return None
    found: set[str] = set()
    for header, rows in table_rows(text):
        if not (got := _day_column(header, rows)):
            continue
        at, keys = got
        hit = [row for row, k in zip(rows, keys) if k[at] == days[0]]
        if len(hit) != 1:
            continue
        named = [j for j, h in enumerate(header) if stem(noun.group(1).lower()) in {stem(w) for w in re.findall(r"[a-z]+", h.lower())}]
        words = [j for j in range(len(header)) if j != at and all(
            re.fullmatch(r"[^\d|]*[^\W\d_]{2}[^\d|]*", row[j].strip()) for row in rows)
                 and len({row[j].strip().lower() for row in rows}) == len(rows)]
        col = named[0] if len(named) == 1 and named[0] != at else words[0] if words and not named else None
        if col is not None and hit[0][col].strip():
            found.add(hit[0][col].strip())
    return found.pop() if len(found) == 1 else None


def row_in_month(question: str, text: str, want: str) -> str | None:
    """A figure of a month's row ("How many came to the March 2026 talk?"), or its doer ("Who
    is giving the talk at the May 2027 meeting?"): in a table with a column of days, the one
    row whose day falls in the month the question writes (and no day of it), and of that row the figure under the one column
    whose header is a word of the question ("Came"), or, for "who", the one column named for a
    doer ("Speaker", "Led by"), the person before a comma ("A B, Some Society"). "" when that
    cell is empty (a meeting still to come: nothing recorded). None when no table or several
    give a cell."""
    months = [tuple(v.key) for v in extract_values(question) if v.kind == "date"]
    if len(months) != 1 or not (months[0][0] and months[0][1]) or months[0][2]:
        return None
    asked = {stem(w) for w in re.findall(r"[a-z]+", question.lower())}
    found: set[str] = set()
    for header, rows in table_rows(text):
        if not (got := _day_column(header, rows)):
            continue
        at, keys = got
        hit = [row for row, k in zip(rows, keys) if k[at][:2] == months[0][:2]]
        if len(hit) != 1:
            continue
        if want == "number":
            # (a figure column: one row at least holds a figure under it)
            cols = [j for j, h in enumerate(header) if j != at and any(re.fullmatch(r"\d[\d,]*", r[j].strip()) for r in rows)
                    and {stem(w) for w in re.findall(r"[a-z]+", h.lower())} & asked]
        else:
            cols = [j for j, h in enumerate(header) if j != at and re.search(r"[a-z](?:er|or|\sby)$", h.strip().lower())]
        if len(cols) == 1:
            cell = hit[0][cols[0]].strip()
            if want == "number" and cell and not re.fullmatch(r"\d[\d,]*", cell):
                continue
            found.add(cell if want == "number" else cell.split(",")[0].strip())
    return found.pop() if len(found) == 1 else None
