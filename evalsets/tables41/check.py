"""Checks for evalsets/tables41 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 20, 127
PREFIX = "t41"


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
    "t41-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The postcode of Roskenna Baths is CW4 7QT."),
    "t41-dev-039": ([(r"\bwon (the )?(Kelliwith League|division)\b|\b(league|division) (winners?|champions?)\b", []),
                     (r"^\| 2023 \|[^\n]*\b(won|winners?|champions?)\b", [])],
                    "Tregwillow SC won the Kelliwith League in 2023; division champions.\n| 2023 | 1 | 3rd | 529 | won by Tregwillow SC |"),
    "t41-dev-040": ([(r"\b100m freestyle\b[^\n]{0,80}\b(won|winner|winning)\b|\bwinning time\b", []),
                     (r"(Hendravean|county)[^\n]{0,300}\b100m freestyle\b", [])],
                    "At the Hendravean county championships the 100m freestyle was won in 50.12, the winning time."),
    "t41-dev-041": ([(r"^member: C131\nevent: 200m freestyle", []),
                     (r"Ruan Whetter[^\n.]{0,60}\b200m freestyle\b", [])],
                    "Ruan Whetter's best in the 200m freestyle is 1:55.20.\nmember: C131\nevent: 200m freestyle"),
    "t41-dev-042": ([(r"medley relay[^\n;]{0,40}\b\d+:\d\d\.\d\d\b", []),
                     (r"\brelay[^\n]{0,20}\b(time|swam)\b", [])],
                    "The girls' 13-14 medley relay team won in 2:21.40; the relay team swam well."),
    "t41-dev-043": ([(r"^\| 200[0-7]-\d\d-\d\d \|", []),
                     (r"(membership|GBP)[^\n.]{0,60}\b2006\b|\b2006\b[^\n.]{0,60}membership", [])],
                    "In 2006 the adult membership was GBP 25.\n| 2006-09-01 | 2008-08-31 | 25 |"),
    "t41-dev-044": ([(r"@", []),
                     (r"\be-?mail\b", [])],
                    "Email the welfare officer at welfare@carnwethicksc.org."),
    "t41-dev-045": ([(r"\blane ropes?\b", []),
                     (r"^kind: lane", [])],
                    "The lane ropes were bought for GBP 900.\nkind: lane ropes"),
    "t41-test-059": ([(r"\bwww\.|https?://|\.org\.uk|\.co\.uk|\.org\b|\.com\b", [])],
                     "The club's website is www.carnwethicksc.org.uk."),
    "t41-test-060": ([(r"\bwon (the )?(Kelliwith League|division)\b|\b(league|division) (winners?|champions?)\b", []),
                      (r"^\| 2014 \|[^\n]*\b(won|winners?|champions?)\b", [])],
                     "Porthvellick ASC won the Kelliwith League; division champions.\n| 2014 | 2 | 3rd | 512 | won by Porthvellick ASC |"),
    "t41-test-061": ([(r"\b(telephone|tel|mobile|phone)\b", []),
                      (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                     "The treasurer's phone number is 01632 960 123, a mobile."),
    "t41-test-062": ([(r"^member: C137\nevent: 100m freestyle", []),
                      (r"Derwa Colenso[^\n.]{0,60}\b100m freestyle\b", [])],
                     "Derwa Colenso's best in the 100m freestyle is 1:01.30.\nmember: C137\nevent: 100m freestyle"),
    "t41-test-063": ([(r"(Tregwillow Pool|G26-06)[^\n]{0,300}\b(GBP|cost|costs|lost)\b", []),
                      (r"\bcancel\w*[^\n]{0,80}\bGBP\b", [])],
                     "The cancelled Tregwillow Pool round cost the club GBP 180 in coach hire."),
    "t41-test-064": ([(r"^\| 20(0\d|10)-\d\d-\d\d \|[^\n]*\|\s*\d+\.\d\d", []),
                      (r"Competitive squad fee[^\n.]{0,80}\b20(0\d|10)\b", [])],
                     "Competitive squad fee in 2009: GBP 25.00.\n| 2009-09-01 | 2011-08-31 | 25.00 |"),
    "t41-test-065": ([(r"(Hendravean County Championships|G26-02)[^\n]{0,400}\breferee\b", [])],
                     "The Hendravean County Championships (G26-02) referee was Mabe Ockleston."),
    "t41-test-066": ([(r"Accounts for the year 1 January to 31 December 2024", []),
                      (r"\b2024\b[^\n]{0,60}\bcosts\b|\bcosts\b[^\n]{0,60}\b2024\b", [])],
                     "Accounts for the year 1 January to 31 December 2024\nTotal costs in 2024 were GBP 76,900."),
    "t41-test-067": ([(r"(Christmas handicap gala|G26-09)[^\n]{0,400}\b\d\d?:\d\d\b|\bstarts? at\b", []),
                      (r"\b\d\d?[:.]\d\d ?(pm|am)\b", [])],
                     "The Christmas handicap gala (G26-09) starts at 17:30, or 5.30 pm."),
    "t41-test-068": ([(r"\b(maker|manufacturer|brand|supplier|supplied by|firm)\b", [])],
                     "The new touch pads come from the firm Splitsecond, the maker."),
    "t41-test-069": ([(r"\b\d+ timekeepers\b|timekeepers[^\n]{0,60}\b2025\b|\b2025\b[^\n]{0,60}timekeepers", [])],
                     "In 2025, 18 timekeepers worked at the open meet."),
    "t41-test-070": ([(r"\btemperature\b|\bdegrees\b|°", [])],
                     "The water temperature at Roskenna Baths is 28 degrees."),
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
    v = 0.0
    for p in t.split(":"):
        v = v * 60 + float(p)
    return v


MEMBERS = rows("people/members.csv")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
PBS = {r["id"]: r for r in rows("results/pbs.csv")}
CRS = {r["id"]: r for r in rows("records/club-records.csv")}
LOANS = {r["id"]: r for r in rows("kit/loans-2026.csv")}
GALA = {r["id"]: r for r in rows("galas/galas-2026.jsonl")}
KIT = {r["id"]: r for r in rows("kit/kit.jsonl")}
TERM = table("pool/lane-rota-2026.md", "Day", 0)
HOLS = table("pool/lane-rota-2026.md", "Day", 1)
probs: list[str] = []


def only(found: list[str], want: list[str], name: str) -> None:
    if sorted(found) != sorted(want):
        probs.append(f"{name}: found {sorted(found)}, want {sorted(want)}")


def ev_ids(item_id: str) -> list[str]:
    return [e.split("#", 1)[1] for e in by_id[item_id].evidence if "#" in e]


def late(ln: dict) -> int:
    return (day(ln["returned"]) - day(ln["due"])).days if ln["returned"] else 0


# filters and derived counts, recomputed from the rows
only([k for k, m in mem.items() if m["official"] != "N"], ev_ids("t41-dev-028"), "dev-028")
if str(len([m for m in MEMBERS if m["official"] != "N"])) != by_id["t41-dev-028"].answers[0]:
    probs.append("dev-028: count")
only([k for k, r in KIT.items() if r["condition"] == "worn"], ["PD-02"], "dev-029")
only([k for k, m in mem.items() if m["coach"] == "assistant" and m["squad"] == "Senior"], ["C131"], "dev-030")
only([k for k, r in GALA.items() if r["status"] == "cancelled"], ["G26-06"], "dev-031")
only([k for k, r in PBS.items() if r["date"].startswith("2011")], ["pb-25"], "dev-032")
only([k for k, m in mem.items() if m["official"] == "J2" and m["squad"] == "none"], ["C134"], "test-041")
only([k for k, r in KIT.items() if r["condition"] == "written off"], ["TP-01"], "test-042")
only([k for k, m in mem.items() if m["squad"] == "Competitive" and m["paid_2026"] == "N"], ["C173"], "test-043")
only([k for k, r in GALA.items() if r["status"] == "planned"], ["G26-09"], "test-044")
only([k for k, r in CRS.items() if r["venue"] == "Porthvellick Pool"], ["CR-07"], "test-045")
only([k for k, r in KIT.items() if r["location"] == "officials' box"], ["ST-01"], "test-046")
only([k for k, r in LOANS.items() if late(r) == 6], ["L-02"], "test-047")
only([k for k, r in PBS.items() if "first-claim club" in r["notes"] and mem[r["member"]]["gender"] == "F"], ["pb-20"], "test-048")
only([r[0] for r in HOLS if r[4] == "Development"], ["Wednesday"], "test-049")
only([k for k, m in mem.items() if m["squad"] == "Masters"], ev_ids("t41-test-050"), "test-050")
if str(len([m for m in MEMBERS if m["squad"] == "Masters"])) != by_id["t41-test-050"].answers[0]:
    probs.append("test-050: count")
for iid, pb in (("t41-dev-032", "pb-25"), ("t41-test-048", "pb-20")):
    if mem[PBS[pb]["member"]]["name"] != by_id[iid].answers[0]:
        probs.append(f"{iid}: the PB's member is not the gold")
if mem["C134"]["name"] != by_id["t41-test-041"].answers[0] or mem["C173"]["name"] != by_id["t41-test-043"].answers[0] \
        or CRS["CR-07"]["holder"] != by_id["t41-test-045"].answers[0] or mem["C131"]["name"] != by_id["t41-dev-030"].answers[0]:
    probs.append("a filter's gold is not the row's name")

# comparisons, recomputed
cmp_facts = {
    "t41-dev-023": KIT["FN-02"]["bought"] < KIT["FN-01"]["bought"],
    "t41-dev-024": GALA["G26-08"]["club_points"] > GALA["G26-03"]["club_points"],
    "t41-dev-025": int(mem["C128"]["joined"]) < int(mem["C131"]["joined"]),
    "t41-dev-026": CRS["CR-09"]["date"] < CRS["CR-18"]["date"],
    "t41-dev-027": LOANS["L-04"]["returned"] < LOANS["L-07"]["returned"],
    "t41-test-035": KIT["KB-01"]["cost_gbp"] > KIT["KB-02"]["cost_gbp"],
    "t41-test-036": GALA["G26-07"]["entrants"] > GALA["G26-01"]["entrants"],
    "t41-test-037": int(mem["C119"]["born"]) < int(mem["C125"]["born"]),
    "t41-test-038": CRS["CR-04"]["date"] > CRS["CR-17"]["date"],
    "t41-test-039": KIT["PB-01"]["bought"] < KIT["SN-01"]["bought"],
    "t41-test-040": LOANS["L-10"]["due"] > LOANS["L-14"]["due"],
}
for k, v in cmp_facts.items():
    if not v or by_id[k].type != "comparison":
        probs.append(f"comparison {k}: the gold does not follow from the records")
for i in ALL:
    if i.type == "comparison":
        named = {e.split("#", 1)[1] for e in i.evidence} | {docs[e].title for e in i.evidence}
        if not set(i.options or []) <= named:
            probs.append(f"comparison {i.id}: options {i.options} are not its evidence records")
if sorted(i.id for i in ALL if i.type == "comparison") != sorted(cmp_facts):
    probs.append("a comparison without a recomputation")

# facts stated more than once agree
GROUPS = [("10U", 0, 10), ("11-12", 11, 12), ("13-14", 13, 14), ("15-16", 15, 16), ("17-24", 17, 24)] + \
    [(f"{a}-{a + 4}", a, a + 4) for a in range(25, 95, 5)]


def group(age: int) -> str:
    return [g for g, lo, hi in GROUPS if lo <= age <= hi][0]


for m in MEMBERS:
    if m["age_group"] != group(2026 - int(m["born"])):
        probs.append(f"{m['ID']}: age group {m['age_group']} for born {m['born']}")
    if (m["claim"] == "second") != ("first claim" in m["notes"]):
        probs.append(f"{m['ID']}: second claim and a first-claim club disagree")
    if m["squad"] == "none" and m["strokes"] != "none":
        probs.append(f"{m['ID']}: strokes without a squad")
    if m["squad"] == "Masters" and int(m["born"]) > 2026 - 18:
        probs.append(f"{m['ID']}: a junior in the Masters squad")
for k, r in PBS.items():
    if r["member"] not in mem:
        probs.append(f"{k}: member {r['member']} not on the list")
        continue
    if r["age_group"] != group(int(r["date"][:4]) - int(mem[r["member"]]["born"])):
        probs.append(f"{k}: age group {r['age_group']} in {r['date'][:4]}")
    if r["gala"]:
        g = GALA[r["gala"]]
        if g["date"] != r["date"] and not (g["id"] == "G26-02" and r["date"] in ("2026-02-14", "2026-02-15")):
            probs.append(f"{k}: date against {r['gala']}")
        if g["course"] != r["course"]:
            probs.append(f"{k}: course against {r['gala']}")
for k, r in CRS.items():
    if r["holder"] in by_name:
        m = by_name[r["holder"]]
        pbs = [p for p in PBS.values() if p["member"] == m["ID"] and p["date"] == r["date"]]
        if r["date"] >= "2024" and not pbs:
            probs.append(f"{k}: recent record without a PB row")
        for p in pbs:
            if p["time"] != r["time"] or p["event"] != r["event"] or p["course"] != r["course"]:
                probs.append(f"{k}: {r['event']} {r['time']} against {p['id']}")
            if "club record" not in p["notes"]:
                probs.append(f"{p['id']}: a club record not noted")
    # a member's PB in the same event, course and age group is never faster than the record
    for p in PBS.values():
        if p["event"] == r["event"] and p["course"] == r["course"] and mem[p["member"]]["gender"] == r["gender"] \
                and (p["age_group"] == r["age_group"] or (r["age_group"] == "open" and p["age_group"] == "17-24")) \
                and secs(p["time"]) < secs(r["time"]):
            probs.append(f"{p['id']} beats {k}")
n_2026 = len([r for r in CRS.values() if r["date"].startswith("2026")])
WORDS = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine']
if f"{WORDS[n_2026]} club records in 2026" not in flat("meetings/2026-10-22-agm.md"):
    probs.append(f"{n_2026} club records in 2026 against the AGM")
for k, g in GALA.items():
    if day(g["date"]).weekday() not in (5, 6):
        probs.append(f"{k}: not at a weekend")
    if day(g["date"]).strftime("%A") not in g["text"]:
        probs.append(f"{k}: weekday not in the text")
    if not g["text"].startswith(k + ":"):
        probs.append(f"{k}: text does not start with its code")
    if g["manager"] not in mem or g["manager"] not in g["text"]:
        probs.append(f"{k}: manager")
    if g["status"] not in g["text"].lower():
        probs.append(f"{k}: status against the text")
    for e in g["equipment"]:
        if k not in KIT[e]["used_2026"]:
            probs.append(f"{k}: {e} does not list it")
        if e not in g["text"]:
            probs.append(f"{k}: {e} not in the text")
    if g["referee"] and g["referee"].split(" (")[0] not in g["text"]:
        probs.append(f"{k}: referee not in the text")
    for n in ("entrants", "club_points"):
        if g[n] and str(g[n]) not in g["text"]:
            probs.append(f"{k}: {n} not in the text")
for k, r in KIT.items():
    for gx in r["used_2026"]:
        if k not in GALA[gx]["equipment"]:
            probs.append(f"{k}: {gx} does not list it")
    out = sorted(l for l, ln in LOANS.items() if ln["item"] == k and not ln["returned"])
    if sorted(r["on_loan"]) != out:
        probs.append(f"{k}: on_loan {r['on_loan']} against the loans {out}")
    if (r["location"] == "on loan") != (bool(out) and r["quantity"] == 1):
        probs.append(f"{k}: location against the loans")
    if r["cost_gbp"] and f"GBP {r['cost_gbp']:,}" not in r["text"]:
        probs.append(f"{k}: cost not in the text")
    if r["deposit_gbp"] and f"GBP {r['deposit_gbp']}" not in r["text"]:
        probs.append(f"{k}: deposit not in the text")
    if str(r["bought"]) not in r["text"] or (r["how"] == "given") != bool(r["given_by"]):
        probs.append(f"{k}: bought or given")
    if r["given_by"] and r["given_by"] not in r["text"]:
        probs.append(f"{k}: giver not in the text")
for k, ln in LOANS.items():
    if not (ln["borrower"] in mem or ln["borrower"].endswith(" SC")) or ln["item"] not in KIT:
        probs.append(f"{k}: borrower or item")
    if not KIT[ln["item"]]["deposit_gbp"] or int(ln["deposit_gbp"]) != KIT[ln["item"]]["deposit_gbp"]:
        probs.append(f"{k}: deposit against the item")
    if ln["returned"] and ln["returned"] < ln["out"]:
        probs.append(f"{k}: returned before out")
    if KIT[ln["item"]]["bought"] > int(ln["out"][:4]):
        probs.append(f"{k}: lent before it was bought")
    words = {3: "three", 6: "six", 8: "eight", 9: "nine"}
    if late(ln) > 0 and f"{words.get(late(ln), late(ln))} days late" not in ln["notes"]:
        probs.append(f"{k}: {late(ln)} days late not in the notes")
    if late(ln) <= 0 and "late" in ln["notes"]:
        probs.append(f"{k}: late in the notes but not late")
    if (not ln["returned"]) != ("still out" in ln["notes"]):
        probs.append(f"{k}: still out against the notes")
league = [GALA[k]["club_points"] for k in GALA if GALA[k]["type"] == "league gala" and GALA[k]["status"] == "held"]
if f"on {sum(league)} points from {WORDS[len(league)].lower()} galas" not in GALA["G26-08"]["text"] \
        or f"<td>2026</td><td>1</td><td>2nd</td><td>{sum(league)}</td><td>{WORDS[len(league)].lower()} galas" not in page("history/league-history.html") \
        or f"on {sum(league)} points from {WORDS[len(league)].lower()} galas" not in flat("meetings/2026-10-22-agm.md"):
    probs.append("the 2026 league total")
medals = re.search(r"won (\w+) gold, (\w+) silver and (\w+) bronze", GALA["G26-02"]["text"]).groups()
nums = {w.lower(): n for n, w in enumerate(WORDS + ["Ten", "Eleven", "Twelve", "Thirteen"])}
if f"{[w for w, n in nums.items() if n == sum(nums[x] for x in medals)][0].capitalize()} county medals, {medals[0]} of them gold" not in flat("meetings/2026-10-22-agm.md"):
    probs.append("county medals against the AGM")
# the accounts add up
acc = page("notes/accounts-2025.txt")
def block(a: str, b: str) -> list[int]:
    seg = acc.split(a, 1)[1].split(b, 1)[0]
    return [int(x.replace(",", "")) for x in re.findall(r"\s([\d,]{3,})\s*$", seg, re.M)]
def amount(label: str) -> int:
    return int(re.search(re.escape(label) + r"\s+([\d,]+)", acc).group(1).replace(",", ""))
inc, cost = block("INCOME", "Total income"), block("COSTS", "Total costs")
tot_inc, tot_cost, surplus = amount("Total income"), amount("Total costs"), amount("Surplus for the year")
r0, r1 = amount("Reserves at 1 January 2025"), amount("Reserves at 31 December 2025")
if sum(inc) != tot_inc or sum(cost) != tot_cost or tot_inc - tot_cost != surplus or r0 + surplus != r1:
    probs.append(f"accounts: {sum(inc)} {tot_inc} {sum(cost)} {tot_cost} {surplus} {r0} {r1}")
lines = re.findall(r"^(.+?)\((\d[\d,]*)(?: [a-z-]+)* x ([\d.]+)\)\s+([\d,]+)$", acc, re.M)
if len(lines) != 11:
    probs.append(f"accounts: {len(lines)} rate lines")
rate = {}
for label, n, r, amt in lines:
    rate[label.strip()] = r
    if round(int(n.replace(",", "")) * float(r)) != int(amt.replace(",", "")):
        probs.append(f"accounts: {label.strip()} {n} x {r} != {amt}")
cttee = flat("meetings/2026-03-18-committee.md")
for v in (tot_inc, tot_cost, surplus, r1):
    if f"GBP {v:,}" not in cttee:
        probs.append(f"committee minutes lack GBP {v:,}")
# fee histories: no gaps; the prices page, the 2018 page and the accounts against them
for nth in range(3):
    tab = table("history/fees.md", "From", nth)
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"fees table {nth}: gap at {a[1]}")
    if tab[-1][1]:
        probs.append(f"fees table {nth}: no current rate")
def at(tab: list[list[str]], when: str) -> str:
    return [r for r in tab if r[0] <= when and (not r[1] or when <= r[1])][-1][2]
adult, junior, comp = (table("history/fees.md", "From", n) for n in range(3))
prices = {r[0]: r[1:] for t in ("Membership", "Squad fee, a month", "Other charges") for r in table("prices/fees-2026.md", t)}
if prices["Adult and masters (17 and over)"] != [f"GBP {adult[-2][2]}", f"GBP {adult[-1][2]}"] \
        or prices["Junior (16 and under)"] != [f"GBP {junior[-2][2]}", f"GBP {junior[-1][2]}"] \
        or prices["Competitive"] != [f"GBP {comp[-2][2]}", f"GBP {comp[-1][2]}"]:
    probs.append("the prices page against the fee history")
for label, price in (("Adult and masters membership", "Adult and masters (17 and over)"),
                     ("Junior membership", "Junior (16 and under)"), ("Family memberships", "Family (two adults and their juniors)"),
                     ("Squad fees, Senior", "Senior"), ("Squad fees, Competitive", "Competitive"),
                     ("Squad fees, Development", "Development"), ("Squad fees, Masters", "Masters"),
                     ("Learn-to-swim terms", "Learn to Swim, ten-week term"), ("Open meet entries", "Open meet, an event")):
    if float(prices[price][0].split()[1]) != float(rate[label]):
        probs.append(f"accounts: {label} at {rate[label]} against the prices page")
rota = flat("pool/lane-rota-2026.md")
if f"GBP {rate['Pool hire, Roskenna Baths']} a lane an hour" not in rota or f"GBP {rate['Long-course lanes, Menherrow']} a lane an hour" not in rota \
        or f"from GBP {rate['Pool hire, Roskenna Baths']} to GBP 16 a lane an hour" not in cttee or "GBP 16 from 1 September 2026" not in rota:
    probs.append("the lane rates against the accounts and the committee")
about = dict(re.findall(r"^- ([^:\n]+): (.+)$", page("about.md"), re.M))
if about["Adult membership"] != f"GBP {at(adult, '2018-06-01')} a year" or about["Junior membership"] != f"GBP {at(junior, '2018-06-01')} a year" \
        or about["Competitive squad fee"] != f"GBP {at(comp, '2018-06-01')} a month":
    probs.append("the 2018 page against the fee history")
if "set GBP 50 from 1 September 2027" not in flat("history/fees.md") or "for GBP 50 was carried" not in flat("meetings/2026-10-22-agm.md") \
        or f"stays at GBP {junior[-1][2]}" not in flat("meetings/2026-10-22-agm.md"):
    probs.append("the 2027 membership")
# officers: histories without gaps, October Thursdays, against the officers page, the members and the 2018 page
officers = {r[0]: r for r in table("people/officers.md", "Post")}
for post, nth in (("Chair", 0), ("Secretary", 1), ("Treasurer", 2)):
    tab = table("history/officers-history.md", "From", nth)
    for a, b in zip(tab, tab[1:]):
        if a[1] != b[0]:
            probs.append(f"{post}: gap at {a[1]}")
    for r in tab:
        for d in filter(None, r[:2]):
            if day(d).weekday() != 3 or day(d).month != 10:
                probs.append(f"{post}: {d} is not an October Thursday")
    if officers[post][1] != tab[-1][2] or officers[post][3] != tab[-1][0][:4]:
        probs.append(f"{post}: officers page against the history")
    if about[post] != at(tab, "2018-06-01"):
        probs.append(f"{post}: the 2018 page against the history")
    for r in tab:
        if r[2] in by_name and r[1] and f"{post.lower()} {r[0][:4]}-{r[1][:4]}" not in by_name[r[2]]["notes"]:
            probs.append(f"{post}: {r[2]}'s notes lack {r[0][:4]}-{r[1][:4]}")
for post, r in officers.items():
    if mem.get(r[2], {}).get("name") != r[1]:
        probs.append(f"{post}: {r[1]} is not {r[2]}")
    if post != "President" and post.lower() not in mem[r[2]]["notes"].lower():
        probs.append(f"{post}: not in {r[2]}'s notes")
if about["Head coach"] != officers["Head coach"][1] or int(officers["Head coach"][3]) > 2018:
    probs.append("the head coach against the 2018 page")
treas25 = at(table("history/officers-history.md", "From", 2), "2025-12-31")
if f"Prepared by the treasurer, {treas25}" not in acc:
    probs.append("the treasurer who prepared the 2025 accounts")
# the rota's coaches against the members' coach flags and squads
for r in TERM + HOLS:
    if mem[r[5]]["coach"] not in ("Y", "teacher") or (r[6] != "none" and mem[r[6]]["coach"] == "N"):
        probs.append(f"rota {r[0]} {r[1]}: coach flags")
    if ("Learn to Swim" in r[4]) != (mem[r[5]]["coach"] == "teacher"):
        probs.append(f"rota {r[0]} {r[1]}: a teacher leads learn-to-swim, a coach the squads")
if any("Learn to Swim" in r[4] for r in HOLS):
    probs.append("learn-to-swim in the holidays")
# the trophies against the members' notes and the AGM
html = page("history/league-history.html")
agm = flat("meetings/2026-10-22-agm.md")
for trophy, what, w25, w26 in re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>\d{4}</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html):
    for year, who in (("2025", w25), ("2026", w26)):
        if f"{trophy} {year}" not in by_name[who]["notes"]:
            probs.append(f"{trophy} {year}: {who}'s notes")
    if f"{trophy} (" not in agm or f"): {w26}." not in agm:
        probs.append(f"{trophy}: the AGM")
# the 2019 column of the squad rules against the 2019 page
old = flat("rules/squad-moves-2019.md").lower()
for r in table("rules/squad-moves-2026.md", "Item"):
    if r[1].lower() not in old and r[0] != "Trial":
        probs.append(f"squad rules, {r[0]}: the 2019 column against the 2019 page")
# the touch pads against the news page and the committee's limit
news = page("news/2026-04-new-touch-pads.md")
if f"GBP {KIT['TP-02']['cost_gbp']:,}" not in news or KIT["TP-02"]["cost_gbp"] > 12000 or "GBP 12,000" not in cttee \
        or f"GBP {KIT['TP-01']['cost_gbp']:,}" not in news or "GBP 12,000" not in news:
    probs.append("the touch pads against the news page and the committee")
grant = int(re.search(r"GBP ([\d,]+) of it a grant", KIT["TP-02"]["text"]).group(1).replace(",", ""))
if f"GBP {grant:,} Carnwethick Community Fund grant, GBP {KIT['TP-02']['cost_gbp'] - grant:,} the club" not in news:
    probs.append("the touch pad grant")
unpaid = [m for m in MEMBERS if m["paid_2026"] == "N"]
if f"{WORDS[len(unpaid)]} members had not paid for 2026" not in agm or any("owes" not in m["notes"] for m in unpaid):
    probs.append("unpaid members against the AGM and the notes")
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
