"""The knowledge base's vectors ship with the package: they are the model's vectors, they match the
knowledge base as it is now, and a fresh home indexes the knowledge base without encoding it."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import numpy as np

from advisor.config import Settings
from advisor.llm.embeddings import MODEL_DIR, MiniLMEmbeddings
from advisor.llm.knowledge_vectors import (
    BUILD_COMMAND,
    VectorTable,
    knowledge_texts,
    model_checksum,
    text_key,
    with_shipped_vectors,
)
from advisor.service.runtime import Runtime
from tests.conftest import CountingEmbeddings

TABLE = VectorTable.load()


def test_the_shipped_vectors_are_up_to_date_with_the_knowledge_base() -> None:
    assert TABLE is not None, f"advisor/data/vectors/knowledge.npz is missing: run `{BUILD_COMMAND}`"
    wanted = {text_key(t) for t in knowledge_texts(Settings())}
    stale = len(wanted - set(TABLE.rows)), len(set(TABLE.rows) - wanted)
    assert stale == (0, 0), (
        f"knowledge/ (or the chunking) changed since the shipped vectors were built: {stale[0]} texts "
        f"have no vector, {stale[1]} vectors are for texts no longer there. Run `{BUILD_COMMAND}` and "
        "commit advisor/data/vectors/knowledge.npz"
    )
    assert TABLE.model == model_checksum(), f"the embedding model changed: run `{BUILD_COMMAND}`"


def test_the_shipped_vectors_are_the_models_vectors(embeddings: MiniLMEmbeddings) -> None:
    assert TABLE is not None
    sample = random.Random(16).sample(knowledge_texts(Settings()), 24)
    shipped = np.array([TABLE.get(t) for t in sample])
    encoded = embeddings.encode_array(sample)
    cosines = (shipped * encoded).sum(axis=1) / np.linalg.norm(shipped, axis=1)
    assert cosines.min() >= 0.99


def test_a_fresh_home_indexes_the_knowledge_base_without_encoding_it(tmp_path: Path) -> None:
    model = CountingEmbeddings()
    runtime = Runtime(Settings(home=tmp_path), embeddings=model)
    report = runtime.ensure_knowledge()
    assert report is not None and report.count("added") >= 24 and not report.failed
    assert model.embedded == 0
    hits = runtime.retriever.search("how should a coalition make decisions when members disagree?", k=3)
    assert any("decision" in p.source for p in hits)


def test_another_model_never_gets_the_shipped_vectors(tmp_path: Path) -> None:
    for name in ("model.onnx", "tokenizer.json", "config.json", "LICENSE"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    (tmp_path / "SHA256SUMS").write_text(f"{'0' * 64}  model.onnx\n", encoding="utf-8")
    other = MiniLMEmbeddings(model_dir=tmp_path)
    assert with_shipped_vectors(other) is other
    bundled = MiniLMEmbeddings()
    assert with_shipped_vectors(bundled) is not bundled
