"""Checks for evalsets/prose30 (no model): run from the repo root (`python3 evalsets/prose30/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose30/check.py`)."""
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
    "p30-dev-038": (rf"\bMardlebury\b{W}\b(population|\d[\d,]* (people|inhabitants|residents))\b|\bpopulation of Mardlebury\b|\bMardlebury\b (has|is home to)\b",
                    "Mardlebury has a population of 52,000."),
    "p30-dev-039": (rf"\bplaque (alone|on its own|itself)\b{W}£|\bplaque\b (cost|came to|was)\b{W}£|£[\d,]+ (for|on) the (bronze )?plaque\b(?! and)",
                    "The bronze plaque cost £780 on its own."),
    "p30-dev-040": (rf"\bComit[eé]\b{W}\b(no\.|number|registered|n°)|\bRNA\b|\bW\d{{6,}}\b",
                    "The Comité de jumelage de Pontlevé is registered as association no. W143002871."),
    "p30-dev-041": (rf"\b2018\b{W}\b(Colts|TSV|cup|Friendship)\b|\b(Colts|TSV|Friendship Cup)\b{W}\b2018\b",
                    "In 2018 the cup went to TSV Hallenried."),
    "p30-dev-042": (rf"\bassociate\b{W}\b(\d+ votes|votes? to|carried|passed)\b|\b(carried|passed)\b{W}\bassociate\b",
                    "The associate membership resolution was carried by 61 votes to 2."),
    "p30-dev-043": (rf"\b2027\b{W}(£|\bcosts?\b|\bprice\b{W}£)|£[\d,]+{W}\b2027\b",
                    "The 2027 trip will cost £230 for an adult."),
    "p30-dev-044": (rf"\b0\d{{3,4}} ?\d{{3}} ?\d{{3,4}}\b|\b(telephone|phone|mobile)\b{W}\b\d{{5,}}",
                    "Ring Fiona on 01632 960214."),
    "p30-dev-045": (rf"\bgala dinner\b{W}(£|€|\bcost\b|\bprice\b)|(£|€)[\d,.]+{W}\bgala\b",
                    "Tickets for the gala dinner were €38."),
    "p30-test-065": (rf"\btwinned with [A-Z]?\w+ in Poland\b|\bPolish (town|partner)\b{W}\b(called|named)\b|\bPoland\b{W}\b(called|named)\b|\b\w+, in Poland\b",
                     "Hallenried is twinned with Zielonka in Poland."),
    "p30-test-066": (rf"\b(2024|45th|anniversary)\b{W}\b(dinner|tickets?)\b{W}£|\b(dinner|tickets?)\b{W}\b(2024|45th|anniversary)\b{W}£",
                     "Tickets for the 45th anniversary dinner in 2024 were £35."),
    "p30-test-067": (rf"\bcompany (no\.?|number|registration)\b|\bregistered in England\b|\bTarrow Valley Travel Ltd\b{W}\b\d{{6,8}}\b",
                     "Tarrow Valley Travel Ltd, company number 08812345."),
    "p30-test-068": (rf"\b(annual general meeting|AGM)\b{W}\b(2025|27 March)\b{W}\b(came|attended|were present|present)\b|\b(\d+|[a-z]+ty[-\w]*) members\b{W}\b(came|attended|were present)\b{W}\b(annual general meeting|AGM)\b{W}\b(2025|27 March)\b|\b(came|attended|were present)\b{W}\b(annual general meeting|AGM)\b (of|on|in) (27 March )?2025\b",
                     "Fifty-eight members came to the AGM on 27 March 2025."),
    "p30-test-069": (rf"\b(flights?|Frankfurt)\b{W}\b2024\b|\b2024\b{W}\b(flights?|Frankfurt)\b",
                     "In 2024 the flights to Frankfurt cost £145 return."),
    "p30-test-070": (rf"\b(conduct\w*|bandmaster|chef de musique|directed by|musical director)\b",
                     "The Harmonie is conducted by Lucien Perrot."),
    "p30-test-071": (rf"\b(before|preceded|succeeded|followed|took over from|until)\b{W}\bMalcolm\b|\bMalcolm\b{W}\b(took over from|succeeded|followed)\b|\bchair (from|between) (19|20)\d\d\b|\bchair until\b",
                     "Malcolm Friar took over from Jean Cattermole as chair in 2021."),
    "p30-test-072": (rf"\bTarrow Valley\b{W}\bHallenried\b{W}£|\b(trip|coach|journey) to Hallenried\b{W}£|£[\d,]+{W}\b(trip|coach) to Hallenried\b",
                     "Tarrow Valley would charge £6,900 for a coach trip to Hallenried."),
    "p30-test-073": (rf"\binsurance\b{W}\b2023\b|\b2023\b{W}\binsurance\b",
                     "In 2023 insurance cost £341."),
    "p30-test-074": (rf"\bgrant\b{W}\b(arrived|reached|came in|was received|landed)\b|\b(arrived|reached our bank|was received)\b{W}\bApril 2026\b",
                     "The grant arrived on 7 April 2026."),
    "p30-test-075": (rf"\bRugby Club\b{W}\b(seats?|holds?|capacity|up to \d+)\b|\b(seats?|capacity)\b{W}\bRugby Club\b",
                     "The Rugby Club seats 140 for dinner."),
    "p30-test-076": (rf"\b(before|preceded|succeeded|replaced|took over from|followed)\b{W}\bDuvivier\b|\bDuvivier\b{W}\b(succeeded|replaced|took over from|followed)\b|\b(former|previous|outgoing|last) maire\b",
                     "Claire Duvivier succeeded Gérard Lenoir as maire in 2024."),
}


