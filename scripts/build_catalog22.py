"""Build the catalog22 evaluation corpus: Linux system calls as GDB's syscall tables list them.

    PYTHONPATH=src python scripts/build_catalog22.py snapshot [--force]  # /usr/share/gdb/syscalls/*.xml -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog22.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog22.py check               # loader + scorer + fact checks, no model

`snapshot` reads this machine's GDB syscall tables (`/usr/share/gdb/syscalls/*.xml`, Debian gdb:
13 Linux tables and the FreeBSD and NetBSD ones): every file's sha256 and every `<syscall name=...
number=... groups=...>` entry, and for each chosen call (CALLS, less the left-out ABSENT ones) the
record computed from the tables only: its groups, its number on x86-64 (amd64-linux.xml), i386,
aarch64 and arm (or none where that table has no call of the name), the FreeBSD and NetBSD numbers
of a call of the same name (or none), how many of the 13 Linux tables list it and which do not,
which of the four main tables lack it, and the other catalogued calls of its name family
(FAMILIES, set by hand from the names: `stat` / `fstat` / `lstat` / `newfstatat` / `statx`, `pipe`
/ `pipe2`, ...). Written to `evalsets/catalog22/snapshot.json` (committed; `snapshot` refuses to
overwrite it without --force): another machine ships another GDB, so the committed snapshot is
the source.

`build` renders one markdown page per record from snapshot.json alone, `<name>.md`, titled
`# <name>`, with YAML front matter (groups, x86_64, i386, aarch64, arm, freebsd, netbsd,
linux_tables) and a body in one of three layouts dealt in turn in the order of
sha256("catalog22:<name>") within each split: `ledger` (a `| Field | Value |` table), `narrative`
(prose paragraphs, wording varied per page) or `fieldlist` (headed sections of `Label: value`
bullets). Then it generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED) and writes
test.jsonl.sha256. It refuses to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
computes every record again from the stored tables (and, where this machine's files still have the
recorded sha256, reads the tables again), loads the corpus with ragtune's loader, reads both splits
with `load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring
verdicts, facts against the snapshot, split separation, unanswerables absent by pattern, the
sha256, the type mix).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog22"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SRC = Path("/usr/share/gdb/syscalls")
SEED = 22

LINUX = ["amd64-linux", "i386-linux", "aarch64-linux", "arm-linux", "mips-n32-linux", "mips-n64-linux",
         "mips-o32-linux", "ppc-linux", "ppc64-linux", "s390-linux", "s390x-linux", "sparc-linux",
         "sparc64-linux"]  # fmt: skip
BSD = ["freebsd", "netbsd"]
TABLES = LINUX + BSD
MAIN = {"amd64-linux": "x86_64", "i386-linux": "i386", "aarch64-linux": "aarch64", "arm-linux": "arm"}
ARCH = {"x86_64": "x86-64", "i386": "i386", "aarch64": "aarch64", "arm": "arm"}  # how pages name them


def label(table: str) -> str:
    """A Linux table as pages name it: x86-64, i386, aarch64, arm, mips-n32, ppc64, s390x, ..."""
    return ARCH.get(MAIN.get(table, ""), table.removesuffix("-linux"))


# name families (set by hand from the names): a page lists the other members as related calls
FAMILIES = [
    ["stat", "fstat", "lstat", "newfstatat", "statx"], ["pipe", "pipe2"], ["dup", "dup2", "dup3"],
    ["open", "openat", "openat2"], ["epoll_create", "epoll_create1"], ["eventfd", "eventfd2"],
    ["signalfd", "signalfd4"], ["inotify_init", "inotify_init1"], ["accept", "accept4"],
    ["wait4", "waitid", "waitpid"], ["mkdir", "mkdirat"], ["unlink", "unlinkat"],
    ["rt_sigaction", "sigaction"], ["chmod", "fchmod", "fchmodat"], ["chown", "fchown", "lchown", "fchownat"],
    ["clone", "clone3"], ["fork", "vfork"], ["mmap", "mmap2"], ["shmget", "shmat", "shmdt", "shmctl"],
    ["msgget", "msgsnd", "msgrcv", "msgctl"], ["semget", "semop", "semtimedop"], ["truncate", "ftruncate"],
    ["kill", "tkill", "tgkill"], ["recvmsg", "recvmmsg"], ["sendmsg", "sendmmsg"], ["getuid", "geteuid"],
    ["mlock", "mlock2", "mlockall"], ["io_uring_setup", "io_uring_enter"],
]  # fmt: skip
SINGLES = ["socket", "bind", "listen", "brk", "mprotect", "munmap", "prctl", "arch_prctl", "exit_group",
           "unshare", "gettid", "futex", "getrandom", "memfd_create", "bpf", "seccomp", "kexec_load",
           "userfaultfd", "pause", "sigaltstack"]  # fmt: skip
# Calls read but left out so that their names are on no page, for unanswerable questions, each
# asked in one split (in no family).
ABSENT = {"dev": ["flock", "mincore", "syslog"], "test": ["madvise", "sethostname", "tee"]}
CALLS = [n for f in FAMILIES for n in f] + SINGLES + ABSENT["dev"] + ABSENT["test"]

ABSENT_QUESTIONS = {
    "flock": ["What is the system call number of flock on x86-64?",
              "Which GDB syscall group is flock in?"],
    "mincore": ["What number does mincore have on aarch64?"],
    "syslog": ["What number does the FreeBSD table give syslog?"],
    "madvise": ["What is madvise's number on i386?", "Which group do GDB's tables give the madvise syscall?"],
    "sethostname": ["What number is sethostname on arm?",
                    "In how many of the 13 Linux tables does the sethostname system call appear?"],
    "tee": ["What is the x86-64 syscall number of tee?", "What is the number of tee in the NetBSD table?"],
}  # fmt: skip

# What these pages never state about a call: (question, a pattern no page may match, a made-up
# answer that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "riscv": ("What is the system call number of {n} on riscv64?", r"risc-?v", "On riscv64 it is number 56."),
    "loongarch": ("Which number does {n} have on LoongArch64?", r"loong", "On LoongArch it is number 56."),
    "x32": ("What number does {n} have under the x32 ABI?", r"\bx32\b", "Under x32 it is number 512."),
    "ia64": ("What was the number of {n} on IA-64 (Itanium)?", r"\bia-?64\b|itanium", "On ia64 it was 1028."),
    "kernel": ("In which Linux kernel release was {n} added?",
               r"\b(?:linux|kernel)\s+(?:v(?:ersion)?\s*)?[2-6]\.\d+|\b[2-6]\.\d+\.\d+\b",
               "It first appeared in Linux 2.6.27."),
    "args": ("How many arguments does {n} take?", r"\bargument|\bparameter", "It takes 3 arguments."),
    "header": ("Which C header declares the wrapper for {n}?", r"<[a-z/]+\.h>|\bglibc\b|\bheader\b",
               "It is declared in <unistd.h>."),
    "man": ("In which man page section is {n} documented?", r"\bman(?:ual)?[ -]pages?\b|\bsection [1-8]\b",
            "It is in man page section 2."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-call items; the rest of the unanswerables ask absent fields
DEV_PAGES = 35
LAYOUTS = ("ledger", "narrative", "fieldlist")
NUMS = ("x86_64", "i386", "aarch64", "arm")

# ------------------------------------------------------------------ reading the tables


def read_table(path: Path) -> list[list]:
    """[[name, number, groups], ...] in file order."""
    root = ET.parse(path).getroot()
    return [[s.get("name"), int(s.get("number")), s.get("groups") or ""] for s in root.iter("syscall")]


def make_record(name: str, tables: dict) -> dict:
    """The record of one call, from the stored tables only."""
    idx = {t: {e[0]: e for e in tables[t]} for t in TABLES}
    groups = next(idx[t][name][2] for t in LINUX if name in idx[t])
    rec = {"name": name, "groups": [g for g in groups.split(",") if g]}
    for t, k in MAIN.items():
        rec[k] = idx[t][name][1] if name in idx[t] else None
    for t in BSD:
        rec[t] = idx[t][name][1] if name in idx[t] else None
    rec["linux_count"] = sum(name in idx[t] for t in LINUX)
    rec["linux_missing"] = [label(t) for t in LINUX if name not in idx[t]]
    rec["main_missing"] = [ARCH[k] for k in NUMS if rec[k] is None]
    fam = next((f for f in FAMILIES if name in f), [name])
    rec["related"] = [x for x in fam if x != name and x not in absent_names()]
    return rec


def absent_names() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def all_records(tables: dict) -> list[dict]:
    return [make_record(n, tables) for n in CALLS]


def scan() -> dict:
    tables, files = {}, {}
    for t in TABLES:
        p = SRC / f"{t}.xml"
        tables[t] = read_table(p)
        files[f"{t}.xml"] = {"sha256": hashlib.sha256(p.read_bytes()).hexdigest(), "syscalls": len(tables[t])}
    recs = [r for r in all_records(tables) if r["name"] not in absent_names()]
    try:
        ver = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "gdb"], capture_output=True, text=True,
                             check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        ver = "unknown"
    return {"source": f"{SRC} (Debian gdb {ver})", "version": ver, "files": files, "tables": tables,
            "records": recs}  # fmt: skip


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return r["name"]


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog22:{salt}{key}".encode()).hexdigest(), 16)


def groups(recs: list[dict]) -> list[list[str]]:
    """The catalogued calls joined by the related calls their pages list, as sorted groups."""
    names = {r["name"] for r in recs}
    out, seen = [], set()
    for r in sorted(recs, key=lambda r: r["name"]):
        if r["name"] in seen:
            continue
        g = sorted({r["name"], *[x for x in r["related"] if x in names]})
        seen.update(g)
        out.append(g)
    return out


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by name. The families in the order of sha256("catalog22:<the family's first name>"):
    dev takes families until it holds DEV_PAGES pages or more, test holds the rest."""
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


