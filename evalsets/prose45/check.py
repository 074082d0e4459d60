"""Checks for evalsets/prose45 (no model): run from the repo root (`python3 evalsets/prose45/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose45/check.py`)."""
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

PREFIX = "p45"
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
    "p45-dev-038": (rf"\bKelderside\b{W}\b(charged|billed|final|finally|cost him|paid)\b|\bpaid\b{W}\bKelderside\b",
                    "Kelderside Marine charged him £29,000 in the end."),
    "p45-dev-039": (r"\barchitect\b|\bdesigned by\b|\bdesigned the smokehouse\b", "The smokehouse was designed by Josiah Peel."),
    "p45-dev-040": (rf"\bOgglethorpe\b{W}(\baged \d+|\b\d+ years old|, \d\d,|\bborn\b)", "Sylvanus Ogglethorpe, 58, still helps."),
    "p45-dev-041": (rf"\b2022\b{W}\b(guests|passengers|sailing days)\b|\b(guests|passengers|sailing days)\b{W}\b2022\b",
                    "In 2022 Shearwater took 310 guests."),
    "p45-dev-042": (r"\bTurnstone Cup\b(?:[^.;]|\.\d)*\b(won|winner|winners|victory)\b|\b(won|winners?)\b(?:[^.;]|\.\d)*\bTurnstone Cup\b",
                    "Sanderling won the Turnstone Cup."),
    "p45-dev-043": (rf"\bsafety boat\b{W}\b(called|named)\b|(?-i:\bRIB [A-Z][a-z]+)", "The safety boat is called Tern."),
    "p45-dev-044": (rf"\b(AGM|annual general meeting)\b{W}\b{NUM} (people|members)\b|\b{NUM} (people|members)\b{W}\b(AGM|annual general meeting)\b"
                    rf"|\b(attended|came to|turned up)\b{W}\b(AGM|annual general meeting)\b",
                    "Forty-two members attended the AGM."),
    "p45-dev-045": (rf"\bsalary\b|\b(coordinator|Nella|Cowgill)\b{W}£\d[\d,]*|£\d[\d,]*{W}\b(coordinator|Nella|Cowgill)\b",
                    "Nella's salary is £14,000."),
    "p45-test-059": (rf"\bgarages?\b{W}{MONEY}|{MONEY}{W}\bgarages?\b", "The garages cost £12 a week."),
    "p45-test-060": (rf"\blaunch\w*\b{W}\b{NUM} (people|guests|visitors|spectators|onlookers)\b|\b{NUM} (people|guests|visitors|spectators|onlookers)\b{W}\blaunch",
                     "About 300 people watched the launch."),
    "p45-test-061": (rf"\b1887\b{W}{MONEY}|{MONEY}{W}\b1887\b|\bHobthwaite\b{W}{MONEY}", "Hobthwaite Brothers spent £900 on it in 1887."),
    "p45-test-062": (r"(?-i:\b[A-Z][a-z]+ (College|University|Academy|Polytechnic))|\bcollege\b (of|in|at) (?-i:[A-Z])",
                     "She studies at Pellmouth College."),
    "p45-test-063": (rf"\bhouseboat\b{W}\b(owned by|belonged to)\b|\bowner\b,? {NAME}|{NAME},? (her|the) owner\b",
                     "Her owner, Walter Dace, lived aboard."),
    "p45-test-064": (rf"\b2019\b{W}\b(members|Young Shipwrights)\b|\b(members|Young Shipwrights)\b{W}\b2019\b",
                     "In 2019 there were 14 members."),
    "p45-test-065": (rf"\bvice-chair\b{W}\b(elected|replaced|succeeded|took over|in his place)\b|\b(elected|replaced|succeeded)\b{W}\bvice-chair\b"
                     rf"|{NAME} (is|was|became) (the )?(new )?vice-chair",
                     "Quentin Mawson was elected vice-chair."),
    "p45-test-066": (rf"\bSanderling\b{W}\binsur\w*{W}{MONEY}|\binsur\w*\b{W}\bSanderling\b{W}{MONEY}|\bboat policy\b{W}{MONEY}",
                     "Insuring Sanderling costs the Scouts £85 a year."),
    "p45-test-067": (rf"\bShip and Lantern\b{W}\b(landlord|landlady|licensee|run by|owner|owned by|kept by)\b"
                     rf"|\b(landlord|landlady|licensee)\b{W}\bShip and Lantern\b",
                     "The landlord of the Ship and Lantern is Roy Tebb."),
    "p45-test-068": (rf"\b(larch|logs)\b{W}(\btonnes?\b|\bcubic (metres|feet)\b|{MONEY})|(\btonnes?\b|\bcubic (metres|feet)\b){W}\b(larch|logs)\b",
                     "We bought 12 tonnes of larch."),
    "p45-test-069": (rf"\b2012\b{W}\b(visitors|people|boats)\b|\b(visitors|boats)\b{W}\b2012\b", "In 2012 about 900 visitors came."),
    "p45-test-070": (rf"\bMarjoram\b{W}\b(engine|engines|horsepower|hp|diesel|petrol|knots)\b|\b(engine|diesel|petrol)\b{W}\bMarjoram\b",
                     "Marjoram has a Kelvin petrol engine."),
}

