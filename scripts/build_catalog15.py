"""Build the catalog15 evaluation corpus: media types of this machine's /etc/mime.types.

    PYTHONPATH=src python scripts/build_catalog15.py snapshot [--force]  # /etc/mime.types -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog15.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog15.py check               # loader + scorer + fact checks, no model

`snapshot` reads /etc/mime.types (Debian's media-types package): every non-comment line is a media
type followed by zero or more filename extensions. For the media types named in CHOSEN it keeps
the line number, the top-level type and subtype, the registration tree told by the subtype's
prefix (`vnd.` vendor, `prs.` personal, `x-` / `x.` unregistered, else standards), the structured
syntax suffix (the part after the last `+` of the subtype, or none), the extensions in file order
and, for each extension, the other media types of the whole file that list it too. For the checks
it also keeps every line of the file as [line number, media type, extensions]. Written to
`evalsets/catalog15/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force).

`build` renders one markdown page per media type from snapshot.json alone, `<id>.md` (the media
type lower case, every run of characters other than a-z and 0-9 as `-`), titled `# <media type>`,
with YAML front matter (media_type, top_level, tree) and a body in one of three layouts dealt in
turn in the order of sha256("catalog15:<id>"): `ledger` (a `| Field | Value |` table),
`narrative` (prose paragraphs, wording varied per page) or `fieldlist` (headed sections of
`Label: value` bullets). Then it generates dev.jsonl and test.jsonl from the snapshot (seeded,
SEED) and writes test.jsonl.sha256. It refuses to overwrite corpus/ or the question files
without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
loads the corpus with ragtune's loader, reads both splits with `load_qa`, and checks every item
(evidence, gold in evidence text and tokens, scoring verdicts, facts against the snapshot, split
separation, unanswerables absent, the sha256, the type mix).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evalsets" / "catalog15"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
MIMETYPES = Path("/etc/mime.types")
SEED = 15

# 88 media types that have at least one extension, every extension lower-case letters and digits
# (no "~", "%" or "c++"), picked per top-level type (application 42, audio 10, image 10, text 9,
# video 7, chemical 5, model 4, font 1), up to half of each with three or more extensions.
CHOSEN = [
    "application/bbolin", "application/exi", "application/octet-stream", "application/pkcs7-mime",
    "application/pkcs7-signature", "application/postscript", "application/rfc+xml", "application/rpki-manifest",
    "application/smil+xml", "application/vnd.acucorp", "application/vnd.afpc.modca", "application/vnd.cloanto.rp9",
    "application/vnd.clonk.c4group", "application/vnd.comicbook-rar", "application/vnd.dna", "application/vnd.dpgraph",
    "application/vnd.dzr", "application/vnd.exstream-empower+zip", "application/vnd.hal+xml", "application/vnd.jisp",
    "application/vnd.Kinar", "application/vnd.lotus-organizer", "application/vnd.ms-works",
    "application/vnd.noblenet-sealer", "application/vnd.onepagertatx", "application/vnd.Quark.QuarkXPress",
    "application/vnd.rim.cod", "application/vnd.scribus", "application/vnd.sealed.doc", "application/vnd.sealed.xls",
    "application/vnd.stardivision.chart", "application/vnd.tcpdump.pcap", "application/vnd.trid.tpt",
    "application/vnd.ufdl", "application/x-iphone", "application/x-maker", "application/x-msdos-program",
    "application/x-qgis", "application/x-troff-man", "application/xhtml+xml", "application/xv+xml",
    "application/yin+xml", "audio/aac", "audio/ATRAC-X", "audio/ATRAC3", "audio/csound", "audio/ogg",
    "audio/vnd.dolby.mlp", "audio/vnd.dts", "audio/vnd.dts.hd", "audio/vnd.rip", "audio/x-pn-realaudio",
    "chemical/x-cactvs-binary", "chemical/x-galactic-spc", "chemical/x-gaussian-input", "chemical/x-hin",
    "chemical/x-swissprot", "font/woff2", "image/fits", "image/png", "image/vnd.radiance", "image/vnd.sealed.png",
    "image/vnd.sealedmedia.softseal.gif", "image/vnd.sealedmedia.softseal.jpg", "image/x-cmu-raster",
    "image/x-nikon-nef", "image/x-xpixmap", "image/x-xwindowdump", "model/iges", "model/mesh", "model/obj",
    "model/vrml", "text/html", "text/mizar", "text/plain", "text/troff", "text/vnd.in3d.spot",
    "text/vnd.wap.wmlscript", "text/x-boo", "text/x-diff", "text/x-tex", "video/mp4", "video/mpeg",
    "video/vnd.ms-playready.media.pyv", "video/vnd.nokia.interleaved-multimedia", "video/vnd.sealed.mpeg1",
    "video/vnd.sealedmedia.softseal.mov", "video/x-sgi-movie",
]  # fmt: skip

# Media types of this machine's /etc/mime.types (with extensions) that are NOT catalogued
# (checked: their names are on no page), for unanswerable questions; each split takes its own.
ABSENT = ["application/vnd.ms-excel", "audio/mpeg", "image/jpeg", "text/csv", "video/quicktime",
          "application/vnd.visio", "application/pdf", "audio/x-wav", "image/gif", "text/x-java",
          "application/zip", "model/stl", "image/svg+xml", "application/json", "audio/flac", "video/webm"]  # fmt: skip
ABSENT_SPLIT = {"dev": 4, "test": 6}

# What these pages never state about a media type; the words an answer would need, none on any page.
ABSENT_FIELDS = {
    "magic": ("Which magic bytes open a file of type {n}?", ["magic", "leading bytes"]),
    "date": ("On what date was {n} first recorded by IANA?", ["iana", "date", "recorded"]),
    "charset": ("Which charset parameter must accompany {n}?", ["charset", "parameter"]),
    "viewer": ("Which program does the mailcap file name as the viewer for {n}?", ["mailcap", "viewer"]),
    "contact": ("Who is the contact person for the {n} media type?", ["contact", "person"]),
    "obsolete": ("In which year was {n} marked obsolete?", ["obsolete", "deprecated"]),
    "filesize": ("What is the typical file size of a {n} file, in kilobytes?", ["typical", "kilobyte"]),
    "browsers": ("How many web browsers render {n} natively?", ["browser", "natively", "render"]),
}

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
N_DEV_PAGES = 35
LAYOUTS = ("ledger", "narrative", "fieldlist")
TREES = {"vendor": ("vendor tree", "vnd."), "personal": ("personal tree", "prs."),
         "unregistered": ("unregistered tree", "x-"), "standards": ("standards tree", None)}  # fmt: skip

# ------------------------------------------------------------------ reading the source


def read_index() -> list[list]:
    rows = []
    for i, line in enumerate(MIMETYPES.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split()
        rows.append([i, parts[0], parts[1:]])
    return rows


def tree_of(sub: str) -> str:
    s = sub.lower()
    if s.startswith("vnd."):
        return "vendor"
    if s.startswith("prs."):
        return "personal"
    if s.startswith(("x-", "x.")):
        return "unregistered"
    return "standards"


def make_record(line: int, name: str, exts: list[str], index: list[list]) -> dict:
    top, sub = name.split("/", 1)
    shared = {}
    for e in exts:
        others = [n for _, n, es in index if n != name and e in es]
        if others:
            shared[e] = others
    return {"name": name, "line": line, "top": top, "subtype": sub, "tree": tree_of(sub),
            "prefix": sub[:4] if tree_of(sub) in ("vendor", "personal") else sub[:2] if tree_of(sub) == "unregistered" else None,
            "suffix": sub.rsplit("+", 1)[1] if "+" in sub else None, "extensions": exts, "shared": shared}  # fmt: skip


def scan() -> dict:
    index = read_index()
    at = {n: (i, es) for i, n, es in index}
    recs = [make_record(at[n][0], n, at[n][1], index) for n in CHOSEN]
    recs.sort(key=lambda r: r["name"].lower())
    try:
        ver = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "media-types"], capture_output=True, text=True,
                             check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        ver = "unknown"
    return {"source": f"{MIMETYPES} (Debian media-types {ver})", "version": ver, "index": index, "records": recs}


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return re.sub(r"[^a-z0-9]+", "-", r["name"].lower()).strip("-")


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog15:{salt}{key}".encode()).hexdigest(), 16)


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def tree_text(r: dict) -> str:
    word, _ = TREES[r["tree"]]
    return f"{word} ({r['prefix']} prefix)" if r["prefix"] else f"{word} (no prefix)"


def suffix_text(r: dict) -> str:
    return f"+{r['suffix']}" if r["suffix"] else "none"


def shared_lines(r: dict) -> list[str]:
    return [f"The extension {e} is also listed for {and_list(o)}." for e, o in r["shared"].items()]


def front_matter(r: dict) -> str:
    return ("---\n" f"media_type: {json.dumps(r['name'])}\n" f"top_level: {json.dumps(r['top'])}\n"
            f"tree: {json.dumps(TREES[r['tree']][0])}\n" "---\n")  # fmt: skip


def render(r: dict, version: str) -> str:
    n, kind, w = r["name"], layout(r), _h(doc_id(r), "w")
    ex = r["extensions"]
    k = len(ex)
    head = front_matter(r) + f"\n# {n}\n\n"
    if kind == "ledger":
        rows = [("Media type", n), ("Top-level type", r["top"]), ("Subtype", r["subtype"]),
                ("Registration tree", tree_text(r)), ("Structured syntax suffix", suffix_text(r)),
                ("Line in /etc/mime.types", str(r["line"])), ("Number of extensions", str(k)),
                ("Extensions (file order)", ", ".join(ex)), ("Listed first", ex[0]), ("Listed last", ex[-1]),
                ("Extensions shared with other media types",
                 "; ".join(f"{e} (also {', '.join(o)})" for e, o in r["shared"].items()) or "none")]  # fmt: skip
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Identity", f"- Name: {n}", f"- Top-level type: {r['top']}", f"- Subtype: {r['subtype']}",
               f"- Tree: {tree_text(r)}", f"- Suffix: {suffix_text(r)}",
               "", "## Position", f"- Source: /etc/mime.types (media-types {version})", f"- Line: {r['line']}",
               "", "## Extensions", f"- Extension count: {k}"]  # fmt: skip
        out += [f"- Extension: {e}" for e in ex]
        out += [f"- First listed: {ex[0]}", f"- Last listed: {ex[-1]}"]
        out += ["", "## Shared extensions"]
        out += [f"- {e}: also {', '.join(o)}" for e, o in r["shared"].items()] or ["- (none)"]
        return head + "\n".join(out) + "\n"
    # narrative
    p1 = [(f"{n} is a media type listed on line {r['line']} of /etc/mime.types (media-types {version}).",
           f"Line {r['line']} of /etc/mime.types (media-types {version}) names the media type {n}.",
           f"The media type {n} appears in /etc/mime.types (media-types {version}) on line {r['line']}.")[w % 3]]
    p1.append(f"Its top-level type is {r['top']} and its subtype {r['subtype']}, which belongs to the {tree_text(r)}.")
    p1.append(f"The subtype carries the structured syntax suffix +{r['suffix']}." if r["suffix"]
              else "The subtype has no structured syntax suffix (none).")
    if k == 1:
        p2 = [(f"Its one filename extension is {ex[0]}; 1 extension in all, so {ex[0]} is listed both first and last.",
               f"Only 1 filename extension maps to it: {ex[0]}, listed first and last.")[w % 5 % 2]]
    else:
        p2 = [(f"{k} filename extensions map to it, in this order: {and_list(ex)}; {ex[0]} is listed first and {ex[-1]} last.",
               f"The file lists {k} extensions for it ({and_list(ex)}), first {ex[0]} and last {ex[-1]}.")[w % 5 % 2]]
    p3 = shared_lines(r) or ["No other media type in the file lists any of these extensions (none shared)."]
    return head + "\n\n".join([" ".join(p1), " ".join(p2), " ".join(p3)]) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r, snap["version"]) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's /etc/mime.types again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(snap['index'])} media types; {len(snap['records'])} records")


# ------------------------------------------------------------------ questions


def _atok(s: str) -> list[str]:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.eval.tokens import answer_tokens

    return answer_tokens(s)


def _contains(hay: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return bool(needle) and any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def split_pages(recs: list[dict]) -> dict[str, str]:
    ids = sorted((r["name"] for r in recs), key=lambda x: _h(x, "split"))
    return {x: ("dev" if i < N_DEV_PAGES else "test") for i, x in enumerate(ids)}


def free(x: str, r: dict) -> bool:
    """An extension whose tokens are not inside the media type's name (the scorer masks a question's words)."""
    return not _contains(_atok(r["name"]), _atok(x))


def ext_golds(r: dict) -> list[str]:
    return [x for x in r["extensions"] if free(x, r)]


SINGLE = {
    "count": (["How many filename extensions does /etc/mime.types map to {n}?",
               "How many file extensions are listed for {n} in /etc/mime.types?"], lambda r: [str(len(r["extensions"]))]),
    "line": (["On which line of /etc/mime.types is {n} listed?", "Which line of /etc/mime.types holds {n}?"],
             lambda r: [str(r["line"])]),
    "ext": (["Name one filename extension that /etc/mime.types maps to {n}.",
             "Give one file extension listed for {n} in /etc/mime.types."], ext_golds),
    "first": (["Which extension is listed first for {n} in /etc/mime.types?"], lambda r: [r["extensions"][0]]),
    "last": (["Which extension is listed last for {n} in /etc/mime.types?"], lambda r: [r["extensions"][-1]]),
    "shared": (["Which other media type in /etc/mime.types also lists an extension of {n}?"],
               lambda r: list(dict.fromkeys(o for os in r["shared"].values() for o in os))),
}  # fmt: skip


def single_ok(r: dict, k: str) -> bool:
    ex = r["extensions"]
    if k == "count":
        return True
    if k == "ext":
        return bool(ext_golds(r))
    if k == "first":
        return len(ex) >= 2 and free(ex[0], r)
    if k == "last":
        return len(ex) >= 3 and free(ex[-1], r)
    if k == "shared":
        return bool(r["shared"]) and all(free(o, r) for o in SINGLE["shared"][1](r))
    return True


HOP = {"count": "how many filename extensions does the file list for it?",
       "line": "on which line of /etc/mime.types is it?",
       "first": "which of its extensions is listed first?", "last": "which of its extensions is listed last?"}
CMP = {
    "more-exts": ("Which of {a} and {b} has more filename extensions in /etc/mime.types?", lambda r: len(r["extensions"]), max),
    "fewer-exts": ("Which media type has fewer filename extensions, {a} or {b}?", lambda r: len(r["extensions"]), min),
    "earlier-line": ("Which of {a} or {b} comes earlier in /etc/mime.types?", lambda r: r["line"], min),
    "later-line": ("Which of {a} and {b} is listed later in /etc/mime.types?", lambda r: r["line"], max),
    "vendor-which": ("Which of {a} or {b} is in the vendor tree?", lambda r: r["tree"] == "vendor", max),
    "unreg-which": ("Which of {a} and {b} has an unregistered x- subtype?", lambda r: r["tree"] == "unregistered", max),
    "suffix-which": ("Which of {a} or {b} has a structured syntax suffix?", lambda r: r["suffix"] is not None, max),
    "shared-which": ("Which of {a} and {b} shares an extension with another media type?", lambda r: bool(r["shared"]), max),
}  # fmt: skip
COND = {
    "application": (lambda r: r["top"] == "application", "has the top-level type application",
                    "has a top-level type other than application"),
    "audio": (lambda r: r["top"] == "audio", "has the top-level type audio", "has a top-level type other than audio"),
    "image": (lambda r: r["top"] == "image", "has the top-level type image", "has a top-level type other than image"),
    "text": (lambda r: r["top"] == "text", "has the top-level type text", "has a top-level type other than text"),
    "video": (lambda r: r["top"] == "video", "has the top-level type video", "has a top-level type other than video"),
    "vendor": (lambda r: r["tree"] == "vendor", "is in the vendor tree", "is not in the vendor tree"),
    "unreg": (lambda r: r["tree"] == "unregistered", "has an unregistered x- subtype", "has no x- subtype"),
    "suffix": (lambda r: r["suffix"] is not None, "has a structured syntax suffix", "has no structured syntax suffix"),
    "multi": (lambda r: len(r["extensions"]) >= 2, "has at least two extensions", "has exactly one extension"),
    "many": (lambda r: len(r["extensions"]) >= 4, "has at least four extensions", "has fewer than four extensions"),
    "shared": (lambda r: bool(r["shared"]), "shares an extension with another media type",
               "shares no extension with another media type"),
    "early": (lambda r: r["line"] < 1000, "is listed before line 1000 of /etc/mime.types",
              "is listed on line 1000 or later of /etc/mime.types"),
}  # fmt: skip


def cond_text(c: str, v: bool) -> str:
    return COND[c][1] if v else COND[c][2]


def unique_exts(r: dict, pages: dict[str, list[str]]) -> list[str]:
    """Extensions no other media type of the file lists, whose tokens are on no other page."""
    return [x for x in r["extensions"] if x not in r["shared"] and free(x, r)
            and not any(_contains(t, _atok(x)) for d, t in pages.items() if d != doc_id(r))]


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    did = {r["name"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    pages_tok = {rel[:-3]: _atok(text) for rel, text in render_all(snap).items()}
    uniq = {r["name"]: unique_exts(r, pages_tok) for r in recs}
    absent = list(ABSENT)
    rnd.shuffle(absent)
    absent_by = {"dev": absent[: ABSENT_SPLIT["dev"]], "test": absent[ABSENT_SPLIT["dev"]: ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}
    # a name whose tokens lie inside another catalogued name is never a reverse or filter gold
    inside = {n for n in by for o in by if o != n and _contains(_atok(o), _atok(n))}
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()  # (page, field)
        subj: set[str] = set()
        items = out[s]

        def add(q, answers, typ, ev, kind, **kw):
            it = {"question": q, "answers": answers, "type": typ, "evidence": ev}
            if "options" in kw:
                it["options"] = kw.pop("options")
            it["kind"] = kind
            it.update(kw)
            items.append(it)

        # single hop: cycle kinds over pages
        kinds = list(SINGLE)
        ki = 0
        for n in names:
            if sum(i["type"] == "single_hop" for i in items) >= want["single_hop"]:
                break
            r = by[n]
            for _ in range(len(kinds)):
                k = kinds[ki % len(kinds)]
                ki += 1
                if single_ok(r, k):
                    tpl = SINGLE[k][0][_h(n, k) % len(SINGLE[k][0])]
                    add(tpl.format(n=n), SINGLE[k][1](r), "single_hop", [did[n]], k)
                    used.add((n, k))
                    subj.add(n)
                    break
        # multi hop: an extension (unique to one page) -> media type -> field
        hk = list(HOP)
        for n in names:
            if sum(i["type"] == "multi_hop" for i in items) >= want["multi_hop"]:
                break
            r = by[n]
            if n in subj or not uniq[n]:
                continue
            e = uniq[n][_h(n, "hx") % len(uniq[n])]
            for k in hk:
                if not single_ok(r, k) or (n, k) in used or (k in ("first", "last") and SINGLE[k][1](r)[0] == e):
                    continue
                if k in ("first", "last") and _contains(_atok(e), _atok(SINGLE[k][1](r)[0])):
                    continue
                add(f"The media type to which /etc/mime.types maps the extension .{e}: {HOP[k]}", SINGLE[k][1](r),
                    "multi_hop", [did[n]], "hop-" + k, value=e, field=k)
                used.update({(n, k), (n, "ext")})
                subj.add(n)
                hk.append(hk.pop(hk.index(k)))
                break
        # reverse: an extension unique to one page, or a line number
        for n in names:
            if sum(i["type"] == "reverse" for i in items) >= want["reverse"]:
                break
            r = by[n]
            if (n, "ext") in used or n in inside:
                continue
            if uniq[n] and _h(n, "rv") % 3:
                e = uniq[n][_h(n, "rx") % len(uniq[n])]
                add(rnd.choice(["Which media type does /etc/mime.types map the extension .{v} to?",
                                "Files ending in .{v} get which media type in /etc/mime.types?"]).format(v=e),
                    [n], "reverse", [did[n]], "reverse-ext", value=e)
                used.add((n, "ext"))
            elif (n, "line") not in used:
                add(f"Which media type is listed on line {r['line']} of /etc/mime.types?", [n], "reverse", [did[n]],
                    "reverse-line", value=r["line"])
                used.add((n, "line"))
        # comparisons
        ck = list(CMP)
        tries = 0
        while sum(i["type"] == "comparison" for i in items) < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            a, b = rnd.sample(names, 2)
            tpl, f, pick = CMP[k]
            fa, fb = f(by[a]), f(by[b])
            fld = k.split("-")[1] if not k.endswith("-which") else k
            if fa == fb or (a, "cmp-" + fld) in used or (b, "cmp-" + fld) in used:
                continue
            if _contains(_atok(a), _atok(b)) or _contains(_atok(b), _atok(a)):
                continue
            win = a if pick(fa, fb) == fa else b
            add(tpl.format(a=a, b=b), [win], "comparison", [did[a], did[b]], k, options=[a, b], target=win)
            used.update({(a, "cmp-" + fld), (b, "cmp-" + fld)})
        # filters: among all 88 (two conditions) and among four listed candidates
        n_among = 2 if s == "dev" else 4
        pairs = [(c1, v1, c2, v2) for c1 in COND for c2 in COND if c1 < c2 for v1 in (True, False) for v2 in (True, False)]
        rnd.shuffle(pairs)
        for c1, v1, c2, v2 in pairs:
            if sum(i["kind"] == "filter" for i in items) >= want["filter"] - n_among:
                break
            m1 = [r for r in recs if COND[c1][0](r) == v1]
            m2 = [r for r in recs if COND[c2][0](r) == v2]
            both = [r for r in m1 if r in m2]
            if len(m1) < 2 or len(m2) < 2 or len(both) != 1 or sp[both[0]["name"]] != s:
                continue
            w = both[0]["name"]
            if w in inside or (w, "filter-" + c1) in used or (w, "filter-" + c2) in used:
                continue
            add(f"Which media type in this catalogue {cond_text(c1, v1)} and {cond_text(c2, v2)}?", [w], "filter",
                [did[w]], "filter", where={c1: v1, c2: v2}, candidates=[w])
            used.update({(w, "filter-" + c1), (w, "filter-" + c2)})
        tries = 0
        while sum(i["type"] == "filter" for i in items) < want["filter"] and tries < 5000:
            tries += 1
            c = list(COND)[tries % len(COND)]
            v = bool(tries % 2)
            cands = rnd.sample(names, 4)
            hits = [x for x in cands if COND[c][0](by[x]) == v]
            if len(hits) != 1 or hits[0] in inside or any((x, "filter-" + c) in used for x in cands):
                continue
            if cands[-1] == hits[0]:  # the gold is never listed last ("A, B, C and <gold>" copies the question's run)
                cands[0], cands[-1] = cands[-1], cands[0]
            if any(_contains(_atok(x), _atok(y)) for x in cands for y in cands if x != y):
                continue
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these media types {c}: {l}?"])
            add(q.format(l=", ".join(cands), c=cond_text(c, v)), [hits[0]], "filter", [did[hits[0]]], "filter-among",
                options=cands, where={c: v}, candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
        # unanswerables
        for m in absent_by[s]:
            k = ["count", "line", "count", "line"][_h(m, "ab") % 4]
            add(SINGLE[k][0][0].format(n=m), [], "unanswerable", [], "absent-module", module=m)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = list(names)
        rnd.shuffle(pages)
        i = 0
        while sum(it["type"] == "unanswerable" for it in items) < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            add(ABSENT_FIELDS[f][0].format(n=n), [], "unanswerable", [], "absent-field", field=f, module=n)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            items[j - 1] = {"id": f"c15-{s}-{j:03d}", **it}
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
    CORPUS.mkdir(parents=True, exist_ok=True)
    for rel, text in render_all(snap).items():
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, items in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(items), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(recs)} pages; layouts {dict(Counter(layout(r) for r in recs))}")
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


def check() -> int:
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    recs = snap["records"]
    index = snap["index"]
    by = {r["name"]: r for r in recs}
    did = {r["name"]: doc_id(r) for r in recs}
    name_of = {v: k for k, v in did.items()}
    results: list[tuple[str, list[str]]] = []
    # 1. snapshot -> files
    pages = render_all(snap)
    on_disk = {str(p.relative_to(CORPUS)): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file()}
    bad = [f"{k}: differs or missing" for k in pages if on_disk.get(k) != pages[k]]
    bad += [f"{k}: not rendered from the snapshot" for k in on_disk if k not in pages]
    results.append((f"snapshot.json rendered again equals corpus/ ({len(pages)} pages)", bad))
    qs = make_questions(snap)
    bad = [f"{s}.jsonl differs from the questions generated again" for s in qs
           if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl byte for byte", bad))
    at = {n: (i, es) for i, n, es in index}
    bad = [f"{r['name']}: not CHOSEN" for r in recs if r["name"] not in CHOSEN]
    bad += [f"{n}: CHOSEN but no record" for n in CHOSEN if n not in by]
    bad += [f"{r['name']}: not in the index" for r in recs if r["name"] not in at]
    bad += [f"{r['name']}: record differs from its index line" for r in recs
            if r["name"] in at and r != make_record(at[r["name"]][0], r["name"], at[r["name"]][1], index)]
    bad += [f"{r['name']}: id clash" for r in recs if sum(did[x] == did[r["name"]] for x in did) > 1]
    bad += [f"{r['name']}: no extensions or an odd one" for r in recs
            if not r["extensions"] or not all(re.fullmatch(r"[a-z0-9]+", x) and re.search("[a-z]", x) for x in r["extensions"])]
    bad += [f"{r['name']}: extensions repeated" for r in recs if len(set(r["extensions"])) != len(r["extensions"])]
    bad += [f"line {i}: media type twice" for i, n, _ in index if sum(x == n for _, x, _ in index) > 1 and n in by]
    results.append((f"records are the CHOSEN media types ({len(recs)}), equal to their index lines, ids unique", bad))
    # 2. the corpus
    files, problems = scan_corpus(CORPUS)
    docs, load_bad = {}, []
    for f in files:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                load_bad.append(str(d))
    bad = [str(p) for p in problems] + load_bad + ([] if len(docs) == len(recs) else [f"{len(docs)} != {len(recs)}"])
    bad += [i for i, d in docs.items() if i not in set(did.values())]
    bad += [n for n in by if did[n] not in docs or docs[did[n]].title != n or docs[did[n]].metadata.get("media_type") != n
            or docs[did[n]].metadata.get("top_level") != by[n]["top"]
            or docs[did[n]].metadata.get("tree") != TREES[by[n]["tree"]][0]]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their media type", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for n, r in by.items():
        t = low[did[n]]
        vals = [n, r["top"], r["subtype"], TREES[r["tree"]][0], suffix_text(r), str(r["line"]),
                str(len(r["extensions"])), r["extensions"][0], r["extensions"][-1]] + r["extensions"]
        vals += [r["prefix"]] if r["prefix"] else []
        vals += [o for os in r["shared"].values() for o in os]
        bad += [f"{n}: {v!r} not in the body" for v in vals if v.lower() not in t]
    results.append(("every field of the record is stated in its page body", bad))
    lay = Counter(layout(r) for r in recs)
    results.append((f"three layouts {dict(lay)}", [] if len(lay) == 3 and min(lay.values()) >= 28 else ["uneven"]))
    # 3. the QA files
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
    for s in items:
        for it in items[s]:
            if not re.fullmatch(rf"c15-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("xml.", "256.", "It lists 3 extensions.", "IANA", "2", "application/octet-stream"):
                    if is_correct(it, made_up, False):
                        abst.append(f"{it.id}: {made_up!r} scores correct")
                continue
            if is_correct(it, "The documents do not say.", False):
                abst.append(f"{it.id}: abstention scores correct on an answerable item")
            for g in it.answers:
                if not any(g.lower() in low[e] for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence text")
                if not any(contains_tokens(ftoks[e], answer_tokens(g)) for e in it.evidence):
                    gold_in.append(f"{it.id}: {g!r} not in the evidence tokens")
                if not is_correct(it, g, False) or not is_correct(it, f"The answer is {g}.", False):
                    gold_ok.append(f"{it.id}: {g!r}")
                if g.strip().lower() in ("none", "yes", "no", "true", "false"):
                    gold_ok.append(f"{it.id}: bare {g!r}")
            g0 = it.answers[0]
            if g0.isdigit() and is_correct(it, str(int(g0) + 1), False):
                gold_ok.append(f"{it.id}: near miss scores correct")
            k = it.meta.get("kind")
            if k in ("ext", "first", "last", "hop-first", "hop-last"):
                n = name_of[it.evidence[0]]
                wrong = [x for x in by[n]["extensions"] if x not in it.answers] + ["pdf", "zip"]
                wrong = [x for x in wrong if not any(contains_tokens(answer_tokens(x), answer_tokens(g)) for g in it.answers)]
                gold_ok += [f"{it.id}: other extension {x!r} scores correct" for x in wrong if is_correct(it, x, False)]
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                if it.options[-1] in it.answers and it.meta.get("kind") == "filter-among":
                    cmpw.append(f"{it.id}: gold listed last")
                others = [o for o in it.options if o != g0]
                for w in others:
                    for t in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, t, False):
                            cmpw.append(f"{it.id}: {t!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            if it.type in ("reverse", "filter"):
                cmpw += [f"{it.id}: {o} scores correct" for o in by if o != g0 and is_correct(it, o, False)]
    results += [("ids c15-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page (case-insensitive text and accuracy tokens)", gold_in),
                ("every gold scores correct alone and in a sentence; no bare yes/no gold; count + 1 and other extensions score wrong", gold_ok),
                ("wrong options, hedges and other media types' names score wrong; filter-among gold never last", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 4. facts against the snapshot
    facts = []
    owners = {}
    for _, n, es in index:
        for x in es:
            owners.setdefault(x, []).append(n)
    for s in rows:
        for r in rows[s]:
            k = r["kind"]
            if r["type"] == "single_hop" or k.startswith("hop-"):
                n = name_of[r["evidence"][0]]
                f = r.get("field", k)
                if r["answers"] != SINGLE[f][1](by[n]):
                    facts.append(f"{r['id']}: gold differs from the snapshot")
                if k.startswith("hop-") and owners.get(r["value"]) != [n]:
                    facts.append(f"{r['id']}: extension not unique to its media type in the file")
                if k.startswith("hop-") and sum(contains_tokens(ftoks[d], answer_tokens(r["value"])) for d in ftoks) != 1:
                    facts.append(f"{r['id']}: extension on more than one page")
            elif k == "reverse-ext":
                if owners.get(r["value"]) != r["answers"] or [x for x in by if r["value"] in by[x]["extensions"]] != r["answers"]:
                    facts.append(f"{r['id']}: extension owner")
                if sum(contains_tokens(ftoks[d], answer_tokens(r["value"])) for d in ftoks) != 1:
                    facts.append(f"{r['id']}: extension on more than one page")
            elif k == "reverse-line":
                if [n for i, n, _ in index if i == r["value"]] != r["answers"]:
                    facts.append(f"{r['id']}: line owner")
            elif r["type"] == "comparison":
                tpl, f, pick = CMP[k]
                a, b = r["options"]
                if f(by[a]) == f(by[b]) or r["answers"] != [a if pick(f(by[a]), f(by[b])) == f(by[a]) else b]:
                    facts.append(f"{r['id']}: comparison winner")
            elif k == "filter":
                hit = [x for x in by if all(COND[c][0](by[x]) == v for c, v in r["where"].items())]
                each = [sum(COND[c][0](x) == v for x in recs) for c, v in r["where"].items()]
                if hit != r["answers"] or min(each) < 2:
                    facts.append(f"{r['id']}: filter does not single out its answer")
            elif k == "filter-among":
                (c, v), = r["where"].items()
                if [x for x in r["candidates"] if COND[c][0](by[x]) == v] != r["answers"]:
                    facts.append(f"{r['id']}: filter-among")
    results.append(("facts agree with snapshot.json (values, extension and line owners, winners, filters)", facts))
    # 5. split separation, unanswerables
    sp = split_pages(recs)

    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r["evidence"]) | {did[c] for c in r.get("candidates", [])}
            out |= {did[o] for o in r.get("options", [])}
            if r["kind"] == "absent-field":
                out.add(did[r["module"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[name_of[p]] != s]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ab = {s: {r.get("module") for r in rows[s] if r["kind"] == "absent-module"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    results.append(("no page asked about in both splits, no absent media type in both, no question repeated", sep))
    corpus_low = "\n".join(low.values())
    ctoks = set(answer_tokens(corpus_low))
    ctok_list = answer_tokens(corpus_low)
    un = []
    for m in ABSENT:
        if m in CHOSEN or m not in at or not at[m][1] or contains_tokens(ctok_list, answer_tokens(m)) or m.lower() in corpus_low:
            un.append(f"ABSENT {m}: catalogued, not in the file, without extensions, or on a page")
    for f, (_, words) in ABSENT_FIELDS.items():
        for wd in words:
            if (" " in wd and wd in corpus_low) or wd in ctoks or any(t.startswith(wd) for t in ctoks):
                un.append(f"ABSENT_FIELDS {f}: the corpus holds {wd!r}")
    for s in rows:
        for r in rows[s]:
            if r["kind"] == "absent-module" and (r["module"] not in ABSENT or r["module"] not in r["question"]):
                un.append(r["id"])
            if r["kind"] == "absent-field" and (r["field"] not in ABSENT_FIELDS or r["module"] not in by):
                un.append(r["id"])
    results.append(("unanswerables: absent media types' names on no page; absent fields' words on no page", un))
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
