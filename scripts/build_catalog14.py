"""Build the catalog14 evaluation corpus: modules of this machine's Python 3.11 standard library.

    PYTHONPATH=src python scripts/build_catalog14.py snapshot [--force]  # /usr/lib/python3.11 -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog14.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog14.py check               # loader + scorer + fact checks, no model

`snapshot` reads the source of the top-level modules and packages of /usr/lib/python3.11 named in
CHOSEN with the `ast` module (nothing is imported): whether it is a package (its source then is
`__init__.py`), the first non-empty line of the module docstring, the number of source lines, the
file size in bytes, whether the module body assigns `__all__` and how many names its literal
list/tuple holds, the number of top-level classes and of top-level functions (async included),
the modules named by top-level `import` / `from ... import` statements (in order, each once;
relative imports keep their dots) and, for a package, how many `.py` files sit beside its
`__init__.py`. For the checks it also keeps the names of every top-level module and package of
the directory. Written to `evalsets/catalog14/snapshot.json` (committed; `snapshot` refuses to
overwrite it without --force).

`build` renders one markdown page per module from snapshot.json alone, `<id>.md` (the module
name lower case, `_` as `-`), titled `# <module name>`, with YAML front matter (module, kind,
defines_all) and a body in one of three layouts dealt in turn in the order of
sha256("catalog14:<id>"): `ledger` (a `| Field | Value |` table), `narrative` (prose paragraphs,
wording varied per page) or `fieldlist` (headed sections of `Label: value` bullets). Then it
generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED) and writes
test.jsonl.sha256. It refuses to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
loads the corpus with ragtune's loader, reads both splits with `load_qa`, and checks every item
(evidence, gold in evidence text and tokens, scoring verdicts, facts against the snapshot, split
separation, unanswerables absent, the sha256, the type mix).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog14"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
LIBDIR = Path("/usr/lib/python3.11")
SEED = 14

# 88 top-level modules and packages (none with a computed __all__).
CHOSEN = [
    "abc", "argparse", "ast", "base64", "bdb", "bisect", "bz2", "cProfile", "calendar", "cgi", "cmd", "code",
    "codecs", "codeop", "collections", "compileall", "configparser", "contextlib", "copy", "copyreg", "csv",
    "ctypes", "curses", "dataclasses", "datetime", "dbm", "difflib", "doctest", "email", "encodings", "ensurepip",
    "enum", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools", "genericpath", "getopt",
    "getpass", "gettext", "glob", "gzip", "heapq", "hmac", "html", "http", "imaplib", "importlib", "inspect",
    "ipaddress", "json", "keyword", "linecache", "locale", "logging", "lzma", "mailbox", "mimetypes",
    "modulefinder", "ntpath", "numbers", "opcode", "optparse", "pathlib", "pdb", "pickle", "pickletools",
    "pkgutil", "platform", "plistlib", "poplib", "posixpath", "pprint", "pstats", "pty", "py_compile", "queue",
    "reprlib", "runpy", "secrets", "selectors", "shelve", "shlex", "shutil", "smtplib", "socketserver",
]  # fmt: skip

# Top-level modules of this machine's library that are NOT catalogued (checked: their names are
# on no page), for unanswerable questions; each split takes its own.
ABSENT = ["telnetlib", "nntplib", "sunau", "xdrlib", "imghdr", "sndhdr", "mailcap", "colorsys", "netrc",
          "tabnanny", "pyclbr", "rlcompleter", "zipapp", "graphlib", "stringprep", "asynchat"]  # fmt: skip
ABSENT_SPLIT = {"dev": 4, "test": 6}

# What these pages never state about a module; the words an answer would need, none on any page.
ABSENT_FIELDS = {
    "author": ("Who is the original author of the {n} module?", ["author", "wrote", "written"]),
    "license": ("Under which license is the source of {n} distributed?", ["license", "licence"]),
    "tests": ("How many test cases does CPython's test suite have for {n}?", ["test suite", "test cases"]),
    "removal": ("In which Python release is {n} scheduled for removal?", ["removal", "scheduled"]),
    "coverage": ("What share of the lines of {n} does the test suite cover?", ["coverage", "covered", "percent"]),
    "maintainer": ("Which core developer maintains {n}?", ["maintain", "core developer", "expert"]),
    "complexity": ("What is the average cyclomatic complexity of the functions in {n}?", ["cyclomatic", "complexity"]),
    "blank": ("How many blank lines does the source of {n} contain?", ["blank", "empty line"]),
}

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
N_DEV_PAGES = 35
LAYOUTS = ("ledger", "narrative", "fieldlist")

# ------------------------------------------------------------------ reading the sources


def source_path(name: str) -> tuple[Path, bool]:
    p = LIBDIR / f"{name}.py"
    if p.is_file():
        return p, False
    return LIBDIR / name / "__init__.py", True


def read_module(name: str) -> dict:
    path, pkg = source_path(name)
    raw = path.read_bytes()
    src = raw.decode("utf-8")
    tree = ast.parse(src, filename=str(path))
    doc = ast.get_docstring(tree, clean=True)
    first = next((ln.strip() for ln in doc.splitlines() if ln.strip()), None) if doc else None
    has_all, n_all = False, None
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            if isinstance(node, ast.AugAssign) or not isinstance(node.value, (ast.List, ast.Tuple)):
                sys.exit(f"{name}: __all__ is computed; not catalogued")
            has_all, n_all = True, len(node.value.elts)
    imports = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            imports += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            imports.append("." * node.level + (node.module or ""))
    rec = {"name": name, "package": pkg, "file": str(path.relative_to(LIBDIR)), "doc": first,
           "lines": len(src.splitlines()), "size": len(raw), "has_all": has_all, "all_count": n_all,
           "classes": sum(isinstance(n, ast.ClassDef) for n in tree.body),
           "functions": sum(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) for n in tree.body),
           "imports": list(dict.fromkeys(imports))}  # fmt: skip
    if pkg:
        rec["submodules"] = sum(1 for p in path.parent.glob("*.py") if p.name != "__init__.py")
    return rec


def scan() -> dict:
    everything = sorted({p.stem for p in LIBDIR.glob("*.py")} |
                        {p.name for p in LIBDIR.iterdir() if (p / "__init__.py").is_file()})
    recs = [read_module(n) for n in CHOSEN]
    recs.sort(key=lambda r: r["name"].lower())
    return {"source": f"{LIBDIR} (Python 3.11 standard library, read with ast)", "modules": everything,
            "records": recs}


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return r["name"].lower().replace("_", "-")


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog14:{salt}{key}".encode()).hexdigest(), 16)


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def kind_word(r: dict) -> str:
    return "package" if r["package"] else "module"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def front_matter(r: dict) -> str:
    return ("---\n" f"module: {json.dumps(r['name'])}\n" f"kind: {json.dumps(kind_word(r))}\n"
            f"defines_all: {json.dumps('yes' if r['has_all'] else 'no')}\n" "---\n")  # fmt: skip


def render(r: dict) -> str:
    n, kind, w = r["name"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    im = r["imports"]
    if kind == "ledger":
        rows = [("Module name", n), ("Kind", "package" if r["package"] else "module (a single file)"),
                ("Source file", r["file"]), ("Docstring (first line)", r["doc"] or "no module docstring"),
                ("Source lines", str(r["lines"])), ("File size (bytes)", str(r["size"])),
                ("Defines `__all__`", "yes" if r["has_all"] else "no"),
                ("Names listed in `__all__`", str(r["all_count"]) if r["has_all"] else "not applicable (no `__all__`)"),
                ("Top-level classes", str(r["classes"])), ("Top-level functions", str(r["functions"])),
                ("Modules imported at top level", str(len(im))), ("Imported modules", ", ".join(im) if im else "none")]
        if r["package"]:
            rows.append(("Other .py files in the package", str(r["submodules"])))
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b.replace('|', '/')} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Identity", f"- Name: {n}", f"- Type: {kind_word(r)}", f"- Path: {r['file']}",
               f"- Summary line: {r['doc'] or '(no docstring)'}",
               "", "## Size", f"- Line count: {r['lines']}", f"- Bytes on disk: {r['size']}"]
        if r["package"]:
            out.append(f"- Sibling modules beside __init__.py: {r['submodules']}")
        out += ["", "## Contents",
                f"- Public-name list (__all__): {plural(r['all_count'], 'entry', 'entries') if r['has_all'] else 'absent'}",
                f"- Classes at module level: {r['classes']}", f"- Functions at module level: {r['functions']}",
                "", "## Dependencies", f"- Top-level import count: {len(im)}"]  # fmt: skip
        out += [f"- Imports: {x}" for x in im] or ["- Imports: (none)"]
        return head + "\n".join(out) + "\n"
    # narrative
    p1 = [(f"{n} is a {kind_word(r)} of the Python 3.11 standard library, read from {r['file']}.",
           f"The standard-library {kind_word(r)} {n} (source file {r['file']}) is described here.",
           f"In Python 3.11, the file {r['file']} holds the {kind_word(r)} {n}.")[w % 3]]
    p1.append(f"Its docstring opens with the line \"{r['doc']}\"." if r["doc"] else "It has no module docstring.")
    if r["package"]:
        p1.append(f"Beside its __init__.py the package directory holds {plural(r['submodules'], 'other .py file')}.")
    p2 = [(f"The source is {r['lines']} lines long and takes {r['size']} bytes.",
           f"It runs to {r['lines']} source lines ({r['size']} bytes on disk).")[w % 5 % 2],
          (f"It defines __all__, which lists {plural(r['all_count'], 'name')}." if r["has_all"]
           else "It does not define __all__."),
          f"At module level it defines {plural(r['classes'], 'class', 'classes')} and {plural(r['functions'], 'function')}."]
    if im:
        p3 = f"Its top-level imports name {plural(len(im), 'module')}: {and_list(im)}."
    else:
        p3 = "It imports no modules at top level (0 modules)."
    return head + "\n\n".join([" ".join(p1), " ".join(p2), p3]) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's library again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(snap['modules'])} top-level modules; {len(snap['records'])} records")


# ------------------------------------------------------------------ questions


def _atok(s: str) -> list[str]:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def split_pages(recs: list[dict]) -> dict[str, str]:
    ids = sorted((r["name"] for r in recs), key=lambda x: _h(x, "split"))
    return {x: ("dev" if i < N_DEV_PAGES else "test") for i, x in enumerate(ids)}


def import_golds(r: dict) -> list[str]:
    """Any absolute top-level import is right, except one that repeats the module's own name."""
    return [x for x in r["imports"] if not x.startswith(".") and not _contains(_atok(x), _atok(r["name"]))]


