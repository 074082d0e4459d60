"""Build the catalog27 evaluation corpus: MIME types of the freedesktop.org shared MIME-info database.

    PYTHONPATH=src python scripts/build_catalog27.py snapshot [--force]  # freedesktop.org.xml + NEWS -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog27.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog27.py check               # loader + scorer + fact checks, no model

`snapshot` reads this machine's shared MIME-info database source, `/usr/share/mime/packages/freedesktop.org.xml`
(Debian package shared-mime-info), with the internal DTD removed first so that only attributes written in the
file are read (a glob without `weight` has the default weight 50, a magic rule without `priority` the default
priority 50, and the record says which were written). For every one of its `<mime-type>` elements it keeps the
line the element opens on, the English `<comment>` (no `xml:lang`), `<acronym>`, `<expanded-acronym>`, the
`<glob>` patterns with `weight` and `case-sensitive` as written, `<alias>`, `<sub-class-of>`, `<generic-icon>`,
each `<magic>` rule with its priority and its nested `<match>` elements (type, value, offset, mask as written),
`<root-XML>` and `<treemagic>`. It also keeps the package's NEWS file split into releases (version, date as
written, lines) and the version and date of the newest Debian changelog entry, and the records computed from
those stored values only (`make_record`): one per type read (READ) and not left out (ABSENT). Written to
`evalsets/catalog27/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force): another
machine may carry another version of the database, so the committed snapshot is the source.

`build` renders one markdown page per catalogued type, `<media>/<subtype>.md` (`image/png.md`, so that the
document id is the MIME type itself), titled `# <type> (<comment>)`, with YAML front matter and a body in one
of three layouts dealt in turn in the order of sha256("catalog27:layout<type>") within each split: `sheet` (a
`| Field | Value |` table), `card` (headed sections of `- Label: value` bullets) or `prose` (paragraphs, wording
varied per page). Then it generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED) and writes
test.jsonl.sha256. It refuses to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files, computes
every record again from the stored values, loads the corpus with ragtune's loader, reads both splits with
`load_qa`, and checks every item (evidence, gold in evidence text and tokens, scoring verdicts, facts against
the snapshot, split separation, unanswerables absent by pattern, the sha256, the type mix). It compares
nothing with this machine unless a source file has the recorded sha256 (then that file is parsed again and
must give the stored values), so a fresh clone elsewhere checks the committed snapshot alone.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog27"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 27

XML_PATH = "/usr/share/mime/packages/freedesktop.org.xml"
NEWS_PATH = "/usr/share/doc/shared-mime-info/NEWS.gz"
CHANGELOG_PATH = "/usr/share/doc/shared-mime-info/changelog.Debian.gz"
PACKAGE = "shared-mime-info"
NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The types read: chosen by hand for a spread over the top-level types (catalogued: application 39, image 13,
# text 13, audio 9, video 7, font 3, model 2, inode 2, message 1, x-content 1), with the parents of the sub-class
# chains asked about (application/zip, application/gzip, application/x-bzip, application/x-ole-storage,
# application/json, image/tiff, text/x-csrc, text/x-python, audio/ogg, audio/mp4, video/x-flv, font/ttf, ...),
# types with several globs, aliases, weights, shared globs, magic rules, XML root elements or tree magic,
# and the six left out below.
READ = [
    "application/zip", "application/xml", "application/gzip", "application/json", "application/pdf",
    "application/x-tar", "application/x-compressed-tar", "application/x-bzip", "application/x-bzip-compressed-tar",
    "application/x-executable", "application/x-sharedlib", "application/x-ole-storage", "application/msword",
    "application/msword-template", "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel.sheet.macroEnabled.12", "application/epub+zip", "application/vnd.oasis.opendocument.text",
    "application/x-java-archive", "application/vnd.android.package-archive", "application/vnd.debian.binary-package",
    "application/x-rpm", "application/x-shellscript", "application/x-perl", "application/javascript",
    "application/x-ipynb+json", "application/schema+json", "application/postscript", "application/xhtml+xml",
    "application/x-apple-systemprofiler+xml", "application/vnd.apple.keynote", "application/pgp-keys",
    "application/x-object", "application/x-lha", "application/x-matroska", "application/ogg", "application/x-iff",
    "application/x-7z-compressed",
    "image/png", "image/jpeg", "image/tiff", "image/svg+xml", "image/x-canon-cr2", "image/heif",
    "image/vnd.microsoft.icon", "image/x-portable-anymap", "image/x-portable-pixmap", "image/x-tga", "image/x-ilbm",
    "image/x-eps", "image/openraster", "image/webp",
    "audio/mpeg", "audio/ogg", "audio/x-vorbis+ogg", "audio/x-wav", "audio/aac", "audio/x-mod", "audio/x-aiff",
    "audio/mp4", "audio/x-m4b", "audio/flac",
    "video/mp4", "video/quicktime", "video/x-msvideo", "video/x-matroska", "video/mp2t", "video/x-flv",
    "video/x-javafx", "video/webm",
    "text/plain", "text/html", "text/csv", "text/x-python", "text/x-python3", "text/x-csrc", "text/x-c++src",
    "text/x-makefile", "text/troff", "text/x-patch", "text/vnd.trolltech.linguist", "text/x-systemd-unit",
    "text/x-matlab", "text/markdown",
    "font/ttf", "font/otf", "font/woff", "font/woff2",
    "model/stl", "model/gltf+json", "message/rfc822", "inode/directory", "inode/mount-point", "x-content/image-dcf",
]  # fmt: skip
# Read but left out: no page, and neither the type, its aliases, its comment nor its glob patterns are on any
# page (`check` verifies it); none is a parent, child or alias of a catalogued type or shares a glob with one.
ABSENT = {"dev": ["image/webp", "text/markdown", "audio/flac"],
          "test": ["video/webm", "application/x-7z-compressed", "font/woff2"]}  # fmt: skip

ABSENT_QUESTIONS = {
    "image/webp": ["What description does the shared MIME-info database give image/webp?",
                   "Which MIME type does the shared MIME-info database assign to files matching *.webp?"],
    "text/markdown": ["How many glob patterns does the database list for text/markdown?"],
    "audio/flac": ["Which alias does the shared MIME-info database record for audio/flac?"],
    "video/webm": ["How many match elements does the magic of video/webm contain in all?",
                   "Which type does the database declare a sub-class of video/webm?"],
    "application/x-7z-compressed": ["What priority does the magic rule of application/x-7z-compressed have?",
                                    "Which MIME type does the glob pattern *.7z belong to?"],
    "font/woff2": ["On which line of freedesktop.org.xml does the entry for font/woff2 begin?",
                   "Which glob pattern does the database list for font/woff2?"],
}  # fmt: skip

# What these pages never state about a type: (question, a pattern no page may match, a made-up answer that the
# pattern must match, so that the pattern is not a dead one).
ABSENT_FIELDS = {
    "rfc": ("Which RFC registers {n}?", r"\bRFCs?\b", "RFC 2083 registers it."),
    "iana": ("On what date did IANA register {n}?", r"\bregist(?:ered|ration)\b(?! tree)|\bIANA regist",
             "IANA registered it on 1996-10-14."),
    "default_app": ("Which application opens files of {n} by default on a GNOME desktop?",
                    r"\bby default\b|\bdefault (?:application|app|handler|program|viewer|editor|player)\b",
                    "Files open in Eye of GNOME by default."),
    "uti": ("What is the Apple Uniform Type Identifier (UTI) of {n}?", r"\bUTIs?\b|\buniform type\b|\bpublic\.[a-z]",
            "Its UTI is public.data."),
    "progid": ("Which Windows registry ProgID is associated with {n}?", r"\bProgID\b|\bHKEY_\w+|\bregistry\b",
               "The ProgID is HKEY_CLASSES_ROOT\\pngfile."),
    "max_size": ("What is the largest file size allowed for files of {n}?",
                 r"\bmaximum (?:file )?size\b|\blargest file\b|\b\d+(?:\.\d+)? ?(?:[KMGT]i?B|kilobytes|megabytes|"
                 r"gigabytes)\b", "The maximum file size is 4 GB."),
    "creator": ("Which company created the file format behind {n}?",
                r"\bcompany\b|\bcreated by\b|\bdeveloped by\b|\binvented\b|\bdesigned by\b",
                "It was developed by Adobe."),
    "browser": ("Do web browsers display {n} inline?", r"\bbrowsers?\b|\binline\b", "Browsers display it inline."),
    "libmagic": ("What does the file(1) command print for files of {n}?",
                 r"\bfile\(1\)|\blibmagic\b|\bfile command\b|\bdata\b", "file(1) prints data."),
    "spec_year": ("In which year was the file format of {n} first published?",
                  r"\bpublished\b|\bfirst (?:released|specified|standardi[sz]ed)\b",
                  "It was first published in 1996."),
}  # fmt: skip

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
CAP = {"dev": 2, "test": 3}  # the most single-hop questions of one kind
CAP_REVERSE = {"dev": 2, "test": 2}
CAP_CMP = {"dev": 1, "test": 2}
CAP_HOP = {"dev": 2, "test": 2}
FILTER_MIX = {"dev": {"filter": 3, "filter-among": 3}, "test": {"filter": 5, "filter-among": 4}}
ABSENT_MIX = {"dev": 4, "test": 6}  # absent-type items; the rest ask absent fields
DEV_PAGES = 35  # dev takes link groups until it holds this many pages or more
LAYOUTS = ("sheet", "card", "prose")
CHILD_LIST_MAX = 25  # a type with more direct sub-classes is a hub: its page lists only the catalogued ones
IANA_TOPS = ("application", "audio", "font", "image", "message", "model", "multipart", "text", "video")
DEFAULT_WEIGHT = 50
DEFAULT_PRIORITY = 50

# ------------------------------------------------------------------ reading the sources


def _match(m) -> list:
    """One <match> as written: [type, value, offset, mask or None, [nested matches]]."""
    return [m.get("type"), m.get("value"), m.get("offset"), m.get("mask"), [_match(c) for c in m]]


def _treematch(m) -> dict:
    out = {k: m.get(k) for k in ("path", "type", "match-case", "executable", "non-empty", "mimetype") if m.get(k)}
    out["children"] = [_treematch(c) for c in m]
    return out


def parse_database(text: str) -> dict[str, dict]:
    """Every <mime-type> of freedesktop.org.xml, by type, with attributes as written (the DTD removed first,
    so that its defaults are not filled in)."""
    import xml.etree.ElementTree as ET

    lines = {}
    for i, ln in enumerate(text.split("\n"), 1):
        m = re.match(r'\s*<mime-type type="([^"]+)"', ln)
        if m:
            lines[m.group(1)] = i
    body = re.sub(r"<!DOCTYPE.*?\]>", "", text, count=1, flags=re.S)
    root = ET.fromstring(body)
    out = {}
    for mt in root:
        t = mt.get("type")
        e = {"line": lines[t], "comment": None, "acronym": None, "expanded": None, "globs": [], "aliases": [],
             "parents": [], "icon": None, "magic": [], "root_xml": [], "treemagic": []}  # fmt: skip
        for c in mt:
            tag = c.tag.replace(NS, "")
            if tag == "comment" and c.get(XML_LANG) is None:
                e["comment"] = c.text
            elif tag == "acronym":
                e["acronym"] = c.text
            elif tag == "expanded-acronym":
                e["expanded"] = c.text
            elif tag == "glob":
                e["globs"].append([c.get("pattern"), c.get("weight"), c.get("case-sensitive")])
            elif tag == "alias":
                e["aliases"].append(c.get("type"))
            elif tag == "sub-class-of":
                e["parents"].append(c.get("type"))
            elif tag == "generic-icon":
                e["icon"] = c.get("name")
            elif tag == "magic":
                e["magic"].append({"priority": c.get("priority"), "matches": [_match(x) for x in c]})
            elif tag == "root-XML":
                e["root_xml"].append([c.get("namespaceURI"), c.get("localName")])
            elif tag == "treemagic":
                e["treemagic"].append({"priority": c.get("priority"), "matches": [_treematch(x) for x in c]})
        out[t] = e
    return out


def parse_news(text: str) -> list[list]:
    """The NEWS file as releases: [version, date as written, [non-blank lines]]."""
    rel: list[list] = []
    for ln in text.split("\n"):
        m = re.match(r"^shared-mime-info (\S+)\s+\(([^)]+)\)\s*$", ln) or re.match(r"^\s*Version (\S+) \(([^)]+)\)\s*$", ln)
        if m:
            rel.append([m.group(1), m.group(2), []])
        elif rel and ln.strip():
            rel[-1][2].append(ln.rstrip())
    return rel


def parse_changelog(text: str) -> dict:
    """The newest Debian changelog entry: its version and its date line as written."""
    first = text.split("\n", 1)[0]
    m = re.match(r"^\S+ \(([^)]+)\)", first)
    d = re.search(r"^ -- .*?>  (.+)$", text, re.M)
    return {"version": m.group(1), "date": d.group(1).strip()}


def package_version() -> str | None:
    import subprocess

    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", PACKAGE], capture_output=True, text=True,
                              check=True).stdout.strip()  # fmt: skip
    except Exception:  # noqa: BLE001
        return None


def scan() -> dict:
    import platform

    xml = Path(XML_PATH).read_bytes()
    news = Path(NEWS_PATH).read_bytes()
    chl = Path(CHANGELOG_PATH).read_bytes()
    text = xml.decode("utf-8")
    types = parse_database(text)
    releases = parse_news(gzip.decompress(news).decode("utf-8"))
    snap = {"source": "the freedesktop.org shared MIME-info database (freedesktop.org.xml) with the NEWS file and "
                      "Debian changelog of the shared-mime-info package",
            "python": platform.python_version(),
            "files": {"database": {"path": XML_PATH, "sha256": hashlib.sha256(xml).hexdigest(), "bytes": len(xml),
                                   "lines": text.count("\n"), "mime_types": len(types)},
                      "news": {"path": NEWS_PATH, "sha256": hashlib.sha256(news).hexdigest(), "releases": len(releases)},
                      "changelog": {"path": CHANGELOG_PATH, "sha256": hashlib.sha256(chl).hexdigest()}},
            "package": {"name": PACKAGE, "version": package_version(),
                        "debian": parse_changelog(gzip.decompress(chl).decode("utf-8"))},
            "read": len(READ), "types": types, "news": releases}  # fmt: skip
    snap["records"] = [make_record(t, snap) for t in catalogued()]
    return snap


# ------------------------------------------------------------------ records


def absent_types() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def catalogued() -> list[str]:
    return [t for t in READ if t not in absent_types()]


MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def iso_date(d: str) -> str:
    """A NEWS date as ISO: 2010-12-1 -> 2010-12-01, 29-Jul-2002 -> 2002-07-29."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", d)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = re.fullmatch(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})", d)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    raise ValueError(d)


