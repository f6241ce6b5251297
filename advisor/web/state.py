"""What the web app's handlers share: the runtime, the workspace originals, the conversation store,
and the owner scoping of workspace names. Built once per server process."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from advisor.errors import WorkspaceError
from advisor.service.capabilities import Capabilities
from advisor.service.runtime import Runtime
from advisor.store.files import WorkspaceFiles
from advisor.store.names import existing_name, normalize_workspace_name
from advisor.store.workspaces import WorkspaceInfo, list_workspaces
from advisor.web.accounts import display_name, owns, scoped_workspace
from advisor.web.conversations import ConversationStore


@dataclass
class AppContext:
    """Long-lived parts of the app. Handlers take it and an owner (None without login)."""

    runtime: Runtime

    @cached_property
    def capabilities(self) -> Capabilities:
        return Capabilities(self.runtime)

    @cached_property
    def files(self) -> WorkspaceFiles:
        return WorkspaceFiles(self.runtime.settings)

    @cached_property
    def conversations(self) -> ConversationStore:
        return ConversationStore(self.runtime.settings.home / "conversations.sqlite3")

    @cached_property
    def downloads(self) -> Path:
        """Where exports and scorecards are written for download (Gradio serves copies of them)."""
        return Path(tempfile.mkdtemp(prefix="advisor-downloads-"))

    def download_folder(self, keep_s: float = 3600) -> Path:
        """A fresh folder for one download; folders older than `keep_s` are removed."""
        for old in self.downloads.iterdir():
            if old.stat().st_mtime < time.time() - keep_s:
                shutil.rmtree(old, ignore_errors=True)
        return Path(tempfile.mkdtemp(dir=self.downloads))

    def workspaces(self, owner: str | None) -> list[WorkspaceInfo]:
        """The owner's workspaces, named as the owner named them."""
        return [
            WorkspaceInfo(display_name(owner, w.name), w.collection, w.files, w.chunks)
            for w in list_workspaces(self.runtime.store)
            if owns(owner, w.name)
        ]

    def scoped(self, owner: str | None, name: str | None, *, must_exist: bool = True) -> str:
        """The store's name for the owner's workspace; refuses names that are not theirs."""
        if not name or not name.strip():
            raise WorkspaceError("No workspace selected", hint="create one or pick one in the sidebar")
        name = normalize_workspace_name(name)
        if must_exist:
            found = existing_name(name, [w.name for w in self.workspaces(owner)])
            if found is None:
                raise WorkspaceError(f"No workspace named {name!r}", hint="pick one from the list")
            name = found
        return scoped_workspace(owner, name)
