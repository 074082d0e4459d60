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
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import math
import re
import threading
import time
import uuid
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Iterator

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ragtune.config import ServeSettings
from ragtune.errors import InputError, RagtuneError
from ragtune.project import Project
from ragtune.serve.batcher import MicroBatcher, Overloaded
from ragtune.serve.keys import OPEN_PRINCIPAL, KeyStore, Principal, check_collection
from ragtune.serve.metrics import BATCH_BUCKETS, Metrics
from ragtune.serve.openai_compat import ChatRequest, completion_body, error_body, sse_chunks

log = logging.getLogger("ragtune.serve")
STATIC = Path(__file__).parent / "static"
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/#@+-]{0,199}$")


# ---------------------------------------------------------------- request bodies


class RagChatRequest(ChatRequest):
    """OpenAI's chat request plus ragtune's optional `collection` and `filters`
    (pass them with the SDK's `extra_body`)."""

    collection: str | None = None
    filters: dict | list | None = None


class QueryRequest(BaseModel):
    question: str
    model: str = ""  # strategy spec; empty = serve.default_model
    collection: str | None = None
    filters: dict | list | None = None
    stream: bool = False


class SearchRequest(BaseModel):
    query: str
    k: int = Field(5, ge=1, le=50)
    mode: str = "hybrid"
    collection: str | None = None
    filters: dict | list | None = None


class DocumentIn(BaseModel):
    id: str
    text: str
    title: str = ""
    metadata: dict[str, Any] = Field(default_factory=dict)


class UpsertRequest(BaseModel):
    collection: str | None = None
    documents: list[DocumentIn]


class DeleteRequest(BaseModel):
    collection: str | None = None
    ids: list[str]


# ---------------------------------------------------------------- errors


class ApiError(Exception):
    def __init__(self, status: int, message: str, type_: str = "invalid_request_error",
                 code: str | None = None, headers: dict[str, str] | None = None):  # fmt: skip
        super().__init__(message)
        self.status, self.message, self.type, self.code = status, message, type_, code
        self.headers = headers

    def response(self) -> JSONResponse:
        return JSONResponse(error_body(self.message, self.type, self.code), self.status,
                            headers=self.headers)  # fmt: skip


def _user_error(e: RagtuneError) -> ApiError:
    return ApiError(400, f"{e.message} ({e.hint})" if e.hint else e.message)


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, default=str, ensure_ascii=False), status,
                    media_type="application/json")  # fmt: skip


def _is_loopback(host: str | None) -> bool:
    if host in ("localhost", "testclient"):
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def text_pieces(text: str) -> Iterator[str]:
    """A finished answer as stream pieces: a word and its following space at a time."""
    yield from re.findall(r"\s*\S+\s*", text) or ([text] if text else [])


