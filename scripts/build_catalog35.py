"""Build the catalog35 evaluation corpus: GCC 12's warning options (this machine's gcc).

    PYTHONPATH=src python scripts/build_catalog35.py snapshot [--force]  # gcc --help=warnings ... -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog35.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog35.py check               # loader + scorer + fact checks, no gcc, no model

`snapshot` asks this machine's gcc: `gcc --version` (first line), `gcc --help=warnings` (every warning option with
its one-line description, continuation lines joined), `gcc --help=warnings,<lang>` for the languages and the class
`common` (which lists name an option), and `gcc -x <c|c++> -Q [<flag>] --help=warnings -fsyntax-only /dev/null`:
the state of every option with no flag (the default), and, for each umbrella flag (`UMBRELLAS`: -Wall, -Wextra,
-Wunused, ...), the lines whose state that flag changes. Written to `evalsets/catalog35/snapshot.json` (committed;
`snapshot` refuses to overwrite it without --force).

`build` renders one markdown page per catalogued option (`FOLDERS`, written by hand), `<folder>/<slug>.md`, folders
by scope (`common/`: language-independent options; `c-family/`: listed for both C and C++; `c-only/`; `cxx-only/`;
`other/`: Fortran, D or Objective-C only), titled `# <option> — GCC 12 warning option (<scope>)`, with YAML front
matter and one of three layouts dealt in turn in the order of sha256("catalog35:layout<option>") within each split:
`sheet` (a `| Field | Value |` table), `card` (headed sections of `- Label: value` bullets) or `prose` (paragraphs
whose sentences vary per page). It writes `groups.csv`, the umbrella register (one row per umbrella flag: its
description, how many option lines it changes in C and in C++, the catalogued options it turns on, the umbrellas
that turn it on), and generates dev.jsonl and test.jsonl from the snapshot (seed SEED), then test.jsonl.sha256.

`check` reads only the snapshot and the committed files (no gcc): renders and generates again and compares byte for
byte, loads the corpus with ragtune's loader, reads both splits with `load_qa`, checks evidence, gold text and
tokens, scoring verdicts (gold alone correct, other options and other option names wrong, abstention only on
unanswerables), facts against the snapshot, split separation, that left-out options and absent fields are on no
page, the sha256 and the type mix; prints PASS/FAIL per check and exits 1 on a failure.
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
OUT = ROOT / "evalsets" / "catalog35"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 35
PREFIX = "c35"
LANGS = ["c", "c++", "objc", "objc++", "fortran", "d", "ada", "go", "modula-2", "lto", "common"]
LANG_NAME = {"c": "C", "c++": "C++", "objc": "Objective-C", "objc++": "Objective-C++", "fortran": "Fortran",
             "d": "D", "ada": "Ada", "go": "Go", "modula-2": "Modula-2", "lto": "LTO", "common": "common"}
Q_LANGS = ["c", "c++"]
UMBRELLAS = ["-Wall", "-Wextra", "-Wunused", "-Wformat", "-Wformat=2", "-Wimplicit", "-Wpedantic", "-Wconversion",
             "-Wparentheses", "-Wuninitialized", "-Weffc++", "-Wshadow", "-Wc++-compat"]
ROW_ID = {"-Wall": "wall", "-Wextra": "wextra", "-Wunused": "wunused", "-Wformat": "wformat", "-Wformat=2": "wformat2",
          "-Wimplicit": "wimplicit", "-Wpedantic": "wpedantic", "-Wconversion": "wconversion",
          "-Wparentheses": "wparentheses", "-Wuninitialized": "wuninitialized", "-Weffc++": "weffcxx",
          "-Wshadow": "wshadow", "-Wc++-compat": "wcxxcompat"}
# an umbrella flag that is no token of --help=warnings takes the help text of this token
UMBRELLA_HELP = {"-Wformat=2": "-Wformat=<0,2>"}

# The catalogued options (gcc's tokens, as --help=warnings prints them), by folder: written by hand.
FOLDERS = {
    "common": ["-W", "--extra-warnings", "-Waggregate-return", "-Wanalyzer-double-free", "-Warray-bounds=<0,2>",
               "-Wattributes", "-Wcast-align=strict", "-Wdisabled-optimization", "-Wframe-larger-than=<byte-size>",
               "-Wimplicit-fallthrough=<0,5>", "-Winline", "-Wnull-dereference", "-Wpadded", "-Wreturn-local-addr",
               "-Wshadow", "-Wshadow=local", "-Wstack-usage=<byte-size>", "-Wsuggest-attribute=pure",
               "-Wtrampolines", "-Wtype-limits", "-Wunreachable-code", "-Whsa", "-Wunused-label",
               "-Wuse-after-free=<0,3>"],
    "c-family": ["-Wall", "-Wextra", "--all-warnings", "-Waddress", "-Walloca-larger-than=<number>",
                 "-Warray-compare", "-Wchar-subscripts", "-Wclobbered", "-Wcomments", "-Wconversion",
                 "-Wdangling-pointer=<0,2>", "-Wduplicated-cond", "-Wempty-body", "-Wformat=<0,2>",
                 "-Wformat-overflow=<0,2>", "-Wformat-security", "-Wformat-y2k", "-Wlogical-op",
                 "-Wmisleading-indentation", "-Wmissing-field-initializers", "-Wparentheses", "-Wpedantic",
                 "-Wsign-conversion", "-Wstringop-overflow=<0,4>", "-Wswitch-enum", "-Wuninitialized",
                 "-Wunused", "-Wunused-const-variable=<0,2>", "-Wvla", "-Wpsabi"],
    "c-only": ["-Wabsolute-value", "-Wbad-function-cast", "-Wc++-compat", "-Wdeclaration-after-statement",
               "-Werror-implicit-function-declaration", "-Wimplicit", "-Wimplicit-int", "-Wint-conversion",
               "-Wjump-misses-init", "-Wmissing-parameter-type", "-Wold-style-declaration", "-Woverride-init",
               "-Wpointer-sign", "-Wstrict-prototypes", "-Wtraditional", "-Wc90-c99-compat"],
    "cxx-only": ["-Wabi-tag", "-Waligned-new=[none|global|all]", "-Wcatch-value=<0,3>", "-Wc++0x-compat",
                 "-Wclass-memaccess", "-Wctor-dtor-privacy", "-Wdeprecated-copy", "-Weffc++", "-Wextra-semi",
                 "-Wnon-virtual-dtor", "-Wold-style-cast", "-Woverloaded-virtual", "-Wpessimizing-move",
                 "-Wredundant-move", "-Wsign-promo", "-Wsuggest-override", "-Wsynth", "-Wuseless-cast",
                 "-Wzero-as-null-pointer-constant", "-Wplacement-new=<0,2>"],
    "other": ["-Waliasing", "-Wcharacter-truncation", "-Wintrinsic-shadow", "-Wselector", "-Wundeclared-selector",
              "-Wcast-result"],
}  # fmt: skip
SCOPE_WORDS = {"common": "common to all languages", "c-family": "C family: C and C++",
               "c-only": "C only", "cxx-only": "C++ only", "other": "another front end"}
# Read but left out: no page, no register row and no corpus file names them.
ABSENT = {"dev": ["-Wdouble-promotion", "-Wnoexcept", "-Wmissing-noreturn"],
          "test": ["-Wvirtual-move-assign", "-Wmissing-declarations", "-Wcast-function-type"]}
ABSENT_QUESTIONS = {
    "-Wdouble-promotion": ["Is -Wdouble-promotion enabled by default when GCC 12 compiles C?",
                           "Does -Wall turn on -Wdouble-promotion in C++?"],
    "-Wnoexcept": ["What does the -Wnoexcept option warn about, according to gcc's help?"],
    "-Wmissing-noreturn": ["Which languages does GCC list the -Wmissing-noreturn warning for?"],
    "-Wvirtual-move-assign": ["What does GCC's -Wvirtual-move-assign warn about?",
                              "Is -Wvirtual-move-assign switched on by -Wextra?"],
    "-Wmissing-declarations": ["Is -Wmissing-declarations on by default in C?",
                               "Which umbrella options turn on -Wmissing-declarations?"],
    "-Wcast-function-type": ["Does -Wextra enable -Wcast-function-type when compiling C++?",
                             "How does gcc's help describe -Wcast-function-type?"],
}  # fmt: skip
# What no page records: (question template, a pattern no corpus file may match, a made-up answer it must match).
ABSENT_FIELDS = {
    "release": ("In which GCC release was {n} first introduced?",
                r"\b(?:introduced|first appeared|new in|added in|since GCC)\b", "It was introduced in GCC 4.3."),
    "bug": ("What is the number of the GCC Bugzilla report that led to {n}?",
            r"\bbugzilla\b|\bPR ?(?:c\+\+|c|middle-end|tree-optimization)?/?\d{4,}\b|\bbug\b", "PR c/53119"),
    "clang": ("What is the Clang equivalent of GCC's {n}?", r"\bclang\b|\bllvm\b", "Clang calls it -Wfoo too."),
    "msvc": ("Which MSVC warning number corresponds to {n}?", r"\bMSVC\b|\bVisual C\+\+|\bC4\d{3}\b",
             "MSVC warning C4013"),
    "author": ("Who contributed the {n} warning to GCC?", r"\bcontribut(?:ed|or)\b|\bauthor\b|\bwritten by\b",
               "It was contributed by a Red Hat engineer."),
    "manual": ("In which section of the GCC manual is {n} documented?",
               r"\bmanual\b|\bsection \d|\bInvoking GCC\b", "In section 3.8 of the manual, Options to Request "
               "or Suppress Warnings."),
    "count": ("How many diagnostics did {n} produce when building the Linux kernel?",
              r"\blinux kernel\b|\bdiagnostics? (?:count|produced)\b|\bkernel build\b",
              "About 1,200 diagnostics in a Linux kernel build."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 3, "test": 4}  # the most questions of one kind per split
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 4, "filter-among": 5}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-option items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about a register row
DEV_EVERY = (0, 3, 5)
DEV_ROWS = ("wextra", "wshadow", "wpedantic", "wcxxcompat", "wuninitialized")  # register rows asked in dev
LAYOUTS = ("sheet", "card", "prose")
PAGE_USE = 2  # the most questions one page is evidence for, per split

# ------------------------------------------------------------------ reading gcc (snapshot only)


def parse_help(text: str) -> dict[str, str]:
    """gcc --help=... output: option token -> its description, continuation lines joined."""
    out: dict[str, str] = {}
    cur = None
    for ln in text.splitlines()[1:]:
        m = re.match(r"^  (-\S+)(?:\s+(.*))?$", ln)
        if m and not ln.startswith("   "):
            cur = m.group(1)
            out[cur] = (m.group(2) or "").strip()
        elif cur and ln.strip():
            out[cur] = (out[cur] + " " + ln.strip()).strip()
    return out


def parse_q(text: str) -> dict[str, str]:
    """gcc -Q --help=warnings output: option token -> the state gcc prints (may be empty)."""
    out = {}
    for ln in text.splitlines():
        m = re.match(r"^  (-\S+)\s*\t+(.*)$", ln)
        if m:
            out[m.group(1)] = m.group(2).strip()
    return out


def scan() -> dict:
    import subprocess

    def run(*args: str) -> str:
        return subprocess.run(list(args), capture_output=True, text=True).stdout

    def q(lang: str, *flags: str) -> dict[str, str]:
        return parse_q(run("gcc", "-x", lang, "-Q", *flags, "--help=warnings", "-fsyntax-only", "/dev/null"))

    states = {}
    for lang in Q_LANGS:
        base = q(lang)
        states[lang] = {"": base}
        for u in UMBRELLAS:
            s = q(lang, u)
            states[lang][u] = {k: v for k, v in s.items() if base.get(k) != v}
    return {"source": "this machine's gcc: gcc --version, gcc --help=warnings, gcc --help=warnings,<lang>, "
                      "gcc -x <c|c++> -Q [<flag>] --help=warnings -fsyntax-only /dev/null",
            "gcc": run("gcc", "--version").splitlines()[0],
            "help": parse_help(run("gcc", "--help=warnings")),
            "lists": {lang: list(parse_help(run("gcc", f"--help=warnings,{lang}"))) for lang in LANGS},
            "states": states}


def snapshot_text(snap: dict) -> str:
    """JSON with one option a line."""
    parts = []
    for k, v in snap.items():
        if k == "help":
            body = ",\n".join(f"  {json.dumps(a)}: {json.dumps(b)}" for a, b in v.items())
            parts.append(f' "help": {{\n{body}\n }}')
        elif k == "lists":
            body = ",\n".join(f"  {json.dumps(a)}: {json.dumps(b)}" for a, b in v.items())
            parts.append(f' "lists": {{\n{body}\n }}')
        elif k == "states":
            langs = []
            for lang, flags in v.items():
                fl = ",\n".join(f"   {json.dumps(f)}: {{\n" + ",\n".join(f"    {json.dumps(a)}: {json.dumps(b)}"
                                                                     for a, b in d.items()) + "\n   }"
                                for f, d in flags.items())
                langs.append(f"  {json.dumps(lang)}: {{\n{fl}\n  }}")
            parts.append(' "states": {\n' + ",\n".join(langs) + "\n }")
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to ask this machine's gcc again")
    snap = scan()
    missing = [k for k in catalogued() + absent_opts() if k not in snap["help"]]
    if missing:
        sys.exit(f"not known to this machine's gcc: {missing}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"{snap['gcc']}: {len(snap['help'])} warning options")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def catalogued() -> list[str]:
    return [n for ns in FOLDERS.values() for n in ns]


def absent_opts() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def folder_of(tok: str) -> str:
    return next(f for f, ns in FOLDERS.items() if tok in ns)


def cat_set() -> set[str]:
    return set(catalogued())


ARG = re.compile(r"^(.*?)(<[^>]*>|\[[^\]]*\])$")


def split_token(tok: str) -> tuple[str, str]:
    """gcc's token -> (option name, argument spec): "-Wformat=<0,2>" -> ("-Wformat=", "<0,2>")."""
    m = ARG.match(tok)
    return (m.group(1), m.group(2)) if m else (tok, "")


