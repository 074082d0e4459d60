"""Checks for evalsets/tables16 (no model): run from anywhere (src/ is put on the path).

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
      load_problems + ([] if len(files) == 22 else ["expected 22 files"])
      + ([] if len(docs) == 66 else ["expected 66 documents"]))

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
        if not re.fullmatch(rf"t16-{split}-\d{{3}}", i.id):
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

# Unanswerable items, keyed by id: (regex that an answer would need, documents where it may occur).
ABSENT = {
    "t16-dev-038": [(r"phone number|telephone|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\+44", [])],
    "t16-dev-039": [(r"engine hours|hours run|hour ?meter|running hours|hours (on|of) the engine", [])],
    "t16-dev-040": [(r"\b2023\b", ["prices/rally-rates-history", "pontoons/bands", "people/people#PE-07"]),
                    (r"visitor nights|berth nights", None)],
    "t16-dev-041": [(r"charity (number|no\b|registration)|registration number", [])],
    "t16-dev-042": [(r"insur", [])],
    "t16-dev-043": [(r"salar|\bwages?\b|per hour[^.|]{0,40}berthmaster|\bis paid\b|\bearns?\b|\bpay (scale|grade|band|rate)", [])],
    "t16-dev-044": [(r"\b2025-(0[1-9]|1[0-2])-|(January|February|March|April|May|June|July|August|September|October|November|December) 2025",
                     ["prices/rally-rates-history", "pontoons/bands", "policies/rally-policy-2026"]),
                    (r"Brennock", None)],
    "t16-dev-045": [(r"\blitres?\b|fuel tank|\bgallons?\b|tank (holds|size|capacity)", [])],
    "t16-test-059": [(r"MMSI|call sign[^.|]{0,40}Puffin|Puffin[^.|]{0,40}call sign|registration (number|mark)|official number", [])],
    "t16-test-060": [(r"\bincome\b|\brevenue\b|\bturnover\b|total receipts", [])],
    "t16-test-061": [(r"\w@\w|e-?mail", [])],
    "t16-test-062": [(r"top speed|\bknots?\b|\bmph\b|km/h|miles an hour|miles per hour", [])],
    "t16-test-063": [(r"clerks? (is|are|was|were|called|named)|clerks?,? [A-Z][a-z]+ [A-Z]", [])],
    "t16-test-064": [(r"\bvolunteers\b", ["about"]), (r"\b2025\b", None)],
    "t16-test-065": [(r"boats[^.|]{0,60}\b2019\b|\b2019\b[^.|]{0,60}boats", []),
                     (r"Kestle Bay[^.|]{0,80}\b2019\b|\b2019\b[^.|]{0,80}Kestle Bay", [])],
    "t16-test-066": [(r"vice[- ]chair|deputy chair", [])],
    "t16-test-067": [(r"\bshowers?\b[^.|]{0,40}\d|\d+ showers", [])],
    "t16-test-068": [(r"Coldharbour[^.|]{0,120}(GBP|price|sold for|proceeds)|(GBP|price|proceeds)[^.|]{0,80}Coldharbour", [])],
    "t16-test-069": [(r"\b2027\b", ["fleet/launch"]), (r"\brates?\b|per boat", None)],
    "t16-test-070": [(r"\bmiles?\b|\bkm\b|kilomet|nautical", [])],
}
# For (pattern, None): the pattern must be absent from the documents allowed by the line before.
full = {k: (d.title + "\n" + d.text + "\n" + json.dumps(d.metadata, default=str)).replace("\n", " ")
        for k, d in docs.items()}
probs = []
for i in ALL:
    if i.answers:
        continue
    rules = ABSENT.get(i.id)
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
