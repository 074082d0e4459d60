"""Checks for evalsets/prose36 (no model): run from the repo root (`python3 evalsets/prose36/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose36/check.py`)."""
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

PREFIX = "p36"
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


# inside one clause: anything but '.' or ';', except a decimal point ("10.30", "£3,846.40")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"

# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)

UNANSWERABLE = {
    "p36-dev-038": (rf"\b2024\b{W}\bbuilding society\b|\bbuilding society\b{W}\b2024\b",
                    "In 2024 the Wendle Valley Building Society gave £1,000."),
    "p36-dev-039": (rf"\bdrove\b|\bdriven by\b|\bdriver (was|is|named|called)\b|\b(named|called)\b{W}\bdriver\b",
                    "The court lorry was driven by Stan Hebditch."),
    "p36-dev-040": (rf"\b2023\b{W}({MONEY}|\bcollection\b|\btins\b)|\b(collection|tins)\b{W}\b2023\b",
                    "The 2023 collection made £3,100."),
    "p36-dev-041": (rf"\bcomic\b{W}\b(3rd|third)\b|\b(3rd|third)\b{W}\bcomic\b",
                    "The third comic float, from the Kings Arms, scored 61."),
    "p36-dev-042": (rf"\bAround the World\b{W}\b(proposed|suggested|put forward)\b|\b(proposed|suggested|put forward)\b( by)? \w+( \w+)?,? Around the World\b",
                    "Around the World was proposed by Ray."),
    "p36-dev-043": (rf"\b(funfair|Loveridge)\w*\b{W}\bpremium\b|\bpremium\b{W}\b(funfair|Loveridge)\b",
                    "Jack Loveridge pays a premium of £610 for the funfair."),
    "p36-dev-044": (rf"\b{NUM} (barriers? )?(came back |were |was )?(bent|damaged)\b|\b(bent|damaged)\b{W}\b{NUM} barriers\b",
                    "Three barriers came back bent."),
    "p36-dev-045": (rf"\b2007\b{W}\bqueen\b|\bqueen\b{W}\b2007\b",
                    "The 2007 Carnival Queen was Amy Tozer."),
    "p36-test-065": (rf"\b1976\b{W}({MONEY}|\braised\b|\bmade\b)|\bRound Table\b{W}({MONEY}|\braised\b)",
                     "In 1976 the Round Table's carnival raised £640."),
    "p36-test-066": (rf"\b2024\b{W}\b{NUM} (members|people) (were present|attended|came)\b|\b{NUM} (members|people) (were present|attended|came)\b{W}\b2024\b",
                     "At the AGM of 21 November 2024, 27 members were present."),
    "p36-test-067": (rf"\bGolden Oldies\b{W}\b(\d+ (marks|points)|scored)\b|\b(scored|marks)\b{W}\bGolden Oldies\b",
                     "The Golden Oldies scored 58 marks."),
    "p36-test-068": (rf"\b(before|previous|preceded|predecessor|took over from|succeeded)\b{W}\bchair\b|\bchair\b{W}\b(before|until 2016|previous|predecessor|took over from|succeeded)\b",
                     "Before Gwen, the chair was Len Hosegood."),
    "p36-test-069": (rf"\bevents officer\b{W}\b(named|called|is|was)\b|\bevents officer\b,? (mr|mrs|ms|miss|dr)\b",
                     "The events officer was Tessa Quick."),
    "p36-test-070": (rf"\b1951\b{W}\b\d+(\.\d+)? ?(am|pm|o'clock)\b|\b(am|pm)\b{W}\b1951\b",
                     "In 1951 the procession started at 2 pm."),
    "p36-test-071": (rf"\b{NUM} drones\b|\bdrones\b{W}\b{NUM}\b",
                     "It would use 200 drones."),
    "p36-test-072": (rf"\bSaxby\b{W}(\"|“|\bcalled\b|\btitled?\b|\bnamed\b)",
                     "Saxby Young Farmers had built a float called \"Atlantis\"."),
    "p36-test-073": (rf"\bduck race\b{W}\b2024\b|\b2024\b{W}\bduck race\b",
                     "In 2024 the duck race raised £990."),
    "p36-test-074": (rf"\b(toilets?|units?|loos?)\b{W}{MONEY}{W}\b(each|a unit|per unit|apiece|a toilet)\b|{MONEY} (each|a unit|per unit|a toilet)\b{W}\btoilets?\b|\b(each|per) (toilet|unit)\b{W}{MONEY}",
                     "The toilets cost £80 a unit."),
    "p36-test-075": (rf"\bHartmoor\b,? (has|is a town of|a town of|with) (about |some |around )?[\d,]+ (people|inhabitants|residents)|\b[\d,]+ (people|inhabitants|residents) (live )?in Hartmoor\b|\bpopulation of Hartmoor\b|\bHartmoor's population\b",
                     "Hartmoor has about 30,000 people."),
    "p36-test-076": (rf"\b2024\b{W}\b{NUM} tins\b|\b{NUM} tins\b{W}\b2024\b|\btins\b{W}\b2024\b",
                     "In 2024 we issued 44 tins."),
}

