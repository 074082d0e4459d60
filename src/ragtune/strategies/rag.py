"""rag: hybrid retrieval top-k -> the best passages as context -> short answer, cited by matching.

The prompt program decides how many chunks are retrieved, whether the model sees whole chunks
or the best sentences of them, their order, the instruction and few-shot demonstrations. The
context budget is respected by dropping whole passages (lowest-ranked first), never by cutting
the question.
"""

from __future__ import annotations

from typing import Any

from ragtune.strategies.base import Pipeline, usage_of
from ragtune.strategies.common import (
    ANSWER_TOKENS,
    Passage,
    clean_answer,
    fit_budget,
    is_abstention,
    make_citations,
    says_nothing,
    select_passages,
    step,
)
from ragtune.prompts import rag_user_message
from ragtune.types import Answer, Filter, Hit


class Rag(Pipeline):
    pipeline = "rag"

    def retrieve(self, questions: list[str], filters: Filter | None, round_: int = 0) -> list[list[Hit]]:
        hits = self.index.search_many(
            questions, k=self.program.k, filters=filters, mode=self.program.mode,
            collection=self.collection,
        )
        for hs in hits:
            for h in hs:
                h.round = round_
        return hits

    def passages(self, questions: list[str], hits: list[list[Hit]]) -> list[list[Passage]]:
        emb = self.index.embedder()
        qv = emb.encode(questions)
        chosen = select_passages(
            qv, questions, hits, emb.encode, self.program.context, self.program.n_context
        )
        count = self.generator.count_tokens
        return [fit_budget(ps, self.program.max_context_tokens, count) for ps in chosen]

    def messages(self, question: str, passages: list[Passage],
                 instruction: str | None = None) -> list[dict[str, str]]:
        shown = passages if self.program.order == "best_first" else passages[::-1]
        msgs: list[dict[str, str]] = [
            {"role": "system", "content": instruction or self.program.instruction}]
        for demo in self.program.demos:
            msgs.append({"role": "user", "content": rag_user_message(demo["question"], [demo["source"]])})
            msgs.append({"role": "assistant", "content": demo["answer"]})
        msgs.append({"role": "user", "content": rag_user_message(question, [p.shown for p in shown])})
        return msgs

    def _answer_batch(
        self, questions: list[str], filters: Filter | None, budget: int = ANSWER_TOKENS
    ) -> list[Answer]:
        return [a for a, _ in self.read(questions, filters, budget)]

    def read(
        self, questions: list[str], filters: Filter | None, budget: int = ANSWER_TOKENS
    ) -> list[tuple[Answer, list[Passage]]]:
        """Each question's answer with the passages it was read from, best first."""
        hits = self.retrieve(questions, filters)
        passages = self.passages(questions, hits)
        prompts = [self.messages(q, ps) for q, ps in zip(questions, passages)]
        gens = list(self.generate(prompts, None, budget, beams=self.program.beams))
        first = list(gens)
        tried: dict[int, Any] = {}  # the second answers asked for, kept or not
        # an answer that says nothing (the question echoed, a refusal) is asked once more in
        # other words: a 135M reader often answers the second prompt from the same passage
        other = self.program.retry_instruction
        if other == self.program.instruction:
            other = ""
        again = [i for i, (q, ps, g) in enumerate(zip(questions, passages, gens)) if ps and other
                 and says_nothing(q, clean_answer(g.text, cut=g.finish_reason == "length"))]
        if again:
            retry = [self.messages(questions[i], passages[i], other) for i in again]
            for i, g in zip(again, self.generate(retry, None, budget, beams=self.program.beams)):
                tried[i] = g
                if not says_nothing(questions[i], clean_answer(g.text, cut=g.finish_reason == "length")):
                    gens[i] = g  # a second answer that says nothing either leaves the first
        answers = []
        for i, (q, hs, ps, g, g0) in enumerate(zip(questions, hits, passages, gens, first)):
            g1 = tried.get(i)
            shown = ps if self.program.order == "best_first" else ps[::-1]
            text = clean_answer(g.text, cut=g.finish_reason == "length")
            abstained = is_abstention(text) or not ps
            citations = [] if abstained else make_citations(g.text, text, shown, q)
            answers.append((
                Answer(
                    text=text,
                    abstained=abstained,
                    citations=citations,
                    retrieved=hs,
                    trace=[
                        step("retrieve", {"query": q, "filters": filters, "k": self.program.k},
                             [h.chunk_id for h in hs]),
                        step("select", {"unit": self.program.context, "n": self.program.n_context},
                             [p.shown for p in shown]),
                        step("generate", {"question": q}, g0.text, g0.completion_tokens, g0.ms),
                        *([step("retry", {"instruction": other, "kept": g1 is g}, g1.text,
                                g1.completion_tokens, g1.ms)] if g1 is not None else []),
                    ],
                    usage=usage_of([g0, g1] if g1 is not None else [g0]),
                    exit_reason="abstained" if abstained else "answered",
                ), list(ps)
            ))
        return answers
