"""Build the catalog7 evaluation corpus: pkg-config files of libraries installed on this machine.

    PYTHONPATH=src python scripts/build_catalog7.py snapshot [--force]  # read the .pc files -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog7.py build [--force]     # snapshot.json -> corpus/ pages
    PYTHONPATH=src python scripts/build_catalog7.py check               # loader + scorer + fact checks, no model

`snapshot` reads every `*.pc` file in the pkg-config search path of this machine (PCDIRS: the
multiarch directory /usr/lib/x86_64-linux-gnu/pkgconfig and the architecture-independent
/usr/share/pkgconfig; the other directories of pkg-config's default path, /usr/local/... and
/usr/lib/pkgconfig, are read too when they hold files). From each file it takes the fields
Name, Description, Version, URL, Requires, Requires.private, Libs, Libs.private and Cflags and
the variables (`prefix=`, `libdir=`, ...), with `${var}` references expanded as pkg-config
expands them and `#` comments dropped; the Debian package that installs the file comes from
dpkg's file lists (/var/lib/dpkg/info/*.list, what `dpkg -S` reads). Symlinked files (`tcl.pc`
-> `tcl8.6.pc`) are recorded as aliases of their target, not as records of their own; files
without a Name, Description or Version are skipped. Then PAIRS pairs (a module whose Requires or
Requires.private names exactly one module, which is also eligible and has another version) are
taken first, so that multi-hop questions exist; then the rest evenly over the sorted module
names, at most CAP per Debian package, TAKE in all. The result, with every module name the
directories held (for the unanswerable checks) and every skipped file with its reason, is
written to `evalsets/catalog7/snapshot.json` (committed; `snapshot` refuses to overwrite it
without --force): another machine holds other libraries and versions, so the committed snapshot
and pages, not a rebuild, are the corpus.

`build` renders one markdown page per module from snapshot.json alone, `lib/<module>.md` for a
file of the multiarch directory and `share/<module>.md` for /usr/share/pkgconfig (document id
`lib/zlib`, `share/xproto`), titled `# <module>`, with YAML front matter (module, kind,
pkgconfig_dir, deb_package: metadata for filters; every one of them is also stated in the page
body) and a body in one of three layouts, dealt in turn to the records in the order of
sha256("catalog7:<id>") (so fixed by the ids, and spread evenly): `fields` (a bold-label list),
`table` (a two-column pipe table) or `prose` (one paragraph, wording varied per page). `build` refuses to overwrite corpus/ without --force.

`check` renders the snapshot again into a temporary folder and compares it file for file with
the committed corpus/, loads the corpus with ragtune's loader, reads dev.jsonl and the frozen
test.jsonl with `load_qa`, and checks every item: evidence ids are documents, every gold string
occurs (case-insensitive, and as accuracy tokens) in its evidence pages and scores correct,
comparisons and unanswerables score as they should, each item's fact agrees with snapshot.json
(the item's `kind` and its extra keys say which fact), no page is asked about in both splits,
test.jsonl matches test.jsonl.sha256, and the type mix is the one README.md gives.

The questions in dev.jsonl and test.jsonl were written once by hand from the pages (not by this
script), each with a `kind` and the keys that name its fact, then frozen.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog7"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
PCDIRS = [  # (directory, corpus folder)
    (Path("/usr/lib/x86_64-linux-gnu/pkgconfig"), "lib"),
    (Path("/usr/share/pkgconfig"), "share"),
    (Path("/usr/local/lib/x86_64-linux-gnu/pkgconfig"), "local"),
    (Path("/usr/local/lib/pkgconfig"), "local"),
    (Path("/usr/local/share/pkgconfig"), "local"),
    (Path("/usr/lib/pkgconfig"), "lib"),
]
DPKG_INFO = Path("/var/lib/dpkg/info")

TAKE = 85
PAIRS = 10
CAP = 6  # modules per Debian package (x11proto-dev alone ships 28 .pc files, libncurses-dev 12)
DESC_CAP = 1  # modules per Description (nine ncurses add-ons share one, the five xmlsec1 files another)
N_EXTRA_VARS = 4
STANDARD_VARS = ("prefix", "exec_prefix", "libdir", "sharedlibdir", "includedir")

# Well-known pkg-config modules of libraries NOT installed here (checked: no .pc file of that name
# in any directory of the snapshot, and the name on no page), for unanswerable questions.
ABSENT = [
    "glib-2.0", "gtk+-3.0", "cairo", "pango", "libcurl", "dbus-1", "gstreamer-1.0", "harfbuzz",
    "libusb-1.0", "libzstd", "libevent", "libarchive", "libsodium", "jansson", "libuv", "lua5.4",
    "protobuf", "opencv4", "poppler", "libwebp", "pixman-1", "libdrm", "wayland-client", "alsa",
    "libpulse", "xkbcommon", "libsecret-1", "libcap", "libseccomp", "blkid", "fftw3", "hwloc",
    "libzip", "gsl", "openblas", "x11-xcb", "xrandr", "xi", "xinerama", "libtiff-4", "lcms2",
    "libedit", "bzip2", "libmount", "gio-2.0", "libbsd", "libunwind", "libelf", "mariadb",
]  # fmt: skip

# What a .pc file never says, for unanswerable questions about a catalogued module; the words an
# answer would need, none of which may occur on any page (checked).
ABSENT_FIELDS = {
    "licence": ["licence", "license", "gpl", "lgpl", "spdx", "apache"],
    "maintainer": ["maintainer", "maintained", "author", "written by"],
    "release-date": ["released", "release date"],
    "installed-size": ["kb", "kib", "mb", "mib", "bytes", "installed size"],
    "soname": ["soname", ".so."],
    "bug-tracker": ["bug", "bugs", "issue tracker", "issues"],
    "dependents": ["reverse dependencies", "rdepends", "required by"],
    "popularity": ["popcon", "popularity", "installations"],
    "cves": ["cve", "vulnerability", "vulnerabilities", "security advisory"],
    "language": ["written in", "programming language"],
}


# ------------------------------------------------------------------ reading .pc files

FIELD_NAMES = {"name": "Name", "description": "Description", "version": "Version", "url": "URL",
               "requires": "Requires", "requires.private": "Requires.private", "libs": "Libs",
               "libs.private": "Libs.private", "cflags": "Cflags", "cflags.private": "Cflags.private",
               "conflicts": "Conflicts", "provides": "Provides"}  # fmt: skip


def strip_comment(line: str) -> str:
    """pkg-config drops everything from an unescaped `#` on."""
    out, i = [], 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line) and line[i + 1] == "#":
            out.append("#")
            i += 2
            continue
        if c == "#":
            break
        out.append(c)
        i += 1
    return "".join(out)


def expand(value: str, variables: dict[str, str], depth: int = 0) -> str:
    if depth > 20:
        return value
    return re.sub(r"\$\{([A-Za-z0-9_.]+)\}", lambda m: expand(variables.get(m.group(1), ""), variables, depth + 1), value)


def parse_requires(s: str) -> list[str]:
    """`a >= 1.0, b c` -> ["a >= 1.0", "b", "c"] (pkg-config's list: commas or spaces)."""
    toks = [t for t in re.split(r"[\s,]+", s.strip()) if t]
    out: list[str] = []
    i = 0
    while i < len(toks):
        if i + 2 < len(toks) and toks[i + 1] in ("=", "<", ">", "<=", ">=", "!="):
            out.append(" ".join(toks[i : i + 3]))
            i += 3
        else:
            out.append(toks[i])
            i += 1
    return out


def req_module(item: str) -> str:
    return item.split()[0]


def read_pc(path: Path, folder: str, owner: dict[str, str]) -> tuple[dict | None, str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    raw_vars: dict[str, str] = {}
    order: list[str] = []
    fields: dict[str, str] = {}
    for line in text.splitlines():
        line = strip_comment(line).rstrip()
        if not line.strip():
            continue
        m = re.match(r"\s*([A-Za-z0-9_.]+)\s*([=:])\s*(.*)$", line)
        if not m:
            continue
        key, sep, val = m.group(1), m.group(2), m.group(3).strip()
        if sep == "=":
            raw_vars.setdefault(key, val)
            if key not in order:
                order.append(key)
        elif key.lower() in FIELD_NAMES:
            fields.setdefault(FIELD_NAMES[key.lower()], val)
    variables = {"pcfiledir": str(path.parent), "pc_sysrootdir": "/", **raw_vars}
    ex = {k: " ".join(expand(v, variables).split()) for k, v in fields.items()}
    evars = {k: " ".join(expand(raw_vars[k], variables).split()) for k in order}
    module = path.name[:-3]
    for f in ("Name", "Description", "Version"):
        if not ex.get(f):
            return None, f"no {f}"
    if "|" in ex["Description"] + ex["Name"] or '"' in ex["Description"]:
        return None, "description with | or quote"
    extra = []
    for k in order:
        v = evars[k]
        if k in STANDARD_VARS or not v or re.fullmatch(r"\$\{[^}]*\}", raw_vars[k].strip()) or len(v) > 80:
            continue
        if "|" in v:
            continue
        extra.append([k, v])
        if len(extra) == N_EXTRA_VARS:
            break
    rec = {
        "module": module,
        "folder": folder,
        "dir": str(path.parent),
        "name": ex["Name"],
        "description": ex["Description"],
        "version": ex["Version"],
        "url": ex.get("URL", ""),
        "requires": parse_requires(ex.get("Requires", "")),
        "requires_private": parse_requires(ex.get("Requires.private", "")),
        "libs": ex.get("Libs", ""),
        "libs_private": ex.get("Libs.private", ""),
        "cflags": ex.get("Cflags", ""),
        "prefix": evars.get("prefix", ""),
        "libdir": evars.get("libdir", ""),
        "includedir": evars.get("includedir", ""),
        "variables": extra,
        "package": owner.get(str(path), ""),
        "aliases": [],
    }
    rec["kind"] = kind_of(rec)
    return rec, ""


def kind_of(r: dict) -> str:
    if re.search(r"(?:^|\s)-l\S", r["libs"]):
        return "library"
    if r["cflags"]:
        return "headers"
    if r["requires"]:
        return "wrapper"
    return "data"


def dpkg_owners() -> dict[str, str]:
    owner: dict[str, str] = {}
    for f in sorted(DPKG_INFO.glob("*.list")):
        pkg = f.stem.split(":")[0]
        for ln in f.read_text(encoding="utf-8", errors="replace").splitlines():
            if ln.endswith(".pc") and "/pkgconfig/" in ln:
                owner.setdefault(ln, pkg)
    return owner


def _version_key(v: str) -> tuple:
    return tuple(int(x) if x.isdigit() else x for x in re.findall(r"\d+|[a-z]+", v.lower()))


def scan_pc() -> dict:
    owner = dpkg_owners()
    recs, skipped, names, links = [], [], set(), []
    files = 0
    for base, folder in PCDIRS:
        if not base.is_dir():
            continue
        for p in sorted(base.glob("*.pc")):
            names.add(p.name[:-3])
            if p.is_symlink():
                links.append((p, p.resolve()))
                continue
            if not p.is_file():
                continue
            files += 1
            r, why = read_pc(p, folder, owner)
            if r is None:
                skipped.append(f"{p} ({why})")
            elif any(o["module"] == r["module"] for o in recs):
                skipped.append(f"{p} (module name already read from another directory)")
            elif not r["package"]:
                skipped.append(f"{p} (no owning Debian package)")
            else:
                recs.append(r)
    by_path = {Path(r["dir"]) / f"{r['module']}.pc": r for r in recs}
    for link, target in links:
        t = by_path.get(target)
        if t is not None:
            t["aliases"].append(link.name[:-3])
            skipped.append(f"{link} (symlink to {target.name}, recorded as an alias)")
        else:
            skipped.append(f"{link} (symlink to {target}, not an eligible file)")
    recs.sort(key=lambda r: r["module"])
    eligible = {r["module"]: r for r in recs}
    alias_of = {a: r["module"] for r in recs for a in r["aliases"]}

    def single_req(r):
        reqs = r["requires"] or r["requires_private"]
        if len(reqs) != 1 or (r["requires"] and r["requires_private"] and len(r["requires"] + r["requires_private"]) > 1):
            return None
        m = req_module(reqs[0])
        m = alias_of.get(m, m)
        t = eligible.get(m)
        if t is None or t is r or _version_key(t["version"]) == _version_key(r["version"]):
            return None
        return m

    pairs = [(r["module"], single_req(r)) for r in recs if single_req(r)]
    per_pkg: Counter = Counter()
    per_desc: Counter = Counter()
    chosen: list[str] = []

    def full(m: str) -> bool:
        return per_pkg[eligible[m]["package"]] >= CAP or per_desc[eligible[m]["description"].lower()] >= DESC_CAP

    def take(m: str) -> None:
        chosen.append(m)
        per_pkg[eligible[m]["package"]] += 1
        per_desc[eligible[m]["description"].lower()] += 1

    taken_pairs = []
    for a, b in pairs:
        if len(taken_pairs) == PAIRS:
            break
        new = [m for m in (a, b) if m not in chosen]
        if any(full(m) for m in new):
            continue
        taken_pairs.append([a, b])
        for m in new:
            take(m)
    pool = [r for r in recs if r["module"] not in chosen]
    k = TAKE - len(chosen)
    n = len(pool)
    for i in range(k):  # evenly spaced start points, each moved on past full packages / descriptions
        j = int((i + 0.5) * n / k)
        for d in range(n):
            r = pool[(j + d) % n]
            if r["module"] not in chosen and not full(r["module"]):
                take(r["module"])
                break
    return {
        "source": [str(b) for b, _ in PCDIRS if b.is_dir()],
        "pc_files": files,
        "symlinks": len(links),
        "eligible": len(recs),
        "pairs": taken_pairs,
        "modules": sorted(names),
        "skipped": skipped,
        "records": [eligible[m] for m in sorted(chosen)],
    }


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return f"{r['folder']}/{r['module']}"


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog7:{salt}{key}".encode()).hexdigest(), 16)


LAYOUTS = ("fields", "table", "prose")
_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    """The records in the order of sha256("catalog7:<id>"), dealt the three layouts in turn (so
    the layouts are spread evenly and fixed by the ids alone)."""
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


KIND_TEXT = {"library": "library (links with -l flags)", "headers": "header-only (compiler flags, no library to link)",
             "wrapper": "wrapper (no flags of its own, only Requires)",
             "data": "data only (no compiler or linker flags)"}  # fmt: skip


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def front_matter(r: dict) -> str:
    return ("---\n" f"module: {json.dumps(r['module'])}\n" f"kind: {r['kind']}\n"
            f"pkgconfig_dir: {json.dumps(r['dir'])}\n" f"deb_package: {json.dumps(r['package'])}\n" "---\n")  # fmt: skip


def render(r: dict) -> str:
    m, kind, w = r["module"], layout(r), _h(doc_id(r), "w")
    pcfile = f"{r['dir']}/{m}.pc"
    head = front_matter(r) + f"\n# {m}\n\n"
    vars_ = [("prefix", r["prefix"]), ("libdir", r["libdir"]), ("includedir", r["includedir"])]
    vars_ = [(k, v) for k, v in vars_ if v] + [tuple(x) for x in r["variables"]]
    if kind == "fields":
        lines = [f"- **Display name:** {r['name']}", f"- **Version:** {r['version']}",
                 f"- **Summary:** {r['description']}"]  # fmt: skip
        if r["url"]:
            lines.append(f"- **Project URL:** {r['url']}")
        lines.append(f"- **Requires:** {', '.join(r['requires']) or 'nothing'}")
        lines.append(f"- **Requires (private, static linking):** {', '.join(r['requires_private']) or 'nothing'}")
        if r["libs"]:
            lines.append(f"- **Libs:** `{r['libs']}`")
        if r["libs_private"]:
            lines.append(f"- **Libs (private):** `{r['libs_private']}`")
        if r["cflags"]:
            lines.append(f"- **Cflags:** `{r['cflags']}`")
        for k, v in vars_:
            lines.append(f"- **Variable `{k}`:** {v}")
        lines.append(f"- **Kind:** {KIND_TEXT[r['kind']]}")
        lines.append(f"- **File:** {pcfile}")
        if r["aliases"]:
            lines.append(f"- **Also reachable as:** {', '.join(a + '.pc' for a in r['aliases'])}")
        lines.append(f"- **Debian package:** {r['package']}")
        return head + "\n".join(lines) + "\n"
    if kind == "table":
        rows = [("Name field", r["name"]), ("Version", r["version"]), ("Description", r["description"]),
                ("URL", r["url"] or "not given"), ("Requires", ", ".join(r["requires"]) or "none"),
                ("Requires.private", ", ".join(r["requires_private"]) or "none"),
                ("Libs", f"`{r['libs']}`" if r["libs"] else "none"),
                ("Libs.private", f"`{r['libs_private']}`" if r["libs_private"] else "none"),
                ("Cflags", f"`{r['cflags']}`" if r["cflags"] else "none")]  # fmt: skip
        rows += [(f"`{k}`", v) for k, v in vars_]
        rows += [("Kind", KIND_TEXT[r["kind"]]), ("Path", pcfile)]
        if r["aliases"]:
            rows.append(("Alias", ", ".join(a + ".pc" for a in r["aliases"])))
        rows.append(("Installed by", r["package"]))
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    # prose
    s = [(f"The pkg-config module {m} is described by {pcfile}, which the Debian package {r['package']} installs.",
          f"{m}.pc lives in {r['dir']} and comes from the Debian package {r['package']}.",
          f"Installed by the Debian package {r['package']}, the file {pcfile} defines the pkg-config module {m}.")[w % 3]]
    s.append(f"It gives its name as {r['name']} and its version as {r['version']}." if w % 5 < 3
             else f"Its Name field reads {r['name']}, at version {r['version']}.")
    s.append(f"The description says: \"{r['description'].rstrip('.')}\"." if w % 7 < 4
             else f"In its own words it is \"{r['description'].rstrip('.')}\".")
    if r["url"]:
        s.append(f"The project's web address is {r['url']} ." if w % 2 else f"More at {r['url']} .")
    if r["requires"]:
        s.append(f"Building against it also pulls in {_list(r['requires'])}.")
    else:
        s.append("It lists no public requirements.")
    if r["requires_private"]:
        s.append(f"For static linking it needs {_list(r['requires_private'])} (Requires.private).")
    s.append({"library": "It is a library module", "headers": "It is a header-only module",
              "wrapper": "It is a wrapper module with no flags of its own", "data": "It is a data-only module"}[r["kind"]]  # fmt: skip
             + (f": linking uses `{r['libs']}`" if r["libs"] else "")
             + (f" and compiling uses `{r['cflags']}`" if r["libs"] and r["cflags"] else
                f": compiling uses `{r['cflags']}`" if r["cflags"] else "") + ".")
    if r["libs_private"]:
        s.append(f"Private libraries for static builds: `{r['libs_private']}`.")
    if vars_:
        s.append("Variables set in the file: " + "; ".join(f"{k} = {v}" for k, v in vars_) + ".")
    if r["aliases"]:
        s.append(f"The same file is also reachable as {_list([a + '.pc' for a in r['aliases']])}.")
    return head + " ".join(s) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def write_corpus(recs: list[dict], dest: Path) -> None:
    assign_layouts(recs)
    for r in recs:
        p = dest / f"{doc_id(r)}.md"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(render(r), encoding="utf-8")


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's .pc files again")
    if not any(b.is_dir() for b, _ in PCDIRS):
        sys.exit(f"none of {[str(b) for b, _ in PCDIRS]} found")
    snap = scan_pc()
    assign_layouts(snap["records"])
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    recs = snap["records"]
    why = Counter(re.search(r"\(([^()]*?)(?: to [^()]*)?\)$", s).group(1).split(",")[0] for s in snap["skipped"])
    print(f"{snap['pc_files']} regular .pc files, {snap['symlinks']} symlinks, {snap['eligible']} eligible; "
          f"skipped {dict(why)}; {len(snap['pairs'])} pairs")
    print(f"{len(recs)} records; folders {dict(Counter(r['folder'] for r in recs))}; kinds "
          f"{dict(Counter(r['kind'] for r in recs))}; packages {len({r['package'] for r in recs})}; "
          f"layouts {dict(Counter(layout(r) for r in recs))}")


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    clash = [k for k, c in Counter(doc_id(r) for r in recs).items() if c > 1]
    if clash:
        sys.exit(f"ids chosen twice: {clash}")
    if CORPUS.exists() and any(CORPUS.rglob("*.md")) and not force:
        sys.exit(f"{CORPUS} exists (committed); pass --force to render it again")
    for old in CORPUS.rglob("*.md") if CORPUS.exists() else []:
        old.unlink()
    write_corpus(recs, CORPUS)  # assigns the layouts
    print(f"{len(recs)} pages in {CORPUS}; layouts {dict(Counter(layout(r) for r in recs))}")


# ------------------------------------------------------------------ check


def _toks(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return bool(needle) and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _named(name: str, text: str) -> bool:
    return _contains(_toks(text), _toks(name))


def _near_miss(v: str) -> str:
    m = list(re.finditer(r"\d", v))[-1]
    return v[: m.start()] + str((int(m.group()) + 1) % 10) + v[m.end() :]


def report(results: list[tuple[str, list[str]]]) -> int:
    fails = 0
    for name, bad in results:
        print(("PASS " if not bad else "FAIL ") + name)
        for b in bad[:20]:
            print("     ", b)
        fails += bool(bad)
    print("all checks passed" if not fails else f"{fails} checks failed")
    return 1 if fails else 0


# the snapshot field a single-hop kind asks (a list field: its one item, or the module of it)
SINGLE_FIELD = {"version": "version", "description": "description", "url": "url", "name": "name",
                "package": "package", "requires": "requires", "requires-private": "requires_private",
                "libdir": "libdir", "includedir": "includedir", "prefix": "prefix", "libs": "libs",
                "cflags": "cflags", "variable": "variables", "alias": "aliases", "kind": "kind",
                "dir": "dir"}  # fmt: skip
WANT = {"dev": {"single_hop": 18, "unanswerable": 7, "comparison": 6, "reverse": 5, "filter": 5, "multi_hop": 3},
        "test": {"single_hop": 29, "unanswerable": 12, "comparison": 9, "filter": 9, "reverse": 7, "multi_hop": 5}}


def field_values(r: dict, field: str, key: str | None = None) -> list[str]:
    """The values of a record's field as a question may ask them."""
    if field == "variables":
        return [v for k, v in r["variables"] if k == key]
    v = r[field]
    if isinstance(v, list):
        return list(v)
    return [v] if v else []


def fact_values(r: dict, f: str) -> set[str]:
    """Normalised values of a filter condition's field (`f` as in an item's `where`)."""
    if f in ("requires", "requires_private"):
        return {req_module(x) for x in r[f]}
    if f == "requires_any":
        return {req_module(x) for x in r["requires"] + r["requires_private"]}
    if f == "url_host":
        m = re.match(r"https?://([^/]+)", r["url"])
        return {m.group(1)} if m else set()
    if f == "has_url":
        return {"yes" if r["url"] else "no"}
    if f == "no_requires":
        return {"no" if r["requires"] or r["requires_private"] else "yes"}
    if f == "major":
        return {r["version"].split(".")[0]}
    if f == "version":
        return {r["version"]}
    return {r[f]} if r.get(f) else set()


def _vkey(v: str) -> tuple:
    parts = [int(x) for x in re.findall(r"\d+", v)]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def check() -> int:
    if str(ROOT / "src") not in sys.path:  # run without PYTHONPATH=src too
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    results: list[tuple[str, list[str]]] = []
    snap = load_snapshot()
    recs = snap["records"]
    by_id = {doc_id(r): r for r in recs}
    by = {r["module"]: r for r in recs}

    # 1. a fresh rendering of the snapshot equals the committed corpus, file for file
    diff: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(recs, Path(tmp))
        fresh = {p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("*") if p.is_file()}
        have = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
        diff += [f"missing from corpus/: {x}" for x in sorted(fresh - have)]
        diff += [f"not rendered from the snapshot: {x}" for x in sorted(have - fresh)]
        diff += [f"differs from its rendering: {x}" for x in sorted(fresh & have)
                 if not filecmp.cmp(Path(tmp) / x, CORPUS / x, shallow=False)]  # fmt: skip
    results.append((f"a rebuild of snapshot.json into a temporary folder equals corpus/ ({len(have)} files)", diff))

    # 2. the loader reads every page
    files, problems = scan(CORPUS)
    docs, load_bad = {}, []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i, d in docs.items() if i not in by_id or d.title != by_id[i]["module"]
            or d.metadata.get("module") != by_id[i]["module"] or d.metadata.get("kind") != by_id[i]["kind"]
            or d.metadata.get("pkgconfig_dir") != by_id[i]["dir"] or d.metadata.get("deb_package") != by_id[i]["package"]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents, each titled by its module, "
                    "with front matter module / kind / pkgconfig_dir / deb_package", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}  # body text only: front matter is metadata
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    kind_words = {"library": "library", "headers": "header only", "wrapper": "wrapper", "data": "data only"}
    for i, r in by_id.items():  # every front-matter value is also body text
        for v in (r["module"], r["dir"], r["package"]):
            if v.lower() not in low.get(i, ""):
                bad.append(f"{i}: {v!r} not in the body")
        if not _contains(_toks(low.get(i, "")), _toks(kind_words[r["kind"]])):
            bad.append(f"{i}: kind not in the body")
    results.append(("every front-matter value is stated in the page body", bad))

    # 3. the QA files
    rows: dict[str, list[dict]] = {}
    parse_bad = []
    for s in ("dev", "test"):
        rows[s] = []
        for n, line in enumerate((OUT / f"{s}.jsonl").read_text(encoding="utf-8").split("\n"), 1):
            if line.strip():
                try:
                    rows[s].append(json.loads(line))
                except json.JSONDecodeError as e:
                    parse_bad.append(f"{s}:{n}: {e}")
    items, loadq = {}, []
    for s in ("dev", "test"):
        try:
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            loadq.append(f"{s}: {e}")
    results.append(("every line parses as JSON and load_qa reads both splits with the corpus ids", parse_bad + loadq))
    if loadq or parse_bad:
        return report(results)

    allitems = [(s, it) for s in ("dev", "test") for it in items[s]]
    idf, ev, gold_in, gold_ok, near, cmpw, abst, facts = ([] for _ in range(8))
    ids = Counter(it.id for _, it in allitems)
    idf += [f"{i} twice" for i, c in ids.items() if c > 1]
    for s, it in allitems:
        kind = it.meta.get("kind")
        if not kind:
            idf.append(f"{it.id}: no kind")
        if not re.fullmatch(rf"c7-{s}-\d\d\d", it.id):
            idf.append(f"{it.id}: id not c7-{s}-NNN")
        if it.type not in WANT[s]:
            idf.append(f"{it.id}: type {it.type}")
        if it.type == "unanswerable" and it.evidence:
            ev.append(f"{it.id}: unanswerable with evidence")
        if it.answerable and not it.evidence:
            ev.append(f"{it.id}: no evidence")
        ev += [f"{it.id}: evidence {e} not a document" for e in it.evidence if e not in docs]
        if bool(it.options) != (it.type == "comparison"):
            ev.append(f"{it.id}: options only (and always) on comparisons")
        if not it.answerable:
            if not is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores wrong")
            if is_correct(it, "It is version 1.2.3.", False) or is_correct(it, "zlib1g-dev", False):
                abst.append(f"{it.id}: an answer scores correct")
            continue
        if is_correct(it, "The documents do not say.", False):
            abst.append(f"{it.id}: abstention scores correct on an answerable item")
        for g in it.answers:
            if not any(g.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r} not in the evidence text (case-insensitive)")
            if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
            if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                gold_ok.append(f"{it.id}: {g!r}")
            if g.strip().lower() in ("none", "nothing", "yes", "no"):
                gold_ok.append(f"{it.id}: bare {g!r}")
        if kind in ("version", "req-version") and re.search(r"\d", it.answers[0]):
            nm = _near_miss(it.answers[0])
            if is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                near.append(f"{it.id}: {nm}")
        if it.options:
            a, b = it.options[:2]
            if it.answers[0] not in it.options:
                cmpw.append(f"{it.id}: gold not an option")
            for w in [o for o in it.options if o not in it.answers]:
                if is_correct(it, w, False) or is_correct(it, f"{w} does.", False) or \
                        is_correct(it, f"The answer is {w}.", False):
                    cmpw.append(f"{it.id}: wrong option scores correct")
            for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a} and {b}."):
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r} scores correct")
        facts += _fact_problems(it, by, by_id, ftoks, low, answer_tokens, contains_tokens)
    results += [
        ("ids c7-<split>-NNN, unique; every item has a kind; options only on comparisons; evidence: answerable "
         "has some, unanswerable none, every id a loaded document", idf + ev),
        ("every gold string occurs in an evidence page's text (case-insensitive) and as accuracy tokens", gold_in),
        ("every gold scores correct alone and in 'The answer is <gold>.'; no bare none / yes / no", gold_ok),
        ("a near-miss version (last digit changed) scores wrong", near),
        ("comparisons: gold is an option; the wrong option (alone, 'X does.', in a sentence), 'A or B', "
         "'B or A', 'A and B.' score wrong", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json (single-hop and multi-hop values, comparison winners, filters matching "
         "exactly one record, reverse descriptions unique)", facts),
    ]

    # 4. split separation and unanswerables
    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r.get("evidence", []))
            if r.get("module") in by:
                out.add(doc_id(by[r["module"]]))
        return out

    subj = [f"{s}: {e} is the subject of {c} single-hop / multi-hop items"
            for s in rows for e, c in Counter(r["evidence"][0] for r in rows[s]
                                              if r["type"] in ("single_hop", "multi_hop")).items() if c > 1]
    both = sorted(pages_of("dev") & pages_of("test"))
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    qdup = [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    absent_in = {s: {r["module"] for r in rows[s] if r["kind"] == "absent-module"} for s in rows}
    results.append(("no page asked about in both splits (evidence, the module of an unanswerable item), no absent "
                    "module in both, no question repeated across splits; within a split a page is the subject of "
                    "one single-hop or multi-hop item at most", both + sorted(absent_in["dev"] & absent_in["test"])
                    + qdup + subj))
    corpus_all = "\n".join(full.values())
    corpus_low = corpus_all.lower()
    ctoks = _toks(corpus_all)
    present = set(snap["modules"])
    un = []
    for s in rows:
        for r in rows[s]:
            if r["type"] != "unanswerable":
                continue
            if r["kind"] == "absent-module":
                p = r.get("module", "")
                if p not in ABSENT or p in present or _contains(ctoks, _toks(p)) or not _named(p, r["question"]):
                    un.append(f"{r['id']}: absent module {p!r} has a .pc file, is named on a page or not asked")
                if any(_named(m, r["question"]) and len(m) > 3 for m in by):
                    un.append(f"{r['id']}: names a catalogued module")
            elif r["kind"] == "absent-field":
                f, p = r.get("field"), r.get("module")
                if f not in ABSENT_FIELDS or p not in by or not _named(p, r["question"]):
                    un.append(f"{r['id']}: field {f!r} / module {p!r} unknown or not asked")
                    continue
                for wd in ABSENT_FIELDS[f]:
                    if (" " in wd or "." in wd) and wd in corpus_low or wd in ctoks:
                        un.append(f"{r['id']}: the corpus holds {wd!r}")
            else:
                un.append(f"{r['id']}: unknown unanswerable kind {r['kind']!r}")
    results.append(("unanswerable: absent modules have no .pc file here (snapshot's name list) and are named on no "
                    "page; absent fields' words are on no page", un))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    sha_ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if sha_ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(it.type for it in items[s])) for s in items}
    size = [f"{s}: {counts[s]} != {WANT[s]}" for s in WANT if counts[s] != WANT[s]]
    results.append((f"split sizes and type mix (dev {len(items['dev'])}, test {len(items['test'])})", size))
    return report(results)


