"""Build the catalog38 evaluation corpus: Python 3.11's exception classes (builtins and some standard-library modules).

    PYTHONPATH=src python scripts/build_catalog38.py snapshot [--force]  # import the modules -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog38.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog38.py check               # loader + scorer + fact checks, no imports

`snapshot` asks this machine's Python (the interpreter that runs it, 3.11.7): every exception and warning class bound in
`builtins`, and the standard-library classes listed in STDLIB, imported from their modules. For each it keeps the
defining module and qualified name, the direct bases (`__bases__`), the ancestors (`__mro__`), the first paragraph of
its own docstring, its own public attributes and methods (C classes: the data descriptors and methods in the class's
own `__dict__`; Python classes: `ast` of the class source, `self.<name> = ...` stores, class-level names and
properties), the other names it is bound to in ALIAS_MODULES, and for every errno name of the `errno` module its
number, `os.strerror` text and the class `OSError(number, ...)` turns into; the first docstring line and number of
public names of each defining module. Written to `evalsets/catalog38/snapshot.json` (committed; `snapshot` refuses to
overwrite it without --force).

`build` turns the snapshot into one record per catalogued class, renders one markdown page per class,
`<branch>/<class>.md` (folders by the branch below Exception the class's first-base chain runs through), with YAML
front matter and one of three layouts dealt in turn in the order of sha256("catalog38:layout<class>") within each
split: `sheet` (a `| Field | Value |` table), `card` (headed sections of `- Label: value` bullets) or `prose`
(paragraphs whose sentences vary per page). It writes two registers the pages point at, `errno.csv` (one row per errno
name a page names) and `modules.csv` (one row per defining module), and generates dev.jsonl and test.jsonl (seed
SEED), then test.jsonl.sha256.

`check` reads only the snapshot and the committed files (it imports none of the catalogued modules): renders and
generates again and compares byte for byte, loads the corpus with ragtune's loader, reads both splits with `load_qa`,
checks evidence, gold text and tokens, scoring verdicts, facts against the snapshot, split separation, that left-out
classes and absent fields are on no page, the sha256 and the type mix; prints PASS/FAIL per check and exits 1 on a
failure.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog38"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 38
PREFIX = "c38"

# Standard-library exception classes: (module to import, attribute). Every base of a catalogued class is catalogued.
STDLIB = [
    ("json.decoder", "JSONDecodeError"),
    ("subprocess", "SubprocessError"), ("subprocess", "CalledProcessError"), ("subprocess", "TimeoutExpired"),
    ("zipfile", "BadZipFile"), ("zipfile", "LargeZipFile"),
    ("configparser", "Error"), ("configparser", "NoSectionError"), ("configparser", "NoOptionError"),
    ("configparser", "DuplicateSectionError"),
    ("http.client", "HTTPException"), ("http.client", "BadStatusLine"), ("http.client", "RemoteDisconnected"),
    ("http.client", "IncompleteRead"),
    ("shutil", "Error"), ("shutil", "SameFileError"),
    ("urllib.error", "URLError"),
    ("tarfile", "TarError"), ("tarfile", "ReadError"),
    ("pickle", "PickleError"), ("pickle", "PicklingError"), ("pickle", "UnpicklingError"),
    ("asyncio.exceptions", "CancelledError"), ("asyncio.exceptions", "IncompleteReadError"),
    ("decimal", "DecimalException"), ("decimal", "DivisionByZero"),
    ("statistics", "StatisticsError"), ("tomllib._parser", "TOMLDecodeError"), ("getopt", "GetoptError"),
    ("ssl", "SSLError"),
    ("getpass", "GetPassWarning"), ("zoneinfo._tzpath", "InvalidTZPathWarning"), ("wsgiref.validate", "WSGIWarning"),
]  # fmt: skip
# Modules scanned for other names a catalogued class is bound to (os.error, socket.timeout, json.JSONDecodeError ...).
ALIAS_MODULES = ["builtins", "os", "io", "socket", "select", "asyncio", "concurrent.futures", "pickle", "json",
                 "zipfile", "subprocess", "shutil", "configparser", "http.client", "urllib.error", "tarfile",
                 "decimal", "statistics", "tomllib", "getopt", "ssl", "getpass", "zoneinfo", "wsgiref.validate"]
# Read but left out: no page, no register row, and no corpus file names them.
ABSENT = {"dev": ["EncodingWarning", "FloatingPointError", "_pickle.UnpicklingError"],
          "test": ["ResourceWarning", "StopAsyncIteration", "tarfile.ReadError"]}
ABSENT_QUESTIONS = {
    "EncodingWarning": ["What does the docstring of EncodingWarning say?",
                        "How many levels below BaseException does EncodingWarning sit?"],
    "FloatingPointError": ["What is the direct base class of FloatingPointError?"],
    "_pickle.UnpicklingError": ["Which class is the direct base of pickle's UnpicklingError?"],
    "ResourceWarning": ["What is the first line of the docstring of ResourceWarning?",
                        "How many attributes of its own does ResourceWarning define?"],
    "StopAsyncIteration": ["What is the direct base class of StopAsyncIteration?",
                           "Following first base classes, how deep below BaseException is StopAsyncIteration?"],
    "tarfile.ReadError": ["What does the docstring of tarfile.ReadError say?",
                          "Which class does tarfile.ReadError inherit from directly?"],
}  # fmt: skip
# What no page records: (question template, a pattern no corpus file may match, a made-up answer it must match).
ABSENT_FIELDS = {
    "version": ("In which Python version was {n} added?",
                r"\b(?:added|new|introduced|appeared) in (?:python )?(?:version )?\d|\bversion(?:added|changed)\b"
                r"|\bsince python\b", "It was added in Python 3.3."),
    "pep": ("Which PEP introduced {n}?", r"\bPEP\s*-?\s*\d+|\bpython enhancement proposal", "PEP 3151 introduced it."),
    "csource": ("In which C source file is {n} implemented?",
                r"\b[\w/-]+\.[ch]\b(?![\w.])|\bObjects/|\bModules/|\bsource file\b",
                "It is implemented in Objects/exceptions.c."),
    "lineno": ("On which line of its module's source file is {n} defined?",
               r"\bline \d+\b|\bdefined (?:at|on) line\b", "It is defined on line 412."),
    "author": ("Who wrote the code that defines {n}?",
               r"\bwritten by\b|\bauthor(?:s|ed)?\b|\bcopyright\b|\bcontributed by\b",
               "It was written by Guido van Rossum."),
    "sizeof": ("How many bytes does an instance of {n} occupy in memory?",
               r"__basicsize__|\bsizeof\b|\binstance size\b|\bbytes in memory\b",
               "An instance occupies 72 bytes in memory."),
    "raisedby": ("How many functions of the standard library raise {n}?",
                 r"\bfunctions? (?:that )?raises?\b|\braised by \d+\b", "It is raised by 37 functions."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 4, "filter-among": 5}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-class items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 4}  # single-hop questions about a register row
CAPS = {"dev": {"single_hop": 3, "multi_hop": 1, "reverse": 2, "comparison": 2},
        "test": {"single_hop": 4, "multi_hop": 2, "reverse": 2, "comparison": 3}}
DEV_EVERY = (0, 3, 5)
DOC_WORDS = ["Unicode", "syntax", "module", "user", "buffer", "directories", "file", "process", "signal", "zip"]
LAYOUTS = ("sheet", "card", "prose")
PAGE_USE = 2  # the most questions one page is evidence for, per split
DEV_MODULES = 0.4  # share of the stdlib module rows that go to dev (by hash); builtins goes to test

# ------------------------------------------------------------------ reading Python (snapshot only)


def _source_class(cls: type, import_path: str):
    """The ast.ClassDef of a Python-defined class, or None for a class defined in C."""
    import ast
    import importlib
    import inspect
    import textwrap

    try:
        src = textwrap.dedent(inspect.getsource(cls))
        tree = ast.parse(src)
    except (TypeError, OSError):
        mod = importlib.import_module(import_path)
        f = getattr(mod, "__file__", None)
        if not f or not f.endswith(".py"):
            return None
        tree = ast.parse(Path(f).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            return node
    return None


def _members(cls: type, import_path: str) -> tuple[list[str], list[str], str]:
    """Own public attributes and methods, and where they were read from."""
    import ast

    node = _source_class(cls, import_path)
    if node is None:
        attrs, meths = [], []
        for k, v in cls.__dict__.items():
            if k.startswith("_"):
                continue
            tn = type(v).__name__
            if tn in ("member_descriptor", "getset_descriptor", "property"):
                attrs.append(k)
            elif callable(v) or tn in ("method_descriptor", "classmethod_descriptor", "classmethod", "staticmethod"):
                meths.append(k)
        return attrs, meths, "the class's own __dict__ (C)"
    attrs: list[str] = []
    meths: list[str] = []

    def add(xs: list[str], n: str) -> None:
        if not n.startswith("_") and n != "args" and n not in xs:
            xs.append(n)

    for st in node.body:
        if isinstance(st, ast.Assign):
            for t in st.targets:
                if isinstance(t, ast.Name):
                    add(attrs, t.id)
        elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
            add(attrs, st.target.id)
        elif isinstance(st, ast.FunctionDef):
            decos = [d.id if isinstance(d, ast.Name) else getattr(d, "attr", "") for d in st.decorator_list]
            if "property" in decos:
                add(attrs, st.name)
            elif not any(x in ("setter", "deleter") for x in decos):
                add(meths, st.name)
    for st in node.body:
        if isinstance(st, ast.FunctionDef):
            for sub in ast.walk(st):
                if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Store) and \
                        isinstance(sub.value, ast.Name) and sub.value.id == "self":
                    add(attrs, sub.attr)
    return attrs, meths, "ast of the class source (Python)"


def _doc(cls: type) -> str:
    d = cls.__dict__.get("__doc__")
    if not isinstance(d, str) or not d.strip():
        return ""
    import inspect

    para = inspect.cleandoc(d).split("\n\n")[0]
    return re.sub(r"\s+", " ", para).strip()


def cid(cls: type) -> str:
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def scan() -> dict:
    import builtins
    import errno
    import importlib
    import os
    import platform

    classes: dict[str, type] = {}
    where: dict[str, str] = {}
    for k, v in vars(builtins).items():
        if isinstance(v, type) and issubclass(v, BaseException) and v.__name__ == k:
            classes[cid(v)] = v
            where[cid(v)] = "builtins"
    for mod, attr in STDLIB:
        v = getattr(importlib.import_module(mod), attr)
        classes[cid(v)] = v
        where[cid(v)] = mod
    out = {}
    for i, c in classes.items():
        attrs, meths, read = _members(c, where[i])
        out[i] = {"module": c.__module__, "qualname": c.__qualname__,
                  "bases": [cid(b) if b is not object else "object" for b in c.__bases__],
                  "mro": [cid(b) for b in c.__mro__[1:] if b is not object], "doc": _doc(c), "attrs": attrs,
                  "methods": meths, "read_from": read, "aliases": []}
    byobj = {id(c): i for i, c in classes.items()}
    for m in ALIAS_MODULES:
        mod = importlib.import_module(m)
        for k, v in sorted(vars(mod).items()):
            if k.startswith("_") or id(v) not in byobj:
                continue
            i = byobj[id(v)]
            name = k if m == "builtins" else f"{m}.{k}"
            if name != i and name != f"{v.__module__}.{v.__qualname__}" and name not in out[i]["aliases"]:
                out[i]["aliases"].append(name)
    errnos = {}
    for n in sorted(x for x in dir(errno) if x.startswith("E") and x.isupper()):
        num = getattr(errno, n)
        errnos[n] = {"number": num, "message": os.strerror(num), "exception": cid(type(OSError(num, "x")))}
    mods = {}
    for m in sorted({c["module"] for c in out.values()}):
        mod = importlib.import_module(m)
        d = (mod.__doc__ or "").strip().split("\n")[0].strip()
        mods[m] = {"doc": d, "public_names": sum(1 for k in vars(mod) if not k.startswith("_"))}
    return {"source": "this machine's Python: the exception and warning classes bound in builtins and the "
                      "standard-library classes of STDLIB, read by importing them (bases, mro, own docstring's first "
                      "paragraph, own public attributes and methods, other names in ALIAS_MODULES), the errno "
                      "module's names with os.strerror and the class OSError(number, ...) becomes, and each defining "
                      "module's first docstring line and number of public names",
            "python": platform.python_version(), "system": platform.system(),
            "classes": out, "errno": errnos, "modules": mods}


def snapshot_text(snap: dict) -> str:
    parts = []
    for k, v in snap.items():
        if isinstance(v, dict):
            body = ",\n".join(f"  {json.dumps(a)}: {json.dumps(b, ensure_ascii=False)}" for a, b in v.items())
            parts.append(f" {json.dumps(k)}: {{\n{body}\n }}")
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to ask this machine's Python again")
    snap = scan()
    bad = [a for a in absent_ids() if a not in snap["classes"]]
    bad += [f"{i}: base {b} not read" for i, c in snap["classes"].items() for b in c["bases"]
            if b != "object" and b not in snap["classes"]]
    if bad:
        sys.exit(f"not known to this machine's Python: {bad}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}: {len(snap['classes'])} classes, {len(snap['errno'])} errno names, "
          f"{len(snap['modules'])} modules")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued(snap: dict) -> list[str]:
    return [i for i in snap["classes"] if i not in absent_ids()]


def chain(i: str, snap: dict) -> list[str]:
    """BaseException down to i, following first bases."""
    out = [i]
    while out[-1] != "BaseException":
        out.append(snap["classes"][out[-1]]["bases"][0])
    return out[::-1]


def folder_slug(i: str) -> str:
    return i.lower().replace(".", "-").replace("_", "")


def make_records(snap: dict) -> list[dict]:
    cat = catalogued(snap)
    heads = {}
    for i in cat:
        ch = chain(i, snap)
        heads[i] = ch[2] if len(ch) >= 3 and ch[1] == "Exception" else "base"
    size = Counter(heads.values())
    recs = []
    for i in cat:
        c = snap["classes"][i]
        h = heads[i]
        folder = "base" if h == "base" else (folder_slug(h) if size[h] >= 3 else "exception")
        name = c["qualname"]
        subs = [j for j in cat if i in snap["classes"][j]["bases"]]
        errs = sorted(n for n, e in snap["errno"].items() if e["exception"] == i and i != "OSError")
        recs.append({"id": i, "name": name, "qual": f"{c['module']}.{c['qualname']}", "module": c["module"],
                     "bases": c["bases"], "mro": c["mro"], "depth": len(chain(i, snap)) - 1, "doc": c["doc"],
                     "attrs": c["attrs"], "methods": c["methods"], "aliases": c["aliases"],
                     "warning": "Warning" in c["mro"] or i == "Warning", "subs": subs, "errnos": errs,
                     "folder": folder, "doc_id": f"{folder}/{i}"})
    bare = Counter(r["name"] for r in recs) + Counter(snap["classes"][a]["qualname"] for a in absent_ids())
    for r in recs:
        r["unique_name"] = bare[r["name"]] == 1
    order = sorted({r["folder"] for r in recs}, key=lambda f: (f != "base", f == "exception", f))
    return sorted(recs, key=lambda r: (order.index(r["folder"]), r["id"].lower()))


_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        _RECS.update(key=id(snap), value=make_records(snap))
    return _RECS["value"]


def folders(recs: list[dict]) -> list[str]:
    out = []
    for r in recs:
        if r["folder"] not in out:
            out.append(r["folder"])
    return out


def class_answers(r: dict) -> list[str]:
    """A class as the answer: its catalogue name, its bare name (where no other class shares it), its qualified
    name; every form is written on its page."""
    out = [r["id"]]
    if r["name"] != r["id"] and r["unique_name"]:
        out.append(r["name"])
    if r["qual"] not in out:
        out.append(r["qual"])
    return out


def ref_answers(r: dict) -> list[str]:
    """A class as another page names it (a base, an ancestor): its catalogue name, and its bare name where no other
    class shares it."""
    return [r["id"]] + ([r["name"]] if r["name"] != r["id"] and r["unique_name"] else [])


# ------------------------------------------------------------------ registers

ERRNO_COLUMNS = ["id", "title", "number", "message", "exception", "qualified_name", "same_number_as"]
MODULE_COLUMNS = ["id", "title", "docstring", "catalogued_classes", "public_names"]


def errno_rows(snap: dict) -> list[dict]:
    cat = set(catalogued(snap))
    named = sorted(n for n, e in snap["errno"].items() if e["exception"] in cat and e["exception"] != "OSError")
    out = []
    for n in named:
        e = snap["errno"][n]
        same = sorted(m for m, x in snap["errno"].items() if x["number"] == e["number"] and m != n)
        out.append({"id": n, "title": f"{n} (errno {e['number']})", "number": e["number"], "message": e["message"],
                    "exception": e["exception"], "qualified_name": f"builtins.{e['exception']}",
                    "same_number_as": " ".join(same) if same else "-"})
    return out


def module_rows(snap: dict) -> list[dict]:
    recs = records(snap)
    n = Counter(r["module"] for r in recs)
    out = []
    for m, x in sorted(snap["modules"].items()):
        out.append({"id": m, "title": f"module {m}", "docstring": x["doc"] or "-", "catalogued_classes": n[m],
                    "public_names": x["public_names"]})
    return out


def table_csv(rows_: list[dict], cols: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows_:
        w.writerow(r)
    return buf.getvalue()


def errno_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in errno_rows(snap)}


def mod_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in module_rows(snap)}


# ------------------------------------------------------------------ splits and layouts


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog38:{salt}{key}".encode()).hexdigest(), 16)


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Within each folder, in the order of sha256("catalog38:<class>"), the pages at places 0, 3 and 5 of every 8
    (counted across folders) go to dev."""
    out, i = {}, 0
    for f in folders(recs):
        for n in sorted((r["id"] for r in recs if r["folder"] == f), key=_h):
            out[n] = "dev" if i % 8 in DEV_EVERY else "test"
            i += 1
    return out


