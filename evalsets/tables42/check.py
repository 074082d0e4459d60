"""Checks for evalsets/tables42 (no model): run from anywhere (src/ is put on the path).

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
N_FILES, N_DOCS = 14, 77
PREFIX = "t42"


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
# document outside its list.
ABSENT = {
    "t42-dev-038": ([(r"\bpost ?code\b", []),
                     (r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b", [])],
                    "The postcode of Silvercross Sports Hall is PW3 8QT."),
    "t42-dev-039": ([(r"\bwon (the )?(league|division)\b|\b(league|division) (winners?|champions?)\b|\bfinished (first|top)\b", [])],
                    "Hollowgrave BC won the division and finished first; league champions."),
    "t42-dev-040": ([(r"under-14[^\n]{0,120}\b2024\b|\b2024\b[^\n]{0,120}under-14", []),
                     (r"<td>2024</td><td>[^<]+</td><td>[^<]+</td></tr>", [])],
                    "The 2024 under-14 singles: <td>2024</td><td>Vitus Radleigh</td><td>Kolya Callowhill</td></tr>"),
    "t42-dev-041": ([(r"@", []), (r"\be-?mail\b", [])],
                    "Email the match secretary at matches@pellowickbc.org."),
    "t42-dev-042": ([(r"^\| 20(0\d|1[0-4])-\d\d-\d\d \|", []),
                     (r"\b2012\b[^\n]{0,60}(membership|GBP)|(membership|GBP)[^\n]{0,60}\b2012\b", [])],
                    "In 2012 adult membership was GBP 85.\n| 2012-09-01 | 2015-08-31 | 85 |"),
    "t42-dev-043": ([(r"\btension\b|\b\d+ ?(lbs?|kg)\b", [])],
                    "The adult loan rackets are strung at a tension of 24 lbs."),
    "t42-dev-044": ([(r"\bincome\b[^\n]{0,60}\b2024\b|\b2024\b[^\n]{0,60}\bincome\b", [])],
                    "Income for 2024 was GBP 9,310."),
    "t42-dev-045": ([(r"\breplay\w*\b[^\n]{0,120}\b\d-\d\b", [])],
                    "Ladies 1 replayed Cradlow BC and won 5-4."),
    "t42-test-059": ([(r"\b(telephone|tel|mobile|phone)\b", []),
                      (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", [])],
                     "The bursar's phone number is 01632 960 471."),
    "t42-test-060": ([(r"<td>2019</td>", []),
                      (r"men's singles[^\n]{0,80}\b2019\b|\b2019\b[^\n]{0,80}men's singles", [])],
                     "<td>2019</td><td>Hallvard Drevanick</td>: the 2019 men's singles."),
    "t42-test-061": ([(r"Ladies 1 (finished|were|came|ended)\b", []),
                      (r"Ladies 1[^\n]{0,60}\b(first|second|third|fourth|fifth|sixth|\d(st|nd|rd|th)|promoted|relegated)\b", [])],
                     "Ladies 1 finished third in Division 1."),
    "t42-test-062": ([(r"\b(supplier|supplied by|bought from|wholesaler|stockist)\b", [])],
                     "Ulverby shuttles are bought from the supplier Racketstore."),
    "t42-test-063": ([(r"\bincome\b[^\n]{0,60}\b2023\b|\b2023\b[^\n]{0,60}\bincome\b", [])],
                     "Income for 2023 was GBP 8,870."),
    "t42-test-064": ([(r"^\| Chair \| (19\d\d|200\d|201[01])", []),
                      (r"\bchair\b[^\n]{0,40}\b(19[89]\d|200\d|201[01])\b", [])],
                     "| Chair | 2005-05 | 2012-05 | Ansel Mirrow |\nchair from 2005"),
    "t42-test-065": ([(r"\b(sibling|second child|family|families)\b", [])],
                     "A second child from the same family pays GBP 45, the sibling rate."),
    "t42-test-066": ([(r"\b(school )?holidays?\b|\bhalf term\b[^\n]{0,60}\bsocial\b", [])],
                     "In the school holidays the social session runs 10:00-11:30."),
    "t42-test-067": ([(r"\b\d+ ?(g|grams|oz|ounces)\b|\bweighs?\b", [])],
                     "Each weighted coaching racket weighs 180 g."),
    "t42-test-068": ([(r"Cradlow Community Centre[^\n]{0,80}\bcourts?\b|\bcourts?\b[^\n]{0,80}Cradlow Community Centre", [])],
                     "Cradlow Community Centre has 4 courts."),
    "t42-test-069": ([(r"\bumpired\b|\bumpire (was|for)\b|\bumpire: [A-Z][a-z]+ [A-Z]", [])],
                     "The match was umpired by Ansel Mirrow; umpire: Ansel Mirrow."),
    "t42-test-070": ([(r"battery life|\b(charge|charging)\b|\bbattery\b[^\n]{0,40}\bhours?\b|\bhours?\b[^\n]{0,40}\bbattery\b", [])],
                     "The battery lasts 3 hours on one charge; battery life is good."),
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
    for pat, allowed in rules:
        rx = re.compile(pat, re.I | re.M)
        if not rx.search(sample):
            probs.append(f"{i.id}: /{pat}/ misses its made-up answer {sample!r}")
        missing = [k for k in allowed if k not in full]
        if missing:
            probs.append(f"{i.id}: allowed documents {missing} do not exist")
        hits = [k for k in full if rx.search(full[k]) and k not in allowed]
        if hits:
            probs.append(f"{i.id}: /{pat}/ found in {hits}")
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


MEM = {r["ID"]: r for r in rows("members/roster.csv")}
by_name = {m["name"]: m for m in MEM.values()}
FX = {r["id"]: r for r in rows("league/fixtures-2025-26.csv")}
CH = {r["id"]: r for r in rows("ladder/challenges-2026.csv")}
SH = {r["id"]: r for r in rows("stock/shuttles.csv")}
KIT = {r["id"]: r for r in rows("equipment/kit.jsonl")}
LN = {r["id"]: r for r in rows("equipment/loans.jsonl")}
probs: list[str] = []


def only(found, want, name):
    if sorted(found) != sorted(want):
        probs.append(f"{name}: found {sorted(found)}, want {sorted(want)}")


def ev_ids(item_id):
    return [e.split("#", 1)[1] for e in by_id[item_id].evidence if "#" in e]


# derived counts and filter answers recomputed from the rows
only([k for k, m in MEM.items() if m["umpire"] == "Y"], ev_ids("t42-dev-028"), "umpires")
if str(len(ev_ids("t42-dev-028"))) not in by_id["t42-dev-028"].answers:
    probs.append("umpire count")
only([k for k, m in MEM.items() if m["coach_level"] != "none"], ev_ids("t42-test-041"), "coaches")
if str(len(ev_ids("t42-test-041"))) not in by_id["t42-test-041"].answers:
    probs.append("coach count")
only([k for k, r in KIT.items() if r["condition"] == "poor"], ["SB-01"], "poor kit")
only([k for k, r in FX.items() if r["status"] == "postponed"], ["FX-11"], "postponed")
only([k for k, m in MEM.items() if m["section"] == "junior" and m["team"] == "Ladies 1"], ["B15"], "junior in Ladies 1")
only([k for k, r in SH.items() if r["type"] == "hybrid"], ["SH-06"], "hybrid")
only([k for k, m in MEM.items() if m["umpire"] == "Y" and m["subs_2026"] == "N"], ["B20"], "unpaid umpire")
only([k for k, r in SH.items() if "junior" in r["used_for"]], ["SH-04"], "junior shuttle")
only([k for k, r in FX.items() if r["team"] == "Men's 1" and r["home_away"] == "away"], ["FX-09"], "Men's 1 away")
only([k for k, r in CH.items() if r["games"] == "walkover"], ["CH-08"], "walkover")
only([k for k, m in MEM.items() if m["section"] == "social" and m["joined"] == "2025"], ["B23"], "social 2025")
only([k for k, m in MEM.items() if m["coach_level"] == "Level 2" and m["team"] == "Mixed 1"], ["B10"], "Level 2 in Mixed 1")
only([k for k, m in MEM.items() if m["section"] == "junior" and m["joined"] == "2024"], ["B17"], "junior 2024")
only([k for k, r in FX.items() if r["team"] == "Mixed 2" and r["score"] and int(r["score"].split("-")[0]) > 4], ["FX-08"], "Mixed 2 win")
only([k for k, r in KIT.items() if "given" in r["text"]], ["UC-01"], "given kit")
only([k for k, r in KIT.items() if "garage" in r["kept_at"]], ["NP-01"], "kit kept in a garage")
# comparisons from their two records
NUM = {"SH-02": int(SH["SH-02"]["tubes_in_stock"]), "SH-05": int(SH["SH-05"]["tubes_in_stock"])}
def cmp(item, a, b, va, vb, bigger=True):
    win = a if (va > vb) == bigger else b
    if va == vb or by_id[item].answers[0] != win:
        probs.append(f"{item}: comparison gold")
cmp("t42-dev-023", "SH-02", "SH-05", NUM["SH-02"], NUM["SH-05"])
cmp("t42-dev-024", "Theda Lathwell", "Gottfried Tiverley", int(MEM["B18"]["joined"]), int(MEM["B21"]["joined"]), False)
cmp("t42-dev-025", "FX-03", "FX-10", int(FX["FX-03"]["points"]), int(FX["FX-10"]["points"]))
cmp("t42-dev-026", "RK-01", "RK-02", KIT["RK-01"]["bought"], KIT["RK-02"]["bought"], False)
courts = {r[0]: int(r[1]) for r in table("halls/courts-and-coaching.md", "Hall")}
cmp("t42-dev-027", "Silvercross Sports Hall", "Thornwell Academy Hall", courts["Silvercross Sports Hall"], courts["Thornwell Academy Hall"])
cmp("t42-test-035", "SH-01", "SH-04", int(SH["SH-01"]["reorder_at"]), int(SH["SH-04"]["reorder_at"]))
cmp("t42-test-036", "Mavis Quilter", "Nevil Kestevan", int(MEM["B01"]["born"]), int(MEM["B04"]["born"]), False)
cmp("t42-test-037", "FX-02", "FX-06", int(FX["FX-02"]["points"]), int(FX["FX-06"]["points"]))
cmp("t42-test-038", "RK-03", "UC-01", KIT["RK-03"]["cost_gbp"], KIT["UC-01"]["cost_gbp"])
cmp("t42-test-039", "CH-04", "CH-06", CH["CH-04"]["date"], CH["CH-06"]["date"], False)
cmp("t42-test-040", "LN-07", "LN-08", LN["LN-07"]["due"], LN["LN-08"]["due"])
# league points: 1 a rubber won, 2 more for a match win (9 rubbers)
for k, r in FX.items():
    if r["status"] == "played":
        f, a = map(int, r["score"].split("-"))
        if f + a != 9 or int(r["points"]) != f + (2 if f > a else 0) or r["player_of_match"] not in MEM:
            probs.append(f"{k}: score/points/player")
    elif r["score"] or r["points"]:
        probs.append(f"{k}: postponed with a score")
# the ladder: winners move up, challenges at most four places up, positions follow on
for k, r in CH.items():
    cp, dp = int(r["challenger_position"]), int(r["defender_position"])
    if not 0 < cp - dp <= 4 or r["winner"] not in (r["challenger"], r["defender"]):
        probs.append(f"{k}: ladder rule")
    if int(r["new_position_of_winner"]) != dp:
        probs.append(f"{k}: the winner takes the higher place")
    ch = MEM[r["challenger"]]
    if ch["grade"] not in ("1", "2", "3") and not (ch["grade"] == "J1" and ch["team"] != "none"):
        probs.append(f"{k}: challenger not graded 1-3 ({r['challenger']})")
# the ladder replayed from its starting order (the winner of a challenge takes the higher place,
# the players between move down one)
ladder = ["B02", "B03", "B08", "B10", "B21", "B05", "B06", "B24", "B14", "B16", "B12", "B20"]
for k, r in sorted(CH.items(), key=lambda kv: kv[1]["date"]):
    for who, pos in ((r["challenger"], r["challenger_position"]), (r["defender"], r["defender_position"])):
        if ladder.index(who) + 1 != int(pos):
            probs.append(f"{k}: {who} is at {ladder.index(who) + 1}, not {pos}")
    if r["winner"] == r["challenger"]:
        ladder.remove(r["challenger"])
        ladder.insert(int(r["defender_position"]) - 1, r["challenger"])
# kit and loans point at each other
for k, r in LN.items():
    if r["item"] not in KIT:
        probs.append(f"{k}: item {r['item']}")
    if re.fullmatch(r"B\d\d", r["borrower"]) and r["borrower"] not in MEM:
        probs.append(f"{k}: borrower")
    if (r["returned"] is None) != (k in KIT[r["item"]]["out_on"]):
        probs.append(f"{k}: open loan against the kit's out_on")
for k, r in KIT.items():
    for ln in r["out_on"]:
        if LN[ln]["item"] != k:
            probs.append(f"{k}: out_on {ln}")
    if f"GBP {r['cost_gbp']:,}" not in r["text"] or str(r["bought"]) not in r["text"]:
        probs.append(f"{k}: cost or year against the text")
# fee histories without gaps; the new adult rate against the AGM
import datetime
for nth in range(3):
    tab = table("fees/subscription-history.md", "From", nth)
    for a, b in zip(tab, tab[1:]):
        if datetime.date.fromisoformat(a[1]) + datetime.timedelta(days=1) != datetime.date.fromisoformat(b[0]):
            probs.append(f"fee table {nth}: gap after {a[1]}")
    if tab[-1][1]:
        probs.append(f"fee table {nth}: no open current rate")
adult = table("fees/subscription-history.md", "From", 0)
agm = " ".join(page("minutes/2026-05-14-agm.md").split())
if f"rises from GBP {adult[-2][2]} to GBP {adult[-1][2]} from 1 September 2026" not in agm:
    probs.append("adult rate against the AGM")
# officers page against the history, the roster's notes and the club page
offs = {r[0]: r for r in table("committee/officers.md", "Post")}
hist = table("committee/officers.md", "Post", 1)
for post, r in offs.items():
    if MEM[r[2]]["name"] != r[1]:
        probs.append(f"{post}: {r[1]} is not {r[2]}")
    cur = [h for h in hist if h[0] == post and not h[2]]
    if cur and (cur[0][3] != r[1] or cur[0][1][:4] != r[3]):
        probs.append(f"{post}: history against the officers table")
    if post not in ("Chair",) and post.lower() not in MEM[r[2]]["notes"].lower():
        probs.append(f"{post}: not in {r[2]}'s notes")
for post in ("Chair", "Secretary", "Treasurer", "Match secretary"):
    hs = [h for h in hist if h[0] == post]
    for a, b in zip(hs, hs[1:]):
        if a[2] != b[1]:
            probs.append(f"{post}: gap at {a[2]}")
for team, div, cap, night in table("club.md", "Team"):
    if by_name[cap]["team"] != team or "captain" not in by_name[cap]["notes"]:
        probs.append(f"{team}: captain {cap}")
# the rota's coaches hold a coaching level
for r in table("halls/courts-and-coaching.md", "Day"):
    if r[5] != "none" and MEM[r[5]]["coach_level"] == "none":
        probs.append(f"rota {r[0]} {r[4]}: coach {r[5]} has no level")
# the club championships: winners are members; unpaid members against the AGM
html = page("events/club-championships.html")
for cell in re.findall(r"<td>([^<]+)</td>", html):
    if not cell.isdigit():
        for who in cell.split(" and "):
            if who not in by_name:
                probs.append(f"championships: {who} not a member")
unpaid = [k for k, m in MEM.items() if m["subs_2026"] == "N"]
if len(unpaid) != 2 or "Two members still owe" not in agm or any("owes" not in MEM[k]["notes"] for k in unpaid):
    probs.append("unpaid members against the AGM")
if len(CH) != 10 or "ten challenges" not in agm:
    probs.append("ladder challenges against the AGM")
check("counts, filters and comparisons recomputed from the rows; records that point at each other and facts stated twice agree", probs)

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
