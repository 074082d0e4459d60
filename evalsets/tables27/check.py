"""Checks for evalsets/tables27 (no model): run from anywhere (src/ is put on the path).

Prints PASS/FAIL per check and exits 1 if any check fails.
"""
from __future__ import annotations

import collections
import csv
import datetime
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
N_FILES, N_DOCS = 28, 100


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
      load_problems + ([] if len(files) == N_FILES else [f"expected {N_FILES} files"])
      + ([] if len(docs) == N_DOCS else [f"expected {N_DOCS} documents"]))

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

WANT = {"dev": {"single_hop": 12, "reverse": 5, "multi_hop": 5, "comparison": 5, "filter": 5,
                "temporal": 5, "unanswerable": 8},
        "test": {"single_hop": 20, "reverse": 8, "multi_hop": 6, "comparison": 6, "filter": 10,
                 "temporal": 8, "unanswerable": 12}}
KINDS = {"single_hop": {"value"}, "reverse": {"which"}, "multi_hop": {"chain"}, "comparison": {"pair"},
         "filter": {"condition", "count"}, "temporal": {"past", "changed", "current"},
         "unanswerable": {"absent"}}
probs = []
for split, items in (("dev", dev), ("test", test)):
    got = collections.Counter(i.type for i in items)
    if dict(got) != WANT[split]:
        probs.append(f"{split}: {dict(got)}")
    derived = [i.id for i in items if i.meta.get("derived")]
    if len(derived) != 1:
        probs.append(f"{split}: derived {derived}")
    for n, i in enumerate(items, 1):
        if i.meta.get("kind") not in KINDS[i.type]:
            probs.append(f"{i.id}: kind {i.meta.get('kind')!r} for {i.type}")
        if i.meta.get("derived") and i.meta.get("kind") != "count":
            probs.append(f"{i.id}: derived but not a count")
        if i.id != f"t27-{split}-{n:03d}":
            probs.append(f"{i.id}: bad id or out of order")
        if i.type == "comparison" and (not i.options or len(i.options) != 2):
            probs.append(f"{i.id}: comparison without two options")
        if i.type != "comparison" and i.options:
            probs.append(f"{i.id}: options on a non-comparison item")
        if (i.type == "unanswerable") != (not i.answers):
            probs.append(f"{i.id}: type/answers mismatch")
        if i.answers and not i.evidence:
            probs.append(f"{i.id}: no evidence")
        if not i.answers and i.evidence:
            probs.append(f"{i.id}: unanswerable with evidence")
check("type counts, ids, kinds, one derived count per split", probs)

ALL = dev + test
check("every evidence id is a document",
      [f"{i.id}: {e}" for i in ALL for e in i.evidence if e not in ids])


def doc_tokens(doc_id: str) -> list[str]:
    d = docs[doc_id]
    return answer_tokens(d.title + "\n" + d.text)


def squash(text: str) -> str:
    return " ".join(text.lower().split())


probs = []
for i in ALL:
    if not i.answers or i.meta.get("derived"):
        continue
    for g in i.answers:
        if not any(contains_tokens(doc_tokens(e), answer_tokens(g)) for e in i.evidence):
            probs.append(f"{i.id}: gold {g!r} not in its evidence")
