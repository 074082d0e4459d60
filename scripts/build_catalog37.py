"""Build the catalog37 evaluation corpus: git 2.39's own commands (this machine's git and its man pages).

    PYTHONPATH=src python scripts/build_catalog37.py snapshot [--force]  # git help -a, man git-<cmd> -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog37.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog37.py check               # loader + scorer + fact checks, no git, no man

`snapshot` asks this machine's git and man: `git --version`, `git help -a` (kept whole: the group headings and the
one-line summary of every command), the names of the `/usr/share/man/man1/git-*.1.gz` pages, and for every catalogued
and left-out command `man -P cat git-<cmd>` (MANWIDTH=1000, so that a paragraph is one line), of which it keeps the
NAME, SYNOPSIS and DESCRIPTION sections (the first three paragraphs of DESCRIPTION) and, of OPTIONS and
CONFIGURATION, the entry lines and each entry's first paragraph. Written to `evalsets/catalog37/snapshot.json`
(committed; `snapshot` refuses to overwrite it without --force).

`build` parses the snapshot into one record per catalogued command (its summary, group, porcelain or plumbing, the
first sentence of its DESCRIPTION, the first line of its SYNOPSIS, its option entries and the option names they
spell, up to four options with the first sentence of what each does, the configuration variables its CONFIGURATION
section lists), renders one markdown page per command, `<group>/git-<cmd>.md`, with YAML front matter and one of
three layouts dealt in turn in the order of sha256("catalog37:layout<cmd>") within each split: `sheet` (a
`| Field | Value |` table), `card` (headed sections of `- Label: value` bullets) or `prose` (paragraphs whose
sentences vary per page). It writes `groups.csv`, the register of the command groups (heading as `git help -a`
prints it, porcelain or plumbing, what it is for, how many commands git help -a lists under it, how many of them have
a man page here, how many are catalogued), and generates dev.jsonl and test.jsonl from the snapshot (seed SEED),
then test.jsonl.sha256.

`check` reads only the snapshot and the committed files (no git, no man): renders and generates again and compares
byte for byte, loads the corpus with ragtune's loader, reads both splits with `load_qa`, checks evidence, gold text
and tokens, scoring verdicts (gold alone correct, other options and other command names wrong, abstention only on
unanswerables), facts against the snapshot, split separation, that left-out commands and absent fields are on no
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
OUT = ROOT / "evalsets" / "catalog37"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
MAN_DIR = "/usr/share/man/man1"
SEED = 37
PREFIX = "c37"

# The command groups of `git help -a` that hold commands: register row id, level, what it is for (written by hand).
GROUPS = {
    "Main Porcelain Commands": ("main-porcelain", "porcelain", "the everyday high-level commands"),
    "Ancillary Commands / Manipulators": ("ancillary-manipulators", "porcelain",
                                          "high-level helpers that change configuration, refs and packs"),
    "Ancillary Commands / Interrogators": ("ancillary-interrogators", "porcelain",
                                           "high-level helpers that inspect and verify a repository"),
    "Interacting with Others": ("interacting-with-others", "porcelain",
                                "exchanging patches and history with other people and systems"),
    "Low-level Commands / Manipulators": ("low-level-manipulators", "plumbing",
                                          "plumbing that writes objects, the index and refs"),
    "Low-level Commands / Interrogators": ("low-level-interrogators", "plumbing",
                                           "plumbing that reads and compares objects, trees and refs"),
    "Low-level Commands / Syncing Repositories": ("low-level-syncing", "plumbing",
                                                  "plumbing that serves and transfers repositories"),
    "Low-level Commands / Internal Helpers": ("low-level-helpers", "plumbing",
                                              "small helpers used by other git commands and scripts"),
}  # fmt: skip
CATALOGUED = {
    "main-porcelain": ["add", "am", "archive", "bisect", "branch", "bundle", "cherry-pick", "clean", "clone",
                       "commit", "describe", "fetch", "format-patch", "gc", "grep", "init", "maintenance", "merge",
                       "mv", "notes", "push", "rebase", "restore", "stash", "worktree"],
    "ancillary-manipulators": ["config", "fast-export", "fast-import", "mergetool", "pack-refs", "prune", "reflog",
                               "remote", "repack", "replace"],
    "ancillary-interrogators": ["annotate", "blame", "bugreport", "count-objects", "diagnose", "difftool", "fsck",
                                "instaweb", "merge-tree", "rerere", "verify-commit", "verify-tag"],
    "interacting-with-others": ["imap-send", "quiltimport", "request-pull"],
    "low-level-manipulators": ["apply", "commit-graph", "commit-tree", "hash-object", "index-pack", "merge-file",
                               "multi-pack-index", "pack-objects", "read-tree", "symbolic-ref", "update-index",
                               "update-ref"],
    "low-level-interrogators": ["cat-file", "diff-files", "diff-tree", "for-each-ref", "for-each-repo", "ls-files",
                                "ls-remote", "ls-tree", "merge-base", "rev-list", "show-ref", "verify-pack"],
    "low-level-syncing": ["daemon", "fetch-pack", "http-backend", "send-pack", "update-server-info"],
    "low-level-helpers": ["check-attr", "check-ignore", "check-mailmap", "check-ref-format", "credential-cache",
                          "credential-store", "interpret-trailers", "mailinfo", "mailsplit", "patch-id",
                          "stripspace"],
}  # fmt: skip
# Read but left out: no page, no register row and no corpus file names them.
ABSENT = {"dev": ["whatchanged", "mktree", "get-tar-commit-id"], "test": ["show-branch", "pack-redundant",
                                                                           "fmt-merge-msg"]}
ABSENT_QUESTIONS = {
    "whatchanged": ["What is the one-line summary of git whatchanged?",
                    "Is git whatchanged a porcelain or a plumbing command?"],
    "mktree": ["How many option entries does the man page of git mktree document?"],
    "get-tar-commit-id": ["Under which group does git help -a list git get-tar-commit-id?"],
    "show-branch": ["What does git help -a give as the summary of git show-branch?",
                    "How many configuration variables does the man page of git show-branch list?"],
    "pack-redundant": ["Is git pack-redundant porcelain or plumbing?",
                       "Does the man page of git pack-redundant document a --verbose option?"],
    "fmt-merge-msg": ["Which configuration variables does git fmt-merge-msg read?",
                      "How many options does the man page of git fmt-merge-msg document?"],
}  # fmt: skip
# What no page records: (question template, a pattern no corpus file may match, a made-up answer it must match).
ABSENT_FIELDS = {
    "author": ("Who wrote the first version of git {n}?",
               r"\bwritten by\b|\bjunio\b|\btorvalds\b|\bhamano\b|\boriginally by\b|\bmaintained by\b",
               "It was written by Junio Hamano."),
    "release": ("In which Git release did git {n} first appear?",
                r"\b(?:first )?(?:appeared|added|introduced|shipped) in (?:git )?(?:version )?v?\d|\bgit v?1\.\d",
                "It first appeared in Git 1.5.3."),
    "source": ("Which C source file implements git {n}?",
               r"\bbuiltin/|\b[\w-]+\.c\b|\bsource file\b", "It is implemented in builtin/gc.c."),
    "year": ("In which year was git {n} added to Git?", r"\b(?:19|20)\d\d\b", "It was added in 2007."),
    "loc": ("How many lines of C code implement git {n}?", r"\blines of (?:c )?code\b|\bsloc\b",
            "About 1,200 lines of C code."),
    "license": ("Under which license is the git {n} man page published?", r"\blicen[cs]e|\bgpl\b|\bcreative commons\b",
                "It is published under the GPL-2.0 license."),
    "translations": ("Into how many languages has the man page of git {n} been translated?",
                     r"\btranslat|\blanguages\b", "It has been translated into 7 languages."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 3, "test": 4}  # the most questions of one kind per split
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 4, "filter-among": 5}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-command items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about a register row
ROW_SPLIT = {"dev": ["ancillary-manipulators", "low-level-manipulators", "low-level-helpers"]}  # the rest: test
DEV_EVERY = (0, 3, 5)
LAYOUTS = ("sheet", "card", "prose")
PAGE_USE = 2  # the most questions one page is evidence for, per split
N_SHOWN = 4  # options shown with what they do
FOLDERS = [v[0] for v in GROUPS.values()]

# ------------------------------------------------------------------ reading git and man (snapshot only)


def _run(*args: str) -> str:
    import os
    import subprocess

    env = dict(os.environ, MANWIDTH="1000", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env.pop("MAN_KEEP_FORMATTING", None)
    return subprocess.run(list(args), capture_output=True, text=True, env=env).stdout


KEEP = ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "CONFIGURATION")


def trim_man(text: str) -> dict[str, str]:
    """The kept sections of a rendered man page: NAME, SYNOPSIS, the first three paragraphs of DESCRIPTION, and of
    OPTIONS and CONFIGURATION the blocks that open less than 11 columns in (entries with their first paragraph,
    sub-headings, the section's own paragraphs); the page's unindented header and footer lines are left out."""
    secs: dict[str, list[str]] = {}
    cur = None
    for line in text.splitlines():
        if re.fullmatch(r"[A-Z][A-Z0-9 /,'-]*", line.rstrip()):
            cur = line.strip()
            continue
        if cur in KEEP and (not line.strip() or line.startswith(" ")):
            secs.setdefault(cur, []).append(line.rstrip())
    out = {}
    for name, lines in secs.items():
        paras = [p for p in "\n".join(lines).strip("\n").split("\n\n") if p.strip()]
        if name == "DESCRIPTION":
            paras = paras[:3]
        elif name in ("OPTIONS", "CONFIGURATION"):
            paras = [p for p in paras if len(p) - len(p.lstrip(" ")) < 11]
        out[name] = "\n\n".join(paras)
    return out


def scan() -> dict:
    import os

    helpa = _run("git", "help", "-a")
    pages = sorted(f[4:-5] for f in os.listdir(MAN_DIR) if f.startswith("git-") and f.endswith(".1.gz"))
    names = [c for cs in CATALOGUED.values() for c in cs] + absent_ids()
    man = {c: trim_man(_run("man", "-P", "cat", f"git-{c}")) for c in sorted(names)}
    return {"source": "this machine's git and man: git --version, git help -a, the names of "
                      f"{MAN_DIR}/git-*.1.gz, and man -P cat git-<cmd> (MANWIDTH=1000): NAME, SYNOPSIS, the first "
                      "three paragraphs of DESCRIPTION, the entries of OPTIONS and CONFIGURATION with each entry's "
                      "first paragraph",
            "git": _run("git", "--version").strip(), "help_a": helpa, "man_pages": pages, "man": man}


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
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to ask this machine's git and man again")
    snap = scan()
    listed = help_groups(snap)
    missing = [c for c in all_names() if c not in snap["man_pages"] or not snap["man"][c].get("DESCRIPTION")]
    missing += [c for g, cs in CATALOGUED.items() for c in cs if c not in listed.get(g, [])]
    if missing:
        sys.exit(f"not known to this machine's git or man: {missing}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"{snap['git']}: {sum(len(v) for v in listed.values())} commands in {len(listed)} groups, "
          f"{len(snap['man'])} man pages kept")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ parsing


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def all_names() -> list[str]:
    return [c for cs in CATALOGUED.values() for c in cs] + absent_ids()


def help_groups(snap: dict) -> dict[str, list[str]]:
    """group row id -> the commands `git help -a` lists under its heading."""
    out: dict[str, list[str]] = {}
    g = None
    for line in snap["help_a"].splitlines():
        if line and not line.startswith(" "):
            g = GROUPS.get(line.strip(), (None,))[0]
            continue
        m = re.match(r"   (\S+)\s{2,}(.*)$", line)
        if g and m:
            out.setdefault(g, []).append(m.group(1))
    return out


def help_summaries(snap: dict) -> dict[str, str]:
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^   (\S+)\s{2,}(.*)$", snap["help_a"], re.M)}


def heading_of(gid: str) -> str:
    return next(h for h, v in GROUPS.items() if v[0] == gid)


def sentences(s: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", s)


def one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
                  .replace("\u2018", "'")).strip()


def first_sentence(p: str) -> str:
    s = one_line(p)
    s = re.sub(r"\b(e\.g|i\.e|etc)\. ", "\\1.\u00a0", s)
    return sentences(s)[0].replace("\u00a0", " ")


def entries(section: str) -> list[tuple[str, str]]:
    """(entry line(s), first paragraph) of each entry of an OPTIONS or CONFIGURATION section: a block whose lines
    7 columns in name the entry and whose lines 11 columns in are its first paragraph."""
    out = []
    for b in section.split("\n\n"):
        lines = b.split("\n")
        head = []
        while lines and re.match(r" {7}\S", lines[0]):
            head.append(lines.pop(0).strip())
        if not head:
            continue
        body = " ".join(x.strip() for x in lines if re.match(r" {11}", x))
        out.append((", ".join(head), body))
    return out


_OPT = re.compile(r"(?<![\w<\[-])(--?(?:\[no-\])?[A-Za-z0-9][A-Za-z0-9-]*)")


def option_names(head: str) -> list[str]:
    head = re.sub(r"<[^>]*>", "", head)
    return [n for n in _OPT.findall(head)]


_CFG = re.compile(r"[a-z][a-zA-Z0-9-]*(?:\.(?:<[^>]+>|[A-Za-z0-9*-]+))+")


def make_record(c: str, snap: dict) -> dict:
    man = snap["man"][c]
    summ = help_summaries(snap)[c]
    gid = next((g for g, cs in CATALOGUED.items() if c in cs), "")
    if not gid:
        gid = next(g for g, cs in help_groups(snap).items() if c in cs)
    desc = [p for p in man.get("DESCRIPTION", "").split("\n\n") if p.strip() and not p.strip().startswith("Note")]
    description = first_sentence(desc[0]) if desc else ""
    syn = one_line(man.get("SYNOPSIS", "").strip().split("\n")[0]) if man.get("SYNOPSIS") else ""
    opt_entries = [(h, b) for h, b in entries(man.get("OPTIONS", "")) if h.startswith("-")]
    names: list[str] = []
    for h, _ in opt_entries:
        for n in option_names(h):
            if n not in names:
                names.append(n)
    shown = []
    for h, b in opt_entries:
        ns = option_names(h)
        if not b or not ns:
            continue
        s = first_sentence(b).rstrip(".")
        long_ = [n for n in ns if n.startswith("--")]
        name = long_[0] if long_ else ns[0]
        if 3 <= len(s.split()) <= 14 and ":" not in s and name not in [x[0] for x in shown]:
            shown.append((name, s))
        if len(shown) == N_SHOWN:
            break
    cfg: list[str] = []
    for h, _ in entries(man.get("CONFIGURATION", "")):
        for part in h.split(", "):
            part = part.strip()
            if _CFG.fullmatch(part) and part not in cfg:
                cfg.append(part)
    return {"id": c, "cmd": f"git {c}", "summary": summ, "group": gid, "level": GROUPS[heading_of(gid)][1],
            "description": description, "synopsis": syn, "n_entries": len(opt_entries), "options": names,
            "shown": shown, "config": cfg, "doc": f"{gid}/git-{c}", "folder": gid}


_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        _RECS.update(key=id(snap), value=[make_record(c, snap) for g in FOLDERS for c in sorted(CATALOGUED[g])])
    return _RECS["value"]


# ------------------------------------------------------------------ the register


REG_COLUMNS = ["id", "title", "heading", "level", "purpose", "listed", "with_man_page", "catalogued"]


def register_rows(snap: dict) -> list[dict]:
    listed = help_groups(snap)
    out = []
    for h, (gid, level, purpose) in GROUPS.items():
        cs = listed[gid]
        out.append({"id": gid, "title": f"{h} ({level})", "heading": h, "level": level, "purpose": purpose,
                    "listed": len(cs), "with_man_page": sum(c in snap["man_pages"] for c in cs),
                    "catalogued": len(CATALOGUED[gid])})
    return out


def register_csv(rows_: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REG_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows_:
        w.writerow(r)
    return buf.getvalue()


def reg_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in register_rows(snap)}


def row_id(rid: str) -> str:
    return f"groups#{rid}"


# ------------------------------------------------------------------ splits and layouts


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog37:{salt}{key}".encode()).hexdigest(), 16)


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Within each group folder, in the order of sha256("catalog37:<cmd>"), the pages at places 0, 3 and 5 of every
    8 (counted across folders) go to dev."""
    out, i = {}, 0
    for f in FOLDERS:
        for n in sorted((r["id"] for r in recs if r["folder"] == f), key=_h):
            out[n] = "dev" if i % 8 in DEV_EVERY else "test"
            i += 1
    return out


def split_rows() -> dict[str, str]:
    return {g: "dev" if g in ROW_SPLIT["dev"] else "test" for g in FOLDERS}


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
    return f"git-{r['id']}(1) — {r['cmd']}: {r['summary']}"


def group_text(r: dict) -> str:
    return f"see groups.csv row {r['group']}"


def level_text(r: dict) -> str:
    return {"porcelain": "porcelain (a high-level command)", "plumbing": "plumbing (a low-level command)"}[r["level"]]


def names_text(r: dict) -> str:
    return ", ".join(r["options"]) if r["options"] else "none"


def cfg_text(r: dict) -> str:
    return ", ".join(r["config"]) if r["config"] else "none"


def rows(r: dict) -> list[tuple[str, str, str]]:
    S = "Identification"
    out = [(S, "Command", r["cmd"]), (S, "Summary (git help -a)", r["summary"]), (S, "Group", group_text(r)),
           (S, "Level", level_text(r))]
    S = "Description"
    out += [(S, "Description", r["description"])]
    if r["synopsis"]:
        out += [(S, "Synopsis (first line)", r["synopsis"])]
    S = "Options"
    out += [(S, "Option entries in OPTIONS", str(r["n_entries"])), (S, "Option names", names_text(r))]
    out += [(S, f"Option {n}", s) for n, s in r["shown"]]
    S = "Configuration"
    out += [(S, "Configuration variables listed", str(len(r["config"]))), (S, "Configuration variables",
                                                                            cfg_text(r))]
    return out


def front(r: dict) -> dict:
    return {"command": r["cmd"], "group": r["group"], "level": r["level"], "option_entries": r["n_entries"],
            "config_variables": len(r["config"])}


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(snap: dict) -> str:
    return (f"Source: {snap['git']}: git help -a and man git-<command>; the group's heading, purpose and counts are "
            f"kept in groups.csv.")


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
    c, s, lv, g = r["cmd"], r["summary"], level_text(r), group_text(r)
    p1 = [(f"{c} is summarised by git help -a as \"{s}\". Level: {lv}. Group: {g}.",
           f"The one-line summary git help -a gives for {c} reads \"{s}\". It is {lv}; for its group, {g}.",
           f"Summary (git help -a): \"{s}\". {c} is {lv} (group: {g}).")[w % 3]]
    p2 = [(f"Its man page describes it so: {r['description']}",
           f"Description: {r['description']}")[(w >> 2) % 2]]
    if r["synopsis"]:
        p2.append((f"The synopsis starts with {r['synopsis']}", f"Synopsis (first line): {r['synopsis']}")[(w >> 3) % 2])
    p3 = [(f"The OPTIONS section of the man page has {r['n_entries']} option entries "
           f"(option entries in OPTIONS: {r['n_entries']}).",
           f"Option entries in OPTIONS: {r['n_entries']}.")[(w >> 4) % 2],
          (f"They spell these option names: {names_text(r)}.", f"Option names: {names_text(r)}.")[(w >> 5) % 2]]
    if r["shown"]:
        p3.append("What some of them do: " + "; ".join(f"option {n}: {t}" for n, t in r["shown"]) + ".")
    n = len(r["config"])
    if n:
        p4 = [(f"Its CONFIGURATION section lists {n} configuration variables (configuration variables listed: {n}): "
               f"{cfg_text(r)}.",
               f"Configuration variables listed: {n}. Configuration variables: {cfg_text(r)}.")[(w >> 6) % 2]]
    else:
        p4 = [(f"Its man page lists no configuration variables (configuration variables listed: 0; configuration "
               f"variables: none).",
               "Configuration variables listed: 0. Configuration variables: none.")[(w >> 6) % 2]]
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[_LAYOUT[r["id"]]](r)
    return head + body + "\n" + source_line(snap) + "\n"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {f"{r['doc']}.md": render(r, snap) for r in recs}
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


CITES = ["See the git man page.", "The git documentation says so.", "The catalogue page says so.",
         "It is a git command.", "Run git help -a to find out.", "Check groups.csv."]  # fmt: skip


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


def cmd_answers(c: str) -> list[str]:
    return [f"git {c}", f"git-{c}", c]


def names_safe(question: str, answers: list[str], typ: str, snap: dict, gold: str) -> bool:
    """Where a command is the answer: every other command of git help -a scores wrong."""
    return not any(_ok(question, answers, typ, f"git {c}") for c in help_summaries(snap) if c != gold)


def hedge_safe(question: str, options: list[str], gold: str, typ: str) -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}"]
    return _ok(question, [gold], typ, gold, options) and _ok(question, [gold], typ, f"The answer is {gold}.", options) \
        and not any(_ok(question, [gold], typ, t, options) for t in tries + CITES)


