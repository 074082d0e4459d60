"""Checks for evalsets/tables40 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 20, 123
PREFIX = "t40"


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
# document outside its list; a (regex, None) line must also be absent from the documents the
# line before it allows.
ABSENT = {
    "t40-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The postcode of the Pexton Lane track is FH3 9QT."),
    "t40-dev-039": ([(r"\bwon (the )?(Wharfedge League|division)\b|\b(league|division) (winners?|champions?)\b", []),
                     (r"^\| 2015 \|[^\n]*\b(won|winners?|champions?)\b", [])],
                    "Tollbury AC won the Wharfedge League in 2015; division champions.\n| 2015 | 2 | 2nd | 861 | won by Tollbury AC |"),
    "t40-dev-040": ([(r"Marrowdale 10K[^\n]{0,80}\b2025\b[^\n]{0,120}\b\d\d:\d\d\b", []),
                     (r"\b2025\b[^\n]{0,80}\bwinners?\b", [])],
                    "At the Marrowdale 10K 2025 the winner ran 31:40; in 2025 the winners were ..."),
    "t40-dev-041": ([(r"^member: F318\nevent: 800m", []),
                     (r"Yorick Wigmore[^\n.]{0,60}\b800m\b", [])],
                    "Yorick Wigmore ran 1:55 in the 800m.\nmember: F318\nevent: 800m"),
    "t40-dev-042": ([(r"women's team[^\n.]{0,60}\b\d{1,2}:\d\d\b", []),
                     (r"\bSkelbrooke Road Relays\b[^\n]{0,300}\b\d:\d\d:\d\d\b", [])],
                    "The Skelbrooke Road Relays: the women's team ran 1:21:40 for second."),
    "t40-dev-043": ([(r"^\| 2004-\d\d-\d\d \|", []),
                     (r"(subscription|GBP)[^\n.]{0,60}\b2004\b|\b2004\b[^\n.]{0,60}subscription", [])],
                    "In 2004 the subscription was GBP 25.\n| 2004-04-01 | 2006-03-31 | 25 |"),
    "t40-dev-044": ([(r"@", []),
                     (r"\be-?mail\b", [])],
                    "Email the welfare officer at welfare@farnholmeharriers.org."),
    "t40-dev-045": ([(r"\bshot( put)?s?\b[^\n.]{0,60}\b(GBP|bought|cost)\b", []),
                     (r"^kind: shot", [])],
                    "The shot puts were bought for GBP 160.\nkind: shot"),
    "t40-test-059": ([(r"\bwww\.|https?://|\.org\.uk|\.co\.uk|\.org\b|\.com\b", [])],
                     "The club's website is www.farnholmeharriers.org.uk."),
    "t40-test-060": ([(r"\bwon (the )?(Wharfedge League|division)\b|\b(league|division) (winners?|champions?)\b", []),
                      (r"^\| 2016 \|[^\n]*\b(won|winners?|champions?)\b", [])],
                     "Cresswick Striders won the Wharfedge League; division champions.\n| 2016 | 1 | 5th | 744 | won by Cresswick |"),
    "t40-test-061": ([(r"\b(telephone|tel|mobile|phone number)\b", []),
                      (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                     "The team manager's phone number is 01632 960 456, a mobile."),
    "t40-test-062": ([(r"^member: F324\nevent: 100m\n", []),
                      (r"Cadell Eckersley[^\n.]{0,60}\b100m\b", [])],
                     "Cadell Eckersley ran 11 flat in the 100m.\nmember: F324\nevent: 100m\n"),
    "t40-test-063": ([(r"(Vetchley|FX26-06)[^\n]{0,300}\b(GBP|cost|costs|lost)\b", []),
                      (r"\bcancel\w*[^\n]{0,80}\bGBP\b", [])],
                     "The cancelled Vetchley match cost the club GBP 140 in coach hire."),
    "t40-test-064": ([(r"\b2010-\d\d-\d\d\b[^\n]*\|\s*\d+\.\d\d", []),
                      (r"track session[^\n.]{0,80}\b20(0\d|10|11)\b", [])],
                     "Track session fee in 2010: GBP 1.50.\n| 2010-04-01 | 2012-03-31 | 1.50 |"),
    "t40-test-065": ([(r"(Skelbrooke Road Relays|FX26-08)[^\n]{0,300}\breferee\b", [])],
                     "The Skelbrooke Road Relays (FX26-08) referee was Emmot Dagger."),
    "t40-test-066": ([(r"Accounts for the year 1 January to 31 December 2024", []),
                      (r"\b2024\b[^\n]{0,60}\bcosts\b|\bcosts\b[^\n]{0,60}\b2024\b", [])],
                     "Accounts for the year 1 January to 31 December 2024\nTotal costs in 2024 were GBP 19,400."),
    "t40-test-067": ([(r"(Christmas Mile|FX26-09)[^\n]{0,400}\b\d\d?[:.]\d\d\b|\b\d\d?[:.]\d\d ?(pm|am)\b", [])],
                     "The Pexton Lane Christmas Mile (FX26-09) starts at 18:30."),
    "t40-test-068": ([(r"\b\d+ members (on the (list|books)|at the end)|members at the end of 2026|membership (stood at|was|reached|of) \d+", []),
                      (r"^- Members: \d+", ["about"])],
                     "The club had 181 members at the end of 2026.\n- Members: 181"),
    "t40-test-069": ([(r"\b(made by|maker|manufacturer|brand|supplier|supplied by)\b", [])],
                     "The aluminium hurdles are made by a maker whose brand is Fleetstride."),
    "t40-test-070": ([(r"\bmarshals?\b[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}\bmarshals?\b", []),
                      (r"\b\d+ marshals\b", ["meetings/2026-03-11-committee"])],
                     "In 2025, 36 marshals worked; 36 marshals in all."),
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
    """Body rows of the nth pipe table whose first header cell is `first`."""
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


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def secs(t: str) -> float:
    parts = [float(p) for p in t.split(":")]
    v = 0.0
    for p in parts:
        v = v * 60 + p
    return v


MEMBERS = rows("people/members.csv")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
PBS = {r["id"]: r for r in rows("results/pbs.csv")}
CRS = {r["id"]: r for r in rows("records/club-records.csv")}
LOANS = {r["id"]: r for r in rows("kit/loans-2026.csv")}
FIX = {r["id"]: r for r in rows("fixtures/fixtures-2026.jsonl")}
KIT = {r["id"]: r for r in rows("kit/kit.jsonl")}
probs: list[str] = []


def only(found: list[str], want: list[str], name: str) -> None:
    if sorted(found) != sorted(want):
        probs.append(f"{name}: found {sorted(found)}, want {sorted(want)}")


def ev_ids(item_id: str) -> list[str]:
    return [e.split("#", 1)[1] for e in by_id[item_id].evidence if "#" in e]


# filters and derived counts, recomputed from the rows
only([k for k, m in mem.items() if m["official"] == "Y"], ev_ids("t40-dev-028"), "dev-028")
if str(len([m for m in MEMBERS if m["official"] == "Y"])) != by_id["t40-dev-028"].answers[0]:
    probs.append("dev-028: count")
only([k for k, r in KIT.items() if r["condition"] == "fair"], ["JV-02"], "dev-029")
only([k for k, m in mem.items() if m["coach"] == "assistant" and m["official"] == "Y"], ["F315"], "dev-030")
only([k for k, r in FIX.items() if r["status"] == "cancelled"], ["FX26-06"], "dev-031")
only([k for k, r in PBS.items() if r["wind"].startswith("-")], ["pb-13"], "dev-032")
only([k for k, m in mem.items() if m["age_group"] == "U15" and m["paid_2026"] == "N"], ["F350"], "test-041")
only([k for k, r in KIT.items() if r["condition"] == "written off"], ["HU-01"], "test-042")
only([k for k, m in mem.items() if m["gender"] == "M" and m["claim"] == "second"], ["F354"], "test-043")
only([k for k, r in FIX.items() if r["status"] == "planned"], ["FX26-09"], "test-044")
only([k for k, r in CRS.items() if "old-model" in r["notes"]], ["CR-07"], "test-045")
only([k for k, r in KIT.items() if r["how"] == "given"], ["SB-02"], "test-046")
only([k for k, r in LOANS.items() if r["returned"] and (day(r["returned"]) - day(r["due"])).days == 8], ["L-12"], "test-047")
only([k for k, r in PBS.items() if r["event"] == "triple jump"], ["pb-25"], "test-048")
only([r[0] for r in table("track/track-rota-2026.md", "Day", 0) if r[5] == "none"], ["Tuesday"], "test-049")
only([k for k, m in mem.items() if m["age_group"] == "U13"], ev_ids("t40-test-050"), "test-050")
if str(len([m for m in MEMBERS if m["age_group"] == "U13"])) != by_id["t40-test-050"].answers[0]:
    probs.append("test-050: count")
for iid, pb in (("t40-dev-032", "pb-13"), ("t40-test-048", "pb-25")):
    if mem[PBS[pb]["member"]]["name"] != by_id[iid].answers[0]:
        probs.append(f"{iid}: the PB's member is not the gold")

# comparisons, recomputed
cmp_facts = {
    "t40-dev-023": KIT["JV-01"]["cost_gbp"] > KIT["JV-02"]["cost_gbp"],
    "t40-dev-024": FIX["FX26-07"]["club_points"] > FIX["FX26-04"]["club_points"],
    "t40-dev-025": int(mem["F318"]["joined"]) < int(mem["F322"]["joined"]),
    "t40-dev-026": CRS["CR-03"]["date"] < CRS["CR-09"]["date"],
    "t40-dev-027": LOANS["L-09"]["returned"] < LOANS["L-01"]["returned"],
    "t40-test-035": KIT["SB-01"]["bought"] < KIT["SB-02"]["bought"],
    "t40-test-036": FIX["FX26-01"]["entrants"] > FIX["FX26-05"]["entrants"],
    "t40-test-037": int(mem["F309"]["born"]) < int(mem["F326"]["born"]),
    "t40-test-038": float(CRS["CR-01"]["mark"]) < float(CRS["CR-02"]["mark"]),
    "t40-test-039": KIT["VP-01"]["cost_gbp"] > KIT["VP-03"]["cost_gbp"],
    "t40-test-040": LOANS["L-05"]["due"] > LOANS["L-10"]["due"],
}
for k, v in cmp_facts.items():
    if not v or by_id[k].type != "comparison":
        probs.append(f"comparison {k}: the gold does not follow from the records")
if sorted(i.id for i in ALL if i.type == "comparison") != sorted(cmp_facts):
    probs.append("a comparison without a recomputation")

# facts stated more than once agree
GROUPS = [("U13", 11, 12), ("U15", 13, 14), ("U17", 15, 16), ("U20", 17, 19), ("senior", 20, 39),
          ("V40", 40, 49), ("V50", 50, 59), ("V60", 60, 69)]
for m in MEMBERS:
    age = 2026 - int(m["born"])
    if not any(g == m["age_group"] and lo <= age <= hi for g, lo, hi in GROUPS):
        probs.append(f"{m['ID']}: age group {m['age_group']} for born {m['born']}")
    if m["claim"] == "second" and "first claim" not in m["notes"]:
        probs.append(f"{m['ID']}: second claim without a first-claim club")
for k, r in PBS.items():
    if r["member"] not in mem:
        probs.append(f"{k}: member {r['member']} not on the list")
    if r["fixture"]:
        f = FIX[r["fixture"]]
        if f["date"] != r["date"] and not (f["id"] == "FX26-03" and r["date"] in ("2026-05-23", "2026-05-24")):
            probs.append(f"{k}: date against {r['fixture']}")
for k, r in CRS.items():
    if r["holder"] in by_name:
        m = by_name[r["holder"]]
        pbs = [p for p in PBS.values() if p["member"] == m["ID"] and p["date"] == r["date"]]
        if r["date"] >= "2024" and not pbs:
            probs.append(f"{k}: recent record without a PB row")
        for p in pbs:
            if not r["mark"].startswith(p["mark"]):
                probs.append(f"{k}: mark {r['mark']} against {p['id']} {p['mark']}")
n_2026 = len([r for r in CRS.values() if r["date"].startswith("2026")])
if f"{['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight'][n_2026]} club records in 2026" not in page("meetings/2026-11-14-agm.md"):
    probs.append(f"{n_2026} club records in 2026 against the AGM")
for k, f in FIX.items():
    wd = day(f["date"]).weekday()
    if wd not in (5, 6):
        probs.append(f"{k}: not at a weekend")
    if not f["text"].startswith(k + ":"):
        probs.append(f"{k}: text does not start with its code")
    if f["manager"] not in mem or f["manager"] not in f["text"]:
        probs.append(f"{k}: manager")
    for e in f["equipment"]:
        if k not in KIT[e]["used_2026"]:
            probs.append(f"{k}: {e} does not list it")
    if f["referee"] and f["referee"].split(" (")[0] not in f["text"]:
        probs.append(f"{k}: referee not in the text")
for k, r in KIT.items():
    for fx in r["used_2026"]:
        if k not in FIX[fx]["equipment"]:
            probs.append(f"{k}: {fx} does not list it")
    out = sorted(l for l, ln in LOANS.items() if ln["item"] == k and not ln["returned"])
    if sorted(r["on_loan"]) != out:
        probs.append(f"{k}: on_loan {r['on_loan']} against the loans {out}")
    if r["cost_gbp"] and f"GBP {r['cost_gbp']:,}" not in r["text"]:
        probs.append(f"{k}: cost not in the text")
    if r["deposit_gbp"] and f"GBP {r['deposit_gbp']}" not in r["text"]:
        probs.append(f"{k}: deposit not in the text")
for k, ln in LOANS.items():
    if ln["borrower"] not in mem or ln["item"] not in KIT:
        probs.append(f"{k}: borrower or item")
    if int(ln["deposit_gbp"]) != KIT[ln["item"]]["deposit_gbp"]:
        probs.append(f"{k}: deposit against the item")
    if ln["returned"] and ln["returned"] < ln["out"]:
        probs.append(f"{k}: returned before out")
league = [FIX[k]["club_points"] for k in FIX if FIX[k]["type"] == "league match" and FIX[k]["status"] == "held"]
if str(sum(league)) not in FIX["FX26-07"]["text"] or f"<td>2026</td><td>2</td><td>2nd</td><td>{sum(league)}</td>" not in page("history/league-history.html") \
        or f"on {sum(league)} points" not in page("meetings/2026-11-14-agm.md"):
    probs.append("the 2026 league total")
# accounts add up
acc = page("notes/accounts-2025.txt")
def block(a: str, b: str) -> list[int]:
    seg = acc.split(a, 1)[1].split(b, 1)[0]
    return [int(x.replace(",", "")) for x in re.findall(r"\s([\d,]{3,})\s*$", seg, re.M)]
inc, cost = block("INCOME", "Total income"), block("COSTS", "Total costs")
tot_inc = int(re.search(r"Total income\s+([\d,]+)", acc).group(1).replace(",", ""))
tot_cost = int(re.search(r"Total costs\s+([\d,]+)", acc).group(1).replace(",", ""))
surplus = int(re.search(r"Surplus for the year\s+([\d,]+)", acc).group(1).replace(",", ""))
r0 = int(re.search(r"Reserves at 1 January 2025\s+([\d,]+)", acc).group(1).replace(",", ""))
r1 = int(re.search(r"Reserves at 31 December 2025\s+([\d,]+)", acc).group(1).replace(",", ""))
if sum(inc) != tot_inc or sum(cost) != tot_cost or tot_inc - tot_cost != surplus or r0 + surplus != r1:
    probs.append(f"accounts: {sum(inc)} {tot_inc} {sum(cost)} {tot_cost} {surplus} {r0} {r1}")
for a, n, rate in re.findall(r"\((\d[\d,]*) (?:x|sessions x) ([\d.]+)\)\s+([\d,]+)", acc):
    pass
for label, n, rate, amount in re.findall(r"^(.+?)\((\d[\d,]*)(?: sessions| runners)? x ([\d.]+)\)\s+([\d,]+)", acc, re.M):
    if round(int(n.replace(",", "")) * float(rate)) != int(amount.replace(",", "")):
        probs.append(f"accounts: {label.strip()} {n} x {rate} != {amount}")
cttee = " ".join(page("meetings/2026-03-11-committee.md").split())
for v in (tot_inc, tot_cost, surplus, r1):
    if f"GBP {v:,}" not in cttee:
        probs.append(f"committee minutes lack GBP {v:,}")
# fee and office histories: no gaps; current rates against the prices page and the 2019 page
def periods(rel: str, nth: int) -> list[list[str]]:
    return table(rel, "From", nth)
for nth in range(3):
    tab = periods("history/fees.md", nth)
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"fees table {nth}: gap at {a[1]}")
    if tab[-1][1]:
        probs.append(f"fees table {nth}: no current rate")
prices = {r[0]: r for r in table("prices/fees-2026.md", "Membership")}
other = {r[0]: r for r in table("prices/fees-2026.md", "Other charges")}
sen, jun, trk = (periods("history/fees.md", n) for n in range(3))
if prices["Senior (20 to 39), first claim"][1:] != [f"GBP {sen[-2][2]}", f"GBP {sen[-1][2]}"] \
        or prices["Junior (U13 to U20), first claim"][1:] != [f"GBP {jun[-2][2]}", f"GBP {jun[-1][2]}"] \
        or other["Track session, any age"][1:] != [f"GBP {trk[-2][2]}", f"GBP {trk[-1][2]}"]:
    probs.append("the prices page against the fee history")
def at(tab: list[list[str]], when: str) -> str:
    return [r for r in tab if r[0] <= when and (not r[1] or when <= r[1])][-1][2]
about = dict(re.findall(r"^- ([^:\n]+): (.+)$", page("about.md"), re.M))
if about["Senior subscription"] != f"GBP {at(sen, '2019-06-01')} a year" or about["Junior subscription"] != f"GBP {at(jun, '2019-06-01')} a year" \
        or about["Track session fee"] != f"GBP {at(trk, '2019-06-01')} a session":
    probs.append("the 2019 page against the fee history")
if "GBP 58 from 1 April 2027" not in " ".join(page("history/fees.md").split()) or "for GBP 58 was carried" not in " ".join(page("meetings/2026-11-14-agm.md").split()):
    probs.append("the 2027 subscription")
officers = {r[0]: r for r in table("people/officers.md", "Post")}
for post, nth in (("Chair", 0), ("Secretary", 1), ("Treasurer", 2)):
    tab = table("history/officers-history.md", "From", nth)
    for a, b in zip(tab, tab[1:]):
        if a[1] != b[0]:
            probs.append(f"{post}: gap at {a[1]}")
    for r in tab:
        for d in filter(None, r[:2]):
            if day(d).weekday() != 5 or day(d).month != 11:
                probs.append(f"{post}: {d} is not a November Saturday")
    if officers[post][1] != tab[-1][2] or officers[post][3] != tab[-1][0][:4]:
        probs.append(f"{post}: officers page against the history")
    if about[post] != at(tab, "2019-06-01"):
        probs.append(f"{post}: the 2019 page against the history")
for post, r in officers.items():
    if mem.get(r[2], {}).get("name") != r[1]:
        probs.append(f"{post}: {r[1]} is not {r[2]}")
treas25 = at(table("history/officers-history.md", "From", 2), "2025-12-31")
if f"Prepared by the treasurer, {treas25}" not in acc:
    probs.append("the treasurer who prepared the 2025 accounts")
# the rota's coaches against the members' coach flags
for nth in (0, 1):
    for r in table("track/track-rota-2026.md", "Day", nth):
        if mem[r[4]]["coach"] != "Y" or (r[5] != "none" and mem[r[5]]["coach"] not in ("Y", "assistant")):
            probs.append(f"rota {r[0]}: coach flags")
# the awards against the members' notes
html = page("history/league-history.html")
for trophy, w25, w26 in re.findall(r"<tr><td>([^<]+)</td><td>[^<]+</td><td>\d{4}</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html):
    for year, who in (("2025", w25), ("2026", w26)):
        if f"{trophy} {year}" not in by_name[who]["notes"]:
            probs.append(f"{trophy} {year}: {who}'s notes")
# the junior rules' 2020 column against the 2020 page
old = " ".join(page("rules/competing-up-2020.md").split()).lower()
for r in table("rules/competing-up-2026.md", "Item"):
    if r[0] in ("U13", "Events up at one meeting", "Consent") and r[1].replace("signs", "").strip() not in old:
        probs.append(f"competing up, {r[0]}: the 2020 column against the 2020 page")
# the hurdles against the news page and the committee's limit
news = page("news/2026-05-new-hurdles.md")
if f"GBP {KIT['HU-02']['cost_gbp']:,}" not in news or KIT["HU-02"]["cost_gbp"] > 1500 or f"GBP {KIT['HU-01']['cost_gbp']:,}" not in news:
    probs.append("the hurdles against the news page")
check("counts, sums, dates and codes recomputed from the record files; facts stated twice agree", probs)

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
