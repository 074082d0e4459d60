"""Build the catalog42 evaluation corpus: the text codecs of this machine's Python 3.11.

    PYTHONPATH=src python scripts/build_catalog42.py snapshot [--force]  # import codecs/encodings -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog42.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog42.py check               # snapshot only, no model; PASS/FAIL

`snapshot` lists the codec modules under `encodings/` (pkgutil), reads `encodings.aliases.aliases`, and for each
text codec records `codecs.lookup(name).name`, the docstring's first line, a charmap codec's `decoding_table`, the
`_codecs_*` C module a CJK codec is built on, the Unicode names of bytes 0x80, 0xA4 and 0xFF, whether bytes
0x00-0x7F decode as ASCII, and how many bytes the fixed test string encodes to. `build` renders one page per
catalogued codec (all kept modules but ABSENT) as `<group>/<module>.md` in one of three layouts (sheet, card, prose),
the register `aliases.csv`, and dev.jsonl / test.jsonl (seed SEED). `check` reads only snapshot.json and the files.
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
OUT = ROOT / "evalsets" / "catalog42"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 42
PREFIX = "c42"
TEST_STRING = "Grüße 5€"
# binary/text transforms, Windows-only modules and the two non-codecs are not records
SKIP = {"aliases", "mbcs", "oem", "base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "uu_codec",
        "zlib_codec", "rot_13", "charmap", "undefined"}
# kept out to hold the corpus near 85 pages (not catalogued, but not ABSENT either)
DROP = {"iso2022_jp_1", "iso2022_jp_3", "iso2022_jp_ext", "euc_jisx0213", "shift_jisx0213", "cp860", "cp861",
        "cp863", "cp865", "cp1026", "cp875", "cp856", "mac_farsi", "mac_romanian", "utf_32_le", "utf_16_le",
        "iso8859_14", "raw_unicode_escape"}
ABSENT = {"dev": ["cp1255", "mac_greek", "euc_kr"], "test": ["cp862", "iso8859_7", "big5hkscs"]}
ABSENT_Q = {
    "cp1255": ["Which character does byte 0x80 decode to in the cp1255 codec?",
               "How many of the 256 bytes does cp1255 leave undefined?"],
    "mac_greek": ["What is the canonical lookup name of the mac_greek codec?"],
    "euc_kr": ["Which _codecs C module does the euc_kr codec use?"],
    "cp862": ["How many bytes does the test string encode to with cp862?",
              "What does byte 0xFF decode to in code page 862 (cp862)?"],
    "iso8859_7": ["Which aliases resolve to the iso8859_7 codec?",
                  "How many bytes of iso8859_7 are undefined?"],
    "big5hkscs": ["Which C module provides the big5hkscs codec?",
                  "How many aliases does Python list for big5hkscs?"],
}  # fmt: skip
ABSENT_FIELDS = {
    "year": ("In which year was the character set behind the {k} codec first published?",
             r"\b(?:1[89]\d\d|20[0-2]\d)\b"),
    "version": ("Which Python version added the {k} codec?", r"new in version|added in|introduced in|since python"),
    "author": ("Who wrote Python's {k} codec module?", r"written by|\bauthor|lemburg|contributed by"),
    "mib": ("What is the IANA MIBenum number of the {k} character set?", r"mibenum|\biana\b"),
}
WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
ABSENT_N = {"dev": 4, "test": 6}
YESNO = {"dev": 2, "test": 4}
LAYOUTS = ("sheet", "card", "prose")
BYTES = ("80", "A4", "FF")

# ------------------------------------------------------------------ snapshot


def scan() -> dict:
    import codecs
    import encodings
    import encodings.aliases
    import importlib
    import pkgutil
    import platform
    import unicodedata

    def cname(ch: str) -> str | None:
        if ch == "\ufffe":
            return None
        return unicodedata.name(ch, f"control character U+{ord(ch):04X}")

    mods = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__))
    out = {}
    for m in mods:
        if m in SKIP:
            continue
        mod = importlib.import_module(f"encodings.{m}")
        info = codecs.lookup(m)
        r = {"canonical": info.name,
             "doc": ((mod.__doc__ or "").strip().splitlines() or [""])[0].strip(),
             "table": getattr(mod, "decoding_table", None),
             "c_module": next((k for k in sorted(vars(mod)) if k.startswith("_codecs_")), None),
             "multibyte": "_multibytecodec" in vars(mod) or "mbc" in vars(mod)}
        if r["table"] is not None:
            r["byte_names"] = {b: cname(r["table"][int(b, 16)]) for b in BYTES}
        try:
            r["ascii_match"] = bytes(range(128)).decode(m) == "".join(map(chr, range(128)))
        except Exception:  # noqa: BLE001
            r["ascii_match"] = False
        try:
            r["test_bytes"] = len(TEST_STRING.encode(m))
        except UnicodeError:
            r["test_bytes"] = None
        out[m] = r
    return {"source": "this machine's Python: pkgutil.iter_modules(encodings.__path__), encodings.aliases.aliases, "
                      "codecs.lookup, each module's docstring and decoding_table, unicodedata.name",
            "python": platform.python_version(), "system": platform.system(), "test_string": TEST_STRING,
            "modules": mods, "aliases": dict(sorted(encodings.aliases.aliases.items())), "codecs": out}


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=1) + "\n", encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}: {len(snap['modules'])} modules, {len(snap['codecs'])} text codecs, "
          f"{len(snap['aliases'])} aliases")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def group(m: str) -> str:
    if m.startswith("iso8859") or m == "latin_1":
        return "iso-8859"
    if m.startswith("mac_"):
        return "mac"
    if m.startswith("utf") or m.endswith("unicode_escape"):
        return "unicode"
    if m in {"cp037", "cp273", "cp424", "cp500", "cp1140", "cp1026", "cp875"}:
        return "ebcdic"
    if re.fullmatch(r"cp12\d\d|cp874|cp1006", m):
        return "windows"
    if re.fullmatch(r"cp\d{3}|cp1125", m) and m not in {"cp932", "cp949", "cp950"}:
        return "dos"
    if m in {"cp932", "cp949", "cp950", "hz", "johab", "gbk", "gb2312", "gb18030"} or \
            m.startswith(("big5", "euc_", "iso2022", "shift_jis")):
        return "cjk"
    return "other"


def kind(m: str, c: dict) -> str:
    if c["table"] is not None:
        return "charmap table"
    if c["c_module"]:
        return "multibyte CJK"
    if m.startswith("utf"):
        return "UTF family"
    if m.endswith("unicode_escape"):
        return "escape codec"
    if m in {"idna", "punycode"}:
        return "domain-name codec"
    return "built-in single-byte"


def records(snap: dict) -> list[dict]:
    recs = []
    for m, c in snap["codecs"].items():
        if m in DROP or m in absent_ids():
            continue
        r = {"id": m, "canonical": c["canonical"], "doc": c["doc"] or "none", "kind": kind(m, c),
             "aliases": sorted(a for a, v in snap["aliases"].items() if v == m), "c_module": c["c_module"],
             "ascii": c["ascii_match"], "test_bytes": c["test_bytes"], "group": group(m)}
        if c["table"] is not None:
            r["undefined"] = c["table"].count("\ufffe")
            r["names"] = {b: (c["byte_names"][b] or "undefined") for b in BYTES}
        r["doc_id"] = f"{r['group']}/{m}"
        recs.append(r)
    return recs


def reg_rows(snap: dict, recs: list[dict]) -> list[dict]:
    by = {r["id"]: r for r in recs}
    return [{"id": a, "codec": v, "lookup_name": by[v]["canonical"]}
            for a, v in snap["aliases"].items() if v in by]


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def split_of(m: str) -> str:
    return "dev" if _h(f"catalog42:split{m}") % 3 == 0 else "test"


def layout_of(recs: list[dict]) -> dict[str, str]:
    order = sorted(recs, key=lambda r: _h(f"catalog42:layout{r['id']}"))
    return {r["id"]: LAYOUTS[i % 3] for i, r in enumerate(order)}


# ------------------------------------------------------------------ rendering


def lst(xs: list[str]) -> str:
    return ", ".join(xs) if xs else "none"


def tb(r: dict) -> str:
    return f"{r['test_bytes']} bytes" if r["test_bytes"] is not None else "cannot encode it (UnicodeEncodeError)"


def fields(r: dict, snap: dict) -> list[tuple[str, str]]:
    f = [("Module", f"encodings.{r['id']}"), ("Canonical name (codecs.lookup)", r["canonical"]),
         ("Kind", r["kind"]), ("Docstring first line", r["doc"]),
         ("Alias count", str(len(r["aliases"]))),
         ("Aliases", "see aliases.csv rows " + ", ".join(r["aliases"]) if r["aliases"] else "none listed")]
    if "undefined" in r:
        f += [("Undefined bytes (of 256)", str(r["undefined"])), ("Byte 0x80 decodes to", r["names"]["80"]),
              ("Byte 0xA4 decodes to", r["names"]["A4"]), ("Byte 0xFF decodes to", r["names"]["FF"])]
    if r["c_module"]:
        f.append(("C codec module", r["c_module"]))
    f += [("Bytes 0x00-0x7F", "identical to ASCII" if r["ascii"] else "differ from ASCII"),
          (f"Test string '{snap['test_string']}' encoded", tb(r))]
    return f


def front(r: dict) -> str:
    return (f"---\ncodec: \"{r['id']}\"\ncanonical: \"{r['canonical']}\"\ngroup: \"{r['group']}\"\n"
            f"kind: \"{r['kind']}\"\n---\n\n")


def render(r: dict, lay: str, snap: dict) -> str:
    f = fields(r, snap)
    d = dict(f)
    head = front(r) + f"# Codec {r['id']}\n\n"
    if lay == "sheet":
        body = "| Field | Value |\n|---|---|\n" + "".join(f"| {a} | {b.replace('|', '/')} |\n" for a, b in f)
    elif lay == "card":
        n = 6
        secs = [("Identity", f[:n]), ("Bytes and characters", f[n:])]
        body = "\n".join(f"## {t}\n\n" + "".join(f"- {a}: {b}\n" for a, b in xs) for t, xs in secs)
    else:
        v = _h(f"catalog42:prose{r['id']}") % 3
        p1 = [f"The module encodings.{r['id']} registers a codec that codecs.lookup names {r['canonical']}.",
              f"Looking up {r['id']} with codecs.lookup gives the canonical name {r['canonical']}.",
              f"Python finds this codec in encodings.{r['id']}; its canonical name is {r['canonical']}."][v]
        p1 += (f" It is a {r['kind']} codec. The first line of its docstring reads: {r['doc']}")
        p1 += "" if r["doc"].endswith(".") else "."
        al = (f" Aliases: see aliases.csv rows {', '.join(r['aliases'])}." if r["aliases"] else
              " Python lists no alias for it.")
        p1 += [f" It has {len(r['aliases'])} aliases.", f" Alias count: {len(r['aliases'])}.",
               f" The alias table holds {len(r['aliases'])} names for it."][v] + al
        s = []
        if "undefined" in r:
            s.append([f"Of its 256 bytes, {r['undefined']} are undefined.",
                      f"Undefined bytes: {r['undefined']} of 256.",
                      f"Its decoding table leaves {r['undefined']} of the 256 bytes undefined."][v])
            s.append(f"Byte 0x80 decodes to {r['names']['80']}, byte 0xA4 to {r['names']['A4']} and byte 0xFF to "
                     f"{r['names']['FF']}.")
        if r["c_module"]:
            s.append(f"The work is done by the C codec module {r['c_module']}.")
        s.append(["Its bytes 0x00-0x7F are identical to ASCII." if r["ascii"] else
                  "Its bytes 0x00-0x7F differ from ASCII.",
                  "Bytes 0x00-0x7F: " + ("identical to ASCII." if r["ascii"] else "differ from ASCII."),
                  ("The lower half, 0x00-0x7F, is identical to ASCII." if r["ascii"] else
                   "The lower half, 0x00-0x7F, differs from ASCII.")][v])
        s.append(f"The test string '{snap['test_string']}' encoded: {tb(r)}.")
        body = p1 + "\n\n" + " ".join(s) + "\n"
    return head + body + "\n" + (f"Source: encodings and codecs of this machine's Python {snap['python']} "
                                 f"({snap['system']}).") + "\n"


def csv_text(rows_: list[dict]) -> str:
    b = io.StringIO()
    w = csv.DictWriter(b, fieldnames=list(rows_[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows_)
    return b.getvalue()


def render_all(snap: dict) -> dict[str, str]:
    recs = records(snap)
    lay = layout_of(recs)
    pages = {f"{r['doc_id']}.md": render(r, lay[r["id"]], snap) for r in recs}
    pages["aliases.csv"] = csv_text(reg_rows(snap, recs))
    return pages


# ------------------------------------------------------------------ questions


def make_questions(snap: dict) -> dict[str, list[dict]]:
    rng = random.Random(SEED)
    recs = records(snap)
    by = {r["id"]: r for r in recs}
    rows_ = {x["id"]: x for x in reg_rows(snap, recs)}
    allc = snap["codecs"]
    out = {}
    for s in ("dev", "test"):
        mine = [r for r in recs if split_of(r["id"]) == s]
        rng.shuffle(mine)
        regs = [x for x in rows_.values() if split_of(x["codec"]) == s]
        rng.shuffle(regs)
        used: Counter = Counter()
        facts: set = set()
        qs: list[dict] = []

        def add(typ, q, ans, ev, fact, **kw):
            if fact in facts or any(used[e] >= 3 for e in ev):
                return False
            if not kw.get("options") and any(a.lower() in q.lower() for a in ans):
                return False
            facts.add(fact)
            for e in ev:
                used[e] += 1
            qs.append({"question": q, "answers": ans, "type": typ, "evidence": ev, **kw})
            return True

        # single_hop
        sh = []
        for r in mine:
            k, ev = r["id"], [r["doc_id"]]
            if r["canonical"] != k:
                sh.append((rng.choice([f"What canonical name does codecs.lookup give for the {k} codec?",
                                       f"Under which name does codecs.lookup('{k}') report the codec?"]),
                           [r["canonical"]], ev, (k, "canonical")))
            sh.append((rng.choice([f"What kind of codec is {k}?", f"Is {k} a charmap table, multibyte CJK, UTF "
                                   f"family or some other kind of codec?"]), [r["kind"]], ev, (k, "kind")))
            sh.append((rng.choice([f"How many aliases does Python's alias table list for {k}?",
                                   f"How many alias names resolve to the {k} codec?"]),
                       [str(len(r["aliases"]))], ev, (k, "nalias")))
            if r["test_bytes"] is not None:
                sh.append((rng.choice([f"How many bytes long is '{snap['test_string']}' encoded with {k}?",
                                       f"Encoding the test string '{snap['test_string']}' as {k} gives how many "
                                       f"bytes?"]), [str(r["test_bytes"])], ev, (k, "testbytes")))
            if "undefined" in r:
                sh.append((rng.choice([f"How many of the 256 byte values does {k} leave undefined?",
                                       f"How many undefined bytes are in the {k} decoding table?"]),
                           [str(r["undefined"])], ev, (k, "undefined")))
                b = rng.choice(BYTES)
                sh.append((rng.choice([f"Which character does byte 0x{b} decode to in {k}?",
                                       f"In the {k} codec, what is byte 0x{b}?"]), [r["names"][b]], ev,
                           (k, "byte" + b)))
            if r["c_module"]:
                sh.append((f"Which C codec module does {k} rely on?", [r["c_module"]], ev, (k, "cmod")))
        for x in regs:
            sh.append((rng.choice([f"Which codec module does the alias {x['id']} resolve to?",
                                   f"If you pass '{x['id']}' as an encoding name, which encodings module is used?"]),
                       [x["codec"]], [f"aliases#{x['id']}"], (x["id"], "regcodec")))
        rng.shuffle(sh)
        n = 0
        for q, a, ev, f in sh:
            if n < WANT[s]["single_hop"] and not any(q2["question"] == q for q2 in qs):
                n += add("single_hop", q, a, ev, f, kind="s-" + f[1], ref=f[0])
        # reverse
        cnt = Counter((b, c["byte_names"][b]) for m, c in allc.items() if c["table"] is not None for b in BYTES)
        pool = []
        for r in mine:
            if "names" in r:
                for b in BYTES:
                    nm = r["names"][b]
                    if nm != "undefined" and not nm.startswith("control") and cnt[(b, nm)] == 1:
                        pool.append((rng.choice([f"Which codec decodes byte 0x{b} to {nm}?",
                                                 f"In which code page does byte 0x{b} stand for {nm}?"]),
                                     r, (r["id"], "rbyte" + b), "r-byte"))
            for a in r["aliases"]:
                if a.replace("_", "") != r["id"].replace("_", "") and r["id"] not in a:
                    pool.append((rng.choice([f"Which codec has the alias {a}?",
                                             f"The encoding name {a} is an alias of which codec?"]),
                                 r, (a, "ralias"), "r-alias"))
        rng.shuffle(pool)
        n = 0
        for q, r, f, kd in pool:
            if n < WANT[s]["reverse"]:
                n += add("reverse", q, [r["id"]], [r["doc_id"]], f, kind=kd, ref=r["id"])
        # multi_hop: row -> page
        pool = []
        for x in regs:
            r = by[x["codec"]]
            row = f"aliases#{x['id']}"
            pool.append((rng.choice([f"What kind of codec does the alias {x['id']} resolve to?",
                                     f"The encoding name {x['id']} points at a codec; what kind of codec is it?"]),
                         [r["kind"]], [row, r["doc_id"]], (r["id"], "kind"), "m-kind"))
            if "undefined" in r:
                pool.append((f"How many bytes are undefined in the codec that the alias {x['id']} names?",
                             [str(r["undefined"])], [row, r["doc_id"]], (r["id"], "undefined"), "m-undef"))
                pool.append((f"Which character does byte 0xA4 decode to in the codec behind the alias {x['id']}?",
                             [r["names"]["A4"]], [row, r["doc_id"]], (r["id"], "byteA4"), "m-byteA4"))
            if r["test_bytes"] is not None:
                pool.append((f"How many bytes does '{snap['test_string']}' take when encoded with the codec the alias "
                             f"{x['id']} resolves to?", [str(r["test_bytes"])], [row, r["doc_id"]],
                             (r["id"], "testbytes"), "m-testbytes"))
        rng.shuffle(pool)
        n = 0
        for q, a, ev, f, kd in pool:
            if n < WANT[s]["multi_hop"]:
                n += add("multi_hop", q, a, ev, f, kind=kd, ref=f[0])
        # comparison
        n, tries, yn = 0, 0, 0
        withal = [r for r in mine if r["aliases"]]
        allal = [x["id"] for x in rows_.values() if split_of(x["codec"]) == s]
        while n < WANT[s]["comparison"] and tries < 4000:
            tries += 1
            if yn < YESNO[s]:
                r = rng.choice(withal)
                want_yes = yn % 2 == 0
                a = rng.choice(r["aliases"]) if want_yes else rng.choice([x for x in allal if x not in r["aliases"]])
                if r["id"] in a or a.replace("_", "") == r["id"].replace("_", ""):
                    continue
                if add("comparison", rng.choice([f"Is {a} an alias of the codec {r['id']}?",
                                                 f"Does the alias {a} resolve to {r['id']}?"]),
                       ["yes" if want_yes else "no"], [r["doc_id"]], (a, "yn"), options=["yes", "no"],
                       derived=True, kind="yn-alias", ref=r["id"]):
                    n += 1
                    yn += 1
                continue
            fld, q = rng.choice([("undefined", "Which codec leaves more bytes undefined, {a} or {b}?"),
                                 ("test_bytes", "Which codec encodes '" + snap["test_string"] +
                                  "' into more bytes, {a} or {b}?"),
                                 ("nalias", "Which codec has more aliases, {a} or {b}?")])
            a, b = rng.sample(mine, 2)
            va = len(a["aliases"]) if fld == "nalias" else a.get(fld)
            vb = len(b["aliases"]) if fld == "nalias" else b.get(fld)
            if va is None or vb is None or va == vb:
                continue
            w = a if va > vb else b
            if add("comparison", q.format(a=a["id"], b=b["id"]), [w["id"]], [a["doc_id"], b["doc_id"]],
                   (tuple(sorted([a["id"], b["id"]])), fld), options=[a["id"], b["id"]], kind="c-" + fld):
                n += 1
        # filter
        pool = []
        und = Counter(c["table"].count("\ufffe") for c in allc.values() if c["table"] is not None)
        for r in mine:
            if "undefined" in r and und[r["undefined"]] == 1:
                pool.append((rng.choice([f"Which charmap codec leaves exactly {r['undefined']} bytes undefined?",
                                         f"Which code page has exactly {r['undefined']} undefined bytes?"]), r,
                             (r["id"], "undefined"), "f-undef"))
        cm = Counter(c["c_module"] for c in allc.values() if c["c_module"])
        for r in mine:
            if r["c_module"] and cm[r["c_module"]] == 1:
                pool.append((f"Which codec is the only one built on the C module {r['c_module']}?", r,
                             (r["id"], "cmod"), "f-cmod"))
        tbc = Counter(c["test_bytes"] for c in allc.values())
        for r in mine:
            if r["test_bytes"] is not None and tbc[r["test_bytes"]] == 1:
                pool.append((f"Which codec encodes '{snap['test_string']}' into exactly {r['test_bytes']} bytes?",
                             r, (r["id"], "testbytes"), "f-testbytes"))
        nal = Counter(sum(v == m for v in snap["aliases"].values()) for m in allc)
        for r in mine:
            if r["aliases"] and nal[len(r["aliases"])] == 1:
                pool.append((f"Which codec has exactly {len(r['aliases'])} aliases?", r, (r["id"], "nalias"),
                             "f-nalias"))
        rng.shuffle(pool)
        n = 0
        among = {"dev": 2, "test": 3}[s]
        while n < among:
            r = rng.choice([x for x in mine if not x["ascii"]])
            others = rng.sample([x for x in mine if x["ascii"]], 3)
            opts = [r] + others
            rng.shuffle(opts)
            if add("filter", "Among " + ", ".join(o["id"] for o in opts[:-1]) + f" and {opts[-1]['id']}, which "
                   "codec does not decode bytes 0x00-0x7F as ASCII?", [r["id"]], [o["doc_id"] for o in opts],
                   (r["id"], "ascii"), options=[o["id"] for o in opts], kind="f-among"):
                n += 1
        for q, r, f, kd in pool:
            if n < WANT[s]["filter"]:
                n += add("filter", q, [r["id"]], [r["doc_id"]], f, kind=kd, ref=r["id"])
        # unanswerable
        un = []
        for k in ABSENT[s]:
            un += [(q, "absent-codec", k) for q in ABSENT_Q[k]]
        un = un[:ABSENT_N[s]]
        fl = list(ABSENT_FIELDS)
        for i in range(WANT[s]["unanswerable"] - len(un)):
            r = mine[i]
            un.append((ABSENT_FIELDS[fl[i % len(fl)]][0].format(k=r["id"]), "absent-field:" + fl[i % len(fl)],
                       r["id"]))
        for q, kd, k in un:
            qs.append({"question": q, "answers": [], "type": "unanswerable", "evidence": [], "kind": kd, "ref": k})
        rng.shuffle(qs)
        out[s] = [{"id": f"{PREFIX}-{s}-{i + 1:03d}", **q} for i, q in enumerate(qs)]
    return out


def qa_text(rows_: list[dict]) -> str:
    return "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows_)


def build(force: bool) -> None:
    snap = load_snapshot()
    if CORPUS.exists() and not force:
        sys.exit(f"{CORPUS} exists; pass --force to render again")
    pages = render_all(snap)
    for p in CORPUS.rglob("*"):
        if p.is_file():
            p.unlink()
    for rel, text in pages.items():
        (CORPUS / rel).parent.mkdir(parents=True, exist_ok=True)
        (CORPUS / rel).write_text(text, encoding="utf-8")
    qs = make_questions(snap)
    for s, rows_ in qs.items():
        (OUT / f"{s}.jsonl").write_text(qa_text(rows_), encoding="utf-8")
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    (OUT / "test.jsonl.sha256").write_text(f"{digest}  test.jsonl\n", encoding="utf-8")
    print(f"{len(pages) - 1} pages, aliases.csv; dev {len(qs['dev'])}, test {len(qs['test'])}")


# ------------------------------------------------------------------ check


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\\|", "|")).lower()


def numforms(g: str) -> list[str]:
    return [g, f"{int(g):,}"] if g.isdigit() else [g]


def check() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    results = []
    pages = render_all(snap)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [k for k in pages if on_disk.get(k) != pages[k]] + [k for k in on_disk if k not in pages]
    results.append((f"snapshot rendered again equals corpus/ ({len(pages) - 1} pages + aliases.csv)", bad))
    qs = make_questions(snap)
    bad = [s for s in qs if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl", bad))
    bad = [] if snap["python"].startswith("3.11") else [snap["python"]]
    bad += [a for a in absent_ids() if a not in snap["codecs"]]
    results.append((f"snapshot: Python {snap['python']}, {len(snap['modules'])} modules, {len(snap['codecs'])} "
                    f"text codecs, {len(snap['aliases'])} aliases; ABSENT codecs are real", bad))
    found, problems = scan_corpus(CORPUS)
    docs, bad = {}, [str(p) for p in problems]
    for f in found:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                bad.append(str(d))
    recs = records(snap)
    regrows = reg_rows(snap, recs)
    want = {r["doc_id"] for r in recs} | {f"aliases#{x['id']}" for x in regrows}
    if set(docs) != want:
        bad.append(f"ids differ: {sorted(set(docs) ^ want)[:5]}")
    lay = Counter(layout_of(recs).values())
    results.append((f"corpus loads {len(docs)} documents ({len(recs)} pages, {len(regrows)} register rows); "
                    f"layouts {dict(lay)}", bad))
    rows_ = {s: [json.loads(x) for x in (OUT / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()]
             for s in ("dev", "test")}
    bad = []
    for s in rows_:
        try:
            load_qa(OUT / f"{s}.jsonl", corpus_ids=set(docs))
        except Exception as e:  # noqa: BLE001
            bad.append(f"{s}: {e}")
    ids = [q["id"] for s in rows_ for q in rows_[s]]
    bad += [f"id {i} twice" for i, c in Counter(ids).items() if c > 1]
    codec_of = {f"aliases#{x['id']}": x["codec"] for x in regrows}
    for s in rows_:
        for q in rows_[s]:
            if not q["id"].startswith(f"{PREFIX}-{s}-"):
                bad.append(f"{q['id']}: id of the other split")
            if q["type"] == "unanswerable":
                if q["answers"] or q["evidence"]:
                    bad.append(f"{q['id']}: unanswerable with answers or evidence")
                continue
            if not q["answers"] or not q["evidence"] or any(e not in docs for e in q["evidence"]):
                bad.append(f"{q['id']}: answers or evidence missing")
            if q["type"] == "multi_hop" and len(q["evidence"]) < 2:
                bad.append(f"{q['id']}: chain with one document")
            if q.get("options") and not set(q["answers"]) <= set(q["options"]):
                bad.append(f"{q['id']}: gold not among options")
            if (q.get("options") == ["yes", "no"]) != bool(q.get("derived")):
                bad.append(f"{q['id']}: derived flag")
            for e in q["evidence"]:
                k = codec_of.get(e, e.split("/")[-1])
                if split_of(k) != s:
                    bad.append(f"{q['id']}: evidence {e} of the other split")
    results.append(("load_qa reads both splits; ids unique and of their split; evidence exists and is of the "
                    "item's split; unanswerables empty; golds among options; yes/no items derived", bad))
    bad = []
    by = {r["id"]: r for r in recs}
    for s in rows_:
        for q in rows_[s]:
            if q["type"] == "unanswerable":
                continue
            texts = [norm(docs[e].text) for e in q["evidence"] if e in docs]
            if q.get("derived"):
                r = by[q["ref"]]
                a = re.match(r"(?:Is|Does the alias) (\S+) ", q["question"]).group(1)
                if (a in r["aliases"]) != (q["answers"] == ["yes"]) or re.search(r"\b(?:yes|no)\b", texts[0]):
                    bad.append(f"{q['id']}: yes/no gold disagrees with the page")
                continue
            target = texts[-1:] if q["type"] == "multi_hop" else texts
            for g in q["answers"]:
                if not any(norm(f) in t for f in numforms(g) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in its evidence")
                if not q.get("options") and g.lower() in q["question"].lower():
                    bad.append(f"{q['id']}: gold {g!r} inside its question")
    results.append(("every gold occurs (case-insensitively) in an evidence document (the last, on chains); yes/no "
                    "golds agree with the page's alias list, and the page writes no yes/no word", bad))
    bad = []
    qd = {norm(q["question"]) for q in rows_["dev"]}
    bad += [q["id"] for q in rows_["test"] if norm(q["question"]) in qd]
    dk = {(q.get("ref"), q.get("kind")) for q in rows_["dev"]}
    bad += [q["id"] for q in rows_["test"] if q.get("ref") and (q.get("ref"), q.get("kind")) in dk]
    results.append(("no question and no fact in both dev and test (pages and rows split by codec)", bad))
    bad = []
    for k in absent_ids():
        names = {k, snap["codecs"][k]["canonical"]}
        for nm in names:
            pat = r"(?<![\w-])" + re.sub(r"\\?[-_]", "[-_ ]?", re.escape(nm)) + r"(?![\w-])"
            bad += [f"{k} named on {p}" for p, x in on_disk.items() if re.search(pat, x, re.I)]
    for f, (_, pat) in ABSENT_FIELDS.items():
        bad += [f"{f} pattern on {p}" for p, x in on_disk.items() if re.search(pat, x, re.I)]
    results.append(("unanswerables: left-out codecs (module or canonical name) named in no corpus file; absent "
                    "fields (year, Python version added, author, IANA MIBenum) on no page", bad))
    digest = hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest()
    ok = (OUT / "test.jsonl.sha256").read_text(encoding="utf-8") == f"{digest}  test.jsonl\n"
    results.append(("test.jsonl matches test.jsonl.sha256", [] if ok else ["sha256 mismatch"]))
    counts = {s: dict(Counter(q["type"] for q in rows_[s])) for s in rows_}
    results.append((f"split sizes and type mix (dev {len(rows_['dev'])}, test {len(rows_['test'])}): {counts}",
                    [f"{s}: {counts[s]} != {WANT[s]}" for s in WANT if counts[s] != WANT[s]]))
    fails = 0
    for name, b in results:
        print(("PASS" if not b else "FAIL") + f"  {name}")
        for x in b[:8]:
            print(f"      {x}")
        fails += bool(b)
    print(f"{len(results) - fails}/{len(results)} checks pass")
    return 1 if fails else 0


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
