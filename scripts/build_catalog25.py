"""Build the catalog25 evaluation corpus: Linux error numbers as the kernel headers and Python describe them.

    PYTHONPATH=src python scripts/build_catalog25.py snapshot [--force]  # headers + Python -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog25.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog25.py check               # loader + scorer + fact checks, no model

`snapshot` reads every `#define E...` line of this machine's Linux UAPI error headers
(`/usr/include/asm-generic/errno-base.h`, `/usr/include/asm-generic/errno.h`) and the one alias that
glibc adds in `/usr/include/x86_64-linux-gnu/bits/errno.h` (ENOTSUP): the constant, its value (a number,
or the name of the constant it aliases), the C comment on the line, the comment that heads its
paragraph of the header (a "note": the ENOSYS warning, "for robust mutexes"), an `#ifndef` guard, the
line number and the line as written. For every number defined it stores what this machine's Python
3.11 says of it: `os.strerror(n)` (glibc's message), `errno.errorcode.get(n)`, the class of
`OSError(n, "x")` and its ancestors up to OSError, and for every constant whether `errno` has it.
The headers' sha256, the Python version and the C library are kept for information. For every
constant read (READ) and not left out (ABSENT) it stores the record computed from those stored
values only (`make_record`). Written to `evalsets/catalog25/snapshot.json` (committed; `snapshot`
refuses to overwrite it without --force): another machine may carry other headers, another glibc or
another Python, so the committed snapshot is the source.

`build` renders one markdown page per record from snapshot.json alone, `<constant in lower case>.md`
(`enoent.md`), titled `# <CONSTANT>`, with YAML front matter and a body in one of three layouts dealt
in turn in the order of sha256("catalog25:layout<id>") within each split: `sheet` (a `| Field | Value |`
table), `card` (headed sections of `- Label: value` bullets) or `prose` (paragraphs, wording varied per
page). An alias (EWOULDBLOCK, EDEADLOCK, ENOTSUP) has a page of its own, which records what is its
own (where and how it is defined, its comment, its Python constant, whether errno.errorcode uses it)
and points to its target for the shared number, message and exception. Then `build` generates
dev.jsonl and test.jsonl from the snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses
to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
computes every record again from the stored values, loads the corpus with ragtune's loader, reads
both splits with `load_qa`, and checks every item (evidence, gold in evidence text and tokens,
scoring verdicts, facts against the snapshot, split separation, unanswerables absent by pattern,
the sha256, the type mix). It compares nothing with this machine unless a header has the recorded
sha256 (then that header is parsed again and must give the stored lines) and this Python and C
library are the recorded ones (then the Python facts are read again and must be equal), so a fresh
clone elsewhere checks the committed snapshot alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog25"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 25

# (the include path a C programmer writes, the file on this machine, whether every E-constant in it is read)
BASE_H = "asm-generic/errno-base.h"
ERRNO_H = "asm-generic/errno.h"
GLIBC_H = "bits/errno.h"
HEADERS = [(BASE_H, "/usr/include/asm-generic/errno-base.h", True),
           (ERRNO_H, "/usr/include/asm-generic/errno.h", True),
           (GLIBC_H, "/usr/include/x86_64-linux-gnu/bits/errno.h", False)]  # fmt: skip
# glibc's bits/errno.h repeats kernel numbers as fallbacks (#ifndef ECANCELED ...); only the names the
# kernel headers do not define are read from it
PACKAGES = {BASE_H: "linux-libc-dev", ERRNO_H: "linux-libc-dev", GLIBC_H: "libc6-dev"}

# The constants catalogued or left out, in header order: all of errno-base.h, 59 of errno.h's numbers,
# both kernel aliases and glibc's ENOTSUP. The other 38 numbers of errno.h are in the snapshot (their
# uniqueness matters to reverse questions) but have no page and are never named.
READ = [
    # errno-base.h
    "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD", "EAGAIN",
    "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR",
    "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK",
    "EPIPE", "EDOM", "ERANGE",
    # errno.h
    "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP", "EWOULDBLOCK", "ENOMSG",
    "EL2NSYNC", "EL2HLT", "EBADE", "EXFULL", "EDEADLOCK", "EBFONT", "ENODATA", "ETIME", "ENOPKG",
    "ENOLINK", "ECOMM", "EPROTO", "EDOTDOT", "EBADMSG", "EOVERFLOW", "EBADFD", "ELIBACC", "ELIBEXEC",
    "EILSEQ", "ERESTART", "ENOTSOCK", "EMSGSIZE", "EPROTOTYPE", "EPROTONOSUPPORT", "EOPNOTSUPP",
    "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETUNREACH", "ENETRESET", "ECONNABORTED",
    "ECONNRESET", "EISCONN", "ENOTCONN", "ESHUTDOWN", "ETIMEDOUT", "ECONNREFUSED", "EHOSTUNREACH",
    "EALREADY", "EINPROGRESS", "ESTALE", "EUCLEAN", "EREMOTEIO", "EDQUOT", "ENOMEDIUM", "ECANCELED",
    "ENOKEY", "EKEYEXPIRED", "EKEYREJECTED", "EOWNERDEAD", "ENOTRECOVERABLE", "ERFKILL", "EHWPOISON",
    # glibc bits/errno.h
    "ENOTSUP",
]  # fmt: skip
# Read but left out: no page, and neither the name, its header comment nor its strerror message is on
# any page (none is an alias target, an alias or shares an exception class: `check` verifies it).
ABSENT = {"dev": ["ENOTEMPTY", "EADDRINUSE", "EROFS"], "test": ["ENAMETOOLONG", "EMSGSIZE", "ENOSPC"]}

ABSENT_QUESTIONS = {
    "ENOTEMPTY": ["What error number does ENOTEMPTY have?", "What does os.strerror print for ENOTEMPTY?"],
    "EADDRINUSE": ["What comment does the kernel header give EADDRINUSE?"],
    "EROFS": ["Which exception class does Python raise for EROFS?"],
    "ENAMETOOLONG": ["What is the number of ENAMETOOLONG?", "Which header file defines ENAMETOOLONG?"],
    "EMSGSIZE": ["What message does strerror return for EMSGSIZE?",
                 "Which OSError subclass does Python raise for EMSGSIZE?"],
    "ENOSPC": ["On which line of asm-generic/errno-base.h is ENOSPC defined?",
               "What is the strerror text of ENOSPC?"],
}  # fmt: skip

# What these pages never state about an error: (question, a pattern no page may match, a made-up answer
# that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "winsock": ("What is the Winsock counterpart of {n} on Windows?", r"\bWSA[A-Z]*\b|\bWinsock\b|\bWindows\b",
                "WSAECONNREFUSED (10061) on Windows."),
    "win32": ("Which Win32 ERROR_ code corresponds to {n}?", r"\bERROR_[A-Z_]+|\bWin32\b",
              "ERROR_FILE_NOT_FOUND, code 2."),
    "age": ("In which Linux kernel release was {n} first defined?",
            r"\b(?:introduced|added|first (?:defined|appeared))\b|\bLinux (?:kernel )?(?:version )?\d|"
            r"\bkernel (?:version |release )?\d|\b(?:19[6-9]\d|20[0-2]\d)\b",
            "It was added in Linux 2.6.16 in 2006."),
    "posix": ("Which POSIX edition first required {n}?", r"\bPOSIX\b|\bSUSv\d|\bIEEE Std\b|\bXPG\d?\b|\bSingle UNIX\b",
              "POSIX.1-2001 required it."),
    "bsd": ("What number does FreeBSD give {n}?", r"\bFreeBSD\b|\bBSD\b|\bmacOS\b|\bDarwin\b|\bSolaris\b",
            "On FreeBSD it is 35."),
    "http": ("Which HTTP status code do web servers usually map {n} to?", r"\bHTTP\b|\bstatus code\b",
             "HTTP 404 Not Found."),
    "syscalls": ("Which system calls are documented to return {n}?",
                 r"\b(?:open|openat|read|write|connect|accept|bind|socket|unlink|rename|mkdir|rmdir|fork|kill|"
                 r"ioctl|execve|mmap|close|fcntl|stat|waitpid|pipe|send|recv|listen|dup2?)\s?\(2\)|"
                 r"\bsystem calls? (?:that )?(?:can |may )?return",
                 "open(2) and mkdir(2) can return it."),
    "signal": ("Which signal does the kernel deliver together with {n}?", r"\bSIG[A-Z]{2,}\b|\bsignal\b",
               "SIGPIPE is delivered with it."),
    "frequency": ("What share of failed calls in typical server logs are {n}, as a percentage?",
                  r"%|\bper ?cent\b", "About 4% of failures."),
    "exit": ("What shell exit status does a command usually return on {n}?", r"\bexit (?:status|code)\b",
             "Exit status 2."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 3, "test": 4}  # the most single-hop questions of one kind
KIND_CAP = {"dev": {"header": 2, "line": 2, "parent": 2},
            "test": {"header": 3, "line": 3, "parent": 3}}  # kinds a reader could half-guess: asked less
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-constant items; the rest ask absent fields
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")
BASE_LIMIT = 35  # errno-base.h holds the numbers below this
# words of strerror messages that filters may ask for (each met by 2+ catalogued messages)
MESSAGE_WORDS = ["file", "directory", "device", "network", "link", "socket", "protocol", "address", "connection",
                 "operation", "transport endpoint", "shared library", "key", "process", "no such", "too many",
                 "not supported", "available", "exists", "timed out", "resource"]  # fmt: skip

# ------------------------------------------------------------------ reading the headers and Python

_DEFINE = re.compile(r"^\s*#\s*define\s+(E[A-Z0-9]+)\s+(\w+)\s*(?:/\*\s*(.*?)\s*\*/)?\s*$")
_IFNDEF = re.compile(r"^\s*#\s*ifndef\s+(\w+)\s*$")


def parse_header(text: str, key: str) -> list[dict]:
    """Every `#define E... value /* comment */` line: the constant, the value as written, the comment on
    the line, the comment heading its paragraph (a note), an #ifndef guard right above it, the line
    number and the line with its runs of white space made single spaces."""
    out, note, in_comment, buf, prev = [], None, False, [], ""
    for i, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if in_comment:
            buf.append(s)
            if "*/" in s:
                in_comment = False
                note = _clean_comment(" ".join(buf))
            continue
        if not s:
            note, prev = None, ""
            continue
        if s.startswith("/*"):
            buf = [s]
            if "*/" in s:
                note = _clean_comment(s)
            else:
                in_comment = True
            prev = s
            continue
        m = _DEFINE.match(line)
        if m:
            g = _IFNDEF.match(prev)
            out.append({"name": m.group(1), "value": m.group(2), "comment": m.group(3) or None,
                        "note": note if note and not note.startswith("SPDX") else None,
                        "guard": g.group(1) if g else None, "header": key, "line": i,
                        "text": " ".join(line.split())})  # fmt: skip
        prev = s
    return out


def _clean_comment(s: str) -> str:
    s = s.strip()
    s = re.sub(r"^/\*+", "", s)
    s = re.sub(r"\*+/$", "", s)
    s = re.sub(r"(?:^|\s)\*(?=\s)", " ", s)
    return " ".join(s.split())


def read_headers() -> tuple[dict, dict]:
    """(header info by include path, defines by constant name, in header order)."""
    info, defines = {}, {}
    for key, path, whole in HEADERS:
        data = Path(path).read_bytes()
        rows = parse_header(data.decode("utf-8"), key)
        info[key] = {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "lines": len(data.decode().splitlines()),
                     "package": PACKAGES[key]}  # fmt: skip
        for d in rows:
            if d["name"] in defines:
                continue  # glibc's fallbacks for kernel numbers
            if not whole and not (not d["value"].isdigit() and d["value"] in defines):
                continue  # from glibc only the aliases of kernel constants
            defines[d["name"]] = d
    return info, defines


def resolve(name: str, defines: dict) -> int:
    v = defines[name]["value"]
    seen = {name}
    while not v.isdigit():
        if v in seen:
            raise ValueError(f"alias loop at {name}")
        seen.add(v)
        v = defines[v]["value"]
    return int(v)


def read_python(defines: dict) -> tuple[dict, dict]:
    """(facts by number, whether errno has each constant and its value)."""
    import errno
    import os

    nums = sorted({resolve(n, defines) for n in defines})
    facts = {}
    for n in nums:
        exc = type(OSError(n, "x"))
        line = []
        for c in exc.__mro__:
            line.append(c.__name__)
            if c is OSError:
                break
        facts[str(n)] = {"strerror": os.strerror(n), "errorcode": errno.errorcode.get(n), "exception": exc.__name__,
                         "lineage": line}  # fmt: skip
    consts = {name: getattr(errno, name, None) for name in defines}
    return facts, consts


def package_versions() -> dict:
    import subprocess

    out = {}
    for p in sorted(set(PACKAGES.values())):
        try:
            out[p] = subprocess.run(["dpkg-query", "-W", "-f=${Version}", p], capture_output=True, text=True,
                                    check=True).stdout.strip()  # fmt: skip
        except Exception:  # noqa: BLE001
            out[p] = None
    return out


def scan() -> dict:
    import platform

    info, defines = read_headers()
    facts, consts = read_python(defines)
    pk = package_versions()
    for k in info:
        info[k]["package_version"] = pk[info[k]["package"]]
    snap = {"source": "Linux UAPI headers asm-generic/errno-base.h and asm-generic/errno.h (linux-libc-dev), the "
                      "ENOTSUP alias of glibc's bits/errno.h (libc6-dev); CPython errno, os.strerror and OSError",
            "python": platform.python_version(), "libc": " ".join(platform.libc_ver()), "headers": info,
            "read": len(READ), "defines": defines, "numbers": facts, "python_constants": consts}  # fmt: skip
    snap["records"] = [r for r in all_records(snap) if r["name"] not in absent_names()]
    return snap


# ------------------------------------------------------------------ records


def absent_names() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued_names() -> list[str]:
    return [n for n in READ if n not in absent_names()]


def doc_id_of(name: str) -> str:
    return name.lower()


def same_words(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and " ".join(a.lower().split()) == " ".join(b.lower().split())


def make_record(name: str, snap: dict) -> dict:
    """The record of one constant, from the stored header lines and Python facts only."""
    defines, facts, consts = snap["defines"], snap["numbers"], snap["python_constants"]
    d = defines[name]
    n = resolve(name, defines)
    f = facts[str(n)]
    rec = {"id": doc_id_of(name), "name": name, "header": d["header"], "line": d["line"], "text": d["text"],
           "comment": d["comment"], "note": d["note"], "guard": d["guard"], "py_const": consts[name] is not None}
    if not d["value"].isdigit():
        rec.update({"kind": "alias", "target": d["value"], "errorcode_uses": f["errorcode"] == name,
                    "errorcode": f["errorcode"], "py_equal": consts[name] is not None and consts[name] == consts.get(d["value"])})
        return rec
    aliases = [a for a in defines if a != name and not defines[a]["value"].isdigit() and resolve(a, defines) == n]
    exc = f["exception"]
    sib = [m for m in defines if m != name and defines[m]["value"].isdigit() and exc != "OSError"
           and facts[defines[m]["value"]]["exception"] == exc]  # fmt: skip
    rec.update({
        "kind": "number", "number": n, "base": n < BASE_LIMIT, "message": f["strerror"],
        "differs": d["comment"] is not None and not same_words(d["comment"], f["strerror"]),
        "errorcode": f["errorcode"], "exception": exc, "lineage": f["lineage"],
        "parent": f["lineage"][1] if len(f["lineage"]) > 1 else None, "dedicated": exc != "OSError",
        "aliases": aliases, "siblings": sib,
    })  # fmt: skip
    return rec


def all_records(snap: dict) -> list[dict]:
    """Records of every constant read (catalogued or left out)."""
    return [make_record(n, snap) for n in READ]


def whole_records(snap: dict) -> list[dict]:
    """Records of every constant in the snapshot (read or not): for uniqueness of reverse cues."""
    return [make_record(n, snap) for n in snap["defines"]]


def links(r: dict) -> list[str]:
    """The constants a page names (an alias's target, a number's aliases, its exception siblings)."""
    if r["kind"] == "alias":
        return [r["target"]]
    out = list(r["aliases"]) + list(r["siblings"])
    if r["errorcode"] and r["errorcode"] != r["name"]:
        out.append(r["errorcode"])
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog25:{salt}{key}".encode()).hexdigest(), 16)


def groups(recs: list[dict]) -> list[list[str]]:
    """Link groups: the catalogued constants joined by aliases and shared exception classes (by name)."""
    by = {r["name"]: r for r in recs}
    parent = {n: n for n in by}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        for x in links(r):
            if x in by:
                parent[find(x)] = find(r["name"])
    out: dict[str, list[str]] = {}
    for n in by:
        out.setdefault(find(n), []).append(n)
    order = {n: i for i, n in enumerate(READ)}
    return [sorted(g, key=order.get) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by name: link groups in the order of sha256("catalog25:<the group's first name>");
    dev takes groups until it holds DEV_PAGES pages or more."""
    out, n = {}, 0
    for g in sorted(groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({h: part for h in g})
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["id"] for r in recs if sp[r["name"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["id"]]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def front_matter(r: dict) -> str:
    if r["kind"] == "alias":
        fm = {"constant": r["name"], "kind": "alias", "alias_of": r["target"], "header": r["header"],
              "line": r["line"], "has_comment": r["comment"] is not None, "python_constant": r["py_const"],
              "errorcode_uses_alias": r["errorcode_uses"]}  # fmt: skip
    else:
        fm = {"constant": r["name"], "kind": "number", "number": r["number"], "header": r["header"],
              "line": r["line"], "errno_base": r["base"], "exception": r["exception"],
              "dedicated_subclass": r["dedicated"], "comment_differs": r["differs"],
              "aliases": r["aliases"][0] if len(r["aliases"]) == 1 else ("none" if not r["aliases"] else ", ".join(r["aliases"])),
              "python_constant": r["py_const"]}  # fmt: skip
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fm.items()) + "---\n"


def front_values(r: dict) -> dict:
    text = front_matter(r)
    return {ln.split(": ", 1)[0]: json.loads(ln.split(": ", 1)[1]) for ln in text.splitlines() if ": " in ln}


def yes(b: bool) -> str:
    return "yes" if b else "no"


def where_text(r: dict) -> str:
    return f"{r['header']}, line {r['line']}"


def def_text(r: dict) -> str:
    t = r["text"].split("/*")[0].strip()
    return t + (f", inside an #ifndef {r['guard']} guard" if r["guard"] else "")


def comment_text(r: dict) -> str:
    return f"\"{r['comment']}\"" if r["comment"] else "none (the line carries no comment)"


def note_text(r: dict) -> str:
    return f"\"{r['note']}\"" if r["note"] else "none"


def base_text(r: dict) -> str:
    return "yes (below 35)" if r["base"] else "no (35 or above)"


def same_text(r: dict) -> str:
    if not r["comment"]:
        return "no comment to compare"
    return "they differ" if r["differs"] else "the same words"


def const_text(r: dict) -> str:
    if not r["py_const"]:
        return f"none: the errno module of this Python has no {r['name']}"
    if r["kind"] == "alias":
        return f"errno.{r['name']}, equal to errno.{r['target']}" if r["py_equal"] else f"errno.{r['name']}"
    return f"errno.{r['name']} = {r['number']}"


def errorcode_text(r: dict) -> str:
    if r["kind"] == "alias":
        if r["errorcode_uses"]:
            return f"uses this alias: errno.errorcode gives {r['name']} for the shared number, not {r['target']}"
        return f"does not use this alias: errno.errorcode gives {r['errorcode']} for the shared number"
    n = r["number"]
    if r["errorcode"] is None:
        return f"no entry for {n}"
    if r["errorcode"] == r["name"]:
        return f"errno.errorcode[{n}] is {r['name']}"
    return f"errno.errorcode[{n}] is {r['errorcode']} (the alias), not {r['name']}"


def exception_text(r: dict) -> str:
    if r["dedicated"]:
        return f"{r['exception']} (a dedicated subclass)"
    return "OSError itself (no dedicated subclass)"


def lineage_text(r: dict) -> str:
    return " → ".join(r["lineage"])


def aliases_text(r: dict) -> str:
    if not r["aliases"]:
        return "none"
    return ", ".join(f"{a} (its own page)" for a in r["aliases"])


def siblings_text(r: dict) -> str:
    if not r["dedicated"]:
        return "not applicable (plain OSError)"
    if not r["siblings"]:
        return f"none: no other Linux error number maps to {r['exception']}"
    return ", ".join(f"{s} (its own page)" for s in r["siblings"])


def rows(r: dict) -> list[tuple[str, str]]:
    if r["kind"] == "alias":
        return [("Constant", r["name"]), ("Kind", f"alias: another name for {r['target']}"),
                ("Defined in", where_text(r)), ("Definition", def_text(r)), ("Alias of", f"{r['target']} (its own page)"),
                ("Header comment", comment_text(r)), ("Header note", note_text(r)),
                ("Python constant", const_text(r)), ("errno.errorcode", errorcode_text(r)),
                ("Number, message and exception", f"those of {r['target']}, not repeated here")]  # fmt: skip
    return [("Constant", r["name"]), ("Error number", str(r["number"])), ("Defined in", where_text(r)),
            ("Definition", def_text(r)), ("In the errno-base.h range", base_text(r)),
            ("Header comment", comment_text(r)), ("Header note", note_text(r)),
            ("strerror message", f"\"{r['message']}\""), ("Comment and message", same_text(r)),
            ("Python constant", const_text(r)), ("errno.errorcode", errorcode_text(r)),
            ("Python exception", exception_text(r)), ("Exception lineage", lineage_text(r)),
            ("Aliases", aliases_text(r)), ("Same exception class as", siblings_text(r))]  # fmt: skip


def source_line(snap: dict) -> str:
    h = snap["headers"]
    return (f"Source: the Linux UAPI headers {BASE_H} and {ERRNO_H} (linux-libc-dev {h[BASE_H]['package_version']}) "
            f"and glibc's {GLIBC_H} (libc6-dev {h[GLIBC_H]['package_version']}), with errno, os.strerror and "
            f"OSError as CPython {snap['python']} on {snap['libc']} reports them.")


SECTIONS_NUM = {"Definition": ["Constant", "Error number", "Defined in", "Definition", "In the errno-base.h range",
                               "Header comment", "Header note"],
                "Message": ["strerror message", "Comment and message"],
                "Python": ["Python constant", "errno.errorcode", "Python exception", "Exception lineage"],
                "Related names": ["Aliases", "Same exception class as"]}  # fmt: skip
SECTIONS_ALIAS = {"Definition": ["Constant", "Kind", "Defined in", "Definition", "Alias of", "Header comment",
                                 "Header note"],
                  "Python": ["Python constant", "errno.errorcode"],
                  "Shared values": ["Number, message and exception"]}  # fmt: skip


def render(r: dict, snap: dict) -> str:
    n, kind, w = r["name"], layout(r), _h(r["id"], "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    rs = dict(rows(r))
    src = source_line(snap)
    if kind == "sheet":
        out = "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows(r)) + "\n"
        return head + out + "\n" + src + "\n"
    if kind == "card":
        out = []
        for title, keys in (SECTIONS_ALIAS if r["kind"] == "alias" else SECTIONS_NUM).items():
            out += [f"## {title}"] + [f"- {k}: {rs[k]}" for k in keys] + [""]
        return head + "\n".join(out) + "\n" + src + "\n"
    # prose
    if r["kind"] == "alias":
        t = r["target"]
        p1 = [(f"{n} is not a number of its own but another name for {t}, defined at {where_text(r)} as {def_text(r)}.",
               f"At {where_text(r)}, the header defines {n} simply as {t} ({def_text(r)}).",
               f"This page covers {n}, an alias of {t}. Where: {where_text(r)}; how: {def_text(r)}.")[w % 3]]
        p1.append(f"The line has a comment of its own, \"{r['comment']}\"." if r["comment"] else
                  "The line carries no comment of its own.")
        if r["note"]:
            p1.append(f"A comment heading its part of the header reads \"{r['note']}\".")
        p2 = [f"In Python it is {const_text(r)}." if r["py_const"] else f"Python constant: {const_text(r)}.",
              f"As for errno.errorcode, it {errorcode_text(r)}."]
        p3 = [f"Its number, its message and the exception Python raises for it are those of {t} (its own page) "
              "and are not repeated here."]
        return head + "\n\n".join(" ".join(p) for p in (p1, p2, p3)) + "\n\n" + src + "\n"
    num = r["number"]
    p1 = [(f"{n} is Linux error number {num}, defined at {where_text(r)} as {def_text(r)}.",
           f"Error number {num} goes by the name {n}; its definition, {def_text(r)}, sits at {where_text(r)}.",
           f"This page covers {n} ({num}). Where it is defined: {where_text(r)}, as {def_text(r)}.")[w % 3]]
    p1.append("Being below 35, it falls in the errno-base.h range." if r["base"] else
              "At 35 or above, it lies outside the errno-base.h range.")
    p1.append(f"The header comment on that line reads \"{r['comment']}\"." if r["comment"] else
              "The line carries no comment.")
    if r["note"]:
        p1.append(f"A comment heading its part of the header says \"{r['note']}\".")
    if r["differs"]:
        p2 = [f"Asked for a message, os.strerror({num}) returns \"{r['message']}\", which differs from the header "
              "comment."]
    elif r["comment"]:
        p2 = [f"os.strerror({num}) returns \"{r['message']}\", the same words as the header comment."]
    else:
        p2 = [f"os.strerror({num}) returns \"{r['message']}\"; there is no header comment to compare it with."]
    if r["py_const"]:
        p3 = [f"Python names it {const_text(r)}, and {errorcode_text(r)}."]
    else:
        p3 = [f"Python constant: {const_text(r)}; errno.errorcode has {errorcode_text(r)}."]
    if r["dedicated"]:
        p3.append(f"OSError({num}, ...) comes back as {r['exception']}, a dedicated subclass, whose lineage runs "
                  f"{lineage_text(r)}.")
    else:
        p3.append(f"OSError({num}, ...) stays plain OSError: Python has no dedicated subclass for it.")
    p4 = []
    if r["aliases"]:
        p4.append(f"{and_list(r['aliases'])} {'is' if len(r['aliases']) == 1 else 'are'} defined as an alias of it "
                  "(its own page).")
    if r["dedicated"] and r["siblings"]:
        p4.append(f"Python raises the same class for {and_list(r['siblings'])} "
                  f"({'its own page' if len(r['siblings']) == 1 else 'each on its own page'}).")
    elif r["dedicated"]:
        p4.append(f"No other Linux error number maps to {r['exception']}.")
    paras = [p for p in (p1, p2, p3, p4) if p]
    return head + "\n\n".join(" ".join(p) for p in paras) + "\n\n" + src + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{r['id']}.md": render(r, snap) for r in recs}


def snapshot_text(snap: dict) -> str:
    """JSON with one define / one number / one record a line."""
    head = {k: v for k, v in snap.items() if k not in ("defines", "numbers", "python_constants", "records")}
    text = json.dumps(head, indent=1)[:-2]
    parts = []
    for key in ("defines", "numbers", "python_constants"):
        body = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in snap[key].items())
        parts.append(f' "{key}": {{\n{body}\n }}')
    recs = ",\n".join("  " + json.dumps(r) for r in snap["records"])
    return text + ",\n" + ",\n".join(parts) + ',\n "records": [\n' + recs + "\n ]\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's headers and Python again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    print(f"{len(snap['defines'])} constants defined, {len(READ)} read; {len(snap['records'])} records")


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


def hedge_safe(question: str, options: list[str], gold: str) -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return _ok(question, [gold], "comparison", gold, options) and \
        not any(_ok(question, [gold], "comparison", t, options) for t in tries)


def gold_safe(question: str, answers: list[str], typ: str = "single_hop") -> bool:
    return all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers)


