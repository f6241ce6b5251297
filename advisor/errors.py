"""Project exceptions. Each names what went wrong, where, and how to fix it.

The CLI prints `str(error)` as one line and exits non-zero; the web app shows it as a message.
Nothing here is a crash: these are the mistakes and conditions a user can act on.
"""

from __future__ import annotations

from pathlib import Path


class AdvisorError(Exception):
    """Base of every error a user may see."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message if hint is None else f"{message} ({hint})")


class DocumentError(AdvisorError):
    """A file could not be read as a document: empty, corrupt, binary, too large, unknown type."""

    def __init__(self, path: Path | str, reason: str, *, hint: str | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}", hint=hint)


class EncodingDataError(AdvisorError):
    """A bundled tokenizer file is missing or does not match the hash tiktoken expects."""


class WorkspaceError(AdvisorError):
    """A workspace name is invalid or the workspace does not exist."""


class StoreError(AdvisorError):
    """The vector store cannot be reached or written."""


class ConfigError(AdvisorError):
    """A setting is missing or inconsistent."""


DISK_FULL_HINT = "the disk that holds ADVISOR_HOME is full: free some space, or point ADVISOR_HOME elsewhere"


def is_disk_full(exc: BaseException) -> bool:
    """Whether `exc` (or what caused it) is the disk running out of space."""
    seen: BaseException | None = exc
    while seen is not None:
        if getattr(seen, "errno", None) == 28 or any(
            phrase in str(seen).lower() for phrase in ("disk is full", "no space left on device")
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class DiskFullError(StoreError):
    """The disk ran out of space while the advisor was writing."""

    def __init__(self, doing: str) -> None:
        super().__init__(f"The disk is full: {doing} could not finish", hint=DISK_FULL_HINT)