def message_text(content: Any) -> str:
    """A chat message's text: a string, or OpenAI's list of content parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


# ---------------------------------------------------------------- rate limit


class RateLimiter:
    """A token bucket per API key: `rate_per_minute`, up to `burst` at once."""

    def __init__(self, rate_per_minute: float, burst: int):
        self.rate = rate_per_minute / 60.0
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last time)
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when allowed, else the seconds until a request would be."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate


# ---------------------------------------------------------------- the server


class Server:
    """State shared by the handlers: project, index, keys, limiter, batcher, metrics."""

    def __init__(self, project: Project, options: ServeSettings, index: Any = None):
        from ragtune.index import open_index

        self.project = project
        self.opts = options
        self.settings = project.settings
        self.index = index if index is not None else open_index(project)
        self._own_index = index is None
        self.keys = KeyStore.of(project)
        self.limiter = RateLimiter(options.rate_per_minute, options.rate_burst)
        self.started = time.time()
        self.pipelines: dict[tuple[str, str], Any] = {}
        m = self.settings.model
        self.raw_name = (m.name or Path(m.generator).name) if options.expose_generator else ""
        if options.expose_generator and "://" in m.generator and not m.name:
            self.raw_name = ""
        self.metrics = self._make_metrics()
        self.batcher = MicroBatcher(
            self.run_group, window_s=options.batch_window_ms / 1000, max_batch=options.max_batch,
            max_queue=options.max_queue, max_wait_s=options.max_wait_s, on_batch=self._on_batch,
        )  # fmt: skip
        self.metrics.gauge("ragtune_queue_depth", "Requests waiting or running.", lambda: self.batcher.depth)

    def _make_metrics(self) -> Metrics:
        mt = Metrics()
        mt.counter("ragtune_requests_total", "HTTP requests by route and status.", ("method", "route", "status"))
        mt.histogram("ragtune_request_seconds", "Time to response headers by route.", ("route",))
        mt.counter("ragtune_tokens_total", "Generator tokens spent answering.", ("kind",))
        mt.counter("ragtune_answers_total", "Answers by strategy and exit reason.", ("model", "exit_reason"))
        mt.counter("ragtune_rejected_total", "Requests refused before work.", ("reason",))
        mt.histogram("ragtune_batch_size", "Jobs per micro-batch call.", ("kind",), BATCH_BUCKETS)
        mt.histogram("ragtune_batch_seconds", "Seconds per micro-batch call.", ("kind",))
        return mt

    def _on_batch(self, group: tuple, size: int, seconds: float) -> None:
        self.metrics.observe("ragtune_batch_size", size, kind=group[0])
        self.metrics.observe("ragtune_batch_seconds", seconds, kind=group[0])

    def warm(self) -> None:
        """Load the models before listening, so the first request is not the slow one."""
        from ragtune.models import project_pool

        project_pool(self.project).generator()
        self.index.embedder()

    def close(self) -> None:
        self.batcher.close()
        if self._own_index:
            self.index.close()

    # ------------------------------------------------------------ torch-thread work

    def run_group(self, group: tuple, items: list[Any]) -> list[Any]:
        """One call per group of batched jobs; runs on the torch worker thread."""
        kind = group[0]
        if kind == "answer":
            _, spec, collection, filters = group
            pipeline = self._pipeline(spec, collection)
            return pipeline.answer_many(items, filters=json.loads(filters) if filters else None)
        if kind == "raw":
            _, max_tokens, temperature, stop = group
            from ragtune.models import project_pool

            gen = project_pool(self.project).generator()
            return gen.generate(items, max_new_tokens=max_tokens, temperature=temperature,
                                stop=list(stop) or None)  # fmt: skip
        if kind == "search":
            _, collection, k, mode, filters = group
            return self.index.search_many(items, k, json.loads(filters) if filters else None,
                                          mode, collection)  # fmt: skip
        if kind == "upsert":
            return [self.index.upsert_documents(docs, group[1]) for docs in items]
        if kind == "delete":
            return [self.index.delete_documents(ids, group[1]) for ids in items]
        if kind == "chunk":
            return [self.index.get_chunk(cid, group[1]) for cid in items]
        if kind == "documents":
            return [self.index.documents(group[1]) for _ in items]
        raise ValueError(f"unknown job kind {kind!r}")

    def _pipeline(self, spec: str, collection: str) -> Any:
        key = (spec, collection)
        if key not in self.pipelines:
            from ragtune.models import project_pool
            from ragtune.strategies import build_strategy

            try:
                self.pipelines[key] = build_strategy(
                    spec, self.project, project_pool(self.project).generator(), index=self.index,
                    collection=collection,
                )  # fmt: skip
            except RagtuneError:
                raise
            except Exception as e:  # noqa: BLE001 - e.g. an adapter that cannot load
                raise RagtuneError(f"strategy {spec!r} cannot be served: {type(e).__name__}: {e}") from None
        return self.pipelines[key]

    # ------------------------------------------------------------ handler helpers

    def authenticate(self, request: Request) -> Principal:
        header = request.headers.get("authorization", "")
        key = header[7:].strip() if header[:7].lower() == "bearer " else ""
        principal = self.keys.authenticate(key) if key else None
        if principal is None and self.opts.open_access:
            # open mode: a known key keeps its collections; no key (or a placeholder such as
            # the SDK's mandatory one) is the open principal, from loopback clients only
            client = request.client.host if request.client else None
            if not _is_loopback(client):
                raise ApiError(401, "open access is for localhost only; send an API key",
                               code="invalid_api_key")  # fmt: skip
            principal = OPEN_PRINCIPAL
        elif principal is None and key:
            raise ApiError(401, "invalid or revoked API key", code="invalid_api_key")
        elif principal is None:
            raise ApiError(401, "missing API key (send `Authorization: Bearer KEY`; "
                           "`ragtune keys add NAME` makes one)", code="invalid_api_key")  # fmt: skip
        wait = self.limiter.take(principal.key_id)
        if wait > 0:
            self.metrics.inc("ragtune_rejected_total", reason="rate_limit")
            raise ApiError(429, f"rate limit: {self.opts.rate_per_minute:g} requests per minute "
                           "per key", "rate_limit_error", "rate_limit_exceeded",
                           {"Retry-After": str(math.ceil(wait))})  # fmt: skip
        return principal

    def collection_for(self, principal: Principal, requested: str | None) -> str:
        if requested:
            try:
                name = check_collection(requested)
            except InputError as e:
                raise _user_error(e) from None
            if not principal.may_use(name):
                raise ApiError(403, f"this API key may not use collection {name!r}",
                               "permission_error", "collection_forbidden")  # fmt: skip
            return name
        if principal.collections:
            return principal.collections[0]
        return self.settings.index.collection

    def model_spec(self, model: str) -> str:
        from ragtune.strategies import parse_spec

        try:
            return str(parse_spec(model))
        except InputError as e:
            raise ApiError(404, f"the model {model!r} does not exist here: {e.hint}",
                           code="model_not_found") from None  # fmt: skip

    def check_question(self, question: str) -> str:
        question = question.strip()
        if not question:
            raise ApiError(400, "the question is empty")
        if len(question) > self.opts.max_question_chars:
            raise ApiError(400, f"the question is {len(question)} characters; at most "
                           f"{self.opts.max_question_chars} are accepted (serve.max_question_chars)",
                           code="question_too_long")  # fmt: skip
        return question

    def submit(self, group: tuple, item: Any) -> Any:
        """Queue one job in the micro-batcher (429 with Retry-After when overloaded)."""
        try:
            return self.batcher.submit(group, item)
        except Overloaded as e:
            self.metrics.inc("ragtune_rejected_total", reason="overload")
            raise ApiError(429, e.message, "rate_limit_error", "server_overloaded",
                           {"Retry-After": str(e.retry_after)}) from None  # fmt: skip

    async def run(self, group: tuple, item: Any) -> Any:
        """Queue one job and wait for its result."""
        return await self.wait(self.submit(group, item))

    async def wait(self, future: Any) -> Any:
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.opts.request_timeout_s)
        except asyncio.TimeoutError:
            raise ApiError(503, "the request waited too long", "server_error", "timeout",
                           {"Retry-After": "10"}) from None  # fmt: skip
        except Overloaded as e:
            raise ApiError(503, e.message, "server_error", None, {"Retry-After": str(e.retry_after)}) from None
        except RagtuneError as e:
            raise _user_error(e) from None

    def submit_answer(self, spec: str, collection: str, question: str, filters: Any) -> Any:
        flt = None
        if filters:
            from ragtune.index import filters as F

            try:
                flt = json.dumps(F.normalize(filters), sort_keys=True)
            except RagtuneError as e:
                raise _user_error(e) from None
        return self.submit(("answer", spec, collection, flt), question)

    async def answer(self, spec: str, collection: str, question: str, filters: Any) -> Any:
        return await self.wait_answer(spec, self.submit_answer(spec, collection, question, filters))

    async def wait_answer(self, spec: str, future: Any) -> Any:
        answer = await self.wait(future)
        self.metrics.inc("ragtune_tokens_total", answer.usage.prompt_tokens, kind="prompt")
        self.metrics.inc("ragtune_tokens_total", answer.usage.completion_tokens, kind="completion")
        self.metrics.inc("ragtune_answers_total", model=spec, exit_reason=answer.exit_reason)
        return answer

    def models(self) -> list[str]:
        from ragtune.strategies import PIPELINES

        names = [self.opts.default_model, *PIPELINES]
        if self.raw_name:
            names.append(self.raw_name)
        return list(dict.fromkeys(names))


def answer_body(answer: Any) -> dict[str, Any]:
    d = answer.to_dict()
    d["usage"]["total_tokens"] = answer.usage.total_tokens
    return d


def _sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, default=str, ensure_ascii=False)}\n\n"


# ---------------------------------------------------------------- the app


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
    auth = server.authenticate

    # -------------------------------------------------------- middleware

    max_body = options.max_body_kb * 1024

    @app.middleware("http")
    async def observe(request: Request, call_next):  # noqa: ANN001, ANN202
        t0 = time.perf_counter()
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_body:
            server.metrics.inc("ragtune_rejected_total", reason="body_too_large")
            response: Response = ApiError(413, f"the request body is larger than {options.max_body_kb} KiB "
                                          "(serve.max_body_kb)", code="body_too_large").response()  # fmt: skip
        else:
            response = await call_next(request)
        route = getattr(request.scope.get("route"), "path", "other")
        server.metrics.inc("ragtune_requests_total", method=request.method, route=route,
                           status=str(response.status_code))  # fmt: skip
        server.metrics.observe("ragtune_request_seconds", time.perf_counter() - t0, route=route)
        return response

    app.add_middleware(_BodyLimit, max_bytes=max_body)

    # -------------------------------------------------------- errors in OpenAI's shape

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError):  # noqa: ARG001, ANN202
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError):  # noqa: ARG001, ANN202
        err = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
        return ApiError(400, f"invalid request: {where}: {err.get('msg', 'invalid')}").response()

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException):  # noqa: ARG001, ANN202
        return ApiError(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None)).response()

    @app.exception_handler(RagtuneError)
    async def on_ragtune(request: Request, exc: RagtuneError):  # noqa: ARG001, ANN202
        return _user_error(exc).response()

    @app.exception_handler(Exception)
    async def on_error(request: Request, exc: Exception):  # noqa: ARG001, ANN202
        log.exception("internal error on %s", request.url.path)
        return ApiError(500, f"internal error ({type(exc).__name__})", "server_error").response()

    # -------------------------------------------------------- open endpoints

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok", "queue": server.batcher.depth,
                "uptime_s": round(time.time() - server.started, 1)}  # fmt: skip

    @app.get("/metrics")
    async def metrics() -> Response:
        return Response(server.metrics.render(), media_type="text/plain; version=0.0.4")

    @app.get("/")
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    @app.get("/static/{name}")
    async def static(name: str) -> FileResponse:
        path = STATIC / name
        if "/" in name or name.startswith(".") or not path.is_file():
            raise ApiError(404, "not found")
        return FileResponse(path, headers={"Cache-Control": "no-store"})

    # -------------------------------------------------------- OpenAI-compatible

    @app.get("/v1/models")
    async def list_models(principal: Principal = Depends(auth)) -> dict:  # noqa: ARG001
        return {"object": "list", "data": [
            {"id": n, "object": "model", "created": int(server.started), "owned_by": "ragtune"}
            for n in server.models()]}  # fmt: skip

    @app.post("/v1/chat/completions")
    async def chat(body: RagChatRequest, principal: Principal = Depends(auth)) -> Response:
        if body.response_format and body.response_format.get("type") == "json_schema":
            raise ApiError(400, "response_format json_schema is not supported here")
        model = body.model or options.default_model
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        if server.raw_name and model == server.raw_name:
            messages = [{"role": m.role, "content": message_text(m.content)} for m in body.messages]
            # a raw prompt carries its own context: 4x the question limit for all messages
            size = sum(len(m["content"]) for m in messages)
            if not size or size > 4 * options.max_question_chars:
                raise ApiError(400, f"the messages hold {size} characters; 1 to "
                               f"{4 * options.max_question_chars} are accepted")  # fmt: skip
            group = ("raw", body.limit(server.settings.model.max_new_tokens), body.temperature,
                     tuple(body.stops() or ()))  # fmt: skip
            g = await server.run(group, messages)
            server.metrics.inc("ragtune_tokens_total", g.prompt_tokens, kind="prompt")
            server.metrics.inc("ragtune_tokens_total", g.completion_tokens, kind="completion")
            text, p, c, finish, extra = g.text, g.prompt_tokens, g.completion_tokens, g.finish_reason, None
        else:
            users = [m for m in body.messages if m.role == "user"]
            question = server.check_question(message_text(users[-1].content) if users else "")
            collection = server.collection_for(principal, body.collection)
            spec = server.model_spec(model)
            a = await server.answer(spec, collection, question, body.filters)
            text, p, c, finish = a.text, a.usage.prompt_tokens, a.usage.completion_tokens, "stop"
            extra = {"ragtune": {"citations": [x.to_dict() for x in a.citations],
                                 "abstained": a.abstained, "exit_reason": a.exit_reason,
                                 "collection": collection}}  # fmt: skip
        if body.stream:
            return StreamingResponse(
                sse_chunks(model, text_pieces(text), (lambda: (p, c)) if include_usage else None),
                media_type="text/event-stream", headers={"Cache-Control": "no-store"},
            )
        return _json(completion_body(model, text, p, c, finish, extra))

    # -------------------------------------------------------- ragtune's own

    @app.post("/v1/query")
    async def query(body: QueryRequest, principal: Principal = Depends(auth)) -> Response:
        question = server.check_question(body.question)
        collection = server.collection_for(principal, body.collection)
        model = body.model or options.default_model
        spec = server.model_spec(model)
        if not body.stream:
            a = await server.answer(spec, collection, question, body.filters)
            return _json({"id": f"query-{uuid.uuid4().hex[:16]}", "model": spec,
                          "collection": collection, "answer": answer_body(a)})  # fmt: skip

        # stream: validation, auth and admission happened above; the queue wait starts now
        future = server.submit_answer(spec, collection, question, body.filters)

        async def events():  # noqa: ANN202
            yield _sse("status", {"state": "queued", "model": spec, "collection": collection})
            try:
                a = await server.wait_answer(spec, future)
            except ApiError as e:
                yield _sse("error", error_body(e.message, e.type, e.code))
                return
            except Exception as e:  # noqa: BLE001
                log.exception("query stream failed")
                yield _sse("error", error_body(f"internal error ({type(e).__name__})", "server_error"))
                return
            for st in a.trace:
                yield _sse("step", st.to_dict())
            for piece in text_pieces(a.text):
                yield _sse("delta", {"content": piece})
            yield _sse("answer", {"model": spec, "collection": collection, "answer": answer_body(a)})
            yield _sse("done", {})

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store"})  # fmt: skip

    @app.post("/v1/search")
    async def search(body: SearchRequest, principal: Principal = Depends(auth)) -> Response:
        from ragtune.index import filters as F
        from ragtune.index import MODES

        query_text = server.check_question(body.query)
        collection = server.collection_for(principal, body.collection)
        if body.mode not in MODES:
            raise ApiError(400, f"unknown search mode {body.mode!r}; use one of {', '.join(MODES)}")
        try:
            flt = json.dumps(F.normalize(body.filters), sort_keys=True) if body.filters else None
        except RagtuneError as e:
            raise _user_error(e) from None
        hits = await server.run(("search", collection, body.k, body.mode, flt), query_text)
        return _json({"collection": collection, "hits": [h.to_dict() for h in hits]})

    @app.post("/v1/documents")
    async def upsert(body: UpsertRequest, principal: Principal = Depends(auth)) -> Response:
        from ragtune.corpus.loaders import Document

        collection = server.collection_for(principal, body.collection)
        if not body.documents:
            raise ApiError(400, "no documents given")
        if len(body.documents) > options.max_documents:
            raise ApiError(400, f"{len(body.documents)} documents in one request; at most "
                           f"{options.max_documents} (serve.max_documents)")  # fmt: skip
        docs = []
        for d in body.documents:
            if not _DOC_ID.match(d.id):
                raise ApiError(400, f"invalid document id {d.id[:80]!r}: letters, digits and "
                               "_ . : / # @ + - (at most 200 characters)")  # fmt: skip
            if not d.text.strip():
                raise ApiError(400, f"document {d.id!r} has no text")
            docs.append(Document(doc_id=d.id, text=d.text, title=d.title, metadata=d.metadata,
                                 source=d.id, format="api"))  # fmt: skip
        counts = await server.run(("upsert", collection), docs)
        return _json({"collection": collection, "ids": [d.doc_id for d in docs], **counts})

    @app.delete("/v1/documents")
    async def delete(body: DeleteRequest, principal: Principal = Depends(auth)) -> Response:
        collection = server.collection_for(principal, body.collection)
        if not body.ids:
            raise ApiError(400, "no document ids given")
        n = await server.run(("delete", collection), list(body.ids))
        return _json({"collection": collection, "deleted": n})

    @app.get("/v1/documents")
    async def documents(collection: str | None = None, principal: Principal = Depends(auth)) -> Response:
        name = server.collection_for(principal, collection)
        docs = await server.run(("documents", name), None)
        return _json({"collection": name, "documents": [
            {"id": d.doc_id, "title": d.title, "chunks": d.n_chunks, "metadata": d.metadata}
            for d in docs]})  # fmt: skip

    @app.get("/v1/chunks/{chunk_id:path}")
    async def chunk(chunk_id: str, collection: str | None = None,
                    principal: Principal = Depends(auth)) -> Response:  # fmt: skip
        name = server.collection_for(principal, collection)
        c = await server.run(("chunk", name), chunk_id)
        if c is None:
            raise ApiError(404, f"no chunk {chunk_id[:120]!r} in collection {name!r}", code="not_found")
        return _json({"collection": name, "chunk": c.to_dict()})

    return app


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
    if open_access and not _is_loopback(host):
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
                from ragtune.models.adapters import get_adapter

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
