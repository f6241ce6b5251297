"""The original files of each workspace, kept under ADVISOR_HOME/files/<workspace>/ so the
capabilities can run on them (the index holds only chunks): the roster for the interest map, the
metrics table for pivots, the charter for review.

Files are written atomically and only after they were read successfully, so a rejected upload
leaves nothing behind. Each file is given a kind from its name and content.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Literal

import yaml

from advisor.config import Settings
from advisor.documents.coalition import METRIC_COLUMNS
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
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_file_name(name: str) -> str:
    """The file's own name, stripped of folders and odd characters (no `../` can get through)."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _SAFE_NAME.sub("_", base).strip(" .")
    if not cleaned:
        raise DocumentError(name, "the file name has no usable characters", hint="rename the file")
    return cleaned[:120]


def classify(path: Path, text: str | None = None) -> FileKind:
    """What a workspace file is, from its name and (for tables and YAML) its content."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        header = next(csv.reader(io.StringIO(_head(path))), [])
        columns = {h.strip().lower() for h in header}
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
    if _CHARTER_NAME.search(path.stem):
        return "charter"
    if _NOTES_NAME.search(path.stem):
        return "notes"
    if text is None and suffix in TEXT_SUFFIXES:
        text = _head(path)
    if text is not None and _CHARTER_TEXT.search(text[:4000]):
        return "charter"
    return "document"


class WorkspaceFiles:
    """Originals of the files ingested into each workspace."""

    def __init__(self, settings: Settings) -> None:
        self.root = settings.home / "files"

    def folder(self, workspace: str) -> Path:
        return self.root / workspace_slug(workspace)

    def stage(self, workspace: str, name: str, data: bytes) -> Path:
        """Write an upload under its own name in a hidden staging folder beside its final place
        (not yet part of the workspace; errors while reading it still name the user's file)."""
        folder = self.folder(workspace)
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder, prefix=".staging-"))
        staged = staging / safe_file_name(name)
        staged.write_bytes(data)
        return staged

    def commit(self, staged: Path, workspace: str, name: str) -> Path:
        final = self.folder(workspace) / safe_file_name(name)
        os.replace(staged, final)
        shutil.rmtree(staged.parent, ignore_errors=True)
        return final

    def discard(self, staged: Path) -> None:
        shutil.rmtree(staged.parent, ignore_errors=True)

    def files(self, workspace: str) -> list[Path]:
        folder = self.folder(workspace)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))

    def find(self, workspace: str, kind: FileKind) -> Path | None:
        """The newest file of `kind` in the workspace."""
        matches = [p for p in self.files(workspace) if classify(p) == kind]
        return max(matches, key=lambda p: p.stat().st_mtime, default=None)

    def remove(self, workspace: str, name: str) -> None:
        (self.folder(workspace) / safe_file_name(name)).unlink(missing_ok=True)

    def delete_all(self, workspace: str) -> None:
        shutil.rmtree(self.folder(workspace), ignore_errors=True)


def _head(path: Path, size: int = 4096) -> str:
    with path.open("rb") as stream:
        return stream.read(size).decode("utf-8-sig", errors="replace")
