"""Build the catalog39 evaluation corpus: Python 3.11's `ast` node classes.

    PYTHONPATH=src python scripts/build_catalog39.py snapshot [--force]  # import ast -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog39.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog39.py check               # loader + scorer + fact checks, no ast import

`snapshot` asks this machine's Python (3.11.7) about every class that subclasses `ast.AST`: its direct base, its
ancestors, its docstring (the ASDL signature, or for an abstract category the ASDL rule), `_fields` and
`_attributes`, whether it is one of the deprecated classes kept for compatibility (docstring "Deprecated AST node
class..."), what calling a deprecated class with no arguments returns, and for the operator nodes the symbol and the
precedence `ast.unparse` uses (`ast._Unparser`'s tables). Written to `evalsets/catalog39/snapshot.json` (committed;
`snapshot` refuses to overwrite it without --force).

`build` turns the snapshot into one record per catalogued concrete node class (all but SKIP and ABSENT), renders one
markdown page per class, `<category>/<Name>.md`, with YAML front matter and one of three layouts dealt in turn in the
order of sha256("catalog39:layout<Name>") within each split: `sheet` (a `| Field | Value |` table), `card` (headed
sections of `- Label: value` bullets) or `prose` (paragraphs whose sentences vary per page); one register the pages
point at, `categories.csv` (one row per category); and dev.jsonl and test.jsonl (seed SEED), then
test.jsonl.sha256.

`check` reads only the snapshot and the committed files (it does not import `ast`): renders and generates again and
compares byte for byte, loads the corpus with ragtune's loader, reads both splits with `load_qa`, checks evidence,
gold text and tokens, scoring verdicts, facts against the snapshot, split separation, that left-out classes and
absent fields are on no page, the sha256 and the type mix; prints PASS/FAIL per check and exits 1 on a failure.
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
OUT = ROOT / "evalsets" / "catalog39"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 39
PREFIX = "c39"

# Concrete classes read but not catalogued (no page; they may be named in a category's ASDL rule in categories.csv).
SKIP = ["SetComp", "DictComp", "Await", "Starred", "Set", "AugAssign", "AsyncFor", "Global", "Delete", "MatMult",
        "LShift", "RShift", "LtE", "GtE", "UAdd", "FunctionType"]
# Read but left out: no page, no register row, and no corpus file names them.
ABSENT = {"dev": ["NamedExpr", "Nonlocal", "MatchStar"], "test": ["TryStar", "YieldFrom", "AsyncWith"]}
ABSENT_QUESTIONS = {
    "NamedExpr": ["What fields does the NamedExpr node have?", "How many fields does ast.NamedExpr have?"],
    "Nonlocal": ["What is the type of the names field of the Nonlocal statement node?"],
    "MatchStar": ["Is the name field of MatchStar optional?"],
    "TryStar": ["What is the docstring of ast.TryStar?", "How many list fields does TryStar have?"],
    "YieldFrom": ["Which fields does the YieldFrom expression node define?",
                  "Does YieldFrom carry position attributes such as lineno?"],
    "AsyncWith": ["What is the signature of the AsyncWith node?", "What is the first field of AsyncWith?"],
}  # fmt: skip
# What no page records: (question template, a pattern no corpus file may match, a made-up answer it must match).
ABSENT_FIELDS = {
    "version": ("In which Python version was the {n} node added to the ast module?",
                r"\b(?:added|new|introduced|appeared) in (?:python )?(?:version )?\d|\bversion(?:added|changed)\b"
                r"|\bsince python\b", "It was added in Python 3.8."),
    "pep": ("Which PEP introduced the {n} node?", r"\bPEP\s*-?\s*\d+|\bpython enhancement proposal",
            "PEP 572 introduced it."),
    "cstruct": ("Which C struct implements the {n} node in CPython?",
                r"\bstruct\b|\bPython-ast\b|\b[\w/-]+\.[ch]\b(?![\w.])|\b_ty\b|\bParser/",
                "It is implemented by struct _expr in Python-ast.c."),
    "lineno": ("On which line of Parser/Python.asdl is {n} declared?",
               r"\bline \d+\b|\bdeclared (?:at|on) line\b|\.asdl\b", "It is declared on line 73."),
    "sizeof": ("How many bytes does an instance of ast.{n} occupy in memory?",
               r"__basicsize__|\bsizeof\b|\binstance size\b|\bbytes in memory\b|\b\d+ bytes\b",
               "An instance occupies 56 bytes in memory."),
    "freq": ("How many times does the {n} node occur in the standard library's source?",
             r"\boccurs? \d+ times\b|\b\d+ occurrences\b|\bfrequency\b|\bhow often\b",
             "It occurs 4210 times in the standard library."),
    "author": ("Who designed the {n} node?", r"\bdesigned by\b|\bwritten by\b|\bauthor(?:s|ed)?\b|\bcopyright\b",
               "It was designed by Guido van Rossum."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 4, "filter-among": 5}}
YESNO = {"dev": 1, "test": 2}  # comparison items "Does X have a field called Y?" (derived yes/no)
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-class items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 4}  # single-hop questions about a register row
CAPS = {"dev": {"single_hop": 2, "multi_hop": 2, "reverse": 2, "comparison": 2},
        "test": {"single_hop": 3, "multi_hop": 2, "reverse": 4, "comparison": 2}}
DEV_EVERY = (0, 3, 5)
DEV_ROWS = 0.4  # share of the categories.csv rows that go to dev (by hash)
LAYOUTS = ("sheet", "card", "prose")
PAGE_USE = 2  # the most questions one page is evidence for, per split
PRODUCT = "AST"  # the register row of the classes that subclass AST directly (no abstract category)
NOUNS = {"mod": "module-level (mod) node", "stmt": "statement node", "expr": "expression node",
         "expr_context": "expression-context node", "boolop": "boolean operator node",
         "operator": "binary operator node", "unaryop": "unary operator node", "cmpop": "comparison operator node",
         "excepthandler": "exception-handler node", "pattern": "pattern node", "type_ignore": "type-ignore node",
         "slice": "slice node", PRODUCT: "node class that subclasses AST directly"}
OP_CATS = ("boolop", "operator", "unaryop", "cmpop")

# ------------------------------------------------------------------ reading ast (snapshot only)


def scan() -> dict:
    import ast
    import platform
    import warnings

    classes: list[type] = []

    def walk(c: type) -> None:
        for s in c.__subclasses__():
            if s not in classes and s.__module__ == "ast":
                classes.append(s)
                walk(s)

    walk(ast.AST)
    u = ast._Unparser()
    symbols = {**u.binop, **u.unop, **u.cmpops, **u.boolops}
    prec = {}
    for table, names in ((u.binop_precedence, u.binop), (u.unop_precedence, u.unop),
                         (u.boolop_precedence, u.boolops)):
        for n, sym in names.items():
            prec[n] = [table[sym].name, int(table[sym])]
    for n in u.cmpops:
        prec[n] = [ast._Precedence.CMP.name, int(ast._Precedence.CMP)]
    out = {}
    for c in classes:
        n = c.__name__
        doc = c.__doc__ or ""
        x = {"base": c.__bases__[0].__name__, "mro": [b.__name__ for b in c.__mro__[1:] if b is not object],
             "doc": doc, "fields": list(c._fields), "attributes": list(getattr(c, "_attributes", ())),
             "subclasses": [s.__name__ for s in c.__subclasses__()],
             "deprecated": doc.startswith("Deprecated AST node class"), "bound": getattr(ast, n, None) is c}
        if x["deprecated"]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    x["returns"] = type(c()).__name__
                except TypeError as e:
                    x["returns"] = None
                    x["returns_error"] = str(e)
        if n in symbols:
            x["symbol"] = symbols[n]
            x["precedence"] = prec[n]
        out[n] = x
    return {"source": "this machine's Python: every class of the ast module that subclasses ast.AST, read by "
                      "importing ast (direct base, ancestors, docstring, _fields, _attributes, direct subclasses, "
                      "deprecated or not and what calling a deprecated class returns, and for operator nodes the "
                      "symbol and precedence of ast._Unparser)",
            "python": platform.python_version(), "system": platform.system(), "classes": out}


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
    bad = [a for a in absent_ids() + SKIP if a not in snap["classes"]]
    if bad:
        sys.exit(f"not known to this machine's Python: {bad}")
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}: {len(snap['classes'])} node classes")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def categories(snap: dict) -> list[str]:
    """Abstract categories: direct subclasses of AST with subclasses of their own and no fields."""
    cls = snap["classes"]
    return [n for n, c in cls.items() if c["base"] == "AST" and c["subclasses"] and not c["fields"]]


def category_of(n: str, snap: dict) -> str:
    cats = set(categories(snap))
    for a in snap["classes"][n]["mro"]:
        if a in cats:
            return a
    return PRODUCT


def concrete(snap: dict) -> list[str]:
    cats = set(categories(snap))
    return [n for n in snap["classes"] if n not in cats]


def catalogued(snap: dict) -> list[str]:
    return [n for n in concrete(snap) if n not in SKIP and n not in absent_ids()]


def parse_signature(n: str, doc: str, fields: list[str]) -> list[dict] | None:
    """`Name(type? a, type* b)` -> [{"name", "type", "mod"}]; None where the docstring is no signature of the
    fields."""
    line = doc.strip().split("\n")[0].strip()
    if line == n:
        return [] if not fields else None
    m = re.fullmatch(rf"{re.escape(n)}\((.*)\)", line)
    if not m:
        return None
    out = []
    for part in m.group(1).split(","):
        t, f = part.split()
        mod = t[-1] if t[-1] in "?*" else ""
        out.append({"name": f, "type": t.rstrip("?*"), "mod": mod})
    return out if [x["name"] for x in out] == fields else None


def make_records(snap: dict) -> list[dict]:
    cls = snap["classes"]
    recs = []
    for n in catalogued(snap):
        c = cls[n]
        sig = parse_signature(n, c["doc"], c["fields"])
        cat = category_of(n, snap)
        r = {"id": n, "qual": f"ast.{n}", "category": cat, "base": c["base"], "mro": c["mro"],
             "doc": " ".join(c["doc"].split()), "fields": c["fields"], "attributes": c["attributes"],
             "deprecated": c["deprecated"], "sig": sig, "folder": cat.lower() if cat != PRODUCT else "ast-direct",
             "optional": [x["name"] for x in sig if x["mod"] == "?"] if sig else [],
             "lists": [x["name"] for x in sig if x["mod"] == "*"] if sig else [],
             "types": {x["name"]: x["type"] for x in sig} if sig else {},
             "symbol": c.get("symbol"), "precedence": c.get("precedence"), "returns": c.get("returns", "")}
        if c["deprecated"] and c.get("returns") is None:
            r["returns"] = ""
        r["doc_id"] = f"{r['folder']}/{n}"
        recs.append(r)
    order = [c for c in categories(snap)] + [PRODUCT]
    return sorted(recs, key=lambda r: (order.index(r["category"]), r["id"].lower()))


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


def class_answers(n: str) -> list[str]:
    return [n, f"ast.{n}"]


# ------------------------------------------------------------------ register

CAT_COLUMNS = ["id", "title", "docstring", "constructors", "direct_subclasses", "catalogued_classes", "attributes",
               "deprecated"]


def constructors(doc: str) -> int | None:
    """The number of alternatives of an ASDL sum rule (`x = A(...) | B | ...`); None where the docstring is none."""
    text = " ".join(doc.split())
    if " = " not in text:
        return None
    rhs, depth, n = text.split(" = ", 1)[1], 0, 1
    for ch in rhs:
        depth += ch == "("
        depth -= ch == ")"
        n += ch == "|" and depth == 0
    return n


def category_rows(snap: dict) -> list[dict]:
    cls = snap["classes"]
    recs = records(snap)
    n = Counter(r["category"] for r in recs)
    out = []
    for c in categories(snap):
        x = cls[c]
        k = constructors(x["doc"])
        out.append({"id": c, "title": f"category {c}", "docstring": x["doc"].strip().split("\n")[0].strip() or "-",
                    "constructors": "-" if k is None else k, "direct_subclasses": len(x["subclasses"]),
                    "catalogued_classes": n[c], "attributes": " ".join(x["attributes"]) or "-",
                    "deprecated": "yes" if x["deprecated"] else "no"})
    direct = [s for s, x in cls.items() if x["base"] == "AST"]
    out.append({"id": PRODUCT, "title": "AST itself (classes with no abstract category)", "docstring": "-",
                "constructors": "-", "direct_subclasses": len(direct), "catalogued_classes": n[PRODUCT],
                "attributes": "-", "deprecated": "no"})
    return out


def cat_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in category_rows(snap)}


def table_csv(rows_: list[dict], cols: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows_:
        w.writerow(r)
    return buf.getvalue()


# ------------------------------------------------------------------ splits and layouts


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog39:{salt}{key}".encode()).hexdigest(), 16)


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Within each folder, in the order of sha256("catalog39:<Name>"), the pages at places 0, 3 and 5 of every 8
    (counted across folders) go to dev."""
    out, i = {}, 0
    for f in folders(recs):
        for n in sorted((r["id"] for r in recs if r["folder"] == f), key=_h):
            out[n] = "dev" if i % 8 in DEV_EVERY else "test"
            i += 1
    return out


