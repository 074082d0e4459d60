"""Checks for evalsets/tables28 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 28, 90


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
        if i.id != f"t28-{split}-{n:03d}":
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
    "t28-dev-038": ([(r"\bspectators?\b|\bcrowd\b|\bwatched\b|came to watch|\baudience\b", [])],
                    "About 180 spectators watched the finals on g1."),
    "t28-dev-039": ([(r"\bstud(y|ies|ying|ied)\b|\bdegree\b|\breads? (law|history|geography|medicine|\w+ at)|\bmajors? in\b", [])],
                    "She studies geography at Kestlebury University."),
    "t28-dev-040": ([(r"\b2016\b[^|]{0,120}(singles|champion)|(singles|champion)[^|]{0,120}\b2016\b", [])],
                    "The 2016 ladies' singles champion was Fenella Crosthwaite."),
    "t28-dev-041": ([(r"\b2030\b[^|.]{0,100}(GBP|£)\s?[\d,]+|(GBP|£)\s?[\d,]+[^|.]{0,120}\b2030\b", ["lease/haddesley-lease-2025"]),
                     (r"(2030|review)[^|.;]{0,40}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.;]{0,20}(after|from) (the )?(2030|1 October 2030)", None)],
                    "After the 2030 review the rent will be GBP 7,350 a year."),
    "t28-dev-042": ([(r"groundsman[^|]{0,120}(GBP|£)\s?\d|(GBP|£)\s?[\d,.]+[^|.]{0,40}(an hour|per hour|hourly)[^|.]{0,40}groundsman|groundsman[^|.]{0,60}(an hour|per hour|hourly)",
                      ["notes/2026-04-accounts"]),
                     (r"(an hour|per hour|hourly)[^|.]{0,30}groundsman|groundsman[^|.]{0,60}(an hour|per hour|hourly|rate)", None)],
                    "The groundsman is paid GBP 14 an hour."),
    "t28-dev-043": ([(r"(L2|ladies' second team)[^|.]{0,80}captain|captain[^|.]{0,60}(L2|ladies' second)", [])],
                    "The ladies' second team (L2) was captained by Ruth Akinyemi."),
    "t28-dev-044": ([(r"Colbrook[^|]{0,120}\b2025\b|\b2025\b[^|]{0,120}Colbrook", ["league/divisions-2026#wl-2025"]),
                     (r"Colbrook[^|.]{0,60}\b\d-\d\b|\b\d-\d\b[^|.]{0,60}Colbrook", None)],
                    "The winter team lost 3-5 to Colbrook in November 2025."),
    "t28-dev-045": ([(r"padel[^|]{0,160}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}padel", [])],
                    "Turning h10 into a padel court would cost GBP 38,000."),
    "t28-test-059": ([(r"\b\d{3}\b members[^|.]{0,40}\b2016\b|\b2016\b[^|.]{0,60}\b\d{3}\b members|members (in|at|during) [^|.]{0,20}\b2016\b", [])],
                     "The Club had 351 members in 2016."),
    "t28-test-060": ([(r"president[^|]{0,120}\b(1[89]\d\d|200[0-3])\b|\b(1[89]\d\d|200[0-3])\b[^|]{0,120}president",
                       ["people/members#KL104"]),
                      (r"president (from|until|in|before) (1[89]\d\d|200[0-3])|(1[89]\d\d|200[0-3])[^|.;]{0,20}\bpresident\b|president before|first president|previous president", None)],
                     "The president before Wilfred Ottley was Harold Bexley, from 1981 to 2004."),
    "t28-test-061": ([(r"(rainwater|tank)[^|]{0,160}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}(rainwater|tank)", [])],
                     "The rainwater tank will cost GBP 6,800."),
    "t28-test-062": ([(r"\b[67]-[0-7],? [67]-[0-7]\b|\bfinal\b[^|.]{0,60}\b\d-\d\b|\bwon the final\b", [])],
                     "Yusuf Demir won the final 6-3, 7-5."),
    "t28-test-063": ([(r"(Division 4|kv-men-4)[^|]{0,160}\b2025\b|\b2025\b[^|]{0,160}Division 4", [])],
                     "Sedbury 1 won Men's Division 4 in 2025."),
    "t28-test-064": ([(r"@|e-?mail", [])],
                     "His address is ewan.lockerbie@kestleburyltc.org.uk."),
    "t28-test-065": ([(r"rating[_ ]?2024|2024 rating|rating[^|.]{0,40}\b2024\b|\b2024\b[^|.]{0,40}rating", [])],
                     "Hugo Verney's rating for 2024 was 3.5."),
    "t28-test-066": ([(r"(St Cuthman|church)[^|]{0,120}\b\d+ (parking )?(spaces|cars)|\b\d+ (parking )?(spaces|cars)[^|]{0,80}(St Cuthman|church)", [])],
                     "St Cuthman's church car park has 45 spaces."),
    "t28-test-067": ([(r"changing rooms?[^|]{0,160}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}changing rooms?", [])],
                     "The changing rooms cost GBP 84,000 in 2004."),
    "t28-test-068": ([(r"\b(199\d|200[0-4])\b[^|]{0,80}(subscription|GBP)|subscription[^|]{0,80}\b(199\d|200[0-4])\b", [])],
                     "In 2003 the full subscription was GBP 140."),
    "t28-test-069": ([(r"(c7|Yew Court)[^|]{0,160}(GBP|£)\s?\d|(GBP|£)\s?[\d,]+[^|.]{0,80}(c7|Yew Court)", [])],
                     "The lights on Yew Court cost GBP 14,500 in 2014."),
    "t28-test-070": ([(r"\blux\b", ["news/2026-03-led-floodlights"]),
                      (r"(c7|Yew Court)[^|.]{0,80}\d+ lux|\d+ lux[^|.]{0,80}(c7|Yew Court)", None)],
                     "The lights on c7 give 350 lux."),
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


def mins(t: str) -> int:
    h, m = t.split(":")
    return int(h) * 60 + int(m)


def pair(s: str) -> tuple[int, int]:
    a, b = s.split("-")
    return int(a), int(b)


COURTS = rows("courts/courts.csv")
MEMBERS = rows("people/members.csv")
TEAMS = rows("league/teams.csv")
FIX = rows("league/fixtures-2026.jsonl")
DIVS = rows("league/divisions-2026.jsonl")
OFFICERS = table("people/officers.md", "Office")
COACHES = table("people/coaches.md", "Code")
LADDER = table("ladder/box-ladder-2026.md", "Box")
ROUNDS = table("ladder/box-ladder-2026.md", "Round")
BOOK = table("bookings/booking-log-2026-09-14.md", "Date")
COURSES = table("coaching/courses-2026.md", "Code")
SUBS = table("prices/subscription-history.md", "From")
CHAIRS = table("history/club-officers.md", "From", 0)
TREASURERS = table("history/club-officers.md", "From", 1)
CAPTAINS = table("history/club-officers.md", "From", 2)
SEASONS = table("grounds/grounds-and-courts.md", "Courts")
court = {c["id"]: c for c in COURTS}
mem = {m["ID"]: m for m in MEMBERS}
team = {t["id"]: t for t in TEAMS}
fix = {f["id"]: f for f in FIX}
div = {d["id"]: d for d in DIVS}
off = {o[0]: o for o in OFFICERS}
coach = {c[0]: c[1].split(", ") for c in COACHES}
course = {c[0]: c for c in COURSES}
by_id = {i.id: i for i in ALL}
fees_page = page("prices/fees-2026-27.md")
rate = {k: (num(a), num(b)) for k, a, b in re.findall(r"^\| ([^|]+?) \| ([\d,]+) \| ([\d,]+) \|$", fees_page, re.M)}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t28-dev-028": str(sum(m["first_aid"] == "Y" for m in MEMBERS)),
    "t28-test-041": str(sum(f["result"] == "lost" for f in FIX)),
    # filters: the one row, record or table line meeting the condition
    "t28-dev-029": [t["name"] for t in TEAMS if t["status"] == "withdrawn"],
    "t28-dev-030": [m["member"] for m in MEMBERS if m["category"] == "life"],
    "t28-dev-031": [f["opponent"] for f in FIX if f["result"] == "walkover"],
    "t28-dev-032": [c[1] for c in COURSES if c[8] == "cancelled"],
    "t28-test-042": [c["name"] for c in COURTS if c["lights_until"] == "21:30"],
    "t28-test-043": [m["member"] for m in MEMBERS if m["category"] == "young adult"],
    "t28-test-044": [d["name"].split(",")[0] for d in DIVS if d["status"] == "in progress"],
    "t28-test-045": [c["name"] for c in COURTS if c["open"] == "closed"],
    "t28-test-046": [m["member"] for m in MEMBERS if m["coach"] == "Y" and m["first_aid"] == "N"],
    "t28-test-047": [c[1] for c in COURSES if c[8] == "running"],
    "t28-test-048": [m["member"] for m in MEMBERS if m["category"] == "country" and m["subs_paid"] == "N"],
    "t28-test-049": [r[1] for r in LADDER if r[0] == "2" and r[6] == "down"],
    "t28-test-050": [b[3] for b in BOOK if day(b[0]).weekday() == 5 and b[6] == "2"],
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
if sorted(by_id["t28-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["first_aid"] == "Y") \
        or sorted(by_id["t28-test-041"].evidence) != sorted(f"league/fixtures-2026#{f['id']}" for f in FIX if f["result"] == "lost"):
    probs.append("derived counts' evidence is not the rows counted")

# courts: codes by surface, lights, the grounds page, the 2012 about page, the leases
surf = {"g": "grass", "c": "artificial clay", "h": "hard (acrylic)"}
for c in COURTS:
    if surf[c["id"][0]] != c["surface"] or (c["floodlit"] == "Y") != bool(c["lights_until"]):
        probs.append(f"court {c['id']}: surface or lights")
    if c["lights_until"] and c["lights_until"] > "22:00":
        probs.append(f"court {c['id']}: lights after the 2025 lease's 22:00")
    if c["resurfaced"] and c["resurfaced"] < c["laid"]:
        probs.append(f"court {c['id']}: resurfaced before it was laid")
lit = [c["id"] for c in COURTS if c["floodlit"] == "Y"]
lit_since = {"c5": 2009, "c6": 2009, "c7": 2014, "h8": 2019}  # from the courts' notes and the floodlights news
grounds = flat("grounds/grounds-and-courts.md")
news_l = flat("news/2026-03-led-floodlights.md")
if sorted(lit) != sorted(lit_since) or "Floodlit courts: c5, c6, c7 and h8" not in grounds \
        or "lit the two clay courts since 2009 and h8 since 2019" not in news_l or "floodlit since October 2019" not in court["h8"]["notes"] \
        or "own lights in 2014" not in court["c7"]["notes"] or court["c7"]["laid"] != "2014" \
        or "Courts: ten, four grass (g1 to g4), three artificial clay (c5 to c7) and three hard (h8 to h10)" not in grounds \
        or len(COURTS) != 10 or [c["surface"] for c in COURTS].count("grass") != 4:
    probs.append("courts against the grounds page and the floodlights news")
in_2012 = [c for c in COURTS if int(c["laid"]) <= 2012]
about = page("about.md")
if len(in_2012) != 9 or [c["surface"] for c in in_2012].count("artificial clay") != 2 \
        or "| Courts | nine: four grass, two artificial clay, three hard |" not in about \
        or sum(y <= 2012 for y in lit_since.values()) != 2 or "| Floodlit courts | two (the artificial clay) |" not in about:
    probs.append("the 2012 about page's courts")
if max(sum(y <= yr for y in lit_since.values()) for yr in range(1999, 2026)) > 4 \
        or "on no more than four courts; off by 21:30" not in flat("lease/haddesley-lease-1999.md") \
        or len(lit) > 6 or "no more than six courts; off by 22:00" not in flat("lease/haddesley-lease-2025.md") \
        or "off by 22:00, but 21:30 on c7" not in flat("rules/court-booking-2026.md") or court["c7"]["lights_until"] != "21:30" \
        or "| Lights off by | 21:30 (the 1999 lease) | 22:00 (the 2025 lease) |" not in page("news/2026-03-led-floodlights.md") \
        or "three clay courts are floodlit until 21:30" not in flat("faq/joining-2016.md") \
        or sorted(k for k, y in lit_since.items() if y <= 2016) != ["c5", "c6", "c7"]:
    probs.append("floodlit courts against the two leases, the rules and the news")

# members, teams, officers and coaches
for m in MEMBERS:
    if m["team"] and m["team"] not in team:
        probs.append(f"{m['ID']}: team {m['team']}")
    if m["rating"] and not 1.0 <= float(m["rating"]) <= 9.9:
        probs.append(f"{m['ID']}: rating {m['rating']}")
for t in TEAMS:
    if t["status"] == "withdrawn":
        if t["division"] or t["captain"]:
            probs.append(f"team {t['id']}: withdrawn but has a division or captain")
        continue
    if t["division"] not in div or div[t["division"]]["our_team"] != t["id"] or t["captain"] not in mem:
        probs.append(f"team {t['id']}: division or captain")
    for cc in t["home_courts"].split(", "):
        if cc not in court:
            probs.append(f"team {t['id']}: home court {cc}")
    if "captain" not in mem[t["captain"]]["notes"]:
        probs.append(f"team {t['id']}: the captain's notes do not say so")
jobs = {"Chair": "chair since 2022", "Vice-chair": "vice-chair", "Club captain": "club captain since 2024",
        "Ladies' captain": "ladies' captain", "Men's captain": "men's captain", "Fixtures secretary": "fixtures secretary",
        "Courts and grounds officer": "courts and grounds officer", "Welfare officer": "welfare officer",
        "Head coach": "head coach", "President": "president since 2019"}
for o in OFFICERS:
    if o[2] and mem[o[2]]["member"] != o[1]:
        probs.append(f"officer {o[0]}: {o[2]} is not {o[1]}")
for office, word in jobs.items():
    if word not in mem[off[office][2]]["notes"]:
        probs.append(f"officer {office}: not in {off[office][2]}'s notes")
if {m["ID"] for m in MEMBERS if m["coach"] == "Y"} != {k for k in coach if k.startswith("KL")} \
        or "Four coaches in all" not in flat("people/coaches.md") or len(coach) != 4 \
        or "JS is Joaquin Salcedo, who is not a member" not in flat("coaching/courses-2026.md") \
        or "coaching assistant" not in mem["KL179"]["notes"] or coach["KL179"] != ["CA"]:
    probs.append("coaches against the members list")
for owner_rel, office in (("people/officers.md", "Secretary"), ("prices/fees-2026-27.md", "Treasurer"),
                          ("ladder/box-ladder-2026.md", "Club captain"), ("bookings/booking-log-2026-09-14.md", "Fixtures secretary"),
                          ("grounds/grounds-and-courts.md", "Courts and grounds officer"), ("coaching/courses-2026.md", "Head coach"),
                          ("history/club-officers.md", "President"), ("rules/court-booking-2026.md", "Fixtures secretary")):
    if "owner: " + off[office][1] not in page(owner_rel):
        probs.append(f"{owner_rel}: owner is not the {office.lower()}")

# fixtures: order, weekdays, courts, scores, points, results, the drought, players
if [f["id"] for f in FIX] != [f"F26-{n:02d}" for n in range(1, len(FIX) + 1)] or [f["date"] for f in FIX] != sorted(f["date"] for f in FIX):
    probs.append("fixtures log not in order")
drought = (day("2026-07-20"), day("2026-08-23"))
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
played = collections.Counter()
moved_home = []
for f in FIX:
    t = team[f["team"]]
    d = div[f["division"]]
    if f["id"] not in d["fixtures"] or d["our_team"] != f["team"]:
        probs.append(f"{f['id']}: division {f['division']}")
    if WEEKDAY[day(f["date"]).weekday()] != t["match_day"] or f["start"] != t["start"]:
        probs.append(f"{f['id']}: not on {t['match_day']} at {t['start']}")
    if f["result"] == "postponed":
        if f["sets"] or f["games"] or f["points"] is not None or f["players"]:
            probs.append(f"{f['id']}: a postponed fixture with a score")
        continue
    sf, sa = pair(f["sets"])
    gf, ga = pair(f["games"])
    if sf + sa != 8 or f["points"] != sf + (2 if sf > sa else 1 if sf == sa else 0):
        probs.append(f"{f['id']}: sets {f['sets']} or points {f['points']}")
    if f["result"] != ("walkover" if f["players"] is None else "won" if sf > sa else "drawn" if sf == sa else "lost"):
        probs.append(f"{f['id']}: result {f['result']}")
    if not (6 * sf <= gf <= 7 * sf + 6 * sa and 6 * sa <= ga <= 7 * sa + 6 * sf):
        probs.append(f"{f['id']}: games {f['games']} impossible for sets {f['sets']}")
    if f["result"] == "walkover":
        if (f["sets"], f["games"], f["points"], f["courts"]) != ("8-0", "48-0", 10, None) or "48-0" not in flat("guides/home-match-captains.md"):
            probs.append(f"{f['id']}: a walkover not scored 8-0, 48-0")
        continue
    if f["sets"] not in f["text"] or f["games"].replace("-", "") not in f["text"].replace("-", "") and f"{gf}-{ga}" not in f["text"]:
        probs.append(f"{f['id']}: text lacks the score")
    if len(f["players"]) != 4 or len(set(f["players"])) != 4:
        probs.append(f"{f['id']}: players")
    for p in f["players"]:
        if p.startswith("KL"):
            if p not in mem or p not in f["text"]:
                probs.append(f"{f['id']}: player {p}")
            played[p] += 1
        elif p.lower() not in f["text"].lower():
            probs.append(f"{f['id']}: player {p} not in the text")
    if f["venue"] == "home":
        in_drought = drought[0] <= day(f["date"]) <= drought[1]
        want = "c5, c6" if in_drought and f["team"] != "W1" else t["home_courts"]
        if ", ".join(f["courts"]) != want:
            probs.append(f"{f['id']}: home courts {f['courts']}, want {want}")
        if in_drought:
            moved_home.append(f["id"])
            if "grass" not in f["text"]:
                probs.append(f"{f['id']}: moved off the grass without saying why")
        if any(court[c]["surface"] == "grass" for c in f["courts"]) and not "05-01" <= f["date"][5:] <= "09-30":
            probs.append(f"{f['id']}: grass out of season")
    elif f["courts"] is not None:
        probs.append(f"{f['id']}: courts on an away fixture")
for m in MEMBERS:
    if played[m["ID"]] != int(m["matches_2026"]):
        probs.append(f"{m['ID']}: matches_2026 {m['matches_2026']}, fixtures log {played[m['ID']]}")
first_194 = min(f["date"] for f in FIX if f["players"] and "KL194" in f["players"])
if fix["F26-10"]["date"] != first_194 or "first league match" not in fix["F26-10"]["text"] or "aged 15" not in mem["KL194"]["notes"]:
    probs.append("KL194's first league match")
if "F26-03" not in fix["F26-01"]["text"] or fix["F26-03"]["opponent"] != fix["F26-01"]["opponent"] \
        or "Sunday 8 March" not in fix["F26-01"]["text"] or fix["F26-03"]["date"] != "2026-03-08":
    probs.append("the frozen-off fixture and its replay")

# divisions: every total recomputed from the fixtures (wl-2025 with its four 2025 fixtures)
before = {"wl-2025": dict(played=4, won=2, drawn=0, lost=2, sets_for=17, sets_against=15)}
for d in DIVS:
    mine = [f for f in FIX if f["division"] == d["id"]]
    done = [f for f in mine if f["result"] != "postponed"]
    got = dict(played=len(done), won=sum(f["result"] in ("won", "walkover") for f in done),
               drawn=sum(f["result"] == "drawn" for f in done), lost=sum(f["result"] == "lost" for f in done),
               sets_for=sum(pair(f["sets"])[0] for f in done), sets_against=sum(pair(f["sets"])[1] for f in done))
    for k, v in before.get(d["id"], {}).items():
        got[k] += v
    if [f["id"] for f in mine] != d["fixtures"] or any(d[k] != v for k, v in got.items()) \
            or d["points"] != d["sets_for"] + 2 * d["won"] + d["drawn"] or d["sets_for"] + d["sets_against"] != 8 * d["played"] \
            or d["played"] > d["scheduled"] or (d["status"] == "complete") != (d["played"] == d["scheduled"]) \
            or (d["scheduled"] != (d["teams"] - 1) * (2 if d["league"].endswith("Winter League") else 1)):
        probs.append(f"division {d['id']}: {got}")
    if d["status"] == "complete":
        ours = d["position"] == 1
        if ours != d["champion"].startswith("Kestlebury") or str(d["points"]) not in d["text"]:
            probs.append(f"division {d['id']}: champion and position")
        note = team[d["our_team"]]["notes"] if team[d["our_team"]]["division"] == d["id"] else ""
        if note and (("champions" in note) != ours or ("runners-up" in note) != (d["position"] == 2)
                     or ("bottom" in note) != (d["position"] == d["teams"])):
            probs.append(f"division {d['id']}: the team's notes")
if "two won, two lost, 17 sets to 15" not in div["wl-2025"]["text"] or div["wl-2025"]["outcome"] != "promoted to Division 1" \
        or not div["wl-2026"]["name"].startswith("Winter League Division 1") or team["W1"]["division"] != "wl-2026" \
        or div["kv-ladies-2"]["outcome"] != "relegated to Division 3" or div["kv-men-4"]["outcome"] != "promoted to Division 3":
    probs.append("promotion and relegation")

# the drought: 35 days, the matches moved, the clinic cancelled, the camp off the grass
days_shut = (drought[1] - drought[0]).days + 1
news_g = flat("news/2026-08-grass-courts-reopen.md")
committee = flat("meetings/2026-10-14-committee.md")
if f"{days_shut} days" not in news_g or f"{days_shut} days" not in committee or len(moved_home) != 2 \
        or "Two home league matches were played on the clay" not in committee \
        or "shut since Monday 20 July" not in news_g or "Monday 24 August 2026" not in news_g \
        or "The last home match on grass before the drought closure" not in fix["F26-19"]["text"]:
    probs.append(f"the drought closure: {days_shut} days, moved {moved_home}")
for c in COURSES:
    a, b = c[2].split(" to ") if " to " in c[2] else (c[2], c[2])
    grass = any(court[x]["surface"] == "grass" for x in c[4].split(", "))
    overlaps = day(a) <= drought[1] and day(b) >= drought[0]
    if grass and overlaps and c[8] != "cancelled":
        probs.append(f"course {c[0]}: on grass during the drought")
    if c[8] == "cancelled" and not (grass and overlaps):
        probs.append(f"course {c[0]}: cancelled for no reason")

# courses: coaches qualified, fees from the fees page, dates on the right weekdays
course_rate = {"Adult beginners, spring": "Adult beginners (six weeks)", "Adult beginners, autumn": "Adult beginners (six weeks)",
               "Cardio tennis": "Cardio tennis (eight sessions)", "Mini red, summer term": "Mini red (a term)",
               "Improvers' doubles": "Improvers' doubles (six weeks)", "Junior summer camp": "Junior summer camp (five days)",
               "Grass-court doubles clinic": "Grass-court doubles clinic (two days)", "Winter junior squad": "Winter junior squad (a term)"}
need = {"Cardio tennis": "CTL", "Mini red, summer term": "MTL", "Winter junior squad": "SCC"}
for c in COURSES:
    q = coach.get(c[3], [])
    if not {"SCC", "CC"} & set(q) or (c[1] in need and need[c[1]] not in q) or int(c[6]) > int(c[5]) \
            or int(c[7]) != rate[course_rate[c[1]]][0] or c[8] not in ("held", "cancelled", "running"):
        probs.append(f"course {c[0]}: {c}")
    for x in c[4].split(", "):
        if x not in court:
            probs.append(f"course {c[0]}: court {x}")
weeks = {"CC-1": (1, 6), "CC-4": (1, 6), "CC-7": (1, 6), "CC-2": (3, 8), "CC-3": (5, 12), "CC-8": (5, 11)}
for k, (wd, n) in weeks.items():
    a, b = course[k][2].split(" to ")
    if day(a).weekday() != wd or day(b).weekday() != wd or (day(b) - day(a)).days // 7 + 1 != n:
        probs.append(f"course {k}: not {n} sessions on one weekday")
if "KL179 assisted KL175" not in flat("coaching/courses-2026.md") or course["CC-5"][3] != "KL175" \
        or [x for x in course["CC-7"][4].split(", ") if court[x]["floodlit"] != "Y"]:
    probs.append("the camp's assistant and the autumn course's lights")

# the booking log: courts open, slot lengths, overlaps, lights, grass hours, limits, juniors, ladder
slot = {"singles": 60, "ladder": 60, "doubles": 90, "coaching": 90}
box_of = {r[1]: r[0] for r in LADDER}
per_member = collections.Counter()
peak_member = collections.Counter()
for b in BOOK:
    d, s, e, c, who, kind, guests, lights, note = b
    if c not in court or court[c]["open"] == "closed":
        probs.append(f"booking {d} {s} {c}: court shut")
        continue
    if mins(e) - mins(s) != slot[kind] or who not in mem:
        probs.append(f"booking {d} {s} {c}: length or member")
    if (lights == "Y") != (mins(e) > mins("19:00")) or (lights == "Y" and (court[c]["floodlit"] != "Y" or e > court[c]["lights_until"])):
        probs.append(f"booking {d} {s} {c}: lights")
    if court[c]["surface"] == "grass" and s > "18:00":
        probs.append(f"booking {d} {s} {c}: grass after 18:00 in September")
    for b2 in BOOK:
        if b2 is not b and b2[0] == d and b2[3] == c and mins(b2[1]) < mins(e) and mins(s) < mins(b2[2]):
            probs.append(f"booking {d} {s} {c}: overlaps {b2[1]}")
    wk = day(d).weekday()
    peak = (wk < 5 and mins(s) < mins("21:00") and mins(e) > mins("18:00")) or (wk >= 5 and mins(s) < mins("13:00") and mins(e) > mins("09:00"))
    if kind != "coaching":
        per_member[who] += 1
        peak_member[who] += peak
    if mem[who]["category"] == "junior" and peak and "adult member" not in note:
        probs.append(f"booking {d} {s}: a junior at peak alone")
    if kind == "ladder":
        opp = note.removeprefix("v ")
        if box_of.get(who) != box_of.get(opp) or who == opp:
            probs.append(f"booking {d} {s}: ladder match across boxes")
    if kind == "coaching":
        cc = note.split(",")[0]
        a, z = course[cc][2].split(" to ")
        wkno = (day(d) - day(a)).days // 7 + 1
        if course[cc][3] != who or c not in course[cc][4].split(", ") or not a <= d <= z or f"week {wkno}" not in note or wk != 1:
            probs.append(f"booking {d} {s}: coaching against {cc}")
    if int(guests) and "guest" not in note and "friends" not in note:
        probs.append(f"booking {d} {s}: guests unnamed")
if max(per_member.values()) > 4 or max(peak_member.values()) > 2 or len(BOOK) != 29 \
        or sum(int(b[6]) for b in BOOK) != 7 or "Twenty-nine bookings, 7 guests" not in flat("bookings/booking-log-2026-09-14.md") \
        or any(b[3] == "g4" for b in BOOK) or "from 1 September no booking may start after 18:00" not in flat("rules/court-booking-2026.md"):
    probs.append(f"booking limits: {per_member.most_common(2)}, peak {peak_member.most_common(2)}")

# the box ladder: points, matches, order, moves, ratings, round dates, the minutes
for bx in ("1", "2", "3"):
    rr = [r for r in LADDER if r[0] == bx]
    pl, wn = [int(r[3]) for r in rr], [int(r[4]) for r in rr]
    if sum(pl) % 2 or sum(wn) != sum(pl) // 2 or max(pl) > 4:
        probs.append(f"box {bx}: played {pl}, won {wn}")
    for r in rr:
        if int(r[5]) != 3 * int(r[4]) + (int(r[3]) - int(r[4])):
            probs.append(f"box {bx} {r[1]}: points")
        if r[1] in mem and mem[r[1]]["rating"] != r[2]:
            probs.append(f"box {bx} {r[1]}: rating {r[2]} against the members list")
    if [int(r[5]) for r in rr] != sorted((int(r[5]) for r in rr), reverse=True):
        probs.append(f"box {bx}: not in points order")
    top, bottom = rr[0], rr[-1]
    if top[6] != ("stays (top box)" if bx == "1" else "up") or bottom[6] != ("stays (bottom box)" if bx == "3" else "down") \
            or any(r[6] for r in rr[1:-1]):
        probs.append(f"box {bx}: moves")
if LADDER[10][5] != LADDER[11][5] or "KL194 beat KL179 6-4" not in flat("ladder/box-ladder-2026.md") \
        or ROUNDS[-1][2] != LADDER[0][1] or off["Head coach"][2] != LADDER[0][1] or "Round 5 was won by the head coach" not in committee:
    probs.append("the ladder's tie, round 5 and the minutes")
for r1, r2 in zip(ROUNDS, ROUNDS[1:]):
    if (day(r2[1].split(" to ")[0]) - day(r1[1].split(" to ")[1])).days != 1:
        probs.append(f"ladder rounds {r1[0]} and {r2[0]} not back to back")
if "## Round 5: 31 August to 4 October 2026" not in page("ladder/box-ladder-2026.md") or ROUNDS[-1][1] != "2026-08-31 to 2026-10-04":
    probs.append("round 5's dates")

# unpaid subscriptions, the heat incident
unpaid = [m for m in MEMBERS if m["subs_paid"] == "N"]
if sorted(m["category"] for m in unpaid) != ["country", "student"] or any(int(m["matches_2026"]) == 0 for m in unpaid) \
        or "a country member and a student" not in committee or "not paid at 30 September" not in mem["KL150"]["notes"]:
    probs.append("the unpaid subscriptions against the minutes")
heat = page("notes/2026-07-heat-illness-report.txt")
t = dict((b, a) for a, b in re.findall(r"^  (\d\d:\d\d)  (.+)$", heat, re.M))
gap = mins(t["player moved into the pavilion, cooled with wet towels, given water"]) - mins(t["visiting player dizzy at the change of ends, g2"])
f19 = fix["F26-19"]
if f"pavilion: {gap} minutes" not in " ".join(heat.split()) or f19["date"] != "2026-07-18" or f19["courts"] != ["g1", "g2"] \
        or f19["start"] != "13:00" or "13:00  match started" not in heat or "(F26-19)" not in heat \
        or mem["KL109"]["first_aid"] != "Y" or "Leonard Haworth (KL109)" not in heat or "33 °C" not in f19["text"] \
        or "pavilion thermometer 33 °C" not in heat or "Added after 18 July 2026" not in flat("guides/home-match-captains.md") \
        or (day("2026-07-20") - day(f19["date"])).days != 2 or "shut two days later" not in heat:
    probs.append("the heat report against the fixture, the members list and the guide")

# the accounts: every line at the fees page's 2025-26 rates, the rent by quarter, the totals
acc = page("notes/2026-04-accounts.txt")
count = {k: int(v) for k, v in re.findall(r"^  (Full|Family|Young adult|Student|Junior|Senior|Country|Social|Life) +(\d+)", acc, re.M)}
got_lines = {k.strip(): num(v) for k, v in re.findall(r"^ *([A-Z][A-Za-z0-9,':\- ]+?) {2,}GBP +([\d,]+)", acc, re.M)}
sub_rate = {"full": "Full (adult)", "family": "Family (two adults and their children under 18)", "young adult": "Young adult (18 to 25)",
            "student": "Student (full-time)", "junior": "Junior (under 18)", "senior": "Senior (65 and over)",
            "country": "Country (living more than 20 miles away)", "social": "Social (no tennis)"}
want_lines = {f"Subscriptions, {k}": count[k.capitalize()] * rate[v][1] for k, v in sub_rate.items()}
want_lines.update({
    "Life memberships": rate["Life (once)"][1],
    "Joining fees": 27 * rate["Joining fee (adults, first year)"][1],
    "Guest fees": 412 * rate["Guest fee, a visit"][1],
    "Floodlight tokens": 1146 * rate["Floodlights, an hour"][1],
    "Box ladder entries": 86 * rate["Box ladder entry, a round"][1],
    "League match fees": 312 * rate["League match fee, a player a match"][1],
    "Rent to the Haddesley Estate": 2 * 3200 // 4 + 2 * 6400 // 4,
})
for k, v in want_lines.items():
    if got_lines.get(k) != v:
        probs.append(f"accounts: {k} {got_lines.get(k)} is not {v}")
inc_keys = [k for k in want_lines if not k.startswith("Rent")] + ["Coaches' share of course fees", "Bar and teas, net"]
cost_keys = ["Rent to the Haddesley Estate", "Groundsman's wages", "Grass: seed, loam, fertiliser", "Clay and hard court upkeep",
             "Floodlight power", "Pavilion power, water and rates", "Pavilion repairs", "Insurance",
             "League and county affiliation", "Balls", "To the court renewal fund"]
income = sum(got_lines[k] for k in inc_keys)
costs = sum(got_lines[k] for k in cost_keys)
people = sum(count.values()) - count["Family"] + 88
agm = flat("meetings/2026-04-25-agm.md")
if got_lines["Total income"] != income or got_lines["Total costs"] != costs or got_lines["Surplus"] != income - costs \
        or f"income GBP {income:,}" not in agm or f"costs GBP {costs:,}" not in agm or f"surplus of GBP {income - costs:,}" not in agm \
        or f"{people} members at 31 March 2026" not in agm or not re.search(rf"Total members +{people} people", acc) \
        or f"{count['Junior']} of them juniors" not in agm or f"GBP {got_lines['To the court renewal fund']:,} put into" not in agm \
        or len(got_lines) != len(inc_keys) + len(cost_keys) + 3:
    probs.append(f"accounts totals: income {income}, costs {costs}, members {people}")
if "GBP 6,400 a year" not in flat("lease/haddesley-lease-2025.md") or "at GBP 6,400 a year" not in agm \
        or "the rent stayed at GBP 3,200 to the end" not in flat("lease/haddesley-lease-1999.md") \
        or "GBP 21,600" not in news_l or "GBP 21,600" not in agm or "GBP 21,600" not in acc \
        or "GBP 2,500 grant" not in news_l or "GBP 2,500 grant" not in agm or "grant of GBP 2,500" not in acc:
    probs.append("rent and floodlights against the leases, news and minutes")
# the 1999 lease ran 25 years, then a year more; the 2025 lease starts the day after
if day("1999-10-01").replace(year=2024) - datetime.timedelta(days=1) != day("2024-09-30") \
        or "extended the lease by one year, to 30 September 2025" not in flat("lease/haddesley-lease-1999.md") \
        or "In force from 1 October 2025" not in flat("lease/haddesley-lease-2025.md") or "30 spaces" not in grounds:
    probs.append("the two leases' dates")

# fees page against the booking rules, news, FAQ and subscription history
hist = {(r[0], r[1]): int(r[2]) for r in SUBS}
periods = [(day(a), day(b) if b else None) for a, b in hist]
for (a1, b1), (a2, _) in zip(periods, periods[1:]):
    if b1 is None or (a2 - b1).days != 1:
        probs.append(f"subscription periods not back to back at {a2}")
def sub_in(d: str) -> int:
    return [v for (a, b), v in hist.items() if a <= d and (not b or d <= b)][0]
if hist[("2026-04-01", "")] != rate["Full (adult)"][0] or sub_in("2025-06-01") != rate["Full (adult)"][1] \
        or f"| Full subscription | GBP {sub_in('2012-05-12')} a year |" not in about \
        or f"A full adult member pays GBP {sub_in('2016-03-19')} a year" not in flat("faq/joining-2016.md") \
        or sub_in("2019-09-30") != 210 or sub_in("2019-10-01") != 225 or "from 1 October 2019, to pay for the floodlights on h8" not in flat("prices/subscription-history.md") \
        or "GBP 280 for a full adult member" not in committee or "GBP 280 for 2027-28" not in flat("prices/subscription-history.md") \
        or f"GBP {rate['Full (adult)'][0]} for 2026-27" not in agm:
    probs.append("subscription history against the fees, about, FAQ and minutes pages")
if "GBP 4 an hour from 1 April" not in news_l or rate["Floodlights, an hour"] != (4, 3) or "tokens from the bar, GBP 3 an hour" not in news_l \
        or "tokens from the bar, GBP 2 an hour" not in flat("rules/court-booking-2019.md") or "GBP 5 a visit" not in flat("rules/court-booking-2019.md") \
        or "the guest fee on the fees page" not in flat("rules/court-booking-2026.md"):
    probs.append("floodlight and guest prices against the rules and the news")

# chairs, treasurers and club captains against the officers, members, about and FAQ pages
for tbl in (CHAIRS, TREASURERS, CAPTAINS):
    for r1, r2 in zip(tbl, tbl[1:]):
        if (day(r2[0]) - day(r1[1])).days != 1:
            probs.append(f"officer periods not back to back at {r2[0]}")
def held_in(tbl: list[list[str]], d: str) -> str:
    return [r[2] for r in tbl if r[0] <= d and (not r[1] or d <= r[1])][0]
def years(tbl: list[list[str]], name: str) -> list[str]:
    return [r[0][:4] + "-" + (r[1][:4] if r[1] else "") for r in tbl if r[2] == name]
if f"| Chair | {held_in(CHAIRS, '2012-05-12')} |" not in about or "owner: " + held_in(CAPTAINS, "2016-03-19") not in page("faq/joining-2016.md") \
        or CHAIRS[-1][2] != off["Chair"][1] or CHAIRS[-1][0][:4] != off["Chair"][3] \
        or TREASURERS[-1][2] != off["Treasurer"][1] or TREASURERS[-1][0][:4] != off["Treasurer"][3] \
        or CAPTAINS[-1][2] != off["Club captain"][1] or CAPTAINS[-1][0][:4] != off["Club captain"][3] \
        or years(TREASURERS, "Gideon Tolliver") != ["2004-2012"] or "treasurer 2004-2012" not in mem["KL112"]["notes"] \
        or years(TREASURERS, "Rhiannon Tregellas") != ["2012-2021"] or "treasurer 2012-2021" not in mem["KL131"]["notes"] \
        or years(CHAIRS, "Beatrice Lambourne") != ["1996-2004"] or "chair 1996-2004" not in mem["KL104"]["notes"] \
        or years(CAPTAINS, "Ewan Lockerbie") != ["2008-2012"] or "club captain 2008-2012" not in mem["KL160"]["notes"] \
        or years(CAPTAINS, "Crispin Featherstone") != ["2018-2020"] or "club captain 2018-2020" not in mem["KL138"]["notes"] \
        or years(CAPTAINS, "Signe Haraldsen") != ["2020-2024"] or "club captain 2020-2024" not in mem["KL127"]["notes"] \
        or years(TREASURERS, "Cuthbert Ingram")[0][-4:] != years(CHAIRS, "Cuthbert Ingram")[0][:4] \
        or int(years(CHAIRS, "Rhiannon Tregellas")[0][:4]) - int(years(TREASURERS, "Rhiannon Tregellas")[0][-4:]) != 1 \
        or f"| President | {'Wilfred Ottley'} |" not in about or "president 2004-2019" not in flat("history/club-officers.md") \
        or "puts forward Anil Raghunathan" not in committee or "after five years" not in committee \
        or 2027 - int(off["Chair"][3]) != 5 or off["Vice-chair"][1] != "Anil Raghunathan":
    probs.append("chairs, treasurers and club captains against the other pages")

# the championships page against the members list and the history page
html = page("records/championships.html")
events = {e[0]: e for e in re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>(\d{4})</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)}
singles = {y: (a, b) for y, a, b in re.findall(r"<tr><td>(\d{4})</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)}
name_of = {m["member"]: m for m in MEMBERS}
if singles["2026"] != (events["Men's singles"][5], events["Ladies' singles"][5]) or singles["2025"] != (events["Men's singles"][4], events["Ladies' singles"][4]) \
        or [y for y, (a, _) in singles.items() if a == "Yusuf Demir"] != ["2022", "2024", "2025", "2026"] \
        or "men's singles champion 2022, 2024, 2025 and 2026" not in mem["KL142"]["notes"] \
        or "ladies' singles champion 2026" not in name_of[events["Ladies' singles"][5]]["notes"] \
        or "junior singles champion 2026" not in name_of[events["Junior singles (under 16)"][5]]["notes"] \
        or "veterans' singles champion 2026" not in name_of[events["Veterans' singles (45 and over)"][5]]["notes"] \
        or events["Mixed doubles"][1] != "Lambourne Salver" or events["Mixed doubles"][3] != "Beatrice Lambourne" or "Lambourne Salver for the mixed doubles in 1985" not in mem["KL104"]["notes"] \
        or events["Mixed doubles"][2] != "1985" or events["Veterans' singles (45 and over)"][3] != "Wilfred Ottley" \
        or "gave the Ottley Tankard" not in flat("history/club-officers.md") or events["Junior singles (under 16)"][3] != "Stellan Hume" \
        or "gave the Hume Shield" not in flat("history/club-officers.md") or singles["2020"] != ("not played", "not played") \
        or [y for y, (_, b) in singles.items() if b == "Marta Zielinska"] != ["2023", "2024"] or "in 2023 and 2024" not in html \
        or day("2026-09-06").weekday() != 6 or "finals on g1 on Sunday 6 September" not in news_g:
    probs.append("championships against the members and history pages")

# the two booking rules, the leases and the older pages
r19, r26 = flat("rules/court-booking-2019.md"), flat("rules/court-booking-2026.md")
faq = flat("faq/joining-2016.md")
if "| Booking | online on CourtLine, from 07:00, up to three days ahead |" not in r19 or "| up to seven days ahead, from 07:00, on CourtLine |" not in r26 \
        or "| Slot | 60 minutes, for singles or doubles |" not in r19 or "| 60 minutes for singles, 90 minutes for doubles |" not in r26 \
        or "90 minutes for doubles" not in agm or "peg board" not in faq or "peg board in the pavilion was replaced" not in r19 \
        or "predominantly white clothing on the grass courts" not in faq or "| g1 to g4 (grass) | 1 May to 30 September |" not in page("grounds/grounds-and-courts.md") \
        or "| Grass courts | 15 May to 15 September | 1 May to 30 September;" not in r26 or "From mid-May to mid-September" not in faq \
        or "no more than two at peak" not in r26 or "up to three courts" not in r26 or "never more than three courts" not in flat("guides/home-match-captains.md"):
    probs.append("booking rules against the FAQ, the minutes, the guide and the grounds page")
if "GBP 180 a year" not in about or "25 years from 1999" not in about or "| Length | 25 years from 1 October 1999 |" not in page("lease/haddesley-lease-1999.md"):
    probs.append("about page against the 1999 lease")

# metadata and cells the comparisons use
cmp_facts = [
    int(court["g3"]["laid"]) < int(court["h8"]["laid"]),
    int(mem["KL138"]["joined"]) < int(mem["KL153"]["joined"]),
    div["kv-mixed-1"]["points"] > div["kv-vets-2"]["points"],
    int(course["CC-2"][6]) > int(course["CC-8"][6]),
    float(mem["KL183"]["rating"]) < float(mem["KL138"]["rating"]),
    int(court["c6"]["resurfaced"]) > int(court["h10"]["resurfaced"]),
    int(mem["KL109"]["joined"]) < int(mem["KL112"]["joined"]),
    pair(fix["F26-06"]["games"])[0] > pair(fix["F26-09"]["games"])[0] and fix["F26-06"]["venue"] == fix["F26-09"]["venue"] == "home",
    div["kv-men-1"]["position"] < div["kv-vets-2"]["position"],
    rate["Senior (65 and over)"][0] > rate["Country (living more than 20 miles away)"][0],
    float(mem["KL194"]["rating_2025"]) - float(mem["KL194"]["rating"]) > float(mem["KL167"]["rating_2025"]) - float(mem["KL167"]["rating"]) > 0,
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
