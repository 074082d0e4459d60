"""Build the catalog34 evaluation corpus: Debian architectures (this machine's dpkg architecture tables).

    PYTHONPATH=src python scripts/build_catalog34.py snapshot [--force]  # dpkg's tables -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog34.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog34.py check               # loader + scorer + fact checks, no model

`snapshot` reads dpkg's four architecture tables in /usr/share/dpkg (`cputable`: Debian cpu name, GNU cpu name,
the regular expression that recognises the GNU name, bits, endianness; `ostable`: the Debian system tuple
ABI-libc-os, the GNU system name and its regular expression; `tupletable`: the ABI-libc-os-cpu tuple of each Debian
architecture name, by rows of their own or by `<cpu>` pattern rows; `abitable`: the ABIs that fix the word size),
every row with its line number, then lists the architecture names with `dpkg-architecture -L` and asks
`dpkg-architecture -a <name>` for each of them (DEB_HOST_ARCH_ABI, _BITS, _CPU, _ENDIAN, _LIBC, _OS,
DEB_HOST_GNU_CPU, _GNU_SYSTEM, _GNU_TYPE, DEB_HOST_MULTIARCH). Written to `evalsets/catalog34/snapshot.json`
(committed; `snapshot` refuses to overwrite it without --force) with the dpkg version, for information: another dpkg
knows other architectures and other names, so the committed snapshot is the source.

`build` renders one markdown page per catalogued architecture, `<family>/<architecture>.md` (folders by operating
system: `linux-gnu/`, `linux-musl/`, `kfreebsd/`, `hurd/`, `darwin/`, ...), titled `# <architecture> — <system> on
<cpu>`, with YAML front matter and a body in one of three layouts dealt in turn in the order of
sha256("catalog34:layout<architecture>") within each split: `sheet` (a `| Field | Value |` table), `card` (headed
sections of `- Label: value` bullets) or `prose` (paragraphs, wording varied per page). A page names its cpu and
points to the cpu register for the word size and byte order; it states a word size itself only where its ABI fixes
one (abitable: x32, abin32). It also writes `cpus.csv`, the cpu register (one row per cputable cpu: GNU name, regex,
bits, endianness, how many of dpkg's names and which catalogued architectures use it), and generates dev.jsonl and
test.jsonl from the snapshot (seeded, SEED), then writes test.jsonl.sha256. It refuses to overwrite corpus/ or the
question files without --force.

The hand-written parts: the family folder of each catalogued architecture and the left-out ones (`FAMILY`,
`ABSENT`), the words that gloss a folder, an ABI and a C library (`FOLDER_WORDS`, `ABI_WORDS`, `LIBC_WORDS`), the
questions about left-out architectures (`ABSENT_QUESTIONS`) and the fields no page records (`ABSENT_FIELDS`).

`check` renders the snapshot and the questions again and compares them with the committed files, rebuilds dpkg's
mapping from the tables in the snapshot and compares it with what dpkg-architecture said, recomputes every record,
loads the corpus with ragtune's loader, reads both splits with `load_qa`, and checks every item (evidence, gold in
evidence text and tokens, scoring verdicts, facts against the snapshot, split separation, unanswerables absent by
pattern, the sha256, the type mix). It runs no dpkg-architecture and reads no table of this machine, so a fresh clone
elsewhere checks the committed snapshot alone.
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
OUT = ROOT / "evalsets" / "catalog34"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
DPKG = Path("/usr/share/dpkg")
TABLES = ("cputable", "ostable", "tupletable", "abitable")
SEED = 34
PREFIX = "c34"

# The catalogued architectures, by family folder (written by hand: a spread of cpus, systems and ABIs).
FAMILY = {
    "linux-gnu": ["amd64", "i386", "x32", "arm64", "armhf", "armel", "arm", "armeb", "alpha", "arc", "avr32", "hppa",
                  "ia64", "loong64", "m32r", "m68k", "mips", "mipsel", "mipsr6", "mipsr6el", "mips64", "mips64el",
                  "mips64r6", "mips64r6el", "mipsn32", "mipsn32el", "mipsn32r6", "nios2", "or1k", "powerpc",
                  "powerpcel", "ppc64", "ppc64el", "riscv64", "s390", "s390x", "sh3", "sh3eb", "sh4", "sh4eb",
                  "sparc", "sparc64", "tilegx"],
    "linux-musl": ["musl-linux-amd64", "musl-linux-i386", "musl-linux-arm64", "musl-linux-armhf", "musl-linux-mips",
                   "musl-linux-mips64el", "musl-linux-ppc64el", "musl-linux-riscv64", "musl-linux-s390x"],
    "linux-uclibc": ["uclibc-linux-arm", "uclibc-linux-i386", "uclibc-linux-mipsel", "uclibc-linux-sh4"],
    "uclinux": ["uclinux-armel", "uclinux-m68k", "uclinux-i386"],
    "kfreebsd": ["kfreebsd-amd64", "kfreebsd-armhf", "kfreebsd-mipsel", "kfreebsd-powerpc"],
    "knetbsd": ["knetbsd-i386", "knetbsd-amd64"],
    "kopensolaris": ["kopensolaris-i386", "kopensolaris-amd64", "kopensolaris-sparc"],
    "hurd": ["hurd-i386"],
    "freebsd": ["freebsd-amd64", "freebsd-i386", "freebsd-arm64"],
    "netbsd": ["netbsd-amd64", "netbsd-i386", "netbsd-alpha", "netbsd-m68k", "netbsd-sparc64"],
    "openbsd": ["openbsd-amd64", "openbsd-i386"],
    "dragonflybsd": ["dragonflybsd-amd64"],
    "darwin": ["darwin-amd64", "darwin-arm64", "darwin-i386", "darwin-powerpc"],
    "solaris": ["solaris-amd64", "solaris-i386", "solaris-sparc", "solaris-sparc64"],
    "aix": ["aix-powerpc", "aix-ppc64"],
    "mint": ["mint-m68k"],
}  # fmt: skip
FOLDER_WORDS = {
    "linux-gnu": "GNU/Linux, the Linux kernel with the GNU C library",
    "linux-musl": "Linux with the musl C library",
    "linux-uclibc": "Linux with uClibc",
    "uclinux": "uClinux, Linux for processors without a memory management unit, with uClibc",
    "kfreebsd": "GNU/kFreeBSD, a GNU userland on the FreeBSD kernel",
    "knetbsd": "GNU/kNetBSD, a GNU userland on the NetBSD kernel",
    "kopensolaris": "GNU/kOpenSolaris, a GNU userland on the OpenSolaris kernel",
    "hurd": "GNU/Hurd, the GNU system on the Mach microkernel",
    "freebsd": "FreeBSD", "netbsd": "NetBSD", "openbsd": "OpenBSD", "dragonflybsd": "DragonFly BSD",
    "darwin": "Darwin, the core of Apple's macOS",
    "solaris": "Solaris, a System V Unix", "aix": "IBM AIX, a System V Unix",
    "mint": "FreeMiNT on Atari TOS machines",
}  # fmt: skip
SYSTEM_TITLE = {"linux-gnu": "GNU/Linux", "linux-musl": "Linux with musl", "linux-uclibc": "Linux with uClibc",
                "uclinux": "uClinux", "kfreebsd": "GNU/kFreeBSD", "knetbsd": "GNU/kNetBSD",
                "kopensolaris": "GNU/kOpenSolaris", "hurd": "GNU/Hurd", "freebsd": "FreeBSD", "netbsd": "NetBSD",
                "openbsd": "OpenBSD", "dragonflybsd": "DragonFly BSD", "darwin": "Darwin", "solaris": "Solaris",
                "aix": "AIX", "mint": "FreeMiNT"}  # fmt: skip
ABI_WORDS = {"base": "the cpu's default ABI", "eabi": "the ARM EABI, soft-float calling convention",
             "eabihf": "the ARM EABI, hard-float calling convention", "abi64": "the MIPS n64 ABI",
             "abin32": "the MIPS n32 ABI: 64-bit registers, 32-bit pointers",
             "x32": "the x32 ABI: amd64 instructions, 32-bit pointers"}  # fmt: skip
LIBC_WORDS = {"gnu": "the GNU C Library, glibc", "musl": "the musl C library",
              "uclibc": "uClibc, a C library for small and embedded Linux systems",
              "bsd": "the BSD system's own C library", "sysv": "the System V system's own C library",
              "tos": "the MiNT C library"}  # fmt: skip

# Read but left out: no page, no register row and no page line names them, and neither their name, their tuple,
# their GNU type, their multiarch triplet nor (where it is theirs alone) their GNU system is in any corpus file.
ABSENT = {"dev": ["powerpcspe", "hurd-amd64", "mipsn32r6el"], "test": ["arm64ilp32", "kfreebsd-i386",
                                                                       "uclibc-linux-armel"]}  # fmt: skip
ABSENT_QUESTIONS = {
    "powerpcspe": ["What GNU type does dpkg give the Debian architecture powerpcspe?",
                   "Which ABI does dpkg record for powerpcspe?"],
    "hurd-amd64": ["What is the multiarch triplet of the hurd-amd64 architecture?"],
    "mipsn32r6el": ["Which dpkg tuple does the architecture mipsn32r6el stand for?"],
    "arm64ilp32": ["What GNU type does dpkg give arm64ilp32?",
                   "On which line of dpkg's tupletable is the row that maps arm64ilp32?"],
    "kfreebsd-i386": ["What multiarch triplet does kfreebsd-i386 use?",
                      "What is the GNU type of the Debian architecture kfreebsd-i386?"],
    "uclibc-linux-armel": ["Which dpkg tuple does uclibc-linux-armel stand for?",
                           "What GNU system part (DEB_HOST_GNU_SYSTEM) does dpkg give uclibc-linux-armel?"],
}  # fmt: skip

# What these pages never state about an architecture: (question, a pattern no corpus file may match, a made-up
# answer that the pattern must match, so that the pattern is not a dead one, the folders it is asked of (None: all)).
ABSENT_FIELDS = {
    "year": ("In which year was the Debian port {n} first released?",
             r"\b(?:released|introduced|first appeared|launched)\b|\b(?:in|since) (?:19|20)\d\d\b",
             "It was first released in 2009.", None),
    "packages": ("How many packages does the Debian archive build for {n}?",
                 r"\bpackages?\b|\bsource package", "About 31,000 packages are built for it.", None),
    "release": ("In which Debian release did {n} become an official release architecture?",
                r"\bofficial\b|\brelease architecture|\b(?:woody|sarge|etch|lenny|squeeze|wheezy|jessie|stretch|"
                r"buster|bullseye|bookworm|trixie)\b", "It became official in Debian 6.0 squeeze.", None),
    "porters": ("Which mailing list do the porters of {n} use?",
                r"\bmailing list\b|@lists\.debian\.org|\bdebian-[a-z0-9-]+@|\bporters?\b",
                "debian-hurd@lists.debian.org", None),
    "elf": ("What ELF machine number (e_machine) do {n} binaries carry?", r"\bELF\b|\be_machine\b|\bEM_[A-Z0-9_]+",
            "EM_X86_64, 62", None),
    "pagesize": ("What memory page size does {n} use?",
                 r"\bpage size\b|\b\d+ ?KiB\b|\bkilobytes?\b|\bhuge ?pages?\b", "It uses 4 KiB pages.", None),
    "compiler": ("Which GCC version is the default compiler for {n}?", r"\bgcc\b|\bcompiler\b|\bclang\b",
                 "gcc-12 is its default compiler.", None),
    "baseline": ("What minimum instruction-set baseline does Debian assume for {n}?",
                 r"\bbaseline\b|-march\b|\bmarch=|\bISA level\b|\binstruction set\b", "The baseline is -march=armv7-a.",
                 None),
    "kernel": ("Which kernel version does {n} ship with?",
               r"\bkernel (?:version|\d)|\b(?:Linux|kernel|Hurd|kFreeBSD) \d+\.\d+", "It ships Linux 6.1.", None),
    "bootloader": ("Which boot loader does the Debian installer set up on {n}?",
                   r"\bboot ?loader\b|\bgrub\b|\bu-boot\b|\bsilo\b|\bpalo\b|\byaboot\b|\belilo\b",
                   "The installer sets up GRUB.", None),
    "buildd": ("How many build daemons (buildds) build for {n}?",
               r"\bbuildds?\b|\bbuild daemons?\b|\bautobuilders?\b", "Four buildds build for it.", None),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 3}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 3}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-architecture items; the rest ask absent fields
REG_PER_SPLIT = {"dev": 2, "test": 3}  # single-hop questions about a register row
DEV_EVERY = (0, 3, 5)  # within folders, pages at these places of every 8 (in hash order) go to dev
LAYOUTS = ("sheet", "card", "prose")

# ------------------------------------------------------------------ reading dpkg (snapshot only)


def read_table(text: str) -> list[list]:
    """The rows of a dpkg table: [line number, field, field, ...] (comment and blank lines skipped)."""
    out = []
    for i, ln in enumerate(text.split("\n"), 1):
        if ln.strip() and not ln.startswith("#"):
            out.append([i] + ln.split())
    return out


HOST = ["ARCH", "ARCH_ABI", "ARCH_BITS", "ARCH_CPU", "ARCH_ENDIAN", "ARCH_LIBC", "ARCH_OS", "GNU_CPU", "GNU_SYSTEM",
        "GNU_TYPE", "MULTIARCH"]  # fmt: skip


def scan() -> dict:
    import subprocess

    def run(*args: str) -> str:
        return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout

    tables = {t: read_table((DPKG / t).read_text(encoding="utf-8")) for t in TABLES}
    names = run("dpkg-architecture", "-L").split()
    archs = {}
    for n in names:
        kv = dict(ln.split("=", 1) for ln in run("dpkg-architecture", "-a", n).splitlines() if "=" in ln)
        archs[n] = {k: kv[f"DEB_HOST_{k}"] for k in HOST}
        if archs[n]["ARCH"] != n:
            sys.exit(f"dpkg-architecture -a {n} says DEB_HOST_ARCH={archs[n]['ARCH']}")
        del archs[n]["ARCH"]
    ver = run("dpkg-query", "-W", "-f=${Version}", "dpkg").strip()
    return {"source": "this machine's dpkg: the tables in /usr/share/dpkg, dpkg-architecture -L and -a <name>",
            "dpkg": ver, "directory": str(DPKG),
            "table_sha256": {t: hashlib.sha256((DPKG / t).read_bytes()).hexdigest() for t in TABLES},
            "tables": tables, "list": names, "archs": archs}


def snapshot_text(snap: dict) -> str:
    """JSON with one table row or one architecture a line."""
    parts = []
    for k, v in snap.items():
        if k == "tables":
            body = ",\n".join(f'  {json.dumps(t)}: [\n' + ",\n".join(f"   {json.dumps(r)}" for r in rows) + "\n  ]"
                              for t, rows in v.items())
            parts.append(f' "tables": {{\n{body}\n }}')
        elif k == "archs":
            body = ",\n".join(f"  {json.dumps(n)}: {json.dumps(x)}" for n, x in v.items())
            parts.append(f' "archs": {{\n{body}\n }}')
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's dpkg tables again")
    snap = scan()
    missing = [k for k in read_names() if k not in snap["archs"]]
    if missing:
        sys.exit(f"not known to this machine's dpkg: {missing}")
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"dpkg {snap['dpkg']}: {len(snap['archs'])} architecture names; "
          + ", ".join(f"{t} {len(r)} rows" for t, r in snap["tables"].items()))


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ dpkg's mapping, rebuilt from the tables


def cpu_rows(snap: dict) -> dict[str, list]:
    """Debian cpu -> [line, debian, gnu, regex, bits, endian], in cputable order."""
    return {r[1]: r for r in snap["tables"]["cputable"]}


def os_rows(snap: dict) -> dict[str, list]:
    """Debian system tuple (abi-libc-os) -> [line, tuple, gnu system, regex], in ostable order."""
    return {r[1]: r for r in snap["tables"]["ostable"]}


def abi_rows(snap: dict) -> dict[str, list]:
    return {r[1]: r for r in snap["tables"]["abitable"]}


_MAP: dict = {}


def tuple_map(snap: dict) -> dict[str, tuple[str, list]]:
    """Architecture name -> (its tuple, the tupletable row that maps it), expanded as dpkg expands it: rows in file
    order, a `<cpu>` row once for every cputable cpu, a name or tuple already mapped keeping its first row."""
    if _MAP.get("key") != id(snap):
        a2t, t2a = {}, {}
        for row in snap["tables"]["tupletable"]:
            _, dt, da = row
            if "<cpu>" in dt:
                for cpu in cpu_rows(snap):
                    t, a = dt.replace("<cpu>", cpu), da.replace("<cpu>", cpu)
                    if a in a2t or t in t2a:
                        continue
                    a2t[a], t2a[t] = (t, row), a
            else:
                a2t[da], t2a[dt] = (dt, row), da
        _MAP.update(key=id(snap), value=a2t, rev=t2a)
    return _MAP["value"]


def valid_list(snap: dict) -> list[str]:
    """dpkg-architecture -L, rebuilt: every ostable system with every cputable cpu that tupletable maps."""
    tuple_map(snap)
    t2a = _MAP["rev"]
    return [t2a[f"{o}-{c}"] for o in os_rows(snap) for c in cpu_rows(snap) if f"{o}-{c}" in t2a]


def multiarch_of(gnu_type: str) -> str:
    return re.sub(r"^i[3-6]86-", "i386-", gnu_type)


def derived(snap: dict, n: str) -> dict:
    """What dpkg-architecture -a says of n, worked out from the tables alone."""
    t, _ = tuple_map(snap)[n]
    abi, libc, os_, cpu = t.split("-", 3)
    c = cpu_rows(snap)[cpu]
    o = os_rows(snap)[f"{abi}-{libc}-{os_}"]
    ab = abi_rows(snap).get(abi)
    gt = f"{c[2]}-{o[2]}"
    return {"ARCH_ABI": abi, "ARCH_BITS": ab[2] if ab else c[4], "ARCH_CPU": cpu, "ARCH_ENDIAN": c[5],
            "ARCH_LIBC": libc, "ARCH_OS": os_, "GNU_CPU": c[2], "GNU_SYSTEM": o[2], "GNU_TYPE": gt,
            "MULTIARCH": multiarch_of(gt)}  # fmt: skip


# ------------------------------------------------------------------ records


def catalogued() -> list[str]:
    return [n for ns in FAMILY.values() for n in ns]


def absent_archs() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def read_names() -> list[str]:
    return catalogued() + absent_archs()


def cat_set() -> set[str]:
    return set(catalogued())


def folder_of(n: str) -> str:
    return next(f for f, ns in FAMILY.items() if n in ns)


def make_record(n: str, snap: dict) -> dict:
    a = snap["archs"][n]
    t, row = tuple_map(snap)[n]
    abi, libc, os_, cpu = t.split("-", 3)
    o = os_rows(snap)[f"{abi}-{libc}-{os_}"]
    c = cpu_rows(snap)[cpu]
    ab = abi_rows(snap).get(abi)
    folder = folder_of(n) if n in cat_set() else None
    return {"key": n, "id": f"{folder}/{n}" if folder else None, "folder": folder, "tuple": t,
            "abi": a["ARCH_ABI"], "libc": a["ARCH_LIBC"], "os": a["ARCH_OS"], "cpu": a["ARCH_CPU"],
            "gnu_cpu": a["GNU_CPU"], "gnu_system": a["GNU_SYSTEM"], "gnu_type": a["GNU_TYPE"],
            "multiarch": a["MULTIARCH"], "bits": int(a["ARCH_BITS"]), "endian": a["ARCH_ENDIAN"],
            "abi_bits": bool(ab), "ab_line": ab[0] if ab else None, "cpu_bits": int(c[4]),
            "tt_line": row[0], "tt_tuple": row[1], "tt_arch": row[2], "tt_own": "<cpu>" not in row[1],
            "os_line": o[0], "os_tuple": o[1], "os_regex": o[3], "cpu_line": c[0]}  # fmt: skip


_RECS: dict = {}


def records(snap: dict) -> list[dict]:
    if _RECS.get("key") != id(snap):
        all_ = {n: make_record(n, snap) for n in snap["archs"]}
        _RECS.update(key=id(snap), value=[all_[n] for n in catalogued()], all=all_)
    return _RECS["value"]


def all_records(snap: dict) -> dict[str, dict]:
    records(snap)
    return _RECS["all"]


def other_names(snap: dict, n: str) -> list[str]:
    """Every name a reader might give instead of n: the other architecture names dpkg knows, their GNU types and
    multiarch triplets, and the Debian and GNU cpu names."""
    out = set()
    for m, x in snap["archs"].items():
        out |= {m, x["GNU_TYPE"], x["MULTIARCH"], x["ARCH_CPU"], x["GNU_CPU"]}
    return sorted(out - {n})


# ------------------------------------------------------------------ the cpu register


REG_COLUMNS = ["id", "title", "cpu", "gnu_cpu", "gnu_cpu_regex", "bits", "endianness", "cputable_line", "dpkg_names",
               "catalogued_count", "catalogued"]  # fmt: skip


def register_rows(snap: dict) -> list[dict]:
    recs = records(snap)
    out = []
    for cpu, (line, _, gnu, regex, bits, endian) in cpu_rows(snap).items():
        mine = sorted((r["key"] for r in recs if r["cpu"] == cpu), key=lambda x: (len(x.split("-")), x))
        out.append({"id": cpu, "title": f"Debian cpu {cpu} (GNU name {gnu})", "cpu": cpu, "gnu_cpu": gnu,
                    "gnu_cpu_regex": regex, "bits": int(bits), "endianness": endian, "cputable_line": line,
                    "dpkg_names": sum(x["ARCH_CPU"] == cpu for x in snap["archs"].values()),
                    "catalogued_count": len(mine), "catalogued": ", ".join(mine) if mine else "none"})
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
    return [] if row["catalogued"] == "none" else row["catalogued"].split(", ")


def row_id(cpu: str) -> str:
    return f"cpus#{cpu}"


# ------------------------------------------------------------------ splits and layouts


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog34:{salt}{key}".encode()).hexdigest(), 16)


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by architecture: within each folder, in the order of sha256("catalog34:<architecture>"), the pages at
    places 0, 3 and 5 of every 8 (counted across folders, so that small folders share out) go to dev."""
    out, i = {}, 0
    for f in FAMILY:
        for n in sorted((r["key"] for r in recs if r["folder"] == f), key=_h):
            out[n] = "dev" if i % 8 in DEV_EVERY else "test"
            i += 1
    return out


