"""Checks for evalsets/tables31 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 30, 103
PREFIX = "t31"


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
      load_problems + ([] if len(files) == N_FILES else [f"expected {N_FILES} files"])
      + ([] if len(docs) == N_DOCS else [f"expected {N_DOCS} documents"]))

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

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
check("every gold of answerable non-derived items occurs in an evidence document", probs)

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
# rule is a dead one) and no document outside its allowed list; a (regex, None) line must also
# be absent from the documents the line before allowed.
ABSENT = {
    "t31-dev-038": ([(r"\b(code|combination|padlock|key ?safe|keypad)\b", []),
                     (r"\b(lock|cupboard) (code|combination)\b[^.|\n]{0,20}\d{3,6}", [])],
                    "The cupboard combination is 4419."),
    "t31-dev-039": ([(r"@|\be-?mail\b", ["notes/2026-10-default-appeal"]),
                     (r"@|\be-?mail (address|is)\b", None)],
                    "Her email address is secretary@hallowmerechess.org.uk."),
    "t31-dev-040": ([(r"1980-81|1980-1981|\b198[0-4]\b[^|.\n]{0,40}champion|champion[^|.\n]{0,60}\b198[0-4]\b", []),
                     (r"<td>198[0-4]-8\d</td>", [])],
                    "The club champion in 1980-81 was Horace Threapleton: <td>1980-81</td>."),
    "t31-dev-041": ([(r"September 2027|2027-28", ["venue/community-centre-2025", "meetings/2026-11-05-committee", "history/subs-and-match-fees"]),
                     (r"(September 2027|2027-28)[^.|]{0,60}\b(1[6-9]|2\d)\b (an|a|per) hour|Elm Room[^.|\n]{0,40}(September 2027|2027-28)[^.|\n]{0,40}\d", None)],
                    "From September 2027 the Elm Room will be 16 an hour (Elm Room in 2027-28: 16)."),
    "t31-dev-042": ([(r"Saoirse", ["people/juniors", "people/members#M-174", "ratings/rating-history"]),
                     (r"Saoirse[^\n]{0,40}\b\d(½)? (from|out of|points)\b", None)],
                    "Saoirse scored 4 from 6 in the championship."),
    "t31-dev-043": ([(r"\bweigh(s|t)\b|\b\d+ ?(g|grams|oz|ounces)\b", [])],
                    "The ST-05 pieces weigh 1,400 g a set, the king alone 38 g."),
    "t31-dev-044": ([(r"Westmarch", ["people/juniors", "meetings/2026-11-05-committee", "venue/bookings-2026#bk26-13"]),
                     (r"Westmarch[^.]{0,80}\b\d+(½)?-\d+(½)?\b|\b(won|lost|drew|beat)\b[^.]{0,40}Westmarch|Westmarch[^.]{0,60}\b(won|lost|drew|beat)\b", None)],
                    "Fenwold beat Westmarch 7-5."),
    "t31-dev-045": ([(r"Keith Ambler", ["league/fixtures-2026#LG26-05", "championship/rapidplay-2026"]),
                     (r"Keith Ambler[^\n]{0,60}(July|Jul 2026|standard)", None)],
                    "Keith Ambler was 1788 on the July 2026 standard list."),
    "t31-test-059": ([(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b(phone|telephone) (number|no)\b|\btel\b", [])],
                     "The reception's phone number is 01632 960 417."),
    "t31-test-060": ([(r"chair(man)?[^|.;\n]{0,60}\b(19[0-6]\d|197[0-3])\b|\b(19[0-6]\d|197[0-3])\b[^|.;\n]{0,30}\bchair", []),
                      (r"(before|preceded) (Horace )?Threapleton|Threapleton's predecessor", [])],
                     "Before Horace Threapleton, the chairman from 1962 to 1974 was Alfred Nuttall."),
    "t31-test-061": ([(r"subscription[^|\n]{0,80}\b200[0-8]\b|\b200[0-8]\b[^|\n]{0,60}subscription", []),
                      (r"\b2007\b[^|.]{0,60}(GBP|£)\s?\d+", [])],
                     "In 2007 the subscription was GBP 25, the 2007 subscription."),
    "t31-test-062": ([(r"Kingsmill Cup", ["championship/rapidplay-2026", "history/club-officers"]),
                      (r"Kingsmill Cup[^.]{0,80}\b2025\b|\b2025\b[^.]{0,80}Kingsmill Cup", None),
                      (r"rapidplay[^.|]{0,30}2025[^.|]{0,80}\b(won|winner)\b|\b(won|winner)\b[^.|]{0,60}rapidplay[^.|]{0,30}2025", [])],
                     "The Kingsmill Cup in 2025 went to Gordon Haigh, who won the rapidplay of October 2025 outright as winner."),
    "t31-test-063": ([(r"\bspectators?\b|\baudience\b|\bwatch(ed|ing)\b|\bonlookers\b|\bvisitors? watched\b", [])],
                     "About 40 spectators watched the display."),
    "t31-test-064": ([(r"certificate (number|no)|\bDBS\b[^.|\n]{0,40}\b\d{6,}\b", [])],
                     "Her DBS certificate number is 001784522190."),
    "t31-test-065": ([(r"congress", ["meetings/2026-11-05-committee"]),
                      (r"congress[^.]{0,80}(GBP|£)\s?\d|(GBP|£)\s?\d+[^.]{0,60}congress|congress[^.]{0,60}\bentry\b", None)],
                     "The Gorsby congress entry is GBP 22."),
    "t31-test-066": ([(r"Round 4|round 4|2026-11-26|26 November", ["championship/club-championship", "equipment/cupboard"]),
                      (r"(Round 4|round 4|2026-11-26)[^\n]{0,80}(1-0|0-1|½-½)|<td>4</td>", None)],
                     "In round 4, on 2026-11-26, Chaudhry-Mulvey was 1-0."),
    "t31-test-067": ([(r"Maya Stansfield", ["championship/rapidplay-2026"]),
                      (r"Maya Stansfield[^\n]{0,80}(standard|Jul|Jan)", None)],
                     "Maya Stansfield has a standard rating of 1390 on the July list."),
    "t31-test-068": ([(r"\b2017\b[^|.]{0,80}\b\d{2,3}\b (members|people)|\b\d{2,3}\b (members|people)[^|.]{0,60}\b2017\b", []),
                      (r"members (in|at|during) [^|.]{0,20}\b2017\b", [])],
                     "In 2017 there were 61 members, members in 2017 being mostly adults."),
    "t31-test-069": ([(r"CK-05", ["equipment/equipment#CK-05", "equipment/cupboard", "meetings/2026-11-05-committee", "league/fixtures-2026#LG26-17"]),
                      (r"(replace|replaces|replacing|replacement|replaced)[^.|\n]{0,30}CK-05|CK-05[^.|\n]{0,60}(replace|replacement|replaced)", None)],
                     "A clock to replace CK-05 cost GBP 68."),
    "t31-test-070": ([(r"Drill Hall", ["league/calendar-2026-27", "league/fixtures-2026#LG26-16", "league/fixtures-2026#LG26-19", "meetings/2026-11-05-committee"]),
                      (r"Drill Hall,? \d|\d+ [A-Z][a-z]+ (Street|Road|Lane)", None),
                      (r"\b[A-Z]{1,2}\d{1,2} ?\d[A-Z]{2}\b", [])],
                     "The Drill Hall, 14 Barrack Street, Cragwell CG4 2DH."),
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
# markdown and HTML tables parsed): each derived count and each filter item's answer must be
# what the rows give; then the facts the wiki states in more than one place must agree.
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
    """The body rows of the nth pipe table whose first header cell is `first`, as lists of cells."""
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
        if inside and not (cells[0] and set(cells[0]) <= set("-")):
            out[-1].append(cells)
    return out[nth]


def bullets(rel: str, heading: str | None = None) -> dict[str, str]:
    """`- Label: value` lines of a page (under one `## heading` when given)."""
    text = page(rel)
    if heading is not None:
        text = text.split("## " + heading + "\n", 1)[1].split("\n## ", 1)[0]
    return {k.strip(): v.strip() for k, v in re.findall(r"^- ([^:\n]+): (.+)$", text, re.M)}


def html_tables(rel: str) -> dict[str, list[list[str]]]:
    """Each `<h2>` section of an HTML page: the cells of its table rows (header row left out)."""
    out = {}
    for h2, body in re.findall(r"<h2>([^<]+)</h2>(.*?)(?=<h2>|</body>)", page(rel), re.S):
        out[h2] = [re.findall(r"<td>([^<]*)</td>", tr) for tr in re.findall(r"<tr>(.*?)</tr>", body) if "<td>" in tr]
    return out


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def half(s: str) -> float:
    """'4½' -> 4.5, '½' -> 0.5, '17' -> 17.0, '12.5' -> 12.5."""
    s = s.strip()
    if s.endswith("½"):
        return (float(s[:-1]) if s[:-1] else 0.0) + 0.5
    return float(s)


def num(s: str) -> int:
    return int(s.replace(",", ""))


MEMBERS = rows("people/members.csv")
EQUIP = rows("equipment/equipment.csv")
BOOK = rows("venue/bookings-2026.csv")
FIX = rows("league/fixtures-2026.jsonl")
TEAMS = rows("league/teams.jsonl")
mem = {m["ID"]: m for m in MEMBERS}
by_name = {m["member"]: m for m in MEMBERS}
eq = {e["id"]: e for e in EQUIP}
bk = {b["id"]: b for b in BOOK}
fx = {f["id"]: f for f in FIX}
team = {t["id"]: t for t in TEAMS}
by_id = {i.id: i for i in ALL}

RATINGS = {r[1]: r for r in table("ratings/rating-history.md", "Member")}
OFFICERS = {r[0]: r for r in table("people/officers.md", "Office")}
JUNIORS = table("people/juniors.md", "Junior")
CHAIRS = table("history/club-officers.md", "From", 0)
SECRETARIES = table("history/club-officers.md", "From", 1)
CAPTAINS = table("history/club-officers.md", "From", 2)
SUBS = table("history/subs-and-match-fees.md", "From", 0)
MFEE = table("history/subs-and-match-fees.md", "From", 1)
FEES = {r[0]: (r[1], r[2]) for r in table("prices/fees-2026-27.md", "Item")}
R14 = {r[0]: r[1] for r in table("rules/defaults-and-fair-play-2014.md", "Item")}
R26 = {r[0]: (r[1], r[2]) for r in table("rules/defaults-and-fair-play-2026.md", "Item")}
V11 = {r[0]: r[1] for r in table("venue/bell-and-compass-2011.md", "Term")}
V25 = {r[0]: (r[1], r[2]) for r in table("venue/community-centre-2025.md", "Term")}
RATES = {r[0]: (int(r[1]), int(r[2])) for r in table("venue/community-centre-2025.md", "Room")}
DIVS = {r[0]: (int(r[1]), [t.strip() for t in r[2].split(",")]) for r in table("league/fccl-2026-27.md", "Division")}
CAL = table("league/calendar-2026-27.md", "Date")
RAPID = table("championship/rapidplay-2026.md", "Place")
ABOUT = {r[0]: r[1] for r in table("about.md", "")}
LT = html_tables("league/tables-2025-26.html")
CH = html_tables("championship/club-championship.html")


def rating_on(mid: str, when: str) -> int:
    """The standard rating in force on a date: the January 2026 list from 1 January, July from 1 July."""
    return int(RATINGS[mid][5] if when < "2026-07-01" else RATINGS[mid][6])


RECOMPUTE = {
    # derived counts: (id, computed value)
    "t31-dev-028": str(sum(m["fide"] == "Y" for m in MEMBERS)),
    "t31-test-041": str(sum(f["result"] == "lost" and not f["opponent"].startswith("Hallowmere") for f in FIX)),
    # filters: the one row, record or table line meeting the condition
    "t31-dev-029": [m["member"] for m in MEMBERS if m["league_games_2026"] == "0"],
    "t31-dev-030": [e["id"] for e in EQUIP if e["condition"] == "missing"],
    "t31-dev-031": [b["id"] for b in BOOK if b["paid"] == "N"],
    "t31-dev-032": [f["id"] for f in FIX if f["result"] == "postponed"],
    "t31-test-042": [m["member"] for m in MEMBERS if m["dbs_until"] == "2026-12"],
    "t31-test-043": [e["id"] for e in EQUIP if e["condition"] == "written off"],
    "t31-test-044": [m["member"] for m in MEMBERS if m["renewed_2026"] == "N"],
    "t31-test-045": [b["id"] for b in BOOK if b["nights"] == "13"],
    "t31-test-046": [j[0] for j in JUNIORS if int(j[5]) == min(int(x[5]) for x in JUNIORS)],
    "t31-test-047": [r[0] for r in RATINGS.values() if r[4] != "-" and int(r[6]) - int(r[4]) ==
                     min(int(x[6]) - int(x[4]) for x in RATINGS.values() if x[4] != "-")],
    "t31-test-048": [r[1] for r in LT["Division 3 (4 boards)"] if r[3] == "0"],
    "t31-test-049": [f["id"] for f in FIX if "default" in f.get("players", [])],
    "t31-test-050": [e["id"] for e in EQUIP if e["location"] == "with the club arbiter"],
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
if sorted(by_id["t31-dev-028"].evidence) != sorted(f"people/members#{m['ID']}" for m in MEMBERS if m["fide"] == "Y") \
        or sorted(by_id["t31-test-041"].evidence) != sorted(f"league/fixtures-2026#{f['id']}" for f in FIX
                                                           if f["result"] == "lost" and not f["opponent"].startswith("Hallowmere")):
    probs.append("derived counts' evidence is not the rows counted")

# ---- fixtures: boards, colours, scores, the cards in the texts, days, board order, members' games
BOARDS = {"Division 1": 6, "Division 2": 5, "Division 3": 4, "Rapidplay League": 4}
CLUB_NIGHT = {"Sheepcote": 2, "Marlock": 0, "Fellingham": 2, "Anstable": 0, "Cragwell": 3, "Gorsby": 1,
              "Brayford": 3, "Ebberley": 3, "Fenwold University": 1}  # weekday numbers, Monday 0
TEAM_NAME = {t["id"]: t["name"] for t in TEAMS}


def pts(r: str) -> float:
    a = r.split()[0].split("-")[0]
    return 0.5 if a == "½" else float(a)


def fmt(x: float) -> str:
    w = int(x)
    return (str(w) if w or x == w else "") + ("½" if x != w else "")


games = collections.Counter()
fee_games = collections.Counter()  # games that carry a match fee, by season half
for f in FIX:
    d = day(f["date"])
    if not f.get("players"):
        if f["result"] != "postponed" or f["boards"] is not None:
            probs.append(f"{f['id']}: no boards but {f['result']}")
        continue
    n = len(f["players"])
    season = "2026-27" if f["date"] >= "2026-09-01" else "2025-26"
    if n != BOARDS[f["competition"]] or f["boards"] != n or len(f["colours"]) != n or len(f["results"]) != n or f["season"] != season:
        probs.append(f"{f['id']}: {n} boards in {f['competition']}")
    first_white = f["venue"] in ("home", "neutral")
    want = ["W" if (k % 2 == 0) == first_white else "B" for k in range(n)]
    if f["colours"] != want:
        probs.append(f"{f['id']}: colours {f['colours']}")
    ours = sum(pts(r) for r in f["results"])
    if f["score"] != f"{fmt(ours)}-{fmt(n - ours)}" or f["result"] != ("won" if ours > n / 2 else "lost" if ours < n / 2 else "drawn"):
        probs.append(f"{f['id']}: score {f['score']} {f['result']}, boards give {ours}")
    if f"Match score: {TEAM_NAME[f['team']]} {f['score']} {f['opponent']}." not in f["text"] or not f["text"].startswith(f["id"] + ": "):
        probs.append(f"{f['id']}: score line or code not in the text")
    card = re.findall(r"^Bd (\d)  (\S+) \((W|B)\)  (\S+(?: def)?)  (.+)$", f["text"], re.M)
    if [(int(c[0]), c[1], c[2], c[3]) for c in card] != [(k + 1, f["players"][k], f["colours"][k], f["results"][k]) for k in range(n)]:
        probs.append(f"{f['id']}: the card in the text is not the metadata")
    opp_c = [re.sub(r" \((\d+|W|B)\)$", "", c[4]) for c in card]
    if f["opponent"].startswith("Hallowmere") and opp_c != f.get("opponent_players"):
        probs.append(f"{f['id']}: opponent players")
    # days: home A and B on Thursdays, home C on Tuesdays, rapidplay on Sundays, away on the host's club night
    club = f["opponent"].rsplit(" ", 1)[0]
    wd = {"home": 1 if f["team"] == "HAL-C" else 3, "neutral": 6}.get(f["venue"], CLUB_NIGHT.get(club))
    if d.weekday() != wd or (f["venue"] == "home" and team[f["team"]]["home_night"] != d.strftime("%A")):
        probs.append(f"{f['id']}: on a {d.strftime('%A')}")
    # board order: nobody above a team-mate rated more than 80 points higher, on the list in force
    for side in (f["players"], f.get("opponent_players")):
        if not side:
            continue
        present = [p for p in side if p != "default"]
        rts = [int(mem[p]["rtg_rpd"]) if f["team"] == "HAL-R" else rating_on(p, f["date"]) for p in present]
        for a in range(len(rts)):
            for b in range(a + 1, len(rts)):
                if rts[b] - rts[a] > 80:
                    probs.append(f"{f['id']}: {present[a]} ({rts[a]}) above {present[b]} ({rts[b]})")
    for k, p in enumerate(f["players"]):
        if p == "default":
            if not f["results"][k].startswith("0-1 def"):
                probs.append(f"{f['id']}: default board {k + 1}")
            continue
        if p not in mem or (f["date"] >= "2026-09-01" and mem[p]["renewed_2026"] != "Y"):
            probs.append(f"{f['id']}: {p} not a member that season")
        if "def" not in f["results"][k]:
            games[p] += 1
        if f["competition"] != "Rapidplay League":
            fee_games["2026" if f["date"] < "2026-06-01" else "autumn 2026"] += 1
    for p in f.get("opponent_players", []):
        games[p] += 1
        fee_games["autumn 2026"] += 1
for m in MEMBERS:
    if games[m["ID"]] != int(m["league_games_2026"]):
        probs.append(f"{m['ID']}: league_games_2026 {m['league_games_2026']}, fixtures give {games[m['ID']]}")
last_mack = max(f["date"] for f in FIX if "M-138" in f.get("players", []))
first_kw = min(f["date"] for f in FIX if "M-179" in f.get("players", []) + f.get("opponent_players", []))
first_ab = min(f["date"] for f in FIX if "M-183" in f.get("players", []))
if last_mack != "2026-04-16" or "last game for the club on 16 April 2026" not in mem["M-138"]["notes"] \
        or first_kw != "2026-03-25" or "first league game was on 25 March 2026" not in mem["M-179"]["notes"] \
        or fx["LG26-08"]["players"][3] != "M-179" or first_ab != "2026-02-24" or "M-183 played his first match for the club" not in fx["LG26-05"]["text"] \
        or "M-138 played his last game for the club" not in fx["LG26-09"]["text"] \
        or fx["LG26-13"]["results"][3] != "0-1" or "M-176 beat M-167" not in fx["LG26-13"]["text"] \
        or fx["LG26-17"]["players"][4] != "default" or "CK-05 did not come home" not in fx["LG26-17"]["text"] \
        or fx["LG26-16"]["result"] != "postponed" or "LG26-19" not in fx["LG26-16"]["text"] or "22 October (LG26-16)" not in fx["LG26-19"]["text"] \
        or fx["LG26-15"]["results"][0] != "1-0" or fx["LG26-15"]["players"][0] != "M-135" or "Joanna Prendiville" not in fx["LG26-15"]["text"] \
        or RAPID[0][1] != "Joanna Prendiville" or (day("2026-10-18") - day("2026-10-10")).days != 8 or "eight days before" not in fx["LG26-15"]["text"]:
    probs.append("fixtures against the members' notes and each other")
for t in TEAMS:
    mine = [f["id"] for f in FIX if f["team"] == t["id"] or f["opponent"] == t["name"]]
    if mine != t["fixtures"] or t["captain"] not in mem:
        probs.append(f"team {t['id']}: fixtures {t['fixtures']}, records give {mine}")
    if t["id"] != "HAL-R" and (t["name"] not in DIVS[t["division"]][1] or DIVS[t["division"]][0] != t["boards"]):
        probs.append(f"team {t['id']}: division or boards")
    if "M-" + t["text"].split("M-")[1][:3] != t["captain"]:
        probs.append(f"team {t['id']}: captain in the text")
spring = [f for f in FIX if f["season"] == "2025-26"]
if fee_games["2026"] != 49 or sum(len(f["players"]) for f in spring) != 49:
    probs.append(f"spring 2026 games {fee_games['2026']}")

# ---- the calendar as published against the fixtures log and the booking log
for c in CAL:
    d = day(c[0])
    if d.strftime("%a") != c[1]:
        probs.append(f"calendar {c[0]}: {c[1]}")
    home, away = c[3].split(" v ")
    hits = [f for f in FIX if f["date"] == c[0] and {TEAM_NAME[f["team"]], f["opponent"]} == {home, away}]
    if c[0] <= "2026-11-30" and not hits and c[0] not in ("2026-10-20",):
        probs.append(f"calendar {c[0]} {c[3]}: not in the fixtures log")
    if hits and (hits[0]["venue"] == "home") != home.startswith("Hallowmere") and hits[0]["venue"] != "neutral":
        probs.append(f"calendar {c[0]}: home and away")
autumn = [f for f in FIX if "2026-09-01" <= f["date"] <= "2026-11-30" and f["id"] != "LG26-19"]
if len(autumn) != sum(1 for c in CAL if c[0] <= "2026-11-30") - 1 or "LG26-19" in [f["id"] for f in autumn] \
        or any(c[0] == "2026-11-19" for c in CAL) or bk["bk26-10"]["date"] != "2026-10-20" or "Fenwold University A" not in bk["bk26-10"]["purpose"]:
    probs.append("the calendar against the fixtures: the two postponed matches")

# ---- league tables 2025-26: sums, order, our rows from the fixtures, promotion and relegation
AUT25 = LT.pop("Our matches of autumn 2025")
placed = {}
for h2, body in LT.items():
    boards = int(re.search(r"\((\d) boards\)", h2).group(1))
    division = h2.split(" (")[0]
    Ws = Ls = Ds = 0
    gp_total = 0.0
    for r in body:
        p, w, dr, l, gp, pt = int(r[2]), int(r[3]), int(r[4]), int(r[5]), half(r[6]), int(r[7])
        Ws, Ds, Ls, gp_total = Ws + w, Ds + dr, Ls + l, gp_total + gp
        if p != w + dr + l or p != len(body) - 1 or pt != 2 * w + dr:
            probs.append(f"{h2}: {r}")
        placed[r[1]] = (division, int(r[0]), w, dr, l, gp)
    matches = len(body) * (len(body) - 1) // 2
    if Ws != Ls or Ds % 2 or Ws + Ds // 2 != matches or gp_total != matches * boards or BOARDS[division] != boards:
        probs.append(f"{h2}: totals W {Ws} D {Ds} L {Ls} GP {gp_total}")
    keys = [(-int(r[7]), -half(r[6])) for r in body]
    if keys != sorted(keys) or [int(r[0]) for r in body] != list(range(1, len(body) + 1)):
        probs.append(f"{h2}: order")
for t in TEAMS:
    if t["id"] == "HAL-R":
        continue
    res = [(half(a[4].split("-")[0]), half(a[4].split("-")[1])) for a in AUT25 if a[1] == t["name"]]
    res += [(sum(pts(r) for r in f["results"]), len(f["results"]) - sum(pts(r) for r in f["results"])) for f in spring if f["team"] == t["id"]]
    w, dr, l = sum(a > b for a, b in res), sum(a == b for a, b in res), sum(a < b for a, b in res)
    div, pos, W, D, L, GP = placed[t["name"]]
    if (div, pos, W, D, L, GP) != (t["division_2025_26"], t["place_2025_26"], w, dr, l, sum(a for a, _ in res)):
        probs.append(f"{t['id']}: table row {placed[t['name']]}, fixtures give {(w, dr, l, sum(a for a, _ in res))}")
for a in AUT25:
    d = day(a[0])
    club = a[2].rsplit(" ", 1)[0]
    wd = (1 if a[1] == "Hallowmere C" else 3) if a[3] == "home" else CLUB_NIGHT[club]
    if d.weekday() != wd or not ("2025-09-01" <= a[0] <= "2025-12-31"):
        probs.append(f"autumn 2025 {a}: on a {d.strftime('%A')}")
aut_games = sum(BOARDS[placed[a[1]][0]] for a in AUT25)
order = {div: [t for t, v in sorted(placed.items(), key=lambda kv: kv[1][1]) if v[0] == div] for div in ("Division 1", "Division 2", "Division 3")}
new1 = set(order["Division 1"][:-1]) | {order["Division 2"][0]}
new2 = set(order["Division 2"][1:-1]) | {order["Division 1"][-1]} | set(order["Division 3"][:2])
new3 = set(order["Division 3"][2:]) | {order["Division 2"][-1], "Fenwold University B"}
if (new1, new2, new3) != tuple(set(DIVS[d][1]) for d in ("Division 1", "Division 2", "Division 3")) \
        or order["Division 1"][0] != "Fellingham A" or "Fellingham A champions; Brayford A relegated." not in flat("league/tables-2025-26.html") \
        or "Hallowmere C and Ebberley B, first and second in Division 3, came up" not in flat("league/fccl-2026-27.md") \
        or "made them Division 1 champions for 2025-26" not in fx["LG26-07"]["text"] or fx["LG26-07"]["result"] != "lost" \
        or "champions by two points" not in fx["LG26-10"]["text"] or placed["Hallowmere C"][2:5] != (4, 1, 0) \
        or "four wins and a draw from five" not in flat("news/2026-04-c-team-champions.md"):
    probs.append("promotion and relegation against the divisions of 2026-27")

# ---- the C team's news against the fixtures
c_spring = [f for f in spring if f["team"] == "HAL-C"]
c_players = {p for f in c_spring for p in f["players"]}
score_of = lambda mid: sum(pts(f["results"][f["players"].index(mid)]) for f in c_spring if mid in f["players"])
played_n = lambda mid: sum(mid in f["players"] for f in c_spring)
news_c = flat("news/2026-04-c-team-champions.md")
if len(c_players) != 7 or "Seven players turned out in the spring" not in news_c \
        or (score_of("M-160"), played_n("M-160")) != (3, 4) or "Wren Albarracín scored 3 from 4" not in news_c \
        or (score_of("M-176"), played_n("M-176")) != (2.5, 3) or "Florian Kranzberger 2½ from 3" not in news_c \
        or not all(f["players"][0] == "M-102" for f in c_spring) or played_n("M-156") != 1 \
        or "every one of the C team's spring matches on top board" not in flat("meetings/2026-06-11-agm.md"):
    probs.append("the C team's spring against the news and the AGM")

# ---- ratings: the July list is the members list; the biggest fall; the junior rises
for mid, r in RATINGS.items():
    if mid not in mem or mem[mid]["member"] != r[0] or mem[mid]["rtg_std"] != r[6]:
        probs.append(f"ratings {mid}: {r}")
    if r[2] != "-" and int(mem[mid]["joined"]) > 2019 and "played for the town's club until it folded" not in mem[mid]["notes"]:
        probs.append(f"ratings {mid}: a 2019 grade before joining")
falls = {r[0]: int(r[6]) - int(r[4]) for r in RATINGS.values() if r[4] != "-"}
worst = min(falls, key=falls.get)
best = max(falls, key=falls.get)
if worst != "Edmund Garstang" or falls[worst] != -43 or "Edmund Garstang's, 43 points" not in flat("ratings/rating-history.md") \
        or mem[by_name[best]["ID"]]["category"] != "junior" or len(RATINGS) != len(MEMBERS):
    probs.append("ratings: the biggest rise and fall")

# ---- club championship: crosstable, Sonneborn-Berger, this season's rounds, the default, the roll
xt = CH["2025-26 final crosstable"]
n = len(xt)
score = {r[1]: half(r[12]) for r in xt}
grid = {r[1]: [None if c == "x" else half(c) for c in r[4:4 + n]] for r in xt}
names = [r[1] for r in xt]
for a in range(n):
    for b in range(n):
        if a != b and grid[names[a]][b] + grid[names[b]][a] != 1:
            probs.append(f"crosstable {names[a]} v {names[b]}")
    if sum(x for x in grid[names[a]] if x is not None) != score[names[a]]:
        probs.append(f"crosstable total {names[a]}")
sb = {p: sum(grid[p][b] * score[names[b]] for b in range(n) if grid[p][b] is not None) for p in names}
if any(abs(sb[r[1]] - float(r[13])) > 1e-9 for r in xt) or [(-score[p], -sb[p]) for p in names] != sorted((-score[p], -sb[p]) for p in names):
    probs.append(f"crosstable SB {sb}")
for r in xt:
    if mem[r[2]]["member"] != r[1] or int(r[3]) != int(RATINGS[r[2]][5]):
        probs.append(f"crosstable {r[1]}: number or January rating")
if score[names[0]] != score[names[1]] or grid[names[0]][1] != 0.5 or names[0] != "Tobias Nettleship" \
        or grid["Hamid Sadeghi"][0] != 1 or day("2026-04-23").weekday() != 3 \
        or any(f["date"] == "2026-04-23" for f in FIX) or "club champion 2025-26 on tie-break" not in mem["M-135"]["notes"]:
    probs.append("the 2025-26 title on tie-break")
rounds = collections.defaultdict(list)
now = collections.Counter()
for r in CH["2026-27 so far"]:
    rounds[(r[0], r[1])].append(r)
    w, b = r[2], r[3]
    s = pts(r[4])
    now[w] += s
    now[b] += 1 - s
players26 = {p for rs in rounds.values() for r in rs for p in r[2:4]}
pairs = [frozenset(r[2:4]) for rs in rounds.values() for r in rs]
for (rd, dt), rs in rounds.items():
    if sorted(p for r in rs for p in r[2:4]) != sorted(players26) or day(dt).weekday() != 3:
        probs.append(f"round {rd}: players or day")
    if any(f["date"] == dt and f["venue"] == "home" and f["team"] in ("HAL-A", "HAL-B") for f in FIX):
        probs.append(f"round {rd}: clashes with a home match")
leaders = sorted(p for p in now if now[p] == max(now.values()))
defaulted = [r for rs in rounds.values() for r in rs if "def" in r[4]]
rep = page("notes/2026-10-default-appeal.txt")
t = dict(re.findall(r"^  (\d\d:\d\d)  (.+)$", rep, re.M))
start, declared, arrived, last = (datetime.datetime.strptime(x, "%H:%M") for x in ("19:30", "19:50", "19:52", "22:18"))
if len(pairs) != len(set(pairs)) or len(players26) != 8 or leaders != ["Declan Mulvey", "Ravi Chaudhry"] \
        or "Ravi Chaudhry and Declan Mulvey lead on 2½" not in flat("championship/club-championship.html") \
        or len(defaulted) != 1 or defaulted[0][:5] != ["3", "2026-10-29", "Declan Mulvey", "Priyanka Kothari", "1-0 def"] \
        or "White M-127, Black M-152" not in rep or not all(x in t for x in ("19:30", "19:50", "19:52", "22:18")) \
        or (declared - start).seconds // 60 != int(re.match(r"(\d+) minutes", R26["Default time"][1]).group(1)) \
        or (arrived - start).seconds // 60 != 22 or "M-152 was 22 minutes late" not in rep \
        or not R14["Default time"].startswith("30 minutes") or R26["Default time"][0] != "30 minutes after the start" \
        or "21:40 on Friday 30 October" not in rep or (datetime.datetime(2026, 10, 30, 21, 40) - datetime.datetime(2026, 10, 29, 22, 18)).total_seconds() > 48 * 3600 \
        or "within 48 hours of the end of the round" not in R26["Appeals"][1] or "GBP 10 fee" not in R26["Appeals"][1] \
        or FEES["Appeal fee, returned if the appeal succeeds"] != ("10", "-") or "paid the GBP 10 fee" not in rep \
        or {mem[x]["member"] for x in re.search(r"Panel: (M-\d+), (M-\d+) and (M-\d+)", rep).groups()} & players26 \
        or "defaulted in round 3 of the 2026-27 club championship and lost her appeal" not in mem["M-152"]["notes"] \
        or day("2026-10-30").weekday() != 4 or day("2026-11-03").weekday() != 1 or "Lettice Arrowsmith (M-144), club arbiter" not in rep \
        or OFFICERS["Club arbiter"][2] != "M-144":
    probs.append("the 2026-27 rounds and the default against the 2026 rules")
roll = CH["Roll of honour"]
champs = collections.Counter(r[1] for r in roll)
seasons = [r[0] for r in roll]
about_count = sum(r[1] == "Ravi Chaudhry" for r in roll if r[0] <= "2011-12")
if champs["Ravi Chaudhry"] != 11 or [r[0] for r in roll if r[1] == "Ravi Chaudhry"][-1] != "2022-23" \
        or "club champion eleven times, the last in 2022-23" not in mem["M-118"]["notes"] \
        or about_count != 10 or "Ravi Chaudhry, for the tenth time" not in ABOUT["Club champion"] \
        or champs["Tobias Nettleship"] != 4 or "champion for the fourth time" not in flat("meetings/2026-06-11-agm.md") \
        or roll[-1][1] != names[0] or dict((r[0], r[1]) for r in roll)["1986-87"] != "Gwendolen Fitzmaurice" \
        or "club championship, in 1986-87" not in mem["M-111"]["notes"] or len(set(seasons)) != len(seasons):
    probs.append("the roll of honour against the members and the 2012 page")
for s_, who in ((r[0], r[1]) for r in roll):
    if who in by_name and int(by_name[who]["joined"]) > int(s_[:4]):
        probs.append(f"roll {s_}: {who} before joining")

# ---- rapidplay: the cells both ways, points, Buchholz, order, prizes, money
pl = {int(r[0]): r for r in RAPID}
rp = {k: half(r[9]) for k, r in pl.items()}
for k, r in pl.items():
    got = 0.0
    for rd, cell in enumerate(r[4:9]):
        m = re.fullmatch(r"([+=-])([WB])(\d+)", cell)
        res, col, opp = m.group(1), m.group(2), int(m.group(3))
        other = re.fullmatch(r"([+=-])([WB])(\d+)", pl[opp][4 + rd])
        if int(other.group(3)) != k or other.group(2) == col or {"+": "-", "-": "+", "=": "="}[res] != other.group(1):
            probs.append(f"rapidplay {r[1]} round {rd + 1}")
        got += {"+": 1, "=": 0.5, "-": 0}[res]
    if got != rp[k]:
        probs.append(f"rapidplay {r[1]}: {r[9]}, rounds give {got}")
    opps = [int(re.fullmatch(r"[+=-][WB](\d+)", c).group(1)) for c in r[4:9]]
    if len(set(opps)) != 5 or sum(rp[o] for o in opps) != float(r[10]):
        probs.append(f"rapidplay {r[1]}: Buchholz")
    if r[2] == "Hallowmere" and mem[by_name[r[1]]["ID"]]["rtg_rpd"] != r[3]:
        probs.append(f"rapidplay {r[1]}: rapid rating")
keys = [(-rp[k], -float(pl[k][10])) for k in sorted(pl)]
if keys != sorted(keys) or sum(rp.values()) != len(pl) * 5 / 2:
    probs.append("rapidplay: order or total")
top = [pl[k][1] for k in pl if rp[k] == rp[1]]
third = [pl[k][1] for k in pl if rp[k] == max(v for v in rp.values() if v < rp[1])]
under = [k for k in pl if int(pl[k][3]) < 1800]
best_u = [pl[k][1] for k in under if rp[k] == max(rp[x] for x in under)]
pr = bullets("championship/rapidplay-2026.md", "Prizes")
juniors_in = [p for p in (pl[k][1] for k in pl) if p in by_name and by_name[p]["category"] == "junior"] + ["Maya Stansfield"]
entries = (len(pl) - len(juniors_in)) * int(FEES["Rapidplay entry, adult"][0]) + len(juniors_in) * int(FEES["Rapidplay entry, junior"][0])
if top != ["Joanna Prendiville", "Cormac Delahunt"] or not all(x in pr["First and second (GBP 120 and GBP 60)"] for x in top) \
        or len(third) != 3 or not all(x in pr["Third (GBP 30)"] for x in third) or best_u != [pr["Best score by a player rated under 1800 (GBP 25)"]] \
        or pr["Kingsmill Cup"] != f"{pl[1][1]}, on Buchholz" or 120 + 60 + 30 + 25 != 235 or "Prizes: GBP 235" not in flat("championship/rapidplay-2026.md") \
        or entries != 176 or "entries GBP 176" not in flat("meetings/2026-11-05-committee.md") or "twelve entries" not in flat("meetings/2026-11-05-committee.md") \
        or len(pl) != 12 or "ten adults and two juniors" not in flat("championship/rapidplay-2026.md") \
        or "joint first in the Hallowmere Rapidplay 2026, second on tie-break" not in mem["M-147"]["notes"] \
        or "best player rated under 1800 at the 2026 rapidplay" not in mem["M-171"]["notes"] or bk["bk26-09"]["date"] != "2026-10-10":
    probs.append("rapidplay prizes and money")

# ---- bookings: hours, the rate in force by room and date, cancellations, fixtures, the accounts
STAND_THU = 3.5 * RATES["Elm Room"][0]
for b in BOOK:
    h1, h2 = (datetime.datetime.strptime(b[x], "%H:%M") for x in ("start", "end"))
    hours = (h2 - h1).seconds / 3600 * int(b["nights"])
    rate = RATES[b["room"]][0 if b["date"] < "2026-09-01" else 1]
    cost = hours * rate / (2 if "half the cost was charged" in b["notes"] else 1)
    if float(b["hours"]) != hours or int(b["rate_gbp_h"]) != rate or float(b["cost_gbp"]) != cost:
        probs.append(f"{b['id']}: {b['hours']} h at {b['rate_gbp_h']} = {b['cost_gbp']}; rates give {hours} h at {rate} = {cost}")
    if b["booked_by"] not in mem:
        probs.append(f"{b['id']}: booked by {b['booked_by']}")
    if b["fixture"]:
        f = fx[b["fixture"]]
        if f["date"] != b["date"] or f["team"] != "HAL-C" or f["venue"] != "home" or b["room"] != "Elm Room":
            probs.append(f"{b['id']}: fixture {b['fixture']}")
c_home = sorted(f["id"] for f in FIX if f["team"] == "HAL-C" and f["venue"] == "home")
if c_home != sorted(b["fixture"] for b in BOOK if b["fixture"]):
    probs.append(f"C-team home matches {c_home} against the booking log")
cancel = day("2026-10-20") - day("2026-10-13")
summer = [day("2026-06-04") + datetime.timedelta(weeks=k) for k in range(int(bk["bk26-07"]["nights"]))]
if cancel.days >= 14 or "cancelled on 13 October" not in bk["bk26-10"]["notes"] or "seven days' notice" not in flat("meetings/2026-11-05-committee.md") \
        or "half the cost with less" not in V25["Cancelling a booking"][1] or "free with 14 days' notice" not in V25["Cancelling a booking"][1] \
        or summer[-1] != day("2026-08-27") or any(d.weekday() != 3 for d in summer) or day("2026-06-11") not in summer \
        or bk["bk26-12"]["date"] != "2026-11-05" or "Willow Room, 18:00 to 19:00" not in flat("meetings/2026-11-05-committee.md") \
        or bk["bk26-13"]["date"] != "2026-11-07" or day("2026-11-07").weekday() != 5 or "on 7 November" not in flat("people/juniors.md") \
        or bk["bk26-04"]["date"] != "2026-03-07" or "Saturday 7 March 2026 in the Main Hall, with 30 juniors" not in flat("people/juniors.md") \
        or "30 juniors" not in bk["bk26-04"]["notes"] or bk["bk26-05"]["date"] != "2026-04-11" or "arbiters' course of 11 April 2026" not in mem["M-144"]["notes"] \
        or bk["bk26-14"]["date"] != "2026-12-17" or "Thursday 17 December" not in flat("league/calendar-2026-27.md") \
        or "Main Hall is booked for Thursday 17 December, 19:00 to 22:30" not in flat("meetings/2026-11-05-committee.md") \
        or (bk["bk26-14"]["start"], bk["bk26-14"]["end"]) != ("19:00", "22:30") or bk["bk26-14"]["booked_by"] != OFFICERS["Social secretary"][2] \
        or sum(int(x) for x in re.search(r"won (\d+), drew (\d+) and lost (\d+)", bk["bk26-06"]["notes"]).groups()) != 28 or "28 boards" not in bk["bk26-06"]["notes"]:
    probs.append("bookings against the agreement, the minutes, the juniors page and the calendar")

# ---- the accounts: every line from the rates, the counts from the fixtures, bookings and dates
acc = page("notes/2026-06-accounts-2025-26.txt")
lines = {k.strip(): (num(v), x) for k, v, x in re.findall(r"^  ([A-Z][^\n]*?)\s+GBP\s+([\d,]+)(?:\s+\(([^)]*)\))?", acc, re.M)}
old = {k: int(v[1]) for k, v in FEES.items() if v[1] not in ("-",)}
rate_of = {"Subscriptions, full": old["Full"], "Subscriptions, concession": old["Concession (65 and over, or unwaged)"],
           "Subscriptions, student": old["Student (full-time)"], "Subscriptions, junior": old["Junior (under 18)"],
           "Subscriptions, family": old["Family (two adults and their juniors)"], "Subscriptions, country": old["Country (living over 30 miles away)"],
           "Junior sessions, non-members": old["Junior session, non-member"]}
for k, r in rate_of.items():
    amount, why = lines[k]
    m = re.fullmatch(r"([\d,]+)(?: [a-z ]+)? x ([\d,]+)", why or "")
    if not m or num(m.group(2)) != r or num(m.group(1)) * r != amount:
        probs.append(f"accounts {k}: {amount} ({why})")
counts = {k: int(v) for k, v in re.findall(r"^  (Full|Concession|Student|Junior|Family|Country|Honorary life)\s+(\d+)", acc, re.M)}
people = sum(v for k, v in counts.items() if k != "Family") + int(re.search(r"\((\d+) people\)", acc).group(1))
income = [v for k, (v, _) in lines.items() if list(lines).index(k) < list(lines).index("Total income")]
costs = [v for k, (v, _) in lines.items() if list(lines).index("Total income") < list(lines).index(k) < list(lines).index("Total costs")]
surplus = num(re.search(r"Surplus\s+GBP\s+([\d,]+)", acc).group(1))
agm = flat("meetings/2026-06-11-agm.md")
thursdays = [day("2025-09-04") + datetime.timedelta(weeks=k) for k in range(40)]
thursdays = [d for d in thursdays if d <= day("2026-05-28") and not (d.month == 12 and d.day >= 24 or d.month == 1 and d.day == 1)]
summer25 = [d for d in (day("2025-06-05") + datetime.timedelta(weeks=k) for k in range(14)) if d <= day("2025-08-28")]
one_off_2026 = sum(float(b["cost_gbp"]) for b in BOOK if b["date"] < "2026-06-01")
one_off_2025 = 4 * RATES["Elm Room"][0] + 10 * RATES["Main Hall"][0]  # the C team's home match of 11 November 2025 and the 2025 rapidplay
review = int(re.search(r"2019 raised to GBP (\d+)", page("venue/bell-and-compass-2011.md")).group(1))
if sum(income) != lines["Total income"][0] or sum(costs) != lines["Total costs"][0] or surplus != sum(income) - sum(costs) \
        or f"income GBP {sum(income):,}, costs GBP {sum(costs):,} and a surplus of GBP {surplus:,}" not in agm \
        or f"Total members {people} people" not in " ".join(acc.split()) or f"There were {people} members at 31 May" not in agm \
        or lines["Match fees, to 31 December 2025"] != (aut_games * 2, f"{aut_games} games x 2") \
        or lines["Match fees, from 1 January 2026"] != (fee_games["2026"] * 3, f"{fee_games['2026']} games x 3") \
        or lines["League levy"] != (aut_games * 1 + fee_games["2026"] * 2, f"{aut_games} games x 1 and {fee_games['2026']} games x 2") \
        or lines["Room hire, Community Centre, Thursdays"] != (len(thursdays) * STAND_THU, f"{len(thursdays)} club nights x {STAND_THU:g}, September 2025 to May 2026") \
        or lines["Room hire, Bell and Compass"] != (len(summer25) * review, f"June to August 2025: {len(summer25)} Thursdays x {review}") \
        or lines["Room hire, Community Centre, juniors"][0] != 30 * 1.5 * RATES["Willow Room"][0] \
        or lines["Junior coach"] != (30 * 30, "30 sessions x 30") or "at GBP 30 a session in 2025-26" not in flat("people/juniors.md") \
        or lines["Room hire, one-off bookings"][0] != one_off_2025 + one_off_2026 or f"{one_off_2026:g} from January to May 2026" not in lines["Room hire, one-off bookings"][1] \
        or lines["Clocks"][0] != int(eq["CK-07"]["cost_gbp"]) + int(eq["CK-08"]["cost_gbp"]) or "Fenwold Community Fund grant" not in eq["CK-07"]["notes"] \
        or lines["League affiliation"][1] != f"{len([t for t in TEAMS if t['id'] != 'HAL-R'])} teams x 40" \
        or lines["Rapidplay entries, October 2025"][0] != 14 * int(FEES["Rapidplay entry, adult"][1]) + 4 * int(FEES["Rapidplay entry, junior"][1]) \
        or lines["Simultaneous display, May 2026"][1] != "28 boards x 8" or "GBP 2 until 31 December 2025" in acc:
    probs.append("accounts totals, rates and counts against the fixtures, the bookings and the AGM")

# ---- officers and their histories: back to back, AGM days, the pages that name them
def second_thursday_of_june(y: int) -> datetime.date:
    d = datetime.date(y, 6, 1)
    d += datetime.timedelta(days=(3 - d.weekday()) % 7)
    return d + datetime.timedelta(days=7)


def held_on(hist: list[list[str]], when: str) -> str:
    return next(r[2] for r in hist if r[0] <= when and (r[1] == "" or when <= r[1]))


for name, hist in (("chairs", CHAIRS), ("secretaries", SECRETARIES), ("A-team captains", CAPTAINS)):
    for a, b in zip(hist, hist[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"{name}: {a[:3]} then {b[:3]}")
    for r in hist:
        if day(r[0]) != second_thursday_of_june(day(r[0]).year):
            probs.append(f"{name}: {r[0]} is not an AGM day")
    if hist[-1][1] != "" or hist[-1][3] != "current":
        probs.append(f"{name}: no current holder")
for office, o in OFFICERS.items():
    if o[2]:
        m = mem[o[2]]
        words = f"{office.lower() if office not in ('A-team captain', 'B-team captain', 'C-team captain') else office} since {o[3]}"
        if m["member"] != o[1] or words not in m["notes"] or int(o[3]) < int(m["joined"]):
            probs.append(f"officer {office}: {o[1]} {o[2]} ({words})")
for tid, office in (("HAL-A", "A-team captain"), ("HAL-B", "B-team captain"), ("HAL-C", "C-team captain"), ("HAL-R", "Rapidplay captain")):
    if team[tid]["captain"] != OFFICERS[office][2]:
        probs.append(f"{tid}: captain {team[tid]['captain']} is not the {office}")
for owner_rel, office in (("people/officers.md", "Secretary"), ("people/juniors.md", "Junior organiser"), ("ratings/rating-history.md", "Secretary"),
                          ("league/fccl-2026-27.md", "A-team captain"), ("league/calendar-2026-27.md", "Secretary"), ("history/club-officers.md", "President"),
                          ("history/subs-and-match-fees.md", "Treasurer"), ("prices/fees-2026-27.md", "Treasurer"), ("equipment/cupboard.md", "Club arbiter"),
                          ("championship/rapidplay-2026.md", "Rapidplay captain"), ("rules/defaults-and-fair-play-2026.md", "Club arbiter"),
                          ("meetings/2026-06-11-agm.md", "Secretary"), ("meetings/2026-11-05-committee.md", "Secretary"), ("guides/match-captains.md", "A-team captain"),
                          ("news/2026-04-c-team-champions.md", "C-team captain"), ("venue/community-centre-2025.md", "Secretary")):
    if "owner: " + OFFICERS[office][1] + "\n" not in page(owner_rel):
        probs.append(f"{owner_rel}: owner is not the {office.lower()}")
v11 = flat("venue/bell-and-compass-2011.md")
v25 = flat("venue/community-centre-2025.md")
if held_on(CHAIRS, "2026-12-01") != OFFICERS["Chair"][1] or held_on(SECRETARIES, "2026-12-01") != OFFICERS["Secretary"][1] \
        or held_on(CAPTAINS, "2026-12-01") != OFFICERS["A-team captain"][1] or CHAIRS[-1][0][:4] != OFFICERS["Chair"][3] \
        or SECRETARIES[-1][0][:4] != OFFICERS["Secretary"][3] or CAPTAINS[-1][0][:4] != OFFICERS["A-team captain"][3] \
        or held_on(CHAIRS, "2012-05-20") != ABOUT["Chairman"] or held_on(SECRETARIES, "2012-05-20") != ABOUT["Secretary"] \
        or held_on(CAPTAINS, "2012-05-20") != ABOUT["A-team captain"] or "owner: Edmund Garstang" not in page("about.md") \
        or ABOUT["President"] != CHAIRS[0][2] or "president 1988-2012" not in CHAIRS[0][3] or OFFICERS["President"][3] != "2012" \
        or held_on(SECRETARIES, "2017-09-14") != "Edmund Garstang" or "owner: Edmund Garstang" not in page("faq/joining-2017.md") \
        or held_on(SECRETARIES, "2014-08-28") != "Edmund Garstang" or "owner: Edmund Garstang" not in page("rules/defaults-and-fair-play-2014.md") \
        or held_on(SECRETARIES, "2011-08-18") != "Edmund Garstang" or held_on(CHAIRS, "2011-08-18") != "Marian Kingsmill" \
        or "Edmund Garstang (secretary) and Marian Kingsmill (chairman)" not in v11 \
        or held_on(SECRETARIES, "2025-07-03") != "Gwendolen Fitzmaurice" or held_on(CHAIRS, "2025-07-03") != "Ravi Chaudhry" \
        or "Gwendolen Fitzmaurice (secretary) and Ravi Chaudhry (chair)" not in v25 \
        or held_on(CHAIRS, "1995-01-01") != mem["M-102"]["member"] or "chair 1988-2004 and secretary 2006-2018" not in mem["M-102"]["notes"] \
        or held_on(SECRETARIES, "2010-01-01") != mem["M-102"]["member"] \
        or held_on(CHAIRS, "2015-01-01") != mem["M-127"]["member"] or "chair 2013-2017" not in mem["M-127"]["notes"] \
        or OFFICERS["Treasurer"][3] != "2017" or CHAIRS[3][1][:4] != "2017" \
        or held_on(CAPTAINS, "2016-01-01") != mem["M-135"]["member"] or "A-team captain 2013-2019" not in mem["M-135"]["notes"] \
        or [r[2] for r in CHAIRS].count("Marian Kingsmill") != 2 or "the first woman to chair the club" not in CHAIRS[2][3] \
        or "Kingsmill Cup" not in pr or "put Oona Wenlock forward" not in flat("history/club-officers.md") \
        or "put forward Oona Wenlock" not in flat("meetings/2026-11-05-committee.md") or second_thursday_of_june(2027) != day("2027-06-10") \
        or "AGM of 10 June 2027" not in flat("history/subs-and-match-fees.md") or "after six years" not in flat("meetings/2026-11-05-committee.md") \
        or 2027 - int(OFFICERS["Chair"][3]) != 6 or second_thursday_of_june(2026) != day("2026-06-11") \
        or "Minutes** of the AGM of 12 June 2025" not in page("meetings/2026-06-11-agm.md") or second_thursday_of_june(2025) != day("2025-06-12"):
    probs.append("chairs, secretaries and captains against the other pages")
if {x for x in ("Lettice Arrowsmith", "Alastair Beaumont") if x in agm} != {"Lettice Arrowsmith", "Alastair Beaumont"} \
        or OFFICERS["Club arbiter"][3] != "2026" or OFFICERS["Social secretary"][3] != "2026" or OFFICERS["Accounts examiner"][2] != "" \
        or "examined by Brendan Cartwright" not in acc or "Brendan Cartwright" in by_name:
    probs.append("the new officers and the examiner")

# ---- the subscription and match fee histories against the fees page, the 2012 and 2017 pages and the minutes
for name, hist in (("subscription", SUBS), ("match fee", MFEE)):
    for a, b in zip(hist, hist[1:]):
        if day(a[1]) + datetime.timedelta(days=1) != day(b[0]):
            probs.append(f"{name} history: {a[:3]} then {b[:3]}")
    if hist[-1][1] != "":
        probs.append(f"{name} history: no open last period")


def price_on(hist: list[list[str]], when: str) -> int:
    return next(int(r[2]) for r in hist if r[0] <= when and (r[1] == "" or when <= r[1]))


faq = flat("faq/joining-2017.md")
com = flat("meetings/2026-11-05-committee.md")
if (str(price_on(SUBS, "2026-09-01")), str(price_on(SUBS, "2025-09-01"))) != FEES["Full"] \
        or (str(price_on(MFEE, "2026-09-01")), str(price_on(MFEE, "2026-01-01"))) != FEES["Match fee, a league game"] \
        or price_on(MFEE, "2025-12-31") != 2 or "before that it was GBP 2 a game" not in flat("prices/fees-2026-27.md") \
        or f"GBP {price_on(SUBS, '2012-05-20')} a year" not in ABOUT["Subscription"] \
        or f"A full subscription is GBP {price_on(SUBS, '2017-09-14')} a season" not in faq \
        or f"match fee of GBP {price_on(MFEE, '2017-09-14')} a game" not in faq \
        or price_on(SUBS, "2020-09-01") >= price_on(SUBS, "2020-08-31") or price_on(MFEE, "2020-10-01") != 0 \
        or "proposed a full subscription of GBP 65" not in agm or "subscription set at GBP 64" not in agm \
        or "propose a full subscription of GBP 68" not in com or "full subscription of GBP 68 for 2027-28" not in flat("history/subs-and-match-fees.md") \
        or "The match fee stays at GBP 3" not in agm or "doubled its levy to GBP 2 a game" not in flat("history/subs-and-match-fees.md") \
        or "GBP 2 a game played from 1 January 2026 (it was GBP 1)" not in flat("league/fccl-2026-27.md") \
        or "match fee, GBP 3 a game" not in flat("guides/match-captains.md") or FEES["Match fee, a rapidplay-league game"][0] != "0" \
        or "subscription has gone up to GBP 60 for 2025-26" not in flat("news/2025-09-new-home.md"):
    probs.append("subscription and match fee histories against the other pages")
for m in MEMBERS:  # categories the members list gives against what the fees page says they are for
    notes = m["notes"]
    if m["category"] == "concession" and not (re.search(r"(\d+) this year", notes) and int(re.search(r"(\d+) this year", notes).group(1)) >= 65 or "unwaged" in notes):
        probs.append(f"{m['ID']}: concession")
    if m["category"] == "junior" and not int(re.search(r"aged (\d+)", notes).group(1)) < 18:
        probs.append(f"{m['ID']}: junior")
    if m["category"] == "country" and not int(re.search(r"lives (\d+) miles", notes).group(1)) > 30:
        probs.append(f"{m['ID']}: country")
    if m["category"] == "student" and "student" not in notes and "undergraduate" not in notes:
        probs.append(f"{m['ID']}: student")

# ---- equipment: the cupboard page against the list, the counts, the minutes
locs = {"Elm Room cupboard": "Elm Room cupboard", "Junior box (Willow Room store)": "junior box", "With the secretary": "with the secretary",
        "With the club arbiter": "with the club arbiter"}


def expand(cell: str) -> set[str]:
    out = set()
    for part in re.split(r", | and ", cell.split(", the")[0]):
        m = re.fullmatch(r"([A-Z]{2})-(\d\d) to [A-Z]{2}-(\d\d)", part.strip())
        if m:
            out |= {f"{m.group(1)}-{k:02d}" for k in range(int(m.group(2)), int(m.group(3)) + 1)}
        elif re.fullmatch(r"[A-Z]{2}-\d\d", part.strip()):
            out.add(part.strip())
    return out


for heading, loc in locs.items():
    bl = bullets("equipment/cupboard.md", heading)
    listed = expand(bl.get("Sets", "")) | expand(bl.get("Clocks", ""))
    if heading.startswith("Junior"):
        listed.add("ST-10") if "ST-10" in bl.get("Also", "") else None
    want = {e["id"] for e in EQUIP if e["location"] == loc or (loc == "junior box" and e["location"] == "Willow Room store")}
    if listed != want:
        probs.append(f"cupboard page {heading}: {sorted(listed)} against the list {sorted(want)}")
gone = bullets("equipment/cupboard.md", "Gone or missing")
cnt = bullets("equipment/cupboard.md", "Counts")
fit = sorted(e["id"] for e in EQUIP if e["kind"] == "clock" and e["condition"] in ("good", "fair"))
if set(gone) != {e["id"] for e in EQUIP if e["condition"] in ("missing", "written off")} \
        or cnt["Sets for play"] != f"{sum(e['kind'] == 'set' for e in EQUIP)}, and the demonstration board" \
        or cnt["Clocks fit for league play"] != f"{len(fit)} ({', '.join(fit[:-1])} and {fit[-1]})" \
        or cnt["Clocks for blitz only"] != f"{sum(e['kind'] == 'clock' and e['condition'] == 'poor' for e in EQUIP)} (CK-01)" \
        or len(fit) != BOARDS["Division 1"] or "GBP 68 to replace the clock broken in the move" not in com or eq["CK-09"]["cost_gbp"] != "68" \
        or "replace CK-02" not in eq["CK-09"]["notes"] or "during the move" not in eq["CK-02"]["notes"] \
        or "one of the old mechanical clocks went down them" not in flat("news/2025-09-new-home.md") \
        or "4 November 2026" not in eq["CK-05"]["notes"] or fx["LG26-17"]["date"] != "2026-11-04" or "CK-05, lent to Sheepcote last night" not in com \
        or eq["ST-09"]["cost_gbp"] != "" or int(eq["ST-09"]["bought"]) != 1971 or "left its reading room in 1971" not in eq["ST-09"]["notes"] \
        or "until it closed in 1971" not in flat("about.md") or any(int(e["bought"]) > 2026 for e in EQUIP):
    probs.append("equipment: gone, counts and the minutes")

# ---- juniors: the members behind the initials, ages, ratings, sessions, the championship
sat = [d for d in (day("2026-09-12") + datetime.timedelta(weeks=k) for k in range(14)) if d <= day("2026-11-28") and d != day("2026-10-31")]
for j in JUNIORS:
    num_ = re.search(r"M-\d+", j[2])
    if j[2].startswith("M-"):
        m = mem[j[2]]
        first, last = m["member"].split(" ", 1)
        if j[0] != f"{first} {last[0]}." or f"aged {j[1]}" not in m["notes"] or j[4] != m["rtg_rpd"] or m["category"] != "junior":
            probs.append(f"junior {j[0]}: against {j[2]}")
    elif num_:
        m = mem[num_.group()]
        if m["category"] != "family" or j[0].split()[0] not in m["notes"] or j[0][-2] != m["member"].split()[-1][0]:
            probs.append(f"junior {j[0]}: family of {num_.group()}")
    if not 0 <= int(j[5]) <= len(sat) or int(j[1]) >= 18:
        probs.append(f"junior {j[0]}: sessions or age")
jc = bullets("people/juniors.md", "Junior Championship 2026")
if len(sat) != 11 or "Eleven sessions had been held by 28 November" not in flat("people/juniors.md") \
        or jc["Overall (Garstang Shield)"] != "Jonah E., 5 from 6" or "Garstang Shield 2026" not in mem["M-171"]["notes"] \
        or jc["Under 12"] != "Saoirse L." or "under-12 junior champion 2026" not in mem["M-174"]["notes"] \
        or "gave the Garstang Shield for the best junior in 1995" not in mem["M-102"]["notes"] or "Garstang Shield for the best junior went to Jonah Ebersole" not in agm \
        or "rises from GBP 30 to GBP 35 a session from September 2026" not in agm or "GBP 35 a session from September 2026" not in flat("people/juniors.md") \
        or "Twelve juniors are coming this term" not in com or len(JUNIORS) != 12 \
        or "Lettice Arrowsmith's DBS check runs out at the end of December" not in com or mem["M-144"]["dbs_until"] != "2026-12" \
        or any(m["dbs_until"] and m["dbs_until"] < "2026-12" for m in MEMBERS) \
        or "from the library to the Willow Room on Saturday mornings" not in flat("news/2025-09-new-home.md") \
        or "meets on Saturday mornings in term time in the town library" not in faq:
    probs.append("juniors against the members list, the AGM and the committee")

# ---- the two agreements and the two sets of rules, against the pages that rely on them
if V11["Charge"] != "GBP 15 a club night, paid monthly, reviewed every three years" or review != 18 \
        or V25["Charge"][0] != f"GBP 15 a night (GBP {review} from 2019)" or "GBP 18 | GBP 49 (3.5 hours at GBP 14)" not in flat("news/2025-09-new-home.md").replace("| Cost of a club night | ", "") \
        or V11["Nights"] != "every Thursday, 19:00 to 23:00, all year" or "Thursdays 19:00-22:30 in the Elm Room, September to May" not in V25["Standing booking"][1] \
        or "out of the Club Room by 21:00" not in V11["Juniors"] or "must be out of the Club Room by 21:00" not in ABOUT["Juniors"] \
        or "must leave the Club Room by 21:00" not in faq or V11["Access"] != "stairs only; no lift" or "There is no lift" not in faq \
        or "seats 40" not in V25["Rooms"][1] or "Elm Room, ground floor, 40 players" not in flat("news/2025-09-new-home.md") \
        or "30 parking spaces" not in V25["Access"][1] or "30 free spaces" not in flat("news/2025-09-new-home.md") \
        or "24 December to 1 January" not in V25["Closed"][1] or "gave notice on 15 May 2025 and left on 31 August 2025" not in v11 \
        or "three months on either side" not in V11["Notice"] or (day("2025-08-31") - day("2025-05-15")).days < 91 \
        or "three years from 1 September 2025 to 31 August 2028" not in v25 or "after fourteen years upstairs at the Bell and Compass" not in flat("news/2025-09-new-home.md") \
        or 2025 - 2011 != 14 or day("2025-09-04").weekday() != 3 or day("2025-08-28").weekday() != 3 or "since September 2011" not in flat("about.md") \
        or "Harrowden Ales" not in ABOUT.get("", "") + flat("about.md"):
    probs.append("the two agreements against the news, the 2012 page, the FAQ and the accounts")
if "36 moves in 90 minutes" not in R14["Time control, club championship"] or "36 moves in 90 minutes followed by 15 minutes each for the rest" not in faq \
        or "30 minutes after the start of the round loses by default" not in faq or "earns a warning the first time and loses the game the second time" not in faq \
        or "36 moves in 90 minutes followed by 15 minutes each" not in flat("championship/club-championship.html") \
        or "80 minutes each plus 10 seconds a move" not in flat("championship/club-championship.html") or "80 minutes each plus 10 seconds a move" not in R26["Time control, club championship"][1] \
        or R26["Draw offers"][1] != "not before move 20 in the club championship" or R26["Controller"][1] != "the club arbiter" or R14["Controller"] != "the secretary" \
        or "approved by the committee on 21 May" not in agm or "take effect on 1 September 2026" not in agm \
        or "Superseded on 1 September 2026" not in flat("rules/defaults-and-fair-play-2014.md") \
        or "Default time: 30 minutes after the start" not in flat("league/fccl-2026-27.md") or "defaulted 30 minutes after the start" not in flat("guides/match-captains.md") \
        or "waited the full thirty minutes that league rules require" not in fx["LG26-05"]["text"] \
        or "own 20 minutes" not in flat("guides/match-captains.md") or "20 minutes since 1 September 2026" not in flat("league/fccl-2026-27.md") \
        or "75 minutes each plus 15 seconds a move" not in flat("league/fccl-2026-27.md") or "75 minutes plus 15 seconds a move" not in fx["LG26-11"]["text"] \
        or "the home team has White on the odd-numbered boards" not in flat("league/fccl-2026-27.md") or "White on boards 1, 3 and 5" not in flat("guides/match-captains.md") \
        or "rated more than 80 points higher" not in flat("league/fccl-2026-27.md") or "25 minutes plus 10 seconds" not in team["HAL-R"]["text"] \
        or "20 minutes each plus 10 seconds a move" not in flat("championship/rapidplay-2026.md"):
    probs.append("the two sets of rules against the FAQ, the league page, the guide and the results")

# metadata and cells the comparisons use
rpl = {r[1]: half(r[9]) for r in RAPID}
place = {r[1]: int(r[0]) for r in xt}
cmp_facts = [
    int(mem["M-152"]["joined"]) < int(mem["M-156"]["joined"]),
    int(eq["CK-09"]["cost_gbp"]) > int(eq["CK-07"]["cost_gbp"]),
    place["Priyanka Kothari"] < place["Cormac Delahunt"] and score["Priyanka Kothari"] == score["Cormac Delahunt"],
    float(bk["bk26-06"]["cost_gbp"]) > float(bk["bk26-05"]["cost_gbp"]),
    int(RATINGS["M-147"][3]) > int(RATINGS["M-127"][3]),
    int(mem["M-131"]["rtg_rpd"]) > int(mem["M-127"]["rtg_rpd"]),
    int(eq["CK-03"]["bought"]) < int(eq["ST-10"]["bought"]),
    placed["Quillby A"][1] < placed["Gorsby B"][1],
    rpl["Jonah Ebersole"] > rpl["Priyanka Kothari"],
    float(bk["bk26-09"]["hours"]) > float(bk["bk26-04"]["hours"]),
    int(mem["M-176"]["joined"]) < int(mem["M-179"]["joined"]),
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
sha = HERE / "test.jsonl.sha256"
got = sha.read_text() if sha.exists() else ""
check("test.jsonl.sha256 matches", [] if got == want else [f"sha file {got!r} != {want!r}"])

print("ALL PASS" if not FAILS else f"{len(FAILS)} FAILED: {FAILS}")
sys.exit(1 if FAILS else 0)
