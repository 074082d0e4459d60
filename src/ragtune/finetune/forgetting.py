"""Forgetting probe: what fine-tuning cost the model outside the corpus.

Shipped with the package and written for this project: 60 general-knowledge and 40 reading-
comprehension multiple-choice items (`forgetting_items.json`, answers balanced over the four
positions), scored by choice log-likelihood (mean log-probability per token of each option as
the assistant's reply; the highest wins), plus perplexity on a ~600-word general text
(`forgetting_text.txt`). Run on the base model and on the fine-tuned one; the run record
keeps both and the difference.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ITEMS_FILE = HERE / "forgetting_items.json"
TEXT_FILE = HERE / "forgetting_text.txt"


def load_items() -> list[dict[str, Any]]:
    return json.loads(ITEMS_FILE.read_text(encoding="utf-8"))["items"]


def _prompt(tok: Any, item: dict[str, Any]) -> str:
    user = item["question"]
    if item.get("passage"):
        user = f"{item['passage']}\n\n{user}"
    return tok.apply_chat_template([{"role": "user", "content": user}], tokenize=False,
                                   add_generation_prompt=True)


def choice_accuracy(model: Any, tok: Any, device: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    import torch

    by_kind: dict[str, list[int]] = {}
    for item in items:
        prefix = tok(_prompt(tok, item), add_special_tokens=False).input_ids
        conts = [tok(o, add_special_tokens=False).input_ids for o in item["options"]]
        seqs = [prefix + c for c in conts]
        width = max(len(s) for s in seqs)
        pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
        ids = torch.tensor([s + [pad] * (width - len(s)) for s in seqs], device=device)
        mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs], device=device)
        with torch.inference_mode():
            logits = model(input_ids=ids, attention_mask=mask).logits.float()
        logp = torch.log_softmax(logits, dim=-1)
        scores = []
        for row, c in enumerate(conts):
            pos = torch.arange(len(prefix) - 1, len(prefix) - 1 + len(c), device=device)
            scores.append(float(logp[row, pos, torch.tensor(c, device=device)].mean()))
        best = max(range(len(scores)), key=lambda i: scores[i])
        by_kind.setdefault(item["kind"], []).append(int(best == item["answer"]))
    flat = [x for v in by_kind.values() for x in v]
    return {
        "accuracy": sum(flat) / len(flat) if flat else None,
        "by_kind": {k: round(sum(v) / len(v), 4) for k, v in sorted(by_kind.items())},
        "items": len(flat),
    }


def perplexity(model: Any, tok: Any, device: str, text: str, window: int = 512) -> float:
    import torch
    import torch.nn.functional as F

    ids = tok(text, add_special_tokens=False).input_ids
    nll, count = 0.0, 0
    for start in range(0, len(ids) - 1, window):
        chunk = torch.tensor([ids[start : start + window + 1]], device=device)
        if chunk.shape[1] < 2:
            break
        with torch.inference_mode():
            logits = model(input_ids=chunk[:, :-1]).logits.float()
        loss = F.cross_entropy(logits[0], chunk[0, 1:], reduction="sum")
        nll += float(loss)
        count += chunk.shape[1] - 1
    return math.exp(nll / max(count, 1))


def general_text(paragraphs: int = 0) -> str:
    """The general text sample (all of it, or its first `paragraphs`)."""
    text = TEXT_FILE.read_text(encoding="utf-8")
    return "\n\n".join(text.split("\n\n")[:paragraphs]) if paragraphs else text


def run_probe(model: Any, tok: Any, device: str, items: list[dict[str, Any]] | None = None,
              text: str | None = None) -> dict[str, Any]:
    """Accuracy on the probe items and perplexity on the general text (model in eval mode)."""
    t0 = time.perf_counter()
    was_training = model.training
    model.eval()
    try:
        items = items if items is not None else load_items()
        text = text if text is not None else general_text()
        result = choice_accuracy(model, tok, device, items)
        result["perplexity"] = round(perplexity(model, tok, device, text), 3)
    finally:
        if was_training:
            model.train()
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def difference(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """after - before (accuracy in points of share, perplexity as a ratio)."""
    out: dict[str, Any] = {}
    if before.get("accuracy") is not None and after.get("accuracy") is not None:
        out["accuracy"] = round(after["accuracy"] - before["accuracy"], 4)
    for k in before.get("by_kind", {}):
        if k in after.get("by_kind", {}):
            out[f"accuracy_{k}"] = round(after["by_kind"][k] - before["by_kind"][k], 4)
    if before.get("perplexity") and after.get("perplexity"):
        out["perplexity_ratio"] = round(after["perplexity"] / before["perplexity"], 4)
    return out
