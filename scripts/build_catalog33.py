"""Build the catalog33 evaluation corpus: terminfo terminal descriptions (this machine's compiled /lib/terminfo).

    PYTHONPATH=src python scripts/build_catalog33.py snapshot [--force]  # the terminfo database -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog33.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog33.py check               # loader + scorer + fact checks, no model

`snapshot` reads every compiled entry of /lib/terminfo (Debian's ncurses-base: 45 file names, 42 regular files, 3
symbolic links to them) with `infocmp -1 -x -si -A /lib/terminfo <file>` (each capability on its own line, extended
capabilities included, sorted by terminfo name; numbers as infocmp prints them, `colors#0x100`), and once with `-L`
for the long (C variable) names of the standard capabilities. It keeps for each entry its names line (primary name,
aliases, description), its file, the symbolic links to that file, the file's size, sha256 and magic number (0432:
the legacy format with 16-bit numbers; 01036: the extended-number format with 32-bit numbers), and every capability
as infocmp prints it (a capability the compiled entry cancels, `ech@`, is kept as cancelled and counts as absent).
Written to `evalsets/catalog33/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force) with the
ncurses-base and infocmp versions and the number of entries `toe -a` lists, for information: another ncurses holds
other descriptions, so the committed snapshot is the source.

`build` renders one markdown page per catalogued entry, `<family>/<entry>.md` (`xterm/`, `rxvt/`, `screen/`,
`tmux/`, `consoles/`, `dec/`, `generic/`), titled `# <entry> (<description>)`, with YAML front matter and a body in one
of three layouts dealt in turn in the order of sha256("catalog33:layout<entry>") within each split: `sheet` (a
`| Field | Value |` table), `card` (headed sections of `- Label: value` bullets) or `prose` (paragraphs, wording
varied per page). An entry built on another ("Based on: screen": the entry with a shorter name, or an equally long
one earlier in the alphabet, that it differs least from, where at most a fifth of its capabilities differ) shows the
capabilities that differ, as `infocmp -u` would, and gives every summary field that its base already has as "as
screen", never resolved; a stand-alone entry states every field. It also writes `capabilities.csv`, the capability
register (one row per capability that some catalogued entry has, function keys kf0-kf63 apart: which entries have
it, how many, their values), and generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED), then writes
test.jsonl.sha256. It refuses to overwrite corpus/ or the question files without --force.

The hand-written parts: the family folder of each catalogued entry and the left-out entries (`FAMILY`, `ABSENT`), the
kind of terminal each family describes (`KIND`), the questions about left-out entries (`ABSENT_QUESTIONS`) and the
fields no page records (`ABSENT_FIELDS`).

`check` renders the snapshot and the questions again and compares them with the committed files, recomputes every
record, loads the corpus with ragtune's loader, reads both splits with `load_qa`, and checks every item (evidence,
gold in evidence text and tokens, scoring verdicts, facts against the snapshot, split separation, unanswerables absent
by pattern, the sha256, the type mix). It reads nothing of this machine's terminfo files, so a fresh clone elsewhere
checks the committed snapshot alone.
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
OUT = ROOT / "evalsets" / "catalog33"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
TERMINFO = Path("/lib/terminfo")
SEED = 33
PREFIX = "c33"

# The catalogued entries, by family folder (written by hand: every entry of the database but the left-out ones).
FAMILY = {
    "xterm": ["xterm", "xterm-256color", "xterm-color", "xterm-mono", "xterm-r6", "xterm-vt220", "xterm-xfree86"],
    "rxvt": ["rxvt-basic", "rxvt-color", "rxvt-unicode", "rxvt-unicode-256color", "Eterm"],
    "screen": ["screen", "screen-256color", "screen-256color-bce", "screen-bce", "screen-s", "screen.xterm-256color"],
    "tmux": ["tmux"],
    "consoles": ["linux", "hurd", "cons25", "cons25-debian", "mach", "mach-color", "mach-gnu", "mach-gnu-color",
                 "wsvt25", "wsvt25m"],
    "dec": ["vt52", "vt100", "vt102", "vt220"],
    "generic": ["dumb", "ansi", "pcansi"],
}  # fmt: skip
FAMILY_WORDS = {"xterm": "xterm and its variants", "rxvt": "rxvt, rxvt-unicode and Eterm",
                "screen": "GNU Screen's entries", "tmux": "tmux", "consoles": "operating-system consoles",
                "dec": "DEC video terminals", "generic": "generic descriptions"}  # fmt: skip
KIND = {"xterm": "terminal emulator", "rxvt": "terminal emulator", "screen": "terminal multiplexer",
        "tmux": "terminal multiplexer", "consoles": "system console", "dec": "hardware terminal",
        "generic": "generic terminal type"}  # fmt: skip

# Read but left out: no page, no register row and no page line names them, and neither their names, their
# description nor their file is in any corpus file (`check` verifies it).
ABSENT = {"dev": ["xterm-r5", "mach-bold", "screen-w"], "test": ["sun", "cygwin", "tmux-256color"]}
ABSENT_QUESTIONS = {
    "xterm-r5": ["How many function keys does the terminfo entry xterm-r5 define?",
                 "What does the backspace key send under the xterm-r5 entry (xterm R5 version)?"],
    "mach-bold": ["In how many capabilities does the terminfo entry mach-bold differ from the entry it is based on?"],
    "screen-w": ["How many columns does the screen-w terminfo entry give?"],
    "sun": ["How many lines does the terminfo entry sun (the Sun Microsystems workstation console) give?",
            "Which sequence does the sun terminfo entry send to clear the screen?"],
    "cygwin": ["How many function keys does the cygwin terminfo entry define?",
               "How many bytes is the compiled terminfo file of the cygwin entry?"],
    "tmux-256color": ["How many colour pairs does the tmux-256color entry support?",
                      "Which entry is tmux-256color based on in this catalogue?"],
}  # fmt: skip

# What these pages never state about an entry: (question, a pattern no corpus file may match, a made-up answer that
# the pattern must match, so that the pattern is not a dead one, the families it is asked of (None: all)).
ABSENT_FIELDS = {
    "year": ("In which year was the {n} terminal type first released?",
             r"\b(?:released|introduced|first appeared|launched|shipped)\b|\bin (?:19|20)\d\d\b",
             "It was first released in 1983.", None),
    "price": ("What did a {n} terminal cost when it was new?",
              r"\$\s?\d|\bUSD\b|\bprice[ds]?\b|\bcost\b|\bdollars?\b", "It cost $1,995.", {"dec"}),
    "maintainer": ("Who maintains the terminfo description of {n}?",
                   r"\bmaintain|\bauthor|\bwritten by\b|\bDickey\b|\bcontributed\b",
                   "It is maintained by Thomas E. Dickey.", None),
    "baud": ("At what baud rate does the {n} entry expect the line to run?", r"\bbaud\b|\bbps\b|\bbits per second\b",
             "It expects 9600 baud.", None),
    "termcap": ("What is the termcap name of the {n} entry?", r"\btermcap\b|\b/etc/termcap\b",
                "Its termcap name is d0.", None),
    "font": ("Which font does {n} use by default?", r"\bfonts?\b|\btypeface\b|\bfixed-width\b",
             "It uses the fixed font.", {"xterm", "rxvt", "consoles"}),
    "pixels": ("How many pixels wide is the default window or screen of {n}?", r"\bpixels?\b|\bpx\b|\bresolution\b",
               "It is 640 pixels wide.", None),
    "source_line": ("On which line of terminfo.src is the {n} entry defined?",
                    r"\bterminfo\.src\b|\bsource line\b|\bline \d+ of\b", "It is on line 4120 of terminfo.src.",
                    None),
    "licence": ("Under which licence is the {n} program distributed?",
                r"\blicen[cs]e[ds]?\b|\bGPL\b|\bMIT\b|\bcopyright\b", "It is under the GPL.",
                {"xterm", "rxvt", "screen", "tmux"}),
    "default_term": ("Which programs set the TERM variable to {n} by default?",
                     r"\$TERM\b|\bTERM=|\bTERM variable\b|\bby default\b|\bdefault TERM",
                     "Its emulator exports TERM=xterm.", None),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 3}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 3}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-entry items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about a register row
DEV_PAGES = 13  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")
BASE_SHARE = 5  # an entry counts as based on another where at most 1/BASE_SHARE of its capabilities differ
FKEY = re.compile(r"kf(\d+)")

# ------------------------------------------------------------------ reading the database (snapshot only)


def parse_infocmp(text: str) -> tuple[list[str], list[list]]:
    """(the names line split at |, the capabilities [name, type, raw]) of `infocmp -1` output."""
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    names = lines[0].rstrip(",").split("|")
    caps = []
    for ln in lines[1:]:
        c = ln.strip()
        if not c.endswith(","):
            raise ValueError(f"unreadable infocmp line {ln!r}")
        c = c[:-1]
        m = re.match(r"([^=#@,]+)(.*)$", c)
        name, rest = m[1], m[2]
        if rest == "":
            caps.append([name, "bool", None])
        elif rest == "@":
            caps.append([name, "cancelled", None])
        elif rest.startswith("#"):
            caps.append([name, "num", rest[1:]])
        elif rest.startswith("="):
            caps.append([name, "str", rest[1:]])
        else:
            raise ValueError(f"unreadable capability {c!r}")
    return names, caps


def scan() -> dict:
    import subprocess

    def run(*args: str) -> str:
        return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout

    entries: dict[str, dict] = {}
    links: dict[str, list[str]] = {}
    long_names: dict[str, str] = {}
    files = sorted(p for p in TERMINFO.glob("*/*"))
    for p in files:
        if p.is_symlink():
            links.setdefault(p.resolve().relative_to(TERMINFO.resolve()).as_posix(), []).append(
                p.relative_to(TERMINFO).as_posix())
    for p in files:
        if p.is_symlink() or not p.is_file():
            continue
        rel = p.relative_to(TERMINFO).as_posix()
        raw = p.read_bytes()
        names, caps = parse_infocmp(run("infocmp", "-1", "-x", "-si", "-A", str(TERMINFO), p.name))
        lnames, lcaps = parse_infocmp(run("infocmp", "-1", "-x", "-si", "-L", "-A", str(TERMINFO), p.name))
        if [c[1] for c in caps] != [c[1] for c in lcaps] or names != lnames:
            sys.exit(f"{rel}: infocmp -L does not line up with infocmp")
        for (s, _, _), (lg, _, _) in zip(caps, lcaps):
            if long_names.setdefault(s, lg) != lg:
                sys.exit(f"{s}: two long names")
        magic = int.from_bytes(raw[:2], "little")
        entries[names[0]] = {"file": rel, "links": sorted(links.get(rel, [])), "size": len(raw),
                             "sha256": hashlib.sha256(raw).hexdigest(), "magic": f"0{magic:o}", "names": names,
                             "caps": caps}  # fmt: skip
    try:
        ver = run("dpkg-query", "-W", "-f=${Version}", "ncurses-base").strip()
    except (OSError, subprocess.CalledProcessError):
        ver = "unknown"
    toe = [ln.split("\t")[0].strip() for ln in run("toe", "-a").splitlines() if ln.strip()]
    return {"source": "this machine's compiled terminfo database, /lib/terminfo, read with infocmp -1 -x -si",
            "directory": str(TERMINFO), "package": f"ncurses-base {ver}", "infocmp": run("infocmp", "-V").strip(),
            "file_names": len(files), "symlinks": sum(len(v) for v in links.values()), "toe_listed": len(toe),
            "toe_omits": sorted(set(entries) - set(toe)),
            "long_names": dict(sorted(long_names.items())), "entries": dict(sorted(entries.items()))}


def snapshot_text(snap: dict) -> str:
    """JSON with one entry a line."""
    parts = []
    for k, v in snap.items():
        if k == "entries":
            body = ",\n".join(f"  {json.dumps(n)}: {json.dumps(x, ensure_ascii=False)}" for n, x in v.items())
            parts.append(f' "entries": {{\n{body}\n }}')
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's terminfo database again")
    snap = scan()
    missing = [k for k in read_names() if k not in snap["entries"]]
    if missing:
        sys.exit(f"not in this machine's terminfo database: {missing}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"{snap['package']}: {len(snap['entries'])} entries in {snap['file_names']} file names "
          f"({snap['symlinks']} symbolic links); toe -a lists {snap['toe_listed']}")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def catalogued() -> list[str]:
    return [n for ns in FAMILY.values() for n in ns]


def absent_entries() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def read_names() -> list[str]:
    return catalogued() + absent_entries()


def cat_set() -> set[str]:
    return set(catalogued())


def folder_of(n: str) -> str:
    return next(f for f, ns in FAMILY.items() if n in ns)


def full(snap: dict, n: str) -> dict[str, tuple[str, str | None]]:
    """The capabilities the compiled entry has (cancelled ones are absent): name -> (type, raw)."""
    return {c: (t, v) for c, t, v in snap["entries"][n]["caps"] if t != "cancelled"}


def num(raw: str) -> int:
    return int(raw, 0)


def diff_caps(snap: dict, a: str, b: str) -> list[str]:
    """The capabilities in which entry a differs from entry b, sorted as infocmp sorts (booleans, numbers, strings)."""
    fa, fb = full(snap, a), full(snap, b)
    order = {"bool": 0, "num": 1, "str": 2}
    out = [c for c in set(fa) | set(fb) if fa.get(c) != fb.get(c)]
    return sorted(out, key=lambda c: (order[(fa.get(c) or fb.get(c))[0]], c))


def _key(n: str) -> tuple[int, str]:
    return len(n), n


_BASE: dict = {}


def base_of(snap: dict, n: str) -> str | None:
    """The entry n is built on: of the entries whose name is shorter (or as long and earlier in the alphabet), the
    one it differs least from (ties: the shorter name), where at most a fifth of n's capabilities differ."""
    key = (id(snap), n)
    if key not in _BASE:
        best = None
        for m in snap["entries"]:
            if _key(m) >= _key(n):
                continue
            d = len(diff_caps(snap, n, m))
            if best is None or (d, _key(m)) < (best[0], _key(best[1])):
                best = (d, m)
        ok = best is not None and best[0] * BASE_SHARE <= len(full(snap, n))
        _BASE[key] = best[1] if ok else None
    return _BASE[key]


