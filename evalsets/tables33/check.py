"""Checks for evalsets/tables33 (no model): run from anywhere (src/ is put on the path).

Prints PASS/FAIL per check and exits 1 if any check fails.
"""
from __future__ import annotations

import collections
import csv
import datetime
import hashlib
import json
import math
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))  # runs without PYTHONPATH too

from ragtune.corpus.loaders import Document, Problem, iter_documents, scan
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
from ragtune.eval.qa import load_qa

FAILS: list[str] = []
N_FILES, N_DOCS = 34, 120
PREFIX = "t33"


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
GORSEY = ["leagues/ccbl-2026", "leagues/tables-2026", "leagues/fixtures-2026#L26-04"]
DUNB = ["leagues/ccbl-2026", "leagues/tables-2026"]
ABSENT = {
    "t33-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The green's postcode is KD4 7RW."),
    "t33-dev-039": ([(r"(singles|champion)[^\n|]{0,60}\b(2008|2009)\b|\b(2008|2009)\b[^\n|]{0,60}(singles|champion)", []),
                     (r"<td>200\d</td>", [])],
                    "The singles champion in 2008 was Joan Riddell: <td>2008</td><td>Joan Riddell</td>."),
    "t33-dev-040": ([(r"\bweigh(s|ed|ing)\b", []),
                     (r"\b\d+(\.\d+)? ?(kg|kilos?|kilograms?|lbs?)\b", ["green/equipment#SP-01"]),
                     (r"(MW-02|mower)[^\n]{0,60}\b\d+ ?(kg|kilos?)\b", None)],
                    "MW-02 weighs 92 kg without its grass box."),
    "t33-dev-041": ([(r"2033", ["green/green-lease-2026"]),
                     (r"2033[^.|\n]{0,80}GBP ?[\d,]+|GBP ?[\d,]+[^.|\n]{0,60}(from|after) (1 April )?2033", None)],
                    "After the review of 1 April 2033 the rent will be GBP 2,100 a year."),
    "t33-dev-042": ([(r"Gorsey", GORSEY + ["leagues/teams#SB"]),
                     (r"(at|away to) Gorsey Lane", []),
                     (r"Gorsey Lane[^\n]{0,30}\(away\)|Kelderbrook B \d+, Gorsey Lane \d+", ["leagues/fixtures-2026#L26-04"])],
                    "At Gorsey Lane the B team lost: Gorsey Lane (away), Kelderbrook B 55, Gorsey Lane 70."),
    "t33-dev-043": ([(r"\bserial\b|\bS/N\b", [])],
                    "SF-01's serial number is CW-SV4-118273."),
    "t33-dev-044": ([(r"\bumpir", []),
                     (r"\breferee|\bmarker(ed|s)? (was|were)\b", [])],
                    "The umpire on 16 May was Mr T. Boland; the markers were from the county."),
    "t33-dev-045": ([(r"\b2025\b[^\n]{0,80}(Dunstan|KB170)|(Dunstan|KB170)[^\n]{0,80}\b2025\b", []),
                     (r"handicap[^\n.,]{0,40}\b2025\b|\b2025\b[^\n.,]{0,40}handicap", []),
                     (r"(Kyle|KB170)[^\n]{0,60}\+\d[^\n]{0,40}(last|previous) (season|year)", [])],
                    "In 2025 Kyle Dunstan (KB170) played off +8; his handicap in 2025 was +8, Kyle off +8 last season."),
    "t33-test-059": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b(phone|telephone|mobile)\b|\btel\b", [])],
                     "The secretary's phone number is 01632 960 517."),
    "t33-test-060": ([(r"Quayle's predecessor|preceded (Walter )?Quayle|before (Walter )?Quayle", []),
                      (r"\| 19[0-7]\d-\d\d-\d\d \|", []),
                      (r"chair(man)?[^|.;\n]{0,40}\b(19[0-7]\d|198[01])\b", [])],
                     "Before Walter Quayle the chairman from 1970 to 1982 was Albert Pennock: | 1970-10-17 |."),
    "t33-test-061": ([(r"subscription[^|\n]{0,80}\b200[0-7]\b|\b200[0-7]\b[^|\n]{0,60}subscription", []),
                      (r"\| 200[0-7]-\d\d-\d\d \|", ["history/club-officers"]),
                      (r"\| 200[0-7]-\d\d-\d\d \| [^|\n]*\| \d+ \|", None),
                      (r"\b(in|for) 2006\b", [])],
                     "The subscription in 2006 was GBP 65: | 2006-01-01 | 2007-12-31 | 65 |, for 2006."),
    "t33-test-062": ([(r"Member of the Year[^\n;|]{0,30}\b(20[01]\d|202[0-5])\b|\b(20[01]\d|202[0-5])\b[^\n;|]{0,30}Member of the Year", [])],
                     "Member of the Year 2024 went to Janet O'Driscoll."),
    "t33-test-063": ([(r"Dunmere Institute B", DUNB),
                      (r"Kelderbrook B[^\n]{0,60}Dunmere Institute B|Dunmere Institute B[^\n]{0,60}Kelderbrook B", ["leagues/ccbl-2026"]),
                      (r"Kelderbrook B \d+, Dunmere Institute B \d+|Dunmere Institute B \d+, Kelderbrook B \d+", None),
                      (r"Dunmere Institute B[^\n]{0,40}\b\d{2}-\d{2}\b", [])],
                     "Kelderbrook B 61, Dunmere Institute B 49; Dunmere Institute B lost 49-61."),
    "t33-test-064": ([(r"\bspectators?\b|\bcrowd\b|\bonlookers\b|\bwatched\b|\baudience\b", ["green/green-lease-2011"]),
                      (r"\b\d+ (spectators?|people watched|onlookers)\b|\b(crowd|audience) of \d+", None)],
                     "About 120 spectators watched Finals Day, a crowd of 120."),
    "t33-test-065": ([(r"\b(black|brown|red|blue|green|maroon|white|yellow|purple|grey|gray|orange|pink)\b[^\n.]{0,20}\bwoods?\b|\bwoods?\b[^\n.]{0,20}\b(black|red|blue|maroon|yellow|purple|orange|pink|colou?red)\b", []),
                      (r"\bcolou?r\b[^\n.]{0,40}WD-0\d|WD-0\d[^\n.]{0,40}\bcolou?r", [])],
                     "WD-04 are black woods; the colour of WD-04 is black."),
    "t33-test-066": ([(r"\bbar\b[^.\n]{0,60}(Tanaka|Wright|wedding)|(Tanaka|Wright|wedding)[^.\n]{0,60}\bbar\b", []),
                      (r"\b(bar )?takings\b", [])],
                     "The bar took GBP 1,460 at the Tanaka and Wright wedding; bar takings were a record."),
    "t33-test-067": ([(r"\brent\b[^|\n]{0,80}\b(19\d\d|200\d|2010)\b|\b(19\d\d|200\d|2010)\b[^|\n]{0,60}\brent\b", []),
                      (r"From 1 January (19\d\d|200\d|2010)", [])],
                     "In 2009 the rent was GBP 600 a year. From 1 January 2009: GBP 600."),
    "t33-test-068": ([(r"<td>201[0-7]</td><td>[^<]*\band\b", []),
                      (r"pairs[^\n|]{0,60}\b201[0-7]\b|\b201[0-7]\b[^\n|]{0,60}pairs", ["competitions/honours-board"]),
                      (r"pairs[^\n|]{0,30}\b(in )?2016\b|\b2016\b[^\n|]{0,30}pairs", None)],
                     "<td>2016</td><td>Colin Ashdown and Joan Riddell</td>; the pairs in 2016 went to them."),
    "t33-test-069": ([(r"Harcourt Cup[^\n,;]{0,80}\b2025\b|\b2025\b[^\n,;]{0,80}Harcourt Cup", []),
                      (r"(won|winners?)[^\n.;]{0,30}Harcourt Cup[^\n.;]{0,30}\b20(1\d|2[0-5])\b", []),
                      (r"\bcup\b[^.\n]{0,40}\b2025\b|\b2025\b[^.\n]{0,40}\bcup\b", [])],
                     "Stainmoor won the Harcourt Cup in 2025, the cup of 2025."),
    "t33-test-070": ([(r"waiting[ -]list|\bwaiting\b", []),
                      (r"\b\d+ (people|names) (are )?waiting\b", [])],
                     "There are 14 people waiting: 14 names are waiting on the waiting list."),
}
full = {k: (d.title + "\n" + d.text + "\n" + json.dumps(d.metadata, default=str, ensure_ascii=False)) for k, d in docs.items()}
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
        rx = re.compile(pat, re.I | re.M)
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
        if cells[0] == first and not inside:
            inside = True
            out.append([])
            continue
        if inside and not (cells[0] and set(cells[0]) <= set("-:")) and not (not cells[0] and set("".join(cells)) <= set("-:")):
            out[-1].append(cells)
    return out[nth]


def bullets(rel: str, heading: str | None = None) -> dict[str, str]:
    """`- Label: value` lines of a page (under one `## heading` when given)."""
    text = page(rel)
    if heading is not None:
        text = text.split("## " + heading + "\n", 1)[1].split("\n## ", 1)[0]
    return {k.strip(): v.strip() for k, v in re.findall(r"^- ([^:\n]+): (.+)$", text, re.M)}


def html_tables(rel: str) -> dict[str, list[list[str]]]:
    """Each `<h2>` section of an HTML page: the cells of its table rows (header row left out)."""
    out = {}
    for h2, body in re.findall(r"<h2>([^<]+)</h2>(.*?)(?=<h2>|</body>)", page(rel), re.S):
        out[h2] = [re.findall(r"<td>([^<]*)</td>", tr) for tr in re.findall(r"<tr>(.*?)</tr>", body) if "<td>" in tr]
    return out


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def hours(a: str, b: str) -> float:
    t1, t2 = (datetime.datetime.strptime(x, "%H:%M") for x in (a, b))
    return (t2 - t1).seconds / 3600


def plus(t: str, minutes: int) -> str:
    return (datetime.datetime.strptime(t, "%H:%M") + datetime.timedelta(minutes=minutes)).strftime("%H:%M")


def num(s: str) -> float:
    return float(s.replace(",", "").replace("GBP", "").strip())


def nth_weekday(y: int, m: int, wd: int, n: int) -> datetime.date:
    """The nth (1-based; -1 = last) weekday `wd` (Monday 0) of a month."""
    days = [datetime.date(y, m, d) for d in range(1, 32) if _valid(y, m, d) and datetime.date(y, m, d).weekday() == wd]
    return days[n - 1] if n > 0 else days[n]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False


MEMBERS = rows("people/members.csv")
EQUIP = rows("green/equipment.csv")
HIRE = rows("clubhouse/hire-log-2026.csv")
SESS = rows("coaching/sessions-2026.csv")
FIX = rows("leagues/fixtures-2026.jsonl")
TEAMS = rows("leagues/teams.jsonl")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
eq = {e["id"]: e for e in EQUIP}
hr = {h["id"]: h for h in HIRE}
ss = {s["id"]: s for s in SESS}
fx = {f["id"]: f for f in FIX}
team = {t["id"]: t for t in TEAMS}
by_id = {i.id: i for i in ALL}