# ------------------------------------------------------------------ questions


def common_options(recs: list[dict]) -> list[str]:
    """Long option names documented by 2 to 12 catalogued commands (conditions of filters and comparisons)."""
    c = Counter(n for r in recs for n in set(r["options"]) if n.startswith("--") and len(n) > 4
                and not n.startswith("--[no-]"))
    return sorted(n for n, k in c.items() if 2 <= k <= 12)


def group_phrase(gid: str) -> str:
    return {"main-porcelain": "main porcelain command", "ancillary-manipulators": "ancillary manipulator command",
            "ancillary-interrogators": "ancillary interrogator command",
            "interacting-with-others": "command for interacting with others",
            "low-level-manipulators": "low-level manipulator command",
            "low-level-interrogators": "low-level interrogator command",
            "low-level-syncing": "low-level syncing command",
            "low-level-helpers": "low-level internal helper command"}[gid]


def cond_value(c: str, r: dict) -> bool:
    if c == "plumbing":
        return r["level"] == "plumbing"
    if c == "porcelain":
        return r["level"] == "porcelain"
    if c == "config":
        return bool(r["config"])
    if c == "noconfig":
        return not r["config"]
    if c.startswith("grp:"):
        return r["group"] == c[4:]
    if c.startswith("opt:"):
        return c[4:] in r["options"]
    raise KeyError(c)


