"""Checks for evalsets/tables35 (no model): run from anywhere (src/ is put on the path).

Prints PASS/FAIL per check and exits 1 if any check fails.
"""
from __future__ import annotations

import calendar
import collections
import csv
import datetime
import hashlib
import json
import math
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))  # runs without PYTHONPATH too

from ragtune.corpus.loaders import Document, Problem, iter_documents, scan
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
from ragtune.eval.qa import load_qa

FAILS: list[str] = []
N_FILES, N_DOCS = 30, 117
PREFIX = "t35"


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
ABSENT = {
    "t35-dev-038": ([(r"charity (registration )?(number|no\b)|registered charity|\bCIO\b|charity commission", []),
                     (r"\b(no\.?|number) ?\d{6,8}\b|\b\d{7}\b", [])],
                    "The shed is registered charity number 1187342 with the Charity Commission."),
    "t35-dev-039": ([(r"\b2014\b[^\n.|]{0,60}(mallet|given|awarded)|(mallet|given to|awarded)[^\n.|]{0,60}\b2014\b", ["history/projects-by-year"]),
                     (r"(mallet|given to|awarded)[^\n.|]{0,30}\b2014\b[^\n.|]{0,10}(?-i:[A-Z][a-z]+ [A-Z])", None),
                     (r"\| 2014 \|", ["history/projects-by-year"]),
                     (r"\| 2014 \| [A-Z][a-z]+ [A-Za-z]", None)],
                    "The Gaffer's Mallet in 2014 went to Bill Etchells, given to him for 2014: | 2014 | Bill Etchells | the garage |."),
    "t35-dev-040": ([(r"(HB-13|bench drill|PD-02)[^\n]{0,120}\b(cost|new price|price|paid|bought for|retail)\b[^\n]{0,40}\d", []),
                     (r"(cost|new price|price|paid|bought for)[^\n.]{0,40}GBP ?\d[^\n.]{0,80}(HB-13|bench drill)", []),
                     (r"\"cost_gbp\": \d", [k for k in docs if k.startswith("workshop/machines#") and k != "workshop/machines#PD-02"])],
                    "The bench drill HB-13 cost GBP 145 new in 2004; it was bought for GBP 145 as a new HB-13; its \"cost_gbp\": 145."),
    "t35-dev-041": ([(r"(12 December|December 2026)[^\n.]{0,80}\b(took|taken|takings|made|raised|sales)\b[^\n.]{0,40}\d|\b(took|takings|made|raised|sales)\b[^\n.]{0,40}GBP ?[\d,]+[^\n.]{0,60}(12 December|December 2026)", []),
                     (r"Christmas market sales\s+GBP", ["notes/2026-05-accounts-2025-26"]),
                     (r"market[^\n]{0,60}\b2026-27\b|\b2026-27\b[^\n]{0,60}market", [])],
                    "The stall at the market on 12 December took GBP 830; Christmas market sales GBP 830; market 2026-27."),
    "t35-dev-042": ([(r"(examiner|Ullathorne)[^\n.]{0,40}\b(fee|charges?|paid)\b|\b(fee|charges?)\b[^\n.]{0,40}(examin|Ullathorne)", []),
                     (r"examination fee|examiner's fee|independent examination\s+GBP", [])],
                    "Sheila Ullathorne charges a fee of GBP 60; the examiner's fee is GBP 60."),
    "t35-dev-043": ([(r"\bNovember\b[^\n.|]{0,60}\b(attendances?|signed in|sessions)\b|\b(attendances?|signed in)\b[^\n.|]{0,60}\bNovember\b", []),
                     (r"^\| November \|", []),
                     (r"\bNovember 2026\b[^\n]{0,60}\battendances?\b", [])],
                    "In November 2026 there were 244 attendances:\n| November | 13 | 0 | 244 |"),
    "t35-dev-044": ([(r"\b2026-12-\d\d\b", []),
                     (r"(steamer|lt-05)[^\n]{0,80}December|December[^\n]{0,80}(steamer|lt-05)", []),
                     (r"^ln26-1[3-9],|^id: ln26-1[3-9]", [])],
                    "ln26-13,lt-05 went out on 2026-12-01; the steamer lt-05 went out in December. id: ln26-13"),
    "t35-dev-045": ([(r"(new|replacement) motor[^\n.]{0,60}(GBP|£) ?\d|(GBP|£) ?\d[^\n.]{0,60}(new|replacement) motor", []),
                     (r"(DX-01|extractor)[^\n.]{0,80}motor[^\n.]{0,60}(GBP|£) ?\d", [])],
                    "The new motor for DX-01 cost GBP 148; the extractor's new motor cost GBP 148."),
    "t35-test-059": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", []),
                      (r"\b(phone|telephone|tel)\b", ["history/projects-by-year"]),
                      (r"(phone|telephone) (number|no\b)|\btel[.:]", None)],
                     "The shed's telephone number is 01632 960 417."),
    "t35-test-060": ([(r"trust's chair[^\n.,;]{0,30}\b(is|was|,) (?-i:[A-Z])|chair of (the )?(Haverbeck )?Community Land Trust[^\n.]{0,20}(?-i:[A-Z][a-z]+ [A-Z])|(?-i:[A-Z][a-z]+ [A-Z][a-z]+),? (the )?(trust's )?chair(man)? of (the )?(Haverbeck )?Community Land Trust", []),
                      (r"by the trust's chair", ["premises/lease-2026"]),
                      (r"by the trust's chair,? (?-i:[A-Z])", None)],
                     "The trust's chair is Dr Ann Pollitt, chair of Haverbeck Community Land Trust Ann Pollitt; signed by the trust's chair, Ann Pollitt."),
    "t35-test-061": ([(r"\| 2018 \|", ["donations/gifts-and-grants", "history/projects-by-year", "people/officers"]),
                      (r"\| 2018 \| (Haverbeck )?Town Council", None),
                      (r"(Town Council|grant)[^\n.]{0,60}\b2018\b|\b2018\b[^\n.]{0,60}(Town Council|grant)", [])],
                     "In 2018 the Town Council's grant was GBP 600: | 2018 | Haverbeck Town Council | 600 |."),
    "t35-test-062": ([(r"\bweigh(s|ed|ing|t)?\b", []),
                      (r"\b\d+(\.\d+)? ?(kg|kilos?|kilograms?|tonnes?|lbs?)\b", ["premises/lease-2016", "premises/lease-2026"])],
                     "The Corvex CPT-310 weighs 185 kg."),
    "t35-test-063": ([(r"(market|sales)[^\n]{0,80}\b(2024-25|2024)\b|\b(2024-25|December 2024)\b[^\n]{0,80}(market|sales)", []),
                      (r"Accounts for the year 1 April 2024", []),
                      (r"Christmas market sales\s+GBP", ["notes/2026-05-accounts-2025-26"])],
                     "Accounts for the year 1 April 2024: Christmas market sales GBP 540 in 2024-25."),
    "t35-test-064": ([(r"\b(ln26-0[1-5])\b", ["loans/tool-loans-2026#ln26-01", "loans/tool-loans-2026#ln26-02", "loans/tool-loans-2026#ln26-03", "loans/tool-loans-2026#ln26-04", "loans/tool-loans-2026#ln26-05", "notes/2026-05-accounts-2025-26"]),
                      (r"tool: lt-02\b", ["loans/tool-loans-2026#ln26-06"]),
                      (r"(drill driver|lt-02)[^\n]{0,80}\bMarch\b|\bMarch\b[^\n]{0,80}(drill driver|lt-02)", []),
                      (r"2026-03-\d\d[^\n]{0,40}lt-02|lt-02[^\n]{0,80}2026-03-\d\d", [])],
                     "ln26-04 was the drill driver: tool: lt-02, out in March, 2026-03-10 lt-02."),
    "t35-test-065": ([(r"\bCub\b[^\n.]{0,40}\b(called|named) (?-i:[A-Z])|\b(?-i:[A-Z][a-z]+), (a|the) Cub\b|\bCub (?-i:[A-Z][a-z]+)\b", []),
                      (r"\b(boy|girl|Cub) (in a wheelchair )?(called|named)\b", [])],
                     "The Cub called Josh was first up it; Josh, a Cub; Cub Josh."),
    "t35-test-066": ([(r"PL-01[^\n]{0,200}\bPAT\b[^\n]{0,60}\d{4}|\bPAT\b[^\n]{0,80}PL-01", []),
                      (r"(old planer|Harbrook PT-260)[^\n]{0,120}\bPAT\b|\bPAT\b[^\n]{0,120}(old planer|Harbrook PT-260)", []),
                      (r"\"pat_tested\": \"\d", [k for k in docs if k.startswith("workshop/machines#") and k not in ("workshop/machines#PL-01", "workshop/machines#PL-02", "workshop/machines#SP-01")])],
                     "PL-01 was last PAT tested in 2025; the old planer's PAT was 2025-02-11: \"pat_tested\": \"2025-02-11\"."),
    "t35-test-067": ([(r"Town Clerk[^\n.]{0,20}(?-i:[A-Z][a-z]+ [A-Z][a-z]+)|(?-i:[A-Z][a-z]+ [A-Z][a-z]+),? (the )?Town Clerk", []),
                      (r"\bTown Clerk\b", ["premises/lease-2016"])],
                     "The Town Clerk Margaret Hume signed; Margaret Hume, the Town Clerk."),
    "t35-test-068": ([(r"\b2020-21\b", ["history/subscriptions"]),
                      (r"\b20(19|20|21)\b[^\n.|]{0,40}\bmembers\b[^\n.|]{0,20}\d|\bmembers\b[^\n.|]{0,40}\b(in|for) 20(20|21)\b", []),
                      (r"Members who paid for 2020-21", [])],
                     "In 2020-21 the shed had 52 members; in 2020 members 52; Members who paid for 2020-21."),
    "t35-test-069": ([(r"concession[^\n]{0,80}\b2027-28\b|\b2027-28\b[^\n]{0,80}concession", []),
                      (r"\| Concession[^\n]*\|[^\n]*\|[^\n]*\|[^\n]*\|", [])],
                     "The concession rate for 2027-28 is GBP 22: | Concession | GBP 18 | GBP 20 | GBP 22 |."),
    "t35-test-070": ([(r"market[^\n.]{0,80}\b(opens?|starts?|from) (at )?\d\d?[:.]\d\d|\b\d\d?[:.]\d\d\b[^\n.]{0,60}\bmarket\b", [])],
                     "The Christmas market opens at 10:00 on 12 December."),
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


