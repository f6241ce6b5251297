"""The bundled embedding model on ONNX Runtime gives the vectors of the original model
(sentence-transformers all-MiniLM-L6-v2, fp32, recorded in tests/data/minilm_reference.json by the
export script), loads nothing from the network and needs no torch."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import numpy as np
import pytest
from packaging.requirements import Requirement

from advisor.errors import ConfigError
from advisor.llm.embeddings import MODEL_DIR, MiniLMEmbeddings

REFERENCE = json.loads((Path(__file__).parent / "data" / "minilm_reference.json").read_text(encoding="utf-8"))


def test_vectors_match_the_original_model_on_fixed_texts(embeddings: MiniLMEmbeddings) -> None:
    items = REFERENCE["items"]
    texts = [item["text"] for item in items]
    assert any(item["tokens_untruncated"] > 256 for item in items)  # truncation is exercised
    ours = embeddings.encode_array(texts)
    expected = np.array([item["vector"] for item in items], dtype=np.float32)
    cosines = (ours * expected).sum(axis=1) / np.linalg.norm(expected, axis=1)
    assert cosines.min() >= 0.99, [t for t, c in zip(texts, cosines, strict=True) if c < 0.99]
    one = embeddings.embed_query(texts[5])  # a single query, on its own thread setting
    assert float(np.dot(one, expected[5]) / np.linalg.norm(expected[5])) >= 0.99


def test_a_damaged_model_file_is_refused_with_a_fix(tmp_path: Path) -> None:
    for name in ("model.onnx", "tokenizer.json", "config.json", "LICENSE", "SHA256SUMS"):
        (tmp_path / name).write_bytes((MODEL_DIR / name).read_bytes())
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ConfigError, match="damaged"):
        MiniLMEmbeddings(model_dir=tmp_path).embed_query("hello")


def _requirements(name: str, seen: set[str]) -> set[str]:
    """The distributions `name` needs at run time, transitively (extras not asked for are skipped)."""
    key = name.lower().replace("_", "-")
    if key in seen:
        return seen
    seen.add(key)
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return seen
    for line in requires:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            _requirements(requirement.name, seen)
    return seen


def test_the_runtime_needs_no_torch_or_cuda() -> None:
    needed = _requirements("coalition-advisor", set())
    assert "onnxruntime" in needed
    heavy = sorted(
        n for n in needed if n in {"torch", "sentence-transformers", "triton"} or n.startswith("nvidia-")
    )
    assert heavy == []


def test_using_the_product_never_imports_torch() -> None:
    code = (
        "import sys\n"
        "from advisor.llm.embeddings import MiniLMEmbeddings\n"
        "import advisor.cli.main, advisor.web.layout, advisor.service.capabilities\n"
        "MiniLMEmbeddings().embed_documents(['a coalition charter'])\n"
        "print([m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"
