"""What every generator backend returns, and the helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Protocol

Prompt = str | list[dict[str, str]]  # a user message, or a full chat (role/content dicts)


@dataclass
class Generation:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    finish_reason: str = "stop"  # "stop" (eos or stop string) or "length"
    ms: float = 0.0
    cached: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def as_messages(prompt: Prompt, system: str | None = None) -> list[dict[str, str]]:
    messages = [{"role": "user", "content": prompt}] if isinstance(prompt, str) else list(prompt)
    if system is not None and not (messages and messages[0].get("role") == "system"):
        messages = [{"role": "system", "content": system}, *messages]
    return messages


def cut_at_stop(text: str, stop: list[str] | None) -> tuple[str, bool]:
    """Text up to the earliest stop string, and whether one was found."""
    if not stop:
        return text, False
    cut = min((i for s in stop if s and (i := text.find(s)) >= 0), default=-1)
    return (text[:cut], True) if cut >= 0 else (text, False)


class Generator(Protocol):
    """The protocol strategies use; LocalGenerator and HttpGenerator implement it."""

    model_id: str

    def generate(
        self,
        prompts: list[Prompt],
        max_new_tokens: int = 32,
        temperature: float = 0.0,
        stop: list[str] | None = None,
        system: str | None = None,
    ) -> list[Generation]: ...

    def stream(
        self,
        prompt: Prompt,
        max_new_tokens: int = 32,
        temperature: float = 0.0,
        stop: list[str] | None = None,
        system: str | None = None,
    ) -> Iterator[str]: ...

    def score_choices(
        self, prompt: Prompt, choices: list[str], system: str | None = None
    ) -> list[float]: ...

    def count_tokens(self, text: str) -> int: ...
