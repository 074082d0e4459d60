"""Checks for evalsets/catalog46 (no model): run from the repo root (`python3 evalsets/catalog46/check.py`; the
repository's src/ is put on the path if ragtune is not installed), or with the project's virtual environment
(`PYTHONPATH=src .venv/bin/python evalsets/catalog46/check.py`).

The checks live in scripts/build_catalog46.py (`check`), next to the code that renders the corpus and generates the
questions from snapshot.json; this file runs them, so both commands give the same PASS/FAIL lines:

- the snapshot rendered again equals corpus/ and the questions generated again (seed 46) equal dev.jsonl/test.jsonl;
- the snapshot agrees with itself: bounds, masks, sizes, supernets, reverse pointers and exploded forms follow from
  each prefix, and every is_* property follows from ipaddress's own tables by its algorithm (no ipaddress import);
- the corpus loads with ragtune.corpus.loaders (pages and register rows); load_qa reads both splits; ids, evidence
  and splits; golds in their evidence as whole tokens and not in their questions; derived golds agree with the pages;
- no question, fact or gold string shared by dev and test; left-out networks and absent fields on no page, each
  unanswerable pattern matching a made-up answer; test.jsonl.sha256; the type mix.
Exit status 1 when a check fails.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
try:
    import ragtune  # noqa: F401
except ImportError:  # run without PYTHONPATH=src: use the repository's src/
    sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    spec = importlib.util.spec_from_file_location("build_catalog46", ROOT / "scripts" / "build_catalog46.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.check()


if __name__ == "__main__":
    sys.exit(main())
