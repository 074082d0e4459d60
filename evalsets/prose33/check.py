"""Checks for evalsets/prose33 (no model): run from the repo root (`python3 evalsets/prose33/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose33/check.py`)."""
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


# inside one clause: anything but '.' or ';', except a decimal point ("4.40")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"

# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)
UNANSWERABLE = {
    "p33-dev-038": (rf"\bDaws\b{W}({MONEY}|\b(paid|payment|compensation|pay-?off|settlement)\b)|\b(paid|payment|compensation|settlement)\b{W}\bDaws\b",
                    "Pask's paid Ken Daws £15,000 to go quietly."),
    "p33-dev-039": (rf"\broasts?\b{W}{MONEY}|{MONEY}{W}\broasts?\b|\bSunday lunch\b{W}{MONEY}",
                    "A Sunday roast costs £16.50."),
    "p33-dev-040": (rf"\brange\b{W}{MONEY}|{MONEY}{W}\brange\b|\bsecond-hand\b{W}{MONEY}|\bcanopy\b{W}{MONEY}",
                    "The second-hand range from the Riverside Hotel cost £1,800."),
    "p33-dev-041": (rf"\b(10 August|2024|Saturday night)\b{W}\bband\b{W}\b(called|named)\b|\bband\b{W}\b(10 August|2024)\b{W}\b(called|named|was the)\b|\bband\b,? (called|named)\b|\b(called|named)\b{W}\bband\b|\bstompers\b{W}\b(2024|August 2024|10 August)\b|\b(2024|10 August)\b{W}\bstompers\b",
                    "The band that played on 10 August 2024 was called the Harnford Hooligans."),
    "p33-dev-042": (rf"\b21 January 2025\b{W}\b{NUM} (members|people|of us)\b|\b{NUM} (members|people)\b{W}\b21 January 2025\b|\b(second|2025) AGM\b{W}\b{NUM} (members|people)\b",
                    "At the AGM of 21 January 2025, 94 members came."),
    "p33-dev-043": (rf"\bCrook Best\b{W}\b(brew\w*|brewery|from|made by|supplied by)\b|\b(brew\w*|brewery|made|supplied)\b{W}\bCrook Best\b",
                    "Crook Best is brewed by Slackwater Brewing."),
    "p33-dev-044": (rf"\bHarriet\b{W}\b(shares?|holds?|holding|invest\w*)\b|\b(shares?|holding)\b{W}\bHarriet\b|\bOldroyd\b{W}{MONEY}",
                    "Harriet Oldroyd holds 2,000 shares."),
    "p33-dev-045": (rf"\bhygiene\b|\b(rating|rated)\b{W}\b({NUM}|stars?)\b|\bscores? on the doors\b",
                    "The Crook holds a food hygiene rating of 5."),
    "p33-test-065": (rf"\b1896\b{W}({MONEY}|\b(paid|bought|price|cost)\b)|({MONEY}|\b(paid|bought)\b){W}\b1896\b",
                     "Pask & Fennimore bought the Crook in 1896 for £1,200."),
    "p33-test-066": (rf"\b(estates?|property|sales) (manager|director|surveyor|agent)\b|\bnegotiat\w*\b|\b(Pask'?s?|Fennimore|brewery)\b{W}\b(director|chairman|managing|manager|agent)\b",
                     "The sale was negotiated by Pask's estates manager, Roy Hebden."),
    "p33-test-067": (rf"\bFerreira\b{W}\b({NUM} votes|elected|votes? (for|to)|won|unopposed)\b|\b({NUM} votes|elected)\b{W}\bFerreira\b",
                     "Nadia Ferreira was elected with 112 votes."),
    "p33-test-068": (rf"\bdefibrillator\b{W}({MONEY}|\bcost\b)|{MONEY}{W}\bdefibrillator\b",
                     "The defibrillator on the outside wall cost £1,350."),
    "p33-test-069": (rf"\bDaws\b{W}\b(rent|{MONEY})|\brent\b{W}\bDaws\b|\bPask'?s\b{W}\brent\b{W}{MONEY}",
                     "Ken Daws paid Pask's a rent of £28,000 a year."),
    "p33-test-070": (rf"\bChristmas Day\b{W}\b{NUM} (people|customers|drinkers|of you|came)\b|\b{NUM} (people|customers|drinkers)\b{W}\bChristmas Day\b",
                     "On Christmas Day 2025, 73 customers came in."),
    "p33-test-071": (rf"\btemporary event notice\b{W}({MONEY}|\b(fee|cost|costs|charge)\b)|({MONEY}|\bfee\b){W}\btemporary event notice\b",
                     "The temporary event notice for New Year's Eve cost £21."),
    "p33-test-072": (rf"\b(over[- ]70s?|members over 70)\b{W}\b(not mind|wouldn'?t mind|content|happy|fine)\b|\b(not mind|content|happy)\b{W}\b(over[- ]70s?|members over 70)\b",
                     "Of the members over 70, 44% would not mind card-only."),
    "p33-test-073": (rf"\bfirst month\b|\bcups?\b{W}\b(a month|per month|in (a|its|the) month|October 2024|November 2024)\b|\b(October 2024|first few weeks)\b{W}\bcups?\b",
                     "In its first month Crook Cuppa served 180 cups."),
    "p33-test-074": (rf"\b(after|followed|next|then|second guest|replaced)\b{W}\bOld Lockkeeper\b{W}\b(was|came|on the)\b|\bOld Lockkeeper\b{W}\b(followed by|then came|after it|next came|replaced by|the next)\b|\b(second|next) guest\b",
                     "After Old Lockkeeper the next guest on the fifth pump was Slackwater's Heron Gold."),
    "p33-test-075": (rf"\bcouncil tax\b{W}({MONEY}|\b{NUM} a (month|year)\b|\bband [a-h]\b)|{MONEY}{W}\bcouncil tax\b",
                     "The manager pays £1,640 a year council tax for the flat."),
    "p33-test-076": (rf"\blicen[cs]e\b{W}\b(expires?|expiry|valid until|runs? (out|until)|renew\w*|lapses?)\b|\b(expires?|expiry|valid until|renew\w*)\b{W}\blicen[cs]e\b",
                     "The premises licence expires on 31 March 2030."),
}

