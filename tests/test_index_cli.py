"""`ragtune ingest` and `ragtune search`: labelled hits, filters, JSON, strict mode, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from ragtune.cli import app


def _docs(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "tax.md").write_text(
        "---\ntitle: Tax guide\nyear: 2024\ntags: [finance, tax]\n---\n"
        "# Tax guide\n\n## Deadlines\n\nThe filing deadline for the Quellmark levy is 14 March.\n"
    )
    (folder / "hike.md").write_text(
        "---\nyear: 2021\ntags: [travel]\n---\nThe Pellucid ridge trail is 19 kilometres long.\n"
    )
    (folder / "old_tax.md").write_text(
        "---\nyear: 2019\ntags: [finance]\n---\nThe filing deadline for the Quellmark levy was 2 May.\n"
    )


def test_ingest_then_search(tmp_path, pool):
    _docs(tmp_path / "docs")
    runner = CliRunner()
    result = runner.invoke(app, ["-p", str(tmp_path), "ingest", str(tmp_path / "docs")])
    assert result.exit_code == 0, result.output
    assert "3 added, 0 changed, 0 removed, 0 unchanged, 0 skipped, 0 failed" in result.output
    result = runner.invoke(
        app,
        ["-p", str(tmp_path), "search", "Quellmark levy filing deadline", "--filter", "year>=2024",
         "--filter", "tag=finance", "--k", "5", "--mode", "hybrid", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert [h["doc_id"] for h in hits] == ["tax"]
    hit = hits[0]
    assert hit["chunk_id"].startswith("tax::0-") and "14 March" in hit["text"]
    assert hit["heading"] == "Deadlines" and hit["title"] == "Tax guide"
    assert hit["metadata"] == {"year": 2024, "tags": ["finance", "tax"]} and hit["score"] > 0
    result = runner.invoke(
        app, ["-p", str(tmp_path), "search", "levy deadline", "--where", "not year >= 2024 and tags contains finance"]
    )  # fmt: skip
    assert result.exit_code == 0 and "old_tax" in result.stdout and "hike" not in result.stdout
    result = runner.invoke(app, ["-p", str(tmp_path), "search", "ridge trail", "-k", "1", "--mode", "bm25"])
    assert "1. hike" in result.stdout and "19 kilometres" in result.stdout


def _cli(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "RAGTUNE_PROJECT"}
    return subprocess.run(
        [sys.executable, "-m", "ragtune.cli", *args], cwd=cwd, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_strict_and_one_line_errors(tmp_path, pool):
    _docs(tmp_path / "docs")
    CliRunner().invoke(app, ["-p", str(tmp_path), "ingest", str(tmp_path / "docs")])
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\xff\xfe\x00bad")
    (bad / "y.jsonl").write_text('{"text": "fine record"}\n{broken\n')
    # bad input is reported and skipped; the good record next to it is ingested (exit 0)
    loose = CliRunner().invoke(app, ["-p", str(tmp_path), "ingest", str(bad)])
    assert loose.exit_code == 0, loose.output
    assert "1 added" in loose.stdout and "warning: 2 input problems" in loose.stderr
    # in a fresh process (nothing new to embed, so no model load): --strict exits 1
    strict = _cli("-p", str(tmp_path), "ingest", str(bad), "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert "x.txt: binary file" in strict.stderr and "y.jsonl:2: malformed JSON line" in strict.stderr
    assert "error: 2 input problems" in strict.stderr and "Traceback" not in strict.stderr
    wrong = _cli("-p", str(tmp_path), "search", "x", "--filter", "year", cwd=tmp_path)
    assert wrong.returncode == 2 and "error: cannot read --filter 'year'" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    missing = _cli("-p", str(tmp_path), "ingest", str(tmp_path / "nope"), cwd=tmp_path)
    assert missing.returncode == 2 and "is not a folder" in missing.stderr
