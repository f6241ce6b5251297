"""Token counting that never touches the network.

tiktoken downloads its BPE tables on first use. We ship the two tables the project needs
(`cl100k_base`, `o200k_base`) as package data, named as tiktoken's own cache names them (the SHA-1
of the download URL), check each against the SHA-256 tiktoken expects, and hand them to tiktoken
through its cache directory once, while building the encoding. tiktoken keeps built encodings in
its registry, so later calls, including langchain-openai's, never look for a file again.
"""

from __future__ import annotations

import hashlib
import os
import threading
from functools import cache
from pathlib import Path

import tiktoken

from advisor.errors import EncodingDataError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "tiktoken"
DEFAULT_ENCODING = "cl100k_base"

# The URL tiktoken downloads each table from, and the SHA-256 it expects
# (the `expected_hash` values in tiktoken_ext/openai_public.py; a test keeps them in step).
_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
EXPECTED_SHA256 = {
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
}
_env_lock = threading.Lock()


def bundled_file(name: str) -> Path:
    """Path of the shipped BPE table for encoding `name`."""
    if name not in EXPECTED_SHA256:
        raise EncodingDataError(
            f"Encoding {name!r} is not bundled", hint=f"use one of {', '.join(sorted(EXPECTED_SHA256))}"
        )
    return DATA_DIR / hashlib.sha1(_URL.format(name=name).encode()).hexdigest()


def verify_bundled(name: str) -> Path:
    """Check the shipped table exists and matches tiktoken's expected hash; return its path."""
    path = bundled_file(name)
    if not path.is_file():
        raise EncodingDataError(
            f"Tokenizer table for {name} is missing at {path}", hint="reinstall the package: pip install -e ."
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != EXPECTED_SHA256[name]:
        raise EncodingDataError(
            f"Tokenizer table {path.name} for {name} is corrupt (sha256 {digest[:12]}…, "
            f"expected {EXPECTED_SHA256[name][:12]}…)",
            hint="reinstall the package: pip install -e .",
        )
    return path


@cache
def get_encoding(name: str = DEFAULT_ENCODING) -> tiktoken.Encoding:
    """The tiktoken encoding `name`, built from the bundled table with no network access."""
    verify_bundled(name)
    with _env_lock:
        previous = os.environ.get("TIKTOKEN_CACHE_DIR")
        os.environ["TIKTOKEN_CACHE_DIR"] = str(DATA_DIR)
        try:
            return tiktoken.get_encoding(name)
        finally:
            if previous is None:
                del os.environ["TIKTOKEN_CACHE_DIR"]
            else:
                os.environ["TIKTOKEN_CACHE_DIR"] = previous


def encoding_for_model(model: str) -> tiktoken.Encoding:
    """The encoding a model uses (o200k for the gpt-4o family and newer), falling back to cl100k."""
    try:
        name = tiktoken.encoding_name_for_model(model)
    except KeyError:
        name = DEFAULT_ENCODING
    return get_encoding(name if name in EXPECTED_SHA256 else DEFAULT_ENCODING)


def count_tokens(text: str, encoding: str = DEFAULT_ENCODING) -> int:
    """Number of tokens in `text` (special-token text is counted as ordinary text)."""
    return len(get_encoding(encoding).encode(text, disallowed_special=()))


def encode(text: str, encoding: str = DEFAULT_ENCODING) -> list[int]:
    return get_encoding(encoding).encode(text, disallowed_special=())


def decode(tokens: list[int], encoding: str = DEFAULT_ENCODING) -> str:
    return get_encoding(encoding).decode(tokens)
