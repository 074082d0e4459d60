"""Checks for evalsets/tables22 (no model): run from anywhere (src/ is put on the path).

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
      load_problems + ([] if len(files) == 30 else ["expected 30 files"])
      + ([] if len(docs) == 90 else ["expected 90 documents"]))

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
        if not re.fullmatch(rf"t22-{split}-\d{{3}}", i.id):
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
    "t22-dev-038": ([(r"\w@\w|e-?mail", [])],
                    "Write to secretary@odhra.org.uk."),
    "t22-dev-039": ([(r"prize money|cash prize|prizes?[^.|]{0,40}(GBP|£)", [])],
                    "The winner gets a prize of GBP 50."),
    "t22-dev-040": ([(r"grid ref|(?-i:\b[A-Z]{2} ?\d{4,}\b)", [])],
                    "Stang Pike summit is at grid reference NY 4123 0876."),
    "t22-dev-041": ([(r"\bborn\b|birth|\d+ years? old", []),
                     (r"Slingsby[^|.]{0,100}\baged? \d|\baged? \d+[^|.]{0,100}Slingsby", [])],
                    "Bartholomew Slingsby, born in 1951, is 75 years old; Slingsby is aged 75."),
    "t22-dev-042": ([(r"treasurer[^|]{0,120}\b(2016|2015|2014)\b|\b(2016|2015|2014)\b[^|]{0,120}treasurer", [])],
                    "In 2016 the treasurer was Osbert Clayhanger."),
    "t22-dev-043": ([(r"first aid bags?[^.|]{0,80}(GBP|£|\d)|(GBP|£)[^.|]{0,80}first aid bag", [])],
                    "The first aid bags cost GBP 412 in 2025."),
    "t22-dev-044": ([(r"subscription", ["clubs/kelbeck-fell-runners"])],
                    "Pennock Bridge Joggers' subscription is GBP 12 a year."),
    "t22-dev-045": ([(r"(Hawkmoor|R-06)[^|]{0,200}\b\d:\d\d:\d\d\b", []),
                     (r"Hawkmoor[^.|]{0,100}\brecord|\brecord[^.|]{0,100}Hawkmoor", [])],
                    "The Hawkmoor Traverse record is 2:41:09, a record set in 2011."),
    "t22-test-059": ([(r"(?-i:\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b)|post ?code", [])],
                     "The Kelbeck Institute's postcode is KB4 7RT."),
    "t22-test-060": ([(r"phone number|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44|\b999\b|\b112\b", [])],
                     "Ring the team on 01632 960 118."),
    "t22-test-061": ([(r"(Night Race|R-12)[^|]{0,200}\b\d{1,2}:\d\d\b|\b\d{1,2}:\d\d\b[^|]{0,200}(Night Race|R-12)", [])],
                     "The Scarholm Night Race was won in 31:05."),
    "t22-test-062": ([(r"radios?[^.|]{0,80}(GBP|£|\bcost|bought|paid)|(GBP|£|\bcost|bought|paid)[^.|]{0,80}radios?", [])],
                     "The radios cost GBP 960."),
    "t22-test-063": ([(r"Skyline[^.|]{0,150}\b2025\b|\b2025\b[^.|]{0,150}Skyline", [])],
                     "The 2025 Skyline had 141 finishers."),
    "t22-test-064": ([(r"sponsor", [])],
                     "The championship is sponsored by Fellgrip Shoes."),
    "t22-test-065": ([(r"\bbuilt\b|\bconstructed\b|dates from|\berected\b", [])],
                     "The Hollinfell Inn was built in 1743."),
    "t22-test-066": ([(r"Fothergill[^|]{0,200}\b(works?|job|teacher|engineer|farmer|occupation|profession|nurse|shepherd)\b", [])],
                     "Dorian Fothergill works as a farmer."),
    "t22-test-067": ([(r"profit|surplus|\bmade GBP|raised GBP|\bmade a (profit|loss)", [])],
                     "The evening made a profit of GBP 640."),
    "t22-test-068": ([(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)[- ]marshals\b|marshals[^.|]{0,20}\b\d+", [])],
                     "Eighteen marshals, that is 18 marshals, worked on the Black Tarn Round."),
    "t22-test-069": ([(r"Brackenthwaite[^|]{0,150}\b2019\b|\b2019\b[^|]{0,150}Brackenthwaite", [])],
                     "Kelbeck won the Brackenthwaite Bowl in 2019."),
    "t22-test-070": ([(r"(Scarisbrick|U15|under-15)[^|]{0,120}\b\d{1,2}:\d\d\b|\b\d{1,2}:\d\d\b[^|]{0,120}(Scarisbrick|U15|under-15)", [])],
                     "Ned Scarisbrick won the U15 race in 14:22."),
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


CLUBS = rows("clubs/clubs.jsonl")
PEOPLE = rows("people/committee.jsonl")
RACES = rows("races/races-2026.csv")
CPS = rows("races/checkpoints-2026.csv")
RUNNERS = rows("runners/championship-2026.csv")
by_id = {i.id: i for i in ALL}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t22-dev-032": str(sum(r["finishers"] != "" and int(r["finishers"]) > 200 for r in RACES)),
    "t22-test-052": str(sum(c["members"] > 60 for c in CLUBS)),
    # filters: the one row or record meeting the condition
    "t22-dev-028": [c["name"] for c in CLUBS if c["home_race"] is None],
    "t22-dev-029": [r["name"] for r in RACES if r["status"] == "cancelled"],
    "t22-dev-030": [r["runner"] for r in RUNNERS if r["paid"] == "N"],
    "t22-dev-031": [r["place"] for r in CPS if r["race"] == "R-02" and r["manned"] == "N"],
    "t22-test-043": [r["place"] for r in CPS if r["race"] == "R-10" and r["manned"] == "N"],
    "t22-test-044": [max((r for r in CPS if r["race"] == "R-10"), key=lambda r: int(r["height_m"]))["place"]],
    "t22-test-045": [r["runner"] for r in RUNNERS if r["cat"] == "WS" and r["long"] == "N"],
    "t22-test-046": [max((p for p in PEOPLE if p["first_aid"] == "N"), key=lambda p: p["since"])["name"]],
    "t22-test-047": [r["name"] for r in RACES if r["status"] == "open"],
    "t22-test-048": [r["name"] for r in RACES if r["nav"] == "Y" and r["champ"] == "N"],
    "t22-test-049": [r["name"] for r in RACES if r["champ"] == "Y" and r["grade"].startswith("M") and r["status"] == "run"],
    "t22-test-050": [r["place"] for r in CPS if r["race"] == "R-13" and r["manned"] == "N" and r["water"] == "N"],
    "t22-test-051": [r["runner"] for r in RUNNERS if r["races"] == "3"],
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
            probs.append(f"{k}: recomputed count {v} not its derived gold")
        elif len(item.evidence) != int(v):
            probs.append(f"{k}: {len(item.evidence)} evidence rows for a count of {v}")
    elif len(v) != 1 or v[0] not in item.answers:
        probs.append(f"{k}: rows meeting the condition {v}")
filters = sorted(i.id for i in ALL if i.type == "filter")
if filters != sorted(RECOMPUTE):
    probs.append(f"filter items without a recomputation: {sorted(set(filters) - set(RECOMPUTE))}")

# facts restated elsewhere, and the metadata the comparisons use
race = {r["id"]: r for r in RACES}
club = {c["id"]: c for c in CLUBS}
person = {p["id"]: p for p in PEOPLE}
runner = {r["ID"]: r for r in RUNNERS}
# grades follow the climb per km and the length band of rules/race-grades
for r in RACES:
    d, c = float(r["dist_km"]), float(r["climb_m"])
    letter = "S" if c / d >= 50 else "M" if c / d >= 25 else "R"
    band = "1" if d < 10 else "2" if d <= 20 else "3"
    if r["grade"] != letter + band:
        probs.append(f"{r['id']}: grade {r['grade']} but climb and distance give {letter + band}")
    if (r["status"] == "run") != (r["finishers"] != ""):
        probs.append(f"{r['id']}: status {r['status']} and finishers {r['finishers']!r} disagree")
# clubs and committee point at each other; clubs' home races are theirs
for c in CLUBS:
    p = person.get(c["delegate"])
    if p is None or p["club"] != c["id"]:
        probs.append(f"{c['id']}: delegate {c['delegate']} is not of that club")
    if c["home_race"] is not None and race[c["home_race"]]["host"] != c["id"]:
        probs.append(f"{c['id']}: home race {c['home_race']} hosted by another club")
if any(r["host"] not in club for r in RACES) or any(r["club"] not in club for r in RUNNERS):
    probs.append("a race host or runner club is not a member club")
if sum(1 for r in RACES if r["champ"] == "Y") != 8:
    probs.append("not 8 championship races as the AGM minutes say")
if len(RACES) != 14:
    probs.append("not 14 races as the AGM minutes say")
# the result page of R-11: codes, clubs and categories as on the register; points by category place
res = docs["results/result-R-11"].text
seen_rows = 0
for m in re.finditer(r"^\| (\d+) \| (H\d{4}) \| ([A-Z]{3}) \| (\w+) \| ([\d:]+) \| (\d+) \| (\d+) \|$", res, re.M):
    seen_rows += 1
    pos, code, cl, cat, tm, cpos, pts = m.groups()
    rr = runner.get(code)
    if rr is None or rr["club"] != cl or rr["cat"] != cat:
        probs.append(f"result R-11: {code} club/category differ from the register")
    if {"1": "60", "2": "57", "3": "55", "4": "54"}.get(cpos) != pts:
        probs.append(f"result R-11: {code} points {pts} for category place {cpos}")
    if pos == "1" and "<td>R-11</td><td>Thrushgarth Commons Chase</td><td>Ruairi Dunstable-Kaur</td><td>THG</td><td>47:29</td>" not in (HERE / "corpus" / "records" / "course-records.html").read_text(encoding="utf-8"):
        probs.append("result R-11 winner is not the course record of the records page")
if seen_rows != 12 or "187 finishers" not in res or race["R-11"]["finishers"] != "187":
    probs.append(f"result R-11: {seen_rows} rows, or finishers differ from the races file")
# levy invoiced = senior finishers x the levy of the year (report against the levy history)
fig = docs["reports/season-in-figures"].text
def fig_row(label):
    m = re.search(r"^\| " + re.escape(label) + r" \| (.+) \|$", fig, re.M)
    return [float(x.replace(",", "")) for x in m.group(1).split(" | ")]
levy = {2022: 1.40, 2023: 1.40, 2024: 1.60, 2025: 1.60}
for y, fin, inv in zip(range(2022, 2026), fig_row("Finishers, senior races"), fig_row("Levy invoiced (GBP)")):
    if round(fin * levy[y], 2) != inv:
        probs.append(f"{y}: levy invoiced {inv} is not {fin} x {levy[y]}")
if fig_row("Registered championship runners")[-1] != 171:
    probs.append("2025 registered runners differ from the AGM minutes' 171")
# junior entries add up to the 196 of the junior page
jr = docs["juniors/junior-races-2026"].text
entries = [int(x) for x in re.findall(r"^\| R-\d\d \| U\d+ \| [\d.]+ \| \d+ \| (\d+) \|", jr, re.M)]
if len(entries) != 7 or sum(entries) != 196:
    probs.append(f"junior entries {entries} do not make 196")
# the Hawkmoor refunds
if 96 * 18 != 1728 or 96 * 17 != 1632 or 25 + 58 + 13 != 96:
    probs.append("Hawkmoor refund sums do not add up")
# metadata and cells the comparisons use
cmp_facts = [
    float(race["R-05"]["climb_m"]) > float(race["R-03"]["climb_m"]),
    person["P-02"]["since"] < person["P-05"]["since"],
    club["THG"]["members"] > club["PNB"]["members"],
    int(runner["H1107"]["points"]) > int(runner["H1846"]["points"]),
    float(race["R-04"]["dist_km"]) > float(race["R-13"]["dist_km"]),
    club["GAR"]["affiliated"] < club["HOL"]["affiliated"],
    int(runner["H1802"]["points"]) > int(runner["H1452"]["points"]),
    person["P-10"]["since"] < person["P-06"]["since"],
    int(race["R-10"]["fee"]) > int(race["R-04"]["fee"]),
    club["WEN"]["founded"] < club["OUF"]["founded"],
    int(runner["H2003"]["since"]) < int(runner["H2087"]["since"]),
]
if not all(cmp_facts):
    probs.append(f"comparison facts {cmp_facts}")
cp = {r["id"]: r for r in CPS}
if not int(cp["R10-4"]["height_m"]) > int(cp["R13-1"]["height_m"]):
    probs.append("Raven Scar not above Hollin Crag summit")
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
