"""What a run was made with: package versions, model and adapter hashes, corpus hash, commit."""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ("ragtune", "torch", "transformers", "sentence-transformers", "peft", "qdrant-edge-py",
            "numpy", "scipy", "matplotlib")  # fmt: skip


def package_versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def git_commit() -> str | None:
    """The commit of ragtune's own source tree (with `+dirty` for local edits), if a checkout."""
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(["git", "-C", str(here), "rev-parse", "HEAD"], capture_output=True,
                              text=True, timeout=10)  # fmt: skip
        if head.returncode != 0:
            return None
        dirty = subprocess.run(["git", "-C", str(here), "status", "--porcelain", "--", str(here.parent)],
                               capture_output=True, text=True, timeout=10)  # fmt: skip
        return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return None


def file_hash(path: str | Path | None) -> str | None:
    if path is None:
        return None
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def corpus_hash(index: Any, collection: str, root: str | Path | None) -> str | None:
    """Hash of (doc id, content hash) of the documents of a corpus folder (or the collection)."""
    if index is None or getattr(index, "manifest", None) is None:
        return None
    hashes = index.manifest.hashes(collection)
    if root is not None:
        ids = index.manifest.docs_of_root(collection, str(Path(root).resolve()))
        hashes = {d: hashes[d] for d in ids if d in hashes}
    h = hashlib.sha256()
    for doc_id in sorted(hashes):
        h.update(f"{doc_id}\t{hashes[doc_id]}\n".encode())
    return h.hexdigest()


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        # int8 answers depend on the kernels: oneDNN's AVX-512 VNNI path rounds int8 products
        # unlike its AVX2 path, so two machines can give different text (docs/RESULTS.md)
        "cpu_isa": cpu_isa(),
        "onednn_max_cpu_isa": os.environ.get("ONEDNN_MAX_CPU_ISA") or os.environ.get("DNNL_MAX_CPU_ISA"),
    }


def cpu_isa(flags: set[str] | None = None) -> str:
    """The widest x86 vector extension int8 kernels may use here ("avx512_vnni", "avx2", …),
    or the machine's architecture where the CPU lists no such flags."""
    from ragtune.models.backend import cpu_flags

    flags = cpu_flags() if flags is None else flags
    for isa in ("amx_int8", "avx512_vnni", "avx512bw", "avx_vnni", "avx2", "avx"):
        if isa in flags:
            return isa
    return platform.machine() or "unknown"


def model_hashes(generator: Any, embedder: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"generator": getattr(generator, "model_id", None)}
    backend = getattr(generator, "backend", generator)  # the cache wrapper holds the model
    if callable(getattr(backend, "precision", None)) and backend.precision():
        out["generator_precision"] = backend.precision()  # "ct2-int8", "ct2-float32", ...
    if embedder is not None:
        out["embedder"] = getattr(embedder, "model_id", None) or getattr(embedder, "model_hash", None)
    return out


def adapter_hashes(generator: Any) -> dict[str, str]:
    return dict(getattr(generator, "adapters", {}) or {})
