"""Checks for evalsets/prose41 (no model): run from the repo root (`python3 evalsets/prose41/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose41/check.py`)."""
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

PREFIX = "p41"
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
    "p41-dev-038": (rf"\b2019\b{W}{MONEY}|{MONEY}{W}\b2019\b",
                    "In 2019 the walk raised £96,400."),
    "p41-dev-039": (rf"\bnurse\b{W}\b(called|named)\b|\b(Nurse|Sister|staff nurse) [A-Z][a-z]+\b(?-i:[A-Z])|\bthe nurse, [A-Z][a-z]+ [A-Z][a-z]+,? (who )?gave\b",
                    "The nurse, named Tamara Voss, gave the dose."),
    "p41-dev-040": (rf"\b(superdraw|Christmas draw)\b{W}\b(won|winner|went to)\b|\b(won|winner)\b{W}\bsuperdraw\b",
                    "The 2024 superdraw was won by a player from Ebbwick."),
    "p41-dev-041": (rf"\b2022/23\b{W}\b(deficit|surplus)\b|\b(deficit|surplus)\b{W}\b2022/23\b",
                    "The deficit for 2022/23 was £12,000."),
    "p41-dev-042": (rf"\b(open day|birthday)\b{W}\b(\d[\d,]*|{NUM}) (people|visitors|guests)\b|\b(\d[\d,]*|{NUM}) (people|visitors|guests) (came|attended|visited)\b{W}\b(open day|birthday)\b",
                    "About 900 people came to the open day."),
    "p41-dev-043": (rf"\b(Marlstone shop|Pannier Street)\b{W}\b(rent|lease)\b|\b(rent|lease)\b{W}\b(Marlstone shop|Pannier Street)\b",
                    "The rent on Pannier Street is £18,000 a year."),
    "p41-dev-044": (rf"\b\d+ (new )?stones\b{W}\b2024\b|\b2024\b{W}\b\d+ (new )?stones\b|\bstones (were )?(added|laid|engraved)\b{W}\b2024\b",
                    "In 2024, 58 new stones were laid."),
    "p41-dev-045": (r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b(telephone|phone|ring|call)\b[^.;]*\b\d{5,}\b",
                    "Ring the advice line on 01632 458 900."),
    "p41-test-065": (rf"\b2008\b{W}\braised\b{W}{MONEY}|\b2008\b{W}{MONEY}|{MONEY}{W}\b2008\b",
                     "In 2008 the walk raised £14,300."),
    "p41-test-066": (rf"\b(salary|salaries)\b|\b(nurse|Jerusha|Chegwidden)\b{W}\b(paid|earns|earned|grade|band)\b{W}({MONEY}|\d)",
                     "The day service nurse is paid £34,000 a year."),
    "p41-test-067": (rf"\bsecond month\b|\b(dogs?|pets?)\b{W}\b(July|June 2024)\b",
                     "Twenty dogs visited in the second month."),
    "p41-test-068": (rf"\b(Marlstone shop|Pannier Street|shoe shop)\b{W}\blandlord\b|\blandlord\b{W}\b(Marlstone shop|Pannier Street)\b",
                     "The landlord of the Pannier Street shop is the Marlstone Corporation."),
    "p41-test-069": (rf"\b(Care Quality Commission|CQC)\b[^.;,]*\b(on|by) \d{{1,2}} (January|February|March|April)\b|\b\d{{1,2}} (February|March) 2025\b{W}\b(Care Quality Commission|CQC)\b",
                     "It was reported to the Care Quality Commission on 10 February."),
    "p41-test-070": (rf"\bcanvasser\b{W}\b(called|named)\b|\bcanvasser,? (?-i:[A-Z][a-z]+ [A-Z][a-z]+)",
                     "Our canvasser, Rhoda Penn, collects in the villages."),
    "p41-test-071": (rf"\bshop(s)? volunteers?\b{W}\b[\d,]+ hours\b|\b[\d,]+ hours\b{W}\bshops?\b",
                     "Shop volunteers gave 30,000 hours."),
    "p41-test-072": (rf"\b(Quarendon|Hilaria)\b{W}\b(husband|married|widow)\b|\bDr Quarendon's husband\b",
                     "Dr Quarendon's husband was a vet."),
    "p41-test-073": (rf"\b(\d+|{NUM}) (patients|people) died\b|\bdeaths\b{W}\b\d+|\bdied on the (wing|unit)\b{W}\b\d+",
                     "In 2024/25, 131 patients died on the wing."),
    "p41-test-074": (rf"\bEbbwick\b{W}\b(clinic|clinics)\b{W}\b(from|in|start)\b|\b(clinics?|arrangement)\b{W}\bEbbwick\b{W}\b(from|will start|begin)\b",
                     "Clinics at the Ebbwick practice will start in January 2026."),
    "p41-test-075": (rf"\broof\b{W}\b(raised|so far)\b|\bappeal\b{W}\b(has raised|raised so far)\b",
                     "The roof appeal has raised £42,000 so far."),
    "p41-test-076": (rf"\b(\d+|{NUM}) (applicants|applications|people applied|candidates)\b|\bapplied\b{W}\bnurse\b",
                     "Three people applied for the nurse post."),
}

