"""Build the catalog21 evaluation corpus: CMake modules and the RST documentation blocks at their heads.

    PYTHONPATH=src python scripts/build_catalog21.py snapshot [--force]  # CMake Modules/*.cmake -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog21.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog21.py check               # loader + scorer + fact checks, no model

`snapshot` reads the chosen modules (MODULES, 89 of this machine's
`/usr/share/cmake-3.25/Modules/*.cmake`): every file's sha256 and line count and the text of its
documentation block (`#[=...=[.rst:` ... `#]=...=]`), and for every module not left out (ABSENT)
the record parsed from that block: the module's name, kind (a find module, `Find*`, or a utility
module), summary sentence, the CMake version it was added in where a bare `.. versionadded::` note
near the top says so, its IMPORTED targets and the version they came in, its result variables and
other documented variables (hints, cache, input and module variables) with the first sentence of
their descriptions, its commands (`.. command::`), its deprecation notes, its versionadded and
versionchanged notes, the other modules it names (`:module:`), and values computed from the
record only (counts, the newest version in a note, the documentation's share of the file).
Written to `evalsets/catalog21/snapshot.json` (committed; `snapshot` refuses to overwrite it
without --force): another machine ships another CMake, so the committed snapshot is the source.

`build` renders one markdown page per record from snapshot.json alone, `<id>.md` (the module's
name in lower case), titled `# <name>`, with YAML front matter (kind, version_added,
has_imported_targets, imported_targets_since, result_variables, deprecated, file, file_lines) and
a body in one of three layouts dealt in turn in the order of sha256("catalog21:<id>") within each
split: `ledger` (`| Field | Value |` tables), `narrative` (prose paragraphs, wording varied per
page) or `fieldlist` (headed sections of `Label: value` bullets). Then it generates dev.jsonl and
test.jsonl from the snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses to overwrite
corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
parses every record again from the stored documentation blocks (and, where this machine's files
still have the recorded sha256, reads them again), loads the corpus with ragtune's loader, reads
both splits with `load_qa`, and checks every item (evidence, gold in evidence text and tokens,
scoring verdicts, facts against the snapshot, split separation, unanswerables absent by pattern,
the sha256, the type mix).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog21"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SRC = Path("/usr/share/cmake-3.25/Modules")
SEED = 21

# The 89 modules read: 53 find modules with headed Result Variables sections and 36 utility
# modules with `.. command::` entries (the rest of the 355 top-level modules have no documentation
# block, a thin one, or one whose variables are not in headed sections).
FIND_MODULES = [
    "FindALSA", "FindBLAS", "FindBZip2", "FindBoost", "FindCUDA", "FindCUDAToolkit", "FindCURL", "FindCups",
    "FindCurses", "FindDevIL", "FindEXPAT", "FindEnvModules", "FindFLTK", "FindFontconfig", "FindFreetype",
    "FindGDAL", "FindGIF", "FindGLEW", "FindGLUT", "FindGSL", "FindGTest", "FindGnuTLS", "FindHDF5", "FindJNI",
    "FindJPEG", "FindJasper", "FindLAPACK", "FindLTTngUST", "FindLibLZMA", "FindLibXml2", "FindLibXslt",
    "FindLibinput", "FindMatlab", "FindODBC", "FindOpenACC", "FindOpenAL", "FindOpenCL", "FindOpenGL",
    "FindOpenMP", "FindOpenSP", "FindOpenSSL", "FindPNG", "FindPostgreSQL", "FindPython3", "FindSDL",
    "FindSQLite3", "FindTIFF", "FindThreads", "FindVulkan", "FindXCTest", "FindXalanC", "FindXercesC", "FindZLIB",
]  # fmt: skip
UTILITY_MODULES = [
    "FetchContent", "ExternalProject", "GNUInstallDirs", "GoogleTest", "CMakePackageConfigHelpers",
    "CMakeDependentOption", "CheckIPOSupported", "CheckPIESupported", "CheckCSourceCompiles",
    "CheckCXXSourceCompiles", "CheckCSourceRuns", "CheckSourceCompiles", "CheckSourceRuns", "CheckCompilerFlag",
    "CheckLinkerFlag", "CheckCCompilerFlag", "CheckCXXCompilerFlag", "CheckFortranCompilerFlag",
    "CheckFortranSourceCompiles", "CheckIncludeFile", "CheckIncludeFiles", "CheckSymbolExists",
    "CheckCXXSymbolExists", "CheckTypeSize", "CheckStructHasMember", "CheckLibraryExists", "CheckFunctionExists",
    "CheckOBJCSourceCompiles", "FortranCInterface", "ExternalData", "CTestCoverageCollectGCOV",
    "AndroidTestUtilities", "TestBigEndian", "CPackComponent", "UseJava", "UseSWIG",
]  # fmt: skip
MODULES = FIND_MODULES + UTILITY_MODULES

# Modules read but left out so that their names are on no page (no catalogued page names them),
# for unanswerable questions, each asked in one split.
ABSENT = {"dev": ["FindBZip2", "CheckStructHasMember"], "test": ["FindJasper", "CheckLibraryExists"]}
# what is asked about a left-out module: (question, what its record holds that the question needs)
ABSENT_QUESTIONS = {
    "FindBZip2": ["Since which CMake version does FindBZip2 provide an imported target?",
                  "How many result variables does the FindBZip2 module document?"],
    "CheckStructHasMember": ["Which command does the CheckStructHasMember module provide?",
                             "How many lines long is CheckStructHasMember.cmake?"],
    "FindJasper": ["What imported target does FindJasper define?",
                   "How many result variables are listed for CMake's FindJasper module?",
                   "Besides its result variables, which other variables does FindJasper document?"],
    "CheckLibraryExists": ["What command does CheckLibraryExists provide?",
                           "How long is the documentation block of CheckLibraryExists.cmake, in lines?",
                           "Which CMake version added CheckLibraryExists?"],
}  # fmt: skip

# What these pages never state about a module: (question, a pattern no page may match, a made-up
# answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "author": ("Who wrote the {n} module?", r"\bauthors?\b|\bwritten by\b|\bcontributed by\b|\bmaintainers?\b",
               "It was written by Brad King, who maintains it."),
    "licence": ("Under which licence is {n} distributed?", r"\blicen[cs]e[ds]?\b|\bbsd\b|\bosi\b|\bcopyright\b",
                "It is distributed under the BSD 3-Clause License."),
    "policy": ("Which CMake policy changed the behaviour of {n}?", r"\bcmp\d{4}\b|\bpolic(?:y|ies)\b",
               "Policy CMP0074 changed it."),
    "date": ("On what date was {n} first released?",
             r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b(?:january|february|march|april|june|july|august|september|october|"
             r"november|december)\b", "It was first released on 2014-12-15."),
    "issue": ("Which GitLab issue or merge request introduced {n}?", r"\bmerge requests?\b|\bissues?\b|[!#]\d{3,}",
              "It came in merge request !4578."),
    "commit": ("What is the git commit that last changed {n}?", r"\bcommit\b|\b[0-9a-f]{10,40}\b",
               "The last commit is 3f2a9c1d7e0b."),
    "distro": ("Which Debian package provides the library that {n} looks for?",
               r"\bapt(?:-get)?\b|\bdebian\b|\bubuntu\b|\bdpkg\b|\b[a-z0-9]+-dev\b",
               "It is found in the Debian package libfoo-dev."),
    "tests": ("How many tests in CMake's own test suite cover {n}?", r"\btest suite\b|\bRunCMake\b|\btests/",
              "Its test suite has 14 RunCMake tests."),
}  # fmt: skip

FIND_ONLY_FIELDS = ("distro",)  # asked of find modules only

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}  # the most reverse questions of one kind
CAP_CMP = {"dev": 1, "test": 2}  # the most comparison questions of one kind
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-module items; the rest of the unanswerables ask absent fields
DEV_PAGES = 33  # the dev split takes reference groups until it holds at least this many pages
LAYOUTS = ("ledger", "narrative", "fieldlist")
NONE = "none documented"

# ------------------------------------------------------------------ parsing a documentation block

_BLOCK = re.compile(r"^#\[(=*)\[\.rst:\n(.*?)^#\]\1\]", re.S | re.M)
_UNDERLINE = re.compile(r'^([\^=~"*\-+#`])\1{2,}\s*$')
_ROLE = re.compile(r":[a-z_:]+:`([^`<]*?)(?:\s*<[^`>]*>)?`")
_VAR = r"[A-Za-z0-9_<>{}$.+-]*[A-Za-z][A-Za-z0-9_<>{}$.+-]*"
_RESULT_HEAD = re.compile(r"^(?:result variables|variables|variables defined by the module|module variables)$", re.I)
_OTHER_HEAD = re.compile(r"hints|cache variables|cached variables|input variables|variables affecting behavior", re.I)
_TARGET_HEAD = re.compile(r"imported targets?", re.I)
_TARGET = r"[A-Za-z0-9_]+::[A-Za-z0-9_<>.+-]+"


def doc_block(text: str) -> tuple[str, int] | None:
    """(the block's text between its marker lines, its length in lines with both markers)."""
    m = _BLOCK.search(text)
    if not m:
        return None
    return m.group(2), m.group(0).count("\n") + 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def clean(s: str) -> str:
    """RST to plain text: roles (:command:`x`, :prop_tgt:`IMPORTED`) to their text, literals
    unquoted, links to their text, emphasis dropped, white space collapsed."""
    s = _ROLE.sub(lambda m: m.group(1).strip(), s)
    s = re.sub(r"``([^`]*)``", r"\1", s)
    s = re.sub(r"`([^`<]*?)(?:\s*<[^`>]*>)?`_+", r"\1", s)
    s = re.sub(r"\*\*?([^*]+)\*\*?", r"\1", s)
    s = s.replace("|", "/")
    return " ".join(s.split())


def first_sentence(s: str, cap: int = 220) -> str:
    s = clean(s)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z(])", s, maxsplit=1)
    out = parts[0] if parts else ""
    if len(out) > cap:
        out = out[:cap].rsplit(" ", 1)[0].rstrip(",;:") + " ..."
    return out


