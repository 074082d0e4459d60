"""Build the catalog13 evaluation corpus: character maps (charmaps) of this machine's glibc.

    PYTHONPATH=src python scripts/build_catalog13.py snapshot [--force]  # /usr/share/i18n/charmaps -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog13.py build [--force]     # snapshot.json -> corpus/, dev.jsonl, test.jsonl
    PYTHONPATH=src python scripts/build_catalog13.py check               # loader + scorer + fact checks, no model

`snapshot` reads the gzip charmap files of /usr/share/i18n/charmaps named in CHOSEN: the
`<code_set_name>`, the declared `<mb_cur_max>` / `<mb_cur_min>` (or none), the `% alias` lines,
the `% source:`, `% version:` and date (`% date:` / `% Last changed:`) comment lines, and from the
CHARMAP section the number of characters (a `<Uxxxx>..<Uyyyy>` range line counts every code point
of its range), the shortest and longest byte sequence, how many of the 256 byte values start no
character, whether bytes /x00-/x7f map to U+0000-U+007F one to one (ASCII-compatible), the bytes
of the euro sign (U+20AC) if any, and whether a WIDTH section follows. For the checks it also keeps
the code set names and aliases of every charmap file on this machine. Written to
`evalsets/catalog13/snapshot.json` (committed; `snapshot` refuses to overwrite it without --force).

`build` renders one markdown page per charmap from snapshot.json alone, `<id>.md` (the code set
name lower case, `_` and `.` as `-`), titled `# <code set name>`, with YAML front matter
(charmap, mb_cur_max, ascii_compatible) and a body in one of three layouts dealt in turn in the
order of sha256("catalog13:<id>"): `ledger` (a `| Field | Value |` table), `narrative` (prose
paragraphs, wording varied per page) or `fieldlist` (headed sections of `Label: value` bullets).
Then it generates dev.jsonl and test.jsonl from the snapshot (seeded, SEED) and writes
test.jsonl.sha256. It refuses to overwrite corpus/ or the question files without --force.

`check` renders the snapshot and the questions again and compares them with the committed files,
loads the corpus with ragtune's loader, reads both splits with `load_qa`, and checks every item
(evidence, gold in evidence text and tokens, scoring verdicts, facts against the snapshot, split
separation, unanswerables absent, the sha256, the type mix).
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
OUT = ROOT / "evalsets" / "catalog13"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
CMDIR = Path("/usr/share/i18n/charmaps")
SEED = 13

# 88 charmap files (by file name; the page is named by the file's <code_set_name>).
CHOSEN = [
    "ANSI_X3.110-1983", "ANSI_X3.4-1968", "ARMSCII-8", "ASMO_449", "BIG5", "BIG5-HKSCS", "BRF", "BS_4730",
    "CP10007", "CP1125", "CP1250", "CP1251", "CP1252", "CP1253", "CP1254", "CP1255", "CP1256", "CP1257", "CP1258",
    "CP737", "CP775", "CP949", "CSN_369103", "CWI", "DEC-MCS", "DIN_66003", "DS_2089", "EBCDIC-CA-FR",
    "EBCDIC-IS-FRISS", "EBCDIC-UK", "ECMA-CYRILLIC", "EUC-JP", "EUC-KR", "EUC-TW", "GB2312", "GBK", "GB_1988-80",
    "GEORGIAN-PS", "GOST_19768-74", "GREEK7", "HP-ROMAN8", "HP-THAI8", "HP-TURKISH8", "IBM037", "IBM1047", "IBM273",
    "IBM437", "IBM500", "IBM850", "IBM852", "IBM855", "IBM858", "IBM861", "IBM862", "IBM864", "IBM866", "IBM869",
    "IBM870", "IBM874", "IBM875", "IBM922", "ISIRI-3342", "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-5",
    "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-9", "ISO-8859-10", "ISO-8859-11", "ISO-8859-13",
    "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "ISO_11548-1", "ISO_6937", "JIS_X0201", "JOHAB", "KOI8-R",
    "KOI8-U", "MAC-CYRILLIC", "MACINTOSH", "PT154", "SHIFT_JIS", "TIS-620", "UTF-8",
]  # fmt: skip

# Charmap files of this machine that are NOT catalogued (checked: their code set name and aliases
# are on no page), for unanswerable questions; each split takes its own.
ABSENT = ["IBM1026", "IBM280", "IBM285", "IBM297", "IBM860", "IBM863", "IBM865", "IBM871", "KOI8-RU", "KOI8-T",
          "VISCII", "MIK", "NEXTSTEP", "RK1048", "TSCII", "GEORGIAN-ACADEMY", "HP-GREEK8", "MAC-UK"]  # fmt: skip
ABSENT_SPLIT = {"dev": 4, "test": 6}

# What these pages never state about a charmap; the words an answer would need, none on any page.
ABSENT_FIELDS = {
    "mibenum": ("What is the IANA MIBenum number of {n}?", ["mibenum", "mib"]),
    "registered": ("In which year was {n} first registered as a character set?", ["registered", "registration"]),
    "browsers": ("What share of web pages use {n}?", ["share", "percent", "web pages", "usage"]),
    "font": ("Which font does the glibc charmap of {n} recommend for displaying it?", ["font", "typeface"]),
    "collation": ("Which collation order does {n} define?", ["collation", "sort order", "sorting"]),
    "deprecated": ("In which glibc release was {n} deprecated?", ["deprecated", "obsolete", "release"]),
    "locales": ("How many glibc locales use {n} by default?", ["locales", "locale"]),
    "bom": ("What byte order mark does {n} use?", ["byte order mark", "bom", "endian"]),
}

WANT = {"dev": {"single_hop": 17, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 3},
        "test": {"single_hop": 26, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 8, "multi_hop": 5}}
N_DEV_PAGES = 35
LAYOUTS = ("ledger", "narrative", "fieldlist")

# ------------------------------------------------------------------ reading the files

ENTRY = re.compile(r"^<([^>\s]+)>(?:\.\.<([^>\s]+)>)?\s+((?:/x[0-9a-fA-F]{2})+)")


def read_charmap(path: Path) -> dict:
    text = gzip.open(path, "rt", encoding="latin-1").read()
    head, sep, rest = text.partition("\nCHARMAP\n")
    if not sep:
        sys.exit(f"{path}: no CHARMAP section")
    body, _, tail = rest.partition("\nEND CHARMAP")

    def hval(tag):
        m = re.search(rf"^<{tag}>\s+(\S+)", head, re.M)
        return m.group(1) if m else None

    src = [s.strip() for s in re.findall(r"^%\s*source:\s*(.*)$", head, re.M) if s.strip()]
    ver = re.search(r"^%\s*version:\s*(\S.*)$", head, re.M)
    date = re.search(r"^%\s*(?:date|Last changed):\s*(\S.*)$", head, re.M)
    n, seqs, firsts, one = 0, [], set(), {}
    for ln in body.split("\n"):
        m = ENTRY.match(ln)
        if not m:
            continue
        a, b, by = m.groups()
        bs = [int(x, 16) for x in re.findall(r"/x([0-9a-fA-F]{2})", by)]
        cnt = 1
        if b and re.fullmatch(r"U[0-9A-Fa-f]+", a) and re.fullmatch(r"U[0-9A-Fa-f]+", b):
            cnt = int(b[1:], 16) - int(a[1:], 16) + 1
        n += cnt
        seqs.append(len(bs))
        firsts.add(bs[0])
        if not b and a.startswith("U") and re.fullmatch(r"U[0-9A-Fa-f]+", a):
            one.setdefault(int(a[1:], 16), "".join(f"/x{x:02x}" for x in bs))
    ascii_ok = all(one.get(c) == f"/x{c:02x}" for c in range(128))
    return {"file": path.name[:-3], "name": hval("code_set_name"), "mb_cur_max": hval("mb_cur_max"),
            "mb_cur_min": hval("mb_cur_min"), "aliases": re.findall(r"^% alias\s+(\S+)", head, re.M),
            "source": "; ".join(src) or None, "version": ver.group(1).strip() if ver else None,
            "date": date.group(1).strip() if date else None, "characters": n, "shortest": min(seqs),
            "longest": max(seqs), "unused_first_bytes": 256 - len(firsts), "ascii_compatible": ascii_ok,
            "euro": one.get(0x20AC), "width_section": "\nWIDTH" in tail}  # fmt: skip


def scan() -> dict:
    everything = {}
    for p in sorted(CMDIR.glob("*.gz")):
        t = gzip.open(p, "rt", encoding="latin-1").read(4000)
        m = re.search(r"^<code_set_name>\s+(\S+)", t, re.M)
        everything[p.name[:-3]] = {"name": m.group(1) if m else None,
                                   "aliases": re.findall(r"^% alias\s+(\S+)", t, re.M)}
    recs = [read_charmap(CMDIR / f"{f}.gz") for f in CHOSEN]
    recs.sort(key=lambda r: r["name"])
    return {"source": f"{CMDIR} (glibc charmaps, gzip)", "files": everything, "records": recs}


# ------------------------------------------------------------------ pages


def doc_id(r: dict) -> str:
    return re.sub(r"[_.]", "-", r["name"].lower())


def _h(key: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"catalog13:{salt}{key}".encode()).hexdigest(), 16)


_LAYOUT: dict[str, str] = {}


def assign_layouts(recs: list[dict]) -> None:
    _LAYOUT.clear()
    for i, d in enumerate(sorted((doc_id(r) for r in recs), key=_h)):
        _LAYOUT[d] = LAYOUTS[i % 3]


def layout(r: dict) -> str:
    return _LAYOUT[doc_id(r)]


def euro_text(r: dict) -> str:
    e = r["euro"]
    if not e:
        return "not encoded"
    return f"{e} (0x{e[2:]})" if len(e) == 4 else e


def decl(v: str | None) -> str:
    return v if v else "not declared"


def seq_text(r: dict) -> str:
    a, b = r["shortest"], r["longest"]
    return f"{a} byte{'s' if a > 1 else ''}" if a == b else f"{a} to {b} bytes"


def and_list(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


ASCII_YES, ASCII_NO = "ASCII-compatible", "not ASCII-compatible"
WIDTH_YES, WIDTH_NO = "has a WIDTH section", "has no WIDTH section"


def front_matter(r: dict) -> str:
    return ("---\n" f"charmap: {json.dumps(r['name'])}\n" f"mb_cur_max: {json.dumps(decl(r['mb_cur_max']))}\n"
            f"ascii_compatible: {json.dumps('yes' if r['ascii_compatible'] else 'no')}\n" "---\n")  # fmt: skip


def render(r: dict) -> str:
    n, kind, w = r["name"], layout(r), _h(doc_id(r), "w")
    head = front_matter(r) + f"\n# {n}\n\n"
    al = r["aliases"]
    asc = ASCII_YES if r["ascii_compatible"] else ASCII_NO
    wid = WIDTH_YES if r["width_section"] else WIDTH_NO
    if kind == "ledger":
        rows = [("Code set name", n), ("Charmap file", f"{r['file']}.gz"),
                ("Aliases", ", ".join(al) if al else "none"), ("Number of aliases", str(len(al))),
                ("mb_cur_max", decl(r["mb_cur_max"])), ("mb_cur_min", decl(r["mb_cur_min"])),
                ("Characters defined", str(r["characters"])), ("Byte sequence length", seq_text(r)),
                ("Byte values that start no character", str(r["unused_first_bytes"])),
                ("ASCII (/x00-/x7f identical to U+0000-U+007F)", f"yes, {asc}" if r["ascii_compatible"] else f"no, {asc}"),
                ("Euro sign U+20AC", euro_text(r)), ("Width table", f"the file {wid}"),
                ("Source (comment header)", r["source"] or "not given"), ("Version (comment header)", r["version"] or "not given"),
                ("Date (comment header)", r["date"] or "not given")]  # fmt: skip
        return head + "| Field | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b.replace('|', '/')} |" for a, b in rows) + "\n"
    if kind == "fieldlist":
        out = ["## Names", f"- Code set: {n}", f"- File: {r['file']}.gz", f"- Alias count: {len(al)}"]
        out += [f"- Alias: {x}" for x in al] or ["- Alias: (none listed)"]
        out += ["", "## Encoding", f"- Maximum bytes per character (mb_cur_max): {decl(r['mb_cur_max'])}",
                f"- Minimum bytes per character (mb_cur_min): {decl(r['mb_cur_min'])}",
                f"- Mapped characters: {r['characters']}", f"- Sequence length: {seq_text(r)}",
                f"- Unused lead byte values: {r['unused_first_bytes']} of 256",
                f"- ASCII range: {asc}", f"- Euro sign: {euro_text(r)}", f"- Widths: {wid}",
                "", "## Provenance", f"- Source: {r['source'] or 'not stated'}",
                f"- Version: {r['version'] or 'not stated'}", f"- Dated: {r['date'] or 'not stated'}"]  # fmt: skip
        return head + "\n".join(out) + "\n"
    # narrative
    p1 = [(f"{n} is a character map of the GNU C Library, kept in the file {r['file']}.gz.",
           f"The glibc charmap {n} (file {r['file']}.gz) maps bytes to Unicode characters.",
           f"In glibc, the file {r['file']}.gz defines the code set {n}.")[w % 3]]
    if al:
        p1.append(f"It lists {len(al)} alias{'es' if len(al) != 1 else ''}: {and_list(al)}.")
    else:
        p1.append("It lists 0 aliases.")
    mx = f"declares mb_cur_max {r['mb_cur_max']}" if r["mb_cur_max"] else "does not declare mb_cur_max"
    mn = f"mb_cur_min {r['mb_cur_min']}" if r["mb_cur_min"] else "no mb_cur_min"
    p2 = [f"The map {mx} and {mn}; its characters take {seq_text(r)}.",
          (f"It defines {r['characters']} characters, and {r['unused_first_bytes']} of the 256 byte values start none of them.",
           f"{r['characters']} characters are defined; {r['unused_first_bytes']} byte values of 256 begin no character.")[w % 5 % 2],
          f"It is {asc}." if r["ascii_compatible"] else f"It is {asc}: bytes /x00-/x7f do not all map to U+0000-U+007F.",
          f"The euro sign (U+20AC) is at {euro_text(r)}." if r["euro"] else "The euro sign (U+20AC) is not encoded.",
          f"The file {wid}."]  # fmt: skip
    src = f"Its header names the source as \"{r['source']}\"." if r["source"] else "Its header names no source."
    ver = f" It is version {r['version']}." if r["version"] else " No version is given."
    dt = f" The header is dated {r['date']}." if r["date"] else " No date is given."
    return head + "\n\n".join([" ".join(p1), " ".join(p2), src + ver + dt]) + "\n"


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def render_all(snap: dict) -> dict[str, str]:
    recs = snap["records"]
    assign_layouts(recs)
    return {f"{doc_id(r)}.md": render(r) for r in recs}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read this machine's charmaps again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(snap['files'])} charmap files; {len(snap['records'])} records")


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


SINGLE = {
    "alias": (["Give one alias of the {n} charmap.", "Name an alias listed for {n}.", "What is one of the aliases of {n}?"],
              lambda r: [a for a in r["aliases"] if not _contains(_atok(r["name"]), _atok(a))]),
    "nalias": (["How many aliases does the {n} charmap list?", "How many alias lines does {n} have?"],
               lambda r: [str(len(r["aliases"]))]),
    "chars": (["How many characters does the {n} charmap define?", "How many characters are mapped in {n}?"],
              lambda r: [str(r["characters"])]),
    "mbmax": (["What mb_cur_max does the {n} charmap declare?", "What is the declared mb_cur_max of {n}?"],
              lambda r: [r["mb_cur_max"]]),
    "euro": (["At which byte sequence does {n} encode the euro sign?", "Which bytes encode U+20AC EURO SIGN in {n}?"],
             lambda r: [r["euro"]] + ([f"0x{r['euro'][2:]}"] if len(r["euro"]) == 4 else [])),
    "source": (["What source does the header of the {n} charmap name?", "Which source is given for {n}?"],
               lambda r: [r["source"]]),
    "unused": (["How many of the 256 byte values start no character in {n}?",
                "In {n}, how many byte values begin no character?"], lambda r: [str(r["unused_first_bytes"])]),
    "date": (["What date does the header of the {n} charmap give?", "When is the {n} charmap header dated?"],
             lambda r: [r["date"]]),
}  # fmt: skip


def single_ok(r: dict, k: str) -> bool:
    if k == "alias":
        return bool(SINGLE["alias"][1](r))
    if k == "nalias":
        return len(r["aliases"]) >= 2
    if k == "mbmax":
        return bool(r["mb_cur_max"])
    if k == "euro":
        return bool(r["euro"])
    if k == "source":
        return bool(r["source"]) and len(r["source"]) <= 60
    if k == "date":
        return bool(r["date"])
    if k == "unused":
        return r["unused_first_bytes"] > 0
    return True


HOP = {"chars": "how many characters does it define?", "mbmax": "what mb_cur_max does it declare?",
       "unused": "how many of the 256 byte values start no character in it?",
       "euro": "at which byte sequence does it encode the euro sign?", "source": "what source does its header name?"}
CMP = {
    "more-chars": ("Which of {a} and {b} defines more characters?", lambda r: r["characters"], max),
    "fewer-chars": ("Which charmap defines fewer characters, {a} or {b}?", lambda r: r["characters"], min),
    "more-aliases": ("Which of {a} or {b} lists more aliases?", lambda r: len(r["aliases"]), max),
    "euro-which": ("Which of {a} and {b} encodes the euro sign?", lambda r: bool(r["euro"]), max),
    "ascii-which": ("Which of {a} or {b} is ASCII-compatible?", lambda r: r["ascii_compatible"], max),
    "more-unused": ("In which of {a} and {b} do more byte values start no character?", lambda r: r["unused_first_bytes"], max),
}  # fmt: skip
COND = {
    "ascii": (lambda r: r["ascii_compatible"], "is ASCII-compatible", "is not ASCII-compatible"),
    "euro": (lambda r: bool(r["euro"]), "encodes the euro sign", "does not encode the euro sign"),
    "width": (lambda r: r["width_section"], "has a WIDTH section", "has no WIDTH section"),
    "multi": (lambda r: r["longest"] > 1, "has characters of more than one byte", "has only one-byte characters"),
    "noalias": (lambda r: not r["aliases"], "lists no alias", "lists at least one alias"),
    "mbdecl": (lambda r: bool(r["mb_cur_max"]), "declares an mb_cur_max", "does not declare mb_cur_max"),
    "ecma": (lambda r: r["source"] == "ECMA registry", "names the ECMA registry as its source",
             "names a source other than the ECMA registry, or none"),
    "half": (lambda r: r["unused_first_bytes"] >= 128, "leaves at least 128 byte values starting no character",
             "leaves fewer than 128 byte values starting no character"),
}


def cond_text(c: str, v: bool) -> str:
    return COND[c][1] if v else COND[c][2]


def make_questions(snap: dict) -> dict[str, list[dict]]:
    recs = snap["records"]
    by = {r["name"]: r for r in recs}
    did = {r["name"]: doc_id(r) for r in recs}
    sp = split_pages(recs)
    rnd = random.Random(SEED)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    alias_owner = Counter(a.upper() for r in recs for a in r["aliases"])
    src_owner = Counter(r["source"] for r in recs)
    absent = list(ABSENT)
    rnd.shuffle(absent)
    absent_by = {"dev": absent[: ABSENT_SPLIT["dev"]], "test": absent[ABSENT_SPLIT["dev"]: ABSENT_SPLIT["dev"] + ABSENT_SPLIT["test"]]}
    for s in ("dev", "test"):
        want = WANT[s]
        names = sorted((n for n in by if sp[n] == s), key=lambda x: _h(x, "order" + s))
        used: set[tuple[str, str]] = set()  # (page, field)
        # a name whose tokens lie inside another catalogued name is never a reverse or filter gold
        inside = {n for n in by for o in by if o != n and _contains(_atok(o), _atok(n))}
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
        # multi hop: via an alias held by one page only
        hk = list(HOP)
        for n in names:
            if sum(i["type"] == "multi_hop" for i in items) >= want["multi_hop"]:
                break
            r = by[n]
            if n in subj or not r["aliases"]:
                continue
            al = [a for a in r["aliases"] if alias_owner[a.upper()] == 1 and a.upper() not in {x.upper() for x in by}
                  and not _contains(_atok(a), _atok(n))]
            if not al:
                continue
            for k in hk:
                if single_ok(r, k) and (n, k) not in used:
                    a = al[_h(n, "al") % len(al)]
                    add(f"The charmap that lists {a} as an alias: {HOP[k]}", SINGLE[k][1](r), "multi_hop", [did[n]],
                        "hop-" + k, alias=a, field=k)
                    used.update({(n, k), (n, "alias")})
                    subj.add(n)
                    hk.append(hk.pop(hk.index(k)))
                    break
        # reverse: alias or source unique to one page
        for n in names:
            if sum(i["type"] == "reverse" for i in items) >= want["reverse"]:
                break
            r = by[n]
            if (n, "alias") in used or n in inside:
                continue
            al = [a for a in r["aliases"] if alias_owner[a.upper()] == 1 and a.upper() not in {x.upper() for x in by}
                  and not _contains(_atok(a), _atok(n)) and not _contains(_atok(n), _atok(a))]
            if al and _h(n, "rv") % 3:
                a = al[_h(n, "ra") % len(al)]
                add(rnd.choice(["Which charmap lists {v} as an alias?", "{v} is an alias of which charmap?"]).format(v=a),
                    [n], "reverse", [did[n]], "reverse-alias", value=a)
                used.add((n, "alias"))
            elif r["source"] and src_owner[r["source"]] == 1 and (n, "source") not in used and len(r["source"]) <= 60:
                add(f"Which charmap's header gives its source as \"{r['source']}\"?", [n], "reverse", [did[n]],
                    "reverse-source", value=r["source"])
                used.add((n, "source"))
        # comparisons
        ck = list(CMP)
        pool = [n for n in names]
        tries = 0
        while sum(i["type"] == "comparison" for i in items) < want["comparison"] and tries < 5000:
            tries += 1
            k = ck[tries % len(ck)]
            a, b = rnd.sample(pool, 2)
            tpl, f, pick = CMP[k]
            fa, fb = f(by[a]), f(by[b])
            fld = k.split("-")[1]
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
            add(f"Which charmap in this catalogue {cond_text(c1, v1)} and {cond_text(c2, v2)}?", [w], "filter",
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
            q = rnd.choice(["Of {l}, which one {c}?", "Which of these charmaps {c}: {l}?"])
            add(q.format(l=", ".join(cands), c=cond_text(c, v)), [hits[0]], "filter", [did[hits[0]]], "filter-among",
                options=cands, where={c: v}, candidates=cands)
            used.update((x, "filter-" + c) for x in cands)
        # unanswerables
        for f in absent_by[s]:
            nm = snap["files"][f]["name"]
            k = ["chars", "mbmax", "alias", "source", "euro", "unused"][_h(f, "ab") % 6]
            q = SINGLE[k][0][0].format(n=nm) if k != "euro" else f"At which byte does {nm} encode the euro sign?"
            add(q, [], "unanswerable", [], "absent-charmap", charmap=nm)
        fields = list(ABSENT_FIELDS)
        rnd.shuffle(fields)
        pages = [n for n in names]
        rnd.shuffle(pages)
        i = 0
        while sum(it["type"] == "unanswerable" for it in items) < want["unanswerable"]:
            f, n = fields[i % len(fields)], pages[i]
            add(ABSENT_FIELDS[f][0].format(n=n), [], "unanswerable", [], "absent-field", field=f, charmap=n)
            i += 1
        rnd.shuffle(items)
        for j, it in enumerate(items, 1):
            it_id = f"c13-{s}-{j:03d}"
            items[j - 1] = {"id": it_id, **it}
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
    by = {r["name"]: r for r in recs}
    did = {r["name"]: doc_id(r) for r in recs}
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
    results.append(("questions generated again (seed 13) equal dev.jsonl and test.jsonl byte for byte", bad))
    bad = [f"{r['file']}: not CHOSEN" for r in recs if r["file"] not in CHOSEN]
    bad += [f"{r['file']}: code set name {r['name']} != files index {snap['files'][r['file']]['name']}" for r in recs
            if snap["files"].get(r["file"], {}).get("name") != r["name"]]
    bad += [f"{r['name']}: aliases differ from files index" for r in recs if snap["files"][r["file"]]["aliases"] != r["aliases"]]
    bad += [f"{r['name']}: id clash" for r in recs if sum(did[x] == did[r["name"]] for x in did) > 1]
    bad += [f"{r['name']}: mb_cur_max {r['mb_cur_max']} < longest sequence {r['longest']}" for r in recs
            if r["mb_cur_max"] and int(r["mb_cur_max"]) < r["longest"]]
    results.append((f"records are the CHOSEN files ({len(recs)}), names and aliases agree with the index, ids unique", bad))
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
    bad += [n for n in by if did[n] not in docs or docs[did[n]].title != n or docs[did[n]].metadata.get("charmap") != n]
    results.append((f"corpus scans with no problems and loads {len(docs)} documents titled by their code set", bad))
    full = {i: d.title + "\n" + d.text for i, d in docs.items()}
    low = {i: t.lower() for i, t in full.items()}
    ftoks = {i: answer_tokens(t) for i, t in full.items()}
    bad = []
    for n, r in by.items():
        t = low[did[n]]
        vals = [n, r["file"], str(len(r["aliases"])), str(r["characters"]), str(r["unused_first_bytes"])] + r["aliases"]
        vals += [x for x in (r["mb_cur_max"], r["mb_cur_min"], r["source"], r["version"], r["date"], r["euro"]) if x]
        vals += [ASCII_YES if r["ascii_compatible"] else ASCII_NO, WIDTH_YES if r["width_section"] else WIDTH_NO]
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
            if not re.fullmatch(rf"c13-{s}-\d\d\d", it.id) or not it.meta.get("kind"):
                idb.append(f"{it.id}: id or kind")
            if it.answerable != bool(it.evidence) or any(e not in docs for e in it.evidence):
                idb.append(f"{it.id}: evidence")
            if bool(it.options) != (it.type == "comparison" or it.meta.get("kind") == "filter-among"):
                idb.append(f"{it.id}: options")
            if not it.answerable:
                if not is_correct(it, "The documents do not say.", False):
                    abst.append(f"{it.id}: abstention scores wrong")
                for made_up in ("ISO-8859-1.", "256.", "It has 2 aliases.", "/x80", "2"):
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
            if it.options:
                if g0 not in it.options:
                    cmpw.append(f"{it.id}: gold not an option")
                others = [o for o in it.options if o != g0]
                for w in others:
                    for t in (w, f"{w} does.", f"The answer is {w}.", f"{g0} or {w}", f"{w} or {g0}", f"{g0} and {w}."):
                        if is_correct(it, t, False):
                            cmpw.append(f"{it.id}: {t!r} scores correct")
                if is_correct(it, and_list(it.options), False):
                    cmpw.append(f"{it.id}: listing every option scores correct")
            if it.type in ("reverse", "filter"):
                cmpw += [f"{it.id}: {o} scores correct" for o in by if o != g0 and is_correct(it, o, False)]
    results += [("ids c13-<split>-NNN unique, kinds, evidence ids exist (none on unanswerables), options where due", idb),
                ("every gold occurs in an evidence page (case-insensitive text and accuracy tokens)", gold_in),
                ("every gold scores correct alone and in a sentence; no bare yes/no gold; count + 1 scores wrong", gold_ok),
                ("wrong options, hedges and other charmaps' names score wrong", cmpw),
                ("abstention scores correct exactly on unanswerables; made-up answers wrong there", abst)]
    # 4. facts against the snapshot
    facts = []
    for s in rows:
        for r in rows[s]:
            k = r["kind"]
            if r["type"] == "single_hop" or k.startswith("hop-"):
                n = [x for x in by if did[x] == r["evidence"][0]][0]
                f = r.get("field", k)
                if r["answers"] != SINGLE[f][1](by[n]):
                    facts.append(f"{r['id']}: gold differs from the snapshot")
                if k.startswith("hop-") and (r["alias"] not in by[n]["aliases"]
                                             or sum(r["alias"].upper() in map(str.upper, x["aliases"]) for x in recs) != 1):
                    facts.append(f"{r['id']}: alias not unique to its page")
            elif k == "reverse-alias":
                if [x for x in by if r["value"].upper() in map(str.upper, by[x]["aliases"])] != r["answers"]:
                    facts.append(f"{r['id']}: alias owner")
            elif k == "reverse-source":
                if [x for x in by if by[x]["source"] == r["value"]] != r["answers"]:
                    facts.append(f"{r['id']}: source owner")
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
    results.append(("facts agree with snapshot.json (values, alias and source owners, winners, filters)", facts))
    # 5. split separation, unanswerables
    sp = split_pages(recs)

    def pages_of(s):
        out = set()
        for r in rows[s]:
            out |= set(r["evidence"]) | {did[c] for c in r.get("candidates", [])}
            out |= {did[o] for o in r.get("options", [])}
            if r["kind"] == "absent-field":
                out.add(did[r["charmap"]])
        return out

    sep = [f"{p} asked in both splits" for p in pages_of("dev") & pages_of("test")]
    sep += [f"{s}: {p} is a {('dev', 'test')[s == 'dev']} page" for s in rows for p in pages_of(s)
            if sp[[x for x in by if did[x] == p][0]] != s]
    qd = {" ".join(answer_tokens(it.question)) for it in items["dev"]}
    sep += [it.id for it in items["test"] if " ".join(answer_tokens(it.question)) in qd]
    ab = {s: {r.get("charmap") for r in rows[s] if r["kind"] == "absent-charmap"} for s in rows}
    sep += sorted(ab["dev"] & ab["test"])
    results.append(("no page asked about in both splits, no absent charmap in both, no question repeated", sep))
    corpus_low = "\n".join(low.values())
    ctoks = set(answer_tokens(corpus_low))
    un = []
    for f in ABSENT:
        info = snap["files"][f]
        for nm in [info["name"]] + info["aliases"]:
            if f in CHOSEN or contains_tokens(answer_tokens(corpus_low), answer_tokens(nm)):
                un.append(f"ABSENT {f}: {nm} catalogued or on a page")
    for f, (_, words) in ABSENT_FIELDS.items():
        for wd in words:
            if (" " in wd and wd in corpus_low) or wd in ctoks or any(t.startswith(wd) for t in ctoks):
                un.append(f"ABSENT_FIELDS {f}: the corpus holds {wd!r}")
    for s in rows:
        for r in rows[s]:
            if r["kind"] == "absent-charmap" and (r["charmap"] not in [snap["files"][f]["name"] for f in ABSENT]
                                                  or r["charmap"] not in r["question"]):
                un.append(r["id"])
            if r["kind"] == "absent-field" and (r["field"] not in ABSENT_FIELDS or r["charmap"] not in by):
                un.append(r["id"])
    results.append(("unanswerables: absent charmaps' names and aliases on no page; absent fields' words on no page", un))
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
