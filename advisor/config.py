"""The one settings class: every knob of the advisor, read from `ADVISOR_*` environment variables.

Groups map to prefixes with a single underscore: `ADVISOR_CHROMA_URL` sets `chroma.url`,
`ADVISOR_LLM_MODEL` sets `llm.model`. API keys stay in the provider's own variables
(`OPENAI_API_KEY`, `OPENAI_BASE_URL`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def _default_home() -> Path:
    return Path.home() / ".coalition-advisor"


class ChromaSettings(BaseModel):
    """Where the vector store lives."""

    url: str | None = Field(
        default=None,
        description="URL of a `chroma run` server (e.g. http://127.0.0.1:8000). Unset: an embedded store "
        "under ADVISOR_HOME/chroma.",
    )
    batch_size: int = Field(default=512, ge=1, description="Records per Chroma add call.")


class EmbeddingSettings(BaseModel):
    """How text becomes vectors."""

    provider: Literal["minilm", "openai"] = Field(
        default="minilm",
        description="`minilm`: the bundled all-MiniLM-L6-v2, offline. `openai`: the OpenAI embeddings API.",
    )
    openai_model: str = Field(default="text-embedding-3-small", description="Model for provider=openai.")
    batch_size: int = Field(default=64, ge=1, description="Texts per embedding batch.")
    device: str = Field(default="cpu", description="Torch device for the local model.")


class ChunkSettings(BaseModel):
    """How documents are cut into retrievable pieces."""

    max_tokens: int = Field(default=200, ge=32, description="Largest chunk, in cl100k tokens.")
    overlap_tokens: int = Field(default=30, ge=0, description="Tokens repeated between neighbouring chunks.")


class IngestSettings(BaseModel):
    """Limits on what users may upload."""

    max_file_mb: float = Field(default=20.0, gt=0, description="Largest accepted file, in MiB.")


class RetrievalSettings(BaseModel):
    """Hybrid (vector + BM25) search."""

    top_k: int = Field(default=6, ge=1, description="Passages returned to a capability or an answer.")
    candidates: int = Field(
        default=30, ge=1, description="Candidates taken from each retriever before fusion."
    )
    rrf_k: int = Field(default=60, ge=1, description="Reciprocal-rank-fusion constant.")
    max_per_source: int = Field(
        default=2, ge=1, description="Most passages taken from one file, so answers draw on several sources."
    )
    vector_weight: float = Field(default=1.0, ge=0, description="Weight of the vector ranking in fusion.")
    lexical_weight: float = Field(default=1.0, ge=0, description="Weight of the BM25 ranking in fusion.")


class LLMSettings(BaseModel):
    """The chat model used for drafting, when one is configured."""

    mode: Literal["auto", "offline", "openai"] = Field(
        default="auto",
        description="`auto`: use a model when OPENAI_API_KEY or a base URL is set, else offline.",
    )
    model: str = Field(default="gpt-4o-mini", description="Chat model name.")
    base_url: str | None = Field(
        default=None,
        description="OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp); overrides OPENAI_BASE_URL.",
    )
    temperature: float = Field(default=0.2, ge=0, le=2, description="Sampling temperature.")
    timeout_s: float = Field(default=60.0, gt=0, description="Seconds before one model call is abandoned.")
    max_retries: int = Field(default=2, ge=0, description="Retries (with backoff) on 429/5xx/timeouts.")
    concurrency: int = Field(default=4, ge=1, description="Model calls in flight at once.")
    validation_retries: int = Field(
        default=2,
        ge=0,
        description="Times an invalid (non-JSON, off-schema) reply is sent back to be fixed.",
    )


class AppSettings(BaseModel):
    """The web app (`advisor serve`, `python app.py`)."""

    host: str = Field(
        default="127.0.0.1", description="Interface to listen on (0.0.0.0 to share on a network)."
    )
    port: int = Field(default=7860, ge=1, le=65535, description="Port to listen on.")
    concurrency: int = Field(
        default=4, ge=1, description="Requests handled at once; the rest wait in the queue."
    )
    queue_size: int = Field(
        default=64, ge=1, description="Requests that may wait before new ones are refused."
    )
    request_timeout_s: float = Field(default=120.0, gt=0, description="Longest a chat request may take.")


class Settings(BaseSettings):
    """All settings of the advisor. Every field has a default; override with ADVISOR_* variables."""

    model_config = SettingsConfigDict(
        env_prefix="ADVISOR_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        env_file=".env",
        extra="ignore",
    )

    home: Path = Field(default_factory=_default_home, description="Where the advisor keeps its data.")
    knowledge_dir: Path = Field(
        default=PROJECT_DIR / "knowledge",
        description="Folder of curated guidance (markdown with front matter).",
    )
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chunk: ChunkSettings = Field(default_factory=ChunkSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    app: AppSettings = Field(default_factory=AppSettings)
    auth: str | None = Field(
        default=None,
        description="Web app login: `user:password`, several separated by commas. Each user sees only "
        "their own workspaces. Unset: no login (for a single user on their own machine).",
    )

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"


def get_settings() -> Settings:
    """Settings from the environment (and a local .env), read afresh on each call."""
    return Settings()
