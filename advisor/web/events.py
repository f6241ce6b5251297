"""The web app's events: each turns a Gradio event (with the signed-in user) into a call to a
handler of `app_workspaces`, `app_chat` or `app_tools`, and the result into component updates.
Project errors become visible messages; anything else is logged and never shown as a trace.

In the browser a refused request is one warning and changes nothing on the page (`refuse`): raising
`gr.Error` there would mark every output of the event (a dropdown, the chat, a file table) with a
red "Error" that stays. API callers (gradio_client, curl) still get the error itself.
"""

from __future__ import annotations

import concurrent.futures
import contextvars
import functools
import inspect
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from advisor.errors import AdvisorError, DiskFullError, is_disk_full
from advisor.web import chat as app_chat
from advisor.web import tools as app_tools
from advisor.web import workspaces as app_workspaces
from advisor.web.render import toast
from advisor.web.scorecard import charter_view
from advisor.web.state import AppContext

logger = logging.getLogger(__name__)


def _owner(request: gr.Request | None) -> str | None:
    return getattr(request, "username", None) or None


def _size(value: Any) -> int:
    """Characters of text in a handler's input (strings inside lists and dicts too)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    if isinstance(value, list | tuple):
        return sum(_size(v) for v in value)
    return 0


def check_input_sizes(events: Events, args: tuple[Any, ...]) -> None:
    """Refuse any text input over ADVISOR_APP_MAX_TEXT_CHARS (and a conversation sent back over
    ADVISOR_APP_MAX_CONVERSATION_CHARS) before any work is done or anything is stored."""
    app = events.ctx.runtime.settings.app
    for value in args:
        if isinstance(value, str) and len(value) > app.max_text_chars:
            raise AdvisorError(
                f"That text is {len(value):,} characters; the limit is {app.max_text_chars:,}",
                hint="shorten it, upload it as a document, or raise ADVISOR_APP_MAX_TEXT_CHARS",
            )
        if isinstance(value, list) and _size(value) > app.max_conversation_chars:
            raise AdvisorError(
                f"The conversation is over {app.max_conversation_chars:,} characters",
                hint="clear the conversation, or raise ADVISOR_APP_MAX_CONVERSATION_CHARS",
            )


def user_facing(func: Callable[..., Any]) -> Callable[..., Any]:
    """Inputs bounded; project errors become a visible message; anything else is logged, never shown
    as a trace; a request (streamed or not) stops at ADVISOR_APP_REQUEST_TIMEOUT_S with a message."""

    def translate(exc: Exception) -> gr.Error:
        if isinstance(exc, AdvisorError):
            logger.info("handler %s: %s", func.__name__, exc)  # what the page was told, for the log
            return gr.Error(toast(str(exc)), print_exception=False)
        if is_disk_full(exc):
            logger.warning("handler %s: the disk is full", func.__name__, exc_info=True)
            return gr.Error(toast(str(DiskFullError("this request"))), print_exception=False)
        logger.exception("handler %s failed", func.__name__)
        return gr.Error("Something went wrong on our side; the details are in the server log.")

    if inspect.isgeneratorfunction(func):

        @functools.wraps(func)
        def stream(self: Events, *args: Any, **kwargs: Any) -> Any:
            limit = self.ctx.runtime.settings.app.request_timeout_s
            deadline = time.monotonic() + limit
            try:
                check_input_sizes(self, args)
                for update in func(self, *args, **kwargs):
                    yield update
                    if time.monotonic() > deadline:
                        raise AdvisorError(
                            f"This request took longer than {limit:g} s and was stopped",
                            hint="try again, or raise ADVISOR_APP_REQUEST_TIMEOUT_S",
                        )
            except Exception as exc:
                yield refuse(exc if isinstance(exc, gr.Error) else translate(exc), args, kwargs)

        return stream

    @functools.wraps(func)
    def call(self: Events, *args: Any, **kwargs: Any) -> Any:
        limit = self.ctx.runtime.settings.app.request_timeout_s
        try:
            check_input_sizes(self, args)
            # run in a worker (with this request's context, so toasts still reach the page) and stop
            # waiting at the limit: the user gets a message and the app's slot is free again
            future = _handler_pool().submit(contextvars.copy_context().run, func, self, *args, **kwargs)
            try:
                return future.result(timeout=limit)
            except concurrent.futures.TimeoutError:
                logger.warning("handler %s ran past %s s; the page was told", func.__name__, limit)
                # the worker cannot be stopped from here: say so, since an upload may still land
                raise AdvisorError(
                    f"This request took longer than {limit:g} s: the page stopped waiting for it, but it "
                    "may still finish (an upload then appears in the file list)",
                    hint="refresh the file list in a minute before trying again, or raise "
                    "ADVISOR_APP_REQUEST_TIMEOUT_S",
                ) from None
        except Exception as exc:
            return refuse(exc if isinstance(exc, gr.Error) else translate(exc), args, kwargs)

    return call


def refuse(error: gr.Error, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """In the browser: show `error` as one warning and leave every output as it was (`gr.skip()`
    for all of them). Anywhere else (API clients, tests calling a handler): raise it."""
    request = next((a for a in (*args, *kwargs.values()) if isinstance(a, gr.Request)), None)
    if request is None or _caller(request) != "app":
        raise error from None
    gr.Warning(error.message, title="Not done")
    return gr.skip()


def _caller(request: gr.Request) -> str:
    """Who sent the request: Gradio's own page says "app", its clients "api" (header x-gradio-user)."""
    headers = getattr(request, "headers", None) or {}
    return str(headers.get("x-gradio-user", "")).lower()


