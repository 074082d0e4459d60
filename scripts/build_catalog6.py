"""Build the catalog6 evaluation corpus: manual pages of commands installed on this machine.

    PYTHONPATH=src python scripts/build_catalog6.py build [--force]   # snapshot + pages + dev/test
    PYTHONPATH=src python scripts/build_catalog6.py check             # loader + scorer checks, no model

`build` reads every regular (non-symlink) `<name>.1.gz` / `<name>.8.gz` file under
/usr/share/man/man1 and /usr/share/man/man8 (gzipped troff, `man` macros). From the page itself it
takes the NAME line ("cmd \\- summary"), the `.TH` date and source fields, the first SYNOPSIS
form, the first OPTIONS entries (tag and first sentence of the description), the SEE ALSO
references and the AUTHOR(S) section's first sentence (and a person's name where one can be read
from it); the owning Debian package comes from dpkg's file lists (/var/lib/dpkg/info/*.list, what
`dpkg -S` reads). Pages that are `.so` redirects, mdoc (BSD) pages, pages without a NAME line of
the form "cmd \\- summary" naming the file's command, names under 3 characters, summaries with `|`
or `"`, and pages no package owns are skipped. Then PAIRS pages whose first SEE ALSO reference is
another eligible page are taken with that page (for multi-hop questions), then MAN8 section-8
pages and the rest evenly over the sorted names, at most CAP per owning package, TAKE in all.
The metadata is written to `evalsets/catalog6/snapshot.json` (committed); where neither manual
directory exists, `build` rebuilds pages and questions from that snapshot alone. One markdown
page per command, `man<section>/<name>.md` (document id `man1/ls`), titled `# <name>`, in one of
three layouts fixed by sha256("catalog6:<id>") mod 3 (prose, table, terse lines). The questions
are generated from templates (seeded), then frozen: `build` refuses to overwrite test.jsonl
without --force.

Helpers shared with catalog3 (token matching, near miss, report) are imported from
scripts/build_catalog3.py.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog6"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
MANDIRS = [(Path("/usr/share/man/man1"), "1"), (Path("/usr/share/man/man8"), "8")]
DPKG_INFO = Path("/var/lib/dpkg/info")

SEED = 2026_12_06
TAKE = 85
PAIRS = 10
MAN8 = 10
CAP = 4
N_OPTIONS = 4

_spec = importlib.util.spec_from_file_location("build_catalog3", ROOT / "scripts" / "build_catalog3.py")
c3 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(c3)
_toks, _contains, _near_miss, report = c3._toks, c3._contains, c3._near_miss, c3.report

# Real, well-known commands, checked at build time: no section-1 or section-8 page of that name on
# this machine and the name in no corpus page, so a question about them has no answer.
ABSENT = [
    "kubectl", "docker", "terraform", "ffmpeg", "htop", "nginx", "zsh", "fzf", "emacs", "ansible",
    "redis-cli", "ripgrep", "rustc", "cargo", "helm", "podman", "nmap", "mosquitto", "tcpdump",
    "gnuplot", "pandoc", "imagemagick", "mongosh", "vagrant", "neofetch",
]  # fmt: skip


# ------------------------------------------------------------------ troff


def untroff(s: str) -> str:
    """Plain text of a troff line: font switches, size changes and escapes removed."""
    s = re.sub(r"\\f(?:\[[^\]]*\]|\(..|.)", "", s)
    s = re.sub(r"\\s[+-]?\d", "", s)
    s = re.sub(r"\\\*(?:\[[^\]]*\]|\(..|.)", "", s)
    for a, b in (("\\(aq", "'"), ("\\(dq", '"'), ("\\(lq", '"'), ("\\(rq", '"'), ("\\(oq", "'"),
                 ("\\(cq", "'"), ("\\(em", "-"), ("\\(en", "-"), ("\\(hy", "-"), ("\\(mi", "-"),
                 ("\\(bu", "*"), ("\\(co", "(c)"), ("\\(ti", "~"), ("\\(ha", "^"), ("\\(rs", "\\"),
                 ("\\[aq]", "'"), ("\\[dq]", '"'), ("\\[em]", "-"), ("\\[en]", "-"), ("\\[hy]", "-"),
                 ("\\-", "-"), ("\\e", "\\"), ("\\ ", " "), ("\\~", " "), ("\\0", " ")):  # fmt: skip
        s = s.replace(a, b)
    s = re.sub(r"\\\(..|\\\[[^\]]*\]", "", s)
    s = re.sub(r"\\[&%:,/|^)c!]", "", s)
    s = s.replace("\\", "")
    return " ".join(s.split())


def _args(rest: str) -> list[str]:
    return [a[1:-1] if a.startswith('"') else a for a in re.findall(r'"[^"]*"?|\S+', rest)]


FONT_MACROS = {"B", "I", "BR", "RB", "BI", "IB", "IR", "RI", "SM", "SB", "R"}
BREAKS = {"br", "sp", "PP", "P", "LP", "TP", "IP", "HP", "SS", "SH", "nf", "fi", "RS", "RE", "TQ", "in", "ti",
          "EX", "EE", "ns", "ne", "ad", "na", "ll", "UR", "UE", "MT", "ME", "PD", "hy", "nh", "bp", "ft", "ps"}


def sections(text: str) -> dict[str, list[str]]:
    """The raw lines of each `.SH` section (name upper-cased), comments dropped."""
    secs: dict[str, list[str]] = {}
    cur = None
    for line in text.splitlines():
        if line.startswith(('.\\"', "'\\\"", '\\"')) or line.strip() in (".", "'"):
            continue
        m = re.match(r"\.SH\s+(.*)", line)
        if m:
            cur = " ".join(_args(m.group(1))).upper().strip()
            secs.setdefault(cur, [])
            continue
        if cur is not None:
            secs[cur].append(line)
    return secs


def logical_lines(lines: list[str]) -> list[tuple[str, str]]:
    """(kind, text) units of a section: 'text' runs joined until a break macro; 'tag' for the line
    after .TP and the tag of .IP."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    tag_next = False

    def flush():
        if buf:
            t = untroff(" ".join(buf))
            if t:
                out.append(("text", t))
            buf.clear()

    for line in lines:
        if line.startswith((".", "'")):
            m = re.match(r"[.'](\S+)\s*(.*)", line)
            if not m:
                continue
            mac, rest = m.group(1), m.group(2)
            if mac in FONT_MACROS:
                args = _args(rest)
                piece = (" " if mac in ("B", "I", "SM", "SB", "R") else "").join(args)
                if tag_next:
                    out.append(("tag", untroff(piece)))
                    tag_next = False
                else:
                    buf.append(piece)
                continue
            flush()
            if mac in ("TP", "TQ"):
                tag_next = True
            elif mac == "IP":
                a = _args(rest)
                if a and a[0].strip() and untroff(a[0]) not in ("*", "-", "o"):
                    out.append(("tag", untroff(a[0])))
            elif mac not in BREAKS:
                pass
            continue
        if tag_next:
            out.append(("tag", untroff(line)))
            tag_next = False
            continue
        if not line.strip():
            flush()
            continue
        buf.append(line)
    flush()
    return out