CTRL_NAMES = {0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"}


def decode(raw: str) -> str:
    """The characters a terminfo string stands for (padding $<..> dropped)."""
    out, i = [], 0
    esc = {"E": "\x1b", "e": "\x1b", "n": "\n", "l": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "s": " ",
           "^": "^", "\\": "\\", ",": ",", ":": ":", "0": "\x80", "a": "\x07"}  # fmt: skip
    while i < len(raw):
        c = raw[i]
        if c == "$" and raw[i + 1 : i + 2] == "<" and ">" in raw[i:]:
            i = raw.index(">", i) + 1
        elif c == "\\" and i + 1 < len(raw):
            m = re.match(r"[0-7]{3}", raw[i + 1 :])
            if m:
                out.append(chr(int(m[0], 8)))
                i += 4
            else:
                out.append(esc.get(raw[i + 1], raw[i + 1]))
                i += 2
        elif c == "^" and i + 1 < len(raw):
            out.append("\x7f" if raw[i + 1] == "?" else chr(ord(raw[i + 1]) & 0x1F))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def plain_seq(raw: str) -> bool:
    """A string of ESC and printable characters only, with no padding and no parameters: one a reader writes out."""
    if "$<" in raw or "%" in raw:
        return False
    d = decode(raw)
    return d.startswith("\x1b") and all(ch == "\x1b" or 0x20 < ord(ch) < 0x7F for ch in d)


def spelled(raw: str) -> str:
    """ESC written out: \\E[H\\E[2J -> ESC [H ESC [2J."""
    return " ".join("ESC " + part for part in decode(raw).split("\x1b")[1:])


def octal_form(raw: str) -> str | None:
    """As C writes it: \\033[H\\033[2J (None where a digit follows an ESC, which would read as part of it)."""
    parts = decode(raw).split("\x1b")[1:]
    if any(p[:1].isdigit() for p in parts):
        return None
    return "".join("\\033" + p for p in parts)


def kbs_words(raw: str) -> tuple[str, list[str]] | None:
    d = decode(raw)
    if d == "\x7f":
        return "DEL", ["DEL", "Delete", "0x7F"]
    if d == "\b":
        return "BS", ["BS", "Ctrl-H", "0x08"]
    return None


def fkey_ranges(ns: list[int]) -> str:
    out, i = [], 0
    while i < len(ns):
        j = i
        while j + 1 < len(ns) and ns[j + 1] == ns[j] + 1:
            j += 1
        out.append(f"kf{ns[i]}" if i == j else f"kf{ns[i]}–kf{ns[j]}")
        i = j + 1
    return ", ".join(out)


# The summary fields every page gives (a built-on entry: the value where it differs from its base, else "as base").
NUM_FIELDS = ["cols", "lines", "colors", "pairs", "it", "ncv", "lm", "U8", "btns", "vt"]
NUM_ALWAYS = ["cols", "lines", "colors", "pairs", "it"]  # shown as "not set" where absent
STR_FIELDS = ["kbs", "fkeys", "kmous", "bel", "clear", "bold", "smcup", "rmcup", "flash", "cup", "acsc"]
FIELDS = NUM_FIELDS + ["bools"] + STR_FIELDS


def field_value(caps: dict, f: str):
    """The value of summary field f for a full set of capabilities (None: absent)."""
    if f in NUM_FIELDS:
        return num(caps[f][1]) if caps.get(f, ("", None))[0] == "num" else None
    if f == "bools":
        return tuple(sorted(c for c, (t, _) in caps.items() if t == "bool"))
    if f == "fkeys":
        return tuple(sorted(int(m[1]) for c in caps if (m := FKEY.fullmatch(c))))
    if f == "acsc":
        return caps["acsc"][1] if "acsc" in caps else None
    return caps[f][1] if f in caps and caps[f][0] == "str" else None


def make_record(n: str, snap: dict) -> dict:
    e = snap["entries"][n]
    caps = full(snap, n)
    types = Counter(t for t, _ in caps.values())
    ext = [c for c in caps if c not in snap["long_names"] or snap["long_names"][c] == c]
    ext = [c for c in ext if not (c in STANDARD_SHORT)]
    folder = folder_of(n) if n in cat_set() else None
    r = {"key": n, "id": f"{folder}/{n}" if folder else None, "folder": folder,
         "kind": KIND[folder] if folder else None, "aliases": e["names"][1:-1], "desc": e["names"][-1],
         "file": e["file"], "links": e["links"], "size": e["size"], "sha256": e["sha256"], "magic": e["magic"],
         "n_caps": len(caps), "n_bool": types["bool"], "n_num": types["num"], "n_str": types["str"],
         "ext": sorted(ext, key=lambda c: ({"bool": 0, "num": 1, "str": 2}[caps[c][0]], c)), "caps": caps,
         "values": {f: field_value(caps, f) for f in FIELDS}}  # fmt: skip
    r["n_ext"] = len(r["ext"])
    b = base_of(snap, n)
    r["base"] = b
    if b:
        bc = full(snap, b)
        r["diff"] = diff_caps(snap, n, b)
        r["stated"] = [f for f in FIELDS if field_value(caps, f) != field_value(bc, f)]
        r["bools_added"] = sorted(c for c, (t, _) in caps.items() if t == "bool" and c not in bc)
        r["bools_dropped"] = sorted(c for c, (t, _) in bc.items() if t == "bool" and c not in caps)
    else:
        r["diff"], r["stated"] = [], list(FIELDS)
    return r


# Standard capabilities whose long name infocmp -L prints the same as the short one.
STANDARD_SHORT = {"lines"}

_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        all_ = {n: make_record(n, snap) for n in snap["entries"]}
        for r in all_.values():
            r["derived"] = sorted((m for m in all_ if all_[m]["base"] == r["key"] and m in cat_set()), key=_key)
        _RECS.update(key=id(snap), value=[all_[n] for n in catalogued()], all=all_)
    return _RECS["value"]


def all_records(snap: dict) -> dict[str, dict]:
    records(snap)
    return _RECS["all"]


def states(r: dict, f: str) -> bool:
    """Does r's page state field f itself (a stand-alone entry, or one whose value differs from its base's)?"""
    return f in r["stated"]


def chain(by: dict, n: str, f: str) -> list[str]:
    """The pages a reader follows from n to the page that states field f: n, its base, ... ."""
    path = [n]
    while not states(by[path[-1]], f):
        path.append(by[path[-1]]["base"])
    return path


def other_names(snap: dict, n: str) -> list[str]:
    """Every name of the directory but n's own: primary names, aliases and file names (symbolic links too)."""
    own = set(snap["entries"][n]["names"][:-1]) | {Path(snap["entries"][n]["file"]).name} | \
        {Path(x).name for x in snap["entries"][n]["links"]}
    out = set()
    for m, e in snap["entries"].items():
        out |= set(e["names"][:-1]) | {Path(e["file"]).name} | {Path(x).name for x in e["links"]}
    return sorted(out - own)


# ------------------------------------------------------------------ the capability register


REG_COLUMNS = ["id", "title", "capname", "long_name", "type", "origin", "set_by_count", "set_by", "not_set_by",
               "values"]  # fmt: skip
TYPE_WORDS = {"bool": "boolean", "num": "numeric", "str": "string"}


def long_name(snap: dict, c: str) -> str | None:
    lg = snap["long_names"].get(c)
    return None if lg is None or (lg == c and c not in STANDARD_SHORT) else lg


def register_rows(snap: dict) -> list[dict]:
    recs = records(snap)
    have: dict[str, list[str]] = {}
    typ: dict[str, str] = {}
    for r in recs:
        for c, (t, _) in r["caps"].items():
            if not FKEY.fullmatch(c):
                have.setdefault(c, []).append(r["key"])
                typ[c] = t
    out = []
    for c in sorted(have, key=lambda c: ({"bool": 0, "num": 1, "str": 2}[typ[c]], c.lower(), c)):
        names = sorted(have[c], key=str.lower)
        lg = long_name(snap, c)
        if typ[c] == "num":
            vals = Counter(num(r["caps"][c][1]) for r in recs if c in r["caps"])
            values = "; ".join(f"{v} ({k} entr{'ies' if k > 1 else 'y'})" for v, k in
                               sorted(vals.items(), key=lambda x: (-x[1], x[0])))
        elif typ[c] == "str":
            vals = Counter(r["caps"][c][1] for r in recs if c in r["caps"])
            values = f"{len(vals)} different value{'s' if len(vals) > 1 else ''}"
        else:
            values = "set or not set (boolean)"
        missing = sorted((r["key"] for r in recs if r["key"] not in have[c]), key=str.lower)
        out.append({"id": c, "title": f"terminfo capability {c}" + (f" ({lg})" if lg else " (extended)"),
                    "capname": c, "long_name": lg or "none: an extended (user-defined) capability",
                    "type": TYPE_WORDS[typ[c]], "origin": "standard" if lg else "extended, shown by infocmp -x",
                    "set_by_count": len(names), "set_by": ", ".join(names),
                    "not_set_by": ", ".join(missing) if missing else "none: every catalogued entry has it",
                    "values": values})  # fmt: skip
    return out


def register_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REG_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


_REG: dict = {}


def reg_by(snap: dict) -> dict[str, dict]:
    if _REG.get("key") != id(snap):
        _REG.update(key=id(snap), value={x["id"]: x for x in register_rows(snap)})
    return _REG["value"]


def reg_pages(row: dict) -> list[str]:
    return row["set_by"].split(", ")


# ------------------------------------------------------------------ splits and layouts


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog33:{salt}{key}".encode()).hexdigest(), 16)


def links(r: dict) -> list[str]:
    return [r["base"]] if r["base"] else []


def link_groups(recs: list[dict]) -> list[list[str]]:
    parent = {r["key"]: r["key"] for r in recs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        for x in links(r):
            parent[find(x)] = find(r["key"])
    out: dict[str, list[str]] = {}
    for r in recs:
        out.setdefault(find(r["key"]), []).append(r["key"])
    return [sorted(g, key=_key) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by entry: link groups (an entry and the entry it is built on) in the order of
    sha256("catalog33:<the group's first entry>"), dev taking groups until it holds DEV_PAGES pages or more."""
    out, n = {}, 0
    for g in sorted(link_groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({c: part for c in g})
    return out


def split_rows(snap: dict, sp: dict[str, str]) -> dict[str, str]:
    """Keyed by capability: the split of the entries that have it where they are all of one split, else by the turn
    of sha256("catalog33:row<capability>") (two of five to dev)."""
    out = {}
    for x in register_rows(snap):
        parts = {sp[n] for n in reg_pages(x)}
        out[x["id"]] = parts.pop() if len(parts) == 1 else ("dev" if _h(x["id"], "row") % 5 < 2 else "test")
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["key"] for r in recs if sp[r["key"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["key"]]


# ------------------------------------------------------------------ pages


PROSE_NAME = {"fkeys": "function keys", "kbs": "backspace key (kbs)"}


def or_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " or " + xs[-1]


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def page_of(n: str) -> str:
    return f"{folder_of(n)}/{n}"


def title(r: dict) -> str:
    return f"{r['key']} — {r['desc']}"


def path_text(r: dict) -> str:
    return f"/lib/terminfo/{r['file']}"


def magic_text(r: dict) -> str:
    if r["magic"] == "01036":
        return "extended-number format (magic 01036 octal, numbers stored in 32 bits)"
    return "legacy format (magic 0432 octal, numbers stored in 16 bits)"


def counts_text(r: dict) -> str:
    return (f"{r['n_caps']} capabilities in all: {r['n_bool']} boolean, {r['n_num']} numeric and {r['n_str']} "
            f"string")


def ext_text(r: dict) -> str:
    return f"{r['n_ext']}: {', '.join(r['ext'])}" if r["ext"] else "none"


def links_text(r: dict) -> str:
    if not r["links"]:
        return "none"
    return and_list([f"/lib/terminfo/{x} (a symbolic link)" for x in r["links"]])


def aliases_text(r: dict) -> str:
    return and_list(r["aliases"]) if r["aliases"] else "none"


def cap_words(snap: dict, c: str) -> str:
    lg = long_name(snap, c)
    return f"{c} ({lg})" if lg and lg != c else (c if lg else f"{c} (extended)")


def diff_item(r: dict, c: str) -> str:
    if c not in r["caps"]:
        return f"{c}@"
    t, v = r["caps"][c]
    return c if t == "bool" else f"{c}#{v}" if t == "num" else f"{c}={v}"


def diff_text(r: dict) -> str:
    if not r["diff"]:
        return f"none: its capabilities are exactly those of {r['base']}, only its names differ"
    return f"{len(r['diff'])}: {', '.join(diff_item(r, c) for c in r['diff'])}"


def where_text(n: str) -> str:
    return f"its page: {page_of(n)}"


def base_text(r: dict) -> str:
    if not r["base"]:
        return "none: a stand-alone entry"
    return f"{r['base']} ({where_text(r['base'])})"


def derived_text(r: dict) -> str | None:
    return and_list([f"{d} ({page_of(d)})" for d in r["derived"]]) if r["derived"] else None


NUM_LABEL = {"cols": "Columns (cols)", "lines": "Lines (lines)", "colors": "Colours (colors)",
             "pairs": "Colour pairs (pairs)", "it": "Tab stops every (it)",
             "ncv": "Attributes not combined with colour (ncv)", "lm": "Lines of memory (lm)",
             "U8": "UTF-8 line drawing (U8, extended)", "btns": "Mouse buttons (btns)",
             "vt": "Virtual terminal number (vt)"}  # fmt: skip
STR_LABEL = {"kbs": "Backspace key sends (kbs)", "fkeys": "Function keys (kf0–kf63)", "kmous": "Mouse prefix (kmous)",
             "bel": "Bell (bel)", "clear": "Clear screen (clear)", "bold": "Bold (bold)",
             "smcup": "Enter full-screen mode (smcup)", "rmcup": "Leave full-screen mode (rmcup)",
             "flash": "Visual bell (flash)", "cup": "Cursor address (cup)", "acsc": "Line drawing (acsc)"}  # fmt: skip


def raw_of(r: dict, f: str) -> str | None:
    return r["caps"][f][1] if f in r["caps"] else None


def num_text(r: dict, f: str) -> str:
    v = r["values"][f]
    if v is None:
        return "not set"
    raw = raw_of(r, f)
    return f"{v} (infocmp writes {f}#{raw})" if raw.lower().startswith("0x") else str(v)


SEQ_SPELLED = ("clear", "bold", "smcup", "rmcup", "flash")  # fields whose plain sequences a page also writes out


def seq_text(raw: str) -> str:
    if plain_seq(raw):
        octal = octal_form(raw)
        return f"{raw} ({spelled(raw)}" + (f"; in C {octal})" if octal else ")")
    return raw


def kbs_text(raw: str) -> str:
    w = kbs_words(raw)
    if w is None:
        return raw
    return f"{raw}: DEL, the Delete character (0x7F)" if w[0] == "DEL" else f"{raw}: BS, Ctrl-H (0x08)"


def acsc_pairs(raw: str) -> int:
    return len(decode(raw)) // 2


def field_text(r: dict, snap: dict, f: str) -> str:
    """The value of field f as a sheet or card gives it (a built-on entry: "as <base>" where unchanged)."""
    if not states(r, f):
        return f"as {r['base']}"
    v = r["values"][f]
    if f in NUM_FIELDS:
        return num_text(r, f)
    if f == "bools":
        if not r["base"]:
            return f"{len(v)} set: " + ", ".join(cap_words(snap, c) for c in v) if v else "none"
        parts = [f"as {r['base']}"]
        if r["bools_added"]:
            parts.append("plus " + ", ".join(cap_words(snap, c) for c in r["bools_added"]))
        if r["bools_dropped"]:
            parts.append("without " + ", ".join(cap_words(snap, c) for c in r["bools_dropped"]))
        return "; ".join(parts)
    if f == "fkeys":
        return f"{len(v)} ({fkey_ranges(list(v))})" if v else "none"
    if v is None:
        return {"kmous": "none (no mouse)", "smcup": "none (no alternate screen)", "flash": "none (no visual bell)",
                "acsc": "none (no line-drawing characters)"}.get(f, "none")
    if f == "kbs":
        return kbs_text(v)
    if f == "acsc":
        return f"{acsc_pairs(v)} character pairs (acsc={v})"
    if f in ("clear", "bold", "smcup", "rmcup", "flash", "bel"):
        return seq_text(v) if f != "bel" else (f"{v} (BEL)" if decode(v) == "\x07" else v)
    return v


SECTIONS = {"Screen and colour": NUM_FIELDS, "Behaviour": ["bools"], "Keyboard": ["kbs", "fkeys", "kmous"],
            "Output": ["bel", "clear", "bold", "smcup", "rmcup", "flash", "cup", "acsc"]}  # fmt: skip


def shown(r: dict, f: str) -> bool:
    """Is field f a line of r's sheet or card? (rare numbers only where the entry or its base has them)"""
    if f in NUM_FIELDS and f not in NUM_ALWAYS:
        return r["values"][f] is not None or not states(r, f)
    return True


def shown_fields(r: dict, by: dict) -> list[str]:
    out = []
    for f in FIELDS:
        if f in NUM_FIELDS and f not in NUM_ALWAYS:
            # a rare number: shown where the entry has it, or where its chain leads to a page that has it
            if r["values"][f] is None and (states(r, f) or by[chain(by, r["key"], f)[-1]]["values"][f] is None):
                continue
        out.append(f)
    return out


def rows(r: dict, snap: dict, by: dict) -> list[tuple[str, str, str]]:
    """(section, label, value) of every line a sheet or card shows."""
    S = "Identification"
    out = [(S, "Entry", r["key"]), (S, "Other names", aliases_text(r)), (S, "Description", r["desc"]),
           (S, "Family", f"{r['folder']}/ ({FAMILY_WORDS[r['folder']]})"), (S, "Kind", r["kind"]),
           (S, "Based on", base_text(r))]
    if r["base"]:
        out.append((S, f"Capabilities that differ from {r['base']}", diff_text(r)))
    if derived_text(r):
        out.append((S, "Entries here built on it", derived_text(r)))
    S = "Compiled file"
    out += [(S, "File", path_text(r)), (S, "Other file names", links_text(r)), (S, "Size", f"{r['size']} bytes"),
            (S, "Format", magic_text(r)), (S, "sha256", r["sha256"][:16] + "…"),
            (S, "Capabilities", counts_text(r)), (S, "Extended capabilities (infocmp -x)", ext_text(r))]
    if r["key"] in snap["toe_omits"]:
        out.append((S, "Listed by toe -a", f"no: toe -a lists {snap['toe_listed']} entries, not this one"))
    keep = shown_fields(r, by)
    for sec, fs in SECTIONS.items():
        for f in fs:
            if f in keep:
                label = NUM_LABEL.get(f) or STR_LABEL.get(f) or "Boolean capabilities"
                out.append((sec, label, field_text(r, snap, f)))
    return out


def front(r: dict) -> dict:
    fm = {"entry": r["key"], "aliases": r["aliases"], "description": r["desc"], "family": r["folder"],
          "kind": r["kind"], "based_on": r["base"] or "none", "file": path_text(r), "size_bytes": r["size"],
          "format": "extended-number" if r["magic"] == "01036" else "legacy", "capabilities": r["n_caps"],
          "extended_capabilities": r["n_ext"]}  # fmt: skip
    v = r["values"]
    for f, k in (("cols", "columns"), ("lines", "lines"), ("colors", "colors"), ("pairs", "pairs")):
        if states(r, f) and v[f] is not None:
            fm[k] = v[f]
    if states(r, "kbs") and v["kbs"] and kbs_words(v["kbs"]):
        fm["backspace"] = kbs_words(v["kbs"])[0]
    if states(r, "fkeys"):
        fm["function_keys"] = len(v["fkeys"])
    if states(r, "smcup"):
        fm["alternate_screen"] = v["smcup"] is not None
    if states(r, "kmous"):
        fm["mouse"] = v["kmous"] is not None
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(r: dict, snap: dict) -> str:
    return (f"Source: {path_text(r)} ({snap['package']}; {r['size']} bytes, sha256 {r['sha256'][:16]}…), read with "
            f"infocmp -1 -x ({snap['infocmp']}); an entry built on another shows what differs and gives the rest as "
            f"its base, not resolved.")


def _sheet(r: dict, snap: dict, by: dict) -> str:
    return "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for _, a, b in rows(r, snap, by)) + "\n"


def _card(r: dict, snap: dict, by: dict) -> str:
    out, sec = [], None
    for s, a, b in rows(r, snap, by):
        if s != sec:
            if sec is not None:
                out.append("")
            out.append(f"## {s}")
            sec = s
        out.append(f"- {a}: {b}")
    return "\n".join(out) + "\n"


NUM_PHRASE = {"cols": "{v} columns", "lines": "{v} lines", "colors": "{v} colours", "pairs": "{v} colour pairs",
              "it": "tab stops every {v} columns", "ncv": "an ncv of {v}", "lm": "{v} lines of memory (lm)",
              "U8": "the extended flag U8 at {v}", "btns": "{v} mouse buttons (btns)",
              "vt": "virtual terminal number {v} (vt)"}  # fmt: skip


def _num_phrase(r: dict, f: str) -> str:
    v = r["values"][f]
    raw = raw_of(r, f)
    p = NUM_PHRASE[f].format(v=v)
    return p + (f" (infocmp writes {f}#{raw})" if raw.lower().startswith("0x") else "")


def _prose(r: dict, snap: dict, by: dict) -> str:
    w = _h(r["key"], "w")
    k, d, b = r["key"], r["desc"], r["base"]
    p1 = [(f"{k} is the terminfo entry described as “{d}”.",
           f"“{d}”: that is how the names line of {k} describes the terminal.",
           f"The entry {k} carries the description “{d}”.")[w % 3]]
    if r["aliases"]:
        p1.append(f"It also answers to {'the name' if len(r['aliases']) == 1 else 'the names'} "
                  f"{and_list(r['aliases'])}.")
    else:
        p1.append("It has no other name.")
    p1.append(f"This catalogue files it under {r['folder']}/ ({FAMILY_WORDS[r['folder']]}), as a {r['kind']}.")
    if b and not r["diff"]:
        p1.append(f"It is built on {b} ({where_text(b)}) and differs from it in no capability at all: only its names "
                  f"and description are its own.")
    elif b:
        items = ", ".join(diff_item(r, c) for c in r["diff"])
        p1.append((f"It is built on {b} ({where_text(b)}): {len(r['diff'])} of its capabilities differ from that "
                   f"entry's, namely {items}.",
                   f"Its base is {b} ({where_text(b)}), from which it differs in {len(r['diff'])} "
                   f"capabilit{'y' if len(r['diff']) == 1 else 'ies'} ({items}).")[(w >> 2) % 2])
    else:
        p1.append("It stands alone, built on none of the other entries: no entry with a shorter name comes within a "
                  "fifth of its capabilities, so every value below is its own.")
    if r["derived"]:
        ds = [f"{x} ({page_of(x)})" for x in r["derived"]]
        p1.append(f"In this catalogue {and_list(ds)} {'is' if len(ds) == 1 else 'are'} built on it.")
    lk = f", with {links_text(r)} pointing to it" if r["links"] else ""
    p2 = [(f"The compiled entry is the file {path_text(r)}{lk}: {r['size']} bytes in the {magic_text(r)}.",
           f"Compiled, it lives in {path_text(r)}{lk}, a file of {r['size']} bytes in the {magic_text(r)}.")[
              (w >> 3) % 2],
          f"It holds {counts_text(r)}; extended capabilities (shown by infocmp -x): {ext_text(r)}.",
          f"The file's sha256 begins {r['sha256'][:16]}."]
    if k in snap["toe_omits"]:
        p2.append(f"toe -a, which lists {snap['toe_listed']} entries, does not list this one.")
    keep = shown_fields(r, by)
    nums = [f for f in NUM_FIELDS if f in keep]
    own_set = [f for f in nums if states(r, f) and r["values"][f] is not None]
    own_none = [f for f in nums if states(r, f) and r["values"][f] is None]
    inh = [f for f in nums if not states(r, f)]
    p3 = []
    if own_set:
        p3.append((f"It gives {and_list([_num_phrase(r, f) for f in own_set])}.",
                   f"Its numbers: {and_list([_num_phrase(r, f) for f in own_set])}.")[(w >> 4) % 2])
    if own_none:
        p3.append(f"It sets no {or_list(own_none)} value.")
    if inh:
        p3.append(f"For {and_list(inh)} it keeps the value{'s' if len(inh) > 1 else ''} of {b}.")
    if states(r, "bools"):
        if not b:
            v = r["values"]["bools"]
            p3.append(f"It sets {len(v)} boolean capabilit{'y' if len(v) == 1 else 'ies'}: "
                      f"{', '.join(cap_words(snap, c) for c in v)}." if v else "It sets no boolean capabilities.")
        else:
            bits = []
            if r["bools_added"]:
                bits.append("adds " + ", ".join(cap_words(snap, c) for c in r["bools_added"]))
            if r["bools_dropped"]:
                bits.append("drops " + ", ".join(cap_words(snap, c) for c in r["bools_dropped"]))
            p3.append(f"Its boolean capabilities are those of {b}, except that it {' and '.join(bits)}.")
    else:
        p3.append(f"Its boolean capabilities are those of {b}.")
    p4 = []
    v = r["values"]
    sent = {
        "kbs": lambda: f"The backspace key sends {kbs_text(v['kbs'])} (kbs)." if v["kbs"] else "It defines no kbs.",
        "fkeys": lambda: (f"It defines {len(v['fkeys'])} function keys ({fkey_ranges(list(v['fkeys']))})."
                          if v["fkeys"] else "It defines no function keys."),
        "kmous": lambda: (f"A mouse report starts with {v['kmous']} (kmous)." if v["kmous"] else
                          "It has no kmous, so no mouse."),
        "bel": lambda: f"The bell is {field_text(r, snap, 'bel')}." if v["bel"] else "It has no bel.",
        "clear": lambda: (f"Clearing the screen takes {seq_text(v['clear'])} (clear)." if v["clear"] else
                          "It has no clear."),
        "bold": lambda: f"Bold is {seq_text(v['bold'])} (bold)." if v["bold"] else "It has no bold.",
        "smcup": lambda: (f"Full-screen programs start with {seq_text(v['smcup'])} (smcup)." if v["smcup"] else
                          "It has no smcup, so no alternate screen."),
        "rmcup": lambda: (f"They end with {seq_text(v['rmcup'])} (rmcup)." if v["rmcup"] else "It has no rmcup."),
        "flash": lambda: (f"Its visual bell is {seq_text(v['flash'])} (flash)." if v["flash"] else
                          "It has no flash, so no visual bell."),
        "cup": lambda: f"The cursor is addressed with {v['cup']} (cup)." if v["cup"] else "It has no cup.",
        "acsc": lambda: (f"Its acsc maps {acsc_pairs(v['acsc'])} line-drawing character pairs (acsc={v['acsc']})."
                         if v["acsc"] else "It has no acsc, so no line-drawing characters."),
    }  # fmt: skip
    inh = []
    for f in STR_FIELDS:
        if states(r, f):
            p4.append(sent[f]())
        else:
            inh.append(f)
    if inh:
        inh = [PROSE_NAME.get(f, f) for f in inh]
        p4.append((f"Its {and_list(inh)} {'is' if len(inh) == 1 else 'are'} as {b}'s.",
                   f"For {and_list(inh)} it defers to {b}.")[(w >> 5) % 2])
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4) if p) + "\n"


def render(r: dict, snap: dict, by: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[layout(r)](r, snap, by)
    return head + body + "\n" + source_line(r, snap) + "\n"


def page_path(r: dict) -> str:
    return f"{r['id']}.md"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    assign_layouts(recs)
    out = {page_path(r): render(r, snap, by) for r in recs}
    out["capabilities.csv"] = register_csv(register_rows(snap))
    return out


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


def _ok(question: str, answers: list[str], typ: str, text: str, options: list[str] | None = None) -> bool:
    from ragtune.eval.metrics import is_correct

    return is_correct(_item(question, answers, typ, options), text, False)


CITES = ["It is in /lib/terminfo.", "See the terminfo(5) manual page.", "The catalogue page says so.",
         "It is one of ncurses' terminal descriptions.", "Run infocmp to find out."]  # fmt: skip


def cite_safe(question: str, golds: list[str], typ: str) -> bool:
    return not any(_ok(question, golds, typ, t) for t in CITES)


def hedge_safe(question: str, options: list[str], gold: str, typ: str = "comparison") -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return _ok(question, [gold], typ, gold, options) and _ok(question, [gold], typ, f"The answer is {gold}.", options) \
        and not any(_ok(question, [gold], typ, t, options) for t in tries + CITES)


def gold_safe(question: str, answers: list[str], typ: str = "single_hop") -> bool:
    return all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers) \
        and cite_safe(question, answers, typ)


def names_safe(question: str, golds: list[str], others: list[str], typ: str = "reverse") -> bool:
    """Do all other names of the directory score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


_IDENT: dict = {}


def ident(n: str, snap: dict) -> list[str] | None:
    """How an answer names an entry: its primary name, where no other name of the directory would pass for it
    (`xterm-256color` holds the tokens of `xterm`, so xterm is never a named answer); None where it is not safe."""
    key = (id(snap), n)
    if key not in _IDENT:
        _IDENT[key] = [n] if _atok(n) and names_safe("Which terminfo entry is it?", [n], other_names(snap, n)) \
            else None
    return _IDENT[key]


def alias_ok(a: str, n: str, snap: dict) -> bool:
    """Is alias a of entry n a safe answer form (no other entry's name holds its tokens, nor it theirs)?"""
    others = [o for o in other_names(snap, n) if o not in snap["entries"][n]["names"]]
    return bool(_atok(a)) and names_safe("Which terminfo entry is it?", [a], others)


def answer_names(n: str, snap: dict, q: str) -> list[str] | None:
    g = ident(n, snap)
    if not g or in_question(q, n):
        return None
    return g + [a for a in snap["entries"][n]["names"][1:-1] if alias_ok(a, n, snap) and not in_question(q, a)]


def cap(q: str) -> str:
    if re.match(r"(?:the|which|how|what|in|on|for|of|from|whom|when|only)\b", q):
        return q[0].upper() + q[1:]
    return q


_DESCS: dict = {}


def refs(r: dict, snap: dict) -> dict[str, str]:
    """The ways a question may name an entry: its primary name, or its description where no other entry shares it."""
    if _DESCS.get("key") != id(snap):
        _DESCS.update(key=id(snap), value=Counter(e["names"][-1] for e in snap["entries"].values()))
    out = {"name": r["key"]}
    if _DESCS["value"][r["desc"]] == 1 and r["desc"] != r["key"]:
        out["desc"] = f"the entry described as “{r['desc']}”"
    return out


def seq_golds(raw: str | None) -> list[str] | None:
    if not raw or not plain_seq(raw):
        return None
    g = [raw, spelled(raw)]
    if octal_form(raw):
        g.append(octal_form(raw))
    return g


def common_value(recs: list[dict], f: str):
    c = Counter(r["values"][f] for r in recs if r["values"][f] is not None)
    return c.most_common(1)[0][0] if c else None


_COMMON: dict = {}


def common(snap: dict, f: str):
    key = (id(snap), f)
    if key not in _COMMON:
        _COMMON[key] = common_value(records(snap), f)
    return _COMMON[key]


def _v(r: dict, f: str):
    return r["values"][f]


NAME_REF = ("name", "desc")
# kind: (templates, golds(r, snap), condition(r, snap), the ways the question may name the entry, the fact it asks)
SINGLE = {
    "lines": (["How many lines does {n} give (lines)?", "What lines value does {n} set?"],
              lambda r, s: [str(_v(r, "lines"))],
              lambda r, s: states(r, "lines") and _v(r, "lines") not in (None, common(s, "lines")), NAME_REF, "lines"),
    "colors": (["How many colours does {n} support (colors)?", "What is the colors value of {n}?"],
               lambda r, s: [str(_v(r, "colors"))],
               lambda r, s: states(r, "colors") and _v(r, "colors") not in (None, common(s, "colors")), NAME_REF,
               "colors"),
    "pairs": (["How many colour pairs (pairs) does {n} allow?"], lambda r, s: [str(_v(r, "pairs"))],
              lambda r, s: states(r, "pairs") and _v(r, "pairs") not in (None, common(s, "pairs")), NAME_REF,
              "pairs"),
    "ncv": (["What ncv value (the video attributes that cannot be combined with colour) does {n} give?"],
            lambda r, s: [str(_v(r, "ncv"))], lambda r, s: states(r, "ncv") and (_v(r, "ncv") or 0) > 0, NAME_REF,
            "ncv"),
    "kbs": (["What does the backspace key send under {n} (kbs)?",
             "Which character does {n} expect from the backspace key?"],
            lambda r, s: kbs_words(_v(r, "kbs"))[1],
            lambda r, s: states(r, "kbs") and bool(_v(r, "kbs")) and kbs_words(_v(r, "kbs")) is not None, NAME_REF,
            "kbs"),
    "fkeys": (["How many function keys does {n} define?",
               "How many function-key capabilities (kf0 to kf63) does {n} have?"],
              lambda r, s: [str(len(_v(r, "fkeys")))], lambda r, s: states(r, "fkeys") and bool(_v(r, "fkeys")),
              NAME_REF, "fkeys"),
    "clear": (["Which sequence does {n} send to clear the screen (clear)?"], lambda r, s: seq_golds(_v(r, "clear")),
              lambda r, s: states(r, "clear") and seq_golds(_v(r, "clear")) is not None, NAME_REF, "clear"),
    "smcup": (["What does {n} send when a full-screen program starts (smcup)?"],
              lambda r, s: seq_golds(_v(r, "smcup")),
              lambda r, s: states(r, "smcup") and seq_golds(_v(r, "smcup")) is not None, NAME_REF, "smcup"),
    "rmcup": (["What does {n} send when a full-screen program ends (rmcup)?"], lambda r, s: seq_golds(_v(r, "rmcup")),
              lambda r, s: states(r, "rmcup") and seq_golds(_v(r, "rmcup")) is not None, NAME_REF, "rmcup"),
    "acsc": (["How many line-drawing character pairs does the acsc string of {n} map?"],
             lambda r, s: [str(acsc_pairs(_v(r, "acsc")))], lambda r, s: states(r, "acsc") and bool(_v(r, "acsc")),
             NAME_REF, "acsc"),
    "alias": (["Which other name does {n} answer to?", "What is the alias of {n}?"],
              lambda r, s: list(r["aliases"]), lambda r, s: len(r["aliases"]) == 1, NAME_REF, "alias"),
    "link": (["Which file name in /lib/terminfo is a symbolic link to the compiled file of {n}?"],
              lambda r, s: [Path(r["links"][0]).name, f"/lib/terminfo/{r['links'][0]}"],
              lambda r, s: len(r["links"]) == 1, NAME_REF, "alias"),
    "desc": (["How does the names line of {n} describe the terminal?", "What description does {n} carry?"],
             lambda r, s: [r["desc"]], lambda r, s: bool(_atok(r["desc"])), ("name",), "desc"),
    "base": (["Which entry is {n} built on?", "Which terminfo entry does {n} count as its base in this catalogue?"],
             lambda r, s: ident(r["base"], s), lambda r, s: bool(r["base"]), NAME_REF, "base"),
    "n_diff": (["In how many capabilities does {n} differ from the entry it is built on?"],
               lambda r, s: [str(len(r["diff"]))], lambda r, s: bool(r["base"]) and len(r["diff"]) >= 1, NAME_REF,
               "n_diff"),
    "file": (["Which file under /lib/terminfo holds the compiled form of {n}?"],
             lambda r, s: [path_text(r), r["file"]], lambda r, s: Path(r["file"]).name != r["key"], NAME_REF, "file"),
    "size": (["How many bytes is the compiled terminfo file of {n}?",
              "What is the size, in bytes, of the compiled file for {n}?"],
             lambda r, s: [str(r["size"])], lambda r, s: True, NAME_REF, "size"),
    "magic": (["Which magic number, in octal, does the compiled file of {n} start with?"],
              lambda r, s: [r["magic"]], lambda r, s: r["magic"] == "01036", NAME_REF, "format"),
    "n_caps": (["How many capabilities does the compiled form of {n} hold in all?"], lambda r, s: [str(r["n_caps"])],
               lambda r, s: True, NAME_REF, "n_caps"),
    "n_bool": (["How many boolean capabilities does {n} set?"], lambda r, s: [str(r["n_bool"])],
               lambda r, s: r["n_bool"] >= 2, NAME_REF, "n_bool"),
    "n_str": (["How many string capabilities does the compiled form of {n} have?"], lambda r, s: [str(r["n_str"])],
              lambda r, s: True, NAME_REF, "n_str"),
    "n_ext": (["How many extended (user-defined) capabilities does infocmp -x show for {n}?"],
              lambda r, s: [str(r["n_ext"])], lambda r, s: r["n_ext"] >= 1, NAME_REF, "n_ext"),
}  # fmt: skip
SINGLE_ORDER = ["file", "link", "alias", "base", "smcup", "clear", "acsc", "ncv", "pairs", "colors", "lines", "kbs",
                "fkeys", "rmcup", "n_diff", "magic", "desc", "n_ext", "n_bool", "size", "n_caps", "n_str"]  # fmt: skip


def single_question(r: dict, k: str, form: str, snap: dict) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["key"], k) % len(tpls)]
    return cap(tpl.format(n=refs(r, snap)[form]))