def names_safe(question: str, gold: str, others: list[str], typ: str = "reverse") -> bool:
    """Do all other constants score wrong (EBADF must not pass for EBADFD, EISCONN for ENOTCONN)?"""
    gt = _atok(gold)
    return not any(_ok(question, [gold], typ, o) for o in others if _atok(o) != gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def refs(r: dict) -> list[str]:
    return [r["name"], f"the error {r['name']}", f"the {r['name']} constant"]


def poss(name: str) -> str:
    return name + "'s"


def ref(r: dict, salt: str) -> str:
    xs = refs(r)
    return xs[_h(r["id"], salt) % len(xs)]


def fill(tpl: str, r: dict, salt: str, **kw) -> tuple[str, str]:
    """A template with {n} (the name, "the error NAME" or "the NAME constant"), {N} (the name), {p} (the
    name's possessive), {h} (its header); returns (question, how it names the constant)."""
    nref = ref(r, salt) if "{n}" in tpl else (poss(r["name"]) if "{p}" in tpl else r["name"])
    q = tpl.format(n=nref, N=r["name"], p=poss(r["name"]), h=r["header"], **kw)
    return q[0].upper() + q[1:], nref


def header_golds(h: str) -> list[str]:
    # "errno.h" alone would also be inside "bits/errno.h": the kernel one is named with its directory
    return [BASE_H, "errno-base.h"] if h == BASE_H else [h]


def note_golds(r: dict) -> list[str]:
    return [re.sub(r"^for ", "", r["note"])]


def numbered(r: dict) -> bool:
    return r["kind"] == "number"


SINGLE = {
    "number": (["What is the error number of {n}?", "Which number does {n} stand for on Linux?",
                "What integer value does {n} have?"],
               lambda r: [str(r["number"])], numbered),
    "message": (["What message does os.strerror return for {n}?", "What is the strerror text of {n}?",
                 "How does glibc's strerror describe {n}?"],
                lambda r: [r["message"]], numbered),
    "comment": (["What does the C comment next to {n} in its header say?",
                 "Which comment does the kernel header put beside {n}?"],
                lambda r: [r["comment"]], lambda r: bool(r["comment"]) and (r["kind"] == "alias" or r["differs"])),
    "exception": (["Which exception class does Python raise for {n}?",
                   "What class does OSError(errno, msg) turn into in Python for {n}?"],
                  lambda r: [r["exception"]], numbered),
    "parent": (["Which class does the exception Python raises for {n} derive from directly?",
                "What is the direct base class of the exception Python uses for {n}?"],
               lambda r: [r["parent"]], lambda r: numbered(r) and r["dedicated"]),
    "header": (["Which header file defines {n}?", "In which header is {n} defined?"],
               lambda r: header_golds(r["header"]), lambda r: True),
    "line": (["On which line of {h} is {n} defined?", "Which line of {h} holds the definition of {n}?"],
             lambda r: [str(r["line"])], lambda r: True),
    "alias_of": (["Which constant is {n} defined as?", "What does the alias {N} stand for?"],
                 lambda r: [r["target"]], lambda r: r["kind"] == "alias"),
    "aliases": (["Which other constant name is defined for the number of {n}?",
                 "What alias is defined for {p} number?"],
                lambda r: list(r["aliases"]), lambda r: numbered(r) and len(r["aliases"]) == 1),
    "errorcode": (["Which name does Python's errno.errorcode give for the number of {n}?",
                   "What does errno.errorcode return for {p} number?"],
                  lambda r: [r["errorcode"]], lambda r: numbered(r) and r["errorcode"] not in (None, r["name"])),
    "sibling": (["Python raises the same exception class for {n} as for exactly one other error number. Which?",
                 "Which other error shares {p} Python exception class?"],
                lambda r: list(r["siblings"]), lambda r: numbered(r) and len(r["siblings"]) == 1),
    "note": (["What does the comment heading {p} group in the header say it is for?"],
             note_golds, lambda r: bool(r["note"]) and len(r["note"].split()) <= 5),
}  # fmt: skip
SINGLE_ORDER = ["errorcode", "note", "alias_of", "aliases", "sibling", "parent", "comment", "line", "header", "exception",
                "message", "number"]  # fmt: skip


def rel_key(a: str, b: str) -> tuple[str, str]:
    """One relation between two constants (an alias and its target, errorcode's name for a number, two
    exception siblings), asked once per split whichever page it is asked from."""
    return ("rel", " ".join(sorted((a, b))))


def single_ok(r: dict, k: str) -> bool:
    return SINGLE[k][2](r)


def single_golds(r: dict, k: str) -> list[str]:
    return SINGLE[k][1](r)


def single_question(r: dict, k: str) -> str:
    tpls = SINGLE[k][0]
    return fill(tpls[_h(r["id"], k) % len(tpls)], r, k)[0]


def single_related(r: dict, k: str) -> list[str]:
    """The catalogued constants a single-hop answer names."""
    if k == "alias_of":
        return [r["target"]]
    if k == "aliases":
        return list(r["aliases"])
    if k == "errorcode":
        return [r["errorcode"]]
    if k == "sibling":
        return list(r["siblings"])
    return []


def page_numbers(r: dict) -> set[str]:
    xs = [r["line"], BASE_LIMIT]
    if numbered(r):
        xs += [r["number"]]
    return {str(x) for x in xs}


def page_texts(r: dict) -> set[str]:
    """The values a page states besides its numbers."""
    out = {r["name"], r["header"]}
    for k in ("comment", "note", "target", "message", "exception", "parent", "errorcode"):
        if r.get(k):
            out.add(r[k])
    out |= set(r.get("aliases", [])) | set(r.get("siblings", [])) | set(r.get("lineage", []))
    return out


def others_of(r: dict, f: str, recs: list[dict]) -> set[str]:
    """Values a wrong answer could take from the page (its numbers and texts) or from the catalogue
    (the other headers, exception classes, messages and comments)."""
    out = page_numbers(r) | page_texts(r)
    out |= {x for t in recs for x in (t["header"], t.get("exception"), t.get("parent")) if x}
    if f in ("message", "comment"):
        out |= {x for t in recs for x in (t.get("message"), t.get("comment")) if x}
    if f == "note":
        out.discard(r["note"])  # the note as written ("for robust mutexes") holds its gold
    return out


def others_safe(question: str, golds: list[str], r: dict, f: str, recs: list[dict], typ: str = "single_hop") -> bool:
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in others_of(r, f, recs) if _atok(x) not in gt)


