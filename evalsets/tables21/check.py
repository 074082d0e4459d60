"""Checks for evalsets/tables21 (no model): run from anywhere (src/ is put on the path).

Prints PASS/FAIL per check and exits 1 if any check fails.
"""
from __future__ import annotations

import collections
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


def check(name: str, problems: list[str]) -> None:
    print(("PASS " if not problems else "FAIL ") + name)
    for p in problems[:20]:
        print("    " + p)
    if problems:
        FAILS.append(name)


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
      load_problems + ([] if len(files) == 35 else ["expected 35 files"])
      + ([] if len(docs) == 87 else ["expected 87 documents"]))

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

WANT = {"dev": {"single_hop": 12, "reverse": 5, "multi_hop": 5, "comparison": 5, "filter": 5,
                "temporal": 5, "unanswerable": 8},
        "test": {"single_hop": 20, "reverse": 8, "multi_hop": 6, "comparison": 8, "filter": 10,
                 "temporal": 6, "unanswerable": 12}}
probs = []
for split, items in (("dev", dev), ("test", test)):
    got = collections.Counter(i.type for i in items)
    if dict(got) != WANT[split]:
        probs.append(f"{split}: {dict(got)}")
    derived = [i.id for i in items if i.meta.get("derived")]
    if len(derived) != 1:
        probs.append(f"{split}: derived {derived}")
    for i in items:
        if not i.meta.get("kind"):
            probs.append(f"{i.id}: no kind")
        if not re.fullmatch(rf"t21-{split}-\d{{3}}", i.id):
            probs.append(f"{i.id}: bad id")
        if i.type == "comparison" and not i.options:
            probs.append(f"{i.id}: comparison without options")
        if (i.type == "unanswerable") != (not i.answers):
            probs.append(f"{i.id}: type/answers mismatch")
        if i.answers and not i.evidence:
            probs.append(f"{i.id}: no evidence")
check("type counts, ids, kinds, one derived count per split", probs)

ALL = dev + test
check("every evidence id is a document",
      [f"{i.id}: {e}" for i in ALL for e in i.evidence if e not in ids])


def doc_tokens(doc_id: str) -> list[str]:
    d = docs[doc_id]
    return answer_tokens(d.title + "\n" + d.text)


probs = []
for i in ALL:
    if not i.answers or i.meta.get("derived"):
        continue
    for g in i.answers:
        if not any(contains_tokens(doc_tokens(e), answer_tokens(g)) for e in i.evidence):
            probs.append(f"{i.id}: gold {g!r} not in its evidence")
check("every gold of answerable non-derived items occurs in an evidence document", probs)


def squash(text: str) -> str:
    return " ".join(text.lower().split())


probs = []
for i in ALL:
    if not i.answers or i.meta.get("derived"):
        continue
    for g in i.answers:
        if not any(squash(g) in squash(docs[e].title + "\n" + docs[e].text) for e in i.evidence):
            probs.append(f"{i.id}: gold {g!r} not verbatim in its evidence")
check("every gold of answerable non-derived items occurs verbatim (case and spaces squashed)", probs)

probs = []
for i in ALL:
    if i.type == "multi_hop":
        for g in i.answers:
            if contains_tokens(doc_tokens(i.evidence[0]), answer_tokens(g)):
                probs.append(f"{i.id}: {g!r} already in first hop")
check("no multi_hop answer occurs in its first-hop document", probs)

probs = []
for i in ALL:
    for g in i.answers:
        for text in (g, f"The answer is {g}."):
            if not is_correct(i, text, False):
                probs.append(f"{i.id}: {text!r} scored wrong")
check("every gold alone and in a sentence scores correct", probs)

probs = []
for i in ALL:
    ok = is_correct(i, "The documents do not say.", False)
    if ok != (not i.answers):
        probs.append(f"{i.id}: abstention scored {ok}")
check("abstention: wrong for answerable, correct for unanswerable", probs)

probs = []
for i in ALL:
    if not i.options:
        continue
    if not any(o in i.answers for o in i.options):
        probs.append(f"{i.id}: no gold among options")
    a, b = i.options
    for text in (a + " or " + b, b + " or " + a):
        if is_correct(i, text, False):
            probs.append(f"{i.id}: {text!r} scored correct")
    for o in i.options:
        if o in i.answers:
            continue
        for text in (o, f"The answer is {o}."):
            if is_correct(i, text, False):
                probs.append(f"{i.id}: wrong option {text!r} scored correct")
check("wrong comparison options and 'A or B' score wrong", probs)

probs = []
for i in ALL:
    for g in i.answers:
        if g.strip().lower() in ("none", "no", "nothing"):
            probs.append(f"{i.id}: bare none-like gold")
check("no bare 'none' gold", probs)

