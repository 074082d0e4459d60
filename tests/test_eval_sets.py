"""The evaluation corpora under evalsets/ (no model): frozen test splits, evidence, gold answers.

- A test split cannot change without its checksum (`test.jsonl.sha256` beside it) changing in
  the same commit.
- Every evidence id exists in the corpus as ragtune's own loader builds it.
- An answerable gold answer occurs (as accuracy tokens) in its evidence documents, unless the
  item says it is derived (`"derived": true`: a count over several documents).
- Catalog gold answers are right for the pinned package versions (checked against the metadata
  the catalog is rendered from).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from ragtune.corpus.loaders import Document, iter_documents, scan
from ragtune.eval.metrics import answer_tokens, contains_tokens
from ragtune.eval.qa import load_qa

ROOT = Path(__file__).resolve().parent.parent
EVALSETS = ROOT / "evalsets"
SETS = ("catalog", "tables", "prose", "prose2", "prose3", "tables2", "prose4", "tables3", "catalog2",
        "catalog3", "prose5", "tables4", "catalog4", "prose6", "tables5", "catalog5", "prose7", "tables6",
        "catalog6", "prose8", "tables7", "catalog7", "prose9", "tables8", "catalog8", "prose10",
        "tables9", "catalog9", "prose11", "tables10", "catalog10", "prose12", "tables11", "catalog11",
        "prose13", "tables12", "catalog12", "prose14", "tables13", "catalog13", "prose15", "tables14",
        "catalog14", "prose16", "tables15", "catalog15", "prose17", "tables16",
        "catalog16", "prose18", "tables17", "catalog17", "prose19", "tables18", "catalog18", "prose20",
        "tables19", "catalog19", "prose21", "tables20", "catalog20", "prose22", "tables21",
        "catalog21", "prose23", "tables22", "catalog22", "prose24", "tables23", "catalog23", "prose25",
        "tables24", "catalog24", "prose26", "tables25", "catalog25", "prose27", "tables26",
        "catalog26", "prose28", "tables27", "catalog27", "prose29", "tables28", "catalog28",
        "prose30", "tables29", "catalog29", "prose31", "tables30", "catalog30", "prose32", "tables31",
        "catalog31", "prose33", "tables32", "catalog32", "prose34", "tables33", "catalog33", "prose35",
        "tables34", "catalog34", "prose36", "tables35", "catalog35", "prose37", "tables36",
        "catalog36", "prose38", "tables37", "catalog37", "prose39", "tables38",
        "catalog38", "prose40", "tables39", "catalog39", "prose41", "tables40",
        "catalog40", "prose42", "tables41", "catalog41", "prose43", "tables42",
        "catalog42", "prose44", "tables43", "catalog43", "prose45", "tables44",
        "catalog44", "prose46", "tables45", "catalog45", "prose47", "tables46",
        "catalog46", "prose48", "tables47", "prose49", "tables48")
# in the order written
FROZEN_SPLITS = ("test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9",
                 "test10", "test11", "test12")
MIN_TEST = 60


def _builder():
    spec = importlib.util.spec_from_file_location("build_evalsets", ROOT / "scripts" / "build_evalsets.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def builder():
    return _builder()


@pytest.fixture(scope="module")
def corpora(builder, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("evalsets")
    builder.build_catalog(out / "catalog")
    builder.build_prose(out / "prose")
    builder.build_prose2(out / "prose2")
    builder.build_prose3(out / "prose3")
    return {
        "catalog": out / "catalog",
        "prose": out / "prose",
        "prose2": out / "prose2",
        "prose3": out / "prose3",
        "tables": ROOT / "tests" / "data" / "handwritten" / "corpus",
        "tables2": EVALSETS / "tables2" / "corpus",
        "prose4": EVALSETS / "prose4" / "corpus",
        "tables3": EVALSETS / "tables3" / "corpus",
        "catalog2": EVALSETS / "catalog2" / "corpus",
        "catalog3": EVALSETS / "catalog3" / "corpus",
        "prose5": EVALSETS / "prose5" / "corpus",
        "tables4": EVALSETS / "tables4" / "corpus",
        "catalog4": EVALSETS / "catalog4" / "corpus",
        "prose6": EVALSETS / "prose6" / "corpus",
        "tables5": EVALSETS / "tables5" / "corpus",
        "catalog5": EVALSETS / "catalog5" / "corpus",
        "prose7": EVALSETS / "prose7" / "corpus",
        "tables6": EVALSETS / "tables6" / "corpus",
        "catalog6": EVALSETS / "catalog6" / "corpus",
        "prose8": EVALSETS / "prose8" / "corpus",
        "tables7": EVALSETS / "tables7" / "corpus",
        "catalog7": EVALSETS / "catalog7" / "corpus",
        "prose9": EVALSETS / "prose9" / "corpus",
        "tables8": EVALSETS / "tables8" / "corpus",
        "catalog8": EVALSETS / "catalog8" / "corpus",
        "prose10": EVALSETS / "prose10" / "corpus",
        "tables9": EVALSETS / "tables9" / "corpus",
        "catalog9": EVALSETS / "catalog9" / "corpus",
        "prose11": EVALSETS / "prose11" / "corpus",
        "tables10": EVALSETS / "tables10" / "corpus",
        "catalog10": EVALSETS / "catalog10" / "corpus",
        "prose12": EVALSETS / "prose12" / "corpus",
        "tables11": EVALSETS / "tables11" / "corpus",
        "catalog11": EVALSETS / "catalog11" / "corpus",
        "prose13": EVALSETS / "prose13" / "corpus",
        "tables12": EVALSETS / "tables12" / "corpus",
        "catalog12": EVALSETS / "catalog12" / "corpus",
        "prose14": EVALSETS / "prose14" / "corpus",
        "tables13": EVALSETS / "tables13" / "corpus",
        "catalog13": EVALSETS / "catalog13" / "corpus",
        "prose15": EVALSETS / "prose15" / "corpus",
        "tables14": EVALSETS / "tables14" / "corpus",
        "catalog14": EVALSETS / "catalog14" / "corpus",
        "prose16": EVALSETS / "prose16" / "corpus",
        "tables15": EVALSETS / "tables15" / "corpus",
        "catalog15": EVALSETS / "catalog15" / "corpus",
        "prose17": EVALSETS / "prose17" / "corpus",
        "tables16": EVALSETS / "tables16" / "corpus",
        "catalog16": EVALSETS / "catalog16" / "corpus",
        "prose18": EVALSETS / "prose18" / "corpus",
        "tables17": EVALSETS / "tables17" / "corpus",
        "catalog17": EVALSETS / "catalog17" / "corpus",
        "prose19": EVALSETS / "prose19" / "corpus",
        "tables18": EVALSETS / "tables18" / "corpus",
        "catalog18": EVALSETS / "catalog18" / "corpus",
        "prose20": EVALSETS / "prose20" / "corpus",
        "tables19": EVALSETS / "tables19" / "corpus",
        "catalog19": EVALSETS / "catalog19" / "corpus",
        "prose21": EVALSETS / "prose21" / "corpus",
        "tables20": EVALSETS / "tables20" / "corpus",
        "catalog20": EVALSETS / "catalog20" / "corpus",
        "prose22": EVALSETS / "prose22" / "corpus",
        "tables21": EVALSETS / "tables21" / "corpus",
        "catalog21": EVALSETS / "catalog21" / "corpus",
        "prose23": EVALSETS / "prose23" / "corpus",
        "tables22": EVALSETS / "tables22" / "corpus",
        "catalog22": EVALSETS / "catalog22" / "corpus",
        "prose24": EVALSETS / "prose24" / "corpus",
        "tables23": EVALSETS / "tables23" / "corpus",
        "catalog23": EVALSETS / "catalog23" / "corpus",
        "prose25": EVALSETS / "prose25" / "corpus",
        "tables24": EVALSETS / "tables24" / "corpus",
        "catalog24": EVALSETS / "catalog24" / "corpus",
        "prose26": EVALSETS / "prose26" / "corpus",
        "tables25": EVALSETS / "tables25" / "corpus",
        "catalog25": EVALSETS / "catalog25" / "corpus",
        "prose27": EVALSETS / "prose27" / "corpus",
        "tables26": EVALSETS / "tables26" / "corpus",
        "catalog26": EVALSETS / "catalog26" / "corpus",
        "prose28": EVALSETS / "prose28" / "corpus",
        "tables27": EVALSETS / "tables27" / "corpus",
        "catalog27": EVALSETS / "catalog27" / "corpus",
        "prose29": EVALSETS / "prose29" / "corpus",
        "tables28": EVALSETS / "tables28" / "corpus",
        "catalog28": EVALSETS / "catalog28" / "corpus",
        "prose30": EVALSETS / "prose30" / "corpus",
        "tables29": EVALSETS / "tables29" / "corpus",
        "catalog29": EVALSETS / "catalog29" / "corpus",
        "prose31": EVALSETS / "prose31" / "corpus",
        "tables30": EVALSETS / "tables30" / "corpus",
        "catalog30": EVALSETS / "catalog30" / "corpus",
        "prose32": EVALSETS / "prose32" / "corpus",
        "tables31": EVALSETS / "tables31" / "corpus",
        "catalog31": EVALSETS / "catalog31" / "corpus",
        "prose33": EVALSETS / "prose33" / "corpus",
        "tables32": EVALSETS / "tables32" / "corpus",
        "catalog32": EVALSETS / "catalog32" / "corpus",
        "prose34": EVALSETS / "prose34" / "corpus",
        "tables33": EVALSETS / "tables33" / "corpus",
        "catalog33": EVALSETS / "catalog33" / "corpus",
        "prose35": EVALSETS / "prose35" / "corpus",
        "tables34": EVALSETS / "tables34" / "corpus",
        "catalog34": EVALSETS / "catalog34" / "corpus",
        "prose36": EVALSETS / "prose36" / "corpus",
        "tables35": EVALSETS / "tables35" / "corpus",
        "catalog35": EVALSETS / "catalog35" / "corpus",
        "prose37": EVALSETS / "prose37" / "corpus",
        "tables36": EVALSETS / "tables36" / "corpus",
        "catalog36": EVALSETS / "catalog36" / "corpus",
        "prose38": EVALSETS / "prose38" / "corpus",
        "tables37": EVALSETS / "tables37" / "corpus",
        "catalog37": EVALSETS / "catalog37" / "corpus",
        "prose39": EVALSETS / "prose39" / "corpus",
        "tables38": EVALSETS / "tables38" / "corpus",
        "catalog38": EVALSETS / "catalog38" / "corpus",
        "prose40": EVALSETS / "prose40" / "corpus",
        "tables39": EVALSETS / "tables39" / "corpus",
        "catalog39": EVALSETS / "catalog39" / "corpus",
        "prose41": EVALSETS / "prose41" / "corpus",
        "tables40": EVALSETS / "tables40" / "corpus",
        "catalog40": EVALSETS / "catalog40" / "corpus",
        "prose42": EVALSETS / "prose42" / "corpus",
        "tables41": EVALSETS / "tables41" / "corpus",
        "catalog41": EVALSETS / "catalog41" / "corpus",
        "prose43": EVALSETS / "prose43" / "corpus",
        "tables42": EVALSETS / "tables42" / "corpus",
        "catalog42": EVALSETS / "catalog42" / "corpus",
        "prose44": EVALSETS / "prose44" / "corpus",
        "tables43": EVALSETS / "tables43" / "corpus",
        "catalog43": EVALSETS / "catalog43" / "corpus",
        "prose45": EVALSETS / "prose45" / "corpus",
        "tables44": EVALSETS / "tables44" / "corpus",
        "catalog44": EVALSETS / "catalog44" / "corpus",
        "prose46": EVALSETS / "prose46" / "corpus",
        "tables45": EVALSETS / "tables45" / "corpus",
        "catalog45": EVALSETS / "catalog45" / "corpus",
        "prose47": EVALSETS / "prose47" / "corpus",
        "tables46": EVALSETS / "tables46" / "corpus",
        "catalog46": EVALSETS / "catalog46" / "corpus",
        "prose48": EVALSETS / "prose48" / "corpus",
        "tables47": EVALSETS / "tables47" / "corpus",
        "prose49": EVALSETS / "prose49" / "corpus",
        "tables48": EVALSETS / "tables48" / "corpus",
    }


def load_docs(root: Path) -> dict[str, Document]:
    files, problems = scan(root)
    assert not problems, problems
    docs = {}
    for src in files:
        for d in iter_documents(src):
            assert isinstance(d, Document), d
            docs[d.doc_id] = d
    return docs


def present() -> list[str]:
    return [s for s in SETS if (EVALSETS / s / "test.jsonl").is_file()]


def frozen(name: str) -> list[str]:
    """The frozen test splits of a set: `test`, and `test2` to `test11` (each written after the
    one before it, most after it was read) where they exist."""
    return [s for s in FROZEN_SPLITS if (EVALSETS / name / f"{s}.jsonl").is_file()]


FROZEN = [(name, split) for name in present() for split in frozen(name)]


@pytest.mark.parametrize("name", SETS)
def test_every_set_has_readme_dev_and_frozen_test(name):
    folder = EVALSETS / name
    for f in ("README.md", "dev.jsonl", "test.jsonl", "test.jsonl.sha256"):
        assert (folder / f).is_file(), f"{folder / f} is missing"


@pytest.mark.parametrize(("name", "split"), FROZEN)
def test_frozen_test_split_matches_its_checksum(name, split):
    folder = EVALSETS / name
    recorded = (folder / f"{split}.jsonl.sha256").read_text().split()
    actual = hashlib.sha256((folder / f"{split}.jsonl").read_bytes()).hexdigest()
    assert recorded[0] == actual, (
        f"{name}/{split}.jsonl changed: a frozen test split is written once. If this change is "
        f"deliberate, update {split}.jsonl.sha256 in the same commit and say why in the README."
    )
    assert recorded[1:] == [f"{split}.jsonl"]


@pytest.mark.parametrize(("name", "split"), FROZEN)
def test_splits_are_valid_and_evidence_exists(name, split, corpora):
    docs = load_docs(corpora[name])
    earlier = [q for s in ("dev", *frozen(name)) if s != split
               for q in load_qa(EVALSETS / name / f"{s}.jsonl", corpus_ids=docs)]
    test = load_qa(EVALSETS / name / f"{split}.jsonl", corpus_ids=docs)
    assert len(test) >= MIN_TEST
    assert not {q.id for q in earlier} & {q.id for q in test}
    norm = lambda s: " ".join(answer_tokens(s))  # noqa: E731
    assert not {norm(q.question) for q in earlier} & {norm(q.question) for q in test}
    for q in earlier + test:
        assert bool(q.evidence) == q.answerable, q.id
        if q.options:
            assert len(q.evidence) >= 1, q.id
    types = {q.type for q in test}
    assert "unanswerable" in types and len(types) >= 4


@pytest.mark.parametrize("name", present())
def test_gold_answers_occur_in_their_evidence(name, corpora):
    docs = load_docs(corpora[name])
    missing = []
    for split in ("dev", *frozen(name)):
        for q in load_qa(EVALSETS / name / f"{split}.jsonl"):
            if not q.answerable or q.meta.get("derived"):
                continue
            text = answer_tokens("\n".join(f"{docs[e].title}\n{docs[e].text}" for e in q.evidence))
            if not any(contains_tokens(text, answer_tokens(a)) for a in q.answers):
                missing.append(f"{split}:{q.id} {q.answers}")
    assert not missing, missing


@pytest.mark.parametrize("command", [["scripts/build_catalog4.py", "check"], ["evalsets/prose6/check.py"],
                                     ["evalsets/tables5/check.py"], ["scripts/build_catalog5.py", "check"],
                                     ["evalsets/prose7/check.py"], ["evalsets/tables6/check.py"],
                                     ["scripts/build_catalog6.py", "check"], ["evalsets/prose8/check.py"],
                                     ["evalsets/tables7/check.py"], ["scripts/build_catalog7.py", "check"],
                                     ["evalsets/prose9/check.py"], ["evalsets/tables8/check.py"],
                                     ["scripts/build_catalog8.py", "check"], ["evalsets/prose10/check.py"],
                                     ["evalsets/tables9/check.py"],
                                     ["scripts/build_catalog9.py", "check"], ["evalsets/prose11/check.py"],
                                     ["evalsets/tables10/check.py"],
                                     ["scripts/build_catalog10.py", "check"], ["evalsets/prose12/check.py"],
                                     ["evalsets/tables11/check.py"],
                                     ["scripts/build_catalog11.py", "check"], ["evalsets/prose13/check.py"],
                                     ["evalsets/tables12/check.py"],
                                     ["scripts/build_catalog12.py", "check"], ["evalsets/prose14/check.py"],
                                     ["evalsets/tables13/check.py"],
                                     ["scripts/build_catalog13.py", "check"], ["evalsets/prose15/check.py"],
                                     ["evalsets/tables14/check.py"],
                                     ["scripts/build_catalog14.py", "check"], ["evalsets/prose16/check.py"],
                                     ["evalsets/tables15/check.py"],
                                     ["scripts/build_catalog15.py", "check"], ["evalsets/prose17/check.py"],
                                     ["evalsets/tables16/check.py"],
                                     ["scripts/build_catalog16.py", "check"], ["evalsets/prose18/check.py"],
                                     ["evalsets/tables17/check.py"],
                                     ["scripts/build_catalog17.py", "check"], ["evalsets/prose19/check.py"],
                                     ["evalsets/tables18/check.py"],
                                     ["scripts/build_catalog18.py", "check"], ["evalsets/prose20/check.py"],
                                     ["evalsets/tables19/check.py"],
                                     ["scripts/build_catalog19.py", "check"], ["evalsets/prose21/check.py"],
                                     ["evalsets/tables20/check.py"],
                                     ["scripts/build_catalog20.py", "check"], ["evalsets/prose22/check.py"],
                                     ["evalsets/tables21/check.py"],
                                     ["scripts/build_catalog21.py", "check"], ["evalsets/prose23/check.py"],
                                     ["evalsets/tables22/check.py"],
                                     ["scripts/build_catalog22.py", "check"], ["evalsets/prose24/check.py"],
                                     ["evalsets/tables23/check.py"],
                                     ["scripts/build_catalog23.py", "check"], ["evalsets/prose25/check.py"],
                                     ["evalsets/tables24/check.py"],
                                     ["scripts/build_catalog24.py", "check"], ["evalsets/prose26/check.py"],
                                     ["evalsets/tables25/check.py"],
                                     ["scripts/build_catalog25.py", "check"], ["evalsets/prose27/check.py"],
                                     ["evalsets/tables26/check.py"],
                                     ["scripts/build_catalog26.py", "check"], ["evalsets/prose28/check.py"],
                                     ["evalsets/tables27/check.py"],
                                     ["scripts/build_catalog27.py", "check"], ["evalsets/prose29/check.py"],
                                     ["evalsets/tables28/check.py"],
                                     ["scripts/build_catalog28.py", "check"], ["evalsets/prose30/check.py"],
                                     ["evalsets/tables29/check.py"],
                                     ["scripts/build_catalog29.py", "check"], ["evalsets/prose31/check.py"],
                                     ["evalsets/tables30/check.py"],
                                     ["scripts/build_catalog30.py", "check"], ["evalsets/prose32/check.py"],
                                     ["evalsets/tables31/check.py"],
                                     ["scripts/build_catalog31.py", "check"], ["evalsets/prose33/check.py"],
                                     ["evalsets/tables32/check.py"],
                                     ["scripts/build_catalog32.py", "check"], ["evalsets/prose34/check.py"],
                                     ["evalsets/tables33/check.py"],
                                     ["scripts/build_catalog33.py", "check"], ["evalsets/prose35/check.py"],
                                     ["evalsets/tables34/check.py"],
                                     ["scripts/build_catalog34.py", "check"], ["evalsets/prose36/check.py"],
                                     ["evalsets/tables35/check.py"],
                                     ["scripts/build_catalog35.py", "check"], ["evalsets/prose37/check.py"],
                                     ["evalsets/tables36/check.py"],
                                     ["scripts/build_catalog36.py", "check"], ["evalsets/prose38/check.py"],
                                     ["evalsets/tables37/check.py"],
                                     ["scripts/build_catalog37.py", "check"], ["evalsets/prose39/check.py"],
                                     ["evalsets/tables38/check.py"],
                                     ["scripts/build_catalog38.py", "check"], ["evalsets/prose40/check.py"],
                                     ["evalsets/tables39/check.py"],
                                     ["scripts/build_catalog39.py", "check"], ["evalsets/prose41/check.py"],
                                     ["evalsets/tables40/check.py"],
                                     ["scripts/build_catalog40.py", "check"], ["evalsets/prose42/check.py"],
                                     ["evalsets/tables41/check.py"],
                                     ["scripts/build_catalog41.py", "check"], ["evalsets/prose43/check.py"],
                                     ["evalsets/tables42/check.py"],
                                     ["scripts/build_catalog42.py", "check"], ["evalsets/prose44/check.py"],
                                     ["evalsets/tables43/check.py"],
                                     ["scripts/build_catalog43.py", "check"], ["evalsets/prose45/check.py"],
                                     ["evalsets/tables44/check.py"],
                                     ["scripts/build_catalog44.py", "check"], ["evalsets/prose46/check.py"],
                                     ["evalsets/tables45/check.py"],
                                     ["scripts/build_catalog45.py", "check"], ["evalsets/prose47/check.py"],
                                     ["evalsets/tables46/check.py"],
                                     ["scripts/build_catalog46.py", "check"], ["evalsets/catalog46/check.py"],
                                     ["evalsets/prose48/check.py"], ["evalsets/tables47/check.py"],
                                     ["evalsets/prose49/check.py"], ["evalsets/tables48/check.py"]])
def test_later_sets_pass_their_own_checks(command):
    """catalog4 to tables48 carry the checks they were frozen with (pages rendered from
    the committed snapshot, gold in evidence, scoring verdicts, unanswerables absent)."""
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_catalog_gold_answers_are_right_for_the_pinned_versions(builder):
    pkgs = {p.key: p for p in builder.installed_packages()}
    by_name = {p.name: p for p in pkgs.values()}
    absent = builder.absent_names("test12")
    for split in ("dev", *frozen("catalog")):
        for q in load_qa(EVALSETS / "catalog" / f"{split}.jsonl"):
            kind = q.meta["kind"]
            ev = [pkgs[e.split("/", 1)[1]] for e in q.evidence]
            if kind == "version":
                assert q.answers == [ev[0].version], q.id
            elif kind == "licence":
                assert q.answers == [ev[0].licence], q.id
            elif kind == "python":
                assert q.answers[0] == ev[0].requires_python, q.id
            elif kind == "reverse":
                same = [p for p in pkgs.values() if p.summary and p.summary.lower().rstrip(".") in q.question.lower()]
                assert [p.name for p in same] == q.answers, q.id
            elif kind == "reverse-deps":  # named by its whole dependency list
                deps = builder.question_fields(kind, q.question)["deps"]
                names = {builder.canonical(d) for d in re.split(r", | and ", deps)}
                assert names == by_name[q.answers[0]].mentioned(), q.id
                assert [p.name for p in pkgs.values() if names <= p.mentioned()] == q.answers, q.id
            elif kind in _KINDS2_ANSWERED:  # test7 on: extras, markers, a lone dependency, ...
                _check_kinds2_gold(builder, q, ev, pkgs, by_name)
            elif kind in _KINDS3_ANSWERED:  # test8 on: counts, summary words, newer, ...
                _check_kinds3_gold(builder, q, ev, pkgs, by_name)
            elif kind in _KINDS4_ANSWERED:  # test9 on: the one package with a dependency, ...
                _check_kinds4_gold(builder, q, ev, pkgs)
            elif kind in _KINDS5_ANSWERED:  # test10 on: licence of the package with X, counts, ...
                _check_kinds5_gold(builder, q, ev, pkgs, by_name)
            elif kind in _KINDS6_ANSWERED:  # test11 on: two-page lookups, superlatives, ...
                _check_kinds6_gold(builder, q, ev, pkgs, by_name)
            elif kind in _KINDS7_ANSWERED:  # test12 on: pair lookups, shared counts, groups, ...
                _check_kinds7_gold(builder, q, ev, pkgs, by_name)
            elif kind == "requires":  # every wording ends in the package required
                a, b = by_name[q.answers[0]], next(by_name[o] for o in q.options if o != q.answers[0])
                needed = q.question.rsplit(" ", 1)[1].rstrip("?")
                assert builder.canonical(needed) in a.unconditional(), q.id
                assert builder.canonical(needed) not in b.mentioned(), q.id
            elif kind.startswith("filter-"):
                f = builder.question_fields(kind, q.question)  # in any wording of its kind
                assert f is not None, q.id
                group = [p for p in pkgs.values() if "lic" not in f or p.licence == f["lic"]]
                if kind == "filter-noextras":  # every package whose licence names the licence
                    words = builder.licence_words(f["lic"])
                    group = [p for p in pkgs.values() if builder.licence_words(p.licence) & words]
                if kind == "filter-requires":
                    x = builder.canonical(f["x"])
                    hits = [p for p in group if x in p.unconditional()]
                    assert all(x not in p.mentioned() for p in group if p not in hits)
                elif kind == "filter-nodeps":
                    hits = [p for p in group if not p.requires]
                elif kind == "filter-version":
                    hits = [p for p in group if p.version == f["v"]]
                elif kind == "filter-extra":
                    hits = [p for p in group if f["e"] in p.extras]
                elif kind == "filter-python":
                    hits = [p for p in group if p.requires_python == f["spec"]]
                elif kind == "filter-extra-any":  # nor an extra one could take for it
                    hits = [p for p in group if f["e"] in p.extras]
                    near = [p for p in group if any(x.startswith(f["e"]) or f["e"].startswith(x)
                                                    for x in p.extras)]
                    assert near == hits, q.id
                elif kind == "filter-noextras":
                    hits = [p for p in group if not p.extras]
                else:
                    assert kind == "filter-both", q.id
                    both = {builder.canonical(f["x"]), builder.canonical(f["y"])}
                    hits = [p for p in group if both <= p.unconditional()]
                    assert [p for p in group if both <= p.mentioned()] == hits, q.id
                assert [p.name for p in hits] == q.answers, q.id
            elif kind == "absent-package":
                words = f" {re.sub(r'[^a-z0-9]+', ' ', q.question.lower())} "
                named = [n for n in absent if f" {n} " in words]
                assert len(named) == 1 and builder.canonical(named[0]) not in pkgs, q.id
            else:
                assert kind == "absent-attribute", q.id


# the answered kinds of fact added with test7 that are not filters (`_KINDS2_Q`)
_KINDS2_ANSWERED = ("extra", "requires-one", "marker", "reverse-extras", "reverse-licence",
                    "extra-of", "licence-of", "python-of")


def _check_kinds2_gold(builder, q, ev, pkgs, by_name) -> None:
    """A gold answer of a test7 kind against the pinned metadata."""
    kind = q.meta["kind"]
    f = builder.question_fields(kind, q.question)
    assert f is not None, q.id
    if kind == "extra":  # the one extra
        assert f["name"] == ev[0].name and ev[0].extras == q.answers, q.id
    elif kind == "requires-one":  # the one requirement, unconditional
        assert f["name"] == ev[0].name and [r.name for r in ev[0].requires] == q.answers, q.id
        assert not ev[0].requires[0].marker, q.id
    elif kind == "marker":  # the marker as written, and the version or platform it names
        reqs = [r for r in ev[0].requires if builder.canonical(r.name) == builder.canonical(f["y"])]
        assert f["name"] == ev[0].name and len(reqs) == 1 and reqs[0].marker, q.id
        assert q.answers[0] == reqs[0].marker and q.answers[1] in reqs[0].marker, q.id
        assert re.fullmatch(rf"""\w+\s*[<=]=?\s*["']{re.escape(q.answers[1])}["']""",
                            reqs[0].marker), q.id
    elif kind == "reverse-extras":  # its extras as the pages list them; no other has them all
        extras = f["extras"].split(", ")
        assert extras == by_name[q.answers[0]].extras, q.id
        assert [p.name for p in pkgs.values() if set(extras) <= set(p.extras)] == q.answers, q.id
    elif kind == "reverse-licence":  # no other package under it, nor under all it names
        words = builder.licence_words(f["lic"])
        assert [p.name for p in pkgs.values() if p.licence == f["lic"]] == q.answers, q.id
        assert [p.name for p in pkgs.values()
                if words <= builder.licence_words(p.licence)] == q.answers, q.id
    else:  # which of A or B: A has it, B has neither it nor anything one could take for it
        a = by_name[q.answers[0]]
        b = next(by_name[o] for o in q.options if o != q.answers[0])
        assert sorted(q.options) == sorted([f["first"], f["second"]]), q.id
        if kind == "extra-of":
            assert f["e"] in a.extras and b.extras, q.id
            assert not [x for x in b.extras if x.startswith(f["e"]) or f["e"].startswith(x)], q.id
        elif kind == "licence-of":
            assert a.licence == f["lic"] and b.licence, q.id
            assert not builder.licence_words(a.licence) & builder.licence_words(b.licence), q.id
        else:
            assert kind == "python-of", q.id
            assert a.requires_python == f["spec"] and b.requires_python, q.id
            norm = builder.python_norm
            assert norm(a.requires_python) != norm(b.requires_python), q.id


