"""kill -9 during ingest, then a re-run: the index equals an uninterrupted ingest, on both backends.

A real subprocess ingests a corpus and SIGKILLs itself at the worst moments: after documents
were marked pending but before the store write (`mark_pending`), on PostgreSQL also inside the
store's transaction after the rows were written but before COMMIT (`upsert`), and after the
store write but before the manifest commit (`commit`). The re-run must recover and end with
the same documents, chunk ids, stored chunks and labelled-query results as an ingest that was
never interrupted.

The embedded store runs with the real embedder. On PostgreSQL what is under test is the store
and the manifest, not the model: the reference and the crashing process embed with
`HashEmbedder` (hashed bags of words), so each subprocess starts in about a second instead of
loading torch.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid

import pytest
from conftest import index_snapshot

from ragtune.config import Settings
from ragtune.corpus.sample import write_mixed_corpus
from ragtune.index import open_index
from ragtune.index.core import Index
from ragtune.project import Project

N_DOCS = 60
# the embedded cases load torch in a subprocess (slow); the PostgreSQL ones start in a second
CASES = [pytest.param(backend, where, id=f"{backend}-{where}",
                      marks=[pytest.mark.slow] if backend == "qdrant-edge" else [])
         for backend, where in [("qdrant-edge", "mark_pending"), ("qdrant-edge", "commit"),
                                ("pgvector", "mark_pending"), ("pgvector", "upsert"),
                                ("pgvector", "commit")]]  # fmt: skip


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


CRASHER = r"""
import contextlib, os, signal, sys
sys.path.insert(0, os.environ["RAGTUNE_TEST_DIR"])
from test_index_crash import HashEmbedder
from ragtune.index import ingest, open_index
from ragtune.index.core import Index
from ragtune.index.edge import SqliteManifest
from ragtune.index.postgres import PgManifest, PgVectorStore
from ragtune.project import Project

project, corpus, where, backend = sys.argv[1:5]
ingest.BATCH_CHUNKS = 8  # several write cycles, so the kill lands mid-run
calls = {"n": 0}
if backend == "pgvector":
    owner = PgVectorStore if where == "upsert" else PgManifest
    embedder = HashEmbedder()
    Index.embedder = lambda self: embedder
else:
    owner = SqliteManifest
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
    die(where)  # commit: the store write is done, the manifest commit is not

setattr(owner, where, dying)
open_index(Project.open(project)).ingest(corpus)
print("FINISHED WITHOUT CRASH", flush=True)
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    facts, _ = write_mixed_corpus(root / "docs", N_DOCS, bad=False)
    return root, facts, {}  # the last: backend -> snapshot of an uninterrupted ingest


def _setup(backend, request, monkeypatch):
    """(project at a path, the env of the crashing process) for a backend; on PostgreSQL every
    project gets its own schema and the in-process index embeds with HashEmbedder."""
    if backend == "qdrant-edge":
        request.getfixturevalue("pool")
        return (lambda path, name: Project.open(path)), {}
    base = request.getfixturevalue("postgres_url")
    embedder = HashEmbedder()
    monkeypatch.setattr(Index, "embedder", lambda self: embedder)
    urls: dict[str, str] = {}

    def project(path, name):
        url = urls.setdefault(name, base + ("&" if "?" in base else "?") + f"schema={name}")
        return Project(root=path, settings=Settings(index={"store": url}), origin={})

    return project, urls


@pytest.mark.parametrize("backend,where", CASES)
def test_kill9_then_rerun_equals_uninterrupted(corpus, backend, where, request, monkeypatch):
    root, facts, references = corpus
    queries = [f.query for f in facts]
    project, urls = _setup(backend, request, monkeypatch)
    if backend not in references:
        with open_index(project(root / f"reference-{backend}", "crash_reference")) as index:
            index.ingest(root / "docs")
            references[backend] = index_snapshot(index, queries)
    expected = references[backend]
    schema = f"crash_{where}_{uuid.uuid4().hex[:6]}"
    project_dir = root / f"crashed-{backend}-{where}"
    crashed = project(project_dir, schema)
    env = {**os.environ, "RAGTUNE_TEST_DIR": os.path.dirname(__file__)}
    if backend == "pgvector":
        env["RAGTUNE_INDEX_STORE"] = urls[schema]
    proc = subprocess.run(
        [sys.executable, "-c", CRASHER, str(project_dir), str(root / "docs"), where, backend],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stdout, proc.stderr[-2000:])
    assert f"KILLING {where}" in proc.stdout
    with open_index(crashed) as index:
        if backend == "qdrant-edge":
            assert index.recovered > 0  # the interrupted batch was found and undone at open
        partial = len(index.documents("default"))
        assert 0 < partial < N_DOCS  # two batches were committed before the kill
        report = index.ingest(root / "docs")
        # the interrupted batch was found and undone (at open, or by the writer at ingest)
        assert report.recovered > 0 and not index.manifest.unfinished()
        assert report.added == N_DOCS - partial and report.unchanged == partial
        assert not report.problems
        got = index_snapshot(index, queries)
    assert got[0] == expected[0]  # documents and content hashes
    assert got[1] == expected[1]  # chunk ids, per document, in order
    assert got[2] == expected[2]  # stored points: same ids, same payload hashes, no orphans
    assert got[3] == expected[3]  # labelled-query results
