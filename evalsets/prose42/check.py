"""Checks for evalsets/prose42 (no model): run from the repo root (`python3 evalsets/prose42/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose42/check.py`)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
try:
    import ragtune  # noqa: F401
except ImportError:  # run without PYTHONPATH=src: use the repository's src/
    sys.path.insert(0, str(HERE.parent.parent / "src"))

from ragtune.corpus.loaders import Document, iter_documents, scan  # noqa: E402
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct  # noqa: E402
from ragtune.eval.qa import QAItem, load_qa  # noqa: E402

PREFIX = "p42"
results: list[tuple[bool, str]] = []


def check(ok: bool, what: str) -> None:
    results.append((bool(ok), what))


def clauses(text: str) -> str:
    """One line of text in which list items, headings, table rows and paragraphs are cut off by
    '.', so a pattern's `W` stays inside one sentence, clause or list item even across line wraps."""
    text = re.sub(r"<(?:tr|/tr|table|/table)>", " . ", text)
    text = re.sub(r"\n\s*(?:[-*|]|\d+\.|#+)\s*", " . ", "\n" + text)
    text = re.sub(r"\n\s*\n", " . ", text)
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.lower().split())


# inside one clause: anything but '.' or ';', except a decimal point ("13.2 pony", "£17,687.25")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|a few|several)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"


# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)

NAME = r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+)"
UNANSWERABLE = {
    "p42-dev-038": (rf"\bwalker\b{W}\b(called|named)\b|\bwalker,? {NAME}|\bScree found (?-i:[A-Z][a-z]+)",
                    "Scree found Jory Penhale in the gill."),
    "p42-dev-039": (rf"\b2022\b{W}{MONEY}|{MONEY}{W}\b2022\b",
                    "In 2022 the race raised £16,200."),
    "p42-dev-040": (rf"\bfarmer\b{W}\b(called|named)\b|\bfarmer,? {NAME}|{NAME},? (a|the) farmer (in|at|from) Nethermire",
                    "It was bought by Torben Hask, a farmer in Nethermire."),
    "p42-dev-041": (rf"\bopen day\b{W}\b(\d[\d,]*|{NUM}) (people|visitors|guests)\b|\b(\d[\d,]*|{NUM}) (people|visitors|guests) (came|attended|visited)\b",
                    "About 700 people came to the open day."),
    "p42-dev-042": (rf"\b2022\b{W}\bincome\b|\bincome\b{W}\b2022\b",
                    "Income in 2022 was £150,000."),
    "p42-dev-043": (rf"\btraining officer\b{W}{NAME}|{NAME},? (Coldbeck's|their|the) training officer",
                    "Coldbeck's training officer, Brand Oxley, agreed."),
    "p42-dev-044": (rf"\b2023\b{W}\b(won|winner|first woman)\b|\b(won|winner)\b{W}\b2023\b",
                    "In 2023 the women's race was won by Edda Marr."),
    "p42-dev-045": (rf"\b(\d+|{NUM}) (trainees |members |people |of them )?passed (the |their )?hill assessment|\bhill assessment\b{W}\b(\d+|{NUM}) passed\b",
                    "Four trainees passed the hill assessment in 2024."),
    "p42-test-065": (rf"\brepeater\b{W}\b(cost|paid|bought for)\b{W}{MONEY}|\brepeater\b{W}\b(installed|put up|first fitted)\b{W}{MONEY}",
                     "The repeater was put up in 1995 and cost £2,000."),
    "p42-test-066": (rf"\bdealer\b{W}(?-i:[A-Z][a-z]+)",
                     "The dealer was Harlow Motors of Kelby."),
    "p42-test-067": (rf"\b2022\b{W}\b(finishers|finished|runners|starters)\b|\b(finishers|finished|runners)\b{W}\b2022\b",
                     "In 2022, 298 runners finished."),
    "p42-test-068": (rf"\b2022\b{W}\b(spending|spent|costs)\b|\b(spending|spent)\b{W}\b2022\b",
                     "Spending in 2022 was £110,000."),
    "p42-test-069": (rf"\b(\d+|{NUM}) (of them |members |people )?(were )?from Coldbeck\b|\bColdbeck\b{W}\b(sent|brought)\b{W}\b(\d+|{NUM})\b|\b(\d+|{NUM}) (of )?Coldbeck('s)? members\b",
                     "Coldbeck sent 14 members."),
    "p42-test-070": (r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b(telephone|phone|ring|call)\b[^.;]*\b\d{5,}\b",
                     "Ring Lowis House on 01946 555 210."),
    "p42-test-071": (rf"\b(waiting charge|lorry|driver)\b{W}{MONEY}|{MONEY}{W}\b(waiting charge|lorry)\b|\bcharged (me )?{MONEY}",
                     "The lorry driver charged £120 for waiting."),
    "p42-test-072": (rf"\bEskil\b{W}\b(died|death)\b|\b(died|death)\b{W}\bEskil\b|\bEskil\b{W}\b(1[89]\d\d|20\d\d)\b",
                     "Eskil died in 2019."),
    "p42-test-073": (rf"\b2022\b{W}\bcall(ed)?[- ]outs?\b|\bcall[- ]outs?\b{W}\b2022\b",
                     "There were 70 call-outs in 2022."),
    "p42-test-074": (rf"\bheat pump\b{W}{MONEY}|{MONEY}{W}\bheat pump\b",
                     "The heat pump cost £18,000."),
    "p42-test-075": (rf"\b2025\b{W}\b(\d+|{NUM}) (applications|applicants|people applied)\b|\b(\d+|{NUM}) (applications|applicants)\b{W}\b2025\b",
                     "In 2025 there were 30 applications."),
    "p42-test-076": (rf"\bfirst (call-out|casualty)\b{W}\b(called|named)\b|\bwalker with a broken ankle\b,? {NAME}|{NAME}, (the|a) walker with a broken ankle",
                     "Her first casualty, named Bryony Tait, had a broken ankle."),
}

