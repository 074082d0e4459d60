"""Prompt texts shared by inference (strategies) and training (finetune).

Training must see exactly the prompts used at inference, so both import them from here; the
module sits below both layers (it imports nothing).
"""

from __future__ import annotations

ABSTAIN_TEXT = "I don't know"

CLOSED_BOOK_SYSTEM = (
    'Answer the question with a short phrase. If you do not know, say "I don\'t know".'
)

RAG_SYSTEM = (
    "Answer the question with a short phrase using only the numbered sources. Cite the source "
    'like [1]. If the sources do not contain the answer, say "I don\'t know".'
)


def rag_user_message(question: str, sources: list[str]) -> str:
    """Sources are numbered from 1 and delimited as data (never as instructions)."""
    lines = ["Sources:"]
    lines += [f"[{i}] {text.strip()}" for i, text in enumerate(sources, 1)]
    lines += ["", f"Question: {question.strip()}"]
    return "\n".join(lines)
