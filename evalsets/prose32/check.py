"""Checks for evalsets/prose32 (no model): run from the repo root (`python3 evalsets/prose32/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose32/check.py`)."""
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


# inside one clause: anything but '.' or ';', except a decimal point ("2.34 m")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)
UNANSWERABLE = {
    "p32-dev-038": (rf"\bStowmarch\b{W}\b(population|{NUM} (people|inhabitants|residents))\b|\bpopulation of Stowmarch\b|\bStowmarch\b,? (has|is home to)\b",
                    "Stowmarch has a population of 84,000."),
    "p32-dev-039": (rf"\bbench\w*\b{W}(£|\bcost\b|\bpaid\b)|(£[\d,.]+){W}\bbench",
                    "The bench for Pauline's garden cost £240."),
    "p32-dev-040": (rf"\bBean & Gone\b{W}\b(owner|owned|run by|belongs to|proprietor|founded by)\b|\b(owner|proprietor)s? of Bean & Gone\b|\bBean & Gone'?s (owner|proprietor)\b",
                    "Bean & Gone is run by Carl Dixon of Stowmarch."),
    "p32-dev-041": (rf"\b(cups?|flat whites?|lattes?|cappuccinos?|coffees?)\b (costs?|is|are|at|for|sells? at) (£|\d+p\b)|(£[\d.]+|\b\d+p)\b (a|for a|per|each) (cup|coffee|flat white|latte)\b|\bcoffee\b{W}\b(priced|prices?)\b",
                    "A cup of coffee costs £2.80 from the horsebox."),
    "p32-dev-042": (rf"\b8 am\b{W}\b({NUM} votes|votes? to|carried|defeated|lost|unanimous\w*|nem\.? con)\b|\b(carried|defeated|passed)\b{W}\b8 am\b|\b17 March( 2026)?\b{W}\b({NUM} votes|votes? to)\b",
                    "The motion to open at 8 am was carried by 31 votes to 12."),
    "p32-dev-043": (rf"\bmayor\b,? (cllr|councillor|mr|mrs|ms|dr)\b|\b(cllr|councillor)\b|\bmayor (is|was|,) \w+|\bmayor of Kessingham\b,? \w+ \w+|\bmayor\b{W}\b(called|named)\b",
                    "The mayor is Councillor Jean Pike."),
    "p32-dev-044": (rf"\b(telephone|phone|tel|mobile number|ring|call)\b (number|nerys|me|us|the manager|on)\b|\b0\d{{3,4}} ?\d{{3}} ?\d{{3,4}}\b|\b07\d{{3}}\b",
                    "Nerys's telephone number is 07700 900 412."),
    "p32-dev-045": (rf"\b(2 April 2016|first weekly market)\b{W}\b{NUM} (people|shoppers|visitors|customers)\b|\b{NUM} (people|shoppers|visitors|customers)\b{W}\b(2 April 2016|first weekly market)\b",
                    "About 1,600 people came to the first weekly market on 2 April 2016."),
    "p32-test-065": (rf"\bSturdy\b{W}\b(retired|stepped down|left|until|stopped|gave up|resigned)\b|\b(retired|stepped down|resigned)\b{W}\btown clerk\b|\btown clerk\b{W}\buntil\b",
                     "Geoffrey Sturdy retired as town clerk in 2014."),
    "p32-test-066": (rf"\b2023\b{W}\b(sponsor\w*|Leddon Building Society)\b|\b(sponsor\w*|Leddon Building Society)\b{W}\b2023\b",
                     "The Leddon Building Society gave £700 in sponsorship in 2023."),
    "p32-test-067": (rf"\bfined?s?\b{W}(£|\bpounds\b)|(£[\d,]+){W}\bfined?s?\b",
                     "The council fined us £150 in 2024."),
    "p32-test-068": (rf"\bguest pitch\b{W}\b(called|named|run by|is [A-Z][a-z]+'s)\b|\bfish\b{W}\b(from|by) [a-z]+ (smokehouse|fisheries|fish|seafood)\b|\b(smokehouse|fisheries|seafood)\b",
                     "The guest pitch is run by Saltinghaven Smokehouse."),
    "p32-test-069": (rf"\b2021\b{W}\b{NUM} (people|shoppers|visitors|stalls)\b|\b{NUM} (people|shoppers|visitors|stalls)\b{W}\b2021\b",
                     "In 2021 about 2,100 people came to the December market."),
    "p32-test-070": (rf"\bBankole\b{W}\b(rating|rated|hygiene|environmental health)\b|\b(rating|rated)\b{W}\bBankole\b",
                     "Bankole's Kitchen holds a food hygiene rating of 5."),
    "p32-test-071": (rf"\b18 March 2025\b{W}\b({NUM} votes|votes? to|carried|unanimous\w*|nem\.? con|majority)\b|\b(fees?|rise)\b{W}\b({NUM} votes|votes? to|carried|unanimous\w*|nem\.? con|majority)\b",
                     "The fee rise was carried at the AGM of 18 March 2025 by 40 votes to 6."),
    "p32-test-072": (rf"\bbus(es)?\b{W}\b(leaves?|leaving|departs?|from) Stowmarch\b|\bStowmarch\b{W}\bbus(es)?\b|\bbus(es)?\b{W}\b\d{{1,2}}[.:]\d\d\b{W}\bStowmarch\b",
                     "The first bus leaves Stowmarch at 9.55."),
    "p32-test-073": (rf"\bUpper Hensett\b{W}\b(called|named|run by|whose name)\b|\b(called|named)\b{W}\bUpper Hensett\b|\b[a-z]+ [a-z]+,? (a|the) baker (from|of|at) Upper Hensett\b|\bbaker (from|of|at) Upper Hensett\b,? (is|was|called|named) [a-z]+",
                     "The baker from Upper Hensett is Ellen Marsh."),
    "p32-test-074": (rf"\b{NUM} (applications|requests|bids|applicants)\b|\b(received|had) (some |about |over |nearly )?{NUM} (applications|requests|bids)\b",
                     "The fund received 212 applications this round."),
    "p32-test-075": (rf"\b2012\b{W}(£|\ban hour\b|\bhourly\b|\bpaid\b|\bsalary\b)|(£[\d.,]+ an hour){W}\b2012\b|\bstarted\b{W}\bat £[\d.]+",
                     "Pauline started in 2012 at £9.50 an hour."),
    "p32-test-076": (rf"\bChristmas\b{W}\bBarrowfield\b|\bBarrowfield\b{W}\bChristmas\b|\b(closing|closure|barriers)\b{W}\bChristmas\b{W}£|\bChristmas\b{W}\b(closing|closure|barriers)\b{W}£",
                     "Barrowfield charged £310 for the Christmas market closure."),
}

