"""Checks for evalsets/tables23 (no model): run from anywhere (src/ is put on the path).

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
      load_problems + ([] if len(files) == 29 else ["expected 29 files"])
      + ([] if len(docs) == 85 else ["expected 85 documents"]))

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

WANT = {"dev": {"single_hop": 12, "reverse": 5, "multi_hop": 5, "comparison": 5, "filter": 5,
                "temporal": 5, "unanswerable": 8},
        "test": {"single_hop": 20, "reverse": 8, "multi_hop": 6, "comparison": 6, "filter": 10,
                 "temporal": 8, "unanswerable": 12}}
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
        if not re.fullmatch(rf"t23-{split}-\d{{3}}", i.id):
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
MONTHS = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
ABSENT = {
    "t23-dev-038": ([(r"\w@\w|e-?mail", [])],
                    "Write to captain@hollowmererc.org.uk by email."),
    "t23-dev-039": ([(r"\bborn\b|\bbirth\b|date of birth|\d+ years? old|\baged? \d", [])],
                    "Kit Ravensworth was born in 1994 and is 32 years old."),
    "t23-dev-040": ([(r"(?-i:\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b)|post ?code", [])],
                    "The boathouse's postcode is HW3 9FL."),
    "t23-dev-041": ([(r"2025[^|]{0,100}\b\d:\d\d\b|\b\d:\d\d\b[^|]{0,100}2025", [])],
                    "In 2025 Ashwick won the open eights in 2:55."),
    "t23-dev-042": ([(r"spectators?|crowds?\b|\b\d[\d,]* (people|visitors)\b", [])],
                    "About 1,500 people came; the crowd was the biggest for years."),
    "t23-dev-043": ([(r"salary|salaries|\bwages?\b|(head coach|Astbury-Fane)[^.|]{0,120}(GBP|£) ?\d", [])],
                    "The head coach Gwendolen Astbury-Fane is paid a salary of GBP 14,000."),
    "t23-dev-044": ([(r"president[^|]{0,120}\b(200\d|199\d)\b|\b(200\d|199\d)\b[^|]{0,120}president", [])],
                    "The president in 2005 was Horace Blenkinsop."),
    "t23-dev-045": ([(r"temperature|degrees|°|\b\d+ ?C\b", [])],
                    "Outings stop when the water temperature is below 5 degrees (5 C)."),
    "t23-test-059": ([(r"phone|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44", [])],
                     "Ring the club on 01632 960 447, its telephone number."),
    "t23-test-060": ([(r"\bstarters?\b|\bstarted the races\b", [])],
                     "The starter was Gideon Purvis, who started the races all weekend."),
    "t23-test-061": ([(r"sculls?\b[^.|]{0,60}(GBP|£) ?\d|(GBP|£) ?\d[^.|]{0,60}\bsculls?\b", [])],
                     "A new pair of sculls costs GBP 690."),
    "t23-test-062": ([(r"boathouse[^.|]{0,80}\b(built|constructed|erected|opened|dates from)\b|\b(built|constructed|erected|opened)\b[^.|]{0,80}boathouse", [])],
                     "The boathouse was built in 1903."),
    "t23-test-063": ([(r"Ashwick[^|]{0,100}\bmembers\b|\bmembers\b[^|]{0,100}Ashwick", [])],
                     "Ashwick Boat Club has 212 members."),
    "t23-test-064": ([(r"\bdeep\b|\bdepth\b|\d+(\.\d+)? ?m(etres)? of water", [])],
                     "The river is 2.5 m deep at the stage, a depth of 2.5 metres."),
    "t23-test-065": ([(r"\boars?\b[^.|]{0,80}(GBP|£|\bcost)|(GBP|£)[^.|]{0,80}\boars\b", [])],
                     "The oars for godwit cost GBP 3,200."),
    "t23-test-066": ([(r"\bergo?s?\b[^.|]{0,80}(record|\d:\d\d)|2,?000 ?m", [])],
                     "The 2,000 m erg record is 5:58, the club record held by Kit Ravensworth."),
    "t23-test-067": ([(r"Marrow Head[^|]{0,120}(\b\d{1,2} " + MONTHS + r"|\b" + MONTHS + r" \d|20\d\d-\d\d-\d\d)|(\b\d{1,2} " + MONTHS + r"|20\d\d-\d\d-\d\d)[^|]{0,120}Marrow Head", [])],
                     "The Marrow Head is raced on 28 November 2026."),
    "t23-test-068": ([(r"Mallory-Osei[^|]{0,200}\b(works?|job|teacher|nurse|solicitor|doctor|occupation|profession|social worker)\b", [])],
                     "Hephzibah Mallory-Osei works as a teacher."),
    "t23-test-069": ([(r"\blanes\b|\b(two|three|four|\d) lanes?\b|\blane (\d|one|two)\b|side by side|abreast", [])],
                     "The course has two lanes, so crews race side by side."),
    "t23-test-070": ([(r"\bfamil(y|ies)\b", ["regatta/trophies"]),
                      (r"family (membership|subscription)", None)],
                     "A family membership, the family subscription, is GBP 650."),
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


def page(rel: str) -> str:
    return (HERE / "corpus" / rel).read_text(encoding="utf-8")


BOATS = rows("boats/fleet.csv")
MEMBERS = rows("members/members-2026.csv")
EVENTS = rows("regatta/events-2026.csv")
CREWS = rows("crews/crews-2026.jsonl")
COACHES = rows("coaching/coaches.jsonl")
by_id = {i.id: i for i in ALL}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t23-dev-028": str(sum(e["winner"] == "Hollowmere RC" for e in EVENTS)),
    "t23-test-041": str(sum(b["builder"] == "Lenholm Boats" for b in BOATS)),
    # filters: the one row or record meeting the condition
    "t23-dev-029": [e["event"] for e in EVENTS if e["status"] == "abandoned"],
    "t23-dev-030": [b["name"] for b in BOATS if b["status"] == "for sale"],
    "t23-dev-031": [m["member"] for m in MEMBERS if m["swim_test"] == "N"],
    "t23-dev-032": [c["name"] for c in COACHES if c["qualification"] == "level 3"],
    "t23-test-042": [b["name"] for b in BOATS if b["status"] == "repair"],
    "t23-test-043": [m["member"] for m in MEMBERS if m["squad"] == "novices" and m["subs_paid"] == "N"],
    "t23-test-044": [m["member"] for m in MEMBERS if m["squad"] == "recreational" and m["cox"] == "Y"],
    "t23-test-045": [e["event"] for e in EVENTS if e["status"] == "not raced"],
    "t23-test-046": [b["name"] for b in BOATS if int(b["year_built"]) < 2000 and b["status"] == "in service"],
    "t23-test-047": [e["event"] for e in EVENTS if e["day"] == "Sun" and e["dist_m"] == "1000" and e["heats"] == "N"],
    "t23-test-048": [c["name"] for c in COACHES if c["paid"] == "N" and c["member"] is None],
    "t23-test-049": [e["event"] for e in EVENTS if e["dist_m"] == "750" and e["heats"] == "Y"],
    "t23-test-050": [m["member"] for m in MEMBERS if m["squad"] == "men's senior" and m["grade"] == "C"],
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
boat = {b["id"]: b for b in BOATS}
member = {m["ID"]: m for m in MEMBERS}
event = {e["id"]: e for e in EVENTS}
crew = {c["id"]: c for c in CREWS}
coach = {c["id"]: c for c in COACHES}
# crews point at boats, members, coaches and events that exist; coaches list their crews back
for c in CREWS:
    if c["boat"] not in boat or c["stroke"] not in member or c["coach"] not in coach or c["event"] not in event:
        probs.append(f"{c['id']}: points at something missing")
    if c["cox"] is not None and (c["cox"] not in member or member[c["cox"]]["cox"] != "Y"):
        probs.append(f"{c['id']}: cox {c['cox']} is not a cox on the register")
    if c["id"] not in coach[c["coach"]]["crews"]:
        probs.append(f"{c['id']}: its coach {c['coach']} does not list it")
    if (c["result"] == "won") != (event[c["event"]]["winner"] == "Hollowmere RC"):
        probs.append(f"{c['id']}: result {c['result']} against the events list")
    if boat[c["boat"]]["id"] + ")" not in c["text"] or boat[c["boat"]]["name"] not in c["text"]:
        probs.append(f"{c['id']}: text does not name its boat")
for k in COACHES:
    if k["member"] is not None and k["member"] not in member:
        probs.append(f"{k['id']}: member {k['member']} not on the register")
    if any(crew[x]["coach"] != k["id"] for x in k["crews"]):
        probs.append(f"{k['id']}: lists a crew it does not coach")
# entry fees against the fees page; entries and refunds against the treasurer's note
fees = page("prices/fees-2026.md")
for e in EVENTS:
    label = {"open 8+": "Eight, open or women's", "women's open 8+": "Eight, open or women's",
             "novice 8+": "Novice eight", "mixed 8+": "Mixed eight (new in 2026)",
             "men's novice 4+": "Novice four", "J16 4x+": "Junior crew boat (J16)",
             "J14 1x": "Junior single (J14)"}.get(e["event"])
    if label is None:
        label = {"1x": "Single", "2x": "Double or pair", "2-": "Double or pair"}.get(
            e["class"], "Four or quad, open, club or masters")
    m = re.search(r"^\| " + re.escape(label) + r" \| (\d+) \|", fees, re.M)
    if m is None or m.group(1) != e["fee_gbp"]:
        probs.append(f"{e['id']}: fee {e['fee_gbp']} differs from the fees page ({label})")
    if (e["status"] == "raced") != (e["winner"] != "" and e["time"] != ""):
        probs.append(f"{e['id']}: status {e['status']} against winner and time")
acc = page("notes/2026-08-regatta-accounts.txt")
taken = sum(int(e["entries"]) * int(e["fee_gbp"]) for e in EVENTS)
refunds = sum(int(e["entries"]) * int(e["fee_gbp"]) for e in EVENTS if e["status"] != "raced")
n_entries = sum(int(e["entries"]) for e in EVENTS)
if f"GBP {taken:,}" not in acc or f"({n_entries} entries in {len(EVENTS)} events)" not in acc:
    probs.append(f"accounts: entries {n_entries}, taken {taken}")
if f"GBP   {refunds}" not in acc or f"GBP {taken - refunds:,}" not in acc:
    probs.append(f"accounts: refunds {refunds}")
income = taken - refunds + 1315 + 212
costs = 450 + 290 + 260 + 318 + 180 + 45
if f"Total income              GBP {income:,}" not in acc or f"GBP {costs:,}" not in acc \
        or f"GBP {income - costs:,}" not in acc or f"GBP {income - costs:,}" not in page("meetings/2026-09-08-committee.md"):
    probs.append(f"accounts: income {income}, costs {costs}")
if "3 x GBP 32 = GBP 96" not in page("notes/2026-07-regatta-sunday-abandoned.txt") or event["E-14"]["entries"] != "3":
    probs.append("abandoned masters fours refund")
# the finals page against the events list: every raced event has a final; club winners agree
fin = page("regatta/finals-2026.md")
finals = dict(re.findall(r"^\| (E-\d\d) \| ([^|]+?) \|", fin, re.M))
for e in EVENTS:
    if (e["id"] in finals) != (e["status"] == "raced"):
        probs.append(f"{e['id']}: final row against status")
    elif e["id"] in finals and e["winner"] not in finals[e["id"]]:
        probs.append(f"{e['id']}: finals winner {finals[e['id']]} is not {e['winner']}")
if sum(e["winner"] == "Hollowmere RC" for e in EVENTS) != 4 or "won four finals" not in fin:
    probs.append("the finals page's four Hollowmere wins")
# no course record fell in 2026: each winning time is slower than its class record
rec = page("regatta/course-records.html")
rec_class = {"E-01": "men's 8+", "E-04": "women's 8+", "E-03": "men's 4-", "E-05": "women's 4+",
             "E-07": "women's 2x", "E-02": "men's 1x", "E-13": "women's 1x", "E-06": "men's novice 4+",
             "E-08": "novice 8+", "E-09": "masters 2x", "E-11": "J16 4x+"}
secs = lambda t: int(t.split(":")[0]) * 60 + int(t.split(":")[1])  # noqa: E731
for eid, cls in rec_class.items():
    m = re.search(r"<tr><td>" + re.escape(cls) + r"</td><td>[^<]*</td><td>[^<]*</td><td>([\d:]+)</td>", rec)
    if m is None or secs(event[eid]["time"]) <= secs(m.group(1)):
        probs.append(f"{eid}: 2026 time beats the {cls} record, or no record row")
# trophies name events that exist; the 2025 Osier Beds holder is the club, as the AGM says
tro = page("regatta/trophies.md")
if any(x not in event for x in re.findall(r"\| (E-\d\d) \|", tro)):
    probs.append("a trophy names a missing event")
if "| Osier Beds Tankard | E-09 | 1978 | the club's masters squad | Hollowmere RC |" not in tro \
        or "One win at the 2025 regatta, the masters\n   doubles" not in page("meetings/2026-02-14-agm.md"):
    probs.append("the 2025 masters doubles win differs between the trophies page and the AGM")
# bookings: hours x the hourly rate of the fees page
rates = {"clubroom": 22, "clubroom and kitchen": 32, "gym": 25, "slipway and pontoon": 25}
for ref, space, hours, fee in re.findall(r"^\| (BK-\d+) \| [\d-]+ \| ([^|]+?) \| [^|]+ \| (\d*) \| (\d+) \|",
                                         page("boathouse/bookings-autumn-2026.md"), re.M):
    if space in rates and int(fee) not in (0, int(hours) * rates[space]):
        probs.append(f"{ref}: fee {fee} is not {hours} x {rates[space]}")
# subscriptions: history against the fees page; captains against the officers page and register
hist = page("prices/subscription-history.md")
if "| 2024-01-01 | 2025-12-31 | 375 |" not in hist or "| 2026-01-01 | | 410 |" not in hist \
        or "| Full senior | 410 | 375 |" not in fees:
    probs.append("subscription history and fees page disagree")
if "| 2023-04-01 | | Tiberius Oyelaran-Hext |" not in page("history/captains.md") \
        or "| Captain | Tiberius Oyelaran-Hext | HR0107 | 2023 |" not in page("people/officers.md") \
        or member["HR0107"]["member"] != "Tiberius Oyelaran-Hext":
    probs.append("captain differs between the history, the officers page and the register")
# sessions name coaches that exist, and the head coach's three sessions
ses = page("coaching/sessions-autumn-2026.md")
ses_coaches = re.findall(r"^\| \w{3} \| [\d:-]+ \| [^|]+ \| (CO-\d) \|", ses, re.M)
if any(x not in coach for x in ses_coaches) or ses_coaches.count("CO-1") != coach["CO-1"]["sessions_week"]:
    probs.append(f"sessions coaches {ses_coaches}")
if any(m["grade"] not in "LNCSE" for m in MEMBERS):
    probs.append("a grade not in the 2024 grading rules")
# metadata and cells the comparisons use
cmp_facts = [
    float(boat["B-13"]["length_m"]) > float(boat["B-01"]["length_m"]),
    int(member["HR0356"]["joined"]) < int(member["HR0215"]["joined"]),
    coach["CO-1"]["since"] < coach["CO-3"]["since"],
    int(boat["B-06"]["hull_weight_kg"]) > int(boat["B-11"]["hull_weight_kg"]),
    int(boat["B-05"]["hull_weight_kg"]) > int(boat["B-15"]["hull_weight_kg"]),
    int(member["HR0390"]["joined"]) < int(member["HR0188"]["joined"]),
    int(boat["B-02"]["year_built"]) < int(boat["B-01"]["year_built"]),
    int(event["E-12"]["entries"]) > int(event["E-09"]["entries"]),
    coach["CO-4"]["since"] < coach["CO-6"]["since"],
    "| Harbourne Vase | E-13 | 1965 |" in tro and "| Kelsholme Salver | E-04 | 1971 |" in tro,
    "<td>Liesl Dravencourt</td><td>Ashwick BC</td><td>4:06</td><td>2024</td>" in rec
    and "<td>Osric Penwarden</td><td>Tavistone RC</td><td>3:44</td><td>2025</td>" in rec,
]
if not all(cmp_facts):
    probs.append(f"comparison facts {cmp_facts}")
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
