"""All torch work of a process runs in one worker thread.

Two threads calling into torch at once each get the full OpenMP pool and fight over the cores
(measured: 20-40x slower). Funnelling every forward pass through one thread keeps torch's
threads busy with one thing at a time; the server's request threads and the CLI only wait.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, TypeVar

T = TypeVar("T")


class TorchWorker:
    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ragtune-torch")
        self._thread_id: int | None = None
        self._pool.submit(self._remember_thread).result()

    def _remember_thread(self) -> None:
        self._thread_id = threading.get_ident()

    def in_worker(self) -> bool:
        return threading.get_ident() == self._thread_id

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn` on the torch thread and wait (runs inline when already on it)."""
        if self.in_worker():
            return fn(*args, **kwargs)
        return self._pool.submit(fn, *args, **kwargs).result()

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future:
        return self._pool.submit(fn, *args, **kwargs)


_worker: TorchWorker | None = None
_lock = threading.Lock()


def torch_worker() -> TorchWorker:
    global _worker
    with _lock:
        if _worker is None:
            _worker = TorchWorker()
        return _worker


def release_memory() -> None:
    """Hand the heap that a large transient job (training, an adapter merge) freed back to the
    OS. glibc keeps freed blocks in its arenas, so without this the process stays at the job's
    peak RSS and the next job stacks on top of it (the demo: training, then answering, then
    continued training in one process). A no-op where glibc's malloc_trim is missing."""
    import ctypes
    import ctypes.util

    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def configure_torch(threads: int) -> None:
    """Thread counts, set once per process (interop threads can only be set before use)."""
    import os

    import torch

    n = threads or min(os.cpu_count() or 1, 8)
    torch.set_num_threads(n)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # already set, or parallel work already ran
        pass