def mentions(t: str, line: str) -> bool:
    """Does a NEWS line name the type in full (not inside a longer type name)?"""
    return re.search(r"(?<![\w/.+-])" + re.escape(t) + r"(?![\w+/-]|\.\w)", line) is not None


def count_matches(ms: list) -> int:
    return sum(1 + count_matches(m[4]) for m in ms)


def tree_of(media: str, sub: str) -> str:
    if media not in IANA_TOPS:
        return "none"
    if sub.startswith("vnd."):
        return "vendor"
    if sub.startswith("prs."):
        return "personal"
    if sub.startswith(("x-", "x.")):
        return "unregistered"
    return "standards"


def suffix_of(sub: str) -> str | None:
    """The structured syntax suffix: a known one after the last +, ending the subtype (+xml, +json, +zip, +ogg;
    not the + of c++)."""
    m = re.search(r"\+([a-z0-9]+)$", sub)
    return "+" + m.group(1) if m and m.group(1) in STRUCTURED_SUFFIXES else None


def same_glob(p: str, p_cs: bool, q: str, q_cs: bool) -> bool:
    """Do two glob patterns claim the same file names? Case-sensitive on both sides: only when written alike;
    otherwise when equal ignoring case (a case-insensitive *.c also takes x.C)."""
    return p == q if p_cs and q_cs else p.lower() == q.lower()


def glob_owners(db: dict, p: str, cs: bool) -> list[str]:
    """Every type of the database with a glob pattern claiming the same names as (p, cs)."""
    return sorted(x for x, v in db.items() if any(same_glob(q, c == "true", p, cs) for q, _, c in v["globs"]))


STRUCTURED_SUFFIXES = ("xml", "json", "zip", "gzip", "ogg", "cbor", "yaml", "der", "ber", "sqlite3", "zstd")


def make_record(t: str, snap: dict) -> dict:
    """The record of one type, from the stored database entries and NEWS lines only."""
    db = snap["types"]
    e = db[t]
    media, sub = t.split("/", 1)
    globs = [[p, int(w) if w else DEFAULT_WEIGHT, w is not None, cs == "true"] for p, w, cs in e["globs"]]
    shares = []
    for p, _, _, cs in globs:
        others = [x for x in glob_owners(db, p, cs) if x != t]
        if others:
            shares.append([p, others])
    magic = [{"priority": int(m["priority"]) if m["priority"] else DEFAULT_PRIORITY,
              "explicit": m["priority"] is not None, "matches": count_matches(m["matches"]),
              "top": len(m["matches"]), "first": m["matches"][0][:4]} for m in e["magic"]]  # fmt: skip
    tree = [{"priority": int(m["priority"]) if m["priority"] else DEFAULT_PRIORITY,
             "paths": [[x["path"], x.get("type")] for x in m["matches"]]} for m in e["treemagic"]]
    news = [[v, iso_date(d)] for v, d, lines in snap["news"] if any(mentions(t, ln) for ln in lines)]
    return {"id": t, "type": t, "media": media, "subtype": sub, "tree": tree_of(media, sub), "suffix": suffix_of(sub),
            "line": e["line"], "comment": e["comment"], "acronym": e["acronym"], "expanded": e["expanded"],
            "globs": globs, "shares": shares, "aliases": list(e["aliases"]), "parents": list(e["parents"]),
            "children": sorted(x for x, v in db.items() if t in v["parents"]), "icon": e["icon"], "magic": magic,
            "root_xml": [list(x) for x in e["root_xml"]], "treemagic": tree, "news": news}  # fmt: skip


def cat_set() -> set[str]:
    return set(catalogued())


def hubs(recs: list[dict]) -> set[str]:
    return {r["type"] for r in recs if len(r["children"]) > CHILD_LIST_MAX}


def shown_children(r: dict) -> list[str]:
    """The sub-classes a page lists: all of them, or for a hub only the catalogued ones."""
    if len(r["children"]) > CHILD_LIST_MAX:
        return [c for c in r["children"] if c in cat_set()]
    return r["children"]


def links(r: dict) -> list[str]:
    """The catalogued types a page names (parents, listed sub-classes, types sharing a glob)."""
    cat = cat_set()
    xs = set(r["parents"]) | set(shown_children(r)) | {o for _, os in r["shares"] for o in os}
    return sorted(x for x in xs if x in cat and x != r["type"])


def named_types(r: dict) -> list[str]:
    """Every type (catalogued or not) and alias a page names."""
    xs = {r["type"]} | set(r["parents"]) | set(shown_children(r)) | {o for _, os in r["shares"] for o in os}
    return sorted(xs | set(r["aliases"]))


def max_priority(r: dict):
    return max(m["priority"] for m in r["magic"]) if r["magic"] else None


def one_priority(r: dict):
    return r["magic"][0]["priority"] if len(r["magic"]) == 1 else None


def total_matches(r: dict) -> int:
    return sum(m["matches"] for m in r["magic"])


