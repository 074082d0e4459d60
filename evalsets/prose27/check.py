"""Checks for evalsets/prose27 (no model): run from the repo root (`python3 evalsets/prose27/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose27/check.py`)."""
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
    "p27-dev-038": (rf"\b(Hobday|Lusk|wheelwrights?)\b{W}(£|\bcharged?\b|\bcost\b|\bpaid\b|\bpounds\b)|£ ?[\d,]+{W}\b(Hobday|wheelwrights?)\b",
                   "Hobday & Lusk charged £9,800 for the wagon."),
    "p27-dev-039": (rf"\bcharity (number|no)\b|\bregistered charity\b|\bcharity commission\b",
                   "Registered charity number 1190427."),
    "p27-dev-040": (rf"\b2023\b|\b2024\b{W}\baccession\w*\b|\baccession\w*\b{W}\b2024\b",
                   "In 2023-24 we accessioned 61 objects."),
    "p27-dev-041": (rf"\bsecond anvil\b{W}(\bkg\b|\bhundredweight\b|\bcwt\b|\bweigh\w*\b)|\b(kg|hundredweight|weighs)\b{W}\bsecond anvil\b",
                   "The second anvil weighs 1 hundredweight."),
    "p27-dev-042": (rf"\bcream teas?\b{W}(£|\d+p\b)|(£ ?[\d.]+|\d+p){W}\bcream teas?\b",
                   "A cream tea costs £6.50 in the Churn."),
    "p27-dev-043": (rf"\b(Morwenna|Stace|curator)\b{W}\b(since|joined|appointed|started|began|took up|became)\b|\b(appointed|joined|became|started as)\b{W}\bcurator\b",
                   "Morwenna Stace became curator in 2018."),
    "p27-dev-044": (rf"\bsmock\b{W}(£|\binsured\b)|£ ?[\d,]+{W}\bsmock\b",
                   "The smock frock is insured at £900."),
    "p27-dev-045": (rf"\bcandlelit\b{W}\b\d[\d,]* (people|visitors|came|guests)\b|\b\d[\d,]* (people|visitors)\b{W}\bcandlelit\b",
                   "The candlelit evening drew 212 people."),
    "p27-test-065": (rf"\bcheese press\b{W}(£|\bshillings?\b|\bpence\b|\b\d+p\b|\bpaid\b|\bcost\b|\bfor a\b)",
                    "He bought the cheese press for two shillings."),
    "p27-test-066": (rf"\btoilet\b{W}\b(built|designed|put up|installed|fitted) by\b|\b(builders?|contractors?|architects?)\b{W}\btoilet\b|\btoilet\b{W}\b(builders?|contractors?)\b",
                    "The accessible toilet was built by Ferris Builders of Orrby."),
    "p27-test-067": (rf"www\.|https?://|\.org\b|\.co\.uk\b|\.com\b|\bwebsite\b",
                    "Our website is www.brackenholtmuseum.org.uk."),
    "p27-test-068": (rf"\bHeavy Horse Day\b{W}(\b2025\b|\b\d[\d,]* (people|visitors)\b)|\b2025\b{W}\bHeavy Horse Day\b",
                    "The 2025 Heavy Horse Day drew 640 people."),
    "p27-test-069": (rf"\b2027\b{W}£|£ ?[\d.,]+{W}\b2027\b|\bFriends?\b{W}\b2027\b",
                    "Joint Friends membership will be £45 in 2027."),
    "p27-test-070": (rf"\bvolunteers\b{W}\b2019\b|\b2019\b{W}\bvolunteers\b",
                    "In 2019 the museum had 71 volunteers."),
    "p27-test-071": (rf"\b(Caleb|Winstanley)\b{W}\b(aged|age of|years old)\b|\baged \d+\b{W}\b(Caleb|forge)\b|\bas a boy of\b",
                    "Caleb Winstanley started at the forge aged 11."),
    "p27-test-072": (rf"\b(Idris|Fenn)\b{W}\bvotes?\b|\bvotes?\b{W}\b(Idris|Fenn)\b|\belected\b{W}\bunanimously\b|\bunanimously\b{W}\belected\b",
                    "Idris Fenn was elected secretary by eight votes to nil."),
    "p27-test-073": (rf"\bgutters?\b{W}(£|\bquoted?\b{W}\d)|£ ?[\d,]+{W}\bgutters?\b",
                    "The lowest quote for the gutter was £640."),
    "p27-test-074": (rf"\b(last|previous|earlier)\b{W}\bexhibitions?\b|\bexhibitions?\b{W}\b(before|previous|last year)\b",
                    "Our last exhibition, Threads of the Valley, closed in January."),
    "p27-test-075": (rf"\b\d[\d,]* members\b{W}\bColdrey\b|\bColdrey\b{W}\b\d[\d,]* members\b|\bColdrey Heavy Horse Society\b{W}\b(has|had|of)\b \d",
                    "The Coldrey Heavy Horse Society has 140 members."),
    "p27-test-076": (rf"\b(miles|kilometres|km)\b long\b|\blength\b|\bSkelve\b{W}\b(is|runs|flows)\b{W}\b(miles|kilometres|km)\b",
                    "The Skelve is 38 miles long."),
}


DOCS = 24
FORMATS = Counter(md=17, txt=5, html=2)
# plain text without front matter, and the HTML pages (whose loader gives no metadata)
NO_FRONT_MATTER = ["about/history", "blog/2025-09-harvest-weekend", "collection/wagon-shed",
                   "grants/2025-12-clemency-harte-award", "incidents/2025-08-forge-burn",
                   "letters/2025-10-parish-council", "loans/2026-01-harnbury-letter"]
SUPERSEDED = ["policies/accessions-and-disposals-2016"]
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
    check(fmt == FORMATS, f"formats 17 md / 5 txt / 2 html ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"17 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"seven documents without front matter (five txt, two html) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(1100 <= s <= 2000 for s in raw.values()), f"file sizes 1.1-2.0 KB ({min(raw.values())}-{max(raw.values())})")

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
        check(all(it.id == f"p27-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p27-{split}-NNN in order")
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
