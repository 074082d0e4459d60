"""The state every route shares: project, index, keys, rate limiter, micro-batcher, metrics,
and the strategies built so far; plus the FastAPI dependencies that hand it (and the
authenticated caller) to the routes."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import math
import threading
import time
from pathlib import Path
from typing import Any

from fastapi import Depends, Request

from ragtune.config import ServeSettings
from ragtune.errors import InputError, RagtuneError
from ragtune.models import project_pool
from ragtune.project import Project
from ragtune.serve.batcher import MicroBatcher, Overloaded, kind_of
from ragtune.serve.errors import ApiError, user_error
from ragtune.serve.jobs import AnswerJob, Job
from ragtune.serve.keys import OPEN_PRINCIPAL, KeyStore, Principal, check_collection
from ragtune.serve.metrics import BATCH_BUCKETS, Metrics


def is_loopback(host: str | None) -> bool:
    if host in ("localhost", "testclient"):
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


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


class Server:
    """State shared by the routes: project, index, keys, limiter, batcher, metrics."""

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

    def _on_batch(self, group: Any, size: int, seconds: float) -> None:
        self.metrics.observe("ragtune_batch_size", size, kind=kind_of(group))
        self.metrics.observe("ragtune_batch_seconds", seconds, kind=kind_of(group))

    def generator(self):  # noqa: ANN201
        return project_pool(self.project).generator()

    def warm(self) -> None:
        """Load the models before listening, so the first request is not the slow one."""
        self.generator()
        self.index.embedder()

    def close(self) -> None:
        self.batcher.close()
        if self._own_index:
            self.index.close()

    # ------------------------------------------------------------ torch-thread work

    def run_group(self, job: Job, items: list[Any]) -> list[Any]:
        """One call per group of batched jobs; runs on the torch worker thread."""
        return job.run(self, items)

    def pipeline(self, spec: str, collection: str) -> Any:
        """The strategy `spec` over `collection`, built once and reused."""
        key = (spec, collection)
        if key not in self.pipelines:
            from ragtune.strategies import build_strategy

            try:
                self.pipelines[key] = build_strategy(spec, self.project, self.generator(),
                                                     index=self.index, collection=collection)  # fmt: skip
            except RagtuneError:
                raise
            except Exception as e:  # noqa: BLE001 - e.g. an adapter that cannot load
                raise RagtuneError(f"strategy {spec!r} cannot be served: {type(e).__name__}: {e}") from None
        return self.pipelines[key]

    def adapter_name(self, adapter_id: str) -> str:
        """Load one of the project's LoRA adapters into the generator (once); its name there."""
        from ragtune.models.adapters import load_for_generator

        return load_for_generator(self.project, self.generator(), adapter_id)

    # ------------------------------------------------------------ request checks

    def raw_model(self, model: str) -> tuple[bool, str | None]:
        """(whether `model` names the raw generator, the adapter ID it adds): the generator's
        name, or `NAME:ADAPTER_ID` for one of the project's LoRA adapters (vLLM's naming)."""
        if not self.raw_name:
            return False, None
        if model == self.raw_name:
            return True, None
        base, sep, adapter = model.partition(":")
        if not sep or base != self.raw_name:
            return False, None
        from ragtune.models.adapters import get_adapter

        try:
            info = get_adapter(self.project, adapter)
        except InputError as e:
            raise ApiError(404, f"the model {model!r} does not exist here: {e.message} ({e.hint})",
                           code="model_not_found", param="model") from None  # fmt: skip
        if info.method == "full":
            raise ApiError(404, f"{adapter} is a full fine-tune, not an adapter of {self.raw_name}",
                           code="model_not_found", param="model")  # fmt: skip
        return True, adapter

    def authenticate(self, request: Request) -> Principal:
        header = request.headers.get("authorization", "")
        key = header[7:].strip() if header[:7].lower() == "bearer " else ""
        principal = self.keys.authenticate(key) if key else None
        if principal is None and self.opts.open_access:
            # open mode: a known key keeps its collections; no key (or a placeholder such as
            # the SDK's mandatory one) is the open principal, from loopback clients only
            client = request.client.host if request.client else None
            if not is_loopback(client):
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
                raise user_error(e) from None
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

    def normalized_filters(self, filters: Any) -> str | None:
        """Filters as canonical JSON (part of a job's group key), or 400."""
        if not filters:
            return None
        from ragtune.index import filters as F

        try:
            return json.dumps(F.normalize(filters), sort_keys=True)
        except RagtuneError as e:
            raise user_error(e) from None

    # ------------------------------------------------------------ queueing

    def submit(self, job: Job, item: Any) -> Any:
        """Queue one job in the micro-batcher (429 with Retry-After when overloaded)."""
        try:
            return self.batcher.submit(job, item)
        except Overloaded as e:
            self.metrics.inc("ragtune_rejected_total", reason="overload")
            raise ApiError(429, e.message, "rate_limit_error", "server_overloaded",
                           {"Retry-After": str(e.retry_after)}) from None  # fmt: skip

    async def run(self, job: Job, item: Any) -> Any:
        """Queue one job and wait for its result."""
        return await self.wait(self.submit(job, item))

    async def wait(self, future: Any) -> Any:
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.opts.request_timeout_s)
        except asyncio.TimeoutError:
            raise ApiError(503, "the request waited too long", "server_error", "timeout",
                           {"Retry-After": "10"}) from None  # fmt: skip
        except Overloaded as e:
            raise ApiError(503, e.message, "server_error", None, {"Retry-After": str(e.retry_after)}) from None
        except RagtuneError as e:
            raise user_error(e) from None

    def submit_answer(self, spec: str, collection: str, question: str, filters: Any,
                      max_tokens: int | None = None) -> Any:  # fmt: skip
        job = AnswerJob(spec, collection, self.normalized_filters(filters), max_tokens)
        return self.submit(job, question)

    async def answer(self, spec: str, collection: str, question: str, filters: Any,
                     max_tokens: int | None = None) -> Any:  # fmt: skip
        future = self.submit_answer(spec, collection, question, filters, max_tokens)
        return await self.wait_answer(spec, future)

    async def wait_answer(self, spec: str, future: Any) -> Any:
        answer = await self.wait(future)
        self.count_tokens(answer.usage.prompt_tokens, answer.usage.completion_tokens)
        self.metrics.inc("ragtune_answers_total", model=spec, exit_reason=answer.exit_reason)
        return answer

    def count_tokens(self, prompt: int, completion: int) -> None:
        self.metrics.inc("ragtune_tokens_total", prompt, kind="prompt")
        self.metrics.inc("ragtune_tokens_total", completion, kind="completion")

    def models(self) -> list[str]:
        from ragtune.strategies import PIPELINES

        names = [self.opts.default_model, *PIPELINES]
        if self.raw_name:
            names.append(self.raw_name)
        return list(dict.fromkeys(names))


# ---------------------------------------------------------------- FastAPI dependencies


def get_server(request: Request) -> Server:
    return request.app.state.server


def authenticated(request: Request, server: Server = Depends(get_server)) -> Principal:
    """The caller behind the request's API key (401/429 otherwise)."""
    return server.authenticate(request)
