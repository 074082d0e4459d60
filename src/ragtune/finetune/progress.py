"""Rich progress for `ragtune finetune`: loss, tokens/s, dev accuracy, elapsed and ETA."""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.markup import escape


class RichProgress:
    """A progress callback `(event, info)`; a live bar on a terminal, plain lines otherwise."""

    def __init__(self, console: Console, quiet: bool = False, warn: bool = True):
        self.console = console
        self.quiet = quiet
        self.warn = warn  # budget warnings even when quiet (e.g. --json)
        self.progress: Any = None
        self.task: Any = None
        self.dev = "-"
        self.t0 = time.perf_counter()

    def __enter__(self) -> "RichProgress":
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.progress is not None:
            self.progress.stop()

    def _bar(self) -> None:
        if self.progress is not None or self.quiet:
            return
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("[bold]train"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.fields[info]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=self.console, transient=False,
        )
        self.task = self.progress.add_task("train", total=1.0, info="")
        self.progress.start()

    def log(self, text: str) -> None:
        if self.quiet:
            return
        (self.progress.console if self.progress else self.console).print(text, highlight=False)

    def __call__(self, event: str, info: dict[str, Any]) -> None:
        if event == "step":
            self._bar()
            line = (f"step {info['step']} ep {info['epoch']} loss {info['loss']:.3f} "
                    f"{info['tokens_per_s']:.0f} tok/s dev {self.dev}")
            if self.progress is not None:
                self.progress.update(self.task, completed=min(info["progress"], 1.0), info=line)
            elif not self.quiet and info["step"] % 10 == 0:
                self.log(line)
        elif event == "eval":
            acc = info.get("accuracy")
            self.dev = "-" if acc is None else f"{acc:.3f}"
            self.log(f"dev @ step {info['step']} ({info['minutes']:.1f} min): accuracy {self.dev}, "
                     f"loss {info.get('loss', float('nan')):.3f} {escape(str(info.get('by_type', '')))}")
        elif event == "data":
            self.log(f"reading {info['chunks']} chunks")
        elif event == "data_ready":
            self.log(f"{info['examples']} training examples ({info['dropped']} dropped as leakage)")
        elif event == "run":
            what = "resuming" if info.get("resumed") else "run"
            self.log(f"{what} {info['id']} in {info['run_dir']}")
        elif event == "resumed":
            self.log(f"continuing from step {info['step']} ({info['clock_s'] / 60:.1f} min trained)")
        elif event == "start":
            self.log(f"{info['examples']} examples in {info['rows']} packed rows, "
                     f"{info['steps_per_epoch']} steps per epoch")
        elif event == "plan":
            if self.quiet and self.warn and not info.get("enough", True):
                self.console.print(plan_text(info), highlight=False)
            self.log(plan_text(info))
        elif event == "probe":
            self.log(f"forgetting probe ({info['when']} training)")
        elif event == "checkpoint" and self.progress is None and not self.quiet:
            pass


def plan_text(plan: dict[str, Any]) -> str:
    """The exposure plan in a sentence, with a warning when the budget cannot teach the facts."""
    head = (f"{plan['facts']:,} facts, {plan['phrasings_per_fact']:.1f} examples each per epoch "
            f"({plan['examples']:,} examples, {plan['epoch_tokens']:,} tokens per epoch)")
    if "exposures_per_fact" not in plan:
        return f"plan: {head}; no time budget (--max-minutes), exposures unknown"
    how = "measured" if plan.get("measured") else "estimated"
    text = (f"plan: {head}; {plan['seconds'] / 60:.1f} min of steps at {plan['tokens_per_s']:.0f} "
            f"tokens/s ({how}) = {plan['epochs']:.1f} epochs = {plan['exposures_per_fact']:.1f} "
            f"exposures per fact")
    if not plan["enough"]:
        text += (f"\n[yellow]warning:[/] knowledge injection needs about {plan['needed']} exposures "
                 f"per fact; this budget gives {plan['exposures_per_fact']:.1f}. Give about "
                 f"{plan['minutes_for_needed']:.0f} minutes of training, or fewer documents.")
    return text


def summary(record: dict[str, Any]) -> str:
    m = record.get("metrics", {})
    f = (record.get("forgetting") or {}).get("difference", {})
    fmt = lambda x: "-" if x is None else f"{x:.3f}"  # noqa: E731
    lines = [
        f"adapter {record['id']} ({record['method']}, {record['task']}) registered",
        f"  dev accuracy {fmt(m.get('dev_accuracy_base'))} -> {fmt(m.get('dev_accuracy'))} "
        f"(best step {m.get('best_step')}, {record.get('steps')} steps, stop: {record.get('stop_reason')})",
        f"  train {record.get('train_wall_s', 0) / 60:.1f} min, {record.get('tokens_per_s')} tok/s, "
        f"peak RSS {record.get('peak_rss_mb')} MB, leakage drops {record['leakage']['dropped']}",
    ]
    if f:
        lines.append(f"  forgetting: probe accuracy {f.get('accuracy', 0):+.3f}, "
                     f"perplexity x{f.get('perplexity_ratio', 1):.3f}")
    lines.append(f"  use it: ragtune ask --strategy closed_book@adapter={record['id']} \"...\"")
    return "\n".join(lines)
