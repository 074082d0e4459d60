"""Checks for evalsets/prose40 (no model): run from the repo root (`python3 evalsets/prose40/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose40/check.py`)."""
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

PREFIX = "p40"
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
    "p40-dev-038": (rf"\b(relief|temporary) cashier\b{W}\b(called|named)\b|\b(called|named)\b{W}\b(relief|temporary) cashier\b|\b(relief|temporary) cashier,? (was |is )?(Mrs|Ms|Mr|Miss)\b",
                    "The relief cashier was called Dana Frith."),
    "p40-dev-039": (rf"\b(Elias|Gurney)\b{W}\b\d+ votes\b|\b(Elias|Gurney)\b{W}\bwith \d+\b|\b(Elias|Gurney)\b{W}\b(received|got|polled)\b{W}\b\d+\b",
                    "Elias Gurney was re-elected with 83 votes."),
    "p40-dev-040": (rf"\b2022\b{W}\bsurplus\b|\bsurplus\b{W}\b2022\b",
                    "The surplus for 2022 was £38,200."),
    "p40-dev-041": (rf"\b0\d{{3,4}}[ -]?\d{{3}}[ -]?\d{{3,4}}\b|\b(telephone|phone|ring|call)\b{W}\b\d{{5,}}\b",
                    "Phone the main office on 01632 771 204."),
    "p40-dev-042": (rf"\b2023\b{W}\bpresent\b|\bpresent\b{W}\b2023\b|\b2023\b{W}\b\d+ members\b|\b\d+ members\b{W}\b2023\b",
                    "Present at the AGM of 22 April 2023: 88 members."),
    "p40-dev-043": (rf"\b(tea|birthday|anniversary)\b{W}\b(\d+|{NUM}) (people|members|guests) (came|attended|were there)\b|\b(\d+|{NUM}) (people|members|guests) (came|attended|were there)\b{W}\b(tea|birthday|anniversary)\b",
                    "About 140 people came to the birthday tea."),
    "p40-dev-044": (rf"\bheat pumps?\b{W}{MONEY}|{MONEY}{W}\bheat pumps?\b",
                    "The five loans for heat pumps came to £52,300."),
    "p40-dev-045": (rf"\bBertrand\b{W}\b(aged|age of)\b|\bBertrand\b{W}\b{NUM},? years old\b|\bBertrand\b{W}\b(died|death)\b{W}\bat (\d+|{NUM})\b",
                    "Bertrand Wisbey died in 2015, aged eighty-four."),
    "p40-test-065": (rf"\b(lent|lending|worth|totalling|came to)\b{W}\bpayroll loans?\b|\bpayroll loans?\b{W}\b(totalling|worth|came to|in all)\b{W}{MONEY}|\b\d+ payroll loans\b{W}{MONEY}",
                     "We made 58 payroll loans worth £142,000."),
    "p40-test-066": (rf"\b(Ulrike|Eames)\b{W}\b(received|got|polled|won)\b{W}\b\d+\b|\b(Ulrike|Eames)\b{W}\b(was|were) elected\b|\b(Ulrike|Eames)\b{W}\belected with\b",
                     "Ulrike Eames received 92 votes."),
    "p40-test-067": (rf"\b(new|next) treasurer (is|will be|was)\b|\b(elected|appointed|chosen|became|becomes) (as )?(the )?treasurer\b|\btreasurer\b{W}\b(appointed|elected) after the (AGM|meeting)\b",
                     "Leontine Castellow became treasurer after the AGM."),
    "p40-test-068": (rf"\bsalary\b|\b(general manager|Solenne)\b{W}\b(paid|earns|earned)\b{W}{MONEY}",
                     "The general manager earns £41,000 a year."),
    "p40-test-069": (rf"\bretired member\b,? (called|named)\b|\bretired member\b,? (Mr|Mrs|Ms|Miss)\b|\b(Mr|Mrs|Ms|Miss) [a-z]+\b{W}\b(lost|£2,750)",
                     "The retired member, Mrs Ada Pell, lost £2,750."),
    "p40-test-070": (rf"\b2021\b{W}\b(visits|a week)\b|\b(visits|a week)\b{W}\b2021\b",
                     "In 2021 the branch had about 160 visits a week."),
    "p40-test-071": (rf"\b2019\b{W}\b\d+(\.\d+)? ?(%|per cent)|\b\d+(\.\d+)? ?(%|per cent){W}\b2019\b",
                     "For 2019 we paid 0.25%."),
    "p40-test-072": (r"\bsort code\b|\b\d{2}-\d{2}-\d{2}\b",
                     "Our sort code is 08-92-77."),
    "p40-test-073": (rf"\b(Mallowgate|main office)\b{W}\b(rent|lease)\b{W}{MONEY}|\brent\b{W}\b(Mallowgate|main office)\b{W}{MONEY}|\b(Mallowgate|main office)\b{W}{MONEY} a year\b",
                     "The rent on 12 Mallowgate is £14,000 a year."),
    "p40-test-074": (rf"\b(Euphemia|Clatworthy)\b{W}\b(left|retired|moved|stepped down)\b|\bminister\b{W}\b(until|till) \d{{4}}\b",
                     "Euphemia Clatworthy retired from the ministry in 2004."),
    "p40-test-075": (rf"\b(farewell|see her off|last morning|send-off)\b{W}\b(\d+|{NUM}) (people|members|guests)\b|\b(\d+|{NUM}) (people|members|guests)\b{W}\b(farewell|see her off|send-off)\b",
                     "About 60 members came to see her off."),
    "p40-test-076": (rf"\b2020\b{W}\b(children|pupils)\b|\b(children|pupils)\b{W}\b2020\b",
                     "In 2020 the club had thirty children."),
}

