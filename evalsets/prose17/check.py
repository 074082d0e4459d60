"""Checks for evalsets/prose17 (no model): run from the repo root (`python3 evalsets/prose17/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose17/check.py`)."""
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
    "p17-dev-038": (r"(Winifred|Askew)[^.;]*\b(aged|age of|years old|born)\b|(Winifred|Askew),? (who is |now )?\d\d\b",
                   "Dame Winifred Askew, who is 74, is our president."),
    "p17-dev-039": (r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b\d{5} ?\d{6}\b|(phone|telephone|number|ring|call)[^.;]*\b\d{6,}\b",
                   "Phone the lido on 01632 960 212."),
    "p17-dev-040": (r"\bdip\w*[^.;]*\b2025\b(?!-)|\b2025\b(?!-)[^.;]*\bdip|last year's dip",
                   "At the 2025 dip 240 people went in."),
    "p17-dev-041": (r"\bsalary\b|\bwages?\b|(Pip|Philippa|Gorringe|general manager)[^.;]*(GBP|£) ?[\d,]+ a year",
                   "Pip is paid GBP 38,000 a year."),
    "p17-dev-042": (r"adult[^.;]*(class|lesson)[^.;]*2027|2027[^.;]*adult[^.;]*(class|lesson)",
                   "From May 2027 the adult class costs GBP 96."),
    "p17-dev-043": (r"power cut[^.;]*\b\d+ (minutes|hours|seconds)\b|\b\d+ (minutes|seconds)\b[^.;]*power cut|power (came|was) back",
                   "The power cut lasted 20 minutes."),
    "p17-dev-044": (r"\b\d+ (people )?(applicants|applications|applied)\b|(applicants|applications)[^.;]*\b\d+\b|\bshortlist",
                   "Nine people applied; 3 applicants were shortlisted."),
    "p17-dev-045": (r"cover[^.;]*\b\d+(\.\d+)? ?(mm|millimetres|cm|centimetres)\b|\b\d+(\.\d+)? ?(mm|millimetres|cm|centimetres)\b[^.;]*cover",
                   "The floating cover is 8 mm thick."),
    "p17-test-065": (r"@|www\.|https?://|\.org\b|\.co\.uk|\.com\b|\.uk\b",
                    "Email info@mardleshamlido.org.uk."),
    "p17-test-066": (r"members?[^.;]*\b2023\b|\b2023\b[^.;]*members?\b",
                    "In 2023-24 we had 2,390 members."),
    "p17-test-067": (r"(Hester|Hetty|Colquhoun)[^.;]*\b(died|death|aged)\b|\b(died|death)\b[^.;]*(Hester|Hetty|Colquhoun)",
                    "Hetty died in 2009."),
    "p17-test-068": (r"(lifeguard|guard)s?[^.;]*(GBP|£) ?\d|(GBP|£) ?\d+(\.\d+)? (an|per) hour[^.;]*guard|\bhourly\b|\bwages?\b",
                    "Lifeguards are paid GBP 12.60 an hour."),
    "p17-test-069": (r"waiting list|waitlist",
                    "There are 130 children on the Minnows waiting list."),
    "p17-test-070": (r"head lifeguard[^.;]*\b(start|starts|begin|begins|join|joins)\b|new head lifeguard",
                    "The new head lifeguard starts on 1 March 2027."),
    "p17-test-071": (r"\b1994\b[^.;]*\b\d+ (people|swimmers)\b|\b\d+ (people|swimmers)\b[^.;]*\b1994\b",
                    "In 1994, 250 people swam by moonlight."),
    "p17-test-072": (r"\b\d+(\.\d+)? ?(kg|kilos|kilograms|tonnes?)\b|\bweigh",
                    "Each heat pump weighs 1.4 tonnes."),
    "p17-test-073": (r"\b1995\b[^.;]*(GBP|£) ?\d|(GBP|£) ?[\d,]+[^.;]*\b1995\b|lottery[^.;]*(GBP|£) ?\d|(GBP|£) ?[\d,]+[^.;]*lottery",
                    "The 1995 boiler cost GBP 48,000."),
    "p17-test-074": (r"\b2024\b(?!-)[^.;]*\b\d,\d{3} swimmers\b|busiest[^.;]*\b2024\b(?!-)|\b2024\b(?!-)[^.;]*busiest",
                    "In 2024 the busiest day brought 2,050 swimmers."),
    "p17-test-075": (r"Cascade[^.;]*\b\d+(\.\d+)? ?metres? (wide|across)\b|\bwide\b[^.;]*Cascade|Cascade[^.;]*\bwidth",
                    "The Cascade is 6 metres wide."),
    "p17-test-076": (r"child('s)?[^.;]*season ticket[^.;]*2027|2027[^.;]*child('s)? season ticket|season tickets? for 2027[^.;]*child",
                    "For 2027 the child's season ticket costs GBP 75."),
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
    check(len(docs) == 24, f"24 documents loaded ({len(docs)})")
    check(fmt == Counter(md=24), f"formats 24 md ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if "department" in d.metadata and "year" in d.metadata)
    check(len(with_fm) == 22, f"22 documents with front matter department/year ({len(with_fm)})")
    sup = [i for i, d in docs.items() if d.metadata.get("status") == "superseded"]
    check(sup == ["policies/membership-2022"], f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(900 <= s <= 2300 for s in raw.values()), f"file sizes 0.9-2.3 KB ({min(raw.values())}-{max(raw.values())})")

    full = {i: answer_tokens(d.title + "\n" + d.text) for i, d in docs.items()}
    plain = {i: squash(d.title + "\n" + d.text) for i, d in docs.items()}
    sets: dict[str, list[QAItem]] = {}
    for split, want in (("dev", dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8)),
                        ("test", dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12))):
        path = HERE / f"{split}.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        check(all(set(r) <= {"id", "question", "answers", "type", "evidence", "options", "kind", "near"} for r in rows),
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
        check(all(it.id == f"p17-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p17-{split}-NNN in order")
        desc_kinds = Counter(it.meta.get("kind") for it in items if it.type == "descriptive")
        check(set(desc_kinds) <= {"what", "why", "how"}, f"{split}: descriptive kinds {dict(desc_kinds)}")
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