def first_news(r: dict):
    return r["news"][-1] if r["news"] else None


def weighted(r: dict) -> list[list]:
    return [g for g in r["globs"] if g[1] != DEFAULT_WEIGHT]


# ------------------------------------------------------------------ pages


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog27:{salt}{key}".encode()).hexdigest(), 16)


def link_groups(recs: list[dict]) -> list[list[str]]:
    """The catalogued types joined by a link that does not touch a hub (by type)."""
    by = {r["type"]: r for r in recs}
    hub = hubs(recs)
    parent = {c: c for c in by}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        if r["type"] in hub:
            continue
        for x in links(r):
            if x not in hub:
                parent[find(x)] = find(r["type"])
    out: dict[str, list[str]] = {}
    for c in by:
        out.setdefault(find(c), []).append(c)
    return [sorted(g) for g in out.values()]


def split_pages(recs: list[dict]) -> dict[str, str]:
    """Keyed by type: link groups in the order of sha256("catalog27:<the group's first type>"); dev takes groups
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
        ids = [r["id"] for r in recs if sp[r["type"]] == part]
        for i, d in enumerate(sorted(ids, key=lambda x: _h(x, "layout"))):
            _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[r["id"]]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def code(s: str) -> str:
    return f"``{s}``" if "`" in s else f"`{s}`"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


TREE_TEXT = {"standards": "standards tree (no prefix)", "vendor": "vendor tree (vnd. prefix)",
             "personal": "personal tree (prs. prefix)", "unregistered": "unregistered x- prefix",
             "none": "none: not an IANA top-level type"}  # fmt: skip


def media_text(r: dict) -> str:
    return r["media"] if r["media"] in IANA_TOPS else f"{r['media']} (not an IANA top-level type)"


def acronym_text(r: dict) -> str:
    if not r["acronym"]:
        return "none recorded"
    return f"{r['acronym']}, for {r['expanded']}" if r["expanded"] else r["acronym"]


def glob_text(g: list) -> str:
    p, w, _, cs = g
    extra = ([f"weight {w}"] if w != DEFAULT_WEIGHT else []) + (["case-sensitive"] if cs else [])
    return code(p) + (f" ({', '.join(extra)})" if extra else "")


def globs_text(r: dict) -> str:
    gs = r["globs"]
    if not gs:
        return "none: no file name pattern"
    tail = "" if weighted(r) and len(weighted(r)) == len(gs) else (
        "; weight 50, the default" if not weighted(r) else "; the others at the default weight 50")
    if len(gs) == 1:
        return f"1: {glob_text(gs[0])}" + ("" if weighted(r) else " (weight 50, the default)")
    return f"{len(gs)}: " + ", ".join(glob_text(g) for g in gs) + tail


def shares_text(r: dict) -> str:
    if not r["shares"]:
        return "none: no other type claims its patterns"
    return "; ".join(f"{code(p)} is also claimed by {and_list(os)}" for p, os in r["shares"])


def aliases_text(r: dict) -> str:
    if not r["aliases"]:
        return "none"
    return f"{len(r['aliases'])}: " + ", ".join(r["aliases"])


def parents_text(r: dict) -> str:
    return and_list(r["parents"]) if r["parents"] else "none declared"


def children_text(r: dict) -> str:
    n = len(r["children"])
    if n == 0:
        return "none in the database"
    if n > CHILD_LIST_MAX:
        shown = shown_children(r)
        return (f"{n} in the database; those with pages in this catalogue: {', '.join(shown)}; the other "
                f"{n - len(shown)} are not catalogued here")
    return f"{n}: " + ", ".join(r["children"])


def icon_text(r: dict) -> str:
    return r["icon"] or "none declared"


def match_text(first: list) -> str:
    typ, value, offset, mask = first
    what = f"the string {code(value)}" if typ == "string" else f"a {typ} value {code(value)}"
    return f"{what} at offset {offset}" + (f" under mask {code(mask)}" if mask else "")


def rule_text(m: dict) -> str:
    pr = f"priority {m['priority']}" + ("" if m["explicit"] else " (the default)")
    return f"{pr}, {plural(m['matches'], 'match', 'matches')}, first {match_text(m['first'])}"


def magic_text(r: dict) -> str:
    ms = r["magic"]
    if not ms:
        return "none: recognised by name or relation only"
    if len(ms) == 1:
        return "1 rule: " + rule_text(ms[0])
    return f"{len(ms)} rules ({total_matches(r)} matches in all): " + "; ".join(
        f"rule {i}, {rule_text(m)}" for i, m in enumerate(ms, 1))


def root_text(r: dict) -> str:
    if not r["root_xml"]:
        return "none"
    return "; ".join(f"{code(loc)} in namespace {code(ns)}" for ns, loc in r["root_xml"])


def tree_text(r: dict) -> str:
    out = []
    for m in r["treemagic"]:
        pr = f"priority {m['priority']}" + (" (the default)" if m["priority"] == DEFAULT_PRIORITY else "")
        out.append(pr + ", looks for " + and_list([f"{code(p)} (a {t or 'file'})" for p, t in m["paths"]]))
    return "; ".join(out)


def news_text(r: dict) -> str:
    if not r["news"]:
        return "not named by its full type name in NEWS"
    rel = ", ".join(f"{v} ({d})" for v, d in r["news"])
    if len(r["news"]) == 1:
        return f"in the notes of 1 release: {rel}"
    return f"in the notes of {len(r['news'])} releases: {rel}; first under {r['news'][-1][0]}"


def line_text(r: dict) -> str:
    return f"line {r['line']} of freedesktop.org.xml"


def front(r: dict) -> dict:
    fm = {"type": r["type"], "media": r["media"], "subtype": r["subtype"], "comment": r["comment"]}
    if r["acronym"]:
        fm["acronym"] = r["acronym"]
    if r["tree"] != "none":
        fm["tree"] = r["tree"]
    fm.update({"glob_count": len(r["globs"]), "globs": [g[0] for g in r["globs"]], "alias_count": len(r["aliases"])})
    if r["aliases"]:
        fm["aliases"] = r["aliases"]
    if r["parents"]:
        fm["sub_class_of"] = r["parents"]
    fm["subclasses"] = len(r["children"])
    if r["icon"]:
        fm["generic_icon"] = r["icon"]
    fm["magic_rules"] = len(r["magic"])
    if r["magic"]:
        fm["magic_priority"] = max_priority(r)
    fm["root_xml"] = bool(r["root_xml"])
    fm["line"] = r["line"]
    fm["news_releases"] = len(r["news"])
    return fm


def front_matter(r: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front(r).items()) + "---\n"


def rows(r: dict) -> list[tuple[str, str]]:
    out = [("MIME type", r["type"]), ("Description", r["comment"]), ("Acronym", acronym_text(r)),
           ("Top-level type", media_text(r)), ("Subtype", r["subtype"]), ("Registration tree", TREE_TEXT[r["tree"]]),
           ("Structured syntax suffix", r["suffix"] or "none"), ("Glob patterns", globs_text(r)),
           ("Globs shared with other types", shares_text(r)), ("Aliases", aliases_text(r)),
           ("Sub-class of", parents_text(r)), ("Direct sub-classes", children_text(r)),
           ("Generic icon", icon_text(r)), ("Magic", magic_text(r)), ("XML root element", root_text(r))]  # fmt: skip
    if r["treemagic"]:
        out.append(("Tree magic", tree_text(r)))
    out += [("Entry", line_text(r)), ("Named in NEWS", news_text(r))]
    return out


SECTIONS = {"Identity": ["MIME type", "Description", "Acronym", "Top-level type", "Subtype", "Registration tree",
                         "Structured syntax suffix"],
            "File names": ["Glob patterns", "Globs shared with other types"],
            "Relations": ["Aliases", "Sub-class of", "Direct sub-classes", "Generic icon"],
            "Content sniffing": ["Magic", "XML root element", "Tree magic"],
            "Provenance": ["Entry", "Named in NEWS"]}  # fmt: skip


def source_line(snap: dict) -> str:
    p = snap["package"]
    rel = snap["news"][0]
    return (f"Source: freedesktop.org.xml of shared-mime-info {rel[0]} (released {iso_date(rel[1])}; Debian package "
            f"{p['debian']['version']}, changelog entry of {p['debian']['date']}), read without its DTD defaults; "
            f"release dates from the package's NEWS file.")


PROSE_TREE = {"standards": "in the standards tree (no prefix)", "vendor": "in the vendor tree (vnd. prefix)",
              "personal": "in the personal tree (prs. prefix)", "unregistered": "unregistered (x- prefix)",
              "none": "with no registration tree, since the top-level type is not an IANA one"}  # fmt: skip


def _prose(r: dict, snap: dict) -> list[str]:
    t, c, w = r["type"], r["comment"], _h(r["id"], "w")
    acr = f" (acronym {r['acronym']}" + (f", {r['expanded']})" if r["expanded"] else ")") if r["acronym"] else ""
    tree = PROSE_TREE[r["tree"]]
    suf = f", with the structured syntax suffix {r['suffix']}" if r["suffix"] else ", with no structured syntax suffix"
    md, sub, ln = r["media"], r["subtype"], line_text(r)
    p1 = [(f"{t} is the type the shared MIME-info database describes as \"{c}\"{acr}. Its entry opens at {ln}; "
           f"the top-level type is {md} and the subtype {sub}, {tree}{suf}.",
           f"The database describes {t} as \"{c}\"{acr}. It belongs to the {md} top-level type with subtype {sub}, "
           f"{tree}{suf}, and its entry begins on {ln}.",
           f"Entry {t}, found at {ln}, carries the description \"{c}\"{acr}. Top-level type: {md}; subtype: "
           f"{sub}, {tree}{suf}.")[w % 3]]
    if not r["acronym"]:
        p1.append("No acronym is recorded for it.")
    gs = r["globs"]
    if not gs:
        p2 = ["It has no glob pattern (none: no file name pattern), so a file name alone never selects it."]
    elif len(gs) == 1:
        g = gs[0]
        p2 = [f"One glob pattern selects it by name, {glob_text(g)}" +
              (", at the default weight 50." if g[1] == DEFAULT_WEIGHT else ".")]
    else:
        p2 = [f"File names are matched by {len(gs)} glob patterns: " + and_list([glob_text(g) for g in gs]) + "."]
        if not weighted(r):
            p2.append("All of them carry the default weight 50.")
        elif len(weighted(r)) < len(gs):
            p2.append("The others carry the default weight 50.")
    if gs:
        if r["shares"]:
            p2.append("Not every pattern is its alone: " + "; ".join(
                f"{code(p)} is also claimed by {and_list(os)}" for p, os in r["shares"]) + ".")
        else:
            p2.append("No other type in the database claims any of these patterns.")
    p3 = []
    if r["aliases"]:
        p3.append(f"It is also known under {plural(len(r['aliases']), 'alias', 'aliases')}: "
                  f"{and_list(r['aliases'])}.")
    else:
        p3.append("It has no alias.")
    if r["parents"]:
        p3.append(f"The entry declares it a sub-class of {and_list(r['parents'])}.")
    else:
        p3.append("It is declared a sub-class of nothing (none declared).")
    n = len(r["children"])
    if n == 0:
        p3.append("No type in the database is a sub-class of it.")
    elif n > CHILD_LIST_MAX:
        shown = shown_children(r)
        p3.append(f"In turn, {n} types in the database name it as their parent; those with pages in this catalogue "
                  f"are {and_list(shown)}, and the other {n - len(shown)} are not catalogued here.")
    elif n == 1:
        p3.append(f"One type names it as its parent: {r['children'][0]}.")
    else:
        p3.append(f"In turn, {n} types name it as their parent: {and_list(r['children'])}.")
    p3.append(f"It declares the generic icon {r['icon']}." if r["icon"] else "No generic icon is declared for it.")
    p4 = []
    ms = r["magic"]
    if not ms:
        p4.append("There is no magic rule for it, so its content is never sniffed.")
    elif len(ms) == 1:
        m = ms[0]
        pr = f"priority {m['priority']}" + ("" if m["explicit"] else ", the default")
        p4.append(f"Content sniffing uses one magic rule at {pr}, made of "
                  f"{plural(m['matches'], 'match', 'matches')}; the first looks for {match_text(m['first'])}.")
    else:
        p4.append(f"Content sniffing uses {len(ms)} magic rules with {total_matches(r)} matches in all: " + "; ".join(
            f"rule {i} at priority {m['priority']}" + ("" if m["explicit"] else " (the default)") +
            f" has {plural(m['matches'], 'match', 'matches')} and first looks for {match_text(m['first'])}"
            for i, m in enumerate(ms, 1)) + ".")
    if r["root_xml"]:
        p4.append("As an XML document it is recognised by its root element: " + "; ".join(
            f"{code(loc)} in namespace {code(ns)}" for ns, loc in r["root_xml"]) + ".")
    if r["treemagic"]:
        p4.append(f"Mounted media are recognised by tree magic: {tree_text(r)}.")
    if r["news"]:
        rel = and_list([f"{v} ({d})" for v, d in r["news"]])
        p4.append(f"The NEWS file names it in the notes of {plural(len(r['news']), 'release')}, {rel}" +
                  (f"; it is first named under {r['news'][-1][0]}." if len(r["news"]) > 1 else "."))
    else:
        p4.append("The NEWS file never names it by its full type name.")
    return [" ".join(p) for p in (p1, p2, p3, p4)]


def title(r: dict) -> str:
    return f"{r['type']} ({r['comment']})"


def render(r: dict, snap: dict) -> str:
    kind = layout(r)
    head = front_matter(r) + f"\n# {title(r)}\n\n"
    rs = rows(r)
    src = source_line(snap)
    if kind == "sheet":
        out = "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {cell(b)} |" for a, b in rs) + "\n"
        return head + out + "\n" + src + "\n"
    if kind == "card":
        d = dict(rs)
        out = []
        for sec, keys in SECTIONS.items():
            out += [f"## {sec}"] + [f"- {k}: {d[k]}" for k in keys if k in d] + [""]
        return head + "\n".join(out) + "\n" + src + "\n"
    return head + "\n\n".join(_prose(r, snap)) + "\n\n" + src + "\n"


def page_path(r: dict) -> str:
    return f"{r['media']}/{r['subtype']}.md"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {page_path(r): render(r, snap) for r in recs}


def snapshot_text(snap: dict) -> str:
    """JSON with one database entry / one release / one record a line."""
    head = {k: v for k, v in snap.items() if k not in ("types", "news", "records")}
    text = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    body = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in snap["types"].items())
    parts = [f' "types": {{\n{body}\n }}']
    for key in ("news", "records"):
        body = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in snap[key])
        parts.append(f' "{key}": [\n{body}\n ]')
    return text + ",\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's sources again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    print(f"{len(snap['types'])} MIME types, {len(snap['news'])} releases in NEWS, {len(READ)} read; "
          f"{len(snap['records'])} records")


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


def names_safe(question: str, golds: list[str], others: list[str], typ: str = "reverse") -> bool:
    """Do all other types and aliases of the database score wrong?"""
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, o) for o in others if _atok(o) not in gt)


def in_question(q: str, g: str) -> bool:
    return _contains(_atok(q), _atok(g))


def refs(r: dict) -> list[str]:
    return [r["type"], f"the {r['type']} type", f"the MIME type {r['type']}"]


def ref(r: dict, salt: str) -> str:
    xs = refs(r)
    return xs[_h(r["id"], salt) % len(xs)]


def fill(tpl: str, r: dict, salt: str, **kw) -> tuple[str, str]:
    """A template with {n} (the type, "the <type> type" or "the MIME type <type>"); returns (question, how it
    names the type)."""
    nref = ref(r, salt)
    q = tpl.format(n=nref, **kw)
    return cap(q), nref


def cap(q: str) -> str:
    """A capital for a question that starts with a word; a MIME type or glob keeps its case."""
    first = q.split(" ", 1)[0]
    return q if "/" in first or first.startswith("*") else q[0].upper() + q[1:]


def ident(r: dict) -> list[str]:
    """How an answer names a type: the type itself."""
    return [r["type"]]


def _clean_value(v: str) -> bool:
    return len(v) >= 3 and "\\" not in v and all(32 < ord(c) < 127 for c in v) and any(c.isalpha() for c in v) \
        and bool(_atok(v))


def one_share(r: dict):
    """(glob, other type) when exactly one of the type's patterns is shared, with exactly one other type."""
    if len(r["shares"]) == 1 and len(r["shares"][0][1]) == 1:
        return r["shares"][0][0], r["shares"][0][1][0]
    return None