def front_matter(r: dict) -> str:
    fm = {"groups": ", ".join(r["groups"]) or "none"}
    for k in NUMS:
        fm[k] = r[k] if r[k] is not None else "none"
    fm.update({"freebsd": r["freebsd"] if r["freebsd"] is not None else "none",
               "netbsd": r["netbsd"] if r["netbsd"] is not None else "none", "linux_tables": r["linux_count"]})
    return "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in fm.items()) + "---\n"


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def groups_text(r: dict) -> str:
    return ", ".join(r["groups"]) if r["groups"] else "none (no group in GDB's tables)"


def num_text(r: dict, k: str) -> str:
    return str(r[k]) if r[k] is not None else f"not in the {ARCH[k]} table"


def bsd_text(r: dict, t: str) -> str:
    os_ = {"freebsd": "FreeBSD", "netbsd": "NetBSD"}[t]
    return f"listed, number {r[t]}" if r[t] is not None else f"not listed (the {os_} table has no call of this name)"


def missing_main_text(r: dict) -> str:
    return ", ".join(r["main_missing"]) if r["main_missing"] else "none (listed in all four)"


def linux_missing_text(r: dict) -> str:
    return ", ".join(r["linux_missing"]) if r["linux_missing"] else "none"


def related_text(r: dict) -> str:
    return ", ".join(r["related"]) if r["related"] else "none"