# the answered kinds of fact added with test8 (`_KINDS3_Q`)
_KINDS3_ANSWERED = ("summary-word", "extras-count", "deps-count", "version-cmp", "python-cmp",
                    "filter-python-extra", "filter-python-requires")


def _check_kinds3_gold(builder, q, ev, pkgs, by_name) -> None:
    """A gold answer of a test8 kind against the pinned metadata."""
    kind = q.meta["kind"]
    f = builder.question_fields(kind, q.question)
    assert f is not None, q.id
    if kind == "summary-word":  # in one summary, on no other page, in no package name
        w = f["w"]
        assert w in builder.summary_words(ev[0]) and [ev[0].name] == q.answers, q.id
        assert [p.name for p in pkgs.values() if w in builder.page_words(p)] == q.answers, q.id
        assert not [p for p in pkgs.values() if w in re.findall(r"[a-z0-9]+", p.name.lower())]
    elif kind in ("extras-count", "deps-count"):  # counted from the list every layout writes
        n = len(ev[0].extras) if kind == "extras-count" else len(ev[0].requires)
        assert f["name"] == ev[0].name and q.answers[0] == str(n) and q.meta["derived"], q.id
        if kind == "deps-count":
            assert len(ev[0].mentioned()) == n and not any(r.marker for r in ev[0].requires)
    elif kind in ("version-cmp", "python-cmp"):  # A's is higher, and differs from B's
        a = by_name[q.answers[0]]
        b = next(by_name[o] for o in q.options if o != q.answers[0])
        assert sorted(q.options) == sorted([f["first"], f["second"]]), q.id
        if kind == "version-cmp":
            va, vb = builder.release_tuple(a.version), builder.release_tuple(b.version)
        else:
            va, vb = builder.min_python(a.requires_python), builder.min_python(b.requires_python)
        assert va is not None and vb is not None and va > vb, q.id
    else:  # the one package with that Python requirement and extra E (nor one like it) / X
        group = [p for p in pkgs.values()
                 if p.requires_python and builder.python_norm(p.requires_python) == f["spec"]]
        if kind == "filter-python-extra":
            hits = [p for p in group if f["e"] in p.extras]
            near = [p for p in group if any(x.startswith(f["e"]) or f["e"].startswith(x)
                                            for x in p.extras)]
            assert near == hits, q.id
        else:
            x = builder.canonical(f["x"])
            hits = [p for p in group if x in p.unconditional()]
            assert [p for p in group if x in p.mentioned()] == hits, q.id
        assert [p.name for p in hits] == q.answers, q.id


