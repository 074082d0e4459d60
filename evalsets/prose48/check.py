"""Checks for evalsets/prose48 (no model): run from the repo root (`python3 evalsets/prose48/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose48/check.py`)."""
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

PREFIX = "p48"
results: list[tuple[bool, str]] = []


def check(ok: bool, what: str) -> None:
    results.append((bool(ok), what))


def clauses(text: str) -> str:
    """One line of text in which list items, headings, table rows and paragraphs are cut off by
    '.', so a pattern's `W` stays inside one sentence, clause or list item even across line wraps."""
    text = re.sub(r"<(?:tr|/tr|table|/table|li|/li|p|/p)>", " . ", text)
    text = re.sub(r"\n\s*(?:[-*|]|\d+\.|#+)\s*", " . ", "\n" + text)
    text = re.sub(r"\n\s*\n", " . ", text)
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.lower().split())


# inside one clause: anything but '.' or ';', except a decimal point ("£5.50", "9.30 am", "£3.12")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|a few|several)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"


# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)

NAME = r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+)"
CAP = r"(?-i:[A-Z][a-z]+)"
UNANSWERABLE = {
    "p48-dev-038": (rf"\bcook\b,? {NAME}|{NAME},? (the |our )?(part-time )?cook\b|\bcook\b{W}\b(is|named|called) {NAME}",
                    "The café cook is Delphine Ashcroft."),
    "p48-dev-039": (rf"\b(AGM|annual general meeting)\b{W}\b{NUM} (people|members)\b|\b{NUM} (people|members)\b{W}\b(AGM|annual general meeting)\b"
                    rf"|\b(attended|came to|turned up)\b{W}\b(AGM|annual general meeting)\b",
                    "Eighty-one members came to the AGM."),
    "p48-dev-040": (rf"\bDutch barn\b{W}{MONEY}|{MONEY}{W}\bDutch barn\b|\b(bought|paid)\b{W}\bbarn\b{W}{MONEY}",
                    "The second-hand Dutch barn cost £2,000."),
    "p48-dev-041": (rf"\bretired vet\b,? {NAME}|{NAME},? (a|the) retired vet\b|\bretired vet\b{W}\b(was|named|called) {NAME}|\bcheque\b{W}\bfrom {NAME}",
                    "The cheque came from Hubert Langstroth, a retired vet."),
    "p48-dev-042": (rf"\bpetition\b{W}\b(organi[sz]ed|started|got up|collected|led) by {NAME}|{NAME}{W}\b(organi[sz]ed|started|collected) (the|a) petition\b",
                    "The petition was organised by Odile Parfitt."),
    "p48-dev-043": (rf"\briding school\b,? {CAP}|(?-i:[A-Z]\w+ (Riding School|Riding Stables|Equestrian))|\bpony\b{W}\b(lent|borrowed) (by|from) {CAP}",
                    "The pony was lent by Hollinbank Riding School."),
    "p48-dev-044": (rf"\b2022-23\b|\bin 2022\b{W}\bvisit\w*|\bvisit\w*{W}\bin 2022\b",
                    "In 2022-23 the farm had 49,900 visitors."),
    "p48-dev-045": (rf"\b(Mostyn|Dunstowe)\b{W}\b(was|had been|worked as|used to be) (a|an)\b|\bbefore\b{W}\b(Mostyn|Dunstowe)\b{W}\b(worked|was)\b"
                    rf"|\b(Mostyn|Dunstowe)\b{W}\b(previously|formerly|before that)\b",
                    "Before that, Mostyn Dunstowe was a shepherd in the Dales."),
    "p48-test-061": (rf"\bowner\b,? {NAME}|{NAME},? (the )?(dog'?s )?owner\b|\bowner\b{W}\b(was|named|called|gave his name as) {NAME}|\bdog\b{W}\bbelong\w* to {NAME}",
                     "The owner was Darren Mossop."),
    "p48-test-062": (rf"{NAME} (was|has been|is|will be) (elected|appointed|co-opted|chosen)\b|\b(replace[sd]?|succeed\w*|in (his|Sefton's) place|take (his|Sefton's) (place|seat))\b (by |on the board )?{NAME}"
                     rf"|{NAME}{W}\b(take|took|taking|takes) (his|Sefton's) (place|seat)\b",
                     "Priya Dunwell was elected in his place."),
    "p48-test-063": (rf"\bbreeder\b,? {NAME}|{NAME},? (a|the) (goat )?breeder\b|\bbreeder\b{W}\b(named|called|was) {NAME}|\bShropshire\b{W}\b(named|called) {NAME}|\bnannies\b{W}\bfrom {NAME}",
                     "The breeder was Gwilym Pritchard of Clun."),
    "p48-test-064": (rf"\bsalary\b|\b(farm manager|Cadi|Lightfoot)\b{W}\b(is paid|earns|gets|paid)\b{W}{MONEY}",
                     "The farm manager is paid £31,000 a year."),
    "p48-test-065": (rf"\bjam[- ]jar\b{W}\b(named|called|was) {CAP}|{CAP},? (a|the|our) seven-year-old\b|\bseven-year-old\b,? {CAP}\b|\bseven-year-old\b{W}\b(named|called) {CAP}|\bname (is|was) {CAP}",
                     "The seven-year-old with the jam jar was called Maisie Thorne."),
    "p48-test-066": (rf"\bsmallholder\b,? {NAME}|{NAME},? (a|the) smallholder\b|\bEllerburn\b{W}\b(run|owned|kept) by {NAME}|\bsmallholding\b{W}\b(of|belonging to|run by|owned by) {NAME}",
                     "Rasputin went to Hilary Garside, a smallholder in Ellerburn."),
    "p48-test-067": (rf"\bcard reader\b{W}\b(cost|costs|bought|paid)\b|\b(paid|spent|cost)\b {MONEY}{W}\bcard reader\b",
                     "The card reader cost £260."),
    "p48-test-068": (rf"\beggs\b{W}\b(a|per|each) (week|day)\b|\b{NUM} eggs\b|\blay\w*\b{W}\b{NUM}\b{W}\b(a|per|each) (week|day)\b",
                     "The hens lay about 300 eggs a week."),
    "p48-test-069": (rf"\bturkeys?\b{W}{MONEY}|{MONEY}{W}\bturkeys?\b",
                     "A turkey costs £20 to sponsor."),
    "p48-test-070": (rf"\bWenceslas\b{W}\b(19|20)\d\d\b|\b(19|20)\d\d\b{W}\bWenceslas\b|\bBoxing Day\b,? (19|20)\d\d\b",
                     "Wenceslas arrived on Boxing Day 2019."),
    "p48-test-071": (rf"\bGolden Welly\b{W}\b{NUM}\b|\b{NUM} (members|children)\b{W}\b(Golden Welly|all five)\b|\b(won|earned|got)\b{W}\bGolden Welly\b",
                     "Thirty-four members have won the Golden Welly."),
    "p48-test-072": (rf"\bSecond Helpings\b{W}\b(grant|funding)\b{W}\b(from|by) (the )?{CAP}|\b(grant|funding) from (the )?{CAP}{W}\bSecond Helpings\b"
                     rf"|(?-i:\b[A-Z][a-z]+ (Trust|Foundation|Fund|Lottery))\b{W}\b(withdrew|cut|stopped|ended)\b",
                     "Second Helpings lost its grant from the Ormsby Trust."),
}

