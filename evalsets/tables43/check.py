"""Checks for evalsets/tables43 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 14, 79
PREFIX = "t43"


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
# made-up answer). Every regex must match the made-up answer (so none is a dead rule) and no
# document outside its list.
ABSENT = {
    "t43-dev-038": ([(r"\bpost ?code\b", []), (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The postcode of Swarbeck Institute is HR4 7QD."),
    "t43-dev-039": ([(r"<td>2022</td>", []), (r"\b2022\b[^\n]{0,80}Best Print|Best Print[^\n]{0,80}\b2022\b", [])],
                    "<td>2022</td><td>Old Mill</td>: Best Print in Show 2022."),
    "t43-dev-040": ([(r"@", []), (r"\be-?mail\b", [])], "Email comps@harrowsedgecc.org."),
    "t43-dev-041": ([(r"^\| 201[0-5]-\d\d-\d\d \|", []),
                     (r"\b2014\b[^\n]{0,60}(subscription|GBP)|(subscription|GBP)[^\n]{0,60}\b2014\b", [])],
                    "In 2014 the subscription was GBP 44.\n| 2013-09-01 | 2016-08-31 | 44 |"),
    "t43-dev-042": ([(r"\b\d+ ?W\b|\bwatts?\b|\bwattage\b", [])], "Each LED panel is 60 W; 60 watts."),
    "t43-dev-043": ([(r"\bsurplus\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\bsurplus\b", [])],
                    "For the year to 31 March 2025: a surplus of GBP 300."),
    "t43-dev-044": ([(r"\bRound 3\b", [])], "Round 3: Nature, judged by a visitor."),
    "t43-dev-045": ([(r"\bvisitors?\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\bvisitors?\b", [])],
                    "In 2025 the exhibition had 580 visitors."),
    "t43-test-059": ([(r"\b(telephone|tel|mobile|phone)\b", []), (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                     "The telephone number is 01632 960 118."),
    "t43-test-060": ([(r"<td>2021</td>", []), (r"\b2021\b[^\n]{0,80}Best Print|Best Print[^\n]{0,80}\b2021\b", [])],
                     "<td>2021</td><td>Foxgloves</td>: Best Print in Show 2021."),
    "t43-test-061": ([(r"Salt Pans", ["exhibition/annual-exhibition-2026"])],
                     "E17,R2,print,P17,Salt Pans at Low Tide,17,2nd"),
    "t43-test-062": ([(r"^\| 201[0-5]-\d\d-\d\d \|", []),
                      (r"\b2015\b[^\n]{0,60}(subscription|concession)|(subscription|concession)[^\n]{0,60}\b2015\b", [])],
                     "In 2015 the concession was GBP 32.\n| 2013-09-01 | 2016-08-31 | 32 |"),
    "t43-test-063": ([(r"\bhours?\b|\blifetime\b|\blife of\b", [])], "The laser lasts 20,000 hours."),
    "t43-test-064": ([(r"\b2024-25\b", [])], "In 2024-25 the rounds were judged by visitors."),
    "t43-test-065": ([(r"\b(brand|make|made by|manufactur\w*)\b", [])], "The flash kit is made by Lumora; its make is Lumora."),
    "t43-test-066": ([(r"\bsurplus\b[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}\bsurplus\b", [])],
                     "For the year to 31 March 2024: a surplus of GBP 255."),
    "t43-test-067": ([(r"\bAGM\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\bAGM\b", [])],
                     "At the AGM of 29 April 2025, 25 members were present."),
    "t43-test-068": ([(r"\bparking\b|car park (fee|charge|costs?)\b", [])],
                     "Parking: the car park costs GBP 3."),
    "t43-test-069": ([(r"\binsur\w*\b", [])], "The projector is insured for GBP 2,500."),
    "t43-test-070": ([(r"\b0?[4-9][:.][0-5]\d\b|\b(meet|meeting) at\b", [])], "We meet at 05:45 in the car park."),
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


MEM = {r["ID"]: r for r in rows("people/members.csv")}
by_name = {m["name"]: m for m in MEM.values()}
ENT = {r["id"]: r for r in rows("competitions/entries-2025-26.csv")}
LG = {r["ID"]: r for r in rows("competitions/league-2025-26.csv")}
EV = {r["ID"]: r for r in rows("programme/season-2026-27.csv")}
KIT = {r["id"]: r for r in rows("kit/equipment.jsonl")}
LO = {r["id"]: r for r in rows("kit/loans.jsonl")}
ROUNDS = {r[0]: r for r in table("competitions/rounds-2025-26.md", "Round")}
agm = " ".join(page("minutes/agm-2026-04-28.md").split())
probs: list[str] = []


def only(found, want, name):
    if sorted(found) != sorted(want):
        probs.append(f"{name}: found {sorted(found)}, want {sorted(want)}")


def ev_ids(item_id):
    return [e.split("#", 1)[1] for e in by_id[item_id].evidence if "#" in e]


only([k for k, m in MEM.items() if m["judge"] == "Y"], ev_ids("t43-dev-028"), "judges")
if str(len(ev_ids("t43-dev-028"))) not in by_id["t43-dev-028"].answers:
    probs.append("judge count")
unpaid = [k for k, m in MEM.items() if m["subs_2026"] == "N"]
only(unpaid, ev_ids("t43-test-041"), "unpaid")
if str(len(unpaid)) not in by_id["t43-test-041"].answers or "Two members still owe" not in agm:
    probs.append("unpaid count against the AGM")
if any("owes" not in MEM[k]["remarks"] for k in unpaid):
    probs.append("unpaid members' remarks")
only([k for k, r in KIT.items() if r["condition"] == "worn"], ["BD-01"], "worn kit")
only([k for k, r in LO.items() if r["back"] and r["back"] > r["due_back"]], ["LO-04"], "late loan")
only([k for k, m in MEM.items() if m["grade"] == "Beginner" and m["enters"] == "print and PDI"], ["P12"], "beginner both")
only([k for k, r in EV.items() if r["type"] == "outing" and r["visitor_fee_gbp"] != "0"], ["EV-06"], "outing with fee")
only([k for k, m in MEM.items() if m["distinctions"] == "ARPS"], ["P04"], "ARPS")
only([k for k, r in KIT.items() if "stage" in r["stored_at"]], ["SC-01"], "stage")
only([k for k, r in EV.items() if r["type"] == "talk" and r["visitor_fee_gbp"] == "3"], ["EV-05"], "talk fee 3")
only([k for k, m in MEM.items() if m["grade"] == "Advanced" and m["enters"] == "PDI"], ["P02"], "advanced PDI only")
only([k for k, m in MEM.items() if m["distinctions"] == "DPAGB" and m["enters"] == "print"], ["P13"], "DPAGB print only")
only([k for k, r in ENT.items() if r["section"] == "PDI" and r["award"] == "-"], ["E12"], "PDI no award")
only([k for k, r in ENT.items() if r["award"] == "C"], ["E08"], "commended")
only([k for k, r in LO.items() if r["back"] is None and r["due_back"].startswith("2026-07")], ["LO-07"], "due July")
only([k for k, r in EV.items() if r["led_by"] == "P02"], ["EV-08"], "led by P02")
# comparison golds recomputed
def pick(item_id, key):
    i = by_id[item_id]
    a, b = i.options
    if key(a) == key(b):
        probs.append(f"{item_id}: a tie")
    return a if key(a) > key(b) else b
title = {r["title"]: r for r in ENT.values()}
for iid, key in (("t43-dev-023", lambda o: int(title[o]["score"])),
                 ("t43-test-035", lambda o: int(title[o]["score"])),
                 ("t43-dev-024", lambda o: -int(by_name[o]["joined"])),
                 ("t43-test-036", lambda o: -int(by_name[o]["joined"])),
                 ("t43-dev-025", lambda o: -KIT[o]["bought"]),
                 ("t43-test-037", lambda o: KIT[o]["cost_gbp"]),
                 ("t43-dev-027", lambda o: int(LG[by_name[o]["ID"]]["pdi_points"])),
                 ("t43-test-038", lambda o: int(LG[by_name[o]["ID"]]["print_points"])),
                 ("t43-test-039", lambda o: LO[o]["deposit_gbp"]),
                 ("t43-test-040", lambda o: int(ROUNDS[o][5]))):
    if pick(iid, key) not in by_id[iid].answers:
        probs.append(f"{iid}: gold is not the larger")
# league: totals, order, names; the winner against the AGM
order = sorted(LG.values(), key=lambda r: int(r["position"]))
for n, r in enumerate(order, 1):
    if int(r["print_points"]) + int(r["pdi_points"]) != int(r["total"]):
        probs.append(f"league {r['ID']}: total")
    if MEM[r["ID"]]["name"] != r["name"]:
        probs.append(f"league {r['ID']}: name")
    if n > 1 and int(order[n - 2]["total"]) < int(r["total"]):
        probs.append(f"league {r['ID']}: out of order")
    m = MEM[r["ID"]]
    if (m["enters"] == "print" and r["pdi_points"] != "0") or (m["enters"] == "PDI" and r["print_points"] != "0"):
        probs.append(f"league {r['ID']}: points in a section the member does not enter")
w = order[0]
if f"{w['name']} won the league with {w['total']} points, four ahead of {order[1]['name']}" not in agm or int(w["total"]) - int(order[1]["total"]) != 4:
    probs.append("league winner against the AGM")
# entries: members, sections, rounds, awards by score
for k, r in ENT.items():
    m = MEM[r["member"]]
    if r["round"] not in ROUNDS:
        probs.append(f"{k}: round")
    if r["section"] == "print" and m["enters"] == "PDI" or r["section"] == "PDI" and m["enters"] == "print":
        probs.append(f"{k}: section {r['section']} but {r['member']} enters {m['enters']}")
    if not 0 <= int(r["score"]) <= 20:
        probs.append(f"{k}: score")
groups = collections.defaultdict(list)
for r in ENT.values():
    groups[(r["round"], r["section"])].append(r)
for g, es in groups.items():
    firsts = [e for e in es if e["award"] == "1st"]
    if len(firsts) != 1 or int(firsts[0]["score"]) != max(int(e["score"]) for e in es):
        probs.append(f"{g}: the 1st is not the top score")
# kit and loans point at each other
for k, r in LO.items():
    if r["kit"] not in KIT:
        probs.append(f"{k}: kit {r['kit']}")
    if re.fullmatch(r"P\d\d", r["borrower"]) and r["borrower"] not in MEM:
        probs.append(f"{k}: borrower")
    if (r["back"] is None) != (k in KIT[r["kit"]]["lent_on"]):
        probs.append(f"{k}: open loan against the kit's lent_on")
for k, r in KIT.items():
    for ln in r["lent_on"]:
        if LO[ln]["kit"] != k:
            probs.append(f"{k}: lent_on {ln}")
    if f"GBP {r['cost_gbp']:,}" not in r["text"] or str(r["bought"]) not in r["text"]:
        probs.append(f"{k}: cost or year against the text")
# programme leaders are members or named visitors
for k, r in EV.items():
    if re.fullmatch(r"P\d\d", r["led_by"]) and r["led_by"] not in MEM:
        probs.append(f"{k}: led_by")
# fee histories without gaps; the rises against the AGM
for nth in range(3):
    tab = table("money/subscriptions.md", "From", nth)
    for a, b in zip(tab, tab[1:]):
        if datetime.date.fromisoformat(a[1]) + datetime.timedelta(days=1) != datetime.date.fromisoformat(b[0]):
            probs.append(f"fee table {nth}: gap after {a[1]}")
    if tab[-1][1]:
        probs.append(f"fee table {nth}: no open current rate")
full, conc, stud = (table("money/subscriptions.md", "From", n) for n in range(3))
if f"full rate rises from GBP {full[-2][2]} to GBP {full[-1][2]} from 1 September 2026" not in agm \
        or f"concession rate from GBP {conc[-2][2]} to GBP {conc[-1][2]}" not in agm \
        or f"student rate stays at GBP {stud[-1][2]}" not in agm:
    probs.append("subscriptions against the AGM")
# officers against the roster and the history
hist = table("committee.md", "Post", 1)
for post, name, mid, since in table("committee.md", "Post"):
    if MEM[mid]["name"] != name:
        probs.append(f"{post}: {name} is not {mid}")
    cur = [h for h in hist if h[0] == post and not h[2]]
    if cur and (cur[0][3] != name or cur[0][1][:4] != since):
        probs.append(f"{post}: history against the committee table")
    if post != "Chair" and post.lower() not in MEM[mid]["remarks"].lower() and post != "Equipment officer":
        if post.split()[0].lower() not in MEM[mid]["remarks"].lower():
            probs.append(f"{post}: not in {mid}'s remarks")
for post in {h[0] for h in hist}:
    hs = [h for h in hist if h[0] == post]
    for a, b in zip(hs, hs[1:]):
        if a[2] != b[1]:
            probs.append(f"{post}: gap at {a[2]}")
# exhibition authors are members; selected count; titles shared with entries name the same member
html = page("exhibition/annual-exhibition-2026.html")
sel = re.findall(r"<tr><td>(\d+)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)
if f"{len(sel)} were selected" not in html:
    probs.append("exhibition selected count")
for _, t, who, _ in sel + [(None, t, w, None) for _, t, w in re.findall(r"<tr><td>(20\d\d)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)]:
    if who not in by_name:
        probs.append(f"exhibition: {who} not a member")
    if t.replace("&#39;", "'") in title and MEM[title[t]["member"]]["name"] != who:
        probs.append(f"exhibition: {t} by another member in the entries")
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