def cond_phrase(c: str) -> str:
    if c.startswith("opt:"):
        return f"documents a {c[4:]} option"
    return {"config": "lists configuration variables on its man page",
            "noconfig": "lists no configuration variables on its man page",
            "plumbing": "is a plumbing command", "porcelain": "is a porcelain command"}[c]


def fact_of(kind: str, extra: str = "") -> str:
    base = {"cmp-opts": "entries", "single-entries": "entries", "cmp-cfg": "ncfg", "single-ncfg": "ncfg",
            "config": "ncfg", "noconfig": "ncfg", "cmp-level": "level", "single-level": "level",
            "plumbing": "level", "porcelain": "level", "hop-listed": "group", "hop-catalogued": "group",
            "hop-man": "group", "rev-summary": "summary", "rev-desc": "description", "opt-name": "shown"}
    if kind.startswith("opt:") or kind in ("single-hasopt", "cmp-hasopt"):
        return f"opt{extra or kind[4:]}"
    if kind.startswith("grp:"):
        return "group"
    return base.get(kind, kind)


def single_candidates(r: dict, recs: list[dict], common: list[str]) -> list[dict]:
    c, out = r["cmd"], []
    out.append({"kind": "single-level", "t": [f"Is {c} a porcelain or a plumbing command?",
                                              f"Does git count {c} as porcelain or as plumbing?",
                                              f"Which layer of git does {c} belong to, porcelain or plumbing?"],
                "answers": [r["level"]], "options": ["porcelain", "plumbing"]})
    if r["n_entries"] >= 2:
        out.append({"kind": "single-entries", "t": [f"How many option entries does the OPTIONS section of the {c} "
                                                    f"man page have?",
                                                    f"The man page of {c} documents how many option entries?",
                                                    f"How many entries are in the OPTIONS list of {c}'s man page?"],
                    "answers": [str(r["n_entries"])]})
    if len(r["config"]) >= 2:
        out.append({"kind": "single-ncfg", "t": [f"How many configuration variables does the {c} man page list?",
                                                 f"The CONFIGURATION section of {c}'s man page names how many "
                                                 f"variables?",
                                                 f"How many config variables are listed on the man page of {c}?"],
                    "answers": [str(len(r["config"]))]})
    said = " ".join([r["description"], r["synopsis"]] + [t for _, t in r["shown"]])
    for o in common:
        has = o in r["options"]
        if not has and re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", said):
            continue
        out.append({"kind": "single-hasopt", "opt": o, "t": [f"Does the man page of {c} document a {o} option?",
                                                             f"Is there a {o} option listed for {c}?",
                                                             f"Can you pass {o} to {c}, according to its man page?"],
                    "answers": ["yes" if has else "no"], "options": ["yes", "no"]})
    for n, s in r["shown"]:
        if sum(t.lower() == s.lower() for _, t in r["shown"]) != 1:
            continue
        out.append({"kind": "opt-name", "opt": n, "t": [f"Which option of {c} does this: \"{s}\"?",
                                                        f"On the man page of {c}, which option is described as "
                                                        f"\"{s}\"?",
                                                        f"Name the {c} option whose man page entry begins \"{s}\"."],
                    "answers": [n] + ([n.lstrip("-")] if len(n.lstrip("-")) > 3 else [])})
    return out