def split_rows(snap: dict) -> dict[str, str]:
    """errno.csv rows go with the page of the class they map to; modules.csv rows by hash (builtins to test)."""
    sp = split_pages(records(snap))
    out = {f"errno#{x['id']}": sp[x["exception"]] for x in errno_rows(snap)}
    mods = [m for m in snap["modules"] if m != "builtins"]
    ranked = sorted(mods, key=lambda m: _h(m, "row"))
    ndev = round(len(mods) * DEV_MODULES)
    for k, m in enumerate(ranked):
        out[f"modules#{m}"] = "dev" if k < ndev else "test"
    out["modules#builtins"] = "test"
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["id"] for r in recs if sp[r["id"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


# ------------------------------------------------------------------ pages


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def title(r: dict) -> str:
    return f"{r['id']} — {r['doc']}" if r["doc"] and len(r["doc"]) <= 90 else f"{r['id']} — exception class"


def warn_text(r: dict) -> str:
    return "yes (a subclass of Warning)" if r["warning"] else "no (not a subclass of Warning)"


def lst(xs: list[str], empty: str) -> str:
    return ", ".join(xs) if xs else empty


def rows(r: dict) -> list[tuple[str, str, str]]:
    S = "Identification"
    out = [(S, "Class", r["id"]), (S, "Qualified name", r["qual"]), (S, "Module", f"see modules.csv row {r['module']}")]
    if r["aliases"]:
        out.append((S, "Other names", ", ".join(r["aliases"])))
    out.append((S, "Warning category", warn_text(r)))
    S = "Hierarchy"
    out += [(S, "Direct base classes", ", ".join(r["bases"])), (S, "Number of direct base classes",
                                                                 str(len(r["bases"]))),
            (S, "Depth below BaseException (first bases)", str(r["depth"])),
            (S, "Ancestors, nearest first", lst(r["mro"], "object only")),
            (S, "Catalogued direct subclasses", lst(r["subs"], "no catalogued subclasses")),
            (S, "Number of catalogued direct subclasses", str(len(r["subs"])))]
    S = "Docstring"
    out += [(S, "Docstring (first paragraph)", r["doc"] or "no docstring of its own")]
    S = "Attributes"
    out += [(S, "Own attributes", str(len(r["attrs"]))), (S, "Attribute names", lst(r["attrs"], "no attributes of "
                                                                                                 "its own")),
            (S, "Own public methods", lst(r["methods"], "no public methods of its own"))]
    if r["errnos"]:
        S = "Errno mapping"
        out += [(S, "Errno names mapped to it", str(len(r["errnos"]))),
                (S, "Raised for", f"see errno.csv rows {', '.join(r['errnos'])}")]
    return out


def front(r: dict) -> dict:
    return {"class": r["id"], "module": r["module"], "bases": ", ".join(r["bases"]), "depth": r["depth"],
            "warning": r["warning"], "branch": r["folder"]}


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(snap: dict) -> str:
    return (f"Source: the class objects of this machine's Python {snap['python']} ({snap['system']}), read by "
            f"importing them; errno numbers and messages are kept in errno.csv, module docstrings and counts in "
            f"modules.csv.")


def _sheet(r: dict) -> str:
    return "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for _, a, b in rows(r)) + "\n"


def _card(r: dict) -> str:
    out, sec = [], None
    for s, a, b in rows(r):
        if s != sec:
            if sec is not None:
                out.append("")
            out.append(f"## {s}")
            sec = s
        out.append(f"- {a}: {b}")
    return "\n".join(out) + "\n"


def _prose(r: dict) -> str:
    w = _h(r["id"], "w")
    c, q, m, wt = r["id"], r["qual"], f"see modules.csv row {r['module']}", warn_text(r)
    p1 = [(f"{c} (qualified name {q}) is an exception class; for its module, {m}. Warning category: {wt}.",
           f"The class {c}, qualified name {q}, comes from one module ({m}). Is it a warning category? {wt}.",
           f"Qualified name: {q}. Module: {m}. {c} as a warning category: {wt}.")[w % 3]]
    if r["aliases"]:
        p1.append((f"Other names bound to the same class: {', '.join(r['aliases'])}.",
                   f"It can also be reached as {', '.join(r['aliases'])} (other names).")[(w >> 2) % 2])
    b, nb = ", ".join(r["bases"]), len(r["bases"])
    p2 = [(f"Its direct base classes are {b} (number of direct base classes: {nb}).",
           f"Direct base classes: {b}. Number of direct base classes: {nb}.")[(w >> 3) % 2],
          (f"Following first bases, it sits {r['depth']} levels below BaseException (depth below BaseException: "
           f"{r['depth']}).",
           f"Depth below BaseException (first bases): {r['depth']}.")[(w >> 4) % 2],
          (f"Its ancestors, nearest first: {lst(r['mro'], 'object only')}.",
           f"Ancestors, nearest first: {lst(r['mro'], 'object only')}.")[(w >> 5) % 2]]
    if r["subs"]:
        p2.append((f"This catalogue holds {len(r['subs'])} direct subclasses of it (number of catalogued direct "
                   f"subclasses: {len(r['subs'])}): {', '.join(r['subs'])}.",
                   f"Catalogued direct subclasses: {', '.join(r['subs'])} ({len(r['subs'])} in all; number of "
                   f"catalogued direct subclasses: {len(r['subs'])}).")[(w >> 6) % 2])
    else:
        p2.append(("Catalogued direct subclasses: no catalogued subclasses (number of catalogued direct subclasses: "
                   "0).", "It has no catalogued subclasses (number of catalogued direct subclasses: 0).")
                  [(w >> 6) % 2])
    p3 = [(f"Docstring (first paragraph): {r['doc']}" if r["doc"] else
           "Docstring (first paragraph): no docstring of its own.",
           f"Its docstring opens: {r['doc']}" if r["doc"] else "The class has no docstring of its own.")
          [(w >> 7) % 2]]
    na = len(r["attrs"])
    if na:
        p4 = [(f"It defines {na} attributes of its own (own attributes: {na}): {', '.join(r['attrs'])}.",
               f"Own attributes: {na}. Attribute names: {', '.join(r['attrs'])}.")[(w >> 8) % 2]]
    else:
        p4 = [("It defines no attributes of its own (own attributes: 0).",
               "Own attributes: 0; attribute names: no attributes of its own.")[(w >> 8) % 2]]
    if r["methods"]:
        p4.append((f"Own public methods: {', '.join(r['methods'])}.",
                   f"Its own public methods are {', '.join(r['methods'])}.")[(w >> 9) % 2])
    else:
        p4.append(("Own public methods: no public methods of its own.",
                   "It defines no public methods of its own.")[(w >> 9) % 2])
    paras = [p1, p2, p3, p4]
    if r["errnos"]:
        ne, er = len(r["errnos"]), ", ".join(r["errnos"])
        paras.append([(f"OSError(errno, ...) becomes {c} for {ne} errno names (errno names mapped to it: {ne}). "
                       f"Raised for: see errno.csv rows {er}.",
                       f"Errno names mapped to it: {ne}. Raised for: see errno.csv rows {er}.")[(w >> 10) % 2]])
    return "\n\n".join(" ".join(p) for p in paras) + "\n"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[_LAYOUT[r["id"]]](r)
    return head + body + "\n" + source_line(snap) + "\n"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {f"{r['doc_id']}.md": render(r, snap) for r in recs}
    out["errno.csv"] = table_csv(errno_rows(snap), ERRNO_COLUMNS)
    out["modules.csv"] = table_csv(module_rows(snap), MODULE_COLUMNS)
    return out


# ------------------------------------------------------------------ scoring helpers


_TOK: dict[str, tuple] = {}


def _src() -> None:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))


