"""Checks for evalsets/prose29 (no model): run from the repo root (`python3 evalsets/prose29/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose29/check.py`)."""
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
UNANSWERABLE = {
    "p29-dev-038": (rf"\bpopulation\b|\binhabitants\b|\b\d[\d,]* (people|residents|villagers|souls)\b{W}\b(live|living|village|parish)\b",
                   "Sedgecombe has a population of 1,040."),
    "p29-dev-039": (rf"\b(shop|stores|caf[eé]|counter|ring us|call us)\b{W}\b0\d{{4}} ?\d{{6}}\b|\b0\d{{4}} ?\d{{6}}\b{W}\b(shop|stores)\b|\btelephone\b",
                   "Ring the shop on 01632 960551."),
    "p29-dev-040": (rf"\bopened by\b|\bribbon\b{W}\b(counter|2021)\b|\b(counter|2021)\b{W}\bribbon\b",
                   "The counter was opened by the Bishop of Brantwick."),
    "p29-dev-041": (rf"\bshare interest\b{W}\b2026\b|\b2026\b{W}\bshare interest\b|\binterest\b (for|in|on) 2026\b",
                   "Share interest for 2026 will be 1.5%."),
    "p29-dev-042": (rf"\barchitects?'?s?'? (fees?|charged?|bill)\b|\b(fees?|charged?|bill)\b{W}\bKetton\b|\bKetton\b{W}\b(fees?|charged?|bill)\b",
                   "Ketton & Byrne charged £8,900 in fees."),
    "p29-dev-043": (rf"\b(20\d\d|last year'?s) (annual general )?meeting\b{W}\b(\d+|[a-z]+ty)[-\w]* (members|people)\b|\b(came|attended|turned out)\b{W}\b(annual general meeting|AGM)\b|\b(annual general meeting|AGM)\b{W}\b(attended|came)\b",
                   "Sixty-two members came to the 2025 annual general meeting."),
    "p29-dev-044": (rf"\bOctober\b{W}\b(cleanliness|scores?|scored)\b|\b(cleanliness|scores?|scored)\b{W}\bOctober\b|\bre-rating\b{W}\b(cleanliness|scores?)\b",
                   "At the October visit the score for cleanliness was 0."),
    "p29-dev-045": (rf"\b(Nadia|Korsak|assistant manager)\b{W}(£|\bpay\b|\bper hour\b|\ban hour\b|\bsalary\b|\bwage\b)|£[\d.,]+{W}\b(Nadia|Korsak|assistant manager)\b",
                   "Nadia Korsak is paid £13.20 an hour."),
    "p29-test-065": (rf"\bVAT\b",
                    "Our VAT number is GB 318 2290 41."),
    "p29-test-066": (rf"\bgrade\b|\blisted\b{W}\b(in \d{{4}}|II\*?|I)\b|\blisting\b{W}\b(chapel|building|grade)\b",
                    "The chapel is listed grade II."),
    "p29-test-067": (rf"\bmiss\w*\b{W}\b(fees?|charges?|penalt\w*|interest)\b|\b(fees?|charges?|penalt\w*)\b{W}\bmiss\w*\b|\blate (payments?|fees?|charges?)\b|\barrears\b",
                    "A missed payment costs a £25 fee."),
    "p29-test-068": (rf"\brule 32\b{W}\b(carried|passed|lost|fell|votes? (for|in favour|to))\b|\b\d+ votes\b{W}\brule 32\b|\bvotes? (for|in favour)\b{W}\brule 32\b",
                    "The change to rule 32 was carried by 131 votes to 9."),
    "p29-test-069": (rf"\bcall-?outs?\b|\bout of hours\b{W}(£|\bcharges?\b|\bfees?\b)|(£ ?[\d.,]+|\bcharges?\b){W}\bout of hours\b",
                    "Lee charges £95 for an out-of-hours call-out."),
    "p29-test-070": (rf"\b(toasted |toastie|sandwich)\w*\b{W}£|£ ?[\d.]+{W}\b(toastie|sandwich)\w*\b|\btoasties?\b",
                    "A toasted sandwich is £4.20."),
    "p29-test-071": (rf"\btrial\b{W}\b(\d+|[a-z]+ty)[-\w]* (customers|people|visits|shoppers)\b|\b(\d+|[a-z]+ty)[-\w]* (customers|shoppers|visits)\b{W}\btrial\b|\b(customers|shoppers)\b{W}\b(trial|2026)\b",
                    "The Sunday trial averaged 64 customers a morning."),
    "p29-test-072": (rf"\bSunday school\b{W}\b(built|added|put up|18\d\d|19\d\d)\b|\b(built|added|put up)\b{W}\bSunday school\b",
                    "The Sunday school was added in 1888."),
    "p29-test-073": (rf"\bfarm shop\b{W}\b(called|named|known as)\b|\b[A-Z]\w+ Farm Shop\b",
                    "Owen runs Brackley Farm Shop."),
    "p29-test-074": (rf"\blargest (holding|investor|shareholder|single)\b{W}\b(held by|belonged to|was held|came from|put in by)\b|\b(invested|put in|bought) (£10,000|10,000)\b",
                    "The largest holding was held by the Dring family."),
    "p29-test-075": (rf"\bparish council\b{W}\b(2019|conversion|chapel)\b|\b(conversion|2019)\b{W}\bparish council\b",
                    "The parish council gave £5,000 towards the conversion."),
    "p29-test-076": (rf"\begg hunt\b{W}\b(raised|made|took|brought in)\b|\b(raised|made|took)\b{W}\begg hunt\b",
                    "The Easter egg hunt raised £212."),
}


