"""Hybrid search (vector + BM25, fused by reciprocal rank) over the knowledge base and one workspace.

Scoping is done here, in code: a query reads only the knowledge collection and the one workspace
collection it names, and every hit is checked to belong to the scope it was asked of. Only chunks
vouched for by the manifest (the current version of a file) are served. Each scope's BM25 index
is the one saved for its current generation when it was last written (`ScopeIndex.lexical`); only
a scope whose saved index is missing (written by an older version, or by a build that lost a race
with a write) has it built here, once. The knowledge scope has a third ranking: its sections by how
close the query comes to leaders' own phrasings of what they answer (`advisor.retrieval.asks`).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, Field

from advisor.config import Settings
from advisor.errors import WorkspaceError
from advisor.retrieval.asks import Asks, SectionKey, load_asks
from advisor.retrieval.sections import SectionChunk
from advisor.retrieval.vocabulary import expand_query
from advisor.store.chroma import KNOWLEDGE_COLLECTION, Store, workspace_collection
from advisor.store.index import ManifestEntry, ScopeIndex
from advisor.store.lexical import LexicalIndex

logger = logging.getLogger(__name__)
KNOWLEDGE_SCOPE = "knowledge"


class Citation(BaseModel):
    """A pointer to the retrieved chunk a claim came from."""

    source: str = Field(description="File the chunk came from (knowledge/<topic>.md or a workspace file).")
    title: str = Field(description="Title of that document.")
    section: str = Field(default="", description="Heading path of the section quoted, if it has one.")
    chunk_id: str = Field(description="Id of the retrieved chunk.")
    quote: str = Field(description="The words relied on, verbatim from the chunk.")

    @property
    def label(self) -> str:
        return source_label(self.title, self.section)


def source_label(title: str, section: str = "") -> str:
    """How people see a source: "title › section" (the file name is shown beside it)."""
    return f"{title} › {section}" if section else title


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with where it came from and how well it matched."""

    chunk_id: str
    text: str
    source: str
    title: str
    heading: str
    scope: str
    score: float
    similarity: float | None = None

    def citation(self, quote: str | None = None) -> Citation:
        return Citation(
            source=self.source,
            title=self.title,
            section=self.heading,
            chunk_id=self.chunk_id,
            quote=quote or self.text,
        )


@dataclass(frozen=True)
class _ScopeState:
    name: str
    token: str
    entries: dict[str, ManifestEntry]
    collection: Any
    where: dict[str, Any] | None