def _atok(s: str) -> list[str]:
    if s not in _TOK:
        _src()
        from ragtune.eval.tokens import answer_tokens

        _TOK[s] = tuple(answer_tokens(s))
    return list(_TOK[s])


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def _ok(question: str, answers: list[str], typ: str, text: str, options: list[str] | None = None) -> bool:
    _src()
    from ragtune.eval.metrics import is_correct
    from ragtune.eval.qa import QAItem

    return is_correct(QAItem(id="x", question=question, answers=answers, type=typ, options=options), text, False)


CITES = ["See the Python documentation.", "The catalogue page says so.", "It is an exception class.",
         "Check errno.csv.", "Check modules.csv.", "Run help() on the class to find out."]  # fmt: skip


def gold_safe(question: str, answers: list[str], typ: str) -> bool:
    if not all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers):
        return False
    if any(_ok(question, answers, typ, t) for t in CITES):
        return False
    for g in answers:
        if re.fullmatch(r"-?\d+", g) and (_ok(question, answers, typ, str(int(g) + 1))
                                          or _ok(question, answers, typ, str(int(g) - 1))):
            return False
    return True


def names_safe(question: str, answers: list[str], typ: str, snap: dict, gold: str) -> bool:
    """Where a class is the answer: every other class read (catalogued or left out) scores wrong."""
    return not any(_ok(question, answers, typ, c) for c in snap["classes"] if c != gold)


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def hedge_safe(question: str, options: list[str], gold: str, typ: str) -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}"]
    return _ok(question, [gold], typ, gold, options) and _ok(question, [gold], typ, f"The answer is {gold}.", options) \
        and not any(_ok(question, [gold], typ, t, options) for t in tries + CITES)


