"""The arena: every strategy on the same questions, with accuracy, speed, cost and freshness.

    from ragtune.arena import CompareOptions, run_compare
    run_dir, results = run_compare(project, CompareOptions(qa="qa.jsonl", corpus="docs/"))

Nothing here may import `ragtune.world`: the arena works on any corpus and QA file.
"""

from ragtune.arena.cost import PriceTable
from ragtune.arena.runner import CompareOptions, run_compare

__all__ = ["CompareOptions", "PriceTable", "run_compare"]