def split_rows(snap: dict) -> dict[str, str]:
    ids = [x["id"] for x in category_rows(snap)]
    ranked = sorted(ids, key=lambda m: _h(m, "row"))
    ndev = round(len(ids) * DEV_ROWS)
    return {f"categories#{m}": "dev" if k < ndev else "test" for k, m in enumerate(ranked)}


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
    return f"ast.{r['id']} — {r['doc']}" if r["doc"] and len(r["doc"]) <= 100 else f"ast.{r['id']} — node class"


def lst(xs: list[str], empty: str) -> str:
    return ", ".join(xs) if xs else empty


def types_text(r: dict) -> str:
    if not r["fields"]:
        return "no fields"
    if r["sig"] is None:
        return "not given (the docstring is no signature)"
    return "; ".join(f"{x['name']}: {x['type']}{x['mod']}" for x in r["sig"])


def dep_text(r: dict) -> str:
    return "yes (a deprecated class kept for compatibility)" if r["deprecated"] else "no"


def returns_text(r: dict) -> str:
    return f"an instance of {r['returns']}" if r["returns"] else "a TypeError (a value argument is required)"


def rows(r: dict) -> list[tuple[str, str, str]]:
    S = "Identification"
    out = [(S, "Node class", r["id"]), (S, "Qualified name", r["qual"]),
           (S, "Category", f"see categories.csv row {r['category']}"), (S, "Direct base class", r["base"]),
           (S, "Ancestors, nearest first", ", ".join(r["mro"])), (S, "Deprecated", dep_text(r))]
    if r["deprecated"]:
        out.append((S, "Calling it with no arguments returns", returns_text(r)))
    S = "Docstring"
    out.append((S, "Docstring", r["doc"] or "none"))
    S = "Fields"
    out += [(S, "Number of fields", str(len(r["fields"]))), (S, "Fields, in order", lst(r["fields"], "no fields")),
            (S, "Field types", types_text(r))]
    if r["sig"]:
        out += [(S, "Optional fields (?)", lst(r["optional"], "none")),
                (S, "Number of optional fields", str(len(r["optional"]))),
                (S, "List fields (*)", lst(r["lists"], "none")), (S, "Number of list fields", str(len(r["lists"])))]
    S = "Attributes"
    out += [(S, "Position attributes (_attributes)", lst(r["attributes"], "none")),
            (S, "Number of _attributes", str(len(r["attributes"])))]
    if r["symbol"]:
        S = "Unparsing"
        out += [(S, "Symbol ast.unparse writes", f"`{r['symbol']}`"),
                (S, "Unparse precedence", f"{r['precedence'][0]} ({r['precedence'][1]})")]
    return out


