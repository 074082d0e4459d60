"""Checks for evalsets/prose23 (no model): run from the repo root (`python3 evalsets/prose23/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose23/check.py`)."""
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
    "p23-dev-038": (rf"\b(Margery|Tulk)\b{W}\b(aged|age of|years old|born)\b|\b(Margery|Tulk),? (who is |now )?\d\d\b",
                   "Margery Tulk, now 78, still writes the history column."),
    "p23-dev-039": (rf"\bBig Nell\b{W}(£|GBP|\bpounds\b|\bcost\b|\bpaid\b|\bprice\b)|(£|GBP) ?[\d,]+{W}\bBig Nell\b|\b(paid|cost|price)\b{W}\bBig Nell\b",
                   "Kelderby paid £6,400 for Big Nell."),
    "p23-dev-040": (rf"\b2000\b{W}\b(homes|houses|properties|businesses|cottages)\b|\b(homes|houses|properties)\b{W}\b(in|of) 2000\b",
                   "In 2000, 24 homes were flooded."),
    "p23-dev-041": (rf"\bwet run\b{W}\b(\d+|twenty|thirty|forty|fifty|sixty|seventy|eighty) (people|wardens|volunteers|residents|of us)\b|\b\d+ (people|wardens|volunteers)\b{W}\bwet run\b",
                   "The 2025 wet run drew 41 wardens and helpers."),
    "p23-dev-042": (rf"\bculvert\b{W}\b\d+ ?(m|metres|meters|yards|feet)\b|\b\d+ ?(m|metres|meters|yards|feet)\b{W}\bculvert\b|\bculvert\b{W}\b(long|length)\b",
                   "The culvert under Church Row is 85 metres long."),
    "p23-dev-043": (rf"\b(Tidemark|surveys?)\b{W}(£|GBP|\bcosts?\b|\bcharged\b|\bfees?\b|\bpounds\b)|(£|GBP) ?[\d,]+{W}\b(per|a|each|for each) (house |home )?survey\b",
                   "Tidemark charged £350 for each survey."),
    "p23-dev-044": (rf"\b(2024 to 2025|2024-25|2024–25|2024/25|winter of 2025|2025)\b{W}\btrees\b|\btrees\b{W}\b(2024 to 2025|2024-25|2024–25|2025)\b",
                   "In the winter of 2024 to 2025 we planted 2,000 more trees."),
    "p23-dev-045": (rf"\b(hourly|an hour|per hour)\b{W}(£|GBP)|(£|GBP) ?[\d.,]+ (an|per|a) hour\b|\bhourly (rate|pay|wage)\b",
                   "Fenella is paid £14.50 an hour."),
    "p23-test-065": (rf"\b(Dev|Kapadia)\b{W}\b(chartered|qualified|qualifying)\b{W}\b(19|20)\d\d\b|\b(chartered|qualified)\b{W}\bin (19|20)\d\d\b",
                    "Dev Kapadia became a chartered engineer in 2004."),
    "p23-test-066": (rf"\bLamb (&|and) Flag\b{W}\b(2025|January)\b|\b(2025|January)\b{W}\bLamb (&|and) Flag\b",
                    "In January 2025 the water stood 40 cm deep in the Lamb & Flag."),
    "p23-test-067": (rf"\bKelderby\b{W}\b\d+ members\b|\b\d+ members\b{W}\bKelderby\b|\bKelderby Floodwatch\b{W}\bmembers\b",
                    "Kelderby Floodwatch has 140 members."),
    "p23-test-068": (rf"\b(second|smaller) pond\b{W}\b(awarded|approved|granted|refused|turned down|agreed)\b|\b(awarded|approved|granted|refused|turned down)\b{W}\b(second|smaller) pond\b|\bCatchment Partnership\b{W}\b(awarded|approved|granted|refused|turned us down|said yes|said no)\b",
                    "In October the Catchment Partnership awarded £22,000 for the second pond."),
    "p23-test-069": (rf"\bRotary\b{W}\b(gave|granted|donated|grant of|gift of)\b|\b(grant|gift|donation) of (£|GBP) ?[\d,]+ from (the )?Sedgebury Rotary\b|\bRotary\b{W}(£|GBP) ?\d|\bRotary(?: Club)?(?:'s)? (grant|gift|donation) (was|of)\b",
                    "Sedgebury Rotary Club gave £1,500 towards the Dragon."),
    "p23-test-070": (rf"\bgenerator\b{W}(£|GBP|\bcost\b|\bbought\b|\bpaid\b|\bpounds\b)|(£|GBP) ?[\d,]+{W}\bgenerator\b",
                    "The generator was bought in 2018 for £900."),
    "p23-test-071": (rf"\bsuccessor\b,? (is|will be|named|called)\b|\b(succeeds?|succeeded|replaces?|replaced|taken over from|takes over from) Stan\b|\bStan(?: Ebbrell)?'s (successor|replacement|job)\b",
                    "Stan Ebbrell's successor is Megan Thwaite, who now holds the keys."),
    "p23-test-072": (rf"\bKelderby\b{W}\b\d+\.\d+ ?m\b|\b\d+\.\d+ ?m\b{W}\bKelderby\b",
                    "At Kelderby the river peaked at 3.05 m that night."),
    "p23-test-073": (rf"\b(rent|rents|rented|hire|hired|lease)\b{W}\b(Oddfellows|hall|desk)\b|\b(Oddfellows|desk)\b{W}\b(rent|rents|rented|lease)\b|\b(Oddfellows|desk)\b{W}(£|GBP) ?\d",
                    "We pay the Oddfellows Hall £600 a year for the desk."),
    "p23-test-074": (rf"\bKitten\b{W}\bservic|\bservic\w*\b{W}\bKitten\b",
                    "The Kitten is serviced every spring by Gedge's Garage."),
    "p23-test-075": (rf"\b2023\b{W}\bmembers\b|\bmembers\b{W}\b2023\b",
                    "At the end of 2023 we had 248 members."),
    "p23-test-076": (rf"\bcharity (number|no\.?|registration)\b|\bregistered charity\b{W}\d|\b(registration|registered) (number|no\.?)\b",
                    "Registered charity number 1167342."),
}

DOCS = 24
FORMATS = Counter(md=20, txt=4)
NO_FRONT_MATTER = ["about/history", "emails/2026-04-rivers-board"]
SUPERSEDED = ["plans/warden-plan-2019"]
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
    check(fmt == FORMATS, f"formats 20 md / 4 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"22 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"two documents without front matter ({no_fm})")
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
        check(all(it.id == f"p23-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p23-{split}-NNN in order")
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
