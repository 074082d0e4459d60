"""Checks for evalsets/prose49 (no model): run from the repo root (`python3 evalsets/prose49/check.py`;
the repository's src/ is put on the path if ragtune is not installed), or with the project's
virtual environment (`.venv/bin/python evalsets/prose49/check.py`)."""
from __future__ import annotations

import datetime as dt
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

PREFIX = "p49"
results: list[tuple[bool, str]] = []


def check(ok: bool, what: str) -> None:
    results.append((bool(ok), what))


def clauses(text: str) -> str:
    """One line of text in which list items, headings, table rows and paragraphs are cut off by
    '.', so a pattern's `W` stays inside one sentence, clause or list item even across line wraps."""
    text = re.sub(r"<(?:tr|/tr|table|/table|li|/li|p|/p)>", " . ", text)
    text = re.sub(r"\n\s*(?:[-*|]|\d+\.|#+)\s*", " . ", "\n" + text)
    text = re.sub(r"\n\s*\n", " . ", text)
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.lower().split())


# inside one clause: anything but '.' or ';', except a decimal point ("£5.50", "9.30 am", "£3.12")
W = r"(?:[^.;]|\.\d)*"
NUM = r"(?:\d[\d,]*|[a-z]+ty[-\w]*|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|a few|several)"
MONEY = r"(?:£\s?[\d,.]+|\b\d+p\b|\b[\d,]+ (?:pounds|quid)\b)"


# unanswerable items: a pattern no document may match (words the answer would need), and a
# made-up answer sentence that the pattern must match (so the pattern is not a dead one)

NAME = r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+)"
CAP = r"(?-i:[A-Z][a-z]+)"
UNANSWERABLE = {
    "p49-dev-038": (rf"\bvicar\b,? {NAME}|{NAME},? (the )?vicar\b|\bvicar\b{W}\b(is|was|named|called) {NAME}|\b(Reverend|Rev) {CAP}",
                    "The voucher was won by the vicar, Hilary Penrose."),
    "p49-dev-039": (rf"\bblinds\b{W}\b(cost|costing|came to)\b{W}{MONEY}|{MONEY}{W}\b(on|for) (the )?(night )?blinds\b",
                    "The night blinds cost £1,240."),
    "p49-dev-040": (rf"\bsupper\b{W}\b{NUM} (people|volunteers|guests)\b|\b{NUM} (people|volunteers|guests)\b{W}\bsupper\b",
                    "Forty-two volunteers came to the supper."),
    "p49-dev-041": (rf"\btea\b{W}{MONEY}|{MONEY}{W}\b(cup|pot) of tea\b",
                    "A cup of tea is £1.60."),
    "p49-dev-042": (rf"\bwhisky\b{W}\b(won|went to)\b|\bwon\b{W}\bwhisky\b|{NAME}{W}\bwhisky\b",
                    "The whisky was won by Harold Penfold."),
    "p49-dev-043": (rf"\brelief (operator|postmaster)\b,? {NAME}|\brelief\b{W}\b(is|named|called|usually) {NAME}|{NAME},? (the|a|our) relief\b",
                    "The relief operator is usually Marion Tebbutt."),
    "p49-dev-044": (rf"\b(Gwyn|assistants?)\b{W}{MONEY}|{MONEY}{W}\b(an|per|a) hour\b",
                    "Gwyn is paid £11.50 an hour."),
    "p49-dev-045": (rf"\b2021-22\b|\b2021/22\b|\byear to (31 )?March 2022\b",
                    "Turnover in 2021-22 was £361,000."),
    "p49-test-061": (rf"\b(salary|wages?)\b{W}\b(Kenver|manager)\b|\b(Kenver|manager)(\x27s)?\b{W}\b(salary|paid|earns)\b{W}{MONEY}",
                     "Kenver's salary is £28,500 a year."),
    "p49-test-062": (rf"\b(new|next) postmaster\b{W}{NAME}|{NAME}{W}\b(will|to) (take over|replace|succeed)\b|\bsucceed(ed)? (Teilo|him)\b{W}{NAME}",
                     "The new postmaster will be Gareth Loxley."),
    "p49-test-063": (rf"\b(slate )?roof\b{W}\b(cost|replaced|replacing|replacement)\b{W}{MONEY}|{MONEY}{W}\broof (replacement|repairs?)\b|\bHeritage Chapels Fund\b{W}{MONEY}",
                     "Replacing the roof cost £34,000."),
    "p49-test-064": (rf"\bwalker\b,? {NAME}|{NAME},? (a|the) walker\b|\bwalker\b{W}\b(named|called) {NAME}|{NAME},? (who )?collapsed\b",
                     "The walker, Dennis Moulding, collapsed near the cattle grid."),
    "p49-test-065": (rf"\bMeriel\b{W}\b{NUM} shares\b|\b(chair|Abelwhite)\b{W}\bholds?\b{W}\bshares?\b",
                     "Meriel holds forty shares."),
    "p49-test-066": (rf"\b2024-25\b{W}\bturnover\b|\bturnover\b{W}\b2024-25\b|\byear to (31 )?March 2025\b",
                     "Turnover in 2024-25 was £431,000."),
    "p49-test-067": (rf"\beggs?\b{W}{MONEY}|{MONEY}{W}\b(eggs|dozen|half-dozen)\b",
                     "A box of six eggs is £2.40."),
    "p49-test-068": (rf"\bwhisky\b{W}\b(given|donated|gift) (by|from)\b|\b(gave|donated)\b{W}\bwhisky\b{W}\b(was|is) {NAME}|{NAME} (gave|donated)\b{W}\bwhisky\b",
                     "The whisky was donated by Alun Braithwaite."),
    "p49-test-069": (rf"\btraining\b{W}\b{NUM} (people )?(came|attended|turned up)\b|\b{NUM} (people )?(came|attended|turned up)\b{W}\btraining\b|\b(came|attended|turned up) (to )?(the )?training\b",
                     "Thirty-one people attended the training evening."),
    "p49-test-070": (rf"\b(birthday|on the day|that day)\b{W}{MONEY}|{MONEY}{W}\b(birthday|on the day)\b|\btook\b{W}{MONEY}",
                     "The shop took £1,900 on the birthday Saturday."),
    "p49-test-071": (rf"\bSulwen\b{W}\b(got|received|won|polled|with) {NUM} votes\b|\b{NUM} votes (for|to) Sulwen\b",
                     "Sulwen was elected with 44 votes."),
    "p49-test-072": (rf"\b(wine|beer)\b{W}\b(from|supplied by|comes from|come from)\b{W}{CAP}|{CAP}{W}\b(supplies|supply|delivers)\b{W}\b(wine|beer)\b",
                     "Our wine and beer come from Harwell Vintners."),
}