def front(r: dict) -> dict:
    return {"node": r["id"], "category": r["category"], "base": r["base"], "fields": len(r["fields"]),
            "deprecated": r["deprecated"]}


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(snap: dict) -> str:
    return (f"Source: the ast module of this machine's Python {snap['python']} ({snap['system']}), read by importing "
            f"it; what each category holds is kept in categories.csv.")


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
    c, q, cat = r["id"], r["qual"], f"see categories.csv row {r['category']}"
    p1 = [(f"{c} (qualified name {q}) is a node class of the ast module. Category: {cat}.",
           f"The node class {c}, qualified name {q}, sits in one category ({cat}).",
           f"Qualified name: {q}. Category of {c}: {cat}.")[w % 3],
          (f"Its direct base class is {r['base']}, and its ancestors, nearest first, are {', '.join(r['mro'])}.",
           f"Direct base class: {r['base']}. Ancestors, nearest first: {', '.join(r['mro'])}.")[(w >> 2) % 2]]
    if r["deprecated"]:
        p1.append((f"Deprecated: {dep_text(r)}; calling it with no arguments returns {returns_text(r)}.",
                   f"It is deprecated ({dep_text(r)}). Calling it with no arguments returns "
                   f"{returns_text(r)}.")[(w >> 3) % 2])
    else:
        p1.append(("Deprecated: no.", "It is not one of the deprecated classes (deprecated: no).")[(w >> 3) % 2])
    p2 = [(f"Docstring: {r['doc']}" if r["doc"] else "Docstring: none.",
           f"Its docstring reads: {r['doc']}" if r["doc"] else "It has no docstring.")[(w >> 4) % 2]]
    nf = len(r["fields"])
    if nf:
        p3 = [(f"It has {nf} field{'s' if nf != 1 else ''} (number of fields: {nf}), in order: {', '.join(r['fields'])}.",
               f"Number of fields: {nf}. Fields, in order: {', '.join(r['fields'])}.")[(w >> 5) % 2],
              (f"Field types: {types_text(r)}.", f"As the signature types them: {types_text(r)}.")[(w >> 6) % 2]]
        if r["sig"]:
            no, nl = len(r["optional"]), len(r["lists"])
            p3.append((f"Optional fields (?): {lst(r['optional'], 'none')} (number of optional fields: {no}); list "
                       f"fields (*): {lst(r['lists'], 'none')} (number of list fields: {nl}).",
                       f"Number of optional fields: {no} ({lst(r['optional'], 'none')}). Number of list fields: "
                       f"{nl} ({lst(r['lists'], 'none')}).")[(w >> 7) % 2])
    else:
        p3 = [("It has no fields (number of fields: 0).", "Number of fields: 0; fields, in order: no fields.")
              [(w >> 5) % 2]]
    na = len(r["attributes"])
    if na:
        p4 = [(f"Position attributes (_attributes): {', '.join(r['attributes'])} (number of _attributes: {na}).",
               f"Every instance carries {na} position attributes (number of _attributes: {na}): "
               f"{', '.join(r['attributes'])}.")[(w >> 8) % 2]]
    else:
        p4 = [("Position attributes (_attributes): none (number of _attributes: 0).",
               "It carries no position attributes (_attributes: none; number of _attributes: 0).")[(w >> 8) % 2]]
    paras = [p1, p2, p3, p4]
    if r["symbol"]:
        s, (pn, pv) = f"`{r['symbol']}`", r["precedence"]
        paras.append([(f"ast.unparse writes it as {s}, at unparse precedence {pn} ({pv}).",
                       f"Symbol ast.unparse writes: {s}. Unparse precedence: {pn} ({pv}).")[(w >> 9) % 2]])
    return "\n\n".join(" ".join(p) for p in paras) + "\n"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[_LAYOUT[r["id"]]](r)
    return head + body + "\n" + source_line(snap) + "\n"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {f"{r['doc_id']}.md": render(r, snap) for r in recs}
    out["categories.csv"] = table_csv(category_rows(snap), CAT_COLUMNS)
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


CITES = ["See the Python documentation.", "The catalogue page says so.", "It is an AST node class.",
         "Check categories.csv.", "Run help() on the class to find out.", "Look at the ast module."]  # fmt: skip


