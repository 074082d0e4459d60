"""The PostgreSQL + pgvector backend against a real server (the `postgres_url` fixture).

The VectorStore contract suite (tests/test_index_contract.py) runs here unchanged, every test
on a fresh schema; then what only this backend has: migrations, filters on the HNSW path,
the writer lock, concurrent processes, and the Index/CLI wiring (`index.store = postgresql://…`).
"""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

import pytest

import test_index_contract as contract
from test_index_contract import DIM, _chunk, _put, fake_embed

# the same contract tests, collected again in this module with its `store` fixture
for _name in dir(contract):
    if _name.startswith("test_"):
        globals()[_name] = getattr(contract, _name)


def schema_url(base: str, schema: str) -> str:
    return base + ("&" if "?" in base else "?") + urlencode({"schema": schema})


@pytest.fixture
def pg_schema(postgres_url):
    """A fresh schema name (dropped afterwards) and its URL."""
    import psycopg
    from psycopg import sql

    name = "t_" + uuid.uuid4().hex[:12]
    yield name, schema_url(postgres_url, name)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


@pytest.fixture
def store(pg_schema):
    from ragtune.index.pgvector import PgVectorStore

    s = PgVectorStore(pg_schema[1], DIM)
    yield s
    s.close()


# ------------------------------------------------------------------ schema, filters, lock


def test_migrations_are_versioned_and_refuse_a_newer_schema(pg_schema):
    from ragtune.errors import RagtuneError
    from ragtune.index.pgvector import Database, migrations

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
    from ragtune.index.pgvector import Database, PgVectorStore

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

    bad = Project(root=tmp_path, settings=Settings(index={"store": "postgresql://nobody@/nowhere?host=/nonexistent&password=s3cret"}), origin={})
    with pytest.raises(RagtuneError, match="cannot connect to PostgreSQL") as e:
        open_index(bad)
    assert "s3cret" not in str(e.value)
    unknown = Project(root=tmp_path, settings=Settings(index={"store": "mysql://x"}), origin={})
    with pytest.raises(InputError, match="unknown index.store"):
        open_index(unknown)
