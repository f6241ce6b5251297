"""Web-app handlers for the tool views beside the chat: purpose check and draft, the interest map
with its power/interest chart, pivots with a progress-against-pace chart, and the file each tool
reads (the charter scorecard is `web.scorecard`). Also the mode badge and the model connection test.
"""

from __future__ import annotations

import json
import time
from datetime import date
from html import escape
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from advisor.capabilities.charter.batch import CHARTER_SUFFIXES
from advisor.capabilities.interests.analysis import interests_markdown
from advisor.capabilities.interests.grid import stakeholder_grid
from advisor.capabilities.pivots.analysis import pivots_markdown
from advisor.capabilities.purpose.markdown import drafts_markdown, purpose_markdown
from advisor.errors import AdvisorError
from advisor.llm.models import describe_mode
from advisor.service.chat import UPLOAD_HINTS
from advisor.store.files import classify
from advisor.text.safety import strip_remote_content
from advisor.web.charts import progress_chart, stakeholder_chart
from advisor.web.state import AppContext

ToolKind = Literal["charter", "roster", "metrics"]
GAP_COLUMNS = ["kind", "member", "detail"]


def mode_badge(ctx: AppContext) -> str:
    """A small badge saying whether answers come from rules or a model (and which, where)."""
    mode = describe_mode(ctx.runtime.settings)
    offline = mode.startswith("offline")
    shown = escape(mode.removeprefix("offline (").removesuffix(")"))
    colour = "#455a64" if offline else "#2e7d32"
    label = "Offline mode" if offline else "Model mode"
    return (
        f"<span id='mode-badge' title='{escape(mode)}' style='background:{colour};color:white;"
        f"border-radius:12px;padding:3px 10px;font-size:13px'>{label}</span> "
        f"<span class='mode-detail' style='font-size:13px;color:#555'>"
        f"{shown} · store: {escape(ctx.runtime.store.mode)}</span>"
    )


def test_model_connection(ctx: AppContext) -> str:
    """Send one tiny request to the configured model and say how it went."""
    llm = ctx.runtime.llm
    if llm is None:
        return (
            "No model is configured, so the advisor runs offline (rule-based analysis and cited "
            "passages). Set OPENAI_API_KEY, or OPENAI_BASE_URL / ADVISOR_LLM_BASE_URL for a compatible "
            "server, and restart."
        )
    started = time.perf_counter()
    try:
        reply = llm.invoke("Reply with the single word OK.")
    except Exception as exc:  # any failure is the answer to "does it work?"
        return f"✗ The model did not answer: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    seconds = time.perf_counter() - started
    return f"✓ {describe_mode(ctx.runtime.settings)} answered in {seconds:.1f} s: {str(reply.content)[:80]!r}"


def purpose_check_view(ctx: AppContext, statement: str) -> str:
    if not (statement or "").strip():
        raise AdvisorError("Paste a purpose statement to check")
    result = ctx.capabilities.check_purpose(statement)
    return with_warnings(purpose_markdown(result), result.warnings)


def purpose_draft_view(ctx: AppContext, owner: str | None, workspace: str | None, goal: str) -> str:
    scoped = ctx.scoped(owner, workspace) if workspace else None
    result = ctx.capabilities.draft_purpose(goal=goal or None, workspace=scoped)
    return with_warnings(drafts_markdown(result), result.warnings)


def interests_view(
    ctx: AppContext, owner: str | None, workspace: str | None, file: str | None = None
) -> tuple[str, list[list[str]], str, list[str]]:
    """(report, gap rows, power/interest chart, [md, json] download paths) for the workspace's roster
    (`file`, else the newest)."""
    scoped = ctx.scoped(owner, workspace)
    chosen = chosen_file(ctx, owner, workspace, "roster", file)
    roster = ctx.capabilities.workspace_roster(chosen, scoped, ctx.files.find(scoped, "objectives"))
    embeddings = ctx.runtime.embeddings
    result = ctx.capabilities.map_interests(roster)
    rows = [[g.kind.replace("_", " "), g.member or "–", strip_remote_content(g.detail)] for g in result.gaps]
    # (a new user read "interest 1.00" for every member beside "the roster lists no objectives")
    chart = stakeholder_chart(
        stakeholder_grid(roster, result, embeddings=embeddings), objectives=bool(roster.objectives)
    )
    report = with_warnings(interests_markdown(result), result.warnings)
    return report, rows, chart, report_downloads(ctx, f"interests-{chosen.stem}", report, result)


