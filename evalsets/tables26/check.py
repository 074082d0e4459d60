"""Checks for evalsets/tables26 (no model): run from anywhere (src/ is put on the path).

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
      load_problems + ([] if len(files) == 28 else ["expected 28 files"])
      + ([] if len(docs) == 107 else ["expected 107 documents"]))

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
    for n, i in enumerate(items, 1):
        if not i.meta.get("kind"):
            probs.append(f"{i.id}: no kind")
        if i.id != f"t26-{split}-{n:03d}":
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
# rule is a dead one) and no document outside its allowed list.
ABSENT = {
    "t26-dev-038": ([(r"https?://|\bwww\.|\.org\b|\.co\.uk\b|\.com\b|web ?site (address|is at)", [])],
                    "The Club's website is www.wendmoorcaving.org.uk."),
    "t26-dev-039": ([(r"Lomax[^|]{0,200}(\bborn\b|\baged?\b|years? old|birthday)|date of birth|\bborn in\b", [])],
                    "Kit Lomax was born in 1996, so is 30 years old."),
    "t26-dev-040": ([(r"(?-i:\b[A-Z]{2} ?\d{3,5} ?\d{3,5}\b)|grid ref(erence)?|\bNGR\b", [])],
                    "The entrance to Lantern Pot is at grid reference WM 4127 8873."),
    "t26-dev-041": ([(r"\b\d[\d,]*\s+(\w+\s+){0,2}bats\b|bats?[^.|]{0,30}\b(counted|count|numbers?)\b[^.|]{0,30}\d", [])],
                    "The winter count found 212 hibernating bats in Hagg Wood Swallet."),
    "t26-dev-042": ([(r"tackle master[^|.]{0,120}\b19[89]\d\b|\b19[89]\d\b[^|.\n]{0,60}tackle master|\b19(8\d|9[0-7])\b[^|]{0,80}tackle", ["people/members#M112"]),
                     (r"tackle master[^|.;]{0,40}\b19[89]\d\b|\b19[89]\d\b[^|.;]{0,20}tackle master", None)],
                    "The tackle master in 1995 was Leonard Airey."),
    "t26-dev-043": ([(r"(Scarth|PM-01)[^|]{0,160}\b2025\b|\b2025\b[^|]{0,160}Scarth", ["access/permits#PM-04"])],
                    "In 2025 the Scarth Moor Estate's permit cost GBP 100."),
    "t26-dev-044": ([(r"Cowl Hole[^|]{0,160}(first|descen|explored|discovered|found)|(first|descen|explored|discovered)[^.|]{0,100}Cowl Hole", [])],
                    "Cowl Hole was first descended by Hector Baines in 1964."),
    "t26-dev-045": ([(r"(AGM|annual general meeting)[^|]{0,120}\b2025\b[^|]{0,120}(present|attend|came)|\b2025\b[^|]{0,60}(AGM|annual general meeting)[^|]{0,60}(present|attend)", [])],
                    "The AGM of 1 March 2025 had 38 members present."),
    "t26-test-059": ([(r"phone number|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44|\b0\d{4} ?\d{6}\b", ["rescue/call-out-list"]),
                      (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44", None)],
                     "The hut's phone number is 01632 960 512."),
    "t26-test-060": ([(r"chair(man|woman)?[^|]{0,160}\b19([67]\d|8[0-3])\b|\b19([67]\d|8[0-3])\b[^|]{0,160}chair", ["people/members#M204"]),
                      (r"chair(man|woman)?[^|.;]{0,40}\b19([67]\d|8[0-3])\b|\b19([67]\d|8[0-3])\b[^|.;]{0,20}chair", None)],
                     "The chair in 1980 was Hector Baines."),
    "t26-test-061": ([(r"(?-i:\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b)|post ?code", [])],
                     "The Thorngill hut's postcode is WM12 4QT."),
    "t26-test-062": ([(r"\bmeets? (in|during|for) 2023\b|\b2023\b[^|.]{0,40}\b\d+ (club )?meets\b|\b\d+ (club )?meets\b[^|.]{0,40}\b2023\b", [])],
                     "In 2023 there were 21 club meets."),
    "t26-test-063": ([(r"insurance[^|]{0,160}\b2025\b|\b2025\b[^|]{0,160}insurance", [])],
                     "Insurance cost GBP 2,140 in the year to September 2025."),
    "t26-test-064": ([(r"Thursgill[^|]{0,160}(first explored|explored in|discovered|first (entered|descended)|found in)|(first explored|discovered)[^.|]{0,100}Thursgill", [])],
                     "Thursgill Cave was first explored in 1952."),
    "t26-test-065": ([(r"\bstud(y|ies|ying)\b|\bdegree\b|\bcourse in\b|\breads?\b[^.|]{0,20}\bat Dunmere\b", [])],
                     "Delia Marwood is studying geology at Dunmere University, a degree course."),
    "t26-test-066": ([(r"(rope|White 25|rope-12)[^|.]{0,120}(GBP|£)\s?\d|(GBP|£)\s?\d[\d,]*[^|.]{0,60}(rope|White 25)", ["notes/2026-11-accounts"]),
                      (r"White 25|rope-12|25 m rope", None)],
                     "The White 25 rope cost GBP 95."),
    "t26-test-067": ([(r"key ?safe[^|]{0,80}\bcode\b[^|]{0,20}\d{3,}|\bcode\b[^|]{0,20}\b\d{3,6}\b", [])],
                     "The key safe code is 4719."),
    "t26-test-068": ([(r"sump[^.|]{0,80}\b\d+(\.\d+)? ?m (deep|long)\b|\b\d+(\.\d+)? ?m (deep|long)\b[^.|]{0,40}sump|sump[^.|]{0,40}(depth|deep)", [])],
                     "The second sump in Grindle Pot is 9 m deep."),
    "t26-test-069": ([(r"treasurer[^|]{0,160}\b(19\d\d|20(0\d|1\d|2[01]))\b|\b(19\d\d|20(0\d|1\d|2[01]))\b[^|]{0,160}treasurer", [])],
                     "The treasurer in 2015 was Agnes Mallory."),
    "t26-test-070": ([(r"rescue[^|]{0,160}\b2025\b[^|]{0,160}(rescued|incidents?|call-outs)|(rescued|incidents?)[^|]{0,120}\b2025\b|\b2025\b[^|]{0,60}\brescued\b", [])],
                     "In 2025 the Wendmoor Cave Rescue Team rescued 17 people in 12 incidents."),
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


# Counts and filters recomputed from the record files themselves (csv and jsonl read directly,
# markdown tables parsed): each derived count and each filter item's answer must be what the
# rows give; then the facts the wiki states in more than one place must agree.
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


SITES = rows("sites/caves-and-mines.csv")
MEMBERS = rows("people/members.csv")
GEAR = rows("gear/gear-store.csv")
MEETS = rows("meets/meets-2026.jsonl")
PERMITS = rows("access/permits.jsonl")
AREAS = table("areas/caving-areas.md", "Code")
LEADERS = table("people/trip-leaders.md", "Member")
CALLOUT = table("rescue/call-out-list.md", "Order")
COURSES = table("training/courses-2026.md", "Code")
OFFICERS = table("people/officers.md", "Office")
CHAIRS = table("history/club-officers.md", "From", 0)
TACKLE = table("history/club-officers.md", "From", 1)
SUBS = table("prices/subscription-history.md", "From")
SPRING = table("gear/inspections-2026.md", "Item", 0)
AUTUMN = table("gear/inspections-2026.md", "Item", 1)
site = {s["id"]: s for s in SITES}
mem = {m["ID"]: m for m in MEMBERS}
gear = {g["id"]: g for g in GEAR}
meet = {m["id"]: m for m in MEETS}
per = {p["id"]: p for p in PERMITS}
area = {a[0]: a for a in AREAS}
lead = {r[0]: r for r in LEADERS}
course = {c[0]: c for c in COURSES}
by_id = {i.id: i for i in ALL}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t26-dev-028": str(sum(m["srt"] == "Y" for m in MEMBERS)),
    "t26-test-041": str(sum(s["flood_risk"] == "Y" for s in SITES)),
    # filters: the one row or record meeting the condition
    "t26-dev-029": [s["name"] for s in SITES if s["area"] == "KEL" and s["flood_risk"] == "N"],
    "t26-dev-030": [p["name"] for p in PERMITS if p["status"] == "suspended"],
    "t26-dev-031": [m["member"] for m in MEMBERS if m["grade"] == "student"],
    "t26-dev-032": [g["name"] for g in GEAR if g["kind"] == "ladder" and g["status"] == "on loan"],
    "t26-test-042": [m["member"] for m in MEMBERS if m["grade"] == "full" and m["subs_paid"] == "N"],
    "t26-test-043": [p["name"] for p in PERMITS if p["holder"] is None],
    "t26-test-044": [s["name"] for s in SITES if s["access"] == "closed"],
    "t26-test-045": [s["name"] for s in SITES if s["kind"] == "mine" and s["grade"] == "I"],
    "t26-test-046": [g["name"] for g in GEAR if g["kind"] == "SRT kit" and g["status"] == "on loan"],
    "t26-test-047": [p["name"] for p in PERMITS if p["expires"] == "2026-10-31"],
    "t26-test-048": [m["member"] for m in MEMBERS if int(m["meets_2026"]) == 1],
    "t26-test-049": [a[1] for a in AREAS if a[0] != "COP" and a[4] == "0"],
    "t26-test-050": [g["name"] for g in GEAR if g["kind"] == "rope" and g["bought"] == "2026"],
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
# the derived counts' evidence is exactly the rows counted
if sorted(by_id["t26-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["srt"] == "Y") \
        or sorted(by_id["t26-test-041"].evidence) != sorted(f"sites/caves-and-mines#{s['id']}" for s in SITES if s["flood_risk"] == "Y"):
    probs.append("derived counts' evidence is not the rows counted")

# areas: every site's area exists; the areas page counts the site list's sites and open sites,
# names the commonest landowner, and its contacts are members; Hollinside the fifth area
for s in SITES:
    if s["area"] not in area or not s["id"].startswith(s["area"] + "-"):
        probs.append(f"{s['id']}: area {s['area']}")
    if s["access"] not in ("open", "permit", "leader", "closed") or s["flood_risk"] not in "YN" \
            or s["kind"] not in ("cave", "pothole", "mine") or s["grade"] not in ("I", "II", "III", "IV", "V"):
        probs.append(f"{s['id']}: a flag out of range")
for code, a in area.items():
    here = [s for s in SITES if s["area"] == code]
    owners = collections.Counter(s["landowner"] for s in here).most_common()
    if (int(a[3]), int(a[4])) != (len(here), sum(s["access"] == "open" for s in here)) \
            or owners[0][0] != a[5] or (len(owners) > 1 and owners[1][1] == owners[0][1]) or a[2] not in mem:
        probs.append(f"area {code}: {a}")
if len(AREAS) != 5 or "| Caving areas | four |" not in page("about.md") or "fifth area in 2019" not in flat("areas/caving-areas.md"):
    probs.append("five areas now, four in 2014")
# leaders and the leaders' list; rescue list; officers' member numbers
leaders = {m["ID"] for m in MEMBERS if m["leader"] == "Y"}
if leaders != set(lead) or f"Nine leaders in all, two of them mines leaders" not in flat("people/trip-leaders.md") \
        or len(lead) != 9 or sum("M" in r[1].split(", ") for r in LEADERS) != 2:
    probs.append(f"leaders {sorted(leaders)} against the leaders' list")
rescue = {m["ID"] for m in MEMBERS if m["rescue"] == "Y"}
if rescue != {r[1] for r in CALLOUT} or "Six members in all" not in page("rescue/call-out-list.md") or len(CALLOUT) != 6 \
        or [r[1] for r in CALLOUT if r[2] == "diver"] != ["M166"] or "diver" not in mem["M166"]["notes"] \
        or [r[1] for r in CALLOUT if r[2] == "casualty care"] != ["M211"] or "casualty carer" not in mem["M211"]["notes"]:
    probs.append("rescue call-out list against the members list")
for o in OFFICERS:
    if o[2] and mem[o[2]]["member"] != o[1]:
        probs.append(f"officer {o[0]}: {o[2]} is not {o[1]}")
off = {o[0]: o for o in OFFICERS}
if off["Access officer"][2] != "M119" or "access officer" not in mem["M119"]["notes"] \
        or off["Tackle master"][2] != "M112" or "tackle master" not in mem["M112"]["notes"] \
        or off["Training officer"][2] != "M131" or "training officer" not in mem["M131"]["notes"] \
        or off["Hut warden"][2] != "M153" or "hut warden" not in mem["M153"]["notes"] \
        or off["Survey and records officer"][2] != "M160" or "survey and records officer" not in mem["M160"]["notes"] \
        or off["Rescue liaison"][2] != "M127" or "rescue liaison" not in mem["M127"]["notes"]:
    probs.append("officers' jobs against the members' notes")

# the meets log: sites, leaders and party exist; the leader leads and may lead there; codes in
# the text; permits cover the site and the date and the party; open sites need none (but a dig);
# only SRT-trained members on vertical sites; novices only with novice leaders, at most three;
# every member has a meet and the meets_2026 column is the log's count; date order
for m in MEETS:
    s, ld = site.get(m["site"]), lead.get(m["leader"])
    if s is None or ld is None or any(x not in mem for x in m["party"]) or m["leader"] not in m["party"]:
        probs.append(f"{m['id']}: site, leader or party")
        continue
    grades = ld[1].split(", ")
    if (s["kind"] == "mine" and "M" not in grades) or (s["kind"] != "mine" and "L2" not in grades
                                                        and not (s["grade"] in ("I", "II") and "L1" in grades)):
        probs.append(f"{m['id']}: {m['leader']} ({ld[1]}) may not lead at {m['site']} ({s['kind']}, {s['grade']})")
    for x in [m["site"], m["leader"]] + m["party"] + ([m["permit"]] if m["permit"] else []):
        if x.lower() not in m["text"].lower():
            probs.append(f"{m['id']}: text lacks {x}")
    if not m["date"].startswith("2026-") or s["access"] == "closed" and m["date"] >= "2026-08-09":
        probs.append(f"{m['id']}: date {m['date']}")
    p = per.get(m["permit"]) if m["permit"] else None
    if m["permit"] and (p is None or m["site"] not in p["sites"] or not p["issued"] <= m["date"] <= p["expires"]
                        or len(m["party"]) + m["guests"] > p["max_party"]):
        probs.append(f"{m['id']}: permit {m['permit']}")
    if (s["access"] == "open") != (m["permit"] is None) and not (s["access"] == "open" and m["purpose"] == "dig"):
        probs.append(f"{m['id']}: access {s['access']} with permit {m['permit']}")
    if s["kind"] == "pothole" or m["site"] == "COP-03":
        if any(mem[x]["srt"] != "Y" for x in m["party"]):
            probs.append(f"{m['id']}: someone without SRT on a vertical site")
    novices = [x for x in m["party"] if mem[x]["grade"] in ("provisional", "junior")]
    if novices and (ld[2] != "Y" or len(novices) > 3):
        probs.append(f"{m['id']}: novices {novices} with {m['leader']}")
if [m["date"] for m in MEETS] != sorted(m["date"] for m in MEETS) or [m["id"] for m in MEETS] != [f"T26-{n:02d}" for n in range(1, len(MEETS) + 1)]:
    probs.append("meets log not in date order")
count = collections.Counter(x for m in MEETS for x in m["party"])
for x in MEMBERS:
    if count[x["ID"]] != int(x["meets_2026"]) or count[x["ID"]] == 0:
        probs.append(f"{x['ID']}: meets_2026 {x['meets_2026']}, log {count[x['ID']]}")
if count["M179"] != 6 or "done her six meets" not in flat("meetings/2026-11-10-committee.md") or "sixth club meet" not in meet["T26-21"]["text"] \
        or max(meet.values(), key=lambda m: m["hours"])["id"] != "T26-19" or "longest meet of the year" not in meet["T26-19"]["text"]:
    probs.append("Tamsin Rudd's six meets or the longest meet")

# permits: holders are members (or none), their meets counted, their sites exist; status by date
for p in PERMITS:
    if p["holder"] is not None and (p["holder"] not in mem or p["holder"] not in p["text"]):
        probs.append(f"{p['id']}: holder {p['holder']}")
    if p["trips_2026"] != sum(m["permit"] == p["id"] for m in MEETS) or any(x not in site for x in p["sites"]) \
            or p["id"] not in p["text"] or any(x not in p["text"] for x in p["sites"]):
        probs.append(f"{p['id']}: trips, sites or code")
    expected = "suspended" if p["id"] == "PM-06" else ("expired" if p["expires"] < "2026-11-16" else "valid")
    if p["status"] != expected or any(site[x]["landowner"] != p["landowner"] for x in p["sites"]):
        probs.append(f"{p['id']}: status {p['status']} or landowner")
if [p["id"] for p in PERMITS if p["holder"] == "M119"] != ["PM-01", "PM-02"] or "Scarth Moor and Brenning permits" not in mem["M119"]["notes"] \
        or "Dunmere" not in per["PM-08"]["text"] or "bat licence" not in mem["M172"]["notes"] or per["PM-03"]["holder"] != "M172" \
        or "runs the Lantern Pot dig" not in mem["M185"]["notes"] or per["PM-07"]["holder"] != "M185":
    probs.append("permit holders against the members' notes")
# the Brenning agreements against PM-02 and PM-03; Greenrigg against PM-06 and the site list
b1, b2 = flat("access/brenning-agreement-2012.md"), flat("access/brenning-agreement-2026.md")
if f"| Party size | at most 6 | at most {per['PM-02']['max_party']} |" not in b2 or "| Party size | at most 6 |" not in b1 \
        or f"GBP {per['PM-02']['fee_gbp']} a year for the Club" not in b2 or "to 31 December 2028" not in b2 \
        or per["PM-02"]["expires"] != "2028-12-31" or "closed 1 October to 30 April" not in b2 \
        or not ("2026-05-01" <= per["PM-03"]["issued"] or per["PM-03"]["issued"] < "2026-05-01" and "from 1 May" in per["PM-03"]["text"]) \
        or per["PM-03"]["expires"] != "2026-09-30" or meet["T26-10"]["date"] < "2026-05-01" \
        or "| Parking | Brenning Hall yard | Tod Hole lay-by only; not at the hall |" not in b2:
    probs.append("the Brenning agreements against PM-02, PM-03 and the meets")
news_g = flat("news/2026-08-greenrigg-closed.md")
cop3 = [m for m in MEETS if m["site"] == "COP-03"]
if site["COP-03"]["access"] != "closed" or per["PM-06"]["status"] != "suspended" or len(cop3) != 2 \
        or "Two meets had already been held this year" not in news_g \
        or (day("2026-08-09") - day(cop3[-1]["date"])).days != 8 or "eight days earlier" not in news_g \
        or "last club trip before the closure" not in cop3[-1]["text"] or "found on 9 August 2026" not in site["COP-03"]["notes"]:
    probs.append("Greenrigg Shaft against the site list, PM-06, the meets and the news")

# Grindle Pot: the news, the site list, the explorations page and the meets agree
news_x = flat("news/2026-05-grindle-extension.md")
html = page("records/club-explorations.html")
ext = re.findall(r"<tr><td>(\d{4})</td><td>([^<]+)</td><td>([^<]+)</td><td>(\d+)</td><td>([^<]+)</td></tr>", html)
pitches = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>(\d+)</td><td>(\d{4})</td></tr>", html)
by_name = {s["name"]: s for s in SITES}
sk = [e for e in ext if e[2] == "Skeldon Streamway"]
finders = [mem[x]["member"] for x in meet["T26-08"]["party"]]
if len(sk) != 1 or int(site["SCA-01"]["length_m"]) - int(sk[0][3]) != 2780 \
        or f"| Surveyed length | 2,780 m | {int(site['SCA-01']['length_m']):,} m |" not in news_x \
        or f"| Depth | 161 m | {site['SCA-01']['depth_m']} m |" not in news_x or f"now {site['SCA-01']['depth_m']} m deep" not in meet["T26-09"]["text"] \
        or f"{sk[0][3]} m surveyed" not in meet["T26-09"]["text"] or sk[0][4] != ", ".join(finders[:-1]) + " and " + finders[-1] \
        or meet["T26-08"]["date"] != "2026-04-11" or "On 11 April" not in news_x:
    probs.append("the Skeldon Streamway against the news, the site list, the meets and the explorations page")
bg = [e for e in ext if e[1] == "Brenning Great Cave"]
if "Brenning Great Cave, 5.1 km" not in page("about.md") or 5100 + int(bg[0][3]) != int(site["BRN-01"]["length_m"]) \
        or "found by a club party in 2019" not in site["BRN-01"]["notes"] or bg[0][0] != "2019":
    probs.append("Brenning Great Cave: 5.1 km in 2014 plus the Hallows Inlet")
for e in ext:
    if e[1] not in by_name:
        probs.append(f"extension at {e[1]}: not in the site list")
fs = [e for e in ext if e[2] == "Far Series"]
if fs[0][4] != mem["M138"]["member"] or "Far Series in 1983" not in mem["M138"]["notes"] or fs[0][0] != "1983":
    probs.append("the Far Series finder")
for pname, sname, depth, _ in pitches:
    if sname not in by_name or int(depth) > int(by_name[sname]["depth_m"]):
        probs.append(f"pitch {pname}: deeper than {sname}")
if [int(d) for _, _, d, _ in pitches] != sorted((int(d) for _, _, d, _ in pitches), reverse=True) \
        or int(gear["rope-07"]["length_m"]) < int(pitches[0][2]) or f"one {pitches[0][2]} m free-hanging pitch" not in site["SCA-03"]["notes"]:
    probs.append("the deepest pitches and the red rope")

# the rescue practice: the note against meet T26-06 and the site list
prac = page("notes/2026-03-rescue-practice.txt")
t6 = meet["T26-06"]
times = dict((b, a) for a, b in re.findall(r"^  (\d\d:\d\d)  (.+)$", prac, re.M))
went_in, out = (datetime.datetime.strptime(times[k], "%H:%M") for k in ("first team underground", "casualty at the entrance"))
mins = int((out - went_in).total_seconds() // 60)
if t6["date"] != "2026-03-14" or t6["site"] != "KEL-03" or f"({', '.join(t6['party'])})" not in prac \
        or f"{len(t6['party']) + t6['guests']} in all, {len(t6['party'])} from the Club" not in " ".join(prac.split()) \
        or f"{t6['guests']} team members" not in prac or f"{mins // 60} h {mins % 60} min" not in prac \
        or "Thursgill Cave (KEL-03)" not in prac or "failed in the stream at the March practice" not in gear["rad-01"]["notes"]:
    probs.append("the rescue practice note against the meets log")

# gear: inspection sessions against the store list; six-monthly and yearly checks; loans
six = ("rope", "ladder", "SRT kit")
spring = {r[0]: r for r in SPRING}
autumn = {r[0]: r for r in AUTUMN}
for g in GEAR:
    last = "2026-10-03" if g["id"] in autumn else ("2026-04-11" if g["id"] in spring else None)
    result = (autumn.get(g["id"]) or spring.get(g["id"]) or [None, None])[1]
    want_status = {"retire": "retired", "quarantine": "quarantined"}.get(result)
    if g["last_inspected"] != last or (want_status and g["status"] != want_status) \
            or (not want_status and g["status"] not in ("in store", "on loan")):
        probs.append(f"{g['id']}: last inspected {g['last_inspected']} / status {g['status']} against the sessions")
    months = 6 if g["kind"] in six else 12
    if want_status:
        due = ""
    else:
        d = day(g["last_inspected"])
        m = d.month + months
        due = d.replace(year=d.year + (m - 1) // 12, month=(m - 1) % 12 + 1).isoformat()
    if g["next_due"] != due:
        probs.append(f"{g['id']}: next due {g['next_due']}, want {due}")
    if (g["status"] == "on loan") != bool(g["loaned_to"]) or (g["loaned_to"] and g["loaned_to"] not in mem):
        probs.append(f"{g['id']}: loan")
    if g["kind"] in six and g["status"] not in ("retired",) and g["id"] not in autumn:
        probs.append(f"{g['id']}: missed the autumn session")
    if g["kind"] not in six and (g["id"] not in spring or g["id"] in autumn):
        probs.append(f"{g['id']}: yearly item out of the spring session")
    if g["kind"] == "rope" and (2026 - int(g["bought"]) >= 10) != (g["status"] == "retired"):
        probs.append(f"{g['id']}: the ten-year rule")
if gear["rope-12"]["bought"] != "2026" or "rope-12" in spring or "June 2026" not in gear["rope-12"]["notes"] \
        or {g["loaned_to"] for g in GEAR if g["id"] in ("drl-01", "ldr-05")} != {"M185"} or "drl-01" not in meet["T26-13"]["text"] \
        or "rope-03" not in meet["T26-05"]["text"] or "rope-07" not in meet["T26-14"]["text"] \
        or "rope-11 is still quarantined" not in flat("meetings/2026-11-10-committee.md"):
    probs.append("gear against the meets and the committee")

# courses: instructors, sites, bookings and fees at the fees page's 2026 rates; the novice day
fees = page("prices/fees-2026.md")
rate = {k: (int(a), int(b)) for k, a, b in re.findall(r"^\| ([^|]+?) \| (\d+) \| (\d+) \|$", fees, re.M)}
course_rate = {"Novice caving day": rate["Novice caving day"][0], "Underground first aid": rate["Underground first aid"][0],
               "SRT course, part 1": rate["SRT course (both parts)"][0], "SRT course, part 2": 0}
for c in COURSES:
    if c[3] not in mem or (c[4] != "hut" and c[4] not in site) or int(c[6]) > int(c[5]) \
            or int(c[7]) != course_rate.get(c[1], rate["Other courses"][0]) or c[8] not in ("held", "cancelled", "full") \
            or (c[8] == "full") != (c[5] == c[6] and c[2] > "2026-11-16"):
        probs.append(f"course {c[0]}: {c}")
    if c[3] not in lead and c[1] != "Underground first aid":
        probs.append(f"course {c[0]}: instructor {c[3]} is not a leader")
t1, c1 = meet["T26-01"], course["TC-01"]
if (t1["date"], t1["site"], t1["leader"]) != (c1[2], c1[4], c1[3]) or "TC-01" not in t1["text"] \
        or sum(mem[x]["grade"] in ("provisional", "junior") for x in t1["party"]) + t1["guests"] != int(c1[6]) \
        or int(c1[5]) > 3 or int(course["TC-08"][5]) > 3 or "at most 3" not in flat("rules/safety-rule-4-2025.md"):
    probs.append("the novice days against the meets log and safety rule 4")
# accounts: subscriptions at the 2026 rates less the unpaid; hut and hire split by year; courses;
# permits paid in the year; totals, surplus and members against the committee minutes
acc = page("notes/2026-11-accounts.txt")
grades = dict(re.findall(r"^  (Full|Joint|Student|Junior|Provisional|Life) +(\d+)", acc, re.M))
grades = {k: int(v) for k, v in grades.items()}
unpaid = collections.Counter(m["grade"] for m in MEMBERS if m["subs_paid"] == "N")
course_income = sum(int(c[6]) * int(c[7]) for c in COURSES if c[8] == "held" and c[2] <= "2026-09-30")
paid_permits = [p for p in PERMITS if p["holder"] is not None and p["fee_gbp"] and "2025-10-01" <= p["issued"] <= "2026-09-30"]
want_lines = {
    "Subscriptions, full": (grades["Full"] - unpaid["full"]) * rate["Full"][0],
    "Subscriptions, joint": grades["Joint"] * rate["Joint (two at one address)"][0],
    "Subscriptions, student": (grades["Student"] - unpaid["student"]) * rate["Student"][0],
    "Subscriptions, junior": (grades["Junior"] - unpaid["junior"]) * rate["Junior (under 18)"][0],
    "Subscriptions, provisional": (grades["Provisional"] - unpaid["provisional"]) * rate["Provisional (first year)"][0],
    "Life memberships": 1 * rate["Life (once)"][0],
    "Hut nights, members": 148 * rate["Member"][1] + 464 * rate["Member"][0],
    "Hut nights, junior and student": 97 * rate["Junior or student member"][0],
    "Hut nights, guests": 41 * rate["Guest"][1] + 147 * rate["Guest"][0],
    "SRT kit hire": 46 * rate["SRT kit, a trip (members)"][0],
    "Wetsuit hire": 4 * rate["Wetsuit, a trip"][1] + 17 * rate["Wetsuit, a trip"][0],
    "Novice kit hire": 9 * rate["Novice kit, a trip (guests)"][1] + 49 * rate["Novice kit, a trip (guests)"][0],
    "Training courses": course_income,
    "Access permits": sum(p["fee_gbp"] for p in paid_permits),
}
got_lines = {k.strip(): num(v) for k, v in re.findall(r"^ *([A-Za-z,' ]+?) +GBP +([\d,]+)", acc, re.M)}
for k, v in want_lines.items():
    if got_lines.get(k) != v:
        probs.append(f"accounts: {k} {got_lines.get(k)} is not {v}")
if f"({', '.join(p['id'] for p in paid_permits)})" not in acc or sum(unpaid.values()) != 2 \
        or "one full and one student" not in acc or "Two members who came on meets this year have not paid" not in flat("meetings/2026-11-10-committee.md") \
        or "Hollinside permit was paid in April 2025" not in acc or per["PM-04"]["issued"] != "2025-04-01" \
        or "TC-01 to TC-06; TC-07 refunded" not in acc:
    probs.append("accounts: unpaid members, permits and courses")
inc_keys = [k for k in want_lines if k != "Access permits"] + ["Sports Council grant", "Donations"]
cost_keys = ["Access permits", "Insurance", "Hut rates and power", "Hut repairs", "Ropes and gear",
             "Instructors' expenses", "Donation to the rescue team", "Website"]
income = sum(got_lines[k] for k in inc_keys)
costs = sum(got_lines[k] for k in cost_keys)
people = grades["Full"] + 2 * grades["Joint"] + grades["Student"] + grades["Junior"] + grades["Provisional"] + grades["Life"]
committee = flat("meetings/2026-11-10-committee.md")
if got_lines["Total income"] != income or got_lines["Total costs"] != costs or got_lines["Surplus"] != income - costs \
        or f"surplus of GBP {income - costs:,}" not in committee or f"Members at 30 September: {people}" not in committee \
        or not re.search(rf"Total members +{people} people", acc) or f"({2 * grades['Joint']} people)" not in acc \
        or len(got_lines) != len(inc_keys) + len(cost_keys) + 3:
    probs.append(f"accounts totals: income {income}, costs {costs}, members {people}")
# membership over time: AGM, accounts; subscription history against fees, about, FAQ, minutes
agm = flat("meetings/2026-02-28-agm.md")
if "126 members at 31 December 2025" not in agm or "GBP 48 for 2026" not in agm or "24 club meets in 2025" not in agm:
    probs.append("the AGM's figures")
hist = {(r[0], r[1]): int(r[2]) for r in SUBS}
periods = [(day(a), day(b) if b else None) for a, b in hist]
for (a1, b1_), (a2, _) in zip(periods, periods[1:]):
    if b1_ is None or (a2 - b1_).days != 1:
        probs.append(f"subscription periods not back to back at {a2}")
def sub_in(year: int, month: int = 6) -> int:
    d = datetime.date(year, month, 1)
    return [v for (a, b), v in hist.items() if day(a) <= d and (not b or d <= day(b))][0]
if hist[("2026-01-01", "")] != rate["Full"][0] or hist[("2025-01-01", "2025-12-31")] != rate["Full"][1] \
        or f"| Full subscription | GBP {sub_in(2014)} a year |" not in page("about.md") \
        or f"GBP {sub_in(2016)} a year for a full member" not in flat("faq/novices-2016.md") \
        or "GBP 52" not in committee or "GBP 52 for 2027" not in flat("prices/subscription-history.md") \
        or sub_in(2021) * 2 != sub_in(2020) or sub_in(2012, 3) != 26 or sub_in(2012, 9) != 30:
    probs.append("subscription history against the fees, about, FAQ and minutes pages")
# chairs and tackle masters against the about, officers and members pages
for tbl in (CHAIRS, TACKLE):
    for r1, r2 in zip(tbl, tbl[1:]):
        if (day(r2[0]) - day(r1[1])).days != 1:
            probs.append(f"officer periods not back to back at {r2[0]}")
def chair_in(d: str) -> str:
    return [r[2] for r in CHAIRS if r[0] <= d and (not r[1] or d <= r[1])][0]
if chair_in("2014-06-14") != "Leander Bolsover" or "| Chair | Leander Bolsover |" not in page("about.md") \
        or CHAIRS[-1][2] != off["Chair"][1] or CHAIRS[-1][0][:4] != off["Chair"][3] or "chair since 2021" not in mem["M104"]["notes"] \
        or TACKLE[-1][2] != off["Tackle master"][1] or TACKLE[-1][0][:4] != off["Tackle master"][3] \
        or [r[0][:4] + "-" + r[1][:4] for r in CHAIRS if r[2] == "Ulric Thwaite"] != ["1992-2004"] or "chair from 1992 to 2004" not in mem["M204"]["notes"] \
        or "| Honorary president | Marmaduke Pilling |" not in page("about.md") or off["Honorary president"][1] != "Marmaduke Pilling" \
        or "Crispin Yeadon" not in committee or "stand down at the 2027 AGM" not in mem["M104"]["notes"]:
    probs.append("chairs and tackle masters against the about, officers, members and committee pages")
# safety rule 4 and the 2016 questions; the hut prices of 2014 and 2016
r1, r2 = flat("rules/safety-rule-4-2018.md"), flat("rules/safety-rule-4-2025.md")
faq = flat("faq/novices-2016.md")
if "| Novices to a leader | at most 4 |" not in r1 or "| Novices to a leader | 4 | at most 3 |" not in r2 \
        or "No more than four" not in faq or "two hours past it" not in faq or "| Grace before the alarm | two hours after the call-out time |" not in r1 \
        or "| Hut night, guests | GBP 3 |" not in page("about.md") or "GBP 3 a night" not in faq or rate["Guest"] != (8, 6):
    probs.append("safety rule 4 and the hut prices against the 2014 and 2016 pages")
# metadata and cells the comparisons use
tc = {c[1]: int(c[6]) for c in COURSES}
cmp_facts = [
    int(site["KEL-02"]["depth_m"]) > int(site["SCA-03"]["depth_m"]),
    int(mem["M166"]["joined"]) < int(mem["M191"]["joined"]),
    per["PM-02"]["max_party"] > per["PM-01"]["max_party"],
    int(gear["rad-01"]["bought"]) < int(gear["str-01"]["bought"]),
    meet["T26-10"]["hours"] > meet["T26-12"]["hours"],
    int(site["HOL-02"]["depth_m"]) > int(site["SCA-04"]["depth_m"]),
    int(mem["M104"]["joined"]) < int(mem["M145"]["joined"]),
    per["PM-04"]["expires"] < per["PM-05"]["expires"],
    tc["Mine safety and mining history"] > tc["Cave surveying"],
    int(gear["rope-03"]["bought"]) < int(gear["rope-04"]["bought"]),
    int(mem["M198"]["meets_2026"]) > int(mem["M204"]["meets_2026"]),
    max(SITES, key=lambda s: int(s["length_m"]))["id"] == "HOL-01",
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
