"""Checks for evalsets/tables24 (no model): run from anywhere (src/ is put on the path).

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
      load_problems + ([] if len(files) == 29 else ["expected 29 files"])
      + ([] if len(docs) == 112 else ["expected 112 documents"]))

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

WANT = {"dev": {"single_hop": 12, "reverse": 5, "multi_hop": 5, "comparison": 5, "filter": 5,
                "temporal": 5, "unanswerable": 8},
        "test": {"single_hop": 20, "reverse": 8, "multi_hop": 6, "comparison": 6, "filter": 10,
                 "temporal": 8, "unanswerable": 12}}
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
        if not re.fullmatch(rf"t24-{split}-\d{{3}}", i.id):
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
    "t24-dev-038": ([(r"phone|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44", [])],
                    "Ring the Society office on 01632 960 518, its telephone number."),
    "t24-dev-039": ([(r"Brathwaite-Moss[^|]{0,200}(\bborn\b|\baged?\b|years? old|birthday|\bis 1\d\b)|\b\d{1,2} years? old\b|date of birth", [])],
                    "Ezekiel Brathwaite-Moss was born in 2012 and is 14 years old."),
    "t24-dev-040": ([(r"(supreme|champion|Marchbank)[^|]{0,120}\b2012\b|\b2012\b[^|]{0,120}(supreme|champion|Marchbank)", [])],
                    "The supreme champion in 2012 was a Wenlow Red cow."),
    "t24-dev-041": ([(r"\bacres?\b|hectares?|\d ?ha\b", [])],
                    "The showground covers 160 acres, about 65 hectares."),
    "t24-dev-042": ([(r"supreme[^.|]{0,100}(GBP|£) ?\d|(GBP|£) ?\d[^.|]{0,100}supreme|Marchbank[^.|]{0,100}(GBP|£)", [])],
                    "The supreme champion wins GBP 250 with the Marchbank Challenge Cup."),
    "t24-dev-043": ([(r"sponsor", [])],
                    "The heavy horse classes are sponsored by Tolland Agri Sales."),
    "t24-dev-044": ([(r"gates? (open|opens)|open(s|ing)? (to the public|at \d)|public (from|at) \d", [])],
                    "The gates open to the public at 08:30."),
    "t24-dev-045": ([(r"\d+(\.\d+)? ?mm\b|millimet|rainfall|inches of rain", [])],
                    "18 mm of rain fell, the wettest show day's rainfall for years."),
    "t24-test-059": ([(r"\w@\w|e-?mail", [])],
                     "Write to secretary@wenlowshow.org.uk by email."),
    "t24-test-060": ([(r"president[^|]{0,120}\b(201[0-5]|200\d)\b|\b(201[0-5]|200\d)\b[^|]{0,120}president", [])],
                     "The president in 2012 was Godfrey Arkwright."),
    "t24-test-061": ([(r"(?-i:\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b)|post ?code", [])],
                     "The showground's postcode is WN7 4BQ."),
    "t24-test-062": ([(r"\bsecurity\b|\bguards?\b", [])],
                     "Security guards cost GBP 7,400."),
    "t24-test-063": ([(r"Bonny Jean[^|]{0,150}(Shire|Clydesdale|Suffolk|Percheron|\bbreed\b)|\b(Shire|Clydesdale|Suffolk Punch|Percheron)\b", [])],
                     "Wrayhope Bonny Jean is a Clydesdale; her breed is Clydesdale."),
    "t24-test-064": ([(r"(pork|porkers?|pigs?)[^.|]{0,80}\b\d+(\.\d+)? ?kg\b|\bkg\b[^.|]{0,80}(porkers?|\bpigs?\b)", [])],
                     "The winning pork pigs weighed 86 kg each."),
    "t24-test-065": ([(r"\b\d{2,3} (trade )?stands\b|stands[^.|]{0,30}\b\d{2,3}\b", ["about"]),
                      (r"2019", None)],
                     "There were 152 trade stands in 2019."),
    "t24-test-066": ([(r"\bpatron", [])],
                     "The Society's patron is the Lord Lieutenant."),
    "t24-test-067": ([(r"2019[^.|]{0,60}\b\d{1,2},\d{3}\b|\b\d{1,2},\d{3}\b[^.|]{0,20}(people|visitors)[^.|]{0,20}2019", [])],
                     "In 2019, 13,450 people came to the show."),
    "t24-test-068": ([(r"\b\d+ lorr(y|ies)|lorr(y|ies)[^.|]{0,60}\b\d+\b", [])],
                     "In 2026 some 140 lorries used the lorry park."),
    "t24-test-069": ([(r"Parish (Challenge )?Cup[^|]{0,150}\b2019\b|\b2019\b[^|]{0,150}Parish (Challenge )?Cup",
                       ["meetings/2026-02-21-agm"]),
                      (r"Parish (Challenge )?Cup[^.]{0,80}2019|2019[^.]{0,40}Parish", None)],
                     "The Parish Challenge Cup in 2019 went to Fennick Marsh."),
    "t24-test-070": ([(r"grandstand[^.|]{0,100}\b(1[89]\d\d|20\d\d)\b|\b(built|opened|erected)\b[^.|]{0,60}grandstand", [])],
                     "The grandstand was built in 1974."),
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


def page(rel: str) -> str:
    return (HERE / "corpus" / rel).read_text(encoding="utf-8")


CLASSES = rows("classes/classes-2026.csv")
EXHIBITORS = rows("exhibitors/exhibitors-2026.csv")
PITCHES = rows("trade/pitches-2026.csv")
RESULTS = rows("results/results-2026.jsonl")
JUDGES = rows("people/judges.jsonl")
by_id = {i.id: i for i in ALL}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t24-dev-028": str(sum(x["parish"] == "PA-03" for x in EXHIBITORS)),
    "t24-test-041": str(sum(c["ring"] == "M1" for c in CLASSES)),
    # filters: the one row or record meeting the condition
    "t24-dev-029": [c["name"] for c in CLASSES if c["status"] == "cancelled"],
    "t24-dev-030": [x["exhibitor"] for x in EXHIBITORS if x["first_shown"] == "2026"],
    "t24-dev-031": [p["name"] for p in PITCHES if p["status"] == "withdrawn"],
    "t24-dev-032": [j["name"] for j in JUDGES if "sheep" in j["panel"] and j["paid"] == "N"],
    "t24-test-042": [x["exhibitor"] for x in EXHIBITORS if x["member"] == "Y" and x["paid"] == "N"],
    "t24-test-043": [x["exhibitor"] for x in EXHIBITORS if x["member"] == "N" and x["paid"] == "N"],
    "t24-test-044": [c["name"] for c in CLASSES if c["status"] == "combined"],
    "t24-test-045": [p["name"] for p in PITCHES if p["zone"] == "Avenue" and p["paid"] == "N" and p["status"] == "let"],
    "t24-test-046": [p["name"] for p in PITCHES if p["fee_gbp"] == "0"],
    "t24-test-047": [j["name"] for j in JUDGES if j["first_judged"] == 2025],
    "t24-test-048": [p["name"] for p in PITCHES if p["zone"] == "Food Court" and p["power"] == "N"],
    "t24-test-049": [c["name"] for c in CLASSES if c["ring"] == "R2" and c["day"] == "Sun" and c["champion"] == "N"],
    "t24-test-050": [c["name"] for c in CLASSES if c["ring"] == "M2" and int(c["entries"]) < 10],
}
probs = []
for k, v in RECOMPUTE.items():
    item = by_id.get(k)
    if item is None:
        probs.append(f"{k}: no such item")
        continue
    if item.type != "filter":
        probs.append(f"{k}: not a filter item")
    if isinstance(v, str):
        if v not in item.answers or not item.meta.get("derived"):
            probs.append(f"{k}: recomputed count {v} not its derived gold")
        elif len(item.evidence) != int(v):
            probs.append(f"{k}: {len(item.evidence)} evidence rows for a count of {v}")
    elif len(v) != 1 or v[0] not in item.answers:
        probs.append(f"{k}: rows meeting the condition {v}")
filters = sorted(i.id for i in ALL if i.type == "filter")
if filters != sorted(RECOMPUTE):
    probs.append(f"filter items without a recomputation: {sorted(set(filters) - set(RECOMPUTE))}")

# facts restated elsewhere, and the metadata the comparisons use
cls = {c["id"]: c for c in CLASSES}
exh = {x["ID"]: x for x in EXHIBITORS}
pit = {p["id"]: p for p in PITCHES}
jud = {j["id"]: j for j in JUDGES}
res = {r["id"]: r for r in RESULTS}
# results: one for each held class, none for a cancelled or combined one; the placed exhibitors
# exist and show in that section; the result's judge is the class's judge
held = sorted(c["id"] for c in CLASSES if c["status"] == "held")
if sorted(r["class"] for r in RESULTS) != held:
    probs.append("results do not cover exactly the held classes")
for r in RESULTS:
    c = cls.get(r["class"])
    if c is None:
        probs.append(f"{r['id']}: no class {r['class']}")
        continue
    for place in ("first", "second"):
        x = r[place]
        if x is None:
            continue
        if x not in exh:
            probs.append(f"{r['id']}: {place} {x} not in the directory")
        elif c["section"] not in exh[x]["sections"].split(";"):
            probs.append(f"{r['id']}: {x} does not show {c['section']}")
        if x not in r["text"]:
            probs.append(f"{r['id']}: text does not name {x}")
    if r["judge"] != c["judge"] or r["class"] not in r["text"] or r["judge"] not in r["text"]:
        probs.append(f"{r['id']}: judge or class against the class list")
    if r["first"] is not None and jud[c["judge"]]["exhibitor"] == r["first"]:
        probs.append(f"{r['id']}: a judge placed herself first")
# judges list their classes back; exhibiting judges are in the directory
for c in CLASSES:
    if c["id"] not in jud[c["judge"]]["classes"]:
        probs.append(f"{c['id']}: judge {c['judge']} does not list it")
for j in JUDGES:
    if any(cls[x]["judge"] != j["id"] for x in j["classes"]):
        probs.append(f"{j['id']}: lists a class it does not judge")
    if j["exhibitor"] is not None and exh[j["exhibitor"]]["exhibitor"] != j["name"]:
        probs.append(f"{j['id']}: exhibitor {j['exhibitor']} is someone else")
    if (j["paid"] == "Y") != (j["fee_gbp"] > 0) or (j["fee_gbp"] and f"GBP {j['fee_gbp']}" not in j["text"]):
        probs.append(f"{j['id']}: paid flag and fee disagree, or the fee is not in the text")
# stewards and rings of the class list exist on their pages, with the steward's ring
stw = dict(re.findall(r"^\| (ST-\d) \| [^|]+ \| [^|]+ \| ([^|]+?) \|", page("people/stewards.md"), re.M))
rings = set(re.findall(r"^\| ([RMP]\d) \|", page("showground/rings.md"), re.M))
for c in CLASSES:
    if c["ring"] not in rings or c["steward"] not in stw or c["ring"] not in stw[c["steward"]]:
        probs.append(f"{c['id']}: ring {c['ring']} or steward {c['steward']} against their pages")
# the ring timetable against the class list
tt = re.findall(r"^\| (Sat|Sun) \| [\d:]+ \| ([RMP]\d) \| ([A-Z]{2}-\d\d)[^|]*\| (J-\d\d) \|",
                page("showground/ring-timetable-2026.md"), re.M)
if sorted(x[2] for x in tt) != sorted(c["id"] for c in CLASSES if c["id"] != "GO-02"):
    probs.append("timetable classes against the class list")
for day, ring, cid, judge in tt:
    c = cls[cid]
    if (c["day"], c["ring"], c["judge"]) != (day, ring, judge):
        probs.append(f"timetable {cid}: {day} {ring} {judge} against the class list")
# entry fees against the fees page
fees = page("prices/fees-2026.md")
label = {"cattle": "Cattle, breed and commercial classes", "sheep": "Sheep, live classes", "pigs": "Pigs",
         "goats": "Goats", "poultry": "Poultry, birds", "horses": "Horses, heavy and ridden",
         "produce": "Produce, single exhibits", "home crafts": "Home crafts and honey"}
special = {"CA-04": "Young handlers", "SH-04": "Fleece", "PO-03": "Eggs", "VE-03": "Produce, collections"}
for c in CLASSES:
    lab = special.get(c["id"], label[c["section"]])
    m = re.search(r"^\| " + re.escape(lab) + r" \| (\d+) \|", fees, re.M)
    if m is None or m.group(1) != c["fee_gbp"]:
        probs.append(f"{c['id']}: fee {c['fee_gbp']} differs from the fees page ({lab})")
# pitch fees: frontage x the zone's rate, plus the hook-up; the young farmers free; deposit
rate = {z: int(v) for z, v in re.findall(r"^\| (Avenue|Food Court|Machinery Row|Craft Marquee) \| (\d+) \|", fees, re.M)}
hook = int(re.search(r"^\| Power hook-up, each pitch \| (\d+) \|", fees, re.M).group(1))
for p in PITCHES:
    want = int(p["frontage_m"]) * rate[p["zone"]] + (hook if p["power"] == "Y" else 0)
    if int(p["fee_gbp"]) != (0 if p["id"] == "A-03" else want):
        probs.append(f"{p['id']}: fee {p['fee_gbp']} is not {want}")
    if p["zone"] == "Food Court" and p["power"] == "N" and "no hook-up needed" not in p["notes"]:
        probs.append(f"{p['id']}: a Food Court pitch without power and without a reason")
    if p["status"] == "withdrawn" and p["paid"] != "deposit":
        probs.append(f"{p['id']}: a withdrawn pitch that paid more than its deposit")
if "| Deposit | GBP 75 a pitch" not in page("trade/trade-terms-2026.md") or "deposit of GBP 75 kept" not in pit["A-05"]["notes"]:
    probs.append("the withdrawn pitch's deposit against the trade terms")
# the treasurer's accounts: entries, fees, refunds, pitches, judges' fees, totals; council and gate
acc = page("notes/2026-09-show-accounts.txt")
taken = sum(int(c["entries"]) * int(c["fee_gbp"]) for c in CLASSES)
refunds = sum(int(c["entries"]) * int(c["fee_gbp"]) for c in CLASSES if c["status"] == "cancelled")
n_entries = sum(int(c["entries"]) for c in CLASSES)
received = sum(int(p["fee_gbp"]) for p in PITCHES if p["status"] == "let" and p["paid"] == "Y")
owed = sum(int(p["fee_gbp"]) for p in PITCHES if p["status"] == "let" and p["paid"] == "N")
judges_fees = sum(j["fee_gbp"] for j in JUDGES)
sq = " ".join(acc.split())
need = [f"GBP {taken:,} ({n_entries} entries in {len(CLASSES)} classes)", f"less refunds GBP {refunds}",
        f"Class entry fees kept GBP {taken - refunds:,}", f"Trade pitches received GBP {received:,} (GBP {owed} still owed",
        f"Judges' fees GBP {judges_fees}"]
probs += [f"accounts: {n!r} missing" for n in need if n not in sq]
income = taken - refunds + received + 75 + 131860 + 2940
costs = 18600 + judges_fees + 4265 + 9450 + 3200 + 11800 + 14500 + 6900
if f"Total income GBP {income:,}" not in sq or f"Total costs GBP {costs:,}" not in sq \
        or f"Surplus GBP {income - costs:,}" not in sq \
        or f"GBP {income - costs:,}" not in page("meetings/2026-09-22-council.md") \
        or f"GBP {owed}" not in page("meetings/2026-09-22-council.md"):
    probs.append(f"accounts: income {income}, costs {costs}")
gate = page("notes/2026-08-gate-figures.txt")
g = [int(a.replace(",", "")) for a in re.findall(r"^  (?:Saturday|Sunday) +([\d,]+) +([\d,]+) +GBP ([\d,]+)", gate, re.M)[0] +
     re.findall(r"^  (?:Saturday|Sunday) +([\d,]+) +([\d,]+) +GBP ([\d,]+)", gate, re.M)[1]]
if f"{g[0] + g[3]:,}" not in gate or f"{g[1] + g[4]:,}" not in gate or f"GBP {g[2] + g[5]:,}" not in gate \
        or g[2] + g[5] != 131860 or f"{sum(g[:2]) + sum(g[3:5]):,} people" not in gate \
        or f"{sum(g[:2]) + sum(g[3:5]):,} people" not in page("meetings/2026-09-22-council.md"):
    probs.append(f"gate figures {g}")
# parishes: every exhibitor's parish exists; the cup wins add up to the shows since 1990
par = re.findall(r"^\| (PA-\d\d) \| [^|]+ \| [^|]+ \| \d+ \| (\d+) \|", page("parishes/parishes.md"), re.M)
if any(x["parish"] not in dict(par) for x in EXHIBITORS) or sum(int(w) for _, w in par) != 2026 - 1990:
    probs.append("parishes against the directory, or the cup wins")
# trophies name classes that exist; holders agree with the champions' history; 2026 supreme
tro = page("trophies/trophies.md")
sup = page("history/supreme-champions.md")
if any(x not in cls for x in re.findall(r"\| ([A-Z]{2}-\d\d) \|", tro)):
    probs.append("a trophy names a missing class")
if "| Marchbank Challenge Cup | supreme champion | 1903 | the Marchbank family of Cold Harbour | Edwina Marchbank-Tull |" not in tro \
        or "| 2025 | Coldharbour Rosehip 8th | Wenlow Red cow | Edwina Marchbank-Tull |" not in sup \
        or "| 2026 | Wrayhope Bonny Jean |" not in sup or res["RS-14"]["award"] != "supreme champion" \
        or res["RS-14"]["exhibit"] != "Wrayhope Bonny Jean" or exh[res["RS-14"]["first"]]["exhibitor"] != "Benedikt Carrow" \
        or "Benedikt Carrow's mare Wrayhope Bonny Jean" not in page("news/2026-08-supreme-champion.md"):
    probs.append("supreme champions against the trophies, results and news")
# presidents: the current one on the officers page; 2016 on the about page; subscriptions
pres = page("history/presidents.md")
if "| 2026-02-21 | | Marguerite Oyelowo-Pryce |" not in pres \
        or "| President (for 2026) | Marguerite Oyelowo-Pryce |" not in page("people/officers.md") \
        or "| 2016-02-20 | 2017-02-18 | Hubert Stanway-Pyke |" not in pres \
        or "| President | Hubert Stanway-Pyke |" not in page("about.md"):
    probs.append("presidents against the officers and about pages")
hist = page("prices/subscription-history.md")
if "| 2026-01-01 | | 58 |" not in hist or "| 2025-01-01 | 2025-12-31 | 55 |" not in hist \
        or "| Individual | 58 | 55 |" not in fees or "| 2014-07-01 | 2018-12-31 | 40 |" not in hist \
        or "GBP 40 a year" not in page("about.md") or "(GBP 40 a year)" not in page("faq/exhibitors-2018.md"):
    probs.append("subscription history against the fees, about and questions pages")
# no 2026 result beats a show record; no 2026 class beats the largest-class record
rec = page("records/show-records.html")
if not (31.6 < 38.2 and "38.2 kg</td><td>Obadiah" in rec and "marrow of 31.6 kg" in res["RS-17"]["text"]
        and "longest bean measured 51.2 cm" in res["RS-16"]["text"] and "58.4 cm</td><td>Obadiah" in rec):
    probs.append("2026 produce against the records")
for name, n in re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td><td>\d{4}</td></tr>", rec):
    c = [c for c in CLASSES if c["name"] == name]
    if len(c) != 1 or int(c[0]["entries"]) >= int(n):
        probs.append(f"largest-class record {name}")
# rules: young handlers under 16 as in version 2; sheep ring news against the rings page
if "| Young handlers | under 18 | under 16 on show day |" not in page("rules/livestock-rules-2025.md") \
        or "under 16" not in cls["CA-04"]["notes"] or "| R3 | Sheep Ring |" not in page("showground/rings.md"):
    probs.append("young handlers or the sheep ring")
# metadata and cells the comparisons use
par_miles = dict(re.findall(r"^\| PA-\d\d \| ([^|]+?) \| [^|]+ \| (\d+) \|", page("parishes/parishes.md"), re.M))
cmp_facts = [
    int(pit["M-03"]["frontage_m"]) > int(pit["M-02"]["frontage_m"]),
    int(exh["W1138"]["first_shown"]) < int(exh["W1093"]["first_shown"]),
    jud["J-11"]["first_judged"] < jud["J-06"]["first_judged"],
    "| Penhallow Horseshoe | HO-01 | 1931 |" in tro and "| Pargeter Rose Bowl | VE-03 | 1985 |" in tro,
    int(cls["SH-03"]["entries"]) > int(cls["SH-01"]["entries"]),
    int(cls["PI-02"]["first_prize_gbp"]) > int(cls["GO-01"]["first_prize_gbp"]),
    int(exh["W1163"]["first_shown"]) < int(exh["W1104"]["first_shown"]),
    int(par_miles["Fennick Marsh"]) < int(par_miles["Orlestone St Giles"]),
    int(pit["A-02"]["fee_gbp"]) > int(pit["F-03"]["fee_gbp"]),
    jud["J-03"]["first_judged"] < jud["J-01"]["first_judged"],
    "<td>heaviest onion</td><td>4.1 kg</td><td>Fitzroy Pargeter</td><td>Cawsey Magna</td><td>2022</td>" in rec
    and "<td>heaviest cabbage</td><td>19.6 kg</td><td>Cressida Vell</td><td>Harrowfold</td><td>2024</td>" in rec,
]
if not all(cmp_facts):
    probs.append(f"comparison facts {cmp_facts}")
check("derived counts and filter answers recomputed from the record files; restated facts agree", probs)

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