SINGLE = {
    "lines": (["How many source lines does the {n} module have?", "How long is the source of {n}, in lines?"],
              lambda r: [str(r["lines"])]),
    "size": (["What is the file size of the {n} source, in bytes?", "How many bytes does the source file of {n} take?"],
             lambda r: [str(r["size"])]),
    "allcount": (["How many names does __all__ list in {n}?", "How many entries has the __all__ of {n}?"],
                 lambda r: [str(r["all_count"])]),
    "classes": (["How many top-level classes does {n} define?", "How many classes are defined at module level in {n}?"],
                lambda r: [str(r["classes"])]),
    "functions": (["How many top-level functions does {n} define?", "How many module-level functions are there in {n}?"],
                  lambda r: [str(r["functions"])]),
    "nimports": (["How many modules does {n} import at top level?", "How many modules do the top-level imports of {n} name?"],
                 lambda r: [str(len(r["imports"]))]),
    "import": (["Name one module that {n} imports at top level.", "Give one module imported at the top of {n}."],
               import_golds),
    "submodules": (["How many .py files besides __init__.py does the {n} package directory hold?"],
                   lambda r: [str(r["submodules"])]),
}  # fmt: skip


def doc_usable(r: dict, limit: int) -> bool:
    d = r["doc"]
    return bool(d) and len(d) <= limit and '"' not in d and len(_atok(d)) >= 3 and not _contains(_atok(d), _atok(r["name"]))