DOCS = 23
FORMATS = Counter(md=17, txt=6)
# the plain text files, which have no front matter
NO_FRONT_MATTER = ["about/history", "governance/2024-amendment", "governance/charter-and-pact",
                   "letters/2025-12-town-council-grant", "meetings/2026-03-agm-notice",
                   "visits/2025-pontleve-visit-report"]
SUPERSEDED = ["transport/coach-agreement-2022"]
AMENDED = ["governance/constitution"]
SIZES = (1400, 2100)
WANT = {"dev": dict(single_hop=17, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=30, descriptive=17, reverse=8, comparison=6, multi_hop=3, unanswerable=12)}


def money(text: str) -> int:
    return int(text.replace("£", "").replace(",", ""))


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def arithmetic(docs: dict[str, Document]) -> None:
    """The sums, counts and dates the documents state agree with their parts and with each other
    (no gold is derived from them, but a corpus whose totals do not add up would make a careful
    reader doubt the right figure)."""
    import datetime as dt
    rep = docs["reports/annual-report-2025"].text
    income = re.search(r"\*\*Income\.\*\*(.*?)In all", rep, re.S).group(1)
    pairs = re.findall(r"(£[\d,]+|nil)\s+\((£[\d,]+|nil)\)", income)
    this = [0 if a == "nil" else money(a) for a, _ in pairs]
    last = [0 if b == "nil" else money(b) for _, b in pairs]
    table = re.findall(r"\| (£[\d,]+|nil) \| \((£[\d,]+|nil)\) \|", rep)
    spend_this = sum(0 if a == "nil" else money(a) for a, _ in table)
    spend_last = sum(0 if b == "nil" else money(b) for _, b in table)
    check(len(pairs) == 7 and len(table) == 10 and sum(this) == 19430 and sum(last) == 16002
          and spend_this == 16580 and spend_last == 13859
          and sum(this) - spend_this == 2850 and sum(last) - spend_last == 2143
          and "£19,430 (£16,002)" in rep and "£16,580 (£13,859)" in rep and "£2,850 (£2,143)" in rep,
          f"annual report: income, spending and surplus for both years agree ({sum(this)}, {sum(last)}, {spend_this}, {spend_last})")
    check(11468 + 2850 == 14318 and "£14,318 (£11,468)" in rep,
          "annual report: last year's funds plus this year's surplus give this year's funds")
    c22, c25 = docs["transport/coach-agreement-2022"], docs["transport/coach-agreement-2025"]
    check(has(c25, "£8,180", "£720") and has(c22, "£640", "two in each") and 8180 + 720 == 8900 and 2 * 640 == 1280
          and "| £8,900 | (£1,280) |" in rep,
          "annual report: the coach line is the Tarrow Valley trip and day (2025) and two Brackenridge days (2024) at contract prices")
    check(12 * 18 == 216 and "| £216 |" in rep and has(docs["hosting/safeguarding-policy"], "£18 for each"),
          "annual report: twelve DBS checks at the Volunteer Centre's £18 make the DBS line")
    vr = docs["visits/2025-pontleve-visit-report"]
    check(has(vr, "35 adults at £215", "6 under 18 at £120", "£7,525", "£720", "£8,245", "Forty-one of us")
          and 35 * 215 == 7525 and 6 * 120 == 720 and 7525 + 720 == 8245 and 35 + 6 == 41
          and "£8,245 (nil)" in rep and has(docs["visits/visits-by-year"], "we travelled: 41 of us"),
          "visit report: 35 adults and 6 under-18s are the 41 travellers, and their fares make the report's £8,245")
    am = docs["governance/2024-amendment"]
    check(has(am, "Fifty-two members were present; 47 voted for, 3 against and 2 abstained")
          and 47 + 3 + 2 == 52 and 47 * 3 >= 2 * (47 + 3),
          "amendment: the votes account for the 52 present and pass the two-thirds of clause 10")
    jun, sep = docs["meetings/2025-06-committee"], docs["meetings/2025-09-committee"]
    check(has(jun, "Present: ten members; apologies from kev doran", "Carried six votes to four")
          and has(sep, "All eleven members present", "Carried eight votes to two, Tom abstaining")
          and 6 + 4 == 10 == 11 - 1 and 8 + 2 + 1 == 11
          and has(docs["people/committee-and-officers"], "eleven members this year"),
          "minutes: the June vote accounts for the ten present and the September vote for all eleven")
    jan = docs["meetings/2026-01-committee"]
    check(has(jan, "46 guest tickets, £1,472", "£180 deposit", "24 households", "needs three more")
          and 46 * 32 == 1472 and 720 // 4 == 180 and 24 + 3 == 27
          and has(docs["hosting/host-family-scheme"], "27 households") and 32 // 2 == 16,
          "January minutes: 46 dinner tickets at £32, a 25% deposit on a £720 day, 24 + 3 households")
    it = docs["visits/2026-pontleve-itinerary"]
    check(has(it, "Forty-six guests (38 adults and eight young musicians", "49-seater", "three seats for hosts")
          and 38 + 8 == 46 and 46 + 3 == 49 and 53 - 49 == 4
          and has(docs["newsletters/across-the-water-spring-2026"], "it seats 49, four fewer than Brackenridge's"),
          "itinerary: 38 + 8 guests and three hosts fill the 49-seater, four seats fewer than Brackenridge's 53")
    agm = docs["meetings/2026-03-agm-notice"]
    check(has(agm, "The seven other members stand again, and up to three more") and 7 + 3 == 10
          and has(am, "up to ten other members") and has(docs["people/committee-and-officers"], "four officers and seven others")
          and 4 + 7 == 11,
          "AGM notice: seven others standing and three more places make the ten the amended clause 6 allows")
    check(has(docs["membership/subscriptions"], "in 2024 it brought in £398") and "£412 (£398)" in rep,
          "Gift Aid: the subscriptions page's 2024 figure is the annual report's bracket")
    days = (dt.date(2026, 3, 26) - dt.date(2026, 3, 10)).days
    check(has(agm, "Thursday 26 March 2026", "given on 10 March 2026") and 14 <= days < 21,
          f"AGM notice: {days} days' notice meets the amended 14 days (and would not have met the old 21)")
    weekdays = [("Friday", dt.date(1977, 10, 14)), ("Thursday", dt.date(2024, 3, 21)),
                ("Thursday", dt.date(2026, 3, 26)), ("Thursday", dt.date(2025, 5, 29)),
                ("Monday", dt.date(2025, 6, 2)), ("Saturday", dt.date(2026, 4, 18)),
                ("Saturday", dt.date(2026, 5, 16)), ("Saturday", dt.date(2026, 12, 5)),
                ("Tuesday", dt.date(2025, 6, 10)), ("Tuesday", dt.date(2025, 9, 16)),
                ("Tuesday", dt.date(2026, 1, 20)), ("Friday", dt.date(2026, 9, 18))]
    check(all(d.strftime("%A") == w for w, d in weekdays),
          "weekdays named in the documents are the right ones (1977 meeting, AGMs, visits, committee Tuesdays)")
    vy = docs["visits/visits-by-year"].text
    rows = re.findall(r"\| (20\d\d) \| ([^|]+) \| ([^|]+) \|", vy)
    ok = len(rows) == 8
    for year, pont, hall in rows:
        y = int(year)
        if y in (2020, 2021):
            continue
        ok &= pont.startswith("we hosted" if y % 2 == 0 else "we travelled")
        ok &= hall.startswith("we travelled" if y % 2 == 0 else "we hosted")
    cup = re.findall(r"<td>(20\d\d)</td><td>(\w+)</td>", docs["schools/pen-friends-and-sports"].text)
    ok &= len(cup) == 5 and all((p == "Corvenham") == (int(y) % 2 == 1) for y, p in cup)
    check(ok, "visits: Pontlevé hosted in even years and Hallenried in odd ones, and the Friendship Cup is played where Hallenried's visit is")


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
    amended = sorted(i for i, d in docs.items() if d.metadata.get("status") == "amended")
    check(amended == AMENDED, f"one amended document, with its amendment beside it ({amended})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.4-2.1 KB ({min(raw.values())}-{max(raw.values())})")
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
        check(all(it.id == f"p30-{split}-{n:03d}" for n, it in enumerate(items, 1)), f"{split}: ids p30-{split}-NNN in order")
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
