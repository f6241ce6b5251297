"""The advisor's long-lived parts (settings, store, embeddings, retriever), built once and shared
by the CLI and the web app. Heavy pieces are built on first use, so commands that do not need
embeddings never load the embedding model.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings

from advisor.config import Settings, get_settings
from advisor.llm.knowledge_vectors import with_shipped_vectors
from advisor.llm.models import load_chat_model, load_embeddings
from advisor.retrieval.hybrid import Retriever
from advisor.store.chroma import Store
from advisor.store.ingest import FileResult, IngestReport, sync_knowledge

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)


class Runtime:
    """Everything a command needs, built lazily and reused."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        embeddings: Embeddings | None = None,
        llm: BaseChatModel | None = None,
        on_progress: Callable[[str], None] | None = None,
    ) -> None:
        """`on_progress` hears what first-run work (indexing the knowledge base) is doing, in a
        sentence for the user; it is also logged."""
        self.settings = settings or get_settings()
        self.on_progress = on_progress
        self._embeddings = embeddings
        self._llm = llm
        self._llm_loaded = llm is not None
        self._knowledge_synced = False

    @property
    def llm(self) -> BaseChatModel | None:
        """The configured chat model, or None offline (built once)."""
        if not self._llm_loaded:
            self._llm = load_chat_model(self.settings)
            self._llm_loaded = True
        return self._llm

    @cached_property
    def store(self) -> Store:
        return Store(self.settings)

    @property
    def embeddings(self) -> Embeddings:
        if self._embeddings is None:
            self._embeddings = load_embeddings(self.settings)
        return self._embeddings

    @cached_property
    def retriever(self) -> Retriever:
        self.ensure_knowledge()
        return Retriever(self.settings, self.store, self.embeddings)

    def ensure_knowledge(self, on_result: Callable[[FileResult], None] | None = None) -> IngestReport | None:
        """Index the knowledge base on first use; re-index only files that changed."""
        if self._knowledge_synced:
            return None
        started = time.perf_counter()
        announced = False

        def heard(result: FileResult) -> None:
            nonlocal announced
            if not announced and result.status in ("added", "updated", "removed"):
                announced = True
                self._progress(
                    f"Indexing the knowledge base into {self.settings.home} (first use, or it changed)…"
                )
            if on_result:
                on_result(result)

        report = sync_knowledge(
            settings=self.settings,
            store=self.store,
            embeddings=with_shipped_vectors(self.embeddings),  # a fresh home encodes nothing
            on_result=heard,
        )
        if report.changed:
            self._progress(
                f"Knowledge base ready: {report.count('added')} added, {report.count('updated')} updated, "
                f"{report.count('removed')} removed in {time.perf_counter() - started:.1f} s."
            )
        for failure in report.failed:
            logger.warning("knowledge file skipped: %s", failure.error)
        self._knowledge_synced = True
        return report

    def _progress(self, message: str) -> None:
        logger.info(message)
        if self.on_progress:
            self.on_progress(message)