def single_golds(r: dict, k: str, snap: dict) -> list[str] | None:
    return SINGLE[k][1](r, snap)


def ref_forms(r: dict, k: str, snap: dict) -> list[str]:
    """The ways a question of kind k may name the entry, the first chosen by hash (a description one time in four)."""
    forms_ = [f for f in SINGLE[k][3] if f in refs(r, snap)]
    weights = [1 if f != "name" else 3 for f in forms_]
    i = _h(r["key"], "ref" + k) % sum(weights)
    j = 0
    while i >= weights[j]:
        i -= weights[j]
        j += 1
    return forms_[j:] + forms_[:j]


def page_numbers(r: dict) -> set[str]:
    xs = [r["size"], r["n_caps"], r["n_bool"], r["n_num"], r["n_str"], r["n_ext"], len(r["diff"]), r["magic"]]
    for f in NUM_FIELDS:
        if states(r, f) and r["values"][f] is not None:
            xs.append(r["values"][f])
    if states(r, "fkeys"):
        xs.append(len(r["values"]["fkeys"]))
        xs += list(r["values"]["fkeys"][:1]) + list(r["values"]["fkeys"][-1:])
    if states(r, "acsc") and r["values"]["acsc"]:
        xs.append(acsc_pairs(r["values"]["acsc"]))
    if states(r, "bools"):
        xs.append(len(r["values"]["bools"]))
    return {str(x) for x in xs}


