"""End to end: the real app on 127.0.0.1 driven through its API with `gradio_client`: create a
workspace, upload files (one bad), chat, review the charter; with login, no user reaches another's
workspace through any endpoint."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file

from advisor.service.runtime import Runtime
from tests.app_server import running_app

pytestmark = pytest.mark.slow
EVALS = Path(__file__).resolve().parents[1] / "evals" / "data"
CHARTER = EVALS / "charters" / "riverside-safe-streets.md"
CANARY = "zorblaxian"


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
    assert "✓ riverside-safe-streets.md: added as charter" in log
    assert "✗ notes.docx" in log
    assert [row[0] for row in files["data"]] == ["riverside-safe-streets.md"]

    conversation, *_ = client.predict(
        workspace_name, "How do members join the coalition?", [], api_name="/chat"
    )
    answer = conversation[1]["content"]
    sources = conversation[2]
    assert "[1]" in str(answer)
    assert "riverside-safe-streets.md" in str(sources["content"])

    scorecard, rows, _, downloads = client.predict(
        workspace_name, "riverside-safe-streets.md", api_name="/review_charter"
    )
    assert "riverside-safe-streets.md" in scorecard and "Score: " in scorecard
    assert len(rows["data"]) == 13
    assert len(downloads) == 3


def test_user_mistakes_come_back_as_messages_not_traces(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    with pytest.raises(Exception, match="No workspace named 'nope-404'") as caught:
        client.predict("nope-404", "riverside-safe-streets.md", api_name="/review_charter")
    assert "Traceback" not in str(caught.value)


def test_with_login_no_user_reaches_another_users_workspace(
    runtime: Runtime, workspace_name: str, tmp_path: Path
) -> None:
    """Bob tries every endpoint on Alice's workspace (and on her files by path): all refused."""
    charter = tmp_path / "charter.md"
    charter.write_text(CHARTER.read_text() + f"\n\n## Secret\nThe {CANARY} pledge binds members.\n")
    files = [
        charter,
        EVALS / "rosters/riverside-safe-streets.yaml",
        EVALS / "metrics/riverside-road-safety.csv",
    ]
    with running_app(runtime, auth="alice:wonderland,bob:builder") as url:
        assert httpx.get(url + "config").status_code == 401
        with pytest.raises(ValueError):
            Client(url, auth=("bob", "wrong"), verbose=False)
        alice = Client(url, auth=("alice", "wonderland"), verbose=False)
        bob = Client(url, auth=("bob", "builder"), verbose=False)
        alice.predict(workspace_name, api_name="/create_workspace")
        log, *_ = alice.predict(workspace_name, [handle_file(str(f)) for f in files], api_name="/upload")
        assert log.count("✓") == 3, log
        alice.predict(workspace_name, f"What is the {CANARY} pledge?", [], api_name="/chat")
        stored = next((runtime.settings.home / "files").glob(f"u*-{workspace_name}")) / "charter.md"
        assert stored.is_file()

        listing = str(bob.predict(api_name="/on_load"))
        refused = {  # endpoint -> what Bob sends; each must fail with "No workspace named" or similar
            "upload": lambda: bob.predict(workspace_name, [handle_file(str(CHARTER))], api_name="/upload"),
            "remove_file": lambda: bob.predict(workspace_name, "charter.md", api_name="/remove_file"),
            "delete_workspace": lambda: bob.predict(workspace_name, api_name="/delete_workspace"),
            "chat": lambda: bob.predict(
                workspace_name, f"What is the {CANARY} pledge?", [], api_name="/chat"
            ),
            "export_conversation": lambda: bob.predict(workspace_name, api_name="/export_conversation"),
            "interests": lambda: bob.predict(workspace_name, api_name="/interests"),
            "pivots": lambda: bob.predict(workspace_name, "", api_name="/pivots"),
            "purpose_draft": lambda: bob.predict(workspace_name, "", api_name="/purpose_draft"),
            "review_charter": lambda: bob.predict(workspace_name, "charter.md", api_name="/review_charter"),
            "review_charter by relative path": lambda: bob.predict(
                "bob-own", f"../{stored.parent.name}/charter.md", api_name="/review_charter"
            ),
            "review_charter by absolute path": lambda: bob.predict(
                "bob-own", str(stored), api_name="/review_charter"
            ),
        }
        bob.predict("bob-own", api_name="/create_workspace")
        bob.predict("bob-own", [handle_file(str(CHARTER))], api_name="/upload")
        succeeded = [name for name, call in refused.items() if _succeeds(call)]
        succeeded += ["list"] if workspace_name in listing else []
        # Bob may use the same name: he gets a workspace of his own, empty, that knows nothing of Alice's
        created, *_ = bob.predict(workspace_name, api_name="/create_workspace")
        conversation, *_ = bob.predict(workspace_name, "What pledge binds members?", [], api_name="/chat")
        exported = Path(bob.predict(workspace_name, api_name="/export_conversation")).read_text()
        succeeded += ["same-name workspace"] if CANARY in str(conversation) + exported else []
        attempts = len(refused) + 2
        print(f"\nlogin isolation: {attempts} tries on another user's workspace, {len(succeeded)} succeeded")
        assert succeeded == []
        assert created["choices"] == [["bob-own", "bob-own"], [workspace_name, workspace_name]]

        # Alice still has everything, and the same endpoints work for her
        assert workspace_name in str(alice.predict(api_name="/on_load"))
        assert CANARY in Path(alice.predict(workspace_name, api_name="/export_conversation")).read_text()
        _, gaps, _, _ = alice.predict(workspace_name, api_name="/interests")
        assert gaps["data"]
        scorecard, *_ = alice.predict(workspace_name, "charter.md", api_name="/review_charter")
        assert CANARY in scorecard or "charter.md" in scorecard


def _succeeds(call: Callable[[], object]) -> bool:
    try:
        call()
    except Exception as exc:
        assert "Traceback" not in str(exc)
        return False
    return True