def reg_candidates(x: dict) -> list[dict]:
    h, out = x["heading"], []
    out.append({"kind": "reg-listed", "t": [f"How many commands does git help -a list under \"{h}\"?",
                                            f"Under the heading \"{h}\", how many commands does git help -a show?"],
                "answers": [str(x["listed"])]})
    out.append({"kind": "reg-man", "t": [f"How many of the commands listed under \"{h}\" have a man page on this "
                                         f"machine?",
                                         f"Of the commands git help -a puts under \"{h}\", how many have a man page "
                                         f"here?"],
                "answers": [str(x["with_man_page"])]})
    out.append({"kind": "reg-catalogued", "t": [f"How many commands of the group \"{h}\" does this catalogue hold?",
                                                f"How many catalogued git commands are in the group \"{h}\"?"],
                "answers": [str(x["catalogued"])]})
    return out


CMP = {  # kind: (applies, key, templates); the winner has the larger key
    "cmp-opts": (lambda r: r["n_entries"] >= 1, lambda r: r["n_entries"],
                 ["Which man page documents more option entries, {a} or {b}?",
                  "Of {a} and {b}, which has the longer OPTIONS list on its man page?"]),
    "cmp-cfg": (lambda r: True, lambda r: len(r["config"]),
                ["Which man page lists more configuration variables, {a} or {b}?",
                 "Of {a} and {b}, which names more config variables on its man page?"]),
    "cmp-level": (lambda r: True, lambda r: r["level"] == "plumbing",
                  ["Which of these is a plumbing command, {a} or {b}?",
                   "One of {a} and {b} is plumbing rather than porcelain. Which one?"]),
    "cmp-hasopt": (lambda r: True, None,
                   ["Which of {a} and {b} documents a {o} option?",
                    "Which man page lists a {o} option, {a} or {b}?"]),
}  # fmt: skip