DOCS = 23
FORMATS = Counter(md=17, txt=6)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "inspections/2025-06-food-hygiene-inspection", "letters/2025-06-grant-award",
                   "letters/2025-08-loan-offer", "letters/2025-11-sunday-petition", "meetings/2026-04-agm-notice"]
SUPERSEDED = ["shop/opening-hours-2024"]
SIZES = (1200, 2100)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> int:
    return int(text.replace("£", "").replace(",", ""))


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums the documents state agree with their parts (no gold is derived from them, but a
    corpus whose totals do not add up would make a careful reader doubt the right figure)."""
    hist = docs["about/history"].text
    check(all(s in hist for s in ("£172,350", "£138,000", "£34,350", "£40,000", "£22,050", "£96,400"))
          and 172350 - 138000 == 34350 and 34350 + 40000 + 22050 == 96400,
          "history: the share money left after buying the chapel, the grant and the village's fundraising pay for the conversion")
    proj = docs["projects/refrigeration-upgrade"].text
    rows = [int(v.replace(",", "")) for v in re.findall(r"\| ([\d,]+) \|", proj)]
    parts = [money(m) for m in re.findall(r"(£[\d,]+)\s+(?:for|of)\s+the\s+(?:cabinets|electrician|new plinth|contingency)", proj)]
    check(len(rows) == 6 and sum(rows[:-1]) == rows[-1] == 46200 and len(parts) == 4 and sum(parts) == 46200,
          f"refrigeration: five funding rows and four cost parts both add up to £46,200 ({rows}, {parts})")
    rep = docs["reports/annual-report-2025"].text
    income = re.search(r"\*\*Income\.\*\*(.*?)In all", rep, re.S).group(1)
    this = [money(m) for m in re.findall(r"(£[\d,]+) \((?:£[\d,]+|nil)\)", income)]
    last = [0 if m == "nil" else money(m) for m in re.findall(r"£[\d,]+ \((£[\d,]+|nil)\)", income)]
    table = re.findall(r"\| £([\d,]+) \| \((£[\d,]+|nil)\) \|", rep)
    spend_this = sum(int(a.replace(",", "")) for a, _ in table)
    spend_last = sum(0 if b == "nil" else money(b) for _, b in table)
    check(len(this) == 5 and sum(this) == 479510 and sum(last) == 449770 and len(table) == 10
          and spend_this == 447950 and spend_last == 424590
          and sum(this) - spend_this == 31560 and sum(last) - spend_last == 25180
          and "£479,510 (£449,770)" in rep and "£447,950 (£424,590)" in rep and "£31,560 (£25,180)" in rep,
          f"annual report: income, spending and surplus for both years agree ({sum(this)}, {sum(last)}, {spend_this}, {spend_last})")
    check(183650 - 6350 + 4600 == 181900 and round(181900 * 0.0125) == 2274 and round(183650 * 0.02) == 3673
          and "£2,274 (£3,673)" in rep,
          "annual report: share capital after withdrawals and new shares, and 1.25% (2.0%) interest on it")
    loan = docs["letters/2025-08-loan-offer"].text
    r, n = 0.055 / 12, 60
    check(f"£{15000 * r / (1 - (1 + r) ** -n):.2f}" == "£286.52" and "£286.52" in loan
          and "£286.52" in docs["membership/shares-and-interest"].text,
          "loan: 60 monthly payments of £286.52 repay £15,000 at 5.5%")
    sep, nov = docs["meetings/2025-09-board"].text, docs["meetings/2025-11-board"].text
    check("six votes to three" in squash(sep) and "seven votes to one, pat abstaining" in squash(nov) and 6 + 3 == 7 + 1 + 1 == 9,
          "minutes: both Sunday votes account for all nine directors")
    insp = docs["inspections/2025-06-food-hygiene-inspection"].text
    scores = [int(s) for s in re.findall(r"\.{3,} (\d+)", insp)]
    check(scores == [10, 5, 10] and sum(scores) == 25, f"inspection: the three scores total 25, a rating of 3 ({scores})")


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
    check(fmt == FORMATS, f"formats 17 md / 6 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"17 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"six documents without front matter (the six txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.2-2.1 KB ({min(raw.values())}-{max(raw.values())})")
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
        check(all(it.id == f"p29-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p29-{split}-NNN in order")
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
