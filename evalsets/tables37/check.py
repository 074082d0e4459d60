"""Checks for evalsets/tables37 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 22, 104
PREFIX = "t37"


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
# line before allowed.
COSTED = [f"equipment/equipment#{e}" for e in ("LT-01", "LT-02", "LT-03", "LT-04", "TL-01", "TL-03", "TL-04",
                                               "SB-02", "GP-01")]
FINISHED = [f"events/audax-2026#AX26-0{n}" for n in (1, 3, 5, 7, 9)]
ABSENT = {
    "t37-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The postcode of the Sowerholme Institute is CB4 7QX."),
    "t37-dev-039": ([(r"^\| 2014 \|", []),
                     (r"(champion|championship)[^\n.]{0,60}\b2014\b", [])],
                    "Desmond Outhwaite was champion in 2014:\n| 2014 | Desmond Outhwaite | 22:11 | CR10/1 |"),
    "t37-dev-040": ([(r"(TL-02|workstand)[^\n.]{0,60}\b(cost|costs|paid|bought for|price)\b", []),
                     (r"(TL-02|workstand)[^\n.]{0,80}GBP ?\d", []),
                     (r"\"cost_gbp\": \d", COSTED)],
                    "The workstand TL-02 cost GBP 120 new; \"cost_gbp\": 120."),
    "t37-dev-041": ([(r"Rawcliffe Plate[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}Rawcliffe Plate", [])],
                    "The Rawcliffe Plate for 2025 went to Leofric Dewhirst."),
    "t37-dev-042": ([(r"insurance[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}insurance", []),
                     (r"Accounts for the year 1 January to 31 December 2024", [])],
                    "Insurance in 2024 was GBP 590. Accounts for the year 1 January to 31 December 2024"),
    "t37-dev-043": ([(r"Jasper Lazonby[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}Jasper Lazonby", []),
                     (r"\btt25-\d\d\b|\bTT25-\d\d\b", [])],
                    "Jasper Lazonby rode 6:44 in the 2025 hill climb (TT25-04)."),
    "t37-dev-044": ([(r"\bro-(1[5-9]|[2-9]\d)\b", []),
                     (r"2026-10-18|18 October 2026", [])],
                    "ro-15: on 18 October 2026 the A group was led by M124 (2026-10-18)."),
    "t37-dev-045": ([(r"@", []),
                     (r"\be-?mail\b", [])],
                    "Email the membership secretary at members@calderbrookrc.org."),
    "t37-test-059": ([(r"\bwww\.|https?://|\.org\.uk|\.co\.uk|\.org\b|\.com\b", [])],
                     "The club's website is www.calderbrookrc.org.uk."),
    "t37-test-060": ([(r"\b2008-\d\d-\d\d\b", []),
                      (r"(subscription|GBP)[^\n.]{0,60}\b2008\b|\b2008\b[^\n.]{0,60}subscription", [])],
                     "In 2008 the subscription was GBP 15 (from 2008-01-01)."),
    "t37-test-061": ([(r"\bweigh(s|ed|t)?\b", []),
                      (r"\b\d+(\.\d+)? ?(kg|kilos?|kilograms?|lbs?)\b", [])],
                     "The tandem weighs 24 kg."),
    "t37-test-062": ([(r"captain[^\n.]{0,40}\b(19\d\d|200\d|201[0-4])\b", []),
                      (r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+) was (the )?(club )?captain", [])],
                     "Rory Sugden was club captain from 2009 to 2015."),
    "t37-test-063": ([(r"rider: M151\b", []),
                      (r"Zofia Midgley[^\n]{0,80}\b\d?\d:\d\d\b", [])],
                     "Zofia Midgley's best is 25:30.\nrider: M151"),
    "t37-test-064": ([(r"rider: M124\b", []),
                      (r"Desmond Outhwaite[^\n]{0,60}\b2026\b[^\n]{0,60}\b\d\d:\d\d\b", [])],
                     "Desmond Outhwaite rode the 2026 championship in 23:05.\nrider: M124"),
    "t37-test-065": ([(r"\binsur(er|ers|ed|es)\b|insurance (company|firm|broker)", []),
                      (r"\b(?-i:Ltd|Limited|plc|Mutual|Assurance)\b", [])],
                     "The club is insured by Pennine Mutual Assurance Ltd, its insurer."),
    "t37-test-066": ([(r"^\| (19\d\d|200\d)-\d\d-\d\d \|", []),
                      (r"\bchair(man|woman)? (from |in |since )?(19\d\d|200\d)\b", []),
                      (r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+) was (the )?chair", [])],
                     "Albert Snape was the chair from 2006:\n| 2006-11-25 | 2010-11-27 | Albert Snape |"),
    "t37-test-067": ([(r"commission[^\n]{0,60}\b2026\b|\b2026\b[^\n]{0,60}commission", []),
                      (r"Accounts for the year 1 January to 31 December 2026", [])],
                     "Kit commission in 2026 came to GBP 180. Accounts for the year 1 January to 31 December 2026"),
    "t37-test-068": ([(r"Jessop Cup[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}Jessop Cup", [])],
                     "The Jessop Cup for 2025 went to Callum Cockcroft."),
    "t37-test-069": ([(r"Threapwood 600[^\n]{0,200}\b\d+ (riders )?finished", []),
                      (r"\"finishers\": \d", FINISHED)],
                     "The Threapwood 600: 74 riders finished; \"finishers\": 74"),
    "t37-test-070": ([(r"\b(opens|opening (time|hours)|open from)\b", ["guides/riding-your-first-audax"]),
                      (r"Gorplegate Hill Caf[eé][^\n]{0,80}\b\d\d?[:.]\d\d\b", [])],
                     "The Gorplegate Hill Café opens at 08:30 on Sundays."),
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
ROTA = rows("rides/leader-rota-2026.csv")
RES = rows("time-trials/results-2026.csv")
KIT = rows("kit/kit-orders-2026.csv")
AXS = rows("events/audax-2026.jsonl")
EQS = rows("equipment/equipment.jsonl")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
ro = {r["id"]: r for r in ROTA}
res = {r["id"]: r for r in RES}
ko = {r["id"]: r for r in KIT}
ax = {e["id"]: e for e in AXS}
eq = {e["id"]: e for e in EQS}

ROUTES = {r[0]: r for r in table("routes/routes.md", "Code")}
COURSES = {r[0]: r for r in table("time-trials/courses-and-series-2026.md", "Code")}
SERIES = {r[0]: r for r in table("time-trials/courses-and-series-2026.md", "Event")}
OFFICERS = {r[0]: r for r in table("people/officers.md", "Post")}
CHAIRS = table("history/officers-history.md", "From", 0)
SECS = table("history/officers-history.md", "From", 1)
TREAS = table("history/officers-history.md", "From", 2)
SUBS = table("history/fees.md", "From", 0)
TTFEE = table("history/fees.md", "From", 1)
GRADES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026.md", "Grade")}
CHARGES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026.md", "Charge")}
KITP = {r[0].lower(): (gbp(r[1]), gbp(r[2])) for r in table("prices/fees-2026.md", "Item")}
E20 = {r[0]: r[1] for r in table("rules/ride-etiquette-2020.md", "Item")}
E26 = {r[0]: (r[1], r[2]) for r in table("rules/ride-etiquette-2026.md", "Item")}
LIGHTS = {r[0]: (r[1], r[2]) for r in table("news/2026-04-dynamo-lights.md", "")}
BIKES = {r[0]: r[1:] for r in table("news/2026-06-spare-tandem.md", "")}
ABOUT = bullets("about.md")
HT = html_tables("history/club-records.html")
RECORDS = HT["Club time-trial records"]
CHAMPS = {int(r[0]): r for r in HT["Club 10-mile champions"]}
agm = flat("meetings/2026-11-21-agm.md")
cttee = flat("meetings/2026-03-07-committee.md")
acc = page("notes/accounts-2025.txt")
AGM_DAY = "2026-11-21"
NEW_RULES = "2026-04-01"
NEW_CHARGES = "2026-05-01"
LIMITS = {100: "6h40", 150: "10h00", 200: "13h30", 300: "20h00", 400: "27h00", 600: "40h00"}

# ------------------------------------------------------------------ filters and counts

RECOMPUTE = {
    "t37-dev-028": str(sum(m["grade"] == "second-claim" for m in MEMBERS)),
    "t37-test-041": str(sum(e["kind"] == "ridden" for e in AXS)),
    "t37-dev-029": [r["id"] for r in KIT if r["paid"] == "N"],
    "t37-dev-030": [e["id"] for e in AXS if e["status"] == "cancelled"],
    "t37-dev-031": [m["name"] for m in MEMBERS if m["grade"] == "junior" and m["ride_group"] == "B"],
    "t37-dev-032": [k for k, r in ROUTES.items() if r[4] == "none"],
    "t37-test-042": [m["name"] for m in MEMBERS if int(m["audax_km_2026"]) == max(int(x["audax_km_2026"]) for x in MEMBERS)],
    "t37-test-043": [m["name"] for m in MEMBERS if m["grade"] == "full" and m["leader"] == "Y" and m["paid_2026"] == "N"],
    "t37-test-044": [r["route"] for r in ROTA if r["group"] == "B" and r["status"] == "cancelled"],
    "t37-test-045": [e["id"] for e in EQS if e["kind"] == "spare bike" and e["condition"] == "worn"],
    "t37-test-046": [e["id"] for e in EQS if (e["held_by"] or "").startswith("M")],
    "t37-test-047": [r["id"] for r in RES if r["category"] == "women" and r["pb"] == "Y"],
    "t37-test-048": [k for k, r in ROUTES.items() if r[5] == "A, B" and num(r[3]) > 1000],
    "t37-test-049": [r["id"] for r in KIT if r["supplier"] == "Dunnockshaw Apparel" and r["paid"] == "Y" and not r["delivered"]],
    "t37-test-050": [m["name"] for m in MEMBERS if m["grade"] == "second-claim" and m["first_aid"] == "Y"],
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
if sorted(by_id["t37-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["grade"] == "second-claim") \
        or sorted(by_id["t37-test-041"].evidence) != sorted(f"events/audax-2026#{e['id']}" for e in AXS if e["kind"] == "ridden"):
    probs.append("the derived counts' evidence is not the rows counted")
if ROUTES["RT-03"][1] not in by_id["t37-test-044"].answers or ROUTES["RT-05"][1] not in by_id["t37-test-048"].answers \
        or ROUTES["RT-09"][1] not in by_id["t37-dev-032"].answers:
    probs.append("a route's name is not among the golds of its filter item")
check("filter answers and derived counts recomputed from the record files and tables", probs)

# ------------------------------------------------------------------ consistency of the wiki

probs = []

# members: order, grades, flags, audax kilometres against the audax calendar
if [m["ID"] for m in MEMBERS] != sorted(mem) or len(MEMBERS) != 24:
    probs.append("members: 24 rows in member-number order")
for m in MEMBERS:
    if m["grade"] not in ("full", "family", "junior", "second-claim", "life"):
        probs.append(f"{m['ID']}: grade {m['grade']}")
    if m["ride_group"] not in ("A", "B", "C") or m["leader"] not in "YN" or m["first_aid"] not in "YN":
        probs.append(f"{m['ID']}: flags")
    if (m["paid_2026"] == "free") != (m["grade"] == "life") or m["paid_2026"] not in ("Y", "N", "free"):
        probs.append(f"{m['ID']}: paid_2026 {m['paid_2026']} for {m['grade']}")
    km = sum(e["validated_km"] for e in AXS if e["status"] == "validated" and m["ID"] in e["club_finishers"])
    if km != int(m["audax_km_2026"]):
        probs.append(f"{m['ID']}: audax_km_2026 {m['audax_km_2026']} but the calendar gives {km}")
    if "first claim with" in m["notes"] and m["grade"] != "second-claim":
        probs.append(f"{m['ID']}: first claim elsewhere but not second-claim")
if mem["M115"]["grade"] != "family" or mem["M154"]["grade"] != "family":
    probs.append("the Kelletts' family membership")

# the audax calendar: organisers, finishers, routes, time limits, loans both ways
for e in AXS:
    t = e["text"]
    if not t.startswith(e["id"] + ": the " + e["name"]):
        probs.append(f"{e['id']}: text does not open with its id and name")
    if day(e["date"]).weekday() != 5 or e["date"][:4] != "2026":
        probs.append(f"{e['id']}: not a Saturday of 2026")
    if f"{day(e['date']).day} {day(e['date']).strftime('%B')} 2026" not in t:
        probs.append(f"{e['id']}: date not in its text")
    if e["validated_km"] not in LIMITS or not (0 < e["distance_km"] - e["validated_km"] <= 15):
        probs.append(f"{e['id']}: validated distance {e['validated_km']} for {e['distance_km']} km")
    if e["time_limit"] != LIMITS[e["validated_km"]] and not (e["id"] == "AX26-03" and "for the climbing" in t):
        probs.append(f"{e['id']}: time limit {e['time_limit']}")
    for field, shown in (("distance_km", f"{e['distance_km']} km"), ("climbing_m", f"{e['climbing_m']:,} m"),
                         ("validated_km", f"{e['validated_km']} km"), ("time_limit", e["time_limit"]),
                         ("entry_fee_gbp", f"GBP {e['entry_fee_gbp']}")):
        if shown not in t:
            probs.append(f"{e['id']}: {field} ({shown}) not in its text")
    if e["kind"] == "organised":
        if e["organiser"] not in mem or f"Organised by {e['organiser']}" not in t:
            probs.append(f"{e['id']}: organiser {e['organiser']}")
        if e["organiser"] in e["club_finishers"]:
            probs.append(f"{e['id']}: the organiser is among the finishers")
        if e["status"] != "planned" and (e["entrants"] is None or f"{e['entrants']} entered and {e['finishers']} finished" not in t):
            probs.append(f"{e['id']}: entrants and finishers not in its text")
    else:
        if e["organiser"] in mem or e["organiser"] not in t or e["entrants"] is not None:
            probs.append(f"{e['id']}: an outside event's organiser or numbers")
    if e["route"]:
        r = ROUTES.get(e["route"])
        if r is None or num(r[2]) != e["distance_km"] or num(r[3]) != e["climbing_m"] or r[5] != "audax":
            probs.append(f"{e['id']}: route {e['route']} does not match the route list")
    for m in e["club_finishers"]:
        if m not in mem or m not in t:
            probs.append(f"{e['id']}: finisher {m}")
    if (e["status"] == "validated") != bool(e["club_finishers"]) or e["status"] not in ("validated", "cancelled", "planned"):
        probs.append(f"{e['id']}: status {e['status']} with finishers {e['club_finishers']}")
    for code in e["loans"]:
        if code not in eq or e["id"] not in eq[code]["loans_2026"] or code not in t:
            probs.append(f"{e['id']}: loan {code} not in the equipment list's loans")
for x in EQS:
    for a in x["loans_2026"]:
        if a not in ax or x["id"] not in ax[a]["loans"]:
            probs.append(f"{x['id']}: loaned for {a}, which does not list it")
organised = [e for e in AXS if e["kind"] == "organised" and e["status"] == "validated"]
ridden = [e for e in AXS if e["kind"] == "ridden" and e["status"] == "validated"]
if "organised five audaxes and members rode three more" not in agm or (len(organised), len(ridden)) != (5, 3):
    probs.append(f"AGM: audaxes organised {len(organised)} and ridden {len(ridden)}")
sr = [m for m in MEMBERS if {a["validated_km"] for a in AXS if a["status"] == "validated" and m["ID"] in a["club_finishers"]} >= {200, 300, 400, 600}]
if [m["name"] for m in sr] != ["Desmond Outhwaite"] or "1,600 validated km" not in agm or "Super Randonneur" not in sr[0]["notes"]:
    probs.append("the Super Randonneur")
if "Rawcliffe Plate, for the most validated audax kilometres, went to " + RECOMPUTE["t37-test-042"][0] not in agm:
    probs.append("the Rawcliffe Plate is not the member with the most kilometres")
for code, org in (("AX26-01", "M121"), ("AX26-07", "M136"), ("AX26-09", "M145")):
    if ax[code]["organiser"] != org or ax[code]["name"] not in mem[org]["notes"]:
        probs.append(f"{code}: the organiser's note")

# equipment: text, costs, gifts, the news pages, the minutes
for x in EQS:
    t = x["text"]
    if not t.startswith(x["id"] + ":") or str(x["bought"]) not in t:
        probs.append(f"{x['id']}: id or year not in its text")
    if x["how"] == "bought" and (x["cost_gbp"] is None or f"GBP {x['cost_gbp']}" not in t or x["given_by"]):
        probs.append(f"{x['id']}: bought, cost")
    if x["how"] == "given" and (x["cost_gbp"] is not None or not x["given_by"] or x["given_by"] not in t):
        probs.append(f"{x['id']}: given")
    if x["deposit_gbp"] and f"deposit GBP {x['deposit_gbp']}" not in t:
        probs.append(f"{x['id']}: deposit not in its text")
    if x["condition"] not in ("new", "good", "worn", "written off"):
        probs.append(f"{x['id']}: condition {x['condition']}")
    if (x["condition"] == "written off") != (x["held_by"] is None):
        probs.append(f"{x['id']}: written off but held, or the reverse")
    if x["held_by"] and x["held_by"].startswith("M") and x["held_by"] not in mem:
        probs.append(f"{x['id']}: held by {x['held_by']}")
    for a in x["loans_2026"]:
        if a not in t:
            probs.append(f"{x['id']}: loan {a} not in its text")
        borrower = re.search(r"to (M\d{3})(?: and (M\d{3}))? for the " + re.escape(ax[a]["name"]), t)
        if borrower:
            for b in filter(None, borrower.groups()):
                if b not in ax[a]["club_finishers"]:
                    probs.append(f"{x['id']}: {b} borrowed it for {a} but did not finish it")
if eq["TL-02"]["given_by"] != f"{mem['M106']['name']} (M106)" or eq["SB-01"]["given_by"] != f"{mem['M124']['name']} (M124)":
    probs.append("the gifts against the members list")
if "gave the club its workstand" not in mem["M106"]["notes"] or "54 cm spare bike" not in mem["M124"]["notes"]:
    probs.append("the givers' notes")
if LIGHTS["Cost"] != (f"GBP {eq['LT-01']['cost_gbp']} each", f"GBP {eq['LT-04']['cost_gbp']}") or eq["LT-01"]["cost_gbp"] != eq["LT-02"]["cost_gbp"] \
        or LIGHTS["Deposit"] != (f"GBP {eq['LT-01']['deposit_gbp']}", f"GBP {eq['LT-04']['deposit_gbp']}") \
        or LIGHTS["Bought"] != (str(eq["LT-01"]["bought"]), str(eq["LT-04"]["bought"])):
    probs.append("the lights news against the equipment list")
if not eq["LT-04"]["cost_gbp"] <= 250 or "Agreed, up to GBP 250" not in cttee:
    probs.append("LT-04 within the committee's limit")
for code in ("SB-01", "SB-02", "SB-03"):
    x = eq[code]
    came, dep = BIKES["Came to the club"][int(code[-1]) - 1], BIKES["Deposit"][int(code[-1]) - 1]
    if came != f"{x['how']}, {x['bought']}" or dep != f"GBP {x['deposit_gbp']}":
        probs.append(f"{code}: the tandem news says {came}, {dep}")
if "TL-04" not in cttee or "written off" not in cttee or "lost in October 2025" not in acc:
    probs.append("TL-04's write-off")

# the Sunday rota: leaders, routes, groups, the etiquette
for r in ROTA:
    if day(r["date"]).weekday() != 6:
        probs.append(f"{r['id']}: not a Sunday")
    if mem.get(r["leader"], {}).get("leader") != "Y" or r["backmarker"] not in mem or r["backmarker"] == r["leader"]:
        probs.append(f"{r['id']}: leader {r['leader']} or backmarker {r['backmarker']}")
    route = ROUTES.get(r["route"])
    if route is None or r["group"] not in route[5].split(", "):
        probs.append(f"{r['id']}: route {r['route']} is not a group {r['group']} route")
    if r["route"] == "RT-09":
        probs.append(f"{r['id']}: the chaingang is not a Sunday route")
    if (r["status"] == "cancelled") != (r["riders"] == "0"):
        probs.append(f"{r['id']}: cancelled rides have no riders")
    if r["date"] >= NEW_RULES and int(r["riders"]) > 10 and "split" not in r["notes"]:
        probs.append(f"{r['id']}: {r['riders']} riders without a split under the 2026 etiquette")
    if r["status"] == "cancelled" and "07:30" not in r["notes"]:
        probs.append(f"{r['id']}: cancelled other than at 07:30")
if [ro[i]["date"] for i in sorted(ro)] != sorted(r["date"] for r in ROTA):
    probs.append("rota: not in date order")

# time trials: the series, the results, the records, the champions
for code, s in SERIES.items():
    rs = [r for r in RES if r["event"] == code]
    if len(rs) != int(s[5]):
        probs.append(f"{code}: {len(rs)} results, the series says {s[5]}")
    if s[4] not in mem or s[2] not in COURSES:
        probs.append(f"{code}: timekeeper or course")
    if any(r["date"] != s[1] or r["course"] != s[2] for r in rs):
        probs.append(f"{code}: a result's date or course")
    order = sorted(rs, key=lambda r: secs(r["time"]))
    if [int(r["position"]) for r in order] != list(range(1, len(rs) + 1)):
        probs.append(f"{code}: positions do not follow the times")
for r in RES:
    m = mem.get(r["rider"])
    if m is None or (r["category"] == "junior") != (m["grade"] == "junior"):
        probs.append(f"{r['id']}: rider {r['rider']} in category {r['category']}")
dist = {"CR10/1": "10 miles", "CR10/2": "10 miles", "CR25/1": "25 miles", "CRH/1": "Hill climb"}
best = {(rec[0], rec[1]): rec for rec in RECORDS}
for r in RES:
    rec = best.get((dist[r["course"]], r["category"].capitalize()))
    if rec and secs(r["time"]) < secs(rec[3]):
        probs.append(f"{r['id']}: {r['time']} beats the record {rec[3]}")
for rec in RECORDS:
    if rec[4] == "2026":
        hit = [r for r in RES if dist[r["course"]] == rec[0] and r["category"].capitalize() == rec[1]
               and r["time"] == rec[3] and mem[r["rider"]]["name"] == rec[2] and "record" in r["notes"]]
        if len(hit) != 1:
            probs.append(f"record {rec[:2]}: no 2026 result")
    if rec[2] not in by_name:
        probs.append(f"record {rec[:2]}: holder {rec[2]} not a member")
    elif not any(x in by_name[rec[2]]["notes"] for x in (rec[3], f"record from {rec[4]}", f"set in {rec[4]}")):
        probs.append(f"record {rec[:2]}: not in {rec[2]}'s note")
champ = [r for r in RES if r["event"] == "TT26-03" and r["position"] == "1"][0]
if CHAMPS[2026][1:3] != [mem[champ["rider"]]["name"], champ["time"]] or "championship" not in SERIES["TT26-03"][0] + page("time-trials/courses-and-series-2026.md"):
    probs.append("the 2026 champion against TT26-03")
wins = collections.Counter(r[1] for r in CHAMPS.values())
if wins["Osian Grimshaw"] != 6 or "six times" not in mem["M127"]["notes"]:
    probs.append(f"Osian Grimshaw's titles: {wins['Osian Grimshaw']}")
for name, m in by_name.items():
    for y in re.findall(r"club 10-mile champion (?:in )?(\d{4}(?: and \d{4})*)", m["notes"]):
        for yy in re.findall(r"\d{4}", y):
            if CHAMPS[int(yy)][1] != name:
                probs.append(f"{name}: champion in {yy}?")
if sorted(CHAMPS) != list(range(2015, 2027)) or CHAMPS[2020][1] != "not held":
    probs.append("champions: 2015-2026, none in 2020")
if "Jessop Cup, for the most improved time-triallist, to Ottilie Waterhouse" not in agm \
        or "took the club 10-mile record to 20:48 on 14 July" not in agm:
    probs.append("the AGM's time-trial season")

# kit orders: totals, prices by supplier and date
for k in KIT:
    if int(k["qty"]) * int(k["unit_gbp"]) != int(k["total_gbp"]):
        probs.append(f"{k['id']}: total")
    old, new = KITP[k["item"]] if k["item"] != "socks" else KITP["socks, a pair"]
    if k["supplier"] == "Tarnfield Sportswear":
        if k["ordered"] > "2026-03-31" or int(k["unit_gbp"]) != old:
            probs.append(f"{k['id']}: Tarnfield order or price")
    elif k["supplier"] == "Dunnockshaw Apparel":
        if k["ordered"] < NEW_CHARGES or int(k["unit_gbp"]) != new:
            probs.append(f"{k['id']}: Dunnockshaw order or price")
    else:
        probs.append(f"{k['id']}: supplier")
    if k["member"] not in mem or (k["paid"] == "N" and k["delivered"]):
        probs.append(f"{k['id']}: member, or delivered unpaid")
if "Dunnockshaw Apparel from 1 May 2026" not in cttee or ABOUT["Kit supplier"] != "Tarnfield Sportswear":
    probs.append("the kit supplier change")

# fees: histories without gaps, the 2019 page, the prices, the minutes, the AGM, the accounts
for name, tab in (("subscription", SUBS), ("time-trial entry", TTFEE)):
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"{name}: gap or overlap between {a[1]} and {b[0]}")
    if tab[-1][1]:
        probs.append(f"{name}: the last period has an end")
if (rate_on(SUBS, "2019-06-15"), rate_on(SUBS, "2025-06-01"), rate_on(SUBS, "2026-06-01"), rate_on(SUBS, "2027-01-01")) \
        != (gbp(ABOUT["Full subscription"].split(" a ")[0]), gbp(GRADES["Full"][0]), gbp(GRADES["Full"][1]), 35):
    probs.append("the subscription history against the 2019 page and the prices")
if "proposed a full subscription of GBP 36" not in agm or "amendment to GBP 35" not in agm \
        or "set the full subscription for 2027 at GBP 35; the committee had proposed GBP 36" not in flat("prices/fees-2026.md"):
    probs.append("the 2027 subscription")
if (rate_on(TTFEE, "2019-06-15"), rate_on(TTFEE, "2026-04-30"), rate_on(TTFEE, NEW_CHARGES)) != \
        (gbp(ABOUT["Time-trial entry"].split(" a ")[0]), gbp(CHARGES["Time-trial entry, a member, a ride"][0]),
         gbp(CHARGES["Time-trial entry, a member, a ride"][1])):
    probs.append("the time-trial entry history against the 2019 page and the prices")
if "from GBP 3 to GBP 4 a ride" not in cttee or "from GBP 5 to GBP 6" not in cttee or "from GBP 15 to GBP 20" not in cttee:
    probs.append("the minutes against the charges")
if CHARGES["Clubroom hire, another club, an evening"] != ("GBP 15", "GBP 20") \
        or CHARGES["Time-trial entry, a non-member, a ride"] != ("GBP 5", "GBP 6"):
    probs.append("the charges table")

# the accounts for 2025
lines = {}
for label, n, rate, amount in re.findall(r"^\s+([A-Za-z][A-Za-z0-9 -]*?)\s+(\d+) x (\d+)\s+([\d,]+)$", acc, re.M):
    lines[label.strip()] = (int(n), int(rate), num(amount))
    if int(n) * int(rate) != num(amount):
        probs.append(f"accounts: {label} {n} x {rate} != {amount}")
for g in ("Full", "Family", "Junior", "Second-claim"):
    if lines[g][1] != gbp(GRADES[g if g != "Junior" else "Junior (under 18)"][0]):
        probs.append(f"accounts: {g} rate against the 2025 prices")
if lines["Members"][1] != rate_on(TTFEE, "2025-06-01") or lines["Non-members"][1] != gbp(CHARGES["Time-trial entry, a non-member, a ride"][0]):
    probs.append("accounts: time-trial rates")


def amount(label: str) -> int:
    return num(re.search(r"^\s*" + re.escape(label) + r"\s+([\d,]+)\s*$", acc, re.M).group(1))


subs = sum(lines[g][2] for g in ("Full", "Family", "Junior", "Second-claim"))
tts = lines["Members"][2] + lines["Non-members"][2]
auds = sum(lines[n][2] for n in ("Winter Warmer 100", "Hagglestone Hundred", "Calderbrook Dawn 400", "Autumn Leaves 100"))
hire = num(re.search(r"Clubroom hire to other clubs, (\d+) x (\d+)\s+(\d+)", acc).group(3))
if (amount("Subscriptions total"), amount("Time-trial entries total"), amount("Audax entries total")) != (subs, tts, auds):
    probs.append("accounts: subtotals")
income = subs + tts + auds + amount("Kit commission (Tarnfield Sportswear)") + hire
costs = sum(amount(c) for c in ("Insurance", "Audax validation fees and controls", "Time-trial course signs and timing",
                                "Equipment repairs", "Trophies and engraving")) + amount("12 months x 40")
if (income, costs) != (amount("TOTAL INCOME"), amount("TOTAL COSTS")) or amount("12 months x 40") != 480:
    probs.append(f"accounts: income {income}, costs {costs}")
if amount("SURPLUS FOR THE YEAR") != income - costs or amount("Reserves at 31 December 2025") != amount("Reserves at 1 January 2025") + income - costs:
    probs.append("accounts: surplus and reserves")
if f"income GBP {income:,}, costs GBP {costs:,}, a surplus of GBP {income - costs:,} and reserves of GBP {amount('Reserves at 31 December 2025'):,}" not in cttee:
    probs.append("accounts against the minutes")
if "Winifred Zorab" not in acc or "examined on 14 February by Winifred Zorab" not in cttee:
    probs.append("the examiner")

# the two sets of ride etiquette
if set(E20) != set(E26) or any(E26[k][0] != v for k, v in E20.items()):
    probs.append("the 2026 etiquette's 2020 column against the 2020 page")
if "no more than 10 riders" not in E26["Group size"][1] or "no more than 12 riders" not in E20["Group size"]:
    probs.append("group sizes")
if "A at 08:30" not in E26["Start"][1] or ABOUT["Club runs"].split(" from")[0] != "Sundays at 09:00":
    probs.append("start times")

# offices: histories without gaps, on November Saturdays, against the officers, the members, the 2019 page
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
    if tab[-1][1]:
        probs.append(f"{name}: the last holder has an end")
for post, tab in (("Chair", CHAIRS), ("Secretary", SECS), ("Treasurer", TREAS)):
    if OFFICERS[post][1] != tab[-1][2] or OFFICERS[post][3] != tab[-1][0][:4]:
        probs.append(f"{post}: officers page against the history")
    if ABOUT[post] != holder(tab, "2019-06-15"):
        probs.append(f"{post}: the 2019 page says {ABOUT[post]}, the history {holder(tab, '2019-06-15')}")
for post, r in OFFICERS.items():
    if mem.get(r[2], {}).get("name") != r[1]:
        probs.append(f"{post}: {r[1]} is not {r[2]}")
for m in MEMBERS:
    for post, tab in (("chair", CHAIRS), ("secretary", SECS), ("treasurer", TREAS)):
        for a, b in re.findall(post + r" (\d{4})-(\d{4})", m["notes"]):
            hit = [r for r in tab if r[2] == m["name"] and r[0][:4] == a and r[1][:4] == b]
            if not hit:
                probs.append(f"{m['ID']}: {post} {a}-{b} not in the history")
        if re.search(post + r" since the AGM of", m["notes"]) and tab[-1][2] != m["name"]:
            probs.append(f"{m['ID']}: {post} now?")
if holder(CHAIRS, "2026-03-07") != "Gideon Barraclough" or "Gideon Barraclough (chair)" not in cttee \
        or f"{holder(CHAIRS, AGM_DAY)} was elected chair" not in agm:
    probs.append("chairs against the minutes")
if "Tamsin Scholefield was elected chair and Yusuf Ainscough treasurer" not in agm or holder(TREAS, "2025-12-31") != "Tamsin Scholefield" \
        or "Prepared by the treasurer, Tamsin Scholefield" not in acc:
    probs.append("treasurers against the AGM and the accounts")
if "33 members present" not in agm or 19 + 14 > 33:
    probs.append("AGM votes")

# comparison facts, recomputed
cmp_facts = {
    "t37-dev-023": num(ROUTES["RT-04"][3]) > num(ROUTES["RT-02"][3]),
    "t37-dev-024": ax["AX26-01"]["finishers"] > ax["AX26-09"]["finishers"],
    "t37-dev-025": int(mem["M115"]["joined"]) < int(mem["M118"]["joined"]),
    "t37-dev-026": eq["LT-04"]["deposit_gbp"] > eq["GP-01"]["deposit_gbp"],
    "t37-dev-027": int(ko["ko-09"]["total_gbp"]) > int(ko["ko-06"]["total_gbp"]),
    "t37-test-035": num(ROUTES["RT-10"][2]) > num(ROUTES["RT-07"][2]),
    "t37-test-036": ax["AX26-07"]["entrants"] > ax["AX26-10"]["entrants"],
    "t37-test-037": int(mem["M166"]["joined"]) < int(mem["M172"]["joined"]),
    "t37-test-038": secs(res["tt26-03"]["time"]) < secs(res["tt26-04"]["time"]),
    "t37-test-039": eq["TL-01"]["cost_gbp"] > eq["LT-03"]["cost_gbp"],
    "t37-test-040": secs(ax["AX26-04"]["time_limit"].replace("h", ":")) > secs(ax["AX26-07"]["time_limit"].replace("h", ":")),
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
