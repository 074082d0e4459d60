"""Fine-tuning on the project's corpus: training data, leakage filter, LoRA/full training,
the adapter registry and the forgetting probe. Never imports `ragtune.world`: everything here
works on any corpus.

    from ragtune.finetune import FinetuneOptions, run_finetune, load_for_generator
    record = run_finetune(project, FinetuneOptions(max_minutes=30))   # see run.py
    name = load_for_generator(project, pool.generator(), record["id"])
    with pool.generator().use_adapter(name):
        ...
"""

from ragtune.finetune.data import DataOptions, Example, TrainingData, load_chunks, synthesize
from ragtune.models.adapters import (
    AdapterInfo,
    full_model_dir,
    get_adapter,
    list_adapters,
    load_for_generator,
    merge,
    unfinished_runs,
)
from ragtune.finetune.run import FinetuneOptions, run_finetune
from ragtune.finetune.train import TrainConfig

__all__ = [
    "AdapterInfo",
    "DataOptions",
    "Example",
    "FinetuneOptions",
    "TrainConfig",
    "TrainingData",
    "full_model_dir",
    "get_adapter",
    "list_adapters",
    "load_chunks",
    "load_for_generator",
    "merge",
    "run_finetune",
    "synthesize",
    "unfinished_runs",
]
