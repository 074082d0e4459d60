"""Checks for evalsets/prose25 (no model): run from the repo root (`python3 evalsets/prose25/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose25/check.py`)."""
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
    "p25-dev-038": (rf"\b(fruit |apple |pear |plum )?trees\b{W}\b\d+\b|\b\d+ (fruit |apple |pear |plum )?trees\b|\b(a dozen|twenty|thirty|forty|fifty)\w* (fruit |apple )?trees\b",
                   "The orchard has 24 fruit trees."),
    "p25-dev-039": (rf"\btoilet\b{W}\b(cost|costing)\b|\btoilet\b{W}\bbuilt\b{W}(£|GBP)|\b(built|build)\b{W}\btoilet\b{W}(£|GBP)|(£|GBP) ?[\d,]+{W}\btoilet\b{W}\b(built|2021)\b",
                   "The toilet was built in 2021 for £3,100."),
    "p25-dev-040": (rf"\bwaiting list\b{W}\bhouseholds\b{W}\b\d+|\b\d+ households\b{W}\bwaiting\b|\bhouseholds\b{W}\bwaiting\b{W}\b\d+\b",
                   "There are 14 households waiting to join."),
    "p25-dev-041": (rf"\b2024\b{W}\b(people|visitors|came)\b|\b(people|visitors)\b{W}\b2024\b|\blast year\b{W}\b\d+ (people|visitors)\b|\bprevious (record|best)\b",
                   "In 2024 about 350 people came."),
    "p25-dev-042": (rf"\b(Toby|Marwick)\b{W}\bplot\b|\bplot\b{W}\b(Toby|Marwick)\b",
                   "Toby Marwick has plot 52."),
    "p25-dev-043": (rf"\bshredder\b{W}(£|GBP) ?\d|\bshredder\b (cost|costing|for)\b|(£|GBP) ?[\d,]+ (for|on) (the |a )?(petrol )?shredder\b",
                   "The petrol shredder cost £1,150."),
    "p25-dev-044": (rf"\b2012\b{W}(£|GBP|\bshillings\b|\bpounds\b)|(£|GBP) ?[\d,]+{W}\b2012\b",
                   "In 2012 the rent was £1,500."),
    "p25-dev-045": (rf"\bmanure\b{W}\btonnes?\b|\btonnes?\b{W}\bmanure\b|\b(loads?|deliveries)\b{W}\bmanure\b|\bmanure\b{W}\b(a|per|each) year\b",
                   "Glen Harrop brings about 12 tonnes of manure a year."),
    "p25-test-065": (rf"\b(Aubrey|Wyvill)\b{W}\b(aged|age of|years old|born)\b|\b(Aubrey|Wyvill),? (who was |then )?\d\d\b",
                    "Captain Aubrey Wyvill, aged 34, became president."),
    "p25-test-066": (rf"\bcamera\b{W}(£|GBP|\bcost\b|\bpounds\b)|(£|GBP) ?[\d,]+{W}\bcamera\b",
                    "The trail camera cost £85."),
    "p25-test-067": (rf"\bRiverside\b{W}\b(awarded|granted|gave|approved|agreed|turned down|refused|declined)\b|\b(awarded|granted|gave)\b{W}\bRiverside\b",
                    "The Riverside Fund awarded £6,500 in June."),
    "p25-test-068": (rf"\b2023\b",
                    "At 30 September 2023 there were 139 plot-holders."),
    "p25-test-069": (rf"\bfirst seed swap\b|\bseed swaps?\b{W}\b(began|started|first held|founded)\b|\bseed swaps?\b{W}\b(since|in) (19|20)\d\d\b",
                    "The first seed swap, in 2009, drew 40 people."),
    "p25-test-070": (rf"\bfleece\b",
                    "Fleece is £3.20 for 5 m."),
    "p25-test-071": (rf"\bborehole\b{W}(£|GBP|\bcost\b|\bpounds\b)|(£|GBP) ?[\d,]+{W}\bborehole\b",
                    "The borehole cost £8,200 to drill."),
    "p25-test-072": (rf"\b\d+ (bee)?hives\b|\b(two|three|four|five|six|seven|eight|nine|ten|a dozen) (bee)?hives\b|\bhives?\b{W}\b(kept|are) at Pinfold\b",
                    "There are four hives at Pinfold."),
    "p25-test-073": (rf"\binsurance\b{W}\b2026\b|\b2026\b{W}\binsurance\b",
                    "Insurance for 2026 will be £760."),
    "p25-test-074": (rf"\bplant sale\b{W}\b(until|till|finish\w*|ends?|closes?)\b|\bplant sale\b{W}\bto (one|two|three|noon|\d)",
                    "The plant sale runs from ten until 1 pm."),
    "p25-test-075": (rf"\b(Owen|Marchbank)\b{W}\b(since (19|20)\d\d|for \w+ years|years)\b|\btaught\b{W}\byears\b|\bteach\w*\b{W}\b(since|for \w+ years)\b",
                    "Owen has taught there for twelve years."),
    "p25-test-076": (rf"\bmarrow\b{W}\b2024\b|\b2024\b{W}\bmarrow\b|\blast year\b{W}\b\d+(\.\d+)? (kilos|kg)\b|\bmarrow\b{W}\blast year\b{W}\d",
                    "Last year's marrow, in 2024, weighed 16.2 kilos."),
}


DOCS = 27
FORMATS = Counter(md=18, txt=5, html=4)
# plain text without front matter, and the HTML pages (whose loader gives no metadata)
NO_FRONT_MATTER = ["about/history", "compost/compost-corner", "guides/new-plot-holders",
                   "incidents/2025-06-shed-break-ins", "letters/2025-07-town-council",
                   "letters/2026-05-first-letter-plot-63", "meetings/2025-10-agm",
                   "notices/2025-05-water-notice", "seed-swap/seed-swap-2026"]
SUPERSEDED = ["policies/plot-inspection-2018"]
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
    check(fmt == FORMATS, f"formats 18 md / 5 txt / 4 html ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"18 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"nine documents without front matter (five txt, four html) ({no_fm})")
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
        check(all(it.id == f"p25-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p25-{split}-NNN in order")
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
