"""Generator for any OpenAI-compatible server (OpenAI, vLLM, llama.cpp server, Ollama, or
`ragtune serve`) through the official `openai` SDK: timeouts, retries with backoff on 5xx and
timeouts (the SDK's own), streaming, usage accounting, JSON-schema output where supported.
LoRA adapters are served by name, as vLLM does: `use_adapter` sends `MODEL:ADAPTER_ID`
(`ragtune serve` answers those names from its project's adapter registry).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from ragtune.errors import ModelError
from ragtune.models.generation import Chat, Decoding, Generation, Generator, cut_at_stop
from ragtune.types import Usage

T = TypeVar("T")


def make_client(base_url: str, api_key_env: str, timeout_s: float, max_retries: int):
    import openai

    key = os.environ.get(api_key_env) or "not-needed"  # local servers often need no key
    return openai.OpenAI(
        base_url=base_url.rstrip("/"), api_key=key, timeout=timeout_s, max_retries=max_retries
    )


def call_with_errors(client: Any, fn: Callable[[], T]) -> T:
    """Turn the SDK's exceptions into one-line ModelErrors that say what to do."""
    import openai

    try:
        return fn()
    except openai.AuthenticationError:
        raise ModelError(
            f"the server at {client.base_url} rejected the API key",
            "set the key in the variable named by http.api_key_env (default OPENAI_API_KEY)",
        ) from None
    except openai.APIConnectionError:
        raise ModelError(
            f"cannot reach {client.base_url}",
            "is the server running? check model.generator / embedder.model",
        ) from None
    except openai.NotFoundError as e:
        raise ModelError(
            f"{client.base_url}: not found ({_message(e)})",
            "check the URL (usually ends in /v1) and model.name",
        ) from None
    except openai.APIStatusError as e:
        raise ModelError(
            f"{client.base_url} answered {e.status_code}: {_message(e)}",
            "the server failed after retries; see its logs",
        ) from None


def _message(e: Any) -> str:
    body = getattr(e, "body", None)
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict) and "message" in err:
            return str(err["message"])
    return str(e).splitlines()[0][:200]


