"""The index: a backend's vector store (dense + BM25, filters) plus its manifest, per project.

    from ragtune.index import open_index
    with open_index(project) as index:
        report = index.ingest("docs/")
        hits = index.search("question", k=5, filters={"year": 2024}, mode="hybrid")

`index.store` picks the backend (`backend_class`): `qdrant-edge` (the default, embedded in
`.ragtune/index/`: ragtune.index.edge) or a `postgresql://…` URL (ragtune.index.postgres).
The generic `Index` (core.py) works the same on both; interfaces.py says what a backend provides.
"""

from __future__ import annotations

from pathlib import Path

from ragtune.config import Settings
from ragtune.errors import InputError, RagtuneError
from ragtune.index.core import Index, is_open, shared_index
from ragtune.index.ingest import IngestProblems, IngestReport
from ragtune.index.interfaces import FORMAT_VERSION, MODES, Backend, DocumentInfo, Manifest
from ragtune.index.interfaces import PendingDoc, VectorStore
from ragtune.project import Project

__all__ = [
    "FORMAT_VERSION",
    "MODES",
    "Backend",
    "DocumentInfo",
    "Index",
    "IngestProblems",
    "IngestReport",
    "Manifest",
    "PendingDoc",
    "VectorStore",
    "backend_class",
    "open_index",
    "remove_index",
]


def backend_class(settings: Settings) -> type:
    """The backend `index.store` names: `EdgeBackend` for `qdrant-edge`, `PostgresBackend`
    for a postgresql:// URL. Each is constructed as `(index folder, settings)` and has
    `remove(index folder, settings)`."""
    store = settings.index.store
    if store.startswith(("postgresql://", "postgres://")):
        from ragtune.index.postgres import PostgresBackend

        return PostgresBackend
    if store != "qdrant-edge":
        raise InputError(f"unknown index.store {store!r}", "use `qdrant-edge` or a postgresql://… URL")
    from ragtune.index.edge import EdgeBackend

    return EdgeBackend


def open_index(project: Project | str | Path, settings: Settings | None = None) -> Index:
    """The project's index, opened once per process (close() releases this caller's use)."""
    if not isinstance(project, Project):
        project = Project.open(project)
    path = project.path("index").resolve()
    settings = settings or project.settings

    def make() -> Index:
        backend = backend_class(settings)(path, settings)
        return Index(path, backend, settings, cache_dir=project.path("cache"))

    return shared_index(path, make)


def remove_index(project: Project) -> None:
    """Delete the project's index (for --rebuild); refuses while this process has it open."""
    path = project.path("index").resolve()
    if is_open(path):
        raise RagtuneError("the index is open in this process", "close it before rebuilding")
    backend_class(project.settings).remove(path, project.settings)