def word_on(word: str, text: str) -> bool:
    return bool(re.search(rf"(?<![\w.-]){re.escape(word)}(?![\w-])", text))


# ------------------------------------------------------------------ conditions (filters and comparisons)


def common_attrs(recs: list[dict]) -> list[str]:
    """Attribute names defined by 2 to 6 catalogued classes."""
    c = Counter(a for r in recs for a in set(r["attrs"]))
    return sorted(a for a, k in c.items() if 2 <= k <= 6)


SUPERS = ["OSError", "ValueError", "ArithmeticError", "LookupError", "ConnectionError", "RuntimeError", "Warning",
          "SyntaxError", "ImportError", "EOFError"]


def cond_value(c: str, r: dict) -> bool:
    if c == "warning":
        return r["warning"]
    if c == "multibase":
        return len(r["bases"]) > 1
    if c == "nodoc":
        return not r["doc"]
    if c == "hassub":
        return bool(r["subs"])
    if c == "errnos":
        return bool(r["errnos"])
    if c == "alias":
        return bool(r["aliases"])
    if c == "stdlib":
        return r["module"] != "builtins"
    if c.startswith("folder:"):
        return r["folder"] == c[7:]
    if c.startswith("mod:"):
        return r["module"] == c[4:]
    if c.startswith("attr:"):
        return c[5:] in r["attrs"]
    if c.startswith("depth:"):
        return r["depth"] == int(c[6:])
    if c.startswith("sub:"):
        return c[4:] in r["mro"]
    if c.startswith("docword:"):
        return bool(re.search(rf"\b{re.escape(c[8:])}", r["doc"], re.I))
    raise KeyError(c)


def cond_phrase(c: str) -> str:
    if c.startswith("attr:"):
        return f"defines its own {c[5:]} attribute"
    if c.startswith("depth:"):
        return f"sits {c[6:]} levels below BaseException, following first bases"
    if c.startswith("sub:"):
        return f"is a subclass of {c[4:]}"
    if c.startswith("docword:"):
        return f'has a docstring that mentions "{c[8:]}"'
    return {"warning": "is a warning category", "multibase": "has more than one direct base class",
            "nodoc": "has no docstring of its own", "hassub": "has direct subclasses in this catalogue",
            "errnos": "has errno names mapped to it", "alias": "is also bound to another name"}[c]


def noun_phrase(c: str, recs: list[dict]) -> str:
    if c == "warning":
        return "warning category"
    if c == "stdlib":
        return "standard-library exception class (outside builtins)"
    if c.startswith("mod:"):
        return f"class defined in the module {c[4:]}"
    if c.startswith("folder:"):
        f = c[7:]
        head = next(r["id"] for r in recs if folder_slug(r["id"]) == f)
        return f"class of the {head} branch"
    raise KeyError(c)


def fact_of(c: str) -> str:
    """The page field a condition or kind reads."""
    if c.startswith("attr:"):
        return c
    if c.startswith("docword:"):
        return "doc"
    if c.startswith(("depth:", "depth")):
        return "depth"
    if c.startswith("sub:") or c == "cmp-subclass":
        return "mro"
    base = {"warning": "warning", "cmp-warning": "warning", "multibase": "bases", "nodoc": "doc", "hassub": "subs",
            "cmp-nsub": "subs", "errnos": "errnos", "cmp-errnos": "errnos", "alias": "aliases",
            "cmp-nattrs": "nattrs", "cmp-depth": "depth", "s-nattrs": "nattrs", "s-depth": "depth",
            "s-base": "bases", "s-nerrno": "errnos", "s-errno": "errnos", "s-module": "module", "s-nsub": "subs",
            "stdlib": "module"}
    if c.startswith(("mod:", "folder:")):
        return "module"
    return base.get(c, c)


# ------------------------------------------------------------------ questions


def single_candidates(r: dict, common: list[str]) -> list[dict]:
    c, out = r["id"], []
    if len(r["bases"]) == 1 and r["bases"][0] != "object":
        out.append({"kind": "s-base", "t": [f"What is the direct base class of {c}?",
                                            f"Which class does {c} inherit from directly?",
                                            f"{c} is derived directly from which class?"],
                    "base": r["bases"][0]})
    if r["depth"] >= 2:
        out.append({"kind": "s-depth", "t": [f"Following first base classes, how many levels below BaseException "
                                             f"does {c} sit?",
                                             f"How deep below BaseException is {c} in the class hierarchy, counting "
                                             f"first bases?",
                                             f"Counting first bases, how many steps separate {c} from "
                                             f"BaseException?"],
                    "answers": [str(r["depth"])]})
    if len(r["attrs"]) >= 2:
        out.append({"kind": "s-nattrs", "t": [f"How many attributes does {c} define itself?",
                                              f"How many attributes of its own does {c} have?",
                                              f"Not counting inherited ones, how many attributes does {c} define?"],
                    "answers": [str(len(r["attrs"]))]})
    if len(r["errnos"]) >= 2:
        out.append({"kind": "s-nerrno", "t": [f"How many errno names map to {c}?",
                                              f"For how many errno names does OSError become {c}?"],
                    "answers": [str(len(r["errnos"]))]})
    if len(r["errnos"]) == 1:
        out.append({"kind": "s-errno", "t": [f"Which errno name maps to {c}?",
                                             f"Python raises {c} for which errno name?",
                                             f"What errno name turns an OSError into {c}?"],
                    "answers": list(r["errnos"])})
    if r["module"] != "builtins" and r["unique_name"] and r["name"] != r["id"]:
        n = r["name"]
        out.append({"kind": "s-module", "t": [f"Which module defines the exception class {n}?",
                                              f"In which module is {n} defined?",
                                              f"{n} is defined in which Python module?"],
                    "answers": [r["module"]]})
    if len(r["subs"]) >= 2:
        out.append({"kind": "s-nsub", "t": [f"How many direct subclasses of {c} does this catalogue hold?",
                                            f"How many catalogued classes inherit directly from {c}?"],
                    "answers": [str(len(r["subs"]))]})
    for a in common:
        has = a in r["attrs"]
        out.append({"kind": "s-hasattr", "attr": a, "t": [f"Does {c} define its own {a} attribute?",
                                                          f"Among the attributes {c} defines itself, is there one "
                                                          f"called {a}?",
                                                          f"Does the class {c} itself define an attribute named "
                                                          f"{a}?"],
                    "answers": ["yes" if has else "no"], "options": ["yes", "no"]})
    return out


CMP = {  # kind: (applies, key, templates); the winner has the larger key
    "cmp-depth": (lambda r: r["depth"] >= 1, lambda r: r["depth"],
                  ["Which sits deeper below BaseException, following first bases, {a} or {b}?",
                   "Of {a} and {b}, which is further down the exception hierarchy (first bases)?"]),
    "cmp-nattrs": (lambda r: True, lambda r: len(r["attrs"]),
                   ["Which defines more attributes of its own, {a} or {b}?",
                    "Of {a} and {b}, which class has more attributes of its own?"]),
    "cmp-warning": (lambda r: True, lambda r: r["warning"],
                    ["Which of these is a warning category, {a} or {b}?",
                     "One of {a} and {b} is a subclass of Warning. Which one?"]),
    "cmp-nsub": (lambda r: True, lambda r: len(r["subs"]),
                 ["Which has more direct subclasses in this catalogue, {a} or {b}?",
                  "Of {a} and {b}, which has more catalogued classes inheriting directly from it?"]),
    "cmp-errnos": (lambda r: bool(r["errnos"]), lambda r: len(r["errnos"]),
                   ["Which has more errno names mapped to it, {a} or {b}?",
                    "Of {a} and {b}, which does OSError become for more errno names?"]),
}  # fmt: skip


def cmp_winner(k: str, a: dict, b: dict) -> dict | None:
    ka, kb = CMP[k][1](a), CMP[k][1](b)
    if ka == kb:
        return None
    return a if ka > kb else b


def pick_disjoint(cands: list[dict], n: int, taken: set) -> list[dict] | None:
    if n == 0:
        return []
    for i, q in enumerate(cands):
        f = set(q["facts"])
        if f & taken:
            continue
        rest = pick_disjoint(cands[i + 1:], n - 1, taken | f)
        if rest is not None:
            return [q] + rest
    return None


