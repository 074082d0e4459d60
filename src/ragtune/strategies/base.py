"""What closed_book, rag and agentic have in common: model, adapter, program, index, batching."""

from __future__ import annotations

import contextlib
from typing import Any, Iterable, Iterator

from ragtune.project import Project
from ragtune.strategies.common import ANSWER_TOKENS, PromptProgram, Timer
from ragtune.strategies.spec import StrategySpec
from ragtune.types import Answer, Filter, Usage


class Pipeline:
    """Base of the three pipelines. Subclasses implement `_answer_batch`."""

    pipeline = ""

    def __init__(
        self,
        spec: StrategySpec,
        project: Project,
        generator: Any,
        index: Any = None,
        program: PromptProgram | None = None,
        collection: str | None = None,
        max_new_tokens: int | None = None,
    ):
        self.spec_obj = spec
        self.spec = str(spec)
        self.project = project
        self.generator = generator
        self.index = index
        self.program = program or PromptProgram()
        self.collection = collection
        # None: ANSWER_TOKENS, and answers end at a sentence boundary (see `answer_many`)
        self.max_new_tokens = max_new_tokens
        self.adapter_name: str | None = None
        if spec.adapter:
            from ragtune.models.adapters import load_for_generator

            self.adapter_name = load_for_generator(project, generator, spec.adapter)

    # -- what every strategy does (the arena and the server call these)

    def prepare(self, project: Project, train_qa: Iterable[Any], dev_qa: Iterable[Any]) -> None:
        """Nothing to prepare by default: programs and adapters are built by their own steps
        (strategies.search, finetune) and named in the spec."""

    def answer(
        self, question: str, filters: Filter | None = None, max_tokens: int | None = None
    ) -> Answer:
        return self.answer_many([question], filters=filters, max_tokens=max_tokens)[0]

    def answer_many(
        self,
        questions: list[str],
        filters: Filter | None = None,
        batch_size: int = 32,
        max_tokens: int | None = None,
    ) -> list[Answer]:
        """Answers in lockstep batches. Generated answers are whole: generation ends at the
        model's end of turn or at the token budget (`max_tokens`, else the pipeline's
        `max_new_tokens`, else ANSWER_TOKENS), and an answer the budget cut is trimmed back to
        its last complete sentence, so a budget is never exceeded and never cuts a sentence."""
        out: list[Answer] = []
        budget = max_tokens or self.max_new_tokens or ANSWER_TOKENS
        for start in range(0, len(questions), batch_size):
            part = questions[start : start + batch_size]
            timer = Timer()
            with self.model_scope():
                answers = self._answer_batch(part, filters, budget)
            for a in answers:  # batch wall time shared evenly; latency runs use size-1 batches
                a.wall_ms = round(timer.ms / len(part), 2)
            out.extend(answers)
        return out

    def _answer_batch(
        self, questions: list[str], filters: Filter | None, budget: int = ANSWER_TOKENS
    ) -> list[Answer]:
        raise NotImplementedError  # each pipeline implements this  # pragma: no cover

    # -- helpers

    @contextlib.contextmanager
    def model_scope(self) -> Iterator[None]:
        use = getattr(self.generator, "use_adapter", None)
        if use is None:
            yield
            return
        with use(self.adapter_name):
            yield

    def generate(self, prompts: list, system: str | None, budget: int = ANSWER_TOKENS, beams: int = 1):  # noqa: ANN001, ANN201
        if beams > 1:
            try:
                return self.generator.generate(prompts, max_new_tokens=budget, system=system, beams=beams)
            except TypeError as e:  # a generator of the user's own without beam search
                if "beams" not in str(e):
                    raise
        return self.generator.generate(prompts, max_new_tokens=budget, system=system)


def usage_of(gens: Iterable[Any]) -> Usage:
    """Tokens an answer costs (cached generations count too: the cost is per query)."""
    total = Usage()
    for g in gens:
        total = total + Usage(g.prompt_tokens, g.completion_tokens)
    return total
