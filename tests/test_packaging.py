"""The package as a user installs it: a wheel built from the checkout, installed into a clean
virtual environment, answers offline from its bundled prompts, knowledge and eval data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Built from a clean copy: setuptools leaves build/ in the source folder, and stale files there
    # would end up in the wheel.
    source = tmp_path_factory.mktemp("source") / "advisor"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (found,) = out.glob("coalition_advisor-*.whl")
    return found


def test_the_wheel_carries_prompts_knowledge_and_eval_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, pattern in (("prompts", ".md"), ("knowledge", ".md"), ("evals/scenarios", ".yaml")):
        inside = f"advisor/data/{folder}/"
        expected = {f"{inside}{p.name}" for p in (ROOT / folder).glob(f"*{pattern}")}
        assert expected and expected <= names, f"{folder} missing from the wheel"
    assert "advisor/data/evals/baselines/offline.json" in names
    assert "advisor/data/knowledge/asks.yaml" in names  # how leaders ask: search ranks by it
    vocabularies = {str(p.relative_to(ROOT)) for p in (ROOT / "advisor").rglob("*.yaml")}
    assert vocabularies and vocabularies <= names, vocabularies - names  # every rule's word list ships
    assert not any(name.startswith(("tests/", "knowledge/", "prompts/")) for name in names)


def test_an_installed_wheel_answers_offline_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # The dependencies come from this environment; the package itself only from the wheel.
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=120
    )
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "--no-deps", "--ignore-installed", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ADVISOR_")) and k != "PYTHONPATH"
    }
    env["ADVISOR_HOME"] = str(tmp_path / "home")
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import advisor; print(advisor.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(venv) in where.stdout, "the wheel's package is the one imported"
    done = subprocess.run(
        [str(venv / "bin" / "advisor"), "ask", "How do we handle conflict between members?", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert '"mode": "offline"' in done.stdout
    assert "knowledge/managing-conflict.md" in done.stdout