def short_doc(d: str) -> str:
    return d.rstrip(".")


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    assign_layouts(recs)
    by = {r["id"]: r for r in recs}
    sp = split_pages(recs)
    sr = split_rows(snap)
    eb = errno_by(snap)
    mb = mod_by(snap)
    common = common_attrs(recs)
    seen_q: set = set()
    out = {}
    docs = Counter(short_doc(r["doc"]).lower() for r in recs if r["doc"])
    attr_owner = Counter(a for r in recs for a in r["attrs"])
    msg_owner = Counter(x["message"] for x in eb.values())
    page_text = {r["doc_id"]: render(r, snap) for r in recs}
    for s in ("dev", "test"):
        rng = random.Random(f"{SEED}:{s}")
        pages = [r for r in recs if sp[r["id"]] == s]
        erows = [x for x in eb.values() if sr[f"errno#{x['id']}"] == s]
        mrows = [x for x in mb.values() if sr[f"modules#{x['id']}"] == s]
        used: set = set()
        items: list[dict] = []
        binary: Counter = Counter()
        kinds_n: Counter = Counter()
        page_use: Counter = Counter()

        def take(q: dict, typ: str) -> bool:
            facts = q.get("facts", [])
            qt = " ".join(_atok(q["question"]))
            if qt in seen_q or any(f in used for f in facts):
                return False
            if any(page_use[e] >= PAGE_USE for e in q["evidence"] if "#" not in e):
                return False
            opts = q.get("options")
            if opts == ["yes", "no"]:
                a = q["answers"][0]
                if binary[a] > binary["no" if a == "yes" else "yes"]:
                    return False
            if typ != "unanswerable":
                if not opts and any(_contains(_atok(q["question"]), _atok(g)) for g in q["answers"]):
                    return False
                if opts:
                    if not hedge_safe(q["question"], opts, q["answers"][0], typ):
                        return False
                elif not gold_safe(q["question"], q["answers"], typ):
                    return False
                gold = q.get("clsgold")
                if gold and not names_safe(q["question"], q["answers"], typ, snap, gold):
                    return False
            if typ == "multi_hop":
                first = _atok(page_text.get(q["evidence"][0], ""))
                if any(_contains(first, _atok(g)) for g in q["answers"]):
                    return False
            q.pop("clsgold", None)
            seen_q.add(qt)
            if opts == ["yes", "no"]:
                binary[q["answers"][0]] += 1
            page_use.update(e for e in q["evidence"] if "#" not in e)
            used.update(facts)
            kinds_n[q["kind"]] += 1
            q["type"] = typ
            items.append(q)
            return True

        def fill(pools: dict[str, list[dict]], typ: str, n: int, cap: int) -> None:
            for k in sorted(pools):
                rng.shuffle(pools[k])
            got = 0
            while got < n:
                progress = False
                for k in sorted(pools, key=lambda k: (kinds_n[k], k)):
                    if got >= n:
                        break
                    while pools[k] and kinds_n[k] < cap:
                        q = pools[k].pop()
                        if take(q, typ):
                            got += 1
                            progress = True
                            break
                if not progress:
                    sys.exit(f"{s}: cannot find {n} {typ} questions (got {got})")

        # ---- multi-hop: page -> errno row, page -> modules row, page -> its base class's page
        pools: dict[str, list[dict]] = {}
        for r in pages:
            c = r["id"]
            if len(r["errnos"]) == 1 and sr[f"errno#{r['errnos'][0]}"] == s:
                x = eb[r["errnos"][0]]
                for k, col, ts in (
                        ("hop-errno-number", "number",
                         [f"What is the number, on this machine, of the errno name that maps to {c}?",
                          f"{c} is raised for one errno name. What is that errno's number here?"]),
                        ("hop-errno-message", "message",
                         [f"What does os.strerror say for the errno that maps to {c}?",
                          f"{c} is raised for one errno name. What is its os.strerror message?"])):
                    pools.setdefault(k, []).append(
                        {"question": rng.choice(ts), "answers": [str(x[col])],
                         "evidence": [r["doc_id"], f"errno#{x['id']}"], "kind": k, "ref": c, "via": x["id"],
                         "facts": [("errno", x["id"]), (c, "errnos")]})
            mrow = f"modules#{r['module']}"
            if sr[mrow] == s:
                x = mb[r["module"]]
                cands = [("hop-module-count", "catalogued_classes",
                          [f"How many catalogued classes does the module that defines {c} define?",
                           f"{c} comes from one module. How many classes of this catalogue does that module define?"]),
                         ("hop-module-public", "public_names",
                          [f"How many public names does the module that defines {c} have?",
                           f"{c} is defined in one module. How many public names does that module have?"])]
                if x["docstring"] != "-" and len(x["docstring"].split()) >= 3:
                    cands.append(("hop-module-doc", "docstring_answer",
                                  [f"What is the first line of the docstring of the module that defines {c}?",
                                   f"{c} is defined in one module. What does that module's docstring say first?"]))
                for k, col, ts in cands:
                    pools.setdefault(k, []).append(
                        {"question": rng.choice(ts),
                         "answers": [x["docstring"].rstrip(".") if col == "docstring_answer" else str(x[col])],
                         "evidence": [r["doc_id"], f"modules#{x['id']}"], "kind": k, "ref": c, "via": x["id"],
                         "facts": [("module", x["id"], col.replace("_answer", "")), (c, "module")]})
            if len(r["bases"]) == 1 and r["bases"][0] in by and sp[r["bases"][0]] == s:
                b = by[r["bases"][0]]
                cands = []
                if b["doc"] and 2 <= len(b["doc"].split()) <= 10 and docs[short_doc(b["doc"]).lower()] == 1:
                    cands.append(("hop-base-doc", [short_doc(b["doc"])],
                                  [f"What does the docstring of the direct base class of {c} say?",
                                   f"{c} inherits directly from one class. What is that class's docstring?"]))
                if b["attrs"]:
                    cands.append(("hop-base-nattrs", [str(len(b["attrs"]))],
                                  [f"How many attributes of its own does the direct base class of {c} define?",
                                   f"{c} has one direct base class. How many attributes does that base define "
                                   f"itself?"]))
                if b["module"] != r["module"]:
                    cands.append(("hop-base-module", [b["module"]],
                                  [f"Which module defines the direct base class of {c}?",
                                   f"{c} inherits directly from one class. In which module is that class defined?"]))
                if len(b["bases"]) == 1 and b["bases"][0] != "object" and b["bases"][0] in by:
                    g = by[b["bases"][0]]
                    cands.append(("hop-base-base", ref_answers(g),
                                  [f"What is the direct base class of the direct base class of {c}?",
                                   f"{c} inherits from one class; which class does that one inherit from directly?"]))
                for k, ans, ts in cands:
                    q = {"question": rng.choice(ts), "answers": ans, "evidence": [r["doc_id"], b["doc_id"]],
                         "kind": k, "ref": c, "via": b["id"], "facts": [(b["id"], k), (c, "bases")]}
                    if k == "hop-base-base":
                        q["clsgold"] = b["bases"][0]
                    pools.setdefault(k, []).append(q)
        fill(pools, "multi_hop", WANT[s]["multi_hop"], CAPS[s]["multi_hop"])
        # ---- filter: one class of all catalogued meets two conditions; or one among four listed
        c1s = ["warning", "stdlib"] + \
            [f"folder:{f}" for f in folders(recs) if f not in ("base", "exception", "warning")] + \
            [f"mod:{m}" for m, n in Counter(r["module"] for r in recs).items() if n >= 2 and m != "builtins"]
        c2s = ["multibase", "nodoc", "hassub", "errnos", "alias"] + [f"attr:{a}" for a in common] + \
            [f"depth:{d}" for d in sorted({r["depth"] for r in recs})] + [f"docword:{w}" for w in DOC_WORDS]
        cnt = {c: sum(cond_value(c, r) for r in recs) for c in c1s + c2s}
        pools = {"filter": [], "filter-among": []}
        for c1 in c1s:
            for c2 in c2s:
                hit = [r for r in recs if cond_value(c1, r) and cond_value(c2, r)]
                if len(hit) != 1 or sp[hit[0]["id"]] != s or min(cnt[c1], cnt[c2]) < 2:
                    continue
                h = hit[0]
                noun, p2 = noun_phrase(c1, recs), cond_phrase(c2)
                t = rng.choice([f"Which {noun} {p2}?", f"Name the one {noun} that {p2}.",
                                f"In this catalogue, which {noun} {p2}?"])
                pools["filter"].append({"question": t, "answers": class_answers(h), "evidence": [h["doc_id"]],
                                        "kind": "filter", "where": {c1: True, c2: True}, "candidates": [h["id"]],
                                        "clsgold": h["id"],
                                        "facts": [("cond", c1, c2), (h["id"], "filter"), (h["id"], fact_of(c1)),
                                                  (h["id"], fact_of(c2))]})
        among = ["warning", "multibase", "nodoc", "errnos", "alias"] + [f"attr:{a}" for a in common] + \
            [f"sub:{x}" for x in SUPERS]
        for c in among:
            yes = [r for r in pages if cond_value(c, r) and not (c.startswith("sub:") and r["id"] == c[4:])]
            no = [r for r in pages if not cond_value(c, r) and not (c.startswith("sub:") and r["id"] == c[4:])]
            if not yes or len(no) < 3:
                continue
            for _ in range(2):
                w = rng.choice(yes)
                opts = rng.sample(no, 3)
                opts.insert(rng.randrange(4), w)
                names = [o["id"] for o in opts]
                t = rng.choice([f"Among {and_list(names)}, which one {cond_phrase(c)}?",
                                f"Which of these {cond_phrase(c)}: {', '.join(names)}?"])
                pools["filter-among"].append({"question": t, "answers": [w["id"]], "evidence": [w["doc_id"]],
                                              "options": names, "kind": "filter-among", "where": {c: True},
                                              "candidates": names,
                                              "facts": [("cond", c), (w["id"], "filter"), (w["id"], fact_of(c))]})
        rng.shuffle(pools["filter"])
        pools["filter"].sort(key=lambda q: next(iter(q["where"])) != "warning")  # one "Which warning ...?" first
        safe = [q for q in pools["filter"] if gold_safe(q["question"], q["answers"], "filter")
                and names_safe(q["question"], q["answers"], "filter", snap, q["clsgold"])
                and not any(_contains(_atok(q["question"]), _atok(g)) for g in q["answers"])]
        # vary the first condition: no two chosen filters share it
        chosen = pick_disjoint([dict(q, facts=q["facts"] + [("c1", next(iter(q["where"])))]) for q in safe],
                               FILTER_MIX[s]["filter"], used)
        if chosen is None:
            sys.exit(f"{s}: no {FILTER_MIX[s]['filter']} filter questions with conditions of their own")
        for q in chosen:
            q["facts"] = [f for f in q["facts"] if f[0] != "c1"]
            if not take(q, "filter"):
                sys.exit(f"{s}: a chosen filter question was refused")
        fill({"filter-among": pools["filter-among"]}, "filter", FILTER_MIX[s]["filter-among"],
             FILTER_MIX[s]["filter-among"])
        # ---- reverse
        pools = {"rev-doc": [], "rev-attr": [], "rev-alias": [], "rev-errno": [], "rev-message": [], "rev-module": []}
        for r in pages:
            i = r["id"]
            d = short_doc(r["doc"])
            if d and docs[d.lower()] == 1 and 3 <= len(d.split()) <= 16 and not word_on(r["name"], d):
                t = rng.choice([f"Which exception class has the docstring \"{r['doc']}\"?",
                                f"\"{r['doc']}\": which class's docstring opens like this?",
                                f"Which class in this catalogue is documented as \"{r['doc']}\"?"])
                pools["rev-doc"].append({"question": t, "answers": class_answers(r), "evidence": [r["doc_id"]],
                                         "kind": "rev-doc", "ref": i, "clsgold": i, "facts": [(i, "doc")]})
            for a in r["attrs"]:
                if attr_owner[a] == 1 and len(a) >= 4:
                    t = rng.choice([f"Which catalogued exception class defines its own attribute called {a}?",
                                    f"The attribute named {a} is defined by which exception class in this catalogue?"])
                    pools["rev-attr"].append({"question": t, "answers": class_answers(r), "evidence": [r["doc_id"]],
                                              "kind": "rev-attr", "ref": i, "clsgold": i, "attr": a,
                                              "facts": [(i, "nattrs"), (i, f"attr:{a}")]})
            for al in r["aliases"]:
                t = rng.choice([f"Which exception class is also bound to the name {al}?",
                                f"{al} is another name for which exception class?"])
                pools["rev-alias"].append({"question": t, "answers": class_answers(r), "evidence": [r["doc_id"]],
                                           "kind": "rev-alias", "ref": i, "clsgold": i, "alias": al,
                                           "facts": [(i, "aliases")]})
        for x in erows:
            ans = [x["exception"], x["qualified_name"]]
            t = rng.choice([f"Which exception class does Python raise for an OSError with errno {x['id']}?",
                            f"OSError(errno.{x['id']}, ...) becomes which class?",
                            f"An OS call fails with {x['id']}. Which OSError subclass is raised?"])
            pools["rev-errno"].append({"question": t, "answers": ans, "evidence": [f"errno#{x['id']}"],
                                       "kind": "rev-errno", "row": x["id"], "clsgold": x["exception"],
                                       "facts": [("errno", x["id"]), (x["exception"], "errnos")]})
            if msg_owner[x["message"]] == 1:
                t = rng.choice([f"A system call fails with the message \"{x['message']}\". Which OSError subclass "
                                f"does Python raise?",
                                f"Which exception class goes with the os.strerror text \"{x['message']}\"?"])
                pools["rev-message"].append({"question": t, "answers": ans, "evidence": [f"errno#{x['id']}"],
                                             "kind": "rev-message", "row": x["id"], "clsgold": x["exception"],
                                             "facts": [("errno", x["id"]), (x["exception"], "errnos")]})
        for x in mrows:
            if x["docstring"] != "-" and len(x["docstring"].split()) >= 3 and x["id"] not in x["docstring"]:
                t = rng.choice([f"Which module's docstring begins \"{x['docstring']}\"?",
                                f"In modules.csv, which module has the docstring \"{x['docstring']}\"?"])
                pools["rev-module"].append({"question": t, "answers": [x["id"]], "evidence": [f"modules#{x['id']}"],
                                            "kind": "rev-module", "row": x["id"],
                                            "facts": [("module", x["id"], "docstring")]})
        fill(pools, "reverse", WANT[s]["reverse"], CAPS[s]["reverse"])
        # ---- comparison
        pools = {k: [] for k in CMP}
        pools["cmp-subclass"] = []
        for k, (app, _, ts) in CMP.items():
            cand = [r for r in pages if app(r)]
            for _ in range(80):
                a, b = rng.sample(cand, 2)
                w = cmp_winner(k, a, b)
                if w is None:
                    continue
                t = rng.choice(ts).format(a=a["id"], b=b["id"])
                pools[k].append({"question": t, "answers": [w["id"]], "evidence": [a["doc_id"], b["doc_id"]],
                                 "options": [a["id"], b["id"]], "kind": k, "candidates": [a["id"], b["id"]],
                                 "target": w["id"], "facts": [(a["id"], fact_of(k)), (b["id"], fact_of(k))]})
        for r in pages:
            for y in SUPERS:
                if y == r["id"] or (r["bases"] == [y]):
                    continue
                has = y in r["mro"]
                if not has and word_on(y, " ".join(r["mro"] + r["bases"] + [r["doc"]])):
                    continue
                t = rng.choice([f"Is {r['id']} a subclass of {y}?", f"Does {r['id']} inherit from {y}?",
                                f"Would an except {y} clause catch {r['id']}?"])
                pools["cmp-subclass"].append({"question": t, "answers": ["yes" if has else "no"],
                                              "evidence": [r["doc_id"]], "options": ["yes", "no"],
                                              "kind": "cmp-subclass", "ref": r["id"], "super": y,
                                              "facts": [(r["id"], "mro")]})
        fill(pools, "comparison", WANT[s]["comparison"], CAPS[s]["comparison"])
        # ---- single-hop: register rows, then pages
        pools = {}
        for x in erows:
            for k, col, ts in (("reg-errno-number", "number", [f"What is the number of errno {x['id']} on this "
                                                               f"machine?",
                                                               f"errno.{x['id']} has which numeric value here?"]),
                               ("reg-errno-message", "message", [f"What message does os.strerror give for "
                                                                 f"{x['id']}?",
                                                                 f"What is the os.strerror text of errno "
                                                                 f"{x['id']}?"])):
                pools.setdefault(k, []).append({"question": rng.choice(ts), "answers": [str(x[col])],
                                                "evidence": [f"errno#{x['id']}"], "kind": k, "row": x["id"],
                                                "facts": [("errno", x["id"])]})
        for x in mrows:
            for k, col, ts in (("reg-module-count", "catalogued_classes",
                                [f"How many classes of this catalogue does the module {x['id']} define?",
                                 f"According to modules.csv, how many catalogued classes come from {x['id']}?"]),
                               ("reg-module-public", "public_names",
                                [f"How many public names does the module {x['id']} have?",
                                 f"modules.csv counts how many public names in {x['id']}?"])):
                pools.setdefault(k, []).append({"question": rng.choice(ts), "answers": [str(x[col])],
                                                "evidence": [f"modules#{x['id']}"], "kind": k, "row": x["id"],
                                                "facts": [("module", x["id"], col)]})
        fill(pools, "single_hop", REG_PER_SPLIT[s], 1)
        pools = {}
        for r in pages:
            for q in single_candidates(r, common):
                q.update(question=rng.choice(q.pop("t")), evidence=[r["doc_id"]], ref=r["id"])
                if q["kind"] == "s-base":
                    b = by[q.pop("base")]
                    q["answers"] = ref_answers(b)
                    q["clsgold"] = b["id"]
                q["facts"] = [(r["id"], q["kind"] if q["kind"] == "s-hasattr" else fact_of(q["kind"]))]
                if q["kind"] == "s-hasattr":
                    q["facts"] = [(r["id"], f"attr:{q['attr']}")]
                pools.setdefault(q["kind"], []).append(q)
        fill(pools, "single_hop", WANT[s]["single_hop"] - REG_PER_SPLIT[s], CAPS[s]["single_hop"])
        # ---- unanswerable
        for m in ABSENT[s]:
            for t in ABSENT_QUESTIONS[m]:
                items.append({"question": t, "answers": [], "type": "unanswerable", "evidence": [],
                              "kind": "absent-class", "entry": m})
        fields = sorted(ABSENT_FIELDS)
        rng.shuffle(fields)
        nf = WANT[s]["unanswerable"] - ABSENT_MIX[s]
        for f, r in zip(fields[:nf], rng.sample(pages, nf)):
            items.append({"question": ABSENT_FIELDS[f][0].format(n=r["id"]), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-field", "field": f, "entry": r["id"]})
        rng.shuffle(items)
        rows_ = []
        for n, q in enumerate(items, 1):
            q.pop("facts", None)
            q.pop("clsgold", None)
            row = {"id": f"{PREFIX}-{s}-{n:03d}", "question": q.pop("question"), "answers": q.pop("answers"),
                   "type": q.pop("type"), "evidence": q.pop("evidence")}
            if "options" in q:
                row["options"] = q.pop("options")
            if row.get("options") == ["yes", "no"]:
                row["derived"] = True  # yes or no is read off the page's lists, not a word it writes
            row.update(q)
            rows_.append(row)
        out[s] = rows_
    return out


def qa_text(rows_: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows_)


def build(force: bool) -> None:
    snap = load_snapshot()
    if CORPUS.exists() and any(CORPUS.iterdir()) and not force:
        sys.exit(f"{CORPUS} exists; pass --force to render it again")
    pages = render_all(snap)
    if CORPUS.exists():
        for p in sorted(CORPUS.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
    for rel, text in pages.items():
        p = CORPUS / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, rows_ in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(rows_), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(pages) - 2} pages, errno.csv and modules.csv; dev {len(qs['dev'])}, test {len(qs['test'])} "
          f"questions")


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


def name_pattern(c: str, snap: dict) -> str:
    """A left-out class as it could be written: its catalogue name, qualified name or bare name."""
    x = snap["classes"][c]
    forms = {c, f"{x['module']}.{x['qualname']}", x["qualname"], f"{x['module'].lstrip('_')}.{x['qualname']}"}
    return r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])"


