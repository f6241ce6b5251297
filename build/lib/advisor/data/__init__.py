"""Data that ships inside the package: the prompts, the knowledge base and the eval suites (mapped
from the repository's top-level `prompts/`, `knowledge/` and `evals/` folders by `setup.py`, in a
wheel and in an editable install alike), and the tiktoken tables under `tiktoken/`.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Literal

Bundle = Literal["prompts", "knowledge", "evals"]


def bundled(name: Bundle) -> Path:
    """The folder of one bundled data set, wherever the package is installed."""
    return Path(str(files(f"advisor.data.{name}")))