def first_sentence(t: str, limit: int = 110) -> str:
    m = re.match(r"(.+?(?<!\s[A-Z])(?<!^[A-Z])[.;:])(?:\s|$)", t)
    s = m.group(1) if m else t
    s = s.rstrip(".;:").strip()
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0] + " ..."
    return s


REF = re.compile(r"([A-Za-z0-9][\w.+-]*)\s*\((\d[a-z]*)\)")


def author_name(line: str) -> str:
    m = re.search(r"\b(?:[Ww]ritten|[Dd]eveloped|[Mm]aintained|[Cc]reated|[Pp]rogrammed) (?:originally )?by "
                  r"([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3})", line)
    if not m:
        m = re.match(r"([A-Z][a-z][\w'-]*(?: (?:[A-Z]\.|[A-Z][a-z][\w'-]*)){1,3})\s*(?:<|\(|,|\band\b|$|\.$)", line)
    if not m:
        return ""
    name = m.group(1).rstrip(".")
    rest = re.sub(r"<[^>]*>|\([^)]*\)", "", line[m.end():])
    if re.match(r"\s*(?:,|and\b|&)", rest):  # one of several authors: no single answer
        return ""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w.lower() in ("the", "this", "manual", "page", "program", "team", "project",
                                                      "gnu", "free", "software", "debian", "linux", "copyright",
                                                      "originally", "written", "authors", "see", "for")
                                       for w in words):  # fmt: skip
        return ""
    return name


def read_page(path: Path, name: str, section: str, owner: dict[str, str]) -> tuple[dict | None, str]:
    try:
        raw = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    except (OSError, EOFError, gzip.BadGzipFile):
        return None, "unreadable"
    body = [ln for ln in raw.splitlines() if not ln.startswith(('.\\"', "'\\\""))]
    if any(ln.startswith(".so ") for ln in body[:5]) and len([ln for ln in body if ln.strip()]) <= 3:
        return None, ".so redirect"
    if any(ln.startswith((".Dt ", ".Nm", ".Dd ")) for ln in body[:40]):
        return None, "mdoc page"
    if len(name) < 3:
        return None, "name under 3 characters"
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", name):
        return None, "name with other characters"
    secs = sections(raw)
    nl = " ".join(t for _, t in logical_lines(secs.get("NAME", [])))
    m = re.match(r"(.+?)\s+-+\s+(.+)$", nl)
    if not m or name not in [n.strip() for n in m.group(1).split(",")]:
        if name.startswith("gcloud_"):
            return None, "gcloud reference page, NAME gives a command path"
        return None, "no NAME line 'cmd - summary'"
    summary = m.group(2).strip().rstrip(".").strip()
    if len(_toks(summary)) < 2:
        return None, "no NAME line 'cmd - summary'"
    if "|" in summary or '"' in summary:
        return None, "summary with | or quote"
    pkg = owner.get(str(path), "")
    if not pkg:
        return None, "no owning package"
    th = next((ln for ln in raw.splitlines() if ln.startswith(".TH ")), "")
    ta = [untroff(a) for a in _args(th[4:])] if th else []
    date = ta[2] if len(ta) > 2 else ""
    source = ta[3] if len(ta) > 3 else ""
    if date and not re.search(r"\d", date):
        date = ""
    syn = ""
    forms = [t for _, t in logical_lines(secs.get("SYNOPSIS", [])) if len(t) >= 3 and re.search(r"[a-z]", t)]
    own = [t for t in forms if t.split()[0].rsplit("/", 1)[-1] in (name, name.replace("-", " ").split()[0])]
    syn = (own or forms or [""])[0]
    if len(syn) > 140:
        syn = syn[:140].rsplit(" ", 1)[0] + " ..."
    opts = []
    osec = secs.get("OPTIONS") or secs.get("COMMAND LINE OPTIONS") or []
    units = logical_lines(osec)
    for j, (k, t) in enumerate(units):
        if k != "tag" or not t.startswith("-"):
            continue
        desc = next((u for kk, u in units[j + 1 : j + 2] if kk == "text"), "")
        desc = first_sentence(desc)
        if not desc or "|" in t or "|" in desc or len(t) > 60 or "`" in t + desc:
            continue
        opts.append({"flag": t, "desc": desc})
        if len(opts) == N_OPTIONS:
            break
    see = []
    for ref in REF.finditer(" ".join(t for _, t in logical_lines(secs.get("SEE ALSO", [])))):
        r = f"{ref.group(1)}({ref.group(2)})"
        if r not in see and ref.group(1) != name:
            see.append(r)
    aut_units = [t for _, t in logical_lines(secs.get("AUTHOR") or secs.get("AUTHORS") or [])]
    author = first_sentence(aut_units[0], 140) if aut_units else ""
    author = re.sub(r"\s*<[^>]*@[^>]*>", "", author).replace("|", "/").strip()
    rec = {
        "command": name, "section": section, "summary": summary, "date": date, "source": source,
        "package": pkg, "synopsis": syn.replace("|", " | "), "options": opts, "see_also": see,
        "author": author, "author_name": author_name(author), "path": str(path),
    }  # fmt: skip
    rec["synopsis"] = " ".join(rec["synopsis"].split())
    return rec, ""


def dpkg_owners() -> dict[str, str]:
    owner: dict[str, str] = {}
    for f in sorted(DPKG_INFO.glob("*.list")):
        pkg = f.stem.split(":")[0]
        for ln in f.read_text(encoding="utf-8", errors="replace").splitlines():
            if ln.startswith("/usr/share/man/man1/") or ln.startswith("/usr/share/man/man8/"):
                owner.setdefault(ln, pkg)
    return owner