check("every gold of answerable non-derived items occurs in an evidence document", probs)

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
        if len(i.evidence) < 2:
            probs.append(f"{i.id}: fewer than two hops")
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
# rule is a dead one) and no document outside its allowed list; a (regex, None) line must also
# be absent from the documents the line before allowed.
ABSENT = {
    "t27-dev-038": ([(r"\bVHF\b|\bchannel\b|\bch\.? ?\d", [])],
                    "The safety boats work on VHF channel 37."),
    "t27-dev-039": ([(r"Garroway[^|]{0,200}(\bborn\b|\baged?\b|years? old|birthday)|date of birth|\bborn in\b", [])],
                    "Elspeth Garroway was born in 2006, so she is aged 20."),
    "t27-dev-040": ([(r"\bhelm(ed|s)?\b[^.|]{0,80}3290|3290[^.|]{0,80}\b(helm(ed)?|sailed by|skipper)|Kessock[^.|]{0,80}\b(helm(ed)?|sailed by)\b", [])],
                    "The visitor 3290 was helmed by Tilda Munro of Kessock Water SC."),
    "t27-dev-041": ([(r"\b2027\b[^|.]{0,120}\brent\b|\brent\b[^|.]{0,120}\b2027\b", [])],
                    "The rent for 2027 will be GBP 7,790."),
    "t27-dev-042": ([(r"treasurer[^|]{0,160}\b19[5-9]\d\b|\b19[5-9]\d\b[^|]{0,160}treasurer",
                      ["history/flag-officers", "people/members#HM102", "people/members#HM160"]),
                     (r"(was|became|as|the) treasurer[^|.;]{0,30}\b19[5-9]\d\b|treasurer (in|from|since|until) 19[5-9]\d|\b19[5-9]\d\b[^|.;]{0,20}\btreasurer\b", None)],
                    "The treasurer in 1998 was Eustace Pimlott."),
    "t27-dev-043": ([(r"\b2025\b[^|]{0,120}(starters|boats (started|took part|entered))|(starters|entries)[^|]{0,80}\b2025\b", [])],
                    "The 2025 Harrowmere Pursuit had 24 starters."),
    "t27-dev-044": ([(r"cubic|\bm3\b|m³|megalit|million litres|\bgallons?\b|\bMl\b|capacity|holds? [\d,.]+", [])],
                    "Harrowmere holds 9.4 million cubic metres at top water level."),
    "t27-dev-045": ([(r"(rib-1|\bHeron\b)[^|.]{0,120}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}(rib-1|\bHeron\b)", []),
                     (r"\bpaid\b[^|.]{0,40}(second-hand|rib-1)|\bcost\b[^|.]{0,40}rib-1", None)],
                    "The Club paid GBP 9,800 for rib-1 (Heron) in 2024."),
    "t27-test-059": ([(r"(?-i:\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b)|post ?code", [])],
                     "The clubhouse postcode is OS7 4HW."),
    "t27-test-060": ([(r"commodore[^|]{0,160}\b19([5-7]\d|8\d)\b|\b19([5-7]\d|8\d)\b[^|]{0,160}commodore",
                       ["history/flag-officers", "records/trophies", "people/members#HM102", "people/members#HM131"]),
                      (r"commodore[^|.;]{0,40}\b19([5-7]\d|8\d)\b|\b19([5-7]\d|8\d)\b[^|.;]{0,30}commodore", None)],
                     "The commodore in 1985 was Harold Pinchbeck."),
    "t27-test-061": ([(r"phone number|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44|\b0\d{4} ?\d{6}\b", [])],
                     "The race box phone number is 01632 960 418."),
    "t27-test-062": ([(r"(Flying Ant|B19|Ostrel)[^|]{0,160}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}(Flying Ant|Ostrel)|\bpaid\b[^|.]{0,60}Flying Ant", [])],
                     "Jonas Veldkamp paid GBP 11,400 for Flying Ant."),
    "t27-test-063": ([(r"surplus[^|]{0,160}\b2025\b|\b2025\b[^|]{0,120}surplus", [])],
                     "In the year to September 2025 the surplus was GBP 12,930."),
    "t27-test-064": ([(r"\b2024\b[^|.]{0,60}\braces\b|\braces\b[^|.]{0,80}\b2024\b", ["rules/sailing-instructions-2026"]),
                      (r"\b\d+ races\b[^|.]{0,40}\b2024\b|\b2024\b[^|.]{0,30}\b\d+ races\b|races (sailed )?in 2024", None)],
                     "The Club sailed 41 races in 2024."),
    "t27-test-065": ([(r"boatman[^|.]{0,80}\b(is|named|called)\b|(?-i:[A-Z][a-z]+ [A-Z][a-z]+),? (our|the) boatman|boatman,? (?-i:[A-Z][a-z]+)", [])],
                     "The boatman is Derek Holroyd."),
    "t27-test-066": ([(r"207113[^|\n]{0,60}(called|named|\(|\")|(called|named)[^|.]{0,40}207113", [])],
                     "Grace Oduya's Brackle 207113 is called Sandpiper."),
    "t27-test-067": ([(r"\b(mark D|Dam mark)\b[^|.]{0,80}\b\d+(\.\d+)? ?m (deep|of water)\b|\bdepth\b[^|.]{0,40}\bmark D\b", [])],
                     "The water at mark D is 19 m deep."),
    "t27-test-068": ([(r"slipway[^|]{0,160}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}slipway|slipway[^|.]{0,60}\bcost\b", ["meetings/2026-03-07-agm"]),
                      (r"slipway[^|.]{0,100}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,60}slipway", None)],
                     "The slipway rebuild cost Calderbeck Water GBP 186,000."),
    "t27-test-069": ([(r"\b\d+\s+(pairs|nests|herons)\b|\bherons?\b[^.|]{0,40}\b\d+\b", [])],
                     "About 14 pairs of herons nest in Heronry Wood."),
    "t27-test-070": ([(r"Junior Shield[^|]{0,200}\b2024\b|\b2024\b[^|]{0,120}Junior Shield|best junior[^|]{0,120}\b2024\b", [])],
                     "The Junior Shield for 2024 went to Ada Brennan."),
}
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


# Counts and filters recomputed from the record files themselves (csv and jsonl read directly,
# markdown and HTML tables parsed): each derived count and each filter item's answer must be
# what the rows give; then the facts the wiki states in more than one place must agree.
def rows(rel: str) -> list[dict]:
    path = HERE / "corpus" / rel
    if rel.endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def page(rel: str) -> str:
    return (HERE / "corpus" / rel).read_text(encoding="utf-8")


def flat(rel: str) -> str:
    return " ".join(page(rel).split())


def table(rel: str, first: str, nth: int = 0) -> list[list[str]]:
    """The body rows of the nth pipe table whose first header cell is `first`, as lists of cells."""
    out: list[list[list[str]]] = []
    inside = False
    for line in page(rel).splitlines():
        if not line.startswith("|"):
            inside = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == first:
            inside = True
            out.append([])
            continue
        if inside and not set(cells[0]) <= set("-"):
            out[-1].append(cells)
    return out[nth]


def num(s: str) -> int:
    return int(s.replace(",", ""))


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def secs(t: str) -> int:
    p = [int(x) for x in t.split(":")]
    return p[0] * 60 + p[1] if len(p) == 2 else p[0] * 3600 + p[1] * 60 + p[2]


