"""Model faults seen from the app: 429s, 500s, timeouts and malformed replies from the loopback
model server are retried within budget, then the user gets a clear message and the rule-based (or
extractive) result; no request hangs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from advisor.config import LLMSettings
from advisor.service.runtime import Runtime
from tests.app_server import running_app
from tests.llm_server import FakeOpenAIServer, Fault

pytestmark = pytest.mark.slow
CHARTER = Path(__file__).resolve().parents[1] / "evals" / "data" / "charters" / "riverside-safe-streets.md"
QUESTION = "How do we handle conflict between members?"


@pytest.fixture(scope="module")
def model() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(lambda body: "Agree on how to disagree first [c1].") as server:
        yield server


@pytest.fixture(autouse=True)
def no_leftover_faults(model: FakeOpenAIServer) -> None:
    model.state.faults.clear()
    model.state.replies.clear()


@pytest.fixture(scope="module")
def app_url(runtime: Runtime, model: FakeOpenAIServer) -> Iterator[str]:
    llm = LLMSettings(base_url=model.url, local_timeout_s=1.0, max_retries=1, validation_retries=1)
    faulty = Runtime(runtime.settings.model_copy(update={"llm": llm}), embeddings=runtime.embeddings)
    with running_app(faulty) as url:
        yield url


def ask(url: str, workspace: str | None, message: str) -> tuple[str, float]:
    started = time.perf_counter()
    conversation, *_ = Client(url, verbose=False).predict(workspace, message, [], api_name="/chat")
    return str(conversation[1]["content"]), time.perf_counter() - started


def test_a_429_is_retried_and_the_model_answers(app_url: str, model: FakeOpenAIServer) -> None:
    model.fail(Fault.http(429))
    text, _ = ask(app_url, None, QUESTION)
    assert "Agree on how to disagree first [1]" in text and "⚠" not in text


@pytest.mark.parametrize(
    ("faults", "budget_s"),
    [
        ([Fault.http(500), Fault.http(500)], 15.0),
        ([Fault.hang(30), Fault.hang(30)], 15.0),  # 1 s timeout, one retry: about 2 s, never 30
        ([Fault.garbage()], 15.0),  # not retried: a body that is not JSON will not become JSON
    ],
    ids=["500", "timeout", "garbage"],
)
def test_failures_end_in_a_clear_message_and_the_offline_answer(
    app_url: str, model: FakeOpenAIServer, faults: list[Fault], budget_s: float
) -> None:
    model.fail(*faults)
    text, seconds = ask(app_url, None, QUESTION)
    assert "⚠ The model could not answer" in text
    assert " › " in text and "[1]" in text  # the extractive answer (title › section, cited) still helps
    assert seconds < budget_s


def test_malformed_replies_to_a_charter_review_fall_back_to_the_rules(
    app_url: str, model: FakeOpenAIServer, workspace_name: str
) -> None:
    client = Client(app_url, verbose=False)
    client.predict(workspace_name, api_name="/create_workspace")
    client.predict(workspace_name, [handle_file(str(CHARTER))], api_name="/upload")
    model.script("{not json", "still { not json")
    scorecard, rows, _, _ = client.predict(
        workspace_name, "riverside-safe-streets.md", api_name="/review_charter"
    )
    assert "⚠ The model's reply was not valid after 2 tries" in scorecard
    assert len(rows["data"]) == 13 and "riverside-safe-streets.md" in scorecard and "Score: " in scorecard