def case_globs(r: dict) -> list[str]:
    return [g[0] for g in r["globs"] if g[3]]


SINGLE = {
    "comment": (["What description does the shared MIME-info database give {n}?",
                 "How does the database's English comment describe {n}?"],
                lambda r: [r["comment"]], lambda r: True),
    "acronym": (["Which acronym does the database record for {n}?", "What acronym goes with {n} in the database?"],
                lambda r: [r["acronym"]], lambda r: bool(r["acronym"])),
    "expanded": (["What does the acronym recorded for {n} stand for?",
                  "What is the expanded acronym in the database entry for {n}?"],
                 lambda r: [r["expanded"]], lambda r: bool(r["expanded"])),
    "glob_count": (["How many glob patterns does {n} have?",
                    "How many file-name glob patterns does the database list for {n}?"],
                   lambda r: [str(len(r["globs"]))], lambda r: len(r["globs"]) >= 2),
    "glob": (["Which glob pattern matches file names of {n}?", "What is the one glob pattern listed for {n}?"],
             lambda r: [r["globs"][0][0]], lambda r: len(r["globs"]) == 1),
    "weighted_glob": (["Which glob pattern of {n} carries a weight other than the default 50?"],
                      lambda r: [weighted(r)[0][0]], lambda r: len(weighted(r)) == 1 and len(r["globs"]) >= 2),
    "weight": (["What weight does the glob pattern {g} carry in the entry for {n}?",
                "Which weight is the glob {g} of {n} given?"],
               lambda r: [str(weighted(r)[0][1])], lambda r: len(weighted(r)) >= 1),
    "case_glob": (["Which glob pattern of {n} is matched case-sensitively?"],
                  lambda r: case_globs(r), lambda r: len(case_globs(r)) == 1),
    "alias": (["Which alias does the database list for {n}?", "What other name (alias) does {n} go by in the database?"],
              lambda r: [r["aliases"][0]], lambda r: len(r["aliases"]) == 1),
    "alias_count": (["How many aliases does {n} have?", "How many alias names does the database record for {n}?"],
                    lambda r: [str(len(r["aliases"]))], lambda r: len(r["aliases"]) >= 2),
    "parent": (["Of which type is {n} declared a sub-class?",
                "Which type does the entry for {n} name as its parent (sub-class-of)?"],
               lambda r: [r["parents"][0]], lambda r: len(r["parents"]) == 1),
    "children": (["How many types in the database are declared direct sub-classes of {n}?",
                  "How many types name {n} as their parent?"],
                 lambda r: [str(len(r["children"]))], lambda r: len(r["children"]) >= 2),
    "child": (["Which type is the only declared sub-class of {n}?", "{n} is the parent of exactly one type. Which?"],
              lambda r: [r["children"][0]], lambda r: len(r["children"]) == 1),
    "icon": (["Which generic icon does the entry for {n} declare?", "What generic-icon name is given for {n}?"],
             lambda r: [r["icon"]], lambda r: bool(r["icon"])),
    "priority": (["What priority does the magic rule of {n} have?",
                  "At which priority does the database sniff {n} by its magic?"],
                 lambda r: [str(one_priority(r))], lambda r: one_priority(r) is not None),
    "rules": (["How many magic rules does the entry for {n} have?"],
              lambda r: [str(len(r["magic"]))], lambda r: len(r["magic"]) >= 2),
    "matches": (["How many match elements does the magic of {n} contain in all?",
                 "Counting nested ones, how many magic matches does {n} have?"],
                lambda r: [str(total_matches(r))], lambda r: total_matches(r) >= 2),
    "offset": (["At which byte offset does the first magic match of {n} look?"],
               lambda r: [r["magic"][0]["first"][2]],
               lambda r: bool(r["magic"]) and r["magic"][0]["first"][2].isdigit() and r["magic"][0]["first"][2] != "0"),
    "magic_type": (["What match type (string, byte, big32, ...) does the first magic match of {n} use?"],
                   lambda r: [r["magic"][0]["first"][0]],
                   lambda r: bool(r["magic"]) and r["magic"][0]["first"][0] != "string"),
    "magic_value": (["Which string does the first magic match of {n} look for?",
                     "What does the first magic match of {n} test the file for?"],
                    lambda r: [r["magic"][0]["first"][1]],
                    lambda r: bool(r["magic"]) and r["magic"][0]["first"][0] == "string"
                    and _clean_value(r["magic"][0]["first"][1])),
    "root": (["Which root element name identifies {n} as an XML document?"],
             lambda r: [r["root_xml"][0][1]], lambda r: len(r["root_xml"]) == 1),
    "namespace": (["Which namespace URI does the XML root rule of {n} name?"],
                  lambda r: [r["root_xml"][0][0]], lambda r: len(r["root_xml"]) == 1),
    "tree_path": (["Which path does the tree magic of {n} look for on a mounted volume?"],
                  lambda r: [r["treemagic"][0]["paths"][0][0]],
                  lambda r: len(r["treemagic"]) == 1 and len(r["treemagic"][0]["paths"]) == 1),
    "line": (["On which line of freedesktop.org.xml does the entry for {n} begin?",
              "At which line number does {n} open in freedesktop.org.xml?"],
             lambda r: [str(r["line"])], lambda r: True),
    "news_first": (["Under which shared-mime-info release do the NEWS notes first name {n}?",
                    "What is the earliest release whose NEWS notes name {n}?"],
                   lambda r: [first_news(r)[0]], lambda r: bool(r["news"])),
    "news_count": (["In the notes of how many releases does the NEWS file name {n}?"],
                   lambda r: [str(len(r["news"]))], lambda r: len(r["news"]) >= 2),
    "shared": (["Which other type also claims the glob pattern {g} of {n}?",
                "The glob {g} of {n} is claimed by one other type as well. Which?"],
               lambda r: [one_share(r)[1]], lambda r: one_share(r) is not None),
}  # fmt: skip
SINGLE_ORDER = ["shared", "child", "case_glob", "tree_path", "weighted_glob", "weight", "root", "namespace",
                "magic_type", "offset", "expanded", "acronym", "icon", "alias", "alias_count", "parent", "children",
                "news_first", "news_count", "rules", "matches", "magic_value", "priority", "glob", "glob_count",
                "comment", "line"]  # fmt: skip


