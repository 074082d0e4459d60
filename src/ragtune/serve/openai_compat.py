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
from pydantic import BaseModel, Field


class ChatMessage(BaseModel):
    role: str
    content: str | list[dict[str, Any]] | None = ""  # a string, or OpenAI's content parts


class StreamOptions(BaseModel):
    include_usage: bool = False


class ChatRequest(BaseModel):
    model: str = ""
    messages: list[ChatMessage]
    max_tokens: int | None = Field(None, ge=1, le=4096)
    max_completion_tokens: int | None = Field(None, ge=1, le=4096)
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    stop: str | list[str] | None = None
    stream: bool = False
    stream_options: StreamOptions | None = None
    response_format: dict[str, Any] | None = None

    def stops(self) -> list[str] | None:
        return [self.stop] if isinstance(self.stop, str) else self.stop

    def limit(self, default: int) -> int:
        return self.max_completion_tokens or self.max_tokens or default


def error_body(message: str, type_: str = "invalid_request_error", code: str | None = None):
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


def error_response(status: int, message: str, type_: str = "invalid_request_error",
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, type_), status_code=status, headers=headers)


def completion_body(model: str, text: str, prompt_tokens: int, completion_tokens: int,
                    finish_reason: str = "stop", extra: dict[str, Any] | None = None):
    body = {
        "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
    if extra:
        body.update(extra)
    return body


def sse_chunks(model: str, pieces: Iterator[str], usage: "callable | None" = None) -> Iterator[str]:  # type: ignore[valid-type]
    """OpenAI's streaming format: a role chunk, content deltas, a finish chunk, optional usage
    chunk, then `data: [DONE]`."""
    cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    created = int(time.time())

    def chunk(delta: dict, finish: str | None = None, **extra: Any) -> str:
        body = {
            "id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra,
        }
        return f"data: {json.dumps(body)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    for piece in pieces:
        if piece:
            yield chunk({"content": piece})
    yield chunk({}, "stop")
    if usage is not None:
        p, c = usage()
        body = {
            "id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
            "choices": [],
            "usage": {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c},
        }
        yield f"data: {json.dumps(body)}\n\n"
    yield "data: [DONE]\n\n"


def create_generator_app(generator: Any, model_name: str = "smollm2-135m",
                         default_max_tokens: int = 256) -> FastAPI:
    """An OpenAI-compatible server over one raw generator (no retrieval)."""
    app = FastAPI(title="ragtune model server")

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/v1/models")
    def list_models() -> dict:
        return {"object": "list",
                "data": [{"id": model_name, "object": "model", "created": 0, "owned_by": "ragtune"}]}

    @app.post("/v1/chat/completions")
    def chat(req: ChatRequest):  # sync: FastAPI runs it in a thread; torch work is serialised
        if req.response_format and req.response_format.get("type") == "json_schema":
            return error_response(400, "response_format json_schema is not supported here")
        messages = [m.model_dump() for m in req.messages]
        limit = req.limit(default_max_tokens)
        if req.stream:
            before = generator.usage
            pieces = generator.stream(messages, limit, req.temperature, req.stops())

            def usage() -> tuple[int, int]:
                now = generator.usage
                return (now.prompt_tokens - before.prompt_tokens,
                        now.completion_tokens - before.completion_tokens)

            include = bool(req.stream_options and req.stream_options.include_usage)
            return StreamingResponse(
                sse_chunks(req.model or model_name, pieces, usage if include else None),
                media_type="text/event-stream",
            )
        g = generator.generate([messages], limit, req.temperature, req.stops())[0]
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