def sections(lines: list[str]) -> list[tuple[str, list[str]]]:
    """[(heading, lines)], the first being ("(top)", the lines before any heading)."""
    secs, cur = [], ("(top)", [])
    i = 0
    while i < len(lines):
        ln = lines[i]
        if (i + 1 < len(lines) and _UNDERLINE.match(lines[i + 1]) and ln.strip() and not ln.startswith(" ")
                and len(lines[i + 1].strip()) >= len(ln.strip()) - 1):
            secs.append(cur)
            cur = (ln.strip(), [])
            i += 2
            continue
        cur[1].append(ln)
        i += 1
    secs.append(cur)
    return secs


def paragraphs(lines: list[str]) -> list[list[str]]:
    """The paragraphs that start at column 0."""
    out, cur = [], []
    for ln in lines:
        if not ln.strip():
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(ln)
    if cur:
        out.append(cur)
    return [p for p in out if _indent(p[0]) == 0]


def variables(lines: list[str]) -> list[list[str]]:
    """[name, description] of the variables a section lists: definition-list terms (``NAME``, the
    shallowest the section holds), `NAME - description` lines of literal blocks, and
    `.. variable:: NAME` entries; names with an underscore, each once."""
    found = []  # (name, description, indent; -1 for literal lines)
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        s = ln.strip()
        m = re.match(r"^``(" + _VAR + r")``\s*(?:[-:]\s*(.*))?$", s)
        if m:
            k, desc, j = _indent(ln), ([m.group(2)] if m.group(2) else []), i + 1
            while j < n and (not lines[j].strip() or _indent(lines[j]) > k):
                t = lines[j].strip()
                if not t and desc:
                    break
                if t and not t.startswith(".."):
                    desc.append(t)
                j += 1
            found.append((m.group(1), " ".join(desc), k))
            i = max(j, i + 1)
            continue
        if s.endswith("::") and not s.startswith(".."):
            k, j = _indent(ln), i + 1
            while j < n and not lines[j].strip():
                j += 1
            while j < n and (not lines[j].strip() or _indent(lines[j]) > k):
                t = lines[j].strip()
                mm = re.match(r"^(" + _VAR + r")(?:\s+-\s*|\s*:\s+|\s{2,})(.*)$", t)
                if mm and re.fullmatch(r"[A-Za-z0-9_<>{}$]+", mm.group(1)) and "_" in mm.group(1):
                    found.append((mm.group(1), mm.group(2), -1))
                j += 1
            i = j
            continue
        mv = re.match(r"^\.\. variable::\s*(\S+)\s*$", ln)
        if mv:
            desc, j = [], i + 1
            while j < n and (not lines[j].strip() or _indent(lines[j]) > 0):
                t = lines[j].strip()
                if not t and desc:
                    break
                if t and not t.startswith(".."):
                    desc.append(t)
                j += 1
            found.append((mv.group(1), " ".join(desc), 0))
            i = j
            continue
        i += 1
    terms = [k for _, _, k in found if k >= 0]
    top = min(terms) if terms else 0
    out: list[list[str]] = []
    for name, desc, k in found:
        if (k == -1 or k == top) and "_" in name and name not in [x for x, _ in out]:
            out.append([name, first_sentence(desc) if desc else ""])
    return out