def scan_pages() -> dict:
    owner = dpkg_owners()
    recs, skipped, names = [], [], set()
    files = 0
    for base, sec in MANDIRS:
        if not base.is_dir():
            continue
        for p in sorted(base.iterdir()):
            m = re.fullmatch(rf"(.+)\.{sec}\.gz", p.name)
            if not m:
                continue
            names.add(m.group(1))
            if p.is_symlink() or not p.is_file():
                skipped.append(f"{p.name} (symlink)")
                continue
            files += 1
            r, why = read_page(p, m.group(1), sec, owner)
            if r is None:
                skipped.append(f"{p.name} ({why})")
            elif any(o["command"] == r["command"] for o in recs):
                skipped.append(f"{p.name} (name also in another section)")
            else:
                recs.append(r)
    recs.sort(key=lambda r: (r["command"], r["section"]))
    eligible = {r["command"]: r for r in recs}
    # the Google Cloud SDK's thousands of subcommand pages: one entry, not one line each
    gc = [x for x in skipped if x.startswith("gcloud_") and x.endswith("command path)")]
    skipped = [x for x in skipped if x not in set(gc)]
    if gc:
        skipped.append(f"gcloud_*.1.gz, {len(gc)} files (gcloud reference page, NAME gives a command path)")
    gcloud_names = len([n for n in names if n.startswith("gcloud_")])
    names = {n for n in names if not n.startswith("gcloud_")}

    def first_ref(r):
        if not r["see_also"]:
            return None
        n, s = REF.fullmatch(r["see_also"][0]).groups()
        t = eligible.get(n)
        return t["command"] if t and t["section"] == s and t["command"] != r["command"] else None

    pairs = [(r["command"], first_ref(r)) for r in recs if first_ref(r)]
    seen: set[str] = set()
    per_pkg: Counter = Counter()
    uniq = []
    for a, b in pairs:
        pa, pb = eligible[a]["package"], eligible[b]["package"]
        if a in seen or b in seen or pa == pb:  # a different package, so package questions hop
            continue
        uniq.append((a, b))
        seen |= {a, b}
    step = max(1, len(uniq) / PAIRS)
    taken_pairs = []
    for i in range(len(uniq)):
        a, b = uniq[int(i * step) % len(uniq)]
        if len(taken_pairs) == PAIRS:
            break
        pa, pb = eligible[a]["package"], eligible[b]["package"]
        if (a, b) in taken_pairs or per_pkg[pa] >= 2 or per_pkg[pb] >= 2:
            continue
        taken_pairs.append((a, b))
        per_pkg[pa] += 1
        per_pkg[pb] += 1
    chosen = {m for ab in taken_pairs for m in ab}

    def spread(pool: list[dict], k: int) -> list[str]:
        got: list[str] = []
        n = len(pool)
        if not n or k <= 0:
            return got
        # evenly spaced start points, each moved on past packages already full
        for i in range(k):
            j = int((i + 0.5) * n / k)
            for d in range(n):
                r = pool[(j + d) % n]
                if r["command"] not in chosen and r["command"] not in got and per_pkg[r["package"]] < CAP:
                    got.append(r["command"])
                    per_pkg[r["package"]] += 1
                    break
        return got

    n8 = sum(eligible[c]["section"] == "8" for c in chosen)
    chosen |= set(spread([r for r in recs if r["section"] == "8"], MAN8 - n8))
    chosen |= set(spread([r for r in recs if r["section"] == "1"], TAKE - len(chosen)))
    return {"source": [str(b) for b, _ in MANDIRS], "page_files": files, "eligible": len(recs),
            "gcloud_names_not_listed": gcloud_names,
            "pairs": [list(p) for p in taken_pairs], "commands": sorted(names), "skipped": skipped,
            "records": [eligible[c] for c in sorted(chosen)]}  # fmt: skip


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return f"man{r['section']}/{r['command']}"


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog6:{salt}{key}".encode()).hexdigest(), 16)


def layout(r: dict) -> str:
    return ("prose", "table", "terse")[_h(doc_id(r)) % 3]


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def render(r: dict) -> str:
    c, kind, w = r["command"], layout(r), _h(doc_id(r), "w")
    sec = r["section"]
    secname = "user commands" if sec == "1" else "system administration commands"
    if kind == "prose":
        s = [(f"The manual page {c}({sec}) belongs to section {sec}, the {secname}.",
              f"{c} has its reference page in manual section {sec} ({secname}).",
              f"Manual section {sec} ({secname}) carries the page for {c}.")[w % 3]]
        s.append(f"Its NAME line calls it \"{r['summary']}\"." if w % 5 < 3
                 else f"In one line, the page describes it as \"{r['summary']}\".")
        if r["date"]:
            s.append(f"The page header is dated {r['date']}." if w % 7 < 4 else f"The page carries the date {r['date']}.")
        else:
            s.append("The page header gives no date.")
        if r["source"]:
            s.append(f"Its header names the source as {r['source']}." if w % 2 else f"Source field of the header: {r['source']}.")
        s.append(f"On this system the page is shipped by the Debian package {r['package']}." if w % 11 < 6
                 else f"The Debian package that installs it is {r['package']}.")
        if r["synopsis"]:
            s.append(f"Typical invocation: `{r['synopsis']}`.")
        if r["options"]:
            s.append("Among its options, " + "; ".join(f"`{o['flag']}` means: {o['desc']}" for o in r["options"]) + ".")
        else:
            s.append("The page has no OPTIONS list.")
        if r["see_also"]:
            s.append(f"For related reading it points to {_list(r['see_also'])}." if w % 13 < 7
                     else f"Cross-references: {_list(r['see_also'])}.")
        if r["author"]:
            s.append(f"Authorship, as the page puts it: {r['author']}.")
        return f"# {c}\n\n" + " ".join(s) + "\n"
    if kind == "table":
        rows = [("Manual section", f"{sec} ({secname})"), ("One-line description", r["summary"]),
                ("Header date", r["date"] or "not given"), ("Header source", r["source"] or "not given"),
                ("Installed by package", r["package"])]  # fmt: skip
        for o in r["options"]:
            rows.append((f"Option `{o['flag']}`", o["desc"]))
        rows.append(("Related pages", ", ".join(r["see_also"]) or "none listed"))
        if r["author"]:
            rows.append(("Author credit", r["author"]))
        out = f"# {c}\n\n| Attribute | Detail |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
        if r["synopsis"]:
            out += f"\nUsage form:\n\n    {r['synopsis']}\n"
        return out
    lines = [f"* page: {c}({sec})", f"* purpose: {r['summary']}"]
    if r["date"]:
        lines.append(f"* dated: {r['date']}")
    if r["source"]:
        lines.append(f"* from: {r['source']}")
    lines.append(f"* deb: {r['package']}")
    if r["synopsis"]:
        lines.append(f"* usage: `{r['synopsis']}`")
    for o in r["options"]:
        lines.append(f"* opt `{o['flag']}` - {o['desc']}")
    if r["see_also"]:
        lines.append("* refs: " + " ".join(r["see_also"]))
    if r["author"]:
        lines.append(f"* by: {r['author']}")
    return f"# {c}\n\n" + "\n".join(lines) + "\n"