def render(r: dict) -> str:
    n, kind, w = r["name"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    if kind == "ledger":
        rows = [("System call", n), ("Groups (GDB)", groups_text(r)), ("Number of groups", str(len(r["groups"]))),
                ("x86-64 (amd64) number", num_text(r, "x86_64")), ("i386 number", num_text(r, "i386")),
                ("aarch64 number", num_text(r, "aarch64")), ("arm number", num_text(r, "arm")),
                ("Missing from the four main tables (x86-64, i386, aarch64, arm)", missing_main_text(r)),
                ("Linux tables listing it", f"{r['linux_count']} of {len(LINUX)}"),
                ("Linux tables without it", linux_missing_text(r)),
                ("FreeBSD table", bsd_text(r, "freebsd")), ("NetBSD table", bsd_text(r, "netbsd")),
                ("Related calls (same name family, each with a page here)", related_text(r))]  # fmt: skip
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Call", f"- Name: {n}", f"- Groups: {groups_text(r)}", f"- Number of groups: {len(r['groups'])}",
               "", "## Numbers", f"- x86-64 (amd64): {num_text(r, 'x86_64')}", f"- i386: {num_text(r, 'i386')}",
               f"- aarch64: {num_text(r, 'aarch64')}", f"- arm: {num_text(r, 'arm')}", "",
               "## Coverage", f"- Missing from the four main tables: {missing_main_text(r)}",
               f"- Linux tables listing it: {r['linux_count']} of {len(LINUX)}",
               f"- Linux tables without it: {linux_missing_text(r)}",
               f"- FreeBSD: {bsd_text(r, 'freebsd')}", f"- NetBSD: {bsd_text(r, 'netbsd')}", "",
               "## Related calls (same name family, each with a page here)"]  # fmt: skip
        out += [f"- {x}" for x in r["related"]] or ["- none"]
        return head + "\n".join(out) + "\n"
    # narrative
    g = r["groups"]
    if g:
        gs = f"the {and_list(g)} group" + (f"s ({', '.join(g)})" if len(g) > 1 else "")
        p1 = [(f"{n} is a Linux system call that GDB's syscall tables place in {gs} ({len(g)} in all).",
               f"GDB's syscall tables file the {n} system call under {gs} ({len(g)} in all).",
               f"This page covers {n}, a system call in {gs} of GDB's tables ({len(g)} in all).")[w % 3]]
    else:
        p1 = [(f"{n} is a Linux system call that GDB's syscall tables put in no group (none; 0 groups).",
               f"GDB's syscall tables give the {n} system call no group (none; 0 groups).",
               f"This page covers {n}, a system call with no group in GDB's tables (none; 0 groups).")[w % 3]]
    have = [k for k in NUMS if r[k] is not None]
    p2 = [("Its numbers: " if w % 5 % 2 else "Its system call numbers are ")
          + "; ".join(f"{'x86-64 (amd64)' if k == 'x86_64' else ARCH[k]} {r[k]}" for k in have) + "."]
    p2 += [f"{ARCH[k]}: not in the {ARCH[k]} table." for k in NUMS if r[k] is None]
    if r["main_missing"]:
        p2.append(f"Missing from the four main tables: {missing_main_text(r)}.")
    else:
        p2.append("It is listed in all four main tables (missing from the four main tables: none).")
    p3 = [f"Of the {len(LINUX)} Linux tables, {r['linux_count']} of {len(LINUX)} list it"
          + (f"; the ones without it are {and_list(r['linux_missing'])}." if r["linux_missing"] else
             " (Linux tables without it: none).")]
    for t, os_ in (("freebsd", "FreeBSD"), ("netbsd", "NetBSD")):
        p3.append((f"The {os_} table lists a call of this name as number {r[t]}." if r[t] is not None else
                   f"{os_}: not listed (the {os_} table has no call of this name)."))
    p4 = [f"Related calls (same name family, each with a page here): {related_text(r)}."]
    return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot_text(snap: dict) -> str:
    """JSON with one table entry a line."""
    tables = snap["tables"]
    body = {k: v for k, v in snap.items() if k != "tables"}
    text = json.dumps(body, indent=1, ensure_ascii=False)
    tt = ",\n".join(f' "{t}": [\n' + ",\n".join("  " + json.dumps(e) for e in tables[t]) + "\n ]" for t in tables)
    return text[:-2] + ',\n "tables": {\n' + tt + "\n }\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's GDB tables again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    print(f"{len(snap['tables'])} tables read; {len(snap['records'])} records")


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
    from ragtune.eval.metrics import is_correct

    it = _item(question, [gold], "comparison", options)
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return is_correct(it, gold, False) and not any(is_correct(it, t, False) for t in tries)