def slug(name: str) -> str:
    s = name.lstrip("-").replace("+", "x")
    s = re.sub(r"=$", "-eq", s)
    return s.replace("=", "-eq-")


def levels(arg: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"<(\d+),(\d+)>", arg)
    return (int(m.group(1)), int(m.group(2))) if m else None


def state_after(snap: dict, lang: str, flag: str, tok: str) -> str:
    ch = snap["states"][lang][flag] if flag else {}
    return ch.get(tok, snap["states"][lang][""].get(tok, ""))


def available(raw: str) -> bool:
    return not raw.startswith("[available in")


def umbrellas_of(snap: dict, lang: str, tok: str) -> list[str]:
    return [u for u in UMBRELLAS if tok in snap["states"][lang][u] and u != tok]


def make_record(tok: str, snap: dict) -> dict:
    name, arg = split_token(tok)
    folder = folder_of(tok) if tok in cat_set() else None
    desc = snap["help"][tok]
    st = {lang: {f: state_after(snap, lang, f, tok) for f in ("", "-Wall", "-Wextra")} for lang in Q_LANGS}
    alias = st["c"][""] if st["c"][""].startswith("-W") else None
    deprecated = bool(re.search(r"This switch is deprecated|^Deprecated\.", desc))
    noop = bool(re.search(r"Does nothing|has no effect", desc))
    primary = "c++" if folder == "cxx-only" else ("c" if available(st["c"][""]) else None)
    return {"key": tok, "name": name, "arg": arg, "slug": slug(name), "folder": folder,
            "id": f"{folder}/{slug(name)}" if folder else None, "desc": desc,
            "langs": [lg for lg in LANGS if lg != "common" and tok in snap["lists"][lg]],
            "common": tok in snap["lists"]["common"], "st": st, "alias": alias, "deprecated": deprecated,
            "noop": noop, "levels": levels(arg), "primary": primary,
            "umb": {lang: umbrellas_of(snap, lang, tok) for lang in Q_LANGS},
            "row": ROW_ID.get(tok)}  # fmt: skip