def page_texts(r: dict, snap: dict) -> set[str]:
    """The values a page states besides its counts: names, words, sequences, paths."""
    out = {r["key"], r["desc"], r["folder"], r["kind"], FAMILY_WORDS[r["folder"]], path_text(r), r["file"],
           "DEL", "BS", "Ctrl-H", "0x7F", "0x08"}
    out |= set(r["aliases"]) | {Path(x).name for x in r["links"]} | set(r["derived"]) | set(r["ext"])
    if r["base"]:
        out.add(r["base"])
        out |= {diff_item(r, c) for c in r["diff"]}
    for f in STR_FIELDS:
        if states(r, f) and f not in ("fkeys",) and r["values"][f]:
            out.add(r["values"][f])
            out |= set(seq_golds(r["values"][f]) or [])
    if states(r, "bools"):
        for c in r["values"]["bools"]:
            out |= {c, long_name(snap, c) or c}
    return {x for x in out if x and _atok(x)}


def catalogue_values(recs: list[dict]) -> set[str]:
    out = set()
    for t in recs:
        out |= {t["key"], t["desc"]}
        if t["values"]["clear"]:
            out.add(t["values"]["clear"])
    return {x for x in out if _atok(x)}


def others_of(r: dict, recs: list[dict], snap: dict) -> set[str]:
    return page_numbers(r) | page_texts(r, snap) | catalogue_values(recs)


