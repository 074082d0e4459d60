"""The work the server queues for the torch worker, as typed jobs.

A job object is the micro-batcher's group key (frozen, hashable): requests whose jobs are
equal are answered by one call, `job.run(server, items)`, on the torch worker thread, where
`items` holds one entry per request (questions, queries, documents, ids...). `kind` labels
metrics; `writes` marks jobs that run before the reads of the same batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # pragma: no cover
    from ragtune.serve.server import Server


@dataclass(frozen=True)
class Job:
    kind: ClassVar[str] = ""
    writes: ClassVar[bool] = False

    def run(self, server: "Server", items: list[Any]) -> list[Any]:
        raise NotImplementedError  # pragma: no cover


def _filters(text: str | None) -> Any:
    return json.loads(text) if text else None


@dataclass(frozen=True)
class AnswerJob(Job):
    """Questions to one strategy in one collection; `filters` is normalised filter JSON."""

    spec: str
    collection: str
    filters: str | None = None
    kind: ClassVar[str] = "answer"

    def run(self, server: "Server", items: list[str]) -> list[Any]:
        pipeline = server.pipeline(self.spec, self.collection)
        return pipeline.answer_many(items, filters=_filters(self.filters))


@dataclass(frozen=True)
class GenerateJob(Job):
    """Chat message lists to the raw generator (no retrieval, no prompt of ours)."""

    max_tokens: int
    temperature: float
    stop: tuple[str, ...] = ()
    kind: ClassVar[str] = "raw"

    def run(self, server: "Server", items: list[list[dict]]) -> list[Any]:
        return server.generator().generate(items, max_new_tokens=self.max_tokens,
                                           temperature=self.temperature,
                                           stop=list(self.stop) or None)  # fmt: skip


@dataclass(frozen=True)
class SearchJob(Job):
    """Retrieval only: queries to the index."""

    collection: str
    k: int
    mode: str
    filters: str | None = None
    kind: ClassVar[str] = "search"

    def run(self, server: "Server", items: list[str]) -> list[Any]:
        return server.index.search_many(items, self.k, _filters(self.filters), self.mode,
                                        self.collection)  # fmt: skip


@dataclass(frozen=True)
class UpsertJob(Job):
    """Lists of documents to add or update; returns their added/changed/unchanged counts."""

    collection: str
    kind: ClassVar[str] = "upsert"
    writes: ClassVar[bool] = True

    def run(self, server: "Server", items: list[list[Any]]) -> list[Any]:
        return [server.index.upsert_documents(docs, self.collection) for docs in items]


@dataclass(frozen=True)
class DeleteJob(Job):
    """Lists of document ids to delete; returns how many existed."""

    collection: str
    kind: ClassVar[str] = "delete"
    writes: ClassVar[bool] = True

    def run(self, server: "Server", items: list[list[str]]) -> list[Any]:
        return [server.index.delete_documents(ids, self.collection) for ids in items]


@dataclass(frozen=True)
class ChunkJob(Job):
    """Chunk ids to read (None where the collection has no such chunk)."""

    collection: str
    kind: ClassVar[str] = "chunk"

    def run(self, server: "Server", items: list[str]) -> list[Any]:
        return [server.index.get_chunk(cid, self.collection) for cid in items]


@dataclass(frozen=True)
class DocumentsJob(Job):
    """The document list of a collection (items are placeholders, one per request)."""

    collection: str
    kind: ClassVar[str] = "documents"

    def run(self, server: "Server", items: list[None]) -> list[Any]:
        return [server.index.documents(self.collection) for _ in items]
