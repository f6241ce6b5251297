"""Shared fixtures: real MiniLM embeddings and real Chroma stores in temporary folders.

The knowledge base is indexed once per session into a shared home; tests that write use their own
workspace names there, or a fresh home of their own when they need an empty store.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor.config import Settings
from advisor.embeddings import MiniLMEmbeddings
from advisor.runtime import Runtime


class CountingEmbeddings(MiniLMEmbeddings):
    """The real model, counting the texts it embeds (to prove work was or was not done)."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return super().embed_documents(texts)


@pytest.fixture(scope="session")
def embeddings() -> MiniLMEmbeddings:
    return MiniLMEmbeddings()


@pytest.fixture(scope="session")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("advisor-home")


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, shared_home: Path) -> None:
    """Commands run by tests use the test home, never the user's, and never a real model."""
    monkeypatch.setenv("ADVISOR_HOME", str(shared_home))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_MODE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def runtime(shared_home: Path, embeddings: MiniLMEmbeddings) -> Runtime:
    """A runtime over the shared home, with the knowledge base indexed."""
    rt = Runtime(Settings(home=shared_home), embeddings=embeddings)
    rt.ensure_knowledge()
    return rt


@pytest.fixture
def workspace_name() -> str:
    return f"test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a network connection fails loudly."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
