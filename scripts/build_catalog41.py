"""Build the catalog41 evaluation corpus: Python 3.11's interactive help topics.

    PYTHONPATH=src python scripts/build_catalog41.py snapshot [--force]  # import pydoc -> snapshot.json
    PYTHONPATH=src python scripts/build_catalog41.py build [--force]     # snapshot.json -> corpus/, questions
    PYTHONPATH=src python scripts/build_catalog41.py check               # no pydoc import, no model; PASS/FAIL

`snapshot` reads this machine's Python (3.11.7): every topic text of `pydoc_data.topics.topics` and the three maps
of `pydoc.Helper` (keywords, symbols, upper-case help topics), and writes `evalsets/catalog41/snapshot.json`.
`build` renders one page per catalogued topic key (all but ABSENT), `<group>/<key>.md`, with YAML front matter and
one of three layouts (sheet, card, prose) dealt in the order of sha256("catalog41:layout<key>"), one register
`helptopics.csv` (one row per upper-case help topic that shows a catalogued topic), and dev.jsonl / test.jsonl
(seed SEED). `check` reads only the snapshot and the committed files.
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
OUT = ROOT / "evalsets" / "catalog41"
CORPUS = OUT / "corpus"
SNAPSHOT = OUT / "snapshot.json"
SEED = 41
PREFIX = "c41"
ABSENT = {"dev": ["bltin-null-object", "typesmodules", "dynamic-features"],
          "test": ["id-classes", "bltin-code-objects", "typesmethods"]}
ABSENT_Q = {
    "bltin-null-object": ["What heading does pydoc's 'bltin-null-object' topic open with?",
                          "How many paragraphs does the bltin-null-object help topic have?",
                          "Which upper-case help topic shows the bltin-null-object text?"],
    "typesmodules": ["How many characters long is the typesmodules help text?"],
    "dynamic-features": ["What is the first sentence of the dynamic-features topic?"],
    "id-classes": ["What heading opens the id-classes topic in pydoc?",
                   "How many paragraphs does the id-classes topic text have?"],
    "bltin-code-objects": ["Which keyword leads to the bltin-code-objects help topic?",
                           "How many characters are in pydoc's bltin-code-objects topic?"],
    "typesmethods": ["What is the heading of the typesmethods topic?",
                     "Which exceptions does the typesmethods help text name?"],
}  # fmt: skip
# Fields no page records: (template, a pattern no corpus file may match).
ABSENT_FIELDS = {
    "version": ("In which Python version was the feature described in the {k} topic added?",
                r"new in version|added in (?:python )?\d|versionadded|changed in version"),
    "pep": ("Which PEP introduced what the {k} help topic describes?", r"\bPEP\s*-?\s*\d+"),
    "author": ("Who wrote the {k} help topic text?", r"\bwritten by\b|\bauthor(?:s|ed)?\b|\bcontributed by\b"),
    "updated": ("When was the {k} help topic last updated?", r"\blast updated\b|\blast modified\b|\brevised on\b"),
}
WANT = {"dev": {"single_hop": 15, "unanswerable": 8, "comparison": 6, "filter": 6, "reverse": 5, "multi_hop": 5},
        "test": {"single_hop": 22, "unanswerable": 12, "comparison": 10, "filter": 9, "reverse": 9, "multi_hop": 8}}
ABSENT_N = {"dev": 4, "test": 6}
YESNO = {"dev": 2, "test": 4}
LAYOUTS = ("sheet", "card", "prose")
EXC_RE = re.compile(r"\b([A-Z][A-Za-z]*(?:Error|Exception|Warning|Iteration|Exit|Interrupt))\b")

# ------------------------------------------------------------------ snapshot


def scan() -> dict:
    import platform

    import pydoc
    import pydoc_data.topics as t

    H = pydoc.Helper
    return {"source": "this machine's Python: pydoc_data.topics.topics (the help topic texts) and the keywords, "
                      "symbols and topics maps of pydoc.Helper, read by importing pydoc and pydoc_data.topics",
            "python": platform.python_version(), "system": platform.system(),
            "keywords": {k: (list(v) if isinstance(v, tuple) else v) for k, v in H.keywords.items()},
            "symbols": dict(H.symbols),
            "helptopics": {k: (list(v) if isinstance(v, tuple) else v) for k, v in H.topics.items()},
            "topics": dict(sorted(t.topics.items()))}


def snapshot_text(snap: dict) -> str:
    parts = []
    for k, v in snap.items():
        if isinstance(v, dict):
            body = ",\n".join(f"  {json.dumps(a)}: {json.dumps(b, ensure_ascii=False)}" for a, b in v.items())
            parts.append(f" {json.dumps(k)}: {{\n{body}\n }}")
        else:
            parts.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def snapshot(force: bool) -> None:
    if SNAPSHOT.exists() and not force:
        sys.exit(f"{SNAPSHOT} exists (committed); pass --force to read again")
    snap = scan()
    OUT.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot_text(snap), encoding="utf-8")
    if json.loads(SNAPSHOT.read_text(encoding="utf-8")) != snap:
        sys.exit("snapshot.json does not read back as written")
    print(f"Python {snap['python']}: {len(snap['topics'])} topics, {len(snap['keywords'])} keywords, "
          f"{len(snap['symbols'])} symbols, {len(snap['helptopics'])} help topics")


def load_snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ records


def absent_ids() -> list[str]:
    return ABSENT["dev"] + ABSENT["test"]


def resolve(snap: dict, name: str, depth: int = 0) -> str | None:
    if depth > 6 or not name:
        return None
    for m in (snap["helptopics"], snap["keywords"]):
        if name in m:
            v = m[name]
            return resolve(snap, v, depth + 1) if isinstance(v, str) else v[0]
    return name if name in snap["topics"] else None


def parse_text(text: str) -> dict:
    lines = text.split("\n")
    heading = lines[0].strip()
    blocks, cur = [], []
    for ln in lines[2:] if len(lines) > 1 and set(lines[1].strip()) <= set("*=-") else lines[1:]:
        if ln.strip():
            cur.append(ln)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    subs = [blocks[i][0].strip() for i in range(len(blocks))
            if len(blocks[i]) == 2 and set(blocks[i][1].strip()) <= set("=-*") and len(blocks[i][1].strip()) > 2]
    paras = [b for b in blocks if not (len(b) == 2 and set(b[1].strip()) <= set("=-*") and len(b[1].strip()) > 2)]
    first = next((" ".join(x.strip() for x in b) for b in paras if not b[0].startswith(" ")
                  and not re.match(r"(?:New|Changed) in version|Deprecated since", b[0])), "")
    m = re.search(r"^(.*?[.:])(?:\s|$)", first)
    sentence = (m.group(1) if m else first).strip()
    prods = []
    for ln in lines:
        mm = re.match(r"^\s*([\w\-]+)\s*::=", ln)
        if mm and mm.group(1) not in prods:
            prods.append(mm.group(1))
    excs = []
    for e in EXC_RE.findall(text):
        if e not in excs:
            excs.append(e)
    return {"heading": heading, "paragraphs": len(paras), "chars": len(text), "sentence": sentence,
            "productions": prods, "exceptions": excs, "sections": subs}


def group(key: str) -> str:
    stmts = {"assert", "assignment", "augassign", "break", "continue", "del", "global", "import", "nonlocal", "pass",
             "raise", "return", "yield", "async", "class", "compound", "else", "for", "function", "if", "try",
             "while", "with"}
    if key in stmts:
        return "statements"
    if key.startswith(("types", "bltin", "typesseq")) or key in {"dict", "lists", "strings", "string-methods",
                                                                 "formatstrings", "truth", "numeric-types",
                                                                 "sequence-types", "callable-types", "types",
                                                                 "specialattrs"}:
        return "types"
    if key in {"execmodel", "naming", "exceptions", "debugger", "objects", "customization", "specialnames",
               "attribute-access", "context-managers", "dynamic-features", "id-classes", "identifiers"}:
        return "model"
    return "expressions"


def records(snap: dict) -> list[dict]:
    recs = []
    for key, text in snap["topics"].items():
        if key in absent_ids():
            continue
        r = {"id": key, **parse_text(text)}
        r["keywords"] = [k for k in snap["keywords"] if resolve(snap, k) == key]
        r["symbols"] = [s for s, v in snap["symbols"].items() if key in [resolve(snap, x) for x in v.split()]]
        r["helptopics"] = [h for h, v in snap["helptopics"].items() if not isinstance(v, str) and v[0] == key]
        kw = snap["keywords"].get(key)
        if isinstance(kw, list) and kw[0] == key:
            r["related_via"], r["related"] = f"keyword {key}", kw[1].split()
        elif r["helptopics"]:
            h = r["helptopics"][0]
            r["related_via"], r["related"] = f"help topic {h}", snap["helptopics"][h][1].split()
        else:
            r["related_via"], r["related"] = None, []
        r["group"] = group(key)
        r["doc_id"] = f"{r['group']}/{key}"
        recs.append(r)
    return recs


def reg_rows(snap: dict, recs: list[dict]) -> list[dict]:
    keys = {r["id"] for r in recs}
    out = []
    for h, v in snap["helptopics"].items():
        if isinstance(v, str) or v[0] not in keys:
            continue
        syms = [s for s, x in snap["symbols"].items() if h in x.split()]
        aliases = [a for a, x in snap["helptopics"].items() if x == h]
        out.append({"id": h, "topic_key": v[0], "related_count": len(v[1].split()), "related_topics": v[1] or "none",
                    "symbols": " ".join(syms) or "none", "aliases": " ".join(aliases) or "none"})
    return out


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def split_of(key: str) -> str:
    return "dev" if _h(f"catalog41:split{key}") % 3 == 0 else "test"


def layout_of(recs: list[dict]) -> dict[str, str]:
    order = sorted(recs, key=lambda r: _h(f"catalog41:layout{r['id']}"))
    return {r["id"]: LAYOUTS[i % 3] for i, r in enumerate(order)}


# ------------------------------------------------------------------ rendering


def lst(xs: list[str]) -> str:
    return ", ".join(xs) if xs else "none"


def cell(s: str) -> str:
    return s.replace("|", "\\|")


def fields(r: dict) -> list[tuple[str, str]]:
    return [("Topic key", r["id"]), ("Heading", r["heading"]), ("Paragraphs (blocks between blank lines, headings left out)", str(r["paragraphs"])),
            ("Characters (whole text)", str(r["chars"])), ("First sentence", r["sentence"]),
            ("Grammar productions quoted", f"{len(r['productions'])} ({lst(r['productions'])})"),
            ("Subsections", lst(r["sections"])), ("Exceptions named", lst(r["exceptions"])),
            ("Keywords that lead to it", lst(r["keywords"])), ("Symbols that lead to it", lst(r["symbols"])),
            ("Related topics" + (f" (as pydoc lists them for {r['related_via']})" if r["related_via"] else ""),
             lst(r["related"])),
            ("Help topic", "see helptopics.csv row " + ", row ".join(r["helptopics"]) if r["helptopics"] else "none")]


def front(r: dict) -> str:
    return (f"---\ntopic: \"{r['id']}\"\ngroup: \"{r['group']}\"\nparagraphs: {r['paragraphs']}\n"
            f"characters: {r['chars']}\n---\n\n")


def source_line(snap: dict) -> str:
    return (f"Source: pydoc_data.topics and pydoc.Helper of this machine's Python {snap['python']} "
            f"({snap['system']}); the help topics that show it are kept in helptopics.csv.")


def render(r: dict, lay: str, snap: dict) -> str:
    f = fields(r)
    head = front(r) + f"# Help topic {r['id']}: {r['heading']}\n\n"
    if lay == "sheet":
        body = "| Field | Value |\n|---|---|\n" + "".join(f"| {a} | {cell(b)} |\n" for a, b in f)
    elif lay == "card":
        secs = [("Text", f[:5]), ("Grammar and structure", f[5:8]), ("How help() reaches it", f[8:])]
        body = "\n".join(f"## {t}\n\n" + "".join(f"- {a}: {b}\n" for a, b in xs) for t, xs in secs)
    else:
        v = _h(f"catalog41:prose{r['id']}") % 3
        d = dict(f)
        rel = [x for x in d if x.startswith("Related topics")][0]
        p1 = [f"The topic key {r['id']} holds the text headed {r['heading']}.",
              f"Under the key {r['id']}, pydoc keeps a text whose heading is {r['heading']}.",
              f"Asking help() for {r['id']} shows the section {r['heading']}."][v]
        p1 += (f" It runs to {r['paragraphs']} paragraphs and {r['chars']} characters, and its first sentence reads: "
               f"{r['sentence']}")
        p2 = [f"Grammar productions it quotes: {d['Grammar productions quoted']}.",
              f"Grammar productions quoted: {d['Grammar productions quoted']}.",
              f"The grammar it quotes comes to {d['Grammar productions quoted']}."][v]
        p2 += f" Its subsections are: {d['Subsections']}. The exceptions it names are: {d['Exceptions named']}."
        p3 = (f"The keywords that lead to it are: {d['Keywords that lead to it']}. The symbols that lead to it are: "
              f"{d['Symbols that lead to it']}. {rel}: {d[rel]}. Help topic: {d['Help topic']}.")
        body = "\n\n".join([p1, p2, p3]) + "\n"
    return head + body + "\n" + source_line(snap) + "\n"


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
    pages["helptopics.csv"] = csv_text(reg_rows(snap, recs))
    return pages


# ------------------------------------------------------------------ questions


def make_questions(snap: dict) -> dict[str, list[dict]]:
    rng = random.Random(SEED)
    recs = records(snap)
    by = {r["id"]: r for r in recs}
    rows_ = {x["id"]: x for x in reg_rows(snap, recs)}
    out = {}
    for s in ("dev", "test"):
        mine = [r for r in recs if split_of(r["id"]) == s]
        rng.shuffle(mine)
        regs = [x for x in rows_.values() if split_of(x["topic_key"]) == s]
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
            sh += [(rng.choice([f"What heading does the '{k}' help topic open with?",
                               f"What is the section title at the top of help('{k}')?",
                               f"Which reference-manual heading does pydoc's {k} text start with?"]),
                    [r["heading"]], ev, (k, "heading")),
                   (rng.choice([f"How many paragraphs does pydoc's {k} topic text have?",
                                f"Into how many paragraphs is the {k} help text divided?"]),
                    [str(r["paragraphs"])], ev, (k, "paragraphs")),
                   (rng.choice([f"How many characters long is the {k} help text?",
                                f"What is the length in characters of the help topic {k}?"]),
                    [str(r["chars"])], ev, (k, "chars"))]
            if r["productions"]:
                sh.append((f"Which grammar production does the {k} topic quote first?", [r["productions"][0]], ev,
                           (k, "prod1")))
                sh.append((f"How many grammar productions (lines with ::=) does the {k} topic quote?",
                           [str(len(r["productions"]))], ev, (k, "nprod")))
            if r["exceptions"]:
                sh.append((rng.choice([f"Which exception is the first one named in the {k} help text?",
                                       f"What is the first exception class the {k} topic mentions?"]), [r["exceptions"][0]], ev,
                           (k, "exc1")))
        for x in regs:
            sh.append((rng.choice([f"Which topic key does the help topic {x['id']} show?",
                                   f"When you type help('{x['id']}'), which topic text does pydoc display?"]),
                       [x["topic_key"]],
                       [f"helptopics#{x['id']}"], (x["id"], "regkey")))
            sh.append((f"How many related topics does pydoc list for the help topic {x['id']}?",
                       [str(x["related_count"])], [f"helptopics#{x['id']}"], (x["id"], "regcount")))
        rng.shuffle(sh)
        n = 0
        for q, a, ev, f in sh:
            if n < WANT[s]["single_hop"] and not any(q2["question"] == q for q2 in qs):
                n += add("single_hop", q, a, ev, f, kind="s-" + f[1], ref=f[0])
        # reverse
        alltx = [parse_text(t) for t in snap["topics"].values()]
        heads = Counter(x["heading"] for x in alltx)
        kwl = {k: resolve(snap, k) for k in snap["keywords"]}
        pool = []
        for r in mine:
            if heads[r["heading"]] == 1:
                pool.append((rng.choice([f"Which help topic key opens with the heading {r['heading']}?",
                                         f"Which topic's text is titled {r['heading']}?"]), r, (r["id"], "heading"),
                             "r-heading"))
            for kw in r["keywords"]:
                if kw != r["id"] and kwl[kw] == r["id"]:
                    pool.append((rng.choice([f"Which topic does the keyword '{kw}' lead to in help()?",
                                             f"If you ask help() about the keyword {kw}, which topic key is shown?"]),
                                 r, (kw, "kw"), "r-kw"))
            for p in r["productions"][1:2]:
                if sum(p in x["productions"] for x in alltx) == 1:
                    pool.append((f"In which help topic is the grammar production {p} defined?", r, (r["id"], "prod"),
                                 "r-prod"))
        rng.shuffle(pool)
        n = 0
        for q, r, f, kd in pool:
            if n < WANT[s]["reverse"]:
                n += add("reverse", q, [r["id"]], [r["doc_id"]], f, kind=kd, ref=r["id"])
        # multi_hop
        pool = []
        for x in regs:
            r = by[x["topic_key"]]
            row = f"helptopics#{x['id']}"
            pool.append((rng.choice([f"What heading opens the topic that pydoc's help topic {x['id']} shows?",
                                     f"The help topic {x['id']} displays a topic text; what is that text's heading?"]),
                         [r["heading"]],
                         [row, r["doc_id"]], (r["id"], "heading"), "m-row-heading"))
            pool.append((f"How many paragraphs are in the text shown by the help topic {x['id']}?",
                         [str(r["paragraphs"])], [row, r["doc_id"]], (r["id"], "paragraphs"), "m-row-paras"))
        for r in mine:
            if len(r["helptopics"]) == 1 and heads[r["heading"]] == 1:
                x = rows_[r["helptopics"][0]]
                pool.append((f"How many related topics does pydoc list for the help topic that shows "
                             f"{r['heading']}?", [str(x["related_count"])], [r["doc_id"], f"helptopics#{x['id']}"],
                             (x["id"], "regcount"), "m-page-count"))
        rng.shuffle(pool)
        n = 0
        for q, a, ev, f, kd in pool:
            if n < WANT[s]["multi_hop"]:
                n += add("multi_hop", q, a, ev, f, kind=kd)
        # comparison
        n, tries = 0, 0
        yn = 0
        kws = [k for k in snap["keywords"] if kwl[k] in by]
        while n < WANT[s]["comparison"] and tries < 2000:
            tries += 1
            if yn < YESNO[s]:
                r = rng.choice(mine)
                kw = rng.choice(kws)
                pg = render_all_cache[r["doc_id"] + ".md"]
                if re.search(r"\b(?:yes|no)\b", pg, re.I) or kw == r["id"]:
                    continue
                ans = "yes" if kw in r["keywords"] else "no"
                if (yn % 2 == 0) != (ans == "yes"):
                    if ans == "no" and r["keywords"] and rng.random() < 0.7:
                        kw, ans = rng.choice(r["keywords"]), "yes"
                        if kw == r["id"]:
                            continue
                    else:
                        continue
                if add("comparison", f"Does the keyword '{kw}' lead to the help topic {r['id']}?", [ans],
                       [r["doc_id"]], (kw, "kw"), options=["yes", "no"], derived=True, kind="yn-kw",
                       ref=r["id"]):
                    n += 1
                    yn += 1
                continue
            a, b = rng.sample(mine, 2)
            fld, q = rng.choice([("paragraphs", "Which help topic text has more paragraphs, {a} or {b}?"),
                                 ("chars", "Which is the longer help text in characters, {a} or {b}?"),
                                 ("nprod", "Which topic quotes more grammar productions, {a} or {b}?")])
            va = len(a["productions"]) if fld == "nprod" else a[fld]
            vb = len(b["productions"]) if fld == "nprod" else b[fld]
            if va == vb:
                continue
            w = a if va > vb else b
            if add("comparison", q.format(a=a["id"], b=b["id"]), [w["id"]], [a["doc_id"], b["doc_id"]],
                   (tuple(sorted([a["id"], b["id"]])), fld), options=[a["id"], b["id"]], kind="c-" + fld):
                n += 1
        # filter
        pool = []
        for sym, v in snap["symbols"].items():
            ks = {resolve(snap, x) for x in v.split()} - {None}
            if len(ks) == 1 and not re.search(r"[|'\"\\]", sym):
                k = ks.pop()
                if k in by and split_of(k) == s:
                    pool.append((rng.choice([f"Which help topic is led to by the symbol {sym}?",
                                             f"Which topic does help() show for the symbol {sym}?"]), by[k], (k, "sym"),
                                 "f-sym"))
        secs = Counter(x for t in alltx for x in t["sections"])
        for r in mine:
            for x in r["sections"]:
                if secs[x] == 1 and len(x) < 60:
                    pool.append((f"Which help topic has a subsection titled {x}?", r, (r["id"], "sec"), "f-sec"))
        excs = Counter(e for t in alltx for e in t["exceptions"])
        for r in mine:
            for e in r["exceptions"]:
                if excs[e] == 1:
                    pool.append((f"Which help topic names the exception {e}?", r, (r["id"], "exc"), "f-exc"))
        rng.shuffle(pool)
        n = 0
        among = {"dev": 2, "test": 3}[s]
        while n < among:
            r = rng.choice([x for x in mine if not x["productions"]])
            others = rng.sample([x for x in mine if x["productions"]], 3)
            opts = [r] + others
            rng.shuffle(opts)
            if add("filter", "Among " + ", ".join(o["id"] for o in opts[:-1]) + f" and {opts[-1]['id']}, which help "
                   "topic quotes no grammar production?", [r["id"]], [o["doc_id"] for o in opts],
                   (r["id"], "noprod"), options=[o["id"] for o in opts], kind="f-among"):
                n += 1
        for q, r, f, kd in pool:
            if n < WANT[s]["filter"]:
                n += add("filter", q, [r["id"]], [r["doc_id"]], f, kind=kd, ref=r["id"])
        # unanswerable
        un = []
        for k in ABSENT[s]:
            un += [(q, "absent-topic", k) for q in ABSENT_Q[k]]
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


render_all_cache: dict[str, str] = {}


def qa_text(rows_: list[dict]) -> str:
    return "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows_)


def build(force: bool) -> None:
    snap = load_snapshot()
    if CORPUS.exists() and not force:
        sys.exit(f"{CORPUS} exists; pass --force to render again")
    pages = render_all(snap)
    render_all_cache.update(pages)
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
    print(f"{len(pages) - 1} pages, helptopics.csv; dev {len(qs['dev'])}, test {len(qs['test'])}")


# ------------------------------------------------------------------ check


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\\|", "|")).lower()


def numforms(g: str) -> list[str]:
    if g.isdigit():
        return [g, f"{int(g):,}"]
    return [g]


def check() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from ragtune.corpus.loaders import iter_documents, scan as scan_corpus
    from ragtune.eval.qa import load_qa

    snap = load_snapshot()
    results = []
    pages = render_all(snap)
    render_all_cache.update(pages)
    on_disk = {p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8") for p in CORPUS.rglob("*")
               if p.is_file()}
    bad = [k for k in pages if on_disk.get(k) != pages[k]] + [k for k in on_disk if k not in pages]
    results.append((f"snapshot rendered again equals corpus/ ({len(pages) - 1} pages + helptopics.csv)", bad))
    qs = make_questions(snap)
    bad = [s for s in qs if (OUT / f"{s}.jsonl").read_text(encoding="utf-8") != qa_text(qs[s])]
    results.append((f"questions generated again (seed {SEED}) equal dev.jsonl and test.jsonl", bad))
    bad = [] if snap["python"].startswith("3.11") else [snap["python"]]
    bad += [a for a in absent_ids() if a not in snap["topics"]]
    results.append((f"snapshot: Python {snap['python']}, {len(snap['topics'])} topics, {len(snap['keywords'])} "
                    f"keywords, {len(snap['symbols'])} symbols, {len(snap['helptopics'])} help topics; ABSENT keys "
                    f"are real topic keys", bad))
    found, problems = scan_corpus(CORPUS)
    docs, bad = {}, [str(p) for p in problems]
    for f in found:
        for d in iter_documents(f):
            if hasattr(d, "doc_id"):
                docs[d.doc_id] = d
            else:
                bad.append(str(d))
    recs = records(snap)
    want = {r["doc_id"] for r in recs} | {f"helptopics#{x['id']}" for x in reg_rows(snap, recs)}
    if set(docs) != want:
        bad.append(f"ids differ: {sorted(set(docs) ^ want)[:5]}")
    lay = Counter(layout_of(recs).values())
    results.append((f"corpus loads {len(docs)} documents ({len(recs)} pages, {len(want) - len(recs)} register "
                    f"rows); layouts {dict(lay)}", bad))
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
                k = e.split("/")[-1] if "#" not in e else next(x["topic_key"] for x in reg_rows(snap, recs)
                                                               if f"helptopics#{x['id']}" == e)
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
                kw = re.search(r"keyword '([^']+)'", q["question"]).group(1)
                if (kw in r["keywords"]) != (q["answers"] == ["yes"]) or re.search(r"\b(?:yes|no)\b", texts[0]):
                    bad.append(f"{q['id']}: yes/no gold disagrees with the page")
                continue
            target = texts[-1:] if q["type"] == "multi_hop" else texts
            for g in q["answers"]:
                if not any(norm(f) in t for f in numforms(g) for t in target):
                    bad.append(f"{q['id']}: gold {g!r} not in its evidence")
                if not q.get("options") and g.lower() in q["question"].lower():
                    bad.append(f"{q['id']}: gold {g!r} inside its question")
    results.append(("every gold occurs (case-insensitively) in an evidence document (the last, on chains); yes/no "
                    "golds agree with the keyword line of the page, which writes no yes/no word", bad))
    bad = []
    qd = {norm(q["question"]) for q in rows_["dev"]}
    bad += [q["id"] for q in rows_["test"] if norm(q["question"]) in qd]
    dk = {(q.get("ref"), q.get("kind")) for q in rows_["dev"]}
    bad += [q["id"] for q in rows_["test"] if q.get("ref") and (q.get("ref"), q.get("kind")) in dk]
    results.append(("no question and no fact in both dev and test (pages and rows split by key)", bad))
    bad = []
    for k in absent_ids():
        pat = r"(?<![\w-])" + re.escape(k) + r"(?![\w-])"
        bad += [f"{k} named on {p}" for p, x in on_disk.items() if re.search(pat, x, re.I)]
    for f, (_, pat) in ABSENT_FIELDS.items():
        bad += [f"{f} pattern on {p}" for p, x in on_disk.items() if re.search(pat, x, re.I)]
    results.append(("unanswerables: left-out topic keys named in no corpus file; absent fields (version added, PEP, "
                    "author, last update) on no page", bad))
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