# the answered kinds of fact added with test9 (`_KINDS4_Q`)
_KINDS4_ANSWERED = ("reverse-requires", "reverse-python")


def _check_kinds4_gold(builder, q, ev, pkgs) -> None:
    """A gold answer of a test9 kind against the pinned metadata."""
    kind = q.meta["kind"]
    f = builder.question_fields(kind, q.question)
    assert f is not None and [ev[0].name] == q.answers, q.id
    if kind == "reverse-requires":  # the one package whose requirements name X, as it writes X
        x = builder.canonical(f["x"])
        assert f["x"] in [r.name for r in ev[0].requires], q.id
        assert [p.name for p in pkgs.values() if x in p.mentioned()] == q.answers, q.id
    else:  # the one package with that Python requirement, spaces and trailing .0 aside
        assert kind == "reverse-python" and f["spec"] == ev[0].requires_python, q.id
        norm = builder.python_norm
        assert [p.name for p in pkgs.values()
                if p.requires_python and norm(p.requires_python) == norm(f["spec"])] == q.answers


# the answered kinds of fact added with test10 (`_KINDS5_Q`)
_KINDS5_ANSWERED = ("licence-of-dependent", "python-of-dependent", "licence-of-extra",
                    "python-of-extra", "marker-count", "reverse-extras-count",
                    "reverse-same-extras", "extras-more", "deps-more", "shared-extra",
                    "shared-dependency", "filter-extra-pair", "filter-requires-extra",
                    "filter-nodeps-extra", "licence-count", "python-count")