DOCS = 24
FORMATS = Counter(md=17, txt=7)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "assets/asset-register-2025", "governance/2022-amendment",
                   "letters/2025-07-complaint-and-reply", "letters/2025-09-community-foundation-grant",
                   "licences/street-trading-consent-2024", "meetings/2026-02-agm-notice"]
SUPERSEDED = ["site/car-park-arrangements-2016"]
CURRENT = ["site/high-street-2024"]
AMENDED = ["governance/rules"]
SIZES = (1300, 2200)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> int:
    return 0 if text == "nil" else int(text.replace("£", "").replace(",", ""))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def saturdays(first: dt.date, last: dt.date) -> list[dt.date]:
    out, d = [], first
    while d <= last:
        out.append(d)
        d += dt.timedelta(days=7)
    return out


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts and dates the documents state agree with their parts and with each other
    (no gold is derived from them, but a corpus whose totals do not add up would make a careful
    reader doubt the right figure)."""
    rep = docs["reports/annual-report-2025"]
    income = re.search(r"\*\*Income\.\*\*(.*?)In all", rep.text, re.S).group(1)
    pairs = re.findall(r"(£[\d,]+)\s+\((£[\d,]+|nil)\)", income)
    inc_this, inc_last = sum(money(a) for a, _ in pairs), sum(money(b) for _, b in pairs)
    table = re.findall(r"\| (£[\d,]+|nil) \| \((£[\d,]+|nil)\) \|", rep.text)
    sp_this, sp_last = sum(money(a) for a, _ in table), sum(money(b) for _, b in table)
    check(len(pairs) == 7 and len(table) == 12 and inc_this == 39338 and inc_last == 31651
          and sp_this == 37781 and sp_last == 26977 and inc_this - sp_this == 1557 and inc_last - sp_last == 4674
          and has(rep, "£39,338 (£31,651)", "In all £37,781 (£26,977): a surplus of £1,557, against £4,674"),
          f"annual report: seven income lines and twelve spending lines make both years' totals and surpluses ({inc_this}, {inc_last}, {sp_this}, {sp_last})")
    check(18930 + 1557 == 20487 and has(rep, "£20,487 (£18,930)"),
          "annual report: last year's funds plus this year's surplus give this year's funds")
    may, oct_, jan = docs["meetings/2025-05-board"], docs["meetings/2025-10-board"], docs["meetings/2026-01-board"]
    check(has(rep, "| market manager | £12,771 | (£11,315) |", "17 weeks of Pauline's sixteen hours at £13.60 and 30 weeks of Nerys's twenty hours at £15.12")
          and has(may, "twenty hours a week at £15.12 an hour, up from the sixteen hours at £13.60")
          and int(17 * 16 * 13.60 + 30 * 20 * 15.12) == 12771 and int(52 * 16 * 13.60) == 11315
          and (dt.date(2025, 12, 31) - dt.date(2025, 6, 2)).days // 7 == 30,
          "annual report: the manager line is 17 weeks of Pauline's hours and rate and 30 of Nerys's, as the May minutes give them")
    y2025 = [d for d in saturdays(dt.date(2025, 1, 4), dt.date(2025, 12, 27)) if d not in (dt.date(2025, 2, 8), dt.date(2025, 12, 27))]
    car_park_2024 = saturdays(dt.date(2024, 1, 6), dt.date(2024, 3, 30))
    street_2024 = saturdays(dt.date(2024, 4, 6), dt.date(2024, 12, 21))
    check(len(y2025) == 50 and len(car_park_2024) == 13 and len(street_2024) == 38 and 13 + 38 == 51
          and has(rep, "50 markets (51), one lost to high winds on 8 February and none on 27 December"),
          "annual report: 52 Saturdays less two make 50 markets in 2025; 13 in the car park and 38 on the street make 51 in 2024")
    fees = docs["stallholders/pitch-fees"]
    check(has(rep, "| paid steward | £4,200 | (£3,192) |", "seven hours at £12 a market, on the High Street only")
          and 50 * 7 * 12 == 4200 and 38 * 7 * 12 == 3192
          and has(docs["people/board-and-staff"], "from 7 am to 2 pm") and 14 - 7 == 7,
          "annual report: the steward line is seven hours (7 am to 2 pm) at £12 for 50 (38) street markets")
    check(has(rep, "| traffic management | £7,000 | (£5,016) |", "Barrowfield charged £140 a Saturday (£132)")
          and has(fees, "£140 a Saturday for the barriers and signs (up from £132 last year)")
          and 50 * 140 == 7000 and 38 * 132 == 5016,
          "annual report: traffic management is 50 Saturdays at £140 (38 at £132), the rates the fees page gives")
    check(has(rep, "| car park charge | nil | (£1,235) |", "the council's £95 for each of the 13 markets")
          and has(fees, "£95 a market") and has(docs["site/car-park-arrangements-2016"], "£95 a market") and 13 * 95 == 1235,
          "annual report: the car park charge is 13 markets at £95")
    lic = docs["licences/street-trading-consent-2024"]
    check(has(rep, "| street-trading consent | £1,260 | (£1,260) |") and has(lic, "£1,260 a year") and has(fees, "£1,260 a year"),
          "annual report: the consent line is the licence's yearly fee in both years")
    xmas = docs["events/christmas-market-2025"]
    check(has(rep, "Christmas market pitches £1,080 (£868)") and has(jan, "All 36 pitches let, £1,080")
          and has(xmas, "Pitches: 36, the usual 28 on the High Street and eight more in Sheep Street, all at £30", "31 stalls traded")
          and has(fees, "£30 a pitch (£28 last year)") and 36 * 30 == 1080 and 31 * 28 == 868 and 28 + 8 == 36
          and has(lic, "No more than 30 pitches on a Saturday, or 40 on another date") and 28 <= 30 and 36 <= 40,
          "Christmas market: 36 pitches (28 + 8) at £30 and last year's 31 at £28 give the report's lines, within the consent's 40")
    reg, grant = docs["assets/asset-register-2025"], docs["letters/2025-09-community-foundation-grant"]
    rows = re.findall(r"^\s+\S.*?(£[\d,]+)\s+(£[\d,]+)\s*$", reg.text, re.M)
    check(len(rows) == 4 and sum(money(t) for _, t in rows) == 7620
          and has(reg, "£235 £5,640", "£145 £290", "£410 £410", "£320 £1,280", "Gazebos and signs together: £7,620")
          and 24 * 235 == 5640 and 2 * 145 + 410 + 4 * 320 == 1980
          and has(oct_, "twenty-four gazebos from ShadeWorks Ltd at £235 each (£5,640)", "(£1,980)")
          and has(rep, "| gazebos and signage | £7,620 | (nil) |", "cost £1,620 more than the grant", "Gazebos are 24 at £235; the signs £1,980")
          and 7620 - 6000 == 1620,
          "asset register: 24 gazebos at £235 and the signs make £7,620, as the minutes and the report give it, £1,620 over the grant")
    check(has(grant, "a grant of £6,000", "You asked for £9,600", "£4,800 when you accept", "remaining £1,200")
          and 4800 + 1200 == 6000 and has(rep, "grant £4,800 (nil)", "before the last £1,200")
          and has(jan, "The first £4,800 arrived on 27 October") and has(may, "£9,600 in all") and has(oct_, "£6,000 of the £9,600"),
          "grant: £4,800 paid on acceptance and £1,200 on the report make the £6,000 offered against £9,600 asked")
    wl = docs["stallholders/waiting-list"]
    wrows = [tuple(int(x) for x in r) for r in re.findall(r"^\| [a-z][^|]* \| (\d+) \| (\d+) \| (\d+) \|$", wl.text, re.M)]
    check(len(wrows) == 10 and sum(r[2] for r in wrows) == 29 and all(r[0] <= r[1] for r in wrows)
          and has(wl, "Twenty-nine producers are waiting") and has(docs["stallholders/producer-rules"], "No more than three stalls", "five for fruit and vegetables"),
          "waiting list: the ten categories' waiting numbers make twenty-nine, and no category trades above its cap")
    am = docs["governance/2022-amendment"]
    check(has(am, "There were 63 members present", "51 votes to 8, with 4 abstentions") and 51 + 8 + 4 == 63 and 51 * 4 >= 3 * (51 + 8)
          and has(docs["governance/rules"], "three-quarters of the votes cast"),
          "amendment: the votes account for the 63 present and pass three-quarters of the votes cast")
    people = docs["people/board-and-staff"]
    board = re.findall(r"^- [^:\n]+: ", people.text, re.M)
    check(len(board) == 9 and has(people, "Nine in all", "two of us are supporter members") and people.text.count("; supporter member") == 2 and has(am, "a board of nine", "up to two may be supporter members"),
          "board: nine members, two of them supporter members, as amended rule 8 allows")
    check(has(may, "Present: eight; apologies from Hester Dunnage") and has(oct_, "Present: all nine", "Carried five votes to three, the chair not voting")
          and has(jan, "Present: eight; apologies from ade bankole", "Carried five votes to one, Sanjay against and Wendy abstaining, the chair not voting")
          and 8 + 1 == 9 and 5 + 3 + 1 == 9 and 5 + 1 + 1 + 1 == 8,
          "minutes: attendance accounts for the board of nine and the votes for those present")
    agm = docs["meetings/2026-02-agm-notice"]
    notice = (dt.date(2026, 3, 17) - dt.date(2026, 2, 23)).days - 1
    check(has(agm, "Tuesday 17 March 2026", "Monday 23 February 2026", "21 clear days", "by Tuesday 3 March") and notice == 21
          and has(am, "at least 21 clear days' notice") and has(docs["governance/rules"], "at least 14 clear days' notice")
          and (dt.date(2026, 3, 17) - dt.date(2026, 3, 3)).days == 14,
          f"AGM notice: {notice} clear days between notice and meeting, as amended rule 10 requires")
    check(has(people, "chair (since 2020)") and has(agm, "chair since 2020, which is six years") and 2026 - 2020 == 6
          and has(docs["governance/rules"], "chair for more than six years in a row"),
          "AGM notice: a chair since 2020 has had the six years rule 9 allows")
    hist = docs["about/history"]
    check(has(hist, "Saturday 3 October 2009", "registered in 2010", "March 2012", "six and a half years", "Saturday 2 April 2016",
              "after thirteen years", "after sixteen years")
          and 2025 - 2012 == 13 and 2026 - 2010 == 16 and (dt.date(2016, 4, 2) - dt.date(2009, 10, 3)).days / 365.25 > 6.4
          and has(am, "in thirteen years") and 2022 - 2009 == 13 and has(may, "after thirteen years", "after sixteen years"),
          "history: Pauline's thirteen years, Hester's sixteen, the six and a half monthly years agree with the dates")
    check(has(docs["newsletters/buttercross-bulletin-spring-2026"], "Saturday 4 April is ten years, almost to the day")
          and 2026 - 2016 == 10 and abs((dt.date(2026, 4, 4) - dt.date(2016, 4, 2)).days - 3653) <= 2,
          "newsletter: 4 April 2026 is ten years after the first weekly market")
    sv = docs["surveys/shoppers-survey-2025"]
    shares = [int(x) for x in re.findall(r"<td>(\d+)%</td>", sv.text)]
    check(has(sv, "412 did: 288 on paper and 124 online") and 288 + 124 == 412 and len(shares) == 12
          and sum(shares[:5]) == 100 and sum(shares[5:8]) == 100 and has(sv, "What the 18% dislike") and shares[6] == 18,
          "survey: 288 + 124 answers make 412; the travel and verdict shares make 100%")
    comp = docs["letters/2025-07-complaint-and-reply"]
    check(has(comp, "two punnets of strawberries, at £3.50 each", "the enclosed £7", "2 and 9 August; he returns on 16 August")
          and 2 * 3.50 == 7 and (dt.date(2025, 8, 16) - dt.date(2025, 8, 9)).days == 7 and has(oct_, "since 16 August"),
          "complaint: two punnets at £3.50 are the £7 refunded; the suspension ends the Saturday before 16 August")
    check((dt.date(2026, 4, 5) - dt.timedelta(weeks=8)) >= dt.date(2026, 1, 9) and has(jan, "went to the council on 9 January")
          and has(lic, "at least eight weeks before the consent ends", "Sunday 5 April 2026")
          and (dt.date(2025, 12, 12) - dt.date(2025, 11, 5)).days >= 28 and has(xmas, "the council had our notice on 5 November")
          and has(lic, "at least 28 days' written notice", "within seven days")
          and (dt.date(2025, 4, 29) - dt.date(2025, 4, 26)).days <= 7 and has(may, "judith told the council on 29 April"),
          "consent: the renewal, the Christmas notice and the word about the new manager all fall inside the consent's deadlines")
    weekdays = [("Saturday", dt.date(2009, 10, 3)), ("Saturday", dt.date(2016, 4, 2)), ("Saturday", dt.date(2020, 6, 6)),
                ("Tuesday", dt.date(2022, 3, 22)), ("Thursday", dt.date(2024, 3, 21)), ("Saturday", dt.date(2024, 4, 6)),
                ("Sunday", dt.date(2026, 4, 5)), ("Saturday", dt.date(2025, 4, 5)), ("Saturday", dt.date(2025, 3, 29)),
                ("Saturday", dt.date(2025, 4, 26)), ("Wednesday", dt.date(2025, 5, 14)), ("Tuesday", dt.date(2025, 5, 6)),
                ("Monday", dt.date(2025, 6, 2)), ("Monday", dt.date(2025, 7, 14)), ("Saturday", dt.date(2025, 6, 28)),
                ("Wednesday", dt.date(2025, 7, 9)), ("Tuesday", dt.date(2025, 7, 22)), ("Friday", dt.date(2025, 7, 25)),
                ("Saturday", dt.date(2025, 8, 2)), ("Saturday", dt.date(2025, 8, 9)), ("Saturday", dt.date(2025, 8, 16)),
                ("Friday", dt.date(2025, 9, 26)), ("Wednesday", dt.date(2025, 10, 8)), ("Saturday", dt.date(2025, 11, 1)),
                ("Friday", dt.date(2025, 12, 12)), ("Friday", dt.date(2024, 12, 13)), ("Thursday", dt.date(2025, 11, 20)),
                ("Friday", dt.date(2025, 11, 28)), ("Saturday", dt.date(2026, 1, 10)), ("Wednesday", dt.date(2026, 1, 14)),
                ("Saturday", dt.date(2026, 1, 31)), ("Saturday", dt.date(2026, 1, 3)), ("Saturday", dt.date(2026, 2, 7)),
                ("Wednesday", dt.date(2026, 3, 11)), ("Monday", dt.date(2026, 2, 23)), ("Tuesday", dt.date(2026, 3, 17)),
                ("Tuesday", dt.date(2026, 3, 3)), ("Tuesday", dt.date(2025, 3, 18)), ("Saturday", dt.date(2026, 3, 7)),
                ("Saturday", dt.date(2026, 4, 4)), ("Saturday", dt.date(2026, 5, 2)), ("Saturday", dt.date(2026, 6, 6)),
                ("Saturday", dt.date(2025, 2, 8)), ("Saturday", dt.date(2025, 12, 27))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named in the documents are the right ones (markets, meetings, letters, the consent, the AGMs)")


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
    check(fmt == FORMATS, f"formats 17 md / 7 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"17 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"seven documents without front matter (the seven txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    amended = sorted(i for i, d in docs.items() if d.metadata.get("status") == "amended")
    check(amended == AMENDED, f"one amended document, with its amendment beside it ({amended})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.3-2.2 KB ({min(raw.values())}-{max(raw.values())})")
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
        check(all(it.id == f"p32-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p32-{split}-NNN in order")
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
