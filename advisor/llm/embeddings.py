"""The bundled all-MiniLM-L6-v2 embedding model, run with ONNX Runtime (no torch).

The model ships in `advisor/data/minilm/` (an fp32 ONNX export of the sentence-transformers model,
Apache-2.0, checked against SHA256SUMS on load): WordPiece tokens truncated at 256, the BERT
encoder, mean pooling over the attention mask and L2 normalisation, as sentence-transformers does,
giving the same vectors (cosine 1.000 on the reference texts in the tests). It is loaded once per
process and never reaches for the network. Single queries and single batches run on one intra-op
thread (lowest latency, and the other core stays free under load); more documents on all cores.
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
_MODEL_FILE = "model.onnx"
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
        # One batch (an answer's units, a small file) runs on the queries' one-thread session: a
        # session for all cores costs a second model load (0.3-0.4 s) for little gain on so few.
        threads = max(1, os.cpu_count() or 1) if len(texts) > self.batch_size else 1
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

            model = _model_bytes(model_dir)  # read once: checked, then loaded from the same bytes
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            if threads == 1:
                options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            logger.info("loading %s (%d thread%s)", MINILM_NAME, threads, "" if threads == 1 else "s")
            _SESSIONS[key] = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
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
    """Check the model's small files against SHA256SUMS, once per process (called under the lock)."""
    if model_dir in _CHECKED:
        return
    for name, digest in _sums(model_dir).items():
        if name != _MODEL_FILE:
            _check(model_dir / name, _read(model_dir / name), digest)
    _CHECKED.add(model_dir)


def _model_bytes(model_dir: Path) -> bytes:
    """The model file, checked against SHA256SUMS as it is read (once per session)."""
    _verify(model_dir)
    model = _read(model_dir / _MODEL_FILE)
    _check(model_dir / _MODEL_FILE, model, _sums(model_dir).get(_MODEL_FILE, ""))
    return model


def _sums(model_dir: Path) -> dict[str, str]:
    lines = _read(model_dir / "SHA256SUMS").decode().splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"The embedding model is missing ({exc})", hint="reinstall") from None


def _check(path: Path, data: bytes, digest: str) -> None:
    if hashlib.sha256(data).hexdigest() != digest:
        raise ConfigError(f"The embedding model file {path} is damaged", hint="reinstall")
