"""Web-app handlers for the chat: stream a reply into the conversation, show its sources as a
collapsible message the user can open, persist every turn, export the conversation as markdown.

Messages use Gradio's messages format (`{"role", "content", "metadata"}`), as markdown: the chat
component (`render.SafeChatbot`) renders every message through the one sanitizer, so a document, a
model reply or a stored message can never make the browser fetch anything or render a live link.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

from advisor.errors import WorkspaceError
from advisor.retrieval.passages import Citation, source_label
from advisor.service.chat import FOLLOW_UPS, ChatReply, respond
from advisor.store.names import workspace_slug
from advisor.text.safety import strip_remote_content
from advisor.text.sentences import sentence_spans
from advisor.web.accounts import display_name
from advisor.web.conversations import Message
from advisor.web.state import AppContext

ChatMessage = dict[str, Any]
SOURCES_TITLE = "Sources"
WELCOME_PROMPTS = FOLLOW_UPS["ask"] + ["How do we handle conflict between members?"]
WORKING = "_Working: reading the guidance and your documents…_"
STREAM_SECONDS = 1.5  # an answer that arrives whole is shown unit by unit within about this long
MAX_UNIT_PAUSE_S = 0.08


def unfold(text: str) -> list[str]:
    """`text` as it would appear written unit by unit: each line (a list item, a table row, a
    heading) and each sentence of a paragraph ends a unit. Every part is a prefix of `text`; the last
    is `text` itself."""
    ends = {i for i, char in enumerate(text) if char == "\n"}
    ends.update(end for _, end in sentence_spans(text))
    parts = [text[:end].rstrip() for end in sorted(ends) if text[:end].strip()]
    return [p for i, p in enumerate(parts) if p != text and (i == 0 or p != parts[i - 1])] + [text]


def sources_markdown(citations: list[Citation] | list[dict[str, Any]] | list[Any], shown: str = "") -> str:
    """Each source: number, title, file, and the quoted words the answer rests on, unless the answer
    (`shown`) already quotes them whole, as an offline answer does: then the words are not repeated."""
    lines = []
    said = _plain(shown)
    for number, raw in enumerate(citations, 1):
        c: dict[str, Any] = raw.model_dump() if isinstance(raw, Citation) else raw
        quote = " ".join(str(c.get("quote", "")).split())
        label = source_label(str(c.get("title", "")), str(c.get("section", "")))
        lines.append(f"**[{number}] {label}** · `{c.get('source', '')}`")
        if not (said and _plain(quote)[:QUOTED_PREFIX] in said):
            lines.append(f"> {quote[:600] + '…' if len(quote) > 600 else quote}")
        lines.append("")
    return "\n".join(lines).strip()


QUOTED_PREFIX = 120  # this many characters of a quote found in the answer: the answer quotes it


def _plain(text: str) -> str:
    """Text without markdown emphasis, quote marks or list bullets, its white space folded."""
    return " ".join(re.sub(r"[*_>`]|^\s*(?:[-+•]|\d+[.)])\s+", " ", text, flags=re.M).split())


def _as_messages(user: str, reply_text: str, citations: list[Any], warnings: list[str]) -> list[ChatMessage]:
    text = reply_text
    if warnings:
        text += "\n\n" + "\n".join(f"*⚠ {w}*" for w in warnings)
    messages: list[ChatMessage] = [{"role": "user", "content": user}, {"role": "assistant", "content": text}]
    if citations:
        messages.append(
            {
                "role": "assistant",
                "content": sources_markdown(citations, reply_text),
                "metadata": {"title": f"{SOURCES_TITLE} ({len(citations)})", "status": "done"},
            }
        )
    return messages


def load_history(ctx: AppContext, owner: str | None, workspace: str | None) -> list[ChatMessage]:
    """The saved conversation of a workspace, as chat messages."""
    if not workspace:
        return []
    stored = ctx.conversations.history(owner or "", ctx.scoped(owner, workspace))
    messages: list[ChatMessage] = []
    pending: Message | None = None
    for message in stored:
        if message.role == "user":
            pending = message
        elif pending is not None:
            messages += _as_messages(pending.content, message.content, message.citations, [])
            pending = None
    return messages


def chat(
    ctx: AppContext,
    owner: str | None,
    workspace: str | None,
    message: str,
    history: list[ChatMessage] | None,
) -> Iterator[tuple[list[ChatMessage], list[str]]]:
    """Stream the reply: yields (conversation so far, follow-up prompts)."""
    history = list(history or [])
    message = (message or "").strip()
    if not message:
        yield history, WELCOME_PROMPTS
        return
    scoped = ctx.scoped(owner, workspace) if workspace else None
    yield history + _as_messages(message, WORKING, [], []), []  # at once: the request is being worked on
    final: ChatReply | None = None
    saved = False
    for reply in respond(message, runtime=ctx.runtime, files=ctx.files, workspace=scoped):
        if reply.done and final is None:  # it came whole (offline, a tool): show it as if written
            parts = unfold(reply.text)
            pause = min(MAX_UNIT_PAUSE_S, STREAM_SECONDS / len(parts))
            for part in parts[:-1]:
                yield history + _as_messages(message, part, [], []), []
                time.sleep(pause)
        if reply.done:  # saved before it shows whole: an export clicked at once already holds it
            saved = _save(ctx, owner, workspace, scoped, message, reply)
        yield (
            history + _as_messages(message, reply.text or "…", reply.citations, reply.warnings),
            reply.follow_ups,
        )
        final = reply
    if final is not None and not saved:
        _save(ctx, owner, workspace, scoped, message, final)


def _save(
    ctx: AppContext,
    owner: str | None,
    workspace: str | None,
    scoped: str | None,
    message: str,
    reply: ChatReply,
) -> bool:
    """Keep the exchange in the workspace's conversation (not when the workspace went away meanwhile)."""
    if scoped is None:
        return False
    try:
        ctx.scoped(owner, workspace)
    except WorkspaceError:  # deleted while the answer was being written: keep nothing of it
        return False
    citations = [c.model_dump() for c in reply.citations]
    ctx.conversations.append(owner or "", scoped, "user", message)
    ctx.conversations.append(owner or "", scoped, "assistant", strip_remote_content(reply.text), citations)
    return True


def export_conversation(ctx: AppContext, owner: str | None, workspace: str | None) -> str:
    """Write the workspace's conversation to a markdown file; returns its path for download."""
    scoped = ctx.scoped(owner, workspace)
    shown = display_name(owner, scoped)  # never the owner's internal tag
    text = ctx.conversations.export_markdown(owner or "", scoped, title=shown)
    folder = ctx.download_folder()
    path = folder / f"conversation-{workspace_slug(shown)}.md"
    path.write_text(strip_remote_content(text), encoding="utf-8")
    return str(path)


def clear_conversation(ctx: AppContext, owner: str | None, workspace: str | None) -> list[ChatMessage]:
    ctx.conversations.clear(owner or "", ctx.scoped(owner, workspace))
    return []
