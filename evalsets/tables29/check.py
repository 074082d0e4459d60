"""Checks for evalsets/tables29 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 29, 98


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
        if i.id != f"t29-{split}-{n:03d}":
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
    "t29-dev-038": ([(r"aerator[^|]{0,120}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}aerator",
                      ["meetings/2026-10-07-committee"]),
                     (r"(GBP|£)\s?[\d,]+[^|.]{0,30}\b(a|per) (week|day|month)\b|\bhir(e|ing) (cost|charge|fee|rate)", None)],
                    "Hiring the aerator cost GBP 180 a week before the Club bought it."),
    "t29-dev-039": ([(r"(personal best|\bPB\b|best common)", []),
                     (r"Maguire[^|]{0,80}common carp[^|.]{0,40}\d+[- ]\d", [])],
                    "Kieran Maguire's personal best common carp is 29-08."),
    "t29-dev-040": ([(r"\b2018\b[^|]{0,60}(Pennock|points league|Bowl)|(Pennock|Bowl)[^|]{0,120}\b2018\b", [])],
                    "The Pennock Bowl in 2018 went to Trevor Nuttall."),
    "t29-dev-041": ([(r"\b2029\b[^|.]{0,100}(GBP|£)\s?[\d,]+|(GBP|£)\s?[\d,]+[^|.]{0,120}\b2029\b", ["lease/brennet-lease-2026"]),
                     (r"(after|from|at) (the )?(2029|first) review[^|.;]{0,40}(GBP|£)|\b2029\b[^|.;]{0,30}(GBP|£)\s?[\d,]+", None)],
                    "After the 2029 review the rent will be GBP 6,450 a year."),
    "t29-dev-042": ([(r"(keeper|Pryce)[^|.]{0,120}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,60}(keeper|Pryce)|(keeper|Pryce)[^|.]{0,60}\b(paid|wages?|salary)\b", [])],
                    "The river keeper is paid GBP 24,000 a year by the Estate."),
    "t29-dev-043": ([(r"\b2025\b[^|]{0,80}river championship|river championship[^|]{0,80}\b2025\b", ["matches/series-2026#RCH-26"]),
                     (r"\b\w+ anglers fished[^|.]{0,20}\b2025\b|\b2025\b[^|.]{0,60}\b\w+ (anglers|fished)\b", None)],
                    "Thirteen anglers fished the 2025 river championship."),
    "t29-dev-044": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b07\d{3}\b|\bphone\b|\btel(ephone)?\b|\bmobile\b|\bring\b[^|.]{0,40}\bon\b \d",
                      ["guides/match-organisers", "people/bailiffs", "notes/2026-07-willow-lake-fish-loss", "news/2026-04-otter-fence"]),
                     (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b07\d{3}\b|\b(phone|mobile|tel)\b[^|.]{0,20}\d", None)],
                    "His phone number is 07700 912 456."),
    "t29-dev-045": ([(r"\bdeep\b|\bdepth\b|\d+(\.\d+)? ?m (deep|of water)|\bfeet deep\b|\bft\b", [])],
                    "Sandpit Lake is 9 m deep at its deepest."),
    "t29-test-059": ([(r"\b\d{3}\b members[^|.]{0,40}\b2015\b|\b2015\b[^|.]{0,60}\b\d{3}\b (members|people)|members (in|at|during) [^|.]{0,20}\b2015\b", [])],
                     "The Club had 430 members in 2015."),
    "t29-test-060": ([(r"chair(man)?[^|.;]{0,60}\b(19[0-6]\d|197[0-8])\b|\b(19[0-6]\d|197[0-8])\b[^|.;]{0,20}(chair|as chairman)", []),
                      (r"(before|preceded) (Albert )?Swithenbank|Swithenbank's predecessor", [])],
                     "The chairman before Albert Swithenbank, from 1968 to 1979, was Cyril Haworth."),
    "t29-test-061": ([(r"barbel[^|.]{0,100}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,100}barbel", []),
                      (r"\b2027\b[^|.]{0,60}(GBP|£)\s?[\d,]+[^|.]{0,60}(barbel|Meadow)|(barbel|Meadow)[^|.]{0,60}\b2027\b[^|.]{0,40}(GBP|£)", [])],
                     "In 2027 the Estate will pay GBP 2,250 for the Meadow beat's barbel."),
    "t29-test-062": ([(r"round 1\b[^|.]{0,80}(\d+ lb|\b\d{1,2}-[01]\d\b)|\b\d{1,2}-[01]\d\b[^|.]{0,60}round 1\b|2 November 2025|2025-11-02",
                       ["matches/matches-2026#M26-26", "matches/series-2026#WCS-2627"]),
                      (r"\b2025\b[^|.]{0,80}round 1\b|round 1\b[^|.]{0,80}\b2025\b", None)],
                     "Round 1, on 2 November 2025, was won with 8 lb 3 oz."),
    "t29-test-063": ([(r"@|e-?mail", [])],
                     "Her address is priya.chaudhary@hollinsfordac.org.uk."),
    "t29-test-064": ([(r"\b(19[5-9]\d|200[0-5])\b[^|]{0,100}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,100}\b(19[5-9]\d|200[0-5])\b", []),
                      (r"(before|until|up to) (the )?(2006|25 March 2006)[^|.]{0,60}(GBP|£|rent)", [])],
                     "Before 2006 the rent was GBP 1,900 a year, under a lease of 1991."),
    "t29-test-065": ([(r"round 2\b[^|.]{0,80}\b(\d+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty[- \w]*) (anglers|fished)|13 December[^|]{0,80}\b(fished|anglers)\b", []),
                      (r"13 December[^|.]{0,60}\b\d+ (anglers|fished)|\b\d+ (anglers|fished)[^|.]{0,60}13 December", [])],
                     "Round 2 on 13 December: 20 anglers fished."),
    "t29-test-066": ([(r"20 July[^|]{0,80}mg/l|mg/l[^|]{0,80}20 July|2026-07-20[^|]{0,80}mg/l", []),
                      (r"20 July[^|.]{0,40}\d(\.\d)? ?mg/l", [])],
                     "On 20 July the reading was 5.2 mg/l."),
    "t29-test-067": ([(r"\b[A-Z]\w+ (Fencing|Fences|Contractors|Ltd)\b", ["news/2026-04-otter-fence", "work/work-parties-2026"]),
                      (r"(2014|old fence)[^|.]{0,80}\b(by|from) [A-Z]\w+ (Fencing|Fences|Contractors|Ltd)|[A-Z]\w+ (Fencing|Fences|Contractors|Ltd)[^|.]{0,40}\b2014\b", None)],
                     "The 2014 fence was put up by Ellesmoor Fencing."),
    "t29-test-068": ([(r"\b2024\b[^|]{0,80}(Kingfisher Trophy|junior series)|(Kingfisher Trophy|junior series)[^|]{0,120}\b2024\b", []),
                      (r"junior (series )?champion 2024", [])],
                     "The Kingfisher Trophy in 2024 went to Alfie B., junior series champion 2024."),
    "t29-test-069": ([(r"(licence|Canal Trust)[^|]{0,60}\b2026-27\b|\b2026-27\b[^|]{0,60}(licence|Canal Trust)", []),
                      (r"(GBP|£)\s?[\d,]+[^|.]{0,40}(canal )?licence", ["notes/2026-04-accounts"]),
                      (r"(2026-27|next year|this year)[^|.]{0,60}(GBP|£)\s?[\d,]+[^|.]{0,30}licence|(GBP|£)\s?[\d,]+[^|.]{0,40}licence[^|.]{0,30}(2026-27|next year|this year)", None)],
                     "For 2026-27 the Canal Trust charges GBP 1,150 for the licence."),
    "t29-test-070": ([(r"\bvot(e|ed|es|ing)\b|\bunanimous|show of hands|\b\d+ against\b", [])],
                     "At the 2025 AGM 51 members voted for the GBP 140 permit, with 4 against."),
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


def oz(w: str) -> int:
    """Pounds and ounces (`12-08`, `12 lb 8 oz`) as ounces."""
    m = re.fullmatch(r"(\d+)-(\d\d)|(\d+) lb (\d+) oz", w.strip())
    lb, o = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if int(o) > 15:
        raise ValueError(f"{w}: more than 15 oz")
    return int(lb) * 16 + int(o)


def lboz(ounces: int) -> str:
    return f"{ounces // 16}-{ounces % 16:02d}"


def kg(ounces: int) -> str:
    return f"{ounces * 0.028349523125:.2f}"


WATERS = rows("waters/waters.csv")
MEMBERS = rows("people/members.csv")
STOCK = rows("stocking/stocking-log.csv")
MATCHES = rows("matches/matches-2026.jsonl")
SERIES = rows("matches/series-2026.jsonl")
OFFICERS = table("people/officers.md", "Office")
BAILIFFS = table("people/bailiffs.md", "Bailiff")
POINTS = table("matches/points-league-2026.md", "Angler")
BOWL = table("matches/points-league-2026.md", "Season")
CAL = table("matches/calendar-2026.md", "Date")
RETURNS = table("catches/catch-returns-2026-08.md", "Date")
PARTIES = table("work/work-parties-2026.md", "Date")
SENIOR = table("prices/permit-history.md", "From", 0)
DAYTICKET = table("prices/permit-history.md", "From", 1)
CHAIRS = table("history/club-officers.md", "From", 0)
SECRETARIES = table("history/club-officers.md", "From", 1)
HEADBAILIFFS = table("history/club-officers.md", "From", 2)
RULES = table("waters/waters-and-rules.md", "Water")
R18 = {r[0]: r[1] for r in table("rules/close-season-night-fishing-2018.md", "Item")}
R26 = {r[0]: (r[1], r[2]) for r in table("rules/close-season-night-fishing-2026.md", "Item")}
L06 = {r[0]: r[1] for r in table("lease/brennet-lease-2006.md", "Term")}
L26 = {r[0]: (r[1], r[2]) for r in table("lease/brennet-lease-2026.md", "Term")}

water = {w["id"]: w for w in WATERS}
mem = {m["ID"]: m for m in MEMBERS}
by_permit = {m["permit"]: m for m in MEMBERS if m["permit"]}
stk = {s["id"]: s for s in STOCK}
match = {m["id"]: m for m in MATCHES}
series = {s["id"]: s for s in SERIES}
off = {o[0]: o for o in OFFICERS}
by_id = {i.id: i for i in ALL}
fees_page = page("prices/permits-2026-27.md")
rate = {k: (a, b) for k, a, b in re.findall(r"^\| ([^|]+?) \|\s*([\d,]*)\s*\|\s*([\d,]*)\s*\|$", fees_page, re.M)}
rate = {k: (num(a) if a else None, num(b) if b else None) for k, (a, b) in rate.items()}
html = page("records/trophies-and-records.html")
TROPHIES = {t[0]: t for t in re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>(\d{4})</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)}
RECORDS = {r[0]: r for r in re.findall(r"<tr><td>([^<]+)</td><td>(\d+ lb \d+ oz)</td><td>([\d.]+)</td><td>([A-Z0-9]+)</td><td>([^<]+)</td><td>([\d-]+)</td></tr>", html)}


def came(cell: str) -> list[str]:
    return [x for x in cell.split(", ") if x.startswith("HA")]


RECOMPUTE = {
    # derived counts: (id, computed value)
    "t29-dev-028": str(sum(m["bailiff"] == "Y" for m in MEMBERS)),
    "t29-test-041": str(sum(m["night_permit"] == "Y" for m in MEMBERS)),
    # filters: the one row, record or table line meeting the condition
    "t29-dev-029": [w["name"] for w in WATERS if w["open"] == "closed"],
    "t29-dev-030": [m["member"] for m in MEMBERS if not m["permit"]],
    "t29-dev-031": [s["species"] for s in STOCK if s["paid_from"] == "Fallowfield Estate"],
    "t29-dev-032": [s["name"] for s in SERIES if s["status"] == "in progress"],
    "t29-test-042": [w["name"] for w in WATERS if w["held_by"].startswith("licence")],
    "t29-test-043": [m["member"] for m in MEMBERS if m["category"] == "junior"],
    "t29-test-044": [m["member"] for m in MEMBERS if m["permit"] and m["category"] not in ("junior", "life")
                     and "registered disabled" not in m["notes"]
                     and sum(int(p[4]) for p in PARTIES if m["ID"] in came(p[5])) < 8],
    "t29-test-045": [s["species"] for s in STOCK if s["paid_from"] == "insurance" and s["species"] != "roach"],
    "t29-test-046": [f"round {m['round']}" for m in MATCHES if m["series"] == "WCS-2526" and m["result"] == "postponed"],
    "t29-test-047": [w["name"].split(", ")[1] for w in WATERS if w["type"] == "river" and w["night_fishing"] == "Y"],
    "t29-test-048": [water[max(RETURNS, key=lambda r: oz(r[8]))[2]]["name"]],
    "t29-test-049": [r[1] for r in RETURNS if r[2] == "KP"],
    "t29-test-050": [b[0] for b in BAILIFFS if not b[1]],
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
if sorted(by_id["t29-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["bailiff"] == "Y") \
        or sorted(by_id["t29-test-041"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["night_permit"] == "Y"):
    probs.append("derived counts' evidence is not the rows counted")

# waters: types, sizes, pegs, night fishing, bailiffs, against the rules page, the leases and 2010
river = [w for w in WATERS if w["type"] == "river"]
for w in WATERS:
    if (w["type"] in ("lake", "pond")) != bool(w["area_ha"]) or (w["type"] in ("canal", "river")) != bool(w["length_km"]):
        probs.append(f"water {w['id']}: size column for a {w['type']}")
    if (w["type"] == "river") != (w["open"] == "16 June to 14 March") and w["id"] != "KP":
        probs.append(f"water {w['id']}: open {w['open']}")
    if w["bailiff"] not in mem or mem[w["bailiff"]]["bailiff"] != "Y":
        probs.append(f"water {w['id']}: bailiff {w['bailiff']}")
rules_page = flat("waters/waters-and-rules.md")
if sum(int(w["pegs"]) for w in WATERS) != 246 or "Pegs: 246 in all" not in rules_page \
        or round(sum(float(w["length_km"]) for w in river), 1) != 5.2 or "B1 to B4, 5.2 km" not in L26["Water"][1] \
        or round(sum(float(water[b]["length_km"]) for b in ("B1", "B2", "B3")), 1) != 4.3 or "4.3 km" not in L06["Water"] \
        or "the Meadow beat (0.9 km)" not in L26["Water"][1] or water["B4"]["length_km"] != "0.9" or water["B4"]["held_since"] != "2026" \
        or "3.2 km from Bridge 14 to Bridge 19" not in rules_page or water["CS"]["length_km"] != "3.2" \
        or sorted(r[0] for r in RULES) != sorted(["SP", "WL", "MP", "KP", "CS", "B1, B2", "B3", "B4"]):
    probs.append("waters against the rules page and the leases")
night = sorted(w["id"] for w in WATERS if w["night_fishing"] == "Y")
if night != ["B1", "SP", "WL"] or "Sandpit Lake, Willow Lake and the Thornleigh beat only" not in rules_page \
        or "Sandpit Lake pegs 1 to 20 any night; Willow Lake pegs 21 to 30 on Friday and Saturday nights; the Thornleigh beat (B1) from 16 June to 31 October" not in R26["Night fishing"][1] \
        or "Sandpit Lake only" not in R18["Night fishing"] or "on the Thornleigh beat only, 16 June to 31 October" not in L26["Night fishing"][1] \
        or L06["Night fishing"] != "not allowed" or "| Night fishing | Sandpit Lake only, for a syndicate of 15 |" not in page("about.md") \
        or "Only on Sandpit Lake" not in flat("faq/new-members-2015.md") or "pegs 21-30 on Friday and Saturday nights only" not in water["WL"]["notes"]:
    probs.append(f"night fishing: {night} against the rules, the leases, the 2010 and 2015 pages")
day_t = sorted(w["id"] for w in WATERS if w["day_tickets"] == "Y")
if day_t != ["B3", "CS", "WL"] or "Ferry beat only; never on the Meadow beat" not in L26["Day tickets"][1] \
        or not all(k in rate for k in ("Willow Lake", "Sowerton Canal", "Brennet, Ferry beat (B3)")) \
        or "| Day tickets | Willow Lake and the canal, GBP 5 |" not in page("about.md"):
    probs.append(f"day tickets: {day_t}")
in_2010 = [w for w in WATERS if int(w["held_since"]) <= 2010]
if len(in_2010) != 8 or sum(w["type"] == "river" for w in in_2010) != 3 or sum(w["type"] in ("lake", "pond") for w in in_2010) != 4 \
        or "| Waters | eight: four stillwaters, the canal and three beats of the Brennet |" not in page("about.md"):
    probs.append("the 2010 about page's waters")
owned = sorted(w["name"] for w in WATERS if w["held_by"] == "owned")
if owned != ["Kingfisher Pool", "Sandpit Lake", "Willow Lake"] or "Owned outright: Sandpit Lake, Willow Lake and Kingfisher Pool" not in rules_page:
    probs.append(f"owned waters {owned}")
if water["KP"]["open"] != "closed" or "Kingfisher Pool, being desilted (from 1 October 2026 until June 2027)" not in rules_page \
        or "Drained from 1 October; the tench went to Sandpit Lake on 3 October" not in flat("meetings/2026-10-07-committee.md") \
        or not any(p[0] == "2026-10-03" and p[1] == "KP" and "moved to SP" in p[2] for p in PARTIES):
    probs.append("Kingfisher Pool's closure")

# bailiffs: the waters list, the bailiffs page, the members list and the history page
bpage = {b[1]: b for b in BAILIFFS if b[1]}
waters_of = collections.defaultdict(list)
for w in WATERS:
    waters_of[w["bailiff"]].append(w["id"])
for mid, ws in waters_of.items():
    listed = bpage.get(mid, [None, None, ""])[2].split(";")[0]
    if listed != ", ".join(ws) or mem[mid]["member"] != bpage[mid][0]:
        probs.append(f"bailiff {mid}: {ws} against the bailiffs page {listed!r}")
if set(bpage) != {m["ID"] for m in MEMBERS if m["bailiff"] == "Y"} or len(BAILIFFS) != 8 or "Eight bailiffs in all" not in flat("people/bailiffs.md") \
        or "head bailiff" not in bpage[off["Head bailiff"][2]][2] or len({b[3] for b in BAILIFFS}) != 8:
    probs.append("bailiffs page against the members list")
for b in BAILIFFS:
    if b[1] and int(b[4]) < int(mem[b[1]]["joined"]):
        probs.append(f"bailiff {b[0]} since {b[4]}, before joining")

# members: permits, categories, officers, notes
for m in MEMBERS:
    if m["permit"] and not re.fullmatch(r"P26-0\d{3}", m["permit"]):
        probs.append(f"{m['ID']}: permit {m['permit']}")
if [m["ID"] for m in MEMBERS if not m["permit"]] != ["HA150"] or "did not renew for 2026-27" not in mem["HA150"]["notes"] \
        or "one associate on the members list" not in flat("meetings/2026-10-07-committee.md") or mem["HA150"]["category"] != "associate":
    probs.append("the lapsed member")
permits = [m["permit"] for m in MEMBERS if m["permit"]]
if permits != sorted(permits) or len(set(permits)) != len(permits):
    probs.append("permit numbers not in member order")
cats = {"senior": "Senior (21 to 64)", "concession": "Concession (65 and over, or registered disabled)",
        "intermediate": "Intermediate (17 to 20)", "junior": "Junior (under 17)", "family": "Family (two adults and their juniors)",
        "associate": "Associate (canal and Ferry beat only; living over 25 miles away)", "life": "Life (once)"}
for m in MEMBERS:
    if m["category"] not in cats or cats[m["category"]] not in rate:
        probs.append(f"{m['ID']}: category {m['category']}")
if "aged 19" not in mem["HA167"]["notes"] or "aged 14" not in mem["HA183"]["notes"] or "71 this year" not in mem["HA112"]["notes"] \
        or "31 miles away" not in mem["HA150"]["notes"]:
    probs.append("ages and distances against the categories")
jobs = {"President": "president since 2015", "Chair": "chair since 2021", "Vice-chair": "vice-chair", "Match secretary": "match secretary",
        "Head bailiff": "head bailiff since 2016", "Waters officer": "waters officer", "Night-fishing secretary": "night-fishing secretary",
        "Work party organiser": "organises the work parties", "Junior organiser and welfare officer": "junior organiser and welfare officer",
        "Team captain": "team captain"}
for o in OFFICERS:
    if o[2] and mem[o[2]]["member"] != o[1]:
        probs.append(f"officer {o[0]}: {o[2]} is not {o[1]}")
    if o[2] and int(o[3]) < int(mem[o[2]]["joined"]):
        probs.append(f"officer {o[0]}: since {o[3]}, before joining")
for office, word in jobs.items():
    if word not in mem[off[office][2]]["notes"]:
        probs.append(f"officer {office}: not in {off[office][2]}'s notes")
for owner_rel, office in (("people/officers.md", "Secretary"), ("prices/permits-2026-27.md", "Treasurer"),
                          ("prices/permit-history.md", "Treasurer"), ("notes/2026-04-accounts.txt", "Treasurer"),
                          ("matches/points-league-2026.md", "Match secretary"), ("matches/calendar-2026.md", "Match secretary"),
                          ("guides/match-organisers.md", "Match secretary"), ("people/bailiffs.md", "Head bailiff"),
                          ("catches/catch-returns-2026-08.md", "Waters officer"), ("waters/waters-and-rules.md", "Waters officer"),
                          ("work/work-parties-2026.md", "Work party organiser"), ("history/club-officers.md", "President"),
                          ("meetings/2026-04-26-agm.md", "Secretary"), ("meetings/2026-10-07-committee.md", "Secretary"),
                          ("rules/close-season-night-fishing-2026.md", "Secretary"), ("lease/brennet-lease-2026.md", "Secretary")):
    text = page(owner_rel)
    if ("owner: " + off[office][1] not in text) and (off[office][1] + ", " not in text.splitlines()[1]):
        probs.append(f"{owner_rel}: owner is not the {office.lower()}")
for rel, who in (("news/2026-04-otter-fence.md", "HA131"), ("news/2026-08-willow-lake-reopens.md", "HA146")):
    if "owner: " + mem[who]["member"] not in page(rel) or who not in waters_of or water[waters_of[who][0]]["name"] not in page(rel):
        probs.append(f"{rel}: not owned by the water's bailiff")
if "Lucan Shawcross (HA146), bailiff of Willow Lake" not in page("notes/2026-07-willow-lake-fish-loss.txt") or water["WL"]["bailiff"] != "HA146":
    probs.append("the fish-loss report's author")

# work parties: every member's hours recomputed, the bullet list, the levy and the exemptions
hours = collections.Counter()
for p in PARTIES:
    if p[3] not in came(p[5]):
        probs.append(f"work party {p[0]}: leader {p[3]} not among those who came")
    if p[1] not in water:
        probs.append(f"work party {p[0]}: water {p[1]}")
    for x in came(p[5]):
        hours[x] += int(p[4])
wp = flat("work/work-parties-2026.md")
for m in MEMBERS:
    h = hours[m["ID"]]
    if h != int(m["work_hours_2026"]):
        probs.append(f"{m['ID']}: work_hours_2026 {m['work_hours_2026']}, parties give {h}")
    exempt = m["category"] in ("junior", "life") or "registered disabled" in m["notes"]
    if m["permit"] and not exempt and f"{m['ID']} ({h})" not in wp:
        probs.append(f"{m['ID']}: hours not in the list")
    if exempt and (h or f"{m['ID']} (" not in wp.split("Exempt:")[1]):
        probs.append(f"{m['ID']}: exempt but listed with hours")
if "Short: HA167 (6)" not in wp or rate["Work-party levy (under 8 hours in the calendar year)"] != (40, 40) \
        or "short of their 8 hours on 31 December pay the GBP 40 levy" not in flat("meetings/2026-10-07-committee.md") \
        or "six hours of work parties a year, or pays a levy of GBP 25" not in flat("faq/new-members-2015.md"):
    probs.append("the work-party levy")
if sum(len(came(p[5])) + int((re.search(r"\+(\d+)", p[5]) or [0, 0])[1]) for p in PARTIES if p[0] == "2026-07-18") != 12 \
        or "twelve members who came to the work party on 18 July" not in flat("news/2026-08-willow-lake-reopens.md"):
    probs.append("the 18 July work party's numbers")

# matches: order, days, waters open, entry fees, weights, kilograms, placings, platform pegs
if [m["id"] for m in MATCHES] != [f"M26-{n:02d}" for n in range(1, len(MATCHES) + 1)] or [m["date"] for m in MATCHES] != sorted(m["date"] for m in MATCHES):
    probs.append("match records not in order")
WL_SHUT = (day("2026-07-14"), day("2026-08-09"))
fee_row = {"SPL-26": "Summer points league, a round", "WCS-2526": "Winter canal series, a round", "WCS-2627": "Winter canal series, a round",
           "RCH-26": "River championship, a round", "OPN-26": "Open match, with pools", "JUN-26": "Junior match",
           "BVL-26": "Brennet Valley League, a match"}
team_count = collections.Counter()
for m in MATCHES:
    d = day(m["date"])
    s = series[m["series"]]
    if m["id"] not in s["matches"]:
        probs.append(f"{m['id']}: not in {m['series']}'s matches")
    if d.weekday() != (2 if m["series"] == "JUN-26" else 6):
        probs.append(f"{m['id']}: on a {d.strftime('%A')}")
    season_col = 0 if d >= day("2026-04-01") else 1
    if m["entry_gbp"] != rate[fee_row[m["series"]]][season_col]:
        probs.append(f"{m['id']}: entry {m['entry_gbp']}")
    w = m["water"]
    if w is not None:
        if w not in s["waters"]:
            probs.append(f"{m['id']}: water {w} not one of the series'")
        if water[w]["type"] == "river" and not (d.month, d.day) >= (6, 16) and not (d.month, d.day) <= (3, 14):
            probs.append(f"{m['id']}: river in the close season")
        if w == "WL" and WL_SHUT[0] <= d <= WL_SHUT[1]:
            probs.append(f"{m['id']}: Willow Lake while shut")
        if w == "B4" and d < day("2026-06-16"):
            probs.append(f"{m['id']}: Meadow beat before it opened")
        lo, hi = map(int, m["pegs"].split("-"))
        if lo != 1 or hi > int(water[w]["pegs"]):
            probs.append(f"{m['id']}: pegs {m['pegs']}")
    if m["result"] != "fished":
        if m.get("placings") or m.get("weights") or m.get("anglers"):
            probs.append(f"{m['id']}: a {m['result']} match with results")
        continue
    ws = [oz(x) for x in m["weights"]]
    if ws != sorted(ws, reverse=True) or len(ws) != len(m["placings"]):
        probs.append(f"{m['id']}: weights not in order")
    if m["format"] == "team":
        ours = m["placings"].index("Hollinsford AC") + 1
        if ours != m["position"] or m["points"] != 5 - ours or m["winner"] != m["placings"][0] or len(m["team"]) != 6 \
                or len(set(m["placings"])) != 4 or m["anglers"] != 24:
            probs.append(f"{m['id']}: team result")
        if f"{kg(ws[ours - 1])} kg" not in m["text"]:
            probs.append(f"{m['id']}: our weight in kg")
        if (m["venue"] == "home") != (m["water"] == "CS"):
            probs.append(f"{m['id']}: home venue")
        for x in m["team"]:
            if x.startswith("HA"):
                team_count[x] += 1
        continue
    if m["winner"] != m["placings"][0].split(" (")[0] or m["winning_weight"] != m["weights"][0] \
            or f"{m['winning_kg']:.2f}" != kg(ws[0]) or f"{kg(ws[0])} kg" not in m["text"] \
            or f"{ws[0] // 16} lb {ws[0] % 16} oz" not in m["text"]:
        probs.append(f"{m['id']}: winner, weight or kilograms")
    if m["placings"][0].startswith("HA") and not re.search(m["placings"][0] + r"\b[^.]{0,60}\bwon\b", m["text"]):
        probs.append(f"{m['id']}: the text does not name the winner")
    for x, p in zip(m["placings"], m["pegs_drawn"]):
        if x.startswith("HA") and x not in mem:
            probs.append(f"{m['id']}: {x} not on the members list")
        if x == "HA194" and p not in {"WL": (5, 6), "CS": (22,)}.get(m["water"], ()):
            probs.append(f"{m['id']}: HA194 off the platform pegs")
    if len(set(m["pegs_drawn"])) != len(m["pegs_drawn"]) or max(m["pegs_drawn"]) > int(m["pegs"].split("-")[1]):
        probs.append(f"{m['id']}: pegs drawn")
    full_field = m["series"] in ("SPL-26", "JUN-26")
    if full_field != (len(m["placings"]) == m["anglers"]) or (not full_field and len(m["placings"]) != 3):
        probs.append(f"{m['id']}: placings and anglers")
    if m["series"] == "JUN-26" and any(x.startswith("HA") and mem[x]["category"] != "junior" for x in m["placings"]):
        probs.append(f"{m['id']}: an adult in a junior match")
for m in MEMBERS:
    if team_count[m["ID"]] != int(m["team_2026"]):
        probs.append(f"{m['ID']}: team_2026 {m['team_2026']}, records give {team_count[m['ID']]}")
if "moved to the canal" not in match["M26-16"]["text"] or match["M26-16"]["water"] != "CS" \
        or not WL_SHUT[0] <= day(match["M26-16"]["date"]) <= WL_SHUT[1] or "M26-04" not in match["M26-01"]["text"] \
        or match["M26-04"]["round"] != match["M26-01"]["round"] or "Sunday 1 March" not in match["M26-01"]["text"]:
    probs.append("the moved round and the frozen-off round")

# the calendar against the records: every record is on it, as published (round 5 on WL)
cal = {(c[0], c[1]): c for c in CAL}
for m in MATCHES:
    c = cal.get((m["date"], m["series"]))
    if c is None:
        if m["date"] >= "2026-03-01":
            probs.append(f"{m['id']}: not on the calendar")
        continue
    planned = c[3]
    want = m["water"] if m["water"] else {"M26-07": "Tarnby Reservoir", "M26-15": "Brennet at Kettleby", "M26-20": "Whinfell Mere"}[m["id"]]
    if m["id"] == "M26-16":
        want = "WL"  # as published; moved after the fish loss
    if planned != want or c[4] != m["draw"] or c[5] != f"{m['start']}-{m['end']}" or c[6] != (str(m["entry_gbp"]) if m["entry_gbp"] else "free") \
            or not c[2].startswith(str(m["round"])) and m["series"] != "OPN-26":
        probs.append(f"{m['id']}: calendar line {c}")
    org = {"SPL-26": "Match secretary", "OPN-26": "Match secretary", "BVL-26": "Team captain", "JUN-26": "Junior organiser and welfare officer",
           "WCS-2526": "Work party organiser", "WCS-2627": "Work party organiser"}.get(m["series"])
    if org and c[7] != off[org][2]:
        probs.append(f"{m['id']}: organiser {c[7]}")
    if m["series"] == "RCH-26" and c[7] != water["B3"]["bailiff"]:
        probs.append(f"{m['id']}: organiser {c[7]}")
if len(CAL) != sum(m["date"] >= "2026-03-01" for m in MATCHES) + 1 or CAL[-1][:3] != ["2026-12-13", "WCS-2627", "2"] \
        or "Round 2 is on 13 December" not in series["WCS-2627"]["text"]:
    probs.append("calendar length or the next winter round")

# series: matches, counts, champions and points recomputed from the records
for s in SERIES:
    mine = [m for m in MATCHES if m["series"] == s["id"]]
    if [m["id"] for m in mine] != s["matches"]:
        probs.append(f"series {s['id']}: matches")
    fished = sum(m["result"] == "fished" for m in mine) + (3 if s["id"] == "WCS-2526" else 0)  # three 2025 rounds
    rounds_fished = len({m["round"] for m in mine if m["result"] == "fished"}) + (3 if s["id"] == "WCS-2526" else 0)
    if fished != s["fished"] or rounds_fished != s["fished"] or s["cancelled"] != sum(m["result"] == "cancelled" for m in mine) \
            or s["postponed"] != sum(m["result"] == "postponed" for m in mine):
        probs.append(f"series {s['id']}: fished {fished}")
    if (s["status"] == "complete") != (s["fished"] + s["cancelled"] == s["rounds"]):
        probs.append(f"series {s['id']}: status")
    if "trophy" in s and s["trophy"] not in TROPHIES:
        probs.append(f"series {s['id']}: trophy {s['trophy']}")


def points_table(sid: str, top: int, count: int | None) -> dict[str, tuple[dict[int, int], int]]:
    got: dict[str, dict[int, int]] = collections.defaultdict(dict)
    for m in MATCHES:
        if m["series"] == sid and m["result"] == "fished":
            for place, (x, w) in enumerate(zip(m["placings"], m["weights"]), 1):
                got[x][m["round"]] = 1 if oz(w) == 0 else top + 1 - place
    return {x: (r, sum(sorted(r.values(), reverse=True)[:count])) for x, r in got.items()}


spl = points_table("SPL-26", 20, 6)
wins = collections.Counter(m["placings"][0] for m in MATCHES if m["series"] == "SPL-26" and m["result"] == "fished")
order = sorted(spl, key=lambda x: (-spl[x][1], -wins[x], -max(spl[x][0].values())))
for pos, line in enumerate(POINTS, 1):
    x = line[0]
    rounds_, total = spl.get(x, ({}, None))
    kept = sorted(rounds_.items(), key=lambda kv: -kv[1])[:6]
    for r in range(1, 8):
        cell = line[r]
        want = "-" if r not in rounds_ else (str(rounds_[r]) if (r, rounds_[r]) in kept or len(rounds_) <= 6 else f"({rounds_[r]})")
        if cell.strip("()") != want.strip("()") or (cell.startswith("(") != want.startswith("(") and list(rounds_.values()).count(rounds_.get(r)) == 1):
            probs.append(f"points {x} round {r}: {cell}, records give {want}")
    if sum(c.startswith("(") for c in line[1:8]) != max(0, len(rounds_) - 6) or line[8] != "c" or int(line[9]) != total \
            or int(line[10]) != pos or order[pos - 1] != x:
        probs.append(f"points {x}: total {line[9]} (records {total}) or place {pos} ({order[pos - 1]})")
if len(POINTS) != len(spl) or series["SPL-26"]["champion"] != order[0] or series["SPL-26"]["champion_points"] != spl[order[0]][1] \
        or series["SPL-26"]["runner_up"] != order[1] or f"{spl[order[0]][1] - spl[order[1]][1]}" != "3" \
        or "three ahead" not in series["SPL-26"]["text"] or spl["HA138"][1] != spl["HA112"][1] or wins["HA138"] != 1 or wins["HA112"] != 0 \
        or BOWL[-1] != ["2026", mem[order[0]]["member"], str(spl[order[0]][1])] or BOWL[-2][1] != mem["HA175"]["member"] \
        or "summer points league champion 2025" not in mem["HA175"]["notes"] or "summer points league champion 2026" not in mem[order[0]]["notes"]:
    probs.append("the points league against its records, the series record and the members list")
after7 = {x: sum(sorted((v for r, v in rr.items() if r <= 7), reverse=True)[:6]) for x, (rr, _) in spl.items()}
if after7["HA142"] - after7["HA175"] != 3 or "three points clear with one round to go" not in match["M26-21"]["text"]:
    probs.append("the lead after round 7")
jun = points_table("JUN-26", 10, None)
jorder = sorted(jun, key=lambda x: -jun[x][1])
if series["JUN-26"]["champion"] != jorder[0] or series["JUN-26"]["champion_points"] != jun[jorder[0]][1] \
        or series["JUN-26"]["runner_up"] != jorder[1] or jun[jorder[0]][1] - jun[jorder[1]][1] != 2 \
        or f"{len(jun)} juniors fished at least once" not in series["JUN-26"]["text"].replace("ten", "10") \
        or "junior series champion 2026" not in mem[jorder[0]]["notes"]:
    probs.append(f"junior series: {jorder[:2]}")


def aggregate(sid: str, who: str) -> int:
    return sum(oz(w) for m in MATCHES if m["series"] == sid and m["result"] == "fished"
               for x, w in zip(m["placings"], m["weights"]) if x == who)


wcs = series["WCS-2526"]
w_total = oz("14-09") + aggregate("WCS-2526", "HA160")
if "HA160 had 14 lb 9 oz from them" not in wcs["text"] or lboz(w_total) != wcs["champion_weight"] \
        or f"{w_total // 16} lb {w_total % 16} oz ({kg(w_total)} kg)" not in wcs["text"] \
        or not all("HA160" in m["placings"] for m in MATCHES if m["series"] == "WCS-2526" and m["result"] == "fished") \
        or "winter canal series champion 2025-26" not in mem["HA160"]["notes"]:
    probs.append("the winter series champion's aggregate")
rch = series["RCH-26"]
r_total = aggregate("RCH-26", rch["champion"])
r_second = aggregate("RCH-26", "HA127")
r3 = match["M26-24"]
if lboz(r_total) != rch["champion_weight"] or f"{r_total // 16} lb {r_total % 16} oz ({kg(r_total)} kg)" not in rch["text"] \
        or not all(rch["champion"] in m["placings"] for m in MATCHES if m["series"] == "RCH-26") \
        or not oz("53-02") - r_second < oz(r3["weights"][-1]) or "53-02" not in rch["text"] \
        or "river champion 2026" not in mem[rch["champion"]]["notes"] or "Swithenbank Shield 2025" not in mem["HA127"]["notes"]:
    probs.append("the river championship aggregate")
bvl = series["BVL-26"]
table_pts = collections.Counter()
for m in MATCHES:
    if m["series"] == "BVL-26":
        for place, club in enumerate(m["placings"], 1):
            table_pts[club] += 5 - place
if table_pts["Hollinsford AC"] != bvl["points"] or table_pts.most_common(1)[0][0] != bvl["champion"] \
        or sorted(table_pts.values(), reverse=True).index(bvl["points"]) + 1 != bvl["position"] \
        or table_pts[bvl["champion"]] - bvl["points"] != 2 or "two behind Tarnby AS" not in bvl["text"] \
        or max(team_count.values()) != 4 or team_count[off["Team captain"][2]] != 4:
    probs.append(f"the Brennet Valley League table {dict(table_pts)}")
opn = [m for m in MATCHES if m["series"] == "OPN-26"]
if sum(m["anglers"] for m in opn) != 109 or "109 tickets sold" not in series["OPN-26"]["text"] \
        or not all(any(x.startswith("Gary Lomax") for x in m["placings"]) for m in opn) \
        or max(oz(m["weights"][0]) for m in opn) != oz("52-04"):
    probs.append("the opens")
if series["WCS-2627"]["leader"] != match["M26-26"]["placings"][0] or series["WCS-2627"]["status"] != "in progress":
    probs.append("the winter series in progress")

# trophies and records against the series, the members list and the history page
t = TROPHIES
if t["Pennock Bowl"][5] != mem[series["SPL-26"]["champion"]]["member"] or t["Pennock Bowl"][4] != BOWL[-2][1] \
        or t["Swithenbank Shield"][5] != mem[rch["champion"]]["member"] or t["Swithenbank Shield"][4] != mem["HA127"]["member"] \
        or not t["Brook Mill Cup"][5].startswith(mem[wcs["champion"]]["member"]) or t["Kingfisher Trophy"][5] != mem[series["JUN-26"]["champion"]]["member"] \
        or t["Pennock Bowl"][3] != mem["HA104"]["member"] or "gave the Pennock Bowl for the summer points league in 1990" not in mem["HA104"]["notes"] \
        or t["Pennock Bowl"][2] != "1990" or t["Swithenbank Shield"][3] != CHAIRS[0][2] or "gave the Swithenbank Shield" not in CHAIRS[0][3] \
        or t["Kingfisher Trophy"][3] != mem["HA109"]["member"] or t["Specimen Cup"][3] != CHAIRS[2][2]:
    probs.append("trophies against the series, the members and the chairs")
for sp, (name, weight, kgs, w, who, when) in RECORDS.items():
    if kg(oz(weight)) != kgs or w not in water or int(when[:4]) < int(water[w]["held_since"]):
        probs.append(f"record {sp}: {weight} {kgs} {w} {when}")
    d = day(when)
    if water[w]["type"] == "river" or (w == "CS" and d.year < 2025):
        if (3, 15) <= (d.month, d.day) <= (6, 15):
            probs.append(f"record {sp}: caught in the close season")
    if sp == "Pike" and not (d.month >= 10 or d.month <= 3):
        probs.append("record pike outside the pike season")
holders = {"Mirror carp": "HA131", "Tench": "HA109", "Pike": "HA160"}
for sp, mid in holders.items():
    if RECORDS[sp][4] != mem[mid]["member"] or f"club record {sp.split()[-1].lower()}" not in mem[mid]["notes"].replace("mirror carp", "carp"):
        probs.append(f"record {sp}: holder against the members list")
if oz(RECORDS["Mirror carp"][1]) - oz("33-04") != oz("5-02") or "5 lb 2 oz short of the club record" not in flat("catches/catch-returns-2026-08.md") \
        or oz(RECORDS["Pike"][1]) <= oz(RECORDS["Bream"][1]):
    probs.append("records against the catch returns")

# catch returns: permits, night sessions, waters open, totals
for r in RETURNS:
    d = day(r[0])
    wcode, peg, session = r[2], int(r[3]), r[4]
    if wcode not in water or peg > int(water[wcode]["pegs"]):
        probs.append(f"return {r[0]} {r[1]}: water or peg")
        continue
    holder = by_permit.get(r[1])
    if session == "night":
        ok = wcode == "SP" and peg <= 20 or wcode == "WL" and peg >= 21 and d.weekday() in (4, 5) \
            or wcode == "B1" and day("2026-06-16") <= d <= day("2026-10-31")
        if not ok or (holder and holder["night_permit"] != "Y"):
            probs.append(f"return {r[0]} {r[1]}: night on {wcode} peg {peg}")
    if wcode == "WL" and d <= WL_SHUT[1] or wcode == "KP" and d >= day("2026-10-01"):
        probs.append(f"return {r[0]} {r[1]}: {wcode} while shut")
    if wcode == "MP" and holder and holder["category"] != "junior" and not re.search(r"with (her|his) (son|daughter)|junior", r[9]):
        probs.append(f"return {r[0]} {r[1]}: an adult alone on Mill Pond")
    if holder is None and not re.fullmatch(r"P26-0[2-9]\d\d", r[1]):
        probs.append(f"return {r[0]}: permit {r[1]} not a 2026-27 permit")
cr = flat("catches/catch-returns-2026-08.md")
heaviest = max(RETURNS, key=lambda r: oz(r[8]))
if len(RETURNS) != 23 or "Twenty-three returns" not in cr or f"{sum(int(r[7]) for r in RETURNS)} fish" not in cr \
        or heaviest[8] != "33-04" or heaviest[2] != "SP" or "33-04 mirror carp from Sandpit Lake on the 23rd" not in cr \
        or max((r for r in RETURNS if r[2] == "B4"), key=lambda r: oz(r[8]))[1] != mem["HA153"]["permit"] \
        or max(r[0] for r in RETURNS if r[2] == "KP") != "2026-08-06" or min(r[0] for r in RETURNS if r[2] == "WL") != "2026-08-10":
    probs.append("catch return totals")

# stocking log: waters, dates, the accounts, the insurers, the lease, the news
for s in STOCK:
    if s["water"] not in water or day(s["date"]) < day(f"{water[s['water']]['held_since']}-01-01"):
        probs.append(f"{s['id']}: water {s['water']}")
    if (s["cost_gbp"] == "0") != (s["paid_from"] == "free"):
        probs.append(f"{s['id']}: cost and paid_from")
fy = [s for s in STOCK if day("2025-04-01") <= day(s["date"]) <= day("2026-03-31")]
ins = [s for s in STOCK if s["paid_from"] == "insurance"]
acc = page("notes/2026-04-accounts.txt")
if f"GBP  {sum(int(s['cost_gbp']) for s in fy):,}   ({fy[0]['id']} to {fy[-1]['id']} in the stocking log)" not in acc \
        or f"The insurers paid GBP {sum(int(s['cost_gbp']) for s in ins):,} for the restocking of 18 August ({ins[0]['id']} and {ins[1]['id']})" not in flat("meetings/2026-10-07-committee.md") \
        or {s["date"] for s in ins} != {"2026-08-18"} or f"{int(ins[0]['number']):,} roach and {int(ins[1]['number'])} tench to go in on 18 August" not in flat("news/2026-08-willow-lake-reopens.md") \
        or stk["stk-13"]["water"] != "B4" or "the Estate pays for barbel for the Meadow beat in 2026, 2027 and 2028" not in L26["Stocking"][1] \
        or "stocked in March 2024 and November 2025" not in flat("news/2026-08-willow-lake-reopens.md") \
        or sorted({s["date"][:7] for s in STOCK if s["water"] == "WL" and s["date"] < "2026-07-01"}) != ["2024-03", "2025-11"] \
        or "restocked with chub in October 2025" not in water["B2"]["notes"] or stk["stk-07"]["date"][:7] != "2025-10":
    probs.append("stocking log against the accounts, the minutes, the news and the lease")

# the accounts at the 2025-26 rates; rent by quarter under the two leases
lines = {k.strip(): (num(v), x) for k, v, x in re.findall(r"^  ([A-Z][^\n]*?)\s+GBP\s+([\d,]+)(?:\s+\(([^)]*)\))?", acc, re.M)}
rate_of = {"Permits, senior": "Senior (21 to 64)", "Permits, concession": cats["concession"], "Permits, intermediate": cats["intermediate"],
           "Permits, junior": cats["junior"], "Permits, family": cats["family"], "Permits, associate": cats["associate"],
           "Joining fees": "Joining fee (adults, first season)", "Night syndicate tickets": "Night permit (2025-26: Sandpit Lake night syndicate ticket)",
           "Day tickets, Willow Lake": "Willow Lake", "Day tickets, canal": "Sowerton Canal", "Day tickets, Ferry beat": "Brennet, Ferry beat (B3)",
           "Guest tickets": "Guest ticket, with a member (not SP or B1)", "Work-party levies": "Work-party levy (under 8 hours in the calendar year)"}
for k, r in rate_of.items():
    amount, why = lines[k]
    m = re.search(r"([\d,]+)(?: new adult members)? x ([\d,]+)", why or "")
    if not m or num(m.group(2)) != rate[r][1] or num(m.group(1)) * rate[r][1] != amount:
        probs.append(f"accounts {k}: {amount} ({why})")
if lines["Life permits"][0] != rate["Life (once)"][1]:
    probs.append("accounts: life permit")
income = [v for k, (v, _) in lines.items() if list(lines).index(k) < list(lines).index("Total income")]
costs = [v for k, (v, _) in lines.items() if list(lines).index("Total income") < list(lines).index(k) < list(lines).index("Total costs")]
surplus = int(re.search(r"Surplus\s+GBP\s+([\d,]+)", acc).group(1).replace(",", ""))
agm = flat("meetings/2026-04-26-agm.md")
counts = {k: int(v) for k, v in re.findall(r"^  (Senior|Concession|Intermediate|Junior|Family|Associate|Life)\s+(\d+)", acc, re.M)}
people_total = sum(v for k, v in counts.items() if k != "Family") + int(re.search(r"\((\d+) people\)", acc).group(1))
if sum(income) != lines["Total income"][0] or sum(costs) != lines["Total costs"][0] or surplus != sum(income) - sum(costs) \
        or f"income GBP {sum(income):,}, costs GBP {sum(costs):,} and a surplus of GBP {surplus:,}" not in agm \
        or f"GBP {lines['To the fisheries fund'][0]:,} put into the fisheries fund" not in agm \
        or f"Total members {people_total} people" not in " ".join(acc.split()) or f"{people_total} members at 31 March 2026" not in agm \
        or f"{counts['Junior']} of them juniors" not in agm or counts["Senior"] != int(lines["Permits, senior"][1].split(" x ")[0]):
    probs.append("accounts totals and the AGM")
old_rent = num(re.search(r"the 2021 review at GBP ([\d,]+)", flat("lease/brennet-lease-2006.md")).group(1))
new_rent = num(re.search(r"GBP ([\d,]+) a year", L26["Rent"][1]).group(1))
if lines["Rent, River Brennet"][0] != 3 * old_rent // 4 + new_rent // 4 or L26["Rent"][0] != f"GBP {old_rent:,} a year at the end" \
        or f"GBP {new_rent // 4:,} on each of 25 March" not in flat("lease/brennet-lease-2026.md") \
        or "at GBP 6,000 a year" not in agm or day("2026-03-25") - day("2006-03-25") != datetime.timedelta(days=7305) \
        or "20 years from 2006" not in page("about.md") or L06["Length"] != "20 years from 25 March 2006" \
        or "the 2006 lease's 3,600 a year; March quarter at the 2026 lease's 6,000" not in acc:
    probs.append("the rent by quarter under the two leases")
if "GBP 23,600" not in agm or "GBP 23,600" not in acc or "GBP 23,600" not in flat("news/2026-04-otter-fence.md") \
        or "GBP 6,000 grant from the Brennet Rivers Trust" not in agm or "2 April 2026" not in acc:
    probs.append("the otter fence's cost")

# prices: the permit and day ticket histories back to back, against the permits page and the older pages
for name, hist in (("senior", SENIOR), ("day ticket", DAYTICKET)):
    for a, b in zip(hist, hist[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]) or int(a[2]) >= int(b[2]):
            probs.append(f"{name} history: {a[:3]} then {b[:3]}")
    if hist[-1][1] != "":
        probs.append(f"{name} history: no open last period")


def price_on(hist: list[list[str]], when: str) -> int:
    return next(int(r[2]) for r in hist if r[0] <= when and (r[1] == "" or when <= r[1]))


if (price_on(SENIOR, "2026-04-01"), price_on(SENIOR, "2025-04-01")) != rate["Senior (21 to 64)"] \
        or (price_on(DAYTICKET, "2026-04-01"), price_on(DAYTICKET, "2025-04-01")) != rate["Willow Lake"] \
        or price_on(SENIOR, "2010-05-15") != 75 or "| Senior permit | GBP 75 a season |" not in page("about.md") \
        or price_on(DAYTICKET, "2010-05-15") != 5 or price_on(SENIOR, "2015-02-21") != 90 or "A senior permit is GBP 90 a season" not in flat("faq/new-members-2015.md") \
        or price_on(SENIOR, "2014-08-01") != 82 or "from 1 January 2015, to pay for the otter fence" not in flat("prices/permit-history.md") \
        or "paid by a mid-season rise in the permit" not in flat("news/2026-04-otter-fence.md") or "proposed a senior permit of GBP 150 for 2027-28" not in flat("prices/permit-history.md") \
        or "proposes GBP 150 for a senior permit" not in flat("meetings/2026-10-07-committee.md") or "The senior permit of GBP 140 for 2026-27" not in agm:
    probs.append("permit and day-ticket histories against the permits page, 2010, 2015 and the minutes")

# chairs, secretaries and head bailiffs back to back, against the officers, members and older pages
for name, hist in (("chairs", CHAIRS), ("secretaries", SECRETARIES), ("head bailiffs", HEADBAILIFFS)):
    for a, b in zip(hist, hist[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"{name}: {a[:3]} then {b[:3]}")
    if hist[-1][1] != "" or hist[-1][3] != "current":
        probs.append(f"{name}: no current holder")


def held_on(hist: list[list[str]], when: str) -> str:
    return next(r[2] for r in hist if r[0] <= when and (r[1] == "" or when <= r[1]))


if held_on(CHAIRS, "2026-06-01") != off["Chair"][1] or held_on(SECRETARIES, "2026-06-01") != off["Secretary"][1] \
        or held_on(HEADBAILIFFS, "2026-06-01") != off["Head bailiff"][1] or off["Chair"][3] != CHAIRS[-1][0][:4] \
        or off["Secretary"][3] != SECRETARIES[-1][0][:4] or off["Head bailiff"][3] != HEADBAILIFFS[-1][0][:4] \
        or held_on(CHAIRS, "2010-05-15") != "Frank Ormerod" or "| Chairman | Frank Ormerod |" not in page("about.md") \
        or "owner: Frank Ormerod" not in page("about.md") or "| President | Albert Swithenbank |" not in page("about.md") \
        or "president 1989-2015" not in CHAIRS[0][3] or off["President"][3] != "2015" \
        or held_on(SECRETARIES, "2015-02-21") != "Rosalind Farrimond" or "owner: Rosalind Farrimond" not in page("faq/new-members-2015.md") \
        or held_on(SECRETARIES, "2018-02-27") != "Graham Oldroyd" or held_on(SECRETARIES, "2006-03-25") != "Edna Whiteley" \
        or "owner: Edna Whiteley" not in page("lease/brennet-lease-2006.md") \
        or "secretary 2008-2017" not in mem["HA118"]["notes"] or "head bailiff 2009-2016" not in mem["HA153"]["notes"] \
        or "chairman 1989-1999" not in mem["HA104"]["notes"] or held_on(CHAIRS, "1995-01-01") != mem["HA104"]["member"] \
        or "Lucan Shawcross to follow Rosalind Farrimond" not in flat("history/club-officers.md") \
        or "puts forward Lucan Shawcross" not in flat("meetings/2026-10-07-committee.md") or off["Vice-chair"][1] != "Lucan Shawcross" \
        or "after six years" not in flat("meetings/2026-10-07-committee.md") or 2027 - int(off["Chair"][3]) != 6:
    probs.append("chairs, secretaries and head bailiffs against the other pages")
if "Margaret Lowery" not in CHAIRS[2][2] or "Dennis Ackroyd" not in CHAIRS[4][2] or "died in office" not in CHAIRS[3][3]:
    probs.append("the chairs' notes")

# the two rule sets, the FAQ of 2015, the waters list and the matches
faq = flat("faq/new-members-2015.md")
if R18["Sowerton Canal"] != "closed 15 March to 15 June, as the Canal Trust requires" or R26["Sowerton Canal"] != ("closed 15 March to 15 June", "open all year") \
        or R26["Night syndicate" if "Night syndicate" in R26 else "Who may fish at night"][0] != "20 syndicate tickets, by ballot" \
        or "20 tickets a season" not in R18["Night syndicate"] or "30 night permits a season" not in R26["Who may fish at night"][1] \
        or "There are 30 night permits a season" not in flat("prices/permits-2026-27.md") or "27 of the 30 night permits were sold" not in flat("meetings/2026-10-07-committee.md") \
        or R18["Kingfisher Pool"] != "closed 1 April to 31 May, for the tench spawning" or "Kingfisher Pool is shut in April and May" not in faq \
        or "the canal outside its close season, which is the same as the river's" not in faq \
        or R26["Length of a session"][0] != "two nights running, one session a week" or "no more than two nights running" not in R18["Length of a session"] \
        or "on Sandpit Lake only" not in R26["Guests at night"][1] or "which the rules allow only on Sandpit Lake" not in flat("meetings/2026-10-07-committee.md") \
        or R18["Guests at night"] != "not allowed" or "Guest night supplement (SP only)" not in rate:
    probs.append("the two rule sets against the FAQ, the permits page and the minutes")
for m in MATCHES:  # under the 2018 rules the canal was shut from 15 March to 15 June: no 2026 canal match could have been fished then before 1 April
    d = day(m["date"])
    if m["water"] == "CS" and (3, 15) <= (d.month, d.day) <= (6, 15) and d < day("2026-04-01"):
        probs.append(f"{m['id']}: canal in its old close season")
if not any(m["water"] == "CS" and (3, 15) <= (day(m["date"]).month, day(m["date"]).day) <= (6, 15) for m in MATCHES) \
        or "since the 2026 rules opened the canal all year" not in match["M26-08"]["text"]:
    probs.append("the canal's first spring match under the 2026 rules")

# the Willow Lake fish loss: the days shut, the fish, the report and the news
report = " ".join(page("notes/2026-07-willow-lake-fish-loss.txt").split())
news_w = flat("news/2026-08-willow-lake-reopens.md")
dead = [int(n) for n in re.findall(r"(\d+) (?:roach|rudd|tench|F1 carp|bream)", report.split("Dead fish netted out")[1][:120])]
days_shut = (WL_SHUT[1] - WL_SHUT[0]).days + 1
if sum(dead) != 321 or "321 in all" not in report or "321 dead fish" not in news_w or f"shut for {days_shut} days" not in news_w \
        or "shut since Tuesday 14 July" not in news_w or "Monday 10 August 2026" not in news_w \
        or "shut 14 July to 9 August 2026" not in water["WL"]["notes"] or day("2026-07-14").weekday() != 1 \
        or "22 °C or more" not in flat("guides/match-organisers.md") or "not when the water is 22 °C or more" not in rules_page \
        or "GBP 2,450" not in flat("meetings/2026-10-07-committee.md") or "found the fish in distress on 14 July 2026" not in mem["HA146"]["notes"] \
        or "19 °C at the draw, so one weigh-in" not in match["M26-21"]["text"]:
    probs.append(f"the fish loss: {sum(dead)} fish, {days_shut} days")

# metadata and cells the comparisons use
cmp_facts = [
    int(water["KP"]["pegs"]) > int(water["MP"]["pegs"]),
    int(mem["HA146"]["joined"]) < int(mem["HA153"]["joined"]),
    order.index("Derek Hargreaves") < order.index("HA160"),
    int(stk["stk-06"]["cost_gbp"]) > int(stk["stk-10"]["cost_gbp"]),
    float(water["B3"]["length_km"]) > float(water["B1"]["length_km"]),
    float(water["WL"]["area_ha"]) > float(water["KP"]["area_ha"]),
    int(mem["HA142"]["work_hours_2026"]) > int(mem["HA131"]["work_hours_2026"]),
    match["M26-22"]["anglers"] > match["M26-09"]["anglers"] and match["M26-22"]["water"] == match["M26-09"]["water"] == "WL",
    order.index("HA138") < order.index("HA112"),
    rate[cats["associate"]][0] > rate[cats["intermediate"]][0],
    oz(RECORDS["Pike"][1]) > oz(RECORDS["Bream"][1]),
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