def split_rows(snap: dict, sp: dict[str, str]) -> dict[str, str]:
    """Keyed by cpu: the split of the architectures that use it where they are all of one split, else by the turn
    of sha256("catalog34:row<cpu>") (two of five to dev)."""
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


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def page_of(n: str) -> str:
    return f"{folder_of(n)}/{n}"


def title(r: dict) -> str:
    return f"{r['key']} — {SYSTEM_TITLE[r['folder']]} on {r['cpu']}"


def folder_text(r: dict) -> str:
    return f"{r['folder']}/ ({FOLDER_WORDS[r['folder']]})"


def abi_text(r: dict) -> str:
    return f"{r['abi']} ({ABI_WORDS[r['abi']]})"


def libc_text(r: dict) -> str:
    return f"{r['libc']} ({LIBC_WORDS[r['libc']]})"


def cpu_text(r: dict) -> str:
    return f"{r['cpu']} (its row in cpus.csv: {row_id(r['cpu'])})"


def tt_text(r: dict) -> str:
    if r["tt_own"]:
        return f"line {r['tt_line']}: {r['tt_tuple']} → {r['tt_arch']} (a row of its own)"
    return f"line {r['tt_line']}: {r['tt_tuple']} → {r['tt_arch']} (a pattern row, with {r['cpu']} for <cpu>)"