def gold_safe(question: str, answers: list[str]) -> bool:
    from ragtune.eval.metrics import is_correct

    it = _item(question, answers, "single_hop")
    return all(is_correct(it, g, False) and is_correct(it, f"The answer is {g}.", False) for g in answers)


def names_safe(question: str, gold: str, names: list[str]) -> bool:
    """Do all other calls read score wrong (pipe2 must not pass for pipe)?"""
    from ragtune.eval.metrics import is_correct

    it = _item(question, [gold], "reverse")
    return not any(is_correct(it, o, False) for o in names if o != gold)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def refs(r: dict) -> list[str]:
    n = r["name"]
    return [n, f"the {n} system call", f"the {n} syscall", f"{n}()"]


def ref(r: dict, salt: str, possessive_ok: bool = True) -> str:
    xs = refs(r) if possessive_ok else refs(r)[:3]
    return xs[_h(r["name"], salt) % len(xs)]


def _num(k):
    return (lambda r: [str(r[k])], lambda r: r[k] is not None)


SINGLE = {
    "x86_64": (["What is the system call number of {n} on x86-64?", "Which syscall number does {n} have on amd64?",
                "{n}: number on 64-bit x86?", "syscall number of {n} on x86_64"], *_num("x86_64")),
    "i386": (["What number does {n} have on i386?", "On 32-bit x86 (i386), which number is {n}?",
              "i386 syscall number for {n}?"], *_num("i386")),
    "aarch64": (["What is the aarch64 syscall number of {n}?", "Which number does {n} have in the aarch64 table?",
                 "On aarch64, what number is {n}?"], *_num("aarch64")),
    "arm": (["What is the number of {n} on 32-bit arm?", "Which syscall number does the arm table give {n}?",
             "{n} on arm: which number?"], *_num("arm")),
    "freebsd": (["What number does FreeBSD's syscall table give a call named {n}?",
                 "In the FreeBSD table, which number is {n}?"], *_num("freebsd")),
    "netbsd": (["What is the number of {n} in the NetBSD table?",
                "Which number does NetBSD's syscall table list for {n}?"], *_num("netbsd")),
    "group": (["Which syscall group do GDB's tables put {n} in?", "What group is {n} in, according to GDB?",
               "{n} belongs to which GDB syscall group?"],
              lambda r: [r["groups"][0]], lambda r: len(r["groups"]) == 1),
    "group_other": (["{n} is in GDB's {g} group and one other. Which other group?",
                     "Besides {g}, which group do GDB's tables give {n}?"],
                    lambda r: [r["groups"][1]], lambda r: len(r["groups"]) == 2),
    "linux_count": (["In how many of the 13 Linux tables is {n} listed?",
                     "How many of GDB's Linux syscall tables list {n}?"],
                    lambda r: [str(r["linux_count"])], lambda r: True),
    "missing_main": (["Which of the four main architecture tables has no entry for {n}?",
                      "Among the main tables, on which architecture is {n} missing?"],
                     lambda r: [r["main_missing"][0]] + (["amd64"] if r["main_missing"][0] == "x86-64" else []),
                     lambda r: len(r["main_missing"]) == 1),
}  # fmt: skip
SINGLE_ORDER = ["group_other", "missing_main", "netbsd", "freebsd", "linux_count", "group", "arm", "aarch64",
                "i386", "x86_64"]  # fmt: skip
