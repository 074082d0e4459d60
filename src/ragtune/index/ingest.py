"""Incremental, crash-safe ingestion of a corpus folder into one collection of an index.

Per run: scan the folder, skip files unchanged since the last run (size, mtime, settings),
parse the rest, compare each document's content hash with the manifest, and write only what
is new or changed: embed its chunks, mark the documents `pending` in the manifest, replace
their points in the store, mark them `committed`. With `prune`, documents of this folder whose
file is gone are removed (a file that merely failed to read is not a deletion). Bad input never
stops the run: every unusable file, line or record becomes a Problem with path and reason.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

from ragtune.corpus.chunking import TooManyChunks, chunk_document, tokens_for
from ragtune.corpus.loaders import Document, LoadError, Problem, iter_documents, printable, scan
from ragtune.errors import InputError
from ragtune.index.interfaces import PendingDoc
from ragtune.types import Chunk

log = logging.getLogger(__name__)

BATCH_CHUNKS = 256  # chunks embedded and written together (one pending/commit cycle)

Progress = Callable[[int, int, str], None]  # (files done, files total, current path)
# `index` below is a ragtune.index.core.Index; ingest uses only its public methods


@dataclass
class IngestReport:
    collection: str
    folder: str
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: int = 0  # unusable input (binary, empty, too big, not UTF-8, no text ...)
    failed: int = 0  # could not be read or parsed (broken PDF, malformed JSON, permissions)
    recovered: int = 0  # documents redone after an interrupted run
    missing: int = 0  # documents whose file is gone, kept because prune was off
    chunks_written: int = 0
    chunks_removed: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        text = (
            f"{self.collection}: {self.added} added, {self.changed} changed, {self.removed} removed, "
            f"{self.unchanged} unchanged, {self.skipped} skipped, {self.failed} failed "
            f"({self.chunks_written} chunks written)"
        )
        if self.missing:
            text += f"; {self.missing} documents no longer in the folder (--prune removes them)"
        if self.recovered:
            text += f"; recovered {self.recovered} documents from an interrupted run"
        return text

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "problems"}
        d["problems"] = [p.to_dict() for p in self.problems]
        return d


class IngestProblems(InputError):
    """Strict ingest found bad input. The good documents were ingested; `report` says what."""

    exit_code = 1

    def __init__(self, report: IngestReport):
        n = len(report.problems)
        super().__init__(
            f"{n} input problem{'s' if n != 1 else ''} in {report.folder} (strict mode)",
            "fix or remove the files listed above, or run without --strict",
        )
        self.report = report


def doc_hash(doc: Document, signature: str) -> str:
    """What decides whether a document is re-indexed: its content and the index's settings."""
    return hashlib.sha256(f"{doc.content_hash}|{signature}".encode()).hexdigest()


@dataclass
class _Batch:
    docs: list[tuple[Document, str, list[Chunk]]] = field(default_factory=list)
    n_chunks: int = 0

    def add(self, doc: Document, h: str, chunks: list[Chunk]) -> None:
        self.docs.append((doc, h, chunks))
        self.n_chunks += len(chunks)


class _Writer:
    """Embeds batches one ahead in a helper thread and writes them, in order, on the caller's.

    torch releases the GIL while it encodes, so parsing, chunking and store writes of the
    neighbouring batches overlap with embedding instead of adding to it.
    """

    def __init__(self, index: Any, collection: str, root: str, report: IngestReport,
                 timing: dict[str, float]):  # fmt: skip
        self.index, self.collection, self.root = index, collection, root
        self.report, self.timing = report, timing
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ragtune-embed")
        self.in_flight: list[tuple[_Batch, Future]] = []

    def submit(self, batch: _Batch) -> None:
        texts = [c.embed_text() for _, _, cs in batch.docs for c in cs]
        self.in_flight.append((batch, self.pool.submit(self.index.embed, texts)))
        while len(self.in_flight) > 1:
            self._write_next()

    def drain(self) -> None:
        while self.in_flight:
            self._write_next()

    def _write_next(self) -> None:
        batch, future = self.in_flight.pop(0)
        te = time.perf_counter()
        vectors = future.result()
        self.timing["embed"] += time.perf_counter() - te
        self.report.chunks_written += _write_batch(
            self.index, self.collection, self.root, batch, vectors, self.timing, self.report
        )

    def close(self) -> None:
        for _, future in self.in_flight:  # after an error: nothing more gets written
            future.cancel()
        self.pool.shutdown(wait=True)


