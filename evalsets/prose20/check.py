"""Checks for evalsets/prose20 (no model): run from the repo root (`python3 evalsets/prose20/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose20/check.py`)."""
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
    """One line of text in which list items, headings and paragraphs are cut off by '.', so a
    pattern's `[^.;]*` stays inside one sentence, clause or list item even across line wraps."""
    text = re.sub(r"\n\s*(?:[-*]|\d+\.|#+)\s+", " . ", "\n" + text)
    text = re.sub(r"\n\s*\n", " . ", text)
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.lower().split())


# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)
UNANSWERABLE = {
    "p20-dev-038": (r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b\d{5} ?\d{6}\b|(phone|telephone|number|ring|call)[^.;]*\b\d{6,}\b",
                   "Ring the Arch on 01632 960 418."),
    "p20-dev-039": (r"\b(Ffion|Ffi|Gatherall)\b[^.;]*\b(aged|age of|years old|born)\b|\b(Ffion|Ffi|Gatherall),? (who is |now )?\d\d\b",
                   "Ffion Gatherall, who is 41, is our workshop manager."),
    "p20-dev-040": (r"(first|2017)[^.;]*\b\d[\d,]* (riders|people|cyclists)\b|\b\d[\d,]* (riders|people|cyclists)\b[^.;]*(\b2017\b|first lantern ride)",
                   "The first lantern ride, in 2017, drew 240 riders."),
    "p20-dev-041": (r"\bweigh(s|ed|ing|t)?\b|\b(kerb|unladen|empty) weight\b",
                   "Hector weighs 38 kilograms."),
    "p20-dev-042": (r"\bsalary\b|\b(is|are|gets?) paid (GBP|£)|\bwages? of (GBP|£)|(GBP|£) ?[\d,.]+ (an|per) hour",
                   "Ffi is paid GBP 29,500 a year."),
    "p20-dev-043": (r"Trundle[^.;]*(GBP|£) ?\d|(GBP|£) ?[\d,]+[^.;]*Trundle|\b(trike|tricycle)\b[^.;]*\b(cost|bought|paid)\b[^.;]*(GBP|£)",
                   "We bought Trundle in 2023 for GBP 6,900."),
    "p20-dev-044": (r"\bborrower,? (named |called )?(Mrs|Ms|Miss|Mr) \w+|(Mrs|Ms|Miss) \w+[^.;]*(Tuppence|Quarry Hill|Cobb Street)|borrower[^.;]*\b(named|called)\b",
                   "The borrower, Mrs Haskett, turned sharply into Cobb Street."),
    "p20-dev-045": (r"income[^.;]*\b2022\b|\b2022\b[^.;]*\bincome\b|\b2022\b[^.;]*\bin all\b",
                   "Our income in 2022 was GBP 141,300."),
    "p20-test-065": (r"@|www\.|https?://|\.org\b|\.co\.uk|\.com\b|\.uk\b",
                    "Email hello@freewheelvennington.org.uk."),
    "p20-test-066": (r"\b(Nell|Hardacre)\b[^.;]*\b(aged|age of|years old|born)\b|\b(Nell|Hardacre),? (who is |now )?\d\d\b",
                    "Nell Hardacre, who is 52, leads on Tuesdays."),
    "p20-test-067": (r"third cargo bike[^.;]*(GBP|£) ?\d|(GBP|£) ?[\d,]+[^.;]*third cargo bike|(second three-wheeler|new cargo bike)[^.;]*(GBP|£) ?\d",
                    "A third cargo bike would cost about GBP 4,200."),
    "p20-test-068": (r"\b2022\b[^.;]*\b(sold|Second Spin)\b|\b(sold|Second Spin)\b[^.;]*\b2022\b",
                    "In 2022 we sold 297 Second Spin bikes."),
    "p20-test-069": (r"(Grindle|Arch 8)[^.;]*\brent\w*[^.;]*(GBP|£) ?\d|(GBP|£) ?[\d,]+ (a year )?(in )?rent[^.;]*(Grindle|Arch 8)|(Grindle|Arch 8)[^.;]*\bpays?\b[^.;]*(GBP|£) ?[\d,]+ (a|per) (year|month)",
                    "Grindle Coffee pays GBP 8,900 a year for Arch 8."),
    "p20-test-070": (r"council (has )?(decided|voted|agreed) (to|that)[^.;]*\bpermanent\b|school streets? (have been|were|are now|will stay) (made )?permanent|decided in November[^.;]*(to keep|to make|permanent)",
                    "In November the council decided to make both school streets permanent."),
    "p20-test-071": (r"\b\d+ (of (them|the marshals) )?(were )?women\b|\bmarshals\b[^.;]*\bwomen\b|\bwomen\b[^.;]*\bmarshals\b",
                    "Of the 46 marshals, 19 were women."),
    "p20-test-072": (r"\b2024\b[^.;]*\b(AGM|annual general meeting)\b[^.;]*\b\d+ (members|people)|\b(AGM|annual general meeting)\b[^.;]*\b2024\b[^.;]*\b\d+ (members|people)",
                    "The 2024 AGM was attended by 51 members."),
    "p20-test-073": (r"\b\d+ ?(km/h|kph|mph|miles an hour|miles per hour|kilometres an hour)\b|top speed|(Hector|assist)[^.;]*\bspeed\b",
                    "With the motor helping, Hector's top speed is 25 km/h."),
    "p20-test-074": (r"(Bethan|Gatley)[^.;]*\b\d+ votes\b|\b\d+ votes\b[^.;]*(Bethan|Gatley)|\belected (by|with) \d+",
                    "Bethan Gatley was elected with 51 votes."),
    "p20-test-075": (r"Trundle[^.;]*\b(deposit|borrow|lend|lent|loan)\w*|\b(deposit|borrow|lend|lent|loan)\w*[^.;]*Trundle",
                    "To borrow Trundle you leave a GBP 75 deposit."),
    "p20-test-076": (r"\bvice[- ]?chair|\bdeputy chair|\bvice[- ]?chairman|\bvice[- ]?president",
                    "Lydia Sankey is vice-chair of the trustees."),
}

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
    check(len(docs) == 50, f"50 documents loaded ({len(docs)})")
    check(fmt == Counter(md=50), f"formats 50 md ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == 45, f"45 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == ["about/history", "faq/donating-a-bike", "letters/2025-12-welcome-hub", "letters/2026-04-city-council",
                    "letters/2026-08-halden-arches"], f"five documents without front matter ({no_fm})")
    sup = [i for i, d in docs.items() if d.metadata.get("status") == "superseded"]
    check(sup == ["policies/cargo-bike-lending-2021"], f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(800 <= s <= 1800 for s in raw.values()), f"file sizes 0.8-1.8 KB ({min(raw.values())}-{max(raw.values())})")

    full = {i: answer_tokens(d.title + "\n" + d.text) for i, d in docs.items()}
    plain = {i: squash(d.title + "\n" + d.text) for i, d in docs.items()}
    sets: dict[str, list[QAItem]] = {}
    for split, want in (("dev", dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8)),
                        ("test", dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12))):
        path = HERE / f"{split}.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        check(all(set(r) <= {"id", "question", "answers", "type", "evidence", "options", "kind", "near", "derived"} for r in rows),
              f"{split}: only the known fields")
        check(all(isinstance(r["answers"], list) and all(isinstance(a, str) and a.strip() for a in r["answers"]) for r in rows),
              f"{split}: answers are lists of non-empty strings")
        check(all(("options" in r) == (r["type"] == "comparison") for r in rows), f"{split}: options only on comparison items")
        check(all(n in docs for r in rows for n in r.get("near", [])), f"{split}: every `near` id is a document")
        items = load_qa(path, corpus_ids=docs.keys())
        sets[split] = items
        got = Counter(it.type for it in items)
        check(got == Counter(want), f"{split}: type counts {dict(got)}")
        check(len({it.id for it in items}) == len(items), f"{split}: unique ids")
        check(all(it.meta.get("kind") for it in items), f"{split}: every item has a kind")
        check(all(it.id == f"p20-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p20-{split}-NNN in order")
        desc_kinds = Counter(it.meta.get("kind") for it in items if it.type == "descriptive")
        check(set(desc_kinds) <= {"what", "why", "how"}, f"{split}: descriptive kinds {dict(desc_kinds)}")
        check(all(bool(it.evidence) == it.answerable for it in items), f"{split}: evidence exactly on answerable items")
        derived = [it for it in items if it.meta.get("derived")]
        check(len(derived) == 1 and all(it.type == "single_hop" and it.meta["derived"] is True and len(it.evidence) >= 2
                                        and all(re.fullmatch(r"\d+|[a-z]+", g) for g in it.answers) for it in derived),
              f"{split}: one derived count (single_hop, two or more evidence documents, a bare number) {[it.id for it in derived]}")
        bad_ev, bad_verb, bad_score, bad_opt, bad_mh, bad_un = [], [], [], [], [], []
        for it in items:
            if it.answerable:
                for g in it.answers:
                    if it.meta.get("derived"):
                        pass  # a count over documents: the number itself need not be written anywhere
                    else:
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
        check(not bad_ev, f"{split}: every gold phrasing (derived counts aside) in an evidence doc as whole tokens {bad_ev}")
        check(not bad_verb, f"{split}: every gold phrasing (derived counts aside) verbatim (case-insensitive) in an evidence doc {bad_verb}")
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
