"""Nothing outside the synthetic world may know the world's wording.

The vocabulary is derived from `src/ragtune/world/` at test time, never hand-written here:
- relation identifiers: the keys of the world's template and label tables (`works_for`, ...);
- template phrases: the literal text between the `{slots}` of every format template in the
  world's tables (statement, question, news and table templates), as phrases of 2-3 words and the 3-word
  windows of longer ones, each with a content word;
- name lists: public module-level lists and tuples of words in world/ (the sequences the world
  draws industries, roles, kinds and name parts from; sets of English stop words are not);
  a directory fails when one file uses 3 items of the same list;
- generated names: the entity names of the tiny and small worlds (seed 0), the ones tests,
  RESULTS and the demo use.
Each directory listed in SCANNED must contain none of it (code, comments or docstrings).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from functools import lru_cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "ragtune"
WORLD = SRC / "world"
SCANNED = ["strategies", "finetune"]
_STOP = set(
    "a an the of in on at to for from by with and or is are was were be been being do does did "
    "what which who whom whose when where why how that this these those it its as into than then "
    "there their they he she his her him we you your our not no yes can could would should will "
    "has have had about over under after before according one".split()
)

# modifiers too common to make a phrase world-specific on their own ("the first")
_GENERIC = {"first", "last", "new", "more", "most", "other", "same", "each", "name", "kind", "type"}


def _table_strings(tree: ast.Module) -> list[str]:
    """String constants inside the module-level tables (dicts, lists, tuples), not docstrings."""
    out = []
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, (ast.Dict, ast.List, ast.Tuple)):
            out += [n.value for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


@lru_cache(maxsize=1)
def world_vocabulary() -> dict[str, set]:
    identifiers: set[str] = set()
    phrases: set[str] = set()
    lists: list[set[str]] = []
    for path in sorted(WORLD.glob("*.py")):
        tree = ast.parse(path.read_text())
        for node in tree.body:  # module-level tables and word lists (private helpers excluded)
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            if any(isinstance(t, ast.Name) and t.id.startswith("_") for t in targets):
                continue
            if isinstance(value, ast.Dict):
                identifiers |= {k.value for k in value.keys
                                if isinstance(k, ast.Constant) and isinstance(k.value, str)
                                and re.fullmatch(r"[a-z]+_[a-z_]+", k.value)}
            if isinstance(value, (ast.List, ast.Tuple)):  # the sequences names are drawn from
                items = {e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                items = {i for i in items if len(i) >= 4}
                if len(items) >= 5:
                    lists.append(items)
        for s in _table_strings(tree):
            if not re.search(r"\{[a-z_]*\}", s):  # format templates only
                continue
            for segment in re.split(r"\{[^{}]*\}", s):
                toks = _words(segment)
                if len(toks) >= 2 and any(t not in _STOP and t not in _GENERIC for t in toks):
                    if len(toks) <= 3:
                        phrases.add(" ".join(toks))
                    for i in range(len(toks) - 2):
                        window = toks[i:i + 3]
                        if any(t not in _STOP and t not in _GENERIC for t in window):
                            phrases.add(" ".join(window))
    return {"identifiers": identifiers, "phrases": phrases, "lists": lists, "names": _world_names()}


def _world_names() -> set[str]:
    """Names the tiny and small worlds (seed 0) generate: full names and their name stems."""
    from ragtune.world.generate import _rng
    from ragtune.world.graph import SIZES, build_graph
    from ragtune.world.names import NameForge

    out: set[str] = set()
    for size in ("tiny", "small"):
        rng = _rng(0, "graph")  # as world.generate.build draws it
        graph = build_graph(rng, SIZES[size], NameForge(rng))
        names = [e.name for e in graph.entities.values()]
        names += [n for fake in graph.fake.values() for n in fake]
        for name in names:
            out.add(name)
            out |= {w for w in name.split() if len(w) >= 5 and not w.isdigit()}
    return out


def _source(path: Path) -> str:
    """Code, comments and strings of a file as one lower-case word stream."""
    return " ".join(_words(path.read_text()))


def _comment_and_code(path: Path) -> str:
    text = path.read_text()
    return text + " ".join(t.string for t in tokenize.generate_tokens(io.StringIO(text).readline)
                           if t.type == tokenize.COMMENT)


def test_the_vocabulary_is_derived_from_the_world():
    vocab = world_vocabulary()
    # sanity: the derivation finds what the world writes (not a hand-written list)
    assert len(vocab["identifiers"]) >= 10
    assert len(vocab["phrases"]) >= 50
    assert len(vocab["lists"]) >= 3
    assert len(vocab["names"]) >= 50


@pytest.mark.parametrize("folder", SCANNED)
def test_no_world_vocabulary(folder):
    vocab = world_vocabulary()
    problems = []
    for path in sorted((SRC / folder).rglob("*.py")):
        raw = _comment_and_code(path)
        flat = " " + _source(path) + " "
        rel = path.relative_to(SRC)
        problems += [f"{rel}: relation id {i!r}" for i in sorted(vocab["identifiers"])
                     if re.search(rf"\b{re.escape(i)}\b", raw)]
        problems += [f"{rel}: template phrase {p!r}" for p in sorted(vocab["phrases"])
                     if f" {p} " in flat]
        for items in vocab["lists"]:
            used = sorted(i for i in items if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", raw))
            if len(used) >= 3:
                problems.append(f"{rel}: name list items {used}")
        problems += [f"{rel}: world name {n!r}" for n in sorted(vocab["names"])
                     if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", raw)]
    assert not problems, "\n".join(problems)