def others_safe(question: str, golds: list[str], others: set[str], typ: str = "single_hop") -> bool:
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in others if _atok(x) not in gt)


def reg_values(row: dict) -> set[str]:
    out = {str(row["set_by_count"]), row["capname"], row["long_name"]}
    out |= set(row["set_by"].split(", ")) | set(row["not_set_by"].split(", "))
    out |= set(re.findall(r"(\d+) \(", row["values"]))
    return {x for x in out if _atok(x)}


def _lg(snap: dict, c: str) -> str:
    lg = long_name(snap, c)
    return f" ({lg})" if lg and lg != c else (" (an extended capability)" if not lg else "")


def _reg_only(snap: dict, x: str) -> str | None:
    row = reg_by(snap)[x]
    return row["set_by"] if row["set_by_count"] == 1 else None


def _reg_missing(snap: dict, x: str) -> str | None:
    row = reg_by(snap)[x]
    return row["not_set_by"] if row["set_by_count"] == len(catalogued()) - 1 else None


REG = {
    "reg_count": ("How many entries in this catalogue have the terminfo capability {a}{lg}?",
                  lambda s, x: [str(reg_by(s)[x]["set_by_count"])],
                  lambda s, x: 2 <= reg_by(s)[x]["set_by_count"] < len(catalogued()), lambda s, x: None),
    "reg_only": ("Which catalogued entry is the only one with the capability {a}{lg}?",
                 lambda s, x: ident(_reg_only(s, x), s) if _reg_only(s, x) else None,
                 lambda s, x: _reg_only(s, x) is not None, _reg_only),
    "reg_missing": ("Which catalogued entry is the only one without the capability {a}{lg}?",
                    lambda s, x: ident(_reg_missing(s, x), s) if _reg_missing(s, x) else None,
                    lambda s, x: _reg_missing(s, x) is not None, _reg_missing),
}  # fmt: skip
REG_ORDER = ["reg_missing", "reg_only", "reg_count"]


def reg_question(snap: dict, k: str, x: str) -> str:
    return REG[k][0].format(a=x, lg=_lg(snap, x))


def _g(cond, val):
    return lambda t, s: val(t, s) if cond(t, s) else None


# multi hop: the field asked of the entry a chain reaches
HOP_FIELD = {
    "lines": ("How many lines does that entry give?", _g(lambda t, s: states(t, "lines") and _v(t, "lines"),
                                                          lambda t, s: [str(_v(t, "lines"))]), "lines"),
    "colors": ("How many colours does that entry support?",
               _g(lambda t, s: states(t, "colors") and _v(t, "colors"), lambda t, s: [str(_v(t, "colors"))]),
               "colors"),
    "pairs": ("How many colour pairs does that entry allow?",
              _g(lambda t, s: states(t, "pairs") and _v(t, "pairs"), lambda t, s: [str(_v(t, "pairs"))]), "pairs"),
    "fkeys": ("How many function keys does that entry define?",
              _g(lambda t, s: SINGLE["fkeys"][2](t, s), lambda t, s: [str(len(_v(t, "fkeys")))]), "fkeys"),
    "kbs": ("What does the backspace key send under that entry?", _g(SINGLE["kbs"][2], SINGLE["kbs"][1]), "kbs"),
    "clear": ("Which sequence does that entry send to clear the screen?", _g(SINGLE["clear"][2], SINGLE["clear"][1]),
              "clear"),
    "smcup": ("What does that entry send when a full-screen program starts (smcup)?",
              _g(SINGLE["smcup"][2], SINGLE["smcup"][1]), "smcup"),
    "acsc": ("How many line-drawing character pairs does that entry's acsc map?",
             _g(SINGLE["acsc"][2], SINGLE["acsc"][1]), "acsc"),
    "size": ("How many bytes is that entry's compiled file?", lambda t, s: [str(t["size"])], "size"),
    "n_caps": ("How many capabilities does that entry hold in all?", lambda t, s: [str(t["n_caps"])], "n_caps"),
    "n_bool": ("How many boolean capabilities does that entry set?", _g(SINGLE["n_bool"][2], SINGLE["n_bool"][1]),
               "n_bool"),
    "desc": ("How does that entry's names line describe it?", lambda t, s: [t["desc"]], "desc"),
}  # fmt: skip
HOP_VIA = {
    "base": ["{v} is built on another entry of this catalogue. {f}",
             "The entry {v} is based on another catalogued entry. {f}"],
    "register": ["Only one entry in this catalogue has the terminfo capability {v}{lg}. {f}",
                 "Exactly one catalogued entry sets the capability {v}{lg}. {f}"],
}  # fmt: skip
# fields the inherited-value chain asks (a built-on entry whose page says "as <base>" for them)
INHERIT_FIELDS = ["lines", "colors", "pairs", "fkeys", "kbs", "clear", "smcup", "acsc", "ncv", "rmcup"]


def hop_golds(t: dict, f: str, snap: dict) -> list[str] | None:
    return HOP_FIELD[f][1](t, snap)


def inherit_golds(r: dict, f: str, by: dict, snap: dict) -> list[str] | None:
    """The value a built-on entry has for field f, as the page that states it gives it (the chain's end)."""
    t = by[chain(by, r["key"], f)[-1]]
    return SINGLE[f][1](t, snap) if SINGLE[f][2](t, snap) else None


def inherit_question(r: dict, f: str, snap: dict) -> str:
    return single_question(r, f, "name", snap)


# comparisons of two entries: (template, the summary field followed through chains or None for the entry's own
# compiled facts, value, pick, condition on the record)
CMP = {
    "more-colors": ("Which of {a} and {b} supports more colours?", "colors", lambda t: _v(t, "colors"), max,
                    lambda t: _v(t, "colors") is not None),
    "more-pairs": ("Which of {a} and {b} allows more colour pairs?", "pairs", lambda t: _v(t, "pairs"), max,
                   lambda t: _v(t, "pairs") is not None),
    "more-lines": ("Which of {a} and {b} gives more lines?", "lines", lambda t: _v(t, "lines"), max,
                   lambda t: _v(t, "lines") is not None),
    "more-fkeys": ("Which of {a} and {b} defines more function keys?", "fkeys", lambda t: len(_v(t, "fkeys")), max,
                   lambda t: True),
    "larger-file": ("Which of {a} and {b} has the larger compiled terminfo file?", None, lambda t: t["size"], max,
                    lambda t: True),
    "more-caps": ("Which of {a} and {b} holds more capabilities in all?", None, lambda t: t["n_caps"], max,
                  lambda t: True),
    "more-bools": ("Which of {a} and {b} sets more boolean capabilities?", None, lambda t: t["n_bool"], max,
                   lambda t: True),
    "more-ext": ("Which of {a} and {b} carries more extended capabilities?", None, lambda t: t["n_ext"], max,
                 lambda t: True),
    "del-one": ("Which of {a} and {b} expects DEL (^?) from the backspace key?", "kbs",
                lambda t: int(kbs_words(_v(t, "kbs"))[0] == "DEL"), max,
                lambda t: bool(_v(t, "kbs")) and kbs_words(_v(t, "kbs")) is not None),
    "altscreen-one": ("Which of {a} and {b} switches to an alternate screen for full-screen programs (smcup)?",
                      "smcup", lambda t: int(_v(t, "smcup") is not None), max, lambda t: True),
    "bce-one": ("Which of {a} and {b} sets bce (back_color_erase)?", "bools", lambda t: int("bce" in _v(t, "bools")),
                max, lambda t: True),
    "meta-one": ("Which of {a} and {b} has a meta key (km, has_meta_key)?", "bools",
                 lambda t: int("km" in _v(t, "bools")), max, lambda t: True),
    "mouse-one": ("Which of {a} and {b} defines a mouse prefix (kmous)?", "kmous",
                  lambda t: int(_v(t, "kmous") is not None), max, lambda t: True),
    "flash-one": ("Which of {a} and {b} has a visual bell (flash)?", "flash", lambda t: int(_v(t, "flash") is not None),
                  max, lambda t: True),
    "extfmt-one": ("Which of {a} and {b} is compiled in the extended-number format (magic 01036)?", None,
                   lambda t: int(t["magic"] == "01036"), max, lambda t: True),
}  # fmt: skip
CMP_ORDER = ["more-colors", "more-fkeys", "del-one", "larger-file", "altscreen-one", "more-lines", "bce-one",
             "more-caps", "mouse-one", "more-pairs", "meta-one", "more-bools", "flash-one", "more-ext",
             "extfmt-one"]  # fmt: skip
