"""Build the catalog28 evaluation corpus: Debian source packages as their installed changelogs tell them.

    PYTHONPATH=src python scripts/build_catalog28.py snapshot [--force]  # changelog.Debian.gz + dpkg -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog28.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog28.py check               # loader + scorer + fact checks, no model

`snapshot` reads, for every source package in READ, the Debian changelogs installed on this machine
(`/usr/share/doc/<binary>/changelog.Debian.gz`, one per binary package, some directories symbolic links to
another binary's). It picks one file per source (the directory named after the source where there is one, else
the first binary's in name order), splits it into entries by the header lines of the Debian policy format
(`source (version) distribution; urgency=U`) and their trailer lines (` -- Name <email>  date`), and keeps the
raw lines of the three newest entries, the header and trailer lines of the oldest entry the file still holds,
the note the packaging leaves where older entries were removed, and counts over the whole file (entries,
non-maintainer uploads, distinct signer names). It also keeps the binary-only rebuild entry of the file's
`changelog.Debian.amd64.gz` where there is one, every doc directory that holds a changelog of the source (with
its symbolic-link target), and dpkg's status fields (version, Source, architecture, section, priority,
installed size, Multi-Arch, summary) for every installed binary package of the source. Written to
`evalsets/catalog28/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force): another
machine has other packages and versions installed, so the committed snapshot is the source.

`build` renders one markdown page per catalogued source package, `<pool>/<source>.md` (the Debian archive's
pool prefix: `o/openssl.md`, `libx/libxml2.md`), titled `# <source>: Debian changelog`, with YAML front matter
and a body in one of three layouts dealt in turn in the order of sha256("catalog28:layout<source>") within
each split: `sheet` (a `| Field | Value |` table and a table of the recent entries), `card` (headed sections
of `- Label: value` bullets, the recent entries as bullet lists) or `prose` (paragraphs, wording varied per
page, the recent entries told in sentences with their changes listed). It also writes `binaries.csv`, one row
per installed binary package of a catalogued source (its dpkg fields), and generates dev.jsonl and test.jsonl
from the snapshot (seeded, SEED), then writes test.jsonl.sha256. It refuses to overwrite corpus/ or the
question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files, computes
every record again from the stored lines, loads the corpus with ragtune's loader, reads both splits with
`load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring verdicts, facts against
the snapshot, split separation, unanswerables absent by pattern, the sha256, the type mix). It compares
nothing with this machine unless a changelog file here has the recorded sha256 (then it is parsed again and
must give the stored lines and counts), so a fresh clone elsewhere checks the committed snapshot alone.
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import hashlib
import io
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog28"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 28
DOC = "/usr/share/doc"
RECENT = 3  # newest entries kept per changelog

# The source packages read: chosen by hand for a spread (security uploads with CVE ids, tools, libraries,
# Python, Perl and Java modules, data and font packages; histories of 1 to 675 kept entries; non-maintainer
# uploads; changelogs read from a binary package named otherwise; binary-only rebuilds), with pairs of packages
# whose latest uploads one person signed and the three rebuilds that name another catalogued source's version
# (python3-defaults -> sphinx, libselinux -> libsepol, libcap2 -> glibc), and the six left out below.
READ = [
    "openssl", "glibc", "gnutls28", "curl", "libxml2", "libxslt", "tiff", "expat", "postgresql-15", "nss", "vim",
    "git", "sqlite3", "krb5", "python3.11", "libarchive", "less", "net-tools", "libavif", "freetype", "gdk-pixbuf",
    "libxpm", "unbound", "libhttp-daemon-perl", "openjdk-17",
    "bash", "coreutils", "grep", "sed", "gzip", "diffutils", "file", "patch", "bc", "unzip", "mawk", "dash",
    "man-db", "cmake", "ninja-build", "valgrind", "binutils", "procps", "psmisc", "tzdata", "debianutils", "strace",
    "lsof", "wget", "nodejs", "google-cloud-cli", "kubectl",
    "six", "pyyaml", "pygments", "pyparsing", "python-xmltodict", "wheel", "python-pip", "setuptools",
    "python-argcomplete", "python3-defaults", "sphinx",
    "libalgorithm-diff-perl", "libdata-dump-perl", "libxml-twig-perl", "libfile-fcntllock-perl", "libtimedate-perl",
    "libmailtools-perl",
    "maven", "guice", "commons-io", "libslf4j-java",
    "libxcb", "pixman", "harfbuzz", "libjpeg-turbo", "giflib", "opus", "libusb-1.0", "gmp", "libsepol", "libselinux",
    "libcap2", "xcb-util-renderutil",
    "publicsuffix", "iso-codes", "shared-mime-info", "fonts-liberation", "xkeyboard-config",
    "tmux", "libsodium", "zutty", "heaptrack", "cscope", "lmdb",
]  # fmt: skip
# Read but left out: no page and no register row; neither the name, a binary package, a version, a bug number
# nor a CVE id of their recent entries is in any corpus file (`check` verifies it).
ABSENT = {"dev": ["tmux", "libsodium", "zutty"], "test": ["heaptrack", "cscope", "lmdb"]}

ABSENT_QUESTIONS = {
    "tmux": ["What is the latest version in the Debian changelog of tmux?",
             "Who signed the latest upload of the tmux source package?"],
    "libsodium": ["To which distribution was the latest libsodium upload made?"],
    "zutty": ["How many entries does the installed Debian changelog of zutty hold?"],
    "heaptrack": ["On what date was the latest upload of heaptrack signed?",
                  "What is the upstream version of the latest heaptrack upload?"],
    "cscope": ["Which version is the oldest entry kept in the changelog of cscope?",
               "How many non-maintainer uploads does the changelog of the cscope source package record?"],
    "lmdb": ["With what urgency was the latest upload of lmdb made?",
             "Which binary package's doc directory holds the changelog of the lmdb source package?"],
}  # fmt: skip

# What these pages never state about a package: (question, a pattern no corpus file may match, a made-up answer
# that the pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "popcon": ("What is the Debian popularity-contest (popcon) rank of {n}?",
               r"\bpopcon\b|\bpopularity\b|\brank(?:ed|ing)?\b", "It is ranked 312th in popcon."),
    "open_bugs": ("How many bugs are open against {n} in the Debian bug tracker today?",
                  r"\bopen bugs?\b|\bbugs? (?:are |remain )?open\b|\boutstanding bugs?\b",
                  "There are 14 open bugs."),
    "fingerprint": ("What is the OpenPGP key fingerprint of the person who signed {n}'s latest upload?",
                    r"\bfingerprint\b|\b[0-9A-F]{4}(?: ?[0-9A-F]{4}){9}\b|\bkey ?id\b",
                    "The key fingerprint is 1234 5678 9ABC DEF0 1234 5678 9ABC DEF0 1234 5678."),
    "dsa": ("Which Debian Security Advisory (DSA) number announced {n}'s latest upload?",
            r"\bDSA[- ]?\d+|\bsecurity advisory\b|\bDLA[- ]?\d+", "It was announced as DSA-5678-1."),
    "sloc": ("How many lines of source code does the latest upload of {n} contain?",
             r"\blines of (?:source )?code\b|\bSLOC\b|\bLOC\b", "It has 120,000 lines of code."),
    "irc": ("On which IRC channel does the team that maintains {n} meet?",
            r"\bIRC\b|#debian-|\bOFTC\b|\blibera\b", "The team meets in #debian-devel on OFTC."),
    "first_release": ("In which year did upstream first release the software packaged as {n}?",
                      r"\bfirst released\b|\bfirst release\b|\binitial release\b|\breleased in \d{4}\b",
                      "It was first released in 1991."),
    "sponsor": ("Who sponsored {n}'s latest upload for the person who signed it?",
                r"\bsponsor(?:ed|s|ship)?\b", "It was sponsored by Jane Doe."),
    "country": ("In which country does the person who signed {n}'s latest upload live?",
                r"\bcountry\b|\bcity\b|\blives in\b|\bbased in\b", "The signer lives in Germany."),
    "embargo": ("How long was the embargo on the vulnerability fixed by {n}'s latest upload?",
                r"\bembargo(?:ed)?\b|\bdisclos(?:ed|ure) (?:date|on)\b", "The embargo lasted 14 days."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-package items; the rest ask absent fields
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")

# ------------------------------------------------------------------ reading the changelogs

HEADER = re.compile(r"^(\w[-+0-9a-z.]*) \(([^() \t]+)\)((?:\s+[-+0-9a-z.]+)+);(.*)$", re.I)
TRAILER = re.compile(r"^ -- (.*?) <([^>]*)>\s+(\S.*?)\s*$")
NMU = re.compile(r"\bnon[- ]maintainer upload\b", re.I)
CLOSES = re.compile(r"closes:\s*(?:bug)?#?\s?\d+(?:,\s*(?:bug)?#?\s?\d+)*", re.I)
CVE = re.compile(r"\bCVE-\d{4}-\d{4,7}\b")
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]  # fmt: skip


def split_entries(text: str) -> tuple[list[list[str]], list[str]]:
    """The entries of a changelog as raw lines (header to trailer), and the comment lines (`# ...`) outside
    them (the note that older entries were removed)."""
    entries: list[list[str]] = []
    notes: list[str] = []
    cur = None
    for ln in text.split("\n"):
        if HEADER.match(ln):
            cur = [ln]
            entries.append(cur)
            continue
        if cur is not None and not (len(cur) > 1 and TRAILER.match(cur[-1])):
            cur.append(ln.rstrip())
        elif ln.startswith("#"):
            notes.append(ln.rstrip())
    return entries, notes


def complete(entry: list[str]) -> bool:
    return len(entry) >= 2 and TRAILER.match(entry[-1]) is not None


def read_changelog(raw: bytes) -> dict:
    """What the snapshot keeps of one changelog file."""
    text = gzip.decompress(raw).decode("utf-8")
    entries, notes = split_entries(text)
    signers = {TRAILER.match(e[-1]).group(1) for e in entries if complete(e)}
    return {"entries": len(entries), "complete": all(complete(e) for e in entries),
            "nmu_entries": sum(any(NMU.search(x) for x in e[1:-1]) for e in entries),
            "signers": len(signers), "recent": entries[:RECENT], "oldest": [entries[-1][0], entries[-1][-1]],
            "notes": notes}  # fmt: skip


def dpkg_status() -> dict[str, dict]:
    import subprocess

    fmt = "\t".join(["${Package}", "${Version}", "${Source}", "${source:Package}", "${Architecture}", "${Section}",
                     "${Priority}", "${Installed-Size}", "${Multi-Arch}", "${binary:Summary}", "${Status}"]) + "\n"
    out = subprocess.run(["dpkg-query", "-W", "-f=" + fmt], capture_output=True, text=True, check=True).stdout
    rows = {}
    for ln in out.splitlines():
        p, v, s, sp, a, sec, pr, size, ma, summ, st = ln.split("\t")
        if not st.endswith(" installed"):
            continue
        rows[p.split(":")[0]] = {"version": v, "source_field": s, "source": sp, "architecture": a, "section": sec,
                                 "priority": pr, "installed_size": int(size) if size else None, "multi_arch": ma,
                                 "summary": summ}  # fmt: skip
    return rows


def dpkg_count(path: str) -> int | None:
    """How many entries dpkg-parsechangelog reads (for information, and to pick well-formed files)."""
    import subprocess

    try:
        out = subprocess.run(["dpkg-parsechangelog", "-l", path, "--format", "rfc822", "--all"], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
    except Exception:  # noqa: BLE001
        return None
    return sum(ln.startswith("Version: ") for ln in out.splitlines())


def scan() -> dict:
    import platform

    status = dpkg_status()
    by_source: dict[str, list[str]] = {}
    for d in sorted(glob.glob(f"{DOC}/*/changelog.Debian.gz")):
        name = d.split("/")[-2]
        try:
            head = gzip.decompress(Path(d).read_bytes()).decode("utf-8").split("\n", 1)[0]
        except Exception:  # noqa: BLE001
            continue
        m = HEADER.match(head)
        if m:
            by_source.setdefault(m.group(1), []).append(name)
    pkgs = {}
    for s in READ:
        dirs = by_source[s]
        real = [d for d in dirs if not os.path.islink(f"{DOC}/{d}")]
        primary = s if s in real else sorted(real)[0]
        path = f"{DOC}/{primary}/changelog.Debian.gz"
        raw = Path(path).read_bytes()
        cl = read_changelog(raw)
        arch = f"{DOC}/{primary}/changelog.Debian.amd64.gz"
        binnmu = None
        if os.path.exists(arch):
            ents, _ = split_entries(gzip.decompress(Path(arch).read_bytes()).decode("utf-8"))
            binnmu = ents[0]
        pkgs[s] = {"file": path, "sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw),
                   "dpkg_version": status[primary]["version"],
                   "dpkg_parsechangelog_entries": dpkg_count(path),
                   "dirs": [[d, os.readlink(f"{DOC}/{d}") if os.path.islink(f"{DOC}/{d}") else None] for d in dirs],
                   "primary": primary, **cl, "binnmu": binnmu}  # fmt: skip
    binaries = {p: v for p, v in sorted(status.items()) if v["source"] in READ}
    return {"source": "the Debian changelogs installed under /usr/share/doc (changelog.Debian.gz and, for "
                      "binary-only rebuilds, changelog.Debian.amd64.gz) with dpkg's status of the binary packages",
            "python": platform.python_version(), "read": len(READ), "packages": pkgs, "binaries": binaries}


# ------------------------------------------------------------------ records


def absent_sources() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued() -> list[str]:
    return [s for s in READ if s not in absent_sources()]


def iso_date(d: str) -> str:
    """A changelog date (`Fri, 03 Apr 2026 14:29:32 +0200`) as ISO, the day as written (local time)."""
    m = re.search(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})", d)
    return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"


def long_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTH_NAMES[int(m) - 1]} {y}"


def split_version(v: str) -> tuple[str | None, str, str | None]:
    """(epoch, upstream version, Debian revision) of a Debian version; a native version has no revision."""
    epoch, rest = (v.split(":", 1) if ":" in v else (None, v))
    if "-" in rest:
        up, rev = rest.rsplit("-", 1)
        return epoch, up, rev
    return epoch, rest, None


def change_items(body: list[str]) -> list[list]:
    """The bullet items of an entry body: [level, text]; `[ Name ]` lines (who made the changes below them) are
    items of level -1."""
    items: list[list] = []
    for ln in body:
        if not ln.strip():
            continue
        m = re.match(r"^(\s*)([*+-])\s+(.*)$", ln)
        g = re.match(r"^\s*\[\s*(.+?)\s*\]\s*$", ln)
        if g:
            items.append([-1, g.group(1)])
        elif m:
            ind = len(m.group(1).expandtabs())
            items.append([0 if ind <= 3 else 1 if ind <= 6 else 2, m.group(3).strip()])
        elif items and items[-1][0] >= 0:
            items[-1][1] += " " + ln.strip()
        else:
            items.append([0, ln.strip()])
    return [[lv, " ".join(t.split())] for lv, t in items]


def parse_entry(lines: list[str]) -> dict:
    m = HEADER.match(lines[0])
    kw = dict(k.strip().split("=", 1) for k in m.group(4).split(",") if "=" in k)
    t = TRAILER.match(lines[-1])
    body = lines[1:-1]
    text = "\n".join(body)
    closes = []
    for c in CLOSES.findall(text):
        closes += [int(x) for x in re.findall(r"\d+", c) if int(x) not in closes]
    return {"source": m.group(1), "version": m.group(2), "dist": " ".join(m.group(3).split()),
            "urgency": kw.get("urgency", "").lower(), "binary_only": kw.get("binary-only") == "yes",
            "signer": t.group(1).strip(), "email": t.group(2).strip(), "date": t.group(3), "iso": iso_date(t.group(3)),
            "nmu": bool(NMU.search(text)), "changes": change_items(body), "closes": closes,
            "cves": list(dict.fromkeys(CVE.findall(text)))}  # fmt: skip


def pool_of(s: str) -> str:
    return s[:4] if s.startswith("lib") and len(s) > 3 else s[0]


def page_id(s: str) -> str:
    return f"{pool_of(s)}/{s}"


BUILT_USING = re.compile(r"Built-Using \(([a-z0-9][-+.a-z0-9]*)/([^)\s]+)\)")


def make_record(s: str, snap: dict) -> dict:
    """The record of one source package, from the stored changelog lines and dpkg fields only."""
    p = snap["packages"][s]
    bins = snap["binaries"]
    ents = [parse_entry(e) for e in p["recent"]]
    lat = ents[0]
    epoch, up, rev = split_version(lat["version"])
    ohead, otrail = HEADER.match(p["oldest"][0]), TRAILER.match(p["oldest"][1])
    closes, cves = [], []
    for e in ents:
        closes += [b for b in e["closes"] if b not in closes]
        cves += [c for c in e["cves"] if c not in cves]
    dirs = []
    for d, target in sorted(p["dirs"]):
        dirs.append([d, target, bins[d]["version"] if d in bins else None])
    prim = bins[p["primary"]]
    binnmu = None
    if p["binnmu"]:
        b = parse_entry(p["binnmu"])
        reason = " ".join(t for lv, t in b["changes"] if not re.match(r"binary-only non-maintainer upload", t, re.I))
        bu = BUILT_USING.search(reason)
        reason = reason if reason.endswith((".", "!")) else reason + "."
        binnmu = {"version": b["version"], "dist": b["dist"], "iso": b["iso"], "signer": b["signer"],
                  "reason": reason, "built_using": [bu.group(1), bu.group(2)] if bu else None}  # fmt: skip
    return {"id": page_id(s), "source": s, "pool": pool_of(s), "file": p["file"], "primary": p["primary"],
            "dirs": dirs, "dpkg_source": prim["source_field"], "installed": prim["version"],
            "version": lat["version"], "epoch": epoch, "upstream": up, "revision": rev, "dist": lat["dist"],
            "urgency": lat["urgency"], "signer": lat["signer"], "email": lat["email"], "date": lat["date"],
            "iso": lat["iso"], "nmu": lat["nmu"],
            "previous": ({"version": ents[1]["version"], "iso": ents[1]["iso"], "signer": ents[1]["signer"]}
                         if len(ents) > 1 else None),
            "entries": p["entries"], "nmu_count": p["nmu_entries"], "signer_count": p["signers"],
            "first": {"version": ohead.group(2), "dist": " ".join(ohead.group(3).split()), "signer": otrail.group(1),
                      "iso": iso_date(otrail.group(3))},
            "trimmed": any("older entries have been removed" in n.lower() for n in p["notes"]),
            "recent": [{k: e[k] for k in ("version", "dist", "urgency", "signer", "email", "date", "iso", "nmu",
                                          "changes", "closes", "cves")} for e in ents],
            "closes": closes, "cves": cves, "binnmu": binnmu,
            "binaries": sorted(b for b, v in bins.items() if v["source"] == s)}  # fmt: skip


def cat_set() -> set[str]:
    return set(catalogued())


def records(snap: dict) -> list[dict]:
    return [make_record(s, snap) for s in catalogued()]


def security(r: dict) -> bool:
    return r["dist"].endswith("-security")


def built_using_target(r: dict) -> str | None:
    """The catalogued source whose version a binary-only rebuild names, if that version is on its page."""
    if not r["binnmu"] or not r["binnmu"]["built_using"]:
        return None
    return r["binnmu"]["built_using"][0]


# ------------------------------------------------------------------ the binary package register


REG_COLUMNS = ["id", "title", "source", "version", "architecture", "section", "priority", "installed_size_kib",
               "multi_arch", "doc_directory", "summary"]  # fmt: skip


def register_rows(snap: dict) -> list[dict]:
    cat = cat_set()
    dirs = {d: t for s in cat for d, t in snap["packages"][s]["dirs"]}
    out = []
    for b, v in snap["binaries"].items():
        if v["source"] not in cat:
            continue
        doc = ("its own directory, holding the changelog" if b in dirs and dirs[b] is None else
               f"a symbolic link to {dirs[b]}" if b in dirs else "no changelog.Debian.gz")
        out.append({"id": b, "title": f"{b} (binary package built from {v['source']})", "source": v["source"],
                    "version": v["version"], "architecture": v["architecture"], "section": v["section"],
                    "priority": v["priority"], "installed_size_kib": v["installed_size"], "multi_arch": v["multi_arch"],
                    "doc_directory": doc, "summary": v["summary"]})  # fmt: skip
    return out


def register_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REG_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog28:{salt}{key}".encode()).hexdigest(), 16)


def signer_pages(recs: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in recs:
        out.setdefault(r["signer"], []).append(r["source"])
    return out


def links(r: dict, recs: list[dict]) -> list[str]:
    """The catalogued sources a page is tied to: those whose latest upload the same person signed, and the one
    its binary-only rebuild names."""
    xs = {x["source"] for x in recs if x["signer"] == r["signer"]}
    t = built_using_target(r)
    if t in cat_set():
        xs.add(t)
    return sorted(xs - {r["source"]})


def link_groups(recs: list[dict]) -> list[list[str]]:
    parent = {r["source"]: r["source"] for r in recs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        for x in links(r, recs):
            parent[find(x)] = find(r["source"])
    out: dict[str, list[str]] = {}
    for r in recs:
        out.setdefault(find(r["source"]), []).append(r["source"])
    return [sorted(g) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by source: link groups in the order of sha256("catalog28:<the group's first source>"); dev takes groups
    until it holds DEV_PAGES pages or more."""
    out, n = {}, 0
    for g in sorted(link_groups(recs), key=lambda g: _h(g[0])):
        part = "dev" if n < DEV_PAGES else "test"
        n += len(g) if part == "dev" else 0
        out.update({c: part for c in g})
    return out


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    sp = split_pages(recs)
    for part in ("dev", "test"):
        ids = [r["source"] for r in recs if sp[r["source"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["source"]]


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def bug_list(bs: list[int]) -> str:
    return ", ".join(f"#{b}" for b in bs)


def who(name: str, email: str) -> str:
    return f"{name} <{email}>"


def epoch_text(r: dict) -> str:
    return r["epoch"] if r["epoch"] else "none"


def revision_text(r: dict) -> str:
    return r["revision"] if r["revision"] else "none: a native version, no Debian revision"


def previous_text(r: dict) -> str:
    p = r["previous"]
    if not p:
        return "none: the changelog holds this one entry only"
    return f"{p['version']}, signed by {p['signer']} on {p['iso']}"


def oldest_text(r: dict) -> str:
    f = r["first"]
    return f"{f['version']} ({f['dist']}), signed by {f['signer']} on {f['iso']}"


def entries_text(r: dict) -> str:
    n = r["entries"]
    tail = ("; older entries were removed from the installed file (`apt changelog` has them)" if r["trimmed"] else
            "; nothing was removed from the installed file")
    return plural(n, "entry", "entries") + tail


def nmu_text(r: dict) -> str:
    return ("yes: the latest entry says it is a non-maintainer upload" if r["nmu"]
            else "no")


def nmus_text(r: dict) -> str:
    return f"{r['nmu_count']} of {r['entries']} entries" if r["nmu_count"] else "none"


def closes_text(r: dict) -> str:
    return f"{len(r['closes'])}: {bug_list(r['closes'])}" if r["closes"] else "none"


def cves_text(r: dict) -> str:
    return f"{len(r['cves'])}: {', '.join(r['cves'])}" if r["cves"] else "none named"


def dpkg_source_text(r: dict) -> str:
    if r["dpkg_source"]:
        return f"{r['dpkg_source']} (in the status of {r['primary']})"
    return f"not set: the binary package {r['primary']} has the source's own name and version"


def dir_text(d: list) -> str:
    name, target, ver = d
    return f"{name} ({ver}" + (f", a symbolic link to {target})" if target else ")")


def dirs_text(r: dict) -> str:
    return f"{len(r['dirs'])}: " + ", ".join(dir_text(d) for d in r["dirs"])


def binnmu_text(r: dict) -> str:
    b = r["binnmu"]
    if not b:
        return "none recorded"
    return f"{b['version']} ({b['dist']}), {b['iso']}, signed by {b['signer']}: {b['reason']}"


def binaries_text(r: dict) -> str:
    return f"{plural(len(r['binaries']), 'installed binary package')} (see binaries.csv)"


def front(r: dict) -> dict:
    fm = {"source": r["source"], "pool": r["pool"], "latest_version": r["version"], "upstream_version": r["upstream"]}
    if r["revision"]:
        fm["debian_revision"] = r["revision"]
    if r["epoch"]:
        fm["epoch"] = int(r["epoch"])
    fm.update({"distribution": r["dist"], "urgency": r["urgency"], "signed_by": r["signer"], "date": r["iso"],
               "non_maintainer_upload": r["nmu"], "security_upload": security(r), "entries": r["entries"],
               "oldest_version": r["first"]["version"], "oldest_date": r["first"]["iso"],
               "bugs_closed": len(r["closes"]), "cve_count": len(r["cves"]), "doc_directories": [d[0] for d in r["dirs"]],
               "installed_version": r["installed"], "binary_only_rebuild": bool(r["binnmu"])})  # fmt: skip
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def rows(r: dict) -> list[tuple[str, str]]:
    return [("Source package", r["source"]), ("Latest version", r["version"]), ("Epoch", epoch_text(r)),
            ("Upstream version", r["upstream"]), ("Debian revision", revision_text(r)),
            ("Distribution", r["dist"]), ("Urgency", r["urgency"]), ("Signed by", who(r["signer"], r["email"])),
            ("Date", f"{r['date']} ({r['iso']})"), ("Non-maintainer upload", nmu_text(r)),
            ("Previous version", previous_text(r)), ("Entries in the installed changelog", entries_text(r)),
            ("Oldest entry kept", oldest_text(r)), ("Distinct signers", str(r["signer_count"])),
            ("Non-maintainer uploads", nmus_text(r)), (f"Bugs closed (latest {RECENT} entries)", closes_text(r)),
            (f"CVE ids (latest {RECENT} entries)", cves_text(r)), ("Read from", r["file"]),
            ("dpkg Source field", dpkg_source_text(r)), ("Installed version", r["installed"]),
            ("Binary-only rebuild", binnmu_text(r)), ("Doc directories holding it", dirs_text(r)),
            ("Binary packages", binaries_text(r))]  # fmt: skip


SECTIONS = {"Package": ["Source package", "Latest version", "Epoch", "Upstream version", "Debian revision"],
            "Latest upload": ["Distribution", "Urgency", "Signed by", "Date", "Non-maintainer upload",
                              "Previous version"],
            "History": ["Entries in the installed changelog", "Oldest entry kept", "Distinct signers",
                        "Non-maintainer uploads"],
            "Bugs and security": [f"Bugs closed (latest {RECENT} entries)", f"CVE ids (latest {RECENT} entries)"],
            "Installation": ["Read from", "dpkg Source field", "Installed version", "Binary-only rebuild",
                             "Doc directories holding it", "Binary packages"]}  # fmt: skip


def change_lines(e: dict) -> list[str]:
    out = []
    for lv, t in e["changes"]:
        if lv < 0:
            out.append(f"- [ {t} ]")
        else:
            out.append("  " * (lv + (1 if any(x < 0 for x, _ in e["changes"]) else 0)) + f"- {t}")
    return out


def change_inline(e: dict) -> str:
    parts = []
    for lv, t in e["changes"]:
        parts.append(f"[{t}]" if lv < 0 else t)
    return " · ".join(parts)


def source_line(r: dict) -> str:
    return (f"Source: {r['file']} as installed (one of the files of /usr/share/doc), read entry by entry, with "
            f"dpkg's status of its binary packages.")


def entry_head(e: dict) -> str:
    return (f"{e['version']} ({e['dist']}; urgency={e['urgency']}), {e['iso']}, signed by "
            f"{who(e['signer'], e['email'])}")


def _sheet(r: dict) -> str:
    out = "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows(r)) + "\n"
    out += f"\n## Latest {plural(len(r['recent']), 'entry', 'entries')}\n\n"
    out += "| Version | Distribution | Urgency | Date | Signed by | Changes |\n|---|---|---|---|---|---|\n"
    out += "\n".join(f"| {e['version']} | {e['dist']} | {e['urgency']} | {e['iso']} | {cell(e['signer'])} | "
                     f"{cell(change_inline(e))} |" for e in r["recent"]) + "\n"
    return out


def _card(r: dict) -> str:
    d = dict(rows(r))
    out = []
    for sec, keys in SECTIONS.items():
        out += [f"## {sec}"] + [f"- {k}: {d[k]}" for k in keys] + [""]
    out.append(f"## Latest {plural(len(r['recent']), 'entry', 'entries')}")
    for e in r["recent"]:
        out += ["", f"### {entry_head(e)}", ""] + change_lines(e)
    return "\n".join(out) + "\n"


def _prose(r: dict) -> str:
    s, v, w = r["source"], r["version"], _h(r["source"], "w")
    ep = (f"It carries the epoch {r['epoch']}," if r["epoch"] else "It carries no epoch,")
    rev = (f" Debian revision {r['revision']}." if r["revision"] else
           " no Debian revision: it is a native version (none).")
    p1 = [(f"The newest entry in the Debian changelog of {s} is version {v}, uploaded to {r['dist']} with urgency "
           f"{r['urgency']} and signed by {who(r['signer'], r['email'])} on {r['date']} ({r['iso']}).",
           f"{r['signer']} signed the latest upload of the {s} source package, {v}, for {r['dist']} "
           f"(urgency {r['urgency']}); the trailer gives the e-mail address {r['email']} and the date {r['date']} "
           f"({r['iso']}).",
           f"Source package {s} stands at {v} in its installed changelog: an upload to {r['dist']}, urgency "
           f"{r['urgency']}, dated {r['date']} ({r['iso']}) and signed by {who(r['signer'], r['email'])}.")[w % 3]]
    p1.append(f"{ep} upstream version {r['upstream']} and" + rev)
    p1.append("The entry says it is a non-maintainer upload." if r["nmu"] else
              "It is not marked as a non-maintainer upload.")
    p = r["previous"]
    if p:
        p1.append(f"The upload before it was {p['version']}, signed by {p['signer']} on {p['iso']}.")
    else:
        p1.append("There is no previous version (none): the changelog holds this one entry only.")
    f = r["first"]
    p2 = [f"The installed file, {r['file']}, holds {plural(r['entries'], 'entry', 'entries')}" +
          (", older ones having been removed by the packaging (`apt changelog` has them)." if r["trimmed"] else
           ", nothing having been removed from it.")]
    if r["entries"] > 1:
        p2.append(f"The oldest it keeps is {f['version']} for {f['dist']}, signed by {f['signer']} on {f['iso']}.")
    p2.append(f"Its entries carry {plural(r['signer_count'], 'distinct signer name')}; "
              + (f"{r['nmu_count']} of the {r['entries']} entries are non-maintainer uploads." if r["nmu_count"] > 1 else
                 f"{r['nmu_count']} of the {r['entries']} entries is a non-maintainer upload." if r["nmu_count"] else
                 "none of them is a non-maintainer upload."))
    p3 = []
    if r["closes"]:
        p3.append(f"The latest {plural(len(r['recent']), 'entry', 'entries')} close "
                  f"{plural(len(r['closes']), 'bug')}: {bug_list(r['closes'])}.")
    else:
        p3.append(f"The latest {plural(len(r['recent']), 'entry', 'entries')} close no bug (none).")
    if r["cves"]:
        p3.append(f"They name {plural(len(r['cves']), 'CVE id')}: {and_list(r['cves'])}.")
    else:
        p3.append("They name no CVE id (none named).")
    p4 = []
    if r["dpkg_source"]:
        p4.append(f"The file sits in the doc directory of {r['primary']}, whose dpkg status gives Source: "
                  f"{r['dpkg_source']}.")
    else:
        p4.append(f"The file sits in the doc directory of {r['primary']}, a binary package with the source's own "
                  f"name and version, so dpkg sets no Source field for it (not set).")
    p4.append(f"Installed version: {r['installed']}.")
    if len(r["dirs"]) == 1:
        p4.append(f"It is the only doc directory holding this changelog: {dir_text(r['dirs'][0])}.")
    else:
        p4.append(f"{len(r['dirs'])} doc directories hold it: " + and_list([dir_text(d) for d in r["dirs"]]) + ".")
    b = r["binnmu"]
    if b:
        p4.append(f"A binary-only rebuild, {b['version']} for {b['dist']}, was signed by {b['signer']} on {b['iso']}: "
                  f"{b['reason']}")
    else:
        p4.append("No binary-only rebuild is recorded (none recorded).")
    p4.append(f"dpkg lists {binaries_text(r)}.")
    paras = [" ".join(x) for x in (p1, p2, p3, p4)]
    hist = [f"## Latest {plural(len(r['recent']), 'entry', 'entries')}"]
    for i, e in enumerate(r["recent"]):
        lead = ("Newest" if i == 0 else "Before that") + f", {entry_head(e)}" + (":" if e["changes"] else ".")
        hist += ["", lead, ""] + change_lines(e)
    return "\n\n".join(paras) + "\n\n" + "\n".join(hist) + "\n"


def title(r: dict) -> str:
    return f"{r['source']}: Debian changelog"


def render(r: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[layout(r)](r)
    return head + body + "\n" + source_line(r) + "\n"


def page_path(r: dict) -> str:
    return f"{r['id']}.md"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {page_path(r): render(r) for r in recs}
    out["binaries.csv"] = register_csv(register_rows(snap))
    return out


def snapshot_text(snap: dict) -> str:
    """JSON with one package / one binary a line."""
    head = {k: v for k, v in snap.items() if k not in ("packages", "binaries")}
    text = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    parts = []
    for key in ("packages", "binaries"):
        body = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in snap[key].items())
        parts.append(f' "{key}": {{\n{body}\n }}')
    return text + ",\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's changelogs again")
    snap = scan()
    bad = [s for s, p in snap["packages"].items() if not p["complete"] or p["entries"] != p["dpkg_parsechangelog_entries"]]
    if bad:
        sys.exit(f"malformed changelogs: {bad}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    print(f"{len(snap['packages'])} source packages read, {len(snap['binaries'])} binary packages")


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


CITES = ["It is in the Debian changelog.", "See /usr/share/doc.", "dpkg lists it.", "It is in the catalogue.",
         "The changelog.Debian.gz file says so."]  # a sentence citing the source is no answer


def cite_safe(question: str, golds: list[str], typ: str) -> bool:
    return not any(_ok(question, golds, typ, t) for t in CITES)


def hedge_safe(question: str, options: list[str], gold: str) -> bool:
    tries = [and_list(options)]
    for w in (o for o in options if o != gold):
        tries += [w, f"{w} does.", f"The answer is {w}.", f"{gold} or {w}", f"{w} or {gold}", f"{gold} and {w}."]
    return _ok(question, [gold], "comparison", gold, options) and \
        not any(_ok(question, [gold], "comparison", t, options) for t in tries + CITES)


def gold_safe(question: str, answers: list[str], typ: str = "single_hop") -> bool:
    return all(_ok(question, answers, typ, g) and _ok(question, answers, typ, f"The answer is {g}.") for g in answers) \
        and cite_safe(question, answers, typ)


def names_safe(question: str, golds: list[str], others: list[str], typ: str = "reverse") -> bool:
    """Do all other source and binary package names score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def refs(r: dict) -> list[str]:
    s = r["source"]
    return [s, f"the {s} source package", f"the Debian source package {s}"]


def ref(r: dict, salt: str) -> str:
    xs = refs(r)
    return xs[_h(r["source"], salt) % len(xs)]


def cap(q: str) -> str:
    """A capital for a question that starts with a word; a package name keeps its case."""
    first = q.split(" ", 1)[0]
    return q if first in cat_set() or first[:1].isdigit() or first == "dpkg" else q[0].upper() + q[1:]


def fill(tpl: str, r: dict, salt: str, **kw) -> tuple[str, str]:
    """A template with {n} (the source, "the <source> source package" or "the Debian source package <source>");
    returns (question, how it names the package)."""
    nref = ref(r, salt)
    return cap(tpl.format(n=nref, **kw)), nref


def ident(r: dict) -> list[str]:
    """How an answer names a source package: its name."""
    return [r["source"]]


def version_golds(v: str) -> list[str]:
    """A version as written, and without its epoch."""
    return [v] + ([v.split(":", 1)[1]] if ":" in v else [])


def reg_by(snap: dict) -> dict[str, dict]:
    return {x["id"]: x for x in register_rows(snap)}


def primary_bin(r: dict) -> str:
    return r["primary"]


SINGLE = {
    "version": (["What is the latest version in the Debian changelog of {n}?",
                 "Which version did the newest changelog entry of {n} upload?"],
                lambda r: version_golds(r["version"]), lambda r: True),
    "upstream": (["Which upstream version does the latest upload of {n} package?",
                  "What is the upstream part of the latest version of {n}?"],
                 lambda r: [r["upstream"]], lambda r: r["revision"] is not None),
    "revision": (["What is the Debian revision of the latest version of {n}?",
                  "Which Debian revision does the newest version of {n} carry?"],
                 lambda r: [r["revision"]], lambda r: bool(r["revision"]) and not r["revision"].isdigit()),
    "dist": (["To which distribution was the latest upload of {n} made?",
              "Which suite does the newest changelog entry of {n} name?"],
             lambda r: [r["dist"]], lambda r: True),
    "urgency": (["With what urgency was the latest upload of {n} made?",
                 "What urgency does the newest changelog entry of {n} give?"],
                lambda r: [r["urgency"]], lambda r: r["urgency"] != "medium"),
    "signer": (["Who signed the latest upload of {n}?", "Whose name is in the trailer of the newest changelog entry of {n}?"],
               lambda r: [r["signer"]], lambda r: True),
    "email": (["Which e-mail address is in the trailer of the newest changelog entry of {n}?"],
              lambda r: [r["email"]], lambda r: True),
    "date": (["On what date was the latest upload of {n} signed?", "What date does the newest changelog entry of {n} carry?"],
             lambda r: [r["iso"], long_date(r["iso"])], lambda r: True),
    "previous": (["Which version came just before the latest one in the changelog of {n}?",
                  "What was the version of {n} before its latest upload?"],
                 lambda r: version_golds(r["previous"]["version"]), lambda r: r["previous"] is not None),
    "previous_date": (["On what date was the upload of {n} before its latest one signed?"],
                      lambda r: [r["previous"]["iso"], long_date(r["previous"]["iso"])],
                      lambda r: r["previous"] is not None and r["previous"]["iso"] != r["iso"]),
    "previous_signer": (["Who signed the upload of {n} that came before its latest one?"],
                        lambda r: [r["previous"]["signer"]],
                        lambda r: r["previous"] is not None and r["previous"]["signer"] != r["signer"]),
    "entries": (["How many entries does the installed Debian changelog of {n} hold?",
                 "How many uploads does the installed changelog file of {n} list?"],
                lambda r: [str(r["entries"])], lambda r: r["entries"] >= 2),
    "first_version": (["Which version is the oldest entry kept in the installed changelog of {n}?",
                       "What version does the oldest entry of {n}'s installed changelog name?"],
                      lambda r: version_golds(r["first"]["version"]), lambda r: r["entries"] >= 2),
    "first_date": (["What is the date of the oldest entry kept in the installed changelog of {n}?"],
                   lambda r: [r["first"]["iso"], long_date(r["first"]["iso"])], lambda r: r["entries"] >= 2),
    "first_signer": (["Who signed the oldest entry kept in the installed changelog of {n}?"],
                     lambda r: [r["first"]["signer"]],
                     lambda r: r["entries"] >= 2 and r["first"]["signer"] != r["signer"]),
    "signers": (["How many distinct signer names appear in the installed changelog of {n}?"],
                lambda r: [str(r["signer_count"])], lambda r: r["signer_count"] >= 2),
    "nmus": (["How many non-maintainer uploads does the installed changelog of {n} record?"],
             lambda r: [str(r["nmu_count"])], lambda r: r["nmu_count"] >= 2),
    "bugs": (["How many bugs do the latest three changelog entries of {n} close?"],
             lambda r: [str(len(r["closes"]))], lambda r: len(r["closes"]) >= 2),
    "bug": (["Which bug number do the latest three changelog entries of {n} close?",
             "The latest three entries in the changelog of {n} close one bug. Which number?"],
            lambda r: [str(r["closes"][0])], lambda r: len(r["closes"]) == 1),
    "cves": (["How many CVE ids do the latest three changelog entries of {n} name?"],
             lambda r: [str(len(r["cves"]))], lambda r: len(r["cves"]) >= 2),
    "cve": (["Which CVE id do the latest three changelog entries of {n} name?"],
            lambda r: [r["cves"][0]], lambda r: len(r["cves"]) == 1),
    "dirs": (["How many doc directories under /usr/share/doc hold the changelog of {n}?"],
             lambda r: [str(len(r["dirs"]))], lambda r: len(r["dirs"]) >= 2),
    "docdir": (["From which binary package's doc directory is the changelog of {n} read?",
                "In the doc directory of which binary package does the changelog of {n} sit?"],
               lambda r: [r["primary"]], lambda r: r["primary"] != r["source"] and len(r["dirs"]) == 1),
    "rebuild_version": (["What version did the binary-only rebuild of {n} get?"],
                        lambda r: [r["binnmu"]["version"]], lambda r: bool(r["binnmu"])),
    "rebuild_date": (["On what date was the binary-only rebuild of {n} signed?"],
                     lambda r: [r["binnmu"]["iso"], long_date(r["binnmu"]["iso"])], lambda r: bool(r["binnmu"])),
}  # fmt: skip
SINGLE_ORDER = ["rebuild_date", "rebuild_version", "docdir", "cve", "bug", "previous_signer", "first_signer",
                "urgency", "revision", "nmus", "cves", "bugs", "dirs", "signers", "email", "previous_date",
                "first_date", "first_version", "upstream", "previous", "entries", "dist", "date", "signer",
                "version"]  # fmt: skip
# register rows: a field of one binary package
REG = {
    "reg_size": (["What installed size (in KiB) does dpkg record for the binary package {b}?"],
                 lambda x: [str(x["installed_size_kib"])], lambda x: x["installed_size_kib"] is not None),
    "reg_section": (["In which archive section is the binary package {b}?"], lambda x: [x["section"]],
                    lambda x: bool(x["section"])),
    "reg_multiarch": (["What Multi-Arch value does the binary package {b} declare?"], lambda x: [x["multi_arch"]],
                      lambda x: x["multi_arch"] in ("same", "foreign", "allowed")),
    "reg_priority": (["What priority does dpkg give the binary package {b}?"], lambda x: [x["priority"]],
                     lambda x: x["priority"] in ("required", "important", "standard")),
}  # fmt: skip
REG_PER_SPLIT = {"dev": 2, "test": 3}


def single_question(r: dict, k: str) -> str:
    tpls = SINGLE[k][0]
    return fill(tpls[_h(r["source"], k) % len(tpls)], r, k)[0]


def page_numbers(r: dict) -> set[str]:
    xs = [r["entries"], r["signer_count"], r["nmu_count"], len(r["closes"]), len(r["cves"]), len(r["dirs"]),
          len(r["binaries"]), len(r["recent"]), RECENT] + r["closes"]
    xs += [r["epoch"]] if r["epoch"] else []
    return {str(x) for x in xs}


def page_versions(r: dict) -> set[str]:
    vs = {r["version"], r["upstream"], r["first"]["version"], r["installed"]} | {e["version"] for e in r["recent"]}
    vs |= {d[2] for d in r["dirs"] if d[2]} | ({r["revision"]} if r["revision"] else set())
    if r["binnmu"]:
        vs.add(r["binnmu"]["version"])
        if r["binnmu"]["built_using"]:
            vs.add(r["binnmu"]["built_using"][1])
    return {v for v in vs if v}


def page_texts(r: dict) -> set[str]:
    """The values a page states besides its counts."""
    out = {r["source"], r["dist"], r["urgency"], r["signer"], r["email"], r["iso"], r["primary"], r["first"]["dist"],
           r["first"]["signer"], r["first"]["iso"]}
    out |= page_versions(r) | {d[0] for d in r["dirs"]} | set(r["cves"])
    for e in r["recent"]:
        out |= {e["dist"], e["urgency"], e["signer"], e["email"], e["iso"]}
    if r["binnmu"]:
        out |= {r["binnmu"]["dist"], r["binnmu"]["iso"], r["binnmu"]["signer"]}
    if r["dpkg_source"]:
        out.add(r["dpkg_source"])
    return {x for x in out if _atok(x)}


def catalogue_values(recs: list[dict]) -> set[str]:
    return {x for t in recs for x in (t["source"], t["version"], t["signer"], t["iso"], t["dist"], str(t["entries"]))}


def others_of(r: dict, recs: list[dict]) -> set[str]:
    """Values a wrong answer could take from the page or from the catalogue."""
    return page_numbers(r) | page_texts(r) | catalogue_values(recs)


def confusable(golds: list[str], pool: set[str], allowed: set[str] = frozenset()) -> set[str]:
    """The values of `pool` a wrong answer could give: not those `allowed` (a full version for its upstream part),
    and for a count not a version or a date (whose digits hold it as a token: 2023-01-07 holds 7)."""
    numeric = all(g.isdigit() for g in golds)
    return {x for x in pool if x not in allowed and not (numeric and re.search(r"\d[-.:~+]\d|[a-z]\d|\d[a-z]", x))}


def allowed_values(r: dict, k: str) -> set[str]:
    """Answers that hold the gold and are right: for the upstream version, a full version with that upstream part."""
    if k == "upstream":
        return {v for v in page_versions(r) if split_version(v)[1] == r["upstream"] and v != r["upstream"]}
    return set()


def others_safe(question: str, golds: list[str], others: set[str], typ: str = "single_hop",
                allowed: set[str] = frozenset()) -> bool:
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in confusable(golds, others, allowed) if _atok(x) not in gt)


def reg_values(x: dict) -> set[str]:
    return {str(v) for v in x.values() if v is not None and _atok(str(v))}


# multi hop: a source -> the one other catalogued source whose latest upload the same person signed; a binary
# package's dpkg summary (a register row) -> its source's page; a source's binary-only rebuild -> the source and
# version its Built-Using reason names
HOP_VIA = {
    "signer": ["The person who signed the latest upload of {v} also signed the latest upload of exactly one other "
               "source package in this catalogue. {f}",
               "Take the signer of {v}'s latest upload; exactly one other catalogued source package has a latest "
               "upload signed by the same person. {f}"],
    "summary": ["Take the binary package that dpkg describes as \"{v}\" and the source package it is built from. {f}",
                "dpkg summarises one installed binary package as \"{v}\". Consider its source package. {f}"],
    "built": ["The binary-only rebuild of {v} names another source package and a version of it in its "
              "Built-Using reason. {f}",
              "{v} was rebuilt binary-only for an outdated Built-Using of another source package at a named "
              "version. {f}"],
}  # fmt: skip
HOP_FIELD = {
    "version": ("What is that package's latest version?", lambda t: version_golds(t["version"]), lambda t: True),
    "date": ("On what date was that package's latest upload signed?", lambda t: [t["iso"], long_date(t["iso"])],
             lambda t: True),
    "dist": ("To which distribution was that package's latest upload made?", lambda t: [t["dist"]], lambda t: True),
    "entries": ("How many entries does that package's installed changelog hold?", lambda t: [str(t["entries"])],
                lambda t: t["entries"] >= 2),
    "first_version": ("Which version is the oldest entry kept in that package's installed changelog?",
                      lambda t: version_golds(t["first"]["version"]), lambda t: t["entries"] >= 2),
    "signer": ("Who signed that package's latest upload?", lambda t: [t["signer"]], lambda t: True),
    "previous": ("Which version came before that package's latest one?",
                 lambda t: version_golds(t["previous"]["version"]), lambda t: t["previous"] is not None),
}  # fmt: skip
BUILT_FIELD = {
    "entry_signer": ("Who signed the upload of that version?", "signer"),
    "entry_date": ("On what date was that version uploaded?", "iso"),
    "entry_dist": ("To which distribution was that version uploaded?", "dist"),
}  # fmt: skip


def hop_golds(t: dict, f: str) -> list[str] | None:
    return HOP_FIELD[f][1](t) if HOP_FIELD[f][2](t) else None


def built_entry(r: dict, by: dict) -> dict | None:
    """The entry of the catalogued page that r's binary-only rebuild names, if that page shows it."""
    t = built_using_target(r)
    if t not in by:
        return None
    v = r["binnmu"]["built_using"][1]
    es = [e for e in by[t]["recent"] if e["version"] == v]
    return es[0] if es else None


def built_golds(e: dict, f: str) -> list[str]:
    k = BUILT_FIELD[f][1]
    return [e[k], long_date(e[k])] if k == "iso" else [e[k]]


def hop_own(src_r: dict | None, f: str, first: str) -> list[str]:
    """What the first document of a chain states that a wrong answer could take: its own value of the field
    asked, its name, and (rebuild chains) its own latest upload's and rebuild's signer, date and suite."""
    if src_r is None:
        return [first.split("#")[1]]
    own = (hop_golds(src_r, f) or []) if f in HOP_FIELD else []
    own += ident(src_r) + [src_r["signer"], src_r["iso"], src_r["dist"]]
    if src_r["binnmu"]:
        own += [src_r["binnmu"]["signer"], src_r["binnmu"]["iso"], src_r["binnmu"]["dist"]]
    return own


def unique_summary(snap: dict, x: dict) -> bool:
    return sum(v["summary"] == x["summary"] for v in snap["binaries"].values()) == 1 and len(x["summary"].split()) >= 3


CMP = {
    "earlier-latest": ("Which of {a} and {b} had its latest upload signed earlier?", lambda r: r["iso"], min),
    "more-entries": ("Which has more entries in its installed changelog, {a} or {b}?", lambda r: r["entries"], max),
    "earlier-oldest": ("Which of {a} and {b} keeps the older oldest entry in its installed changelog?",
                       lambda r: r["first"]["iso"], min),
    "more-signers": ("Which of {a} and {b} has more distinct signer names in its installed changelog?",
                     lambda r: r["signer_count"], max),
    "more-nmus": ("Which of {a} and {b} records more non-maintainer uploads in its installed changelog?",
                  lambda r: r["nmu_count"], max),
    "more-dirs": ("Which of {a} and {b} has its changelog in more doc directories?", lambda r: len(r["dirs"]), max),
    "more-bugs": ("Which of {a} and {b} closes more bugs in its latest three changelog entries?",
                  lambda r: len(r["closes"]), max),
    "more-cves": ("Which of {a} and {b} names more CVE ids in its latest three changelog entries?",
                  lambda r: len(r["cves"]), max),
    "epoch-one": ("Which of {a} and {b} has an epoch in its latest version?", lambda r: int(bool(r["epoch"])), max),
    "native-one": ("Which of {a} and {b} has a native version, with no Debian revision?",
                   lambda r: int(r["revision"] is None), max),
    "nmu-one": ("Which of {a} and {b} had a non-maintainer upload as its latest upload?", lambda r: int(r["nmu"]), max),
    "security-one": ("Which of {a} and {b} had its latest upload made to a -security suite?",
                     lambda r: int(security(r)), max),
    "rebuild-one": ("Which of {a} and {b} has a binary-only rebuild recorded?", lambda r: int(bool(r["binnmu"])), max),
}  # fmt: skip
CMP_ORDER = ["earlier-latest", "security-one", "more-entries", "nmu-one", "earlier-oldest", "epoch-one", "more-signers",
             "native-one", "more-nmus", "rebuild-one", "more-dirs", "more-bugs", "more-cves"]  # fmt: skip
FIELD_OF = {"earlier-latest": "iso", "more-entries": "entries", "earlier-oldest": "first", "more-signers": "signers",
            "more-nmus": "nmus", "more-dirs": "dirs", "more-bugs": "bugs", "more-cves": "cves", "epoch-one": "epoch",
            "native-one": "revision", "nmu-one": "nmu", "security-one": "dist", "rebuild-one": "rebuild"}  # fmt: skip


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine: (test, how a question says it)."""
    out = {}
    dists = Counter(r["dist"] for r in recs)
    for d, n in sorted(dists.items()):
        if n >= 2:
            out[f"dist-{d}"] = (lambda r, d=d: r["dist"] == d, f"had its latest upload made to {d}")
    out.update({
        "urgency-high": (lambda r: r["urgency"] == "high", "had its latest upload made with urgency high"),
        "urgency-low": (lambda r: r["urgency"] == "low", "had its latest upload made with urgency low"),
        "security": (lambda r: security(r), "had its latest upload made to a -security suite"),
        "nmu": (lambda r: r["nmu"], "had a non-maintainer upload as its latest upload"),
        "epoch": (lambda r: bool(r["epoch"]), "has an epoch in its latest version"),
        "native": (lambda r: r["revision"] is None, "has a native version with no Debian revision"),
        "entries-50": (lambda r: r["entries"] >= 50, "keeps 50 or more entries in its installed changelog"),
        "entries-5": (lambda r: r["entries"] <= 5, "keeps at most 5 entries in its installed changelog"),
        "cves": (lambda r: bool(r["cves"]), "names at least one CVE id in its latest three changelog entries"),
        "no-cves": (lambda r: not r["cves"], "names no CVE id in its latest three changelog entries"),
        "bugs": (lambda r: bool(r["closes"]), "closes at least one bug in its latest three changelog entries"),
        "no-bugs": (lambda r: not r["closes"], "closes no bug in its latest three changelog entries"),
        "dirs-3": (lambda r: len(r["dirs"]) >= 3, "has its changelog in three or more doc directories"),
        "other-dir": (lambda r: r["primary"] != r["source"],
                      "has its changelog read from the doc directory of a binary package with another name"),
        "rebuild": (lambda r: bool(r["binnmu"]), "has a binary-only rebuild recorded"),
        "perl": (lambda r: r["source"].endswith("-perl"), "is a Perl module package (its name ends in -perl)"),
        "trimmed": (lambda r: r["trimmed"], "has an installed changelog from which older entries were removed"),
        "untrimmed": (lambda r: not r["trimmed"], "has an installed changelog from which nothing was removed"),
        "nmus-3": (lambda r: r["nmu_count"] >= 3, "records three or more non-maintainer uploads"),
        "signers-10": (lambda r: r["signer_count"] >= 10, "has ten or more distinct signer names in its changelog"),
        "one-signer": (lambda r: r["signer_count"] == 1, "has a single signer name throughout its installed changelog"),
        "oldest-2005": (lambda r: r["first"]["iso"] < "2005", "keeps a changelog entry from before 2005"),
    })  # fmt: skip
    years = Counter(r["iso"][:4] for r in recs)
    for y, n in sorted(years.items()):
        if n >= 2:
            out[f"year-{y}"] = (lambda r, y=y: r["iso"][:4] == y, f"had its latest upload signed in {y}")
    signers = Counter(r["signer"] for r in recs)
    for p, n in sorted(signers.items()):
        if n >= 2:
            out[f"signer-{p}"] = (lambda r, p=p: r["signer"] == p, f"had its latest upload signed by {p}")
    return out


REV_Q = {
    "rev-bug": ["Which source package's latest changelog entries close bug #{v}?",
                "Bug #{v} is closed in the recent changelog of which source package?"],
    "rev-cve": ["Which source package's latest changelog entries name {v}?",
                "{v} is named in the recent changelog entries of which source package?"],
    "rev-change": ["Which source package has a recent changelog entry that reads \"{v}\"?",
                   "\"{v}\": in the changelog of which source package is this change recorded?"],
    "rev-version": ["Which source package's latest upload is version {v}?",
                    "Version {v} is the newest changelog entry of which source package?"],
    "rev-docdir": ["The changelog in /usr/share/doc/{v} belongs to which source package?",
                   "Which source package's changelog does the doc directory of the binary package {v} hold?"],
    "rev-summary": ["Which binary package does dpkg describe as \"{v}\"?",
                    "\"{v}\" is the dpkg summary of which installed binary package?"],
}  # fmt: skip


def good_change(t: str, r: dict) -> bool:
    """A change line fit to be quoted as a reverse cue: 5 to 14 plain words, no name of the package itself, no
    version, bug or CVE number."""
    words = t.split()
    return 5 <= len(words) <= 14 and not re.search(r"\d|#|CVE|[<>\"`|]|https?:", t) and \
        r["source"].lower() not in t.lower() and all(w[:1].isalpha() or w[:1] in "(" for w in words)


def doc_token_index(texts: dict[str, str]) -> dict[str, list[str]]:
    return {k: _atok(v) for k, v in texts.items()}


def occurs_in(toks: dict[str, list[str]], cue: str) -> list[str]:
    c = _atok(cue)
    return [k for k, t in toks.items() if _contains(t, c)]


def rev_cues(r: dict, k: str, toks: dict[str, list[str]]) -> list[str]:
    """Cues that single out the package among all corpus files."""
    pid = page_path(r)
    if k == "rev-bug":
        cues = [str(b) for b in r["closes"]]
    elif k == "rev-cve":
        cues = list(r["cves"])
    elif k == "rev-change":
        cues = [t for e in r["recent"] for lv, t in e["changes"] if lv >= 0 and good_change(t, r)]
    elif k == "rev-version":
        cues = [r["version"]]
    elif k == "rev-docdir":
        cues = [d[0] for d in r["dirs"] if d[0] != r["source"]]
    else:
        raise KeyError(k)
    out = []
    for c in dict.fromkeys(cues):
        hits = occurs_in(toks, c)
        if k == "rev-docdir":
            hits = [h for h in hits if h != "binaries.csv"]
        if hits == [pid]:
            out.append(c)
    return out


def everyone(snap: dict) -> list[str]:
    """Every source and binary package name of the snapshot: what a reverse or filter answer could name instead."""
    return sorted(set(snap["packages"]) | set(snap["binaries"]))


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    by = {r["source"]: r for r in recs}
    reg = reg_by(snap)
    every = everyone(snap)
    sp = split_pages(recs)
    cond = conditions(recs)
    spk = signer_pages(recs)
    texts = render_all(snap)
    toks = doc_token_index(texts)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        srcs = sorted((c for c in by if sp[c] == s), key=lambda x: _h(x, "order" + s))
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

        # multi hop
        hk = list(HOP_FIELD)
        bk = list(BUILT_FIELD)
        starts = []
        for n in srcs:
            r = by[n]
            ps = spk[r["signer"]]
            if len(ps) == 2:
                starts.append(("signer", n, n, [x for x in ps if x != n][0]))
            if built_entry(r, by) is not None and sp[built_using_target(r)] == s:
                starts.append(("built", n, n, built_using_target(r)))
            for b in r["binaries"]:
                if unique_summary(snap, reg[b]):
                    starts.append(("summary", reg[b]["summary"], f"binaries#{b}", n))
        starts.sort(key=lambda x: _h(f"{x[0]}{x[1]}", "hopstart"))
        rank = Counter()
        order = []
        for x in starts:  # kinds in turn, the rare chain (built) first in each turn
            order.append((rank[x[0]], x[0] != "built", x[0] != "signer", len(order), x))
            rank[x[0]] += 1
        starts = [x[-1] for x in sorted(order)]
        for via, cue, first, m in starts:
            if count("multi_hop") >= want["multi_hop"]:
                break
            if kinds("hop-" + via) >= CAP_HOP[s] or (first, "hopstart") in used or (m, "hopend") in used:
                continue
            if via != "summary" and ((cue, "hopstart") in used or (m, "hopstart") in used):
                continue
            t = by[m]
            tpls = HOP_VIA[via]
            tpl = tpls[_h(f"{cue}{via}", "hopq") % len(tpls)]
            if via == "built":
                e = built_entry(by[cue], by)
                fields = [(f, built_golds(e, f), BUILT_FIELD[f][0]) for f in bk]
            else:
                fields = [(f, hop_golds(t, f), HOP_FIELD[f][0]) for f in hk
                          if not (via == "signer" and f == "signer")]
            for f, g_m, ftxt in fields:
                if not g_m or (m, "hop-" + f) in used or (m, f) in used:
                    continue
                q = cap(tpl.format(v=cue, f=ftxt))
                own = hop_own(by[cue] if via != "summary" else None, f, first)
                if {tuple(_atok(x)) for x in g_m} & {tuple(_atok(x)) for x in own}:
                    continue
                if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, x) for x in g_m) or \
                        not others_safe(q, g_m, others_of(t, recs), "multi_hop"):
                    continue
                if any(_ok(q, g_m, "multi_hop", x) for x in own if _atok(x) not in [_atok(y) for y in g_m]):
                    continue
                ev = [page_id(cue) if via != "summary" else first, t["id"]]
                add(q, g_m, "multi_hop", ev, "hop-" + via, field=f, via=cue if via != "summary" else first.split("#")[1],
                    target=m, ref=cue)
                used.update({(m, "hop-" + f), (first, "hopstart"), (cue, "hopstart"), (m, "hopend")})
                subj.update({m} | ({cue} if via != "summary" else set()))
                if f in hk:
                    hk.append(hk.pop(hk.index(f)))
                else:
                    bk.append(bk.pop(bk.index(f)))
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not SINGLE[k][2](r) or (n, k) in used or kinds(k) >= CAP[s]:
                return False
            q = single_question(r, k)
            g = SINGLE[k][1](r)
            if any(in_question(q, x) for x in g) or not gold_safe(q, g) or \
                    not others_safe(q, g, others_of(r, recs), allowed=allowed_values(r, k)):
                return False
            add(q, g, "single_hop", [r["id"]], k)
            used.add((n, k))
            subj.add(n)
            return True

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                break
            for n in srcs:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2):
            for n in srcs:
                if count("single_hop") >= want["single_hop"] - REG_PER_SPLIT[s]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [by[n]["id"]] for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # register rows: one field of one binary package per page
        rk = list(REG)
        for n in srcs:
            if count("single_hop") >= want["single_hop"]:
                break
            if (n, "register") in used:
                continue
            bins = sorted(by[n]["binaries"], key=lambda b: _h(b, "regbin"))
            done = False
            for b in bins:
                x = reg[b]
                for k in list(rk):
                    if kinds(k) >= 1 or not REG[k][2](x):
                        continue
                    tpl = REG[k][0][0]
                    q = tpl.format(b=b)
                    g = REG[k][1](x)
                    oth = reg_values(x) | {str(reg[o][c]) for o in by[n]["binaries"] for c in
                                           ("installed_size_kib", "section", "multi_arch", "priority")}
                    if any(in_question(q, y) for y in g) or not gold_safe(q, g) or not others_safe(q, g, oth):
                        continue
                    add(q, g, "single_hop", [f"binaries#{b}"], k, binary=b)
                    used.add((n, "register"))
                    rk.append(rk.pop(rk.index(k)))
                    done = True
                    break
                if done:
                    break
        # reverse: a bug number, a CVE id, a change line, the latest version, a doc directory -> the source;
        # a dpkg summary -> the binary package
        rvk = list(REV_Q)
        for n in [x for x in srcs if x not in subj] + [x for x in srcs if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rvk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                if k == "rev-summary":
                    bs = [b for b in r["binaries"] if unique_summary(snap, reg[b]) and b != n and
                          (f"binaries#{b}", "hopstart") not in used]
                    if not bs:
                        continue
                    b = bs[_h(n, "revsum") % len(bs)]
                    v = reg[b]["summary"]
                    g, ev = [b], [f"binaries#{b}"]
                else:
                    cues = rev_cues(r, k, toks)
                    if not cues:
                        continue
                    v = cues[_h(n, "cue" + k) % len(cues)]
                    g, ev = ident(r), [r["id"]]
                q = cap(REV_Q[k][_h(n, "revq" + k) % len(REV_Q[k])].format(v=v))
                if any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or not names_safe(q, g, every):
                    continue
                add(q, g, "reverse", ev, k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rvk.append(rvk.pop(rvk.index(k)))
                break
        # comparisons of two packages of the split
        turn = CMP_ORDER[6:] + CMP_ORDER[:6] if s == "test" else CMP_ORDER
        for k in turn * 4:  # kinds in turn (test starts where dev stops), a few tries each
            if count("comparison") >= want["comparison"]:
                break
            tpl, fn, pick = CMP[k]
            for _ in range(60):
                a, b = rnd.sample(srcs, 2)
                fa, fb = fn(by[a]), fn(by[b])
                if fa == fb or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or kinds(k) >= CAP_CMP[s]:
                    continue
                q = tpl.format(a=a, b=b)
                win = a if pick(fa, fb) == fa else b
                if not hedge_safe(q, [a, b], win):
                    continue
                add(q, [win], "comparison", [by[a]["id"], by[b]["id"]], k, options=[a, b], target=win,
                    candidates=[a, b])
                used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
                break
        # filters: among all catalogued packages (two conditions), and among four listed ones
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
            w = both[0]["source"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which source package in this catalogue {a} and {b}?",
                            "Name the one catalogued source package that {a} and {b}.",
                            "I am looking for the catalogued source package that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = ident(both[0])
            if any(in_question(q, x) for x in g) or not gold_safe(q, g, "filter") or not names_safe(q, g, every, "filter"):
                continue
            add(q, g, "filter", [both[0]["id"]], "filter", where={c1: True, c2: True}, candidates=[w])
            used.add((w, "filter"))
        tries = 0
        among = sorted(cond)
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(srcs, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these source packages {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold) or not names_safe(q, [gold], every, "filter"):
                continue
            add(q, [gold], "filter", [by[gold]["id"]], "filter-among", options=list(cands), where={c: True},
                candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((gold, "filter"))
        # unanswerables: left-out packages, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-package") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-package", package=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(srcs)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            q, nref = fill(ABSENT_FIELDS[f][0], by[n], "absent" + f)
            add(q, [], "unanswerable", [], "absent-field", field=f, package=n, ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c28-{s}-{j:03d}", **it}
    return out


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


def _name_pat(t: str) -> str:
    return r"(?<![\w.+/-])" + re.escape(t) + r"(?![\w+/-]|\.\w)"


def absent_patterns(s: str, snap: dict) -> list[str]:
    """A left-out package as its name, its binary packages, its latest version, and the bug numbers and CVE ids of
    its recent entries."""
    p = snap["packages"][s]
    ents = [parse_entry(e) for e in p["recent"]]
    out = [_name_pat(s)] + [_name_pat(b) for b, v in snap["binaries"].items() if v["source"] == s]
    out.append(_name_pat(ents[0]["version"]))
    out += [r"(?<![\d])" + str(b) + r"(?!\d)" for e in ents for b in e["closes"]]
    out += [re.escape(c) + r"(?!\d)" for e in ents for c in e["cves"]]
    return list(dict.fromkeys(out))


def unanswerable_pattern(q: dict, snap: dict) -> tuple[str, str]:
    if q["kind"] == "absent-package":
        s = q["package"]
        v = parse_entry(snap["packages"][s]["recent"][0])["version"]
        return "|".join(f"(?:{p})" for p in absent_patterns(s, snap)), f"The latest {s} upload is {v}."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record, and in the sheet and
    card layouts also the wording of their labelled cells."""
    vals = [r["source"], r["version"], r["upstream"], r["dist"], r["urgency"], r["signer"], r["email"], r["date"],
            r["iso"], r["file"], r["installed"], r["primary"], str(r["entries"]), r["first"]["version"],
            r["first"]["dist"], r["first"]["signer"], r["first"]["iso"]]
    vals += [x for x in (r["epoch"], r["revision"], r["dpkg_source"]) if x]
    if r["previous"]:
        vals += [r["previous"]["version"], r["previous"]["signer"], r["previous"]["iso"]]
    vals += [f"#{b}" for b in r["closes"]] + r["cves"] + [dir_text(d) for d in r["dirs"]]
    for e in r["recent"]:
        vals += [e["version"], e["dist"], e["urgency"], e["iso"], e["signer"]]
        vals += [t.replace("|", "\\|") if layout(r) == "sheet" else t for _, t in e["changes"]]
    if r["binnmu"]:
        vals += [r["binnmu"][k] for k in ("version", "dist", "iso", "signer", "reason")]
    if r["nmu_count"]:
        vals.append(f"{r['nmu_count']} of")
    vals += [f"{len(r['binaries'])} installed binary package"]
    if layout(r) != "prose":
        vals += [cell(b) if layout(r) == "sheet" else b for _, b in rows(r)]
    else:
        vals += [f"{plural(r['signer_count'], 'distinct signer name')}"]
    fm = front(r)
    vals += [str(v) for k, v in fm.items() if not isinstance(v, (bool, list))]
    vals += [str(x) for v in fm.values() if isinstance(v, list) for x in v]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = records(snap)
    by = {r["source"]: r for r in recs}
    pid = {r["id"]: r for r in recs}
    reg = reg_by(snap)
    every = everyone(snap)
    sp = split_pages(recs)
    cond = conditions(recs)
    spk = signer_pages(recs)
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and binaries.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the stored changelog lines (and this machine, only where it has the same files)
    bad = [f"{x}: read twice" for x, c in Counter(READ).items() if c > 1]
    bad += [] if list(snap["packages"]) == READ else ["the snapshot's packages are not READ"]
    for s, p in snap["packages"].items():
        ents = p["recent"]
        if not p["complete"] or p["entries"] != p["dpkg_parsechangelog_entries"] or not ents:
            bad.append(f"{s}: malformed or miscounted changelog")
            continue
        if any(not complete(e) or HEADER.match(e[0]).group(1) != s for e in ents) or \
                len(ents) != min(RECENT, p["entries"]) or not HEADER.match(p["oldest"][0]) or \
                not TRAILER.match(p["oldest"][1]):
            bad.append(f"{s}: stored entries do not parse")
        if p["primary"] not in [d for d, _ in p["dirs"]] or p["primary"] not in snap["binaries"] or \
                p["file"] != f"{DOC}/{p['primary']}/changelog.Debian.gz":
            bad.append(f"{s}: primary doc directory")
        if any(t is not None and t not in [d for d, _ in p["dirs"]] + [x for x, v in snap["binaries"].items()
                                                                          if v["source"] == s] for _, t in p["dirs"]):
            bad.append(f"{s}: a doc directory links outside its source")
        if any(snap["binaries"].get(d, {}).get("source") != s for d, _ in p["dirs"]):
            bad.append(f"{s}: a doc directory is no installed binary package of the source")
    bad += [f"{m}: ABSENT but catalogued or not read" for m in absent_sources() if m in by or m not in READ]
    bad += [] if [r["source"] for r in recs] == catalogued() else ["records are not READ less ABSENT"]
    same = []
    try:
        for s, p in snap["packages"].items():
            f = Path(p["file"])
            if not (f.is_file() and hashlib.sha256(f.read_bytes()).hexdigest() == p["sha256"]):
                continue
            same.append(s)
            again = read_changelog(f.read_bytes())
            if any(again[k] != p[k] for k in again):
                bad.append(f"{s}: the changelog read again differs from the snapshot")
    except Exception as e:  # noqa: BLE001
        bad.append(f"reading again: {e}")
    results.append((f"the snapshot holds the {len(READ)} packages read, each changelog well formed (entry count "
                    f"as dpkg-parsechangelog's), its {RECENT} newest entries and oldest entry parsing, its doc "
                    f"directories binary packages of the source; records are READ less ABSENT "
                    f"({'read again here: ' + str(len(same)) + ' files with the recorded sha256' if same else 'other files here: the snapshot alone'})",
                    bad))
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
    want_ids = set(pid) | {f"binaries#{b}" for b in reg}
    bad += [] if set(docs) == want_ids else [f"document ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [i for i, r in pid.items() if i in docs and (docs[i].title != title(r)
                                                         or docs[i].metadata != normalize_metadata(front(r)))]
    bad += [b for b, x in reg.items() if f"binaries#{b}" in docs and docs[f"binaries#{b}"].title != x["title"]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents ({len(pid)} pages titled "
                    f"\"<source>: Debian changelog\" with their front matter, {len(reg)} register rows)", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    assign_layouts(recs)
    bad = []
    for i, r in pid.items():
        bad += [f"{i}: {v!r} not in the body" for v in page_values(r) if v.lower() not in low[i]]
        golds = [g for k in SINGLE if SINGLE[k][2](r) for g in SINGLE[k][1](r)]
        golds += [g for k in HOP_FIELD for g in (hop_golds(r, k) or [])] + ident(r)
        golds += [g for e in r["recent"] for f in BUILT_FIELD for g in built_golds(e, f)]
        bad += [f"{i}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[i], answer_tokens(g))]
    for b, x in reg.items():
        bad += [f"binaries#{b}: {c} {x[c]!r} not in the row" for c in REG_COLUMNS[1:]
                if x[c] is not None and str(x[c]).lower() not in low[f"binaries#{b}"]]
    results.append(("every field of a record (and of its front matter) is stated in its page body, every gold form "
                    "as tokens; every register column in its row", bad))
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
    sources = CITES
    cat_vals = catalogue_values(recs)
    for s in items:
        row_of = {r["id"]: r for r in rows_[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c28-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if it.type == "multi_hop" and len(set(it.evidence)) != 2:
                idb.append(f"{it.id}: a chain needs two documents")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("medium", "unstable", "12", unanswerable_pattern(q, snap)[1]):
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
                if g.strip().lower() in ("none", "yes", "no", "true", "false", "nothing", "n/a", "0"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            if not any(g0.lower() in low[e] for e in holds):
                gold_in.append(f"{it.id}: {g0!r} not in the evidence text")
            if not it.options:
                gold_ok += [f"{it.id}: {g!r} is given away by the question" for g in it.answers
                            if contains_tokens(answer_tokens(it.question), answer_tokens(g))]
            gold_ok += [f"{it.id}: {t!r} scores correct" for t in sources if is_correct(it, t, False)]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k = q["kind"]
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                if last.startswith("binaries#"):
                    x = reg[last.split("#")[1]]
                    oth = reg_values(x) | {str(reg[o][c]) for o in by[x["source"]]["binaries"] for c in
                                           ("installed_size_kib", "section", "multi_arch", "priority")}
                else:
                    oth = others_of(pid[last], recs)
                allowed = allowed_values(pid[last], k) if k in SINGLE else set()
                gold_ok += [f"{it.id}: the other value {x!r} scores correct"
                            for x in sorted(confusable(it.answers, oth | cat_vals, allowed))
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k.startswith("hop-"):
                first = it.evidence[0]
                own = hop_own(pid[first] if first in pid else None, q["field"], first) + [q["ref"]]
                gold_ok += [f"{it.id}: the first document's {g!r} scores correct" for g in own
                            if answer_tokens(g) not in golds_tok and is_correct(it, g, False)]
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
                         if answer_tokens(o) not in golds_tok and is_correct(it, o, False)]
    results += [("ids c28-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two on chains), "
                 "options where due", idb),
                ("every gold occurs in its last evidence document as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's (row's) other numbers and texts, the "
                 "catalogue's names, versions, signers, dates, suites and counts and (chains) the first document's "
                 "name and values score wrong", gold_ok),
                (f"wrong options, hedges and every other source and binary package name score wrong (reverse, "
                 f"filter: all {len(every)}); filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    toks = {k: answer_tokens(v) for k, v in pages.items()}
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                r = pid[q["evidence"][0]]
                if not SINGLE[k][2](r) or SINGLE[k][1](r) != q["answers"] or q["question"] != single_question(r, k):
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k in REG:
                x = reg[q["binary"]]
                if q["evidence"] != [f"binaries#{q['binary']}"] or REG[k][1](x) != q["answers"] or \
                        q["question"] != REG[k][0][0].format(b=q["binary"]):
                    fct.append(f"{q['id']}: register gold differs from the snapshot")
            elif k.startswith("hop-"):
                via, t = k[4:], by[q["target"]]
                ok = q["evidence"][-1] == t["id"] and q["ref"] in q["question"]
                if via == "signer":
                    a = by[q["via"]]
                    ok = ok and spk[a["signer"]] == sorted([a["source"], t["source"]], key=READ.index) or \
                        ok and sorted(spk[a["signer"]]) == sorted([a["source"], t["source"]])
                    ok = ok and hop_golds(t, q["field"]) == q["answers"] and q["evidence"][0] == a["id"]
                elif via == "built":
                    a = by[q["via"]]
                    e = built_entry(a, by)
                    ok = ok and built_using_target(a) == t["source"] and e is not None and \
                        built_golds(e, q["field"]) == q["answers"] and q["evidence"][0] == a["id"]
                else:
                    x = reg[q["via"]]
                    ok = ok and x["source"] == t["source"] and x["summary"] == q["ref"] and \
                        unique_summary(snap, x) and hop_golds(t, q["field"]) == q["answers"] and \
                        q["evidence"][0] == f"binaries#{q['via']}"
                if not ok:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                v = q["value"]
                if k == "rev-summary":
                    b = q["evidence"][0].split("#")[1]
                    ok = reg[b]["summary"] == v and unique_summary(snap, reg[b]) and q["answers"] == [b]
                else:
                    r = pid[q["evidence"][0]]
                    ok = v in rev_cues(r, k, toks) and q["answers"] == ident(r)
                if not ok or v not in q["question"]:
                    fct.append(f"{q['id']}: the cue does not single out its answer")
            elif q["type"] == "comparison":
                _, fn, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = fn(by[a]), fn(by[b])
                win = a if pick(fa, fb) == fa else b
                if fa == fb or q["target"] != win or q["options"] != [a, b] or q["answers"] != [win]:
                    fct.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x["source"] for x in recs if all(cond[c][0](x) == v for c, v in q["where"].items())]
                each = [sum(cond[c][0](x) == v for x in recs) for c, v in q["where"].items()]
                if hit != q["candidates"] or q["answers"] != ident(by[hit[0]]) or min(each) < 2:
                    fct.append(f"{q['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = q["where"].items()
                if [x for x in q["candidates"] if cond[c][0](by[x]) == v] != q["answers"] or \
                        q["options"] != q["candidates"]:
                    fct.append(f"{q['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, chains, unique cues, winners, filters)", fct))
    # 6. split separation, unanswerables

    def pages_of(s):
        out = set()
        for q in rows_[s]:
            for e in q["evidence"]:
                out.add(pid[e]["source"] if e in pid else reg[e.split("#")[1]]["source"])
            out |= set(q.get("candidates", []))
            out |= {q[k] for k in ("target", "via", "package") if q.get(k) in by}
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows_ for p in pages_of(s) if sp[p] != s]
    sep += [f"{r['source']} ({sp[r['source']]}) is tied to {x} ({sp[x]})" for r in recs for x in links(r, recs)
            if sp[x] != sp[r["source"]]]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("package") for q in rows_[s] if q["kind"] == "absent-package"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent package {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                asked[(q["evidence"][0], k)] += 1
            if k in REG:
                asked[(reg[q["binary"]]["source"], "register")] += 1
            if k.startswith("hop-"):
                asked[(q["target"], "hop-" + q["field"])] += 1
                asked[("start", q["via"])] += 1
                asked[("end", q["target"])] += 1
            if q["type"] == "reverse":
                asked[(q["evidence"][0], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group (a shared signer, a rebuild naming "
                    "another catalogued source): no link crosses the splits, no question uses a page or row of the "
                    "other split, no page asked about in both splits, a fact asked once per split, no absent "
                    "package in both, no question repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_sources():
        for pat in absent_patterns(m, snap):
            hits = [p for p, t in texts.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("package")
            if q["kind"] == "absent-package" and (m not in ABSENT[s] or m not in q["question"]):
                un.append(f"{q['id']}: absent package")
            if q["kind"] == "absent-field" and (q["field"] not in ABSENT_FIELDS or m not in by
                                                or q["ref"] not in q["question"] or q["ref"] not in refs(by[m])):
                un.append(f"{q['id']}: absent field")
            pat, made_up = unanswerable_pattern(q, snap)
            if not re.search(pat, made_up, re.I):
                un.append(f"{q['id']}: the pattern misses its own made-up answer")
            hits = [p for p, t in texts.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"{q['id']}: pattern {pat!r} matches {hits[:3]}")
    for f, (_, pat, made_up) in ABSENT_FIELDS.items():
        if not re.search(pat, made_up, re.I) or any(re.search(pat, t, re.I) for t in texts.values()):
            un.append(f"ABSENT_FIELDS {f}: pattern dead or on a page")
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out packages: "
                    "name, binary packages, latest version, bug numbers and CVE ids on no page or row)", un))
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