def gold_safe(question: str, answers: list[str], typ: str) -> bool:
    if not all(_atok(g) for g in answers):
        return False
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
    """Where a class is the answer: every other node class read (catalogued, skipped or left out) scores wrong."""
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


def field_owners(snap: dict) -> Counter:
    """How many concrete node classes read (catalogued or not) have a field of each name."""
    return Counter(f for n in concrete(snap) for f in snap["classes"][n]["fields"])


def common_fields(recs: list[dict]) -> list[str]:
    c = Counter(f for r in recs for f in r["fields"])
    return sorted(f for f, k in c.items() if 2 <= k <= 12)


def cond_value(c: str, r: dict) -> bool:
    if c == "deprecated":
        return r["deprecated"]
    if c == "positions":
        return bool(r["attributes"])
    if c == "nopositions":
        return not r["attributes"]
    if c == "nofields":
        return not r["fields"]
    if c == "optional":
        return bool(r["optional"])
    if c.startswith("cat:"):
        return r["category"] == c[4:]
    if c.startswith("field:"):
        return c[6:] in r["fields"]
    if c.startswith("ftype:"):
        return c[6:] in r["types"].values()
    if c.startswith("nfields:"):
        return len(r["fields"]) == int(c[8:])
    if c.startswith("nlists:"):
        return len(r["lists"]) == int(c[7:]) and r["sig"] is not None
    if c.startswith("symbol:"):
        return r["symbol"] == c[7:]
    if c.startswith("prec:"):
        return bool(r["precedence"]) and r["precedence"][0] == c[5:]
    raise KeyError(c)


def cond_phrase(c: str) -> str:
    if c.startswith("field:"):
        return f"has a field called {c[6:]}"
    if c.startswith("ftype:"):
        return f"has a field of type {c[6:]}"
    if c.startswith("nfields:"):
        k = int(c[8:])
        return f"has exactly {k} field{'s' if k != 1 else ''}"
    if c.startswith("nlists:"):
        k = int(c[7:])
        return f"has exactly {k} list field{'s' if k != 1 else ''} (marked *)"
    if c.startswith("symbol:"):
        return f"does ast.unparse write as `{c[7:]}`"
    if c.startswith("prec:"):
        return f"has the unparse precedence {c[5:]}"
    return {"deprecated": "is a deprecated class kept for compatibility",
            "positions": "carries position attributes such as lineno",
            "nopositions": "carries no position attributes (no lineno)", "nofields": "has no fields at all",
            "optional": "has an optional field (marked ?)"}[c]


def noun_phrase(c: str) -> str:
    if c == "deprecated":
        return "deprecated node class"
    if c.startswith("cat:"):
        return NOUNS[c[4:]]
    raise KeyError(c)


def fact_of(c: str) -> str:
    """The page field a condition or kind reads."""
    if c.startswith(("field:", "ftype:")):
        return c
    if c.startswith(("nfields:", "nofields")):
        return "fields"
    if c.startswith("nlists:"):
        return "lists"
    if c.startswith("symbol:"):
        return "symbol"
    if c.startswith("prec:"):
        return "precedence"
    if c.startswith("cat:"):
        return "category"
    return {"deprecated": "deprecated", "positions": "attributes", "nopositions": "attributes",
            "optional": "optional", "cmp-nfields": "fields", "cmp-nlists": "lists", "cmp-nopt": "optional",
            "cmp-positions": "attributes", "cmp-deprecated": "deprecated", "cmp-prec": "precedence",
            "s-base": "base", "s-nfields": "fields", "s-first": "fields", "s-last": "fields", "s-ftype": "types",
            "s-opt": "optional", "s-list": "lists", "s-nattrs": "attributes", "s-prec": "precedence",
            "s-returns": "returns", "s-nopt": "optional"}.get(c, c)


# ------------------------------------------------------------------ questions


def single_candidates(r: dict) -> list[dict]:
    c, out = r["id"], []
    if r["base"] != r["category"]:
        out.append({"kind": "s-base", "t": [f"What is the direct base class of ast.{c}?",
                                            f"Which class does ast.{c} inherit from directly?",
                                            f"ast.{c} is derived directly from which class?"],
                    "answers": [r["base"]]})
    if len(r["fields"]) >= 2:
        out.append({"kind": "s-nfields", "t": [f"How many fields does the {c} node have?",
                                               f"How many entries are there in the _fields of ast.{c}?",
                                               f"Counting its _fields, how many fields does {c} define?"],
                    "answers": [str(len(r["fields"]))]})
        out.append({"kind": "s-first", "t": [f"What is the first field of the {c} node?",
                                             f"Which field comes first in ast.{c}._fields?",
                                             f"In the field order of {c}, which field is listed first?"],
                    "answers": [r["fields"][0]]})
        out.append({"kind": "s-last", "t": [f"What is the last field of the {c} node?",
                                            f"Which field comes last in the _fields of ast.{c}?"],
                    "answers": [r["fields"][-1]]})
    for f, t in r["types"].items():
        if t not in ("expr", "stmt") and len(r["fields"]) >= 2:
            out.append({"kind": "s-ftype", "field": f,
                        "t": [f"What type does the signature of {c} give its {f} field?",
                              f"In ast.{c}, what is the declared type of the field {f}?",
                              f"The {f} field of the {c} node holds values of which type?"],
                        "answers": [t]})
    if len(r["optional"]) == 1 and len(r["fields"]) >= 2:
        out.append({"kind": "s-opt", "t": [f"Which field of {c} is optional?",
                                           f"Which one of the fields of ast.{c} is marked optional (?)?"],
                    "answers": list(r["optional"])})
    if len(r["optional"]) >= 2:
        out.append({"kind": "s-nopt", "t": [f"How many optional fields does {c} have?",
                                            f"How many of the fields of ast.{c} are marked optional (?)?"],
                    "answers": [str(len(r["optional"]))]})
    if len(r["lists"]) == 1 and len(r["fields"]) >= 2:
        out.append({"kind": "s-list", "t": [f"Which field of {c} holds a list?",
                                            f"Which one of the fields of ast.{c} is a list field (*)?"],
                    "answers": list(r["lists"])})
    if r["precedence"]:
        out.append({"kind": "s-prec", "t": [f"What unparse precedence does ast.unparse give the {c} operator?",
                                            f"Which precedence level does the unparser use for ast.{c}?"],
                    "answers": [r["precedence"][0]]})
    if r["deprecated"] and r["returns"]:
        out.append({"kind": "s-returns", "t": [f"Calling the deprecated ast.{c} with no arguments returns an "
                                               f"instance of which class?",
                                               f"What class of object do you get from ast.{c}() with no "
                                               f"arguments?"],
                    "answers": [r["returns"]]})
    return out