def _near_extra(p, e: str) -> bool:
    """Whether a package has extra E or one that begins E or that E begins."""
    return any(x.startswith(e) or e.startswith(x) for x in p.extras)


def _check_kinds5_gold(builder, q, ev, pkgs, by_name) -> None:
    """A gold answer of a test10 kind against the pinned metadata."""
    kind = q.meta["kind"]
    f = builder.question_fields(kind, q.question)
    canon = builder.canonical
    assert f is not None, q.id
    if kind.endswith(("-of-dependent", "-of-extra")):  # the one package with X / E, its field
        p = ev[0]
        if kind.endswith("-of-dependent"):  # X as its page writes it; no other page names X
            assert f["x"] in [r.name for r in p.requires], q.id
            assert [o for o in pkgs.values() if canon(f["x"]) in o.mentioned()] == [p], q.id
        else:  # E, and no other package has E or one like it
            assert f["e"] in p.extras, q.id
            assert [o for o in pkgs.values() if _near_extra(o, f["e"])] == [p], q.id
        if kind.startswith("licence-"):  # as the page writes it, or without "License"
            assert q.answers[0] == p.licence and all(a in p.licence for a in q.answers), q.id
        else:
            assert re.fullmatch(r">=\s*3\.\d+(\.\d+)?", p.requires_python), q.id
            assert q.answers == [p.requires_python, p.requires_python.lstrip(">= ")], q.id
    elif kind == "marker-count":  # requirements the page writes with a marker
        n = sum(bool(r.marker) for r in ev[0].requires)
        assert f["name"] == ev[0].name and q.answers[0] == str(n) and q.meta["derived"], q.id
    elif kind == "reverse-extras-count":  # no other package has that many
        n = int(f["n"])
        assert [p.name for p in pkgs.values() if len(p.extras) == n] == q.answers, q.id
        assert q.meta["derived"], q.id
    elif kind == "reverse-same-extras":  # the one other package with the same extras
        ref = by_name[f["name"]]
        assert len(ref.extras) >= 2 and ev[1] is ref, q.id
        assert [p.name for p in pkgs.values()
                if p is not ref and set(p.extras) == set(ref.extras)] == q.answers, q.id
    elif kind in ("extras-more", "deps-more"):  # A lists more than B (B some extras)
        a = by_name[q.answers[0]]
        b = next(by_name[o] for o in q.options if o != q.answers[0])
        assert sorted(q.options) == sorted([f["first"], f["second"]]) and q.meta["derived"], q.id
        if kind == "extras-more":
            assert b.extras and len(a.extras) > len(b.extras), q.id
        else:  # distinct names, none conditional
            for p in (a, b):
                assert not any(r.marker for r in p.requires), q.id
                assert len(p.mentioned()) == len(p.requires), q.id
            assert len(a.requires) > len(b.requires), q.id
    elif kind == "shared-extra":  # the one extra both have, and no other pair alike
        a, b = ev
        assert sorted([a.name, b.name]) == sorted([f["first"], f["second"]]), q.id
        assert [e for e in a.extras if e in b.extras] == q.answers, q.id
        assert [(x, y) for x in a.extras for y in b.extras
                if x.startswith(y) or y.startswith(x)] == [(q.answers[0], q.answers[0])], q.id
    elif kind == "shared-dependency":  # the one package both name, unconditional in both
        a, b = ev
        assert sorted([a.name, b.name]) == sorted([f["first"], f["second"]]), q.id
        x = canon(q.answers[0])
        assert a.mentioned() & b.mentioned() == {x}, q.id
        assert x in a.unconditional() and x in b.unconditional(), q.id
        assert all(canon(w) == x for w in q.answers), q.id
    elif kind == "filter-extra-pair":  # each extra (or one like it) elsewhere; both only here
        for e in (f["e"], f["e2"]):
            assert e in ev[0].extras, q.id
            assert [p for p in pkgs.values() if p is not ev[0] and _near_extra(p, e)], q.id
        hits = [p.name for p in pkgs.values()
                if _near_extra(p, f["e"]) and _near_extra(p, f["e2"])]
        assert hits == q.answers, q.id
    elif kind in ("filter-requires-extra", "filter-nodeps-extra"):  # the one in the group
        if kind == "filter-requires-extra":
            x = canon(f["x"])
            assert x in ev[0].unconditional(), q.id
            group = [p for p in pkgs.values() if x in p.mentioned()]
        else:
            group = [p for p in pkgs.values() if not p.requires]
        assert len(group) >= 2 and f["e"] in ev[0].extras, q.id
        assert [p for p in pkgs.values() if p not in group and _near_extra(p, f["e"])], q.id
        assert [p.name for p in group if _near_extra(p, f["e"])] == q.answers, q.id
    else:  # how many packages: every one with the licence or requirement, as written
        assert kind in ("licence-count", "python-count") and q.meta["derived"], q.id
        if kind == "licence-count":
            group = [p for p in pkgs.values() if p.licence == f["lic"]]
            words = builder.licence_words(f["lic"])
            assert words and [p for p in pkgs.values()
                              if builder.licence_words(p.licence) & words] == group, q.id
        else:
            group = [p for p in pkgs.values() if p.requires_python == f["spec"]]
            norm = builder.python_norm
            assert [p for p in pkgs.values() if p.requires_python
                    and norm(p.requires_python) == norm(f["spec"])] == group, q.id
        assert q.answers[0] == str(len(group)) and ev == group, q.id


