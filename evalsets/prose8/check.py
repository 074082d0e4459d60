"""Checks for evalsets/prose8 (no model): run with PYTHONPATH=src from the repo root."""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

from ragtune.corpus.loaders import Document, iter_documents, scan
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
from ragtune.eval.qa import QAItem, load_qa

HERE = Path(__file__).resolve().parent
results: list[tuple[bool, str]] = []


def check(ok: bool, what: str) -> None:
    results.append((bool(ok), what))


# unanswerable items: a pattern no document may match (words the answer would need)
UNANSWERABLE = {
    "p8-dev-039": r"(issues|loans)[^.\n]*(a year|each year|per year|annual|in 2025)|\d[\d,]* (issues|loans)[^.\n]*(year|2025)",
    "p8-dev-040": r"(before|previous|former|predecessor|succeeded|replaced|took over)[^.\n]*(service manager|Marrick)|Marrick[^.\n]*(joined|appointed|since|took over)",
    "p8-dev-041": r"permit[^.\n]*(a year|per year|annual|season)|(annual|season|yearly)[^.\n]*permit",
    "p8-dev-042": r"\d[\d,]* (live |dead )?(silverfish|insects)|(silverfish|insects) (were )?(found|counted)",
    "p8-dev-043": r"\bmpg\b|miles per gallon|litres per 100|litres (a|per) (km|mile)|fuel (use|consumption|economy)",
    "p8-dev-044": r"\d[\d,]* (readers|visitors|visits)[^.\n]*(2025|a year|each year)|(2025|a year|each year)[^.\n]*\d[\d,]* (readers|visitors|visits)",
    "p8-dev-045": r"\d[\d.]* m (high|tall)|\bheight\b|headroom",
    "p8-test-065": r"Felstead Cross[^.\n]*GBP|GBP[^.\n]*Felstead Cross|(connection|charger|charging)[^.\n]*GBP|GBP[^.\n]*(connection|charger|charging)",
    "p8-test-066": r"Juniper[^.\n]*(driv|driver)|(driv|driver)[^.\n]*Juniper",
    "p8-test-067": r"pages[^.\n]*2025|2025[^.\n]*pages",
    "p8-test-068": r"map[^.\n]*(insur|valued|valuation|worth|GBP)|(insur|valued|valuation|worth)[^.\n]*map",
    "p8-test-069": r"Pellow[^.\n]*\d[\d,]* boxes|\d[\d,]* boxes[^.\n]*Pellow",
    "p8-test-070": r"phone number|telephone|\b0\d{3,4} ?\d{5,6}",
    "p8-test-071": r"(membership|subscription|members pay)[^.\n]*(GBP|fee|\d)|(GBP|fee)[^.\n]*(membership|subscription)",
    "p8-test-072": r"\d+ ?(mph|km/h|kph|miles an hour)",
    "p8-test-073": r"r09[^.\n]*borrowers|borrowers[^.\n]*r09|Cobb's Hill[^.\n]*\d[\d,]* (borrowers|people)",
    "p8-test-074": r"(succeed|successor|replac|take over from|appointed|new Searchroom supervisor)[^.\n]*(Dot\b|Penhallow|Searchroom)|(Dot\b|Penhallow)[^.\n]*(successor|replaced by|succeeded by)",
    "p8-test-075": r"\brent\b[^.\n]*(GBP|a year|a month)|GBP[^.\n]*\brent\b",
    "p8-test-076": r"outstore[^.\n]*GBP|GBP[^.\n]*outstore",
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
    check(len(docs) == 22, f"22 documents loaded ({len(docs)})")
    check(fmt == Counter(md=17, txt=3, html=2), f"formats 17 md / 3 txt / 2 html ({dict(fmt)})")
    sup = [i for i, d in docs.items() if d.metadata.get("status") == "superseded"]
    check(sup == ["archive/accessions-procedure-v1"], f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(1400 <= s <= 2400 for s in raw.values()), f"file sizes 1.4-2.4 KB ({min(raw.values())}-{max(raw.values())})")

    full = {i: answer_tokens(d.title + "\n" + d.text) for i, d in docs.items()}
    sets = {}
    for split, want in (("dev", dict(single_hop=18, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=7)),
                        ("test", dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12))):
        items = load_qa(HERE / f"{split}.jsonl", corpus_ids=docs.keys())
        sets[split] = items
        got = Counter(it.type for it in items)
        check(got == Counter(want), f"{split}: type counts {dict(got)}")
        check(all(it.meta.get("kind") for it in items), f"{split}: every item has a kind")
        check(all(it.id.startswith(f"p8-{split}-") for it in items), f"{split}: ids p8-{split}-NNN")
        desc_kinds = Counter(it.meta.get("kind") for it in items if it.type == "descriptive")
        check(set(desc_kinds) <= {"what", "why", "how"}, f"{split}: descriptive kinds {dict(desc_kinds)}")
        bad_ev, bad_score, bad_opt, bad_mh, bad_un = [], [], [], [], []
        for it in items:
            if it.answerable:
                for g in it.answers:
                    if not any(contains_tokens(full[e], answer_tokens(g)) for e in it.evidence):
                        bad_ev.append((it.id, g))
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
                pat = UNANSWERABLE.get(it.id)
                if pat is None:
                    bad_un.append((it.id, "no search pattern"))
                else:
                    hits = [i for i, d in docs.items() if re.search(pat, d.title + "\n" + d.text, re.I)]
                    if hits:
                        bad_un.append((it.id, hits))
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
        check(not bad_score, f"{split}: golds alone and in a sentence score correct, abstention wrong {bad_score}")
        check(not bad_opt, f"{split}: wrong option / A or B / B or A score wrong {bad_opt}")
        check(not bad_mh, f"{split}: no multi_hop answer in its first-hop doc {bad_mh}")
        check(not bad_un, f"{split}: unanswerables abstain correctly, no document matches their pattern {bad_un}")
        desc_verbatim = [it.id for it in items if it.type == "descriptive" and not any(
            any(" ".join(g.lower().split()) in " ".join(docs[e].text.lower().split()) for e in it.evidence) for g in it.answers)]
        check(not desc_verbatim, f"{split}: each descriptive item has a phrasing verbatim in its evidence {desc_verbatim}")

    allq = [it.question.strip().lower() for s in sets.values() for it in s]
    check(len(allq) == len(set(allq)), "no repeated question")
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
