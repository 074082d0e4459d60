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


# ------------------------------------------------------------------ tables

# the rule line under a pipe table's header row (`|---|:--:|`)
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


# ------------------------------------------------------------------ code blocks

_FENCE_OPEN = re.compile(r"^\s*(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\S")
# a line a reader types at a prompt (shell, Windows shell, Python/IPython REPL)
_PROMPT = re.compile(r"^\s*(?:\$|%|>>>|PS>|[A-Z]:\\[^>]*>|In \[\d+\]:)\s")


def _indented(line: str) -> bool:
    return line.startswith(("    ", "\t"))


def code_lines(text: str, in_fence: str = "") -> tuple[list[bool], str]:
    """Which lines of `text` are code, and the fence still open at its end ("" = none).

    Code: the lines of a fenced block (``` or ~~~, the fences included; `in_fence` is the open
    fence when the text starts inside one, "?" when its mark is not known, as for a chunk cut
    from a longer block), an indented block (4 spaces or a tab after a blank line, outside a
    list; also a paragraph whose first line lost its indent and whose other lines are all
    indented), and a paragraph that opens with a prompt (`$ cmd`, `>>> expr`): the command
    and the output printed after it."""
    lines = text.split("\n")
    out = [False] * len(lines)
    fence = in_fence
    blank_before = True
    in_list = False  # the last paragraph was a list item (an indented block continues it)
    in_block = False  # an indented block or a prompt's paragraph goes on
    for i, line in enumerate(lines):
        stripped = line.strip()
        if fence:
            out[i] = True
            mark = stripped[:1]
            if mark in "`~" and stripped.startswith(mark * 3) and not stripped.strip(mark) and (
                    fence == "?" or fence[0] == mark and len(stripped) >= len(fence)):
                fence = ""
            blank_before = False
            continue
        m = _FENCE_OPEN.match(line)
        if m:
            out[i] = True
            fence = m.group(1)
            in_block = False
            continue
        if not stripped:
            blank_before = True
            in_block = in_block and i + 1 < len(lines) and _indented(lines[i + 1])
            continue
        item = bool(_LIST_ITEM.match(line))
        if in_block and (_indented(line) or not blank_before):
            out[i] = True
        elif blank_before and not item and not in_list and (
                _indented(line) or _PROMPT.match(line) or _hanging(lines, i)):
            in_block = out[i] = True
        else:
            in_block = False
            if blank_before or item:
                in_list = item or (in_list and _indented(line))
        blank_before = False
    return out, fence


def _hanging(lines: list[str], i: int) -> bool:
    """The paragraph at line i has an unindented first line and only indented lines after it
    (an indented block whose first indent was trimmed)."""
    rest = []
    for line in lines[i + 1:]:
        if not line.strip():
            break
        rest.append(line)
    return bool(rest) and all(_indented(x) for x in rest)


def without_code(text: str, in_fence: str = "") -> str:
    """`text` with its code lines (see `code_lines`) blanked: prose keeps its line breaks, and a
    code block becomes a paragraph break."""
    flags, _ = code_lines(text, in_fence)
    return "\n".join("" if code else line for line, code in zip(text.split("\n"), flags))
