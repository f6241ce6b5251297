"""Provider construction: the one place that builds chat models and embedding models.

Everything else is typed against `langchain_core` interfaces, so tests and callers can inject
their own. Chat modes: `offline` (no model), `openai` (OPENAI_API_KEY), any OpenAI-compatible
server (OPENAI_BASE_URL or ADVISOR_LLM_BASE_URL: vLLM, Ollama, llama.cpp), or a GGUF file served by
llama.cpp in this process (ADVISOR_LLM_LOCAL_MODEL, `advisor.llm.local`). `auto` picks a model
when one is configured.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlparse, urlsplit, urlunsplit

from langchain_core.embeddings import Embeddings

from advisor.config import Settings
from advisor.errors import ConfigError
from advisor.llm.local import LOCAL_HOST, shared_local_server

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel, LanguageModelInput
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

Mode = Literal["offline", "llm"]
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def base_url(settings: Settings) -> str | None:
    return settings.llm.base_url or os.environ.get("OPENAI_BASE_URL") or None


def resolve_mode(settings: Settings) -> Mode:
    """Whether a chat model will be used, from the settings and the provider's variables."""
    configured = bool(settings.llm.local_model or os.environ.get("OPENAI_API_KEY") or base_url(settings))
    if settings.llm.mode == "offline":
        return "offline"
    if settings.llm.mode == "openai" and not configured:
        raise ConfigError(
            "ADVISOR_LLM_MODE=openai but no model is configured",
            hint="set OPENAI_API_KEY, or OPENAI_BASE_URL / ADVISOR_LLM_BASE_URL for a compatible server",
        )
    return "llm" if configured else "offline"


def redact_url(url: str) -> str:
    """`url` fit to show: no user name or password, no query (keys are often passed there)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(an endpoint URL that cannot be parsed)"
    if not parts.scheme or not host:
        return "(an endpoint URL without a host)" if "@" in url or "?" in url else url
    host = f"[{host}]" if ":" in host else host
    login = "***@" if parts.username or parts.password else ""
    query = "?***" if parts.query else ""
    return urlunsplit((parts.scheme, f"{login}{host}{port}", parts.path, "", "")) + query


def describe_mode(settings: Settings) -> str:
    """One line for badges, Settings and logs: which model and endpoint (credentials redacted), or
    offline."""
    if resolve_mode(settings) == "offline":
        return "offline (rule-based analysis, bundled MiniLM retrieval)"
    if settings.llm.local_model:
        return f"local model {settings.llm.local_model.name} (llama.cpp on {LOCAL_HOST})"
    url = base_url(settings)
    return f"model {settings.llm.model} at {redact_url(url) if url else 'api.openai.com'}"


def load_chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured chat model, or None when offline. Build once and reuse."""
    if resolve_mode(settings) == "offline":
        return None
    if settings.llm.local_model:  # llama.cpp started here, in this process
        url: str | None = shared_local_server(
            settings.llm.local_model, context_tokens=settings.llm.local_context_tokens
        ).url
    else:
        url = base_url(settings)
    refuse_remote(settings, url)
    from langchain_openai import ChatOpenAI

    local = is_local(url)
    return ChatOpenAI(
        model=settings.llm.model,
        temperature=settings.llm.temperature,
        timeout=settings.llm.local_timeout_s if local else settings.llm.timeout_s,
        max_retries=settings.llm.max_retries,
        max_completion_tokens=settings.llm.max_tokens,  # what OpenAI reads ...
        # ... and as max_tokens, which llama.cpp, Ollama and older servers read
        extra_body={"max_tokens": settings.llm.max_tokens} if url else None,
        base_url=url,
        # local OpenAI-compatible servers often need no key, but the client insists on one
        api_key=os.environ.get("OPENAI_API_KEY") or "not-needed",  # type: ignore[arg-type]
    )


def is_local(url: str | None) -> bool:
    """Whether the model endpoint `url` (None: the OpenAI API) is on this machine."""
    return bool(url) and urlparse(url).hostname in LOOPBACK_HOSTS


def refuse_remote(settings: Settings, url: str | None) -> None:
    """`ConfigError` when remote endpoints are not allowed and `url` (None: the OpenAI API) is one."""
    if not settings.llm.allow_remote and not is_local(url):
        raise ConfigError(
            f"The model endpoint {redact_url(url) if url else 'https://api.openai.com'} is not on this "
            "machine and ADVISOR_LLM_ALLOW_REMOTE is false",
            hint="use a model served on 127.0.0.1, or set ADVISOR_LLM_ALLOW_REMOTE=true",
        )


StructuredOutput = Literal["json_schema", "json_object", "prompt"]
STRUCTURED_FALLBACKS: tuple[StructuredOutput, ...] = ("json_schema", "json_object", "prompt")


def structured_model(
    llm: BaseChatModel, output: StructuredOutput, name: str, schema: dict[str, Any]
) -> Runnable[LanguageModelInput, BaseMessage]:
    """`llm` asked for JSON the way `output` says: the schema as `response_format` (servers that
    support it constrain decoding to it, so even a small model's reply parses), JSON mode, or
    nothing but the prompt. Only OpenAI-compatible clients take `response_format`."""
    from langchain_openai import ChatOpenAI

    if not isinstance(llm, ChatOpenAI) or output == "prompt":
        return llm
    if output == "json_object":
        return llm.bind(response_format={"type": "json_object"})
    return llm.bind(response_format={"type": "json_schema", "json_schema": {"name": name, "schema": schema}})


_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


@contextmanager
def model_slot(settings: Settings) -> Iterator[None]:
    """Hold one of the `llm.concurrency` slots shared by every caller in this process."""
    limit = settings.llm.concurrency
    with _slots_lock:
        semaphore = _slots.setdefault(limit, threading.BoundedSemaphore(limit))
    with semaphore:
        yield


def load_embeddings(settings: Settings) -> Embeddings:
    """The embedding model the settings ask for: bundled MiniLM (default, offline) or OpenAI."""
    if settings.embedding.provider == "openai":
        from langchain_openai import OpenAIEmbeddings

        refuse_remote(settings, os.environ.get("OPENAI_BASE_URL"))
        return OpenAIEmbeddings(model=settings.embedding.openai_model)
    from advisor.llm.embeddings import MiniLMEmbeddings
    from advisor.llm.knowledge_vectors import with_shipped_vectors

    return with_shipped_vectors(MiniLMEmbeddings(batch_size=settings.embedding.batch_size))
