"""Embedder backends: sentence-transformers locally (default all-MiniLM-L6-v2) or an HTTP
endpoint. They only compute; the pool puts `CachedEmbedder` (models/cache.py) in front.

Vectors are float32 and L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ragtune.models.worker import TorchWorker, configure_torch, torch_worker


class LocalEmbedder:
    def __init__(
        self,
        model_dir: str | Path,
        model_id: str,
        batch_size: int = 64,
        device: str = "cpu",
        threads: int = 0,
        worker: TorchWorker | None = None,
    ):
        self.model_dir = Path(model_dir)
        self.model_id = model_id
        self.batch_size = batch_size
        self.worker = worker or torch_worker()
        self.worker.run(self._load, device, threads)

    def _load(self, device: str, threads: int) -> None:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        from ragtune.models.local import pick_device

        hf_logging.disable_progress_bar()

        configure_torch(threads)
        self.model = SentenceTransformer(
            str(self.model_dir), device=pick_device(device), local_files_only=True
        )
        self.tokenizer = self.model.tokenizer
        self.max_tokens = int(self.model.max_seq_length)
        self.dim = int(self.model.get_embedding_dimension())

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False).input_ids)

    def encode(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self.worker.run(self._encode, texts, batch_size or self.batch_size)

    def _encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        vecs = self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)


class HttpEmbedder:
    """Embeddings from an OpenAI-compatible `/v1/embeddings` endpoint."""

    def __init__(self, client, model: str, batch_size: int = 64):  # noqa: ANN001
        self.client = client
        self.model = model
        self.model_id = f"http:{client.base_url}:{model}"
        self.batch_size = batch_size
        self.tokenizer = None
        self.max_tokens = 512
        self.dim = len(self.encode(["dimension probe"])[0])

    def count_tokens(self, text: str) -> int:
        return max(1, len(text) // 4)  # no tokenizer over HTTP: a standard estimate

    def encode(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        from ragtune.models.http import call_with_errors

        rows: list[list[float]] = []
        step = batch_size or self.batch_size
        for i in range(0, len(texts), step):
            resp = call_with_errors(
                self.client, lambda: self.client.embeddings.create(model=self.model, input=texts[i : i + step])
            )
            rows.extend(d.embedding for d in sorted(resp.data, key=lambda d: d.index))
        vecs = np.asarray(rows, dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.maximum(norms, 1e-12)
