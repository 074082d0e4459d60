"""Checks for evalsets/tables45 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 15, 96
PREFIX = "t45"


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
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

# ------------------------------------------------------------------ the QA files

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
AGM_ID, CM_ID = "minutes/agm-2026-09-29", "minutes/committee-2026-06-16"
ABSENT = {
    "t45-dev-038": ([(r"\bpost ?code\b", []), (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The drill hall's postcode is SV4 7QD."),
    "t45-dev-039": ([(r"<td>2018</td>|^\| 2018 \|", []),
                     (r"\b2018\b[^\n]{0,80}Lechmere Cup|Lechmere Cup[^\n]{0,80}\b2018\b", [])],
                    "| 2018 | Trudpert Bulstrode |: the Lechmere Cup of 2018."),
    "t45-dev-040": ([(r"@", []), (r"\be-?mail\b", [])], "Email secretary@stourhavenfencing.org.uk."),
    "t45-dev-041": ([(r"^\| Full \| \d+ \| 201[0-7]-", []),
                     (r"\b2016\b[^\n]{0,60}\b(subscription|rate)\b|\b(subscription|rate)\b[^\n]{0,60}\b2016\b", [])],
                    "| Full | 165 | 2015-09-01 | 2018-08-31 |\nIn 2016 the full subscription was £165."),
    "t45-dev-042": ([(r"\bprivate lessons?\b", []), (r"£\d+[^\n]{0,30}\b(per|a|an|each) (lesson|hour|half hour)\b", [])],
                    "A private lesson with her is £28 per lesson."),
    "t45-dev-043": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                    "For the year to 31 August 2025: a surplus of £640."),
    "t45-dev-044": ([(r"\b2027\b[^\n]{0,80}Otterbridge|Otterbridge[^\n]{0,80}\b2027\b", [])],
                    "The 2027 Otterbridge Open is on Saturday 23 January 2027."),
    "t45-dev-045": ([(r"\bcolou?rs?\b", []), (r"\b(maroon|navy|scarlet|crimson|royal blue|bottle green|claret)\b", [])],
                    "The club colours are maroon and gold."),
    "t45-test-059": ([(r"\b(telephone|tel|mobile|phone)\b", []), (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                     "The drill hall telephone is 01632 960 118."),
    "t45-test-060": ([(r"<td>2017</td>|^\| 2017 \|", []),
                      (r"\b2017\b[^\n]{0,80}Bamfylde Sabre|Bamfylde Sabre[^\n]{0,80}\b2017\b", [])],
                     "| 2017 | Kunibert Daubeney |: the Bamfylde Sabre of 2017."),
    "t45-test-061": ([(r"^\| Junior[^|\n]*\| \d+ \| 201[0-7]-", []),
                      (r"\b2016\b[^\n]{0,60}\bjunior\b|\bjunior\b[^\n]{0,60}\b2016\b", [])],
                     "| Junior (under 18 on 1 September) | 105 | 2014-09-01 | 2018-08-31 |\n"
                     "In 2016 the junior rate was £105."),
    "t45-test-062": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                     "For the year to 31 August 2024: a deficit of £310."),
    "t45-test-063": ([(r"\b(won|winners?)\b[^\n]{0,80}Draycombe Team Trophy|Draycombe Team Trophy[^\n]{0,80}\b(won|winners?)\b", []),
                      (r"\b1st of 10 teams\b", [])],
                     "Crickmere Épée Club won the Draycombe Team Trophy: 1st of 10 teams."),
    "t45-test-064": ([(r"\bhall hire\b[^\n]{0,60}£\d+|£\d+[^\n]{0,60}\bhall hire\b", []),
                      (r"\b(rent|hire)s? (of|for) the (drill )?hall\b", [])],
                     "The hall hire is £55 a night, the hire of the drill hall for one evening."),
    "t45-test-065": ([(r"\b2027\b[^\n]{0,80}\bchampionships?\b|\bchampionships?\b[^\n]{0,80}\b2027\b", [])],
                     "The 2027 club championships will be fenced on Saturday 20 November 2027."),
    "t45-test-066": ([(r"<td>2011</td>|^\| 2011 \|", []),
                      (r"\b2011\b[^\n]{0,80}\b(won|winner)\b|\b(won|winner)\b[^\n]{0,80}\b2011\b", [])],
                     "| 2011 | Hiltrud Villiers (épée) |: she won the first Egerton Shield in 2011."),
    "t45-test-067": ([(r"\binsur\w*\b", []), (r"\bunderwrit\w*\b", [])],
                     "The club is insured by Skirbeck Mutual, underwritten by Vexley Assurance."),
    "t45-test-068": ([(r"competition: CP-06\nfencer: F04\b", []),
                      (r"Fridtjof Jobling[^\n]{0,80}Ruddlesford|Ruddlesford[^\n]{0,80}Fridtjof Jobling", [])],
                     "competition: CP-06\nfencer: F04\npools: 3V 3D (Fridtjof Jobling at Ruddlesford)"),
    "t45-test-069": ([(r"\bcharit\w*\b", []), (r"\bregister(ed)? (number|no\.?)\b", [])],
                     "Registered charity; registered number 1190442."),
    "t45-test-070": ([(r"\bmembership (stood|was|of|numbered|totalled)\b", []), (r"\b\d{2,3} members\b", [AGM_ID]),
                      (r"\b(members|membership)\b[^\n]{0,60}\bend of 20\d\d\b|\bend of 20\d\d\b[^\n]{0,60}\b(members|membership)\b", [])],
                     "At the end of 2025 the membership stood at 64 members."),
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


MEM = {r["id"]: r for r in rows("people/members.csv")}
by_name = {m["fencer"]: m for m in MEM.values()}
RES = {r["id"]: r for r in rows("competitions/results-2026.csv")}
SES = {r["id"]: r for r in rows("coaching/sessions-autumn-2026.csv")}
KIT = {r["id"]: r for r in rows("kit/equipment.jsonl")}
LOAN = {r["id"]: r for r in rows("kit/loans.jsonl")}
REP = {r["id"]: r for r in rows("armoury/repair-book.csv")}
INC = {r["id"]: r for r in rows("safety/incident-log.csv")}
COMP = {r[0]: r for r in table("competitions/competitions-2026.md", "Code")}
comp_by_name = {r[2]: r for r in COMP.values()}


def comp_date(code: str) -> datetime.date:
    return datetime.datetime.strptime(COMP[code][1], "%a %d %b %Y").date()


def weapons(mid: str) -> set[str]:
    return {w.strip() for w in MEM[mid]["weapons"].split(",")}


agm = " ".join(page("minutes/agm-2026-09-29.md").split())
cmin = " ".join(page("minutes/committee-2026-06-16.md").split())
about = " ".join(page("about.md").split())
probs: list[str] = []


def only(found, want, name):
    if sorted(found) != sorted(want):
        probs.append(f"{name}: found {sorted(found)}, want {sorted(want)}")


def ev_ids(item_id):
    return [e.split("#", 1)[1] for e in by_id[item_id].evidence if "#" in e]


# derived counts, against the rows
lefties = [k for k, m in MEM.items() if m["hand"] == "left"]
only(lefties, ev_ids("t45-dev-028"), "left-handers")
if str(len(lefties)) not in by_id["t45-dev-028"].answers:
    probs.append("left-hander count")
out_now = [k for k, ln in LOAN.items() if ln["back"] is None]
only(out_now, ev_ids("t45-test-041"), "loans still out")
if str(len(out_now)) not in by_id["t45-test-041"].answers:
    probs.append("open loan count")
# filter answers: the one row meeting the condition
only([k for k, r in INC.items() if r["where"].startswith("Fallowby")], ev_ids("t45-dev-029"), "at Fallowby")
only([k for k, r in KIT.items() if r["bought"] == 2019], ev_ids("t45-dev-030"), "bought 2019")
only([k for k, m in MEM.items() if m["grade"] == "novice" and "sabre" in weapons(k)], ev_ids("t45-dev-031"), "novice sabreur")
only([k for k, r in REP.items() if int(r["cost_gbp"]) < 15], ev_ids("t45-dev-032"), "repair under 15")
only([k for k, r in INC.items() if r["type"] == "near miss"], ev_ids("t45-test-042"), "near miss")
only([k for k, r in KIT.items() if r["stored_at"] == "armourer's box" and r["type"] == "weapon"], ev_ids("t45-test-043"),
     "weapon in the armourer's box")
only([k for k, m in MEM.items() if m["grade"] == "silver" and m["age_category"].startswith("Vet")
      and m["referee"] == "regional"], ev_ids("t45-test-044"), "silver veteran regional referee")
only([k for k, r in REP.items() if r["done"].startswith("2026-05")], ev_ids("t45-test-045"), "done in May")
withdrew = [k for k, r in RES.items() if r["placing"].startswith("withdrew")]
only(withdrew, ev_ids("t45-test-046")[:1], "withdrawal")
if [RES[k]["fencer"] for k in withdrew] != ev_ids("t45-test-046")[1:] \
        or MEM[RES[withdrew[0]]["fencer"]]["fencer"] not in by_id["t45-test-046"].answers:
    probs.append("t45-test-046: the withdrawn fencer")
only([k for k, m in MEM.items() if m["membership"] == "student" and m["paid_this_year"] == "Y"], ev_ids("t45-test-047"),
     "paid-up student")
only([k for k, ln in LOAN.items() if ln["taken"].startswith("2026-03")], ev_ids("t45-test-048"), "taken in March")
only([k for k, s in SES.items() if s["coach"] == by_name["Waltraud Urmston"]["id"]], ev_ids("t45-test-049")[1:],
     "Waltraud Urmston's session")
only([k for k, m in MEM.items() if m["age_category"] == "Vet50" and "sabre" in weapons(k)], ev_ids("t45-test-050"),
     "Vet50 sabreur")
for iid in ("t45-dev-029", "t45-dev-030", "t45-dev-031", "t45-dev-032", "t45-test-042", "t45-test-043",
            "t45-test-044", "t45-test-045", "t45-test-047", "t45-test-048", "t45-test-049",
            "t45-test-050"):
    if ev_ids(iid)[-1] not in by_id[iid].answers:
        probs.append(f"{iid}: the row's code is not a gold")


# comparison golds recomputed
def pick(item_id, key):
    i = by_id[item_id]
    a, b = i.options
    if key(a) == key(b):
        probs.append(f"{item_id}: a tie")
    return a if key(a) > key(b) else b


def place(mid: str, comp: str) -> int:
    got = [r for r in RES.values() if r["fencer"] == mid and r["competition"] == comp]
    return int(re.match(r"\d+", got[0]["placing"]).group())


def days(rk: str) -> int:
    return (iso(REP[rk]["done"]) - iso(REP[rk]["reported"])).days


for iid, key in (("t45-dev-023", lambda o: -int(by_name[o]["joined"])),
                 ("t45-dev-024", lambda o: -int(re.search(rf"<td>{o}</td><td>[^<]*</td><td>(\d{{4}})</td>",
                                                         page("history/club-championships.html")).group(1))),
                 ("t45-dev-025", lambda o: -place(by_name[o]["id"], "CP-01")),
                 ("t45-dev-026", lambda o: int(SES[o]["fencers"])),
                 ("t45-dev-027", lambda o: int(REP[o]["cost_gbp"])),
                 ("t45-test-035", lambda o: KIT[o]["cost_gbp"]),
                 ("t45-test-036", lambda o: -int(by_name[o]["joined"])),
                 ("t45-test-037", lambda o: KIT[o]["cost_gbp"]),
                 ("t45-test-038", lambda o: -comp_date([c for c, r in COMP.items() if r[2].startswith(o)][0]).toordinal()),
                 ("t45-test-039", days),
                 ("t45-test-040", lambda o: -int(SES[o]["fencers"]))):
    if pick(iid, key) not in by_id[iid].answers:
        probs.append(f"{iid}: gold is not the larger")

# results: competitions, fencers, weapons, categories and grades; the table and the AGM count the same
medal = lambda r: bool(re.match(r"(1st|2nd|3rd=) of", r["placing"]))
for k, r in RES.items():
    if r["competition"] not in COMP or r["fencer"] not in MEM:
        probs.append(f"{k}: an unknown competition or fencer")
        continue
    m = MEM[r["fencer"]]
    ev = r["event"].lower()
    weapon = next(w for w in ("foil", "épée", "sabre") if w in ev)
    if weapon not in weapons(r["fencer"]):
        probs.append(f"{k}: {weapon} is not {r['fencer']}'s weapon")
    if weapon not in COMP[r["competition"]][5]:
        probs.append(f"{k}: {weapon} not fenced at {r['competition']}")
    cat = re.match(r"(u\d\d|vet\d\d)", ev)
    if cat and cat.group(1) != m["age_category"].lower():
        probs.append(f"{k}: {r['event']} fenced by a {m['age_category']}")
    if not cat and m["grade"] not in ("silver", "gold"):
        probs.append(f"{k}: an open event entered below silver grade")
    if cat and m["grade"] == "novice":
        probs.append(f"{k}: an age-group event entered by a novice")
    if "team" in ev:
        team = re.findall(r"F\d\d", r["note"])
        if any(MEM[t]["grade"] not in ("silver", "gold") or "épée" not in weapons(t) for t in team):
            probs.append(f"{k}: a team member below silver or not an épéeist")
for code, row in COMP.items():
    mine = [r for r in RES.values() if r["competition"] == code]
    if int(row[6].split()[0]) != len(mine) or int(row[7]) != sum(map(medal, mine)):
        probs.append(f"{code}: entries or medals against the results")
dates = [comp_date(c) for c in COMP]
if dates != sorted(dates):
    probs.append("competitions out of date order")
before = [r for r in RES.values() if comp_date(r["competition"]) < datetime.date(2026, 9, 1)]
golds = sorted(MEM[r["fencer"]]["fencer"] for r in before if r["placing"].startswith("1st of"))
if (len(before), len({r["competition"] for r in before}), sum(map(medal, before)), len(golds)) != (13, 5, 6, 3) \
        or "thirteen entries at five competitions, with six medals, three of them gold" not in agm \
        or not all(g in agm for g in golds):
    probs.append("season to August against the AGM")
if "thirty fencers in the men's foil and nineteen in the women's foil" not in page("competitions/competitions-2026.md") \
        or RES["R-12"]["placing"] != "5th of 30" or RES["R-13"]["placing"] != "7th of 19":
    probs.append("Summer Open field sizes against the results")
if "withdrew" not in RES["R-06"]["placing"] or INC["IN-02"]["fencer"] != RES["R-06"]["fencer"] \
        or COMP[RES["R-06"]["competition"]][2] != INC["IN-02"]["where"] \
        or comp_date(RES["R-06"]["competition"]) != iso(INC["IN-02"]["date"]):
    probs.append("the Pennowick withdrawal against the incident")

# kit, loans and repairs point at each other; incidents point at both
for k, it in KIT.items():
    open_loans = sorted(lk for lk, ln in LOAN.items() if ln["kit"] == k and ln["back"] is None)
    open_reps = sorted(rk for rk, rp in REP.items() if rp["kit"] == k and not rp["done"])
    if sorted(it["on_loan"]) != open_loans or sorted(it["open_repairs"]) != open_reps:
        probs.append(f"{k}: on_loan/open_repairs against the loans and the repair book")
    if (it["state"] == "on loan") != bool(open_loans) or (it["state"] == "out of use") != bool(open_reps):
        probs.append(f"{k}: state {it['state']!r}")
    if not it["text"].startswith(k) or f"£{it['cost_gbp']:,}" not in it["text"] or str(it["bought"]) not in it["text"]:
        probs.append(f"{k}: code, cost or year against the text")
    for rk, rp in REP.items():
        if rp["kit"] == k and rk not in it["text"] and rp["done"]:
            probs.append(f"{k}: finished repair {rk} not in the text")
for k, ln in LOAN.items():
    it, m = KIT.get(ln["kit"]), MEM.get(ln["borrower"])
    if it is None or m is None:
        probs.append(f"{k}: unknown kit or borrower")
        continue
    if ln["kit"] not in ln["text"] or ln["borrower"] not in ln["text"] or f"£{ln['deposit_gbp']}" not in ln["text"] \
            and ln["deposit_gbp"]:
        probs.append(f"{k}: kit, borrower or deposit against the text")
    if it["hand"] in ("left", "right") and it["hand"] != m["hand"]:
        probs.append(f"{k}: a {it['hand']}-handed {it['type']} lent to a {m['hand']}-hander")
    if it["weapon"] in ("foil", "épée", "sabre") and it["weapon"] not in weapons(ln["borrower"]):
        probs.append(f"{k}: {it['weapon']} kit to a fencer who does not fence it")
    if ln["due_back"] < ln["taken"] or (ln["back"] and ln["back"] < ln["taken"]):
        probs.append(f"{k}: dates out of order")
    end = ln["back"] or "2026-12-07"
    for rk, rp in REP.items():
        if rp["kit"] == ln["kit"] and rp["reported"] < end and (not rp["done"] or ln["taken"] < rp["done"]):
            probs.append(f"{k}: lent while {rk} was open")
    late = ln["back"] and ln["back"] > ln["due_back"]
    if late and "deposit" not in ln["text"] or bool(late) != ("late" in ln["text"]):
        probs.append(f"{k}: late return against the text")
    if it["type"] == "weapon" and m["age_category"] in ("U12", "U14") and "coach present" not in ln["text"]:
        probs.append(f"{k}: a weapon lent to an under-14 without a coach present")
    if m["grade"] == "novice" and "term loan" not in ln["text"]:
        probs.append(f"{k}: a novice borrowing outside a term loan")
    comp = [c for c, r in COMP.items() if r[2].split(",")[0] in ln["text"]]
    for c in comp:
        if not (ln["taken"] <= comp_date(c).isoformat() <= (ln["back"] or ln["due_back"])):
            probs.append(f"{k}: not out on the day of {c}")
        if not any(r["fencer"] == ln["borrower"] and r["competition"] == c for r in RES.values()):
            probs.append(f"{k}: borrower did not fence at {c}")
if [k for k, ln in LOAN.items() if ln["taken"] <= "2026-06-16" and (ln["back"] is None or ln["back"] > "2026-06-16")] \
        or "No club kit is out on loan at present" not in cmin:
    probs.append("kit out on loan on 16 June against the committee minutes")
for k, rp in REP.items():
    if rp["kit"] not in KIT or rp["reported_by"] not in MEM:
        probs.append(f"{k}: kit or reporter")
    if rp["done"] and rp["done"] < rp["reported"]:
        probs.append(f"{k}: done before reported")
for k, r in INC.items():
    if r["fencer"] not in MEM or (r["kit"] and r["kit"] not in KIT):
        probs.append(f"{k}: fencer or kit")
    if r["repair"]:
        rp = REP[r["repair"]]
        if rp["kit"] != r["kit"] or rp["reported"] != r["date"] or rp["reported_by"] != r["fencer"]:
            probs.append(f"{k}: against {r['repair']}")
    if r["kit"] and KIT[r["kit"]]["hand"] in ("left", "right") and KIT[r["kit"]]["type"] in ("weapon", "jacket") \
            and KIT[r["kit"]]["hand"] != MEM[r["fencer"]]["hand"]:
        probs.append(f"{k}: {r['fencer']} using kit for the other hand")
# the AGM's armoury, safety and money figures
year = [rp for rp in REP.values() if "2025-09-01" <= rp["reported"] <= "2026-08-31" and rp["done"]]
if len(year) != 5 or "Five repairs in the club year to 31 August, costing " \
        f"£{sum(int(rp['cost_gbp']) for rp in year)} in all" not in agm:
    probs.append("repairs against the AGM")
sofar = [r for r in INC.values() if r["date"] < "2026-09-29"]
if len(sofar) != 5 or sum(r["first_aid"] == "Y" for r in sofar) != 2 \
        or "Five incidents so far in 2026, none serious; two needed first aid" not in agm:
    probs.append("incidents against the AGM")
unpaid = [k for k, m in MEM.items() if m["paid_this_year"] == "N"]
if len(unpaid) != 2 or "Two members still owe this year's subscription" not in agm \
        or any("owes" not in MEM[k]["note"] for k in unpaid):
    probs.append("unpaid members against the AGM and their notes")
sb2 = KIT["SB-02"]
if sb2["cost_gbp"] > 700 or "no more than £700" not in cmin or f"bought in August for £{sb2['cost_gbp']}" not in agm:
    probs.append("the second scoring box against the minutes")

# fee histories without gaps, one open line each; the rises against the AGM; the 2024 page against the history
fees = table("money/fees.md", "Category")
cats = collections.defaultdict(list)
for cat, gbp, start, end in fees:
    cats[cat.split(" (")[0]].append((start, end, gbp))
for cat, hist in cats.items():
    for a, b in zip(hist, hist[1:]):
        if iso(a[1]) + datetime.timedelta(days=1) != iso(b[0]):
            probs.append(f"{cat}: gap after {a[1]}")
    if hist[-1][1] or any(not h[1] for h in hist[:-1]):
        probs.append(f"{cat}: not exactly one open line, the last")


def rate_on(cat: str, day: str) -> str:
    got = [g for s, e, g in cats[cat] if s <= day and (not e or day <= e)]
    return got[0] if len(got) == 1 else "?"


for cat, phrase in (("Full", "the full rate rises from £{a} to £{b}"),
                    ("Student", "the student rate from £{a} to £{b}"),
                    ("Over-60", "the over-60 rate from £{a} to £{b}")):
    h = cats[cat]
    if phrase.format(a=h[-2][2], b=h[-1][2]) not in agm or h[-1][0] != "2027-01-01":
        probs.append(f"{cat}: against the AGM")
if f"the junior rate stays at £{cats['Junior'][-1][2]}" not in agm:
    probs.append("junior rate against the AGM")
old = " ".join(page("money/fees-2024.md").split())
for cat, label in (("Full", "Full (adult) membership"), ("Junior", "Junior (under 18 on 1 September)"),
                   ("Student", "Student, in full-time education"), ("Over-60", "Over-60s")):
    if f"{label}: £{rate_on(cat, '2024-09-01')} a year" not in old:
        probs.append(f"{cat}: the 2024 page against the history")
for charge, before_, after_ in table("money/fees.md", "Charge"):
    if before_.startswith("£") and before_ not in old:
        probs.append(f"{charge}: {before_} not on the 2024 page")
if "up to £15 an event" not in old or "Family discount" not in old:
    probs.append("2024 page: entry share or family discount")
cat_of = {"full": "Full", "junior": "Junior", "student": "Student", "over-60": "Over-60"}
for k, m in MEM.items():
    if cat_of[m["membership"]] not in cats:
        probs.append(f"{k}: membership with no fee line")
    if (m["membership"] == "junior") != (m["age_category"] in ("U12", "U14", "U17", "U20")):
        probs.append(f"{k}: junior membership against the age category")
    if (m["membership"] == "over-60") != (m["age_category"] == "Vet60"):
        probs.append(f"{k}: over-60 membership against the age category")

# officers against the list, the history and members' notes
hist = table("committee.md", "Office", 1)
for office, name, mid, since in table("committee.md", "Office"):
    if MEM[mid]["fencer"] != name:
        probs.append(f"{office}: {name} is not {mid}")
    cur = [h for h in hist if h[0] == office and not h[3]]
    if cur and (cur[0][1] != name or cur[0][2][:4] != since):
        probs.append(f"{office}: history against the officers table")
    if office not in ("Chair", "Armourer") and office.split()[-1].lower() not in MEM[mid]["note"].lower():
        probs.append(f"{office}: not in {mid}'s note")
for office in {h[0] for h in hist}:
    hs = [h for h in hist if h[0] == office]
    for a, b in zip(hs, hs[1:]):
        if a[3] != b[2]:
            probs.append(f"{office}: gap at {a[3]}")
chairs = [h for h in hist if h[0] == "Chair"]
if f"{chairs[-1][1]} was elected chair in place of {chairs[-2][1]}, who stood down after eight years" not in agm \
        or int(chairs[-2][3][:4]) - int(chairs[-2][2][:4]) != 8 or f"In the chair: {chairs[-2][1]}" not in agm \
        or f"{chairs[-2][1]} (chair)" not in cmin or "chair 2018-2026" not in by_name[chairs[-2][1]]["note"]:
    probs.append("chairmanship against the minutes and notes")
if "armourer" not in by_name[[h for h in table("committee.md", "Office") if h[0] == "Armourer"][0][1]]["note"]:
    probs.append("armourer's note")
ks = [h for h in hist if h[0] == "Kit steward"]
if ks[-1][2] != "2025-02" or "co-opted by the committee in February" not in " ".join(page("committee.md").split()):
    probs.append("kit steward co-opted in February 2025")
for who in ("Theodolinde Fortescue", "Clothar Wagstaffe", "Rotraut Kennaway", "Trudpert Bulstrode", "Quirinus Tottle",
            "Waltraud Urmston", "Eberwin Sheepshanks"):
    if who not in cmin:
        probs.append(f"committee meeting: {who} absent")

# championship winners are members, in the weapon they won, and juniors in junior categories
html = page("history/club-championships.html")
for year_, foil, epee, sabre, junior in re.findall(
        r"<tr><td>(20\d\d)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html):
    for who, weapon in ((foil, "foil"), (epee, "épée"), (sabre, "sabre"), (junior, None)):
        if who.startswith("not held"):
            continue
        name, _, jw = who.partition(" (")
        weapon = weapon or jw.rstrip(")")
        m = by_name.get(name)
        if m is None:
            probs.append(f"championships {year_}: {name} not a member")
            continue
        if weapon not in weapons(m["id"]) or int(m["joined"]) > int(year_):
            probs.append(f"championships {year_}: {name} ({weapon}, joined {m['joined']})")
        if who == junior and m["age_category"] not in ("U12", "U14", "U17", "U20"):
            probs.append(f"championships {year_}: junior {name} is a {m['age_category']}")
if "Saturday 21 November 2026" not in cmin or "held on 21 November 2026" not in html:
    probs.append("championship date against the committee minutes")
# coaches: members of gold grade who fence the weapon, or the professional coach
for k, s in SES.items():
    if s["coach"] == "Wiborada Chetwode":
        continue
    if s["coach"] not in MEM or MEM[s["coach"]]["grade"] != "gold" or (s["weapon"] != "all" and s["weapon"] not in weapons(s["coach"])):
        probs.append(f"{k}: coach {s['coach']}")
    if s["venue"] != "drill hall" or iso(s["date"]).strftime("%A") not in ("Tuesday", "Thursday"):
        probs.append(f"{k}: a member's lesson away from a club night")
    if s["weapon"] in ("foil", "épée") and iso(s["date"]).strftime("%A") != "Tuesday" \
            or s["weapon"] == "sabre" and iso(s["date"]).strftime("%A") != "Thursday":
        probs.append(f"{k}: {s['weapon']} on a {iso(s['date']).strftime('%A')}")
for night, venue, _, what, led in table("about.md", "Night"):
    for code, weapon in re.findall(r"(F\d\d)(?: \((\w+)\))?", led):
        if MEM[code]["grade"] != "gold" or (weapon and weapon not in weapons(code)):
            probs.append(f"{night}: {code} leads {weapon}")
    if night == "Saturday" and any(iso(s["date"]).strftime("%A") != "Saturday" for s in SES.values() if "Fallowby" in s["venue"]):
        probs.append("Fallowby sessions not on Saturdays")
if "tenth season as club coach" not in agm:
    probs.append("the professional coach's tenth season")
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
