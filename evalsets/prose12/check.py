"""Checks for evalsets/prose12 (no model): run from the repo root (`python3 evalsets/prose12/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose12/check.py`)."""
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
    "p12-dev-039": (r"\b2023\b|2023-24|2023/24|March 2024",
                    "In the year to 31 March 2024 the Rescue admitted 2,870 animals."),
    "p12-dev-040": (r"Laundry[^.;]*(GBP|£|\bcost)|(GBP|£|\bcost)[^.;]*Laundry",
                    "The Laundry cost GBP 9,500 to build."),
    "p12-dev-041": (r"swan[^.;]*\b(called|named|name)\b|\b(called|named)\b[^.;]*\bswan",
                    "She called the swan Horatio."),
    "p12-dev-042": (r"\b(Ford|Transit|Vauxhall|Renault|Peugeot|Citroen|Mercedes|Volkswagen|VW|Fiat|Iveco|Nissan|Toyota)\b|Custard[^.;]*\b(make|model)\b",
                    "Custard is a Vauxhall Movano."),
    "p12-dev-043": (r"@|www\.|https?://|\.org\b|\.co\.uk|\.com\b|\be-?mail\b",
                    "Write to rescue@hallowsand.org.uk."),
    "p12-dev-044": (r"(Hedgehog Hall|Heddle)[^.;]*(GBP|£|\d+,\d{3})|(GBP|£)[^.;]*(Hedgehog Hall|Heddle)",
                    "Hedgehog Hall cost GBP 84,000."),
    "p12-dev-045": (r"(2024-25|2024/25|March 2025)[^.;]*volunteers?|volunteers?[^.;]*(2024-25|2024/25|March 2025)",
                    "In 2024-25 we had 151 volunteers."),
    "p12-test-065": (r"harbourmaster\s*(,|was|is|named|called)\s*(\w+ )?(Captain |Mr |Mrs )?[A-Z]\w+|\b(Captain|Mr|Mrs)\b [A-Z]\w+,? (the|then) harbourmaster|harbourmaster'?s name",
                     "The first trustees were Marjorie, Alwyn Fenby and the harbourmaster, Captain Amos Gurney."),
    "p12-test-066": (r"(2024-25|2024/25|March 2025|\b2024\b)[^.;]*hedgehog|hedgehog[^.;]*(2024-25|2024/25|March 2025|\b2024\b)",
                     "In 2024-25 we took in 1,090 hedgehogs."),
    "p12-test-067": (r"Long Flight[^.;]*(GBP|£|\bcost)|(GBP|£|\bcost)[^.;]*Long Flight",
                     "The Long Flight cost GBP 36,000."),
    "p12-test-068": (r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b\d{5} ?\d{6}\b|(phone|number|line)[^.;]*\b\d{6,}\b",
                     "The Rescue Line is on 01632 960 418."),
    "p12-test-069": (r"hatch[^.;]*(GBP|£|\bcost)|(GBP|£|\bcost)[^.;]*hatch",
                     "The night hatch cost GBP 1,150."),
    "p12-test-070": (r"\b2024\b[^.;]*\bmiles\b|\bmiles\b[^.;]*\b2024\b",
                     "They drove 36,500 miles in 2024."),
    "p12-test-071": (r"coordinator[^.;]*(GBP|£|salary|an hour|per hour|a year|per annum)|(GBP|£|salary)[^.;]*coordinator|\bpost\b[^.;]*(GBP|£)|\bsalary\b",
                     "The coordinator's post is advertised at GBP 23,400 a year."),
    "p12-test-072": (r"\b(Ltd|Limited|Sons|builders?|construction|contractors?|plc)\b|\b(firm|company)\b[^.;]*\bpools\b",
                     "The pools are being built by Dunstan & Sons."),
    "p12-test-073": (r"Pudding[^.;]*\b(bought|purchased|since|arrived|came|new in|acquired)\b|\b(bought|purchased|acquired)\b[^.;]*Pudding",
                     "Pudding was bought in 2019."),
    "p12-test-074": (r"\bpatrons?\b|\bpatronage\b",
                     "Our patron is Dame Iris Kell."),
    "p12-test-075": (r"\b(sent|went|transferred|moved|took)\b[^.;]*Corrow|Corrow[^.;]*\b(took|received|sent|transferred)\b",
                     "In 2025-26 we sent four pups to Corrow Bay."),
    "p12-test-076": (r"Gannow[^.;]*(hectares?|acres?|\bha\b)|(hectares?|acres?)[^.;]*Gannow",
                     "Gannow Marsh covers 140 hectares."),
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
    check(len(docs) == 16, f"16 documents loaded ({len(docs)})")
    check(fmt == Counter(md=16), f"formats 16 md ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if "department" in d.metadata and "year" in d.metadata)
    check(len(with_fm) == 15, f"15 documents with front matter department/year ({len(with_fm)})")
    sup = [i for i, d in docs.items() if d.metadata.get("status") == "superseded"]
    check(sup == ["policies/admissions-v1"], f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(1200 <= s <= 1800 for s in raw.values()), f"file sizes 1.2-1.8 KB ({min(raw.values())}-{max(raw.values())})")

    full = {i: answer_tokens(d.title + "\n" + d.text) for i, d in docs.items()}
    plain = {i: squash(d.title + "\n" + d.text) for i, d in docs.items()}
    sets: dict[str, list[QAItem]] = {}
    for split, want in (("dev", dict(single_hop=18, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=7)),
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
        check(all(it.id == f"p12-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p12-{split}-NNN in order")
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