OFFICERS = {r[0]: r for r in table("people/officers.md", "Office")}
COACHES = {r[0]: r for r in table("people/coaches.md", "Code")}
CHAIRS = table("history/club-officers.md", "From", 0)
SECS = table("history/club-officers.md", "From", 1)
CAPTAINS = table("history/club-officers.md", "From", 2)
SUBS = table("history/subs-and-green-fees.md", "From", 0)
GFEE = table("history/subs-and-green-fees.md", "From", 1)
FEES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026-27.md", "Item")}
R16 = {r[0]: r[1] for r in table("rules/green-regulations-2016.md", "Item")}
R26 = {r[0]: (r[1], r[2]) for r in table("rules/green-regulations-2026.md", "Item")}
L11 = {r[0]: r[1] for r in table("green/green-lease-2011.md", "Term")}
L26 = {r[0]: (r[1], r[2]) for r in table("green/green-lease-2026.md", "Term")}
RATES = {(r[0], r[1]): (int(r[2]), int(r[3])) for r in table("clubhouse/clubhouse-hire.md", "Space")}
DIV26 = {r[0]: (int(r[1]), [t.strip() for t in r[2].split(",")]) for r in table("leagues/ccbl-2026.md", "Division", 0)}
DIV27 = {r[0]: [t.strip() for t in r[1].split(",")] for r in table("leagues/ccbl-2026.md", "Division", 1)}
CAL = table("leagues/calendar-2026.md", "Date")
MAINT = table("green/maintenance-log-2026.md", "Date")
COMP = {r[0].split(" (")[0]: r for r in table("competitions/club-competitions-2026.md", "Competition")}
SINGLES = table("competitions/club-competitions-2026.md", "Round")
HCP = {r[1]: r for r in table("competitions/handicap-singles-2026.md", "Player")}
HCPR = table("competitions/handicap-singles-2026.md", "Round")
SCARD = table("competitions/finals-day-2026.md", "End", 0)
PCARD = table("competitions/finals-day-2026.md", "End", 1)
MOWER = {r[0]: (r[1], r[2]) for r in table("news/2026-05-new-greens-mower.md", "")}
PROMO = {r[0]: (r[1], r[2]) for r in table("news/2026-09-a-team-champions.md", "")}
ABOUT = bullets("about.md")
LT = html_tables("leagues/tables-2026.html")
HON = html_tables("competitions/honours-board.html")
OPEN, CLOSE = day("2026-04-18"), day("2026-09-26")
agm = flat("meetings/2026-10-17-agm.md")