def single_ok(r: dict, k: str) -> bool:
    if k == "allcount":
        return r["has_all"] and r["all_count"] > 0
    if k in ("classes", "functions"):
        return r[k] > 0
    if k == "nimports":
        return len(r["imports"]) >= 2
    if k == "import":
        return bool(import_golds(r))
    if k == "submodules":
        return r["package"] and r["submodules"] > 0
    return True


HOP = {"lines": "how many source lines does it have?", "classes": "how many top-level classes does it define?",
       "functions": "how many top-level functions does it define?",
       "nimports": "how many modules does it import at top level?", "allcount": "how many names does its __all__ list?",
       "size": "how many bytes is its source file?"}
CMP = {
    "more-lines": ("Which of {a} and {b} has more source lines?", lambda r: r["lines"], max),
    "fewer-lines": ("Which module is shorter in source lines, {a} or {b}?", lambda r: r["lines"], min),
    "larger-file": ("Which of {a} or {b} has the larger source file in bytes?", lambda r: r["size"], max),
    "more-classes": ("Which of {a} and {b} defines more top-level classes?", lambda r: r["classes"], max),
    "more-functions": ("Which of {a} or {b} defines more top-level functions?", lambda r: r["functions"], max),
    "more-imports": ("Which of {a} and {b} imports more modules at top level?", lambda r: len(r["imports"]), max),
    "package-which": ("Which of {a} or {b} is a package?", lambda r: r["package"], max),
    "all-which": ("Which of {a} and {b} defines __all__?", lambda r: r["has_all"], max),
}  # fmt: skip
COND = {
    "package": (lambda r: r["package"], "is a package", "is a single-file module"),
    "all": (lambda r: r["has_all"], "defines __all__", "does not define __all__"),
    "noclass": (lambda r: r["classes"] == 0, "defines no top-level class", "defines at least one top-level class"),
    "nofunc": (lambda r: r["functions"] == 0, "defines no top-level function", "defines at least one top-level function"),
    "big": (lambda r: r["lines"] >= 1000, "has at least 1000 source lines", "has fewer than 1000 source lines"),
    "re": (lambda r: "re" in r["imports"], "imports re at top level", "does not import re at top level"),
    "os": (lambda r: "os" in r["imports"], "imports os at top level", "does not import os at top level"),
    "nodoc": (lambda r: not r["doc"], "has no module docstring", "has a module docstring"),
    "many": (lambda r: len(r["imports"]) >= 8, "imports at least 8 modules at top level",
             "imports fewer than 8 modules at top level"),
}