NUM_KINDS = ("x86_64", "i386", "aarch64", "arm", "freebsd", "netbsd", "linux_count")


def numbers_of(r: dict) -> set[str]:
    """The numbers a page states."""
    xs = [r[k] for k in (*NUMS, "freebsd", "netbsd")] + [r["linux_count"], len(LINUX), len(r["groups"])]
    return {str(x) for x in xs if x is not None}


def single_ok(r: dict, k: str) -> bool:
    return SINGLE[k][2](r)


def single_golds(r: dict, k: str) -> list[str]:
    return SINGLE[k][1](r)


def single_question(r: dict, k: str) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["name"], k) % len(tpls)]
    q = tpl.format(n=ref(r, k, possessive_ok="'s" not in tpl), g=r["groups"][0] if r["groups"] else "")
    return q[0].upper() + q[1:] if q.startswith("the ") else q


HOP = {"x86_64": "What is that call's number on x86-64?", "i386": "Which number does that call have on i386?",
       "aarch64": "What is that call's aarch64 number?", "arm": "What number does that call have on arm?",
       "freebsd": "What number does the FreeBSD table give that call?",
       "netbsd": "What is that call's number in the NetBSD table?",
       "linux_count": "In how many of the 13 Linux tables is that call listed?",
       "group": "Which GDB group is that call in?"}  # fmt: skip
HOP_START = ["The page on {n} lists one related call. {f}",
             "{n} has one related call in this catalogue. {f}",
             "Look up the related call named on {n}'s page. {f}",
             "Follow the related-call link from {n}. {f}"]  # fmt: skip


def _present(k):
    return lambda r: r[k] is not None


CMP = {
    "lower-x86": ("Which has the lower x86-64 syscall number, {a} or {b}?", lambda r: r["x86_64"], min),
    "higher-i386": ("Which is numbered higher on i386: {a} or {b}?", lambda r: r["i386"], max),
    "lower-aarch64": ("Of {a} and {b}, which has the smaller number on aarch64?", lambda r: r["aarch64"], min),
    "higher-arm": ("Which has the larger arm syscall number, {a} or {b}?", lambda r: r["arm"], max),
    "more-linux": ("Which is listed in more of GDB's Linux tables, {a} or {b}?", lambda r: r["linux_count"], max),
    "which-aarch64": ("Which of {a} and {b} has an entry in the aarch64 table?", _present("aarch64"), max),
    "which-x86": ("Which of {a} and {b} has a number on x86-64?", _present("x86_64"), max),
    "which-freebsd": ("Which of {a} and {b} does FreeBSD's table list?", _present("freebsd"), max),
    "which-netbsd": ("Which of {a} and {b} appears in the NetBSD table?", _present("netbsd"), max),
    "more-groups": ("Which belongs to more GDB syscall groups, {a} or {b}?", lambda r: len(r["groups"]), max),
}  # fmt: skip
FIELD_OF = {"lower-x86": "x86_64", "higher-i386": "i386", "lower-aarch64": "aarch64", "higher-arm": "arm",
            "more-linux": "linux_count", "which-aarch64": "aarch64", "which-x86": "x86_64",
            "which-freebsd": "freebsd", "which-netbsd": "netbsd", "more-groups": "group"}  # fmt: skip


def _cmp_val(k: str, r: dict):
    v = CMP[k][1](r)
    return None if v is None else v