# multi hop: an alias to its target, a number to its one exception sibling, or to the number one above / below
HOP_VIA = {
    "alias": ["{N} is defined as another constant. {f}", "Resolve the alias {N} to the constant it names. {f}"],
    "sibling": ["Python raises the same exception class for {N} as for exactly one other error number. {f}",
                "{N} shares its Python exception class with one other error. {f}"],
    "next": ["Take the error numbered one higher than {N}. {f}", "Consider the error whose number is one above {p}. {f}"],
    "prev": ["Take the error numbered one lower than {N}. {f}", "Consider the error whose number is one below {p}. {f}"],
}  # fmt: skip
HOP_FIELD = {
    "name": ("What is that error's constant name?", lambda t: [t["name"]], lambda t: not t["aliases"]),
    "number": ("What is that error's number?", lambda t: [str(t["number"])], lambda t: True),
    "message": ("What message does os.strerror give for that error?", lambda t: [t["message"]], lambda t: True),
    "comment": ("What does the header comment beside that constant say?", lambda t: [t["comment"]],
                lambda t: bool(t["comment"]) and t["differs"]),
    "exception": ("Which exception class does Python raise for that error?", lambda t: [t["exception"]],
                  lambda t: True),
    "line": ("On which line of its header is that constant defined?", lambda t: [str(t["line"])], lambda t: True),
}  # fmt: skip
HOP_ALLOWED = {"alias": ("number", "message", "exception", "comment"), "sibling": ("number", "message", "comment", "line"),
               "next": ("name", "message", "exception", "comment"), "prev": ("name", "message", "exception", "comment")}