# Unanswerable items, keyed by id: ([(regex that an answer would need, documents where it may
# occur), ...], a made-up answer sentence). Every regex must match the made-up sentence (so no
# rule is a dead one).
ABSENT = {
    "t21-dev-038": ([(r"\w@\w|e-?mail", [])],
                    "Email Margery at secretary@adcl.org.uk."),
    "t21-dev-039": ([(r"insur", [])],
                    "Insuring the equipment costs GBP 85 a year."),
    "t21-dev-040": ([(r"2020-21|2020–21|2020/21", [])],
                    "In 2020-21 we had 198 registered players."),
    "t21-dev-041": ([(r"www\.|https?://|\.org\b|\.co\.uk|website", [])],
                    "Our website is www.adcl.org.uk."),
    "t21-dev-042": ([(r"FIDE rating (of|is)[^.|]{0,20}\b\d{4}\b|\b\d{4} FIDE|FIDE[- ]rated \d", [])],
                    "His FIDE rating is 2231."),
    "t21-dev-043": ([(r"Wool Exchange[^.|]{0,80}\b(clos|lock)|\b(clos|lock)[^.|]{0,80}Wool Exchange", [])],
                    "The Wool Exchange closes at 23:00."),
    "t21-dev-044": ([(r"\baged \d|\bage \d|\d+ years? old|date of birth|\bborn (in|on)\b", ["faq/joining-2019"]),
                     (r"Quenneville", None)],
                    "Tobias Quenneville is 13 years old."),
    "t21-dev-045": ([(r"Gresley[^|]{0,100}\b(2019|2018-19)\b|\b(2019|2018-19)\b[^|]{0,100}Gresley", [])],
                    "Stavenby 1 won the Gresley Cup in 2019."),
    "t21-test-059": ([(r"phone number|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44", [])],
                     "Ring Philippa on 01632 960 441."),
    "t21-test-060": ([(r"2019-20\b|2019–20|2019/20", [])],
                     "There were 247 registered players in 2019-20."),
    "t21-test-061": ([(r"\bprize", [])],
                     "GBP 600 in prize money was paid out."),
    "t21-test-062": ([(r"(?-i:\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b)|post ?code", [])],
                     "The Wool Exchange's postcode is AD1 4SH."),
    "t21-test-063": ([(r"servic", [])],
                     "The last service of the Tempora clocks cost GBP 45."),
    "t21-test-064": ([(r"Blitz[^.|]{0,120}\b(won|wins|winners?|champions?)\b|\b(won|wins|winners?|champions?)\b[^.|]{0,120}Blitz", [])],
                     "Aldercombe 1 won the Winter Blitz in 2025."),
    "t21-test-065": ([(r"Lindholm", ["notes/2026-11-phone-appeal-decision"]),
                      (r"\brat(ed|ing|ings)\b", None)],
                     "Gervase Lindholm-Achebe is rated 1710."),
    "t21-test-066": ([(r"spectator|onlooker|audience", [])],
                     "About 140 spectators watched finals day."),
    "t21-test-067": ([(r"function room[^.|]{0,80}(seat|hold|capacity|\d)|(seat|capacity)[^.|]{0,80}function room", [])],
                     "The function room seats 40 players."),
    "t21-test-068": ([(r"restor|re-?plat|refurbish", [])],
                     "The Shield was restored in 2012."),
    "t21-test-069": ([(r"\bmiles?\b|\bkm\b|kilomet", [])],
                     "Wrayholme is 11 miles from Aldercombe."),
    "t21-test-070": ([(r"\bincome\b|\brevenue\b|turnover|total receipts", [])],
                     "The League's income in 2025-26 was GBP 9,400."),
}
# For (pattern, None): the pattern must be absent from the documents allowed by the line before.
full = {k: (d.title + "\n" + d.text + "\n" + json.dumps(d.metadata, default=str)).replace("\n", " ")
        for k, d in docs.items()}
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
        rx = re.compile(pat, re.I)
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


# Counts and filters recomputed from the record files themselves (csv and jsonl read directly):
# each derived count and each filter item's answer must be what the rows give.
def rows(rel: str) -> list[dict]:
    path = HERE / "corpus" / rel
    if rel.endswith(".csv"):
        import csv
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


