"""Checks for evalsets/prose6 (no model): run with PYTHONPATH=src from the repo root."""
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
    "p6-dev-039": r"tank[^.\n]*GBP|GBP[^.\n]*tank",
    "p6-dev-040": r"per (kg|kilo)|GBP[^.\n]*\bkg\b|a kilo",
    "p6-dev-041": r"(founded|established|set up)[^.\n]*Skarvik|Skarvik[^.\n]*(founded|established|set up)",
    "p6-dev-042": r"per litre|a litre|GBP[^.\n]*litre",
    "p6-dev-043": r"(decided|agreed|decision to)[^.\n]*(roadside|verge)|(roadside|verge)[^.\n]*(decided|agreed)",
    "p6-dev-044": r"x-ray[^.\n]*(Ltd|supplier|from [A-Z]|by [A-Z])|(Ltd|supplier)[^.\n]*x-ray",
    "p6-dev-045": r"(kg|g)/ha|per hectare|per ha\b|a hectare|sowing rate|sown at",
    "p6-test-065": r"generator[^.\n]*(made by|make|model|from [A-Z])",
    "p6-test-066": r"Skarvik[^.\n]*(holds|million|in total|depositors)",
    "p6-test-067": r"(reefer|container)[^.\n]*GBP|GBP[^.\n]*(reefer|container)",
    "p6-test-068": r"salar|wage|pay scale|paid GBP",
    "p6-test-069": r"(approved|agreed|decided to|will fit|fitted to every)[^.\n]*(automatic|every dewar)",
    "p6-test-070": r"(has agreed|have agreed|agreed to hold|will hold)[^.\n]*(cryo|copy)|replied[^.\n]*yes",
    "p6-test-071": r"fee of|GBP[^.\n]*fee|fee[^.\n]*GBP|per (accession|dewar)",
    "p6-test-072": r"(delivery|tanker|nitrogen)[^.\n]*cost[^.\n]*GBP|GBP[^.\n]*(delivery|tanker)",
    "p6-test-073": r"(appointed|joined|became chief|since (19|20)\d\d)[^.\n]*(Ashdown|Maggie|chief)|(Ashdown|Maggie)[^.\n]*(appointed|joined|since)",
    "p6-test-074": r"cr-1[^.\n]*\d[\d,]* accessions|\d[\d,]* accessions (are )?(stored )?in cr-1",
    "p6-test-075": r"serviced by|engineer from|(?-i:dehumidifier supplier,? [A-Z])|(?-i:[A-Z][a-z]+ (Ltd|Services|Engineering|Climate))",
    "p6-test-076": r"\d+ (volunteers? )?(dropped|left|drop out)|(dropped out|left the network)[^.\n]*\d",
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
    check(sup == ["lab/germination-testing-v1"], f"one superseded document ({sup})")
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
        check(all(it.id.startswith(f"p6-{split}-") for it in items), f"{split}: ids p6-{split}-NNN")
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
