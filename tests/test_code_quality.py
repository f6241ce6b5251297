"""Lint, format and type checks run with the tests, so `.ci/run` stays two commands."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "advisor", "tests", "benchmarks", "evals", "app.py"],
        ["ruff", "format", "--check", "advisor", "tests", "benchmarks", "evals", "app.py"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_code_quality(command: list[str]) -> None:
    paths = {"advisor", "tests", "benchmarks", "evals", "app.py"}
    existing = [part for part in command if part not in paths or (ROOT / part).exists()]
    done = subprocess.run(
        [sys.executable, "-m", *existing], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_layers_hold_and_no_module_imports_itself_back() -> None:
    """The import-linter contracts in pyproject.toml (delivery -> service -> capabilities -> llm ->
    retrieval -> store -> documents -> text -> foundation; capabilities independent of one another),
    and no import cycle between any two modules of the package."""
    done = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    graph = grimp.build_graph("advisor")
    cycles = [
        (a, b)
        for a in sorted(graph.modules)
        for b in graph.find_modules_directly_imported_by(a)
        if a < b and graph.chain_exists(importer=b, imported=a)
    ]
    assert cycles == [], f"import cycles: {cycles}"


def test_knowledge_base_copies_no_sentence_of_the_reference() -> None:
    checker = ROOT.parent / "shared" / "tools" / "copied_sentences.py"
    if not checker.exists():
        pytest.skip("the shared reference checker is not beside this checkout")
    done = subprocess.run(
        [sys.executable, str(checker)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout


def _module_level_names(tree: ast.Module) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets = [node.target] if isinstance(node, ast.AnnAssign) else targets
        names.update(t.id for t in targets if isinstance(t, ast.Name))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
    return names


def test_no_module_binds_one_name_twice() -> None:
    """A second `_PATTERN = re.compile(...)` further down a long rules module silently replaces the
    first for every function that reads it (neither ruff nor mypy says so): each module-level name of
    the package is bound once."""
    twice = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name, n in _module_level_names(ast.parse(path.read_text(encoding="utf-8"))).items()
            if n > 1
        )
        for path in sorted((ROOT / "advisor").rglob("*.py"))
    }
    assert not {path: names for path, names in twice.items() if names}