def truth(q: dict, snap: dict, by: dict, eb: dict, mb: dict) -> list[str] | None:
    k = q["kind"]
    if k.startswith("hop-errno-"):
        r = by[q["ref"]]
        if r["errnos"] != [q["via"]]:
            return None
        return [str(eb[q["via"]][{"hop-errno-number": "number", "hop-errno-message": "message"}[k]])]
    if k.startswith("hop-module-"):
        r = by[q["ref"]]
        if r["module"] != q["via"]:
            return None
        col = {"hop-module-count": "catalogued_classes", "hop-module-public": "public_names",
               "hop-module-doc": "docstring"}[k]
        v = str(mb[q["via"]][col])
        return [v.rstrip(".") if col == "docstring" else v]
    if k.startswith("hop-base-"):
        r = by[q["ref"]]
        if r["bases"] != [q["via"]]:
            return None
        b = by[q["via"]]
        return {"hop-base-doc": lambda: [short_doc(b["doc"])], "hop-base-nattrs": lambda: [str(len(b["attrs"]))],
                "hop-base-module": lambda: [b["module"]],
                "hop-base-base": lambda: ref_answers(by[b["bases"][0]])}[k]()
    if k.startswith("reg-errno-"):
        return [str(eb[q["row"]][k.split("-")[-1]])]
    if k.startswith("reg-module-"):
        return [str(mb[q["row"]][{"reg-module-count": "catalogued_classes", "reg-module-public": "public_names"}[k]])]
    if k in ("rev-errno", "rev-message"):
        x = eb[q["row"]]
        if (x["id"] if k == "rev-errno" else x["message"]) not in q["question"]:
            return None
        return [x["exception"], x["qualified_name"]]
    if k == "rev-module":
        x = mb[q["row"]]
        return [x["id"]] if x["docstring"] in q["question"] else None
    if k in ("rev-doc", "rev-attr", "rev-alias"):
        r = by[q["ref"]]
        ok = {"rev-doc": r["doc"] in q["question"], "rev-attr": q.get("attr") in r["attrs"],
              "rev-alias": q.get("alias") in r["aliases"]}[k]
        owners = [x for x in by.values() if (k == "rev-attr" and q.get("attr") in x["attrs"])
                  or (k == "rev-alias" and q.get("alias") in x["aliases"])
                  or (k == "rev-doc" and x["doc"] == r["doc"])]
        return class_answers(r) if ok and len(owners) == 1 else None
    if k in CMP:
        a, b = (by[x] for x in q["candidates"])
        w = cmp_winner(k, a, b)
        return [w["id"]] if w else None
    if k == "cmp-subclass":
        return ["yes" if q["super"] in by[q["ref"]]["mro"] else "no"]
    if k == "filter":
        hit = [r for r in by.values() if all(cond_value(c, r) for c in q["where"])]
        return class_answers(hit[0]) if len(hit) == 1 else None
    if k == "filter-among":
        (c, _), = q["where"].items()
        hit = [x for x in q["candidates"] if cond_value(c, by[x])]
        return hit if len(hit) == 1 else None
    r = by[q["ref"]]
    if k == "s-base":
        return ref_answers(by[r["bases"][0]]) if len(r["bases"]) == 1 else None
    if k == "s-depth":
        return [str(r["depth"])]
    if k == "s-nattrs":
        return [str(len(r["attrs"]))]
    if k == "s-nerrno":
        return [str(len(r["errnos"]))]
    if k == "s-errno":
        return list(r["errnos"]) if len(r["errnos"]) == 1 else None
    if k == "s-module":
        return [r["module"]] if r["name"] in q["question"] else None
    if k == "s-nsub":
        return [str(len(r["subs"]))]
    if k == "s-hasattr":
        return ["yes" if q["attr"] in r["attrs"] else "no"]
    return None


