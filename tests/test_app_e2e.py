"""End to end: the real app on 127.0.0.1 driven through its API with `gradio_client`: create a
workspace, upload files (one bad), chat, review the charter; with login, users stay apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file

from advisor.runtime import Runtime
from tests.app_server import running_app

pytestmark = pytest.mark.slow
EVALS = Path(__file__).resolve().parents[1] / "evals" / "data"
CHARTER = EVALS / "charters" / "riverside-safe-streets.md"


@pytest.fixture(scope="module")
def app_url(runtime: Runtime) -> Iterator[str]:
    with running_app(runtime) as url:
        yield url


def test_upload_chat_and_review_through_the_api(app_url: str, workspace_name: str, tmp_path: Path) -> None:
    client = Client(app_url, verbose=False)
    client.predict(workspace_name, api_name="/create_workspace")
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"PK\x03\x04 not really a docx")
    log, files, *_ = client.predict(
        workspace_name, [handle_file(str(CHARTER)), handle_file(str(bad))], api_name="/upload"
    )
    assert "✅ riverside-safe-streets.md: added as charter" in log
    assert "❌ notes.docx" in log
    assert [row[0] for row in files["data"]] == ["riverside-safe-streets.md"]

    conversation, _, _ = client.predict(
        workspace_name, "How do members join the coalition?", [], api_name="/chat"
    )
    answer = conversation[1]["content"]
    sources = conversation[2]
    assert "[1]" in str(answer)
    assert "riverside-safe-streets.md" in str(sources["content"])

    scorecard, rows, downloads = client.predict(
        workspace_name, "riverside-safe-streets.md", api_name="/review_charter"
    )
    assert "Charter review: riverside-safe-streets.md" in scorecard
    assert len(rows["data"]) == 13
    assert len(downloads) == 3


def test_user_mistakes_come_back_as_messages_not_traces(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    with pytest.raises(Exception, match="No workspace named 'nope-404'") as caught:
        client.predict("nope-404", "riverside-safe-streets.md", api_name="/review_charter")
    assert "Traceback" not in str(caught.value)


def test_with_login_each_user_sees_only_their_own_workspaces(runtime: Runtime, workspace_name: str) -> None:
    with running_app(runtime, auth="alice:wonderland,bob:builder") as url:
        assert httpx.get(url + "config").status_code in (401, 403) or "login" in httpx.get(url).text.lower()
        alice = Client(url, auth=("alice", "wonderland"), verbose=False)
        bob = Client(url, auth=("bob", "builder"), verbose=False)
        alice.predict(workspace_name, api_name="/create_workspace")
        alice.predict(workspace_name, [handle_file(str(CHARTER))], api_name="/upload")
        with pytest.raises(Exception, match="No workspace named"):
            bob.predict(workspace_name, "riverside-safe-streets.md", api_name="/review_charter")
        with pytest.raises(Exception, match="No workspace named"):
            bob.predict(workspace_name, "What does our charter say about joining?", [], api_name="/chat")
        scorecard, *_ = alice.predict(workspace_name, "riverside-safe-streets.md", api_name="/review_charter")
        assert "riverside-safe-streets.md" in scorecard
        with pytest.raises(ValueError):
            Client(url, auth=("bob", "wrong"), verbose=False)
