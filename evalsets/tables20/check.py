"""Checks for evalsets/tables20 (no model): run from anywhere (src/ is put on the path).

Prints PASS/FAIL per check and exits 1 if any check fails.
"""
from __future__ import annotations

import collections
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))  # runs without PYTHONPATH too

from ragtune.corpus.loaders import Document, Problem, iter_documents, scan
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
from ragtune.eval.qa import load_qa

FAILS: list[str] = []


def check(name: str, problems: list[str]) -> None:
    print(("PASS " if not problems else "FAIL ") + name)
    for p in problems[:20]:
        print("    " + p)
    if problems:
        FAILS.append(name)


files, scan_problems = scan(HERE / "corpus")
docs: dict[str, Document] = {}
load_problems = [str(p) for p in scan_problems]
for f in files:
    for d in iter_documents(f):
        if isinstance(d, Problem):
            load_problems.append(str(d))
        else:
            docs[d.doc_id] = d
check(f"loader: {len(files)} files, {len(docs)} documents, no problems",
      load_problems + ([] if len(files) == 35 else ["expected 35 files"])
      + ([] if len(docs) == 87 else ["expected 87 documents"]))

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

WANT = {"dev": {"single_hop": 12, "reverse": 5, "multi_hop": 5, "comparison": 5, "filter": 5,
                "temporal": 5, "unanswerable": 8},
        "test": {"single_hop": 20, "reverse": 8, "multi_hop": 6, "comparison": 8, "filter": 10,
                 "temporal": 6, "unanswerable": 12}}
probs = []
for split, items in (("dev", dev), ("test", test)):
    got = collections.Counter(i.type for i in items)
    if dict(got) != WANT[split]:
        probs.append(f"{split}: {dict(got)}")
    derived = [i.id for i in items if i.meta.get("derived")]
    if len(derived) != 1:
        probs.append(f"{split}: derived {derived}")
    for i in items:
        if not i.meta.get("kind"):
            probs.append(f"{i.id}: no kind")
        if not re.fullmatch(rf"t20-{split}-\d{{3}}", i.id):
            probs.append(f"{i.id}: bad id")
        if i.type == "comparison" and not i.options:
            probs.append(f"{i.id}: comparison without options")
        if (i.type == "unanswerable") != (not i.answers):
            probs.append(f"{i.id}: type/answers mismatch")
        if i.answers and not i.evidence:
            probs.append(f"{i.id}: no evidence")
check("type counts, ids, kinds, one derived count per split", probs)

ALL = dev + test
check("every evidence id is a document",
      [f"{i.id}: {e}" for i in ALL for e in i.evidence if e not in ids])


def doc_tokens(doc_id: str) -> list[str]:
    d = docs[doc_id]
    return answer_tokens(d.title + "\n" + d.text)


probs = []
for i in ALL:
    if not i.answers or i.meta.get("derived"):
        continue
    for g in i.answers:
        if not any(contains_tokens(doc_tokens(e), answer_tokens(g)) for e in i.evidence):
            probs.append(f"{i.id}: gold {g!r} not in its evidence")
check("every gold of answerable non-derived items occurs in an evidence document", probs)


def squash(text: str) -> str:
    return " ".join(text.lower().split())


probs = []
for i in ALL:
    if not i.answers or i.meta.get("derived"):
        continue
    for g in i.answers:
        if not any(squash(g) in squash(docs[e].title + "\n" + docs[e].text) for e in i.evidence):
            probs.append(f"{i.id}: gold {g!r} not verbatim in its evidence")
check("every gold of answerable non-derived items occurs verbatim (case and spaces squashed)", probs)

probs = []
for i in ALL:
    if i.type == "multi_hop":
        for g in i.answers:
            if contains_tokens(doc_tokens(i.evidence[0]), answer_tokens(g)):
                probs.append(f"{i.id}: {g!r} already in first hop")
check("no multi_hop answer occurs in its first-hop document", probs)

probs = []
for i in ALL:
    for g in i.answers:
        for text in (g, f"The answer is {g}."):
            if not is_correct(i, text, False):
                probs.append(f"{i.id}: {text!r} scored wrong")
check("every gold alone and in a sentence scores correct", probs)

probs = []
for i in ALL:
    ok = is_correct(i, "The documents do not say.", False)
    if ok != (not i.answers):
        probs.append(f"{i.id}: abstention scored {ok}")
check("abstention: wrong for answerable, correct for unanswerable", probs)

probs = []
for i in ALL:
    if not i.options:
        continue
    if not any(o in i.answers for o in i.options):
        probs.append(f"{i.id}: no gold among options")
    a, b = i.options
    for text in (a + " or " + b, b + " or " + a):
        if is_correct(i, text, False):
            probs.append(f"{i.id}: {text!r} scored correct")
    for o in i.options:
        if o in i.answers:
            continue
        for text in (o, f"The answer is {o}."):
            if is_correct(i, text, False):
                probs.append(f"{i.id}: wrong option {text!r} scored correct")
check("wrong comparison options and 'A or B' score wrong", probs)