_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        _RECS.update(key=id(snap), value=[make_record(t, snap) for t in catalogued()])
    return _RECS["value"]


def all_names(snap: dict) -> list[str]:
    """Every option name gcc knows (display names, the umbrella flags), for the near-miss checks."""
    out = set()
    for t in snap["help"]:
        out |= {t, split_token(t)[0]}
    return sorted(out | set(UMBRELLAS))


# ------------------------------------------------------------------ the umbrella register


REG_COLUMNS = ["id", "title", "umbrella", "description", "turns_on_c", "turns_on_cxx", "catalogued_c",
               "catalogued_cxx", "turned_on_by"]  # fmt: skip


def register_rows(snap: dict) -> list[dict]:
    cat = {r["key"]: r for r in records(snap)}
    out = []
    for u in UMBRELLAS:
        counts = {lang: [t for t in snap["states"][lang][u] if t != u] for lang in Q_LANGS}
        mine = {lang: [cat[t]["name"] for t in counts[lang] if t in cat] for lang in Q_LANGS}
        desc = snap["help"].get(u) or snap["help"][UMBRELLA_HELP[u]]
        by = [v for v in UMBRELLAS if v != u and any(u in snap["states"][lang][v] for lang in Q_LANGS)]
        out.append({"id": ROW_ID[u], "title": f"Umbrella option {u}", "umbrella": u, "description": desc,
                    "turns_on_c": len(counts["c"]), "turns_on_cxx": len(counts["c++"]),
                    "catalogued_c": "; ".join(mine["c"]) or "none", "catalogued_cxx": "; ".join(mine["c++"]) or "none",
                    "turned_on_by": "; ".join(by) or "none"})
    return out


def register_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REG_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def reg_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in register_rows(snap)}


def row_id(rid: str) -> str:
    return f"groups#{rid}"


def row_umb(u: str) -> str:
    return f"{u} (groups.csv row {ROW_ID[u]})"


