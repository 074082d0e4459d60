"""The model runtime: one ModelPool per process; each model loaded once, shared by all strategies.

    from ragtune.models import get_pool, project_pool
    pool = get_pool(settings)             # settings: ragtune.config.Settings
    pool = project_pool(project)          # the same, caching generations in the project
    gen = pool.generator()                # CachedGenerator over a local or HTTP backend
    emb = pool.embedder()                 # CachedEmbedder over a local or HTTP backend
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from ragtune.config import ModelSettings, Settings
from ragtune.errors import ModelError
from ragtune.models.cache import CachedEmbedder, CachedGenerator, DiskCache
from ragtune.models.generation import Generation, Generator, Prompt
from ragtune.models.locate import is_url

__all__ = [
    "CachedEmbedder", "CachedGenerator", "ModelPool", "get_pool", "project_pool", "Generation",
    "Generator", "Prompt",
]


class _Loaded:
    """The models of one set of model settings, loaded once per process: every pool with those
    settings shares them, whatever folder its caches are in."""

    def __init__(self) -> None:
        self.generator: Any = None
        self.embedder: Any = None
        self.lock = threading.Lock()


class ModelPool:
    """Loads each configured model on first use and hands the same object to every caller;
    its caches are in `cache_dir` (a project's), the loaded models shared with every other pool
    of the same settings (`loaded`)."""

    def __init__(self, settings: Settings, cache_dir: str | Path | None = None,
                 loaded: _Loaded | None = None):
        self.settings = settings
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self._loaded = loaded or _Loaded()
        self._generator: Any = None
        self._embedder: Any = None
        self._lock = threading.Lock()

    def _cache(self, name: str, enabled: bool) -> DiskCache | None:
        if not enabled or self.cache_dir is None:
            return None
        return DiskCache(self.cache_dir / f"{name}.sqlite")

    def generator(self) -> CachedGenerator:
        return self._once("_generator", lambda: CachedGenerator(
            self._model("generator", self._make_generator),
            self._cache("generations", self.settings.cache.generations)))

    def embedder(self) -> CachedEmbedder:
        return self._once("_embedder", lambda: CachedEmbedder(
            self._model("embedder", self._make_embedder),
            self._cache("embeddings", self.settings.cache.embeddings)))

    def _model(self, name: str, make: Any) -> Any:
        with self._loaded.lock:
            if getattr(self._loaded, name) is None:
                setattr(self._loaded, name, make())
            return getattr(self._loaded, name)

    def _once(self, attr: str, make: Any) -> Any:
        with self._lock:
            if getattr(self, attr) is None:
                setattr(self, attr, make())
            return getattr(self, attr)

    def _make_generator(self) -> Generator:
        m, h = self.settings.model, self.settings.http
        if is_url(m.generator):
            from ragtune.models.http import HttpGenerator

            return HttpGenerator(m.generator, m.name, h.api_key_env, h.timeout_s, h.max_retries)
        from ragtune.models import ct2
        from ragtune.models.local import LocalGenerator
        from ragtune.models.locate import resolve_generator_dir

        path, model_hash = resolve_generator_dir(m.generator)
        if fast_backend(m):
            return ct2.Ct2Generator(path, model_hash, m.device, m.threads, m.batch_size,
                                    adapter_weights=m.adapter_weights, weights=m.weights)
        return LocalGenerator(path, model_hash, m.dtype, m.device, m.threads, m.batch_size)

    def _make_embedder(self):  # noqa: ANN202 (LocalEmbedder | HttpEmbedder)
        e, h = self.settings.embedder, self.settings.http
        if is_url(e.model):
            from ragtune.models.embedder import HttpEmbedder
            from ragtune.models.http import make_client

            client = make_client(e.model, h.api_key_env, h.timeout_s, h.max_retries)
            return HttpEmbedder(client, e.name or "text-embedding", e.batch_size)
        from ragtune.models.embedder import LocalEmbedder
        from ragtune.models.locate import resolve_embedder_dir

        path, model_hash = resolve_embedder_dir(e.model)
        device = self.settings.model.device
        return LocalEmbedder(path, model_hash, e.batch_size, device, self.settings.model.threads)


def fast_backend(m: ModelSettings) -> bool:
    """Whether the local generator runs on int8 CTranslate2 (model.backend): `auto` picks it
    on CPU when the package is installed; training always uses torch."""
    from ragtune.models import ct2

    if m.backend == "torch":
        return False
    if m.backend == "ctranslate2":
        if not ct2.available():
            raise ModelError(
                "model.backend is ctranslate2 but the package is not installed",
                "pip install ctranslate2 (scripts/setup.sh does), or set model.backend = \"auto\"",
            )
        return True
    if m.device not in ("auto", "cpu") or not ct2.available():
        return False
    if m.device == "auto":
        from ragtune.models.local import pick_device

        return pick_device("auto") == "cpu"
    return True


_pools: dict[tuple, ModelPool] = {}
_loaded: dict[tuple, _Loaded] = {}
_pools_lock = threading.Lock()


def _pool_key(settings: Settings) -> tuple:
    # The cache folder is not part of the key: the models are loaded once per process whatever
    # project asks; each project's pool keeps its caches in its own folder (a pool that kept the
    # first project's folder failed once that project was deleted).
    return (
        settings.model.model_dump_json(),
        settings.embedder.model_dump_json(),
        settings.http.model_dump_json(),
        settings.cache.model_dump_json(),
    )


def get_pool(settings: Settings | None = None, cache_dir: str | Path | None = None) -> ModelPool:
    """The process's pool for these model settings and cache folder (created once, then
    shared); pools of the same settings share their loaded models."""
    settings = settings or Settings()
    cache_path = Path(cache_dir) if cache_dir else None
    key = _pool_key(settings)
    with _pools_lock:
        loaded = _loaded.setdefault(key, _Loaded())
        where = (key, str(cache_path) if cache_path else None)
        if where not in _pools:
            _pools[where] = ModelPool(settings, cache_path, loaded)
        return _pools[where]


def project_pool(project: Any) -> ModelPool:
    """The process's pool for a project's settings (`ragtune.project.Project`), with the
    generation and embedding caches in the project's `.ragtune/cache/`."""
    return get_pool(project.settings, cache_dir=project.path("cache"))