probs = []
for i in ALL:
    for g in i.answers:
        if g.strip().lower() in ("none", "no", "nothing"):
            probs.append(f"{i.id}: bare none-like gold")
check("no bare 'none' gold", probs)

# Unanswerable items, keyed by id: ([(regex that an answer would need, documents where it may
# occur), ...], a made-up answer sentence). Every regex must match the made-up sentence (so no
# rule is a dead one).
ABSENT = {
    "t20-dev-038": ([(r"phone|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44", [])],
                    "Ring the finds officer on 01632 960 318."),
    "t20-dev-039": ([(r"insur", ["prices/dig-day-fee-history"]),
                     (r"drone|Kestrel", None)],
                    "Insuring the Kestrel drone costs GBP 95 a year."),
    "t20-dev-040": ([(r"\b2020\b", ["prices/dig-day-fee-history", "sites/brackenhowe"]),
                     (r"registered", None)],
                    "In 2020 we registered 410 finds."),
    "t20-dev-041": ([(r"charity|registration number|registered (no\b|number)", [])],
                    "Registered charity number 1043217."),
    "t20-dev-042": ([(r"moat[^.|]{0,80}(deep|depth)|(deep|depth)[^.|]{0,80}moat", [])],
                    "The moat at Fennick Mill is about three metres deep."),
    "t20-dev-043": ([(r"jet bead", ["reports/finds-2025"]),
                     (r"\b\d+(\.\d+)? ?(g|grams?)\b|weigh", None)],
                    "The jet bead weighs 3 g."),
    "t20-dev-044": ([(r"population|inhabitants|residents|\bpeople live", [])],
                    "About 1,400 people live in Wreay, its population at the census."),
    "t20-dev-045": ([(r"first chair|founding chair|chair(man|woman)?\b[^.|]{0,80}\b19[5-7]\d\b|\b19[5-7]\d\b[^.|]{0,80}\bchair", [])],
                    "Our first chair, in 1958, was the Reverend Obadiah Farr."),
    "t20-test-059": ([(r"\w@\w|e-?mail", [])],
                     "Email members@cfas.org.uk."),
    "t20-test-060": ([(r"\b2021\b", ["equipment/kit-register", "prices/dig-day-fee-history",
                                     "sites/sites#CWB", "specialists/specialists"]),
                      (r"volunteer days", None)],
                     "In 2021 we worked 1,020 volunteer days."),
    "t20-test-061": ([(r"\bincome\b|\brevenue\b|\bturnover\b|total receipts|\btakings\b", [])],
                     "Our income in 2025 was GBP 21,800."),
    "t20-test-062": ([(r"calibrat[^|]{0,80}(GBP|£|\bcosts?\b|\bfee\b)|(GBP|£|\bcosts?\b)[^|]{0,80}calibrat", [])],
                     "Calibrating the gradiometer costs GBP 340."),
    "t20-test-063": ([(r"tanner(y|ies)[^.|]{0,80}(built|erected|founded|opened|dates? from|\b1[5-8]\d\d\b)"
                       r"|(built|erected)[^.|]{0,80}tanner", []),
                      (r"\b1[5-8]\d\d\b", ["finds/finds-register-2026#F26-007",
                                           "notes/2026-10-radiocarbon-results"]),
                      (r"tanner", None)],
                     "The Ketterby tannery was built in 1784."),
    "t20-test-064": ([(r"(GBP|£) ?[\d,.]+ (a|per|each) (day|hour)|(day|hour)ly rate|(day|daily) rate|rate (per|a) (day|hour)",
                       ["faq/joining-2018"]),
                      (r"Orme-Battersby|SP-02|pottery specialist", None)],
                     "Fenwick Orme-Battersby charges GBP 280 a day."),
    "t20-test-065": ([(r"\b2019\b[^|]{0,150}graves?\b|\bgraves?\b[^|]{0,150}\b2019\b", [])],
                     "In 2019 we found 7 graves at St Gudrun's Field."),
    "t20-test-066": ([(r"\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b|post ?code", [])],
                     "The finds store's postcode is KT4 7QX."),
    "t20-test-067": ([(r"flight (hours|time)|hours? (of )?fl(y|ying|ight)|fl(ew|own|ies|ight)[^.|]{0,40}\bhours\b", [])],
                     "The drone flew for 31 hours in 2026."),
    "t20-test-068": ([(r"Garrow[^.|]{0,80}chair|chair[^.|]{0,80}Garrow", [])],
                     "The Garrow Hill Trust's chair is Tobias Wren."),
    "t20-test-069": ([(r"Oxley Quarry[^|]{0,200}volunteers|volunteers[^|]{0,200}Oxley", [])],
                     "At Oxley Quarry 23 volunteers dug the test pits."),
    "t20-test-070": ([(r"sort code|account (number|no\b)|\bIBAN\b|bank account", [])],
                     "The bank account's sort code is 60-16-13."),
}
# For (pattern, None): the pattern must be absent from the documents allowed by the line before.
full = {k: (d.title + "\n" + d.text + "\n" + json.dumps(d.metadata, default=str)).replace("\n", " ")
        for k, d in docs.items()}
