"""Build the catalog40 evaluation corpus: Python 3.11's bytecode instructions.

    PYTHONPATH=src python scripts/build_catalog40.py snapshot [--force]  # import opcode, dis -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog40.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog40.py check               # loader + scorer + fact checks, no opcode import

`snapshot` asks this machine's Python (3.11.7) about every bytecode instruction that `dis._all_opmap` names: the
110 base instructions of `opcode.opmap` and the 71 specialised (adaptive) forms of `opcode._specializations`. Per
instruction: its opcode number, its base instruction (`dis.deoptmap`), whether dis decodes an argument for it
(the base opcode against `opcode.HAVE_ARGUMENT`), the `opcode.has*` lists that hold it, its inline cache entries
and cache layout (`opcode._inline_cache_entries`, `opcode._cache_format`), its specialised forms, its stack effect
(`dis.stack_effect` with no oparg, or oparg 2, and with jump=True / jump=False), whether dis reads it as a backward
jump (`dis._is_backward_jump`), the comment on its line of opcode.py, what `opcode.opname` holds at its number, and
for four instructions the meaning of their oparg values (`opcode.cmp_op`, `opcode._nb_ops`,
`dis.MAKE_FUNCTION_FLAGS`, `dis.FORMAT_VALUE_CONVERTERS`). Written to `evalsets/catalog40/snapshot.json`
(committed; `snapshot` refuses to overwrite it without --force).

`build` turns the snapshot into one record per catalogued instruction (base instructions not in SKIP or ABSENT,
and the specialised forms in SPEC), renders one markdown page per instruction, `<group>/<NAME>.md`, with YAML front
matter and one of three layouts dealt in turn in the order of sha256("catalog40:layout<NAME>") within each split:
`sheet` (a `| Field | Value |` table), `card` (headed sections of `- Label: value` bullets) or `prose` (paragraphs
whose sentences vary per page); one register the pages point at, `families.csv` (one row per specialisation
family); and dev.jsonl and test.jsonl (seed SEED), then test.jsonl.sha256.

`check` reads only the snapshot and the committed files (it imports neither opcode nor dis): renders and generates
again and compares byte for byte, loads the corpus with ragtune's loader, reads both splits with `load_qa`, checks
evidence, gold text and tokens, scoring verdicts, facts against the snapshot, split separation, that left-out
instructions and absent fields are on no page, the sha256 and the type mix; prints PASS/FAIL per check and exits 1
on a failure.
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
OUT = ROOT / "evalsets" / "catalog40"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 40
PREFIX = "c40"
ORACLE = 2  # the oparg dis.stack_effect is asked with, for an instruction that takes one

# Base instructions read but not catalogued: no page, named on no page.
SKIP = ["GET_AITER", "GET_ANEXT", "BEFORE_ASYNC_WITH", "END_ASYNC_FOR", "GET_YIELD_FROM_ITER", "PRINT_EXPR",
        "LOAD_BUILD_CLASS", "ASYNC_GEN_WRAP", "PREP_RERAISE_STAR", "CHECK_EG_MATCH", "MATCH_SEQUENCE",
        "UNARY_POSITIVE", "DELETE_NAME", "DELETE_GLOBAL", "DELETE_ATTR", "SET_ADD", "SET_UPDATE", "BUILD_SET",
        "MAP_ADD", "DICT_UPDATE", "LIST_EXTEND", "BUILD_CONST_KEY_MAP", "POP_JUMP_BACKWARD_IF_NOT_NONE",
        "POP_JUMP_FORWARD_IF_NOT_NONE", "POP_JUMP_BACKWARD_IF_TRUE", "GET_AWAITABLE", "IMPORT_STAR", "STORE_GLOBAL",
        "LOAD_CLOSURE", "DELETE_DEREF", "COPY_FREE_VARS", "RETURN_GENERATOR", "MATCH_MAPPING", "WITH_EXCEPT_START",
        "BUILD_SLICE", "UNPACK_EX", "PUSH_EXC_INFO", "POP_EXCEPT", "LIST_APPEND", "LOAD_ASSERTION_ERROR",
        "DELETE_SUBSCR", "SWAP"]
# The specialised forms that get a page (the others are named on their base instruction's page only).
SPEC = ["BINARY_OP_ADD_INT", "BINARY_OP_MULTIPLY_FLOAT", "BINARY_OP_INPLACE_ADD_UNICODE", "BINARY_SUBSCR_DICT",
        "BINARY_SUBSCR_GETITEM", "CALL_PY_EXACT_ARGS", "CALL_ADAPTIVE", "COMPARE_OP_INT_JUMP", "COMPARE_OP_STR_JUMP",
        "EXTENDED_ARG_QUICK", "JUMP_BACKWARD_QUICK", "RESUME_QUICK", "LOAD_ATTR_SLOT", "LOAD_ATTR_MODULE",
        "LOAD_ATTR_ADAPTIVE", "LOAD_CONST__LOAD_FAST", "LOAD_FAST__LOAD_FAST", "LOAD_GLOBAL_BUILTIN",
        "LOAD_GLOBAL_MODULE", "LOAD_METHOD_CLASS", "LOAD_METHOD_NO_DICT", "PRECALL_NO_KW_LEN",
        "PRECALL_NO_KW_ISINSTANCE", "PRECALL_BUILTIN_CLASS", "PRECALL_PYFUNC", "STORE_ATTR_SLOT",
        "STORE_FAST__STORE_FAST", "STORE_SUBSCR_LIST_INT", "UNPACK_SEQUENCE_TWO_TUPLE", "UNPACK_SEQUENCE_LIST"]
# Read but left out: no page, no register row, and no corpus file names them (none has specialised forms).
ABSENT = {"dev": ["BEFORE_WITH", "GET_LEN", "LIST_TO_TUPLE"], "test": ["SETUP_ANNOTATIONS", "MATCH_KEYS",
                                                                     "DICT_MERGE"]}
ABSENT_QUESTIONS = {
    "BEFORE_WITH": ["What is the opcode number of BEFORE_WITH?", "Does the BEFORE_WITH instruction take an argument?"],
    "GET_LEN": ["What stack effect does dis.stack_effect report for GET_LEN?"],
    "LIST_TO_TUPLE": ["How many inline cache entries follow LIST_TO_TUPLE?"],
    "SETUP_ANNOTATIONS": ["Which opcode number does SETUP_ANNOTATIONS have in Python 3.11?",
                          "By how much does SETUP_ANNOTATIONS change the stack depth?"],
    "MATCH_KEYS": ["What is MATCH_KEYS's opcode number?", "Does MATCH_KEYS take an oparg?"],
    "DICT_MERGE": ["Which of the opcode.has* lists is DICT_MERGE in, if any?",
                   "What net stack effect does DICT_MERGE have with oparg 2?"],
}  # fmt: skip
# What no page records: (question template, a pattern no corpus file may match, a made-up answer it must match).
ABSENT_FIELDS = {
    "version": ("In which Python version was the {n} instruction first added?",
                r"\b(?:added|new|introduced|appeared|first used) in (?:python )?(?:version )?\d|\bversion(?:added|"
                r"changed)\b|\bsince python\b", "It was added in Python 3.6."),
    "cfunc": ("Which C function of CPython implements {n}?",
              r"\bceval\b|\bTARGET\(|\b_Py[A-Z]\w*|\bC function\b|\b[\w/-]+\.[ch]\b(?![\w.])|\bbytecodes\.c\b",
              "It is implemented in ceval.c by _PyEval_EvalFrameDefault."),
    "nanoseconds": ("How many nanoseconds does one execution of {n} take?",
                    r"\bnanoseconds?\b|\b\d+(?:\.\d+)? ?ns\b|\bcpu cycles?\b|\bper execution\b",
                    "One execution takes about 12 nanoseconds."),
    "frequency": ("How often does {n} occur in the compiled standard library?",
                  r"\boccurs? \d+ times\b|\b\d+ occurrences\b|\bfrequency\b|\bhow often\b",
                  "It occurs 18342 times in the standard library."),
    "author": ("Who added the {n} instruction to CPython?",
               r"\badded by\b|\bwritten by\b|\bauthor(?:s|ed)?\b|\bcontributed by\b|\bcommitted by\b",
               "It was added by a core developer in 2021."),
    "py312": ("What opcode number does {n} have in Python 3.12?",
              r"\b3\.12\b|\bpython 3\.1[02-9]\b|\bpython 3\.[0-9]\b(?!\.)", "In Python 3.12 it is opcode 61."),
    "pep": ("Which PEP introduced the {n} instruction?", r"\bPEP\s*-?\s*\d+|\bpython enhancement proposal",
            "PEP 659 introduced it."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
FILTER_MIX = {"dev": {"filter": 2, "filter-spec": 2, "filter-among": 2},
              "test": {"filter": 3, "filter-spec": 3, "filter-among": 3}}
YESNO = {"dev": 2, "test": 4}  # comparison items "Does X take an argument?" / "Is X in opcode.hasname?" (derived)
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-instruction items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 4}  # single-hop questions about a register row
CAPS = {"dev": {"single_hop": 3, "multi_hop": 2, "reverse": 2, "comparison": 2},
        "test": {"single_hop": 4, "multi_hop": 2, "reverse": 3, "comparison": 3}}
DEV_EVERY = (0, 3, 5)
DEV_FAMILIES = 7  # specialisation families (row, base page and catalogued forms together) that go to dev
LAYOUTS = ("sheet", "card", "prose")
PAGE_USE = 2  # the most questions one page is evidence for, per split
LISTS = ("hasjrel", "hasjabs", "hasname", "hasconst", "haslocal", "hascompare", "hasfree")
LIST_NOUNS = {"hasjrel": "relative jump instruction (opcode.hasjrel)", "hasname": "instruction in opcode.hasname",
              "haslocal": "instruction in opcode.haslocal", "hasfree": "instruction in opcode.hasfree",
              "hasconst": "instruction in opcode.hasconst"}
GROUPS = ("load", "store-delete", "jump", "call-return", "build", "operator", "iteration", "exception-match",
          "stack-misc")

# ------------------------------------------------------------------ reading opcode and dis (snapshot only)


def scan() -> dict:
    import dis
    import inspect
    import opcode
    import platform

    comments, last = {}, None
    for line in inspect.getsource(opcode).splitlines():
        m = re.match(r"^(?:def|name|jrel|jabs)_op\('(\w+)', (\d+)\)\s*(?:#\s*(.*?))?\s*$", line)
        if not m:
            continue
        c = m.group(3)
        if c == '""':
            comments[m.group(1)] = {"text": last, "ditto": True}
        elif c:
            comments[m.group(1)] = {"text": c, "ditto": False}
            last = c
    out = {}
    for name, op in sorted(dis._all_opmap.items(), key=lambda x: x[1]):
        base = dis.deoptmap.get(name)  # a specialised form's base instruction, by name
        deop = op if base is None else opcode.opmap[base]
        x = {"opcode": op, "base": base, "in_opmap": name in opcode.opmap,
             "opname_slot": opcode.opname[op], "takes_arg": deop >= opcode.HAVE_ARGUMENT,
             "lists": [k for k in LISTS if op in getattr(opcode, k)]}
        if base is None:
            x["cache_entries"] = opcode._inline_cache_entries[op]
            x["cache_format"] = opcode._cache_format.get(name, {})
            x["specialized"] = list(opcode._specializations.get(name, []))
            arg = ORACLE if op >= opcode.HAVE_ARGUMENT else None
            x["stack"] = {"oparg": arg, "effect": dis.stack_effect(op, arg),
                          "jump": dis.stack_effect(op, arg, jump=True), "nojump": dis.stack_effect(op, arg, jump=False)}
            x["backward_jump"] = dis._is_backward_jump(op) if op in opcode.hasjrel + opcode.hasjabs else None
            x["comment"] = comments.get(name)
        else:
            try:
                dis.stack_effect(op)
                x["stack_error"] = None
            except ValueError as e:
                x["stack_error"] = str(e)
        out[name] = x
    return {"source": "this machine's Python: every bytecode instruction dis._all_opmap names (opcode.opmap and the "
                      "specialised forms of opcode._specializations), read by importing opcode and dis (opcode "
                      "number, base instruction by dis.deoptmap, argument by HAVE_ARGUMENT, the opcode.has* lists, "
                      "inline cache entries and layout, dis.stack_effect, dis._is_backward_jump, the comment on its "
                      "line of opcode.py)",
            "python": platform.python_version(), "system": platform.system(),
            "have_argument": opcode.HAVE_ARGUMENT, "extended_arg": opcode.EXTENDED_ARG,
            "cmp_op": list(opcode.cmp_op), "nb_ops": [list(t) for t in opcode._nb_ops],
            "make_function_flags": list(dis.MAKE_FUNCTION_FLAGS),
            "format_value_converters": [c for _, c in dis.FORMAT_VALUE_CONVERTERS],
            "families": {k: list(v) for k, v in opcode._specializations.items()},
            "instructions": out}


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
    bad = [a for a in absent_ids() + SKIP + SPEC if a not in snap["instructions"]]
    if bad:
        sys.exit(f"not known to this machine's Python: {bad}")
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}: {len(snap['instructions'])} instructions")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def group(name: str) -> str:
    n = name
    if "JUMP" in n and not n.startswith("COMPARE_OP"):
        return "jump"
    if n.startswith("LOAD_"):
        return "load"
    if n.startswith(("STORE_", "DELETE_")):
        return "store-delete"
    if n.startswith(("CALL", "PRECALL", "KW_NAMES", "MAKE_FUNCTION", "RETURN_", "RESUME")):
        return "call-return"
    if n.startswith(("BUILD_", "LIST_", "SET_", "MAP_", "DICT_", "FORMAT_VALUE")):
        return "build"
    if n.startswith(("BINARY_", "UNARY_", "COMPARE_OP", "IS_OP", "CONTAINS_OP")):
        return "operator"
    if n.startswith(("GET_ITER", "FOR_ITER", "SEND", "YIELD_VALUE", "UNPACK_", "GET_")):
        return "iteration"
    if n.startswith(("RAISE_", "RERAISE", "CHECK_", "MATCH_", "PUSH_EXC", "POP_EXCEPT", "WITH_EXCEPT", "IMPORT_")):
        return "exception-match"
    return "stack-misc"


def role(name: str, base: str) -> str:
    if name.endswith("_ADAPTIVE"):
        return "adaptive form"
    if "__" in name:
        return "super-instruction"
    if name.endswith("_QUICK"):
        return "quickened form"
    return "specialised form"


def signed(v: int) -> str:
    return f"+{v}" if v > 0 else str(v)


def catalogued(snap: dict) -> list[str]:
    ins = snap["instructions"]
    return [n for n, x in ins.items() if (x["base"] is None and n not in SKIP and n not in absent_ids())
            or n in SPEC]


def make_records(snap: dict) -> list[dict]:
    ins = snap["instructions"]
    recs = []
    for n in catalogued(snap):
        x = ins[n]
        spec = x["base"] is not None
        fam = x["base"] if spec else (n if x["specialized"] else None)
        r = {"id": n, "op": x["opcode"], "spec": spec, "base": x["base"], "family": fam,
             "arg": x["takes_arg"], "lists": x["lists"], "folder": group(x["base"] or n)}
        if spec:
            forms = snap["families"][x["base"]]
            r.update(place=forms.index(n) + 1, role=role(n, x["base"]), slot=x["opname_slot"],
                     stack_error=x["stack_error"], base_op=ins[x["base"]]["opcode"])
        else:
            st = x["stack"]
            r.update(cache=x["cache_entries"], layout=x["cache_format"], forms=x["specialized"],
                     form_ops=[ins[f]["opcode"] for f in x["specialized"]], oparg=st["oparg"],
                     jumpdiff=st["jump"] != st["nojump"], effect=st["effect"], ejump=st["jump"],
                     enojump=st["nojump"], backward=x["backward_jump"],
                     comment=x["comment"]["text"] if x["comment"] else None,
                     ditto=bool(x["comment"] and x["comment"]["ditto"]))
            r["se"] = None if r["jumpdiff"] else r["effect"]
        r["doc_id"] = f"{r['folder']}/{n}"
        recs.append(r)
    return sorted(recs, key=lambda r: (GROUPS.index(r["folder"]), r["op"]))


_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        _RECS.update(key=id(snap), value=make_records(snap))
    return _RECS["value"]


def base_info(snap: dict) -> dict[str, dict]:
    """Every base instruction read (catalogued, skipped or left out) as the conditions see it."""
    out = {}
    for n, x in snap["instructions"].items():
        if x["base"] is None:
            st = x["stack"]
            out[n] = {"id": n, "op": x["opcode"], "arg": x["takes_arg"], "lists": x["lists"],
                      "cache": x["cache_entries"], "layout": x["cache_format"], "forms": x["specialized"],
                      "jumpdiff": st["jump"] != st["nojump"],
                      "se": None if st["jump"] != st["nojump"] else st["effect"], "backward": x["backward_jump"],
                      "spec": False}
    return out


# ------------------------------------------------------------------ register

FAM_COLUMNS = ["id", "title", "base_opcode", "base_argument", "specialised_forms", "adaptive_form",
               "superinstructions", "inline_cache_entries", "cache_layout", "lowest_opcode", "highest_opcode",
               "catalogued_forms"]


def layout_text(layout: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in layout.items()) if layout else "none"


def family_rows(snap: dict) -> list[dict]:
    ins = snap["instructions"]
    out = []
    for b, forms in snap["families"].items():
        x = ins[b]
        ops = [ins[f]["opcode"] for f in forms]
        ad = [f for f in forms if f.endswith("_ADAPTIVE")]
        out.append({"id": b, "title": f"specialisation family of {b}", "base_opcode": x["opcode"],
                    "base_argument": "oparg" if x["takes_arg"] else "none",
                    "specialised_forms": len(forms), "adaptive_form": ad[0] if ad else "-",
                    "superinstructions": sum("__" in f for f in forms),
                    "inline_cache_entries": x["cache_entries"], "cache_layout": layout_text(x["cache_format"]),
                    "lowest_opcode": min(ops), "highest_opcode": max(ops),
                    "catalogued_forms": sum(f in SPEC for f in forms)})
    return out


def fam_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in family_rows(snap)}


def table_csv(rows_: list[dict], cols: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows_:
        w.writerow(r)
    return buf.getvalue()


# ------------------------------------------------------------------ splits and layouts


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog40:{salt}{key}".encode()).hexdigest(), 16)


def split_families(snap: dict) -> dict[str, str]:
    ranked = sorted(snap["families"], key=lambda b: _h(b, "family"))
    return {b: "dev" if k < DEV_FAMILIES else "test" for k, b in enumerate(ranked)}


def split_pages(recs: list[dict], snap: dict) -> dict[str, str]:
    """A specialisation family (its base page, its catalogued forms and its families.csv row) goes whole to one
    split, DEV_FAMILIES of them to dev by hash; the other pages within each folder, in the order of
    sha256("catalog40:<NAME>"), at places 0, 3 and 5 of every 8 (counted across folders) to dev."""
    sf = split_families(snap)
    out, i = {}, 0
    for f in GROUPS:
        for n in sorted((r["id"] for r in recs if r["folder"] == f), key=_h):
            r = next(x for x in recs if x["id"] == n)
            if r["family"]:
                out[n] = sf[r["family"]]
            else:
                out[n] = "dev" if i % 8 in DEV_EVERY else "test"
                i += 1
    return out


def split_rows(snap: dict) -> dict[str, str]:
    return {f"families#{b}": s for b, s in split_families(snap).items()}


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict], snap: dict) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs, snap)
    for part in ("dev", "test"):
        ids = [r["id"] for r in recs if sp[r["id"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


# ------------------------------------------------------------------ pages


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def title(r: dict) -> str:
    if r["spec"]:
        return f"{r['id']} (opcode {r['op']}, a specialised form of {r['base']})"
    return f"{r['id']} (opcode {r['op']})"


def effect_text(v: int) -> str:
    if v > 0:
        return f"{signed(v)} (the stack grows by {v})"
    if v < 0:
        return f"{v} (the stack shrinks by {-v})"
    return "0 (the stack depth is unchanged)"


def arg_text(r: dict, snap: dict) -> str:
    ha = snap["have_argument"]
    if r["spec"]:
        return (f"takes an oparg, decoded as for its base {r['base']} (dis reads it through dis.deoptmap)" if r["arg"]
                else f"takes none, as its base {r['base']} (opcode {r['base_op']} is below HAVE_ARGUMENT, {ha})")
    return (f"takes an oparg (opcode {r['op']} is at or above HAVE_ARGUMENT, {ha})" if r["arg"]
            else f"takes none (opcode {r['op']} is below HAVE_ARGUMENT, {ha})")


def lists_text(r: dict) -> str:
    if r["spec"]:
        return "none of its own (the opcode.has* lists hold base opcodes only)"
    return ", ".join(f"opcode.{k}" for k in r["lists"]) if r["lists"] else "none"


def oparg_values(r: dict, snap: dict) -> str | None:
    n = r["id"]
    if n == "COMPARE_OP":
        return "an index into opcode.cmp_op: " + ", ".join(f"{i} `{c}`" for i, c in enumerate(snap["cmp_op"]))
    if n == "BINARY_OP":
        nb = snap["nb_ops"]
        return (f"an index into opcode._nb_ops ({len(nb)} operators, from 0 {nb[0][0]} `{nb[0][1]}` to {len(nb) - 1} "
                f"{nb[-1][0]} `{nb[-1][1]}`)")
    if n == "MAKE_FUNCTION":
        return "flags, by bit (dis.MAKE_FUNCTION_FLAGS): " + ", ".join(
            f"bit {i} {f}" for i, f in enumerate(snap["make_function_flags"]))
    if n == "FORMAT_VALUE":
        cv = snap["format_value_converters"]
        return ("the low two bits pick a converter (dis.FORMAT_VALUE_CONVERTERS): " + ", ".join(
            f"{i} {c or 'none (the value as it is)'}" for i, c in enumerate(cv)) + "; bit 2 (value 4) means a format spec follows")
    return None


def jump_text(r: dict) -> str:
    if r["backward"] is None:
        return "none"
    return "relative (opcode.hasjrel), " + ("backward (dis._is_backward_jump)" if r["backward"]
                                            else "forward (dis._is_backward_jump is false)")


def comment_text(r: dict) -> str:
    if not r["comment"]:
        return "none"
    return f"{r['comment']} (written as a ditto mark)" if r["ditto"] else r["comment"]


def forms_text(r: dict) -> str:
    if not r["forms"]:
        return "none"
    return ", ".join(f"{f} ({o})" for f, o in zip(r["forms"], r["form_ops"]))


def rows(r: dict, snap: dict) -> list[tuple[str, str, str]]:
    S = "Identification"
    out = [(S, "Instruction", r["id"]), (S, "Opcode number", str(r["op"]))]
    if r["spec"]:
        out += [(S, "Form", f"{r['role']} of {r['base']} (in dis._all_opmap, not in opcode.opmap)"),
                (S, "What opcode.opname holds at its number", f"'{r['slot']}' (an unnamed slot)"),
                (S, "Base instruction (dis.deoptmap)", r["base"]),
                (S, "Family", f"see families.csv row {r['base']}"),
                (S, "Place in its family's list (opcode._specializations)", str(r["place"]))]
    else:
        out.append((S, "Form", "base instruction (in opcode.opmap)"))
    S = "Argument"
    out += [(S, "Argument", arg_text(r, snap)), (S, "Opcode lists (opcode.has*)", lists_text(r))]
    if not r["spec"]:
        out.append((S, "Comment on its line in opcode.py", comment_text(r)))
        v = oparg_values(r, snap)
        if v:
            out.append((S, "Oparg values", v))
    S = "Stack and jumps"
    if r["spec"]:
        out.append((S, "Stack effect", f"not given: dis.stack_effect raises ValueError ({r['stack_error']}) for a "
                                       f"specialised opcode"))
    else:
        how = f"oparg {r['oparg']}" if r["oparg"] is not None else "without an oparg"
        if r["jumpdiff"]:
            out += [(S, f"Stack effect when it jumps (dis.stack_effect, {how})", effect_text(r["ejump"])),
                    (S, f"Stack effect when it does not jump (dis.stack_effect, {how})", effect_text(r["enojump"]))]
        else:
            out.append((S, f"Stack effect (dis.stack_effect, {how})", effect_text(r["effect"])))
        out.append((S, "Jump", jump_text(r)))
    S = "Inline cache and specialisation"
    if r["spec"]:
        out.append((S, "Inline cache entries", f"those of its family (see families.csv row {r['base']})"))
    else:
        out += [(S, "Inline cache entries (opcode._inline_cache_entries)", str(r["cache"])),
                (S, "Cache layout (opcode._cache_format)", layout_text(r["layout"]))]
        if r["forms"]:
            out += [(S, "Family", f"see families.csv row {r['id']}"),
                    (S, "Specialised forms (opcode), in opcode._specializations order", forms_text(r))]
        else:
            out.append((S, "Specialised forms", "none"))
    return out


def front(r: dict) -> dict:
    return {"instruction": r["id"], "opcode": r["op"], "form": "specialised" if r["spec"] else "base",
            "family": r["family"] or "-", "group": r["folder"]}


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(snap: dict) -> str:
    return (f"Source: the opcode and dis modules of this machine's Python {snap['python']} ({snap['system']}), read "
            f"by importing them; what each specialisation family holds is kept in families.csv.")


def _sheet(r: dict, snap: dict) -> str:
    return "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for _, a, b in rows(r, snap)) + "\n"


def _card(r: dict, snap: dict) -> str:
    out, sec = [], None
    for s, a, b in rows(r, snap):
        if s != sec:
            if sec is not None:
                out.append("")
            out.append(f"## {s}")
            sec = s
        out.append(f"- {a}: {b}")
    return "\n".join(out) + "\n"


def _prose(r: dict, snap: dict) -> str:
    w = _h(r["id"], "w")
    n, op = r["id"], r["op"]

    def pick(k: int, *xs: str) -> str:
        return xs[(w >> k) % len(xs)]

    if r["spec"]:
        b = r["base"]
        form = f"{r['role']} of {b} (in dis._all_opmap, not in opcode.opmap)"
        art = "an" if r["role"][0] in "aeiou" else "a"
        p1 = [pick(0, f"{n} is opcode {op}, {art} {form}.",
                   f"Opcode number: {op}. Form of {n}: {form}.",
                   f"The instruction {n} has opcode number {op}: it is {art} {form}."),
              pick(2, f"At its number opcode.opname holds '{r['slot']}' (an unnamed slot).",
                   f"What opcode.opname holds at its number: '{r['slot']}' (an unnamed slot)."),
              pick(3, f"Its base instruction (dis.deoptmap) is {b}, and it stands at place {r['place']} in its "
                      f"family's list in opcode._specializations. Family: see families.csv row {b}.",
                   f"Base instruction (dis.deoptmap): {b}. Family: see families.csv row {b}. Place in its family's "
                   f"list (opcode._specializations): {r['place']}.")]
        p2 = [pick(4, f"Argument: it {arg_text(r, snap)}.", f"As for arguments, it {arg_text(r, snap)}."),
              pick(5, f"Opcode lists (opcode.has*): {lists_text(r)}.",
                   f"It is in {lists_text(r)}.")]
        p3 = [pick(6, f"Its stack effect is not given: dis.stack_effect raises ValueError ({r['stack_error']}) for a "
                      f"specialised opcode.",
                   f"Stack effect: not given: dis.stack_effect raises ValueError ({r['stack_error']}) for a "
                   f"specialised opcode."),
              pick(7, f"Its inline cache entries are those of its family (see families.csv row {b}).",
                   f"Inline cache entries: those of its family (see families.csv row {b}).")]
        return "\n\n".join(" ".join(p) for p in (p1, p2, p3)) + "\n"
    p1 = [pick(0, f"{n} is opcode {op}, a base instruction (in opcode.opmap).",
               f"Opcode number: {op}. Form of {n}: base instruction (in opcode.opmap).",
               f"{n} has opcode number {op}; it is a base instruction (in opcode.opmap).")]
    p2 = [pick(2, f"Argument: it {arg_text(r, snap)}.", f"As for arguments, it {arg_text(r, snap)}."),
          pick(3, f"Opcode lists (opcode.has*): {lists_text(r)}.",
               f"It is in {lists_text(r)}." if r["lists"] else "It is in none of the opcode.has* lists.")]
    if r["comment"]:
        p2.append(pick(4, f"The comment on its line in opcode.py reads: {comment_text(r)}.",
                       f"Comment on its line in opcode.py: {comment_text(r)}."))
    else:
        p2.append(pick(4, "The comment on its line in opcode.py: none.", "Comment on its line in opcode.py: none."))
    v = oparg_values(r, snap)
    if v:
        p2.append(f"Oparg values: {v}.")
    how = f"oparg {r['oparg']}" if r["oparg"] is not None else "without an oparg"
    if r["jumpdiff"]:
        p3 = [pick(5, f"Stack effect when it jumps (dis.stack_effect, {how}): {effect_text(r['ejump'])}; when it does "
                      f"not jump: {effect_text(r['enojump'])}.",
                   f"With {how}, dis.stack_effect gives {effect_text(r['ejump'])} when it jumps and "
                   f"{effect_text(r['enojump'])} when it does not jump.")]
    else:
        p3 = [pick(5, f"Stack effect (dis.stack_effect, {how}): {effect_text(r['effect'])}.",
                   f"With {how}, dis.stack_effect gives {effect_text(r['effect'])}.")]
    if r["backward"] is None:
        p3.append(pick(6, "Jump: none.", "It is not a jump (jump: none)."))
    else:
        p3.append(pick(6, f"Jump: {jump_text(r)}.", f"It is a jump: {jump_text(r)}."))
    p4 = [pick(7, f"Inline cache entries (opcode._inline_cache_entries): {r['cache']}; cache layout "
                  f"(opcode._cache_format): {layout_text(r['layout'])}.",
               f"It is followed by {r['cache']} inline cache entries (opcode._inline_cache_entries); cache layout "
               f"(opcode._cache_format): {layout_text(r['layout'])}.")]
    if r["forms"]:
        p4.append(pick(8, f"Family: see families.csv row {n}. Specialised forms (opcode), in opcode._specializations "
                          f"order: {forms_text(r)}.",
                       f"Its specialised forms (opcode), in opcode._specializations order, are {forms_text(r)}. "
                       f"Family: see families.csv row {n}."))
    else:
        p4.append(pick(8, "Specialised forms: none.", "It is not specialised (specialised forms: none)."))
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[_LAYOUT[r["id"]]](r, snap)
    return head + body + "\n" + source_line(snap) + "\n"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs, snap)
    out = {f"{r['doc_id']}.md": render(r, snap) for r in recs}
    out["families.csv"] = table_csv(family_rows(snap), FAM_COLUMNS)
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


IDENT = re.compile(r"[A-Z][A-Z0-9_]*_[A-Z0-9_]*|[A-Z]{3,}")


def in_question(question: str, gold: str) -> bool:
    """Does the question hold its own answer? An instruction name counts only as a whole identifier
    (LOAD_ATTR is not inside LOAD_ATTR_SLOT); anything else as accuracy tokens."""
    if IDENT.fullmatch(gold):
        return bool(re.search(rf"(?<![\w]){re.escape(gold)}(?![\w])", question))
    return _contains(_atok(question), _atok(gold))


CITES = ["See the dis documentation.", "The catalogue page says so.", "It is a bytecode instruction.",
         "Check families.csv.", "Run dis.dis() on a function to find out.", "Look at opcode.py."]  # fmt: skip


def gold_safe(question: str, answers: list[str], typ: str) -> bool:
    if not all(_atok(g) for g in answers):
        return False
    if not all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers):
        return False
    if any(_ok(question, answers, typ, t) for t in CITES):
        return False
    for g in answers:
        m = re.fullmatch(r"([+-]?)(\d+)", g)
        if m:
            v = int(g)
            near = [signed(v + 1), signed(v - 1)] if m.group(1) else [str(v + 1), str(v - 1)]
            if m.group(1) and v:
                near.append(signed(-v))  # the opposite sign
            if any(_ok(question, answers, typ, x) for x in near):
                return False
    return True


def names_safe(question: str, answers: list[str], typ: str, snap: dict, gold: str) -> bool:
    """Where an instruction is the answer: every other instruction read (catalogued, skipped or left out) scores
    wrong."""
    return not any(_ok(question, answers, typ, c) for c in snap["instructions"] if c != gold)


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


def cond_value(c: str, r: dict) -> bool:
    if c == "noarg":
        return not r["arg"]
    if c == "arg":
        return r["arg"]
    if c == "spec":
        return r["spec"]
    if c.startswith("list:"):
        return not r["spec"] and c[5:] in r["lists"]
    if r["spec"]:
        return False
    if c == "family":
        return bool(r["forms"])
    if c == "cached":
        return r["cache"] > 0
    if c == "jumpdiff":
        return r["jumpdiff"]
    if c == "backward":
        return r["backward"] is True
    if c.startswith("se:"):
        return r["se"] is not None and r["se"] == int(c[3:])
    if c.startswith("cache:"):
        return r["cache"] == int(c[6:])
    if c.startswith("cfield:"):
        return c[7:] in r["layout"]
    raise KeyError(c)


def cond_phrase(c: str) -> str:
    if c.startswith("se:"):
        return f"has a stack effect of {signed(int(c[3:]))} (dis.stack_effect, oparg {ORACLE} where it takes one)"
    if c.startswith("cache:"):
        k = int(c[6:])
        return f"is followed by exactly {k} inline cache entr{'ies' if k != 1 else 'y'}"
    if c.startswith("cfield:"):
        return f"has a field called {c[7:]} in its inline cache layout"
    if c.startswith("list:"):
        return f"is in opcode.{c[5:]}"
    return {"noarg": "takes no argument", "arg": "takes an argument", "spec": "is a specialised form",
            "family": "has specialised forms", "cached": "is followed by inline cache entries",
            "jumpdiff": "changes the stack differently depending on whether it jumps",
            "backward": "jumps backward"}[c]


def noun_phrase(c: str) -> str:
    if c.startswith("list:"):
        return LIST_NOUNS[c[5:]]
    return {"noarg": "instruction that takes no argument", "family": "instruction with specialised forms",
            "cached": "instruction with inline cache entries"}[c]


def fact_of(c: str) -> str:
    if c.startswith(("se:", "jumpdiff")):
        return "stack"
    if c.startswith(("cache:", "cached")):
        return "cache"
    if c.startswith("cfield:"):
        return "layout"
    if c.startswith("list:"):
        return "lists"
    return {"noarg": "arg", "arg": "arg", "spec": "form", "family": "forms", "backward": "jump",
            "cmp-opcode": "opcode", "cmp-cache": "cache", "cmp-stack": "stack", "cmp-forms": "forms"}.get(c, c)


CMP = {  # kind: (applies, key, templates); the winner has the larger key
    "cmp-opcode": (lambda r: True, lambda r: r["op"],
                   ["Which has the higher opcode number, {a} or {b}?",
                    "Of {a} and {b}, which instruction is encoded with the larger opcode?"]),
    "cmp-cache": (lambda r: not r["spec"], lambda r: r["cache"],
                  ["Which is followed by more inline cache entries, {a} or {b}?",
                   "Of {a} and {b}, which instruction reserves more inline cache entries?"]),
    "cmp-stack": (lambda r: not r["spec"] and r["se"] is not None, lambda r: r["se"],
                  [f"Which leaves the stack deeper, {{a}} or {{b}} (dis.stack_effect, oparg {ORACLE} where it takes "
                   f"one)?",
                   f"By dis.stack_effect (oparg {ORACLE} where it takes one), which has the larger stack effect, "
                   f"{{a}} or {{b}}?"]),
    "cmp-forms": (lambda r: not r["spec"] and bool(r["forms"]), lambda r: len(r["forms"]),
                  ["Which has more specialised forms, {a} or {b}?",
                   "Of {a} and {b}, which base instruction is specialised into more forms?"]),
}  # fmt: skip


def cmp_winner(k: str, a: dict, b: dict) -> dict | None:
    ka, kb = CMP[k][1](a), CMP[k][1](b)
    if ka == kb:
        return None
    return a if ka > kb else b


# ------------------------------------------------------------------ questions


def single_candidates(r: dict, snap: dict) -> list[dict]:
    n, out = r["id"], []
    src = "dis._all_opmap" if r["spec"] else "opcode.opmap"
    out.append({"kind": "s-opcode", "t": [f"What is the opcode number of {n}?", f"Which number does {src} give {n}?",
                                          f"{n} is encoded with which opcode number in Python 3.11?"],
                "answers": [str(r["op"])], "facts": [(n, "opcode")]})
    if r["spec"]:
        out.append({"kind": "s-place", "t": [f"At which place is {n} listed among its family's forms in "
                                             f"opcode._specializations?",
                                             f"In opcode._specializations, what is the position of {n} in its "
                                             f"family's list?"],
                    "answers": [str(r["place"])], "facts": [(n, "place")]})
        return out
    if r["cache"]:
        out.append({"kind": "s-cache", "t": [f"How many inline cache entries follow {n}?",
                                             f"How many inline cache entries does opcode._inline_cache_entries give "
                                             f"for {n}?"],
                    "answers": [str(r["cache"])], "facts": [(n, "cache")]})
    for f, k in r["layout"].items():
        if k > 1:
            out.append({"kind": "s-cfield", "field": f,
                        "t": [f"How many cache entries does the {f} field take in the inline cache of {n}?",
                              f"In the cache layout of {n}, how many entries are given to {f}?"],
                        "answers": [str(k)], "facts": [(n, f"cfield:{f}")]})
    if r["jumpdiff"]:
        for side, v in (("jumps", r["ejump"]), ("does not jump", r["enojump"])):
            out.append({"kind": "s-stack-jump", "field": side,
                        "t": [f"What stack effect does dis.stack_effect give for {n} when it {side}?",
                              f"When {n} {side}, what is its stack effect (dis.stack_effect, oparg {ORACLE})?"],
                        "answers": [signed(v)], "facts": [(n, f"stack:{side}")]})
    else:
        how = f" with oparg {r['oparg']}" if r["oparg"] is not None else ""
        out.append({"kind": "s-stack", "t": [f"What stack effect does dis.stack_effect report for {n}{how}?",
                                             f"What is the net stack effect of {n}{how}, by dis.stack_effect?"],
                    "answers": [signed(r["effect"])], "facts": [(n, "stack")]})
    if len(r["lists"]) == 1:
        k = r["lists"][0]
        out.append({"kind": "s-list", "t": [f"Which of the opcode.has* lists is {n} in?",
                                            f"{n} appears in which opcode.has* list?"],
                    "answers": [k, f"opcode.{k}"], "facts": [(n, "lists")]})
    if r["comment"] and not re.search(r"deepfreeze|sync", r["comment"]):
        out.append({"kind": "s-comment", "t": [f"What does the comment on the line of {n} in opcode.py say about "
                                               f"its argument?",
                                               f"In opcode.py, how is the oparg of {n} described in the comment on "
                                               f"its line?"],
                    "answers": [r["comment"]], "facts": [(n, "comment")]})
    if n == "MAKE_FUNCTION":
        fl = snap["make_function_flags"]
        out.append({"kind": "s-oparg", "t": [f"Which flag does bit {len(fl) - 1} of the MAKE_FUNCTION oparg stand "
                                             f"for?",
                                             f"In dis.MAKE_FUNCTION_FLAGS, which flag is bit {len(fl) - 1}?"],
                    "answers": [fl[-1]], "facts": [(n, "oparg")]})
    if n == "FORMAT_VALUE":
        cv = snap["format_value_converters"]
        out.append({"kind": "s-oparg", "t": ["Which converter does the FORMAT_VALUE oparg value 2 pick?",
                                             "For FORMAT_VALUE, which converter do the low bits 2 select?"],
                    "answers": [cv[2]], "facts": [(n, "oparg")]})
    if n == "BINARY_OP":
        out.append({"kind": "s-oparg", "t": ["How many operators does the BINARY_OP oparg index in opcode._nb_ops?",
                                             "The oparg of BINARY_OP indexes opcode._nb_ops. How many operators does "
                                             "that list hold?"],
                    "answers": [str(len(snap["nb_ops"]))], "facts": [(n, "oparg")]})
    return out


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    assign_layouts(recs, snap)
    by = {r["id"]: r for r in recs}
    sp = split_pages(recs, snap)
    sr = split_rows(snap)
    fb = fam_by(snap)
    allbase = base_info(snap)
    ins = snap["instructions"]
    comment_owner = Counter(x["comment"]["text"] for x in ins.values() if x.get("comment"))
    layout_owner = Counter(layout_text(x["cache_format"]) for x in ins.values() if x.get("cache_format"))
    jump_pair = Counter((x["stack"]["jump"], x["stack"]["nojump"]) for x in ins.values()
                        if x["base"] is None and x["stack"]["jump"] != x["stack"]["nojump"])
    seen_q: set = set()
    out = {}
    page_text = {r["doc_id"]: render(r, snap) for r in recs}
    for s in ("dev", "test"):
        rng = random.Random(f"{SEED}:{s}")
        pages = [r for r in recs if sp[r["id"]] == s]
        frows = [x for x in fb.values() if sr[f"families#{x['id']}"] == s]
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
                if not opts and any(in_question(q["question"], g) for g in q["answers"]):
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
            order = list(pools)  # ties go to the kind listed first
            for k in sorted(pools):
                rng.shuffle(pools[k])
            got = 0
            while got < n:
                progress = False
                for k in sorted(pools, key=lambda k: (kinds_n[k], order.index(k))):
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

        # ---- multi-hop: specialised page -> its families.csv row, or -> its base instruction's page
        pools: dict[str, list[dict]] = {}
        for r in pages:
            if not r["spec"]:
                continue
            n, b = r["id"], r["base"]
            row = f"families#{b}"
            x = fb[b]
            for k, col, ts in (
                    ("hop-fam-forms", "specialised_forms",
                     [f"How many specialised forms does the family that {n} belongs to have?",
                      f"{n} is one form of a specialisation family. How many forms does that family have in all?"]),
                    ("hop-fam-cache", "inline_cache_entries",
                     [f"How many inline cache entries does the family of {n} use?",
                      f"{n} shares the inline cache of its family. How many cache entries is that?"]),
                    ("hop-fam-opcode", "base_opcode",
                     [f"What is the opcode number of the base instruction that {n} specialises?",
                      f"{n} is a specialised form of one base instruction. Which opcode number does that base "
                      f"instruction have?"]),
                    ("hop-fam-high", "highest_opcode",
                     [f"What is the highest opcode number among the forms of the family {n} belongs to?",
                      f"Across the specialisation family of {n}, which is the largest opcode number of a form?"])):
                if sr[row] == s:
                    pools.setdefault(k, []).append(
                        {"question": rng.choice(ts), "answers": [str(x[col])], "evidence": [r["doc_id"], row],
                         "kind": k, "ref": n, "via": b, "facts": [("row", b, col), (n, "base")]})
            bp = by.get(b)
            if bp and sp[b] == s:
                if len(bp["lists"]) == 1:
                    k = bp["lists"][0]
                    pools.setdefault("hop-base-list", []).append(
                        {"question": rng.choice([f"Which opcode.has* list holds the base instruction of {n}?",
                                                 f"{n} specialises one base instruction. Which of the opcode.has* "
                                                 f"lists is that instruction in?"]),
                         "answers": [k, f"opcode.{k}"], "evidence": [r["doc_id"], bp["doc_id"]],
                         "kind": "hop-base-list", "ref": n, "via": b, "facts": [(b, "lists"), (n, "base")]})
                if bp["se"] is not None:
                    pools.setdefault("hop-base-stack", []).append(
                        {"question": rng.choice([f"What stack effect does dis.stack_effect give for the base "
                                                 f"instruction of {n} (oparg {ORACLE} where it takes one)?",
                                                 f"{n} is a specialised form. What is the stack effect of its base "
                                                 f"instruction, by dis.stack_effect (oparg {ORACLE} where it takes "
                                                 f"one)?"]),
                         "answers": [signed(bp["se"])], "evidence": [r["doc_id"], bp["doc_id"]],
                         "kind": "hop-base-stack", "ref": n, "via": b, "facts": [(b, "stack"), (n, "base")]})
        fill(pools, "multi_hop", WANT[s]["multi_hop"], CAPS[s]["multi_hop"])
        # ---- filter: two conditions among all base instructions read; the form of a family with the
        #      highest/lowest opcode; or one among four listed instructions
        c1s = [f"list:{k}" for k in LIST_NOUNS] + ["noarg", "family", "cached"]
        ses = sorted({b["se"] for b in allbase.values() if b["se"] is not None})
        c2s = ["jumpdiff", "backward"] + [f"se:{v}" for v in ses] + \
            [f"cache:{k}" for k in sorted({b["cache"] for b in allbase.values() if b["cache"]})] + \
            [f"cfield:{f}" for f in sorted({f for b in allbase.values() for f in b["layout"]})]
        cnt = {c: sum(cond_value(c, b) for b in allbase.values()) for c in c1s + c2s}
        pools = {"filter": [], "filter-spec": [], "filter-among": []}
        for c1 in c1s:
            for c2 in c2s:
                hit = [b for b in allbase.values() if cond_value(c1, b) and cond_value(c2, b)]
                if len(hit) != 1 or hit[0]["id"] not in by or sp[hit[0]["id"]] != s or min(cnt[c1], cnt[c2]) < 2:
                    continue
                h = by[hit[0]["id"]]
                noun, p2 = noun_phrase(c1), cond_phrase(c2)
                t = rng.choice([f"Which {noun} {p2}?", f"Name the one {noun} that {p2}.",
                                f"Among Python 3.11's bytecode instructions, which {noun} {p2}?"])
                pools["filter"].append({"question": t, "answers": [h["id"]], "evidence": [h["doc_id"]],
                                        "kind": "filter", "where": [c1, c2], "candidates": [h["id"]],
                                        "clsgold": h["id"],
                                        "facts": [("cond", c1, c2), (h["id"], "filter"), (h["id"], fact_of(c1)),
                                                  (h["id"], fact_of(c2))]})
        for r in pages:
            if r["spec"] or len(r["forms"]) < 3:
                continue
            for k, pick_ in (("highest", max), ("lowest", min)):
                o = pick_(r["form_ops"])
                w = r["forms"][r["form_ops"].index(o)]
                t = rng.choice([f"Which specialised form of {r['id']} has the {k} opcode number?",
                                f"Among the specialised forms of {r['id']}, which one is encoded with the {k} "
                                f"opcode?"])
                pools["filter-spec"].append({"question": t, "answers": [w], "evidence": [r["doc_id"]],
                                             "kind": "filter-spec", "ref": r["id"], "where": [k], "clsgold": w,
                                             "facts": [(r["id"], f"forms-{k}"), ("row", r["id"], f"{k}_opcode")]})
        among = ["noarg", "spec", "cached", "backward", "family"] + [f"list:{k}" for k in LIST_NOUNS]
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
                t = rng.choice([f"Among {and_list(names)}, which one {cond_phrase(c)}?",
                                f"Which of these instructions {cond_phrase(c)}: {', '.join(names)}?"])
                pools["filter-among"].append({"question": t, "answers": [w["id"]], "evidence": [w["doc_id"]],
                                              "options": names, "kind": "filter-among", "where": [c],
                                              "candidates": names,
                                              "facts": [("cond", c), (w["id"], "filter"), (w["id"], fact_of(c))]})
        rng.shuffle(pools["filter"])
        c1_used: set = set()
        got = 0
        for q in pools["filter"]:  # vary the first condition: no two chosen filters share it
            c1 = q["where"][0]
            if got < FILTER_MIX[s]["filter"] and c1 not in c1_used and take(q, "filter"):
                c1_used.add(c1)
                got += 1
        if got < FILTER_MIX[s]["filter"]:
            sys.exit(f"{s}: only {got} filter questions with first conditions of their own")
        fill({"filter-spec": pools["filter-spec"]}, "filter", FILTER_MIX[s]["filter-spec"],
             FILTER_MIX[s]["filter-spec"])
        fill({"filter-among": pools["filter-among"]}, "filter", FILTER_MIX[s]["filter-among"],
             FILTER_MIX[s]["filter-among"])
        # ---- reverse
        pools = {"rev-opcode": [], "rev-family": [], "rev-layout": [], "rev-comment": [], "rev-oparg": [],
                 "rev-jump": []}
        for r in pages:
            n = r["id"]
            t = rng.choice([f"Which instruction has opcode number {r['op']}?",
                            f"In Python 3.11, opcode {r['op']} is which bytecode instruction?",
                            f"Which bytecode instruction is encoded as opcode {r['op']}?"])
            pools["rev-opcode"].append({"question": t, "answers": [n], "evidence": [r["doc_id"]], "kind": "rev-opcode",
                                        "ref": n, "clsgold": n, "facts": [(n, "opcode")]})
            if r["spec"]:
                t = rng.choice([f"{n} is a specialised form of which base instruction?",
                                f"To which instruction's specialisation family does {n} belong?",
                                f"Which base instruction does dis.deoptmap map {n} back to?"])
                pools["rev-family"].append({"question": t, "answers": [r["base"]], "evidence": [r["doc_id"]],
                                            "kind": "rev-family", "ref": n, "clsgold": r["base"],
                                            "facts": [(n, "base")]})
                continue
            if r["comment"] and comment_owner[r["comment"]] == 1 and len(r["comment"].split()) >= 2:
                t = rng.choice([f"Which instruction's line in opcode.py carries the comment \"{r['comment']}\"?",
                                f"In opcode.py, one instruction is commented \"{r['comment']}\". Which one?"])
                pools["rev-comment"].append({"question": t, "answers": [n], "evidence": [r["doc_id"]],
                                             "kind": "rev-comment", "ref": n, "clsgold": n,
                                             "facts": [(n, "comment")]})
            lt = layout_text(r["layout"])
            if r["layout"] and layout_owner[lt] == 1 and len(r["layout"]) >= 2:
                t = rng.choice([f"Which instruction has the inline cache layout {lt}?",
                                f"opcode._cache_format gives one instruction the layout {lt}. Which one?"])
                pools["rev-layout"].append({"question": t, "answers": [n], "evidence": [r["doc_id"]],
                                            "kind": "rev-layout", "ref": n, "clsgold": n,
                                            "facts": [(n, "layout")]})
            if r["jumpdiff"] and jump_pair[(r["ejump"], r["enojump"])] == 1:
                t = rng.choice([f"Which jump instruction has a stack effect of {signed(r['ejump'])} when it jumps and "
                                f"{signed(r['enojump'])} when it does not?",
                                f"dis.stack_effect gives one instruction {signed(r['ejump'])} if it jumps and "
                                f"{signed(r['enojump'])} if not. Which instruction?"])
                pools["rev-jump"].append({"question": t, "answers": [n], "evidence": [r["doc_id"]],
                                          "kind": "rev-jump", "ref": n, "clsgold": n,
                                          "facts": [(n, "stack:jumps"), (n, "stack:does not jump")]})
            v = {"MAKE_FUNCTION": "defaults, kwdefaults, annotations and closure flags",
                 "FORMAT_VALUE": "converters str, repr and ascii", "COMPARE_OP": "entries of opcode.cmp_op",
                 "BINARY_OP": "entries of opcode._nb_ops"}.get(n)
            if v:
                t = rng.choice([f"Which instruction's oparg selects among the {v}?",
                                f"The oparg of one instruction picks among the {v}. Which instruction?"])
                pools["rev-oparg"].append({"question": t, "answers": [n], "evidence": [r["doc_id"]],
                                           "kind": "rev-oparg", "ref": n, "clsgold": n, "facts": [(n, "oparg")]})
        fill(pools, "reverse", WANT[s]["reverse"], CAPS[s]["reverse"])
        # ---- comparison: two named instructions; and derived yes/no questions
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
        yn: dict[str, list] = {"yn-arg": [], "yn-list": []}
        for r in pages:
            n = r["id"]
            t = rng.choice([f"Does {n} take an argument?", f"Is {n} an instruction that takes an oparg?",
                            f"Does dis decode an oparg for {n}?"])
            yn["yn-arg"].append({"question": t, "answers": ["yes" if r["arg"] else "no"], "evidence": [r["doc_id"]],
                                 "options": ["yes", "no"], "kind": "yn-arg", "ref": n, "facts": [(n, "arg")]})
            for k in ("hasname", "hasjrel", "hasfree", "haslocal"):
                has = k in r["lists"]
                if not has and word_on(k, page_text[r["doc_id"]]):
                    continue
                t = rng.choice([f"Is {n} in opcode.{k}?", f"Does opcode.{k} list {n}?"])
                yn["yn-list"].append({"question": t, "answers": ["yes" if has else "no"], "evidence": [r["doc_id"]],
                                      "options": ["yes", "no"], "kind": "yn-list", "ref": n, "field": k,
                                      "facts": [(n, "lists")]})
        fill(yn, "comparison", YESNO[s], YESNO[s] // 2)
        # ---- single-hop: register rows, then pages
        pools = {}
        for x in frows:
            b = x["id"]
            cands = [("reg-forms", "specialised_forms",
                      [f"How many specialised forms does {b} have in Python 3.11?",
                       f"According to families.csv, how many specialised forms belong to the {b} family?"]),
                     ("reg-low", "lowest_opcode",
                      [f"What is the lowest opcode number used by a specialised form of {b}?",
                       f"families.csv: which is the smallest opcode among the forms of {b}?"]),
                     ("reg-high", "highest_opcode",
                      [f"What is the highest opcode number used by a specialised form of {b}?",
                       f"families.csv: which is the largest opcode among the forms of {b}?"])]
            if x["superinstructions"]:
                cands.append(("reg-super", "superinstructions",
                              [f"How many super-instructions does the {b} family hold?",
                               f"Of the specialised forms of {b}, how many are super-instructions?"]))
            for k, col, ts in cands:
                if x["specialised_forms"] < 2 and k != "reg-forms":
                    continue
                fk = {"lowest_opcode": "lowest_opcode", "highest_opcode": "highest_opcode"}.get(col, col)
                pools.setdefault(k, []).append({"question": rng.choice(ts), "answers": [str(x[col])],
                                                "evidence": [f"families#{b}"], "kind": k, "row": b,
                                                "facts": [("row", b, fk)]})
        fill(pools, "single_hop", REG_PER_SPLIT[s], 2)
        pools = {}
        for r in pages:
            for q in single_candidates(r, snap):
                q.update(question=rng.choice(q.pop("t")), evidence=[r["doc_id"]], ref=r["id"])
                pools.setdefault(q["kind"], []).append(q)
        fill(pools, "single_hop", WANT[s]["single_hop"] - REG_PER_SPLIT[s], CAPS[s]["single_hop"])
        # ---- unanswerable
        for m in ABSENT[s]:
            for t in ABSENT_QUESTIONS[m]:
                items.append({"question": t, "answers": [], "type": "unanswerable", "evidence": [],
                              "kind": "absent-instruction", "entry": m})
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
                row["derived"] = True  # yes or no is read off the page's argument or list line, not a word it writes
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
    print(f"{len(pages) - 1} pages and families.csv; dev {len(qs['dev'])}, test {len(qs['test'])} questions")


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
    """A left-out instruction as it could be written (a whole identifier, bare or as opcode.opmap['X'])."""
    return rf"(?<![\w]){re.escape(c)}(?![\w])"


def truth(q: dict, snap: dict, by: dict, fb: dict) -> list[str] | None:
    k = q["kind"]
    ins = snap["instructions"]
    col = {"hop-fam-forms": "specialised_forms", "hop-fam-cache": "inline_cache_entries",
           "hop-fam-opcode": "base_opcode", "hop-fam-high": "highest_opcode", "reg-forms": "specialised_forms",
           "reg-low": "lowest_opcode", "reg-high": "highest_opcode", "reg-super": "superinstructions"}
    if k.startswith("hop-fam-"):
        return [str(fb[q["via"]][col[k]])] if ins[q["ref"]]["base"] == q["via"] else None
    if k.startswith("reg-"):
        return [str(fb[q["row"]][col[k]])]
    if k.startswith("hop-base-"):
        if ins[q["ref"]]["base"] != q["via"]:
            return None
        b = ins[q["via"]]
        if k == "hop-base-list":
            return [b["lists"][0], f"opcode.{b['lists'][0]}"] if len(b["lists"]) == 1 else None
        st = b["stack"]
        return [signed(st["effect"])] if st["jump"] == st["nojump"] else None
    if k == "rev-opcode":
        asked = [int(m) for m in re.findall(r"\bopcode (?:number )?(\d+)\b", q["question"])]
        hit = [n for n, x in ins.items() if [x["opcode"]] == asked]
        return hit if hit == [q["ref"]] else None
    if k == "rev-family":
        return [ins[q["ref"]]["base"]]
    if k == "rev-comment":
        hit = [n for n, x in ins.items() if x.get("comment") and f"\"{x['comment']['text']}\"" in q["question"]]
        return hit if hit == [q["ref"]] else None
    if k == "rev-layout":
        hit = [n for n, x in ins.items() if x.get("cache_format") and q["question"].find(
            layout_text(x["cache_format"]) + "?") >= 0 or x.get("cache_format") and q["question"].find(
            layout_text(x["cache_format"]) + ". ") >= 0]
        return hit if hit == [q["ref"]] else None
    if k == "rev-jump":
        asked = [int(m) for m in re.findall(r"(?<![\w.])[+-]?\d+(?![\w.])", q["question"])]
        hit = [n for n, x in ins.items() if x["base"] is None and x["stack"]["jump"] != x["stack"]["nojump"]
               and [x["stack"]["jump"], x["stack"]["nojump"]] == asked]
        return hit if hit == [q["ref"]] else None
    if k == "rev-oparg":
        return [q["ref"]] if q["ref"] in ("MAKE_FUNCTION", "FORMAT_VALUE", "COMPARE_OP", "BINARY_OP") else None
    if k in CMP:
        a, b = (by[x] for x in q["candidates"])
        w = cmp_winner(k, a, b)
        return [w["id"]] if w else None
    if k == "yn-arg":
        return ["yes" if ins[q["ref"]]["takes_arg"] else "no"]
    if k == "yn-list":
        return ["yes" if q["field"] in ins[q["ref"]]["lists"] else "no"]
    if k == "filter":
        hit = [b for b in base_info(snap).values() if all(cond_value(c, b) for c in q["where"])]
        return [hit[0]["id"]] if len(hit) == 1 else None
    if k == "filter-spec":
        forms = snap["families"][q["ref"]]
        ops = [ins[f]["opcode"] for f in forms]
        o = (max if q["where"] == ["highest"] else min)(ops)
        return [forms[ops.index(o)]]
    if k == "filter-among":
        hit = [x for x in q["candidates"] if cond_value(q["where"][0], by[x])]
        return hit if len(hit) == 1 else None
    x = ins[q["ref"]]
    if k == "s-opcode":
        return [str(x["opcode"])]
    if k == "s-place":
        return [str(snap["families"][x["base"]].index(q["ref"]) + 1)]
    if k == "s-cache":
        return [str(x["cache_entries"])]
    if k == "s-cfield":
        return [str(x["cache_format"][q["field"]])]
    if k == "s-stack":
        return [signed(x["stack"]["effect"])] if x["stack"]["jump"] == x["stack"]["nojump"] else None
    if k == "s-stack-jump":
        return [signed(x["stack"]["jump" if q["field"] == "jumps" else "nojump"])]
    if k == "s-list":
        return [x["lists"][0], f"opcode.{x['lists'][0]}"]
    if k == "s-comment":
        return [x["comment"]["text"]]
    if k == "s-oparg":
        return {"MAKE_FUNCTION": [snap["make_function_flags"][-1]], "FORMAT_VALUE": [snap["format_value_converters"][2]],
                "BINARY_OP": [str(len(snap["nb_ops"]))]}.get(q["ref"])
    return None


def fact_keys(q: dict) -> list[tuple]:
    k = q["kind"]
    if k.startswith("hop-fam-"):
        return [("row", q["via"], k.replace("hop-fam-", "")), (q["ref"], k)]
    if k.startswith("reg-"):
        return [("row", q["row"], k.replace("reg-", ""))]
    if k.startswith("hop-base-"):
        return [(q["via"], k), (q["ref"], k)]
    if k in CMP:
        return [(x, fact_of(k)) for x in q["candidates"]]
    if k in ("yn-arg", "yn-list"):
        return [(q["ref"], k, q.get("field"))]
    if k.startswith("filter"):
        return [("cond",) + tuple(q["where"]) + (q.get("ref"), q["answers"][0])]
    if k.startswith(("s-", "rev-")):
        return [(q["ref"], k, q.get("field"))]
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
    fb = fam_by(snap)
    sp = split_pages(recs, snap)
    sr = split_rows(snap)
    ins = snap["instructions"]
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages, families.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot
    bad = [] if snap["python"].startswith("3.11") else [f"python {snap['python']}"]
    bad += [f"{a}: left-out, skipped or catalogued form not read" for a in absent_ids() + SKIP + SPEC if a not in ins]
    bad += [f"{a}: in SKIP is not a base instruction" for a in SKIP if a in ins and ins[a]["base"] is not None]
    bad += [f"{a}: in SPEC is not a specialised form" for a in SPEC if a in ins and ins[a]["base"] is None]
    bad += [f"{a}: left out but has specialised forms" for a in absent_ids() if ins.get(a, {}).get("specialized")]
    nbase = sum(x["base"] is None for x in ins.values())
    nspec = len(ins) - nbase
    ops = Counter(x["opcode"] for x in ins.values())
    bad += [f"opcode {o} used {c} times" for o, c in ops.items() if c > 1]
    for n, x in ins.items():
        if x["base"] is None:
            if x["in_opmap"] is not True or x["takes_arg"] != (x["opcode"] >= snap["have_argument"]):
                bad.append(f"{n}: base instruction not in opmap or argument not by HAVE_ARGUMENT")
            if x["cache_entries"] != sum(x["cache_format"].values()):
                bad.append(f"{n}: cache entries are not the sum of its cache layout")
        else:
            b = ins.get(x["base"])
            if not b or n not in b["specialized"] or x["in_opmap"] or x["lists"] or x["takes_arg"] != b["takes_arg"]:
                bad.append(f"{n}: specialised form does not agree with its base")
            if x["opname_slot"] != f"<{x['opcode']}>":
                bad.append(f"{n}: opcode.opname names its slot")
    bad += [f"family {b}: base not read" for b in snap["families"] if b not in ins]
    results.append((f"the snapshot is whole (Python {snap['python']}: {len(ins)} instructions, {nbase} base, {nspec} "
                    f"specialised in {len(snap['families'])} families; {len(recs)} catalogued: "
                    f"{sum(not r['spec'] for r in recs)} base, {sum(r['spec'] for r in recs)} specialised); opcode "
                    f"numbers unique, arguments by HAVE_ARGUMENT, cache entries the sum of the layout, specialised "
                    f"forms agree with their base", bad))
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
    want_ids = set(doc2) | {f"families#{k}" for k in fb}
    bad += [] if set(docs) == want_ids else [f"ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [f"{i}: title or front matter" for i, r in doc2.items()
            if i in docs and (docs[i].title != title(r) or docs[i].metadata != normalize_metadata(front(r)))]
    for r in recs:
        body = docs[r["doc_id"]].text.lower() if r["doc_id"] in docs else ""
        for _, label, value in rows(r, snap):
            if value.lower() not in body and not (_LAYOUT[r["id"]] == "sheet" and cell(value).lower() in body):
                bad.append(f"{r['id']}: {label} value {value!r} not in the body")
    for k, x in fb.items():
        t = docs[f"families#{k}"].text if f"families#{k}" in docs else ""
        bad += [f"family {k}: column {c} not in its row" for c in FAM_COLUMNS[2:] if str(x[c]) not in t]
    fams_named = {r["family"] for r in recs if r["family"]}
    bad += [] if fams_named == set(fb) else [f"families.csv rows {sorted(fams_named ^ set(fb))} not the pages'"]
    lay = Counter(_LAYOUT.values())
    bad += [] if max(lay.values()) - min(lay.values()) <= 2 else [f"layouts uneven {dict(lay)}"]
    results.append((f"the corpus loads {len(docs)} documents ({len(doc2)} pages, {len(fb)} family rows) with titles "
                    f"and front matter; every value of a record in its page body; every register column in its row; "
                    f"families.csv holds exactly the families pages name; layouts {dict(lay)}", bad))
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
                if _ok(q["question"], [], typ, "It is opcode 61."):
                    sc.append(f"{q['id']}: a made-up answer scores correct")
                continue
            ev = [docs[e].text for e in q["evidence"] if e in docs]
            target = ev[-1:] if typ == "multi_hop" else ev
            if q.get("derived"):  # the page's argument or list line, with no yes/no word for it
                r, text = by[q["ref"]], ev[0]
                if re.search(r"\b(?:yes|no)\b", text, re.I):
                    bad.append(f"{q['id']}: its page writes a yes/no word")
                if q["kind"] == "yn-arg":
                    on = "takes an oparg" in text
                    if on != (golds == ["yes"]) or on == ("takes none" in text) or r["arg"] != (golds == ["yes"]):
                        bad.append(f"{q['id']}: argument line and gold {golds} disagree")
                else:
                    on = word_on(f"opcode.{q['field']}", text)
                    if on != (golds == ["yes"]) or (q["field"] in r["lists"]) != (golds == ["yes"]):
                        bad.append(f"{q['id']}: list on the page {on}, gold {golds}")
                continue
            for g in golds:
                if not any(g.lower() in t.lower() and _contains(_atok(t), _atok(g)) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in an evidence document")
            if not q.get("options") and any(in_question(q["question"], g) for g in golds):
                bad.append(f"{q['id']}: gold inside its question")
            if _ok(q["question"], golds, typ, "The documents do not say."):
                sc.append(f"{q['id']}: abstention scores correct")
            if q.get("options"):
                if not hedge_safe(q["question"], q["options"], golds[0], typ):
                    sc.append(f"{q['id']}: options or hedges score wrongly")
            elif not gold_safe(q["question"], golds, typ):
                sc.append(f"{q['id']}: gold alone, in a sentence, a citation, a number plus or minus one or of the "
                          f"other sign scores wrongly")
            if golds[0] in ins and not q.get("options") and not names_safe(q["question"], golds, typ, snap,
                                                                           golds[0]):
                sc.append(f"{q['id']}: another instruction name scores correct")
            if typ == "multi_hop" and _ok(q["question"], golds, typ, docs[q["evidence"][0]].text[:400]):
                sc.append(f"{q['id']}: the first document alone scores correct")
    results.append(("every gold occurs (as text and as accuracy tokens) in an evidence document (the last, on "
                    "chains) and not inside its question (an instruction name as a whole identifier); yes/no items: "
                    "the argument or list line of the page agrees, with no yes/no word for it", bad))
    results.append(("scoring: gold alone and in a sentence correct; citations, a number plus or minus one or of the "
                    "other sign, wrong options, hedges and every other instruction name wrong; abstention correct "
                    "exactly on unanswerables", sc))
    # 6. facts
    bad = []
    for s in rows_:
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            t = truth(q, snap, by, fb)
            if t is None or t != q["answers"]:
                bad.append(f"{q['id']}: gold {q['answers']} but the snapshot gives {t}")
    results.append(("facts agree with snapshot.json (opcodes, arguments, lists, stack effects, cache entries and "
                    "layouts, families and their rows, comparison winners, filters single out their answer among "
                    "all instructions read, reverse lookups unique among all instructions read)", bad))
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
                if sp[x] != s:
                    bad.append(f"{q['id']}: candidate {x} of the other split")
            if q["kind"] == "absent-field" and sp[q["entry"]] != s:
                bad.append(f"{q['id']}: asks of a page of the other split")
            if q["kind"] == "absent-instruction" and q["entry"] not in ABSENT[s]:
                bad.append(f"{q['id']}: left-out instruction of the other split")
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
                    f"{sum(v == 'test' for v in sp.values())} test (a family with its rows and pages whole), "
                    f"register rows {sum(v == 'dev' for v in sr.values())} dev / "
                    f"{sum(v == 'test' for v in sr.values())} test; no question uses a page or row of the other "
                    f"split; no question or fact in both; a fact once per split", bad))
    # 8. unanswerables absent
    bad = []
    for m in absent_ids():
        hits = [p for p, x in on_disk.items() if re.search(name_pattern(m), x)]
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
            if q["kind"] == "absent-instruction" and not re.search(name_pattern(q["entry"]), q["question"]):
                bad.append(f"{q['id']}: does not name its left-out instruction")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or q["entry"] not in q["question"]):
                bad.append(f"{q['id']}: absent field")
    results.append(("unanswerables: left-out instructions named in no corpus file; every absent-field pattern "
                    "(version added, C function, cost in nanoseconds, frequency in the standard library, who added "
                    "it, Python 3.12 opcode, PEP) matches its made-up answer and no corpus file", bad))
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