def pivots_view(
    ctx: AppContext, owner: str | None, workspace: str | None, as_of: str | None, file: str | None = None
) -> tuple[str, str, list[str]]:
    """(report, progress-against-pace chart, [md, json] download paths) for the workspace's metrics
    (`file`, else the newest) and every notes file, oldest first."""
    scoped = ctx.scoped(owner, workspace)
    try:
        when = date.fromisoformat(as_of.strip()) if as_of and as_of.strip() else None
    except ValueError:
        raise AdvisorError(f"{as_of!r} is not a date", hint="use YYYY-MM-DD") from None
    metrics = chosen_file(ctx, owner, workspace, "metrics", file)
    result = ctx.capabilities.suggest_pivots(metrics, ctx.files.find_all(scoped, "notes"), when)
    report = with_warnings(pivots_markdown(result), result.warnings)
    downloads = report_downloads(ctx, f"pivots-{metrics.stem}-{result.as_of}", report, result)
    return report, progress_chart(result.metrics), downloads


def report_downloads(ctx: AppContext, stem: str, report: str, result: BaseModel) -> list[str]:
    """The report as markdown and the result as JSON, to download (a new user could export only the
    conversation and the charter's scorecard). The report quotes the user's files: in a viewer that
    renders HTML its tags must load nothing."""
    folder = ctx.download_folder()
    (folder / f"{stem}.md").write_text(strip_remote_content(report), encoding="utf-8")
    data = json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False)
    (folder / f"{stem}.json").write_text(data, encoding="utf-8")
    return [str(folder / f"{stem}.{ext}") for ext in ("md", "json")]


def tool_files(ctx: AppContext, owner: str | None, workspace: str | None, kind: ToolKind) -> list[str]:
    """The files of the workspace a tool can read, the one it reads by default first: for a charter
    review every document it can read (charters first), for the interest map the rosters and for
    pivots the metrics tables (newest first)."""
    if not workspace:
        return []
    scoped = ctx.scoped(owner, workspace)
    kept = ctx.files.files(scoped)
    if kind == "charter":
        readable = [p for p in kept if p.suffix.lower() in CHARTER_SUFFIXES]
        ordered = sorted(readable, key=lambda p: (classify(p) != "charter", ctx.files.source_of(scoped, p)))
    else:
        ordered = sorted((p for p in kept if classify(p) == kind), key=lambda p: -p.stat().st_mtime)
    return [ctx.files.source_of(scoped, p) for p in ordered]


def chosen_file(
    ctx: AppContext, owner: str | None, workspace: str | None, kind: ToolKind, file: str | None
) -> Path:
    """The file a tool reads: the one picked (a name from `tool_files`, never a path), else the
    newest of its kind."""
    scoped = ctx.scoped(owner, workspace)
    if file:
        if file not in tool_files(ctx, owner, workspace, kind):
            raise AdvisorError(f"{file} is not a {kind} of {workspace}", hint="pick one from the list")
        return ctx.files.path_for(scoped, file)
    path = ctx.files.find(scoped, kind)
    if path is None:
        raise AdvisorError(f"This workspace has no {kind} yet", hint=f"upload {UPLOAD_HINTS[kind]}")
    return path


def with_warnings(text: str, warnings: list[str]) -> str:
    """The view's markdown with its warnings on top (rendered safely by `render.SafeMarkdown`)."""
    return text if not warnings else "\n".join(f"> ⚠ {w}" for w in warnings) + "\n\n" + text