class Retriever:
    """Search the knowledge base and (optionally) one workspace. Build once, reuse."""

    def __init__(self, settings: Settings, store: Store, embeddings: Embeddings) -> None:
        self.settings = settings
        self.store = store
        self.embeddings = embeddings
        self._states: dict[str, _ScopeState] = {}
        self._lock = threading.Lock()
        self._asks: Asks | None = None
        self._asks_loaded = False
        # knowledge generation token → each asked-about section's chunks (id, text, metadata), in order
        self._section_chunks: tuple[str, dict[SectionKey, list[tuple[str, str, dict[str, Any]]]]] | None = (
            None
        )

    def search(
        self,
        query: str,
        *,
        workspace: str | None = None,
        k: int | None = None,
        knowledge: bool = True,
        per_source: int | None = None,
    ) -> list[Passage]:
        """The top `k` passages for `query` from the knowledge base and/or `workspace`, at most
        `per_source` (default: the setting) from one file."""
        states: list[tuple[_ScopeState, str]] = []
        if knowledge:
            state = self._scope_state(KNOWLEDGE_COLLECTION)
            if state is not None:
                states.append((state, KNOWLEDGE_SCOPE))
        if workspace is not None:
            state = self._scope_state(workspace_collection(workspace))
            if state is None:
                raise WorkspaceError(
                    f"No workspace named {workspace!r}",
                    hint=f"create it with: advisor ingest FILES --workspace {workspace!r}",
                )
            states.append((state, workspace))
        k = k or self.settings.retrieval.top_k
        vector = self.embeddings.embed_query(query)
        passages: list[Passage] = []
        for state, label in states:
            passages.extend(self._search_scope(query, vector, state, label))
        passages.sort(key=lambda p: p.score, reverse=True)
        return _diversify(passages, k, per_source or self.settings.retrieval.max_per_source)

    def section(self, passage: Passage) -> list[SectionChunk]:
        """The stored chunks of the section `passage` sits in (its file's current version), in order:
        one store call."""
        knowledge = passage.scope == KNOWLEDGE_SCOPE
        state = self._scope_state(KNOWLEDGE_COLLECTION if knowledge else workspace_collection(passage.scope))
        entry = state.entries.get(passage.source) if state is not None else None
        if state is None or entry is None:
            return []
        got = state.collection.get(
            where={
                "$and": [
                    {"source": passage.source},
                    {"heading": passage.heading},
                    {"file_sha": entry.file_sha},
                ]
            },
            include=["documents", "metadatas"],
        )
        return [
            SectionChunk(chunk_id, int(meta.get("index", 0)), text)
            for chunk_id, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]

    def _scope_state(self, collection_name: str) -> _ScopeState | None:
        """What a search needs of a scope, or None when it does not exist. Warm, it costs one store
        call (the scope's generation token); the manifest, the collection handle and the count are
        read again only after a write to the scope changed the token."""
        token = ScopeIndex.generation(self.store, collection_name)
        with self._lock:
            cached = self._states.get(collection_name)
        if token is not None and cached is not None and cached.token == token:
            return cached
        if not self.store.has_collection(collection_name):
            return None
        scope = ScopeIndex(self.store, collection_name, self.embeddings)
        token = token or scope.current_generation()  # a scope last written before tokens existed
        entries = scope.entries()
        collection = self.store.collection(collection_name, create=False)
        state = _ScopeState(
            collection_name, token, entries, collection, scope.vouched_filter(collection, entries)
        )
        with self._lock:
            self._states[collection_name] = state
        return state

    def _search_scope(self, query: str, vector: list[float], state: _ScopeState, label: str) -> list[Passage]:
        if not state.entries:
            return []
        collection_name, where = state.name, state.where
        n = self.settings.retrieval.candidates
        got = state.collection.query(
            query_embeddings=np.asarray([vector], dtype=np.float32),
            n_results=n,
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        hits: dict[str, dict[str, Any]] = {}
        for rank, (cid, text, meta, distance) in enumerate(
            zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0], strict=True)
        ):
            hits[cid] = {"text": text, "meta": meta, "vector_rank": rank, "similarity": 1.0 - float(distance)}
        lexical = ScopeIndex(self.store, collection_name, self.embeddings).lexical(state.token, where)
        for rank, (position, score) in enumerate(lexical.search(expand_query(query), n)):
            cid, text, meta = lexical.record(position)
            hit = hits.setdefault(cid, {"text": text, "meta": meta})
            hit["lexical_rank"] = rank
            hit["bm25"] = score
        weights = self.settings.retrieval
        # Scopes are sorted together: a scope with a third ranking has its fused scores scaled back
        # to the two-ranking scale, so the knowledge base does not outrank a workspace by having one.
        scale = 1.0
        if label == KNOWLEDGE_SCOPE and self._rank_by_asks(vector, state, lexical, hits):
            two = weights.vector_weight + weights.lexical_weight
            scale = two / (two + weights.asks_weight) if two else 1.0
        passages = []
        for cid, hit in hits.items():
            meta = hit["meta"]
            if meta.get("scope") != collection_name:  # belt and braces: never serve another scope's chunk
                logger.error(
                    "chunk %s claims scope %s inside %s; dropped", cid, meta.get("scope"), collection_name
                )
                continue
            score = 0.0
            if "vector_rank" in hit:
                score += weights.vector_weight / (weights.rrf_k + hit["vector_rank"])
            if "lexical_rank" in hit:
                score += weights.lexical_weight / (weights.rrf_k + hit["lexical_rank"])
            if "asks_rank" in hit:
                score += weights.asks_weight / (weights.rrf_k + hit["asks_rank"])
            passages.append(
                Passage(
                    chunk_id=cid,
                    text=hit["text"],
                    source=str(meta["source"]),
                    title=str(meta["title"]),
                    heading=str(meta.get("heading", "")),
                    scope=label,
                    score=score * scale,
                    similarity=hit.get("similarity"),
                )
            )
        return passages

    def _rank_by_asks(
        self, vector: list[float], state: _ScopeState, lexical: LexicalIndex, hits: dict[str, dict[str, Any]]
    ) -> bool:
        """Give the best chunk of each section whose asks come closest an `asks_rank` (adding the
        section's first chunk to `hits` when neither the vectors nor BM25 found one of its chunks);
        False when there are no asks to rank by."""
        asks = self._loaded_asks()
        if asks is None or not self.settings.retrieval.asks_weight:
            return False
        chunks = self._chunks_of_sections(state, lexical, asks)
        for rank, key in enumerate(asks.rank_sections(vector, self.settings.retrieval.asks_sections)):
            found = [
                cid
                for cid, hit in hits.items()
                if key.holds(str(hit["meta"].get("source")), str(hit["meta"].get("heading", "")))
            ]
            if found:
                best = min(
                    found,
                    key=lambda cid: min(
                        hits[cid].get("vector_rank", 1e9), hits[cid].get("lexical_rank", 1e9)
                    ),
                )
            elif chunks.get(key):
                best, text, meta = chunks[key][0]
                hits[best] = {"text": text, "meta": meta}
            else:
                continue
            hits[best]["asks_rank"] = rank
        return True

    def _loaded_asks(self) -> Asks | None:
        with self._lock:
            if not self._asks_loaded:
                self._asks = load_asks(self.settings.knowledge_dir, self.embeddings)
                self._asks_loaded = True
            return self._asks

    def _chunks_of_sections(
        self, state: _ScopeState, lexical: LexicalIndex, asks: Asks
    ) -> dict[SectionKey, list[tuple[str, str, dict[str, Any]]]]:
        """The knowledge chunks of every section the asks name, read once per generation from the
        scope's BM25 records (no store call)."""
        cached = self._section_chunks
        if cached is not None and cached[0] == state.token:
            return cached[1]
        by_section: dict[SectionKey, list[tuple[str, str, dict[str, Any]]]] = {}
        records = sorted(
            (lexical.record(i) for i in range(lexical.size)), key=lambda r: int(r[2].get("index", 0))
        )
        for cid, text, meta in records:
            source, heading = str(meta.get("source")), str(meta.get("heading", ""))
            key = next((k for k in asks.sections if k.holds(source, heading)), None)
            if key is not None:
                by_section.setdefault(key, []).append((cid, text, meta))
        self._section_chunks = (state.token, by_section)
        return by_section


def _diversify(passages: list[Passage], k: int, max_per_source: int) -> list[Passage]:
    """The best `k` passages with at most `max_per_source` from one file (topped up if too few)."""
    taken: list[Passage] = []
    per_source: dict[tuple[str, str], int] = {}
    for passage in passages:
        key = (passage.scope, passage.source)
        if per_source.get(key, 0) < max_per_source:
            taken.append(passage)
            per_source[key] = per_source.get(key, 0) + 1
        if len(taken) == k:
            return taken
    return taken + [p for p in passages if p not in taken][: k - len(taken)]
