"""The hostile corpus (corpus/hostile.py): 120+ generated bad files mixed with good ones,
ingested for real by `ragtune ingest`. Every good document is indexed and findable, every bad
file is reported with a reason, none by the catch-all for parser bugs, the exit status follows
--strict, and a re-run is incremental. Sized for CI: the single-line file is 2 MB with
`index.max_doc_chunks = 1000` (bench/hostile.py runs 50 MB against the default limit), the
nested HTML is the full 100,000 tags.

Also here: regression tests for the crashes the generated inputs found (each failed on the
code before it) that are not already covered by tests/test_properties.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run_cli_in_process
from ragtune.corpus.hostile import unlock, write_hostile_corpus
from ragtune.corpus.loaders import LoadError, Problem, iter_documents, scan
from ragtune.index.ingest import INTERNAL


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = write_hostile_corpus(root / "docs", n_good=24, big_line_mb=2.0, nested_tags=100_000)
    project = root / "project"
    project.mkdir()
    (project / "ragtune.toml").write_text("[index]\nmax_doc_chunks = 1000\n")
    yield corpus, project
    unlock(root / "docs")


def _where(p: dict) -> str:
    return f"{p['path']}:{p['line']}" if p["line"] else p["path"]


def test_hostile_corpus_generates_over_100_bad_files(hostile):
    corpus, _ = hostile
    assert len(corpus.bad_files) >= 100
    assert len(corpus.good) >= 50


def test_ingest_indexes_every_good_file_and_reports_every_bad_one(hostile, pool, capsys, monkeypatch):
    corpus, project = hostile
    args = ["-p", str(project), "ingest", str(corpus.root), "--json"]
    strict = run_cli_in_process([*args, "--strict"], capsys, monkeypatch)
    assert strict.returncode == 1, strict.stderr[-3000:]  # --strict: problems are an error
    assert "Traceback" not in strict.stderr
    report = json.loads(strict.stdout)
    reported = {_where(p) for p in report["problems"]}
    assert reported == corpus.bad, (sorted(reported - corpus.bad), sorted(corpus.bad - reported))
    assert all(p["reason"] and INTERNAL not in p["reason"] for p in report["problems"])
    too_big = [p for p in report["problems"] if p["path"] == "hostile/big_line.txt"]
    assert "index.max_doc_chunks=1000" in too_big[0]["reason"]
    assert report["added"] == len(corpus.good) and report["failed"] + report["skipped"] == len(reported)

    from ragtune.index import open_index
    from ragtune.project import Project

    with open_index(Project.open(project)) as index:
        indexed = {d.doc_id for d in index.documents("default")}
        assert indexed == corpus.good
        long_chunks = [c for c in index.manifest.chunk_ids("default").get("hostile/long_line", [])]
        assert len(long_chunks) > 10  # one 40 KB line is many chunks, not one
        hits = index.search_many([f.query for f in corpus.facts], k=5, mode="hybrid")
    found = sum(f.doc_id in [h.doc_id for h in hs] for f, hs in zip(corpus.facts, hits))
    assert found >= 0.9 * len(corpus.facts)  # the good documents are findable, not just counted

    # without --strict the same problems are a warning (exit 0); nothing is re-embedded
    again = run_cli_in_process(args, capsys, monkeypatch)
    assert again.returncode == 0, again.stderr[-3000:]
    report = json.loads(again.stdout)
    assert {_where(p) for p in report["problems"]} == corpus.bad
    assert report["added"] == report["changed"] == report["chunks_written"] == 0
    assert report["unchanged"] == len(corpus.good)


# ------------------------------------------------------------------ regressions


def _load(root: Path):
    files, problems = scan(root)
    docs = {}
    for f in files:
        try:
            for item in iter_documents(f):
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    docs[item.doc_id] = item
        except LoadError as e:
            problems.append(Problem(f.relpath, e.reason, kind=e.kind))
    return docs, {str(p) for p in problems}


def test_scan_survives_folders_deeper_than_the_recursion_limit(tmp_path):
    """scan() recursed per folder: 1,200 levels raised RecursionError and ended the ingest."""
    chain = [tmp_path / "deep"]
    for _ in range(1200):
        chain.append(chain[-1] / "d")
    for p in chain:
        p.mkdir()
    (chain[-1] / "bottom.md").write_text("At the bottom.")
    try:
        docs, problems = _load(tmp_path)
        assert list(docs) == ["deep/" + "d/" * 1200 + "bottom"] and not problems
    finally:  # shutil.rmtree (pytest's cleanup) recurses too: take it apart bottom-up
        (chain[-1] / "bottom.md").unlink()
        for p in reversed(chain):
            p.rmdir()


def test_names_that_cannot_be_ids_are_reported(tmp_path):
    """A name with a newline broke one-line output; one that is not UTF-8 made a document id
    with lone surrogates that crashed the manifest write."""
    (tmp_path / "new\nline.md").write_text("x")
    (tmp_path / os.fsdecode(b"caf\xe9.md")).write_text("x")
    (tmp_path / "a..b.md").write_text("Dots are fine.")
    docs, problems = _load(tmp_path)
    assert list(docs) == ["a..b"]
    assert problems == {
        "new\\nline.md: file name contains a control character (a newline?); rename it",
        "caf\\xe9.md: file name is not valid UTF-8; rename it",
    }


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("date.md", "---\ndate: 2024-13-01\n---\nx", "front matter has an impossible value"),
        ("deep.md", "---\nx: " + "[" * 3000 + "\n---\nx", "nested too deeply"),
        ("laughs.md", "---\na: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
         "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nx",
         "more than 10000 values"),
        ("deep.json", "[" * 50_000, "nested too deeply"),
        ("big.json", "[" + "1" * 5000 + "]", "more than 4300 digits"),
        ("lone.jsonl", '{"text": "a \\udc00 b"}\n', "lone surrogate"),
        ("id.jsonl", '{"id": "a\\nb", "text": "t"}\n', "control character"),
    ],
)  # fmt: skip
def test_inputs_that_crashed_the_loaders_are_problems(tmp_path, name, data, reason):
    (tmp_path / name).write_text(data)
    docs, problems = _load(tmp_path)
    assert not docs and len(problems) == 1
    assert reason in next(iter(problems))


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "a.md").write_bytes("\ufeff# Notes\n\nSaved as Unicode.\n".encode("utf-16-le"))
    (tmp_path / "b.jsonl").write_bytes('{"id": "r", "text": "A record."}\n'.encode("utf-16"))
    docs, problems = _load(tmp_path)
    assert not problems and docs["a"].title == "Notes" and docs["b#r"].text == "A record."


def test_wide_integers_and_big_titles_are_tamed(tmp_path):
    (tmp_path / "r.jsonl").write_text(
        json.dumps({"id": "x", "text": "t", "n": 10**30, "m": 7, "title": "T " * 5000}) + "\n"
    )
    docs, _ = _load(tmp_path)
    doc = docs["r#x"]
    assert doc.metadata == {"n": str(10**30), "m": 7}  # stores hold 64-bit integers
    assert len(doc.title) <= 1000
