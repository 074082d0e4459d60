"""The PostgreSQL + pgvector backend against a real server (the `postgres_url` fixture).

The VectorStore contract suite (tests/test_index_contract.py) runs on this backend too; here is
what only it has: migrations, filters on the HNSW path, the writer lock, concurrent processes,
and the Index/CLI wiring (`index.store = postgresql://…`).
"""

from __future__ import annotations

import pytest

from test_index_contract import DIM, _chunk, _put, make_pgvector


@pytest.fixture
def store(request):
    """The PostgreSQL store on a fresh schema."""
    s = make_pgvector(request, None)
    yield s
    s.close()


# ------------------------------------------------------------------ schema, filters, lock


def test_migrations_are_versioned_and_refuse_a_newer_schema(pg_schema):
    from ragtune.errors import RagtuneError
    from ragtune.index.postgres import Database, migrations

    name, url = pg_schema
    db = Database(url)
    with db.connection() as conn:
        applied = conn.execute("SELECT version, name FROM schema_migrations ORDER BY 1").fetchall()
        assert [(v, n) for v, n, _ in migrations()] == applied and applied[0] == (1, "initial")
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (9999, 'future')")
    db.close()
    with pytest.raises(RagtuneError, match="version 9999; this ragtune knows up to"):
        Database(url)


