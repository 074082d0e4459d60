"""Checks for evalsets/prose28 (no model): run from the repo root (`python3 evalsets/prose28/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose28/check.py`)."""
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
    "p28-dev-038": (rf"\bcharity (number|no)\b|\bregistered charity\b|\bcharity reg\w*\b|\bregistered (with|as)\b{W}\bcharit",
                   "Registered charity number 302214."),
    "p28-dev-039": (rf"\bextension\b{W}\bopened by\b|\bopened by\b{W}\bextension\b|\bribbon\b",
                   "The extension was opened by Dame Alice Ferrow."),
    "p28-dev-040": (rf"\bpiano\b{W}(£|\bcharged?\b|\bfees?\b|\bfree\b|\bextra\b)|(£ ?[\d.,]+|\bcharge\b|\bfee\b){W}\bpiano\b",
                   "The piano costs £10 extra per booking."),
    "p28-dev-041": (rf"\bcaptain\w*\b|\bskipper\w*\b",
                   "The club is captained by Rob Hessel."),
    "p28-dev-042": (rf"\b2023-24\b{W}£|£ ?[\d.,]+{W}\b2023-24\b|\(2023-24\)",
                   "Heating oil cost £3,910 in 2023-24."),
    "p28-dev-043": (rf"\b2024\b{W}\bf[eê]te\b|\bf[eê]te\b{W}\b2024\b",
                   "About 640 people came to the 2024 fête."),
    "p28-dev-044": (rf"\b(Dave|Pring|caretaker)\b{W}\b(01632|07\d{{3}})\b|\b(01632|07\d{{3}})\b \d+{W}\b(Dave|Pring|caretaker)\b|\bmobile\b",
                   "The caretaker, Dave Pring, is on 07700 900412."),
    "p28-dev-045": (rf"\bLittle Larches\b{W}\b(\d+|twenty|thirty|forty)[-\w]* (children|places|pupils)\b|\b(\d+|twenty|thirty|forty)[-\w]* (children|places|pupils)\b{W}\bLittle Larches\b|\bon (its|the) roll\b",
                   "Little Larches has 26 children on its roll."),
    "p28-test-065": (rf"\bpassword\b|\bwi-?fi\b{W}\b(code|network)\b (is|:) (?!on\b)",
                    "The Wi-Fi code is larch1923."),
    "p28-test-066": (rf"\bextension\b{W}\b(designed|architects?|drawn|drew|plans?)\b|\b(architects?|designed|drew)\b{W}\bextension\b",
                    "The extension was designed by Orla Benn Architects."),
    "p28-test-067": (rf"\bMarch\b{W}\bkWh\b|\bkWh\b{W}\bMarch\b",
                    "In March 2026 the panels made 905 kWh."),
    "p28-test-068": (rf"\bbar\b{W}\b(took|made|raised|takings)\b{W}£|£ ?[\d,]+{W}\b(from|at) (its|the) bar\b|\bbar\b \.{{2,}}",
                    "The cricket club's bar took £1,240."),
    "p28-test-069": (rf"\b(\d[\d,]*|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\w]* members\b|\bmembership of\b",
                    "Sallowfield WI has 48 members."),
    "p28-test-070": (rf"\bfire risk assessment\b{W}\b(due|next|renew\w*|review\w*|every|again)\b|\bnext\b{W}\bfire risk assessment\b",
                    "The next fire risk assessment is due in May 2027."),
    "p28-test-071": (rf"\bmaple\b{W}(£|\bshillings?\b|\bpounds\b)|£ ?[\d,]+{W}\bmaple\b|\btimber\b{W}(£|\bshillings?\b|\bpounds\b|\bcost\b)",
                    "The maple timber cost £212 at the Hexworth sales."),
    "p28-test-072": (rf"\b(previous|former|last|old|late) rector\b|\brector\b{W}\b(before|retired|left|predecessor)\b",
                    "The previous rector was Canon Hugh Pettit."),
    "p28-test-073": (rf"\b(previous|former|last|old) chair\b|\bchair\b{W}\b(before|until|from 20\d\d to)\b|\bsucceeded\b|\btook over\b{W}\bchair\b|\bchair\b{W}\btook over\b",
                    "Peter took over as chair from Dennis Mabey in 2019."),
    "p28-test-074": (rf"\bmiss\w*\b{W}\b(penalt\w*|fees?|charges?|interest)\b|\b(penalt\w*|fees?|charges?)\b{W}\bmiss\w*\b|\blate payments?\b|\bin arrears\b",
                    "A missed payment carries a £50 charge."),
    "p28-test-075": (rf"\b(playing )?field\b{W}£|£ ?[\d.,]+{W}\b(playing )?field\b",
                    "Hiring the playing field for a private event costs £60 a day."),
    "p28-test-076": (rf"\b(light|camera|CCTV)\b{W}(£|\bcost\b|\bcame to\b)|£ ?[\d,]+{W}\b(light|camera|CCTV)\b",
                    "The new light and camera cost £385."),
}


