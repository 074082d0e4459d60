"""Checks for evalsets/prose37 (no model): run from the repo root (`python3 evalsets/prose37/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose37/check.py`)."""
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

PREFIX = "p37"
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


# inside one clause: anything but '.' or ';', except a decimal point ("1.2 tonnes", "£4,212.65")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|a few|several)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"

# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)

UNANSWERABLE = {
    "p37-dev-038": (rf"\b2023\b{W}(\bteas?\b|\bcups?\b|{MONEY})|\bteas?\b{W}\b2023\b",
                    "In 2023 the teas took £2,410."),
    "p37-dev-039": (rf"\bdriver\b,? (was|named|called)\b|\bdriver\b, \w+ \w+,|\b(named|called)\b{W}\bdriver\b|\bdriven by\b|\bdriver's name\b",
                    "The driver, Gary Lumsden, would not move."),
    "p37-dev-040": (rf"\bCold Spring\b{W}\bcones\b|\bcones\b{W}\bCold Spring\b|\b{NUM} (alder )?cones\b",
                    "The Cold Spring board took about two thousand alder cones."),
    "p37-dev-041": (rf"\b2024\b{W}\b(showed|depicted|was of|pictured)\b|\b(showed|depicted|pictured)\b{W}\b2024\b",
                    "In 2024 the Hall Well showed the Baptism of Christ."),
    "p37-dev-042": (rf"\bceilidh\b{W}\b(band|caller|played by|music by|musicians)\b|\b(band|caller|musicians)\b{W}\bceilidh\b",
                    "The ceilidh band was the Edge Lane Stompers."),
    "p37-dev-043": (rf"\bAGM\b{W}\b{NUM} (members|people) (were present|attended|came)\b|\b{NUM} (members|people) (were present|attended|came)\b",
                    "At the AGM 34 members were present."),
    "p37-dev-044": (rf"\bbasin\b{W}\b[\d.]+ ?(m|cm|mm|metres?|inches|feet|foot)\b|\b(deep|depth)\b{W}\bbasin\b|\bbasin\b{W}\b(deep|depth)\b",
                    "The Hall Well's basin is 0.6 m deep."),
    "p37-dev-045": (rf"\b1963\b{W}{MONEY}|{MONEY}{W}\b1963\b|\b1963\b{W}\b(cost|charged|paid)\b",
                    "In 1963 the boards cost £45."),
    "p37-test-065": (rf"\b2023\b{W}\b(visitors|people came|came)\b|\b(visitors|people)\b{W}\b2023\b",
                     "In 2023 about 8,900 visitors came."),
    "p37-test-066": (rf"\b1984\b{W}\b(picture|showed|design|depicted|subject)\b|\b(picture|showed|design|depicted)\b{W}\b1984\b",
                     "Its last picture, in 1984, showed Noah's Ark."),
    "p37-test-067": (rf"\bcurator\b|\bMuseum\b{W}\b(director|keeper|named|called)\b",
                     "The curator, Joan Brindle, accepted it."),
    "p37-test-068": (rf"\bCold Spring\b{W}\bbuckets\b|\bbuckets\b{W}\bCold Spring\b",
                     "The Cold Spring needed twelve buckets of flowers."),
    "p37-test-069": (rf"\bcouncillors?\b{W}\b(came|attended|was there|joined|was present|were present)\b|\bCllr\b|\bCouncillor [A-Z][a-z]+\b",
                     "Councillor Mary Oddie came to the blessing."),
    "p37-test-070": (rf"\bceilidh\b{W}\b(raised|made|took|profit|brought in)\b|\b(raised|made|took|profit)\b{W}\bceilidh\b",
                     "The ceilidh raised £640."),
    "p37-test-071": (rf"\bTap Well\b{W}\b{NUM} hours\b|\bhours\b{W}\bTap Well\b",
                     "The Tap Well took about 210 hours."),
    "p37-test-072": (rf"\b(before|previous|preceded|predecessor|took over from|succeeded)\b{W}\bchair\b|\bchair\b{W}\b(before 2018|until 2018|previous|predecessor|took over from|succeeded)\b|\bchair (from|between) \d{{4}} (to|and) 2018\b",
                     "Before Verity, the chair was Harold Ibbotson."),
    "p37-test-073": (rf"\bHall Well\b{W}\bbox\b{W}{MONEY}|\bbox\b{W}\bHall Well\b{W}{MONEY}|{MONEY}{W}\bbox at the Hall Well\b",
                     "The box at the Hall Well held £1,310.20."),
    "p37-test-074": (rf"\blitres?\b|\bgallons?\b|\bflow rate\b",
                     "It gives about 40 litres a minute."),
    "p37-test-075": (rf"\bTap Well\b{W}\bhymn\b|\bhymn\b{W}\bTap Well\b",
                     "At the Tap Well the hymn was Morning has broken."),
    "p37-test-076": (rf"\bguided walk\b{W}\b2024\b|\b2024\b{W}\bguided walk\b|\bwalk\b{W}\blast year\b",
                     "In 2024 the guided walk cost £2."),
}

