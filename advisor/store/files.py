"""The original files of each workspace, kept under ADVISOR_HOME/files/<workspace>/ so the
capabilities can run on them (the index holds only chunks): the roster for the interest map, the
metrics table for pivots, the charter for review.

Files are written atomically and only after they were read successfully, so a rejected upload
leaves nothing behind. Each file is given a kind from its name and content.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Literal

import yaml

from advisor.config import Settings
from advisor.documents.coalition import METRIC_COLUMNS, parse_metrics, parse_roster
from advisor.documents.read import TEXT_SUFFIXES, YAML_SUFFIXES
from advisor.errors import DocumentError
from advisor.store.names import workspace_slug
from advisor.text.safe_yaml import load_yaml

FileKind = Literal["charter", "roster", "objectives", "metrics", "notes", "document"]
_CHARTER_NAME = re.compile(
    r"charter|mou|memorand|terms[-_ ]of[-_ ]reference|tor\b|agreement|bylaws|compact", re.I
)
_NOTES_NAME = re.compile(r"notes|minutes|review|retro|learning|debrief", re.I)
_CHARTER_TEXT = re.compile(r"\b(?:charter|memorandum of understanding|terms of reference)\b", re.I)
STAGING_PREFIX = ".staging-"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_file_name(name: str) -> str:
    """The file's own name, stripped of folders and odd characters (no `../` can get through)."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _SAFE_NAME.sub("_", base).strip(" .")
    if not cleaned:
        raise DocumentError(name, "the file name has no usable characters", hint="rename the file")
    return cleaned[:120]


def csv_columns(path: Path) -> list[str]:
    """The column names of a CSV file's header row."""
    return [h.strip() for h in next(csv.reader(io.StringIO(_head(path))), [])]


def table_not_read_note(path: Path) -> str | None:
    """For a CSV that is neither a roster nor a metrics table (so it is kept as a document), what its
    columns lack: a user who meant a roster learns why no tool reads it. None for any other file."""
    if path.suffix.lower() != ".csv" or classify(path) != "document":
        return None
    columns = ", ".join(csv_columns(path)[:8]) or "none"
    return (
        f"it is kept as a document, not read as a table: a roster needs the columns name and positions "
        f"(and sector, interests, resources, role), a metrics table {', '.join(METRIC_COLUMNS)}; "
        f"its columns are {columns}"
    )


def named_like_a_charter(name: str) -> bool:
    """Whether a file's name or a document's title says it is the charter (MOU, terms of reference...)."""
    return bool(_CHARTER_NAME.search(Path(name).stem if "." in name else name))


