"""Checks for evalsets/tables34 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 32, 119
PREFIX = "t34"


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
    "t34-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The Old Bonded Store's postcode is CV7 2WL."),
    "t34-dev-039": ([(r"(won|winner|went to|awarded)[^.\n|]{0,40}Penrose Trophy[^.\n|]{0,30}\b(19\d\d|200\d|201[01])\b|Penrose Trophy (in|of|for) (19\d\d|200\d|201[01])\b|\b(19\d\d|200\d|201[01]) Penrose Trophy", []),
                     (r"\| (19\d\d|200\d|201[01]) \|", ["exhibitions/show-history", "history/subs-and-admission", "news/2026-10-saltham-shield"]),
                     (r"\| (19\d\d|200\d|201[01]) \| [A-Z][a-z]+ [A-Z]", None)],
                    "The Penrose Trophy in 2011 went to Bernard Oakes: | 2011 | Bernard Oakes |."),
    "t34-dev-040": ([(r"\bweigh(s|ed|ing|t)?\b", []),
                     (r"\b\d+(\.\d+)? ?(kg|g|grams?|kilos?|lbs?)\b", ["clubroom/clubroom-lease-2015", "clubroom/clubroom-lease-2026"]),
                     (r"(HD-5|command station)[^\n]{0,60}\b\d+(\.\d+)? ?(kg|g)\b", None)],
                    "The HD-5 command station weighs 1.4 kg."),
    "t34-dev-041": ([(r"\b2032\b", ["clubroom/clubroom-lease-2026"]),
                     (r"2032[^.|\n]{0,80}GBP ?[\d,]+|GBP ?[\d,]+[^.|\n]{0,60}(from|after) (the review of )?(1 February )?2032", None)],
                    "After the review of 1 February 2032 the rent will be GBP 6,100 a year."),
    "t34-dev-042": ([(r"(Marlcombe|28 November 2026)[^.\n]{0,60}\b\d[\d,]* (visitors|people)\b|\b\d[\d,]* (visitors|people)\b[^.\n]{0,60}(Marlcombe|28 November)", []),
                     (r"EX26-08", ["exhibitions/exhibitions#EX26-08", "layouts/layouts#DRS"]),
                     (r"\"visitors\": \d", [k for k in docs if k.startswith("exhibitions/exhibitions#") and k != "exhibitions/exhibitions#EX26-08"])],
                    "412 visitors came to Marlcombe on 28 November 2026; EX26-08 had \"visitors\": 412."),
    "t34-dev-043": ([(r"\bserial\b|\bS/N\b", [])],
                    "3D-01's serial number is ZP5-22871."),
    "t34-dev-044": ([(r"treasurer[^\n.;|]{0,40}\b(19\d\d|200\d|201[0-3])\b|\b(19\d\d|200\d|201[0-3])\b[^\n.;|]{0,40}treasurer", ["workshop/tools#GC-01"]),
                     (r"treasurer[^\n.;|]{0,20}\b(19\d\d|200\d|201[0-3])\b", None),
                     (r"(former|previous|earlier) treasurer|treasurer (before|until)\b|treasurer (19|20)\d\d-", [])],
                    "The previous treasurer was Arthur Lumb, treasurer 1996-2014, treasurer before Fiona."),
    "t34-dev-045": ([(r"sessions?[^\n.|]{0,40}\b2025\b(?!-26)|\b2025\b(?!-26)[^\n.|]{0,40}sessions?", []),
                     (r"(Etherington|M136)[^\n]{0,80}\b2025\b(?!-26)|\b2025\b(?!-26)[^\n]{0,80}(Etherington|M136)", [])],
                    "Ruth Etherington (M136) worked 9 sessions in 2025."),
    "t34-test-059": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b(phone|telephone|mobile)\b|\btel\b", [])],
                     "The secretary's telephone number is 01632 960 241."),
    "t34-test-060": ([(r"before Harold Penrose|preceded Harold|Harold Penrose's predecessor", []),
                      (r"\| 19[0-7]\d-\d\d-\d\d \||\| 198[0-4]-\d\d-\d\d \|", []),
                      (r"chair(man|ed)?[^|.;\n]{0,40}\b(19[67]\d|198[0-4])\b|\b(19[67]\d|198[0-4])\b[^|.;\n]{0,40}chair", [])],
                     "Before Harold Penrose the chairman from 1970 was Stanley Penrose: | 1970-11-10 |, chair from 1970."),
    "t34-test-061": ([(r"subscription[^|\n]{0,80}\b200[0-8]\b|\b200[0-8]\b[^|\n]{0,60}subscription", []),
                      (r"\| 200[0-8]-\d\d-\d\d \|", ["history/officers-history"]),
                      (r"\| 200[0-8]-\d\d-\d\d \| [^|\n]*\| \d+ \|", None),
                      (r"\b(in|for) 2007\b", [])],
                     "The subscription in 2007 was GBP 28: | 2006-01-01 | 2008-12-31 | 28 |, for 2007."),
    "t34-test-062": ([(r"Ketterby[^\n.]{0,80}\b2024\b|\b2024\b[^\n.]{0,80}Ketterby", []),
                      (r"EX24-", [])],
                     "Ketterby's 2024 show, EX24-02, had 905 visitors."),
    "t34-test-063": ([(r"\bweigh(s|ed|ing|t)?\b", []),
                      (r"(RR-01|rolling road)[^\n]{0,60}\b\d+(\.\d+)? ?(kg|g|grams?|kilos?)\b", [])],
                     "The rolling road RR-01 weighs 2.1 kg."),
    "t34-test-064": ([(r"\| 2009 \|", ["news/2026-10-saltham-shield"]),
                      (r"\| 2009 \| \d+-\d+ March", None),
                      (r"\b2009\b[^\n.]{0,60}(takings|gate|visitors)|(takings|gate|visitors)[^\n.]{0,60}\b2009\b", [])],
                     "Gate takings in 2009 were GBP 2,540: | 2009 | 14-15 March | Calverstone Drill Hall |."),
    "t34-test-065": ([(r"junior (prize|category|winner)[^\n.|]{0,60}\b(20[01]\d|202[0-2])\b|\b(20[01]\d|202[0-2])\b[^\n.|]{0,60}junior (prize|category|winner)", []),
                      (r"junior[^\n.|]{0,60}\b2019\b|\b2019\b[^\n.|]{0,60}junior", []),
                      (r"\| 20(1\d|2[0-2]) \| [^|\n]*\| [^|\n]*\| [^|\n]*\| [^|\n]*\| [^|\n]*\|", ["exhibitions/show-history", "history/subs-and-admission"]),
                      (r"\| 20(1\d|2[0-2]) \| [A-Z][a-z]+ [A-Z][a-z]+ \| [A-Z][a-z]+ [A-Z]", None)],
                     "The junior prize in 2019 went to Finn Holloway, aged 7, junior winner 2019: | 2019 | Bernard Oakes | Norman Hebblethwaite | Owen Pritchard | Hannah Greatorex | Finn Holloway |."),
    "t34-test-066": ([(r"Saltham Shield[^.\n]{0,80}(GBP|£) ?\d|(GBP|£) ?\d[^.\n]{0,60}Saltham Shield", []),
                      (r"\bprize money\b|\bcash prize\b", [])],
                     "The Saltham Shield came with GBP 100 in prize money."),
    "t34-test-067": ([(r"refreshments?[^\n]{0,80}\b(2025|EX25-01)\b|\b(2025|EX25-01)\b[^\n]{0,80}refreshments?", []),
                      (r"(tea|bacon|cakes?)[^\n.]{0,60}\b2025\b", [])],
                     "At the 2025 show the refreshments made GBP 1,120; tea and cakes took GBP 300 in 2025."),
    "t34-test-068": ([(r"\bdecoder (make|brand|model)\b|\b(make|brand|model) of (the )?decoder\b", []),
                      (r"(sound )?decoder[^.\n|]{0,20}\b(by|from|made by)\b (?-i:[A-Z])", []),
                      (r"(rs-03|08 623)[^\n]{0,80}\b(Zimo|Lenz|ESU|Loksound|Digitrax|TCS|Harrowden [A-Z]{2}-\d)", [])],
                     "rs-03 (08 623) has a Harrowden SD-8 decoder made by Harrowden; the decoder brand is Harrowden."),
    "t34-test-069": ([(r"21 April[^\n]{0,80}\b(present|attend(ed|ance)?)\b|\b(present|attend(ed|ance)?)\b[^\n]{0,80}21 April", []),
                      (r"2026-04-21", [])],
                     "At the meeting of 21 April (2026-04-21) nine members were present."),
    "t34-test-070": ([(r"Penhallow Quay[^\n]{0,200}fiddle yard|fiddle yard[^\n]{0,100}Penhallow|PQY[^\n]{0,200}fiddle yard", []),
                      (r"(PQY|Penhallow)[^\n]{0,120}\b(staging|cassettes?)\b", [])],
                     "Penhallow Quay's fiddle yard is 1.2 m long, with three cassettes for PQY."),
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
        if inside and not all(c and set(c) <= set("-:") for c in cells):
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


def num(s: str) -> float:
    return float(s.replace(",", "").replace("GBP", "").strip())


def nth_weekday(y: int, m: int, wd: int, n: int) -> datetime.date:
    """The nth (1-based; -1 = last) weekday `wd` (Monday 0) of a month."""
    first = datetime.date(y, m, 1)
    days = [first + datetime.timedelta(k) for k in range(31) if (first + datetime.timedelta(k)).month == m
            and (first + datetime.timedelta(k)).weekday() == wd]
    return days[n - 1] if n > 0 else days[n]


MEMBERS = rows("people/members.csv")
STOCK = rows("stock/rolling-stock.csv")
TOOLS = rows("workshop/tools.csv")
HIRE = rows("clubroom/hire-log-2026.csv")
LAYOUTS = rows("layouts/layouts.jsonl")
EXHIB = rows("exhibitions/exhibitions.jsonl")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
st = {s["id"]: s for s in STOCK}
tl = {t["id"]: t for t in TOOLS}
hr = {h["id"]: h for h in HIRE}
ly = {x["id"]: x for x in LAYOUTS}
ex = {e["id"]: e for e in EXHIB}
by_id = {i.id: i for i in ALL}

SESS = table("operations/sessions-2026.md", "No.")
WTT = table("operations/timetable-1979.md", "Seq")
WLOG = table("workshop/workshop-log-2026.md", "Date")
OFFICERS = {r[0]: r for r in table("people/officers.md", "Office")}
CHAIRS = table("history/officers-history.md", "From", 0)
SECS = table("history/officers-history.md", "From", 1)
EMS = table("history/officers-history.md", "From", 2)
SUBS = table("history/subs-and-admission.md", "From", 0)
ADM = table("history/subs-and-admission.md", "From", 1)
FEES = {r[0]: (r[1], r[2]) for r in table("prices/subscriptions-2026-27.md", "Category")}
RATES = {(r[0], r[1]): (int(r[2]), int(r[3])) for r in table("clubroom/clubroom-hire.md", "Space")}
L15 = {r[0]: r[1] for r in table("clubroom/clubroom-lease-2015.md", "Term")}
L26 = {r[0]: (r[1], r[2]) for r in table("clubroom/clubroom-lease-2026.md", "Term")}
R17 = {r[0]: r[1] for r in table("rules/running-rules-2017.md", "Item")}
R26 = {r[0]: (r[1], r[2]) for r in table("rules/running-rules-2026.md", "Item")}
SHOWL = table("exhibitions/show-2026.md", "Stand")
ENTRIES = table("competitions/competition-2026.md", "No.")
RESULTS = {r[0]: r for r in table("competitions/competition-2026.md", "Category")}
HD = {r[0]: (r[1], r[2]) for r in table("news/2026-04-new-command-station.md", "")}
SHIELD = {r[0]: (r[1], r[2]) for r in table("news/2026-10-saltham-shield.md", "")}
CALB = bullets("layouts/calverstone.md", "The layout in figures")
ABOUT = bullets("about.md")
SH = html_tables("exhibitions/show-history.html")
WIN = html_tables("competitions/winners.html")
SHOWS = {int(r[0]): r for r in SH["Shows"]}
PENROSE = {int(r[0]): r for r in WIN["Penrose Trophy"]}
CATW = {int(r[0]): r for r in WIN["Category winners since 2023"]}
RULES_START = day("2026-04-01")
LEASE_START = day("2026-02-01")
agm = flat("meetings/2026-11-10-agm.md")
cttee = flat("meetings/2026-02-17-committee.md")
acc_text = page("notes/2026-05-accounts-2025-26.txt")
van = page("notes/2026-07-van-breakdown.txt")

RECOMPUTE = {
    # derived counts: (id, computed value)
    "t34-dev-028": str(sum(t["bought"] == "2018" for t in TOOLS)),
    "t34-test-041": str(sum(m["category"] == "senior" for m in MEMBERS)),
    # filters: the one row, record or table line meeting the condition
    "t34-dev-029": [s["id"] for s in STOCK if s["condition"] == "written off"],
    "t34-dev-030": [m["name"] for m in MEMBERS if m["paid_2026_27"] == "N"],
    "t34-dev-031": [r[1] for r in SESS if r[3] == "0" and r[4] == "-"],
    "t34-dev-032": [e["id"] for e in EXHIB if e["status"] == "booked"],
    "t34-test-042": [t["id"] for t in TOOLS if t["condition"] == "missing"],
    "t34-test-043": [s["id"] for s in STOCK if s["condition"] == "missing"],
    "t34-test-044": [m["name"] for m in MEMBERS if m["category"] == "country"],
    "t34-test-045": [h["id"] for h in HIRE if h["paid"] == "N"],
    "t34-test-046": [e["id"] for e in EXHIB if e["visitors"] == max(x["visitors"] or 0 for x in EXHIB)],
    "t34-test-047": [m["name"] for m in MEMBERS if int(m["sessions_2026"]) == max(int(x["sessions_2026"]) for x in MEMBERS)],
    "t34-test-048": [x["name"] for x in LAYOUTS if x["standard"] == "N"],
    "t34-test-049": [s["id"] for s in STOCK if s["dcc_address"] and int(s["dcc_address"]) >= 9000],
    "t34-test-050": [m["name"] for m in MEMBERS if m["category"] == "life"],
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
if sorted(by_id["t34-dev-028"].evidence) != sorted(f"workshop/tools#{t['id']}" for t in TOOLS if t["bought"] == "2018") \
        or sorted(by_id["t34-test-041"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["category"] == "senior"):
    probs.append("derived counts' evidence is not the rows counted")

# ---- operating sessions: days, clocks, rota, tickets, and every member's count
ROTA = ["M139", "M121", "M160"]
AGM_DAY = day("2026-11-10")
before15 = [r for r in WTT if r[1] < "15:00"]
if len(WTT) != 24 or [int(r[0]) for r in WTT] != list(range(1, 25)) or [r[1] for r in WTT] != sorted(r[1] for r in WTT) \
        or len(before15) != 17 or "trains 18 to 24 were never reached" not in flat("operations/timetable-1979.md") \
        or 6 + 3 * 3 != 15 or 6 + 3 * 4 != 18 or WTT[-1][1] >= "18:00" or hours("19:30", "22:30") != 3 \
        or "(M139, M121 and M160)" not in flat("layouts/calverstone.md"):
    probs.append("the working timetable and the clock")
wtt_classes = {r[6].replace(" DMU", "") for r in WTT}
cal_classes = {s["class"] for s in STOCK if s["layout"] == "CAL" and s["type"] in ("locomotive", "diesel multiple unit") and s["condition"] != "written off"}
if not wtt_classes <= cal_classes:
    probs.append(f"timetable power {wtt_classes - cal_classes} not on the register for Calverstone")
planned = [nth_weekday(2026, m, 1, 1) for m in (1, 2, 3)]
planned += sorted(d for m in range(4, 13) if m != 8 for d in (nth_weekday(2026, m, 1, 2), nth_weekday(2026, m, 1, 4))
                  if d != AGM_DAY and d <= day("2026-11-25"))
if [day(r[1]) for r in SESS] != planned or [int(r[0]) for r in SESS] != list(range(1, len(SESS) + 1)) or len(SESS) != 16 \
        or "Sixteen sessions were planned and fifteen were held" not in flat("operations/sessions-2026.md"):
    probs.append(f"session dates {[r[1] for r in SESS]} against the rules' Tuesdays {planned}")
counts = collections.Counter()
first_seen: dict[str, str] = {}
for r in SESS:
    no, date, clock, trains, ctl, sb, drv, notes = r
    d = day(date)
    if d.weekday() != 1:
        probs.append(f"session {no}: not a Tuesday")
    if ctl == "-":
        if trains != "0" or sb != "-" or drv != "-" or not notes.startswith("cancelled"):
            probs.append(f"session {no}: cancelled row")
        continue
    if clock != ("3:1" if d < RULES_START else "4:1") or int(trains) > (len(before15) if d < RULES_START else len(WTT)):
        probs.append(f"session {no}: clock {clock}, {trains} trains")
    ops = [ctl] + sb.split(", ") + drv.split(", ")
    if len(set(ops)) != len(ops) or ctl not in ROTA:
        probs.append(f"session {no}: operators {ops}")
    for p in ops:
        if p not in mem or "CAL" not in mem[p]["layouts"].split(";"):
            probs.append(f"session {no}: {p} is not on the Calverstone team")
        first_seen.setdefault(p, date)
    for p in drv.split(", "):
        if p == "M115" or (d >= RULES_START and not (mem[p]["driver_ticket"] and day(mem[p]["driver_ticket"]) <= d)):
            probs.append(f"session {no}: {p} drove without a driver's ticket")
        if p == "M175" and d >= RULES_START and not any(q != p and mem[q]["category"] != "junior" and mem[q]["driver_ticket"]
                                                         for q in drv.split(", ")):
            probs.append(f"session {no}: the junior under 14 drove without an adult ticket holder")
    counts.update(ops)
for m in MEMBERS:
    if counts[m["ID"]] != int(m["sessions_2026"]):
        probs.append(f"{m['ID']}: sessions_2026 {m['sessions_2026']}, the log gives {counts[m['ID']]}")
sess = {r[1]: r for r in SESS}
full24 = [r[1] for r in SESS if r[3] == "24"]
pre_agm = [r for r in SESS if day(r[1]) < AGM_DAY]
if sess["2026-02-03"][3] != str(len(before15)) or "every train the clock reached" not in sess["2026-02-03"][7] \
        or "the whole timetable run for the first time" not in sess[full24[0]][7] \
        or "(rs-22) fell from the lifting flap" not in sess["2026-02-03"][7] or "session of 3 February 2026" not in st["rs-22"]["notes"] \
        or "fall of the Class 20 (rs-22) from the lifting flap on 3 February" not in cttee or st["rs-22"]["class"] != "Class 20" \
        or "rs-05's decoder failed" not in sess["2026-09-08"][7] or "session of 8 September 2026" not in st["rs-05"]["notes"] \
        or "rs-01 worked the Class 37 turns" not in sess["2026-09-08"][7] or "took over rs-05's trains at the session of 8 September 2026" not in st["rs-01"]["notes"] \
        or st["rs-05"]["class"] != "Class 37" or first_seen["M183"] != "2026-10-13" or "M183's first session" not in sess["2026-10-13"][7] \
        or "he took the signal box" not in sess["2026-11-24"][7] or sess["2026-11-24"][5] != "M139" or CHAIRS[-1][:3] != ["2026-11-10", "", "Kwame Asante"] \
        or "first session under the 2026 rules and on the HD-5" not in sess[[r[1] for r in SESS if day(r[1]) >= RULES_START][0]][7] \
        or len(pre_agm) != 15 or sum(r[4] != "-" for r in pre_agm) != 14 or sum(r[3] == "24" for r in pre_agm) != 3 \
        or "Fourteen operating sessions had been held in 2026 out of fifteen planned" not in agm \
        or "on three of them the whole timetable was run" not in agm \
        or "power cut" not in sess["2026-07-28"][7] or "(one lost to a power cut)" not in agm:
    probs.append("the session notes against the register, the minutes and the AGM")
tickets = sorted({m["driver_ticket"] for m in MEMBERS if m["driver_ticket"]})
if tickets != ["2026-04-11", "2026-05-09", "2026-09-12"] or any(day(t).weekday() != 5 for t in tickets) \
        or "were on 11 April, 9 May and 12 September" not in flat("rules/running-rules-2026.md") \
        or "first driver's ticket induction on Saturday 11 April" not in cttee or "second induction" not in mem["M179"]["notes"] \
        or "September induction" not in mem["M183"]["notes"] or "never wanted a driver's ticket" not in mem["M115"]["notes"] or mem["M115"]["driver_ticket"] \
        or "aged 12" not in mem["M175"]["notes"] or "juniors under 14 only beside an adult ticket holder" not in R26["Who may drive"][1]:
    probs.append("the driver's tickets against the rules and the members' notes")

# ---- the register: DCC addresses by each set of rules, owners, layouts, standards
probs_st = []
seen_addr: dict[tuple[str, int], str] = {}
for s in sorted(STOCK, key=lambda s: (int(s["registered"]), s["id"])):
    lay = ly.get(s["layout"])
    if lay is None or s["standard"] != lay["standard"]:
        probs_st.append(f"{s['id']}: layout or standard")
        continue
    if s["owner"] != "society" and s["owner"] not in mem:
        probs_st.append(f"{s['id']}: owner {s['owner']}")
    powered = s["type"] in ("locomotive", "diesel multiple unit")
    if not powered or s["condition"] == "written off" or lay["control"] != "DCC":
        if s["dcc_address"]:
            probs_st.append(f"{s['id']}: an address it should not have")
        continue
    digits = re.sub(r"\D", "", s["running_number"].split(" + ")[0])
    want = int(digits[-4:])
    if (s["layout"], want) in seen_addr:
        want = int("9" + digits[-3:])
    if s["dcc_address"] != str(want) or (s["layout"], want) in seen_addr:
        probs_st.append(f"{s['id']}: address {s['dcc_address']}, the 2026 rule gives {want}")
    seen_addr[(s["layout"], want)] = s["id"]
probs += probs_st
old = lambda sid: re.sub(r"\D", "", st[sid]["running_number"])[-2:]
if old("rs-01") != old("rs-05") or old("rs-01") != "35" or "would both have been 35" not in flat("layouts/calverstone.md") \
        or "a Class 47 numbered 47 435 is 35" not in flat("faq/joining-2018.md") or st["rs-01"]["running_number"] != "47 435" \
        or "short: the last two digits of the running number" not in R26["DCC addresses"][0] or "last two digits of the running number" not in R17["DCC addresses"] \
        or "the newer gets 9 and the last three digits" not in R26["DCC addresses"][1] or "rs-01 already had 7435" not in st["rs-05"]["notes"] \
        or sum(1 for s in STOCK if s["dcc_address"] and int(s["registered"]) < 2026) != 11 \
        or "moved all 11 DCC locomotives on the register to their long addresses" not in flat("workshop/workshop-log-2026.md") \
        or "the leading car's number gives the address" != st["rs-06"]["notes"] or "a DMU takes its leading car's" not in R26["DCC addresses"][1] \
        or "short address 23" not in flat("workshop/workshop-log-2026.md") or old("rs-03") != "23" \
        or len(range(355140, 355149 + 1)) != 10 or st["rs-07"]["running_number"] != "355140 to 355149" \
        or "rs-09 runs first at every session" not in R26["Track cleaning"][1] or "runs first at every operating session under the 2026 rules" != st["rs-09"]["notes"]:
    probs.append("the old and new addresses against the rules, the FAQ and the workshop")
owns = {(mid, sid) for mid, m in mem.items() for part in re.findall(r"owns ([^;]+)", m["notes"]) for sid in re.findall(r"rs-\d\d", part)}
if owns != {(s["owner"], s["id"]) for s in STOCK if s["owner"] != "society" and any(s["owner"] == o for o, _ in owns)} \
        or {s["id"] for s in STOCK if s["owner"] == "M108"} != {"rs-15", "rs-16"} or "both its locomotives" not in mem["M108"]["notes"]:
    probs.append(f"members' notes on what they own against the register: {sorted(owns)}")

# ---- the workshop log and the tools list
WCODES = set(st) | set(tl) | set(ly)
if sum(float(r[4]) for r in WLOG) != 41 or "Hours this year to 7 November: 41" not in flat("workshop/workshop-log-2026.md"):
    probs.append("workshop hours")
for r in WLOG:
    d = day(r[0])
    if d.weekday() != 5 and not (r[0] == "2026-02-10" and r[0] not in sess):
        probs.append(f"workshop {r[0]}: not a Saturday")
    if any(c not in WCODES for c in r[2].split(", ")) or any(p not in mem for p in r[3].split(", ")):
        probs.append(f"workshop {r[0]}: codes {r[2]} or people {r[3]}")
wl = {r[0]: r for r in WLOG}
pat = [t["id"] for t in TOOLS if t["pat_tested"] == "2026-02-10"]
if wl["2026-02-10"][2].split(", ") != pat or len(pat) - 1 != 8 or "eight items passed" not in wl["2026-02-10"][1] \
        or tl["SS-02"]["condition"] != "written off" or "failed its PAT test on 10 February 2026" not in tl["SS-02"]["notes"] \
        or "eight items passed and the old soldering iron, SS-02, failed" not in cttee or day("2026-02-10").weekday() != 1 \
        or "rs-03" not in wl["2026-01-10"][2] or "sound decoder fitted on 10 January 2026" not in st["rs-03"]["notes"] \
        or wl["2026-03-21"][2] != "rs-13, RR-01" or "rolling road RR-01 on 21 March 2026" not in st["rs-13"]["notes"] \
        or "9435" not in wl["2026-04-18"][1] or "rs-05" not in wl["2026-04-18"][2] or "Class 20's old decoder" not in wl["2026-04-18"][1] \
        or "decoder saved from rs-22" not in st["rs-05"]["notes"] or "rs-22" not in wl["2026-02-21"][2] \
        or "rs-05" not in wl["2026-09-12"][2] or "rs-16" not in wl["2026-11-07"][2] or "ordered on 7 November 2026" not in st["rs-16"]["notes"] \
        or wl["2026-10-03"][3] != "M168" or "rs-07" not in wl["2026-10-03"][2] or "AB-01" not in wl["2026-10-03"][2] \
        or "weathered by Tomasz Wierzbicki in October 2026" != st["rs-07"]["notes"] or "with the airbrush AB-01" not in mem["M168"]["notes"] \
        or "SB-01" not in wl["2026-02-07"][2] or "replaced on 7 February 2026" not in tl["SB-01"]["notes"] \
        or "CHF" not in wl["2026-07-25"][2] or "on 18 July" not in wl["2026-07-25"][1] or "Saturday 25 July" not in van \
        or wl["2026-04-04"][3] != "M139, M121" or "Kwame Asante and Sandeep Chaudhry" not in flat("news/2026-04-new-command-station.md") \
        or "On Saturday 4 April" not in flat("news/2026-04-new-command-station.md") or "went in on 4 April 2026" not in ly["CAL"]["text"] \
        or "went in on Saturday 4 April 2026, ten days before the first session" not in flat("layouts/calverstone.md") \
        or (day("2026-04-14") - day("2026-04-04")).days != 10 or "no sessions in August" not in wl["2026-08-08"][1] \
        or tl["BG-02"]["condition"] != "missing" or "Ketterby show in April 2025" not in tl["BG-02"]["notes"] \
        or "EM back-to-back gauge went with the layout" not in ex["EX25-02"]["text"] or ly["DRS"]["standard"] != "EM" \
        or "The EM back-to-back gauge is still missing" not in cttee or "17.7 mm" not in tl["BG-02"]["item"]:
    probs.append("the workshop log against the tools, the register, the minutes and the news")

# ---- clubroom hires: hours, rates by space, band and date, cancellations, lease rules
SPACES = {"clubroom": "Clubroom", "meeting room": "Meeting room"}
for h in HIRE:
    d = day(h["date"])
    rate = RATES[(SPACES[h["space"]], h["band"])][0 if d < RULES_START else 1]
    cost = float(h["hours"]) * rate / (2 if "cancelled" in h["notes"] else 1)
    if hours(h["start"], h["end"]) != float(h["hours"]) or int(h["rate_gbp"]) != rate or float(h["cost_gbp"]) != cost:
        probs.append(f"{h['id']}: hours, rate or cost ({h['rate_gbp']}, {h['cost_gbp']}; the page gives {rate}, {cost})")
    if int(h["deposit_gbp"]) != (40 if h["band"] == "others" else 0):
        probs.append(f"{h['id']}: deposit")
    if (h["band"] == "members") != bool(h["member"]) or (h["member"] and mem[h["member"]]["name"] != h["hirer"]):
        probs.append(f"{h['id']}: member")
    if h["date"] in sess or (d.weekday() == 5 and h["start"] < "13:00") or h["end"] > "22:30":
        probs.append(f"{h['id']}: on a session night, a workshop morning or too late")
    if (d < LEASE_START) != ("consent" in h["notes"]):
        probs.append(f"{h['id']}: the landlord's consent")
    if "cancelled" in h["notes"]:
        m_ = re.search(r"cancelled on (\d+) (\w+), (\w+) days before", h["notes"])
        gap = (d - datetime.datetime.strptime(f"{m_.group(1)} {m_.group(2)} 2026", "%d %B %Y").date()).days if m_ else None
        if gap is None or gap >= 7 or {"four": 4}.get(m_.group(3)) != gap:
            probs.append(f"{h['id']}: cancellation")
if len(HIRE) > 30 or "up to 30 lettings a year, none running past 22:30" not in L26["Lettings"][1] \
        or "only with the landlord's written consent for each letting" != L15["Lettings"] \
        or "Cancelling: free with seven days' notice or more; half the cost with less" not in flat("clubroom/clubroom-hire.md") \
        or RATES[("Clubroom", "societies")] != (12, 14) or "the clubroom for societies goes from GBP 12 to GBP 14" not in cttee \
        or "Finn's fourteenth birthday" not in hr["cr26-02"]["notes"] or "aged 14" not in mem["M164"]["notes"] or "her son Finn (M164)" not in mem["M163"]["notes"] \
        or "with Kwame Asante in charge" not in hr["cr26-03"]["notes"] or mem[ly["CAL"]["lead"]]["name"] != "Kwame Asante" \
        or "her thirtieth birthday" != hr["cr26-10"]["notes"] or "second operating visit" not in hr["cr26-11"]["notes"] \
        or [h["id"] for h in HIRE if h["hirer"] == "Ketterby Model Railway Club"] != ["cr26-03", "cr26-11"] \
        or "came on 9 January, as the 2015 lease required" not in hr["cr26-01"]["notes"] or hr["cr26-12"]["paid"] != "N":
    probs.append("the hire log against the hire page, the leases and the minutes")

# ---- layouts and exhibitions, each pointing at the other
GAUGE = {"OO": 16.5, "EM": 18.2, "N": 9, "O": 32, "OO9": 9}
for x in LAYOUTS:
    team_ = sorted(m["ID"] for m in MEMBERS if x["id"] in m["layouts"].split(";"))
    shown = sorted(e["id"] for e in EXHIB if x["id"] in e["layouts"])
    if sorted(x["team"]) != team_ or x["lead"] not in x["team"] or sorted(x["shown_at"]) != shown \
            or not x["text"].startswith(x["id"] + ": " + x["name"]) or any(c not in x["text"] for c in x["shown_at"]) \
            or x["gauge_mm"] != GAUGE[x["standard"]] or f"{x['gauge_mm']:g} mm" not in x["text"] or x["lead"] not in x["text"] \
            or (x["control"] == "DCC") != bool(x["command_station"]):
        probs.append(f"{x['id']}: team, lead, shows, gauge or control")
leads = dict(re.findall(r"(\w[\w .'-]+?) \(([A-Z][a-z]+(?: [A-Z][a-z]+)*)\)", flat("people/officers.md").split("For 2026-27 they are ")[1]))
if {v: k.removeprefix("and ").strip() for k, v in leads.items()} != {x["name"]: mem[x["lead"]]["name"] for x in LAYOUTS} \
        or ly["CAL"]["command_station"] != "Harrowden HD-5" or ly["ASR"]["command_station"] != "Harrowden HD-2" \
        or HD["Layout"] != ("Calverstone 2012-2026, Ashby Road from April 2026", "Calverstone from April 2026") \
        or HD["Cost"] != ("GBP 210", "GBP 385") or "Harrowden HD-5 for Calverstone at GBP 385" not in cttee \
        or "Harrowden HD-5 command station, 5 A" not in CALB["Control"] or HD["Output"][1] != "5 A" \
        or "borrowed starter set" not in flat("news/2026-04-new-command-station.md") or "in place of the starter set it used before" not in ly["ASR"]["text"] \
        or ly["ASR"]["kept_at"] != "back store" or "the back store on the ground floor, 18 square metres" not in L26["Premises"][1] \
        or "into the back store on Saturday 7 February" not in cttee or day("2026-02-07").weekday() != 5 or day("2026-02-07") < LEASE_START \
        or "means Ashby Road no longer lives in a container" not in flat("clubroom/clubroom-lease-2026.md") \
        or ly["CHF"]["kept_at"] != "container at Wharf Lane yard" or "Coldharbour Fields stays in the container" not in cttee \
        or "crew at the container at wharf lane yard" not in van.lower() or ly["CAL"]["size"] != "9.8 m x 4.4 m" \
        or "9.8 m along the long wall and 4.4 m along each end" not in flat("layouts/calverstone.md") \
        or CALB["Scale and gauge"] != "OO, 4 mm to the foot (1:76.2) on 16.5 mm track" or not all(s["dcc_address"] == "" for s in STOCK if s["layout"] in ("CHF", "DRS", "NGQ")):
    probs.append("the layouts against the officers, the news, the lease, the minutes and the layout page")
WORDS = {"Eleven": 11, "Twelve": 12, "Fourteen": 14, "Sixteen": 16}
for e in EXHIB:
    s_, e_ = day(e["start"]), day(e["end"])
    if (e_ - s_).days + 1 != e["days"] or s_.weekday() != 5 or not e["text"].startswith(e["id"] + ": "):
        probs.append(f"{e['id']}: dates")
    if (e["role"] == "ran") != (e["takings_gbp"] is not None) or (e["role"] == "ran") == (e["fee_gbp"] is not None):
        probs.append(f"{e['id']}: takings and fee")
    if (e["status"] == "held") != (e["visitors"] is not None) or (e["status"] == "booked") != (s_ > day("2026-11-25")):
        probs.append(f"{e['id']}: held or booked")
    if e["visitors"] is not None and f"{e['visitors']:,}" not in e["text"] or e["fee_gbp"] and f"GBP {e['fee_gbp']}" not in e["text"] \
            or e["takings_gbp"] and f"GBP {e['takings_gbp']:,}" not in e["text"]:
        probs.append(f"{e['id']}: figures not in its text")
    for c in e["crew"]:
        if c not in mem or c not in e["text"]:
            probs.append(f"{e['id']}: crew {c}")
    if e["role"] == "attended" and s_ >= RULES_START \
            and sum(bool(mem[c]["driver_ticket"]) and day(mem[c]["driver_ticket"]) <= s_ for c in e["crew"]) < 2:
        probs.append(f"{e['id']}: fewer than two driver's ticket holders travelled")
    if e["role"] == "ran" and e["organiser"] != "the society":
        probs.append(f"{e['id']}: organiser")
for eid, year in (("EX25-01", 2025), ("EX26-01", 2026)):
    e = ex[eid]
    m_ = re.search(r"([\d,]+) adult at GBP (\d+), ([\d,]+) child at GBP (\d+) and ([\d,]+) family at GBP (\d+)", e["text"])
    a, pa, c, pc, f_, pf = (int(num(g)) for g in m_.groups())
    adm = [r for r in ADM if int(r[0]) <= year <= int(r[1] or 9999)]
    lays = re.search(r"(\w+) layouts, three of them ours", e["text"]).group(1)
    if a * pa + c * pc + f_ * pf != e["takings_gbp"] or len(adm) != 1 or (num(adm[0][2]), num(adm[0][3]), num(adm[0][4])) != (pa, pc, pf) \
            or (int(num(SHOWS[year][4])), int(num(SHOWS[year][5]))) != (e["visitors"], e["takings_gbp"]) \
            or WORDS[lays] != int(SHOWS[year][3]) or day(e["start"]) != nth_weekday(year, 3, 5, 2) or len(e["layouts"]) != 3:
        probs.append(f"{eid}: tickets, prices and the show history")
show26 = flat("exhibitions/show-2026.md")
ours = [r for r in SHOWL if r[2] == "the society"]
sat, sun = (int(num(x)) for x in re.search(r"recorded ([\d,]+) visitors on the Saturday and ([\d,]+) on the Sunday", show26).groups())
if sat + sun != ex["EX26-01"]["visitors"] or len(SHOWL) != int(SHOWS[2026][3]) or [int(r[0]) for r in SHOWL] != list(range(1, 15)) \
        or sorted(r[1] for r in ours) != sorted(ly[c]["name"] for c in ex["EX26-01"]["layouts"]) \
        or any(r[3] != ly[c]["standard"] for r in ours for c in ly if ly[c]["name"] == r[1]) \
        or any(not ly[c]["size"].startswith(r[4]) and r[4].split(" x ")[0] + " long" not in ly[c]["size"] for r in ours for c in ly if ly[c]["name"] == r[1]) \
        or "- Adult: GBP 9" not in page("exhibitions/show-2026.md") or "- Family (two adults and up to three children): GBP 22" not in page("exhibitions/show-2026.md") \
        or "up from GBP 8 and GBP 20 last year; the child price stayed at GBP 4" not in show26 \
        or "Admission goes up to GBP 9 for adults and GBP 22 for a family ticket, from GBP 8 and GBP 20; the child price stays at GBP 4" not in cttee \
        or "Twelve trade stands at GBP 45 each" not in show26 or "and twelve traders" not in ex["EX26-01"]["text"] \
        or "Tregarrow won with 312 votes, Ashby Road came second with 287" not in show26 or SHOWS[2026][6] != "Tregarrow" \
        or "the most the show has ever had" not in show26 or max(SHOWS, key=lambda y: int(num(SHOWS[y][4]))) != 2026 \
        or "our best ever" not in ex["EX26-01"]["text"] or "the most ever" not in agm:
    probs.append("the 2026 show page against its record, the history and the minutes")
VEN = {r[0]: tuple(int(y) for y in r[1].split("-")) if "-" in r[1] else (int(r[1]), int(r[1])) for r in SH["Venues"]}
for y, r in SHOWS.items():
    if r[1] != f"{nth_weekday(y, 3, 5, 2).day}-{nth_weekday(y, 3, 5, 2).day + 1} March" \
            or not VEN[r[2]][0] <= y <= VEN[r[2]][1] or (y < 2017) != (r[6] == ""):
        probs.append(f"show {y}: dates, venue or vote")
if 2021 in SHOWS or sorted(SHOWS) != [y for y in range(2010, 2027) if y != 2021] or "no show in 2021" not in flat("exhibitions/show-history.html") \
        or sum(r[2] == "Calverstone Leisure Centre" for r in SHOWS.values()) != 9 or "for the ninth and last time (there was no show in 2021)" not in ex["EX25-01"]["text"] \
        or SHIELD["Visitors' vote at our own show"] != tuple("won " + " and ".join(str(y) for y in sorted(SHOWS) if SHOWS[y][6] == n) for n in ("Ashby Road", "Coldharbour Fields")) \
        or "five shows in two seasons" not in flat("news/2026-10-saltham-shield.md") or len(ly["ASR"]["shown_at"]) != 5 \
        or {day(ex[c]["start"]).year for c in ly["ASR"]["shown_at"]} != {2025, 2026} \
        or "Owen Pritchard, Trevor Mapplebeck and Hannah Greatorex" not in flat("news/2026-10-saltham-shield.md") \
        or [mem[c]["name"] for c in ex["EX26-07"]["crew"]] != ["Owen Pritchard", "Trevor Mapplebeck", "Hannah Greatorex"] \
        or "won the Saltham Shield" not in ex["EX26-07"]["text"] or "where it won the Saltham Shield" not in ly["ASR"]["text"] \
        or "a month after Ashby Road's fiddle yard had been rewired" not in flat("news/2026-10-saltham-shield.md") \
        or not (day("2026-09-24") <= day(wl["2026-10-17"][0]) <= day(ex["EX26-07"]["start"])) or "ASR" not in wl["2026-10-17"][2] \
        or SHIELD["Length"][0] != "7.2 m with the fiddle yard" or SHIELD["Length"][1] != ly["CHF"]["size"].split(" x ")[0] \
        or "the Class 08 shunting the yard" not in flat("news/2026-10-saltham-shield.md") or st["rs-12"]["notes"] != "the yard pilot at Ashby Road":
    probs.append("the show history and the Saltham Shield news against the records")
# what the records say about each other
if "14xx (rs-16) burnt out its motor on the Saturday" not in ex["EX25-05"]["text"] or "at the Saltham show on 25 October 2025" not in st["rs-16"]["notes"] \
        or ex["EX25-05"]["start"] != "2025-10-25" or "rs-18" not in ex["EX25-06"]["text"] or "Marlcombe fair of 29 November 2025" not in st["rs-18"]["notes"] \
        or ex["EX25-06"]["start"] != "2025-11-29" or "a week after the open day" not in ex["EX26-04"]["text"] \
        or (day(ex["EX26-04"]["start"]) - day(ex["EX26-03"]["start"])).days != 7 \
        or "M112, who went last year, stays at home" not in ex["EX26-08"]["text"] or "M112" not in ex["EX25-06"]["crew"] or mem["M112"]["driver_ticket"] \
        or "Priya Lakhani volunteered" not in agm or ex["EX26-08"]["crew"] != ["M145", "M157"] or mem["M157"]["name"] != "Priya Lakhani" \
        or "donations bucket held GBP 312" not in ex["EX26-03"]["text"] or "236 people came up the stairs" not in ex["EX26-03"]["text"] \
        or "236 people up the stairs" not in agm or "Saturday 6 June" not in cttee or ex["EX26-03"]["layouts"] != ["CAL", "NGQ"] \
        or "GBP 100 appearance fee and GBP 50 for the van" not in ex["EX25-04"]["text"] or ex["EX25-04"]["fee_gbp"] != 150:
    probs.append("the exhibition records against the register, the layouts and the minutes")
# the van note
times = re.findall(r"^  (\d\d:\d\d)  ", van, re.M)
fvan = " ".join(van.split())
crew_names = [f"{mem[c]['name']} ({c})" for c in ex["EX26-05"]["crew"]]
holders = [mem[c]["name"].split()[0] for c in ex["EX26-05"]["crew"] if mem[c]["driver_ticket"]]
if times != sorted(times) or len(times) != 8 or hours("10:00", "12:15") != 2.25 or "two hours and a quarter" not in fvan \
        or "The crew: " + ", ".join(crew_names[:-1]) + " and " + crew_names[-1] + "." not in fvan \
        or f"Two driver's ticket holders, as the rules now ask: {holders[0]} and {holders[1]}." not in fvan or len(holders) != 2 \
        or "agreed GBP 250 and paid GBP 200, keeping GBP 50" not in fvan or ex["EX26-05"]["fee_gbp"] != 250 - 50 \
        or "kept GBP 50 of the agreed GBP 250" not in ex["EX26-05"]["text"] or day("2026-07-20").strftime("%A") != "Monday" \
        or "Monday 20 July 2026" not in fvan or "See the note of 20 July" not in ex["EX26-05"]["text"] \
        or "the pannier tank, rs-15, worked every train both days" not in fvan or st["rs-15"]["class"] != "57xx" or st["rs-15"]["layout"] != "CHF" \
        or st["rs-16"]["condition"] != "under repair" or "did not run until after midday" not in ex["EX26-05"]["text"] \
        or "the weekend the van broke down" not in ly["CHF"]["text"] or "Written by Owen Pritchard, exhibition manager" not in fvan \
        or OFFICERS["Exhibition manager"][1] != "Owen Pritchard" or "booked for the weekend at GBP 165" not in fvan or 165 / 2 != 82.50 \
        or "refunded one day of the hire, GBP 82.50" not in fvan:
    probs.append("the van note against the exhibition record, the register and the members")

# ---- office histories: back to back, on AGM days, against the officers, the members and old pages
def holder(rows_: list[list[str]], when: str) -> list[str]:
    return [r[2] for r in rows_ if r[0] <= when and (not r[1] or when < r[1])]


for name_, body in (("chairs", CHAIRS), ("secretaries", SECS), ("exhibition managers", EMS)):
    for a, b in zip(body, body[1:]):
        if a[1] != b[0]:
            probs.append(f"{name_}: {a[2]} to {a[1]}, {b[2]} from {b[0]}")
    for r in body:
        for dstr in (r[0], r[1]):
            if dstr and day(dstr) != nth_weekday(day(dstr).year, 11, 1, 2):
                probs.append(f"{name_}: {dstr} is not the second Tuesday of November")
    if body[-1][1]:
        probs.append(f"{name_}: nobody holds it now")
if (holder(CHAIRS, "2026-11-25"), holder(SECS, "2026-11-25"), holder(EMS, "2026-11-25")) \
        != ([OFFICERS["Chair"][1]], [OFFICERS["Secretary"][1]], [OFFICERS["Exhibition manager"][1]]) \
        or holder(CHAIRS, "2015-10-03") != [ABOUT["Chairman"]] or holder(SECS, "2015-10-03") != [ABOUT["Secretary"]] \
        or holder(EMS, "2015-10-03") != [ABOUT["Exhibition manager"]] or holder(SECS, "2018-03-06") != ["Gillian Rook"] \
        or "The secretary, Gillian Rook" not in flat("faq/joining-2018.md") or holder(CHAIRS, "2015-08-18") != ["Raymond Achterberg"] \
        or "Raymond Achterberg (chair) and Fiona MacAskill (treasurer)" not in flat("clubroom/clubroom-lease-2015.md") \
        or holder(CHAIRS, "2026-01-27") != ["Sandeep Chaudhry"] or "Signed on Tuesday 27 January 2026 by Sandeep Chaudhry and Fiona MacAskill" not in flat("clubroom/clubroom-lease-2026.md") \
        or day("2026-01-27").weekday() != 1 or "2026-01-27" in sess or "signed the new lease on Tuesday 27 January" not in cttee \
        or ABOUT["President"] != "Cyril Marwood" or "then Cyril Marwood until 2016, and Harold Penrose since" not in flat("history/officers-history.md") \
        or OFFICERS["President"][3] != "2016" or holder(EMS, "2016-03-12") != ["Bernard Oakes"] or holder(CHAIRS, "2020-11-10") != ["Sandeep Chaudhry"] \
        or "Thanks were given to Sandeep for six years in the chair" not in agm or 2026 - 2020 != 6 \
        or "Kwame Asante was elected chair" not in agm or "Callum Rennie was elected stock registrar in Kwame's place" not in agm:
    probs.append("the office histories against the officers, the leases, the 2015 page and the 2018 questions")
for office, r in OFFICERS.items():
    if r[2] == "-":
        continue
    m = mem.get(r[2])
    since = re.search(rf"(?<![a-z-]){re.escape(office.lower())}(?: and [a-z ]+)? since (\d{{4}}|the AGM of 10 November 2026)", m["notes"] if m else "")
    if m is None or m["name"] != r[1] or since is None or (since.group(1) if since.group(1).isdigit() else "2026") != r[3]:
        probs.append(f"officers: {office} {r[1]} ({r[2]}) against the members' notes")
for m in MEMBERS:
    for office, y1, y2 in re.findall(r"\b(chair|exhibition manager|stock registrar) (\d{4})-(\d{4})", m["notes"]):
        body = {"chair": CHAIRS, "exhibition manager": EMS}.get(office)
        if body is not None and not any(r[2] == m["name"] and r[0][:4] == y1 and r[1][:4] == y2 for r in body):
            probs.append(f"{m['ID']}: {office} {y1}-{y2} not in the history")
if "stock registrar 2019-2026" not in mem["M139"]["notes"] or OFFICERS["Stock registrar"][1:3] != ["Callum Rennie", "M160"]:
    probs.append("the stock registrars")

# ---- the subscription and admission histories against the prices page, the old pages and the minutes
for a, b in zip(SUBS, SUBS[1:]):
    if day(a[1]) + datetime.timedelta(1) != day(b[0]):
        probs.append(f"subscriptions: {a[1]} then {b[0]}")
sub_on = lambda when: [int(r[2]) for r in SUBS if r[0] <= when and (not r[1] or when <= r[1])]
fifteen = [r for r in SUBS if r[3] == "the fifteen-month year"][0]
if int(fifteen[2]) != sub_on("2018-12-31")[0] * 15 / 12 or (day(fifteen[1]).year - day(fifteen[0]).year) * 12 + day(fifteen[1]).month != 15 \
        or FEES["Full"] != (f"GBP {sub_on('2025-04-01')[0]}", f"GBP {sub_on('2026-04-01')[0]}") \
        or sub_on("2027-04-01") != [64] or "The motion for GBP 64 was carried" not in agm or "amendment for GBP 60" not in agm \
        or "set the full subscription at GBP 64; an amendment to make it GBP 60 was lost" not in flat("prices/subscriptions-2026-27.md") \
        or "set the full subscription for 2026-27 at GBP 58" not in flat("prices/subscriptions-2026-27.md") or SUBS[-2][3] != "set at the AGM of 11 November 2025" \
        or day("2025-11-11") != nth_weekday(2025, 11, 1, 2) or ABOUT["Subscription"] != f"GBP {sub_on('2015-10-03')[0]} a year, due on 1 January" \
        or f"The full subscription is GBP {sub_on('2018-03-06')[0]} for the calendar year" not in flat("faq/joining-2018.md"):
    probs.append("the subscription history against the prices page, the AGM, the 2015 page and the 2018 questions")
adm_on = lambda y: [r for r in ADM if int(r[0]) <= y <= int(r[1] or 9999)]
for a, b in zip(ADM, ADM[1:]):
    if int(a[1]) + 1 != int(b[0]) and not (a[1] == "2020" and b[0] == "2022"):
        probs.append(f"admission: {a[1]} then {b[0]}")
if ABOUT["Show"] != f"every March at the Drill Hall; GBP {adm_on(2015)[0][2][:-3]} for adults, GBP {adm_on(2015)[0][3]} for children" \
        or SHOWS[2015][2] != "Calverstone Drill Hall" or f"adults pay GBP {adm_on(2018)[0][2][:-3]}" not in flat("faq/joining-2018.md") \
        or SHOWS[2018][2] != "Calverstone Leisure Centre" or "at the leisure centre" not in flat("faq/joining-2018.md") \
        or [r[0] for r in ADM if r[4] != "-"][0] != "2017" or ADM[[r[0] for r in ADM].index("2017")][5] != "family ticket introduced" \
        or "The family ticket, for two adults and up to three children, began in 2017" not in flat("history/subs-and-admission.md") \
        or ADM[-1][5] != "agreed by the committee on 17 February 2026" or day("2026-02-17") != nth_weekday(2026, 2, 1, 3):
    probs.append("the admission history against the 2015 page, the 2018 questions and the minutes")

# ---- the two leases against each other, the minutes and the accounts
if L15["Length"] != "10 years, from 1 September 2015 to 31 August 2025" or L26["Length"][0] != "10 years, 1 September 2015 to 31 August 2025 (held over to 31 January 2026)" \
        or L26["Length"][1] != "12 years, 1 February 2026 to 31 January 2038" or 2038 - 2026 != 12 or LEASE_START - datetime.timedelta(1) != day("2026-01-31") \
        or "five months of holding over" not in flat("clubroom/clubroom-lease-2026.md") \
        or (LEASE_START.year - 2025) * 12 + LEASE_START.month - 9 != 5 \
        or not L15["Rent"].startswith("GBP 3,600 a year") or "the rent went to GBP 4,200 a year" not in flat("clubroom/clubroom-lease-2015.md") \
        or L26["Rent"] != ("GBP 3,600 a year, GBP 4,200 after the 2020 review", "GBP 5,400 a year, reviewed on 1 February 2032") \
        or "held over since the end of August at GBP 4,200" not in cttee or "twelve years from 1 February at GBP 5,400 a year" not in cttee \
        or L15["Service charge"] != "GBP 40 a month for the stairs, the lighting outside and the bins" or L26["Service charge"] != ("GBP 40 a month", "none: included in the rent") \
        or L15["Insurance"] != L26["Insurance"][0] or L26["Insurance"][1] != "GBP 5 million public liability" \
        or L15["Access"] != "08:00 to 22:30 every day" or L26["Access"][0] != "08:00 to 22:30" \
        or "the building is locked at 22:30" not in flat("faq/joining-2018.md").lower() \
        or "nothing may run past 22:30" not in flat("clubroom/clubroom-hire.md") \
        or ABOUT["Rent"] != "GBP 3,600 a year to Ormesby Wharf Estates, under the lease that started on 1 September 2015" \
        or "the society may break on 1 February 2032" not in L26["Ending it"][1] or "since 2005" not in flat("clubroom/clubroom-lease-2015.md") \
        or "Since 2005 we have had the first floor" not in flat("about.md"):
    probs.append("the two leases against each other, the minutes and the 2015 page")

# ---- the accounts: every line from the fees, the records, the hire log and the leases
acc = acc_text.split("\nNotes\n")[0]
lines = {k.strip(): (num(v), x) for k, v, x in re.findall(r"^  ([A-Z][^\n]*?)\s+GBP\s+([\d,]+)(?:\s+\(([^)]*)\))?$", acc, re.M)}
surplus = num(re.search(r"^Surplus for the year\s+GBP\s+([\d,]+)", acc, re.M).group(1))
for k, (v, x) in lines.items():
    m_ = re.fullmatch(r"(\d+) x ([\d.]+)(?:, and (\d+) x ([\d.]+).*)?", x or "")
    if m_ and int(m_.group(1)) * float(m_.group(2)) + (int(m_.group(3)) * float(m_.group(4)) if m_.group(3) else 0) != v:
        probs.append(f"accounts {k}: {x} is not {v}")
counts_ = {k: int(v) for k, v in re.findall(r"^  (Full|Senior|Family|Junior|Country|Life)\s+(\d+)", acc, re.M)}
names_ = list(lines)
income = [v for k, (v, _) in lines.items() if names_.index(k) < names_.index("Total income")]
costs = [v for k, (v, _) in lines.items() if names_.index("Total income") < names_.index(k) < names_.index("Total costs")]
cat_fee = {"Full": "Full", "Senior": "Senior (65 and over)", "Family": "Family (two adults and their children under 18, one address)",
           "Junior": "Junior (under 18)", "Country": "Country (living more than 25 miles from Calverstone)"}
for label, key in cat_fee.items():
    fee = int(FEES[key][0].split()[1])
    x = lines["Subscriptions, " + label.lower()][1]
    n_ = sum(int(a) for a, _ in re.findall(r"(\d+) x (\d+)", x))
    if n_ != counts_[label] or any(int(b) not in (fee, fee // 2) for _, b in re.findall(r"(\d+) x (\d+)", x)):
        probs.append(f"accounts: subscriptions, {label.lower()}: {x}")
ex_fees = [e for e in EXHIB if e["role"] == "attended" and "2025-04-01" <= e["start"] <= "2026-03-31"]
show_net = sum(lines[k][0] for k in lines if k.startswith("Show 2026, ") and names_.index(k) < names_.index("Total income")) \
    - sum(lines[k][0] for k in lines if k.startswith("Show 2026, ") and names_.index(k) > names_.index("Total income"))
if sum(income) != lines["Total income"][0] or sum(costs) != lines["Total costs"][0] or lines["Total income"][0] - lines["Total costs"][0] != surplus \
        or sum(counts_.values()) != int(re.search(r"^  Total\s+(\d+)$", acc, re.M).group(1)) \
        or any(sum(m["category"] == c.lower() for m in MEMBERS) > counts_[c] for c in counts_) \
        or "1 x 26 for a member who joined in March" not in lines["Subscriptions, full"][1] or "half the subscription" not in flat("prices/subscriptions-2026-27.md") \
        or lines["Show 2026, gate"] != (ex["EX26-01"]["takings_gbp"], "EX26-01") \
        or lines["Show 2026, trade stands"][1] != "12 x 45" or "Show 2026, refreshments surplus" not in lines \
        or f"surplus of GBP {lines['Show 2026, refreshments surplus'][0]:,.0f}" not in show26 or f"the raffle GBP {lines['Show 2026, raffle'][0]:,.0f}" not in show26 \
        or lines["Fees from other exhibitions"] != (sum(e["fee_gbp"] for e in ex_fees), f"{ex_fees[0]['id']} to {ex_fees[-1]['id']}") \
        or [e["id"] for e in ex_fees] != [f"EX25-0{n}" for n in range(2, 7)] \
        or lines["Clubroom hire"][0] != sum(float(h["cost_gbp"]) for h in HIRE if h["date"] < "2026-04-01") \
        or not lines["Clubroom hire"][1].startswith("cr26-01 to cr26-03") or [h["id"] for h in HIRE if h["date"] < "2026-04-01"] != ["cr26-01", "cr26-02", "cr26-03"] \
        or lines["Rent, Ormesby Wharf Estates"][0] != 4200 * 10 / 12 + 5400 * 2 / 12 \
        or "3,500 to 31 January at GBP 4,200 a year, 900 from 1 February at GBP 5,400 a year" not in lines["Rent, Ormesby Wharf Estates"][1] \
        or lines["Service charge"][1] != "10 x 40, to 31 January; none under the 2026 lease" \
        or "GBP 5 million public liability from 1 February" not in lines["Insurance"][1] \
        or lines["Show 2026, hall hire"][0] != 1650 or "St Aldhelm's Academy is booked for 14-15 March at GBP 1,650" not in cttee \
        or show_net != 8105 or "The show made GBP 8,105 after its own costs" not in " ".join(acc_text.split()) \
        or f"income GBP {lines['Total income'][0]:,.0f}, costs GBP {lines['Total costs'][0]:,.0f}, a surplus of GBP {surplus:,.0f}" not in agm \
        or "of which the show made GBP 8,105" not in agm or "examined by Graham Oddie" not in acc_text or "examined by Graham Oddie" not in agm \
        or OFFICERS["Independent examiner"][1] != "Graham Oddie" or "GBP 3,000 of the surplus" not in agm \
        or "GBP 3,000 of the surplus go to a fund for a new exhibition layout" not in " ".join(acc_text.split()) \
        or "bought in April 2026 and will be in next year's accounts" not in " ".join(acc_text.split()) \
        or "travel at 45p a mile" not in lines["Show 2026, visiting layouts"][1] or "paid their travel at 45p a mile" not in show26 \
        or "about eighty members" not in flat("about.md") or max(int(t["bought"]) for t in TOOLS) > 2024:
    probs.append("the accounts against the fees, the records, the hire log, the leases, the show page and the AGM")

# ---- the 2026 competition: marks, winners, the trophy, fees, the winners board and the members
cats = collections.OrderedDict()
for r in ENTRIES:
    acc_, wk, fin, tot = (int(x) for x in r[4:8])
    if acc_ + wk + fin != tot or r[1] not in mem:
        probs.append(f"entry {r[0]}: marks or member")
    cats.setdefault(r[2], []).append((tot, wk, mem[r[1]]["name"]))
for c, es in cats.items():
    es.sort(reverse=True)
    res = RESULTS[c]
    if int(res[1]) != len(es) or res[2] != es[0][2] or res[3] != es[1][2] or es[0][:2] == es[1][:2]:
        probs.append(f"competition {c}: {res} against the marks {es}")
best = sorted(((int(r[7]), mem[r[1]]["name"], r[3]) for r in ENTRIES), reverse=True)
juniors = [r for r in ENTRIES if r[2] == "Junior"]
fcomp = flat("competitions/competition-2026.md")
if len({r[1] for r in ENTRIES}) != len(ENTRIES) or "Fourteen entries, one each from fourteen members" not in fcomp or len(ENTRIES) != 14 \
        or f"Penrose Trophy:** {best[0][1]}, for the Wharf Lane signal box, {best[0][0]} marks out of 30" not in fcomp \
        or f"{best[1][1]}'s pannier tank, on {best[1][0]}, was next" not in fcomp \
        or f"Entry fees came to GBP {2 * (len(ENTRIES) - len(juniors))}, twelve models at GBP 2" not in fcomp or len(ENTRIES) - len(juniors) != 12 \
        or any(int(re.search(r"aged (\d+)", mem[r[1]]["notes"]).group(1)) >= 16 for r in juniors) \
        or [CATW[2026][k] for k in range(1, 6)] != [RESULTS[c][2] for c in ("Locomotives", "Rolling stock", "Buildings and structures", "Scenic cameo", "Junior")] \
        or PENROSE[2026][1:] != [best[0][1], "Wharf Lane signal box"] or day("2026-10-20").weekday() != 1 or "2026-10-20" in sess \
        or any(PENROSE[y][1] not in CATW[y][1:] for y in CATW) \
        or sum(r[1] == "Bernard Oakes" for r in PENROSE.values()) != 4 or "Penrose Trophy four times" not in mem["M108"]["notes"] \
        or sum(r[1] == "Trevor Mapplebeck" for r in PENROSE.values()) != 3 or "It is his third" not in fcomp \
        or PENROSE[2021][1] != "Elspeth de la Mare" or "Penrose Trophy in 2021, the year it was judged from photographs" not in mem["M142"]["notes"] \
        or PENROSE[2023][1] != "Hannah Greatorex" or "Penrose Trophy 2023" not in mem["M171"]["notes"] \
        or [y for y in CATW if CATW[y][5] == "Finn Holloway"] != [2023, 2024, 2026] or "in 2023, 2024 and 2026" not in mem["M164"]["notes"] \
        or PENROSE[2020][1] != "not awarded" or "won him the 2026 Penrose Trophy" not in mem["M117"]["notes"] \
        or "presented the Penrose Trophy to Trevor Mapplebeck for his Wharf" not in agm \
        or lines["Competition entries, 2025"][1] != "11 x 2" or FEES["Competition entry, each model (juniors free)"] != ("GBP 2", "GBP 2") \
        or "weathered to match rs-07" not in fcomp or "Stella Nwachukwu's buffet" not in fcomp or mem["M183"]["name"] != "Stella Nwachukwu":
    probs.append("the competition against its marks, the winners board, the members and the accounts")

# ---- the running rules, old and new, against each other and the pages that follow them
if R26["Fast clock"][0] != "3 to 1, ending at 15:00 on the clock" or not R17["Fast clock"].startswith("3 to 1") \
        or "first Tuesday of the month" not in R26["Operating sessions on Calverstone"][0] or "the first Tuesday of each month" not in R17["Operating sessions on Calverstone"] \
        or "second and fourth Tuesdays, 19:30 to 22:30; none in August" != R26["Operating sessions on Calverstone"][1] \
        or R26["Train length on Calverstone"][0] not in R17["Train length on Calverstone"] \
        or R26["Members' own stock"][0] != "ten minutes on the test track" or "run for ten minutes on the test track" not in R17["Members' own stock"] \
        or "one of the members on the controllers' rota" != R26["Controller"][1] or not R26["Fast clock"][1].startswith("4 to 1") \
        or "runs at 4 to 1 under the 2026 rules (it was 3 to 1 under the 2017 rules)" not in CALB["Fast clock"] \
        or "at least two driver's ticket holders travel with every layout" not in R26["Exhibition layouts"][1] \
        or "never with stock on it" not in R26["Lifting flap at Calverstone"][1] or R26["Lifting flap at Calverstone"][0] != "not mentioned" \
        or "Lifting flap at Calverstone" in R17 or "the clock runs at three times real time and we get to about 15:00" not in flat("faq/joining-2018.md") \
        or "first Tuesday of each month" not in flat("faq/joining-2018.md") or docs["rules/running-rules-2017"].metadata.get("owner") != holder(SECS, "2017-01-10")[0] \
        or docs["faq/joining-2018"].metadata.get("owner") != holder(SECS, "2018-03-06")[0] or day("2017-01-10").weekday() != 1 \
        or "Agreed by the committee on 17 February 2026" not in flat("rules/running-rules-2026.md") or "to take effect on 1 April" not in cttee \
        or "visiting stock is run here before it goes near a layout" != tl["TT-01"]["notes"] or tl["TT-01"]["location"] != "clubroom" \
        or CALB["North staging"] != "8 roads" or CALB["South staging"] != "8 roads" or "since South staging was lengthened" not in R26["Train length on Calverstone"][1]:
    probs.append("the 2017 and 2026 running rules against each other and the pages that follow them")

# metadata and cells the comparisons use
area = lambda code: math.prod(float(x.split()[0]) for x in ly[code]["size"].split(" x "))
cmp_facts = [
    int(st["rs-15"]["value_gbp"]) > int(st["rs-16"]["value_gbp"]),
    area("DRS") > area("NGQ"),
    ex["EX25-04"]["visitors"] > ex["EX25-05"]["visitors"],
    int(mem["M124"]["joined"]) < int(mem["M136"]["joined"]),
    int(tl["SB-01"]["cost_gbp"]) > int(tl["AB-01"]["cost_gbp"]),
    float(ly["CHF"]["size"].split()[0]) > float(ly["PQY"]["size"].split()[0]),
    float(hr["cr26-03"]["hours"]) > float(hr["cr26-05"]["hours"]),
    int(st["rs-19"]["registered"]) < int(st["rs-20"]["registered"]),
    int(mem["M136"]["sessions_2026"]) > int(mem["M179"]["sessions_2026"]),
    ex["EX26-06"]["fee_gbp"] > ex["EX26-07"]["fee_gbp"],
    int(tl["3D-01"]["cost_gbp"]) > int(tl["PA-01"]["cost_gbp"]),
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
