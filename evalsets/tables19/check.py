"""Checks for evalsets/tables19 (no model): run from anywhere (src/ is put on the path).

Prints PASS/FAIL per check and exits 1 if any check fails.
"""
from __future__ import annotations

import collections
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))  # runs without PYTHONPATH too

from ragtune.corpus.loaders import Document, Problem, iter_documents, scan
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
from ragtune.eval.qa import load_qa

FAILS: list[str] = []


def check(name: str, problems: list[str]) -> None:
    print(("PASS " if not problems else "FAIL ") + name)
    for p in problems[:20]:
        print("    " + p)
    if problems:
        FAILS.append(name)


files, scan_problems = scan(HERE / "corpus")
docs: dict[str, Document] = {}
load_problems = [str(p) for p in scan_problems]
for f in files:
    for d in iter_documents(f):
        if isinstance(d, Problem):
            load_problems.append(str(d))
        else:
            docs[d.doc_id] = d
check(f"loader: {len(files)} files, {len(docs)} documents, no problems",
      load_problems + ([] if len(files) == 38 else ["expected 38 files"])
      + ([] if len(docs) == 88 else ["expected 88 documents"]))

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

WANT = {"dev": {"single_hop": 12, "reverse": 5, "multi_hop": 5, "comparison": 5, "filter": 5,
                "temporal": 5, "unanswerable": 8},
        "test": {"single_hop": 20, "reverse": 8, "multi_hop": 6, "comparison": 8, "filter": 10,
                 "temporal": 6, "unanswerable": 12}}
probs = []
for split, items in (("dev", dev), ("test", test)):
    got = collections.Counter(i.type for i in items)
    if dict(got) != WANT[split]:
        probs.append(f"{split}: {dict(got)}")
    derived = [i.id for i in items if i.meta.get("derived")]
    if len(derived) != 1:
        probs.append(f"{split}: derived {derived}")
    for i in items:
        if not i.meta.get("kind"):
            probs.append(f"{i.id}: no kind")
        if not re.fullmatch(rf"t19-{split}-\d{{3}}", i.id):
            probs.append(f"{i.id}: bad id")
        if i.type == "comparison" and not i.options:
            probs.append(f"{i.id}: comparison without options")
        if (i.type == "unanswerable") != (not i.answers):
            probs.append(f"{i.id}: type/answers mismatch")
        if i.answers and not i.evidence:
            probs.append(f"{i.id}: no evidence")
check("type counts, ids, kinds, one derived count per split", probs)

ALL = dev + test
check("every evidence id is a document",
      [f"{i.id}: {e}" for i in ALL for e in i.evidence if e not in ids])


def doc_tokens(doc_id: str) -> list[str]:
    d = docs[doc_id]
    return answer_tokens(d.title + "\n" + d.text)


probs = []
for i in ALL:
    if not i.answers or i.meta.get("derived"):
        continue
    for g in i.answers:
        if not any(contains_tokens(doc_tokens(e), answer_tokens(g)) for e in i.evidence):
            probs.append(f"{i.id}: gold {g!r} not in its evidence")
check("every gold of answerable non-derived items occurs in an evidence document", probs)


def squash(text: str) -> str:
    return " ".join(text.lower().split())


probs = []
for i in ALL:
    if not i.answers or i.meta.get("derived"):
        continue
    for g in i.answers:
        if not any(squash(g) in squash(docs[e].title + "\n" + docs[e].text) for e in i.evidence):
            probs.append(f"{i.id}: gold {g!r} not verbatim in its evidence")
check("every gold of answerable non-derived items occurs verbatim (case and spaces squashed)", probs)

probs = []
for i in ALL:
    if i.type == "multi_hop":
        for g in i.answers:
            if contains_tokens(doc_tokens(i.evidence[0]), answer_tokens(g)):
                probs.append(f"{i.id}: {g!r} already in first hop")
check("no multi_hop answer occurs in its first-hop document", probs)

probs = []
for i in ALL:
    for g in i.answers:
        for text in (g, f"The answer is {g}."):
            if not is_correct(i, text, False):
                probs.append(f"{i.id}: {text!r} scored wrong")