def cmp_winner(k: str, a: dict, b: dict, opt: str = "") -> dict | None:
    if k == "cmp-hasopt":
        ka, kb = opt in a["options"], opt in b["options"]
    else:
        ka, kb = CMP[k][1](a), CMP[k][1](b)
    if k == "cmp-opts" and abs(ka - kb) < 2:
        return None
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


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    sp = split_pages(recs)
    sr = split_rows()
    reg = reg_by(snap)
    common = common_options(recs)
    seen_q: set = set()
    out = {}
    summaries = Counter(s.lower() for s in help_summaries(snap).values())
    descs = Counter(r["description"].lower() for r in recs)
    for s in ("dev", "test"):
        rng = random.Random(f"{SEED}:{s}")
        pages = [r for r in recs if sp[r["id"]] == s]
        rws = [reg[k] for k in reg if sr[k] == s]
        used: set = set()
        items: list[dict] = []
        binary: Counter = Counter()  # answers of two-way items (yes/no, porcelain/plumbing), kept even
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
            opts = q.get("options")
            if opts in (["yes", "no"], ["porcelain", "plumbing"]):
                a = q["answers"][0]
                other = opts[1] if a == opts[0] else opts[0]
                if binary[a] > binary[other]:
                    return False
            if typ != "unanswerable":
                if not opts and all(_contains(_atok(q["question"]), _atok(g)) for g in q["answers"]):
                    return False
                if opts:
                    if not hedge_safe(q["question"], opts, q["answers"][0], typ):
                        return False
                elif not gold_safe(q["question"], q["answers"], typ):
                    return False
                gold = q.pop("cmdgold", None)
                if gold and not names_safe(q["question"], q["answers"], typ, snap, gold):
                    return False
            q.pop("cmdgold", None)
            seen_q.add(qt)
            if opts in (["yes", "no"], ["porcelain", "plumbing"]):
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

        # multi-hop: page -> register row
        rid_ok = {x["id"] for x in rws}
        pools: dict[str, list[dict]] = {}
        for r in pages:
            if r["group"] not in rid_ok:
                continue
            x = reg[r["group"]]
            c = r["cmd"]
            for k, col, ts in (
                ("hop-listed", "listed",
                 [f"How many commands does git help -a list under the heading of the group {c} belongs to?",
                  f"{c} belongs to one group of git help -a. How many commands does that group list?"]),
                ("hop-man", "with_man_page",
                 [f"In the git help -a group of {c}, how many commands have a man page on this machine?",
                  f"{c} is listed in one git help -a group. How many of that group's commands have a man page "
                  f"here?"]),
                ("hop-catalogued", "catalogued",
                 [f"How many catalogued commands share a git help -a group with {c}, {c} included?",
                  f"{c} belongs to one group. How many commands of that group does this catalogue hold?"])):
                pools.setdefault(k, []).append(
                    {"question": rng.choice(ts), "answers": [str(x[col])], "evidence": [r["doc"], row_id(x["id"])],
                     "kind": k, "ref": r["id"], "via": x["id"],
                     "facts": [("row", x["id"], col), (r["id"], "group")]})
        fill(pools, "multi_hop", WANT[s]["multi_hop"], 2 if s == "dev" else 2)
        # filter
        conds = ["plumbing", "porcelain", "config", "noconfig"] + [f"grp:{g}" for g in FOLDERS] + \
            [f"opt:{o}" for o in common]
        cnt = {c: sum(cond_value(c, r) for r in recs) for c in conds}
        pools = {"filter": [], "filter-among": []}
        for a, c1 in enumerate(conds):
            if not c1.startswith(("grp:", "plumbing", "porcelain")):
                continue
            for c2 in conds:
                if not c2.startswith(("opt:", "config", "noconfig")):
                    continue
                hit = [r for r in recs if cond_value(c1, r) and cond_value(c2, r)]
                if len(hit) != 1 or sp[hit[0]["id"]] != s or min(cnt[c1], cnt[c2]) < 2:
                    continue
                h = hit[0]
                if c1.startswith("grp:"):
                    noun = group_phrase(c1[4:])
                else:
                    noun = f"{c1} command"
                p2 = cond_phrase(c2)
                t = rng.choice([f"Which {noun} {p2}?",
                                f"Name the one catalogued {noun} that {p2}.",
                                f"Among the catalogued {noun}s, which one {p2}?"])
                pools["filter"].append({"question": t, "answers": cmd_answers(h["id"]), "evidence": [h["doc"]],
                                        "kind": "filter", "where": {c1: True, c2: True}, "candidates": [h["id"]],
                                        "cmdgold": h["id"],
                                        "facts": [("cond", c1), ("cond", c2), (h["id"], "filter"),
                                                  (h["id"], fact_of(c1)), (h["id"], fact_of(c2))]})
        among = ["plumbing", "porcelain", "config", "noconfig"] + [f"opt:{o}" for o in common]
        for c in among:
            yes = [r for r in pages if cond_value(c, r)]
            no = [r for r in pages if not cond_value(c, r)]
            if not yes or len(no) < 3:
                continue
            for _ in range(2):
                w = rng.choice(yes)
                opts = rng.sample(no, 3)
                opts.insert(rng.randrange(4), w)
                names = [o["cmd"] for o in opts]
                t = rng.choice([f"Among {and_list(names)}, which one {cond_phrase(c)}?",
                                f"Which of these {cond_phrase(c)}: {', '.join(names)}?"])
                pools["filter-among"].append({"question": t, "answers": [w["cmd"]], "evidence": [w["doc"]],
                                              "options": names, "kind": "filter-among", "where": {c: True},
                                              "candidates": [o["id"] for o in opts],
                                              "facts": [("cond", c), (w["id"], "filter"), (w["id"], fact_of(c))]})
        rng.shuffle(pools["filter"])
        safe = [q for q in pools["filter"] if gold_safe(q["question"], q["answers"], "filter")
                and names_safe(q["question"], q["answers"], "filter", snap, q["cmdgold"])]
        chosen = pick_disjoint(safe, FILTER_MIX[s]["filter"], used)
        if chosen is None:
            sys.exit(f"{s}: no {FILTER_MIX[s]['filter']} filter questions with conditions of their own")
        for q in chosen:
            if not take(q, "filter"):
                sys.exit(f"{s}: a chosen filter question was refused")
        fill({"filter-among": pools["filter-among"]}, "filter", FILTER_MIX[s]["filter-among"],
             FILTER_MIX[s]["filter-among"])
        # reverse
        pools = {"rev-summary": [], "rev-desc": [], "rev-config": [], "rev-row": []}
        cfg_owner = Counter(v for r in recs for v in r["config"])
        opt_owner = Counter(v for r in recs for v in r["options"])
        for r in pages:
            i = r["id"]
            if summaries[r["summary"].lower()] == 1 and len(r["summary"].split()) >= 4:
                t = rng.choice([f"Which git command does git help -a summarise as \"{r['summary']}\"?",
                                f"\"{r['summary']}\": which git command has this one-line summary?"])
                pools["rev-summary"].append({"question": t, "answers": cmd_answers(i), "evidence": [r["doc"]],
                                             "kind": "rev-summary", "ref": i, "cmdgold": i,
                                             "facts": [(i, "summary")]})
            d = r["description"]
            if descs[d.lower()] == 1 and 8 <= len(d.split()) <= 40 and not re.search(name_pattern(i), d, re.I):
                t = rng.choice([f"Which git command's man page description begins: \"{d}\"?",
                                f"The DESCRIPTION of which git command opens with \"{d}\"?"])
                pools["rev-desc"].append({"question": t, "answers": cmd_answers(i), "evidence": [r["doc"]],
                                          "kind": "rev-desc", "ref": i, "cmdgold": i, "facts": [(i, "description")]})
            for v in r["config"]:
                if cfg_owner[v] == 1 and not v.lower().startswith(i.split("-")[0]) and "<" not in v:
                    t = rng.choice([f"The configuration variable {v} is listed on the man page of which catalogued "
                                    f"git command?",
                                    f"Which catalogued git command's man page names the config variable {v}?"])
                    pools["rev-config"].append({"question": t, "answers": cmd_answers(i), "evidence": [r["doc"]],
                                                "kind": "rev-config", "ref": i, "cmdgold": i,
                                                "facts": [(i, "ncfg"), ("cfgvar", v)]})
            for v in r["options"]:
                if opt_owner[v] == 1 and v.startswith("--") and len(v) > 8 and not v.startswith("--[no-]"):
                    t = rng.choice([f"Which catalogued git command documents an option called {v}?",
                                    f"The option {v} belongs to which git command in this catalogue?"])
                    pools.setdefault("rev-option", []).append(
                        {"question": t, "answers": cmd_answers(i), "evidence": [r["doc"]], "kind": "rev-option",
                         "ref": i, "cmdgold": i, "facts": [(i, f"opt{v}"), (i, "revopt")]})
        for x in rws:
            t = rng.choice([f"Which git help -a heading does groups.csv describe as \"{x['purpose']}\"?",
                            f"In groups.csv, which command group is for \"{x['purpose']}\"? Give its heading."])
            pools["rev-row"].append({"question": t, "answers": [x["heading"]], "evidence": [row_id(x["id"])],
                                     "kind": "rev-row", "row": x["id"], "facts": [("row", x["id"], "purpose")]})
        fill(pools, "reverse", WANT[s]["reverse"], 2 if s == "dev" else 2)
        # comparison
        pools = {k: [] for k in CMP}
        for k, (app, _, ts) in CMP.items():
            cand = [r for r in pages if app(r)]
            for _ in range(80):
                a, b = rng.sample(cand, 2)
                o = rng.choice(common) if k == "cmp-hasopt" else ""
                w = cmp_winner(k, a, b, o)
                if w is None:
                    continue
                t = rng.choice(ts).format(a=a["cmd"], b=b["cmd"], o=o)
                q = {"question": t, "answers": [w["cmd"]], "evidence": [a["doc"], b["doc"]],
                     "options": [a["cmd"], b["cmd"]], "kind": k, "candidates": [a["id"], b["id"]],
                     "target": w["id"], "facts": [(a["id"], fact_of(k, o)), (b["id"], fact_of(k, o))]}
                if o:
                    q["option"] = o
                pools[k].append(q)
        fill(pools, "comparison", WANT[s]["comparison"], 2 if s == "dev" else 3)
        # single-hop: register rows, then pages
        pools = {}
        for x in rws:
            for q in reg_candidates(x):
                q.update(question=rng.choice(q.pop("t")), evidence=[row_id(x["id"])], row=x["id"],
                         facts=[("row", x["id"], {"reg-listed": "listed", "reg-man": "with_man_page",
                                                  "reg-catalogued": "catalogued"}[q["kind"]])])
                pools.setdefault(q["kind"], []).append(q)
        fill(pools, "single_hop", REG_PER_SPLIT[s], 1)
        pools = {}
        for r in pages:
            for q in single_candidates(r, recs, common):
                q.update(question=rng.choice(q.pop("t")), evidence=[r["doc"]], ref=r["id"])
                q["facts"] = [(r["id"], fact_of(q["kind"], q.get("opt", "")))]
                if q["kind"] == "opt-name":
                    q["facts"].append((r["id"], f"opt{q['opt']}"))
                pools.setdefault(q["kind"], []).append(q)
        fill(pools, "single_hop", WANT[s]["single_hop"] - REG_PER_SPLIT[s], 4 if s == "dev" else 7)
        # unanswerable
        for m in ABSENT[s]:
            for t in ABSENT_QUESTIONS[m]:
                items.append({"question": t, "answers": [], "type": "unanswerable", "evidence": [],
                              "kind": "absent-command", "entry": m})
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
            q.pop("cmdgold", None)
            row = {"id": f"{PREFIX}-{s}-{n:03d}", "question": q.pop("question"), "answers": q.pop("answers"),
                   "type": q.pop("type"), "evidence": q.pop("evidence")}
            if "options" in q:
                row["options"] = q.pop("options")
            if row.get("options") == ["yes", "no"]:
                row["derived"] = True  # yes or no is read off the option list, not a word it writes
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
    bad = [r["id"] for r in records(snap) if not (r["summary"] and r["description"])]
    if bad:
        sys.exit(f"commands whose summary or description cannot be read: {bad}")
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


