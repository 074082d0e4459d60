"""Build the catalog36 evaluation corpus: CMake 3.25's policies (this machine's cmake).

    PYTHONPATH=src python scripts/build_catalog36.py snapshot [--force]  # cmake --help-policy ... -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog36.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog36.py check               # loader + scorer + fact checks, no cmake, no model

`snapshot` asks this machine's cmake: `cmake --version` (first line), `cmake --help-policy-list` and
`cmake --help-policy <CMPNNNN>` for every policy (the text kept whole), and, for the command, variable, property or
module each catalogued policy concerns (`SUBJECTS`, written by hand from the policy's title), `cmake --help-command`,
`--help-variable`, `--help-property` or `--help-module` (the head of the text) and which folders of
`/usr/share/cmake-3.25/Help` hold its page (`prop_tgt`, `prop_sf`, ...). Written to
`evalsets/catalog36/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force).

`build` parses the snapshot into one record per catalogued policy (title, the version that introduced it, the OLD and
NEW behaviour sentences, whether CMake 3.25.1 warns when it is not set, whether a CMAKE_POLICY_WARNING_CMP<NNNN>
variable controls that warning, whether the text carries the note that the OLD behaviour is deprecated by definition,
whether the choice must be used throughout the tree, other policies it names, the item it concerns), renders one
markdown page per policy, `<folder>/<CMPNNNN>.md`, folders by the kind of item the policy concerns (`commands/`,
`variables/`, `properties/`, `modules/`), YAML front matter and one of three layouts dealt in turn in the order of
sha256("catalog36:layout<id>") within each split: `sheet` (a `| Field | Value |` table), `card` (headed sections of
`- Label: value` bullets) or `prose` (paragraphs whose sentences vary per page). It writes `subjects.csv`, the register
of the items policies concern (kind, the first sentence of its cmake help, the version its help says added it, how many
catalogued policies concern it), and generates dev.jsonl and test.jsonl from the snapshot (seed SEED), then
test.jsonl.sha256.

`check` reads only the snapshot and the committed files (no cmake): renders and generates again and compares byte for
byte, loads the corpus with ragtune's loader, reads both splits with `load_qa`, checks evidence, gold text and tokens,
scoring verdicts (gold alone correct, other options and other policy ids wrong, abstention only on unanswerables), facts
against the snapshot, split separation, that left-out policies and absent fields are on no page, the sha256 and the
type mix; prints PASS/FAIL per check and exits 1 on a failure.
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
OUT = ROOT / "evalsets" / "catalog36"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
HELP_DIR = "/usr/share/cmake-3.25/Help"
SEED = 36
PREFIX = "c36"
HELP_FOLDERS = ["command", "variable", "prop_tgt", "prop_sf", "prop_dir", "module"]
KIND_OF_FOLDER = {"command": "command", "variable": "variable", "prop_tgt": "target property",
                  "prop_sf": "source file property", "prop_dir": "directory property", "module": "module"}
PAGE_FOLDER = {"command": "commands", "variable": "variables", "target property": "properties",
               "source file property": "properties", "directory property": "properties", "module": "modules"}
HELP_OPT = {"command": "--help-command", "variable": "--help-variable", "prop_tgt": "--help-property",
            "prop_sf": "--help-property", "prop_dir": "--help-property", "module": "--help-module"}

# The catalogued policies and the item each concerns: (help name, help folder), written by hand from the title's
# first identifier (or, where the title names none, the command or property its text is about).
SUBJECTS = {
    "CMP0000": ("cmake_minimum_required", "command"), "CMP0004": ("target_link_libraries", "command"),
    "CMP0005": ("add_definitions", "command"), "CMP0006": ("MACOSX_BUNDLE", "prop_tgt"),
    "CMP0007": ("list", "command"), "CMP0009": ("file", "command"), "CMP0011": ("cmake_policy", "command"),
    "CMP0012": ("if", "command"), "CMP0015": ("link_directories", "command"),
    "CMP0021": ("INCLUDE_DIRECTORIES", "prop_tgt"), "CMP0022": ("INTERFACE_LINK_LIBRARIES", "prop_tgt"),
    "CMP0023": ("target_link_libraries", "command"), "CMP0024": ("include", "command"),
    "CMP0025": ("CMAKE_<LANG>_COMPILER_ID", "variable"), "CMP0026": ("LOCATION", "prop_tgt"),
    "CMP0027": ("INTERFACE_INCLUDE_DIRECTORIES", "prop_tgt"), "CMP0029": ("subdir_depends", "command"),
    "CMP0031": ("load_command", "command"), "CMP0033": ("export_library_dependencies", "command"),
    "CMP0036": ("build_name", "command"), "CMP0038": ("target_link_libraries", "command"),
    "CMP0040": ("add_custom_command", "command"), "CMP0041": ("INTERFACE_INCLUDE_DIRECTORIES", "prop_tgt"),
    "CMP0045": ("get_target_property", "command"), "CMP0046": ("add_dependencies", "command"),
    "CMP0047": ("CMAKE_<LANG>_COMPILER_ID", "variable"), "CMP0048": ("project", "command"),
    "CMP0050": ("add_custom_command", "command"), "CMP0051": ("SOURCES", "prop_tgt"),
    "CMP0052": ("INTERFACE_INCLUDE_DIRECTORIES", "prop_tgt"), "CMP0054": ("if", "command"),
    "CMP0055": ("break", "command"), "CMP0056": ("try_compile", "command"), "CMP0057": ("if", "command"),
    "CMP0062": ("install", "command"), "CMP0063": ("<LANG>_VISIBILITY_PRESET", "prop_tgt"),
    "CMP0064": ("if", "command"), "CMP0065": ("ENABLE_EXPORTS", "prop_tgt"), "CMP0066": ("try_compile", "command"),
    "CMP0067": ("try_compile", "command"), "CMP0069": ("INTERPROCEDURAL_OPTIMIZATION", "prop_tgt"),
    "CMP0070": ("file", "command"), "CMP0071": ("AUTOMOC", "prop_tgt"), "CMP0072": ("FindOpenGL", "module"),
    "CMP0074": ("find_package", "command"), "CMP0075": ("CheckIncludeFile", "module"),
    "CMP0076": ("target_sources", "command"), "CMP0077": ("option", "command"),
    "CMP0079": ("target_link_libraries", "command"), "CMP0080": ("BundleUtilities", "module"),
    "CMP0081": ("LINK_DIRECTORIES", "prop_tgt"), "CMP0082": ("add_subdirectory", "command"),
    "CMP0083": ("POSITION_INDEPENDENT_CODE", "prop_tgt"), "CMP0084": ("FindQt", "module"),
    "CMP0086": ("UseSWIG", "module"), "CMP0087": ("install", "command"), "CMP0088": ("FindBISON", "module"),
    "CMP0089": ("CMAKE_<LANG>_COMPILER_ID", "variable"), "CMP0090": ("export", "command"),
    "CMP0091": ("CMAKE_MSVC_RUNTIME_LIBRARY", "variable"), "CMP0092": ("CMAKE_<LANG>_FLAGS", "variable"),
    "CMP0093": ("FindBoost", "module"), "CMP0095": ("INSTALL_RPATH", "prop_tgt"), "CMP0096": ("project", "command"),
    "CMP0097": ("ExternalProject", "module"), "CMP0098": ("FindFLEX", "module"),
    "CMP0099": ("INTERFACE_LINK_OPTIONS", "prop_tgt"), "CMP0101": ("target_compile_options", "command"),
    "CMP0102": ("mark_as_advanced", "command"), "CMP0103": ("export", "command"),
    "CMP0104": ("CMAKE_CUDA_ARCHITECTURES", "variable"), "CMP0106": ("Documentation", "module"),
    "CMP0109": ("find_program", "command"), "CMP0110": ("add_test", "command"),
    "CMP0111": ("IMPORTED_LOCATION", "prop_tgt"), "CMP0114": ("ExternalProject", "module"),
    "CMP0116": ("add_custom_command", "command"), "CMP0117": ("CMAKE_<LANG>_FLAGS", "variable"),
    "CMP0118": ("GENERATED", "prop_sf"), "CMP0119": ("LANGUAGE", "prop_sf"),
    "CMP0120": ("WriteCompilerDetectionHeader", "module"), "CMP0121": ("list", "command"),
    "CMP0130": ("while", "command"), "CMP0131": ("LINK_LIBRARIES", "prop_tgt"), "CMP0133": ("CPack", "module"),
    "CMP0134": ("find_file", "command"), "CMP0135": ("ExternalProject", "module"),
    "CMP0136": ("CMAKE_WATCOM_RUNTIME_LIBRARY", "variable"), "CMP0137": ("try_compile", "command"),
    "CMP0138": ("CheckIPOSupported", "module"), "CMP0139": ("if", "command"), "CMP0140": ("return", "command"),
    "CMP0141": ("CMAKE_MSVC_DEBUG_INFORMATION_FORMAT", "variable"),
}  # fmt: skip
# Read but left out: no page, no register row and no corpus file names them.
ABSENT = {"dev": ["CMP0039", "CMP0060", "CMP0115"], "test": ["CMP0058", "CMP0073", "CMP0142"]}
ABSENT_QUESTIONS = {
    "CMP0039": ["In which CMake version was policy CMP0039 introduced?",
                "Does CMake 3.25.1 warn when a project leaves CMP0039 unset?"],
    "CMP0060": ["What is the NEW behavior of CMake policy CMP0060?"],
    "CMP0115": ["Which CMake item does policy CMP0115 concern?"],
    "CMP0058": ["Which CMake release introduced policy CMP0058?",
                "What does CMake do under the OLD behavior of CMP0058?"],
    "CMP0073": ["What is the title of CMake policy CMP0073?",
                "Is there a CMAKE_POLICY_WARNING variable that controls the warning for CMP0073?"],
    "CMP0142": ["Which CMake version first shipped policy CMP0142?",
                "If CMP0142 is not set, does CMake 3.25.1 print a warning?"],
}  # fmt: skip
# What no page records: (question template, a pattern no corpus file may match, a made-up answer it must match).
ABSENT_FIELDS = {
    "author": ("Who wrote the implementation of CMake policy {n}?",
               r"\bauthor|\bcontribut|\bwritten by\b|\bimplemented by\b", "It was written by a Kitware developer."),
    "issue": ("Which GitLab issue number led to CMake policy {n}?", r"\bissue (?:#|number|no\.? ?\d|\d)|#\d{3,}|\bgitlab\b",
              "CMake issue #18234 on GitLab."),
    "mr": ("Which merge request added {n} to CMake?", r"\bmerge request\b|\b!\d{3,}\b|\bMR ?\d", "Merge request !2140."),
    "date": ("On what date was the CMake release that introduced {n} published?",
             r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b(?:january|february|march|april|june|july|august|september|october|"
             r"november|december)\b|\breleased on\b|\b20[0-2]\d\b", "It was released on 2018-11-20."),
    "removal": ("In which CMake version will the OLD behavior of {n} be removed?",
                r"\bremoved in (?:cmake )?(?:version )?\d|\bwill be removed\b|\bremoval (?:is )?(?:planned|scheduled)",
                "It will be removed in CMake 4.0."),
    "usage": ("How many open-source projects on GitHub set {n} to NEW?",
              r"\bgithub\b|\bopen-source projects\b|\bprojects (?:on|that set)\b", "About 12,000 projects on GitHub."),
    "commit": ("Which commit in the CMake repository introduced {n}?", r"\bcommit\b|\b[0-9a-f]{10,40}\b",
               "Commit 4f1c2b3a9e in the CMake repository."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 3, "test": 4}  # the most questions of one kind per split
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 4, "filter-among": 5}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-policy items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about a register row
DEV_EVERY = (0, 3, 5)
LAYOUTS = ("sheet", "card", "prose")
PAGE_USE = 2  # the most questions one page is evidence for, per split
KIND_CAP = {"cmp-early": 1}  # ids grow with versions: at most one such comparison per split
FOLDERS = ("commands", "variables", "properties", "modules")

# ------------------------------------------------------------------ reading cmake (snapshot only)


def _run(*args: str) -> str:
    import subprocess

    return subprocess.run(list(args), capture_output=True, text=True).stdout


def scan() -> dict:
    import os

    ids = _run("cmake", "--help-policy-list").split()
    policies = {p: _run("cmake", "--help-policy", p) for p in ids}
    subjects = {}
    for name, folder in sorted(set(SUBJECTS.values())):
        fname = name.replace("<LANG>", "LANG")
        where = [f for f in HELP_FOLDERS if os.path.exists(f"{HELP_DIR}/{f}/{fname}.rst")]
        if folder.startswith("prop_"):  # cmake --help-property prints one of several same-named properties
            text = expand_rst(Path(f"{HELP_DIR}/{folder}/{fname}.rst"))
        else:
            text = _run("cmake", HELP_OPT[folder], name)
        subjects[f"{folder}:{name}"] = {"folders": where, "head": "\n".join(text.splitlines()[:60])}
    return {"source": "this machine's cmake: cmake --version, cmake --help-policy-list, cmake --help-policy <id>, "
                      "cmake --help-command|--help-variable|--help-property|--help-module <name>, and the folders of "
                      f"{HELP_DIR} that hold the item's page",
            "cmake": _run("cmake", "--version").splitlines()[0], "policies": policies, "subjects": subjects}


def expand_rst(path: Path) -> str:
    """A property's .rst page with its `.. include::` files read in and `|name|` substitutions applied."""
    text = path.read_text(encoding="utf-8")
    subs = dict(re.findall(r"^\.\. \|([^|]+)\| replace:: (.*)$", text, re.M))
    text = re.sub(r"^\.\. \|[^|]+\| replace:: .*\n", "", text, flags=re.M)
    text = re.sub(r"^\.\. include:: (\S+)$", lambda m: (Path(HELP_DIR + m.group(1)) if m.group(1).startswith("/")
                                                  else path.parent / m.group(1)).read_text(encoding="utf-8"),
                  text, flags=re.M)
    return re.sub(r"\|([^|\s]+)\|", lambda m: subs.get(m.group(1), m.group(0)), text)


