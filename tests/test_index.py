"""The index end to end with the real embedder: 1,000 mixed documents with 20 planted bad files,
labelled queries in every mode, filters, collections, incremental ingest, the process lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ragtune.corpus import loaders
from ragtune.corpus.sample import write_mixed_corpus
from ragtune.errors import IndexLockedError, InputError, RagtuneError
from ragtune.index import filters as F
from ragtune.index import open_index
from ragtune.project import Project

N_DOCS = 1000


def _deny_locked(real):
    def open_binary(path):
        if Path(path).name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real(path)

    return open_binary


@pytest.fixture(scope="session")
def big(tmp_path_factory, pool):
    """1,000 one-sentence documents in every format plus 20 bad files, ingested once."""
    pool.embedder()  # load before timing-sensitive work; shared with the index
    root = tmp_path_factory.mktemp("big")
    facts, bad = write_mixed_corpus(root / "docs", N_DOCS, filler_sentences=0)
    project = Project.open(root)
    index = open_index(project)
    mp = pytest.MonkeyPatch()
    mp.setattr(loaders, "open_binary", _deny_locked(loaders.open_binary))
    try:
        report = index.ingest(root / "docs", max_file_mb=0.05)
    finally:
        mp.undo()
    yield {"project": project, "index": index, "report": report, "facts": facts, "bad": bad, "root": root}
    index.close()


def test_thousand_documents_with_twenty_bad_files(big):
    report, bad = big["report"], big["bad"]
    assert len(bad) == 20
    reported = sorted(f"{p.path}:{p.line}" if p.line else p.path for p in report.problems)
    assert reported == sorted(bad)
    assert all(len(p.reason) >= 10 for p in report.problems)
    reasons = {p.path: p.reason for p in report.problems}
    assert reasons["bad/locked.md"] == "permission denied: cannot read it"
    assert "over index.max_file_mb" in reasons["bad/big.txt"]
    assert "not valid UTF-8" in reasons["bad/latin1.txt"]
    assert "broken PDF" in reasons["bad/broken.pdf"]
    assert "symlink loop" in reasons["bad/loop/again"]
    # every good document is in, plus the two good lines of the mixed file
    assert report.added == N_DOCS + 2 and report.skipped + report.failed == 20
    docs = {d.doc_id for d in big["index"].documents()}
    assert {f.doc_id for f in big["facts"]} <= docs and len(docs) == N_DOCS + 2
    assert big["index"].count("default") == report.chunks_written


def test_labelled_queries_find_their_document(big):
    index, facts = big["index"], big["facts"][::5]  # 200 labelled queries
    for mode, min_top1 in (("bm25", 0.98), ("hybrid", 0.9), ("dense", 0.85)):
        results = index.search_many([f.query for f in facts], k=5, mode=mode)
        top1 = sum(r[0].doc_id == f.doc_id for r, f in zip(results, facts)) / len(facts)
        at5 = sum(f.doc_id in {h.doc_id for h in r} for r, f in zip(results, facts)) / len(facts)
        assert top1 >= min_top1 and at5 >= 0.97, (mode, top1, at5)
    hit = index.search(facts[0].query, k=1)[0]
    assert facts[0].answer in hit.text and hit.chunk_id.startswith(hit.doc_id + "::")


def test_filters_narrow_results(big):
    index = big["index"]
    q = "permit number of the lighthouse"
    hits = index.search(q, k=20, filters={"field": "year", "gte": 2022})
    assert len(hits) == 20 and all(h.metadata["year"] >= 2022 for h in hits)
    # the CLI example: `tag=finance` resolves to the `tags` field
    hits = index.search(q, k=10, filters=F.combine([F.parse_cli_filter("year>=2020"), F.parse_cli_filter("tag=finance")]))
    assert len(hits) == 10
    assert all("finance" in h.metadata["tags"] and h.metadata["year"] >= 2020 for h in hits)
    hits = index.search(q, k=10, filters=F.parse_where("date >= 2020-01-01 and not tags contains finance"))
    assert hits and all(h.metadata["date"] >= "2020-01-01" and "finance" not in h.metadata["tags"] for h in hits)
    # a labelled fact is still found when the filter admits its document
    fact = big["facts"][8]  # an md document
    year = next(d.metadata["year"] for d in index.documents() if d.doc_id == fact.doc_id)
    hits = index.search(fact.query, k=3, filters={"year": year}, mode="bm25")
    assert hits[0].doc_id == fact.doc_id
    others = index.search(fact.query, k=3, filters={"field": "year", "ne": year}, mode="bm25")
    assert fact.doc_id not in {h.doc_id for h in others}
    with pytest.raises(InputError, match="unknown operator"):
        index.search(q, filters={"field": "year", "bigger": 3})


def test_collections_and_metadata_values(big, tmp_path):
    index = big["index"]
    before = index.count("default")
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    for i in range(3):
        (tiny / f"t{i}.md").write_text(
            f"---\nregion: r{i}\nyear: {2000 + i}\n---\nThe lighthouse of Arvenna keeps tiny note {i}.\n"
        )
    report = index.ingest(tiny, collection="tiny")
    assert report.added == 3 and index.count("default") == before
    assert index.collections() == {"default": N_DOCS + 2, "tiny": 3}
    # 1,000:3 - the small collection still answers with its own k results
    for mode in ("dense", "bm25", "hybrid"):
        hits = index.search("permit number of the old lighthouse of Arvenna", k=3, mode=mode, collection="tiny")
        assert sorted(h.doc_id for h in hits) == ["t0", "t1", "t2"], mode
    hits = index.search("lighthouse", k=3, collection="tiny", filters={"field": "year", "gte": 2001})
    assert sorted(h.doc_id for h in hits) == ["t1", "t2"]
    assert index.metadata_values("region", "tiny") == {"r0", "r1", "r2"}
    assert index.metadata_values("region", "default") == set()
    assert {"finance", "town"} <= index.metadata_values("tags")
    assert index.metadata_values("year", "tiny") == {2000, 2001, 2002}
    chunk = index.get_chunk(hits[0].chunk_id)
    assert chunk is not None and chunk.collection == "tiny" and chunk.text == hits[0].text
    assert index.delete_documents(["t0", "nope"], collection="tiny") == 1
    assert index.count("tiny") == 2 and index.count("default") == before


def test_second_process_gets_a_clear_message(big):
    code = (
        "import sys\n"
        "from ragtune.errors import IndexLockedError\n"
        "from ragtune.index import open_index\n"
        "from ragtune.index.edge import QdrantEdgeStore\n"
        "try:\n"
        "    open_index(sys.argv[1])\n"
        "except IndexLockedError as e:\n"
        "    print('LOCKED', e.message)\n"
        "try:\n"  # below our lock, the store's own WAL lock is reported the same way
        "    QdrantEdgeStore(sys.argv[1] + '/.ragtune/index/qdrant', 384)\n"
        "except IndexLockedError as e:\n"
        "    print('WAL', e.message)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(big["root"])], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert f"LOCKED index is open by process {os.getpid()}; use `ragtune serve`'s API or stop it" in out.stdout
    assert "WAL index" in out.stdout and "open in another process" in out.stdout


def test_same_process_shares_one_index(big):
    again = open_index(big["project"])
    assert again is big["index"]
    again.close()  # releases this use only
    assert not big["index"].closed and big["index"].count() > 0


# ------------------------------------------------------------------ incremental


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_incremental_add_change_remove(tmp_path, pool):
    docs = tmp_path / "docs"
    for i in range(6):
        _write(docs, f"d{i}.md", f"# Doc {i}\n\nDocument {i} says the tide table number is {100 + i}.\n")
    project = Project.open(tmp_path)
    with open_index(project) as index:
        first = index.ingest(docs)
        assert (first.added, first.changed, first.removed, first.unchanged) == (6, 0, 0, 0)
        ids_before = {d: index.manifest.chunk_ids("default", [d])[d] for d in ("d0", "d1")}
        again = index.ingest(docs)
        assert (again.added, again.changed, again.unchanged, again.chunks_written) == (0, 0, 6, 0)
        # add one, change one, delete one, touch one (same content, new mtime)
        _write(docs, "d6.md", "# Doc 6\n\nDocument 6 says the tide table number is 106.\n")
        _write(docs, "d2.md", "# Doc 2\n\nDocument 2 now says the tide table number is 902.\n")
        (docs / "d3.md").unlink()
        os.utime(docs / "d1.md", ns=(1, 1))
        report = index.ingest(docs)
        assert (report.added, report.changed, report.removed, report.unchanged) == (1, 1, 0, 4)
        assert report.missing == 1 and "--prune" in report.summary()
        assert index.search("tide table number 902", k=1, mode="bm25")[0].doc_id == "d2"
        assert [c.text for c in index.chunks_of("d2")] == ["Document 2 now says the tide table number is 902."]
        assert {d.doc_id for d in index.documents()} == {f"d{i}" for i in range(7)}
        pruned = index.ingest(docs, prune=True)
        assert (pruned.added, pruned.changed, pruned.removed, pruned.unchanged) == (0, 0, 1, 6)
        assert {d.doc_id for d in index.documents()} == {f"d{i}" for i in range(7)} - {"d3"}
        assert index.count() == 6 and "d3" not in {h.doc_id for h in index.search("tide", k=10)}
        # untouched documents kept their chunks
        assert {d: index.manifest.chunk_ids("default", [d])[d] for d in ("d0", "d1")} == ids_before
        # a file that fails to read is not a deletion, even with --prune
        (docs / "d4.md").write_bytes(b"\xff\xfe broken now")
        failed = index.ingest(docs, prune=True)
        assert failed.removed == 0 and failed.skipped == 1 and "d4" in {d.doc_id for d in index.documents()}


def test_format_mismatch_and_missing_index(tmp_path, pool):
    project = Project.open(tmp_path)
    with open_index(project) as index:
        with pytest.raises(RagtuneError, match="no index yet"):
            index.search("anything")
        _write(tmp_path / "docs", "a.md", "hello")
        index.ingest(tmp_path / "docs")
    fmt = tmp_path / ".ragtune" / "index" / "format.json"
    fmt.write_text(fmt.read_text().replace('"format": 1', '"format": 99'))
    with pytest.raises(RagtuneError, match="has format 99; this ragtune reads format 1"):
        open_index(project)
    with pytest.raises(RagtuneError, match="has format 99") as again:  # the lock was released
        open_index(project)
    assert not isinstance(again.value, IndexLockedError)


def test_embedder_change_is_a_clear_error(tmp_path):
    project = Project.open(tmp_path)
    index_dir = project.path("index")
    (index_dir / "format.json").write_text(
        '{"format": 1, "store": "qdrant-edge", "dim": 384, "embedder": "other-model"}'
    )
    with open_index(project) as index:
        class Fake:
            dim = 384

        with pytest.raises(RagtuneError, match="built with embedder `other-model`"):
            index._check_embedder(Fake())
        assert index.search("anything", mode="bm25") == []  # BM25 needs no embedder
