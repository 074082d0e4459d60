"""Checks for evalsets/prose46 (no model): run from the repo root (`python3 evalsets/prose46/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose46/check.py`)."""
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

PREFIX = "p46"
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

NAME = r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+)"
UNANSWERABLE = {
    "p46-dev-038": (rf"\bCampion\b{W}\b(sold|fetched|went|bought)\b{W}{MONEY}|{MONEY}{W}\bfor Campion\b",
                    "Campion was sold for £4,500 to the scouts."),
    "p46-dev-039": (rf"\b(AGM|annual general meeting)\b{W}\b{NUM} (people|members)\b|\b{NUM} (people|members)\b{W}\b(AGM|annual general meeting)\b"
                    rf"|\b(attended|came to|turned up)\b{W}\b(AGM|annual general meeting)\b",
                    "Fifty-three members came to the AGM."),
    "p46-dev-040": (rf"\b(Greenmile|demonstrator)\b{W}{MONEY}|{MONEY}{W}\b(Greenmile|demonstrator)\b", "Greenmile charged £350 for the week."),
    "p46-dev-041": (rf"\b2022\b{W}\b(trips|journeys|passengers)\b|\b(trips|journeys|passengers)\b{W}\b2022\b",
                    "In 2022 the Valehopper made 12,400 passenger trips."),
    "p46-dev-042": (rf"\bsalary\b|\bwages?\b{W}\b(Leonie|Carveth|scheme manager)\b|\b(Leonie|Carveth|scheme manager)\b{W}\b(is paid|earns|gets paid|paid)\b{W}{MONEY}",
                    "The scheme manager is paid £24,000 a year."),
    "p46-dev-043": (rf"{NAME} (was|has been) (elected|voted in as|appointed) (the )?(new )?chair|\b(elected|appointed|voted in) (as )?(the )?(new )?chair\b"
                    rf"|\bnew chair\b{W}\b(is|was)\b",
                    "Humphrey Quickfall was elected chair."),
    "p46-dev-044": (rf"\bYoung Farmers\b{W}{MONEY}|{MONEY}{W}\bYoung Farmers\b", "The Cawdle Young Farmers raised £610."),
    "p46-dev-045": (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b(telephone|phone) number\b|\bring (us )?on \d", "The booking line is 01763 228 410."),
    "p46-test-059": (rf"\bBread Bin\b{W}\b(sold|scrapped|fetched|went for)\b|\b2003\b{W}{MONEY}|{MONEY}{W}\b2003\b",
                     "The Bread Bin was sold for £600 in 2003."),
    "p46-test-060": (rf"\bfirst journey\b{W}\b(driven|drove|driver)\b|{NAME} (drove|made|did) (the|its|our) first journey",
                     "Iolo Fidock drove the first journey."),
    "p46-test-061": (rf"\bHebbleton Motors\b{W}\b(owner|owned by|run by|proprietor|belongs to)\b|\b(owner|proprietor)\b{W}\bHebbleton Motors\b",
                     "Hebbleton Motors is owned by Vesta Stothard."),
    "p46-test-062": (rf"\b(Llinos|Hardcastle)\b{W}\b2023\b|\b2023\b{W}\b(Llinos|Hardcastle)\b", "In 2023 Llinos made 174 hospital journeys."),
    "p46-test-063": (rf"\b{NUM} votes\b{W}\bHarebell\b|\bHarebell\b{W}\b{NUM} (votes|pupils|children)\b|\b(votes|pupils)\b{W}\bHarebell\b{W}\d",
                     "Harebell won with 87 votes."),
    "p46-test-064": (rf"\b(Balderstone Room|room hire|hire of the room)\b{W}{MONEY}|{MONEY}{W}\bBalderstone Room\b|\bhir\w*\b{W}\bBalderstone Room\b",
                     "Hiring the Balderstone Room costs £15 an evening."),
    "p46-test-065": (r"\bcharity (number|no\.?|registration number)\b|\bregistered charity\b\s*(no\.?\s*)?\d{5,}",
                     "Our charity number is 1074512."),
    "p46-test-066": (rf"\b(Reggie|Wilcock)\b{W}(\baged \d+|\b\d+ years old|\bborn\b|, \d\d,|\b(seventy|sixty|eighty)[-\w]*\b)",
                     "Reggie Wilcock is 71 years old."),
    "p46-test-067": (rf"\b(repair\w*|fix\w*|mend\w*)\b{W}\btail-lift\b{W}{MONEY}|\btail-lift\b{W}\b(repair\w*|fix\w*)\b{W}{MONEY}"
                     rf"|{MONEY}{W}\b(repair\w*|fix\w*)\b{W}\btail-lift",
                     "Repairing Campion's tail-lift cost £1,450 in 2024."),
    "p46-test-068": (rf"\b{NUM} (people|spectators|onlookers|visitors)\b{W}\b(Pull a Bus|market place|watch\w*)\b|\b(watched|came to watch|crowd of)\b{W}\b{NUM}\b",
                     "About 600 people watched in the market place."),
    "p46-test-069": (rf"\bThrelford Community Hospital\b{W}\b{NUM} (hospital )?(journeys|trips|patients)\b|\b{NUM} (hospital )?(journeys|trips)\b{W}\bThrelford Community Hospital\b",
                     "Of those, 640 journeys were to Threlford Community Hospital."),
    "p46-test-070": (rf"\b(demonstrator|trial)\b{W}\b{NUM} (passengers|people)\b|\b{NUM} (passengers|people)\b{W}\b(demonstrator|trial)\b",
                     "The demonstrator carried 86 passengers during the trial."),
}

DOCS = 32
FORMATS = Counter(md=22, txt=6, html=4)
NO_FRONT_MATTER = ["about/history", "about/the-old-fire-station", "advice/faq", "appeal/appeal-update-2025-02",
                   "drivers/mileage-and-expenses", "fleet/2024-07-electric-minibus-trial", "incidents/2025-01-swarth-bank-slide",
                   "letters/2024-03-scowby-petition-and-reply", "letters/2024-11-missed-pickup-complaint-and-reply",
                   "news/2024-06-pull-a-bus"]
SUPERSEDED = ["fares/fares-policy-2019"]
CURRENT = ["fares/fares-policy-2024"]
SIZES = (1000, 2400)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=28, descriptive=15, reverse=7, comparison=5, multi_hop=3, unanswerable=12)}


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def money(s: str) -> int:
    return int(s.replace("£", "").replace(",", "").replace("nil", "0"))


