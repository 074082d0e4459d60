"""Checks for evalsets/prose24 (no model): run from the repo root (`python3 evalsets/prose24/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose24/check.py`)."""
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
    "p24-dev-038": (rf"\b(Abigail|Rendle)\b{W}\b(aged|age of|years old|born)\b|\b(Abigail|Rendle)\b{W}\bdied at\b",
                   "Abigail Rendle died aged 71 in 1744."),
    "p24-dev-039": (rf"\b(Imogen|Carrow|clerk)('s)?\b{W}\b(salary|earns|is paid)\b|\bsalary\b|\bclerk\b{W}(£|GBP) ?[\d,]+ (a|per) (year|week|hour)\b",
                   "The clerk's salary is £21,000 a year."),
    "p24-dev-040": (rf"\b2024\b{W}\bvisitors\b|\bvisitors\b{W}\b2024\b|\blast year\b{W}\bvisitors\b|\bvisitors\b{W}\blast year\b|\bprevious record\b",
                   "In 2024 we had 298 visitors."),
    "p24-dev-041": (rf"\bthree-bedroom\b{W}(£|GBP)|(£|GBP) ?[\d,.]+ (a|per) (week|month|year)\b{W}\b(house|houses|rent)\b|\b(house|rent)\b{W}(£|GBP) ?[\d,.]+ (a|per) (week|month)\b",
                   "A three-bedroom house at Tanner's Yard is let for £795 a month."),
    "p24-dev-042": (rf"\bPennyfold\b{W}\bsolar\b|\bsolar\b{W}\bPennyfold\b|\bbungalows?\b{W}\bsolar\b",
                   "Pennyfold Close has 12 solar panels."),
    "p24-dev-043": (rf"\bheat pumps?\b{W}\b(cost|costing)\b{W}(£|GBP)|\bheat pumps?\b{W}(£|GBP) ?[\d,]+(?![\d,])(?! a bungalow)|(£|GBP) ?[\d,]+{W}\b(for|on) (the |each )?(air-source )?heat pumps?\b",
                   "The heat pumps cost £48,000 for the eight bungalows."),
    "p24-dev-044": (rf"\bMarchant\b{W}\b(awarded|granted|approved|agreed|gave|turned down|refused|declined)\b|\b(awarded|granted|gave)\b{W}\bMarchant\b",
                   "The Marchant Heritage Fund awarded £8,500 in July."),
    "p24-dev-045": (rf"\bGatehouse\b{W}\b(built|erected|dates from)\b{W}\b1[5-9]\d\d\b|\bGatehouse\b{W}\b(built|erected) in\b",
                   "The Gatehouse was built in 1810 for the porter."),
    "p24-test-065": (rf"\b(Sheila|Amory)\b{W}\b(aged|age of|years old|born|turned)\b|\b(Sheila|Amory),? (who is |now )?\d\d\b",
                    "Sheila Amory, aged 78, moved into flat 7."),
    "p24-test-066": (rf"\blift\b{W}\b2009\b{W}(£|GBP|\bcost\b|\bpounds\b)|\blift\b{W}(£|GBP|\bcost\b){W}\b2009\b|\b2009\b{W}\blift\b{W}(£|GBP|\bcost\b)|(£|GBP) ?[\d,]+{W}\blift\b{W}\b2009\b",
                    "The lift, fitted in 2009, cost £38,000."),
    "p24-test-067": (rf"\bsurplus\b{W}\b2023\b|\b2023\b{W}\bsurplus\b",
                    "The surplus for 2023 was £52,100."),
    "p24-test-068": (rf"\b(waiting list|on the list|waiting)\b{W}\b2023\b|\b2023\b{W}\b(waiting list|on the list)\b",
                    "At the end of 2023 there were 26 on the waiting list."),
    "p24-test-069": (rf"\bshared own\w*\b{W}(£|GBP|\bsold for\b|\bprice\b)|\bsold\b{W}\bfor (£|GBP) ?\d|(£|GBP) ?[\d,]+{W}\bshared own",
                    "The shared ownership houses were sold for £118,000 each."),
    "p24-test-070": (rf"\b(hourly|an hour|per hour)\b{W}(£|GBP)|(£|GBP) ?[\d.,]+ (an|per|a) hour\b|\bhourly (rate|pay|wage)\b",
                    "Sid is paid £16 an hour."),
    "p24-test-071": (rf"\bPound Field\b{W}\b(bought|paid|cost us|price)\b{W}(£|GBP)|\b(bought|paid for)\b{W}\bPound Field\b{W}(£|GBP)|\b(bought|paid)\b{W}(£|GBP) ?[\d,]+{W}\bPound\b|\bbought from the district council\b{W}(£|GBP)|(£|GBP) ?[\d,]+{W}\bbought from the district council\b",
                    "Pound Field was bought from the district council in 2023 for £240,000."),
    "p24-test-072": (rf"\btonnes?\b{W}\b(a|per|each) (year|winter)\b|\b(a|per|each) (year|winter)\b{W}\btonnes?\b|\b(burns?|uses?)\b{W}\btonnes?\b",
                    "The boiler burns about 40 tonnes of pellets a year."),
    "p24-test-073": (rf"\b(drier|dryer|tumble)\b{W}(£|GBP|\bcost\b|\bpounds\b)|(£|GBP) ?[\d,]+{W}\b(drier|dryer)\b",
                    "The new drier cost £640 and came on 19 December."),
    "p24-test-074": (rf"\bsolar\b{W}(£|GBP|\bcost\b|\bpounds\b)|(£|GBP) ?[\d,]+{W}\bsolar\b",
                    "The solar panels cost £14,000."),
    "p24-test-075": (rf"\b(members|membership)\b{W}\b2014\b|\b2014\b{W}\b(members|membership)\b|\bfounding members\b|\bfirst members\b",
                    "In 2014 the land trust had 58 members."),
    "p24-test-076": (rf"\b(Right Reverend|Rt Revd|Rt Rev)\b|\bBishop\b{W}\b(named|called|whose name)\b|\bBishop of Salchester\b,? \w+ \w+,",
                    "It was opened by the Bishop of Salchester, Michael Anstey, in May 1991."),
}


DOCS = 25
FORMATS = Counter(md=21, txt=4)
NO_FRONT_MATTER = ["about/history", "letters/2025-11-planning-officer", "meetings/2025-11-residents"]
SUPERSEDED = ["policies/admissions-2019"]
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


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
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"22 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"three documents without front matter ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(1000 <= s <= 2100 for s in raw.values()), f"file sizes 1.0-2.1 KB ({min(raw.values())}-{max(raw.values())})")

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
        check(all(it.id == f"p24-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p24-{split}-NNN in order")
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