def os_text(r: dict) -> str:
    return f"line {r['os_line']}: {r['os_tuple']} → {r['gnu_system']}, recognised by the regex {r['os_regex']}"


def multiarch_text(r: dict) -> str:
    if r["multiarch"] == r["gnu_type"]:
        return f"{r['multiarch']} (the same string as the GNU type)"
    return f"{r['multiarch']} (not the GNU type: the multiarch triplet writes the cpu part as i386)"


def bits_text(r: dict) -> str:
    if r["abi_bits"]:
        return f"{r['bits']} bits, fixed by the {r['abi']} ABI (abitable line {r['ab_line']}), not by the cpu"
    return f"as the cpu {r['cpu']} (cpus.csv)"


def order_text(r: dict) -> str:
    return f"as the cpu {r['cpu']} (cpus.csv)"


def rows(r: dict) -> list[tuple[str, str, str]]:
    """(section, label, value) of every line a sheet or card shows."""
    S = "Identification"
    out = [(S, "Architecture", r["key"]), (S, "Family", folder_text(r)),
           (S, "dpkg tuple (ABI-libc-os-cpu)", r["tuple"]), (S, "ABI (DEB_HOST_ARCH_ABI)", abi_text(r)),
           (S, "C library (DEB_HOST_ARCH_LIBC)", libc_text(r)), (S, "Operating system (DEB_HOST_ARCH_OS)", r["os"]),
           (S, "CPU (DEB_HOST_ARCH_CPU)", cpu_text(r))]
    S = "GNU names"
    out += [(S, "GNU system (DEB_HOST_GNU_SYSTEM)", r["gnu_system"]), (S, "GNU type (DEB_HOST_GNU_TYPE)", r["gnu_type"]),
            (S, "Multiarch triplet (DEB_HOST_MULTIARCH)", multiarch_text(r))]
    S = "dpkg tables"
    out += [(S, "tupletable", tt_text(r)), (S, "ostable", os_text(r))]
    S = "Word size and byte order"
    out += [(S, "Word size (DEB_HOST_ARCH_BITS)", bits_text(r)), (S, "Byte order (DEB_HOST_ARCH_ENDIAN)", order_text(r))]
    return out


def front(r: dict) -> dict:
    fm = {"architecture": r["key"], "family": r["folder"], "tuple": r["tuple"], "abi": r["abi"], "libc": r["libc"],
          "os": r["os"], "cpu": r["cpu"], "gnu_system": r["gnu_system"], "gnu_type": r["gnu_type"],
          "multiarch": r["multiarch"], "tupletable_line": r["tt_line"],
          "tupletable_row": "own" if r["tt_own"] else "pattern", "ostable_line": r["os_line"]}  # fmt: skip
    if r["abi_bits"]:
        fm["bits"] = r["bits"]
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def source_line(r: dict, snap: dict) -> str:
    return (f"Source: dpkg-architecture -a {r['key']} and the tables in {snap['directory']} (dpkg {snap['dpkg']}); "
            f"word size and byte order are kept per cpu in cpus.csv, except where an ABI fixes the word size.")


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
    n, t, cpu = r["key"], r["tuple"], r["cpu"]
    p1 = [(f"{n} is the architecture name dpkg gives the tuple {t}.",
           f"dpkg spells the tuple {t} as {n}.",
           f"Behind the architecture name {n} lies the dpkg tuple {t}.")[w % 3]]
    abi = f"the ABI {r['abi']} ({ABI_WORDS[r['abi']]})"
    libc = f"the C library {r['libc']} ({LIBC_WORDS[r['libc']]})"
    p1.append((f"Read part by part, that is {abi}, {libc}, the operating system {r['os']} and the cpu {cpu}.",
               f"Its parts: {abi}; {libc}; the operating system {r['os']}; and the cpu {cpu}, whose row in cpus.csv "
               f"is {row_id(cpu)}.")[(w >> 2) % 2])
    p1.append(f"This catalogue files it under {folder_text(r)}.")
    p2 = [(f"To the GNU toolchain it is {r['gnu_type']}: the cpu's GNU name followed by the GNU system "
           f"{r['gnu_system']}.",
           f"Its GNU type is {r['gnu_type']}, and the GNU system part of that is {r['gnu_system']}.")[(w >> 3) % 2]]
    if r["multiarch"] == r["gnu_type"]:
        p2.append((f"The multiarch triplet is the same string, {r['multiarch']}.",
                   f"Its multiarch triplet, {r['multiarch']}, does not differ from it.")[(w >> 4) % 2])
    else:
        p2.append(f"The multiarch triplet, though, is {r['multiarch']}: there the cpu part is written i386, not as in "
                  f"the GNU type.")
    if r["tt_own"]:
        p3 = [f"dpkg maps it on line {r['tt_line']} of tupletable, in a row of its own ({r['tt_tuple']} → "
              f"{r['tt_arch']})."]
    else:
        p3 = [f"dpkg maps it on line {r['tt_line']} of tupletable through the pattern row {r['tt_tuple']} → "
              f"{r['tt_arch']}, with {cpu} for <cpu>."]
    p3.append((f"Line {r['os_line']} of ostable turns {r['os_tuple']} into {r['gnu_system']}, and dpkg recognises "
               f"that system in a GNU triplet by the regex {r['os_regex']}.",
               f"For the system part, ostable line {r['os_line']} gives {r['os_tuple']} → {r['gnu_system']}, "
               f"recognised by the regex {r['os_regex']}.")[(w >> 5) % 2])
    if r["abi_bits"]:
        p4 = [f"Its word size is fixed by its ABI, not by the cpu: line {r['ab_line']} of abitable gives the "
              f"{r['abi']} ABI {r['bits']} bits.",
              f"Its byte order is that of the cpu {cpu} (cpus.csv, row {row_id(cpu)})."]
    else:
        p4 = [(f"Word size and byte order are not repeated here: they are those of the cpu {cpu}, whose row in "
               f"cpus.csv ({row_id(cpu)}) gives them.",
               f"For its word size and byte order, look up the cpu {cpu} in cpus.csv ({row_id(cpu)}).")[(w >> 6) % 2]]
    return "\n\n".join(" ".join(p) for p in (p1, p2, p3, p4)) + "\n"


