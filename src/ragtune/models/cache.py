"""The disk cache (SQLite) and the two wrappers that put it in front of any backend.

`CachedGenerator`: greedy generations and choice scores, keyed by (backend identity = model,
adapter and precision; the chat; decoding parameters). `CachedEmbedder`: vectors keyed by
(model, text hash). Backends only compute; the pool wraps each in one of these. SQLite gives
atomic writes and safe concurrent readers for free.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

import numpy as np

from ragtune.models.generation import Chat, Decoding, Generation, Generator

V = TypeVar("V")


def key_of(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


class DiskCache:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._conn() as c:
            c.execute("CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v BLOB NOT NULL)")

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        conn = self._conn()
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            q = f"SELECT k, v FROM kv WHERE k IN ({','.join('?' * len(part))})"
            found.update(conn.execute(q, part).fetchall())
        return found

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        with self._conn() as c:
            c.executemany("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)", list(items))

    def __len__(self) -> int:
        return self._conn().execute("SELECT COUNT(*) FROM kv").fetchone()[0]


def through_cache(
    cache: DiskCache | None,
    keys: list[str],
    compute: Callable[[list[int]], Sequence[V]],
    encode: Callable[[V], bytes],
    decode: Callable[[bytes], V],
) -> list[V]:
    """The value for each key: cached ones decoded, the others computed in one call
    (`compute(indices)`) and stored."""
    out: list[Any] = [None] * len(keys)
    todo = list(range(len(keys)))
    if cache is not None:
        found = cache.get_many(keys)
        for i, k in enumerate(keys):
            if k in found:
                out[i] = decode(found[k])
        todo = [i for i in todo if keys[i] not in found]
    if todo:
        fresh = compute(todo)
        for i, value in zip(todo, fresh):
            out[i] = value
        if cache is not None:
            cache.put_many((keys[i], encode(out[i])) for i in todo)
    return out


def _encode_generation(g: Generation) -> bytes:
    fields = ("text", "prompt_tokens", "completion_tokens", "finish_reason", "ms")
    return json.dumps({f: getattr(g, f) for f in fields}).encode()


def _decode_generation(raw: bytes) -> Generation:
    return Generation(**json.loads(raw), cached=True)


class CachedGenerator(Generator):
    """Any generator backend behind the disk cache: greedy generations and choice scores are
    reused, keyed by the backend's identity (model, adapter, precision), the chat and the
    decoding parameters. Sampled generations and streams always run. Everything else
    (tokenizer, usage, adapters) is the backend's."""

    def __init__(self, backend: Generator, cache: DiskCache | None = None):
        self.backend = backend
        self.cache = cache

    def __getattr__(self, name: str) -> Any:
        if name == "backend":  # not set yet (copy, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.backend, name)

    @property
    def model_id(self) -> str:  # type: ignore[override]
        return self.backend.model_id

    def cache_identity(self) -> str:
        return self.backend.cache_identity()

    def generate_chats(
        self, chats: list[Chat], decoding: Decoding, batch_size: int | None = None
    ) -> list[Generation]:
        def compute(todo: list[int]) -> list[Generation]:
            return self.backend.generate_chats([chats[i] for i in todo], decoding, batch_size)

        if not decoding.greedy:
            return compute(list(range(len(chats))))
        ident = self.cache_identity()
        params = {"max_new_tokens": decoding.max_new_tokens, "stop": list(decoding.stop)}
        if decoding.beams > 1:  # greedy keys stay as they were
            params["beams"] = decoding.beams
        keys = [key_of(ident, chat, params) for chat in chats]
        return through_cache(self.cache, keys, compute, _encode_generation, _decode_generation)

    def stream_chat(self, chat: Chat, decoding: Decoding) -> Iterator[str]:
        return self.backend.stream_chat(chat, decoding)

    def score_chat(self, chat: Chat, choices: list[str]) -> list[float]:
        key = key_of(self.cache_identity(), chat, {"choices": choices})
        return through_cache(
            self.cache, [key], lambda _: [self.backend.score_chat(chat, choices)],
            lambda scores: json.dumps(scores).encode(), json.loads,
        )[0]

    def count_tokens(self, text: str) -> int:
        return self.backend.count_tokens(text)


class CachedEmbedder:
    """Any embedder backend (local or HTTP) behind the disk cache, keyed by (model, text hash).
    Vectors are stored as float32 bytes."""

    def __init__(self, backend: Any, cache: DiskCache | None = None):
        self.backend = backend
        self.cache = cache

    def __getattr__(self, name: str) -> Any:
        if name == "backend":
            raise AttributeError(name)
        return getattr(self.backend, name)

    def encode(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        if not texts:
            return self.backend.encode(texts, batch_size)
        ident = self.backend.model_id
        keys = [key_of(ident, hashlib.sha256(t.encode()).hexdigest()) for t in texts]

        def compute(todo: list[int]) -> Sequence[np.ndarray]:
            return list(self.backend.encode([texts[i] for i in todo], batch_size))

        rows = through_cache(
            self.cache, keys, compute, lambda v: np.asarray(v, dtype=np.float32).tobytes(),
            lambda raw: np.frombuffer(raw, dtype=np.float32),
        )
        return np.stack(rows).astype(np.float32, copy=False)
