"""Vectors of the knowledge base, computed once by a dev command and shipped with the package, so a
fresh home indexes the knowledge base in seconds instead of encoding it (about 40 s on 2 cores).

`advisor/data/vectors/knowledge.npz` holds, for every text the knowledge base makes the model
encode (each chunk's embedding text, each sentence the pivots' citations weigh, each section
unit a grounded answer weighs, and the leaders' phrasings of `knowledge/asks.yaml`), the SHA-256 of
the text and its vector (float16: cosine to the float32 vector above 0.9999), and the checksum of
the model that made them. `ShippedVectors` serves those texts from the table and hands the rest to
the model; it is used only with the bundled model whose checksum the table names, so a changed
model or changed text can never be served a wrong vector: it is encoded, as before. A test fails
when `knowledge/` or the chunking changed and the table was not rebuilt with `BUILD_COMMAND`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from langchain_core.embeddings import Embeddings

from advisor.config import Settings
from advisor.documents.chunking import chunk_document
from advisor.documents.read import read_document
from advisor.llm.embeddings import MODEL_DIR, MiniLMEmbeddings
from advisor.retrieval.asks import ask_texts
from advisor.retrieval.highlights import sentence_texts
from advisor.retrieval.sections import SectionChunk, section_units, unit_text
from advisor.store.ingest import knowledge_files

logger = logging.getLogger(__name__)
VECTORS_PATH = Path(__file__).resolve().parents[1] / "data" / "vectors" / "knowledge.npz"
BUILD_COMMAND = "python benchmarks/build_knowledge_vectors.py"


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def model_checksum(model_dir: Path = MODEL_DIR) -> str:
    """The model file's SHA-256, as SHA256SUMS records it."""
    for line in (model_dir / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        if name == "model.onnx":
            return digest
    raise ValueError(f"{model_dir / 'SHA256SUMS'} names no model.onnx")


class VectorTable:
    """The shipped table: text hash → vector, and the model that made them."""

    def __init__(self, keys: Iterable[str], vectors: npt.NDArray[np.float16], model: str) -> None:
        self.rows = {key: row for row, key in enumerate(keys)}
        self.vectors = vectors
        self.model = model

    @classmethod
    def load(cls, path: Path = VECTORS_PATH) -> VectorTable | None:
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls([str(k) for k in data["keys"]], data["vectors"], str(data["model"]))
        except (OSError, KeyError, ValueError) as exc:
            logger.warning(
                "shipped knowledge vectors not usable (%s): the knowledge base will be encoded", exc
            )
            return None

    def save(self, path: Path) -> None:
        keys = sorted(self.rows, key=self.rows.__getitem__)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, keys=np.array(keys), vectors=self.vectors, model=np.array(self.model))

    def get(self, text: str) -> npt.NDArray[np.float32] | None:
        row = self.rows.get(text_key(text))
        return None if row is None else self.vectors[row].astype(np.float32)


@cache
def _shipped_table() -> VectorTable | None:
    return VectorTable.load()


class ShippedVectors(Embeddings):
    """The bundled model, with the knowledge base's texts served from the shipped table."""

    def __init__(self, model: MiniLMEmbeddings, table: VectorTable) -> None:
        self.model = model
        self.table = table

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        found = [self.table.get(t) for t in texts]
        missing = [i for i, vector in enumerate(found) if vector is None]
        if missing:
            encoded = self.model.embed_documents([texts[i] for i in missing])
            for i, vector in zip(missing, encoded, strict=True):
                found[i] = np.asarray(vector, dtype=np.float32)
        return [vector.tolist() for vector in found if vector is not None]

    def embed_query(self, text: str) -> list[float]:
        return self.model.embed_query(text)


def with_shipped_vectors(embeddings: Embeddings) -> Embeddings:
    """`embeddings` serving the shipped knowledge vectors, when it is the model that made them."""
    if not isinstance(embeddings, MiniLMEmbeddings):
        return embeddings  # another model (or already wrapped): its own vectors
    table = _shipped_table()
    if table is None or table.model != model_checksum(embeddings.model_dir):
        return embeddings
    return ShippedVectors(embeddings, table)


def knowledge_texts(settings: Settings) -> list[str]:
    """Every text the knowledge base makes the model encode under `settings`: each chunk's embedding
    text (at indexing), each of its sentences as the pivots' citations weigh them, each unit of its
    section as a grounded answer weighs them, and the asks."""
    texts: list[str] = []
    for path in knowledge_files(settings.knowledge_dir):
        document = read_document(path, source=f"knowledge/{path.name}")
        chunks = chunk_document(
            document, max_tokens=settings.chunk.max_tokens, overlap_tokens=settings.chunk.overlap_tokens
        )
        sections: dict[str, list[SectionChunk]] = {}
        for chunk in chunks:
            texts.append(chunk.embedding_text)
            texts.extend(sentence_texts(chunk.heading, chunk.title, chunk.text))
            sections.setdefault(chunk.heading, []).append(SectionChunk(chunk.id, chunk.index, chunk.text))
        for heading, section in sections.items():  # as `Retriever.section` gives them to an answer
            texts.extend(unit_text(heading, document.title, u.text) for u in section_units(section))
    texts.extend(ask_texts(settings.knowledge_dir))
    return list(dict.fromkeys(texts))


def build_table(settings: Settings, model: MiniLMEmbeddings) -> VectorTable:
    """Encode the knowledge base's texts with `model` (the dev command's work)."""
    texts = knowledge_texts(settings)
    vectors = model.encode_array(texts).astype(np.float16)
    return VectorTable([text_key(t) for t in texts], vectors, model_checksum(model.model_dir))
