"""The synthetic knowledge world: facts the base model cannot know, every answer labelled
with its evidence. Used by the demo, the benchmarks and the tests; strategies and fine-tuning
never import it (they must not be fitted to the generator)."""

from ragtune.world.generate import build, generate_world
from ragtune.world.graph import SIZES

__all__ = ["SIZES", "build", "generate_world"]