# ------------------------------------------------------------------ questions

Q = {
    "date": ["What date does the manual page of {p} carry?", "How is the page header of {p} dated?",
             "The {p} man page is dated when?"],
    "source": ["What source does the header of the {p} manual page name?",
               "Which source / version string appears in the {p} page header?",
               "According to its page header, {p} comes from which source?"],
    "package": ["Which Debian package installs the manual page of {p}?", "What package ships {p} on this system?",
                "{p} is installed by which Debian package?"],
    "author": ["Who is credited as the author of {p}?", "Which person does the {p} page name as its author?",
               "Who wrote {p}, according to its manual page?"],
    "see-first": ["Which page is listed first among the related pages of {p}?",
                  "What is the first cross-reference in the SEE ALSO of {p}?",
                  "The SEE ALSO list of {p} starts with which page?"],
    "ref-date": ["What date does the page listed first in the SEE ALSO of {p} carry?",
                 "How is the header of the first related page of {p} dated?"],
    "ref-package": ["Which Debian package installs the first page that the SEE ALSO of {p} names?",
                    "The first cross-reference of {p} is shipped by which package?"],
    "ref-source": ["Which source does the header of the first page in the SEE ALSO of {p} name?",
                   "What source string heads the page that {p} lists first among its related pages?"],
    "ref-author": ["Who wrote the command that {p} lists first under SEE ALSO?",
                   "Who is credited as author of the first related page of {p}?"],
    "reverse": ['Which command is described as "{s}"?', 'What command has the one-line description "{s}"?',
                'The NAME line "{s}" belongs to which command?'],
    "in-package": ["Which of {a} or {b} comes from the Debian package {k}?",
                   "Of {a} and {b}, which one is installed by {k}?",
                   "Which one, {a} or {b}, does the package {k} ship?"],
    "refers-to": ["Which of {a} or {b} lists {c} among its related pages?",
                  "Of {a} and {b}, whose SEE ALSO names {c}?",
                  "Which one, {a} or {b}, points the reader to {c}?"],
    "older-page": ["Which has the older manual page date, {a} or {b}?",
                   "Of {a} and {b}, whose page header is dated earlier?",
                   "Which page was dated first: {a} or {b}?"],
    "filter-package-ref": ["Which command from the package {k} lists {c} among its related pages?",
                           "Among the commands that {k} ships, which one refers to {c}?",
                           "Which {k} command has {c} in its SEE ALSO?"],
    "filter-source-ref": ["Which command whose page header names the source {s} refers to {c}?",
                          "Among the pages from {s}, which one lists {c} as related?",
                          "Which {s} command points to {c} in its SEE ALSO?"],
    "filter-section-ref": ["Which section {n} command lists {c} among its related pages?",
                           "Among the commands documented in manual section {n}, which one refers to {c}?",
                           "Which command of man section {n} has {c} in its SEE ALSO?"],
    "filter-package-year": ["Which command from the package {k} has a page dated in {y}?",
                            "Among the commands that {k} ships, whose page is dated {y}?",
                            "Which {k} command carries a {y} page date?"],
    "filter-year-ref": ["Which command with a page dated in {y} lists {c} among its related pages?",
                        "Among the pages dated {y}, which one refers to {c}?",
                        "Which command whose page is from {y} has {c} in its SEE ALSO?"],
    "filter-section-year": ["Which section {n} command has a page dated in {y}?",
                            "Among the manual section {n} pages, which one is dated {y}?",
                            "Whose page in man section {n} carries a {y} date?"],
    "filter-source-year": ["Which command whose page header names the source {s} is dated in {y}?",
                           "Among the pages from {s}, which one carries a {y} date?",
                           "Which {s} page is dated {y}?"],
    "filter-ref-ref": ["Which command lists both {c} and {d} among its related pages?",
                       "Whose SEE ALSO names {c} as well as {d}?",
                       "Which page refers the reader to {c} and also to {d}?"],
    "filter-section-package": ["Which section {n} command does the package {k} ship?",
                               "Among the commands of manual section {n}, which one comes from {k}?",
                               "Which {k} command is documented in man section {n}?"],
    "absent-command": ["Which Debian package installs the manual page of {p}?", "What date does the {p} man page carry?",
                       "What is the one-line description of {p} on its manual page?",
                       "Which pages does the SEE ALSO section of {p} list?", "Who wrote {p}, according to its page?",
                       "What source does the header of the {p} page name?"],
    "absent-attribute": ["How many installations of the package that ships {p} does Debian popcon count?",
                         "What is the installed size in kilobytes of the package that ships {p}?",
                         "Under which licence is {p} distributed?",
                         "What exit status does {p} return when it fails?",
                         "What is the homepage URL of the {p} project?",
                         "How many lines of source code does {p} have?"],
}  # fmt: skip
ABSENT_ATTR_WORDS = [["popcon", "popularity", "installations", "installs"],
                     ["kb", "kib", "mb", "mib", "bytes", "kilobytes", "installed size", "<size>"],
                     ["licence", "license", "gpl", "bsd", "mit", "copyleft", "licensed"],
                     ["exit status", "exit code", "exits with", "return code"],
                     ["homepage", "http", "https", "www", "url"],
                     ["lines of code", "loc", "sloc", "lines of source"]]  # fmt: skip

