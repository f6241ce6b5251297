"""Hybrid search (vector + BM25, fused by reciprocal rank) over the knowledge base and one workspace.

Scoping is done here, in code: a query reads only the knowledge collection and the one workspace
collection it names, and every hit is checked to belong to the scope it was asked of. Only chunks
vouched for by the manifest (the current version of a file) are served. Each scope's BM25 index
is the one saved for its current generation when it was last written (`ScopeIndex.lexical`); only
a scope whose saved index is missing (written by an older version, or by a build that lost a race
with a write) has it built here, once. The vector query asks the store for ids and distances only:
a chunk's text and metadata come from that index (the same records), decoded only if it is served.
A warm search makes one store call per scope, its vector query, unless another write came in.
The knowledge scope has a third ranking: its sections by how close the query comes to leaders' own
phrasings of what they answer (`advisor.retrieval.asks`), with no store call.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, Field

from advisor.config import Settings
from advisor.errors import WorkspaceError
from advisor.retrieval.asks import Asks, SectionKey, load_asks
from advisor.retrieval.sections import SectionChunk
from advisor.retrieval.vocabulary import expand_query
from advisor.store.chroma import KNOWLEDGE_COLLECTION, Store, workspace_collection
from advisor.store.index import ManifestEntry, ScopeIndex
from advisor.store.lexical import LexicalIndex, query_terms

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
    view: str | None  # the store's view when the token was last checked (`Store.reading`)


@dataclass
class _Candidate:
    """A chunk of one scope found by either retriever, decoded only if it is served."""

    state: _ScopeState
    label: str
    lexical: LexicalIndex
    position: int
    vector_rank: int | None = None
    similarity: float | None = None
    lexical_rank: int | None = None
    asks_rank: int | None = None
    score: float = 0.0

    def passage(self) -> Passage | None:
        cid, text, meta = self.lexical.record(self.position)
        if meta.get("scope") != self.state.name:  # belt and braces: never serve another scope's chunk
            logger.error(
                "chunk %s claims scope %s inside %s; dropped", cid, meta.get("scope"), self.state.name
            )
            return None
        return Passage(
            chunk_id=cid,
            text=text,
            source=str(meta["source"]),
            title=str(meta["title"]),
            heading=str(meta.get("heading", "")),
            scope=self.label,
            score=self.score,
            similarity=self.similarity,
        )


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
        scopes = [(KNOWLEDGE_COLLECTION, KNOWLEDGE_SCOPE)] if knowledge else []
        if workspace is not None:
            scopes.append((workspace_collection(workspace), workspace))
        # Encoded before the store is held: a process waiting for the store need not wait for the model.
        vector = np.asarray([self.embeddings.embed_query(query)], dtype=np.float32)
        with self.store.reading() as view:  # one hold of the store for every call below
            states = self._scope_states([name for name, _ in scopes], view)
            if workspace is not None and states[-1] is None:
                raise WorkspaceError(
                    f"No workspace named {workspace!r}",
                    hint=f"create it with: advisor ingest FILES --workspace {workspace!r}",
                )
            found = [
                (state, label, self._vector_hits(vector, state))
                for state, (_, label) in zip(states, scopes, strict=True)
                if state is not None and state.entries
            ]
        terms = query_terms(expand_query(query))
        candidates = [
            c for state, label, hits in found for c in self._fuse(terms, hits, state, label, vector[0])
        ]
        candidates.sort(key=lambda c: c.score, reverse=True)
        return _diversify(
            candidates,
            k or self.settings.retrieval.top_k,
            per_source or self.settings.retrieval.max_per_source,
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
        tokens, and the manifest, collection handle and count of a scope are read again only when
        its token changed."""
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
                scope = ScopeIndex(self.store, name, self.embeddings)
                token = token or scope.current_generation()  # a scope last written before tokens existed
                entries = scope.entries()
                collection = self.store.collection(name, create=False)
                where = scope.vouched_filter(collection, entries)
                state = _ScopeState(name, token, entries, collection, where, view)
            else:
                states.append(None)
                continue
            with self._lock:
                self._states[name] = state
            states.append(state)
        return states

    def _vector_hits(self, vector: npt.NDArray[np.float32], state: _ScopeState) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the nearest chunks: ids and distances only (their texts
        come from the scope's lexical index; fetching them from the store tripled the call)."""
        got = state.collection.query(
            query_embeddings=vector,
            n_results=self.settings.retrieval.candidates,
            where=state.where,
            include=["distances"],
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(got["ids"][0], got["distances"][0], strict=True)]

    def _fuse(
        self,
        terms: list[str],
        vector_hits: list[tuple[str, float]],
        state: _ScopeState,
        label: str,
        vector: npt.NDArray[np.float32],
    ) -> list[_Candidate]:
        """The scope's candidates, scored by reciprocal rank fusion of the two rankings (three for the
        knowledge base: its sections ranked by the asks)."""
        lexical = ScopeIndex(self.store, state.name, self.embeddings).lexical(state.token, state.where)
        fused: dict[int, _Candidate] = {}
        positions = lexical.positions([cid for cid, _ in vector_hits])
        for rank, (position, (_, similarity)) in enumerate(zip(positions, vector_hits, strict=True)):
            if position is not None:  # else not of the generation read: a write has just landed
                fused[position] = _Candidate(state, label, lexical, position, rank, similarity)
        for rank, (position, _) in enumerate(lexical.search(terms, self.settings.retrieval.candidates)):
            fused.setdefault(position, _Candidate(state, label, lexical, position)).lexical_rank = rank
        weights = self.settings.retrieval
        # Scopes are sorted together: a scope with a third ranking has its fused scores scaled back
        # to the two-ranking scale, so the knowledge base does not outrank a workspace by having one.
        scale = 1.0
        if label == KNOWLEDGE_SCOPE and self._rank_by_asks(vector, state, label, lexical, fused):
            two = weights.vector_weight + weights.lexical_weight
            scale = two / (two + weights.asks_weight) if two else 1.0
        for candidate in fused.values():
            score = 0.0
            if candidate.vector_rank is not None:
                score += weights.vector_weight / (weights.rrf_k + candidate.vector_rank)
            if candidate.lexical_rank is not None:
                score += weights.lexical_weight / (weights.rrf_k + candidate.lexical_rank)
            if candidate.asks_rank is not None:
                score += weights.asks_weight / (weights.rrf_k + candidate.asks_rank)
            candidate.score = score * scale
        return list(fused.values())

    def _rank_by_asks(
        self,
        vector: npt.NDArray[np.float32],
        state: _ScopeState,
        label: str,
        lexical: LexicalIndex,
        fused: dict[int, _Candidate],
    ) -> bool:
        """Give the best candidate of each section whose asks come closest an `asks_rank` (adding
        the section's first chunk when neither retriever found one of its chunks); False when there
        are no asks to rank by."""
        asks = self._loaded_asks()
        if asks is None or not self.settings.retrieval.asks_weight:
            return False
        sections = self._positions_of_sections(state, lexical, asks)
        for rank, key in enumerate(asks.rank_sections(vector, self.settings.retrieval.asks_sections)):
            positions = sections.get(key, [])
            found = [fused[p] for p in positions if p in fused]
            if found:
                best = min(found, key=_best_rank)
            elif positions:
                best = fused[positions[0]] = _Candidate(state, label, lexical, positions[0])
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

    def _positions_of_sections(
        self, state: _ScopeState, lexical: LexicalIndex, asks: Asks
    ) -> dict[SectionKey, list[int]]:
        """The lexical positions of the chunks of every section the asks name, in reading order, read
        once per generation from the scope's BM25 records (no store call)."""
        cached = self._section_positions
        if cached is not None and cached[0] == state.token:
            return cached[1]
        found: dict[SectionKey, list[tuple[int, int]]] = {}
        for position in range(lexical.size):
            _, _, meta = lexical.record(position)
            source, heading = str(meta.get("source")), str(meta.get("heading", ""))
            key = next((k for k in asks.sections if k.holds(source, heading)), None)
            if key is not None:
                found.setdefault(key, []).append((int(meta.get("index", 0)), position))
        by_section = {key: [p for _, p in sorted(pairs)] for key, pairs in found.items()}
        self._section_positions = (state.token, by_section)
        return by_section


def _best_rank(candidate: _Candidate) -> int:
    ranks = [r for r in (candidate.vector_rank, candidate.lexical_rank) if r is not None]
    return min(ranks, default=10**9)


def _diversify(candidates: list[_Candidate], k: int, max_per_source: int) -> list[Passage]:
    """The best `k` passages with at most `max_per_source` from one file (topped up if too few),
    decoding candidates in order until they are found."""
    taken: list[Passage] = []
    passed: list[Passage] = []
    per_source: dict[tuple[str, str], int] = {}
    for candidate in candidates:
        passage = candidate.passage()
        if passage is None:
            continue
        key = (passage.scope, passage.source)
        if per_source.get(key, 0) < max_per_source:
            taken.append(passage)
            per_source[key] = per_source.get(key, 0) + 1
            if len(taken) == k:
                return taken
        else:
            passed.append(passage)
    return taken + passed[: k - len(taken)]
