"""Drafted evaluation sets with the real index and models (issue 16): `ragtune qa` on the tiny
world checked against its gold facts, `ragtune compare --corpus` without a QA file on a fresh
project ending with a report that says the questions are unreviewed, a reviewed file used
through its accepted items, and fine-tuning data that never shares a source sentence with the
drafted test items."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli_in_process
from ragtune.drafting import DraftOptions, draft_corpus
from ragtune.drafting.review import ReviewFile
from ragtune.project import Project
from ragtune.world.gold import GoldFacts


@pytest.fixture(scope="module")
def drafted_tiny(tiny_project, tiny_world):
    project, index = tiny_project
    items, stats = draft_corpus(project, tiny_world / "docs", DraftOptions(n=60, seed=0, rewrite_share=0),
                                index=index)  # fmt: skip
    return items, stats


def test_drafted_items_are_right_about_the_tiny_world(drafted_tiny, tiny_world):
    """Tiny world, seed 0, 60 items, measured 2026-11-30: see the docstring's floors (the
    measured values less 15 points)."""
    items, stats = drafted_tiny
    report = GoldFacts.load(tiny_world / "world.json").check_drafted(items)
    print(json.dumps({k: v for k, v in report.items() if k != "examples"}))
    assert stats["n"] == len(items) >= 50
    assert set(stats["by_type"]) == {"single_hop", "reverse", "multi_hop", "comparison", "unanswerable"}
    assert all(stats["by_type"][t] > 0 for t in ("single_hop", "reverse", "comparison", "unanswerable"))
    assert report["answerable_right_share_of_checkable"] >= 0.80, report["examples"]
    assert report["truly_unanswerable_share"] >= 0.75, report["examples"]
    assert stats["searches"] > 0 and "ingest" in stats


def test_qa_cli_writes_a_file_that_review_and_compare_read(tiny_project, tiny_world, tmp_path, capsys, monkeypatch):
    project, _ = tiny_project
    out = tmp_path / "qa.jsonl"
    args = ["-q", "-p", str(project.root), "qa", str(tiny_world / "docs"), "--out", str(out), "--n", "20",
            "--types", "single_hop,comparison"]  # fmt: skip
    done = run_cli_in_process(args, capsys, monkeypatch)
    assert done.returncode == 0, done.stderr
    assert "drafted 20 items" in done.stdout and f"ragtune qa review {out}" in done.stdout
    f = ReviewFile.load(out)
    assert {o["type"] for o in f.items} == {"single_hop", "comparison"}
    assert all(o["status"] == "draft" and o["evidence"] and o["source"] for o in f.items)
    again = run_cli_in_process(args, capsys, monkeypatch)  # never overwrites reviews by accident
    assert again.returncode != 0 and "already exists" in again.stderr


def test_compare_without_a_qa_file_on_a_fresh_project(tiny_world, tmp_path, settings, capsys, monkeypatch, pool):
    """Cheap settings: 24 drafted questions, closed_book and rag, 5 test questions."""
    root = tmp_path / "fresh"
    root.mkdir()
    run = tmp_path / "run"
    args = ["-p", str(root), "compare", "--corpus", str(tiny_world / "docs"), "--draft-n", "24",
            "--strategies", "closed_book,rag", "--limit", "5", "--latency-sample", "0", "--out", str(run)]
    done = run_cli_in_process(args, capsys, monkeypatch)
    assert done.returncode == 0, done.stderr
    assert "drafting 24 questions" in done.stderr
    assert "machine-drafted and are unreviewed" in done.stdout
    assert f"ragtune qa review {run / 'drafted_qa.jsonl'}" in done.stdout
    results = json.loads((run / "results.json").read_text())
    review = results["run"]["qa"]["review"]
    assert review["unreviewed"] is True and review["drafted_by_this_run"] is True
    assert results["strategies"]["rag"]["n"] == 5
    assert json.loads((run / "split.json").read_text())["train"]  # split train/dev/test as with --qa
    for name in ("report.html", "report.md"):
        assert "machine-drafted and are unreviewed" in (run / name).read_text()
    assert (run / "drafting.json").is_file()

    # reviewed: the accepted items are used, and the skipped drafts are counted
    qa = run / "drafted_qa.jsonl"
    ids = [o["id"] for o in ReviewFile.load(qa).items]
    reviewed = tmp_path / "reviewed.jsonl"
    reviewed.write_bytes(qa.read_bytes())
    done = run_cli_in_process(["qa", "review", str(reviewed), *[a for i in ids[:6] for a in ("--accept", i)],
                               "--drop", ids[6]], capsys, monkeypatch)  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = run_cli_in_process(["-p", str(root), "compare", "--qa", str(reviewed), "--strategies", "closed_book",
                               "--latency-sample", "0", "--out", str(tmp_path / "run2")], capsys, monkeypatch)
    assert done.returncode == 0, done.stderr
    assert f"6 reviewed items used; {len(ids) - 7} unreviewed drafts and 1 dropped items skipped" in done.stdout
    results = json.loads((tmp_path / "run2" / "results.json").read_text())
    split = json.loads((tmp_path / "run2" / "split.json").read_text())
    assert sorted(split["train"] + split["dev"] + split["test"]) == sorted(ids[:6])
    assert results["run"]["qa"]["review"]["reviewed"] == 6


def test_finetuning_never_trains_on_a_drafted_test_items_source(drafted_tiny, tiny_world, tmp_path, settings):
    from ragtune.eval.qa import QAItem, save_qa
    from ragtune.finetune import FinetuneOptions, run_finetune

    items, _ = drafted_tiny
    test = tmp_path / "drafted.jsonl"
    save_qa(test, [QAItem.from_dict(i) for i in items])
    sources = {" ".join(s.lower().split()) for i in items for s in [i["source"], *(i.get("sources") or [])]}
    project = Project(root=tmp_path / "ft", settings=settings, origin={})
    record = run_finetune(project, FinetuneOptions(corpus=str(tiny_world / "docs"), exclude_qa=str(test),
                                                   data_only=True, cosine_filter=False))  # fmt: skip
    assert record["leakage"]["dropped_source"] > 0
    for e in record["_examples"]:
        if e.kind != "text":
            assert " ".join(e.sentence.lower().split()) not in sources, e
