"""The `advisor` command as a user runs it: fast help, ingest and ask (also with the network cut off)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from advisor import __version__
from advisor.cli.main import app
from advisor.service.runtime import Runtime
from advisor.store.chroma import workspace_collection
from tests.builders import pdf_bytes
from tests.conftest import write

runner = CliRunner()
OFFLINE_BOOT = (
    "import socket, sys\n"
    "def refuse(*a, **k): raise OSError('network blocked by test')\n"
    "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
    "from advisor.cli.main import app\n"
    "app(sys.argv[1:], prog_name='advisor')\n"
)


def test_help_is_fast_because_it_imports_no_torch_or_chroma() -> None:
    script = (
        "import sys\nfrom advisor.cli.main import app\n"
        "try:\n    app(['--help'], prog_name='advisor')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'chromadb', 'onnxruntime') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "ingest" in done.stdout and "ask" in done.stdout
    assert "HEAVY []" in done.stdout


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def _env(runtime: Runtime) -> dict[str, str]:
    return {"ADVISOR_HOME": str(runtime.settings.home)}


def test_ingest_reports_each_file_and_exits_1_when_one_failed(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    write(
        tmp_path / "docs/charter.md", "# Charter\n## Purpose\nEnd youth homelessness in Lakeside by 2030.\n"
    )
    (tmp_path / "docs/mou.pdf").write_bytes(pdf_bytes(["Members decide by consent."]))
    (tmp_path / "docs/empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(tmp_path / "docs"), "-w", workspace_name], env=_env(runtime))
    assert result.exit_code == 1
    assert "charter.md: added" in result.output and "mou.pdf: added" in result.output
    assert "empty.txt: the file is empty" in result.output
    again = runner.invoke(
        app, ["ingest", str(tmp_path / "docs/charter.md"), "-w", workspace_name], env=_env(runtime)
    )
    assert again.exit_code == 0 and "Nothing changed" in again.output
    listed = runner.invoke(app, ["workspaces", "list", "--json"], env=_env(runtime))
    entry = next(w for w in json.loads(listed.stdout) if w["name"] == workspace_name)
    assert sorted(f["source"] for f in entry["files"]) == ["charter.md", "mou.pdf"]


def test_ask_json_follows_the_contract(runtime: Runtime) -> None:
    result = runner.invoke(
        app, ["ask", "How do we handle conflict between members?", "--json"], env=_env(runtime)
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"answer", "mode", "citations"} and data["mode"] == "offline"
    assert data["citations"] and all(
        set(c) == {"source", "title", "section", "chunk_id", "quote"} for c in data["citations"]
    )


def test_ask_for_people_names_each_source_by_title_and_section_not_by_hash(runtime: Runtime) -> None:
    result = runner.invoke(app, ["ask", "How do we handle conflict between members?"], env=_env(runtime))
    assert result.exit_code == 0, result.output
    answer, sources = result.stdout.split("Sources", 1)
    data = json.loads(
        runner.invoke(
            app, ["ask", "How do we handle conflict between members?", "--json"], env=_env(runtime)
        ).stdout
    )
    flat = " ".join(sources.split())
    for citation in data["citations"]:
        assert citation["chunk_id"][:8] not in sources
        assert f"{citation['title']} › {citation['section']} — {citation['source']}" in flat
        words = [w for w in citation["quote"].replace("*", "").split() if not re.fullmatch(r"[-•]|\d+\.", w)]
        assert " ".join(words[:6]) in " ".join(answer.split())  # the offline answer quotes it whole


def test_unknown_workspace_is_one_clear_line_and_exit_1(runtime: Runtime) -> None:
    result = runner.invoke(app, ["ask", "anything", "-w", "no-such-coalition"], env=_env(runtime))
    assert result.exit_code == 1
    assert "error: No workspace named 'no-such-coalition'" in result.output
    assert "Traceback" not in result.output


def test_workspace_delete(runtime: Runtime, tmp_path: Path, workspace_name: str) -> None:
    write(tmp_path / "n.md", "# Notes\nThe coalition met on Tuesday.\n")
    runner.invoke(app, ["ingest", str(tmp_path / "n.md"), "-w", workspace_name], env=_env(runtime))
    result = runner.invoke(app, ["workspaces", "delete", workspace_name, "--yes"], env=_env(runtime))
    assert result.exit_code == 0 and "1 files" in result.output
    listed = runner.invoke(app, ["workspaces", "list", "--json"], env=_env(runtime))
    assert workspace_name not in {w["name"] for w in json.loads(listed.stdout)}


def _offline(
    args: list[str], home: Path, tmp_path: Path, wrapper: list[str]
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ADVISOR_HOME": str(home),
        "TIKTOKEN_CACHE_DIR": str(tmp_path / "no-cache"),
        "HF_HOME": str(tmp_path / "no-hf"),
    }
    env.pop("OPENAI_API_KEY", None)
    return subprocess.run(
        [*wrapper, sys.executable, "-c", OFFLINE_BOOT, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _wrappers() -> list[list[str]]:
    wrappers = [[]]
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    ):
        wrappers.append(["unshare", "-rn"])
    return wrappers


@pytest.mark.slow
@pytest.mark.parametrize("wrapper", _wrappers(), ids=lambda w: "unshare" if w else "sockets-blocked")
def test_fresh_install_ingests_and_answers_with_no_network(tmp_path: Path, wrapper: list[str]) -> None:
    """A new home: the knowledge base is indexed, a document ingested and a question answered, offline."""
    home = tmp_path / "home"
    write(tmp_path / "charter.md", "# Charter\n## Conflict resolution\nDisputes go to a neutral mediator.\n")
    ingest = _offline(["ingest", str(tmp_path / "charter.md"), "-w", "offline-test"], home, tmp_path, wrapper)
    assert ingest.returncode == 0, ingest.stderr
    ask = _offline(
        ["ask", "How do we handle conflict between members?", "-w", "offline-test", "--json"],
        home,
        tmp_path,
        wrapper,
    )
    assert ask.returncode == 0, ask.stderr
    data = json.loads(ask.stdout)
    sources = {c["source"] for c in data["citations"]}
    assert "charter.md" in sources and "knowledge/managing-conflict.md" in sources


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["purpose", "check", "  "], "No purpose statement to check"),
        (["ask", ""], "No question to answer"),
        (["workspaces", "delete", "No Such Workspace"], "No workspace named 'No Such Workspace'"),
        (["ingest", "nosuch/", "--workspace", "never-created"], "No such file or folder: nosuch"),
    ],
)
def test_empty_or_missing_input_is_refused_at_once_and_creates_nothing(args: list[str], says: str) -> None:
    done = CliRunner().invoke(app, args, input="y\n")
    assert done.exit_code != 0 and says in done.output
    assert "Delete workspace" not in done.output  # no confirmation asked for what does not exist
    listed = CliRunner().invoke(app, ["workspaces", "list", "--json"])
    assert "never-created" not in listed.output


def test_reviewing_a_missing_file_prints_the_error_and_no_empty_table(tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["review", str(tmp_path / "nosuch.md")])
    assert done.exit_code == 1 and "nosuch.md" in done.output
    assert "Element" not in done.output and "┃" not in done.output


def test_links_out_of_an_ingested_folder_are_not_followed_and_said_so_per_file(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    outside = write(tmp_path / "secret" / "passwd.txt", "root:x:0:0:SECRET-CANARY:/root:/bin/bash\n")
    write(tmp_path / "docs" / "notes.md", "# Notes\nThe coalition met on Tuesday.\n")
    (tmp_path / "docs" / "passwd.txt").symlink_to(outside)  # a file out of the folder
    (tmp_path / "docs" / "etc.md").symlink_to("/etc/passwd")  # an absolute link
    (tmp_path / "docs" / "linked").symlink_to(tmp_path / "secret", target_is_directory=True)
    (tmp_path / "docs" / "same.md").symlink_to(tmp_path / "docs" / "notes.md")  # stays inside: read
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "docs"), "-w", workspace_name, "--json"], env=_env(runtime)
    )
    statuses = {r["source"]: (r["status"], r["error"]) for r in json.loads(result.stdout)["results"]}
    refused = {s for s, (status, error) in statuses.items() if status == "failed" and "not followed" in error}
    assert refused == {"passwd.txt", "etc.md", "linked"}
    assert statuses["notes.md"][0] == "added" and statuses["same.md"][0] == "added"
    got = runtime.store.collection(workspace_collection(workspace_name), create=False).get(
        include=["documents"]
    )
    assert not any("SECRET-CANARY" in d or "root:x:0" in d for d in got["documents"] or [])
    followed = [s for s in ("passwd.txt", "etc.md", "linked") if s not in refused]
    print(f"\nlinks out of the folder: 3 / followed: {len(followed)}")


def test_review_of_a_folder_says_which_links_out_of_it_it_did_not_read(
    runtime: Runtime, tmp_path: Path
) -> None:
    outside = write(tmp_path / "secret" / "charter.md", "# Secret charter\nSECRET-CANARY members decide.\n")
    write(tmp_path / "drafts" / "ours.md", "# Our charter\nThe council decides by a two-thirds vote.\n")
    (tmp_path / "drafts" / "theirs.md").symlink_to(outside)
    result = runner.invoke(app, ["review", str(tmp_path / "drafts")], env=_env(runtime))
    assert result.exit_code == 1  # something given was not read
    assert "theirs.md: not read: a link to a file outside the folder" in result.stderr
    assert "ours.md" in result.stderr and "SECRET-CANARY" not in result.stdout + result.stderr


def test_text_longer_than_the_limit_is_refused_at_once_by_the_cli(runtime: Runtime) -> None:
    huge = "We promote safe streets. " * 2000  # 50,000 characters, over the 20,000 default
    for args in (["purpose", "check", huge], ["ask", huge]):
        result = runner.invoke(app, args, env=_env(runtime))
        assert result.exit_code != 0
        assert "the limit is 20,000" in result.stderr and "ADVISOR_APP_MAX_TEXT_CHARS" in result.stderr
        assert huge not in result.stdout  # not echoed back


@pytest.mark.parametrize("command", [["ask", "--help"], ["eval", "--help"], ["review", "--help"]])
def test_help_shows_no_type_beside_an_on_off_flag(command: list[str]) -> None:
    result = runner.invoke(app, command, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "--help" in result.output and "<bool>" not in result.output


def test_a_misnamed_setting_is_pointed_out_not_silently_ignored(runtime: Runtime) -> None:
    env = {**_env(runtime), "ADVISOR_DATA_DIR": "/srv/advisor", "ADVISOR_APP_PROT": "8000"}
    result = runner.invoke(app, ["workspaces", "list"], env=env)
    assert result.exit_code == 0
    assert "ADVISOR_DATA_DIR is not a setting and is ignored" in result.stderr
    assert "the data folder is ADVISOR_HOME" in result.stderr
    assert "ADVISOR_APP_PROT is not a setting and is ignored (did you mean ADVISOR_APP_PORT?)" in (
        result.stderr
    )
    quiet = runner.invoke(app, ["workspaces", "list"], env=_env(runtime))
    assert "is not a setting" not in quiet.stderr  # the real settings draw no note
