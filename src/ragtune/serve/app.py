"""`ragtune serve`: strategies behind an OpenAI-compatible API, with keys, tenants and limits.

Endpoints (all JSON errors in OpenAI's shape `{"error": {"message", "type", "param", "code"}}`):

    POST   /v1/chat/completions   model = strategy spec (`rag`, `agentic@adapter=ID`, ...) or
                                  the raw generator's name; `stream: true` gives OpenAI SSE
    GET    /v1/models             the strategies served
    POST   /v1/query              answer + citations + retrieved chunks + trace + usage
                                  (`stream: true`: SSE events status/step/delta/answer/done)
    POST   /v1/search             retrieval only (hits), no generation
    POST   /v1/documents          upsert documents (id, text, title, metadata) into a collection
    DELETE /v1/documents          delete documents by id from a collection
    GET    /v1/documents          the documents of a collection
    GET    /v1/chunks/{id}        one chunk (what the web page opens when a source is clicked)
    GET    /healthz, /metrics     liveness (never waits on the model) and Prometheus text
    GET    /                      the web page

Tenancy: a request's collection must be one of its key's collections (default: the key's
first); the collection is a condition inside every store query, so nothing from another
collection can reach an answer, a citation, a trace or an error.

Threading: handlers are async and only wait; every model and index call runs in the micro-
batcher's groups on the one torch worker thread (ragtune.models.worker). Streaming sends the
finished answer in pieces: strategies produce their final answer in one batched generation,
so the stream starts when the answer is ready.

Layout: this module assembles the app (middleware, error handlers, routers) and runs it;
`server.Server` holds the shared state; `routes/` has one router per audience (chat, data,
admin); `jobs` has the typed jobs the micro-batcher groups and runs.
"""

from __future__ import annotations

import time
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response

from ragtune.config import ServeSettings
from ragtune.errors import RagtuneError
from ragtune.project import Project
from ragtune.serve.errors import ApiError, install_error_handlers
from ragtune.serve.keys import KeyStore
from ragtune.serve.routes import admin, chat, data
from ragtune.serve.server import Server, is_loopback


def create_app(project: Project, index: Any = None, **overrides: Any) -> FastAPI:
    """The FastAPI app. `overrides` replace `[serve]` settings (open_access, default_model,
    rate_per_minute, ...). `index`: an index already open in this process (else opened here
    and closed at shutdown)."""
    given = {k: v for k, v in overrides.items() if v is not None}
    options = ServeSettings.model_validate({**project.settings.serve.model_dump(), **given})
    server = Server(project, options, index)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202, ARG001
        yield
        server.close()

    app = FastAPI(title="ragtune", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.server = server
    _observe(app, server)
    app.add_middleware(_BodyLimit, max_bytes=options.max_body_kb * 1024)
    install_error_handlers(app)
    for module in (admin, chat, data):
        app.include_router(module.router)
    return app


def _observe(app: FastAPI, server: Server) -> None:
    """Count and time every request; refuse a declared body above the limit before reading it."""
    max_kb = server.opts.max_body_kb

    @app.middleware("http")
    async def observe(request: Request, call_next):  # noqa: ANN001, ANN202
        t0 = time.perf_counter()
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_kb * 1024:
            server.metrics.inc("ragtune_rejected_total", reason="body_too_large")
            response: Response = ApiError(413, f"the request body is larger than {max_kb} KiB "
                                          "(serve.max_body_kb)", code="body_too_large").response()  # fmt: skip
        else:
            response = await call_next(request)
        route = getattr(request.scope.get("route"), "path", "other")
        server.metrics.inc("ragtune_requests_total", method=request.method, route=route,
                           status=str(response.status_code))  # fmt: skip
        server.metrics.observe("ragtune_request_seconds", time.perf_counter() - t0, route=route)
        return response


class _BodyLimit:
    """Refuses bodies larger than `max_bytes` even without a Content-Length (chunked)."""

    def __init__(self, app: Any, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        seen = 0

        async def limited() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise ApiError(413, f"the request body is larger than {self.max_bytes // 1024} KiB",
                                   code="body_too_large")  # fmt: skip
            return message

        await self.app(scope, limited, send)


# ---------------------------------------------------------------- running it


def check_open_access(host: str, open_access: bool) -> None:
    if open_access and not is_loopback(host):
        raise RagtuneError(
            f"open access (no API keys) is only allowed on a loopback address, not {host!r}",
            "serve on 127.0.0.1, or add keys with `ragtune keys add NAME --collection C`",
        )


def run_server(project: Project, host: str | None = None, port: int | None = None,
               open_access: bool | None = None, default_model: str | None = None,
               say: Any = print) -> None:  # fmt: skip
    """Serve until interrupted (blocking)."""
    import uvicorn

    s = project.settings.serve
    host = host or s.host
    port = s.port if port is None else port
    open_access = s.open_access if open_access is None else open_access
    check_open_access(host, open_access)
    keys = KeyStore.of(project)
    if not open_access and keys.active_count() == 0:
        raise RagtuneError(
            "there are no API keys for this project",
            "`ragtune keys add NAME --collection C` makes one; or serve localhost only with --open",
        )
    app = create_app(project, open_access=open_access, default_model=default_model)
    server: Server = app.state.server
    try:
        if server.opts.default_model != server.raw_name:
            from ragtune.strategies import parse_spec

            spec = parse_spec(server.opts.default_model)  # a bad spec fails now, not per request
            if spec.adapter:
                from ragtune.finetune.registry import get_adapter

                get_adapter(project, spec.adapter)
            if spec.program:
                from ragtune.strategies.common import load_program

                load_program(project, spec.program)
        say("loading models ...")
        server.warm()
    except BaseException:
        server.close()  # releases the index lock
        raise
    mode = "open (localhost, no keys)" if open_access else f"{keys.active_count()} active API keys"
    say(f"ragtune serving {project.root} on http://{host}:{port}/ (default model "
        f"{server.opts.default_model}; {mode}); Ctrl-C stops")  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=10)