def arithmetic(docs: dict[str, Document]) -> None:
    """The figures that several documents state agree, and the accounts add up (no model)."""
    ar = docs["reports/annual-report-2024"]
    rows = re.findall(r"^\s*- ([^:\n]+): (£[\d,]+) \((£[\d,]+)\)$", ar.text, re.M)
    table = {k: (money(a), money(b)) for k, a, b in rows}
    inc = ["Fares and passenger contributions", "Membership subscriptions", "District council service agreement",
           "Donations and legacies", "Other grants"]
    out = ["Staff (four part-time posts)", "Volunteer drivers' mileage and parking", "Minibus fuel",
           "Minibus maintenance, tax and insurance", "Office, rent and telephones", "Criminal records checks and driver training"]
    ok = len(table) == 13 and all(sum(table[k][y] for k in inc) == table["Income"][y]
                                   and sum(table[k][y] for k in out) == table["Spending"][y] for y in (0, 1))
    result = (table["Income"][0] - table["Spending"][0], table["Income"][1] - table["Spending"][1])
    check(ok and result == (2190, -3480) and has(ar, "surplus of £2,190", "deficit of £3,480") and 56550 + 2190 == 58740
          and has(ar, "£58,740 (£56,550)") and has(docs["meetings/2025-01-committee-minutes"], "£163,400", "£161,210", "£2,190", "£3,480", "£58,740")
          and 4 < 58740 * 12 / 161210 < 4.5 and has(ar, "a little over four months"),
          "annual report: lines add up to income and spending in both years; surplus, deficit and reserves (a little over four months) agree with the minutes")
    check(round(100 * 71460 / 161210) == 44 and round(100 * 62380 / 144680) == 43 and has(ar, "forty-four per cent", "up from forty-three")
          and 38000 * 3 // 12 + 42000 * 9 // 12 == table["District council service agreement"][0] and table["District council service agreement"][1] == 38000
          and has(docs["partners/district-council"], "£42,000", "£38,000", "1 April 2024", "31 March 2027") and has(docs["meetings/2024-05-committee-minutes"], "£42,000", "£38,000")
          and 1032 * 10 == table["Membership subscriptions"][1] and has(docs["fares/fares-policy-2019"], "£10 a year"),
          "fares pay 44% (43%) of spending; council line = 3 months at £38,000 + 9 at £42,000; 2023 subscriptions = 1,032 members at £10")
    check(has(ar, "| 14,870 | 13,215 |", "| 3,964 | 3,702 |", "| 2,318 | 2,041 |", "| 21,152 | 18,958 |") and 14870 + 3964 + 2318 == 21152
          and 13215 + 3702 + 2041 == 18958 and has(docs["about/at-a-glance"], "21,152", "1,146", "47 volunteer car drivers", "17 volunteer minibus drivers")
          and has(docs["services/hospital-car-service"], "2,318") and has(ar, "| 1,146 | 1,032 |", "| 47 | 41 |", "| 17 | 15 |", "| 22 | 19 |")
          and 1146 - 1032 == 114 and has(docs["fares/membership"], "1,146 members, 114 more") and 47 + 17 + 22 == 86
          and has(docs["people/staff-and-volunteers"], "eighty-six volunteers", "Our 47 volunteer car drivers and 17")
          and has(ar, "| 61,240 | 58,770 |") and has(docs["fleet/minibuses"], "61,240 miles in 2024"),
          "journeys add up (14,870 + 3,964 + 2,318 = 21,152); members, drivers (47 + 17 + 22 = 86 volunteers), hospital journeys and minibus miles agree")
    au = docs["appeal/appeal-update-2025-02"].text
    gifts = [20000, 17460, 12000, 4320, 3870, 3000, 2500]
    check(all(f"£{g:,}" in au for g in gifts) and sum(gifts) == 63150 and "£63,150" in au and 68000 - 63150 == 4850 and "£4,850" in au
          and has(docs["meetings/2025-01-committee-minutes"], "£63,150", "£4,850") and 63150 - 20000 == 43150 and has(ar, "£43,150")
          and 61800 + 6200 == 68000 and 87400 + 4600 == 92000 and has(docs["appeal/wheels-for-the-vale"], "£61,800", "£6,200", "£68,000", "£87,400", "£4,600", "£92,000", "£31,640")
          and has(docs["meetings/2024-02-committee-minutes"], "£61,800", "£87,400", "£92,000", "£4,600") and has(docs["meetings/2024-09-committee-minutes"], "£61,800", "£68,000", "£31,640", "£14,500")
          and has(docs["fleet/2024-07-electric-minibus-trial"], "£14,500", "£4,600") and has(docs["news/2024-06-pull-a-bus"], "£3,870"),
          "appeal: gifts add up to £63,150, leaving £4,850 of £68,000 (£61,800 + £6,200; first £92,000 = £87,400 + £4,600); £43,150 held before the council's £20,000")
    check(round(18 * 0.52, 2) == 9.36 and has(docs["services/volunteer-car-scheme"], "eighteen miles", "£9.36", "52p a mile", "£5")
          and has(docs["fares/fares-policy-2024"], "52p a mile", "£5", "£30", "£3.50", "£7 return", "£2.50") and has(docs["fares/fares-policy-2019"], "45p a mile", "£4", "£2.50", "£3.50", "£6 return", "40p")
          and has(docs["drivers/mileage-and-expenses"], "45p", "40p", "1 July 2024") and has(docs["meetings/2024-05-committee-minutes"], "40p to 45p", "£10 to £12", "£30")
          and has(docs["services/valehopper-dial-a-ride"], "£3.50", "£7 return") and 2 * 5.2 < 11 and has(docs["newsletters/nearside-63-spring-2025"], "average of ten", "twice"),
          "fares: car scheme example 18 miles x 52p = £9.36; old and new fares, mileage and membership rates agree; market bus ten a week is about twice 5.2")
    check(has(docs["meetings/2024-02-committee-minutes"], "six votes to three (Ras, Reggie and Queenie against)", "five votes to four", "five votes to three, with Catriona abstaining")
          and has(docs["meetings/2024-09-committee-minutes"], "seven votes to two (Zainab and Aelred against)", "eight votes to one")
          and has(docs["meetings/2025-01-committee-minutes"], "six votes to two", "Apologies: Zainab Sephton") and 6 + 3 == 5 + 4 == 5 + 3 + 1 == 7 + 2 == 8 + 1 == 9 == 6 + 2 + 1
          and has(docs["people/trustees"], "nine trustees") and has(docs["letters/2024-03-scowby-petition-and-reply"], "five to four"),
          "votes account for the nine trustees (one apology in January 2025); the chair's letter gives the same five to four")
    check(1994 + 30 == 2024 and 1994 + 31 == 2025 and has(docs["meetings/2024-02-committee-minutes"], "thirty years")
          and has(docs["newsletters/nearside-63-spring-2025"], "Thirty-one years", "eighty-three", "April 1994") and has(docs["people/staff-and-volunteers"], "April 1994")
          and 2025 - 2019 == 6 and has(docs["people/trustees"], "Chair (since 2019)", "six years") and 2024 - 2011 == 13 and has(docs["newsletters/nearside-63-spring-2025"], "Thirteen years")
          and 2010 - 2007 == 3 and has(docs["about/the-old-fire-station"], "2007", "three years", "2010", "twenty-five years") and has(docs["partners/district-council"], "twenty-five years from 2010")
          and has(docs["about/history"], "2009") and has(docs["people/trustees"], "| 2009 |", "the year Millie Balderstone stood down")
          and has(docs["fleet/minibuses"], "251,300", "164,800", "98,450") and 251300 > 250000,
          "Iolo 30 years in 2024, 31 in 2025; Viv chair six years; Campion thirteen years and over a quarter of a million miles; fire station empty 2007-2010, lease 25 years; Queenie joined 2009")
    weekdays = [("Thursday", dt.date(1994, 2, 3)), ("Tuesday", dt.date(2024, 2, 20)), ("Tuesday", dt.date(2024, 5, 21)),
                ("Tuesday", dt.date(2024, 9, 17)), ("Tuesday", dt.date(2024, 11, 19)), ("Tuesday", dt.date(2025, 1, 21)),
                ("Tuesday", dt.date(2025, 2, 18)), ("Saturday", dt.date(2024, 3, 30)), ("Saturday", dt.date(2024, 5, 18)),
                ("Saturday", dt.date(2024, 6, 8)), ("Saturday", dt.date(2024, 10, 5)), ("Monday", dt.date(2024, 7, 15)),
                ("Friday", dt.date(2024, 7, 19)), ("Tuesday", dt.date(2024, 11, 12)), ("Tuesday", dt.date(2024, 11, 19)),
                ("Monday", dt.date(2024, 11, 25)), ("Thursday", dt.date(2025, 1, 9)), ("Saturday", dt.date(2025, 5, 17))]
    check(all(d.strftime("%A") == w for w, d in weekdays) and all(15 <= d.day <= 21 for w, d in weekdays[1:7]),
          "weekdays named in the documents are right; committee meetings fall on third Tuesdays")


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
    check(fmt == FORMATS, f"formats 22 md / 6 txt / 4 html ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"22 documents with front matter date/author/kind (all the md) ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"ten documents without front matter (six txt, four html) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2019 fares policy) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the 2024 fares policy that replaced it ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.0-2.4 KB ({min(raw.values())}-{max(raw.values())})")
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
