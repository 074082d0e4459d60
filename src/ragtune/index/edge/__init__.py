"""The embedded backend (`index.store = "qdrant-edge"`, the default), under `.ragtune/index/`:

    format.json       format version, store, embedder, dimension
    LOCK              the holder's pid: one process opens the index (lock.py)
    manifest.sqlite   documents, chunk ids, files (manifest.py)
    qdrant/           the Qdrant Edge shard (store.py)
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any, Iterator

from ragtune.index.edge.lock import ProcessLock
from ragtune.index.edge.manifest import SqliteManifest
from ragtune.index.edge.store import QdrantEdgeStore
from ragtune.index.interfaces import REBUILD_HINT
from ragtune.project import atomic_write_json

__all__ = ["EdgeBackend", "ProcessLock", "QdrantEdgeStore", "SqliteManifest"]

FORMAT_FILE = "format.json"


class EdgeBackend:
    """`Backend` (interfaces.py) on local files; opening it takes the process lock, so the
    writer is whoever opened it."""

    name = "qdrant-edge"
    rebuild_hint = REBUILD_HINT

    def __init__(self, path: Path, settings: Any):
        self.path = Path(path)
        self.settings = settings
        self.where = f"at {self.path}"
        self.lock = ProcessLock(self.path / "LOCK")
        self.lock.acquire()  # raises IndexLockedError if another process has it

    @staticmethod
    def remove(path: Path, settings: Any) -> None:
        """Delete the index's files (for --rebuild); refuses while another process has it."""
        lock = ProcessLock(path / "LOCK")
        lock.acquire()
        try:
            for child in path.iterdir():
                if child.name == "LOCK":
                    continue
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        finally:
            lock.release()

    def read_format(self) -> str | None:
        path = self.path / FORMAT_FILE
        return path.read_text(encoding="utf-8") if path.exists() else None

    def write_format(self, fmt: dict[str, Any]) -> None:
        atomic_write_json(self.path / FORMAT_FILE, fmt)

    def open_manifest(self) -> SqliteManifest:
        return SqliteManifest(self.path / "manifest.sqlite")

    def open_store(self, dim: int) -> QdrantEdgeStore:
        return QdrantEdgeStore(self.path / "qdrant", dim, self.settings.index.hnsw_ef)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        yield  # the process lock, held since opening

    @contextlib.contextmanager
    def try_writing(self) -> Iterator[bool]:
        yield True

    def generation(self) -> Any:
        return None  # only this process writes, and it invalidates its own cache

    def close(self) -> None:
        self.lock.release()