DOCS = 27
FORMATS = Counter(md=22, txt=5)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "incidents/2025-02-medicines-error-review", "letters/2025-06-complaint-and-reply",
                   "shops/our-shops", "volunteers/volunteer-roles"]
SUPERSEDED = ["policies/visiting-policy-2019"]
CURRENT = ["policies/visiting-policy-2024"]
SIZES = (1900, 3000)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> Decimal:
    return Decimal(re.sub(r"[£,()*]", "", text))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts, votes and dates the documents state agree with their parts and with each
    other (every gold is written in its evidence; totals that did not add up would make a careful
    reader doubt the right figure)."""
    hi, gl, bu = docs["about/history"], docs["about/at-a-glance"], docs["about/wrenmoor-house-and-buildings"]
    tr, st = docs["people/trustees"], docs["people/senior-team"]
    ds, hah, fs = docs["care/day-services"], docs["care/hospice-at-home"], docs["care/family-support-and-bereavement"]
    vw, vr, sh = docs["volunteers/volunteering-with-us"], docs["volunteers/volunteer-roles"], docs["shops/our-shops"]
    walk, lot = docs["fundraising/midnight-wrenwalk"], docs["fundraising/weekly-lottery"]
    m03, m06, m11, m25 = (docs["meetings/2024-03-trustees-minutes"], docs["meetings/2024-06-trustees-minutes"],
                          docs["meetings/2024-11-trustees-minutes"], docs["meetings/2025-03-trustees-minutes"])
    ar, nl, inc, le = (docs["reports/annual-report-2024-25"], docs["newsletters/wrenmoor-post-58-summer-2025"],
                       docs["incidents/2025-02-medicines-error-review"], docs["letters/2025-06-complaint-and-reply"])
    pa, ipu = docs["partners/tannerhay-practice-partnership"], docs["care/in-patient-unit"]

    rows = {label.strip("* "): (money(a), money(b)) for label, a, b in re.findall(
        r"^\| ([^|]+?) \| \**(£[\d,]+)\** \| \**\((£[\d,]+)\)\** \|$", ar.text, re.M)}
    income = ["NHS and integrated care board funding", "donations and gifts in wills", "fundraising events and lottery",
              "charity shops", "investments and other income"]
    costs = ["in-patient unit", "hospice at home", "day services and family support", "shop running costs",
             "cost of raising funds", "governance and support"]
    ok = len(rows) == 14
    for y in (0, 1):
        ti = sum(rows[k][y] for k in income)
        tc = sum(rows[k][y] for k in costs)
        ok = ok and ti == rows["total income"][y] and tc == rows["total spending"][y] and tc - ti == rows["deficit for the year"][y]
    check(ok and rows["total income"][0] - rows["total income"][1] == 23000 and rows["total spending"][0] - rows["total spending"][1] == 203000
          and has(ar, "only\n£23,000".replace("\n", " "), "by £203,000"),
          f"accounts: five income lines make total income, six spending lines total spending, the difference the deficit, both years; rises of £23,000 and £203,000 ({len(rows)} rows)")
    check(1870000 - 244000 == 1626000 and has(ar, "from £1,870,000 to £1,626,000") and 4 < 1626000 / (3930000 / 12) < 5.5
          and round(1412000 / 3930000 * 100) == 36 and round(1356000 / 3727000 * 100) == 36 and has(ar, "about 36%")
          and round(3930000 / 365, -2) == 10800 and has(ar, "£10,800 a day") and has(gl, "about £10,800 a day", "£3.93 million")
          and rows["hospice at home"][0] > rows["shop running costs"][0] and rows["charity shops"][0] > rows["fundraising events and lottery"][0]
          and rows["day services and family support"][0] < rows["day services and family support"][1]
          and rows["governance and support"][0] > rows["governance and support"][1]
          and has(m11, "about £230,000") and has(m25, "close to £240,000") and has(m03, "about £60,000") and has(m06, "deficit of £64,000"),
          "reserves, NHS share, cost a day, the comparisons' orderings and the forecasts agree with the accounts")
    check(has(ar, "214 patients", "(198)", "81%", "(77%)", "436 patients (391)", "122 people", "(131)", "318 bereaved people (285)",
              "412 volunteers (389)", "61,000 hours (57,500)")
          and has(ipu, "admitted 214", "81%") and has(hah, "436 patients, up from 391") and has(ds, "122 people", "131")
          and has(fs, "318 bereaved people", "285") and has(vw, "412", "389", "61,000 hours") and has(gl, "412 volunteers")
          and sum(int(n) for n in re.findall(r"^(?!Total)[A-Z][^\d\n]+?\s{2,}(\d+)\s{2,}", vr.text, re.M)) == 412 and has(vr, "Total                       412")
          and has(sh, "£736,000") and rows["charity shops"][0] == 736000 and 241000 < 736000,
          "year in numbers: patients, occupancy, day services, bereaved, volunteers (the roles table sums to 412) and shop sales agree")
    check(has(m03, "voted by five to two") and 5 + 2 == 7 and has(m06, "six votes to none", "abstained") and 6 + 0 + 1 == 7
          and len(re.findall(r"^\| [A-Z][a-z]+ ", tr.text, re.M)) + len(re.findall(r"^\| Dr ", tr.text, re.M)) == 9
          and has(tr, "at present there are eight") and has(m03, "£14,500", "£11,000", "£9,400") and has(m06, "£8,400") and 8400 < 11000 < 14500
          and has(sh, "Wed-Sat 10-4", "four days a week\ninstead of six".replace("\n", " ")) and has(m06, "four days", "instead of six"),
          "votes: seven trustees present in March and June 2024 (5-2; 6-0 with 1 abstention); eight trustees in the table; the rents and Hobsleigh's days agree")
    check(1989 + 27 == 2016 and has(hi, "twenty-seven years", "stood down as chair in 2016") and has(tr, "from 2016 to 2021", "became\nchair in 2021".replace("\n", " "))
          and 2004 + 15 == 2019 and has(hi, "appointed in 2004", "in 2019 after fifteen years") and has(st, "in 2019, succeeding Amias Burrage")
          and 1998 + 26 == 2024 and has(ds, "For twenty-six years") and has(hi, "Day care began in 1998")
          and 1989 + 35 == 2024 and has(hi, "thirty-fifth birthday") and 1999 + 20 == 2019 and has(sh, "since 1999", "twenty years before")
          and has(hi, "six to twelve") and has(bu, "twelve single rooms") and has(gl, "twelve beds")
          and has(vw, "since\n1994".replace("\n", " ")) and has(nl, "since 1994", "ninety-second birthday") and has(vw, "ninety-two"),
          "history: 27 years as chair (1989-2016), 15 years as chief executive (2004-2019), 26 years of Tue/Thu day care, 35th birthday, 1999 + 20")
    check(has(walk, "1,140 people", "1,020 in 2024", "£148,600", "£131,200") and has(nl, "1,140 walkers", "£148,600", "more than £17,000")
          and 148600 - 131200 > 17000 and has(m06, "1,020 walkers") and has(m11, "1,020 walkers raised £131,200")
          and has(walk, "160 volunteer marshals") and has(vr, "160") and has(lot, "£2,000", "£1,000 until April 2024") and has(m03, "from £1,000 to £2,000")
          and has(lot, "52p", "25p") and 52 + 25 < 100 and has(m11, "£95", "£75") and has(bu, "£95"),
          "fundraising: walkers and totals agree across the walk page, the minutes and the newsletter; the lottery prize doubled; memory stone price")
    check(has(inc, "10 mg", "2.5 mg", "2.10 am", "2.35 am", "£64,000", "October 2025") and has(m25, "£64,000", "October 2025", "third registered nurse")
          and has(ipu, "Since October 2025", "third registered nurse") and has(nl, "From October")
          and has(le, "From 1 July", "six weeks ahead", "named nurse", "thirty minutes late") and has(hah, "since July 2025", "six weeks ahead", "named nurse", "thirty minutes")
          and has(pa, "£46,000 a year", "38 patients", "112", "29% to 71%") and has(m25, "£46,000 a year") and has(hah, "78%")
          and has(hah, "Tewsley, is eighteen miles") and has(le, "of Tewsley"),
          "the incident's changes, the complaint's four measures and the partnership's figures agree across documents")
    weekdays = [("Monday", dt.date(1994, 3, 14)), ("Monday", dt.date(2019, 4, 1)), ("Wednesday", dt.date(2024, 5, 1)),
                ("Tuesday", dt.date(2024, 3, 19)), ("Tuesday", dt.date(2024, 6, 18)), ("Tuesday", dt.date(2024, 11, 19)),
                ("Tuesday", dt.date(2025, 3, 18)), ("Tuesday", dt.date(2023, 11, 21)), ("Tuesday", dt.date(2024, 9, 17)),
                ("Tuesday", dt.date(2025, 6, 17)), ("Saturday", dt.date(2024, 6, 29)), ("Friday", dt.date(2024, 4, 5)),
                ("Saturday", dt.date(2024, 6, 15)), ("Saturday", dt.date(2025, 6, 14)), ("Saturday", dt.date(2026, 6, 13)),
                ("Thursday", dt.date(2025, 1, 9)), ("Wednesday", dt.date(2025, 4, 2)), ("Saturday", dt.date(2025, 2, 8)),
                ("Monday", dt.date(2025, 5, 5)), ("Friday", dt.date(2025, 12, 19)), ("Sunday", dt.date(2025, 9, 7)),
                ("Tuesday", dt.date(2025, 9, 23)), ("Sunday", dt.date(2025, 12, 7))]
    check(all(d.strftime("%A") == w for w, d in weekdays)
          and all(15 <= d.day <= 21 for w, d in weekdays[3:10]) and has(tr, "third Tuesday"),
          "weekdays named in the documents are the right ones; board meetings fall on third Tuesdays")


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
    check(fmt == FORMATS, f"formats 22 md / 5 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"22 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"five documents without front matter (the five txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2019 visiting policy) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.9-3.0 KB ({min(raw.values())}-{max(raw.values())})")
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