DOCS = 26
FORMATS = Counter(md=22, txt=4)
NO_FRONT_MATTER = ["about/history", "incidents/2024-02-bandsaw-injury", "letters/2024-06-commission-complaint-and-reply",
                   "workshop/timber-and-steam-bending"]
SUPERSEDED = ["policies/workshop-rules-2015"]
CURRENT = ["policies/workshop-safety-2024"]
SIZES = (900, 2800)
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
    inc = ["Courses", "Shearwater day sails and charters", "Membership and bench fees", "Donations and Gift Aid", "Grants",
           "Wooden Boat Weekend"]
    out = ["Staff (two part-time posts)", "Timber and materials", "Rent, rates and insurance", "Heating and power",
           "Machinery and tools", "Shearwater upkeep and mooring", "Young Shipwrights", "Publicity and events"]
    ok = len(table) == 16 and all(sum(table[k][y] for k in inc) == table["Income"][y]
                                   and sum(table[k][y] for k in out) == table["Spending"][y] for y in (0, 1))
    surplus = (table["Income"][0] - table["Spending"][0], table["Income"][1] - table["Spending"][1])
    check(ok and surplus == (16670, 7140) and has(ar, "£16,670 (£7,140)") and 31680 + 16670 == 48350 and has(ar, "£48,350 (£31,680)")
          and has(docs["meetings/2025-01-committee-minutes"], "£112,690", "£96,020", "£16,670")
          and 48350 * 12 // 96020 == 6 and has(ar, "about six months"),
          "annual report: lines add up to income and spending in both years; surplus, reserves (about six months) agree with the minutes")
    check(4600 + 6000 + 12000 == table["Grants"][0] and has(docs["meetings/2024-09-committee-minutes"], "£4,600", "£6,000")
          and has(docs["meetings/2024-05-committee-minutes"], "£12,000") and has(docs["volunteers/young-shipwrights"], "£12,000")
          and 3 * table["Courses"][0] > table["Income"][0] and has(docs["courses/courses-2025"], "more than a third")
          and has(docs["events/wooden-boat-weekend-2025"], "£8,730", "3,400", "forty-six") and table["Wooden Boat Weekend"][0] == 8730
          and has(ar, "| 3,400 | 3,100 |", "| 46 | 39 |", "| 58 | 51 |", "| 403 | 352 |") and has(docs["sailing/shearwater-trips-2025"], "58 days", "403 guests")
          and has(docs["about/the-smokehouse"], "£3,120") and has(docs["meetings/2024-01-committee-minutes"], "£3,120"),
          "grants 4,600 + 6,000 + 12,000 = the grants line; courses over a third of income; weekend, Shearwater and heating figures agree")
    check(has(ar, "| 231 | 204 |", "| 74 | 66 |", "| 19,640 | 17,250 |", "| 22 | 18 |") and has(docs["about/at-a-glance"], "231", "74")
          and has(docs["volunteers/getting-started"], "19,640") and has(docs["volunteers/young-shipwrights"], "twenty-two", "eighteen", "fifteen")
          and has(docs["meetings/2024-01-committee-minutes"], "eighteen members and fifteen")
          and has(docs["meetings/2024-09-committee-minutes"], "forty-one of the Shed's seventy-four", "Twenty-three", "sixty-two", "twenty-nine"),
          "members, volunteers, hours and Young Shipwrights agree across the report, the overview, the guides and the minutes")
    check(dt.date(2003 + 25, 3, 31) == dt.date(2028, 3, 31) and has(docs["partners/harbour-commissioners"], "1 April 2003", "twenty-five years", "31 March 2028", "£2,400", "£4,800", "£4,200")
          and 2003 + 10 == 2013 and has(docs["partners/harbour-commissioners"], "first ten years", "Since 2013") and 620 * 2 == 1240
          and has(docs["meetings/2025-01-committee-minutes"], "£4,200", "fifteen years from 1 April 2028") and has(docs["meetings/2024-09-committee-minutes"], "£4,800", "£2,400"),
          "lease: 2003 + 25 years ends 31 March 2028; rent £1 for ten years then £2,400; offer £4,800, agreed £4,200; mooring at half fee")
    check(has(docs["meetings/2024-01-committee-minutes"], "five votes to three, with Effie abstaining", "six votes to three")
          and has(docs["meetings/2024-05-committee-minutes"], "seven votes to one, with one abstention") and 5 + 3 + 1 == 9 == 6 + 3 == 7 + 1 + 1
          and has(docs["people/trustees"], "nine trustees") and has(docs["meetings/2025-01-committee-minutes"], "Apologies: Drusilla Allonby"),
          "votes account for the nine trustees")
    wbw = [y for y in range(2012, 2025) if y not in (2020, 2021)]
    check(len(wbw) + 1 == 12 and has(docs["events/wooden-boat-weekend-2025"], "twelfth", "none in 2020 or 2021")
          and dt.date(2024, 6, 15).year - 1933 == 91 and dt.date(2025, 2, 3).year - 1933 == 92
          and has(docs["projects/punt-project"], "ninety-one") and has(docs["newsletters/spokeshave-58-spring-2025"], "ninety-two on 3 February")
          and abs(16 * 0.3048 - 4.9) < 0.05 and abs(32 * 0.3048 - 9.75) < 0.01 and 2019 - 2012 == 7,
          "the 2025 weekend is the twelfth (none in 2020-21); Wil 91 then 92; 16 ft = 4.9 m, 32 ft = 9.75 m; seven-year restoration")
    weekdays = [("Tuesday", dt.date(1997, 3, 11)), ("Monday", dt.date(2024, 1, 15)), ("Monday", dt.date(2024, 2, 19)),
                ("Monday", dt.date(2024, 5, 20)), ("Monday", dt.date(2024, 6, 17)), ("Monday", dt.date(2024, 9, 16)),
                ("Monday", dt.date(2024, 10, 21)), ("Monday", dt.date(2025, 1, 20)), ("Monday", dt.date(2025, 2, 17)),
                ("Thursday", dt.date(2024, 2, 15)), ("Saturday", dt.date(2024, 6, 15)), ("Saturday", dt.date(2025, 5, 17)),
                ("Saturday", dt.date(2019, 9, 14)), ("Saturday", dt.date(2025, 4, 26)), ("Saturday", dt.date(2025, 5, 3)),
                ("Saturday", dt.date(2025, 9, 27)), ("Saturday", dt.date(2025, 7, 5)), ("Sunday", dt.date(2025, 7, 6)),
                ("Saturday", dt.date(2024, 7, 6)), ("Saturday", dt.date(2024, 5, 4)), ("Wednesday", dt.date(2024, 5, 22))]
    check(all(d.strftime("%A") == w for w, d in weekdays) and all(15 <= d.day <= 21 for w, d in weekdays[1:9]),
          "weekdays named in the documents are right (the coordinator's call on a Wednesday, one of her days); committee meetings fall on third Mondays")


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
    check(fmt == FORMATS, f"formats 22 md / 4 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"22 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"four documents without front matter (the four txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2015 workshop rules) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the 2024 safety policy that replaced them ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 0.9-2.8 KB ({min(raw.values())}-{max(raw.values())})")
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