def snapshot_text(snap: dict) -> str:
    parts = []
    for k, v in snap.items():
        if isinstance(v, dict):
            body = ",\n".join(f"  {json.dumps(a)}: {json.dumps(b, ensure_ascii=False)}" for a, b in v.items())
            parts.append(f" {json.dumps(k)}: {{\n{body}\n }}")
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to ask this machine's cmake again")
    snap = scan()
    missing = [p for p in list(SUBJECTS) + absent_ids() if p not in snap["policies"]]
    missing += [k for k, x in snap["subjects"].items() if k.split(":")[0] not in x["folders"] or not x["head"]]
    if missing:
        sys.exit(f"not known to this machine's cmake: {missing}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"{snap['cmake']}: {len(snap['policies'])} policies, {len(snap['subjects'])} items")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ parsing


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def clean(s: str) -> str:
    s = re.sub(r":ref:`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", s)
    s = re.sub(r":[a-z]+:`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", s)
    return re.sub(r"\s+", " ", s.replace("``", "").replace("*", "")).strip()


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def paragraphs(text: str) -> list[str]:
    """The paragraphs after the heading, directives (`.. versionadded::` ...) left out."""
    ps = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return [p for p in ps[1:] if not p.strip().startswith("..")]


def sentences(s: str) -> list[str]:
    return re.split(r"(?<=[.:])\s+(?=[A-Z`])", s)


_GENERIC = re.compile(r"CMake version \S+ (?:warns|does)|set it to ``OLD`` or ``NEW``|deprecated by definition")


def behaviour(text: str, which: str) -> str | None:
    body = re.sub(r"^\s*\.\. [\w-]+::.*$", "", text, flags=re.M)  # directive lines (notes) out
    body = re.sub(r"^\s*\* ", "", body, flags=re.M)  # bullet marks out
    for s in sentences(flat(body)):
        if re.match(rf"The ``{which}`` behavior\b", s) and not _GENERIC.search(s) and len(s) < 240:
            return clean(s)
    return None


def version_of(text: str) -> tuple[str, str]:
    m = re.search(r"^\.\. versionadded:: (\S+)", text, re.M)
    if m:
        return m.group(1), "versionadded"
    m = re.search(r"introduced in CMake version (\d+(?:\.\d+)+)", flat(text))
    return (m.group(1), "introduced") if m else ("", "")


def warn_of(text: str) -> str:
    f = flat(text)
    if re.search(r"CMake version \S+ does \*?not\*? warn", f):
        return "no"
    if re.search(r"CMake version \S+ warns when (?:the|this) policy is not set", f):
        return "yes"
    return "not stated"


def subject_name(name: str, folder: str) -> str:
    return f"{name}()" if folder == "command" else name


def row_slug(name: str, folder: str = "command") -> str:
    """The register row id: the name in lower case; an item whose name a command also has (the LINK_DIRECTORIES
    target property beside link_directories()) takes its kind as a suffix."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower().replace("<lang>", "lang")).strip("_")
    clash = folder != "command" and any(f == "command" and n.lower() == name.lower() for n, f in SUBJECTS.values())
    return f"{base}_{KIND_OF_FOLDER[folder].replace(' ', '_')}" if clash else base


def help_summary(head: str) -> tuple[str, str]:
    """(first sentence of the help's first paragraph, the version its leading versionadded note names or '')."""
    lines = head.splitlines()
    body = "\n".join(lines[2:])
    m = re.match(r"\s*\.\. versionadded:: (\S+)", body)
    added = m.group(1) if m else ""
    ps = [p for p in re.split(r"\n\s*\n", body) if p.strip() and not p.strip().startswith("..")
          and not p.startswith(" ") and not sentences(clean(p))[0].endswith(":")
          and not re.search(r"^[-^=~\"]{3,}$", p, re.M)]
    if not ps:  # a module whose text opens with headings and an indented `.. command::` block
        ps = [p for p in re.split(r"\n\s*\n", body) if p.strip() and not p.strip().startswith("..")
              and not re.search(r"^[-^=~\"]{3,}$", p, re.M) and len(p.split()) >= 6]
    first = clean(ps[0]) if ps else ""
    return re.sub(r":$", ".", sentences(first)[0]), added


def make_record(pid: str, snap: dict) -> dict:
    text = snap["policies"][pid]
    ps = paragraphs(text)
    title = sentences(clean(ps[0]))[0] if ps else ""  # the first sentence of the first paragraph
    name, folder = SUBJECTS.get(pid, ("", "command"))
    kind = KIND_OF_FOLDER[folder]
    v, vsrc = version_of(text)
    related = sorted(set(re.findall(r"\bCMP\d{4}\b", text)) - {pid})
    warnvar = f"CMAKE_POLICY_WARNING_{pid}" in text
    return {"id": pid, "title": title, "version": v, "vsrc": vsrc, "old": behaviour(text, "OLD"),
            "new": behaviour(text, "NEW"), "warn": warn_of(text), "warnvar": warnvar,
            "note": "deprecated by definition" in flat(text).replace("``", ""),
            "tree": "throughout the tree" in flat(text), "related": related,
            "subject": subject_name(name, folder), "help": name, "hfolder": folder, "kind": kind,
            "row": row_slug(name, folder),
            "folder": PAGE_FOLDER[kind], "doc": f"{PAGE_FOLDER[kind]}/{pid}"}


_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        _RECS.update(key=id(snap), value=[make_record(p, snap) for p in sorted(SUBJECTS)])
    return _RECS["value"]


def all_records(snap: dict) -> list[dict]:
    """Every policy cmake knows parsed alike (for the uniqueness of titles and behaviour sentences)."""
    if _RECS.get("allkey") != id(snap):
        _RECS.update(allkey=id(snap), all=[make_record(p, snap) for p in snap["policies"]])
    return _RECS["all"]


# ------------------------------------------------------------------ the register


REG_COLUMNS = ["id", "title", "name", "kind", "summary", "added_in", "policies", "policy_ids"]


def register_rows(snap: dict) -> list[dict]:
    recs = records(snap)
    out = {}
    for r in recs:
        if r["row"] in out:
            continue
        summ, added = help_summary(snap["subjects"][f"{r['hfolder']}:{r['help']}"]["head"])
        mine = [x["id"] for x in recs if x["row"] == r["row"]]
        out[r["row"]] = {"id": r["row"], "title": f"{r['subject']} ({r['kind']})", "name": r["subject"],
                         "kind": r["kind"], "summary": summ, "added_in": added or "not stated in its help",
                         "policies": len(mine), "policy_ids": "; ".join(mine)}
    return [out[k] for k in sorted(out)]


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
    return f"subjects#{rid}"


# ------------------------------------------------------------------ splits and layouts


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog36:{salt}{key}".encode()).hexdigest(), 16)


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Within each folder, in the order of sha256("catalog36:<id>"), the pages at places 0, 3 and 5 of every 8
    (counted across folders) go to dev."""
    out, i = {}, 0
    for f in FOLDERS:
        for n in sorted((r["id"] for r in recs if r["folder"] == f), key=_h):
            out[n] = "dev" if i % 8 in DEV_EVERY else "test"
            i += 1
    return out


def split_rows(recs: list[dict]) -> dict[str, str]:
    """A register row goes with the split of the first catalogued policy (lowest id) that concerns it."""
    sp = split_pages(recs)
    out = {}
    for r in recs:
        out.setdefault(r["row"], sp[r["id"]])
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


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def title(r: dict) -> str:
    return f"{r['id']} — CMake 3.25 policy: {r['title']}"


WARN_TEXT = {"yes": "yes: CMake 3.25.1 warns when it is not set and uses OLD behavior",
             "no": "no: CMake 3.25.1 does not warn when it is not set and simply uses OLD behavior",
             "not stated": "not stated in its documentation"}


def concerns_text(r: dict) -> str:
    return f"{r['subject']} (subjects.csv row {r['row']})"


def warnvar_text(r: dict) -> str:
    return (f"yes: the CMAKE_POLICY_WARNING_{r['id']} variable controls the warning" if r["warnvar"]
            else "none mentioned")


def note_text(r: dict) -> str:
    return ("yes: the OLD behavior of a policy is deprecated by definition and may be removed in a future version"
            if r["note"] else "no: its documentation carries no such note")


def tree_text(r: dict) -> str:
    return ("yes: once set at the top of a project, the choice must be used throughout the tree" if r["tree"]
            else "no")


def related_text(r: dict) -> str:
    return and_list(r["related"]) if r["related"] else "none"


def version_text(r: dict) -> str:
    return f"CMake {r['version']}"


def rows(r: dict) -> list[tuple[str, str, str]]:
    S = "Identification"
    out = [(S, "Policy", r["id"]), (S, "Title", r["title"]), (S, "Introduced in", version_text(r)),
           (S, "Concerns", concerns_text(r))]
    S = "Behavior"
    out += [(S, "OLD behavior", r["old"]), (S, "NEW behavior", r["new"])]
    S = "In CMake 3.25.1"
    out += [(S, "Warns when not set", WARN_TEXT[r["warn"]]), (S, "Warning control variable", warnvar_text(r)),
            (S, "OLD behavior deprecation note", note_text(r)), (S, "Same choice throughout the tree", tree_text(r)),
            (S, "Other policies named in its text", related_text(r))]
    return out


def front(r: dict) -> dict:
    return {"policy": r["id"], "introduced": r["version"], "concerns": r["subject"], "warns_when_unset": r["warn"],
            "deprecation_note": r["note"]}


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(snap: dict) -> str:
    return (f"Source: {snap['cmake']}: cmake --help-policy {{id}}; the item's kind, help summary and the version its "
            f"help names are kept in subjects.csv.")


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
    i, t, v, c = r["id"], r["title"], version_text(r), concerns_text(r)
    p1 = [(f"Policy {i} is titled \"{t}\" It was introduced in {v} and concerns {c}.",
           f"Introduced in {v}, policy {i} carries the title \"{t}\" The item it concerns is {c}.",
           f"{i} (\"{t}\") concerns {c}; it was introduced in {v}.")[w % 3]]
    p2 = [(f"OLD behavior: {r['old']} NEW behavior: {r['new']}",
           f"Its documentation states the two behaviors as follows. {r['old']} {r['new']}")[(w >> 2) % 2]]
    p3 = []
    p3.append({"yes": (f"Warns when not set: {WARN_TEXT['yes']}.",
                       f"Left unset, it draws a warning: {WARN_TEXT['yes']}.")[(w >> 3) % 2],
               "no": (f"Warns when not set: {WARN_TEXT['no']}.",
                      f"Unlike most policies it is quiet when left unset ({WARN_TEXT['no']}).")[(w >> 3) % 2],
               "not stated": f"Whether CMake warns when it is not set is {WARN_TEXT['not stated']}."}[r["warn"]])
    p3.append(f"Warning control variable: {warnvar_text(r)}." if r["warnvar"] or (w >> 4) % 2 else
              "No variable to control a warning is mentioned (warning control variable: none mentioned).")
    p4 = [(f"OLD behavior deprecation note: {note_text(r)}.",
           f"As for the usual deprecation note, {note_text(r)}.")[(w >> 5) % 2],
          f"Same choice throughout the tree: {tree_text(r)}.",
          (f"Other policies named in its text: {related_text(r)}.",
           f"Its text names these other policies: {related_text(r)}.")[(w >> 6) % 2]]
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[_LAYOUT[r["id"]]](r)
    return head + body + "\n" + source_line(snap) + "\n"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {f"{r['doc']}.md": render(r, snap) for r in recs}
    out["subjects.csv"] = register_csv(register_rows(snap))
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


CITES = ["See cmake --help-policy.", "The CMake documentation says so.", "The catalogue page says so.",
         "It is a CMake policy.", "Run cmake --help-policy-list to find out."]  # fmt: skip


def gold_safe(question: str, answers: list[str], typ: str) -> bool:
    if not all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers):
        return False
    if any(_ok(question, answers, typ, t) for t in CITES):
        return False
    for g in answers:
        if re.fullmatch(r"-?\d+", g) and _ok(question, answers, typ, str(int(g) + 1)):
            return False
        m = re.fullmatch(r"(\d+)\.(\d+)(?:\.\d+)?", g)
        if m and _ok(question, answers, typ, f"{m.group(1)}.{int(m.group(2)) + 1}"):
            return False
    return True


def ids_safe(question: str, gold: str, snap: dict, typ: str) -> bool:
    """Where a policy id is the answer: every other policy id cmake knows scores wrong."""
    return not any(_ok(question, [gold], typ, p) for p in snap["policies"] if p != gold)


def hedge_safe(question: str, options: list[str], gold: str, typ: str) -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}"]
    return _ok(question, [gold], typ, gold, options) and _ok(question, [gold], typ, f"The answer is {gold}.", options) \
        and not any(_ok(question, [gold], typ, t, options) for t in tries + CITES)


# ------------------------------------------------------------------ questions

# a subject name is asked as an answer only where it is an identifier no common word stands for
def name_ok(n: str) -> bool:
    core = n.rstrip("()")
    return "_" in core or (core[:1].isupper() and len(core) > 6 and core not in ("LANGUAGE", "GENERATED", "LOCATION"))


def short_version(v: str) -> bool:
    """A version that is a fine gold: not one whose tokens are a bare major number ("3.0" reads as "3")."""
    return _atok(v) != ["3"] and _atok(v) != ["2"]


def versions_of(recs: list[dict]) -> Counter:
    return Counter(r["version"] for r in recs)


COND_PHRASE = {
    "nowarn": "does not warn in CMake 3.25.1 when it is left unset",
    "nonote": "lacks the usual note that its OLD behavior is deprecated by definition",
    "warnvar": "names a CMAKE_POLICY_WARNING variable that controls its warning",
    "tree": "requires the same choice throughout a project's tree",
    "related": "names another policy in its text",
    "kind-command": "concerns a command", "kind-module": "concerns a module", "kind-variable": "concerns a variable",
    "kind-property": "concerns a property",
}  # fmt: skip


def cond_value(c: str, r: dict) -> bool:
    if c == "nowarn":
        return r["warn"] == "no"
    if c == "nonote":
        return not r["note"]
    if c == "warnvar":
        return r["warnvar"]
    if c == "tree":
        return r["tree"]
    if c == "related":
        return bool(r["related"])
    if c.startswith("kind-"):
        return r["folder"] == c[5:] + "s" if c != "kind-property" else r["folder"] == "properties"
    if c.startswith("ver:"):
        return r["version"] == c[4:]
    if c.startswith("subj:"):
        return r["row"] == c[5:]
    raise KeyError(c)


def cond_phrase(c: str, reg: dict) -> str:
    if c.startswith("ver:"):
        return f"was introduced in CMake {c[4:]}"
    if c.startswith("subj:"):
        return f"concerns {reg[c[5:]]['name']}"
    return COND_PHRASE[c]


def fact_of(kind: str) -> str:
    return {"cmp-warn": "warn", "nowarn": "warn", "single-warn": "warn", "cmp-note": "note", "nonote": "note",
            "single-note": "note", "cmp-warnvar": "warnvar", "warnvar": "warnvar", "cmp-tree": "tree",
            "tree": "tree", "cmp-early": "version", "intro": "version", "hop-count": "subject",
            "hop-added": "subject", "concerns": "subject", "rev-title": "title", "rev-new": "new",
            "rev-old": "old", "related": "related"}.get(kind, kind)


def single_candidates(r: dict, reg: dict) -> list[dict]:
    i, out = r["id"], []
    if r["version"] and short_version(r["version"]):
        out.append({"kind": "intro", "t": [f"In which CMake version was policy {i} introduced?",
                                           f"Which CMake release introduced policy {i}?",
                                           f"{i} first appeared in which version of CMake?"],
                    "answers": [r["version"]]})
    if name_ok(r["subject"]):
        ans = [r["subject"]] + ([r["subject"][:-2]] if r["subject"].endswith("()") else [])
        out.append({"kind": "concerns", "t": [f"Which CMake command, variable, property or module does policy {i} "
                                              f"concern?",
                                              f"Policy {i} is about which CMake item?",
                                              f"What CMake item does the title of policy {i} refer to?"],
                    "answers": ans})
    if r["warn"] in ("yes", "no"):
        out.append({"kind": "single-warn", "t": [f"Does CMake 3.25.1 warn when policy {i} is not set?",
                                                 f"If a project leaves {i} unset, does CMake 3.25.1 print a warning?",
                                                 f"Is there a warning from CMake 3.25.1 when {i} is left unset?"],
                    "answers": [r["warn"]], "options": ["yes", "no"]})
    out.append({"kind": "single-note", "t": [f"Does the documentation of {i} carry the note that the OLD behavior is "
                                             f"deprecated by definition?",
                                             f"Is policy {i} documented with the usual note that its OLD behavior is "
                                             f"deprecated by definition?"],
                "answers": ["yes" if r["note"] else "no"], "options": ["yes", "no"]})
    if r["tree"]:
        out.append({"kind": "tree", "t": [f"Must the choice for policy {i} be used throughout a project's tree?",
                                          f"Once {i} takes effect at the top of a project, must that choice be used "
                                          f"throughout the tree?"],
                    "answers": ["yes"], "options": ["yes", "no"]})
    if len(r["related"]) == 1 and r["related"][0] in SUBJECTS:
        out.append({"kind": "related", "t": [f"Which other policy does the text of {i} name?",
                                             f"The documentation of {i} refers to one other policy. Which one?"],
                    "answers": [r["related"][0]], "pid": True})
    return out


def reg_candidates(x: dict) -> list[dict]:
    n, out = x["name"], []
    if x["added_in"][:1].isdigit() and short_version(x["added_in"]):
        out.append({"kind": "reg-added", "t": [f"According to its help, in which CMake version was {n} added?",
                                               f"Which CMake version added the {x['kind']} {n}?"],
                    "answers": [x["added_in"]]})
    if x["policies"] >= 2:
        out.append({"kind": "reg-count", "t": [f"How many policies in this catalogue concern {n}?",
                                               f"How many of the catalogued CMake policies are about {n}?"],
                    "answers": [str(x["policies"])]})
    return out


CMP = {  # kind: (applies, wins, templates)
    "cmp-warn": (lambda r: r["warn"] in ("yes", "no"), lambda r: r["warn"] == "yes",
                 ["Which of {a} and {b} makes CMake 3.25.1 warn when it is left unset?",
                  "Left unset, which policy draws a warning from CMake 3.25.1: {a} or {b}?"]),
    "cmp-note": (lambda r: True, lambda r: not r["note"],
                 ["Which of {a} and {b} lacks the note that its OLD behavior is deprecated by definition?",
                  "One of {a} and {b} is documented without the usual OLD-behavior deprecation note. Which one?"]),
    "cmp-warnvar": (lambda r: r["warn"] == "no", lambda r: r["warnvar"],
                    ["Which of {a} and {b} names a CMAKE_POLICY_WARNING variable to turn its warning on?",
                     "For which policy can a CMAKE_POLICY_WARNING variable control the warning: {a} or {b}?"]),
    "cmp-early": (lambda r: bool(r["version"]), None,
                  ["Which policy was introduced in an earlier CMake version, {a} or {b}?",
                   "Which came first in CMake's history, policy {a} or policy {b}?"]),
    "cmp-tree": (lambda r: True, lambda r: r["tree"],
                 ["Which of {a} and {b} requires the same choice throughout a project's tree?",
                  "For which policy must the choice be used throughout the tree: {a} or {b}?"]),
}  # fmt: skip


def vkey(v: str) -> tuple:
    return tuple(int(x) for x in v.split("."))


def cmp_winner(k: str, a: dict, b: dict) -> dict | None:
    if k == "cmp-early":
        if _atok(a["version"]) == _atok(b["version"]):
            return None
        return a if vkey(a["version"]) < vkey(b["version"]) else b
    win = CMP[k][1]
    if win(a) == win(b):
        return None
    return a if win(a) else b


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


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    allr = all_records(snap)
    by = {r["id"]: r for r in recs}
    sp = split_pages(recs)
    sr = split_rows(recs)
    reg = reg_by(snap)
    seen_q: set = set()
    out = {}
    titles = Counter(r["title"].lower() for r in allr)
    news = Counter((r["new"] or "").lower() for r in allr)
    olds = Counter((r["old"] or "").lower() for r in allr)
    summaries = Counter(x["summary"].lower() for x in reg.values())
    for s in ("dev", "test"):
        rng = random.Random(f"{SEED}:{s}")
        pages = [r for r in recs if sp[r["id"]] == s]
        rws = [reg[k] for k in reg if sr[k] == s]
        used: set = set()
        items: list[dict] = []
        yesno: Counter = Counter()  # answers of yes/no items, kept even
        kinds_n: Counter = Counter()
        page_use: Counter = Counter()

        def take(q: dict, typ: str) -> bool:
            facts = q.get("facts", [])
            qt = " ".join(_atok(q["question"]))
            if qt in seen_q:
                return False
            if any(f in used for f in facts):
                return False
            if any(page_use[e] >= PAGE_USE for e in q["evidence"] if "#" not in e):
                return False
            if q.get("options") == ["yes", "no"]:
                a = q["answers"][0]
                if yesno[a] > yesno["no" if a == "yes" else "yes"]:
                    return False
            if typ != "unanswerable":
                if q.get("options"):
                    if not hedge_safe(q["question"], q["options"], q["answers"][0], typ):
                        return False
                elif not gold_safe(q["question"], q["answers"], typ):
                    return False
                if q.pop("pid", False) and not ids_safe(q["question"], q["answers"][0], snap, typ):
                    return False
            q.pop("pid", None)
            seen_q.add(qt)
            if q.get("options") == ["yes", "no"]:
                yesno[q["answers"][0]] += 1
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
                    while pools[k] and kinds_n[k] < KIND_CAP.get(k, cap):
                        q = pools[k].pop()
                        if take(q, typ):
                            got += 1
                            progress = True
                            break
                if not progress:
                    sys.exit(f"{s}: cannot find {n} {typ} questions (got {got})")

        # multi-hop: page -> register row
        rid_ok = {x["id"] for x in rws}
        pools: dict[str, list[dict]] = {}
        for r in pages:
            if r["row"] not in rid_ok:
                continue
            x = reg[r["row"]]
            i = r["id"]
            if x["added_in"][:1].isdigit() and short_version(x["added_in"]):
                t = rng.choice([f"Policy {i} concerns one CMake item. In which CMake version was that item added, "
                                f"according to its help?",
                                f"Which CMake version added the command, variable, property or module that policy {i} "
                                f"is about?"])
                pools.setdefault("hop-added", []).append(
                    {"question": t, "answers": [x["added_in"]], "evidence": [r["doc"], row_id(x["id"])],
                     "kind": "hop-added", "ref": i, "via": x["id"],
                     "facts": [("row", x["id"], "added"), (i, "subject")]})
            if x["policies"] >= 2:
                t = rng.choice([f"How many policies in this catalogue concern the same CMake item as {i}, {i} "
                                f"included?",
                                f"Policy {i} concerns one CMake item. How many catalogued policies, {i} among them, "
                                f"concern that item?"])
                pools.setdefault("hop-count", []).append(
                    {"question": t, "answers": [str(x["policies"])], "evidence": [r["doc"], row_id(x["id"])],
                     "kind": "hop-count", "ref": i, "via": x["id"],
                     "facts": [("row", x["id"], "count"), (i, "subject")]})
        fill(pools, "multi_hop", WANT[s]["multi_hop"], 2 if s == "dev" else 3)
        # filter
        vc = versions_of(recs)
        conds = list(COND_PHRASE) + [f"ver:{v}" for v in sorted(vc, key=vkey) if vc[v] >= 2] + \
            [f"subj:{k}" for k in sorted(reg) if reg[k]["policies"] >= 2]
        cnt = {c: sum(cond_value(c, r) for r in recs) for c in conds}
        pools = {"filter": [], "filter-among": []}
        for a, c1 in enumerate(conds):
            for c2 in conds[a + 1:]:
                if c1.split(":")[0] == c2.split(":")[0] and ":" in c1:
                    continue
                if c1.startswith("kind-") and c2.startswith(("kind-", "subj:")):
                    continue
                hit = [r for r in recs if cond_value(c1, r) and cond_value(c2, r)]
                if len(hit) != 1 or sp[hit[0]["id"]] != s or min(cnt[c1], cnt[c2]) < 2:
                    continue
                h = hit[0]
                if c2.startswith("ver:") and not c1.startswith("ver:"):
                    c1, c2 = c2, c1
                p1, p2 = cond_phrase(c1, reg), cond_phrase(c2, reg)
                if c1.startswith("ver:"):
                    t = rng.choice([f"Which policy introduced in CMake {c1[4:]} {p2}?",
                                    f"Name the one catalogued policy from CMake {c1[4:]} that {p2}.",
                                    f"Among the policies CMake {c1[4:]} introduced, which one {p2}?"])
                else:
                    t = rng.choice([f"Which policy in this catalogue {p1} and {p2}?",
                                    f"Name the one catalogued CMake policy that {p1} and {p2}.",
                                    f"Of the policies catalogued here, which one {p1} and also {p2}?"])
                pools["filter"].append({"question": t, "answers": [h["id"]], "evidence": [h["doc"]],
                                        "kind": "filter", "where": {c1: True, c2: True}, "candidates": [h["id"]],
                                        "pid": True, "facts": [("cond", c1), ("cond", c2), (h["id"], "filter"),
                                                                 (h["id"], fact_of(c1)), (h["id"], fact_of(c2))]})
        for c in list(COND_PHRASE):
            yes = [r for r in pages if cond_value(c, r)]
            no = [r for r in pages if not cond_value(c, r)]
            if not yes or len(no) < 3:
                continue
            for _ in range(3):
                w = rng.choice(yes)
                opts = rng.sample(no, 3)
                opts.insert(rng.randrange(4), w)
                names = [o["id"] for o in opts]
                t = rng.choice([f"Among {and_list(names)}, which policy {COND_PHRASE[c]}?",
                                f"Which of these policies {COND_PHRASE[c]}: {', '.join(names)}?"])
                pools["filter-among"].append({"question": t, "answers": [w["id"]], "evidence": [w["doc"]],
                                              "options": names, "kind": "filter-among", "where": {c: True},
                                              "candidates": names,
                                              "facts": [("cond", c), (w["id"], "filter"), (w["id"], fact_of(c))]})
        rng.shuffle(pools["filter"])
        safe = [q for q in pools["filter"] if gold_safe(q["question"], q["answers"], "filter")
                and ids_safe(q["question"], q["answers"][0], snap, "filter")]
        chosen = pick_disjoint(safe, FILTER_MIX[s]["filter"], used)
        if chosen is None:
            sys.exit(f"{s}: no {FILTER_MIX[s]['filter']} filter questions with conditions of their own")
        for q in chosen:
            take(q, "filter")
        fill({"filter-among": pools["filter-among"]}, "filter", FILTER_MIX[s]["filter-among"],
             FILTER_MIX[s]["filter-among"])
        # reverse
        pools = {"rev-title": [], "rev-new": [], "rev-old": []}
        for r in pages:
            i = r["id"]
            if titles[r["title"].lower()] == 1 and len(r["title"].split()) >= 4:
                t = rng.choice([f"Which CMake policy is titled \"{r['title']}\"?",
                                f"The CMake 3.25 policy whose title reads \"{r['title']}\" has which id?"])
                pools["rev-title"].append({"question": t, "answers": [i], "evidence": [r["doc"]], "kind": "rev-title",
                                           "ref": i, "pid": True, "facts": [(i, "title")]})
            for which, cnts in (("new", news), ("old", olds)):
                sent = r[which]
                m = re.match(rf"The {which.upper()} behavior (?:for|of) this policy is (to .*)\.$", sent)
                if cnts[sent.lower()] != 1 or not m or len(m.group(1).split()) < 7 or "above" in sent:
                    continue
                W = which.upper()
                t = rng.choice([f"Which CMake policy's {W} behavior is {m.group(1)}?",
                                f"Under which policy is CMake's {W} behavior {m.group(1)}?"])
                pools[f"rev-{which}"].append({"question": t, "answers": [i], "evidence": [r["doc"]],
                                              "kind": f"rev-{which}", "ref": i, "pid": True, "facts": [(i, which)]})
        for x in rws:
            if summaries[x["summary"].lower()] == 1 and name_ok(x["name"]) and len(x["summary"].split()) >= 4:
                t = rng.choice([f"Which CMake {x['kind']} does its help describe as \"{x['summary']}\"?",
                                f"The register of items describes one {x['kind']} as \"{x['summary']}\" Which one?"])
                ans = [x["name"]] + ([x["name"][:-2]] if x["name"].endswith("()") else [])
                pools.setdefault("rev-row", []).append({"question": t, "answers": ans, "evidence": [row_id(x["id"])],
                                                        "kind": "rev-row", "row": x["id"],
                                                        "facts": [("row", x["id"], "summary")]})
        fill(pools, "reverse", WANT[s]["reverse"], CAP[s])
        # comparison
        pools = {k: [] for k in CMP}
        for k, (app, _, ts) in CMP.items():
            cand = [r for r in pages if app(r)]
            for _ in range(60):
                if len(cand) < 2:
                    break
                a, b = rng.sample(cand, 2)
                w = cmp_winner(k, a, b)
                if w is None:
                    continue
                t = rng.choice(ts).format(a=a["id"], b=b["id"])
                pools[k].append({"question": t, "answers": [w["id"]], "evidence": [a["doc"], b["doc"]],
                                 "options": [a["id"], b["id"]], "kind": k, "candidates": [a["id"], b["id"]],
                                 "target": w["id"], "facts": [(a["id"], fact_of(k)), (b["id"], fact_of(k))]})
        fill(pools, "comparison", WANT[s]["comparison"], 2 if s == "dev" else 3)
        # single-hop: register rows, then pages
        pools = {}
        for x in rws:
            for q in reg_candidates(x):
                q.update(question=rng.choice(q.pop("t")), evidence=[row_id(x["id"])], row=x["id"],
                         facts=[("row", x["id"], q["kind"][4:])])
                pools.setdefault(q["kind"], []).append(q)
        fill(pools, "single_hop", REG_PER_SPLIT[s], 2)
        pools = {}
        for r in pages:
            for q in single_candidates(r, reg):
                q.update(question=rng.choice(q.pop("t")), evidence=[r["doc"]], ref=r["id"])
                q.setdefault("facts", []).append((r["id"], fact_of(q["kind"])))
                pools.setdefault(q["kind"], []).append(q)
        fill(pools, "single_hop", WANT[s]["single_hop"] - REG_PER_SPLIT[s], 6 if s == "dev" else 8)
        # unanswerable
        for m in ABSENT[s]:
            for t in ABSENT_QUESTIONS[m]:
                items.append({"question": t, "answers": [], "type": "unanswerable", "evidence": [],
                              "kind": "absent-policy", "entry": m})
        fields = list(ABSENT_FIELDS)
        rng.shuffle(fields)
        nf = WANT[s]["unanswerable"] - ABSENT_MIX[s]
        for f, r in zip(fields[:nf], rng.sample(pages, nf)):
            items.append({"question": ABSENT_FIELDS[f][0].format(n=r["id"]), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-field", "field": f, "entry": r["id"]})
        rng.shuffle(items)
        rows_ = []
        for n, q in enumerate(items, 1):
            q.pop("facts", None)
            row = {"id": f"{PREFIX}-{s}-{n:03d}", "question": q.pop("question"), "answers": q.pop("answers"),
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
    bad = [r["id"] for r in records(snap) if not (r["title"] and r["version"] and r["old"] and r["new"])]
    if bad:
        sys.exit(f"policies whose title, version, OLD or NEW sentence cannot be read: {bad}")
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
    print(f"{len(pages) - 1} pages and subjects.csv; dev {len(qs['dev'])}, test {len(qs['test'])} questions")


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


def name_pattern(pid: str) -> str:
    """A left-out policy's id as it could be written: CMP0058, CMP58, CMP 0058, policy 58 ..."""
    n = int(pid[3:])
    return rf"(?<![\w-])CMP[ _-]?0*{n}(?!\d)|\bpolicy (?:no\.? |number )?0*{n}\b"


def truth(q: dict, snap: dict, by: dict, reg: dict) -> list[str] | None:
    k = q["kind"]
    if k in ("hop-added", "hop-count"):
        r = by[q["ref"]]
        if r["row"] != q["via"]:
            return None
        x = reg[q["via"]]
        return [x["added_in"]] if k == "hop-added" else [str(x["policies"])]
    if k == "reg-added":
        return [reg[q["row"]]["added_in"]]
    if k == "reg-count":
        return [str(reg[q["row"]]["policies"])]
    if k == "rev-row":
        n = reg[q["row"]]["name"]
        return [n] + ([n[:-2]] if n.endswith("()") else [])
    if k in ("rev-title", "rev-new", "rev-old"):
        return [q["ref"]]
    if k in CMP:
        a, b = (by[x] for x in q["candidates"])
        w = cmp_winner(k, a, b)
        return [w["id"]] if w else None
    if k == "filter":
        hit = [r for r in records(snap) if all(cond_value(c, r) for c in q["where"])]
        return [hit[0]["id"]] if len(hit) == 1 else None
    if k == "filter-among":
        (c, _), = q["where"].items()
        hit = [x for x in q["candidates"] if cond_value(c, by[x])]
        return hit if len(hit) == 1 else None
    r = by[q["ref"]]
    for cand in single_candidates(r, reg):
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
    by = {r["id"]: r for r in recs}
    doc2 = {r["doc"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows(recs)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and subjects.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot
    bad = []
    names = list(SUBJECTS) + absent_ids()
    bad += [f"{x}: listed twice" for x, c in Counter(names).items() if c > 1]
    bad += [f"{x}: not known to the snapshot's cmake" for x in names if x not in snap["policies"]]
    bad += [f"{x}: left out and catalogued" for x in absent_ids() if x in SUBJECTS]
    for r in recs:
        if not (r["title"] and r["version"] and r["old"] and r["new"]):
            bad.append(f"{r['id']}: title, version, OLD or NEW sentence missing")
        t = snap["policies"][r["id"]]
        m = re.search(r"introduced in CMake version (\d+(?:\.\d+)+)", flat(t))
        if r["vsrc"] == "versionadded" and m and _atok(m.group(1)) != _atok(r["version"]):
            bad.append(f"{r['id']}: versionadded {r['version']} but 'introduced in' {m.group(1)}")
        key = next(f"{f}:{n}" for n, f in [SUBJECTS[r["id"]]])
        if key.split(":")[0] not in snap["subjects"][key]["folders"]:
            bad.append(f"{r['id']}: {key} has no page in that help folder")
    rid: dict[str, set] = {}
    for n, f in SUBJECTS.values():
        rid.setdefault(row_slug(n, f), set()).add((n, f))
    bad += [f"register row id {k} shared by {sorted(v)}" for k, v in rid.items() if len(v) > 1]
    results.append((f"the snapshot is whole ({snap['cmake']}: {len(snap['policies'])} policies, "
                    f"{len(snap['subjects'])} items); catalogued and left-out policies known, none both; every record "
                    f"has a title, a version (versionadded agreeing with 'introduced in'), OLD and NEW sentences; "
                    f"every item has a help page in its folder and a register row of its own", bad))
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
    want_ids = set(doc2) | {row_id(k) for k in reg}
    bad += [] if set(docs) == want_ids else [f"ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [f"{i}: title or front matter" for i, r in doc2.items()
            if i in docs and (docs[i].title != title(r) or docs[i].metadata != normalize_metadata(front(r)))]
    for r in recs:
        body = docs[r["doc"]].text.lower() if r["doc"] in docs else ""
        for _, label, value in rows(r):
            if value.lower() not in body and not (_LAYOUT[r["id"]] == "sheet" and cell(value).lower() in body):
                bad.append(f"{r['id']}: {label} value {value!r} not in the body")
    for k, x in reg.items():
        t = docs[row_id(k)].text if row_id(k) in docs else ""
        bad += [f"{k}: column {c} not in its row" for c in REG_COLUMNS[2:] if str(x[c]) not in t]
    lay = Counter(_LAYOUT.values())
    bad += [] if max(lay.values()) - min(lay.values()) <= 2 else [f"layouts uneven {dict(lay)}"]
    results.append((f"the corpus loads {len(docs)} documents ({len(doc2)} pages, {len(reg)} register rows) with "
                    f"titles and front matter; every value of a record in its page body; every register column in "
                    f"its row; layouts {dict(lay)}", bad))
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
    results.append(("load_qa reads both splits against the corpus ids; ids unique and of their split; evidence "
                    "exists (two documents on chains, none on unanswerables); unanswerables have no answers; golds "
                    "among options", bad))
    # 5. gold in evidence, scoring
    bad, sc = [], []
    for s in rows_:
        for q in rows_[s]:
            typ, golds = q["type"], q["answers"]
            if typ == "unanswerable":
                if not _ok(q["question"], [], typ, "The documents do not say."):
                    sc.append(f"{q['id']}: abstention scores wrong")
                if _ok(q["question"], [], typ, "It was introduced in CMake 3.12."):
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
            if re.fullmatch(r"CMP\d{4}", golds[0]) and not q.get("options") and \
                    not ids_safe(q["question"], golds[0], snap, typ):
                sc.append(f"{q['id']}: another policy id scores correct")
            if typ == "multi_hop" and _ok(q["question"], golds, typ, docs[q["evidence"][0]].text[:400]):
                sc.append(f"{q['id']}: the first document alone scores correct")
    results.append(("every gold occurs (as text and as accuracy tokens) in an evidence document (the last, on "
                    "chains) and not inside its question", bad))
    results.append(("scoring: gold alone and in a sentence correct; citations, a number or version plus one, wrong "
                    "options, hedges and every other policy id wrong; abstention correct exactly on unanswerables",
                    sc))
    # 6. facts
    bad = []
    for s in rows_:
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            t = truth(q, snap, by, reg)
            if t is None or t != q["answers"]:
                bad.append(f"{q['id']}: gold {q['answers']} but the snapshot gives {t}")
    results.append(("facts agree with snapshot.json (versions, subjects, warnings, notes, register counts and "
                    "versions, chains page -> row, comparison winners, filters single out their answer)", bad))
    # 7. split separation
    bad = []
    for s in rows_:
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in doc2 and sp[doc2[e]["id"]] != s:
                    bad.append(f"{q['id']}: page {e} of the other split")
                if e.startswith("subjects#") and sr[e.split("#")[1]] != s:
                    bad.append(f"{q['id']}: row {e} of the other split")
            for x in q.get("candidates", []):
                if q["kind"] != "filter" and sp[x] != s:
                    bad.append(f"{q['id']}: candidate {x} of the other split")
            if q["kind"] == "absent-field" and sp[q["entry"]] != s:
                bad.append(f"{q['id']}: asks of a page of the other split")
            if q["kind"] == "absent-policy" and q["entry"] not in ABSENT[s]:
                bad.append(f"{q['id']}: left-out policy of the other split")
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
                facts[(q["ref"], fact_of(k))] += 1
            if k in CMP:
                for x in q["candidates"]:
                    facts[(x, fact_of(k))] += 1
            if "via" in q or "row" in q:
                facts[(q.get("via") or q["row"], k.split("-")[-1])] += 1
        bad += [f"{s}: fact {f} asked {n} times" for f, n in facts.items() if n > 1]
    results.append((f"splits: pages {sum(v == 'dev' for v in sp.values())} dev / "
                    f"{sum(v == 'test' for v in sp.values())} test by hash within folders, register rows with their "
                    f"first policy's page; no question uses a page or row of the other split; no question in both; a "
                    f"fact once per split", bad))
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
            if q["kind"] == "absent-policy" and not re.search(name_pattern(q["entry"]), q["question"]):
                bad.append(f"{q['id']}: does not name its left-out policy")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or q["entry"] not in q["question"]):
                bad.append(f"{q['id']}: absent field")
    results.append(("unanswerables: left-out policies named in no corpus file (any spelling of the id); every "
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
