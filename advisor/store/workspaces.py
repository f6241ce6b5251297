"""List and delete coalition workspaces."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.embeddings import Embeddings

from advisor.errors import WorkspaceError
from advisor.store.activity import workspace_activity
from advisor.store.chroma import WORKSPACE_PREFIX, Store, workspace_collection
from advisor.store.index import GENERATION_KEY, MANIFEST_KEY, ManifestEntry, ScopeIndex


@dataclass(frozen=True)
class WorkspaceInfo:
    """A workspace and what it holds."""

    name: str
    collection: str
    files: list[ManifestEntry]
    chunks: int


class _NoEmbeddings(Embeddings):
    """Listing and deleting never embed; this makes that explicit (and keeps the embedding model unloaded)."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise RuntimeError("embedding is not needed to list or delete workspaces")

    def embed_query(self, text: str) -> list[float]:
        raise RuntimeError("embedding is not needed to list or delete workspaces")


def list_workspaces(store: Store) -> list[WorkspaceInfo]:
    infos = []
    for name in store.collection_names():
        if not name.startswith(WORKSPACE_PREFIX):
            continue
        collection = store.collection(name, create=False)
        display = str((collection.metadata or {}).get("display_name") or name[len(WORKSPACE_PREFIX) :])
        entries = ScopeIndex(store, name, _NoEmbeddings()).entries()
        infos.append(
            WorkspaceInfo(display, name, sorted(entries.values(), key=lambda e: e.source), collection.count())
        )
    return sorted(infos, key=lambda w: w.name.lower())


def delete_workspace(store: Store, workspace: str) -> WorkspaceInfo:
    """Delete a workspace's chunks and manifest; returns what was deleted. Fails at once, deleting
    nothing, while documents are being added to it (`activity.workspace_activity`)."""
    name = workspace_collection(workspace)
    with workspace_activity(store.settings.home, workspace, deleting=True), store.writing():
        found = next((w for w in list_workspaces(store) if w.collection == name), None)
        if found is None:
            raise WorkspaceError(f"No workspace named {workspace!r}", hint="see `advisor workspaces list`")
        store.manifest.delete(where={MANIFEST_KEY: name})
        store.manifest.delete(where={GENERATION_KEY: name})
        store.delete_collection(name)
    store.lexical.drop(name)
    return found
