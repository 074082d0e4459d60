"""Checks for evalsets/prose13 (no model): run from the repo root (`python3 evalsets/prose13/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose13/check.py`)."""
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
    "p13-dev-038": (r"\b2023\b[^.;]*\bitems\b|\bitems\b[^.;]*\b2023\b",
                    "In 2023 the cafés saw 930 items."),
    "p13-dev-039": (r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b\d{5} ?\d{6}\b|(phone|number|ring)[^.;]*\b\d{6,}\b",
                    "Ring us on 01632 960 552."),
    "p13-dev-040": (r"tester[^.;]*(GBP|£|\bcost)|(GBP|£|\bcost)[^.;]*tester",
                    "The grey tester cost GBP 640."),
    "p13-dev-041": (r"landlord\s*(,|was|named|called)|landlord'?s name|\b(Mr|Mrs|Ms)\b \w+[^.;]*landlord",
                    "The landlord, Reg Thorley, let them have the room free."),
    "p13-dev-042": (r"pitch[^.;]*\b2026\b|\b2026\b[^.;]*pitch",
                    "In 2026 the pitch will cost GBP 320."),
    "p13-dev-043": (r"(Marta|coordinator)[^.;]*(an hour|per hour|hourly|salary)|\bsalary\b|\bhourly\b|(GBP|£) ?\d+(\.\d+)? an hour",
                    "Marta is paid GBP 13.50 an hour."),
    "p13-dev-044": (r"\b(Ltd|Limited|plc|Mutual|Assurance|Aviva|Zurich|Allianz|AXA|Ecclesiastical|Hiscox)\b|insur\w*[^.;]*\b(called|named)\b",
                    "Our insurer is Quarry Mutual."),
    "p13-dev-045": (r"27 August[^.;]*\b\d+ items|\b\d+ items[^.;]*27 August|August 2026[^.;]*\bitems\b|\bitems\b[^.;]*August 2026",
                    "On 27 August the café saw 14 items."),
    "p13-test-065": (r"generator (cost|was worth|had cost)|generator[^.;]*\b(GBP|£) ?\d|(worth|value of|cost of)[^.;]*generator",
                     "The generator cost GBP 480 new."),
    "p13-test-066": (r"\b(manager|warden|caretaker|administrator)\b",
                     "The centre manager, Pat Oduya, lets us use the room."),
    "p13-test-067": (r"Dyehouse( café)?[^.;]*\b\d[\d,]* items in 2025\b|\bin 2025\b[^.;]*Dyehouse|Dyehouse[^.;]*\b(the|that) year\b",
                     "The Dyehouse café saw 241 items in 2025."),
    "p13-test-068": (r"\b(Raspberry|Dell|Lenovo|Intel|Apple|Mac|ThinkPad|Acer|Asus|HP|Toshiba)\b|computer[^.;]*\b(model|make)\b",
                     "lendrum runs on a Raspberry Pi 3 in the cupboard."),
    "p13-test-069": (r"camera[^.;]*(GBP|£|\bcost|worth)|(GBP|£)[^.;]*camera",
                     "The camera is worth GBP 650."),
    "p13-test-070": (r"\b2022\b[^.;]*\bmembers?\b|\bmembers?\b[^.;]*\b2022\b",
                     "At the end of 2022 there were 480 members."),
    "p13-test-071": (r"(?-i:[A-Z][a-z]+) (replaced|fitted|had fitted)[^.;]*cut-out|cut-out[^.;]*\b(fitted|replaced) by (?-i:[A-Z])|fixer[^.;]*\b(called|named)\b",
                     "Colin replaced the cut-out."),
    "p13-test-072": (r"Lock-up[^.;]*\b2024\b|\b2024\b[^.;]*Lock-up",
                     "In 2024 the Lock-up made 290 loans."),
    "p13-test-073": (r"Garrison Street Trust[^.;]*\b(chair|chairman|chairs|secretary|director|trustee)\b|\b(chair|chairman|secretary|director)\b[^.;]*Garrison",
                     "The Garrison Street Trust's chair is Basil Orme."),
    "p13-test-074": (r"\b2027\b[^.;]*Dyehouse|Dyehouse[^.;]*\b2027\b|(July|August|summer) 2027|next summer",
                     "The Dyehouse café will run in July 2027."),
    "p13-test-075": (r"Byte Table[^.;]*\b2025\b|\b2025\b[^.;]*Byte Table",
                     "In 2025 the Byte Table saw 96 items."),
    "p13-test-076": (r"@|www\.|https?://|\.org\b|\.co\.uk|\.com\b|\.uk\b",
                     "Book at www.mendandlend.org.uk."),
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
    check(len(docs) == 19, f"19 documents loaded ({len(docs)})")
    check(fmt == Counter(md=19), f"formats 19 md ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if "department" in d.metadata and "year" in d.metadata)
    check(len(with_fm) == 16, f"16 documents with front matter department/year ({len(with_fm)})")
    sup = [i for i, d in docs.items() if d.metadata.get("status") == "superseded"]
    check(sup == ["library/lending-rules-2019"], f"one superseded document ({sup})")
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
        check(all(it.id == f"p13-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p13-{split}-NNN in order")
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
