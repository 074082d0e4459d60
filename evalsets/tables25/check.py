"""Checks for evalsets/tables25 (no model): run from anywhere (src/ is put on the path).

Prints PASS/FAIL per check and exits 1 if any check fails.
"""
from __future__ import annotations

import collections
import csv
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
      + ([] if len(docs) == 111 else ["expected 111 documents"]))

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
        if not re.fullmatch(rf"t25-{split}-\d{{3}}", i.id):
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
        if len(i.evidence) < 2:
            probs.append(f"{i.id}: fewer than two hops")
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
    "t25-dev-038": ([(r"\w@\w|e-?mail address", [])],
                    "Write to secretary@mardlowbirds.org.uk, the Society's email address."),
    "t25-dev-039": ([(r"Annesley[^|]{0,200}(\bborn\b|\baged?\b|years? old|birthday)|\b\d{1,2} years? old\b|date of birth", [])],
                    "Tobit Annesley was born in 2011 and is 15 years old."),
    "t25-dev-040": ([(r"(curlews?|CURL)[^.|]{0,100}(January|Jan) 2025|(January|Jan) 2025[^.|]{0,100}curlews?", [])],
                    "In January 2025 there were 1,050 curlews on Chelwood Flats."),
    "t25-dev-041": ([(r"(?-i:\b[A-Z]{2} ?\d{3} ?\d{3}\b)|grid ref(erence)?s?[^.|]{0,40}\b[A-Z]{2} ?\d", [])],
                    "Bramhope Wood is at grid reference MW 412 887."),
    "t25-dev-042": ([(r"sponsor(s|ed|ship)?[^.|]{0,60}report|report[^.|]{0,60}sponsor", [])],
                    "The bird report is sponsored by Keverne Optics."),
    "t25-dev-043": ([(r"storm petrels?[^.|]{0,80}\b\d|\b\d[\d,]*\s+storm petrels?", [])],
                    "In 2025, 214 storm petrels were ringed on Rook Island."),
    "t25-dev-044": ([(r"(reservoir|dam)[^.|]{0,80}\b(built|constructed|completed|flooded)\b|\b(built|constructed|completed)\b[^.|]{0,80}(reservoir|dam)\b", [])],
                    "The dam at Fenwray Reservoir was built in 1934."),
    "t25-dev-045": ([(r"members?[^.|]{0,80}\b2005\b|\b2005\b[^.|]{0,80}members?", [])],
                    "In 2005 the Society had 540 members."),
    "t25-test-059": ([(r"phone|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44", [])],
                     "Ring 01632 960 412, the Society's telephone number."),
    "t25-test-060": ([(r"county recorder[^.|]{0,120}\b19[67]\d\b|\b19[67]\d\b[^.|]{0,120}county recorder", [])],
                     "The county recorder in 1975 was Hector Lisle."),
    "t25-test-061": ([(r"(?-i:\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b)|post ?code", [])],
                     "Hallamby Library's postcode is MW4 7QT."),
    "t25-test-062": ([(r"crossbills?[^.|]{0,80}\bringed\b|\bringed\b[^.|]{0,80}crossbills?", [])],
                     "In 2025, 96 common crossbills were ringed."),
    "t25-test-063": ([(r"report[^|]{0,120}\b2019\b|\b2019\b[^|]{0,120}report", [])],
                     "In 2019 the bird report cost non-members GBP 10."),
    "t25-test-064": ([(r"\bseats?\b|\bseating\b|\bseated\b", [])],
                     "The Ketch Bay hide seats 10 people."),
    "t25-test-065": ([(r"spoonbills?[^.|]{0,100}(stayed|until|\bdays?\b|\bleft\b)|(stayed|until)[^.|]{0,60}spoonbill", [])],
                     "The spoonbills stayed for four days."),
    "t25-test-066": ([(r"chair(man|woman)?[^.|]{0,120}\b200\d\b|\b200\d\b[^.|]{0,120}chair", [])],
                     "The chairman in 2005 was Rowland Kittow."),
    "t25-test-067": ([(r"peregrines?[^|]{0,100}\b2020\b|\b2020\b[^|]{0,100}peregrine", [])],
                     "In 2020, 7 pairs of peregrines bred."),
    "t25-test-068": ([(r"nest ?box", [])],
                     "The Society has 60 nest boxes in Bramhope Wood."),
    "t25-test-069": ([(r"(wetland|waterbirds?)[^|]{0,120}\b2024\b|\b2024\b[^|]{0,120}(wetland|waterbirds?)", [])],
                     "The January 2024 wetland count found 19,870 waterbirds."),
    "t25-test-070": ([(r"1988[^.|]{0,80}(found|seen|reported) by|(found|seen|reported) by[^.|]{0,80}1988|first avocets?[^.|]{0,80}(found|seen)", [])],
                     "The first avocets, in 1988, were found by Hector Lisle."),
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


