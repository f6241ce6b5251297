"""The bundled all-MiniLM-L6-v2 embedding model, run with ONNX Runtime (no torch).

The model ships in `advisor/data/minilm/` (an fp32 ONNX export of the sentence-transformers model,
Apache-2.0, checked against SHA256SUMS on load): WordPiece tokens truncated at 256, the BERT
encoder, mean pooling over the attention mask and L2 normalisation, as sentence-transformers does,
giving the same vectors (cosine 1.000 on the reference texts in the tests). It is loaded once per
process and never reaches for the network. Single queries run on one intra-op thread (lowest
latency, and the other core stays free under load); batches of documents on all cores.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from langchain_core.embeddings import Embeddings

from advisor.errors import ConfigError

logger = logging.getLogger(__name__)
MINILM_NAME = "all-MiniLM-L6-v2"
MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "minilm"
_CHECKED: set[Path] = set()
_SESSIONS: dict[tuple[Path, int], Any] = {}
_TOKENIZERS: dict[Path, Any] = {}
_LOCK = threading.Lock()


def load_minilm(model_dir: Path = MODEL_DIR) -> None:
    """Check the model files and load the tokenizer. The ONNX sessions (and their thread pools)
    are built on first encode, so a process forked after this call builds its own."""
    _tokenizer(model_dir)


class MiniLMEmbeddings(Embeddings):
    """LangChain `Embeddings` over the bundled MiniLM model: 384-d, normalised (cosine = dot)."""

    name = MINILM_NAME
    dimension = 384

    def __init__(self, batch_size: int = 64, model_dir: Path = MODEL_DIR) -> None:
        self.batch_size = max(1, batch_size)
        self.model_dir = model_dir

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        result: list[list[float]] = self.encode_array(texts).tolist()
        return result

    def embed_query(self, text: str) -> list[float]:
        result: list[float] = self._encode_batch([text], threads=1)[0].tolist()
        return result

    def encode_array(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """The float32 matrix (len(texts), 384); texts are batched by length, returned in order."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        threads = max(1, os.cpu_count() or 1)
        for start in range(0, len(texts), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._encode_batch([texts[i] for i in rows], threads=threads)
        return out

    def _encode_batch(self, texts: list[str], *, threads: int) -> npt.NDArray[np.float32]:
        encodings = _tokenizer(self.model_dir).encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        session = _session(self.model_dir, threads)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        hidden = session.run(None, {i.name: feeds[i.name] for i in session.get_inputs()})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        vectors: npt.NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return vectors


def _session(model_dir: Path, threads: int) -> Any:
    """One ONNX Runtime session per thread count, built on first use."""
    with _LOCK:
        key = (model_dir, threads)
        if key not in _SESSIONS:
            import onnxruntime as ort

            _verify(model_dir)
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            if threads == 1:
                options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            path = str(model_dir / "model.onnx")
            logger.info("loading %s (%d thread%s)", MINILM_NAME, threads, "" if threads == 1 else "s")
            _SESSIONS[key] = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        return _SESSIONS[key]


def _tokenizer(model_dir: Path) -> Any:
    with _LOCK:
        if model_dir not in _TOKENIZERS:
            from tokenizers import Tokenizer

            _verify(model_dir)
            config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
            tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
            # tokenizer.json carries a 128-token limit and fixed padding: use the model's own.
            tokenizer.enable_truncation(max_length=int(config["max_seq_length"]))
            tokenizer.enable_padding(pad_id=tokenizer.token_to_id("[PAD]") or 0, pad_token="[PAD]")
            _TOKENIZERS[model_dir] = tokenizer
        return _TOKENIZERS[model_dir]


def _verify(model_dir: Path) -> None:
    """Check the model files against SHA256SUMS once per process (called under the lock)."""
    if model_dir in _CHECKED:
        return
    try:
        for line in (model_dir / "SHA256SUMS").read_text().splitlines():
            digest, name = line.split()
            if hashlib.sha256((model_dir / name).read_bytes()).hexdigest() != digest:
                raise ConfigError(f"The embedding model file {model_dir / name} is damaged", hint="reinstall")
    except OSError as exc:
        raise ConfigError(f"The embedding model is missing ({exc})", hint="reinstall") from None
    _CHECKED.add(model_dir)