# the answered kinds of fact added with test11 (`_KINDS6_Q`)
_KINDS6_ANSWERED = ("licence-of-dependency", "python-of-dependency", "licence-of-shared",
                    "python-of-shared", "unconditional-count", "reverse-conditional",
                    "reverse-dependents-count", "most-dependents", "most-extras", "most-markers",
                    "lowest-version", "dependency-of", "nodeps-of", "noextras-of", "markers-more",
                    "dependents-count", "extra-holders-count", "filter-requires-noextras",
                    "filter-extra-nodeps")


def _check_kinds6_gold(builder, q, ev, pkgs, by_name) -> None:
    """A gold answer of a test11 kind against the pinned metadata."""
    kind = q.meta["kind"]
    f = builder.question_fields(kind, q.question)
    canon = builder.canonical
    assert f is not None, q.id

    def dependents(x: str) -> list:
        return [p for p in pkgs.values() if x in p.mentioned()]

    def markers(p) -> int:
        return sum(bool(r.marker) for r in p.requires)

    if kind.endswith(("-of-dependency", "-of-shared")):  # the field of the package named by others
        x = ev[0]
        if kind.endswith("-of-dependency"):  # Y lists one requirement, unconditional: X
            y = by_name[f["y"]]
            assert ev[1:] == [y] and len(y.requires) == 1 and not y.requires[0].marker, q.id
            assert canon(y.requires[0].name) == x.key, q.id
        else:  # A and B mention X and nothing else in common, both unconditionally
            a, b = by_name[f["first"]], by_name[f["second"]]
            assert ev[1:] == [a, b] and a.mentioned() & b.mentioned() == {x.key}, q.id
            assert x.key in a.unconditional() and x.key in b.unconditional(), q.id
        if kind.startswith("licence-"):  # as the page writes it, or without "License"
            assert q.answers[0] == x.licence and all(a in x.licence for a in q.answers), q.id
        else:
            assert re.fullmatch(r">=\s*3\.\d+(\.\d+)?", x.requires_python), q.id
            assert q.answers == [x.requires_python, x.requires_python.lstrip(">= ")], q.id
    elif kind == "unconditional-count":  # requirements without a marker; some have one
        p = ev[0]
        n = sum(not r.marker for r in p.requires)
        assert f["name"] == p.name and markers(p) and len(p.mentioned()) == len(p.requires), q.id
        assert q.answers[0] == str(n) and n and q.meta["derived"], q.id
    elif kind == "reverse-conditional":  # the one package that lists X with a marker
        x = canon(f["x"])
        reqs = [r for r in ev[0].requires if canon(r.name) == x]
        assert [ev[0].name] == q.answers and len(reqs) == 1 and reqs[0].name == f["x"], q.id
        assert [p.name for p in pkgs.values()
                if any(canon(r.name) == x and r.marker for r in p.requires)] == q.answers, q.id
    elif kind == "reverse-dependents-count":  # exactly N packages require it, unconditionally
        x = canon(q.answers[0])
        group = dependents(x)
        assert all(canon(a) == x for a in q.answers) and q.meta["derived"], q.id
        assert str(len(group)) == f["n"] and all(x in p.unconditional() for p in group), q.id
        names = {d for p in pkgs.values() for d in p.mentioned()}
        assert [d for d in sorted(names) if len(dependents(d)) == len(group)] == [x], q.id
        assert ev == ([pkgs[x]] if x in pkgs else []) + group, q.id
    elif kind in ("most-dependents", "most-extras", "most-markers", "lowest-version"):
        assert q.meta["derived"] and len(ev) == 1, q.id
        if kind == "most-dependents":  # with or without a marker
            score = {d: len(dependents(d)) for p in pkgs.values() for d in p.mentioned()}
        elif kind == "most-extras":
            score = {p.key: len(p.extras) for p in pkgs.values()}
        elif kind == "most-markers":
            score = {p.key: markers(p) for p in pkgs.values()}
        else:  # the lowest release, trailing zeros aside
            def padded(v):
                return v + (0,) * (8 - len(v))

            score = {p.key: tuple(-x for x in padded(builder.release_tuple(p.version)))
                     for p in pkgs.values()}
        top = max(score.values())
        assert [k for k, v in score.items() if v == top] == [ev[0].key], q.id
        assert all(canon(a) == ev[0].key for a in q.answers) and ev[0].name in q.answers, q.id
    elif kind in ("dependency-of", "nodeps-of", "noextras-of", "markers-more"):
        a = by_name[q.answers[0]]
        b = next(by_name[o] for o in q.options if o != q.answers[0])
        assert sorted(q.options) == sorted([f["first"], f["second"]]), q.id
        if kind == "dependency-of":  # Y lists A; B is not among what Y requires, at any depth
            y = by_name[f["y"]]
            assert a.key in y.mentioned() and ev == [y, a, b], q.id
            closure, todo = set(), list(y.mentioned())
            while todo:
                d = todo.pop()
                if d not in closure:
                    closure.add(d)
                    todo += list(pkgs[d].mentioned()) if d in pkgs else []
            assert b.key not in closure and b is not y, q.id
        elif kind == "nodeps-of":
            assert not a.requires and b.unconditional(), q.id
        elif kind == "noextras-of":
            assert not a.extras and b.extras, q.id
        else:
            assert b.requires and markers(a) > markers(b) and q.meta["derived"], q.id
    elif kind in ("dependents-count", "extra-holders-count"):  # how many packages, all named
        if kind == "dependents-count":  # every one unconditionally
            x = canon(f["x"])
            group = dependents(x)
            assert all(x in p.unconditional() for p in group), q.id
        else:  # and no package has an extra one could take for it
            group = [p for p in pkgs.values() if f["e"] in p.extras]
            near = [p for p in pkgs.values() if _near_extra(p, f["e"])]
            assert near == group and all(x == f["e"] for p in group for x in p.extras
                                         if x.startswith(f["e"]) or f["e"].startswith(x)), q.id
        assert q.answers[0] == str(len(group)) and ev == group and q.meta["derived"], q.id
    else:  # the one package of the group without extras / without requirements
        if kind == "filter-requires-noextras":
            x = canon(f["x"])
            group = dependents(x)
            hits = [p for p in group if not p.extras]
            assert x in ev[0].unconditional(), q.id
        else:
            assert kind == "filter-extra-nodeps", q.id
            assert len([p for p in pkgs.values() if f["e"] in p.extras]) >= 2, q.id
            group = [p for p in pkgs.values() if _near_extra(p, f["e"])]
            hits = [p for p in group if not p.requires]
            assert f["e"] in ev[0].extras, q.id
        assert len(group) >= 2 and [p.name for p in hits] == q.answers == [ev[0].name], q.id


# the answered kinds of fact added with test12 (`_KINDS7_Q`)
_KINDS7_ANSWERED = ("licence-of-pair", "python-of-pair", "extras-count-of-pair",
                    "requirements-count-of-pair", "shared-deps-count", "shared-extras-count",
                    "most-requirements", "highest-version", "most-shared-deps", "dep-most-extras",
                    "dep-highest-version", "version-lower", "python-older", "extras-fewer",
                    "licence-requires-count", "licence-extras-count", "licence-nodeps-count",
                    "licence-most-extras", "licence-highest-version", "python-requires-count",
                    "python-extras-count", "python-nodeps-count", "python-most-extras",
                    "python-highest-version")


def _release(builder, version: str):
    """A version's release segments padded with zeros (1.2 = 1.2.0), None if it has none."""
    r = builder.release_tuple(version)
    return r + (0,) * (8 - len(r)) if r else None


def _only_top(score: dict, key) -> None:
    """`key` has the highest score of `score`, and no other package has it."""
    top = max(score.values())
    assert [k for k, v in score.items() if v == top] == [key], (score, key)


