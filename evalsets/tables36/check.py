"""Checks for evalsets/tables36 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 23, 107
PREFIX = "t36"


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
GRADED = [f"people/members#{m}" for m in ("CM002", "CM006", "CM009", "CM013", "CM017", "CM021", "CM024", "CM028",
                                          "CM031", "CM035", "CM038", "CM042", "CM045", "CM053", "CM056", "CM060",
                                          "CM063", "CM066")]
COSTED = [f"equipment/equipment#{e}" for e in ("MA-01", "MA-03", "BL-01", "BL-02", "HP-01", "HP-02", "HP-03", "HP-04",
                                               "MW-01", "MW-02")]
ABSENT = {
    "t36-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The postcode of Marbury Gardens is TR7 4QX."),
    "t36-dev-039": ([(r"^\| 2011 \|", []),
                     (r"(Marbury Cup|won|champion)[^\n.]{0,40}\b2011\b", [])],
                    "Gwilym Trevethan won the Marbury Cup in 2011:\n| 2011 | Gwilym Trevethan | Agnes Pellew | +5 |"),
    "t36-dev-040": ([(r"(BL-03|Jellicoe Club)[^\n.]{0,60}\b(cost|costs|paid|bought for|price)\b[^\n.]{0,30}GBP ?\d", []),
                     (r"\b(cost|paid|price)\b[^\n.]{0,30}GBP ?\d[^\n.]{0,60}(BL-03|Jellicoe Club)", []),
                     (r"\"cost_gbp\": \d", COSTED)],
                    "The Jellicoe Club balls cost GBP 180 new; they were bought for GBP 180 as BL-03; \"cost_gbp\": 180."),
    "t36-dev-041": ([(r"Heptonstall Trophy[^\n.]{0,80}\b2025\b|\b2025\b[^\n.]{0,80}Heptonstall Trophy", []),
                     (r"won the Heptonstall Trophy", ["people/members#CM045", "handicaps/handicap-changes#hc-15"]),
                     (r"won the Heptonstall Trophy[^\n]{0,40}\b2025\b", None)],
                    "Cecily Nutbeam won the Heptonstall Trophy in 2025."),
    "t36-dev-042": ([(r"insurance[^\n]{0,80}\b2024\b|\b2024\b[^\n]{0,80}insurance", []),
                     (r"Accounts for the year 1 January to 31 December 2024", [])],
                    "Insurance in 2024 was GBP 360. Accounts for the year 1 January to 31 December 2024"),
    "t36-dev-043": ([(r"\bgrade\b[^\n]{0,60}\b(2024|2025)\b|\b(2024|2025)\b[^\n]{0,60}\bgrade\b", [])],
                    "Tom Hackworth's AC grade at the start of 2025 was 2075."),
    "t36-dev-044": ([(r"\bbk26-(1[3-9]|[2-9]\d)\b", []),
                     (r"\bLawn 1\b[^\n]{0,80}\bOctober 2026\b|\bOctober 2026\b[^\n]{0,80}\bLawn 1\b", []),
                     (r"^date: 2026-10-\d\d", [])],
                    "bk26-13: Lawn 1 was booked in October 2026 by CM031.\ndate: 2026-10-03"),
    "t36-dev-045": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", []),
                     (r"\b(phone|telephone|tel)\b", [])],
                    "The pavilion's telephone number is 01632 960 118."),
    "t36-test-059": ([(r"\bwww\.|https?://|\.org\.uk|\.co\.uk|\bweb ?site\b", [])],
                     "The club's website is www.aldermoorcroquet.org.uk."),
    "t36-test-060": ([(r"\| 2018 \|", ["history/champions", "people/officers"]),
                      (r"\| 2018 \| [^|\n]+ \| [^|\n]+ \| 7-\d", None),
                      (r"(golf croquet|GC)[^\n.]{0,40}(singles|championship)[^\n.]{0,40}\b2018\b", [])],
                     "| 2018 | Nerys Llewellin | Tom Hackworth | 7-5 |; she won the Golf Croquet Singles Championship in 2018"),
    "t36-test-061": ([(r"\b2011-\d\d-\d\d\b", []),
                      (r"(subscription|GBP)[^\n.]{0,60}\b2011\b|\b2011\b[^\n.]{0,60}subscription", [])],
                     "In 2011 the subscription was GBP 90 (from 2011-01-01)."),
    "t36-test-062": ([(r"\bweigh(s|ed|t)?\b", []),
                      (r"\b\d+(\.\d+)? ?(kg|kilos?|kilograms?|lbs?)\b", [])],
                     "The Tolputt RC-34 weighs 92 kg."),
    "t36-test-063": ([(r"handicapper (before|until|from 20\d\d to)", []),
                      (r"handicapper[^\n.]{0,30}\b(200\d|201[0-3])\b", []),
                      (r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+) was (the )?(club )?handicapper", [])],
                     "Hugh Quilliam was handicapper before Tom Hackworth, handicapper from 2010 to 2014."),
    "t36-test-064": ([(r"ac grade: \d", GRADED),
                      (r"\"ac_grade\": \d", GRADED),
                      (r"Martha Goodbody[^\n.]{0,60}\bgrade\b|\bgrade\b[^\n.]{0,60}Martha Goodbody", [])],
                     "Martha Goodbody's AC grade is 1010; ac grade: 1010; \"ac_grade\": 1010"),
    "t36-test-065": ([(r"practice hoops[^\n.]{0,80}(GBP ?\d|\bcost)|(GBP ?\d|\bcost)[^\n.]{0,80}practice hoops", [])],
                     "The practice hoops cost GBP 95."),
    "t36-test-066": ([(r"contractor,? (?-i:[A-Z])|contractor (was|is|called|named)\b", []),
                      (r"\b(Ltd|Limited|& Sons|Turf Care|Groundcare|Landscapes)\b", [])],
                     "The contractor, Pendry Turf Care Ltd, did it; the contractor was Pendry."),
    "t36-test-067": ([(r"\b200\d\b[^\n]{0,60}\bchair|\bchair[^\n]{0,60}\b200\d\b", []),
                      (r"^\| 200\d-", [])],
                     "In 2008 the chair was Agnes Pellew:\n| 2008-10-18 | 2010-10-16 | Agnes Pellew |"),
    "t36-test-068": ([(r"Green fees\s+GBP", ["notes/accounts-2025"]),
                      (r"Accounts for the year 1 January to 31 December 2026", []),
                      (r"green fees?[^\n.]{0,60}\b2026\b[^\n.]{0,30}GBP ?\d|\b2026\b[^\n.]{0,40}green fees[^\n.]{0,30}GBP ?\d", [])],
                     "Green fees in 2026 came to GBP 1,104. Accounts for the year 1 January to 31 December 2026: Green fees GBP 1,104"),
    "t36-test-069": ([(r"Pellew Salver[^\n]{0,80}\b2025\b|\b2025\b[^\n]{0,80}Pellew Salver", [])],
                     "The Pellew Salver final in 2025 was won 7-3."),
    "t36-test-070": ([(r"Spring Handicap[^\n.]{0,40}\b2025\b|\b2025\b[^\n.]{0,40}Spring Handicap", []),
                      (r"won the Spring Handicap", ["people/members#CM063", "handicaps/handicap-changes#hc-07"]),
                      (r"won the Spring Handicap (in )?2025", None)],
                     "Anton Zakrzewski won the Spring Handicap 2025."),
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


def bullets(rel: str, heading: str | None = None) -> dict[str, str]:
    text = page(rel)
    if heading is not None:
        text = text.split("## " + heading + "\n", 1)[1].split("\n## ", 1)[0]
    return {k.strip(): v.strip() for k, v in re.findall(r"^- ([^:\n]+): (.+)$", text, re.M)}


def html_tables(rel: str) -> dict[str, list[list[str]]]:
    out = {}
    for h2, body in re.findall(r"<h2>([^<]+)</h2>(.*?)(?=<h2>|</body>)", page(rel), re.S):
        out[h2] = [[c.replace("&amp;", "&") for c in re.findall(r"<td>([^<]*)</td>", tr)]
                   for tr in re.findall(r"<tr>(.*?)</tr>", body) if "<td>" in tr]
    return out


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def num(s: str) -> float:
    return float(s.replace(",", "").replace("GBP", "").strip())


def holder(tab: list[list[str]], when: str) -> str:
    """Who held an office on a date, from a From/To/Name table (the "To" day is the next one's)."""
    hit = [r[2] for r in tab if r[0] <= when and (not r[1] or when < r[1])]
    return hit[0] if len(hit) == 1 else f"{hit}"


def rate_on(tab: list[list[str]], when: str) -> int:
    hit = [int(r[2]) for r in tab if r[0] <= when and (not r[1] or when <= r[1])]
    return hit[0] if len(hit) == 1 else -1


def hcp(v: str) -> float | None:
    return float(v) if v.strip() else None


MEMBERS = rows("people/members.csv")
HCL = rows("handicaps/handicap-changes.csv")
RES = rows("competitions/results-2026.csv")
BOOK = rows("lawns/bookings-2026.csv")
EQ = rows("equipment/equipment.jsonl")
COMP = rows("competitions/competitions.jsonl")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
hc = {r["id"]: r for r in HCL}
res = {r["id"]: r for r in RES}
bk = {r["id"]: r for r in BOOK}
eq = {e["id"]: e for e in EQ}
cp = {c["id"]: c for c in COMP}

OFFICERS = {r[0]: r for r in table("people/officers.md", "Post")}
CHAIRS = table("history/officers-history.md", "From", 0)
SECS = table("history/officers-history.md", "From", 1)
TREAS = table("history/officers-history.md", "From", 2)
SUBS = table("history/fees.md", "From", 0)
GREEN = table("history/fees.md", "From", 1)
FEES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026.md", "Membership")}
CHARGES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026.md", "Charge")}
ENTRY = bullets("prices/fees-2026.md", "Tournament entries")
R19 = {r[0]: r[1] for r in table("rules/lawn-regulations-2019.md", "Item")}
R26 = {r[0]: (r[1], r[2]) for r in table("rules/lawn-regulations-2026.md", "Item")}
LAWNS = {r[0]: r for r in table("lawns/lawns.md", "Lawn")}
LFIG = bullets("lawns/lawns.md", "The lawns in figures")
ACFIX = table("competitions/fixtures-2026.md", "Date", 0)
ACTAB = {r[0]: r for r in table("competitions/fixtures-2026.md", "Club", 0)}
GCFIX = table("competitions/fixtures-2026.md", "Date", 1)
GCTAB = {r[0]: r for r in table("competitions/fixtures-2026.md", "Club", 1)}
COACH = table("coaching/coaching-log-2026.md", "No.")
MOWER = {r[0]: (r[1], r[2]) for r in table("news/2026-04-new-mower.md", "")}
HOOPS = {r[0]: (r[1], r[2]) for r in table("news/2026-06-new-hoops.md", "")}
ABOUT = bullets("about.md")
CH = html_tables("history/champions.html")
CUP = {int(r[0]): r for r in CH["Marbury Cup"]}
GCS = {int(r[0]): r for r in CH["Golf Croquet Singles Championship"]}
agm = flat("meetings/2026-10-10-agm.md")
cttee = flat("meetings/2026-03-14-committee.md")
acc_text = page("notes/accounts-2025.txt")
NEW_HOOPS = day("2026-06-02")
NEW_CHARGES = "2026-05-01"
REGS_START = "2026-04-01"

# ------------------------------------------------------------------ filters and counts

def coach_hours() -> collections.Counter:
    c = collections.Counter()
    for r in COACH:
        c[r[2]] += float(r[7])
    return c


RECOMPUTE = {
    "t36-dev-028": str(sum(e["how"] == "given" for e in EQ)),
    "t36-test-041": str(sum(c["game"] == "GC" for c in COMP)),
    "t36-dev-029": [e["id"] for e in EQ if e["condition"] == "written off"],
    "t36-dev-030": [m["name"] for m in MEMBERS if m["type"] == "junior"],
    "t36-dev-031": [c["id"] for c in COMP if c["status"] == "cancelled"],
    "t36-dev-032": [r["id"] for r in BOOK if r["paid"] == "N"],
    "t36-test-042": [m["name"] for m in MEMBERS if m["coach"] == "Y" and m["lawn_rota"] == "Y"],
    "t36-test-043": [m["name"] for m in MEMBERS if m["type"] == "full" and m["paid_2026"] == "N"],
    "t36-test-044": [e["id"] for e in EQ if e["kind"] == "hoop set" and e["condition"] == "worn"],
    "t36-test-045": [r["id"] for r in HCL if r["authorised_by"] != OFFICERS["Handicapper"][2]],
    "t36-test-046": [r["id"] for r in BOOK if r["group"] and r["fee_gbp"] == "0"],
    "t36-test-047": [c["id"] for c in COMP if c["kind"] == "inter-club" and c["winner"] == "Aldermoor"],
    "t36-test-048": [m["name"] for m in MEMBERS if m["ac_grade"] and int(m["ac_grade"]) == max(int(x["ac_grade"]) for x in MEMBERS if x["ac_grade"])],
    "t36-test-049": [m["name"] for m in MEMBERS if m["type"] == "country" and m["joined"] == "2022"],
    "t36-test-050": [k for k, v in coach_hours().items() if v == max(coach_hours().values())],
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
if sorted(by_id["t36-dev-028"].evidence) != sorted(f"equipment/equipment#{e['id']}" for e in EQ if e["how"] == "given") \
        or sorted(by_id["t36-test-041"].evidence) != sorted(f"competitions/competitions#{c['id']}" for c in COMP if c["game"] == "GC"):
    probs.append("the derived counts' evidence is not the rows counted")
if mem["CM028"]["name"] not in by_id["t36-test-050"].answers:
    probs.append("t36-test-050: the coach's name is not a gold")
check("filter answers and derived counts recomputed from the record files and tables", probs)

# ------------------------------------------------------------------ consistency of the wiki

probs = []

# members: order, types, fees paid, handicaps, coaches
if [m["ID"] for m in MEMBERS] != sorted(mem) or len(MEMBERS) != 24:
    probs.append("members: 24 rows in member-number order")
for m in MEMBERS:
    if m["type"] not in ("full", "country", "social", "junior", "honorary"):
        probs.append(f"{m['ID']}: type {m['type']}")
    if (m["paid_2026"] == "free") != (m["type"] == "honorary"):
        probs.append(f"{m['ID']}: paid column against the type")
    if (m["type"] == "social") != (not m["ac_handicap"] and not m["gc_handicap"]):
        probs.append(f"{m['ID']}: social members have no handicaps, players have both")
    if m["ac_grade"] and int(m["joined"]) >= 2023:
        probs.append(f"{m['ID']}: a grade without enough games")
    if m["coach"] == "Y" and m["type"] == "social":
        probs.append(f"{m['ID']}: a social coach")
coaches = sorted(m["ID"] for m in MEMBERS if m["coach"] == "Y")
coach_line = flat("people/officers.md").split("Club coaches for 2026-27: ")[1].split(".")[0]
if sorted(by_name[n.strip()]["ID"] for n in re.split(r", | and ", coach_line)) != coaches:
    probs.append(f"coaches on the officers page against the members list {coaches}")
for o in OFFICERS.values():
    if o[2] != "-" and (o[2] not in mem or mem[o[2]]["name"] != o[1]):
        probs.append(f"officer {o[0]}: {o[1]} is not {o[2]}")
paid = collections.Counter(m["paid_2026"] for m in MEMBERS)
if (paid["Y"], paid["N"]) != (21, 2) or "Twenty-one members have paid for 2026 and two have not" not in agm:
    probs.append(f"paid for 2026 against the AGM {dict(paid)}")

# the handicap-change log against the members' handicaps, the competitions and the officers
chain: dict[tuple[str, str], float | None] = {}
for r in HCL:
    d = day(r["date"])
    key = (r["member"], r["game"])
    if r["member"] not in mem or r["game"] not in ("AC", "GC") or d.weekday() != 5:
        probs.append(f"{r['id']}: member, game or day")
        continue
    old = hcp(r["old"])
    if key in chain and chain[key] != old:
        probs.append(f"{r['id']}: old {old}, the log before gives {chain[key]}")
    if (old is None) != r["reason"].startswith("first handicap"):
        probs.append(f"{r['id']}: a first handicap with an old one, or the reverse")
    if old is None and int(mem[r["member"]]["joined"]) > d.year:
        probs.append(f"{r['id']}: before the member joined")
    chain[key] = hcp(r["new"])
    want = OFFICERS["Handicapper"][2] if r["member"] != OFFICERS["Handicapper"][2] else by_name[holder(CHAIRS, r["date"])]["ID"]
    if r["authorised_by"] != want:
        probs.append(f"{r['id']}: authorised by {r['authorised_by']}, want {want}")
    code = re.search(r"\((CP26-\d\d)\)", r["reason"])
    if code:
        c = cp[code.group(1)]
        if c["winner"] != r["member"] or day(c["end"]) >= d or (d - day(c["end"])).days > 14 or c["game"] != r["game"] \
                or c["name"] not in r["reason"]:
            probs.append(f"{r['id']}: not the winner of {c['id']} a little before")
        if c["game"] == "AC" and "handicap" not in c["format"] or c["game"] == "GC" and "handicap" not in c["format"]:
            probs.append(f"{r['id']}: a level-play event moved a handicap")
    elif r["reason"].startswith("won"):
        probs.append(f"{r['id']}: a win without a code")
    if old is not None and r["reason"].startswith(("automatic", "won")) and not hcp(r["new"]) < old:
        probs.append(f"{r['id']}: a win that did not bring the handicap down")
for (m, g), v in chain.items():
    if hcp(mem[m]["ac_handicap" if g == "AC" else "gc_handicap"]) != v:
        probs.append(f"{m} {g}: the log ends at {v}, the members list says otherwise")
if [r["date"] for r in HCL] != sorted(r["date"] for r in HCL) or "the handicapper's own change is confirmed by the chair" != hc["hc-05"]["notes"] \
        or "signs every change except his own, which the chair confirms" not in flat("people/officers.md") \
        or any(hc[k]["date"] != "2026-05-02" for k in ("hc-08", "hc-09", "hc-10", "hc-11")) or COACH[3][1] != "2026-05-02" \
        or "first handicaps" not in COACH[3][6] or hc["hc-03"]["new"] != "22" or mem["CM071"]["type"] != "junior":
    probs.append("the handicap log against the officers and the coaching log")

# results against the competitions, the members, the champions and the notes
for r in RES:
    c = cp.get(r["competition"])
    if c is None or not c["start"] <= r["date"] <= c["end"] or r["lawn"] not in c["lawns"] or r["game"] != c["game"] \
            or r["id"] not in c["results"] or c["status"] != "played":
        probs.append(f"{r['id']}: against its competition")
        continue
    for side in (r["winner"], r["loser"]):
        if any(p not in mem or mem[p]["type"] == "social" for p in side.split(" and ")):
            probs.append(f"{r['id']}: player {side}")
    if r["game"] == "AC" and not re.fullmatch(r"\+\d{1,2}(tp)?", r["score"]) or r["game"] == "GC" and not re.fullmatch(r"7-[0-6]", r["score"]):
        probs.append(f"{r['id']}: score {r['score']}")
    if r["round"] == "final" and (r["winner"] != c["winner"] or r["loser"] != c["runner_up"] or r["score"] not in c["text"]):
        probs.append(f"{r['id']}: the final against {c['id']}")
for c in COMP:
    got = sorted(r["id"] for r in RES if r["competition"] == c["id"])
    if sorted(c["results"]) != got or not c["text"].startswith(c["id"] + ": "):
        probs.append(f"{c['id']}: results {c['results']}, the file gives {got}")
    if c["manager"] not in mem or any(b not in eq or eq[b]["kind"] != "ball set" for b in c["balls"]):
        probs.append(f"{c['id']}: manager or balls")
    if c["kind"] == "club":
        fee = [ENTRY[{"Spring Handicap": "Spring and Autumn Handicaps", "Autumn Handicap": "Spring and Autumn Handicaps"}.get(c["name"], c["name"])]]
        if (f"GBP {c['entry_fee_gbp']}" not in fee[0] if c["entry_fee_gbp"] else fee[0] != "free"):
            probs.append(f"{c['id']}: entry fee {c['entry_fee_gbp']} against the prices page {fee}")
        if c["status"] == "played" and not any(r["round"] == "final" for r in RES if r["competition"] == c["id"]):
            probs.append(f"{c['id']}: played without a final")
    if any(day(d).weekday() != 5 for d in (c["start"],)) or c["end"] < c["start"]:
        probs.append(f"{c['id']}: dates")
cup26 = res["r26-10"]
if (CUP[2026][1], CUP[2026][2], CUP[2026][3]) != (mem[cup26["winner"]]["name"], mem[cup26["loser"]]["name"], cup26["score"]) \
        or (GCS[2026][1], GCS[2026][2], GCS[2026][3]) != (mem[res["r26-07"]["winner"]]["name"], mem[res["r26-07"]["loser"]]["name"], res["r26-07"]["score"]) \
        or max(y for y, r in CUP.items() if y < 2026 and r[3].endswith("tp")) != 2022 or "since 2022" not in cup26["notes"] \
        or CUP[2020][1] != "not played" or GCS[2020][1] != "not played" or min(GCS) != 2019 or sorted(CUP) != list(range(2012, 2027)) \
        or "Tom Hackworth won the Marbury Cup for the sixth time, with a triple peel in the final" not in agm:
    probs.append("the champions page against the 2026 results and the AGM")
for m in MEMBERS:
    for what, tab in (("Marbury Cup", CUP), ("GC singles champion", GCS)):
        hit = re.search(what + r" ((?:\d{4}(?:, | and )?)+)", m["notes"])
        years = sorted(int(y) for y in re.findall(r"\d{4}", hit.group(1))) if hit else []
        if years != sorted(y for y, r in tab.items() if r[1] == m["name"]):
            probs.append(f"{m['ID']}: {what} {years} against the champions page")
for y, r in list(CUP.items()) + list(GCS.items()):
    for n in r[1:3]:
        if n in by_name and int(by_name[n]["joined"]) > y:
            probs.append(f"champions {y}: {n} had not joined")
for k, phrase in (("CM063", "won the Spring Handicap 2026"), ("CM056", "runner-up in the Spring Handicap 2026"),
                  ("CM045", "won the Heptonstall Trophy"), ("CM068", "won the Autumn Handicap 2026"),
                  ("CM071", "won the Novices' Golf Croquet 2026"), ("CM075", "runner-up in the Autumn Handicap 2026"),
                  ("CM053", "won the Pellew Salver with Elspeth Sandiford in 2026")):
    if phrase not in mem[k]["notes"]:
        probs.append(f"{k}: notes lack {phrase!r}")
if (cp["CP26-01"]["winner"], cp["CP26-01"]["runner_up"], cp["CP26-10"]["winner"], cp["CP26-08"]["winner"], cp["CP26-08"]["runner_up"],
        cp["CP26-03"]["winner"], cp["CP26-07"]["winner"]) != ("CM063", "CM056", "CM045", "CM068", "CM075", "CM071", "CM053 and CM068") \
        or "CM053" not in mem["CM068"]["notes"] and "Harold Wrathall" not in mem["CM068"]["notes"] \
        or "14 in 2026" not in mem["CM071"]["notes"] or "under 14s only with an adult member" not in R26["Juniors"][1] \
        or "GBP 4 a player" != ENTRY["Pellew Salver"] or "GBP 4 a player" not in cp["CP26-07"]["text"]:
    probs.append("the winners against the members' notes")
if cp["CP26-09"]["status"] != "cancelled" or "40 mm of rain on 7 August" not in cp["CP26-09"]["text"] \
        or "fixed a friendly against Hexthorpe Abbey for Saturday 8 August" not in cttee or "lost to the rain" not in agm \
        or any(r["date"] == "2026-08-08" for r in BOOK) or cp["CP26-09"]["results"]:
    probs.append("the cancelled friendly against the minutes, the AGM and the bookings")

# which hoops were on which lawn, and the equipment's used_for
def hoops_on(lawn: str, when: str) -> str | None:
    new = day(when) >= NEW_HOOPS
    return {"Lawn 1": "HP-04" if new else "HP-01", "Lawn 2": "HP-02", "Lawn 3": "HP-03", "Lawn 4": "HP-01" if new else None}[lawn]


def play_days(c: dict) -> list[str]:
    if c["status"] != "played":
        return []
    if c["id"] == "CP26-05":
        return [r[0] for r in ACFIX if r[2] == "home"]
    if c["id"] == "CP26-06":
        return [r[0] for r in GCFIX if r[2] == "home"]
    d0, d1 = day(c["start"]), day(c["end"])
    return [str(d0 + datetime.timedelta(n)) for n in range((d1 - d0).days + 1)]


hoop_use = collections.defaultdict(set)
for c in COMP:
    for d in play_days(c):
        for lawn in c["lawns"]:
            h = hoops_on(lawn, d)
            if h:
                hoop_use[h].add(c["id"])
for e in EQ:
    if not e["text"].startswith(e["id"] + ": "):
        probs.append(f"{e['id']}: text")
    if e["kind"] == "ball set":
        want = sorted(c["id"] for c in COMP if e["id"] in c["balls"])
    elif e["kind"] == "hoop set":
        want = sorted(hoop_use[e["id"]])
    else:
        want = sorted(e["used_for"])
    if sorted(e["used_for"]) != want:
        probs.append(f"{e['id']}: used_for {e['used_for']}, the competitions give {want}")
    if any(c not in e["text"] for c in e["used_for"]):
        probs.append(f"{e['id']}: a competition not named in its text")
    if (e["how"] == "bought") != (e["cost_gbp"] is not None) or (e["how"] == "given") != bool(e["given_by"]):
        probs.append(f"{e['id']}: bought or given")
    if e["cost_gbp"] and f"GBP {e['cost_gbp']:,}" not in e["text"]:
        probs.append(f"{e['id']}: cost not in its text")
    if e["kind"] == "hoop set" and (e["lawn"] != e["location"] or e["id"] not in LAWNS[e["lawn"]][2].split(" ")[0]):
        probs.append(f"{e['id']}: on {e['lawn']}, the lawns page says otherwise")
if "MA-03" not in [e["id"] for e in EQ if "CP26-03" in e["used_for"]] or "Josh Wrathall played with it" not in eq["MA-03"]["text"] \
        or "Agnes Pellew (CM002)" != eq["MA-02"]["given_by"] or "Kingsmere Park" not in eq["BL-03"]["given_by"] \
        or "Kingsmere Park" not in {r[1] for r in ACFIX} | {r[1] for r in GCFIX}:
    probs.append("the equipment's givers and mallets")

# the mower and the hoops: news against the equipment list, the minutes and the AGM
mw1, mw2 = eq["MW-01"], eq["MW-02"]
if MOWER["Make and model"] != (mw1["make_model"].split(",")[0], mw2["make_model"].split(",")[0]) \
        or MOWER["Width of cut"][0] not in mw1["make_model"] or MOWER["Width of cut"][1] not in mw2["make_model"] \
        or MOWER["Bought"] != (f"{mw1['bought']}, GBP {mw1['cost_gbp']:,}", f"{mw2['bought']}, GBP {mw2['cost_gbp']:,}") \
        or f"{MOWER['Blades on the cylinder'][0]}-blade" not in mw1["make_model"] or f"{MOWER['Blades on the cylinder'][1]}-blade" not in mw2["make_model"] \
        or MOWER["Engine"][1] not in mw2["make_model"] or MOWER["Engine"][0] not in mw1["make_model"] \
        or "sold for parts for GBP 150" not in MOWER["Fate"][0] or "sold for parts for GBP 150" not in mw1["text"] \
        or "GBP 1,900" not in cttee or "GBP 1,900" not in mw1["text"] or f"Tolputt RC-34 (MW-02) at GBP {mw2['cost_gbp']:,}" not in cttee \
        or "6 March" not in MOWER["Fate"][0] or "Friday 6 March" not in cttee or day("2026-03-06").weekday() != 4 \
        or "delivered on 2 April 2026" not in mw2["text"] or "Thursday 2 April 2026" not in flat("news/2026-04-new-mower.md") \
        or day("2026-04-02").weekday() != 3 or "The new mower came on 2 April" not in agm or 2026 - mw1["bought"] != 18 \
        or "eighteen years old" not in cttee or ABOUT["Mower"] != f"the {mw1['make_model'].split(',')[0]}, bought in {mw1['bought']}":
    probs.append("the mower news against the equipment, the minutes, the AGM and the 2018 page")
h1, h4 = eq["HP-01"], eq["HP-04"]
if HOOPS["Make"] != (h1["make_model"].split(",")[0], h4["make_model"].split(",")[0]) \
        or HOOPS["Gap between the uprights"][0] not in h1["make_model"] or HOOPS["Gap between the uprights"][1] not in h4["make_model"] \
        or HOOPS["Bought"] != (f"{h1['bought']}, GBP {h1['cost_gbp']:,}", f"{h4['bought']}, GBP {h4['cost_gbp']:,}") \
        or HOOPS["Lawn now"] != (h1["lawn"], h4["lawn"]) or HOOPS["Depth in the ground"][1] not in h4["make_model"] \
        or "Tuesday 2 June 2026" not in flat("news/2026-06-new-hoops.md") or NEW_HOOPS.weekday() != 1 \
        or f"Mumby Tournament hoops (HP-04) for Lawn 1 at GBP {h4['cost_gbp']}" not in cttee \
        or "the new hoops went into Lawn 1 on 2 June" not in agm or cp["CP26-04"]["start"] != "2026-06-06" \
        or "Marbury Cup on 6 June" not in flat("news/2026-06-new-hoops.md") or "first tournament on the new hoops HP-04" not in cp["CP26-04"]["text"] \
        or 2026 - h1["bought"] != 16 or "sixteen seasons" not in h1["text"]:
    probs.append("the hoops news against the equipment, the lawns, the minutes and the AGM")

# lawns: sizes, the 2018 page, the guide, the accounts
if LAWNS["Lawn 3"][1] != "32 x 25 yards" or "Lawn 3 a smaller lawn of 32 x 25 yards" not in ABOUT["Lawns"] \
        or not ABOUT["Lawns"].startswith("three") or LAWNS["Lawn 4"][3] != "June 2025" \
        or "5 yards in" not in flat("guides/setting-out-a-lawn.md") or "5 yards in from the boundaries rather than 7" not in flat("lawns/lawns.md") \
        or "GBP 2,940 for the turf and levelling, GBP 2,500 of it from the Marbury Gardens Trust" != LFIG["Lawn 4 cost"] \
        or any(r["lawn"] not in LAWNS for r in RES + BOOK) or any(l not in LAWNS for c in COMP for l in c["lawns"]):
    probs.append("the lawns against the 2018 page, the guide, the accounts and the records")

# bookings: hours, fees by the charges of the day, the regulations, clashes, the coaching log
for r in BOOK:
    d = r["date"]
    t0, t1 = (int(x[:2]) * 60 + int(x[3:]) for x in (r["start"], r["end"]))
    if (t1 - t0) / 60 != float(r["hours"]) or day(d).weekday() != 5 or r["booked_by"] not in mem:
        probs.append(f"{r['id']}: hours, day or member")
    rate = 0 if not r["group"] else int(num(CHARGES["Lawn hire, outside groups, a lawn an hour"][d >= NEW_CHARGES]))
    want = 0 if "fee waived" in r["notes"] else rate * float(r["hours"])
    if float(r["fee_gbp"]) != want or (r["paid"] == "-") != (want == 0):
        probs.append(f"{r['id']}: fee {r['fee_gbp']}, the charges give {want}")
    if d >= REGS_START and not r["group"] and float(r["hours"]) > 2:
        probs.append(f"{r['id']}: a member's weekend booking over 2 hours")
    if not "09:00" <= r["start"] or r["end"] > "20:00" or d < REGS_START:
        probs.append(f"{r['id']}: outside the play times or the season")
    for c in COMP:
        if d in play_days(c) and r["lawn"] in c["lawns"]:
            probs.append(f"{r['id']}: {r['lawn']} was in use for {c['id']}")
coach_by = {(r[1], r[5]): r for r in COACH}
for r in BOOK:
    if r["purpose"] in ("coaching", "beginners' course", "federation coaching day"):
        row = coach_by.get((r["date"], r["lawn"]))
        if row is None or row[2] != r["booked_by"] or float(row[7]) != float(r["hours"]):
            probs.append(f"{r['id']}: not in the coaching log")
if "agreed not to charge the federation for the lawn" not in cttee or bk["bk26-09"]["fee_gbp"] != "0" \
        or "from 11 April on Lawn 4" not in cttee or "U3A taster of 4 April 2026" not in mem["CM075"]["notes"] \
        or "U3A" not in bk["bk26-01"]["group"] or bk["bk26-01"]["date"] != "2026-04-04" \
        or "invoice sent on 14 September" != bk["bk26-12"]["notes"]:
    probs.append("the bookings against the minutes and the members")

# the coaching log
tot = 0.0
for r in COACH:
    no, date, coach_, pupils, game, lawn, topic, hours = r
    tot += float(hours)
    if mem.get(coach_, {}).get("coach") != "Y" or day(date).weekday() not in (2, 5) or lawn not in LAWNS or game not in ("AC", "GC"):
        probs.append(f"coaching {no}: coach, day or lawn")
    for p in re.findall(r"CM\d{3}", pupils):
        if int(mem[p]["joined"]) > day(date).year or mem[p]["type"] == "social":
            probs.append(f"coaching {no}: pupil {p}")
    for c in COMP:
        if date in play_days(c) and lawn in c["lawns"]:
            probs.append(f"coaching {no}: {lawn} in use for {c['id']}")
if [int(r[0]) for r in COACH] != list(range(1, 13)) or f"Hours this season to 10 September: {tot:g}" not in flat("coaching/coaching-log-2026.md") \
        or [r[1] for r in COACH[:4]] != ["2026-04-11", "2026-04-18", "2026-04-25", "2026-05-02"] \
        or any(r[2] not in ("CM017", "CM021") for r in COACH[:4]) or "Rosalind and Bernard will run the beginners' course on four Saturdays" not in cttee \
        or "Tom will lead the North Vale Croquet Federation's coaching day on Lawn 1 on 25 July" not in cttee or COACH[9][2] != "CM028":
    probs.append("the coaching log against its total and the minutes")

# the fixtures and the league tables
for fix, tab, pts, name in ((ACFIX, ACTAB, "ac", "AC"), (GCFIX, GCTAB, "gc", "GC")):
    w = sum(r[3].startswith("won") for r in fix)
    dr = sum(r[3].startswith("drawn") for r in fix)
    lo = sum(r[3].startswith("lost") for r in fix)
    us = tab["Aldermoor"]
    if name == "AC":
        if [int(x) for x in us[1:6]] != [len(fix), w, dr, lo, 2 * w + dr]:
            probs.append("AC league: our line against the fixtures")
        if sum(int(r[2]) for r in tab.values()) != sum(int(r[4]) for r in tab.values()) or sum(int(r[3]) for r in tab.values()) % 2 \
                or any(int(r[5]) != 2 * int(r[2]) + int(r[3]) or int(r[1]) != 4 for r in tab.values()) \
                or sum(int(r[2]) + int(r[3]) / 2 for r in tab.values()) != 10:
            probs.append("AC league: the table does not add up")
    else:
        gf = sum(int(re.search(r"(\d)-(\d)", r[3]).group(1)) for r in fix)
        ga = sum(int(re.search(r"(\d)-(\d)", r[3]).group(2)) for r in fix)
        if [int(x) for x in us[1:7]] != [len(fix), w, lo, gf, ga, 2 * w]:
            probs.append("GC league: our line against the fixtures")
        if sum(int(r[4]) for r in tab.values()) != sum(int(r[5]) for r in tab.values()) \
                or any(int(r[4]) + int(r[5]) != 6 * int(r[1]) or int(r[6]) != 2 * int(r[2]) for r in tab.values()):
            probs.append("GC league: the table does not add up")
    for r in fix:
        for p in r[4].split(", "):
            if p not in mem or not mem[p]["ac_handicap" if name == "AC" else "gc_handicap"]:
                probs.append(f"{name} fixture {r[0]}: player {p}")
        a, b = (int(x) for x in re.search(r"(\d)-(\d)", r[3]).groups())
        if a + b != (4 if name == "AC" else 6) or (a > b) != r[3].startswith("won") or day(r[0]).weekday() != 5:
            probs.append(f"{name} fixture {r[0]}: score {r[3]}")
        if r[2] == "home" and any(b_["date"] == r[0] for b_ in BOOK if b_["lawn"] in cp["CP26-05" if name == "AC" else "CP26-06"]["lawns"]):
            probs.append(f"{name} fixture {r[0]}: a booking on the match lawns")
        if r[0] not in play_days(cp["CP26-05" if name == "AC" else "CP26-06"]) and r[2] == "home":
            probs.append(f"{name} fixture {r[0]}: home day")
if max(ACTAB, key=lambda k: int(ACTAB[k][5])) != cp["CP26-05"]["winner"] or sorted(ACTAB, key=lambda k: -int(ACTAB[k][5]))[1] != cp["CP26-05"]["runner_up"] \
        or sorted(GCTAB, key=lambda k: (-int(GCTAB[k][6]), -(int(GCTAB[k][4]) - int(GCTAB[k][5]))))[:2] != [cp["CP26-06"]["winner"], cp["CP26-06"]["runner_up"]] \
        or (ACFIX[0][0], ACFIX[-1][0]) != (cp["CP26-05"]["start"], cp["CP26-05"]["end"]) or (GCFIX[0][0], GCFIX[-1][0]) != (cp["CP26-06"]["start"], cp["CP26-06"]["end"]) \
        or "behind Stainmore Lodge" not in agm or "won the Vale Golf Croquet League on games" not in agm \
        or "Captain: Priya Venkataraman (CM031)" not in flat("competitions/fixtures-2026.md") or cp["CP26-05"]["manager"] != OFFICERS["AC league captain"][2] \
        or cp["CP26-06"]["manager"] != OFFICERS["GC league captain"][2] or "Captain: Nerys Llewellin (CM038)" not in flat("competitions/fixtures-2026.md"):
    probs.append("the league tables against the competitions, the officers and the AGM")

# fees: histories without gaps, the 2018 page, the prices, the regulations, the AGM
for tab, name in ((SUBS, "subscriptions"), (GREEN, "green fee")):
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(1) != day(b[0]):
            probs.append(f"{name}: a gap or overlap at {a[1]}")
    if tab[0][0] != "2012-01-01" or tab[-1][1]:
        probs.append(f"{name}: first or last row")
if f"GBP {rate_on(SUBS, '2018-06-09')} a year from January 2018 (it was GBP {rate_on(SUBS, '2017-12-31')})" != ABOUT["Subscription"] \
        or not ABOUT["Green fee"].startswith(f"GBP {rate_on(GREEN, '2018-06-09')} a day") \
        or FEES["Full"] != (f"GBP {rate_on(SUBS, '2025-06-01')}", f"GBP {rate_on(SUBS, '2026-06-01')}") or rate_on(SUBS, "2027-06-01") != 175 \
        or CHARGES["Green fee, a visitor, a day"] != (f"GBP {rate_on(GREEN, '2026-04-30')}", f"GBP {rate_on(GREEN, '2026-05-01')}") \
        or f"green fee GBP {rate_on(GREEN, '2019-03-09')} a day" not in R19["Visitors"] or "green fee GBP 8 a day from 1 May 2026" not in R26["Visitors"][1] \
        or R26["Visitors"][0] != R19["Visitors"] or "GBP 6 to GBP 8 a day" not in cttee or "from GBP 10 to GBP 15 a lawn an hour" not in cttee \
        or "set at the AGM of 11 October 2025" not in SUBS[6][3] or day("2025-10-11").weekday() != 5 \
        or "committee proposed a full subscription of GBP 180" not in agm or "Fergus Grimsditch moved an amendment for GBP 175" not in agm \
        or "carried by 19 votes to 12" not in agm or "set the full subscription for 2027 at GBP 175; the committee had proposed GBP 180" not in flat("prices/fees-2026.md") \
        or "moved the amendment on the 2027 subscription" not in mem["CM042"]["notes"] or "agreed by the committee on 14 March 2026" not in GREEN[-1][3] \
        or rate_on(SUBS, "2021-06-01") >= rate_on(SUBS, "2020-06-01") or "shut from March to July 2020" not in SUBS[3][3] \
        or "shut from March to July" not in flat("history/champions.html") or "joined in July 2020 when the lawns reopened" not in mem["CM060"]["notes"]:
    probs.append("the fee histories against the 2018 page, the prices, the regulations, the minutes and the AGM")

# the two sets of lawn regulations
if set(R19) != set(R26) or any(R26[k][0] != R19[k] for k in R19) or R26["Footwear"][1] != R19["Footwear"] \
        or "1 April to 15 October" != R26["Season"][1] or ABOUT["Season"] != R19["Season"] or "season to run to 15 October" not in cttee \
        or "closes on 15 October under the new regulations" not in agm or "09:00 to 20:00" not in R26["Play times"][1] \
        or "play to stop at 20:00" not in cttee or "under-14s rather than under-16s" not in cttee or "under 16s" not in R19["Juniors"] \
        or "come in on 1 April 2026 in place of those of 2019" not in cttee or "Agreed by the committee on 9 March 2019" not in flat("rules/lawn-regulations-2019.md") \
        or day("2019-03-09").weekday() != 5 or "never moved for club play" not in R26["Hoops"][1] or "not to be moved for club play" not in flat("news/2026-06-new-hoops.md"):
    probs.append("the 2019 and 2026 regulations against each other, the 2018 page, the minutes and the AGM")

# offices: histories without gaps, on AGM Saturdays, against the officers, the members, the 2018 page
for tab, name in ((CHAIRS, "chairs"), (SECS, "secretaries"), (TREAS, "treasurers")):
    for a, b in zip(tab, tab[1:]):
        if a[1] != b[0]:
            probs.append(f"{name}: {a[2]} to {a[1]}, then {b[2]} from {b[0]}")
    if tab[-1][1] != "" or tab[0][0] != "2010-10-16":
        probs.append(f"{name}: first or last row")
    for r in tab:
        for when in (r[0], r[1]):
            if when and (day(when).weekday() != 5 or day(when).month != 10 or day(when).day > 21 or day(when).day < 8):
                probs.append(f"{name}: {when} is not a Saturday AGM in October")
if holder(CHAIRS, "2026-10-12") != OFFICERS["Chair"][1] or holder(SECS, "2026-10-12") != OFFICERS["Secretary"][1] \
        or holder(TREAS, "2026-10-12") != OFFICERS["Treasurer"][1] or holder(CHAIRS, "2018-06-09") != ABOUT["Chair"] \
        or holder(SECS, "2018-06-09") != ABOUT["Secretary"] or holder(TREAS, "2018-06-09") != ABOUT["Treasurer"] \
        or docs["about"].metadata.get("owner") != holder(SECS, "2018-06-09") or holder(CHAIRS, "2026-03-14") != "Rosalind Westacott" \
        or "Rosalind Westacott (chair)" not in cttee or docs["rules/lawn-regulations-2019"].metadata.get("owner") != holder(SECS, "2019-03-09") \
        or any(OFFICERS[p][3] != [r for r in t if r[2] == OFFICERS[p][1]][0][0][:4] for p, t in (("Chair", CHAIRS), ("Secretary", SECS), ("Treasurer", TREAS))) \
        or "chair 2010-2016, president since the AGM of 2016" not in mem["CM002"]["notes"] or OFFICERS["President"][3] != "2016" \
        or "treasurer 2010-2016, chair 2016-2022" not in mem["CM009"]["notes"] or "chair 2022-2026" not in mem["CM017"]["notes"] \
        or "chair since the AGM of 10 October 2026" not in mem["CM021"]["notes"] or "secretary 2010-2019" not in mem["CM006"]["notes"] \
        or "secretary since the AGM of 2019" not in mem["CM024"]["notes"] or "treasurer since the AGM of 2016" not in mem["CM013"]["notes"] \
        or "club handicapper since 2014" not in mem["CM028"]["notes"] or OFFICERS["Handicapper"][3] != "2014" \
        or "Bernard Lazenby was elected chair and Rosalind Westacott vice-chair" not in agm or "after four years" not in agm \
        or 2026 - int(CHAIRS[2][0][:4]) != 4 or "lawn manager since 2020" not in mem["CM038"]["notes"] or OFFICERS["Lawn manager"][3] != "2020" \
        or "tournament secretary since 2025" not in mem["CM060"]["notes"] or "coaching secretary since 2022" not in mem["CM009"]["notes"] \
        or "captain of the North Vale AC League team since 2023" not in mem["CM031"]["notes"] or day("2026-10-10").weekday() != 5:
    probs.append("the office histories against the officers, the members, the 2018 page, the minutes and the AGM")

# the accounts for 2025: every line from the rates, the members, the lawns and the AGM
acc = acc_text.split("\nNotes\n")[0]
lines = {k.strip(): (num(v), x) for k, v, x in re.findall(r"^  ([A-Z][^\n]*?)\s+GBP\s+([\d,]+)(?:\s+\(([^)]*)\))?$", acc.split("\nIncome\n")[1], re.M)}
deficit = num(re.search(r"^Deficit for the year\s+GBP\s+([\d,]+)", acc, re.M).group(1))
names_ = list(lines)
income = [v for k, (v, _) in lines.items() if names_.index(k) < names_.index("Total income")]
costs = [v for k, (v, _) in lines.items() if names_.index("Total income") < names_.index(k) < names_.index("Total costs")]
counts_ = {k: (int(n), int(f)) for k, n, f in re.findall(r"^  (Full|Country|Social|Junior)\s+(\d+)\s+at GBP (\d+)", acc, re.M)}
on_list = collections.Counter(m["type"] for m in MEMBERS if int(m["joined"]) <= 2025)
for k, (n_, f_) in counts_.items():
    if f"GBP {f_}" != FEES[k if k != "Junior" else "Junior (under 18)"][0] or on_list[k.lower()] != n_:
        probs.append(f"accounts: {k} members {n_} at {f_}")
for k, (v, x) in lines.items():
    m_ = re.fullmatch(r"([\d,]+)(?: visits| hours| members)? x ([\d.]+)", x or "")
    if m_ and num(m_.group(1)) * float(m_.group(2)) != v:
        probs.append(f"accounts {k}: {x} is not {v}")
if sum(income) != lines["Total income"][0] or sum(costs) != lines["Total costs"][0] or lines["Total costs"][0] - lines["Total income"][0] != deficit \
        or lines["Subscriptions"][0] != sum(n * f for n, f in counts_.values()) \
        or sum(n for n, _ in counts_.values()) != int(re.search(r"^  Total\s+(\d+)", acc, re.M).group(1)) \
        or lines["Green fees"][1] != f"86 visits x {rate_on(GREEN, '2025-06-01')}" \
        or lines["Lawn hire, outside groups"][1] != f"38 hours x {int(num(CHARGES['Lawn hire, outside groups, a lawn an hour'][0]))}" \
        or lines["Affiliation fees"][1] != f"{len([m for m in MEMBERS if int(m['joined']) <= 2025])} members x 9" \
        or lines["Lawn 4 turf and levelling"][0] != 2940 or lines["Grant, Marbury Gardens Trust"][0] != 2500 \
        or f"surplus of GBP {lines['Lawn 4 turf and levelling'][0] - lines['Grant, Marbury Gardens Trust'][0] - deficit:,.0f}" not in " ".join(acc_text.split()) \
        or f"income GBP {lines['Total income'][0]:,.0f}, costs GBP {lines['Total costs'][0]:,.0f}, a deficit of GBP {deficit:,.0f}" not in agm \
        or "examined by Margaret Satterthwaite" not in acc_text or OFFICERS["Independent examiner"][1] != "Margaret Satterthwaite" \
        or lines["Ground rent, Thornfield Regis Town Council"][0] != 1200 or "(it was GBP 900)" not in acc_text or ABOUT["Ground rent"] != "GBP 900 a year to Thornfield Regis Town Council" \
        or "Mower fuel and servicing" not in lines or mw1["serviced"] != "2025-09-30" or "serviced in September 2025" not in acc_text \
        or "Dorothy Vickerstaff, treasurer" not in acc_text or holder(TREAS, "2026-02-14") != "Dorothy Vickerstaff" or day("2026-02-14").weekday() != 5:
    probs.append("the accounts against the rates, the members, the lawns, the officers and the AGM")

# comparison facts, recomputed
cmp_facts = {
    "t36-dev-023": eq["HP-02"]["cost_gbp"] > eq["HP-03"]["cost_gbp"],
    "t36-dev-024": float(mem["CM035"]["ac_handicap"]) < float(mem["CM038"]["ac_handicap"]),
    "t36-dev-025": float(bk["bk26-06"]["hours"]) > float(bk["bk26-03"]["hours"]),
    "t36-dev-026": cp["CP26-02"]["entrants"] > cp["CP26-10"]["entrants"],
    "t36-dev-027": int(mem["CM042"]["joined"]) < int(mem["CM056"]["joined"]),
    "t36-test-035": int(re.match(r"(\d+) cm", MOWER["Width of cut"][1]).group(1)) > int(re.match(r"(\d+) cm", MOWER["Width of cut"][0]).group(1)),
    "t36-test-036": int(mem["CM031"]["ac_grade"]) > int(mem["CM021"]["ac_grade"]),
    "t36-test-037": cp["CP26-01"]["entry_fee_gbp"] > cp["CP26-10"]["entry_fee_gbp"],
    "t36-test-038": float(bk["bk26-08"]["fee_gbp"]) > float(bk["bk26-03"]["fee_gbp"]),
    "t36-test-039": eq["HP-03"]["bought"] < eq["MA-01"]["bought"],
    "t36-test-040": int(mem["CM060"]["joined"]) < int(mem["CM063"]["joined"]),
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