# ------------------------------------------------------------------ splits and layouts


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog35:{salt}{key}".encode()).hexdigest(), 16)


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by gcc's token: within each folder, in the order of sha256("catalog35:<token>"), the pages at places 0,
    3 and 5 of every 8 (counted across folders) go to dev."""
    out, i = {}, 0
    for f in FOLDERS:
        for n in sorted((r["key"] for r in recs if r["folder"] == f), key=_h):
            out[n] = "dev" if i % 8 in DEV_EVERY else "test"
            i += 1
    return out


def split_rows() -> dict[str, str]:
    """Keyed by row id: written by hand (`DEV_ROWS`), so that each split has rows its pages point at."""
    return {x: ("dev" if x in DEV_ROWS else "test") for x in ROW_ID.values()}


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["key"] for r in recs if sp[r["key"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


# ------------------------------------------------------------------ pages


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def title(r: dict) -> str:
    return f"{r['name']} — GCC 12 warning option ({SCOPE_WORDS[r['folder']]})"


def state_text(raw: str, r: dict) -> str:
    if raw == "[enabled]":
        return "enabled"
    if raw == "[disabled]":
        return "disabled"
    if raw == "[ignored]":
        return "ignored (accepted, does nothing)"
    if raw == "":
        return "not set (gcc -Q prints no state)"
    if raw.startswith("[available in"):
        return f"not available ({raw[1:-1]} only)"
    if raw.startswith("-W"):
        return f"same as {raw}"
    if r["levels"] and re.fullmatch(r"-?\d+", raw):
        return f"level {raw}"
    return raw


def langs_text(r: dict) -> str:
    return and_list([LANG_NAME[x] for x in r["langs"]]) if r["langs"] else "no language list (common class only)"


def status_text(r: dict) -> str:
    if r["deprecated"] and r["noop"]:
        return "deprecated; has no effect"
    if r["deprecated"]:
        return "deprecated"
    if r["noop"]:
        return "has no effect (kept for backward compatibility)"
    return "active"


def arg_text(r: dict) -> str:
    if not r["arg"]:
        return "none (a plain switch)"
    if r["levels"]:
        lo, hi = r["levels"]
        return f"{r['arg']}: a level from {lo} to {hi}"
    return r["arg"]


def umb_text(r: dict, lang: str) -> str:
    us = r["umb"][lang]
    return and_list([row_umb(u) for u in us]) if us else "none of the register's umbrellas"


def rows(r: dict) -> list[tuple[str, str, str]]:
    """(section, label, value) of every line a sheet or card shows."""
    S = "Identification"
    out = [(S, "Option", r["name"]), (S, "Argument", arg_text(r)),
           (S, "Scope", f"{r['folder']}/ ({SCOPE_WORDS[r['folder']]})"),
           (S, "Common option (gcc --help=common class)", "yes" if r["common"] else "no"),
           (S, "Listed for languages (gcc --help=warnings,<lang>)", langs_text(r)),
           (S, "Help text (gcc --help=warnings)", r["desc"]), (S, "Status", status_text(r))]
    if r["alias"]:
        out.append((S, "Alias of", r["alias"] + (f" (groups.csv row {ROW_ID[r['alias']]})"
                                                  if r["alias"] in ROW_ID else "")))
    S = "Default and umbrella states (gcc -Q --help=warnings)"
    for lang in Q_LANGS:
        L = LANG_NAME[lang]
        out += [(S, f"Default in {L}", state_text(r["st"][lang][""], r)),
                (S, f"With -Wall in {L}", state_text(r["st"][lang]["-Wall"], r)),
                (S, f"With -Wextra in {L}", state_text(r["st"][lang]["-Wextra"], r))]
    S = "Umbrellas"
    out += [(S, f"Turned on in {LANG_NAME[lang]} by", umb_text(r, lang)) for lang in Q_LANGS]
    if r["row"]:
        out.append((S, "Umbrella itself", f"yes: what it turns on is in groups.csv row {r['row']}"))
    return out


def front(r: dict) -> dict:
    fm = {"option": r["name"], "scope": r["folder"], "argument": r["arg"] or "none",
          "common": r["common"], "languages": [LANG_NAME[x] for x in r["langs"]],
          "default_c": state_text(r["st"]["c"][""], r), "default_cxx": state_text(r["st"]["c++"][""], r),
          "status": status_text(r)}  # fmt: skip
    if r["alias"]:
        fm["alias_of"] = r["alias"]
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(snap: dict) -> str:
    return (f"Source: {snap['gcc']}: gcc --help=warnings, gcc --help=warnings,<lang> and gcc -x c / -x c++ -Q "
            f"--help=warnings with no flag, -Wall and -Wextra; umbrella counts are kept in groups.csv.")


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
    w = _h(r["key"], "w")
    n = r["name"]
    p1 = [(f"{n} is a GCC 12 warning option; gcc --help=warnings describes it as \"{r['desc']}\"",
           f"In gcc's own words (gcc --help=warnings), {n}: \"{r['desc']}\"",
           f"The help text GCC 12 prints for {n} reads \"{r['desc']}\"")[w % 3]]
    if r["arg"]:
        p1.append((f"It takes an argument, {arg_text(r)}.", f"Its argument is {arg_text(r)}.")[(w >> 2) % 2])
    else:
        p1.append("It takes no argument.")
    if r["alias"]:
        p1.append(f"It is an alias of {r['alias']}" + (f" (groups.csv row {ROW_ID[r['alias']]})."
                                                       if r["alias"] in ROW_ID else "."))
    p1.append(f"Status: {status_text(r)}.")
    p2 = [(f"This catalogue files it under {r['folder']}/ ({SCOPE_WORDS[r['folder']]}).",
           f"It belongs to the {r['folder']}/ folder ({SCOPE_WORDS[r['folder']]}).")[(w >> 3) % 2],
          (f"gcc --help=warnings,<lang> lists it for {langs_text(r)}, and it is "
           f"{'a' if r['common'] else 'not a'} common option (gcc --help=common class).",
           f"It is {'a' if r['common'] else 'not a'} common option (gcc --help=common class); the language lists "
           f"that name it: {langs_text(r)}.")[(w >> 4) % 2]]
    p3 = []
    for lang in Q_LANGS:
        L = LANG_NAME[lang]
        d, a, e = (state_text(r["st"][lang][f], r) for f in ("", "-Wall", "-Wextra"))
        p3.append((f"For {L}, gcc -Q --help=warnings reports it as {d} by default, {a} with -Wall and {e} with "
                   f"-Wextra.",
                   f"Compiling {L}, its state is {d} by default; -Wall leaves it {a} and -Wextra leaves it "
                   f"{e}.")[(w >> (5 + (lang == 'c++'))) % 2])
    p4 = [f"Turned on in {LANG_NAME[lang]} by {umb_text(r, lang)}." for lang in Q_LANGS]
    if r["row"]:
        p4.append(f"It is an umbrella itself: what it turns on is counted in groups.csv, row {r['row']}.")
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[_LAYOUT[r["key"]]](r)
    return head + body + "\n" + source_line(snap) + "\n"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {f"{r['id']}.md": render(r, snap) for r in recs}
    out["groups.csv"] = register_csv(register_rows(snap))
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


CITES = ["It is in gcc --help=warnings.", "See the GCC manual page.", "The catalogue page says so.",
         "It is a GCC warning option.", "Run gcc -Q --help=warnings to find out."]  # fmt: skip


def gold_safe(question: str, answers: list[str], typ: str) -> bool:
    """Each gold scores correct alone and in a sentence; citing the source scores wrong; a number plus one wrong."""
    if not all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers):
        return False
    if any(_ok(question, answers, typ, t) for t in CITES):
        return False
    for g in answers:
        if re.fullmatch(r"-?\d+", g) and _ok(question, answers, typ, str(int(g) + 1)):
            return False
    return True


def names_safe(question: str, gold: str, snap: dict, typ: str) -> bool:
    """Where an option is the answer: every other option name gcc knows scores wrong."""
    g = _atok(gold)
    for other in all_names(snap):
        if other in (gold,) or _atok(other) == g:
            continue
        if _contains(_atok(other), g) and _ok(question, [gold], typ, other):
            return False
    return True


def hedge_safe(question: str, options: list[str], gold: str, typ: str) -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}"]
    return _ok(question, [gold], typ, gold, options) and _ok(question, [gold], typ, f"The answer is {gold}.", options) \
        and not any(_ok(question, [gold], typ, t, options) for t in tries + CITES)


# ------------------------------------------------------------------ questions

LN = {"c": "C", "c++": "C++"}
STATE_WORD = {"[enabled]": "enabled", "[disabled]": "disabled"}


def turned_on(r: dict, lang: str, flag: str) -> bool:
    return available(r["st"][lang][""]) and r["st"][lang][flag] != r["st"][lang][""] and not r["alias"]


def single_candidates(r: dict, snap: dict) -> list[dict]:
    """Single-hop questions a page answers: (kind, question templates, answers, options, facts)."""
    n, out = r["name"], []
    if r["alias"] or r["noop"]:
        if r["alias"]:
            out.append({"kind": "alias", "t": [f"Which option is {n} the same as?", f"{n} is an alias of which option?",
                                              f"According to gcc, {n} stands for which other option?"],
                        "answers": [r["alias"]], "name": True, "facts": [("val", "alias", r["alias"])]})
        return out
    for lang in Q_LANGS:
        raw = r["st"][lang][""]
        if raw in STATE_WORD and (r["primary"] == lang or lang == "c++" and r["folder"] in ("c-family", "common")
                                  and raw != r["st"]["c"][""]):
            L = LN[lang]
            out.append({"kind": f"def-{lang}", "lang": lang,
                        "t": [f"Is {n} enabled or disabled by default when GCC 12 compiles {L}?",
                              f"When compiling {L} with no -W flags at all, is {n} enabled or disabled?",
                              f"Out of the box, does gcc -Q --help=warnings report {n} as enabled or disabled for {L}?"],
                        "answers": [STATE_WORD[raw]], "options": ["enabled", "disabled"]})
    lang = r["primary"]
    if lang:
        L = LN[lang]
        for flag in ("-Wall", "-Wextra"):
            raw = r["st"][lang][flag]
            if raw in STATE_WORD and r["st"][lang][""] in STATE_WORD:
                k = f"w{flag[2:]}-{lang}"
                out.append({"kind": k, "lang": lang,
                            "t": [f"With {flag}, is {n} enabled or disabled when compiling {L}?",
                                  f"Does {flag} leave {n} enabled or disabled in {L}?",
                                  f"Passing {flag} for {L} code: is {n} then enabled or disabled?"],
                            "answers": [STATE_WORD[raw]], "options": ["enabled", "disabled"]})
    if r["levels"] and lang:
        L = LN[lang]
        d, a, e = (r["st"][lang][f] for f in ("", "-Wall", "-Wextra"))
        if re.fullmatch(r"-?\d+", d):
            out.append({"kind": "lvl-def", "lang": lang,
                        "t": [f"What level does {n} default to in {L}, according to gcc -Q --help=warnings?",
                              f"Without -Wall or -Wextra, at which level does gcc put {n} for {L}?"],
                        "answers": [d]})
        if a != d:
            out.append({"kind": "lvl-wall", "lang": lang,
                        "t": [f"Which level does -Wall set {n} to when compiling {L}?",
                              f"With -Wall on the command line, what level of {n} does gcc report for {L}?"],
                        "answers": [a]})
        if e != d:
            out.append({"kind": "lvl-wextra", "lang": lang,
                        "t": [f"Which level does -Wextra give {n} in {L}?",
                              f"What level is {n} at in {L} once -Wextra is passed?"],
                        "answers": [e]})
        out.append({"kind": "lvl-max", "t": [f"What is the highest level {n} accepts?",
                                             f"Up to which level can {n} be set?"],
                    "answers": [str(r["levels"][1])]})
    if r["arg"] in ("<byte-size>", "<number>", "<bytes>") and lang:
        d = r["st"][lang][""]
        m = re.fullmatch(r"(\d+) bytes", d)
        if m:
            out.append({"kind": "bytes-def", "t": [f"What default limit does gcc -Q --help=warnings print for {n}?",
                                                   f"How many bytes is the default threshold of {n}?"],
                        "answers": [m.group(1)], "facts": [("val", "bytes", m.group(1))]})
    if r["folder"] == "other":
        fe = LANG_NAME[r["langs"][0]]
        out.append({"kind": "frontend", "t": [f"Which language front end is {n} listed for?",
                                              f"For which language does gcc --help=warnings,<lang> list {n}?"],
                    "answers": [fe], "facts": [("val", "frontend", fe)]})
    if lang:
        us = [u for u in r["umb"][lang] if u not in ("-Wall", "-Wextra")]
        if len(us) == 1:
            L = LN[lang]
            out.append({"kind": "umb-only", "lang": lang,
                        "t": [f"Apart from -Wall and -Wextra, which umbrella option turns on {n} in {L}?",
                              f"Besides -Wall and -Wextra, which option switches {n} on when compiling {L}?"],
                        "answers": [us[0]], "name": True})
    return out


def reg_candidates(x: dict) -> list[dict]:
    u, out = x["umbrella"], []
    for lang, col in (("c", "turns_on_c"), ("c++", "turns_on_cxx")):
        if x[col]:
            L = LN[lang]
            out.append({"kind": f"reg-{lang}", "lang": lang,
                        "t": [f"How many warning options does {u} switch on when compiling {L}?",
                              f"In {L}, how many other warning options does {u} enable?"],
                        "answers": [str(x[col])], "facts": [("row", x["id"], lang)]})
    if x["turned_on_by"] != "none" and ";" not in x["turned_on_by"]:
        out.append({"kind": "reg-by", "t": [f"Which umbrella option turns on {u} itself?",
                                            f"{u} is itself switched on by which option?"],
                    "answers": [x["turned_on_by"]], "name": True, "facts": [("row", x["id"], "by")]})
    return out


def desc_verb(d: str) -> str | None:
    m = re.match(r"Warn (about|if|when|whenever|on|for) (.*)\.$", d)
    return f"warn {m.group(1)} {m.group(2)}" if m else None


COND_PHRASE = {
    "c-only": "is a C-only option (listed for C and Objective-C, not C++)",
    "cxx-only": "is a C++-only option",
    "common": "is a common option (in gcc's common class)",
    "c-family": "is listed for both C and C++ without being a common option",
    "wall-c": "is turned on by -Wall in C", "wall-c++": "is turned on by -Wall in C++",
    "wextra-c": "is turned on by -Wextra in C", "wextra-c++": "is turned on by -Wextra in C++",
    "defon-c": "is enabled by default in C", "defon-c++": "is enabled by default in C++",
    "leveled": "takes a numeric level", "alias": "is an alias of another option",
    "noop": "no longer has any effect", "umbrella": "is itself an umbrella with a row in groups.csv",
    "umb-wformat2": "is turned on by -Wformat=2 in C", "umb-wunused": "is turned on by -Wunused in C",
    "umb-wpedantic": "is turned on by -Wpedantic in C", "lists-d": "is listed for the D front end",
    "lists-fortran": "is listed for Fortran", "lists-lto": "is listed for LTO",
    "deprecated": "is marked deprecated in its help text", "bytes": "takes a size threshold as its argument",
    "notset-c": "has no state at all in C by default (gcc -Q prints none)",
    "lists-ada": "is listed for Ada", "lists-modula-2": "is listed for Modula-2",
    "lists-objc": "is listed for Objective-C", "named-arg": "takes one of a set of named values as its argument",
}  # fmt: skip


FACT_OF = {"cmp-wall-c": "wall-c", "cmp-wall-c++": "wall-c++", "cmp-wextra-c": "wextra-c",
           "cmp-wextra-c++": "wextra-c++", "cmp-def-c": "def-c", "cmp-def-c++": "def-c++", "defon-c": "def-c",
           "defon-c++": "def-c++", "cmp-cxxonly": "scope", "cmp-conly": "scope", "c-only": "scope",
           "cxx-only": "scope", "c-family": "scope", "cmp-common": "common", "cmp-noop": "noop"}


def fact_of(kind: str) -> str:
    """The fact of a page a question kind (or a filter condition) reads: one name for one fact."""
    return FACT_OF.get(kind, kind)


def cond_value(c: str, r: dict) -> bool:
    if c in ("c-only", "cxx-only", "c-family"):
        return r["folder"] == c
    if c == "common":
        return r["common"]
    if c.startswith("wall-") or c.startswith("wextra-"):
        f, lang = c.split("-", 1)
        return turned_on(r, lang, "-Wall" if f == "wall" else "-Wextra")
    if c.startswith("defon-"):
        return r["st"][c[6:]][""] == "[enabled]" and not r["noop"]
    if c == "leveled":
        return bool(r["levels"])
    if c == "alias":
        return bool(r["alias"])
    if c == "noop":
        return r["noop"]
    if c.startswith("umb-"):
        u = {"wformat2": "-Wformat=2", "wunused": "-Wunused", "wpedantic": "-Wpedantic"}[c[4:]]
        return u in r["umb"]["c"]
    if c.startswith("lists-"):
        return c[6:] in r["langs"]
    if c == "deprecated":
        return r["deprecated"]
    if c == "bytes":
        return r["arg"] in ("<byte-size>", "<number>", "<bytes>")
    if c == "named-arg":
        return r["arg"].startswith("[")
    if c == "notset-c":
        return r["st"]["c"][""] == ""
    return bool(r["row"])


CMP = {  # kind: (applies, wins, templates)
    "cmp-wall-c": (lambda r: available(r["st"]["c"][""]) and not r["alias"] and not r["noop"],
                   lambda r: turned_on(r, "c", "-Wall"),
                   ["Which of {a} and {b} does -Wall turn on in C?",
                    "Which one does -Wall switch on when compiling C: {a} or {b}?"]),
    "cmp-wall-c++": (lambda r: available(r["st"]["c++"][""]) and not r["alias"] and not r["noop"],
                     lambda r: turned_on(r, "c++", "-Wall"),
                     ["Which of {a} and {b} does -Wall turn on in C++?",
                      "Compiling C++, which one does -Wall enable: {a} or {b}?"]),
    "cmp-wextra-c": (lambda r: available(r["st"]["c"][""]) and not r["alias"] and not r["noop"],
                     lambda r: turned_on(r, "c", "-Wextra"),
                     ["Which of {a} and {b} does -Wextra turn on in C?",
                      "Which one does -Wextra switch on for C code: {a} or {b}?"]),
    "cmp-wextra-c++": (lambda r: available(r["st"]["c++"][""]) and not r["alias"] and not r["noop"],
                       lambda r: turned_on(r, "c++", "-Wextra"),
                       ["Which of {a} and {b} does -Wextra turn on in C++?",
                        "For C++, which one is enabled by -Wextra: {a} or {b}?"]),
    "cmp-def-c": (lambda r: r["st"]["c"][""] in STATE_WORD and not r["noop"],
                  lambda r: r["st"]["c"][""] == "[enabled]",
                  ["Which is enabled by default when compiling C, {a} or {b}?",
                   "With no warning flags, which of {a} and {b} is already on in C?"]),
    "cmp-def-c++": (lambda r: r["st"]["c++"][""] in STATE_WORD and not r["noop"],
                    lambda r: r["st"]["c++"][""] == "[enabled]",
                    ["Which is enabled by default when compiling C++, {a} or {b}?",
                     "With no warning flags, which of {a} and {b} is already on in C++?"]),
    "cmp-cxxonly": (lambda r: True, lambda r: r["folder"] == "cxx-only",
                    ["Which of {a} and {b} is a C++-only option?",
                     "Which one can be used only with C++ (and Objective-C++): {a} or {b}?"]),
    "cmp-conly": (lambda r: True, lambda r: r["folder"] == "c-only",
                  ["Which of {a} and {b} is a C-only option?",
                   "Which one is listed for C and Objective-C but not for C++: {a} or {b}?"]),
    "cmp-common": (lambda r: True, lambda r: r["common"],
                   ["Which of {a} and {b} is a common option, not tied to a language?",
                    "Which one belongs to gcc's common class of options: {a} or {b}?"]),
    "cmp-noop": (lambda r: True, lambda r: r["noop"],
                 ["Which of {a} and {b} no longer does anything in GCC 12?",
                  "One of {a} and {b} has no effect any more. Which one?"]),
}  # fmt: skip


def pick_disjoint(cands: list[dict], n: int, taken: set) -> list[dict] | None:
    """n candidates whose facts are pairwise disjoint and not yet taken (depth-first, in the given order)."""
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


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    sp = split_pages(recs)
    sr = split_rows()
    reg = reg_by(snap)
    used_vals: set = set()
    seen_q: set = set()  # questions as accuracy tokens ("C" and "C++" read alike), across both splits
    out = {}
    for s in ("dev", "test"):
        rng = random.Random(f"{SEED}:{s}")
        pages = [r for r in recs if sp[r["key"]] == s]
        rws = [reg[k] for k in reg if sr[k] == s]
        used: set = set()
        items: list[dict] = []
        kinds_n: Counter = Counter()
        page_use: Counter = Counter()

        def take(q: dict, typ: str) -> bool:
            facts = q.get("facts", [])
            qt = " ".join(_atok(q["question"]))
            if qt in seen_q:
                return False
            if any(f in used for f in facts) or any(f in used_vals for f in facts if f[0] == "val"):
                return False
            if any(page_use[e] >= PAGE_USE for e in q["evidence"] if "#" not in e):
                return False
            if typ not in ("unanswerable",):
                if q.get("options"):
                    if not hedge_safe(q["question"], q["options"], q["answers"][0], typ):
                        return False
                elif not gold_safe(q["question"], q["answers"], typ):
                    return False
                if q.pop("name", False) and not names_safe(q["question"], q["answers"][0], snap, typ):
                    return False
            q.pop("name", None)
            seen_q.add(qt)
            page_use.update(e for e in q["evidence"] if "#" not in e)
            used.update(facts)
            used_vals.update(f for f in facts if f[0] == "val")
            kinds_n[q["kind"]] += 1
            q["type"] = typ
            items.append(q)
            return True

        def fill(pools: dict[str, list[dict]], typ: str, n: int, cap: int) -> None:
            for k in pools:
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

        # multi-hop
        pools: dict[str, list[dict]] = {}
        rid_ok = {x["id"] for x in rws}
        for r in pages:
            for lang in Q_LANGS:
                us = r["umb"][lang]
                if len(us) == 1 and ROW_ID[us[0]] in rid_ok and not r["alias"]:
                    x = reg[ROW_ID[us[0]]]
                    col = "turns_on_c" if lang == "c" else "turns_on_cxx"
                    L, n = LN[lang], r["name"]
                    t = rng.choice([f"How many warning options in all does the umbrella option that turns on {n} "
                                    f"switch on in {L}?",
                                    f"{n} is turned on in {L} by a single umbrella option. How many warning options "
                                    f"does that umbrella enable in {L}?"])
                    pools.setdefault(f"hop-umb-{lang}", []).append(
                        {"question": t, "answers": [str(x[col])], "evidence": [r["id"], row_id(x["id"])],
                         "kind": f"hop-umb-{lang}", "ref": r["key"], "via": x["id"], "lang": lang,
                         "facts": [("row", x["id"], lang), (r["key"], "umb", lang), (r["key"], "umb-only"),
                                   *[(r["key"], f"w{us[0][2:]}-{lg}") for lg in Q_LANGS]]})
            if r["alias"] in ROW_ID and ROW_ID[r["alias"]] in rid_ok:
                x = reg[ROW_ID[r["alias"]]]
                for lang, col in (("c", "turns_on_c"), ("c++", "turns_on_cxx")):
                    t = rng.choice([f"How many warning options does the option that {r['name']} is an alias of "
                                    f"turn on in {LN[lang]}?",
                                    f"{r['name']} stands for another option. How many warning options does that "
                                    f"option switch on when compiling {LN[lang]}?"])
                    pools.setdefault("hop-alias", []).append(
                        {"question": t, "answers": [str(x[col])], "evidence": [r["id"], row_id(x["id"])],
                         "kind": "hop-alias", "ref": r["key"], "via": x["id"], "lang": lang,
                         "facts": [("row", x["id"], lang), (r["key"], "alias")]})
        fill(pools, "multi_hop", WANT[s]["multi_hop"], 2 if s == "dev" else 3)
        # filter
        conds = list(COND_PHRASE)
        cnt = {c: sum(cond_value(c, r) for r in recs) for c in conds}
        pools = {"filter": [], "filter-among": []}
        for i, c1 in enumerate(conds):
            for c2 in conds[i + 1:]:
                hit = [r for r in recs if cond_value(c1, r) and cond_value(c2, r)]
                if len(hit) != 1 or sp[hit[0]["key"]] != s or min(cnt[c1], cnt[c2]) < 2:
                    continue
                if cnt[c1] == 1 or sum(cond_value(c1, r) for r in recs) == len(hit) or \
                        sum(cond_value(c2, r) for r in recs) == len(hit):
                    continue
                h = hit[0]
                p1, p2 = COND_PHRASE[c1], COND_PHRASE[c2]
                t = rng.choice([f"Which option in this catalogue {p1} and {p2}?",
                                f"Name the one catalogued GCC warning option that {p1} and {p2}.",
                                f"Of the options catalogued here, which one {p1} and also {p2}?"])
                pools["filter"].append({"question": t, "answers": [h["name"]], "evidence": [h["id"]],
                                        "kind": "filter", "where": {c1: True, c2: True}, "candidates": [h["key"]],
                                        "name": True, "facts": [("cond", c1), ("cond", c2), (h["key"], "filter"),
                                                                  (h["key"], fact_of(c1)), (h["key"], fact_of(c2))]})
        for c in conds:
            yes = [r for r in pages if cond_value(c, r)]
            no = [r for r in pages if not cond_value(c, r)]
            if not yes or len(no) < 3:
                continue
            for _ in range(3):
                w = rng.choice(yes)
                opts = rng.sample(no, 3)
                opts.insert(rng.randrange(3), w)
                names = [o["name"] for o in opts]
                t = rng.choice([f"Among {and_list(names)}, which {COND_PHRASE[c]}?",
                                f"Which of these options {COND_PHRASE[c]}: {', '.join(names)}?"])
                pools["filter-among"].append({"question": t, "answers": [w["name"]], "evidence": [w["id"]],
                                              "options": names, "kind": "filter-among", "where": {c: True},
                                              "candidates": [o["key"] for o in opts],
                                              "facts": [("cond", c), (w["key"], "filter"), (w["key"], fact_of(c))]})
        rng.shuffle(pools["filter"])
        safe = [q for q in pools["filter"] if gold_safe(q["question"], q["answers"], "filter")
                and names_safe(q["question"], q["answers"][0], snap, "filter")]
        chosen = pick_disjoint(safe, FILTER_MIX[s]["filter"], used | used_vals)
        if chosen is None:
            sys.exit(f"{s}: no {FILTER_MIX[s]['filter']} filter questions with conditions of their own")
        for q in chosen:
            take(q, "filter")
        fill({"filter-among": pools["filter-among"]}, "filter", FILTER_MIX[s]["filter-among"],
             FILTER_MIX[s]["filter-among"])
        # reverse
        pools = {"rev-desc": [], "rev-alias": []}
        descs = Counter(snap["help"].values())
        for r in pages:
            if not r["alias"] and not r["noop"] and descs[r["desc"]] == 1 and r["desc"]:
                d, v = r["desc"], desc_verb(r["desc"])
                ts = [f"Which GCC 12 warning option does gcc --help=warnings describe as \"{d}\"?",
                      f"The help text \"{d}\" belongs to which GCC warning option?"]
                if v:
                    ts.append(f"Which GCC warning option makes the compiler {v}?")
                pools["rev-desc"].append({"question": rng.choice(ts), "answers": [r["name"]], "evidence": [r["id"]],
                                          "kind": "rev-desc", "ref": r["key"], "name": True,
                                          "facts": [(r["key"], "desc")]})
            if r["alias"] and sum(snap["states"]["c"][""].get(t) == r["alias"] for t in snap["help"]) == 1:
                t = rng.choice([f"Which option does gcc treat as the same as {r['alias']}?",
                                f"Which alias of {r['alias']} does gcc --help=warnings list?"])
                pools["rev-alias"].append({"question": t, "answers": [r["name"]], "evidence": [r["id"]],
                                           "kind": "rev-alias", "ref": r["key"], "name": True,
                                           "facts": [(r["key"], "alias"), ("val", "alias", r["alias"])]})
        for x in rws:
            if descs[x["description"]] == 1:
                t = rng.choice([f"Which umbrella option in groups.csv is described as \"{x['description']}\"?",
                                f"The umbrella register describes one option as \"{x['description']}\" Which one?"])
                pools.setdefault("rev-row", []).append({"question": t, "answers": [x["umbrella"]],
                                                        "evidence": [row_id(x["id"])], "kind": "rev-row",
                                                        "row": x["id"], "name": True, "facts": [("row", x["id"], "desc")]})
        fill(pools, "reverse", WANT[s]["reverse"], CAP[s] + 1)
        # comparison
        pools = {k: [] for k in CMP}
        for k, (app, win, ts) in CMP.items():
            cand = [r for r in pages if app(r)]
            for _ in range(40):
                if len(cand) < 2:
                    break
                a, b = rng.sample(cand, 2)
                if win(a) == win(b):
                    continue
                w = a if win(a) else b
                t = rng.choice(ts).format(a=a["name"], b=b["name"])
                pools[k].append({"question": t, "answers": [w["name"]], "evidence": [a["id"], b["id"]],
                                 "options": [a["name"], b["name"]], "kind": k, "candidates": [a["key"], b["key"]],
                                 "target": w["key"], "facts": [(a["key"], fact_of(k)), (b["key"], fact_of(k))]})
        fill(pools, "comparison", WANT[s]["comparison"], 1 if s == "dev" else 2)
        # single-hop: register rows, then pages
        pools = {}
        for x in rws:
            for q in reg_candidates(x):
                q.update(question=rng.choice(q.pop("t")), evidence=[row_id(x["id"])], row=x["id"])
                pools.setdefault(q["kind"], []).append(q)
        fill(pools, "single_hop", REG_PER_SPLIT[s], 1)
        pools = {}
        for r in pages:
            for q in single_candidates(r, snap):
                q.update(question=rng.choice(q.pop("t")), evidence=[r["id"]], ref=r["key"])
                q.setdefault("facts", []).append((r["key"], fact_of(q["kind"])))
                pools.setdefault(q["kind"], []).append(q)
        fill(pools, "single_hop", WANT[s]["single_hop"] - REG_PER_SPLIT[s], CAP[s])
        # unanswerable
        for m in ABSENT[s]:
            for t in ABSENT_QUESTIONS[m]:
                items.append({"question": t, "answers": [], "type": "unanswerable", "evidence": [],
                              "kind": "absent-option", "entry": m})
        fields = list(ABSENT_FIELDS)
        rng.shuffle(fields)
        nf = WANT[s]["unanswerable"] - ABSENT_MIX[s]
        for f, r in zip(fields[:nf], rng.sample(pages, nf)):
            items.append({"question": ABSENT_FIELDS[f][0].format(n=r["name"]), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-field", "field": f, "entry": r["key"]})
        rng.shuffle(items)
        rows_ = []
        for i, q in enumerate(items, 1):
            q.pop("facts", None)
            row = {"id": f"{PREFIX}-{s}-{i:03d}", "question": q.pop("question"), "answers": q.pop("answers"),
                   "type": q.pop("type"), "evidence": q.pop("evidence")}
            if "options" in q:
                row["options"] = q.pop("options")
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
    print(f"{len(pages) - 1} pages and groups.csv; dev {len(qs['dev'])}, test {len(qs['test'])} questions")


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


def name_pattern(name: str) -> str:
    """A left-out option's name as it could be written: with or without its dashes, any case."""
    core = re.escape(name.lstrip("-"))
    return rf"(?<![\w-])-*{core}(?![\w-])"