def _check_kinds7_gold(builder, q, ev, pkgs, by_name) -> None:
    """A gold answer of a test12 kind against the pinned metadata."""
    kind = q.meta["kind"]
    f = builder.question_fields(kind, q.question)
    canon = builder.canonical
    assert f is not None, q.id
    if kind.endswith("-of-pair"):  # the one package that requires X and Y (no other mentions both)
        p = ev[0]
        both = {canon(f["x"]), canon(f["y"])}
        assert len(ev) == 1 and both <= p.unconditional(), q.id
        assert [o for o in pkgs.values() if both <= o.mentioned()] == [p], q.id
        assert {r.name for r in p.requires} >= {f["x"], f["y"]}, q.id  # as its page writes them
        if kind == "licence-of-pair":
            assert q.answers[0] == p.licence and all(a in p.licence for a in q.answers), q.id
        elif kind == "python-of-pair":
            assert re.fullmatch(r">=\s*3\.\d+(\.\d+)?", p.requires_python), q.id
            assert q.answers == [p.requires_python, p.requires_python.lstrip(">= ")], q.id
        elif kind == "extras-count-of-pair":
            assert q.answers[0] == str(len(p.extras)) and q.meta["derived"], q.id
        else:
            assert len(p.mentioned()) == len(p.requires), q.id
            assert q.answers[0] == str(len(p.requires)) and q.meta["derived"], q.id
    elif kind in ("shared-deps-count", "shared-extras-count"):  # two or more in common
        a, b = by_name[f["first"]], by_name[f["second"]]
        assert ev == [a, b] and q.meta["derived"], q.id
        if kind == "shared-deps-count":
            common = a.mentioned() & b.mentioned()
        else:
            common = set(a.extras) & set(b.extras)
        assert len(common) >= 2 and q.answers[0] == str(len(common)), q.id
    elif kind in ("most-requirements", "highest-version"):  # over the whole catalog, no tie
        assert q.meta["derived"] and len(ev) == 1 and q.answers == [ev[0].name], q.id
        if kind == "most-requirements":
            assert len(ev[0].mentioned()) == len(ev[0].requires), q.id
            _only_top({p.key: len(p.requires) for p in pkgs.values()}, ev[0].key)
        else:
            _only_top({p.key: _release(builder, p.version) for p in pkgs.values()
                       if _release(builder, p.version)}, ev[0].key)
    elif kind in ("most-shared-deps", "dep-most-extras", "dep-highest-version"):
        x = by_name[f["name"]]
        assert q.meta["derived"] and ev == [ev[0], x] and q.answers == [ev[0].name], q.id
        if kind == "most-shared-deps":  # the most requirements in common with X, 2 or more
            score = {p.key: len(p.mentioned() & x.mentioned()) for p in pkgs.values()
                     if p is not x}
            assert score[ev[0].key] >= 2, q.id
        else:  # among X's requirements, every one with a page
            assert len(x.mentioned()) >= 2 and x.mentioned() <= set(pkgs), q.id
            deps = [pkgs[d] for d in x.mentioned()]
            if kind == "dep-most-extras":
                score = {p.key: len(p.extras) for p in deps}
            else:
                score = {p.key: _release(builder, p.version) for p in deps}
        _only_top(score, ev[0].key)
    elif kind in ("version-lower", "python-older", "extras-fewer"):
        a = by_name[q.answers[0]]
        b = next(by_name[o] for o in q.options if o != q.answers[0])
        assert sorted(q.options) == sorted([f["first"], f["second"]]) and ev == [a, b], q.id
        if kind == "version-lower":  # compared as versions
            assert _release(builder, a.version) < _release(builder, b.version), q.id
        elif kind == "python-older":  # >=3.N both, minors apart
            pa, pb = builder.min_python(a.requires_python), builder.min_python(b.requires_python)
            assert pa is not None and pb is not None and pa < pb, q.id
        else:
            assert a.extras and len(a.extras) < len(b.extras) and q.meta["derived"], q.id
    else:  # a group by licence or Python requirement; read alike under the wider reading
        field = "lic" if kind.startswith("licence-") else "spec"
        value = f[field]
        if field == "lic":
            group = [p for p in pkgs.values() if p.licence == value]
            words = builder.licence_words(value)
            wider = [p for p in pkgs.values() if builder.licence_words(p.licence) & words]
        else:
            norm = builder.python_norm
            group = [p for p in pkgs.values() if norm(p.requires_python) == value]
            wider = [p for p in pkgs.values()
                     if builder.min_python(p.requires_python) == builder.min_python(value)
                     or value in p.requires_python.replace(" ", "")]
        assert len(group) >= 2 and all(p in wider for p in group) and q.meta["derived"], q.id
        if kind.endswith(("-requires-count", "-extras-count", "-nodeps-count")):
            if kind.endswith("-requires-count"):  # every one unconditionally; one outside too
                x = canon(f["x"])

                def test(p):
                    return x in p.mentioned()

                assert any(x in p.mentioned() for p in pkgs.values() if p not in wider), q.id
                assert all(x in p.unconditional() for p in group if test(p)), q.id
            elif kind.endswith("-extras-count"):
                def test(p):
                    return bool(p.extras)
            else:
                def test(p):
                    return not p.requires
            hits = [p for p in group if test(p)]
            assert [p for p in wider if test(p)] == hits == ev, q.id
            if kind.endswith("-requires-count"):
                assert 2 <= len(hits) <= 12, q.id
            else:  # some of the group, not all
                assert 1 <= len(hits) < len(group), q.id
            assert q.answers[0] == str(len(hits)), q.id
        else:  # the most extras / highest version over the wider group, under the value itself
            assert ev[0] in group and q.answers == [ev[0].name], q.id
            if kind.endswith("-most-extras"):
                score = {p.key: len(p.extras) for p in wider}
            else:
                score = {p.key: _release(builder, p.version) for p in wider
                         if _release(builder, p.version)}
            _only_top(score, ev[0].key)


def test_catalog_test2_asks_no_fact_dev_or_test_asks(builder):
    """test2 was generated after the first test split was read: fresh facts only."""
    rows = _catalog_splits("dev", "test", "test2")
    used = {builder._fact(it) for it in rows["dev"] + rows["test"]}
    assert not [it["id"] for it in rows["test2"] if builder._fact(it) in used]


def test_catalog_test3_asks_no_fact_dev_test_or_test2_asks(builder):
    """test3 was generated after test2 was read: facts none of dev, test and test2 asks, and no
    absent package any of them already named."""
    rows = _catalog_splits("dev", "test", "test2", "test3")
    earlier = rows["dev"] + rows["test"] + rows["test2"]
    used = {builder._fact(it) for it in earlier}
    assert not [it["id"] for it in rows["test3"] if builder._fact(it) in used]

    def absent(it):
        return _absent_named(it, builder.ABSENT)

    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    again = [it["id"] for it in rows["test3"] if it["kind"] == "absent-package" and absent(it) & named]
    assert not again


def _catalog_splits(*splits: str) -> dict[str, list[dict]]:
    folder = EVALSETS / "catalog"
    return {s: [json.loads(line) for line in (folder / f"{s}.jsonl").read_text().splitlines()]
            for s in splits}


def _absent_named(item: dict, names) -> set[str]:
    """The uninstalled packages among `names` an item's question names, as whole words."""
    words = f" {re.sub(r'[^a-z0-9]+', ' ', item['question'].lower())} "
    return {n for n in names if f" {n} " in words}


def _in_catalog_text(corpora, names) -> list[str]:
    """Those of `names` written anywhere in the built catalog pages, as whole words."""
    text = "\n".join(p.read_text() for p in (corpora["catalog"] / "packages").iterdir()).lower()
    return [n for n in names if re.search(rf"(?<![a-z0-9]){re.escape(n)}(?![a-z0-9])", text)]


def test_catalog_test4_asks_no_fact_an_earlier_split_asks(builder):
    """test4 was generated after test3 was read: facts none of dev, test, test2 and test3 asks,
    and no absent package any of them already named (ABSENT_LATER adds names from test4 on)."""
    splits = ("dev", "test", "test2", "test3", "test4")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    used = {builder._fact(it) for it in earlier}
    assert not [it["id"] for it in rows["test4"] if builder._fact(it) in used]
    names = builder.ABSENT + builder.ABSENT_LATER

    def absent(it):
        return _absent_named(it, names)

    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    test4 = [it for it in rows["test4"] if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in test4)
    assert not [it["id"] for it in test4 if absent(it) & named]
    assert len(set().union(*(absent(it) for it in test4))) == len(test4)
    pkgs = {p.key for p in builder.installed_packages()}
    assert not {builder.canonical(n) for n in builder.ABSENT_LATER} & pkgs


def test_catalog_test5_asks_no_fact_an_earlier_split_asks(builder, corpora):
    """test5 was generated after test4 was read: facts none of dev, test, test2, test3 and test4
    asks, and no absent package any of them already named, each named once."""
    splits = ("dev", "test", "test2", "test3", "test4", "test5")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    used = {builder._fact(it) for it in earlier}
    assert not [it["id"] for it in rows["test5"] if builder._fact(it) in used]
    names = builder.absent_names("test5")

    def absent(it):
        return _absent_named(it, names)

    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    test5 = [it for it in rows["test5"] if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in test5)
    assert not [it["id"] for it in test5 if absent(it) & named]
    asked = set().union(*(absent(it) for it in test5))
    assert len(asked) == len(test5)
    pkgs = {p.key for p in builder.installed_packages()}
    assert not {builder.canonical(n) for n in asked} & pkgs
    assert not _in_catalog_text(corpora, asked)