def classify(path: Path, text: str | None = None) -> FileKind:
    """What a workspace file is, from its name and (for tables and YAML) its content."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        columns = {h.lower() for h in csv_columns(path)}
        if set(METRIC_COLUMNS) <= columns:
            return "metrics"
        return "roster" if {"name", "positions"} <= columns else "document"
    if suffix in YAML_SUFFIXES:
        try:
            data = load_yaml(path.read_text(encoding="utf-8", errors="replace"))
        except yaml.YAMLError:
            return "document"
        if isinstance(data, dict) and isinstance(data.get("members"), list):
            return "roster"
        return "objectives" if isinstance(data, dict) and "objectives" in data else "document"
    if named_like_a_charter(path.name):
        return "charter"
    if _NOTES_NAME.search(path.stem):
        return "notes"
    if text is None and suffix in TEXT_SUFFIXES:
        text = _head(path)
    if text is not None and _CHARTER_TEXT.search(text[:4000]):
        return "charter"
    return "document"


def check_structured(path: Path) -> None:
    """Read a roster or a metrics table with the parser its tool uses, so that a file the interest
    map or pivots would refuse is refused now, at ingest (`DocumentError` naming the row, column
    and value). Other kinds of file pass."""
    kind = classify(path)
    if kind == "metrics":
        parse_metrics(path)
    elif kind == "roster":
        parse_roster(path)


class WorkspaceFiles:
    """Originals of the files ingested into each workspace."""

    def __init__(self, settings: Settings) -> None:
        self.root = settings.home / "files"

    def folder(self, workspace: str) -> Path:
        return self.root / workspace_slug(workspace)

    def path_for(self, workspace: str, source: str) -> Path:
        """Where the original of `source` (its path within the workspace, e.g. `old/x.md`) is kept:
        each part made safe, so no `..` or absolute path leaves the workspace's folder."""
        parts = [p for p in source.replace("\\", "/").split("/") if p not in ("", ".", "..")]
        if not parts:
            raise DocumentError(source, "the file name has no usable characters", hint="rename the file")
        return self.folder(workspace).joinpath(*(safe_file_name(p) for p in parts))

    def stage(self, workspace: str, name: str, data: bytes) -> Path:
        """Write an upload under its own name in a hidden staging folder beside its final place
        (not yet part of the workspace; errors while reading it still name the user's file)."""
        folder = self.folder(workspace)
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder, prefix=STAGING_PREFIX))
        staged = staging / safe_file_name(name)
        staged.write_bytes(data)
        return staged

    def commit(self, staged: Path, workspace: str, name: str) -> Path:
        final = self.path_for(workspace, name)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, final)
        shutil.rmtree(staged.parent, ignore_errors=True)
        return final

    def keep(self, workspace: str, source: str, original: Path) -> Path:
        """Keep a copy of a file ingested from elsewhere (the command line) as `source`'s original."""
        data = original.read_bytes()
        staged = self.stage(workspace, Path(source).name, data)
        return self.commit(staged, workspace, source)

    def sweep_staging(self, older_than_s: float = 0) -> int:
        """Remove staging folders left by uploads that never finished (the server was killed
        mid-upload); returns how many. Called when the app starts."""
        swept = 0
        for staging in self.root.glob(f"*/{STAGING_PREFIX}*") if self.root.is_dir() else []:
            if staging.is_dir() and time.time() - staging.stat().st_mtime >= older_than_s:
                shutil.rmtree(staging, ignore_errors=True)
                swept += 1
        return swept

    def discard(self, staged: Path) -> None:
        shutil.rmtree(staged.parent, ignore_errors=True)

    def files(self, workspace: str) -> list[Path]:
        """Every original kept for the workspace, in sub-folders too (hidden ones and staging left out)."""
        folder = self.folder(workspace)
        if not folder.is_dir():
            return []
        return sorted(
            p
            for p in folder.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        )

    def source_of(self, workspace: str, path: Path) -> str:
        """The path within the workspace of a kept original (`old/x.md`)."""
        return path.relative_to(self.folder(workspace)).as_posix()

    def find(self, workspace: str, kind: FileKind) -> Path | None:
        """The newest file of `kind` in the workspace."""
        matches = [p for p in self.files(workspace) if classify(p) == kind]
        return max(matches, key=lambda p: p.stat().st_mtime, default=None)

    def find_all(self, workspace: str, kind: FileKind) -> list[Path]:
        """Every file of `kind` in the workspace, oldest first (meeting notes in the order they came)."""
        matches = [p for p in self.files(workspace) if classify(p) == kind]
        return sorted(matches, key=lambda p: p.stat().st_mtime)

    def remove(self, workspace: str, source: str) -> None:
        """Remove the original of `source` (by its path within the workspace, never just its name)."""
        path = self.path_for(workspace, source)
        path.unlink(missing_ok=True)
        folder = self.folder(workspace)
        for parent in path.parents:
            if parent == folder or not parent.is_relative_to(folder):
                break
            with contextlib.suppress(OSError):
                parent.rmdir()  # only when empty

    def delete_all(self, workspace: str) -> None:
        shutil.rmtree(self.folder(workspace), ignore_errors=True)


def _head(path: Path, size: int = 4096) -> str:
    with path.open("rb") as stream:
        return stream.read(size).decode("utf-8-sig", errors="replace")