def truth(q: dict, snap: dict, by: dict, reg: dict) -> list[str] | None:
    """The answer worked out again from the snapshot for an answerable item (None: cannot)."""
    k = q["kind"]
    if k in ("hop-umb-c", "hop-umb-c++", "hop-alias"):
        r = by[q["ref"]]
        u = r["alias"] if k == "hop-alias" else (r["umb"][q["lang"]][0] if len(r["umb"][q["lang"]]) == 1 else None)
        if u is None or ROW_ID.get(u) != q["via"]:
            return None
        return [str(len([t for t in snap["states"][q["lang"]][u] if t != u]))]
    if k.startswith("reg-"):
        x = reg[q["row"]]
        if k == "reg-by":
            return [x["turned_on_by"]]
        u = x["umbrella"]
        return [str(len([t for t in snap["states"][q["lang"]][u] if t != u]))]
    if k == "rev-row":
        return [reg[q["row"]]["umbrella"]]
    if k in ("rev-desc", "rev-alias"):
        return [by[q["ref"]]["name"]]
    if k in CMP:
        a, b = (by[x] for x in q["candidates"])
        win = CMP[k][1]
        return [w["name"] for w in (a, b) if win(w)] if win(a) != win(b) else None
    if k == "filter":
        hit = [r for r in records(snap) if all(cond_value(c, r) for c in q["where"])]
        return [hit[0]["name"]] if len(hit) == 1 else None
    if k == "filter-among":
        (c, _), = q["where"].items()
        hit = [by[x]["name"] for x in q["candidates"] if cond_value(c, by[x])]
        return hit if len(hit) == 1 else None
    r = by[q["ref"]]
    for cand in single_candidates(r, snap):
        if cand["kind"] == k:
            return cand["answers"]
    return None