# Counts and filters recomputed from the record files themselves (csv and jsonl read directly,
# markdown tables parsed): each derived count and each filter item's answer must be what the
# rows give.
def rows(rel: str) -> list[dict]:
    path = HERE / "corpus" / rel
    if rel.endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def page(rel: str) -> str:
    return (HERE / "corpus" / rel).read_text(encoding="utf-8")


def table(rel: str, first: str) -> list[list[str]]:
    """The body rows of the pipe table whose first header cell is `first`, as lists of cells."""
    out, inside = [], False
    for line in page(rel).splitlines():
        if not line.startswith("|"):
            inside = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == first:
            inside = True
            continue
        if inside and not set(cells[0]) <= set("-"):
            out.append(cells)
    return out


def num(s: str) -> int:
    return int(s.replace(",", ""))


SITES = rows("sites/sites.csv")
OBS = rows("people/observers.csv")
SPECIES = rows("species/species-list.csv")
RECORDS = rows("records/records-2026.jsonl")
PERMITS = rows("ringing/permit-holders.jsonl")
SURVEYS = table("surveys/surveys-2026.md", "Code")
MEETINGS = table("events/field-meetings-2026.md", "Date")
DECISIONS = table("committee/decisions-2026.md", "Ref")
AREAS = table("areas/recording-areas.md", "Code")
site = {s["id"]: s for s in SITES}
obs = {o["ID"]: o for o in OBS}
spc = {s["id"]: s for s in SPECIES}
rec = {r["id"]: r for r in RECORDS}
per = {p["id"]: p for p in PERMITS}
by_id = {i.id: i for i in ALL}
RECOMPUTE = {
    # derived counts: (id, computed value)
    "t25-dev-028": str(sum(s["hide"] == "Y" for s in SITES)),
    "t25-test-041": str(sum(o["ringer"] == "Y" for o in OBS)),
    # filters: the one row or record meeting the condition
    "t25-dev-029": [s["name"] for s in SITES if s["area"] == "MOR" and s["access"] == "private"],
    "t25-dev-030": [s["name"] for s in SPECIES if s["last_recorded"] == "2025"],
    "t25-dev-031": [r[1] for r in SURVEYS if r[8].startswith("postponed")],
    "t25-dev-032": [p["name"] for p in PERMITS if p["observer"] is None],
    "t25-test-042": [o["observer"] for o in OBS if o["grade"] == "junior" and o["subs_paid"] == "N"],
    "t25-test-043": [o["observer"] for o in OBS if o["grade"] != "junior" and o["subs_paid"] == "N"],
    "t25-test-044": [s["name"] for s in SITES if s["area"] == "CST" and s["access"] == "permit"],
    "t25-test-045": [s["name"] for s in SITES if s["area"] == "MOR" and s["wetland_count"] == "Y"],
    "t25-test-046": [p["name"] for p in PERMITS if p["permit"] == "T" and "CST-03" in p["sites"]],
    "t25-test-047": [s["name"] for s in SPECIES if s["group"] == "waders" and s["category"] == "B"],
    "t25-test-048": [spc[d[2]]["name"] for d in DECISIONS if d[6] == "accepted" and not d[5].endswith("–0")],
    "t25-test-049": [r[1] for r in SURVEYS if r[8] == "completed"
                     and int(r[7]) == min(int(x[7]) for x in SURVEYS if x[8] == "completed")],
    "t25-test-050": [site[m[1]]["name"] for m in MEETINGS if m[6] == "cancelled"],
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

# areas: every site's area exists; the areas page counts the site list's sites and wetland sites;
# area recorders are observers living in their area; Vale + HAL = the Vale before the split
area = {a[0]: a for a in AREAS}
for s in SITES:
    if s["area"] not in area or not s["id"].startswith(s["area"] + "-"):
        probs.append(f"{s['id']}: area {s['area']}")
for code, a in area.items():
    n = sum(s["area"] == code for s in SITES)
    w = sum(s["area"] == code and s["wetland_count"] == "Y" for s in SITES)
    if (int(a[3]), int(a[5])) != (n, w) or obs[a[2]]["home_area"] != code:
        probs.append(f"area {code}: sites {a[3]}/{n}, wetland {a[5]}/{w}, recorder {a[2]}")
news = page("news/2026-01-new-recording-area.md")
if int(area["VAL"][4]) + int(area["HAL"][4]) != 350 or "| Size of Mardlow Vale | 350 km² | 302 km² |" not in news \
        or "VAL-05 until 2025" not in site["HAL-01"]["notes"] or "VAL-04 until 2025" not in site["HAL-02"]["notes"] \
        or "| Elstow Gravel Pits | VAL-05, in Mardlow Vale | HAL-01," not in news \
        or "| Hallamby Cemetery | VAL-04, in Mardlow Vale | HAL-02," not in news \
        or "Harriet Ayliffe" not in news or obs[area["HAL"][2]]["observer"] != "Harriet Ayliffe":
    probs.append("the new HAL area against the areas page, the sites and the news")
# records log: sites, observers, species exist and are in the text; a committee ref for exactly
# the category C species; the count written in the text
for r in RECORDS:
    s, o, sp = site.get(r["site"]), obs.get(r["observer"]), spc.get(r["species"])
    if s is None or o is None or sp is None:
        probs.append(f"{r['id']}: site, observer or species missing")
        continue
    for x in (r["site"], r["observer"], r["species"], f"{r['count']:,}", sp["name"].split()[-1]):
        if x.lower() not in r["text"].lower():
            probs.append(f"{r['id']}: text lacks {x}")
    if (sp["category"] == "C") != (r["committee"] is not None) or \
            (r["committee"] and r["committee"] not in r["text"]):
        probs.append(f"{r['id']}: committee ref against category {sp['category']}")
    if not r["date"].startswith("2026-"):
        probs.append(f"{r['id']}: date {r['date']}")
if [r["date"] for r in RECORDS] != sorted(r["date"] for r in RECORDS):
    probs.append("records log not in date order")
if {r["observer"] for r in RECORDS} != set(obs):
    probs.append("not every observer in the directory has a record in the log")
# committee: decisions match the log; votes add up to the voting members who may vote; accepted
# with at least five votes; species last recorded agrees with the decisions
members = table("people/records-committee.md", "Member")
voters = {m[1] or m[0] for m in members if "no vote" not in m[2]}
if len(voters) != 7:
    probs.append(f"records committee voters {voters}")
refs = [d[0] for d in DECISIONS]
if refs != [f"RC26-{n:02d}" for n in range(1, len(refs) + 1)] or [d[4] for d in DECISIONS] != sorted(d[4] for d in DECISIONS):
    probs.append("decisions not numbered in date order")
accepted_species = set()
for d in DECISIONS:
    r = rec[d[1]]
    fo, ag = (int(x) for x in d[5].split("–"))
    may_vote = len(voters) - (r["observer"] in voters)
    if (r["committee"], r["species"], r["site"]) != (d[0], d[2], d[3]) or fo + ag != may_vote \
            or (d[6] == "accepted") != (fo >= 5) or d[6] not in ("accepted", "not accepted") \
            or (r["observer"] in voters) != ("the finder did not vote" in d[7]):
        probs.append(f"{d[0]}: against record {d[1]} or the voting rule")
    if d[6] == "accepted":
        accepted_species.add(d[2])
if sorted(r["committee"] for r in RECORDS if r["committee"]) != refs:
    probs.append("the log's committee refs against the decisions page")
logged_ok = {r["species"] for r in RECORDS if spc[r["species"]]["category"] != "C"} | accepted_species
rejected_only = {r["species"] for r in RECORDS} - logged_ok
for sp in SPECIES:
    if sp["id"] in logged_ok and sp["last_recorded"] != "2026":
        probs.append(f"{sp['id']}: last recorded {sp['last_recorded']}, but it is in the 2026 log")
    if sp["id"] in rejected_only and int(sp["last_recorded"]) >= 2026:
        probs.append(f"{sp['id']}: a record not accepted counted as recorded")
if sorted(rejected_only) != ["HOOP", "RNDU"]:
    probs.append(f"species with only records not accepted: {sorted(rejected_only)}")
council = page("meetings/2026-11-17-council.md")
n_acc = sum(d[6] == "accepted" for d in DECISIONS)
words = {4: "four", 2: "two", 6: "Six"}
if f"{words[len(DECISIONS)]} decisions this year, {words[n_acc]} records accepted and {words[len(DECISIONS) - n_acc]} not" not in " ".join(council.split()):
    probs.append("council's count of committee decisions")
if "| RC26-04 | R26-015 | TBCR | FOR-01 | 2026-08-27 |" not in page("committee/decisions-2026.md") \
        or "voted on 27 August" not in page("news/2026-09-two-barred-crossbill.md") \
        or "county list of 318 species" not in page("meetings/2026-03-14-agm.md") \
        or "to 319 species" not in page("news/2026-09-two-barred-crossbill.md") or "to 319 species" not in council \
        or spc["TBCR"]["first_county_record"] != "2026" or rec["R26-015"]["observer"] != "OB138":
    probs.append("the two-barred crossbills against the decisions, news, AGM and council")
# ringing: permit holders against the directory; trainers hold A permits; totals page by ringer
# and by site against the records; the site totals add up
a_holders = {p["observer"] for p in PERMITS if p["permit"] == "A"}
for p in PERMITS:
    o = p["observer"]
    if o is not None and (obs[o]["observer"] != p["name"] or obs[o]["ringer"] != "Y"):
        probs.append(f"{p['id']}: observer {o}")
    if (p["permit"] == "A") != (p["trainer"] is None) or (p["trainer"] and p["trainer"] not in a_holders) \
            or (p["trainer"] and p["trainer"] not in p["text"]):
        probs.append(f"{p['id']}: trainer {p['trainer']}")
    if any(s not in site for s in p["sites"]) or p["schedule1"] not in "YN":
        probs.append(f"{p['id']}: sites or endorsement")
if {o["ID"] for o in OBS if o["ringer"] == "Y"} != {p["observer"] for p in PERMITS if p["observer"]}:
    probs.append("ringers in the directory against the permit list")
tot = page("ringing/ringing-totals-2025.md")
by_ringer = {r[0]: r for r in table("ringing/ringing-totals-2025.md", "Code")}
by_site = table("ringing/ringing-totals-2025.md", "Site")
for p in PERMITS:
    r = by_ringer[p["id"]]
    if r[1] != p["permit"] or num(r[2]) != p["ringed_2025"] or r[3] not in p["sites"]:
        probs.append(f"{p['id']}: against the ringing totals")
total = sum(p["ringed_2025"] for p in PERMITS)
if num(by_ringer["Total"][2]) != total or sum(num(r[1]) for r in by_site) != total:
    probs.append(f"ringing totals do not add up to {total}")
for r in by_site:
    code = r[0].split()[0]
    holders = sorted(x.strip() for x in r[2].split(","))
    if r[0] != f"{code} {site[code]['name']}" or holders != sorted(p["id"] for p in PERMITS if code in p["sites"]):
        probs.append(f"ringing site {r[0]}")
if sorted(r[0].split()[0] for r in by_site) != sorted({s for p in PERMITS for s in p["sites"]}):
    probs.append("ringing sites against the permits")
# surveys and field meetings: organisers, leaders and sites exist; the meetings' sum
for r in SURVEYS:
    if r[2] not in obs or any(x.strip() not in site for x in r[4].split(",") if re.fullmatch(r"\s*[A-Z]{3}-\d\d\s*", x)):
        probs.append(f"{r[0]}: organiser or sites")
if [r[2] for r in SURVEYS if r[0] == "SV-6"] != ["OB198"] or "garden bird watch" not in obs["OB198"]["notes"] \
        or [r[2] for r in SURVEYS if r[0] == "SV-1"] != ["OB112"] or "wetland count" not in obs["OB112"]["notes"]:
    probs.append("survey organisers against the directory notes")
fm = page("events/field-meetings-2026.md")
for m in MEETINGS:
    if m[1] not in site or m[2] not in obs or (m[6] == "cancelled") != (m[5] == "0"):
        probs.append(f"meeting {m[0]}")
held = sum(m[6] == "held" for m in MEETINGS)
came = sum(int(m[5]) for m in MEETINGS)
if f"Ten meetings were planned and nine held, with {came} people in all" not in " ".join(fm.split()) \
        or len(MEETINGS) != 10 or held != 9:
    probs.append(f"meetings: {len(MEETINGS)} planned, {held} held, {came} came")
# the wetland count note: the wetland count sites; sums; the curlew record
wet = page("notes/2026-01-wetland-count.txt")
lines = re.findall(r"^  ([A-Z]{3}-\d\d) (.+?) +(\d+) +([\d,]+)$", wet, re.M)
if sorted(x[0] for x in lines) != sorted(s["id"] for s in SITES if s["wetland_count"] == "Y") \
        or any(site[c]["name"] != n.strip() for c, n, _, _ in lines):
    probs.append("wetland count sites against the site list")
counters = sum(int(x[2]) for x in lines)
birds = sum(num(x[3]) for x in lines)
estuary = sum(num(x[3]) for x in lines if x[0].startswith("EST"))
if not re.search(rf"^  Total +{counters} +{birds:,}$", wet, re.M) or f"held {estuary:,} of" not in wet \
        or rec["R26-001"]["date"] != "2026-01-11" or f"{rec['R26-001']['count']:,} curlews" not in wet \
        or f"Nine sites" not in wet or len(lines) != 9:
    probs.append(f"wetland count sums: {counters} counters, {birds} birds, estuary {estuary}")
# the accounts: subscriptions and permits at the fees page's 2026 rates; totals; council
fees = page("prices/fees-2026.md")
rate = {k: (int(a), int(b)) for k, a, b in re.findall(r"^\| ([^|]+?) \| (\d+) \| (\d+) \|$", fees, re.M)}
acc = page("notes/2026-11-accounts.txt")
m = dict(re.findall(r"^  (Individual|Joint|Junior|Student|Life) +(\d+)", acc, re.M))
want_lines = {
    "Subscriptions, individual": int(m["Individual"]) * rate["Individual"][0],
    "Subscriptions, joint": int(m["Joint"]) * rate["Joint (two at one address)"][0],
    "Subscriptions, junior": int(m["Junior"]) * rate["Junior (under 18)"][0],
    "Subscriptions, student": int(m["Student"]) * rate["Student"][0],
    "Life memberships": 2 * rate["Life (individual, once)"][0],
    "Bird report sales": 86 * rate["Bird report, to non-members"][0],
    "Fenwray day permits": 412 * rate["Fenwray hides, day permit"][0],
    "Fenwray season permits": 73 * rate["Fenwray hides, season permit (members only)"][0],
    "Rook Island landings": 148 * rate["Rook Island landing, members"][0] + 61 * rate["Rook Island landing, non-members"][0],
}
got_lines = {k.strip(): num(v) for k, v in re.findall(r"^ *([A-Za-z,' ]+?) +GBP +([\d,]+)", acc, re.M)}
for k, v in want_lines.items():
    if got_lines.get(k) != v:
        probs.append(f"accounts: {k} {got_lines.get(k)} is not {v}")
inc_keys = list(want_lines) + ["Donations", "Gift aid"]
cost_keys = ["Bird report, printing and post", "Rook Island boat hire", "Hide repairs and Ketch Bay hide",
             "Insurance", "Survey equipment", "Meeting room hire", "Website and Birdlog"]
income = sum(got_lines[k] for k in inc_keys)
costs = sum(got_lines[k] for k in cost_keys)
people = int(m["Individual"]) + 2 * int(m["Joint"]) + int(m["Junior"]) + int(m["Student"]) + int(m["Life"])
if got_lines["Total income"] != income or got_lines["Total costs"] != costs or got_lines["Surplus"] != income - costs \
        or f"GBP {income - costs:,}" not in council or f"Members at 30 September: {people}" not in council \
        or not re.search(rf"Total members +{people} people", acc) or f"({2 * int(m['Joint'])} people)" not in acc \
        or f"GBP {got_lines['Rook Island boat hire']:,}" not in council:
    probs.append(f"accounts totals: income {income}, costs {costs}, members {people}")
unpaid = [o["ID"] for o in OBS if o["subs_paid"] == "N"]
if len(unpaid) != 2 or "Two observers who send records have not paid" not in " ".join(council.split()) \
        or "Two observers' 2026" not in acc:
    probs.append(f"unpaid subscriptions {unpaid}")
# subscription history against the fees, about and questions pages; recorders; officers
hist = page("prices/subscription-history.md")
if "| 2026-01-01 | | 30 |" not in hist or "| 2025-01-01 | 2025-12-31 | 27 |" not in hist \
        or rate["Individual"] != (30, 27) or "| 2013-10-01 | 2018-12-31 | 18 |" not in hist \
        or "GBP 18 a year" not in page("about.md") or "GBP 18 a year" not in page("faq/new-members-2017.md") \
        or "GBP 32 for 2027" not in hist or "GBP 32" not in council or "GBP 30 for 2026" not in page("meetings/2026-03-14-agm.md"):
    probs.append("subscription history against the fees, about, questions and meeting pages")
recs = page("history/county-recorders.md")
if "| 2011-04-01 | 2019-03-31 | Bathsheba Nethergate |" not in recs or "| County recorder | Bathsheba Nethergate |" not in page("about.md") \
        or "| 2024-04-01 | | Aldous Trevissick | current |" not in recs \
        or "| County recorder | Aldous Trevissick | OB104 | 2024 |" not in page("people/officers.md") \
        or obs["OB104"]["observer"] != "Aldous Trevissick" or "Gideon" not in council or "recorder-elect" not in obs["OB145"]["notes"] \
        or "| Aldous Trevissick | OB104 | secretary, no vote | 2024 |" not in page("people/records-committee.md"):
    probs.append("county recorders against the about, officers, committee and council pages")
off = table("people/officers.md", "Office")
for o in off:
    if o[2] and obs[o[2]]["observer"] != o[1]:
        probs.append(f"officer {o[0]}: {o[2]} is not {o[1]}")
for mbr in members:
    if mbr[1] and obs[mbr[1]]["observer"] != mbr[0]:
        probs.append(f"committee member {mbr[0]}: {mbr[1]}")
# hides: the fees page's 2026 and 2025 columns against version 2 and version 1
h1, h2 = page("sites/fenwray-hides-2020.md"), page("sites/fenwray-hides-2026.md")
if rate["Fenwray hides, day permit"] != (4, 3) or rate["Fenwray hides, season permit (members only)"] != (18, 15) \
        or rate["Fenwray hide key deposit"] != (20, 10) or "day permit GBP 3; season permit GBP 15" not in h1 \
        or "GBP 10 deposit" not in h1 or "day permit GBP 4; season permit GBP 18" not in h2 or "GBP 20 deposit" not in h2 \
        or "GBP 10 deposit" not in page("faq/new-members-2017.md") or "| People in a hide | at most 8 |" not in h1:
    probs.append("hide fees against the two hide rules")
# submission rules: the egret's category in both versions, the species list and the 2017 questions
if spc["GWEG"]["category"] != "B" or "| Great white egret | category C | category B |" not in page("rules/submission-rules-2025.md") \
        or "| Great white egret | category C |" not in page("rules/submission-rules-2016.md") \
        or "Great white egret is category C" not in page("faq/new-members-2017.md") \
        or "31 March of the following year" not in page("faq/new-members-2017.md"):
    probs.append("the egret's category or the deadline against the rules")
# county records: no 2026 log count beats the highest count; no 2026 date beats an extreme date
html = page("records/county-records.html")
high = {s: num(c) for s, c in re.findall(r"<tr><td>([a-z ]+)</td><td>([\d,]+)</td><td>[A-Z]", html)}
for r in RECORDS:
    name = spc[r["species"]]["name"]
    if name in high and r["count"] >= high[name]:
        probs.append(f"{r['id']}: {r['count']} beats the county record {high[name]}")
months = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"], 1)}
ext = {s: ((months[m1], int(d1)), (months[m2], int(d2))) for s, d1, m1, d2, m2 in
       re.findall(r"<tr><td>([a-z ]+)</td><td>(\d+) (\w+)</td><td>\d{4}</td><td>(\d+) (\w+)</td>", html)}
for r in RECORDS:
    name = spc[r["species"]]["name"]
    md = (int(r["date"][5:7]), int(r["date"][8:10]))
    if name in ext and not (ext[name][0] <= md <= ext[name][1]):
        probs.append(f"{r['id']}: {r['date']} outside the extreme dates of {name}")
# metadata and cells the comparisons use
cmp_facts = [
    int(site["EST-04"]["area_ha"]) > int(site["HAL-02"]["area_ha"]),
    int(obs["OB145"]["joined"]) < int(obs["OB153"]["joined"]),
    per["RP-05"]["ringed_2025"] > per["RP-04"]["ringed_2025"],
    int(spc["NIJA"]["pairs_2025"]) > int(spc["RINO"]["pairs_2025"]),
    [int(m[5]) for m in MEETINGS if m[1] == "EST-02"][0] > [int(m[5]) for m in MEETINGS if m[1] == "VAL-01"][0],
    int(site["CST-02"]["area_ha"]) > int(site["FOR-02"]["area_ha"]),
    int(obs["OB112"]["county_list"]) > int(obs["OB138"]["county_list"]),
    per["RP-07"]["expires"] < per["RP-04"]["expires"],
    int(spc["SPOO"]["first_county_record"]) < int(spc["RNDU"]["first_county_record"]),
    int(area["FOR"][4]) > int(area["EST"][4]),
    [num(x[3]) for x in lines if x[0] == "EST-01"][0] > [num(x[3]) for x in lines if x[0] == "VAL-01"][0],
]
if not all(cmp_facts):
    probs.append(f"comparison facts {cmp_facts}")
check("derived counts and filter answers recomputed from the record files; restated facts agree", probs)

probs = []
qs = collections.Counter(" ".join(answer_tokens(i.question)) for i in ALL)
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