FIELD_OF = {"more-colors": "colors", "more-pairs": "pairs", "more-lines": "lines", "more-fkeys": "fkeys",
            "larger-file": "size", "more-caps": "n_caps", "more-bools": "n_bool", "more-ext": "n_ext",
            "del-one": "kbs", "altscreen-one": "smcup", "bce-one": "bce", "meta-one": "km", "mouse-one": "kmous",
            "flash-one": "flash", "extfmt-one": "format"}  # fmt: skip


def cmp_side(k: str, n: str, by: dict, sp: dict, s: str) -> tuple | None:
    """(the record, the pages a reader follows for the compared value) for entry n, every page of split s."""
    f = CMP[k][1]
    path = [n] if f is None else chain(by, n, f)
    if any(p not in by or sp[p] != s for p in path):
        return None
    return by[n], path


def cmp_eval(k: str, a: str, b: str, by: dict, sp: dict, s: str):
    """(winner, evidence pages) or None where the two are not comparable."""
    _, _, fn, pick, ok = CMP[k]
    sa, sb = cmp_side(k, a, by, sp, s), cmp_side(k, b, by, sp, s)
    if not sa or not sb or not ok(sa[0]) or not ok(sb[0]):
        return None
    fa, fb = fn(sa[0]), fn(sb[0])
    if fa == fb:
        return None
    win = a if pick(fa, fb) == fa else b
    return win, list(dict.fromkeys(sa[1] + sb[1]))


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine: (test on the entry's full values, how a question says it, the summary field a
    reader follows through chains, None for the entry's own facts)."""
    out = {}
    for f in FAMILY:
        out[f"family-{f}"] = (lambda r, f=f: r["folder"] == f, f"is filed under {f}/", None)
    for k in sorted(set(KIND.values())):
        out[f"kind-{k}"] = (lambda r, k=k: r["kind"] == k, f"is catalogued as a {k}", None)
    out["standalone"] = (lambda r: not r["base"], "stands alone (is built on no other entry)", None)
    out["derived"] = (lambda r: bool(r["base"]), "is built on another entry", None)
    out["alias"] = (lambda r: bool(r["aliases"]), "answers to a second name", None)
    out["extfmt"] = (lambda r: r["magic"] == "01036", "is compiled in the extended-number format", None)
    out["ext-none"] = (lambda r: r["n_ext"] == 0, "has no extended capabilities", None)
    out["size-3000"] = (lambda r: r["size"] > 3000, "has a compiled file of more than 3000 bytes", None)
    out["size-1000"] = (lambda r: r["size"] < 1000, "has a compiled file of less than 1000 bytes", None)
    out["kbs-del"] = (lambda r: bool(_v(r, "kbs")) and decode(_v(r, "kbs")) == "\x7f",
                      "expects DEL (^?) from the backspace key", "kbs")
    out["kbs-bs"] = (lambda r: bool(_v(r, "kbs")) and decode(_v(r, "kbs")) == "\b",
                     "expects BS (^H) from the backspace key", "kbs")
    out["colors-256"] = (lambda r: _v(r, "colors") == 256, "supports 256 colours", "colors")
    out["colors-8"] = (lambda r: _v(r, "colors") == 8, "supports 8 colours", "colors")
    out["colors-none"] = (lambda r: _v(r, "colors") is None, "sets no colours", "colors")
    out["lines-25"] = (lambda r: _v(r, "lines") == 25, "gives 25 lines", "lines")
    out["lines-none"] = (lambda r: _v(r, "lines") is None, "sets no lines value", "lines")
    for c, words in (("bce", "bce (back_color_erase)"), ("km", "km (has_meta_key)"), ("hs", "hs (has_status_line)"),
                     ("xon", "xon (xon_xoff)"), ("npc", "npc (no_pad_char)"), ("bw", "bw (auto_left_margin)")):
        out[f"bool-{c}"] = (lambda r, c=c: c in _v(r, "bools"), f"sets {words}", "bools")
    out["altscreen"] = (lambda r: _v(r, "smcup") is not None, "has an alternate screen (smcup)", "smcup")
    out["no-altscreen"] = (lambda r: _v(r, "smcup") is None, "has no smcup", "smcup")
    out["mouse"] = (lambda r: _v(r, "kmous") is not None, "defines a mouse prefix (kmous)", "kmous")
    out["no-mouse"] = (lambda r: _v(r, "kmous") is None, "has no kmous", "kmous")
    out["flash"] = (lambda r: _v(r, "flash") is not None, "has a visual bell (flash)", "flash")
    out["no-flash"] = (lambda r: _v(r, "flash") is None, "has no visual bell (flash)", "flash")
    out["fkeys-40"] = (lambda r: len(_v(r, "fkeys")) >= 40, "defines 40 or more function keys", "fkeys")
    out["fkeys-few"] = (lambda r: 0 < len(_v(r, "fkeys")) <= 12, "defines between 1 and 12 function keys", "fkeys")
    out["fkeys-none"] = (lambda r: not _v(r, "fkeys"), "defines no function keys", "fkeys")
    out["acsc-none"] = (lambda r: _v(r, "acsc") is None, "has no line-drawing characters (acsc)", "acsc")
    out["clear-ec"] = (lambda r: _v(r, "clear") == "\\Ec", "clears the screen with ESC c", "clear")
    return out


def filter_evidence(by: dict, cond: dict, w: str, where: list[str]) -> list[str]:
    pages = [w]
    for c in where:
        f = cond[c][2]
        if f:
            pages += chain(by, w, f)
    return [by[p]["id"] for p in dict.fromkeys(pages)]


REV_Q = {
    "rev-alias": ["Which terminfo entry also answers to the name {v}?"],
    "rev-file": ["Which entry is stored in the file /lib/terminfo/{v}?"],
    "rev-clear": ["Which entry clears the screen with {v}?"],
    "rev-smcup": ["Which entry starts full-screen mode with {v} (smcup)?"],
    "rev-fkeys": ["Which entry defines exactly {v} function keys?"],
    "rev-desc": ["Which terminfo entry is described as “{v}”?", "Whose names line ends with the description “{v}”?"],
    "rev-ncaps": ["Which compiled entry holds exactly {v} capabilities in all?"],
    "rev-size": ["Which entry's compiled terminfo file is exactly {v} bytes long?"],
}  # fmt: skip
REV_FACT = {"rev-alias": "alias", "rev-desc": "desc", "rev-size": "size", "rev-fkeys": "fkeys",
            "rev-ncaps": "n_caps", "rev-file": "file", "rev-clear": "clear", "rev-smcup": "smcup"}  # fmt: skip


def rev_value(r: dict, k: str):
    """The cue of reverse kind k for a record (its full value), None where it has none."""
    if k == "rev-alias":
        return r["aliases"][_h(r["key"], "alias") % len(r["aliases"])] if r["aliases"] else None
    if k == "rev-desc":
        return r["desc"]
    if k == "rev-size":
        return str(r["size"])
    if k == "rev-fkeys":
        return str(len(_v(r, "fkeys"))) if _v(r, "fkeys") else None
    if k == "rev-ncaps":
        return str(r["n_caps"])
    if k == "rev-file":
        return r["file"] if Path(r["file"]).name != r["key"] else None
    if k == "rev-clear":
        return _v(r, "clear") if plain_seq(_v(r, "clear") or "") else None
    if k == "rev-smcup":
        return _v(r, "smcup") if plain_seq(_v(r, "smcup") or "") else None
    raise KeyError(k)


REV_FIELD = {"rev-fkeys": "fkeys", "rev-clear": "clear", "rev-smcup": "smcup"}


def rev_cue(r: dict, k: str) -> str | None:
    """The cue where the page states it itself."""
    if k in REV_FIELD and not states(r, REV_FIELD[k]):
        return None
    return rev_value(r, k)


def rev_unique(r: dict, k: str, snap: dict) -> bool:
    v = rev_cue(r, k)
    if v is None or not _atok(v):
        return False
    if k == "rev-alias":
        return True
    same = [n for n, x in all_records(snap).items() if rev_value(x, k) == v]
    return same == [r["key"]]


def rev_question(r: dict, k: str) -> str:
    tpls = REV_Q[k]
    return cap(tpls[_h(r["key"], "revq" + k) % len(tpls)].format(v=rev_cue(r, k)))


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        cols = sorted((c for c in by if sp[c] == s), key=lambda x: _h(x, "order" + s))
        used: set = set()
        subj: set[str] = set()
        items = out[s]

        def add(q, answers, typ, ev, kind, **kw):
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

        # multi hop: a built-on entry's inherited value; the entry it is built on; a register row's one entry
        starts = []
        for n in cols:
            r = by[n]
            if r["base"] and sp[r["base"]] == s:
                for f in INHERIT_FIELDS:
                    if not states(r, f):
                        starts.append(("inherit", n, f))
                starts.append(("base", n, r["base"]))
        for x, row in reg.items():
            ps = reg_pages(row)
            if sr[x] == s and len(ps) == 1 and sp[ps[0]] == s:
                starts.append(("register", x, ps[0]))
        starts.sort(key=lambda x: _h(f"{x[0]}{x[1]}{x[2]}", "hopstart"))
        rank = Counter()
        order = []
        for x in starts:  # kinds in turn
            order.append((rank[x[0]], ["inherit", "base", "register"].index(x[0]), len(order), x))
            rank[x[0]] += 1
        for *_, (via, first_, m) in sorted(order):
            if count("multi_hop") >= want["multi_hop"]:
                break
            if kinds("hop-" + via) >= CAP_HOP[s]:
                continue
            if via == "inherit":
                r, f = by[first_], m
                path = chain(by, first_, f)
                end = path[-1]
                g = inherit_golds(r, f, by, snap)
                fact = SINGLE[f][4]
                if not g or (first_, fact) in used or (end, fact) in used or (first_, "hopstart") in used:
                    continue
                q = inherit_question(r, f, snap)
                oth = others_of(by[end], recs, snap) | page_texts(r, snap) | page_numbers(r)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g, "multi_hop") or \
                        not others_safe(q, g, oth, "multi_hop"):
                    continue
                add(q, g, "multi_hop", [by[p]["id"] for p in path], "hop-inherit", field=f, via=first_, target=end)
                used.update({(first_, fact), (end, fact), (first_, "hopstart"), (end, "hopend")})
                subj.update(path)
                continue
            t = by[m]
            if any((x, y) in used for x in (first_, m) for y in ("hopstart", "hopend")):
                continue
            tpls = HOP_VIA[via]
            tpl = tpls[_h(f"{first_}{via}{m}", "hopq") % len(tpls)]
            if via == "register":
                src, ev0, own_ = reg[first_], f"capabilities#{first_}", sorted(reg_values(reg[first_]))
            else:
                src, ev0 = by[first_], by[first_]["id"]
                own_ = sorted(page_texts(src, snap) | page_numbers(src))
            fields = sorted(HOP_FIELD, key=lambda f: (sum(i.get("field") == f for i in items), _h(f + first_, "hopfield")))
            for f in fields:
                g_m = hop_golds(t, f, snap)
                if not g_m or (m, HOP_FIELD[f][2]) in used:
                    continue
                if {tuple(_atok(x)) for x in g_m} & {tuple(_atok(x)) for x in own_}:
                    continue
                q = cap(tpl.format(v=first_, lg=_lg(snap, first_) if via == "register" else "", f=HOP_FIELD[f][0]))
                if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, x) for x in g_m) or \
                        not others_safe(q, g_m, others_of(t, recs, snap), "multi_hop"):
                    continue
                if any(_ok(q, g_m, "multi_hop", x) for x in own_ if _atok(x) not in [_atok(y) for y in g_m]):
                    continue
                add(q, g_m, "multi_hop", [ev0, t["id"]], "hop-" + via, field=f, via=first_, target=m)
                used.update({(m, HOP_FIELD[f][2]), (first_, "hopstart"), (m, "hopend")})
                if via == "register":
                    used.update({(first_, "row"), (m, "reverse")})
                subj.update({m} | ({first_} if via == "base" else set()))
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            fact = SINGLE[k][4]
            if not SINGLE[k][2](r, snap) or (n, fact) in used or kinds(k) >= CAP[s]:
                return False
            if k == "base" and sp[r["base"]] != s:
                return False
            g = single_golds(r, k, snap)
            if not g:
                return False
            for form in ref_forms(r, k, snap):
                q = single_question(r, k, form, snap)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, others_of(r, recs, snap)):
                    continue
                if k == "base" and not names_safe(q, g, other_names(snap, g[0]), "single_hop"):
                    continue
                add(q, g, "single_hop", [r["id"]], k, ref=form)
                used.add((n, fact))
                subj.add(n)
                return True
            return False

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                break
            for n in cols:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2, 3):
            for n in cols:
                if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [by[n]["id"]]
                                                                          for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # register rows: one fact of one capability of the split
        rows_s = sorted((x for x in reg if sr[x] == s), key=lambda x: _h(x, "reg" + s))
        for rkind in REG_ORDER:
            for x in rows_s:
                if count("single_hop") >= want["single_hop"] or kinds(rkind) >= 1:
                    break
                row = reg[x]
                if (x, "row") in used or not REG[rkind][2](snap, x):
                    continue
                named = REG[rkind][3](snap, x)
                if named and (sp[named] != s or (named, "reverse") in used):
                    continue
                q = cap(reg_question(snap, rkind, x))
                g = REG[rkind][1](snap, x)
                if not g or any(in_question(q, y) for y in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, reg_values(row) - set(g)):
                    continue
                if named and not names_safe(q, g, other_names(snap, named), "single_hop"):
                    continue
                kw = {"row": x}
                if named:
                    kw["target"] = named
                    used.add((named, "reverse"))
                add(q, g, "single_hop", [f"capabilities#{x}"], rkind, **kw)
                used.add((x, "row"))
        for n in cols * 2:  # where the register gave fewer, pages again
            if count("single_hop") >= want["single_hop"]:
                break
            for k in SINGLE_ORDER:
                if try_single(n, k):
                    break
        # reverse: an alias, a description, a size, a count, a file, a sequence -> the entry
        rvk = list(REV_Q)
        for n in [x for x in cols if x not in subj] + [x for x in cols if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rvk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used or (n, REV_FACT[k]) in used:
                    continue
                if not rev_unique(r, k, snap):
                    continue
                q = rev_question(r, k)
                g = answer_names(n, snap, q)
                if not g or any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or \
                        not names_safe(q, g, other_names(snap, n)):
                    continue
                add(q, g, "reverse", [r["id"]], k, value=rev_cue(r, k))
                used.update({(n, "reverse"), (n, REV_FACT[k])})
                subj.add(n)
                rvk.append(rvk.pop(rvk.index(k)))
                break
        # comparisons of two entries of the split (values followed through chains between pages of the split)
        turn = CMP_ORDER[7:] + CMP_ORDER[:7] if s == "test" else CMP_ORDER
        for k in turn * 4:  # kinds in turn (test starts where dev stops), a few tries each
            if count("comparison") >= want["comparison"]:
                break
            tpl = CMP[k][0]
            for _ in range(150):
                a, b = rnd.sample(cols, 2)
                if (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or kinds(k) >= CAP_CMP[s]:
                    continue
                res = cmp_eval(k, a, b, by, sp, s)
                if not res or not ident(a, snap) or not ident(b, snap):
                    continue
                win, ev = res
                q = tpl.format(a=a, b=b)
                if not hedge_safe(q, [a, b], win):
                    continue
                add(q, [win], "comparison", [by[x]["id"] for x in ev], k, options=[a, b], target=win,
                    candidates=[a, b])
                used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
                break
        # filters: among all catalogued entries (two conditions), and among four listed ones
        mix = FILTER_MIX[s]
        pairs = [(c1, c2) for c1 in cond for c2 in cond if c1 < c2]
        rnd.shuffle(pairs)
        for c1, c2 in pairs:
            if kinds("filter") >= mix["filter"]:
                break
            m1 = [r for r in recs if cond[c1][0](r)]
            m2 = [r for r in recs if cond[c2][0](r)]
            both = [r for r in m1 if cond[c2][0](r)]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1:
                continue
            w = both[0]["key"]
            ev = filter_evidence(by, cond, w, [c1, c2])
            if sp[w] != s or (w, "filter") in used or any(sp[e.split("/", 1)[1]] != s for e in ev):
                continue
            q = rnd.choice(["Which entry in this catalogue {a} and {b}?",
                            "Name the one catalogued terminfo entry that {a} and {b}.",
                            "I need the terminfo entry here that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = answer_names(w, snap, q)
            if not g or any(in_question(q, x) for x in g) or not gold_safe(q, g, "filter") or \
                    not names_safe(q, g, other_names(snap, w), "filter"):
                continue
            add(q, g, "filter", ev, "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = sorted(cond)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(cols, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if not all(ident(x, snap) for x in cands):
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these entries {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold, "filter") or not names_safe(q, [gold], other_names(snap, gold),
                                                                          "filter"):
                continue
            add(q, [gold], "filter", filter_evidence(by, cond, gold, [c]), "filter-among", options=list(cands),
                where={c: True}, candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((gold, "filter"))
        # unanswerables: left-out entries, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-entry") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-entry", entry=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(cols)
        rnd.shuffle(pages)
        i = j = 0
        while count("unanswerable") < want["unanswerable"]:
            f = fields[i % len(fields)]
            while not absent_field_ok(f, by[pages[j % len(pages)]]):
                j += 1
            n = pages[j % len(pages)]
            q = cap(ABSENT_FIELDS[f][0].format(n=n))
            add(q, [], "unanswerable", [], "absent-field", field=f, entry=n)
            i += 1
            j += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"{PREFIX}-{s}-{j:03d}", **it}
    return out


def absent_field_ok(f: str, r: dict) -> bool:
    fams = ABSENT_FIELDS[f][3]
    return fams is None or r["folder"] in fams


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = records(snap)
    exists = (CORPUS.exists() and any(CORPUS.iterdir())) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in sorted(CORPUS.rglob("*"), reverse=True) if CORPUS.exists() else []:
        old.unlink() if old.is_file() else old.rmdir()
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).parent.mkdir(parents=True, exist_ok=True)
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    (OUT / "dev.jsonl").write_text(qa_text(qs["dev"]), encoding="utf-8")
    (OUT / "test.jsonl").write_text(qa_text(qs["test"]), encoding="utf-8")  # last
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    sp = split_pages(recs)
    print(f"{len(recs)} pages (dev {sum(v == 'dev' for v in sp.values())}); "
          f"layouts {dict(Counter(layout(r) for r in recs))}; {len(register_rows(snap))} register rows")
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


def _name_pat(name: str) -> str:
    """An entry name with its parts joined by an optional separator, not inside a longer name ("xterm-r5",
    "xterm r5", "xterm_r5")."""
    parts = [p for p in re.split(r"[_\-. /]+", name) if p]
    return r"(?<![A-Za-z0-9])" + r"[_\-. /]?".join(re.escape(p) for p in parts) + r"(?![A-Za-z0-9])"


def absent_patterns(m: str, snap: dict) -> list[str]:
    """A left-out entry as its names, its file and its description."""
    e = snap["entries"][m]
    pats = [_name_pat(x) for x in e["names"][:-1]]
    pats += [_name_pat(e["file"]), _name_pat(Path(e["file"]).name)]
    pats += [r"(?<!\w)" + re.escape(e["names"][-1]) + r"(?!\w)"]
    return list(dict.fromkeys(pats))


def unanswerable_pattern(q: dict, snap: dict) -> tuple[str, str]:
    if q["kind"] == "absent-entry":
        m = q["entry"]
        return "|".join(f"(?:{p})" for p in absent_patterns(m, snap)), f"It is the {m} entry."
    _, pat, made_up, _ = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict, snap: dict, by: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record in the words every layout uses,
    and in the sheet and card layouts also each labelled cell."""
    lay = layout(r)
    c = cell if lay == "sheet" else (lambda x: x)
    vals = [r["key"], r["desc"], f"{r['folder']}/", FAMILY_WORDS[r["folder"]], r["kind"], path_text(r),
            f"{r['size']} bytes", magic_text(r), r["sha256"][:16], counts_text(r), source_line(r, snap)]
    vals += r["aliases"] + [f"/lib/terminfo/{x}" for x in r["links"]] + r["ext"]
    vals += [x for x in r["derived"]] + [page_of(x) for x in r["derived"]]
    if r["base"]:
        vals += [r["base"], where_text(r["base"])] + [c(diff_item(r, x)) for x in r["diff"]]
        vals.append(str(len(r["diff"])) if r["diff"] else "only its names")
    else:
        vals.append("stand")
    if r["key"] in snap["toe_omits"]:
        vals.append("toe -a")
    for f in shown_fields(r, by):
        v = r["values"][f]
        if not states(r, f):
            vals.append(f"as {r['base']}" if lay != "prose" else
                        f"boolean capabilities are those of {r['base']}" if f == "bools" else PROSE_NAME.get(f, f))
            continue
        if f in NUM_FIELDS:
            vals += [str(v)] + ([f"{f}#{raw_of(r, f)}"] if v is not None and raw_of(r, f).lower().startswith("0x")
                                else []) if v is not None else [f]
        elif f == "bools":
            for x in (r.get("bools_added", []) + r.get("bools_dropped", []) if r["base"] else v):
                vals += [x, long_name(snap, x) or x]
        elif f == "fkeys":
            vals += [str(len(v)), fkey_ranges(list(v))] if v else ["no function keys" if lay == "prose" else "none"]
        elif v is None:
            vals.append(f"no {f}" if lay == "prose" else "none")
        elif f == "kbs":
            vals += [v, kbs_words(v)[0]] if kbs_words(v) else [v]
        elif f == "acsc":
            vals += [str(acsc_pairs(v)), c(f"acsc={v}")]
        else:
            vals += [c(v)] + (seq_golds(v)[1:] if seq_golds(v) and f in SEQ_SPELLED else [])
    if lay != "prose":
        vals += [c(b) for _, a, b in rows(r, snap, by)]
    fm = front(r)
    vals += [str(v) for v in fm.values() if not isinstance(v, (bool, list))]
    vals += [str(x) for v in fm.values() if isinstance(v, list) for x in v]
    return vals


def check_snapshot(snap: dict) -> list[str]:
    """The snapshot is whole and agrees with itself (no terminfo file of this machine is read)."""
    bad = []
    es = snap["entries"]
    names = read_names()
    bad += [f"{x}: read twice" for x, c in Counter(names).items() if c > 1]
    bad += [f"{n}: catalogued or left out but not in the snapshot" for n in names if n not in es]
    bad += [f"{n}: in the snapshot but neither catalogued nor left out" for n in es if n not in names]
    files = [e["file"] for e in es.values()] + [x for e in es.values() for x in e["links"]]
    bad += [] if len(set(files)) == len(files) == snap["file_names"] else ["file names do not add up"]
    for n, e in es.items():
        if len(e["names"]) < 2 or e["names"][0] != n:
            bad.append(f"{n}: names line")
        seen = Counter(c for c, _, _ in e["caps"])
        bad += [f"{n}: {c} twice" for c, k in seen.items() if k > 1]
        for c, t, v in e["caps"]:
            if t not in ("bool", "num", "str", "cancelled"):
                bad.append(f"{n}: {c} of unknown type {t}")
            elif t == "num" and not re.fullmatch(r"0x[0-9a-fA-F]+|\d+", v or ""):
                bad.append(f"{n}: {c}#{v} unreadable")
            elif t in ("bool", "num", "str") and c not in snap["long_names"]:
                bad.append(f"{n}: {c} has no name in long_names")
        big = any(t == "num" and num(v) > 32767 for c, t, v in e["caps"])
        if e["magic"] not in ("0432", "01036") or (e["magic"] == "01036") != big:
            bad.append(f"{n}: magic {e['magic']} does not agree with its numbers (01036 exactly where one is over "
                       f"32767)")
        if not re.fullmatch(r"[0-9a-f]{64}", e["sha256"]) or e["size"] <= 0:
            bad.append(f"{n}: sha256 or size")
    for n in catalogued():
        b = base_of(snap, n)
        if b and b not in cat_set():
            bad.append(f"{n}: built on {b}, which has no page")
        if b:
            fb, fn = full(snap, b), full(snap, n)
            rebuilt = {c: v for c, v in fb.items()}
            for c in diff_caps(snap, n, b):
                if c in fn:
                    rebuilt[c] = fn[c]
                else:
                    rebuilt.pop(c, None)
            if rebuilt != fn:
                bad.append(f"{n}: its base's capabilities plus its differences are not its own")
    for m in absent_entries():
        if m in cat_set():
            bad.append(f"{m}: left out and catalogued")
        if any(base_of(snap, n) == m for n in catalogued()):
            bad.append(f"{m}: left out but a catalogued entry is built on it")
    return bad


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    pid = {r["id"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and capabilities.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot itself
    bad = check_snapshot(snap)
    bad += [] if [r["key"] for r in recs] == catalogued() else ["records are not FAMILY"]
    bad += [f"{r['key']}: record differs when computed again" for r in recs
            if {k: v for k, v in make_record(r["key"], snap).items()} != {k: v for k, v in r.items() if k != "derived"}]
    for r in recs:
        for f in FIELDS:
            path = chain(by, r["key"], f)
            if any(by[p]["values"][f] != r["values"][f] for p in path):
                bad.append(f"{r['key']}: {f} followed through {path} is not its own value")
    results.append((f"the snapshot is whole and agrees with itself ({len(snap['entries'])} entries in "
                    f"{snap['file_names']} file names: names lines, known capability types, readable numbers, a long "
                    f"name for every standard capability, magic 01036 exactly where a number is over 32767); every "
                    f"entry catalogued or left out, every base catalogued, a base's capabilities plus the listed "
                    f"differences give the entry's own, every summary value followed through \"as <base>\" is the "
                    f"entry's own; no entry built on a left-out one; records are FAMILY (no terminfo file of this "
                    f"machine read)", bad))
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
    want_ids = set(pid) | {f"capabilities#{k}" for k in reg}
    bad += [] if set(docs) == want_ids else [f"document ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [i for i, r in pid.items() if i in docs and (docs[i].title != title(r)
                                                         or docs[i].metadata != normalize_metadata(front(r)))]
    bad += [k for k, x in reg.items() if f"capabilities#{k}" in docs and docs[f"capabilities#{k}"].title != x["title"]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents ({len(pid)} pages titled "
                    f"\"<entry> — <description>\" with their front matter, {len(reg)} register rows)", bad))
    full_t = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: x.lower() for i, x in full_t.items()}
    ftoks = {i: answer_tokens(x) for i, x in full_t.items()}
    assign_layouts(recs)
    bad = []
    for i, r in pid.items():
        bad += [f"{i}: {v!r} not in the body" for v in page_values(r, snap, by) if v.lower() not in low[i]]
        golds = [g for k in SINGLE if SINGLE[k][2](r, snap) for g in (single_golds(r, k, snap) or [])]
        golds += [g for k in HOP_FIELD for g in (hop_golds(r, k, snap) or [])] + (ident(r["key"], snap) or [])
        bad += [f"{i}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[i], answer_tokens(g))]
        for f in FIELDS:
            if not states(r, f) and f"as {r['base']}" not in full_t[i] and f"of {r['base']}" not in full_t[i] \
                    and f"to {r['base']}" not in full_t[i]:
                bad.append(f"{i}: {f} does not point to {r['base']}")
    for k, x in reg.items():
        bad += [f"capabilities#{k}: {c} {x[c]!r} not in the row" for c in REG_COLUMNS[1:]
                if str(x[c]).lower() not in low[f"capabilities#{k}"]]
    results.append(("every field of a record (and of its front matter) is stated in its page body, every gold form "
                    "as tokens, every field an entry takes from its base points to the base; every register column "
                    "in its row", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}",
                    [] if len(lay) == 3 and min(lay.values()) >= len(recs) // 3 - 1 else ["uneven"]))
    # 4. the QA files
    items, rows_, bad = {}, {}, []
    for s in ("dev", "test"):
        try:
            rows_[s] = [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    results.append(("every line parses and load_qa reads both splits with the corpus ids", bad))
    if bad:
        return report(results)
    idb, gold_in, gold_ok, cmpw, abst = [], [], [], [], []
    ids = Counter(it.id for s in items for it in items[s])
    idb += [f"{i} twice" for i, c in ids.items() if c > 1]
    cat_vals = catalogue_values(recs)
    for s in items:
        row_of = {r["id"]: r for r in rows_[s]}
        for it in items[s]:
            q = row_of[it.id]
            k = q["kind"]
            if not re.fullmatch(rf"{PREFIX}-{s}-\d\d\d", it.id) or not k:
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or k == "filter-among"):
                idb.append(f"{it.id}: options")
            if it.type == "multi_hop" and len(set(it.evidence)) < 2:
                idb.append(f"{it.id}: a chain needs two documents or more")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("24", "DEL", "xterm", unanswerable_pattern(q, snap)[1]):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            g0 = it.answers[0]
            last = it.evidence[-1]
            holds = [last] if it.type == "multi_hop" else it.evidence  # a chain ends where its answer is
            for g in it.answers:
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in holds):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "0") or \
                        answer_tokens(g) == ["0"]:
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not any(g0.lower() in low[e] for e in holds):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if contains_tokens(answer_tokens(it.question), answer_tokens(g))]
            gold_ok += [f"{it.id}: {x!r} scores correct" for x in CITES if is_correct(it, x, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                if last.startswith("capabilities#"):
                    oth = reg_values(reg[last.split("#", 1)[1]])
                else:
                    oth = others_of(pid[last], recs, snap) | cat_vals
                    oth |= set().union(*(page_texts(pid[e], snap) | page_numbers(pid[e]) for e in it.evidence
                                         if e in pid))
                gold_ok += [f"{it.id}: the other value {x!r} scores correct" for x in sorted(oth)
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k in ("hop-base", "hop-register"):
                src = reg_values(reg[q["via"]]) if k == "hop-register" else \
                    page_texts(by[q["via"]], snap) | page_numbers(by[q["via"]])
                gold_ok += [f"{it.id}: the first document's {g!r} scores correct" for g in sorted(src)
                            if answer_tokens(g) not in golds_tok and is_correct(it, g, False)]
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and k == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                for w in (o for o in it.options if o != g0):
                    for x in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, x, False):
                            cmpw.append(f"{it.id}: {x!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            answer_ent = None
            if it.type in ("reverse", "filter", "comparison"):
                answer_ent = q.get("target") or pid[it.evidence[0]]["key"]
            elif k == "base":
                answer_ent = pid[it.evidence[0]]["base"]
            elif k in ("reg_only", "reg_missing"):
                answer_ent = q["target"]
            if answer_ent:
                cmpw += [f"{it.id}: {o} scores correct" for o in other_names(snap, answer_ent)
                         if answer_tokens(o) not in golds_tok and is_correct(it, o, False)]
    results += [(f"ids {PREFIX}-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two or more on "
                 "chains), options where due", idb),
                ("every gold occurs in its (last, for chains) evidence document as accuracy tokens, the first also "
                 "as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's (row's, chain's) other values (names, "
                 "sizes, counts, sequences, capability names), every entry's name, description and clear sequence, "
                 "and (hops) the first document's names and values score wrong", gold_ok),
                (f"wrong options, hedges and every other name score wrong (where an entry is the answer: all "
                 f"{len(other_names(snap, recs[0]['key']))}+ other names and file names of the directory); "
                 "filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                r = pid[q["evidence"][0]]
                ok = SINGLE[k][2](r, snap) and q["answers"] == single_golds(r, k, snap) and \
                    q["question"] == single_question(r, k, q["ref"], snap) and len(q["evidence"]) == 1
                if not ok:
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k in REG:
                x = q["row"]
                if q["evidence"] != [f"capabilities#{x}"] or REG[k][1](snap, x) != q["answers"] or \
                        not REG[k][2](snap, x) or q["question"] != cap(reg_question(snap, k, x)) or \
                        q.get("target") != REG[k][3](snap, x):
                    fct.append(f"{q['id']}: register gold differs from the snapshot")
            elif k == "hop-inherit":
                r, f = by[q["via"]], q["field"]
                path = chain(by, r["key"], f)
                ok = len(path) >= 2 and path[-1] == q["target"] and states(by[path[-1]], f) and \
                    not any(states(by[p], f) for p in path[:-1]) and \
                    q["evidence"] == [by[p]["id"] for p in path] and \
                    q["answers"] == inherit_golds(r, f, by, snap) and q["question"] == inherit_question(r, f, snap)
                for a_, b_ in zip(path, path[1:]):
                    ok = ok and by[a_]["base"] == b_ and f"as {b_}" in full_t[by[a_]["id"]] + \
                        (f" of {b_}" if f"of {b_}" in full_t[by[a_]["id"]] else "") + \
                        (f" to {b_}" if f"to {b_}" in full_t[by[a_]["id"]] else "") or \
                        (ok and by[a_]["base"] == b_ and (f"of {b_}" in full_t[by[a_]["id"]] or
                                                          f"to {b_}" in full_t[by[a_]["id"]]))
                if not ok:
                    fct.append(f"{q['id']}: the chain does not reach its value")
            elif k in ("hop-base", "hop-register"):
                tg = by[q["target"]]
                if k == "hop-base":
                    ok = q["evidence"] == [by[q["via"]]["id"], tg["id"]] and by[q["via"]]["base"] == tg["key"]
                else:
                    ok = q["evidence"] == [f"capabilities#{q['via']}", tg["id"]] and \
                        reg_pages(reg[q["via"]]) == [tg["key"]]
                if not ok or hop_golds(tg, q["field"], snap) != q["answers"]:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                r = pid[q["evidence"][0]]
                if rev_cue(r, k) != q["value"] or not rev_unique(r, k, snap) or \
                        q["answers"] != answer_names(r["key"], snap, q["question"]) or \
                        q["question"] != rev_question(r, k):
                    fct.append(f"{q['id']}: the cue does not single out its answer")
            elif q["type"] == "comparison":
                a, b = q["candidates"]
                res = cmp_eval(k, a, b, by, sp, s)
                if not res or q["target"] != res[0] or q["options"] != [a, b] or q["answers"] != [res[0]] or \
                        q["evidence"] != [by[x]["id"] for x in res[1]]:
                    fct.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x["key"] for x in recs if all(cond[c][0](x) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != answer_names(hit[0], snap, q["question"]) or \
                        min(each) < 2 or q["evidence"] != filter_evidence(by, cond, hit[0], list(q["where"])):
                    fct.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"] or \
                        q["evidence"] != filter_evidence(by, cond, q["answers"][0], [c]):
                    fct.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains followed page by page, register rows, unique "
                     "cues, winners, filters)", fct))
    # 6. split separation, unanswerables

    def pages_of(s):
        out, rws = set(), set()
        for q in rows_[s]:
            for e in q["evidence"]:
                if e in pid:
                    out.add(pid[e]["key"])
                else:
                    rws.add(e.split("#", 1)[1])
            out |= {x for x in q.get("candidates", []) if x in by}
            out |= {q[k] for k in ("target", "via", "entry") if q.get(k) in by}
            if q["kind"] == "base":
                out.add(pid[q["evidence"][0]]["base"])
            if q["kind"] == "hop-register":
                rws.add(q["via"])
        return out, rws

    sep = []
    (pd, rd), (pt, rt) = pages_of("dev"), pages_of("test")
    sep += [f"{p} asked in both splits" for p in (pd & pt) | (rd & rt)]
    for s, (ps, rs) in (("dev", (pd, rd)), ("test", (pt, rt))):
        sep += [f"{s}: {p} is a page of the other split" for p in ps if sp[p] != s]
        sep += [f"{s}: register row {k} is of the other split" for k in rs if sr[k] != s]
    sep += [f"{r['key']} ({sp[r['key']]}) is tied to {x} ({sp[x]})" for r in recs for x in links(r)
            if sp[x] != sp[r["key"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("entry") for q in rows_[s] if q["kind"] == "absent-entry"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent entry {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                asked[(pid[q["evidence"][0]]["key"], SINGLE[k][4])] += 1
            if k in REG:
                asked[(q["row"], "row")] += 1
                if q.get("target"):
                    asked[(q["target"], "reverse")] += 1
            if k == "hop-inherit":
                asked[(q["via"], SINGLE[q["field"]][4])] += 1
                asked[(q["target"], SINGLE[q["field"]][4])] += 1
                asked[("start", q["via"])] += 1
            if k in ("hop-base", "hop-register"):
                asked[(q["target"], HOP_FIELD[q["field"]][2])] += 1
                asked[("start", q["via"])] += 1
                asked[("end", q["target"])] += 1
                if k == "hop-register":
                    asked[(q["via"], "row")] += 1
                    asked[(q["target"], "reverse")] += 1
            if q["type"] == "reverse":
                asked[(pid[q["evidence"][0]]["key"], "reverse")] += 1
                asked[(pid[q["evidence"][0]]["key"], REV_FACT[k])] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group (an entry and the entry it is built on), "
                    "register rows with their entries or by hash: no link crosses the splits, no question uses a page "
                    "or row of the other split, no page asked about in both splits, a fact asked once per split, no "
                    "absent entry in both, no question repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_entries():
        for pat in absent_patterns(m, snap):
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("entry")
            if q["kind"] == "absent-entry" and (m not in ABSENT[s] or not any(
                    re.search(p, q["question"], re.I) for p in absent_patterns(m, snap))):
                un.append(f"{q['id']}: absent entry")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by or m not in q["question"]
                                                or not absent_field_ok(q["field"], by[m])):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q, snap)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up, _) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, x, re.I) for x in texts.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out entries: "
                    "every name with any separator, file and description, on no page or row)", un))
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