def single_ok(r: dict, k: str) -> bool:
    return SINGLE[k][2](r)


def single_golds(r: dict, k: str) -> list[str]:
    return SINGLE[k][1](r)


def single_kw(r: dict, k: str) -> dict:
    if k == "weight":
        return {"g": weighted(r)[0][0]}
    if k == "shared":
        return {"g": one_share(r)[0]}
    return {}


def single_question(r: dict, k: str) -> str:
    tpls = SINGLE[k][0]
    return fill(tpls[_h(r["id"], k) % len(tpls)], r, k, **single_kw(r, k))[0]


def single_related(r: dict, k: str) -> list[str]:
    """The catalogued types a single-hop answer names."""
    cat = cat_set()
    xs = {"parent": r["parents"][:1], "child": r["children"][:1], "shared": [one_share(r)[1]] if one_share(r) else []}
    return [x for x in xs.get(k, []) if x in cat]


def rel_key(a: str, b: str) -> tuple[str, str]:
    """One relation between two types (parent and child, a shared glob), asked once per split whichever page it
    is asked from."""
    return ("rel", " ".join(sorted((a, b))))


def page_numbers(r: dict) -> set[str]:
    xs = [r["line"], len(r["globs"]), len(r["aliases"]), len(r["children"]), len(r["magic"]), total_matches(r),
          len(r["news"]), len(shown_children(r))]
    xs += [g[1] for g in r["globs"]] + [m["priority"] for m in r["magic"]] + [m["matches"] for m in r["magic"]]
    xs += [m["first"][2] for m in r["magic"]] + [m["priority"] for m in r["treemagic"]]
    return {str(x) for x in xs}


def page_texts(r: dict) -> set[str]:
    """The values a page states besides its numbers."""
    out = {r["type"], r["comment"], r["media"], r["subtype"]}
    out |= {x for x in (r["acronym"], r["expanded"], r["icon"], r["suffix"]) if x}
    out |= {g[0] for g in r["globs"]} | set(r["aliases"]) | set(r["parents"]) | set(shown_children(r))
    out |= {o for _, os in r["shares"] for o in os}
    out |= {x for m in r["magic"] for x in (m["first"][0], m["first"][1])}
    out |= {x for pair in r["root_xml"] for x in pair} | {p for m in r["treemagic"] for p, _ in m["paths"]}
    out |= {x for pair in r["news"] for x in pair}
    return {x for x in out if _atok(x)}


def catalogue_values(recs: list[dict]) -> set[str]:
    return {x for t in recs for x in (t["type"], t["comment"], str(t["line"]))}


def others_of(r: dict, recs: list[dict]) -> set[str]:
    """Values a wrong answer could take from the page or from the catalogue."""
    return page_numbers(r) | page_texts(r) | catalogue_values(recs)


def others_safe(question: str, golds: list[str], r: dict, recs: list[dict], typ: str = "single_hop") -> bool:
    gt = [_atok(g) for g in golds]
    return not any(_ok(question, golds, typ, x) for x in others_of(r, recs) if _atok(x) not in gt)


# multi hop: a type -> its one parent, its one child or the one other type sharing a glob; an alias or a glob
# -> its type -> that type's one parent
HOP_VIA = {
    "parent": ["{v} is declared a sub-class of exactly one type. {f}",
               "Take the one type that {v} is declared a sub-class of. {f}"],
    "child": ["{v} has exactly one declared sub-class in the database. {f}",
              "Exactly one type in the database names {v} as its parent. {f}"],
    "shared": ["{v} shares its glob pattern {g} with exactly one other type. {f}",
               "One other type also claims the glob {g} of {v}. {f}"],
    "alias": ["{v} is an alias; the type it names is declared a sub-class of exactly one type. {f}",
              "Resolve the alias {v} to its type, then take that type's one parent type. {f}"],
    "glob": ["Files matching {v} get one MIME type, which is declared a sub-class of exactly one type. {f}",
             "Take the MIME type of files matching {v}, then the one type it is declared a sub-class of. {f}"],
}  # fmt: skip
HOP_FIELD = {
    "comment": ("What is that type's description?", lambda t: [t["comment"]], lambda t: True),
    "glob_count": ("How many glob patterns does that type have?", lambda t: [str(len(t["globs"]))],
                   lambda t: len(t["globs"]) >= 1),
    "alias_count": ("How many aliases does that type have?", lambda t: [str(len(t["aliases"]))],
                    lambda t: len(t["aliases"]) >= 1),
    "children": ("How many types in the database are declared direct sub-classes of that type?",
                 lambda t: [str(len(t["children"]))], lambda t: len(t["children"]) >= 2),
    "line": ("On which line of freedesktop.org.xml does that type's entry begin?", lambda t: [str(t["line"])],
             lambda t: True),
    "priority": ("What priority does that type's magic rule have?", lambda t: [str(one_priority(t))],
                 lambda t: one_priority(t) is not None),
    "acronym": ("Which acronym does the database record for that type?", lambda t: [t["acronym"]],
                lambda t: bool(t["acronym"])),
    "icon": ("Which generic icon does that type declare?", lambda t: [t["icon"]], lambda t: bool(t["icon"])),
    "news_first": ("Under which release do the NEWS notes first name that type?", lambda t: [first_news(t)[0]],
                   lambda t: bool(t["news"])),
}  # fmt: skip


def hop_golds(t: dict, f: str) -> list[str] | None:
    return HOP_FIELD[f][1](t) if HOP_FIELD[f][2](t) else None


def unique_glob(db: dict, g: list) -> bool:
    return len(glob_owners(db, g[0], g[3])) == 1


def hop_starts(r: dict, by: dict, db: dict) -> list[tuple[str, str, str | None, str]]:
    """(via, how the question names the start, the glob named (shared), the target type) for every chain
    from this page."""
    out = []
    if len(r["parents"]) == 1 and r["parents"][0] in by:
        p = r["parents"][0]
        out.append(("parent", r["type"], None, p))
        out += [("alias", a, None, p) for a in r["aliases"]]
        out += [("glob", g[0], None, p) for g in r["globs"] if unique_glob(db, g) and _atok(g[0])]
    if len(r["children"]) == 1 and r["children"][0] in by:
        out.append(("child", r["type"], None, r["children"][0]))
    if one_share(r) and one_share(r)[1] in by:
        g, o = one_share(r)
        out.append(("shared", r["type"], g, o))
    return out