CMP = {  # kind: (applies, key, templates); the winner has the larger key
    "cmp-nfields": (lambda r: True, lambda r: len(r["fields"]),
                    ["Which node has more fields, {a} or {b}?",
                     "Of {a} and {b}, which node class defines more fields?"]),
    "cmp-nlists": (lambda r: r["sig"] is not None, lambda r: len(r["lists"]),
                   ["Which has more list fields (marked *), {a} or {b}?",
                    "Of {a} and {b}, which node has more fields that hold lists?"]),
    "cmp-nopt": (lambda r: r["sig"] is not None, lambda r: len(r["optional"]),
                 ["Which has more optional fields, {a} or {b}?",
                  "Of {a} and {b}, which node has more fields marked optional (?)?"]),
    "cmp-positions": (lambda r: True, lambda r: bool(r["attributes"]),
                      ["Which of these nodes carries position attributes such as lineno, {a} or {b}?",
                       "One of {a} and {b} records source positions (lineno, col_offset). Which one?"]),
    "cmp-deprecated": (lambda r: True, lambda r: r["deprecated"],
                       ["Which of these is a deprecated node class, {a} or {b}?",
                        "One of {a} and {b} is kept only for compatibility (deprecated). Which one?"]),
    "cmp-prec": (lambda r: bool(r["precedence"]), lambda r: r["precedence"][1] if r["precedence"] else 0,
                 ["Which operator binds more tightly when ast.unparse writes it, {a} or {b}?",
                  "Of {a} and {b}, which has the higher unparse precedence?"]),
}  # fmt: skip


