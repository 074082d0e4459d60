"""OpenAI-compatible routes: `/v1/models`, `/v1/chat/completions` (the model is a strategy
spec such as `rag` or `agentic@adapter=ID`, or the raw generator's name) and
`/v1/embeddings` (the index's embedder)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict

from ragtune.serve.catalog import embedder_name, model_cards
from ragtune.serve.conversation import standalone
from ragtune.serve.errors import ApiError, json_response
from ragtune.serve.jobs import EmbedJob, GenerateJob
from ragtune.serve.keys import Principal
from ragtune.serve.openai_compat import ChatRequest, completion_body, embeddings_body, sse_chunks
from ragtune.serve.routes.data import text_pieces
from ragtune.serve.server import Server, authenticated, get_server
from ragtune.types import Step

router = APIRouter(prefix="/v1")


class RagChatRequest(ChatRequest):
    """OpenAI's chat request plus ragtune's optional `collection` and `filters`
    (pass them with the SDK's `extra_body`)."""

    collection: str | None = None
    filters: dict | list | None = None


class EmbeddingsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    input: str | list[str] | list[int] | list[list[int]]
    model: str = ""
    encoding_format: str = "float"
    dimensions: int | None = None
    user: str | None = None


def message_text(content: Any) -> str:
    """A chat message's text: a string, or OpenAI's list of content parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


@router.get("/models")
async def list_models(principal: Principal = Depends(authenticated),  # noqa: ARG001
                      server: Server = Depends(get_server)) -> dict:  # fmt: skip
    return {"object": "list", "data": model_cards(server)}


@router.post("/chat/completions")
async def chat(body: RagChatRequest, principal: Principal = Depends(authenticated),
               server: Server = Depends(get_server)) -> Response:  # fmt: skip
    model = body.model or server.opts.default_model
    raw, adapter = server.raw_model(model)
    refused = body.unserved()
    if refused:
        raise ApiError(400, refused[1], param=refused[0], code="unsupported_parameter")
    if len(body.messages) > server.opts.max_messages:
        raise ApiError(400, f"{len(body.messages)} messages in one request; at most "
                       f"{server.opts.max_messages} (serve.max_messages)", param="messages",
                       code="too_many_messages")  # fmt: skip
    if raw:
        text, p, c, finish, extra = await _raw_completion(server, body, adapter)
    else:
        text, p, c, finish, extra = await _strategy_completion(server, body, model, principal)
    if body.stream:
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return StreamingResponse(
            sse_chunks(model, text_pieces(text), (lambda: (p, c)) if include_usage else None, finish),
            media_type="text/event-stream", headers={"Cache-Control": "no-store"},
        )  # fmt: skip
    return json_response(completion_body(model, text, p, c, finish, extra))


async def _raw_completion(server: Server, body: RagChatRequest, adapter: str | None) -> tuple:
    """The model alone (or with one of the project's adapters): the messages as they came,
    no retrieval, no prompt of ours."""
    messages = [{"role": m.role, "content": message_text(m.content)} for m in body.messages]
    # a raw prompt carries its own context: 4x the question limit for all messages
    limit = 4 * server.opts.max_question_chars
    size = sum(len(m["content"]) for m in messages)
    if not size or size > limit:
        raise ApiError(400, f"the messages hold {size} characters; 1 to {limit} are accepted",
                       param="messages")  # fmt: skip
    job = GenerateJob(body.limit(server.settings.model.max_new_tokens), body.temp,
                      tuple(body.stops() or ()), adapter)  # fmt: skip
    g = await server.run(job, messages)
    server.count_tokens(g.prompt_tokens, g.completion_tokens)
    return g.text, g.prompt_tokens, g.completion_tokens, g.finish_reason, None


async def _strategy_completion(server: Server, body: RagChatRequest, model: str,
                               principal: Principal) -> tuple:  # fmt: skip
    """A strategy's answer to the conversation's last user message, made standalone from the
    earlier turns (the trace's first step shows how), with citations beside the OpenAI fields."""
    messages = [{"role": m.role, "content": message_text(m.content)} for m in body.messages]
    server.check_question(next((m["content"] for m in reversed(messages) if m["role"] == "user"), ""))
    rewrite = standalone(messages)
    question = rewrite.query.strip()
    collection = server.collection_for(principal, body.collection)
    spec = server.model_spec(model)
    limit = body.max_completion_tokens or body.max_tokens
    a = await server.answer(spec, collection, question, body.filters, limit)
    if rewrite.turns:
        a.trace.insert(0, Step("rewrite", {"question": rewrite.question, "earlier_turns": rewrite.turns},
                               rewrite.trace_output()))  # fmt: skip
    extra = {"ragtune": {"citations": [x.to_dict() for x in a.citations], "abstained": a.abstained,
                         "exit_reason": a.exit_reason, "collection": collection, "query": question,
                         "retrieved": [h.doc_id for h in a.retrieved],
                         "trace": [st.to_dict() for st in a.trace]}}  # fmt: skip
    return a.text, a.usage.prompt_tokens, a.usage.completion_tokens, "stop", extra


@router.post("/embeddings")
async def embeddings(body: EmbeddingsRequest, principal: Principal = Depends(authenticated),  # noqa: ARG001
                     server: Server = Depends(get_server)) -> Response:  # fmt: skip
    """Vectors from the index's embedder: the same vectors `ragtune search` queries with."""
    name = embedder_name(server)
    if body.model and body.model != name:
        raise ApiError(404, f"the embedding model {body.model!r} does not exist here; use {name!r}",
                       code="model_not_found", param="model")  # fmt: skip
    texts = [body.input] if isinstance(body.input, str) else body.input
    if not texts or not all(isinstance(t, str) for t in texts):
        raise ApiError(400, "input must be a string or a list of strings (token ids are not "
                       "accepted)", param="input")  # fmt: skip
    if len(texts) > server.opts.max_embedding_inputs:
        raise ApiError(400, f"{len(texts)} inputs in one request; at most "
                       f"{server.opts.max_embedding_inputs} (serve.max_embedding_inputs)", param="input")  # fmt: skip
    for t in texts:
        if not t.strip() or len(t) > 4 * server.opts.max_question_chars:
            raise ApiError(400, f"each input must hold 1 to {4 * server.opts.max_question_chars} "
                           "characters", param="input")  # fmt: skip
    if body.encoding_format not in ("float", "base64"):
        raise ApiError(400, "encoding_format is float or base64", param="encoding_format")
    vectors, tokens = await server.run(EmbedJob(), list(texts))
    if body.dimensions is not None and body.dimensions != len(vectors[0]):
        raise ApiError(400, f"this embedder makes {len(vectors[0])} dimensions; `dimensions` "
                       "cannot change that", param="dimensions")  # fmt: skip
    return json_response(embeddings_body(name, vectors, tokens, body.encoding_format == "base64"))
