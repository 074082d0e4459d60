"""closed_book: the model alone (base or fine-tuned adapter), short-answer prompt, may abstain;
answers are whole sentences (see Pipeline.answer_many)."""

from __future__ import annotations

from ragtune.strategies.base import Pipeline, usage_of
from ragtune.strategies.common import ANSWER_TOKENS, clean_answer, is_abstention, step
from ragtune.prompts import CLOSED_BOOK_SYSTEM
from ragtune.types import Answer, Filter


class ClosedBook(Pipeline):
    pipeline = "closed_book"

    def _answer_batch(
        self, questions: list[str], filters: Filter | None, budget: int = ANSWER_TOKENS
    ) -> list[Answer]:
        gens = self.generate(questions, CLOSED_BOOK_SYSTEM, budget)
        answers = []
        for q, g in zip(questions, gens):
            text = clean_answer(g.text, cut=g.finish_reason == "length")
            abstained = is_abstention(text)
            answers.append(
                Answer(
                    text=text,
                    abstained=abstained,
                    trace=[step("generate", {"question": q}, g.text, g.completion_tokens, g.ms)],
                    usage=usage_of([g]),
                    exit_reason="abstained" if abstained else "answered",
                )
            )
        return answers