DOCS = 31
FORMATS = Counter(md=21, txt=5, html=5)
NO_FRONT_MATTER = ["about/history", "about/the-coal-yard", "advice/faq", "animals/the-goat-herd", "appeal/sponsor-an-animal",
                   "incidents/2023-10-sheep-worrying", "letters/2024-02-admission-charge-letter-and-reply",
                   "letters/2024-10-cockerel-complaint-and-reply", "news/2024-04-lambing-weekend", "news/2025-04-long-barn-opens"]
SUPERSEDED = ["policies/visitor-rules-2017"]
CURRENT = ["policies/visitor-rules-2024"]
SIZES = (1300, 2300)
WANT = {"dev": dict(single_hop=13, temporal=4, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=22, temporal=7, descriptive=15, reverse=7, comparison=5, multi_hop=4, unanswerable=12)}


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def money(s: str) -> int:
    return int(s.replace("£", "").replace(",", ""))


def arithmetic(docs: dict[str, Document]) -> None:
    """The figures that several documents state agree, and the accounts add up (no model)."""
    ar = docs["reports/annual-report-2024-25"]
    rows = re.findall(r"^\s*- ([^:\n]+): (£[\d,]+) \((£[\d,]+)\)$", ar.text, re.M)
    table = {k: (money(a), money(b)) for k, a, b in rows}
    inc = ["Hasterby City Council grant", "School visits", "Green Shoots contract", "Nosebag Café", "Donations, gate and Friends",
           "Animal sponsorship", "Feed bag sales", "Grants from trusts"]
    out = ["Staff", "Feed, bedding and vet bills", "Café food and supplies", "Utilities, insurance and repairs",
           "Education and Green Shoots materials", "Volunteer costs and training", "Office, fundraising and other costs"]
    ok = len(table) == 17 and all(sum(table[k][y] for k in inc) == table["Income"][y]
                                   and sum(table[k][y] for k in out) == table["Spending"][y] for y in (0, 1))
    result = (table["Income"][0] - table["Spending"][0], table["Income"][1] - table["Spending"][1])
    m24 = docs["meetings/2024-01-trustee-minutes"]
    m25 = docs["meetings/2025-01-trustee-minutes"]
    check(ok and result == (11110, -6170) and has(ar, "surplus of £11,110", "deficit of £6,170") and 38450 + 11110 == 49560
          and has(ar, "£49,560 (£38,450)") and 2.5 < 49560 * 12 / table["Spending"][0] < 3 and has(ar, "a little under three months")
          and abs(11110 - 10000) <= 1500 and has(m25, "surplus of about £10,000") and abs(6170 - 6000) <= 500 and has(m24, "deficit of about £6,000")
          and has(docs["letters/2024-02-admission-charge-letter-and-reply"], "about £6,000"),
          "annual report: lines add up to income and spending in both years; surplus £11,110, deficit £6,170, reserves £38,450 + £11,110 = £49,560 (a little under three months); the forecasts of about £10,000 and about £6,000")
    grant = table["Hasterby City Council grant"]
    check(grant == (42000, 33000) and grant[0] - grant[1] == 9000 and has(ar, "went up by £9,000")
          and has(docs["meetings/2024-05-trustee-minutes"], "from £33,000 to £42,000") and has(docs["partners/city-council"], "£33,000", "£42,000", "March 2027")
          and has(m24, "£33,000 since 2019") and 42000 / 61400 < 0.70 and has(docs["partners/city-council"], "less than seventy pence")
          and 0.28 < table["Feed bag sales"][0] / table["Feed, bedding and vet bills"][0] < 1 / 3 and has(ar, "nearly a third")
          and 19 > 2 * 9 and has(m24, "from £9 to £19") and has(docs["policies/visitor-rules-2024"], "more than doubled"),
          "council grant £33,000 -> £42,000 (+£9,000), under 70p a visit; feed bags nearly a third of feed costs; feed £9 -> £19 more than doubled")
    check(has(ar, "| 61,400 | 54,800 |", "| 214 | 188 |", "| 6,380 | 5,510 |", "| 46 | 38 |", "| 172 | 149 |", "| 24 | 24 |")
          and has(docs["about/at-a-glance"], "61,400 visitors", "214 school groups", "46 people", "172 volunteers", "nine trustees", "Seven paid staff", "four of them full-time")
          and has(docs["education/school-visits"], "188 visits", "5,510 pupils") and has(docs["education/green-shoots"], "thirty-eight")
          and has(docs["people/volunteers"], "172 volunteers") and has(docs["partners/city-council"], "61,400")
          and has(docs["volunteering/mucky-boots-club"], "twenty-four places", "two groups of twelve") and 2 * 12 == 24
          and has(docs["people/staff"], "seven of us", "four full-time and three part-time")
          and len(re.findall(r"^\*\*[A-Z]", docs["people/staff"].text, re.M)) == 6,
          "visitors, school visits and pupils, Green Shoots people, volunteers, Mucky Boots places and staff (six named + a cook = seven) agree across documents")
    rows_a = re.findall(r"^\| (?!Kind|---)([^|]+?) \| [^|]*\| (\d+) \|", docs["animals/our-animals"].text, re.M)
    check(len(rows_a) == 13 and sum(int(n) for _, n in rows_a) == 186 and has(docs["about/at-a-glance"], "186 animals of thirteen kinds")
          and dict(rows_a)["Goats"] == "14" and has(docs["animals/the-goat-herd"], "fourteen goats", "Ten are Golden Guernseys", "the other four") and 10 + 4 == 14
          and dict(rows_a)["Cows"] == "3" and has(docs["news/2025-04-long-barn-opens"], "three Dexter cows")
          and dict(rows_a)["Hens"] == "64" and int(dict(rows_a)["Guinea pigs"]) > int(dict(rows_a)["Rabbits"])
          and has(docs["advice/faq"], "Over 120") and 186 > 120,
          "animals: 13 kinds adding to 186; goats 14 = 10 Golden Guernseys + 4 Anglo-Nubians; three Dexters; more than the FAQ's 'over 120'")
    ap = docs["appeal/barn-again-appeal"]
    old = [29500, 12800, 5700]
    new = [34600, 12800, 5700, 8400]
    check(all(f"£{g:,}" in ap.text for g in old + new) and sum(old) == 48000 and sum(new) == 61500 and 34600 - 29500 == 5100
          and has(m24, "£48,000", "frame £29,500", "£12,800", "£5,700")
          and has(docs["meetings/2024-09-trustee-minutes"], "£8,400", "£5,100", "from £48,000 to £61,500", "£33,870", "£15,000")
          and 48000 + 8400 + 5100 == 61500 and 19430 < 33870 < 41650 < 63040 and 3215 <= 19430 and 15000 <= 33870
          and has(docs["meetings/2024-05-trustee-minutes"], "£19,430", "£3,215") and has(docs["news/2024-04-lambing-weekend"], "£3,215")
          and has(docs["newsletters/straw-poll-57-autumn-2024"], "£41,650", "£61,500", "£1,980")
          and 63040 - 61500 == 1540 and has(m25, "£63,040", "1,108 donors", "£1,540") and has(ap, "£63,040", "1,108 donors", "£1,540", "£15,000", "£3,215", "£2,460", "£1,175")
          and 15000 + 3215 + 2460 + 1175 + 1980 + 5000 < 63040
          and has(docs["newsletters/straw-poll-58-spring-2025"], "£63,040", "1,108", "£1,540") and has(ar, "£63,040", "£61,500")
          and has(docs["news/2025-04-long-barn-opens"], "1,108"),
          "appeal: £29,500 + £12,800 + £5,700 = £48,000; + £5,100 steel + £8,400 asbestos = £61,500; running totals rise; closed at £63,040, £1,540 over, 1,108 donors")
    votes = [(m24, 9), (docs["meetings/2024-05-trustee-minutes"], 8), (docs["meetings/2024-09-trustee-minutes"], 9), (m25, 8)]
    trustees = r"(?:Mulqueen|Thwaites|Sangha|Rigby|Oddicombe|Morlingham|Hazeldine|Olusanya|Gosforth)"
    present = [len(re.findall(trustees, re.split(r"Apologies|In attendance", d.text.split("Present:")[1])[0])) for d, _ in votes]
    check(present == [n for _, n in votes]
          and len(re.findall(r"^\| (?!Name|---)", docs["people/trustees"].text, re.M)) == 9 and has(docs["people/trustees"], "nine trustees")
          and has(m24, "five votes to four (Tadhg, Sefton, Yetunde and Bronagh against)") and 5 + 4 == 9
          and has(docs["letters/2024-02-admission-charge-letter-and-reply"], "so did three other trustees")
          and has(docs["meetings/2024-05-trustee-minutes"], "seven votes to one (Jagdeep against)", "six votes to two (Tadhg and Yetunde against)") and 7 + 1 == 6 + 2 == 8
          and has(docs["meetings/2024-09-trustee-minutes"], "six votes to three (Dorota, Sefton and Bronagh against)", "agreed unanimously") and 6 + 3 == 9
          and has(m25, "agreed unanimously"),
          "votes account for the trustees present (nine; eight when one sent apologies); the chair's letter counts three other trustees against")
    check(1982 + 43 == 2025 and has(docs["about/history"], "FORTY-THREE YEARS", "15 May 1982") and has(m25, "forty-three years")
          and has(docs["newsletters/straw-poll-58-spring-2025"], "forty-three years") and has(docs["people/trustees"], "| 1982 |")
          and 1996 + 27 == 2023 and 1982 + 14 == 1996 and has(docs["about/history"], "first fourteen years", "in 1996", "twenty-seven years")
          and has(docs["people/staff"], "March 2023", "twenty-seven years") and 1984 + 25 == 2009 and 2009 + 30 == 2039
          and has(docs["partners/city-council"], "1984", "twenty-five years", "In 2009", "thirty years", "2039")
          and 3 + 1.5 == 4.5 and has(docs["about/history"], "three acres", "an acre and a half", "four and a half acres")
          and 1993 + 31 == 2024 and has(docs["people/volunteers"], "spring of 1993") and has(docs["newsletters/straw-poll-58-spring-2025"], "thirty-one", "1993")
          and has(docs["newsletters/straw-poll-57-autumn-2024"], "twenty-five years", "turned eighty in August") and has(docs["people/volunteers"], "turned eighty last August")
          and 2009 < 2018 and has(docs["people/staff"], "since 2018", "fourteen, in 2009", "joined in 2014", "since 2016")
          and 2024 - 11 == 2013 and has(docs["education/school-visits"], "first rise for eleven years") and has(docs["advice/faq"], "£4 a pupil")
          and 2011 + 14 == 2025 and has(docs["about/at-a-glance"], "born in 2011") and has(docs["animals/the-goat-herd"], "born here in 2011")
          and 2003 + 1 == 2004 and has(docs["about/the-coal-yard"], "1898", "until 2006", "thirty-six metres") and has(docs["news/2025-04-long-barn-opens"], "thirty-six metres", "in 2004")
          and has(docs["appeal/barn-again-appeal"], "spring of 2004") and 2006 + 1 == 2007 and has(docs["about/history"], "in 2007"),
          "years: opened 1982, 43 years to 2025; Mostyn 1996-2023; leases 1984+25 and 2009+30 = 2039; 3 + 1.5 acres; Gladys 1993 + 31 = 2024; school price unchanged since 2013; barns 2003/2004/2025")
    rules17, rules24 = docs["policies/visitor-rules-2017"], docs["policies/visitor-rules-2024"]
    check(has(rules17, "50p", "9 am to 5 pm", "short lead", "one adult for every six") and has(docs["advice/faq"], "50p", "nine in the morning", "short lead", "fourteen", "£25")
          and has(rules24, "£1 from the café", "closed to visitors on Mondays", "9.30 am", "one adult for every five", "£2 a head", "October 2023")
          and has(m24, "from 50p to £1", "from £10 to £12", "from £15 to £20") and has(docs["newsletters/straw-poll-57-autumn-2024"], "£12 a year", "£20 for a family")
          and has(docs["about/at-a-glance"], "£1 from the café", "£2 a head", "9.30 am to 5 pm")
          and has(docs["volunteering/volunteering-with-us"], "sixteen or over", "at fourteen") and has(docs["appeal/sponsor-an-animal"], "£25", "£45", "£35", "£120")
          and has(docs["education/green-shoots"], "£55", "£48") and has(docs["meetings/2024-05-trustee-minutes"], "£55 a session", "from £4 to £5.50")
          and has(docs["education/school-visits"], "£4 a pupil", "£5.50") and has(docs["incidents/2023-10-sheep-worrying"], "£640", "£400", "£3,800", "18 January 2024")
          and has(docs["partners/askelside-vets"], "£6,180", "£640") and 640 < 6180,
          "old and new values agree across documents: feed 50p -> £1, Friends £10/£15 -> £12/£20, age 14 -> 16, sponsorship £25 -> £15-£120, Green Shoots £48 -> £55, schools £4 -> £5.50, 1:6 -> 1:5")
    weekdays = [("Saturday", dt.date(1982, 5, 15)), ("Sunday", dt.date(2023, 10, 15)), ("Thursday", dt.date(2024, 1, 18)),
                ("Thursday", dt.date(2024, 5, 16)), ("Thursday", dt.date(2024, 9, 19)), ("Thursday", dt.date(2025, 1, 16)),
                ("Thursday", dt.date(2025, 5, 15)), ("Monday", dt.date(2024, 4, 1)), ("Saturday", dt.date(2024, 3, 30)),
                ("Sunday", dt.date(2024, 3, 31)), ("Tuesday", dt.date(2024, 4, 2)), ("Monday", dt.date(2024, 10, 7)),
                ("Saturday", dt.date(2024, 10, 12)), ("Saturday", dt.date(2024, 11, 2)), ("Saturday", dt.date(2024, 12, 14)),
                ("Sunday", dt.date(2024, 12, 29)), ("Saturday", dt.date(2025, 4, 26)), ("Monday", dt.date(2025, 4, 28)),
                ("Saturday", dt.date(2025, 7, 19)), ("Saturday", dt.date(2025, 3, 29)), ("Sunday", dt.date(2025, 3, 30))]
    check(all(d.strftime("%A") == w for w, d in weekdays) and all(15 <= d.day <= 21 for w, d in weekdays[2:7])
          and has(docs["news/2024-04-lambing-weekend"], "Easter Saturday and Easter Sunday, 30 and 31 March"),
          "weekdays named in the documents are right; trustees' meetings fall on third Thursdays")


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
    check(fmt == FORMATS, f"formats 21 md / 5 txt / 5 html ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"21 documents with front matter date/author/kind (all the md) ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"ten documents without front matter (five txt, five html) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2017 visitor rules) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the 2024 visitor rules that replaced them ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.3-2.3 KB ({min(raw.values())}-{max(raw.values())})")
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
                    if it.type != "comparison" and contains_tokens(answer_tokens(it.question), answer_tokens(g)):
                        bad_ev.append((it.id, g, "gold inside the question"))
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
        check(not bad_ev, f"{split}: every gold phrasing in an evidence doc as whole tokens, and (comparisons apart) not inside the question {bad_ev}")
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
