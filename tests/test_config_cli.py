"""Settings precedence and origins, generated docs, and the CLI's one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ragtune.config import config_markdown, load_settings
from ragtune.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_precedence_cli_over_env_over_toml_over_default(tmp_path):
    (tmp_path / "ragtune.toml").write_text('[model]\nmax_new_tokens = 40\nbatch_size = 4\n')
    env = {"RAGTUNE_MODEL_MAX_NEW_TOKENS": "50", "RAGTUNE_INDEX_CHUNK_TOKENS": "200"}
    settings, origin = load_settings(tmp_path, {"model.max_new_tokens": 60}, env=env)
    assert settings.model.max_new_tokens == 60 and origin["model.max_new_tokens"] == "command line"
    assert settings.index.chunk_tokens == 200
    assert origin["index.chunk_tokens"] == "env RAGTUNE_INDEX_CHUNK_TOKENS"
    assert settings.model.batch_size == 4 and origin["model.batch_size"].endswith("ragtune.toml")
    assert settings.model.dtype == "float32" and origin["model.dtype"] == "default"


@pytest.mark.parametrize(
    "toml, message",
    [
        ("[model\n", "not valid TOML"),
        ("[modle]\nx = 1\n", "unknown section [modle]"),
        ('[model]\ndtype = "float16"\n', "invalid setting model.dtype"),
        ("[model]\nmax_new_tokens = 0\n", "invalid setting model.max_new_tokens"),
        ("[model]\ncolour = 1\n", "invalid setting model.colour"),
    ],
)
def test_invalid_toml_is_a_config_error(tmp_path, toml, message):
    (tmp_path / "ragtune.toml").write_text(toml)
    with pytest.raises(ConfigError) as e:
        load_settings(tmp_path, env={})
    assert message in str(e.value)


def test_config_docs_are_current():
    """docs/CONFIG.md is generated from the settings models: regenerate with
    `python -m ragtune.config > docs/CONFIG.md`."""
    assert (ROOT / "docs" / "CONFIG.md").read_text() == config_markdown()


def _cli(*args, cwd, env=None):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("RAGTUNE_PROJECT", None)
    return subprocess.run(
        [sys.executable, "-m", "ragtune.cli", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=120,
    )


def test_cli_config_shows_origins(tmp_path):
    (tmp_path / "ragtune.toml").write_text("[model]\nbatch_size = 4\n")
    r = _cli("config", "--json", cwd=tmp_path, env={"RAGTUNE_MODEL_DTYPE": "bfloat16"})
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["model.dtype"] == {"value": "bfloat16", "from": "env RAGTUNE_MODEL_DTYPE"}
    assert data["model.batch_size"]["value"] == 4


@pytest.mark.parametrize(
    "args, toml, env, message",
    [
        (["config"], '[model]\ndtype = "float16"\n', {}, "invalid setting model.dtype"),
        (["models", "--no-generate"], "", {"RAGTUNE_MODEL_GENERATOR": "/nonexistent/model"},
         "neither"),
        (["models"], "", {"RAGTUNE_MODEL_GENERATOR": "http://127.0.0.1:9/v1",
                          "RAGTUNE_HTTP_MAX_RETRIES": "0"}, "cannot reach"),
        (["demo", "--quick", "--full"], "", {}, "choose one of --quick and --full"),
    ],
)
def test_cli_user_errors_are_one_line_without_traceback(tmp_path, args, toml, env, message):
    if toml:
        (tmp_path / "ragtune.toml").write_text(toml)
    r = _cli(*args, cwd=tmp_path, env=env)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.startswith("error: ")
