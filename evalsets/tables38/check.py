"""Checks for evalsets/tables38 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 22, 118
PREFIX = "t38"


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
COSTED = [f"kit/kit#{k}" for k in ("DB-01", "DB-02", "ST-01", "ST-02", "KT-01", "KT-02", "TN-01", "TN-02", "PR-01", "LP-01")]
ABSENT = {
    "t38-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The postcode of the Stoneacre Scout Hut is HU4 7QX."),
    "t38-dev-039": ([(r"<td>2012</td>", []),
                     (r"^\| 2012 \|", []),
                     (r"champion[^\n.]{0,60}\b2012\b", [])],
                    "Men's champion in 2012: Tobias Gaukroger\n| 2012 | MP-01 |\n<td>2012</td>"),
    "t38-dev-040": ([(r"Mossthwaite[^\n]{0,100}GBP", []),
                     (r"Ewart Kilner[^\n]{0,100}\b(GBP|paid|cost|costs)\b", [])],
                    "Mossthwaite Crags was surveyed by Ewart Kilner, paid GBP 900."),
    "t38-dev-041": ([(r"runner: H346\b", ["results/results-2026#r-22"]),
                     (r"^event: HO26-03\ncourse: c-\d+\nrunner: H346\b", None),
                     (r"Lorcan Wormald[^\n]{0,80}\b\d?\d:\d\d\b", [])],
                    "Lorcan Wormald ran 55:10.\nevent: HO26-03\ncourse: c-03\nrunner: H346"),
    "t38-dev-042": ([(r"\bfinish(ers|ed)\b", []),
                     (r"^finishers: \d", [])],
                    "finishers: 55\n55 finished"),
    "t38-dev-043": ([(r"\b2006-\d\d-\d\d\b", []),
                     (r"(subscription|GBP)[^\n.]{0,60}\b2006\b|\b2006\b[^\n.]{0,60}subscription", [])],
                    "In 2006 the subscription was GBP 10 (from 2006-01-01)."),
    "t38-dev-044": ([(r"^course: c-01\nrunner: H\d+\nage class: \w+\ntime: [\d:]+\nposition: 1$", []),
                     (r"Black[^\n]{0,60}\b(won|winner|winning)\b", [])],
                    "The Black course winner won in 1:12:03.\ncourse: c-01\nrunner: H399\nage class: M21\ntime: 1:12:03\nposition: 1"),
    "t38-dev-045": ([(r"\b(telephone|tel|mobile|phone number)\b", []),
                     (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                    "The welfare officer's phone number is 01632 960 123, a mobile."),
    "t38-test-059": ([(r"\bwww\.|https?://|\.org\.uk|\.co\.uk|\.org\b|\.com\b", [])],
                     "The club's website is www.hurstmereorienteers.org.uk."),
    "t38-test-060": ([(r"<td>2010</td>", []),
                      (r"^\| 2010 \|", []),
                      (r"champion[^\n.]{0,60}\b2010\b", [])],
                     "Women's champion in 2010: Ffion Rishworth\n| 2010 | MP-07 |\n<td>2010</td>"),
    "t38-test-061": ([(r"(mini kites|KT-03)[^\n.]{0,60}\b(cost|costs|paid|bought for|worth)\b", []),
                      (r"\"cost_gbp\": \d", COSTED)],
                     "The mini kites KT-03 cost GBP 150; \"cost_gbp\": 150"),
    "t38-test-062": ([(r"runner: H331\b", []),
                      (r"Rosalind Inchbold[^\n]{0,80}\b\d?\d:\d\d\b", [])],
                     "Rosalind Inchbold ran 49:30.\nrunner: H331"),
    "t38-test-063": ([(r"Ruddlesdale Forest Regional[^\n]{0,80}\b(entry|entries|GBP \d)", [])],
                     "The Ruddlesdale Forest Regional entry was GBP 13."),
    "t38-test-064": ([(r"\b2025\b[^\n]{0,80}\bplanned by\b|\bplanned\b[^\n]{0,80}\b2025\b", [])],
                     "The 2025 championships were planned by Juno Utley."),
    "t38-test-065": ([(r"hall hire[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}hall hire", []),
                      (r"Accounts for the year 1 January to 31 December 2024", [])],
                     "Hall hire in 2024 was GBP 468. Accounts for the year 1 January to 31 December 2024"),
    "t38-test-066": ([(r"@", []),
                      (r"\be-?mail\b", [])],
                     "Email the fixtures secretary at fixtures@hurstmere-o.org."),
    "t38-test-067": ([(r"2009 (park )?map[^\n.]{0,40}\b(surveyed|drawn|made|mapped) by\b", []),
                      (r"\b(surveyed|drawn|mapped) (by [^\n.]{0,40})?in 2009\b", [])],
                     "The 2009 park map was surveyed by Ewart Kilner, who mapped it in 2009."),
    "t38-test-068": ([(r"(Christmas Score|HO26-10)[^\n]{0,300}\b\d\d?[:.]\d\d\b", [])],
                     "The Christmas Score (HO26-10) starts at 10:30."),
    "t38-test-069": ([(r"\b\d+ members (on the (list|books)|at the end)|members at the end of 2026|membership (stood at|was|reached|of) \d+", [])],
                     "The club had 76 members at the end of 2026."),
    "t38-test-070": ([(r"Thornbeck[^\n]{0,80}\b(surplus|profit)\b|\b(surplus|profit)\b[^\n]{0,80}Thornbeck", []),
                      (r"Accounts for the year 1 January to 31 December 2026", [])],
                     "The Thornbeck Valley Regional made a surplus of GBP 1,400. Accounts for the year 1 January to 31 December 2026"),
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


def bullets(rel: str) -> dict[str, str]:
    return {k.strip(): v.strip() for k, v in re.findall(r"^- ([^:\n]+): (.+)$", page(rel), re.M)}


def html_tables(rel: str) -> dict[str, list[list[str]]]:
    out = {}
    for h2, body in re.findall(r"<h2>([^<]+)</h2>(.*?)(?=<h2>|</body>)", page(rel), re.S):
        out[h2] = [re.findall(r"<td>([^<]*)</td>", tr) for tr in re.findall(r"<tr>(.*?)</tr>", body) if "<td>" in tr]
    return out


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def secs(t: str) -> int:
    """'24:31' or '1:01:37' -> seconds."""
    parts = [int(p) for p in t.split(":")]
    return parts[0] * 3600 + parts[1] * 60 + parts[2] if len(parts) == 3 else parts[0] * 60 + parts[1]


def gbp(s: str) -> int:
    return int(s.replace("GBP", "").replace(",", "").strip())


def num(s: str) -> int:
    return int(s.replace(",", ""))


def holder(tab: list[list[str]], when: str) -> str:
    """Who held an office on a date, from a From/To/Name table (the "To" day is the next one's)."""
    hit = [r[2] for r in tab if r[0] <= when and (not r[1] or when < r[1])]
    return hit[0] if len(hit) == 1 else f"{hit}"


def rate_on(tab: list[list[str]], when: str) -> int:
    hit = [int(r[2]) for r in tab if r[0] <= when and (not r[1] or when <= r[1])]
    return hit[0] if len(hit) == 1 else -1


MEMBERS = rows("people/members.csv")
MAPS = rows("maps/maps.csv")
COURSES = rows("events/courses-2026.csv")
RES = rows("results/results-2026.csv")
EVS = rows("events/events-2026.jsonl")
KIT = rows("kit/kit.jsonl")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
mp = {r["id"]: r for r in MAPS}
co = {r["id"]: r for r in COURSES}
res = {r["id"]: r for r in RES}
ev = {e["id"]: e for e in EVS}
kit = {k["id"]: k for k in KIT}

PERM = {r[0]: r for r in table("permanent/permanent-courses.md", "Code")}
ROTA = table("rota/planning-rota-2027.md", "Date")
OFFICERS = {r[0]: r for r in table("people/officers.md", "Post")}
CHAIRS = table("history/officers-history.md", "From", 0)
SECS = table("history/officers-history.md", "From", 1)
TREAS = table("history/officers-history.md", "From", 2)
SUBS = table("history/fees.md", "From", 0)
ENTRY = table("history/fees.md", "From", 1)
GRADES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026.md", "Grade")}
CHARGES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026.md", "Charge")}
J19 = {r[0]: r[1] for r in table("rules/juniors-running-alone-2019.md", "Item")}
J26 = {r[0]: (r[1], r[2]) for r in table("rules/juniors-running-alone-2026.md", "Item")}
KITES = {r[0]: (r[1], r[2]) for r in table("news/2026-05-new-kites.md", "")}
TMAP = {r[0]: (r[1], r[2]) for r in table("news/2026-10-thornbeck-map.md", "")}
ABOUT = bullets("about.md")
HT = html_tables("history/club-champions.html")
CHAMPS = {int(r[0]): r for r in HT["Club champions"]}
TROPHIES = {r[0]: r for r in HT["Trophies"]}
agm = flat("meetings/2026-11-14-agm.md")
cttee = flat("meetings/2026-03-03-committee.md")
acc = page("notes/accounts-2025.txt")
AGM_DAY = "2026-11-14"
NEW_FEES = "2026-04-01"
ABOUT_DAY = "2017-05-20"


def age(cls: str) -> int:
    return int(cls[1:])


# ------------------------------------------------------------------ filters and counts

RECOMPUTE = {
    "t38-dev-028": str(sum(m["grade"] == "junior" for m in MEMBERS)),
    "t38-test-041": str(sum(r["status"] == "retired" for r in MAPS)),
    "t38-dev-029": [r["name"] for r in MAPS if r["status"] == "retired" and "permission" in r["notes"]],
    "t38-dev-030": [k["id"] for k in KIT if k["condition"] == "written off"],
    "t38-dev-031": [m["name"] for m in MEMBERS if m["planner"] == "trainee"],
    "t38-dev-032": [c["id"] for c in COURSES if c["event"] == "HO26-08"
                    and int(c["starters"]) == min(int(x["starters"]) for x in COURSES if x["event"] == "HO26-08")],
    "t38-test-042": [m["name"] for m in MEMBERS if int(m["ranking_points"]) == max(int(x["ranking_points"]) for x in MEMBERS)],
    "t38-test-043": [m["name"] for m in MEMBERS if m["grade"] == "second-claim" and m["first_aid"] == "Y"],
    "t38-test-044": [r["name"] for r in MAPS if r["scale"] == "1:4000"],
    "t38-test-045": [c["id"] for c in COURSES if c["event"] == "HO26-03"
                     and int(c["controls"]) == min(int(x["controls"]) for x in COURSES if x["event"] == "HO26-03")],
    "t38-test-046": [k["id"] for k in KIT if (k["held_by"] or "").startswith("H")],
    "t38-test-047": [m["name"] for m in MEMBERS if m["controller"] == "Y" and m["first_aid"] == "Y"],
    "t38-test-048": [m["name"] for m in MEMBERS if m["grade"] == "junior" and m["paid_2026"] == "N"],
    "t38-test-049": [r["name"] for r in MAPS if r["status"] == "current"
                     and int(r["surveyed"]) == min(int(x["surveyed"]) for x in MAPS if x["status"] == "current")],
    "t38-test-050": [r["id"] for r in RES if r["event"] == "HO26-08" and r["status"] == "dnf"],
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
            probs.append(f"{k}: recomputed count {v} is not its derived gold")
        elif len(item.evidence) != int(v):
            probs.append(f"{k}: {len(item.evidence)} evidence rows for a count of {v}")
    elif len(v) != 1 or v[0] not in item.answers:
        probs.append(f"{k}: rows meeting the condition {v}")
if sorted(i.id for i in ALL if i.type == "filter") != sorted(RECOMPUTE):
    probs.append("a filter item without a recomputation")
if sorted(by_id["t38-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["grade"] == "junior") \
        or sorted(by_id["t38-test-041"].evidence) != sorted(f"maps/maps#{r['id']}" for r in MAPS if r["status"] == "retired"):
    probs.append("the derived counts' evidence is not the rows counted")
if co["c-09"]["course"] not in by_id["t38-test-045"].answers or "MP-01" not in by_id["t38-test-049"].answers:
    probs.append("a course colour or map code is not among the golds of its filter item")
check("filter answers and derived counts recomputed from the record files and tables", probs)

# ------------------------------------------------------------------ consistency of the wiki

probs = []

# members: order, grades, classes, flags
if [m["ID"] for m in MEMBERS] != sorted(mem) or len(MEMBERS) != 24:
    probs.append("members: 24 rows in member-number order")
for m in MEMBERS:
    if m["grade"] not in ("full", "family", "junior", "second-claim", "life"):
        probs.append(f"{m['ID']}: grade {m['grade']}")
    if not re.fullmatch(r"[MW]\d\d", m["age_class"]):
        probs.append(f"{m['ID']}: age class {m['age_class']}")
    if m["grade"] == "junior" and age(m["age_class"]) > 20:
        probs.append(f"{m['ID']}: a junior in {m['age_class']}")
    if age(m["age_class"]) <= 20 and m["grade"] not in ("junior", "family"):
        probs.append(f"{m['ID']}: {m['age_class']} on grade {m['grade']}")
    if m["planner"] not in ("Y", "N", "trainee") or m["controller"] not in "YN" or m["first_aid"] not in "YN":
        probs.append(f"{m['ID']}: flags")
    if m["controller"] == "Y" and m["planner"] != "Y":
        probs.append(f"{m['ID']}: a controller who may not plan")
    if (m["paid_2026"] == "free") != (m["grade"] == "life") or m["paid_2026"] not in ("Y", "N", "free"):
        probs.append(f"{m['ID']}: paid_2026 {m['paid_2026']} for {m['grade']}")
    if ("first claim with" in m["notes"]) != (m["grade"] == "second-claim"):
        probs.append(f"{m['ID']}: first claim elsewhere against grade")
    if ("still owed" in m["notes"]) != (m["paid_2026"] == "N"):
        probs.append(f"{m['ID']}: owed note against paid_2026")
if mem["H352"]["grade"] != "family" or "H352" not in mem["H313"]["notes"] or "H313" not in mem["H352"]["notes"]:
    probs.append("the Liversedges' family membership")
if sum(m["paid_2026"] == "N" for m in MEMBERS) != 2 or "Two members still owed" not in agm:
    probs.append("members who owe the 2026 subscription against the AGM")
if sorted(mem, key=lambda k: -int(mem[k]["ranking_points"]))[0] != "H340" or "highest ranking points" not in mem["H340"]["notes"]:
    probs.append("the highest ranking points")

# maps and permanent courses
for r in MAPS:
    if r["status"] not in ("current", "retired"):
        probs.append(f"{r['id']}: status {r['status']}")
    if int(r["updated"]) < int(r["surveyed"]):
        probs.append(f"{r['id']}: updated before surveyed")
    if r["surveyor"].startswith("H"):
        if r["surveyor"] not in mem or (r["name"] not in mem[r["surveyor"]]["notes"] or r["surveyed"] not in mem[r["surveyor"]]["notes"]):
            probs.append(f"{r['id']}: surveyor {r['surveyor']}'s note")
for code, p in PERM.items():
    m_ = mp.get(p[2])
    if m_ is None or m_["name"] != p[1]:
        probs.append(f"{code}: map {p[2]} is not {p[1]}")
    elif (p[8] == "closed") != (m_["status"] == "retired"):
        probs.append(f"{code}: closed against the map's status")
    elif p[8] != "closed" and code not in m_["notes"]:
        probs.append(f"{code}: not in the map's notes")
if "Permanent courses: Sallowbeck Park, Frithbarrow Country Park, Ellerholt Heath and Knotlow Wood" not in page("about.md") \
        or sorted(p[1] for p in PERM.values() if int(p[6]) <= 2017) != sorted(["Sallowbeck Park", "Frithbarrow Country Park", "Ellerholt Heath", "Knotlow Wood"]):
    probs.append("permanent courses on the 2017 page")
if sum(1 for r in MAPS if int(r["surveyed"]) <= 2017) + 1 != 7 or not ABOUT["Maps"].startswith("seven"):
    probs.append("seven maps in 2017 (the six still listed and the 2009 Sallowbeck Park map)")
if "GBP 2 a pack" not in flat("permanent/permanent-courses.md").replace("cost GBP 2 from", "GBP 2 a pack") \
        and "64 x 2" not in acc:
    probs.append("permanent course map packs")

# events: dates, maps, planners, controllers, fees, courses, kit both ways
WEEKDAY = {"summer evening": 3}
FEE = {"local": lambda d: rate_on(ENTRY, d), "club": lambda d: 3, "club championships": lambda d: rate_on(ENTRY, d),
       "summer evening": lambda d: gbp(CHARGES["Summer evening event, a senior"][0 if d < NEW_FEES else 1])}
for e in EVS:
    t, d = e["text"], day(e["date"])
    if not t.startswith(e["id"] + ": the " + e["name"]):
        probs.append(f"{e['id']}: text does not open with its id and name")
    if d.weekday() != WEEKDAY.get(e["level"], 6) or e["date"][:4] != "2026":
        probs.append(f"{e['id']}: {d.strftime('%A')} for a {e['level']} event")
    if f"{d.strftime('%A')} {d.day} {d.strftime('%B')} 2026" not in t:
        probs.append(f"{e['id']}: date not in its text")
    if e["map"] not in mp or mp[e["map"]]["status"] != "current" or e["map"] not in t:
        probs.append(f"{e['id']}: map {e['map']}")
    elif int(mp[e["map"]]["surveyed"]) > 2026 or mp[e["map"]]["name"].split()[0] not in t:
        probs.append(f"{e['id']}: map name not in its text")
    if mem.get(e["planner"], {}).get("planner") not in ("Y", "trainee") or f"Planned by {e['planner']}" not in t:
        probs.append(f"{e['id']}: planner {e['planner']}")
    if e["level"] == "club":
        if e["controller"] is not None or "club events have no controller" not in t:
            probs.append(f"{e['id']}: a club event with a controller")
    elif e["controller"] in mem:
        if mem[e["controller"]]["controller"] != "Y" or f"controlled by {e['controller']}" not in t:
            probs.append(f"{e['id']}: controller {e['controller']}")
        if e["controller"] == e["planner"]:
            probs.append(f"{e['id']}: planner controls")
    elif e["level"] != "regional" or e["controller"].split(" (")[0] not in t:
        probs.append(f"{e['id']}: an outside controller at a {e['level']} event")
    if f"GBP {e['entry_fee_gbp']}" not in t:
        probs.append(f"{e['id']}: fee not in its text")
    if e["level"] in FEE and e["entry_fee_gbp"] != FEE[e["level"]](e["date"]):
        probs.append(f"{e['id']}: fee {e['entry_fee_gbp']} against the fees")
    if e["status"] == "held":
        if f"{e['entrants']} ran" not in t and f"{e['entrants']} started" not in t and f"{e['entrants']} took part" not in t:
            probs.append(f"{e['id']}: entrants not in its text")
    elif e["status"] == "cancelled":
        if f"{e['entrants']} had entered" not in t or e["kit"]:
            probs.append(f"{e['id']}: cancelled")
    elif e["status"] != "planned" or e["entrants"] is not None or e["kit"] or e["date"] <= AGM_DAY:
        probs.append(f"{e['id']}: status {e['status']}")
    cs = [c for c in COURSES if c["event"] == e["id"]]
    if cs and (len(cs) != e["courses"] or sum(int(c["starters"]) for c in cs) != e["entrants"]):
        probs.append(f"{e['id']}: courses and starters against the course list")
    for code in e["kit"]:
        if code not in kit or e["id"] not in kit[code]["used_2026"] or code not in t:
            probs.append(f"{e['id']}: kit {code} not in the kit list's uses")
if [e["date"] for e in EVS] != sorted(e["date"] for e in EVS):
    probs.append("events not in date order")
held = [e for e in EVS if e["status"] == "held"]
if len(held) != 8 or f"{sum(e['entrants'] for e in held):,} runs" not in agm or "put on eight" not in agm:
    probs.append("the AGM's count of events and runs")
big = max(held, key=lambda e: e["entrants"])
if f"The {big['name']}, with {big['entrants']} starters, was the biggest" not in agm:
    probs.append("the biggest event")

# kit: text, costs, gifts, uses both ways, the news page, the minutes
for k in KIT:
    t = k["text"]
    if not t.startswith(k["id"] + ":") or str(k["bought"]) not in t:
        probs.append(f"{k['id']}: id or year not in its text")
    if k["how"] == "bought" and (k["cost_gbp"] is None or f"GBP {k['cost_gbp']:,}" not in t or k["given_by"]):
        probs.append(f"{k['id']}: bought, cost")
    if k["how"] == "given" and (k["cost_gbp"] is not None or not k["given_by"] or k["given_by"] not in t):
        probs.append(f"{k['id']}: given")
    if k["deposit_gbp"] and f"deposit GBP {k['deposit_gbp']}" not in t:
        probs.append(f"{k['id']}: deposit not in its text")
    if k["condition"] not in ("new", "good", "worn", "written off"):
        probs.append(f"{k['id']}: condition {k['condition']}")
    if (k["condition"] == "written off") != (k["held_by"] is None):
        probs.append(f"{k['id']}: written off but held, or the reverse")
    if k["held_by"] and k["held_by"] != "store" and k["held_by"] not in mem:
        probs.append(f"{k['id']}: held by {k['held_by']}")
    for a in k["used_2026"]:
        if a not in ev or k["id"] not in ev[a]["kit"] or a not in t:
            probs.append(f"{k['id']}: used at {a}, which does not list it")
if kit["TN-03"]["given_by"] != f"{mem['H301']['name']} (H301)" or "banner tent" not in mem["H301"]["notes"]:
    probs.append("the banner tent's giver")
if kit["LP-01"]["held_by"] != OFFICERS["Results officer"][2] or "results laptop" not in mem["H334"]["notes"]:
    probs.append("the results laptop against the results officer")
if KITES["Cost"] != (f"GBP {kit['KT-01']['cost_gbp']}", f"GBP {kit['KT-02']['cost_gbp']}") \
        or KITES["Bought"] != (str(kit["KT-01"]["bought"]), str(kit["KT-02"]["bought"])) \
        or KITES["Deposit"] != (f"GBP {kit['KT-01']['deposit_gbp']}", f"GBP {kit['KT-02']['deposit_gbp']}") \
        or KITES["Condition"] != (kit["KT-01"]["condition"], kit["KT-02"]["condition"]) \
        or KITES["Kites"] != (str(kit["KT-01"]["quantity"]), str(kit["KT-02"]["quantity"])):
    probs.append("the kites news against the kit list")
if not kit["KT-02"]["cost_gbp"] <= 350 or "up to GBP 350" not in cttee or "eleven of the 2018 kites" not in cttee \
        or "eleven have torn seams" not in kit["KT-01"]["text"]:
    probs.append("KT-02 within the committee's limit; KT-01's seams")
first = [e for e in EVS if "KT-02" in e["kit"]][0]
if first["id"] != "HO26-07" or "used for the first time" not in first["text"]:
    probs.append("the first use of KT-02")
if "PR-01" not in cttee or "Written off" not in cttee or "written off in 2026" not in acc:
    probs.append("PR-01's write-off")
if kit["DB-01"]["quantity"] != 40 - 6 or "six have been lost" not in kit["DB-01"]["text"]:
    probs.append("DB-01's count")
if "blew the start tent over" not in ev["HO26-03"]["text"] or "TN-01" not in ev["HO26-03"]["kit"] or "Quernhow" not in kit["TN-01"]["text"]:
    probs.append("the start tent at Quernhow")

# the Thornbeck map: the map list, the news page, the minutes
t12 = mp["MP-12"]
if TMAP["Code"] != ("MP-12", "MP-02") or TMAP["Scale"] != (t12["scale"], mp["MP-02"]["scale"]) \
        or TMAP["Area"] != (f"{t12['area_km2']} km²", f"{mp['MP-02']['area_km2']} km²") \
        or TMAP["Surveyed"] != (f"{t12['surveyed']}, by {t12['surveyor']}", f"{mp['MP-02']['surveyed']}, by {mem[mp['MP-02']['surveyor']]['name']}") \
        or TMAP["Contours"] != (f"{t12['contours_m']} m", f"{mp['MP-02']['contours_m']} m"):
    probs.append("the Thornbeck news against the map list")
if "GBP 2,400" not in t12["notes"] or "GBP 2,400" not in cttee or "GBP 1,500" not in cttee or TMAP["Cost"][0] != "GBP 2,400":
    probs.append("the Thornbeck map's cost")
if ev["HO26-09"]["map"] != "MP-12" or "18 October 2026" not in t12["notes"] or "first used on 18 October" not in agm \
        or any(e["map"] == "MP-12" for e in EVS if e["date"] < "2026-10-18"):
    probs.append("the Thornbeck map's first event")

# courses and results: events, dates, classes, positions, champions
for c in COURSES:
    if c["event"] not in ev or ev[c["event"]]["status"] != "held" or not re.fullmatch(r"TD[1-5]", c["difficulty"]):
        probs.append(f"{c['id']}: event or difficulty")
for r in RES:
    c = co.get(r["course"])
    if c is None or c["event"] != r["event"] or ev[r["event"]]["date"] != r["date"]:
        probs.append(f"{r['id']}: course, event or date")
    if mem.get(r["runner"], {}).get("age_class") != r["age_class"]:
        probs.append(f"{r['id']}: {r['runner']} does not run {r['age_class']}")
    if (r["status"] == "ok") != bool(r["time"] and r["position"]) or r["status"] not in ("ok", "mp", "dnf"):
        probs.append(f"{r['id']}: status {r['status']} with time {r['time']}")
    if r["runner"] in (ev[r["event"]]["planner"], ev[r["event"]]["controller"]):
        probs.append(f"{r['id']}: the planner or controller ran")
    if r["status"] == "ok" and int(r["position"]) > int(c["starters"]):
        probs.append(f"{r['id']}: position beyond the starters")
for cid in {r["course"] for r in RES}:
    rs = sorted((r for r in RES if r["course"] == cid and r["status"] == "ok"), key=lambda r: secs(r["time"]))
    ps = [int(r["position"]) for r in rs]
    if ps != sorted(ps) or len(set(ps)) != len(ps):
        probs.append(f"{cid}: positions do not follow the times")
TITLE = {"Men": "c-10", "Women": "c-11", "Junior": "c-13"}
for n, (col, cid) in enumerate(TITLE.items(), 2):
    win = [r for r in RES if r["course"] == cid and r["position"] == "1"]
    if len(win) != 1 or CHAMPS[2026][n] != mem[win[0]["runner"]]["name"] or "champion" not in win[0]["notes"]:
        probs.append(f"the 2026 {col} champion against the results")
if "men's title is run on the Brown course, the women's on the Blue and the junior title on the Light Green" not in flat("history/club-champions.html") \
        or [co[c]["course"] for c in TITLE.values()] != ["Brown", "Blue", "Light Green"] or CHAMPS[2026][1] != ev["HO26-08"]["map"]:
    probs.append("championship courses and map")
if sorted(CHAMPS) != list(range(2014, 2027)) or CHAMPS[2020][2] != "not held":
    probs.append("champions: 2014-2026, none in 2020")
for y, row in CHAMPS.items():
    if y == 2020:
        continue
    if row[1] not in mp or int(mp[row[1]]["surveyed"]) > y:
        probs.append(f"{y}: championship map {row[1]}")
    for n, kind_ in ((2, "men's club champion"), (3, "women's club champion"), (4, "junior champion")):
        who = by_name.get(row[n])
        if who is None:
            probs.append(f"{y}: {row[n]} is not a member")
        elif str(y) not in who["notes"] and not (kind_ == "junior champion" and f"junior champion {y - 2}, {y - 1} and {y}" in who["notes"]) \
                and not re.search(rf"junior champion (\d{{4}}, )*\d{{4}},? and {y}|junior champion (\d{{4}}, )*{y}", who["notes"]):
            probs.append(f"{y}: {row[n]}'s note does not give the title")
for m in MEMBERS:
    for kind_, n in (("men's club champion", 2), ("women's club champion", 3), ("junior champion", 4)):
        for years in re.findall(r"(?<![A-Za-z])" + re.escape(kind_) + r"(?: five times)?\s*\(?((?:\d{4}(?:, | and |, and )?)+)", m["notes"]):
            for yy in re.findall(r"\d{4}", years):
                if CHAMPS[int(yy)][n] != m["name"]:
                    probs.append(f"{m['ID']}: {kind_} {yy}?")
if sum(r[2] == "Caspian Shackleton" for r in CHAMPS.values()) != 5 or "his fifth title" not in agm:
    probs.append("Caspian Shackleton's five titles")
if ABOUT["Club champions 2016"] != f"{CHAMPS[2016][2]} and {CHAMPS[2016][3]}":
    probs.append("the 2016 champions on the 2017 page")
for tr, r in TROPHIES.items():
    if r[3] not in by_name or r[4] not in by_name:
        probs.append(f"{tr}: a winner who is not a member")
    if not re.search(re.escape(tr) + r"(, for [^,]+,)? to " + re.escape(r[4]), agm):
        probs.append(f"{tr}: the AGM does not give it to {r[4]}")
if "Knotlow Shield 2026" not in mem["H337"]["notes"] or "Cudworth Quaich 2026" not in mem["H358"]["notes"]:
    probs.append("trophies in the members' notes")
if TROPHIES["Quernhow Cup"][4] != "Caspian Shackleton" or "Quernhow Cup to Caspian Shackleton" not in agm:
    probs.append("the Quernhow Cup")

# the junior rules: the two pages and the results
if set(J19) != set(J26) or any(J26[k][0] != v for k, v in J19.items()):
    probs.append("the 2026 junior rules' 2019 column against the 2019 page")
if "Orange" in J19["10 to 13"] or "Orange" not in J26["10 to 13"][1]:
    probs.append("Orange for 10 to 13 year olds")
for r in RES:
    m = mem[r["runner"]]
    if 10 <= age(r["age_class"]) <= 13 and co[r["course"]]["course"] == "Orange":
        if r["date"] < NEW_FEES and "shadowed" not in r["notes"]:
            probs.append(f"{r['id']}: a {r['age_class']} alone on Orange under the 2019 rules")
if "Orange course alone at Thornbeck Valley in October 2026" not in mem["H358"]["notes"] or "alone" not in res["r-23"]["notes"]:
    probs.append("H358's first Orange alone")
if "from 1 April 2026" not in cttee or "10 to 13 year olds may run Orange alone" not in cttee:
    probs.append("the junior rules in the minutes")

# the 2027 rota
for r in ROTA:
    d = day(r[0])
    if d.year != 2027 or d.weekday() != (3 if r[2] == "summer evening" else 6):
        probs.append(f"rota {r[0]}: day")
    if r[3] not in mp or mp[r[3]]["status"] != "current":
        probs.append(f"rota {r[0]}: map {r[3]}")
    if r[4] != "wanted" and mem.get(r[4], {}).get("planner") not in ("Y", "trainee"):
        probs.append(f"rota {r[0]}: planner {r[4]}")
    if r[2] == "club":
        if not r[5].startswith("none"):
            probs.append(f"rota {r[0]}: a club event with a controller")
    elif r[5].startswith("outside"):
        if r[2] != "regional":
            probs.append(f"rota {r[0]}: an outside controller at a {r[2]} event")
    elif mem.get(r[5], {}).get("controller") != "Y" or r[5] == r[4]:
        probs.append(f"rota {r[0]}: controller {r[5]}")
if ROTA[6][3] != "MP-12" or mem["H349"]["planner"] != "trainee" or ev["HO26-06"]["planner"] != "H349":
    probs.append("the rota's notes")

# fees: histories without gaps, the 2017 page, the prices, the minutes, the AGM, the accounts
for name, tab in (("subscription", SUBS), ("entry", ENTRY)):
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"{name}: gap or overlap between {a[1]} and {b[0]}")
    if tab[-1][1]:
        probs.append(f"{name}: the last period has an end")
if (rate_on(SUBS, ABOUT_DAY), rate_on(SUBS, "2025-06-01"), rate_on(SUBS, "2026-06-01"), rate_on(SUBS, "2027-01-01")) \
        != (gbp(ABOUT["Senior subscription"].split(" a ")[0]), gbp(GRADES["Senior"][0]), gbp(GRADES["Senior"][1]), 26):
    probs.append("the subscription history against the 2017 page and the prices")
if "proposed a senior subscription of GBP 25" not in agm or "amendment to GBP 26" not in agm \
        or "set the senior subscription for 2027 at GBP 26; the committee had proposed GBP 25" not in flat("prices/fees-2026.md"):
    probs.append("the 2027 subscription")
if "carried by 26 votes to 14" not in agm or "43 members present" not in agm or 26 + 14 > 43:
    probs.append("the AGM vote")
if (rate_on(ENTRY, ABOUT_DAY), rate_on(ENTRY, "2026-03-31"), rate_on(ENTRY, NEW_FEES)) != \
        (gbp(ABOUT["Local event entry"].split(" for ")[0]), gbp(CHARGES["Local event, a senior member"][0]),
         gbp(CHARGES["Local event, a senior member"][1])):
    probs.append("the entry history against the 2017 page and the prices")
for label, words in (("Local event, a senior member", "a local event for a senior member"),
                     ("Local event, a senior non-member", "for a senior non-member"),
                     ("Summer evening event, a senior", "a summer evening event"),
                     ("SI dibber hire, an event", "SI dibber hire")):
    a, b = CHARGES[label]
    if f"{words} from {a} to {b}" not in cttee:
        probs.append(f"the minutes against the charge {label}")
if CHARGES["Local event, a junior"] != ("GBP 2", "GBP 2") or "Juniors stay at GBP 2" not in cttee:
    probs.append("junior entry")

# the accounts for 2025
lines = {}
for label, n, rate, amount in re.findall(r"^\s*([A-Za-z][A-Za-z0-9 -]*?)\s+(\d+) x (\d+)\s+([\d,]+)$", acc, re.M):
    lines[label.strip()] = (int(n), int(rate), num(amount))
    if int(n) * int(rate) != num(amount):
        probs.append(f"accounts: {label} {n} x {rate} != {amount}")
for g in ("Senior", "Family", "Junior", "Second-claim"):
    if lines[g][1] != gbp(GRADES[g if g != "Junior" else "Junior (under 21)"][0]):
        probs.append(f"accounts: {g} rate against the 2025 prices")
if lines["Members"][1] != rate_on(ENTRY, "2025-06-01") or lines["Non-members"][1] != gbp(CHARGES["Local event, a senior non-member"][0]) \
        or lines["Juniors"][1] != gbp(CHARGES["Local event, a junior"][0]) \
        or lines["Summer evening entries"][1] != gbp(CHARGES["Summer evening event, a senior"][0]) \
        or lines["Club score entries"][1] != gbp(CHARGES["Club score event, anyone"][0]) \
        or lines["Dibber hire"][1] != gbp(CHARGES["SI dibber hire, an event"][0]) or lines["Permanent course map packs"][1] != 2:
    probs.append("accounts: entry and hire rates")


def amount(label: str) -> int:
    return num(re.search(r"^\s*" + re.escape(label) + r"\s+([\d,]+)\s*$", acc, re.M).group(1))


subs = sum(lines[g][2] for g in ("Senior", "Family", "Junior", "Second-claim"))
local = sum(lines[g][2] for g in ("Members", "Non-members", "Juniors"))
if (amount("Subscriptions total"), amount("Local event entries total")) != (subs, local):
    probs.append("accounts: subtotals")
income = subs + local + sum(lines[g][2] for g in ("Summer evening entries", "Club score entries", "Dibber hire", "Permanent course map packs")) \
    + amount("Ruddlesdale Forest Regional, surplus")
costs = sum(amount(c) for c in ("Federation affiliation and insurance", "Map printing", "Landowner and permit fees",
                                "Permanent course posts (PC-01, oak)", "Equipment repairs", "Trophies and engraving"))
hall = re.search(r"(\d+) nights x (\d+)\s+([\d,]+)", acc)
if int(hall.group(1)) * int(hall.group(2)) != num(hall.group(3)):
    probs.append("accounts: hall hire")
costs += num(hall.group(3))
if (income, costs) != (amount("TOTAL INCOME"), amount("TOTAL COSTS")):
    probs.append(f"accounts: income {income}, costs {costs}")
if amount("SURPLUS FOR THE YEAR") != income - costs or amount("Reserves at 31 December 2025") != amount("Reserves at 1 January 2025") + income - costs:
    probs.append("accounts: surplus and reserves")
if f"income GBP {income:,}, costs GBP {costs:,}, a surplus of GBP {income - costs:,} and reserves of GBP {amount('Reserves at 31 December 2025'):,}" not in cttee:
    probs.append("accounts against the minutes")
if "Ottoline Nettleton" not in acc or "Examined on 12 February by Ottoline Nettleton" not in cttee or "Ottoline Nettleton" not in page("people/officers.md") \
        or "Ottoline Nettleton" in by_name:
    probs.append("the examiner")
if "oak in 2025" not in flat("permanent/permanent-courses.md") or "TN-03 was a gift" not in acc or kit["TN-03"]["bought"] != 2025:
    probs.append("the accounts' notes")

# offices: histories without gaps, on November Saturdays, against the officers, the members, the 2017 page
for name, tab in (("chairs", CHAIRS), ("secretaries", SECS), ("treasurers", TREAS)):
    for a, b in zip(tab, tab[1:]):
        if a[1] != b[0]:
            probs.append(f"{name}: {a[1]} != {b[0]}")
    for r in tab:
        for d in filter(None, r[:2]):
            if day(d).weekday() != 5 or day(d).month != 11:
                probs.append(f"{name}: {d} is not a November Saturday")
        if r[2] not in by_name:
            probs.append(f"{name}: {r[2]} not a member")
    if tab[-1][1] or tab[-1][0] > AGM_DAY:
        probs.append(f"{name}: the last holder")
for post, tab in (("Chair", CHAIRS), ("Secretary", SECS), ("Treasurer", TREAS)):
    if OFFICERS[post][1] != tab[-1][2] or OFFICERS[post][3] != tab[-1][0][:4]:
        probs.append(f"{post}: officers page against the history")
    if ABOUT[post] != holder(tab, ABOUT_DAY):
        probs.append(f"{post}: the 2017 page says {ABOUT[post]}, the history {holder(tab, ABOUT_DAY)}")
for post, r in OFFICERS.items():
    if mem.get(r[2], {}).get("name") != r[1]:
        probs.append(f"{post}: {r[1]} is not {r[2]}")
    if post not in ("Chair", "Secretary", "Treasurer") and f"{post.lower()} since {r[3]}" not in mem[r[2]]["notes"].lower():
        probs.append(f"{post}: not in {r[1]}'s note as since {r[3]}")
for m in MEMBERS:
    for post, tab in (("chair", CHAIRS), ("secretary", SECS), ("treasurer", TREAS)):
        for a, b in re.findall(r"\b" + post + r" (\d{4})-(\d{4})", m["notes"]):
            if not [r for r in tab if r[2] == m["name"] and r[0][:4] == a and r[1][:4] == b]:
                probs.append(f"{m['ID']}: {post} {a}-{b} not in the history")
        if re.search(r"\b" + post + r" since the AGM of", m["notes"]) and tab[-1][2] != m["name"]:
            probs.append(f"{m['ID']}: {post} now?")
if holder(CHAIRS, "2026-03-03") != "Bartholomew Copley" or "Bartholomew Copley (chair)" not in cttee \
        or f"{holder(CHAIRS, AGM_DAY)} was elected chair and {holder(TREAS, AGM_DAY)} treasurer" not in agm \
        or "stood down as chair after four years" not in agm:
    probs.append("chairs and treasurers against the minutes")
if holder(TREAS, "2025-12-31") != "Crispin Micklethwaite" or "Prepared by the treasurer, Crispin Micklethwaite" not in acc:
    probs.append("the treasurer who prepared the 2025 accounts")

# comparison facts, recomputed
cmp_facts = {
    "t38-dev-023": float(mp["MP-05"]["area_km2"]) > float(mp["MP-06"]["area_km2"]),
    "t38-dev-024": int(co["c-10"]["controls"]) > int(co["c-02"]["controls"]),
    "t38-dev-025": int(mem["H319"]["ranking_points"]) > int(mem["H343"]["ranking_points"]),
    "t38-dev-026": kit["TN-01"]["cost_gbp"] > kit["TN-02"]["cost_gbp"],
    "t38-dev-027": ev["HO26-02"]["entrants"] > ev["HO26-06"]["entrants"],
    "t38-test-035": int(mp["MP-04"]["surveyed"]) < int(mp["MP-06"]["surveyed"]),
    "t38-test-036": ev["HO26-05"]["entrants"] > ev["HO26-04"]["entrants"],
    "t38-test-037": int(mem["H328"]["joined"]) < int(mem["H331"]["joined"]),
    "t38-test-038": int(co["c-03"]["climb_m"]) > int(co["c-11"]["climb_m"]),
    "t38-test-039": secs(res["r-14"]["time"]) < secs(res["r-05"]["time"]),
    "t38-test-040": kit["DB-01"]["cost_gbp"] > kit["DB-02"]["cost_gbp"],
}
for k, v in cmp_facts.items():
    if not v or by_id[k].type != "comparison":
        probs.append(f"comparison {k}: the gold does not follow from the records")
if sorted(i.id for i in ALL if i.type == "comparison") != sorted(cmp_facts):
    probs.append("a comparison without a recomputation")
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
