"""Chat history per workspace, in SQLite under ADVISOR_HOME: survives restarts, exports to markdown.

One database file, one table of messages keyed by (owner, workspace). Each message keeps its role,
its markdown text and the citations shown with it (JSON), so an exported conversation keeps its
sources.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

Role = Literal["user", "assistant"]
SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner TEXT NOT NULL,
    workspace TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_workspace ON messages (owner, workspace, id);
"""


@dataclass(frozen=True)
class Message:
    """One turn of a conversation."""

    role: Role
    content: str
    citations: list[dict[str, Any]] = field(default_factory=list)
    created_at: str = ""


class ConversationStore:
    """Messages per (owner, workspace). Safe to share between the app's worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.executescript(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            db = sqlite3.connect(self.path, timeout=10)
            try:
                with db:  # commits, or rolls back on error
                    yield db
            finally:
                db.close()

    def append(
        self,
        owner: str,
        workspace: str,
        role: Role,
        content: str,
        citations: list[dict[str, Any]] | None = None,
    ) -> Message:
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connect() as db:
            db.execute(
                "INSERT INTO messages (owner, workspace, role, content, citations, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (owner, workspace, role, content, json.dumps(citations or [], ensure_ascii=False), created),
            )
        return Message(role, content, citations or [], created)

    def history(self, owner: str, workspace: str) -> list[Message]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT role, content, citations, created_at FROM messages "
                "WHERE owner = ? AND workspace = ? ORDER BY id",
                (owner, workspace),
            ).fetchall()
        return [
            Message(role, content, json.loads(citations), created)
            for role, content, citations, created in rows
        ]

    def clear(self, owner: str, workspace: str) -> int:
        with self._connect() as db:
            return db.execute(
                "DELETE FROM messages WHERE owner = ? AND workspace = ?", (owner, workspace)
            ).rowcount

    def export_markdown(self, owner: str, workspace: str, title: str | None = None) -> str:
        """The conversation as a markdown document, each answer followed by its sources; `title` is
        the workspace's name as its owner knows it (the stored one by default)."""
        lines = [f"# Conversation: {title or workspace}", ""]
        for message in self.history(owner, workspace):
            speaker = "You" if message.role == "user" else "Coalition Advisor"
            lines += [f"## {speaker} ({message.created_at})", "", _nested(message.content), ""]
            for number, citation in enumerate(message.citations, 1):
                title, source = citation.get("title", ""), citation.get("source", "")
                quote = " ".join(str(citation.get("quote", "")).split())
                lines.append(f'{number}. *{title}* ({source}): "{quote}"')
            if message.citations:
                lines.append("")
        return "\n".join(lines).rstrip() + "\n"


_HEADING = re.compile(r"^(#{1,4})(?=\s)", re.MULTILINE)
_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1", re.MULTILINE | re.DOTALL)


def _nested(content: str) -> str:
    """A turn's own headings two levels down, under its "## speaker" heading (a "# Pivot review" sat at
    the level of the export's title); code blocks are left as they are."""
    parts, last = [], 0
    for fence in _FENCE.finditer(content):
        parts += [_HEADING.sub(r"##\1", content[last : fence.start()]), fence.group(0)]
        last = fence.end()
    return "".join([*parts, _HEADING.sub(r"##\1", content[last:])])
