"""Checks for evalsets/prose21 (no model): run from the repo root (`python3 evalsets/prose21/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose21/check.py`)."""
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
    "p21-dev-038": (r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b\d{5} ?\d{6}\b|(phone|telephone|ring|call|mobile)[^.;]*\b\d{6,}\b",
                   "Ring the Bothy on 01632 960 214."),
    "p21-dev-039": (r"\b(Wenna|Halloran)\b[^.;]*\b(aged|age of|years old|born)\b|\b(Wenna|Halloran),? (who is |now )?\d\d\b",
                   "Wenna Halloran, who is 37, is our coordinator."),
    "p21-dev-040": (r"\b2023\b[^.;]*\b(tonnes?|kg|kilos?|kilograms?|pressed)\b|\b(tonnes?|pressed)\b[^.;]*\b2023\b",
                   "In 2023 we pressed 7.2 tonnes."),
    "p21-dev-041": (r"\b(registration|registered|society|FCA|IP) (number|no\.?)\b|\bregistered[^.;]*\bnumber\b|\b(number|no\.?) \d{4,}\b",
                   "We are registered with the FCA as society number 31207R."),
    "p21-dev-042": (r"blossom day[^.;]*\b\d+ (people|visitors|came)|\b\d+ (people|visitors)[^.;]*blossom",
                   "The blossom day drew 140 people to Cobbler's Piece."),
    "p21-dev-043": (r"Glebe (Orchard |trees )?(was|were) planted|\bplanted\b[^.;]*\b(at|in) the Glebe|(Glebe|St Oswy)[^.;]*\b1[6-9]\d\d\b|\b1[6-9]\d\d\b[^.;]*(Glebe|St Oswy)",
                   "The Glebe trees were planted by the rector in 1911."),
    "p21-dev-044": (r"\b\d+ votes\b[^.;]*(Dilys|Vockins|chair)|(Dilys|Vockins)[^.;]*\b\d+ votes\b|\belected (by|with) \d+",
                   "Dilys Vockins was elected chair with 58 votes."),
    "p21-dev-045": (r"\b(renew|renewal|renews|renewed|expires?|due)\b[^.;]*\b(insurance|insurer|Ryland|policy)\b|\b(insurance|insurer|Ryland)\b[^.;]*\b(renew|renewal|renews|renewed|expires?|due)\b",
                   "Our insurance with Ryland Mutual is due for renewal on 1 June."),
    "p21-test-065": (r"@|www\.|https?://|\.org\b|\.co\.uk|\.com\b|\.uk\b",
                    "Email hello@liskvalleyorchards.org.uk."),
    "p21-test-066": (r"\b(Kit|Fennimore)\b[^.;]*\b(aged|age of|years old|born)\b|\b(Kit|Fennimore),? (who is |now )?\d\d\b",
                    "Kit Fennimore, now 71, teaches grafting."),
    "p21-test-067": (r"\b2023\b[^.;]*\b(cider|litres)\b|\b(cider|litres)\b[^.;]*\b2023\b",
                    "In 2023 we made 1,380 litres of cider."),
    "p21-test-068": (r"Land Rover[^.;]*(GBP|£) ?\d|(GBP|£) ?[\d,]+[^.;]*Land Rover|Land Rover[^.;]*\b(cost|bought|paid)\b",
                    "Tob bought the Land Rover for GBP 6,500."),
    "p21-test-069": (r"\b(AGM|annual general meeting)\b[^.;]*\b\d+ (members|people)\b|\b\d+ (members|people) (came|attended|were present)\b[^.;]*\b(AGM|meeting)\b",
                    "The AGM was attended by 64 members."),
    "p21-test-070": (r"(Kettle|pasteuriser)[^.;]*\b(cost|costs|bought|paid)\b[^.;]*(GBP|£) ?\d|\b(paid|bought|cost)\b[^.;]*(GBP|£) ?[\d,]+[^.;]*\b(Kettle|pasteuriser)\b",
                    "The Kettle cost us GBP 1,450 in 2019."),
    "p21-test-071": (r"BP-500[^.;]*\bweigh|\bweigh[^.;]*BP-500|BP-500[^.;]*\b\d[\d,]* ?(kg|kilos?|tonnes?)\b",
                    "The BP-500 weighs 2,300 kg."),
    "p21-test-072": (r"insurance[^.;]*\((GBP|£)|insurance[^.;]*\b2024\b|\b2024\b[^.;]*insurance",
                    "Insurance GBP 1,860 (GBP 1,720)."),
    "p21-test-073": (r"\bfarmer,? (named |called )?(Mr|Mrs|Ms|Miss) \w+|\b(Mr|Mrs|Ms|Miss) \w+[^.;]*\b(Mardle|sheep)\b|Mardle Farm[^.;]*\b(run|owned|farmed|kept) by\b|\bsheep belong to\b",
                    "The sheep belong to Mr Garland of Mardle Farm."),
    "p21-test-074": (r"leaflet[^.;]*(GBP|£) ?\d|leaflet (costs?|will cost)|(GBP|£) ?[\d,]+[^.;]*\b(for|on) (the |a )?leaflet\b",
                    "About GBP 900 will go on the leaflet."),
    "p21-test-075": (r"\b2024\b[^.;]*\b(first|opening) pressing|\b(first|opening) pressing[^.;]*\b2024\b|\b2024 season\b",
                    "The first pressing day of the 2024 season was on 15 September."),
    "p21-test-076": (r"\bbrix\b|specific gravity|\bsugar\b[^.;]*\b\d+(\.\d+)?\b|\b\d+(\.\d+)? ?(per cent|%)? sugar\b",
                    "The Orchard Blend read 13.2 Brix."),
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
    check(len(docs) == 28, f"28 documents loaded ({len(docs)})")
    check(fmt == Counter(md=23, txt=5), f"formats 23 md / 5 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == 25, f"25 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == ["about/history", "emails/2026-05-grumble-repair", "emails/2026-08-glebe-lease"],
          f"three documents without front matter ({no_fm})")
    sup = [i for i, d in docs.items() if d.metadata.get("status") == "superseded"]
    check(sup == ["policies/pressing-charges-2023"], f"one superseded document ({sup})")
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
        check(all(it.id == f"p21-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p21-{split}-NNN in order")
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