def _version(s: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", s))


def vmax(xs: list[str]) -> str | None:
    return max(xs, key=_version) if xs else None


def parse_block(name: str, doc: str) -> dict:
    """What a module's documentation block states (see the module docstring)."""
    lines = doc.split("\n")
    secs = sections(lines)
    # secs[0] is what precedes the title; secs[1] the title (the module's name) and its lines
    title, top = secs[1] if len(secs) > 1 else ("", [])
    body_secs = secs[2:]
    summary, added, prose_seen = None, None, 0
    for para in paragraphs(top):
        head = para[0]
        if head.startswith(".. versionadded::"):
            # the module's own version: a bare note (no text under it) before the second paragraph
            if len(para) == 1 and added is None and prose_seen <= 1:
                added = head.split("::", 1)[1].strip()
            continue
        if head.startswith(".."):
            continue
        prose_seen += 1
        if summary is None:
            summary = first_sentence(" ".join(x.strip() for x in para))
        if prose_seen > 1:
            break
    if summary is None:  # no prose at the top: the first paragraph of the first section that has one
        for _, body in body_secs:
            ps = [p for p in paragraphs(body) if not p[0].startswith("..")]
            if ps:
                summary = first_sentence(" ".join(x.strip() for x in ps[0]))
                break
    result, other, targets, since = [], [], [], None
    find = name.startswith("Find")
    for head, body in body_secs:
        if _RESULT_HEAD.match(head) and (find or head.lower().startswith("result")):
            result += [v for v in variables(body) if v[0] not in [x for x, _ in result]]
        elif _RESULT_HEAD.match(head) or (_OTHER_HEAD.search(head) and not re.search("obsolete|deprecated", head, re.I)):
            other += [v for v in variables(body) if v[0] not in [x for x, _ in other]]
        if _TARGET_HEAD.search(head):
            terms = [ln.strip()[2:-2] for ln in body if re.fullmatch(rf"``{_TARGET}``", ln.strip())]
            literal = [m.group(1) for ln in body if (m := re.match(rf"^\s+({_TARGET})(?:\s|$)", ln))]
            inline = re.findall(rf"``({_TARGET})``", "\n".join(body))
            targets += [t for t in dict.fromkeys(terms or literal or inline) if t not in targets]
            nonblank = [x.strip() for x in body if x.strip()]
            if since is None and nonblank and nonblank[0].startswith(".. versionadded::"):
                since = nonblank[0].split("::", 1)[1].strip()
            first = next((i for i, x in enumerate(nonblank) if re.fullmatch(rf"``{_TARGET}``", x)), None)
            if since is None and first is not None and first + 1 < len(nonblank) and \
                    nonblank[first + 1].startswith(".. versionadded::"):
                since = nonblank[first + 1].split("::", 1)[1].strip()  # a note under the first target
    notes = re.findall(r"^\s*\.\. versionadded::\s*(\S+)", doc, re.M)
    changed = re.findall(r"^\s*\.\. versionchanged::\s*(\S+)", doc, re.M)
    deprecated = re.findall(r"^\s*\.\. deprecated::\s*(\S+)", doc, re.M)
    deprecated += re.findall(r"Deprecated since version (\d+(?:\.\d+)+)", doc)
    commands = list(dict.fromkeys(re.findall(r"^\s*\.\. command::\s*(\S+)", doc, re.M)))
    named = [m for m in dict.fromkeys(re.findall(r":module:`(?:[^`<]*<)?([A-Za-z0-9_]+)>?`", doc)) if m != name]
    return {"title": title, "summary": summary or "", "version_added": added, "imported_targets": targets,
            "targets_since": since, "result_variables": result, "other_variables": other, "commands": commands,
            "deprecated": list(dict.fromkeys(deprecated)), "notes": notes, "changed": changed,
            "modules_named": named}  # fmt: skip


def make_record(name: str, raw: dict) -> dict:
    """The record of one module: what its block states (parse_block) and values computed from it."""
    p = parse_block(name, raw["doc"])
    fl, dl = raw["file_lines"], raw["doc_lines"]
    rec = {"name": name, "file": f"{name}.cmake", "kind": "find module" if name.startswith("Find") else "utility module"}
    rec.update({k: v for k, v in p.items() if k != "title"})
    rec["modules_named"] = [{"name": m, "catalogued": m in MODULES and m not in absent_names()}
                            for m in p["modules_named"]]
    rec.update({
        "rv_count": len(p["result_variables"]), "target_count": len(p["imported_targets"]),
        "other_count": len(p["other_variables"]), "command_count": len(p["commands"]),
        "note_count": len(p["notes"]), "changed_count": len(p["changed"]),
        "note_versions": sorted(set(p["notes"]), key=_version),
        "newest_note": vmax(p["notes"] + p["changed"]),
        "file_lines": fl, "doc_lines": dl, "outside_lines": fl - dl,
        "doc_share": round(100 * dl / fl),
    })  # fmt: skip
    return rec


def absent_names() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def read_module(name: str) -> tuple[dict, str]:
    data = (SRC / f"{name}.cmake").read_bytes()
    text = data.decode("utf-8")
    doc, dl = doc_block(text)
    return {"doc": doc, "doc_lines": dl, "file_lines": len(text.splitlines())}, hashlib.sha256(data).hexdigest()


def all_records(raw: dict) -> list[dict]:
    """Every module read as a record (the absent ones too: the checks and the uniqueness of cues read them)."""
    return [make_record(n, raw[n]) for n in MODULES]


def scan() -> dict:
    raw, files = {}, {}
    for n in MODULES:
        raw[n], digest = read_module(n)
        files[n] = {"sha256": digest, "lines": raw[n]["file_lines"]}
    recs = [r for r in all_records(raw) if r["name"] not in absent_names()]
    try:
        ver = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "cmake-data"], capture_output=True,
                             text=True, check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        ver = "unknown"
    return {"source": f"{SRC} (Debian cmake-data {ver})", "version": ver, "files": files, "raw": raw,
            "records": recs}  # fmt: skip


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return r["name"].lower()


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog21:{salt}{key}".encode()).hexdigest(), 16)


