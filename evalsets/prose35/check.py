"""Checks for evalsets/prose35 (no model): run from the repo root (`python3 evalsets/prose35/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose35/check.py`)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
try:
    import ragtune  # noqa: F401
except ImportError:  # run without PYTHONPATH=src: use the repository's src/
    sys.path.insert(0, str(HERE.parent.parent / "src"))

from ragtune.corpus.loaders import Document, iter_documents, scan  # noqa: E402
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct  # noqa: E402
from ragtune.eval.qa import QAItem, load_qa  # noqa: E402

PREFIX = "p35"
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


# inside one clause: anything but '.' or ';', except a decimal point ("7.30")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"

# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)

UNANSWERABLE = {
    "p35-dev-038": (rf"\b400th\b{W}\b(conduct\w*|called)\b|\bconduct\w*\b{W}\b400th\b",
                    "The 400th peal was conducted by Arthur Pim."),
    "p35-dev-039": (rf"\bminibus\b{W}({MONEY}|\bcost\b)|{MONEY}{W}\bminibus\b",
                    "The minibus to Amberwick cost £180."),
    "p35-dev-040": (rf"\b(before|previous|former|formerly|until|succeeded)\b{W}\btower captain\b|\btower captain\b{W}\b(before|previous|former|formerly|until|succeeded)\b",
                    "Before tom, the tower captain at Yarlside was Jim Hale."),
    "p35-dev-041": (rf"\bstand\b{W}{MONEY}|{MONEY}{W}\bstand\b",
                    "Alf's oak stand cost the PCC £420."),
    "p35-dev-042": (rf"\b2023\b{W}\b(premium|insurance|insured)\b|\b(premium|insurance)\b{W}\b2023\b",
                    "The insurance premium for 2023 was £420."),
    "p35-dev-043": (rf"\b(dinner|Plough)\b{W}\b{NUM} (people |members |of us )?(have |had )?(booked|bookings|are coming|tickets)\b|\b{NUM} (have |had )?booked\b",
                    "For the dinner at the Plough 58 people have booked."),
    "p35-dev-044": (rf"\bold (fourth|bell|one)\b{W}\b\d+½? ?(inches|in)\b|\b(1712|Penrice)\b{W}\binches\b|\binches\b{W}\b(1712|old (fourth|bell))\b|\b(diameter|across the mouth)\b{W}\bold (fourth|bell)\b",
                    "The old fourth was 35 inches across the mouth."),
    "p35-dev-045": (rf"\bsecond simulator\b{W}({MONEY}|\b(cost|costs|worth|priced)\b)|\bsimulator\b{W}\b(Guild|lent|lends)\b{W}{MONEY}|\b(Guild|lent|lends)\b{W}\bsimulator\b{W}{MONEY}",
                    "The Guild's second simulator cost £900."),
    "p35-test-065": (rf"\b1987\b{W}\b(painted|signwriter|lettered|written by)\b|\b(painted|signwriter|lettered)\b{W}\b1987\b",
                     "The 1987 board was painted by Arthur Vine."),
    "p35-test-066": (rf"\b{NUM} peals?\b{W}\b2023\b|\b2023\b{W}\b{NUM} peals?\b",
                     "In 2023 we rang two peals."),
    "p35-test-067": (rf"\b1998\b{W}({MONEY}|\bsubscription\b|\bshillings?\b)|\bsubscription\b{W}\b1998\b",
                     "In 1998 the subscription was £5."),
    "p35-test-068": (rf"\bstriking\b{W}\b(won|winners?|first|1st|came)\b|\b(won|winners?)\b{W}\bstriking\b",
                     "The striking competition was won by Kettleby."),
    "p35-test-069": (rf"\b1962\b{W}({MONEY}|\bcost\b)|{MONEY}{W}\b1962\b|\brehung\b{W}{MONEY}|\brehanging\b{W}{MONEY}",
                     "In 1962 the rehanging cost £1,200."),
    "p35-test-070": (rf"\bYarlside\b{W}\btreble\b{W}\b\d+-\d-\d+\b|\btreble\b{W}\bYarlside\b{W}\b\d+-\d-\d+\b|\btreble\b{W}\b1790\b{W}\b\d+-\d-\d+\b",
                     "Yarlside's treble weighs 4-0-12."),
    "p35-test-071": (rf"\bMargaret\b{W}\b({NUM} votes?|unopposed|was elected|elected Master|elected as Master|elected unanimously)\b|\b{NUM} votes?\b{W}\bMargaret\b",
                     "Margaret Ince was elected Master with 31 votes."),
    "p35-test-072": (rf"\b(tower|steeple|spire)\b{W}\b\d+ ?(feet|foot|ft|metres|m)\b|\b\d+ ?(feet|ft|metres)\b{W}\b(high|tall)\b|\b(high|tall)\b{W}\b\d+ ?(feet|ft|metres)\b",
                     "Thistleby's tower is 96 feet high."),
    "p35-test-073": (rf"\b(Bryony|teacher|tutor)\b{W}\b(paid|fee|earns|gets|charges)\b{W}{MONEY}|\b(Bryony|teacher|tutor)\b{W}{MONEY}{W}\b(a|per|each|an) (session|hour|lesson|week)\b|\bsessions?\b{W}{MONEY}|{MONEY}{W}\b(a|per|each) (session|lesson)\b",
                     "Bryony is paid £25 a session."),
    "p35-test-074": (rf"\bquiz\w*\b{W}{MONEY}|{MONEY}{W}\bquiz\w*\b",
                     "The quiz nights made £640."),
    "p35-test-075": (rf"\b1911\b{W}\b(tenor|treble|ringers?|band|rang)\b|\b(tenor|ringers?|band)\b{W}\b1911\b",
                     "In 1911 the tenor was rung by Amos Kettle."),
    "p35-test-076": (rf"\bstay\b{W}{MONEY}|{MONEY}{W}\bstay\b",
                     "The new stay cost Dennis £35."),
}

DOCS = 25
FORMATS = Counter(md=19, txt=6)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "governance/2025-rule-amendment", "grants/guild-grant-letter-2025",
                   "letters/2025-04-sunday-ringing-complaint-and-reply", "meetings/2026-02-agm-notice",
                   "peals/yarlside-peal-board"]
SUPERSEDED = ["towers/service-ringing-rota-2024"]
CURRENT = ["towers/thistleby"]
AMENDED = ["governance/rules"]
SIZES = (1300, 2900)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> int:
    return 0 if text == "nil" else int(re.sub(r"[£,+−()]", "", text))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def lb(weight: str) -> int:
    """A bell weight written cwt-qr-lb ("14-1-22") in pounds (1 cwt = 112 lb, 1 qr = 28 lb)."""
    c, q, p = (int(x) for x in weight.split("-"))
    assert q < 4 and p < 28, weight
    return 112 * c + 28 * q + p


def table(text: str, header: str) -> list[tuple[str, int, int]]:
    """Rows (label, 2025, 2024) of the accounts' pipe table whose header row starts with `header`."""
    block = text.split(f"| {header} |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| ([^|*]+?) \| (£[\d,]+|nil) \| \((£[\d,]+|nil)\) \|$", block, re.M)
    return [(label, money(a), money(b)) for label, a, b in rows]


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts, weights and dates the documents state agree with their parts and with each
    other (the golds are all written in their evidence; a corpus whose totals did not add up would
    make a careful reader doubt the right figure)."""
    qu, fu, gr = docs["restoration/yarlside-quotes-2024"], docs["restoration/yarlside-bells-fund"], docs["grants/guild-grant-letter-2025"]
    ac, rc, pb = docs["reports/annual-accounts-2025"], docs["restoration/recast-and-rededication"], docs["peals/yarlside-peal-board"]
    rows = [r for r in qu.text.splitlines() if r.startswith("| ") and not r.startswith("| item") and "total" not in r and "could start" not in r]
    hc = [money(m) for r in rows for m in re.findall(r"£[\d,]+", r.split("|")[2])]
    lv = [money(m) for r in rows for m in re.findall(r"£[\d,]+", r.split("|")[3])]
    check(len(rows) == 5 and sum(hc) == 58640 and sum(lv) == 39870 and has(qu, "**£58,640** | **£39,870**", "£18,770 dearer")
          and 58640 - 39870 == 18770 and lv[-1] > hc[-1] and lv[3] > lv[2],
          f"quotes: Hobday & Crane's five lines make £58,640, Lusty & Vane's four make £39,870, £18,770 apart ({hc}, {lv})")
    check(39870 + 1480 + 650 == 42000 and has(fu, "**The target** was £42,000", "quote of £39,870", "ropes at £1,480", "£650")
          and has(docs["towers/yarlside"], "£1,480 the set"),
          "fund: the target is the accepted quote, six ropes and £650 for the rededication and board")
    src = [money(x) for x in re.findall(r"^\| [^|*]+ \| (£[\d,]+) \|$", fu.text, re.M)]
    check(len(src) == 6 and sum(src) == 43665 and has(fu, "**£43,665**", "£1,665 more") and 43665 - 42000 == 1665,
          f"fund: six sources make £43,665, £1,665 over the target ({src})")
    check(round(0.15 * 39870 / 500) * 500 == 6000 and 3000 + 3000 == 6000
          and has(gr, "Amount requested   £9,000", "Amount offered     £6,000", "£3,000 when work starts; £3,000 on completion")
          and has(fu, "for £9,000 and were given £6,000") and has(docs["meetings/2025-05-committee"], "£6,000 accepted")
          and has(docs["meetings/2025-10-committee"], "second £3,000"),
          "grant: 15% of £39,870 to the nearest £500 is £6,000, paid in two halves; £9,000 asked in the letter and the fund page")
    gi, gp = table(ac.text, "general fund, receipts"), table(ac.text, "general fund, payments")
    r25, r24, p25, p24 = (sum(r[1] for r in gi), sum(r[2] for r in gi), sum(r[1] for r in gp), sum(r[2] for r in gp))
    check(len(gi) == 7 and len(gp) == 10 and (r25, r24, p25, p24) == (3774, 4393, 5959, 3813)
          and has(ac, "**£3,774** | **(£4,393)**", "**£5,959** | **(£3,813)**", "−£2,185 (+£580)", "leaving £4,745 (£6,930)")
          and r25 - p25 == -2185 and r24 - p24 == 580 and 6930 - 2185 == 4745,
          f"accounts: seven receipt and ten payment lines make both years' totals, results and balances ({r25}, {r24}, {p25}, {p24})")
    line = {r[0]: r for r in gi + gp}
    check(line["subscriptions"][1:] == (37 * 12, 35 * 12 + 3 * 6) and has(ac, "37 adults at £12", "35 adults and three juniors")
          and has(docs["about/society-at-a-glance"], "41 in November 2025, four of them under 18") and 37 + 4 == 41
          and line["Guild affiliation fees"][1:] == (41 * 5, 38 * 5) and has(ac, "£5 a member, 41 (38)"),
          "accounts: subscriptions are 37 adults at £12 (35 adults and three juniors at £6), and 37 plus four under-18s are the 41 members the Guild fee counts")
    check(line["wedding ringing"][1:] == (7 * 150, 5 * 150) and has(docs["about/society-at-a-glance"], "Weddings: £150"),
          "accounts: seven (five) weddings at £150")
    check(line["annual dinner tickets"][1] == 54 * 28 and line["annual dinner"][1] - line["annual dinner tickets"][1] == 108
          and has(docs["meetings/2025-01-committee"], "54 came, at £28", "£108 more") and has(docs["events/annual-dinner-2026"], "£28 last year", "£108 less"),
          "accounts: 54 dinner tickets at £28 and a bill £108 more, as the minutes and the dinner notice say")
    check(line["Bell Start"][1] == 5 * 14 + 2 * 45 and has(docs["learners/bell-start-scheme"], "handbook (£14)")
          and has(docs["meetings/2025-01-committee"], "£45 each") and line["sound-control boards, Thistleby"][1] == 340
          and has(docs["letters/2025-04-sunday-ringing-complaint-and-reply"], "£340") and line["ropes and tower supplies"][1] >= 245
          and line["insurance"][1:] == (468, 441) and has(docs["policies/insurance-and-safeguarding"], "£468 for 2025 (£441 in 2024)")
          and line["Ebbcombe Village Trust, for the simulator"][2] == line["simulator"][2] == 1150 and has(docs["towers/ebbcombe"], "£1,150"),
          "accounts: Bell Start, the boards, the 7th's rope, insurance and the simulator agree with the other documents")
    check(line["to the Yarlside bells fund"][1] == 2500 and has(fu, "general fund | £2,500"),
          "accounts: the general fund's £2,500 is the Society's line in the fund's sources")
    fr = re.findall(r"^\| (received|paid): [^|]+ \| (£[\d,]+|nil) \| \((£[\d,]+|nil)\) \|$", ac.text, re.M)
    rec = [(money(a), money(b)) for k, a, b in fr if k == "received"]
    paid = [(money(a), money(b)) for k, a, b in fr if k == "paid"]
    bal = sum(a + b for a, b in rec) - sum(a + b for a, b in paid)
    check(len(rec) == 3 and len(paid) == 2 and sum(a + b for a, b in rec) == 43665 and bal == 1700
          and sum(b for _, b in rec) == 14060 and has(ac, "**£1,700** | **(£14,060)**")
          and rec[0][0] == 12000 + 6000 and rec[0][1] == 5000 and rec[2][0] + rec[2][1] == 10980 + 7185
          and paid[0][0] == 39870 and paid[1][0] == 1480 + (650 - 35) and 1665 + 35 == 1700
          and has(ac, "£1,665 raised over the target and\n£35 not spent of the £650".replace("\n", " ")),
          f"accounts: the bells fund took in the £43,665 over two years, paid the quote, ropes and £615 of the £650, and keeps £1,700 ({rec}, {paid})")
    check(has(fu, "£250 to \"sponsor a bell for a year\"", "19 people and two businesses") and 19 + 2 == 21
          and has(docs["newsletters/tenor-rope-winter-2025"], "21 bell sponsors") and has(fu, "made £2,310") and 2310 <= 7185,
          "fund: 19 people and two businesses are the newsletter's 21 sponsors; the sponsored ring fits inside the events line")
    check(has(fu, "£1,620 from Mrs Edith") and has(docs["meetings/2025-01-committee"], "offered £1,620 for its metal")
          and has(docs["meetings/2025-05-committee"], "given £1,620, exactly the credit") and has(rc, "RANG HERE 1961-2001")
          and 2001 - 1961 == 40 and has(fu, "for forty years"),
          "old fourth: the £1,620 gift matches the metal credit; Stan's 1961-2001 are the forty years")
    check(lb("14-1-22") == 1618 and round(1618 * 0.45359237) == 734 and has(docs["towers/thistleby"], "about 734 kg")
          and lb("6-2-9") > lb("6-0-17") and has(rc, "a little lighter than the old")
          and lb("6-0-9") < lb("11-2-3") < lb("14-1-22") and lb("2-3-11") < lb("6-0-9"),
          "weights: the Thistleby tenor is 734 kg; the new fourth is lighter than the old; Ebbcombe < Yarlside < Thistleby")
    th = re.findall(r"^\| (treble|\d\w\w|tenor) \| (\d+-\d-\d+) \| [^|]+ \| [^|]+ \| (\d{4}) \|$", docs["towers/thistleby"].text, re.M)
    check(len(th) == 8 and all(lb(a[1]) < lb(b[1]) for a, b in zip(th, th[1:])) and th[-1][1] == "14-1-22"
          and sum(1 for t in th if int(t[2]) < 1750) == 5 and int(dict((t[0], t[2]) for t in th)["3rd"]) < int(dict((t[0], t[2]) for t in th)["7th"])
          and min(int(t[2]) for t in th) > 1712 and has(docs["about/history"], "five bells\nbefore 1750".replace("\n", " ")),
          "Thistleby: eight bells, heavier from treble to tenor; five cast before 1750, none before Yarlside's 1712; the 3rd older than the 7th")
    am = docs["governance/2025-rule-amendment"]
    check(has(am, "Twenty-six members were present", "24 votes to 1,\nwith 1 abstention".replace("\n", " ")) and 24 + 1 + 1 == 26
          and 24 * 3 >= 2 * (24 + 1) and 26 >= 12,
          "amendment: 24, 1 and 1 are the 26 present, over two-thirds of votes cast, above the old quorum of twelve")
    m01, m05, m10 = docs["meetings/2025-01-committee"], docs["meetings/2025-05-committee"], docs["meetings/2025-10-committee"]
    check(has(m01, "Present: all seven", "Carried four votes to two, tom and Anil against, Hugh not\n   voting".replace("\n   ", " ")) and 4 + 3 == 7 and 4 + 2 == 7 - 1
          and has(m05, "Present: all eight", "Carried six\n   votes to none, Malcolm abstaining".replace("\n   ", " ")) and 5 + 3 == 8 and 6 + 0 + 1 == 8 - 1
          and has(m10, "Present: seven; apologies from Dennis Ashby", "agreed five votes to one, Anil against, the chair not\n   voting".replace("\n   ", " ")) and 5 + 1 == 7 - 1,
          "minutes: seven before the amendment and eight after (officers plus three captains); each vote accounts for those present less the chair")
    agm = docs["meetings/2026-02-agm-notice"]
    days = (dt.date(2026, 2, 21) - dt.date(2026, 1, 29)).days
    check(days == 23 and has(agm, "23 days ahead, two more than rule 8 asks") and 23 - 21 == 2 and dt.date(2026, 2, 7) < dt.date(2026, 2, 21)
          and has(agm, "Ten members make a quorum") and has(docs["governance/rules"], "At least 21 days' notice"),
          "AGM notice: 23 days' notice against rule 8's 21; nominations close before the meeting; quorum ten")
    check(has(docs["people/officers-and-tower-officers"], "Master (since 2019)") and has(agm, "after seven years") and 2019 + 7 == 2026
          and abs((4745 - 2400) / 6930 - 1 / 3) < 0.02 and has(agm, "about a\nthird of what it held at the start of 2025".replace("\n", " ")),
          "AGM notice: Hugh's seven years from 2019; £2,400 of handbells would leave about a third of the £6,930")
    rows_pq = re.findall(r"<tr><td>(\w+) (\d+) (\w+)</td><td>(\w+)</td><td>(peal|quarter), (\d+)</td><td>([^<]+)</td><td>(?:(\d+) h )?(\d+) min</td><td>([^<]+)</td>", docs["peals/peals-and-quarters-2025"].text)
    dates = [dt.datetime.strptime(f"{d} {m} 2025", "%d %b %Y").date() for _, d, m, *_ in rows_pq]
    mins = [int(h or 0) * 60 + int(mm) for *_, h, mm, _c in rows_pq]
    peals = [r for r in rows_pq if r[4] == "peal"]
    quarters = [r for r in rows_pq if r[4] == "quarter"]
    check(len(rows_pq) == 9 and all(d.strftime("%a") == r[0] for d, r in zip(dates, rows_pq)) and dates == sorted(dates)
          and len(peals) == 3 and len(quarters) == 6 and all(int(r[5]) >= 5000 for r in peals) and all(int(r[5]) >= 1250 for r in quarters)
          and has(agm, "three peals and six quarters") and 42 * 120 == 5040 and 7 * 720 == 5040 and 3 + 2 + 2 == 7,
          "peals: nine rows in date order, each weekday right; three peals of 5,000+ and six quarters of 1,250+; 42 extents of Doubles and seven of Minor are 5,040")
    by_len = {(r[3], r[4]): m for r, m in zip(rows_pq, mins) if r[4] == "peal"}
    rate = [int(r[5]) / m for r, m in zip(rows_pq, mins) if r[4] == "quarter"]
    q_rows = [(r, m) for r, m in zip(rows_pq, mins) if r[4] == "quarter"]
    check(by_len[("Yarlside", "peal")] == 169 > by_len[("Ebbcombe", "peal")] == 158 and max(mins) == by_len[("Thistleby", "peal")] == 184
          and min(rate) == 1260 / 48 and [r for r, m in q_rows if m == 48][0][6].startswith("Grandsire")
          and has(pb, "2 hours and 49 minutes") and has(docs["about/history"], "3 hours 12 minutes") and 3 * 60 + 12 > 184,
          "peals: Yarlside's 2 h 49 min is longer than Ebbcombe's 2 h 38; the 5056 is the longest; the Remembrance quarter is the slowest")
    check(has(docs["learners/bell-start-scheme"], "September 2024 with six learners", "by November 2025 it has eleven", "five are still ringing")
          and has(m10, "Bell Start** has eleven learners") and has(docs["newsletters/tenor-rope-winter-2025"], "up to eleven learners")
          and has(m01, "all six learners") and 6 <= 11,
          "Bell Start: six learners in 2024 and eleven in November 2025 in three documents")
    check(has(docs["letters/2025-04-sunday-ringing-complaint-and-reply"], "start at 9.20 am, not 9 am") and has(docs["towers/thistleby"], "9.20 am to 10 am")
          and has(docs["towers/service-ringing-rota-2024"], "9 am to 10 am", "starts at 8.15 am") and has(docs["letters/2025-04-sunday-ringing-complaint-and-reply"], "a quarter past eight")
          and has(docs["towers/service-ringing-rota-2024"], "Ebbcombe: Thursdays, 7.30 pm to 9 pm") and has(docs["towers/ebbcombe"], "Thursdays, 7 pm to 8.30 pm"),
          "Sunday ringing: 9 am and 8.15 am quarters in the 2024 rota and the letter, 9.20 am after; Ebbcombe practice 7.30 pm then and 7 pm now")
    check(has(docs["about/history"], "3 March 1908") and 2008 - 1908 == 100 and has(docs["about/history"], "2008, our centenary")
          and dt.date(1908, 3, 3) < dt.date(1911, 12, 26) and has(docs["about/history"], "Boxing Day 1911"),
          "history: the centenary of 1908 is 2008; the first peal came after the founding")
    weekdays = [("Sunday", dt.date(2024, 1, 14)), ("Thursday", dt.date(2024, 7, 11)), ("Tuesday", dt.date(2025, 1, 14)),
                ("Saturday", dt.date(2025, 1, 11)), ("Saturday", dt.date(2025, 2, 22)), ("Tuesday", dt.date(2025, 5, 20)),
                ("Tuesday", dt.date(2025, 10, 21)), ("Wednesday", dt.date(2025, 2, 26)), ("Monday", dt.date(2025, 3, 3)),
                ("Friday", dt.date(2025, 5, 16)), ("Sunday", dt.date(2025, 5, 18)), ("Sunday", dt.date(2025, 8, 24)),
                ("Sunday", dt.date(2025, 9, 14)), ("Saturday", dt.date(2025, 10, 4)), ("Saturday", dt.date(2026, 1, 17)),
                ("Saturday", dt.date(2026, 2, 21)), ("Thursday", dt.date(2026, 1, 29)), ("Saturday", dt.date(2026, 2, 7)),
                ("Saturday", dt.date(2026, 1, 3)), ("Saturday", dt.date(2024, 9, 7)), ("Saturday", dt.date(2025, 7, 12)),
                ("Wednesday", dt.date(2025, 12, 17)), ("Saturday", dt.date(2025, 12, 20)), ("Wednesday", dt.date(2025, 12, 24)),
                ("Thursday", dt.date(2025, 12, 25)), ("Wednesday", dt.date(2025, 12, 31)), ("Tuesday", dt.date(2026, 1, 13)),
                ("Monday", dt.date(2025, 3, 10)), ("Monday", dt.date(2025, 4, 28)), ("Monday", dt.date(2025, 5, 12))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named in the documents are the right ones (quotes, minutes, letters, casting, rededication, peal, dinner, AGM, outing, diary)")

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
    check(fmt == FORMATS, f"formats 19 md / 6 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"19 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"six documents without front matter (the six txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2024 rota) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    amended = sorted(i for i, d in docs.items() if d.metadata.get("status") == "amended")
    check(amended == AMENDED, f"one amended document, with its amendment beside it ({amended})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.3-2.9 KB ({min(raw.values())}-{max(raw.values())})")
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
