"""Checks for evalsets/prose43 (no model): run from the repo root (`python3 evalsets/prose43/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose43/check.py`)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
try:
    import ragtune  # noqa: F401
except ImportError:  # run without PYTHONPATH=src: use the repository's src/
    sys.path.insert(0, str(HERE.parent.parent / "src"))

from ragtune.corpus.loaders import Document, iter_documents, scan  # noqa: E402
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct  # noqa: E402
from ragtune.eval.qa import QAItem, load_qa  # noqa: E402

PREFIX = "p43"
results: list[tuple[bool, str]] = []


def check(ok: bool, what: str) -> None:
    results.append((bool(ok), what))


def clauses(text: str) -> str:
    """One line of text in which list items, headings, table rows and paragraphs are cut off by
    '.', so a pattern's `W` stays inside one sentence, clause or list item even across line wraps."""
    text = re.sub(r"<(?:tr|/tr|table|/table)>", " . ", text)
    text = re.sub(r"\n\s*(?:[-*|]|\d+\.|#+)\s*", " . ", "\n" + text)
    text = re.sub(r"\n\s*\n", " . ", text)
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.lower().split())


# inside one clause: anything but '.' or ';', except a decimal point ("13.2 pony", "£17,687.25")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|a few|several)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"


# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)

NAME = r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+)"
UNANSWERABLE = {
    "p43-dev-038": (rf"\bNutbrook\b{W}\b(father|daughter of|son of)\b|\bNutbrook\b{W}\b(bootmaker|brewer|labourer|weaver|ropemaker|wheelwright|baker)\b",
                    "Thirza Nutbrook was the daughter of a ropemaker."),
    "p43-dev-039": (rf"\broof\b{W}{MONEY}|{MONEY}{W}\broof\b", "The new slate roof cost £41,000."),
    "p43-dev-040": (rf"\b2019\b{W}\b(\d[\d,]*|{NUM}) members\b|\bmembers\b{W}\b2019\b", "In 2019 we had 150 members."),
    "p43-dev-041": (rf"\bparks officer\b{W}{NAME}|{NAME},? (the )?(council's )?(then )?parks officer", "The council's then parks officer, Harold Binns, let us work."),
    "p43-dev-042": (rf"\b(2025|13 September)\b{W}\b\d[\d,]* visitors\b|\b\d[\d,]* visitors\b{W}\b2025\b", "The 2025 open day had 700 visitors."),
    "p43-dev-043": (rf"\bbell\b{W}\b(cast|founded|made)\b|\b(cast|founded)\b{W}\bbell\b", "The bell was cast in 1856."),
    "p43-dev-044": (rf"\bsupper\b{W}{MONEY}|{MONEY}{W}\bsupper\b", "The supper cost £270."),
    "p43-dev-045": (rf"\bcontractor\b{W}(\b(called|named)\b|(?-i:[A-Z][a-z]+ (Ltd|Grounds|Landscapes)))|(?-i:[A-Z][a-z]+ (Ltd|Grounds|Landscapes))", "The contractor is Verdant Grounds."),
    "p43-test-065": (rf"\byoung volunteer\b{W}{NAME}|\byoung volunteer,? (called|named)\b", "I was told by a young volunteer called Sam Ord."),
    "p43-test-066": (rf"\b(new one|new mower|replacement)\b{W}{MONEY}|{MONEY}{W}\bnew (one|mower)\b", "A new one has been bought for £620."),
    "p43-test-067": (rf"\b(\d[\d,]*|{NUM}) (pyramidal )?orchids\b|\borchids?\b{W}\b\d[\d,]*\b", "There are 340 pyramidal orchids."),
    "p43-test-068": (rf"\bdescendant\b{W}{NAME}|{NAME},? a descendant\b|\bdescendant\b{W}\b(called|named)\b", "A descendant, Hilda Leveret, paid half."),
    "p43-test-069": (rf"\bAGM\b{W}\b(\d[\d,]*|{NUM}) (members|people)\b{W}\b(attended|came)\b|\b(\d[\d,]*|{NUM}) (members|people) (attended|came to) the AGM", "Eighty members attended the AGM."),
    "p43-test-070": (rf"\bconcerts?\b{W}\braised\b|\braised\b{W}\bconcerts?\b|\bSingers\b{W}\braised\b", "The concerts raised £160."),
    "p43-test-071": (rf"\b(Rad|Huxtable)\b{W}(\baged \d+|\b\d+ years old|, \d\d,)", "Rad Huxtable, 68, was a postman."),
    "p43-test-072": (r"(?-i:[A-Z][a-z]+)(shire)? (?-i:County Council|Archaeology|Archaeological)|archaeology service (of|for|in) (?-i:[A-Z])", "She worked for Lincolnshire Archaeology."),
    "p43-test-073": (rf"\b2022\b{W}\brestor|\brestor{W}\b2022\b", "In 2022 we restored five memorials."),
    "p43-test-074": (r"(?-i:[A-Z][a-z]+ (Insurance|Mutual|Assurance|Underwriting))|\binsured (by|with)\b", "We are insured with Ecclesia Mutual."),
    "p43-test-075": (rf"\bpopulation\b|\b(\d[\d,]*|{NUM}) (inhabitants|residents|people live)\b", "Cressingford has a population of 14,000."),
    "p43-test-076": (rf"\bbooklet\b{W}\b(1[89]|20)\d\d\b|\b(1[89]|20)\d\d\b{W}\bbooklet\b", "The booklet came out in 2023."),
}