MEMBERS = rows("people/members.csv")
BOATS = rows("boats/boat-register.csv")
CLASSES = rows("boats/classes.csv")
RACES = rows("racing/races-2026.jsonl")
SERIES = rows("racing/series-2026.jsonl")
POWER = table("duties/safety-rota-2026.md", "Code")
ROTA = table("duties/safety-rota-2026.md", "Date")
SPACES = table("boatpark/spaces-2026.md", "Space")
COURSES = table("training/courses-2026.md", "Code")
INSTR = table("people/instructors.md", "Member")
OFFICERS = table("people/officers.md", "Office")
COMMODORES = table("history/flag-officers.md", "From", 0)
TREASURERS = table("history/flag-officers.md", "From", 1)
SUBS = table("prices/subscription-history.md", "From")
MARKS = table("water/marks-and-zones.md", "Mark")
mem = {m["ID"]: m for m in MEMBERS}
boat = {b["id"]: b for b in BOATS}
cls = {c["id"]: c for c in CLASSES}
race = {r["id"]: r for r in RACES}
ser = {s["id"]: s for s in SERIES}
power = {p[0]: p for p in POWER}
space = {s[0]: s for s in SPACES}
course = {c[0]: c for c in COURSES}
instr = {r[0]: r[1].split(", ") for r in INSTR}
off = {o[0]: o for o in OFFICERS}
by_id = {i.id: i for i in ALL}
fees_page = page("prices/fees-2026.md")
rate = {k: (num(a), num(b)) for k, a, b in re.findall(r"^\| ([^|]+?) \| ([\d,]+) \| ([\d,]+) \|$", fees_page, re.M)}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t27-dev-028": str(sum(m["pb2"] == "Y" for m in MEMBERS)),
    "t27-test-041": str(sum(r["status"] == "cancelled" for r in RACES)),
    # filters: the one row, record or table line meeting the condition
    "t27-dev-029": [b["name"] for b in BOATS if b["owner"] == "club" and b["status"] == "for sale"],
    "t27-dev-030": [s["name"] for s in SERIES if s["status"] == "complete" and s["winner"] is None],
    "t27-dev-031": [m["member"] for m in MEMBERS if m["grade"] == "student"],
    "t27-dev-032": [s[0] for s in SPACES if s[1] == "C" and not s[2]],
    "t27-test-042": [b["name"] for b in BOATS if b["owner"] == "club" and b["status"] == "under repair"],
    "t27-test-043": [c["name"] for c in CLASSES if c["crew"] == "2" and c["pn_2026"] == c["pn_2025"]],
    "t27-test-044": [m["member"] for m in MEMBERS if m["grade"] == "crew"],
    "t27-test-045": [m["member"] for m in MEMBERS if m["grade"] == "full" and m["subs_paid"] == "N"],
    "t27-test-046": [f"Autumn race {r['race']}" for r in RACES if r["status"] == "abandoned" and r["series"] == "AUT"]
                    + [r["id"] for r in RACES if r["status"] == "abandoned" and r["series"] != "AUT"],
    "t27-test-047": [s["name"] for s in SERIES if s["scheduled"] == 1],
    "t27-test-048": [b["name"] for b in BOATS if b["built"] == "2023"],
    "t27-test-049": [mem[k]["member"] for k, q in instr.items() if q == ["AI"]],
    "t27-test-050": [m["member"] for m in MEMBERS if m["grade"] == "life"],
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
if sorted(by_id["t27-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["pb2"] == "Y") \
        or sorted(by_id["t27-test-041"].evidence) != sorted(f"racing/races-2026#{r['id']}" for r in RACES if r["status"] == "cancelled"):
    probs.append("derived counts' evidence is not the rows counted")

# classes and the boat register: classes exist, register counts, owners both ways, spaces
for b in BOATS:
    if b["class"] not in cls or (b["owner"] != "club" and b["owner"] not in mem):
        probs.append(f"{b['id']}: class or owner")
    if (b["owner"] == "club") != (b["space"] == "compound"):
        probs.append(f"{b['id']}: club boats and only they live in the compound")
    if b["owner"] != "club" and mem[b["owner"]]["boat"] != b["id"]:
        probs.append(f"{b['id']}: the owner's members row does not name it")
    if b["status"] not in ("in use", "under repair", "for sale"):
        probs.append(f"{b['id']}: status {b['status']}")
for m in MEMBERS:
    if m["boat"] and (m["boat"] not in boat or boat[m["boat"]]["owner"] != m["ID"]):
        probs.append(f"{m['ID']}: boat {m['boat']}")
for c in CLASSES:
    if int(c["on_register"]) != sum(b["class"] == c["id"] for b in BOATS):
        probs.append(f"class {c['id']}: on_register {c['on_register']}")
singles = [c for c in CLASSES if c["crew"] == "1"]
if min(singles, key=lambda c: int(c["pn_2026"]))["id"] != "OST" or "fastest single-hander" not in cls["OST"]["notes"] \
        or [c["id"] for c in CLASSES if c["hull"] == "catamaran"] != ["SKR"] \
        or [b["id"] for b in BOATS if cls[b["class"]]["hull"] == "catamaran"] != ["B17"] or "only catamaran" not in boat["B17"]["notes"] \
        or min((b for b in BOATS if b["owner"] != "club"), key=lambda b: b["built"])["id"] != "B16" \
        or min((b for b in BOATS if b["owner"] != "club" and b["class"] == "BRK"), key=lambda b: b["built"])["id"] != "B11" \
        or min((b for b in BOATS if b["owner"] == "club"), key=lambda b: b["built"])["id"] != "B08":
    probs.append("classes and register superlatives")
# sail numbers rise with the year built within a class
for c in CLASSES:
    bs = sorted((b for b in BOATS if b["class"] == c["id"]), key=lambda b: int(b["sail_no"]))
    if [b["built"] for b in bs] != sorted(b["built"] for b in bs):
        probs.append(f"class {c['id']}: sail numbers out of order with the years built")

# boat park: rows A, C and J listed in full; register spaces agree; owners agree; catamarans in C
rows_count = collections.Counter(s[1] for s in SPACES)
if rows_count != {"A": 8, "C": 3, "J": 6} or "row A (eight" not in flat("boatpark/spaces-2026.md") \
        or "row C (three" not in flat("boatpark/spaces-2026.md") or "six cradles" not in flat("boatpark/spaces-2026.md"):
    probs.append(f"boat park rows {rows_count}")
for s in SPACES:
    if not s[0].startswith(s[1].lower() + "-"):
        probs.append(f"space {s[0]}: row {s[1]}")
    if s[2] in boat and (boat[s[2]]["space"] != s[0] or boat[s[2]]["owner"] != s[3]):
        probs.append(f"space {s[0]}: {s[2]} / {s[3]} against the register")
    if (not s[2]) != (s[4] == "") or (not s[2]) != ("vacant" in s[5]):
        probs.append(f"space {s[0]}: vacancy")
for b in BOATS:
    if b["space"][:2] in ("a-", "c-", "j-") and b["space"] not in space:
        probs.append(f"{b['id']}: space {b['space']} not on the spaces page")
    if b["space"].startswith("b-") and b["space"] in space:
        probs.append(f"{b['id']}: a row B space on the page")
    if (cls[b["class"]]["hull"] == "catamaran") != b["space"].startswith("c-") and b["owner"] != "club":
        probs.append(f"{b['id']}: catamarans and row C")
if space["a-04"][3] != "HM190" or space["a-04"][4] != "N" or "row A space fee not paid" not in mem["HM190"]["notes"]:
    probs.append("the unpaid row A space")

# instructors, courses, powerboat drivers, the rota and the members' duties
if {m["ID"] for m in MEMBERS if m["instructor"] == "Y"} != set(instr) or "Five instructors in all" not in flat("people/instructors.md"):
    probs.append("instructors against the members list")
if "principal instructor" not in mem["HM127"]["notes"] or "SI" not in instr["HM127"] or off["Principal instructor"][2] != "HM127":
    probs.append("the principal instructor")
course_rate = {"Start sailing, adults": "Start sailing, adults (two weekends)", "Safety boat course": "Safety boat course (two days)",
               "Junior sailing, summer term": "Junior sailing (a term of five Saturdays)",
               "Junior sailing, autumn term": "Junior sailing (a term of five Saturdays)",
               "Start racing": "Start racing (one day)", "Boat handling day": "Boat handling day (own boat)"}
for c in COURSES:
    need = {"PB"} if c[1] == "Safety boat course" else {"SI", "DI"}
    if c[3] not in instr or not need & set(instr[c[3]]) or int(c[6]) > int(c[5]) \
            or int(c[7]) != rate[course_rate[c[1]]][0] or c[8] not in ("held", "cancelled"):
        probs.append(f"course {c[0]}: {c}")
    for bcode in c[4].split(", "):
        if bcode not in cls and bcode not in power and bcode != "own":
            probs.append(f"course {c[0]}: boats {bcode}")
if set(instr["HM211"]) != {"AI"} or "HM211 assisted HM138" not in flat("training/courses-2026.md"):
    probs.append("the assistant instructor")
drivers = set()
duty = collections.Counter()
for r in ROTA:
    rids = r[1].split(", ")
    cancelled = all(race[x]["status"] == "cancelled" for x in rids)
    if ("cancelled" in r[6]) != cancelled or ("abandoned" in r[6]) != any(race[x]["status"] == "abandoned" for x in rids):
        probs.append(f"rota {r[0]}: notes against the results log")
    for x in rids:
        if race[x]["date"] != r[0] or race[x]["ood"] != r[2] or race[x]["safety_boat"] != r[3]:
            probs.append(f"rota {r[0]}: {x} OOD or boat")
    if r[3] not in power or "not a rota safety boat" in power[r[3]][6] or mem[r[4]]["pb2"] != "Y":
        probs.append(f"rota {r[0]}: boat {r[3]} or driver {r[4]}")
    if len({r[2], r[4], r[5]}) != 3 or any(mem[x]["grade"] == "junior" for x in (r[2], r[4], r[5])):
        probs.append(f"rota {r[0]}: people")
    if not cancelled:
        for x in {r[2], r[4], r[5]}:
            duty[x] += 1
for m in MEMBERS:
    if duty[m["ID"]] != int(m["duties_2026"]):
        probs.append(f"{m['ID']}: duties_2026 {m['duties_2026']}, rota {duty[m['ID']]}")
if [x for r in ROTA for x in r[1].split(", ")] != [r["id"] for r in RACES] \
        or len(POWER) != 3 or "a third powerboat" not in power["rib-1"][6] or "2024" not in power["rib-1"][6]:
    probs.append("rota covers every race once, in order; three powerboats")

# the results log: ids and dates in order, series both ways, corrected times from the handicap
# list in force on the day, time limits, statuses, the winners' crews not on duty
if [r["id"] for r in RACES] != [f"R26-{n:02d}" for n in range(1, len(RACES) + 1)] \
        or [r["date"] for r in RACES] != sorted(r["date"] for r in RACES):
    probs.append("results log not in order")
rota_day = {x: r for r in ROTA for x in r[1].split(", ")}
for r in RACES:
    s = ser.get(r["series"])
    if s is None or r["id"] not in s["races"]:
        probs.append(f"{r['id']}: series {r['series']}")
        continue
    if r["ood"].lower() not in r["text"].lower() and r["status"] != "cancelled":
        probs.append(f"{r['id']}: text lacks the OOD")
    if r["status"] == "cancelled":
        if r["starters"] != 0 or r["winner"] or r["elapsed"] or r["corrected"]:
            probs.append(f"{r['id']}: a cancelled race with results")
        continue
    if r["status"] == "abandoned":
        if r["winner"] or r["elapsed"] or r["corrected"] or "75-minute time limit" not in r["text"]:
            probs.append(f"{r['id']}: an abandoned race with results")
        continue
    if r["status"] != "sailed" or not r["elapsed"]:
        probs.append(f"{r['id']}: status {r['status']}")
        continue
    limit = 75 if r["date"] >= "2026-03-01" else 90
    if r["series"] != "PUR" and secs(r["elapsed"]) >= limit * 60:
        probs.append(f"{r['id']}: elapsed {r['elapsed']} over the {limit}-minute limit")
    if r["series"] in ("MOP", "PUR"):
        if r["corrected"] is not None:
            probs.append(f"{r['id']}: a class or pursuit race with a corrected time")
    else:
        b = boat[r["winner"]]
        key = "pn_2026" if r["date"] >= "2026-03-01" else "pn_2025"
        want = int(secs(r["elapsed"]) * 1000 / int(cls[b["class"]][key]) + 0.5)
        if r["corrected"] != f"{want // 60}:{want % 60:02d}" or r["elapsed"] not in r["text"] or r["corrected"] not in r["text"]:
            probs.append(f"{r['id']}: corrected {r['corrected']}, want {want // 60}:{want % 60:02d}")
    if r["winner"]:
        if r["winner"] not in r["text"]:
            probs.append(f"{r['id']}: text lacks the winner's code")
        crew = {boat[r["winner"]]["owner"]} | ({"HM179"} if r["winner"] == "B14" else set())
        row = rota_day[r["id"]]
        on_duty = {row[2], row[4], row[5]}  # OOD, driver, crew
        if crew & on_duty:
            probs.append(f"{r['id']}: the winner's crew was on duty")
if "2025 number" not in race["R26-01"]["text"] or "2026 number" not in race["R26-22"]["text"] \
        or "2026 handicap numbers" not in race["R26-04"]["text"] or "three-minute start" not in race["R26-04"]["text"]:
    probs.append("the handicap lists and start sequence in force on the day")
for s in SERIES:
    mine = [r for r in RACES if r["series"] == s["id"]]
    done = sum(r["status"] == "sailed" for r in mine) + (4 if s["id"] == "FRB" else 0)
    if [r["id"] for r in mine] != s["races"] or s["sailed"] != done \
            or s["scheduled"] != len(mine) + (4 if s["id"] == "FRB" else 0) + (6 if s["id"] == "FRX" else 0) \
            or s["discards"] != s["sailed"] // (4 if s["instructions"] == "2019" else 3):
        probs.append(f"series {s['id']}: races, sailed, scheduled or discards")
    if s["instructions"] != ("2019" if s["first_race"] < "2026-03-01" else "2026") \
            or (mine and (mine[0]["date"] < s["first_race"] or mine[-1]["date"] > s["last_race"])):
        probs.append(f"series {s['id']}: instructions or dates")
    if s["winner"]:
        if boat[s["winner"]]["owner"] != s["helm"] or s["winner"] not in s["text"] or s["helm"] not in s["text"]:
            probs.append(f"series {s['id']}: winner and helm")
        if s["id"] != "PUR" and not any(r["winner"] == s["winner"] for r in mine):
            probs.append(f"series {s['id']}: the winner won no race")
    elif s["status"] == "complete" and "visitor" not in s["text"]:
        probs.append(f"series {s['id']}: no winner")
if "races 1 to 4 were sailed in 2025" not in ser["FRB"]["text"] or sum(r["winner"] == "B14" for r in RACES if r["series"] == "SPR") != 2 \
        or sum(r["winner"] == "B19" for r in RACES if r["series"] == "SUM") != 3 or "won three of the five" not in ser["SUM"]["text"] \
        or ser["FRX"]["status"] != "in progress" or "14 of them visitors" not in race["R26-11"]["text"] \
        or race["R26-11"]["starters"] != 19 or race["R26-12"]["starters"] != 19 or race["R26-12"]["winner"] != "B12":
    probs.append("series details against the results log")

# trophies and Pursuit winners against the series, members and register
html = page("records/trophies.html")
troph = {t[0]: t for t in re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>(\d{4})</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)}
purs = re.findall(r"<tr><td>(\d{4})</td><td>([^<]+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", html)
for s in SERIES:
    if s["status"] == "complete" and s["helm"]:
        if troph[s["trophy"]][5] != mem[s["helm"]]["member"] or troph[s["trophy"]][1].split(" (")[0] != s["name"].split(" 20")[0]:
            probs.append(f"trophy {s['trophy']}: 2026 holder against series {s['id']}")
name_of = {m["member"]: m for m in MEMBERS}
for year, helm, klass, bname in purs:
    if helm in name_of and name_of[helm]["boat"]:
        b = boat[name_of[helm]["boat"]]
        if (b["name"], cls[b["class"]]["name"]) != (bname, klass):
            probs.append(f"Pursuit {year}: {helm} in {bname}")
p26 = [p for p in purs if p[0] == "2026"][0]
if p26[1] != mem[ser["PUR"]["helm"]]["member"] or p26[3] != boat[ser["PUR"]["winner"]]["name"] \
        or [p[1] for p in purs if p[0] == "2020"] != ["not sailed"] or "shut to boats from March to June" not in flat("prices/subscription-history.md") \
        or [p[0] for p in purs if p[1] == "Ruth Emmerson"] != ["2024", "2026"] or "also won it in 2024" not in ser["PUR"]["text"] \
        or troph["Ingledew Bowl"][3] != "Walter Ingledew" or troph["Midsummer Salver"][3] != "Margery Fenton" \
        or "gave the Midsummer Salver" not in flat("history/flag-officers.md") or troph["Junior Shield"][3] != "Rosamund Thackeray" \
        or "gave the Junior Shield in 2001" not in mem["HM102"]["notes"] or troph["Junior Shield"][2] != "2001" \
        or troph["Frostbite Jug"][3] != "Clement Arbuthnot" or int(troph["Frostbite Jug"][2]) + 20 >= 2002:
    probs.append("trophies and Pursuit winners")

# the capsize: the report against the register, the course, the rota's boats, the zones
cap = flat("notes/2026-08-capsize-report.txt")
t = dict((b, a) for a, b in re.findall(r"^  (\d\d:\d\d)  (.+)$", page("notes/2026-08-capsize-report.txt"), re.M))
mins = (datetime.datetime.strptime(t["second pupil out of the water, after clinging to the centreboard"], "%H:%M")
        - datetime.datetime.strptime(t["Burdock capsized and inverted"], "%H:%M")).seconds // 60
c6 = course["TC-6"]
if f"{mins} minutes" not in cap or boat["B05"]["status"] != "under repair" or "30 August 2026" not in boat["B05"]["notes"] \
        or boat["B05"]["class"] != "CRY" or "TC-6" not in cap or not c6[2].startswith("2026-08-22") or not c6[2].endswith("2026-08-30") \
        or f"The instructor, {c6[3]}" not in cap or mem["HM160"]["pb2"] != "Y" or "HM160 in rib-2" not in cap \
        or "60 m off the dam wall" not in cap or "60 m off the middle of the dam wall" not in flat("water/marks-and-zones.md") \
        or "50 m off the dam wall" not in flat("rules/sailing-instructions-2026.md") or "gust of 24 knots at 14:02" not in cap:
    probs.append("the capsize report against the register, the courses and the zones")

# the algae closure and the dam slipway against the results log, the courses and the lease
closed_from, closed_to = day("2026-06-26"), day("2026-07-31")
days_closed = (closed_to - closed_from).days + 1
for r in RACES:
    if closed_from <= day(r["date"]) <= closed_to and r["status"] != "cancelled":
        probs.append(f"{r['id']}: raced during the algae closure")
    if r["status"] == "cancelled" and not closed_from <= day(r["date"]) <= closed_to and "ice" not in r["text"]:
        probs.append(f"{r['id']}: cancelled for no reason")
c5 = course["TC-5"]
news_a = flat("news/2026-08-algae-closure.md")
if not (closed_from <= day(c5[2][:10]) <= closed_to and c5[8] == "cancelled") or f"{days_closed} days" not in news_a \
        or f"{days_closed} days" not in flat("meetings/2026-10-21-committee.md") or f"lasted {days_closed} days" not in flat("notes/2026-10-accounts.txt") \
        or "more than 60 days" not in flat("lease/calderbeck-lease-2024.md") or days_closed > 60 \
        or race["R26-16"]["date"] != "2026-08-02" or "day after the reservoir reopened" not in race["R26-16"]["text"] \
        or "two Summer Evening races cancelled" not in news_a or sum(r["series"] == "SUM" and r["status"] == "cancelled" for r in RACES) != 2:
    probs.append("the algae closure against the results log, courses, minutes and lease")
news_s = flat("news/2026-04-dam-slipway.md")
if "still being rebuilt" not in race["R26-05"]["text"] or "rebuilt dam slipway" not in race["R26-06"]["text"] \
        or "first Sunday of racing from it was 19 April" not in news_s or race["R26-06"]["date"] != "2026-04-19" \
        or "11 April 2026" not in news_s or "the company maintains the dam slipway" not in flat("lease/calderbeck-lease-2024.md"):
    probs.append("the dam slipway against the results log and the lease")

# the accounts: every line from the fees page's rates, the members, spaces, courses and races
acc = page("notes/2026-10-accounts.txt")
grades = {k: int(v) for k, v in re.findall(r"^  (Full|Family|Crew|Student|Junior|Life|Social) +(\d+)", acc, re.M)}
unpaid = collections.Counter(m["grade"] for m in MEMBERS if m["subs_paid"] == "N")
paid_spaces = collections.Counter(s[1] for s in SPACES if s[4] == "Y")
row_b = int(re.search(r"Boat park, row B +GBP +[\d,]+ +\((\d+) x", acc).group(1))
held = [c for c in COURSES if c[8] == "held" and c[2][:10] <= "2026-09-30"]  # paid on booking: by start date
visitors = int(re.search(r"(\d+) of them visitors", race["R26-11"]["text"]).group(1))
want_lines = {
    "Subscriptions, full": (grades["Full"] - unpaid["full"]) * rate["Full"][0],
    "Subscriptions, family": grades["Family"] * rate["Family (two adults and their children under 18)"][0],
    "Subscriptions, crew": (grades["Crew"] - unpaid["crew"]) * rate["Crew (sails but owns no boat)"][0],
    "Subscriptions, student": (grades["Student"] - unpaid["student"]) * rate["Student"][0],
    "Subscriptions, junior": (grades["Junior"] - unpaid["junior"]) * rate["Junior (under 18)"][0],
    "Subscriptions, social": grades["Social"] * rate["Social (no sailing)"][0],
    "Life memberships": 1 * rate["Life (once)"][0],
    "Boat park, row A": paid_spaces["A"] * rate["Row A (by the north slip)"][0],
    "Boat park, row B": row_b * rate["Row B (upper park)"][0],
    "Boat park, row C": paid_spaces["C"] * rate["Row C (catamarans)"][0],
    "Boat park, junior rack": paid_spaces["J"] * rate["Junior rack"][0],
    "Club boat hire": 34 * rate["Club boat, a session (members)"][1] + 212 * rate["Club boat, a session (members)"][0],
    "Club boat season tickets": 9 * rate["Club boat season ticket"][0],
    "Training courses": sum(int(c[6]) * int(c[7]) for c in held),
    "Open meeting entries": visitors * rate["Open meeting entry (visitors, a boat)"][0],
    "Rent to Calderbeck Water": 7416 // 4 + 3 * 7560 // 4,
}
got_lines = {k.strip(): num(v) for k, v in re.findall(r"^ *([A-Za-z0-9,'\- ]+?) +GBP +([\d,]+)", acc, re.M)}
for k, v in want_lines.items():
    if got_lines.get(k) != v:
        probs.append(f"accounts: {k} {got_lines.get(k)} is not {v}")
inc_keys = [k for k in want_lines if k != "Rent to Calderbeck Water"] + ["Bar and galley, net", "Ostleby Town Council grant"]
cost_keys = ["Rent to Calderbeck Water", "Insurance", "Boatman's wages", "Clubhouse repairs and cleaning",
             "Clubhouse power and water", "New engine for rib-2", "Powerboat fuel and servicing",
             "Club boat repairs and sails", "Instructors' expenses", "Website and results software"]
income = sum(got_lines[k] for k in inc_keys)
costs = sum(got_lines[k] for k in cost_keys)
people = grades["Full"] + 96 + grades["Crew"] + grades["Student"] + grades["Junior"] + grades["Life"] + grades["Social"]
committee = flat("meetings/2026-10-21-committee.md")
agm = flat("meetings/2026-03-07-agm.md")
if got_lines["Total income"] != income or got_lines["Total costs"] != costs or got_lines["Surplus"] != income - costs \
        or f"surplus of GBP {income - costs:,}" not in committee or f"Members at 30 September: {people}" not in committee \
        or not re.search(rf"Total members +{people} people", acc) or len(got_lines) != len(inc_keys) + len(cost_keys) + 3 \
        or [c[0] for c in held] != ["TC-1", "TC-2", "TC-3", "TC-4", "TC-6", "TC-7"] or "(TC-1 to TC-7; TC-5 refunded)" not in acc \
        or "GBP 7,560 for 2026" not in agm or "2025's 7,416" not in acc or "GBP 7,200 for 2024" not in flat("lease/calderbeck-lease-2024.md") \
        or f"GBP {got_lines['Ostleby Town Council grant']:,} grant" not in agm or sum(unpaid.values()) != 2 \
        or "one full and one student" not in acc or "Two members who have sailed this year have not paid" not in committee:
    probs.append(f"accounts totals: income {income}, costs {costs}, members {people}")
if "331 members at 31 December 2025" not in agm or "GBP 165 for 2026" not in agm:
    probs.append("the AGM's figures")

# the subscription history against the fees, about, questions and minutes pages
hist = {(r[0], r[1]): int(r[2]) for r in SUBS}
periods = [(day(a), day(b) if b else None) for a, b in hist]
for (a1, b1), (a2, _) in zip(periods, periods[1:]):
    if b1 is None or (a2 - b1).days != 1:
        probs.append(f"subscription periods not back to back at {a2}")
def sub_in(d: str) -> int:
    return [v for (a, b), v in hist.items() if a <= d and (not b or d <= b)][0]
if hist[("2026-01-01", "")] != rate["Full"][0] or sub_in("2025-06-01") != rate["Full"][1] \
        or f"| Full subscription | GBP {sub_in('2013-06-15')} a year |" not in page("about.md") \
        or f"A full member pays GBP {sub_in('2017-04-22')} a year" not in flat("faq/newcomers-2017.md") \
        or sub_in("2020-06-01") * 4 != sub_in("2019-06-01") * 3 or sub_in("2016-03-01") != 110 or sub_in("2016-05-01") != 124 \
        or "GBP 175 for a full member" not in committee or "GBP 175 for 2027" not in flat("prices/subscription-history.md"):
    probs.append("subscription history against the fees, about, questions and minutes pages")

# commodores and treasurers against the about, questions, officers and members pages
for tbl in (COMMODORES, TREASURERS):
    for r1, r2 in zip(tbl, tbl[1:]):
        if (day(r2[0]) - day(r1[1])).days != 1:
            probs.append(f"officer periods not back to back at {r2[0]}")
def held_in(tbl: list[list[str]], d: str) -> str:
    return [r[2] for r in tbl if r[0] <= d and (not r[1] or d <= r[1])][0]
about = page("about.md")
if f"| Commodore | {held_in(COMMODORES, '2013-06-15')} |" not in about or held_in(COMMODORES, "2017-04-22") != "Grace Oduya" \
        or "owner: Grace Oduya" not in page("faq/newcomers-2017.md") or "owner: Frederick Naismith" not in about \
        or COMMODORES[-1][2] != off["Commodore"][1] or COMMODORES[-1][0][:4] != off["Commodore"][3] \
        or TREASURERS[-1][2] != off["Treasurer"][1] or TREASURERS[-1][0][:4] != off["Treasurer"][3] \
        or [r[0][:4] + "-" + r[1][:4] for r in TREASURERS if r[2] == "Rosamund Thackeray"] != ["2001-2009"] \
        or [r[0][:4] + "-" + r[1][:4] for r in COMMODORES if r[2] == "Rosamund Thackeray"] != ["2009-2011"] \
        or "treasurer 2001-2009 and commodore 2009-2011" not in mem["HM102"]["notes"] \
        or [r[0][:4] + "-" + r[1][:4] for r in TREASURERS if r[2] == "Aled Prothero"] != ["2014-2020"] or "treasurer 2014-2020" not in mem["HM160"]["notes"] \
        or [r[3] for r in COMMODORES if r[2] == "Desmond Achterberg"] != ["acting commodore until the AGM"] \
        or "acting commodore in the winter of 2011-12" not in mem["HM131"]["notes"] \
        or f"| President | {off['President'][1]} |" not in about or "president since 2012" not in flat("history/flag-officers.md") \
        or off["President"][3] != "2012" or "commodore since 2023" not in mem["HM118"]["notes"] \
        or "puts forward Desmond Achterberg" not in committee or "after four years" not in committee \
        or 2027 - int(off["Commodore"][3]) != 4:
    probs.append("commodores and treasurers against the about, questions, officers, members and minutes pages")
for o in OFFICERS:
    if o[2] and mem[o[2]]["member"] != o[1]:
        probs.append(f"officer {o[0]}: {o[2]} is not {o[1]}")
jobs = {"Commodore": "commodore", "Vice commodore": "vice commodore", "Rear commodore (racing)": "rear commodore (racing)",
        "Sailing secretary": "sailing secretary", "Principal instructor": "principal instructor", "Safety officer": "safety officer",
        "Bosun": "bosun", "Boat park manager": "boat park manager"}
for office, word in jobs.items():
    if word not in mem[off[office][2]]["notes"]:
        probs.append(f"officer {office}: not in {off[office][2]}'s notes")
if "owner: " + off["Boat park manager"][1] not in page("boatpark/spaces-2026.md") or "owner: " + off["Treasurer"][1] not in fees_page \
        or "owner: " + off["Rear commodore (racing)"][1] not in page("duties/safety-rota-2026.md") \
        or "owner: " + off["Sailing secretary"][1] not in page("rules/sailing-instructions-2026.md") \
        or "OOD HM113, the sailing secretary" not in race["R26-16"]["text"] or off["Sailing secretary"][2] != "HM113":
    probs.append("page owners against the officers")

# the sailing instructions, the lease and the older pages
si1, si2 = flat("rules/sailing-instructions-2019.md"), flat("rules/sailing-instructions-2026.md")
faq = flat("faq/newcomers-2017.md")
lease1, lease2 = flat("lease/calderbeck-lease-2008.md"), flat("lease/calderbeck-lease-2024.md")
if "| Discards | one for every four races sailed in a series |" not in si1 or "| one for every three races sailed |" not in si2 \
        or "| Time limit | 90 minutes for the first boat to finish" not in si1 or "| 75 minutes for the first boat;" not in si2 \
        or "signals at 5, 4 and 1 minute" not in faq or "| Starting sequence | 5, 4, 1, go" not in si1 \
        or "the sequence is three minutes" not in flat("guides/running-a-race.md") or "| 3, 2, 1, go:" not in si2 \
        or "within 45 minutes of the last boat ashore" not in si2 or "Adults are strongly advised to" not in faq \
        or "must be worn afloat by everyone" not in si2 or "Both wore buoyancy aids" not in cap \
        or "| Powerboats | two, for safety cover only |" not in lease1 or "| Powerboats | two | three," not in lease2 \
        or "| Safety boats | two |" not in about or "| Boats on the water at once | no more than 60 |" not in lease1 \
        or "| 28 days' notice; no more than six a year |" not in lease2 or "| Open meetings | 14 days' notice to the company |" not in lease1 \
        or "| Length | 21 years from 1 January 2008 |" not in lease1 or "21 years from 2008" not in about \
        or "| Keep-out zone | 30 m off the draw-off tower |" not in si1 or "| 50 m off the dam wall and the draw-off tower |" not in lease2:
    probs.append("sailing instructions, lease and older pages")
# marks: the heronry closure and mark C; the guide
mk = {m[0]: m for m in MARKS}
if mk["C"][4] != "August to October only" or "1 March to 31 July" not in flat("water/marks-and-zones.md") \
        or "mark C is not laid until August" not in flat("guides/running-a-race.md") or mk["E"][4] != "March to October":
    probs.append("marks")
for r in RACES:  # a race may only round a mark that is laid on its date
    month = int(r["date"][5:7])
    for m in re.findall(r"\bmark ([A-F])\b", r["text"]):
        if (m == "C" and not 8 <= month <= 10) or (m == "E" and not 3 <= month <= 10):
            probs.append(f"{r['id']}: rounds mark {m}, which is not laid in month {month}")

# metadata and cells the comparisons use
tc = {c[0]: int(c[6]) for c in COURSES}
cmp_facts = [
    int(cls["FEN"]["pn_2026"]) < int(cls["HLN"]["pn_2026"]),
    int(mem["HM113"]["joined"]) < int(mem["HM160"]["joined"]),
    int(boat["B18"]["built"]) < int(boat["B12"]["built"]),
    float(power["rib-1"][3].split()[0]) > float(power["rib-2"][3].split()[0]),
    tc["TC-3"] > tc["TC-6"],
    int(cls["BRK"]["pn_2026"]) < int(cls["SCW"]["pn_2026"]),
    int(mem["HM166"]["joined"]) < int(mem["HM127"]["joined"]),
    int(boat["B14"]["built"]) < int(boat["B10"]["built"]),
    race["R26-19"]["starters"] > race["R26-09"]["starters"],
    rate["Safety boat course (two days)"][0] > rate["Start racing (one day)"][0],
    int(mem["HM152"]["duties_2026"]) > int(mem["HM172"]["duties_2026"]),
]
if not all(cmp_facts):
    probs.append(f"comparison facts {cmp_facts}")
check("derived counts and filter answers recomputed from the record files; restated facts agree", probs)

probs = []
qs = collections.Counter(" ".join(answer_tokens(i.question)) for i in ALL)
probs += [f"repeated question: {q}" for q, n in qs.items() if n > 1]
dev_golds = {g.strip().lower() for i in dev for g in i.answers}
probs += [f"{i.id}: test gold {g!r} is a dev gold" for i in test for g in i.answers
          if g.strip().lower() in dev_golds]
check("no repeated question; no test gold equals a dev gold", probs)

want = hashlib.sha256((HERE / "test.jsonl").read_bytes()).hexdigest() + "  test.jsonl\n"
sha = HERE / "test.jsonl.sha256"
got = sha.read_text() if sha.exists() else ""
check("test.jsonl.sha256 matches", [] if got == want else [f"sha file {got!r} != {want!r}"])

print("ALL PASS" if not FAILS else f"{len(FAILS)} FAILED: {FAILS}")
sys.exit(1 if FAILS else 0)