def check() -> int:
    _src()
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    pid = {r["id"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows()
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and groups.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot
    bad = []
    names = catalogued() + absent_opts()
    bad += [f"{x}: listed twice" for x, c in Counter(names).items() if c > 1]
    bad += [f"{x}: not known to the snapshot's gcc" for x in names if x not in snap["help"]]
    bad += [f"{x}: left out and catalogued" for x in absent_opts() if x in cat_set()]
    bad += [f"language list {lg} missing or empty" for lg in LANGS if not snap["lists"].get(lg)]
    bad += [f"{lg}: list names an option --help=warnings does not" for lg in LANGS
            if set(snap["lists"][lg]) - set(snap["help"])]
    for lang in Q_LANGS:
        if set(snap["states"][lang][""]) != set(snap["help"]):
            bad.append(f"{lang}: gcc -Q does not cover the options of --help=warnings")
        bad += [f"{lang} {u}: missing" for u in UMBRELLAS if u not in snap["states"][lang]]
    for r in recs:
        f = r["folder"]
        want = {"common": r["common"], "c-family": not r["common"] and {"c", "c++"} <= set(r["langs"]),
                "c-only": not r["common"] and "c" in r["langs"] and "c++" not in r["langs"],
                "cxx-only": not r["common"] and "c++" in r["langs"] and "c" not in r["langs"],
                "other": not r["common"] and not {"c", "c++"} & set(r["langs"])}[f]
        if not want:
            bad.append(f"{r['key']}: its languages do not belong in {f}/")
    bad += [f"page id {i} twice" for i, c in Counter(r["id"] for r in recs).items() if c > 1]
    results.append((f"the snapshot is whole ({snap['gcc']}: {len(snap['help'])} options; language lists, -Q states "
                    f"for C and C++ with {len(UMBRELLAS)} umbrella flags); catalogued and left-out options known, "
                    f"none both; folders agree with the language lists", bad))
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
    want_ids = set(pid) | {row_id(k) for k in reg}
    bad += [] if set(docs) == want_ids else [f"ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [i for i, r in pid.items() if i in docs and (docs[i].title != title(r)
                                                         or docs[i].metadata != normalize_metadata(front(r)))]
    for r in recs:
        body = docs[r["id"]].text.lower() if r["id"] in docs else ""
        want = rows(r) if _LAYOUT[r["key"]] != "prose" else [
            ("", lab, v) for lab, v in [("Option", r["name"]), ("Help text", r["desc"]), ("Languages", langs_text(r)),
                                        ("Status", status_text(r)), ("Folder", f"{r['folder']}/"),
                                        ("Alias of", r["alias"] or r["name"]), ("Row", r["row"] or r["name"])]
            + [(f"{lang} {f or 'default'}", state_text(r["st"][lang][f], r)) for lang in Q_LANGS
               for f in ("", "-Wall", "-Wextra")] + [(f"umbrellas {lang}", umb_text(r, lang)) for lang in Q_LANGS]]
        for _, label, value in want:
            if value.lower() not in body and not (_LAYOUT[r["key"]] == "sheet" and cell(value).lower() in body):
                bad.append(f"{r['id']}: {label} value {value!r} not in the body")
    for k, x in reg.items():
        t = docs[row_id(k)].text if row_id(k) in docs else ""
        bad += [f"{k}: column {c} not in its row" for c in REG_COLUMNS[2:] if str(x[c]) not in t]
    lay = Counter(_LAYOUT.values())
    bad += [] if max(lay.values()) - min(lay.values()) <= 2 else [f"layouts uneven {dict(lay)}"]
    results.append((f"the corpus loads {len(docs)} documents ({len(pid)} pages, {len(reg)} register rows) with "
                    f"titles and front matter; every value of a record in its page body; every register column in "
                    f"its row; layouts {dict(lay)}", bad))
    # 4. QA files
    items, bad = {}, []
    for s in ("dev", "test"):
        try:
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
            items[s] = []
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
            if not q["evidence"] or any(e not in docs for e in q["evidence"]):
                bad.append(f"{q['id']}: evidence missing")
            if q["type"] == "multi_hop" and len(q["evidence"]) < 2:
                bad.append(f"{q['id']}: a chain with one document")
            if q.get("options") and not set(q["answers"]) <= set(q["options"]):
                bad.append(f"{q['id']}: gold not among options")
    results.append(("load_qa reads both splits against the corpus ids; ids unique and of their split; evidence "
                    "exists (two or more documents on chains, none on unanswerables); unanswerables have no "
                    "answers; golds among options", bad))
    # 5. gold in evidence, scoring
    bad, sc = [], []
    for s in rows_:
        for q in rows_[s]:
            typ, golds = q["type"], q["answers"]
            if typ == "unanswerable":
                if not _ok(q["question"], [], typ, "The documents do not say."):
                    sc.append(f"{q['id']}: abstention scores wrong")
                if _ok(q["question"], [], typ, "It is enabled by default."):
                    sc.append(f"{q['id']}: a made-up answer scores correct")
                continue
            ev = [docs[e].text for e in q["evidence"] if e in docs]
            target = ev[-1:] if typ == "multi_hop" else ev
            for g in golds:
                if not any(g.lower() in t.lower() and _contains(_atok(t), _atok(g)) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in an evidence document")
                if _contains(_atok(q["question"]), _atok(g)) and not q.get("options"):
                    bad.append(f"{q['id']}: gold {g!r} inside its question")
            if _ok(q["question"], golds, typ, "The documents do not say."):
                sc.append(f"{q['id']}: abstention scores correct")
            if q.get("options"):
                if not hedge_safe(q["question"], q["options"], golds[0], typ):
                    sc.append(f"{q['id']}: options or hedges score wrongly")
            elif not gold_safe(q["question"], golds, typ):
                sc.append(f"{q['id']}: gold alone, in a sentence, a citation or a number plus one scores wrongly")
            if golds[0] in all_names(snap) and not q.get("options") and \
                    not names_safe(q["question"], golds[0], snap, typ):
                sc.append(f"{q['id']}: another option name scores correct")
            if typ == "multi_hop" and _ok(q["question"], golds, typ, docs[q["evidence"][0]].text[:400]):
                sc.append(f"{q['id']}: the first document alone scores correct")
    results.append(("every gold occurs (as text and as accuracy tokens) in an evidence document (the last, on "
                    "chains) and not inside its question", bad))
    results.append(("scoring: gold alone and in a sentence correct; citations, a number plus one, wrong options, "
                    "hedges and every other option name gcc knows wrong; abstention correct exactly on "
                    "unanswerables", sc))
    # 6. facts
    bad = []
    for s in rows_:
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            t = truth(q, snap, by, reg)
            if t is None or t != q["answers"]:
                bad.append(f"{q['id']}: gold {q['answers']} but the snapshot gives {t}")
    results.append(("facts agree with snapshot.json (values, states, levels, aliases, umbrella counts, chains page -> "
                    "row, comparison winners, filters single out their answer)", bad))
    # 7. split separation
    bad = []
    for s in rows_:
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in pid and sp[pid[e]["key"]] != s:
                    bad.append(f"{q['id']}: page {e} of the other split")
                if e.startswith("groups#") and sr[e.split("#")[1]] != s:
                    bad.append(f"{q['id']}: row {e} of the other split")
            for x in q.get("candidates", []):
                if q["kind"] != "filter" and sp[x] != s:
                    bad.append(f"{q['id']}: candidate {x} of the other split")
            if q["kind"] == "absent-field" and sp[q["entry"]] != s:
                bad.append(f"{q['id']}: asks of a page of the other split")
            if q["kind"] == "absent-option" and q["entry"] not in ABSENT[s]:
                bad.append(f"{q['id']}: left-out option of the other split")
    qd = {" ".join(_atok(q["question"])) for q in rows_["dev"]}
    bad += [f"{q['id']}: also in dev" for q in rows_["test"] if " ".join(_atok(q["question"])) in qd]
    for s in rows_:
        c = Counter(" ".join(_atok(q["question"])) for q in rows_[s])
        bad += [f"{s}: {x!r} twice" for x, n in c.items() if n > 1]
        facts = Counter()
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            k = q["kind"]
            if "ref" in q:
                facts[(q["ref"], fact_of(k) if k.startswith("hop") is False else k)] += 1
            if k in CMP:
                for x in q["candidates"]:
                    facts[(x, fact_of(k))] += 1
            if k in ("reg-c", "reg-c++", "hop-umb-c", "hop-umb-c++", "hop-alias"):
                facts[(q.get("row") or q["via"], q["lang"])] += 1
        bad += [f"{s}: fact {f} asked {n} times" for f, n in facts.items() if n > 1]
    vals = {s: {(q["kind"], q["answers"][0]) for q in rows_[s] if q["kind"] in ("bytes-def", "frontend", "alias")}
            for s in rows_}
    bad += [f"shared value {v} asked in both splits" for v in vals["dev"] & vals["test"]]
    results.append((f"splits: pages {sum(v == 'dev' for v in sp.values())} dev / "
                    f"{sum(v == 'test' for v in sp.values())} test by hash within folders, rows by hand; no "
                    f"question uses a page or row of the other split; no question in both; a fact once per split; "
                    f"a shared value (default byte limit, front end, alias target) once in all", bad))
    # 8. unanswerables absent
    bad = []
    texts = dict(on_disk)
    for m in absent_opts():
        hits = [p for p, x in texts.items() if re.search(name_pattern(m), x, re.I)]
        if hits:
            bad.append(f"left-out {m} named on {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I):
            bad.append(f"ABSENT_FIELDS {f}: the pattern misses its made-up answer")
        hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
        if hits:
            bad.append(f"ABSENT_FIELDS {f}: pattern on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["kind"] == "absent-option" and not re.search(name_pattern(q["entry"]), q["question"]):
                bad.append(f"{q['id']}: does not name its left-out option")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or by[q["entry"]]["name"] not in
                                                q["question"]):
                bad.append(f"{q['id']}: absent field")
    results.append(("unanswerables: left-out options named in no corpus file (with or without dashes); every "
                    "absent-field pattern matches its made-up answer and no corpus file", bad))
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