def cond_text(c: str, v: bool) -> str:
    return COND[c][1] if v else COND[c][2]


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    did = {r["name"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    doc_owner = Counter(r["doc"] for r in recs)
    imp_owner = Counter(x for r in recs for x in r["imports"])
    absent = list(ABSENT)
    rnd.shuffle(absent)
    absent_by = {"dev": absent[: ABSENT_SPLIT["dev"]], "test": absent[ABSENT_SPLIT["dev"]: ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}
    # a name whose tokens lie inside another catalogued name is never a reverse or filter gold
    inside = {n for n in by for o in by if o != n and _contains(_atok(o), _atok(n))}
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()  # (page, field)
        subj: set[str] = set()
        items = out[s]

        def add(q, answers, typ, ev, kind, **kw):
            it = {"question": q, "answers": answers, "type": typ, "evidence": ev}
            if "options" in kw:
                it["options"] = kw.pop("options")
            it["kind"] = kind
            it.update(kw)
            items.append(it)

        # single hop: cycle kinds over pages
        kinds = list(SINGLE)
        ki = 0
        for n in names:
            if sum(i["type"] == "single_hop" for i in items) >= want["single_hop"]:
                break
            r = by[n]
            for _ in range(len(kinds)):
                k = kinds[ki % len(kinds)]
                ki += 1
                if single_ok(r, k):
                    tpl = SINGLE[k][0][_h(n, k) % len(SINGLE[k][0])]
                    add(tpl.format(n=n), SINGLE[k][1](r), "single_hop", [did[n]], k)
                    used.add((n, k))
                    subj.add(n)
                    break
        # multi hop: docstring line (unique to one page) -> module -> field
        hk = list(HOP)
        for n in names:
            if sum(i["type"] == "multi_hop" for i in items) >= want["multi_hop"]:
                break
            r = by[n]
            if n in subj or not doc_usable(r, 90) or doc_owner[r["doc"]] != 1:
                continue
            for k in hk:
                if single_ok(r, k) and (n, k) not in used:
                    add(f"The module whose docstring begins \"{r['doc']}\": {HOP[k]}", SINGLE[k][1](r), "multi_hop",
                        [did[n]], "hop-" + k, value=r["doc"], field=k)
                    used.update({(n, k), (n, "doc")})
                    subj.add(n)
                    hk.append(hk.pop(hk.index(k)))
                    break
        # reverse: a docstring line or a top-level import unique to one page
        for n in names:
            if sum(i["type"] == "reverse" for i in items) >= want["reverse"]:
                break
            r = by[n]
            if (n, "doc") in used or n in inside:
                continue
            uniq = [x for x in r["imports"] if imp_owner[x] == 1 and not x.startswith(".")
                    and not _contains(_atok(x), _atok(n)) and not _contains(_atok(n), _atok(x))]
            if doc_usable(r, 90) and doc_owner[r["doc"]] == 1 and _h(n, "rv") % 3:
                add(rnd.choice(["Which module's docstring begins \"{v}\"?", "Which standard-library entry has the docstring line \"{v}\"?"]).format(v=r["doc"]),
                    [n], "reverse", [did[n]], "reverse-doc", value=r["doc"])
                used.add((n, "doc"))
            elif uniq and (n, "import") not in used:
                x = uniq[_h(n, "ri") % len(uniq)]
                add(f"Which catalogued module is the only one to import {x} at top level?", [n], "reverse", [did[n]],
                    "reverse-import", value=x)
                used.add((n, "import"))
        # comparisons
        ck = list(CMP)
        tries = 0
        while sum(i["type"] == "comparison" for i in items) < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            a, b = rnd.sample(names, 2)
            tpl, f, pick = CMP[k]
            fa, fb = f(by[a]), f(by[b])
            fld = k.split("-")[1] if not k.endswith("-which") else k
            if fa == fb or (a, "cmp-" + fld) in used or (b, "cmp-" + fld) in used:
                continue
            if _contains(_atok(a), _atok(b)) or _contains(_atok(b), _atok(a)):
                continue
            win = a if pick(fa, fb) == fa else b
            add(tpl.format(a=a, b=b), [win], "comparison", [did[a], did[b]], k, options=[a, b], target=win)
            used.update({(a, "cmp-" + fld), (b, "cmp-" + fld)})
        # filters: among all 88 (two conditions) and among four listed candidates
        n_among = 2 if s == "dev" else 4
        pairs = [(c1, v1, c2, v2) for c1 in COND for c2 in COND if c1 < c2 for v1 in (True, False) for v2 in (True, False)]
        rnd.shuffle(pairs)
        for c1, v1, c2, v2 in pairs:
            if sum(i["kind"] == "filter" for i in items) >= want["filter"] - n_among:
                break
            m1 = [r for r in recs if COND[c1][0](r) == v1]
            m2 = [r for r in recs if COND[c2][0](r) == v2]
            both = [r for r in m1 if r in m2]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1 or sp[both[0]["name"]] != s:
                continue
            w = both[0]["name"]
            if w in inside or (w, "filter-" + c1) in used or (w, "filter-" + c2) in used:
                continue
            add(f"Which module in this catalogue {cond_text(c1, v1)} and {cond_text(c2, v2)}?", [w], "filter",
                [did[w]], "filter", where={c1: v1, c2: v2}, candidates=[w])
            used.update({(w, "filter-" + c1), (w, "filter-" + c2)})
        tries = 0
        while sum(i["type"] == "filter" for i in items) < want["filter"] and tries < 5000:
            tries += 1
            c = list(COND)[tries % len(COND)]
            v = bool(tries % 2)
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if COND[c][0](by[x]) == v]
            if len(hits) != 1 or hits[0] in inside or any((x, "filter-" + c) in used for x in cands):
                continue
            if cands[-1] == hits[0]:  # the gold is never listed last ("A, B, C and <gold>" copies the question's run)
                cands[0], cands[-1] = cands[-1], cands[0]
            if any(_contains(_atok(x), _atok(y)) for x in cands for y in cands if x != y):
                continue
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these modules {c}: {l}?"])
            add(q.format(l=", ".join(cands), c=cond_text(c, v)), [hits[0]], "filter", [did[hits[0]]], "filter-among",
                options=cands, where={c: v}, candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
        # unanswerables
        for m in absent_by[s]:
            k = ["lines", "classes", "functions", "nimports", "size", "allcount"][_h(m, "ab") % 6]
            add(SINGLE[k][0][0].format(n=m), [], "unanswerable", [], "absent-module", module=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while sum(it["type"] == "unanswerable" for it in items) < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            add(ABSENT_FIELDS[f][0].format(n=n), [], "unanswerable", [], "absent-field", field=f, module=n)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c14-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    clash = [k for k, c in Counter(doc_id(r) for r in recs).items() if c > 1]
    if clash:
        sys.exit(f"ids chosen twice: {clash}")
    exists = (CORPUS.exists() and any(CORPUS.rglob("*.md"))) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in CORPUS.rglob("*.md") if CORPUS.exists() else []:
        old.unlink()
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, items in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(items), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(recs)} pages; layouts {dict(Counter(layout(r) for r in recs))}")
    for s, items in qs.items():
        print(f"{s}: {len(items)} {dict(Counter(it['type'] for it in items))} {dict(Counter(it['kind'] for it in items))}")


# ------------------------------------------------------------------ check


def report(results: list[tuple[str, list[str]]]) -> int:
    fails = 0
    for name, bad in results:
        print(("PASS " if not bad else "FAIL ") + name)
        for b in bad[:20]:
            print("     ", b)
        fails += bool(bad)
    print(f"{len(results) - fails}/{len(results)} checks pass")
    return 1 if fails else 0


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    did = {r["name"]: doc_id(r) for r in recs}
    name_of = {v: k for k, v in did.items()}
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {str(p.relative_to(CORPUS)): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages)} pages)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    bad = [f"{r['name']}: not CHOSEN" for r in recs if r["name"] not in CHOSEN]
    bad += [f"{n}: CHOSEN but no record" for n in CHOSEN if n not in by]
    bad += [f"{r['name']}: not in the module index" for r in recs if r["name"] not in snap["modules"]]
    bad += [f"{r['name']}: id clash" for r in recs if sum(did[x] == did[r["name"]] for x in did) > 1]
    bad += [f"{r['name']}: file {r['file']} does not fit kind" for r in recs
            if r["file"] != (f"{r['name']}/__init__.py" if r["package"] else f"{r['name']}.py")]
    bad += [f"{r['name']}: __all__ fields" for r in recs if r["has_all"] != (r["all_count"] is not None)]
    bad += [f"{r['name']}: submodules" for r in recs if r["package"] != ("submodules" in r)]
    bad += [f"{r['name']}: imports repeated" for r in recs if len(set(r["imports"])) != len(r["imports"])]
    results.append((f"records are the CHOSEN modules ({len(recs)}), in the module index, ids unique, fields consistent", bad))
    # 2. the corpus
    files, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i, d in docs.items() if i not in set(did.values())]
    bad += [n for n in by if did[n] not in docs or docs[did[n]].title != n or docs[did[n]].metadata.get("module") != n]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their module", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for n, r in by.items():
        t = low[did[n]]
        vals = [n, r["file"], kind_word(r), str(r["lines"]), str(r["size"]), str(r["classes"]), str(r["functions"]),
                str(len(r["imports"]))] + r["imports"]
        vals += [x for x in (r["doc"],) if x] + ([str(r["all_count"])] if r["has_all"] else [])
        vals += [str(r["submodules"])] if r["package"] else []
        bad += [f"{n}: {v!r} not in the body" for v in vals if v.lower() not in t]
    results.append(("every field of the record is stated in its page body", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= 28 else ["uneven"]))
    # 3. the QA files
    items, rows, bad = {}, {}, []
    for s in ("dev", "test"):
        try:
            rows[s] = [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    results.append(("every line parses and load_qa reads both splits with the corpus ids", bad))
    if bad:
        return report(results)
    idb, gold_in, gold_ok, cmpw, abst = [], [], [], [], []
    ids = Counter(it.id for s in items for it in items[s])
    idb += [f"{i} twice" for i, c in ids.items() if c > 1]
    for s in items:
        for it in items[s]:
            if not re.fullmatch(rf"c14-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("argparse.", "256.", "It has 12 classes.", "Guido van Rossum", "2"):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            for g in it.answers:
                if not any(g.lower() in low[e] for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence text")
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            g0 = it.answers[0]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and it.meta.get("kind") == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                others = [o for o in it.options if o != g0]
                for w in others:
                    for t in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, t, False):
                            cmpw.append(f"{it.id}: {t!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            if it.type in ("reverse", "filter"):
                cmpw += [f"{it.id}: {o} scores correct" for o in by if o != g0 and is_correct(it, o, False)]
    results += [("ids c14-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page (case-insensitive text and accuracy tokens)", gold_in),
                ("every gold scores correct alone and in a sentence; no bare yes/no gold; count + 1 scores wrong", gold_ok),
                ("wrong options, hedges and other modules' names score wrong; filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 4. facts against the snapshot
    facts = []
    for s in rows:
        for r in rows[s]:
            k = r["kind"]
            if r["type"] == "single_hop" or k.startswith("hop-"):
                n = name_of[r["evidence"][0]]
                f = r.get("field", k)
                if r["answers"] != SINGLE[f][1](by[n]):
                    facts.append(f"{r['id']}: gold differs from the snapshot")
                if k.startswith("hop-") and (by[n]["doc"] != r["value"] or sum(x["doc"] == r["value"] for x in recs) != 1):
                    facts.append(f"{r['id']}: docstring line not unique to its page")
            elif k == "reverse-doc":
                if [x for x in by if by[x]["doc"] == r["value"]] != r["answers"]:
                    facts.append(f"{r['id']}: docstring owner")
            elif k == "reverse-import":
                if [x for x in by if r["value"] in by[x]["imports"]] != r["answers"]:
                    facts.append(f"{r['id']}: import owner")
            elif r["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = r["options"]
                if f(by[a]) == f(by[b]) or r["answers"] != [a if pick(f(by[a]), f(by[b])) == f(by[a]) else b]:
                    facts.append(f"{r['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(COND[c][0](by[x]) == v for c, v in r["where"].items())]
                each = [sum(COND[c][0](x) == v for x in recs) for c, v in r["where"].items()]
                if hit != r["answers"] or min(each) < 2:
                    facts.append(f"{r['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = r["where"].items()
                if [x for x in r["candidates"] if COND[c][0](by[x]) == v] != r["answers"]:
                    facts.append(f"{r['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, docstring and import owners, winners, filters)", facts))
    # 5. split separation, unanswerables
    sp = split_pages(recs)

    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r["evidence"]) | {did[c] for c in r.get("candidates", [])}
            out |= {did[o] for o in r.get("options", [])}
            if r["kind"] == "absent-field":
                out.add(did[r["module"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[name_of[p]] != s]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ab = {s: {r.get("module") for r in rows[s] if r["kind"] == "absent-module"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    results.append(("no page asked about in both splits, no absent module in both, no question repeated", sep))
    corpus_low = "\n".join(low.values())
    ctoks = set(answer_tokens(corpus_low))
    ctok_list = answer_tokens(corpus_low)
    un = []
    for m in ABSENT:
        if m in CHOSEN or m not in snap["modules"] or contains_tokens(ctok_list, answer_tokens(m)) or m in corpus_low:
            un.append(f"ABSENT {m}: catalogued, not in the library, or on a page")
    for f, (_, words) in ABSENT_FIELDS.items():
        for wd in words:
            if (" " in wd and wd in corpus_low) or wd in ctoks or any(t.startswith(wd) for t in ctoks):
                un.append(f"ABSENT_FIELDS {f}: the corpus holds {wd!r}")
    for s in rows:
        for r in rows[s]:
            if r["kind"] == "absent-module" and (r["module"] not in ABSENT or r["module"] not in r["question"]):
                un.append(r["id"])
            if r["kind"] == "absent-field" and (r["field"] not in ABSENT_FIELDS or r["module"] not in by):
                un.append(r["id"])
    results.append(("unanswerables: absent modules' names on no page; absent fields' words on no page", un))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(it.type for it in items[s])) for s in items}
    results.append((f"split sizes and type mix (dev {len(items['dev'])}, test {len(items['test'])})",
                    [f"{s}: {counts[s]} != {WANT[s]}" for s in WANT if counts[s] != WANT[s]]))
    return report(results)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["snapshot", "build", "check"])
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    if a.cmd == "snapshot":
        snapshot(a.force)
        return 0
    if a.cmd == "build":
        build(a.force)
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
