"""Checks for evalsets/tables48 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 14, 83
PREFIX = "t48"


def check(name: str, problems: list[str]) -> None:
    print(("PASS " if not problems else "FAIL ") + name)
    for p in problems[:20]:
        print("    " + p)
    if problems:
        FAILS.append(name)


# ------------------------------------------------------------------ loading

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

probs = []
for k, d in docs.items():
    if d.format == "md":
        for key in ("owner", "date", "status", "tags"):
            if key not in d.metadata:
                probs.append(f"{k}: front matter has no {key}")
        st_ = d.metadata.get("status")
        if st_ not in ("current", "archived", "approved", "published", "superseded"):
            probs.append(f"{k}: status {st_!r}")
        if (st_ == "superseded") != ("superseded_by" in d.metadata):
            probs.append(f"{k}: superseded without superseded_by, or the reverse")
        if "superseded_by" in d.metadata:
            new = str(d.metadata["superseded_by"])
            if new not in docs or str(docs[new].metadata.get("supersedes")) != k:
                probs.append(f"{k}: superseded_by {new} does not point back")
check("front matter on every Markdown page; superseded pairs point at each other", probs)

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 72 else ["test is not 72"]))

# ------------------------------------------------------------------ the QA files

WANT = {"dev": {"single_hop": 12, "reverse": 5, "multi_hop": 5, "comparison": 5, "filter": 5,
                "temporal": 5, "unanswerable": 8},
        "test": {"single_hop": 20, "reverse": 8, "multi_hop": 7, "comparison": 7, "filter": 10,
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
        if i.type == "comparison" and not all(o.lower() in i.question.lower() for o in i.options or []):
            probs.append(f"{i.id}: an option the question does not name")
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
by_id = {i.id: i for i in ALL}
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
        if not any(squash(g) in squash(docs[e].title + "\n" + docs[e].text) for e in i.evidence):
            probs.append(f"{i.id}: gold {g!r} not verbatim in its evidence")
check("every gold of an answerable, non-derived item occurs in an evidence document, as tokens and verbatim", probs)

probs = []
for i in ALL:
    if i.type == "multi_hop":
        if len(i.evidence) < 2:
            probs.append(f"{i.id}: fewer than two hops")
        for g in i.answers:
            if contains_tokens(doc_tokens(i.evidence[0]), answer_tokens(g)):
                probs.append(f"{i.id}: {g!r} already in the first hop")
check("multi_hop items have two or more hops and the answer is not in the first", probs)

probs = []
for i in ALL:
    for g in i.answers:
        for text in (g, f"The answer is {g}."):
            if not is_correct(i, text, False):
                probs.append(f"{i.id}: {text!r} scored wrong")
    ok = is_correct(i, "The documents do not say.", False)
    if ok != (not i.answers):
        probs.append(f"{i.id}: abstention scored {ok}")
    if i.options:
        if not any(o in i.answers for o in i.options):
            probs.append(f"{i.id}: no gold among the options")
        a, b = i.options
        for text in (a + " or " + b, b + " or " + a):
            if is_correct(i, text, False):
                probs.append(f"{i.id}: {text!r} scored correct")
        for o in i.options:
            if o not in i.answers:
                for text in (o, f"The answer is {o}."):
                    if is_correct(i, text, False):
                        probs.append(f"{i.id}: wrong option {text!r} scored correct")
    for g in i.answers:
        if g.strip().lower() in ("none", "no", "nothing", "0"):
            probs.append(f"{i.id}: bare none-like gold")
check("golds score correct alone and in a sentence; abstention only for unanswerables; "
      "wrong options and 'A or B' score wrong; no bare 'none'", probs)

# Unanswerable items: ([(regex an answer would need, documents where it may occur), ...], a
# made-up answer sentence each regex must match). Searched in every document's title, text and
# metadata, and in the raw files.
ABSENT = {
    "t48-dev-038": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", []), (r"\b(telephone|tel|mobile)\b", [])],
                    "The secretary's mobile is 01632 960 417."),
    "t48-dev-039": ([(r"<td>2017</td>|^\| 2017 \|", []),
                     (r"\b2017\b[^\n]{0,80}Pellowe Cup|Pellowe Cup[^\n]{0,80}\b2017\b", [])],
                    "| 2017 | Barnaby Trethewick |: the Pellowe Cup of 2017."),
    "t48-dev-040": ([(r"\b1 Oct 201[0-8]\b|\b30 Sep 201[0-9]\b", []),
                     (r"\b(rents?|rates?)\b[^\n]{0,60}\b2016\b|\b2016\b[^\n]{0,60}\b(rents?|rates?)\b", [])],
                    "| Full plot (10 rods) | £38 | 1 Oct 2015 | 30 Sep 2019 |; the rent in 2016 was £38."),
    "t48-dev-041": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                    "For the year to 30 September 2025 a surplus of £190."),
    "t48-dev-042": ([(r"\b2025\b[^\n]{0,40}\bAGM\b|\bAGM\b[^\n]{0,40}\b2025\b", [])],
                    "At the 2025 AGM 19 members were present."),
    "t48-dev-043": ([(r"\bpost ?code\b", []), (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The Ashpenny Institute's postcode is HT3 9LQ."),
    "t48-dev-044": ([(r"\b(starts?|begins?|began|opens?|opened)\b[^\n]{0,40}\b\d{1,2}([.:]\d\d)? ?(am|pm)\b|\b\d{1,2}([.:]\d\d)? ?(am|pm)\b[^\n]{0,40}\b(start|begin)", [])],
                    "The AGM starts at 7.30 pm."),
    "t48-dev-045": ([(r"\b(Bramley|Cox|Egremont|Russet|Worcester|Pearmain|Discovery|Howgate|Blenheim|Lane's Prince Albert)\b", [])],
                    "The old trees are Bramley and Egremont Russet."),
    "t48-test-061": ([(r"@", []), (r"\be-?mail\b", [])], "Email hatherwick.allotments@example.org."),
    "t48-test-062": ([(r"<td>2016</td>|^\| 2016 \|", []),
                      (r"\b2016\b[^\n]{0,80}Trethewick Shield|Trethewick Shield[^\n]{0,80}\b2016\b", [])],
                     "| 2016 | Ezra Bidgood |: the Trethewick Shield of 2016."),
    "t48-test-063": ([(r"\b1 Oct 201[0-8]\b|\b30 Sep 201[0-9]\b", []),
                      (r"\b(rents?|rates?)\b[^\n]{0,60}\b2015\b|\b2015\b[^\n]{0,60}\b(rents?|rates?)\b", [])],
                     "| Half plot (5 rods) | £20 | 1 Oct 2014 | 30 Sep 2019 |; the half plot rent in 2015 was £20."),
    "t48-test-064": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                     "For the year to 30 September 2024 a deficit of £41."),
    "t48-test-065": ([(r"\bvisitors?\b", []), (r"\b\d+ (people|members of the public) came\b", [])],
                     "About 120 visitors came; 120 people came to look."),
    "t48-test-066": ([(r"\bjudge\b[^\n]{0,15}\b(was|is|named|called)\s+(Mr |Mrs |Ms |Dr )?[A-Z][a-z]+ [A-Z][a-z]+", [])],
                     "The judge was Mrs Annora Pettigrew."),
    "t48-test-067": ([(r"\b\d[\d,.]* ?(cubic metres|m3|m³|gallons)\b", [])],
                     "The society used 312 cubic metres of water."),
    "t48-test-068": ([(r"\b2027\b[^\n]{0,60}\bshow\b|\bshow\b[^\n]{0,60}\b2027\b", [])],
                     "The 2027 summer show is on Saturday 14 August 2027."),
    "t48-test-069": ([(r"\b2025\b[^\n]{0,40}\bAGM\b|\bAGM\b[^\n]{0,40}\b2025\b", [])],
                     "At the 2025 AGM Jethro reported eleven loans."),
    "t48-test-070": ([(r"\b(lease|rent)\b[^\n]{0,60}\bparish\b[^\n]{0,40}£\d|£\d+[^\n]{0,60}\b(lease|to the parish)\b", [])],
                     "We pay the lease to the parish council: £250 a year."),
    "t48-test-071": ([(r"\b(code|combination)\b", [])], "The gate code is 4172."),
    "t48-test-072": ([(r"\b(Rapkins|M-207)\b[^\n]{0,80}\bhours\b|\bhours\b[^\n]{0,80}\b(Rapkins|M-207)\b", [])],
                     "Zebedee Rapkins did 7 hours of work parties."),
}
full = {k: (d.title + "\n" + d.text + "\n" + json.dumps(d.metadata, default=str, ensure_ascii=False)) for k, d in docs.items()}
raw = {str(p.relative_to(HERE / "corpus")): p.read_text(encoding="utf-8") for p in (HERE / "corpus").rglob("*") if p.is_file()}
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
    for pat, allowed in rules:
        rx = re.compile(pat, re.I | re.M)
        if not rx.search(sample):
            probs.append(f"{i.id}: /{pat}/ misses its made-up answer {sample!r}")
        hits = [k for k in full if rx.search(full[k]) and k not in allowed]
        hits += [f"raw {k}" for k in raw if rx.search(raw[k]) and not allowed]
        if hits:
            probs.append(f"{i.id}: /{pat}/ found in {hits}")
check("unanswerable: the words an answer needs are absent from every document and match its made-up answer", probs)


# ------------------------------------------------------------------ reading the corpus directly

def rows(rel: str) -> dict[str, dict]:
    path = HERE / "corpus" / rel
    if rel.endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            return {r["id"]: r for r in csv.DictReader(fh)}
    return {r["id"]: r for r in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())}


def page(rel: str) -> str:
    return (HERE / "corpus" / rel).read_text(encoding="utf-8")


def table(rel: str, first: str, nth: int = 0) -> list[list[str]]:
    """The body rows of the nth Markdown table whose header starts with `first`."""
    out, on, seen = [], False, -1
    for line in page(rel).splitlines():
        if line.startswith(f"| {first} |"):
            seen += 1
            on = seen == nth
            continue
        if on:
            if not line.startswith("|"):
                break
            if not line.startswith("|---"):
                out.append([c.strip() for c in line.strip().strip("|").split("|")])
    return out


def dshort(s: str) -> datetime.date:
    return datetime.datetime.strptime(s, "%d %b %Y").date()


MEM, PLOT, WAIT = rows("people/members.csv"), rows("plots/register.csv"), rows("plots/waiting-list.csv")
TOOL, LOAN, WPS = rows("tools/tools.jsonl"), rows("tools/loans.csv"), rows("work/work-parties-2026.csv")
TODAY = datetime.date(2026, 12, 8)
probs = []

# members in order of joining; plots against the register
years = [int(MEM[k]["joined"]) for k in sorted(MEM)]
if years != sorted(years):
    probs.append("member numbers not in order of joining")
for k, m in MEM.items():
    for p in filter(None, m["plots"].split(";")):
        if PLOT[p]["tenant"] != k:
            probs.append(f"{k}: plot {p} has tenant {PLOT[p]['tenant']}")
        size = PLOT[p]["size_rods"]
        if m["category"] in ("full", "half") and (size == "10") != (m["category"] == "full"):
            probs.append(f"{k}: category {m['category']} on a {size}-rod plot")
        if int(PLOT[p]["since"][:4]) < int(m["joined"]):
            probs.append(f"{k}: plot before joining")
for p, r in PLOT.items():
    if r["tenant"] and p not in MEM[r["tenant"]]["plots"].split(";"):
        probs.append(f"{p}: tenant does not list it")
    if ("concession" in r["note"]) != (bool(r["tenant"]) and MEM[r["tenant"]]["category"] == "concession"):
        probs.append(f"{p}: concession note")
about = page("about.md")
if sum(p.startswith("P-") for p in PLOT) != 12 or sum(p.startswith("X-") for p in PLOT) != 7 \
        or "split into twelve plots" not in about or "It has seven plots" not in about:
    probs.append("plots per site against the about page")
if min(PLOT[p]["since"] for p in PLOT if p.startswith("X-") and PLOT[p]["since"]) != "2011-04-01" \
        or "opened in April 2011" not in about or "the first plot let when Oxlode Corner opened" not in PLOT["X-06"]["note"]:
    probs.append("Oxlode Corner opening")

# waiting list: lets against members and plots; the AGM's count
for w, r in WAIT.items():
    if r["status"] == "let":
        code = re.search(r"M-\d{3}", r["note"]).group(0)
        plot = re.search(r"[PX]-\d\d", r["note"]).group(0)
        on = datetime.datetime.strptime(re.search(r"\d\d/\d\d/\d{4}", r["note"]).group(0), "%d/%m/%Y").date()
        if MEM[code]["name"] != r["name"] or PLOT[plot]["tenant"] != code or PLOT[plot]["since"] != on.isoformat() \
                or f"({w})" not in MEM[code]["note"]:
            probs.append(f"{w}: let against members and register")
agm = page("minutes/agm-2026-10-17.md")
d_agm = datetime.date(2026, 10, 17)
waiting_at_agm = [w for w, r in WAIT.items() if r["status"] in ("waiting", "offered")
                  and datetime.datetime.strptime(r["added"], "%d/%m/%Y").date() <= d_agm]
if len(waiting_at_agm) != 5 or "five names on the waiting list, the oldest added in January 2025" not in agm \
        or min(datetime.datetime.strptime(WAIT[w]["added"], "%d/%m/%Y").date() for w in waiting_at_agm).month != 1:
    probs.append("waiting list against the AGM")
if "offered to W-05 on 2 December 2026" not in PLOT["P-10"]["note"] or WAIT["W-05"]["status"] != "offered" \
        or "turned down P-10" not in WAIT["W-03"]["note"]:
    probs.append("P-10 offers")

# tools and loans: on_loan against open loans, deposits, late returns, the AGM's count
open_ = {k for k, r in LOAN.items() if not r["back"]}
for t, r in TOOL.items():
    if set(r["on_loan"]) != {k for k in open_ if LOAN[k]["tool"] == t}:
        probs.append(f"{t}: on_loan against loans")
    if str(r["bought"]) not in r["text"]:
        probs.append(f"{t}: year not in text")
late = []
for k, r in LOAN.items():
    t = TOOL[r["tool"]]
    if int(r["deposit_gbp"]) != t["deposit_gbp"]:
        probs.append(f"{k}: deposit")
    if (dshort(r["due"]) - dshort(r["out"])).days != t["loan_days"]:
        probs.append(f"{k}: loan period")
    if r["borrower"] not in MEM:
        probs.append(f"{k}: borrower")
    if r["back"]:
        days = (dshort(r["back"]) - dshort(r["due"])).days
        if days > 0:
            late.append(k)
            if "late" not in r["note"]:
                probs.append(f"{k}: late without a note")
    elif (dshort(r["due"]) < TODAY) != ("overdue" in r["note"]):
        probs.append(f"{k}: overdue note")
if f"£{(dshort(LOAN['L-02']['back']) - dshort(LOAN['L-02']['due'])).days} kept" not in LOAN["L-02"]["note"] \
        or "the whole deposit kept" not in LOAN["L-07"]["note"] or "bent tine" not in agm:
    probs.append("L-02: a pound a day")
before = [k for k, r in LOAN.items() if dshort(r["out"]) <= d_agm]
if len(before) != 8 or len([k for k in late if k in before]) != 2 or "eight loans since April, two of them returned late" not in agm:
    probs.append("loans against the AGM")

# show: entries, points and places recomputed
classes = table("shows/summer-show-2026.md", "Class")
pts: collections.Counter = collections.Counter()
for row in classes:
    for cell, p in zip(row[3:6], (3, 2, 1)):
        pts[re.search(r"M-\d{3}", cell).group(0)] += p
        code = re.search(r"M-\d{3}", cell).group(0)
        if MEM[code]["name"] not in cell:
            probs.append(f"show: {cell}")
show = page("shows/summer-show-2026.md")
if sum(int(r[2]) for r in classes) != 54 or "54 entries in eight classes" not in show or len(classes) != 8:
    probs.append("show entries")
for place, name, code, p in table("shows/summer-show-2026.md", "Place"):
    better = sum(1 for v in pts.values() if v > int(p))
    tied = sum(1 for v in pts.values() if v == int(p)) > 1
    if MEM[code]["name"] != name or pts[code] != int(p) or place != ("=" if tied else "") + str(better + 1):
        probs.append(f"show points: {name}")
best = max(pts, key=pts.get)
html = page("history/trophies.html")
win26 = re.search(r"<tr><td>2026</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td>", html).groups()
if MEM[best]["name"] != win26[0] or f"The Pellowe Cup went to {win26[0]}" not in show \
        or win26[1] != "Lettice Elphick" or "Lettice's onions" not in show or win26[2] != "Bathsheba Lidstone":
    probs.append("2026 trophies against the show page")
for yr, *ws in re.findall(r"<tr><td>(\d{4})</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html):
    for w in ws:
        if w not in ("no show", "not awarded"):
            m = [r for r in MEM.values() if r["name"] == w]
            if not m or int(m[0]["joined"]) > int(yr):
                probs.append(f"trophies {yr}: {w}")
    rb = ws[2]
    if rb not in ("no show", "not awarded"):
        j = int([r for r in MEM.values() if r["name"] == rb][0]["joined"])
        if not 0 <= int(yr) - j <= 1:
            probs.append(f"Rose Bowl {yr}: {rb} not a novice")

# rents: each line joins the next; current and agreed rates against the AGM and the old page
rent = table("money/rents.md", "Item")
by_item: dict[str, list[list[str]]] = collections.defaultdict(list)
for r in rent:
    by_item[r[0]].append(r)
for item, rs in by_item.items():
    for a, b in zip(rs, rs[1:]):
        if dshort(a[3]) + datetime.timedelta(days=1) != dshort(b[2]):
            probs.append(f"{item}: gap after {a[3]}")
    if [r for r in rs if not r[3]] != rs[-1:]:
        probs.append(f"{item}: not one open line, the last")


def rate(item: str, day: datetime.date) -> str:
    for r in by_item[item]:
        if dshort(r[2]) <= day and (not r[3] or day <= dshort(r[3])):
            return r[1]
    return "none"


F_, H_ = "Full plot (10 rods)", "Half plot (5 rods)"
if f"full plot rent goes from {rate(F_, TODAY)} to\n{rate(F_, datetime.date(2027, 10, 1))} and the half plot rent from {rate(H_, TODAY)} to {rate(H_, datetime.date(2027, 10, 1))}" not in agm \
        or "Carried 11 to 4, with 1 abstention" not in agm or "Present: 16 members" not in agm:
    probs.append("the 2027 rents against the AGM")
old = page("money/rents-2024.md")
d24 = datetime.date(2024, 10, 1)
for label, item in (("Full plot", F_), ("Half plot", H_), ("Concession", "Concession, any plot"),
                    ("Water at Pightle Lane", "Water, each plot at Pightle Lane"), ("Associate membership", "Associate membership")):
    if f"- {label}: {rate(item, d24)}" not in old:
        probs.append(f"{label}: the 2024 page against the history")
rules = page("guides/plot-rules.txt")
if "Gate key deposit: £10" not in old or "fifteen pounds. It went up from ten pounds on 1 October 2025" not in rules:
    probs.append("gate key deposit")
if "£1,136" not in agm or "£874" not in agm or 1136 - 874 != 262 or "surplus of £262" not in agm:
    probs.append("the accounts")

# officers against the history, the members' notes and the about page
officers = table("committee.md", "Office")
if len(officers) != 8 or len(table("committee.md", "Office", 1)) != 16:
    probs.append("committee tables not read")
hist_rows = table("committee.md", "Office", 1)
for office, name, code, since in officers:
    if MEM[code]["name"] != name:
        probs.append(f"{office}: {name} is not {code}")
    h = [r for r in hist_rows if r[0] == office and not r[3]]
    if not h or h[0][1] != name or h[0][2] != since:
        probs.append(f"{office}: history against the officers table")
    if office != "President" and office.split(",")[0].lower() not in MEM[code]["note"].lower():
        probs.append(f"{office}: not in {code}'s note")
for office in {r[0] for r in hist_rows}:
    hs = [r for r in hist_rows if r[0] == office]
    for a, b in zip(hs, hs[1:]):
        if a[3] != b[2]:
            probs.append(f"{office}: gap at {a[3]}")
    if [r for r in hs if not r[3]] != hs[-1:]:
        probs.append(f"{office}: not one open line, the last")
ch = [r for r in hist_rows if r[0] == "Chair"]
if int(ch[-2][3][-4:]) - int(ch[-2][2][-4:]) != 16 or "after sixteen\nyears as chair" not in agm or f"In the chair: {ch[-1][1]}" not in agm:
    probs.append("the chair's change")
contacts = {r[2]: r[1] for r in table("about.md", "Matter")}
for code, who in contacts.items():
    name, role = who.split(", ")
    if MEM[code]["name"] != name or not any(o[0].lower().startswith(role.lower()) and o[2] == code for o in officers):
        probs.append(f"about: {who}")

# work parties: leaders are members; P-10 cleared after it fell vacant; the hedge cut with T-04
for k, r in WPS.items():
    if r["led_by"] not in MEM:
        probs.append(f"{k}: leader")
    if datetime.date.fromisoformat(r["date"]).weekday() != 5:
        probs.append(f"{k}: not a Saturday")
if not WPS["WP-06"]["date"] > "2026-08-31" or "T-04" not in WPS["WP-07"]["note"]:
    probs.append("work parties against the register and tools")

# derived counts and filter answers recomputed
if sum(1 for p, r in PLOT.items() if p.startswith("P-") and r["size_rods"] == "5") != 4:
    probs.append("dev derived count: half plots at Pightle Lane")
if sum(1 for r in MEM.values() if int(r["joined"]) >= 2020) != 6:
    probs.append("test derived count: members joined since 2020")
for i in ALL:
    if i.meta.get("derived"):
        n = len(i.evidence)
        if str(n) not in i.answers:
            probs.append(f"{i.id}: {n} evidence records against the count")
if [k for k, r in TOOL.items() if "Oxlode" in r["kept_at"] and r["bought"] == 2023] != ["T-07"] \
        or [k for k, r in TOOL.items() if "Pightle" in r["kept_at"] and r["bought"] == 2012] != ["T-06"] \
        or [k for k, r in TOOL.items() if r["deposit_gbp"] == 0] != ["T-09"] \
        or any(r["kept_at"] in r["text"] for r in TOOL.values()):
    probs.append("tool filters; kept_at only in metadata")
if min((r["since"], p) for p, r in PLOT.items() if p.startswith("P-") and r["since"])[1] != "P-01" \
        or max((r["since"], p) for p, r in PLOT.items() if p.startswith("P-") and r["size_rods"] == "5")[1] != "P-12" \
        or min((r["since"], p) for p, r in PLOT.items() if p.startswith("X-") and r["size_rods"] == "5")[1] != "X-07":
    probs.append("plot filters")
if [k for k, r in LOAN.items() if not r["back"] and dshort(r["due"]) >= TODAY] != ["L-11"] \
        or [k for k, r in LOAN.items() if r["back"] and (dshort(r["due"]) - dshort(r["back"])).days == 1] != ["L-04"] \
        or [k for k, r in LOAN.items() if dshort(r["out"]).month == 6] != ["L-05"]:
    probs.append("loan filters")
if [k for k, r in WAIT.items() if r["size"] == "full" and r["status"] == "waiting"] != ["W-03"] \
        or [k for k, r in WAIT.items() if r["status"] == "offered"] != ["W-05"]:
    probs.append("waiting list filters")
if max((int(r["turned_out"]), k) for k, r in WPS.items() if r["site"] == "Oxlode Corner")[1] != "WP-08":
    probs.append("work party filter")
if [k for k, r in MEM.items() if r["category"] == "concession" and r["plots"].startswith("X-")] != ["M-122"]:
    probs.append("concession at Oxlode Corner")
if not (pts["M-183"] > pts["M-194"] and pts["M-127"] > pts["M-167"]):
    probs.append("show point comparisons")
check("counts, filters and comparisons recomputed from the rows; records that point at each other and facts stated twice agree", probs)

probs = []
qs = collections.Counter(" ".join(answer_tokens(i.question)) for i in ALL)
probs += [f"repeated question: {q}" for q, n in qs.items() if n > 1]
dev_golds = {g.strip().lower() for i in dev for g in i.answers}
probs += [f"{i.id}: test gold {g!r} is a dev gold" for i in test for g in i.answers if g.strip().lower() in dev_golds]
dev_ev = {(e, g.strip().lower()) for i in dev for e in i.evidence for g in i.answers}
probs += [f"{i.id}: asks a dev fact ({e})" for i in test for e in i.evidence for g in i.answers if (e, g.strip().lower()) in dev_ev]
probs += [f"{i.id}: gold {g!r} inside the question" for i in ALL for g in i.answers
          if i.type != "comparison" and squash(g) in squash(i.question)]
check("no repeated question; no test gold equals a dev gold; no gold inside its question (options aside)", probs)

want = hashlib.sha256((HERE / "test.jsonl").read_bytes()).hexdigest() + "  test.jsonl\n"
sha = HERE / "test.jsonl.sha256"
got = sha.read_text() if sha.exists() else ""
check("test.jsonl.sha256 matches", [] if got == want else [f"sha file {got!r} != {want!r}"])

print("ALL PASS" if not FAILS else f"{len(FAILS)} FAILED: {FAILS}")
sys.exit(1 if FAILS else 0)