DOCS = 28
FORMATS = Counter(md=17, txt=5, html=6)
NO_FRONT_MATTER = ["about/history", "about/the-building", "advice/faq", "events/village-fete-2023",
                   "letters/2023-07-sunday-closing-letter-and-reply", "letters/2024-10-parcel-complaint-and-reply",
                   "news/2021-12-tenth-birthday", "news/2024-02-defibrillator", "shop/price-changes-july-2023",
                   "suppliers/bread-change-2024", "volunteers/rota-w-c-15-january-2024"]
SUPERSEDED = ["shop/opening-hours-2011"]
CURRENT = ["shop/opening-hours-2024"]
SIZES = (1100, 2400)
WANT = {"dev": dict(single_hop=13, temporal=4, descriptive=10, reverse=5, comparison=3, multi_hop=2, unanswerable=8),
        "test": dict(single_hop=22, temporal=7, descriptive=15, reverse=7, comparison=5, multi_hop=4, unanswerable=12)}


def has(doc: Document, *phrases: str) -> bool:
    text = squash(doc.text)
    return all(squash(p) in text for p in phrases)


def arithmetic(docs: dict[str, Document]) -> None:
    """Figures that several documents state agree, and sums and dates add up (no model)."""
    ar = docs["reports/annual-report-2023-24"]
    check(412300 - 386900 == 25400 and has(ar, "£412,300", "£386,900", "£25,400", "£8,140", "£5,620", "£41,300")
          and has(docs["about/at-a-glance"], "£412,300", "£8,140", "7,100", "341") and 341 - 322 == 19 and has(ar, "Nineteen new members", "| 341 | 322 |")
          and has(docs["newsletters/till-talk-44-spring-2024"], "9,100 hours") and has(docs["newsletters/till-talk-45-summer-2024"], "9,100", "7,100 hours")
          and has(ar, "| 7,100 | 6,650 |") and 2 < 7100 / 58 / 52 < 2.5 and has(ar, "just over two hours a week")
          and has(ar, "£1,130", "£210") and has(docs["meetings/2023-06-committee-minutes"], "£1,130")
          and has(ar, "£14,720") and has(docs["post-office/the-counter"], "£14,720"),
          "annual report: turnover up £25,400; 322 + 19 = 341 members; 7,100 volunteer hours (the spring newsletter's 9,100 corrected), just over two hours a week each; milk waste and post office figures agree")
    coffee = docs["meetings/2024-03-committee-minutes"]
    check(1310 * 220 == 288200 and has(coffee, "1,310 cups", "£2,882") and has(ar, "£2,882") and has(docs["meetings/2023-09-committee-minutes"], "£2,450", "£2.20")
          and 2000 / 25 == 80 and has(docs["membership/becoming-a-member"], "£2,000", "eighty shares", "50p a year", "£40") and has(docs["advice/faq"], "up to eighty")
          and 25 * 0.02 == 0.5 and 80 * 25 * 0.02 == 40 and has(docs["about/history"], "£2,000", "£38,600", "212 members")
          and has(docs["meetings/2024-09-committee-minutes"], "2% a year", "£870") and 31 + 19 + 3 == 53
          and has(docs["newsletters/till-talk-45-summer-2024"], "Fifty-three", "31 votes to 19, with three abstentions"),
          "coffee 1,310 cups x £2.20 = £2,882; shares £25, up to £2,000 = 80; 2% interest = 50p a share, £40 on eighty; AGM 31 + 19 + 3 = 53")
    votes = [("meetings/2023-01-committee-minutes", 9, [5, 4]), ("meetings/2023-06-committee-minutes", 8, [7, 1]),
             ("meetings/2023-09-committee-minutes", 9, [8, 1]), ("meetings/2023-09-committee-minutes", 9, [6, 3]),
             ("meetings/2024-03-committee-minutes", 9, [7, 2]), ("meetings/2024-09-committee-minutes", 8, [6, 2])]
    names = r"(?:Abelwhite|Strudwick|Mardlin|Cridland|Colpitts|Tivey|Parfrey|Blenkin|Quellyn|Kerswell)"
    present = {d: len(re.findall(names, docs[d].text.split("Present:")[1].split("In attendance")[0].split("Apologies")[0])) for d, _, _ in votes}
    check(all(present[d] == n and sum(v) == n for d, n, v in votes)
          and has(docs["meetings/2023-01-committee-minutes"], "five votes to four") and has(docs["meetings/2023-06-committee-minutes"], "seven votes to one")
          and has(docs["meetings/2023-09-committee-minutes"], "eight votes to none, with Annest abstaining", "six votes to three")
          and has(docs["meetings/2024-03-committee-minutes"], "seven votes to two") and has(docs["meetings/2024-09-committee-minutes"], "six votes to two")
          and len(re.findall(r"^\| (?!Name|---)", docs["people/committee"].text, re.M)) == 9,
          "votes account for the committee members present (an abstention counted once); nine on the committee")
    check(has(docs["shop/price-changes-july-2023"], "75p", "85p", "£1.95", "£2.30", "£1.50", "£2.00") and has(docs["meetings/2023-06-committee-minutes"], "from 75p to 85p", "from £1.95 to £2.30", "from £1.50 to £2")
          and has(docs["advice/faq"], "60p", "£1.40", "£1.50", "8 am to 5.30 pm", "Dunsop Dairy", "Ephraim Cridland") and has(docs["suppliers/bread-change-2024"], "from £1.85 to £2.20", "from £1.95 to £2.40")
          and has(docs["meetings/2024-03-committee-minutes"], "from £1.85 to £2.20") and has(docs["shop/opening-hours-2011"], "8 am to 5.30 pm", "9 am to 12 noon", "Easter 2013")
          and has(docs["shop/opening-hours-2024"], "7.30 am to 6 pm", "5 March to 30 September") and has(docs["about/at-a-glance"], "7.30 am to 6 pm")
          and has(docs["meetings/2023-09-committee-minutes"], "Sunday 1 October") and has(docs["meetings/2023-01-committee-minutes"], "Sunday 5 March"),
          "old and new prices and hours agree across the price notice, the minutes, the FAQ and the hours pages")
    check(1979 + 32 == 2011 and has(docs["about/history"], "thirty-two years", "1979", "March 2011") and 2011 + 8 == 2019
          and has(docs["about/history"], "first eight years", "in 2019") and has(docs["people/committee"], "eight years", "since 2019")
          and 2013 + 21 == 2034 and has(docs["about/the-building"], "twenty-one years in 2013, running to 2034") and 2011 - 1887 > 100
          and 2024 - 2011 == 13 and has(docs["newsletters/till-talk-44-spring-2024"], "thirteen years") and has(docs["newsletters/till-talk-45-summer-2024"], "thirteen years younger")
          and has(docs["about/history"], "£38,600", "212") and has(docs["membership/becoming-a-member"], "212 members", "341"),
          "years: the Attwells 1979 + 32 = 2011; first chair 2011-2019; lease 2013 + 21 = 2034; Saltram thirteen years")
    weekdays = [("Thursday", dt.date(2011, 5, 12)), ("Saturday", dt.date(2011, 12, 3)), ("Monday", dt.date(2012, 2, 13)),
                ("Thursday", dt.date(2023, 1, 19)), ("Thursday", dt.date(2023, 6, 15)), ("Thursday", dt.date(2023, 9, 21)),
                ("Thursday", dt.date(2024, 3, 21)), ("Thursday", dt.date(2024, 9, 19)), ("Thursday", dt.date(2023, 2, 16)),
                ("Thursday", dt.date(2023, 7, 20)), ("Thursday", dt.date(2023, 10, 19)), ("Thursday", dt.date(2024, 4, 18)),
                ("Thursday", dt.date(2024, 10, 17)), ("Sunday", dt.date(2023, 3, 5)), ("Sunday", dt.date(2023, 10, 1)),
                ("Monday", dt.date(2023, 7, 3)), ("Friday", dt.date(2023, 6, 30)), ("Monday", dt.date(2024, 4, 1)),
                ("Tuesday", dt.date(2024, 5, 7)), ("Wednesday", dt.date(2024, 6, 12)), ("Wednesday", dt.date(2024, 2, 14)),
                ("Tuesday", dt.date(2024, 3, 12)), ("Saturday", dt.date(2023, 7, 8)), ("Saturday", dt.date(2024, 7, 13)),
                ("Monday", dt.date(2024, 1, 15)), ("Saturday", dt.date(2024, 1, 27)), ("Friday", dt.date(2024, 12, 20))]
    check(all(d.strftime("%A") == w for w, d in weekdays) and all(15 <= d.day <= 21 for w, d in weekdays[3:13]),
          "weekdays named in the documents are right; committee meetings fall on third Thursdays")


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
    check(fmt == FORMATS, f"formats 17 md / 5 txt / 6 html ({dict(fmt)})")
    with_fm = sorted(i for i, d in docs.items() if {"date", "author", "kind"} <= set(d.metadata))
    check(len(with_fm) == DOCS - len(NO_FRONT_MATTER), f"17 documents with front matter date/author/kind (all the md) ({len(with_fm)})")
    no_fm = sorted(i for i, d in docs.items() if not d.metadata)
    check(no_fm == NO_FRONT_MATTER, f"eleven documents without front matter (five txt, six html) ({no_fm})")
    sup = sorted(i for i, d in docs.items() if d.metadata.get("status") == "superseded")
    check(sup == SUPERSEDED, f"one superseded document (the 2011 opening hours) ({sup})")
    cur = sorted(i for i, d in docs.items() if d.metadata.get("status") == "current")
    check(cur == CURRENT, f"one current document, the 2024 opening hours that replaced them ({cur})")
    raw = {p.relative_to(corpus).as_posix(): p.stat().st_size for p in corpus.rglob("*") if p.is_file()}
    check(all(SIZES[0] <= s <= SIZES[1] for s in raw.values()), f"file sizes 1.1-2.4 KB ({min(raw.values())}-{max(raw.values())})")
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
                    if it.type != "comparison" and contains_tokens(answer_tokens(it.question), answer_tokens(g)):
                        bad_ev.append((it.id, g, "gold inside the question"))
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
        check(not bad_ev, f"{split}: every gold phrasing in an evidence doc as whole tokens, and (comparisons apart) not inside the question {bad_ev}")
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