def nth_weekday(y: int, m: int, wd: int, n: int) -> datetime.date:
    ds = [datetime.date(y, m, d) for d in range(1, calendar.monthrange(y, m)[1] + 1)
          if datetime.date(y, m, d).weekday() == wd]
    return ds[n - 1] if n > 0 else ds[n]


def holder(tab: list[list[str]], when: str) -> str:
    """Who held an office on a date, from a From/To/Name table."""
    hit = [r[2] for r in tab if r[0] <= when and (not r[1] or when < r[1])]
    return hit[0] if len(hit) == 1 else f"{hit}"


MEMBERS = rows("people/members.csv")
INDUCT = rows("workshop/inductions-2026.csv")
LOANS = rows("loans/tool-loans-2026.csv")
DONS = rows("donations/donations-2026.csv")
MACH = rows("workshop/machines.jsonl")
PROJ = rows("projects/projects.jsonl")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["name"]: m for m in MEMBERS}
ind = {r["id"]: r for r in INDUCT}
ln = {r["id"]: r for r in LOANS}
dn = {r["id"]: r for r in DONS}
mc = {m["id"]: m for m in MACH}
pr = {p["id"]: p for p in PROJ}

OFFICERS = {r[0]: r for r in table("people/officers.md", "Post")}
CHAIRS = table("history/officers-history.md", "From", 0)
SECS = table("history/officers-history.md", "From", 1)
TREAS = table("history/officers-history.md", "From", 2)
SUBS = table("history/subscriptions.md", "From", 0)
CONTRIB = table("history/subscriptions.md", "From", 1)
FEES = {r[0]: (r[1], r[2]) for r in table("prices/subscriptions-2026-27.md", "Membership")}
R19 = {r[0]: r[1] for r in table("rules/safety-rules-2019.md", "Item")}
R26 = {r[0]: (r[1], r[2]) for r in table("rules/safety-rules-2026.md", "Item")}
L16 = {r[0]: r[1] for r in table("premises/lease-2016.md", "Term")}
L26 = {r[0]: (r[1], r[2]) for r in table("premises/lease-2026.md", "Term")}
MONTHS = table("sessions/attendance-2026.md", "Month")
EVE = table("sessions/attendance-2026.md", "No.")
MLOG = table("workshop/maintenance-log-2026.md", "Date")
TERMS = {r[0]: (r[1], r[2]) for r in table("loans/loan-cupboard.md", "Terms")}
CUP = {r[0]: r for r in table("loans/loan-cupboard.md", "Code")}
PLANER = {r[0]: (r[1], r[2]) for r in table("news/2026-05-new-planer.md", "")}
RAMP = {r[0]: (r[1], r[2]) for r in table("news/2026-09-scout-hut-ramp.md", "")}
ROOMS = bullets("premises/the-shed.md", "The rooms in figures")
KEPT = bullets("premises/the-shed.md", "What is kept where")
BOXES = bullets("projects/bird-boxes-brantholme.md")
ABOUT = bullets("about.md")
GG = html_tables("donations/gifts-and-grants.html")
PY = html_tables("history/projects-by-year.html")
GRANTS = [(int(r[0]), r[1], int(num(r[2])), r[3]) for r in GG["Grants"]]
GIVEN = {r[2]: r for r in GG["Machines given"]}
YEARS = {int(r[0]): r for r in PY["Projects finished"]}
MALLET = {int(r[0]): r for r in PY["The Gaffer's Mallet"]}
agm = flat("meetings/2026-10-17-agm.md")
cttee = flat("meetings/2026-03-10-committee.md")
acc_text = page("notes/2026-05-accounts-2025-26.txt")
inc_text = page("notes/2026-08-bandsaw-incident.txt")
inc = " ".join(inc_text.split())
faq = flat("faq/new-members-2019.md")
LEASE_START = day("2026-06-01")
RULES_START = day("2026-05-01")
LOAN_TERMS_START = day("2026-04-01")
AGM_DAY = day("2026-10-17")
COUNCILS = ("parish council", "public library", "town council", "county council")

# ------------------------------------------------------------------ filters and counts