def run_ingest(
    index: Any,
    folder: str | Path,
    collection: str,
    prune: bool = False,
    progress: Progress | None = None,
    max_file_mb: float | None = None,
) -> IngestReport:
    t0 = time.perf_counter()
    root = Path(folder).resolve()
    report = IngestReport(collection, str(root))
    files, problems = scan(root, max_file_mb or index.settings.index.max_file_mb)
    timing = {"parse": 0.0, "chunk": 0.0, "embed": 0.0, "store": 0.0}
    writer = _Writer(index, collection, str(root), report, timing)
    try:
        limits = Limits(index.settings.index.max_doc_chunks, index.settings.index.max_metadata_kb)
        seen, keep, file_rows = _read_all(
            index, files, collection, root, report, problems, timing, writer, progress, limits
        )
        writer.drain()
    finally:
        writer.close()
    if progress:
        progress(len(files), len(files), "")
    # a document of this folder that nothing produced this time, and whose file did not
    # merely fail to read, is gone
    gone = [d for d in index.manifest.docs_of_root(collection, str(root)) if d not in seen and d not in keep]
    if prune and gone:
        ts = time.perf_counter()
        report.chunks_removed += sum(len(v) for v in index.manifest.chunk_ids(collection, gone).values())
        index.delete_documents(gone, collection)
        timing["store"] += time.perf_counter() - ts
        report.removed = len(gone)
    if not prune:
        report.missing = len(gone)
    # no store flush here: every acknowledged update is already in the store's WAL (what the
    # kill -9 test relies on); segments are flushed by optimize() and close()
    index.manifest.record_files(collection, str(root), file_rows)
    if report.chunks_written or report.removed:
        to = time.perf_counter()
        index.optimize()
        timing["optimize"] = time.perf_counter() - to
    report.problems = problems
    report.skipped = sum(1 for p in problems if p.kind == "skipped")
    report.failed = sum(1 for p in problems if p.kind != "skipped")
    report.seconds = {k: round(v, 3) for k, v in timing.items()}
    report.seconds["total"] = round(time.perf_counter() - t0, 3)
    return report


def _read_all(
    index: Any,
    files: list,
    collection: str,
    root: Path,
    report: IngestReport,
    problems: list[Problem],
    timing: dict[str, float],
    writer: _Writer,
    progress: Progress | None,
    limits: "Limits",
) -> tuple[dict[str, str], set[str], list[tuple[str, int, int, str]]]:
    """Parse what changed, count what did not, hand new chunks to the writer in batches.

    Returns (doc ids seen -> file, doc ids of files that failed to read, file rows to record).
    """
    manifest = index.manifest
    signature = index.signature
    prev = manifest.hashes(collection)
    by_source: dict[str, list[str]] = {}
    for doc_id, source in manifest.docs_of_root(collection, str(root)).items():
        by_source.setdefault(source, []).append(doc_id)
    seen: dict[str, str] = {}
    keep: set[str] = set()
    file_rows: list[tuple[str, int, int, str]] = []
    batch = _Batch()
    tokens = None
    for n, src in enumerate(files):
        if progress:
            progress(n, len(files), src.relpath)
        known = by_source.get(src.relpath, [])
        if (
            known
            and all(d in prev for d in known)
            and not any(d in seen for d in known)
            and manifest.file_unchanged(
                collection, str(root), src.relpath, src.size, src.mtime_ns, signature
            )
        ):
            for d in known:
                seen[d] = src.relpath
            report.unchanged += len(known)
            file_rows.append((src.relpath, src.size, src.mtime_ns, signature))
            continue
        file_problems = 0
        t = time.perf_counter()
        try:
            for item in _documents(src):
                timing["parse"] += time.perf_counter() - t
                if isinstance(item, Problem):
                    problems.append(item)
                    file_problems += 1
                elif item.doc_id in seen:
                    problems.append(
                        Problem(
                            src.relpath,
                            f"duplicate document id `{item.doc_id}` (already read from "
                            f"{seen[item.doc_id]}); rename one of them",
                        )
                    )
                    file_problems += 1
                elif (too_big := _over_limits(item, limits)) is not None:
                    problems.append(Problem(src.relpath, too_big))
                    file_problems += 1
                    keep.add(item.doc_id)
                else:
                    h = doc_hash(item, signature)
                    if prev.get(item.doc_id) == h:
                        seen[item.doc_id] = src.relpath
                        report.unchanged += 1
                    else:
                        if tokens is None:
                            tokens = tokens_for(index.embedder())
                        tc = time.perf_counter()
                        try:
                            chunks = chunk_document(
                                item, tokens, index.chunking, collection, limits.max_doc_chunks
                            )
                        except TooManyChunks:
                            chunks = None
                        timing["chunk"] += time.perf_counter() - tc
                        if chunks is None:
                            problems.append(Problem(src.relpath, _too_many_chunks(item, limits)))
                            file_problems += 1
                            keep.add(item.doc_id)  # a document too big now is not a deletion
                        else:
                            seen[item.doc_id] = src.relpath
                            if item.doc_id in prev:
                                report.changed += 1
                            else:
                                report.added += 1
                            batch.add(item, h, chunks)
                            if batch.n_chunks >= BATCH_CHUNKS:
                                writer.submit(batch)
                                batch = _Batch()
                t = time.perf_counter()
        except LoadError as e:
            problems.append(Problem(src.relpath, e.reason, kind=e.kind))
            keep.update(by_source.get(src.relpath, []))
            continue
        if not file_problems:
            file_rows.append((src.relpath, src.size, src.mtime_ns, signature))
    if batch.docs:
        writer.submit(batch)
    return seen, keep, file_rows


