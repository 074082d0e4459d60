"""Rich progress for `ragtune qa`: one bar per stage (ingest, questions, checks, rewrite)."""

from __future__ import annotations

from typing import Any

from rich.console import Console

STAGES = {"ingest": "ingest", "questions": "questions", "checks": "checked items",
          "rewrite": "rewrite"}  # fmt: skip


class DraftProgress:
    """A progress callback `(stage, done, total)`: a live bar on a terminal, nothing when quiet."""

    def __init__(self, console: Console, quiet: bool = False):
        self.console = console
        self.quiet = quiet
        self.progress: Any = None
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> "DraftProgress":
        if not self.quiet:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn("[bold]{task.description:<14}"), BarColumn(),
                                     MofNCompleteColumn(), TimeElapsedColumn(), console=self.console,
                                     transient=False)  # fmt: skip
            self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.progress is not None:
            self.progress.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.progress is None:
            return
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(STAGES.get(stage, stage), total=total or None)
        self.progress.update(self.tasks[stage], completed=done, total=total or None)
