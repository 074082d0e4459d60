"""Checks for evalsets/prose47 (no model): run from the repo root (`python3 evalsets/prose47/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose47/check.py`)."""
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

PREFIX = "p47"
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


# inside one clause: anything but '.' or ';', except a decimal point ("105.2 FM", "£1,930")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|a few|several)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"


# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)

NAME = r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+)"
UNANSWERABLE = {
    "p47-dev-038": (rf"\bco-presenter,? {NAME}|{NAME},? (his|Cat's|Cat Red's) (former |old )?co-presenter\b|{NAME},? (who|had) (moved|left)\b{W}\bLeeds\b",
                    "His co-presenter, Dominic Featherby, moved to Leeds."),
    "p47-dev-039": (rf"\b2022\b{W}\b(listeners|audience)\b|\b(listeners|audience)\b{W}\b2022\b",
                    "In 2022 the weekly audience was 8,100."),
    "p47-dev-040": (rf"\bsalary\b|\b(station manager|Mairead|Eskrigge)\b{W}\b(is paid|earns|gets)\b{W}{MONEY}",
                    "The station manager is paid £26,000 a year."),
    "p47-dev-041": (rf"\b(previous|former|last|old) chair\b,?{W}{NAME}|{NAME}{W}\b(was|as) (the )?chair\b{W}\b(until|ill|illness)\b|\bchair\b{W}\b(fell ill|was ill)\b{W}{NAME}",
                    "The previous chair, Hubert Longstaff, was ill in 2020."),
    "p47-dev-042": (rf"\b(AGM|annual general meeting)\b{W}\b{NUM} (people|members)\b|\b{NUM} (people|members)\b{W}\b(AGM|annual general meeting)\b"
                    rf"|\b(attended|came to|turned up)\b{W}\b(AGM|annual general meeting)\b",
                    "Seventy-two members came to the AGM."),
    "p47-dev-043": (rf"\b2001\b{W}{MONEY}|{MONEY}{W}\b2001\b|\b(bought|paid|purchased)\b{W}\b(building|exchange)\b{W}{MONEY}",
                    "The council bought the building in 2001 for £85,000."),
    "p47-dev-044": (rf"\bproducer\b,? {NAME}|{NAME},? (the|our) producer\b|\bproducer\b{W}\b(was|named|called) {NAME}",
                    "The producer that night was Fintan Ashworth."),
    "p47-dev-045": (rf"\b{NUM} copies\b|\bcopies\b{W}\b(printed|print)\b|\bprint run\b",
                    "We print 1,200 copies of each issue."),
    "p47-test-061": (rf"\bcaller\b{W}\b(gave (his|the|a) name|called himself|calling himself|who was)\b|\bcaller\b,? {NAME}|{NAME} was the caller\b",
                     "The caller gave his name as Gary from Hobbeck."),
    "p47-test-062": (rf"\bTamsett\b{W}(?-i:\b[A-Z]{{1,4}}-?\d{{2,4}}\b)|\bmodel\b",
                     "Tamsett Broadcast supplied its TX-100."),
    "p47-test-063": (rf"\b2022-23\b|\bin 2022\b{W}\b{NUM} complaints\b|\b{NUM} complaints\b{W}\b(in )?2022\b",
                     "In 2022-23 we received seven complaints."),
    "p47-test-064": (rf"{NAME} (was|has been|is) (elected|appointed|co-opted)\b|{NAME}{W}\b(joined the board|took (her|Myrtle's) place)\b"
                     rf"|\b(replace[sd]?|succeed\w*|in (her|Myrtle's) place)\b (by |as a director by )?{NAME}",
                     "Fintan Ashworth was elected to the board in her place."),
    "p47-test-065": (rf"\brent\b{W}\bQuillerby Walk\b{W}{MONEY}|\bQuillerby Walk\b{W}\brent\b{W}{MONEY}|\b(after|once) (the )?(three|3) (rent-free )?years\b{W}{MONEY}",
                     "After the three rent-free years, Quillerby Walk would have charged £9,500 a year in rent."),
    "p47-test-066": (rf"\b(Aconley|steeplejacks?)\b{W}\b(charged|charge|invoiced|billed|cost us)\b{W}{MONEY}|{MONEY}{W}\b(to|went to|paid to) (Aconley|the steeplejacks)\b"
                     rf"|\bsteeplejacks'? (bill|charge|invoice|fee)\b",
                     "Aconley Access charged £640 for the climb."),
    "p47-test-067": (rf"\b(late shifts?|late pair)\b{W}\bJarek( Gatenby)? and (?!Cat\b){NAME}|\bJarek( Gatenby)? and (?!Cat\b){NAME}{W}\b(signed off|late)\b"
                     rf"|\b(other|second|another) volunteer\b,? {NAME}",
                     "Jarek Gatenby and Oisin Farrant were signed off for late shifts."),
    "p47-test-068": (rf"\b{NUM} (people|listeners)\b{W}\bDAB\b|\bDAB\b{W}\b{NUM} (people|listeners)\b|\b(listen|listening|tune in)\w*\b{W}\b(on|via) DAB\b{W}\b{NUM} (people|listeners|homes)\b",
                     "About 2,400 people listen to us on DAB each week."),
    "p47-test-069": (rf"\bZissman's Records\b{W}\bowner\b,? {NAME}|\bowner\b,? {NAME}{W}\bZissman|{NAME},? (the )?(owner|proprietor) of Zissman|\bZissman's Records\b{W}\b(run|owned) by {NAME}",
                     "Zissman's Records was owned by Leopold Zissman."),
    "p47-test-070": (rf"\bPinder's\b{W}\b(closed|shut|closing)\b|\b(closed|shut)\b{W}\bPinder's\b",
                     "Pinder's bakery closed in 2015."),
    "p47-test-071": (rf"\b(licence|Ofcom)\b{W}\bfee\b|\bfee\b{W}\b(licence|Ofcom)\b|\bOfcom\b{W}\bcharges?\b{W}{MONEY}|{MONEY}{W}\b(to|for) Ofcom\b",
                     "Ofcom charges a licence fee of £600 a year."),
    "p47-test-072": (rf"\bTrattles\b{W}\b(Stay Tuned|appeal|transmitter)\b|\b(Stay Tuned|appeal)\b{W}\bTrattles\b",
                     "The Trattles Trust gave £2,000 to the Stay Tuned appeal."),
}