def _fact_problems(it, by, by_id, ftoks, low, answer_tokens, contains_tokens) -> list[str]:
    """Does an item's gold agree with snapshot.json? The item's `kind` and keys name the fact."""
    kind, meta, out = it.meta.get("kind"), it.meta, []
    gold = it.answers[0]

    def has(e, v):
        return contains_tokens(ftoks[e], answer_tokens(v))

    if it.type == "single_hop":
        r = by_id.get(it.evidence[0])
        if r is None or len(it.evidence) != 1 or not _named(r["module"], it.question):
            return [f"{it.id}: the one evidence page is not the module the question names"]
        vals = field_values(r, SINGLE_FIELD.get(kind, kind), meta.get("variable"))
        if kind in ("requires", "requires-private"):
            vals = [req_module(v) for v in vals] if len(vals) == 1 else []
        if kind == "description":
            vals = [v.rstrip(".") for v in vals]
        if kind == "alias":
            vals = [v + ".pc" for v in vals]
        if gold not in vals:
            out.append(f"{it.id}: gold {gold!r} is not the snapshot's {kind} {vals}")
    elif it.type == "multi_hop":
        if len(it.evidence) != 2:
            return [f"{it.id}: evidence is not [subject, required module]"]
        r, t = by_id[it.evidence[0]], by_id[it.evidence[1]]
        via = meta.get("via", "requires")
        reqs = [req_module(x) for x in r[via]]
        alias = {a: t["module"] for a in t["aliases"]}
        if [alias.get(x, x) for x in reqs] != [t["module"]]:
            out.append(f"{it.id}: {r['module']}'s {via} is not just {t['module']}")
        f = meta.get("field", "version")
        v = t[f].rstrip(".") if f == "description" else t[f]
        if gold != v:
            out.append(f"{it.id}: gold is not {t['module']}'s {f}")
        if has(it.evidence[0], gold):
            out.append(f"{it.id}: gold already on the subject's page (not a hop)")
        if not _named(r["module"], it.question) or _named(t["module"], it.question):
            out.append(f"{it.id}: question must name the subject and not the required module")
    elif it.type == "comparison":
        a, b = (by.get(o) for o in it.options)
        if a is None or b is None or [doc_id(a), doc_id(b)] != it.evidence:
            return [f"{it.id}: options are not the evidence modules"]
        win = by[gold]
        lose = b if win is a else a
        if kind == "higher-version":
            if not _vkey(win["version"]) > _vkey(lose["version"]):
                out.append(f"{it.id}: {gold} does not have the higher version")
        elif kind == "lower-version":
            if not _vkey(win["version"]) < _vkey(lose["version"]):
                out.append(f"{it.id}: {gold} does not have the lower version")
        elif kind in ("requires-which", "requires-private-which", "requires-any-which"):
            f = {"requires-which": "requires", "requires-private-which": "requires_private"}.get(kind, "requires_any")
            x = meta.get("target", "")
            if not (x in fact_values(win, f) and x not in fact_values(lose, "requires_any")):
                out.append(f"{it.id}: {x} not required by the winner alone")
            if has(doc_id(lose), x):
                out.append(f"{it.id}: {x} named on the other page")
        elif kind == "has-url":
            if not (win["url"] and not lose["url"]):
                out.append(f"{it.id}: URL not on the winner's page alone")
        elif kind == "in-package":
            x = meta.get("package", "")
            if not (win["package"] == x != lose["package"]) or not _named(x, it.question):
                out.append(f"{it.id}: package {x} not the winner's alone")
        elif kind == "kind-which":
            x = meta.get("module_kind", "")
            if not (win["kind"] == x != lose["kind"]):
                out.append(f"{it.id}: kind {x} not the winner's alone")
        else:
            out.append(f"{it.id}: unknown comparison kind {kind}")
    elif it.type == "filter":
        where = meta.get("where") or {}
        hits = [m for m, r in by.items() if all(v in fact_values(r, f) for f, v in where.items())]
        if not where or hits != [gold] or it.evidence != [doc_id(by[gold])]:
            out.append(f"{it.id}: filter {where} matches {hits}")
        for f, v in where.items():
            if sum(v in fact_values(r, f) for r in by.values()) < 2:
                out.append(f"{it.id}: condition {f}={v} alone already singles out one record")
            shown = None if f in ("has_url", "kind", "no_requires", "major") else v
            if shown and not has(it.evidence[0], shown):
                out.append(f"{it.id}: {v!r} not on the answer's page")
    elif it.type == "reverse":
        q = meta.get("description", "")
        r = by.get(gold)
        if r is None or r["description"].rstrip(".") != q or q not in it.question:
            return [f"{it.id}: quoted description is not {gold}'s"]
        same = [m for m, o in by.items() if o["description"].rstrip(".").lower() == q.lower()]
        if same != [gold]:
            out.append(f"{it.id}: description shared by {same}")
        if any(q.lower() in low[i] for i in low if i != doc_id(r)):
            out.append(f"{it.id}: description on another page")
    return out


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
