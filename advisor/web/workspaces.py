"""Web-app handlers for workspaces: create, list, delete, upload files (one by one, with a result
for each) and remove them. Plain functions of (context, owner, inputs), testable without a browser.

An upload is staged beside the workspace's files, ingested, and only then committed; a file that
fails is reported by name with the reason and leaves neither a chunk nor a file behind.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from advisor.config import Settings
from advisor.documents.injection import InjectionFinding, injection_warning, scan_file
from advisor.documents.read import decode_text
from advisor.errors import AdvisorError, WorkspaceError
from advisor.store.chroma import workspace_collection
from advisor.store.files import classify, safe_file_name, table_not_read_note
from advisor.store.index import ScopeIndex
from advisor.store.ingest import DocumentReader, ingest_workspace_files, sandboxed_reader
from advisor.store.names import SAME_NAME_RULE, existing_name, normalize_workspace_name
from advisor.store.workspaces import delete_workspace as delete_indexed_workspace
from advisor.web.state import AppContext

logger = logging.getLogger(__name__)
FILE_COLUMNS = ["file", "kind", "chunks"]


@dataclass(frozen=True)
class UploadResult:
    """What happened to one uploaded file."""

    name: str
    ok: bool
    message: str
    flagged: bool = False  # the file holds text that tries to instruct an AI


def workspace_names(ctx: AppContext, owner: str | None) -> list[str]:
    return [w.name for w in ctx.workspaces(owner)]


def create_workspace(ctx: AppContext, owner: str | None, name: str) -> str:
    """Create an empty workspace; returns its name. Refuses an unusable name, and one that is an
    existing workspace's (also when it differs only in case, accents, spaces or dashes)."""
    name = normalize_workspace_name(name)
    existing = existing_name(name, workspace_names(ctx, owner))
    if existing is not None:
        same = "" if existing == name else f": {name!r} is the same name ({SAME_NAME_RULE})"
        raise WorkspaceError(
            f"A workspace named {existing!r} already exists{same}", hint="pick it from the list"
        )
    scoped = ctx.scoped(owner, name, must_exist=False)
    collection = workspace_collection(scoped)
    if ctx.runtime.store.has_collection(collection):  # a long name cut to the store's limit meets another
        raise WorkspaceError(
            f"A workspace whose name begins like {name!r} already exists: long names are told apart by "
            "their first 48 characters or so",
            hint="choose a shorter name, or one that differs earlier",
        )
    ctx.runtime.store.collection(collection, metadata={"display_name": scoped})
    return name


def delete_workspace(ctx: AppContext, owner: str | None, name: str) -> str:
    """Delete the workspace's index, files and conversation."""
    scoped = ctx.scoped(owner, name)
    deleted = delete_indexed_workspace(ctx.runtime.store, scoped)
    ctx.files.delete_all(scoped)
    ctx.conversations.clear(owner or "", scoped)
    return f"Deleted {name}: {len(deleted.files)} files, {deleted.chunks} chunks."


def files_table(ctx: AppContext, owner: str | None, name: str | None) -> list[list[object]]:
    """One row per file in the workspace: name, kind, chunks indexed."""
    if not name:
        return []
    info = next((w for w in ctx.workspaces(owner) if w.name == name), None)
    if info is None:
        return []
    folder = ctx.files.folder(ctx.scoped(owner, name))
    rows: list[list[object]] = []
    for entry in info.files:
        original = folder / entry.source
        kind = classify(original) if original.is_file() else "document"
        rows.append([entry.source, kind, entry.chunk_count])
    return rows


def upload_files(
    ctx: AppContext, owner: str | None, name: str | None, paths: list[str] | None
) -> Iterator[UploadResult]:
    """Ingest each uploaded file in turn, yielding its result as soon as it is known."""
    scoped = ctx.scoped(owner, name)
    for path in (Path(p) for p in paths or []):
        yield _upload_one(ctx, scoped, path)


def _upload_one(ctx: AppContext, scoped: str, path: Path) -> UploadResult:
    try:
        display = safe_file_name(path.name)
        staged = ctx.files.stage(scoped, display, path.read_bytes())
    except (AdvisorError, OSError) as exc:
        return UploadResult(path.name, False, f"{path.name}: {getattr(exc, 'message', None) or exc}")
    try:
        runtime = ctx.runtime
        report = ingest_workspace_files(
            [(staged, display)],
            scoped,
            settings=runtime.settings,
            store=runtime.store,
            embeddings=runtime.embeddings,
        )
        result = report.results[0]
        if result.status == "failed":
            ctx.files.discard(staged)
            return UploadResult(display, False, result.error or f"{display}: could not be read")
        final = ctx.files.commit(staged, scoped, display)
        kind = classify(final)
        verb = {"unchanged": "already up to date", "updated": "updated"}.get(result.status, "added")
        message = f"{display}: {verb} as {kind}, {result.chunks} chunks"
        if note := table_not_read_note(final):
            message += f". ⚠ {note[0].upper()}{note[1:]}"
        findings = _injection_findings(final, sandboxed_reader(runtime.settings), runtime.settings)
        if findings:
            message += f". ⚠ {injection_warning(display, findings)}"
        return UploadResult(display, True, message, flagged=bool(findings))
    except AdvisorError as exc:
        ctx.files.discard(staged)
        return UploadResult(display, False, str(exc))
    except Exception:
        ctx.files.discard(staged)
        logger.exception("upload of %s failed", display)
        return UploadResult(display, False, f"{display}: could not be added (an internal error; see the log)")


def _injection_findings(path: Path, read: DocumentReader, settings: Settings) -> list[InjectionFinding]:
    data = path.read_bytes()
    if path.suffix.lower() in (".pdf", ".docx"):  # parsed in the sandbox, like every untrusted file
        text = read(path, max_bytes=int(settings.ingest.max_file_mb * 2**20)).text
    else:
        text = decode_text(path, data)
    return scan_file(path.name, data, text)


def remove_file(ctx: AppContext, owner: str | None, name: str | None, file: str | None) -> str:
    """Remove one file from the workspace's index and files."""
    if not file:
        raise AdvisorError("Pick a file to remove", hint="click its row in the table")
    scoped = ctx.scoped(owner, name)
    index = ScopeIndex(ctx.runtime.store, workspace_collection(scoped), ctx.runtime.embeddings)
    if file not in index.entries():
        raise AdvisorError(f"{file} is not in {name}")
    index.remove(file)
    ctx.files.remove(scoped, file)
    return f"Removed {file}."
