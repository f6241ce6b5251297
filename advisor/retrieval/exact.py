"""Exact nearest neighbours of a query among a small scope's chunks, in memory.

For a scope of a few thousand chunks, one product of the query with the scope's unit vectors is
faster than a Chroma query (about 0.1 ms against 1.5-2 ms for the 205-chunk knowledge base: a
query's cost there is mostly fixed, its Python layer and the store round trip) and exact where
HNSW is approximate. The vectors are read from the store once per generation of the scope, in the
order of the scope's BM25 records, so a hit is a record position with no id lookup; the retriever
keeps them with the rest of what it read of that generation and drops them with it when a write
changes the token. Larger scopes keep Chroma's HNSW index: a product over 100k vectors (150 MB)
is memory-bound, tens of milliseconds here.

The product is `np.einsum`, not `@`: OpenBLAS spreads a matrix-vector product of a few thousand
rows over its threads, and on a shared 2-core machine they spin against other work (p95 30-50 ms
at 2-5k rows under load, against about 1 ms for einsum's single-threaded loop); capping the
threads per call (threadpoolctl) costs more than the product.

Hubs: in a small, dense knowledge base a few passages are close to almost any question (a section
of general advice), and crowd out the one that answers. `with_hubness` gives each row a penalty, its
mean similarity to its nearest rows of a sample of real questions (the leaders' asks), and
`nearest` ranks by similarity minus that penalty (cross-domain similarity local scaling, Conneau et
al. 2018, with the query's own term dropped: it is the same for every row). Similarities reported
stay the plain cosines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from advisor.store.chroma import Store
from advisor.store.lexical import LexicalIndex


@dataclass(frozen=True)
class ScopeVectors:
    """A scope's chunk vectors as unit rows, with the BM25 record position of each row."""

    rows: npt.NDArray[np.float32]
    positions: npt.NDArray[np.int64]
    penalty: npt.NDArray[np.float32] | None = None  # per row, subtracted before ranking (hubs)

    @classmethod
    def load(
        cls, store: Store, collection: Any, where: dict[str, Any] | None, lexical: LexicalIndex
    ) -> ScopeVectors:
        """The vectors of the chunks `where` selects (the manifest's), one paged store call; a chunk
        the BM25 index of the same generation does not hold is left out, as a vector hit on it
        would be."""
        ids, vectors = store.get_vectors(collection, where=where)
        found = lexical.positions(ids)
        keep = [i for i, position in enumerate(found) if position is not None]
        positions = np.asarray([found[i] for i in keep], dtype=np.int64)
        order = np.argsort(positions, kind="stable")  # rows in record order: ties go to the earlier
        rows = vectors[np.asarray(keep, dtype=np.intp)[order]] if keep else vectors[:0]
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return cls(np.ascontiguousarray(rows / np.maximum(norms, 1e-12), dtype=np.float32), positions[order])

    @property
    def size(self) -> int:
        return len(self.positions)

    def with_hubness(
        self, sample: npt.NDArray[np.float32], weight: float, neighbours: int = 10
    ) -> ScopeVectors:
        """These vectors, ranked with each row held back by `weight` times its mean similarity to
        its `neighbours` nearest rows of `sample` (unit vectors of typical queries)."""
        if not weight or not len(sample) or not self.size:
            return self
        similarity = self.rows @ np.ascontiguousarray(sample, dtype=np.float32).T
        k = min(neighbours, similarity.shape[1])
        nearest = np.partition(similarity, similarity.shape[1] - k, axis=1)[:, -k:]
        penalty = (weight * nearest.mean(axis=1)).astype(np.float32)
        return ScopeVectors(self.rows, self.positions, penalty)

    def nearest(self, query: npt.NDArray[np.float32], n: int) -> list[tuple[int | None, float]]:
        """(record position, cosine similarity) of the `n` rows closest to the unit vector `query`,
        closest first (less their penalty, if they have one)."""
        k = min(n, self.size)
        if k <= 0:
            return []
        similarity = np.einsum("ij,j->i", self.rows, np.asarray(query, dtype=np.float32))
        ranked = similarity if self.penalty is None else similarity - self.penalty
        top = np.argpartition(-ranked, k - 1)[:k] if k < self.size else np.arange(self.size)
        top = top[np.lexsort((top, -ranked[top]))]
        return [(int(self.positions[i]), float(similarity[i])) for i in top]
