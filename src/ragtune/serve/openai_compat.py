"""OpenAI-compatible wire format: request/response shapes, SSE streaming, error bodies,
and a minimal app that exposes a raw generator (`/v1/models`, `/v1/chat/completions`).

The full server (`ragtune serve`: strategies as models, keys, tenants) builds on these pieces;
the raw-generator app lets the HTTP backend be tested against the real local model.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from typing import Any, Iterator

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse
from openai.types import CompletionUsage, CreateEmbeddingResponse, Embedding, Model
from openai.types.chat import ChatCompletion, ChatCompletionChunk, ChatCompletionMessage
from openai.types.chat.chat_completion import Choice
from openai.types.chat.chat_completion_chunk import Choice as ChunkChoice
from openai.types.chat.chat_completion_chunk import ChoiceDelta
from openai.types.chat.completion_create_params import CompletionCreateParamsBase
from openai.types.create_embedding_response import Usage
from pydantic import BaseModel, ConfigDict, Field


class ChatMessage(BaseModel):
    role: str
    content: str | list[dict[str, Any]] | None = ""  # a string, or OpenAI's content parts


class StreamOptions(BaseModel):
    include_usage: bool = False


# OpenAI's chat parameters (from the openai package's request type); those answered as
# asked; those that do not change an answer (bookkeeping, caching hints, greedy decoding's
# seed); and the values at which the rest change nothing
OPENAI_CHAT_PARAMS = frozenset(CompletionCreateParamsBase.__annotations__)
_HANDLED = frozenset({"model", "messages", "max_tokens", "max_completion_tokens", "temperature",
                      "stop", "stream", "stream_options", "response_format"})  # fmt: skip
_HARMLESS = frozenset({"seed", "user", "metadata", "store", "service_tier", "safety_identifier",
                       "prompt_cache_key", "prompt_cache_options", "prompt_cache_retention"})  # fmt: skip
_NEUTRAL: dict[str, tuple] = {"n": (1,), "top_p": (1,), "frequency_penalty": (0,),
                              "presence_penalty": (0,), "logprobs": (False,),
                              "parallel_tool_calls": (True, False), "tool_choice": ("none", "auto"),
                              "function_call": ("none", "auto"), "modalities": (["text"],)}  # fmt: skip
_WHY = {"tools": "tool calls are not supported by this server; send the request without `tools`",
        "functions": "function calls are not supported by this server; send it without `functions`",
        "n": "one choice per request is served (n = 1)"}  # fmt: skip


class ChatRequest(BaseModel):
    """OpenAI's chat request. Parameters that would change the answer and are not served
    (`tools`, `functions`, `n` > 1, `logprobs`, a non-text `response_format`, ...) are
    refused with a 400 naming them (`unserved`), never ignored; unknown ones too, as OpenAI
    does."""

    model_config = ConfigDict(extra="allow")

    model: str = ""
    messages: list[ChatMessage]
    max_tokens: int | None = Field(None, ge=1, le=4096)
    max_completion_tokens: int | None = Field(None, ge=1, le=4096)
    temperature: float | None = Field(0.0, ge=0.0, le=2.0)
    stop: str | list[str] | None = None
    stream: bool | None = False
    stream_options: StreamOptions | None = None
    response_format: dict[str, Any] | None = None

    def stops(self) -> list[str] | None:
        return [self.stop] if isinstance(self.stop, str) else self.stop

    @property
    def temp(self) -> float:
        return self.temperature or 0.0

    def limit(self, default: int) -> int:
        return self.max_completion_tokens or self.max_tokens or default

    def unserved(self, json_schema: bool = False) -> tuple[str, str] | None:
        """(parameter, why) for the first parameter of the request that is not served.
        `json_schema`: whether a `json_schema` response_format can be honoured."""
        ours = set(type(self).model_fields) - OPENAI_CHAT_PARAMS  # e.g. collection, filters
        for name, value in (self.model_extra or {}).items():
            if name in ours or name in _HANDLED or name in _HARMLESS:
                continue
            if name not in OPENAI_CHAT_PARAMS:
                return name, f"unrecognized request argument supplied: {name}"
            if value is None or value in ([], {}) or value in _NEUTRAL.get(name, ()):
                continue
            return name, _WHY.get(name, f"`{name}` is not supported by this server; send the "
                                        "request without it")  # fmt: skip
        kind = (self.response_format or {}).get("type", "text")
        if kind != "text" and not (kind == "json_schema" and json_schema):
            return "response_format", (f"response_format {kind} is not supported here; only "
                                       "text answers are served")  # fmt: skip
        return None


def error_body(message: str, type_: str = "invalid_request_error", code: str | None = None,
               param: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


def error_response(status: int, message: str, type_: str = "invalid_request_error",
                   headers: dict[str, str] | None = None, param: str | None = None) -> JSONResponse:  # fmt: skip
    return JSONResponse(error_body(message, type_, param=param), status_code=status, headers=headers)


def _usage(prompt_tokens: int, completion_tokens: int) -> CompletionUsage:
    return CompletionUsage(prompt_tokens=prompt_tokens, completion_tokens=completion_tokens,
                           total_tokens=prompt_tokens + completion_tokens)  # fmt: skip


def completion_body(model: str, text: str, prompt_tokens: int, completion_tokens: int,
                    finish_reason: str = "stop", extra: dict[str, Any] | None = None) -> dict[str, Any]:  # fmt: skip
    """A chat.completion (the openai package's type) as JSON, with `extra` fields beside it."""
    body = ChatCompletion(
        id=f"chatcmpl-{uuid.uuid4().hex[:24]}", object="chat.completion", created=int(time.time()),
        model=model, usage=_usage(prompt_tokens, completion_tokens),
        choices=[Choice(index=0, finish_reason=finish_reason,  # type: ignore[arg-type]
                        message=ChatCompletionMessage(role="assistant", content=text))],
    ).model_dump(mode="json", exclude_unset=True)  # fmt: skip
    body.update(extra or {})
    return body


def sse_chunks(model: str, pieces: Iterator[str], usage: "callable | None" = None,
               finish_reason: str = "stop") -> Iterator[str]:  # type: ignore[valid-type]  # fmt: skip
    """OpenAI's streaming format: a role chunk, content deltas, a finish chunk, optional usage
    chunk, then `data: [DONE]`."""
    cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    created = int(time.time())

    def chunk(choices: list[ChunkChoice], **extra: Any) -> str:
        c = ChatCompletionChunk(id=cid, object="chat.completion.chunk", created=created,
                                model=model, choices=choices, **extra)  # fmt: skip
        return f"data: {json.dumps(c.model_dump(mode='json', exclude_unset=True))}\n\n"

    def delta(finish: str | None = None, **fields: Any) -> list[ChunkChoice]:
        return [ChunkChoice(index=0, delta=ChoiceDelta(**fields), finish_reason=finish)]  # type: ignore[arg-type]

    yield chunk(delta(role="assistant", content=""))
    for piece in pieces:
        if piece:
            yield chunk(delta(content=piece))
    yield chunk(delta(finish_reason))
    if usage is not None:
        yield chunk([], usage=_usage(*usage()))
    yield "data: [DONE]\n\n"


def model_card(model_id: str, created: int, **extra: Any) -> dict[str, Any]:
    """One entry of /v1/models (the openai package's Model), with ragtune's fields beside it."""
    card = Model(id=model_id, object="model", created=created, owned_by="ragtune")
    return {**card.model_dump(mode="json", exclude_unset=True), **extra}


def embeddings_body(model: str, vectors: Any, prompt_tokens: int, base64: bool = False) -> dict[str, Any]:
    """A create-embedding response (the openai package's type); `base64`: little-endian float32."""
    import base64 as b64

    import numpy as np

    def encode(v: Any) -> Any:
        v = np.asarray(v, dtype=np.float32)
        return b64.b64encode(v.astype("<f4").tobytes()).decode() if base64 else v.tolist()

    data = [Embedding.model_construct(object="embedding", index=i, embedding=encode(v))
            for i, v in enumerate(vectors)]  # fmt: skip
    return CreateEmbeddingResponse(
        object="list", model=model, data=data,
        usage=Usage(prompt_tokens=prompt_tokens, total_tokens=prompt_tokens),
    ).model_dump(mode="json", exclude_unset=True, warnings=False)  # fmt: skip


def create_generator_app(generator: Any, model_name: str = "smollm2-135m",
                         default_max_tokens: int = 256) -> FastAPI:
    """An OpenAI-compatible server over one raw generator (no retrieval)."""
    app = FastAPI(title="ragtune model server")

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/v1/models")
    def list_models() -> dict:
        return {"object": "list", "data": [model_card(model_name, 0)]}

    @app.post("/v1/chat/completions")
    def chat(req: ChatRequest):  # sync: FastAPI runs it in a thread; torch work is serialised
        refused = req.unserved()
        if refused:
            return error_response(400, refused[1], param=refused[0])
        messages = [m.model_dump() for m in req.messages]
        limit = req.limit(default_max_tokens)
        if req.stream:
            before = generator.usage
            pieces = generator.stream(messages, limit, req.temp, req.stops())

            def usage() -> tuple[int, int]:
                now = generator.usage
                return (now.prompt_tokens - before.prompt_tokens,
                        now.completion_tokens - before.completion_tokens)

            include = bool(req.stream_options and req.stream_options.include_usage)
            return StreamingResponse(
                sse_chunks(req.model or model_name, pieces, usage if include else None),
                media_type="text/event-stream",
            )
        g = generator.generate([messages], limit, req.temp, req.stops())[0]
        return completion_body(req.model or model_name, g.text, g.prompt_tokens,
                               g.completion_tokens, g.finish_reason)

    @app.exception_handler(Exception)
    async def on_error(request: Request, exc: Exception):  # noqa: ARG001
        return error_response(500, f"internal error: {type(exc).__name__}", "server_error")

    return app


@contextlib.contextmanager
def serve_in_thread(app: FastAPI, host: str = "127.0.0.1") -> Iterator[str]:
    """Run `app` with uvicorn on a free loopback port; yields the base URL (…/v1)."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{port}/v1"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