DOCS = 31
FORMATS = Counter(md=22, txt=5, html=4)
NO_FRONT_MATTER = ["about/history", "about/the-old-telephone-exchange", "advice/faq", "appeal/radiothon-2024",
                   "incidents/2024-01-gale-outage", "letters/2024-05-phone-in-complaint-and-reply",
                   "letters/2024-09-field-and-fold-complaint-and-reply", "news/2024-06-open-day", "policies/complaints-procedure"]
SUPERSEDED = ["policies/presenter-code-2016", "programmes/schedule-2019"]
CURRENT = ["policies/on-air-and-studio-policy-2023", "programmes/schedule-2024"]
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
    inc = ["Advertising and sponsorship", "Volunteer subscriptions", "Grants", "Training contract with Brindlecote College",
           "Donations and fundraising", "Studio and Switch Room hire"]
    out = ["Staff (two part-time posts)", "Rent, rates and utilities", "Music royalties", "Transmission, DAB and the tower site",
           "Equipment and repairs", "Insurance, office and telephones", "Training and volunteer costs"]
    ok = len(table) == 15 and all(sum(table[k][y] for k in inc) == table["Income"][y]
                                   and sum(table[k][y] for k in out) == table["Spending"][y] for y in (0, 1))
    result = (table["Income"][0] - table["Spending"][0], table["Income"][1] - table["Spending"][1])
    m25 = docs["meetings/2025-03-board-minutes"]
    check(ok and result == (1930, -1840) and has(ar, "surplus of £1,930", "deficit of £1,840") and 22680 + 1930 == 24610
          and has(ar, "£24,610 (£22,680)") and 2.9 < 24610 * 12 / 99550 < 3 and has(ar, "almost three months")
          and abs(1930 - 2000) < 100 and has(m25, "about £2,000", "last year's deficit"),
          "annual report: lines add up to income and spending in both years; surplus, deficit and reserves (almost three months) agree; the March forecast of about £2,000")
    check(round(100 * table["Advertising and sponsorship"][0] / table["Income"][0]) == 22
          and round(100 * table["Advertising and sponsorship"][1] / table["Income"][1]) == 21 and has(ar, "twenty-two per cent", "up from twenty-one")
          and 128 * 20 == table["Volunteer subscriptions"][0] and 121 * 15 == table["Volunteer subscriptions"][1] and has(ar, "128 volunteers")
          and has(ar, "| 138 | 121 |", "| 64 | 58 |", "| 47 | 39 |", "| 96 | 91 |", "| 4 | 33 |", "| 9,800 | 8,900 |", "| 14 | 9 |", "| 3 | 2 |")
          and table["Training contract with Brindlecote College"] == (12000, 11000) and has(docs["partners/brindlecote-college"], "£12,000", "a thousand pounds more"),
          "report: advertising 22% (21%) of income; subscriptions 128 x £20 and 121 x £15; the college contract £12,000 (£11,000)")
    check(has(docs["about/at-a-glance"], "138 volunteers", "sixty-four", "9,800", "38,600", "two part-time", "eight volunteer directors", "seven villages")
          and len(re.findall(r"\b(Hobbeck|Nethercrook|Gorsthwaite|Ullerthorpe|Crackenbeck|Wimbersley|Mewsby)\b", docs["about/at-a-glance"].text)) == 7
          and has(docs["people/staff-and-volunteers"], "138 volunteers", "two paid posts") and has(docs["people/board"], "eight directors")
          and len(re.findall(r"^\| (?!Director|---)", docs["people/board"].text, re.M)) == 8,
          "volunteers (138, 64 presenters), audience, staff, seven villages and the eight directors agree across documents")
    st = docs["appeal/stay-tuned-appeal"]
    items = [14800, 5600, 3600, 5500]
    radio = [3412, 2965, 1138, 640, 1000]
    check(all(f"£{g:,}" in st.text for g in items) and sum(items[:3]) == 24000 and sum(items) == 29500
          and has(docs["meetings/2024-03-board-minutes"], "£14,800", "£5,600", "£3,600", "£24,000")
          and has(docs["meetings/2024-09-board-minutes"], "£5,500", "£24,000 to £29,500", "£13,980") and has(st, "£13,980", "£1,140", "£625")
          and has(docs["news/2024-06-open-day"], "£1,140") and all(f"£{g:,}" in docs["appeal/radiothon-2024"].text for g in radio)
          and sum(radio) == 9155 and has(docs["appeal/radiothon-2024"], "£9,155", "£24,870", "£4,630") and 24870 + 4630 == 29500
          and 13980 + 9155 <= 24870 and 30215 - 29500 == 715 and has(m25, "£30,215", "612 donors", "£715")
          and has(docs["newsletters/crosstalk-38-spring-2025"], "£30,215", "612", "£715") and has(ar, "£30,215", "£29,500"),
          "appeal: budget £14,800 + £5,600 + £3,600 = £24,000, + £5,500 = £29,500; radiothon lines add to £9,155; £24,870 + £4,630; closed at £30,215, £715 over")
    ex = docs["about/the-old-telephone-exchange"]
    check(41000 + 9500 < 56000 and has(ex, "£56,000", "£41,000", "£9,500", "the rest") and 1998 + 15 == 2013 and 2013 + 15 == 2028
          and has(ex, "1998", "fifteen years", "1 April 2013", "£2,400 a year", "1931", "1962") and 1962 - 1931 in (30, 31)
          and has(docs["partners/town-council"], "1 April 2013", "fifteen-year lease", "£2,400 a year", "31 March 2038", "ten years", "£31,000")
          and has(docs["meetings/2024-09-board-minutes"], "March 2028", "£31,000") and 2028 + 10 == 2038 and has(m25, "31 March 2038", "ten years"),
          "building: refit £41,000 + £9,500 + the rest = £56,000; empty 1998-2013 (fifteen years); lease 2013-2028, extended ten years to 2038")
    tx = docs["technical/transmitter-and-dab"]
    outage = dt.datetime(2024, 1, 23, 4, 48) - dt.datetime(2024, 1, 21, 23, 48)
    check(180 * 12 == 2160 and has(tx, "£180 a month", "two-year", "£600 a year", "£6,800", "£350", "1 October 2024") and has(docs["meetings/2024-06-board-minutes"], "£2,160", "two-year")
          and has(docs["meetings/2024-03-board-minutes"], "£180 a month") and 2160 > 600
          and outage == dt.timedelta(hours=29) and has(docs["incidents/2024-01-gale-outage"], "11.48 pm", "4.48 am", "twenty-nine hours", "£1,870", "£250")
          and 29 + 3 <= 33 and has(tx, "33 in 2023-24", "29 were the gales", "4 in 2024-25", "three hours on 4 March")
          and has(docs["meetings/2024-03-board-minutes"], "4 March, for three hours") and 2024 - 2010 == 14 and has(docs["incidents/2024-01-gale-outage"], "fourteen years"),
          "transmission: DAB £180 a month = £2,160 a year (more than the tower's £600); the outage 11.48 pm Sunday to 4.48 am Tuesday = 29 hours; hours off air agree")
    lic = docs["licence/community-radio-licence"]
    check(2010 + 5 == 2015 and 2015 + 5 == 2020 and 2020 + 5 == 2025 and 2025 + 5 == 2030 and has(lic, "5 March 2030", "renewed in 2015 and again in 2020", "4 February 2025")
          and 84 <= 91 <= 96 and has(lic, "84 hours") and 30 <= 39 <= 47 and has(lic, "thirty local people") and 27 >= 25 and 31 >= 25
          and has(docs["programmes/schedule-2019"], "27 per cent") and has(docs["programmes/schedule-2024"], "31 per cent")
          and has(lic, "forty-two days") and has(docs["policies/presenter-code-2016"], "42 days") and has(docs["policies/on-air-and-studio-policy-2023"], "ninety days", "forty-two"),
          "licence: five-year terms 2010-2030; original hours 96 (91) >= 84; trainees 47 (39) >= 30; speech 27% and 31% >= a quarter; recordings 42 and 90 days")
    votes = [(m25, None, 7), (docs["meetings/2024-03-board-minutes"], None, 8), (docs["meetings/2024-06-board-minutes"], None, 7), (docs["meetings/2024-09-board-minutes"], None, 8)]
    present = [len(re.findall(r"(?:Oddingley|Wraithmell|Sunderbury|Baxby|Ridsdale|Haverthwaite|Whiteoak|Staveley)", re.split(r"Apologies|In attendance", d.text.split("Present:")[1])[0])) for d, _, _ in votes]
    check(present == [7, 8, 7, 8]
          and has(docs["meetings/2024-03-board-minutes"], "five votes to three (Innes, Bilal and Ioana against)", "six votes to two (Babajide and Myrtle against)") and 5 + 3 == 6 + 2 == 8
          and has(docs["meetings/2024-06-board-minutes"], "six votes to one (Kavita against)", "five votes to two (Kavita and Lorenz against)") and 6 + 1 == 5 + 2 == 7
          and has(docs["meetings/2024-09-board-minutes"], "seven votes to one (Lorenz against)", "five votes to three (Myrtle, Babajide and Innes against)") and 7 + 1 == 5 + 3 == 8
          and has(m25, "unanimously"),
          "votes account for the directors present (eight; seven when one sent apologies)")
    check(2025 - 2009 == 16 and has(m25, "sixteen years") and has(docs["newsletters/crosstalk-38-spring-2025"], "sixteen years", "11 March 2010", "fifteenth")
          and 2024 - 2010 == 14 and has(docs["meetings/2024-03-board-minutes"], "turned fourteen on Monday") and 2024 - 2012 == 12
          and has(docs["people/presenters"], "since 2012", "in 2016", "in 2018", "since 2017") and has(docs["letters/2024-09-field-and-fold-complaint-and-reply"], "twelve years")
          and 3 * 5 == 15 and has(docs["programmes/schedule-2024"], "6.30 am to 9.30 am") and has(docs["people/board"], "fifteen hours a week")
          and has(docs["people/board"], "| 2009 |", "| 2016 |", "| 2018 |", "| 2019 |", "| 2020 |") and 2016 < 2018,
          "years: Myrtle sixteen years on the board; The Nightjar fourteen in 2024, fifteen in 2025; Field and Fold twelve years; breakfast 3 h x 5 = 15 h")
    weekdays = [("Tuesday", dt.date(2009, 7, 14)), ("Saturday", dt.date(2010, 3, 6)), ("Thursday", dt.date(2010, 3, 11)),
                ("Monday", dt.date(2013, 9, 2)), ("Monday", dt.date(2019, 9, 2)), ("Monday", dt.date(2024, 9, 2)),
                ("Wednesday", dt.date(2024, 3, 13)), ("Wednesday", dt.date(2024, 6, 12)), ("Wednesday", dt.date(2024, 9, 11)),
                ("Wednesday", dt.date(2024, 12, 11)), ("Wednesday", dt.date(2025, 3, 12)), ("Wednesday", dt.date(2025, 6, 11)),
                ("Sunday", dt.date(2024, 1, 21)), ("Tuesday", dt.date(2024, 1, 23)), ("Saturday", dt.date(2024, 3, 30)),
                ("Saturday", dt.date(2024, 6, 22)), ("Saturday", dt.date(2024, 10, 5)), ("Friday", dt.date(2024, 11, 15)),
                ("Thursday", dt.date(2024, 5, 2)), ("Thursday", dt.date(2024, 5, 9)), ("Thursday", dt.date(2024, 5, 16)),
                ("Tuesday", dt.date(2025, 1, 7)), ("Tuesday", dt.date(2025, 2, 18)), ("Saturday", dt.date(2025, 7, 12)),
                ("Thursday", dt.date(2025, 5, 8)), ("Monday", dt.date(2024, 3, 11))]
    check(all(d.strftime("%A") == w for w, d in weekdays) and all(8 <= d.day <= 14 for w, d in weekdays[6:12]),
          "weekdays named in the documents are right; board meetings fall on second Wednesdays")


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
    check(fmt == FORMATS, f"formats 22 md / 5 txt / 4 html ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"22 documents with front matter date/author/kind (all the md) ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"nine documents without front matter (five txt, four html) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"two superseded documents (the 2016 presenter code, the 2019 schedule) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"two current documents, the 2023 policy and the 2024 schedule that replaced them ({cur})")
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
