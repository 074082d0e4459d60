"""Build the catalog5 evaluation corpus: Perl modules installed on this machine.

    PYTHONPATH=src python scripts/build_catalog5.py build [--force]   # snapshot + pages + dev/test
    PYTHONPATH=src python scripts/build_catalog5.py check             # loader + scorer checks, no model

`build` reads every `*.pm` file (symlinks skipped) under the Perl library directories of this
machine (LIBS: the core library /usr/share/perl/5.36.0 and /usr/lib/x86_64-linux-gnu/perl/5.36.0,
perl-base's /usr/lib/x86_64-linux-gnu/perl-base, the Debian vendor library /usr/share/perl5 and
/usr/lib/x86_64-linux-gnu/perl5/5.36). A file is a module when its path-derived name
(`URI/ldap.pm` -> `URI::ldap`) has a `package` statement in it; from the file it takes the first
literal `$VERSION`, the POD `NAME` line's abstract ("Foo::Bar - does X"), the AUTHOR(S) section's
first name written next to an e-mail address, the licence terms and copyright years of the
LICENSE / COPYRIGHT sections, the minimum Perl version of a `use 5.x;` line, the base classes of
`use parent` / `use base` / `@ISA`, and the modules of the code's `use Module [version]` lines
(POD and everything after __END__ / __DATA__ left out; pragmas, which are lower-case, and the
module itself left out). Modules without a literal version or an abstract, lower-case (pragma)
names, and modules with neither author nor copyright years are skipped. Then PAIRS child / parent
pairs (both eligible) are taken, and the rest evenly over the sorted names with at most CAP per
top-level namespace, TAKE in all. The metadata is written to `evalsets/catalog5/snapshot.json`
(committed); when none of LIBS exists, `build` rebuilds pages and questions from that snapshot, so
the evaluation set never depends on one machine's Perl. One markdown page per module,
`modules/<Foo-Bar>.md` (document id `modules/Foo-Bar`), titled `# Foo::Bar`, in one of three
layouts fixed by sha256("catalog5:modules/<Foo-Bar>") mod 3 (prose, front matter, table). The
questions are generated from templates (seeded), then frozen: `build` refuses to overwrite
test.jsonl without --force.

Helpers shared with catalog3 (token matching, near miss, report) are imported from
scripts/build_catalog3.py.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog5"
CORPUS = OUT / "corpus"
PAGES = CORPUS / "modules"
SNAPSHOT = OUT / "snapshot.json"
LIBS = [  # (directory, library label)
    (Path("/usr/share/perl/5.36.0"), "core"),
    (Path("/usr/lib/x86_64-linux-gnu/perl/5.36.0"), "core"),
    (Path("/usr/lib/x86_64-linux-gnu/perl-base"), "base"),
    (Path("/usr/share/perl5"), "vendor"),
    (Path("/usr/lib/x86_64-linux-gnu/perl5/5.36"), "vendor"),
]
LIBNAME = {"core": "Perl core library", "base": "perl-base essential library", "vendor": "Debian vendor library"}

SEED = 2026_12_05
TAKE = 85
PAIRS = 12
CAP = 4

_spec = importlib.util.spec_from_file_location("build_catalog3", ROOT / "scripts" / "build_catalog3.py")
c3 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(c3)
_toks, _contains, _near_miss, report = c3._toks, c3._contains, c3._near_miss, c3.report

# Real, well-known CPAN modules, checked at build time: no file for them in any of LIBS and their
# name named in no page, so a question about them has no answer.
ABSENT = [
    "Moose", "Moo", "DBI", "Mojolicious", "Catalyst::Runtime", "Dancer2", "DateTime", "Plack",
    "Type::Tiny", "YAML::XS", "JSON::XS", "Path::Tiny", "Log::Log4perl", "DBD::Pg",
    "Text::CSV_XS", "XML::LibXML", "Devel::NYTProf", "Perl::Critic", "Test::Deep", "Class::Accessor",
    "Spreadsheet::ParseExcel", "Email::Sender", "Params::Validate", "Net::SSH2", "Image::Magick",
]  # fmt: skip


# ------------------------------------------------------------------ Perl modules


def pod_sections(text: str) -> dict[str, str]:
    secs: dict[str, list[str]] = {}
    cur, inpod, skip = None, False, False
    for line in text.splitlines():
        if skip:  # the paragraph of a =for / =begin directive (stopwords lists, formatter hints)
            skip = bool(line.strip())
            continue
        if line.startswith(("=for", "=begin", "=end", "=encoding", "=pod")):
            inpod, skip = True, line.startswith(("=for", "=begin"))
            continue
        if line.startswith("=cut"):
            inpod, cur = False, None
            continue
        m = re.match(r"=head1\s+(.*)", line)
        if m:
            inpod, cur = True, m.group(1).strip().upper()
            secs.setdefault(cur, [])
            continue
        if re.match(r"=[a-zA-Z]", line):
            inpod = True
        if inpod and cur is not None:
            secs[cur].append(line)
    return {k: " ".join(" ".join(v).split()) for k, v in secs.items()}


def code_only(text: str) -> str:
    """The Perl code of a file: POD blocks and everything after __END__ / __DATA__ dropped."""
    out, inpod = [], False
    for line in text.splitlines():
        if line.startswith(("__END__", "__DATA__")):
            break
        if re.match(r"=[a-zA-Z]", line):
            inpod = not line.startswith("=cut")
            continue
        if not inpod:
            out.append(line)
    return "\n".join(out)


def unpod(s: str) -> str:
    s = s.replace("E<lt>", "<").replace("E<gt>", ">")
    for _ in range(3):
        s = re.sub(r"[A-Z]<<+\s*(.*?)\s*>>+", r"\1", s)
        s = re.sub(r"[A-Z]<([^<>]*)>", r"\1", s)
    s = re.sub(r"=(?:over|item|back|head\d)\b\s*\d*\s*\*?", " ", s)
    return " ".join(s.split())


EMAIL = re.compile(r"[<(\[]?\s*[\w.+-]+\s*(?:@|\sat\s|-at-|\sAT\s)\s*[\w-]+(?:\s*(?:\.|\sdot\s|-dot-|\sDOT\s)\s*[\w-]+)+")
NAME_STOP = {"maintainer", "maintainers", "maintained", "written", "current", "copyright", "original",
             "primary", "author", "authors", "by", "the", "was", "is", "module", "and", "currently"}  # fmt: skip


def author_of(sec: str) -> str:
    """The name written right before the first e-mail address of an AUTHOR section (2-4 words)."""
    m = EMAIL.search(sec)
    if not m:
        return ""
    prefix = re.split(r"[,;:()<>\[\]]|\bby\b|\band\b|\bwith\b", sec[: m.start()])[-1]
    words = prefix.split()
    name: list[str] = []
    for w in reversed(words):
        if (w[:1].isupper() and re.fullmatch(r"[A-Z][\w.'\-]*", w)) or w in ("van", "de", "von", "der"):
            name.insert(0, w)
        else:
            break
    while name and name[0].lower() in NAME_STOP:
        name.pop(0)
    if not 2 <= len(name) <= 4 or any(w.lower() in NAME_STOP for w in name) or name[0] in ("van", "de", "von"):
        return ""
    return " ".join(name)


def licence_of(text: str) -> str:
    low = text.lower()
    if re.search(r"same (?:terms|license|licence) as (?:the )?perl", low) or "terms of perl itself" in low:
        return "the same terms as Perl itself"
    art, gpl = "artistic" in low, ("gpl" in low or "general public license" in low)
    if art and gpl:
        return "the Artistic License or the GNU General Public License"
    if art:
        return "the Artistic License"
    if gpl:
        return "the GNU General Public License"
    if re.search(r"\bmit\b", low):
        return "the MIT License"
    return ""


def copyright_of(text: str) -> str:
    m = re.search(r"copyright\s*(?:\(c\)|©)?\s*((?:19|20)\d\d(?:\s*[-,]\s*(?:(?:19|20)\d\d|\d\d?)(?!\d))*)", text, re.I)
    if not m:
        return ""
    y = m.group(1).strip().rstrip(",").strip()
    return y if len(y) <= 20 else ""


def read_module(path: Path, base: Path, lib: str) -> tuple[dict | None, str]:
    name = "::".join(path.relative_to(base).with_suffix("").parts)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None, "unreadable"
    if not re.search(rf"^\s*package\s+{re.escape(name)}\s*[;{{]", text, re.M):
        return None, "no package statement for its name"
    if not name[:1].isupper() or len(name) < 3:
        return None, "pragma or short name"
    code = code_only(text)
    v = re.search(r"\$VERSION\s*=\s*(['\"]?)v?(\d+(?:\.\d+)*(?:_\d+)?)\1\s*;", code)
    if not v:
        return None, "no literal $VERSION"
    s = pod_sections(text)
    nm = unpod(s.get("NAME", ""))
    m = re.match(rf"{re.escape(name)}\s+-+\s+(.+)$", nm)
    if not m or len(_toks(m.group(1))) < 2:
        return None, "no NAME abstract"
    abstract = m.group(1).strip().rstrip(".").strip()
    if "|" in abstract or '"' in abstract:
        return None, "abstract with | or quote"
    auth = unpod(s.get("AUTHOR") or s.get("AUTHORS") or "")
    lictxt = unpod(" ".join(v2 for k, v2 in s.items() if "LICEN" in k or "COPYRIGHT" in k))
    deps: dict[str, str] = {}
    for d in re.finditer(r"^\s*use\s+([A-Z][\w:]*\w)(?:\s+(v?\d[\d._]*))?(?=[\s;(])", code, re.M):
        if d.group(1) != name and d.group(1) not in deps:
            deps[d.group(1)] = d.group(2) or ""
        elif d.group(1) in deps and d.group(2) and not deps[d.group(1)]:
            deps[d.group(1)] = d.group(2)
    parents: list[str] = []
    for pm in re.finditer(r"^\s*use\s+(?:parent|base)\s+(.*?);", code, re.M | re.S):
        parents += re.findall(r"[A-Z][\w]*(?:::\w+)*", re.sub(r"-norequire\s*,?", "", pm.group(1)))
    for im in re.finditer(r"@ISA\s*=\s*(?:qw\s*[(/{\[]([^)/}\]]*)[)/}\]]|\(([^)]*)\))", code):
        parents += re.findall(r"(?<![$@%\w:])[A-Z]\w*(?:::\w+)*", im.group(1) or im.group(2))
    for im in re.finditer(r"push\s*\(?\s*@ISA\s*,\s*(?:qw\s*[(/{]([^)/}]*)[)/}]|['\"]([\w:]+)['\"])", code):
        parents += re.findall(r"[A-Z]\w*(?:::\w+)*", im.group(1) or im.group(2))
    parents = [p for i, p in enumerate(parents) if p not in parents[:i] and p != name
               and ("::" in p or not re.fullmatch(r"[A-Z0-9_]+", p))]  # not a constant like IOCLASS
    mp = re.search(r"^\s*(?:use|require)\s+(v?5(?:\.[\d_]+)+)\s*;", code, re.M)
    rec = {
        "module": name, "version": v.group(2), "abstract": abstract, "author": author_of(auth),
        "licence": licence_of(lictxt), "copyright": copyright_of(lictxt + " " + auth),
        "min_perl": mp.group(1) if mp else "", "parents": parents,
        "deps": [{"module": k, "version": deps[k]} for k in sorted(deps)],
        "library": lib, "path": str(path),
    }  # fmt: skip
    if not (rec["author"] or rec["copyright"]):
        return None, "neither author nor copyright years"
    return rec, ""


def scan_libs() -> dict:
    recs, skipped, names = [], [], set()
    files = 0
    for base, lib in LIBS:
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*.pm")):
            if p.is_symlink() or any(q.is_symlink() for q in p.relative_to(base).parents if str(q) != "."):
                continue
            files += 1
            name = "::".join(p.relative_to(base).with_suffix("").parts)
            names.add(name)
            r, why = read_module(p, base, lib)
            if r is None:
                skipped.append(f"{name} ({why})")
            elif any(o["module"] == name for o in recs):
                skipped.append(f"{name} (second copy at {p})")
            else:
                recs.append(r)
    recs.sort(key=lambda r: r["module"])
    eligible = {r["module"]: r for r in recs}
    # child / parent pairs, both eligible, spread over the children
    pairs = [(r["module"], p) for r in recs for p in r["parents"][:1] if p in eligible and len(r["parents"]) == 1]
    seen: set[str] = set()
    uniq = []
    for c, p in pairs:
        if c in seen or p in seen or p.split("::")[0] in ("Test2",):
            continue
        uniq.append((c, p))
        seen |= {c, p}
    step = max(1, len(uniq) / PAIRS)
    taken_pairs = [uniq[int(i * step)] for i in range(min(PAIRS, len(uniq)))]
    chosen = {m for cp in taken_pairs for m in cp}
    per_top = Counter(m.split("::")[0] for m in chosen)
    rest = []
    for r in recs:
        if r["module"] in chosen:
            continue
        rest.append(r)
    # at most CAP per top-level namespace, evenly within it
    by_top = defaultdict(list)
    for r in rest:
        by_top[r["module"].split("::")[0]].append(r)
    capped = []
    for top, rs in by_top.items():
        k = max(0, CAP - per_top[top])
        capped += [rs[int((i + 0.5) * len(rs) / k)] for i in range(min(k, len(rs)))] if k else []
    capped.sort(key=lambda r: r["module"])
    k = TAKE - len(chosen)
    n = len(capped)
    chosen |= {capped[int((i + 0.5) * n / k)]["module"] for i in range(min(k, n))}
    return {"source": [str(b) for b, _ in LIBS], "pm_files": files, "eligible": len(recs),
            "pairs": taken_pairs, "modules": sorted(names), "skipped": skipped,
            "records": [eligible[m] for m in sorted(chosen)]}  # fmt: skip


# ------------------------------------------------------------------ pages


def stem(r: dict) -> str:
    return r["module"].replace("::", "-")


def doc_id(r: dict) -> str:
    return f"modules/{stem(r)}"


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog5:{salt}{key}".encode()).hexdigest(), 16)


def layout(r: dict) -> str:
    return ("prose", "frontmatter", "table")[_h(doc_id(r)) % 3]


def dep_str(d: dict, style: str) -> str:
    if not d["version"]:
        return d["module"]
    return f"{d['module']} {d['version']} or later" if style == "prose" else f"{d['module']} >= {d['version']}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def render(r: dict) -> str:
    m, kind, w = r["module"], layout(r), _h(doc_id(r), "w")
    lib = LIBNAME[r["library"]]
    if kind == "prose":
        s = [(f"{m} is catalogued at version {r['version']}.",
              f"Version {r['version']} of the Perl module {m} is the one described here.",
              f"This entry covers {m}, version {r['version']}.")[w % 3]]
        s.append(f"Its POD summary reads: \"{r['abstract']}\"." if w % 5 < 3
                 else f"The documentation sums it up as \"{r['abstract']}\".")
        if r["author"]:
            s.append(f"Written by {r['author']}." if w % 7 < 4 else f"Its documentation credits {r['author']} as author.")
        if r["licence"]:
            s.append(f"It may be redistributed under {r['licence']}." if w % 2 else f"Licence terms: {r['licence']}.")
        else:
            s.append("Its POD states no licence terms.")
        if r["copyright"]:
            s.append(f"The copyright notice is dated {r['copyright']}." if w % 11 < 6
                     else f"Copyright years given: {r['copyright']}.")
        if r["min_perl"]:
            s.append(f"It needs Perl {r['min_perl']} or newer." if w % 13 < 7
                     else f"Minimum Perl version declared: {r['min_perl']}.")
        if r["parents"]:
            s.append(f"It subclasses {_and(r['parents'])}." if w % 17 < 9
                     else f"Its base class{'es are' if len(r['parents']) > 1 else ' is'} {_and(r['parents'])}.")
        if r["deps"]:
            ds = _and([dep_str(d, "prose") for d in r["deps"]])
            s.append(f"It loads the modules {ds}." if w % 19 < 10 else f"Modules it uses: {ds}.")
        else:
            s.append("It uses no other modules, pragmas aside.")
        s.append(f"It is installed in the {lib} as {r['path']} ." if w % 23 < 12
                 else f"File: {r['path']} ({lib}).")
        return f"# {m}\n\n" + " ".join(s) + "\n"
    if kind == "frontmatter":
        fm = [f"version: {json.dumps(r['version'])}"]
        if r["licence"]:
            fm.append(f"licence: {json.dumps(r['licence'])}")
        body = [r["abstract"] + ".", ""]
        if r["author"]:
            body.append(f"Author: {r['author']}")
        if r["copyright"]:
            body.append(f"Copyright: {r['copyright']}")
        if r["min_perl"]:
            body.append(f"Requires Perl: {r['min_perl']}")
        if r["parents"]:
            body.append("Inherits from: " + ", ".join(r["parents"]))
        body.append("Uses modules: " + ("; ".join(dep_str(d, "fm") for d in r["deps"]) if r["deps"] else "none besides pragmas"))
        body.append(f"Library: {lib}")
        body.append(f"Path: {r['path']}")
        return "---\n" + "\n".join(fm) + "\n---\n" + f"# {m}\n\n" + "\n".join(body) + "\n"
    rows = [("Module version", r["version"]), ("Summary", r["abstract"])]
    if r["author"]:
        rows.append(("Author", r["author"]))
    rows.append(("Licence", r["licence"] or "not stated in the POD"))
    if r["copyright"]:
        rows.append(("Copyright", r["copyright"]))
    if r["min_perl"]:
        rows.append(("Minimum Perl", r["min_perl"]))
    if r["parents"]:
        rows.append(("Parent classes", ", ".join(r["parents"])))
    rows.append(("Uses", ", ".join(dep_str(d, "table") for d in r["deps"]) if r["deps"] else "no modules besides pragmas"))
    rows.append(("Library", lib))
    rows.append(("File", r["path"]))
    return f"# {m}\n\n| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"


def body_fields(r: dict) -> set[str]:
    f = {"abstract", "author", "copyright", "min_perl", "parents", "deps", "library", "path"}
    if layout(r) != "frontmatter":
        f |= {"version", "licence"}
    return f


# ------------------------------------------------------------------ questions

Q = {
    "version": ["Which version of {p} is catalogued?", "What $VERSION does the catalogue give for {p}?",
                "{p} is at what version here?"],
    "author": ["Who wrote the Perl module {p}?", "Who is credited as the author of {p}?",
               "Which person authored {p}?"],
    "copyright": ["Which years does the copyright notice of {p} cover?", "What copyright years are given for {p}?",
                  "When is the copyright notice of {p} dated?"],
    "min-perl": ["Which minimum Perl version does {p} require?", "{p} needs at least which version of Perl?",
                 "What is the oldest Perl release that {p} will run on?"],
    "parent": ["Which class does {p} inherit from?", "What is the base class of {p}?",
               "{p} is a subclass of which class?"],
    "dep-version": ["Which minimum version of {c} does {p} ask for?", "{p} loads {c} at what minimum version?",
                    "At least which version of {c} does {p} require?"],
    "path": ["Where is the file of {p} installed?", "What is the file path of {p} on this system?",
             "Which .pm file holds {p}?"],
    "parent-version": ["What version is the class that {p} inherits from?",
                       "Which version is the parent class of {p} catalogued at?",
                       "The base class of {p} is at which version?"],
    "parent-author": ["Who wrote the base class of {p}?", "Who is the author of the class that {p} inherits from?",
                      "Which person wrote the parent class of {p}?"],
    "parent-copyright": ["Which years does the copyright notice of the base class of {p} cover?",
                         "What copyright years are given for the class that {p} inherits from?",
                         "When is the copyright notice of the parent class of {p} dated?"],
    "parent-path": ["Where is the file of the class that {p} inherits from installed?",
                    "What is the file path of the base class of {p}?",
                    "Which .pm file holds the parent class of {p}?"],
    "reverse": ['Which Perl module is summarised as "{s}"?', "Which module's documentation describes it as \"{s}\"?",
                'What module has the one-line description "{s}"?'],
    "depends-on": ["Which of {a} or {b} uses {c}?", "Which one, {a} or {b}, loads the module {c}?",
                   "Of {a} and {b}, which imports {c}?"],
    "higher-version": ["Which is at the higher version, {a} or {b}?",
                       "Which module has the larger version number: {a} or {b}?",
                       "Of {a} and {b}, which one carries the higher $VERSION?"],
    "earlier-copyright": ["Which has the older copyright notice, {a} or {b}?",
                          "Whose copyright notice starts earlier: {a} or {b}?",
                          "Of {a} and {b}, which was copyrighted first?"],
    "subclasses": ["Which of {a} or {b} inherits from {q}?", "Which one, {a} or {b}, is a subclass of {q}?",
                   "Of {a} and {b}, which has {q} as a base class?"],
    "filter-parent-dep": ["Which module that inherits from {q} also uses {c}?",
                          "Among the subclasses of {q}, which one loads {c}?", "Which subclass of {q} imports {c}?"],
    "filter-library-dep": ["Which module in the {l} uses {c}?", "Among the modules of the {l}, which one loads {c}?",
                           "Which {l} module imports {c}?"],
    "filter-author-dep": ["Which module by {a} uses {c}?", "Among the modules written by {a}, which one loads {c}?",
                          "Which of the modules {a} wrote imports {c}?"],
    "filter-perl-dep": ["Which module requiring Perl {v} uses {c}?",
                        "Among the modules that need Perl {v}, which one loads {c}?",
                        "Which module with minimum Perl {v} imports {c}?"],
    "filter-library-parent": ["Which module in the {l} inherits from {q}?",
                              "Among the modules of the {l}, which one is a subclass of {q}?",
                              "Which {l} module has {q} as its base class?"],
    "filter-author-library": ["Which module by {a} is in the {l}?", "Which of the modules {a} wrote comes from the {l}?",
                              "Among the {l} modules, which one was written by {a}?"],
    "absent-package": ["Which version of {p} is installed here?", "Who wrote the Perl module {p}?",
                       "Under which licence is {p} distributed?", "Which modules does {p} use?",
                       "Which minimum Perl version does {p} need?", "Where is the file of {p} installed?"],
    "absent-attribute": ["How many times has {p} been downloaded from MetaCPAN?",
                         "How big is the distribution tarball of {p}?",
                         "How many GitHub stars does the repository of {p} have?",
                         "How many open bug reports does {p} have?", "How many lines of code does {p} have?",
                         "What is the pass rate of {p} on CPAN Testers?"],
}  # fmt: skip
# words an answer to each absent-attribute wording would need; none may occur in any page
ABSENT_ATTR_WORDS = [["download", "downloads", "downloaded", "metacpan"],
                     ["kb", "kib", "mb", "mib", "bytes", "tarball", "<size>"],
                     ["star", "stars", "stargazers", "github"], ["bug", "bugs", "issue", "issues", "rt"],
                     ["lines of code", "loc", "sloc"], ["pass rate", "testers", "percent", "<pct>"]]  # fmt: skip

DEV_TARGETS = {"single_hop": 18, "multi_hop": 3, "reverse": 5, "comparison": 6, "filter": 5,
               "absent-package": 4, "absent-attribute": 3}  # fmt: skip
TEST_TARGETS = {"single_hop": 29, "multi_hop": 5, "reverse": 7, "comparison": 9, "filter": 9,
                "absent-package": 6, "absent-attribute": 6}  # fmt: skip
SINGLE = ["version", "author", "copyright", "min-perl", "parent", "dep-version", "path"]
MULTI = ["parent-version", "parent-author", "parent-copyright", "parent-path"]
MULTI_FIELD = {"parent-version": "version", "parent-author": "author", "parent-copyright": "copyright",
               "parent-path": "path"}
CMP = ["depends-on", "higher-version", "earlier-copyright", "subclasses"]
FILTERS = {"filter-parent-dep": ("q", "c"), "filter-library-dep": ("l", "c"), "filter-author-dep": ("a", "c"),
           "filter-perl-dep": ("v", "c"), "filter-library-parent": ("l", "q"), "filter-author-library": ("a", "l")}


def parse_question(kind: str, q: str) -> dict[str, str] | None:
    """The fields a question of `kind` was made from, read back through its wordings."""
    for t in Q[kind]:
        pat = re.escape(t)
        for f in re.findall(r"\{(\w+)\}", t):
            pat = pat.replace(re.escape("{" + f + "}"), f"(?P<{f}>.+?)", 1)
        m = re.fullmatch(pat, q)
        if m:
            return m.groupdict()
    return None


def _major(v: str) -> int:
    return int(v.split(".")[0])


def _first_year(c: str) -> int:
    return int(c[:4])


def dep_map(r: dict) -> dict[str, str]:
    return {d["module"]: d["version"] for d in r["deps"]}


def field_sets(r: dict) -> dict[str, set[str]]:
    """What a filter may test."""
    return {"q": set(r["parents"]), "c": set(dep_map(r)), "l": {LIBNAME[r["library"]]},
            "a": {r["author"]} - {""}, "v": {r["min_perl"]} - {""}}  # fmt: skip


def filter_match(fields: dict[str, str], r: dict) -> bool:
    fs = field_sets(r)
    return all(v in fs[f] for f, v in fields.items())


def answer_names(r: dict, recs: list[dict]) -> list[str]:
    """The module name, plus its last component when that is 5+ characters with 2+ capitals (a
    coined name like "QuotedPrint", not a word like "Constant") and no other title holds its tokens."""
    out = [r["module"]]
    last = r["module"].split("::")[-1]
    lt = _toks(last)
    if "::" in r["module"] and len(last) >= 5 and sum(ch.isupper() for ch in last) >= 2 and not any(o is not r and _contains(_toks(o["module"]), lt) for o in recs):
        out.append(last)
    return out


def attr_ok(t: int, corpus_low: str) -> bool:
    return not _attr_hits(t, corpus_low)


def _attr_hits(t: int, corpus_low: str) -> list[str]:
    toks = set(_toks(corpus_low))
    hit = []
    for w in ABSENT_ATTR_WORDS[t]:
        if w == "<size>":
            hit += re.findall(r"\d\s*(?:kb|kib|mb|mib|bytes)\b", corpus_low)
        elif w == "<pct>":
            hit += re.findall(r"\d\s*%", corpus_low)
        elif (" " in w and w in corpus_low) or w in toks:
            hit.append(w)
    return hit


def groups_of(recs: list[dict]) -> dict[str, str]:
    """A module and its catalogued (single) parent are one group, so they go to one split."""
    names = {r["module"] for r in recs}
    g = {r["module"]: r["module"] for r in recs}
    for r in sorted(recs, key=lambda r: r["module"]):
        if len(r["parents"]) == 1 and r["parents"][0] in names:
            g[r["module"]] = g[r["parents"][0]]
    for _ in range(5):
        for m in g:
            g[m] = g[g[m]]
    return g


def make_questions(recs: list[dict], absent: list[str], pages: dict[str, str]) -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    by = {r["module"]: r for r in recs}
    names = sorted(by)
    grp = groups_of(recs)
    gnames = sorted(set(grp.values()))
    rng.shuffle(gnames)
    dev_pk: list[str] = []
    n_dev = round(len(names) * 0.4)
    for gname in gnames:
        members = [n for n in names if grp[n] == gname]
        if len(dev_pk) + len(members) <= n_dev:
            dev_pk += members
    split_pkgs = {"dev": sorted(dev_pk), "test": sorted(set(names) - set(dev_pk))}
    absent = absent[:]
    rng.shuffle(absent)
    absent_for = {"dev": absent[: DEV_TARGETS["absent-package"]],
                  "test": absent[DEV_TARGETS["absent-package"] :][: TEST_TARGETS["absent-package"]]}
    ans = {n: answer_names(by[n], recs) for n in names}
    corpus_low = "\n".join(pages.values()).lower()

    descs = {n: by[n]["abstract"] for n in names}
    reverse_ok = set()
    for n in names:
        st = _toks(descs[n])
        if len(st) < 3 or any(_contains(st, _toks(part)) for part in n.split("::")):
            continue
        if any(m != n and (_contains(_toks(descs[m]), st) or _contains(st, _toks(descs[m]))) for m in names):
            continue
        if any(m != n and _contains(_toks(pages[m]), st) for m in names):
            continue
        reverse_ok.add(n)

    fs = {n: field_sets(by[n]) for n in names}
    deps = {n: dep_map(by[n]) for n in names}
    cnt = {f: Counter(x for n in names for x in fs[n][f]) for f in ("q", "c", "l", "a", "v")}
    filters: list[tuple[str, str, dict]] = []
    for n in names:
        for kind, (f1, f2) in FILTERS.items():
            for v1 in sorted(fs[n][f1]):
                if cnt[f1][v1] < 2:
                    continue
                for v2 in sorted(fs[n][f2]):
                    if cnt[f2][v2] < 2:
                        continue
                    fields = {f1: v1, f2: v2}
                    if [m for m in names if filter_match(fields, by[m])] == [n]:
                        filters.append((kind, n, fields))

    splits = {}
    for split, targets in (("dev", DEV_TARGETS), ("test", TEST_TARGETS)):
        pk = split_pkgs[split]
        used: set[tuple[str, str]] = set()
        items: list[dict] = []

        def add(kind, qtype, question, answers, evidence, options=None):
            d = {"question": question, "answers": answers, "type": qtype, "evidence": evidence}
            if options:
                d["options"] = options
            d["kind"] = kind
            items.append(d)

        def wording(kind):
            return rng.choice(Q[kind])

        # multi-hop: a field of a module's catalogued parent class
        mh = []
        for n in pk:
            r = by[n]
            if len(r["parents"]) == 1 and r["parents"][0] in pk:
                p = by[r["parents"][0]]
                for kind, f in MULTI_FIELD.items():
                    if p[f] and f in body_fields(p) and not _contains(_toks(pages[n]), _toks(p[f])):
                        mh.append((kind, n, p["module"]))
        rng.shuffle(mh)
        mk: Counter = Counter()
        done_mh: set[str] = set()
        while len(done_mh) < targets["multi_hop"] and mh:
            mh.sort(key=lambda t: mk[t[0]])
            kind, n, p = mh.pop(0)
            if n in done_mh or (p, MULTI_FIELD[kind]) in used:
                continue
            done_mh.add(n)
            mk[kind] += 1
            f = MULTI_FIELD[kind]
            add(kind, "multi_hop", wording(kind).format(p=n), [by[p][f]], [doc_id(by[n]), doc_id(by[p])])
            used |= {(n, "parents"), (p, f)}

        # filters, round-robin over the kinds; a module is the answer of one filter at most
        pools = defaultdict(list)
        for f in filters:
            if f[1] in pk:
                pools[f[0]].append(f)
        for k in pools:
            rng.shuffle(pools[k])
        kinds = sorted(pools)
        taken: set[str] = set()
        took = i = 0
        while took < targets["filter"] and any(pools.values()):
            kind = kinds[i % len(kinds)]
            i += 1
            while pools[kind]:
                _, a, fields = pools[kind].pop()
                if a in taken:
                    continue
                taken.add(a)
                add(kind, "filter", wording(kind).format(**fields), ans[a], [doc_id(by[a])])
                used |= {(a, "parents"), (a, "deps"), (a, "author"), (a, "min_perl"), (a, "library"), (a, "path")}
                took += 1
                break

        # reverse
        cands = sorted(n for n in pk if n in reverse_ok and n not in taken)
        rng.shuffle(cands)
        for n in cands[: targets["reverse"]]:
            add("reverse", "reverse", wording("reverse").format(s=descs[n]), ans[n], [doc_id(by[n])])
            used.add((n, "abstract"))

        # comparisons
        in_cmp: set[str] = set()
        pairs = [(a, b) for a in pk for b in pk if a < b]
        rng.shuffle(pairs)
        quota = {k: targets["comparison"] // len(CMP) + (1 if j < targets["comparison"] % len(CMP) else 0)
                 for j, k in enumerate(CMP)}  # fmt: skip
        made = Counter()

        def free(a: str, b: str) -> bool:
            ta, tb = _toks(a), _toks(b)
            return not (a in in_cmp or b in in_cmp or _contains(ta, tb) or _contains(tb, ta)
                        or _contains(ta, _toks(b.split("::")[-1])) or _contains(tb, _toks(a.split("::")[-1])))

        def emit(kind, a, b, winner, **fmt):
            opts = [a, b] if rng.random() < 0.5 else [b, a]
            add(kind, "comparison", wording(kind).format(a=opts[0], b=opts[1], **fmt), [winner],
                [doc_id(by[opts[0]]), doc_id(by[opts[1]])], opts)
            in_cmp.update((a, b))
            made[kind] += 1

        for a, b in pairs:
            if made["depends-on"] >= quota["depends-on"]:
                break
            if not free(a, b) or not deps[a] or not deps[b]:
                continue
            x, y = (a, b) if rng.random() < 0.5 else (b, a)
            only = sorted(c for c in set(deps[x]) - set(deps[y])
                          if c not in (a, b) and not _contains(_toks(y), _toks(c)) and not _contains(_toks(c), _toks(y)))
            if not only:
                continue
            emit("depends-on", a, b, x, c=rng.choice(only))
            used |= {(a, "deps"), (b, "deps")}
        for a, b in pairs:
            if made["subclasses"] >= quota["subclasses"]:
                break
            if not free(a, b) or not by[a]["parents"]:
                continue
            x, y = (a, b) if rng.random() < 0.5 else (b, a)
            only = sorted(q for q in set(by[x]["parents"]) - set(by[y]["parents"])
                          if not _contains(_toks(y), _toks(q)) and not _contains(_toks(q), _toks(y)))
            if not by[x]["parents"] or not only:
                continue
            emit("subclasses", a, b, x, q=rng.choice(only))
            used |= {(a, "parents"), (b, "parents")}
        for a, b in pairs:
            if made["higher-version"] >= quota["higher-version"]:
                break
            va, vb = by[a]["version"], by[b]["version"]
            if not free(a, b) or _major(va) == _major(vb):
                continue
            emit("higher-version", a, b, a if _major(va) > _major(vb) else b)
            used |= {(a, "version"), (b, "version")}
        for a, b in pairs:
            if made["earlier-copyright"] >= quota["earlier-copyright"]:
                break
            ca, cb = by[a]["copyright"], by[b]["copyright"]
            if not free(a, b) or not ca or not cb or _first_year(ca) == _first_year(cb):
                continue
            emit("earlier-copyright", a, b, a if _first_year(ca) < _first_year(cb) else b)
            used |= {(a, "copyright"), (b, "copyright")}

        # single hop, the fields in turn, a module at most once (and not one asked by a multi-hop item)
        facts = defaultdict(list)
        for n in pk:
            r = by[n]
            vis = body_fields(r)
            vals = {"version": [r["version"]] if "version" in vis else [],
                    "author": [r["author"]] if r["author"] else [],
                    "copyright": [r["copyright"]] if r["copyright"] else [],
                    "min-perl": [r["min_perl"]] if r["min_perl"] else [],
                    "parent": [r["parents"][0]] if len(r["parents"]) == 1 else [],
                    "path": [r["path"]]}  # fmt: skip
            field = {"version": "version", "author": "author", "copyright": "copyright", "min-perl": "min_perl",
                     "parent": "parents", "path": "path"}  # fmt: skip
            for f, g in vals.items():
                if g and (n, field[f]) not in used:
                    facts[f].append((n, g, {}))
            if r["deps"] and (n, "deps") not in used:
                ok = [d["module"] for d in r["deps"] if d["version"]]
                if ok:
                    c = rng.choice(ok)
                    facts["dep-version"].append((n, [deps[n][c]], {"c": c}))
        for f in SINGLE:
            facts[f].sort(key=lambda t: t[0])
            rng.shuffle(facts[f])
        asked: set[str] = set(done_mh)
        k = count = 0
        n_single = targets["single_hop"] + targets["multi_hop"] - len(done_mh)  # single hops fill a shortfall
        while count < n_single and any(facts[f] for f in SINGLE):
            f = SINGLE[k % len(SINGLE)]
            k += 1
            while facts[f]:
                n, golds, extra = facts[f].pop()
                if n in asked:
                    continue
                asked.add(n)
                add(f, "single_hop", wording(f).format(p=n, **extra), golds, [doc_id(by[n])])
                count += 1
                break

        # unanswerable
        for p in absent_for[split]:
            add("absent-package", "unanswerable", wording("absent-package").format(p=p), [], [])
        attr_pk = pk[:]
        rng.shuffle(attr_pk)
        attrs = [t for t in range(len(Q["absent-attribute"])) if attr_ok(t, corpus_low)]
        rng.shuffle(attrs)
        for j, n in enumerate(attr_pk[: targets["absent-attribute"]]):
            t = attrs[j % len(attrs)]
            items.append({"question": Q["absent-attribute"][t].format(p=n), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-attribute", "package": n})

        rng.shuffle(items)
        splits[split] = [{"id": f"c5-{split}-{j + 1:03d}", **d} for j, d in enumerate(items)]
    return splits["dev"], splits["test"]


# ------------------------------------------------------------------ build / check


def _named(mod: str, text: str) -> bool:
    """Whether a module name (its tokens, in order) is named in a text."""
    return _contains(_toks(text), _toks(mod))


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def build(force: bool) -> None:
    if (OUT / "test.jsonl").exists() and not force:
        sys.exit(f"{OUT / 'test.jsonl'} exists (frozen); pass --force to overwrite the snapshot")
    if any(b.is_dir() for b, _ in LIBS):
        snap = scan_libs()
        OUT.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        print(f"none of {[str(b) for b, _ in LIBS]} found: rebuilding from {SNAPSHOT}")
        snap = load_snapshot()
    chosen = snap["records"]
    clash = [s for s, c in Counter(doc_id(r).lower() for r in chosen).items() if c > 1]
    if clash:
        sys.exit(f"document ids shared by two modules: {clash}")
    PAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGES.glob("*.md"):
        old.unlink()
    pages = {}
    for r in chosen:
        pages[r["module"]] = render(r)
        (PAGES / f"{stem(r)}.md").write_text(pages[r["module"]], encoding="utf-8")
    corpus_text = "\n".join(pages.values())
    present = set(snap["modules"])
    absent = [p for p in ABSENT if p not in present and not _named(p, corpus_text)]
    dev, test = make_questions(chosen, absent, pages)
    for name, items in (("dev", dev), ("test", test)):
        with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in items:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{snap['pm_files']} .pm files, {len(snap['modules'])} module names, {snap['eligible']} eligible, "
          f"{len(snap['skipped'])} skipped, {len(snap['pairs'])} child/parent pairs")
    print(f"{len(chosen)} pages; layouts {dict(Counter(layout(r) for r in chosen))}; absent usable: {absent}")
    for name, items in (("dev", dev), ("test", test)):
        print(name, len(items), dict(Counter(d["type"] for d in items)), dict(Counter(d["kind"] for d in items)))


def check() -> int:
    from ragtune.corpus.loaders import iter_documents, scan
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    results: list[tuple[str, list[str]]] = []
    snap = load_snapshot()
    recs = snap["records"]
    by_id = {doc_id(r): r for r in recs}
    by_mod = {r["module"]: r for r in recs}
    files, problems = scan(CORPUS)
    docs = {}
    load_bad = []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    results.append((f"corpus scans with no problems and loads every page ({len(docs)} documents)",
                    [str(p) for p in problems] + load_bad + ([] if len(docs) == len(files) == len(recs) else ["count"])))
    bad = [i for i, d in docs.items() if not d.text.lstrip().startswith("# ") or d.title not in by_mod
           or doc_id(by_mod[d.title]) != i]  # fmt: skip
    bad += [f"{i}: page differs from render(snapshot)" for i, r in by_id.items()
            if not (PAGES / f"{stem(r)}.md").is_file()
            or (PAGES / f"{stem(r)}.md").read_text(encoding="utf-8") != render(r)]
    bad += [f"id {k} shared" for k, c in Counter(doc_id(r).lower() for r in recs).items() if c > 1]
    results.append(("every page is '# Module::Name', id modules/<Module-Name> (unique), and equals its "
                    "rendering from snapshot.json", bad))
    full = {i: (d.title + "\n" + d.text) for i, d in docs.items()}
    with_meta = {i: full[i] + "\n" + "\n".join(f"{k}: {v}" for k, v in d.metadata.items()) for i, d in docs.items()}
    meta_only = []
    for i, d in docs.items():
        r = by_id.get(i)
        if r and layout(r) == "frontmatter" and (str(d.metadata.get("version")) != r["version"]):
            meta_only.append(f"{i}: front matter version {d.metadata.get('version')!r}")
        if r and layout(r) == "frontmatter" and contains_tokens(answer_tokens(full[i]), answer_tokens(r["version"])):
            meta_only.append(f"{i}: version also in the body")
    results.append(("front matter pages carry version / licence as metadata only", meta_only))
    rows = {s: [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text().splitlines() if x.strip()]
            for s in ("dev", "test")}  # fmt: skip
    items, loadq = {}, []
    for s in ("dev", "test"):
        try:
            items[s] = load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            loadq.append(f"{s}: {e}")
    results.append(("load_qa reads both splits with the corpus ids", loadq))
    if loadq:
        return report(results)
    allitems = [(s, it) for s in ("dev", "test") for it in items[s]]
    ev, gold_in, gold_ok, near, cmpw, abst, kinds, facts, idf = ([] for _ in range(9))
    for s, it in allitems:
        kind = it.meta.get("kind")
        if not kind:
            kinds.append(it.id)
        if not re.fullmatch(rf"c5-{s}-\d\d\d", it.id):
            idf.append(it.id)
        if it.type == "unanswerable" and it.evidence:
            ev.append(f"{it.id}: unanswerable with evidence")
        if it.answerable and not it.evidence:
            ev.append(f"{it.id}: no evidence")
        for e in it.evidence:
            if e not in docs:
                ev.append(f"{it.id}: evidence {e} not a document")
        if not it.answerable:
            if not is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores wrong")
            if is_correct(it, "It is 1.23.", False) or is_correct(it, "Larry Wall", False):
                abst.append(f"{it.id}: an answer scores correct")
            continue
        if is_correct(it, "The documents do not say.", False):
            abst.append(f"{it.id}: abstention scores correct on an answerable item")
        for g in it.answers:
            if not any(contains_tokens(answer_tokens(full[e]), answer_tokens(g)) for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r}")
            if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                gold_ok.append(f"{it.id}: {g!r}")
            if g.strip().lower() == "none":
                gold_ok.append(f"{it.id}: bare none")
        if kind in ("version", "dep-version", "min-perl", "parent-version", "copyright", "parent-copyright"):
            nm = _near_miss(it.answers[0])
            if is_correct(it, nm, False) or is_correct(it, f"The answer is {nm}.", False):
                near.append(f"{it.id}: {nm}")
        if it.options:
            a, b = it.options
            if it.answers[0] not in it.options:
                cmpw.append(f"{it.id}: gold not an option")
            for w in [o for o in it.options if o not in it.answers]:
                if is_correct(it, w, False) or is_correct(it, f"{w} does.", False) or \
                        is_correct(it, f"The answer is {w}.", False):
                    cmpw.append(f"{it.id}: wrong option scores correct")
                bare = w.split("::")[-1]
                if is_correct(it, bare, False) or is_correct(it, f"The answer is {bare}.", False):
                    cmpw.append(f"{it.id}: wrong option's last name part scores correct")
            for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a} or {b}."):
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r}")
        # the facts a comparison / filter / single hop rests on, from the snapshot, and on the page
        fields = parse_question(kind, it.question) or {}
        if kind in Q and not fields:
            facts.append(f"{it.id}: question not read back")
            continue
        win = by_mod.get(it.answers[0]) if it.type in ("comparison", "filter", "reverse") else None
        if it.type in ("comparison", "filter", "reverse") and win is None:
            facts.append(f"{it.id}: answer is no module")
            continue
        if kind == "depends-on":
            for e in it.evidence:
                if (fields["c"] in dep_map(by_id[e])) != (by_id[e] is win):
                    facts.append(f"{it.id}: dependency not only the answer's")
            if not contains_tokens(answer_tokens(full[doc_id(win)]), answer_tokens(fields["c"])):
                facts.append(f"{it.id}: dependency not on the page")
        elif kind == "subclasses":
            for e in it.evidence:
                if (fields["q"] in by_id[e]["parents"]) != (by_id[e] is win):
                    facts.append(f"{it.id}: base class not only the answer's")
            if not contains_tokens(answer_tokens(full[doc_id(win)]), answer_tokens(fields["q"])):
                facts.append(f"{it.id}: base class not on the page")
        elif kind == "higher-version":
            va, vb = (by_id[e]["version"] for e in it.evidence)
            hi = it.evidence[0] if _major(va) > _major(vb) else it.evidence[1]
            if by_id[hi] is not win or _major(va) == _major(vb):
                facts.append(f"{it.id}: version order")
        elif kind == "earlier-copyright":
            ya, yb = (_first_year(by_id[e]["copyright"]) for e in it.evidence)
            lo = it.evidence[0] if ya < yb else it.evidence[1]
            if by_id[lo] is not win or ya == yb:
                facts.append(f"{it.id}: copyright order")
            for e in it.evidence:
                if not contains_tokens(answer_tokens(full[e]), answer_tokens(by_id[e]["copyright"])):
                    facts.append(f"{it.id}: copyright years not on {e}")
        elif kind.startswith("filter"):
            hits = [r["module"] for r in recs if filter_match(fields, r)]
            if hits != [win["module"]]:
                facts.append(f"{it.id}: matches {hits}")
            for f, v in fields.items():
                if not contains_tokens(answer_tokens(full[doc_id(win)]), answer_tokens(v)):
                    facts.append(f"{it.id}: {f} not on the answer's page")
        elif kind == "reverse":
            s_ = fields.get("s", "")
            if [r["module"] for r in recs if r["abstract"] == s_] != [win["module"]]:
                facts.append(f"{it.id}: description not the answer's alone")
            if any(contains_tokens(answer_tokens(full[i]), answer_tokens(s_)) for i in docs if i != doc_id(win)):
                facts.append(f"{it.id}: description on another page")
        elif kind in MULTI:
            r = by_mod.get(fields.get("p", ""))
            if r is None or len(r["parents"]) != 1 or r["parents"][0] not in by_mod:
                facts.append(f"{it.id}: subject has no catalogued parent")
                continue
            p = by_mod[r["parents"][0]]
            if it.evidence != [doc_id(r), doc_id(p)]:
                facts.append(f"{it.id}: evidence is not [module, parent]")
            if it.answers[0] != p[MULTI_FIELD[kind]] or MULTI_FIELD[kind] not in body_fields(p):
                facts.append(f"{it.id}: gold is not the parent's (visible) value")
            if not contains_tokens(answer_tokens(full[doc_id(r)]), answer_tokens(p["module"])):
                facts.append(f"{it.id}: parent not named on the module's page")
            if contains_tokens(answer_tokens(full[doc_id(r)]), answer_tokens(it.answers[0])):
                facts.append(f"{it.id}: gold already on the module's own page (not multi-hop)")
        else:  # single hop: the gold is the snapshot's value
            r = by_mod.get(fields.get("p", ""))
            if r is None or doc_id(r) != it.evidence[0]:
                facts.append(f"{it.id}: subject not the evidence")
                continue
            val = {"version": r["version"], "author": r["author"], "copyright": r["copyright"],
                   "min-perl": r["min_perl"], "path": r["path"],
                   "parent": r["parents"][0] if len(r["parents"]) == 1 else "",
                   "dep-version": dep_map(r).get(fields.get("c", ""), "")}[kind]  # fmt: skip
            if it.answers[0] != val or not val:
                facts.append(f"{it.id}: gold is not the snapshot's value")
            if kind == "version" and layout(r) == "frontmatter":
                facts.append(f"{it.id}: asks a front-matter-only field")
    results += [
        ("ids c5-<split>-NNN; every item has a kind; evidence: answerable has some, unanswerable none, "
         "every id a loaded document", idf + kinds + ev),
        ("every gold alias occurs as whole tokens in an evidence document (title + text)", gold_in),
        ("every gold alias scores correct alone and in 'The answer is <gold>.'; no bare 'none'", gold_ok),
        ("a near-miss version / year (last digit changed) scores wrong", near),
        ("comparisons: gold is an option; wrong option (alone, 'X does.', in a sentence, its last name part), "
         "'A or B', 'B or A' score wrong", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json: single-hop and multi-hop golds, comparison winners, unique filters "
         "and descriptions", facts),
    ]
    # split separation
    names = {r["module"]: doc_id(r) for r in recs}
    pk = {s: {e for it in items[s] for e in it.evidence} | {names[r["package"]] for r in rows[s] if r.get("package")}
          for s in ("dev", "test")}  # fmt: skip
    both = sorted(pk["dev"] & pk["test"])
    absent_named = {s: {p for r in rows[s] if r["kind"] == "absent-package" for p in ABSENT
                        if _named(p, r["question"])} for s in rows}  # fmt: skip
    qd = {" ".join(answer_tokens(it.question)): it.answers for it in items["dev"]}
    qdup = [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    gdup = [it.id for it in items["test"] if qd.get(" ".join(answer_tokens(it.question))) == it.answers]
    results.append(("no module asked in both splits; no absent module named in both; no question repeated, "
                    "no test gold list equal to a dev one for the same question",
                    both + sorted(absent_named["dev"] & absent_named["test"]) + qdup + gdup))
    corpus_all = "\n".join(with_meta.values())
    corpus_low = corpus_all.lower()
    present = set(snap["modules"])
    un = []
    for s, r in ((s, r) for s in rows for r in rows[s]):
        if r["kind"] == "absent-package":
            p = [p for p in ABSENT if parse_question("absent-package", r["question"]) and
                 parse_question("absent-package", r["question"])["p"] == p]
            if len(p) != 1 or _named(p[0], corpus_all) or p[0] in present:
                un.append(f"{r['id']}: absent module {p} named in the corpus or installed")
        elif r["kind"] == "absent-attribute":
            t = [j for j, w in enumerate(Q["absent-attribute"]) if w.format(p=r["package"]) == r["question"]]
            if len(t) != 1 or r["package"] not in by_mod:
                un.append(f"{r['id']}: not a known wording / module")
                continue
            hit = _attr_hits(t[0], corpus_low)
            if hit:
                un.append(f"{r['id']}: corpus contains {hit}")
    results.append(("unanswerable: absent modules in no page and not installed (snapshot's module list); "
                    "attribute words in no page", un))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    sha_ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if sha_ok else ["sha256 mismatch"]))
    counts = {s: Counter(it.type for it in items[s]) for s in items}
    size = []
    if not (40 <= len(items["dev"]) <= 50):
        size.append(f"dev has {len(items['dev'])}")
    if not (68 <= len(items["test"]) <= 76):
        size.append(f"test has {len(items['test'])}")
    n_un = {s: counts[s]["unanswerable"] for s in counts}
    if n_un != {"dev": 7, "test": 12}:
        size.append(f"unanswerable counts {n_un}")
    results.append((f"split sizes (dev {len(items['dev'])} {dict(counts['dev'])}; test {len(items['test'])}; "
                    f"unanswerable dev {n_un['dev']} / test {n_un['test']})", size))
    return report(results)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["build", "check"])
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.force)
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