class HttpGenerator(Generator):
    def __init__(
        self,
        base_url: str,
        model: str = "",
        api_key_env: str = "OPENAI_API_KEY",
        timeout_s: float = 60.0,
        max_retries: int = 3,
        concurrency: int = 8,
    ):
        self.client = make_client(base_url, api_key_env, timeout_s, max_retries)
        self.model = model or self._first_model()
        self.model_id = f"http:{base_url}:{self.model}"
        self.concurrency = concurrency
        self.usage = Usage()
        self.supports_json_schema: bool | None = None  # learnt on first use
        self.adapters: dict[str, tuple[str, str]] = {}  # name -> (served adapter ID, weights' hash)
        self.active_adapter: str | None = None

    # adapters (served by name; kept to a few lines: the serve helper's edit)

    def load_adapter(self, path: str | Path, name: str, adapter_hash: str = "") -> None:
        """Nothing to load here: the server holds the adapter, named by its folder (its ID)."""
        self.adapters[name] = (Path(path).name, adapter_hash or name)

    @contextlib.contextmanager
    def use_adapter(self, name: str | None) -> Iterator[None]:
        """Send requests to `MODEL:ADAPTER_ID` inside this block (None = the base model)."""
        if name is not None and name not in self.adapters:
            raise ModelError(f"adapter {name!r} is not loaded", "`ragtune adapters list`")
        previous, self.active_adapter = self.active_adapter, name
        try:
            yield
        finally:
            self.active_adapter = previous

    @property
    def served_model(self) -> str:
        """The model name requests carry: the base model's, or `MODEL:ADAPTER_ID`."""
        return f"{self.model}:{self.adapters[self.active_adapter][0]}" if self.active_adapter else self.model

    def cache_identity(self) -> str:
        return f"{self.model_id}:{self.adapters[self.active_adapter][1]}" if self.active_adapter else self.model_id

    def _first_model(self) -> str:
        models = call_with_errors(self.client, lambda: self.client.models.list())
        data = list(models.data)
        if not data:
            raise ModelError(f"{self.client.base_url} lists no models", "set model.name")
        return data[0].id

    def count_tokens(self, text: str) -> int:
        return max(1, len(text) // 4)  # estimate; servers report exact usage per call

    def _one(self, messages: Chat, max_new_tokens: int, temperature: float,
             stop: tuple[str, ...] | None) -> Generation:
        t0 = time.perf_counter()
        resp = call_with_errors(
            self.client,
            lambda: self.client.chat.completions.create(
                model=self.served_model,
                messages=messages,
                max_tokens=max_new_tokens,
                temperature=temperature,
                stop=list(stop or ()) or None,
            ),
        )
        choice = resp.choices[0]
        text, _ = cut_at_stop(choice.message.content or "", stop)
        usage = resp.usage
        return Generation(
            text=text.strip(),
            prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
            finish_reason=choice.finish_reason or "stop",
            ms=(time.perf_counter() - t0) * 1000,
        )

    def generate_chats(
        self, chats: list[Chat], decoding: Decoding, batch_size: int | None = None
    ) -> list[Generation]:
        d = decoding  # beams are not sent: the OpenAI API has no beam search (greedy is used)
        with ThreadPoolExecutor(max_workers=self.concurrency) as ex:
            out = list(ex.map(lambda c: self._one(c, d.max_new_tokens, d.temperature, d.stop), chats))
        for g in out:
            self.usage = self.usage + Usage(g.prompt_tokens, g.completion_tokens)
        return out

    def stream_chat(self, chat: Chat, decoding: Decoding) -> Iterator[str]:
        stream = call_with_errors(
            self.client,
            lambda: self.client.chat.completions.create(
                model=self.served_model,
                messages=chat,
                max_tokens=decoding.max_new_tokens,
                temperature=decoding.temperature,
                stop=list(decoding.stop) or None,
                stream=True,
                stream_options={"include_usage": True},
            ),
        )
        for chunk in stream:
            if chunk.usage:
                self.usage = self.usage + Usage(
                    chunk.usage.prompt_tokens or 0, chunk.usage.completion_tokens or 0
                )
            if chunk.choices and chunk.choices[0].delta.content:
                yield chunk.choices[0].delta.content

    def score_chat(self, chat: Chat, choices: list[str]) -> list[float]:
        """Servers rarely expose prompt log-likelihoods, so ask the model to pick one:
        JSON schema with an enum where the server supports it, else a constrained prompt
        parsed deterministically. Returns 0 for the picked choice and -inf for the others."""
        listing = "\n".join(f"- {c}" for c in choices)
        messages = list(chat) + [
            {"role": "user", "content": f"Reply with exactly one of these options:\n{listing}"}
        ]
        picked = self._pick_json(messages, choices) if self.supports_json_schema is not False else None
        if picked is None:
            gen = self._one(messages, 16, 0.0, None)
            picked = _first_named(gen.text, choices)
        return [0.0 if c == picked else float("-inf") for c in choices]

    def _pick_json(self, messages: list[dict], choices: list[str]) -> str | None:
        import openai

        schema = {
            "type": "object",
            "properties": {"choice": {"type": "string", "enum": choices}},
            "required": ["choice"],
            "additionalProperties": False,
        }
        try:
            resp = self.client.chat.completions.create(
                model=self.served_model,
                messages=messages,
                max_tokens=32,
                temperature=0,
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": "choice", "schema": schema, "strict": True},
                },
            )
            value = json.loads(resp.choices[0].message.content or "{}").get("choice")
            self.supports_json_schema = True
            return value if value in choices else None
        except (openai.BadRequestError, openai.UnprocessableEntityError, json.JSONDecodeError):
            self.supports_json_schema = False
            return None


def _first_named(text: str, choices: list[str]) -> str:
    low = text.lower()
    positions = [(low.find(c.lower()), c) for c in choices if low.find(c.lower()) >= 0]
    return min(positions)[1] if positions else choices[0]