DEV_TARGETS = {"single_hop": 18, "multi_hop": 3, "reverse": 5, "comparison": 6, "filter": 5,
               "absent-command": 4, "absent-attribute": 3}  # fmt: skip
TEST_TARGETS = {"single_hop": 29, "multi_hop": 5, "reverse": 7, "comparison": 9, "filter": 9,
                "absent-command": 6, "absent-attribute": 6}  # fmt: skip
SINGLE = ["date", "source", "package", "author", "see-first"]
SINGLE_FIELD = {"date": "date", "source": "source", "package": "package", "author": "author_name",
                "see-first": "see_also"}
MULTI = ["ref-date", "ref-package", "ref-source", "ref-author"]
MULTI_FIELD = {"ref-date": "date", "ref-package": "package", "ref-source": "source", "ref-author": "author_name"}
CMP = ["in-package", "refers-to", "older-page"]
FILTERS = {"filter-package-ref": ("k", "c"), "filter-source-ref": ("s", "c"), "filter-section-ref": ("n", "c"),
           "filter-package-year": ("k", "y"), "filter-year-ref": ("y", "c"), "filter-section-year": ("n", "y"),
           "filter-source-year": ("s", "y"), "filter-section-package": ("n", "k"), "filter-ref-ref": ("c", "d")}


FILTER_FIELD = {"k": "package", "c": "see_also", "d": "see_also", "s": "source", "n": "section", "y": "date"}


def parse_question(kind: str, q: str) -> dict[str, str] | None:
    for t in Q[kind]:
        pat = re.escape(t)
        for f in re.findall(r"\{(\w+)\}", t):
            pat = pat.replace(re.escape("{" + f + "}"), f"(?P<{f}>.+?)", 1)
        m = re.fullmatch(pat, q)
        if m:
            return m.groupdict()
    return None


def plain_date(date: str) -> bool:
    """A date as a reader would write it (not "Version 590: 03 Jun 2021" or "1 May 2009 (v3.95)")."""
    return bool(date) and not re.search(r"[():]|[Vv]ersion|[Rr]elease", date) and year_of(date) is not None


def year_of(date: str) -> int | None:
    m = re.search(r"\b(19[6-9]\d|20[0-3]\d)\b", date)
    return int(m.group(1)) if m else None


def ref_name(ref: str) -> str:
    return REF.fullmatch(ref).group(1)


def first_ref(r: dict, by: dict[str, dict]) -> str | None:
    if not r["see_also"]:
        return None
    n, s = REF.fullmatch(r["see_also"][0]).groups()
    t = by.get(n)
    return n if t is not None and t["section"] == s and n != r["command"] else None


def field_sets(r: dict) -> dict[str, set[str]]:
    y = year_of(r["date"])
    return {"k": {r["package"]}, "c": set(r["see_also"]), "d": set(r["see_also"]), "s": {r["source"]} - {""}, "n": {r["section"]},
            "y": {str(y)} if y else set()}  # fmt: skip


def filter_match(fields: dict[str, str], r: dict) -> bool:
    fs = field_sets(r)
    return all(v in fs[f] for f, v in fields.items())


def _attr_hits(t: int, corpus_low: str) -> list[str]:
    toks = set(_toks(corpus_low))
    hit = []
    for w in ABSENT_ATTR_WORDS[t]:
        if w == "<size>":
            hit += re.findall(r"\d\s*(?:kb|kib|mb|mib|bytes)\b", corpus_low)
        elif (" " in w and w in corpus_low) or w in toks:
            hit.append(w)
    return hit


def _named(cmd: str, text: str) -> bool:
    return _contains(_toks(text), _toks(cmd))


def groups_of(recs: list[dict]) -> dict[str, str]:
    """A page and the page its SEE ALSO lists first (when catalogued) are one group, one split."""
    by = {r["command"]: r for r in recs}
    parent = {n: n for n in by}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for r in recs:
        t = first_ref(r, by)
        if t:
            parent[find(r["command"])] = find(t)
    return {n: find(n) for n in by}


