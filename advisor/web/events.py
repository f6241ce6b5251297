"""The web app's events: each turns a Gradio event (with the signed-in user) into a call to a
handler of `app_workspaces`, `app_chat` or `app_tools`, and the result into component updates.
Project errors become visible messages; anything else is logged and never shown as a trace.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from advisor.errors import AdvisorError, DiskFullError, is_disk_full
from advisor.web import chat as app_chat
from advisor.web import tools as app_tools
from advisor.web import workspaces as app_workspaces
from advisor.web.render import toast
from advisor.web.state import AppContext

logger = logging.getLogger(__name__)


def _owner(request: gr.Request | None) -> str | None:
    return getattr(request, "username", None) or None


def user_facing(func: Callable[..., Any]) -> Callable[..., Any]:
    """Project errors become a visible message; anything else is logged, never shown as a trace."""

    def translate(exc: Exception) -> gr.Error:
        if isinstance(exc, AdvisorError):
            return gr.Error(toast(str(exc)), print_exception=False)
        if is_disk_full(exc):
            logger.warning("handler %s: the disk is full", func.__name__, exc_info=True)
            return gr.Error(toast(str(DiskFullError("this request"))), print_exception=False)
        logger.exception("handler %s failed", func.__name__)
        return gr.Error("Something went wrong on our side; the details are in the server log.")

    if inspect.isgeneratorfunction(func):

        @functools.wraps(func)
        def stream(*args: Any, **kwargs: Any) -> Any:
            try:
                yield from func(*args, **kwargs)
            except gr.Error:
                raise
            except Exception as exc:
                raise translate(exc) from None

        return stream

    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as exc:
            raise translate(exc) from None

    return call


class Events:
    """Every event handler of the app, bound to one `AppContext`."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    @user_facing
    def on_load(self, request: gr.Request) -> tuple[Any, ...]:
        names = app_workspaces.workspace_names(self.ctx, _owner(request))
        current = names[0] if names else None
        return (gr.Dropdown(choices=names, value=current), *self._workspace_outputs(current, request))

    def _workspace_outputs(self, name: str | None, request: gr.Request) -> tuple[Any, ...]:
        owner = _owner(request)
        rows = app_workspaces.files_table(self.ctx, owner, name)
        history = app_chat.load_history(self.ctx, owner, name) if name else []
        charters = app_tools.charter_files(self.ctx, owner, name)
        return (
            rows,
            gr.Dropdown(choices=[str(r[0]) for r in rows], value=None),
            history,
            gr.Dropdown(choices=charters, value=charters[0] if charters else None),
        )

    @user_facing
    def on_select(self, name: str | None, request: gr.Request) -> tuple[Any, ...]:
        return self._workspace_outputs(name, request)

    @user_facing
    def on_create(self, new_name: str, request: gr.Request) -> tuple[Any, ...]:
        owner = _owner(request)
        created = app_workspaces.create_workspace(self.ctx, owner, new_name)
        gr.Info(toast(f"Created workspace {created}. Upload its documents next."))
        names = app_workspaces.workspace_names(self.ctx, owner)
        return (gr.Dropdown(choices=names, value=created), "", *self._workspace_outputs(created, request))

    @user_facing
    def on_upload(self, name: str | None, paths: list[str] | None, request: gr.Request) -> Any:
        owner = _owner(request)
        lines: list[str] = []
        total = len(paths or [])
        log = ""
        try:
            for number, result in enumerate(app_workspaces.upload_files(self.ctx, owner, name, paths), 1):
                lines.append(f"{'✅' if result.ok else '❌'} {result.message}")
                log = f"**{number}/{total} files**\n\n" + "\n\n".join(lines)
                yield log, app_workspaces.files_table(self.ctx, owner, name), gr.skip(), gr.skip()
        finally:
            # Gradio's served copies of the uploads: the workspace keeps its own, so none linger
            for path in paths or []:
                Path(path).unlink(missing_ok=True)
        rows = app_workspaces.files_table(self.ctx, owner, name)
        charters = app_tools.charter_files(self.ctx, owner, name)
        yield (
            log,
            rows,
            gr.Dropdown(choices=[str(r[0]) for r in rows], value=None),
            gr.Dropdown(choices=charters, value=charters[0] if charters else None),
        )

    @user_facing
    def on_remove(self, name: str | None, file: str | None, request: gr.Request) -> tuple[Any, ...]:
        gr.Info(toast(app_workspaces.remove_file(self.ctx, _owner(request), name, file)))
        return self._workspace_outputs(name, request)

    @user_facing
    def on_delete(self, name: str | None, request: gr.Request) -> tuple[Any, ...]:
        owner = _owner(request)
        gr.Info(toast(app_workspaces.delete_workspace(self.ctx, owner, name or "")))
        names = app_workspaces.workspace_names(self.ctx, owner)
        current = names[0] if names else None
        return (gr.Dropdown(choices=names, value=current), *self._workspace_outputs(current, request))

    @user_facing
    def on_chat(
        self, name: str | None, message: str, history: list[dict[str, Any]], request: gr.Request
    ) -> Any:
        for conversation, follow_ups in app_chat.chat(self.ctx, _owner(request), name, message, history):
            yield conversation, "", gr.Dataset(samples=[[p] for p in follow_ups])

    @user_facing
    def on_export(self, name: str | None, request: gr.Request) -> str:
        return app_chat.export_conversation(self.ctx, _owner(request), name)

    @user_facing
    def on_clear(self, name: str | None, request: gr.Request) -> list[dict[str, Any]]:
        return app_chat.clear_conversation(self.ctx, _owner(request), name)

    @user_facing
    def on_test_model(self) -> str:
        return app_tools.test_model_connection(self.ctx)

    @user_facing
    def on_check(self, statement: str) -> str:
        return app_tools.purpose_check_view(self.ctx, statement)

    @user_facing
    def on_draft(self, name: str | None, goal: str, request: gr.Request) -> str:
        return app_tools.purpose_draft_view(self.ctx, _owner(request), name, goal)

    @user_facing
    def on_interests(self, name: str | None, request: gr.Request) -> tuple[str, list[list[str]], str]:
        return app_tools.interests_view(self.ctx, _owner(request), name)

    @user_facing
    def on_pivots(self, name: str | None, as_of: str, request: gr.Request) -> tuple[str, str]:
        return app_tools.pivots_view(self.ctx, _owner(request), name, as_of)

    @user_facing
    def on_review(
        self, name: str | None, file: str | None, request: gr.Request
    ) -> tuple[str, list[list[str]], list[str]]:
        return app_tools.charter_view(self.ctx, _owner(request), name, file)