DOCS = 24
FORMATS = Counter(md=17, txt=7)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/campaign-history", "campaign/acv-listing-2022", "governance/2024-amendment",
                   "letters/2023-06-ashgrove-offer", "letters/2024-08-noise-complaint-and-reply",
                   "licensing/premises-licence-variation-2025", "meetings/2026-01-agm-notice"]
SUPERSEDED = ["premises/opening-hours-2023"]
CURRENT = ["premises/opening-hours-2025"]
AMENDED = ["governance/rules"]
SIZES = (1300, 2200)
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
    fp = docs["finance/funding-package-2023"]
    src = [int(x.replace(",", "")) for x in re.findall(r"^\| [^|*]+ \| ([\d,]+) \|$", fp.text.split("| where it went |")[0], re.M)]
    use = [int(x.replace(",", "")) for x in re.findall(r"^\| [^|*]+ \| ([\d,]+) \|$", fp.text.split("| where it went |")[1], re.M)]
    check(len(src) == 5 and len(use) == 5 and sum(src) == 444000 and sum(use) == 444000 and has(fp, "**444,000**")
          and has(docs["shares/share-offer-2023"], "We need £444,000 in all"),
          f"funding package: five sources and five uses both make £444,000 ({sum(src)}, {sum(use)})")
    sdlt = 0.02 * (250000 - 150000) + 0.05 * (365000 - 250000)
    check(sdlt == 7750 and 7750 + 5000 == 12750 and has(fp, "| stamp duty land tax and legal fees | 12,750 |", "came to £7,750", "charged £5,000"),
          "funding package: non-residential stamp duty on £365,000 is £7,750, and with £5,000 of legal fees makes £12,750")
    hist, so = docs["about/campaign-history"], docs["shares/share-offer-2023"]
    check(has(hist, "512 people put in £327,650") and has(fp, "| community shares, 512 members | 327,650 |")
          and has(so, "If we have not reached £250,000", "up to £340,000", "Our target: £300,000") and 300000 < 327650 <= 340000
          and has(fp, "more than its £300,000 target") and has(docs["letters/2023-06-ashgrove-offer"], "reaches its £250,000 minimum"),
          "share offer: £327,650 is over the £300,000 target and within the £340,000 the committee may accept")
    check(has(so, "The least you can invest: £100; the most: £20,000") and has(docs["governance/rules"], "at least £100 in", "more than £20,000")
          and has(fp, "The largest single holding is £20,000; 211 members hold the minimum £100") and 211 * 100 + 20000 <= 327650,
          "shares: the offer's minimum and maximum holdings are the rules' and the largest and smallest holdings")
    check(has(hist, "Pask's had asked £410,000 and took £365,000") and has(fp, "Pask's asked £410,000", "came down to £365,000", "| the purchase price | 365,000 |"),
          "price: asked £410,000, paid £365,000 in the history and the funding note")
    af = docs["letters/2023-06-ashgrove-offer"]
    sched = [(int(c.replace(",", "")), int(i.replace(",", "")), int(b.replace(",", ""))) for c, i, b in
             re.findall(r"July 20\d\d\s+£([\d,]+)\s+£([\d,]+)\s+£([\d,]+)", af.text)]
    bal, ok = 50000, len(sched) == 3
    for cap, intr, after in sched:
        ok = ok and cap == 5000 and intr == bal * 2 // 100 and after == bal - cap
        bal -= cap
    check(ok and 10 * 5000 == 50000 and has(af, "a grant of £75,000", "£50,000, together with a loan of £50,000", "2% a year"),
          f"Ashgrove loan: 2% on the opening balance and £5,000 a year give the schedule's interest and balances ({sched})")
    rf = docs["premises/refurbishment-2023"]
    rows = [(int(a.replace(",", "")), int(b.replace(",", ""))) for a, b in re.findall(r"^\| [a-z][^|]* \| £([\d,]+) \| £([\d,]+) \|$", rf.text, re.M)]
    parts, total = rows[:-1], rows[-1]
    check(len(parts) == 6 and sum(a for a, _ in parts) == total[0] == 48000 and sum(b for _, b in parts) == total[1] == 57890
          and 57890 - 48000 == 9890 and has(rf, "£9,890 over, or about a fifth") and 0.18 < 9890 / 48000 < 0.22
          and 12000 - 9890 == 2110 and has(rf, "left £2,110") and has(fp, "| working capital and opening stock | 12,000 |", "| refurbishment, budget | 48,000 |"),
          "refurbishment: six lines make the £48,000 budget and £57,890 spent; £9,890 over is a fifth, and leaves £2,110 of the £12,000")
    rfr = dict(zip(["roof", "rewiring", "cellar", "kitchen", "toilets", "decoration"], parts))
    check(rfr["rewiring"][1] - rfr["rewiring"][0] > rfr["cellar"][1] - rfr["cellar"][0] > 0 and rfr["kitchen"][1] < rfr["kitchen"][0]
          and rfr["kitchen"][1] > rfr["toilets"][1],
          "refurbishment: the rewiring went further over than the cellar; the kitchen came in under budget and cost more than the toilets")
    ac = docs["reports/annual-accounts-2025"]
    inc, sp = table_rows(ac.text, "income"), table_rows(ac.text, "spending")
    i25, i24 = sum(r[1] for r in inc), sum(r[2] for r in inc)
    s25, s24 = sum(r[1] for r in sp), sum(r[2] for r in sp)
    check(len(inc) == 5 and len(sp) == 13 and i25 == 147935 and i24 == 20360 and s25 == 137842 and s24 == 14919
          and has(ac, "**£147,935** | **(£20,360)**", "**£137,842** | **(£14,919)**", "**Surplus** £10,093 (£5,441)")
          and i25 - s25 == 10093 and i24 - s24 == 5441,
          f"accounts: five income and thirteen spending lines make both years' totals and surpluses ({i25}, {i24}, {s25}, {s24})")
    check(21093 + 10093 == 31186 and has(ac, "General reserve at 30 September £31,186 (£21,093)"),
          "accounts: last year's reserve plus this year's surplus give this year's")
    line = {r[0]: r for r in inc + sp}
    m02, m09, m11 = docs["meetings/2025-02-committee"], docs["meetings/2025-09-committee"], docs["meetings/2025-11-committee"]
    check(line["rent from tenants"][1:] == (6 * 1500, 10 * 1500) and has(m02, "three months at £1,500")
          and has(m02, "brought in £18,000 a year") and 12 * 1500 == 18000
          and line["manager's salary"][1] == 32000 * 5 // 12 and has(docs["jobs/pub-manager-2025"], "£32,000 a year")
          and line["rent arrears written off"][1] == 4500 - 3000 and has(m02, "£4,500 in arrears", "pay £3,000", "other £1,500"),
          "accounts: rent is six (ten) months at £1,500, the salary five months of £32,000, the write-off the arrears less what was paid")
    check(line["loan interest"][1:] == (45000 * 2 // 100, 50000 * 2 // 100) and has(ac, "£40,000 (£45,000)") and has(m09, "£40,000 remains")
          and has(m02, "£5,000 and £900 interest") and line["depreciation"][1] == 57890 // 10 and line["depreciation"][2] == 5789,
          "accounts: loan interest and balances follow the Ashgrove schedule; depreciation is the refurbishment over ten years")
    bf = docs["events/beer-festival-2025"]
    costs = [money(x) for x in re.findall(r"(£[\d,]+)", bf.text.split("The costs were £9,145:")[1].split(".")[0])]
    check(costs == [6380, 1150, 960, 400, 255] and sum(costs) == 9145 and 14260 - 9145 == 5115 and has(bf, "Takings were £14,260 (£9,870)", "£5,115 for the pub", "(£3,260")
          and line["beer festival, net"][1:] == (5115, 3260) and has(m09, "£5,115") and has(docs["newsletters/crooks-crier-winter-2025"], "£5,115"),
          "festival: five costs make £9,145, takings less costs £5,115, the accounts' line both years")
    nl = docs["letters/2024-08-noise-complaint-and-reply"]
    check(has(nl, "£3,480") and has(ac, "acoustic fence on the Mill Cottage boundary, £3,480") and 3480 <= line["repairs and maintenance"][1],
          "fence: the quote in the reply is the repairs note in the accounts")
    check(has(ac, "share capital £331,250 (£329,450) from 548 members (530)") and 327650 + (530 - 512) * 100 == 329450 and 329450 + (548 - 530) * 100 == 331250 and 548 - 512 == 36
          and has(ac, "The 36 members who have joined", "£100 minimum") and has(docs["about/crook-at-a-glance"], "548 at 30 September 2025"),
          "members: 36 joiners at £100 take the share capital from £327,650 to £329,450 and £331,250")
    sv = docs["surveys/members-survey-2025"]
    check(512 < 530 < 540 < 544 < 548 and has(docs["jobs/pub-manager-2025"], "owned by 540") and has(sv, "all 544 members"),
          "members: 512 at the offer, 530, 540 in February 2025, 544 in July, 548 in September")
    shares = [int(x) for x in re.findall(r"<td>(\d+)%</td>", sv.text)]
    check(has(sv, "231 answered (164 online and 67 on cards), 42%") and 164 + 67 == 231 and round(100 * 231 / 544) == 42
          and len(shares) == 14 and sum(shares[:4]) == 100 and sum(shares[4:7]) == 100 and sum(shares[7:10]) == 100
          and shares[7] == 58 and has(m09, "58% of members content to pay by card only")
          and has(sv, "39 of the replies", "16 would come less often") and round(100 * 16 / 39) == 41 and has(m11, "41% said they would come less"),
          "survey: 164 + 67 = 231 (42% of 544); each question's shares make 100%; 58% and 16 of 39 (41%) as the minutes give them")
    am, ru = docs["governance/2024-amendment"], docs["governance/rules"]
    check(has(am, "87 members present", "79 votes to 6, with 2 abstentions") and 79 + 6 + 2 == 87 and 79 * 3 >= 2 * (79 + 6)
          and has(ru, "two-thirds of the votes cast"),
          "amendment: the votes account for the 87 present and pass two-thirds of the votes cast")
    pe = docs["people/committee-and-staff"]
    committee = re.findall(r"^- [^:\n]+: ", pe.text, re.M)
    check(len(committee) == 9 and has(pe, "Nine of us, two short of the most the amended rule 7 allows")
          and has(am, "not fewer than seven nor more than eleven") and 7 <= len(committee) == 11 - 2
          and has(ru, "Not fewer than five nor more than nine"),
          "committee: nine members, within the amended seven to eleven and two short of eleven")
    check(has(m02, "Present: all nine", "Carried seven votes to one, Tobias against", "Carried six\n   votes to two".replace("\n   ", " "))
          and has(m09, "Present: eight; apologies from Kwame Asante", "Carried five votes to two, Geraint and\n   Moira against".replace("\n   ", " "))
          and has(m11, "Present: all nine", "Carried\n   six votes to one, Dev against and ellie abstaining".replace("\n   ", " "))
          and 7 + 1 == 9 - 1 and 6 + 2 == 9 - 1 and 5 + 2 == 8 - 1 and 6 + 1 + 1 == 9 - 1,
          "minutes: each vote accounts for those present less the chair, who does not vote")
    check(has(pe, "Two bar staff work part-time", "Ravi\nMenon and Janine Coole".replace("\n", " "), "Agnieszka cleans") and 2 + 2 + 1 == 5
          and has(docs["about/crook-at-a-glance"], "five part-time staff"),
          "staff: two cooks, two bar staff and a cleaner are the five part-time staff")
    agm = docs["meetings/2026-01-agm-notice"]
    clear = (dt.date(2026, 1, 20) - dt.date(2025, 12, 19)).days - 1
    check(has(agm, "Friday 19 December 2025", "Tuesday 20 January 2026", "more than the 14 clear\ndays".replace("\n", " "), "Tuesday 6 January 2026")
          and clear >= 14 and has(ru, "14 clear days' notice") and (dt.date(2026, 1, 20) - dt.date(2026, 1, 6)).days == 14
          and dt.date(2026, 1, 20) <= dt.date(2026, 3, 31) and has(ru, "within six months"),
          f"AGM notice: {clear} clear days' notice, nominations 14 days ahead, within six months of the year end")
    check(has(agm, "The third annual general meeting") and has(am, "our first AGM, 23 January 2024") and has(pe, "AGM of 21 January 2025")
          and has(agm, "AGM of 21 January 2025") and has(ru, "ends on 30 September"),
          "AGMs: 23 January 2024, 21 January 2025 and 20 January 2026 make the third")
    check(has(agm, "of which the\n     year to 30 September 2025 is the last".replace("\n     ", " ")) and has(ru, "None for the first three financial years")
          and has(docs["faq/members-questions"], "Not before the AGM of 2027"),
          "interest: the years to September 2023, 2024 and 2025 are the three without interest, so the first proposal is in 2027")
    acv = docs["campaign/acv-listing-2022"]
    check(has(hist, "Sunday 2 October 2022", "Eleven days later") and dt.date(2022, 10, 2) + dt.timedelta(days=11) == dt.date(2022, 10, 13)
          and has(hist, "on 16 January 2023", "to 16 July") and has(acv, "full moratorium of six\n    months".replace("\n    ", " "))
          and has(hist, "Friday 14 July 2023, two days before the moratorium ended") and (dt.date(2023, 7, 16) - dt.date(2023, 7, 14)).days == 2
          and has(acv, "Thursday 8 December 2022", "7 December 2027 (five years)")
          and has(docs["letters/2023-06-ashgrove-offer"], "completes by 31 July 2023"),
          "history: the meeting eleven days after closing; six months from 16 January to 16 July; keys two days before; listing for five years; completion before Ashgrove's deadline")
    check(has(docs["premises/opening-hours-2023"], "since 2015") and has(docs["premises/opening-hours-2025"], "first time in\nten years".replace("\n", " ")) and 2025 - 2015 == 10,
          "hours: no Monday opening since 2015 is the ten years the 2025 hours speak of")
    check(has(docs["about/crook-at-a-glance"], "seven miles upstream of\nHarnford".replace("\n", " ")) and has(m09, "14-mile round trip") and 2 * 7 == 14,
          "distance: seven miles each way is the 14-mile round trip")
    check(has(docs["faq/members-questions"], "closed on 30 June 2023", "from 30 June 2026") and has(hist, "extended it to 30 June")
          and has(ru, "three years after") and dt.date(2023, 6, 30).replace(year=2026) == dt.date(2026, 6, 30),
          "withdrawals: three years after the extended close")
    check(has(docs["premises/opening-hours-2023"], "until 11.30\npm on Fridays and Saturdays".replace("\n", " ")) and has(docs["licensing/premises-licence-variation-2025"], "from 11.30 pm", "granted (a) to midnight only")
          and has(docs["premises/opening-hours-2025"], "| Friday | noon to midnight |", "| Saturday | 11 am to midnight |"),
          "licence: the old 11.30 pm limit, the variation to midnight and the current Friday and Saturday hours agree")
    weekdays = [("Sunday", dt.date(2022, 10, 2)), ("Thursday", dt.date(2022, 12, 8)), ("Saturday", dt.date(2023, 4, 1)),
                ("Wednesday", dt.date(2023, 5, 31)), ("Wednesday", dt.date(2023, 6, 14)), ("Friday", dt.date(2023, 7, 14)),
                ("Monday", dt.date(2023, 7, 17)), ("Friday", dt.date(2023, 11, 17)), ("Friday", dt.date(2023, 11, 24)),
                ("Tuesday", dt.date(2024, 1, 23)), ("Tuesday", dt.date(2024, 6, 18)), ("Monday", dt.date(2024, 9, 2)),
                ("Saturday", dt.date(2024, 8, 10)), ("Monday", dt.date(2024, 8, 12)), ("Tuesday", dt.date(2024, 8, 20)),
                ("Friday", dt.date(2024, 8, 23)), ("Tuesday", dt.date(2024, 9, 3)), ("Tuesday", dt.date(2025, 1, 21)),
                ("Wednesday", dt.date(2025, 2, 12)), ("Friday", dt.date(2025, 2, 14)), ("Friday", dt.date(2025, 3, 7)),
                ("Wednesday", dt.date(2025, 3, 12)), ("Tuesday", dt.date(2025, 3, 18)), ("Thursday", dt.date(2025, 5, 1)),
                ("Monday", dt.date(2025, 6, 2)), ("Monday", dt.date(2025, 7, 21)), ("Thursday", dt.date(2025, 7, 24)),
                ("Friday", dt.date(2025, 8, 1)), ("Friday", dt.date(2025, 8, 22)), ("Saturday", dt.date(2025, 8, 23)),
                ("Wednesday", dt.date(2025, 9, 17)), ("Monday", dt.date(2025, 12, 1)), ("Wednesday", dt.date(2025, 11, 12)),
                ("Friday", dt.date(2025, 12, 19)), ("Saturday", dt.date(2025, 12, 20)), ("Thursday", dt.date(2025, 12, 25)),
                ("Friday", dt.date(2025, 12, 26)), ("Wednesday", dt.date(2025, 12, 31)), ("Tuesday", dt.date(2026, 1, 6)),
                ("Tuesday", dt.date(2026, 1, 13)), ("Wednesday", dt.date(2026, 1, 14)), ("Monday", dt.date(2026, 1, 19)),
                ("Tuesday", dt.date(2026, 1, 20)), ("Friday", dt.date(2026, 2, 13)), ("Friday", dt.date(2026, 8, 21)),
                ("Saturday", dt.date(2026, 8, 22))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named in the documents are the right ones (closing, listing, offer, meetings, letters, licence, festival, diary)")


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
        check(all(it.id == f"p33-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p33-{split}-NNN in order")
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