@functools.cache
def _handler_pool() -> concurrent.futures.ThreadPoolExecutor:
    """Workers for one-shot handlers (a handler that overruns keeps its worker until it ends)."""
    return concurrent.futures.ThreadPoolExecutor(max_workers=HANDLER_WORKERS, thread_name_prefix="handler")


# what the page's confirmation sends when the user declines to delete (no workspace name holds "<")
DELETE_CANCELLED = "<cancelled>"
HANDLER_WORKERS = 32
TOOL_PICKERS: tuple[app_tools.ToolKind, ...] = ("charter", "roster", "metrics")  # the layout's order


class Events:
    """Every event handler of the app, bound to one `AppContext`."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._uploading: set[str] = set()  # owners with an upload in progress: one each at a time
        self._uploading_lock = threading.Lock()

    @user_facing
    def on_load(self, request: gr.Request) -> tuple[Any, ...]:
        names = app_workspaces.workspace_names(self.ctx, _owner(request))
        current = names[0] if names else None
        return (gr.Dropdown(choices=names, value=current), *self._workspace_outputs(current, request))

    def _workspace_outputs(self, name: str | None, request: gr.Request) -> tuple[Any, ...]:
        owner = _owner(request)
        rows = app_workspaces.files_table(self.ctx, owner, name)
        history = app_chat.load_history(self.ctx, owner, name) if name else []
        return (
            rows,
            gr.Dropdown(choices=[str(r[0]) for r in rows], value=None),
            history,
            *self._tool_pickers(owner, name),
        )

    def _tool_pickers(self, owner: str | None, name: str | None) -> tuple[gr.Dropdown, ...]:
        """The file picker of each tool (charter review, interests, pivots), its default chosen."""
        choices = [app_tools.tool_files(self.ctx, owner, name, kind) for kind in TOOL_PICKERS]
        return tuple(gr.Dropdown(choices=c, value=c[0] if c else None) for c in choices)

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
        with self._uploading_lock:
            busy = (owner or "") in self._uploading
            self._uploading.add(owner or "")
        if busy:  # never two of one user's uploads at once: ingesting is the app's costliest work
            raise AdvisorError(
                "An upload of yours is still being read", hint="wait until it ends, then upload again"
            )
        lines: list[str] = []
        total = len(paths or [])
        log = ""
        try:
            for number, result in enumerate(app_workspaces.upload_files(self.ctx, owner, name, paths), 1):
                lines.append(f"{'✓' if result.ok else '✗'} {result.message}")
                log = f"**{number}/{total} files**\n\n" + "\n\n".join(lines)
                yield log, app_workspaces.files_table(self.ctx, owner, name), *[gr.skip()] * 4
        finally:
            with self._uploading_lock:
                self._uploading.discard(owner or "")
            # Gradio's served copies of the uploads: the workspace keeps its own, so none linger
            for path in paths or []:
                Path(path).unlink(missing_ok=True)
        rows = app_workspaces.files_table(self.ctx, owner, name)
        yield (
            log,
            rows,
            gr.Dropdown(choices=[str(r[0]) for r in rows], value=None),
            *self._tool_pickers(owner, name),
        )

    @user_facing
    def on_remove(self, name: str | None, file: str | None, request: gr.Request) -> tuple[Any, ...]:
        gr.Info(toast(app_workspaces.remove_file(self.ctx, _owner(request), name, file)))
        return self._workspace_outputs(name, request)

    @user_facing
    def on_delete(self, name: str | None, request: gr.Request) -> Any:
        if name == DELETE_CANCELLED:  # the user said no in the page's confirmation
            return gr.skip()
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
    def on_suggestion(
        self, name: str | None, sample: list[str], history: list[dict[str, Any]], request: gr.Request
    ) -> Any:
        """A suggested prompt clicked: sent at once, unless it is the start of one to finish
        ("Check our purpose: "), which goes to the message box."""
        prompt = str((sample or [""])[0])
        if prompt.rstrip().endswith(":"):
            yield gr.skip(), prompt, gr.skip()
            return
        yield from self.on_chat.__wrapped__(self, name, prompt, history, request)  # type: ignore[attr-defined]

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
    def on_interests(
        self, name: str | None, file: str | None = None, request: gr.Request | None = None
    ) -> tuple[str, list[list[str]], str, list[str]]:
        return app_tools.interests_view(self.ctx, _owner(request), name, file)

    @user_facing
    def on_pivots(
        self, name: str | None, as_of: str, file: str | None = None, request: gr.Request | None = None
    ) -> tuple[str, str, list[str]]:
        return app_tools.pivots_view(self.ctx, _owner(request), name, as_of, file)

    @user_facing
    def on_review(
        self, name: str | None, file: str | None, request: gr.Request
    ) -> tuple[str, list[list[str]], str, list[str]]:
        return charter_view(self.ctx, _owner(request), name, file)


def share_one_pool(demo: gr.Blocks, limit: int) -> None:
    """One concurrency limit for the whole app: every handler draws on the same `limit` slots (by
    default Gradio gives each event its own limit, so ten kinds of request could run 10 x limit).
    Uploads, which can take minutes, have a pool of their own (half as many slots), so a few large
    ones never keep every other user waiting."""
    for fn in demo.fns.values():
        handler = getattr(fn.fn, "__self__", None)
        if isinstance(handler, Events):
            uploads = getattr(fn.fn, "__name__", "") == "on_upload"
            fn.concurrency_id = "advisor-uploads" if uploads else "advisor-handlers"
            fn.concurrency_limit = max(1, limit // 2) if uploads else limit