CMP = {
    "more-globs": ("Which has more glob patterns, {a} or {b}?", lambda r: len(r["globs"]), max),
    "more-aliases": ("Which of {a} and {b} has more aliases in the database?", lambda r: len(r["aliases"]), max),
    "more-children": ("Which of {a} and {b} is the declared parent of more types?", lambda r: len(r["children"]), max),
    "higher-priority": ("Which of {a} and {b} has the higher magic priority?", one_priority, max),
    "more-matches": ("Which of {a} and {b} has more magic match elements in all?",
                     lambda r: total_matches(r) or None, max),
    "earlier-line": ("Which entry comes first in freedesktop.org.xml, {a} or {b}?", lambda r: r["line"], min),
    "earlier-news": ("Which of {a} and {b} is first named in the NEWS notes of an earlier release?", None, max),
    "acronym-one": ("Which of {a} and {b} has an acronym recorded in the database?",
                    lambda r: int(bool(r["acronym"])), max),
    "parent-one": ("Which of {a} and {b} is declared a sub-class of another type?",
                   lambda r: int(bool(r["parents"])), max),
    "magic-one": ("Which of {a} and {b} can be recognised by a magic rule?", lambda r: int(bool(r["magic"])), max),
    "icon-one": ("Which of {a} and {b} declares a generic icon?", lambda r: int(bool(r["icon"])), max),
}  # fmt: skip
FIELD_OF = {"more-globs": "globs", "more-aliases": "aliases", "more-children": "children", "higher-priority": "priority",
            "more-matches": "matches", "earlier-line": "line", "earlier-news": "news", "acronym-one": "acronym",
            "parent-one": "parent", "magic-one": "magic", "icon-one": "icon"}  # fmt: skip


def cmp_value(k: str, r: dict, snap: dict):
    if k == "earlier-news":
        if not r["news"]:
            return None
        order = [v for v, _, _ in snap["news"]]
        return order.index(first_news(r)[0])  # further down the file: an earlier release
    return CMP[k][1](r)


def conditions(recs: list[dict]) -> dict:
    """Conditions filters combine: (test, how a question says it)."""
    out = {}
    media = Counter(r["media"] for r in recs)
    for m, n in sorted(media.items()):
        if n >= 2:
            out[f"media-{m}"] = (lambda r, m=m: r["media"] == m, f"is in the {m} top-level type")
    out.update({
        "tree-vendor": (lambda r: r["tree"] == "vendor", "has a subtype in the vendor tree (vnd.)"),
        "tree-x": (lambda r: r["tree"] == "unregistered", "has an unregistered x- subtype"),
        "tree-standards": (lambda r: r["tree"] == "standards", "has a subtype in the standards tree, with no prefix"),
        "suffix": (lambda r: r["suffix"] is not None, "has a structured syntax suffix such as +xml"),
        "globs-0": (lambda r: not r["globs"], "has no glob pattern at all"),
        "globs-1": (lambda r: len(r["globs"]) == 1, "has exactly one glob pattern"),
        "globs-3": (lambda r: len(r["globs"]) >= 3, "has three or more glob patterns"),
        "alias": (lambda r: bool(r["aliases"]), "has at least one alias"),
        "no-alias": (lambda r: not r["aliases"], "has no alias"),
        "aliases-3": (lambda r: len(r["aliases"]) >= 3, "has three or more aliases"),
        "acronym": (lambda r: bool(r["acronym"]), "has an acronym recorded"),
        "no-parent": (lambda r: not r["parents"], "is declared a sub-class of no other type"),
        "two-parents": (lambda r: len(r["parents"]) >= 2, "is declared a sub-class of two types"),
        "parent-of": (lambda r: bool(r["children"]), "is the declared parent of at least one other type"),
        "magic": (lambda r: bool(r["magic"]), "has at least one magic rule"),
        "no-magic": (lambda r: not r["magic"], "has no magic rule"),
        "prio-high": (lambda r: bool(r["magic"]) and max_priority(r) >= 70, "has a magic rule at priority 70 or more"),
        "prio-low": (lambda r: bool(r["magic"]) and max_priority(r) < 50,
                     "has magic rules only below the default priority 50"),
        "rules-2": (lambda r: len(r["magic"]) >= 2, "has two or more magic rules"),
        "root-xml": (lambda r: bool(r["root_xml"]), "is recognised by an XML root element"),
        "shared": (lambda r: bool(r["shares"]), "shares a glob pattern with another type"),
        "weighted": (lambda r: bool(weighted(r)), "has a glob pattern with a weight other than the default 50"),
        "news": (lambda r: bool(r["news"]), "is named by its full type name in the NEWS file"),
        "no-news": (lambda r: not r["news"], "is never named by its full type name in the NEWS file"),
    })  # fmt: skip
    parents = Counter(p for r in recs for p in r["parents"])
    for p, n in sorted(parents.items()):
        if n >= 2:
            out[f"parent-{p}"] = (lambda r, p=p: p in r["parents"], f"is declared a sub-class of {p}")
    icons = Counter(r["icon"] for r in recs if r["icon"])
    for i, n in sorted(icons.items()):
        if n >= 2:
            out[f"icon-{i}"] = (lambda r, i=i: r["icon"] == i, f"declares the generic icon {i}")
    return out


REV_Q = {
    "rev-glob": ["Which MIME type does the glob pattern {v} belong to?",
                 "Files matching {v} get which MIME type in the shared MIME-info database?"],
    "rev-alias": ["Which MIME type is {v} an alias of?", "The database lists {v} as an alias. Of which type?"],
    "rev-expanded": ["Which MIME type's acronym stands for {v}?",
                     "The database expands one type's acronym as {v}. Which MIME type is it?"],
    "rev-comment": ["Which MIME type does the database describe as \"{v}\"?",
                    "\"{v}\" is the English comment of which MIME type?"],
    "rev-root": ["Which MIME type is recognised by the XML root element {v}?",
                 "An XML document whose root element is {v} gets which MIME type?"],
    "rev-line": ["Which MIME type's entry begins on line {v} of freedesktop.org.xml?",
                 "Line {v} of freedesktop.org.xml opens the entry of which MIME type?"],
    "rev-magic": ["Which MIME type's first magic match looks for the string {v}?",
                  "The string {v} is what the first magic match of which MIME type looks for?"],
}  # fmt: skip


def all_values(db: dict) -> dict[str, list]:
    """Per cue kind, every value the whole database has (for uniqueness)."""
    def strings(ms):
        for m in ms:
            if m[0] == "string":
                yield m[1]
            yield from strings(m[4])

    return {"expanded": [v["expanded"] for v in db.values() if v["expanded"]],
            "comment": [v["comment"] for v in db.values()],
            "root": [f"{loc} in the namespace {ns}" for v in db.values() for ns, loc in v["root_xml"]],
            "magic": [s for v in db.values() for m in v["magic"] for s in strings(m["matches"])]}  # fmt: skip


def rev_cues(r: dict, k: str, db: dict, vals: dict) -> list[str]:
    """Cues that single out the type among all 851 types of the database."""
    if k == "rev-glob":
        return [g[0] for g in r["globs"] if unique_glob(db, g) and _atok(g[0])]
    if k == "rev-alias":
        return list(r["aliases"])
    if k == "rev-expanded":
        return [r["expanded"]] if r["expanded"] and vals["expanded"].count(r["expanded"]) == 1 else []
    if k == "rev-comment":
        return [r["comment"]] if vals["comment"].count(r["comment"]) == 1 else []
    if k == "rev-root":
        cues = [f"{loc} in the namespace {ns}" for ns, loc in r["root_xml"]]
        return [c for c in cues if vals["root"].count(c) == 1]
    if k == "rev-line":
        return [str(r["line"])]
    if k == "rev-magic":
        v = r["magic"][0]["first"] if r["magic"] else None
        return [v[1]] if v and v[0] == "string" and _clean_value(v[1]) and vals["magic"].count(v[1]) == 1 else []
    raise KeyError(k)


