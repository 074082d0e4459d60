"""Checks for evalsets/prose22 (no model): run from the repo root (`python3 evalsets/prose22/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose22/check.py`)."""
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
    "p22-dev-038": (r"\b2023\b[^.;]*\b(connected|connections|premises|households)\b|\b(connected|connections|premises)\b[^.;]*\b2023\b",
                   "In 2023 we connected 58 premises."),
    "p22-dev-039": (r"\b(Bernard|Culshaw)\b[^.;]*\b(aged|age of|years old|born)\b|\b(Bernard|Culshaw),? (who is |now )?\d\d\b",
                   "Bernard Culshaw, now 74, trains our splicers."),
    "p22-dev-040": (r"\bsurvey (itself )?(cost|costs|fee|charge)\b|\b(charged|paid|cost us)\b[^.;]*\b(for|on) (the |their )?(pole )?survey\b|(GBP|£) ?[\d,]+[^.;]*\b(for|on) (the |their )?(pole )?survey\b",
                   "Western Fells charged GBP 2,400 for the survey."),
    "p22-dev-041": (r"\bquiz\b[^.;]*\b\d+ (people|teams|players|came)\b|\b\d+ (people|teams|players)\b[^.;]*\bquiz\b",
                   "The quiz drew 64 people and 11 teams."),
    "p22-dev-042": (r"Tolleswick(?:[^.;]|\.\d)*\bMbps\b|\bMbps\b(?:[^.;]|\.\d)*Tolleswick",
                   "The best line in Tolleswick managed 1.4 Mbps."),
    "p22-dev-043": (r"\b(mast|Cragg Pike)\b[^.;]*\b\d+ ?(m|metres|meters|ft|feet)\b|\b\d+ ?(m|metres|meters|ft|feet)\b[^.;]*\bmast\b",
                   "The mast on Cragg Pike is 30 metres tall."),
    "p22-dev-044": (r"\b\d[\d,]* (volunteer |person )?hours\b[^.;]*\b(weekend|Moss End|March)\b|\b(weekend|Moss End)\b[^.;]*\b\d[\d,]* (volunteer |person )?hours\b",
                   "The weekend at Moss End took 610 volunteer hours."),
    "p22-dev-045": (r"\b(Lorcan|Beddow)\b[^.;]*(GBP|£) ?\d|\b(salary|wage|wages|paid|earns)\b[^.;]*\b(Lorcan|Beddow)\b",
                   "Lorcan Beddow is paid GBP 14,200 a year."),
    "p22-test-065": (r"@|www\.|https?://|\.org\b|\.co\.uk|\.com\b|\.coop\b|\.net\b|\.uk\b",
                    "The form is at www.fenlowfibre.coop/faults."),
    "p22-test-066": (r"\b(Daisy|Hollins)\b[^.;]*\b(aged|age of|years old|born)\b|\b(Daisy|Hollins),? (who is |now )?\d\d\b",
                    "Daisy Hollins, now 58, chairs the board."),
    "p22-test-067": (r"\b(new|Pellingthwaite|2026|Phase 4)\b[^.;]*\bshare offer\b[^.;]*\braised\b|\bshare offer\b[^.;]*\braised (GBP|£) ?[\d,]+[^.;]*\b(2026|2027|Pellingthwaite)\b|\braised\b[^.;]*\bfor Pellingthwaite\b",
                    "The Pellingthwaite share offer raised GBP 71,300."),
    "p22-test-068": (r"\b2023\b[^.;]*\b(spending|spent|spend|income|surplus)\b|\b(spending|spent|surplus)\b[^.;]*\b2023\b",
                    "In 2023 we spent GBP 198,400."),
    "p22-test-069": (r"\belectricity\b[^.;]*\bTin\b(?! and the cabinets)[^.;]*(GBP|£) ?\d|\bTin(?:'s)?\b[^.;]*\b(electricity|power) (bill|costs?)\b|(GBP|£) ?[\d,]+[^.;]*\belectricity\b[^.;]*\bTin\b(?! and the cabinets)",
                    "The Tin's electricity costs about GBP 7,300 a year."),
    "p22-test-070": (r"\b\d+ votes\b[^.;]*\b(Wilf|Garside)\b|\b(Wilf|Garside)\b[^.;]*\b\d+ votes\b|\belected (by|with) \d+",
                    "Wilf Garside was elected with 71 votes."),
    "p22-test-071": (r"\bseries,? (called|named|titled)\b|\b(called|named|titled) [^.;]*\bseries\b|\bseries [\"“']",
                    "It was a new series called \"Harrow Fen\"."),
    "p22-test-072": (r"Fenlow Head[^.;]*\b(cost|costs|spent|GBP)\b|Fenlow Head[^.;]*£|\b(cost|costs|spent)\b[^.;]*Fenlow Head",
                    "The Fenlow Head spurs cost GBP 41,000."),
    "p22-test-073": (r"\b(Brisk|insurers?)\b[^.;]*\b(paid|settled|agreed to pay|refused|rejected|turned down)\b|\b(paid|settled)\b[^.;]*\b(claim|Brisk)\b",
                    "Brisk Drainage's insurers paid GBP 3,850 in January."),
    "p22-test-074": (r"Signal Box[^.;]*\b(rent|rents|rented|lease|leased|GBP)\b|Signal Box[^.;]*£|\b(rent|lease)\b[^.;]*Signal Box",
                    "We rent the Signal Box from the railway trust for GBP 1,800 a year."),
    "p22-test-075": (r"\b(availability|uptime|of the time)\b[^.;]*\b2024\b|\b2024\b[^.;]*\b(availability|uptime|of the time)\b",
                    "In 2024 availability was 99.95%."),
    "p22-test-076": (r"\b\d+ (pairs|nightjars|nests)\b|\bnightjars?\b[^.;]*\b\d+\b",
                    "There are 6 pairs of nightjars in the cutting."),
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
    check(no_fm == ["about/history", "emails/2026-05-pole-survey", "emails/2026-06-railway-path"],
          f"three documents without front matter ({no_fm})")
    sup = [i for i, d in docs.items() if d.metadata.get("status") == "superseded"]
    check(sup == ["policies/tariffs-2022"], f"one superseded document ({sup})")
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
        check(all(it.id == f"p22-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p22-{split}-NNN in order")
        desc_kinds = Counter(it.meta.get("kind") for it in items if it.type == "descriptive")
        check(set(desc_kinds) <= {"what", "why", "how"}, f"{split}: descriptive kinds {dict(desc_kinds)}")
        check(all(bool(it.evidence) == it.answerable for it in items), f"{split}: evidence exactly on answerable items")
        derived = [it for it in items if it.meta.get("derived")]
        written = [(it.id, i) for it in derived for g in it.answers for i in docs
                   if contains_tokens(full[i], answer_tokens(g))]
        check(not written, f"{split}: the derived count is written in no document {written}")
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