def test_catalog_test6_asks_no_fact_an_earlier_split_asks(builder, corpora):
    """test6 was generated after test5 was read, in the later wordings and fact kinds: facts
    none of dev and test to test5 asks in any wording (`_fact` reads a filter in a later wording
    as the earlier one, and leaves every earlier question as it is), and no absent package any
    of them already named, each named once (ABSENT_LATER2 adds names from test6 on)."""
    splits = ("dev", "test", "test2", "test3", "test4", "test5", "test6")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    test6 = rows["test6"]
    assert not [it["id"] for it in earlier
                if builder._base_wording(it["kind"], it["question"]) != it["question"]]
    assert not [it["id"] for it in test6  # every one in a wording of its kind
                if builder.question_fields(it["kind"], it["question"]) is None]
    used = {builder._fact(it) for it in earlier}
    assert not [it["id"] for it in test6 if builder._fact(it) in used]
    assert len({builder._fact(it) for it in test6}) == len(test6)
    names = builder.absent_names("test6")
    assert set(builder.absent_names("test5")) == set(names) - set(builder.ABSENT_LATER2)

    def absent(it):
        return _absent_named(it, names)

    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    gone = [it for it in test6 if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in gone)
    assert not [it["id"] for it in gone if absent(it) & named]
    asked = set().union(*(absent(it) for it in gone))
    assert len(asked) == len(gone)
    pkgs = {p.key for p in builder.installed_packages()}
    assert not {builder.canonical(n) for n in builder.ABSENT_LATER2} & pkgs
    assert not _in_catalog_text(corpora, builder.ABSENT_LATER2)


def test_catalog_test7_asks_no_fact_an_earlier_split_asks(builder, corpora):
    """test7 was generated after test6 was read, in the second fact kinds only (extras, markers,
    a lone dependency, licences and Python requirements told apart): no package fact an earlier
    split asks or states in any kind (`item_facts`), no fact twice or given away by another
    test7 question, and no absent package an earlier split named, each named once
    (ABSENT_LATER3 adds names from test7 on)."""
    splits = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    test7 = rows["test7"]
    pkgs = builder.installed_packages()
    assert {it["kind"] for it in test7} <= set(builder._KINDS2_Q)
    assert not {it["kind"] for it in earlier} & (set(builder._KINDS2_Q) - {
        "absent-package", "absent-attribute"})
    assert not [it["id"] for it in test7  # every one in a wording of its kind
                if builder.question_fields(it["kind"], it["question"]) is None]
    seen = set().union(*(a | s for a, s in (builder.item_facts(it, pkgs) for it in earlier)))
    facts = {it["id"]: builder.item_facts(it, pkgs) for it in test7}
    assert all(facts[it["id"]][0] for it in test7 if it["answers"])
    assert not [i for i, (asks, _) in facts.items() if asks & seen]
    for i, (asks, _) in facts.items():
        others = [a | s for j, (a, s) in facts.items() if j != i]
        assert not asks & set().union(*others), i
    names = builder.absent_names("test7")
    assert set(builder.absent_names("test6")) == set(names) - set(builder.ABSENT_LATER3)

    def absent(it):
        return _absent_named(it, names)

    assert not set().union(*(absent(it) for it in earlier)) & set(builder.ABSENT_LATER3)
    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    gone = [it for it in test7 if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in gone)
    assert not [it["id"] for it in gone if absent(it) & named]
    asked = set().union(*(absent(it) for it in gone))
    assert len(asked) == len(gone)
    keys = {p.key for p in pkgs}
    asked |= set(builder.ABSENT_LATER3)
    assert not {builder.canonical(n) for n in asked} & keys
    assert not _in_catalog_text(corpora, asked)


def test_catalog_test8_asks_no_fact_an_earlier_split_asks(builder, corpora):
    """test8 was generated after test7 was read, in the third fact kinds only (summary words,
    counts of extras and dependencies, higher version and newer Python, filters on a Python
    requirement): no package fact an earlier split asks or states (`item_facts`; a dependency
    count counts as asked where the whole list was), no fact twice or given away by another
    test8 question, and no absent package an earlier split named, each named once
    (ABSENT_LATER4 adds names from test8 on)."""
    splits = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    test8 = rows["test8"]
    pkgs = builder.installed_packages()
    assert {it["kind"] for it in test8} <= set(builder._KINDS3_Q)
    assert not {it["kind"] for it in earlier} & set(_KINDS3_ANSWERED)
    assert not [it["id"] for it in test8  # every one in a wording of its kind
                if builder.question_fields(it["kind"], it["question"]) is None]
    seen = set().union(*(a | s for a, s in (builder.item_facts(it, pkgs) for it in earlier)))
    for p in pkgs:
        if p.requires and {("requires", p.key, d) for d in p.mentioned()} <= seen:
            seen.add(("deps", p.key))
    facts = {it["id"]: builder.kinds3_facts(it, pkgs) for it in test8}
    assert all(facts[it["id"]][0] for it in test8 if it["answers"])
    assert not [i for i, (asks, _) in facts.items() if asks & seen]
    for i, (asks, _) in facts.items():
        others = [a | s for j, (a, s) in facts.items() if j != i]
        assert not asks & set().union(*others), i
    names = builder.absent_names("test8")
    assert set(builder.absent_names("test7")) == set(names) - set(builder.ABSENT_LATER4)

    def absent(it):
        return _absent_named(it, names)

    assert not set().union(*(absent(it) for it in earlier)) & set(builder.ABSENT_LATER4)
    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    gone = [it for it in test8 if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in gone)
    assert not [it["id"] for it in gone if absent(it) & named]
    asked = set().union(*(absent(it) for it in gone))
    assert len(asked) == len(gone)
    keys = {p.key for p in pkgs}
    asked |= set(builder.ABSENT_LATER4)
    assert not {builder.canonical(n) for n in asked} & keys
    assert not _in_catalog_text(corpora, asked)


def test_catalog_test9_asks_no_fact_an_earlier_split_asks(builder, corpora):
    """test9 was generated after test8, in the third fact kinds still left (counts, higher
    version and newer Python, filters on a Python requirement) and, for type reverse, the
    fourth kinds (the one package that lists a dependency or has a Python requirement): no
    package fact an earlier split asks or states in any kind (`all_facts`; a dependency count
    counts as asked where the whole list was), no fact twice or given away by another test9
    question, unanswerable items in the fourth wordings only, and no absent package an earlier
    split named, each named once."""
    splits = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8",
              "test9")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    test9 = rows["test9"]
    pkgs = builder.installed_packages()
    answered = {it["kind"] for it in test9 if it["answers"]}
    assert answered <= set(_KINDS3_ANSWERED) | set(_KINDS4_ANSWERED)
    assert {it["kind"] for it in test9} - answered == {"absent-package", "absent-attribute"}
    assert not {it["kind"] for it in earlier} & set(_KINDS4_ANSWERED)
    assert not [it["id"] for it in test9  # every one in a wording of its kind
                if builder.question_fields(it["kind"], it["question"]) is None]
    assert not [it["id"] for it in test9 if not it["answers"]  # in the new wordings only
                and not any(builder._template_re(t).fullmatch(it["question"])
                            for t in builder._KINDS4_Q[it["kind"]])]
    seen = set().union(*(builder.all_facts(it, pkgs) for it in earlier))
    for p in pkgs:
        if p.requires and {("requires", p.key, d) for d in p.mentioned()} <= seen:
            seen.add(("deps", p.key))
    facts = {}
    for it in test9:
        third, fourth = builder.kinds3_facts(it, pkgs), builder.kinds4_facts(it, pkgs)
        facts[it["id"]] = (third[0] | fourth[0], third[1] | fourth[1])
    assert all(facts[it["id"]][0] for it in test9 if it["answers"])
    assert not [i for i, (asks, _) in facts.items() if asks & seen]
    for i, (asks, _) in facts.items():
        others = [a | s for j, (a, s) in facts.items() if j != i]
        assert not asks & set().union(*others), i
    names = builder.absent_names("test9")

    def absent(it):
        return _absent_named(it, names)

    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    gone = [it for it in test9 if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in gone)
    assert not [it["id"] for it in gone if absent(it) & named]
    asked = set().union(*(absent(it) for it in gone))
    assert len(asked) == len(gone)
    assert not {builder.canonical(n) for n in asked} & {p.key for p in pkgs}
    assert not _in_catalog_text(corpora, asked)


