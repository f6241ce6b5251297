"""The web app's handlers, without a browser: workspaces, uploads (good and bad), routed chat with
sources, persisted and exported conversations, the tool views, and owner isolation."""

from __future__ import annotations

import json
import re
import shutil
import time
import uuid
from pathlib import Path

import pytest

from advisor.config import AppSettings, Settings
from advisor.errors import AdvisorError, WorkspaceError
from advisor.service.chat import detect_intent, extract_goal
from advisor.service.runtime import Runtime
from advisor.web.chat import WORKING, chat, export_conversation, load_history
from advisor.web.scorecard import charter_view
from advisor.web.state import AppContext
from advisor.web.tools import interests_view, pivots_view, purpose_check_view
from advisor.web.workspaces import (
    create_workspace,
    delete_workspace,
    files_table,
    remove_file,
    upload_files,
    workspace_names,
)
from tests.conftest import write

EVALS = Path(__file__).resolve().parents[1] / "evals" / "data"
CHARTER = EVALS / "charters" / "riverside-safe-streets.md"
ROSTER = EVALS / "rosters" / "riverside-safe-streets.yaml"
METRICS = EVALS / "metrics" / "riverside-road-safety.csv"
NOTES = EVALS / "metrics" / "riverside-road-safety.notes.md"


@pytest.fixture
def ctx(runtime: Runtime, tmp_path: Path) -> AppContext:
    """The shared runtime (knowledge indexed, model loaded) with this test's own conversations."""
    context = AppContext(runtime)
    context.__dict__["conversations"] = type(context.conversations)(tmp_path / "conversations.sqlite3")
    return context


def upload(ctx: AppContext, owner: str | None, workspace: str, *paths: Path, tmp: Path) -> list[str]:
    copies = []
    for path in paths:  # Gradio hands over temporary copies named like the user's files
        copy = tmp / "uploads" / path.name
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(path, copy)
        copies.append(str(copy))
    return [r.message for r in upload_files(ctx, owner, workspace, copies)]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Review our charter", "charter"),
        ("What's missing from our MOU?", "charter"),
        ("Whose interests have we missed?", "interests"),
        ("Should we change course?", "pivots"),
        ("Are we on track?", "pivots"),
        # a new user's "is this coalition even working" got a complaint and a roster line back
        ("is this coalition even working", "pivots"),
        ("Are we getting anywhere with the pantry work?", "pivots"),
        ('Check our purpose: "Promote safe streets for everyone."', "purpose_check"),
        ("Halve pedestrian deaths in Riverside by 2030.", "purpose_check"),
        # a vague statement pasted as is: the one that most needs the check
        ("We want to make our community a better and safer place for everyone.", "purpose_check"),
        ("Our mission is to promote health and wellbeing across the region.", "purpose_check"),
        ("We want to know how to run better meetings.", "ask"),
        ("To make Pinecrest County the healthiest county in the state.", "purpose_check"),
        ("Is this a good purpose: To make Pinecrest the healthiest county in the state.", "purpose_check"),
        ("To be honest I am not sure how to run our meetings well.", "ask"),
        # a wish for a state of things is a purpose to check (a new user's went to the guidance)
        ("We want a healthier river for everyone.", "purpose_check"),
        ("We want more farmers planting buffers along Willow Creek.", "purpose_check"),
        ("We want a list of local funders.", "ask"),
        ("To whom should we send the minutes after each meeting", "ask"),
        ("Draft a purpose statement for us", "purpose_draft"),
        ("How do we handle conflict between members?", "ask"),
        ("How do we share credit with partners?", "ask"),
    ],
)
def test_chat_routes_to_what_the_user_wants(message: str, intent: str) -> None:
    assert detect_intent(message) == intent


