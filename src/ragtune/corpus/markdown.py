"""Markdown headings, read in time linear in the line (a regex with a lazy group and optional
trailing `#`s was quadratic on long lines of `#`s and spaces)."""

from __future__ import annotations

import re

MAX_HEADING_CHARS = 1000  # a longer line is body text, not a heading

_START = re.compile(r"(#{1,6})\s")
_LINE_START_H1 = re.compile(r"^#\s", re.M)


def heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line (`## Setup ##` -> (2, "Setup")), else None."""
    if len(line) > MAX_HEADING_CHARS:
        return None
    m = _START.match(line)
    if m is None:
        return None
    text = line[m.end():].strip()
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1].isspace()):  # a closing run of #s
        text = closed.rstrip()
    return (len(m.group(1)), text) if text else None


def first_h1(text: str) -> str:
    """The text of the first `# ` heading, or ""."""
    for m in _LINE_START_H1.finditer(text):
        end = text.find("\n", m.start())
        found = heading(text[m.start(): end if end >= 0 else len(text)])
        if found:
            return found[1]
    return ""
