"""OpenAI-compatible routes: `/v1/models` and `/v1/chat/completions`, where the model is a
strategy spec (`rag`, `agentic@adapter=ID`, ...) or the raw generator's name."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response, StreamingResponse

from ragtune.serve.errors import ApiError, json_response
from ragtune.serve.jobs import GenerateJob
from ragtune.serve.keys import Principal
from ragtune.serve.openai_compat import ChatRequest, completion_body, sse_chunks
from ragtune.serve.routes.data import text_pieces
from ragtune.serve.server import Server, authenticated, get_server

router = APIRouter(prefix="/v1")


class RagChatRequest(ChatRequest):
    """OpenAI's chat request plus ragtune's optional `collection` and `filters`
    (pass them with the SDK's `extra_body`)."""

    collection: str | None = None
    filters: dict | list | None = None


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
    return {"object": "list", "data": [
        {"id": n, "object": "model", "created": int(server.started), "owned_by": "ragtune"}
        for n in server.models()]}  # fmt: skip


@router.post("/chat/completions")
async def chat(body: RagChatRequest, principal: Principal = Depends(authenticated),
               server: Server = Depends(get_server)) -> Response:  # fmt: skip
    if body.response_format and body.response_format.get("type") == "json_schema":
        raise ApiError(400, "response_format json_schema is not supported here", param="response_format")
    model = body.model or server.opts.default_model
    if server.raw_name and model == server.raw_name:
        text, p, c, finish, extra = await _raw_completion(server, body)
    else:
        text, p, c, finish, extra = await _strategy_completion(server, body, model, principal)
    if body.stream:
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return StreamingResponse(
            sse_chunks(model, text_pieces(text), (lambda: (p, c)) if include_usage else None),
            media_type="text/event-stream", headers={"Cache-Control": "no-store"},
        )  # fmt: skip
    return json_response(completion_body(model, text, p, c, finish, extra))


async def _raw_completion(server: Server, body: RagChatRequest) -> tuple:
    """The model alone: the messages as they came, no retrieval, no prompt of ours."""
    messages = [{"role": m.role, "content": message_text(m.content)} for m in body.messages]
    # a raw prompt carries its own context: 4x the question limit for all messages
    limit = 4 * server.opts.max_question_chars
    size = sum(len(m["content"]) for m in messages)
    if not size or size > limit:
        raise ApiError(400, f"the messages hold {size} characters; 1 to {limit} are accepted",
                       param="messages")  # fmt: skip
    job = GenerateJob(body.limit(server.settings.model.max_new_tokens), body.temperature,
                      tuple(body.stops() or ()))  # fmt: skip
    g = await server.run(job, messages)
    server.count_tokens(g.prompt_tokens, g.completion_tokens)
    return g.text, g.prompt_tokens, g.completion_tokens, g.finish_reason, None


async def _strategy_completion(server: Server, body: RagChatRequest, model: str,
                               principal: Principal) -> tuple:  # fmt: skip
    """A strategy's answer to the last user message, with its citations beside the OpenAI fields."""
    users = [m for m in body.messages if m.role == "user"]
    question = server.check_question(message_text(users[-1].content) if users else "")
    collection = server.collection_for(principal, body.collection)
    spec = server.model_spec(model)
    a = await server.answer(spec, collection, question, body.filters)
    extra = {"ragtune": {"citations": [x.to_dict() for x in a.citations], "abstained": a.abstained,
                         "exit_reason": a.exit_reason, "collection": collection}}  # fmt: skip
    return a.text, a.usage.prompt_tokens, a.usage.completion_tokens, "stop", extra
