"""Token counting works with no network, from the shipped tables, verified against tiktoken's hashes."""

from __future__ import annotations

import hashlib
import inspect
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tiktoken_ext.openai_public as openai_public

from advisor.errors import EncodingDataError
from advisor.text import tokens


def test_expected_hashes_are_the_ones_tiktoken_itself_expects() -> None:
    source = inspect.getsource(openai_public)
    for name, expected in tokens.EXPECTED_SHA256.items():
        block = source[source.index(f"def {name}(") :]
        assert re.search(r'expected_hash="([0-9a-f]{64})"', block).group(1) == expected  # type: ignore[union-attr]


def test_bundled_tables_are_named_as_tiktoken_caches_them_and_match_their_hash() -> None:
    for name in tokens.EXPECTED_SHA256:
        path = tokens.verify_bundled(name)
        url = f"https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
        assert path.name == hashlib.sha1(url.encode()).hexdigest()


def test_counts_tokens_like_the_reference_encodings() -> None:
    assert tokens.count_tokens("hello world") == 2
    assert tokens.count_tokens("hello world", "o200k_base") == 2
    assert tokens.count_tokens("<|endoftext|>") > 1  # special-token text is plain text, not an error
    assert tokens.encoding_for_model("gpt-4o").name == "o200k_base"
    assert tokens.encoding_for_model("some-local-llama").name == "cl100k_base"
    assert tokens.decode(tokens.encode("coalition charter")) == "coalition charter"


def test_a_corrupt_table_is_refused_with_a_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for original in tokens.DATA_DIR.iterdir():
        shutil.copy(original, tmp_path / original.name)
    target = tmp_path / tokens.bundled_file("cl100k_base").name
    target.write_bytes(target.read_bytes()[:-10] + b"tampered!!")
    monkeypatch.setattr(tokens, "DATA_DIR", tmp_path)
    with pytest.raises(EncodingDataError, match=r"corrupt.*reinstall"):
        tokens.verify_bundled("cl100k_base")


def test_counting_in_a_fresh_process_with_network_blocked_and_an_empty_cache(tmp_path: Path) -> None:
    script = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network blocked by test')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from advisor.text.tokens import count_tokens\n"
        "print(count_tokens('Shared purpose, shared measurement.'), count_tokens('hi there', 'o200k_base'))\n"
    )
    env = {**os.environ, "TIKTOKEN_CACHE_DIR": str(tmp_path / "empty-cache")}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    expected = [str(tokens.count_tokens("Shared purpose, shared measurement.")), "2"]
    assert done.stdout.split() == expected
    assert not (tmp_path / "empty-cache").exists() or not any((tmp_path / "empty-cache").iterdir())
