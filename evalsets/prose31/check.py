"""Checks for evalsets/prose31 (no model): run from the repo root (`python3 evalsets/prose31/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose31/check.py`)."""
from __future__ import annotations

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
    text = re.sub(r"\n\s*(?:[-*|]|\d+\.|#+)\s*", " . ", "\n" + text)
    text = re.sub(r"\n\s*\n", " . ", text)
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.lower().split())


# inside one clause: anything but '.' or ';', except a decimal point ("2.34 m")
W = r"(?:[^.;]|\.\d)*"

# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
UNANSWERABLE = {
    "p31-dev-038": (rf"\bUlverholme\b{W}\b(population|{NUM} (people|inhabitants|residents))\b|\bpopulation of Ulverholme\b|\bUlverholme\b,? (has|is home to)\b",
                    "Ulverholme has a population of 96,000."),
    "p31-dev-039": (rf"\bNeville\b{W}(£|\bfees?\b|\bpaid\b|\bsalary\b)|\b(fees?|paid|salary)\b{W}\bNeville\b|\bStrachan'?s fee\b",
                    "Neville Strachan was paid £4,200 a season."),
    "p31-dev-040": (rf"\bVerdi\b{W}\btickets?\b{W}£|\btickets?\b{W}\bVerdi\b{W}£|\bVerdi\b{W}\b(cost|priced)\b{W}£",
                    "Tickets for the Verdi Requiem cost £22."),
    "p31-dev-041": (rf"\+32|\b(telephone|phone|tel)\b|\b0\d{{1,3}}[ /]?\d{{2,3}} ?\d{{2}} ?\d{{2}}\b",
                    "The Hotel Ter Meersen's telephone number is +32 9 364 12 80."),
    "p31-dev-042": (rf"\b17 November( 2025)?\b{W}\b({NUM} votes|votes? to|carried|unanimous\w*|nem\.? con)\b|\b(carried|agreed|voted|passed)\b{W}\b2026-27\b|\b2026-27\b{W}\b(carried|agreed|passed|{NUM} votes)\b",
                    "At the AGM on 17 November 2025 the proposal was carried by 74 votes to 2."),
    "p31-dev-043": (rf"\bLenn Valley Brass\b{W}\b(conduct\w*|directed|bandmaster|led by|leader|musical director)\b|\b(conduct\w*|bandmaster|directed by|led by)\b{W}\bLenn Valley Brass\b",
                    "Lenn Valley Brass is conducted by Gareth Pryce."),
    "p31-dev-044": (rf"\bAshby\b{W}\b(born|b\.)|\bborn\b{W}\b(1[89]\d\d|20\d\d)\b|\b(1[89]\d\d|20\d\d)\b{W}\bborn\b",
                    "Caroline Ashby was born in 1988."),
    "p31-dev-045": (rf"\bMessiahs?\b{W}\b\d+\b{W}\b(cop(y|ies)|scores)\b|\b{NUM} (copies|vocal scores|scores) of (the )?Messiah\b|\bMessiah\b (set|sets)\b{W}\b\d+\b",
                    "We own 84 copies of Messiah."),
    "p31-test-065": (rf"\b(farewell|28 June)\b{W}\b{NUM} (tickets|people|seats)\b|\b{NUM} (tickets|people)\b{W}\b(farewell|28 June)\b|\bfarewell\b{W}\b(sold|sell-out|sold out|full house|audience)\b",
                     "Adrian's farewell concert on 28 June sold 405 tickets."),
    "p31-test-066": (rf"\bLeipzig\b{W}(£|€|\bcost\b|\bprice\b|\bpaid\b)|(£|€)[\d,]+{W}\bLeipzig\b",
                     "The Leipzig tour of 2018 cost each singer £540."),
    "p31-test-067": (rf"\bBrightway\b{W}\bdeposit\b|\bdeposit\b{W}\bBrightway\b",
                     "Brightway Travel asked for a deposit of £1,000."),
    "p31-test-068": (rf"\bCantilena\b{W}\b(founded|formed|started|set up|established|dates from)\b|\b(founded|formed|established)\b{W}\bCantilena\b",
                     "Cantilena was founded in 1964."),
    "p31-test-069": (rf"\bbrass\b{W}\b(fees?|charged?|paid|cost)\b|\b(fees?|paid|charged?)\b{W}\bbrass\b",
                     "Lenn Valley Brass were paid £600 for the two carol concerts."),
    "p31-test-070": (rf"\b(2009|Carols from St Aldric'?s)\b{W}\b{NUM} (singers|voices|members)\b|\b{NUM} (singers|voices|members)\b{W}\b(2009|Carols from St Aldric'?s)\b",
                     "Carols from St Aldric's, in 2009, had 74 singers on it."),
    "p31-test-071": (rf"\bCalais\b{W}\b\d{{1,2}}[.:]\d\d\b|\b\d{{1,2}}[.:]\d\d\b{W}\b(from|leaves?|leaving) Calais\b|\breturn (ferry|crossing|sailing)\b{W}\d",
                     "The return ferry leaves Calais at 14.20."),
    "p31-test-072": (rf"\b(Revd|Reverend|Canon|Rector)\b|\bvicar\b,? (is |was )?(the )?(Rev|Father|Mother|Mr|Mrs|Ms|Dr)\b|\bvicar\b (is|was) (called|named)\b|\bvicar of St Aldric'?s\b,? [a-z]+ [a-z]+",
                     "The vicar is the Revd Alison Marsh."),
    "p31-test-073": (rf"\bCorn Hall\b{W}\b(hire|charged?|fees?)\b{W}£|\b(hire|fees?)\b{W}\bCorn Hall\b{W}£|£[\d,]+{W}\b(to hire|for hire of|hire of) the Corn Hall\b|\bCorn Hall\b{W}\bcarols?\b{W}£[\d,]+ (for|in) hire\b",
                     "The Corn Hall charged £780 for the hire of the two carol concerts."),
    "p31-test-074": (rf"\b19 November 2024\b{W}\b{NUM} (members|people)\b{W}\b(present|attended|came)\b|\b{NUM} (members )?(were present|attended|came)\b{W}\b(19 November 2024|AGM of 2024|2024 AGM)\b|\b(present|attended|came)\b{W}\b19 November 2024\b",
                     "Seventy-three members were present at the AGM of 19 November 2024."),
    "p31-test-075": (rf"\bDeborah\b{W}\b(soprano|alto|tenor|bass|baritone)s?\b|\b(soprano|alto|tenor|bass|baritone)s?\b{W}\bDeborah\b",
                     "Deborah Kinsella sings alto."),
    "p31-test-076": (rf"\b(2024|last year'?s|last December'?s)\b{W}\bcarols?\b{W}(£|\btook\b)|\bcarols?\b{W}\b(2024|last year'?s|last December'?s)\b{W}(£|\btook\b)|\blast (December|year)'?s (single )?(performance|one)\b{W}(£|\btook\b)",
                     "The single carol concert in December 2024 took £3,540."),
}


