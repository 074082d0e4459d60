"""Dated sequences: a page that lists versions under dated headings (a changelog, a release
history) read as a timeline, so "which release was the newest when X", "the first release
after X", "the release just before V" and "the release that came out while X" are answered by
placing X's date on it rather than by a span the model happens to prefer.

Pure functions; the agent finds the timeline's page and the event's date in its evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ragtune.strategies.values import Value, extract_values

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