def groups(recs: list[dict]) -> list[list[str]]:
    """The catalogued modules joined by the modules they name (either way), as sorted groups."""
    names = [r["name"] for r in recs]
    parent = {n: n for n in names}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for r in recs:
        for m in r["modules_named"]:
            if m["catalogued"]:
                a, b = root(r["name"]), root(m["name"])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    out: dict[str, list[str]] = {}
    for n in names:
        out.setdefault(root(n), []).append(n)
    return [sorted(g) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by name. The reference groups (modules joined by the modules they name) in the order
    of sha256("catalog21:<the group's first name>"): dev takes groups in that order until it holds
    DEV_PAGES pages or more, test holds the rest; so a module and the module its page names are in
    one split."""
    out, n_dev = {}, 0
    for g in sorted(groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n_dev < DEV_PAGES else "test"
        n_dev += len(g) if part == "dev" else 0
        for n in g:
            out[n] = part
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [doc_id(r) for r in recs if sp[r["name"]] == part]
        for i, d in enumerate(sorted(ids, key=_h)):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def front_matter(r: dict) -> str:
    fm = {"kind": r["kind"], "version_added": r["version_added"] or "none",
          "has_imported_targets": "yes" if r["imported_targets"] else "no",
          "imported_targets_since": r["targets_since"] or "none", "result_variables": r["rv_count"],
          "deprecated": "yes" if r["deprecated"] else "no", "file": r["file"], "file_lines": r["file_lines"]}  # fmt: skip
    return "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in fm.items()) + "---\n"


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def _code(x: str) -> str:
    return f"`{x}`"


def _names(xs: list[str]) -> str:
    return ", ".join(_code(x) for x in xs) if xs else NONE


def named_text(r: dict) -> str:
    if not r["modules_named"]:
        return "none"
    return ", ".join(m["name"] + ("" if m["catalogued"] else " (not in this catalogue)") for m in r["modules_named"])


def added_text(r: dict) -> str:
    return r["version_added"] or "not stated (no module-level versionadded note)"


def since_text(r: dict) -> str:
    if not r["imported_targets"]:
        return "n/a (no imported targets documented)"
    return r["targets_since"] or "not stated"


def deprecated_text(r: dict) -> str:
    return ", ".join(r["deprecated"]) if r["deprecated"] else "none"


def versions_text(r: dict) -> str:
    vs = r["note_versions"]
    return ("version " if len(vs) == 1 else "distinct versions ") + ", ".join(vs)


def notes_text(r: dict) -> str:
    return f"{r['note_count']} ({versions_text(r)})" if r["note_count"] else "0"


def _desc(d: str) -> str:
    return d or "(no description)"


def render(r: dict) -> str:
    n, kind, w = r["name"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    if kind == "ledger":
        rows = [("Module", n), ("File", r["file"]), ("Kind", r["kind"]), ("Summary", r["summary"]),
                ("Added in CMake", added_text(r)),
                ("Imported targets", _names(r["imported_targets"])),
                ("Number of imported targets", str(r["target_count"])),
                ("Imported targets since (the versionadded note heading the Imported Targets section or its first target)",
                 since_text(r)),
                ("Number of result variables", str(r["rv_count"])),
                ("Number of other documented variables (hints, cache, input, module variables)", str(r["other_count"])),
                ("Commands", _names(r["commands"])), ("Number of commands", str(r["command_count"])),
                ("Deprecation notes (versions)", deprecated_text(r)),
                ("versionadded notes", notes_text(r)),
                ("versionchanged notes", str(r["changed_count"])),
                ("Newest version in a versionadded or versionchanged note", r["newest_note"] or "none"),
                ("Other modules named", named_text(r)),
                ("File length (lines)", str(r["file_lines"])),
                ("Documentation block (lines)", str(r["doc_lines"])),
                ("Lines outside the documentation block", str(r["outside_lines"])),
                ("Documentation share of the file", f"{r['doc_share']}%")]  # fmt: skip
        out = head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
        for title, key in (("Result variables", "result_variables"),
                           ("Other documented variables (hints, cache, input, module variables)", "other_variables")):
            if r[key]:
                out += f"\n## {title}\n\n| Variable | Description |\n|---|---|\n"
                out += "\n".join(f"| {_code(v)} | {_desc(d)} |" for v, d in r[key]) + "\n"
            else:
                out += f"\n## {title}\n\n{NONE.capitalize()}.\n"
        return out
    if kind == "fieldlist":
        out = ["## Identity", f"- Module: {n}", f"- File: {r['file']}", f"- Kind: {r['kind']}",
               f"- Summary: {r['summary']}", "", "## Versions", f"- Added in CMake: {added_text(r)}",
               f"- Imported targets since (versionadded note heading the Imported Targets section or its first target): "
               f"{since_text(r)}", f"- Deprecation notes: {deprecated_text(r)}",
               f"- versionadded notes: {notes_text(r)}", f"- versionchanged notes: {r['changed_count']}",
               f"- Newest version named in a note: {r['newest_note'] or 'none'}", "",
               "## Imported targets", f"- Count: {r['target_count']}"]  # fmt: skip
        out += [f"- {_code(t)}" for t in r["imported_targets"]] or [f"- {NONE}"]
        out += ["", "## Result variables", f"- Count: {r['rv_count']}"]
        out += [f"- {_code(v)}: {_desc(d)}" for v, d in r["result_variables"]] or [f"- {NONE}"]
        out += ["", "## Other documented variables (hints, cache, input, module variables)", f"- Count: {r['other_count']}"]
        out += [f"- {_code(v)}: {_desc(d)}" for v, d in r["other_variables"]] or [f"- {NONE}"]
        out += ["", "## Commands", f"- Count: {r['command_count']}"]
        out += [f"- {_code(c)}" for c in r["commands"]] or [f"- {NONE}"]
        out += ["", "## File", f"- Length: {r['file_lines']} lines",
                f"- Documentation block: {r['doc_lines']} lines ({r['doc_share']}% of the file)",
                f"- Lines outside the documentation block: {r['outside_lines']}",
                f"- Other modules named: {named_text(r)}"]  # fmt: skip
        return head + "\n".join(out) + "\n"
    # narrative
    k = "find module" if r["kind"] == "find module" else "utility module"
    p1 = [(f"{n} is a CMake {k}, shipped as {r['file']}.",
           f"The file {r['file']} holds {n}, a {k} of CMake.",
           f"This page covers {n} ({r['file']}), one of CMake's {k}s.")[w % 3]]
    p1.append(f"Its documentation sums it up as: \"{r['summary']}\"")
    if r["version_added"]:
        p1.append((f"A versionadded note at the top says it was added in CMake {r['version_added']}.",
                   f"It was added in CMake {r['version_added']}, as its module-level versionadded note says.")[w % 5 % 2])
    else:
        p1.append("No module-level versionadded note gives the version it was added in (not stated).")
    t = r["imported_targets"]
    if t:
        p2 = [f"It documents {plural(len(t), 'imported target')}: {and_list([_code(x) for x in t])}."]
        p2.append(f"A versionadded note at the head of its Imported Targets section (or of its first target) "
                  f"dates them: imported targets since CMake {r['targets_since']}." if r["targets_since"] else
                  "No versionadded note heads its Imported Targets section or its first target (imported targets "
                  "since: not stated).")
    else:
        p2 = ["It documents no imported targets (0; none documented)."]
    rv = r["result_variables"]
    if rv:
        p3 = [(f"Its result variables number {len(rv)}:", f"It lists {plural(len(rv), 'result variable')}:")[w % 7 % 2]]
        p3.append("; ".join(f"{_code(v)} ({_desc(d).rstrip('.')})" for v, d in rv) + ".")
    else:
        p3 = [f"It has no Result Variables section listing variables (0 result variables; {NONE})."]
    ov = r["other_variables"]
    if ov:
        p4 = [f"Besides them it documents {plural(len(ov), 'other variable')} (listed under Hints, Cache, Input, "
              "Variables or Module Variables headings):",
              "; ".join(f"{_code(v)} ({_desc(d).rstrip('.')})" for v, d in ov) + "."]
    else:
        p4 = [f"It documents no other variables (hints, cache, input or module variables: 0; {NONE})."]
    c = r["commands"]
    p5 = [f"It provides {plural(len(c), 'command')}: {and_list([_code(x) for x in c])}." if c else
          f"It provides no commands (0; {NONE})."]
    p5.append(f"Its deprecation notes name version {and_list(r['deprecated'])}." if r["deprecated"] else
              "It carries no deprecation note (none).")
    if r["note_count"]:
        p5.append(f"The documentation carries {plural(r['note_count'], 'versionadded note')} ({versions_text(r)}) "
                  f"and {plural(r['changed_count'], 'versionchanged note')}; the newest version named in them is "
                  f"{r['newest_note']}.")
    else:
        p5.append(f"The documentation carries no versionadded note (0) and "
                  f"{plural(r['changed_count'], 'versionchanged note')}"
                  + (f"; the newest version named is {r['newest_note']}." if r["newest_note"] else " (none)."))
    p5.append(f"Other modules it names: {named_text(r)}.")
    p6 = [(f"{r['file']} is {r['file_lines']} lines long, {r['doc_lines']} of them the documentation block "
           f"({r['doc_share']}% of the file), leaving {r['outside_lines']} lines outside it.",
           f"The documentation block takes {r['doc_lines']} of the file's {r['file_lines']} lines ({r['doc_share']}%); "
           f"{r['outside_lines']} lines lie outside it.")[w % 11 % 2]]
    return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4, p5, p6)) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's CMake modules again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(snap['raw'])} modules read; {len(snap['records'])} records")


# ------------------------------------------------------------------ questions


def _atok(s: str) -> list[str]:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def _item(question: str, answers: list[str], typ: str, options: list[str] | None = None):
    from ragtune.eval.qa import QAItem

    return QAItem(id="x", question=question, answers=answers, type=typ, options=options)


def hedge_safe(question: str, options: list[str], gold: str) -> bool:
    """Do the other options, "A or B" hedges and the whole list score wrong for this item?"""
    from ragtune.eval.metrics import is_correct

    it = _item(question, [gold], "comparison", options)
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return is_correct(it, gold, False) and not any(is_correct(it, t, False) for t in tries)


def gold_safe(question: str, answers: list[str]) -> bool:
    """Does every gold score correct alone and in a sentence?"""
    from ragtune.eval.metrics import is_correct

    it = _item(question, answers, "single_hop")
    return all(is_correct(it, g, False) and is_correct(it, f"The answer is {g}.", False) for g in answers)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def stem(name: str) -> str:
    return re.sub(r"^(?:Find|Check|Use)", "", name).lower()


def stem_free(name: str, cue: str) -> bool:
    """Does the cue not spell the module's name (less Find / Check / Use)? "CMAKE_THREAD_LIBS_INIT"
    is stem-free for FindThreads, "ZLIB::ZLIB" is not for FindZLIB."""
    return stem(name) not in re.sub(r"[^a-z0-9]", "", cue.lower())


def refs(r: dict) -> list[str]:
    """How a question may name a module."""
    n = r["name"]
    return [n, f"the {n} module", f"{n}.cmake", f"CMake's {n} module"]


def ref(r: dict, salt: str, possessive_ok: bool = True) -> str:
    xs = refs(r) if possessive_ok else refs(r)[:3]
    return xs[_h(r["name"], salt) % len(xs)]


BY: dict[str, dict] = {}  # name -> record (set by make_questions and check)

# kind -> (templates, record key, golds, is the record's value askable)
SINGLE = {
    "added": (["In which CMake version was {n} added?", "Which CMake release introduced {n}?",
               "{n}: added in which version of CMake?", "since what cmake version has {n} existed"],
              "version_added", lambda r: [r["version_added"]], lambda r: bool(r["version_added"])),
    "targets_since": (["Since which CMake version does {n} provide imported targets?",
                       "In what CMake version did {n} gain its IMPORTED targets?",
                       "{n} — imported targets available since which release?"],
                      "targets_since", lambda r: [r["targets_since"]],
                      lambda r: bool(r["targets_since"] and r["imported_targets"])),
    "target": (["What imported target does {n} define?", "Which IMPORTED target should I link to when using {n}?",
                "name of the imported target from {n}?"], "imported_targets",
               lambda r: [r["imported_targets"][0]], lambda r: r["target_count"] == 1),
    "target_count": (["How many imported targets does {n} document?", "How many IMPORTED targets are listed for {n}?"],
                     "target_count", lambda r: [str(r["target_count"])], lambda r: r["target_count"] >= 2),
    "rv_count": (["How many result variables does {n} document?", "How many result variables are listed for {n}?",
                  "{n}: number of documented result variables?"], "rv_count", lambda r: [str(r["rv_count"])],
                 lambda r: r["rv_count"] >= 2),
    "other_count": (["Besides its result variables, how many other variables does {n} document?",
                     "How many variables other than result variables (hints, cache, input, module variables) does "
                     "{n} document?"],
                    "other_count", lambda r: [str(r["other_count"])], lambda r: r["other_count"] >= 2),
    "other": (["Apart from its result variables, which one variable does {n} document?",
               "What is the one hint/cache/input variable documented for {n}?"], "other_variables",
              lambda r: [r["other_variables"][0][0]], lambda r: r["other_count"] == 1),
    "command": (["Which command does {n} provide?", "What is the name of the command that {n} defines?",
                 "{n} gives you which command?"], "commands", lambda r: [r["commands"][0]],
                lambda r: r["command_count"] == 1),
    "command_count": (["How many commands does {n} provide?", "How many commands are documented in {n}?"],
                      "command_count", lambda r: [str(r["command_count"])], lambda r: r["command_count"] >= 2),
    "deprecated": (["In which CMake version was something in {n} deprecated?",
                    "What version does the deprecation note of {n} name?"], "deprecated",
                   lambda r: [r["deprecated"][0]], lambda r: len(r["deprecated"]) == 1),
    "newest_note": (["What is the newest CMake version named in a versionadded or versionchanged note of {n}?",
                     "Which is the most recent CMake version mentioned in {n}'s versionadded/versionchanged notes?"],
                    "newest_note", lambda r: [r["newest_note"]], lambda r: bool(r["newest_note"]) and r["note_count"] >= 2),
    "note_count": (["How many versionadded notes does the documentation of {n} carry?",
                    "Count the versionadded notes in {n}'s documentation: how many are there?"],
                   "note_count", lambda r: [str(r["note_count"])], lambda r: r["note_count"] >= 2),
    "file_lines": (["How many lines long is {f}?", "What is the length of {f} in lines?",
                    "how many lines does {f} have"], "file_lines", lambda r: [str(r["file_lines"])], lambda r: True),
    "doc_lines": (["How many lines does the documentation block of {f} take?",
                   "How long, in lines, is the RST documentation block at the head of {f}?"],
                  "doc_lines", lambda r: [str(r["doc_lines"])], lambda r: True),
    "outside_lines": (["How many lines of {f} lie outside its documentation block?",
                       "Leaving out the documentation block, how many lines does {f} have?"],
                      "outside_lines", lambda r: [str(r["outside_lines"])], lambda r: True),
    "doc_share": (["What share of {f} is its documentation block, in percent?",
                   "What percentage of the lines of {f} is documentation?"],
                  "doc_share", lambda r: [f"{r['doc_share']}%"], lambda r: True),
}  # fmt: skip
# the order single-hop kinds are dealt in (rare kinds first)
SINGLE_ORDER = ["deprecated", "other", "command_count", "target_count", "targets_since", "added", "command",
                "target", "newest_note", "other_count", "note_count", "rv_count", "doc_share", "outside_lines",
                "doc_lines", "file_lines"]  # fmt: skip
VERSION_KINDS = ("added", "targets_since", "deprecated", "newest_note")


def numbers_of(r: dict) -> set[str]:
    """The numbers and versions a page states (other than inside names and descriptions)."""
    xs = {r["rv_count"], r["target_count"], r["other_count"], r["command_count"], r["note_count"],
          r["changed_count"], r["file_lines"], r["doc_lines"], r["outside_lines"], r["doc_share"]}  # fmt: skip
    out = {str(x) for x in xs}
    out |= {v for v in [r["version_added"], r["targets_since"], r["newest_note"], *r["deprecated"],
                        *r["note_versions"]] if v}  # fmt: skip
    return out


def single_ok(r: dict, k: str) -> bool:
    return SINGLE[k][3](r)


def single_golds(r: dict, k: str) -> list[str]:
    return SINGLE[k][2](r)


def single_question(r: dict, k: str) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["name"], k) % len(tpls)]
    return tpl.format(n=ref(r, k, possessive_ok="'s" not in tpl), f=r["file"])


# chain: a module's page names one other module -> a field of that module
HOP = {"added": "In which CMake version was that module added?",
       "file_lines": "How many lines long is that module's file?",
       "rv_count": "How many result variables does that module document?",
       "command": "What command does that module provide?",
       "targets_since": "Since which CMake version has that module provided imported targets?",
       "note_count": "How many versionadded notes does that module's documentation carry?",
       "doc_lines": "How many lines is that module's documentation block?",
       "newest_note": "What is the newest CMake version named in that module's versionadded or versionchanged notes?"}  # fmt: skip
HOP_START = ["The documentation of {n} names one other module. {f}",
             "{n} points its readers to another CMake module. {f}",
             "Look up the module that {n}'s documentation refers to. {f}",
             "Follow the module reference in {n}'s docs to the module it names. {f}"]  # fmt: skip


def _vcmp(key):
    return lambda r: _version(r[key]) if r.get(key) else None


CMP = {
    "earlier-added": ("Which was added to CMake first, {a} or {b}?", _vcmp("version_added"), min),
    "later-added": ("Which module is newer in CMake, {a} or {b}?", _vcmp("version_added"), max),
    "earlier-targets": ("Which got its imported targets in an earlier CMake version, {a} or {b}?",
                        lambda r: _version(r["targets_since"]) if r["targets_since"] and r["imported_targets"] else None,
                        min),
    "more-rv": ("Which documents more result variables, {a} or {b}?",
                lambda r: r["rv_count"] if r["rv_count"] else None, max),
    "fewer-rv": ("Which of {a} and {b} lists fewer result variables?",
                 lambda r: r["rv_count"] if r["rv_count"] else None, min),
    "more-targets": ("Which defines more imported targets: {a} or {b}?",
                     lambda r: r["target_count"] if r["target_count"] else None, max),
    "longer-file": ("Which file is longer, {a} or {b}?", lambda r: r["file_lines"], max),
    "shorter-doc": ("Whose documentation block is shorter, {a}'s or {b}'s?", lambda r: r["doc_lines"], min),
    "more-notes": ("Which module's documentation carries more versionadded notes, {a} or {b}?",
                   lambda r: r["note_count"], max),
    "more-other": ("Which documents more variables besides its result variables, {a} or {b}?",
                   lambda r: r["other_count"], max),
    "which-targets": ("Which of {a} and {b} provides imported targets?", lambda r: bool(r["imported_targets"]), max),
    "which-deprecated": ("Which of {a} and {b} carries a deprecation note?", lambda r: bool(r["deprecated"]), max),
}  # fmt: skip
FIELD_OF = {"earlier-added": "added", "later-added": "added", "earlier-targets": "targets_since",
            "more-rv": "rv_count", "fewer-rv": "rv_count", "more-targets": "target_count",
            "longer-file": "file_lines", "shorter-doc": "doc_lines", "more-notes": "note_count",
            "more-other": "other_count", "which-targets": "target_count", "which-deprecated": "deprecated"}  # fmt: skip
CMP_FILE = ("longer-file",)  # asked of the files: {a} and {b} are the file names' modules as "X.cmake"

COND_BASE = {
    "find": (lambda r: r["kind"] == "find module", "is a find module"),
    "utility": (lambda r: r["kind"] == "utility module", "is a utility module (not a find module)"),
    "targets": (lambda r: bool(r["imported_targets"]), "provides imported targets"),
    "deprecated": (lambda r: bool(r["deprecated"]), "carries a deprecation note"),
    "commands": (lambda r: bool(r["commands"]), "provides at least one command"),
    "other": (lambda r: bool(r["other_variables"]), "documents variables besides its result variables"),
    "rv-over-10": (lambda r: r["rv_count"] > 10, "documents more than 10 result variables"),
    "notes-over-10": (lambda r: r["note_count"] > 10, "carries more than 10 versionadded notes"),
    "file-over-1000": (lambda r: r["file_lines"] > 1000, "is more than 1000 lines long"),
    "doc-majority": (lambda r: r["doc_lines"] * 2 > r["file_lines"], "is more than half documentation"),
    "names-module": (lambda r: bool(r["modules_named"]), "names another module in its documentation"),
    "changed": (lambda r: r["changed_count"] > 0, "has a versionchanged note"),
    "no-notes": (lambda r: r["note_count"] == 0, "carries no versionadded note"),
}  # fmt: skip


def conditions(recs: list[dict]) -> dict:
    """COND_BASE, and every module-level version and imported-target version held by two or more
    catalogued modules (asked only as true)."""
    out = dict(COND_BASE)
    for v, n in sorted(Counter(r["version_added"] for r in recs if r["version_added"]).items()):
        if n >= 2:
            out[f"added-{v}"] = (lambda r, v=v: r["version_added"] == v, f"was added in CMake {v}")
    for v, n in sorted(Counter(r["targets_since"] for r in recs if r["targets_since"] and r["imported_targets"]).items()):
        if n >= 2:
            out[f"since-{v}"] = (lambda r, v=v: r["targets_since"] == v and bool(r["imported_targets"]),
                                 f"got its imported targets in CMake {v}")
    return out


REV = {
    "reverse-summary": "summary", "reverse-target": "imported_targets", "reverse-variable": "result_variables",
    "reverse-other": "other_variables", "reverse-command": "commands",
}  # fmt: skip


def cues(r: dict, k: str) -> list[str]:
    """What a reverse question of kind k may give of a module."""
    if k == "reverse-summary":
        return [r["summary"]] if r["summary"] else []
    if k in ("reverse-variable", "reverse-other"):
        return [v for v, _ in r[REV[k]]]
    return list(r[REV[k]])


def cue_owners(whole: list[dict], k: str, cue: str) -> list[str]:
    """Every module read (the left-out ones too) that has this cue, of any reverse kind but the summary."""
    if k == "reverse-summary":
        return [x["name"] for x in whole if x["summary"] == cue]
    return [x["name"] for x in whole if cue in x["imported_targets"] or cue in x["commands"]
            or cue in [v for v, _ in x["result_variables"] + x["other_variables"]]]


REV_Q = {
    "reverse-summary": ["Which CMake module's documentation sums it up as \"{v}\"?",
                        "One CMake module describes itself as \"{v}\" Which module is it?",
                        "which cmake module: \"{v}\""],
    "reverse-target": ["Which module defines the imported target {v}?", "{v} is an imported target of which module?"],
    "reverse-variable": ["Which CMake module sets the result variable {v}?",
                         "The result variable {v} comes from which module?"],
    "reverse-other": ["Which module documents the variable {v} (not among its result variables)?",
                      "In which module's documentation is {v} listed among the hint, cache, input or module "
                      "variables?"],
    "reverse-command": ["Which CMake module provides the {v} command?", "I want to call {v}(). Which module do I include?"],
}  # fmt: skip


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    BY.clear()
    BY.update(by)
    whole = all_records(snap["raw"])
    did = {r["name"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()  # (module, field)
        subj: set[str] = set()
        items = out[s]

        def add(q, answers, typ, ev, kind, **kw):
            if q.startswith("the "):  # a module named as "the X module" first in the question
                q = "The" + q[3:]
            it = {"question": q, "answers": answers, "type": typ, "evidence": ev}
            if "options" in kw:
                it["options"] = kw.pop("options")
            it["kind"] = kind
            it.update(kw)
            items.append(it)

        def count(t):
            return sum(i["type"] == t for i in items)

        def kinds(k):
            return sum(i["kind"] == k for i in items)

        # multi hop first: a page naming exactly one other module, which is catalogued -> a field of it
        hk = list(HOP)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            r = by[n]
            if len(r["modules_named"]) != 1 or not r["modules_named"][0]["catalogued"]:
                continue
            m = r["modules_named"][0]["name"]
            t = by[m]
            for kk in list(hk):
                if not single_ok(t, kk) or (m, kk) in used:
                    continue
                g_m = single_golds(t, kk)
                g_n = single_golds(r, kk) if single_ok(r, kk) or kk in ("file_lines", "doc_lines") else []
                if {tuple(_atok(g)) for g in g_m} & {tuple(_atok(g)) for g in g_n}:
                    continue  # the first module's own value would score
                nref = ref(r, "hop", possessive_ok=False)
                q = HOP_START[_h(n, "hopq") % len(HOP_START)].format(n=nref, f=HOP[kk])
                if not gold_safe(q, g_m):
                    continue
                add(q, g_m, "multi_hop", [did[n], did[m]], "hop-named", field=kk, via=n, target=m, ref=nref)
                used.update({(m, kk), (n, "named")})
                subj.update({n, m})
                hk.append(hk.pop(hk.index(kk)))
                break

        # single hop: first every kind once (rare kinds first), each on a module not yet asked
        # about; then kinds in turn over the modules; no kind more than CAP[s] times
        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not single_ok(r, k) or (n, k) in used or kinds(k) >= CAP[s]:
                return False
            q = single_question(r, k)
            g = single_golds(r, k)
            if any(in_question(q, x) for x in g if not re.fullmatch(r"[\d.%]+", x)):
                return False
            if not gold_safe(q, g):
                return False
            add(q, g, "single_hop", [did[n]], k)
            used.add((n, k))
            subj.add(n)
            return True

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"]:
                break
            for n in names:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2):
            for n in names:
                if count("single_hop") >= want["single_hop"]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [did[n]] for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # reverse: a summary sentence, an imported target, a result variable, a hint variable or a
        # command -> the module (unique among all modules read, and not spelling the module's name)
        rk = list(REV)
        for n in [x for x in names if x not in subj] + [x for x in names if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                pool = [c for c in cues(r, k) if cue_owners(whole, k, c) == [n] and not re.search(r"[<{$]", c)]
                if k == "reverse-summary":  # a summary must not spell the module's name
                    pool = [c for c in pool if stem_free(n, c) and 25 <= len(c) <= 130]
                if not pool:
                    continue
                free = [c for c in pool if stem_free(n, c)]  # cues that do not spell the name first
                pool = free or pool
                v = pool[_h(n, k) % len(pool)]
                q = rnd.choice(REV_Q[k]).format(v=v)
                g = [n]
                if in_question(q, n) or not gold_safe(q, g):
                    continue
                add(q, g, "reverse", [did[n]], k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rk.append(rk.pop(rk.index(k)))
                break
        # comparisons of two modules of the split (options: their names)
        ck = list(CMP)
        tries = 0
        while count("comparison") < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            a, b = rnd.sample(names, 2)
            tpl, f, pick = CMP[k]
            fa, fb = f(by[a]), f(by[b])
            if fa is None or fb is None or fa == fb or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used:
                continue
            if kinds(k) >= CAP_CMP[s]:
                continue
            q = tpl.format(a=a, b=b)
            win = a if pick(fa, fb) == fa else b
            if not hedge_safe(q, [a, b], win):
                continue
            add(q, [win], "comparison", [did[a], did[b]], k, options=[a, b], target=win, candidates=[a, b])
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued modules (two conditions), and among four listed ones
        mix = FILTER_MIX[s]
        pairs = [(c1, c2) for c1 in cond for c2 in cond if c1 < c2]
        rnd.shuffle(pairs)
        pairs = [p for p in pairs if not {p[0], p[1]} == {"find", "utility"}]
        for c1, c2 in pairs:
            if kinds("filter") >= mix["filter"]:
                break
            m1 = [r for r in recs if cond[c1][0](r)]
            m2 = [r for r in recs if cond[c2][0](r)]
            both = [r for r in m1 if cond[c2][0](r)]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1:
                continue
            w = both[0]["name"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which module in this catalogue {a} and {b}?",
                            "Name the one catalogued CMake module that {a} and {b}.",
                            "I need the module that {a} and {b}. Which one is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = [w]
            if in_question(q, w) or not gold_safe(q, g):
                continue
            add(q, g, "filter", [did[w]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among_conds = [c for c in cond if c not in ("find", "utility")]
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among_conds[tries % len(among_conds)]
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:  # the gold is never listed last
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these modules {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            if not hedge_safe(q, cands, hits[0]):
                continue
            add(q, [hits[0]], "filter", [did[hits[0]]], "filter-among", options=cands, where={c: True},
                candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
            used.add((hits[0], "filter"))
        # unanswerables: left-out modules, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-module") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-module", module=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            if f in FIND_ONLY_FIELDS and by[n]["kind"] != "find module":
                pages.append(pages.pop(i))
                continue
            nref = ref(by[n], "absent" + f)
            add(ABSENT_FIELDS[f][0].format(n=nref), [], "unanswerable", [], "absent-field", field=f, module=n,
                ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c21-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    clash = [k for k, c in Counter(doc_id(r) for r in recs).items() if c > 1]
    if clash:
        sys.exit(f"ids made twice: {clash}")
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


def absent_pattern(name: str) -> str:
    """The left-out module's name, or its name less Find / Check (`BZip2`, `StructHasMember`)."""
    short = re.sub(r"^(?:Find|Check)", "", name)
    return rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])|(?<![A-Za-z0-9]){re.escape(short)}(?![A-Za-z0-9])"


