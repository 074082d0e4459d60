"""Checks for evalsets/prose44 (no model): run from the repo root (`python3 evalsets/prose44/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose44/check.py`)."""
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

PREFIX = "p44"
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
    "p44-dev-038": (rf"\bpond\b{W}{MONEY}|{MONEY}{W}\bpond\b", "The pond repair cost £9,000."),
    "p44-dev-039": (rf"\b(\d+|{NUM}) (people )?auditioned\b|\bauditioned\b{W}\bOrchard Clock\b", "Thirty people auditioned."),
    "p44-dev-040": (rf"\bBrightlow\b{W}(\baged \d+|\b\d+ years old|, \d\d,)", "Wilfrid Brightlow, 34, plays the lodger."),
    "p44-dev-041": (rf"\brevue\b{W}({MONEY}|\braised\b)", "The revue raised £900."),
    "p44-dev-042": (rf"\b(1990|1991)\b{W}\bchair|\bchair{W}\b(1990|2005)\b", "Mary Smith was chair from 1990 to 2006."),
    "p44-dev-043": (rf"\blighting (design|designer)\b|\blit by\b", "The lighting designer was Al Moor."),
    "p44-dev-044": (rf"\bWinter Ferryman\b{W}\b(\d[\d,]*|{NUM}) (tickets|people)\b", "The Winter Ferryman sold 500 tickets."),
    "p44-dev-045": (rf"\badjudicator\b,? {NAME}|{NAME},? the adjudicator\b|\badjudicator\b{W}\b(called|named)\b", "The adjudicator, Jane Fox, was kind."),
    "p44-test-059": (rf"\bWimberley\b{W}(?-i:School|Academy|High|College)\b", "Hester Wimberley taught at Yelverstow High School."),
    "p44-test-060": (rf"\bBeanstalk\b{W}{MONEY}|{MONEY}{W}\bBeanstalk\b", "Jack and the Beanstalk took £9,100."),
    "p44-test-061": (rf"\bowned by\b|(?-i:\b(Lord|Lady|Sir|Colonel) [A-Z])", "Lullington House is owned by Lord Fenwick."),
    "p44-test-062": (rf"\b2019\b{W}\b(\d[\d,]*|{NUM}) members\b|\bmembers\b{W}\b2019\b", "In 2019 we had 90 members."),
    "p44-test-063": (rf"\bstaircase\b{W}£\d[\d,]*|£\d[\d,]*{W}\bstaircase\b", "The staircase cost £700 alone."),
    "p44-test-064": (rf"\bdoctor\b,? {NAME}|\bDr\.? (?-i:[A-Z])", "The doctor, Anna Hale, helped."),
    "p44-test-065": (rf"\b(\d[\d,]*|{NUM}) (tickets|refunds)\b{W}\b(refunded|Wednesday)\b|\brefunded\b{W}\b\d+\b", "Forty tickets were refunded for the Wednesday."),
    "p44-test-066": (rf"\bassistant leaders?\b{W}{NAME}|{NAME}{W}\bassistant leader\b", "The assistant leaders are Tom Bell and Ann Ray."),
    "p44-test-067": (rf"\bfestival\b{W}\b(first held|began|founded|started)\b{W}\b(1[89]|20)\d\d\b", "The festival was first held in 1947."),
    "p44-test-068": (rf"\bbakery\b{W}\bowner\b,? {NAME}|{NAME}{W}\bowns the bakery\b", "The bakery's owner, Joan Tate, lends it."),
    "p44-test-069": (rf"\b2023\b{W}\bdirected\b|\bdirected\b{W}\b2023\b", "The 2023 autumn play was directed by Sam Lee."),
    "p44-test-070": (rf"\bexcess\b", "The insurance excess is £250."),
}

DOCS = 25
FORMATS = Counter(md=21, txt=4)
NO_FRONT_MATTER = ["about/history", "incidents/2024-10-set-collapse", "letters/2024-07-complaint-and-reply",
                   "productions/autumn-2024-rehearsal-schedule"]
SUPERSEDED = ["policies/casting-policy-2017"]
CURRENT = ["policies/casting-policy-2024"]
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
    rows = re.findall(r"^\| ([^|]+?) \| (£[\d,]+|nil) \| (£[\d,]+|nil) \|$", ar.text, re.M)
    table = {k: (money(a), money(b)) for k, a, b in rows}
    inc = ["Ticket sales", "Subscriptions and production fees", "Programme adverts", "Bar, raffles and costume hire", "Grants"]
    out = ["Hall hire", "Performing rights and scripts", "Sets and props", "Wardrobe", "Publicity and printing", "Insurance", "Youth section"]
    ok = len(table) == 14 and all(sum(table[k][y] for k in inc) == table["Total income"][y]
                                   and sum(table[k][y] for k in out) == table["Total spending"][y] for y in (0, 1))
    check(ok and table["Total income"][0] - table["Total spending"][0] == 6380 and has(ar, "£6,380 (£4,915)")
          and table["Total income"][1] - table["Total spending"][1] == 4915 and 12860 + 6380 == 19240 and has(ar, "£19,240 (£12,860)")
          and has(docs["meetings/2025-01-committee-minutes"], "£30,080", "£23,700", "£6,380"),
          "annual report: lines add up to totals in both years; surplus and reserves agree with the minutes")
    check(541 + 612 + 498 + 892 == 2543 and has(ar, "2,543 (2,311)", "118 (104)", "37 (29)") and has(docs["youth/yads-youth"], "37", "29")
          and has(docs["productions/2024-spring-the-orchard-clock"], "656") and 164 * 4 == 656
          and has(docs["meetings/2025-01-committee-minutes"], "892", "118"),
          "audiences add up to the total; 164 seats x 4 nights = 656; members and youth figures agree")
    weekdays = [("Tuesday", dt.date(1951, 10, 9)), ("Thursday", dt.date(2024, 1, 18)), ("Thursday", dt.date(2024, 4, 18)),
                ("Thursday", dt.date(2024, 9, 19)), ("Thursday", dt.date(2025, 1, 16)), ("Wednesday", dt.date(2024, 3, 13)),
                ("Wednesday", dt.date(2024, 7, 10)), ("Friday", dt.date(2024, 7, 12)), ("Wednesday", dt.date(2024, 10, 23)),
                ("Sunday", dt.date(2024, 10, 20)), ("Friday", dt.date(2024, 2, 23)), ("Wednesday", dt.date(2025, 3, 19)),
                ("Tuesday", dt.date(2024, 9, 3)), ("Tuesday", dt.date(2024, 1, 2)), ("Tuesday", dt.date(2025, 4, 8))]
    check(all(d.strftime("%A") == w or w == "Tuesday" and d.year == 1951 for w, d in weekdays),
          "weekdays named in the documents are right")


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
    check(fmt == FORMATS, f"formats 21 md / 4 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"21 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"four documents without front matter (the four txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2017 casting policy) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
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
