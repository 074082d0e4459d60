"""ragtune's own API: answers with their evidence (`/v1/query`, streamed as server-sent
events), retrieval only (`/v1/search`), and the documents of a collection (upsert, delete,
list, read one chunk). Every route works inside the caller's collection."""

from __future__ import annotations

import json
import logging
import re
import uuid
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from ragtune.serve.errors import ApiError, json_response
from ragtune.serve.jobs import ChunkJob, DeleteJob, DocumentsJob, SearchJob, UpsertJob
from ragtune.serve.keys import Principal
from ragtune.serve.openai_compat import error_body
from ragtune.serve.server import Server, authenticated, get_server

log = logging.getLogger("ragtune.serve")
router = APIRouter(prefix="/v1")
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/#@+-]{0,199}$")


class QueryRequest(BaseModel):
    question: str
    model: str = ""  # strategy spec; empty = serve.default_model
    collection: str | None = None
    filters: dict | list | None = None
    stream: bool = False


class SearchRequest(BaseModel):
    query: str
    k: int = Field(5, ge=1, le=50)
    mode: str = "hybrid"
    collection: str | None = None
    filters: dict | list | None = None


class DocumentIn(BaseModel):
    id: str
    text: str
    title: str = ""
    metadata: dict[str, Any] = Field(default_factory=dict)


class UpsertRequest(BaseModel):
    collection: str | None = None
    documents: list[DocumentIn]


class DeleteRequest(BaseModel):
    collection: str | None = None
    ids: list[str]


def text_pieces(text: str) -> Any:
    """A finished answer as stream pieces: a word and its following space at a time."""
    yield from re.findall(r"\s*\S+\s*", text) or ([text] if text else [])


def answer_body(answer: Any) -> dict[str, Any]:
    d = answer.to_dict()
    d["usage"]["total_tokens"] = answer.usage.total_tokens
    return d


def sse_event(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, default=str, ensure_ascii=False)}\n\n"


@router.post("/query")
async def query(body: QueryRequest, principal: Principal = Depends(authenticated),
                server: Server = Depends(get_server)) -> Response:  # fmt: skip
    question = server.check_question(body.question)
    collection = server.collection_for(principal, body.collection)
    spec = server.model_spec(body.model or server.opts.default_model)
    if not body.stream:
        a = await server.answer(spec, collection, question, body.filters)
        return json_response({"id": f"query-{uuid.uuid4().hex[:16]}", "model": spec,
                              "collection": collection, "answer": answer_body(a)})  # fmt: skip
    # validation, auth and admission happened above; the queue wait starts now
    future = server.submit_answer(spec, collection, question, body.filters)
    return StreamingResponse(_query_events(server, spec, collection, future),
                             media_type="text/event-stream", headers={"Cache-Control": "no-store"})  # fmt: skip


async def _query_events(server: Server, spec: str, collection: str, future: Any):  # noqa: ANN202
    yield sse_event("status", {"state": "queued", "model": spec, "collection": collection})
    try:
        a = await server.wait_answer(spec, future)
    except ApiError as e:
        yield sse_event("error", e.body())
        return
    except Exception as e:  # noqa: BLE001
        log.exception("query stream failed")
        yield sse_event("error", error_body(f"internal error ({type(e).__name__})", "server_error"))
        return
    for st in a.trace:
        yield sse_event("step", st.to_dict())
    for piece in text_pieces(a.text):
        yield sse_event("delta", {"content": piece})
    yield sse_event("answer", {"model": spec, "collection": collection, "answer": answer_body(a)})
    yield sse_event("done", {})


@router.post("/search")
async def search(body: SearchRequest, principal: Principal = Depends(authenticated),
                 server: Server = Depends(get_server)) -> Response:  # fmt: skip
    from ragtune.index.store import MODES

    query_text = server.check_question(body.query)
    collection = server.collection_for(principal, body.collection)
    if body.mode not in MODES:
        raise ApiError(400, f"unknown search mode {body.mode!r}; use one of {', '.join(MODES)}", param="mode")
    job = SearchJob(collection, body.k, body.mode, server.normalized_filters(body.filters))
    hits = await server.run(job, query_text)
    return json_response({"collection": collection, "hits": [h.to_dict() for h in hits]})


@router.post("/documents")
async def upsert(body: UpsertRequest, principal: Principal = Depends(authenticated),
                 server: Server = Depends(get_server)) -> Response:  # fmt: skip
    from ragtune.corpus.loaders import Document

    collection = server.collection_for(principal, body.collection)
    if not body.documents:
        raise ApiError(400, "no documents given", param="documents")
    if len(body.documents) > server.opts.max_documents:
        raise ApiError(400, f"{len(body.documents)} documents in one request; at most "
                       f"{server.opts.max_documents} (serve.max_documents)", param="documents")  # fmt: skip
    docs = []
    for d in body.documents:
        if not _DOC_ID.match(d.id):
            raise ApiError(400, f"invalid document id {d.id[:80]!r}: letters, digits and "
                           "_ . : / # @ + - (at most 200 characters)", param="documents.id")  # fmt: skip
        if not d.text.strip():
            raise ApiError(400, f"document {d.id!r} has no text", param="documents.text")
        docs.append(Document(doc_id=d.id, text=d.text, title=d.title, metadata=d.metadata,
                             source=d.id, format="api"))  # fmt: skip
    counts = await server.run(UpsertJob(collection), docs)
    return json_response({"collection": collection, "ids": [d.doc_id for d in docs], **counts})


@router.delete("/documents")
async def delete(body: DeleteRequest, principal: Principal = Depends(authenticated),
                 server: Server = Depends(get_server)) -> Response:  # fmt: skip
    collection = server.collection_for(principal, body.collection)
    if not body.ids:
        raise ApiError(400, "no document ids given", param="ids")
    n = await server.run(DeleteJob(collection), list(body.ids))
    return json_response({"collection": collection, "deleted": n})


@router.get("/documents")
async def documents(collection: str | None = None, principal: Principal = Depends(authenticated),
                    server: Server = Depends(get_server)) -> Response:  # fmt: skip
    name = server.collection_for(principal, collection)
    docs = await server.run(DocumentsJob(name), None)
    return json_response({"collection": name, "documents": [
        {"id": d.doc_id, "title": d.title, "chunks": d.n_chunks, "metadata": d.metadata}
        for d in docs]})  # fmt: skip


@router.get("/chunks/{chunk_id:path}")
async def chunk(chunk_id: str, collection: str | None = None, principal: Principal = Depends(authenticated),
                server: Server = Depends(get_server)) -> Response:  # fmt: skip
    name = server.collection_for(principal, collection)
    c = await server.run(ChunkJob(name), chunk_id)
    if c is None:
        raise ApiError(404, f"no chunk {chunk_id[:120]!r} in collection {name!r}", code="not_found")
    return json_response({"collection": name, "chunk": c.to_dict()})