def unanswerable_pattern(q: dict) -> tuple[str, str]:
    """(a pattern no page may match, a made-up answer sentence the pattern must match)."""
    if q["kind"] == "absent-module":
        return absent_pattern(q["module"]), f"{q['module']} was added in CMake 3.12."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict) -> list[str]:
    """What a page must state (as text, case-insensitive)."""
    vals = [r["name"], r["file"], r["kind"], r["summary"], str(r["rv_count"]), str(r["target_count"]),
            str(r["other_count"]), str(r["command_count"]), str(r["note_count"]), str(r["changed_count"]),
            str(r["file_lines"]), str(r["doc_lines"]), str(r["outside_lines"]), f"{r['doc_share']}%"]  # fmt: skip
    vals += [v for v in [r["version_added"], r["targets_since"], r["newest_note"]] if v]
    vals += r["deprecated"] + r["note_versions"] + r["imported_targets"] + r["commands"]
    vals += [v for v, _ in r["result_variables"] + r["other_variables"]]
    vals += [d.rstrip(".") for _, d in r["result_variables"] + r["other_variables"] if d]  # (the narrative drops a last ".")
    vals += [m["name"] for m in r["modules_named"]]
    if not r["version_added"]:
        vals.append("not stated")
    vals += [str(v) for v in front_values(r).values() if v not in ("none", "yes", "no")]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    BY.clear()
    BY.update(by)
    whole = all_records(snap["raw"])
    wby = {r["name"]: r for r in whole}
    did = {r["name"]: doc_id(r) for r in recs}
    name_of = {v: k for k, v in did.items()}
    cond = conditions(recs)
    sp = split_pages(recs)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages)} pages)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the records against the stored blocks (and this machine's files, where unchanged)
    bad = [f"{r['name']}: record differs from its block parsed again" for r in recs if r != wby.get(r["name"])]
    bad += [f"{m}: ABSENT but not read, or catalogued" for m in absent_names() if m not in wby or m in by]
    bad += [f"{x}: read but neither catalogued nor ABSENT" for x in wby if x not in by and x not in absent_names()]
    bad += [f"{n}: id clash" for n in by if sum(did[x] == did[n] for x in did) > 1]
    bad += [f"{n}: names another module ABSENT" for n in by for m in by[n]["modules_named"] if m["name"] in absent_names()]
    bad += [f"{n}: a find module without result variables, or a utility module without commands" for n, r in by.items()
            if (r["kind"] == "find module" and not r["rv_count"]) or (r["kind"] != "find module" and not r["commands"])]
    bad += [f"{n}: no summary" for n, r in wby.items() if not r["summary"]]
    if sorted(snap["raw"]) != sorted(MODULES) or sorted(snap["files"]) != sorted(MODULES):
        bad.append("snapshot raw / files are not MODULES")
    bad += [f"{n}: file lines differ" for n in MODULES if snap["files"][n]["lines"] != snap["raw"][n]["file_lines"]]
    reread = [n for n, meta in snap["files"].items() if (SRC / f"{n}.cmake").is_file()
              and hashlib.sha256((SRC / f"{n}.cmake").read_bytes()).hexdigest() == meta["sha256"]]
    for n in reread:
        again, _ = read_module(n)
        if again != snap["raw"][n]:
            bad.append(f"{n}: differs when this machine's file is read again")
    if len(reread) == len(MODULES):
        again = scan()
        bad += [f"{k}: differs when this machine's files are read again" for k in ("raw", "records", "files")
                if again[k] != snap[k]]
    results.append((f"records are the {len(recs)} of {len(whole)} modules read not ABSENT, equal to their blocks "
                    f"parsed again (files read again where unchanged: {len(reread)} of {len(MODULES)}); ids unique; "
                    "no page names an ABSENT module", bad))
    # 3. the corpus
    found, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i in docs if i not in set(did.values())]
    bad += [n for n in by if did[n] not in docs or docs[did[n]].title != n
            or any(docs[did[n]].metadata.get(k) != v for k, v in front_values(by[n]).items())]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their name, "
                    "with their front matter", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for n, r in by.items():
        t = low[did[n]]
        bad += [f"{n}: {v!r} not in the body" for v in page_values(r) if v.lower() not in t]
        golds = [g for k in SINGLE if single_ok(r, k) for g in single_golds(r, k)] + [n]
        bad += [f"{n}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[did[n]], answer_tokens(g))]
    results.append(("every field of the record (and of its front matter) is stated in its page body (every gold "
                    "form as tokens)", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= len(recs) // 3 else ["uneven"]))
    # 4. the QA files
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
    sources = ["It is a CMake module.", "It is in /usr/share/cmake-3.25/Modules.", "It is a find module.",
               "It is a utility module.", "It is documented in reStructuredText."]  # fmt: skip
    for s in items:
        row_of = {r["id"]: r for r in rows[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c21-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("3.12", "FindZLIB", "check_c_source_compiles", "8", "ZLIB::ZLIB",
                                unanswerable_pattern(q)[1]):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            g0 = it.answers[0]
            for g in it.answers:
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "0"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not any(g0.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if not re.fullmatch(r"[\d.%]+", g) and contains_tokens(answer_tokens(it.question),
                                                                                  answer_tokens(g))]
            gold_ok += [f"{it.id}: {t!r} scores correct" for t in sources if is_correct(it, t, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k = q["kind"]
            f = q.get("field", k)
            r = by[name_of[it.evidence[-1]]]
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                gold_ok += [f"{it.id}: the page's other number {x} scores correct" for x in numbers_of(r)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k == "hop-named":
                via = by[q["via"]]
                own = single_golds(via, f) if single_ok(via, f) or f in ("file_lines", "doc_lines") else []
                gold_ok += [f"{it.id}: the first module's {g!r} scores correct" for g in own if is_correct(it, g, False)]
                gold_ok += [f"{it.id}: the first module's name scores correct" for _ in [0]
                            if is_correct(it, via["name"], False)]
            if f in ("target", "other", "command"):
                key = {"target": "imported_targets", "other": "other_variables", "command": "commands"}[f]
                for x in by.values():
                    for v in x[key]:
                        v = v[0] if isinstance(v, list) else v
                        if v != g0 and is_correct(it, v, False):
                            gold_ok.append(f"{it.id}: another module's {v!r} scores correct")
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and k == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                others = [o for o in it.options if o != g0]
                for w in others:
                    for t in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, t, False):
                            cmpw.append(f"{it.id}: {t!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            if it.type in ("reverse", "filter") or k == "hop-named":
                right = name_of[it.evidence[-1]]
                cmpw += [f"{it.id}: {o} scores correct" for o in wby if o != right and is_correct(it, o, False)]
    results += [("ids c21-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question (numbers aside); no bare "
                 "yes/no/none/0 gold; a sentence citing the source, number + 1, the page's other numbers and "
                 "versions, other modules' targets / variables / commands and (chains) the first module's value "
                 "and name score wrong", gold_ok),
                ("wrong options, hedges and other modules' names score wrong (reverse, filter, chains); "
                 "filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    facts = []
    for s in rows:
        for q in rows[s]:
            k = q["kind"]
            if q["type"] == "single_hop" or k == "hop-named":
                f = q.get("field", k)
                n = name_of[q["evidence"][-1]]
                if not single_ok(by[n], f) or q["answers"] != single_golds(by[n], f):
                    facts.append(f"{q['id']}: gold differs from the snapshot")
                if k == "hop-named":
                    via = by[q["via"]]
                    if [m["name"] for m in via["modules_named"]] != [n] or q["target"] != n or \
                            q["evidence"] != [did[q["via"]], did[n]] or q["ref"].lower() not in q["question"].lower() or \
                            q["ref"] not in refs(via):
                        facts.append(f"{q['id']}: the target is not the one module the first page names")
            elif q["type"] == "reverse":
                n = name_of[q["evidence"][0]]
                if q["value"] not in cues(by[n], k) or cue_owners(whole, k, q["value"]) != [n] or \
                        q["answers"] != [n] or q["value"] not in q["question"]:
                    facts.append(f"{q['id']}: the cue does not single out its module")
                if k == "reverse-summary" and not stem_free(n, q["value"]):
                    facts.append(f"{q['id']}: the summary spells the module's name")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = f(by[a]), f(by[b])
                win = a if pick(fa, fb) == fa else b
                if fa is None or fb is None or fa == fb or q["target"] != win or q["options"] != [a, b] or \
                        q["answers"] != [win]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(cond[c][0](by[x]) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != hit or min(each) < 2:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"]:
                    facts.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", facts))
    # 6. split separation, unanswerables

    def pages_of(s):
        out = set()
        for q in rows[s]:
            out |= set(q["evidence"]) | {did[c] for c in q.get("candidates", [])}
            out |= {did[q[k]] for k in ("target", "via") if q.get(k) in by}
            if q["kind"] == "absent-field":
                out.add(did[q["module"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[name_of[p]] != s]
    sep += [f"{g}: a reference group split" for g in groups(recs) if len({sp[n] for n in g}) > 1]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("module") for q in rows[s] if q["kind"] == "absent-module"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent module {m} not of this split" for s in rows for m in ab[s] if m not in ABSENT[s]]
    for s in rows:
        asked = Counter()
        for q in rows[s]:
            if q["type"] == "single_hop":
                asked[(name_of[q["evidence"][0]], q["kind"])] += 1
            if q["kind"] == "hop-named":
                asked[(q["target"], q["field"])] += 1
            if q["type"] == "reverse":
                asked[(name_of[q["evidence"][0]], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by reference group: no page asked about in both "
                    "splits, a fact of a page asked once per split, no absent module in both, no question "
                    "repeated", sep))
    un = []
    for m in absent_names():
        hits = [p for p, t in on_disk.items() if re.search(absent_pattern(m), t)]
        if hits:
            un.append(f"ABSENT {m}: named on {hits[:3]}")
    for s in rows:
        for q in rows[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("module")
            if q["kind"] == "absent-module" and (m not in ABSENT[s] or m not in q["question"]):
                un.append(f"{q['id']}: absent module")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or q["ref"].lower() not in q["question"].lower() or q["ref"] not in refs(by[m])
                                                or (q["field"] in FIND_ONLY_FIELDS and by[m]["kind"] != "find module")):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q)
            flags = 0 if q["kind"] == "absent-module" else re.I
            if not re.search(pat, made_up, flags):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, t in on_disk.items() if re.search(pat, t, flags)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, t, re.I) for t in on_disk.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no page (left-out modules: "
                    "named on no page)", un))
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
