"""kill -9 during an ingest into PostgreSQL, then a re-run: equals an uninterrupted ingest.

A real subprocess ingests a corpus with `index.store = postgresql://…` and SIGKILLs itself at
the worst moments: after documents were marked pending but before the store write
(`mark_pending`), inside the store's transaction after the rows were written but before COMMIT
(`upsert`), and after the store's commit but before the manifest commit (`commit`). The re-run
must recover and end with the same documents, chunk ids, stored rows and labelled-query
results as an ingest that was never interrupted.

What is under test is the store and the manifest, not the model: both the reference and the
crashing process embed with `HashEmbedder` (hashed bags of words, whitespace tokens), so each
subprocess starts in about a second instead of loading torch (tests/test_index_crash.py runs
the same scenario on the embedded store with the real embedder).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid

import pytest

from ragtune.config import Settings
from ragtune.corpus.sample import write_mixed_corpus
from ragtune.index import open_index
from ragtune.project import Project

N_DOCS = 60

class HashEmbedder:
    """A deterministic stand-in for MiniLM: 64-dim hashed bags of words, no tokenizer."""

    dim = 64
    tokenizer = None
    model_id = "hash-64"

    def encode(self, texts, batch_size=None):  # noqa: ANN001, ANN201
        import hashlib
        import re

        import numpy as np

        out = np.full((len(texts), self.dim), 1e-3, dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"\w+", t.lower()):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def use_hash_embedder(index_class) -> None:  # noqa: ANN001
    embedder = HashEmbedder()
    index_class.embedder = lambda self: embedder


CRASHER = r"""
import contextlib, os, signal, sys
sys.path.insert(0, os.environ["RAGTUNE_TEST_DIR"])
from test_pgvector_crash import use_hash_embedder
from ragtune.index.core import Index
from ragtune.index import ingest, open_index
from ragtune.index.postgres import PgManifest, PgVectorStore
from ragtune.project import Project

project, corpus, where = sys.argv[1], sys.argv[2], sys.argv[3]
ingest.BATCH_CHUNKS = 8  # several write cycles, so the kill lands mid-run
calls = {"n": 0}
owner = PgVectorStore if where == "upsert" else PgManifest
original = getattr(owner, where)

def die(where):
    print("KILLING", where, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

def dying(self, *args, **kwargs):
    calls["n"] += 1
    if calls["n"] != 3:
        return original(self, *args, **kwargs)
    if where == "mark_pending":  # pending recorded, store not yet written
        original(self, *args, **kwargs)
        die(where)
    if where == "upsert":  # rows written inside the store's transaction, no COMMIT
        real = self.db.transaction
        @contextlib.contextmanager
        def transaction():
            with real() as conn:
                yield conn
                die(where)
        self.db.transaction = transaction
        return original(self, *args, **kwargs)
    die(where)  # commit: the store write is committed, the manifest commit is not

setattr(owner, where, dying)
use_hash_embedder(Index)
open_index(Project.open(project)).ingest(corpus)
print("FINISHED WITHOUT CRASH", flush=True)
"""


def _url(base: str, schema: str) -> str:
    return base + ("&" if "?" in base else "?") + f"schema={schema}"


def _project(root, url):
    return Project(root=root, settings=Settings(index={"store": url}), origin={})


def _snapshot(index, facts):
    docs = {d.doc_id: d.content_hash for d in index.documents("default")}
    chunk_ids = index.manifest.chunk_ids("default")
    stored = {cid: index.store.get("default", cid).hash for cid in index.store.chunk_ids("default")}
    results = index.search_many([f.query for f in facts], k=5, mode="hybrid")
    ranked = [[h.chunk_id for h in r] for r in results]
    return docs, chunk_ids, stored, ranked


@pytest.fixture(scope="module")
def reference(tmp_path_factory, postgres_url):
    from ragtune.index.core import Index

    mp = pytest.MonkeyPatch()
    mp.setattr(Index, "embedder", lambda self: HashEmbedder())
    yield _reference(tmp_path_factory, postgres_url)
    mp.undo()


def _reference(tmp_path_factory, postgres_url):
    root = tmp_path_factory.mktemp("pg-crash")
    facts, _ = write_mixed_corpus(root / "docs", N_DOCS, bad=False)
    with open_index(_project(root / "reference", _url(postgres_url, "crash_reference"))) as index:
        index.ingest(root / "docs")
        snap = _snapshot(index, facts)
    return root, facts, snap


@pytest.mark.parametrize("where", ["mark_pending", "upsert", "commit"])
def test_kill9_then_rerun_equals_uninterrupted(reference, postgres_url, where):
    root, facts, expected = reference
    url = _url(postgres_url, f"crash_{where}_{uuid.uuid4().hex[:6]}")
    project_dir = root / f"crashed-{where}"
    env = {**os.environ, "RAGTUNE_INDEX_STORE": url, "RAGTUNE_TEST_DIR": os.path.dirname(__file__)}
    proc = subprocess.run(
        [sys.executable, "-c", CRASHER, str(project_dir), str(root / "docs"), where],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stdout, proc.stderr[-2000:])
    assert f"KILLING {where}" in proc.stdout
    with open_index(_project(project_dir, url)) as index:
        partial = len(index.documents("default"))
        assert 0 < partial < N_DOCS  # two batches were committed before the kill
        report = index.ingest(root / "docs")
        # the interrupted batch was found and undone (at open, or by the writer at ingest)
        assert report.recovered > 0 and not index.manifest.unfinished()
        assert report.added == N_DOCS - partial and report.unchanged == partial
        assert not report.problems
        got = _snapshot(index, facts)
    assert got[0] == expected[0]  # documents and content hashes
    assert got[1] == expected[1]  # chunk ids, per document, in order
    assert got[2] == expected[2]  # stored rows: same ids, same hashes, no orphans
    assert got[3] == expected[3]  # labelled-query results