DOCS = 24
FORMATS = Counter(md=18, txt=6)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "concerts/2025-11-box-office-return", "governance/2023-amendment",
                   "letters/2025-10-arts-trust-grant", "meetings/2025-11-agm-notice", "tour/2025-12-coach-quote"]
SUPERSEDED = ["rehearsals/rehearsals-2023"]
CURRENT = ["rehearsals/rehearsals-2025"]
AMENDED = ["governance/constitution"]
SIZES = (1300, 2200)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> int:
    return int(text.replace("£", "").replace(",", ""))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts and dates the documents state agree with their parts and with each other
    (no gold is derived from them, but a corpus whose totals do not add up would make a careful
    reader doubt the right figure)."""
    import datetime as dt
    rep = docs["reports/annual-report-2024-25"]
    income = re.search(r"\*\*Income\.\*\*(.*?)In all", rep.text, re.S).group(1)
    pairs = re.findall(r"(£[\d,]+)\s+\((£[\d,]+)\)", income)
    inc_this, inc_last = sum(money(a) for a, _ in pairs), sum(money(b) for _, b in pairs)
    table = re.findall(r"\| (£[\d,]+) \| \((£[\d,]+)\) \|", rep.text)
    sp_this, sp_last = sum(money(a) for a, _ in table), sum(money(b) for _, b in table)
    check(len(pairs) == 8 and len(table) == 12 and inc_this == 40361 and inc_last == 38880
          and sp_this == 38987 and sp_last == 41698 and inc_this - sp_this == 1374 and sp_last - inc_last == 2818
          and has(rep, "In all £40,361 (£38,880)", "In all £38,987 (£41,698)", "a surplus of £1,374",
                  "last year's deficit of £2,818"),
          f"annual report: eight income lines and twelve spending lines make both years' totals, surplus and deficit ({inc_this}, {inc_last}, {sp_this}, {sp_last})")
    check(18206 + 1374 == 19580 and has(rep, "£19,580 (£18,206)"),
          "annual report: last year's funds plus this year's surplus give this year's funds")
    r23, r25 = docs["rehearsals/rehearsals-2023"], docs["rehearsals/rehearsals-2025"]
    check(has(rep, "| rehearsal room hire | £1,676 | (£1,330) |", "14 evenings in St Aldric's hall at £38 and 22 at the college at £52")
          and has(r23, "£38 an evening", "36 rehearsals a season") and has(r25, "£52 an evening", "34 rehearsals a season", "two fewer")
          and 14 * 38 + 22 * 52 == 1676 and 35 * 38 == 1330 and 14 + 22 == 36 and 36 - 2 == 34,
          "annual report: the room line is 14 hall evenings at £38 and 22 college ones at £52 (35 hall evenings the year before)")
    check(has(rep, "| accompanist | £3,060 | (£2,975) |", "36 rehearsals at £85 (35 the year before)")
          and 36 * 85 == 3060 and 35 * 85 == 2975,
          "annual report: the accompanist line is 36 (35) rehearsals at £85, the same counts as the room line")
    check(has(rep, "| DBS checks | £115 | (£69) |", "Five DBS checks fell due, at £23 each") and 5 * 23 == 115 and 69 % 23 == 0
          and has(docs["youth/safeguarding-policy"], "at £23 each"),
          "annual report: the DBS line is five checks at the CVS's £23 (three the year before)")
    sub = docs["membership/subscriptions"]
    check(has(rep, "Youth Voices fees £2,160 (£2,070)", "Youth Voices: 24 (23)") and has(sub, "| Carrowby Youth Voices | £30 a term | £36 a term |")
          and 24 * 3 * 30 == 2160 and 23 * 3 * 30 == 2070,
          "annual report: Youth Voices fees are 24 (23) singers at the old £30 a term, three terms")
    jun = docs["meetings/2025-06-committee"]
    check(has(rep, "| musical director | £8,600 |") and has(jun, "(Adrian's is £8,600)", "£9,400 a season"),
          "annual report: the musical director line is Adrian's fee as the June minutes give it")
    check(has(sub, "£210 a year (three of £70)", "£186 a year (three of £62)", "£150 a year (three of £50)", "£138 a year (three of £46)")
          and 3 * 70 == 210 and 3 * 62 == 186 and 3 * 50 == 150 and 3 * 46 == 138,
          "subscriptions: each annual rate is three termly payments")
    box = docs["concerts/2025-11-box-office-return"].text
    rows = re.findall(r"^\s+(full|concession|under 18)\s+(\d+)\s+£(\d+)\s+£([\d,]+)\s*$", box, re.M)
    ok = len(rows) == 3 and all(int(n) * int(p) == money(t) for _, n, p, t in rows)
    sold = sum(int(n) for _, n, _, _ in rows)
    take = sum(money(t) for *_, t in rows)
    check(ok and sold == 360 and sold + 12 == 372 and take == 5207 and "372              £5,207" in box
          and 141 + 167 + 52 == 360 and 2 * 3 + 2 + 2 + 2 == 12 and 420 - 372 == 48 and "48 short of full" in box,
          f"box office return: three ticket lines, their takings, the 360 paid by three channels, twelve comps, 48 short of 420 ({sold}, {take})")
    check(251 * 2 == 502 and 480 + 700 + 180 + 215 + 190 == 1765 and 2 * 350 == 700
          and round(5207 + 502 + 318.40 + 164, 2) == 6191.40 and round(6191.40 - 1765, 2) == 4426.40
          and "Net to the choir: £4,426.40 (takings and other money £6,191.40, less costs £1,765)" in box,
          "box office return: programmes, collection and raffle, less five costs, give the net")
    check(167 > 141 and has(docs["faq/singers-questions"], "members still sell more seats than the website does"),
          "FAQ: members sold more seats than the website at the November concert")
    quote, tour, jan = docs["tour/2025-12-coach-quote"], docs["tour/velzegem-2026"], docs["meetings/2026-01-committee"]
    check(has(quote, "£7,380", "20%, £1,476", "£5,904", "by 16 January 2026", "by 4 June 2026")
          and 7380 * 20 // 100 == 1476 and 7380 - 1476 == 5904
          and (dt.date(2026, 7, 16) - dt.date(2026, 6, 4)).days == 42
          and has(jan, "£1,476 went to Pelham & Dray on 9 January, a week inside their deadline")
          and (dt.date(2026, 1, 16) - dt.date(2026, 1, 9)).days == 7,
          "coach quote: 20% deposit and balance make £7,380; 4 June is six weeks ahead; 9 January is a week inside the deadline")
    check(has(docs["meetings/2025-10-committee"], "Pelham & Dray,", "about £7,400", "£6,640") and abs(7400 - 7380) < 50 and 6640 < 7380,
          "October minutes: the Pelham & Dray estimate is close to its later quotation and above Brightway's")
    stave = docs["newsletters/the-stave-spring-2026"]
    check(has(tour, "£465 a person sharing", "£585 in a single room", "deposit of £100 a person", "42 singers and eight partners")
          and has(stave, "£365 a head for those sharing") and 465 - 100 == 365 and 465 < 500
          and has(jan, "50 deposits are in (42 singers, eight partners), £5,000 in all") and 42 + 8 == 50 and 50 * 100 == 5000
          and has(jun, "under £500 a head"),
          "tour: price less deposit is the balance, 50 deposits of £100, and the price keeps under the June limit")
    grant, rec = docs["letters/2025-10-arts-trust-grant"], docs["projects/recording-project"]
    costs = [money(c) for c in re.findall(r"\| [^|]+ \| (£[\d,]+) \|", rec.text)]
    check(len(costs) == 7 and sum(costs[:-1]) == costs[-1] == 6500 and has(grant, "You asked for £6,500", "£1,150 for pressing")
          and 1150 in costs and 4000 / (6500 - 1150) < 0.75 and 4000 / (6500 - 1150) > 0.7
          and 2500 + 1500 == 4000 and 4000 + 2500 == 6500 and has(rec, "paying £4,000", "the other £2,500"),
          "recording budget: six lines make the £6,500 asked for; the grant is a little under three-quarters of it less pressing, paid as £2,500 + £1,500")
    check(has(jan, "551 paid tickets and 60 free ones", "nine seats empty out of 620", "£6,612")
          and 551 * 12 == 6612 and 551 + 60 + 9 == 620 == 2 * 310 and has(docs["concerts/season-2025-26"], "the Corn Hall 310", "£12, under-18s free"),
          "January minutes: the carols' 551 paid at £12, 60 free and nine empty seats fill two Corn Hall houses")
    lib = docs["library/music-library"]
    check(has(lib, "£14 for a Creation", "£2 handling charge") and has(jan, "£16 each") and 14 + 2 == 16
          and has(jun, "Eleven copies went missing") and has(lib, "eleven copies went missing"),
          "library: a lost Creation is £14 plus £2 handling, which the January minutes charge")
    am = docs["governance/2023-amendment"]
    check(has(am, "Seventy-one voting members were present", "58 votes to 9, with 4 abstentions")
          and 58 + 9 + 4 == 71 and 58 * 3 >= 2 * 71,
          "amendment: the votes account for the 71 present and pass two-thirds even counting abstentions")
    oct_ = docs["meetings/2025-10-committee"]
    off = docs["people/officers-and-staff"]
    check(has(jun, "Present: ten members; apologies from Alun Prosser") and has(oct_, "Present: nine members; apologies from Deborah Kinsella and kit mbeki", "Carried six votes to three")
          and has(jan, "Present: ten members; apologies from Owen Thackray", "Carried eight votes to one, Alun against and Martin abstaining")
          and 10 + 1 == 9 + 2 == 10 + 1 == 11 and 6 + 3 == 9 and 8 + 1 + 1 == 10
          and has(off, "so eleven in all") and has(am, "up to eight other") and 3 + 8 == 11,
          "minutes: the three meetings account for the eleven-strong committee and the votes for those present")
    agm = docs["meetings/2025-11-agm-notice"]
    days = (dt.date(2025, 11, 17) - dt.date(2025, 10, 24)).days
    check(has(agm, "Monday 17 November 2025", "Friday 24 October 2025") and 21 <= days < 28
          and has(am, "At least 21 days' notice") and has(docs["governance/constitution"], "At least 28 days' notice"),
          f"AGM notice: {days} days' notice meets the amended 21 days (and would not have met the old 28)")
    check(has(off, "chair (since 2021") and has(agm, "for a fifth year") and 2025 - 2021 + 1 == 5
          and has(docs["governance/constitution"], "more than five years in a row"),
          "AGM notice: a chair since 2021 stands for a fifth year, the last that clause 4 allows")
    hist = docs["about/history"]
    check(has(hist, "Margery conducted for twelve years", "retired in 1991", "Adrian's seventeen seasons", "over to Adrian Pellow in 2008")
          and 1991 - 1979 == 12 and 2025 - 2008 == 17 and has(rep, "seventeenth and last")
          and has(stave, "forty-seven years", "one of the nineteen") and 2026 - 1979 == 47 and has(hist, "Nineteen people came"),
          "history: Margery's twelve years, Adrian's seventeen seasons and Maureen's forty-seven years agree with the dates")
    gl = docs["about/choir-at-a-glance"]
    check(has(gl, "112 at the start", "38 sopranos", "34 altos", "15 tenors and 25 basses", "24 singers aged 11 to 18")
          and 38 + 34 + 15 + 25 == 112 and has(rep, "112 (109)") and has(stave, "from fifteen to nineteen", "four of them tenors")
          and 15 + 4 == 19 and has(stave, "398 people in a church that seats 420") and 398 <= 420,
          "at a glance: the four parts make the 112 members the report gives; four new tenors make nineteen")
    weekdays = [("Monday", dt.date(1979, 3, 19)), ("Saturday", dt.date(1979, 12, 15)), ("Tuesday", dt.date(2023, 11, 14)),
                ("Tuesday", dt.date(2024, 12, 10)), ("Monday", dt.date(2025, 1, 6)), ("Wednesday", dt.date(2025, 6, 11)),
                ("Monday", dt.date(2025, 6, 2)), ("Saturday", dt.date(2025, 6, 28)), ("Wednesday", dt.date(2025, 10, 8)),
                ("Monday", dt.date(2025, 11, 17)), ("Friday", dt.date(2025, 10, 24)), ("Monday", dt.date(2025, 11, 10)),
                ("Monday", dt.date(2025, 11, 24)), ("Saturday", dt.date(2025, 11, 22)), ("Saturday", dt.date(2025, 12, 13)),
                ("Wednesday", dt.date(2026, 1, 14)), ("Monday", dt.date(2026, 2, 2)), ("Saturday", dt.date(2026, 2, 7)),
                ("Sunday", dt.date(2026, 2, 8)), ("Thursday", dt.date(2026, 3, 26)), ("Wednesday", dt.date(2026, 3, 11)),
                ("Saturday", dt.date(2026, 3, 21)), ("Monday", dt.date(2026, 4, 20)), ("Friday", dt.date(2026, 5, 15)),
                ("Saturday", dt.date(2026, 6, 27)), ("Thursday", dt.date(2026, 7, 16)), ("Friday", dt.date(2026, 7, 17)),
                ("Saturday", dt.date(2026, 7, 18)), ("Sunday", dt.date(2026, 7, 19)), ("Monday", dt.date(2026, 7, 20)),
                ("Monday", dt.date(2026, 9, 14))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named in the documents are the right ones (first rehearsal and concert, AGMs, committees, concerts, sessions, tour days)")


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
        check(all(it.id == f"p31-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p31-{split}-NNN in order")
        desc_kinds = Counter(it.meta.get("kind") for it in items if it.type == "descriptive")
        check(set(desc_kinds) == {"what", "why", "how"}, f"{split}: descriptive kinds {dict(desc_kinds)}")
        check(all(bool(it.evidence) == it.answerable for it in items), f"{split}: evidence exactly on answerable items")
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
    recorded = (HERE / "test.jsonl.sha256").read_text()
    check(recorded == f"{digest}  test.jsonl\n", "test.jsonl.sha256 matches")

    for ok, what in results:
        print(("PASS " if ok else "FAIL ") + what)
    failed = sum(not ok for ok, _ in results)
    print(f"{len(results) - failed}/{len(results)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