def make_questions(recs: list[dict], absent: list[str], pages: dict[str, str]) -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    by = {r["command"]: r for r in recs}
    names = sorted(by)
    grp = groups_of(recs)
    gnames = sorted(set(grp.values()))
    rng.shuffle(gnames)
    dev_pk: list[str] = []
    n_dev = round(len(names) * 0.4)
    for g in gnames:
        members = [n for n in names if grp[n] == g]
        if len(dev_pk) + len(members) <= n_dev:
            dev_pk += members
    split_pk = {"dev": sorted(dev_pk), "test": sorted(set(names) - set(dev_pk))}
    absent = absent[:]
    rng.shuffle(absent)
    absent_for = {"dev": absent[: DEV_TARGETS["absent-command"]],
                  "test": absent[DEV_TARGETS["absent-command"] :][: TEST_TARGETS["absent-command"]]}
    corpus_low = "\n".join(pages.values()).lower()
    ptoks = {n: _toks(pages[n]) for n in names}

    reverse_ok = set()
    for n in names:
        st = _toks(by[n]["summary"])
        if len(st) < 3 or any(_contains(st, _toks(o)) for o in names):  # names no command
            continue
        if any(m != n and _contains(ptoks[m], st) for m in names):
            continue
        if any(m != n and _contains(_toks(by[m]["summary"]), st) for m in names):
            continue
        reverse_ok.add(n)

    fs = {n: field_sets(by[n]) for n in names}
    cnt = {f: Counter(x for n in names for x in fs[n][f]) for f in ("k", "c", "d", "s", "n", "y")}
    filters = []
    for n in names:
        for kind, (f1, f2) in FILTERS.items():
            for v1 in sorted(fs[n][f1]):
                for v2 in sorted(fs[n][f2]):
                    if cnt[f1][v1] < 2 or cnt[f2][v2] < 2 or (f1, f2) == ("c", "d") and v1 >= v2:
                        continue
                    fields = {f1: v1, f2: v2}
                    if any(_named(ref_name(v), n) or _named(n, ref_name(v)) for f, v in fields.items() if f in "cd"):
                        continue
                    if f1 == "k" and (_named(n, v1) or _named(v1, n)):
                        continue
                    if [m for m in names if filter_match(fields, by[m])] == [n]:
                        filters.append((kind, n, fields))

    splits = {}
    for split, targets in (("dev", DEV_TARGETS), ("test", TEST_TARGETS)):
        pk = split_pk[split]
        used: set[tuple[str, str]] = set()
        items: list[dict] = []

        def add(kind, qtype, question, answers, evidence, options=None):
            d = {"question": question, "answers": answers, "type": qtype, "evidence": evidence}
            if options:
                d["options"] = options
            d["kind"] = kind
            items.append(d)

        turn: Counter = Counter()

        def wording(kind):  # the wordings in turn, from a random start per kind
            if kind not in turn:
                turn[kind] = rng.randrange(len(Q[kind]))
            turn[kind] += 1
            return Q[kind][turn[kind] % len(Q[kind])]

        taken: set[str] = set()
        # filters, round-robin over the kinds; a command answers one filter at most
        pools = defaultdict(list)
        for f in filters:
            if f[1] in pk:
                pools[f[0]].append(f)
        targets_mh = {first_ref(by[m], by) for m in pk} & set(pk)
        for k in pools:  # pages a multi-hop item could hop to are popped last
            rng.shuffle(pools[k])
            pools[k].sort(key=lambda x: -(x[1] in targets_mh))
        kinds = sorted(pools)
        took = i = 0
        while took < targets["filter"] and any(pools.values()):
            kind = kinds[i % len(kinds)]
            i += 1
            while pools[kind]:
                _, a, fields = pools[kind].pop()
                if a in taken:
                    continue
                taken.add(a)
                add(kind, "filter", wording(kind).format(**fields), [a], [doc_id(by[a])])
                used |= {(a, FILTER_FIELD[f]) for f in fields}  # the fields the filter states
                took += 1
                break

        # multi-hop: a field of the page a command's SEE ALSO lists first
        mh = []
        for n in pk:
            t = first_ref(by[n], by)
            if t and t in pk:
                for kind, f in MULTI_FIELD.items():
                    v = by[t][f]
                    if f == "date" and not plain_date(v):
                        continue
                    if v and not _contains(ptoks[n], _toks(v)) and not _named(n, v) and not _named(t, v):
                        mh.append((kind, n, t))
        rng.shuffle(mh)
        mk: Counter = Counter()
        done_mh: set[str] = set()
        while len(done_mh) < targets["multi_hop"] and mh:
            mh.sort(key=lambda x: mk[x[0]])
            kind, n, t = mh.pop(0)
            f = MULTI_FIELD[kind]
            if n in done_mh or (t, f) in used:
                continue
            done_mh |= {n}
            mk[kind] += 1
            add(kind, "multi_hop", wording(kind).format(p=n), [by[t][f]], [doc_id(by[n]), doc_id(by[t])])
            used |= {(n, "see_also"), (t, f)}

        # reverse
        cands = sorted(n for n in pk if n in reverse_ok and n not in taken)
        rng.shuffle(cands)
        for n in cands[: targets["reverse"]]:
            add("reverse", "reverse", wording("reverse").format(s=by[n]["summary"]), [n], [doc_id(by[n])])
            used.add((n, "summary"))

        # comparisons
        in_cmp: set[str] = set()
        pairs = [(a, b) for a in pk for b in pk if a < b]
        rng.shuffle(pairs)
        quota = {k: targets["comparison"] // len(CMP) + (1 if j < targets["comparison"] % len(CMP) else 0)
                 for j, k in enumerate(CMP)}  # fmt: skip
        made: Counter = Counter()

        def free(a, b):
            return not (a in in_cmp or b in in_cmp or _named(a, b) or _named(b, a))

        def emit(kind, a, b, winner, **fmt):
            opts = [a, b] if rng.random() < 0.5 else [b, a]
            add(kind, "comparison", wording(kind).format(a=opts[0], b=opts[1], **fmt), [winner],
                [doc_id(by[opts[0]]), doc_id(by[opts[1]])], opts)
            in_cmp.update((a, b))
            made[kind] += 1

        for a, b in pairs:
            if made["in-package"] >= quota["in-package"]:
                break
            x, y = (a, b) if rng.random() < 0.5 else (b, a)
            k = by[x]["package"]
            if not free(a, b) or k == by[y]["package"] or any(_named(n, k) or _named(k, n) for n in (a, b)):
                continue
            emit("in-package", a, b, x, k=k)
            used |= {(a, "package"), (b, "package")}
        for a, b in pairs:
            if made["refers-to"] >= quota["refers-to"]:
                break
            if not free(a, b):
                continue
            x, y = (a, b) if rng.random() < 0.5 else (b, a)
            only = [c for c in by[x]["see_also"] if c not in by[y]["see_also"] and ref_name(c) not in (a, b)
                    and not _contains(_toks(c), _toks(a)) and not _contains(_toks(c), _toks(b))
                    and not _contains(ptoks[y], _toks(ref_name(c)))]
            if not only:
                continue
            emit("refers-to", a, b, x, c=rng.choice(sorted(only)))
            used |= {(a, "see_also"), (b, "see_also")}
        for a, b in pairs:
            if made["older-page"] >= quota["older-page"]:
                break
            ya, yb = year_of(by[a]["date"]), year_of(by[b]["date"])
            if not free(a, b) or not ya or not yb or ya == yb:
                continue
            emit("older-page", a, b, a if ya < yb else b)
            used |= {(a, "date"), (b, "date")}

        # single hop, the fields in turn, a command at most once
        facts = defaultdict(list)
        for n in pk:
            r = by[n]
            for f in SINGLE:
                fld = SINGLE_FIELD[f]
                v = r[fld][0] if f == "see-first" and r[fld] else (r[fld] if f != "see-first" else "")
                if f == "see-first" and v:
                    v = ref_name(v)
                if f == "date" and not plain_date(v):
                    continue
                if not v or (n, fld) in used or _named(n, v) and f != "see-first":
                    continue
                if f == "see-first" and (_contains(_toks(n), _toks(v)) or _contains(_toks(v), _toks(n))):
                    continue
                facts[f].append((n, [v]))
        for f in SINGLE:
            rng.shuffle(facts[f])
        asked: set[str] = set(done_mh)
        k = count = 0
        n_single = targets["single_hop"] + targets["multi_hop"] - len(done_mh)
        while count < n_single and any(facts[f] for f in SINGLE):
            f = SINGLE[k % len(SINGLE)]
            k += 1
            while facts[f]:
                n, golds = facts[f].pop()
                if n in asked:
                    continue
                asked.add(n)
                add(f, "single_hop", wording(f).format(p=n), golds, [doc_id(by[n])])
                count += 1
                break

        # unanswerable
        for p in absent_for[split]:
            add("absent-command", "unanswerable", wording("absent-command").format(p=p), [], [])
        attr_pk = pk[:]
        rng.shuffle(attr_pk)
        attrs = [t for t in range(len(Q["absent-attribute"])) if not _attr_hits(t, corpus_low)]
        rng.shuffle(attrs)
        for j, n in enumerate(attr_pk[: targets["absent-attribute"]]):
            t = attrs[j % len(attrs)]
            items.append({"question": Q["absent-attribute"][t].format(p=n), "answers": [], "type": "unanswerable",
                          "evidence": [], "kind": "absent-attribute", "command": n})
        rng.shuffle(items)
        splits[split] = [{"id": f"c6-{split}-{j + 1:03d}", **d} for j, d in enumerate(items)]
    return splits["dev"], splits["test"]


