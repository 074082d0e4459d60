"""Checks for evalsets/tables39 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 21, 110
PREFIX = "t39"


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
    "t39-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The postcode of Yarrowfield Academy is MH4 7QX."),
    "t39-dev-039": ([(r"<td>2012</td>", []),
                     (r"^\| 2012 \|", []),
                     (r"champion[^\n.|]{0,60}\b2012\b", [])],
                    "Barebow champion 2012: Albinia Umpleby\n| 2012 | Damaris Frankish |\n<td>2012</td>"),
    "t39-dev-040": ([(r"judge's expenses[^\n]{0,80}\bGBP", []),
                     (r"Withyholme Open[^\n]{0,40}\b2026\b[^\n]{0,80}\b(expenses|cost|costs)\b", []),
                     (r"\bexpenses\b[^\n]{0,80}\b2026\b", [])],
                    "The judge's expenses at the Withyholme Open 2026 cost GBP 85; expenses in 2026: GBP 85"),
    "t39-dev-041": ([(r"archer: A222\b", []),
                     (r"Kester Jeavons (scored|shot) \d", [])],
                    "Kester Jeavons scored 1010.\narcher: A222"),
    "t39-dev-042": ([(r"Heron Clout[^\n]{0,400}\bcompound\b", []),
                     (r"^round: R-12\nbow: compound", [])],
                    "At the Heron Clout the compound winner scored 160.\nround: R-12\nbow: compound"),
    "t39-dev-043": ([(r"\b2005-\d\d-\d\d\b", []),
                     (r"(subscription|GBP)[^\n.]{0,60}\b2005\b|\b2005\b[^\n.]{0,60}subscription", [])],
                    "In 2005 the subscription was GBP 50 (from 2005-01-01)."),
    "t39-dev-044": ([(r"\b(telephone|tel|mobile|phone number)\b", []),
                     (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                    "The welfare officer's phone number is 01632 960 123, a mobile."),
    "t39-dev-045": ([(r"Brackenwold Farm[^\n.]{0,80}\b(GBP|paid|£)", []),
                     (r"straw bosses[^\n]{0,80}\bsold\b[^\n.]{0,40}\bGBP", [])],
                    "The straw bosses were sold to Brackenwold Farm for GBP 60."),
    "t39-test-059": ([(r"\bwww\.|https?://|\.org\.uk|\.co\.uk|\.org\b|\.com\b", [])],
                     "The club's website is www.mardenholtbowmen.org.uk."),
    "t39-test-060": ([(r"<td>2011</td>", []),
                      (r"^\| 2011 \|", []),
                      (r"champion[^\n.|]{0,60}\b2011\b", [])],
                     "Recurve champion in 2011: Damaris Frankish\n| 2011 | Damaris Frankish |\n<td>2011</td>"),
    "t39-test-061": ([(r"@", []),
                      (r"\be-?mail\b", [])],
                     "Email the secretary at secretary@mardenholt-bowmen.org."),
    "t39-test-062": ([(r"archer: A270\nround: R-09", []),
                      (r"Ulick Normington (scored|shot) \d", [])],
                     "Ulick Normington scored 455.\narcher: A270\nround: R-09"),
    "t39-test-063": ([(r"Midsummer Metric[^\n]{0,300}\b(lost|loss|cost the club|deficit)\b", []),
                      (r"refund(s|ed)?[^\n.]{0,40}GBP [\d,]{3,}", [])],
                     "The Midsummer Metric lost the club GBP 240 after refunds of GBP 1,020."),
    "t39-test-064": ([(r"\b2009-\d\d-\d\d\b", []),
                      (r"indoor[^\n.]{0,80}\b2009\b|\b2009\b[^\n.]{0,80}indoor", [])],
                     "In 2009 the indoor session was GBP 2 (from 2009-10-01)."),
    "t39-test-065": ([(r"Heron Clout[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}Heron Clout", []),
                      (r"judge[^\n.]{0,60}\b2025\b", [])],
                     "The judge in 2025 at the Heron Clout was Gisela Elsworth."),
    "t39-test-066": ([(r"Accounts for the year 1 January to 31 December 2024", []),
                      (r"\b2024\b[^\n]{0,60}\bcosts\b|\bcosts\b[^\n]{0,60}\b2024\b", [])],
                     "Accounts for the year 1 January to 31 December 2024\nTotal costs in 2024 were GBP 5,500."),
    "t39-test-067": ([(r"(Frostbite|MB26-08)[^\n]{0,400}\b\d\d?[:.]\d\d\b", [])],
                     "The Frostbite Shoot (MB26-08) starts at 10:00."),
    "t39-test-068": ([(r"\b\d+ members (on the (list|books)|at the end)|members at the end of 2026|membership (stood at|was|reached|of) \d+", [])],
                     "The club had 61 members at the end of 2026."),
    "t39-test-069": ([(r"\b(made by|maker|manufacturer|brand|make)\b", [])],
                     "The training bows are made by a maker whose brand is Kestwood."),
    "t39-test-070": ([(r"autumn[^\n]{0,60}\b2025\b|\b2025\b[^\n]{0,60}autumn", []),
                      (r"^\| Autumn \|[^\n]*2025", [])],
                     "The autumn course of 2025 took 11 beginners.\n| Autumn | 6, Tuesdays in 2025 |"),
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
ROUNDS = rows("rounds/rounds.csv")
SCORES = rows("scores/scores-2026.csv")
LOANS = rows("equipment/loans-2026.csv")
TOURS = rows("tournaments/tournaments-2026.jsonl")
EQUIP = rows("equipment/equipment.jsonl")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
rd = {r["id"]: r for r in ROUNDS}
sc = {r["id"]: r for r in SCORES}
ln = {r["id"]: r for r in LOANS}
tn = {t["id"]: t for t in TOURS}
eq = {k["id"]: k for k in EQUIP}

RANGES = {r[0]: r for r in table("ranges/ranges.md", "Code")}
HOURS = {r[0]: r for r in table("ranges/ranges.md", "Day")}
ROTA = table("coaching/coaching-rota-2026.md", "Term")
COURSES = table("coaching/coaching-rota-2026.md", "Course")
OFFICERS = {r[0]: r for r in table("people/officers.md", "Post")}
CHAIRS = table("history/officers-history.md", "From", 0)
SECS = table("history/officers-history.md", "From", 1)
TREAS = table("history/officers-history.md", "From", 2)
SUBS = table("history/fees.md", "From", 0)
INDOOR = table("history/fees.md", "From", 1)
GRADES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026.md", "Grade")}
CHARGES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026.md", "Charge")}
J19 = {r[0]: r[1] for r in table("rules/juniors-unsupervised-2019.md", "Item")}
J26 = {r[0]: (r[1], r[2]) for r in table("rules/juniors-unsupervised-2026.md", "Item")}
BOSSES = {r[0]: (r[1], r[2]) for r in table("news/2026-06-new-bosses.md", "")}
ABOUT = bullets("about.md")
HT = html_tables("history/club-champions.html")
CHAMPS = {int(r[0]): r for r in HT["Club champions"]}
TROPHIES = {r[0]: r for r in HT["Trophies"]}
agm = flat("meetings/2026-10-17-agm.md")
cttee = flat("meetings/2026-02-10-committee.md")
acc = page("notes/accounts-2025.txt")
AGM_DAY = "2026-10-17"
NEW_CHARGES = "2026-05-01"
ABOUT_DAY = "2018-06-16"
JUNIOR_CATS = ("U12", "U14", "U16", "U18")

# ------------------------------------------------------------------ filters and counts

RECOMPUTE = {
    "t39-dev-028": str(sum(m["grade"] == "associate" for m in MEMBERS)),
    "t39-test-041": str(sum(m["grade"] == "junior" for m in MEMBERS)),
    "t39-dev-029": [k["id"] for k in EQUIP if k["condition"] == "written off"],
    "t39-dev-030": [m["name"] for m in MEMBERS if m["coach"] == "assistant" and m["range_officer"] == "N"],
    "t39-dev-031": [t["name"] for t in TOURS if t["status"] == "cancelled"],
    "t39-dev-032": [r["name"] for r in ROUNDS if r["face"] == "60 cm" and r["scoring"] == "5-zone"],
    "t39-test-042": [m["name"] for m in MEMBERS if m["grade"] == "full" and m["paid_2026"] == "N"],
    "t39-test-043": [k["id"] for k in EQUIP if k["how"] == "given" and k["given_by"] in by_name],
    "t39-test-044": [r["name"] for r in ROUNDS if len(r["distances"].split("/")) == 2],
    "t39-test-045": [r["id"] for r in LOANS if r["item"].startswith("BW-") and not r["returned"]],
    "t39-test-046": [m["name"] for m in MEMBERS if m["coach"] == "Y" and m["range_officer"] == "Y" and m["first_aid"] == "N"],
    "t39-test-047": [t["name"] for t in TOURS if t["status"] == "planned"],
    "t39-test-048": [m["name"] for m in MEMBERS if m["age_cat"] == "U21"],
    "t39-test-049": [m["name"] for m in MEMBERS if m["grade"] == "associate" and m["bow"] == "longbow"],
    "t39-test-050": [mem[s["archer"]]["name"] for s in SCORES if s["event"] == "MB26-02" and s["golds"] == "0"],
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
if sorted(by_id["t39-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["grade"] == "associate") \
        or sorted(by_id["t39-test-041"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["grade"] == "junior"):
    probs.append("the derived counts' evidence is not the rows counted")
check("filter answers and derived counts recomputed from the record files and tables", probs)

# ------------------------------------------------------------------ consistency of the wiki

probs = []

# members: order, grades, categories, flags
if [m["ID"] for m in MEMBERS] != sorted(mem) or len(MEMBERS) != 24:
    probs.append("members: 24 rows in member-number order")
for m in MEMBERS:
    if m["bow"] not in ("recurve", "compound", "barebow", "longbow"):
        probs.append(f"{m['ID']}: bow {m['bow']}")
    if m["grade"] not in ("full", "family", "junior", "associate", "life"):
        probs.append(f"{m['ID']}: grade {m['grade']}")
    if m["age_cat"] not in JUNIOR_CATS + ("U21", "senior", "50+") or m["gender"] not in ("M", "W"):
        probs.append(f"{m['ID']}: category {m['gender']} {m['age_cat']}")
    if m["grade"] == "junior" and m["age_cat"] not in JUNIOR_CATS:
        probs.append(f"{m['ID']}: a junior in {m['age_cat']}")
    if m["age_cat"] in JUNIOR_CATS and m["grade"] not in ("junior", "family"):
        probs.append(f"{m['ID']}: {m['age_cat']} on grade {m['grade']}")
    if m["age_cat"] == "U21" and (m["grade"] != "full" or "pays the senior subscription" not in m["notes"]):
        probs.append(f"{m['ID']}: U21 pays the senior rate")
    if m["classification"] not in ("unclassified", "A3", "A2", "A1", "B3", "B2", "B1", "MB"):
        probs.append(f"{m['ID']}: classification {m['classification']}")
    if m["coach"] not in ("Y", "N", "assistant") or m["range_officer"] not in "YN" or m["first_aid"] not in "YN":
        probs.append(f"{m['ID']}: flags")
    if (m["paid_2026"] == "free") != (m["grade"] == "life") or m["paid_2026"] not in ("Y", "N", "free"):
        probs.append(f"{m['ID']}: paid_2026 {m['paid_2026']} for {m['grade']}")
    if ("first claim with" in m["notes"]) != (m["grade"] == "associate"):
        probs.append(f"{m['ID']}: first claim elsewhere against grade")
    if ("still owed" in m["notes"]) != (m["paid_2026"] == "N"):
        probs.append(f"{m['ID']}: owed note against paid_2026")
    if int(m["joined"]) > 2026:
        probs.append(f"{m['ID']}: joined {m['joined']}")
if mem["A249"]["grade"] != "family" or mem["A252"]["grade"] != "family" or "A252" not in mem["A249"]["notes"] \
        or "A249" not in mem["A252"]["notes"]:
    probs.append("the Couplands' family membership")
if sum(m["paid_2026"] == "N" for m in MEMBERS) != 2 or "Two members still owed" not in agm:
    probs.append("members who owe the 2026 subscription against the AGM")

# rounds: arrows and maximum scores
PER_ARROW = {"10-zone": 10, "5-zone": 9}
for r in ROUNDS:
    per = 5 if r["venue"] == "clout" else PER_ARROW[r["scoring"]]
    if sum(int(a) for a in r["arrows"].split("/")) != int(r["total_arrows"]):
        probs.append(f"{r['id']}: arrows {r['arrows']} against {r['total_arrows']}")
    if int(r["total_arrows"]) * per != int(r["max_score"]):
        probs.append(f"{r['id']}: maximum {r['max_score']}")
    if r["venue"] != "clout" and len(r["arrows"].split("/")) != len(r["distances"].split("/")):
        probs.append(f"{r['id']}: distances against arrows")

# scores: rounds, events, archers
for s in SCORES:
    r, t, m = rd.get(s["round"]), tn.get(s["event"]), mem.get(s["archer"])
    if r is None or t is None or m is None:
        probs.append(f"{s['id']}: round, event or archer")
        continue
    per = 5 if r["venue"] == "clout" else PER_ARROW[r["scoring"]]
    if not int(s["score"]) <= per * int(s["hits"]) or int(s["hits"]) > int(r["total_arrows"]) or int(s["golds"]) > int(s["hits"]):
        probs.append(f"{s['id']}: score, hits and golds")
    if t["date"] != s["date"] or t["status"] != "held":
        probs.append(f"{s['id']}: date against {t['id']}")
    junior_round = t["id"] == "MB26-07" and m["age_cat"] in JUNIOR_CATS and s["round"] == "R-04"
    if s["round"] != t["round"] and not junior_round:
        probs.append(f"{s['id']}: round {s['round']} at {t['id']}")
    if m["bow"] != s["bow"] or m["age_cat"] != s["age_cat"]:
        probs.append(f"{s['id']}: bow or category against {s['archer']}")
    if s["archer"] == t["organiser"]:
        probs.append(f"{s['id']}: the organiser shot")
for ev_id in {s["event"] for s in SCORES}:
    for bow in ("recurve", "compound", "barebow", "longbow"):
        rows_ = sorted((s for s in SCORES if s["event"] == ev_id and s["bow"] == bow and s["age_cat"] not in JUNIOR_CATS),
                       key=lambda s: -int(s["score"]))
        pl = [re.match(r"(first|second|third|fourth)", s["notes"]) for s in rows_]
        order = ["first", "second", "third", "fourth"]
        got_ = [order.index(p.group(1)) for p in pl if p]
        if got_ != sorted(got_):
            probs.append(f"{ev_id} {bow}: placings against scores")
s13 = sc["s-13"]
if "club record for the Yew Round" not in s13["notes"] or "club record for the Yew Round" not in mem[s13["archer"]]["notes"].replace("club record for the Yew Round", "club record for the Yew Round") \
        or f"club record of {s13['score']} for the Yew Round" not in agm:
    probs.append("the Yew Round record")

# tournaments: dates, ranges, rounds, judges, fees, entrants, equipment both ways
for t in TOURS:
    x, d = t["text"], day(t["date"])
    if not x.startswith(t["id"] + ": the " + t["name"]):
        probs.append(f"{t['id']}: text does not open with its id and name")
    if d.weekday() != 6 or d.year != 2026 or f"Sunday {d.day} {d.strftime('%B')} 2026" not in x:
        probs.append(f"{t['id']}: date")
    if t["range"] not in RANGES or t["range"] not in x or RANGES[t["range"]][1].split()[0] not in x:
        probs.append(f"{t['id']}: range {t['range']}")
    if t["round"] not in rd or f"{rd[t['round']]['name']} ({t['round']})" not in x:
        probs.append(f"{t['id']}: round {t['round']}")
    if RANGES.get(t["range"], [""] * 3)[2].startswith("indoor") != (rd[t["round"]]["venue"] == "indoor") \
            or (rd[t["round"]]["venue"] == "clout") != (t["range"] == "RG-3"):
        probs.append(f"{t['id']}: an {rd[t['round']]['venue']} round on {t['range']}")
    if mem.get(t["organiser"]) is None or f"Organised by {t['organiser']}" not in x:
        probs.append(f"{t['id']}: organiser")
    if t["type"] in ("club championship", "club shoot"):
        if t["judge"] is not None or "no judge" not in x:
            probs.append(f"{t['id']}: a club shoot with a judge")
    elif not t["judge"] or t["judge"].split(" (")[0] not in x or t["judge"].split(" (")[0] in by_name:
        probs.append(f"{t['id']}: judge")
    if f"Entry GBP {t['entry_fee_gbp']}" not in x:
        probs.append(f"{t['id']}: fee not in its text")
    if t["status"] == "held":
        if f"{t['entrants']} shot" not in x or not x.endswith(("Held.", ")")) and "Held" not in x:
            probs.append(f"{t['id']}: entrants not in its text")
    elif t["status"] == "cancelled":
        if f"{t['entrants']} had entered" not in x or t["equipment"] or "Cancelled" not in x:
            probs.append(f"{t['id']}: cancelled")
    elif t["status"] != "planned" or t["entrants"] is not None or t["equipment"] or t["date"] <= AGM_DAY:
        probs.append(f"{t['id']}: status {t['status']}")
    for code in t["equipment"]:
        if code not in eq or t["id"] not in eq[code]["used_2026"] or code not in x:
            probs.append(f"{t['id']}: equipment {code} not in the equipment list's uses")
if [t["date"] for t in TOURS] != sorted(t["date"] for t in TOURS):
    probs.append("tournaments not in date order")
held = [t for t in TOURS if t["status"] == "held"]
if len(held) != 6 or "hosted seven tournaments and club shoots" not in agm or "six were held" not in agm:
    probs.append("the AGM's count of tournaments")
big = max(held, key=lambda t: t["entrants"])
if f"The {big['name']}, with {big['entrants']} archers, was the biggest" not in agm:
    probs.append("the biggest tournament")
for t in held:
    for s in SCORES:
        if s["event"] == t["id"] and s["notes"].startswith("first") and f"{mem[s['archer']]['name']} {s['score']}" not in t["text"]:
            probs.append(f"{s['id']}: a winner not in {t['id']}'s text")

# equipment: text, costs, gifts, deposits, uses and loans both ways
for k in EQUIP:
    x = k["text"]
    if not x.startswith(k["id"] + ":") or str(k["bought"]) not in x:
        probs.append(f"{k['id']}: id or year not in its text")
    if k["how"] == "bought" and (k["cost_gbp"] is None or f"GBP {k['cost_gbp']:,}" not in x or k["given_by"]):
        probs.append(f"{k['id']}: bought, cost")
    if k["how"] == "given" and (k["cost_gbp"] is not None or not k["given_by"] or k["given_by"] not in x):
        probs.append(f"{k['id']}: given")
    if k["deposit_gbp"] and f"GBP {k['deposit_gbp']}" not in x:
        probs.append(f"{k['id']}: deposit not in its text")
    if (k["deposit_gbp"] is None) != ("Not lent" in x):
        probs.append(f"{k['id']}: not lent, or the reverse")
    if k["condition"] not in ("good", "worn", "written off"):
        probs.append(f"{k['id']}: condition {k['condition']}")
    if (k["condition"] == "written off") != (k["location"] == "gone"):
        probs.append(f"{k['id']}: written off but kept, or the reverse")
    for a in k["used_2026"]:
        if a not in tn or k["id"] not in tn[a]["equipment"] or a not in x:
            probs.append(f"{k['id']}: used at {a}, which does not list it")
    out = [r["id"] for r in LOANS if r["item"] == k["id"] and not r["returned"]]
    if out != ([k["on_loan"]] if k["on_loan"] else []) or (k["on_loan"] and k["on_loan"] not in x):
        probs.append(f"{k['id']}: on loan {k['on_loan']} against the loans {out}")
if eq["AR-01"]["quantity"] != 72 - 12 or "12 lost or bent since" not in eq["AR-01"]["text"] or "twelve of AR-01 have gone" not in cttee:
    probs.append("AR-01's count")
if eq["AR-03"]["given_by"] != "Eulalia Cantrill" or "AR-03 in 2019" not in mem["A201"]["notes"] or eq["AR-03"]["bought"] != 2019:
    probs.append("the longbow arrows' giver")
if "BW-05" not in mem["A261"]["notes"] or not [r for r in LOANS if r["item"] == "BW-05" and r["borrower"] == "A261"]:
    probs.append("the club compound's borrower")
if "BW-01 lent on the day" not in sc["s-09"]["notes"] or "BW-01" not in tn["MB26-03"]["equipment"]:
    probs.append("BW-01 at the Spring Club Shoot")

# loans
for r in LOANS:
    k = eq.get(r["item"])
    if k is None or r["borrower"] not in mem:
        probs.append(f"{r['id']}: item or borrower")
        continue
    if int(r["deposit_gbp"]) != k["deposit_gbp"]:
        probs.append(f"{r['id']}: deposit {r['deposit_gbp']} against {k['deposit_gbp']}")
    if not (r["out"] < r["due"]) or (r["returned"] and r["returned"] < r["out"]):
        probs.append(f"{r['id']}: dates")
    if (not r["returned"]) != r["notes"].startswith("still out"):
        probs.append(f"{r['id']}: still out against returned")
    if r["returned"] and (r["returned"] > r["due"]) != ("late" in r["notes"]):
        probs.append(f"{r['id']}: late against the dates")
    if r["item"].startswith("AR-") and "a dozen" not in r["notes"] and r["item"] != "AR-01":
        probs.append(f"{r['id']}: arrows are lent by the dozen")
for a, b in zip(LOANS, LOANS[1:]):
    if a["out"] > b["out"]:
        probs.append(f"loans {a['id']} and {b['id']}: not in date order")
for item in {r["item"] for r in LOANS}:
    rs = [r for r in LOANS if r["item"] == item and item.startswith("BW-")]
    for a, b in zip(rs, rs[1:]):
        if eq[item]["quantity"] == 1 and a["returned"] and b["out"] < a["returned"]:
            probs.append(f"{item}: lent twice at once")

# ranges, hours, the coaching rota
if set(RANGES) != {"RG-1", "RG-2", "RG-3"} or "GBP 1,200 a year" not in RANGES["RG-1"][6] or "GBP 48" not in RANGES["RG-2"][6]:
    probs.append("ranges")
for day_, r in HOURS.items():
    if r[1] not in RANGES or (r[1] == "RG-2") != (r[2] == "closed"):
        probs.append(f"hours on {day_}")
for r in ROTA:
    if r[3] not in RANGES or mem.get(r[4], {}).get("coach") != "Y" or (r[5] != "none" and mem.get(r[5], {}).get("coach") != "assistant"):
        probs.append(f"rota {r[:3]}: range or coaches")
    if r[0] == "Winter" and r[3] == "RG-2" and HOURS.get(r[1], [""] * 4)[3] == "closed":
        probs.append(f"rota {r[:3]}: the hall is closed")
for r in COURSES:
    if mem.get(r[3], {}).get("coach") != "Y" or int(r[5]) > int(r[4]):
        probs.append(f"course {r[0]}: coach or places")
if "January to February 2026" not in mem["A267"]["notes"] or not COURSES[0][1].endswith("6 January to 10 February"):
    probs.append("Rozenn Emmott's course")
if not all(r["out"] > "2026-02-10" for r in LOANS if r["borrower"] == "A267"):
    probs.append("Rozenn Emmott borrowed before her course ended")

# champions and trophies: members, notes, the 2026 scores, the AGM
if sorted(CHAMPS) != list(range(2014, 2027)) or CHAMPS[2020][1:] != ["not held"] * 5:
    probs.append("champions: 2014-2026, none in 2020")
STYLE = {1: "recurve champion", 2: "compound champion", 3: "barebow champion", 4: "longbow champion", 5: "junior champion"}
for y, row in CHAMPS.items():
    if y == 2020:
        continue
    for n, kind_ in STYLE.items():
        who = by_name.get(row[n])
        if who is None:
            probs.append(f"{y}: {row[n]} is not a member")
            continue
        notes = who["notes"]
        m_ = re.search(re.escape(kind_) + r" ((?:\d{4}(?:, | and )?)+)", notes)
        if not m_ or str(y) not in re.findall(r"\d{4}", m_.group(1)):
            probs.append(f"{y}: {row[n]}'s note does not give the {kind_}ship")
        if n < 5 and who["bow"] != kind_.split()[0]:
            probs.append(f"{y}: {row[n]} does not shoot {kind_.split()[0]}")
for m in MEMBERS:
    for n, kind_ in STYLE.items():
        for years in re.findall(re.escape(kind_) + r" ((?:\d{4}(?:, | and )?)+)", m["notes"]):
            for yy in re.findall(r"\d{4}", years):
                if CHAMPS[int(yy)][n] != m["name"]:
                    probs.append(f"{m['ID']}: {kind_} {yy}?")
for n, kind_ in STYLE.items():
    win = [s for s in SCORES if s["event"] == "MB26-07" and s["notes"] == kind_]
    if len(win) != 1 or mem[win[0]["archer"]]["name"] != CHAMPS[2026][n] or f"{kind_.split()[0]} {CHAMPS[2026][n]}" not in agm \
            or f"{kind_.split()[0]} {CHAMPS[2026][n]}" not in tn["MB26-07"]["text"]:
        probs.append(f"the 2026 {kind_} against the scores, the AGM and the tournament")
if ABOUT["Club champions 2017"] != f"{CHAMPS[2017][1]} (recurve) and {CHAMPS[2017][2]} (compound)":
    probs.append("the 2017 champions on the 2018 page")
for tr, r in TROPHIES.items():
    for y, who in ((2025, r[3]), (2026, r[4])):
        if who not in by_name or f"{tr} {y}" not in by_name[who]["notes"]:
            probs.append(f"{tr} {y}: {who}'s note")
    if not re.search(re.escape(tr) + r"(, for [^,]+,)? to " + re.escape(r[4]), agm):
        probs.append(f"{tr}: the AGM does not give it to {r[4]}")
if TROPHIES["Yarrowfield Plate"][4] != mem[sc["s-05"]["archer"]]["name"] or "indoor club champion" not in sc["s-05"]["notes"] \
        or f"{TROPHIES['Yarrowfield Plate'][4]} won with {sc['s-05']['score']} and the Yarrowfield Plate" not in tn["MB26-02"]["text"]:
    probs.append("the indoor champion")
if TROPHIES["Cantrill Arrow"][4] != CHAMPS[2026][4]:
    probs.append("the Cantrill Arrow and the longbow champion")

# the junior rules: the two pages, the minutes
if set(J19) != set(J26) or any(J26[k][0] != v for k, v in J19.items()):
    probs.append("the 2026 junior rules' 2019 column against the 2019 page")
if J19["Longest distance"] != "40 yd" or J26["Longest distance"][1] != "60 yd" or "from 40 yd to 60 yd" not in cttee \
        or "in force from 1 May 2026" not in flat("rules/juniors-unsupervised-2026.md") or "1 May 2026" not in cttee:
    probs.append("the junior rules in the minutes")

# fees: histories without gaps, the 2018 page, the prices, the minutes, the AGM, the accounts
for name, tab in (("subscription", SUBS), ("indoor", INDOOR)):
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"{name}: gap or overlap between {a[1]} and {b[0]}")
    if tab[-1][1]:
        probs.append(f"{name}: the last period has an end")
if (rate_on(SUBS, ABOUT_DAY), rate_on(SUBS, "2025-06-01"), rate_on(SUBS, "2026-06-01"), rate_on(SUBS, "2027-01-01")) \
        != (gbp(ABOUT["Senior subscription"].split(" a ")[0]), gbp(GRADES["Senior"][0]), gbp(GRADES["Senior"][1]), 92):
    probs.append("the subscription history against the 2018 page and the prices")
if "proposed a senior subscription of GBP 95" not in agm or "amendment to GBP 92" not in agm \
        or "set the senior subscription for 2027 at GBP 92; the committee had proposed GBP 95" not in flat("prices/fees-2026.md"):
    probs.append("the 2027 subscription")
if "carried by 31 votes to 19" not in agm or "52 members present" not in agm or 31 + 19 > 52:
    probs.append("the AGM vote")
if (rate_on(INDOOR, ABOUT_DAY), rate_on(INDOOR, "2026-04-30"), rate_on(INDOOR, NEW_CHARGES)) != \
        (gbp(ABOUT["Indoor session"].split(" a ")[0]), gbp(CHARGES["Indoor session, a member"][0]),
         gbp(CHARGES["Indoor session, a member"][1])):
    probs.append("the indoor history against the 2018 page and the prices")
for label, words in (("Indoor session, a member", "the indoor session for a member"),
                     ("Indoor session, a visitor", "for a visitor"),
                     ("Beginners' course, six sessions", "the beginners' course"),
                     ("Club bow hire, a month", "club bow hire")):
    a, b = CHARGES[label]
    if f"{words} from {a} to {b}" not in cttee:
        probs.append(f"the minutes against the charge {label}")
if CHARGES["Lost arrow from a club set"] != ("GBP 6", "GBP 6") or "stays at GBP 6" not in cttee:
    probs.append("lost arrows")

# the accounts for 2025
lines = {}
for label, n, rate, amount_ in re.findall(r"^\s*([A-Za-z][A-Za-z' -]*?)\s+(\d+) x (\d+)\s+([\d,]+)$", acc, re.M):
    lines[label.strip()] = (int(n), int(rate), num(amount_))
    if int(n) * int(rate) != num(amount_):
        probs.append(f"accounts: {label} {n} x {rate} != {amount_}")
for g, key in (("Senior", "Senior"), ("Family", "Family"), ("Junior", "Junior (under 18)"), ("Associate", "Associate")):
    if lines[g][1] != gbp(GRADES[key][0]):
        probs.append(f"accounts: {g} rate against the 2025 prices")
if lines["Members"][1] != rate_on(INDOOR, "2025-06-01") or lines["Visitors"][1] != gbp(CHARGES["Indoor session, a visitor"][0]) \
        or lines["Beginners' courses"][1] != gbp(CHARGES["Beginners' course, six sessions"][0]) \
        or lines["Club bow hire"][1] != gbp(CHARGES["Club bow hire, a month"][0]):
    probs.append("accounts: session, course and hire rates")


def amount(label: str) -> int:
    return num(re.search(r"^\s*" + re.escape(label) + r"\s+([\d,]+)\s*$", acc, re.M).group(1))


subs = sum(lines[g][2] for g in ("Senior", "Family", "Junior", "Associate"))
indoor = lines["Members"][2] + lines["Visitors"][2]
if (amount("Subscriptions total"), amount("Indoor sessions total")) != (subs, indoor):
    probs.append("accounts: subtotals")
income = subs + indoor + lines["Beginners' courses"][2] + lines["Club bow hire"][2] + amount("Withyholme Open 2025, surplus")
hall = re.search(r"(\d+) nights x (\d+)\s+([\d,]+)", acc)
if int(hall.group(1)) * int(hall.group(2)) != num(hall.group(3)) or f"from GBP {hall.group(2)} to GBP 48 a night in January" not in cttee:
    probs.append("accounts: hall hire")
costs = num(hall.group(3)) + sum(amount(c) for c in (
    "National and county affiliation fees", "Range rent, Withyholme Meadow", "Equipment repairs", "Target faces",
    "Coach training, two assistant coaches", "Trophies and engraving"))
if (income, costs) != (amount("TOTAL INCOME"), amount("TOTAL COSTS")):
    probs.append(f"accounts: income {income}, costs {costs}")
if amount("SURPLUS FOR THE YEAR") != income - costs or amount("Reserves at 31 December 2025") != amount("Reserves at 1 January 2025") + income - costs:
    probs.append("accounts: surplus and reserves")
if f"income GBP {income:,}, costs GBP {costs:,}, a surplus of GBP {income - costs:,} and reserves of GBP {amount('Reserves at 31 December 2025'):,}" not in cttee:
    probs.append("accounts against the minutes")
if amount("Range rent, Withyholme Meadow") != num(re.search(r"GBP ([\d,]+) a year", RANGES["RG-1"][6]).group(1)):
    probs.append("accounts: range rent against the ranges page")
if "GBP 1,540 in entries and cost GBP 1,128" not in flat("notes/accounts-2025.txt") or 1540 - 1128 != amount("Withyholme Open 2025, surplus"):
    probs.append("accounts: the Withyholme Open 2025")
if "Tryphena Uttridge" not in acc or "examined on 2 February by Tryphena Uttridge" not in cttee \
        or "Tryphena Uttridge" not in page("people/officers.md") or "Tryphena Uttridge" in by_name:
    probs.append("the examiner")

# the new bosses: the news page, the equipment list, the minutes
b1, b2 = eq["BS-01"], eq["BS-02"]
if BOSSES["Code"] != ("BS-01", "BS-02") or BOSSES["Bought"] != (str(b1["bought"]), str(b2["bought"])) \
        or BOSSES["Number"] != (str(b1["quantity"]), str(b2["quantity"])) \
        or BOSSES["Cost"] != (f"GBP {b1['cost_gbp']:,}", f"GBP {b2['cost_gbp']:,}") \
        or BOSSES["Weight each"] != tuple(k["spec"].split(", ")[1].replace(" each", "") for k in (b1, b2)) \
        or f"GBP {b2['deposit_gbp']}" not in BOSSES["Lent to other clubs"][1]:
    probs.append("the bosses news against the equipment list")
if not b2["cost_gbp"] <= 2400 or "limit of GBP 2,400" not in cttee or "GBP 2,280 and GBP 2,640" not in cttee \
        or f"GBP 1,500 grant" not in BOSSES["Paid for by"][1] or 1500 + 780 != b2["cost_gbp"]:
    probs.append("BS-02 within the committee's limit and paid for")
first = [t for t in TOURS if "BS-02" in t["equipment"]][0]
if first["id"] != "MB26-04" or "for the first time" not in first["text"] or "2 June 2026" not in b2["text"] \
        or [t["id"] for t in TOURS if "BS-01" in t["equipment"]] != ["MB26-03"]:
    probs.append("the first and last uses of the bosses")

# offices: histories without gaps, on October Saturdays, against the officers, the members, the 2018 page
for name, tab in (("chairs", CHAIRS), ("secretaries", SECS), ("treasurers", TREAS)):
    for a, b in zip(tab, tab[1:]):
        if a[1] != b[0]:
            probs.append(f"{name}: {a[1]} != {b[0]}")
    for r in tab:
        for d in filter(None, r[:2]):
            if day(d).weekday() != 5 or day(d).month != 10:
                probs.append(f"{name}: {d} is not an October Saturday")
        if r[2] not in by_name:
            probs.append(f"{name}: {r[2]} not a member")
    if tab[-1][1] or tab[-1][0] > AGM_DAY:
        probs.append(f"{name}: the last holder")
for post, tab in (("Chair", CHAIRS), ("Secretary", SECS), ("Treasurer", TREAS)):
    if OFFICERS[post][1] != tab[-1][2] or OFFICERS[post][3] != tab[-1][0][:4]:
        probs.append(f"{post}: officers page against the history")
    if ABOUT[post] != holder(tab, ABOUT_DAY):
        probs.append(f"{post}: the 2018 page says {ABOUT[post]}, the history {holder(tab, ABOUT_DAY)}")
for post, r in OFFICERS.items():
    if mem.get(r[2], {}).get("name") != r[1]:
        probs.append(f"{post}: {r[1]} is not {r[2]}")
for m in MEMBERS:
    for post, tab in (("chair", CHAIRS), ("secretary", SECS), ("treasurer", TREAS)):
        for a, b in re.findall(r"\b" + post + r" (\d{4})-(\d{4})", m["notes"]):
            if not [r for r in tab if r[2] == m["name"] and r[0][:4] == a and r[1][:4] == b]:
                probs.append(f"{m['ID']}: {post} {a}-{b} not in the history")
        if re.search(r"\b" + post + r" since", m["notes"]) and tab[-1][2] != m["name"]:
            probs.append(f"{m['ID']}: {post} now?")
if holder(CHAIRS, "2026-02-10") != "Damaris Frankish" or "Damaris Frankish (chair)" not in cttee \
        or holder(TREAS, "2026-02-10") != "Kester Jeavons" or "Kester Jeavons (treasurer)" not in cttee \
        or f"{holder(CHAIRS, AGM_DAY)} was elected chair and {holder(TREAS, AGM_DAY)} treasurer" not in agm \
        or "stood down as chair after seven years" not in agm or 2026 - 2019 != 7:
    probs.append("chairs and treasurers against the minutes")
if holder(TREAS, "2025-12-31") != "Kester Jeavons" or "Prepared by the treasurer, Kester Jeavons" not in acc:
    probs.append("the treasurer who prepared the 2025 accounts")
if OFFICERS["Head coach"][2] != "A204" or mem["A204"]["coach"] != "Y" or OFFICERS["Equipment officer"][1] not in flat("news/2026-06-new-bosses.md").replace(
        "New foam bosses", OFFICERS["Equipment officer"][1]) and page("news/2026-06-new-bosses.md").find("owner: " + OFFICERS["Equipment officer"][1]) < 0:
    probs.append("the head coach and the equipment officer")

# comparison facts, recomputed
cmp_facts = {
    "t39-dev-023": int(rd["R-05"]["max_score"]) > int(rd["R-01"]["max_score"]),
    "t39-dev-024": tn["MB26-01"]["entrants"] > tn["MB26-06"]["entrants"],
    "t39-dev-025": int(mem["A219"]["joined"]) < int(mem["A222"]["joined"]),
    "t39-dev-026": eq["BW-02"]["cost_gbp"] > eq["BW-01"]["cost_gbp"],
    "t39-dev-027": int(sc["s-05"]["score"]) > int(sc["s-06"]["score"]),
    "t39-test-035": int(rd["R-02"]["total_arrows"]) > int(rd["R-03"]["total_arrows"]),
    "t39-test-036": tn["MB26-01"]["entry_fee_gbp"] > tn["MB26-06"]["entry_fee_gbp"],
    "t39-test-037": int(mem["A234"]["joined"]) < int(mem["A237"]["joined"]),
    "t39-test-038": int(sc["s-23"]["score"]) > int(sc["s-24"]["score"]) and sc["s-23"]["archer"] == "A255" and sc["s-24"]["archer"] == "A270",
    "t39-test-039": eq["AR-02"]["cost_gbp"] > eq["AR-01"]["cost_gbp"],
    "t39-test-040": ln["L-04"]["returned"] < ln["L-03"]["returned"],
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
