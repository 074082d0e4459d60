"""Checks for evalsets/tables47 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 19, 99
PREFIX = "t47"


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
    "t47-dev-038": ([(r"\b(telephone|tel|mobile|phone)\b", []), (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                    "The swarm coordinator's mobile phone is 07700 900 318."),
    "t47-dev-039": ([(r"<td>2017</td>|^\| 2017 \|", []),
                     (r"\b2017\b[^\n]{0,80}Vellacott Cup|Vellacott Cup[^\n]{0,80}\b2017\b", [])],
                    "| 2017 | Leofwynn Smeeth |: the Vellacott Cup of 2017."),
    "t47-dev-040": ([(r"\b1 Jan 201[0-6]\b", []),
                     (r"\b(subscriptions?|rates?)\b[^\n]{0,60}\b2014\b|\b2014\b[^\n]{0,60}\b(subscriptions?|rates?)\b", [])],
                    "| Full | £19 | 1 Jan 2014 | 31 Dec 2016 |; the full rate in 2014 was £19."),
    "t47-dev-041": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                    "For the year to 30 September 2025 a surplus of £190."),
    "t47-dev-042": ([(r"\bjars?\b[^\n]{0,60}\b2025\b|\b2025\b[^\n]{0,60}\bjars?\b", []),
                     (r"^HX-\d+,\d\d/\d\d/2025,", [])],
                    "In 2025 the apiary filled 244 jars.\nHX-03,02/08/2025,C-01,2,20.0,17.5,EX-02,M-085,44,"),
    "t47-dev-043": ([(r"\bpost ?code\b", []), (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The Friends' Meeting House postcode is TL4 7QB."),
    "t47-dev-044": ([(r"^\| Thu 4 Feb 2027 \|[^\n]*\| \d+ \|\s*$", []),
                     (r"\b\d+ (came|people|members)\b[^\n]{0,60}\bvarroa\b|\bvarroa\b[^\n]{0,60}\b\d+ (came|people|members)\b", [])],
                    "| Thu 4 Feb 2027 | Talk | Friends' Meeting House | Heahburh Westrup (M-131) | 33 |\n33 people came to the varroa talk."),
    "t47-dev-045": ([(r"\b(Buckfast|Carniolans?|Italians?|breed|strain|native black bees?|Apis mellifera \w+)\b", [])],
                    "The teaching apiary keeps Buckfast bees."),
    "t47-test-061": ([(r"@", []), (r"\be-?mail\b", [])], "Email show@tillingmerebees.org.uk."),
    "t47-test-062": ([(r"<td>2018</td>|^\| 2018 \|", []),
                      (r"\b2018\b[^\n]{0,80}Hucklebridge Bowl|Hucklebridge Bowl[^\n]{0,80}\b2018\b", [])],
                     "| 2018 | Cyneburh Lusher |: the Hucklebridge Bowl of 2018."),
    "t47-test-063": ([(r"\b1 Jan 201[0-6]\b", []),
                      (r"\b(subscriptions?|rates?)\b[^\n]{0,60}\b2015\b|\b2015\b[^\n]{0,60}\b(subscriptions?|rates?)\b", [])],
                     "| Associate | £8 | 1 Jan 2015 | 31 Dec 2016 |; the associate rate in 2015 was £8."),
    "t47-test-064": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                     "For the year to 30 September 2024 a deficit of £74."),
    "t47-test-065": ([(r"\b(fee|charged?|paid|expenses)\b[^\n]{0,60}\bjudg\w*|\bjudg\w*[^\n]{0,60}\b(fee|charged?|paid|expenses)\b", [])],
                     "The judge charged a fee of £40 and his expenses."),
    "t47-test-066": ([(r"\bswarms?\b[^\n]{0,40}\bin 2025\b|\bin 2025\b[^\n]{0,40}\bswarms?\b", []),
                      (r"\b2025\b[^\n]{0,30}\b(\d+|six|seven|eight|nine|ten|eleven|twelve) swarms\b", [])],
                     "In 2025 the association collected 9 swarms."),
    "t47-test-067": ([(r"\bcharit\w*\b", []), (r"\bregister(ed)? (number|no\.?)\b", [])],
                     "Registered charity; registered number 1093381."),
    "t47-test-068": ([(r"^\| Thu 3 Dec 2026 \|[^\n]*\| \d+ \|\s*$", []),
                      (r"\b\d+ (came|people|members)\b[^\n]{0,60}\bChristmas\b|\bChristmas\b[^\n]{0,60}\b\d+ (came|people|members)\b", [])],
                     "| Thu 3 Dec 2026 | Christmas social and mead tasting | Friends' Meeting House | | 41 |\n41 people came to the Christmas social."),
    "t47-test-069": ([(r"\b11 June 2026\b", []), (r"\b11/06/2026\b|\b2026-06-11\b|\b11 Jun 2026\b", [])],
                     "SW-07,11 June 2026,Kimbleford,...; 11/06/2026"),
    "t47-test-070": ([(r"\b(federation|county)\b[^\n]{0,80}\b[\d,]{3,} colonies\b|\b[\d,]{3,} colonies\b[^\n]{0,80}\b(federation|county)\b", [])],
                     "The county federation insures 2,140 colonies."),
    "t47-test-071": ([(r"\bmite drop\b|\bmites? a day\b|\b\d+ mites\b|\bdaily drop\b", [])],
                     "C-05's daily drop was 6 mites a day, a mite drop of 6."),
    "t47-test-072": ([(r"\btextbook\b[^\n]{0,60}£\d|£\d+[^\n]{0,60}\btextbook\b", [])],
                     "The textbook costs £14."),
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
        missing = [k for k in allowed if k not in full]
        if missing:
            probs.append(f"{i.id}: allowed documents {missing} do not exist")
        hits = [k for k in full if rx.search(full[k]) and k not in allowed]
        hits += [f"raw {k}" for k in raw if rx.search(raw[k]) and not allowed]
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


def iso(d: str) -> datetime.date:  # 2026-04-11
    return datetime.date.fromisoformat(d)


def dmy(d: str) -> datetime.date:  # 30/05/2026
    return datetime.datetime.strptime(d, "%d/%m/%Y").date()


def dmon(d: str) -> datetime.date:  # 3 Jan 2026
    return datetime.datetime.strptime(d, "%d %b %Y").date()


def dlong(d: str) -> datetime.date:  # 18 April 2026
    return datetime.datetime.strptime(d, "%d %B %Y").date()


def mon(d: str) -> datetime.date:  # Nov 2012
    return datetime.datetime.strptime(d, "%b %Y").date()


def wday(d: str) -> datetime.date:  # Thu 5 Feb 2026
    return datetime.datetime.strptime(d, "%a %d %b %Y").date()


MEM = {r["id"]: r for r in rows("people/members.csv")}
by_name = {m["name"]: m for m in MEM.values()}
KIT = {r["id"]: r for r in rows("kit/equipment.jsonl")}
COL = {r["id"]: r for r in rows("apiary/colonies.jsonl")}
LOAN = {r["id"]: r for r in rows("kit/loans.csv")}
INS = {r["id"]: r for r in rows("apiary/inspections-2026.csv")}
HX = {r["id"]: r for r in rows("apiary/extraction-2026.csv")}
SW = {r["id"]: r for r in rows("swarms/swarm-log-2026.csv")}
agm = flat("minutes/agm-2026-11-05.md")
cmin = flat("minutes/committee-2026-05-12.md")
about = flat("about.md")
apiary = flat("apiary/teaching-apiary.md")
guide = flat("guides/swarm-procedure.txt")
course = flat("training/beginners-course-2026.md")
TODAY = datetime.date(2026, 12, 8)
PRICE_CHANGE = datetime.date(2026, 6, 1)
probs: list[str] = []


def only(found, want, name):
    if sorted(found) != sorted(want):
        probs.append(f"{name}: found {sorted(found)}, want {sorted(want)}")


def ev_ids(item_id):
    return [e.split("#", 1)[1] for e in by_id[item_id].evidence if "#" in e]


def age(mid: str) -> int | None:
    m = re.search(r"\baged (\d+)\b", MEM[mid]["note"])
    return int(m.group(1)) if m else None


def loan_kit(k: str) -> list[str]:
    return [c.strip() for c in LOAN[k]["kit"].split("+")]


def loan_days(k: str) -> tuple[datetime.date, datetime.date]:
    ln = LOAN[k]
    return dmon(ln["out"]), dmon(ln["back"]) if ln["back"] else TODAY


def on_loan(kit: str, day: datetime.date) -> list[str]:
    return [k for k in LOAN if kit in loan_kit(k) and loan_days(k)[0] <= day <= loan_days(k)[1]]


def col_end(c: str) -> datetime.date | None:
    """The day a colony stopped being one (died or united), from its record and the inspections."""
    st = COL[c]["status"]
    if st == "died out":
        return dlong(re.search(r"found dead on (\d+ \w+ \d{4})", COL[c]["text"]).group(1))
    if st.startswith("united with"):
        return dlong(re.search(r"on (\d+ \w+ \d{4})", COL[c]["text"]).group(1))
    return None


def col_live(c: str, day: datetime.date) -> bool:
    start = datetime.datetime.strptime(COL[c]["started"], "%Y-%m").date()
    end = col_end(c)
    return start <= day and (end is None or day <= end)


# derived counts, against the rows
collectors = [k for k, m in MEM.items() if m["swarm_collector"] == "Y"]
only(collectors, ev_ids("t47-dev-028"), "swarm collectors")
if str(len(collectors)) not in by_id["t47-dev-028"].answers:
    probs.append("swarm collector count")
mentors = [k for k, m in MEM.items() if m["mentor"] == "Y"]
only(mentors, ev_ids("t47-test-043"), "mentors")
if str(len(mentors)) not in by_id["t47-test-043"].answers:
    probs.append("mentor count")
# filter answers: the one row meeting the condition
only([k for k, r in KIT.items() if r["kept_at"] == "Threnlow Moor Farm"], ev_ids("t47-dev-029"), "kept at the farm")
only([k for k, r in LOAN.items() if any(KIT[c]["type"] == "extractor" for c in loan_kit(k)) and dmon(r["out"]) < PRICE_CHANGE],
     ev_ids("t47-dev-030"), "extractor loan at the old deposit")
only([k for k, r in COL.items() if r["status"] == "died out"], ev_ids("t47-dev-031"), "died out")
only([k for k, r in SW.items() if "wasp" in (r["note"] + r["found"]).lower()], ev_ids("t47-dev-032"), "wasps")
only([k for k, r in KIT.items() if r["kept_at"] == "show box"], ev_ids("t47-test-044"), "show box")
only([k for k, r in LOAN.items() if not r["back"] and dmon(r["due"]) < TODAY], ev_ids("t47-test-045"), "overdue")
only([k for k, r in INS.items() if r["temper"] == "defensive"], ev_ids("t47-test-046"), "defensive")
only([k for k, r in SW.items() if r["outcome"] == "not collected"], ev_ids("t47-test-047"), "not collected")
only([k for k, m in MEM.items() if m["category"] == "associate"], ev_ids("t47-test-048"), "associate")
only([k for k, r in COL.items() if r["hive"] == "WBC"], ev_ids("t47-test-049"), "WBC")
only([k for k, r in LOAN.items() if r["back"] and r["back"] == r["due"]], ev_ids("t47-test-050"), "back on the day")
only([k for k, m in MEM.items() if m["colonies"] == "8"], ev_ids("t47-test-051"), "eight colonies")
only([k for k, r in KIT.items() if r["lending"] == "certificate holders"], ev_ids("t47-test-052"), "certificate holders")
for iid in ("t47-dev-029", "t47-dev-030", "t47-dev-031", "t47-dev-032", "t47-test-044", "t47-test-045",
            "t47-test-046", "t47-test-047", "t47-test-048", "t47-test-049", "t47-test-050", "t47-test-051",
            "t47-test-052"):
    code = ev_ids(iid)[-1]
    if code not in by_id[iid].answers and MEM.get(code, {}).get("name") not in by_id[iid].answers:
        probs.append(f"{iid}: the row's code is not a gold")


# comparison golds recomputed
def pick(item_id, key):
    i = by_id[item_id]
    a, b = i.options
    if key(a) == key(b):
        probs.append(f"{item_id}: a tie")
    return a if key(a) > key(b) else b


kit_by_name = {r["name"]: r for r in KIT.values()}
trophy_year = {t: int(y) for t, _, y, _ in re.findall(
    r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>(\d{4})</td><td>([^<]+)</td></tr>", page("history/trophies.html"))}
classes = {re.sub(r"^\d+\. ", "", r[0]).split(",")[0].lower(): r for r in table("shows/honey-show-2026.md", "Class")}
points = {r[1]: int(r[3]) for r in table("shows/honey-show-2026.md", "Place")}
for iid, key in (("t47-dev-023", lambda o: -int(by_name[o]["joined"])),
                 ("t47-dev-024", lambda o: kit_by_name[o]["cost_gbp"]),
                 ("t47-dev-025", lambda o: float(HX[o]["honey_kg"])),
                 ("t47-dev-026", lambda o: -trophy_year[o]),
                 ("t47-dev-027", lambda o: int(SW[o]["donation_gbp"])),
                 ("t47-test-036", lambda o: -int(by_name[o]["joined"])),
                 ("t47-test-037", lambda o: -kit_by_name[o]["bought"]),
                 ("t47-test-038", lambda o: -float(HX[o]["moisture_pct"])),
                 ("t47-test-039", lambda o: int(classes[o][1])),
                 ("t47-test-040", lambda o: -trophy_year[o]),
                 ("t47-test-041", lambda o: -dlong(next(r["date"] for r in SW.values() if r["place"] == o)).toordinal()),
                 ("t47-test-042", lambda o: points[o])):
    if pick(iid, key) not in by_id[iid].answers:
        probs.append(f"{iid}: gold is not the larger")

# members: numbers in order of joining, juniors, families, unpaid, insurance
codes = sorted(MEM)
if codes != sorted(codes, key=lambda c: (int(MEM[c]["joined"]), c)):
    probs.append("member numbers not in order of joining")
for k, m in MEM.items():
    a = age(k)
    if (m["category"] == "junior") != (a is not None and m["category"] != "family"):
        probs.append(f"{k}: junior category against the age in the note")
    if a is not None and a >= 18:
        probs.append(f"{k}: aged {a} but marked as under 18")
    if m["category"] == "family":
        other = re.search(r"family membership with (M-\d{3})", m["note"])
        if not other or MEM[other.group(1)]["category"] != "family" or k not in MEM[other.group(1)]["note"] \
                or MEM[other.group(1)]["name"].split()[-1] != m["name"].split()[-1]:
            probs.append(f"{k}: family membership does not point back")
    if (m["paid_2026"] == "N") != ("has not paid for 2026" in m["note"]):
        probs.append(f"{k}: unpaid against the note")
    if (m["paid_2026"] == "exempt") != (m["category"] == "honorary"):
        probs.append(f"{k}: only honorary members are exempt")
    if m["category"] == "associate" and (m["colonies"] != "0" or m["home_apiary"]):
        probs.append(f"{k}: an associate keeping bees")
    if (int(m["colonies"]) > 10) != ("colony over ten" in m["note"]):
        probs.append(f"{k}: insurance over ten colonies against the note")
    if m["mentor"] == "Y" and m["certificate"] == "none":
        probs.append(f"{k}: a mentor with no certificate")
    for ref in re.findall(r"M-\d{3}", m["note"]):
        if ref not in MEM:
            probs.append(f"{k}: note names {ref}")
    for ref in re.findall(r"SW-\d\d", m["note"]):
        if SW[ref]["rehomed_to"] != k:
            probs.append(f"{k}: note names {ref}, which went elsewhere")
under18 = [k for k in MEM if age(k) is not None]
unpaid = [k for k, m in MEM.items() if m["paid_2026"] == "N"]
if len(MEM) != 23 or len(under18) != 2 or "twenty-three members on the list, two of them under 18" not in agm \
        or "now has twenty-three members" not in about:
    probs.append("membership against the AGM and the about page")
if len(unpaid) != 2 or "Two members have still not paid for 2026" not in agm:
    probs.append("unpaid members against the AGM")
if "grandfather of M-203" not in MEM["M-109"]["note"] or "(M-109)" not in MEM["M-203"]["note"]:
    probs.append("grandfather and granddaughter")

# kit and loans point at each other
for k, it in KIT.items():
    open_loans = sorted(lk for lk in LOAN if k in loan_kit(lk) and not LOAN[lk]["back"])
    if sorted(it["on_loan"]) != open_loans or (it["state"] == "on loan") != bool(open_loans):
        probs.append(f"{k}: on_loan/state against the loans")
    if not it["text"].startswith(k) or f"£{it['cost_gbp']:,}" not in it["text"] or str(it["bought"]) not in it["text"]:
        probs.append(f"{k}: code, cost or year against the text")
    if it["kept_at"] in it["text"]:
        probs.append(f"{k}: kept_at should be in the metadata only")
    for lk in open_loans:
        if lk not in it["text"]:
            probs.append(f"{k}: open loan {lk} not in the text")
    if it["lending"] == "not lent" and "not lent" not in it["text"] and "never lent" not in it["text"]:
        probs.append(f"{k}: not lent, but the text does not say so")
for k, ln in LOAN.items():
    kits, m = loan_kit(k), MEM.get(ln["borrower"])
    if m is None or any(c not in KIT for c in kits):
        probs.append(f"{k}: unknown kit or borrower")
        continue
    out, back = loan_days(k)
    due = dmon(ln["due"])
    extractor = any(KIT[c]["type"] == "extractor" for c in kits)
    swarm = all(KIT[c]["type"] == "swarm kit" for c in kits)
    if (due - out).days != (7 if extractor else 14):
        probs.append(f"{k}: loan period {(due - out).days} days")
    want_dep = (40 if out >= PRICE_CHANGE else 25) if extractor else 0 if swarm else 10
    if int(ln["deposit_gbp"]) != want_dep or int(ln["hire_fee_gbp"]) != (5 if extractor else 0):
        probs.append(f"{k}: deposit {ln['deposit_gbp']} or fee {ln['hire_fee_gbp']}, want {want_dep}")
    if ("EX-01" in kits) != ("UT-01" in kits):
        probs.append(f"{k}: EX-01 without its uncapping tray, or the reverse")
    for c in kits:
        lend = KIT[c]["lending"]
        if lend == "not lent" or lend == "certificate holders" and m["certificate"] == "none" \
                or lend == "swarm collectors" and m["swarm_collector"] != "Y":
            probs.append(f"{k}: {c} ({lend}) lent to {ln['borrower']}")
        if [o for o in on_loan(c, out) if o != k]:
            probs.append(f"{k}: {c} already out")
    late = bool(ln["back"]) and back > due
    if late != ("late" in ln["note"]) or late and "deposit was kept" not in ln["note"]:
        probs.append(f"{k}: late return against the note")
    if (not ln["back"] and due < TODAY) != ("overdue" in ln["note"]):
        probs.append(f"{k}: overdue against the note")
if LOAN["LN-01"]["borrower"] != "M-097" or MEM["M-178"]["certificate"] == "none":
    probs.append("certificate holders")
year = [k for k in LOAN if dmon(LOAN[k]["out"]) <= datetime.date(2026, 10, 31)]
late_year = [k for k in year if LOAN[k]["back"] and dmon(LOAN[k]["back"]) > dmon(LOAN[k]["due"])]
if len(year) != 9 or len(late_year) != 2 or "Nine loans to the end of October, two of them returned late with the deposit kept" not in agm:
    probs.append("loans against the AGM")
may12 = datetime.date(2026, 5, 12)
if [KIT[c]["type"] for k in LOAN for c in loan_kit(k) if loan_days(k)[0] <= may12 <= loan_days(k)[1]] != ["bee suit"] \
        or "One loan suit is out with a new member" not in cmin or "SB-01 is back from Nothhelm Wagstaff" not in cmin \
        or LOAN["LN-03"]["borrower"] != by_name["Nothhelm Wagstaff"]["id"] or dmon(LOAN["LN-03"]["back"]) > may12:
    probs.append("loans against the committee minutes of 12 May")

# colonies, inspections, extractions and treatments
COLOUR = {2022: "yellow", 2023: "red", 2024: "green", 2025: "blue", 2026: "white"}
for k, c in COL.items():
    if not c["text"].startswith(k + " " + c["name"]) or c["site"] in c["text"]:
        probs.append(f"{k}: code or name against the text, or the site in the text")
    if c["status"] in ("active", "nucleus") and COLOUR[c["queen_year"]] not in c["text"] \
            and f"{COLOUR[c['queen_year']].capitalize()}-marked" not in c["text"]:
        probs.append(f"{k}: queen colour for {c['queen_year']}")
    sw = re.fullmatch(r"swarm (SW-\d\d)", c["source"])
    if sw and SW[sw.group(1)]["rehomed_to"] != k:
        probs.append(f"{k}: source {sw.group(1)} does not point back")
    sp = re.fullmatch(r"split from (C-\d\d)", c["source"])
    if sp and (sp.group(1) not in COL or not col_live(sp.group(1), datetime.datetime.strptime(c["started"], "%Y-%m").date())):
        probs.append(f"{k}: split from a colony that was not there")
    u = re.fullmatch(r"united with (C-\d\d)", c["status"])
    if u and (COL[u.group(1)]["status"] != "active" or k not in COL[u.group(1)]["text"]):
        probs.append(f"{k}: united with {u.group(1)}, which does not say so")
live_jan = [k for k in COL if col_live(k, datetime.date(2026, 1, 1))]
now = [k for k, c in COL.items() if col_end(k) is None]
if len(live_jan) != 7 or sorted(COL[k]["status"] for k in now).count("nucleus") != 1 or len(now) != 7 \
        or "goes into the winter with six colonies and a nucleus" not in apiary \
        or "goes into winter with six colonies and a nucleus" not in agm or "Seven colonies came through" not in agm \
        or "Seven colonies came through to January 2026" not in apiary:
    probs.append("colony numbers against the apiary page and the AGM")
for k, r in INS.items():
    day = iso(r["date"])
    if day.weekday() != 5:
        probs.append(f"{k}: inspection not on a Saturday")
    if r["inspector"] not in MEM or MEM[r["inspector"]]["mentor"] != "Y":
        probs.append(f"{k}: inspector {r['inspector']} is not a mentor")
    if r["colony"] not in COL or not col_live(r["colony"], day) or "Threnlow" in COL[r["colony"]]["site"] and day.month == 8:
        probs.append(f"{k}: {r['colony']} not at the apiary that day")
    if r["queen_cells"] != "0" and "queen cell" not in r["note"]:
        probs.append(f"{k}: queen cells against the note")
    if r["eggs_seen"] == "N" and r["brood_frames"] != "0":
        probs.append(f"{k}: brood without eggs")
    for ref in re.findall(r"C-\d\d", r["action"] + " " + r["note"]):
        if ref not in COL:
            probs.append(f"{k}: names {ref}")
if INS["IS-09"]["colony"] != "C-01" or "IS-09" not in COL["C-01"]["text"] \
        or COL["C-09"]["source"] != "split from C-01" or iso(INS["IS-09"]["date"]) != datetime.date(2026, 7, 4) \
        or "4 July 2026" not in COL["C-09"]["text"] or "18 July" not in COL["C-09"]["text"] or INS["IS-10"]["colony"] != "C-09":
    probs.append("the split of C-01 against C-09")
if INS["IS-03"]["temper"] != "defensive" or "IS-03" not in COL["C-03"]["text"] or "25 April" not in COL["C-03"]["text"] \
        or "the WBC colony C-03" not in course or "1 August" not in INS["IS-12"]["note"] or "1 August" not in COL["C-03"]["text"]:
    probs.append("the defensive WBC against the course page and its record")
for k, r in HX.items():
    day = dmy(r["date"])
    cols = r["colonies"].split()
    if day.weekday() != 5:
        probs.append(f"{k}: extraction not on a Saturday")
    for c in cols:
        if not col_live(c, day) or COL[c]["status"] == "nucleus":
            probs.append(f"{k}: {c} was not a honey colony then")
    if r["extractor"] not in KIT or on_loan(r["extractor"], day) or r["led_by"] not in MEM:
        probs.append(f"{k}: extractor out on loan, or an unknown leader")
    heather = "heather" in r["note"]
    if float(r["moisture_pct"]) >= (23 if heather else 20) or heather != (KIT[r["extractor"]]["type"] == "press"):
        probs.append(f"{k}: moisture or kit for its honey")
for c, rec in COL.items():
    named = set(re.findall(r"HX-\d\d", rec["text"]))
    if named and named != {k for k, r in HX.items() if c in r["colonies"].split()}:
        probs.append(f"{c}: extractions named in its record against the extraction book")
if f"Six extractions gave {sum(float(r['honey_kg']) for r in HX.values()):.0f} kg of honey, or {sum(int(r['jars']) for r in HX.values())} jars" not in agm \
        or len(HX) != 6 or any(dmy(r["date"]) > datetime.date(2026, 11, 5) for r in HX.values()):
    probs.append("extractions against the AGM")
if "below 20 per cent water, heather honey below 23" not in KIT["RF-01"]["text"]:
    probs.append("moisture limits in the refractometer record")
for date_, what, cols, who in table("apiary/teaching-apiary.md", "Date"):
    day = dmon(date_)
    for c in re.findall(r"C-\d\d", cols):
        if not col_live(c, day):
            probs.append(f"treatment {date_}: {c} was not there")
        if "Threnlow" in COL[c]["site"] and day.month == 8:
            probs.append(f"treatment {date_}: {c} was on the heather")
    if who not in MEM or "OX-01" in what and on_loan("OX-01", day):
        probs.append(f"treatment {date_}: {who}, or the vaporiser was out")
    ins = [r for r in INS.values() if iso(r["date"]) == day and r["colony"] in cols]
    for r in ins:
        if "Apiguard" in what and "Apiguard" not in r["action"] + r["note"] or "syrup" in what and "syrup" not in r["action"]:
            probs.append(f"treatment {date_}: against inspection {r['id']}")
c06 = [r for r in table("apiary/teaching-apiary.md", "Date") if "C-06" in r[2] and "Apiguard" in r[1]]
if not c06 or dmon(c06[0][0]) <= dmy(HX["HX-05"]["date"]):
    probs.append("C-06 treated before its heather honey came off")

# swarms: collectors, heights, outcomes, rehoming, donations against the guide and the AGM
for k, r in SW.items():
    day = dlong(r["date"])
    who = r["collected_by"].split()
    if any(w not in MEM or MEM[w]["swarm_collector"] != "Y" for w in who):
        probs.append(f"{k}: collector not on the swarm list")
    h = re.search(r"(\d+(?:\.\d+)?) m up", r["found"])
    high = bool(h) and float(h.group(1)) > 1.8
    if h and float(h.group(1)) > 4 or high and len(who) < 2 and r["outcome"] == "collected":
        probs.append(f"{k}: height {h.group(1) if h else ''} against the two-collector and four-metre rules")
    if re.search(r"chimney|cavity|roof space", r["found"]) and r["outcome"] == "collected":
        probs.append(f"{k}: collected from a chimney or wall")
    if (r["outcome"] == "collected") != bool(r["rehomed_to"]):
        probs.append(f"{k}: outcome against rehoming")
    to = r["rehomed_to"]
    if to and to not in MEM and (to not in COL or COL[to]["source"] != f"swarm {k}"):
        probs.append(f"{k}: rehomed to {to}")
    if to in MEM and to not in who and k not in MEM[to]["note"] and to != "M-023":
        probs.append(f"{k}: {to}'s note does not name the swarm")
    if r["outcome"] != "collected" and r["donation_gbp"] != "0":
        probs.append(f"{k}: a donation without a swarm")
    if r["outcome"] == "collected" and int(r["donation_gbp"]) < (25 if day >= PRICE_CHANGE else 20):
        probs.append(f"{k}: donation below the suggestion of the day")
    if not datetime.date(2026, 4, 1) <= day <= datetime.date(2026, 7, 31):
        probs.append(f"{k}: outside April to July")
oc = collections.Counter(r["outcome"] for r in SW.values())
if (len(SW), oc["collected"], oc["not honey bees"], oc["gone before arrival"], oc["not collected"]) != (10, 6, 2, 1, 1) \
        or "Ten call-outs between April and July: six swarms collected, two calls that were not honey bees, one swarm gone before the collector arrived and one in a chimney" not in agm \
        or f"Donations came to £{sum(int(r['donation_gbp']) for r in SW.values())}" not in agm:
    probs.append("swarms against the AGM")
if len([r for r in SW.values() if dlong(r["date"]) < may12]) != 2 or "Two calls so far, one of them bumblebees" not in cmin \
        or "bumblebees" not in [r for r in SW.values() if dlong(r["date"]) < may12][1]["note"]:
    probs.append("swarms against the committee minutes")
if "twenty-five pounds since the first of June 2026, twenty before that" not in guide or "above four metres" not in guide \
        or "Anything above head height needs two collectors" not in guide:
    probs.append("swarm guide against the charges")
col_by_swarm = collections.Counter(w for r in SW.values() if r["outcome"] == "collected" for w in r["collected_by"].split())
best = col_by_swarm.most_common(2)
if best[0][1] == best[1][1] or MEM[best[0][0]]["name"] != "Tatwine Chittock":
    probs.append("swarm collector of the year against the log")

# programme: first Thursdays and second Sundays, member speakers, attendance
prog = table("programme/programme-2026.md", "Date")
page_date = datetime.date.fromisoformat(str(docs["programme/programme-2026"].metadata["date"]))
for date_, event, where, who, came in prog:
    d = wday(date_)
    if event.startswith("Talk") or event.startswith("AGM") or event.startswith("Christmas"):
        if d.weekday() != 3 or d.day > 7:
            probs.append(f"{date_}: a talk not on a first Thursday")
    if event.startswith("Apiary meeting") and (d.weekday() != 6 or not 8 <= d.day <= 14) and d != datetime.date(2026, 6, 21):
        probs.append(f"{date_}: an apiary meeting not on a second Sunday")
    for code in re.findall(r"M-\d{3}", who):
        if MEM[code]["name"] not in who:
            probs.append(f"{date_}: {code} is not {who}")
    if (d < page_date) != bool(came):
        probs.append(f"{date_}: attendance against the page date")
came = {r[0]: r[4] for r in prog}
if came["Thu 5 Nov 2026"] != re.search(r"Present: (\d+) members", agm).group(1):
    probs.append("AGM attendance against the programme")
if HX["HX-04"]["date"] != "08/08/2026" or "twenty-one came" not in HX["HX-04"]["note"] or came["Sat 8 Aug 2026"] != "21":
    probs.append("extraction day against the programme")
if "Sun 14 Jun 2026" in came or "Sunday 14 June" not in flat("programme/programme-2026.md"):
    probs.append("the moved June meeting")

# the honey show: points recomputed, novices, exhibitors, totals, trophies
pts: collections.Counter = collections.Counter()
for cls, entries, *placed in table("shows/honey-show-2026.md", "Class"):
    for who, p in zip(placed, (3, 2, 1)):
        if who == "withheld":
            continue
        if who not in by_name:
            probs.append(f"show: {who} is not a member")
        pts[who] += p
        if cls.startswith("9.") and 2026 - int(by_name[who]["joined"]) > 2:
            probs.append(f"show: {who} is not a novice")
    if len([w for w in placed if w != "withheld"]) > int(entries):
        probs.append(f"show: {cls} has more places than entries")
ranked = table("shows/honey-show-2026.md", "Place")
if {r[1]: int(r[3]) for r in ranked} != dict(pts) or [int(r[3]) for r in ranked] != sorted(pts.values(), reverse=True):
    probs.append("show points table against the classes")
for place, name, code, p in ranked:
    if MEM[code]["name"] != name or int(place.rstrip("=")) != 1 + sum(1 for v in pts.values() if v > int(p)):
        probs.append(f"show: place {place} for {name}")
entries = sum(int(r[1]) for r in table("shows/honey-show-2026.md", "Class"))
if entries != 61 or "61 entries from 19 exhibitors" not in flat("shows/honey-show-2026.md") or "Sixty-one entries" not in agm:
    probs.append("show entries")

# trophies: winners were members by the year, novices for the Underhay, 2026 against the show and the AGM
html = page("history/trophies.html")
win = re.findall(r"<tr><td>(20\d\d)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)
for year_, *names in win:
    for trophy, who in zip(("Vellacott Cup", "Hucklebridge Bowl", "Underhay Trophy", "Rivett Tankard"), names):
        if who == "no show":
            if year_ != "2020" or trophy == "Rivett Tankard":
                probs.append(f"{year_} {trophy}: no show")
            continue
        m = by_name.get(who)
        if m is None or int(m["joined"]) > int(year_):
            probs.append(f"{year_} {trophy}: {who}")
            continue
        if trophy == "Underhay Trophy" and int(year_) - int(m["joined"]) > 2:
            probs.append(f"{year_}: Underhay Trophy to a non-novice")
        if trophy == "Rivett Tankard" and m["swarm_collector"] != "Y":
            probs.append(f"{year_}: Tankard to a member not on the swarm list")
w26 = [w for w in win if w[0] == "2026"][0]
top = max(pts, key=pts.get)
show = flat("shows/honey-show-2026.md")
if w26[1] != top or f"The Vellacott Cup went to {top} on points, for the fourth time" not in show \
        or [w[1] for w in win].count(top) != 4:
    probs.append("Vellacott Cup 2026")
if f"{w26[2]}'s heather honey as the best exhibit in the show, for the Hucklebridge Bowl" not in show:
    probs.append("Hucklebridge Bowl 2026")
if f"The Underhay Trophy for the best novice exhibit went to {w26[3]}" not in show \
        or table("shows/honey-show-2026.md", "Class")[8][2] != w26[3]:
    probs.append("Underhay Trophy 2026")
if w26[4] != "Tatwine Chittock" or f"presented the Tankard to {w26[4]}" not in agm \
        or [w[4] for w in win].count(w26[4]) != 3 or "for the third time" not in agm:
    probs.append("Rivett Tankard 2026 against the AGM")
hist = table("committee.md", "Office", 1)
for trophy, giver in re.findall(r"<tr><td>([^<]+)</td><td>[^<]+</td><td>\d{4}</td><td>([^<]+)</td></tr>", html):
    if not any(h[1] == giver for h in hist):
        probs.append(f"{trophy}: giver {giver} not an officer")
if "gave the Hucklebridge Bowl" not in MEM["M-004"]["note"]:
    probs.append("Hucklebridge Bowl giver's note")

# subscriptions: the history without gaps, the 2023 page, the AGM's rises, the committee's charges
subs = table("money/subscriptions.md", "Category")
by_cat: dict[str, list[list[str]]] = collections.defaultdict(list)
for r in subs:
    by_cat[r[0].split(" (")[0].split(",")[0]].append(r)
for cat, rs in by_cat.items():
    for a, b in zip(rs, rs[1:]):
        if dmon(a[3]) + datetime.timedelta(days=1) != dmon(b[2]):
            probs.append(f"{cat}: gap after {a[3]}")
    if [r for r in rs if not r[3]] != rs[-1:]:
        probs.append(f"{cat}: not one open line, the last")


def rate(cat: str, day: datetime.date) -> str:
    for r in by_cat[cat]:
        if dmon(r[2]) <= day and (not r[3] or day <= dmon(r[3])):
            return r[1]
    return "none"


old = flat("money/subscriptions-2023.md")
d23 = datetime.date(2023, 1, 1)
for cat, label in (("Full", "Full member, keeping bees (federation capitation and insurance for ten colonies included): {}."),
                   ("Associate", "Associate, not keeping bees: {}."), ("Junior", "Junior, under 18 on 1 January: {}."),
                   ("Family", "Family, each further member living with a full member: {}."),
                   ("Insurance", "Insurance for each colony over ten: {} a colony.")):
    if label.format(rate(cat, d23)) not in old:
        probs.append(f"{cat}: the 2023 page against the history")
if rate("Family", datetime.date(2022, 12, 31)) != "none" or "New this year" not in old:
    probs.append("the family rate began in 2023")
d26, d27 = datetime.date(2026, 12, 8), datetime.date(2027, 1, 1)
if f"the full rate rises from {rate('Full', d26)} to {rate('Full', d27)} and the family rate from {rate('Family', d26)} to {rate('Family', d27)}" not in agm:
    probs.append("the 2027 rises against the AGM")
for cat in ("Associate", "Junior", "Insurance"):
    if rate(cat, d26) != rate(cat, d27):
        probs.append(f"{cat}: should stay as it is")
for pat in (r"Carried (\d+) to (\d+), with (\d+) abstentions", r"Lost, (\d+) for and (\d+) against, with (\d+) abstentions"):
    v = re.search(pat, agm)
    present = int(re.search(r"Present: (\d+) members", agm).group(1))
    if not v or sum(map(int, v.groups())) != present:
        probs.append(f"AGM vote /{pat}/ against the attendance")
charges = {r[0]: r[1:] for r in table("money/subscriptions.md", "Charge")}
ext = charges["Deposit: an extractor (with its uncapping tray)"]
room = charges["Honey room at Cobbensfield, per day"]
don = charges["Swarm collection, suggested donation"]
fee = charges["Hire fee: an extractor, each loan"]
if f"extractor deposit goes up from {ext[0]} to {ext[1]}" not in cmin or f"the hire fee stays at {fee[0]}" not in cmin \
        or f"honey room goes from {room[0]} to {room[1]} a day" not in cmin or f"swarm donation from {don[0]} to {don[1]}" not in cmin:
    probs.append("charges against the committee minutes")
if f"Extractor loans: {ext[0]} deposit and a {fee[0]} hire fee; one week" not in old or f"Honey room at Cobbensfield: {room[0]} a day" not in old \
        or f"a donation of {don[0]} to the association" not in old \
        or f"Other kit: {charges['Deposit: any other kit'][0]} deposit; two weeks" not in old:
    probs.append("charges against the 2023 page")
if "£85 in 2023 and 2024 and £90 in 2025; the 2026 course cost £95. For 2027 the AGM agreed a fee of £120" not in course \
        or "Beginners' course 2023: £85" not in old or "fee for 2027 will be £120 with a suit to keep" not in agm:
    probs.append("course fees")
if int(MEM["M-030"]["colonies"]) != 11 or "insured at a small extra charge" not in about:
    probs.append("insurance over ten colonies")

# officers against the list, the history, members' notes and the minutes
since_month = {"November": "Nov", "May": "May"}
for office, name, mid, since_ in table("committee.md", "Office"):
    if MEM[mid]["name"] != name:
        probs.append(f"{office}: {name} is not {mid}")
    cur = [h for h in hist if h[0] == office and not h[3]]
    mo, yr = since_.split()
    if not cur or cur[0][1] != name or cur[0][2] != f"{since_month[mo]} {yr}":
        probs.append(f"{office}: history against the officers table")
    if office not in ("President",) and office.lower() not in MEM[mid]["note"].lower():
        probs.append(f"{office}: not in {mid}'s note")
for office in {h[0] for h in hist}:
    hs = [h for h in hist if h[0] == office]
    for a, b in zip(hs, hs[1:]):
        if a[3] != b[2]:
            probs.append(f"{office}: gap at {a[3]}")
    if [h for h in hs if not h[3]] != hs[-1:]:
        probs.append(f"{office}: not one open line, the last")
chairs = [h for h in hist if h[0] == "Chair"]
if f"{chairs[-1][1]} elected in place of {chairs[-2][1]}, who stood down after fourteen years" not in agm \
        or mon(chairs[-2][3]).year - mon(chairs[-2][2]).year != 14 or f"In the chair: {chairs[-2][1]}" not in agm \
        or f"{chairs[-2][1]} (chair)" not in cmin or "chair 2012-2026" not in by_name[chairs[-2][1]]["note"]:
    probs.append("chairmanship against the minutes and notes")
votes = re.search(r"For chair, (.+?) (\d+) votes, (.+?) (\d+):", agm)
if not votes or int(votes.group(2)) + int(votes.group(4)) != int(re.search(r"Present: (\d+) members", agm).group(1)) \
        or votes.group(1) != chairs[-1][1] or int(votes.group(2)) <= int(votes.group(4)) or votes.group(3) not in by_name:
    probs.append("the chair election against the attendance")
tre = [h for h in hist if h[0] == "Treasurer"]
if [h[1] for h in tre[-2:]] != ["Wihtred Kettley", "Seaxburh Veasey"] or tre[-2][3] != "May 2026" \
        or "Seaxburh Veasey, who has been helping him since March, was co-opted as treasurer from today" not in cmin \
        or "eleven and a half years" not in cmin or "co-opted in May 2026" not in MEM["M-118"]["note"] \
        or "Seaxburh Veasey, co-opted in May, was elected treasurer" not in agm:
    probs.append("the treasurer's change")
shows_ = [h for h in hist if h[0] == "Show secretary"]
if shows_[-2][1] != chairs[-1][1] or "Eadwig Kedge was elected show secretary unopposed" not in agm \
        or "show secretary 2008-2026" not in MEM["M-046"]["note"]:
    probs.append("the show secretary's change")
edu = [h for h in hist if h[0] == "Education officer"]
if len(edu) != 1 or edu[0][2] != "Nov 2026" or "new post of education officer" not in agm:
    probs.append("the new education officer")
there = re.search(r"Present: (.+?)\. In attendance: (.+?)\. Apologies: (.+?) \(president\)", cmin)
sitting = {h[1] for h in hist if mon(h[2]) <= may12 and (not h[3] or mon(h[3]) > may12)}
for who in sitting:
    if who not in there.group(1) + there.group(2) + there.group(3):
        probs.append(f"committee meeting: {who} not accounted for")

# about: contacts; course: tutors, mentors and trainees
roles = {"Winter talks": "Secretary", "Apiary meetings": "Apiary manager", "Beginners' course": "Education officer",
         "Swarm calls": "Swarm coordinator", "Borrowing kit": "Equipment steward", "Honey show": "Show secretary"}
officer = {r[0]: r[2] for r in table("committee.md", "Office")}
for what, when, where, who in table("about.md", "What"):
    if officer[roles[what]] != who:
        probs.append(f"about: {what} contact {who}")
if "founded in 1949" not in about or "Since 2011" not in about or "since April 2011" not in apiary:
    probs.append("about: dates")
for no, date_, where, topic, tutor, n in table("training/beginners-course-2026.md", "No."):
    d = wday(date_)
    code = re.search(r"M-\d{3}", tutor).group(0)
    if MEM[code]["name"] not in tutor or MEM[code]["mentor"] != "Y":
        probs.append(f"course {no}: tutor {tutor}")
    if (where == "Cobbensfield Orchard") != (d.weekday() == 5) or where != "Cobbensfield Orchard" and d.weekday() != 1:
        probs.append(f"course {no}: day against place")
    for r in INS.values():
        if iso(r["date"]) == d and r["inspector"] != code:
            probs.append(f"course {no}: inspection {r['id']} by someone else")
ns = [int(r[5]) for r in table("training/beginners-course-2026.md", "No.")]
if ns[0] != 9 or ns[3] != 8 or "Nine people enrolled; one stopped after the third evening" not in course \
        or "Nine started and eight finished" not in cmin or "The other five who finished" not in course:
    probs.append("course numbers")
for trainee, code, mentor, first in table("training/beginners-course-2026.md", "Trainee"):
    mcode = re.search(r"M-\d{3}", mentor).group(0)
    if MEM[code]["name"] != trainee or MEM[code]["joined"] != "2026" or "2026 course" not in MEM[code]["note"]:
        probs.append(f"course: {trainee}")
    if MEM[mcode]["mentor"] != "Y" or MEM[mcode]["name"].split()[-1] == trainee.split()[-1] or MEM[mcode]["name"] not in mentor:
        probs.append(f"course: mentor {mentor} for {trainee}")
    sw = re.search(r"SW-\d\d", first)
    if sw and (SW[sw.group(0)]["rehomed_to"] != code or dlong(SW[sw.group(0)]["date"]).strftime("%-d %B %Y") not in first):
        probs.append(f"course: {trainee}'s swarm")
    cn = re.search(r"C-\d\d", first)
    if cn and trainee not in COL[cn.group(0)]["text"]:
        probs.append(f"course: {trainee}'s nucleus")
if len(cmin.split("Three have joined so far")) != 2 or len(table("training/beginners-course-2026.md", "Trainee")) != 3:
    probs.append("three trainees joined")
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