def hop_target(r: dict, via: str, by: dict, num_of: dict) -> str | None:
    if via == "alias":
        return r["target"] if r["kind"] == "alias" and r["target"] in by else None
    if not numbered(r):
        return None
    if via == "sibling":
        return r["siblings"][0] if len(r["siblings"]) == 1 and r["siblings"][0] in by else None
    m = num_of.get(r["number"] + (1 if via == "next" else -1))
    return m if m in by else None


def hop_golds(t: dict, f: str) -> list[str] | None:
    if not numbered(t):
        return None
    return HOP_FIELD[f][1](t) if HOP_FIELD[f][2](t) else None


def own_golds(r: dict, f: str) -> list[str]:
    """The first page's own value of a field (it must score wrong on a chain)."""
    if numbered(r):
        return hop_golds(r, f) or []
    if f == "comment" and r["comment"]:
        return [r["comment"]]
    if f == "line":
        return [str(r["line"])]
    return []


def _num(r: dict):
    return r["number"] if numbered(r) else None


CMP = {
    "higher-number": ("Which has the higher error number, {a} or {b}?", _num, max),
    "lower-number": ("Which of {a} and {b} has the lower error number?", _num, min),
    "base-one": ("Which of {a} and {b} is defined in asm-generic/errno-base.h?",
                 lambda r: int(r["header"] == BASE_H), max),
    "subclass-one": ("For which of {a} and {b} does Python raise a dedicated OSError subclass rather than plain OSError?",
                     lambda r: int(r["dedicated"]) if numbered(r) else None, max),
    "differs-one": ("For which of {a} and {b} does the header comment differ from the strerror message?",
                    lambda r: int(r["differs"]) if numbered(r) and r["comment"] else None, max),
    "connection-one": ("Which of {a} and {b} makes Python raise a subclass of ConnectionError?",
                       lambda r: int("ConnectionError" in r["lineage"]) if numbered(r) else None, max),
    "aliased-one": ("Which of {a} and {b} has an alias defined for its number?",
                    lambda r: int(bool(r["aliases"])) if numbered(r) else None, max),
}  # fmt: skip
FIELD_OF = {"higher-number": "number", "lower-number": "number", "base-one": "header", "subclass-one": "exception",
            "differs-one": "comment", "connection-one": "exception", "aliased-one": "aliases"}  # fmt: skip