DOCS = 23
FORMATS = Counter(md=17, txt=6)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "events/2025-07-summer-fete", "incidents/2025-11-pavilion-break-in",
                   "letters/2025-07-grant-offer", "letters/2025-09-loan-offer", "letters/2026-01-reply-to-a-hirer"]
SUPERSEDED = ["policies/booking-and-cancellation-2019"]
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> int:
    return int(text.replace("£", "").replace(",", ""))


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums the documents state agree with their parts (no gold is derived from them, but a
    corpus whose totals do not add up would make a careful reader doubt the right figure)."""
    fete = docs["events/2025-07-summer-fete"].text
    lines = dict(re.findall(r"^  (\S.*?) \.{3,} (£[\d,]+)", fete, re.M))
    gross, costs, clear = (money(lines.pop(k)) for k in ("Total taken", "Less costs", "Clear to the hall"))
    stalls = [money(v) for v in lines.values()]
    check(len(stalls) == 8 and sum(stalls) == gross and gross - costs == clear == 4315,
          f"fête: eight stalls add up to the total taken, less costs gives £4,315 ({stalls}, {gross}, {costs})")
    proj = docs["projects/heat-pump-and-solar"].text
    rows = [int(v.replace(",", "")) for v in re.findall(r"\| ([\d,]+) \|", proj)]
    check(sum(rows[:-1]) == rows[-1] == 84750, f"heat pump funding adds up to £84,750 ({rows})")
    rep = docs["reports/annual-report-2025-26"].text
    income = re.search(r"\*\*Income\.\*\*(.*?)In all", rep, re.S).group(1)
    this = [money(m) for m in re.findall(r"(£[\d,]+) \(£", income)]
    last = [money(m) for m in re.findall(r"\((£[\d,]+)\)", income)]
    table = re.findall(r"\| £([\d,]+) \| \((£[\d,]+|nil)\) \|", rep)
    spend_this = sum(int(a.replace(",", "")) for a, _ in table)
    spend_last = sum(0 if b == "nil" else money(b) for _, b in table)
    check(sum(this) == 105360 and sum(last) == 44220 and spend_this == 110680 and spend_last == 28040
          and sum(this) - spend_this == -5320 and sum(last) - spend_last == 16180
          and 41900 + sum(this) + 20000 - spend_this == 56580,
          f"annual report: income, spending, deficit, last year's surplus and cash agree "
          f"({sum(this)}, {sum(last)}, {spend_this}, {spend_last})")
    loan = docs["letters/2025-09-loan-offer"].text
    r, n = 0.025 / 4, 32
    check(f"£{20000 * r / (1 - (1 + r) ** -n):.2f}" == "£691.53" and "£691.53" in loan,
          "loan: 32 quarterly payments of £691.53 repay £20,000 at 2.5%")


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
    check(fmt == FORMATS, f"formats 17 md / 6 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"17 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"six documents without front matter (the six txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document ({sup})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(1200 <= s <= 1900 for s in raw.values()), f"file sizes 1.2-1.9 KB ({min(raw.values())}-{max(raw.values())})")
    arithmetic(docs)

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
        check(all(it.id == f"p28-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p28-{split}-NNN in order")
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
