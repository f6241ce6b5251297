"""Deleting a workspace and adding to it exclude each other, across threads and processes.

Ingests (the CLI's, the web app's uploads) hold a shared lock on `<home>/locks/<workspace>.lock`
for their whole run; a delete needs it exclusively. Neither waits: the one that comes second fails at
once with a message saying what is running, so a delete can never leave half a workspace behind that
a running ingest then brings back, and both sides never report success. The kernel drops the lock
when its process dies, even by SIGKILL.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from advisor.errors import WorkspaceError
from advisor.store.names import workspace_slug


@contextmanager
def workspace_activity(home: Path, workspace: str, *, deleting: bool) -> Iterator[None]:
    """Hold the workspace for an ingest (shared) or a delete (exclusive), or fail at once."""
    folder = home / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f"{workspace_slug(workspace)}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if deleting else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            if deleting:
                raise WorkspaceError(
                    f"Workspace {workspace!r} was not deleted: documents are being added to it right now",
                    hint="try again when the ingest or upload has finished",
                ) from None
            raise WorkspaceError(
                f"Nothing was added to {workspace!r}: the workspace is being deleted right now",
                hint="create it again once the delete has finished",
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