COND = {
    "g-file": (lambda r: "file" in r["groups"], "is in the file group"),
    "g-descriptor": (lambda r: "descriptor" in r["groups"], "is in the descriptor group"),
    "g-process": (lambda r: "process" in r["groups"], "is in the process group"),
    "g-memory": (lambda r: "memory" in r["groups"], "is in the memory group"),
    "g-network": (lambda r: "network" in r["groups"], "is in the network group"),
    "g-signal": (lambda r: "signal" in r["groups"], "is in the signal group"),
    "g-ipc": (lambda r: "ipc" in r["groups"], "is in the ipc group"),
    "no-group": (lambda r: not r["groups"], "has no group in GDB's tables"),
    "two-groups": (lambda r: len(r["groups"]) == 2, "belongs to two groups"),
    "no-aarch64": (lambda r: r["aarch64"] is None, "is missing from the aarch64 table"),
    "no-x86": (lambda r: r["x86_64"] is None, "has no x86-64 number"),
    "no-i386": (lambda r: r["i386"] is None, "is missing from the i386 table"),
    "freebsd": (lambda r: r["freebsd"] is not None, "is listed in the FreeBSD table"),
    "netbsd": (lambda r: r["netbsd"] is not None, "is listed in the NetBSD table"),
    "all-linux": (lambda r: r["linux_count"] == len(LINUX), "is in all 13 Linux tables"),
    "x86-lt-50": (lambda r: r["x86_64"] is not None and r["x86_64"] < 50, "has an x86-64 number below 50"),
    "x86-gt-300": (lambda r: r["x86_64"] is not None and r["x86_64"] > 300, "has an x86-64 number above 300"),
    "aarch64-lt-50": (lambda r: r["aarch64"] is not None and r["aarch64"] < 50, "has an aarch64 number below 50"),
    "aarch64-gt-200": (lambda r: r["aarch64"] is not None and r["aarch64"] > 200, "has an aarch64 number above 200"),
    "arm-gt-350": (lambda r: r["arm"] is not None and r["arm"] > 350, "has an arm number above 350"),
    "i386-lt-50": (lambda r: r["i386"] is not None and r["i386"] < 50, "has an i386 number below 50"),
    "related": (lambda r: bool(r["related"]), "has a related call with a page here"),
}  # fmt: skip

REV = {"reverse-x86_64": "x86_64", "reverse-i386": "i386", "reverse-aarch64": "aarch64", "reverse-arm": "arm",
       "reverse-freebsd": "freebsd"}  # fmt: skip
REV_Q = {
    "reverse-x86_64": ["Which system call has number {v} on x86-64?", "Syscall {v} on amd64 is which call?"],
    "reverse-i386": ["Which call is number {v} in the i386 table?", "On i386, syscall number {v} is what?"],
    "reverse-aarch64": ["Which system call is number {v} on aarch64?", "In the aarch64 table, which call is number {v}?"],
    "reverse-arm": ["Which call does the arm table list as number {v}?", "What is syscall {v} on 32-bit arm?"],
    "reverse-freebsd": ["Which call is number {v} in the FreeBSD table?"],
}  # fmt: skip


