"""Ingest files into a workspace, and keep the knowledge base index in step with `knowledge/`.

Each file is read, validated and chunked on its own; a bad file is reported (named, with the
reason) and the rest go on. Unchanged files are recognised by content hash and skipped without
loading the embedding model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from langchain_core.embeddings import Embeddings

from advisor.chunking import chunk_document
from advisor.config import Settings
from advisor.documents import SUPPORTED_SUFFIXES, is_supported, read_document
from advisor.errors import AdvisorError, DocumentError
from advisor.index import ScopeIndex
from advisor.store import KNOWLEDGE_COLLECTION, Store, workspace_collection

logger = logging.getLogger(__name__)

Status = Literal["added", "updated", "unchanged", "removed", "failed"]


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


def collect_files(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Expand files and folders into (path, source name) pairs.

    A folder contributes its supported files (recursively, hidden ones skipped), named by their path
    inside the folder; a file given by name is always tried, so an unsupported one is reported.
    """
    found: list[tuple[Path, str]] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if (
                    child.is_file()
                    and is_supported(child)
                    and not any(p.startswith(".") for p in relative.parts)
                ):
                    found.append((child, relative.as_posix()))
        else:
            found.append((path, path.name))
    return found


def ingest_files(
    files: list[tuple[Path, str]],
    index: ScopeIndex,
    settings: Settings,
    *,
    on_result: Callable[[FileResult], None] | None = None,
) -> IngestReport:
    """Ingest (path, source) pairs into `index`, one file at a time."""
    report = IngestReport(scope=index.name)
    index.sweep_orphans()
    known = index.entries()
    max_bytes = int(settings.ingest.max_file_mb * 2**20)
    for path, source in files:
        try:
            document = read_document(path, source=source, max_bytes=max_bytes)
            previous = known.get(source)
            if previous and previous.file_sha == document.sha256:
                result = FileResult(source, "unchanged", previous.chunk_count)
            else:
                chunks = chunk_document(
                    document,
                    max_tokens=settings.chunk.max_tokens,
                    overlap_tokens=settings.chunk.overlap_tokens,
                )
                extra: dict[str, Any] = {
                    k: str(document.metadata[k]) for k in ("topic", "summary") if k in document.metadata
                }
                index.write(document, chunks, extra)
                result = FileResult(source, "updated" if previous else "added", len(chunks))
        except AdvisorError as exc:
            result = FileResult(source, "failed", error=str(exc))
        except Exception as exc:  # one file's unexpected failure must not stop the batch
            logger.exception("unexpected failure ingesting %s", path)
            result = FileResult(source, "failed", error=f"{path.name}: {type(exc).__name__}: {exc}")
        report.results.append(result)
        if on_result:
            on_result(result)
    return report


def ingest_paths(
    paths: Iterable[Path],
    workspace: str,
    *,
    settings: Settings,
    store: Store,
    embeddings: Embeddings,
    on_result: Callable[[FileResult], None] | None = None,
) -> IngestReport:
    """Ingest files and folders into `workspace`, creating it if needed."""
    name = workspace_collection(workspace)
    store.collection(name, metadata={"display_name": workspace})
    files = collect_files(paths)
    if not files:
        raise DocumentError(
            Path(", ".join(str(p) for p in paths)),
            "no files to ingest",
            hint=f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    return ingest_files(files, ScopeIndex(store, name, embeddings), settings, on_result=on_result)


def sync_knowledge(
    *,
    settings: Settings,
    store: Store,
    embeddings: Embeddings,
    on_result: Callable[[FileResult], None] | None = None,
) -> IngestReport:
    """Bring the knowledge index in step with the knowledge folder: add or update changed topic
    files, drop deleted ones. Unchanged files cost a hash each; nothing is embedded."""
    index = ScopeIndex(store, KNOWLEDGE_COLLECTION, embeddings)
    files = [(p, f"knowledge/{p.name}") for p in sorted(settings.knowledge_dir.glob("*.md"))]
    report = ingest_files(files, index, settings, on_result=on_result)
    present = {source for _, source in files}
    for source in sorted(set(index.entries()) - present):
        index.remove(source)
        report.results.append(FileResult(source, "removed"))
    return report
