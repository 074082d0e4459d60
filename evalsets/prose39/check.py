"""Checks for evalsets/prose39 (no model): run from the repo root (`python3 evalsets/prose39/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose39/check.py`)."""
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

PREFIX = "p39"
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
    "p39-dev-038": (r"\b(son|boy)\b,? (called|named)\b|\b(son|boy), [a-z]+,|\b(called|named) [a-z]+\b{W}\b(son|boy)\b".replace("{W}", W),
                    "Her son, Tobias, is nine."),
    "p39-dev-039": (rf"\bbookbinder\b{W}{MONEY}|{MONEY}{W}\bbookbinder\b",
                    "The bookbinder pays £4,800 a year."),
    "p39-dev-040": (rf"\bKirsi\b{W}\b\d+ votes\b|\bKirsi\b{W}\bwith \d+\b|\bKirsi\b{W}\b(was|were) elected\b",
                    "Kirsi Gallacher was elected with 102 votes."),
    "p39-dev-041": (rf"\b2023\b{W}\bboxes\b|\bboxes\b{W}\b2023\b",
                    "In 2023 we packed 318 boxes a week."),
    "p39-dev-042": (rf"\b0\d{{3,4}}[ -]?\d{{3}}[ -]?\d{{3,4}}\b|\b(telephone|phone|ring|call)\b{W}\b\d{{5,}}\b",
                    "Phone the shop on 01632 448 210."),
    "p39-dev-043": (rf"\b2023\b{W}\bworking members\b|\bworking members\b{W}\b2023\b",
                    "At the end of 2023 there were 221 working members."),
    "p39-dev-044": (rf"\bpest[- ]control (firm|company|contractor),? (called|named|is)\b|\b(Ltd|Limited)\b|\bpests? (firm|company) [A-Z][a-z]+",
                    "The pest-control firm, called Vermex Ltd, visits every eight weeks."),
    "p39-dev-045": (rf"\b(2015|last paid|was paid)\b{W}\b\d+(\.\d+)? ?(%|per cent)|\b\d+(\.\d+)? ?(%|per cent)\b{W}\b(2015|last paid)\b",
                    "Interest was last paid in 2015, at 1.5%."),
    "p39-test-065": (rf"\byoung man\b{W}\b(called|named)\b|\byoung man\b,? [a-z]+ [a-z]+,|\b(called|named) [a-z]+\b{W}\btill\b",
                     "The young man, Rory Dunn, was on the till."),
    "p39-test-066": (rf"\b2024\b{W}\b(present|attended|came)\b|\b(present|attended)\b{W}\b2024\b",
                     "Present at the 2024 AGM: 97 members."),
    "p39-test-067": (rf"\bsalary\b|\b(general manager|Prue)\b{W}\b(paid|earns)\b{W}{MONEY}",
                     "The general manager's salary is £34,000."),
    "p39-test-068": (rf"\b{NUM} members\b{W}\b(hold|held|have)\b{W}(£2,000|maximum)|\b(maximum|£2,000)\b{W}\bheld by {NUM}\b",
                     "Nine members hold the maximum of £2,000."),
    "p39-test-069": (rf"\bbookbinder\b,? (called|named)\b|\bbookbinder\b, [a-z]+ [a-z]+,|\b[a-z]+ [a-z]+, (the|a|our) bookbinder\b",
                     "The top floor is let to a bookbinder, Anwen Pryce, who binds books."),
    "p39-test-070": (rf"\b(Mangold|the van|electric van)\b{W}\b(cost|bought for|paid)\b{W}{MONEY}|{MONEY} (for|on) (the |an |its )?(electric )?van\b|\bvan\b{W}\b(cost|bought for|paid for)\b{W}{MONEY}",
                     "Mangold cost £38,500 in 2022."),
    "p39-test-071": (rf"\blaboratory\b{W}{MONEY}|{MONEY}{W}\blaboratory\b|\btest\b (cost|came to)\b{W}{MONEY}",
                     "The laboratory test cost £180."),
    "p39-test-072": (rf"\b(new|next) secretary\b|\bsecretary\b (will be|is to be)\b|\b(taking|takes|take) over as secretary\b|\bsucceed(s|ing)? Nesta\b|\b(elected|appointed|chosen) (as )?secretary\b",
                     "The new secretary will be Alma Blencowe."),
    "p39-test-073": (rf"\bflour\b{W}{MONEY}|{MONEY}{W}\bflour\b",
                     "Flour is £1.90 a kilo."),
    "p39-test-074": (rf"\b2023\b{W}\b\d+ ?(%|per cent)|\b\d+ ?(%|per cent){W}\b2023\b",
                     "In 2023 it was 18%."),
    "p39-test-075": (rf"\bcollection point\b{W}\b(carried|approved|agreed|lost|defeated|rejected)\b|\b(carried|approved|lost|defeated|rejected)\b{W}\bcollection point\b",
                     "The collection point motion was carried."),
    "p39-test-076": (rf"\bGodsalve\b{W}\b{NUM} (acres|hectares|trees)\b|\b{NUM} (acres|hectares)\b{W}\bGodsalve",
                     "Godsalve's Orchard has twelve acres of trees."),
}

