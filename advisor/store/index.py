"""One scope's index (the knowledge base or one workspace): write, replace and remove documents.

Writes are ordered so that a failure leaves the index as it was: embeddings are computed before
anything is written; the new chunks are added, then the manifest entry (the commit record) is
written, and only then are the previous version's chunks deleted. A write that fails is rolled
back, and chunks that no manifest entry vouches for (left by a killed process) are never served
by retrieval and are swept on the next ingest. Each write, removal and sweep holds the store
(`Store.writing`), so another advisor process sees it whole or not at all. When an ingest or a
removal has finished, the scope's BM25 index is built for its new generation and saved beside the
store (`refresh_lexical`), so no query has to build it.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from advisor.documents.chunking import Chunk
from advisor.documents.read import Document
from advisor.errors import StoreError
from advisor.store.chroma import Store
from advisor.store.lexical import LexicalIndex

logger = logging.getLogger(__name__)
# The key naming a manifest entry's scope. Chunks carry "scope"; a key of its own keeps the manifest
# lookup from scanning every chunk's metadata (40 ms at 100k chunks in the embedded store).
MANIFEST_KEY = "manifest_of"
# Each scope has a generation record in the manifest, replaced by every write, removal and sweep:
# a reader that finds the same token may reuse what it read of the scope (one call instead of four).
GENERATION_KEY = "generation_of"


@dataclass(frozen=True)
class ManifestEntry:
    """What the index holds of one source file."""

    source: str
    file_sha: str
    chunk_count: int
    title: str
    ingested_at: str


@dataclass(frozen=True)
class Pending:
    """A document ready to be written: its chunks, their vectors and extra chunk metadata."""

    document: Document
    chunks: list[Chunk]
    extra: dict[str, Any]
    vectors: list[list[float]]


class ScopeIndex:
    """The chunks and manifest of one collection."""

    def __init__(self, store: Store, collection_name: str, embeddings: Embeddings) -> None:
        self.store = store
        self.name = collection_name
        self.embeddings = embeddings

    def entries(self) -> dict[str, ManifestEntry]:
        """Manifest entries of this scope, by source."""
        got = self.store.manifest.get(where={MANIFEST_KEY: self.name}, include=["metadatas"])
        entries = {}
        for meta in got["metadatas"] or []:
            entry = ManifestEntry(
                source=str(meta["source"]),
                file_sha=str(meta["file_sha"]),
                chunk_count=int(meta["chunk_count"]),  # type: ignore[arg-type]
                title=str(meta["title"]),
                ingested_at=str(meta["ingested_at"]),
            )
            entries[entry.source] = entry
        return entries

    @staticmethod
    def generation(store: Store, collection_name: str) -> str | None:
        """The scope's current generation token (None for a scope never written since tokens began)."""
        got = store.manifest.get(ids=[_generation_id(collection_name)], include=["metadatas"])
        metadatas = got["metadatas"] or []
        return str(metadatas[0]["token"]) if metadatas else None

    @staticmethod
    def generations(store: Store, collection_names: list[str]) -> dict[str, str]:
        """The current generation token of each scope that has one, in one store call."""
        got = store.manifest.get(ids=[_generation_id(n) for n in collection_names], include=["metadatas"])
        return {str(m[GENERATION_KEY]): str(m["token"]) for m in got["metadatas"] or []}

    def current_generation(self) -> str:
        """The scope's generation token, giving the scope one first if it was last written before
        tokens existed (so that what is read of it can be reused until the next write)."""
        token = self.generation(self.store, self.name)
        if token is None:
            with self.store.writing():
                token = self.generation(self.store, self.name) or self.bump_generation()
        return token

    def bump_generation(self) -> str:
        """Tell readers that what they read of this scope is stale (called while writing); returns
        the new token."""
        token = uuid.uuid4().hex
        self.store.manifest.upsert(
            ids=[_generation_id(self.name)],
            embeddings=np.ones((1, 1), dtype=np.float32),
            documents=[self.name],
            metadatas=[{GENERATION_KEY: self.name, "token": token}],
        )
        return token

    def vouched_filter(self, collection: Any, entries: dict[str, ManifestEntry]) -> dict[str, Any] | None:
        """The `where` that keeps only chunks the manifest vouches for; None when the collection holds
        exactly those (the normal case), otherwise an interrupted ingest left chunks behind."""
        if collection.count() == sum(e.chunk_count for e in entries.values()):
            return None
        return {"file_sha": {"$in": sorted({e.file_sha for e in entries.values()})}}

    def lexical(self, token: str, where: dict[str, Any] | None = None) -> LexicalIndex:
        """The BM25 index of the scope at generation `token`: the saved one, or one built from the
        collection now (and saved, if no write changed the scope while it was read)."""
        saved = self.store.lexical.get(self.name, token)
        if saved is not None:
            return saved
        started = time.perf_counter()
        collection = self.store.collection(self.name, create=False)
        ids, texts, metadatas = self.store.get_all(
            collection, include=["documents", "metadatas"], where=where
        )
        index = LexicalIndex.build(ids, texts, metadatas)
        if self.generation(self.store, self.name) == token:
            self.store.lexical.put(self.name, token, index)
        logger.info(
            "%s: BM25 index of %d chunks built in %.1f s",
            self.name,
            index.size,
            time.perf_counter() - started,
        )
        return index

    def refresh_lexical(self) -> None:
        """Build and save the BM25 index of the scope as it is now, unless it is saved already
        (called when an ingest or a removal has finished)."""
        if not self.store.has_collection(self.name):
            return
        token = self.current_generation()
        if self.store.lexical.get(self.name, token) is not None:
            return
        collection = self.store.collection(self.name, create=False)
        self.lexical(token, self.vouched_filter(collection, self.entries()))

    def write(
        self,
        document: Document,
        chunks: list[Chunk],
        extra: dict[str, Any] | None = None,
        *,
        vectors: list[list[float]] | None = None,
    ) -> None:
        """Add or replace `document` (embedding its chunks unless `vectors` are given); on any failure
        the scope is left as it was."""
        if vectors is None:
            vectors = self.embeddings.embed_documents([c.embedding_text for c in chunks])
        self.write_many([Pending(document, chunks, extra or {}, vectors)])

    def write_many(self, pending: list[Pending]) -> None:
        """Add or replace several documents at once, all or none: on any failure the scope is left as
        it was. One store call per step for all of them (each embedded write costs ~40 ms of
        commit, so a file at a time made small files ingest at a fraction of the model's speed)."""
        if pending:
            with self.store.writing():
                self._write(pending)

    def _write(self, pending: list[Pending]) -> None:
        known = self.entries()
        collection = self.store.collection(self.name)
        # Before the first chunk lands: a reader that then finds chunks no manifest entry vouches for
        # (a write in progress, or one killed midway) re-reads the scope and filters them out.
        self.bump_generation()
        chunks = [c for item in pending for c in item.chunks]
        ids = [c.id for c in chunks]
        metadatas = [_chunk_metadata(self.name, c, item.extra) for item in pending for c in item.chunks]
        vectors = [v for item in pending for v in item.vectors]
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            self.store.add(collection, ids, vectors, [c.text for c in chunks], metadatas)
            # The commit record of every document at once; the manifest is looked up by id, never by vector.
            self.store.manifest.upsert(
                ids=[self._manifest_id(item.document.source) for item in pending],
                embeddings=np.ones((len(pending), 1), dtype=np.float32),
                documents=[item.document.source for item in pending],
                metadatas=[_manifest_metadata(self.name, item, now) for item in pending],
            )
        except Exception as exc:
            self._rollback(collection, ids)
            sources = ", ".join(item.document.source for item in pending)
            raise StoreError(f"{sources}: could not be written to the index: {exc}") from exc
        for item in pending:
            previous = known.get(item.document.source)
            if previous and previous.file_sha != item.document.sha256:
                source, sha = item.document.source, previous.file_sha
                collection.delete(where={"$and": [{"source": source}, {"file_sha": sha}]})
        self.bump_generation()

    def remove(self, source: str) -> None:
        """Forget a source: its manifest entry first (so it stops being served), then its chunks."""
        with self.store.writing():
            self.store.manifest.delete(ids=[self._manifest_id(source)])
            if self.store.has_collection(self.name):
                self.store.collection(self.name).delete(where={"source": source})
            self.bump_generation()
        self.refresh_lexical()

    def sweep_orphans(self) -> int:
        """Delete chunks that no manifest entry vouches for (left by an interrupted ingest)."""
        with self.store.reading():  # the usual case, nothing to sweep, is found without a write:
            if not self._may_hold_orphans():  # a write makes every other process reopen the store
                return 0
        with self.store.writing():  # another process's write in between would look like orphans
            return self._sweep_orphans()

    def _may_hold_orphans(self) -> bool:
        if not self.store.has_collection(self.name):
            return False
        return self.vouched_filter(self.store.collection(self.name, create=False), self.entries()) is not None

    def _sweep_orphans(self) -> int:
        if not self.store.has_collection(self.name):
            return 0
        entries = self.entries()
        valid = {(e.source, e.file_sha) for e in entries.values()}
        collection = self.store.collection(self.name)
        if self.vouched_filter(collection, entries) is None:
            return 0  # the usual case: the collection holds exactly what the manifest vouches for
        ids, _, metadatas = self.store.get_all(collection, include=["metadatas"])
        orphans = [
            cid
            for cid, meta in zip(ids, metadatas, strict=True)
            if (meta.get("source"), meta.get("file_sha")) not in valid
        ]
        if orphans:
            logger.warning("%s: removing %d chunks left by an interrupted ingest", self.name, len(orphans))
            self.store.delete_ids(collection, orphans)
            self.bump_generation()
        return len(orphans)

    def _rollback(self, collection: Any, ids: list[str]) -> None:
        try:
            self.store.delete_ids(collection, ids)
        except Exception:  # the sweep on the next ingest removes anything left
            logger.exception("rollback of %d chunks in %s failed", len(ids), self.name)

    def _manifest_id(self, source: str) -> str:
        return f"{self.name}::{source}"


def _generation_id(collection_name: str) -> str:
    return f"{collection_name}::#generation"


def _manifest_metadata(scope: str, item: Pending, now: str) -> dict[str, Any]:
    return {
        MANIFEST_KEY: scope,
        "source": item.document.source,
        "file_sha": item.document.sha256,
        "chunk_count": len(item.chunks),
        "title": item.document.title,
        "ingested_at": now,
    }


def _chunk_metadata(scope: str, chunk: Chunk, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "scope": scope,
        "source": chunk.source,
        "title": chunk.title,
        "heading": chunk.heading,
        "index": chunk.index,
        "file_sha": chunk.file_sha,
        **extra,
    }
