"""The synthetic world generator: determinism, evidence, splits, question types, updates."""

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ragtune.errors import InputError
from ragtune.eval.metrics import _find, answer_tokens
from ragtune.eval.qa import QA_TYPES, load_qa
from ragtune.world import build, generate_world
from ragtune.world.questions import TEMPLATES, template_sets
from ragtune.world.reader import read_corpus


@pytest.fixture(scope="module")
def world(tiny_world):
    return json.loads((tiny_world / "world.json").read_text())


@pytest.fixture(scope="module")
def corpus(tiny_world):
    return read_corpus(tiny_world / "docs")


@pytest.fixture(scope="module")
def qa(tiny_world, corpus):
    return {
        s: load_qa(tiny_world / "qa" / f"{s}.jsonl", corpus_ids=corpus)
        for s in ("train", "dev", "test")
    }


def contains(text, answers):
    tokens = answer_tokens(text)
    return any(_find(tokens, answer_tokens(a)) >= 0 for a in answers)


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


# ------------------------------------------------------------------ determinism


def test_same_seed_is_byte_identical(tiny_world, tmp_path):
    again = tmp_path / "again"
    generate_world("tiny", 0, again)
    assert tree_digest(again) == tree_digest(tiny_world)


def test_independent_of_hash_seed():
    """Set iteration or hash() would change with PYTHONHASHSEED; the output must not."""
    code = (
        "import hashlib, json; from ragtune.world import build; "
        "files, _ = build('tiny', 5); "
        "print(hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        digests.add(r.stdout.strip())
    files, _ = build("tiny", 5)
    digests.add(hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest())
    assert len(digests) == 1


def test_different_seeds_differ(world):
    files, _ = build("tiny", 1)
    other = json.loads(files["world.json"])
    names0 = {e["name"] for e in world["entities"]}
    names1 = {e["name"] for e in other["entities"]}
    assert len(names0 & names1) < len(names0) // 10
    assert other["config"]["seed"] == 1 and world["config"]["seed"] == 0


# ------------------------------------------------------------------ layout and formats


def test_layout_and_world_json(tiny_world, world):
    for rel in ("docs", "updates", "qa/train.jsonl", "qa/dev.jsonl", "qa/test.jsonl",
                "qa/updates.jsonl", "world.json"):
        assert (tiny_world / rel).exists(), rel
    assert world["config"]["size"] == "tiny" and world["config"]["paraphrases"] == 2
    types = {e["type"] for e in world["entities"]}
    assert types == {"person", "org", "city", "country", "product", "event"}
    n_docs_batch = sum(e["batch"] == "docs" and e["type"] != "country" for e in world["entities"])
    assert 15 <= n_docs_batch <= 35
    relations = {r["relation"] for r in world["relations"]}
    assert {"works_for", "founded_by", "located_in", "makes", "ceo_of", "born_in"} <= relations
    assert all("date" in r for r in world["relations"] if r["relation"] == "ceo_of")
    assert str(tiny_world) not in (tiny_world / "world.json").read_text()  # no absolute paths


def test_front_matter_and_record_forms(tiny_world, corpus):
    suffixes = {p.suffix for p in (tiny_world / "docs").rglob("*") if p.is_file()}
    assert suffixes == {".md", ".jsonl", ".csv"}
    md = {k: v for k, v in corpus.items() if "#" not in k}
    for doc_id, (meta, body) in md.items():
        assert isinstance(meta["title"], str) and meta["title"]
        assert isinstance(meta["date"], dt.date)
        assert isinstance(meta["category"], str) and isinstance(meta["tags"], list)
        assert body.startswith("# ")
    assert any(k.startswith("tables/products#") for k in corpus)
    assert any(k.startswith("faq/people#") for k in corpus)


def test_plain_style_names_the_subject(corpus):
    # no sentence leans on an earlier one ("its" within a sentence naming its owner is fine)
    pronouns = re.compile(r"\b(he|she|it|they|his|her|their)\b", re.I)
    for doc_id, (_, body) in corpus.items():
        assert not pronouns.search(body), (doc_id, body)
        for para in body.split("\n\n")[1:] if "#" not in doc_id else []:
            assert 1 <= para.count(". ") + 1 <= 4, (doc_id, para)


def test_corpus_loader_reads_every_document(tiny_world, corpus):
    """The index's own loader sees the same ids as QA evidence uses, with no problems."""
    from ragtune.corpus import iter_documents, scan

    files, problems = scan(tiny_world / "docs")
    assert problems == []
    docs = [d for f in files for d in iter_documents(f)]
    assert all(hasattr(d, "doc_id") for d in docs), [d for d in docs if not hasattr(d, "doc_id")]
    assert {d.doc_id for d in docs} == set(corpus)


def test_look_alike_names(world):
    orgs = [e["name"] for e in world["entities"] if e["type"] == "org"]
    stems = [n.split()[0] for n in orgs]
    assert any(stems.count(s) == 2 for s in stems)
    people = [e["name"].split()[1] for e in world["entities"] if e["type"] == "person"]
    assert any(people.count(s) >= 2 for s in people)


# ------------------------------------------------------------------ questions


def test_every_type_in_every_split(qa):
    for split, items in qa.items():
        assert {i.type for i in items} == set(QA_TYPES), split
    for t in QA_TYPES:
        assert sum(i.type == t for i in qa["test"]) >= 6, t


def test_every_answer_is_in_its_evidence(qa, corpus):
    for items in qa.values():
        for it in items:
            if it.type == "unanswerable":
                assert it.answers == [] and it.evidence == []
                continue
            assert it.evidence, it
            assert any(contains(corpus[d][1], it.answers) for d in it.evidence), it


def test_multi_hop_answers_are_absent_from_the_first_hop(qa, world, corpus):
    hop_counts = set()
    for items in qa.values():
        for it in items:
            if it.type != "multi_hop":
                continue
            hops = world["questions"][it.id]["hops"]
            hop_counts.add(len(hops))
            assert len(hops) >= 2 and all(hops)
            for d in hops[0]:
                assert not contains(corpus[d][1], it.answers), (it, d)
            assert any(contains(corpus[d][1], it.answers) for d in hops[-1])
            assert not contains(it.question, it.answers)
    assert {2, 3} <= hop_counts


def test_splits_and_templates_do_not_leak(qa, world):
    train_dev, test = template_sets()
    assert set(train_dev).isdisjoint(test)
    assert world["templates"]["train_dev"] == train_dev and world["templates"]["test"] == test
    meta = world["questions"]
    for split, items in qa.items():
        for it in items:
            tid = meta[it.id]["template"]
            assert meta[it.id]["split"] == split
            assert tid in (test if split == "test" else train_dev), (split, tid)
    used = {s: {meta[i.id]["template"] for i in items} for s, items in qa.items()}
    assert used["test"].isdisjoint(used["train"] | used["dev"])
    keys = {s: {meta[i.id]["key"] for i in items} for s, items in qa.items()}
    texts = {s: {i.question for i in items} for s, items in qa.items()}
    for a, b in (("train", "dev"), ("train", "test"), ("dev", "test")):
        assert keys[a].isdisjoint(keys[b]) and texts[a].isdisjoint(texts[b]), (a, b)
    # test phrasings differ from every train/dev phrasing of the same kind
    for kind, (_, templates) in TEMPLATES.items():
        assert templates[-1] not in templates[:-1]


def test_comparison_options(qa):
    golds_first = []
    for items in qa.values():
        for it in (i for i in items if i.type == "comparison"):
            assert len(it.options) == 2 and it.answers[0] in it.options
            assert all(o in it.question for o in it.options)
            golds_first.append(it.options[0] == it.answers[0])
    assert 0.2 < sum(golds_first) / len(golds_first) < 0.8  # position tells nothing


def test_filter_questions_need_the_metadata(qa, corpus):
    for items in qa.values():
        for it in (i for i in items if i.type == "filter"):
            (doc,) = it.evidence
            meta, body = corpus[doc]
            year = re.search(r"\b(20\d\d)\b", it.question).group(1)
            assert str(meta["date"]).startswith(year) and meta["category"] in it.question
            assert year not in body and meta["category"] not in body.lower()
            rivals = [d for d, (m, b) in corpus.items()
                      if d != doc and "#" not in d and m["title"] == meta["title"]]
            assert rivals and all(not contains(corpus[r][1], it.answers) for r in rivals)


def test_temporal_answers_are_the_latest(qa, world, corpus):
    for items in qa.values():
        for it in (i for i in items if i.type == "temporal"):
            (doc,) = it.evidence
            key = world["questions"][it.id]["facts"][0]  # e.g. ceo:<org>
            history = [v[0] for k, v in world["facts"].items() if k.startswith(key + "@")]
            assert len(history) >= 2 and doc in history
            dates = {d: corpus[d][0]["date"] for d in history}
            assert dates[doc] == max(dates.values())
            older = [d for d in history if d != doc]
            assert all(not contains(corpus[d][1], it.answers) for d in older)  # superseded


def test_unanswerable_names_and_values_are_absent(qa, world, corpus):
    everything = " \n ".join(body for _, body in corpus.values())
    for name in world["unused_names"]["product"] + world["unused_names"]["person"]:
        assert name not in everything
    withheld = [(e["name"], w) for e in world["entities"] for w in e["withheld"]]
    assert {w for _, w in withheld} >= {"birth_year", "founded_by", "launch_year", "population"}


def test_updates_batch(tiny_world, world):
    updates_corpus = read_corpus(tiny_world / "updates")
    items = load_qa(tiny_world / "qa" / "updates.jsonl", corpus_ids=updates_corpus)
    assert len(items) == len(world["updates"]) >= 5
    assert set(updates_corpus).isdisjoint(read_corpus(tiny_world / "docs"))
    meta = world["questions"]
    for it, u in zip(items, world["updates"]):
        assert u["question"] == it.id and u["old"] != u["new"]
        assert any(contains(updates_corpus[d][1], it.answers) for d in it.evidence)
        assert str(updates_corpus[it.evidence[0]][0]["date"]) >= "2026"
        assert meta[it.id]["template"] in world["templates"]["test"]
        for qid in u["affects"]:
            assert u["fact"] in meta[qid]["facts"]
    assert any(u["affects"] for u in world["updates"])
    assert {u["kind"] for u in world["updates"]} == {"ceo", "hq", "employees", "price", "mayor"}


def test_small_world_sizes():
    files, counts = build("small", 0)
    n = sum(v for k, v in counts["entities"].items() if k != "country")
    assert 80 <= n <= 130
    assert all(counts["test_by_type"][t] >= 15 for t in QA_TYPES), counts["test_by_type"]
    assert counts["dropped"] == {}


# ------------------------------------------------------------------ writing


def test_output_folder_rules(tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        generate_world("tiny", 0, busy)
    assert (busy / "notes.txt").read_text() == "mine"
    with pytest.raises(InputError, match="unknown world size"):
        generate_world("huge", 0, tmp_path / "x")
    out = tmp_path / "w"
    generate_world("tiny", 1, out)
    generate_world("tiny", 2, out)  # replacing an earlier world is fine
    assert json.loads((out / "world.json").read_text())["config"]["seed"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy", "w"]  # no temp leftovers


@pytest.mark.parametrize("size", ["medium", "large"])
def test_bigger_sizes_build(size):
    from ragtune.world.graph import SIZES

    _, counts = build(size, 0)
    assert all(counts["test_by_type"][t] >= SIZES[size].min_test for t in QA_TYPES)
    assert counts["dropped"] == {}
