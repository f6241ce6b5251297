"""The one settings class: every knob of the advisor, read from `ADVISOR_*` environment variables.

Groups map to prefixes with a single underscore: `ADVISOR_CHROMA_URL` sets `chroma.url`,
`ADVISOR_LLM_MODEL` sets `llm.model`. API keys stay in the provider's own variables
(`OPENAI_API_KEY`, `OPENAI_BASE_URL`).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from advisor.data import bundled

PACKAGE_DIR = Path(__file__).resolve().parent
EVALS_DIR = bundled("evals")


def _default_home() -> Path:
    return Path.home() / ".coalition-advisor"


class ChromaSettings(BaseModel):
    """Where the vector store lives."""

    url: str | None = Field(
        default=None,
        description="URL of a `chroma run` server (e.g. http://127.0.0.1:8000). Unset: an embedded store "
        "under ADVISOR_HOME/chroma.",
    )
    database: str = Field(
        default="default_database",
        description="Database on the server (created on first use), so that several deployments or test "
        "runs can share one `chroma run` server. Ignored by the embedded store.",
    )
    batch_size: int = Field(default=512, ge=1, description="Records per Chroma add call.")
    lock_wait_s: float = Field(
        description="Seconds to wait while another advisor process is using the embedded store before "
        "giving up with an error (each read or write holds it briefly). Unused with a server.",
        default=10.0,
        ge=0,
    )


class EmbeddingSettings(BaseModel):
    """How text becomes vectors."""

    provider: Literal["minilm", "openai"] = Field(
        default="minilm",
        description="`minilm`: the bundled all-MiniLM-L6-v2, offline. `openai`: the OpenAI embeddings API.",
    )
    openai_model: str = Field(default="text-embedding-3-small", description="Model for provider=openai.")
    batch_size: int = Field(default=64, ge=1, description="Texts per embedding batch.")


class ChunkSettings(BaseModel):
    """How documents are cut into retrievable pieces."""

    max_tokens: int = Field(default=200, ge=32, description="Largest chunk, in cl100k tokens.")
    overlap_tokens: int = Field(default=30, ge=0, description="Tokens repeated between neighbouring chunks.")


class IngestSettings(BaseModel):
    """Limits on what users may upload."""

    max_file_mb: float = Field(default=20.0, gt=0, description="Largest accepted file, in MiB.")
    parse_timeout_s: float = Field(
        default=30.0,
        gt=0,
        description="Longest one uploaded file may take to parse (in a separate process) before it is "
        "refused; a hostile file cannot stall the app for longer.",
    )
    parse_memory_mb: int = Field(
        default=1024,
        ge=64,
        description="Memory (MiB) the parsing process may use for one file beyond its own baseline; a "
        "decompression bomb is refused when it needs more.",
    )


class ReviewSettings(BaseModel):
    """Batch charter review."""

    processes: int = Field(
        default=0,
        ge=0,
        description="Processes that review charters side by side offline (0: one per CPU core; 1: all in "
        "the calling process). Batches of fewer than `parallel_from` charters to review stay in one "
        "process: starting the others costs about two seconds.",
    )
    parallel_from: int = Field(
        default=40, ge=2, description="Fewest charters (not already cached) reviewed in several processes."
    )


class RetrievalSettings(BaseModel):
    """Hybrid (vector + BM25) search."""

    top_k: int = Field(default=6, ge=1, description="Passages returned to a capability or an answer.")
    candidates: int = Field(
        default=30, ge=1, description="Candidates taken from each retriever before fusion."
    )
    rrf_k: int = Field(default=60, ge=1, description="Reciprocal-rank-fusion constant.")
    max_per_source: int = Field(
        default=3,
        ge=1,
        description="Most passages taken from one workspace file, so answers draw on several sources "
        "(a question about one charter often needs its third-best clause).",
    )
    max_per_topic: int = Field(
        default=1,
        ge=1,
        description="Most passages taken from one knowledge-base topic when the caller sets no limit, so "
        "the guidance served spans several topics (a leader's question often touches two).",
    )
    vector_weight: float = Field(default=1.0, ge=0, description="Weight of the vector ranking in fusion.")
    lexical_weight: float = Field(default=1.0, ge=0, description="Weight of the BM25 ranking in fusion.")
    asks_weight: float = Field(
        default=1.0,
        ge=0,
        description="Fusion weight of knowledge sections ranked by leaders' phrasings (knowledge/asks.yaml).",
    )
    asks_sections: int = Field(default=10, ge=1, description="Knowledge sections that ranking contributes.")
    hub_penalty: float = Field(
        default=0.3,
        ge=0,
        le=2,
        description="How much a knowledge passage close to many kinds of question (a 'hub') is held back "
        "in the vector ranking: its mean similarity to its nearest leaders' asks, times this, is "
        "subtracted before ranking. 0 turns it off.",
    )
    exact_max_chunks: int = Field(
        default=2000,
        ge=0,
        description="Scopes of at most this many chunks (the knowledge base, most workspaces) are "
        "searched exactly, in memory, instead of through Chroma's index: faster, and exact. Their "
        "vectors are read from the store by the first search after a change (0.1-0.5 s at 2000 "
        "chunks). 0 sends every scope to Chroma.",
    )


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
    timeout_s: float = Field(
        default=60.0, gt=0, description="Seconds before one call to a hosted model is abandoned."
    )
    local_timeout_s: float = Field(
        default=300.0,
        gt=0,
        description="Seconds before one call to a model on this machine (127.0.0.1, localhost) is "
        "abandoned: a laptop CPU needs longer than a hosted API.",
    )
    max_tokens: int = Field(
        default=1024, ge=16, description="Most tokens one reply may use: a runaway generation stops there."
    )
    structured_output: Literal["auto", "json_schema", "json_object", "prompt"] = Field(
        default="auto",
        description="How JSON replies are asked for. `auto`: the schema as `response_format` "
        "(json_schema), falling back to JSON mode, then to the prompt alone, when a server refuses.",
    )
    max_retries: int = Field(default=2, ge=0, description="Retries (with backoff) on 429/5xx/timeouts.")
    concurrency: int = Field(default=4, ge=1, description="Model calls in flight at once.")
    validation_retries: int = Field(
        default=2,
        ge=0,
        description="Times an invalid (non-JSON, off-schema) reply is sent back to be fixed.",
    )
    local_model: Path | None = Field(
        default=None,
        description="A GGUF model file: the advisor starts llama.cpp (xllamacpp) on 127.0.0.1 with it and "
        "uses it, no separate server to run. Needs the `local` extra: "
        "pip install 'coalition-advisor[local]'.",
    )
    local_context_tokens: int = Field(
        default=8192,
        ge=512,
        description="Context window of the local model (ADVISOR_LLM_LOCAL_MODEL), in tokens: prompt and "
        "reply together. Larger windows take more memory.",
    )
    allow_remote: bool = Field(
        default=True,
        description="False refuses every model endpoint that is not on this machine (the tests set it, "
        "so they can never reach a real model).",
    )


class AppSettings(BaseModel):
    """The web app (`advisor serve`, `python app.py`)."""

    host: str = Field(
        default="127.0.0.1", description="Interface to listen on (0.0.0.0 to share on a network)."
    )
    port: int = Field(default=7860, ge=1, le=65535, description="Port to listen on.")
    allowed_hosts: str = Field(
        default="",
        description="Host names the app answers to, comma-separated, besides the loopback names and the "
        "host it listens on; a request for any other name is refused (DNS rebinding).",
    )
    concurrency: int = Field(
        default=4, ge=1, description="Requests handled at once; the rest wait in the queue."
    )
    queue_size: int = Field(
        default=64, ge=1, description="Requests that may wait before new ones are refused."
    )
    request_timeout_s: float = Field(
        default=120.0,
        gt=0,
        description="Longest a streamed request (chat, upload) may take; it stops with a message after.",
    )
    max_text_chars: int = Field(
        default=20_000,
        ge=100,
        description="Longest text accepted in any box (chat message, purpose statement, goal, names).",
    )
    max_conversation_chars: int = Field(
        # (about a hundred long exchanges; the page sends it back whole with every message, so a far
        # larger one costs every user time)
        default=300_000,
        ge=1000,
        description="Longest conversation the chat accepts back from the page.",
    )
    login_free_failures: int = Field(
        default=5,
        ge=1,
        description="Wrong passwords allowed for one user, or from one address, before sign-in backs off.",
    )
    login_backoff_s: float = Field(
        default=2.0,
        gt=0,
        description="First wait after the free failures; it doubles with each further failure.",
    )
    login_max_backoff_s: float = Field(
        default=900.0, gt=0, description="Longest wait between sign-in attempts after failures."
    )
    stale_upload_s: float = Field(
        default=60.0,
        ge=0,
        description="At start, unfinished uploads (left by a killed server) older than this many seconds "
        "are removed; younger ones may belong to another app process on the same home.",
    )


class ModelPrice(BaseModel):
    """What one model costs, in US dollars per million tokens."""

    prompt: float = Field(ge=0, description="Dollars per million prompt (input) tokens.")
    completion: float = Field(ge=0, description="Dollars per million completion (output) tokens.")


def _default_prices() -> dict[str, ModelPrice]:
    # List prices when this table was written; override with ADVISOR_EVAL_PRICES (JSON).
    return {
        "gpt-4o-mini": ModelPrice(prompt=0.15, completion=0.60),
        "gpt-4o": ModelPrice(prompt=2.50, completion=10.00),
        "gpt-4.1-mini": ModelPrice(prompt=0.40, completion=1.60),
        "gpt-4.1": ModelPrice(prompt=2.00, completion=8.00),
    }


class EvalSettings(BaseModel):
    """The eval suites (`advisor eval`): where scenarios, recordings and baselines live, and the gate."""

    scenarios_dir: Path = Field(default=EVALS_DIR / "scenarios", description="Folder of scenario YAML files.")
    recordings_dir: Path = Field(
        default=EVALS_DIR / "recordings",
        description="Recorded model replies: written by live runs, read by replay runs.",
    )
    baselines_dir: Path = Field(
        default=EVALS_DIR / "baselines",
        description="Committed baselines, one `<backend>.json` each; the run is gated against it.",
    )
    report_dir: Path = Field(
        default=EVALS_DIR / "reports",
        description="Where reports (JSON, markdown, JUnit XML) go when --report is not given.",
    )
    tolerance: float = Field(
        default=0.02,
        ge=0,
        description="How far a metric may drop below its baseline before the run fails (0.02 = two "
        "points of a rate); a baseline file may set its own per metric.",
    )
    hit_k: int = Field(default=3, ge=1, description="k of the retrieval hit@k metric of `ask`.")
    judge_repeats: int = Field(
        default=3, ge=1, description="Times a live run asks the model judge to score each rubric."
    )
    prices: dict[str, ModelPrice] = Field(
        default_factory=_default_prices,
        description="Price per model, for the estimated cost of live and replayed runs (JSON, e.g. "
        '{"my-model": {"prompt": 0.5, "completion": 1.5}}); a model not listed is costed at 0.',
    )


class Settings(BaseSettings):
    """All settings of the advisor. Every field has a default; override with ADVISOR_* variables."""

    model_config = SettingsConfigDict(
        env_prefix="ADVISOR_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        extra="ignore",
    )

    home: Path = Field(default_factory=_default_home, description="Where the advisor keeps its data.")
    knowledge_dir: Path = Field(
        default_factory=lambda: bundled("knowledge"),
        description="Folder of curated guidance (markdown with front matter).",
    )
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chunk: ChunkSettings = Field(default_factory=ChunkSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    review: ReviewSettings = Field(default_factory=ReviewSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    app: AppSettings = Field(default_factory=AppSettings)
    eval: EvalSettings = Field(default_factory=EvalSettings)
    auth: str | None = Field(
        default=None,
        description="Web app login: `user:password`, several separated by commas. Each user sees only "
        "their own workspaces. Unset: no login (for a single user on their own machine).",
    )

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"


def unknown_variables(environ: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """ADVISOR_* variables that are no setting (so are ignored), each with the setting it most looks
    like, if any: `ADVISOR_DATA_DIR` would otherwise leave the data in the default home without a word.
    `ADVISOR_TEST_*` belong to the test suite."""
    known = {"ADVISOR_ENV_FILE"}
    for name, field in Settings.model_fields.items():
        known.add(f"ADVISOR_{name.upper()}")
        section = field.default_factory() if field.default_factory else None  # type: ignore[call-arg]
        if isinstance(section, BaseModel):
            known |= {f"ADVISOR_{name.upper()}_{inner.upper()}" for inner in type(section).model_fields}
    ours = (v for v in environ if v.startswith("ADVISOR_") and not v.startswith("ADVISOR_TEST_"))
    unknown = sorted(v for v in ours if v not in known)
    return [(v, _closest(v, known)) for v in unknown]


def _closest(name: str, known: set[str]) -> str | None:
    """The setting `name` is most likely a typo of ("ADVISOR_APP_PROT" -> "ADVISOR_APP_PORT"), if any."""
    return next(iter(difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.85)), None)


def env_file_path() -> Path | None:
    """The settings file to read: ADVISOR_ENV_FILE when set (empty: none), else `.env` in
    ADVISOR_HOME. Never the working folder: a `.env` in a folder someone sent you could point the
    model (with your API key, your question and your documents) at any endpoint."""
    named = os.environ.get("ADVISOR_ENV_FILE")
    if named is not None:
        return Path(named).expanduser() if named.strip() else None
    home = os.environ.get("ADVISOR_HOME")
    return (Path(home).expanduser() if home else _default_home()) / ".env"


def get_settings() -> Settings:
    """Settings from the environment and the settings file of `env_file_path`, read afresh on each
    call. `Settings()` reads no file."""
    env_file = env_file_path()
    return Settings(_env_file=env_file if env_file and env_file.is_file() else None)  # type: ignore[call-arg]
