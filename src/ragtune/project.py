"""A project is a folder: the human's `ragtune.toml` at its root, machine state in `.ragtune/`."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ragtune.config import Settings, load_settings

STATE_DIR = ".ragtune"


@dataclass
class Project:
    root: Path
    settings: Settings
    origin: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, root: str | Path | None = None, overrides: dict[str, Any] | None = None):
        """Open the project at `root` (default: $RAGTUNE_PROJECT or the current folder)."""
        root = Path(root or os.environ.get("RAGTUNE_PROJECT") or ".").resolve()
        settings, origin = load_settings(root, overrides)
        return cls(root=root, settings=settings, origin=origin)

    @property
    def state(self) -> Path:
        return self.root / STATE_DIR

    def path(self, *parts: str, create: bool = True) -> Path:
        """A folder under `.ragtune/` (index, adapters, runs, cache, ...), created on demand."""
        p = self.state.joinpath(*parts)
        if create:
            p.mkdir(parents=True, exist_ok=True)
        return p


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write via a temporary file in the same folder and rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_json(path: str | Path, obj: Any) -> None:
    atomic_write(path, json.dumps(obj, indent=2, sort_keys=True, default=str) + "\n")
