"""Checks for evalsets/prose34 (no model): run from the repo root (`python3 evalsets/prose34/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose34/check.py`)."""
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

PREFIX = "p34"
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
    "p34-dev-038": (rf"\bfans?\b{W}{MONEY}|{MONEY}{W}\bfans?\b",
                    "The two fans for the hall cost £180."),
    "p34-dev-039": (rf"\badjudicat\w*\b{W}\b(2024|Northern Lights|Third Section)\b|\b(2024|Northern Lights|Third Section)\b{W}\badjudicat\w*\b",
                    "At the 2024 area the Third Section adjudicator was Ian Frost."),
    "p34-dev-040": (rf"\b1991\b{W}\b(marks|points|\d{{3}})\b|\b(marks|points)\b{W}\b1991\b",
                    "At the 1991 finals we scored 182 marks."),
    "p34-dev-041": (rf"\b(1953|Co-?op\w*)\b{W}\b(rent\w*|let|charged?)\b{W}({MONEY}|\b{NUM} (a|per) (year|week|month)\b)|\brent\w*\b{W}\b(1953|Co-?op\w*)\b{W}{MONEY}",
                    "In 1953 the Co-op charged the band £26 a year."),
    "p34-dev-042": (rf"\bFarida\b{W}\b({NUM} votes?|votes? (for|to)|unopposed|majority)\b|\b{NUM} votes?\b{W}\bFarida\b",
                    "Farida Sheikh was elected chair with 24 votes."),
    "p34-dev-043": (r"\bserial\b|\bs/n\b",
                    "NSB-C11's serial number is RG40117."),
    "p34-dev-044": (rf"\bcases?\b{W}{MONEY} (each|apiece|a case)\b|\bper case\b|\bcases? at {MONEY}|{MONEY} (each |apiece )?for (each|a|one) (hard )?case\b",
                    "The hard cases were £62 each."),
    "p34-dev-045": (rf"\broof\w*\b{W}\b(replaced|renewed|re-?roofed|(18|19|20)\d\d)\b|\b(replaced|renewed|re-?roofed)\b{W}\broof\b|\bnew roof\b",
                    "The roof of the hall was last replaced in 1987."),
    "p34-test-065": (rf"\bCarrbrook\b{W}({MONEY}|\bfee\b|\bsalary\b)|({MONEY}|\bfee\b|\bsalary\b){W}\bCarrbrook\b",
                     "Carrbrook pay Graham a fee of £6,000 a year."),
    "p34-test-066": (rf"\b(concert|St Oswald'?s)\b{W}\b{NUM} (people|tickets|came|in the audience|listeners|seats)\b|\baudience of\b|\b(sold out|full house|packed)\b",
                     "The concert at St Oswald's drew 240 people."),
    "p34-test-067": (rf"\b(won|winners?|(?<!in the )first place|1st)\b{W}\b(Moorfire|7 March|2026)\b|\b(Moorfire|7 March|7 Mar 2026)\b{W}\b(won|winners?|(?<!in the )first place|1st)\b",
                     "Moorfire was won by Ravensgill Band with 196."),
    "p34-test-068": (rf"\bdinner\b{W}({MONEY}|\ba head\b|\bper head\b)|({MONEY}|\ba head\b){W}\bdinner\b",
                     "The Christmas dinner costs £28 a head."),
    "p34-test-069": (rf"\b1874\b{W}\b(population|people|inhabitants|souls|villagers)\b|\b(population|inhabitants)\b{W}\b(1874|then|at the time|1870s)\b",
                     "In 1874 Nethersike had a population of 1,100."),
    "p34-test-070": (rf"\btraining band\b{W}\bwaiting\b|\bwaiting\b{W}\btraining band\b|\bwaiting list\b{W}\b({NUM}|learners|names)\b",
                     "The training band has a waiting list of six."),
    "p34-test-071": (rf"\bchoir\b{W}({MONEY}|\ban hour\b|\bper hour\b)|({MONEY}|\ban hour\b){W}\bchoir\b",
                     "The choir pays £15 an hour."),
    "p34-test-072": (rf"\bIllingworth\b{W}\b(died|death|passed away|(19|20)\d\d)\b|\b(died|death|passed away)\b{W}\bIllingworth\b",
                     "Norman Illingworth died in 2021."),
    "p34-test-073": (rf"\btrousers\b{W}{MONEY}|{MONEY}{W}\btrousers\b",
                     "Moorside charge £65 for trousers."),
    "p34-test-074": (rf"\b(won|winners?|(?<!in the )first place|1st)\b{W}\b(Regional|18 Oct|October 2025|Lanterns)\b|\b(Regional|18 Oct|Lanterns)\b{W}\b(won|winners?|(?<!in the )first place|1st)\b",
                     "The 2025 Northern Regional Second Section was won by Ravensgill Band."),
    "p34-test-075": (rf"\bPilates\b{W}\b(teacher|instructor|teaches|taught|run by|led by|takes)\b|\b(teacher|instructor|teaches)\b{W}\bPilates\b",
                     "The Pilates class is run by Gemma Hoyle."),
    "p34-test-076": (rf"\bcoach\w*\b{W}\b(2026|Moorfire|7 March)\b|\b(2026|Moorfire|7 March)\b{W}\bcoach\w*\b",
                     "The coach to the area on 7 March 2026 cost £655."),
}