def everyone(db: dict) -> list[str]:
    """Every type and alias of the database: what a reverse or filter answer could name instead."""
    return sorted(set(db) | {a for v in db.values() for a in v["aliases"]})


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    db = snap["types"]
    by = {r["type"]: r for r in recs}
    vals = all_values(db)
    every = everyone(db)
    sp = split_pages(recs)
    cond = conditions(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    assign_layouts(recs)
    for s in ("dev", "test"):
        want = WANT[s]
        types = sorted((c for c in by if sp[c] == s), key=lambda x: _h(x, "order" + s))
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
        for n in types:
            if count("multi_hop") >= want["multi_hop"]:
                break
            r = by[n]
            starts = [x for x in hop_starts(r, by, db) if sp[x[3]] == s]
            starts.sort(key=lambda x: _h(f"{n}{x[0]}{x[1]}", "hopstart"))
            done = False
            for via, cue, g, m in starts:
                if kinds("hop-" + via) >= CAP_HOP[s] or (n, "hopstart") in used or rel_key(n, m) in used:
                    continue
                t = by[m]
                for kk in list(hk):
                    g_m = hop_golds(t, kk)
                    if not g_m or (m, "hop-" + kk) in used or (m, kk) in used:
                        continue
                    tpls = HOP_VIA[via]
                    tpl = tpls[_h(f"{n}{via}", "hopq") % len(tpls)]
                    q = cap(tpl.format(v=cue, g=g, f=HOP_FIELD[kk][0]))
                    own = (hop_golds(r, kk) or []) + ident(r) + ([cue] if via in ("alias", "glob") else [])
                    if {tuple(_atok(x)) for x in g_m} & {tuple(_atok(x)) for x in own}:
                        continue
                    if not gold_safe(q, g_m, "multi_hop") or any(in_question(q, x) for x in g_m) or \
                            not others_safe(q, g_m, t, recs, "multi_hop"):
                        continue
                    if any(_ok(q, g_m, "multi_hop", x) for x in own if _atok(x) not in [_atok(y) for y in g_m]):
                        continue
                    add(q, g_m, "multi_hop", [r["id"], t["id"]], "hop-" + via, field=kk, via=n, target=m, ref=cue)
                    used.update({(m, "hop-" + kk), (n, "hopstart"), rel_key(n, m)})
                    subj.update({n, m})
                    hk.append(hk.pop(hk.index(kk)))
                    done = True
                    break
                if done:
                    break

        def try_single(n: str, k: str) -> bool:
            r = by[n]
            if not single_ok(r, k) or (n, k) in used or kinds(k) >= CAP[s]:
                return False
            if any(sp.get(x) != s for x in single_related(r, k)):
                return False
            rel = [rel_key(n, x) for x in single_related(r, k)]
            if any(x in used for x in rel):
                return False
            q = single_question(r, k)
            g = single_golds(r, k)
            if any(in_question(q, x) for x in g) or not gold_safe(q, g) or not others_safe(q, g, r, recs):
                return False
            add(q, g, "single_hop", [r["id"]], k)
            used.add((n, k))
            used.update(rel)
            subj.add(n)
            return True

        for k in SINGLE_ORDER:
            if count("single_hop") >= want["single_hop"]:
                break
            for n in types:
                if n not in subj and try_single(n, k):
                    break
        ki = 0
        for rnd_pass in (0, 1, 2):
            for n in types:
                if count("single_hop") >= want["single_hop"]:
                    break
                if n in subj and (rnd_pass == 0 or (rnd_pass == 1 and any(i["evidence"] == [n] for i in items))):
                    continue
                for _ in range(len(SINGLE_ORDER)):
                    k = SINGLE_ORDER[ki % len(SINGLE_ORDER)]
                    ki += 1
                    if try_single(n, k):
                        break
        # reverse: a glob, an alias, an expanded acronym, a comment, an XML root, a line, a magic string -> type
        rk = list(REV_Q)
        for n in [x for x in types if x not in subj] + [x for x in types if x in subj]:
            if count("reverse") >= want["reverse"]:
                break
            r = by[n]
            for k in list(rk):
                if kinds(k) >= CAP_REVERSE[s] or (n, "reverse") in used:
                    continue
                cues = rev_cues(r, k, db, vals)
                if not cues:
                    continue
                v = cues[_h(n, "cue" + k) % len(cues)]
                q = cap(REV_Q[k][_h(n, "revq" + k) % len(REV_Q[k])].format(v=v))
                g = ident(r)
                if any(in_question(q, x) for x in g) or not gold_safe(q, g, "reverse") or not names_safe(q, g, every):
                    continue
                add(q, g, "reverse", [r["id"]], k, value=v)
                used.add((n, "reverse"))
                subj.add(n)
                rk.append(rk.pop(rk.index(k)))
                break
        # comparisons of two types of the split
        ck = list(CMP)
        tries = 0
        while count("comparison") < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            tpl, _, pick = CMP[k]
            pool = [x for x in types if cmp_value(k, by[x], snap) is not None]
            if len(pool) < 2:
                continue
            a, b = rnd.sample(pool, 2)
            fa, fb = cmp_value(k, by[a], snap), cmp_value(k, by[b], snap)
            if fa == fb or (a, FIELD_OF[k]) in used or (b, FIELD_OF[k]) in used or kinds(k) >= CAP_CMP[s]:
                continue
            q = tpl.format(a=a, b=b)
            win = a if pick(fa, fb) == fa else b
            if not hedge_safe(q, [a, b], win):
                continue
            add(q, [win], "comparison", [a, b], k, options=[a, b], target=win, candidates=[a, b])
            used.update({(a, FIELD_OF[k]), (b, FIELD_OF[k])})
        # filters: among all catalogued types (two conditions), and among four listed ones
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
            w = both[0]["type"]
            if sp[w] != s or (w, "filter") in used:
                continue
            q = rnd.choice(["Which type in this catalogue {a} and {b}?",
                            "Name the one MIME type in this catalogue that {a} and {b}.",
                            "I am looking for the catalogued MIME type that {a} and {b}. Which is it?"])
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
            cands = rnd.sample(types, 4)
            hits = [x for x in cands if cond[c][0](by[x])]
            if len(hits) != 1 or any((x, "filter-" + c) in used for x in cands) or (hits[0], "filter") in used:
                continue
            if cands[-1] == hits[0]:
                cands[0], cands[-1] = cands[-1], cands[0]
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these MIME types {c}: {l}?", "Among {l}, which {c}?"])
            q = q.format(l=", ".join(cands), c=cond[c][1])
            gold = hits[0]
            if not hedge_safe(q, cands, gold) or not names_safe(q, [gold], every, "filter"):
                continue
            add(q, [gold], "filter", [gold], "filter-among", options=list(cands), where={c: True},
                candidates=list(cands))
            used.update((x, "filter-" + c) for x in cands)
            used.add((gold, "filter"))
        # unanswerables: left-out types, then fields no page states
        for m in ABSENT[s]:
            for q in ABSENT_QUESTIONS[m]:
                if kinds("absent-type") < ABSENT_MIX[s]:
                    add(q, [], "unanswerable", [], "absent-type", mime=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(types)
        rnd.shuffle(pages)
        i = 0
        while count("unanswerable") < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            q, nref = fill(ABSENT_FIELDS[f][0], by[n], "absent" + f)
            add(q, [], "unanswerable", [], "absent-field", field=f, mime=n, ref=nref)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c27-{s}-{j:03d}", **it}
    return out


def qa_text(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def build(force: bool) -> None:
    snap = load_snapshot()
    recs = snap["records"]
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
          f"layouts {dict(Counter(layout(r) for r in recs))}")
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


def _type_pat(t: str) -> str:
    return r"(?<![\w/.+-])" + re.escape(t) + r"(?![\w+/-]|\.\w)"


def absent_patterns(t: str, snap: dict) -> list[str]:
    """A left-out type as its name, its aliases, its English comment and its glob patterns."""
    e = snap["types"][t]
    out = [_type_pat(t)] + [_type_pat(a) for a in e["aliases"]]
    out.append(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in e["comment"].split()) + r"(?![\w-])")
    for p, _, _ in e["globs"]:
        out.append(r"(?<![\w.*])\*?" + re.escape(p.lstrip("*")) + r"(?![\w.])")
    return out


def unanswerable_pattern(q: dict, snap: dict) -> tuple[str, str]:
    if q["kind"] == "absent-type":
        e = snap["types"][q["mime"]]
        return "|".join(f"(?:{p})" for p in absent_patterns(q["mime"], snap)), \
            f"{q['mime']} is described as \"{e['comment']}\" and matched by {e['globs'][0][0]}."
    _, pat, made_up = ABSENT_FIELDS[q["field"]]
    return pat, made_up


def page_values(r: dict) -> list[str]:
    """What a page must state (as text, case-insensitive): every value of its record, and in the sheet and
    card layouts also the wording of their labelled cells."""
    vals = [r["type"], r["comment"], r["media"], r["subtype"], line_text(r)]
    vals += [x for x in (r["acronym"], r["expanded"], r["icon"], r["suffix"]) if x]
    vals += [code(g[0]) for g in r["globs"]] + [f"weight {g[1]}" for g in r["globs"]]
    if len(r["globs"]) >= 2:
        vals.append(f"{len(r['globs'])}")
    vals += r["aliases"] + r["parents"] + shown_children(r)
    vals += [f"{code(p)} is also claimed by {and_list(os)}" for p, os in r["shares"]]
    if r["children"]:
        vals.append(str(len(r["children"])))
    for m in r["magic"]:
        vals += [f"priority {m['priority']}", plural(m["matches"], "match", "matches"), match_text(m["first"])]
    if len(r["magic"]) >= 2:
        vals.append(f"{total_matches(r)} matches in all")
    vals += [f"{code(loc)} in namespace {code(ns)}" for ns, loc in r["root_xml"]]
    vals += [code(p) for m in r["treemagic"] for p, _ in m["paths"]]
    vals += [f"{v} ({d})" for v, d in r["news"]]
    if len(r["news"]) >= 2:
        vals.append(f"first named under {first_news(r)[0]}" if layout(r) == "prose" else f"first under {first_news(r)[0]}")
    if layout(r) != "prose":
        vals += [b for _, b in rows(r)]
    vals += [str(v) for v in front(r).values() if not isinstance(v, (bool, list)) and v != 0]
    vals += [str(x) for v in front(r).values() if isinstance(v, list) for x in v]
    return vals


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.frontmatter import normalize_metadata
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    db = snap["types"]
    by = {r["type"]: r for r in recs}
    vals = all_values(db)
    every = everyone(db)
    sp = split_pages(recs)
    cond = conditions(recs)
    hub = hubs(recs)
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
    # 2. records against the stored values (and this machine, only where it has the same files)
    bad = [f"{r['type']}: record differs from the stored values" for r in recs if r != make_record(r["type"], snap)]
    bad += [f"{x}: read twice" for x, c in Counter(READ).items() if c > 1]
    bad += [f"{x}: read but not in the database" for x in READ if x not in db]
    bad += [f"{m}: ABSENT but catalogued or not read" for m in absent_types() if m in by or m not in READ]
    bad += [] if [r["type"] for r in recs] == catalogued() else ["records are not READ less ABSENT"]
    bad += [f"{r['type']}: names the left-out {m}" for r in recs for m in absent_types() if m in named_types(r)]
    bad += [f"{m}: related to a catalogued type" for m in absent_types()
            if set(db[m]["parents"]) & (set(by) - hub) or any(m in db[c]["parents"] for c in by)]
    same = []
    try:
        for key, path in (("database", XML_PATH), ("news", NEWS_PATH), ("changelog", CHANGELOG_PATH)):
            p = Path(path)
            if not (p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == snap["files"][key]["sha256"]):
                continue
            same.append(p.name)
            if key == "database":
                bad += [] if parse_database(p.read_text(encoding="utf-8")) == db else ["database parsed again differs"]
            elif key == "news":
                bad += [] if parse_news(gzip.decompress(p.read_bytes()).decode("utf-8")) == snap["news"] else \
                    ["NEWS parsed again differs"]
            else:
                bad += [] if parse_changelog(gzip.decompress(p.read_bytes()).decode("utf-8")) == \
                    snap["package"]["debian"] else ["changelog parsed again differs"]
    except Exception as e:  # noqa: BLE001
        bad.append(f"reading again: {e}")
    results.append((f"records are the {len(recs)} of {len(READ)} types read not ABSENT, equal to those computed from "
                    f"the stored entries and NEWS ({'read again: ' + ', '.join(same) if same else 'other files here: the snapshot alone'}); "
                    "no page names a left-out type", bad))
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
    bad += [] if set(docs) == set(by) else [f"document ids {sorted(set(docs) ^ set(by))[:5]} are not the types"]
    bad += [t for t in by if t in docs and (docs[t].title != title(by[t])
                                            or docs[t].metadata != normalize_metadata(front(by[t])))]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents, one per type, titled "
                    "\"<type> (<comment>)\", with their front matter", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for t, r in by.items():
        bad += [f"{t}: {v!r} not in the body" for v in page_values(r) if v.lower() not in low[t]]
        golds = [g for k in SINGLE if single_ok(r, k) for g in single_golds(r, k)]
        golds += [g for k in HOP_FIELD for g in (hop_golds(r, k) or [])] + ident(r)
        golds += [v for k in REV_Q for v in rev_cues(r, k, db, vals) if k != "rev-root"]
        golds += [x for ns, loc in r["root_xml"] for x in (ns, loc)]
        bad += [f"{t}: gold form {g!r} not in the page tokens" for g in golds
                if not contains_tokens(ftoks[t], answer_tokens(g))]
        plain = re.sub(r"``.*?``|`[^`]*`", " ", full[t])  # code spans hold patterns, magic values, namespaces
        named = set(re.findall(r"(?<![\w./+-])[a-z][\w.+-]*/[\w.+-]*[\w+]", plain))
        bad += [f"{t}: names {x}, which is no type or alias of the database" for x in named
                if x not in db and x not in every and not x.startswith(("http", "www."))]
    results.append(("every field of the record (and of its front matter) is stated in its page body (every gold "
                    "form and reverse cue as tokens); every type a page names is a type or alias of the database", bad))
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
    sources = ["It is in the shared MIME-info database.", "See freedesktop.org.xml.",
               "The shared-mime-info package lists it.", "It is in the catalogue."]  # fmt: skip
    for s in items:
        row_of = {r["id"]: r for r in rows_[s]}
        for it in items[s]:
            q = row_of[it.id]
            if not re.fullmatch(rf"c27-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
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
                for made_up in ("50", "application/octet-stream", "text/plain", unanswerable_pattern(q, snap)[1]):
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
            r = by[last if it.type != "comparison" else it.evidence[it.options.index(g0)]]
            golds_tok = [answer_tokens(g) for g in it.answers]
            if it.type in ("single_hop", "multi_hop"):
                gold_ok += [f"{it.id}: the page's other value {x!r} scores correct" for x in sorted(others_of(r, recs))
                            if answer_tokens(x) not in golds_tok and is_correct(it, x, False)]
            if k.startswith("hop-"):
                first = by[it.evidence[0]]
                own = (hop_golds(first, q["field"]) or []) + ident(first) + [q["ref"]]
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
    results += [("ids c27-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables, two on chains), "
                 "options where due", idb),
                ("every gold occurs in its last evidence document as accuracy tokens, the first also as text", gold_in),
                ("every gold scores correct alone and in a sentence and is not in its question; no bare yes/no/none/0 "
                 "gold; a sentence citing the source, number + 1, the page's other numbers and texts, the "
                 "catalogue's types, comments and lines and (chains) the first document's type, cue and value "
                 "score wrong", gold_ok),
                ("wrong options, hedges and every other type and alias of the database score wrong (reverse, filter: "
                 f"all {len(every)}); filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 5. facts against the snapshot
    fct = []
    for s in rows_:
        for q in rows_[s]:
            k = q["kind"]
            if q["type"] == "single_hop":
                r = by[q["evidence"][0]]
                if not single_ok(r, k) or single_golds(r, k) != q["answers"] or q["question"] != single_question(r, k):
                    fct.append(f"{q['id']}: gold differs from the snapshot")
            elif k.startswith("hop-"):
                via, r, t = k[4:], by[q["via"]], by[q["target"]]
                ok = (via, q["ref"], q["target"]) in [(a, b, d) for a, b, _, d in hop_starts(r, by, db)]
                ok = ok and q["evidence"] == [r["id"], t["id"]] and hop_golds(t, q["field"]) == q["answers"]
                ok = ok and q["ref"] in q["question"]
                if via in ("parent", "alias", "glob"):
                    ok = ok and r["parents"] == [t["type"]]
                if via == "child":
                    ok = ok and r["children"] == [t["type"]] and t["parents"].count(r["type"]) == 1
                if via == "glob":
                    ok = ok and [glob_owners(db, g[0], g[3]) for g in r["globs"] if g[0] == q["ref"]] == [[r["type"]]]
                if via == "alias":
                    ok = ok and [x for x, v in db.items() if q["ref"] in v["aliases"]] == [r["type"]]
                if via == "shared":
                    ok = ok and one_share(r) is not None and one_share(r)[1] == t["type"]
                if not ok:
                    fct.append(f"{q['id']}: the chain does not reach its target")
            elif q["type"] == "reverse":
                r = by[q["evidence"][0]]
                v = q["value"]
                if k == "rev-glob":
                    owners = [x for g in r["globs"] if g[0] == v for x in glob_owners(db, g[0], g[3])]
                elif k == "rev-alias":
                    owners = [x for x, e in db.items() if v in e["aliases"]]
                elif k == "rev-expanded":
                    owners = [x for x, e in db.items() if e["expanded"] == v]
                elif k == "rev-comment":
                    owners = [x for x, e in db.items() if e["comment"] == v]
                elif k == "rev-root":
                    owners = [x for x, e in db.items() if any(f"{loc} in the namespace {ns}" == v for ns, loc in e["root_xml"])]
                elif k == "rev-line":
                    owners = [x for x, e in db.items() if str(e["line"]) == v]
                else:
                    owners = [x for x in db if v in all_values({x: db[x]})["magic"]]
                if owners != [r["type"]] or v not in rev_cues(r, k, db, vals) or q["answers"] != ident(r) or \
                        v not in q["question"]:
                    fct.append(f"{q['id']}: the cue does not single out its type")
            elif q["type"] == "comparison":
                _, _, pick = CMP[k]
                a, b = q["candidates"]
                fa, fb = cmp_value(k, by[a], snap), cmp_value(k, by[b], snap)
                win = a if fa is not None and fb is not None and pick(fa, fb) == fa else b
                if fa is None or fb is None or fa == fb or q["target"] != win or q["options"] != [a, b] or \
                        q["answers"] != [win]:
                    fct.append(f"{q['id']}: comparison winner")
            elif k == "filter":
                hit = [x["type"] for x in recs if all(cond[c][0](x) == v for c, v in q["where"].items())]
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
            out |= set(q["evidence"]) | set(q.get("candidates", []))
            out |= {q[k] for k in ("target", "via") if q.get(k) in by}
            if q["type"] == "single_hop":
                out |= set(single_related(by[q["evidence"][0]], q["kind"]))
            if q["kind"] == "absent-field":
                out.add(q["mime"])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows_ for p in pages_of(s) if sp[p] != s]
    sep += [f"{r['type']} ({sp[r['type']]}) names {x} ({sp[x]})" for r in recs for x in links(r)
            if sp[x] != sp[r["type"]] and not {x, r["type"]} & hub]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    for s in rows_:
        qn = Counter(" ".join(answer_tokens(it.question)) for it in items[s])
        sep += [f"{s}: {x!r} twice" for x, c in qn.items() if c > 1]
    ab = {s: {q.get("mime") for q in rows_[s] if q["kind"] == "absent-type"} for s in rows_}
    sep += sorted(ab["dev"] & ab["test"])
    sep += [f"{s}: absent type {m} not of this split" for s in rows_ for m in ab[s] if m not in ABSENT[s]]
    for s in rows_:
        asked = Counter()
        for q in rows_[s]:
            if q["type"] == "single_hop":
                c = q["evidence"][0]
                asked[(c, q["kind"])] += 1
                for x in single_related(by[c], q["kind"]):
                    asked[rel_key(c, x)] += 1
            if q["kind"].startswith("hop-"):
                asked[(q["target"], "hop-" + q["field"])] += 1
                asked[("start", q["via"])] += 1
                asked[rel_key(q["via"], q["target"])] += 1
            if q["type"] == "reverse":
                asked[(q["evidence"][0], "reverse")] += 1
        sep += [f"{s}: {k} asked {c} times" for k, c in asked.items() if c > 1]
    n_dev = sum(v == "dev" for v in sp.values())
    results.append((f"pages split {n_dev} / {len(sp) - n_dev} by link group (hubs {', '.join(sorted(hub))} bind no "
                    "group): only links to a hub cross the splits, no question uses a page of the other split, no "
                    "page asked about in both splits, a fact or relation asked once per split, no absent type in "
                    "both, no question repeated", sep))
    un = []
    texts = dict(on_disk)
    for m in absent_types():
        for pat in absent_patterns(m, snap):
            hits = [p for p, t in texts.items() if re.search(pat, t, re.I)]
            if hits:
                un.append(f"ABSENT {m} {pat!r}: on {hits[:3]}")
    for s in rows_:
        for q in rows_[s]:
            if q["type"] != "unanswerable":
                continue
            m = q.get("mime")
            if q["kind"] == "absent-type" and (m not in ABSENT[s] or m not in q["question"] and not any(
                    g[0] in q["question"] for g in db[m]["globs"])):
                un.append(f"{q['id']}: absent type")
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
    results.append(("unanswerables: each pattern matches its made-up answer and no corpus file (left-out types: "
                    "name, aliases, comment and glob patterns on no page)", un))
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
