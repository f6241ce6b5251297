"""The Gradio layout of the web app: sidebar (workspaces, uploads, settings), chat, and tool views.

UI only: every event goes to `web_events.Events`, which calls the package's handlers with the
signed-in owner. `app.py` and `advisor serve` both call `launch_app`. It lives in the package (not
only in app.py) so the installed `advisor serve` command can start the very same app.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable

from advisor.documents.read import SUPPORTED_SUFFIXES
from advisor.web.guard import BodyLimit, SameOriginOnly, allowed_hosts, request_body_limit

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

import gradio as gr

from advisor.llm.models import describe_mode
from advisor.service.runtime import Runtime
from advisor.web import chat as app_chat
from advisor.web import tools as app_tools
from advisor.web import workspaces as app_workspaces
from advisor.web.accounts import parse_auth
from advisor.web.events import DELETE_CANCELLED, Events, share_one_pool
from advisor.web.render import safe_chatbot, safe_markdown
from advisor.web.scorecard import SCORECARD_COLUMNS
from advisor.web.state import AppContext
from advisor.web.theme import CSS, HEAD, AdvisorTheme, open_on_wide_screens
from advisor.web.throttle import LoginBackoff, LoginThrottle

logger = logging.getLogger(__name__)
# The browser saves the file an event has just written (a DownloadButton saves the file it held
# before the click: an export made by the click itself would come on the second click).
DOWNLOAD_JS = """(file) => { if (file && file.url) { const link = document.createElement('a');
  link.href = file.url; link.download = file.orig_name || 'conversation.md'; document.body.appendChild(link);
  link.click(); link.remove(); } return file; }"""
CONFIRM_DELETE_JS = (
    "(name) => (!name || confirm(`Delete the workspace “${name}”, its files and its conversation? "
    f"This cannot be undone.`)) ? name : {json.dumps(DELETE_CANCELLED)}"
)
UPLOAD_TYPES = list(SUPPORTED_SUFFIXES)


# what to upload, under the upload box until the first upload reports (the box's own label, which once
# said it all, ran over its buttons in the narrow sidebar)
UPLOAD_HINT = (
    "Your charter, roster (YAML or CSV), metrics table (CSV) and meeting notes: markdown, text, PDF, "
    "Word, CSV or YAML."
)


def build_app(ctx: AppContext) -> gr.Blocks:
    """The whole UI, wired to the events."""
    events = Events(ctx)
    with gr.Blocks(title="Coalition Advisor", analytics_enabled=False) as demo:
        with gr.Row(equal_height=True):
            safe_markdown(
                "## Coalition Advisor\nGrounded advice for people who lead coalitions.",
                elem_classes="app-title",
            )
            gr.HTML(app_tools.mode_badge(ctx))
        with gr.Sidebar(label="Workspace", open=False, elem_id="sidebar") as sidebar:
            workspace = gr.Dropdown(
                label="Workspace", choices=[], elem_id="workspace", allow_custom_value=True
            )
            new_name = gr.Textbox(
                label="New workspace", placeholder="e.g. Riverside Safe Streets", elem_id="new-workspace"
            )
            create = gr.Button("Create workspace", elem_id="create-workspace")
            upload = gr.File(
                label="Upload documents",
                file_count="multiple",
                file_types=UPLOAD_TYPES,
                elem_id="upload",
            )
            upload_log = safe_markdown(UPLOAD_HINT, elem_id="upload-log")
            files = gr.Dataframe(
                headers=app_workspaces.FILE_COLUMNS,
                interactive=False,
                elem_id="files",
                wrap=True,
                column_widths=["48%", "27%", "25%"],
            )
            with gr.Row():
                remove_choice = gr.Dropdown(label="File", choices=[], scale=3, allow_custom_value=True)
                remove = gr.Button("Remove", size="sm", scale=1)
            delete = gr.Button("Delete workspace", variant="stop", size="sm")
            with gr.Accordion("Settings", open=False):
                safe_markdown(f"Model: {describe_mode(ctx.runtime.settings)}")
                test_model = gr.Button("Test model connection", size="sm", elem_id="test-model")
                test_result = safe_markdown()
        with gr.Tabs(elem_id="views", overflow_behavior="wrap"):  # every tab in sight on a phone
            with gr.Tab("Chat", id="chat"):
                chatbot = safe_chatbot(
                    elem_id="chatbot",
                    label="Conversation",
                    show_label=False,  # (the tab says Chat; the label sat over the first message)
                    height=520,
                    placeholder="Ask about your coalition, paste a purpose statement, or try a prompt below.",
                    buttons=["copy"],
                )
                message = gr.Textbox(
                    placeholder="Ask a question, or say 'review our charter'…",
                    show_label=False,
                    elem_id="message",
                    submit_btn=True,
                )
                follow_ups = gr.Dataset(
                    label="Try",
                    components=[gr.Textbox(visible=False)],
                    samples=[[p] for p in app_chat.WELCOME_PROMPTS],
                )
                with gr.Row():
                    export = gr.Button("Export conversation (markdown)", size="sm", elem_id="export")
                    exported = gr.File(visible=False)
                    clear = gr.Button("Clear conversation", size="sm")
            # each result under the button that asked for it (the check's result once sat under the
            # Draft button); side by side on a wide screen, one above the other on a phone
            with gr.Tab("Purpose", id="purpose"), gr.Row(equal_height=False):
                with gr.Column(min_width=320):
                    statement = gr.Textbox(label="Purpose statement", lines=2, elem_id="purpose-statement")
                    check = gr.Button("Check statement", variant="primary")
                    purpose_out = safe_markdown(elem_id="purpose-result")
                with gr.Column(min_width=320):
                    goal = gr.Textbox(
                        label="Or draft from a goal (and the workspace's documents)", lines=2, elem_id="goal"
                    )
                    draft = gr.Button("Draft three statements")
                    drafts_out = safe_markdown(elem_id="drafts-result")
            with gr.Tab("Interests", id="interests"):
                with gr.Row():
                    roster_choice = gr.Dropdown(
                        label="Roster", choices=[], scale=3, elem_id="roster-file", allow_custom_value=True
                    )
                    run_interests = gr.Button(
                        "Map interests", variant="primary", scale=1, elem_id="run-interests"
                    )
                # the report lists the gaps; this grid is kept for API callers only
                gaps = gr.Dataframe(headers=app_tools.GAP_COLUMNS, interactive=False, visible=False)
                grid = gr.HTML(elem_id="power-interest")
                interests_out = safe_markdown(elem_id="interests-result")
                interests_files = gr.File(
                    label="Download the map (md, json)", file_count="multiple", elem_id="interests-files"
                )
            with gr.Tab("Pivots", id="pivots"):
                with gr.Row():
                    metrics_choice = gr.Dropdown(
                        label="Metrics", choices=[], scale=2, elem_id="metrics-file", allow_custom_value=True
                    )
                    as_of = gr.Textbox(label="As of (YYYY-MM-DD; empty for today)", scale=3, elem_id="as-of")
                    run_pivots = gr.Button(
                        "Should we change course?", variant="primary", scale=1, elem_id="run-pivots"
                    )
                progress = gr.HTML()
                pivots_out = safe_markdown(elem_id="pivots-result")
                pivots_files = gr.File(
                    label="Download the review (md, json)", file_count="multiple", elem_id="pivots-files"
                )
            with gr.Tab("Charter", id="charter"):
                with gr.Row():
                    charter_choice = gr.Dropdown(
                        label="Charter", choices=[], scale=3, elem_id="charter-file", allow_custom_value=True
                    )
                    run_review = gr.Button(
                        "Review charter", variant="primary", scale=1, elem_id="review-charter"
                    )
                review_out = safe_markdown(elem_id="review-result")
                scorecard = gr.Dataframe(
                    headers=SCORECARD_COLUMNS,
                    interactive=False,
                    wrap=True,
                    elem_id="scorecard",
                    column_widths=["15%", "12%", "36%", "37%"],
                    max_height=4000,  # all thirteen elements, no scrolling inside the page
                    show_label=False,
                )
                review_details = safe_markdown(elem_id="review-details")
                downloads = gr.File(label="Download the scorecard (md, json, csv)", file_count="multiple")

        workspace_outputs = [files, remove_choice, chatbot, charter_choice, roster_choice, metrics_choice]
        demo.load(events.on_load, outputs=[workspace, *workspace_outputs])
        open_on_wide_screens(demo, sidebar)
        workspace.change(
            events.on_select, inputs=workspace, outputs=workspace_outputs, api_visibility="private"
        )
        create.click(
            events.on_create,
            inputs=new_name,
            outputs=[workspace, new_name, *workspace_outputs],
            api_name="create_workspace",
        )
        new_name.submit(
            events.on_create,
            inputs=new_name,
            outputs=[workspace, new_name, *workspace_outputs],
            api_visibility="private",
        )
        upload.upload(
            events.on_upload,
            inputs=[workspace, upload],
            outputs=[upload_log, files, remove_choice, charter_choice, roster_choice, metrics_choice],
            api_name="upload",
            show_progress="minimal",
        ).then(lambda: None, outputs=upload, api_visibility="private")
        remove.click(
            events.on_remove,
            inputs=[workspace, remove_choice],
            outputs=workspace_outputs,
            api_name="remove_file",
        )
        delete.click(
            events.on_delete,
            inputs=workspace,
            outputs=[workspace, *workspace_outputs],
            api_name="delete_workspace",
            js=CONFIRM_DELETE_JS,  # asked in the page first: a deleted workspace cannot be brought back
        )
        test_model.click(
            events.on_test_model,
            outputs=test_result,
            api_name="test_model",
        )

        message.submit(
            events.on_chat,
            inputs=[workspace, message, chatbot],
            outputs=[chatbot, message, follow_ups],
            api_name="chat",
        )
        follow_ups.click(
            events.on_suggestion,
            inputs=[workspace, follow_ups, chatbot],
            outputs=[chatbot, message, follow_ups],
            api_visibility="private",
        )
        clear.click(events.on_clear, inputs=workspace, outputs=chatbot, api_visibility="private")
        export.click(
            events.on_export, inputs=workspace, outputs=exported, api_name="export_conversation"
        ).then(None, inputs=exported, js=DOWNLOAD_JS)  # the file written by this click, downloaded
        check.click(events.on_check, inputs=statement, outputs=purpose_out, api_name="purpose_check")
        draft.click(events.on_draft, inputs=[workspace, goal], outputs=drafts_out, api_name="purpose_draft")
        run_interests.click(
            events.on_interests,
            inputs=[workspace, roster_choice],
            outputs=[interests_out, gaps, grid, interests_files],
            api_name="interests",
        )
        run_pivots.click(
            events.on_pivots,
            inputs=[workspace, as_of, metrics_choice],
            outputs=[pivots_out, progress, pivots_files],
            api_name="pivots",
        )
        run_review.click(
            events.on_review,
            inputs=[workspace, charter_choice],
            outputs=[review_out, scorecard, review_details, downloads],
            api_name="review_charter",
        )
    return demo  # type: ignore[no-any-return]


def launch_app(
    ctx: AppContext | None = None,
    *,
    host: str | None = None,
    port: int | None = None,
    block: bool = True,
    before_listen: Callable[[], None] | None = None,
) -> gr.Blocks:
    """Build and start the app with production settings: queue with a concurrency limit, upload size
    limit, optional login, no tracebacks for users, no telemetry, no monitoring route, no run history,
    no cross-origin callers, nothing under ADVISOR_HOME served as a file, served copies of uploads
    and downloads deleted after an hour. `before_listen` runs just before the server takes its port
    (`serve` stops its starting page there)."""
    from starlette.middleware import Middleware

    ctx = ctx or AppContext(Runtime())
    settings = ctx.runtime.settings
    hosts = allowed_hosts(host or settings.app.host, settings.app.allowed_hosts)
    ctx.runtime.ensure_knowledge()
    swept = ctx.files.sweep_staging(older_than_s=settings.app.stale_upload_s)
    if swept:
        logger.info("removed %d unfinished upload(s) left by an earlier run", swept)
    demo = build_app(ctx)
    demo.queue(default_concurrency_limit=settings.app.concurrency, max_size=settings.app.queue_size)
    share_one_pool(demo, settings.app.concurrency)
    demo.delete_cache = (900, 3600)  # every 15 min, the copies Gradio serves that are over an hour old
    auth = parse_auth(settings.auth)
    if before_listen is not None:
        before_listen()
    demo.launch(
        server_name=host or settings.app.host,
        server_port=port or settings.app.port,
        auth=auth or None,
        auth_message="Sign in to see your coalition's workspaces." if auth else None,
        max_file_size=int(settings.ingest.max_file_mb * 2**20),  # bytes: gradio cannot parse "0.5mb"
        show_error=False,
        enable_monitoring=False,
        run_history=False,  # else inputs and outputs are kept in the browser (or a Hugging Face bucket)
        blocked_paths=[str(settings.home.resolve())],
        app_kwargs={
            "middleware": [
                Middleware(SameOriginOnly, hosts=hosts),
                Middleware(BodyLimit, max_bytes=request_body_limit(settings.app)),
                Middleware(
                    LoginBackoff,
                    throttle=LoginThrottle(
                        free_failures=settings.app.login_free_failures,
                        base_delay_s=settings.app.login_backoff_s,
                        max_delay_s=settings.app.login_max_backoff_s,
                    ),
                ),
            ],
            "openapi_url": None,
        },
        prevent_thread_lock=True,
        quiet=True,  # Gradio's own banner suggests `share=True`, which this app never wants
        css=CSS,
        theme=AdvisorTheme(),
        head=HEAD,
        footer_links=[],
    )
    logger.info("Coalition Advisor is running on %s", demo.local_url)
    if block:
        demo.block_thread()
    return demo
