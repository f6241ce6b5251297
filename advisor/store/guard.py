"""The embedded Chroma client, used only under the store lock (see `store_lock` for why).

`guarded_client` returns what `Store.client` hands out in embedded mode: a stand-in for Chroma's
client whose every call, and every call on the collections it returns, holds the process's lock on
the store for that call. One real client per store path per process sits behind all of them; when
the lock reports that another process changed the store, it is closed and a fresh one opened before
the call, so no process ever serves or writes from a stale view. Collections are looked up by name
through the current client at each call, so none outlives a reopen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from advisor.store.lock import StoreLock, store_lock

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from chromadb.config import Settings as ClientSettings

logger = logging.getLogger(__name__)
_CLIENT_WRITES = frozenset({"create_collection", "get_or_create_collection", "delete_collection", "reset"})
_COLLECTION_WRITES = frozenset({"add", "upsert", "update", "delete", "modify"})


class EmbeddedStore:
    """The one Chroma client of this process on one embedded store path."""

    def __init__(self, path: Path, settings: ClientSettings) -> None:
        self.path = path
        self.settings = settings
        self.lock: StoreLock = store_lock(path)
        self._client: ClientAPI | None = None
        self._collections: dict[str, Collection] = {}

    @contextmanager
    def use(self, *, write: bool, wait_s: float) -> Iterator[ClientAPI]:
        """The client, current and held for the caller alone (in every process) until the block ends."""
        with self.lock.hold(write=write, wait_s=wait_s) as changed:
            if changed or self._client is None:
                self._open()
            assert self._client is not None
            yield self._client

    def collection(self, client: ClientAPI, name: str) -> Collection:
        """The real collection `name` on the current client (call inside `use`)."""
        found = self._collections.get(name)
        if found is None:
            found = self._collections[name] = client.get_collection(name, embedding_function=None)
        return found

    def remember(self, collection: Collection) -> None:
        self._collections[collection.name] = collection

    def forget(self, name: str) -> None:
        self._collections.pop(name, None)

    def _open(self) -> None:
        import chromadb
        from chromadb.api.shared_system_client import SharedSystemClient

        if self._client is not None:
            logger.info("the store at %s was changed by another process; reopening it", self.path)
        self._collections.clear()
        self._client = None
        # Chroma shares one system (with its in-memory index) per path in a process: drop ours so the
        # new client reads the store as it is on disk now.
        system = SharedSystemClient._identifier_to_system.pop(str(self.path), None)
        SharedSystemClient._identifier_to_refcount.pop(str(self.path), None)
        if system is not None:
            try:
                system.stop()
            except Exception:  # it is being replaced; a failure to close it changes nothing
                logger.debug("closing the previous client failed", exc_info=True)
        self._client = chromadb.PersistentClient(path=str(self.path), settings=self.settings)


class GuardedCollection:
    """Stands in for a Chroma `Collection`: each call holds the store lock and uses the current client."""

    def __init__(self, store: EmbeddedStore, name: str, wait_s: float) -> None:
        self._store = store
        self._name = name
        self._wait_s = wait_s

    @property
    def name(self) -> str:
        return self._name

    def __getattr__(self, attribute: str) -> Any:
        from chromadb.api.models.Collection import Collection

        store, name, wait_s = self._store, self._name, self._wait_s
        write = attribute in _COLLECTION_WRITES
        if not callable(getattr(Collection, attribute, None)):  # a property: read it now
            with store.use(write=False, wait_s=wait_s) as client:
                return getattr(store.collection(client, name), attribute)

        def call(*args: Any, **kwargs: Any) -> Any:
            with store.use(write=write, wait_s=wait_s) as client:
                return getattr(store.collection(client, name), attribute)(*args, **kwargs)

        return call

    def __repr__(self) -> str:
        return f"GuardedCollection({self._name!r})"


class GuardedClient:
    """Stands in for a Chroma client: each call holds the store lock; collections come back guarded."""

    def __init__(self, store: EmbeddedStore, wait_s: float) -> None:
        self._store = store
        self._wait_s = wait_s

    def __getattr__(self, attribute: str) -> Any:
        from chromadb.api.client import Client

        store, wait_s = self._store, self._wait_s
        if not callable(getattr(Client, attribute, None)):  # a property: read it now
            with store.use(write=False, wait_s=wait_s) as client:
                return getattr(client, attribute)
        write = attribute in _CLIENT_WRITES

        def call(*args: Any, **kwargs: Any) -> Any:
            with store.use(write=write, wait_s=wait_s) as client:
                if attribute == "delete_collection":
                    store.forget(str(kwargs.get("name", args[0] if args else "")))
                result = getattr(client, attribute)(*args, **kwargs)
                return self._guard(result)

        return call

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store across several calls, announcing a write to the other processes."""
        with self._store.use(write=True, wait_s=self._wait_s):
            yield

    @contextmanager
    def reading(self) -> Iterator[str | None]:
        """Hold the store across several reads; yields the lock's view of it (`StoreLock.view`)."""
        with self._store.use(write=False, wait_s=self._wait_s):
            yield self._store.lock.view

    def _guard(self, result: Any) -> Any:
        from chromadb.api.models.Collection import Collection

        if isinstance(result, Collection):
            self._store.remember(result)
            return GuardedCollection(self._store, result.name, self._wait_s)
        if isinstance(result, list) and result and all(isinstance(c, Collection) for c in result):
            return [GuardedCollection(self._store, c.name, self._wait_s) for c in result]
        return result


_stores: dict[Path, EmbeddedStore] = {}
_stores_lock = threading.Lock()


def embedded_store(path: Path, settings: ClientSettings) -> EmbeddedStore:
    """This process's `EmbeddedStore` for `path`."""
    path = path.resolve()
    with _stores_lock:
        if path not in _stores:
            _stores[path] = EmbeddedStore(path, settings)
        return _stores[path]


def guarded_client(path: Path, settings: ClientSettings, *, wait_s: float) -> ClientAPI:
    """A client for the embedded store at `path` that is safe to share with other advisor processes.
    Opens the store now, so that a store that cannot be opened fails here."""
    store = embedded_store(path, settings)
    with store.use(write=False, wait_s=wait_s):
        pass
    return cast("ClientAPI", GuardedClient(store, wait_s))