def test_filtered_hnsw_scan_still_fills_k(store):
    """A 2% filter on the HNSW path: ef_search (128) alone would yield ~3 matches; the
    iterative scan keeps going until k=20 are found, close to the exact answer."""
    import numpy as np

    rng = np.random.default_rng(1)
    n = 3000
    chunks = [_chunk(i, region="eu" if i % 50 == 0 else "us", topic="filler") for i in range(n)]
    vecs = rng.normal(size=(n, DIM)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    store.upsert(chunks, vecs)
    store.optimize()
    q = vecs[1]  # a "us" vector: its neighbourhood is 98% filtered out
    exact = [f"doc{i}" for i in np.argsort(-(vecs @ q)) if i % 50 == 0][:20]
    where, params = store._where("default", {"field": "region", "eq": "eu"})
    with store.db.connection() as conn:
        # at this size the planner would rather scan exactly; make it take the HNSW path
        conn.execute("SET enable_seqscan = off")
        conn.execute("SET enable_bitmapscan = off")
        try:
            assert conn.execute("SHOW hnsw.iterative_scan").fetchone()[0] == "relaxed_order"
            plan = "\n".join(r[0] for r in conn.execute(
                "EXPLAIN SELECT chunk_id FROM chunks WHERE collection = 'default' AND filt @> %s "
                "ORDER BY embedding::vector(64) <=> %s::vector LIMIT 20",
                (_jsonb({"region": ["eu"]}), q),
            ))  # fmt: skip
            assert "Index Scan using chunks_embedding_hnsw" in plan
            hits = store._dense(conn, q, where, params, 20)
        finally:
            conn.execute("RESET enable_seqscan")
            conn.execute("RESET enable_bitmapscan")
    assert len(hits) == 20 and {h.metadata["region"] for h in hits} == {"eu"}
    assert len({h.doc_id for h in hits} & set(exact)) >= 18
    # and through the public API (whatever plan the planner picks)
    api = store.search("default", 20, "", q, {"field": "region", "eq": "eu"}, "dense")
    assert len({h.doc_id for h in api} & set(exact)) >= 18


def _jsonb(value):
    from psycopg.types.json import Jsonb

    return Jsonb(value)


def test_one_writer_at_a_time_readers_never_wait(pg_schema):
    from ragtune.errors import IndexLockedError
    from ragtune.index.postgres import Database, PgVectorStore

    a, b = Database(pg_schema[1]), Database(pg_schema[1])
    try:
        with a.writer_lock():
            with pytest.raises(IndexLockedError, match=r"another process is writing .*ragtune\["):
                b.writer_lock().acquire(wait_s=0.3)
            reader = PgVectorStore(b, DIM)
            _put(reader, [_chunk(1, topic="readers are fine")])  # the lock guards Index writes only
            assert reader.count() == 1
        with b.writer_lock():  # released by the first
            pass
    finally:
        a.close()
        b.close()


def test_bad_url_and_unknown_store_are_one_line_errors(tmp_path):
    from ragtune.config import Settings
    from ragtune.errors import InputError, RagtuneError
    from ragtune.index import open_index
    from ragtune.project import Project

    url = "postgresql://nobody@/nowhere?host=/nonexistent&password=s3cret"
    bad = Project(root=tmp_path, settings=Settings(index={"store": url}), origin={})
    with pytest.raises(RagtuneError, match="cannot connect to PostgreSQL") as e:
        open_index(bad)
    assert "s3cret" not in str(e.value)
    unknown = Project(root=tmp_path, settings=Settings(index={"store": "mysql://x"}), origin={})
    with pytest.raises(InputError, match="unknown index.store"):
        open_index(unknown)


# ------------------------------------------------------------------ the Index and the CLI on PostgreSQL


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    from ragtune.corpus.sample import write_mixed_corpus

    root = tmp_path_factory.mktemp("pg-labelled")
    facts, _ = write_mixed_corpus(root / "docs", 60, bad=False)
    return root, facts


def _cli(*args, env=None):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in {**os.environ, **(env or {})}.items() if k != "RAGTUNE_PROJECT"}
    return subprocess.run([sys.executable, "-m", "ragtune.cli", *args], env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def test_every_command_on_postgres_matches_the_embedded_index(labelled, pg_schema, pool, tmp_path):
    """`ragtune ingest/search --store postgresql://…` and `index.store` in ragtune.toml: the
    same documents, chunks and labelled results as the embedded store; a second process
    searches while this one holds the index open (the embedded store refuses that)."""
    import json

    from typer.testing import CliRunner

    from ragtune.cli import app
    from ragtune.config import Settings
    from ragtune.index import open_index
    from ragtune.project import Project

    root, facts = labelled
    url = pg_schema[1]
    queries = [f.query for f in facts]
    project_dir = tmp_path / "project"  # one project: the PostgreSQL ingest reuses cached embeddings
    with open_index(Project(root=project_dir, settings=Settings(), origin={})) as edge:
        edge.ingest(root / "docs")
        edge_docs = {d.doc_id: d.content_hash for d in edge.documents()}
        edge_chunks = edge.manifest.chunk_ids("default")
        edge_dense = [[h.chunk_id for h in r] for r in edge.search_many(queries, 5, mode="dense")]

    runner = CliRunner()
    result = runner.invoke(app, ["-p", str(project_dir), "ingest", str(root / "docs"), "--store", url])
    assert result.exit_code == 0, result.output
    assert "60 added, 0 changed, 0 removed, 0 unchanged" in result.output
    (project_dir / "ragtune.toml").write_text(f'[index]\nstore = "{url}"\n')  # the config route
    result = runner.invoke(app, ["-p", str(project_dir), "ingest", str(root / "docs")])
    assert "0 added, 0 changed, 0 removed, 60 unchanged" in result.output, result.output

    with open_index(Project.open(project_dir)) as pg:
        assert type(pg.backend).__name__ == "PostgresBackend" and pg.stats()["store"] == "pgvector"
        assert {d.doc_id: d.content_hash for d in pg.documents()} == edge_docs
        assert pg.manifest.chunk_ids("default") == edge_chunks
        assert pg.store.chunk_ids("default") == {c for ids in edge_chunks.values() for c in ids}
        dense = [[h.chunk_id for h in r] for r in pg.search_many(queries, 5, mode="dense")]
        assert sum(a == b for a, b in zip(dense, edge_dense)) >= 0.95 * len(queries)
        for mode in ("dense", "bm25", "hybrid"):
            results = pg.search_many(queries, 5, mode=mode)
            at5 = sum(f.doc_id in {h.doc_id for h in r} for r, f in zip(results, facts)) / len(facts)
            assert at5 >= 0.95, (mode, at5)
        # a second process reads while this one has the index open
        other = _cli("-p", str(project_dir), "search", facts[3].query, "--mode", "bm25", "-k", "1",
                     "--json")  # fmt: skip
        assert other.returncode == 0, other.stderr
        assert json.loads(other.stdout)[0]["doc_id"] == facts[3].doc_id
        # ...and a second writer is told who holds the lock, in one line
        with pg.backend.writing():
            busy = _cli("-p", str(project_dir), "ingest", str(root / "docs"))
        assert busy.returncode != 0 and "another process is writing" in busy.stderr
        assert "Traceback" not in busy.stderr
    result = runner.invoke(app, ["-p", str(project_dir), "search", facts[0].query, "--filter",
                                 f"doc_id={facts[0].doc_id}", "--json", "--store", url])  # fmt: skip
    assert result.exit_code == 0 and [h["doc_id"] for h in json.loads(result.stdout)] == [facts[0].doc_id]
    # a read replica (here: a read-only session) serves searches and refuses writes
    read_only = url + "&options=-c%20default_transaction_read_only%3Don"
    result = runner.invoke(app, ["-p", str(project_dir), "search", facts[1].query, "--json",
                                 "--store", read_only])  # fmt: skip
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["doc_id"] == facts[1].doc_id
    result = runner.invoke(app, ["-p", str(project_dir), "ingest", str(root / "docs"), "--store", read_only])
    assert result.exit_code != 0 and "is read-only (a replica" in str(result.exception or result.output)
    result = runner.invoke(app, ["-p", str(project_dir), "ingest", str(root / "docs"), "--rebuild"])
    assert "60 added" in result.output, result.output


def test_server_on_postgres_upserts_searches_and_deletes(pg_schema, pool, tmp_path):
    """`ragtune serve` unchanged on PostgreSQL: documents through the API, search, chunk, delete."""
    from conftest import served_project

    from ragtune.config import Settings

    docs = [
        {"id": "handbook/launch", "title": "Launch", "text": "The Zorblax launch code is AMBER-4471."},
        {"id": "handbook/parking", "title": "Parking", "text": "Visitors park in garage B on level 2."},
    ]
    settings = Settings(index={"store": pg_schema[1]})
    with served_project(tmp_path, settings, {"team": ["handbook"]}, {"team": docs}) as served:
        http = served.clients["team"]
        assert served.upserts["team"]["added"] == 2
        for mode in ("hybrid", "bm25", "dense"):
            body = {"query": "Zorblax launch code", "mode": mode, "k": 2}
            hits = http.post("/v1/search", json=body).json()["hits"]
            assert hits[0]["doc_id"] == "handbook/launch" and "AMBER-4471" in hits[0]["text"], mode
        chunk = http.get(f"/v1/chunks/{hits[0]['chunk_id']}").json()["chunk"]
        assert chunk["doc_id"] == "handbook/launch"
        r = http.request("DELETE", "/v1/documents", json={"ids": ["handbook/launch"]})
        assert r.status_code == 200 and r.json()["deleted"] == 1
        hits = http.post("/v1/search", json={"query": "Zorblax", "mode": "bm25", "k": 2}).json()["hits"]
        assert [h["doc_id"] for h in hits] == []
