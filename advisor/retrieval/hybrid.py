"""Hybrid search (vector + BM25, fused by reciprocal rank) over the knowledge base and one workspace.

Scoping is done here, in code: a query reads only the knowledge collection and the one workspace
collection it names, and every hit is checked to belong to the scope it was asked of. Only chunks
vouched for by the manifest (the current version of a file) are served. Each scope's BM25 index
is the one saved for its current generation when it was last written (`ScopeIndex.lexical`); only
a scope whose saved index is missing (written by an older version, or by a build that lost a race
with a write) has it built here, once. Chunk texts and metadata come from that index (the same
records), decoded only for the passages served.

The query's embedding is the longest step (one-thread ONNX, see `advisor.llm.embeddings`), so it
runs in a worker thread while this one ranks by BM25, which does not need it (ONNX Runtime and
numpy release the GIL). Vector search: exact, in memory, for a scope of at most
`exact_max_chunks` (the knowledge base; `advisor.retrieval.exact`), else one Chroma query asking
for ids and distances only. A warm search makes at most one store call per scope, none for small
ones, unless another write came in. The knowledge scope has a third ranking: its sections by how
close the query comes to leaders' own phrasings of what they answer (`advisor.retrieval.asks`).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt
from langchain_core.embeddings import Embeddings

from advisor.config import Settings
from advisor.errors import WorkspaceError
from advisor.retrieval import fusion
from advisor.retrieval.asks import Asks, SectionKey, load_asks
from advisor.retrieval.exact import ScopeVectors
from advisor.retrieval.passages import KNOWLEDGE_SCOPE, Passage
from advisor.retrieval.sections import SectionChunk
from advisor.retrieval.vocabulary import expand_query
from advisor.store.chroma import KNOWLEDGE_COLLECTION, Store, workspace_collection
from advisor.store.index import ManifestEntry, ScopeIndex
from advisor.store.lexical import LexicalIndex, query_terms

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _ScopeState:
    """What a search needs of one scope at one generation (read again when the token changes)."""

    name: str
    token: str
    entries: dict[str, ManifestEntry]
    collection: Any
    where: dict[str, Any] | None
    view: str | None  # the store's view when the token was last checked (`Store.reading`)
    lexical: LexicalIndex
    vectors: ScopeVectors | None  # for exact search; None: ask Chroma


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
        # knowledge generation token → the lexical positions of each asked-about section, in order
        self._section_positions: tuple[str, dict[SectionKey, list[int]]] | None = None
        self._pool: tuple[int, ThreadPoolExecutor] | None = None  # (pid, the query embedders)

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
        `per_source` from one file (default: the settings, `max_per_topic` for a knowledge topic)."""
        scopes = [(KNOWLEDGE_COLLECTION, KNOWLEDGE_SCOPE)] if knowledge else []
        if workspace is not None:
            scopes.append((workspace_collection(workspace), workspace))
        # Started before the store is held: a process waiting for the store need not wait for the model.
        embedding = self._embed(query)
        terms = query_terms(expand_query(query))
        n = self.settings.retrieval.candidates
        # One hold of the store for every call below; it spans what is left of the embedding (a few ms).
        with self.store.reading() as view:
            states = self._scope_states([name for name, _ in scopes], view)
            if workspace is not None and states[-1] is None:
                raise WorkspaceError(
                    f"No workspace named {workspace!r}",
                    hint=f"create it with: advisor ingest FILES --workspace {workspace!r}",
                )
            live = [
                (state, label)
                for state, (_, label) in zip(states, scopes, strict=True)
                if state is not None and state.entries
            ]
            lexical_hits = [[p for p, _ in state.lexical.search(terms, n)] for state, _ in live]
            vector = np.asarray(embedding.result(), dtype=np.float32)
            vector_hits = [self._vector_hits(vector, state) for state, _ in live]
        candidates: list[fusion.Candidate] = []
        for (state, label), by_vector, by_words in zip(live, vector_hits, lexical_hits, strict=True):
            found = fusion.candidates(state.name, label, state.lexical, by_vector, by_words)
            with_asks = label == KNOWLEDGE_SCOPE and self._rank_by_asks(vector, state, label, found)
            fusion.score(found.values(), self.settings.retrieval, with_asks=with_asks)
            candidates.extend(found.values())
        candidates.sort(key=lambda c: c.score, reverse=True)
        settings = self.settings.retrieval
        return fusion.diversify(
            candidates,
            k or settings.top_k,
            per_source or settings.max_per_source,
            per_topic=per_source or settings.max_per_topic,
        )

    def section(self, passage: Passage) -> list[SectionChunk]:
        """The stored chunks of the section `passage` sits in (its file's current version), in order:
        one store call."""
        knowledge = passage.scope == KNOWLEDGE_SCOPE
        name = KNOWLEDGE_COLLECTION if knowledge else workspace_collection(passage.scope)
        with self.store.reading() as view:
            (state,) = self._scope_states([name], view)
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

    def _scope_states(self, names: list[str], view: str | None) -> list[_ScopeState | None]:
        """What a search needs of each scope, or None for one that does not exist (call while
        holding the store). No store call when no advisor process has written to the store since
        the scopes were last checked (`view` is unchanged); else one call for their generation
        tokens, and the manifest, collection handle, count, BM25 index and (for a small scope) vectors
        of a scope are read again only when its token changed."""
        with self._lock:
            cached = [self._states.get(name) for name in names]
        if view is not None and all(s is not None and s.view == view for s in cached):
            return cached
        tokens = ScopeIndex.generations(self.store, names)
        states: list[_ScopeState | None] = []
        for name, state in zip(names, cached, strict=True):
            token = tokens.get(name)
            if token is not None and state is not None and state.token == token:
                state = replace(state, view=view)
            elif self.store.has_collection(name):
                state = self._read_scope(name, token, view)
            else:
                states.append(None)
                continue
            with self._lock:
                self._states[name] = state
            states.append(state)
        return states

    def _read_scope(self, name: str, token: str | None, view: str | None) -> _ScopeState:
        """What a search needs of an existing scope, read afresh (call while holding the store)."""
        scope = ScopeIndex(self.store, name, self.embeddings)
        token = token or scope.current_generation()  # a scope last written before tokens existed
        entries = scope.entries()
        collection = self.store.collection(name, create=False)
        where = scope.vouched_filter(collection, entries)
        lexical = scope.lexical(token, where)
        vectors = None
        if 0 < lexical.size <= self.settings.retrieval.exact_max_chunks:
            vectors = ScopeVectors.load(self.store, collection, where, lexical)
            asks = self._loaded_asks()
            if asks is not None:  # the scope's hubs, measured against leaders' asks
                vectors = vectors.with_hubness(asks.vectors, self.settings.retrieval.hub_penalty)
        return _ScopeState(name, token, entries, collection, where, view, lexical, vectors)

    def _embed(self, query: str) -> Future[list[float]]:
        """The query's embedding, computed in a worker thread."""
        with self._lock:
            if self._pool is None or self._pool[0] != os.getpid():  # threads do not survive a fork
                self._pool = (os.getpid(), ThreadPoolExecutor(4, thread_name_prefix="advisor-query"))
            pool = self._pool[1]
        embedding = pool.submit(self.embeddings.embed_query, query)
        # Let the worker take the GIL now: it holds it only until ONNX Runtime starts, where this
        # thread would otherwise keep it through its BM25 work (up to the 5 ms switch interval).
        time.sleep(0)
        return embedding

    def _vector_hits(
        self, vector: npt.NDArray[np.float32], state: _ScopeState
    ) -> list[tuple[int | None, float]]:
        """(record position, cosine similarity) of the nearest chunks, nearest first; the position is
        None for a chunk the scope's BM25 records do not hold (a write has just landed). From
        Chroma, ids and distances only: fetching the texts there too tripled the call."""
        n = self.settings.retrieval.candidates
        if state.vectors is not None:
            return state.vectors.nearest(vector, n)
        got = state.collection.query(
            query_embeddings=vector[None, :], n_results=n, where=state.where, include=["distances"]
        )
        positions = state.lexical.positions(got["ids"][0])
        return [(p, 1.0 - float(d)) for p, d in zip(positions, got["distances"][0], strict=True)]

    def _rank_by_asks(
        self,
        vector: npt.NDArray[np.float32],
        state: _ScopeState,
        label: str,
        fused: dict[int, fusion.Candidate],
    ) -> bool:
        """Give the best candidate of each section whose asks come closest an `asks_rank` (adding
        the section's first chunk when neither retriever found one of its chunks); False when there
        are no asks to rank by."""
        asks = self._loaded_asks()
        if asks is None or not self.settings.retrieval.asks_weight:
            return False
        sections = self._positions_of_sections(state, asks)
        for rank, key in enumerate(asks.rank_sections(vector, self.settings.retrieval.asks_sections)):
            positions = sections.get(key, [])
            found = [fused[p] for p in positions if p in fused]
            if found:
                best = min(found, key=fusion.Candidate.best_rank)
            elif positions:
                best = fused[positions[0]] = fusion.Candidate(state.name, label, state.lexical, positions[0])
            else:
                continue
            best.asks_rank = rank
        return True

    def _loaded_asks(self) -> Asks | None:
        with self._lock:
            if not self._asks_loaded:
                self._asks = load_asks(self.settings.knowledge_dir, self.embeddings)
                self._asks_loaded = True
            return self._asks

    def _positions_of_sections(self, state: _ScopeState, asks: Asks) -> dict[SectionKey, list[int]]:
        """The lexical positions of the chunks of every section the asks name, in reading order, read
        once per generation from the scope's BM25 records (no store call)."""
        cached = self._section_positions
        if cached is not None and cached[0] == state.token:
            return cached[1]
        found: dict[SectionKey, list[tuple[int, int]]] = {}
        for position in range(state.lexical.size):
            _, _, meta = state.lexical.record(position)
            source, heading = str(meta.get("source")), str(meta.get("heading", ""))
            key = next((k for k in asks.sections if k.holds(source, heading)), None)
            if key is not None:
                found.setdefault(key, []).append((int(meta.get("index", 0)), position))
        by_section = {key: [p for _, p in sorted(pairs)] for key, pairs in found.items()}
        self._section_positions = (state.token, by_section)
        return by_section
