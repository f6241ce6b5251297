"""Provider construction: the one place that builds embedding models (and, later, chat models).

Everything else is typed against `langchain_core` interfaces, so tests and callers can inject
their own.
"""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from advisor.config import Settings


def load_embeddings(settings: Settings) -> Embeddings:
    """The embedding model the settings ask for: bundled MiniLM (default, offline) or OpenAI."""
    if settings.embedding.provider == "openai":
        from langchain_openai import OpenAIEmbeddings

        return OpenAIEmbeddings(model=settings.embedding.openai_model)
    from advisor.embeddings import MiniLMEmbeddings

    return MiniLMEmbeddings(device=settings.embedding.device, batch_size=settings.embedding.batch_size)
