"""The architecture, checked: import-linter's contracts in pyproject.toml ([tool.importlinter])
and no import cycle between any two modules of ragtune. docs/ARCHITECTURE.md draws the layers.

No models; a second or two."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "ragtune"


def _graph():  # noqa: ANN202
    import grimp

    return grimp.build_graph("ragtune", cache_dir=None)


def test_import_contracts_are_kept():
    """Layers (cli > demo > api > serve > report > arena > strategies|finetune|world > index >
    models|corpus|eval > project > config > types|errors|prompts|_runtime), strategies/finetune/
    arena/report never importing the world, and no cycles among the siblings of any package."""
    code = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    run = subprocess.run([sys.executable, "-c", code, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[out.find("Contracts"):]
    assert len(re.findall(r" KEPT$", out, re.M)) == 3, out


def test_no_module_imports_itself_through_others():
    """Module-level cycles, including a package's __init__ and its own modules (which the
    siblings contract does not see); imports under TYPE_CHECKING count too."""
    graph = _graph()
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if module < imported and graph.find_shortest_chain(importer=imported, imported=module):
                cycles.append((module, imported))
    assert cycles == [], cycles


def test_no_dynamic_imports_of_the_world():
    """What import-linter cannot see: `import_module("ragtune.world...")` or `__import__`."""
    pattern = re.compile(r"(import_module|__import__)\(\s*[\"']ragtune\.world")
    found = [p for p in SRC.rglob("*.py") if p.parts[-2] != "world" and pattern.search(p.read_text())]
    assert found == []


def test_the_architecture_page_draws_the_contract():
    """docs/ARCHITECTURE.md's layer diagram lists the contract's layers, top to bottom."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["id"] == "layers")["layers"]
    page = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
    block = page.split("## Layers", 1)[1].split("```")[1]
    drawn = [re.split(r"\s{2,}", line.strip())[0] for line in block.strip().splitlines()]
    assert drawn == layers