DOCS = 25
FORMATS = Counter(md=20, txt=5)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "events/blessing-service-2025", "fund/heritage-grant-letter-2025",
                   "letters/2025-06-coach-and-loudspeaker-complaint-and-reply", "meetings/2025-10-agm-notice"]
SUPERSEDED = ["designs/design-policy-2019"]
CURRENT = ["designs/design-policy-2025"]
SIZES = (1500, 2700)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> Decimal:
    return Decimal(0) if text == "nil" else Decimal(re.sub(r"[£,()*]", "", text))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def table(text: str, header: str) -> list[tuple[str, Decimal, Decimal]]:
    """Rows (label, 2025, 2024) of the accounts' pipe table whose header row starts with `header`."""
    block = text.split(f"| {header} |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| ([^|*]+?) \| (£[\d,.]+|nil) \| \((£[\d,.]+|nil)\) \|$", block, re.M)
    return [(label, money(a), money(b)) for label, a, b in rows]


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts, votes and dates the documents state agree with their parts and with each
    other (the golds are all written in their evidence; a corpus whose totals did not add up would
    make a careful reader doubt the right figure)."""
    qt, ar, wf = docs["boards/hall-well-boards-quotes-2025"], docs["reports/annual-report-2025"], docs["fund/wells-fund-grants-2025"]
    gr, m01, m03 = docs["fund/heritage-grant-letter-2025"], docs["meetings/2025-01-committee"], docs["meetings/2025-03-committee"]
    m09, agm, nl = docs["meetings/2025-09-committee"], docs["meetings/2025-10-agm-notice"], docs["newsletters/well-spring-summer-2025"]
    wb, des, wk = docs["wells/wells-and-boards"], docs["designs/designs-2025"], docs["events/dressing-week-2025"]
    cs, bw, hi = docs["wells/cold-spring"], docs["wells/butts-well-revival"], docs["about/history"]
    ppl, gl, faq = docs["people/committee-and-captains"], docs["about/at-a-glance"], docs["about/visitor-faq"]
    clay, pet, bl = docs["craft/clay-puddling"], docs["craft/petalling-week-2025"], docs["events/blessing-service-2025"]

    rows = re.findall(r"^\| (main board|two side boards|nailing the faces|delivery to the tithe barn) \| £([\d,]+)[^|]*\| £([\d,]+)[^|]*\|$", qt.text, re.M)
    cl, aw = [money(r[1]) for r in rows], [money(r[2]) for r in rows]
    check(len(rows) == 4 and sum(cl) == 2640 and sum(aw) == 2180 and cl[1] == 2 * 420 and aw[1] == 2 * 300
          and has(qt, "**£2,640** | **£2,180**", "20%, £436", "**£2,640** | **£2,616**") and sum(aw) * Decimal("0.2") == 436
          and sum(aw) + 436 == 2616 and 2640 - 2180 == 460 and 2640 - 2616 == 24 and has(qt, "£460 cheaper", "£24 cheaper")
          and aw[3] > cl[3] and aw[2] > cl[2] and sum(cl) > sum(aw),
          f"quotes: Clegg & Hibbert's four lines make £2,640, Ashwood's £2,180 (£2,616 with 20% VAT); £460 and £24 apart ({cl}, {aw})")
    gi, gp = table(ar.text, "receipts"), table(ar.text, "payments")
    r25, r24, p25, p24 = (sum(r[1] for r in gi), sum(r[2] for r in gi), sum(r[1] for r in gp), sum(r[2] for r in gp))
    check(len(gi) == 7 and len(gp) == 10 and (r25, r24, p25, p24) == (Decimal("11647.65"), Decimal("9263.10"), 7860, 4693)
          and has(ar, "**£11,647.65** | **(£9,263.10)**", "**£7,860.00** | **(£4,693.00)**", "Surplus for the year £3,787.65 (£4,570.10)")
          and r25 - p25 == Decimal("3787.65") and r24 - p24 == Decimal("4570.10")
          and Decimal("8412.35") + r25 - p25 == Decimal("12200.00") and has(ar, "£12,200.00 (£8,412.35)") and Decimal("12200") >= 5000,
          f"accounts: seven receipt and ten payment lines make both years' totals, surpluses and balances ({r25}, {r24}, {p25}, {p24})")
    line = {r[0]: r for r in gi + gp}
    check(line["Top Field car park"][1:] == (465 * 4, 378 * 4) and has(ar, "465 cars in Top Field (378)", "465 cars at £4")
          and has(m09, "465 cars in Top Field") and has(faq, "£4 a car") and has(m03, "stay at £4") and has(m01, "from £4 to £5")
          and line["coach bookings"][1:] == (14 * 25, 12 * 20) and has(ar, "fourteen at £25 (twelve at £20)", "14 coaches (12)")
          and has(faq, "£25 a coach") and has(m09, "Fourteen coaches were booked"),
          "accounts: the car park is 465 (378) cars at £4, the charge rise rescinded; coaches 14 at £25 (12 at £20)")
    check(line["new Hall Well boards"][1] == 2640 == 1200 + 1440 and line["district council heritage grant"][1] == 1200
          and has(m03, "The other £1,440") and has(ar, "£1,440 from our own money") and has(m09, "invoice of £2,640")
          and line["insurance"][1:] == (428, 401) and has(m03, "at £428 (£401 last year)")
          and line["collecting boxes at the wells"][1] == Decimal("4212.65") and has(m09, "£4,212.65 from the boxes")
          and has(nl, "a little over £4,200") and line["teas in the village hall"][1] == 2905 and has(m09, "£2,905 from teas")
          and 190 <= line["flowers, seeds and other materials"][1] and has(ar, "£190 of the £742")
          and line["Wells Fund grants"][1:] == (2150, 1800),
          "accounts: boards (grant plus £1,440), insurance, boxes, teas, flowers and grants agree with the minutes, the newsletter and the fund page")
    grows = re.findall(r"^\| ([^|]+?) \| £([\d,]+) \| £([\d,]+) \| [^|]+ \|$", wf.text, re.M)
    asked, granted = [money(r[1]) for r in grows], [money(r[2]) for r in grows]
    turned = [money(x) for x in re.findall(r"\((£[\d,]+)\)", wf.text.split("Four applications were turned down", 1)[1].split("**", 1)[0])]
    check(len(grows) == 5 and sum(granted) == 2150 and all(g <= a for a, g in zip(asked, granted)) and len(turned) == 4
          and sum(asked) + sum(turned) == 5420 and 5 + 4 == 9 and has(wf, "We had nine, asking for £5,420", "had £2,150 to give", "four grants, totalling £1,800")
          and has(m03, "Five grants agreed, £2,150") and dict((r[0], money(r[2])) for r in grows)["Hathercliffe Youth Club"] == 350
          and dict((r[0], money(r[2])) for r in grows)["Sellow Valley Brass"] == 300 and has(wf, "reserve we keep back first is £5,000") and has(ar, "reserve of £5,000"),
          f"Wells Fund: five grants make £2,150, and with the four turned down the nine asked £5,420 ({granted}, {turned})")
    check(has(gr, "Requested:    £1,800", "Awarded:      £1,200", "twenty-three applications", "£31,650", "budget of £12,000")
          and 31650 > 12000 and 1200 < 1800 and has(m01, "asking for £1,800") and has(m03, "£1,200 of the £1,800")
          and dt.date(2025, 3, 3) < dt.date(2025, 3, 7) < dt.date(2025, 3, 11) < dt.date(2025, 3, 28)
          and dt.date(2025, 1, 31) < dt.date(2025, 3, 3) and has(m09, "by 31 January") and has(gr, "by 31 January 2026"),
          "heritage grant: £1,200 of £1,800; twenty-three bids for £31,650 against £12,000; applied, decided, written and minuted in order")
    check(has(m01, "Present: nine", "seven votes to one", "six votes to one, Esme against, Arnie abstaining", "five votes to three")
          and 7 + 1 == 9 - 1 and 6 + 1 + 1 == 9 - 1 and 5 + 3 == 9 - 1
          and has(m03, "Present: all eleven", "nine votes to none, Anita abstaining", "eight votes to one", "did not vote")
          and 9 + 0 + 1 == 11 - 1 and 8 + 1 + 1 == 11 - 1 and has(qt, "eight votes to one", "Martin Clegg not voting")
          and has(m09, "Present: ten", "nine votes to none") and 9 == 10 - 1 and has(ppl, "The chair votes only to break a tie"),
          "votes: each accounts for those present less the chair (and in March Martin, who declared an interest)")
    votes = {m[0]: int(m[1]) for m in re.findall(r"^\| (Hall Well|Tap Well|Cold Spring) \|[^\n]*\| (\d+) of 84 \|$", des.text, re.M)}
    check(votes == {"Hall Well": 51, "Tap Well": 47, "Cold Spring": 48} and all(v <= 84 for v in votes.values())
          and votes["Cold Spring"] - 15 + votes["Cold Spring"] <= 84 and has(des, "by fifteen votes", "Ten drawings", "84 people voted", "four drawings for this well", "two drawings for this well")
          and 4 + 2 + 2 + 1 + 1 == 10 and has(m03, "84 people voted for ten drawings") and votes["Hall Well"] > votes["Cold Spring"]
          and has(docs["designs/design-policy-2025"], "In 2024 we had two drawings"),
          f"designs: 51, 47 and 48 of 84 votes; the Cold Spring's winner beat the other by fifteen within 84; ten drawings (4+2+2+1+1) ({votes})")
    brd = {b: (Decimal(h), Decimal(w)) for b, h, w in re.findall(r"^\| (\w\w\d) \| [^|]+ \| ([\d.]+) m × ([\d.]+) m \|", wb.text, re.M)}
    area = {b: h * w for b, (h, w) in brd.items()}
    by_size = sorted(area, key=area.get)
    check(len(brd) == 8 and by_size[0] == "TW2" and by_size[1] == "SW1" and has(wb, "the smallest but one", "Five wells, eight boards")
          and area["BW1"] > area["SW1"] and area["TW1"] > area["CS1"] and brd["HW1"] == (Decimal("2.4"), Decimal("1.5"))
          and has(docs["boards/hall-well-boards-quotes-2025"], "2.4 m by 1.5 m", "2.4 m by 0.5 m") and brd["HW2"] == brd["HW3"] == (Decimal("2.4"), Decimal("0.5"))
          and brd["BW1"] == (Decimal("1.2"), Decimal("1.2")) and has(bw, "1.2\nmetres square".replace("\n", " ")) and brd["CS1"] == (Decimal("1.5"), Decimal("1.0"))
          and has(cs, "1.5 metres by 1 metre"),
          f"boards: eight on the register; the School Well's the smallest but one; sizes agree with the quotes and the well pages ({by_size})")
    check(1984 + 41 == 2025 and has(gl, "forty-one years") and has(bw, "once every\nforty-one years".replace("\n", " "))
          and 1953 + 72 == 2025 and has(nl, "seventy-two years") and has(hi, "1953") and has(m03, "in 1953")
          and 1989 + 35 == 2024 and has(m01, "thirty-five years") and has(cs, "thirty-five years") and has(ppl, "from 1989 until he retired after the 2024 dressing")
          and 2025 - 26 + 1 == 2000 and has(clay, "twenty-sixth year", "seventy-eight") and has(m09, "after twenty-six years") and has(nl, "twenty-six years")
          and 2018 + 7 == 2025 and has(ppl, "chair (since 2018)") and has(agm, "after seven years")
          and 2024 - 1996 + 1 == 29 and has(ppl, "from 1996 to 2024") and has(des, "twenty-nine years running", "thirtieth")
          and 1818 + 200 == 2018 and has(hi, "bicentenary was kept in 2018") and has(gl, "since 2004"),
          "years: 1984 + 41, 1953 + 72, Sid's 35 from 1989, Arnie's 26th year from 2000, Verity's seven from 2018, Peg's 29 from 1996, 1818 + 200")
    check(330 + 150 + 140 <= 1050 and has(m09, "about 1,050 hours", "330 of them at the Hall Well") and has(cs, "about\n150 hours".replace("\n", " "))
          and has(bw, "about 140 hours") and 310 <= 780 and has(pet, "about 310 hours", "about 780") and has(ar, "about 1,050 volunteer\nhours (about 780)".replace("\n", " "))
          and 11400 - 9800 == 1600 and has(nl, "sixteen hundred more") and has(m09, "11,400 visitors, against 9,800")
          and 8 + 2 + 1 == 11 and has(cs, "eight Young Farmers, two of\ntheir mothers and Tamsin herself".replace("\n", " ")) and has(m03, "eight members")
          and 27 + 19 == 46 and has(cs, "upper flight of 27", "lower flight of 19", "46 stone steps"),
          "hours, visitors, dressers and steps: the parts fit the totals (330 + 150 + 140 within 1,050; 11,400 - 9,800; 27 + 19 = 46)")
    trinity = {y: easter(y) + dt.timedelta(days=56) for y in (2024, 2025, 2026)}
    start = {y: t + dt.timedelta(days=6) for y, t in trinity.items()}
    check(trinity[2025] == dt.date(2025, 6, 15) and start == {2024: dt.date(2024, 6, 1), 2025: dt.date(2025, 6, 21), 2026: dt.date(2026, 6, 6)}
          and trinity[2026] == dt.date(2026, 5, 31) and has(wk, "Trinity\nSunday falls on 15 June".replace("\n", " "), "1 June to 8 June", "Saturday 6 June 2026")
          and has(m09, "Trinity Sunday is 31 May") and (dt.date(2025, 6, 14) - dt.date(2025, 6, 8)).days <= 7
          and (dt.date(2026, 5, 30) - dt.date(2026, 5, 24)).days <= 7 and start[2026] - dt.date(2026, 5, 30) == dt.timedelta(days=7)
          and start[2025] - dt.date(2025, 6, 14) == dt.timedelta(days=7),
          "dates: dressing week starts the Saturday after Trinity Sunday in 2024, 2025 and 2026; soaking a week (or less) before puddling, puddling a week before")
    check((dt.date(2025, 10, 16) - dt.date(2025, 9, 25)).days == 21 >= 14 and has(agm, "three weeks before the meeting", "fourteen\ndays".replace("\n", " "))
          and has(agm, "quorum is fifteen members") and has(bl, "usually ends by four") and has(cs, "about a quarter to four")
          and has(faq, "about four o'clock"),
          "AGM notice: 25 September to 16 October is three weeks; the blessing's end at four fits the Cold Spring's quarter to four")
    weekdays = [("Tuesday", dt.date(2019, 2, 12)), ("Tuesday", dt.date(2025, 1, 14)), ("Tuesday", dt.date(2025, 2, 11)),
                ("Tuesday", dt.date(2025, 3, 11)), ("Tuesday", dt.date(2025, 4, 8)), ("Tuesday", dt.date(2025, 9, 9)),
                ("Tuesday", dt.date(2025, 10, 14)), ("Thursday", dt.date(2025, 3, 6)), ("Friday", dt.date(2025, 2, 28)),
                ("Sunday", dt.date(2025, 6, 8)), ("Saturday", dt.date(2025, 6, 14)), ("Monday", dt.date(2025, 6, 16)),
                ("Thursday", dt.date(2025, 6, 19)), ("Friday", dt.date(2025, 6, 20)), ("Saturday", dt.date(2025, 6, 21)),
                ("Sunday", dt.date(2025, 6, 22)), ("Wednesday", dt.date(2025, 6, 25)), ("Friday", dt.date(2025, 6, 27)),
                ("Saturday", dt.date(2025, 6, 28)), ("Sunday", dt.date(2025, 6, 29)), ("Saturday", dt.date(2024, 6, 1)),
                ("Saturday", dt.date(2026, 6, 6)), ("Saturday", dt.date(2026, 6, 13)), ("Sunday", dt.date(2026, 5, 24)),
                ("Saturday", dt.date(2026, 5, 30)), ("Thursday", dt.date(2025, 10, 16)), ("Friday", dt.date(2025, 5, 23)),
                ("Tuesday", dt.date(2026, 1, 6)), ("Sunday", dt.date(2025, 6, 15)), ("Sunday", dt.date(2026, 5, 31)),
                ("Saturday", dt.date(2025, 3, 1)), ("Monday", dt.date(2025, 3, 3))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named or implied in the documents are the right ones (meetings, deadlines, dressing week, 2026, the steps)")
    second_tuesdays = [dt.date(2025, 1, 14), dt.date(2025, 2, 11), dt.date(2025, 3, 11), dt.date(2025, 4, 8), dt.date(2025, 9, 9), dt.date(2025, 10, 14)]
    check(all(d.weekday() == 1 and 8 <= d.day <= 14 for d in second_tuesdays)
          and has(ppl, "second Tuesday of most months") and has(gl, "second Tuesday of the month"),
          "committee meetings fall on the second Tuesday of the month, as the people page says")


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
    check(sup == SUPERSEDED, f"one superseded document (the 2019 design policy) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.5-2.7 KB ({min(raw.values())}-{max(raw.values())})")
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
