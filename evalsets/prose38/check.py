"""Checks for evalsets/prose38 (no model): run from the repo root (`python3 evalsets/prose38/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose38/check.py`)."""
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

PREFIX = "p38"
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

UNANSWERABLE = {
    "p38-dev-038": (r"\b(?!Naomi\b)[a-z]+ Strickland\b|\bNaomi's daughter,? (is|was|called|named)\b|\bdaughter of Naomi\b",
                    "Her daughter, Rhoda Strickland, rides Sprout."),
    "p38-dev-039": (rf"\b(arena|Ravensbeck|Yewdalls?|course)\b{W}{MONEY}{W}\b(a|per|each|every) rally\b|\b(a|per|each|every) rally\b{W}\b(arena|Ravensbeck|Yewdalls?)\b{W}{MONEY}|{MONEY} (a|per|each) rally (to|for) (the )?(Yewdalls|Ravensbeck|arena)\b",
                    "The Yewdalls charge £60 a rally for the arena and the course."),
    "p38-dev-040": (rf"\bLyra\b{W}\b(retook|re-took|has now passed|passed the stable|passed her stable|passed it|failed again)\b|\bretake\b{W}\b(passed|failed)\b",
                    "Lyra retook the stable-management half in April and passed it."),
    "p38-dev-041": (rf"\b2024\b{W}\bentries\b|\bentries\b{W}\b2024\b",
                    "In 2024 the hunter trial had 104 entries."),
    "p38-dev-042": (rf"\bPriestley Trophy\b{W}\b(went to|won by|awarded to|was given to|goes to)\b|\b(won|awarded|given)\b{W}\bPriestley Trophy\b",
                    "The Priestley Trophy went to Willa Greenwood."),
    "p38-dev-043": (rf"\bThistledown\b{W}\b(Connemara|Welsh|cob|Highland|Arab|thoroughbred|breed|cross|mare|gelding|grey|bay|chestnut|hh)\b|\b(Connemara|Welsh|cob|Highland|Arab|mare|gelding)\b,? Thistledown\b",
                    "Thistledown is a grey Connemara mare."),
    "p38-dev-044": (rf"\btimber\b{W}{MONEY}|{MONEY}{W}\btimber\b",
                    "The timber cost £410."),
    "p38-dev-045": (rf"\blivery pony\b,? (called|named)\b|\blivery pony\b, [a-z]+,|\bstrangles\b{W}\b(called|named)\b|\b(called|named)\b{W}\bstrangles\b",
                    "The livery pony, Bilberry, is recovering."),
    "p38-test-065": (rf"\b(named|called)\b{W}\b(fell|split)\b|\b(fell|split)\b{W}\b(named|called)\b|\bwhose (second-hand )?hat split\b|\b(rider|she) was [a-z]+ [a-z]+\b{W}\bSplash\b",
                     "The rider, named Kezia Holt, fell at the Splash when her hat split."),
    "p38-test-066": (rf"\b(AGM|meeting)\b{W}\b(ends|finishes|closes|will end|will finish|will close)\b|\b(end|finish|close) (by|at|about) (\d|eight|nine|ten|half)",
                     "The meeting will end by nine."),
    "p38-test-067": (rf"\b2024\b{W}\bcamp\b{W}{MONEY}|\bcamp\b{W}{MONEY}{W}\b2024\b|\bcamp fee\b{W}\b2024\b",
                     "In 2024 the camp fee was £175."),
    "p38-test-068": (rf"\bFairbrother Cup\b{W}\b(2025|last year)\b|\b(2025|last year)\b{W}\bFairbrother Cup\b",
                     "The 2025 Fairbrother Cup went to Nico Whitaker."),
    "p38-test-069": (rf"\boptimum time\b{W}\b{NUM} ?(seconds|minutes|min|mins|secs)\b|\boptimum time (is|was|of)\b|\b{NUM} ?(seconds|minutes)\b{W}\boptimum\b",
                     "The optimum time was 3 minutes 40 seconds."),
    "p38-test-070": (rf"\b0\d{{3,4}}[ -]?\d{{3}}[ -]?\d{{3,4}}\b|\b(telephone|phone|ring|call|mobile)\b{W}\b\d{{5,}}\b",
                     "Ring Naomi on 01946 552 310."),
    "p38-test-071": (rf"\b(shod|shoes?|shoeing)\b{W}\b(Fellgarth|borrowed|scheme)\b{W}\b(Tregenza|Milo|farrier [a-z]+ [a-z]+)\b|\bTregenza\b{W}\b(Fellgarth|borrowed|scheme|Yasmin)\b|\b(Fellgarth|borrowed ponies|scheme ponies)\b{W}\bTregenza\b|\b(Fellgarth|scheme)'s farrier\b",
                     "Milo Tregenza shoes the scheme ponies."),
    "p38-test-072": (rf"\bBrodie\b{W}\b(aged|\d+ years old|age)\b|\bBrodie\b (Eastwood )?\(\d+\)|\bBrodie Eastwood, \d+\b|\bBrodie\b{W}\b{NUM} years old\b",
                     "Brodie Eastwood, aged sixteen, won the Intermediate."),
    "p38-test-073": (rf"\bcommentary box\b (cost|was|came to|at|hire)\b{W}{MONEY}|{MONEY} (for|on) (the )?(hire of the )?commentary box\b",
                     "The commentary box cost £95."),
    "p38-test-074": (rf"\bdairy( yard)?\b{W}\b(built|put up|dates from|erected|dating from)\b|\bbuilt\b{W}\bdairy\b",
                     "The dairy yard was built in 1938."),
    "p38-test-075": (rf"\b2024\b{W}\b{NUM} members\b|\b{NUM} members\b{W}\b2024\b|\bmembers in 2024\b",
                     "In 2024 there were 88 members."),
    "p38-test-076": (rf"\bdrop\b{W}\b\d+(\.\d+)? ?(cm|m|metres?|feet|foot|ft)\b|\b\d+(\.\d+)? ?(cm|m|metres?) drop\b|\bdrop\b{W}\b{NUM} (feet|foot|metres?)\b",
                     "The drop was 1.1 m high."),
}

