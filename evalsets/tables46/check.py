"""Checks for evalsets/tables46 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 17, 93
PREFIX = "t46"


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
# metadata; a document may be named where the words occur for another reason.
ABSENT = {
    "t46-dev-038": ([(r"\b(combination|code) (is|was|number)\b", []), (r"\bgate code\b", [])],
                    "The gate code is 4719."),
    "t46-dev-039": ([(r"<td>2017</td>|^\| 2017 \|", []),
                     (r"\b2017\b[^\n]{0,80}Rumbelow Cup|Rumbelow Cup[^\n]{0,80}\b2017\b", [])],
                    "| 2017 | Thomasin Grylls |: the Rumbelow Cup of 2017."),
    "t46-dev-040": ([(r"\b(telephone|tel|mobile|phone)\b", []), (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                    "The secretary's phone is 01632 960 447."),
    "t46-dev-041": ([(r"from 1 Oct 201[0-7]\b", []),
                     (r"\b(subscriptions?|rates?)\b[^\n]{0,60}\b2015\b|\b2015\b[^\n]{0,60}\b(subscriptions?|rates?)\b", [])],
                    "| Full | £26 | from 1 Oct 2015 |; in 2015 the full rate was £26."),
    "t46-dev-042": ([(r"\bclaim(ed|s)?\b", []),
                     (r"£\d+[^\n]{0,40}\b(expenses|mileage|travel)\b|\b(expenses|mileage|travel)\b[^\n]{0,40}£\d+", [])],
                    "Dr Upcraft claimed £27 in travelling expenses."),
    "t46-dev-043": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                    "For the year to 30 September 2025 a surplus of £230."),
    "t46-dev-044": ([(r"\bSep(tember)? 2027\b", [])], "| Wed 8 Sep 2027 | Dr Ivo Pascal | Comets |"),
    "t46-dev-045": ([(r"^\| Sep 2025 \|", []), (r"\bSeptember 2025\b", [])],
                    "| Sep 2025 | 3 | 21.4 | 21.2 |\nIn September 2025 the best was 21.4."),
    "t46-test-061": ([(r"\bpost ?code\b", []), (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                     "The Institute's postcode is PV3 8QH."),
    "t46-test-062": ([(r"<td>2018</td>|^\| 2018 \|", []),
                      (r"\b2018\b[^\n]{0,80}Zouche Salver|Zouche Salver[^\n]{0,80}\b2018\b", [])],
                     "| 2018 | Bleddyn Rescorla |: the Zouche Salver of 2018."),
    "t46-test-063": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                     "For the year to 30 September 2024 a deficit of £95."),
    "t46-test-064": ([(r"@", []), (r"\be-?mail\b", [])], "Email kit@porthvellanastro.org.uk."),
    "t46-test-065": ([(r"from 1 Oct 201[0-7]\b", []),
                      (r"\b(subscriptions?|rates?)\b[^\n]{0,60}\b2016\b|\b2016\b[^\n]{0,60}\b(subscriptions?|rates?)\b", [])],
                     "| Junior (under 18) | £6 | from 1 Oct 2016 |; the junior rate in 2016 was £6."),
    "t46-test-066": ([(r"\bviewers\b[^\n]{0,40}\b(cost|came to|totalled|total)\b|\b(cost|spent)\b[^\n]{0,40}\bviewers\b", [])],
                     "The 300 viewers cost £126 in the end."),
    "t46-test-067": ([(r"\bcourse\b[^\n]{0,60}\b(evenings?|sessions?|weeks?|hours?|nights?)\b", [])],
                     "The observatory course takes three evenings."),
    "t46-test-068": ([(r"\bGeminids?\b", [])], "47 Geminids were counted on 13 December 2026."),
    "t46-test-069": ([(r"\bcharit\w*\b", []), (r"\bregister(ed)? (number|no\.?)\b", [])],
                     "Registered charity; registered number 1104417."),
    "t46-test-070": ([(r"^\| Dec 2026 \|", []), (r"\bDecember 2026\b[^\n]{0,60}\b2\d\.\d\b", [])],
                     "| Dec 2026 | 2 | 21.3 | 21.1 |\nIn December 2026 the best was 21.3."),
    "t46-test-071": ([(r"9 Dec 2026[^\n]*\| \d+ \|\s*$", []),
                      (r"\b\d+ (came|people|members)\b[^\n]{0,60}\bChristmas\b|\bChristmas\b[^\n]{0,60}\b\d+ (came|people|members)\b", [])],
                     "| Wed 9 Dec 2026 | Christmas social | - | 44 |\n44 people came to the Christmas social."),
    "t46-test-072": ([(r"\b(members|membership)\b[^\n]{0,60}\b2020\b|\b2020\b[^\n]{0,60}\b(members|membership)\b", [])],
                     "In 2020 the society had 31 members."),
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
    for pat, allowed in rules:
        rx = re.compile(pat, re.I | re.M)
        if not rx.search(sample):
            probs.append(f"{i.id}: /{pat}/ misses its made-up answer {sample!r}")
        missing = [k for k in allowed if k not in full]
        if missing:
            probs.append(f"{i.id}: allowed documents {missing} do not exist")
        hits = [k for k in full if rx.search(full[k]) and k not in allowed]
        if hits:
            probs.append(f"{i.id}: /{pat}/ found in {hits}")
check("unanswerable: the words an answer needs are absent from every document and match its made-up answer", probs)


# ------------------------------------------------------------------ reading the corpus directly

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


def iso(d: str) -> datetime.date:
    return datetime.date.fromisoformat(d)


def dmy(d: str) -> datetime.date:  # 06/01/2026
    return datetime.datetime.strptime(d, "%d/%m/%Y").date()


def dmon(d: str) -> datetime.date:  # 13 Mar 2026
    return datetime.datetime.strptime(d, "%d %b %Y").date()


def dlong(d: str) -> datetime.date:  # 7 February 2026
    return datetime.datetime.strptime(d, "%d %B %Y").date()


def mon(d: str) -> datetime.date:  # Oct 2014
    return datetime.datetime.strptime(d, "%b %Y").date()


MEM = {r["id"]: r for r in rows("people/members.csv")}
by_name = {m["name"]: m for m in MEM.values()}
KIT = {r["id"]: r for r in rows("kit/equipment.jsonl")}
LOAN = {r["id"]: r for r in rows("kit/loans.csv")}
REP = {r["id"]: r for r in rows("kit/repairs.csv")}
INC = {r["id"]: r for r in rows("safety/incident-log.csv")}
OUT = {r["id"]: r for r in rows("outreach/events-2026.csv")}
OBS = {r["id"]: r for r in rows("observing/log-2026.jsonl")}
SQM = {r[0]: r for r in table("site/dark-sky-site.md", "Month")}
agm = flat("minutes/agm-2026-10-14.md")
cmin = flat("minutes/committee-2026-06-10.md")
about = flat("about.md")
site = flat("site/dark-sky-site.md")
rules_txt = flat("guides/loan-rules.txt")
TODAY = datetime.date(2026, 12, 7)
probs: list[str] = []


def only(found, want, name):
    if sorted(found) != sorted(want):
        probs.append(f"{name}: found {sorted(found)}, want {sorted(want)}")


def ev_ids(item_id):
    return [e.split("#", 1)[1] for e in by_id[item_id].evidence if "#" in e]


def is_junior(mid: str) -> bool:
    m = MEM[mid]
    return m["category"] == "junior" or bool(re.search(r"\baged 1[0-7]\b", m["note"]))


def loan_kit(k: str) -> list[str]:
    return [c.strip() for c in LOAN[k]["kit"].split("+")]


def loan_days(k: str) -> tuple[datetime.date, datetime.date]:
    ln = LOAN[k]
    return dmy(ln["out"]), dmy(ln["back"]) if ln["back"] else TODAY


def rep_days(k: str) -> tuple[datetime.date, datetime.date]:
    rp = REP[k]
    return dmon(rp["reported"]), dmon(rp["done"]) if rp["done"] else TODAY


def on_loan(kit: str, day: datetime.date) -> list[str]:
    return [k for k in LOAN if kit in loan_kit(k) and loan_days(k)[0] <= day <= loan_days(k)[1]]


def in_repair(kit: str, day: datetime.date) -> list[str]:
    return [k for k, rp in REP.items() if rp["kit"] == kit and rep_days(k)[0] < day < rep_days(k)[1]]


# derived counts, against the rows
keyholders = [k for k, m in MEM.items() if m["keyholder"] == "Y"]
only(keyholders, ev_ids("t46-dev-028"), "keyholders")
if str(len(keyholders)) not in by_id["t46-dev-028"].answers:
    probs.append("keyholder count")
dbs = [k for k, m in MEM.items() if m["dbs_checked"] == "Y"]
only(dbs, ev_ids("t46-test-043"), "DBS-checked")
if str(len(dbs)) not in by_id["t46-test-043"].answers:
    probs.append("DBS count")
# filter answers: the one row meeting the condition
only([k for k, r in KIT.items() if r["kept_at"] == "solar box"], ev_ids("t46-dev-029"), "in the solar box")
only([k for k, r in INC.items() if r["category"] == "security"], ev_ids("t46-dev-030"), "security incident")
only([k for k, r in LOAN.items() if r["back"] and dmy(r["back"]) > dmy(r["due"])], ev_ids("t46-dev-031"), "late loan")
only([k for k, r in REP.items() if not r["repaired_by"].startswith("in-house") and r["cost_gbp"] and int(r["cost_gbp"]) < 50],
     ev_ids("t46-dev-032"), "outside repair under £50")
only([k for k, r in REP.items() if KIT[r["kit"]]["type"] == "eyepiece" and not r["done"]], ev_ids("t46-test-044"),
     "open eyepiece repair")
only([k for k, r in OBS.items() if r["outcome"] == "cancelled"], ev_ids("t46-test-045"), "cancelled session")
only([k for k, m in MEM.items() if m["category"] == "senior" and m["dbs_checked"] == "Y" and m["keyholder"] == "N"],
     ev_ids("t46-test-046"), "senior, DBS, not keyholder")
only([k for k, r in KIT.items() if r["kept_at"].endswith("pier")], ev_ids("t46-test-047"), "on the pier")
only([k for k, r in OUT.items() if r["weather"] == "rain"], ev_ids("t46-test-048"), "in the rain")
only([k for k, r in LOAN.items() if r["out"].endswith("/09/2026") and all(KIT[c]["type"] == "eyepiece" for c in loan_kit(k))],
     ev_ids("t46-test-049"), "eyepiece loan in September")
only([k for k, m in MEM.items() if m["category"] == "junior" and m["own_telescope"] != "none"
      and not m["own_telescope"].endswith("binoculars")], ev_ids("t46-test-050"), "junior with a telescope")
only([k for k, r in INC.items() if r["first_aid"] == "Y" and is_junior(r["member"])], ev_ids("t46-test-051"),
     "first aid for a junior")
only([k for k, r in KIT.items() if r["bought"] == 2020], ev_ids("t46-test-052"), "bought 2020")
for iid in ("t46-dev-029", "t46-dev-030", "t46-dev-031", "t46-dev-032", "t46-test-044", "t46-test-045",
            "t46-test-046", "t46-test-047", "t46-test-048", "t46-test-049", "t46-test-050", "t46-test-051",
            "t46-test-052"):
    if ev_ids(iid)[-1] not in by_id[iid].answers:
        probs.append(f"{iid}: the row's code is not a gold")


# comparison golds recomputed
def pick(item_id, key):
    i = by_id[item_id]
    a, b = i.options
    if key(a) == key(b):
        probs.append(f"{item_id}: a tie")
    return a if key(a) > key(b) else b


kit_by_name = {r["name"]: r for r in KIT.values()}
trophy_year = {r[0]: int(r[2]) for r in re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>(\d{4})</td>",
                                                        page("history/awards.html"))}
since = {r[1]: mon(r[3].replace("October", "Oct").replace("June", "Jun")) for r in table("committee.md", "Office")}
for iid, key in (("t46-dev-023", lambda o: -int(by_name[o]["joined"])),
                 ("t46-dev-024", lambda o: -kit_by_name[o]["bought"]),
                 ("t46-dev-025", lambda o: int(next(r["visitors"] for r in OUT.values() if r["event"] == o))),
                 ("t46-dev-026", lambda o: OBS[o]["sqm"]),
                 ("t46-dev-027", lambda o: -trophy_year[o]),
                 ("t46-test-036", lambda o: next(r["cost_gbp"] for r in KIT.values() if r["name"].lower() == o.lower())),
                 ("t46-test-037", lambda o: -int(by_name[o]["joined"])),
                 ("t46-test-038", lambda o: OBS[o]["members"]),
                 ("t46-test-039", lambda o: (rep_days(o)[1] - rep_days(o)[0]).days),
                 ("t46-test-040", lambda o: float(SQM[o][2])),
                 ("t46-test-041", lambda o: -KIT[o]["focal_length_mm"]),
                 ("t46-test-042", lambda o: -since[o].toordinal())):
    if pick(iid, key) not in by_id[iid].answers:
        probs.append(f"{iid}: gold is not the larger")

# members: categories, keyholders, families
for k, m in MEM.items():
    if m["keyholder"] == "Y" and is_junior(k):
        probs.append(f"{k}: a junior keyholder")
    if (m["category"] == "junior") != bool(re.search(r"\baged 1[0-7]\b", m["note"])) and m["category"] != "family":
        probs.append(f"{k}: junior category against the age in the note")
    if m["category"] == "family":
        other = re.search(r"family membership with (A\d{3})", m["note"])
        if not other or MEM[other.group(1)]["category"] != "family" or k not in MEM[other.group(1)]["note"] \
                or MEM[other.group(1)]["name"].split()[-1] != m["name"].split()[-1]:
            probs.append(f"{k}: family membership does not point back")
    if m["paid_2026_27"] == "N" and "owes this year's subscription" not in m["note"]:
        probs.append(f"{k}: unpaid without a note")
codes = sorted(MEM)
if codes != sorted(codes, key=lambda c: (int(MEM[c]["joined"]), c)):
    probs.append("member numbers not in order of joining")
under18 = [k for k in MEM if is_junior(k)]
unpaid = [k for k, m in MEM.items() if m["paid_2026_27"] == "N"]
if len(MEM) != 22 or len(under18) != 4 or "twenty-two members, four of them under 18" not in agm:
    probs.append("membership against the AGM")
if len(unpaid) != 2 or "Two members have not yet renewed" not in agm:
    probs.append("unpaid members against the AGM")

# kit, loans and repairs point at each other
for k, it in KIT.items():
    open_loans = sorted(lk for lk in LOAN if k in loan_kit(lk) and not LOAN[lk]["back"])
    open_reps = sorted(rk for rk, rp in REP.items() if rp["kit"] == k and not rp["done"])
    if sorted(it["on_loan"]) != open_loans or sorted(it["open_repairs"]) != open_reps:
        probs.append(f"{k}: on_loan/open_repairs against the loans and the repair book")
    if (it["state"] == "on loan") != bool(open_loans) or (it["state"] == "under repair") != bool(open_reps):
        probs.append(f"{k}: state {it['state']!r}")
    if (it["lending"] == "site only") != it["kept_at"].startswith("Rumbelow Observatory"):
        probs.append(f"{k}: site-only kit kept off site, or the reverse")
    if not it["text"].startswith(k) or f"£{it['cost_gbp']:,}" not in it["text"] or str(it["bought"]) not in it["text"]:
        probs.append(f"{k}: code, cost or year against the text")
    for rk, rp in REP.items():
        if rp["kit"] == k and rk not in it["text"]:
            probs.append(f"{k}: repair {rk} not in the text")
    for lk in open_loans:
        if lk not in it["text"]:
            probs.append(f"{k}: open loan {lk} not in the text")
    if it["kept_at"] in it["text"]:
        probs.append(f"{k}: kept_at should be in the metadata only")
TELESCOPES = ("telescope", "solar telescope")
for k, ln in LOAN.items():
    kits, m = loan_kit(k), MEM.get(ln["borrower"])
    if m is None or any(c not in KIT for c in kits):
        probs.append(f"{k}: unknown kit or borrower")
        continue
    out, back = loan_days(k)
    due = dmy(ln["due"])
    big = any(KIT[c]["type"] in TELESCOPES for c in kits)
    if (due - out).days != (28 if big else 14):
        probs.append(f"{k}: loan period {(due - out).days} days")
    want_dep = (30 if out >= datetime.date(2026, 7, 1) else 20) if big else 10
    if int(ln["deposit_gbp"]) != want_dep:
        probs.append(f"{k}: deposit {ln['deposit_gbp']}, want {want_dep}")
    for c in kits:
        it = KIT[c]
        if it["lending"] == "site only":
            probs.append(f"{k}: site-only {c} lent")
        if it["lending"] == "solar-trained members" and m["solar_trained"] != "Y":
            probs.append(f"{k}: solar kit {c} to an untrained member")
        for rk in in_repair(c, out) + [rk for rk, rp in REP.items() if rp["kit"] == c and out <= rep_days(rk)[0] < back]:
            probs.append(f"{k}: {c} lent while {rk} was open")
        if c == "MT-01" and "T-04" not in kits or c == "T-04" and "MT-01" not in kits:
            probs.append(f"{k}: the refractor without its mount")
    sig = ln["countersigned_by"]
    if is_junior(ln["borrower"]) != bool(sig) or (sig and is_junior(sig)):
        probs.append(f"{k}: countersignature")
    late = bool(ln["back"]) and back > due
    if late != ("late" in ln["note"]) or late and "deposit was kept" not in ln["note"]:
        probs.append(f"{k}: late return against the note")
    if not ln["back"] and due < TODAY and "overdue" not in ln["note"]:
        probs.append(f"{k}: overdue but not marked")
    if ln["back"] and "overdue" in ln["note"]:
        probs.append(f"{k}: back but marked overdue")
year = [k for k in LOAN if dmy(LOAN[k]["out"]) <= datetime.date(2026, 9, 30)]
late_year = [k for k in year if LOAN[k]["back"] and dmy(LOAN[k]["back"]) > dmy(LOAN[k]["due"])]
if len(year) != 8 or len(late_year) != 1 or "Eight loans in the year to 30 September, one of them returned late" not in agm:
    probs.append("loans against the AGM")
if [k for k in LOAN if loan_days(k)[0] <= datetime.date(2026, 6, 10) <= loan_days(k)[1]] \
        or "all club kit back in the store, nothing on loan" not in cmin:
    probs.append("nothing on loan on 10 June against the committee minutes")
if "thirty pounds" not in rules_txt or "ten pounds" not in rules_txt or "four weeks" not in rules_txt \
        or "two weeks" not in rules_txt:
    probs.append("loan rules text against the periods and deposits")
for k, rp in REP.items():
    if rp["kit"] not in KIT or rp["reported_by"] not in MEM:
        probs.append(f"{k}: kit or reporter")
    if rp["done"] and dmon(rp["done"]) < dmon(rp["reported"]):
        probs.append(f"{k}: done before reported")
    if rp["repaired_by"].startswith("in-house") and rp["done"] and int(rp["cost_gbp"]) > 20:
        probs.append(f"{k}: a dear in-house repair")
    if rp["repaired_by"] not in ("in-house (equipment officer)",) and rp["repaired_by"] != KIT[rp["kit"]]["maker"]:
        probs.append(f"{k}: mended by a firm that did not make it")
year = [rp for rp in REP.values() if rp["done"] and dmon(rp["done"]) <= datetime.date(2026, 9, 30)]
if len(year) != 5 or f"Five repairs were finished in the year, costing £{sum(int(r['cost_gbp']) for r in year)}" not in agm \
        or dmon(REP["RP-06"]["reported"]) > datetime.date(2026, 9, 30) or REP["RP-06"]["kit"] != "CM-01":
    probs.append("repairs against the AGM")
if "LN-03" not in [k for k in LOAN if "RP-03" in LOAN[k]["note"]] or dmon(REP["RP-03"]["reported"]) < dmy(LOAN["LN-03"]["back"]):
    probs.append("RP-03 against LN-03")

# incidents against repairs, members and the AGM
for k, r in INC.items():
    if r["member"] not in MEM or (r["kit"] and r["kit"] not in KIT):
        probs.append(f"{k}: member or kit")
    if r["repair"]:
        rp = REP[r["repair"]]
        if rp["kit"] != r["kit"] or dmon(rp["reported"]) != iso(r["date"]):
            probs.append(f"{k}: against {r['repair']}")
        if r["repair"] not in KIT[r["kit"]]["text"]:
            probs.append(f"{k}: repair not in the kit text")
    if r["first_aid"] == "Y" and not re.search(r"A\d{3}", r["details"]) or any(
            c not in MEM or MEM[c]["dbs_checked"] != "Y" for c in re.findall(r"A\d{3}", r["details"])):
        probs.append(f"{k}: first aid not given by a checked member")
sofar = [r for r in INC.values() if iso(r["date"]) < datetime.date(2026, 10, 14)]
cats = collections.Counter(r["category"] for r in sofar)
if len(sofar) != 4 or cats["near miss"] != 2 or cats["equipment damage"] != 1 \
        or sum(r["first_aid"] == "Y" for r in sofar) != 1 \
        or "Four incidents so far in 2026: two near misses, one damaged telescope and one fall, which needed first aid" not in agm:
    probs.append("incidents against the AGM")

# outreach: volunteers checked, solar kit with trained volunteers, kit at hand, totals against the AGM
for k, r in OUT.items():
    vols, kits, day = r["volunteers"].split(), r["kit"].split(), dlong(r["date"])
    for v in vols:
        if v not in MEM:
            probs.append(f"{k}: volunteer {v}")
        elif "over-16s only" not in r["note"] and MEM[v]["dbs_checked"] != "Y":
            probs.append(f"{k}: {v} not DBS-checked at an event open to children")
    if any(KIT[c]["lending"] == "solar-trained members" for c in kits) and not all(MEM[v]["solar_trained"] == "Y" for v in vols):
        probs.append(f"{k}: solar kit with untrained volunteers")
    for c in kits:
        if c not in KIT or on_loan(c, day) or in_repair(c, day):
            probs.append(f"{k}: {c} not available on the day")
        if KIT.get(c, {}).get("lending") == "site only" and r["venue"] != "Bosvennick Down":
            probs.append(f"{k}: site-only {c} taken off site")
    for inc in re.findall(r"IN-\d\d", r["note"]):
        if iso(INC[inc]["date"]) > day or (iso(INC[inc]["date"]) == day) != (r["venue"] in INC[inc]["where"]):
            probs.append(f"{k}: {inc} later or elsewhere")
year = [r for r in OUT.values() if dlong(r["date"]) <= datetime.date(2026, 9, 30)]
if len(year) != 5 or f"Five events to 30 September, with {sum(int(r['visitors']) for r in year):,} visitors" not in agm \
        or f"drew {OUT['OE-04']['visitors']} on its own" not in agm:
    probs.append("outreach against the AGM")
if "300 eclipse viewers" not in cmin or "300 eclipse viewers" not in OUT["OE-04"]["note"]:
    probs.append("eclipse viewers against the committee minutes")

# observing log: leaders, nights, readings against the site table, the AGM's season
for k, r in OBS.items():
    day = iso(r["date"])
    if r["led_by"] not in MEM or MEM[r["led_by"]]["keyholder"] != "Y" or r["led_by"] not in r["text"]:
        probs.append(f"{k}: leader {r['led_by']}")
    meteors = any("meteor" in t.lower() or "perseid" in t.lower() for t in r["targets"])
    if day.strftime("%A") not in ("Friday", "Saturday") and not meteors:
        probs.append(f"{k}: a {day.strftime('%A')} session without a meteor shower")
    if day.strftime("%A") not in r["text"] or str(day.day) not in r["text"]:
        probs.append(f"{k}: date against the text")
    if (r["outcome"] == "held") != bool(r["targets"]) or (r["outcome"] != "held") and (r["seeing"] or r["sqm"]):
        probs.append(f"{k}: outcome against the readings")
    if r["sqm"] is not None:
        row = SQM.get(day.strftime("%b %Y"))
        if row is None or r["sqm"] > float(row[2]) or str(r["sqm"]) not in r["text"]:
            probs.append(f"{k}: reading {r['sqm']} against the site table")
    for c in r["kit"]:
        if c not in KIT or on_loan(c, day) or in_repair(c, day):
            probs.append(f"{k}: {c} not available")
    for inc in re.findall(r"IN-\d\d", r["text"]):
        if iso(INC[inc]["date"]) != day or INC[inc]["where"] != r["site"]:
            probs.append(f"{k}: {inc} elsewhere or on another day")
season = [r for r in OBS.values() if iso(r["date"]) <= datetime.date(2026, 9, 30)]
oc = collections.Counter(r["outcome"] for r in season)
best = max((r for r in season if r["sqm"]), key=lambda r: r["sqm"])
if (len(season), oc["held"], oc["clouded out"], oc["cancelled"]) != (9, 7, 1, 1) \
        or "Nine observing sessions were arranged from January to September; seven were held, one was clouded out and one cancelled for wind" not in agm \
        or f"Best sky of the year: {best['sqm']} on {iso(best['date']).day} September" not in agm:
    probs.append("observing season against the AGM")
if "53 Perseids" not in OBS["OB-08"]["text"] or "Perseid count of 53" not in agm \
        or "97 of the 110" not in OBS["OB-05"]["text"] or "record of 97 objects" not in agm:
    probs.append("observing records against the AGM")
year_rows = [r for m_, r in SQM.items() if datetime.date(2025, 10, 1) <= mon(m_) <= datetime.date(2026, 9, 30) and r[1] != "0"]
top = max(year_rows, key=lambda r: float(r[2]))
if [r for r in year_rows if r[2] == top[2]] != [top] or top[0] != "Sep 2026" or float(top[2]) != best["sqm"]:
    probs.append("best sky of the year against the site table")
for m_, r in SQM.items():
    if r[1] == "0":
        continue
    if float(r[2]) < float(r[3]):
        probs.append(f"{m_}: best below median")
    n_log = sum(1 for o in OBS.values() if o["sqm"] and iso(o["date"]).strftime("%b %Y") == m_)
    if n_log > int(r[1]):
        probs.append(f"{m_}: more log readings than nights read")
if "combination lock since 18 October 2026" not in site or iso(INC["IN-05"]["date"]) + datetime.timedelta(days=1) \
        != datetime.date(2026, 10, 18) or "combination lock fitted the next day" not in INC["IN-05"]["details"]:
    probs.append("the gate lock against the incident")

# talks programme: second Wednesdays, member speakers
for date_, speaker, talk, came in table("programme/talks-2026-27.md", "Date"):
    d = datetime.datetime.strptime(date_, "%a %d %b %Y").date()
    if d.weekday() != 2 or not 8 <= d.day <= 14 or d.month in (6, 7, 8):
        probs.append(f"{date_}: not a second Wednesday of the season")
    for code in re.findall(r"A\d{3}", speaker):
        if MEM[code]["name"] not in speaker:
            probs.append(f"{date_}: {code} is not {speaker}")
    if (d < datetime.date(2026, 11, 30)) != bool(came):
        probs.append(f"{date_}: attendance against the page date")
    if d == datetime.date(2026, 10, 14) and "AGM" not in speaker:
        probs.append("the October talk is not the AGM")
if "Plumridge" not in [r for r in table("programme/talks-2026-27.md", "Date") if r[0].endswith("Jan 2027")][0][1]:
    probs.append("the swapped talk")

# subscriptions: the history against the AGM, the 2022 page and the committee's deposit changes
subs = {r[0].split(" (")[0]: r[1:] for r in table("money/subscriptions.md", "Category")}
for cat, phrase in (("Full", "the full rate rises from {a} to {b}"), ("Senior", "the senior rate from {a} to {b}"),
                    ("Student", "the student rate from {a} to {b}"), ("Family", "the family rate from {a} to {b}")):
    if phrase.format(a=subs[cat][2], b=subs[cat][3]) not in agm or subs[cat][2] == subs[cat][3]:
        probs.append(f"{cat}: against the AGM")
for cat in ("Junior", "Keyholder supplement"):
    if subs[cat][2] != subs[cat][3]:
        probs.append(f"{cat}: should stay as it is")
if "the junior rate and the keyholder supplement stay as they are" not in agm:
    probs.append("unchanged rates against the AGM")
old = flat("money/subscriptions-2022.md")
for cat, label in (("Full", "Full membership"), ("Senior", "Senior (65 or over on 1 October)"),
                   ("Student", "Student in full-time education"), ("Junior", "Junior (under 18 on 1 October)"),
                   ("Family", "Family (two adults and their children at one address)")):
    if f"{label}: {subs[cat][1]} a year" not in old:
        probs.append(f"{cat}: the 2022 page against the history")
if f"supplement of {subs['Keyholder supplement'][1]} a year" not in old or subs["Family"][0] != "not offered":
    probs.append("2022 page: supplement or family category")
charges = {r[0]: r[1:] for r in table("money/subscriptions.md", "Charge")}
tel = charges["Loan deposit: a telescope, with its mount and eyepieces"]
guest = charges["Guest at a site night (non-member, each night)"]
if f"deposit on a borrowed telescope rises from {tel[0]} to {tel[1]}" not in cmin \
        or f"site-night guest fee from {guest[0]} to {guest[1]}" not in cmin \
        or f"Deposit on a borrowed telescope: {tel[0]}" not in old or f"Guests at a site night: {guest[0]}" not in old:
    probs.append("deposits and guest fee against the minutes and the 2022 page")
visitor = charges["Visitor at a monthly talk"]
if f"{visitor[1]} on the door" not in flat("programme/talks-2026-27.md") or f"Visitors at a monthly talk: {visitor[0]}" not in old:
    probs.append("talk visitor fee")
cat_of = {"full": "Full", "senior": "Senior", "student": "Student", "junior": "Junior", "family": "Family", "life": None}
for k, m in MEM.items():
    if m["category"] not in cat_of:
        probs.append(f"{k}: category {m['category']}")

# officers against the list, the history, members' notes and the minutes
hist = table("committee.md", "Office", 1)
for office, name, mid, since_ in table("committee.md", "Office"):
    if MEM[mid]["name"] != name:
        probs.append(f"{office}: {name} is not {mid}")
    cur = [h for h in hist if h[0] == office and not h[3]]
    if not cur or cur[0][1] != name or mon(cur[0][2]) != since[name]:
        probs.append(f"{office}: history against the officers table")
    if office != "President" and office.lower() not in MEM[mid]["note"].lower():
        probs.append(f"{office}: not in {mid}'s note")
for office in {h[0] for h in hist}:
    hs = [h for h in hist if h[0] == office]
    for a, b in zip(hs, hs[1:]):
        if a[3] != b[2]:
            probs.append(f"{office}: gap at {a[3]}")
    if [h for h in hs if not h[3]] != hs[-1:]:
        probs.append(f"{office}: not one open line, the last")
chairs = [h for h in hist if h[0] == "Chair"]
if f"{chairs[-1][1]} elected in place of {chairs[-2][1]}, who stood down after twelve years" not in agm \
        or mon(chairs[-2][3]).year - mon(chairs[-2][2]).year != 12 or f"In the chair: {chairs[-2][1]}" not in agm \
        or f"{chairs[-2][1]} (chair)" not in cmin or "chair 2014-2026" not in by_name[chairs[-2][1]]["note"]:
    probs.append("chairmanship against the minutes and notes")
votes = re.search(r"For chair, (.+?) (\d+) votes, (.+?) (\d+):", agm)
present = int(re.search(r"Present: (\d+) members", agm).group(1))
if not votes or int(votes.group(2)) + int(votes.group(4)) != present or votes.group(1) != chairs[-1][1] \
        or int(votes.group(2)) < int(votes.group(4)) or votes.group(3) not in by_name:
    probs.append("the chair election against the attendance")
for pat in (r"Carried (\d+) to (\d+), with (\d+) abstentions", r"Lost, (\d+) for and (\d+) against, with (\d+) abstentions"):
    v = re.search(pat, agm)
    if not v or sum(map(int, v.groups())) != present:
        probs.append(f"AGM vote /{pat}/ against the attendance")
tre = [h for h in hist if h[0] == "Treasurer"]
if [h[1] for h in tre[-3:]] != ["Fulcher Tulliver", "Amabel Trengove (acting)", "Cynewulf Borlase"] \
        or "Fulcher Tulliver resigned as treasurer on 18 May" not in cmin or tre[-3][3] != "May 2026" \
        or "acting treasurer" not in MEM[by_name["Amabel Trengove"]["id"]]["note"]:
    probs.append("the treasurers of 2026")
obs_dir = [h for h in hist if h[0] == "Observing director"]
if obs_dir[-1][2] != "Jun 2026" or "co-opted Lancelin Rosevear as observing director from today" not in cmin \
        or "stand down after ten years" not in cmin or mon(obs_dir[-2][3]).year - mon(obs_dir[-2][2]).year != 10:
    probs.append("the observing director's change")
committee_there = re.search(r"Present: (.+?)\. In attendance", cmin).group(1)
sitting = {h[1] for h in hist if h[2] and mon(h[2]) <= datetime.date(2026, 6, 10)
           and (not h[3] or mon(h[3]) > datetime.date(2026, 6, 10)) and h[0] not in ("President", "Observing director")}
for who in sitting:
    if who.split(" (")[0] not in committee_there:
        probs.append(f"committee meeting: {who} absent")

# trophies: winners are members who had joined; juniors for the Youlden Shield; the AGM presented 2026's
html = page("history/awards.html")
win = re.findall(r"<tr><td>(20\d\d)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)
for year_, *names in win:
    for trophy, who in zip(("Rumbelow Cup", "Zouche Salver", "Youlden Shield", "Oxenbury Trophy"), names):
        if who.startswith("held back"):
            continue
        m = by_name.get(who)
        if m is None or int(m["joined"]) > int(year_):
            probs.append(f"{year_} {trophy}: {who}")
            continue
        if trophy == "Youlden Shield" and not is_junior(m["id"]):
            probs.append(f"{year_}: Youlden Shield to a non-junior")
        if trophy == "Oxenbury Trophy" and m["dbs_checked"] != "Y":
            probs.append(f"{year_}: outreach trophy to an unchecked member")
w26 = [w for w in win if w[0] == "2026"][0]
if f"the Rumbelow Cup to {w26[1]}, the Zouche Salver to {w26[2]}, the Youlden Shield to {w26[3]} and the Oxenbury Trophy to {w26[4]}" not in agm:
    probs.append("2026 trophies against the AGM")
for trophy, giver in (("Rumbelow Cup", "Walkelin Rumbelow"), ("Zouche Salver", "Sexburga Zouche"),
                      ("Youlden Shield", "Eadric Youlden"), ("Oxenbury Trophy", "Guthlac Oxenbury")):
    if not any(h[1] == giver for h in hist) or f"<td>{trophy}</td>" not in html:
        probs.append(f"{trophy}: giver {giver} not a past officer")

# about: contacts and the site
for what, when, where, who in table("about.md", "What"):
    for code in re.findall(r"A\d{3}", who):
        if code not in MEM:
            probs.append(f"{what}: {code} unknown")
        if "Young Observers" in what and MEM[code]["dbs_checked"] != "Y":
            probs.append("Young Observers run by an unchecked member")
        if "Solar" in what and MEM[code]["solar_trained"] != "Y":
            probs.append("Solar Saturday run by an untrained member")
        if "Observing" in what and code != [h for h in table("committee.md", "Office") if h[0] == "Observing director"][0][2]:
            probs.append("observing nights not the observing director's")
        if "(" in who and "secretary" in who and "secretary" not in MEM[code]["note"]:
            probs.append("monthly talks not the secretary's")
if "1998" not in site or "£6,000" not in site or "2014" not in about or f"£{KIT['T-06']['cost_gbp']:,}" not in KIT["T-06"]["text"]:
    probs.append("site facts")
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
