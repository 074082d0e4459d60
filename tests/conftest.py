"""Session fixtures: expensive things are built once and shared by every test that needs them.

- `settings`: default settings (packaged SmolLM2-135M-Instruct fp32, MiniLM), no project file.
- `pool`: one ModelPool for the whole session: one model load per process.
"""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch loads; see ragtune._runtime

import pytest

from ragtune.config import Settings
from ragtune.models import get_pool


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def pool(settings):
    return get_pool(settings)


@pytest.fixture(scope="session")
def tiny_world(tmp_path_factory):
    """A tiny synthetic world (seed 0), generated once: the output folder (docs/, updates/,
    qa/{train,dev,test,updates}.jsonl, world.json)."""
    from ragtune.world import generate_world

    out = tmp_path_factory.mktemp("worlds") / "tiny-0"
    generate_world("tiny", 0, out)
    return out