DOCS = 25
FORMATS = Counter(md=18, txt=7)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "governance/2025-constitution-amendment", "grants/town-council-grant-2025",
                   "letters/2025-07-litter-and-noise-complaint-and-reply", "meetings/2025-11-agm-notice",
                   "money/street-collection-2025", "procession/road-closure-notice-2025"]
SUPERSEDED = ["procession/route-2024"]
CURRENT = ["procession/route-and-timings-2025"]
AMENDED = ["governance/constitution"]
SIZES = (1300, 2800)
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


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts, votes and dates the documents state agree with their parts and with each
    other (the golds are all written in their evidence; a corpus whose totals did not add up would
    make a careful reader doubt the right figure)."""
    bq, sp, sc = docs["safety/barrier-quotes-2025"], docs["money/sponsors-2025"], docs["money/street-collection-2025"]
    ac, ins, gr = docs["reports/annual-accounts-2025"], docs["safety/insurance-2025"], docs["grants/town-council-grant-2025"]
    m02, m05, m09 = docs["meetings/2025-02-committee"], docs["meetings/2025-05-committee"], docs["meetings/2025-09-committee"]
    agm, mp, res = docs["meetings/2025-11-agm-notice"], docs["procession/marshalling-plan-2025"], docs["competition/float-results-2025"]
    ct, hi, am = docs["court/carnival-court-2025"], docs["about/history"], docs["governance/2025-constitution-amendment"]
    let, pp, faq = docs["letters/2025-07-litter-and-noise-complaint-and-reply"], docs["procession/postponement-2025"], docs["competition/float-entry-faq-2025"]

    rows = [r for r in bq.text.splitlines() if r.startswith("| ") and not r.startswith("| item")
            and "total" not in r and "change of date" not in r]
    ash = [money(m) for r in rows for m in re.findall(r"£[\d,.]+", r.split("|")[2])[:1]]
    kes = [money(m) for r in rows for m in re.findall(r"£[\d,.]+", r.split("|")[3])[:1]]
    check(len(rows) == 4 and sum(ash) == 2664 and sum(kes) == 1440 and 120 * 12 == ash[0] and 120 * 9 == kes[0]
          and ash[3] == ash[0] / 10 and has(bq, "**£2,664** | **£1,440**", "**£3,196.80** | **£1,728**")
          and sum(ash) * Decimal("1.2") == Decimal("3196.80") and sum(kes) * Decimal("1.2") == 1728
          and Decimal("3196.80") - 1728 == Decimal("1468.80") and has(bq, "£1,468.80 less with VAT") and ash[1] > kes[1],
          f"barriers: Ashdene's four lines make £2,664 (£3,196.80 with VAT), Kestle's two £1,440 (£1,728), £1,468.80 apart ({ash}, {kes})")
    check(round(120 * 2.3) == 276 and has(bq, "about 275 metres") and 1468.80 < 1500 and has(bq, "very nearly the whole"),
          "barriers: 120 of 2.3 m is about 275 m; the saving is very nearly the £1,500 grant")
    src = [money(x) for x in re.findall(r"^\| [^|]+ \| (£[\d,]+) \| [^|]+ \|$", sp.text, re.M)]
    check(len(src) == 8 and sum(src) == 5050 and has(sp, "came to £5,050 against £3,900 from six") and 2 * 1200 == 2400
          and has(m05, "will give £1,200", "half the cost of the display", "its £1,500 as headline"),
          f"sponsors: eight lines from seven sponsors make £5,050; the £1,200 is half the £2,400 display ({src})")
    check(Decimal("1274.40") + Decimal("2155.00") + Decimal("417.00") == Decimal("3846.40")
          and has(sc, "£1,274.40", "£2,155.00", "£417.00", "£3,846.40", "(2024: £3,512.80)")
          and Decimal("1923.20") * 2 == Decimal("3846.40") and Decimal("961.60") * 4 == Decimal("3846.40")
          and has(sc, "48 issued, 48 returned") and 61 * 5 <= 417 and has(sc, "£417 in 61 taps")
          and has(docs["newsletters/carnival-crier-autumn-2025"], "£3,846.40", "Sixty-one of you paid by card")
          and has(m09, "£3,846.40, paid out on 8 August") and Decimal(3846) > 1000 and has(ins, "£1,000 in a private house overnight"),
          "collection: coins, notes and card make £3,846.40; half and two quarters; the tins exceed the £1,000 house cover, hence the safe")
    gi, gp, gc = table(ac.text, "receipts"), table(ac.text, "payments"), table(ac.text, "street collection, held for the good causes")
    r25, r24, p25, p24 = (sum(r[1] for r in gi), sum(r[2] for r in gi), sum(r[1] for r in gp), sum(r[2] for r in gp))
    check(len(gi) == 8 and len(gp) == 14 and (r25, r24, p25, p24) == (13227, 10763, 12063, 8822)
          and has(ac, "**£13,227** | **(£10,763)**", "**£12,063** | **(£8,822)**", "Surplus £1,164 (£1,941)", "leaving £9,323 (£8,159)")
          and r25 - p25 == 1164 and r24 - p24 == 1941 and 8159 + 1164 == 9323 and 9323 >= 6000 and has(ac, "at least £6,000 in reserve"),
          f"accounts: eight receipt and fourteen payment lines make both years' totals, surpluses and balances ({r25}, {r24}, {p25}, {p24})")
    check(len(gc) == 3 and gc[0][1] == Decimal("3846.40") and gc[0][2] == Decimal("3512.80") and gc[1][1] + gc[2][1] == gc[0][1]
          and gc[1][2] + gc[2][2] == gc[0][2] and gc[1][2] == gc[0][2] / 2,
          "accounts: the collection table pays out exactly what came in, half to the hospice, both years")
    line = {r[0]: r for r in gi + gp}
    check(line["sponsorship"][1:] == (5050, 3900) and line["Pellingford Town Council grant"][1] == 1500
          and has(gr, "Amount requested    £2,000", "Amount awarded      £1,500") and has(m05, "£1,500 arrived on 2 April")
          and line["crowd barriers"][1] == 1728 and line["road closure orders"][1] == 480 + 95 and 1728 + 575 >= 1500
          and has(m09, "the barriers cost £1,728", "the road closure £575") and has(m02, "the fee is £480 again")
          and has(docs["procession/road-closure-notice-2025"], "A variation fee of £95"),
          "accounts: sponsorship, the grant (£2,000 asked, £1,500 given and spent), the barriers and the order plus its £95 variation")
    check(line["insurance"][1:] == (1186, 742) and has(ins, "Premium: £1,186", "(£742 for 2024-25)", "extra £444") and 1186 - 742 == 444
          and has(m05, "Thornbury & Vell at\n   £1,186".replace("\n   ", " ")),
          "accounts: the insurance premium and last year's agree with the policy page; the rise is £444")
    check(line["fireworks"][1:] == (2400 + 150, 2400) and has(m02, "quoted £2,400 for twelve minutes, the same as 2024")
          and has(m09, "£95 for varying the road closure and £150 from Skyflare") and 95 + 150 == 245 and has(m09, "£245")
          and has(agm, "£4,800 for ten minutes, twice what the\nfireworks cost".replace("\n", " ")) and 4800 == 2 * 2400,
          "fireworks: £2,400 plus the £150 rebooking; the postponement's £95 and £150 are £245; the drone show is twice £2,400")
    check(line["prizes and trophies"][1] == 150 + 4 * 75 + 4 * 40 + 85 and has(faq, "The Carnival Cup and £150", "£75 for first and £40 for second")
          and has(ac, "£610 of\nprize money".replace("\n", " "), "£85 of engraving")
          and line["carnival court"][1] == 100 + 4 * 50 + 120 and has(ct, "£100 bursary", "£50 voucher")
          and line["carnival week events"][1] == 1146 + 918 + 810
          and line["float entries and stall pitches"][1] == (10 - 1) * 25 + 24 * 40 and has(faq, "£25 for a float")
          and line["funfair pitch fee"][1] == 900 and has(m09, "from £900 to £950")
          and line["street cleaning, district council"][1] == 380 and has(let, "£380") and has(m09, "invoice of £380")
          and line["grants to local groups"][1] == 3 * 400 and has(m09, "£1,200 from the carnival's own money", "£400 each"),
          "accounts: prizes, court, events, entries, the funfair's fee, street cleaning and grants agree with the other documents")
    pts = re.findall(r"^\| (M\d+) \| [^|]+ \| (\d+) \| [^|]+ \|$", mp.text, re.M)
    check(len(pts) == 14 and [p for p, _ in pts] == [f"M{i}" for i in range(1, 15)] and sum(int(n) for _, n in pts) == 44
          and 44 + 8 == 52 and has(mp, "44 marshals at fourteen points", "another 8", "52 in all", "44 of our own and Ken Dunster\nbrings 8".replace("\n", " "))
          and 38 + 8 + 6 == 52 and has(m05, "38 of our own", "eight from Rotary", "six more")
          and has(m09, "47 of the 52 marshals") and dict(pts)["M12"] == "2" and dict(pts)["M5"] == "2"
          and has(docs["procession/route-2024"], "58 are needed", "we have 49") and 1.6 < 2.1,
          f"marshals: fourteen points make 44, plus 8 in the Cattle Market are 52 (44 own and 8 Rotary; 38 + 8 + 6 in May); 58 on the longer 2024 route")
    rows_r = re.findall(r"<tr><td>([^<]+)</td><td>(\d\w\w)</td><td>([^<]+)</td><td>([^<]+)</td><td>(\d+)</td></tr>", res.text)
    marks = {r[3]: int(r[4]) for r in rows_r}
    by_cat: dict[str, list[int]] = {}
    for r in rows_r:
        by_cat.setdefault(r[0], []).append(int(r[4]))
    check(len(rows_r) == 9 and all(v == sorted(v, reverse=True) for v in by_cat.values()) and max(marks.values()) == marks["The Kraken Wakes"] == 84
          and all(m <= 3 * 30 for m in marks.values()) and 29 <= 30 and marks["Camelot"] > marks["St George and the Baa-gon"]
          and marks["Mermaids of the Wendle"] > marks["Jason and the Argonauts"] and len(by_cat) == 4
          and max(m for r, m in ((r, int(r[4])) for r in rows_r) if "Hartmoor" in r[2]) == 79,
          f"results: nine rows, places in order of marks in each of four categories, the Cup winner highest, all within 90 ({marks})")
    check(34 == 31 + 3 and 9 + 14 + 8 == 31 and has(res, "Thirty-four entries", "thirty-one came out", "nine floats,\nfourteen walking groups and eight children's".replace("\n", " "))
          and has(m09, "31 entries") and has(docs["newsletters/carnival-crier-autumn-2025"], "thirty-one entries"),
          "entries: 34 made, three lost, 31 out (9 + 14 + 8)")
    check(has(m02, "Present: ten", "did not vote", "six votes to two", "Carried five votes to two", "Terry abstaining") and 6 + 2 == 10 - 2 and 5 + 2 + 1 == 10 - 2
          and has(m05, "Present: all eleven", "Carried seven\n   votes to one, Clive against, Barry and lorna abstaining".replace("\n   ", " ")) and 7 + 1 + 2 == 11 - 1
          and has(m09, "Present: nine", "eight votes to none") and 8 == 9 - 1
          and has(am, "Thirty-one members were present", "27 votes to 2, with 2 abstentions") and 27 + 2 + 2 == 31 and 27 * 3 >= 2 * (27 + 2),
          "votes: each committee vote accounts for those present less the chair (and in February the co-opted Owen); the constitution vote for the 31 present and passes two-thirds")
    check(2025 - 1951 + 1 - len([1974, 1975, 2001, 2020, 2021]) == 70 and has(hi, "our seventieth", "1974 or 1975", "2001", "2020 and 2021")
          and has(docs["about/carnival-at-a-glance"], "with five gaps", "the 70th carnival") and has(hi, "put off only once, in 2007", "the second in the carnival's history"),
          "history: 75 years from 1951 less five gaps make 2025 the 70th carnival; 2025's is the second postponement")
    days = (dt.date(2025, 11, 20) - dt.date(2025, 10, 23)).days
    check(days == 28 and 28 - 21 == 7 and has(agm, "28 days before the meeting, a week more") and has(am, "At least 21 days' notice is now given, not 14")
          and dt.date(2025, 11, 20) <= dt.date(2025, 12, 30) and dt.date(2025, 11, 6) < dt.date(2025, 11, 20)
          and (2025 - 2024) * 12 + (9 - 9) + 1 == 13 and has(ac, "1 September 2024 to 30 September 2025")
          and has(docs["people/committee-and-officers"], "chair (since 2016)") and 2016 + 9 == 2025 and has(agm, "after nine years")
          and has(agm, "after eleven years") and has(docs["newsletters/carnival-crier-autumn-2025"], "for eleven years"),
          "AGM: 28 days' notice against 21; within three months of the year end; thirteen months; Gwen's nine years from 2016; Terry's eleven")
    check(7 + 4 == 11 and has(ct, "Eleven young people", "seven for\nthe senior court (ages 14 to 18) and four".replace("\n", " "))
          and all(14 <= a <= 18 for a in (17, 16, 15)) and all(7 <= a <= 11 for a in (10, 8))
          and has(ct, "Ellie Brinscombe, 17", "Maya Okafor, 16", "Jess Tolley, 15", "Poppy Rudd, 10", "Alfie Nokes, 8")
          and has(m02, "Nine applications so far") and 9 <= 11,
          "court: seven senior and four junior applicants are eleven; every member's age in range; four vouchers for the four besides the Queen")
    check(has(gr, "fourteen applications", "£19,300", "budget of £9,000") and 19300 > 9000 and 1500 < 2000
          and dt.date(2025, 3, 17) < dt.date(2025, 3, 21) and has(gr, "by 31 October 2025") and has(m09, "by 31 October"),
          "grant: fourteen bids for £19,300 against £9,000; decided before the letter; report by 31 October")
    check(4.4 < 4.8 and has(faq, "4.4 m high", "4.8 m under it") and has(pp, "4.4 metres high") and has(faq, "3.5 m wide")
          and dt.time(22, 15).hour * 60 + 15 + 12 <= 22 * 60 + 30 and has(let, "they last twelve minutes", "half past ten")
          and has(docs["procession/route-and-timings-2025"], "10.15 pm: fireworks on the Meadow, about twelve minutes"),
          "floats clear the bridge; fireworks at 10.15 for twelve minutes are over by 10.30")
    check((dt.date(2025, 8, 14) - dt.date(2025, 7, 26)).days <= 31 and has(sc, "inside\nthe month".replace("\n", " "))
          and has(pp, "55 mph") and has(m09, "52 mph") and 52 < 55 and 6000 < 7500 and has(m09, "about 6,000, against 7,500"),
          "postponement: the return within a month of the 26th; 52 mph recorded against 55 forecast; 6,000 against 7,500")
    weekdays = [("Saturday", dt.date(1951, 8, 4)), ("Saturday", dt.date(2007, 7, 28)), ("Wednesday", dt.date(1987, 10, 14)),
                ("Saturday", dt.date(2024, 7, 20)), ("Tuesday", dt.date(2025, 2, 11)), ("Tuesday", dt.date(2025, 5, 13)),
                ("Tuesday", dt.date(2025, 9, 9)), ("Tuesday", dt.date(2025, 3, 11)), ("Tuesday", dt.date(2025, 6, 10)),
                ("Tuesday", dt.date(2025, 10, 14)), ("Thursday", dt.date(2025, 3, 6)), ("Friday", dt.date(2025, 3, 7)),
                ("Monday", dt.date(2025, 3, 17)), ("Friday", dt.date(2025, 6, 20)), ("Friday", dt.date(2025, 7, 4)),
                ("Saturday", dt.date(2025, 7, 12)), ("Saturday", dt.date(2025, 7, 19)), ("Thursday", dt.date(2025, 7, 17)),
                ("Monday", dt.date(2025, 7, 21)), ("Friday", dt.date(2025, 7, 25)), ("Saturday", dt.date(2025, 7, 26)),
                ("Sunday", dt.date(2025, 7, 27)), ("Friday", dt.date(2025, 8, 8)), ("Thursday", dt.date(2025, 8, 14)),
                ("Saturday", dt.date(2025, 9, 13)), ("Thursday", dt.date(2025, 10, 23)), ("Thursday", dt.date(2025, 11, 20)),
                ("Thursday", dt.date(2025, 11, 6)), ("Saturday", dt.date(2025, 11, 8)), ("Saturday", dt.date(2025, 11, 29)),
                ("Saturday", dt.date(2025, 12, 13)), ("Friday", dt.date(2026, 1, 23)), ("Saturday", dt.date(2026, 7, 11)),
                ("Saturday", dt.date(2026, 7, 18)), ("Friday", dt.date(2025, 2, 21)), ("Friday", dt.date(2025, 2, 28))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named in the documents are the right ones (minutes, meetings, deadlines, carnival days, AGM, diary)")
    second_tuesdays = [dt.date(2025, 2, 11), dt.date(2025, 3, 11), dt.date(2025, 5, 13), dt.date(2025, 6, 10), dt.date(2025, 9, 9), dt.date(2025, 10, 14)]
    check(all(d.weekday() == 1 and 8 <= d.day <= 14 for d in second_tuesdays)
          and has(docs["people/committee-and-officers"], "second Tuesday of most months"),
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
    check(fmt == FORMATS, f"formats 18 md / 7 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"18 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"seven documents without front matter (the seven txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2024 route) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    amended = sorted(i for i, d in docs.items() if d.metadata.get("status") == "amended")
    check(amended == AMENDED, f"one amended document, with its amendment beside it ({amended})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.3-2.8 KB ({min(raw.values())}-{max(raw.values())})")
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