def render(r: dict, snap: dict) -> str:
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    body = {"sheet": _sheet, "card": _card, "prose": _prose}[layout(r)](r)
    return head + body + "\n" + source_line(r, snap) + "\n"


def page_path(r: dict) -> str:
    return f"{r['id']}.md"


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    assign_layouts(recs)
    out = {page_path(r): render(r, snap) for r in recs}
    out["cpus.csv"] = register_csv(register_rows(snap))
    return out


# ------------------------------------------------------------------ scoring helpers


_TOK: dict[str, tuple] = {}


def _atok(s: str) -> list[str]:
    if s not in _TOK:
        if str(ROOT / "src") not in sys.path:
            sys.path.insert(0, str(ROOT / "src"))
        from ragtune.eval.tokens import answer_tokens

        _TOK[s] = tuple(answer_tokens(s))
    return list(_TOK[s])


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def _item(question: str, answers: list[str], typ: str, options: list[str] | None = None):
    from ragtune.eval.qa import QAItem

    return QAItem(id="x", question=question, answers=answers, type=typ, options=options)


def _ok(question: str, answers: list[str], typ: str, text: str, options: list[str] | None = None) -> bool:
    from ragtune.eval.metrics import is_correct

    return is_correct(_item(question, answers, typ, options), text, False)


def _may_pass(text: str, golds: list[str]) -> bool:
    """Can text score correct at all? (a gold's tokens must be a run of its tokens: is_correct needs that)."""
    tt = _atok(text)
    return any(_contains(tt, _atok(g)) for g in golds)


CITES = ["It is in /usr/share/dpkg.", "See the dpkg-architecture(1) manual page.", "The catalogue page says so.",
         "It is one of Debian's architectures.", "Run dpkg-architecture to find out."]  # fmt: skip


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
    """Do all other names score wrong? (only names whose tokens hold a gold's can pass, so only those are tried)"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt and _may_pass(o, golds))


def others_safe(question: str, golds: list[str], others: set[str], typ: str = "single_hop") -> bool:
    return names_safe(question, golds, sorted(others), typ)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


_IDENT: dict = {}


def ident(n: str, snap: dict) -> list[str] | None:
    """How an answer names an architecture: its name, where no other name a reader might give would pass for it
    (`musl-linux-amd64` holds the tokens of `amd64`, so amd64 is never a named answer); None where it is not safe."""
    key = (id(snap), n)
    if key not in _IDENT:
        _IDENT[key] = [n] if _atok(n) and names_safe("Which Debian architecture is it?", [n], other_names(snap, n)) \
            else None
    return _IDENT[key]


def answer_names(n: str, snap: dict, q: str) -> list[str] | None:
    g = ident(n, snap)
    return None if not g or in_question(q, n) else g


def cap(q: str) -> str:
    return q[0].upper() + q[1:] if q[:1].islower() and not re.match(r"[a-z0-9]+-|[a-z]+\d", q) else q


def is_num(s: str) -> bool:
    return bool(_atok(s)) and all(t.isdigit() for t in _atok(s))


# ------------------------------------------------------------------ what a page states, field by field


# fields whose value is built from the parts of an architecture (its name, title, tuple, GNU names, folder words,
# table rows): they hold its ABI, C library, system or cpu by construction
COMPOSITE = ("name", "tuple", "gnu_type", "multiarch", "folder", "tt_row", "os_row")
COMPONENT = {"abi": "abi", "libc": "libc", "cpu": "cpu", "gnu_system": "gnu_system"}


def page_fields(r: dict) -> dict[str, list[str]]:
    """The values a page states, by field (composites included)."""
    out = {"name": [r["key"]], "tuple": [r["tuple"]], "gnu_type": [r["gnu_type"]],
           "multiarch": [r["multiarch"]], "folder": [r["folder"], FOLDER_WORDS[r["folder"]]],
           "tt_row": [r["tt_tuple"], r["tt_arch"]], "os_row": [r["os_tuple"], r["os_regex"]],
           "abi": [r["abi"], ABI_WORDS[r["abi"]]], "libc": [r["libc"], LIBC_WORDS[r["libc"]]], "os": [r["os"]],
           "cpu": [r["cpu"], row_id(r["cpu"])], "gnu_system": [r["gnu_system"]], "tt_line": [str(r["tt_line"])],
           "os_line": [str(r["os_line"])]}  # fmt: skip
    if r["abi_bits"]:
        out["bits"] = [str(r["bits"])]
        out["ab_line"] = [str(r["ab_line"])]
    return {k: [x for x in v if _atok(x)] for k, v in out.items()}


def composites(r: dict) -> set[str]:
    f = page_fields(r)
    return {x for k in COMPOSITE for x in f[k]}


_CATV: dict = {}


def catalogue_values(snap: dict) -> dict[str, set[str]]:
    """Every catalogued architecture's name and GNU type, keyed by architecture."""
    if _CATV.get("key") != id(snap):
        _CATV.update(key=id(snap), value={r["key"]: {r["key"], r["gnu_type"]} for r in records(snap)})
    return _CATV["value"]


def others_of(r: dict, fact_fields: set[str], golds: list[str], snap: dict, component: str | None = None) -> set[str]:
    """What a reader of r's page (and of the catalogue) might answer instead: the page's other fields and every
    catalogued name and GNU type. A name, tuple or GNU name built from the asked part (a component question: the cpu
    arm of uclibc-linux-arm) names that part and is not counted; a number is answered by numbers only."""
    out = set()
    for k, v in page_fields(r).items():
        if k not in fact_fields:
            out |= set(v)
    drop = set()
    for m, vals in catalogue_values(snap).items():
        out |= vals
        if component and all_records(snap)[m][component] == r[component]:
            drop |= composites(all_records(snap)[m]) | vals
    if component:
        drop |= composites(r)
    out -= drop
    if all(is_num(g) for g in golds):
        out = {x for x in out if is_num(x)}
    return out


def row_values(row: dict, skip: tuple = ()) -> set[str]:
    """A register row's values (less the columns in skip)."""
    out = {str(row[c]) for c in REG_COLUMNS[1:] if c not in skip} | set(reg_pages(row))
    return {x for x in out if _atok(x)}


# ------------------------------------------------------------------ questions


def refs(r: dict) -> dict[str, str]:
    """The ways a question may name an architecture: its name, or its GNU type (unique among dpkg's names)."""
    return {"name": r["key"], "gnutype": f"the architecture whose GNU type is {r['gnu_type']}"}


NAME_REF = ("name", "gnutype")
LIBC_GOLDS = {"gnu": ["gnu", "glibc"]}
# kind: (templates, golds(r), condition(r), the ways the question may name the architecture, the fact it asks,
# the page fields that state that fact, the component it asks (or None))
SINGLE = {
    "tuple": (["Which dpkg tuple (ABI-libc-os-cpu) does {n} stand for?", "What is the four-part dpkg tuple of {n}?"],
              lambda r: [r["tuple"]], lambda r: True, NAME_REF, "tuple", {"tuple", "tt_row"}, None),
    "gnu_type": (["What GNU type (DEB_HOST_GNU_TYPE) does dpkg give {n}?", "Which GNU triplet does {n} build for?"],
                 lambda r: [r["gnu_type"]], lambda r: True, ("name",), "triplet", {"gnu_type", "multiarch"}, None),
    "multiarch": (["What is the multiarch triplet of {n}?", "Which multiarch triplet (DEB_HOST_MULTIARCH) does {n} use?"],
                  lambda r: [r["multiarch"]], lambda r: True, ("name",), "multiarch", {"multiarch", "gnu_type"},
                  None),
    "gnu_system": (["What GNU system part (DEB_HOST_GNU_SYSTEM) does dpkg give {n}?",
                    "Which GNU system name does ostable give {n}?"],
                   lambda r: [r["gnu_system"]], lambda r: True, ("name",), "gnu_system", {"gnu_system", "os_row"},
                   "gnu_system"),
    "abi": (["Which ABI does dpkg record for {n} (DEB_HOST_ARCH_ABI)?", "What is the ABI part of {n}'s dpkg tuple?"],
            lambda r: [r["abi"]], lambda r: r["abi"] != "base", NAME_REF, "abi", {"abi"}, "abi"),
    "libc": (["Which C library value does dpkg give {n} (DEB_HOST_ARCH_LIBC)?",
              "What does DEB_HOST_ARCH_LIBC say for {n}?"],
             lambda r: LIBC_GOLDS.get(r["libc"], [r["libc"]]), lambda r: True, NAME_REF, "libc", {"libc"}, "libc"),
    "cpu": (["Which Debian cpu does {n} run on (DEB_HOST_ARCH_CPU)?", "What is the Debian cpu name behind {n}?"],
            lambda r: [r["cpu"]], lambda r: True, NAME_REF, "cpu", {"cpu"}, "cpu"),
    "tt_line": (["On which line of /usr/share/dpkg/tupletable is the row that maps {n}?",
                 "Which line of dpkg's tupletable maps {n}?"],
                lambda r: [str(r["tt_line"])], lambda r: True, NAME_REF, "tt_line", {"tt_line"}, None),
    "os_line": (["Which line of dpkg's ostable gives the GNU system of {n}?"], lambda r: [str(r["os_line"])],
                lambda r: True, NAME_REF, "os_line", {"os_line"}, None),
}  # fmt: skip
SINGLE_ORDER = ["abi", "cpu", "libc", "multiarch", "tuple", "gnu_system", "tt_line", "gnu_type", "os_line"]
# kinds whose value many pages share (one ostable row, one C library, one pattern row): a value asked once per split
VALUE_FACT = {"abi", "cpu", "libc", "gnu_system", "tt_line", "os_line"}


def value_key(k: str, golds: list[str]) -> tuple | None:
    return (k, golds[0]) if k in VALUE_FACT else None