# ------------------------------------------------------------------ build / check


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def build(force: bool) -> None:
    if (OUT / "test.jsonl").exists() and not force:
        sys.exit(f"{OUT / 'test.jsonl'} exists (frozen); pass --force to overwrite the snapshot")
    if any(b.is_dir() for b, _ in MANDIRS):
        snap = scan_pages()
        OUT.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        print(f"none of {[str(b) for b, _ in MANDIRS]} found: rebuilding from {SNAPSHOT}")
        snap = load_snapshot()
    chosen = snap["records"]
    clash = [s for s, c in Counter(r["command"] for r in chosen).items() if c > 1]
    if clash:
        sys.exit(f"commands chosen twice: {clash}")
    for sec in ("1", "8"):
        d = CORPUS / f"man{sec}"
        d.mkdir(parents=True, exist_ok=True)
        for old in d.glob("*.md"):
            old.unlink()
    pages = {}
    for r in chosen:
        pages[r["command"]] = render(r)
        (CORPUS / f"{doc_id(r)}.md").write_text(pages[r["command"]], encoding="utf-8")
    corpus_text = "\n".join(pages.values())
    present = set(snap["commands"])
    absent = [p for p in ABSENT if p not in present and not _named(p, corpus_text)]
    dev, test = make_questions(chosen, absent, pages)
    for name, items in (("dev", dev), ("test", test)):
        with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in items:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    why: Counter = Counter()
    for s in snap["skipped"]:
        m = re.search(r"(?:, (\d+) files)? \(([^()]*)\)$", s)
        why[m.group(2)] += int(m.group(1) or 1)
    print(f"{snap['page_files']} page files, {len(snap['commands'])} names (+{snap['gcloud_names_not_listed']} gcloud_*), {snap['eligible']} eligible, "
          f"{len(snap['skipped'])} skipped {dict(why)}, {len(snap['pairs'])} see-also pairs")
    print(f"{len(chosen)} pages; layouts {dict(Counter(layout(r) for r in chosen))}; "
          f"sections {dict(Counter(r['section'] for r in chosen))}; packages {len({r['package'] for r in chosen})}; "
          f"absent usable: {len(absent)}")
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
    by = {r["command"]: r for r in recs}
    files, problems = scan(CORPUS)
    docs, load_bad = {}, []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    results.append((f"corpus scans with no problems and loads every page ({len(docs)} documents)",
                    [str(p) for p in problems] + load_bad + ([] if len(docs) == len(files) == len(recs) else ["count"])))
    bad = [i for i, d in docs.items() if not d.text.lstrip().startswith("# ") or d.title not in by
           or doc_id(by[d.title]) != i]  # fmt: skip
    bad += [f"{i}: page differs from render(snapshot)" for i, r in by_id.items()
            if not (CORPUS / f"{i}.md").is_file() or (CORPUS / f"{i}.md").read_text(encoding="utf-8") != render(r)]
    bad += [f"command {k} twice" for k, c in Counter(r["command"] for r in recs).items() if c > 1]
    results.append(("every page is '# <command>', id man<section>/<command> (unique), and equals its rendering "
                    "from snapshot.json", bad))
    full = {i: (d.title + "\n" + d.text) for i, d in docs.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
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
        if not re.fullmatch(rf"c6-{s}-\d\d\d", it.id):
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
            if is_correct(it, "It is coreutils.", False) or is_correct(it, "Richard Stallman", False):
                abst.append(f"{it.id}: an answer scores correct")
            continue
        if is_correct(it, "The documents do not say.", False):
            abst.append(f"{it.id}: abstention scores correct on an answerable item")
        for g in it.answers:
            if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in it.evidence):
                gold_in.append(f"{it.id}: {g!r}")
            if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                gold_ok.append(f"{it.id}: {g!r}")
            if g.strip().lower() == "none":
                gold_ok.append(f"{it.id}: bare none")
        if kind in ("date", "ref-date") and re.search(r"\d", it.answers[0]):
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
            for hedge in (f"{a} or {b}", f"{b} or {a}", f"{a} or {b}."):
                if is_correct(it, hedge, False):
                    cmpw.append(f"{it.id}: hedge {hedge!r}")
        fields = parse_question(kind, it.question) or {}
        if not fields:
            facts.append(f"{it.id}: question not read back")
            continue
        win = by.get(it.answers[0]) if it.type in ("comparison", "filter", "reverse") else None
        if it.type in ("comparison", "filter", "reverse") and win is None:
            facts.append(f"{it.id}: answer is no command")
            continue
        if kind == "in-package":
            for e in it.evidence:
                if (by_id[e]["package"] == fields["k"]) != (by_id[e] is win):
                    facts.append(f"{it.id}: package not only the answer's")
        elif kind == "refers-to":
            for e in it.evidence:
                if (fields["c"] in by_id[e]["see_also"]) != (by_id[e] is win):
                    facts.append(f"{it.id}: reference not only the answer's")
                if by_id[e] is not win and contains_tokens(ftoks[e], answer_tokens(ref_name(fields["c"]))):
                    facts.append(f"{it.id}: reference named on the other page")
            if not contains_tokens(ftoks[doc_id(win)], answer_tokens(fields["c"])):
                facts.append(f"{it.id}: reference not on the page")
        elif kind == "older-page":
            ya, yb = (year_of(by_id[e]["date"]) for e in it.evidence)
            lo = it.evidence[0] if ya < yb else it.evidence[1]
            if by_id[lo] is not win or ya == yb:
                facts.append(f"{it.id}: date order")
            for e in it.evidence:
                if not contains_tokens(ftoks[e], answer_tokens(by_id[e]["date"])):
                    facts.append(f"{it.id}: date not on {e}")
        elif kind.startswith("filter"):
            hits = [r["command"] for r in recs if filter_match(fields, r)]
            if hits != [win["command"]]:
                facts.append(f"{it.id}: matches {hits}")
            for v in fields.values():
                if not contains_tokens(ftoks[doc_id(win)], answer_tokens(v)):
                    facts.append(f"{it.id}: {v!r} not on the answer's page")
        elif kind == "reverse":
            s_ = fields.get("s", "")
            if [r["command"] for r in recs if r["summary"] == s_] != [win["command"]]:
                facts.append(f"{it.id}: description not the answer's alone")
            if any(contains_tokens(ftoks[i], answer_tokens(s_)) for i in docs if i != doc_id(win)):
                facts.append(f"{it.id}: description on another page")
        elif kind in MULTI:
            r = by.get(fields.get("p", ""))
            t = first_ref(r, by) if r else None
            if t is None:
                facts.append(f"{it.id}: subject's first SEE ALSO page is not catalogued")
                continue
            if it.evidence != [doc_id(r), doc_id(by[t])]:
                facts.append(f"{it.id}: evidence is not [command, referenced page]")
            if it.answers[0] != by[t][MULTI_FIELD[kind]]:
                facts.append(f"{it.id}: gold is not the referenced page's value")
            if not contains_tokens(ftoks[doc_id(r)], answer_tokens(t)):
                facts.append(f"{it.id}: referenced page not named on the subject's page")
            if contains_tokens(ftoks[doc_id(r)], answer_tokens(it.answers[0])):
                facts.append(f"{it.id}: gold already on the subject's own page (not multi-hop)")
        else:
            r = by.get(fields.get("p", ""))
            if r is None or doc_id(r) != it.evidence[0]:
                facts.append(f"{it.id}: subject not the evidence")
                continue
            v = r[SINGLE_FIELD[kind]]
            v = ref_name(v[0]) if kind == "see-first" and v else v
            if it.answers[0] != v or not v:
                facts.append(f"{it.id}: gold is not the snapshot's value")
    results += [
        ("ids c6-<split>-NNN; every item has a kind; evidence: answerable has some, unanswerable none, "
         "every id a loaded document", idf + kinds + ev),
        ("every gold alias occurs as whole tokens in an evidence document (title + text)", gold_in),
        ("every gold alias scores correct alone and in 'The answer is <gold>.'; no bare 'none'", gold_ok),
        ("a near-miss date (last digit changed) scores wrong", near),
        ("comparisons: gold is an option; wrong option (alone, 'X does.', in a sentence), 'A or B', 'B or A' "
         "score wrong", cmpw),
        ("'The documents do not say.' scores correct exactly on the unanswerable items; answers score wrong there",
         abst),
        ("facts agree with snapshot.json: single-hop and multi-hop golds, comparison winners, unique filters "
         "and descriptions", facts),
    ]
    # split separation: no command asked in both splits (evidence, named subject of an unanswerable)
    pk = {s: {e for it in items[s] for e in it.evidence} | {doc_id(by[r["command"]]) for r in rows[s] if r.get("command")}
          for s in ("dev", "test")}  # fmt: skip
    named_in = {s: set() for s in rows}
    for s in rows:
        for it in items[s]:
            for n in by:
                if _named(n, it.question) and len(n) >= 4:
                    named_in[s].add(n)
    both = sorted(pk["dev"] & pk["test"])
    absent_named = {s: {p for r in rows[s] if r["kind"] == "absent-command" for p in ABSENT if _named(p, r["question"])}
                    for s in rows}  # fmt: skip
    fact_keys = {s: set() for s in rows}
    for s in rows:
        for it in items[s]:
            for e in it.evidence:
                fact_keys[s].add((e, it.meta.get("kind")))
    qd = {" ".join(answer_tokens(it.question)): it.answers for it in items["dev"]}
    qdup = [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ids = [it.id for s in items for it in items[s]]
    dup_ids = [k for k, c in Counter(ids).items() if c > 1]
    results.append(("ids unique; no command asked in both splits (so no fact in both); no absent command named in "
                    "both; no question repeated",
                    dup_ids + both + sorted(absent_named["dev"] & absent_named["test"]) + qdup
                    + sorted(str(k) for k in fact_keys["dev"] & fact_keys["test"])))
    corpus_all = "\n".join(full.values())
    corpus_low = corpus_all.lower()
    present = set(snap["commands"])
    un = []
    for s, r in ((s, r) for s in rows for r in rows[s]):
        if r["kind"] == "absent-command":
            f = parse_question("absent-command", r["question"])
            p = [p for p in ABSENT if f and f["p"] == p]
            if len(p) != 1 or _named(p[0], corpus_all) or p[0] in present:
                un.append(f"{r['id']}: absent command {p} named in the corpus or has a page")
        elif r["kind"] == "absent-attribute":
            t = [j for j, w in enumerate(Q["absent-attribute"]) if w.format(p=r["command"]) == r["question"]]
            if len(t) != 1 or r["command"] not in by:
                un.append(f"{r['id']}: not a known wording / command")
                continue
            hit = _attr_hits(t[0], corpus_low)
            if hit:
                un.append(f"{r['id']}: corpus contains {hit}")
    results.append(("unanswerable: absent commands on no page and without a manual page here (snapshot's name list); "
                    "attribute words on no page", un))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    sha_ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if sha_ok else ["sha256 mismatch"]))
    counts = {s: Counter(it.type for it in items[s]) for s in items}
    want = {"dev": {"single_hop": 18, "unanswerable": 7, "comparison": 6, "reverse": 5, "filter": 5, "multi_hop": 3},
            "test": {"single_hop": 29, "unanswerable": 12, "filter": 9, "comparison": 9, "reverse": 7, "multi_hop": 5}}
    size = [f"{s}: {dict(counts[s])} != {want[s]}" for s in want if dict(counts[s]) != want[s]]
    results.append((f"split sizes and type mix (dev {len(items['dev'])}, test {len(items['test'])})", size))
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