DOCS = 25
FORMATS = Counter(md=21, txt=4)
NO_FRONT_MATTER = ["about/history", "incidents/2024-08-fallen-memorial", "letters/2024-09-complaint-and-reply",
                   "volunteers/recording-inscriptions"]
SUPERSEDED = ["policies/wildflower-policy-2016"]
CURRENT = ["policies/wildflower-policy-2023"]
SIZES = (1300, 2600)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def money(s: str) -> int:
    return int(s.replace("£", "").replace(",", "").replace("nil", "0"))


def arithmetic(docs: dict[str, Document]) -> None:
    """The figures that several documents state agree, and the accounts add up (no model)."""
    ar = docs["reports/annual-report-2024"]
    rows = re.findall(r"^\| ([^|]+?) \| (£[\d,]+|nil) \| (£[\d,]+|nil) \|$", ar.text, re.M)
    table = {k: (money(a), money(b)) for k, a, b in rows}
    inc = ["Membership subscriptions", "Donations, including tour buckets", "Tour charges and group tours", "Research fees",
           "Council grant", "Grants for restoration", "Legacies", "Open day and events"]
    out = ["Restoration", "Mowing, tools and fuel", "West Chapel running costs", "Printing, newsletter and website", "Insurance"]
    ok = len(table) == 16 and all(sum(table[k][y] for k in inc) == table["Total income"][y]
                                   and sum(table[k][y] for k in out) == table["Total spending"][y]
                                   and table["Total income"][y] - table["Total spending"][y] == table["Surplus"][y] for y in (0, 1))
    check(ok and table["Surplus"][0] == 4550 and has(docs["meetings/2025-02-committee-minutes"], "surplus of £4,550")
          and 13750 + 4550 == 18300 and has(ar, "£18,300 (£13,750)"),
          "annual report: income and spending lines add up to totals and surplus in both years; reserves grow by the surplus")
    check(table["Tour charges and group tours"][0] == 415 + 22 * 60 and has(docs["meetings/2024-10-committee-minutes"], "£415")
          and has(docs["tours/guided-tours"], "twenty-two group tours", "1,046") and has(ar, "1,046 (1,318)")
          and table["Council grant"] == (4500, 3000) and has(docs["partners/council-management-agreement"], "£3,000", "£4,500")
          and table["Grants for restoration"][0] * 2 == 4200 and has(docs["restoration/grave-restoration"], "£4,200", "half"),
          "tour takings + 22 group tours at £60 = the tour line; council grant and the vault's half grant agree")
    check(has(docs["volunteers/recording-inscriptions"], "7,312", "6,840") and 6840 + 472 == 7312 and has(ar, "472 (415)")
          and has(docs["meetings/2025-02-committee-minutes"], "7,312", "58 active", "214")
          and has(docs["about/at-a-glance"], "214", "58") and has(ar, "214 (196)", "58 (51)") and has(docs["volunteers/joining-and-tasks"], "fifty-one", "6,120")
          and has(ar, "6,480 (6,120)", "148 (121)", "9 (6)", "512 (430)") and has(docs["research/family-research-service"], "121")
          and has(docs["tours/open-day-2025"], "512", "£436") and has(docs["meetings/2024-10-committee-minutes"], "512", "£436"),
          "recording 6,840 + 472 = 7,312; members, volunteers, hours, enquiries, restorations and open day agree across documents")
    check(has(docs["about/at-a-glance"], "eleven of them from the First World War and four") and has(docs["tours/guided-tours"], "fifteen war graves")
          and has(docs["partners/history-society-partnership"], "eleven are buried") and 2019 - 2009 == 10 and has(docs["about/history"], "first ten years")
          and has(docs["policies/wildflower-policy-2016"], "forty-two") and has(docs["policies/wildflower-policy-2023"], "fifty-one species, nine more") and 42 + 9 == 51
          and 1.2 / 2.3 > 0.5 and has(docs["policies/wildflower-policy-2023"], "a little over half") and 1889 + 135 == 2024,
          "war graves 11 + 4 = 15; 42 + 9 = 51 species; 1.2 ha is a little over half of 2.3 ha; 1889 + 135 = 2024")
    check(has(docs["meetings/2024-03-committee-minutes"], "seven votes to two") and has(docs["meetings/2024-10-committee-minutes"], "eight votes to none", "Apologies")
          and has(docs["people/committee"], "Nine people") and has(docs["letters/2024-09-complaint-and-reply"], "Sunday the 1st", "£5"),
          "votes: 7 + 2 = nine members; 8 + 0 with one apology; the complaint's tour was a first Sunday")
    weekdays = [("Monday", dt.date(2009, 10, 12)), ("Thursday", dt.date(2024, 3, 14)), ("Thursday", dt.date(2024, 6, 13)),
                ("Thursday", dt.date(2024, 10, 10)), ("Thursday", dt.date(2025, 2, 13)), ("Thursday", dt.date(2024, 8, 15)),
                ("Saturday", dt.date(2025, 9, 13)), ("Saturday", dt.date(2024, 9, 14)), ("Sunday", dt.date(2024, 9, 1)),
                ("Saturday", dt.date(2025, 4, 26)), ("Sunday", dt.date(2025, 6, 15)), ("Sunday", dt.date(2025, 4, 6))]
    check(all(d.strftime("%A") == w for w, d in weekdays) and all(8 <= d.day <= 14 for w, d in weekdays[1:5])
          and dt.date(2024, 9, 1).day <= 7 and dt.date(2025, 4, 6).day <= 7,
          "weekdays named in the documents are right; committee meetings on second Thursdays, tours on first Sundays")


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
    check(fmt == FORMATS, f"formats 21 md / 4 txt ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"21 documents with front matter date/author/kind ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"four documents without front matter (the four txt) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2016 wildflower policy) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the superseded one's replacement ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.3-2.6 KB ({min(raw.values())}-{max(raw.values())})")
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
        check(all(it.id == f"{PREFIX}-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids {PREFIX}-{split}-NNN in order")
        desc_kinds = Counter(it.meta.get("kind") for it in items if it.type == "descriptive")
        check(set(desc_kinds) == {"what", "why", "how"}, f"{split}: descriptive kinds {dict(desc_kinds)}")
        check(all(bool(it.evidence) == it.answerable for it in items), f"{split}: evidence exactly on answerable items")
        check(all(e in docs for it in items for e in it.evidence), f"{split}: every evidence id is a loaded document")
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
    recorded = (HERE / "test.jsonl.sha256").read_text() if (HERE / "test.jsonl.sha256").exists() else ""
    check(recorded == f"{digest}  test.jsonl\n", "test.jsonl.sha256 matches")

    for ok, what in results:
        print(("PASS " if ok else "FAIL ") + what)
    failed = sum(not ok for ok, _ in results)
    print(f"{len(results) - failed}/{len(results)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