def _word(w: str):
    pat = re.compile(rf"\b{re.escape(w)}\b", re.I)
    return lambda r: numbered(r) and bool(pat.search(r["message"]))


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine (on numbered pages): (test, how a question says it)."""
    cond = {
        "base": (lambda r: r["base"], f"is defined in {BASE_H}"),
        "errno-h": (lambda r: r["header"] == ERRNO_H, f"is defined in {ERRNO_H}"),
        "lt10": (lambda r: r["number"] < 10, "has a number below 10"),
        "10-34": (lambda r: 10 <= r["number"] <= 34, "has a number from 10 to 34"),
        "35-69": (lambda r: 35 <= r["number"] <= 69, "has a number from 35 to 69"),
        "70-99": (lambda r: 70 <= r["number"] <= 99, "has a number from 70 to 99"),
        "ge100": (lambda r: r["number"] >= 100, "has a number of 100 or more"),
        "ge120": (lambda r: r["number"] >= 120, "has a number of 120 or more"),
        "dedicated": (lambda r: r["dedicated"], "makes Python raise a dedicated OSError subclass"),
        "plain": (lambda r: not r["dedicated"], "makes Python raise plain OSError"),
        "conn": (lambda r: "ConnectionError" in r["lineage"], "makes Python raise a subclass of ConnectionError"),
        "differs": (lambda r: r["differs"], "has a header comment that differs from its strerror message"),
        "same": (lambda r: bool(r["comment"]) and not r["differs"],
                 "has a header comment in the same words as its strerror message"),
        "aliased": (lambda r: bool(r["aliases"]), "has an alias defined for its number"),
        "note": (lambda r: bool(r["note"]), "has a comment heading its part of the header"),
        "errorcode-other": (lambda r: r["errorcode"] not in (None, r["name"]),
                            "gets another name from Python's errno.errorcode"),
    }
    nums = [r for r in recs if numbered(r)]
    for e, k in sorted(Counter(r["exception"] for r in nums if r["dedicated"]).items()):
        if k >= 2:
            cond[f"exc-{e}"] = ((lambda e: lambda r: r["exception"] == e)(e), f"makes Python raise {e}")
    for w in MESSAGE_WORDS:
        if sum(_word(w)(r) for r in nums) >= 2:
            cond[f"word-{w}"] = (_word(w), f"has a strerror message containing \"{w}\"")
    return cond


REV_Q = {
    "rev-number": ["Which error constant has the number {v}?", "Error number {v} is which constant?",
                   "What is the name of Linux error {v}?"],
    "rev-message": ["Which error does os.strerror describe as \"{v}\"?", "For which constant does strerror return \"{v}\"?"],
    "rev-comment": ["Which constant carries the header comment \"{v}\"?",
                    "The kernel header annotates one constant with \"{v}\". Which is it?"],
    "rev-exception": ["For which error constant does Python raise {v}?",
                      "Which errno constant makes OSError come back as {v}?"],
    "rev-line": ["Which constant is defined at {v}?", "What is defined at {v}?"],
}  # fmt: skip


def rev_values(r: dict, k: str) -> list[str]:
    if k == "rev-line":
        return [where_text(r)]
    if k == "rev-comment":
        return [r["comment"]] if r["comment"] and (r["kind"] == "alias" or r["differs"]) else []
    if not numbered(r) or r["aliases"]:
        return []  # a number with an alias has two names
    if k == "rev-number":
        return [str(r["number"])]
    if k == "rev-message":
        return [r["message"]]
    if k == "rev-exception":
        return [r["exception"]] if r["dedicated"] else []
    raise KeyError(k)


def rev_key(r: dict, k: str) -> list[str]:
    """What a cue is compared by, for every constant defined (whatever its page would show)."""
    if k == "rev-line":
        return rev_values(r, k)
    if k == "rev-comment":
        return [r["comment"].lower()] if r["comment"] else []
    return [v.lower() if k != "rev-number" else v for v in rev_values(r, k)] if numbered(r) and not r["aliases"] else \
        ([str(r["number"]) if k == "rev-number" else (r["message"].lower() if k == "rev-message" else r["exception"].lower())]
         if numbered(r) else [])


def rev_owners(whole: list[dict], k: str, v: str, snap: dict) -> list[str]:
    """Every constant defined (catalogued or not, aliases by their number) that has v under kind k."""
    key = v if k in ("rev-number", "rev-line") else v.lower()
    out = []
    for r in whole:
        if numbered(r) or k in ("rev-line", "rev-comment"):
            if key in rev_key(r, k):
                out.append(r["name"])
        else:
            n = resolve(r["name"], snap["defines"])
            f = snap["numbers"][str(n)]
            val = {"rev-number": str(n), "rev-message": f["strerror"].lower(), "rev-exception": f["exception"].lower()}[k]
            if val == key:
                out.append(r["name"])
    return out


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    whole = whole_records(snap)
    every = sorted(snap["defines"])
    did = {h: r["id"] for h, r in by.items()}
    num_of = {r["number"]: r["name"] for r in recs if numbered(r)}
    sp = split_pages(recs)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((h for h in by if sp[h] == s), key=lambda x: _h(x, "order" + s))
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

        # multi hop: an alias, an exception sibling or a neighbouring number -> a field of that error
        hk = list(HOP_FIELD)
        vias = list(HOP_VIA)
        for n in names:
            if count("multi_hop") >= want["multi_hop"]:
                break
            r = by[n]
            if (n, "named") in used:
                continue
            done = False
            for via in list(vias):
                m = hop_target(r, via, by, num_of)
                if m is None or sp.get(m) != s or (via in ("next", "prev") and kinds("hop-next") + kinds("hop-prev") >= 2 + (s == "test")):
                    continue
                t = by[m]
                for kk in list(hk):
                    if kk not in HOP_ALLOWED[via]:
                        continue
                    g_m = hop_golds(t, kk)
                    if not g_m or (m, "hop-" + kk) in used:
                        continue
                    g_n = own_golds(r, kk)
                    if {tuple(_atok(g)) for g in g_m} & {tuple(_atok(g)) for g in g_n}:
                        continue
                    tpls = HOP_VIA[via]
                    q, nref = fill(tpls[_h(n, "hopq" + via) % len(tpls)], r, "hop", f=HOP_FIELD[kk][0])
                    if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, g) for g in g_m) or \
                            not others_safe(q, g_m, t, kk, recs, "multi_hop"):
                        continue
                    if any(_ok(q, g_m, "multi_hop", x) for x in g_n + [r["name"]]):
                        continue
                    add(q, g_m, "multi_hop", [did[n], did[m]], "hop-" + via, field=kk, via=n, target=m, ref=nref)
                    used.update({(m, "hop-" + kk), (n, "named"), rel_key(n, m)})
                    subj.update({n, m})
                    hk.append(hk.pop(hk.index(kk)))
                    vias.append(vias.pop(vias.index(via)))
                    done = True
                    break
                if done:
                    break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not single_ok(r, k) or (n, k) in used or kinds(k) >= min(CAP[s], KIND_CAP[s].get(k, CAP[s])):
                return False
            if any(sp.get(x) != s for x in single_related(r, k)):
                return False
            rel = [rel_key(n, x) for x in single_related(r, k)]
            if any(x in used for x in rel):
                return False
            q = single_question(r, k)
            g = single_golds(r, k)
            if any(in_question(q, x) for x in g) or not gold_safe(q, g) or not others_safe(q, g, r, k, recs):
                return False
            add(q, g, "single_hop", [did[n]], k)
            used.add((n, k))
            used.update(rel)
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
        # reverse: a number, a message, a comment, an exception class or a header line -> the constant
        rk = list(REV_Q)
        for n in [x for x in names if x not in subj] + [x for x in names if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                vals = [v for v in rev_values(r, k) if rev_owners(whole, k, v, snap) == [n]]
                if not vals:
                    continue
                v = vals[0]
                q = REV_Q[k][_h(n, "revq" + k) % len(REV_Q[k])].format(v=v)
                q = q[0].upper() + q[1:]
                g = [r["name"]]
                if in_question(q, r["name"]) or not gold_safe(q, g, "reverse") or not names_safe(q, r["name"], every):
                    continue
                add(q, g, "reverse", [did[n]], k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rk.append(rk.pop(rk.index(k)))
                break
        # comparisons of two constants of the split
        ck = list(CMP)
        tries = 0
        while count("comparison") < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            tpl, f, pick = CMP[k]
            pool = [x for x in names if f(by[x]) is not None]
            if len(pool) < 2:
                continue
            a, b = rnd.sample(pool, 2)
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
        # filters: among all catalogued numbers (two conditions), and among four listed ones
        mix = FILTER_MIX[s]
        nums = [r for r in recs if numbered(r)]
        pairs = [(c1, c2) for c1 in cond for c2 in cond if c1 < c2]
        rnd.shuffle(pairs)
        for c1, c2 in pairs:
            if kinds("filter") >= mix["filter"]:
                break
            m1 = [r for r in nums if cond[c1][0](r)]
            m2 = [r for r in nums if cond[c2][0](r)]
            both = [r for r in m1 if cond[c2][0](r)]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1:
                continue
            w = both[0]["name"]
            if sp[w] != s or (w, "filter") in used or both[0]["aliases"]:
                continue
            q = rnd.choice(["Which catalogued error {a} and {b}?",
                            "Name the one error in this catalogue that {a} and {b}.",
                            "I am looking for the error here that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = [w]
            if in_question(q, w) or not gold_safe(q, g, "filter") or not names_safe(q, w, every, "filter"):
                continue
            add(q, g, "filter", [did[w]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = sorted(cond)
        pool = [x for x in names if numbered(by[x])]
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(pool, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these errors {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold) or not names_safe(q, gold, every, "filter"):
                continue
            add(q, [gold], "filter", [did[gold]], "filter-among", options=list(cands), where={c: True},
                candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((gold, "filter"))
        # unanswerables: left-out constants, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-const") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-const", const=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            q, nref = fill(ABSENT_FIELDS[f][0], by[n], "absent" + f)
            add(q, [], "unanswerable", [], "absent-field", field=f, const=n, ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c25-{s}-{j:03d}", **it}
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
    (OUT / "dev.jsonl").write_text(qa_text(qs["dev"]), encoding="utf-8")
    (OUT / "test.jsonl").write_text(qa_text(qs["test"]), encoding="utf-8")  # last
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


def absent_patterns(r: dict) -> list[str]:
    """A left-out constant as its name (a whole word), its header comment and its strerror message."""
    out = [rf"(?<![A-Za-z0-9_]){re.escape(r['name'])}(?![A-Za-z0-9_])"]
    for t in (r["comment"], r.get("message")):
        if t:
            out.append(r"(?<![A-Za-z])" + r"\s+".join(re.escape(w) for w in t.split()) + r"(?![A-Za-z])")
    return out


def unanswerable_pattern(q: dict, wby: dict) -> tuple[str, str]:
    if q["kind"] == "absent-const":
        r = wby[q["const"]]
        return "|".join(f"(?:{p})" for p in absent_patterns(r)), f"{r['name']} is error {r['number']}, OSError."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record, and in the sheet and
    card layouts also the wording of their labelled cells."""
    vals = [r["name"], str(r["line"]), r["header"], def_text(r), const_text(r), errorcode_text(r)]
    vals += [x for x in (r["comment"], r["note"]) if x]
    if r["kind"] == "alias":
        vals += [r["target"], "alias"]
    else:
        vals += [str(r["number"]), "below 35" if r["base"] else "35 or above", r["message"], r["exception"]]
        vals += r["aliases"] + r["siblings"] + ([lineage_text(r)] if r["dedicated"] else [])
    if layout(r) != "prose":
        vals += [b for _, b in rows(r)]
    vals += [str(v) for k, v in front_values(r).items() if not isinstance(v, bool) and k != "kind" and v != "none"]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    import platform

    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    read_recs = all_records(snap)
    rby = {r["name"]: r for r in read_recs}
    whole = whole_records(snap)
    wby = {r["name"]: r for r in whole}
    every = sorted(snap["defines"])
    did = {h: r["id"] for h, r in by.items()}
    name_of = {v: k for k, v in did.items()}
    num_of = {r["number"]: r["name"] for r in recs if numbered(r)}
    sp = split_pages(recs)
    cond = conditions(recs)
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
    # 2. records against the stored values (and this machine, only where it has the same files / Python)
    bad = [f"{r['name']}: record differs from the stored values" for r in recs if r != rby.get(r["name"])]
    bad += [f"{x}: read twice" for x, c in Counter(READ).items() if c > 1]
    bad += [f"{x}: read but not defined" for x in READ if x not in snap["defines"]]
    bad += [f"{m}: ABSENT but catalogued or not read" for m in absent_names() if m in by or m not in READ]
    bad += ([] if [r["name"] for r in recs] == catalogued_names() else ["records are not READ less ABSENT"])
    bad += [f"{r['name']} names {x}, which has no page" for r in recs for x in links(r) if x not in by]
    bad += [f"{r['name']}: ids not unique" for r in recs if list(did.values()).count(r["id"]) > 1]
    bad += [f"{n}: number {v} has no Python facts" for n, v in
            ((n, resolve(n, snap["defines"])) for n in snap["defines"]) if str(v) not in snap["numbers"]]
    same = []
    try:
        for key, path, _ in HEADERS:
            p = Path(path)
            if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == snap["headers"][key]["sha256"]:
                same.append(key)
                again = {d["name"]: d for d in parse_header(p.read_text(encoding="utf-8"), key)}
                bad += [f"{n}: differs when {key} is parsed again" for n, d in snap["defines"].items()
                        if d["header"] == key and again.get(n) != d]
        if platform.python_version() == snap["python"] and " ".join(platform.libc_ver()) == snap["libc"]:
            same.append(f"Python {snap['python']} on {snap['libc']}")
            facts, consts = read_python(snap["defines"])
            bad += ([] if facts == snap["numbers"] else ["Python facts differ when read again"])
            bad += ([] if consts == snap["python_constants"] else ["errno constants differ when read again"])
    except Exception as e:  # noqa: BLE001
        bad.append(f"reading again: {e}")
    results.append((f"records are the {len(recs)} of {len(READ)} constants read not ABSENT, equal to the stored "
                    f"values ({'read again: ' + ', '.join(same) if same else 'other files here: the snapshot alone'}); "
                    "every constant a page names has a page", bad))
    # 3. the corpus
    found_c, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in found_c:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i in docs if i not in set(did.values())]
    bad += [h for h in by if did[h] not in docs or docs[did[h]].title != h
            or any(docs[did[h]].metadata.get(k) != v for k, v in front_values(by[h]).items())]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their constant, "
                    "with their front matter", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for h, r in by.items():
        t = low[did[h]]
        bad += [f"{h}: {v!r} not in the body" for v in page_values(r) if v.lower() not in t]
        golds = [g for k in SINGLE if single_ok(r, k) for g in single_golds(r, k)] + [r["name"]]
        golds += [g for k in HOP_FIELD if hop_golds(r, k) for g in hop_golds(r, k)]
        golds += [v for k in REV_Q for v in rev_values(r, k)]
        bad += [f"{h}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[did[h]], answer_tokens(g))]
        bad += [f"{h}: names {x}, which has no page" for x in set(re.findall(r"\bE[A-Z0-9]{2,}\b", full[did[h]]))
                if x not in by]
    results.append(("every field of the record (and of its front matter) is stated in its page body (every gold "
                    "form and reverse cue as tokens); every constant a page names has a page", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= len(recs) // 3 - 1 else ["uneven"]))
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
    sources = ["It is a Linux error number.", "See the Linux kernel headers.",
               "Python's errno module.", "It is in the catalogue."]  # fmt: skip
    for s in items:
        row_of = {r["id"]: r for r in rows_[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c25-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("2", "asm-generic/errno.h", "No such file or directory", "OSError",
                                unanswerable_pattern(q, wby)[1]):
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
                gold_ok += [f"{it.id}: the page's other value {x!r} scores correct" for x in sorted(others_of(r, f, recs))
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k in ("alias_of", "aliases", "errorcode", "sibling"):
                gold_ok += [f"{it.id}: the constant's own name scores correct" for _ in [0]
                            if is_correct(it, r["name"], False)]
            if k.startswith("hop-"):
                via = by[q["via"]]
                gold_ok += [f"{it.id}: the first page's {g!r} scores correct" for g in own_golds(via, f)
                            if is_correct(it, g, False)]
                gold_ok += [f"{it.id}: the first page's name scores correct" for _ in [0]
                            if is_correct(it, via["name"], False)]
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and k == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                for w in (o for o in it.options if o != g0):
                    for t in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, t, False):
                            cmpw.append(f"{it.id}: {t!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            if it.type in ("reverse", "filter"):
                cmpw += [f"{it.id}: {o} scores correct" for o in every
                         if answer_tokens(o) != answer_tokens(g0) and is_correct(it, o, False)]
    results += [("ids c25-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's other numbers and texts, the other "
                 "headers / exception classes (/ messages and comments), the constant's own name (alias and "
                 "errorcode questions) and (chains) the first page's value and name score wrong", gold_ok),
                ("wrong options, hedges and other constants' names score wrong (reverse, filter: all 134 defined); "
                 "filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    facts = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if q["type"] == "single_hop":
                h = name_of[q["evidence"][0]]
                if not single_ok(by[h], k) or single_golds(by[h], k) != q["answers"]:
                    facts.append(f"{q['id']}: gold differs from the snapshot")
            elif k.startswith("hop-"):
                via, t = by[q["via"]], q["target"]
                if hop_target(via, k[4:], by, num_of) != t or hop_golds(by[t], q["field"]) != q["answers"] or \
                        q["field"] not in HOP_ALLOWED[k[4:]] or q["evidence"] != [did[q["via"]], did[t]] or \
                        q["ref"].lower() not in q["question"].lower() or q["ref"] not in refs(via) + [poss(via["name"])]:
                    facts.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                h = name_of[q["evidence"][0]]
                if q["value"] not in rev_values(by[h], k) or rev_owners(whole, k, q["value"], snap) != [h] or \
                        q["answers"] != [h] or q["value"] not in q["question"]:
                    facts.append(f"{q['id']}: the cue does not single out its constant")
            elif q["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = f(by[a]), f(by[b])
                win = a if fa is not None and fb is not None and pick(fa, fb) == fa else b
                if fa is None or fb is None or fa == fb or q["target"] != win or q["options"] != [a, b] or \
                        q["answers"] != [win]:
                    facts.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                nums = [x for x in recs if numbered(x)]
                hit = [x["name"] for x in nums if all(cond[c][0](x) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in nums) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != hit or min(each) < 2 or by[hit[0]]["aliases"]:
                    facts.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"] or not all(numbered(by[x]) for x in q["candidates"]):
                    facts.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", facts))
    # 6. split separation, unanswerables

    def pages_of(s):
        out = set()
        for q in rows_[s]:
            out |= set(q["evidence"]) | {did[c] for c in q.get("candidates", [])}
            out |= {did[q[k]] for k in ("target", "via") if q.get(k) in by}
            if q["type"] == "single_hop":
                out |= {did[x] for x in single_related(by[name_of[q["evidence"][0]]], q["kind"])}
            if q["kind"] == "absent-field":
                out.add(did[q["const"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows_ for p in pages_of(s)
            if sp[name_of[p]] != s]
    sep += [f"{r['name']} ({sp[r['name']]}) names {x} ({sp[x]})" for r in recs for x in links(r)
            if x in by and sp[x] != sp[r["name"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("const") for q in rows_[s] if q["kind"] == "absent-const"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent constant {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            if q["type"] == "single_hop":
                h = name_of[q["evidence"][0]]
                asked[(h, q["kind"])] += 1
                for x in single_related(by[h], q["kind"]):
                    asked[rel_key(h, x)] += 1
            if q["kind"].startswith("hop-"):
                asked[(q["target"], "hop-" + q["field"])] += 1
                asked[rel_key(q["via"], q["target"])] += 1
            if q["type"] == "reverse":
                asked[(name_of[q["evidence"][0]], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group: no link crosses the splits, no page "
                    "asked about in both splits, a fact or relation asked once per split, no absent constant in "
                    "both, no question repeated", sep))
    un = []
    for m in absent_names():
        r = rby[m]
        if r["kind"] != "number" or r["aliases"] or r["siblings"] or r["errorcode"] != m:
            un.append(f"ABSENT {m}: has an alias, an exception sibling or another errorcode name")
        for pat in absent_patterns(r):
            hits = [p for p, t in on_disk.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("const")
            if q["kind"] == "absent-const" and (m not in ABSENT[s] or m not in q["question"]):
                un.append(f"{q['id']}: absent constant")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or q["ref"].lower() not in q["question"].lower()
                                                or q["ref"] not in refs(by[m]) + [poss(m)]):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q, wby)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, t in on_disk.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, t, re.I) for t in on_disk.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no page (left-out constants: "
                    "name, header comment and strerror message on no page)", un))
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