def name_pattern(c: str) -> str:
    """A left-out command's name as it could be written: git-mktree, git mktree, mktree, MKTREE ..."""
    return r"(?<![\w-])" + "[- ]?".join(re.escape(p) for p in c.split("-")) + r"(?![\w-])"


def truth(q: dict, snap: dict, by: dict, reg: dict) -> list[str] | None:
    k = q["kind"]
    if k.startswith("hop-"):
        r = by[q["ref"]]
        if r["group"] != q["via"]:
            return None
        col = {"hop-listed": "listed", "hop-man": "with_man_page", "hop-catalogued": "catalogued"}[k]
        return [str(reg[q["via"]][col])]
    if k.startswith("reg-"):
        col = {"reg-listed": "listed", "reg-man": "with_man_page", "reg-catalogued": "catalogued"}[k]
        return [str(reg[q["row"]][col])]
    if k == "rev-row":
        return [reg[q["row"]]["heading"]]
    if k in ("rev-summary", "rev-desc", "rev-config", "rev-option"):
        r = by[q["ref"]]
        text = q["question"]
        if k == "rev-summary" and r["summary"] not in text or k == "rev-desc" and r["description"] not in text:
            return None
        if k == "rev-config" and not any(v in text for v in r["config"]):
            return None
        if k == "rev-option" and not any(re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", text) for v in r["options"]):
            return None
        return cmd_answers(r["id"])
    if k in CMP:
        a, b = (by[x] for x in q["candidates"])
        w = cmp_winner(k, a, b, q.get("option", ""))
        return [w["cmd"]] if w else None
    if k == "filter":
        hit = [r for r in records(snap) if all(cond_value(c, r) for c in q["where"])]
        return cmd_answers(hit[0]["id"]) if len(hit) == 1 else None
    if k == "filter-among":
        (c, _), = q["where"].items()
        hit = [by[x]["cmd"] for x in q["candidates"] if cond_value(c, by[x])]
        return hit if len(hit) == 1 else None
    r = by[q["ref"]]
    for cand in single_candidates(r, records(snap), common_options(records(snap))):
        if cand["kind"] == k and any(t == q["question"] for t in cand["t"]):
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
    names = all_names()
    listed = help_groups(snap)
    summ = help_summaries(snap)
    bad += [f"{x}: listed twice" for x, c in Counter(names).items() if c > 1]
    bad += [f"{x}: no man page in the snapshot" for x in names if x not in snap["man_pages"] or x not in snap["man"]]
    bad += [f"{x}: not in git help -a" for x in names if x not in summ]
    bad += [f"{c}: not under its group's heading" for g, cs in CATALOGUED.items() for c in cs
            if c not in listed.get(g, [])]
    bad += [f"{g}: heading not in git help -a" for g in FOLDERS if g not in listed]
    for r in recs:
        if not (r["summary"] and r["description"] and r["synopsis"]):
            bad.append(f"{r['id']}: summary, description or synopsis missing")
        m = re.match(rf"git-{re.escape(r['id'])} - (.*)$", one_line(snap["man"][r["id"]].get("NAME", "")))
        if not m:
            bad.append(f"{r['id']}: NAME line not git-{r['id']} - ...")
        for n, t in r["shown"]:
            if not any(n in option_names(h) and one_line(b).startswith(t) for h, b in
                       entries(snap["man"][r["id"]]["OPTIONS"])):
                bad.append(f"{r['id']}: option {n} not shown as its entry words it")
    results.append((f"the snapshot is whole ({snap['git']}: {sum(len(v) for v in listed.values())} commands in "
                    f"{len(listed)} groups of git help -a, {len(snap['man'])} man pages kept); catalogued and "
                    f"left-out commands known, none both; every catalogued command under its group's heading, with "
                    f"a summary, a NAME line, a description and a synopsis", bad))
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
                if _ok(q["question"], [], typ, "It was added in Git 1.6.0."):
                    sc.append(f"{q['id']}: a made-up answer scores correct")
                continue
            ev = [docs[e].text for e in q["evidence"] if e in docs]
            target = ev[-1:] if typ == "multi_hop" else ev
            if q["kind"] == "single-hasopt":  # yes: the option among the page's option names; no: not on the page
                on = bool(re.search(rf"(?<![\w-]){re.escape(q['opt'])}(?![\w-])", ev[0]))
                if on != (golds == ["yes"]):
                    bad.append(f"{q['id']}: option {q['opt']} on the page is {on}, gold {golds}")
                continue
            for g in golds:
                if not any(g.lower() in t.lower() and _contains(_atok(t), _atok(g)) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in an evidence document")
            if not q.get("options") and all(_contains(_atok(q["question"]), _atok(g)) for g in golds):
                bad.append(f"{q['id']}: gold inside its question")
            if _ok(q["question"], golds, typ, "The documents do not say."):
                sc.append(f"{q['id']}: abstention scores correct")
            if q.get("options"):
                if not hedge_safe(q["question"], q["options"], golds[0], typ):
                    sc.append(f"{q['id']}: options or hedges score wrongly")
            elif not gold_safe(q["question"], golds, typ):
                sc.append(f"{q['id']}: gold alone, in a sentence, a citation or a number plus or minus one scores "
                          f"wrongly")
            if q["kind"] in ("filter", "rev-summary", "rev-desc", "rev-config", "rev-option") and \
                    not names_safe(q["question"], golds, typ, snap, golds[-1]):
                sc.append(f"{q['id']}: another command name scores correct")
            if typ == "multi_hop" and _ok(q["question"], golds, typ, docs[q["evidence"][0]].text[:400]):
                sc.append(f"{q['id']}: the first document alone scores correct")
    results.append(("every gold occurs (as text and as accuracy tokens) in an evidence document (the last, on "
                    "chains) and not inside its question", bad))
    results.append(("scoring: gold alone and in a sentence correct; citations, a number plus or minus one, wrong "
                    "options, hedges and every other command of git help -a wrong; abstention correct exactly on "
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
    results.append(("facts agree with snapshot.json (levels, option entries and names, configuration variables, "
                    "summaries and descriptions, register counts and headings, chains page -> row, comparison "
                    "winners, filters single out their answer)", bad))
    # 7. split separation
    bad = []
    for s in rows_:
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in doc2 and sp[doc2[e]["id"]] != s:
                    bad.append(f"{q['id']}: page {e} of the other split")
                if e.startswith("groups#") and sr[e.split("#")[1]] != s:
                    bad.append(f"{q['id']}: row {e} of the other split")
            for x in q.get("candidates", []):
                if q["kind"] != "filter" and sp[x] != s:
                    bad.append(f"{q['id']}: candidate {x} of the other split")
            if q["kind"] == "absent-field" and sp[q["entry"]] != s:
                bad.append(f"{q['id']}: asks of a page of the other split")
            if q["kind"] == "absent-command" and q["entry"] not in ABSENT[s]:
                bad.append(f"{q['id']}: left-out command of the other split")
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
                facts[(q["ref"], fact_of(k, q.get("option", "")))] += 1
            if k in CMP:
                for x in q["candidates"]:
                    facts[(x, fact_of(k, q.get("option", "")))] += 1
            if k.startswith("hop-"):
                facts[(q["via"], k.split("-")[-1].replace("man", "with_man_page"))] += 1
            if k.startswith("reg-"):
                facts[(q["row"], k.split("-")[-1].replace("man", "with_man_page"))] += 1
        bad += [f"{s}: fact {f} asked {n} times" for f, n in facts.items() if n > 1]
    results.append((f"splits: pages {sum(v == 'dev' for v in sp.values())} dev / "
                    f"{sum(v == 'test' for v in sp.values())} test by hash within group folders, register rows "
                    f"{sum(v == 'dev' for v in sr.values())} dev / {sum(v == 'test' for v in sr.values())} test; no "
                    f"question uses a page or row of the other split; no question in both; a fact once per split",
                    bad))
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
            if q["kind"] == "absent-command" and not re.search(name_pattern(q["entry"]), q["question"]):
                bad.append(f"{q['id']}: does not name its left-out command")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or q["entry"] not in q["question"]):
                bad.append(f"{q['id']}: absent field")
    results.append(("unanswerables: left-out commands named in no corpus file (any spelling of the name); every "
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