def test_catalog_test10_asks_no_fact_an_earlier_split_asks(builder, corpora):
    """test10 was generated after test9, in the fifth fact kinds only (the licence or Python
    requirement of the package with a dependency or extra, counts of markers and extras, more
    extras or dependencies, shared extras and dependencies, filters on two extras, a dependency
    and an extra, no dependencies and an extra, counts of packages): no package fact an earlier
    split asks or states in any kind (`all_facts`, and the counts they give away), no comparison
    of two counts both given away, no fact twice or given away by another test10 question,
    unanswerable items in the fifth wordings only, and no absent package an earlier split named,
    each named once (ABSENT_LATER5 adds names from test10 on, named by no earlier split)."""
    splits = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8",
              "test9", "test10")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    test10 = rows["test10"]
    pkgs = builder.installed_packages()
    assert {it["kind"] for it in test10} <= set(builder._KINDS5_Q)
    answered = {it["kind"] for it in test10 if it["answers"]}
    assert answered <= set(_KINDS5_ANSWERED)
    assert not {it["kind"] for it in earlier} & set(_KINDS5_ANSWERED)
    assert not [it["id"] for it in test10  # every one in a wording of its kind
                if builder.question_fields(it["kind"], it["question"]) is None]
    assert not [it["id"] for it in test10 if not it["answers"]  # in the new wordings only
                and not any(builder._template_re(t).fullmatch(it["question"])
                            for t in builder._KINDS5_Q[it["kind"]])]
    seen = set().union(*(builder.all_facts(it, pkgs) for it in earlier))
    seen |= builder.known_counts(seen, pkgs)
    facts = {it["id"]: builder.kinds5_facts(it, pkgs) for it in test10}
    assert all(facts[it["id"]][0] for it in test10 if it["answers"])
    assert not [i for i, (asks, _) in facts.items() if asks & seen]
    for it in test10:  # a comparison of counts an earlier split gave both of away
        if it["kind"] in ("extras-more", "deps-more"):
            what = it["kind"].split("-")[0]
            counts = {(what, e.split("/", 1)[1]) for e in it["evidence"]}
            assert not counts <= seen, it["id"]
    for i, (asks, _) in facts.items():
        others = [a | s for j, (a, s) in facts.items() if j != i]
        assert not asks & set().union(*others), i
    names = builder.absent_names("test10")
    assert set(builder.absent_names("test9")) == set(names) - set(builder.ABSENT_LATER5)

    def absent(it):
        return _absent_named(it, names)

    assert not set().union(*(absent(it) for it in earlier)) & set(builder.ABSENT_LATER5)
    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    gone = [it for it in test10 if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in gone)
    assert not [it["id"] for it in gone if absent(it) & named]
    asked = set().union(*(absent(it) for it in gone))
    assert len(asked) == len(gone)
    asked |= set(builder.ABSENT_LATER5)
    installed = {builder.canonical(d.metadata["Name"] or "")
                 for d in importlib.metadata.distributions()}
    assert not {builder.canonical(n) for n in asked} & (installed | {p.key for p in pkgs})
    assert not _in_catalog_text(corpora, asked)


def test_catalog_test11_asks_no_fact_an_earlier_split_asks(builder, corpora):
    """test11 was generated after test10, in the sixth fact kinds only (the licence or Python
    requirement of the package one or two others require, unconditional counts, the one package
    with a conditional requirement, superlatives, the package N others require, which of two a
    third requires, has no dependencies or extras or more markers, counts of dependents and of
    an extra's holders, filters for no extras or no dependencies): no package fact an earlier
    split asks or states in any kind (`all_facts`, and the counts they give away), no comparison
    of two counts both given away, no fact twice or given away by another test11 question,
    unanswerable items in the sixth wordings only, and no absent package an earlier split named,
    each named once."""
    splits = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8",
              "test9", "test10", "test11")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    test11 = rows["test11"]
    pkgs = builder.installed_packages()
    assert {it["kind"] for it in test11} <= set(builder._KINDS6_Q)
    answered = {it["kind"] for it in test11 if it["answers"]}
    assert answered <= set(_KINDS6_ANSWERED)
    assert not {it["kind"] for it in earlier} & set(_KINDS6_ANSWERED)
    assert not [it["id"] for it in test11  # every one in a wording of its kind
                if builder.question_fields(it["kind"], it["question"]) is None]
    assert not [it["id"] for it in test11 if not it["answers"]  # in the new wordings only
                and not any(builder._template_re(t).fullmatch(it["question"])
                            for t in builder._KINDS6_Q[it["kind"]])]
    seen = set().union(*(builder.all_facts(it, pkgs) for it in earlier))
    seen |= builder.known_counts(seen, pkgs)
    facts = {it["id"]: builder.kinds6_facts(it, pkgs) for it in test11}
    assert all(facts[it["id"]][0] for it in test11 if it["answers"])
    assert not [i for i, (asks, _) in facts.items() if asks & seen]
    for it in test11:  # a comparison of counts an earlier split gave both of away
        if it["kind"] == "markers-more":
            counts = {("markers", e.split("/", 1)[1]) for e in it["evidence"]}
            assert not counts <= seen, it["id"]
    for i, (asks, _) in facts.items():
        others = [a | s for j, (a, s) in facts.items() if j != i]
        assert not asks & set().union(*others), i
    names = builder.absent_names("test11")

    def absent(it):
        return _absent_named(it, names)

    named = set().union(*(absent(it) for it in earlier if it["kind"] == "absent-package"))
    gone = [it for it in test11 if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in gone)
    assert not [it["id"] for it in gone if absent(it) & named]
    asked = set().union(*(absent(it) for it in gone))
    assert len(asked) == len(gone)
    installed = {builder.canonical(d.metadata["Name"] or "")
                 for d in importlib.metadata.distributions()}
    assert not {builder.canonical(n) for n in asked} & (installed | {p.key for p in pkgs})
    assert not _in_catalog_text(corpora, asked)


def test_catalog_test12_asks_no_fact_an_earlier_split_asks(builder, corpora):
    """test12 was generated after test11, in the seventh fact kinds only (the licence, Python
    requirement or counts of the one package that requires two named ones, requirements and
    extras two packages share, superlatives over the catalog, a package's requirements or its
    neighbours, the lower version, the older Python, fewer extras, counts and superlatives
    within a licence or a Python requirement): no package fact an earlier split asks or states
    in any kind (`all_facts`, and the counts they give away), no comparison or shared count of
    two counts both given away, no fact twice or given away by another test12 question,
    unanswerable items in the seventh wordings only, and no absent package an earlier split
    named, each named once (`ABSENT_LATER7`: not installed, in no catalog page)."""
    splits = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8",
              "test9", "test10", "test11", "test12")
    rows = _catalog_splits(*splits)
    earlier = [it for s in splits[:-1] for it in rows[s]]
    test12 = rows["test12"]
    pkgs = builder.installed_packages()
    assert {it["kind"] for it in test12} <= set(builder._KINDS7_Q)
    answered = {it["kind"] for it in test12 if it["answers"]}
    assert answered <= set(_KINDS7_ANSWERED)
    assert not {it["kind"] for it in earlier} & set(_KINDS7_ANSWERED)
    assert not [it["id"] for it in test12  # every one in a wording of its kind
                if builder.question_fields(it["kind"], it["question"]) is None]
    earlier_questions = {it["question"] for it in earlier}
    assert not [it["id"] for it in test12 if it["question"] in earlier_questions]
    assert not [it["id"] for it in test12 if not it["answers"]  # in the new wordings only
                and not any(builder._template_re(t).fullmatch(it["question"])
                            for t in builder._KINDS7_Q[it["kind"]])]
    seen = set().union(*(builder.all_facts(it, pkgs) for it in earlier))
    seen |= builder.known_counts(seen, pkgs)
    facts = {it["id"]: builder.kinds7_facts(it, pkgs) for it in test12}
    assert all(facts[it["id"]][0] for it in test12 if it["answers"])
    assert not [i for i, (asks, _) in facts.items() if asks & seen]
    for it in test12:  # a comparison or shared count of two counts an earlier split gave away
        what = {"extras-fewer": "extras", "shared-extras-count": "extras",
                "shared-deps-count": "deps"}.get(it["kind"])
        if what:
            counts = {(what, e.split("/", 1)[1]) for e in it["evidence"]}
            assert not counts <= seen, it["id"]
    for i, (asks, _) in facts.items():
        others = [a | s for j, (a, s) in facts.items() if j != i]
        assert not asks & set().union(*others), i
    names = builder.absent_names("test12")

    def absent(it):
        return _absent_named(it, names)

    named = set().union(*(absent(it) for it in earlier))  # in any kind, in any split
    gone = [it for it in test12 if it["kind"] == "absent-package"]
    assert all(len(absent(it)) == 1 for it in gone)
    assert not [it["id"] for it in gone if absent(it) & named]
    assert not named & set(builder.ABSENT_LATER7)
    asked = set().union(*(absent(it) for it in gone))
    assert len(asked) == len(gone) and asked <= set(builder.ABSENT_LATER7)
    installed = {builder.canonical(d.metadata["Name"] or "")
                 for d in importlib.metadata.distributions()}
    assert not {builder.canonical(n) for n in builder.ABSENT_LATER7} & (
        installed | {p.key for p in pkgs})
    assert not _in_catalog_text(corpora, builder.ABSENT_LATER7)


@pytest.mark.parametrize("split", ("dev", *frozen("catalog")))
def test_catalog_splits_regenerate_byte_for_byte(builder, split):
    """The script still writes every frozen catalog split as it is: a kind, template or name
    added for a later split leaves the earlier ones as they were."""
    path = EVALSETS / "catalog" / f"{split}.jsonl"
    rows = builder.split_rows(builder.installed_packages(), split)
    assert "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) == path.read_text()


def test_catalog_uses_every_layout_and_only_pinned_packages(builder, corpora):
    pinned = builder.pins()
    pages = list((corpora["catalog"] / "packages").iterdir())
    assert len(pages) >= 60
    assert {p.suffix for p in pages} == {".md", ".txt"}
    layouts = {builder.layout_of(p) for p in builder.installed_packages()}
    assert layouts == set(builder.LAYOUTS)
    for p in builder.installed_packages():
        assert pinned[p.key] == p.version
    rich = (corpora["catalog"] / "packages").glob("rich.*")
    assert pinned["rich"] in next(rich).read_text()


def test_tables_dev_split_is_the_handwritten_qa_set():
    hw = ROOT / "tests" / "data" / "handwritten" / "qa.jsonl"
    rows = [json.loads(line) for line in (EVALSETS / "tables" / "dev.jsonl").read_text().splitlines()]
    assert rows == [json.loads(line) for line in hw.read_text().splitlines()]
