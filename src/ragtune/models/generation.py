"""What every generator returns, the calls strategies make, and the helpers backends share.

A backend (local torch, local int8, HTTP) computes on chats: `generate_chats`, `stream_chat`,
`score_chat`, `count_tokens`. `Generator` turns the calls strategies make (a prompt string or a
chat, an optional system prompt, decoding keywords) into those, so each backend is usable on
its own and `CachedGenerator` (models/cache.py) serves any of them behind one disk cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

Prompt = str | list[dict[str, str]]  # a user message, or a full chat (role/content dicts)
Chat = list[dict[str, str]]


@dataclass
class Generation:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    finish_reason: str = "stop"  # "stop" (eos or stop string) or "length"
    ms: float = 0.0
    cached: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Decoding:
    """How to decode: greedy unless temperature > 0 (then top_p and seed apply); `beams` > 1
    makes greedy decoding a beam search of that width (local backends; an HTTP model ignores it)."""

    max_new_tokens: int = 32
    temperature: float = 0.0
    stop: tuple[str, ...] = ()
    top_p: float = 1.0
    seed: int = 0
    beams: int = 1

    @property
    def greedy(self) -> bool:
        return self.temperature <= 0


def as_messages(prompt: Prompt, system: str | None = None) -> Chat:
    messages = [{"role": "user", "content": prompt}] if isinstance(prompt, str) else list(prompt)
    if system is not None and not (messages and messages[0].get("role") == "system"):
        messages = [{"role": "system", "content": system}, *messages]
    return messages


def cut_at_stop(text: str, stop: Iterable[str] | None) -> tuple[str, bool]:
    """Text up to the earliest stop string, and whether one was found."""
    if not stop:
        return text, False
    cut = min((i for s in stop if s and (i := text.find(s)) >= 0), default=-1)
    return (text[:cut], True) if cut >= 0 else (text, False)


def until_stop(pieces: Iterable[str], stop: Iterable[str] | None) -> Iterator[str]:
    """Pass streamed text pieces through, ending before the first stop string; a possible
    stop-string prefix at the end is held back until the next piece decides it."""
    stop = [s for s in stop or [] if s]
    hold = max((len(s) - 1 for s in stop), default=0)
    produced, sent = "", 0
    for piece in pieces:
        produced += piece
        visible, hit = cut_at_stop(produced, stop)
        if hit:
            if len(visible) > sent:
                yield visible[sent:]
            return
        safe = len(produced) - hold
        if safe > sent:
            yield produced[sent:safe]
            sent = safe
    if len(produced) > sent:
        yield produced[sent:]


class Generator:
    """The calls strategies make. Subclasses (the backends, and the cache in front of them)
    implement the chat-level methods below."""

    model_id: str

    def generate(
        self,
        prompts: list[Prompt],
        max_new_tokens: int = 32,
        temperature: float = 0.0,
        stop: list[str] | None = None,
        system: str | None = None,
        top_p: float = 1.0,
        seed: int = 0,
        batch_size: int | None = None,
        beams: int = 1,
    ) -> list[Generation]:
        decoding = Decoding(max_new_tokens, temperature, tuple(stop or ()), top_p, seed, max(1, beams))
        return self.generate_chats([as_messages(p, system) for p in prompts], decoding, batch_size)

    def stream(
        self,
        prompt: Prompt,
        max_new_tokens: int = 32,
        temperature: float = 0.0,
        stop: list[str] | None = None,
        system: str | None = None,
    ) -> Iterator[str]:
        """Yield text pieces as they are generated (greedy unless temperature > 0)."""
        decoding = Decoding(max_new_tokens, temperature, tuple(stop or ()))
        return self.stream_chat(as_messages(prompt, system), decoding)

    def score_choices(
        self, prompt: Prompt, choices: list[str], system: str | None = None
    ) -> list[float]:
        """A score per choice as the assistant's reply to `prompt` (higher = more likely)."""
        if not choices:
            return []
        return self.score_chat(as_messages(prompt, system), list(choices))

    # ------------------------------------------------------------------ what backends implement

    def generate_chats(
        self, chats: list[Chat], decoding: Decoding, batch_size: int | None = None
    ) -> list[Generation]:
        raise NotImplementedError

    def stream_chat(self, chat: Chat, decoding: Decoding) -> Iterator[str]:
        raise NotImplementedError

    def score_chat(self, chat: Chat, choices: list[str]) -> list[float]:
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        raise NotImplementedError

    def cache_identity(self) -> str:
        """What a cached result depends on besides the chat: the model, the adapter in use,
        the precision. Results of two backends with the same identity are interchangeable."""
        return self.model_id
