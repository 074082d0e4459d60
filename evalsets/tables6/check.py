"""Checks for evalsets/tables6 (no model): run with PYTHONPATH=src from the repo root or anywhere.

Prints PASS/FAIL per check and exits 1 if any check fails.
"""
from __future__ import annotations

import collections
import hashlib
import json
import re
import sys
from pathlib import Path

from ragtune.corpus.loaders import Document, Problem, iter_documents, scan
from ragtune.eval.metrics import answer_tokens, contains_tokens, is_correct
from ragtune.eval.qa import load_qa

HERE = Path(__file__).resolve().parent
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
      load_problems + ([] if len(files) == 25 else ["expected 25 files"]))

ids = set(docs)
dev = load_qa(HERE / "dev.jsonl", ids)
test = load_qa(HERE / "test.jsonl", ids)
check(f"load_qa: dev {len(dev)}, test {len(test)}",
      ([] if len(dev) == 45 else ["dev is not 45"]) + ([] if len(test) == 70 else ["test is not 70"]))

WANT = {"dev": {"single_hop": 12, "reverse": 5, "multi_hop": 5, "comparison": 6, "filter": 6,
                "temporal": 5, "unanswerable": 6},
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
        if not re.fullmatch(rf"t6-{split}-\d{{3}}", i.id):
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

# Unanswerable items: (regex that an answer would need, documents where it may occur).
ABSENT = {
    "How many charging bays are there in the Millbank battery room?": [(r"charging bay", ["depots/depots#DP-05"])],
    "What's the door code for the containers at Saltmarsh Lane Yard?": [(r"door code|key ?code|\bcode\b.{0,20}\d{3,}|code (is|:)", [])],
    "How many rides started at Northgate stations in 2025?": [(r"rides.{0,80}Northgate|Northgate.{0,80}rides", [])],
    "What's Maisie Darrow's mobile number?": [(r"\b(tel|telephone|mobile|phone number)\b|\d{5} ?\d{6}", [])],
    "How much did the new truing gauge for the Altar cost?": [(r"gauge.{0,150}(GBP|£|\d+\.\d\d)", [])],
    "What capacity is the battery on the Pellard Trio?": [(r"Trio[^.|]{0,80}(Wh|battery)", [])],
    "How many rides did the Sparrow E3s do in their first month?": [(r"E3.{0,200}\brides\b|\brides\b.{0,100}E3", [])],
    "How big is the battery room at Millbank in square metres?": [(r"battery room.{0,150}(m2|square|m²)", ["depots/depots#DP-02"]), (r"battery room[^.]{0,60}(m2|square|m²)", None)],
    "How much staff overtime did the Storm Ilsa clean-up cost?": [(r"overtime", [])],
    "How many members does the Scheme have?": [(r"\d[\d,]* (annual |concession )?members", [])],
    "What qualification does Finn Odrasky hold?": [(r"Odrasky", ["rota/winter-2026-27#R-06", "rota/winter-2026-27#R-10"])],
    "What's the Wi-Fi password at Quayside Depot?": [(r"password|wi-?fi", [])],
    "What did a concession annual membership cost in 2024?": [(r"concession", ["fares/fares-2026"]), (r"concession[^.|]{0,60}2024|2024[^.|]{0,60}concession", None)],
    "How many bikes were stolen in 2025?": [(r"(stolen|theft).{0,100}2025|2025.{0,100}(stolen|theft)", [])],
    "When will the results of the Z4 consultation be published?": [(r"(result|report|publish)[^.]{0,100}(consultation|Z4)|(consultation|Z4)[^.]{0,100}(result|report|publish)", [])],
    "What's the top speed of the Pellard Trio?": [(r"Trio[^|]{0,120}(km/h|mph|speed)", [])],
    "How many bikes did Northgate repair in 2024?": [(r"2024.{0,100}repair|repair.{0,100}2024", [])],
    "What's the helpline phone number?": [(r"\b(tel|telephone|phone number)\b|\d{4,5} ?\d{6}", [])],
}
# For (pattern, None): the pattern must be absent from the documents allowed by the line before.
full = {k: (d.title + "\n" + d.text + "\n" + json.dumps(d.metadata, default=str)).replace("\n", " ")
        for k, d in docs.items()}
probs = []
for i in ALL:
    if i.answers:
        continue
    rules = ABSENT.get(i.question)
    if rules is None:
        probs.append(f"{i.id}: no absence rule")
        continue
    allowed_prev: list[str] = []
    for pat, allowed in rules:
        rx = re.compile(pat, re.I)
        if allowed is None:
            hits = [k for k in allowed_prev if rx.search(full[k])]
            if hits:
                probs.append(f"{i.id}: /{pat}/ in {hits}")
            continue
        hits = [k for k in full if rx.search(full[k]) and k not in allowed]
        if hits:
            probs.append(f"{i.id}: /{pat}/ found in {hits}")
        allowed_prev = allowed
check("unanswerable: the words an answer needs are absent from every document", probs)

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