def fact_of(r: dict, k: str) -> str:
    """The fact a kind asks (the GNU type and the multiarch triplet are one fact where they are the same string)."""
    f = SINGLE[k][4]
    return "triplet" if f == "multiarch" and r["multiarch"] == r["gnu_type"] else f


def single_question(r: dict, k: str, form: str) -> str:
    tpls = SINGLE[k][0]
    tpl = tpls[_h(r["key"], k) % len(tpls)]
    return cap(tpl.format(n=refs(r)[form]))


def ref_forms(r: dict, k: str) -> list[str]:
    """The ways a question of kind k may name the architecture, the first chosen by hash (its GNU type one time in
    four)."""
    forms_ = [f for f in SINGLE[k][3] if f in refs(r)]
    weights = [1 if f != "name" else 3 for f in forms_]
    i = _h(r["key"], "ref" + k) % sum(weights)
    j = 0
    while i >= weights[j]:
        i -= weights[j]
        j += 1
    return forms_[j:] + forms_[:j]


def single_others(r: dict, k: str, golds: list[str], snap: dict) -> set[str]:
    return others_of(r, SINGLE[k][5], golds, snap, SINGLE[k][6])


def _common_dpkg(snap: dict) -> int:
    return Counter(x["dpkg_names"] for x in reg_by(snap).values()).most_common(1)[0][0]


REG = {
    "reg_gnu": ("What GNU cpu name does cputable give the Debian cpu {c}?", lambda s, x: [reg_by(s)[x]["gnu_cpu"]],
                lambda s, x: reg_by(s)[x]["gnu_cpu"] != x),
    "reg_count": ("How many architectures in this catalogue run on the Debian cpu {c}?",
                  lambda s, x: [str(reg_by(s)[x]["catalogued_count"])],
                  lambda s, x: reg_by(s)[x]["catalogued_count"] >= 2),
    "reg_dpkg": ("How many of the architecture names dpkg-architecture -L lists use the cpu {c}?",
                 lambda s, x: [str(reg_by(s)[x]["dpkg_names"])],
                 lambda s, x: reg_by(s)[x]["dpkg_names"] != _common_dpkg(s)),
}  # fmt: skip
REG_ORDER = ["reg_gnu", "reg_dpkg", "reg_count"]
# the columns that restate what a register question asks (the title and regex hold the GNU name)
REG_SKIP = {"reg_gnu": ("title", "gnu_cpu_regex"), "reg_count": ("catalogued",), "reg_dpkg": ()}


def reg_question(k: str, x: str) -> str:
    return REG[k][0].format(c=x)


# multi hop through the register: page -> its cpu's row (a value pages do not repeat)
HOP_CPU = {
    "bits": (["How many bits wide is the architecture {n} (DEB_HOST_ARCH_BITS)?",
              "What word size, in bits, does dpkg give {n}?"],
             lambda r, row: [str(row["bits"])], lambda r, row, s: not r["abi_bits"]),
    "endian": (["Which byte order (DEB_HOST_ARCH_ENDIAN) does dpkg give {n}?", "What is the endianness of {n}?"],
               lambda r, row: [row["endianness"]], lambda r, row, s: True),
    "count": (["How many architectures in this catalogue share the Debian cpu of {n}, {n} included?"],
              lambda r, row: [str(row["catalogued_count"])], lambda r, row, s: row["catalogued_count"] >= 2),
    "dpkg": (["How many of the names dpkg-architecture -L lists run on the same Debian cpu as {n}, {n} included?"],
             lambda r, row: [str(row["dpkg_names"])], lambda r, row, s: row["dpkg_names"] != _common_dpkg(s)),
    "gnu": (["What is the GNU name of the Debian cpu that {n} runs on?"], lambda r, row: [row["gnu_cpu"]],
            lambda r, row, s: row["gnu_cpu"] != r["cpu"]),
}  # fmt: skip
HOP_CPU_FACT = {"bits": "bits", "endian": "endian", "count": "count", "dpkg": "dpkg", "gnu": "gnu"}
# multi hop from a register row that one catalogued architecture has, on to that page
HOP_REG = {
    "multiarch": ("What is its multiarch triplet?", lambda t: [t["multiarch"]], "multiarch"),
    "tuple": ("Which dpkg tuple does it stand for?", lambda t: [t["tuple"]], "tuple"),
    "gnu_type": ("What GNU type does dpkg give it?", lambda t: [t["gnu_type"]], "triplet"),
    "tt_line": ("On which line of dpkg's tupletable is its row?", lambda t: [str(t["tt_line"])], "tt_line"),
    "os_line": ("Which line of ostable gives its GNU system?", lambda t: [str(t["os_line"])], "os_line"),
}  # fmt: skip
HOP_REG_Q = ["Only one architecture in this catalogue runs on the Debian cpu {c}. {f}",
             "Exactly one catalogued architecture has {c} as its Debian cpu. {f}"]  # fmt: skip
HOP_REG_FIELDS = {"multiarch": {"multiarch", "gnu_type"}, "tuple": {"tuple", "tt_row"},
                  "gnu_type": {"gnu_type", "multiarch"}, "tt_line": {"tt_line"}, "os_line": {"os_line"}}  # fmt: skip


def hop_cpu_question(r: dict, f: str) -> str:
    tpls = HOP_CPU[f][0]
    return cap(tpls[_h(r["key"], "hopq" + f) % len(tpls)].format(n=r["key"]))


def hop_reg_question(x: str, f: str) -> str:
    return cap(HOP_REG_Q[_h(x + f, "hopreg") % len(HOP_REG_Q)].format(c=x, f=HOP_REG[f][0]))


def side(r: dict, what: str) -> tuple[object, bool]:
    """(value, whether the register row is needed) of a resolved property of an architecture."""
    if what == "bits":
        return r["bits"], not r["abi_bits"]
    if what == "endian":
        return r["endian"], True
    return r[what], False


# comparisons of two architectures: (template, the property, value -> score, condition)
CMP = {
    "bits64-one": ("Which of {a} and {b} is a 64-bit architecture?", "bits", lambda v: int(v == 64)),
    "big-one": ("Which of {a} and {b} is big-endian?", "endian", lambda v: int(v == "big")),
    "glibc-one": ("Which of {a} and {b} is built on the GNU C library (DEB_HOST_ARCH_LIBC gnu)?", "libc",
                  lambda v: int(v == "gnu")),
    "ownrow-one": ("Which of {a} and {b} has a row of its own in dpkg's tupletable, not a <cpu> pattern row?", "tt_own",
                   lambda v: int(bool(v))),
    "little-one": ("Which of {a} and {b} is little-endian?", "endian", lambda v: int(v == "little")),
    "earlier-tt": ("Which of {a} and {b} is mapped by the earlier line of dpkg's tupletable?", "tt_line",
                   lambda v: -v),
    "bits32-one": ("Which of {a} and {b} is a 32-bit architecture?", "bits", lambda v: int(v == 32)),
    "abi-one": ("Which of {a} and {b} has an ABI other than base?", "abi", lambda v: int(v != "base")),
    "linux-one": ("Which of {a} and {b} has linux as its DEB_HOST_ARCH_OS?", "os", lambda v: int(v == "linux")),
    "ma-one": ("Which of {a} and {b} has a multiarch triplet that differs from its GNU type?", "ma_differs",
               lambda v: int(bool(v))),
}  # fmt: skip
CMP_ORDER = list(CMP)
FIELD_OF = {"bits64-one": "bits", "bits32-one": "bits", "big-one": "endian", "little-one": "endian",
            "glibc-one": "libc", "ownrow-one": "tt_own", "earlier-tt": "tt_line", "abi-one": "abi",
            "linux-one": "os", "ma-one": "ma"}  # fmt: skip


def prop(r: dict, what: str) -> tuple[object, bool]:
    if what == "ma_differs":
        return r["multiarch"] != r["gnu_type"], False
    return side(r, what)


