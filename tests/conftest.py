"""Shared fixtures: real MiniLM embeddings and real Chroma stores in temporary folders.

The knowledge base is indexed once per session into a shared home; tests that write use their own
workspace names there, or a fresh home of their own when they need an empty store.

Tests that take `store_backend` (or `backend_runtime`) run twice: against the embedded store and
against a `chroma run` server named by ADVISOR_TEST_CHROMA_URL, each session in a database of its
own there. Without that variable the server runs are skipped, and fail under CI=true.
"""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from advisor.config import Settings
from advisor.llm.embeddings import MiniLMEmbeddings
from advisor.service.runtime import Runtime


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
    """Commands run by tests use the test home, never the user's, read no .env file, and can never
    reach a real model (only endpoints on 127.0.0.1 are allowed)."""
    monkeypatch.setenv("ADVISOR_HOME", str(shared_home))
    monkeypatch.setenv("ADVISOR_ENV_FILE", "")
    monkeypatch.setenv("ADVISOR_LLM_ALLOW_REMOTE", "false")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_MODE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def shared_runtime(shared_home: Path, embeddings: MiniLMEmbeddings) -> Runtime:
    """A runtime over the shared home, with the knowledge base indexed."""
    rt = Runtime(Settings(home=shared_home), embeddings=embeddings)
    rt.ensure_knowledge()
    return rt


@pytest.fixture(scope="session")
def runtime(shared_runtime: Runtime) -> Runtime:
    """The shared runtime (modules whose tests run on both stores override this name)."""
    return shared_runtime


CHROMA_URL_VARIABLE = "ADVISOR_TEST_CHROMA_URL"


def chroma_server_url() -> str:
    """The test Chroma server's URL; skips the test when there is none (fails it in CI)."""
    url = os.environ.get(CHROMA_URL_VARIABLE, "").strip().rstrip("/")
    problem = None
    if not url:
        problem = (
            f"no Chroma server: run `chroma run --path DIR --host 127.0.0.1 --port 8000` and set "
            f"{CHROMA_URL_VARIABLE}=http://127.0.0.1:8000 (.ci/run does both)"
        )
    else:
        try:
            httpx.get(f"{url}/api/v2/heartbeat", timeout=5).raise_for_status()
        except httpx.HTTPError as exc:
            problem = f"the Chroma server at {CHROMA_URL_VARIABLE}={url} does not answer: {exc}"
    if problem:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(problem)
        pytest.skip(problem)
    return url


@dataclass
class StoreBackend:
    """Where a test's Chroma store lives: embedded under its home, or on the test server in a
    database named after that home (fresh for each home, removed at the end of the session)."""

    name: str
    url: str | None = None
    databases: set[str] = field(default_factory=set)

    def settings(self, home: Path, **fields: Any) -> Settings:
        if self.url is None:
            return Settings(home=home, **fields)
        database = "test-" + hashlib.sha1(str(home).encode()).hexdigest()[:16]
        self.databases.add(database)
        return Settings(home=home, chroma={"url": self.url, "database": database}, **fields)

    def drop_databases(self) -> None:
        import chromadb
        from chromadb.config import Settings as ClientSettings

        parsed = httpx.URL(self.url or "")
        admin = chromadb.AdminClient(
            ClientSettings(
                chroma_api_impl="chromadb.api.fastapi.FastAPI",
                chroma_server_host=parsed.host,
                chroma_server_http_port=parsed.port or 8000,
                anonymized_telemetry=False,
            )
        )
        for database in self.databases:
            admin.delete_database(database)


@pytest.fixture(
    scope="session", params=["embedded", pytest.param("server", marks=[pytest.mark.server, pytest.mark.slow])]
)
def store_backend(request: pytest.FixtureRequest) -> Iterator[StoreBackend]:
    """The embedded store, then the `chroma run` server."""
    if request.param == "embedded":
        yield StoreBackend("embedded")
        return
    backend = StoreBackend("server", chroma_server_url())
    yield backend
    backend.drop_databases()


@pytest.fixture(scope="session")
def backend_runtime(
    request: pytest.FixtureRequest,
    store_backend: StoreBackend,
    embeddings: MiniLMEmbeddings,
    tmp_path_factory: pytest.TempPathFactory,
) -> Runtime:
    """The shared runtime (embedded), or one over the test server with the knowledge base indexed."""
    if store_backend.url is None:
        return request.getfixturevalue("shared_runtime")  # type: ignore[no-any-return]
    home = tmp_path_factory.mktemp("advisor-server-home")
    rt = Runtime(store_backend.settings(home), embeddings=embeddings)
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