@dataclass(frozen=True)
class Limits:
    """Per-document limits (settings `index.max_doc_chunks`, `index.max_metadata_kb`)."""

    max_doc_chunks: int | None = None
    max_metadata_kb: float | None = None


def _documents(src: Any) -> Iterator[Document | Problem]:
    """iter_documents, where a parser bug on one file becomes that file's problem (LoadError)
    instead of ending the whole ingest; the hostile-corpus tests fail on such reasons."""
    try:
        yield from iter_documents(src)
    except LoadError:
        raise
    except (Exception, RecursionError) as e:
        log.warning("reading %s failed", src.relpath, exc_info=True)
        raise LoadError(f"{INTERNAL}: {type(e).__name__}: {str(e)[:200]}")


INTERNAL = "could not read it (a ragtune bug: please report it)"


def _over_limits(doc: Document, limits: Limits) -> str | None:
    if limits.max_metadata_kb is None or not doc.metadata:
        return None
    size = len(json.dumps(doc.metadata, ensure_ascii=False, default=str).encode("utf-8"))
    if size <= limits.max_metadata_kb * 1024:
        return None
    return (
        f"`{printable(doc.doc_id)}`: metadata is {size / 1024:.0f} KB, over "
        f"index.max_metadata_kb={limits.max_metadata_kb:g}; raise it to ingest this document"
    )


def _too_many_chunks(doc: Document, limits: Limits) -> str:
    return (
        f"`{printable(doc.doc_id)}` ({len(doc.text) / 1048576:.1f} MB of text) makes more than "
        f"index.max_doc_chunks={limits.max_doc_chunks} chunks; raise it to ingest this document"
        + (" (it has no line breaks: is it text?)" if "\n" not in doc.text else "")
    )


def _write_batch(
    index: Any, collection: str, root: str, batch: _Batch, vectors: np.ndarray,
    timing: dict[str, float], report: IngestReport,
) -> int:  # fmt: skip
    chunks = [c for _, _, cs in batch.docs for c in cs]
    ts = time.perf_counter()
    pending = [
        PendingDoc(
            doc.doc_id, root, doc.source, h, doc.title, doc.metadata,
            [(c.id, c.position, c.hash) for c in cs],
        )  # fmt: skip
        for doc, h, cs in batch.docs
    ]
    report.chunks_removed += index.write(collection, pending, chunks, vectors)
    timing["store"] += time.perf_counter() - ts
    return len(chunks)
