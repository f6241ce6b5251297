"""Ingest files into a workspace, and keep the knowledge base index in step with `knowledge/`.

Each file is read, validated and chunked on its own; a bad file is reported (named, with the
reason) and the rest go on. Workspace files are untrusted: they are parsed in the sandbox
(`parse_sandbox`), with a time and a memory limit; the knowledge base is read in-process.
Unchanged files are recognised by content hash and skipped without loading the embedding model.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, Required, TypedDict, Unpack

from langchain_core.embeddings import Embeddings

from advisor.config import Settings
from advisor.documents.chunking import Chunk, chunk_document
from advisor.documents.read import SUPPORTED_SUFFIXES, Document, is_supported, read_document
from advisor.documents.sandbox import get_sandbox
from advisor.errors import AdvisorError, ConfigError, DocumentError
from advisor.store.activity import workspace_activity
from advisor.store.chroma import KNOWLEDGE_COLLECTION, Store, workspace_collection
from advisor.store.files import check_structured
from advisor.store.index import Pending, ScopeIndex

logger = logging.getLogger(__name__)

Status = Literal["added", "updated", "unchanged", "removed", "failed"]


class DocumentReader(Protocol):
    """Reads one file into a `Document` or raises `DocumentError` (`read_document`'s signature)."""

    def __call__(self, path: Path, *, source: str | None = None, max_bytes: int) -> Document: ...


def sandboxed_reader(settings: Settings) -> DocumentReader:
    """The reader for untrusted files: the shared parsing sandbox with the configured limits."""
    return get_sandbox(
        timeout_s=settings.ingest.parse_timeout_s, memory_mb=settings.ingest.parse_memory_mb
    ).read


@dataclass(frozen=True)
class FileResult:
    """What happened to one file."""

    source: str
    status: Status
    chunks: int = 0
    error: str | None = None


@dataclass
class IngestReport:
    """The outcome of one ingest run."""

    scope: str
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def changed(self) -> bool:
        return any(r.status in ("added", "updated", "removed") for r in self.results)


def collect_files(paths: Iterable[Path], refused: list[FileResult] | None = None) -> list[tuple[Path, str]]:
    """Expand files and folders into (path, source name) pairs.

    A folder contributes its supported files (recursively, hidden ones skipped), named by their path
    inside the folder; a file given by name is always tried, so an unsupported one is reported.
    Links inside a folder are followed only when they stay inside it: a link out of it (to
    /etc/passwd, say) is never read, and each one is added to `refused` as a failed result that
    says so. Linked folders are not entered.
    """
    found: list[tuple[Path, str]] = []
    for path in paths:
        path = Path(path)
        if not path.is_dir():
            found.append((path, path.name))
            continue
        root, inside = path.resolve(), []
        for folder, dirs, names in os.walk(path, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in dirs:
                if (Path(folder) / name).is_symlink() and refused is not None:
                    refused.append(_refused_link((Path(folder) / name).relative_to(path).as_posix(), True))
            for name in names:
                child = Path(folder) / name
                if name.startswith(".") or not is_supported(child):
                    continue
                relative = child.relative_to(path).as_posix()
                if child.is_symlink() and not child.resolve().is_relative_to(root):
                    if refused is not None:
                        refused.append(_refused_link(relative, False))
                elif child.is_file():
                    inside.append((child, relative))
        found += sorted(inside, key=lambda pair: pair[1])
    if refused is not None:
        refused.sort(key=lambda result: result.source)
    return found


def _holds(path: Path, sha256: str, max_bytes: int) -> bool:
    """Whether `path` is a regular file of exactly the bytes whose hash is `sha256` (a document's
    hash is of its file's bytes)."""
    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def _refused_link(source: str, folder: bool) -> FileResult:
    what = "a linked folder" if folder else "a link to a file outside the folder"
    return FileResult(
        source, "failed", error=f"{source}: not read: {what} (links out of the folder are not followed)"
    )


def ingest_files(
    files: list[tuple[Path, str]],
    index: ScopeIndex,
    settings: Settings,
    *,
    on_result: Callable[[FileResult], None] | None = None,
    window_chunks: int = 512,
    reader: DocumentReader | None = None,
) -> IngestReport:
    """Ingest (path, source) pairs into `index`, reading each with `reader` (by default the parsing
    sandbox: the files are untrusted).

    Files are read and chunked one by one, then embedded together in windows of about
    `window_chunks` chunks (large batches let the model sort texts by length and pad less, which
    per-file batches cannot), then written window by window, each window's write atomic (all its
    files land or none; a write costs ~40 ms of commit in the embedded store however many it holds).
    """
    report = IngestReport(scope=index.name)
    read = reader or sandboxed_reader(settings)
    index.sweep_orphans()
    known = index.entries()
    max_bytes = int(settings.ingest.max_file_mb * 2**20)
    window: list[tuple[str, Document, list[Chunk]] | FileResult] = []

    def flush() -> None:
        pending = [item for item in window if not isinstance(item, FileResult)]
        texts = [c.embedding_text for _, _, chunks in pending for c in chunks]
        failure: str | None = None
        try:
            vectors = index.embeddings.embed_documents(texts) if texts else []
        except Exception as exc:  # the model failed: every file of the window fails, none is written
            logger.exception("embedding failed")
            vectors, failure = [], f"embedding failed: {type(exc).__name__}: {exc}"
        written: list[Pending] = []
        offset = 0
        for _, document, chunks in pending:
            written.append(
                Pending(document, chunks, _extra(document), vectors[offset : offset + len(chunks)])
            )
            offset += len(chunks)
        if failure is None:
            try:  # the window's files in one write: all of them land, or none
                index.write_many(written)
            except AdvisorError as exc:
                failure = f"could not be written to the index: {exc.__cause__ or exc}"
        for item in window:
            if not isinstance(item, FileResult):
                source, _, chunks = item
                if failure:
                    item = FileResult(source, "failed", error=f"{source}: {failure}")
                else:
                    item = FileResult(source, "updated" if source in known else "added", len(chunks))
            report.results.append(item)
            if on_result:
                on_result(item)
        window.clear()

    for path, source in files:
        try:
            previous = known.get(source)
            if previous and _holds(path, previous.file_sha, max_bytes):  # not parsed again
                check_structured(path)
                window.append(FileResult(source, "unchanged", previous.chunk_count))
                continue
            document = read(path, source=source, max_bytes=max_bytes)
            check_structured(path)  # a roster or metrics table its tool could not read is refused now
            if previous and previous.file_sha == document.sha256:
                window.append(FileResult(source, "unchanged", previous.chunk_count))
            else:
                chunks = chunk_document(
                    document,
                    max_tokens=settings.chunk.max_tokens,
                    overlap_tokens=settings.chunk.overlap_tokens,
                )
                window.append((source, document, chunks))
        except AdvisorError as exc:
            window.append(FileResult(source, "failed", error=str(exc)))
        except Exception as exc:  # one file's unexpected failure must not stop the batch
            logger.exception("unexpected failure reading %s", path)
            window.append(FileResult(source, "failed", error=f"{path.name}: {type(exc).__name__}: {exc}"))
        if sum(len(item[2]) for item in window if not isinstance(item, FileResult)) >= window_chunks:
            flush()
    flush()
    index.refresh_lexical()  # now, so that the first query after this ingest need not build BM25
    return report


def _extra(document: Document) -> dict[str, Any]:
    """What chunks carry of their document's front matter."""
    return {k: str(document.metadata[k]) for k in ("topic", "summary") if k in document.metadata}


class IngestOptions(TypedDict, total=False):
    """What an ingest into a workspace needs besides the files (settings, store and embeddings are
    required; `on_result` hears each file's result; `reader` replaces the sandboxed reader)."""

    settings: Required[Settings]
    store: Required[Store]
    embeddings: Required[Embeddings]
    on_result: Callable[[FileResult], None] | None
    reader: DocumentReader | None


def ingest_paths(paths: Iterable[Path], workspace: str, **options: Unpack[IngestOptions]) -> IngestReport:
    """Ingest files and folders into `workspace`, creating it if needed."""
    paths = list(paths)
    refused: list[FileResult] = []
    files = collect_files(paths, refused)
    if not files and not refused:
        raise DocumentError(
            Path(", ".join(str(p) for p in paths)),
            "no files to ingest",
            hint=f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    report = ingest_workspace_files(files, workspace, **options)
    report.results[:0] = refused
    return report


def ingest_workspace_files(
    files: list[tuple[Path, str]], workspace: str, **options: Unpack[IngestOptions]
) -> IngestReport:
    """Ingest already collected (path, source) pairs into `workspace`, creating it if needed."""
    store, settings = options["store"], options["settings"]
    name = workspace_collection(workspace)
    with workspace_activity(settings.home, workspace, deleting=False):  # a delete now fails, and waits not
        store.collection(name, metadata={"display_name": workspace})
        index = ScopeIndex(store, name, options["embeddings"])
        return ingest_files(
            files, index, settings, on_result=options.get("on_result"), reader=options.get("reader")
        )


def knowledge_files(folder: Path) -> list[Path]:
    """The topic files of the knowledge folder; `ConfigError` when there are none, so a mistyped
    ADVISOR_KNOWLEDGE_DIR stops with a message instead of emptying the knowledge index."""
    found = sorted(folder.glob("*.md")) if folder.is_dir() else []
    if not found:
        problem = "has no markdown topic files" if folder.is_dir() else "does not exist"
        raise ConfigError(
            f"The knowledge folder {folder} {problem}",
            hint="unset ADVISOR_KNOWLEDGE_DIR for the bundled guidance, or point it at a folder of .md files",
        )
    return found


def sync_knowledge(
    *,
    settings: Settings,
    store: Store,
    embeddings: Embeddings,
    on_result: Callable[[FileResult], None] | None = None,
) -> IngestReport:
    """Bring the knowledge index in step with the knowledge folder: add or update changed topic
    files, drop deleted ones. Unchanged files cost a hash each; nothing is embedded."""
    files = [(p, f"knowledge/{p.name}") for p in knowledge_files(settings.knowledge_dir)]
    index = ScopeIndex(store, KNOWLEDGE_COLLECTION, embeddings)
    report = ingest_files(files, index, settings, on_result=on_result, reader=read_document)  # trusted
    present = {source for _, source in files}
    for source in sorted(set(index.entries()) - present):
        index.remove(source)
        report.results.append(FileResult(source, "removed"))
    return report
