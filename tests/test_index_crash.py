"""kill -9 during ingest, then a re-run: the index equals an uninterrupted ingest.

A real subprocess ingests a corpus and SIGKILLs itself at the worst moments: after documents
were marked pending but before the store write, and after the store write but before the
manifest commit. The re-run must recover and end with the same chunk ids, payload hashes and
labelled-query results as an ingest that was never interrupted.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ragtune.corpus.sample import write_mixed_corpus
from ragtune.index import open_index
from ragtune.project import Project

N_DOCS = 60

CRASHER = r"""
import os, signal, sys
from ragtune.index import ingest, open_index
from ragtune.index.edge import SqliteManifest as Manifest

project, corpus, where = sys.argv[1], sys.argv[2], sys.argv[3]
ingest.BATCH_CHUNKS = 8  # several write cycles, so the kill lands mid-run
calls = {"n": 0}
original = getattr(Manifest, where)

def die_on_third(self, *args, **kwargs):
    calls["n"] += 1
    if calls["n"] == 3:
        if where == "mark_pending":  # pending recorded, store not yet written
            original(self, *args, **kwargs)
        print("KILLING", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # the store write may be done, the commit not
    return original(self, *args, **kwargs)

setattr(Manifest, where, die_on_third)
open_index(project).ingest(corpus)
print("FINISHED WITHOUT CRASH", flush=True)
"""


def _snapshot(index, facts):
    docs = {d.doc_id: d.content_hash for d in index.documents("default")}
    chunk_ids = index.manifest.chunk_ids("default")
    stored = {cid: index.store.get("default", cid).hash for cid in index.store.chunk_ids("default")}
    results = index.search_many([f.query for f in facts], k=5, mode="hybrid")
    ranked = [[h.chunk_id for h in r] for r in results]
    return docs, chunk_ids, stored, ranked


@pytest.fixture(scope="module")
def reference(tmp_path_factory, pool):
    root = tmp_path_factory.mktemp("crash")
    facts, _ = write_mixed_corpus(root / "docs", N_DOCS, bad=False)
    project = Project.open(root / "reference")
    with open_index(project) as index:
        index.ingest(root / "docs")
        snap = _snapshot(index, facts)
    return root, facts, snap


@pytest.mark.parametrize("where", ["mark_pending", "commit"])
def test_kill9_then_rerun_equals_uninterrupted(reference, where):
    root, facts, expected = reference
    project_dir = root / f"crashed-{where}"
    project_dir.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", CRASHER, str(project_dir), str(root / "docs"), where],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stdout, proc.stderr[-2000:])
    assert "KILLING" in proc.stdout
    with open_index(Project.open(project_dir)) as index:
        assert index.recovered > 0  # the interrupted batch was found and undone
        partial = len(index.documents("default"))
        assert 0 < partial < N_DOCS  # two batches were committed before the kill
        report = index.ingest(root / "docs")
        assert report.recovered > 0 and report.added == N_DOCS - partial
        assert report.unchanged == partial and not report.problems
        got = _snapshot(index, facts)
    assert got[0] == expected[0]  # documents and content hashes
    assert got[1] == expected[1]  # chunk ids, per document, in order
    assert got[2] == expected[2]  # stored points: same ids, same payload hashes, no orphans
    assert got[3] == expected[3]  # labelled-query results
