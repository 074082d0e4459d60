"""Training-data synthesis may not know the synthetic world's wording (issue 14, item 3).

Scans `src/ragtune/finetune/` and the synthesis core (`corpus/english.py`, `corpus/clauses.py`,
`corpus/questions.py`: code, comments and docstrings) for vocabulary derived from
`src/ragtune/world/` at test time, never written down here:
- relation identifiers: snake_case keys of the world's tables (`works_for`, ...);
- template phrases: 3-word windows (with a content word) of the English text between the
  `{slots}` of every format string in world/ (statements, questions, news, table cells);
- name lists: module-level lists of 5+ words in world/ (industries, roles, product kinds, name
  parts); a file fails when it uses 3 items of one list;
- generated names: the entity names of the tiny and small worlds (seed 0).
strategies/ is scanned the same way by the agentic pipeline's test.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "ragtune"
SCANNED = sorted((SRC / "finetune").rglob("*.py")) + [
    SRC / "corpus" / name for name in ("english.py", "clauses.py", "questions.py")]
# English function words: a phrase made only of these is not world wording
_STOP = set(
    "a an the of in on at to for from by with and or is are was were be been being do does did "
    "what which who whom whose when where why how that this these those it its as into than then "
    "there their they he she his her him we you your our not no yes can could would should will "
    "has have had about over under after before one first last new name kind type year".split()
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def _world_names() -> set[str]:
    from ragtune.world.generate import _rng
    from ragtune.world.graph import SIZES, build_graph
    from ragtune.world.names import NameForge

    out: set[str] = set()
    for size in ("tiny", "small"):
        rng = _rng(0, "graph")
        graph = build_graph(rng, SIZES[size], NameForge(rng))
        names = [e.name for e in graph.entities.values()]
        names += [n for fake in graph.fake.values() for n in fake]
        for name in names:
            out.add(name)
            out |= {w for w in name.split() if len(w) >= 5 and not w.isdigit()}
    return out


@lru_cache(maxsize=1)
def world_vocabulary() -> dict:
    identifiers: set[str] = set()
    phrases: set[str] = set()
    lists: list[set[str]] = []
    for path in sorted((SRC / "world").glob("*.py")):
        if path.name == "gold.py":
            continue  # the checker of machine-written items, not the world's wording
        tree = ast.parse(path.read_text())
        for node in tree.body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            if isinstance(value, ast.Dict):
                identifiers |= {k.value for k in value.keys if isinstance(k, ast.Constant)
                                and isinstance(k.value, str) and re.fullmatch(r"[a-z]+_[a-z_]+", k.value)}
            if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
                items = {e.value for e in value.elts if isinstance(e, ast.Constant)
                         and isinstance(e.value, str) and len(e.value) >= 4
                         and e.value.lower() not in _STOP}
                if len(items) >= 5 and sorted(len(i) for i in items)[len(items) // 2] > 4:
                    lists.append(items)  # words, not name syllables ("holm", "wick")
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            s = node.value
            if "{" not in s or " " not in s or "\n" in s or "(" in s:
                continue  # English templates only (not docstrings or code in examples)
            for segment in re.split(r"\{[^{}]*\}", s):
                toks = _words(segment)
                for i in range(max(0, len(toks) - 2)):
                    window = toks[i : i + 3]
                    if any(t not in _STOP for t in window):
                        phrases.add(" ".join(window))
                if 2 <= len(toks) < 3 and any(t not in _STOP for t in toks):
                    phrases.add(" ".join(toks))
    return {"identifiers": identifiers, "phrases": phrases, "lists": lists, "names": _world_names()}


def test_the_vocabulary_is_derived_from_the_world():
    vocab = world_vocabulary()
    assert len(vocab["identifiers"]) >= 10
    assert len(vocab["phrases"]) >= 50
    assert len(vocab["lists"]) >= 3
    assert len(vocab["names"]) >= 50


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(p.relative_to(SRC)))
def test_no_world_vocabulary_in_training_data_synthesis(path):
    vocab = world_vocabulary()
    raw = path.read_text()
    flat = " " + " ".join(_words(raw)) + " "
    problems = [f"relation id {i!r}" for i in sorted(vocab["identifiers"])
                if re.search(rf"\b{re.escape(i)}\b", raw)]
    problems += [f"template phrase {p!r}" for p in sorted(vocab["phrases"]) if f" {p} " in flat]
    for items in vocab["lists"]:
        used = sorted(i for i in items if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", raw))
        if len(used) >= 3:
            problems.append(f"name list items {used}")
    problems += [f"world name {n!r}" for n in sorted(vocab["names"])
                 if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", raw)]
    assert not problems, "\n".join(problems)
