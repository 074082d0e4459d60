"""A run folder: append-only JSONL files plus small JSON documents written atomically.

    RUN_DIR/results.json      the summary (docs/results.schema.json)
    RUN_DIR/predictions.jsonl one line per (strategy, test question)
    RUN_DIR/freshness.jsonl   answers to the update questions before/after, and forgetting checks
    RUN_DIR/traces.jsonl      every answer's trace (steps, retrieved chunks), keyed by trace_id
    RUN_DIR/log.jsonl         what happened when: ingest, prepare, batches (with seconds), resumes
    RUN_DIR/run.json          what the run is (options, question ids): a re-run must match it
    RUN_DIR/state.json        measurements that are not per question (prepare, latency, freshness)
    RUN_DIR/split.json        the train/dev/test ids of an automatic split

Lines are appended and flushed per batch, so a crash loses at most the batch in flight; a
torn last line (killed mid-write) is ignored on reading and the pair is simply redone.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

from ragtune.errors import InputError
from ragtune.project import atomic_write, atomic_write_json


class RunDir:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def create(self) -> "RunDir":
        if self.root.exists() and not self.root.is_dir():
            raise InputError(f"{self.root} exists and is not a folder", "give --out a folder path")
        self.root.mkdir(parents=True, exist_ok=True)
        return self

    def path(self, name: str) -> Path:
        return self.root / name

    # ---------------------------------------------------------------- JSON documents

    def read_json(self, name: str, default: Any = None) -> Any:
        p = self.path(name)
        if not p.exists():
            return default
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"{p} is not valid JSON ({e})", "restore it or use a new run folder")

    def write_json(self, name: str, obj: Any, keep_order: bool = False) -> None:
        """Atomically; `keep_order` keeps insertion order (strategies in the order asked)."""
        if keep_order:
            atomic_write(self.path(name), json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n")
        else:
            atomic_write_json(self.path(name), obj)

    # ---------------------------------------------------------------- JSONL streams

    def append(self, name: str, rows: Iterable[dict[str, Any]]) -> None:
        data = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
        if not data:
            return
        p = self.path(name)
        _repair_tail(p)
        with open(p, "a", encoding="utf-8") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())

    def rows(self, name: str) -> Iterator[dict[str, Any]]:
        """Complete lines only: a torn last line (a crash mid-write) is skipped."""
        p = self.path(name)
        if not p.exists():
            return
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.endswith("\n"):
                    break
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue

    def log(self, event: str, **fields: Any) -> None:
        self.append("log.jsonl", [{"t": time.strftime("%Y-%m-%dT%H:%M:%S"), "event": event, **fields}])


def _repair_tail(p: Path) -> None:
    """Cut a torn last line so the next append starts on a fresh line."""
    if not p.exists() or p.stat().st_size == 0:
        return
    with open(p, "rb+") as f:
        f.seek(-1, os.SEEK_END)
        if f.read(1) == b"\n":
            return
        data = f.seek(0) or f.read()
        cut = data.rfind(b"\n") + 1
        f.truncate(cut)