def cmp_winner(k: str, a: dict, b: dict) -> dict | None:
    ka, kb = CMP[k][1](a), CMP[k][1](b)
    if ka == kb:
        return None
    return a if ka > kb else b


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    assign_layouts(recs)
    by = {r["id"]: r for r in recs}
    sp = split_pages(recs)
    sr = split_rows(snap)
    cb = cat_by(snap)
    common = common_fields(recs)
    owners = field_owners(snap)
    sigs = Counter(tuple(snap["classes"][n]["fields"]) for n in concrete(snap))
    seen_q: set = set()
    out = {}
    page_text = {r["doc_id"]: render(r, snap) for r in recs}
    for s in ("dev", "test"):
        rng = random.Random(f"{SEED}:{s}")
        pages = [r for r in recs if sp[r["id"]] == s]
        crows = [x for x in cb.values() if sr[f"categories#{x['id']}"] == s]
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

        # ---- multi-hop: page -> categories.csv row; page -> the page of its base or of a field's node type
        pools: dict[str, list[dict]] = {}
        for r in pages:
            c = r["id"]
            row = f"categories#{r['category']}"
            if sr[row] == s and r["category"] != PRODUCT:
                x = cb[r["category"]]
                cands = [("hop-cat-count", "catalogued_classes",
                          [f"How many catalogued node classes share the category of {c}?",
                           f"{c} belongs to one category. How many classes of this catalogue does that category "
                           f"hold?"]),
                         ("hop-cat-subs", "direct_subclasses",
                          [f"How many direct subclasses does the category of {c} have in the ast module?",
                           f"{c} sits in one category. How many classes subclass that category directly?"])]
                if x["constructors"] != "-":
                    cands.append(("hop-cat-cons", "constructors",
                                  [f"How many constructors does the ASDL rule of the category of {c} list?",
                                   f"The category of {c} is an ASDL sum rule. How many alternatives does it have?"]))
                for k, col, ts in cands:
                    pools.setdefault(k, []).append(
                        {"question": rng.choice(ts), "answers": [str(x[col])],
                         "evidence": [r["doc_id"], row], "kind": k, "ref": c, "via": x["id"],
                         "facts": [("row", x["id"], col), (c, "category")]})
            for f, t in r["types"].items():
                if t in cb and t != r["category"] and sr[f"categories#{t}"] == s:
                    x = cb[t]
                    pools.setdefault("hop-ftype-cat", []).append(
                        {"question": rng.choice([f"The {f} field of {c} is typed with an abstract category. How many "
                                                 f"catalogued node classes does that category hold?",
                                                 f"How many classes of this catalogue belong to the category that "
                                                 f"types the {f} field of {c}?"]),
                         "answers": [str(x["catalogued_classes"])], "evidence": [r["doc_id"], f"categories#{t}"],
                         "kind": "hop-ftype-cat", "ref": c, "via": t, "field": f,
                         "facts": [("row", t, "catalogued_classes"), (c, "types")]})
                if t in by and t != c and sp[t] == s:
                    b = by[t]
                    cands = [("hop-ftype-nfields", [str(len(b["fields"]))],
                              [f"The {f} field of {c} holds nodes of one type. How many fields does that node "
                               f"type have?",
                               f"How many fields does the node type of the {f} field of {c} define?"])]
                    if b["fields"]:
                        cands.append(("hop-ftype-first", [b["fields"][0]],
                                      [f"What is the first field of the node type that the {f} field of {c} holds?",
                                       f"The {f} field of {c} is typed with a node class. Which field comes first "
                                       f"in that class?"]))
                    for k, ans, ts in cands:
                        pools.setdefault(k, []).append(
                            {"question": rng.choice(ts), "answers": ans, "evidence": [r["doc_id"], b["doc_id"]],
                             "kind": k, "ref": c, "via": t, "field": f,
                             "facts": [(t, "fields"), (c, "types")]})
            if r["base"] in by and sp[r["base"]] == s:
                b = by[r["base"]]
                for k, ans, ts in (
                        ("hop-base-nfields", [str(len(b["fields"]))],
                         [f"How many fields does the direct base class of ast.{c} have?",
                          f"ast.{c} inherits from one node class. How many fields does that class define?"]),
                        ("hop-base-fields", [", ".join(b["fields"])],
                         [f"What are the fields, in order, of the direct base class of ast.{c}?",
                          f"ast.{c} derives from another node class. What fields does that class list?"])):
                    if ans[0] and ans[0] != "0":
                        pools.setdefault(k, []).append(
                            {"question": rng.choice(ts), "answers": ans, "evidence": [r["doc_id"], b["doc_id"]],
                             "kind": k, "ref": c, "via": b["id"], "facts": [(b["id"], "fields"), (c, "base")]})
        fill(pools, "multi_hop", WANT[s]["multi_hop"], CAPS[s]["multi_hop"])
        # ---- filter: the one catalogued class meeting two conditions; or one among four listed
        c1s = ["deprecated"] + [f"cat:{c}" for c in sorted({r["category"] for r in recs})]
        c2s = ["positions", "nopositions", "nofields", "optional"] + [f"field:{f}" for f in common] + \
            [f"ftype:{t}" for t in sorted({t for r in recs for t in r["types"].values()})] + \
            [f"nfields:{k}" for k in sorted({len(r["fields"]) for r in recs})] + \
            [f"nlists:{k}" for k in sorted({len(r["lists"]) for r in recs})] + \
            [f"symbol:{x}" for x in sorted({r["symbol"] for r in recs if r["symbol"]})] + \
            [f"prec:{x}" for x in sorted({r["precedence"][0] for r in recs if r["precedence"]})]
        cnt = {c: sum(cond_value(c, r) for r in recs) for c in c1s + c2s}
        pools = {"filter": [], "filter-among": []}
        for c1 in c1s:
            for c2 in c2s:
                hit = [r for r in recs if cond_value(c1, r) and cond_value(c2, r)]
                if len(hit) != 1 or sp[hit[0]["id"]] != s or min(cnt[c1], cnt[c2]) < 2:
                    continue
                h = hit[0]
                noun, p2 = noun_phrase(c1), cond_phrase(c2)
                if c2.startswith("symbol:"):
                    t = rng.choice([f"Which {noun} does ast.unparse write as `{c2[7:]}`?",
                                    f"In this catalogue, which {noun} is unparsed as `{c2[7:]}`?"])
                else:
                    t = rng.choice([f"Which {noun} {p2}?", f"Name the one {noun} that {p2}.",
                                    f"In this catalogue, which {noun} {p2}?"])
                pools["filter"].append({"question": t, "answers": class_answers(h["id"]), "evidence": [h["doc_id"]],
                                        "kind": "filter", "where": {c1: True, c2: True}, "candidates": [h["id"]],
                                        "clsgold": h["id"],
                                        "facts": [("cond", c1, c2), (h["id"], "filter"), (h["id"], fact_of(c1)),
                                                  (h["id"], fact_of(c2))]})
        among = ["deprecated", "nopositions", "nofields", "optional"] + [f"field:{f}" for f in common]
        for c in among:
            yes = [r for r in pages if cond_value(c, r)]
            no = [r for r in pages if not cond_value(c, r)]
            if not yes or len(no) < 3:
                continue
            for _ in range(3):
                w = rng.choice(yes)
                opts = rng.sample(no, 3)
                opts.insert(rng.randrange(4), w)
                names = [o["id"] for o in opts]
                if c.startswith("field:") and c[6:].lower() in {x.lower() for x in names}:
                    continue
                t = rng.choice([f"Among {and_list(names)}, which one {cond_phrase(c)}?",
                                f"Which of these node classes {cond_phrase(c)}: {', '.join(names)}?"])
                pools["filter-among"].append({"question": t, "answers": [w["id"]], "evidence": [w["doc_id"]],
                                              "options": names, "kind": "filter-among", "where": {c: True},
                                              "candidates": names,
                                              "facts": [("cond", c), (w["id"], "filter"), (w["id"], fact_of(c))]})
        rng.shuffle(pools["filter"])
        pools["filter"].sort(key=lambda q: next(iter(q["where"])) != "cat:cmpop")  # a comparison-operator one first
        safe = [q for q in pools["filter"] if gold_safe(q["question"], q["answers"], "filter")
                and names_safe(q["question"], q["answers"], "filter", snap, q["clsgold"])
                and not any(_contains(_atok(q["question"]), _atok(g)) for g in q["answers"])]
        c1_used: set = set()
        got = 0
        for q in safe:  # vary the first condition: no two chosen filters share it
            c1 = next(iter(q["where"]))
            if got < FILTER_MIX[s]["filter"] and c1 not in c1_used and take(q, "filter"):
                c1_used.add(c1)
                got += 1
        if got < FILTER_MIX[s]["filter"]:
            sys.exit(f"{s}: only {got} filter questions with first conditions of their own")
        fill({"filter-among": pools["filter-among"]}, "filter", FILTER_MIX[s]["filter-among"],
             FILTER_MIX[s]["filter-among"])
        # ---- reverse
        pools = {"rev-field": [], "rev-fields": [], "rev-doc": [], "rev-ftype": [], "rev-symbol": []}
        sym_owner = Counter(snap["classes"][n].get("symbol") for n in concrete(snap))
        ftype_owner = Counter(t for n in concrete(snap)
                              for t in (x["type"] for x in (parse_signature(n, snap["classes"][n]["doc"],
                                                                             snap["classes"][n]["fields"]) or [])))
        for r in pages:
            i = r["id"]
            for f in r["fields"]:
                if owners[f] == 1 and len(f) >= 4:
                    t = rng.choice([f"Which AST node class has a field called {f}?",
                                    f"The field named {f} belongs to which node class of the ast module?",
                                    f"Which node's _fields include {f}?"])
                    pools["rev-field"].append({"question": t, "answers": class_answers(i), "evidence": [r["doc_id"]],
                                               "kind": "rev-field", "ref": i, "clsgold": i, "field": f,
                                               "facts": [(i, f"field:{f}"), (i, "fields")]})
            if len(r["fields"]) >= 2 and sigs[tuple(r["fields"])] == 1:
                fl = ", ".join(r["fields"])
                t = rng.choice([f"Which node class has exactly these fields, in this order: {fl}?",
                                f"The _fields of one node class are ({fl}). Which class is it?"])
                pools["rev-fields"].append({"question": t, "answers": class_answers(i), "evidence": [r["doc_id"]],
                                            "kind": "rev-fields", "ref": i, "clsgold": i,
                                            "facts": [(i, "fields")]})
            if r["deprecated"] and len(r["doc"].split()) >= 6 and \
                    sum(x["doc"] == r["doc"] for x in recs) == 1:
                t = rng.choice([f"Which deprecated node class has the docstring \"{r['doc']}\"?",
                                f"\"{r['doc']}\": which class of the ast module is documented like this?"])
                pools["rev-doc"].append({"question": t, "answers": class_answers(i), "evidence": [r["doc_id"]],
                                         "kind": "rev-doc", "ref": i, "clsgold": i, "facts": [(i, "doc")]})
            if r["symbol"] and sym_owner[r["symbol"]] == 1:
                sy = r["symbol"]
                t = rng.choice([f"Which operator node does ast.unparse write as `{sy}`?",
                                f"ast.unparse renders one operator node as `{sy}`. Which node class is it?"])
                pools["rev-symbol"].append({"question": t, "answers": class_answers(i), "evidence": [r["doc_id"]],
                                            "kind": "rev-symbol", "ref": i, "clsgold": i, "facts": [(i, "symbol")]})
            for f, ty in r["types"].items():
                if ftype_owner[ty] == 1 and ty not in ("expr", "stmt"):
                    t = rng.choice([f"Which node class has a field of type {ty}?",
                                    f"The type {ty} is used by a field of which AST node class?"])
                    pools["rev-ftype"].append({"question": t, "answers": class_answers(i), "evidence": [r["doc_id"]],
                                               "kind": "rev-ftype", "ref": i, "clsgold": i, "ftype": ty,
                                               "facts": [(i, "types"), (i, f"ftype:{ty}")]})
        fill(pools, "reverse", WANT[s]["reverse"], CAPS[s]["reverse"])
        # ---- comparison: two named classes; and derived yes/no "Does X have a field called Y?"
        pools = {k: [] for k in CMP}
        for k, (app, _, ts) in CMP.items():
            cand = [r for r in pages if app(r)]
            if len(cand) < 2:
                continue
            for _ in range(80):
                a, b = rng.sample(cand, 2)
                w = cmp_winner(k, a, b)
                if w is None:
                    continue
                t = rng.choice(ts).format(a=a["id"], b=b["id"])
                pools[k].append({"question": t, "answers": [w["id"]], "evidence": [a["doc_id"], b["doc_id"]],
                                 "options": [a["id"], b["id"]], "kind": k, "candidates": [a["id"], b["id"]],
                                 "target": w["id"], "facts": [(a["id"], fact_of(k)), (b["id"], fact_of(k))]})
        fill(pools, "comparison", WANT[s]["comparison"] - YESNO[s], CAPS[s]["comparison"])
        yn = []
        for r in pages:
            for f in common:
                has = f in r["fields"]
                if not has and word_on(f, page_text[r["doc_id"]]):
                    continue
                t = rng.choice([f"Does {r['id']} have a field called {f}?", f"Is {f} one of the fields of ast.{r['id']}?",
                                f"Does the {r['id']} node define a field named {f}?"])
                yn.append({"question": t, "answers": ["yes" if has else "no"], "evidence": [r["doc_id"]],
                           "options": ["yes", "no"], "kind": "cmp-hasfield", "ref": r["id"], "field": f,
                           "facts": [(r["id"], f"field:{f}")]})
        fill({"cmp-hasfield": yn}, "comparison", YESNO[s], YESNO[s])
        # ---- single-hop: register rows, then pages
        pools = {}
        for x in crows:
            for k, col, ts in (("reg-cat-count", "catalogued_classes",
                                [f"How many classes of this catalogue belong to the category {x['id']}?",
                                 f"According to categories.csv, how many catalogued node classes are in "
                                 f"{x['id']}?"]),
                               ("reg-cat-subs", "direct_subclasses",
                                [f"How many classes of the ast module subclass {x['id']} directly?",
                                 f"categories.csv counts how many direct subclasses of {x['id']}?"]),
                               ("reg-cat-cons", "constructors",
                                [f"How many constructors does the ASDL rule of {x['id']} list?",
                                 f"The docstring of ast.{x['id']} gives a sum rule with how many alternatives?"])):
                if x[col] == "-" or (x["id"] == PRODUCT and k != "reg-cat-subs"):
                    continue
                pools.setdefault(k, []).append({"question": rng.choice(ts), "answers": [str(x[col])],
                                                "evidence": [f"categories#{x['id']}"], "kind": k, "row": x["id"],
                                                "facts": [("row", x["id"], col)]})
        fill(pools, "single_hop", REG_PER_SPLIT[s], 2)
        pools = {}
        for r in pages:
            for q in single_candidates(r):
                q.update(question=rng.choice(q.pop("t")), evidence=[r["doc_id"]], ref=r["id"])
                if q["kind"] in ("s-base", "s-returns"):
                    q["clsgold"] = q["answers"][0]
                fk = f"ftype:{q['field']}" if q["kind"] == "s-ftype" else fact_of(q["kind"])
                q["facts"] = [(r["id"], fk)] + ([(r["id"], "fields")] if q["kind"] in ("s-first", "s-last") else [])
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
                row["derived"] = True  # yes or no is read off the page's field list, not a word it writes
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
    print(f"{len(pages) - 1} pages and categories.csv; dev {len(qs['dev'])}, test {len(qs['test'])} questions")


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