def fact_keys(q: dict) -> list[tuple]:
    k = q["kind"]
    if k.startswith("hop-errno"):
        return [("errno", q["via"], k), (q["ref"], "errnos")]
    if k.startswith("hop-module"):
        return [("module", q["via"], k), (q["ref"], "module")]
    if k.startswith("hop-base"):
        return [(q["via"], k), (q["ref"], "bases")]
    if k.startswith(("reg-", "rev-errno", "rev-message", "rev-module")):
        return [("row", q["row"], k)]
    if k in CMP:
        return [(x, fact_of(k)) for x in q["candidates"]]
    if k == "cmp-subclass":
        return [(q["ref"], "mro")]
    if k.startswith("filter"):
        return [("cond",) + tuple(q["where"]) + (q["answers"][0],)]
    if k == "s-hasattr":
        return [(q["ref"], f"attr:{q['attr']}")]
    if k.startswith(("s-", "rev-")):
        return [(q["ref"], fact_of(k) if k.startswith("s-") else k)]
    return []


def check() -> int:
    _src()
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = records(snap)
    by = {r["id"]: r for r in recs}
    doc2 = {r["doc_id"]: r for r in recs}
    eb, mb = errno_by(snap), mod_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 2} pages, errno.csv, modules.csv)",
                    bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot
    bad = []
    cls = snap["classes"]
    bad += [f"{a}: left-out class not read" for a in absent_ids() if a not in cls]
    for i, c in cls.items():
        if c["mro"][-1:] != ["BaseException"] and i != "BaseException":
            bad.append(f"{i}: mro does not end at BaseException")
        for b in c["bases"]:
            if b != "object" and (b not in cls or b in absent_ids()):
                bad.append(f"{i}: base {b} not catalogued")
            if b != "object" and b not in c["mro"]:
                bad.append(f"{i}: base {b} not among its ancestors")
    for a in absent_ids():
        bad += [f"{a}: left-out class is a base of {i}" for i in catalogued(snap) if a in cls[i]["mro"]]
        bad += [f"{a}: left-out class has errno names" for e in snap["errno"].values() if e["exception"] == a]
    nb = sum(1 for c in cls.values() if c["module"] == "builtins")
    bad += [] if snap["python"].startswith("3.11") else [f"python {snap['python']}"]
    for n, e in snap["errno"].items():
        if e["exception"] not in cls:
            bad.append(f"errno {n}: class {e['exception']} not read")
    results.append((f"the snapshot is whole (Python {snap['python']}: {len(cls)} classes read, {nb} of builtins and "
                    f"{len(cls) - nb} of {len(snap['modules']) - 1} standard-library modules, {len(snap['errno'])} "
                    f"errno names); every base read and catalogued, ancestors end at BaseException, left-out "
                    f"classes are no class's ancestor and map no errno", bad))
    # 3. the corpus
    found_c, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found_c:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad
    want_ids = set(doc2) | {f"errno#{k}" for k in eb} | {f"modules#{k}" for k in mb}
    bad += [] if set(docs) == want_ids else [f"ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [f"{i}: title or front matter" for i, r in doc2.items()
            if i in docs and (docs[i].title != title(r) or docs[i].metadata != normalize_metadata(front(r)))]
    for r in recs:
        body = docs[r["doc_id"]].text.lower() if r["doc_id"] in docs else ""
        for _, label, value in rows(r):
            if value.lower() not in body and not (_LAYOUT[r["id"]] == "sheet" and cell(value).lower() in body):
                bad.append(f"{r['id']}: {label} value {value!r} not in the body")
    for k, x in eb.items():
        t = docs[f"errno#{k}"].text if f"errno#{k}" in docs else ""
        bad += [f"errno {k}: column {c} not in its row" for c in ERRNO_COLUMNS[2:] if str(x[c]) not in t]
    for k, x in mb.items():
        t = docs[f"modules#{k}"].text if f"modules#{k}" in docs else ""
        bad += [f"module {k}: column {c} not in its row" for c in MODULE_COLUMNS[2:] if str(x[c]) not in t]
    named = {e for r in recs for e in r["errnos"]}
    bad += [] if named == set(eb) else [f"errno.csv rows {sorted(named ^ set(eb))} not the names pages name"]
    lay = Counter(_LAYOUT.values())
    bad += [] if max(lay.values()) - min(lay.values()) <= 2 else [f"layouts uneven {dict(lay)}"]
    results.append((f"the corpus loads {len(docs)} documents ({len(doc2)} pages, {len(eb)} errno rows, {len(mb)} "
                    f"module rows) with titles and front matter; every value of a record in its page body; every "
                    f"register column in its row; errno.csv holds exactly the names pages name; layouts "
                    f"{dict(lay)}", bad))
    # 4. QA files
    bad = []
    for s in ("dev", "test"):
        try:
            load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    rows_ = {s: [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()]
             for s in ("dev", "test")}
    ids = [q["id"] for s in rows_ for q in rows_[s]]
    bad += [f"id {i} twice" for i, c in Counter(ids).items() if c > 1]
    for s in rows_:
        for q in rows_[s]:
            if not q["id"].startswith(f"{PREFIX}-{s}-"):
                bad.append(f"{q['id']}: id not of {s}")
            if q["type"] == "unanswerable":
                if q["answers"] or q["evidence"]:
                    bad.append(f"{q['id']}: unanswerable with answers or evidence")
                continue
            if not q["answers"]:
                bad.append(f"{q['id']}: answerable with no answer")
            if not q["evidence"] or any(e not in docs for e in q["evidence"]):
                bad.append(f"{q['id']}: evidence missing")
            if q["type"] == "multi_hop" and len(q["evidence"]) < 2:
                bad.append(f"{q['id']}: a chain with one document")
            if q.get("options") and not set(q["answers"]) <= set(q["options"]):
                bad.append(f"{q['id']}: gold not among options")
            if (q.get("options") == ["yes", "no"]) != bool(q.get("derived")):
                bad.append(f"{q['id']}: derived flag")
    results.append(("load_qa reads both splits against the corpus ids; ids unique and of their split; evidence "
                    "exists (two documents on chains, none on unanswerables); unanswerables have no answers; golds "
                    "among options; yes/no items marked derived", bad))
    # 5. gold in evidence, scoring
    bad, sc = [], []
    for s in rows_:
        for q in rows_[s]:
            typ, golds = q["type"], q["answers"]
            if typ == "unanswerable":
                if not _ok(q["question"], [], typ, "The documents do not say."):
                    sc.append(f"{q['id']}: abstention scores wrong")
                if _ok(q["question"], [], typ, "It was added in Python 3.3."):
                    sc.append(f"{q['id']}: a made-up answer scores correct")
                continue
            ev = [docs[e].text for e in q["evidence"] if e in docs]
            target = ev[-1:] if typ == "multi_hop" else ev
            if q.get("derived"):  # yes: the name in the page's list; no: the name nowhere on the page
                if q["kind"] == "s-hasattr":
                    on = word_on(q["attr"], ev[0])
                    want = by[q["ref"]]["attrs"]
                    listed = q["attr"] in want
                else:
                    on = word_on(q["super"], ev[0])
                    listed = q["super"] in by[q["ref"]]["mro"]
                if on != (golds == ["yes"]) or listed != (golds == ["yes"]):
                    bad.append(f"{q['id']}: on the page {on}, listed {listed}, gold {golds}")
                continue
            for g in golds:
                if not any(g.lower() in t.lower() and _contains(_atok(t), _atok(g)) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in an evidence document")
            if not q.get("options") and any(_contains(_atok(q["question"]), _atok(g)) for g in golds):
                bad.append(f"{q['id']}: gold inside its question")
            if _ok(q["question"], golds, typ, "The documents do not say."):
                sc.append(f"{q['id']}: abstention scores correct")
            if q.get("options"):
                if not hedge_safe(q["question"], q["options"], golds[0], typ):
                    sc.append(f"{q['id']}: options or hedges score wrongly")
            elif not gold_safe(q["question"], golds, typ):
                sc.append(f"{q['id']}: gold alone, in a sentence, a citation or a number plus or minus one scores "
                          f"wrongly")
            if golds[0] in cls and not q.get("options") and not names_safe(q["question"], golds, typ, snap,
                                                                           golds[0]):
                sc.append(f"{q['id']}: another class name scores correct")
            if typ == "multi_hop" and _ok(q["question"], golds, typ, docs[q["evidence"][0]].text[:400]):
                sc.append(f"{q['id']}: the first document alone scores correct")
    results.append(("every gold occurs (as text and as accuracy tokens) in an evidence document (the last, on "
                    "chains) and not inside its question; yes/no items: the name listed on the page for yes, "
                    "nowhere on it for no", bad))
    results.append(("scoring: gold alone and in a sentence correct; citations, a number plus or minus one, wrong "
                    "options, hedges and every other class read wrong; abstention correct exactly on "
                    "unanswerables", sc))
    # 6. facts
    bad = []
    for s in rows_:
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            t = truth(q, snap, by, eb, mb)
            if t is None or t != q["answers"]:
                bad.append(f"{q['id']}: gold {q['answers']} but the snapshot gives {t}")
    results.append(("facts agree with snapshot.json (bases, depths, attributes, errno names and rows, modules and "
                    "rows, docstrings, aliases, comparison winners, subclass relations, filters single out their "
                    "answer)", bad))
    # 7. split separation
    bad = []
    for s in rows_:
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in doc2 and sp[doc2[e]["id"]] != s:
                    bad.append(f"{q['id']}: page {e} of the other split")
                if "#" in e and sr[e] != s:
                    bad.append(f"{q['id']}: row {e} of the other split")
            for x in q.get("candidates", []):
                if q["kind"] != "filter" and sp[x] != s:
                    bad.append(f"{q['id']}: candidate {x} of the other split")
            if q["kind"] == "absent-field" and sp[q["entry"]] != s:
                bad.append(f"{q['id']}: asks of a page of the other split")
            if q["kind"] == "absent-class" and q["entry"] not in ABSENT[s]:
                bad.append(f"{q['id']}: left-out class of the other split")
    qd = {" ".join(_atok(q["question"])) for q in rows_["dev"]}
    bad += [f"{q['id']}: also in dev" for q in rows_["test"] if " ".join(_atok(q["question"])) in qd]
    fd = {f for q in rows_["dev"] for f in fact_keys(q)}
    bad += [f"{q['id']}: fact {f} also asked in dev" for q in rows_["test"] for f in fact_keys(q) if f in fd]
    for s in rows_:
        c = Counter(" ".join(_atok(q["question"])) for q in rows_[s])
        bad += [f"{s}: {x!r} twice" for x, n in c.items() if n > 1]
        facts = Counter(f for q in rows_[s] for f in fact_keys(q))
        bad += [f"{s}: fact {f} asked {n} times" for f, n in facts.items() if n > 1]
    results.append((f"splits: pages {sum(v == 'dev' for v in sp.values())} dev / "
                    f"{sum(v == 'test' for v in sp.values())} test by hash within folders, register rows "
                    f"{sum(v == 'dev' for v in sr.values())} dev / {sum(v == 'test' for v in sr.values())} test; no "
                    f"question uses a page or row of the other split; no question or fact in both; a fact once per "
                    f"split", bad))
    # 8. unanswerables absent
    bad = []
    for m in absent_ids():
        hits = [p for p, x in on_disk.items() if re.search(name_pattern(m, snap), x, re.I)]
        if hits:
            bad.append(f"left-out {m} named on {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I):
            bad.append(f"ABSENT_FIELDS {f}: the pattern misses its made-up answer")
        hits = [p for p, x in on_disk.items() if re.search(pat, x, re.I)]
        if hits:
            bad.append(f"ABSENT_FIELDS {f}: pattern on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["kind"] == "absent-class" and not re.search(name_pattern(q["entry"], snap), q["question"]):
                bad.append(f"{q['id']}: does not name its left-out class")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or q["entry"] not in q["question"]):
                bad.append(f"{q['id']}: absent field")
    results.append(("unanswerables: left-out classes named in no corpus file (catalogue, qualified or bare name); "
                    "every absent-field pattern (version added, PEP, C source file, line, author, instance size, "
                    "raising functions) matches its made-up answer and no corpus file", bad))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(q["type"] for q in rows_[s])) for s in rows_}
    results.append((f"split sizes and type mix (dev {len(rows_['dev'])}, test {len(rows_['test'])})",
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
