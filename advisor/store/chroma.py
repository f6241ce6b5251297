"""The Chroma vector store: embedded (`PersistentClient`) by default, a `chroma run` server when
`ADVISOR_CHROMA_URL` is set.

One collection per scope: `advisor-knowledge` for the curated guidance, `ws-<slug>` per coalition
workspace, so one workspace's chunks can never come back from another's query and deleting a
workspace drops everything it had. A small `advisor-manifest` collection records which files each
scope holds (source, content hash, chunk count): it is the commit record of an ingest, kept in the
same store so that embedded and server mode behave alike. We always pass our own embeddings, so
Chroma's default embedding function (which downloads a model) is never used.

The embedded store is shared between processes (the CLI beside the web app) through a lock held
around each use (`store_guard`, `store_lock`); a server needs none.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np
import numpy.typing as npt

from advisor.config import Settings
from advisor.errors import DISK_FULL_HINT, StoreError, is_disk_full
from advisor.store.guard import GuardedClient, guarded_client
from advisor.store.lexical import LexicalStore
from advisor.store.names import workspace_slug

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

logger = logging.getLogger(__name__)

KNOWLEDGE_COLLECTION = "advisor-knowledge"
MANIFEST_COLLECTION = "advisor-manifest"
WORKSPACE_PREFIX = "ws-"


def workspace_collection(name: str) -> str:
    return WORKSPACE_PREFIX + workspace_slug(name)


class Store:
    """Chroma client plus the advisor's collections. Build once, reuse."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def client(self) -> ClientAPI:
        import chromadb
        from chromadb.config import Settings as ClientSettings

        chroma_settings = ClientSettings(anonymized_telemetry=False)
        url = self.settings.chroma.url
        try:
            if url:
                parsed = urlparse(url if "://" in url else f"http://{url}")
                client = chromadb.HttpClient(
                    host=parsed.hostname or "127.0.0.1",
                    port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https",
                    settings=chroma_settings,
                )
                client.heartbeat()
                _use_database(client, self.settings.chroma.database)
                return client
            self.settings.chroma_path.mkdir(parents=True, exist_ok=True)
            return guarded_client(
                self.settings.chroma_path, chroma_settings, wait_s=self.settings.chroma.lock_wait_s
            )
        except StoreError:
            raise
        except Exception as exc:
            where = url or str(self.settings.chroma_path)
            hint = "is `chroma run` up at ADVISOR_CHROMA_URL?" if url else "check ADVISOR_HOME is writable"
            raise StoreError(
                f"Cannot open the Chroma store at {where}: {exc}",
                hint=DISK_FULL_HINT if is_disk_full(exc) else hint,
            ) from exc

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the embedded store for several calls that other processes must see all or none of
        (a file's chunks, manifest entry and clean-up). A no-op with a server."""
        client = self.client
        if isinstance(client, GuardedClient):
            with client.writing():
                yield
        else:
            yield

    @contextmanager
    def reading(self) -> Iterator[str | None]:
        """Hold the embedded store for several reads. Yields its view: a token that changes whenever
        any advisor process writes to the store, so what was read under the same view is still
        current (None with a server, or inside a write: then ask the store)."""
        client = self.client
        if isinstance(client, GuardedClient):
            with client.reading() as view:
                yield view
        else:
            yield None

    @cached_property
    def lexical(self) -> LexicalStore:
        """Where the scopes' BM25 indexes are saved (beside the store, by database)."""
        return LexicalStore(self.settings.home / "lexical" / self.settings.chroma.database)

    @property
    def mode(self) -> str:
        return f"server {self.settings.chroma.url}" if self.settings.chroma.url else "embedded"

    def collection(
        self, name: str, *, create: bool = True, metadata: dict[str, Any] | None = None
    ) -> Collection:
        if create:
            meta = {"created_at": _now(), **(metadata or {})}
            return self.client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}, metadata=meta
            )
        return self.client.get_collection(name, embedding_function=None)

    def has_collection(self, name: str) -> bool:
        from chromadb.errors import NotFoundError

        try:
            self.client.get_collection(name, embedding_function=None)
        except NotFoundError:
            return False
        return True

    def collection_names(self) -> list[str]:
        return sorted(c.name for c in self.client.list_collections())

    def delete_collection(self, name: str) -> None:
        self.client.delete_collection(name)

    @cached_property
    def manifest(self) -> Collection:
        return self.collection(MANIFEST_COLLECTION)

    def add(
        self,
        collection: Collection,
        ids: Sequence[str],
        embeddings: Sequence[Sequence[float]],
        documents: Sequence[str],
        metadatas: Sequence[dict[str, Any]],
    ) -> None:
        """Upsert in batches no larger than the server accepts."""
        batch = min(self.settings.chroma.batch_size, self.client.get_max_batch_size())
        for start in range(0, len(ids), batch):
            end = start + batch
            collection.upsert(
                ids=list(ids[start:end]),
                embeddings=np.asarray(embeddings[start:end], dtype=np.float32),
                documents=list(documents[start:end]),
                metadatas=list(metadatas[start:end]),
            )

    def get_all(
        self,
        collection: Collection,
        *,
        include: list[str],
        where: dict[str, Any] | None = None,
        page: int = 5000,
    ) -> tuple[list[str], list[str], list[dict[str, Any]]]:
        """Every record's id, document and metadata, fetched in pages (one large `get` overflows
        SQLite's variable limit at around 100k records)."""
        ids: list[str] = []
        documents: list[str] = []
        metadatas: list[dict[str, Any]] = []
        for got in _pages(collection, include, where, page):
            ids.extend(got["ids"])
            documents.extend(got["documents"] or [])
            metadatas.extend(dict(m) for m in got["metadatas"] or [])
        return ids, documents, metadatas

    def get_vectors(
        self, collection: Collection, *, where: dict[str, Any] | None = None, page: int = 5000
    ) -> tuple[list[str], npt.NDArray[np.float32]]:
        """Every record's id and embedding (as the rows of a float32 matrix), fetched in pages."""
        ids: list[str] = []
        blocks: list[npt.NDArray[np.float32]] = []
        for got in _pages(collection, ["embeddings"], where, page):
            if got["ids"]:
                ids.extend(got["ids"])
                blocks.append(np.asarray(got["embeddings"], dtype=np.float32))
        vectors = np.concatenate(blocks) if blocks else np.zeros((0, 0), dtype=np.float32)
        return ids, vectors

    def delete_ids(self, collection: Collection, ids: Sequence[str]) -> None:
        batch = self.client.get_max_batch_size()
        for start in range(0, len(ids), batch):
            collection.delete(ids=list(ids[start : start + batch]))


def _pages(
    collection: Collection, include: list[str], where: dict[str, Any] | None, page: int
) -> Iterator[Any]:
    """The records `where` selects, `page` at a time, as `get` returns them."""
    offset = 0
    while True:
        got = collection.get(where=where, include=include, limit=page, offset=offset)  # type: ignore[arg-type]
        yield got
        if len(got["ids"]) < page:
            return
        offset += page


def _use_database(client: ClientAPI, database: str) -> None:
    """Point a server client at `database`, creating it on first use."""
    import chromadb
    from chromadb.config import DEFAULT_DATABASE
    from chromadb.errors import NotFoundError

    if database == DEFAULT_DATABASE:
        return
    admin = chromadb.AdminClient(client.get_settings())
    try:
        admin.get_database(database)
    except NotFoundError:
        admin.create_database(database)
    client.set_database(database)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