def name_pattern(c: str) -> str:
    """A left-out class as it could be written: bare or qualified (ast.X, _ast.X)."""
    return rf"(?<![\w-])(?:_?ast\.)?{re.escape(c)}(?![\w-])"


def truth(q: dict, snap: dict, by: dict, cb: dict) -> list[str] | None:
    k = q["kind"]
    col = {"hop-cat-count": "catalogued_classes", "hop-cat-subs": "direct_subclasses", "hop-cat-cons": "constructors",
           "reg-cat-count": "catalogued_classes", "reg-cat-subs": "direct_subclasses",
           "reg-cat-cons": "constructors", "hop-ftype-cat": "catalogued_classes"}
    if k.startswith("hop-cat-"):
        r = by[q["ref"]]
        return [str(cb[q["via"]][col[k]])] if r["category"] == q["via"] else None
    if k.startswith("reg-cat-"):
        return [str(cb[q["row"]][col[k]])]
    if k.startswith("hop-ftype-"):
        r = by[q["ref"]]
        if r["types"].get(q["field"]) != q["via"]:
            return None
        if k == "hop-ftype-cat":
            return [str(cb[q["via"]][col[k]])]
        b = by[q["via"]]
        return [str(len(b["fields"]))] if k == "hop-ftype-nfields" else [b["fields"][0]]
    if k.startswith("hop-base-"):
        r = by[q["ref"]]
        if r["base"] != q["via"]:
            return None
        b = by[q["via"]]
        return [str(len(b["fields"]))] if k == "hop-base-nfields" else [", ".join(b["fields"])]
    if k in ("rev-field", "rev-fields", "rev-doc", "rev-ftype", "rev-symbol"):
        r = by[q["ref"]]
        if k == "rev-field":
            hit = [n for n in concrete(snap) if q["field"] in snap["classes"][n]["fields"]]
        elif k == "rev-fields":
            hit = [n for n in concrete(snap) if ", ".join(snap["classes"][n]["fields"]) in q["question"]
                   and snap["classes"][n]["fields"] == r["fields"]]
        elif k == "rev-symbol":
            hit = [n for n in concrete(snap) if snap["classes"][n].get("symbol") == r["symbol"]
                   and f"`{r['symbol']}`" in q["question"]]
        elif k == "rev-doc":
            hit = [x["id"] for x in by.values() if x["doc"] == r["doc"] and x["doc"] in q["question"]]
        else:
            hit = [n for n in concrete(snap) if q["ftype"] in
                   [x["type"] for x in (parse_signature(n, snap["classes"][n]["doc"], snap["classes"][n]["fields"])
                                        or [])]]
        return class_answers(r["id"]) if hit == [r["id"]] else None
    if k in CMP:
        a, b = (by[x] for x in q["candidates"])
        w = cmp_winner(k, a, b)
        return [w["id"]] if w else None
    if k == "cmp-hasfield":
        return ["yes" if q["field"] in by[q["ref"]]["fields"] else "no"]
    if k == "filter":
        hit = [r for r in by.values() if all(cond_value(c, r) for c in q["where"])]
        return class_answers(hit[0]["id"]) if len(hit) == 1 else None
    if k == "filter-among":
        (c, _), = q["where"].items()
        hit = [x for x in q["candidates"] if cond_value(c, by[x])]
        return hit if len(hit) == 1 else None
    r = by[q["ref"]]
    if k == "s-base":
        return [r["base"]]
    if k == "s-nfields":
        return [str(len(r["fields"]))]
    if k == "s-first":
        return [r["fields"][0]]
    if k == "s-last":
        return [r["fields"][-1]]
    if k == "s-ftype":
        return [r["types"][q["field"]]]
    if k == "s-opt":
        return list(r["optional"]) if len(r["optional"]) == 1 else None
    if k == "s-nopt":
        return [str(len(r["optional"]))]
    if k == "s-list":
        return list(r["lists"]) if len(r["lists"]) == 1 else None
    if k == "s-prec":
        return [r["precedence"][0]]
    if k == "s-returns":
        return [r["returns"]]
    return None