RECOMPUTE = {
    # derived counts: (id, computed value)
    "t33-dev-028": str(sum(m["hand"] == "L" for m in MEMBERS)),
    "t33-test-041": str(sum(f["team"] == "SA" and f["result"] == "lost" for f in FIX)),
    # filters: the one row, record or table line meeting the condition
    "t33-dev-029": [m["name"] for m in MEMBERS if m["paid_2025_26"] == "N"],
    "t33-dev-030": [e["id"] for e in EQUIP if e["condition"] == "missing"],
    "t33-dev-031": [s["id"] for s in SESS if s["status"] == "cancelled"],
    "t33-dev-032": [f["id"] for f in FIX if f["team"] == "SA" and f["competition"].startswith("CCBL") and f["result"] == "drawn"],
    "t33-test-042": [m["name"] for m in MEMBERS if m["handicap_2026"] == "7"],
    "t33-test-043": [e["id"] for e in EQUIP if e["condition"] == "written off"],
    "t33-test-044": [h["id"] for h in HIRE if h["paid"] == "N"],
    "t33-test-045": [s["id"] for s in SESS if float(s["coach_cost_gbp"]) == max(float(x["coach_cost_gbp"]) for x in SESS)],
    "t33-test-046": [e["id"] for e in EQUIP if e["item"].startswith("loan woods") and e["size"] == "0"],
    "t33-test-047": [f["id"] for f in FIX if f["team"] == "EV" and f["result"] == "lost"],
    "t33-test-048": [r[1] for r in LT["Division 3"] if int(r[0]) == len(LT["Division 3"])],
    "t33-test-049": [m["name"] for m in MEMBERS if m["category"] == "junior" and int(m["sa_apps_2026"]) > 0],
    "t33-test-050": [s["id"] for s in SESS if s["group"] == "beginners" and "Indoor" in s["venue"]],
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
if sorted(by_id["t33-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["hand"] == "L") \
        or sorted(by_id["t33-test-041"].evidence) != sorted(f"leagues/fixtures-2026#{f['id']}" for f in FIX
                                                           if f["team"] == "SA" and f["result"] == "lost"):
    probs.append("derived counts' evidence is not the rows counted")

# ---- fixtures: every card summed, points and results by each league's rules, days, formats
NAMES = {t["id"]: t["name"] for t in TEAMS}
FORMATS = {"CCBL": ("three rinks of fours over 21 ends", 3, 21, 4), "Harcourt": ("four rinks of triples over 18 ends", 4, 18, 3),
           "KVEL": ("two rinks of triples over 18 ends", 2, 18, 3), "CWL": ("two rinks of fours over 18 ends", 2, 18, 4),
           "KVSL": ("two rinks of triples over 15 ends", 2, 15, 3)}
WORDS = {2: "two", 3: "three", 4: "four"}
flat_ccbl = flat("leagues/ccbl-2026.md")
if "2 for each rink won and 1 each for a drawn rink; 4 for the side with more shots over all the rinks, 2 each if the shots are level; 10 a match in all" not in flat_ccbl \
        or "four rinks of triples over 18 ends, decided on total shots, in whites" not in flat_ccbl \
        or "2 points a rink won, 1 a rink drawn, and 2 for more shots over the two rinks (1 each if level)" not in team["EV"]["text"] \
        or "decided on total shots, two points for a win and one for a draw" not in team["LD"]["text"] \
        or "decided on total shots, two points for a win and one for a draw" not in team["VT"]["text"]:
    probs.append("the league rules the results are computed by")
POS = ["lead", "second", "third", "skip"]
home_days = collections.Counter()
for f in FIX:
    t = f["text"]
    lg = f["competition"].split()[0]
    desc, nr, ends, per_rink = FORMATS[lg]
    us = NAMES[f["team"]]
    at = "at Kelderbrook" if f["green"] == "Kelderbrook" else f"at {f['green']}"
    if f["venue"] == "away" and f["green"] == "Kelderbrook":
        at = f"at Kelderbrook ({f['opponent']}'s home match)"
    if not t.startswith(f"{f['id']}: {us} v {f['opponent']}, {f['competition']}, {desc}, {at}. "):
        probs.append(f"{f['id']}: heading")
    if (f["rinks"], f["ends"]) != (nr, ends) or (lg != "Harcourt" and team[f["team"]]["format"] != f"{WORDS[nr]} rinks of {'fours' if per_rink == 4 else 'triples'}, {ends} ends"):
        probs.append(f"{f['id']}: format")
    want_day = "Sunday" if lg == "Harcourt" else team[f["team"]]["plays"]
    if day(f["date"]).strftime("%A") != want_day:
        probs.append(f"{f['id']}: on a {day(f['date']).strftime('%A')}, the team plays {want_day}")
    if (f["green"] == "Kelderbrook") != (f["venue"] == "home") and f["id"] != "L26-12":
        probs.append(f"{f['id']}: venue and green")
    if f["green"] == "Kelderbrook":
        home_days[f["date"]] += 1
        if not OPEN <= day(f["date"]) <= CLOSE:
            probs.append(f"{f['id']}: a home match outside the season")
    if f["ends_played"] != f["ends"] and not (f["id"] == "L26-15" and f["ends_played"] >= 14):
        probs.append(f"{f['id']}: {f['ends_played']} ends played")
    # the rinks
    if f["team"] == "SA":
        rinks = re.findall(r"^Rink (\d): ((?:KB\d{3}, )+)skip (KB\d{3}), (\d+)-(\d+)\.$", t, re.M)
        lineups = [r[1].rstrip(", ").split(", ") + [r[2]] for r in rinks]
        scores = [(int(r[3]), int(r[4])) for r in rinks]
        if [int(r[0]) for r in rinks] != list(range(1, nr + 1)) or any(len(x) != per_rink for x in lineups):
            probs.append(f"{f['id']}: rink lines")
        if [p for x in lineups for p in x] != f["players"] or len(set(f["players"])) != nr * per_rink \
                or [x[-1] for x in lineups] != f["skips"] or f["captain"] not in f["players"]:
            probs.append(f"{f['id']}: players, skips or captain")
        for x in lineups:
            for p in x:
                if p not in mem or (lg == "CCBL" and "SA" not in mem[p]["teams"].split(";")):
                    probs.append(f"{f['id']}: {p} is not an A team member")
            if lg == "CCBL" and [mem[p]["position"] for p in x] != POS:
                probs.append(f"{f['id']}: positions {[mem[p]['position'] for p in x]}")
    else:
        m_ = re.search(r"^Rinks: (.+)\.$", t, re.M)
        parts = re.findall(r"skip (KB\d{3}) (\d+)-(\d+)", m_.group(1)) if m_ else []
        scores = [(int(a), int(b)) for _, a, b in parts]
        if [p for p, _, _ in parts] != f["skips"] or len(parts) != nr:
            probs.append(f"{f['id']}: skips")
        for p in f["skips"]:
            if p not in mem or f["team"] not in mem[p]["teams"].split(";"):
                probs.append(f"{f['id']}: skip {p} is not in the team")
        if f["captain"] not in f["skips"]:
            probs.append(f"{f['id']}: captain not a skip")
    sf, sa = sum(a for a, _ in scores), sum(b for _, b in scores)
    if (sf, sa) != (f["shots_for"], f["shots_against"]) or f"Shots: {us} {sf}, {f['opponent']} {sa}." not in t:
        probs.append(f"{f['id']}: rinks add to {sf}-{sa}, record says {f['shots_for']}-{f['shots_against']}")
    if lg in ("CCBL", "KVEL"):
        per, agg = (2, 4) if lg == "CCBL" else (2, 2)
        ru = sum(per if a > b else per // 2 if a == b else 0 for a, b in scores)
        rt = sum(per if b > a else per // 2 if a == b else 0 for a, b in scores)
        au = agg if sf > sa else agg // 2 if sf == sa else 0
        pu = ru + au
        pt = per * nr + agg - pu
        if ru + rt != per * nr:
            probs.append(f"{f['id']}: rink points")
        res = "won" if pu > pt else "lost" if pu < pt else "drawn"
        line = f"Result: drawn {pu}-{pt} ({ru}-{rt} on rinks, {au}-{agg - au} on shots)." if res == "drawn" \
            else f"Result: {us} {res} {pu}-{pt} ({ru}-{rt} on rinks, {au}-{agg - au} on shots)."
        if (f["result"], f["points"], f["rink_points"]) != (res, pu, f"{ru}-{rt}") or line not in t \
                or f"Points: {us} {pu}, {f['opponent']} {pt}." not in t:
            probs.append(f"{f['id']}: {f['result']} {f['points']} {f['rink_points']}, the rinks give {res} {pu} {ru}-{rt}")
    else:
        res = "won" if sf > sa else "lost" if sf < sa else "drawn"
        line = f"Result: drawn, {sf} shots each." if res == "drawn" else f"Result: {us} {res} by {abs(sf - sa)} shots."
        pts = None if lg == "Harcourt" else {"won": 2, "drawn": 1, "lost": 0}[res]
        if (f["result"], f["points"], f["rink_points"]) != (res, pts, None) or line not in t \
                or (pts is not None and f"Points: {us} {pts}, {f['opponent']} {2 - pts}." not in t):
            probs.append(f"{f['id']}: result {f['result']} {f['points']}, shots give {res} {pts}")
    f["_scores"] = scores
    if f["team"] == "SA":
        f["_lineups"] = lineups
if any(n > 1 for n in home_days.values()):
    probs.append("two matches on our green on one day")
for h in HIRE:
    if h["space"] == "bowls party" and (h["date"] in home_days or day(h["date"]).weekday() == 0
                                        or not 5 <= day(h["date"]).month <= 9 or not OPEN <= day(h["date"]) <= CLOSE):
        probs.append(f"{h['id']}: a bowls party on a match day, a Monday or out of season")
for s in SESS:
    if s["venue"] == "Kelderbrook green" and (s["date"] in home_days or not OPEN <= day(s["date"]) <= CLOSE):
        probs.append(f"{s['id']}: a session on the green on a match day or out of season")
    if s["venue"] != "Kelderbrook green" and OPEN <= day(s["date"]) <= CLOSE:
        probs.append(f"{s['id']}: indoors in season")

# the A team's appearances, absences and stand-ins against the members' notes
SA = [f for f in FIX if f["team"] == "SA"]
league_sa = [f for f in SA if f["competition"].startswith("CCBL")]
apps = collections.Counter(p for f in SA for p in f["players"])
for m in MEMBERS:
    if apps[m["ID"]] != int(m["sa_apps_2026"]):
        probs.append(f"{m['ID']}: sa_apps_2026 {m['sa_apps_2026']}, the log gives {apps[m['ID']]}")
missed = lambda mid: [f["id"] for f in SA if mid not in f["players"]]
if missed("KB131") != ["L26-07", "L26-09"] or "missed the A team's matches of 30 May and 6 June 2026" not in mem["KB131"]["notes"] \
        or [fx[x]["date"] for x in missed("KB131")] != ["2026-05-30", "2026-06-06"] \
        or missed("KB162") != ["L26-12", "L26-13"] or "missed the A team's matches of 20 June and 4 July 2026" not in mem["KB162"]["notes"] \
        or [f["id"] for f in SA if "KB170" in f["players"]] != missed("KB162") or "both matches Rosie Fairclough missed" not in mem["KB170"]["notes"] \
        or missed("KB118") != ["L26-17"] or "missed the A team's match at Corvey Abbey on 1 August 2026" not in mem["KB118"]["notes"] \
        or [f["id"] for f in SA if f["captain"] != "KB118"] != ["L26-17"] or fx["L26-17"]["captain"] != "KB122" \
        or "captained the A team at Corvey Abbey on 1 August 2026" not in mem["KB122"]["notes"] \
        or missed("KB139") != ["L26-11"] or "missed the Harcourt Cup tie at Oakhanger on 14 June 2026" not in mem["KB139"]["notes"] \
        or [f["id"] for f in SA if "KB155" in f["players"]] != ["L26-11"] or "only A team match of 2026 was the Harcourt Cup tie at Oakhanger" not in mem["KB155"]["notes"] \
        or [f["id"] for f in SA if "KB149" in f["players"]] != ["L26-07", "L26-09", "L26-17"] or "skipped a rink for the A team three times in 2026" not in mem["KB149"]["notes"] \
        or any("KB149" in f["players"] and "KB149" not in f["skips"] for f in SA) \
        or "thanked Colin Ashdown for skipping a rink three times" not in flat("meetings/2026-10-17-agm.md") \
        or "led on rink 2 in place of KB162" not in fx["L26-12"]["text"] or fx["L26-12"]["_lineups"][1][0] != "KB170" \
        or "KB149 skipped rink 1" not in fx["L26-17"]["text"] or fx["L26-17"]["_lineups"][0][-1] != "KB149" \
        or "KB155 came in at lead on KB122's rink" not in fx["L26-11"]["text"] or fx["L26-11"]["_lineups"][3] != ["KB155", "KB151", "KB122"] \
        or len([m for m in MEMBERS if int(m["sa_apps_2026"])]) != 15 or "Fifteen members played for the A team this season" not in flat("news/2026-09-a-team-champions.md") \
        or "aged 15" not in mem["KB170"]["notes"] or "KB170, aged 15" not in fx["L26-12"]["text"]:
    probs.append("the A team's appearances against the members' notes")
# what the match reports say about their own rinks
sc = lambda fid, n: fx[fid]["_scores"][n]
diffs = {f["id"]: f["shots_for"] - f["shots_against"] for f in SA}
if min(diffs, key=diffs.get) != "L26-03" or "Our heaviest defeat of the season on shots" not in fx["L26-03"]["text"] or sc("L26-03", 1) != (20, 20) \
        or sc("L26-05", 0)[1] != 12 or sc("L26-06", 2) != (21, 12) or fx["L26-06"]["skips"][2] != "KB131" \
        or sc("L26-07", 1) != (16, 24) or sc("L26-04", 1)[1] - sc("L26-04", 1)[0] != 9 or fx["L26-04"]["skips"][1] != "KB155" \
        or sc("L26-08", 2)[1] - sc("L26-08", 2)[0] != 1 or sc("L26-18", 2)[0] - sc("L26-18", 2)[1] != 15 or fx["L26-18"]["skips"][2] != "KB133" \
        or sc("L26-19", 1)[0] - sc("L26-19", 1)[1] != 7 or sc("L26-16", 0)[0] - sc("L26-16", 0)[1] != 5 \
        or [a - b for a, b in fx["L26-10"]["_scores"]] != [5, -5] or sc("L26-17", 2)[0] - sc("L26-17", 2)[1] != 11 \
        or sorted(("won" if a > b else "lost" if a < b else "drawn") for a, b in fx["L26-09"]["_scores"]) != ["drawn", "lost", "won"] \
        or [r for r in fx["L26-11"]["_scores"] if r[0] > r[1]] != [sc("L26-11", 3)] \
        or "KB172 played lead on KB175's rink" not in fx["L26-02"]["text"] or "plays lead for the evening team" not in mem["KB172"]["notes"] \
        or "13:30" not in fx["L26-20"]["text"] or sc("L26-01", 0)[0] - 15 != 9 or sc("L26-01", 0)[1] != 15:
    probs.append("the match reports against their own cards")
# the published calendar against the log: one match moved to our green
if len(CAL) != len(league_sa) or len(league_sa) != 10:
    probs.append("calendar and log have different numbers of league matches")
for c, f in zip(CAL, league_sa):
    if (c[0], c[2], c[3]) != (f["date"], f["opponent"], f["venue"]) or day(c[0]).strftime("%a") != c[1] \
            or c[4] != ("13:30" if f["id"] == "L26-20" else "14:00"):
        probs.append(f"calendar {c[0]}: {c}")
if [f["id"] for f in FIX if f["venue"] == "away" and f["green"] == "Kelderbrook"] != ["L26-12"] \
        or "fusarium" not in fx["L26-12"]["text"] or "fusarium was found on Ashcombe Park's green" not in flat("green/maintenance-log-2026.md") \
        or "played at Kelderbrook and counts as Ashcombe Park's home match" not in flat("leagues/tables-2026.html") \
        or [f["date"] for f in SA if f["competition"].startswith("Harcourt")] != ["2026-05-24", "2026-06-14"] \
        or "Sunday 24 May" not in flat("leagues/calendar-2026.md") or "Sunday 14 June" not in flat("leagues/calendar-2026.md") \
        or fx["L26-06"]["opponent"] not in DIV26["Division 2"][1] or fx["L26-11"]["opponent"] not in DIV26["Premier"][1] \
        or "Premier sides join in round 2" not in flat_ccbl or "Quarry Hill, who beat Oakhanger" not in flat_ccbl \
        or day("2026-09-13").weekday() != 6:
    probs.append("the calendar, the moved match and the cup against the log")
# each opponent once home and once away; opponents in our divisions
venues = collections.Counter((f["opponent"], f["venue"]) for f in league_sa)
if any(v != 1 for v in venues.values()) or len(venues) != 10:
    probs.append("A team league: each opponent once home and once away")
for f in FIX:
    if f["competition"].startswith("CCBL "):
        div = f["competition"].removeprefix("CCBL ")
        if f["opponent"] not in DIV26[div][1] or NAMES[f["team"]] not in DIV26[div][1] or team[f["team"]]["division"] != div:
            probs.append(f"{f['id']}: division")
abbr = {"KVEL": "Kelder Valley Evening League", "CWL": "Cardenshire Women's League", "KVSL": "Kelder Valley Senior League", "CCBL": "Cardenshire County Bowls League"}
for f in FIX:
    lg = f["competition"].split()[0]
    if lg != "Harcourt" and abbr[lg] != team[f["team"]]["league"]:
        probs.append(f"{f['id']}: league {lg} is not the team's")
    if lg in ("KVEL", "CWL") and f["competition"].split(" ", 1)[1] != team[f["team"]]["division"]:
        probs.append(f"{f['id']}: division of {f['team']}")

# ---- league tables: sums, points, order; our rows from the log; promotion and relegation
placed = {}
for div, body in LT.items():
    W = D = L = F = A = P = 0
    for r in body:
        p, w, d_, l, f_, a = (int(x) for x in r[2:8])
        diff, pts = int(r[8]), int(r[9])
        W, D, L, F, A, P = W + w, D + d_, L + l, F + f_, A + a, P + pts
        if p != w + d_ + l or p != 2 * (len(body) - 1) or diff != f_ - a or r[8] != (f"+{diff}" if diff > 0 else str(diff)) \
                or not (w * 6 <= pts <= 10 * w + 5 * d_ + 4 * l) or pts < 5 * d_ + 6 * w:
            probs.append(f"{div}: {r}")
        placed[r[1]] = (div, int(r[0]), w, d_, l, f_, a, diff, pts)
    matches = len(body) * (len(body) - 1)
    if W != L or D % 2 or W + D // 2 != matches or F != A or P != 10 * matches or set(r[1] for r in body) != set(DIV26[div][1]):
        probs.append(f"{div}: totals W {W} D {D} L {L} F {F} A {A} Pts {P}")
    keys = [(-int(r[9]), -int(r[8]), -int(r[6])) for r in body]
    if keys != sorted(keys) or [int(r[0]) for r in body] != list(range(1, len(body) + 1)):
        probs.append(f"{div}: order")
row1 = placed["Kelderbrook A"]
res1 = collections.Counter(f["result"] for f in league_sa)
if (row1[2], row1[3], row1[4]) != (res1["won"], res1["drawn"], res1["lost"]) \
        or (row1[5], row1[6], row1[8]) != (sum(f["shots_for"] for f in league_sa), sum(f["shots_against"] for f in league_sa), sum(f["points"] for f in league_sa)) \
        or (row1[1], row1[8]) != (team["SA"]["place_2026"], team["SA"]["points_2026"]):
    probs.append(f"Kelderbrook A's row {row1} against the log")
for f in league_sa:
    if f["result"] == "drawn" and placed[f["opponent"]][3] < 1 or f["result"] == "won" and placed[f["opponent"]][4] < 1 \
            or f["result"] == "lost" and placed[f["opponent"]][2] < 1:
        probs.append(f"{f['id']}: {f['opponent']}'s row")
row2 = placed["Kelderbrook B"]
log2 = [f for f in FIX if f["team"] == "SB"]
if row2[2] < sum(f["result"] == "won" for f in log2) or row2[4] < sum(f["result"] == "lost" for f in log2) \
        or (row2[1], row2[8]) != (team["SB"]["place_2026"], team["SB"]["points_2026"]) \
        or placed["Holm Cross"][8] - row2[8] != 4 or "four points behind Holm Cross" not in team["SB"]["text"]:
    probs.append(f"Kelderbrook B's row {row2} against the log")
order = {div: [t for t, v in sorted(placed.items(), key=lambda kv: kv[1][1]) if v[0] == div] for div in LT}
prem, d1, d2, d3 = (DIV26[k][1] for k in ("Premier", "Division 1", "Division 2", "Division 3"))
down_prem, up_d2, down_d2 = "Thistlewood", "Upcott", "Varley Social"
new = {"Premier": set(prem) - {down_prem} | {order["Division 1"][0]},
       "Division 1": set(d1) - {order["Division 1"][0], order["Division 1"][-1]} | {down_prem, up_d2},
       "Division 2": set(d2) - {up_d2, down_d2} | {order["Division 1"][-1], order["Division 3"][0]},
       "Division 3": set(d3) - {order["Division 3"][0]} | {down_d2}}
if any(set(DIV27[k]) != v or len(DIV27[k]) != 6 for k, v in new.items()) \
        or "Thistlewood finished bottom of the Premier, Upcott won Division 2 and Varley Social finished bottom of it" not in flat_ccbl \
        or "Kelderbrook A champions on shot difference and promoted to the Premier; Ashcombe Park relegated to Division 2" not in flat("leagues/tables-2026.html") \
        or "Gorsey Lane champions and promoted to Division 2" not in flat("leagues/tables-2026.html") \
        or any(t["division_2027"] != k for t in TEAMS if t["id"] in ("SA", "SB") for k in DIV27 if t["name"] in DIV27[k]) \
        or [k for k, (n, _) in DIV26.items() if n != 3] != ["Premier"] or DIV26["Premier"][0] != 4:
    probs.append("promotion and relegation against the 2027 divisions")
fal, bri = placed["Fallowfield Town"], placed["Brindle Heath"]
if fal[8] != row1[8] or row1[7] - fal[7] != 8 or "our shot difference of +29 was eight better than theirs" not in flat("news/2026-09-a-team-champions.md") \
        or f"of +{row1[7]} beat their +{fal[7]}" not in fx["L26-20"]["text"] or f"on {row1[8]} points" not in fx["L26-20"]["text"] \
        or not (bri[7] > fal[7] and fal[8] - bri[8] == 5 and bri[1] == 3) or -diffs["L26-03"] != 17 or fx["L26-03"]["opponent"] != "Brindle Heath" \
        or "who beat us by 17 shots in May, had a better shot difference than Fallowfield but five fewer points, and finished third" not in flat("news/2026-09-a-team-champions.md") \
        or f"level with Fallowfield Town on {row1[8]} points" not in flat("meetings/2026-10-17-agm.md") or f"level with Fallowfield Town on {row1[8]} points" not in team["SA"]["text"] \
        or PROMO["Rinks a match"] != (str(DIV26["Division 1"][0]), str(DIV26["Premier"][0])) \
        or PROMO["Players a Saturday"] != (str(DIV26["Division 1"][0] * 4), str(DIV26["Premier"][0] * 4)) \
        or "sixteen players every Saturday, four more than this year" not in flat("meetings/2026-10-17-agm.md") \
        or PROMO["Start"] != ("14:00", "13:30") or "Start: 14:00 (13:30 in the Premier)" not in flat_ccbl \
        or PROMO["League fee"] != ("GBP 60", "GBP 75") or "GBP 60 a team a season (GBP 75 in the Premier)" not in flat_ccbl \
        or PROMO["Furthest away match"][0].split(",")[0] not in d1 or PROMO["Furthest away match"][1].split(",")[0] not in DIV27["Premier"]:
    probs.append("the champions news against the tables, the log and the league page")
hon = {(r[0], r[1]): r[2] for r in HON["Team honours"]}
if hon[("2026", "A team")] != "CCBL Division 1 champions, promoted to the Premier" or hon[("2019", "A team")] != "CCBL Division 2 champions, promoted" \
        or "since it won Division 2 in 2019" not in team["SA"]["text"] or "took the A team up as Division 2 champions in 2019" not in CAPTAINS[2][3] \
        or (CAPTAINS[2][0], CAPTAINS[2][1]) != ("2016", "2019") or hon[("2011", "Evening")] != "Kelder Valley Evening League, Division A champions" \
        or "KVEL champions once, in 2011" not in team["EV"]["text"] or "Division A champions in 2011" not in ABOUT["Teams"] \
        or "A team (CCBL Division 2)" not in ABOUT["Teams"] or "The A team (CCBL Division 2)" not in flat("faq/new-members-2019.md") \
        or hon[("2023", "Ladies")] != "Cardenshire Women's League champions" or "three years after winning the league" not in team["LD"]["text"] \
        or "Division 1 champions in his last season" not in CAPTAINS[4][3]:
    probs.append("team honours against the teams, the captains, the 2014 page and the 2019 questions")

# ---- teams against the log, the officers and the members
for t in TEAMS:
    mine = [f["id"] for f in FIX if f["team"] == t["id"]]
    if mine != t["fixtures"] or t["captain"] not in mem or t["captain"] not in t["text"]:
        probs.append(f"team {t['id']}: fixtures or captain")
    if any(f["captain"] != t["captain"] for f in FIX if f["team"] == t["id"] and f["id"] != "L26-17"):
        probs.append(f"team {t['id']}: a match captain")
    if t["id"] not in mem[t["captain"]]["teams"].split(";") or t["id"] not in mem[t["captain_2027"]]["teams"].split(";"):
        probs.append(f"team {t['id']}: captain {t['captain']} does not play for it")
if OFFICERS["Club captain"][2] != team["SA"]["captain_2027"] or OFFICERS["Ladies' captain"][2] != team["LD"]["captain_2027"] \
        or team["SA"]["captain"] != by_name[CAPTAINS[4][2]]["ID"] or CAPTAINS[5][2] != OFFICERS["Club captain"][1] \
        or "B team captain since 2022" not in mem["KB181"]["notes"] or "captained by KB181 since 2022" not in team["SB"]["text"] \
        or "evening team captain since 2025" not in mem["KB175"]["notes"] or "KB175 has captained it since 2025" not in team["EV"]["text"] \
        or "ladies' captain 2024-2026" not in mem["KB113"]["notes"] or "KB113 has captained it since 2024 and hands over to KB133 for 2027" not in team["LD"]["text"] \
        or "ladies' captain from the 2027 season" not in mem["KB133"]["notes"] or "KB109, the head greenkeeper" not in team["VT"]["text"] \
        or "Started in 2018" not in team["VT"]["text"] or "since last year, the veterans on Thursday mornings" not in flat("faq/new-members-2019.md") \
        or f"for 2027 {OFFICERS['Membership secretary'][1]} (B team), {mem[team['EV']['captain_2027']]['name']} (evening), {mem[team['LD']['captain_2027']]['name']} (ladies) and {mem[team['VT']['captain_2027']]['name']} (veterans)" not in flat("people/officers.md") \
        or team["SB"]["captain_2027"] != OFFICERS["Membership secretary"][2] \
        or "in his third and last season" not in team["SA"]["text"] or int(CAPTAINS[4][1]) - int(CAPTAINS[4][0]) + 1 != 3 \
        or "twelve players at each of its ten league matches" not in flat("notes/2026-10-accounts-2025-26.txt") \
        or "sixteen players a week instead of twelve" not in team["SA"]["text"]:
    probs.append("teams against the officers, the history and the members")
places = {"SB": "third", "EV": "fourth", "LD": "second", "VT": "fifth"}
ordinal = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
if "The B team were third in Division 3, the evening team fourth in Division A of the Kelder Valley league, the ladies second and the veterans fifth" not in agm \
        or any(team[k]["place_2026"] != ordinal[v] for k, v in places.items()) or "Fourth of eight in Division A" not in team["EV"]["text"] \
        or "Fifth of nine" not in team["VT"]["text"] or "Second in 2026" not in team["LD"]["text"] or "Third in Division 3 in 2026" not in team["SB"]["text"]:
    probs.append("the teams' places against the AGM")
if any(day(f["date"]).strftime("%A") != team[f["team"]]["plays"] for f in FIX if not f["competition"].startswith("Harcourt")) \
        or "A Thursday morning match, started at ten" not in fx["L26-16"]["text"] or team["VT"]["start"] != "10:00":
    probs.append("match days against the teams")

# ---- competitions: the two end-by-end cards, the rounds, the handicaps, the honours board
def card(rows_: list[list[str]], cap: int, first_to: int | None, ends: int | None) -> tuple[int, int, list[str]]:
    bad, a_tot, b_tot = [], 0, 0
    for n, r in enumerate(rows_, 1):
        e, a, b, ta, tb = (int(x) for x in r)
        a_tot, b_tot = a_tot + a, b_tot + b
        if e != n or (a > 0) == (b > 0) or max(a, b) > cap or (ta, tb) != (a_tot, b_tot):
            bad.append(f"end {r}")
        if first_to is not None and n < len(rows_) and max(ta, tb) >= first_to:
            bad.append(f"end {n}: the game should have ended")
    if ends is not None and len(rows_) != ends:
        bad.append(f"{len(rows_)} ends")
    if first_to is not None and max(a_tot, b_tot) != first_to:
        bad.append("the winner did not finish on 21")
    return a_tot, b_tot, bad


va, fo, bad1 = card(SCARD, 4, 21, None)
pa, pb, bad2 = card(PCARD, 8, None, 18)
probs += bad1 + bad2
fd = flat("competitions/finals-day-2026.md")
last9 = SCARD[-9:]
if f"{va}-{fo}" != COMP["Championship Singles"][5] or f"{pa}-{pb}" != COMP["Championship Pairs"][5] \
        or COMP["Championship Singles"][3] != "Sunita Varma (KB122)" or COMP["Championship Singles"][4] != "Frank Oyelaran (KB127)" \
        or [int(r[2]) for r in SCARD].index(4) != 13 or int(SCARD[13][4]) - int(SCARD[13][3]) != 3 \
        or "Oyelaran's four on the 14th end, every one of his woods inside hers, put him three up" not in fd \
        or sum(int(r[1]) > 0 for r in last9) != 6 or "she won six of the last nine ends" not in fd \
        or max(int(x) for r in SCARD + PCARD for x in r[1:3]) != 5 or [int(r[1]) for r in PCARD].index(5) != 8 \
        or "The five on the 9th end was the biggest end of the day" not in fd \
        or "18 ends, four woods" not in COMP["Championship Pairs"][1] or "21 shots up, four woods" not in COMP["Championship Singles"][1] \
        or day("2026-09-06").weekday() != 6 or "Finals Day, Sunday 6 September" not in flat("competitions/club-competitions-2026.md"):
    probs.append("the Finals Day cards against the competitions page")
# singles rounds: winners on 21, the draw closes up round by round
rounds = collections.defaultdict(list)
for r in SINGLES:
    w, l = (int(x) for x in r[2].split("-"))
    if w != 21 or l >= 21 or r[1] == r[3]:
        probs.append(f"singles {r}")
    rounds[r[0]].append((r[1], r[3]))
qf_w = {w for w, _ in rounds["Quarter-final"]}
sf_p = {p for g in rounds["Semi-final"] for p in g}
sf_w = {w for w, _ in rounds["Semi-final"]}
fin = rounds["Final"]
if len(rounds["Quarter-final"]) != 4 or sf_p != qf_w or set(fin[0]) != sf_w or SINGLES[-1][2] != COMP["Championship Singles"][5]:
    probs.append("singles rounds do not close up")
for r in SINGLES:
    for who in (r[1], r[3]):
        nm, mid = re.fullmatch(r"(.+) \((KB\d{3})\)", who).groups()
        if mem[mid]["name"] != nm:
            probs.append(f"singles: {who}")
# the handicaps: the page against the members list; starts and scores
def hc(s: str) -> int:
    return 0 if s == "scratch" else int(s.lstrip("+"))


for mid, r in HCP.items():
    if mem[mid]["name"] != r[0] or hc(r[2]) != int(mem[mid]["handicap_2026"]) or not 0 <= hc(r[2]) <= 8:
        probs.append(f"handicap {r}")
names_hc = {r[0]: hc(r[2]) for r in HCP.values()}
hrounds = collections.defaultdict(list)
for r in HCPR:
    wn, ws = re.fullmatch(r"(.+) \((scratch|\+\d)\)", r[1]).groups()
    ln, ls = re.fullmatch(r"(.+) \((scratch|\+\d)\)", r[3]).groups()
    w, l = (int(x) for x in r[2].split("-"))
    if names_hc.get(wn) != hc(ws) or names_hc.get(ln) != hc(ls) or w != 21 or not hc(ls) <= l < 21:
        probs.append(f"handicap game {r}")
    hrounds[r[0]].append((wn, ln))
if len(HCP) != 8 or {p for g in hrounds["Quarter-final"] for p in g} != set(names_hc) \
        or {p for g in hrounds["Semi-final"] for p in g} != {w for w, _ in hrounds["Quarter-final"]} \
        or set(hrounds["Final"][0]) != {w for w, _ in hrounds["Semi-final"]} \
        or f"{HCPR[-1][1].split(' (')[0]} (KB170)" != COMP["Handicap Singles"][3] or HCPR[-1][2] != COMP["Handicap Singles"][5] \
        or "won the handicap singles in 2026" not in mem["KB170"]["notes"] or "won the Askew Salver" not in flat("meetings/2026-10-17-agm.md") \
        or "level at 19 all before Kyle drew the shot on the last two ends" not in flat("competitions/handicap-singles-2026.md") or HCPR[-1][2] != "21-19" \
        or "6-0 up before a wood was bowled" not in flat("competitions/handicap-singles-2026.md") or names_hc["Kyle Dunstan"] != 6 \
        or int(COMP["Handicap Singles"][2].split()[0]) != len(HCP):
    probs.append("the handicap singles against the members and the competitions page")
# entries and the people in each final
players_in = {"Championship Singles": 1, "Championship Pairs": 2, "Triples": 3, "Fours": 4, "Handicap Singles": 1}
entries = sum(int(COMP[k][2].split()[0]) * n for k, n in players_in.items())
for k, n in players_in.items():
    for cell in (COMP[k][3], COMP[k][4]):
        people = re.findall(r"([A-Z][A-Za-z' ]+?|[A-Z][a-z]+ (?:ap|de) [A-Z][a-z]+) \((KB\d{3})(?:, skip)?\)", cell)
        if len(people) != n or any(mem[mid]["name"] != nm.strip().removeprefix("and ").strip() for nm, mid in people):
            probs.append(f"{k}: {cell}")
if "won the club pairs with Rosie Fairclough in 2026" not in mem["KB136"]["notes"] or "won the club triples in 2026" not in mem["KB151"]["notes"] \
        or "KB151" not in COMP["Triples"][3] or "club singles champion 2026, the first woman to win it" not in mem["KB122"]["notes"] \
        or "also won the triples the same afternoon" not in flat("competitions/club-competitions-2026.md") or "KB127, skip" not in COMP["Triples"][3]:
    probs.append("competition winners against the members' notes")
# the honours board: years, joining years, the shared title, the 2026 names
roll = HON["Championship Singles since 2010"]
pairs_roll = HON["Championship Pairs since 2018"]
if [int(r[0]) for r in roll] != list(range(2010, 2027)) or [int(r[0]) for r in pairs_roll] != list(range(2018, 2027)) \
        or roll[-1][1] != "Sunita Varma" or pairs_roll[-1][1] != "Rosie Fairclough and Peter Crabbe" \
        or sum("Brendan McGuigan" in r[1] for r in roll) != 5 or "champion five times, one of them shared" not in mem["KB131"]["notes"] \
        or [r[0] for r in roll if "shared" in r[1]] != ["2012"] or [r[0] for r in roll if "Frank Oyelaran" in r[1]][-2:] != ["2022", "2023"] \
        or "who won it in 2022 and 2023" not in flat("competitions/club-competitions-2026.md") \
        or any("Sunita" in r[1] or r[1] in ("Rosie Fairclough", "Lorna Feeney", "Ayesha Khanom") for r in roll[:-1]) \
        or "Sunita Varma's name to the singles board" not in flat("meetings/2026-10-17-agm.md"):
    probs.append("the honours board against the competitions, the members and the minutes")
for y, who in roll + pairs_roll:
    for nm in re.split(r" and |, ", who.split(" (")[0]):
        if nm in by_name and int(by_name[nm]["joined"]) > int(y):
            probs.append(f"honours {y}: {nm} before joining")

# ---- members, officers and histories
for office, r in OFFICERS.items():
    if r[2] != "-" and (r[2] not in mem or mem[r[2]]["name"] != r[1] or int(mem[r[2]]["joined"]) > int(r[3])):
        probs.append(f"officer {office}: {r}")
    if r[2] == "-" and r[1] in by_name:
        probs.append(f"officer {office}: a member without a number")
since_notes = {"President": "president since", "Secretary": "secretary since", "Treasurer": "treasurer since",
               "Match secretary": "match secretary since", "Competition secretary": "competition secretary since",
               "Head greenkeeper": "head greenkeeper since", "Bar manager": "bar manager since", "Clubhouse bookings": "clubhouse bookings since",
               "Safeguarding officer": "safeguarding officer since", "Coaching co-ordinator": "coaching co-ordinator since", "Almoner": "almoner since"}
for office, phrase in since_notes.items():
    r = OFFICERS[office]
    if f"{phrase} {r[3]}" not in mem[r[2]]["notes"]:
        probs.append(f"{office}: {r[1]}'s notes do not say '{phrase} {r[3]}'")
for rows_ in (CHAIRS, SECS):
    for a, b in zip(rows_, rows_[1:]):
        if a[1] != b[0]:
            probs.append(f"history: {a} then {b}")
    for r in rows_:
        for d_ in r[:2]:
            if d_ and day(d_) != nth_weekday(day(d_).year, 10, 5, 3):
                probs.append(f"history: {d_} is not the third Saturday of October")
for a, b in zip(CAPTAINS, CAPTAINS[1:]):
    if int(a[1]) + 1 != int(b[0]):
        probs.append(f"captains: {a} then {b}")
chair_on = lambda d_: [r[2] for r in CHAIRS if r[0] <= d_ and (not r[1] or d_ < r[1])]
sec_on = lambda d_: [r[2] for r in SECS if r[0] <= d_ and (not r[1] or d_ < r[1])]
capt_in = lambda y: [r[2] for r in CAPTAINS if int(r[0]) <= y and (not r[1] or y <= int(r[1]))]
sub_on = lambda d_: [int(r[2]) for r in SUBS if r[0] <= d_ and (not r[1] or d_ <= r[1])]
gfee_on = lambda d_: [float(r[2]) for r in GFEE if r[0] <= d_ and (not r[1] or d_ <= r[1])]
if chair_on("2026-10-18") != [OFFICERS["Chair"][1]] or sec_on("2026-10-18") != [OFFICERS["Secretary"][1]] \
        or capt_in(2027) != [OFFICERS["Club captain"][1]] or capt_in(2026) != ["Graham Lister"] \
        or CHAIRS[-1][0] != "2026-10-17" or OFFICERS["Chair"][3] != "2026" or OFFICERS["Secretary"][3] != SECS[-1][0][:4] \
        or day("2026-10-17") != nth_weekday(2026, 10, 5, 3) or day("2025-10-18") != nth_weekday(2025, 10, 5, 3) \
        or "of the AGM of 18 October 2025 were approved" not in agm or "stood down as chair after six years" not in agm \
        or int(CHAIRS[-2][1][:4]) - int(CHAIRS[-2][0][:4]) != 6 or "Derek Mallinson took the chair for the last time" not in agm \
        or "Elected: Stuart Nairn, chair; Sunita Varma, club captain for 2027; Frank Oyelaran, vice-captain; Hannelore de Vries, ladies' captain" not in agm \
        or chair_on("2026-03-12") != ["Derek Mallinson"] or "Derek Mallinson (chair), Gethin Price (secretary), Ayesha Khanom (treasurer), Graham Lister (club captain), Sunita Varma (vice-captain)" not in flat("meetings/2026-03-12-committee.md"):
    probs.append("officers against the history and the minutes")
spans = {"KB104": ("chair 1991-2003", CHAIRS), "KB181": ("chair 2020-2026", CHAIRS), "KB149": ("secretary 2009-2021", SECS),
         "KB149c": ("club captain 2008-2011", CAPTAINS), "KB131": ("club captain 2012-2015", CAPTAINS), "KB127": ("club captain 2016-2019", CAPTAINS),
         "KB140": ("club captain 2020-2023", CAPTAINS), "KB118": ("club captain 2024-2026", CAPTAINS)}
for key, (note, tab) in spans.items():
    mid = key[:5]
    y1, y2 = re.search(r"(\d{4})-(\d{4})", note).groups()
    r = [x for x in tab if x[2] == mem[mid]["name"]]
    if note not in mem[mid]["notes"] or len(r) != 1 or (r[0][0][:4], r[0][1][:4]) != (y1, y2):
        probs.append(f"{mid}: {note}")
if "chair since the AGM of 17 October 2026" not in mem["KB140"]["notes"] or "membership secretary since the AGM of 17 October 2026" not in mem["KB181"]["notes"] \
        or "club captain from the 2027 season" not in mem["KB122"]["notes"] or "vice-captain from the 2027 season" not in mem["KB127"]["notes"] \
        or "vice-captain 2024-2026" not in mem["KB122"]["notes"] or "president since 2019; chair 1991-2003" not in mem["KB104"]["notes"] \
        or "president since 2019" not in CHAIRS[1][3] or "agreed the 2026 lease" not in CHAIRS[4][3] or "clubhouse extension of 2015" not in CHAIRS[3][3] \
        or "extended in 2015 with a kitchen" not in flat("clubhouse/clubhouse-hire.md") or "planned for 2015" not in ABOUT["Clubhouse"]:
    probs.append("members' notes against the officers and the history")
# the 2014 page and the 2019 questions against the histories of their day
faq = flat("faq/new-members-2019.md")
if ABOUT["Chairman"] != chair_on("2014-05-10")[0] or ABOUT["Secretary"] != sec_on("2014-05-10")[0] \
        or not ABOUT["Club captain"].startswith(capt_in(2014)[0]) or f"took over from {capt_in(2011)[0]} in {CAPTAINS[1][0]}" not in ABOUT["Club captain"] \
        or ABOUT["Subscription"] != f"GBP {sub_on('2014-05-10')[0]} a year, due on 1 January" \
        or ABOUT["Visitors' green fee"] != f"GBP {gfee_on('2014-05-10')[0]:g} a session" \
        or ABOUT["Rent"] != "GBP 800 a year to the charity, under the lease signed in 2011" \
        or f"The full subscription is GBP {sub_on('2019-03-02')[0]} for the club year, which runs from 1 November" not in faq \
        or f"each visit to the green costs GBP {gfee_on('2019-03-02')[0]:g}" not in faq \
        or f"The secretary, {sec_on('2019-03-02')[0]}, or the club captain, {capt_in(2019)[0]}" not in faq \
        or f"brown or white" not in faq or R16["Footwear"] != "flat-soled bowls shoes, brown or white" \
        or "Whites for matches and club competitions; greys or whites for roll-ups, never jeans" not in faq \
        or (R16["Dress, league matches"], R16["Dress, club competitions"]) != ("whites", "whites") \
        or "from 10:00 until dusk, except on Monday mornings, when it is closed until 13:00" not in faq or R16["Closed for maintenance"] != "Monday mornings until 13:00" \
        or R16["Hours"] != "10:00 to dusk" or "From the last Saturday in April to the last Saturday in September" not in faq \
        or "free for your first season and GBP 10 a season after" not in faq or FEES["Loan woods, a season"] != ("GBP 15", "GBP 15"):
    probs.append("the 2014 page and the 2019 questions against the histories and the 2016 regulations")
# the fee histories back to back and against the fees page and the minutes
for tab in (SUBS, GFEE):
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"fee history: {a} then {b}")
if int(SUBS[3][2]) != math.ceil(int(SUBS[2][2]) * 10 / 12) or (SUBS[3][0], SUBS[3][1]) != ("2017-01-01", "2017-10-31") \
        or FEES["Full playing"] != (f"GBP {SUBS[-1][2]}", f"GBP {SUBS[-2][2]}") or SUBS[-1][0] != "2026-11-01" \
        or "The committee proposed GBP 145 for a full member (from GBP 135)" not in agm or "to make the full subscription GBP 150" not in agm \
        or "lost by 12 votes to 27, with 2 abstaining" not in agm or 12 + 27 + 2 != 41 or "with 41 members present" not in agm \
        or gfee_on("2026-05-31") != [4] or gfee_on("2026-06-01") != [5] or FEES["Visitors' green fee, a session"] != ("GBP 5", "GBP 4, and GBP 5 from 1 June 2026") \
        or "from GBP 4 to GBP 5 a session, from 1 June rather than 1 April" not in flat("meetings/2026-03-12-committee.md") \
        or "GBP 3.50 this season; juniors pay nothing" not in flat("guides/home-match-day.md") or FEES["Match fee, each league match, home or away"][1] != "GBP 3.50":
    probs.append("the fee histories against the fees page, the minutes and the guide")

# ---- equipment, the green page, the maintenance log and the mower news
loc = {}
for sect in ("Mower shed", "Tool store", "Clubhouse porch", "Clubhouse locker", "Junior box", "Gone or missing"):
    for k, v in bullets("green/the-green.md", sect).items():
        for code in re.findall(r"\b[A-Z]{2}-\d\d\b", k + " " + v):
            loc[code] = sect
where = {"mower shed": "Mower shed", "tool store": "Tool store", "clubhouse porch": "Clubhouse porch", "clubhouse locker": "Clubhouse locker",
         "junior box": "Junior box", "": "Gone or missing"}
for e in EQUIP:
    if loc.get(e["id"]) != where[e["location"]]:
        probs.append(f"{e['id']}: {e['location']!r} against the green page {loc.get(e['id'])}")
    if e["item"].startswith("loan woods") != bool(e["size"] and e["weight"] and e["bias"]):
        probs.append(f"{e['id']}: size, weight and bias only for woods")
cnt = bullets("green/the-green.md", "Counts")
gone = [e["id"] for e in EQUIP if e["condition"] in ("out of service", "written off", "missing")]
fair = [e["id"] for e in EQUIP if e["condition"] == "fair"]
if int(cnt["Items on the equipment list"]) != len(EQUIP) or int(cnt["In use"]) != len(EQUIP) - len(gone) \
        or cnt["Out of service, written off or missing"] != f"{len(gone)} ({', '.join(gone[:-1])} and {gone[-1]})" \
        or cnt["In fair condition"] != f"{len(fair)} ({', '.join(fair[:-1])} and {fair[-1]})" or len(loc) != len(EQUIP):
    probs.append("the green page's counts")
mow = flat("news/2026-05-new-greens-mower.md")
if not eq["MW-01"]["make_model"].startswith(MOWER["Make and model"][0]) or not eq["MW-02"]["make_model"].startswith(MOWER["Make and model"][1]) \
        or MOWER["Cost"] != (f"GBP {int(eq['MW-01']['cost_gbp']):,}", f"GBP {int(eq['MW-02']['cost_gbp']):,}") \
        or MOWER["Bought"] != (eq["MW-01"]["bought"], eq["MW-02"]["bought"]) \
        or f"{MOWER['Blades on the cylinder'][0]} blades" not in eq["MW-01"]["make_model"] or f"{MOWER['Blades on the cylinder'][1]} blades" not in eq["MW-02"]["make_model"] \
        or MOWER["Cutting width"][0].split()[0] + "-inch" not in eq["MW-01"]["make_model"] or MOWER["Cutting width"][1] not in eq["MW-02"]["make_model"] \
        or 2500 + 1880 != int(eq["MW-02"]["cost_gbp"]) or "GBP 2,500 came from the Cardenshire Sports Trust" not in mow \
        or "GBP 2,500 of its cost came from the Cardenshire Sports Trust" not in eq["MW-02"]["notes"] \
        or day("2026-05-07").strftime("%A") != "Thursday" or "Thursday 7 May 2026" not in eq["MW-01"]["notes"] or "Thursday 7 May" not in mow \
        or day("2026-05-15").strftime("%A") != "Friday" or "Friday 15 May 2026" not in eq["MW-02"]["notes"] or eq["MW-02"]["last_serviced"] != "2026-05-15" \
        or fx["L26-05"]["date"] != "2026-05-16" or "arrived the day before" not in fx["L26-05"]["text"] or "match with Corvey Abbey the next day" not in mow \
        or day("2026-03-02") + datetime.timedelta(weeks=7) != day("2026-04-20") or "came on 20 April, seven weeks to the day after the bid went in" not in mow \
        or "went in on 2 March" not in flat("meetings/2026-03-12-committee.md") or "about GBP 4,400" not in flat("meetings/2026-03-12-committee.md") \
        or abs(int(eq["MW-02"]["cost_gbp"]) - 4400) > 100 or 2026 - int(eq["MW-01"]["bought"]) != 18 or "MW-01 is eighteen years old" not in flat("meetings/2026-03-12-committee.md") \
        or int(eq["RM-02"]["cost_gbp"]) > 200 or "up to GBP 200 on a new set" not in flat("meetings/2026-03-12-committee.md") \
        or 2026 - int(eq["SF-01"]["bought"]) != 14 or "SF-01, which is fourteen years old" not in agm or "started a fund to replace it" not in eq["SF-01"]["notes"] \
        or "The old Calderwood" not in mow or not MOWER["Make and model"][0].startswith("Calderwood"):
    probs.append("the mowers against the news, the minutes and the equipment")
# the maintenance log: weekdays, closures on Friday mornings in season, rinks turned on first Fridays
turns = []
for r in MAINT:
    d_ = day(r[0])
    if d_.strftime("%a") != r[1]:
        probs.append(f"maintenance {r[0]}: {r[1]}")
    in_season = OPEN <= d_ <= CLOSE
    if (r[5] == "winter") == in_season or (r[5] == "until 13:00" and (d_.weekday() != 4 or not in_season)) or r[5] not in ("winter", "until 13:00", "no"):
        probs.append(f"maintenance {r[0]}: closure {r[5]!r}")
    kit = [] if r[3] == "-" else r[3].split(", ")
    for k in kit:
        if k not in eq:
            probs.append(f"maintenance {r[0]}: {k} not on the equipment list")
    if "MW-01" in kit and r[0] > "2026-05-07" or "MW-02" in kit and r[0] < "2026-05-15" or "RM-02" in kit and r[0] < "2026-04-13" or "RM-01" in kit:
        probs.append(f"maintenance {r[0]}: {kit} on that date")
    m_ = re.search(r"rinks turned (north-south|east-west)", r[2])
    if m_:
        turns.append(r[0])
        if d_ != nth_weekday(2026, d_.month, 4, 1) or m_.group(1) != ("north-south" if d_.month % 2 else "east-west") or "RM-02" not in kit:
            probs.append(f"maintenance {r[0]}: rinks turned wrongly")
first_fridays = [nth_weekday(2026, m, 4, 1).isoformat() for m in range(5, 10)]
if turns != first_fridays or [r[0] for r in MAINT if "MW-01" in r[3]][-1] != "2026-05-07" \
        or [r[0] for r in MAINT if "MW-02" in r[3]][0] != "2026-05-15" or [r[0] for r in MAINT if "the gearbox failed" in r[2]] != ["2026-05-07"] \
        or [r[0] for r in MAINT if "set out east-west; the old set thrown away" in r[2]] != ["2026-04-13"] or "thrown away on 13 April 2026" not in eq["RM-01"]["notes"] \
        or day("2026-04-13").month % 2 or "bought in April 2026" not in eq["RM-02"]["notes"] \
        or OPEN != nth_weekday(2026, 4, 5, 3) or CLOSE != nth_weekday(2026, 9, 5, -1) \
        or R26["Season"][1] != "third Saturday in April to last Saturday in September" or "Opening day is Saturday 18 April, the third Saturday" not in flat("meetings/2026-03-12-committee.md") \
        or R26["Closed for maintenance"] != ("Monday mornings until 13:00", "Friday mornings until 13:00") \
        or "Friday morning until 13:00, under the 2026 regulations" not in flat("green/maintenance-log-2026.md") \
        or "rinks are turned on the first Friday of each month while the green is open" not in flat("green/the-green.md") \
        or "Play runs north-south in odd-numbered months and east-west in even-numbered ones" not in flat("green/the-green.md") \
        or "used for a week, until MW-02 came" not in flat("green/maintenance-log-2026.md") or day("2026-05-15") - day("2026-05-08") != datetime.timedelta(days=7) \
        or "Dunmere Institute lent us their spare for a week" not in mow:
    probs.append("the maintenance log against the regulations, the equipment and the news")

# ---- coaching sessions: hours, coaches, awards, safeguarding, ratios, the paid coach, the woods
LEVEL = {"instructor": 0, "Level 1": 1, "Level 2": 2, "Level 3": 3}
for code, r in COACHES.items():
    if r[2] != "-" and (mem[r[2]]["name"] != r[1] or f"({code})" not in mem[r[2]]["notes"]):
        probs.append(f"coach {code}: {r}")
    if r[2] == "-" and r[1] in by_name:
        probs.append(f"coach {code}: a member without a number")
rate_on = lambda d_: 22 if d_ < "2026-04-01" else 25
missing_from = "2026-07-11"
for s in SESS:
    cs = s["coaches"].split(";")
    woods = s["woods_lent"].split(";") if s["woods_lent"] else []
    if hours(s["start"], s["end"]) != float(s["hours"]) or any(c not in COACHES for c in cs):
        probs.append(f"{s['id']}: hours or coaches")
    paid = float(s["hours"]) * rate_on(s["date"]) if "CO5" in cs and s["status"] == "held" else 0
    if float(s["coach_cost_gbp"]) != paid:
        probs.append(f"{s['id']}: coach's cost {s['coach_cost_gbp']}, should be {paid}")
    if s["status"] == "cancelled":
        if int(s["attendees"]) or int(s["fees_taken_gbp"]) or woods:
            probs.append(f"{s['id']}: a cancelled session with attendees, fees or woods")
        continue
    if s["group"] == "juniors":
        ratio = 8 if s["date"] < "2026-04-01" else 6
        if int(s["staff"]) < math.ceil(int(s["attendees"]) / ratio) or LEVEL[COACHES[cs[0]][3]] < 1:
            probs.append(f"{s['id']}: ratio or lead coach")
        for c in cs:
            if COACHES[c][4] < s["date"][:7]:
                probs.append(f"{s['id']}: {c}'s safeguarding check had run out")
        if int(s["fees_taken_gbp"]) % 2 or int(s["fees_taken_gbp"]) > 2 * int(s["attendees"]):
            probs.append(f"{s['id']}: junior fees")
    elif int(s["fees_taken_gbp"]) % 5 or int(s["fees_taken_gbp"]) > 5 * int(s["attendees"]):
        probs.append(f"{s['id']}: adult fees")
    if int(s["staff"]) < len(cs):
        probs.append(f"{s['id']}: fewer staff than coaches")
    for w in woods:
        if w not in eq or not eq[w]["item"].startswith("loan woods") or (w == "WD-06" and s["date"] > missing_from):
            probs.append(f"{s['id']}: woods {w}")
if [s["id"] for s in SESS if "WD-06" in s["woods_lent"]][-1] != "co26-10" or ss["co26-10"]["date"] != missing_from \
        or "not seen since the ladies' improvers session of 11 July 2026" not in eq["WD-06"]["notes"] or ss["co26-10"]["group"] != "ladies' improvers" \
        or "The loan set WD-06 is still missing" not in agm or "missing since July 2026" not in bullets("green/the-green.md", "Gone or missing")["WD-06"] \
        or COACHES["CO2"][4] != "2026-08" or "CO2 stood down" not in ss["co26-13"]["notes"] or any("CO2" in s["coaches"] for s in SESS if s["date"] > "2026-08-31") \
        or "Brendan McGuigan's safeguarding check runs out at the end of August" not in flat("meetings/2026-03-12-committee.md") \
        or "from GBP 22 to GBP 25 an hour from 1 April" not in flat("meetings/2026-03-12-committee.md") \
        or "GBP 22 an hour up to 31 March 2026 and GBP 25 from 1 April 2026" not in flat("people/coaches.md") \
        or R26["Juniors"] != ("under 14: one adult on the green for every 8", "under 18: one adult for every 6, and a session led by a coach of Level 1 or above") \
        or R16["Juniors under 14"] != "one adult on the green for every 8 juniors" \
        or ss["co26-05"]["date"] != "2026-04-25" or "after the beginners' course that started on 25 April" not in mem["KB188"]["notes"] or mem["KB188"]["joined"] != "2026" \
        or ss["co26-14"]["fees_taken_gbp"] != str(12 * int(FEES["Coaching session, adult non-members"][1].split()[1])) \
        or "GBP 5 for each of the 12 non-members" not in ss["co26-14"]["notes"] or "GBP 5 a head" not in ss["co26-02"]["notes"] \
        or FEES["Junior coaching session, non-members"] != ("GBP 2", "GBP 2") or ss["co26-04"]["date"] != OPEN.isoformat() \
        or max(int(s["attendees"]) for s in SESS if s["group"] == "juniors") != int(ss["co26-09"]["attendees"]) or "the biggest junior turnout of the year" not in ss["co26-09"]["notes"]:
    probs.append("the sessions against the coaches, the regulations, the equipment and the minutes")

# ---- clubhouse hires: hours, rates by band and date, cancellations, deposits, members
for h in HIRE:
    space = {"lounge": "Lounge", "whole clubhouse": "Whole clubhouse", "bowls party": "Bowls party"}[h["space"]]
    if hours(h["start"], h["end"]) != float(h["hours"]):
        probs.append(f"{h['id']}: hours")
    if h["band"] == "charity":
        rate = 0
        if h["hirer"] != "Pennock Almshouse Charity" or "two uses a year under the 2026 lease" not in h["notes"] or h["date"] < "2026-04-01":
            probs.append(f"{h['id']}: a free hire that is not the charity's")
    else:
        rate = RATES[(space, h["band"])][0 if h["date"] < "2026-04-01" else 1]
    cost = float(h["hours"]) * rate / (2 if "cancelled" in h["notes"] else 1)
    if int(h["rate_gbp"]) != rate or float(h["cost_gbp"]) != cost:
        probs.append(f"{h['id']}: rate {h['rate_gbp']} cost {h['cost_gbp']}, the page gives {rate} and {cost}")
    if int(h["deposit_gbp"]) != (50 if h["band"] == "others" and space in ("Whole clubhouse", "Bowls party") else 0):
        probs.append(f"{h['id']}: deposit")
    if (h["band"] == "members") != bool(h["member"]) or (h["member"] and mem[h["member"]]["name"] != h["hirer"]):
        probs.append(f"{h['id']}: member")
    if "cancelled" in h["notes"]:
        m_ = re.search(r"cancelled on (\d+) September, (\w+) days before", h["notes"])
        if not m_ or (day(h["date"]) - datetime.date(2026, 9, int(m_.group(1)))).days >= 14 \
                or {"eight": 8}[m_.group(2)] != (day(h["date"]) - datetime.date(2026, 9, int(m_.group(1)))).days:
            probs.append(f"{h['id']}: cancellation")
if sum(h["band"] == "charity" for h in HIRE) > 2 or "the clubhouse free twice a year" not in L26["The charity's own use"][1] \
        or "no amplified music after 23:00" not in L26["Clubhouse lettings"][1] or "music off at 23:00 as the lease requires" not in hr["ch26-09"]["notes"] \
        or "Cancelling: free with 14 days' notice or more; half the cost with less" not in flat("clubhouse/clubhouse-hire.md") \
        or RATES[("Whole clubhouse", "members")] != (18, 20) or "goes from GBP 18 to GBP 20 an hour" not in flat("meetings/2026-03-12-committee.md") \
        or "Marcus Bell showed them the way" not in hr["ch26-05"]["notes"] or hr["ch26-12"]["paid"] != "N" \
        or "10:00 to 12:00 kept for almshouse residents" not in R26["Monday mornings"][1] \
        or "may also bowl free on Monday mornings, 10:00 to 12:00" not in L26["Almshouse residents"][1]:
    probs.append("the hire log against the hire page, the lease and the minutes")

# ---- the two leases, against each other, the minutes, the regulations and the accounts
rent11 = re.findall(r"From 1 January (\d{4}): GBP ([\d,]+) a year", page("green/green-lease-2011.md"))
if [int(y) for y, _ in rent11] != [2011, 2016, 2021] or L11["Length"] != "15 years, from 1 January 2011 to 31 December 2025" \
        or not L26["Length"][0].startswith("15 years, 1 January 2011 to 31 December 2025 (held over to 31 March 2026)") \
        or L26["Length"][1] != "21 years, 1 April 2026 to 31 March 2047" or int(L26["Length"][1][-4:]) - 2026 != 21 \
        or L26["Rent"][0] != f"GBP {rent11[0][1]} a year, reviewed every five years (GBP {rent11[-1][1]} by 2021)" \
        or f"held over at GBP {rent11[-1][1]} a year" not in flat("green/green-lease-2011.md") \
        or "held over since 1 January at GBP 1,100" not in flat("meetings/2026-03-12-committee.md") \
        or not L26["Rent"][1].startswith("GBP 1,650 a year") or "21 years from 1 April at GBP 1,650 a year" not in flat("meetings/2026-03-12-committee.md") \
        or L11["Insurance"] != L26["Insurance"][0] or L26["Insurance"][1] != "GBP 5 million public liability" \
        or "kept by the charity" != L26["Wall and hedge"][0] or "the charity keeps the boundary wall and the hedge" not in L11["Upkeep"] \
        or "the charity pays GBP 300 a year towards the hedge, each September" not in L26["Wall and hedge"][1] \
        or day("2026-03-06").strftime("%A") != "Friday" or "Signed on Friday 6 March 2026" not in flat("green/green-lease-2026.md") \
        or "on Friday 6 March" not in flat("meetings/2026-03-12-committee.md") or "held over for three months" not in flat("green/green-lease-2026.md") \
        or "Derek Mallinson and Ayesha Khanom for the club's trustees" not in flat("green/green-lease-2026.md") \
        or chair_on("2026-03-06") != ["Derek Mallinson"] or OFFICERS["Treasurer"][1] != "Ayesha Khanom" \
        or "either side, on six months' notice" != L11["Ending it"] or not L26["Ending it"][1].startswith("the club on twelve months' notice from 1 April 2033") \
        or "the review of 1 April 2033" not in L26["Rent"][1] or 2033 - 2026 != 7:
    probs.append("the two leases against each other and the minutes")

# ---- the accounts: every line, from the fees, the log, the sessions, the hires and the leases
acc = page("notes/2026-10-accounts-2025-26.txt").split("\nNotes\n")[0]
lines = {k.strip(): (num(v), x) for k, v, x in re.findall(r"^(?:  )?([A-Z][^\n]*?)\s+GBP\s+([\d,]+)(?:\s+\(([^)]*)\))?", acc, re.M)}
for k, (v, x) in lines.items():
    m_ = re.fullmatch(r"(\d+)(?: teams| rink-hours| playing members)? x ([\d.]+)", x or "")
    if m_ and int(m_.group(1)) * float(m_.group(2)) != v:
        probs.append(f"accounts {k}: {x} is not {v}")
counts = {k: int(v) for k, v in re.findall(r"^  (Full playing|Senior|Midweek|Junior|Social|Life)\s+(\d+)", acc, re.M)}
cat_fee = {"Full playing": "Full playing", "Senior": "Senior", "Midweek": "Midweek", "Junior": "Junior (under 18)", "Social": "Social (non-playing)"}
cat_csv = {"Full playing": "full", "Senior": "senior", "Midweek": "midweek", "Junior": "junior", "Social": "social", "Life": "life"}
for label, fee_key in cat_fee.items():
    key = "Subscriptions, " + label.lower()
    if lines[key][1] != f"{counts[label]} x {FEES[fee_key][1].split()[1]}":
        probs.append(f"accounts {key}: {lines[key][1]}")
for label, c in cat_csv.items():
    if sum(m["category"] == c and m["paid_2025_26"] == "Y" for m in MEMBERS) > counts[label]:
        probs.append(f"accounts: more {c} members on the list than paid")
names_ = list(lines)
income = [v for k, (v, _) in lines.items() if names_.index(k) < names_.index("Total income")]
costs = [v for k, (v, _) in lines.items() if names_.index("Total income") < names_.index(k) < names_.index("Total costs")]
held = [s for s in SESS if s["status"] == "held"]
sa_fees = sum(mem[p]["category"] != "junior" for f in league_sa for p in f["players"])
hire_log = sum(float(h["cost_gbp"]) for h in HIRE if "2025-10-01" <= h["date"] <= "2026-09-30" and h["paid"] == "Y")
rink_hours = sum(float(s["hours"]) * int(s["rinks"]) for s in held if s["venue"] == "Kelder Valley Indoor Bowls Centre")
rent = 1100 * 6 / 12 + 1650 * 6 / 12
if sum(income) != lines["Total income"][0] or sum(costs) != lines["Total costs"][0] \
        or lines["Total income"][0] - lines["Total costs"][0] != lines["Surplus for the year"][0] \
        or sum(counts.values()) != int(re.search(r"^  Total\s+(\d+)$", acc, re.M).group(1)) \
        or lines["Visitors' green fees, to 31 May"][1] != f"96 x {gfee_on('2026-05-31')[0]:g}" or lines["Visitors' green fees, from 1 June"][1] != f"212 x {gfee_on('2026-06-01')[0]:g}" \
        or lines["Match fees, A team league"][1] != f"{sa_fees} x 3.50" or sa_fees != 118 \
        or lines["Competition entries"][1] != f"{entries} x 3" or FEES["Competition entry, each player, each event"][1] != "GBP 3" \
        or "Entry was GBP 3 a player for each event" not in flat("competitions/club-competitions-2026.md") \
        or hire_log != 862 or lines["Clubhouse hire and bowls parties"][0] != 862 + 188 \
        or "862 from the 2026 log, ch26-01 to ch26-10" not in lines["Clubhouse hire and bowls parties"][1] \
        or [h["id"] for h in HIRE if "2025-10-01" <= h["date"] <= "2026-09-30"] != [f"ch26-{n:02d}" for n in range(1, 11)] \
        or lines["Coaching fees"][0] != sum(int(s["fees_taken_gbp"]) for s in held) \
        or lines["Paid coach, Isobel Garside"][0] != sum(float(s["coach_cost_gbp"]) for s in SESS) \
        or lines["Indoor rinks, Kelder Valley centre"][1] != f"{rink_hours:g} rink-hours x 14" \
        or lines["Loan woods, season hire"][1] != f"6 x {FEES['Loan woods, a season'][1].split()[1]}" \
        or lines["Greens mower MW-02"][0] != int(eq["MW-02"]["cost_gbp"]) or lines["Rink markers RM-02"][0] != int(eq["RM-02"]["cost_gbp"]) \
        or lines["Cardenshire Sports Trust grant"][0] != 2500 or lines["Almshouse charity, hedge"][0] != 300 \
        or lines["Rent, Pennock Almshouse Charity"][0] != rent or "550 to 31 March at GBP 1,100 a year, 825 from 1 April at GBP 1,650 a year" not in lines["Rent, Pennock Almshouse Charity"][1] \
        or "GBP 5 million public liability" not in lines["Insurance"][1] \
        or lines["League fees, CCBL"][1] != f"{sum(t['league'] == 'Cardenshire County Bowls League' for t in TEAMS)} teams x 60" \
        or lines["County affiliation"][1] != f"{sum(counts[k] for k in ('Full playing', 'Senior', 'Midweek', 'Junior'))} playing members x 3" \
        or f"income GBP {lines['Total income'][0]:,.0f}" not in agm or f"costs GBP {lines['Total costs'][0]:,.0f}" not in agm \
        or f"a surplus of GBP {lines['Surplus for the year'][0]:,.0f}" not in agm or "GBP 2,500 was the Sports Trust's grant" not in agm \
        or "GBP 1,000 of the surplus into a fund to replace the scarifier" not in agm or "GBP 1,000 of the surplus into a fund to replace the scarifier" not in flat("notes/2026-10-accounts-2025-26.txt") \
        or "examined by Harriet Lowe" not in agm or "examined by Harriet Lowe" not in flat("notes/2026-10-accounts-2025-26.txt") \
        or FEES["Match fee, each league match, home or away"][1] != "GBP 3.50" or FEES["Senior"][1] != "GBP 105" or FEES["Midweek"][1] != "GBP 90" \
        or "about ninety members" not in flat("about.md") or any(f["points"] is not None for f in SA if f["competition"].startswith("Harcourt")):
    probs.append("the accounts against the fees, the log, the sessions, the hires, the lease and the AGM")

# ---- the thunderstorm note against the match record, the league rules and the logs
note = page("notes/2026-07-thunderstorm-dunmere.txt")
fnote = " ".join(note.split())
times = re.findall(r"^  (\d\d:\d\d)  ", note, re.M)
note_rinks = re.findall(r"Match rink (\d) \(skip (KB\d{3})\)\s+(\d+)-(\d+)", note)
f15 = fx["L26-15"]
if times != sorted(times) or len(times) != 7 or plus(times[2], 30) != times[3] or times[1] != "14:00" or plus(times[0], 15) != times[1] \
        or [(int(a), int(b)) for _, _, a, b in note_rinks] != f15["_scores"] or [s_ for _, s_, _, _ in note_rinks] != f15["skips"] \
        or f"Total                       {f15['shots_for']}-{f15['shots_against']}" not in note or f15["ends_played"] != 16 \
        or "Match rinks 1 and 3 had finished 16 ends; match rink 2 had finished 17" not in fnote or "Dunmere scored three on rink 2's 17th end" not in fnote \
        or "at least 14 ends have been completed on every rink" not in flat_ccbl.replace("if every rink has completed at least 14 ends", "at least 14 ends have been completed on every rink") \
        or "8 points to 2" not in fnote or f15["points"] != 8 or day("2026-07-21").strftime("%A") != "Tuesday" or "Tuesday 21 July" not in fnote \
        or "the 12th end had finished on every rink" not in fnote or day("2026-07-18").month % 2 != 1 or "play running north-south" not in fnote \
        or [r[0] for r in MAINT if "storm of 18 July" in r[2]] != ["2026-07-20"] or "Monday 20 July" not in fnote or day("2026-07-20").weekday() != 0 \
        or "players leave the green at the first thunder or lightning and may go back 30 minutes after the last" not in flat_ccbl \
        or "red flag on the mower shed" not in fnote or "closed whenever the red flag flies on the mower shed" not in R26["Bad weather"][1] \
        or "See the captain's note of 19 July" not in f15["text"] or "Written by Graham Lister, club captain, Sunday 19 July 2026" not in fnote \
        or "Trial ends, one each way" not in fnote or "two trial ends, one each way" not in flat_ccbl or "start at 13:45 for a 14:00 start" not in flat("guides/home-match-day.md") \
        or "stopped by thunder after 16 ends and stands as played" not in flat("leagues/tables-2026.html") \
        or ss["co26-11"]["status"] != "cancelled" or "thunderstorm warning" not in ss["co26-11"]["notes"]:
    probs.append("the thunderstorm note against the record, the league rules and the logs")

# metadata and cells the comparisons use
tab = {r[1]: int(r[0]) for body in LT.values() for r in body}
cmp_facts = [
    int(mem["KB136"]["joined"]) < int(mem["KB139"]["joined"]),
    int(eq["WD-04"]["size"]) > int(eq["WD-03"]["size"]),
    tab["Dunmere Institute"] < tab["Corvey Abbey"],
    float(hr["ch26-11"]["cost_gbp"]) > float(hr["ch26-05"]["cost_gbp"]),
    int(eq["HT-01"]["cost_gbp"]) > int(eq["SF-01"]["cost_gbp"]),
    int(mem["KB145"]["joined"]) < int(mem["KB166"]["joined"]),
    int(eq["MW-02"]["cost_gbp"]) > int(eq["MW-01"]["cost_gbp"]),
    fx["L26-05"]["shots_for"] > fx["L26-17"]["shots_for"],
    tab["Holm Cross"] < tab["Ivel Bridge"],
    int(ss["co26-06"]["attendees"]) > int(ss["co26-07"]["attendees"]),
    float(hr["ch26-02"]["hours"]) > float(hr["ch26-12"]["hours"]),
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
