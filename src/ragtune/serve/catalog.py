"""What `/v1/models` lists: every strategy a request may name, with what it is (pipeline,
adapter, prompt program, a one-line description), the raw generator and the embedder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ragtune.serve.openai_compat import model_card

if TYPE_CHECKING:  # pragma: no cover
    from ragtune.serve.server import Server

PIPELINE_TEXT = {
    "closed_book": "the model alone answers from what it knows (no retrieval)",
    "rag": "retrieve (dense + BM25), select the relevant sentences, answer with citations",
    "agentic": "a bounded agent loop: route, extract filters, decompose, retrieve, grade, "
    "rewrite, answer with citations, verify; abstains without evidence (falls back to rag)",
}


def _strategy(spec_text: str) -> dict[str, Any]:
    from ragtune.strategies import parse_spec

    spec = parse_spec(spec_text)
    text = PIPELINE_TEXT[spec.pipeline]
    if spec.adapter:
        text += f"; with the fine-tuned adapter {spec.adapter}"
    if spec.program:
        text += f"; with the prompt program {spec.program} (optimised on dev questions)"
    return {"kind": "strategy", "pipeline": spec.pipeline, "adapter": spec.adapter,
            "program": spec.program, "description": text}  # fmt: skip


def list_lora_adapters(project: Any) -> list[Any]:
    from ragtune.models.adapters import list_adapters

    return [a for a in list_adapters(project) if a.method != "full"]


def registered_strategies(project: Any) -> list[str]:
    """Strategies the project's adapters and prompt programs make (`closed_book@adapter=lora-001`,
    `rag@adapter=raft-002`, `rag@program=opt-001`, ...)."""
    from ragtune.strategies.common import programs_dir

    specs = []
    for a in list_lora_adapters(project):  # a full fine-tune is a whole model, not served here
        task = a.record.get("task", "closed_book")
        specs.append(f"rag@adapter={a.id}" if task == "raft"
                     else f"closed_book@adapter={a.id}")  # fmt: skip
    for p in sorted(programs_dir(project).glob("*.json")):
        specs.append(f"rag@program={p.stem}")
    return specs


def model_cards(server: "Server") -> list[dict[str, Any]]:
    from ragtune.strategies import PIPELINES

    created = int(server.started)
    names = [server.opts.default_model, *PIPELINES, *registered_strategies(server.project)]
    cards: dict[str, dict[str, Any]] = {}
    for name in names:
        if name == server.raw_name or name in cards:
            continue
        try:
            cards[name] = model_card(name, created, ragtune=_strategy(name))
        except Exception:  # noqa: BLE001 - a damaged registry entry is left out, not fatal
            continue
    if server.raw_name:
        raw = model_card(server.raw_name, created, ragtune={
            "kind": "generator", "description": "the generator alone: your messages as sent, "
            "no retrieval, no prompt of ours"})  # fmt: skip
        cards = {server.raw_name: raw, **cards} if server.opts.default_model == server.raw_name else {
            **cards, server.raw_name: raw}  # fmt: skip
        for a in list_lora_adapters(server.project):
            cards[f"{server.raw_name}:{a.id}"] = model_card(f"{server.raw_name}:{a.id}", created, ragtune={
                "kind": "generator", "adapter": a.id, "description": f"the generator with the "
                f"fine-tuned adapter {a.id} ({a.record.get('task', 'closed_book')}): your messages as sent"})  # fmt: skip
    emb = embedder_name(server)
    cards[emb] = model_card(emb, created, ragtune={
        "kind": "embedding", "description": "the index's embedder (POST /v1/embeddings)"})  # fmt: skip
    return list(cards.values())


def embedder_name(server: "Server") -> str:
    e = server.settings.embedder
    return e.name or Path(e.model).name