CLUBS = rows("clubs/clubs.csv")
FIXTURES = rows("fixtures/results-2026-27.csv")
PLAYERS = rows("players/register-2026-27.csv")
OFFICERS = rows("people/officers.jsonl")
COMPS = rows("competitions/competitions.jsonl")
PLAYED = [r for r in FIXTURES if r["h_pts"]]
by_id = {i.id: i for i in ALL}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t21-dev-032": str(sum(float(r["h_pts"]) == float(r["a_pts"]) for r in PLAYED)),
    "t21-test-050": str(sum(int(r["members"]) >= 30 for r in CLUBS)),
    # filters: the one row meeting the condition
    "t21-dev-028": [r["name"] for r in CLUBS if not r["sec"]],
    "t21-dev-029": [r["id"] for r in FIXTURES if not r["h_pts"]],
    "t21-dev-030": [r["player"] for r in PLAYERS if not r["rpd"]],
    "t21-dev-031": [o["name"] for o in OFFICERS if o["since"] == 2023],
    "t21-test-041": [r["name"] for r in CLUBS if r["night"] == "Monday" and r["step_free"] == "N"],
    "t21-test-042": [r["player"] for r in PLAYERS if r["club"] == "CRB" and r["cat"] == "S"],
    "t21-test-043": [r["player"] for r in PLAYERS if r["cat"] == "J" and r["fide"] == "Y"],
    "t21-test-044": [r["id"] for r in FIXTURES if r["comp"] == "C-D1" and r["dflt"] not in ("", "0")],
    "t21-test-045": [r["id"] for r in FIXTURES if r["card"] == "N"],
    "t21-test-046": [o["name"] for o in OFFICERS if o["role"] == "Match Controller" and o["dbs"] == "N"],
}
probs = []
for k, v in RECOMPUTE.items():
    item = by_id.get(k)
    if item is None:
        probs.append(f"{k}: no such item")
        continue
    if isinstance(v, str):
        if v not in item.answers or not item.meta.get("derived"):
            probs.append(f"{k}: recomputed count {v} not its derived gold")
        elif len(item.evidence) != int(v):
            probs.append(f"{k}: {len(item.evidence)} evidence rows for a count of {v}")
    elif len(v) != 1 or v[0] not in item.answers:
        probs.append(f"{k}: rows meeting the condition {v}")
# facts restated elsewhere, and the metadata the comparisons use
comp = {c["id"]: c for c in COMPS}
division_teams = sum(comp[c]["teams"] for c in ("C-PR", "C-D1", "C-D2"))
if division_teams != 17 or sum(int(r["teams_n"]) for r in CLUBS) != 17:
    probs.append("teams in the three divisions are not the 17 of the AGM minutes")
if not comp["C-BZ"]["rounds"] > comp["C-RP"]["rounds"]:
    probs.append("Winter Blitz rounds not above Rapidplay League rounds")
if not comp["C-GC"]["first_round"] < comp["C-PL"]["first_round"]:
    probs.append("Gresley Cup does not start before the Percival Plate")
off = {o["id"]: o for o in OFFICERS}
if not off["O-06"]["since"] < off["O-03"]["since"]:
    probs.append("O-06 not in office longer than O-03")
controlled = sorted(c for o in OFFICERS for c in o["controls"])
if controlled != sorted(comp) or any(comp[c]["controller"] not in off or c not in off[comp[c]["controller"]]["controls"] for c in comp):
    probs.append("officers' controls and competitions' controllers do not agree")
# the match card: ratings as on the register, points as in the results file
card = docs["cards/card-FX-13"].text
rtg = {r["ID"]: r["rtg"] for r in PLAYERS}
pts = {"HW": (1, 0), "AW": (0, 1), "DR": (0.5, 0.5)}
home = away = 0.0
for m in re.finditer(r"^\| \d \| (\w+) \| (\d+) \| (\w+) \| (\w+) \| (\d+) \|$", card, re.M):
    h, hr, res, a, ar = m.groups()
    if rtg.get(h) != hr or rtg.get(a) != ar:
        probs.append(f"card ratings of {h}/{a} differ from the register")
    home += pts[res][0]
    away += pts[res][1]
fx13 = next(r for r in FIXTURES if r["id"] == "FX-13")
if (home, away) != (float(fx13["h_pts"]), float(fx13["a_pts"])):
    probs.append(f"card total {home}-{away} differs from FX-13")
# the congress: section entries and club entries both make the 110 of the news and minutes
html = (HERE / "corpus" / "congress" / "junior-congress-2026.html").read_text(encoding="utf-8")
sections = [int(x) for x in re.findall(r"<tr><td>Under-[^<]*</td><td>\d+</td><td>[^<]*</td><td>(\d+)</td>", html)]
clubs_n = [int(x) for x in re.findall(r"<tr><td>(?:[A-Z]{3}|unattached)</td><td>(\d+)</td></tr>", html)]
if sum(sections) != 110 or sum(clubs_n) != 110 or len(sections) != 5 or len(clubs_n) != 11:
    probs.append(f"congress entries {sections} / {clubs_n} do not make 110")
check("derived counts and filter answers recomputed from the record files; restated facts agree", probs)

probs = []
qs = collections.Counter(i.question.strip().lower() for i in ALL)
probs += [f"repeated question: {q}" for q, n in qs.items() if n > 1]
dev_golds = {g.strip().lower() for i in dev for g in i.answers}
probs += [f"{i.id}: test gold {g!r} is a dev gold" for i in test for g in i.answers
          if g.strip().lower() in dev_golds]
check("no repeated question; no test gold equals a dev gold", probs)

want = hashlib.sha256((HERE / "test.jsonl").read_bytes()).hexdigest() + "  test.jsonl\n"
got = (HERE / "test.jsonl.sha256").read_text()
check("test.jsonl.sha256 matches", [] if got == want else [f"sha file {got!r} != {want!r}"])

print("ALL PASS" if not FAILS else f"{len(FAILS)} FAILED: {FAILS}")
sys.exit(1 if FAILS else 0)
