"""Checks for evalsets/tables30 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 28, 98
PREFIX = "t30"


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
        if i.id != f"{PREFIX}-{split}-{n:03d}":
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
    "t30-dev-038": ([(r"key ?safe|combination|padlock code|\bcode (is|was)\b", ["boathouse/racks"]),
                     (r"\b(code|combination)\b[^.|]{0,30}\b\d{3,6}\b|\b\d{4}\b[^.|]{0,20}\b(key ?safe|code)\b", None)],
                    "The key safe code is 4172."),
    "t30-dev-039": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b07\d{3}\b|\bphone number\b|\btel(ephone)?\b|\bmobile\b|\bring\b[^|.]{0,40}\bon\b \d", ["about"]),
                     (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b07\d{3}\b|\b(phone|mobile|tel)\b[^|.]{0,20}\d", None)],
                    "His phone number is 07700 900 418."),
    "t30-dev-040": ([(r"Garside Cup,? (in |for )?2019|\b2019 (Garside Cup|Wendle Ten)|<th>2019</th>|Wendle Ten[^|\n.]{0,40}\b2019\b", []),
                     (r"Garside Cup (in|for) (19|20)\d\d", [])],
                    "The Garside Cup in 2019 went to Beatrice Onyango."),
    "t30-dev-041": ([(r"\b2030\b[^|.]{0,100}(GBP|£)\s?[\d,]+|(GBP|£)\s?[\d,]+[^|.]{0,120}\b2030\b", []),
                     (r"(after|from|at) (the )?(2030|first) review[^|.;]{0,40}(GBP|£|rent)", [])],
                    "After the 2030 review the rent will be GBP 4,450 a year."),
    "t30-dev-042": ([(r"\bdeep\b|\bdepth\b|\d+(\.\d+)? ?m (deep|of water)|\bfeet deep\b", [])],
                    "Tarn Water is 23 m deep at its deepest."),
    "t30-dev-043": ([(r"\b2025\b[^|]{0,80}(Wendle Ten)[^|.]{0,80}\d:\d\d|Wendle Ten[^|.]{0,60}\b2025\b[^|.]{0,60}\d:\d\d", []),
                     (r"(winning|won in|winner's) time|won (it )?in \d", [])],
                    "The 2025 Wendle Ten was won in 0:45:30 by a K2."),
    "t30-dev-044": ([(r"roller door|\bdoors?\b[^|.]{0,60}\b(cost|GBP|£)", ["meetings/2026-10-14-committee", "news/2026-09-flood", "pool/pool-rota-autumn-2026"]),
                     (r"(GBP|£)\s?[\d,]+[^|.]{0,60}\broller door|roller door[^|.]{0,60}(GBP|£)\s?\d|\bnew door[^|.]{0,40}(GBP|£)", None)],
                    "The new roller door cost the Council GBP 8,900."),
    "t30-dev-045": ([(r"Marcus Hale", ["racing/results-2026"]),
                     (r"Marcus Hale[^\n]{0,80}0:3\d:\d\d|Marcus Hale[^.]{0,60}Holme Weir Head|Holme Weir Head[^.]{0,60}Marcus Hale", None)],
                    "Marcus Hale did the 2026 Holme Weir Head in 0:36:12."),
    "t30-test-059": ([(r"@|e-?mail", [])],
                     "Her address is linh.tran@kelderbycc.org.uk."),
    "t30-test-060": ([(r"\b2018\b[^|]{0,80}(Keel Quaich|K2 crew)|(Keel Quaich)[^|]{0,160}\b2018\b", []),
                      (r"Quaich (in|for) (19|20)\d\d", [])],
                     "The Keel Quaich in 2018 went to Rhian Tudor and a partner."),
    "t30-test-061": ([(r"subscription[^|\n]{0,80}\b(2004|2005|2006|2007)\b|\b(2004|2005|2006|2007)\b[^|\n]{0,60}subscription|\|\s*(2004|2005|2006|2007)-0\d-\d\d\s*\|[^\n]*\|\s*\d+\s*\|", []),
                      (r"\b2006\b[^|.]{0,60}(GBP|£)\s?\d+", [])],
                     "In 2006 the senior subscription was GBP 48."),
    "t30-test-062": ([(r"Christmas Handicap[^|]{0,200}\b(\d+|ten|eleven|twelve|[a-z]+teen|twenty[- \w]*) (boats|entries|entrants|started|paddlers)\b|\b\d+ (boats|entries|entrants)\b[^|.]{0,40}Christmas Handicap", []),
                      (r"\b\d+ (boats|entries) (in|for|at) the Christmas Handicap", [])],
                     "21 boats in the Christmas Handicap on 6 December."),
    "t30-test-063": ([(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b|registration|number plate|\breg\b", [])],
                      "The minibus is KX19 BLU, registration KX19 BLU."),
    "t30-test-064": ([(r"ba-14[^|\n]{0,200}(GBP|£)\s?\d|(GBP|£)\s?\d+[^|.]{0,80}(rescue vest|ba-14)", []),
                      (r"(GBP|£)\s?\d+ (each|for) [^|.]{0,40}(vest|harness)", [])],
                     "ba-14, the rescue vest, cost GBP 145 for the harness model."),
    "t30-test-065": ([(r"\b1[34]:\d\d\b[^\n|]{0,40}\b\d\.\d\d ?m\b|\b2 ?pm\b", [])],
                     "At 14:00 the Skirrow Mill gauge read 1.01 m."),
    "t30-test-066": ([(r"2027-01-08|8 January 2027", ["pool/pool-rota-autumn-2026"]),
                      (r"(8 January|2027-01-08)[^|.]{0,60}\b\d+ (paddlers|came)|\b\d+ paddlers[^|.]{0,60}(8 January|2027-01-08)", None)],
                     "On 8 January 2027 there were 15 paddlers."),
    "t30-test-067": ([(r"chair(man)?[^|.;]{0,60}\b(19[0-6]\d|197[0-7])\b|\b(19[0-6]\d|197[0-7])\b[^|.;]{0,20}(chair|as chairman)", []),
                      (r"(before|preceded) (Wilfred )?Garside( as chair)?|Garside's predecessor", [])],
                     "Before Wilfred Garside, the chairman from 1966 to 1977 was Bert Lomas."),
    "t30-test-068": ([(r"\bfans?\b[^|]{0,120}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}\bfans?\b", []),
                      (r"\bhir(e|ing) (of )?(the )?fans\b", [])],
                     "The hiring of the fans cost GBP 420 for nine days."),
    "t30-test-069": ([(r"\b2016\b[^|.]{0,80}\b\d{2,3}\b (members|people)|\b\d{2,3}\b (members|people)[^|.]{0,60}\b2016\b", []),
                      (r"members (in|at|during) [^|.]{0,20}\b2016\b", [])],
                     "The club had 240 members in 2016, members in 2016 being mostly juniors."),
    "t30-test-070": ([(r"\b\d+ votes?\b|\bvoted (for|against)\b|show of hands|\b\d+ (votes? )?(for|to) \d+ against\b|\b\d+ against\b|\bmajority of \d+", [])],
                     "He was elected with 41 votes to 5 against."),
}
full = {k: (d.title + "\n" + d.text + "\n" + json.dumps(d.metadata, default=str)) for k, d in docs.items()}
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


def bullets(rel: str, heading: str | None = None) -> dict[str, str]:
    """`- Label: value` lines of a page (under one `## heading` when given)."""
    text = page(rel)
    if heading is not None:
        text = text.split("## " + heading, 1)[1].split("\n## ", 1)[0]
    return {k.strip(): v.strip() for k, v in re.findall(r"^- ([^:\n]+): (.+)$", text, re.M)}


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def num(s: str) -> int:
    return int(s.replace(",", ""))


def secs(t: str) -> float:
    """`0:47:55` (h:mm:ss) or `2:14.7` (m:ss.s) as seconds."""
    parts = t.split(":")
    return sum(float(p) * 60 ** k for k, p in enumerate(reversed(parts)))


BOATS = rows("fleet/boats.csv")
MEMBERS = rows("people/members.csv")
HIRES = rows("hire/hire-log-2026.csv")
TRIPS = rows("trips/trips-2026.jsonl")
SECTIONS = rows("trips/sections.jsonl")
OFFICERS = table("people/officers.md", "Office")
COACHES = table("people/coaches.md", "Coach")
POOL = table("pool/pool-rota-autumn-2026.md", "Date")
CAL = table("racing/calendar-2026.md", "Date")
BAS = table("kit/buoyancy-aids-2026.md", "Aid")
FEES = {r[0]: (int(r[1]), int(r[2])) for r in table("prices/fees-2026-27.md", "Item")}
SENIOR = table("history/fees-history.md", "From", 0)
KAYAK = table("history/fees-history.md", "From", 1)
CHAIRS = table("history/club-officers.md", "From", 0)
SECRETARIES = table("history/club-officers.md", "From", 1)
HEADCOACHES = table("history/club-officers.md", "From", 2)
P17 = {r[0]: r[1] for r in table("rules/river-levels-2017.md", "Item")}
P26 = {r[0]: (r[1], r[2]) for r in table("rules/river-levels-2026.md", "Item")}
L04 = {r[0]: r[1] for r in table("lease/boathouse-lease-2004.md", "Term")}
L25 = {r[0]: (r[1], r[2]) for r in table("lease/boathouse-lease-2025.md", "Term")}
ABOUT = {r[0]: r[1] for r in table("about.md", "")}

boat = {b["id"]: b for b in BOATS}
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["member"]: m for m in MEMBERS}
hire = {h["id"]: h for h in HIRES}
trip = {t["id"]: t for t in TRIPS}
sec = {s["id"]: s for s in SECTIONS}
off = {o[0]: o for o in OFFICERS}
coach = {c[0]: c for c in COACHES}
coach_of = {c[1]: c for c in COACHES if c[1]}
by_id = {i.id: i for i in ALL}

html = page("racing/results-2026.html")
RACES: dict[str, list[tuple[str, ...]]] = {}
for h2, body in re.findall(r"<h2>([^<]+)</h2>(.*?)(?=<h2>|</body>)", html, re.S):
    cells = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", body)
    RACES[h2.split(",")[0]] = cells
TROPHIES = {t[0]: t for t in RACES.pop("Trophies")}


def kelderby_people(paddler: str) -> list[str]:
    """Member ids behind a results line: full names, crews `A / B`, juniors `First L.`."""
    out = []
    for p in paddler.split(" / "):
        if p in by_name:
            out.append(by_name[p]["ID"])
        else:
            hit = [m["ID"] for m in MEMBERS if re.fullmatch(re.escape(p[:-3]) + r" " + re.escape(p[-2]) + r"\w+", m["member"])]
            out += hit
    return out


RECOMPUTE = {
    # derived counts: (id, computed value)
    "t30-dev-028": str(sum(m["coach"] == "Y" for m in MEMBERS)),
    "t30-test-041": str(sum(t["result"] == "cancelled" for t in TRIPS)),
    # filters: the one row, record or table line meeting the condition
    "t30-dev-029": [m["member"] for m in MEMBERS if m["renewed_2026"] == "N"],
    "t30-dev-030": [b["name"] for b in BOATS if b["condition"] == "written off"],
    "t30-dev-031": [h["id"] for h in HIRES if int(h["days"]) == 7],
    "t30-dev-032": [s["name"].split(":")[0] for s in SECTIONS if all(trip[t]["result"] == "cancelled" for t in s["trips"])],
    "t30-test-042": [c[0] for c in COACHES if c[4] < "2026-11"],
    "t30-test-043": [m["member"] for m in MEMBERS if m["category"] == "associate"],
    "t30-test-044": [b["name"] for b in BOATS if b["year_bought"] == "2026"],
    "t30-test-045": [b[0] for b in BAS if b[4].startswith("fail")],
    "t30-test-046": [c[1] for c in CAL if c[0] < "2026-11-30" and c[1] not in RACES],
    "t30-test-047": [m["member"] for m in MEMBERS if m["category"] == "junior" and m["award"] == "Blade 1"],
    "t30-test-048": [p[0] for p in POOL if p[1] == "KC141"],
    "t30-test-049": [sec[t["section"]]["name"].split(":")[0] for t in TRIPS if t["result"] == "cancelled"
                     and t["level_m"] is not None and t["level_m"] < sec[t["section"]]["low_m"]],
    "t30-test-050": [m["member"] for m in MEMBERS if m["joined"] == "2025"],
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
if sorted(by_id["t30-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["coach"] == "Y") \
        or sorted(by_id["t30-test-041"].evidence) != sorted(f"trips/trips-2026#{t['id']}" for t in TRIPS if t["result"] == "cancelled"):
    probs.append("derived counts' evidence is not the rows counted")

# ---- the fleet: racks page, written-off boat, replacements, the flood's boat count
racks = page("boathouse/racks.md")
for b in BOATS:
    if b["condition"] == "written off":
        if b["rack"]:
            probs.append(f"{b['id']}: written off but on rack {b['rack']}")
        continue
    letter = b["rack"][0]
    rack_boats = bullets("boathouse/racks.md", "Rack " + letter)["Boats"]
    if b["id"] not in rack_boats and not re.search(rf"{b['id'][:3]}\d\d to {b['id'][:3]}\d\d", rack_boats):
        probs.append(f"{b['id']}: not listed on rack {letter}: {rack_boats}")
    if not re.match(r"(GP|WW|OC|SK|RK)-\d\d$", b["id"]) or int(b["seats"]) < 1:
        probs.append(f"{b['id']}: code or seats")
in_use = [b for b in BOATS if b["condition"] != "written off"]
if len(in_use) != 15 or "15 club boats and 7 private boats" not in flat("news/2026-09-flood.md") \
        or "B2 (since WW-02 was written off in June 2026)" not in racks \
        or boat["WW-05"]["cost_gbp"] != "1150" or "WW-05 was bought on 3 July for GBP 1,150, of which the insurers paid GBP 900" not in flat("meetings/2026-10-14-committee.md") \
        or "bought on 3 July 2026 to replace WW-02; the insurers paid GBP 900" not in boat["WW-05"]["notes"] \
        or "WW-02 written off by the boatman on 16 June" not in page("notes/2026-06-skirrow-gorge-incident.txt") \
        or "written off by the boatman on 16 June" not in boat["WW-02"]["notes"] \
        or min(BOATS, key=lambda b: b["year_bought"])["id"] != "OC-03" or "the oldest boat in the fleet" not in boat["OC-03"]["notes"] \
        or [b["id"] for b in BOATS if int(b["seats"]) == 3] != ["OC-03"] \
        or "GP-01 and GP-02, both of 2009" not in flat("meetings/2026-03-07-agm.md") or {boat["GP-01"]["year_bought"], boat["GP-02"]["year_bought"]} != {"2009"}:
    probs.append("the fleet against the racks, the minutes, the incident report and the flood")
rack_f = bullets("boathouse/racks.md", "Rack F: private boats")
f_members = sorted(m["rack"] for m in MEMBERS if m["rack"])
if rack_f["Spaces"].split(",")[0] != "12" or "Let for 2026-27: 11" not in racks or not all(re.fullmatch(r"F([1-9]|1[0-2])", r) for r in f_members) \
        or len(set(f_members)) != len(f_members) or FEES["Private rack space, a year"][0] != 60:
    probs.append(f"rack F: {f_members}")

# ---- hire log: hirers, boats, fees at the rates in force, deposits, clashes with trips
GROUP = {"1st Ashby Scouts", "Kelderby Rangers Explorer Unit", "Holme Valley Youth Club", "St Aidan's School"}


def hire_rate(h: dict, b: dict) -> int:
    col = 0 if h["date_out"] >= "2026-03-01" else 1
    who = "member" if h["hirer"] in mem else "affiliated group"
    kind = "kayak" if b["type"] in ("general-purpose kayak", "white-water kayak") else "open canoe or sea kayak"
    return FEES[f"Boat hire, {who}, {kind}, a day"][col]


busy: dict[str, set[datetime.date]] = collections.defaultdict(set)
for h in HIRES:
    out, back = day(h["date_out"]), day(h["date_back"])
    days = (back - out).days + 1
    if days != int(h["days"]):
        probs.append(f"{h['id']}: {h['days']} days, dates give {days}")
    charged = days // 7 * 5 + days % 7
    codes = h["boats"].split()
    fee = 0
    for c in codes:
        b = boat.get(c)
        if b is None or b["type"].startswith("racing") or b["condition"] == "written off":
            probs.append(f"{h['id']}: boat {c} cannot be hired")
            continue
        fee += hire_rate(h, b) * charged
        if b["type"] == "white-water kayak" and (h["hirer"] not in mem or mem[h["hirer"]]["award"] not in ("Blade 3", "Blade 4")):
            probs.append(f"{h['id']}: white-water kayak to {h['hirer']}")
        if int(b["year_bought"]) > out.year or (c == "WW-05" and out < day("2026-07-03")):
            probs.append(f"{h['id']}: {c} before it was bought")
        for k in range(days):
            busy[c].add(out + datetime.timedelta(days=k))
    if fee != int(h["fee_gbp"]):
        probs.append(f"{h['id']}: fee {h['fee_gbp']}, rates give {fee}")
    if h["hirer"] in mem:
        m = mem[h["hirer"]]
        if m["category"] == "associate" or (m["renewed_2026"] == "N" and h["date_out"] >= "2026-03-01") or h["deposit_gbp"] != "0":
            probs.append(f"{h['id']}: member hirer {h['hirer']}")
    elif h["hirer"] in GROUP:
        col = 0 if h["date_out"] >= "2026-03-01" else 1
        if int(h["deposit_gbp"]) != FEES["Deposit, group hire, a boat"][col] * len(codes) or out < day("2025-10-01"):
            probs.append(f"{h['id']}: group deposit")
    else:
        probs.append(f"{h['id']}: hirer {h['hirer']}")
    if (h["deposit_kept_gbp"] != "0") != (h["returned"] != "ok" and h["hirer"] in GROUP and h["id"] == "h26-03"):
        probs.append(f"{h['id']}: deposit kept")
if "h26-03" not in boat["GP-02"]["notes"] or "split seam" not in hire["h26-03"]["returned"] \
        or "seven days running are charged as five" not in hire["h26-08"]["notes"] or "seven days running are charged as" not in flat("prices/fees-2026-27.md") \
        or "taken it off the hire list" not in hire["h26-12"]["notes"] or "leaks at the bow" not in boat["OC-03"]["notes"]:
    probs.append("hire notes against the fleet")

# ---- sections and trips: cross references, the policy in force, ratios, leaders, boats
LEAD_GRADES = {"Paddlesport Leader": {"flat", "1"}, "Moderate Water Leader": {"flat", "1", "2"},
               "Advanced White Water Leader": {"flat", "1", "2", "3", "4"}, "Sea Kayak Leader": {"sea"}}
RATIO26 = {"flat": 6, "1": 6, "2": 5, "3": 4, "sea": 4, "4": 3}
RATIO17 = {"1": 8, "2": 8, "3": 5}
for s in SECTIONS:
    mine = [t["id"] for t in TRIPS if t["section"] == s["id"]]
    if mine != s["trips"]:
        probs.append(f"section {s['id']}: trips {s['trips']}, records give {mine}")
    if s["gauge"] is not None and not (s["low_m"] < s["high_m"]):
        probs.append(f"section {s['id']}: marks")
    if f"{s['length_km']:g} km" not in s["text"] or f"grade {s['grade']}" not in s["text"] and s["grade"] not in ("flat", "sea"):
        probs.append(f"section {s['id']}: length or grade not in its text")
    if s["min_award"] not in s["text"]:
        probs.append(f"section {s['id']}: award not in its text")
    for mark in ("low_m", "high_m"):
        v = s[mark]
        if v is not None and f"{v:g} m" not in s["text"] and f"{v:.1f} m" not in s["text"] and f"{v:.2f} m" not in s["text"] \
                and not any(f"{v:g} m" in t["text"] for t in TRIPS if t["section"] == s["id"]):
            probs.append(f"section {s['id']}: {mark} {v} stated nowhere")
led = collections.Counter()
for t in TRIPS:
    d = day(t["date"])
    s = sec[t["section"]]
    where = sec[t.get("ran_section", t["section"])]
    if d.weekday() != 6:
        probs.append(f"{t['id']}: on a {d.strftime('%A')}")
    team = [t["leader"]] + t["assistants"]
    for x in team:
        if x not in mem or mem[x]["coach"] != "Y" and x != t["leader"] and mem[x]["award"] not in ("Blade 2", "Blade 3", "Blade 4"):
            probs.append(f"{t['id']}: {x} cannot help lead")
        if x not in t["text"]:
            probs.append(f"{t['id']}: {x} not named in the text")
    if t["level_m"] is not None and f"{t['level_m']:.2f} m" not in t["text"]:
        probs.append(f"{t['id']}: level not in the text")
    if (t["level_m"] is None) != (s["gauge"] is None) or (t["wind"] is None) != (s["gauge"] is not None):
        probs.append(f"{t['id']}: gauge or wind")
    new_policy = d >= day("2026-04-01")
    lv = t["level_m"]
    if new_policy:
        over = lv is not None and lv > s["high_m"]
        under = lv is not None and lv < s["low_m"]
    else:
        over = lv is not None and (s["grade"] == "4" or lv > {"1": 1.2, "2": 1.2, "3": 1.0}[s["grade"]])
        under = False
    if t["result"] == "ran" and (over or under):
        probs.append(f"{t['id']}: ran at {lv} m")
    if t["result"] == "cancelled" and not (over or under or "flood" in t["text"]):
        probs.append(f"{t['id']}: cancelled at {lv} m")
    if t["result"] == "moved":
        if not over or where["gauge"] != s["gauge"] or not (where["low_m"] <= lv <= where["high_m"]) or t["id"] not in where["text"]:
            probs.append(f"{t['id']}: moved to {where['id']}")
    if t["result"] == "cancelled":
        if t["club_boats"]:
            probs.append(f"{t['id']}: cancelled with boats")
        continue
    for x in team:
        led[x] += 1
    grade = where["grade"]
    if new_policy:
        lead_award = coach_of.get(t["leader"], [None] * 4)[3]
        if grade not in LEAD_GRADES.get(lead_award, set()):
            probs.append(f"{t['id']}: {t['leader']} ({lead_award}) on grade {grade}")
        if t["paddlers"] > RATIO26[grade] * len(team):
            probs.append(f"{t['id']}: ratio {t['paddlers']} to {len(team)} on grade {grade}")
    else:
        level = coach_of.get(t["leader"], [None] * 3)[2]
        if not (level.startswith("Level 2") or level.startswith("Level 3") or level.startswith("Level 1") and grade == "1"):
            probs.append(f"{t['id']}: {t['leader']} ({level}) under the 2017 policy")
        if t["paddlers"] > RATIO17[grade] * len(team):
            probs.append(f"{t['id']}: ratio under the 2017 policy")
    for c in t["club_boats"]:
        b = boat[c]
        if d in busy[c] or b["type"].startswith("racing") or int(b["year_bought"]) > d.year \
                or (c == "WW-05" and d < day("2026-07-03")) or (c == "WW-02" and d > day("2026-06-14")):
            probs.append(f"{t['id']}: boat {c} not free")
        if grade in ("3", "4") and b["type"] != "white-water kayak" or grade == "sea" and b["type"] != "sea kayak":
            probs.append(f"{t['id']}: {c} on grade {grade}")
for m in MEMBERS:
    if led[m["ID"]] != int(m["trips_2026"]):
        probs.append(f"{m['ID']}: trips_2026 {m['trips_2026']}, records give {led[m['ID']]}")
    if m["renewed_2026"] == "N" and led[m["ID"]]:
        probs.append(f"{m['ID']}: lapsed but on trips")
top = max(MEMBERS, key=lambda m: int(m["trips_2026"]))
if sum(int(m["trips_2026"]) == int(top["trips_2026"]) for m in MEMBERS) != 1 or TROPHIES["Dacre Salver"][5] != top["member"] \
        or "Dacre Salver 2026" not in top["notes"]:
    probs.append(f"the Dacre Salver: {top['member']}")
if [t["id"] for t in TRIPS] != [f"TR26-{n:02d}" for n in range(1, len(TRIPS) + 1)] or [t["date"] for t in TRIPS] != sorted(t["date"] for t in TRIPS):
    probs.append("trip records not in order")
first_slip = min((t for t in TRIPS if t["section"] == "WEN-1" and t["date"] > "2026-05-09" and t["result"] == "ran"), key=lambda t: t["date"])
if first_slip["id"] != "TR26-15" or "first club trip to launch from the new slipway" not in first_slip["text"] \
        or "launched from the old landing stage as the slipway was not finished" not in trip["TR26-05"]["text"] \
        or "KC182 on his first river trip" not in trip["TR26-05"]["text"] or "first river trip on 5 April 2026" not in mem["KC182"]["notes"]:
    probs.append("the slipway's first trip and KC182's first trip")

# ---- the incident report against the trip, the section, the members and the minutes
inc = page("notes/2026-06-skirrow-gorge-incident.txt")
t10 = trip["TR26-10"]
readings = [float(x) for x in re.findall(r"^\s+\d\d:\d\d\s+(\d\.\d\d) m", inc, re.M)]
paddlers = re.search(r"Five paddlers:\s+(.*?) and a guest", inc, re.S).group(1).replace("\n", " ").split(", ")
if t10["section"] != "SKI-G" or f"trip {t10['id']}" not in inc or f"Leader {t10['leader']}, second leader {t10['assistants'][0]}" not in inc \
        or readings[0] != t10["level_m"] or f"{readings[1]:.2f} m at the put-in" not in t10["text"] \
        or round(readings[2] - readings[1], 2) != 0.13 or "rose 0.13 m" not in inc or not readings[1] <= sec["SKI-G"]["high_m"] < readings[2] \
        or f"section's {sec['SKI-G']['high_m']:g} m high mark" not in inc or len(paddlers) + 1 != t10["paddlers"] \
        or any(mem[p]["award"] not in ("Blade 3", "Blade 4") for p in paddlers) or sec["SKI-G"]["min_award"] != "Blade 3" \
        or "Club boats WW-02 (KC138) and WW-03 (KC153)" not in inc or set(t10["club_boats"]) != {"WW-02", "WW-03"} \
        or "swam at the Anvil in the Skirrow Gorge on 14 June 2026" not in mem["KC138"]["notes"] \
        or "rises 0.10 m above the put-in reading" not in flat("meetings/2026-10-14-committee.md") \
        or "not yet part of the policy" not in flat("meetings/2026-10-14-committee.md"):
    probs.append("the incident report against the trip, the section, the members and the minutes")

# ---- coaches and officers against the members list and the history page
for c in COACHES:
    if c[1] and (c[1] not in mem or mem[c[1]]["member"] != c[0] or mem[c[1]]["coach"] != "Y"):
        probs.append(f"coach {c[0]}: {c[1]}")
    if c[1] and int(c[6]) < int(mem[c[1]]["joined"]):
        probs.append(f"coach {c[0]}: coaching before joining")
    if c[3] != "none" and c[3] not in LEAD_GRADES:
        probs.append(f"coach {c[0]}: leader award {c[3]}")
if {c[1] for c in COACHES if c[1]} != {m["ID"] for m in MEMBERS if m["coach"] == "Y"} or [c[0] for c in COACHES if not c[1]] != ["Glenys Arkwright"]:
    probs.append("coaches page against the members list")
if "Level 3 Coach" not in mem["KC111"]["notes"] or coach["Morwenna Pascoe"][2] != "Level 3 Coach" \
        or coach["Beatrice Onyango"][4] != "2026-10" or "first aid lapsed in October 2026" not in mem["KC132"]["notes"] \
        or "first aid certificate runs out at the end of October" not in flat("meetings/2026-10-14-committee.md") \
        or coach["Harriet Lumb"][5] != "2026-12" or "safeguarding check runs out at the end of December" not in flat("people/coaches.md"):
    probs.append("coaches' dates against the minutes and the members list")
jobs = {"President": "president since 2010", "Chair": "chair since 2022", "Vice-chair": "vice-chair since 2024",
        "Head coach": "head coach since 2014", "Trips secretary": "trips secretary since 2021", "Racing secretary": "racing secretary since 2019",
        "Boatman": "boatman since 2012", "Pool organiser": "pool organiser since 2015", "Welfare officer": "welfare officer since 2023",
        "Social secretary": "social secretary since 2025"}
for o in OFFICERS:
    if o[2] and (mem[o[2]]["member"] != o[1] or int(o[3]) < int(mem[o[2]]["joined"])):
        probs.append(f"officer {o[0]}: {o[2]}")
for office, words in jobs.items():
    if words not in mem[off[office][2]]["notes"] or not words.endswith(off[office][3]):
        probs.append(f"officer {office}: not in {off[office][2]}'s notes")
for owner_rel, office in (("people/officers.md", "Secretary"), ("prices/fees-2026-27.md", "Treasurer"), ("history/fees-history.md", "Treasurer"),
                          ("people/coaches.md", "Head coach"), ("rules/river-levels-2026.md", "Head coach"), ("guides/trip-leaders.md", "Head coach"),
                          ("boathouse/racks.md", "Boatman"), ("kit/buoyancy-aids-2026.md", "Boatman"), ("news/2026-05-new-slipway.md", "Boatman"),
                          ("pool/pool-rota-autumn-2026.md", "Pool organiser"), ("racing/calendar-2026.md", "Racing secretary"),
                          ("meetings/2026-03-07-agm.md", "Secretary"), ("meetings/2026-10-14-committee.md", "Secretary"),
                          ("history/club-officers.md", "President"), ("news/2026-09-flood.md", "Chair"), ("lease/boathouse-lease-2025.md", "Secretary")):
    if "owner: " + off[office][1] not in page(owner_rel):
        probs.append(f"{owner_rel}: owner is not the {office.lower()}")
if "Victor Amadi, 2 March 2026" not in page("notes/2026-03-accounts-2025-26.txt") or "Kept by the racing secretary" not in html \
        or "Written by the trip leader, KC129" not in inc:
    probs.append("authors of the notes and the results")

# ---- chairs, secretaries and head coaches: back to back, AGM days, against the other pages


def first_saturday_of_march(y: int) -> datetime.date:
    d = datetime.date(y, 3, 1)
    return d + datetime.timedelta(days=(5 - d.weekday()) % 7)


for name, hist in (("chairs", CHAIRS), ("secretaries", SECRETARIES), ("head coaches", HEADCOACHES)):
    for a, b in zip(hist, hist[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"{name}: {a[:3]} then {b[:3]}")
    for r in hist:
        if day(r[0]) != first_saturday_of_march(day(r[0]).year) and "acting" not in r[3] and "2013-10-01" != r[0]:
            probs.append(f"{name}: {r[0]} is not an AGM day")
    if hist[-1][1] != "" or hist[-1][3] != "current":
        probs.append(f"{name}: no current holder")


def held_on(hist: list[list[str]], when: str) -> str:
    return next(r[2] for r in hist if r[0] <= when and (r[1] == "" or when <= r[1]))


agm26 = flat("meetings/2026-03-07-agm.md")
if held_on(CHAIRS, "2026-06-01") != off["Chair"][1] or held_on(SECRETARIES, "2026-06-01") != off["Secretary"][1] \
        or held_on(HEADCOACHES, "2026-06-01") != off["Head coach"][1] or off["Chair"][3] != CHAIRS[-1][0][:4] \
        or off["Secretary"][3] != SECRETARIES[-1][0][:4] or off["Head coach"][3] != HEADCOACHES[-1][0][:4] \
        or held_on(CHAIRS, "2011-06-18") != ABOUT["Chairman"] or held_on(SECRETARIES, "2011-06-18") != ABOUT["Secretary"] \
        or held_on(HEADCOACHES, "2011-06-18") != ABOUT["Head coach"] or "owner: Colin Varley" not in page("about.md") \
        or ABOUT["President"] != off["President"][1] or "president 1990-2010" not in CHAIRS[0][3] \
        or held_on(SECRETARIES, "2016-04-12") != "Colin Varley" or "owner: Colin Varley" not in page("faq/new-paddlers-2016.md") \
        or held_on(SECRETARIES, "2017-01-17") != "Colin Varley" or "owner: Colin Varley" not in page("rules/river-levels-2017.md") \
        or held_on(SECRETARIES, "2004-09-24") != "Hilda Brough" or held_on(CHAIRS, "2004-09-24") != "Pauline Dacre" \
        or "Hilda Brough (secretary) and Pauline Dacre (chair)" not in flat("lease/boathouse-lease-2004.md") \
        or held_on(SECRETARIES, "2025-09-26") != "Fenella Craig" or held_on(CHAIRS, "2025-09-26") != "Harriet Lumb" \
        or "Fenella Craig (secretary) and Harriet Lumb (chair)" not in flat("lease/boathouse-lease-2025.md") \
        or held_on(CHAIRS, "2013-11-01") != mem["KC111"]["member"] or "acting chair from October 2013 to the 2014 AGM" not in mem["KC111"]["notes"] \
        or held_on(CHAIRS, "1990-01-01") != mem["KC103"]["member"] or "chair 1984-1996" not in mem["KC103"]["notes"] \
        or held_on(HEADCOACHES, "2010-01-01") != mem["KC117"]["member"] or "head coach 2004-2014" not in mem["KC117"]["notes"] \
        or "Hilda Brough, secretary from 1996 to 2009, was elected a life member" not in agm26 \
        or "puts forward Tomasz Wilk, the vice-chair" not in flat("meetings/2026-10-14-committee.md") or off["Vice-chair"][1] != "Tomasz Wilk" \
        or "after five years" not in flat("meetings/2026-10-14-committee.md") or 2027 - int(off["Chair"][3]) != 5 \
        or "put forward Tomasz Wilk" not in flat("history/club-officers.md") or "Stuart Hebblethwaite" not in CHAIRS[5][2]:
    probs.append("chairs, secretaries and head coaches against the other pages")
chair_names = [r[2] for r in CHAIRS]
if [TROPHIES[t][3] for t in ("Garside Cup", "Ashburn Paddle", "Dacre Salver", "Keel Quaich")] != [chair_names[i] for i in (0, 1, 2, 3)] \
        or "gave the Garside Cup" not in CHAIRS[0][3]:
    probs.append("trophy givers against the chairs")
if "gave the Ashburn Paddle in 1997" not in mem["KC103"]["notes"] or TROPHIES["Ashburn Paddle"][2] != "1997" or TROPHIES["Garside Cup"][2] != "1975" \
        or "every May since 1975" not in ABOUT["Racing"]:
    probs.append("trophy givers and years")

# ---- fees: the fees page against the histories, the 2011 and 2016 pages, the accounts and the minutes
for name, hist in (("senior", SENIOR), ("kayak", KAYAK)):
    for a, b in zip(hist, hist[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]) or int(a[2]) >= int(b[2]):
            probs.append(f"{name} history: {a[:3]} then {b[:3]}")
    if hist[-1][1] != "":
        probs.append(f"{name} history: no open last period")


def price_on(hist: list[list[str]], when: str) -> int:
    return next(int(r[2]) for r in hist if r[0] <= when and (r[1] == "" or when <= r[1]))


faq = flat("faq/new-paddlers-2016.md")
if (price_on(SENIOR, "2026-03-01"), price_on(SENIOR, "2025-10-01")) != FEES["Senior (18 to 64)"] or price_on(SENIOR, "2025-09-30") != 104 \
        or (price_on(KAYAK, "2026-03-01"), price_on(KAYAK, "2025-03-01")) != FEES["Boat hire, member, kayak, a day"] \
        or f"GBP {price_on(SENIOR, '2011-06-18')} a year" not in ABOUT["Senior subscription"] \
        or f"A senior subscription is GBP {price_on(SENIOR, '2016-04-12')} a year" not in faq \
        or f"at GBP {price_on(KAYAK, '2016-04-12')} a kayak a day" not in faq \
        or "GBP 104 until 30 September 2025 and GBP 112 from 1 October 2025" not in flat("prices/fees-2026-27.md") \
        or "proposed a senior subscription of GBP 128 for 2027-28" not in flat("history/fees-history.md") \
        or "proposes a senior subscription of GBP 128" not in flat("meetings/2026-10-14-committee.md") \
        or "The senior subscription of GBP 120 was agreed" not in agm26 or "Wendle Ten in May (entry GBP 8)" not in faq \
        or "Since Kelderby Baths closed in 2015" not in faq or ABOUT["Pool sessions"] != "Tuesday nights at Kelderby Baths":
    probs.append("fees against the histories, the 2011 and 2016 pages and the minutes")
acc = page("notes/2026-03-accounts-2025-26.txt")
lines = {k.strip(): (num(v), x) for k, v, x in re.findall(r"^  ([A-Z][^\n]*?)\s+GBP\s+([\d,]+)(?:\s+\(([^)]*)\))?", acc, re.M)}
rate_of = {"Subscriptions, senior, to 30 September": 104, "Subscriptions, senior, from 1 October": 112,
           "Subscriptions, concession": FEES["Concession (65 and over, or unwaged)"][1], "Subscriptions, student": FEES["Student (full-time)"][1],
           "Subscriptions, junior": FEES["Junior (under 18)"][1], "Subscriptions, family": FEES["Family (two adults and their juniors)"][1],
           "Subscriptions, associate": FEES["Associate (a full member of another club)"][1], "Subscriptions, social": FEES["Social (no paddling)"][1],
           "Joining fees": FEES["Joining fee (adults, first year)"][1], "Pool sessions": FEES["Pool session, a paddler"][1]}
for k, r in rate_of.items():
    amount, why = lines[k]
    m = re.search(r"([\d,]+)(?: [a-z ]+)? x ([\d,]+)", why or "")
    if not m or num(m.group(2)) != r or num(m.group(1)) * r != amount:
        probs.append(f"accounts {k}: {amount} ({why})")
counts = {k: int(v) for k, v in re.findall(r"^  (Senior|Concession|Student|Junior|Family|Associate|Social|Life)\s+(\d+)", acc, re.M)}
people = sum(v for k, v in counts.items() if k != "Family") + int(re.search(r"\((\d+) people\)", acc).group(1))
income = [v for k, (v, _) in lines.items() if list(lines).index(k) < list(lines).index("Total income")]
costs = [v for k, (v, _) in lines.items() if list(lines).index("Total income") < list(lines).index(k) < list(lines).index("Total costs")]
surplus = num(re.search(r"Surplus\s+GBP\s+([\d,]+)", acc).group(1))
wt = lines["Wendle Ten entries, May 2025"]
if sum(income) != lines["Total income"][0] or sum(costs) != lines["Total costs"][0] or surplus != sum(income) - sum(costs) \
        or f"income GBP {sum(income):,}, costs GBP {sum(costs):,} and a surplus of GBP {surplus:,}" not in agm26 \
        or lines["To the boat fund"][0] + lines["Kept in the general account"][0] != surplus or f"GBP {lines['To the boat fund'][0]:,} goes to the boat fund" not in agm26 \
        or f"Total members {people} people" not in " ".join(acc.split()) or f"{people} members at 28 February 2026" not in agm26 \
        or f"{counts['Junior']} of them juniors" not in agm26 or counts["Senior"] != 131 + 11 \
        or wt[0] != 52 * FEES["Wendle Ten entry"][1] + 12 * FEES["Wendle Ten entry, junior"][1] \
        or lines["Pool hire"][0] != 40 * 68 or sum(int(x) for x in re.findall(r"\d+", lines["Boat hire"][1])) != lines["Boat hire"][0]:
    probs.append("accounts totals and the AGM")
old_rent = num(re.search(r"the 2018 review at GBP ([\d,]+)", flat("lease/boathouse-lease-2004.md")).group(1))
new_rent = num(re.search(r"GBP ([\d,]+) a year", L25["Rent"][1]).group(1))
if lines["Rent, boathouse"][0] != old_rent * 7 // 12 + new_rent // 12 * 5 or L25["Rent"][0] != f"GBP {old_rent:,} a year at the end" \
        or f"(GBP {new_rent // 12:,})" not in L25["Rent"][1] or L04["Rent"] != "GBP 1,200 a year, paid quarterly" \
        or "at GBP 1,200 a year" not in flat("about.md") or "7 months at 1,800 a year" not in acc or "5 months at 325" not in acc \
        or L04["Length"] != L25["Length"][0] or day("2025-10-01").year - day("2004-10-01").year != 21 \
        or not L25["Length"][1].startswith("25 years from 1 October 2025, to 30 September 2050"):
    probs.append("the rent under the two leases")

# ---- the two leases and the two policies, against the pages that rely on them
if not L04["Use"].endswith("but no hire to anyone outside the club") or "boat hire to affiliated groups" not in L25["Use"][1] \
        or any(h["hirer"] in GROUP and h["date_out"] < "2025-10-01" for h in HIRES) \
        or L04["Flood damage"] != "at the club's risk" or "the Council repairs the building" not in L25["Flood damage"][1] \
        or "under the flood clause of the 2025 lease" not in flat("meetings/2026-10-14-committee.md") \
        or "Under the old lease flood damage to the building was ours to pay for" not in flat("news/2026-09-flood.md") \
        or L04["Parking"] != "4 spaces on Ferry Lane" or L25["Parking"] != ("4 spaces", "6 spaces and the trailer bay") \
        or "the slipway" not in L25["Repairs"][1] or "makes its structure the Council's to repair" not in flat("news/2026-05-new-slipway.md"):
    probs.append("the two leases against the hire log, the minutes and the news")
if P17["Grade 1 and 2 sections"] != "no club trip when the gauge reads over 1.2 m" or P17["Grade 3 sections"] != "no club trip when the gauge reads over 1.0 m" \
        or P26["Level limits"][0] != "over 1.2 m on grade 1 and 2, over 1.0 m on grade 3: no trip" \
        or P17["Ratio, grade 1 and 2"] != "one leader to eight paddlers" or P17["Ratio, grade 3"] != "one leader to five paddlers" \
        or P26["Ratio"][0] != "1 to 8 on grade 1 and 2; 1 to 5 on grade 3" \
        or P26["Ratio"][1] != "1 to 6 on flat water and grade 1; 1 to 5 on grade 2; 1 to 4 on grade 3 and the estuary; 1 to 3 on grade 4" \
        or P17["Grade 4"] != "never a club trip" or "Grade 4 water is never a club trip" not in faq \
        or "nothing harder is run as a club trip" not in ABOUT["Hardest club trip"] \
        or P17["Buoyancy aids"] != "inspected once a year, in March" or P26["Buoyancy aids"][1] != "every six months, in March and September" \
        or "checked once a year, in March" not in faq or "until 2026 it was once a year, in March" not in flat("kit/buoyancy-aids-2026.md") \
        or "2 million" not in L04["Insurance"] or "Not a club trip at all until the 2026 policy" not in sec["CRY-F"]["text"] \
        or "1.2 m that the 2017 policy allows on a grade 2 section" not in trip["TR26-02"]["text"]:
    probs.append("the two policies against the FAQ, the 2011 page, the kit page, the sections and the trips")
for award, grades in LEAD_GRADES.items():
    if award not in P26["Who may lead"][1] or award not in flat("people/coaches.md"):
        probs.append(f"leader award {award} not in the policy and the coaches page")

# ---- buoyancy aids: twelve in use, by size; kit counts against the flood
in_service = [b for b in BAS if not b[5].startswith("retired") and not b[5].startswith("fail")]
sizes = collections.Counter(b[1] for b in in_service)
if len(in_service) != 12 or "twelve aids are in use: four small or junior, four medium, two large and two extra large" not in flat("kit/buoyancy-aids-2026.md") \
        or sizes["S"] + sizes["junior"] != 4 or sizes["M"] != 4 or sizes["L"] != 2 or sizes["XL"] != 2 \
        or sorted(b[0] for b in BAS if b[5].startswith("retired")) != ["ba-02", "ba-07"] \
        or "ba-02 and ba-07 were retired at the September inspection" not in flat("meetings/2026-10-14-committee.md") \
        or [b[0] for b in BAS if b[3] == "2026"] != ["ba-12", "ba-13"] or "Two new buoyancy aids to be bought in April" not in agm26 \
        or bullets("kit/buoyancy-aids-2026.md")["Spraydecks"] != "18, after six were lost in the September flood" \
        or "six spraydecks and four paddles lost" not in flat("news/2026-09-flood.md"):
    probs.append("buoyancy aids and kit")

# ---- pool rota: Fridays, coaches with first aid, the tally, the term's count
tally = collections.Counter(p[1] for p in POOL if p[1] != "-")
listed = {k: int(v) for k, v in bullets("pool/pool-rota-autumn-2026.md").items() if k.startswith("KC")}
for p in POOL:
    if day(p[0]).weekday() != 4:
        probs.append(f"pool {p[0]}: not a Friday")
    if p[1] == "-":
        if p[4] != "0" or "no session" not in p[3]:
            probs.append(f"pool {p[0]}: lost session")
        continue
    c = coach_of.get(p[1])
    if c is None or c[4] < p[0][:7]:
        probs.append(f"pool {p[0]}: {p[1]} may not lead")
    for hx in p[2].split(", "):
        if hx not in mem or mem[hx]["renewed_2026"] != "Y":
            probs.append(f"pool {p[0]}: helper {hx}")
if dict(tally) != listed or sum(p[1] != "-" for p in POOL) != 13 or "Thirteen sessions ran and two were lost" not in flat("pool/pool-rota-autumn-2026.md") \
        or "GBP 74 a session" not in flat("pool/pool-rota-autumn-2026.md") or "GBP 74 a session from January 2027" not in flat("meetings/2026-10-14-committee.md") \
        or f"GBP {FEES['Pool session, a paddler'][0]} a session" not in flat("pool/pool-rota-autumn-2026.md") \
        or not any(p[0] == "2026-11-27" and "KC132" in p[2] for p in POOL):
    probs.append(f"pool tally {dict(tally)} against {listed}")

# ---- racing: positions by time, class places, the calendar, members' races, trophies
race_count = collections.Counter()
cal = {c[1]: c for c in CAL}
for name, lines_ in RACES.items():
    if name not in cal:
        probs.append(f"race {name}: not on the calendar")
        continue
    finished = [r for r in lines_ if r[0] != "DNF"]
    times = [secs(r[4]) for r in finished]
    if times != sorted(times) or [int(r[0]) for r in finished] != sorted(int(r[0]) for r in finished):
        probs.append(f"race {name}: not in time order")
    full_field = name != "Holme Weir Head"
    if full_field and [int(r[0]) for r in finished] != list(range(1, len(finished) + 1)):
        probs.append(f"race {name}: positions")
    by_class = collections.defaultdict(list)
    for r in finished:
        by_class[r[3]].append(r)
        if r[3] not in cal[name][4] and not (r[3] == "K1" and "K1," in cal[name][4]):
            probs.append(f"race {name}: class {r[3]} not on the calendar")
    if full_field:
        for cls, rs in by_class.items():
            if [int(r[5]) for r in rs] != list(range(1, len(rs) + 1)):
                probs.append(f"race {name}: class places in {cls}")
    else:
        for cls, rs in by_class.items():
            if [int(r[5]) for r in rs] != sorted(int(r[5]) for r in rs):
                probs.append(f"race {name}: class places in {cls}")
    for r in lines_:
        people = kelderby_people(r[1]) if r[2] == "Kelderby CC" else []
        if r[2] == "Kelderby CC" and len(people) != len(r[1].split(" / ")):
            probs.append(f"race {name}: {r[1]} not on the members list")
        for x in people:
            race_count[x] += 1
            if r[3] == "junior K1" and mem[x]["category"] != "junior":
                probs.append(f"race {name}: {x} in the junior class")
            if mem[x]["category"] == "junior" and r[1] != mem[x]["member"].split()[0] + " " + mem[x]["member"].split()[1][0] + ".":
                probs.append(f"race {name}: junior {x} by full name")
for m in MEMBERS:
    if race_count[m["ID"]] != int(m["races_2026"]):
        probs.append(f"{m['ID']}: races_2026 {m['races_2026']}, results give {race_count[m['ID']]}")
wten = RACES["Wendle Ten"]
ours_k1 = [r for r in wten if r[2] == "Kelderby CC" and r[3].startswith("K1") and r[0] != "DNF"]
ours_k2 = [r for r in wten if r[2] == "Kelderby CC" and r[3] == "K2"]
sprint_j = [r for r in RACES["Tarn Water Sprint"] if r[2] == "Kelderby CC" and r[3] == "junior K1"]
if TROPHIES["Garside Cup"][5] != ours_k1[0][1] or TROPHIES["Keel Quaich"][5] != ours_k2[0][1].replace(" / ", " and ") \
        or TROPHIES["Sprint Shield"][5] != sprint_j[0][1] or "Sprint Shield 2025 and 2026" not in mem["KC164"]["notes"] \
        or "Garside Cup 2026" not in by_name[ours_k1[0][1]]["notes"] or "Garside Cup 2025" not in by_name[TROPHIES["Garside Cup"][4]]["notes"] \
        or "Ashburn Paddle 2026" not in mem[kelderby_people(TROPHIES["Ashburn Paddle"][5])[0]]["notes"] \
        or len(wten) != 13 or sum(r[0] != "DNF" for r in wten) != 12 or "13 boats started and 12 finished" not in html \
        or "41 boats finished" not in html or len(RACES["Holme Weir Head"]) != 5 or "Five Kelderby boats are entered for the Holme Weir Head" not in flat("meetings/2026-10-14-committee.md") \
        or cal["Tarn Water Sprint"][0] != "2026-06-21" or "Moved from 21 June" not in html or "Tarn Water Sprint, Sunday 5 July 2026" not in html \
        or "The Skirrow Slalom of 20 September was cancelled for the flood" not in html or cal["Skirrow Slalom"][0] != "2026-09-20" \
        or (FEES["Wendle Ten entry"][0], FEES["Wendle Ten entry, junior"][0]) != (12, 6) or cal["Wendle Ten"][5] != "12 (juniors 6)" \
        or "CRY-L" not in cal["Crydan Descent"][2] or "course of the Crydan Descent race" not in sec["CRY-L"]["text"]:
    probs.append("racing: trophies, calendar and results")
for x in ("KC164", "KC171"):
    age = int(re.search(r"aged (\d+)", mem[x]["notes"]).group(1))
    if age >= 16 or mem[x]["category"] != "junior":
        probs.append(f"{x}: junior K1 at {age}")
if int(re.search(r"(\d+) this year", mem["KC156"]["notes"]).group(1)) < 65 or int(re.search(r"(\d+) this year", mem["KC117"]["notes"]).group(1)) < 65:
    probs.append("concession ages")

# ---- the flood, the slipway, the members' counts
fl = flat("news/2026-09-flood.md")
sl = flat("news/2026-05-new-slipway.md")
if "3.42 m at 04:15 on Sunday 20 September" not in fl or day("2026-09-20").weekday() != 6 or trip["TR26-16"]["date"] != "2026-09-20" \
        or "flood" not in trip["TR26-16"]["text"] or "TR26-16 (Upper Skirrow) called off" not in fl \
        or not any(p[0] == "2026-09-25" and p[1] != "-" for p in POOL) or "the pool session of 25 September went ahead" not in fl \
        or "GBP 46,200: GBP 38,500 from the Council and a GBP 7,700 Sport Wendle grant" not in sl or 38500 + 7700 != 46200 \
        or (day("2026-05-09") - day("2026-04-30")).days != 9 or "nine days later than the Council promised" not in sl \
        or day("2026-05-09").weekday() != 5 or "by the end of April" not in agm26:
    probs.append("the flood and the slipway")
if sum(m["renewed_2026"] == "N" for m in MEMBERS) != 1 or mem["KC147"]["category"] != "senior" \
        or "among them one senior on the members list" not in flat("meetings/2026-10-14-committee.md"):
    probs.append("the lapsed member")

# metadata and cells the comparisons use
races_pos = {r[1]: i for i, r in enumerate(wten)}
sprint_pos = {r[1]: i for i, r in enumerate(RACES["Tarn Water Sprint"])}
cmp_facts = [
    int(boat["WW-01"]["year_bought"]) < int(boat["WW-03"]["year_bought"]),
    int(mem["KC124"]["joined"]) < int(mem["KC129"]["joined"]),
    races_pos["Tomasz Wilk"] < races_pos["Priya Raman"],
    int(boat["RK-02"]["cost_gbp"]) > int(boat["SK-01"]["cost_gbp"]),
    tally["KC156"] > tally["KC160"] and mem["KC156"]["member"] == "Arthur Penhallow" and mem["KC160"]["member"] == "Jodie Marsden",
    float(boat["OC-03"]["length_m"]) > float(boat["OC-02"]["length_m"]),
    sprint_pos["Oscar L."] < sprint_pos["Edie Sowerby"],
    coach["Morwenna Pascoe"][4] < coach["Jodie Marsden"][4],
    int(hire["h26-06"]["fee_gbp"]) > int(hire["h26-03"]["fee_gbp"]),
    sec["CRY-L"]["high_m"] > sec["SKI-U"]["high_m"],
    int(mem["KC141"]["joined"]) < int(mem["KC160"]["joined"]),
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
