"""Checks for evalsets/tables44 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 14, 81
PREFIX = "t44"


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

# Unanswerable items: ([(regex an answer would need, documents where it may occur), ...], a
# made-up answer sentence each regex must match). Searched in every document's title, text and
# metadata; a document may be named where the words occur for another reason.
ABSENT = {
    "t44-dev-038": ([(r"\bpost ?code\b", []), (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The boathouse postcode is FR3 9QL."),
    "t44-dev-039": ([(r"^\| 2019 \|", []),
                     (r"\b2019\b[^\n]{0,80}Loxdale Sculls|Loxdale Sculls[^\n]{0,80}\b2019\b", [])],
                    "| 2019 | Valeska Haverfield |: the Loxdale Sculls of 2019."),
    "t44-dev-040": ([(r"@", []), (r"\be-?mail\b", [])], "Email secretary@ferrishamrc.org.uk."),
    "t44-dev-041": ([(r"^\| Full rowing \| 201[0-6]-", []),
                     (r"\b2015\b[^\n]{0,60}\b(subscription|rate)\b|\b(subscription|rate)\b[^\n]{0,60}\b2015\b", [])],
                    "| Full rowing | 2014-04-01 | 2017-03-31 | 270 |\nIn 2015 the full rowing subscription was £270."),
    "t44-dev-042": ([(r"\b(brand|make|made by|manufactur\w*)\b", []),
                     (r"\b(Yamaha|Honda|Mercury|Suzuki|Tohatsu|Evinrude|Mariner)\b", [])],
                    "The outboard is a Tohatsu, made by Tohatsu."),
    "t44-dev-043": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                    "For the year to 31 August 2025: a surplus of GBP 1,870."),
    "t44-dev-044": ([(r"\b2027\b[^\n]{0,80}Tamsford|Tamsford[^\n]{0,80}\b2027\b", [])],
                    "The 2027 Tamsford Head is on Saturday 20 March 2027."),
    "t44-dev-045": ([(r"\bblades?\b", []), (r"\bblade (colou?rs?|design)\b|\bclub colou?rs\b", [])],
                    "Our blades are dark green with a white tip: the club colours."),
    "t44-test-059": ([(r"\b(telephone|tel|mobile|phone)\b", []), (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                     "The boathouse telephone is 01632 960 447."),
    "t44-test-060": ([(r"^\| 2018 \|", []),
                      (r"\b2018\b[^\n]{0,80}Loxdale Sculls|Loxdale Sculls[^\n]{0,80}\b2018\b", [])],
                     "| 2018 | Torbjorn Ayscough |: the Loxdale Sculls of 2018."),
    "t44-test-061": ([(r"^\| Recreational \| 201\d-", []),
                      (r"\b2018\b[^\n]{0,60}recreational|recreational[^\n]{0,60}\b2018\b", [])],
                     "| Recreational | 2017-04-01 | 2020-03-31 | 180 |\nIn 2018 the recreational rate was £180."),
    "t44-test-062": ([(r"\bmembership (stood|was|of|numbered|totalled)\b", []), (r"\b\d{2,3} (members|rowers)\b", ["minutes/agm-2026-10-13"]),
                      (r"\b(members|membership)\b[^\n]{0,60}\bend of 20\d\d\b|\bend of 20\d\d\b[^\n]{0,60}\b(members|membership)\b", [])],
                     "At the end of 2025 the membership stood at 142 members."),
    "t44-test-063": ([(r"\b(brand|make|made by|manufactur\w*)\b", []), (r"cox ?box[^\n]{0,40}\b(by|from)\b", [])],
                     "The cox box is made by Nielsen; the cox box from Nielsen."),
    "t44-test-064": ([(r"\b(surplus|deficit)\b[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}\b(surplus|deficit)\b", [])],
                     "For the year to 31 August 2024: a deficit of GBP 410."),
    "t44-test-065": ([(r"\blease\w*\b", []), (r"\brent(s|ed|al)?\b", []), (r"\blandlord\b", [])],
                     "The lease from the landlord runs to 2041; rent GBP 1,200."),
    "t44-test-066": ([(r"\bweighs?\b", []), (r"\b(hull|boat|rigged) weight\b", [])],
                     "The eight weighs 96 kg; boat weight 96 kg."),
    "t44-test-067": ([(r"^\| Junior[^|\n]*\| 201[0-6]-", []),
                      (r"\b2015\b[^\n]{0,60}\bjunior\b|\bjunior\b[^\n]{0,60}\b2015\b", [])],
                     "| Junior (under 18 on 1 April) | 2014-04-01 | 2017-03-31 | 130 |\nIn 2015 the junior rate was £130."),
    "t44-test-068": ([(r"\b2027\b[^\n]{0,80}\b(AGM|annual general meeting)\b|\b(AGM|annual general meeting)\b[^\n]{0,80}\b2027\b", [])],
                     "The 2027 AGM will be held on 12 October 2027."),
    "t44-test-069": ([(r"(?s)\bM17\b.*\b5000 m\b|\b5000 m\b.*\bM17\b", []),
                      (r"Vendela Rokeby[^\n]{0,80}\b5000 m|5000 m[^\n]{0,80}Vendela Rokeby", [])],
                     "ET-13\nrower: M17\npiece: 5000 m\nresult: 18:40.2 (Vendela Rokeby over 5000 m)"),
    "t44-test-070": ([(r"\bcharit\w*\b", []), (r"\bregist\w*\b", [])],
                     "Registered charity number 1187654."),
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


def secs(t: str) -> float:
    m, s = t.split(":")
    return int(m) * 60 + float(s)


def kg_band(b: str) -> tuple[int, int]:
    lo, hi = b.split("-")
    return int(lo), int(hi)


MEM = {r["id"]: r for r in rows("people/rowers.csv")}
by_name = {m["rower"]: m for m in MEM.values()}
RES = {r["id"]: r for r in rows("racing/results-2026.csv")}
INC = {r["id"]: r for r in rows("safety/incident-log.csv")}
ERG = {r["id"]: r for r in rows("training/erg-tests-2026.csv")}
BOAT = {r["id"]: r for r in rows("fleet/boats.jsonl")}
boat_by_name = {r["name"]: r for r in BOAT.values()}
REP = {r["id"]: r for r in rows("fleet/repairs.jsonl")}
REG = {r[0]: r for r in table("racing/regattas-2026.md", "Code")}
reg_by_name = {r[2]: r for r in REG.values()}


def reg_date(code: str) -> datetime.date:
    return datetime.datetime.strptime(REG[code][1], "%a %d %b %Y").date()


agm = " ".join(page("minutes/agm-2026-10-13.md").split())
probs: list[str] = []


def only(found, want, name):
    if sorted(found) != sorted(want):
        probs.append(f"{name}: found {sorted(found)}, want {sorted(want)}")


def ev_ids(item_id):
    return [e.split("#", 1)[1] for e in by_id[item_id].evidence if "#" in e]


# derived counts, against the rows (and the AGM)
coxes = [k for k, m in MEM.items() if m["cox"] == "Y"]
only(coxes, ev_ids("t44-dev-028"), "coxes")
if str(len(coxes)) not in by_id["t44-dev-028"].answers:
    probs.append("cox count")
unpaid = [k for k, m in MEM.items() if m["paid_this_year"] == "N"]
only(unpaid, ev_ids("t44-test-041"), "unpaid")
if str(len(unpaid)) not in by_id["t44-test-041"].answers or "Two members still owe this year's subscription" not in agm:
    probs.append("unpaid count against the AGM")
if any("owes" not in MEM[k]["note"] for k in unpaid):
    probs.append("unpaid members' notes")
# filter answers: the one row meeting the condition
only([k for k, b in BOAT.items() if b["rig"] == "4+"], ev_ids("t44-dev-029"), "coxed four")
only([k for k, m in MEM.items() if m["stage"] == "1" and m["squad"] == "Senior Men"], ev_ids("t44-dev-030"), "stage 1 senior man")
only([k for k, e in ERG.items() if e["piece"] != "2000 m"], ev_ids("t44-dev-031"), "not a 2k")
only([k for k, r in REP.items() if r["cost_gbp"] > 1000], ev_ids("t44-dev-032"), "repair over 1000")
only([k for k, b in BOAT.items() if b["berth"] == "launch pontoon"], ev_ids("t44-test-042"), "launch pontoon")
only([k for k, r in INC.items() if r["category"] == "grounding"], ev_ids("t44-test-043"), "grounding")
only([k for k, m in MEM.items() if m["squad"] == "Senior Women" and m["stage"] == "2"], ev_ids("t44-test-044"), "senior woman stage 2")
only([k for k, r in RES.items() if r["outcome"] == "lost semi-final"], ev_ids("t44-test-045"), "lost semi")
only([k for k, b in BOAT.items() if b["built"] == 2016], ev_ids("t44-test-046"), "built 2016")
only([k for k, r in REP.items() if r["done"] and r["done"].startswith("2026-03")], ev_ids("t44-test-047"), "done in March")
only([k for k, r in INC.items() if r["category"] == "capsize" and r["board"] == "amber"], ev_ids("t44-test-048"), "amber capsize")
only([k for k, e in ERG.items() if e["piece"] == "2000 m" and e["rate"] == "28"], ev_ids("t44-test-049"), "rate 28")
only([k for k, m in MEM.items() if m["squad"] == "Juniors" and m["cox"] == "Y"], ev_ids("t44-test-050"), "junior cox")
for iid in ("t44-dev-029", "t44-dev-030", "t44-dev-031", "t44-dev-032", "t44-test-042", "t44-test-043",
            "t44-test-044", "t44-test-045", "t44-test-046", "t44-test-047", "t44-test-048", "t44-test-049",
            "t44-test-050"):
    if ev_ids(iid)[0] not in by_id[iid].answers:
        probs.append(f"{iid}: the row's code is not a gold")


# comparison golds recomputed
def pick(item_id, key):
    i = by_id[item_id]
    a, b = i.options
    if key(a) == key(b):
        probs.append(f"{item_id}: a tie")
    return a if key(a) > key(b) else b


def erg(name, month):
    got = [e for e in ERG.values() if MEM[e["rower"]]["rower"] == name and e["tested_on"][:7] == month
           and e["piece"] == "2000 m"]
    return secs(got[0]["result"])


for iid, key in (("t44-dev-023", lambda o: kg_band(boat_by_name[o]["crew_weight_kg"])[1]),
                 ("t44-dev-024", lambda o: -erg(o, "2026-02")),
                 ("t44-dev-025", lambda o: int(reg_by_name[o][5].split()[0])),
                 ("t44-dev-026", lambda o: -boat_by_name[o]["built"]),
                 ("t44-dev-027", lambda o: -int(by_name[o]["first_season"])),
                 ("t44-test-035", lambda o: -kg_band(boat_by_name[o]["crew_weight_kg"])[0]),
                 ("t44-test-036", lambda o: -erg(o, "2026-02")),
                 ("t44-test-037", lambda o: -reg_date(reg_by_name[o][0]).toordinal()),
                 ("t44-test-038", lambda o: REP[o]["cost_gbp"]),
                 ("t44-test-039", lambda o: -int(by_name[o]["first_season"])),
                 ("t44-test-040", lambda o: BOAT[o]["cost_gbp"])):
    if pick(iid, key) not in by_id[iid].answers:
        probs.append(f"{iid}: gold is not the larger")
# the tied near-miss siblings really differ only where the questions say
if kg_band(BOAT["S1-01"]["crew_weight_kg"])[1] > kg_band(BOAT["S1-02"]["crew_weight_kg"])[0]:
    probs.append("Dabchick and Dunlin bands overlap")

# results: boats, rigs, crews, coxes; the regatta table and the AGM count them the same way
won = lambda r: r["outcome"] == "won final" or r["outcome"].startswith("1st of")
for k, r in RES.items():
    b = BOAT.get(r["boat"])
    if r["regatta"] not in REG or b is None or r["stroke"] not in MEM:
        probs.append(f"{k}: an unknown regatta, boat or stroke")
        continue
    if r["event"].split()[-1] != b["rig"]:
        probs.append(f"{k}: {r['event']} in a {b['rig']}")
    if ("+" in b["rig"]) != bool(r["cox"]) or (r["cox"] and MEM[r["cox"]]["cox"] != "Y"):
        probs.append(f"{k}: cox")
    sq = MEM[r["stroke"]]["squad"]
    ev = r["event"].split()[0]
    if (ev.startswith("Mas") and sq != "Masters") or (ev.startswith("J") and sq != "Juniors") \
            or (ev == "W" and sq not in ("Senior Women",)) or (ev == "Rec" and sq != "Recreational"):
        probs.append(f"{k}: {ev} stroked by a {sq} rower")
    if r["outcome"].startswith("scratched") != (not r["time"]):
        probs.append(f"{k}: time against outcome")
    day = reg_date(r["regatta"]).isoformat()
    for rk, rp in REP.items():
        if rp["boat"] == r["boat"] and rp["reported"] < day and (rp["done"] is None or day < rp["done"]):
            probs.append(f"{k}: raced while {rk} was open")
for code, row in REG.items():
    mine = [r for r in RES.values() if r["regatta"] == code]
    if int(row[6]) != len(mine) or int(row[7]) != sum(map(won, mine)):
        probs.append(f"{code}: entries or wins against the results")
before = [r for r in RES.values() if reg_date(r["regatta"]) < datetime.date(2026, 10, 1)]
events = {r["regatta"] for r in before}
if (len(before), len(events), sum(map(won, before))) != (12, 5, 6) \
        or "twelve crews entered at five events, with six wins" not in agm:
    probs.append("season to September against the AGM")
w2x = [r for r in before if r["event"] == "W 2x" and won(r) and REG[r["regatta"]][2] == "Tamsford Head"]
if not w2x or "the best being the women's double at Tamsford Head" not in agm:
    probs.append("women's double at Tamsford Head")

# boats and repairs point at each other; incidents point at both
for k, b in BOAT.items():
    open_ = sorted(rk for rk, rp in REP.items() if rp["boat"] == k and rp["done"] is None)
    if sorted(b["open_repairs"]) != open_:
        probs.append(f"{k}: open_repairs {b['open_repairs']} against {open_}")
    if f"GBP {b['cost_gbp']:,}" not in b["text"] or str(b["built"]) not in b["text"] \
            or not b["text"].startswith(f"{k} {b['name']}"):
        probs.append(f"{k}: code, name, cost or year against the text")
    if b["crew_weight_kg"] != "-" and b["crew_weight_kg"] not in b["text"]:
        probs.append(f"{k}: crew weight against the text")
for k, rp in REP.items():
    if rp["boat"] not in BOAT or rp["reported_by"] not in MEM:
        probs.append(f"{k}: boat or reporter")
    if rp["boat"] not in rp["text"] or f"GBP {rp['cost_gbp']:,}" not in rp["text"]:
        probs.append(f"{k}: boat or cost against the text")
    if rp["done"] and rp["done"] < rp["reported"]:
        probs.append(f"{k}: done before reported")
for k, r in INC.items():
    if r["boat"] not in BOAT or r["reported_by"] not in MEM:
        probs.append(f"{k}: boat or reporter")
    if r["repair"]:
        rp = REP[r["repair"]]
        if rp["boat"] != r["boat"] or rp["reported"] != r["date"] or k not in rp["text"]:
            probs.append(f"{k}: against {r['repair']}")
    if r["board"] == "amber" and BOAT[r["boat"]]["rig"] in ("1x", "2x") and MEM[r["reported_by"]]["stage"] != "3":
        probs.append(f"{k}: a small boat on amber without a Stage 3 sculler")
if sum(1 for r in INC.values() if r["date"] < "2026-10-13") != 6 or "six incidents so far in 2026" not in agm:
    probs.append("incidents against the AGM")
# erg splits from the results
for k, e in ERG.items():
    if e["rower"] not in MEM:
        probs.append(f"{k}: rower")
    metres = int(e["piece"].split()[0])
    if abs(secs(e["result"]) / (metres / 500) - secs(e["split_500m"])) > 0.051:
        probs.append(f"{k}: split against result")

# fee histories without gaps, one open line each; the rises against the AGM
fees = table("money/fees.md", "Category")
cats = collections.defaultdict(list)
for cat, start, end, gbp in fees:
    cats[cat.split(" (")[0]].append((start, end, gbp))
for cat, hist in cats.items():
    for a, b in zip(hist, hist[1:]):
        if datetime.date.fromisoformat(a[1]) + datetime.timedelta(days=1) != datetime.date.fromisoformat(b[0]):
            probs.append(f"{cat}: gap after {a[1]}")
    if hist[-1][1] or any(not h[1] for h in hist[:-1]):
        probs.append(f"{cat}: not exactly one open line, the last")
for cat, phrase in (("Full rowing", "the full rowing rate rises from £{a} to £{b}"),
                    ("Student", "the student rate from £{a} to £{b}"),
                    ("Recreational", "the recreational rate from £{a} to £{b}")):
    h = cats[cat]
    if phrase.format(a=h[-2][2], b=h[-1][2]) not in agm or h[-1][0] != "2027-04-01":
        probs.append(f"{cat}: against the AGM")
if f"the junior rate stays at £{cats['Junior'][-1][2]}" not in agm:
    probs.append("junior rate against the AGM")
if not all(m["category"].capitalize() in cats for m in MEM.values()):
    probs.append("a member's category has no fee line")

# officers against the list, the history and members' notes
hist = table("committee.md", "Office", 1)
for office, name, mid, since in table("committee.md", "Office"):
    if MEM[mid]["rower"] != name:
        probs.append(f"{office}: {name} is not {mid}")
    cur = [h for h in hist if h[0] == office and not h[3]]
    if cur and (cur[0][1] != name or cur[0][2][:4] != since):
        probs.append(f"{office}: history against the officers table")
    if office not in ("President", "Captain") and office.split()[-1].lower() not in MEM[mid]["note"].lower():
        probs.append(f"{office}: not in {mid}'s note")
for office in {h[0] for h in hist}:
    hs = [h for h in hist if h[0] == office]
    for a, b in zip(hs, hs[1:]):
        if a[3] != b[2]:
            probs.append(f"{office}: gap at {a[3]}")
caps = [h for h in hist if h[0] == "Captain"]
if f"{caps[-1][1]} was elected captain in place of {caps[-2][1]}, who stood down after four years" not in agm \
        or int(caps[-2][3][:4]) - int(caps[-2][2][:4]) != 4:
    probs.append("captaincy against the AGM")
for name, office in (("Ulrika Trelawney", "President"), ("Berengar Grindrod", "Treasurer")):
    h = [x for x in hist if x[1] == name and x[0] == office][0]
    b = boat_by_name[name]
    if f"{h[2][:4]}-{h[3][:4]}" not in b["text"]:
        probs.append(f"{b['id']}: named after the {office.lower()}, years against the history")

# trophy winners are members; the Novice Pot goes to a first-season member
html = page("history/club-trophies.html")
for year, lox, cup, pot in re.findall(r"<tr><td>(20\d\d)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html):
    for who in [lox, pot] + cup.split(" and "):
        if who.startswith("not awarded"):
            continue
        if who not in by_name:
            probs.append(f"trophies {year}: {who} not a member")
    if not pot.startswith("not awarded") and by_name[pot]["first_season"] != year:
        probs.append(f"Novice Pot {year}: {pot} not in a first season")
if "the Loxdale Sculls went to Vendela Rokeby" not in agm.replace("The Loxdale", "the Loxdale") \
        or "<tr><td>2026</td><td>Vendela Rokeby</td>" not in html:
    probs.append("2026 Loxdale Sculls against the AGM")
# coaches in the squads table are members where given by number
for squad, _, coach, boats in table("about.md", "Squad"):
    if re.fullmatch(r"M\d\d", coach) and MEM[coach]["squad"] != squad:
        probs.append(f"{squad}: coach {coach}")
    for b in boats.split(", "):
        if b not in BOAT:
            probs.append(f"{squad}: boat {b}")
check("counts, filters and comparisons recomputed from the rows; records that point at each other and facts stated twice agree", probs)

probs = []
qs = collections.Counter(" ".join(answer_tokens(i.question)) for i in ALL)
probs += [f"repeated question: {q}" for q, n in qs.items() if n > 1]
dev_golds = {g.strip().lower() for i in dev for g in i.answers}
probs += [f"{i.id}: test gold {g!r} is a dev gold" for i in test for g in i.answers if g.strip().lower() in dev_golds]
dev_ev = {(e, g.strip().lower()) for i in dev for e in i.evidence for g in i.answers}
probs += [f"{i.id}: asks a dev fact ({e})" for i in test for e in i.evidence for g in i.answers if (e, g.strip().lower()) in dev_ev]
check("no repeated question; no test gold equals a dev gold", probs)

want = hashlib.sha256((HERE / "test.jsonl").read_bytes()).hexdigest() + "  test.jsonl\n"
sha = HERE / "test.jsonl.sha256"
got = sha.read_text() if sha.exists() else ""
check("test.jsonl.sha256 matches", [] if got == want else [f"sha file {got!r} != {want!r}"])

print("ALL PASS" if not FAILS else f"{len(FAILS)} FAILED: {FAILS}")
sys.exit(1 if FAILS else 0)