DOCS = 25
FORMATS = Counter(md=21, txt=4)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "incidents/2024-11-radio-failure-review", "letters/2025-03-complaint-and-reply",
                   "operations/incident-log-2024"]
SUPERSEDED = ["policies/call-out-policy-2017"]
CURRENT = ["policies/call-out-policy-2024"]
SIZES = (1900, 3000)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> Decimal:
    return Decimal(re.sub(r"[£,()*]", "", text))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts, votes, times and dates the documents state agree with their parts and
    with each other (totals that did not add up would make a careful reader doubt the right figure)."""
    hi, gl, bv = docs["about/history"], docs["about/at-a-glance"], docs["about/bases-and-vehicles"]
    cm, ld = docs["people/committee"], docs["people/leaders-and-medical-officer"]
    jg, tr, dg = docs["members/joining-and-grades"], docs["members/training"], docs["members/search-dog-section"]
    p17, p24 = docs["policies/call-out-policy-2017"], docs["policies/call-out-policy-2024"]
    il, rf = docs["operations/incident-log-2024"], docs["incidents/2024-11-radio-failure-review"]
    race, box, app = (docs["fundraising/vennet-horseshoe-fell-race"], docs["fundraising/collection-box-round"],
                      docs["fundraising/vehicle-appeal"])
    m02, m05, m09, m01 = (docs["meetings/2024-02-committee-minutes"], docs["meetings/2024-05-committee-minutes"],
                          docs["meetings/2024-09-committee-minutes"], docs["meetings/2025-01-committee-minutes"])
    ar, nl, lt = docs["reports/annual-report-2024"], docs["newsletters/fell-lines-41-spring-2025"], docs["letters/2025-03-complaint-and-reply"]
    amb, cb, faq = docs["partners/ambulance-service-partnership"], docs["partners/coldbeck-mutual-aid"], docs["advice/walkers-faq"]

    rows = {label.strip("* "): (money(a), money(b)) for label, a, b in re.findall(
        r"^\| ([^|]+?) \| \**(£[\d,]+)\** \| \**\((£[\d,]+)\)\** \|$", ar.text, re.M)}
    income = ["Donations", "Collection boxes", "Vennet Horseshoe fell race", "Legacies", "Vehicle appeal", "Grants"]
    costs = ["Vehicles and fuel", "Equipment and medical supplies", "Base running costs", "Training", "Insurance",
             "Search-dog section", "Fundraising costs"]
    ok = len(rows) == 16
    for y in (0, 1):
        ti = sum(rows[k][y] for k in income)
        tc = sum(rows[k][y] for k in costs)
        ok = ok and ti == rows["Total income"][y] and tc == rows["Total spending"][y] and ti - tc == rows["Surplus"][y]
    check(ok and rows["Total spending"][0] - rows["Total spending"][1] == 12800 and has(ar, "rose by £12,800")
          and 153500 + 83400 == 236900 and has(ar, "£236,900 (£153,500)") and 236900 - 115170 == 121730 and has(ar, "£115,170", "£121,730")
          and 10.5 < 121730 / (131200 / 12) < 11.5 and has(ar, "about eleven months") and has(m01, "income £214,600 and spending £131,200")
          and has(m02, "surplus of about £45,000") and rows["Surplus"][1] == 45500 and has(gl, "about £131,000 a year"),
          f"accounts: six income lines make total income, seven spending lines total spending, the difference the surplus, both years; spending up £12,800; reserves and months agree ({len(rows)} rows)")
    check(rows["Equipment and medical supplies"][0] > rows["Base running costs"][0] and rows["Donations"][1] > rows["Grants"][1]
          and rows["Vehicles and fuel"][0] > rows["Insurance"][0]
          and rows["Collection boxes"] == (17450, 16080) and has(box, "£17,450", "£16,080")
          and rows["Vennet Horseshoe fell race"] == (21300, 18900) and has(race, "£21,300", "£18,900") and has(m09, "£21,300")
          and rows["Search-dog section"] == (6200, 5800) and has(dg, "£6,200 in 2024 (£5,800 in 2023)")
          and rows["Training"][0] == 14800 and has(tr, "£14,800") and rows["Legacies"][0] >= 40000,
          "the comparisons' orderings hold; boxes, race, dogs and training agree between their pages and the accounts")
    ilrows = {k.strip(): (int(a), int(b)) for k, a, b in re.findall(r"^([A-Z][^\n]*?)\s{2,}(\d+)\s+(\d+)$", il.text, re.M)}
    parts = [v for k, v in ilrows.items() if k not in ("Total", "Type of incident")]
    check(len(parts) == 7 and sum(a for a, _ in parts) == ilrows["Total"][0] == 88 and sum(b for _, b in parts) == ilrows["Total"][1] == 74
          and 54 + 34 == 88 and has(il, "the police 54 times", "directly 34 times (26 in 2023)") and has(amb, "34 times, and in 2023, 26 times")
          and has(ar, "Call-outs: 88 (74)", "3,412 (2,870)", "97 (81)", "19 (15)", "46 (44)", "14 (12)") and has(il, "3,412 hours", "(2,870", "97 people (81")
          and has(gl, "88 in 2024", "46 operational members and 14 support members") and has(dg, "nineteen call-outs")
          and ilrows["Police search for a missing person"][0] > ilrows["False alarm with good intent"][0] and 19 > 9
          and has(il, "saw 19 incidents", "Yewcrag Gill 9"),
          f"incident log: seven types add up to 88 (74); police 54 + ambulance 34; the year's figures agree across the log, the report and the overview ({len(ilrows)} rows)")
    check(31 + 9 + 6 == 46 and has(jg, "thirty-one full members, nine hill members and six trainees", "fourteen support members")
          and has(jg, "took six trainees") and has(nl, "last April's six trainees") and has(m09, "All six trainees")
          and len(re.findall(r"^\| (?!Name|---)[^|]+ \| [^|]+ \| [^|]+ \|$", cm.text, re.M)) == 9 and has(cm, "nine members of the committee")
          and has(m02, "six votes to three") and 6 + 3 == 9 and has(m05, "eight votes to none", "abstained") and 8 + 0 + 1 == 9
          and has(m09, "Apologies: Thorfinn Ivison", "Carried unanimously"),
          "members 31 + 9 + 6 = 46; nine committee members in the table; votes 6-3 and 8-0 with one abstention account for nine")
    check(23020 + 52150 == 75170 and 75170 <= 78640 and has(app, "£23,020", "£52,150", "£78,640")
          and rows["Vehicle appeal"] == (52150, 23020) and 75170 + 40000 == 115170
          and 78640 + 40000 - 92400 - 18600 == 7640 and has(app, "£92,400", "£18,600", "£7,640", "£40,000")
          and has(m05, "£92,400", "£18,600", "£40,000") and has(bv, "£92,400", "£18,600", "£3,100") and has(m01, "£3,100")
          and has(m02, "£34,000", "£23,000") and 2023 * 12 + 10 + 16 == 2025 * 12 + 2 and has(nl, "sixteen months"),
          "vehicle: appeal 23,020 + 52,150 (+ January) = 78,640; with the 40,000 legacy it covers 92,400 + 18,600 and leaves 7,640; set aside 115,170")
    check(2019 - 1998 == 21 and has(cm, "twenty-one years") and has(hi, "from 1998 until 2019")
          and 2020 - 2008 == 12 and has(ld, "after twelve years") and has(hi, "Hroald Udale 2008-2020")
          and 1979 + 33 == 2012 and has(hi, "thirty-three years") and 1999 - 1983 == 16 and has(race, "first sixteen years", "in 1999")
          and 2024 - 1967 + 1 == 58 and has(ar, "fifty-eight years") and has(hi, "In 1976 Aldith Relph") and has(ar, "ninety-four")
          and has(race, "team leader from 1981") and has(hi, "Blethyn Wilkinshaw 1981-1996"),
          "history: 21 years as chair, 12 as team leader, 33 years on Sumpter Street, 16 Septembers, 58 years, team leaders' years")
    t = lambda h, m: h * 60 + m
    check(t(23, 40) + 110 == t(25, 30) and has(rf, "11.40 pm", "an hour and fifty minutes", "At 1.30 am")
          and t(18, 20) + 11 * 60 == t(29, 20) and has(rf, "6.20 pm", "just after 5.20 am", "eleven hours") and has(il, "eleven hours")
          and has(rf, "1.05 am") and t(1, 5) < t(1, 30) and has(rf, "£3,400") and has(m09, "£3,400") and has(bv, "December 2024")
          and has(ar, "we held £236,900") and has(p24, "fourteen minutes") and has(m05, "fourteen minutes"),
          "the radio night: 11.40 pm + 1 h 50 = 1.30 am, 6.20 pm + 11 h = 5.20 am, found before contact came back; £3,400 agrees")
    check(has(amb, "£4,000", "£5,000") and has(m01, "from £4,000 to £5,000") and has(ar, "£4,000")
          and has(p17, "four members", "fifteen minutes'") and has(faq, "fifteen minutes") and has(p24, "three members") and has(jg, "twenty minutes'")
          and has(lt, "£310") and has(lt, "9.40 pm") and has(tr, "thirty-eight members") and has(cb, "Thirty-eight members", "up to eight members"),
          "the partnership payments, the superseded and current policy values and the exercise figures agree across documents")
    weekdays = [("Thursday", dt.date(2024, 2, 8)), ("Thursday", dt.date(2024, 5, 9)), ("Thursday", dt.date(2024, 9, 12)),
                ("Thursday", dt.date(2025, 1, 9)), ("Thursday", dt.date(2023, 11, 9)), ("Thursday", dt.date(2025, 5, 8)),
                ("Saturday", dt.date(2024, 11, 16)), ("Saturday", dt.date(2025, 2, 22)), ("Saturday", dt.date(2024, 7, 6)),
                ("Saturday", dt.date(2025, 7, 5)), ("Tuesday", dt.date(2024, 4, 2)), ("Wednesday", dt.date(2024, 10, 2)),
                ("Saturday", dt.date(2012, 4, 21)), ("Saturday", dt.date(2024, 12, 7)), ("Thursday", dt.date(2025, 1, 23)),
                ("Monday", dt.date(2024, 6, 3)), ("Sunday", dt.date(2024, 8, 18)), ("Saturday", dt.date(2024, 10, 19)),
                ("Saturday", dt.date(2025, 4, 12)), ("Saturday", dt.date(2025, 10, 18)), ("Wednesday", dt.date(2025, 3, 5)),
                ("Thursday", dt.date(2025, 3, 13)), ("Thursday", dt.date(2024, 3, 14))]
    check(all(d.strftime("%A") == w for w, d in weekdays)
          and all(8 <= d.day <= 14 for w, d in weekdays[:6]) and has(cm, "second Thursday"),
          "weekdays named in the documents are the right ones; committee meetings fall on second Thursdays")


def main() -> int:
    corpus = HERE / "corpus"
    files, problems = scan(corpus)
    docs: dict[str, Document] = {}
    load_problems = list(problems)
    for f in files:
        for d in iter_documents(f):
            if isinstance(d, Document):
                docs[d.doc_id] = d
            else:
                load_problems.append(d)
    fmt = Counter(d.format for d in docs.values())
    check(not load_problems, f"scan/iter_documents: no problems ({load_problems[:3]})")
    check(len(docs) == DOCS, f"{DOCS} documents loaded ({len(docs)})")
    check(fmt == FORMATS, f"formats 21 md / 4 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"21 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"four documents without front matter (the four txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2017 call-out policy) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.9-3.0 KB ({min(raw.values())}-{max(raw.values())})")
    arithmetic(docs)

    full = {i: answer_tokens(d.title + "\n" + d.text) for i, d in docs.items()}
    plain = {i: squash(d.title + "\n" + d.text) for i, d in docs.items()}
    sets: dict[str, list[QAItem]] = {}
    for split, want in WANT.items():
        path = HERE / f"{split}.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        check(all(set(r) <= {"id", "question", "answers", "type", "evidence", "options", "kind", "near"} for r in rows),
              f"{split}: only the known fields")
        check(all(isinstance(r["answers"], list) and all(isinstance(a, str) and a.strip() for a in r["answers"]) for r in rows),
              f"{split}: answers are lists of non-empty strings")
        check(all(("options" in r) == (r["type"] == "comparison") for r in rows), f"{split}: options only on comparison items")
        check(all(("near" in r) == (r["type"] == "unanswerable") and all(n in docs for n in r.get("near", [])) for r in rows),
              f"{split}: `near` only on unanswerable items, every `near` id a document")
        items = load_qa(path, corpus_ids=docs.keys())
        sets[split] = items
        got = Counter(it.type for it in items)
        check(got == Counter(want), f"{split}: type counts {dict(got)}")
        check(len({it.id for it in items}) == len(items), f"{split}: unique ids")
        check(all(it.meta.get("kind") for it in items), f"{split}: every item has a kind")
        check(all(it.id == f"{PREFIX}-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids {PREFIX}-{split}-NNN in order")
        desc_kinds = Counter(it.meta.get("kind") for it in items if it.type == "descriptive")
        check(set(desc_kinds) == {"what", "why", "how"}, f"{split}: descriptive kinds {dict(desc_kinds)}")
        check(all(bool(it.evidence) == it.answerable for it in items), f"{split}: evidence exactly on answerable items")
        check(all(e in docs for it in items for e in it.evidence), f"{split}: every evidence id is a loaded document")
        bad_ev, bad_verb, bad_score, bad_opt, bad_mh, bad_un = [], [], [], [], [], []
        for it in items:
            if it.answerable:
                for g in it.answers:
                    if not any(contains_tokens(full[e], answer_tokens(g)) for e in it.evidence):
                        bad_ev.append((it.id, g))
                    if not any(squash(g) in plain[e] for e in it.evidence):
                        bad_verb.append((it.id, g))
                    for text in (g, f"The answer is {g}."):
                        if not is_correct(it, text, False):
                            bad_score.append((it.id, text))
                    if g.strip().lower() == "none":
                        bad_score.append((it.id, "bare none"))
                if is_correct(it, "The documents do not say.", False):
                    bad_score.append((it.id, "abstention scored correct"))
            else:
                if not is_correct(it, "The documents do not say.", False):
                    bad_un.append((it.id, "abstention not correct"))
                entry = UNANSWERABLE.get(it.id)
                if entry is None:
                    bad_un.append((it.id, "no search pattern"))
                else:
                    pat, sample = entry
                    hits = [i for i, d in docs.items() if re.search(pat, clauses(d.title + "\n" + d.text), re.I)]
                    if hits:
                        bad_un.append((it.id, hits))
                    if not re.search(pat, clauses(sample), re.I):
                        bad_un.append((it.id, "pattern misses its own made-up answer"))
            if it.type == "comparison":
                if not it.options or len(it.options) != 2 or it.answers[0] not in it.options:
                    bad_opt.append((it.id, "options"))
                else:
                    a, b = it.options
                    wrong = b if it.answers[0] == a else a
                    for text in (wrong, f"It is {wrong}.", f"{a} or {b}", f"{b} or {a}"):
                        if is_correct(it, text, False):
                            bad_opt.append((it.id, text))
            if it.type == "multi_hop":
                if len(it.evidence) < 2:
                    bad_mh.append((it.id, "needs two hops"))
                elif any(contains_tokens(full[it.evidence[0]], answer_tokens(g)) for g in it.answers):
                    bad_mh.append((it.id, "answer in first hop"))
        check(not bad_ev, f"{split}: every gold phrasing in an evidence doc as whole tokens {bad_ev}")
        check(not bad_verb, f"{split}: every gold phrasing verbatim (case-insensitive) in an evidence doc {bad_verb}")
        check(not bad_score, f"{split}: golds alone and in a sentence score correct, abstention wrong {bad_score}")
        check(not bad_opt, f"{split}: wrong option / A or B / B or A score wrong {bad_opt}")
        check(not bad_mh, f"{split}: no multi_hop answer in its first-hop doc {bad_mh}")
        check(not bad_un, f"{split}: unanswerables abstain correctly, no document matches their pattern {bad_un}")
        desc_verbatim = [it.id for it in items if it.type == "descriptive" and not any(
            any(squash(g) in squash(docs[e].text) for e in it.evidence) for g in it.answers)]
        check(not desc_verbatim, f"{split}: each descriptive item has a phrasing verbatim in its evidence text {desc_verbatim}")

    allq = [" ".join(answer_tokens(it.question)) for s in sets.values() for it in s]
    check(len(allq) == len(set(allq)), "no repeated question")
    ids = [it.id for s in sets.values() for it in s]
    check(len(ids) == len(set(ids)), "ids unique across dev and test")
    dev_golds = {g.strip().lower() for it in sets["dev"] for g in it.answers}
    shared = sorted({g for it in sets["test"] for g in it.answers if g.strip().lower() in dev_golds})
    check(not shared, f"no test gold string equals a dev gold string {shared}")
    check(set(UNANSWERABLE) == {it.id for s in sets.values() for it in s if not it.answerable},
          "a search pattern for every unanswerable item and no other")

    digest = hashlib.sha256((HERE / "test.jsonl").read_bytes()).hexdigest()
    recorded = (HERE / "test.jsonl.sha256").read_text() if (HERE / "test.jsonl.sha256").exists() else ""
    check(recorded == f"{digest}  test.jsonl\n", "test.jsonl.sha256 matches")

    for ok, what in results:
        print(("PASS " if ok else "FAIL ") + what)
    failed = sum(not ok for ok, _ in results)
    print(f"{len(results) - failed}/{len(results)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