DOCS = 24
FORMATS = Counter(md=18, txt=6)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "governance/2025-amendment", "grants/lottery-grant-2025",
                   "letters/2025-07-noise-complaint-and-reply", "meetings/2026-03-agm-notice",
                   "music/md-resignation-2025"]
SUPERSEDED = ["premises/bandroom-lease-2014"]
CURRENT = ["premises/bandroom-purchase-2023"]
AMENDED = ["governance/constitution"]
SIZES = (1300, 2500)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> int:
    return 0 if text == "nil" else int(text.replace("£", "").replace(",", ""))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def table_rows(text: str, header: str) -> list[tuple[str, int, int]]:
    """Rows (label, this year, last year) of the pipe table whose header row starts with `header`."""
    block = text.split(f"| {header} |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| ([^|*]+?) \| (£[\d,]+|nil) \| \((£[\d,]+|nil)\) \|$", block, re.M)
    return [(label, money(a), money(b)) for label, a, b in rows]


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts and dates the documents state agree with their parts and with each other
    (no gold is derived from them, but a corpus whose totals do not add up would make a careful
    reader doubt the right figure)."""
    ap, gr, ac = docs["appeals/cornet-appeal-2025"], docs["grants/lottery-grant-2025"], docs["reports/annual-accounts-2025"]
    check(9 * 1680 + 2080 + 800 == 18000 and has(ap, "nine B-flat cornets at £1,680 each, one E-flat soprano at £2,080, and £800",
                                                 "a target of £18,000")
          and has(docs["meetings/2025-02-committee"], "a target of £18,000"),
          "appeal: nine cornets at £1,680, a soprano at £2,080 and £800 of cases make the £18,000 target")
    src = [money(x) for x in re.findall(r"^\| [^|*]+ \| (£[\d,]+) \|$", ap.text, re.M)]
    check(len(src) == 5 and sum(src) == 19265 and has(ap, "**£19,265**", "£1,265 more than we needed") and 19265 - 18000 == 1265,
          f"appeal: five sources make £19,265, £1,265 over the target ({src})")
    check(has(gr, "Amount requested     £9,000", "Amount awarded       £7,500") and has(ap, "| Pennine Community Lottery Trust grant | £7,500 |",
                                                                                      "for £9,000 and were given £7,500")
          and has(docs["meetings/2025-02-committee"], "for £9,000"),
          "grant: £9,000 asked and £7,500 given in the letter, the appeal and the minutes")
    inc, pay = table_rows(ac.text, "receipts"), table_rows(ac.text, "payments")
    r25, r24 = sum(r[1] for r in inc), sum(r[2] for r in inc)
    p25, p24 = sum(r[1] for r in pay), sum(r[2] for r in pay)
    check(len(inc) == 9 and len(pay) == 13 and (r25, r24, p25, p24) == (38959, 19828, 37375, 27220)
          and has(ac, "**£38,959** | **(£19,828)**", "**£37,375** | **(£27,220)**", "£1,584 (−£7,392)")
          and r25 - p25 == 1584 and r24 - p24 == -7392,
          f"accounts: nine receipt and thirteen payment lines make both years' totals and results ({r25}, {r24}, {p25}, {p24})")
    check(14558 + 1584 == 16142 and has(ac, "Cash at bank at 31 December £16,142 (£14,558)"),
          "accounts: last year's cash plus this year's result is this year's cash")
    line = {r[0]: r for r in inc + pay}
    check(line["lottery grant, restricted"][1] == 7500 and line["cornet appeal, restricted"][1] == 19265 - 7500
          and line["new cornets, cases and mouthpieces"][1] == 18000 and 7500 + 11765 - 18000 == 1265
          and has(ac, "of which £1,265 (nil) is the appeal fund's balance"),
          "accounts: the restricted lines are the grant and the other four appeal sources; less the £18,000 spent they leave £1,265")
    check(line["subscriptions"][1:] == (29 * 8 * 12, 28 * 8 * 12) and has(ac, "29 (28) adult players at £8 a month")
          and has(docs["about/band-at-a-glance"], "33 on the books in the senior band, four of them under 18") and 33 - 4 == 29
          and has(docs["meetings/2026-03-agm-notice"], "from £8\n     to £10 a month".replace("\n     ", " ")),
          "accounts: subscriptions are 29 (28) adults at £8 a month; 33 players less four under 18 are 29")
    check(line["musical director's fees"][1:] == (3 * 350 + 3 * 75 + 7 * 400, 12 * 350) and 12 * 400 == 4800
          and has(docs["music/md-appointment-2025"], "£4,800 a year, paid £400 a month (Graham's was\n£4,200)".replace("\n", " "), "paid £75 expenses"),
          "accounts: MD fees are three months at £350, three £75 auditions and seven months at £400; 2024 twelve months at £350")
    check(line["training band tutor"][1:] == (36 * 30, 18 * 30) and has(docs["training/training-band"], "£30 a session", "eighteen sessions", "thirty-six a year"),
          "accounts: the tutor's 36 (18) sessions at £30")
    check(2960 <= line["bandroom repairs"][1] and has(docs["letters/2025-07-noise-complaint-and-reply"], "£2,960")
          and has(docs["meetings/2025-10-committee"], "cost £2,960, as\n   quoted".replace("\n   ", " ")),
          "accounts: the £2,960 acoustic panels fit inside the bandroom repairs line")
    un = docs["uniforms/uniform-quotes-2024"]
    check(32 * 310 == 9920 and 32 * 245 == 7840 and 32 * 25 == 800 and 7840 + 800 + 600 == 9240 and 1500 + 7740 == 9240
          and has(un, "| total | £9,920 | £9,240 |", "£1,500", "the other £7,740") and line["uniforms"][2] == 9240
          and line["sponsorship"][2] == 1500 and 19 + 8 == 27,
          "uniforms: both quotes add up; the sponsor and reserves pay Moorside's £9,240, the accounts' 2024 lines")
    check(line["Brearley Trust loan repayment"][1:] == (2500, 2500) and 25000 - 3 * 2500 == 17500 and 25000 - 2 * 2500 == 20000
          and has(ac, "£17,500 (£20,000)") and 2023 + 9 == 2032 and has(docs["premises/bandroom-purchase-2023"], "the last in December 2032"),
          "loan: £2,500 each December from 2023 leaves £20,000 and £17,500, and the tenth payment is in 2032")
    check(line["carol collections"][1] == 2340 and has(docs["newsletters/bandstand-spring-2026"], "£2,340")
          and abs(line["engagement fees"][2] / r24 - 0.4) < 0.005 and has(docs["about/band-at-a-glance"], "In 2024 two-fifths"),
          "accounts: carols as the newsletter says; 2024 engagement fees are two-fifths of receipts")
    bp = docs["premises/bandroom-purchase-2023"]
    srcs = [int(x.replace(",", "")) for x in re.findall(r"^\| [^|*]+ \| ([\d,]+) \|$", bp.text, re.M)]
    check(len(srcs) == 4 and sum(srcs) == 87150 == 85000 + 2150 and has(bp, "**87,150**", "£85,000 price and £2,150")
          and 82000 < 85000 < 95000 and 85000 <= 150000 and has(docs["about/history"], "£30,000"),
          f"purchase: four sources make £87,150, the price plus legal fees; paid between valuation and asking; no stamp duty under £150,000 ({srcs})")
    ls = docs["premises/bandroom-lease-2014"]
    check(dt.date(2014, 4, 1).replace(year=2024) - dt.timedelta(days=1) == dt.date(2024, 3, 31)
          and has(ls, "from 1 April 2014 to 31 March 2024", "£3,000 a year", "reviewed after five years")
          and has(bp, "£3,600 a year since the 2019 review", "seventy years") and 2014 + 5 == 2019 and 2023 - 1953 == 70,
          "lease: ten years from 1 April 2014; a review after five years, in 2019; 1953 to 2023 is seventy years")
    am = docs["governance/2025-amendment"]
    check(has(am, "31 voting members present", "27 votes to 2, with 2 abstentions") and 27 + 2 + 2 == 31 and 27 * 3 >= 2 * (27 + 2) and 31 >= 15,
          "amendment: the votes account for the 31 present, pass two-thirds of the votes cast, and the meeting was quorate")
    pe = docs["people/committee-and-officers"]
    committee = re.findall(r"^- [^:\n]+: ", pe.text, re.M)
    check(len(committee) == 9 and has(pe, "three more than the amended\nclause 5 requires and two fewer than it allows".replace("\n", " "))
          and 9 == 6 + 3 == 11 - 2 and has(am, "not fewer than six nor more than eleven"),
          "committee: nine members, three over the amended six and two under eleven")
    m02, m06, m10 = docs["meetings/2025-02-committee"], docs["meetings/2025-06-committee"], docs["meetings/2025-10-committee"]
    check(has(m02, "all eight of the committee", "Carried six votes to one, Tom against") and 5 <= 8 <= 9 and 6 + 1 == 8 - 1
          and has(m06, "Present: all nine", "Carried six votes to two, Rachel and owen against") and 6 + 2 == 9 - 1
          and has(m10, "Present: eight; apologies from Tom Haigh", "Carried six votes to none, Sandra abstaining") and 6 + 0 + 1 == 8 - 1,
          "minutes: each vote accounts for those present less the chair; eight in February is within the old five to nine")
    check(has(m10, "cost about £450 each, so six would be\n   £2,700".replace("\n   ", " ")) and 6 * 450 == 2700 > 2400
          and has(m06, "all ten\n   Harland cornets for £2,400".replace("\n   ", " ")) and has(docs["instruments/instrument-register"], "NSB-C01 to C06 | 6 B-flat", "NSB-C07 to C10 | 3 B-flat cornets and a soprano")
          and 6 + 4 == 10 and has(m10, "Six cornets to go to the training band, four to be kept as spares"),
          "cornets: six student cornets at £450 cost more than the £2,400 offered; six to the learners and four spares make ten")
    check(has(docs["music/md-appointment-2025"], "24 voted: Kirsty 15, Martin 6, Paul 3", "27 players") and 15 + 6 + 3 == 24 <= 27
          and has(docs["music/md-appointment-2025"], "seven people applied"),
          "appointment: the ballot's 15, 6 and 3 make 24 votes of 27")
    agm = docs["meetings/2026-03-agm-notice"]
    clear = (dt.date(2026, 3, 26) - dt.date(2026, 3, 2)).days - 1
    check(has(agm, "Monday 2 March 2026", "Thursday 26 March\n2026".replace("\n", " "), "Thursday 12 March, fourteen\ndays before".replace("\n", " "))
          and clear >= 14 and (dt.date(2026, 3, 26) - dt.date(2026, 3, 12)).days == 14 and dt.date(2026, 3, 26) < dt.date(2026, 4, 30)
          and has(am, "At least 14 clear days' notice") and has(docs["governance/constitution"], "held before 30 April"),
          f"AGM notice: {clear} clear days' notice (14 required), nominations 14 days ahead, before 30 April")
    check(has(agm, "after twelve years") and has(pe, "chair (since 2014)") and 2026 - 2014 == 12
          and has(docs["music/md-resignation-2025"], "Thirteen and a half years", "September 2011")
          and (dt.date(2025, 3, 8) - dt.date(2011, 9, 1)).days / 365.25 > 13.4 and has(agm, "thirteen and a half years"),
          "years: Alan's twelve in the chair; Graham's thirteen and a half from September 2011 to March 2025")
    cr = docs["contests/contest-record"]
    rows = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td><td>(\d+)\w\w of (\d+)</td><td>(\d+)</td></tr>", cr.text)
    dates = [dt.datetime.strptime(r[0], "%d %b %Y").date() for r in rows]
    check(len(rows) == 11 and all(d.strftime("%A") == "Saturday" for d in dates) and all(int(r[4]) <= int(r[5]) for r in rows)
          and all(170 <= int(r[6]) <= 200 for r in rows) and dates == sorted(dates),
          "contests: eleven rows, all on Saturdays, in date order, places within the field and marks out of 200")
    by = {r[3]: r for r in rows}
    check(by["The Drovers' Road"][4:6] == ("13", "14") and int(by["The Drovers' Road"][5]) - int(by["The Drovers' Road"][4]) < 2
          and by["Northern Lights Overture"][4] == "1" and by["Northern Lights Overture"][2] == "Third"
          and by["Heights of Hollin"][2] == "Second" and by["Kingfisher Variations"][2] == "Third",
          "contests: 13th of 14 is in the bottom two and the Third Section follows; first in 2024 and the Second Section follows")
    check(int(by["Kingfisher Variations"][6]) > int(by["Fenwick Rhapsody"][6]) and int(by["Lanterns over Ashburn"][6]) > int(by["Heights of Hollin"][6])
          and by["Moorfire"][4:7] == ("3", "13", "191") and has(docs["newsletters/bandstand-spring-2026"], "third of thirteen", "191 points")
          and by["Lanterns over Ashburn"][4] == "2" and has(docs["concerts/christmas-concert-2025"], "second place at the\n   regional".replace("\n   ", " ")),
          "contests: the pieces compare as the questions say; the newsletter and programme agree with the table")
    tb = docs["training/training-band"]
    check(has(tb, "nine learners in July 2025", "we have sixteen") and has(m10, "from nine to sixteen")
          and has(docs["newsletters/bandstand-spring-2026"], "now has eighteen") and 9 < 16 < 18
          and has(tb, "8 to 67") and has(docs["concerts/christmas-concert-2025"], "sixteen learners, and the youngest is eight"),
          "training band: nine, sixteen and eighteen learners; the youngest eight in both documents")
    nl = docs["letters/2025-07-noise-complaint-and-reply"]
    check(has(nl, "58 dB(A) with our windows open and 41 dB(A) with them shut") and 58 > 41
          and has(nl, "a quarter to ten", "not 9.45 pm") and has(docs["about/band-at-a-glance"], "7.30 pm to 9.30 pm")
          and has(docs["premises/bandroom-lease-2014"], "after 10 pm"),
          "noise: open windows louder than shut; Friday 9.45 pm before, 9.30 pm now, both inside the lease's 10 pm")
    weekdays = [("Monday", dt.date(2025, 1, 20)), ("Saturday", dt.date(2025, 3, 8)), ("Tuesday", dt.date(2025, 2, 11)),
                ("Friday", dt.date(2025, 3, 14)), ("Thursday", dt.date(2025, 3, 27)), ("Tuesday", dt.date(2025, 4, 8)),
                ("Tuesday", dt.date(2025, 4, 15)), ("Tuesday", dt.date(2025, 4, 22)), ("Tuesday", dt.date(2025, 6, 3)),
                ("Tuesday", dt.date(2025, 6, 10)), ("Saturday", dt.date(2025, 6, 21)), ("Sunday", dt.date(2025, 11, 30)),
                ("Saturday", dt.date(2025, 7, 26)), ("Saturday", dt.date(2025, 7, 19)), ("Tuesday", dt.date(2025, 12, 9)),
                ("Saturday", dt.date(2025, 12, 13)), ("Tuesday", dt.date(2025, 9, 2)), ("Monday", dt.date(2025, 7, 14)),
                ("Tuesday", dt.date(2025, 8, 5)), ("Friday", dt.date(2025, 7, 25)), ("Monday", dt.date(2025, 9, 29)),
                ("Tuesday", dt.date(2025, 10, 14)), ("Saturday", dt.date(2025, 10, 18)), ("Tuesday", dt.date(2026, 1, 13)),
                ("Monday", dt.date(2026, 3, 2)), ("Thursday", dt.date(2026, 3, 26)), ("Thursday", dt.date(2026, 3, 12)),
                ("Friday", dt.date(2023, 3, 17)), ("Tuesday", dt.date(2024, 5, 14)), ("Saturday", dt.date(2026, 3, 7)),
                ("Saturday", dt.date(2025, 12, 20)), ("Saturday", dt.date(2026, 5, 2)), ("Friday", dt.date(2026, 5, 29)),
                ("Saturday", dt.date(2026, 6, 20)), ("Saturday", dt.date(2026, 10, 17)), ("Sunday", dt.date(2026, 11, 8)),
                ("Friday", dt.date(2025, 6, 13)), ("Saturday", dt.date(2025, 9, 6)), ("Saturday", dt.date(2025, 9, 13))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named in the documents are the right ones (letters, meetings, auditions, appeal, concert, contests, diary)")


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
    check(fmt == FORMATS, f"formats 18 md / 6 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"18 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"six documents without front matter (the six txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    amended = sorted(i for i, d in docs.items() if d.metadata.get("status") == "amended")
    check(amended == AMENDED, f"one amended document, with its amendment beside it ({amended})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.3-2.5 KB ({min(raw.values())}-{max(raw.values())})")
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