DOCS = 25
FORMATS = Counter(md=20, txt=5)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "letters/2025-10-complaint-and-reply", "meetings/2026-03-agm-notice",
                   "safety/2025-07-allergen-incident", "vegbox/delivery-rounds"]
SUPERSEDED = ["policies/returns-policy-2019"]
CURRENT = ["policies/returns-policy-2025"]
SIZES = (1500, 2900)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> Decimal:
    return Decimal(0) if text == "nil" else Decimal(re.sub(r"[£,()*]", "", text))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts, votes and dates the documents state agree with their parts and with each
    other (every gold is written in its evidence; totals that did not add up would make a careful
    reader doubt the right figure)."""
    ar, hi, gl, pr, ppl = (docs["reports/annual-report-2025"], docs["about/history"], docs["about/greywether-at-a-glance"],
                           docs["about/premises"], docs["people/board-and-staff"])
    ms, wm, faq = docs["membership/member-shares"], docs["membership/working-members"], docs["membership/joining-faq"]
    lsp, sup, vis = docs["sourcing/local-sourcing-policy"], docs["sourcing/suppliers"], docs["sourcing/brackenhurst-farm-visit"]
    vb, dr, pk = docs["vegbox/veg-box-scheme"], docs["vegbox/delivery-rounds"], docs["vegbox/packing-day-guide"]
    r19, r25 = docs["policies/returns-policy-2019"], docs["policies/returns-policy-2025"]
    agm, sgm, bd, notice = (docs["meetings/2025-03-agm-minutes"], docs["meetings/2025-09-special-general-meeting"],
                            docs["meetings/2026-01-board"], docs["meetings/2026-03-agm-notice"])
    nl, inc, fs, let = (docs["newsletters/the-scoop-88-spring-2026"], docs["safety/2025-07-allergen-incident"],
                        docs["safety/food-safety-procedures"], docs["letters/2025-10-complaint-and-reply"])

    rows = {label: (money(a), money(b)) for label, a, b in re.findall(
        r"^\| \**([^|*]+?)\** \| \**(£[\d,]+|nil)\** \| \**\((£[\d,]+|nil)\)\** \|$", ar.text, re.M)}
    sales = ["shop sales", "veg-box sales", "wholesale to cafés and other shops"]
    costs = ["wages and employer's costs", "warehouse rent and business rates", "energy, van, insurance and other costs",
             "recall and incident costs"]
    ok = len(rows) == 11
    for y in (0, 1):
        total = sum(rows[k][y] for k in sales)
        gross = total - rows["cost of goods sold"][y]
        surplus = gross - sum(rows[k][y] for k in costs)
        ok = ok and total == rows["total sales"][y] and gross == rows["gross surplus"][y] and surplus == rows["surplus for the year"][y]
    check(ok and rows["surplus for the year"] == (9900, 10900) and rows["total sales"] == (1279300, 1158700)
          and has(notice, "year's surplus of £9,900", "remaining £6,900") and 3000 + 6900 == 9900 and has(bd, "£3,000 of the 2025 surplus")
          and has(agm, "sales of £1,158,700", "a surplus of £10,900"),
          f"accounts: three sales lines make total sales, less cost of goods the gross surplus, less four cost lines the surplus, both years; £3,000 + £6,900 = £9,900 ({len(rows)} rows)")
    ts, vs = rows["total sales"], rows["veg-box sales"]
    check(round(ts[0] / ts[1] - 1, 2) == Decimal("0.10") and has(ar, "Sales grew by ten per cent")
          and vs[0] / vs[1] > Decimal("1.2") and has(ar, "rose by more than a fifth")
          and round(rows["gross surplus"][0] / ts[0] * 100) == 31 and has(ar, "the margin\nheld at 31%".replace("\n", " "))
          and abs(rows["wages and employer's costs"][0] / 4 - 75000) < 1000 and has(ar, "three months' wages, about £75,000")
          and (vs[0] - vs[1]) > (rows["shop sales"][0] - rows["shop sales"][1])
          and rows["warehouse rent and business rates"][0] > rows["energy, van, insurance and other costs"][0],
          "accounts: sales up ten per cent, veg boxes up more than a fifth (and by more than the shop), margin 31%, a quarter of wages about £75,000, rent and rates above energy and other costs")
    check(has(ar, "1,312 members (1,187)", "214 working members (238)", "436 veg boxes a week", "(372)", "18 solidarity boxes a week (11)",
              "fourteen paid staff (twelve)", "58% of the", "(53%)", "22% of shop sales (20%)", "£41,860 (£33,240)", "£36,200 (£41,000)")
          and has(gl, "1,312 at the end of 2025 (1,187 a year earlier), of whom 214", "436 a week") and has(ms, "£41,860 in shares", "(£33,240 a year")
          and has(wm, "238 working members at the end of 2024 and 214 at the end of 2025") and has(lsp, "58% in 2025 (53% in", "22% in 2025 (20%)")
          and has(vb, "436 a week on average (372 in 2024)") and has(sgm, "238 working members at the end of 2024") and has(nl, "214 of us at the end of December and 236")
          and has(agm, "the discount had cost £41,000 in 2024") and has(faq, "eleven a week on average last year") and has(ppl, "fourteen"),
          "year in numbers: members, working members, boxes, solidarity boxes, staff, local shares, share capital and the discount agree across documents")
    check(has(agm, "Present: 111 members") and 61 + 47 + 3 == 111 and has(agm, "61 votes to 47, with\n   3 abstentions".replace("\n   ", " "))
          and 96 + 9 + 6 == 111 and has(agm, "96 votes to 9, with 6 abstentions") and has(ms, "by 96 votes to 9")
          and 88 + 14 + 9 == 111 and has(agm, "88 votes to 14, with 9 abstentions") and 98 > 74 > 41 and has(agm, "98 votes", "with 74", "with 41")
          and has(sgm, "Present: 152 members") and 118 + 29 + 5 == 152 and has(sgm, "118 votes to 29, with 5 abstentions")
          and 31 + 117 + 4 == 152 and has(sgm, "31 votes to 117, with 4\nabstentions".replace("\n", " ")) and 52 >= 50 and has(sgm, "signed by 52", "the rules need fifty")
          and has(bd, "Present: six directors") and 5 == 6 - 1 and has(bd, "five votes to none") and 4 + 1 == 6 - 1 and has(bd, "four\n   votes to one".replace("\n   ", " "))
          and 4 == 6 - 1 - 1 and has(bd, "by four votes to none") and has(ppl, "seven directors") and 6 + 1 == 7,
          "votes: the AGM's 111, the SGM's 152 and the board's six present (less the chair, and less Bogdan on pay) account for every vote")
    check(has(sgm, "saved about\n£1,450 a month".replace("\n", " "), "cost about £1,900 a month") and 1900 > 1450
          and has(agm, "from 15% to 10% from 1 June 2025") and has(wm, "Between 1 June and 30 September 2025 the shop discount was 10%")
          and (dt.date(2025, 10, 1) - dt.date(2025, 6, 1)).days // 30 == 4 and has(ar, "for the four months at 10%")
          and has(wm, "Four hours in every four-week period, from 1 October 2025") and has(sgm, "four hours in every four weeks\ninstead of three".replace("\n", " ")),
          "discount: cut from 1 June to 30 September 2025 (four months), restored 1 October with four hours; overtime cost more than the cut saved")
    vb_p = {k: a for k, a, _ in re.findall(r"\*\*(Small box|Medium box|Large box|Fruit bag)\*\*[^£]*\*\*(£[\d.]+)\*\* \((£[\d.]+)\)", vb.text)}
    vb_o = dict(re.findall(r"\*\*(Small box|Medium box|Large box|Fruit bag)\*\*[^£]*\*\*£[\d.]+\*\* \((£[\d.]+)\)", vb.text))
    check(vb_p == {"Small box": "£13.50", "Medium box": "£18.00", "Large box": "£23.50", "Fruit bag": "£5.50"}
          and vb_o == {"Small box": "£12.75", "Medium box": "£17.00", "Large box": "£22.00", "Fruit bag": "£5.00"}
          and has(bd, "small £13.50", "medium £18, large £23.50, fruit bag £5.50") and has(vb, "£1.50\na box, as it was last year".replace("\n", " ")),
          f"veg-box prices: 2026 and 2025 prices agree between the scheme and the board ({vb_p})")
    rounds = {r: int(n) for r, n in re.findall(r"^([ABCD])\s+(?:Tuesday|Thursday)\s+.+?\s(\d+)\s+[\d.]+ [ap]m$", dr.text, re.M)}
    check(len(rounds) == 4 and sum(rounds.values()) == 440 and re.search(r"^\s+440$", dr.text, re.M) and rounds["C"] > rounds["B"]
          and has(dr, "9.30 am", "9.00 am") and has(pk, "leaves on round B at nine") and 2 * 110 < 400,
          f"rounds: {rounds} make 440; round B leaves at nine, before A at half past")
    check(has(let, "£3.40 for the oats and £4.50 for the strawberries, £7.90 in all") and Decimal("3.40") + Decimal("4.50") == Decimal("7.90")
          and has(let, "ten past one in the afternoon", "ten past six", "five hours too late") and (18 * 60 + 10) - (13 * 60 + 10) == 5 * 60
          and has(r19, "within\n   twenty-four hours of delivery".replace("\n   ", " ")) and has(let, "fourteen days\n   instead of seven".replace("\n   ", " "))
          and has(r19, "within seven days") and has(r25, "within fourteen days") and has(r25, "up to £20") and has(bd, "up to £20") and has(let, "up to £20")
          and has(r25, "9 pm on the day after delivery") and has(let, "until 9 pm on the day after delivery") and 12.30 < 13.10,
          "complaint: £3.40 + £4.50 = £7.90; a box at 1.10 pm and a call at 6.10 pm next day is five hours past twenty-four; round D leaves at 12.30; policies agree with the reply")
    check(has(inc, "64 bags", "41 were still with us; 23 had been sold", "19 of the 23") and 41 + 23 == 64 and 19 <= 23
          and has(ar, "recall and incident costs | £2,300") and has(inc, "Tuesday 8 July", "Thursday 10 July", "Monday 14 July", "21 July 2025")
          and has(fs, "nuts are packed on Fridays") and has(inc, "only on Fridays") and has(wm, "Tuesdays and Fridays at the warehouse, 1 pm to 5 pm")
          and has(inc, "forty minutes") and has(fs, "forty-minute allergen induction"),
          "recall: 41 kept and 23 sold make 64 bags, 19 of the 23 back; nuts on Fridays on the Tuesday/Friday repacking shifts; the induction forty minutes")
    check(1979 + 40 == 2019 and has(hi, "fortieth anniversary in 2019") and 1981 + 2 == 1983 and has(hi, "two years later, in 1983")
          and 1987 + 18 == 2005 and has(hi, "stayed eighteen years, until 2005") and has(hi, "(2005 to 2017)", "since 2018") and has(ppl, "since 2018")
          and 2009 + 3 == 2012 and has(hi, "within three years", "in 2012") and has(pr, "in 2012") and has(hi, "mortgage cleared in 2019") and has(pr, "since\n2019".replace("\n", " "))
          and has(gl, "in 1979") and has(vis, "since 1998") and has(sup, "organic since 1998")
          and has(ppl, "nineteen years") and has(nl, "nineteen years") and has(bd, "nineteen years") and 2019 - 2015 > 0,
          "years: 1979 + 40 = 2019; 1981 + 2 = 1983; 1987 + 18 = 2005; 2009 + 3 = 2012; Dagny's nineteen years agree; organic since 1998")
    seats = {"Maude Ashbolt": 2019, "Lennox Tuckwell": 2020, "Jarvis Haffenden": 2021, "Nesta Vokins": 2020, "Solveig Mulcahy": 2023, "Yannick Eggleton": 2025}
    table = dict((n, int(y)) for n, y in re.findall(r"^\| ([A-Z][a-z]+ [A-Z][a-z]+) \| [^|]+ \| (\d{4}) \|$", ppl.text, re.M))
    check(all(table.get(n) == y for n, y in seats.items()) and len(table) == 7
          and all((2026 - y) % 3 == 0 for n, y in seats.items() if n in ("Lennox Tuckwell", "Solveig Mulcahy", "Nesta Vokins"))
          and all((2025 - y) % 3 == 0 for n, y in seats.items() if n in ("Maude Ashbolt", "Yannick Eggleton"))
          and 2026 - 2020 == 6 and has(notice, "after six years") and table["Nesta Vokins"] < table["Jarvis Haffenden"],
          f"board: seven directors; three-year terms put Lennox, Solveig and Nesta up in 2026 and Maude in 2025; Nesta's six years ({table})")
    check((dt.date(2026, 3, 21) - dt.date(2026, 2, 21)).days == 28 and has(notice, "four weeks before the meeting", "fourteen clear days")
          and has(notice, "Saturday 14 March") and has(bd, "Saturday 21 March 2026") and has(nl, "Sat 21 March, 2 pm"),
          "AGM 2026: notice on 21 February, meeting on 21 March, four weeks")
    check(has(sup, "| Brackenhurst Farm | organic vegetables, salad, soft fruit | Ebbscombe | 6 | 2009 |") and has(vis, "six-mile drive")
          and has(sup, "| 22 | 2011 |", "| 14 | 1983 |", "| 9 | 2014 |", "| 11 | 2016 |") and 22 > 14 and 9 < 11 and 2014 < 2016
          and all(int(m) < 30 for m in re.findall(r"^\| [^|]+ \| [^|]+ \| [^|]+ \| (\d+) \|", sup.text, re.M)[:6])
          and has(sup, "forty Jersey cows") and has(vis, "twenty-eight\nacres".replace("\n", " ")) and has(lsp, "within 30 miles"),
          "suppliers: six local within 30 miles, Godsalve's further than the mill, the dairy nearer and older than the eggs")
    weekdays = [("Saturday", dt.date(2025, 3, 15)), ("Saturday", dt.date(2024, 3, 16)), ("Saturday", dt.date(2025, 9, 20)),
                ("Tuesday", dt.date(2025, 7, 8)), ("Thursday", dt.date(2025, 7, 10)), ("Monday", dt.date(2025, 7, 14)),
                ("Thursday", dt.date(2025, 10, 2)), ("Tuesday", dt.date(2025, 10, 14)), ("Tuesday", dt.date(2025, 11, 4)),
                ("Monday", dt.date(2025, 12, 1)), ("Tuesday", dt.date(2026, 1, 13)), ("Tuesday", dt.date(2026, 2, 3)),
                ("Monday", dt.date(2026, 1, 5)), ("Saturday", dt.date(2026, 3, 21)), ("Saturday", dt.date(2026, 3, 14)),
                ("Wednesday", dt.date(2019, 6, 12)), ("Monday", dt.date(2025, 9, 22)), ("Thursday", dt.date(2025, 9, 25)),
                ("Saturday", dt.date(2025, 8, 16)), ("Friday", dt.date(2026, 2, 27)), ("Monday", dt.date(2026, 3, 16)),
                ("Thursday", dt.date(2026, 3, 5)), ("Saturday", dt.date(2026, 3, 7)), ("Thursday", dt.date(2026, 4, 2)),
                ("Saturday", dt.date(2026, 4, 18)), ("Sunday", dt.date(2026, 5, 10)), ("Thursday", dt.date(2026, 2, 5))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named or implied in the documents are the right ones (meetings, the recall, the complaint, the policies, the diary)")
    check(dt.date(2025, 11, 4).weekday() == 1 and dt.date(2025, 11, 4).day <= 7 and dt.date(2026, 2, 3).day <= 7 and 8 <= dt.date(2026, 1, 13).day <= 14
          and dt.date(2026, 3, 5).day <= 7 and dt.date(2026, 4, 2).day <= 7 and has(gl, "first Tuesday of the month (the second in January)")
          and has(wm, "first Thursday evening of the month"),
          "the board meets on first Tuesdays (the second in January) and inductions fall on first Thursdays, as the pages say")
    check(has(r19, "replaced on 1 December 2025") and has(r25, "from Monday 1 December 2025", "replaces the policy of June 2019")
          and has(r25, "£1,870") and has(ms, "Since 1 May 2025", "£2,000", "five monthly instalments of £5") and 5 * 5 == 25
          and has(agm, "from £10 to £25 from 1 May 2025") and has(gl, "£25 for anyone joining since 1 May 2025 (it had been £10)")
          and has(hi, "a minimum holding of ten") and has(fs, "at or below 5°C") and has(pr, "below 5°C"),
          "policies: the 2019 returns policy replaced on 1 December 2025; the £25 minimum from 1 May 2025 in five £5 instalments; chillers at 5°C")


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
    check(sup == SUPERSEDED, f"one superseded document (the 2019 returns policy) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.5-2.9 KB ({min(raw.values())}-{max(raw.values())})")
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
