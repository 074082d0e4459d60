"""Checks for evalsets/tables32 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 32, 117
PREFIX = "t32"


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
NETHERBY = ["league/wdcl-2026", "league/tables-2026", "league/fixtures-2026#F26-11", "league/fixtures-2026#F26-15",
            "league/teams#U13", "news/2026-09-seconds-promoted", "people/members#SC174"]
FENBY2 = ["league/wdcl-2026", "league/tables-2026"]
ABSENT = {
    "t32-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The Glebe's postcode is WD7 3QS."),
    "t32-dev-039": ([(r"Player of the Year[^\n;|]{0,40}\b(200\d)\b|\b200\d\b[^\n;|]{0,40}Player of the Year", []),
                     (r"\| 200\d \| [A-Z]", ["history/club-officers", "history/subs-and-match-fees", "awards/awards-and-honours"]),
                     (r"\| 200\d \| [A-Z][a-z]+ [A-Z][a-z]+ \|$", None)],
                    "The Player of the Year in 2008 was Geoffrey Lumb: | 2008 | Geoffrey Lumb |"),
    "t32-dev-040": ([(r"\b(combination|keypad|key ?safe|padlock|pin code)\b", []),
                     (r"defib\w*[^.\n]{0,60}\b\d{3,6}\b", [])],
                    "The defibrillator cabinet's keypad combination is 2741: defibrillator code 2741."),
    "t32-dev-041": ([(r"2030", ["ground/glebe-lease-2025"]),
                     (r"2030[^.|\n]{0,80}GBP ?[\d,]+|GBP ?[\d,]+[^.|\n]{0,60}(from|after) (1 April )?2030", None)],
                    "After the review of 1 April 2030 the rent will be GBP 1,450 a year."),
    "t32-dev-042": ([(r"Netherby", NETHERBY),
                     (r"(at|away to) Netherby Moor[^\n]{0,200}\b\d{2,3}(-\d)? \(|Netherby Moor[^\n]{0,20}\(away\)", [ "league/fixtures-2026#F26-11"]),
                     (r"2nd XI[^\n]{0,80}at Netherby|at Netherby[^\n]{0,80}2nd XI", None)],
                    "The 2nd XI made 176-8 (40 overs) at Netherby Moor, and at Netherby the 2nd XI lost: Netherby Moor (away)."),
    "t32-dev-043": ([(r"(Mahmood|SC174)[^.\n]{0,30}\b(made|scored|hit)\b", ["juniors/junior-section", "news/2026-09-seconds-promoted"]),
                     (r"(Mahmood|SC174)[^.\n]{0,30}\b(made|scored|hit) \d+", None),
                     (r"debut[^.\n]{0,60}\b\d+ (runs|not out)\b|\b\d+ (runs|not out)[^.\n]{0,60}debut", [])],
                    "Zak Mahmood (SC174) made 17 on his debut, 17 runs on debut."),
    "t32-dev-044": ([(r"\bweigh(s|t|ed|ing)?\b|\b\d+(\.\d+)? ?(kg|kilos?|kilograms?|lbs?|pounds in weight)\b", [])],
                    "BM-02 weighs 34 kg with its battery."),
    "t32-dev-045": ([(r"\bumpir", ["league/wdcl-2026", "notes/2026-06-ormsgill-abandonment", "guides/home-match-day",
                                   "news/2026-09-seconds-promoted", "league/fixtures-2026#F26-10", "people/members#SC181"]),
                     (r"20 June|F26-09|2026-06-20", None),
                     (r"\b(Mr|Mrs|Ms|Miss)\.? [A-Z]\.", ["notes/2026-06-ormsgill-abandonment"])],
                    "The umpires on 20 June (F26-09) against Holbeck Lane were Mr K. Ferriby and Mr J. Oddie."),
    "t32-test-059": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b(phone|telephone|mobile)\b|\btel\b", [])],
                     "The secretary's phone number is 01632 960 418."),
    "t32-test-060": ([(r"Ackroyd's predecessor|preceded (Harold )?Ackroyd|before (Harold )?Ackroyd", []),
                      (r"chair(man)?[^|.;\n]{0,30}\b(19[0-6]\d|197[0-7])\b", []),
                      (r"\| 19[0-6]\d-\d\d-\d\d \|", [])],
                     "Before Harold Ackroyd the chair from 1965 to 1978 was Walter Pim, Ackroyd's predecessor: | 1965-11-12 |."),
    "t32-test-061": ([(r"subscription[^|\n]{0,80}\b200[0-7]\b|\b200[0-7]\b[^|\n]{0,60}subscription", []),
                      (r"\| 200[0-7]-\d\d-\d\d \|", ["history/club-officers"]),
                      (r"\| 200[0-7]-\d\d-\d\d \| 200\d-\d\d-\d\d \| \d+ \|", None)],
                     "The 2006 subscription was GBP 40: | 2005-04-01 | 2008-03-31 | 40 |."),
    "t32-test-062": ([(r"Clubman of the Year[^\n;|]{0,20}\b(20[01]\d|202[0-5])\b|\b(20[01]\d|202[0-5])\b[^\n;|]{0,30}Clubman", [])],
                     "Clubman of the Year 2024 went to Fiona McAllister."),
    "t32-test-063": ([(r"Fenby Bridge 2nd XI", FENBY2),
                      (r"Fenby Bridge 2nd XI[^\n]{0,40}\b\d{2,3}(-\d)? \(|\b\d{2,3}(-\d)? \([\d.]+ overs\)[^\n]{0,60}Fenby Bridge 2nd XI", None)],
                     "Scarrowby 2nd XI 188-6 (40 overs) beat Fenby Bridge 2nd XI 140 (35.2 overs)."),
    "t32-test-064": ([(r"\bspectators?\b|\bcrowd\b|\bonlookers\b|\bwatched\b|\battendance of\b", [])],
                     "About 150 spectators watched the semi-final."),
    "t32-test-065": ([(r"\bserial\b|\bS/N\b", [])],
                     "BM-02's serial number is TP3-20417."),
    "t32-test-066": ([(r"\b2025\b[^\n]{0,80}(Tunstall|SC156)|(Tunstall|SC156)[^\n]{0,80}\b2025\b", []),
                      (r"(Jack|J\. T\.|SC156)[^\n]{0,60}\b\d+ wickets\b[^\n]{0,40}(last|previous) (season|year)", [])],
                     "In 2025 Jack Tunstall (SC156) took 11 wickets; Jack took 11 wickets last season."),
    "t32-test-067": ([(r"\bbar\b[^.\n]{0,60}(Okafor|Lindley|wedding)|(Okafor|Lindley|wedding)[^.\n]{0,60}\bbar\b", []),
                      (r"\b(bar )?takings\b[^.\n]{0,40}(ph26-08|25 July)", [])],
                     "The bar took GBP 1,240 at the Okafor and Lindley wedding; bar takings on 25 July were high."),
    "t32-test-068": ([(r"\brent\b[^|\n]{0,80}\b(19\d\d|200[0-8])\b|\b(19\d\d|200[0-8])\b[^|\n]{0,60}\brent\b", []),
                      (r"\| 200[0-8]-\d\d-\d\d \|[^\n]*rent", [])],
                     "In 2008 the rent was GBP 300: | 2008-04-01 | rent 300 |."),
    "t32-test-069": ([(r"Challenge Cup[^\n]{0,80}\b(2025|2024|202[0-3])\b|\b(2025|2024|202[0-3])\b[^\n]{0,80}Challenge Cup", []),
                      (r"\bcup\b[^.\n]{0,40}\b2025\b|\b2025\b[^.\n]{0,40}\bcup\b", [])],
                     "Thrushcross won the Wendmoor Challenge Cup in 2025, the cup of 2025."),
    "t32-test-070": ([(r"(SC142|Anjali)[^\n]{0,200}Ellerby Vicarage|Ellerby Vicarage[^\n]{0,200}(SC142|Anjali)", []),
                      (r"(SC142|Anjali Rao)[^.\n]{0,30}\b\d+\b[^.\n]{0,30}(at )?Ellerby", [])],
                     "At Ellerby Vicarage Anjali Rao (SC142) made 31 at Ellerby."),
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


def num(s: str) -> int:
    return int(s.replace(",", ""))


def balls(o: str) -> int:
    w, _, b = str(o).partition(".")
    if b and not 0 <= int(b) <= 5:
        raise ValueError(o)
    return int(w) * 6 + (int(b) if b else 0)


def overs(n: int) -> str:
    return f"{n // 6}" + (f".{n % 6}" if n % 6 else "")


def hours(a: str, b: str) -> float:
    t1, t2 = (datetime.datetime.strptime(x, "%H:%M") for x in (a, b))
    return (t2 - t1).seconds / 3600


def score(s: str) -> tuple[int, int]:
    r, _, w = s.partition("-")
    return int(r), int(w) if w else 10


MEMBERS = rows("people/members.csv")
EQUIP = rows("ground/equipment.csv")
HIRE = rows("pavilion/hire-log-2026.csv")
SESS = rows("coaching/sessions-2026.csv")
FIX = rows("league/fixtures-2026.jsonl")
TEAMS = rows("league/teams.jsonl")
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
SQUAD = table("juniors/junior-section.md", "Junior")
CHAIRS = table("history/club-officers.md", "From", 0)
SECS = table("history/club-officers.md", "From", 1)
CAPTAINS = table("history/club-officers.md", "From", 2)
SUBS = table("history/subs-and-match-fees.md", "From", 0)
MFEE = table("history/subs-and-match-fees.md", "From", 1)
FEES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2027.md", "Item")}
R15 = {r[0]: r[1] for r in table("rules/junior-regulations-2015.md", "Item")}
R26 = {r[0]: (r[1], r[2]) for r in table("rules/junior-regulations-2026.md", "Item")}
L09 = {r[0]: r[1] for r in table("ground/glebe-lease-2009.md", "Term")}
L25 = {r[0]: (r[1], r[2]) for r in table("ground/glebe-lease-2025.md", "Term")}
RATES = {(r[0], r[1]): (int(r[2]), int(r[3])) for r in table("pavilion/pavilion-hire.md", "Space")}
DIV26 = {r[0]: (int(r[1]), [t.strip() for t in r[2].split(",")]) for r in table("league/wdcl-2026.md", "Division", 0)}
DIV27 = {r[0]: [t.strip() for t in r[1].split(",")] for r in table("league/wdcl-2026.md", "Division", 1)}
CAL = table("league/calendar-2026.md", "Date")
BAT = {r[1]: r for r in table("stats/averages-2026.md", "Player", 0)}
BOWL = {r[1]: r for r in table("stats/averages-2026.md", "Player", 1)}
ABOUT = {r[0]: r[1] for r in table("about.md", "")}
BM_NEWS = {r[0]: (r[1], r[2]) for r in table("news/2026-05-new-bowling-machine.md", "")}
PROMO = {r[0]: (r[1], r[2]) for r in table("news/2026-09-seconds-promoted.md", "")}
LT = html_tables("league/tables-2026.html")
AW = html_tables("awards/awards-and-honours.html")

RECOMPUTE = {
    # derived counts: (id, computed value)
    "t32-dev-028": str(sum(m["bowls"] == "RM" for m in MEMBERS)),
    "t32-test-041": str(sum(f["team"] == "1XI" and f["result"] == "lost" for f in FIX)),
    # filters: the one row, record or table line meeting the condition
    "t32-dev-029": [m["name"] for m in MEMBERS if m["paid_2026"] == "N"],
    "t32-dev-030": [e["id"] for e in EQUIP if e["condition"] == "out of service"],
    "t32-dev-031": [s["id"] for s in SESS if s["status"] == "cancelled"],
    "t32-dev-032": [f["id"] for f in FIX if f["team"] == "1XI" and f["result"] == "tied"],
    "t32-test-042": [m["name"] for m in MEMBERS if m["bats"] == "L" and m["bowls"] == "SLA"],
    "t32-test-043": [e["id"] for e in EQUIP if e["condition"] == "written off"],
    "t32-test-044": [h["id"] for h in HIRE if "cancelled" in h["notes"]],
    "t32-test-045": [s["id"] for s in SESS if float(s["coach_cost_gbp"]) == max(float(x["coach_cost_gbp"]) for x in SESS)],
    "t32-test-046": [m["name"] for m in MEMBERS if m["dbs_until"] == "2027-03"],
    "t32-test-047": [f["id"] for f in FIX if f["team"] == "1XI" and f["result"] == "won" and f["margin"] == "by 1 wicket"],
    "t32-test-048": [r[1] for r in LT["Division 3"] if int(r[0]) == len(LT["Division 3"])],
    "t32-test-049": [m["name"] for m in MEMBERS if m["category"] == "student" and m["xi1_apps_2026"] == "2"],
    "t32-test-050": [s["id"] for s in SESS if "outfield" in s["venue"]],
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
if sorted(by_id["t32-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["bowls"] == "RM") \
        or sorted(by_id["t32-test-041"].evidence) != sorted(f"league/fixtures-2026#{f['id']}" for f in FIX
                                                           if f["team"] == "1XI" and f["result"] == "lost"):
    probs.append("derived counts' evidence is not the rows counted")

# ---- fixtures: every 1st XI card summed both ways, results, margins, points, limits, days
NAMES = {t["id"]: t["name"] for t in TEAMS}
LIMIT = {45: 9, 40: 8, 50: 10}
BAT_RX = re.compile(r"^Scarrowby (\d+(?:-\d)?)( all out)? \(([\d.]+) overs\)\. Our batting: (.+)\.$", re.M)
BOWL_RX = re.compile(r"^(.+?) (\d+(?:-\d)?)( all out)? \(([\d.]+) overs\)\. Our bowling: (.+)\.$", re.M)
cards = {}
for f in FIX:
    t = f["text"]
    d = day(f["date"])
    if not t.startswith(f"{f['id']}: {NAMES[f['team']]} v {f['opponent']}, {f['competition']}, {f['overs']} overs a side, "):
        probs.append(f"{f['id']}: heading")
    league = f["competition"].startswith("WDCL")
    plays = team[f["team"]]["plays"]
    want_day = "Sunday" if (f["team"] == "1XI" and "Cup" in f["competition"]) else plays
    if d.strftime("%A") != want_day and f["id"] != "F26-14":
        probs.append(f"{f['id']}: on a {d.strftime('%A')}, the team plays {want_day}")
    if f["overs"] != team[f["team"]]["overs"] and not (f["team"] == "1XI" and "Cup" in f["competition"] and f["overs"] == 40):
        probs.append(f"{f['id']}: {f['overs']} overs")
    if not f["ball_bowled"]:
        if f["result"] != "abandoned" or f["points"] != 0 or "Points: Scarrowby 0, Ormsgill 8." not in t or f["our_score"] is not None:
            probs.append(f"{f['id']}: abandonment without play")
        continue
    if f["result"] == "abandoned":
        if f["our_score"] is not None or f["points"] is not None or f"{f['opponent']} {f['opp_score']} ({f['opp_overs']} overs)" not in t \
                or balls(f["opp_overs"]) >= f["overs"] * 6:
            probs.append(f"{f['id']}: abandoned after play")
        continue
    r1, w1 = score(f["our_score"])
    r2, w2 = score(f["opp_score"])
    for o in (f["our_overs"], f["opp_overs"]):
        if balls(o) > f["overs"] * 6:
            probs.append(f"{f['id']}: {o} overs in a {f['overs']}-over match")
    # an innings that is not all out and did not reach its target must have used all its overs
    first_is_ours = f["batted"] == "first"
    for runs_, wk, ov_, other, second in ((r1, w1, f["our_overs"], r2, not first_is_ours), (r2, w2, f["opp_overs"], r1, first_is_ours)):
        chased = second and runs_ > other
        if wk < 10 and not chased and balls(ov_) != f["overs"] * 6:
            probs.append(f"{f['id']}: an innings of {runs_}-{wk} stopped at {ov_} overs")
        if second and runs_ > other + 6:
            probs.append(f"{f['id']}: a chase went {runs_ - other} past its target")
    if r1 == r2:
        res, margin = "tied", None
    elif r1 > r2:
        res = "won"
        margin = f"by {r1 - r2} runs" if first_is_ours else f"by {10 - w1} wicket" + ("" if 10 - w1 == 1 else "s")
    else:
        res = "lost"
        margin = f"by {r2 - r1} runs" if not first_is_ours else f"by {10 - w2} wicket" + ("" if 10 - w2 == 1 else "s")
    pts = {"won": 20, "tied": 10, "lost": 0}[res] if league else None
    if (f["result"], f["margin"], f["points"]) != (res, margin, pts):
        probs.append(f"{f['id']}: {f['result']} {f['margin']} {f['points']}, scores give {res} {margin} {pts}")
    tail = f"Result: tied, {r1} runs each." if res == "tied" else f"Result: {'Scarrowby' if f['team'] == '1XI' else NAMES[f['team']]} {res} {margin}."
    if tail not in t:
        probs.append(f"{f['id']}: result line")
    if league:
        them = 10 if res == "tied" else 20 - pts
        if f"Points: {'Scarrowby' if f['team'] == '1XI' else NAMES[f['team']]} {pts}, {f['opponent']} {them}." not in t:
            probs.append(f"{f['id']}: points line")
    if f["team"] != "1XI":
        if f"{NAMES[f['team']]} {f['our_score']} ({f['our_overs']} overs)" not in t or f"{f['opponent']} {f['opp_score']} ({f['opp_overs']} overs)" not in t:
            probs.append(f"{f['id']}: short score line")
        continue
    # the full card of a 1st XI match
    mb, mw = BAT_RX.search(t), BOWL_RX.search(t)
    if not mb or not mw:
        probs.append(f"{f['id']}: card not found")
        continue
    inns = [x.strip() for x in mb.group(4).split(";")]
    batters = [(re.fullmatch(r"(SC\d{3}) (\d+)(\*?)", b).group(1), int(re.fullmatch(r"(SC\d{3}) (\d+)(\*?)", b).group(2)),
                bool(re.fullmatch(r"(SC\d{3}) (\d+)(\*?)", b).group(3))) for b in inns[0].split(", ")]
    extras = int(re.fullmatch(r"extras (\d+)", inns[1]).group(1))
    dnb = inns[2].removeprefix("did not bat ").split(", ") if len(inns) > 2 else []
    runs = sum(r for _, r, _ in batters) + extras
    wk = sum(not no for *_, no in batters)
    if (runs, wk) != (r1, w1) or mb.group(1) != f["our_score"] or bool(mb.group(2)) != (w1 == 10) or mb.group(3) != f["our_overs"]:
        probs.append(f"{f['id']}: our innings adds to {runs}-{wk}, record says {f['our_score']}")
    if [b for b, _, _ in batters] + dnb != f["players"] or len(f["players"]) != 11 or len(set(f["players"])) != 11:
        probs.append(f"{f['id']}: batting order and did-not-bat are not the XI")
    not_out = sum(no for *_, no in batters)
    if (wk < 10 and (not_out != 2 or len(batters) != wk + 2)) or (wk == 10 and (not_out != 1 or dnb)):
        probs.append(f"{f['id']}: {len(batters)} batted, {not_out} not out, for {wk} wickets")
    parts = [x.strip() for x in mw.group(5).split(";")]
    spells = [re.fullmatch(r"(SC\d{3}) ([\d.]+)-(\d+)-(\d+)-(\d+)", b).groups() for b in parts[0].split(", ")]
    byes = int(re.fullmatch(r"byes and leg-byes (\d+)", parts[1]).group(1))
    ro = 0 if parts[2] == "no run outs" else int(re.fullmatch(r"run out (\d+)", parts[2]).group(1))
    oruns = sum(int(s[3]) for s in spells) + byes
    owk = sum(int(s[4]) for s in spells) + ro
    oballs = sum(balls(s[1]) for s in spells)
    if (oruns, owk) != (r2, w2) or mw.group(1) != f["opponent"] or mw.group(2) != f["opp_score"] or overs(oballs) != f["opp_overs"] \
            or mw.group(4) != f["opp_overs"] or bool(mw.group(3)) != (w2 == 10):
        probs.append(f"{f['id']}: their innings adds to {oruns}-{owk} in {overs(oballs)}, record says {f['opp_score']} in {f['opp_overs']}")
    for s in spells:
        if s[0] not in f["players"] or balls(s[1]) > LIMIT[f["overs"]] * 6 or int(s[2]) * 6 > balls(s[1]) or int(s[4]) > 10:
            probs.append(f"{f['id']}: bowler {s}")
    if f["keeper"] not in f["players"] or f["captain"] not in f["players"] or f["keeper"] in [s[0] for s in spells]:
        probs.append(f"{f['id']}: captain or keeper")
    cards[f["id"]] = (batters, dnb, spells)

# members' 1st XI appearances, absences in the notes, who captained
apps = collections.Counter(p for f in FIX if f["team"] == "1XI" and f["ball_bowled"] for p in f["players"])
for m in MEMBERS:
    if apps[m["ID"]] != int(m["xi1_apps_2026"]):
        probs.append(f"{m['ID']}: xi1_apps_2026 {m['xi1_apps_2026']}, the log gives {apps[m['ID']]}")
played_1xi = [f for f in FIX if f["team"] == "1XI" and f["ball_bowled"]]
missed = lambda mid, month: [f["id"] for f in played_1xi if f["date"][5:7] == month and mid not in f["players"]]
if len(played_1xi) != 11 or len([f for f in FIX if f["team"] == "1XI"]) != 12 \
        or missed("SC156", "06") != ["F26-05"] or "missed one June match for exams" not in mem["SC156"]["notes"] or "sitting exams" not in fx["F26-05"]["text"] \
        or missed("SC137", "07") != ["F26-14"] or "missed one July match" not in mem["SC137"]["notes"] or "SC137 injured" not in fx["F26-14"]["text"] \
        or missed("SC118", "07") != ["F26-13", "F26-14"] or "missed two July matches" not in mem["SC118"]["notes"] \
        or [f["captain"] for f in played_1xi if f["captain"] != "SC118"] != ["SC127", "SC127"] or "captained the side twice in July 2026" not in mem["SC127"]["notes"] \
        or [f["players"][1] for f in played_1xi if "SC118" not in f["players"]] != ["SC153", "SC153"] \
        or "opened for the 1st XI in both July matches that Callum Radford missed" not in mem["SC153"]["notes"] \
        or any(f["keeper"] != "SC127" for f in played_1xi) or "kept wicket in every match" not in flat("stats/averages-2026.md") \
        or cards["F26-07"][2][1][0] != "SC144" or "from SC144" not in fx["F26-07"]["text"] or "bowled the last over of the tie at Ormsgill" not in mem["SC144"]["notes"] \
        or fx["F26-15"]["date"] != "2026-08-01" or "played his first 2nd XI match on 1 August 2026" not in mem["SC174"]["notes"] \
        or not all(("SC174" not in f["text"]) for f in FIX if f["team"] == "2XI" and f["date"] < "2026-08-01"):
    probs.append("fixtures against the members' notes")
# days and clashes: one square, so never two home matches of the Saturday sides, nor a hire, on one day
home_days = collections.Counter(f["date"] for f in FIX if f["venue"] == "home" and f["team"] in ("1XI", "2XI"))
if any(n > 1 for n in home_days.values()) or any(h["date"] in home_days for h in HIRE):
    probs.append("a clash at the Glebe")
if fx["F26-14"]["date"] != "2026-07-19" or day("2026-07-19").weekday() != 6 or "Played on the Sunday because of Kirkby Wend's gala" not in fx["F26-14"]["text"] \
        or "may move, because of their gala" not in flat("meetings/2026-03-19-committee.md"):
    probs.append("the Kirkby Wend match moved to the Sunday")
# the published calendar against the log: dates (one moved), venues, days, start times
league1 = [f for f in FIX if f["team"] == "1XI" and f["competition"] == "WDCL Division 1"]
if len(CAL) != len(league1) or len(league1) != 10:
    probs.append("calendar and log have different numbers of league matches")
for c, f in zip(CAL, league1):
    if (c[2], c[3]) != (f["opponent"], f["venue"]) or day(c[0]).strftime("%a") != c[1] \
            or (c[0] != f["date"] and (f["id"], c[0]) != ("F26-14", "2026-07-18")) or c[4] != ("12:30" if c[0][5:7] in ("08", "09") else "13:00"):
        probs.append(f"calendar {c[0]}: {c}")
cups = [f for f in FIX if "Cup" in f["competition"]]
if [f["date"] for f in cups] != ["2026-05-31", "2026-07-05"] or "Sunday 31 May" not in flat("league/calendar-2026.md") \
        or "Sunday 5 July" not in flat("league/calendar-2026.md") or cups[0]["opponent"] != "Audby" or "Audby" not in DIV26["Division 2"][1]:
    probs.append("the cup dates and opponents")
# every opponent of a league match is in the right division; each pair met once home, once away
for f in FIX:
    if f["competition"].startswith("WDCL "):
        div = f["competition"].removeprefix("WDCL ")
        if f["opponent"] not in DIV26[div][1] or NAMES[f["team"]].replace(" 1st XI", "") not in DIV26[div][1] \
                or DIV26[div][0] != f["overs"] or team[f["team"]]["division"] != div:
            probs.append(f"{f['id']}: division")
venues = collections.Counter((f["opponent"], f["venue"]) for f in league1)
if any(v != 1 for v in venues.values()) or len(venues) != 10:
    probs.append("1st XI league: each opponent once home and once away")

# ---- the averages page recomputed from the cards
bat = collections.defaultdict(lambda: dict(m=0, i=0, no=0, r=0, hs=(-1, False), f=0))
bowl = collections.defaultdict(lambda: dict(b=0, md=0, r=0, w=0, best=None))
for fid, (batters, dnb, spells) in cards.items():
    for p in fx[fid]["players"]:
        bat[p]["m"] += 1
    for p, r, no in batters:
        x = bat[p]
        x["i"] += 1; x["no"] += no; x["r"] += r; x["f"] += r >= 50
        x["hs"] = max(x["hs"], (r, no))
    for p, o, md, r, w in spells:
        x = bowl[p]
        x["b"] += balls(o); x["md"] += int(md); x["r"] += int(r); x["w"] += int(w)
        if x["best"] is None or (int(w), -int(r)) > (x["best"][0], -x["best"][1]):
            x["best"] = (int(w), int(r))
for p, x in bat.items():
    row = BAT.get(p)
    avg = f"{x['r'] / (x['i'] - x['no']):.2f}" if x["i"] > x["no"] else "-"
    want = [mem[p]["name"], p, str(x["m"]), str(x["i"]), str(x["no"]), str(x["r"]), f"{x['hs'][0]}{'*' if x['hs'][1] else ''}", avg, str(x["f"])]
    if row != want:
        probs.append(f"batting {p}: {row} != {want}")
if set(BAT) != set(bat) or [r[5] for r in BAT.values()] != sorted((r[5] for r in BAT.values()), key=int, reverse=True):
    probs.append("batting table: players or order")
for p, x in bowl.items():
    row = BOWL.get(p)
    want = [mem[p]["name"], p, overs(x["b"]), str(x["md"]), str(x["r"]), str(x["w"]), f"{x['best'][0]}-{x['best'][1]}",
            f"{x['r'] / x['w']:.2f}", f"{x['r'] * 6 / x['b']:.2f}"]
    if row != want:
        probs.append(f"bowling {p}: {row} != {want}")
if set(BOWL) != set(bowl) or [int(r[5]) for r in BOWL.values()] != sorted((int(r[5]) for r in BOWL.values()), reverse=True):
    probs.append("bowling table: players or order")
top_score = max((r, fid) for fid, (b, _, _) in cards.items() for _, r, _ in b)
top_total = max((score(fx[fid]["our_score"])[0], fid) for fid in cards)
if top_score != (88, "F26-13") or top_total != (247, "F26-13") or "SC131's 88 is the club's highest score of the season, and 247-5 the highest total" not in fx["F26-13"]["text"] \
        or [p for p, x in bat.items() if x["r"] >= 80 and x["hs"][0] > 80] != ["SC131"] or "the only one to pass 80" not in mem["SC131"]["notes"] \
        or bat["SC150"]["i"] != 4 or bat["SC150"]["no"] != 4 or "batted four times for the 1st XI in 2026 and was never out" not in mem["SC150"]["notes"] \
        or max(bat, key=lambda p: bat[p]["r"]) != "SC131" or max(bowl, key=lambda p: bowl[p]["w"]) != "SC135" \
        or "leading wicket-taker in 2026" not in mem["SC135"]["notes"] or "leading run-scorer in 2026" not in mem["SC131"]["notes"]:
    probs.append("season bests against the notes")
# the junior fast bowler within his limits, every spell within the league's
u17_day = int(re.search(r"U17 6 and (\d+)", R26["Fast bowling, a spell and a day"][1]).group(1))
if max(balls(s[1]) for _, _, sp in cards.values() for s in sp if s[0] == "SC156") > u17_day * 6 or u17_day != 18 \
        or "U17: 6 and 14" not in R15["Fast bowling, a spell and a day"] or "aged 16" not in mem["SC156"]["notes"]:
    probs.append("the U17 fast bowler's overs")

# ---- awards against the averages, the members and the minutes
aw = {r[0]: r for r in AW["Awards 2026"]}
qual = {p: bat[p]["r"] / (bat[p]["i"] - bat[p]["no"]) for p in bat if bat[p]["i"] >= 8 and bat[p]["i"] > bat[p]["no"]}
best_bat = max(qual, key=qual.get)
most_w = max(bowl, key=lambda p: bowl[p]["w"])
for r in AW["Awards 2026"]:
    if mem[r[3]]["name"] != r[2]:
        probs.append(f"award {r[0]}: {r[2]} is not {r[3]}")
if aw["1st XI batting"][3] != best_bat or f"average {qual[best_bat]:.2f} from {bat[best_bat]['i']} innings" != aw["1st XI batting"][4] \
        or aw["1st XI bowling"][3] != most_w or f"{bowl[most_w]['w']} wickets at {bowl[most_w]['r'] / bowl[most_w]['w']:.2f}" != aw["1st XI bowling"][4] \
        or f"{bowl['SC156']['w']} wickets for the 1st XI at the age of 16" != aw["Young Player of the Year"][4] \
        or f"{bat['SC131']['r']} runs for the 1st XI, three fifties and the season's best score" != aw["Player of the Year"][4] or bat["SC131"]["f"] != 3 \
        or "Player of the Year 2026" not in mem["SC131"]["notes"] or "Young Player of the Year 2026" not in mem["SC156"]["notes"] \
        or "Junior of the Year 2026" not in mem["SC174"]["notes"] or "Clubman of the Year 2026" not in mem["SC108"]["notes"] \
        or "2nd XI Player of the Year 2026" not in mem["SC160"]["notes"] or "SC142 made 44" not in fx["F26-08"]["text"] \
        or "Junior of the Year: Z. M. (SC174)" not in flat("juniors/junior-section.md") \
        or "Player of the Year and the batting award to Danny Hirst, the bowling award to Owain Prydderch" not in flat("meetings/2026-11-13-agm.md") \
        or "grandfather of Jack Tunstall (SC156)" not in mem["SC108"]["notes"] or "grandson of Alf Tunstall (SC108)" not in mem["SC156"]["notes"]:
    probs.append("the 2026 awards against the averages and the notes")
roll = AW["Player of the Year since 2010"]
if [int(r[0]) for r in roll] != list(range(2010, 2027)) or roll[-1][1] != "Danny Hirst" or not roll[10][1].startswith("not awarded") \
        or SUBS[4][0] != "2020-04-01" or "the season began in July" not in SUBS[4][3]:
    probs.append("the roll of Players of the Year")
for y, who in roll:
    if who in by_name and int(by_name[who]["joined"]) > int(y):
        probs.append(f"roll {y}: {who} before joining")
hon = {(r[0], r[1]): r[2] for r in AW["Team honours"]}
if hon[("2015", "1st XI")] != "Division 2 champions, promoted" or "led the side up as Division 2 champions in 2015" not in CAPTAINS[2][3] \
        or "won Division 2 in 2015" not in team["1XI"]["text"] or hon[("2003", "2nd XI")] != "Division 4 champions" \
        or "since they won Division 4 in 2003" not in flat("news/2026-09-seconds-promoted.md") or "2nd XI (Division 4)" not in ABOUT["Teams"] \
        or "1st XI (Division 2)" not in ABOUT["Teams"] or hon[("2026", "2nd XI")] != "Division 3 runners-up, promoted" \
        or "first league hundred in 1966" not in mem["SC104"]["notes"] or hon[("1966", "1st XI")] != "Division 1 champions":
    probs.append("team honours against the teams, the news and the 2013 page")

# ---- league tables: sums, points, order; our rows from the log; promotion and relegation
placed = {}
for div, body in LT.items():
    W = T_ = L = A = 0
    for r in body:
        p, w, t_, l, a, ded, pt = (int(x) for x in r[2:9])
        W, T_, L, A = W + w, T_ + t_, L + l, A + a
        if p != w + t_ + l + a or p != 2 * (len(body) - 1) or pt != 20 * w + 10 * t_ + 8 * a - ded:
            probs.append(f"{div}: {r}")
        placed[r[1]] = (div, int(r[0]), w, t_, l, a, ded, pt)
    matches = len(body) * (len(body) - 1)
    if W != L or T_ % 2 or A % 2 or W + T_ // 2 + A // 2 != matches or set(r[1] for r in body) != set(DIV26[div][1]):
        probs.append(f"{div}: totals W {W} T {T_} L {L} A {A}")
    keys = [(-int(r[8]), -int(r[3])) for r in body]
    if keys != sorted(keys) or [int(r[0]) for r in body] != list(range(1, len(body) + 1)):
        probs.append(f"{div}: order")
ours = collections.Counter(f["result"] for f in league1)
row1 = placed["Scarrowby"]
if (row1[2], row1[3], row1[4], row1[5]) != (ours["won"], ours["tied"], ours["lost"], ours["abandoned"]) \
        or row1[7] != sum(f["points"] for f in league1) or row1[6] != 8 or (row1[1], row1[7]) != (team["1XI"]["place_2026"], team["1XI"]["points_2026"]):
    probs.append(f"Scarrowby's row {row1} against the log")
# the 1st XI's results against each opponent agree with the other sides' rows
for f in league1:
    if f["result"] == "tied" and placed[f["opponent"]][3] < 1 or f["result"] == "abandoned" and placed[f["opponent"]][5] < 1:
        probs.append(f"{f['id']}: {f['opponent']}'s row")
row2 = placed["Scarrowby 2nd XI"]
log2 = collections.Counter(f["result"] for f in FIX if f["team"] == "2XI")
if row2[2] < log2["won"] or row2[4] < log2["lost"] or (row2[1], row2[7]) != (team["2XI"]["place_2026"], team["2XI"]["points_2026"]):
    probs.append(f"Scarrowby 2nd XI's row {row2} against the log")
order = {div: [t for t, v in sorted(placed.items(), key=lambda kv: kv[1][1]) if v[0] == div] for div in LT}
prem, d1, d2, d3 = (DIV26[k][1] for k in ("Premier", "Division 1", "Division 2", "Division 3"))
down_prem, up_d2, down_d2 = "Saltby Green", "Audby", {"Lowgill", "Thrushcross 2nd XI"}
new = {"Premier": set(prem) - {down_prem} | {order["Division 1"][0]},
       "Division 1": set(d1) - {order["Division 1"][0], order["Division 1"][-1]} | {down_prem, up_d2},
       "Division 2": set(d2) - {up_d2} - down_d2 | {order["Division 1"][-1]} | set(order["Division 3"][:2]),
       "Division 3": set(d3) - set(order["Division 3"][:2]) | down_d2}
if any(set(DIV27[k]) != v for k, v in new.items()) or down_prem != prem[-1] or up_d2 != d2[0] or down_d2 != set(d2[-2:]) \
        or "Holbeck Lane champions and promoted to the Premier; Fenby Bridge relegated to Division 2." not in flat("league/tables-2026.html") \
        or "Brantwick and Scarrowby 2nd XI promoted to Division 2" not in flat("league/tables-2026.html") \
        or any(t["division_2027"] != k for t in TEAMS if t["id"] in ("1XI", "2XI") for k in DIV27 if NAMES[t["id"]].replace(" 1st XI", "") in DIV27[k]) \
        or "Runners-up to Brantwick in Division 3" not in team["2XI"]["text"] or order["Division 3"][0] != "Brantwick":
    probs.append("promotion and relegation against the 2027 divisions")
thr, holb = placed["Thrushcross"], placed["Holbeck Lane"]
holbeck_losses = [f for f in league1 if f["opponent"] == "Holbeck Lane" and f["result"] == "won"]
if thr[1] != 2 or thr[7] - row1[7] != 10 or "finish second, ten points ahead of us" not in fx["F26-18"]["text"] \
        or row1[7] + row1[6] != 118 or "would have had 118, still two short of Thrushcross in second" not in flat("meetings/2026-11-13-agm.md") \
        or thr[7] - (row1[7] + row1[6]) != 2 or "the 1st XI would have finished on 118, still third" not in flat("notes/2026-06-ormsgill-abandonment.txt") \
        or holb[4] != 2 or len(holbeck_losses) != 1 or "One of only two sides to beat the champions all season" not in holbeck_losses[0]["text"] \
        or placed["Fenby Bridge"][1] != 6 or "sent them to the foot of the table for good" not in fx["F26-13"]["text"]:
    probs.append("the table against the match reports and the minutes")

# ---- the teams against the fixtures, the members and the officers
for t in TEAMS:
    mine = [f["id"] for f in FIX if f["team"] == t["id"]]
    if mine != t["fixtures"] or t["captain"] not in mem or t["captain"] not in t["text"]:
        probs.append(f"team {t['id']}: fixtures or captain")
    if any(f["captain"] != t["captain"] for f in FIX if f["team"] == t["id"] and f["captain"] != "SC127"):
        probs.append(f"team {t['id']}: a match captain")
if OFFICERS["1st XI captain"][2] != team["1XI"]["captain_2027"] or OFFICERS["2nd XI captain"][2] != team["2XI"]["captain"] \
        or OFFICERS["Sunday XI captain"][2] != team["SUN"]["captain"] or mem[team["U15"]["captain"]]["team"] != "U15" \
        or mem[team["U13"]["captain"]]["team"] != "U13" or "U15 captain" not in mem["SC174"]["notes"] or "U13 captain" not in mem["SC177"]["notes"] \
        or "Sunday XI vice-captain" not in mem["SC142"]["notes"] or "SC142 is vice-captain" not in team["SUN"]["text"] \
        or "2nd XI vice-captain" not in mem["SC170"]["notes"] or "SC170 as vice-captain" not in team["2XI"]["text"]:
    probs.append("teams against the officers and the members")

# ---- members, officers and histories
for office, r in OFFICERS.items():
    if r[2] and (r[2] not in mem or mem[r[2]]["name"] != r[1] or int(mem[r[2]]["joined"]) > int(r[3])):
        probs.append(f"officer {office}: {r}")
for rows_, who in ((CHAIRS, 2), (SECS, 2)):
    for a, b in zip(rows_, rows_[1:]):
        if a[1] != b[0]:
            probs.append(f"history: {a} then {b}")
    for r in rows_:
        for d_ in r[:2]:
            if d_ and (day(d_).weekday() != 4 or day(d_).month != 11):
                probs.append(f"history: {d_} is not a November Friday")
for a, b in zip(CAPTAINS, CAPTAINS[1:]):
    if int(a[1]) + 1 != int(b[0]):
        probs.append(f"captains: {a} then {b}")
chair_on = lambda d_: [r[2] for r in CHAIRS if r[0] <= d_ and (not r[1] or d_ < r[1])]
sec_on = lambda d_: [r[2] for r in SECS if r[0] <= d_ and (not r[1] or d_ < r[1])]
capt_in = lambda y: [r[2] for r in CAPTAINS if int(r[0]) <= y and (not r[1] or y <= int(r[1]))]
sub_on = lambda d_: [int(r[2]) for r in SUBS if r[0] <= d_ and (not r[1] or d_ <= r[1])]
fee_on = lambda d_: [int(r[2]) for r in MFEE if r[0] <= d_ and (not r[1] or d_ <= r[1])]
if chair_on("2026-11-14") != [OFFICERS["Chair"][1]] or sec_on("2026-11-14") != [OFFICERS["Secretary"][1]] \
        or capt_in(2027) != [OFFICERS["1st XI captain"][1]] or capt_in(2026) != ["Callum Radford"] \
        or CHAIRS[-1][0] != "2026-11-13" or OFFICERS["Chair"][3] != "2026" or OFFICERS["Secretary"][3] != SECS[-1][0][:4]:
    probs.append("officers against the history")
# members' notes on offices held, against the history tables
spans = {"SC104": ("chair 1978-1992", CHAIRS, "Harold Ackroyd"), "SC163": ("chair 2013-2019", CHAIRS, "Rob Heseltine"),
         "SC181": ("chair 2019-2026", CHAIRS, "Derek Sowerby"), "SC160": ("1st XI captain 2006-2012", CAPTAINS, "Neville Oduya"),
         "SC123": ("1st XI captain 2013-2020", CAPTAINS, "Imran Qureshi"), "SC118": ("1st XI captain 2021-2026", CAPTAINS, "Callum Radford")}
for mid, (note, tab, name) in spans.items():
    y1, y2 = re.search(r"(\d{4})-(\d{4})", note).groups()
    r = [x for x in tab if x[2] == name]
    if note not in mem[mid]["notes"] or mem[mid]["name"] != name or len(r) != 1 or (r[0][0][:4], r[0][1][:4]) != (y1, y2):
        probs.append(f"{mid}: {note}")
if "1st XI captain 1998-2005" not in mem["SC163"]["notes"] or (CAPTAINS[0][0], CAPTAINS[0][1], CAPTAINS[0][2]) != ("1998", "2005", "Rob Heseltine") \
        or "secretary since 2017" not in mem["SC166"]["notes"] or "treasurer since 2021" not in mem["SC170"]["notes"] \
        or "fixtures secretary since 2023" not in mem["SC147"]["notes"] or "welfare officer since 2022" not in mem["SC184"]["notes"] \
        or "head groundsman since 1998" not in mem["SC108"]["notes"] or "president since 2015" not in mem["SC104"]["notes"] \
        or "head coach and junior organiser since 2019" not in mem["SC149"]["notes"] or "bar manager since 2024" not in mem["SC137"]["notes"] \
        or "membership secretary since the AGM of 13 November 2026" not in mem["SC181"]["notes"] \
        or "chair since the AGM of 13 November 2026" not in mem["SC142"]["notes"] or "scoring for her sixteenth season" not in flat("meetings/2026-11-13-agm.md") \
        or 2026 - int(OFFICERS["Scorer"][3]) + 1 != 16 or "Derek Sowerby's seventh and last" not in flat("meetings/2026-11-13-agm.md") \
        or int(CHAIRS[-2][1][:4]) - int(CHAIRS[-2][0][:4]) != 7:
    probs.append("members' notes against the officers and the minutes")
# the 2013 page and the 2018 questions against the histories of their day
faq = flat("faq/joining-2018.md")
if ABOUT["Chairman"] != chair_on("2013-05-04")[0] or ABOUT["Secretary"] != sec_on("2013-05-04")[0] \
        or not ABOUT["1st XI captain"].startswith(capt_in(2013)[0]) or f"took over from {capt_in(2012)[0]}" not in ABOUT["1st XI captain"] \
        or ABOUT["Playing subscription"] != f"GBP {sub_on('2013-05-04')[0]} a year, due on 1 April" \
        or not ABOUT["Match fee"].startswith(f"GBP {fee_on('2013-05-04')[0]} a game") \
        or "ground rent of GBP 450 a year under the lease signed in 2009" not in flat("about.md") \
        or f"GBP {sub_on('2018-03-02')[0]} for the year from 1 April" not in faq or f"match fee of GBP {fee_on('2018-03-02')[0]} a game" not in faq \
        or f"the chairman, {chair_on('2018-03-02')[0]}" not in faq or f"The secretary, {sec_on('2018-03-02')[0]}" not in faq \
        or f"{capt_in(2018)[0]} captains the 1st XI" not in faq \
        or "retire at 20 in Under-13 matches and at 25 in Under-15 matches" not in faq or R15["Retiring"] != "in junior matches U13 batters retire at 20 and U15 batters at 25, and may come back when everyone has batted" \
        or "for every twelve juniors at a session, and never fewer than two" not in faq or "one DBS-checked adult to every 12 juniors, and never fewer than two" != R15["Adults at sessions"] \
        or "from the age of 13 with a parent's written consent" not in faq or "bought in 2011" not in ABOUT["Bowling machine"] or eq["BM-01"]["bought"] != "2011" \
        or "opened in 2011" not in flat("about.md") or "raised when the pavilion extension opened" not in SUBS[1][3] or SUBS[1][0][:4] != "2011":
    probs.append("the 2013 page and the 2018 questions against the histories")
# the fee histories back to back, against the fees page, the minutes and the accounts
for tab in (SUBS, MFEE):
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"fees history: {a} then {b}")
if sub_on("2026-06-01") != [int(FEES["Full playing"][1])] or sub_on("2027-04-01") != [int(FEES["Full playing"][0])] \
        or fee_on("2026-06-30") != [7] or fee_on("2026-07-01") != [int(FEES["Match fee, 1st and 2nd XI"][1])] \
        or "before that it was GBP 7" not in flat("prices/fees-2027.md") or "raise the Saturday match fee from GBP 7 to GBP 8 from 1 July 2026" not in flat("meetings/2026-03-19-committee.md") \
        or "proposed a full playing subscription of GBP 120" not in flat("meetings/2026-11-13-agm.md") or "amendment to GBP 115" not in flat("meetings/2026-11-13-agm.md") \
        or "carried by 22 votes to 13" not in flat("meetings/2026-11-13-agm.md") or 22 + 13 > 37 \
        or "GBP 8 a player from 1 July 2026 (it was GBP 7 before)" not in flat("guides/home-match-day.md") \
        or "Sunday XI match fee has been GBP 5 since 2019" not in flat("history/subs-and-match-fees.md") or FEES["Match fee, Sunday XI"] != ("5", "5"):
    probs.append("the fee histories against the fees page, the minutes and the guide")

# ---- the junior regulations: the 2026 page's 2015 column is the 2015 page; matches and sessions obey them
if R26["Adults at sessions"] != ("1 to 12 juniors, at least two", "1 to 8 juniors, at least two") \
        or "U13 11 yards, U15 8 yards" != R26["Fielding distance"][0] or "11 yards" not in R15["Fielding distance"] or "8 yards" not in R15["Fielding distance"] \
        or R26["Retiring in junior matches"] != ("U13 at 20, U15 at 25", "U13 at 25, U15 at 30") \
        or R26["Overs a bowler, junior matches"] != ("U13 3, U15 4", "U13 2, U15 4") or "U13: 3 in a 16-over match; U15: 4 in a 20-over match" != R15["Overs a bowler, junior matches"] \
        or re.findall(r"\d+", R26["Fast bowling, a spell and a day"][0]) != re.findall(r"\d+", R15["Fast bowling, a spell and a day"]) \
        or R26["Who leads a session"] != ("any CCA coach", "a coach at CCA Level 2 or above") or R15["Who leads a session"] != "any coach holding the CCA" \
        or "retired on 30, as the junior regulations require" not in fx["F26-06"]["text"] or fx["F26-06"]["date"] < "2026-04-01" \
        or "retired on 25" not in fx["F26-11"]["text"] or "none more than two overs" not in fx["F26-11"]["text"] or "took 2-14 in her three overs" not in fx["F26-06"]["text"] \
        or fx["F26-06"]["overs"] != 20 or fx["F26-11"]["overs"] != 16 or math.ceil(fx["F26-11"]["overs"] / 2) > 10 or "every one of our ten bowlers bowled" not in fx["F26-11"]["text"] \
        or "one adult to every eight juniors instead of twelve" not in flat("meetings/2026-03-19-committee.md") \
        or "take effect on 1 April 2026" not in flat("meetings/2026-03-19-committee.md") or "in force from 1 April 2026" not in flat("rules/junior-regulations-2026.md") \
        or "Superseded on 1 April 2026" not in flat("rules/junior-regulations-2015.md") or R15["Welfare contact"] != f"the secretary, {sec_on('2015-03-19')[0]}" \
        or R26["Welfare contact"][1] != f"the welfare officer, {OFFICERS['Welfare officer'][1]}" or "also the welfare contact until 2022" not in SECS[1][3] \
        or OFFICERS["Welfare officer"][3] != "2022" or int(mem["SC174"]["notes"].split("aged ")[1][:2]) < 13 \
        or "from 13 with consent and the head coach's approval" not in R26["Playing in adult teams"][1] \
        or "approved J. T. (SC156, U17) for 1st XI cricket on 19 March 2026" not in flat("rules/junior-regulations-2026.md"):
    probs.append("the two sets of junior regulations against the matches, the FAQ and the minutes")

# ---- coaches and sessions: hours, the regulations in force, the lead coach, DBS, fees, the machine
for c in COACHES.values():
    if c[2] and (c[2] not in mem or mem[c[2]]["name"] != c[1] or f"CCA Level {c[3][-1]}" not in mem[c[2]]["notes"]):
        probs.append(f"coach {c[0]}: {c}")
    if c[2] and mem[c[2]]["dbs_until"] != c[5]:
        probs.append(f"coach {c[0]}: DBS {c[5]} against the members list {mem[c[2]]['dbs_until']}")
level = {k: int(v[3][-1]) for k, v in COACHES.items()}
pay = lambda d_: 32 if d_ < "2026-04-01" else 35
if "GBP 32 an hour up to 31 March 2026 and GBP 35 an hour from 1 April 2026" not in flat("people/coaches.md") or COACHES["CH4"][2] != "":
    probs.append("the pathway coach's rates")
held = [s for s in SESS if s["status"] == "held"]
for s in SESS:
    d_ = day(s["date"])
    h = hours(s["start"], s["end"])
    cs = s["coaches"].split(";")
    if float(s["hours"]) != h or any(c not in COACHES for c in cs):
        probs.append(f"{s['id']}: hours or coaches")
    want_cost = h * pay(s["date"]) if "CH4" in cs and s["status"] == "held" else 0
    if float(s["coach_cost_gbp"]) != want_cost:
        probs.append(f"{s['id']}: coach cost {s['coach_cost_gbp']}, rates give {want_cost}")
    if s["status"] != "held":
        if int(s["players"]) or int(s["staff"]):
            probs.append(f"{s['id']}: numbers for a session not held")
        continue
    junior = s["group"].startswith("U")
    if junior:
        ratio = 12 if s["date"] < "2026-04-01" else 8
        if int(s["staff"]) < max(2, math.ceil(int(s["players"]) / ratio)) or int(s["staff"]) < len(cs):
            probs.append(f"{s['id']}: {s['staff']} adults for {s['players']} juniors at 1 to {ratio}")
        if s["date"] >= "2026-04-01" and max(level[c] for c in cs) < 2:
            probs.append(f"{s['id']}: no Level 2 coach under the 2026 regulations")
        if s["date"] >= "2026-04-01" and s["venue"] == "Wendmoor Leisure Centre":
            probs.append(f"{s['id']}: indoors in summer")
    for c in cs:
        if COACHES[c][5] < s["date"][:7]:
            probs.append(f"{s['id']}: {c}'s DBS had run out")
    winter = s["venue"] == "Wendmoor Leisure Centre"
    want_day = 6 if winter else {"U": 4, "a": 1, "w": 2}[s["group"][0]]
    if d_.weekday() != want_day:
        probs.append(f"{s['id']}: on a {d_.strftime('%A')}")
    want_fee = 3 if winter else 0 if "festival" in s["notes"] else int(FEES["Junior session, non-member"][1]) if junior \
        else int(FEES["Adult nets, non-member"][1]) if s["group"] == "adult nets" else int(FEES["Women's softball, a session"][1])
    if int(s["fee_gbp"]) != want_fee:
        probs.append(f"{s['id']}: fee {s['fee_gbp']}, fees page gives {want_fee}")
    if (s["machine"] == "BM-01" and s["date"] > "2026-04-17") or (s["machine"] == "BM-02" and s["date"] < "2026-05-15"):
        probs.append(f"{s['id']}: {s['machine']} on {s['date']}")
level_cs0304 = max(level[c] for c in ss["cs26-04"]["coaches"].split(";"))
if level_cs0304 >= 2 or ss["cs26-04"]["date"] >= "2026-04-01" or "Level 1 coaches alone is not allowed any more" not in flat("people/coaches.md") \
        or "motor failed on 17 April 2026" not in eq["BM-01"]["notes"] or "BM-01's motor failed after forty minutes" not in ss["cs26-05"]["notes"] \
        or ss["cs26-05"]["date"] != "2026-04-17" or "first used on 15 May 2026" not in eq["BM-02"]["notes"] or ss["cs26-07"]["date"] != "2026-05-15" \
        or "BM-02's first session" not in ss["cs26-07"]["notes"] or min(s["date"] for s in SESS if s["machine"] == "BM-02") != "2026-05-15" \
        or "start on Friday 17 April" not in flat("meetings/2026-03-19-committee.md") or "adult nets on Tuesday 21 April" not in flat("meetings/2026-03-19-committee.md") \
        or "indoor nets ended on 22 March" not in flat("meetings/2026-03-19-committee.md") or max(s["date"] for s in SESS if s["venue"] == "Wendmoor Leisure Centre") != "2026-03-22" \
        or "CH2" in ",".join(s["coaches"] for s in SESS if s["date"] > "2026-09-30") or COACHES["CH2"][5] != "2026-09" \
        or ss["cs26-14"]["date"] != "2026-08-21" or "Presented at the end-of-season festival on 21 August 2026" not in flat("juniors/junior-section.md") \
        or "went on the first module of the course in March 2026" not in flat("people/coaches.md") or "Kirsty Maddox away on a coaching course" not in ss["cs26-04"]["notes"] \
        or "Bernadette Quayle the third adult" not in ss["cs26-13"]["notes"] or "helps at the U11 sessions" not in mem["SC184"]["notes"]:
    probs.append("sessions against the equipment, the coaches and the minutes")
# the juniors page: sessions attended within those held for the age group
held_for = {g: sum(1 for s in held if g in s["group"]) for g in ("U11", "U13", "U15")}
for r in SQUAD:
    if int(r[3]) > held_for[r[1]]:
        probs.append(f"junior {r[0]}: {r[3]} sessions of {held_for[r[1]]}")
    if r[2].startswith("SC") and (r[2] not in mem or mem[r[2]]["category"] != "junior" or mem[r[2]]["team"] != r[1]
                                  or "".join(w[0] + ". " for w in mem[r[2]]["name"].split()).strip() != r[0]):
        probs.append(f"junior {r[0]}: member {r[2]}")
    if r[2].startswith("family") and (mem[r[2][8:13]]["category"] != "family" or r[0][-2] != "S"):
        probs.append(f"junior {r[0]}: family {r[2]}")
pl = [r for r in SQUAD if r[0] == "P. L."][0]
if int(pl[4]) != max(int(r[4]) for r in SQUAD) or "also plays for the U15" not in mem["SC177"]["notes"] or "2nd XI debut" not in flat("juniors/junior-section.md"):
    probs.append("the juniors page against the members")

# ---- pavilion hire: hours, the rate in force by space, band and date, cancellations, deposits
BAND = {"member": "members and village groups", "village": "members and village groups", "other": "others"}
SPACE = {"tea room": "Tea room, an hour", "whole pavilion": "Whole pavilion, an hour", "outfield": "Outfield, a day"}
for h in HIRE:
    rate = RATES[(SPACE[h["space"]], BAND[h["band"]])][0 if h["date"] < "2026-04-01" else 1]
    if h["space"] == "outfield":
        units = 1
        if h["hours"] or day(h["date"]).month in range(4, 10):
            probs.append(f"{h['id']}: the outfield by the hour or in season")
    else:
        units = hours(h["start"], h["end"])
        if float(h["hours"]) != units or h["end"] > "23:30":
            probs.append(f"{h['id']}: {h['hours']} hours")
    cost = units * rate / (2 if "half the cost was charged" in h["notes"] else 1)
    if int(h["rate_gbp"]) != rate or float(h["cost_gbp"]) != cost:
        probs.append(f"{h['id']}: {h['rate_gbp']} and {h['cost_gbp']}; the rates give {rate} and {cost}")
    if int(h["deposit_gbp"]) != (50 if h["space"] in ("whole pavilion", "outfield") else 0):
        probs.append(f"{h['id']}: deposit")
    if (h["band"] == "member") != bool(h["member"]) or (h["member"] and mem[h["member"]]["name"] != h["hirer"]):
        probs.append(f"{h['id']}: member {h['member']}")
    if h["date"] == fx["F26-06"]["date"] or any(h["date"] == s["date"] and s["venue"] != "Wendmoor Leisure Centre" and s["status"] == "held"
                                                and h["start"] < s["end"] and s["start"] < h["end"] for s in SESS):
        probs.append(f"{h['id']}: during junior cricket")
c11 = day("2026-10-31") - day("2026-10-24")
if c11.days >= 14 or "cancelled on 24 October with seven days' notice" not in hr["ph26-11"]["notes"] \
        or "Cancelling: free with 14 days' notice or more; half the cost with less." not in flat("pavilion/pavilion-hire.md") \
        or RATES[("Outfield, a day", "members and village groups")] != (60, 60) or "outfield rate for village groups stays at GBP 60 a day" not in flat("meetings/2026-03-19-committee.md") \
        or "both Saturday XIs away that day" not in hr["ph26-08"]["notes"] or hr["ph26-12"]["paid"] != "N":
    probs.append("the hire log against the pavilion page and the minutes")

# ---- equipment against the ground page, the news, the minutes and the report
loc = {}
for sect in ("Roller shed", "Mower garage", "Nets store", "On the field", "Pavilion", "Gone"):
    for k, v in bullets("ground/the-glebe.md", sect).items():
        for code in re.findall(r"\b[A-Z]{2}-\d\d\b", k + " " + v):
            loc[code] = (sect, v)
where = {"roller shed": "Roller shed", "mower garage": "Mower garage", "nets store": "Nets store", "Church Lane end": "On the field",
         "pavilion end": "On the field", "north side of the square": "On the field", "behind the pavilion": "On the field",
         "pavilion front": "Pavilion", "pavilion store": "Pavilion", "": "Gone"}
for e in EQUIP:
    if e["id"] not in loc or loc[e["id"]][0] != where[e["location"]]:
        probs.append(f"{e['id']}: {e['location']} against the ground page {loc.get(e['id'])}")
cnt = bullets("ground/the-glebe.md", "Counts")
gone = [e["id"] for e in EQUIP if e["condition"] in ("out of service", "written off")]
poor = [e["id"] for e in EQUIP if e["condition"] == "poor"]
if int(cnt["Items on the equipment list"]) != len(EQUIP) or int(cnt["In use"]) != len(EQUIP) - len(gone) \
        or cnt["Out of service or gone"] != f"{len(gone)} ({' and '.join(sorted(gone))})" \
        or cnt["In poor condition but in use"] != f"{len(poor)} ({' and '.join(poor)})" or len(loc) != len(EQUIP):
    probs.append("the ground page's counts")
bm = BM_NEWS
if bm["Make and model"] != (eq["BM-01"]["make_model"], eq["BM-02"]["make_model"]) \
        or bm["Cost"] != (f"GBP {int(eq['BM-01']['cost_gbp']):,}", f"GBP {int(eq['BM-02']['cost_gbp']):,}") \
        or "GBP 1,500 of the GBP 2,480" not in flat("news/2026-05-new-bowling-machine.md") or 2480 - 1500 != 980 \
        or "GBP 1,500 from the grant and GBP 980 from the nets fund" not in flat("notes/2026-10-accounts-2026.txt") \
        or "GBP 1500 grant from the Wendmoor Rural Sports Fund" not in eq["BM-02"]["notes"] or "bid for GBP 1,500" not in flat("meetings/2026-03-19-committee.md") \
        or day("2026-05-12").strftime("%A") != "Tuesday" or "delivered on Tuesday 12 May" not in flat("news/2026-05-new-bowling-machine.md") \
        or day("2026-05-15").weekday() != 4 or "the U15s will go up to 70 mph this summer" not in flat("news/2026-05-new-bowling-machine.md") \
        or "BM-02 at 70 mph for the first time" not in ss["cs26-11"]["notes"] or bm["Top speed"][0] != "70 mph":
    probs.append("the bowling machines against the news, the grant and the sessions")
rep = page("notes/2026-06-ormsgill-abandonment.txt")
times = re.findall(r"^  (\d\d:\d\d)  ", rep, re.M)
fri, sat = times[:3], times[3:]
if fri != sorted(fri) or sat != sorted(sat) or len(times) != 8 or "14:45  Third inspection. The umpires abandoned the match" not in rep \
        or "two of the three flat sheets (CV-01) are torn" not in flat("meetings/2026-03-19-committee.md") or "put off until 2027" not in flat("meetings/2026-03-19-committee.md") \
        or "quote of GBP 640" not in flat("meetings/2026-03-19-committee.md") or eq["CV-03"]["cost_gbp"] != "640" or "bought on 9 July 2026 to replace CV-01" not in eq["CV-03"]["notes"] \
        or "bought three new flat sheets (CV-03) the same day for GBP 640" not in flat("notes/2026-06-ormsgill-abandonment.txt") \
        or "decided by email on 9 July" not in flat("notes/2026-06-ormsgill-abandonment.txt") or "thrown away in July 2026" not in eq["CV-01"]["notes"] \
        or "fined GBP 50, half of the most the panel may fine" not in flat("notes/2026-06-ormsgill-abandonment.txt") \
        or "may fine the home club up to GBP 100" not in flat("league/wdcl-2026.md") or 50 * 2 != 100 \
        or "both bowlers' run-ups from 18:00 the evening before" not in flat("league/wdcl-2026.md") or "18:20" not in fri \
        or "the covers go on by 18:00" not in flat("guides/home-match-day.md") or fx["F26-10"]["date"] != "2026-06-27" \
        or "the long night of 26 June" not in aw["Clubman of the Year"][4] or "report of 28 June" not in fx["F26-10"]["text"]:
    probs.append("the abandonment against the minutes, the equipment, the league rules and the guide")

# ---- the two leases, the page's own history column and the accounts
rent09 = re.findall(r"From 1 April (\d{4}): GBP (\d+) a year", page("ground/glebe-lease-2009.md"))
if [int(y) for y, _ in rent09] != [2009, 2014, 2019] or any(int(b) - int(a) != 5 for a, b in zip([y for y, _ in rent09], [y for y, _ in rent09][1:])) \
        or L25["Rent"][0] != f"GBP {rent09[0][1]} a year, reviewed every five years (GBP {rent09[-1][1]} by 2019)" \
        or L09["Length"] != "15 years, from 1 April 2009 to 31 March 2024" or not L25["Length"][0].startswith("15 years, 1 April 2009 to 31 March 2024") \
        or L25["Length"][1] != "15 years, 1 April 2025 to 31 March 2040" or "GBP 2 million" not in L09["Insurance"] or L25["Insurance"][0] != "GBP 2 million public liability" \
        or "twelve months' notice" not in L09["Ending it"] or "keep all the income" not in L09["Pavilion lettings"] \
        or "10% of pavilion hire income" not in L25["Pavilion lettings"][1] or "GBP 400 a year" not in L25["Mowing"][1] \
        or "the club has mowed the outfield itself since April 2025" not in eq["MW-02"]["notes"] \
        or day("2026-07-11").weekday() != 5 or fx["F26-13"]["date"] != "2026-07-11" or fx["F26-13"]["venue"] != "away" \
        or "one Saturday in July" not in L25["Village events"][1] or "insurance" not in page("notes/2026-10-accounts-2026.txt").lower() \
        or "GBP 5 million public liability" not in page("notes/2026-10-accounts-2026.txt") or L25["Insurance"][1] != "GBP 5 million public liability":
    probs.append("the two leases against each other, the equipment and the fixtures")

# ---- the accounts: every line, from the fees, the log, the sessions, the hires and the leases
acc = page("notes/2026-10-accounts-2026.txt").split("\nNotes\n")[0]
lines = {k.strip(): (num(v), x) for k, v, x in re.findall(r"^(?:  )?([A-Z][^\n]*?)\s+GBP\s+([\d,]+)(?:\s+\(([^)]*)\))?", acc, re.M)}
for k, (v, x) in lines.items():
    m_ = re.fullmatch(r"(\d+)(?: teams| hours)? x (\d+)", x or "")
    if m_ and int(m_.group(1)) * int(m_.group(2)) != v:
        probs.append(f"accounts {k}: {x} is not {v}")
counts = dict(re.findall(r"^  (Full playing|Student|Junior|Veteran playing|Family|Social|Life)\s+(\d+)", acc, re.M))
cat_fee = {"Full playing": "Full playing", "Student": "Student (full-time)", "Junior": "Junior (under 18)",
           "Veteran playing": "Veteran playing (65 and over)", "Family": "Family (two adults and their juniors)", "Social": "Social (non-playing)"}
cat_csv = {"Full playing": "full", "Student": "student", "Junior": "junior", "Veteran playing": "veteran", "Family": "family", "Social": "social", "Life": "life"}
for label, fee_key in cat_fee.items():
    key = "Subscriptions, " + label.lower().replace(" playing", "") if label != "Full playing" else "Subscriptions, full playing"
    if lines[key][1] != f"{counts[label]} x {FEES[fee_key][1]}":
        probs.append(f"accounts {key}: {lines[key][1]}")
for label, c in cat_csv.items():
    if sum(m["category"] == c and m["paid_2026"] == "Y" for m in MEMBERS) > int(counts[label]):
        probs.append(f"accounts: more {c} members on the list than paid")
people = sum(int(v) for k, v in counts.items() if k != "Family") + 11
if people != 97 or "Total                     97 people" not in acc or "3 memberships (11 people)" not in acc:
    probs.append("accounts: members")
income = [v for k, (v, _) in lines.items() if list(lines).index(k) < list(lines).index("Total income")]
costs = [v for k, (v, _) in lines.items() if list(lines).index("Total income") < list(lines).index(k) < list(lines).index("Total costs")]
fee_games = collections.Counter()
for f in played_1xi:
    n = sum(mem[p]["category"] != "junior" for p in f["players"])
    fee_games["to" if f["date"] <= "2026-06-30" else "from"] += n
hire_log = sum(float(h["cost_gbp"]) for h in HIRE if "2025-10-01" <= h["date"] <= "2026-09-30" and h["paid"] == "Y")
agm = flat("meetings/2026-11-13-agm.md")
if sum(income) != lines["Total income"][0] or sum(costs) != lines["Total costs"][0] or lines["Total income"][0] - lines["Total costs"][0] != lines["Surplus for the year"][0] \
        or lines["Match fees, 1st XI, to 30 June"][1] != f"{fee_games['to']} x {fee_on('2026-06-30')[0]}" \
        or lines["Match fees, 1st XI, from 1 July"][1] != f"{fee_games['from']} x {fee_on('2026-07-01')[0]}" \
        or lines["Match fees, Sunday XI"][1] != "48 x 5" or hire_log != 749 or lines["Pavilion hire"][0] != 749 + 311 \
        or "749 from the 2026 log, ph26-01 to ph26-09" not in lines["Pavilion hire"][1] \
        or lines["Parish council, a tenth of pavilion hire"][0] != round(lines["Pavilion hire"][0] / 10) \
        or lines["Ground rent, Scarrowby Parish Council"][0] != 1200 or "GBP 1,200 a year" not in L25["Rent"][1] \
        or lines["Parish council, towards the mowing"][0] != 400 or lines["Pathway coach, Dermot Keogh"][0] != sum(float(s["coach_cost_gbp"]) for s in SESS) \
        or lines["Indoor nets, Wendmoor Leisure Centre"][1] != f"{int(sum(float(s['hours']) for s in held if s['venue'] == 'Wendmoor Leisure Centre'))} hours x 38" \
        or lines["Bowling machine BM-02"][0] != int(eq["BM-02"]["cost_gbp"]) or lines["Flat sheets CV-03"][0] != int(eq["CV-03"]["cost_gbp"]) \
        or lines["League fine, Ormsgill abandonment"][0] != 50 or lines["Wendmoor Rural Sports Fund grant"][0] != 1500 \
        or lines["League fees, WDCL"][1] != f"{sum(t['league'].startswith('Wendmoor &') for t in TEAMS)} teams x 145" \
        or lines["Junior league fees, WJCL"][1] != f"{sum(t['league'] == 'Wendmoor Junior Cricket League' for t in TEAMS)} teams x 40" \
        or lines["Junior sessions, winter, non-members"][1] != "58 x 3" or "GBP 3 for non-members" not in flat("prices/fees-2027.md") \
        or lines["Junior sessions, summer, non-members"][1] != f"78 x {FEES['Junior session, non-member'][1]}" \
        or 58 > sum(int(s["players"]) for s in held if s["venue"] == "Wendmoor Leisure Centre") \
        or 78 > sum(int(s["players"]) for s in held if s["group"].startswith("U") and s["venue"] != "Wendmoor Leisure Centre" and int(s["fee_gbp"])) \
        or lines["Adult nets, non-members"][1] != f"19 x {FEES['Adult nets, non-member'][1]}" or lines["Women's softball"][1] != "41 x " + FEES["Women's softball, a session"][1] \
        or f"income GBP {lines['Total income'][0]:,}" not in agm or f"costs GBP {lines['Total costs'][0]:,}" not in agm \
        or f"surplus of GBP {lines['Surplus for the year'][0]:,}" not in agm or "37 members present" not in agm \
        or "fund for a new heavy roller with GBP 2,000 from the surplus" not in agm or "starting with GBP 2,000" not in flat("notes/2026-10-accounts-2026.txt") \
        or 2026 - int(eq["RL-01"]["bought"]) != 37 or "ours for 37 years" not in agm or "opened a fund to replace it" not in eq["RL-01"]["notes"] \
        or "sponsored by Fenby Motors" not in eq["SB-01"]["notes"] or lines["Scoreboard sponsorship, Fenby Motors"][0] != 750 \
        or "none was taken for the 1st XI match with Ormsgill on 27 June" not in flat("notes/2026-10-accounts-2026.txt") or fx["F26-10"]["ball_bowled"]:
    probs.append("the accounts against the fees, the log, the sessions, the hires, the lease and the AGM")

# ---- the promotion news against the fixtures and the league page
f20 = fx["F26-20"]
if f20["margin"] != "by 15 runs" or "SC160 making 38 and SC153 33" not in f20["text"] or "SC160 made 38 and SC153 33" not in flat("news/2026-09-seconds-promoted.md") \
        or f20["date"] != "2026-08-29" or "Saturday 29 August" not in flat("news/2026-09-seconds-promoted.md") or day("2026-08-29").weekday() != 5 \
        or not set(PROMO["Opponents from our area"][1].split(", ")) <= set(DIV27["Division 2"]) \
        or not set(PROMO["Opponents from our area"][0].split(", ")) <= set(DIV26["Division 3"][1]) or "Castle Ellerby 2nd XI" not in DIV27["Division 2"] \
        or PROMO["Overs a side"] != (str(DIV26["Division 3"][0]), str(DIV26["Division 2"][0])) \
        or PROMO["New balls"] != ("one a match", "one a match") or "in Divisions 2 and 3 one new ball a match" not in flat("league/wdcl-2026.md") \
        or "taking 2-19 from his six overs" not in fx["F26-15"]["text"] or "took two wickets" not in flat("news/2026-09-seconds-promoted.md") \
        or {"SC153", "SC160", "SC144"} != {p for f in FIX if f["team"] == "2XI" for p in re.findall(r"SC\d{3}", f["text"]) if apps[p]} \
        or "three of them also played for the 1st XI" not in flat("news/2026-09-seconds-promoted.md"):
    probs.append("the promotion news against the fixtures and the divisions")

# metadata and cells the comparisons use
tab3 = {r[1]: int(r[0]) for r in LT["Division 3"]}
cmp_facts = [
    int(mem["SC160"]["joined"]) < int(mem["SC123"]["joined"]),
    int(eq["SS-02"]["cost_gbp"]) > int(eq["SS-01"]["cost_gbp"]),
    float(BOWL["SC135"][7]) < float(BOWL["SC156"][7]),
    float(hr["ph26-08"]["cost_gbp"]) > float(hr["ph26-02"]["cost_gbp"]),
    placed["Ormsgill"][1] < placed["Kirkby Wend"][1],
    int(mem["SC181"]["joined"]) < int(mem["SC166"]["joined"]),
    int(eq["BM-02"]["cost_gbp"]) > int(eq["BM-01"]["cost_gbp"]),
    int(BAT["SC118"][5]) > int(BAT["SC147"][5]),
    tab3["Netherby Moor"] < tab3["Fenby Bridge 2nd XI"],
    int(ss["cs26-07"]["players"]) > int(ss["cs26-05"]["players"]),
    float(hr["ph26-09"]["hours"]) > float(hr["ph26-04"]["hours"]),
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
