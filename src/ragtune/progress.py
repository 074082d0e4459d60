"""Rich progress bars with ETA for the CLI's long commands (ingest, compare): one bar per
task on a terminal, plain lines in logs and pipes, nothing under `-q` or `--json`."""

from __future__ import annotations

import sys
import time
from typing import Any

from rich.console import Console
from rich.markup import escape


class Bars:
    """`say(msg)` prints a line above the bars; `update(key, label, done, total)` moves a bar.
    Not on a terminal, an update prints a line at most every `every_s` seconds (and at the end)."""

    def __init__(self, console: Console, quiet: bool = False, every_s: float = 10.0):
        self.console, self.quiet, self.every_s = console, quiet, every_s
        self.live = not quiet and console.is_terminal and sys.stderr.isatty()
        self.progress: Any = None
        self.tasks: dict[Any, Any] = {}
        self._last: dict[Any, float] = {}

    def __enter__(self) -> "Bars":
        if self.live:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)  # fmt: skip

            self.progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                TextColumn("[dim]{task.fields[note]}"), console=self.console,
            )  # fmt: skip
            self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.progress is not None:
            self.progress.stop()

    def say(self, message: str) -> None:
        if not self.quiet:
            (self.progress.console if self.progress else self.console).print(escape(message), highlight=False)

    def update(self, key: Any, label: str, done: int, total: int | None, note: str = "") -> None:
        if self.quiet:
            return
        if self.progress is not None:
            if key not in self.tasks:
                self.tasks[key] = self.progress.add_task(label, total=total, note=note)
            self.progress.update(self.tasks[key], completed=done, total=total, note=note)
            return
        now = time.monotonic()
        if done == total or now - self._last.get(key, 0.0) >= self.every_s:
            self._last[key] = now
            self.say(f"  {label}: {done}/{total if total is not None else '?'}")


class CompareProgress(Bars):
    """The arena's progress: its messages as lines, its answered batches as one bar per
    strategy and phase."""

    def __call__(self, message: str) -> None:
        self.say(message)

    def answered(self, strategy: str, phase: str, done: int, total: int) -> None:
        self.update((strategy, phase), f"{strategy} {phase}", done, total)


class IngestProgress(Bars):
    """`api.ingest`'s progress callback `(done, total, path)`: one bar for the files."""

    def __call__(self, done: int, total: int, path: str) -> None:
        self.update("ingest", "ingest", done, total, path[-48:])
