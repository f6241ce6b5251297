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