probs = []
for i in ALL:
    if i.answers:
        if i.id in ABSENT:
            probs.append(f"{i.id}: answerable item has an absence rule")
        continue
    entry = ABSENT.get(i.id)
    if entry is None:
        probs.append(f"{i.id}: no absence rule")
        continue
    rules, sample = entry
    allowed_prev: list[str] = []
    for pat, allowed in rules:
        rx = re.compile(pat, re.I)
        if not rx.search(sample):
            probs.append(f"{i.id}: /{pat}/ misses its made-up answer {sample!r}")
        if allowed is None:
            hits = [k for k in allowed_prev if rx.search(full[k])]
            if hits:
                probs.append(f"{i.id}: /{pat}/ in {hits}")
            continue
        missing = [k for k in allowed if k not in full]
        if missing:
            probs.append(f"{i.id}: allowed documents {missing} do not exist")
        hits = [k for k in full if rx.search(full[k]) and k not in allowed]
        if hits:
            probs.append(f"{i.id}: /{pat}/ found in {hits}")
        allowed_prev = allowed
check("unanswerable: the words an answer needs are absent from every document and match its made-up answer", probs)


# Counts and filters recomputed from the record files themselves (csv and jsonl read directly):
# each derived count and each filter item's answer must be what the rows give.
def rows(rel: str) -> list[dict]:
    path = HERE / "corpus" / rel
    if rel.endswith(".csv"):
        import csv
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


SITES = rows("sites/sites.csv")
TRENCHES = rows("fieldwork/trenches-2026.csv")
FINDS = rows("finds/finds-register-2026.csv")
MEMBERS = rows("people/members.jsonl")
SEASONS = rows("seasons/seasons.jsonl")
SPEC_FOR_MAT = {"GLS": "SP-06"}
by_id = {i.id: i for i in ALL}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t20-dev-032": str(sum(r["cons"] == "Y" for r in FINDS)),
    "t20-test-051": str(sum(r["sched_mon"] == "Y" for r in SITES)),
    # filters: the one row meeting the condition
    "t20-dev-028": [r["name"] for r in SITES if not r["lead"]],
    "t20-dev-029": [r["id"] for r in TRENCHES if r["backfilled"] == "N"],
    "t20-dev-030": [r["ID"] for r in FINDS if not r["spec"]],
    "t20-dev-031": [m["name"] for m in MEMBERS if m["joined"] == 2022],
    "t20-test-043": [r["id"] for r in TRENCHES if not r["max_dep_m"]],
    "t20-test-044": [r["name"] for r in SITES if r["period"] == "Mesolithic"],
    "t20-test-046": [r["ID"] for r in FINDS if r["spec"] == SPEC_FOR_MAT["GLS"]],
    "t20-test-047": [r["name"] for r in SITES if r["parish"] == "Colewell" and r["sched_mon"] == "Y"],
    "t20-test-048": [r["id"] for r in TRENCHES if r["site"] == "KTM" and r["natural"] == "Y"],
    "t20-test-049": [m["name"] for m in MEMBERS if m["role"] == "Site supervisor" and m["first_aid"] == "N"],
}
probs = []
for k, v in RECOMPUTE.items():
    item = by_id.get(k)
    if item is None:
        probs.append(f"{k}: no such item")
        continue
    if isinstance(v, str):
        if v not in item.answers or not item.meta.get("derived"):
            probs.append(f"{k}: recomputed count {v} not its derived gold")
        elif len(item.evidence) != int(v):
            probs.append(f"{k}: {len(item.evidence)} evidence rows for a count of {v}")
    elif len(v) != 1 or v[0] not in item.answers:
        probs.append(f"{k}: rows meeting the condition {v}")
# season-level facts the comparisons use, from the jsonl metadata
vol = {s["id"]: s["volunteers"] for s in SEASONS}
if not vol["DS-02"] > vol["DS-03"]:
    probs.append("DS-02 volunteers not above DS-03")
if sum(s["dig_days"] for s in SEASONS if s["year"] == 2026) != 63:
    probs.append("2026 dig days are not the 63 of the October minutes")
if sum(s["dig_days"] for s in SEASONS if s["year"] == 2025) != 55:
    probs.append("2025 dig days are not the 55 of the figures page")
check("derived counts and filter answers recomputed from the record files", probs)

probs = []
qs = collections.Counter(i.question.strip().lower() for i in ALL)
probs += [f"repeated question: {q}" for q, n in qs.items() if n > 1]
dev_golds = {g.strip().lower() for i in dev for g in i.answers}
probs += [f"{i.id}: test gold {g!r} is a dev gold" for i in test for g in i.answers
          if g.strip().lower() in dev_golds]
check("no repeated question; no test gold equals a dev gold", probs)

want = hashlib.sha256((HERE / "test.jsonl").read_bytes()).hexdigest() + "  test.jsonl\n"
got = (HERE / "test.jsonl.sha256").read_text()
check("test.jsonl.sha256 matches", [] if got == want else [f"sha file {got!r} != {want!r}"])

print("ALL PASS" if not FAILS else f"{len(FAILS)} FAILED: {FAILS}")
sys.exit(1 if FAILS else 0)