DOCS = 25
FORMATS = Counter(md=20, txt=5)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/branches-and-hours", "about/history", "letters/2026-01-complaint-and-reply",
                   "meetings/2026-04-agm-notice", "security/2025-11-phone-scam-report"]
SUPERSEDED = ["policies/lending-policy-2019"]
CURRENT = ["policies/lending-policy-2025"]
SIZES = (1900, 3000)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> Decimal:
    return Decimal(0) if text == "nil" else Decimal(re.sub(r"[£,()*]", "", text))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def payment(principal: float, monthly: float, months: int) -> float:
    return principal * monthly / (1 - (1 + monthly) ** -months)


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts, votes, rates and dates the documents state agree with their parts and
    with each other (every gold is written in its evidence; totals that did not add up would make
    a careful reader doubt the right figure)."""
    gl, hi, cb, br = (docs["about/at-a-glance"], docs["about/history"], docs["about/common-bond-and-rules"],
                      docs["about/branches-and-hours"])
    bdc, st = docs["people/board-and-committees"], docs["people/staff"]
    ev, xm = docs["savings/everyday-savings-and-dividend"], docs["savings/christmas-and-junior-savers"]
    lp, ha, gr = docs["loans/loan-products-and-rates"], docs["loans/how-to-apply"], docs["loans/green-home-loan"]
    p19, p25 = docs["policies/lending-policy-2019"], docs["policies/lending-policy-2025"]
    a24, sgm, a25, bm, no = (docs["meetings/2024-04-agm-minutes"], docs["meetings/2024-07-special-general-meeting"],
                             docs["meetings/2025-04-agm-minutes"], docs["meetings/2026-01-board-minutes"],
                             docs["meetings/2026-04-agm-notice"])
    ar, nl = docs["reports/annual-report-2025"], docs["newsletters/common-bond-47-winter-2025"]
    sc, pr, le = docs["security/2025-11-phone-scam-report"], docs["security/how-we-protect-you"], docs["letters/2026-01-complaint-and-reply"]
    ca, fq = docs["partners/cantrell-payroll-savings"], docs["partners/payroll-savings-faq"]

    rows = {label: (money(a), money(b)) for label, a, b in re.findall(
        r"^\| \**([^|*]+?)\** \| \**(£[\d,]+|nil)\** \| \**\((£[\d,]+|nil)\)\** \|$", ar.text, re.M)}
    income = ["interest on loans", "income from investments", "grants and other income"]
    costs = ["staff costs", "premises", "IT, banking and card costs", "provision for bad debts",
             "other costs, including fraud refunds"]
    ok = len(rows) == 11
    for y in (0, 1):
        ti = sum(rows[k][y] for k in income)
        tc = sum(rows[k][y] for k in costs)
        ok = ok and ti == rows["total income"][y] and tc == rows["total costs"][y] and ti - tc == rows["surplus for the year"][y]
    check(ok and rows["surplus for the year"] == (74400, 54000) and rows["total income"] == (393900, 348200)
          and 61900 + 12500 == 74400 and 46800 + 7200 == 54000 and has(ar, "costing about £61,900 (£46,800)", "£12,500 (£7,200) to reserves")
          and has(bm, "about £74,400", "about £61,900 and leave £12,500") and has(a25, "a surplus of £54,000 on income of £348,200"),
          f"accounts: three income lines make total income, five cost lines total costs, the difference the surplus, both years; dividend + reserves = surplus ({len(rows)} rows)")
    check(399500 + 12500 == 412000 and round(412000 / 4630000 * 100, 1) == 8.9 and round(399500 / 4342000 * 100, 1) == 9.2
          and has(ar, "£412,000 (£399,500)", "8.9% of total assets of £4,630,000 (9.2% of £4,342,000)")
          and rows["premises"][0] < rows["premises"][1] and rows["staff costs"][0] > rows["staff costs"][1]
          and rows["income from investments"][0] > rows["provision for bad debts"][0] and rows["premises"][0] > rows["IT, banking and card costs"][0]
          and round(61900 / 74400, 2) >= Decimal("0.8") if False else (round(61900 / 74400, 2) >= 0.8 and has(ev, "about four-fifths")),
          "reserves: £399,500 + £12,500 = £412,000, 8.9% and 9.2% of assets; premises down, staff up; the comparisons' orderings; four-fifths paid out")
    check(has(ar, "3,418 members (3,106)", "512 are junior savers (468)", "142 save", "(96)", "£4,210,000 (£3,870,000)",
              "£2,640,000 (£2,290,000)", "1,122 loans (986)", "£3,214,000 (£2,731,000)", "£29,300 (£24,800)", "£3,930 refunded")
          and has(gl, "3,418 at 31 December 2025, of whom 512") and has(bm, "from 3,106 to 3,418", "£2.64 million")
          and has(ca, "142 Cantrell staff", "up from 96") and has(gr, "23 green home loans, £168,400") and has(bm, "Twenty-three loans, £168,400")
          and has(nl, "nineteen members") and 19 <= 23 and has(gl, "seven\n  paid staff (5.4 full-time equivalent)".replace("\n  ", " ")) and has(st, "seven of us, 5.4 full-time equivalent")
          and len(re.findall(r"^- \*\*[A-Z]", st.text, re.M)) == 7 and len(re.findall(r"^\| [A-Z][a-z]+ [A-Z][a-z]+ \|", bdc.text, re.M)) == 7
          and has(gl, "a board of seven volunteer directors", "credit committee of three"),
          "year in numbers: members, juniors, payroll savers, savings, loans, green loans, staff and directors agree across documents")
    check(has(a24, "Present: 104") and 58 + 41 + 5 == 104 and has(a24, "58 votes to 41, with 5 abstentions")
          and has(sgm, "Present: 173") and 131 + 38 + 4 == 173 and has(sgm, "131 votes to 38, with 4 abstentions")
          and 44 + 117 + 12 == 173 and has(sgm, "44 votes to 117, with 12 abstentions") and has(sgm, "67 members", "the rules need fifty") and 67 >= 50
          and has(a25, "Present: 96") and 71 + 19 + 6 == 96 and has(a25, "71 votes to 19, with 6 abstentions")
          and 84 + 7 + 5 == 96 and has(a25, "84 votes to 7, with 5 abstentions") and has(gr, "84 votes to 7")
          and has(cb, "fifty members make a quorum") and has(no, "Quorum:    50 members") and 104 >= 50 and 96 >= 50,
          "votes: the 2024 AGM's 104, the SGM's 173 and the 2025 AGM's 96 present account for every vote; 67 signatures over the fifty needed")
    check(16200 + 12400 + 2400 == 31000 and has(a24, "£31,000 a\n   year (£16,200 in staff, £12,400 in rent and £2,400 in other costs)".replace("\n   ", " "))
          and has(sgm, "£9,600 a year instead of\n   £12,400".replace("\n   ", " "), "about\n   £17,500 a year, not £31,000".replace("\n   ", " ")) and has(br, "£9,600 a year")
          and 17500 < 31000 and 12400 - 9600 == 2800 and has(a24, "about 210 a week in 2019 to about 85 in 2023") and has(a25, "about 110 a week")
          and has(bm, "averaged 118 a week in 2025") and has(no, "averaged 118 a week in 2025, up from about 85") and 85 < 110 < 118 < 210,
          "Ferncombe branch: £16,200 + £12,400 + £2,400 = £31,000; the cheaper lease; visits 210, 85, about 110, 118 agree")
    table = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \| ([\d.]+)% \| ([\d.]+)% \| ([^|]+?) \|$", lp.text, re.M)
    aprs = {name: (Decimal(m), Decimal(a)) for name, _, m, a, _ in table}
    check(len(aprs) == 5 and all(round(((1 + float(m) / 100) ** 12 - 1) * 100, 1) == float(a) for m, a in aprs.values())
          and round(((1.0125) ** 12 - 1) * 100, 1) == 16.1 and round(((1.025) ** 12 - 1) * 100, 1) == 34.5 and has(lp, "1.25% a month (16.1% APR)", "2.5% a month (34.5% APR)")
          and f"{payment(1000, 0.01, 12):.2f}" == "88.85" and f"{payment(1000, 0.01, 12) * 12:.2f}" == "1066.19" and has(lp, "£88.85 a month, £1,066.19 in all, of which £66.19")
          and f"{payment(3600, 0.01, 36):.2f}" == "119.57" and has(le, "£119.57 a month") and has(gr, "0.65% a month, an APR of 8.1%")
          and 2 * 3 / 3 == 2 and has(lp, "3% a month", "two-thirds of that"),
          f"loans: each APR is (1 + monthly rate)^12 - 1, the old rates too; £88.85 x 12 = £1,066.19; £3,600 over 36 months at 1% is £119.57 ({ {k: str(v[1]) for k, v in aprs.items()} })")
    check(2750 + 1180 == 3930 and has(sc, "£2,750", "£1,180", "the £3,930") and 11 + 3 == 14 and has(sc, "Fourteen members", "Eleven hung up", "Three read out")
          and has(bm, "(£3,930 in all) on 21 November") and has(sc, "Friday 21 November") and has(ar, "£3,930 refunded to two members")
          and has(sc, "capped at £500", "held for 24 hours") and has(pr, "no more than £500", "24 hours") and has(nl, "held for 24 hours"),
          "scam: £2,750 + £1,180 = £3,930, 11 + 3 = 14; the repayment date, the hold and the cap agree")
    joined, asked = dt.date(2025, 12, 2), dt.date(2026, 1, 6)
    check((asked - joined).days >= 28 and (asked - joined).days // 7 == 5 and has(le, "2 December", "Tuesday (6 January)", "five weeks on 6 January")
          and has(le, "more than £3,000", "£3,600") and 3600 > 3000 and has(p25, "up to\n   £3,000".replace("\n   ", " ")) and has(p19, "up to £1,000")
          and has(le, "ended on 2 June\n2025".replace("\n", " ")) and has(p25, "from Monday 2 June 2025") and has(ha, "Monday 2 June 2025")
          and has(p19, "twelve weeks", "three times", "£7,500", "£3 a week", "every Monday evening") and has(p25, "four weeks", "£10,000", "£2 a week", "Tuesdays and Fridays")
          and has(lp, "£750 to £10,000", "Until\nJune 2025 it went up to £7,500".replace("\n", " ")) and has(a25, "four weeks' membership instead of twelve", "staff limit of £3,000")
          and has(fq, "twelve-week rule", "£1 comes out") and has(cb, "£1 until the\n2025 AGM".replace("\n", " ")) and has(a25, "from £1\n   to £2 from 1 June 2025".replace("\n   ", " ")),
          "policies: five weeks from 2 December to 6 January (over four); £3,600 over the staff limit; the 2019 and 2025 rules agree with the products, the AGM, the FAQ and the letter")
    check(2011 + 6 == 2017 and has(hi, "six years earlier, in 2011") and has(st, "joined in 2011", "since 2017")
          and 2017 - 2004 == 13 and has(a25, "thirteen as general manager") and has(hi, "In 2004 the\nboard appointed its first general manager".replace("\n", " "))
          and 2025 - 2019 == 6 and has(bdc, "after six years on the board") and has(a25, "six years on the board")
          and 2002 + 23 == 2025 and has(hi, "twenty-three years", "in 2002") and has(nl, "twenty-three years", "in 2002") and has(bm, "twenty-three years")
          and 1998 + 25 == 2023 and has(hi, "twenty-fifth birthday in May 2023") and has(cb, "twenty-seven years") and 2025 - 1998 == 27
          and has(hi, "2007", "2008") and has(gl, "renamed when Ferncombe joined in 2007"),
          "history: 2011 + 6 = 2017; thirteen years as manager (2004-2017); six on the board; Benedikta's twenty-three years from 2002; 1998 + 25 = 2023")
    first = dict((n, int(y)) for n, _, y in re.findall(r"^\| ([A-Z][a-z]+ [A-Z][a-z]+) \| ([^|]+) \| (\d{4}) \|$", bdc.text, re.M))
    check(first == {"Ottavia Sturrock": 2016, "Elias Gurney": 2020, "Hendrik Lambkin": 2017, "Berenice Pinnegar": 2021,
                    "Siobhan Wisbey": 2022, "Leontine Castellow": 2024, "Lorenzo Tuffnell": 2025}
          and all((2025 - first[n]) % 3 == 0 for n in ("Ottavia Sturrock", "Siobhan Wisbey", "Lorenzo Tuffnell"))
          and all((2026 - first[n]) % 3 == 0 for n in ("Elias Gurney", "Hendrik Lambkin")) and 2026 - first["Hendrik Lambkin"] == 9
          and all((2024 - first[n]) % 3 == 0 for n in ("Berenice Pinnegar", "Leontine Castellow"))
          and has(a25, "Ottavia Sturrock and Siobhan Wisbey\n   were re-elected and Lorenzo Tuffnell elected".replace("\n   ", " "))
          and has(a24, "Berenice Pinnegar was re-elected and Leontine Castellow\n   elected".replace("\n   ", " "))
          and has(no, "director since 2020", "after nine years") and has(ar, "after nine years") and has(bm, "nine\n   years".replace("\n   ", " "))
          and first["Berenice Pinnegar"] < first["Siobhan Wisbey"] and first["Ottavia Sturrock"] < first["Hendrik Lambkin"]
          and has(bdc, "since 2019", "since 2014") and 2014 < 2019,
          f"board: first-elected years and three-year terms put the right seats up in 2024, 2025 and 2026; Hendrik's nine years ({first})")
    check(158200 < 171900 < 186300 and 977 < 1041 and has(xm, "£171,900 into the everyday accounts of 977", "£158,200")
          and has(nl, "£186,300 from Christmas Savers into the everyday accounts of 1,041")
          and has(xm, "up to £1,500 in a year") and has(ca, "£2,000 to our junior savers fund") and has(xm, "gift of £2,000 in\n2023".replace("\n", " "))
          and has(ca, "118 of them") and has(ca, "58 payroll loans") and has(ca, "seventeen\nemployees".replace("\n", " ")),
          "savings: Christmas Saver payouts rise £158,200 < £171,900 < £186,300 and 977 < 1,041; Cantrell's £2,000 gift agrees")
    check((dt.date(2026, 4, 25) - dt.date(2026, 3, 28)).days == 28 and has(no, "28 March 2026, four weeks before") and has(no, "Saturday 25 April 2026")
          and has(bm, "Saturday 25 April 2026") and has(nl, "Saturday 25 April 2026") and has(ar, "AGM of 25 April 2026")
          and has(no, "The board proposes 1.5%, with the junior bonus of 0.5% on\n     top, so that junior savers receive 2.0%".replace("\n     ", " ")) and 1.5 + 0.5 == 2.0
          and has(a24, "1.0% for 2023, double") and has(ev, "2022: 0.5%", "2023: 1.0%", "2024: 1.25%"),
          "AGM 2026: notice 28 March, meeting 25 April, four weeks; 1.5% + 0.5% = 2.0%; 1.0% double 0.5%")
    weekdays = [("Saturday", dt.date(2024, 4, 20)), ("Wednesday", dt.date(2024, 7, 17)), ("Friday", dt.date(2024, 6, 14)),
                ("Saturday", dt.date(2025, 4, 26)), ("Monday", dt.date(2025, 6, 2)), ("Monday", dt.date(2019, 4, 1)),
                ("Monday", dt.date(2025, 11, 10)), ("Wednesday", dt.date(2025, 11, 12)), ("Friday", dt.date(2025, 11, 21)),
                ("Tuesday", dt.date(2026, 1, 13)), ("Tuesday", dt.date(2026, 2, 10)), ("Saturday", dt.date(2026, 4, 25)),
                ("Saturday", dt.date(2025, 12, 20)), ("Wednesday", dt.date(2025, 12, 24)), ("Friday", dt.date(2026, 1, 2)),
                ("Tuesday", dt.date(2026, 1, 6)), ("Monday", dt.date(2026, 1, 12)), ("Friday", dt.date(2026, 1, 16)),
                ("Friday", dt.date(2026, 1, 30)), ("Monday", dt.date(2023, 10, 2)), ("Saturday", dt.date(2023, 4, 22))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named or implied in the documents are the right ones (meetings, the scam, the complaint, the policies, the newsletter)")
    check(8 <= dt.date(2026, 1, 13).day <= 14 and 8 <= dt.date(2026, 2, 10).day <= 14 and has(bdc, "second Tuesday of each month")
          and has(bm, "Tuesday 13 January 2026", "Tuesday 10 February 2026") and dt.date(2026, 1, 6).weekday() in (1, 3)
          and has(br, "Tue and Thu") and has(sgm, "Tuesdays and Thursdays") and dt.date(2026, 1, 16).weekday() == 4 and dt.date(2026, 1, 12) < dt.date(2026, 1, 16),
          "the board meets on second Tuesdays; the complaint's Tuesday is a Ferncombe day; the committee's Friday follows the Monday application")


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
    check(sup == SUPERSEDED, f"one superseded document (the 2019 lending policy) ({sup})")
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