def cmp_eval(k: str, a: str, b: str, by: dict, sp: dict, sr: dict, s: str):
    """(winner, evidence ids) or None where the two are not comparable within split s."""
    _, what, score = CMP[k]
    ev = []
    vals = []
    for n in (a, b):
        if n not in by or sp[n] != s:
            return None
        v, need_row = prop(by[n], what)
        ev.append(by[n]["id"])
        if need_row:
            if sr[by[n]["cpu"]] != s:
                return None
            ev.append(row_id(by[n]["cpu"]))
        vals.append(score(v))
    if vals[0] == vals[1]:
        return None
    return (a if vals[0] > vals[1] else b), list(dict.fromkeys(ev))


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine: (test on the architecture's resolved values, how a question says it, the property
    it reads: a register property needs the cpu's row)."""
    out = {}
    for f in FAMILY:
        if sum(r["folder"] == f for r in recs) >= 2:
            out[f"family-{f}"] = (lambda r, f=f: r["folder"] == f, f"is filed under {f}/", "folder")
    for lc in sorted({r["libc"] for r in recs}):
        out[f"libc-{lc}"] = (lambda r, lc=lc: r["libc"] == lc, f"has the C library {lc} (DEB_HOST_ARCH_LIBC)", "libc")
    for ab in sorted({r["abi"] for r in recs}):
        out[f"abi-{ab}"] = (lambda r, ab=ab: r["abi"] == ab, f"has the ABI {ab}", "abi")
    for c in sorted({r["cpu"] for r in recs}):
        if sum(r["cpu"] == c for r in recs) >= 3:
            out[f"cpu-{c}"] = (lambda r, c=c: r["cpu"] == c, f"runs on the Debian cpu {c}", "cpu")
    out["os-linux"] = (lambda r: r["os"] == "linux", "has linux as its DEB_HOST_ARCH_OS", "os")
    out["own-row"] = (lambda r: r["tt_own"], "has a row of its own in dpkg's tupletable", "tt_own")
    out["pattern-row"] = (lambda r: not r["tt_own"], "is mapped by a <cpu> pattern row of tupletable", "tt_own")
    out["ma-differs"] = (lambda r: r["multiarch"] != r["gnu_type"],
                         "has a multiarch triplet that differs from its GNU type", "ma_differs")
    out["bits-64"] = (lambda r: r["bits"] == 64, "is a 64-bit architecture", "bits")
    out["bits-32"] = (lambda r: r["bits"] == 32, "is a 32-bit architecture", "bits")
    out["big"] = (lambda r: r["endian"] == "big", "is big-endian", "endian")
    out["little"] = (lambda r: r["endian"] == "little", "is little-endian", "endian")
    out["gnu-renamed"] = (lambda r: r["gnu_cpu"] != r["cpu"],
                          "runs on a cpu whose GNU name differs from its Debian name", "gnu_cpu")
    return out


def name_visible(c: str) -> bool:
    """A condition the architecture's name shows (its folder, its cpu, musl, x32): a filter pairs it with one it does
    not show, and a filter among four never asks it alone."""
    return c.startswith(("family-", "cpu-")) or c in ("os-linux", "libc-musl", "abi-x32")


def cond_needs_row(r: dict, what: str) -> bool:
    if what == "gnu_cpu":
        return True
    return prop(r, what)[1] if what in ("bits", "endian") else False


def filter_evidence(by: dict, cond: dict, w: str, where: list[str]) -> list[str]:
    ev = [by[w]["id"]]
    if any(cond_needs_row(by[w], cond[c][2]) for c in where):
        ev.append(row_id(by[w]["cpu"]))
    return ev


REV_Q = {
    "rev-gnutype": ["Which Debian architecture has the GNU type {v}?",
                    "Which architecture does dpkg-architecture report as DEB_HOST_GNU_TYPE={v}?"],
    "rev-multiarch": ["Which Debian architecture uses the multiarch triplet {v}?"],
    "rev-tuple": ["Which architecture name does dpkg give the tuple {v}?"],
    "rev-row": ["Which architecture does line {v} of dpkg's tupletable map, in a row of its own?"],
}  # fmt: skip
REV_FACT = {"rev-gnutype": "triplet", "rev-multiarch": "multiarch", "rev-tuple": "tuple", "rev-row": "tt_line"}


def rev_value(r: dict, k: str) -> str | None:
    if k == "rev-gnutype":
        return r["gnu_type"]
    if k == "rev-multiarch":
        return r["multiarch"]
    if k == "rev-tuple":
        return r["tuple"]
    if k == "rev-row":
        return str(r["tt_line"]) if r["tt_own"] else None
    raise KeyError(k)


def rev_fact(r: dict, k: str) -> str:
    return "triplet" if k == "rev-multiarch" and r["multiarch"] == r["gnu_type"] else REV_FACT[k]


def rev_unique(r: dict, k: str, snap: dict) -> bool:
    v = rev_value(r, k)
    if v is None or not _atok(v):
        return False
    same = [n for n, x in all_records(snap).items() if rev_value(x, k) == v]
    return same == [r["key"]]


def rev_question(r: dict, k: str) -> str:
    tpls = REV_Q[k]
    return cap(tpls[_h(r["key"], "revq" + k) % len(tpls)].format(v=rev_value(r, k)))


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = records(snap)
    by = {r["key"]: r for r in recs}
    reg = reg_by(snap)
    sp = split_pages(recs)
    sr = split_rows(snap, sp)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    dev_values: set = set()  # shared values dev asks (an ostable line, a C library, ...): test asks others
    for s in ("dev", "test"):
        want = WANT[s]
        cols = sorted((c for c in by if sp[c] == s), key=lambda x: _h(x, "order" + s))
        used: set = set(dev_values)
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

        # multi hop: a page's cpu, on to its register row; a register row with one catalogued architecture, on to
        # that page
        starts = []
        for n in cols:
            if sr[by[n]["cpu"]] == s:
                starts += [("cpu", n, f) for f in HOP_CPU]
        for x, row in reg.items():
            ps = reg_pages(row)
            if sr[x] == s and len(ps) == 1 and sp[ps[0]] == s:
                starts += [("register", x, f) for f in HOP_REG]
        starts.sort(key=lambda x: _h(f"{x[0]}{x[1]}{x[2]}", "hopstart"))
        rank = Counter()
        order = []
        for x in starts:  # kinds in turn
            order.append((rank[x[0]], ["cpu", "register"].index(x[0]), len(order), x))
            rank[x[0]] += 1
        for *_, (via, first_, f) in sorted(order):
            if count("multi_hop") >= want["multi_hop"]:
                break
            if kinds("hop-" + via) >= CAP_HOP[s]:
                continue
            if via == "cpu":
                r = by[first_]
                row = reg[r["cpu"]]
                if not HOP_CPU[f][2](r, row, snap):
                    continue
                g = HOP_CPU[f][1](r, row)
                if (first_, "hopstart") in used or (r["cpu"], "row") in used or (r["cpu"], "hop" + f) in used:
                    continue
                q = hop_cpu_question(r, f)
                own_ = others_of(r, set(), g, snap)
                oth = row_values(row)
                if all(is_num(x) for x in g):
                    oth = {x for x in oth if is_num(x)}
                if any(in_question(q, x) for x in g) or not gold_safe(q, g, "multi_hop") or \
                        not others_safe(q, g, oth | own_, "multi_hop"):
                    continue
                add(q, g, "multi_hop", [r["id"], row_id(r["cpu"])], "hop-cpu", field=f, via=first_, target=r["cpu"])
                used.update({(first_, "hopstart"), (r["cpu"], "row"), (r["cpu"], "hop" + f)})
                subj.add(first_)
                continue
            row = reg[first_]
            m = reg_pages(row)[0]
            t = by[m]
            if any((y, z) in used for y, z in ((first_, "row"), (m, "hopend"), (m, "hopstart"))):
                continue
            g = HOP_REG[f][1](t)
            vk = value_key(f, g)
            if (m, HOP_REG[f][2]) in used or (vk is not None and vk in used):
                continue
            q = hop_reg_question(first_, f)
            own_ = row_values(row)
            if all(is_num(x) for x in g):
                own_ = {x for x in own_ if is_num(x)}
            oth = others_of(t, HOP_REG_FIELDS[f], g, snap)
            if any(in_question(q, x) for x in g) or not gold_safe(q, g, "multi_hop") or \
                    not others_safe(q, g, oth | own_, "multi_hop"):
                continue
            add(q, g, "multi_hop", [row_id(first_), t["id"]], "hop-register", field=f, via=first_, target=m)
            used.update({(m, HOP_REG[f][2]), (first_, "row"), (m, "hopend"), (m, "reverse"), vk} - {None})
            subj.add(m)

        # reverse: a GNU type, a multiarch triplet, a tuple, a tupletable line -> the architecture
        rvk = list(REV_Q)
        for n in [x for x in cols if x not in subj] + [x for x in cols if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rvk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used or (n, rev_fact(r, k)) in used:
                    continue
                if not rev_unique(r, k, snap):
                    continue
                q = rev_question(r, k)
                g = answer_names(n, snap, q)
                if not g or any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or \
                        not names_safe(q, g, other_names(snap, n)):
                    continue
                add(q, g, "reverse", [r["id"]], k, value=rev_value(r, k))
                used.update({(n, "reverse"), (n, rev_fact(r, k))})
                subj.add(n)
                rvk.append(rvk.pop(rvk.index(k)))
                break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            fact = fact_of(r, k)
            if not SINGLE[k][2](r) or (n, fact) in used or kinds(k) >= CAP[s]:
                return False
            g = SINGLE[k][1](r)
            vk = value_key(k, g)
            if vk is not None and vk in used:
                return False
            for form in ref_forms(r, k):
                q = single_question(r, k, form)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g) or \
                        not others_safe(q, g, single_others(r, k, g, snap)):
                    continue
                add(q, g, "single_hop", [r["id"]], k, ref=form)
                used.update({(n, fact), vk} - {None})
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
        # register rows: one fact of one cpu of the split
        rows_s = sorted((x for x in reg if sr[x] == s), key=lambda x: _h(x, "reg" + s))
        for rkind in REG_ORDER:
            for x in rows_s:
                if count("single_hop") >= want["single_hop"] or kinds(rkind) >= 1:
                    break
                row = reg[x]
                if (x, "row") in used or not REG[rkind][2](snap, x):
                    continue
                q = cap(reg_question(rkind, x))
                g = REG[rkind][1](snap, x)
                oth = row_values(row, REG_SKIP[rkind])
                if all(is_num(y) for y in g):
                    oth = {y for y in oth if is_num(y)}
                if any(in_question(q, y) for y in g) or not gold_safe(q, g) or not others_safe(q, g, oth - set(g)):
                    continue
                add(q, g, "single_hop", [row_id(x)], rkind, row=x)
                used.add((x, "row"))
        for n in cols * 2:  # where the register gave fewer, pages again
            if count("single_hop") >= want["single_hop"]:
                break
            for k in SINGLE_ORDER:
                if try_single(n, k):
                    break
        # comparisons of two architectures of the split (register values from rows of the split)
        turn = CMP_ORDER[5:] + CMP_ORDER[:5] if s == "test" else CMP_ORDER
        for k in turn * 4:  # kinds in turn (test starts where dev stops), a few tries each
            if count("comparison") >= want["comparison"]:
                break
            tpl = CMP[k][0]
            for _ in range(200):
                a, b = rnd.sample(cols, 2)
                if (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or kinds(k) >= CAP_CMP[s]:
                    continue
                res = cmp_eval(k, a, b, by, sp, sr, s)
                if not res or not ident(a, snap) or not ident(b, snap):
                    continue
                win, ev = res
                q = tpl.format(a=a, b=b)
                if not hedge_safe(q, [a, b], win):
                    continue
                add(q, [win], "comparison", ev, k, options=[a, b], target=win, candidates=[a, b])
                used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
                break
        # filters: among all catalogued architectures (two conditions), and among four listed ones
        mix = FILTER_MIX[s]
        pairs = [(c1, c2) for c1 in cond for c2 in cond if c1 < c2]
        rnd.shuffle(pairs)
        for c1, c2 in pairs:
            if kinds("filter") >= mix["filter"]:
                break
            m1 = [r for r in recs if cond[c1][0](r)]
            m2 = [r for r in recs if cond[c2][0](r)]
            both = [r for r in m1 if cond[c2][0](r)]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1 or ("cond", c1) in used or ("cond", c2) in used or \
                    (name_visible(c1) and name_visible(c2)):
                continue
            w = both[0]["key"]
            ev = filter_evidence(by, cond, w, [c1, c2])
            if sp[w] != s or (w, "filter") in used or (len(ev) > 1 and sr[by[w]["cpu"]] != s):
                continue
            q = rnd.choice(["Which architecture in this catalogue {a} and {b}?",
                            "Name the one catalogued Debian architecture that {a} and {b}.",
                            "I need the architecture here that {a} and {b}. Which is it?"])
            q = q.format(a=cond[c1][1], b=cond[c2][1])
            g = answer_names(w, snap, q)
            if not g or any(in_question(q, x) for x in g) or not gold_safe(q, g, "filter") or \
                    not names_safe(q, g, other_names(snap, w), "filter"):
                continue
            add(q, g, "filter", ev, "filter", where={c1: True, c2: True}, candidates=[w])
            used.update({(w, "filter"), ("cond", c1), ("cond", c2)})
        tries = 0
        among = sorted(c for c in cond if not name_visible(c))
        while kinds("filter-among") < mix["filter-among"] and tries < 5000:
            tries += 1
            c = among[tries % len(among)]
            cands = rnd.sample(cols, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or ("cond", c) in used or (hits[0], "filter") in used:
                continue
            if not all(ident(x, snap) for x in cands):
                continue
            ev = filter_evidence(by, cond, hits[0], [c])
            if len(ev) > 1 and sr[by[hits[0]]["cpu"]] != s:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these architectures {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold, "filter") or not names_safe(q, [gold], other_names(snap, gold),
                                                                          "filter"):
                continue
            add(q, [gold], "filter", ev, "filter-among", options=list(cands), where={c: True},
                candidates=list(cands))
            used.update({(gold, "filter"), ("cond", c)})
        # unanswerables: left-out architectures, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-arch") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-arch", entry=m)
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
        if s == "dev":
            dev_values = {x for x in used if isinstance(x, tuple) and x[0] in VALUE_FACT}
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
    """An architecture name with its parts joined by an optional separator, not inside a longer name
    ("hurd-amd64", "hurd amd64", "hurd_amd64")."""
    parts = [p for p in re.split(r"[_\-. /]+", name) if p]
    return r"(?<![A-Za-z0-9])" + r"[_\-. /]?".join(re.escape(p) for p in parts) + r"(?![A-Za-z0-9])"


def _exact_pat(value: str) -> str:
    return r"(?<![\w.-])" + re.escape(value) + r"(?![\w-])(?!\.\w)"


def absent_patterns(m: str, snap: dict) -> list[str]:
    """A left-out architecture as its name, its tuple, its GNU type and multiarch triplet, and its GNU system where
    no catalogued architecture shares it."""
    r = all_records(snap)[m]
    pats = [_name_pat(m), _exact_pat(r["tuple"]), _exact_pat(r["gnu_type"]), _exact_pat(r["multiarch"])]
    if not any(x["gnu_system"] == r["gnu_system"] for x in records(snap)):
        pats.append(_exact_pat(r["gnu_system"]))
    return list(dict.fromkeys(pats))


def unanswerable_pattern(q: dict, snap: dict) -> tuple[str, str]:
    if q["kind"] == "absent-arch":
        m = q["entry"]
        r = all_records(snap)[m]
        return "|".join(f"(?:{p})" for p in absent_patterns(m, snap)), f"It is {r['gnu_type']}."
    _, pat, made_up, _ = ABSENT_FIELDS[q["field"]]
    return pat, made_up


# a page names a word size only where an ABI fixes it, and a byte order never
NO_BITS = re.compile(r"\b\d+\s*bits\b|\b(?:32|64)-bit architecture\b", re.I)
NO_ORDER = re.compile(r"\b(?:big|little)\b|\bendian(?:ness)?\b(?!\))", re.I)


def page_values(r: dict, snap: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record in the words every layout uses,
    and in the sheet and card layouts also each labelled cell."""
    lay = layout(r)
    c = cell if lay == "sheet" else (lambda x: x)
    vals = [r["key"], r["tuple"], r["abi"], ABI_WORDS[r["abi"]], r["libc"], LIBC_WORDS[r["libc"]], r["os"], r["cpu"],
            row_id(r["cpu"]), r["gnu_system"], r["gnu_type"], r["multiarch"], f"{r['folder']}/",
            FOLDER_WORDS[r["folder"]], f"line {r['tt_line']}", r["tt_tuple"], r["tt_arch"], f"line {r['os_line']}",
            r["os_tuple"], c(r["os_regex"]), "cpus.csv", source_line(r, snap),
            "a row of its own" if r["tt_own"] else "pattern row"]  # fmt: skip
    if r["abi_bits"]:
        vals += [f"{r['bits']} bits", f"line {r['ab_line']}"]
    if r["multiarch"] != r["gnu_type"]:
        vals.append("written i386" if lay == "prose" else "writes the cpu part as i386")
    if lay != "prose":
        vals += [c(b) for _, a, b in rows(r)]
    fm = front(r)
    vals += [str(v) for v in fm.values()]
    return vals


FOLDER_RULE = {"linux-gnu": ("linux", "gnu"), "linux-musl": ("linux", "musl"), "linux-uclibc": ("linux", "uclibc"),
               "uclinux": ("uclinux", "uclibc"), "kfreebsd": ("kfreebsd", "gnu"), "knetbsd": ("knetbsd", "gnu"),
               "kopensolaris": ("kopensolaris", "gnu"), "hurd": ("hurd", "gnu"), "freebsd": ("freebsd", "bsd"),
               "netbsd": ("netbsd", "bsd"), "openbsd": ("openbsd", "bsd"), "dragonflybsd": ("dragonflybsd", "bsd"),
               "darwin": ("darwin", "bsd"), "solaris": ("solaris", "sysv"), "aix": ("aix", "sysv"),
               "mint": ("mint", "tos")}  # fmt: skip


def check_snapshot(snap: dict) -> list[str]:
    """The snapshot is whole and agrees with itself: dpkg's mapping rebuilt from its tables equals what
    dpkg-architecture said (no table or program of this machine is used)."""
    bad = []
    names = read_names()
    bad += [f"{x}: read twice" for x, c in Counter(names).items() if c > 1]
    bad += [f"{n}: catalogued or left out but not known to the snapshot's dpkg" for n in names if n not in snap["archs"]]
    bad += [] if list(snap["archs"]) == snap["list"] else ["archs are not dpkg-architecture -L"]
    bad += [] if valid_list(snap) == snap["list"] else ["dpkg-architecture -L is not ostable x cputable through "
                                                        "tupletable"]
    bad += [] if len(set(snap["list"])) == len(snap["list"]) else ["a name listed twice"]
    for t in TABLES:
        if not snap["tables"].get(t) or not re.fullmatch(r"[0-9a-f]{64}", snap["table_sha256"].get(t, "")):
            bad.append(f"{t}: missing")
    for row in snap["tables"]["cputable"]:
        if len(row) != 6 or row[4] not in ("32", "64") or row[5] not in ("big", "little") or \
                not re.fullmatch(row[3], row[2]):
            bad.append(f"cputable line {row[0]}: unreadable, or its regex misses its GNU name")
    for row in snap["tables"]["ostable"]:
        if len(row) != 4 or len(row[1].split("-")) != 3 or not re.fullmatch(row[3], row[2]):
            bad.append(f"ostable line {row[0]}: unreadable, or its regex misses its GNU system")
    for n, a in snap["archs"].items():
        d = derived(snap, n)
        if a != d:
            bad.append(f"{n}: dpkg-architecture said {a}, the tables give {d}")
    for n in catalogued():
        r = all_records(snap)[n]
        if FOLDER_RULE[folder_of(n)] != (r["os"], r["libc"]):
            bad.append(f"{n}: {r['os']}/{r['libc']} does not belong in {folder_of(n)}/")
    for m in absent_archs():
        if m in cat_set():
            bad.append(f"{m}: left out and catalogued")
    gt = Counter(x["GNU_TYPE"] for x in snap["archs"].values())
    ma = Counter(x["MULTIARCH"] for x in snap["archs"].values())
    bad += [f"GNU type {k} of two names" for k, v in gt.items() if v > 1]
    bad += [f"multiarch triplet {k} of two names" for k, v in ma.items() if v > 1]
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
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages) - 1} pages and cpus.csv)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    # 2. the snapshot itself
    bad = check_snapshot(snap)
    bad += [] if [r["key"] for r in recs] == catalogued() else ["records are not FAMILY"]
    bad += [f"{r['key']}: record differs when computed again" for r in recs if make_record(r["key"], snap) != r]
    results.append((f"the snapshot is whole and agrees with itself (dpkg {snap['dpkg']}: {len(snap['archs'])} names; "
                    f"dpkg-architecture -L rebuilt as ostable x cputable through tupletable, as dpkg expands <cpu> "
                    f"rows; every name's ABI, bits, cpu, endianness, libc, os, GNU cpu, GNU system, GNU type and "
                    f"multiarch triplet worked out from the tables equal what dpkg-architecture -a said; regexes match "
                    f"their GNU names; GNU types and triplets unique); every catalogued or left-out name known, none "
                    f"both; folders agree with os and libc; records are FAMILY (no table of this machine read)", bad))
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
    bad += [] if set(docs) == want_ids else [f"document ids {sorted(set(docs) ^ want_ids)[:5]} are not the pages and rows"]
    bad += [i for i, r in pid.items() if i in docs and (docs[i].title != title(r)
                                                         or docs[i].metadata != normalize_metadata(front(r)))]
    bad += [k for k, x in reg.items() if row_id(k) in docs and docs[row_id(k)].title != x["title"]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents ({len(pid)} pages titled "
                    f"\"<architecture> — <system> on <cpu>\" with their front matter, {len(reg)} register rows)", bad))
    full_t = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: x.lower() for i, x in full_t.items()}
    ftoks = {i: answer_tokens(x) for i, x in full_t.items()}
    assign_layouts(recs)
    bad = []
    for i, r in pid.items():
        bad += [f"{i}: {v!r} not in the body" for v in page_values(r, snap) if v.lower() not in low[i]]
        golds = [g for k in SINGLE if SINGLE[k][2](r) for g in SINGLE[k][1](r)] + [g for f in HOP_REG
                                                                                   for g in HOP_REG[f][1](r)]
        bad += [f"{i}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[i], answer_tokens(g))]
        body = docs[i].text
        if NO_ORDER.search(body.replace("(DEB_HOST_ARCH_ENDIAN)", "")):
            bad.append(f"{i}: states a byte order")
        stated = {int(x) for x in re.findall(r"\b(\d+)\s*bits\b", body)}
        if (stated != {r["bits"]}) if r["abi_bits"] else bool(NO_BITS.search(body)):
            bad.append(f"{i}: word size stated {sorted(stated)} (its ABI fixes one: {r['abi_bits']})")
    for k, x in reg.items():
        bad += [f"{row_id(k)}: {c} {x[c]!r} not in the row" for c in REG_COLUMNS[1:]
                if str(x[c]).lower() not in low[row_id(k)]]
        if x["cpu"] != k or x["catalogued_count"] != len(reg_pages(x)) or \
                sorted(reg_pages(x)) != sorted(r["key"] for r in recs if r["cpu"] == k):
            bad.append(f"{row_id(k)}: its catalogued architectures are not the pages on that cpu")
    results.append(("every field of a record (and of its front matter) is stated in its page body, every gold form "
                    "as tokens; a page states no byte order, and a word size only where its ABI fixes one (that one); "
                    "every register column in its row, its catalogued list the pages on its cpu", bad))
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
                for made_up in ("64", "little", "x86_64-linux-gnu", unanswerable_pattern(q, snap)[1]):
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
            oth: set[str] = set()
            if k in SINGLE:
                oth = single_others(pid[last], k, it.answers, snap)
            elif k in REG:
                oth = row_values(reg[q["row"]], REG_SKIP[k])
            elif k == "hop-cpu":
                oth = row_values(reg[q["target"]]) | others_of(pid[it.evidence[0]], set(), it.answers, snap)
            elif k == "hop-register":
                oth = others_of(pid[last], HOP_REG_FIELDS[q["field"]], it.answers, snap) | row_values(reg[q["via"]])
            if oth and all(g.isdigit() for g in it.answers):
                oth = {x for x in oth if is_num(x)}
            gold_ok += [f"{it.id}: the other value {x!r} scores correct" for x in sorted(oth)
                        if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
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
            if it.type in ("reverse", "filter", "comparison"):
                ent = q.get("target") or pid[it.evidence[0]]["key"]
                cmpw += [f"{it.id}: {o} scores correct" for o in other_names(snap, ent)
                         if answer_tokens(o) not in golds_tok and contains_tokens(answer_tokens(o), golds_tok[0])
                         and is_correct(it, o, False)]
    n_names = len(other_names(snap, recs[0]["key"]))
    results += [(f"ids {PREFIX}-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two or more on "
                 "chains), options where due", idb),
                ("every gold occurs in its (last, for chains) evidence document as accuracy tokens, the first also "
                 "as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's (row's, chain's) other values and every "
                 "catalogued name and GNU type (numbers for a number; for a part of an architecture, not the names "
                 "built from that very part), and (hops) the first document's values score wrong", gold_ok),
                (f"wrong options, hedges and every other name score wrong (where an architecture is the answer: "
                 f"the {n_names} other names, GNU types, triplets and cpu names dpkg knows); filter-among gold never "
                 f"last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                r = pid[q["evidence"][0]]
                ok = SINGLE[k][2](r) and q["answers"] == SINGLE[k][1](r) and \
                    q["question"] == single_question(r, k, q["ref"]) and len(q["evidence"]) == 1
                if not ok:
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k in REG:
                x = q["row"]
                if q["evidence"] != [row_id(x)] or REG[k][1](snap, x) != q["answers"] or \
                        not REG[k][2](snap, x) or q["question"] != cap(reg_question(k, x)):
                    fct.append(f"{q['id']}: register gold differs from the snapshot")
            elif k == "hop-cpu":
                r, f = by[q["via"]], q["field"]
                row = reg[r["cpu"]]
                a = snap["archs"][r["key"]]
                truth = {"bits": a["ARCH_BITS"], "endian": a["ARCH_ENDIAN"], "gnu": a["GNU_CPU"],
                         "count": str(sum(x["cpu"] == r["cpu"] for x in recs)),
                         "dpkg": str(sum(x["ARCH_CPU"] == r["cpu"] for x in snap["archs"].values()))}[f]
                if q["target"] != r["cpu"] or q["evidence"] != [r["id"], row_id(r["cpu"])] or \
                        q["answers"] != HOP_CPU[f][1](r, row) or q["answers"] != [truth] or \
                        not HOP_CPU[f][2](r, row, snap) or q["question"] != hop_cpu_question(r, f):
                    fct.append(f"{q['id']}: the chain does not reach its value")
            elif k == "hop-register":
                tg = by[q["target"]]
                ok = q["evidence"] == [row_id(q["via"]), tg["id"]] and reg_pages(reg[q["via"]]) == [tg["key"]] and \
                    tg["cpu"] == q["via"] and q["answers"] == HOP_REG[q["field"]][1](tg) and \
                    q["question"] == hop_reg_question(q["via"], q["field"])
                if not ok:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                r = pid[q["evidence"][0]]
                if rev_value(r, k) != q["value"] or not rev_unique(r, k, snap) or \
                        q["answers"] != answer_names(r["key"], snap, q["question"]) or \
                        q["question"] != rev_question(r, k):
                    fct.append(f"{q['id']}: the cue does not single out its answer")
            elif q["type"] == "comparison":
                a, b = q["candidates"]
                res = cmp_eval(k, a, b, by, sp, sr, s)
                if not res or q["target"] != res[0] or q["options"] != [a, b] or q["answers"] != [res[0]] or \
                        q["evidence"] != res[1]:
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
    # the resolved values the questions read agree with what dpkg-architecture said
    for r in recs:
        a = snap["archs"][r["key"]]
        if (str(r["bits"]), r["endian"], r["gnu_cpu"]) != (a["ARCH_BITS"], a["ARCH_ENDIAN"], a["GNU_CPU"]):
            fct.append(f"{r['key']}: record and dpkg-architecture disagree")
        row = reg[r["cpu"]]
        if not r["abi_bits"] and (row["bits"], row["endianness"]) != (r["bits"], r["endian"]):
            fct.append(f"{r['key']}: its cpu's row does not give its word size and byte order")
    results.append(("facts agree with snapshot.json (values, chains page -> cpu row and cpu row -> page, register "
                    "rows, unique cues, winners, filters; a page's cpu row gives its word size and byte order unless "
                    "its ABI fixes the word size)", fct))
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
            if q["kind"] in ("hop-register", "hop-cpu"):
                rws.add(q["via"] if q["kind"] == "hop-register" else q["target"])
        return out, rws

    sep = []
    (pd, rd), (pt, rt) = pages_of("dev"), pages_of("test")
    sep += [f"{p} asked in both splits" for p in pd & pt]
    sep += [f"row {p} asked in both splits" for p in rd & rt]
    for s, (ps, rs) in (("dev", (pd, rd)), ("test", (pt, rt))):
        sep += [f"{s}: {p} is a page of the other split" for p in ps if sp[p] != s]
        sep += [f"{s}: register row {k} is of the other split" for k in rs if sr[k] != s]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("entry") for q in rows_[s] if q["kind"] == "absent-arch"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent architecture {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    vals_by: dict[str, set] = {}
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            k = q["kind"]
            if k in SINGLE:
                r = pid[q["evidence"][0]]
                asked[(r["key"], fact_of(r, k))] += 1
                if value_key(k, q["answers"]):
                    asked[value_key(k, q["answers"])] += 1
            if k in REG:
                asked[(q["row"], "row")] += 1
            if k == "hop-cpu":
                asked[("start", q["via"])] += 1
                asked[(q["target"], "row")] += 1
            if k == "hop-register":
                asked[(q["via"], "row")] += 1
                asked[(q["target"], "reverse")] += 1
                asked[(q["target"], HOP_REG[q["field"]][2])] += 1
                if value_key(q["field"], q["answers"]):
                    asked[value_key(q["field"], q["answers"])] += 1
            if q["type"] == "reverse":
                r = pid[q["evidence"][0]]
                asked[(r["key"], "reverse")] += 1
                asked[(r["key"], rev_fact(r, k))] += 1
            if q["type"] == "filter":
                asked[(q["answers"][0], "filter")] += 1
                for c in q["where"]:
                    asked[("cond", c)] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
        vals_by[s] = {k for k in asked if k[0] in VALUE_FACT}
    sep += [f"shared value {k} asked in both splits" for k in vals_by["dev"] & vals_by["test"]]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by hash within folders, register rows with their "
                    "architectures or by hash: no question uses a page or row of the other split, no page or row "
                    "asked about in both splits, a fact asked once per split, a value many pages share (an "
                    "ostable line, a C library, a GNU system, a pattern row) once in all, a filter condition once, no absent architecture in both, no question repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_archs():
        for pat in absent_patterns(m, snap):
            hits = [p for p, x in texts.items() if re.search(pat, x, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("entry")
            if q["kind"] == "absent-arch" and (m not in ABSENT[s] or not any(
                    re.search(p, q["question"], re.I) for p in absent_patterns(m, snap))):
                un.append(f"{q['id']}: absent architecture")
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
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out "
                    "architectures: name with any separator, tuple, GNU type, multiarch triplet and a GNU system of "
                    "their own, on no page or row)", un))
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