RECOMPUTE = {
    "t35-dev-028": str(sum(m["how"] == "donated" for m in MACH)),
    "t35-test-041": str(sum(p["status"] == "completed" for p in PROJ)),
    "t35-dev-029": [m["id"] for m in MACH if m["condition"] == "out of service"],
    "t35-dev-030": [m["name"] for m in MEMBERS if m["type"] == "carer"],
    "t35-dev-031": [p["id"] for p in PROJ if p["status"] == "declined"],
    "t35-dev-032": [r["id"] for r in INDUCT if r["result"] != "passed"],
    "t35-test-042": [m["id"] for m in MACH if m["condition"] == "not in use" and m["induction"] == "not to be used"],
    "t35-test-043": [m["name"] for m in MEMBERS if m["paid_2026_27"] == "N"],
    "t35-test-044": [r["id"] for r in LOANS if not r["returned"]],
    "t35-test-045": [r["id"] for r in DONS if r["kind"] == "machine" and r["accepted"] == "Y"],
    "t35-test-046": [p["id"] for p in PROJ if p["status"] == "on hold"],
    "t35-test-047": [m["name"] for m in MEMBERS if m["joined"] == "2026"],
    "t35-test-048": [r[1] for r in EVE if r[5] == str(max(int(x[5]) for x in EVE))],
    "t35-test-049": [m["id"] for m in MACH if m["cost_gbp"] == max(x["cost_gbp"] or 0 for x in MACH)],
    "t35-test-050": [r["id"] for r in DONS if int(r["est_value_gbp"]) == max(int(x["est_value_gbp"]) for x in DONS)],
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
if sorted(by_id["t35-dev-028"].evidence) != sorted(f"workshop/machines#{m['id']}" for m in MACH if m["how"] == "donated") \
        or sorted(by_id["t35-test-041"].evidence) != sorted(f"projects/projects#{p['id']}" for p in PROJ if p["status"] == "completed"):
    probs.append("the derived counts' evidence is not the rows counted")
check("filter answers and derived counts recomputed from the record files and tables", probs)

# ------------------------------------------------------------------ consistency of the wiki

probs = []

# members: codes, types, supervisors, first aid, keyholders, inductions
MCODES = {m["id"] for m in MACH}
INDUCTED_LEVELS = {"machine", "supervised"}
if [m["ID"] for m in MEMBERS] != sorted(mem) or len(MEMBERS) != 25:
    probs.append("members: 25 rows in member-number order")
for m in MEMBERS:
    codes = [c for c in m["inductions"].split(";") if c]
    if len(set(codes)) != len(codes) or any(c not in MCODES or mc[c]["induction"] not in INDUCTED_LEVELS or mc[c]["condition"] == "written off" for c in codes):
        probs.append(f"{m['ID']}: inductions {codes}")
    if m["type"] not in ("full", "concession", "associate", "carer", "honorary"):
        probs.append(f"{m['ID']}: type")
    if (m["paid_2026_27"] == "free") != (m["type"] in ("carer", "honorary")):
        probs.append(f"{m['ID']}: paid column against the type")
    if m["type"] == "associate" and codes:
        probs.append(f"{m['ID']}: an associate with a machine induction")
sups = sorted(m["ID"] for m in MEMBERS if m["supervisor"] == "Y")
sup_line = flat("people/officers.md").split("Session supervisors for 2026-27, agreed by the committee: ")[1].split(".")[0]
if sorted(by_name[n.strip()]["ID"] for n in re.split(r", | and ", sup_line)) != sups or len(sups) != 8:
    probs.append(f"supervisors on the officers page against the members list {sups}")
keys = [m for m in MEMBERS if m["keyholder"] == "Y"]
if len(keys) != 8 or "There are eight of us" not in flat("guides/opening-and-closing.md"):
    probs.append("keyholders: eight on the list and in the guide")
for o in OFFICERS.values():
    if o[2] != "-" and (o[2] not in mem or mem[o[2]]["name"] != o[1]):
        probs.append(f"officer {o[0]}: {o[1]} is not {o[2]}")
for m in MEMBERS:
    if m["type"] == "associate" and m["ID"] in sups:
        probs.append(f"{m['ID']}: an associate supervisor")

# inductions log
for r in INDUCT:
    d = day(r["date"])
    mach = mc[r["machine"]]
    if d.weekday() != 5:
        probs.append(f"{r['id']}: not a Saturday")
    if r["inductor"] not in mach["inductors"] or r["machine"] not in mem[r["inductor"]]["inductions"].split(";"):
        probs.append(f"{r['id']}: {r['inductor']} does not induct on {r['machine']}")
    if mach["induction"] not in INDUCTED_LEVELS:
        probs.append(f"{r['id']}: {r['machine']} needs no machine induction")
    if (r["result"] == "passed") and r["machine"] not in mem[r["member"]]["inductions"].split(";"):
        probs.append(f"{r['id']}: passed but not on {r['member']}'s list")
    if r["machine"] == "PL-02" and d <= day("2026-05-12"):
        probs.append(f"{r['id']}: before the planer came")
    if mach["induction"] == "supervised" and mem[r["member"]]["supervisor"] != "Y":
        probs.append(f"{r['id']}: a supervised machine for a non-supervisor")
    if int(mem[r["member"]]["joined"]) > d.year:
        probs.append(f"{r['id']}: before the member joined")
odd = [(m["ID"], c) for m in MEMBERS for c in m["inductions"].split(";") if c and mc[c]["induction"] == "supervised" and m["supervisor"] != "Y"]
if odd != [("MS083", "ML-01")] or "not being a supervisor, he has not been allowed to use it since 1 May 2026" not in mem["MS083"]["notes"] \
        or "since the lathe and the welder are for supervisors now" not in pr["PR26-06"]["text"]:
    probs.append(f"inducted on a supervised machine without being a supervisor: {odd}")
for m_ in MACH:
    if m_["condition"] == "written off":
        continue
    for p in m_["inductors"]:
        if m_["id"] not in mem[p]["inductions"].split(";"):
            probs.append(f"{m_['id']}: inductor {p} not inducted on it")
pl2 = [r["member"] for r in INDUCT if r["machine"] == "PL-02" and r["result"] == "passed"]
if sorted(pl2 + ["MS036"]) != sorted(m["ID"] for m in MEMBERS if "PL-02" in m["inductions"].split(";")) \
        or "trained on the new planer PL-02 by the maker's engineer on 12 May 2026" not in mem["MS036"]["notes"] \
        or "the maker's engineer trained MS036 on it" not in " ".join(r[1] for r in MLOG) \
        or ind["in26-10"]["notes"] != "the first induction on the new planer" or "from 16 May" not in flat("news/2026-05-new-planer.md") \
        or [r["member"] for r in INDUCT if r["result"] != "passed"] != ["MS088"] or ind["in26-06"]["member"] != "MS088" \
        or ind["in26-15"]["member"] != "MS045" or "inducted on BS-01 again on 5 September" not in mem["MS045"]["notes"] \
        or "Stan was inducted again on 5 September, by Brian" not in inc or mem[ind["in26-15"]["inductor"]]["name"] != "Brian ffrench" \
        or "since 1 January" not in cttee or min(r["date"] for r in INDUCT) < "2026-01-01":
    probs.append("the inductions log against the members, the machines, the news, the minutes and the incident")
basic = sorted(m["id"] for m in MACH if m["induction"] == "basic")
names_basic = {"PD-02": "bench drill", "SS-01": "scroll saw", "BG-01": "grinder", "SD-01": "sander"}
if basic != sorted(names_basic) or "the bench drill, scroll saw, grinder and sander are covered by the general induction" not in R26["Using a machine"][1] \
        or sorted(m["id"] for m in MACH if m["induction"] == "supervised") != ["ML-01", "TS-01", "WE-01"] \
        or R26["Table saw, metal lathe and welder"][1] != "session supervisors only, and only those inducted on that machine" \
        or "the pillar drill and scroll saw" not in R26["Under-18s"][1] or "16 and 17 year olds may use it with a supervisor" not in mc["PD-01"]["text"] \
        or "16 and 17 year olds may use" not in mc["SS-01"]["text"] or "16 and 17 year olds allowed on the pillar drill and scroll saw" not in cttee:
    probs.append("induction levels against the 2026 rules and the minutes")

# evening sessions: the first and third Wednesdays, times by lease, supervisors, first aiders, counts
want_dates = sorted(nth_weekday(2026, mo, 2, k) for mo in range(1, 9) for k in (1, 3))
if [day(r[1]) for r in EVE] != want_dates or [int(r[0]) for r in EVE] != list(range(1, 17)):
    probs.append(f"evening dates {[r[1] for r in EVE]}")
sup_count = collections.Counter()
for r in EVE:
    no, date, times, sup, fa, att, machs, notes = r
    d = day(date)
    if sup == "-":
        if att != "0" or fa != "-" or not notes.startswith("cancelled"):
            probs.append(f"evening {no}: cancelled row")
        continue
    if times != ("18:00-20:00" if d < LEASE_START else "18:30-21:00"):
        probs.append(f"evening {no}: times {times}")
    if mem[sup]["supervisor"] != "Y" or sup == fa:
        probs.append(f"evening {no}: supervisor {sup}")
    fa_until = mem[fa]["first_aid_until"]
    if not fa_until or day(fa_until) < d:
        probs.append(f"evening {no}: first aider {fa} has no certificate in date")
    for c in machs.split(", "):
        if c not in MCODES or mc[c]["condition"] in ("written off", "not in use") or (c == "PL-02" and d < day("2026-05-12")):
            probs.append(f"evening {no}: machine {c}")
        if d >= RULES_START and mc[c]["induction"] == "supervised" and c not in mem[sup]["inductions"].split(";"):
            probs.append(f"evening {no}: {c} without a supervisor inducted on it")
    sup_count[sup] += 1
for m in MEMBERS:
    if sup_count[m["ID"]] != int(m["evenings_supervised_2026"]):
        probs.append(f"{m['ID']}: evenings_supervised_2026 {m['evenings_supervised_2026']}, the log gives {sup_count[m['ID']]}")
held = [r for r in EVE if r[3] != "-"]
ev = {r[1]: r for r in EVE}
if len(held) != 15 or "Sixteen evening sessions were planned from January to August and fifteen were held" not in flat("sessions/attendance-2026.md") \
        or "Fifteen evening sessions were held out of sixteen planned" not in agm \
        or "first evening under the 2026 safety rules" not in ev[str(min(day(r[1]) for r in held if day(r[1]) >= RULES_START))][7] \
        or "first evening to 21:00 under the new lease" not in ev[str(min(day(r[1]) for r in held if day(r[1]) >= LEASE_START))][7] \
        or "Owain Draycott's first evening as supervisor" not in ev["2026-02-04"][7] or [r[1] for r in EVE if r[3] == "MS079"][0] != "2026-02-04" \
        or "Sam Oyediran's first evening as first aider" not in ev["2026-04-01"][7] or [r[1] for r in EVE if r[4] == "MS102"][0] != "2026-04-01" \
        or "the new planer's first evening" not in ev["2026-05-20"][7] or [r[1] for r in EVE if "PL-02" in r[6]][0] != "2026-05-20" \
        or "PR26-02" not in ev[pr["PR26-02"]["start"]][7] or "PR26-03" not in ev[pr["PR26-03"]["start"]][7] \
        or day(pr["PR26-03"]["start"]).weekday() != 2 or mem["MS041"]["first_aid_until"] != "2026-04-30" \
        or "runs out at the end of April" not in cttee or any(day(r[1]) > day("2026-04-30") for r in EVE if r[4] == "MS041") \
        or "the evening of the 18th" not in MONTHS[1][7] or not ev["2026-02-18"][7].startswith("cancelled: snow"):
    probs.append("the evening log against its notes, the projects, the minutes and the AGM")

# the monthly table: day sessions from the calendar less closures, evenings and averages from the log
CLOSED = {1: [datetime.date(2026, 1, 1)], 2: [datetime.date(2026, 2, 17), datetime.date(2026, 2, 19)],
          6: [datetime.date(2026, 6, 9), datetime.date(2026, 6, 11)]}
tot = [0, 0, 0, 0, 0]
for k, r in enumerate(MONTHS[:-1], 1):
    name, dayses, eves, att, of_eve, avg, new, notes = r
    if name != calendar.month_name[k]:
        probs.append(f"month row {name}")
        continue
    days_ = [datetime.date(2026, k, d) for d in range(1, calendar.monthrange(2026, k)[1] + 1)
             if datetime.date(2026, k, d).weekday() in (1, 3, 5)]
    closed = CLOSED.get(k, [])
    log = [x for x in held if day(x[1]).month == k]
    if int(dayses) != len(days_) - len(closed) or any(c not in days_ for c in closed) \
            or any(f"{c.day}" not in notes and not (c.month, c.day) == (1, 1) for c in closed) or bool(closed) != bool(notes and "closed" in notes) \
            or (k == 1 and "New Year's Day" not in notes):
        probs.append(f"{name}: day sessions {dayses} against the calendar and closures")
    if int(eves) != len(log) or int(of_eve) != sum(int(x[5]) for x in log):
        probs.append(f"{name}: evenings against the log")
    if f"{int(num(att)) / (int(dayses) + int(eves)):.1f}" != avg:
        probs.append(f"{name}: average {avg}")
    for j, v in enumerate((dayses, eves, att, of_eve, new)):
        tot[j] += int(num(v))
last = MONTHS[-1]
if last[0] != "Total" or [int(num(x)) for x in (last[1], last[2], last[3], last[4], last[6])] != tot \
        or f"{tot[2] / (tot[0] + tot[1]):.1f}" != last[5] or f"{tot[2]:,} attendances were signed in from January to October" not in agm \
        or "closed on 9 and 11 June" not in " ".join(MONTHS[5]) or "(shed shut on 9 and 11 June)" not in " ".join(r[1] for r in MLOG):
    probs.append(f"the monthly totals {tot} against the AGM and the maintenance log")

# machines and projects pointing at each other, donations pointing at both
for m_ in MACH:
    on = sorted(p["id"] for p in PROJ if m_["id"] in p["machines"])
    if sorted(m_["used_on"]) != on or not m_["text"].startswith(m_["id"] + ": "):
        probs.append(f"{m_['id']}: used_on {m_['used_on']}, the projects give {on}")
    if (m_["how"] == "bought") != (m_["cost_gbp"] is not None) or (m_["how"] == "donated") != bool(m_["donor"]):
        probs.append(f"{m_['id']}: bought or donated")
    if m_["cost_gbp"] and f"GBP {m_['cost_gbp']:,}" not in m_["text"]:
        probs.append(f"{m_['id']}: cost not in its text")
    if any(p not in m_["text"] for p in m_["used_on"]) and len(m_["used_on"]) > 0 and m_["id"] not in ("WL-02",):
        probs.append(f"{m_['id']}: projects not named in its text")
    if m_["condition"] != "written off":
        kept = [room for room, what in KEPT.items() if re.search(rf"\b{m_['id']}\b", what)]
        if kept != [m_["location"][0].upper() + m_["location"][1:]]:
            probs.append(f"{m_['id']}: kept in {kept}, the list says {m_['location']}")
    for p in (m_["inductors"] if m_["condition"] != "written off" else []):
        if mem[p]["name"].split()[0] not in m_["text"] and p not in m_["text"]:
            probs.append(f"{m_['id']}: inductor {p} not named in its text")
for p in PROJ:
    if not p["text"].startswith(p["id"] + ": "):
        probs.append(f"{p['id']}: text")
    if any(c not in MCODES for c in p["machines"]) or any(t not in mem for t in p["team"]) or p["lead"] not in mem:
        probs.append(f"{p['id']}: codes")
    if p["team"] and p["lead"] not in p["team"]:
        probs.append(f"{p['id']}: the lead is not on the team")
    used = sorted(d_["id"] for d_ in DONS if p["id"] in d_["used_for"].split(";"))
    if sorted(p["donations"]) != used:
        probs.append(f"{p['id']}: donations {p['donations']}, the donations file gives {used}")
    council = p["requester_kind"] in COUNCILS
    want = p["materials_gbp"] + (8 * p["hours"] if council else 0)
    if p["status"] == "completed" and p["charged_gbp"] != want:
        probs.append(f"{p['id']}: charged {p['charged_gbp']}, the charging rules give {want}")
    if p["status"] != "completed" and p["charged_gbp"] != 0:
        probs.append(f"{p['id']}: charged before it is done")
    if (p["status"] == "completed") != bool(p["finish"]) or (p["status"] in ("declined", "accepted", "on hold")) != (p["start"] is None):
        probs.append(f"{p['id']}: status and dates")
    if p["start"] and p["accepted"] and p["start"] < p["accepted"] or p["finish"] and p["finish"] < (p["start"] or ""):
        probs.append(f"{p['id']}: dates out of order")
    for t in p["team"]:
        if p["start"] and int(mem[t]["joined"]) > day(p["start"]).year:
            probs.append(f"{p['id']}: {t} had not joined")
    for c in p["machines"]:
        if p["start"] and mc[c]["acquired"] > day(p["finish"] or "2026-12-31").year:
            probs.append(f"{p['id']}: {c} came later")
    if p["hours"] and f"{p['hours']} hours" not in p["text"]:
        probs.append(f"{p['id']}: hours not in its text")
    if p["charged_gbp"] and f"GBP {p['charged_gbp']:,}" not in p["text"] and f"GBP {p['charged_gbp']}" not in p["text"]:
        probs.append(f"{p['id']}: charge not in its text")
for d_ in DONS:
    used = [u for u in d_["used_for"].split(";") if u]
    if (d_["accepted"] == "N") != (not used) or (d_["accepted"] == "N") != d_["notes"].startswith("refused"):
        probs.append(f"{d_['id']}: accepted, used and refused")
    for u in used:
        if not (u in pr or u in MCODES or u in CUP or u == "workshop"):
            probs.append(f"{d_['id']}: used for {u}")
    if d_["collected_by"] and d_["collected_by"] not in mem or d_["donor_kind"] == "member" and by_name[d_["donor"]]["ID"] != d_["collected_by"]:
        probs.append(f"{d_['id']}: collected by")
    if d_["stored"] == "salt barn" and day(d_["received"]) < LEASE_START or d_["stored"] == "yard container" and day(d_["received"]) >= LEASE_START:
        probs.append(f"{d_['id']}: stored {d_['stored']} on {d_['received']}")
if dn["dn26-04"]["used_for"] != "PD-02" or mc["PD-02"]["donation"] != "dn26-04" or "Mick Catchpole (MS058)" != mc["PD-02"]["donor"] \
        or "gave the bench drill PD-02 in March 2026" not in mem["MS058"]["notes"] or [m_["id"] for m_ in MACH if m_["donation"]] != ["PD-02"] \
        or sorted(u for u in dn["dn26-02"]["used_for"].split(";")) != sorted(c for c, r in CUP.items() if "dn26-02" in r[3]) \
        or "gave six sash cramps in September 2026" not in mem["MS107"]["notes"] or dn["dn26-11"]["received"][:7] != "2026-09" \
        or "dn26-09" not in inc or dn["dn26-09"]["received"] > "2026-08-05" or "PR26-04" not in inc \
        or "the new planer's first job" not in pr["PR26-02"]["text"] or "Its first job was the Hessleford benches (PR26-02)" not in mc["PL-02"]["text"] \
        or "dn26-05" not in flat("news/2026-09-scout-hut-ramp.md") or "dn26-01" not in BOXES["Timber"]:
    probs.append("the donations against the machines, the loan cupboard, the members, the incident and the project pages")

# machines against the shed page, the gifts page, the maintenance log and the news
given = sorted(m_["id"] for m_ in MACH if m_["how"] == "donated")
if sorted(GIVEN) != given or any(int(GIVEN[c][0]) != mc[c]["acquired"] for c in given) \
        or any(not mc[c]["donor"].startswith(GIVEN[c][3].split(",")[0]) and GIVEN[c][3] not in mc[c]["donor"] for c in given):
    probs.append(f"the machines given against the gifts page {given}")
g = {(y, who[:9]): amt for y, who, amt, _ in GRANTS}
if g[(2017, "Haverbeck")] < mc["WL-01"]["cost_gbp"] or g[(2023, "Ousemere ")] != mc["WE-01"]["cost_gbp"] \
        or g[(2026, "Northmoor")] < mc["PL-02"]["cost_gbp"] or mc["TS-01"]["acquired"] != 2019 \
        or mc["PD-01"]["acquired"] != 2016 or "pillar drill" not in [r for r in GRANTS if r[0] == 2016][0][3] \
        or "received on 2 March 2026" not in [r for r in GRANTS if r[0] == 2026][0][3] or "came in on 2 March" not in cttee:
    probs.append("grants against the machines they paid for")
pat = [m_["id"] for m_ in MACH if m_["pat_tested"] == "2026-02-12"]
mlog = {r[0]: r for r in MLOG}
if mlog["2026-02-12"][2].split(", ") != pat or len(pat) != 12 or "twelve machines passed" not in mlog["2026-02-12"][1] \
        or mc["PD-02"]["pat_tested"] != "2026-03-03" or "PD-02" not in mlog["2026-03-03"][2] \
        or {m_["id"] for m_ in MACH if not m_["pat_tested"]} != {"PL-01", "PL-02", "SP-01"} \
        or sum(float(r[4]) for r in MLOG) != 27 or "Hours this year to 24 October: 27" not in flat("workshop/maintenance-log-2026.md") \
        or any(c not in MCODES and c not in pr for r in MLOG for c in r[2].split(", ")) or any(p not in mem for r in MLOG for p in r[3].split(", ")) \
        or mc["DX-01"]["condition"] != "out of service" or "DX-01" not in mlog["2026-09-02"][2] or "2 September 2026" not in mc["DX-01"]["text"] \
        or mc["ML-01"]["condition"] != "needs attention" or "gib strip" not in mlog["2026-04-18"][1] or "gib strip is worn" not in mc["ML-01"]["text"] \
        or mc["PL-01"]["condition"] != "written off" or "PL-01" not in mlog["2026-01-14"][2] or "14 January 2026" not in mc["PL-01"]["text"] \
        or "after its table cracked on 14 January" not in cttee or "table cracked 14 January 2026; written off" != PLANER["Fate"][0] \
        or "PL-02" not in mlog["2026-05-12"][2] or "delivered on 12 May" not in mc["PL-02"]["text"] or "arrived on Tuesday 12 May" not in flat("news/2026-05-new-planer.md") \
        or day("2026-05-12").weekday() != 1 or "New drive belt July 2026" not in mc["WL-01"]["text"] or "WL-01" not in mlog["2026-07-04"][2] \
        or "September 2026" not in mc["TS-01"]["text"] or "TS-01" not in mlog["2026-09-19"][2] or "October 2026" not in mc["WE-01"]["text"] \
        or "WE-01" not in mlog["2026-10-10"][2] or "new one is still on order" in flat("workshop/maintenance-log-2026.md") \
        or "still on order" not in flat("workshop/maintenance-log-2026.md"):
    probs.append("the machines against the maintenance log, the news and the minutes")
if PLANER["Make and model"] != ("Harbrook PT-260", "Corvex CPT-310") or f"GBP {mc['PL-02']['cost_gbp']:,}" not in PLANER["Came to us"][1] \
        or PLANER["Planing width"][1] != "310 mm" or "310 mm" not in mc["PL-02"]["make_model"] or PLANER["Planing width"][0] != "260 mm" \
        or "260 mm" not in mc["PL-01"]["make_model"] or "2.0 kW" not in mc["PL-02"]["power"] or PLANER["Motor"] != ("1.5 kW", "2.0 kW") \
        or "1.5 kW" not in mc["PL-01"]["power"] or "Corvex CPT-310 at GBP 1,480" not in cttee or "2016, given by the Grammar School" != PLANER["Came to us"][0] \
        or mc["PL-01"]["acquired"] != 2016 or "ear defenders at the planer" not in R26["Eye and ear protection"][1]:
    probs.append("the planer news against the machines and the minutes")
areas = {k: int(re.match(r"(\d+) square metres", v).group(1)) for k, v in ROOMS.items() if re.match(r"\d+ square metres", v)}
if areas["Main workshop"] + areas["Machine room"] + areas["Metal bay"] != 96 or "96 square metres" not in L16["Premises"] \
        or areas["Mess room"] != 22 or "22 square metres" not in L16["Premises"] or areas["Salt barn"] != 40 \
        or "the old salt barn, 40 square metres" not in L26["Premises"][1] or "workshop's 96 square metres" not in flat("premises/the-shed.md") \
        or "Yard container" not in KEPT or "until the container goes at the end of 2026" not in KEPT["Yard container"] \
        or "the container to be gone by 31 December 2026" not in L26["Storage"][1] or "It must be gone by 31 December under the lease" not in agm:
    probs.append("the rooms against the leases and the AGM")

# loans: deposits, dates, fees and days by the two sets of terms
KIND = {c: r[2] for c, r in CUP.items()}
if TERMS["Deposit, power tools"] != ("GBP 10", "GBP 20") or TERMS["Deposit, hand tools"] != ("GBP 5", "GBP 5") \
        or TERMS["Longest loan"] != ("7 days", "14 days") or TERMS["Fee, everyone else"] != ("none", "GBP 2 a week or part of a week") \
        or "GBP 20 deposit on a power tool, loans of up to 14 days, and GBP 2 a week for anyone who is not a member" not in cttee \
        or sorted(CUP) != [f"lt-{k:02d}" for k in range(1, 11)]:
    probs.append("the loan terms against the minutes")
SESSION_DAYS = (1, 3, 5)
for r in LOANS:
    o = day(r["out"])
    new = o >= LOAN_TERMS_START
    dep = 0 if r["borrower_kind"] == "group" else {"power": (10, 20), "hand": (5, 5)}[KIND[r["tool"]]][new]
    if int(r["deposit_gbp"]) != dep:
        probs.append(f"{r['id']}: deposit {r['deposit_gbp']}, the terms give {dep}")
    if day(r["due"]) != o + datetime.timedelta(14 if new else 7):
        probs.append(f"{r['id']}: due date")
    if o.weekday() not in SESSION_DAYS or any(o in c for c in CLOSED.values()):
        probs.append(f"{r['id']}: not out at a day session")
    if (r["borrower_kind"] == "member") != bool(r["member"]) or r["member"] and mem[r["member"]]["name"] != r["borrower"]:
        probs.append(f"{r['id']}: member")
    if r["returned"]:
        b = day(r["returned"])
        days_ = (b - o).days
        fee = 2 * math.ceil(days_ / 7) if new and r["borrower_kind"] == "public" else 0
        if int(r["days"]) != days_ or int(r["fee_gbp"]) != fee or b > day(r["due"]) or b.weekday() not in SESSION_DAYS:
            probs.append(f"{r['id']}: days, fee or return ({r['days']}, {r['fee_gbp']}; want {days_}, {fee})")
        if (r["deposit_back"] == "-") != (dep == 0):
            probs.append(f"{r['id']}: deposit back")
    elif r["deposit_back"] != "N" or r["fee_gbp"] or r["days"]:
        probs.append(f"{r['id']}: not returned")
if [r["id"] for r in LOANS if r["deposit_back"] == "N"] != ["ln26-02", "ln26-09"] or "missing since the loan of 7 July" not in CUP["lt-03"][3] \
        or ln["ln26-09"]["tool"] != "lt-03" or ln["ln26-02"]["tool"] != "lt-03" or "blade clamp mended in February 2026" not in CUP["lt-03"][3] \
        or "Dean Fosdyke's deposit was kept for the jigsaw's broken clamp" not in cttee or ln["ln26-02"]["borrower"] != "Dean Fosdyke" \
        or [r["out"] for r in LOANS] != sorted(r["out"] for r in LOANS) \
        or "Colin de'Ath since the AGM of October 2026; Stan Tiplady before him" not in flat("loans/loan-cupboard.md") \
        or OFFICERS["Loans keeper"][1] != "Colin de'Ath" or "loans keeper 2021-2026" not in mem["MS045"]["notes"] \
        or "Stan Tiplady, who was thanked for five years of it" not in agm or 2026 - 2021 != 5:
    probs.append("the loan log against the cupboard, the minutes and the officers")

# the accounts: every line from the rates, the records and the lease
acc = acc_text.split("\nNotes\n")[0]
lines = {k.strip(): (num(v), x) for k, v, x in re.findall(r"^  ([A-Z][^\n]*?)\s+GBP\s+([\d,]+)(?:\s+\(([^)]*)\))?$", acc, re.M)}
surplus = num(re.search(r"^Surplus for the year\s+GBP\s+([\d,]+)", acc, re.M).group(1))
names_ = list(lines)
income = [v for k, (v, _) in lines.items() if names_.index(k) < names_.index("Total income")]
costs = [v for k, (v, _) in lines.items() if names_.index("Total income") < names_.index(k) < names_.index("Total costs")]
counts_ = {k: int(v) for k, v in re.findall(r"^  (Full|Concession|Associate|Carer|Honorary)\s+(\d+)", acc, re.M)}
for k, (v, x) in lines.items():
    m_ = re.fullmatch(r"([\d,]+)(?: paid visits)? x ([\d.]+)", x or "")
    if m_ and num(m_.group(1)) * float(m_.group(2)) != v:
        probs.append(f"accounts {k}: {x} is not {v}")
for cat in ("Full", "Concession", "Associate"):
    fee = int(num(FEES[[f for f in FEES if f.startswith(cat)][0]][0]))
    n_, each = (int(num(a)) for a in lines[f"Subscriptions, {cat.lower()}"][1].split(" x "))
    if n_ != counts_[cat] or each != fee or sum(m["type"] == cat.lower() for m in MEMBERS) > n_:
        probs.append(f"accounts: subscriptions, {cat.lower()}")
year_proj = [p for p in PROJ if p["finish"] and "2025-04-01" <= p["finish"] <= "2026-03-31"]
contrib = [r for r in CONTRIB if r[0] <= "2025-04-01" and (not r[1] or "2026-03-31" <= r[1])]
rent_rule = re.search(r"put the rent up to GBP ([\d,]+) a year from 1 June 2021", flat("premises/lease-2016.md"))
if sum(income) != lines["Total income"][0] or sum(costs) != lines["Total costs"][0] or lines["Total income"][0] - lines["Total costs"][0] != surplus \
        or sum(counts_.values()) != int(re.search(r"^  Total\s+(\d+)$", acc, re.M).group(1)) \
        or any(sum(m["type"] == c.lower() for m in MEMBERS) > counts_[c] for c in counts_) \
        or len(contrib) != 1 or lines["Session contributions"][1] != f"1,452 paid visits x {num(contrib[0][2]):g}" \
        or lines["Project charges"][0] != sum(p["charged_gbp"] for p in year_proj) \
        or lines["Project charges"][1] != ", ".join(p["id"] for p in year_proj[:-1]) + " and " + year_proj[-1]["id"] \
        or lines["Project materials"][0] != sum(p["materials_gbp"] for p in year_proj) or any(p["requester_kind"] in COUNCILS for p in year_proj) \
        or lines["Tool-loan deposits kept"] != (sum(int(r["deposit_gbp"]) for r in LOANS if r["deposit_back"] == "N" and r["out"] < "2026-04-01"), "ln26-02") \
        or lines["Rent, Haverbeck Town Council"] != (num(rent_rule.group(1)), "12 x 125") or 12 * 125 != 1500 \
        or "GBP 1,200 a year, GBP 1,500 after the 2021 review" != L26["Rent"][0] or "GBP 2,400 a year, reviewed every five years from 1 June 2031" != L26["Rent"][1] \
        or "2026 lease starts on 1 June 2026 at GBP 2,400" not in " ".join(acc_text.split()) \
        or "The rent is GBP 900 a year more than now" not in cttee or 2400 - 1500 != 900 \
        or lines["First-aid training"] != (180, "2 x 90") or "paid by the shed at GBP 90 each" not in cttee \
        or "first-aid course on 14 March 2026" not in mem["MS079"]["notes"] or "first-aid course on 14 March 2026" not in mem["MS102"]["notes"] \
        or mem["MS079"]["first_aid_until"] != "2029-03-13" or mem["MS102"]["first_aid_until"] != "2029-03-13" or day("2026-03-14").weekday() != 5 \
        or lines["Grant, Haverbeck Town Council"][0] != [r[2] for r in GRANTS if r[0] == 2025][0] \
        or lines["Grant, Northmoor Community Foundation"][0] != [r[2] for r in GRANTS if r[0] == 2026][0] \
        or f"without it the surplus would have been GBP {surplus - 2000:,.0f}" not in " ".join(acc_text.split()) \
        or f"income GBP {lines['Total income'][0]:,.0f}, costs GBP {lines['Total costs'][0]:,.0f}, a surplus of GBP {surplus:,.0f}" not in agm \
        or "examined by Sheila Ullathorne" not in acc_text or "examined by Sheila Ullathorne" not in agm.replace("examined by\n", "examined by ") \
        or OFFICERS["Independent examiner"][1] != "Sheila Ullathorne" or "GBP 5 million public liability" not in lines["Insurance"][1] \
        or L16["Insurance"] != "GBP 5 million public liability" or "council sub-meter" not in names_[names_.index("Total income") + 2].lower() \
        or "recharged to the shed quarterly at cost" not in L16["Electricity"] or lines["PAT testing"][0] <= 0 \
        or "Tool loans carried no fees before 1 April 2026" not in " ".join(acc_text.split()):
    probs.append("the accounts against the rates, the projects, the loans, the leases, the minutes and the AGM")

# histories: offices, subscription, session contribution, and the pages that quote them
for tab, name in ((CHAIRS, "chairs"), (SECS, "secretaries"), (TREAS, "treasurers")):
    for a, b in zip(tab, tab[1:]):
        if a[1] != b[0] and day(a[1]) + datetime.timedelta(1) != day(b[0]):
            probs.append(f"{name}: {a[2]} to {a[1]}, then {b[2]} from {b[0]}")
    if tab[-1][1] != "" or tab[0][0] != "2014-03-15":
        probs.append(f"{name}: first or last row")
    for r in tab:
        for when in (r[0], r[1]):
            if when and when[5:] not in ("03-15", "06-30", "07-01") and day(when) != nth_weekday(int(when[:4]), 10, 5, 3):
                probs.append(f"{name}: {when} is not an AGM, the founding or the acting chair's dates")
if holder(CHAIRS, "2026-10-20") != OFFICERS["Chair"][1] or holder(SECS, "2026-10-20") != OFFICERS["Secretary"][1] \
        or holder(TREAS, "2026-10-20") != OFFICERS["Treasurer"][1] or holder(CHAIRS, "2017-06-12") != ABOUT["Chair"] \
        or not ABOUT["Secretary and treasurer"].startswith(holder(SECS, "2017-06-12")) or holder(TREAS, "2017-06-12") != holder(SECS, "2017-06-12") \
        or holder(SECS, "2019-02-12") != "Pat Heppenstall" or "The secretary, Pat Heppenstall" not in faq \
        or f"Tell the chair, {holder(CHAIRS, '2019-02-12')}" not in faq or docs["about"].metadata.get("owner") != holder(TREAS, "2017-06-12") \
        or docs["faq/new-members-2019"].metadata.get("owner") != holder(SECS, "2019-02-12") \
        or docs["rules/safety-rules-2019"].metadata.get("owner") != OFFICERS["Safety officer"][1] or OFFICERS["Safety officer"][3] != "2019" \
        or "chair 2019-2026" not in mem["MS011"]["notes"] or "chair 2014-2019" not in mem["MS003"]["notes"] \
        or "acting chair from July to October 2019" not in mem["MS007"]["notes"] or "treasurer 2014-2021" not in mem["MS007"]["notes"] \
        or "secretary as well for a year from October 2016" not in mem["MS007"]["notes"] or "secretary since October 2017" not in mem["MS028"]["notes"] \
        or "treasurer since 2021" not in mem["MS033"]["notes"] or "chair since the AGM of 17 October 2026" not in mem["MS079"]["notes"] \
        or OFFICERS["President"][1:] != ["Wilf Baxendale", "MS003", "2019"] or "president since the AGM of 2019" not in mem["MS003"]["notes"] \
        or "The post of president was made at the AGM of 19 October 2019" not in flat("history/officers-history.md") \
        or any(OFFICERS[p][3] != str(int(holder(t, "2026-10-20") and [r for r in t if r[2] == OFFICERS[p][1]][0][0][:4]))
               for p, t in (("Chair", CHAIRS), ("Secretary", SECS), ("Treasurer", TREAS))) \
        or "Owain Draycott was elected chair" not in agm or "Ken was elected vice-chair" not in agm:
    probs.append("the office histories against the officers, the members, the 2017 page, the 2019 FAQ and the AGM")
for tab, name in ((SUBS, "subscriptions"), (CONTRIB, "contributions")):
    for a, b in zip(tab, tab[1:]):
        if day(a[1]) + datetime.timedelta(1) != day(b[0]):
            probs.append(f"{name}: a gap or overlap at {a[1]}")


def sub_on(when: str) -> int:
    return [int(r[2]) for r in SUBS if r[0] <= when and (not r[1] or when <= r[1])][0]


def contrib_on(when: str) -> str:
    return [r[2] for r in CONTRIB if r[0] <= when and (not r[1] or when <= r[1])][0]


if sub_on("2017-06-12") != 25 or sub_on("2017-03-31") != 20 or "GBP 25 a year from 1 April 2017 (it was GBP 20)" != ABOUT["Subscription"] \
        or f"GBP {contrib_on('2017-06-12'):.1s}" != "GBP 1" or "GBP 1 a visit" not in ABOUT["Session contribution"] \
        or sub_on("2019-02-12") != 25 or "GBP 25 a year, from April" not in faq or contrib_on("2019-02-12") != "1.00" \
        or "it's GBP 1 every time you come" not in faq or f"GBP {sub_on('2026-04-01')}" != FEES["Full"][1] \
        or f"GBP {sub_on('2025-04-01')}" != FEES["Full"][0] or sub_on("2027-04-01") != 45 \
        or "set the full subscription at GBP 45, on Walter Scholes's amendment; the committee had proposed GBP 48" not in flat("prices/subscriptions-2026-27.md") \
        or "Walter Scholes moved an amendment for GBP 45" not in agm or "carried by 23 votes to 14" not in agm \
        or "subscription for 2027-28 was then set at GBP 45" not in agm or "The committee proposed a full subscription of GBP 48" not in agm \
        or f"GBP {float(contrib_on('2026-04-01')):g}" != FEES["Session contribution, each visit"][1] \
        or SUBS[2][2] != "0" or "waived" not in SUBS[2][3] or sub_on("2020-04-01") != 0 \
        or "GBP 12 if you are over 70" not in faq or "over 70" not in [f for f in FEES if f.startswith("Concession")][0] \
        or "set at the AGM of 18 October 2025" not in SUBS[6][3] or day("2025-10-18") != nth_weekday(2025, 10, 5, 3) \
        or f"GBP {ABOUT['Rent'].split('GBP ')[1].split(' a year')[0]} a year" not in L16["Rent"] \
        or "10 years, from 1 June 2016 to 31 May 2026" != L16["Length"] or day("2016-05-24").weekday() != 1 or day("2026-05-19").weekday() != 1 \
        or "15 years, 1 June 2026 to 31 May 2041" != L26["Length"][1] or 2041 - 2026 != 15:
    probs.append("the subscription and contribution histories against the 2017 page, the 2019 FAQ, the prices, the leases and the AGM")
if L26["Landlord"] != ("Haverbeck Town Council", "Haverbeck Community Land Trust") or L16["Landlord"] != L26["Landlord"][0] \
        or "transfer the depot and the salt barn to Haverbeck Community Land Trust on 1 April" not in cttee \
        or "08:00 to 20:00, Monday to Saturday; no machines on Sundays" != L16["Opening hours"] or L26["Opening hours"][0] != L16["Opening hours"] \
        or "machines only between 09:00 and 21:00" not in L26["Opening hours"][1] or "our lease does not let us run machines after 20:00" not in faq \
        or any(r[2] > "18:00-20:00" and day(r[1]) < LEASE_START for r in held) or "the machines must be off by 21:00" not in flat("guides/opening-and-closing.md") \
        or "nobody may be in the building after 21:30" not in flat("guides/opening-and-closing.md") or "08:00 to 21:30" not in L26["Opening hours"][1] \
        or any(L26[k][0].rstrip(".") not in L16[k] and L16[k] not in L26[k][0] and k not in ("Premises", "Length", "Rent", "Electricity", "Ending it", "Alterations", "Parking", "Storage")
               for k in L16) or "two spaces in the depot yard" != L16["Parking"] or "three months' notice" not in L16["Ending it"] \
        or "the shed's own three-phase supply" not in L26["Electricity"][1] or "three-phase since June 2026" not in ROOMS["Supply"] \
        or "GBP 10 million public liability" != L26["Insurance"][1] or "the extraction ducting and the three-phase wiring agreed" not in L26["Alterations"][1] \
        or "on the ducting since June 2026" not in mc["BS-01"]["text"] or "Machine room" not in ROOMS or "on the extraction ducting since June 2026" not in ROOMS["Machine room"]:
    probs.append("the two leases against each other, the minutes, the FAQ, the guide and the shed page")

# the two sets of safety rules
stems = lambda t: {w[:3] for w in re.findall(r"[a-z']+", t.lower())}
if set(R19) != set(R26) or any(not stems(R26[k][0]) <= stems(R19[k]) for k in R19) \
        or R19["Blades and cutters"] != "changed by the workshop manager" or R26["Blades and cutters"][0] != R19["Blades and cutters"] \
        or "bandsaw blades only by the safety officer or the workshop manager" not in R26["Blades and cutters"][1] \
        or "who are also the only two allowed to change its blades" not in mc["BS-01"]["text"] or sorted(mc["BS-01"]["inductors"]) != sorted([OFFICERS["Safety officer"][2], OFFICERS["Workshop manager"][2]]) \
        or "Bandsaw blades are changed only by Brian ffrench or me, as the rules already say" not in inc \
        or R19["Signing in"] != "the visitors' book, for visitors" or R26["Signing in"][0] != "the visitors' book" \
        or "the supervisor and the first aider are two people" not in R26["First aid"][1] or R19["Under-18s"] != "only with a parent or grandparent, and no machines" \
        or "Anyone under 18 must come with a parent or grandparent and may not use the machines" not in faq \
        or "That goes for every machine in the place, the table saw included" not in faq or R19["Table saw, metal lathe and welder"] != "as any other machine" \
        or "Tell the chair, Wilf Baxendale" not in faq or R19["Accidents"] != "tell the chair" or day("2019-03-12").weekday() != 1 \
        or "Agreed by the committee on 10 March 2026" not in flat("rules/safety-rules-2026.md") or "to come in on 1 May" not in cttee \
        or "Inductions are given on Saturday mornings" not in flat("rules/safety-rules-2026.md"):
    probs.append("the 2019 and 2026 safety rules against each other, the FAQ, the machines and the incident")

# the incident: the note against the evening log, the members, the maintenance log, the AGM
e15 = ev["2026-08-05"]
if (e15[3], e15[4], e15[5]) != ("MS036", "MS070", "11") or "Supervisor: Clive Venables (MS036)" not in inc or "First aider: Graham Cropper (MS070)" not in inc \
        or "Eleven signed in" not in inc or "stopped at 19:50" not in e15[7] or "19:50 Clive stopped the session" not in inc \
        or "Stan Tiplady (MS045)" not in inc or "dressed Stan's hand on 5 August 2026" not in mem["MS070"]["notes"] \
        or "cut his hand when the bandsaw blade broke on 5 August 2026" not in mem["MS045"]["notes"] or "BS-01" not in e15[6] \
        or "I took the blade off on 6 August" not in inc or "2026-08-06" not in mlog or "A new 10 mm blade went on on 8 August" not in inc \
        or "new 10 mm blade" not in mlog["2026-08-08"][1] or "a new blade went on on 8 August" not in mc["BS-01"]["text"] \
        or "Friday 7 August 2026" not in inc or day("2026-08-07").weekday() != 4 or "WEDNESDAY 5 AUGUST 2026" not in inc \
        or "2,560 mm" not in inc or "2,560 mm blade" not in mc["BS-01"]["make_model"] or "the broken bandsaw blade of 5 August" not in agm \
        or "every six months or every 40 hours of use" not in agm or "Sam Oyediran" not in inc or mem["MS045"]["supervisor"] == "Y":
    probs.append("the bandsaw incident against the evening log, the members, the machines, the maintenance log and the AGM")

# projects against their pages, the AGM, the yearly table and the members
done26 = [p for p in PROJ if p["finish"] and p["finish"] >= "2026-01-01" and p["requester"] != "the shed"]
ramp_len, rise = float(RAMP["Length"][1].split()[0]), int(RAMP["Rise to the door"][1].split()[0])
if len(done26) != 5 or "Five community jobs finished since January" not in agm \
        or YEARS[2025][1:3] != ["11", "880"] or not YEARS[2025][3].startswith("PR25-08") or f"{pr['PR25-08']['hours']} hours" not in YEARS[2025][3] \
        or max((p for p in PROJ if p["finish"] and p["finish"][:4] == "2025"), key=lambda p: p["hours"])["id"] != "PR25-08" \
        or sorted(YEARS) != list(range(2014, 2026)) or BOXES["Boxes made"] != "30, of which 24 are hole-fronted and 6 open-fronted for robins" \
        or 16 + 8 != 24 or f"GBP {pr['PR26-01']['materials_gbp']}" not in BOXES["Materials bought"] or 31 + 28 + 27 != pr["PR26-01"]["materials_gbp"] \
        or f"{pr['PR26-01']['materials_gbp'] / 30:.2f}" not in BOXES["Materials bought"] or f"{pr['PR26-01']['hours']}, over nine sessions" != BOXES["Hours"] \
        or "Friday 20 March 2026" not in BOXES["Delivered"] or pr["PR26-01"]["finish"] != "2026-03-20" or day("2026-03-20").weekday() != 4 \
        or "Tuesday 13 January" not in flat("projects/bird-boxes-brantholme.md") or pr["PR26-01"]["accepted"] != "2026-01-13" \
        or round(ramp_len * 1000 / rise, 1) != 14.5 or RAMP["Gradient"][1] != "1 in 14.5" or round(3.0 * 1000 / rise) != 9 \
        or f"GBP {pr['PR26-03']['charged_gbp']}" not in flat("news/2026-09-scout-hut-ramp.md") or f"{pr['PR26-03']['hours']} hours in all" not in flat("news/2026-09-scout-hut-ramp.md") \
        or "Saturday 12 September" not in flat("news/2026-09-scout-hut-ramp.md") or pr["PR26-03"]["finish"] != "2026-09-12" \
        or sorted(by_name[n]["ID"] for n in ("Eamon Kinsale", "Graham Cropper", "Sam Oyediran", "Arthur Featherstonhaugh")) != sorted(pr["PR26-03"]["team"]) \
        or sorted(by_name[n]["ID"] for n in ("Ian di Marco", "Walter Scholes", "Len Gathorne", "Ray Gathorne", "Piotr Jaworski")) != sorted(pr["PR26-01"]["team"]) \
        or "the benches' oak legs cut" not in ev["2026-04-15"][7] or "accepted on 10 February, were started on 4 March" not in cttee \
        or (pr["PR26-02"]["accepted"], pr["PR26-02"]["start"]) != ("2026-02-10", "2026-03-04") or pr["PR26-05"]["status"] != "declined" \
        or "the county council owns the shelter" not in cttee or "GBP 8 an hour" not in flat("prices/subscriptions-2026-27.md") \
        or "Christmas market on 12 December" not in pr["PR26-04"]["text"] or "Saturday 12 December" not in agm or day("2026-12-12").weekday() != 5 \
        or "led the ramp at the scout hut (PR26-03)" not in mem["MS052"]["notes"] or pr["PR26-03"]["lead"] != "MS052" \
        or "led the bird boxes (PR26-01) and leads the hedgehog houses (PR26-07)" not in mem["MS074"]["notes"] \
        or (pr["PR26-01"]["lead"], pr["PR26-07"]["lead"]) != ("MS074", "MS074") or pr["PR26-08"]["lead"] != "MS096" \
        or "(PR26-08)" not in mem["MS096"]["notes"] or OFFICERS["Projects coordinator"][2] != pr["PR26-09"]["lead"] \
        or "built by his grandfather's firm in 1962" not in mem["MS083"]["notes"] or "made in 1962 by Sedley & Hale" not in mc["ML-01"]["text"]:
    probs.append("the projects against their pages, the news, the minutes, the AGM and the members")

# the Gaffer's Mallet against the members' notes and the AGM
notes_mallet = {int(y): m["name"] for m in MEMBERS for y in re.findall(r"Gaffer's Mallet ((?:\d{4})(?: and \d{4})?)", m["notes"])
                for y in y.split(" and ")}
if any(MALLET[y][1] != n for y, n in notes_mallet.items()) or MALLET[2026][1] != "Eamon Kinsale" \
        or "The president gave the mallet to Eamon Kinsale" not in agm or MALLET[2020][1] != "not given" \
        or "apart from 2020, when there was no AGM" not in flat("history/officers-history.md") or sorted(MALLET) != list(range(2015, 2027)) \
        or len(notes_mallet) != 6 or "made by Wilf Baxendale" not in flat("history/projects-by-year.html") \
        or lines["Engraving the Gaffer's Mallet"][0] <= 0:
    probs.append(f"the Gaffer's Mallet against the members' notes and the AGM {notes_mallet}")

# comparison facts, recomputed
cmp_facts = {
    "t35-dev-023": mc["TS-01"]["cost_gbp"] > mc["BS-01"]["cost_gbp"],
    "t35-dev-024": pr["PR25-06"]["hours"] > pr["PR25-09"]["hours"],
    "t35-dev-025": int(mem["MS063"]["joined"]) < int(mem["MS070"]["joined"]),
    "t35-dev-026": int(ln["ln26-03"]["days"]) > int(ln["ln26-06"]["days"]),
    "t35-dev-027": int(dn["dn26-09"]["est_value_gbp"]) > int(dn["dn26-07"]["est_value_gbp"]),
    "t35-test-035": mc["PD-01"]["acquired"] < mc["SD-01"]["acquired"],
    "t35-test-036": pr["PR25-08"]["charged_gbp"] > pr["PR26-06"]["charged_gbp"],
    "t35-test-037": int(mem["MS011"]["evenings_supervised_2026"]) > int(mem["MS052"]["evenings_supervised_2026"]),
    "t35-test-038": int(ln["ln26-07"]["fee_gbp"]) > int(ln["ln26-08"]["fee_gbp"]),
    "t35-test-039": areas["Machine room"] > areas["Mess room"],
    "t35-test-040": int(mem["MS074"]["joined"]) < int(mem["MS079"]["joined"]),
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
check("no repeated question; no test gold equals a dev gold", probs)

want = hashlib.sha256((HERE / "test.jsonl").read_bytes()).hexdigest() + "  test.jsonl\n"
sha = HERE / "test.jsonl.sha256"
got = sha.read_text() if sha.exists() else ""
check("test.jsonl.sha256 matches", [] if got == want else [f"sha file {got!r} != {want!r}"])

print("ALL PASS" if not FAILS else f"{len(FAILS)} FAILED: {FAILS}")
sys.exit(1 if FAILS else 0)
