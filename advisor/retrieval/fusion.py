"""Reciprocal rank fusion of one scope's rankings, and the cap on passages served from one file.

A scope's candidates come from two rankings (its vector hits and its BM25 hits) and, for the
knowledge base, a third (its sections ranked by leaders' asks, `advisor.retrieval.asks`). A
candidate's score is the weighted sum of 1 / (rrf_k + rank) over the rankings that found it.
Candidates are records of the scope's BM25 index, decoded into passages only when served.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from advisor.config import RetrievalSettings
from advisor.retrieval.passages import KNOWLEDGE_SCOPE, Passage
from advisor.store.lexical import LexicalIndex

logger = logging.getLogger(__name__)


@dataclass
class Candidate:
    """A chunk of one scope found by any ranking, decoded only if it is served."""

    scope: str  # the scope's collection: a chunk must say it belongs to it
    label: str  # the scope as passages name it
    lexical: LexicalIndex
    position: int
    vector_rank: int | None = None
    similarity: float | None = None
    lexical_rank: int | None = None
    asks_rank: int | None = None
    score: float = 0.0

    def best_rank(self) -> int:
        """The better of its vector and BM25 ranks (a large number for neither)."""
        ranks = [r for r in (self.vector_rank, self.lexical_rank) if r is not None]
        return min(ranks, default=10**9)

    def passage(self) -> Passage | None:
        cid, text, meta = self.lexical.record(self.position)
        if meta.get("scope") != self.scope:  # belt and braces: never serve another scope's chunk
            logger.error("chunk %s claims scope %s inside %s; dropped", cid, meta.get("scope"), self.scope)
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


def candidates(
    scope: str,
    label: str,
    lexical: LexicalIndex,
    vector_hits: Sequence[tuple[int | None, float]],
    lexical_hits: Sequence[int],
) -> dict[int, Candidate]:
    """The scope's candidates by record position, with their vector and BM25 ranks. A vector hit
    with no position (not of the generation read: a write has just landed) keeps its rank slot."""
    found: dict[int, Candidate] = {}
    for rank, (position, similarity) in enumerate(vector_hits):
        if position is not None:
            found[position] = Candidate(scope, label, lexical, position, rank, similarity)
    for rank, position in enumerate(lexical_hits):
        found.setdefault(position, Candidate(scope, label, lexical, position)).lexical_rank = rank
    return found


def score(found: Iterable[Candidate], weights: RetrievalSettings, *, with_asks: bool) -> None:
    """Set each candidate's fused score. Scopes are sorted together: a scope ranked by the asks too
    has its scores scaled back to the two-ranking scale, so the knowledge base does not outrank a
    workspace by having a third ranking."""
    scale = 1.0
    if with_asks:
        two = weights.vector_weight + weights.lexical_weight
        scale = two / (two + weights.asks_weight) if two else 1.0
    for candidate in found:
        total = 0.0
        if candidate.vector_rank is not None:
            total += weights.vector_weight / (weights.rrf_k + candidate.vector_rank)
        if candidate.lexical_rank is not None:
            total += weights.lexical_weight / (weights.rrf_k + candidate.lexical_rank)
        if candidate.asks_rank is not None:
            total += weights.asks_weight / (weights.rrf_k + candidate.asks_rank)
        candidate.score = total * scale


def diversify(
    candidates: list[Candidate], k: int, max_per_source: int, *, per_topic: int | None = None
) -> list[Passage]:
    """The best `k` passages of `candidates` (sorted best first) with at most `max_per_source`
    from one file, `per_topic` from one knowledge topic (topped up if too few), decoding candidates
    in order until they are found."""
    taken: list[Passage] = []
    passed: list[Passage] = []
    per_source: dict[tuple[str, str], int] = {}
    for candidate in candidates:
        passage = candidate.passage()
        if passage is None:
            continue
        key = (passage.scope, passage.source)
        cap = per_topic if per_topic is not None and passage.scope == KNOWLEDGE_SCOPE else max_per_source
        if per_source.get(key, 0) < cap:
            taken.append(passage)
            per_source[key] = per_source.get(key, 0) + 1
            if len(taken) == k:
                return taken
        else:
            passed.append(passage)
    return taken + passed[: k - len(taken)]