DOCS = 25
FORMATS = Counter(md=20, txt=5)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "letters/2026-08-camp-complaint-and-reply", "meetings/2026-10-agm-notice",
                   "tests/badge-day-2026", "welfare/2026-05-strangles-notice"]
SUPERSEDED = ["policies/safety-hat-policy-2019"]
CURRENT = ["policies/safety-hat-policy-2026"]
SIZES = (1500, 2900)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> Decimal:
    return Decimal(0) if text == "nil" else Decimal(re.sub(r"[£,()*]", "", text))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def table(text: str, header: str) -> list[tuple[str, Decimal, Decimal]]:
    """Rows (label, 2026, 2025) of the accounts' pipe table whose header row starts with `header`."""
    block = text.split(f"| {header} |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| ([^|*]+?) \| (£[\d,.]+|nil) \| \((£[\d,.]+|nil)\) \|$", block, re.M)
    return [(label, money(a), money(b)) for label, a, b in rows]


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts, votes and dates the documents state agree with their parts and with each
    other (every gold is written in its evidence; totals that did not add up would make a careful
    reader doubt the right figure)."""
    ar, res, reg = docs["reports/annual-report-2026"], docs["tests/results-2026"], docs["scheme/the-borrowed-ponies"]
    eff, ht, bd = docs["tests/efficiency-tests-explained"], docs["events/hunter-trial-2026"], docs["tests/badge-day-2026"]
    m01, m03, m09 = docs["meetings/2026-01-committee"], docs["meetings/2026-03-committee"], docs["meetings/2026-09-committee"]
    agm, nl, let = docs["meetings/2026-10-agm-notice"], docs["newsletters/hoofbeat-summer-2026"], docs["letters/2026-08-camp-complaint-and-reply"]
    hi, gl, ppl = docs["about/history"], docs["about/branch-at-a-glance"], docs["people/officials-and-instructors"]
    sch, camp, cal = docs["scheme/borrowed-pony-scheme"], docs["calendar/camp-week-2026"], docs["calendar/rally-calendar-2026"]
    rav, fell, stg = docs["centres/ravensbeck-farm"], docs["centres/fellgarth-riding-centre"], docs["welfare/2026-05-strangles-notice"]
    p19, p26, wr = docs["policies/safety-hat-policy-2019"], docs["policies/safety-hat-policy-2026"], docs["welfare/horse-and-pony-welfare-rules"]

    gi, gp = table(ar.text, "receipts"), table(ar.text, "payments")
    r26, r25, p26_, p25_ = (sum(r[1] for r in gi), sum(r[2] for r in gi), sum(r[1] for r in gp), sum(r[2] for r in gp))
    check(len(gi) == 8 and len(gp) == 14 and (r26, r25, p26_, p25_) == (27663, 23261, 24082, 19399)
          and has(ar, "**£27,663.00** | **(£23,261.00)**", "**£24,082.00** | **(£19,399.00)**", "Surplus for the year £3,581.00 (£3,862.00)")
          and r26 - p26_ == 3581 and r25 - p25_ == 3862
          and Decimal("14106.25") + r26 - p26_ == Decimal("17687.25") and has(ar, "£17,687.25 (£14,106.25)", "£2,340.00 is the Fairbrother Fund")
          and Decimal("17687.25") >= 8000,
          f"accounts: eight receipt and fourteen payment lines make both years' totals, surpluses and the cash at bank ({r26}, {r25}, {p26_}, {p25_})")
    line = {r[0]: r for r in gi + gp}
    check(line["subscriptions"][1:] == (112 * 85, 97 * 80) and has(ar, "112 at £85 (97 at £80)") and has(gl, "112 at the start of 2026", "(97 a year before)", "£85 a year")
          and line["camp fees"][1:] == (31 * 195, 28 * 185) and has(ar, "31 at £195 (28 at £185)", "31 children at camp (28)") and has(m09, "thirty-one children (twenty-eight last year)")
          and has(camp, "£195 for the week (it was £185 in 2025)") and has(m03, "£195 for the week (£185 in 2025)")
          and line["capitation to Pony Club headquarters"][1:] == (112 * 22, 97 * 21) and has(ar, "£22 a member (£21)")
          and line["borrowed-pony fees"][1:] == line["Fellgarth, borrowed-pony fees passed on"][1:]
          and line["insurance"][1:] == (612, 575) and has(m03, "£612 (£575 last year)")
          and line["loan hats"][1] == 12 * Decimal("44.50") == 534 and has(m03, "twelve, at £44.50 each, £534 in all") and 534 <= 540 and has(m01, "up to £540")
          and line["Ravensbeck Farm, camp week"][1:] == (1900, 1600) and has(m01, "£2,400", "(£1,600 in 2025)") and has(m03, "£1,900, not £2,400")
          and line["sponsorship"][1:] == (300, 250) and has(m03, "at £300 this year") and has(m01, "last year's was £250")
          and line["refund to a family"][1] == 80 and line["cross-country fences and the Splash"][1] == 846,
          "accounts: subscriptions, camp, capitation, insurance, loan hats, camp week, sponsorship and the pony fees passed on agree with their parts and the minutes")
    check(line["hunter trial"][1] == 3140 and line["hunter trial costs"][1] == 1285 and 3140 - 1285 == 1855 and has(ar, "made £1,855")
          and 74 * 18 + 64 * 22 == 2740 and 2740 + 400 == 3140 and 74 + 64 == 138 and has(ht, "74 rounds at £18 and 64", "make £2,740", "£400 more", "£3,140 in all", "made £1,855")
          and has(ht, "138 entries (121 last year)") and has(ar, "138 hunter trial entries (121)") and has(m09, "112 entries so far"),
          "hunter trial: 74 rounds at £18 and 64 at £22 make £2,740, with £400 make £3,140, less £1,285 is £1,855; 138 entries (121)")
    cls = {c: int(n) for c, n in re.findall(r"^\| (Mini|Novice|Intermediate|Open) \| [^|]+ \| (\d+) \|", ht.text, re.M)}
    check(sum(cls.values()) == 138 and cls["Novice"] > cls["Intermediate"] and len(cls) == 4
          and (dt.date(2026, 9, 20) - dt.date(2026, 9, 5)).days in (14, 15) and has(ht, "a fortnight after passing his B test"),
          f"hunter trial classes: {cls} make 138; the Novice is bigger than the Intermediate; the B test a fortnight before")
    rows = re.findall(r"^\| (\d+ \w+) \| (E|D|D\+|C|C\+|road rider|B) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \|$", res.text, re.M)
    fee = {fee_t: int(f) for fee_t, f in [("E", 8), ("D", 12), ("D+", 15), ("C", 20), ("C+", 30), ("road rider", 10), ("B", 45)]}
    check(all(has(eff, f"Fee £{f}") for f in fee.values()) and len(rows) == 14 and sum(r[5] == "passed" for r in rows) == 12
          and sum(fee[r[1]] for r in rows) == 288 == line["test fees"][1] and has(res, "Twelve passes from fourteen entries, against nine in 2025")
          and has(ar, "12 tests passed (9)") and fee["D+"] > fee["road rider"] and fee["C+"] > fee["C"],
          f"tests: fourteen entries, twelve passes; their fees make the £288 of the accounts ({len(rows)} rows)")
    pony = {p: (h, int(cm), int(age)) for p, h, cm, age in re.findall(r"^\| (\w+) \| ([\d.]+) hh \((\d+) cm\) \| (\d+) \|", reg.text, re.M)}
    def hands_cm(h: str) -> int:
        a, b = h.split(".")
        return round((int(a) * 4 + int(b)) * 2.54)
    april = [r[3] for r in rows if r[0] == "18 April"]
    check(len(pony) == 6 and all(hands_cm(h) == cm for h, cm, _ in pony.values()) and pony["Kipper"][2] == 22 == max(a for _, _, a in pony.values())
          and pony["Domino"][2] == 9 == min(a for _, _, a in pony.values()) and pony["Hobnob"][1] > pony["Conker"][1]
          and pony["Sixpence"][2] > pony["Domino"][2] and pony["Kipper"][2] > pony["Marmalade"][2]
          and len(set(april) & set(pony)) == 4 and has(res, "four of the six borrowed ponies"),
          f"borrowed ponies: six, hands agree with centimetres, Kipper oldest and Domino youngest; the April test day used four of them ({sorted(set(april) & set(pony))})")
    check(has(let, "£240 for the pony", "£80", "two days", "four days") and Decimal(240) / 6 == 40 and 2 * 40 == 80 and has(let, "£40 a day")
          and has(sch, "camp week, Monday to Saturday: £240") and (dt.date(2026, 8, 1) - dt.date(2026, 7, 27)).days + 1 == 6
          and 3 + 2 <= 5 and has(let, "from Monday to\nWednesday".replace("\n", " "), "only two more days") and has(sch, "no more than five days in any week")
          and has(m09, "four of them on") and 4 * 240 <= line["borrowed-pony fees"][1],
          "camp refund: £240 over six days is £40 a day, two days £80; Domino's three days plus two fit the five-day rule")
    check(has(m01, "Present: all ten", "six votes to two", "seven votes to one") and 6 + 2 == 10 - 1 - 1 and 7 + 1 == 10 - 1 - 1
          and has(m03, "Present: nine", "six votes to none, Coralie abstaining") and 6 + 0 + 1 == 9 - 1 - 1
          and has(m09, "Present: eight", "six votes to none, Yasmin not voting") and 6 == 8 - 1 - 1
          and has(ppl, "votes only to break a tie") and len(re.findall(r"^\| [A-Z][a-z]+ [A-Z][a-z]+ \| [^|]+ \| \d{4} \|$", ppl.text, re.M)) == 10,
          "votes: each accounts for those present less the chair and the member with an interest (or absent); ten on the committee")
    check(8 + 6 + 5 + 4 + 3 == 26 and has(bd, "Nineteen children came", "26 badges") and sum(int(n) for n in re.findall(r"^  [A-Z][\w ]+?\s+(\d+)$", bd.text, re.M)) == 26,
          "badge day: 8 + 6 + 5 + 4 + 3 = 26 badges")
    check(1949 + 23 == 1972 and has(hi, "23 years, until 1972") and 1949 + 75 == 2024 and has(hi, "75th anniversary was kept in June 2024")
          and 2009 + 12 == 2021 and has(ppl, "DC for twelve years") and has(hi, "Mrs Matilda Priestley (2009 to 2021)") and has(gl, "since 2021")
          and 2024 - 91 <= 1951 - 7 and has(hi, "at ninety-one, had ridden at the first camp") and has(rav, "since the first camp in 1951") and has(hi, "August 1951")
          and 2026 - 3 == 2023 and has(gl, "since 2023") and has(m09, "after three years") and has(ppl, "| treasurer | 2023 |")
          and has(hi, "1966") and has(rav, "dug in 1966"),
          "years: 1949 + 23 = 1972, + 75 = 2024; 2009 + 12 = 2021; a first camper aged ninety-one in 2024; the treasurer's three years from 2023")
    check(has(rav, "twenty-eight stables", "six more", "34 in all") and 28 + 6 == 34 and has(m03, "all thirty-four stables")
          and has(fell, "nineteen horses and ponies", "Six of them") and has(gl, "one of six ponies"),
          "stables and ponies: 28 + 6 = 34; six of Fellgarth's nineteen on the scheme")
    check((dt.date(2026, 10, 22) - dt.date(2026, 10, 1)).days == 21 and has(agm, "on 1 October 2026, three weeks before the meeting")
          and has(m09, "three weeks before") and has(agm, "twenty member families") and has(nl, "Thu 22 Oct"),
          "AGM: notice on 1 October, meeting on 22 October, three weeks")
    weekdays = [("Thursday", dt.date(2026, 1, 8)), ("Thursday", dt.date(2026, 2, 5)), ("Thursday", dt.date(2026, 3, 5)),
                ("Thursday", dt.date(2026, 4, 2)), ("Thursday", dt.date(2026, 9, 3)), ("Thursday", dt.date(2026, 10, 1)),
                ("Thursday", dt.date(2026, 10, 22)), ("Thursday", dt.date(2025, 10, 23)), ("Thursday", dt.date(2019, 3, 7)),
                ("Saturday", dt.date(2026, 2, 14)), ("Sunday", dt.date(2026, 3, 1)), ("Saturday", dt.date(2026, 3, 21)),
                ("Sunday", dt.date(2026, 4, 12)), ("Saturday", dt.date(2026, 4, 18)), ("Saturday", dt.date(2026, 5, 9)),
                ("Saturday", dt.date(2026, 5, 16)), ("Saturday", dt.date(2026, 5, 23)), ("Sunday", dt.date(2026, 6, 7)),
                ("Sunday", dt.date(2026, 6, 14)), ("Sunday", dt.date(2026, 6, 21)), ("Saturday", dt.date(2026, 7, 11)),
                ("Monday", dt.date(2026, 7, 27)), ("Saturday", dt.date(2026, 8, 1)), ("Saturday", dt.date(2026, 9, 5)),
                ("Saturday", dt.date(2026, 9, 19)), ("Sunday", dt.date(2026, 9, 20)), ("Saturday", dt.date(2026, 10, 24)),
                ("Sunday", dt.date(2026, 12, 13)), ("Friday", dt.date(2026, 5, 8)), ("Monday", dt.date(2026, 5, 11)),
                ("Tuesday", dt.date(2026, 6, 16)), ("Friday", dt.date(2026, 6, 26)), ("Friday", dt.date(2026, 9, 11)),
                ("Saturday", dt.date(2026, 6, 6)), ("Saturday", dt.date(2026, 6, 13)), ("Tuesday", dt.date(2026, 7, 28))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named or implied in the documents are the right ones (meetings, rallies, camp, tests, the trial, the strangles dates)")
    first_thursdays = [dt.date(2026, 2, 5), dt.date(2026, 3, 5), dt.date(2026, 4, 2), dt.date(2026, 9, 3), dt.date(2026, 10, 1)]
    check(all(d.weekday() == 3 and d.day <= 7 for d in first_thursdays) and dt.date(2026, 1, 8).weekday() == 3 and 8 <= 8 <= 14
          and has(gl, "first Thursday of the month (the second in January"),
          "committee meetings fall on the first Thursday (the second in January), as the at-a-glance page says")
    check(has(p19, "yellow branch tag", "stays for the life of the hat") and has(p26, "the 2026 tag is purple", "Yellow tags from earlier years no longer count")
          and has(p26, "replaces the policy of March 2019", "Adopted by the committee on 8 January 2026", "emailed to every family on 20 January")
          and has(m01, "emailed to every family on 20 January", "14 February") and has(let, "emailed to every family on 20 January")
          and has(wr, "over 28°C") and has(nl, "29°C") and has(m09, "29°C") and 29 > 28
          and (dt.date(2026, 6, 16) - dt.date(2026, 5, 8)).days >= 21 and has(stg, "twenty-one days") and has(wr, "twenty-one days"),
          "policies: the 2019 tag yellow for life, the 2026 purple and checked every rally, adopted 8 January, emailed 20 January; 29°C over the 28°C rule; the strangles closure over three weeks")


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
    check(fmt == FORMATS, f"formats 20 md / 5 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"20 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"five documents without front matter (the five txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2019 safety-hat policy) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.5-2.9 KB ({min(raw.values())}-{max(raw.values())})")
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
