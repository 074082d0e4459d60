"""Micro-batching with a bounded queue in front of the one torch worker thread.

Request handlers `submit(group, item)` and await the returned future. One dispatcher thread
takes what is waiting (for at most `window_s` after the oldest job arrived or the worker
became free, up to `max_batch` reads), groups jobs by their `group` key (e.g. strategy spec +
collection + filters) and runs each group with one call on the torch worker: 20 concurrent
questions to `rag` become one `answer_many` call. While a batch runs, new requests queue up and form the next batch, so
batches grow with load without any waiting at low load beyond the window.

A group is a typed job (ragtune.serve.jobs: `kind`, `writes`) or any hashable tuple whose
first item is its kind. Writes run before reads of the same cycle, so a query sent after
an upsert was acknowledged sees it. When the queue is full, or the estimated wait is longer
than `max_wait_s` (reads only: writes are cheap and go first), `submit` raises Overloaded
with a Retry-After in seconds.
"""

from __future__ import annotations

import logging
import math
import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable

log = logging.getLogger("ragtune.serve")

WRITE_KINDS = ("upsert", "delete")

RunGroup = Callable[[Any, list[Any]], list[Any]]


def kind_of(group: Any) -> str:
    """A group's kind: a typed job's `kind`, or a tuple's first item."""
    kind = getattr(group, "kind", None)
    return kind if isinstance(kind, str) else group[0]


def is_write(group: Any) -> bool:
    writes = getattr(group, "writes", None)
    return writes if isinstance(writes, bool) else kind_of(group) in WRITE_KINDS


class Overloaded(Exception):
    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.message = message
        self.retry_after = max(1, int(retry_after))


@dataclass
class Pending:
    group: Hashable
    item: Any
    future: Future = field(default_factory=Future)
    enqueued: float = field(default_factory=time.monotonic)


@dataclass
class BatchStats:
    batches: int = 0
    jobs: int = 0
    sizes: list[int] = field(default_factory=list)  # recent batch sizes (for tests, metrics)


class MicroBatcher:
    def __init__(
        self,
        run_group: RunGroup,
        window_s: float = 0.05,
        max_batch: int = 32,
        max_queue: int = 128,
        max_wait_s: float = 90.0,
        runner: Callable[..., Any] | None = None,
        on_batch: Callable[[Any, int, float], None] | None = None,
    ):
        """`runner(fn, *args)` runs fn where torch work belongs (default: the torch worker)."""
        if runner is None:
            from ragtune.models.worker import torch_worker

            runner = torch_worker().run
        self.run_group = run_group
        self.window_s = window_s
        self.max_batch = max_batch
        self.max_queue = max_queue
        self.max_wait_s = max_wait_s
        self.runner = runner
        self.on_batch = on_batch
        self.stats = BatchStats()
        self._queue: queue.Queue[Pending | None] = queue.Queue()
        self._waiting = 0  # jobs submitted and not yet finished (queued or running)
        self._count_lock = threading.Lock()
        self._seconds_per_job = 0.0  # moving average over recent batches; 0 = not known yet
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="ragtune-batcher", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ handlers' side

    @property
    def depth(self) -> int:
        return self._waiting

    def estimated_wait_s(self, extra: int = 1) -> float:
        return (self._waiting + extra) * self._seconds_per_job

    def submit(self, group: Hashable, item: Any) -> Future:
        if self._stop.is_set():
            raise Overloaded("the server is shutting down", 5)
        with self._count_lock:
            if self._waiting >= self.max_queue:
                raise Overloaded(
                    f"the server is busy ({self._waiting} requests waiting)", self._retry_after()
                )
            wait = self.estimated_wait_s()
            # writes are cheap and run first in the next cycle: only the queue bound refuses them
            if wait > self.max_wait_s and not is_write(group):
                raise Overloaded(
                    f"the server is busy (estimated wait {wait:.0f} s)", self._retry_after()
                )
            self._waiting += 1
        job = Pending(group, item)
        self._queue.put(job)
        return job.future

    def _retry_after(self) -> int:
        # about the time one full batch takes to clear
        per = self._seconds_per_job or 1.0
        return math.ceil(min(60.0, per * min(self._waiting, self.max_batch)))

    def close(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._queue.put(None)
        self._thread.join(timeout)
        while True:  # anything still queued is refused, not silently dropped
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is not None and not job.future.done():
                job.future.set_exception(Overloaded("the server is shutting down", 5))

    # ------------------------------------------------------------------ dispatcher

    def _take(self) -> list[Pending]:
        ready = time.monotonic()
        first = self._queue.get()
        if first is None:
            return []
        jobs = [first]
        # The window runs from the later of: the oldest job's arrival, the moment the worker
        # became free. The second matters under load: the clients answered by the last batch
        # send their next requests within milliseconds, and joining them into this batch
        # (rather than the one after) keeps batches large instead of alternating small/large.
        deadline = max(first.enqueued, ready) + self.window_s
        reads = 0 if is_write(first.group) else 1
        while reads < self.max_batch:
            timeout = deadline - time.monotonic()
            try:
                job = self._queue.get_nowait() if timeout <= 0 else self._queue.get(timeout=timeout)
            except queue.Empty:
                break
            if job is None:
                self._stop.set()
                break
            jobs.append(job)
            reads += not is_write(job.group)  # writes are cheap: not counted in max_batch
        return jobs

    def _loop(self) -> None:
        while not self._stop.is_set():
            jobs = self._take()
            if not jobs:
                continue
            t0 = time.monotonic()
            try:
                self._run(jobs)
            finally:
                elapsed = time.monotonic() - t0
                per = elapsed / len(jobs)
                self._seconds_per_job = per if not self._seconds_per_job else (
                    0.7 * self._seconds_per_job + 0.3 * per)  # fmt: skip
                with self._count_lock:
                    self._waiting -= len(jobs)
                self.stats.batches += 1
                self.stats.jobs += len(jobs)
                self.stats.sizes = (self.stats.sizes + [len(jobs)])[-1000:]

    def _run(self, jobs: list[Pending]) -> None:
        groups: dict[Hashable, list[Pending]] = {}
        for job in jobs:
            groups.setdefault(job.group, []).append(job)
        order = sorted(groups, key=lambda g: 0 if is_write(g) else 1)  # writes first, stable
        for group in order:
            members = [j for j in groups[group] if j.future.set_running_or_notify_cancel()]
            if not members:
                continue
            t0 = time.monotonic()
            try:
                results = self.runner(self.run_group, group, [j.item for j in members])
            except BaseException as e:  # noqa: BLE001 - delivered to the waiting handlers
                if len(members) > 1:
                    # one bad item must not fail its neighbours: run them one by one
                    for j in members:
                        self._run_one(group, j)
                    continue
                members[0].future.set_exception(e)
                continue
            for j, r in zip(members, results):
                j.future.set_result(r)
            if self.on_batch:
                self.on_batch(group, len(members), time.monotonic() - t0)

    def _run_one(self, group: Hashable, job: Pending) -> None:
        try:
            job.future.set_result(self.runner(self.run_group, group, [job.item])[0])
        except BaseException as e:  # noqa: BLE001
            job.future.set_exception(e)
