"""Strategy spec strings: `pipeline[@key=value...]`, e.g. `rag`, `agentic@adapter=lora-001`,
`rag@program=opt-003`, `rag@adapter=raft-002@program=opt-003` (`,` also separates options)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ragtune.errors import InputError

PIPELINES = ("closed_book", "rag", "agentic")
_KEYS = ("adapter", "program")
_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")


@dataclass(frozen=True)
class StrategySpec:
    pipeline: str
    adapter: str | None = None
    program: str | None = None

    def __str__(self) -> str:
        parts = [self.pipeline]
        if self.adapter:
            parts.append(f"adapter={self.adapter}")
        if self.program:
            parts.append(f"program={self.program}")
        return "@".join(parts)

    @property
    def retrieves(self) -> bool:
        return self.pipeline != "closed_book"


def parse_spec(text: str) -> StrategySpec:
    raw = text.strip()
    head, *rest = re.split(r"[@,]", raw)
    if head not in PIPELINES:
        raise InputError(
            f"unknown strategy {raw!r}",
            f"a spec is PIPELINE[@adapter=ID][@program=ID] with PIPELINE one of {', '.join(PIPELINES)}",
        )
    options: dict[str, str] = {}
    for part in rest:
        key, sep, value = part.partition("=")
        if not sep or key not in _KEYS or not _NAME.fullmatch(value):
            raise InputError(
                f"bad option {part!r} in strategy {raw!r}",
                "options are adapter=ID and program=ID (letters, digits, . _ -)",
            )
        options[key] = value
    return StrategySpec(head, options.get("adapter"), options.get("program"))


def parse_specs(text: str) -> list[StrategySpec]:
    """A comma-free list for --strategies: `closed_book rag agentic@adapter=x` or `;`/space separated.

    Commas inside a spec separate its options, so lists use spaces or `;`; the common
    `closed_book,rag,agentic` (no options anywhere) is accepted too."""
    items = [t for t in re.split(r"[;\s]+", text.strip()) if t]
    if len(items) == 1 and "@" not in items[0] and "," in items[0]:
        items = items[0].split(",")
    return [parse_spec(t) for t in items]
