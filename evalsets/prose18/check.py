"""Checks for evalsets/prose18 (no model): run from the repo root (`python3 evalsets/prose18/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose18/check.py`)."""
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
    "p18-dev-038": (r"@|www\.|https?://|\.org\b|\.co\.uk|\.com\b|\.uk\b",
                   "Email shop@hatherstowstores.org.uk."),
    "p18-dev-039": (r"(Bronwen|Lusk|Mrs L)[^.;]*\b(aged|age of|years old|born)\b|(Bronwen|Lusk),? (who is |now )?\d\d\b",
                   "Bronwen Lusk, who is 78, is our president."),
    "p18-dev-040": (r"(juice|litres|pressed)[^.;]*\b2025\b(?!-)|\b2025\b(?!-)[^.;]*(juice|litres|Apple Day)|last year's Apple Day",
                   "At Apple Day 2025 we pressed 540 litres."),
    "p18-dev-041": (r"\bsalary\b|(Immy|Imogen|Falconer|shop manager)[^.;]*(GBP|£) ?[\d,]+ (a|per) (year|hour|week)",
                   "Immy is paid GBP 29,000 a year."),
    "p18-dev-042": (r"\btea\b[^.;]*\b2027\b|\b2027\b[^.;]*\btea\b",
                   "From April 2027 a pot of tea costs GBP 2.40."),
    "p18-dev-043": (r"\bkWh\b|kilowatt|\bbattery\b",
                   "Nell's battery holds 40 kWh."),
    "p18-dev-044": (r"open evening[^.;]*\b\d+ (people|members|villagers)\b|\b\d+ (people|members|villagers)\b[^.;]*open evening",
                   "About 90 people came to the open evening."),
    "p18-dev-045": (r"\bcode\b[^.;]*\b\d{3,}\b|\b\d{4}\b[^.;]*\balarm\b|\balarm code\b",
                   "The alarm code is 4172."),
    "p18-test-065": (r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b\d{5} ?\d{6}\b|(phone|telephone|number|ring|call)[^.;]*\b\d{6,}\b",
                    "Ring the shop on 01632 960 418."),
    "p18-test-066": (r"members?[^.;]*\b2023\b|\b2023\b[^.;]*members?\b",
                    "In 2023-24 we had 389 members."),
    "p18-test-067": (r"(Nell|Pymm)[^.;]*\b(died|dies|death|passed away|late)\b|\b(died|death)\b[^.;]*(Nell|Pymm)",
                    "Nell Pymm died in 2016."),
    "p18-test-068": (r"(Gwen|Ashby|Gwendolen)[^.;]*(GBP|£) ?\d|(GBP|£) ?[\d.,]+ (an|per) hour|\bhourly\b|\bsalary\b",
                    "Gwen is paid GBP 13.20 an hour."),
    "p18-test-069": (r"cold room[^.;]*\b\d+(\.\d+)? ?(square metres|cubic metres|metres|litres|m2|m3)\b|\b\d+(\.\d+)? ?(square metres|cubic metres|metres|litres)\b[^.;]*cold room",
                    "The walk-in cold room is 6 cubic metres."),
    "p18-test-070": (r"\bappointed\b|\bsuccessor\b|\bnew (postmaster|postmistress|counter clerk)\b|(Kezia|Dougal)[^.;]*\b(will run|takes over|got the job|will take over)\b",
                    "Kezia has been appointed to run the counter."),
    "p18-test-071": (r"storeroom[^.;]*\b\d+(\.\d+)? ?(square metres|metres|m2)\b|\b\d+(\.\d+)? ?(square metres|m2)\b[^.;]*storeroom",
                    "The new storeroom will be 24 square metres."),
    "p18-test-072": (r"electricity (GBP|£) ?[\d,]+ \(|electricity[^.;]*\b2024\b|\b2024\b[^.;]*electricity",
                    "Spending: electricity GBP 14,300 (GBP 12,100)."),
    "p18-test-073": (r"supper[^.;]*\b\d+ (people|volunteers|guests)\b|\b\d+ (people|volunteers|guests)\b[^.;]*supper",
                    "41 volunteers came to the supper."),
    "p18-test-074": (r"Crumb Club[^.;]*\b(19|20)\d\d\b|\b(began|started|founded|formed|set up)\b[^.;]*Crumb Club",
                    "The Crumb Club started in 2016."),
    "p18-test-075": (r"anvil[^.;]*\b(weigh\w*|kg|kilos?|kilograms?|tonnes?|cwt|hundredweight)\b|\b(weigh\w*)\b[^.;]*anvil",
                    "The anvil weighs 150 kg."),
    "p18-test-076": (r"(2032|review\w*)[^.;]*(GBP|£) ?\d|(rent|lease)[^.;]*\b(rises|will rise|will be|goes up) to (GBP|£)",
                    "After the 2032 review the rent rises to GBP 13,200."),
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
    check(sup == ["policies/accounts-2020"], f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(900 <= s <= 2000 for s in raw.values()), f"file sizes 0.9-2.0 KB ({min(raw.values())}-{max(raw.values())})")

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
        check(all(it.id == f"p18-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p18-{split}-NNN in order")
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