check("every gold alone and in a sentence scores correct", probs)

probs = []
for i in ALL:
    ok = is_correct(i, "The documents do not say.", False)
    if ok != (not i.answers):
        probs.append(f"{i.id}: abstention scored {ok}")
check("abstention: wrong for answerable, correct for unanswerable", probs)

probs = []
for i in ALL:
    if not i.options:
        continue
    if not any(o in i.answers for o in i.options):
        probs.append(f"{i.id}: no gold among options")
    a, b = i.options
    for text in (a + " or " + b, b + " or " + a):
        if is_correct(i, text, False):
            probs.append(f"{i.id}: {text!r} scored correct")
    for o in i.options:
        if o in i.answers:
            continue
        for text in (o, f"The answer is {o}."):
            if is_correct(i, text, False):
                probs.append(f"{i.id}: wrong option {text!r} scored correct")
check("wrong comparison options and 'A or B' score wrong", probs)

probs = []
for i in ALL:
    for g in i.answers:
        if g.strip().lower() in ("none", "no", "nothing"):
            probs.append(f"{i.id}: bare none-like gold")
check("no bare 'none' gold", probs)

# Unanswerable items, keyed by id: ([(regex that an answer would need, documents where it may
# occur), ...], a made-up answer sentence). Every regex must match the made-up sentence (so no
# rule is a dead one).
ABSENT = {
    "t19-dev-038": ([(r"phone", ["faq/hiring-2019"]),
                     (r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44", [])],
                    "The hire office's phone number is 01632 960 417."),
    "t19-dev-039": ([(r"Gatekeeper[^.|]{0,120}(GBP|£|\bcost|\bprice)|(GBP|£|\bcost|\bprice)[^.|]{0,80}Gatekeeper",
                      ["faq/hiring-2019"]),
                     (r"\bbuil[dt]", None)],
                    "Gatekeeper cost GBP 41,000 to build in 1998."),
    "t19-dev-040": ([(r"\b2021\b", ["prices/fuel-charge-history", "people/staff#SF-06"]),
                     (r"hire weeks|weeks let", None)],
                    "In 2021 we let 231 hire weeks."),
    "t19-dev-041": ([(r"registration number|register(ed)? number|\bFCA\b|Financial Conduct|society number|registered (no\b|number)", [])],
                    "Our FCA registration number is 31245R."),
    "t19-dev-042": ([(r"lift[^.|]{0,80}servic|servic[^.|]{0,80}lift", [])],
                    "Servicing the lift costs GBP 600 a year."),
    "t19-dev-043": ([(r"\blitres?\b|\bgallons?\b", ["notes/2026-10-fuel-supplier-change"]),
                     (r"water", None)],
                    "Purple Emperor's fresh water tank holds 700 litres."),
    "t19-dev-044": ([(r"salar|\bwages?\b|\bis paid\b|\bearns?\b|\bpay (scale|grade|band|rate)|(GBP|£) ?[\d,]+ a year", [])],
                    "The general manager earns GBP 48,000 a year."),
    "t19-dev-045": ([(r"(Fennimore|day-boat station|\bstation\b)[^.|]{0,120}\b\d{1,2}[:.]\d{2}\b|\bopens? at\b", [])],
                    "The Fennimore day-boat station opens at 10:00."),
    "t19-test-059": ([(r"\w@\w|e-?mail", [])],
                     "Email hire@tallowmerewharf.org.uk."),
    "t19-test-060": ([(r"Red Admiral[^|]{0,200}\b2024\b|\b2024\b[^|]{0,200}Red Admiral", [])],
                     "In 2024 Red Admiral was let for 30 weeks."),
    "t19-test-061": ([(r"\bincome\b|\brevenue\b|\bturnover\b|total receipts|\btakings\b", [])],
                     "Our turnover in 2025 was GBP 612,000."),
    "t19-test-062": ([(r"insur|underwrit", [])],
                     "The fleet is insured by Marlow Canal Underwriters."),
    "t19-test-063": ([(r"Harrowgill[^.|]{0,120}\b1[6-9]\d\d\b|\b1[6-9]\d\d\b[^.|]{0,120}Harrowgill"
                       r"|tunnel[^.|]{0,60}(built|opened|dug|completed) in", [])],
                     "The Harrowgill Tunnel was dug in 1796."),
    "t19-test-064": ([(r"draught|\bdraft\b|depth of water|water depth", [])],
                     "The deepest draught allowed is 3 ft 6 in."),
    "t19-test-065": ([(r"(Gadlow|car park)[^.|]{0,80}(GBP|£) ?\d|(GBP|£) ?\d[^.|]{0,80}(Gadlow|car park)", [])],
                     "Gadlow Station car park charges GBP 6 a night."),
    "t19-test-066": ([(r"\b2021\b[^|]{0,200}day[- ]boat|day[- ]boat[^|]{0,200}\b2021\b", [])],
                     "There were 1,180 day boat hires in 2021."),
    "t19-test-067": ([(r"\bchair\b[^.|]{0,100}\b(19\d\d|20[01]\d|202[0-5])\b|\b(19\d\d|20[01]\d|202[0-5])\b[^.|]{0,100}\bchair\b", [])],
                     "In 2019 the chair of the board was Ambrose Pell."),
    "t19-test-068": ([(r"litres? (an|per|a|each|every) (engine )?hour|fuel (use|consumption)|consum|\bburns?\b", [])],
                     "Purple Emperor burns about 1.5 litres an hour."),
    "t19-test-069": ([(r"Lisk[^.|]{0,120}(mph|km/h|knots|speed)|(mph|km/h|knots|speed)[^.|]{0,120}Lisk", [])],
                     "On the River Lisk the speed limit is 6 mph."),
    "t19-test-070": ([(r"\b\d+ lock-?keepers\b|lock-?keepers[^.|]{0,40}\b\d+\b|\b(two|three|four|five|six|seven|eight) lock-?keepers", [])],
                     "The Trust employs 3 lock-keepers on our length."),
}
# For (pattern, None): the pattern must be absent from the documents allowed by the line before.
full = {k: (d.title + "\n" + d.text + "\n" + json.dumps(d.metadata, default=str)).replace("\n", " ")
        for k, d in docs.items()}
probs = []
for i in ALL:
    if i.answers:
        if i.id in ABSENT:
            probs.append(f"{i.id}: answerable item has an absence rule")
        continue
    entry = ABSENT.get(i.id)
    if entry is None:
        probs.append(f"{i.id}: no absence rule")
        continue
    rules, sample = entry
    allowed_prev: list[str] = []
    for pat, allowed in rules:
        rx = re.compile(pat, re.I)
        if not rx.search(sample):
            probs.append(f"{i.id}: /{pat}/ misses its made-up answer {sample!r}")
        if allowed is None:
            hits = [k for k in allowed_prev if rx.search(full[k])]
            if hits:
                probs.append(f"{i.id}: /{pat}/ in {hits}")
            continue
        missing = [k for k in allowed if k not in full]
        if missing:
            probs.append(f"{i.id}: allowed documents {missing} do not exist")
        hits = [k for k in full if rx.search(full[k]) and k not in allowed]
        if hits:
            probs.append(f"{i.id}: /{pat}/ found in {hits}")
        allowed_prev = allowed
check("unanswerable: the words an answer needs are absent from every document and match its made-up answer", probs)

probs = []
qs = collections.Counter(i.question.strip().lower() for i in ALL)
probs += [f"repeated question: {q}" for q, n in qs.items() if n > 1]
dev_golds = {g.strip().lower() for i in dev for g in i.answers}
probs += [f"{i.id}: test gold {g!r} is a dev gold" for i in test for g in i.answers
          if g.strip().lower() in dev_golds]
check("no repeated question; no test gold equals a dev gold", probs)

want = hashlib.sha256((HERE / "test.jsonl").read_bytes()).hexdigest() + "  test.jsonl\n"
got = (HERE / "test.jsonl.sha256").read_text()
check("test.jsonl.sha256 matches", [] if got == want else [f"sha file {got!r} != {want!r}"])

print("ALL PASS" if not FAILS else f"{len(FAILS)} FAILED: {FAILS}")
sys.exit(1 if FAILS else 0)