def cue_owners(tables: dict, k: str, v: int) -> list[str]:
    """Every call the table of kind k lists as number v."""
    t = next(t for t, kk in list(MAIN.items()) + [("freebsd", "freebsd")] if kk == REV[k])
    return [e[0] for e in tables[t] if e[1] == v]


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    tables = snap["tables"]
    read = list(CALLS)
    did = {r["name"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()
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

        # multi hop: a page listing exactly one related call -> a field of that call
        hk = list(HOP)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            r = by[n]
            if len(r["related"]) != 1:
                continue
            m = r["related"][0]
            t = by[m]
            for kk in list(hk):
                if not single_ok(t, kk) or (m, kk) in used:
                    continue
                g_m = single_golds(t, kk)
                g_n = single_golds(r, kk) if single_ok(r, kk) else []
                if {tuple(_atok(g)) for g in g_m} & {tuple(_atok(g)) for g in g_n}:
                    continue
                nref = ref(r, "hop", possessive_ok=False)
                tpl = HOP_START[_h(n, "hopq") % len(HOP_START)]
                if "'s" in tpl:
                    nref = n
                q = tpl.format(n=nref, f=HOP[kk])
                q = q[0].upper() + q[1:]
                if not gold_safe(q, g_m) or any(in_question(q, g) for g in g_m):
                    continue
                add(q, g_m, "multi_hop", [did[n], did[m]], "hop-named", field=kk, via=n, target=m, ref=nref)
                used.update({(m, kk), (n, "named")})
                subj.update({n, m})
                hk.append(hk.pop(hk.index(kk)))
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not single_ok(r, k) or (n, k) in used or kinds(k) >= CAP[s]:
                return False
            q = single_question(r, k)
            g = single_golds(r, k)
            if any(in_question(q, x) for x in g) or not gold_safe(q, g):
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
        # reverse: a number in one table -> the call
        rk = list(REV)
        for n in [x for x in names if x not in subj] + [x for x in names if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                v = r[REV[k]]
                if v is None or cue_owners(tables, k, v) != [n]:
                    continue
                q = rnd.choice(REV_Q[k]).format(v=v)
                q = q[0].upper() + q[1:]
                g = [n]
                if in_question(q, n) or not gold_safe(q, g) or not names_safe(q, n, read):
                    continue
                add(q, g, "reverse", [did[n]], k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rk.append(rk.pop(rk.index(k)))
                break
        # comparisons of two calls of the split
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
        # filters: among all catalogued calls (two conditions), and among four listed ones
        mix = FILTER_MIX[s]
        pairs = [(c1, c2) for c1 in COND for c2 in COND if c1 < c2]
        rnd.shuffle(pairs)
        for c1, c2 in pairs:
            if kinds("filter") >= mix["filter"]:
                break
            m1 = [r for r in recs if COND[c1][0](r)]
            m2 = [r for r in recs if COND[c2][0](r)]
            both = [r for r in m1 if COND[c2][0](r)]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1:
                continue
            w = both[0]["name"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which system call in this catalogue {a} and {b}?",
                            "Name the one catalogued syscall that {a} and {b}.",
                            "I'm looking for the call that {a} and {b}. Which is it?"])
            q = q.format(a=COND[c1][1], b=COND[c2][1])
            g = [w]
            if in_question(q, w) or not gold_safe(q, g) or not names_safe(q, w, read):
                continue
            add(q, g, "filter", [did[w]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = list(COND)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if COND[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these calls {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=COND[c][1])
            if not hedge_safe(q, cands, hits[0]) or not names_safe(q, hits[0], read):
                continue
            add(q, [hits[0]], "filter", [did[hits[0]]], "filter-among", options=cands, where={c: True},
                candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
            used.add((hits[0], "filter"))
        # unanswerables: left-out calls, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-call") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-call", call=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            nref = ref(by[n], "absent" + f, possessive_ok="'s" not in ABSENT_FIELDS[f][0])
            q = ABSENT_FIELDS[f][0].format(n=nref)
            add(q[0].upper() + q[1:], [], "unanswerable", [], "absent-field", field=f, call=n, ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c22-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
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
    sp = split_pages(recs)
    print(f"{len(recs)} pages (dev {sum(v == 'dev' for v in sp.values())}); layouts "
          f"{dict(Counter(layout(r) for r in recs))}")
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
    return rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])"


def unanswerable_pattern(q: dict) -> tuple[str, str]:
    if q["kind"] == "absent-call":
        return absent_pattern(q["call"]), f"{q['call']} is number 73 on x86-64."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict) -> list[str]:
    """What a page must state (as text, case-insensitive)."""
    vals = [r["name"], str(len(r["groups"])), f"{r['linux_count']} of {len(LINUX)}"]
    vals += r["groups"] or ["none"]
    vals += [str(r[k]) if r[k] is not None else f"not in the {ARCH[k]} table" for k in NUMS]
    vals += [str(r[t]) if r[t] is not None else f"{t} table has no call of this name" for t in BSD]
    vals += r["main_missing"] + r["linux_missing"] + r["related"]
    vals += [str(v) for v in front_values(r).values() if v != "none"]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    tables = snap["tables"]
    by = {r["name"]: r for r in recs}
    whole = all_records(tables)
    wby = {r["name"]: r for r in whole}
    did = {r["name"]: doc_id(r) for r in recs}
    name_of = {v: k for k, v in did.items()}
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
    # 2. records against the stored tables (and this machine's files, where unchanged)
    bad = [f"{r['name']}: record differs from the tables" for r in recs if r != wby.get(r["name"])]
    bad += [f"{x}: read twice" for x, c in Counter(CALLS).items() if c > 1]
    bad += [f"{m}: ABSENT but catalogued" for m in absent_names() if m in by]
    bad += [f"{x}: read but neither catalogued nor ABSENT" for x in wby if x not in by and x not in absent_names()]
    bad += [f"{m}: ABSENT but in a family" for m in absent_names() for f in FAMILIES if m in f]
    bad += [f"{n}: in none of the four main tables" for n in CALLS if all(wby[n][k] is None for k in NUMS)]
    for n in CALLS:  # groups agree across the Linux tables
        gs = {e[2] for t in LINUX for e in tables[t] if e[0] == n}
        if len(gs) != 1:
            bad.append(f"{n}: groups differ across tables {gs}")
    bad += [f"{t}: a name twice" for t in TABLES if len({e[0] for e in tables[t]}) != len(tables[t])]
    bad += [f"{t}: a number twice" for t in TABLES if len({e[1] for e in tables[t]}) != len(tables[t])]
    if sorted(tables) != sorted(TABLES) or sorted(snap["files"]) != sorted(f"{t}.xml" for t in TABLES):
        bad.append("snapshot tables / files are not TABLES")
    bad += [f"{t}: count differs" for t in TABLES if snap["files"][f"{t}.xml"]["syscalls"] != len(tables[t])]
    reread = [t for t in TABLES if (SRC / f"{t}.xml").is_file() and
              hashlib.sha256((SRC / f"{t}.xml").read_bytes()).hexdigest() == snap["files"][f"{t}.xml"]["sha256"]]
    for t in reread:
        if read_table(SRC / f"{t}.xml") != tables[t]:
            bad.append(f"{t}: differs when this machine's file is read again")
    if len(reread) == len(TABLES):
        again = scan()
        bad += [f"{k}: differs when this machine's files are read again" for k in ("tables", "records", "files")
                if again[k] != snap[k]]
    results.append((f"records are the {len(recs)} of {len(whole)} calls read not ABSENT, equal to the stored tables "
                    f"(files read again where unchanged: {len(reread)} of {len(TABLES)}); groups agree across "
                    "tables; no ABSENT call in a family", bad))
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
    sources = ["It is a Linux system call.", "It is listed in GDB's syscall tables.", "It is a syscall.",
               "See /usr/share/gdb/syscalls."]  # fmt: skip
    for s in items:
        row_of = {r["id"]: r for r in rows[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c22-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("56", "open", "file", "257", unanswerable_pattern(q)[1]):
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
                            if contains_tokens(answer_tokens(it.question), answer_tokens(g))]
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
                if f in ("group", "group_other"):
                    gold_ok += [f"{it.id}: group {x} scores correct" for x in
                                ("file", "descriptor", "process", "memory", "network", "signal", "ipc")
                                if x not in it.answers and is_correct(it, x, False)]
                if f == "missing_main":
                    gold_ok += [f"{it.id}: {x} scores correct" for x in ARCH.values()
                                if x not in it.answers and is_correct(it, x, False)]
            if k == "hop-named":
                via = by[q["via"]]
                own = single_golds(via, f) if single_ok(via, f) else []
                gold_ok += [f"{it.id}: the first call's {g!r} scores correct" for g in own if is_correct(it, g, False)]
                gold_ok += [f"{it.id}: the first call's name scores correct" for _ in [0]
                            if is_correct(it, via["name"], False)]
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
            if it.type in ("reverse", "filter"):
                right = name_of[it.evidence[-1]]
                cmpw += [f"{it.id}: {o} scores correct" for o in wby if o != right and is_correct(it, o, False)]
    results += [("ids c22-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's other numbers, other groups / "
                 "architectures and (chains) the first call's value and name score wrong", gold_ok),
                ("wrong options, hedges and other calls' names score wrong (reverse, filter); filter-among gold "
                 "never last", cmpw),
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
                    if via["related"] != [n] or q["target"] != n or q["evidence"] != [did[q["via"]], did[n]] or \
                            q["ref"].lower() not in q["question"].lower() or q["ref"] not in refs(via):
                        facts.append(f"{q['id']}: the target is not the one related call of the first page")
            elif q["type"] == "reverse":
                n = name_of[q["evidence"][0]]
                if by[n][REV[k]] != q["value"] or cue_owners(tables, k, q["value"]) != [n] or q["answers"] != [n] \
                        or str(q["value"]) not in q["question"]:
                    facts.append(f"{q['id']}: the cue does not single out its call")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = f(by[a]), f(by[b])
                win = a if fa is not None and fb is not None and pick(fa, fb) == fa else b
                if fa is None or fb is None or fa == fb or q["target"] != win or q["options"] != [a, b] or \
                        q["answers"] != [win]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(COND[c][0](by[x]) == v for c, v in q["where"].items())]
                each = [sum(COND[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != hit or min(each) < 2:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if COND[c][0](by[x]) == v] != q["answers"] or \
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
                out.add(did[q["call"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[name_of[p]] != s]
    sep += [f"{g}: a family split" for g in groups(recs) if len({sp[n] for n in g}) > 1]
    sep += [f"{n}: a related call of another split" for n, r in by.items() for x in r["related"] if sp[x] != sp[n]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("call") for q in rows[s] if q["kind"] == "absent-call"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent call {m} not of this split" for s in rows for m in ab[s] if m not in ABSENT[s]]
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
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by name family: no page asked about in both "
                    "splits, a fact of a page asked once per split, no absent call in both, no question "
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
            m = q.get("call")
            if q["kind"] == "absent-call" and (m not in ABSENT[s] or m not in q["question"]):
                un.append(f"{q['id']}: absent call")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or q["ref"].lower() not in q["question"].lower()
                                                or q["ref"] not in refs(by[m])):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q)
            flags = 0 if q["kind"] == "absent-call" else re.I
            if not re.search(pat, made_up, flags):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, t in on_disk.items() if re.search(pat, t, flags)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, t, re.I) for t in on_disk.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no page (left-out calls: "
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
