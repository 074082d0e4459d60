"""Strategies = pipeline (closed_book | rag | agentic) x model (base or adapter) x prompt program.

    from ragtune.strategies import build_strategy
    strategy = build_strategy("agentic@adapter=lora-001", project)
    answer = strategy.answer("Which licence does httpx use?")

Nothing here may import `ragtune.world`: strategies must work on any corpus, not on the
synthetic world's templates (a test checks the imports).
"""

from __future__ import annotations

from typing import Any

from ragtune.project import Project
from ragtune.strategies.common import PromptProgram, load_program
from ragtune.strategies.spec import PIPELINES, StrategySpec, parse_spec, parse_specs

__all__ = ["build_strategy", "parse_spec", "parse_specs", "StrategySpec", "PromptProgram", "PIPELINES"]


def build_strategy(
    spec: str | StrategySpec,
    project: Project,
    generator: Any = None,
    index: Any = None,
    collection: str | None = None,
):  # noqa: ANN201 (a Pipeline: ClosedBook | Rag | Agentic)
    """Make the strategy a spec names, sharing the process's model pool and the open index."""
    spec = parse_spec(spec) if isinstance(spec, str) else spec
    if generator is None:
        from ragtune.models import project_pool

        generator = project_pool(project).generator()
    if spec.retrieves and index is None:
        from ragtune.index import open_index

        index = open_index(project)
    if spec.pipeline == "closed_book":
        from ragtune.strategies.closed_book import ClosedBook as cls
    elif spec.pipeline == "rag":
        from ragtune.strategies.rag import Rag as cls
    else:
        from ragtune.strategies.agentic import Agentic as cls
    program = load_program(project, spec.program)
    return cls(spec, project, generator, index=index, program=program, collection=collection)
