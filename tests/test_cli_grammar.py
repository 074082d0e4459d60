"""One CLI grammar: `--project/-p` (and -q/-v/--debug) before or after any verb, or
RAGTUNE_PROJECT, name the same project for every verb. In-process and cheap: the project's
settings loader records the folder and stops the command there (no model loads)."""

import pytest

from ragtune.cli import app, hoist_global_options
from ragtune.errors import RagtuneError

VERBS = [  # every verb that opens a project, with its required arguments
    ["config"], ["models", "--no-generate"], ["clean"], ["world", "--out", "W", "--check-leak"],
    ["ingest", "DOCS"], ["search", "a query"], ["compare", "--qa", "qa.jsonl"], ["ask", "a question"],
    ["serve"], ["keys", "add", "team"], ["keys", "list"], ["keys", "revoke", "team"], ["finetune"],
    ["adapters", "list"], ["adapters", "show", "lora-001"], ["adapters", "merge", "lora-001"],
    ["qa", "draft", "DOCS", "--out", "qa.jsonl"],
]  # fmt: skip
# they make or read their own folders or files
NO_PROJECT = [["report", "RUN"], ["demo", "--quick"], ["qa", "review", "qa.jsonl", "--accept", "qa-0001"]]


def test_every_verb_is_covered():
    import typer.main

    group = typer.main.get_command(app)
    names = set()
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        names |= {f"{name} {s}" for s in subs} if subs else {name}
    covered = {" ".join(v[:2]) if v[0] in ("keys", "adapters", "qa") else v[0] for v in VERBS + NO_PROJECT}
    assert names == covered


@pytest.fixture
def opened(monkeypatch, tmp_path, capsys):
    """Run `ragtune ARGS`; return the project folder it opened (None: it opened none)."""
    from conftest import run_cli_in_process

    import ragtune.project

    seen = []

    def load_settings(root, overrides=None):
        seen.append(root)
        raise RagtuneError("stopped by the test")

    monkeypatch.setattr(ragtune.project, "load_settings", load_settings)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RAGTUNE_PROJECT", raising=False)

    def run(args, env=None):
        seen.clear()
        if env:
            monkeypatch.setenv("RAGTUNE_PROJECT", env)
        try:
            r = run_cli_in_process(args, capsys, monkeypatch)
        finally:
            monkeypatch.delenv("RAGTUNE_PROJECT", raising=False)
        assert "No such option" not in r.stderr and r.returncode != 2 or "stopped by the test" in r.stderr, r.stderr
        return seen[0] if seen else None

    return run


@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_project_before_after_and_from_the_environment_agree(verb, opened, tmp_path):
    p = tmp_path / "proj"
    before = opened(["-p", str(p), *verb])
    after = opened([*verb, "-p", str(p)])
    long_after = opened([*verb, "--project", str(p), "-q"])
    equals = opened([*verb, f"--project={p}"])
    env = opened(list(verb), env=str(p))
    assert before == after == long_after == equals == env == p.resolve()


@pytest.mark.parametrize("verb", NO_PROJECT, ids=" ".join)
def test_verbs_without_a_project_accept_the_option_too(verb, monkeypatch, opened, tmp_path):
    import ragtune.api
    import ragtune.demo

    calls = []
    monkeypatch.setattr(ragtune.api, "report", lambda *a, **k: calls.append("report") or {"html": "h", "md": "m"})
    monkeypatch.setattr(ragtune.demo, "run_demo", lambda *a, **k: calls.append("demo") or {})
    monkeypatch.setattr(ragtune.demo, "summary_lines", lambda result: [])
    monkeypatch.setattr(ragtune.api, "review_qa", lambda *a, **k: calls.append("qa") or {"accepted": 1})
    opened([*verb, "-p", str(tmp_path), "-q"])
    assert calls == [verb[0]]


def test_hoisting_keeps_everything_else_in_place():
    assert hoist_global_options(["ingest", "d", "-p", "P", "-c", "x", "-q"]) == ["-p", "P", "-q", "ingest", "d", "-c", "x"]
    assert hoist_global_options(["ask", "q", "--", "-p"]) == ["ask", "q", "--", "-p"]
    assert hoist_global_options(["search", "q", "--project=P"]) == ["--project=P", "search", "q"]