def fact_keys(q: dict) -> list[tuple]:
    k = q["kind"]
    if k.startswith(("hop-cat", "hop-ftype-cat")):
        return [("row", q["via"], k.replace("hop-ftype-cat", "hop-cat-count")), (q["ref"], k, q.get("field"))]
    if k.startswith(("hop-ftype", "hop-base")):
        return [(q["via"], "fields", k), (q["ref"], k, q.get("field"))]
    if k.startswith("reg-"):
        return [("row", q["row"], k.replace("reg-", "hop-"))]
    if k in CMP:
        return [(x, fact_of(k)) for x in q["candidates"]]
    if k == "cmp-hasfield":
        return [(q["ref"], f"field:{q['field']}")]
    if k.startswith("filter"):
        return [("cond",) + tuple(q["where"]) + (q["answers"][0],)]
    if k == "s-ftype":
        return [(q["ref"], f"ftype:{q['field']}")]
    if k.startswith(("s-", "rev-")):
        return [(q["ref"], fact_of(k) if k.startswith("s-") else k, q.get("field") or q.get("ftype"))]
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
    cb = cat_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages, categories.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot
    cls = snap["classes"]
    bad = [] if snap["python"].startswith("3.11") else [f"python {snap['python']}"]
    bad += [f"{a}: left-out or skipped class not read" for a in absent_ids() + SKIP if a not in cls]
    for n, c in cls.items():
        if c["mro"][-1:] != ["AST"]:
            bad.append(f"{n}: ancestors do not end at AST")
        if c["base"] != "AST" and c["base"] not in cls:
            bad.append(f"{n}: base {c['base']} not read")
    for r in recs:
        if not r["deprecated"] and r["sig"] is None:
            bad.append(f"{r['id']}: docstring is not a signature of its fields")
        if r["deprecated"] and r["id"] not in cls:
            bad.append(f"{r['id']}: deprecated class not read")
    ndep = sum(r["deprecated"] for r in recs)
    results.append((f"the snapshot is whole (Python {snap['python']}: {len(cls)} node classes, "
                    f"{len(categories(snap))} abstract categories, {len(concrete(snap))} concrete; {len(recs)} "
                    f"catalogued, {ndep} of them deprecated); every base read, ancestors end at AST, every "
                    f"non-deprecated docstring is the signature of its _fields", bad))
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
    want_ids = set(doc2) | {f"categories#{k}" for k in cb}
    bad += [] if set(docs) == want_ids else [f"ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [f"{i}: title or front matter" for i, r in doc2.items()
            if i in docs and (docs[i].title != title(r) or docs[i].metadata != normalize_metadata(front(r)))]
    for r in recs:
        body = docs[r["doc_id"]].text.lower() if r["doc_id"] in docs else ""
        for _, label, value in rows(r):
            if value.lower() not in body and not (_LAYOUT[r["id"]] == "sheet" and cell(value).lower() in body):
                bad.append(f"{r['id']}: {label} value {value!r} not in the body")
    for k, x in cb.items():
        t = docs[f"categories#{k}"].text if f"categories#{k}" in docs else ""
        bad += [f"category {k}: column {c} not in its row" for c in CAT_COLUMNS[2:] if str(x[c]) not in t]
    cats_named = {r["category"] for r in recs}
    bad += [] if cats_named == set(cb) else [f"categories.csv rows {sorted(cats_named ^ set(cb))} not the pages'"]
    lay = Counter(_LAYOUT.values())
    bad += [] if max(lay.values()) - min(lay.values()) <= 2 else [f"layouts uneven {dict(lay)}"]
    results.append((f"the corpus loads {len(docs)} documents ({len(doc2)} pages, {len(cb)} category rows) with "
                    f"titles and front matter; every value of a record in its page body; every register column in "
                    f"its row; categories.csv holds exactly the categories pages name; layouts {dict(lay)}", bad))
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
                if _ok(q["question"], [], typ, "It was added in Python 3.8."):
                    sc.append(f"{q['id']}: a made-up answer scores correct")
                continue
            ev = [docs[e].text for e in q["evidence"] if e in docs]
            target = ev[-1:] if typ == "multi_hop" else ev
            if q.get("derived"):  # yes: the field in the page's list; no: the name nowhere on the page
                on = word_on(q["field"], ev[0])
                listed = q["field"] in by[q["ref"]]["fields"]
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
                    "chains) and not inside its question; yes/no items: the field listed on the page for yes, "
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
            t = truth(q, snap, by, cb)
            if t is None or t != q["answers"]:
                bad.append(f"{q['id']}: gold {q['answers']} but the snapshot gives {t}")
    results.append(("facts agree with snapshot.json (bases, fields, types, optional and list fields, attributes, "
                    "precedence, deprecated classes, category rows, comparison winners, filters single out their "
                    "answer, reverse lookups unique among all concrete node classes read)", bad))
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
        hits = [p for p, x in on_disk.items() if re.search(name_pattern(m), x, re.I)]
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
            if q["kind"] == "absent-class" and not re.search(name_pattern(q["entry"]), q["question"]):
                bad.append(f"{q['id']}: does not name its left-out class")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or q["entry"] not in q["question"]):
                bad.append(f"{q['id']}: absent field")
    results.append(("unanswerables: left-out classes named in no corpus file (bare or qualified); every "
                    "absent-field pattern (version added, PEP, C struct, line of the ASDL file, instance size, "
                    "frequency in the standard library, designer) matches its made-up answer and no corpus file",
                    bad))
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
