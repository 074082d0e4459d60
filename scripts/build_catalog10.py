"""Build the catalog10 evaluation corpus: Debian machine-readable copyright files of this machine.

    PYTHONPATH=src python scripts/build_catalog10.py snapshot [--force]  # copyright files + dpkg -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog10.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog10.py check               # loader + scorer + fact checks, no model

`snapshot` reads /usr/share/doc/<package>/copyright of the CHOSEN packages, files in the
machine-readable format (DEP-5, a `Format:` header), as paragraphs of `Field: value` lines with
continuation lines (a lone `.` is an empty line, `#` lines are comments). It keeps the header
(Upstream-Name, Upstream-Contact, Source, Files-Excluded), every Files paragraph (its file
patterns, each Copyright line as written and parsed into years and holder, the License short
name) and the names of the stand-alone License paragraphs; and from dpkg (`dpkg-query -W`) the
installed version, source package, section, maintainer, homepage, Depends and Pre-Depends. For
the checks only it also lists every package of this machine whose copyright file is
machine-readable, with its source package. Written to `evalsets/catalog10/snapshot.json`
(committed; `snapshot` refuses to overwrite it without --force): another machine holds other
packages and versions, so the committed snapshot and pages are the corpus.

`build` renders one markdown page per package from snapshot.json alone,
`<pool>/<package>.md` (the pool prefix as in Debian's archive: `libx/libxml2`, `g/grep`), titled
`# <package>`, with YAML front matter (package, version, section: metadata for filters, each also
stated in the body) and a body in one of three layouts dealt in turn in the order of
sha256("catalog10:<id>"): `card` (bulleted field list, one sub-heading per Files paragraph),
`grid` (two pipe tables: the record, then one row per Files paragraph) or `narrative`
(paragraphs, wording varied per page). Then it generates dev.jsonl and test.jsonl from the
snapshot (seeded, SEED) and writes test.jsonl.sha256. It refuses to overwrite corpus/ or the
question files without --force.

`check` renders the snapshot and the questions again into memory and compares them with the
committed files, loads the corpus with ragtune's loader, reads both splits with `load_qa`, and
checks every item (evidence, gold in evidence text and tokens, scoring verdicts, facts against the
snapshot, split separation, unanswerables absent, the sha256, the type mix).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog10"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
DOCDIR = Path("/usr/share/doc")
SEED = 10

# 85 binary packages, one per source package (siblings built from one source share one copyright
# file), none of whose source packages catalog2 (Debian package metadata) covered; varied
# licences (Apache-2.0, Artistic or GPL-1+, BSD variants, Expat/MIT, GPL and LGPL versions, MPL,
# Zlib, public domain, custom ones), 1 to 10 Files paragraphs. Several depend on exactly one other
# catalogued package (libvorbis0a and libflac12 -> libogg0, libgav1-1 -> libabsl20220623,
# libminizip1 -> zlib1g, python3-openssl -> python3-cryptography, libthai0 -> libdatrie1,
# libaudit1 -> libcap-ng0, grep -> libpcre2-8-0, libpsl5 -> libunistring2), so multi-hop
# questions exist. Left out: `time`, `less` and `tar` (package names that are common words).
CHOSEN = [
    # C and C++ libraries and tools
    "libabsl20220623", "libasound2", "alsa-ucm-conf", "libargon2-1", "libaudit1", "libbrotli1", "bzip2",
    "cscope", "libcups2", "libdconf1", "libduktape207", "libexpat1", "libflac12", "libgdbm6", "libgif7", "grep",
    "gzip", "libicu72", "init-system-helpers", "iproute2", "libjson-c5", "liblcms2-2", "libbpf1", "libcap-ng0",
    "libcap2", "libdatrie1", "libde265-0", "libdeflate0", "libgav1-1", "libglu1-mesa", "libheif1", "libogg0",
    "libpsl5", "libseccomp2", "libsecret-1-0", "libssh2-1", "libthai0", "libunistring2", "libvorbis0a",
    "libxml2", "libyaml-0-2", "libzstd1", "liblmdb0", "libminizip1", "libmpg123-0", "net-tools", "ninja-build",
    "libpcsclite1", "procps", "libreadline8", "libslang2", "sqlite3", "libtiff6", "libx265-199",
    "libxxhash0", "zlib1g", "zutty",
    # Perl modules
    "libalgorithm-diff-perl", "libauthen-sasl-perl", "libclone-perl", "liberror-perl", "libtimedate-perl",
    "libtry-tiny-perl", "libxml-twig-perl", "libio-html-perl",
    # Java libraries
    "libaopalliance-java", "libcommons-lang3-java", "libslf4j-java", "libplexus-classworlds-java",
    # Python modules
    "python3-pygments", "python3-jwt", "python3-cryptography", "python3-openssl", "python3-httplib2",
    "python3-distro", "python3-wheel", "python3-six",
    # JavaScript libraries
    "libjs-jquery", "libjs-underscore",
    # copyright files without a debian/* paragraph
    "libnghttp2-14", "libpcre2-8-0", "libmd0", "psmisc", "man-db", "tzdata",
]  # fmt: skip

# Packages of this machine with a machine-readable copyright file that are NOT catalogued (checked:
# in the snapshot's listing, not chosen, no chosen package built from the same source, and named
# on no page), for unanswerable questions; each split takes its own.
ABSENT = ["libjansson4", "libcbor0.8", "libipt2", "libstemmer0d", "librhash0", "libkeyutils1", "libgpm2",
          "libfribidi0", "libasyncns0", "libonig5", "libpfm4", "libutempter0", "libz3-4", "libuchardet0",
          "libdouble-conversion3", "libtie-ixhash-perl"]  # fmt: skip

# What these pages never state about a catalogued package, for unanswerable questions; the words
# an answer would need, none of which may occur on any page (checked).
ABSENT_FIELDS = {
    "installed-size": ["installed-size", "installed size", "disk space", "kib", "kilobytes"],
    "multi-arch": ["multi-arch", "multiarch"],
    "priority": ["priority"],
    "revised": ["last revised", "last updated", "last modified"],
    "description": ["package description", "synopsis"],
    "popcon": ["popcon", "popularity contest"],
    "cve": ["cve"],
    "standards": ["standards-version", "standards version"],
    "debhelper": ["debhelper", "compat level"],
    "uploaders": ["uploaders", "uploader"],
    "build-depends": ["build-depends", "build-depend", "build dependencies"],
}


# ------------------------------------------------------------------ reading copyright files


def paragraphs(text: str) -> list[list[tuple[str, str]]]:
    """deb822 paragraphs as [(field, value)], value lines joined by "\\n" (the first line may be
    empty); `#` lines are comments; a field is `Name:` at the start of a line."""
    out, cur = [], []
    for ln in text.split("\n"):
        if ln.startswith("#"):
            continue
        if not ln.strip():
            if cur:
                out.append(cur)
                cur = []
            continue
        if ln[0] in " \t" and cur:
            k, v = cur[-1]
            cur[-1] = (k, v + "\n" + ln.strip())
            continue
        m = re.match(r"([A-Za-z0-9-]+):(.*)$", ln)
        if m:
            cur.append((m.group(1), m.group(2).strip()))
    if cur:
        out.append(cur)
    return out


def field(p: list[tuple[str, str]], name: str) -> str | None:
    for k, v in p:
        if k.lower() == name.lower():
            return v
    return None


def lines_of(v: str | None) -> list[str]:
    return [x.strip() for x in (v or "").split("\n") if x.strip() and x.strip() != "."]


_YEARS = re.compile(r"^((?:\d{4}(?:\s*[-–]\s*(?:\d{2,4})?)?)(?:\s*,\s*\d{4}(?:\s*[-–]\s*(?:\d{2,4})?)?)*)\s*[,:]?\s*")


def parse_copyright_line(raw: str) -> dict:
    """A Copyright line -> {raw, years, holder}: `Copyright`, `(C)` and `©` dropped, the leading
    years (`1994-1999, 2007-2008`, an open `2013-`), then the holder without e-mail addresses and
    without a trailing "All rights reserved"."""
    t = raw.strip()
    while True:
        t2 = re.sub(r"^(?:copyright\b|\(c\)|©|:)\s*", "", t, flags=re.I)
        if t2 == t:
            break
        t = t2
    years = ""
    m = _YEARS.match(t)
    if m and m.group(1):
        years = m.group(1).strip()
        t = t[m.end():]
    t = re.sub(r"^(?:by\s+|\(c\)\s*|©\s*)", "", t, flags=re.I)
    holder = re.sub(r"\s*<[^>]*>", "", t).strip().rstrip(".,;").strip()
    holder = re.sub(r"\s{2,}", " ", holder)
    holder = re.sub(r"[,.]?\s*All rights reserved\.?$", "", holder, flags=re.I).strip()  # boilerplate
    return {"raw": raw.strip(), "years": years, "holder": holder}


def dep_names(entries: list[str]) -> list[str]:
    """Package names a Depends list mentions (every alternative; `:any` dropped)."""
    out = []
    for e in entries:
        for alt in e.split("|"):
            m = re.match(r"\s*([a-z0-9][a-z0-9+.-]*)", alt)
            if m:
                out.append(m.group(1))
    return out


def split_deps(v: str) -> list[str]:
    return [x.strip() for x in v.split(",") if x.strip()] if v.strip() else []


def dpkg_fields() -> dict[str, dict]:
    fmt = "${Package}\\t${Version}\\t${Source}\\t${Section}\\t${Homepage}\\t${Maintainer}\\t${Depends}\\t${Pre-Depends}\\n"
    out = subprocess.run(["dpkg-query", "-W", "-f", fmt.replace("\\t", "\t").replace("\\n", "\n")],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    info: dict[str, dict] = {}
    for ln in out.splitlines():
        p, v, s, sec, h, mt, dep, pre = ln.split("\t")
        info.setdefault(p, {"version": v, "source_package": s.split()[0] if s.strip() else p, "section": sec,
                            "homepage": h, "maintainer": mt, "depends": split_deps(dep),
                            "pre_depends": split_deps(pre)})  # fmt: skip
    return info


def read_copyright(path: Path) -> dict:
    ps = paragraphs(path.read_text(encoding="utf-8", errors="replace"))
    head = ps[0]
    files, texts = [], []
    for p in ps[1:]:
        fv = field(p, "Files")
        lic = lines_of(field(p, "License"))
        if fv is not None:
            files.append({"patterns": fv.split(), "copyright": [parse_copyright_line(x) for x in
                                                                  lines_of(field(p, "Copyright"))],
                          "license": lic[0] if lic else ""})  # fmt: skip
        elif lic:
            texts.append(lic[0])
    return {"format": (field(head, "Format") or "").strip(), "upstream_name": " ".join(lines_of(field(head, "Upstream-Name"))),
            "upstream_contact": lines_of(field(head, "Upstream-Contact")), "source": lines_of(field(head, "Source")),
            "files_excluded": (field(head, "Files-Excluded") or "").split(), "files": files, "licenses": texts}  # fmt: skip


def scan() -> dict:
    info = dpkg_fields()
    dep5 = {}
    for d in sorted(DOCDIR.iterdir()):
        f = d / "copyright"
        if d.is_symlink() or not d.is_dir() or not f.is_file() or f.is_symlink() or d.name not in info:
            continue
        if re.search(r"^Format:", f.read_text(encoding="utf-8", errors="replace"), re.M):
            dep5[d.name] = info[d.name]["source_package"]
    recs = []
    for pkg in CHOSEN:
        f = DOCDIR / pkg / "copyright"
        if pkg not in dep5:
            sys.exit(f"{f}: not a machine-readable copyright file of an installed package here")
        rec = {"package": pkg, "path": str(f), **info[pkg], **read_copyright(f)}
        recs.append(rec)
    srcs = Counter(r["source_package"] for r in recs)
    if max(srcs.values()) > 1:
        sys.exit(f"two chosen packages from one source: {[s for s, c in srcs.items() if c > 1]}")
    recs.sort(key=lambda r: r["package"])
    return {"source": f"{DOCDIR}/<package>/copyright and dpkg-query -W", "dep5_packages": dep5, "records": recs}


# ------------------------------------------------------------------ record access


def main_stanza(r: dict) -> dict | None:
    s = [f for f in r["files"] if "*" in f["patterns"]]
    return s[0] if len(s) == 1 else None


def deb_stanza(r: dict) -> dict | None:
    s = [f for f in r["files"] if "debian/*" in f["patterns"]]
    return s[0] if len(s) == 1 else None


def maint_name(r: dict) -> str:
    return re.sub(r"\s*<[^>]*>", "", r["maintainer"]).strip()


def holders(r: dict) -> list[str]:
    return [c["holder"] for f in r["files"] for c in f["copyright"] if c["holder"]]


def pool(pkg: str) -> str:
    return pkg[:4] if pkg.startswith("lib") else pkg[0]


def doc_id(r: dict) -> str:
    return f"{pool(r['package'])}/{r['package']}"


def catalogued_deps(r: dict, names: set[str]) -> list[str]:
    return sorted(set(dep_names(r["depends"] + r["pre_depends"])) & names - {r["package"]})


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog10:{salt}{key}".encode()).hexdigest(), 16)


LAYOUTS = ("card", "grid", "narrative")
_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def front_matter(r: dict) -> str:
    return ("---\n" f"package: {json.dumps(r['package'])}\n" f"version: {json.dumps(r['version'])}\n"
            f"section: {json.dumps(r['section'])}\n" "---\n")  # fmt: skip


def and_list(xs: list[str]) -> str:
    xs = list(xs)
    if not xs:
        return ""
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cline(c: dict) -> str:
    """One copyright entry as the pages write it: `holder (years)`."""
    if c["holder"] and c["years"]:
        return f"{c['holder']} ({c['years']})"
    return c["holder"] or c["years"] or c["raw"]


def pats(f: dict) -> str:
    return " ".join(f"`{p}`" for p in f["patterns"])


def nfiles_text(n: int) -> str:
    return f"{n} Files paragraph" + ("" if n == 1 else "s")


def render(r: dict) -> str:
    u, kind, w = r["package"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {u}\n\n"
    src = r["source_package"]
    n = len(r["files"])
    contact = "; ".join(r["upstream_contact"])
    source = " ".join(r["source"])
    deps, pre = r["depends"], r["pre_depends"]
    if kind == "card":
        out = [f"- **Installed version:** {r['version']}",
               f"- **Built from source package:** {src}",
               f"- **Archive section:** {r['section']}",
               f"- **Debian maintainer:** {r['maintainer']}"]  # fmt: skip
        if r["homepage"]:
            out.append(f"- **Project homepage:** {r['homepage']}")
        if pre:
            out.append(f"- **Pre-Depends (needed before unpacking):** {', '.join(pre)}")
        out.append(f"- **Depends on:** {', '.join(deps)}" if deps else "- **Depends on:** nothing")
        out.append(f"- **Upstream name:** {r['upstream_name'] or '(not given)'}")
        out.append(f"- **Upstream contact:** {contact or '(not given)'}")
        out.append(f"- **Upstream source:** {source or '(not given)'}")
        if r["files_excluded"]:
            out.append(f"- **Left out of the Debian source (Files-Excluded):** {', '.join(r['files_excluded'])}")
        out.append(f"- **Copyright file:** {r['path']}, machine-readable, {nfiles_text(n)}")
        for i, f in enumerate(r["files"], 1):
            out += ["", f"## Files paragraph {i}: {pats(f)}", ""]
            out.append("- Copyright: " + ("; ".join(cline(c) for c in f["copyright"]) or "(none stated)"))
            out.append(f"- Licence: {f['license'] or '(none stated)'}")
        out += ["", "## Licence texts", ""]
        out.append(f"Stand-alone License paragraphs: {', '.join(r['licenses'])}." if r["licenses"]
                   else "Stand-alone License paragraphs: none.")  # fmt: skip
        return head + "\n".join(out) + "\n"
    if kind == "grid":
        rows = [("Version installed", r["version"]), ("Source package", src), ("Section", r["section"]),
                ("Maintainer", r["maintainer"])]  # fmt: skip
        if r["homepage"]:
            rows.append(("Homepage", r["homepage"]))
        if pre:
            rows.append(("Pre-Depends", ", ".join(pre)))
        rows.append(("Depends", ", ".join(deps) if deps else "none"))
        rows += [("Upstream-Name", r["upstream_name"] or "not given"), ("Upstream-Contact", contact or "not given"),
                 ("Upstream source (Source:)", source or "not given")]  # fmt: skip
        if r["files_excluded"]:
            rows.append(("Files-Excluded", ", ".join(r["files_excluded"])))
        rows += [("Copyright file", r["path"]), ("Files paragraphs", str(n)),
                 ("Licences given in full", ", ".join(r["licenses"]) if r["licenses"] else "none")]  # fmt: skip
        cell = lambda s: s.replace("|", "\\|")  # noqa: E731
        t1 = "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rows)
        t2 = "| # | Files | Copyright holders (years) | License |\n|---|---|---|---|\n" + "\n".join(
            f"| {i} | {cell(' '.join(f['patterns']))} | {cell('; '.join(cline(c) for c in f['copyright']) or '-')} "
            f"| {cell(f['license'] or '-')} |" for i, f in enumerate(r["files"], 1))
        return head + t1 + "\n\n## Files paragraphs\n\n" + t2 + "\n"
    # narrative
    same = src == u
    p1 = [(f"{u} {r['version']} is the Debian package built from "
           + ("a source package of the same name" if same else f"the source package {src}")
           + f", filed in the {r['section']} section and maintained by {r['maintainer']}.",
           f"Debian ships {u} at version {r['version']} ("
           + ("its own source package" if same else f"source package {src}")
           + f"); it sits in the {r['section']} section, and its maintainer is {r['maintainer']}.",
           f"Version {r['version']} of {u} is installed here. It comes from "
           + ("the source package of the same name" if same else f"the source package {src}")
           + f", belongs to the {r['section']} section and is looked after by {r['maintainer']}.")[w % 3]]
    if r["homepage"]:
        p1.append((f"The project's home page is {r['homepage']}.", f"Homepage: {r['homepage']}.")[w % 4 % 2])
    if pre:
        p1.append(f"Before it can be unpacked it needs {and_list(pre)} (Pre-Depends).")
    p1.append(f"It depends on {and_list(deps)}." if deps else "It declares no dependencies.")
    p2 = []
    un = r["upstream_name"]
    p2.append((f"Upstream, the software is called {un}." if un else "The copyright file gives no upstream name.")
              if w % 5 % 2 else
              (f"The upstream project goes by the name {un}." if un else "No Upstream-Name is recorded."))
    p2.append(f"The upstream contact is {contact}." if contact else "No upstream contact is named.")
    p2.append((f"The upstream code is obtained from {source}." if source else "No upstream source location is given.")
              if w % 7 % 2 else
              (f"The Source field points to {source}." if source else "The Source field is absent."))
    if r["files_excluded"]:
        p2.append(f"Left out of the Debian source tarball (Files-Excluded): {', '.join(r['files_excluded'])}.")
    p3 = [(f"The copyright file, {r['path']}, uses the machine-readable format and has {nfiles_text(n)}.",
           f"Its copyright file ({r['path']}) is machine-readable and is divided into {nfiles_text(n)}.")[w % 11 % 2]]
    for i, f in enumerate(r["files"]):
        cl = [cline(c) for c in f["copyright"]]
        cs = ("; ".join(cl) if any(" and " in c for c in cl) else and_list(cl)) or "nobody named"
        lic = f["license"] or "no licence named"
        p3.append((f"Files matching {pats(f)} are copyright {cs}, under the licence {lic}.",
                   f"For {pats(f)}, copyright lies with {cs}; the licence is {lic}.",
                   f"The paragraph for {pats(f)} credits {cs} and names the licence {lic}.")[(w + i) % 3])
    p4 = (f"The licence texts written out in full are {and_list(r['licenses'])}." if r["licenses"]
          else "It has no stand-alone licence paragraphs.")  # fmt: skip
    return head + "\n\n".join([" ".join(p1), " ".join(p2), " ".join(p3), p4]) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(recs: list[dict]) -> dict[str, str]:
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's copyright files again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    recs = snap["records"]
    print(f"{len(snap['dep5_packages'])} packages with a machine-readable copyright file; {len(recs)} records; "
          f"sections {dict(Counter(r['section'] for r in recs))}; Files paragraphs "
          f"{dict(sorted(Counter(len(r['files']) for r in recs).items()))}")


# ------------------------------------------------------------------ questions

WANT = {"dev": {"single_hop": 18, "unanswerable": 7, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 29, "unanswerable": 12, "comparison": 9, "filter": 9, "reverse": 7, "multi_hop": 5}}
N_DEV_PAGES = 34
ABSENT_SPLIT = {"dev": 4, "test": 6}  # absent-package items; the rest of the unanswerables are absent-field


def _tok(s: str) -> list[str]:
    return re.findall(r"[^\W_]+", s.lower())


def _atok(s: str) -> list[str]:
    """Accuracy tokens (ragtune's `answer_tokens`): how the scorer compares a gold with a text."""
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return bool(needle) and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _named(name: str, text: str) -> bool:
    return _contains(_tok(text), _tok(name))


def _alnum(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


GENERIC_WORDS = {"lib", "perl", "python3", "python", "java", "js", "dev", "common", "bin", "data", "0", "1", "2", "3",
                 "org", "com", "net", "www", "http", "https", "github", "debian", "the", "and", "of", "project"}


def _cores(pkg: str) -> set[str]:
    """The distinctive stems of a package's name: `libheif1` -> libheif, heif; `python3-jwt` -> jwt;
    `zlib1g` -> zlib."""
    out = set()
    for t0 in re.split(r"[-.+]", pkg.lower()):
        t = re.sub(r"\d+[a-z]?$", "", t0)
        for c in (t, t[3:] if t.startswith("lib") else t, t0[3:] if t0.startswith("lib") else t0):
            if len(c) >= 3 and c not in GENERIC_WORDS:
                out.add(c)
    return out


def _shares_word(x: str, pkg: str) -> bool:
    """Stricter, for comparison targets and listed-candidate filters: any word in common
    (`Debian Perl Group` and `libtimedate-perl`)."""
    return bool(set(_tok(x)) & set(_tok(pkg))) or _gives_away(x, pkg)


def _gives_away(x: str, pkg: str) -> bool:
    """Does a value share a distinctive word with the package's name, is it inside the package's
    name (`Zstd` in `libzstd1`), or does it hold a stem of the name (`PyJWT`, `.../libheif`)?"""
    core = _alnum(x)
    return bool((set(_tok(x)) & set(_tok(pkg))) - GENERIC_WORDS) or (len(core) >= 3 and core in _alnum(pkg)) \
        or any(c in core for c in _cores(pkg))


_CORP = re.compile(r",?\s+(?:Inc|Ltd|LLC|GmbH|Corp|Corporation|Limited|AB|AG|Co)\.?$")


def clean_holder(h: str) -> bool:
    """A holder fit to be a gold: 2 to 8 words, letters, no digits, no e-mail or URL, no list."""
    t = _tok(h)
    return (2 <= len(t) <= 8 and not re.search(r"[\d@/:<>()\[\]]", h) and " and " not in f" {h} " and
            "," not in _CORP.sub("", h) and h[:1].isupper() and not re.search(r"\bet al\b|others|contributors|authors|rights reserved|derived|"
                                         r"this code|copyright|public.domain|\bnone\b|\bsee\b", h, re.I))  # fmt: skip


def holder_golds(h: str) -> list[str]:
    short = _CORP.sub("", h).strip()
    return [x for x in dict.fromkeys([h, short]) if len(_tok(x)) >= 2]


def url_golds(u: str) -> list[str]:
    bare = re.sub(r"^[a-z]+://", "", u).rstrip("/")
    return [x for x in dict.fromkeys([u, bare]) if x]


def first_year(years: str) -> str:
    m = re.match(r"\d{4}", years)
    return m.group() if m else ""


def single_value(r: dict, kind: str, arg: str = "") -> list[str]:
    """Gold answers of a single-hop kind for a record ([] when its page does not state it, or the
    value makes a poor gold: one that repeats the package's name, a list, a messy line)."""
    u = r["package"]
    ms, ds = main_stanza(r), deb_stanza(r)
    if kind == "mainlic":
        return [ms["license"]] if ms and ms["license"] else []
    if kind == "deblic":
        return [ds["license"]] if ds and ds["license"] else []
    if kind in ("mainholder", "debholder"):
        s = ms if kind == "mainholder" else ds
        if not s or len(s["copyright"]) != 1:
            return []
        h = s["copyright"][0]["holder"]
        return holder_golds(h) if clean_holder(h) and not _gives_away(h, u) and holders(r).count(h) == 1 else []
    if kind in ("filelic", "fileholder"):
        fs = [f for f in r["files"] if f["patterns"][0] == arg]
        if len(fs) != 1 or arg in ("*",) or arg.startswith("debian/") or \
                sum(arg in f["patterns"] for f in r["files"]) != 1:
            return []
        f = fs[0]
        if kind == "filelic":
            if not f["license"] or (ms and _atok(ms["license"]) == _atok(f["license"])):
                return []
            return [f["license"]]
        if len(f["copyright"]) != 1:
            return []
        h = f["copyright"][0]["holder"]
        return holder_golds(h) if clean_holder(h) and not _gives_away(h, u) and holders(r).count(h) == 1 else []
    if kind == "firstyear":
        cs = [c for f in r["files"] for c in f["copyright"] if c["holder"] == arg]
        if not ms or len(cs) != 1 or cs[0] not in ms["copyright"] or not clean_holder(arg):
            return []
        y = first_year(cs[0]["years"])
        return [y] if y else []
    if kind == "source":
        return url_golds(r["source"][0]) if len(r["source"]) == 1 and re.match(r"^(https?|ftp|git)://\S+$", r["source"][0]) else []
    if kind == "homepage":
        return url_golds(r["homepage"]) if r["homepage"] and r["homepage"] not in r["source"] else []
    if kind == "contact":
        if len(r["upstream_contact"]) != 1:
            return []
        c = r["upstream_contact"][0]
        if re.match(r"^[a-z]+://", c):
            return []  # a web address, not a person or list to contact
        name = re.sub(r"\s*\([^)]*\)", "", re.sub(r"\s*<[^>]*>", "", c)).strip()
        mail = re.findall(r"<([^>]+@[^>]+)>", c)
        g = [c] + ([name] if name and name != c and len(_tok(name)) >= 2 and not _gives_away(name, u) else []) + mail
        return list(dict.fromkeys(g)) if not _gives_away(name or c, u) or "@" in c else []
    if kind == "upstream":
        n = r["upstream_name"]
        short = re.sub(r"\s*\([^)]*\)$", "", n).strip()
        return list(dict.fromkeys([n, short])) if n and not _gives_away(n, u) and len(_tok(n)) <= 7 else []
    if kind == "version":
        return [r["version"]]
    if kind == "maintainer":
        name = maint_name(r)
        short = re.sub(r"\s*\([^)]*\)", "", name).strip()
        return [x for x in dict.fromkeys([name, short, r["maintainer"]]) if len(_tok(x)) >= 2] if name else []
    if kind == "section":
        sec = r["section"]
        return [sec] if sec and not _gives_away(sec, u) and not (sec == "libs" and u.startswith("lib")) else []
    if kind == "srcpkg":
        s = r["source_package"]
        return [s] if s != u and not _gives_away(s, u) else []
    if kind == "nfiles":
        return [str(len(r["files"]))] if len(r["files"]) >= 2 else []
    return []


SINGLE_TEMPLATES = {
    "mainlic": ["Which licence covers the upstream files (Files: *) of {u}?",
                "Under what licence is the bulk of {u}'s source distributed, according to its copyright file?",
                "What licence does the catch-all Files: * paragraph of {u}'s copyright file name?"],
    "deblic": ["Which licence applies to the Debian packaging files (debian/*) of {u}?",
               "Under what licence is the debian/ directory of {u} released?",
               "What licence did the Debian packagers of {u} put their work under?"],
    "debholder": ["Who holds the copyright on the Debian packaging (debian/*) of {u}?",
                  "Whose copyright covers the debian/ files of {u}?",
                  "Who is credited with the copyright for packaging {u} for Debian?"],
    "mainholder": ["Who holds the copyright on the upstream files of {u} (Files: *)?",
                   "Whose copyright notice covers the main files of {u}?"],
    "filelic": ["Which licence covers {pd} in {u}?", "Under what licence is {pd} of {u} distributed?",
                "{u}'s copyright file gives {p} a paragraph of its own: which licence does it name?"],
    "fileholder": ["Who holds the copyright on {pd} in {u}?", "Whose copyright covers {pd} in the {u} package?"],
    "firstyear": ["Since which year has {p} held copyright on {u}'s upstream files?",
                  "From what year does the copyright of {p} in {u} date?"],
    "source": ["Where can the upstream source of {u} be downloaded from?",
               "What is the upstream Source: URL in the copyright file of {u}?",
               "Where did the Debian maintainers fetch {u}'s upstream code from?"],
    "homepage": ["What is the home page of {u}?", "Which website is given as {u}'s homepage?"],
    "contact": ["Who is the upstream contact for {u}?", "Whom does the copyright file of {u} name as Upstream-Contact?"],
    "upstream": ["Under what name does upstream publish the software packaged as {u}?",
                 "What is the Upstream-Name of {u}?", "What is the upstream project behind {u} called?"],
    "version": ["Which version of {u} is installed?", "What is the installed version of the {u} package?",
                "dpkg lists {u} at which version?"],
    "maintainer": ["Who maintains {u} in Debian?", "Who is the Debian maintainer of {u}?",
                   "Which person or team is listed as the maintainer of {u}?"],
    "section": ["In which archive section is {u}?", "Which Debian section does {u} belong to?"],
    "srcpkg": ["Which source package is {u} built from?", "What is the name of the source package that produces {u}?"],
    "nfiles": ["How many Files paragraphs does the copyright file of {u} have?",
               "Into how many Files paragraphs is {u}'s copyright file divided?"],
}  # fmt: skip
# the order single-hop kinds are dealt in (repeating)
SINGLE_ORDER = ["deblic", "mainlic", "debholder", "source", "version", "upstream", "filelic", "maintainer",
                "contact", "mainholder", "section", "firstyear", "nfiles", "homepage", "srcpkg", "fileholder",
                "deblic", "version", "mainlic", "debholder", "source", "filelic", "upstream", "contact",
                "maintainer", "firstyear", "mainholder", "nfiles", "homepage", "section"]  # fmt: skip
# the field of a page a kind asks (no field of a page is asked twice in a split)
FIELD_OF = {"firstyear": "mainholder", "fileholder": "filelic"}

# multi-hop: (subject, target) where the target is the one catalogued package the subject depends on
HOP_KINDS = ["mainlic", "debholder", "upstream", "source", "maintainer", "version", "contact", "deblic"]
HOP_TEMPLATES = {
    "mainlic": ["Under which licence are the upstream files of the catalogued package that {u} depends on?",
                "{u} depends on one other package described here. Which licence covers that package's upstream code?"],
    "deblic": ["Which licence covers the Debian packaging of the catalogued package that {u} depends on?"],
    "debholder": ["Who holds the copyright on the debian/ files of the catalogued package that {u} depends on?",
                  "{u} needs one other package that has a page here. Who is the copyright holder of that package's Debian packaging?"],
    "upstream": ["What is the upstream name of the catalogued package that {u} depends on?",
                 "{u} depends on one other catalogued package. Under what name does its upstream publish it?"],
    "source": ["Where is the upstream source of the catalogued package that {u} depends on downloaded from?"],
    "maintainer": ["Who maintains, in Debian, the catalogued package that {u} depends on?",
                   "{u} depends on one other package described here. Who is that package's Debian maintainer?"],
    "version": ["Which version is installed of the catalogued package that {u} depends on?"],
    "contact": ["Who is the upstream contact of the catalogued package that {u} depends on?"],
}  # fmt: skip

REVERSE_TEMPLATES = {
    "upstream": ["Which package here packages the upstream project called \"{v}\"?",
                 "The upstream software \"{v}\" is shipped by which Debian package?",
                 "Which Debian package carries Upstream-Name: {v}?"],
    "source": ["Which package's upstream code is fetched from {v}?", "{v} is the upstream source of which package?"],
    "holder": ["Which package's copyright file credits {v}?",
               "In which package's copyright file does {v} appear as a copyright holder?",
               "{v} holds copyright in which of the catalogued packages?"],
    "contact": ["For which package is {v} the upstream contact?", "Which package names {v} as its Upstream-Contact?"],
}  # fmt: skip
REVERSE_FIELD = {"upstream": "upstream", "source": "source", "holder": "holders", "contact": "contact"}

CMP_TEMPLATES = {
    "mainlic-which": ["Which of {a} and {b} has its upstream files under {x}?",
                      "Which one is licensed {x} upstream, {a} or {b}?"],
    "deblic-which": ["Which of {a} and {b} puts its Debian packaging under {x}?",
                     "Whose debian/ files are under {x}: {a} or {b}?"],
    "section-which": ["Which of {a} and {b} sits in the {x} section?",
                      "Which does Debian file under the {x} section, {a} or {b}?"],
    "maintainer-which": ["Which of {a} and {b} is maintained by {x}?", "{x} maintains which one, {a} or {b}?"],
    "holder-which": ["Which of {a} and {b} lists {x} as a copyright holder?",
                     "Whose copyright file names {x}: {a} or {b}?"],
    "nfiles-more": ["Which copyright file has more Files paragraphs, that of {a} or that of {b}?",
                    "Of {a} and {b}, which has its copyright file split into more Files paragraphs?"],
    "nfiles-fewer": ["Which has fewer Files paragraphs in its copyright file, {a} or {b}?"],
}  # fmt: skip
CMP_FIELD = {"mainlic-which": "mainlic", "deblic-which": "deblic", "section-which": "section",
             "maintainer-which": "maintainer", "holder-which": "holders", "nfiles-more": "nfiles",
             "nfiles-fewer": "nfiles"}  # fmt: skip
CMP_KIND_FOR = {"mainlic-which": "mainlic", "deblic-which": "deblic", "section-which": "section",
                "maintainer-which": "maintainer"}  # fmt: skip

# filter conditions: name -> phrase (a clause after "that"); values of a record
FILTER_PHRASE = {
    "section": "is filed in the {v} section", "mainlic": "ships its upstream files (Files: *) under {v}",
    "deblic": "has its Debian packaging (debian/*) under {v}", "maintainer": "is maintained by {v}",
    "nfiles": "has exactly {v} Files paragraphs in its copyright file",
}  # fmt: skip
FILTER_TEMPLATES = ["Which package {c1} and {c2}?", "Name the one package that {c1} and {c2}.",
                    "Which catalogued package {c1} and also {c2}?",
                    "There is only one package here that {c1} and {c2}. Which is it?"]  # fmt: skip
AMONG_TEMPLATES = ["Of {cands}, which one {c}?", "Which of these packages {c}: {cands}?",
                   "Among {cands}, which {c}?"]  # fmt: skip
FILTER_PAIRS = [("section", "mainlic"), ("section", "deblic"), ("maintainer", "mainlic"), ("nfiles", "mainlic"),
                ("section", "nfiles"), ("deblic", "mainlic"), ("maintainer", "nfiles"), ("section", "maintainer"),
                ("nfiles", "deblic")]  # fmt: skip
AMONG_FIELDS = ["mainlic", "deblic", "maintainer", "section"]
N_AMONG = {"dev": 2, "test": 3}  # filter-among items; the rest of the filters are two-condition ones

ABSENT_PKG_TEMPLATES = [("deblic", "Which licence covers the Debian packaging of {u}?"),
                        ("mainlic", "Under which licence is the upstream code of {u} released?"),
                        ("source", "Where is the upstream source of {u} downloaded from?"),
                        ("contact", "Who is the upstream contact of {u}?"),
                        ("version", "Which version of {u} is installed?"),
                        ("maintainer", "Who maintains {u} in Debian?")]  # fmt: skip
ABSENT_FIELD_TEMPLATES = {
    "installed-size": "How much disk space does {u} take once installed?",
    "multi-arch": "What Multi-Arch value does the {u} package declare?",
    "priority": "What priority does {u} have in the Debian archive?",
    "revised": "When was the copyright file of {u} last revised?",
    "description": "What does the package description of {u} say it is for?",
    "popcon": "How many popcon installations does {u} have?",
    "cve": "Which CVE fixes does the installed version of {u} carry?",
    "standards": "Which Standards-Version does the Debian packaging of {u} declare?",
    "debhelper": "Which debhelper compat level does the packaging of {u} use?",
    "uploaders": "Who are the Uploaders of {u} besides its maintainer?",
    "build-depends": "Which packages does {u} need at build time (Build-Depends)?",
}  # fmt: skip


def fval(r: dict, f: str) -> set[str]:
    """A record's values for a filter condition, as its page states them."""
    if f == "section":
        return {r["section"]} if r["section"] else set()
    if f == "mainlic":
        ms = main_stanza(r)
        return {ms["license"]} if ms and ms["license"] else set()
    if f == "deblic":
        ds = deb_stanza(r)
        return {ds["license"]} if ds and ds["license"] else set()
    if f == "maintainer":
        return {maint_name(r)} if maint_name(r) else set()
    if f == "nfiles":
        return {str(len(r["files"]))}
    return set()


def fmatch(r: dict, f: str, v: str) -> bool:
    """Does the record meet the condition, compared as accuracy tokens (so `GPL-2` and `GPL-2+`
    count as one condition and neither can single out a package against the other)?"""
    return any(_atok(x) == _atok(v) for x in fval(r, f))


def hops(recs: list[dict]) -> list[tuple[str, str]]:
    """(subject, target): the target is the one catalogued package the subject depends on."""
    names = {r["package"] for r in recs}
    out = []
    for r in recs:
        c = catalogued_deps(r, names)
        if len(c) == 1:
            out.append((r["package"], c[0]))
    return out


def split_pages(recs: list[dict]) -> dict[str, str]:
    """dev / test per package: the hop components (a package and the one it depends on) stay
    together; components in the order of sha256, dealt to dev until it holds N_DEV_PAGES."""
    parent = {r["package"]: r["package"] for r in recs}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in hops(recs):
        parent[find(a)] = find(b)
    comps: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        comps[find(r["package"])].append(r["package"])
    order = sorted(comps.values(), key=lambda c: _h(min(c), "split"))
    out, ndev = {}, 0
    for c in order:
        s = "dev" if ndev + len(c) <= N_DEV_PAGES else "test"
        if s == "dev":
            ndev += len(c)
        for x in c:
            out[x] = s
    return out


def file_patterns(r: dict) -> list[str]:
    """First patterns of the Files paragraphs a file-licence / file-holder item may name."""
    return [f["patterns"][0] for f in r["files"] if f["patterns"][0] != "*" and not f["patterns"][0].startswith("debian/")]


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["package"]: r for r in recs}
    did = {r["package"]: doc_id(r) for r in recs}
    split = split_pages(recs)
    assign_layouts(recs)
    pages = {k: render(r).split("\n---\n", 1)[1].lower() for k, r in by.items()}  # body text only
    ptoks = {k: _atok(v) for k, v in pages.items()}
    rng = random.Random(SEED)
    allhops = hops(recs)
    out: dict[str, list[dict]] = {}
    absent = list(ABSENT)
    rng.shuffle(absent)
    absent_for = {"dev": absent[: ABSENT_SPLIT["dev"]],
                  "test": absent[ABSENT_SPLIT["dev"] : ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}  # fmt: skip

    def on_other_pages(v: str, x: str) -> bool:
        return any(_contains(ptoks[o], _atok(v)) for o in by if o != x)

    for s in ("dev", "test"):
        want = WANT[s]
        pkgs = sorted(x for x in by if split[x] == s)
        items: list[dict] = []
        subject: set[str] = set()
        used: set[tuple[str, str]] = set()  # (package, field) asked in this split
        in_cmp: set[str] = set()

        def n_of(tp):
            return sum(it["type"] == tp for it in items)

        # multi-hop
        cands = [h for h in allhops if split[h[0]] == s]
        rng.shuffle(cands)
        targets: Counter = Counter()
        for a, t in cands:
            if n_of("multi_hop") == want["multi_hop"]:
                break
            if a in subject or targets[t] >= 2:
                continue
            kinds = list(HOP_KINDS)
            rng.shuffle(kinds)
            for kind in kinds:
                gold = single_value(by[t], kind)
                if not gold or (t, kind) in used or any(_contains(ptoks[a], _atok(g)) for g in gold) \
                        or any(it["answers"] == gold for it in items):
                    continue
                q = rng.choice(HOP_TEMPLATES[kind]).format(u=a)
                items.append({"question": q, "answers": gold, "type": "multi_hop", "evidence": [did[a], did[t]],
                              "kind": f"hop-{kind}", "field": kind})
                subject.add(a)
                targets[t] += 1
                used |= {(a, "depends"), (t, kind)}
                break
        # reverse
        rk = ["upstream", "holder", "source", "upstream", "contact", "holder", "source"]
        cand = list(pkgs)
        rng.shuffle(cand)
        k_i = 0
        guard = 0
        while n_of("reverse") < want["reverse"] and guard < 200:
            guard += 1
            kind = rk[k_i % len(rk)]
            k_i += 1
            for x in cand:
                r = by[x]
                if (x, REVERSE_FIELD[kind]) in used or any(it["answers"] == [x] for it in items if it["type"] == "reverse"):
                    continue
                if kind == "upstream":
                    vs = single_value(r, "upstream")
                elif kind == "source":
                    vs = [r["source"][0]] if single_value(r, "source") and not _gives_away(r["source"][0], x) else []
                elif kind == "contact":
                    c = single_value(r, "contact")
                    vs = [c[1]] if len(c) >= 2 and "@" not in c[1] else []
                else:
                    hs = [h for h in holders(r) if clean_holder(h) and not _gives_away(h, x)]
                    rng.shuffle(hs)
                    vs = hs[:1]
                if not vs:
                    continue
                v = vs[0]
                if on_other_pages(v, x) or len(_tok(v)) < 2 and kind != "upstream":
                    continue
                items.append({"question": rng.choice(REVERSE_TEMPLATES[kind]).format(v=v), "answers": [x],
                              "type": "reverse", "evidence": [did[x]], "kind": f"reverse-{kind}", "value": v})
                used.add((x, REVERSE_FIELD[kind]))
                break
        # comparisons
        kinds = list(CMP_TEMPLATES)
        rng.shuffle(kinds)
        k_i = 0
        pairs = [(a, b) for a in pkgs for b in pkgs if a < b]
        rng.shuffle(pairs)
        tries = 0
        while n_of("comparison") < want["comparison"] and tries < 80:
            kind = kinds[k_i % len(kinds)]
            k_i += 1
            tries += 1
            fld = CMP_FIELD[kind]
            for a, b in pairs:
                if a in in_cmp or b in in_cmp or (a, fld) in used or (b, fld) in used:
                    continue
                ra, rb = by[a], by[b]
                win, x = None, None
                if kind in ("nfiles-more", "nfiles-fewer"):
                    na, nb = len(ra["files"]), len(rb["files"])
                    if na == nb or abs(na - nb) < 2:
                        continue
                    more = a if na > nb else b
                    win = more if kind == "nfiles-more" else (b if more == a else a)
                elif kind == "holder-which":
                    win = rng.choice([a, b])
                    lose = b if win == a else a
                    hs = sorted(h for h in set(holders(by[win])) if clean_holder(h) and not _shares_word(h, win)
                                and not _contains(ptoks[lose], _atok(h)))  # fmt: skip
                    if not hs:
                        continue
                    x = rng.choice(hs)
                else:
                    sk = CMP_KIND_FOR[kind]
                    va, vb = single_value(ra, sk), single_value(rb, sk)
                    if not va or not vb or _atok(va[0]) == _atok(vb[0]):
                        continue
                    win = rng.choice([a, b])
                    x = (va if win == a else vb)[0]
                    if x == "libs" or _contains(ptoks[b if win == a else a], _atok(x)) or _shares_word(x, win):
                        continue
                opts = [a, b] if rng.random() < 0.5 else [b, a]
                q = rng.choice(CMP_TEMPLATES[kind]).format(a=opts[0], b=opts[1], x=x)
                it = {"question": q, "answers": [win], "type": "comparison", "evidence": [did[o] for o in opts],
                      "options": opts, "kind": kind}
                if x is not None:
                    it["target"] = x
                items.append(it)
                in_cmp |= {a, b}
                used |= {(a, fld), (b, fld)}
                break
        # filters: candidates listed in the question, then two conditions over the whole catalogue
        seen_ans: set[str] = set()
        af = list(AMONG_FIELDS)
        rng.shuffle(af)
        guard = 0
        while sum(it.get("kind") == "filter-among" for it in items) < N_AMONG[s] and guard < 40:
            f = af[guard % len(af)]
            guard += 1
            order = list(pkgs)
            rng.shuffle(order)
            for x in order:
                if x in seen_ans or (x, f) in used or not fval(by[x], f):
                    continue
                v = sorted(fval(by[x], f))[0]
                if _shares_word(v, x) or v == "libs":
                    continue
                others = [o for o in pkgs if o != x and (o, f) not in used and fval(by[o], f)
                          and not fmatch(by[o], f, v) and not _contains(ptoks[o], _atok(v))]  # fmt: skip
                if len(others) < 3:
                    continue
                rng.shuffle(others)
                group = others[:3] + [x]
                rng.shuffle(group)
                q = rng.choice(AMONG_TEMPLATES).format(cands=and_list(group), c=FILTER_PHRASE[f].format(v=v))
                items.append({"question": q, "answers": [x], "type": "filter", "evidence": [did[x]],
                              "options": group, "kind": "filter-among", "where": {f: v}, "candidates": group})
                seen_ans.add(x)
                used |= {(o, f) for o in group}
                break
        fp = list(FILTER_PAIRS)
        rng.shuffle(fp)
        for _ in range(3):
            for f1, f2 in fp:
                if n_of("filter") == want["filter"]:
                    break
                opts = []
                for x in pkgs:
                    if x in seen_ans or (x, f1) in used or (x, f2) in used:
                        continue
                    for v1 in sorted(fval(by[x], f1)):
                        for v2 in sorted(fval(by[x], f2)):
                            c1 = sum(fmatch(o, f1, v1) for o in recs)
                            c2 = sum(fmatch(o, f2, v2) for o in recs)
                            if c1 < 2 or c2 < 2:
                                continue
                            hits = [o["package"] for o in recs if fmatch(o, f1, v1) and fmatch(o, f2, v2)]
                            if hits != [x] or _gives_away(v1, x) or _gives_away(v2, x):
                                continue
                            if _contains(ptoks[x], _atok(v1)) and _contains(ptoks[x], _atok(v2)):
                                opts.append((x, v1, v2))
                if not opts:
                    continue
                x, v1, v2 = rng.choice(opts)
                q = rng.choice(FILTER_TEMPLATES).format(c1=FILTER_PHRASE[f1].format(v=v1), c2=FILTER_PHRASE[f2].format(v=v2))
                items.append({"question": q, "answers": [x], "type": "filter", "evidence": [did[x]], "kind": "filter",
                              "where": {f1: v1, f2: v2}})
                seen_ans.add(x)
                used |= {(x, f1), (x, f2)}
            fp = fp[1:] + fp[:1]
        # single hop
        k_i = 0
        pool_ = [x for x in pkgs if x not in subject]
        rng.shuffle(pool_)
        guard = 0
        while n_of("single_hop") < want["single_hop"] and guard < 600:
            guard += 1
            kind = SINGLE_ORDER[k_i % len(SINGLE_ORDER)]
            k_i += 1
            fld = FIELD_OF.get(kind, kind)
            for x in pool_:
                if x in subject or (x, fld) in used:
                    continue
                args = [""]
                if kind in ("filelic", "fileholder"):
                    args = file_patterns(by[x])
                elif kind == "firstyear":
                    ms = main_stanza(by[x])
                    args = [c["holder"] for c in ms["copyright"]] if ms else []
                args = [a_ for a_ in args if single_value(by[x], kind, a_)]
                if not args:
                    continue
                arg = rng.choice(args)
                v = single_value(by[x], kind, arg)
                if kind == "firstyear" and on_other_pages(arg, x):
                    continue
                if any(did[x] in it["evidence"] and set(v) & set(it["answers"]) for it in items):
                    continue  # the same value of the same page already asked in another way
                pd = f"the files matching {arg}" if re.search(r"[*?\[]", arg) else f"the file {arg}"
                q = rng.choice(SINGLE_TEMPLATES[kind]).format(u=x, p=arg, pd=pd)
                it = {"question": q, "answers": v, "type": "single_hop", "evidence": [did[x]], "kind": kind}
                if arg:
                    it["arg"] = arg
                items.append(it)
                subject.add(x)
                used.add((x, fld))
                break
        # unanswerable
        for a_u in absent_for[s]:
            fld, tpl = ABSENT_PKG_TEMPLATES[rng.randrange(len(ABSENT_PKG_TEMPLATES))]
            items.append({"question": tpl.format(u=a_u), "answers": [], "type": "unanswerable", "evidence": [],
                          "kind": "absent-package", "package": a_u, "field": fld})
        fields = sorted(ABSENT_FIELDS)
        rng.shuffle(fields)
        upool = list(pkgs)
        rng.shuffle(upool)
        n_f = want["unanswerable"] - ABSENT_SPLIT[s]
        for j in range(n_f):
            f = fields[j % len(fields)]
            x = upool[j]
            items.append({"question": ABSENT_FIELD_TEMPLATES[f].format(u=x), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-field", "field": f, "package": x})
        rng.shuffle(items)
        tag = "c10-dev" if s == "dev" else "c10-test"
        out[s] = [{"id": f"{tag}-{n:03d}", **it} for n, it in enumerate(items, 1)]
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
    clash = [k for k, c in Counter(doc_id(r) for r in recs).items() if c > 1]
    if clash:
        sys.exit(f"ids chosen twice: {clash}")
    exists = (CORPUS.exists() and any(CORPUS.rglob("*.md"))) or (OUT / "test.jsonl").exists()
    if exists and not force:
        sys.exit(f"{CORPUS} or the question files exist (committed); pass --force to render them again")
    for old in CORPUS.rglob("*.md") if CORPUS.exists() else []:
        old.unlink()
    for rel, text in render_all(recs).items():
        p = CORPUS / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, items in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(items), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(recs)} pages in {CORPUS}; layouts {dict(Counter(layout(r) for r in recs))}")
    for s, items in qs.items():
        print(f"{s}: {len(items)} items {dict(Counter(it['type'] for it in items))}")


# ------------------------------------------------------------------ check


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


def _fact_problems(it, by, did, has, low, ptoks) -> list[str]:
    """Does an item's gold agree with snapshot.json? The item's `kind` and keys name the fact."""
    kind, meta, out = it.meta.get("kind"), it.meta, []
    unit_of = {v: k for k, v in did.items()}
    if it.type == "single_hop":
        r = by.get(unit_of.get(it.evidence[0], ""))
        if r is None or len(it.evidence) != 1 or not _named(r["package"], it.question):
            return [f"{it.id}: the one evidence page is not the package the question names"]
        arg = meta.get("arg", "")
        if list(it.answers) != single_value(r, kind, arg):
            out.append(f"{it.id}: gold {it.answers} is not the snapshot's {kind} {single_value(r, kind, arg)}")
        if arg and arg not in it.question:
            out.append(f"{it.id}: {arg!r} not in the question")
    elif it.type == "multi_hop":
        if len(it.evidence) != 2:
            return [f"{it.id}: evidence is not [subject, the package it depends on]"]
        a, t = by[unit_of[it.evidence[0]]], by[unit_of[it.evidence[1]]]
        f = meta.get("field")
        if catalogued_deps(a, set(by)) != [t["package"]]:
            out.append(f"{it.id}: {a['package']} does not depend on {t['package']} alone among the catalogued")
        if list(it.answers) != single_value(t, f) or not it.answers:
            out.append(f"{it.id}: gold is not {t['package']}'s {f}")
        if any(has(it.evidence[0], g) for g in it.answers):
            out.append(f"{it.id}: a gold is already on the subject's page (not a hop)")
        if t["package"].lower() not in low[it.evidence[0]]:
            out.append(f"{it.id}: the subject's page does not name {t['package']}")
        if not _named(a["package"], it.question) or _named(t["package"], it.question):
            out.append(f"{it.id}: question must name the subject and not the package it depends on")
    elif it.type == "comparison":
        ra, rb = (by.get(o) for o in it.options)
        if ra is None or rb is None or [did[o] for o in it.options] != it.evidence:
            return [f"{it.id}: options are not the evidence packages"]
        gold = it.answers[0]
        win, lose = (ra, rb) if gold == ra["package"] else (rb, ra)
        x = meta.get("target")
        if kind in ("nfiles-more", "nfiles-fewer"):
            w, l_ = len(win["files"]), len(lose["files"])
            if not (w > l_ if kind == "nfiles-more" else w < l_):
                out.append(f"{it.id}: {gold} does not win {kind}")
        elif kind == "holder-which":
            if x not in holders(win) or x in holders(lose) or has(did[lose["package"]], x) or x not in it.question:
                out.append(f"{it.id}: holder {x!r} not the winner's alone")
        elif kind in CMP_KIND_FOR:
            sk = CMP_KIND_FOR[kind]
            vw, vl = single_value(win, sk), single_value(lose, sk)
            if not (vw and vw[0] == x and vl and _atok(vl[0]) != _atok(x)):
                out.append(f"{it.id}: {x} is not stated for the winner alone")
            if has(did[lose["package"]], x) or not has(did[win["package"]], x) or x not in it.question:
                out.append(f"{it.id}: {x} on the other page, or not on the winner's, or not asked")
        else:
            out.append(f"{it.id}: unknown comparison kind {kind}")
    elif it.type == "filter":
        where = meta.get("where") or {}
        gold = it.answers[0]
        if it.evidence != [did.get(gold)]:
            out.append(f"{it.id}: evidence is not the answer's page")
        if kind == "filter-among":
            group = meta.get("candidates") or []
            (f, v), = where.items()
            hits = [o for o in group if fmatch(by[o], f, v)]
            if hits != [gold] or len(group) < 4 or list(it.options or []) != group or \
                    not all(_named(o, it.question) for o in group):
                out.append(f"{it.id}: among {group} {f}={v} matches {hits}")
            if any(_contains(ptoks[o], _atok(v)) for o in group if o != gold):
                out.append(f"{it.id}: {v!r} stated on another candidate's page")
        else:
            hits = [k for k, r in by.items() if all(fmatch(r, f, v) for f, v in where.items())]
            if len(where) < 2 or hits != [gold]:
                out.append(f"{it.id}: filter {where} matches {hits}")
            for f, v in where.items():
                if sum(fmatch(r, f, v) for r in by.values()) < 2:
                    out.append(f"{it.id}: condition {f}={v} alone already singles out one record")
        for f, v in where.items():
            if v not in fval(by[gold], f) or not has(did[gold], v) or v not in it.question:
                out.append(f"{it.id}: {f}={v!r} not the answer's, not stated on its page or not in the question")
    elif it.type == "reverse":
        v = meta.get("value", "")
        r = by.get(it.answers[0])
        k = kind.split("-", 1)[1]
        ok = r is not None and v in it.question and (
            (k == "upstream" and r["upstream_name"] == v) or (k == "source" and r["source"] == [v])
            or (k == "contact" and len(r["upstream_contact"]) == 1 and v in r["upstream_contact"][0])
            or (k == "holder" and v in holders(r)))  # fmt: skip
        if not ok:
            return [f"{it.id}: {v!r} is not {it.answers[0]}'s {k}"]
        if any(_contains(ptoks[o], _atok(v)) for o in by if o != r["package"]):
            out.append(f"{it.id}: {v!r} on another page")
    return out


def check() -> int:
    if str(ROOT / "src") not in sys.path:  # run without PYTHONPATH=src too
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    results: list[tuple[str, list[str]]] = []
    snap = load_snapshot()
    recs = snap["records"]
    by = {r["package"]: r for r in recs}
    did = {r["package"]: doc_id(r) for r in recs}
    by_id = {doc_id(r): r for r in recs}

    # 1. a fresh rendering of the snapshot equals the committed corpus and questions
    fresh = render_all(recs)
    have = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    diff = [f"missing from corpus/: {x}" for x in sorted(set(fresh) - have)]
    diff += [f"not rendered from the snapshot: {x}" for x in sorted(have - set(fresh))]
    diff += [f"differs from its rendering: {x}" for x in sorted(set(fresh) & have)
             if (CORPUS / x).read_text(encoding="utf-8") != fresh[x]]  # fmt: skip
    results.append((f"a rendering of snapshot.json equals corpus/ ({len(have)} files)", diff))
    qs = make_questions(snap)
    qdiff = [f"{s}.jsonl differs from its generation" for s in qs
             if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append(("dev.jsonl and test.jsonl equal a fresh generation from snapshot.json (seed "
                    f"{SEED})", qdiff))

    # 2. the loader reads every page
    files, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i, d in docs.items() if i not in by_id or d.title != by_id[i]["package"]
            or d.metadata.get("package") != by_id[i]["package"] or d.metadata.get("version") != by_id[i]["version"]
            or d.metadata.get("section") != by_id[i]["section"]]  # fmt: skip
    results.append((f"corpus scans with no problems and loads {len(docs)} documents, each titled by its package, "
                    "with front matter package / version / section", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}  # body text only: front matter is metadata
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    ptoks = {r["package"]: _atok(full.get(did[r["package"]], "")) for r in recs}
    bad = []
    for i, r in by_id.items():
        vals = [r["package"], r["version"], r["section"], r["maintainer"], r["source_package"], r["path"],
                str(len(r["files"]))] + ([r["homepage"]] if r["homepage"] else []) + \
               ([r["upstream_name"]] if r["upstream_name"] else []) + r["upstream_contact"] + r["licenses"] + \
               [f["license"] for f in r["files"] if f["license"]] + [p for f in r["files"] for p in f["patterns"]] + \
               [c["holder"] for f in r["files"] for c in f["copyright"] if c["holder"]] + \
               [c["years"] for f in r["files"] for c in f["copyright"] if c["years"]] + \
               r["depends"] + r["pre_depends"]  # fmt: skip
        if r["source"]:
            vals.append(" ".join(r["source"]))
        for v in vals:
            if v.lower() not in low.get(i, "") and v.lower().replace("|", "\\|") not in low.get(i, ""):
                bad.append(f"{i}: {v!r} not in the body")
    toks = Counter(" ".join(answer_tokens(r["package"])) for r in recs)
    bad += [f"packages with the same accuracy tokens: {k}" for k, c in toks.items() if c > 1]
    srcs = Counter(r["source_package"] for r in recs)
    bad += [f"two packages of source {k}" for k, c in srcs.items() if c > 1]
    results.append(("every front-matter value and every field of the record (version, source package, section, "
                    "maintainer, homepage, dependencies, upstream fields, each Files paragraph's patterns, holders, "
                    "years and licence, the licence texts) is stated in the page body; no two packages have the same "
                    "accuracy tokens or the same source package", bad))
    layouts_seen = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(layouts_seen)}", [] if len(layouts_seen) == 3 and min(layouts_seen.values()) >= 25
                    else ["layouts uneven"]))

    def has(e, v):
        return contains_tokens(ftoks[e], answer_tokens(v))

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
        if not re.fullmatch(rf"c10-{s}-\d\d\d", it.id):
            idf.append(f"{it.id}: id not c10-{s}-NNN")
        if it.type not in WANT[s]:
            idf.append(f"{it.id}: type {it.type}")
        if it.type == "unanswerable" and it.evidence:
            ev.append(f"{it.id}: unanswerable with evidence")
        if it.answerable and not it.evidence:
            ev.append(f"{it.id}: no evidence")
        ev += [f"{it.id}: evidence {e} not a document" for e in it.evidence if e not in docs]
        if bool(it.options) != (it.type == "comparison" or kind == "filter-among"):
            ev.append(f"{it.id}: options only (and always) on comparisons and filter-among items")
        if not it.answerable:
            if not is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores wrong")
            for made_up in ("It is GPL-2+.", "Version 1.2.3-1.", "It is 412 KiB.", "Jane Doe <jane@example.org>."):
                if is_correct(it, made_up, False):
                    abst.append(f"{it.id}: {made_up!r} scores correct")
            continue
        if is_correct(it, "The documents do not say.", False):
            abst.append(f"{it.id}: abstention scores correct on an answerable item")
        for g in it.answers:
            if not any(g.lower() in low[e] for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r} not in the evidence text (case-insensitive)")
            if not answer_tokens(g) or not any(has(e, g) for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
            if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                gold_ok.append(f"{it.id}: {g!r}")
            if g.strip().lower() in ("none", "nothing", "yes", "no", "true", "false"):
                gold_ok.append(f"{it.id}: bare {g!r}")
        if kind in ("version", "firstyear", "nfiles", "hop-version") and re.search(r"\d", it.answers[0]):
            for g in it.answers:
                nm = _near_miss(g)
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
            hedges = [f"{a} or {b}", f"{b} or {a}", f"{a} and {b}."]
            if kind == "filter-among":  # every candidate listed, the gold beside another one
                others = [o for o in it.options if o != it.answers[0]]
                hedges += [and_list(it.options), f"{it.answers[0]} or {others[0]}", f"{others[-1]} or {it.answers[0]}"]
            for hedge in hedges:
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r} scores correct")
        if it.type in ("reverse", "filter"):  # a gold package name: every other package's name scores wrong
            cmpw += [f"{it.id}: another package's name {o} scores correct" for o in by
                     if o != it.answers[0] and is_correct(it, o, False)]
        facts += _fact_problems(it, by, did, has, low, ptoks)
    results += [
        ("ids c10-<split>-NNN, unique; every item has a kind; options only on comparisons; evidence: answerable "
         "has some, unanswerable none, every id a loaded document", idf + ev),
        ("every gold string occurs in an evidence page's text (case-insensitive) and as accuracy tokens", gold_in),
        ("every gold scores correct alone and in 'The answer is <gold>.'; no bare none / yes / no / true / false",
         gold_ok),
        ("a near-miss number (last digit changed) scores wrong", near),
        ("comparisons: gold is an option; the wrong option (alone, 'X does.', in a sentence), 'A or B', "
         "'B or A', 'A and B.' score wrong; reverse / filter: another package's name scores wrong, and listing "
         "every candidate of a filter-among item too", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json (single-hop values, dependency hops, comparison winners, filters matching "
         "exactly one record or candidate, reverse values on no other page)", facts),
    ]

    # 4. split separation and unanswerables
    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r.get("evidence", []))
            out |= {did[c] for c in r.get("candidates", [])}
            if r.get("kind") == "absent-field" and r.get("package") in by:
                out.add(did[r["package"]])
        return out

    subj = [f"{s}: {e} is the subject of {c} single-hop / multi-hop items"
            for s in rows for e, c in Counter(r["evidence"][0] for r in rows[s]
                                              if r["type"] in ("single_hop", "multi_hop")).items() if c > 1]
    both = sorted(pages_of("dev") & pages_of("test"))
    twice = []  # within a split, no (page, field) asked, compared or filtered on by two items
    unit_of = {v: k for k, v in did.items()}
    for s in rows:
        seen: Counter = Counter()
        for r in rows[s]:
            ev_u = [unit_of[e] for e in r["evidence"]]
            if r["type"] == "single_hop":
                seen[(ev_u[0], FIELD_OF.get(r["kind"], r["kind"]))] += 1
            elif r["type"] == "multi_hop":
                seen[(ev_u[0], "depends")] += 1
                seen[(ev_u[1], r["field"])] += 1
            elif r["type"] == "reverse":
                seen[(ev_u[0], REVERSE_FIELD[r["kind"].split("-", 1)[1]])] += 1
            elif r["type"] == "comparison":
                seen.update((x, CMP_FIELD[r["kind"]]) for x in ev_u)
            elif r["type"] == "filter":
                group = r.get("candidates") or ev_u
                seen.update((x, f) for x in group for f in r["where"])
        twice += [f"{s}: {k} asked {c} times" for k, c in seen.items() if c > 1]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    qdup = [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    absent_in = {s: {r["package"] for r in rows[s] if r["kind"] == "absent-package"} for s in rows}
    results.append(("no page asked about in both splits (evidence, filter candidates, the package of an absent-field "
                    "item), no absent package in both, no question repeated across splits; within a split a page is "
                    "the subject of one single-hop or multi-hop item at most, and no field of a page is asked, "
                    "compared or filtered on twice", both + sorted(absent_in["dev"] & absent_in["test"]) + qdup + subj + twice))
    corpus_low = "\n".join(full.values()).lower()
    ctoks = _tok(corpus_low)
    un = []
    cat_src = {r["source_package"] for r in recs}
    for s in rows:
        for r in rows[s]:
            if r["type"] != "unanswerable":
                continue
            if r["kind"] == "absent-package":
                p = r.get("package", "")
                if p not in ABSENT or p not in snap["dep5_packages"] or p in by or \
                        snap["dep5_packages"][p] in cat_src or p.lower() in corpus_low or not _named(p, r["question"]):
                    un.append(f"{r['id']}: absent package {p!r} is catalogued, shares a catalogued source, is not "
                              "installed here with a machine-readable copyright file, is on a page or is not asked")
                if any(_named(m, r["question"]) for m in by):
                    un.append(f"{r['id']}: names a catalogued package")
            elif r["kind"] == "absent-field":
                f, p = r.get("field"), r.get("package")
                if f not in ABSENT_FIELDS or p not in by or not _named(p, r["question"]):
                    un.append(f"{r['id']}: field {f!r} / package {p!r} unknown or not asked")
                    continue
                for wd in ABSENT_FIELDS[f]:
                    if (re.search(r"[ ./-]", wd) and wd in corpus_low) or wd in ctoks:
                        un.append(f"{r['id']}: the corpus holds {wd!r}")
            else:
                un.append(f"{r['id']}: unknown unanswerable kind {r['kind']!r}")
    for p in ABSENT:
        if p not in snap["dep5_packages"] or p in by or snap["dep5_packages"][p] in cat_src or p.lower() in corpus_low:
            un.append(f"ABSENT: {p!r} is catalogued, shares a catalogued source, is not installed here with a "
                      "machine-readable copyright file or is on a page")
    results.append(("unanswerable: absent packages are installed here with a machine-readable copyright file, not "
                    "catalogued, of no catalogued source package and named on no page; absent fields' words are on no "
                    "page", un))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    sha_ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if sha_ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(it.type for it in items[s])) for s in items}
    size = [f"{s}: {counts[s]} != {WANT[s]}" for s in WANT if counts[s] != WANT[s]]
    results.append((f"split sizes and type mix (dev {len(items['dev'])}, test {len(items['test'])})", size))
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
