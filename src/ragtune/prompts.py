"""Prompt texts shared by inference (strategies) and training (finetune).

Training must see exactly the prompts used at inference, so both import them from here; the
module sits below both layers (it imports nothing).
"""

from __future__ import annotations

ABSTAIN_TEXT = "I don't know"

CLOSED_BOOK_SYSTEM = (
    'Answer the question with a short phrase. If you do not know, say "I don\'t know".'
)

# rag shows its passages as a plain context. Numbered "Sources: [1] ..." with "cite like [1]" was
# the first format: SmolLM2-135M often answered with the marker alone or repeated "The source
# is" (2026-11-30, rag on five dev splits and the small world's train split: 90 -> 116 of 370
# right with the plain context). Citations come from matching the answer against the passages
# (strategies.common.make_citations).
RAG_SYSTEM = (
    "Answer the question with a short phrase using only the context. If the context does not "
    'contain the answer, say "I don\'t know".'
)

TERSE_SYSTEM = (
    "You answer questions from the context. Reply with only the answer: a name, number, date "
    'or short phrase. If the context does not answer, reply "I don\'t know".'
)

# Programs saved before the plain context asked for [n] citations from numbered sources; their
# instructions are read as today's equivalents (strategies.common.PromptProgram.from_dict).
NUMBERED_SOURCES_INSTRUCTIONS = {
    "Answer the question with a short phrase using only the numbered sources. Cite the source "
    'like [1]. If the sources do not contain the answer, say "I don\'t know".': RAG_SYSTEM,
    "You answer questions from numbered sources. Reply with only the answer: a name, number, "
    "date or short phrase, then the source number like [1]. If no source answers, reply "
    '"I don\'t know".': TERSE_SYSTEM,
}


def rag_user_message(question: str, sources: list[str]) -> str:
    """The passages as a context block, one after another (data, never instructions), then the
    question."""
    lines = ["Context:"]
    lines += [text.strip() for text in sources]
    lines += ["", f"Question: {question.strip()}"]
    return "\n".join(lines)