def test_check_our_purpose_checks_the_charters_purpose_or_asks_for_the_statement(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    create_workspace(ctx, None, workspace_name)
    *_, (conversation, _) = chat(ctx, None, workspace_name, "Check our purpose", [])
    reply = conversation[1]["content"]
    assert "Paste the statement to check after a colon" in reply and "/100" not in reply
    upload(ctx, None, workspace_name, CHARTER, tmp=tmp_path)
    *_, (conversation, _) = chat(ctx, None, workspace_name, "Check our purpose", [])
    reply = conversation[-1]["content"]
    assert "as your charter (riverside-safe-streets.md) states it" in reply
    assert "eliminate traffic deaths" in reply and "Check our purpose for" not in reply
    asked = "Is this a good purpose: To make Riverside the safest city in the state."
    *_, (conversation, _) = chat(ctx, None, workspace_name, asked, [])
    assert "To make Riverside the safest city in the state." in conversation[-1]["content"]


def test_a_goal_typed_in_the_chat_is_drafted_from_with_the_workspace_open(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    create_workspace(ctx, None, workspace_name)
    upload(ctx, None, workspace_name, CHARTER, tmp=tmp_path)
    goal = "Draft a purpose for cutting child asthma ER visits in Harbor County by 30% by 2029"
    *_, (conversation, _) = chat(ctx, None, workspace_name, goal, [])
    drafts = conversation[1]["content"]
    assert "Harbor County" in drafts and "30%" in drafts and "2029" in drafts
    assert extract_goal("Draft three purpose statements for us") is None  # only the request: no goal


def test_two_long_workspace_names_that_begin_alike_are_refused_not_merged(
    ctx: AppContext, workspace_name: str
) -> None:
    first = f"{workspace_name} Riverside Neighbourhood Safe Streets Coalition 2026 Alpha"[:60]
    second = first[:-5] + "Bravo"
    create_workspace(ctx, "alice", first)
    try:
        with pytest.raises(WorkspaceError, match="begins like") as refused:
            create_workspace(ctx, "alice", second)
        assert "shorter name" in str(refused.value.hint)
        assert workspace_names(ctx, "alice").count(first) == 1 and second not in workspace_names(ctx, "alice")
    finally:
        delete_workspace(ctx, "alice", first)


def test_uploads_report_each_file_and_a_bad_one_leaves_nothing(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    create_workspace(ctx, None, workspace_name)
    broken = tmp_path / "minutes.pdf"
    broken.write_bytes(b"%PDF-1.4 not a real pdf")
    messages = upload(ctx, None, workspace_name, CHARTER, broken, ROSTER, tmp=tmp_path)
    assert messages[0].startswith("riverside-safe-streets.md: added as charter")
    assert messages[1].startswith("minutes.pdf:") and "added" not in messages[1]
    assert messages[2].startswith("riverside-safe-streets.yaml: added as roster")
    rows = files_table(ctx, None, workspace_name)
    assert [r[0] for r in rows] == ["riverside-safe-streets.md", "riverside-safe-streets.yaml"]
    kept = sorted(p.name for p in ctx.files.folder(workspace_name).iterdir())
    assert kept == ["riverside-safe-streets.md", "riverside-safe-streets.yaml"]  # no staged leftovers
    assert (
        remove_file(ctx, None, workspace_name, "riverside-safe-streets.yaml")
        == "Removed riverside-safe-streets.yaml."
    )
    assert [r[0] for r in files_table(ctx, None, workspace_name)] == ["riverside-safe-streets.md"]


def test_a_table_no_tool_can_read_says_why_at_upload(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    members = tmp_path / "members.csv"
    members.write_text("organization,type,wants\nCounty Health Department,government,shared data\n")
    create_workspace(ctx, None, workspace_name)
    (message,) = upload(ctx, None, workspace_name, members, tmp=tmp_path)
    assert message.startswith("members.csv: added as document")
    assert "not read as a table: a roster needs the columns name and positions" in message
    assert "its columns are organization, type, wants" in message
    (fine,) = upload(ctx, None, workspace_name, METRICS, tmp=tmp_path)
    assert "added as metrics" in fine and "not read as a table" not in fine


def test_chat_reviews_the_uploaded_charter_and_answers_with_sources(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    create_workspace(ctx, None, workspace_name)
    upload(ctx, None, workspace_name, CHARTER, tmp=tmp_path)
    *_, (conversation, follow_ups) = chat(ctx, None, workspace_name, "Review our charter", [])
    assert "Charter review: riverside-safe-streets.md" in conversation[1]["content"]
    assert follow_ups
    *_, (conversation, _) = chat(
        ctx, None, workspace_name, "How do members join the coalition?", conversation
    )
    answer, sources = conversation[3], conversation[4]
    assert "[1]" in answer["content"]
    assert sources["metadata"]["title"].startswith("Sources")
    assert "riverside-safe-streets.md" in sources["content"]  # the user's own charter is cited
    # persisted: a restart (a new context over the same database) shows the same conversation
    reopened = AppContext(ctx.runtime)
    reopened.__dict__["conversations"] = type(ctx.conversations)(ctx.conversations.path)
    assert load_history(reopened, None, workspace_name) == conversation
    exported = Path(export_conversation(ctx, None, workspace_name)).read_text()
    assert "## You" in exported and "How do members join the coalition?" in exported
    assert "riverside-safe-streets.md" in exported
    # a reply's own headings sit under its turn ("# Charter review" once stood level with the title)
    assert [line for line in exported.splitlines() if line.startswith("# ")] == [exported.splitlines()[0]]
    assert "### Charter review: riverside-safe-streets.md" in exported


def test_sources_name_each_passage_without_repeating_words_the_answer_already_quotes(
    ctx: AppContext,
) -> None:
    *_, (conversation, _) = chat(ctx, None, None, "How do we handle conflict between members?", [])
    answer, sources = conversation[1]["content"], conversation[2]["content"]
    assert "Disagreement in a coalition is normal" in answer
    assert "[1] Managing Conflict Between Members" in sources and "knowledge/managing-conflict.md" in sources
    assert "Disagreement in a coalition is normal" not in sources  # shown once, in the answer


def test_a_thank_you_gets_a_short_reply_not_a_search(ctx: AppContext) -> None:
    """ "ok thanks" once got "I found nothing in the knowledge base ... Try rephrasing"."""
    *_, (conversation, follow_ups) = chat(ctx, None, None, "ok thanks", [])
    reply = conversation[-1]["content"]
    assert "Glad to help" in reply and "found nothing" not in reply and len(conversation) == 2
    assert follow_ups
    *_, (conversation, _) = chat(ctx, None, None, "ok thanks, how do we handle conflict between members?", [])
    assert "Disagreement in a coalition is normal" in conversation[1]["content"]  # a question still answered


def test_an_answer_is_saved_by_the_time_it_shows_whole(ctx: AppContext, workspace_name: str) -> None:
    """An export clicked the moment the answer and its sources appear already holds the exchange."""
    create_workspace(ctx, None, workspace_name)
    for conversation, _ in chat(ctx, None, workspace_name, "How do members join a coalition?", []):
        if conversation[-1].get("metadata", {}).get("title", "").startswith("Sources"):
            break  # the page shows the whole answer now; the stream has not been read to its end
    exported = Path(export_conversation(ctx, None, workspace_name)).read_text()
    assert "How do members join a coalition?" in exported and "## Coalition Advisor" in exported


def test_an_export_is_titled_and_named_as_its_owner_named_the_workspace(
    ctx: AppContext, workspace_name: str
) -> None:
    name = f"{workspace_name} Secret Plans"
    create_workspace(ctx, "alice", name)
    try:
        list(chat(ctx, "alice", name, "How do members join a coalition?", []))
        path = Path(export_conversation(ctx, "alice", name))
        assert path.read_text().startswith(f"# Conversation: {name}\n")
        assert path.name == f"conversation-{workspace_name}-secret-plans.md"  # no internal tag
    finally:
        delete_workspace(ctx, "alice", name)


def test_capability_prompts_without_the_file_say_what_to_upload(ctx: AppContext, workspace_name: str) -> None:
    create_workspace(ctx, None, workspace_name)
    *_, (conversation, _) = chat(ctx, None, workspace_name, "Whose interests have we missed?", [])
    assert "member roster" in conversation[1]["content"] and "Upload it" in conversation[1]["content"]
    with pytest.raises(AdvisorError, match="no roster"):
        interests_view(ctx, None, workspace_name)


def test_tool_views_give_reports_charts_and_downloads(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    create_workspace(ctx, None, workspace_name)
    upload(ctx, None, workspace_name, CHARTER, ROSTER, METRICS, NOTES, tmp=tmp_path)
    report, gaps, chart, files = interests_view(ctx, None, workspace_name)
    assert any(row[0] == "missing stakeholder" for row in gaps) and "<svg" in chart
    assert "Riverside Police Department" in chart and "lists no objectives" not in chart
    # the map and the pivot review download as the report shown and as JSON (only the chat and the
    # scorecard could be exported)
    assert [Path(f).suffix for f in files] == [".md", ".json"]
    assert "Riverside Police Department" in Path(files[0]).read_text()
    assert json.loads(Path(files[1]).read_text())["gaps"]
    report, progress, files = pivots_view(ctx, None, workspace_name, "2026-06-30")
    assert "Shift effort from enforcement toward street redesign" in report
    assert progress.count("<rect") >= 12 and "off track" in progress
    assert "Shift effort from enforcement toward street redesign" in Path(files[0]).read_text()
    assert Path(files[0]).name.startswith("pivots-") and "2026-06-30" in Path(files[0]).name
    assert json.loads(Path(files[1]).read_text())["as_of"] == "2026-06-30"
    _, rows, _, downloads = charter_view(ctx, None, workspace_name, None)
    assert len(rows) == 13 and rows[0][0] == "Purpose"
    assert sorted(Path(d).suffix for d in downloads) == [".csv", ".json", ".md"]
    assert all(".review." in Path(d).name for d in downloads)  # saved beside the charter, never over it
    assert "Score:" in Path(downloads[0]).read_text()
    assert "✓ **outcome**" in purpose_check_view(ctx, "Halve evictions in Eastside by 2028.")


def test_a_roster_without_objectives_is_mapped_against_the_workspaces_metrics(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    """A new user's map said "the roster lists no objectives" (every member at interest 0) beside a
    metrics table of seven; and a person named with their organisation kept its role and resources."""
    roster = write(
        tmp_path / "roster.yaml",
        "coalition: Harlan Food Security\nmembers:\n"
        "  - name: Luis Ortega\n    org: Harlan Unified School District\n"
        "    role: Nutrition director, chair\n    positions: [Summer meal sites in every school]\n"
        "    interests: [more children at summer meal sites]\n"
        "    resources: [kitchens, buses, staff]\n"
        "  - name: Keisha Brown\n    org: Harlan Tenants Union\n    positions: [Take on rent burden]\n",
    )
    metrics = write(
        tmp_path / "metrics.csv",
        "metric,unit,baseline,target,current,start,due\n"
        "Children at summer meal sites,children,900,2000,1200,2026-01-01,2026-12-31\n",
    )
    create_workspace(ctx, None, workspace_name)
    upload(ctx, None, workspace_name, roster, metrics, tmp=tmp_path)
    report, _, chart, _ = interests_view(ctx, None, workspace_name)
    assert "the workspace's metrics stand in for them (Children at summer meal sites)" in report
    assert "lists no objectives" not in chart
    # the chair with three resources steers: it is not a stranger with power 0.25
    assert re.search(r"Luis Ortega \(Harlan Unified School District\)", chart)
    assert "manage closely" in chart or "keep satisfied" in chart


def test_chat_says_which_roster_it_read_when_there_are_several(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    """A new user uploaded a two-member roster of new members after the real one: "Whose interests have
    we missed?" mapped only the two, and never said which file it had read."""
    member = "  - name: {0}\n    positions: [Open a pantry]\n    interests: [{0} wants fresh food]\n"
    roster = write(
        tmp_path / "roster.yaml", "members:\n" + "".join(member.format(n) for n in ("Ana", "Ben", "Cy"))
    )
    newest = write(tmp_path / "new-members.yaml", "members:\n" + member.format("Dee"))
    create_workspace(ctx, None, workspace_name)
    upload(ctx, None, workspace_name, roster, tmp=tmp_path)
    upload(ctx, None, workspace_name, newest, tmp=tmp_path)
    *_, (conversation, _) = chat(ctx, None, workspace_name, "Whose interests have we missed?", [])
    reply = conversation[1]["content"]
    assert "Read from new-members.yaml, the newest of 2" in reply and "roster.yaml" in reply, reply


def test_the_downloaded_scorecard_carries_no_html_that_loads_anything(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile-charter.md"  # its purpose clause carries HTML that would load things
    hostile.write_text(
        CHARTER.read_text(encoding="utf-8").replace(
            "## Why We Exist\n",
            '## Why We Exist\n<img src=x onerror="alert(1)"><style>body{background:url(http://127.0.0.1:9/x)}'
            "</style>\n",
            1,
        ),
        encoding="utf-8",
    )
    create_workspace(ctx, None, workspace_name)
    upload(ctx, None, workspace_name, hostile, tmp=tmp_path)
    _, _, _, downloads = charter_view(ctx, None, workspace_name, "hostile-charter.md")
    scorecard = Path(next(d for d in downloads if d.endswith(".md"))).read_text(encoding="utf-8")
    assert "Score:" in scorecard and "Why We Exist" in scorecard
    assert "onerror" not in scorecard and "url(http" not in scorecard and "<img" not in scorecard


def test_owners_see_only_their_own_workspaces(ctx: AppContext, workspace_name: str, tmp_path: Path) -> None:
    create_workspace(ctx, "alice", workspace_name)
    upload(ctx, "alice", workspace_name, CHARTER, tmp=tmp_path)
    assert workspace_name in [w.name for w in ctx.workspaces("alice")]
    assert workspace_name not in [w.name for w in ctx.workspaces("bob")]
    assert workspace_name not in [w.name for w in ctx.workspaces(None)]
    with pytest.raises(WorkspaceError, match="No workspace named"):
        list(chat(ctx, "bob", workspace_name, "Review our charter", []))
    with pytest.raises(WorkspaceError):
        charter_view(ctx, "bob", workspace_name, "riverside-safe-streets.md")
    create_workspace(ctx, "bob", workspace_name)  # the same name is free for another user
    assert files_table(ctx, "bob", workspace_name) == []
    assert "Deleted" in delete_workspace(ctx, "bob", workspace_name)
    assert files_table(ctx, "alice", workspace_name)  # alice's is untouched


def test_workspace_names_are_checked(ctx: AppContext, workspace_name: str) -> None:
    with pytest.raises(WorkspaceError, match="Give the workspace a name"):
        create_workspace(ctx, None, "  ")
    with pytest.raises(WorkspaceError, match="no letters or digits"):
        create_workspace(ctx, None, "!!!")
    create_workspace(ctx, None, workspace_name)
    with pytest.raises(WorkspaceError, match="already exists"):
        create_workspace(ctx, None, workspace_name.upper())


@pytest.mark.parametrize(
    "hostile",
    ["Riverside\x00Coalition", "Riverside \u202eenilaoc", "River\u200bside", "<b>Riverside</b>", "A\u2066B"],
)
def test_names_with_control_invisible_or_markup_characters_are_refused(ctx: AppContext, hostile: str) -> None:
    with pytest.raises(WorkspaceError, match=r"invisible or control character|may not contain"):
        create_workspace(ctx, None, hostile)


def test_names_that_differ_only_by_case_accents_or_dashes_are_one_workspace(ctx: AppContext) -> None:
    tag = uuid.uuid4().hex[:6]
    created = create_workspace(ctx, None, f"Café Coalition {tag}")
    for twin in (f"Cafe Coalition {tag}", f"cafe-coalition-{tag}", f"CAFÉ  COALITION {tag}"):
        with pytest.raises(WorkspaceError, match=r"already exists.*same workspace"):
            create_workspace(ctx, None, twin)
        assert ctx.scoped(None, twin) == created  # and every view finds it under the name it was given
    assert create_workspace(ctx, None, f"Ｆｕｌｌ Width {tag}") == f"Full Width {tag}"  # NFKC


def test_the_command_line_uses_the_same_names(runtime: Runtime, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from advisor.cli.main import app

    tag = uuid.uuid4().hex[:6]
    env = {"ADVISOR_HOME": str(runtime.settings.home)}
    (tmp_path / "n.md").write_text("# Notes\nThe coalition met on Tuesday.\n", encoding="utf-8")
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(tmp_path / "n.md"), "-w", f"Café Coalition {tag}"], env=env)
    again = runner.invoke(app, ["ingest", str(tmp_path / "n.md"), "-w", f"cafe-coalition-{tag}"], env=env)
    assert again.exit_code == 0 and "is the workspace" in again.output
    bad = runner.invoke(app, ["ask", "who?", "-w", "River\u202eside"], env=env)
    assert bad.exit_code != 0 and "invisible or control character" in bad.output
    gone = runner.invoke(app, ["workspaces", "delete", f"CAFE COALITION {tag}", "--yes"], env=env)
    assert gone.exit_code == 0 and f"Café Coalition {tag}" in gone.output


def test_a_settings_home_keeps_conversations_in_sqlite(tmp_path: Path) -> None:
    context = AppContext(Runtime(Settings(home=tmp_path)))
    assert context.conversations.path == tmp_path / "conversations.sqlite3"


def test_cli_ingested_originals_are_kept_by_their_path_and_removed_by_it(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from advisor.cli.main import app

    folder = tmp_path / "docs"
    (folder / "old").mkdir(parents=True)
    (folder / "old" / "x.md").write_text("# Old notes\nThe coalition met in March.\n", encoding="utf-8")
    env = {"ADVISOR_HOME": str(ctx.runtime.settings.home)}
    ingested = CliRunner().invoke(app, ["ingest", str(folder), "-w", workspace_name], env=env)
    assert ingested.exit_code == 0, ingested.output
    scoped = ctx.scoped(None, workspace_name)
    assert ctx.files.path_for(scoped, "old/x.md").read_text(encoding="utf-8").startswith("# Old notes")

    web_copy = tmp_path / "uploads" / "x.md"  # the same name, uploaded on the web
    web_copy.parent.mkdir()
    web_copy.write_text("# New notes\nThe coalition met in June.\n", encoding="utf-8")
    assert all(r.ok for r in upload_files(ctx, None, workspace_name, [str(web_copy)]))
    assert {str(r[0]) for r in files_table(ctx, None, workspace_name)} == {"old/x.md", "x.md"}

    remove_file(ctx, None, workspace_name, "old/x.md")
    assert not ctx.files.path_for(scoped, "old/x.md").exists()
    assert ctx.files.path_for(scoped, "x.md").read_text(encoding="utf-8").startswith("# New notes")
    delete_workspace(ctx, None, workspace_name)


def _bounded_ctx(runtime: Runtime, tmp_path: Path, **app: object) -> AppContext:
    settings = runtime.settings.model_copy(update={"app": AppSettings(**app)})  # type: ignore[arg-type]
    context = AppContext(Runtime(settings, embeddings=runtime.embeddings))
    context.__dict__["conversations"] = type(context.conversations)(tmp_path / "conversations.sqlite3")
    return context


def test_every_text_input_is_bounded_and_the_error_names_the_limit(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    import gradio as gr

    from advisor.web.events import Events

    ctx = _bounded_ctx(runtime, tmp_path)
    events = Events(ctx)
    create_workspace(ctx, None, workspace_name)
    huge = "Halve evictions in Eastside by 2028. " * 300_000  # 11 MB
    probes = {
        "purpose statement": lambda: events.on_check(huge),
        "goal": lambda: events.on_draft(workspace_name, huge, None),  # type: ignore[arg-type]
        "chat message": lambda: list(events.on_chat(workspace_name, huge, [], None)),  # type: ignore[arg-type]
        "new workspace": lambda: events.on_create(huge, None),  # type: ignore[arg-type]
        "as of": lambda: events.on_pivots(workspace_name, huge, None),  # type: ignore[arg-type]
        "conversation": lambda: list(
            events.on_chat(workspace_name, "hi", [{"role": "user", "content": "x" * 5_000_000}], None)  # type: ignore[arg-type]
        ),
    }
    accepted = []
    for name, probe in probes.items():
        try:
            probe()
            accepted.append(name)
        except gr.Error as exc:
            assert "the limit is 20,000" in str(exc) or "conversation is over" in str(exc), (name, exc)
    print(f"\noversized inputs: {len(probes)}, accepted: {len(accepted)}")
    assert accepted == []
    assert ctx.conversations.history("", workspace_name) == []  # nothing stored


def test_a_streamed_request_stops_at_the_timeout_with_a_message(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    import gradio as gr

    from advisor.web.events import Events

    ctx = _bounded_ctx(runtime, tmp_path, request_timeout_s=0.001)
    create_workspace(ctx, None, workspace_name)
    with pytest.raises(gr.Error, match=r"took longer than 0\.001 s"):
        list(Events(ctx).on_chat(workspace_name, "How do members join?", [], None))  # type: ignore[arg-type]


def test_a_one_shot_request_stops_at_the_timeout_with_a_message_and_frees_the_page(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    import gradio as gr

    from advisor.web.events import Events

    ctx = _bounded_ctx(runtime, tmp_path, request_timeout_s=0.05)
    create_workspace(ctx, None, workspace_name)
    upload(ctx, None, workspace_name, CHARTER, tmp=tmp_path)
    started = time.perf_counter()
    # a charter review takes longer; the worker runs on, and the message does not claim otherwise
    with pytest.raises(
        gr.Error, match=r"took longer than 0\.05 s: the page stopped waiting for it, but it may still"
    ):
        Events(ctx).on_review(workspace_name, "riverside-safe-streets.md", None)  # type: ignore[arg-type]
    assert time.perf_counter() - started < 2
    # within the limit, the same handler answers as before
    quick = Events(_bounded_ctx(runtime, tmp_path, request_timeout_s=60)).on_select(workspace_name, None)  # type: ignore[arg-type]
    assert quick


def test_every_handler_shares_one_limit_and_uploads_have_their_own(runtime: Runtime, tmp_path: Path) -> None:
    from advisor.web.events import Events, share_one_pool
    from advisor.web.layout import build_app

    demo = build_app(_bounded_ctx(runtime, tmp_path, concurrency=4))
    share_one_pool(demo, 4)
    handlers = [fn for fn in demo.fns.values() if isinstance(getattr(fn.fn, "__self__", None), Events)]
    assert len(handlers) >= 10
    pools = {(fn.fn.__name__, fn.concurrency_id, fn.concurrency_limit) for fn in handlers}
    assert {(c, n) for name, c, n in pools if name != "on_upload"} == {("advisor-handlers", 4)}
    assert {(c, n) for name, c, n in pools if name == "on_upload"} == {("advisor-uploads", 2)}


def test_a_user_gets_one_upload_at_a_time_and_others_are_not_held_up(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    from advisor.web.events import Events

    events = Events(ctx)
    create_workspace(ctx, None, workspace_name)
    running = events.on_upload.__wrapped__(events, workspace_name, [str(_copy(CHARTER, tmp_path))], None)
    next(running)  # the first file is being read: the upload is under way
    with pytest.raises(AdvisorError, match="still being read"):
        next(events.on_upload.__wrapped__(events, workspace_name, [str(_copy(ROSTER, tmp_path))], None))
    assert events.on_check("Cut traffic deaths in Riverside to zero by 2030.")  # the other tools answer
    list(running)  # the first upload ends ...
    again = list(events.on_upload.__wrapped__(events, workspace_name, [str(_copy(ROSTER, tmp_path))], None))
    assert "added as roster" in again[-1][0]  # ... and the next one is taken


def test_delete_and_ingest_exclude_each_other_and_the_loser_says_so(
    ctx: AppContext, workspace_name: str, tmp_path: Path
) -> None:
    import threading

    from advisor.store.activity import workspace_activity

    create_workspace(ctx, None, workspace_name)
    assert all(r.ok for r in [*upload_files(ctx, None, workspace_name, [str(_copy(CHARTER, tmp_path))])])
    home = ctx.runtime.settings.home
    with workspace_activity(home, workspace_name, deleting=False):  # an ingest is running
        done: list[object] = []
        worker = threading.Thread(  # the delete comes from another thread, as in the app
            target=lambda: done.append(_outcome(lambda: delete_workspace(ctx, None, workspace_name)))
        )
        worker.start()
        worker.join()
    assert isinstance(done[0], WorkspaceError) and "not deleted" in str(done[0])
    assert workspace_name in [w.name for w in ctx.workspaces(None)]  # nothing was deleted

    with workspace_activity(home, workspace_name, deleting=True):  # a delete is running
        results = list(upload_files(ctx, None, workspace_name, [str(_copy(NOTES, tmp_path))]))
    assert not results[0].ok and "being deleted" in results[0].message

    conversation_before = ctx.conversations.history("", workspace_name)
    stream = chat(ctx, None, workspace_name, "How do members join?", [])
    while next(stream)[0][-1]["content"] == WORKING:  # until the answer has started
        pass
    delete_workspace(ctx, None, workspace_name)
    list(stream)  # and finishes after the delete
    assert ctx.conversations.history("", workspace_name) == conversation_before == []


def _copy(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "uploads" / path.name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(path, target)
    return target


def _outcome(action: object) -> object:
    try:
        return action()  # type: ignore[operator]
    except Exception as exc:
        return exc
