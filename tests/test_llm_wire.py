"""The real wire path: the official `openai` client (through langchain-openai) against a loopback
OpenAI-compatible server. Valid replies are used; invalid ones are sent back and retried; 429, 500,
timeouts and garbage bodies are retried within budget, then the capability falls back to its rules.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import pytest
from langchain_core.tools import tool

from advisor.capabilities.purpose.check import ModelPurposeReview, check_purpose
from advisor.config import LLMSettings, Settings
from advisor.llm.models import load_chat_model
from advisor.llm.structured import draft_structured, keep_retrieved, recording_outcomes
from advisor.retrieval.passages import Citation, Passage
from tests.llm_server import FakeOpenAIServer, Fault, ToolCall

STATEMENT = "We promote safe streets for Riverside."
GOOD_REVIEW = json.dumps(
    {
        "criteria": {
            "outcome": {"met": False, "evidence": None},
            "population": {"met": True, "evidence": "Riverside"},
            "timeframe": {"met": False, "evidence": None},
        },
        "suggestions": ["Name the change in crashes you will produce, with a number."],
        "rewrite": "Halve serious traffic injuries on Riverside streets by 2030.",
    }
)


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as running:
        yield running


def settings_for(server: FakeOpenAIServer, **llm: float | int) -> Settings:
    values = {"local_timeout_s": 5.0, "max_retries": 2, "validation_retries": 2, **llm}
    return Settings(llm=LLMSettings(base_url=server.url, model="scripted-model", **values))  # type: ignore[arg-type]


def test_a_valid_json_reply_improves_the_rule_based_check(server: FakeOpenAIServer) -> None:
    settings = settings_for(server)
    server.script(GOOD_REVIEW)
    result = check_purpose(STATEMENT, settings=settings, llm=load_chat_model(settings))
    assert result.rewrite == "Halve serious traffic injuries on Riverside streets by 2030."
    assert result.suggestions == ["Name the change in crashes you will produce, with a number."]
    assert not result.warnings
    request = server.requests[0]
    assert request["model"] == "scripted-model"
    # the schema itself is the response format: servers that constrain decoding return valid JSON
    assert request["response_format"]["type"] == "json_schema"
    assert request["response_format"]["json_schema"]["name"] == "ModelPurposeReview"
    assert "criteria" in json.dumps(request["response_format"]["json_schema"]["schema"])
    # every reply is capped, in the field OpenAI reads and the one local servers read
    assert request["max_completion_tokens"] == request["max_tokens"] == settings.llm.max_tokens
    prompt = request["messages"][-1]["content"]
    assert "<<<UNTRUSTED purpose statement>>>\nWe promote safe streets for Riverside.\n" in prompt


def test_model_evidence_that_is_not_in_the_statement_is_ignored(server: FakeOpenAIServer) -> None:
    settings = settings_for(server)
    invented = json.loads(GOOD_REVIEW)
    invented["criteria"]["timeframe"] = {"met": True, "evidence": "by 2030"}  # not in the statement
    server.script(json.dumps(invented))
    result = check_purpose(STATEMENT, settings=settings, llm=load_chat_model(settings))
    assert not result.criteria["timeframe"].met


def test_invalid_json_goes_back_to_the_model_then_succeeds(server: FakeOpenAIServer) -> None:
    settings = settings_for(server)
    server.script("Sure! Here is my review: criteria look fine", '{"criteria": "oops"}', GOOD_REVIEW)
    drafted = draft_structured(
        load_chat_model(settings),  # type: ignore[arg-type]
        "purpose_check",
        ModelPurposeReview,
        settings=settings,
        statement=STATEMENT,
        findings="{}",
        vague_verbs='"promote"',
    )
    assert drafted.ok and drafted.attempts == 3
    assert len(server.requests) == 3
    retry = server.requests[2]["messages"]
    assert retry[-1]["role"] == "user" and "not valid" in retry[-1]["content"]
    assert retry[-2] == {"role": "assistant", "content": '{"criteria": "oops"}'}
    assert drafted.usage["input_tokens"] > 0


def test_replies_that_never_validate_fall_back_to_the_rules_with_a_warning(server: FakeOpenAIServer) -> None:
    settings = settings_for(server, validation_retries=1)
    server.script("not json", "still not json", GOOD_REVIEW)
    result = check_purpose(STATEMENT, settings=settings, llm=load_chat_model(settings))
    assert len(server.requests) == 2  # bounded: one try and one retry
    assert result.warnings == [
        "The model's reply was not valid after 2 tries; showing the rule-based result."
    ]
    assert result.rewrite is not None and "[" in result.rewrite  # the rule-based template rewrite


@pytest.mark.parametrize("status", [429, 500])
def test_transient_http_errors_are_retried_by_the_client(server: FakeOpenAIServer, status: int) -> None:
    settings = settings_for(server)
    server.fail(Fault.http(status)).script(GOOD_REVIEW)
    result = check_purpose(STATEMENT, settings=settings, llm=load_chat_model(settings))
    assert len(server.requests) == 2
    assert not result.warnings and result.rewrite and result.rewrite.startswith("Halve")


def test_persistent_server_errors_end_in_the_rule_based_result(server: FakeOpenAIServer) -> None:
    settings = settings_for(server, max_retries=1)
    server.fail(Fault.http(500), Fault.http(500), Fault.http(500))
    result = check_purpose(STATEMENT, settings=settings, llm=load_chat_model(settings))
    assert len(server.requests) == 2  # the first call and its one retry
    assert result.warnings and "The model call failed" in result.warnings[0]
    assert "HTTP 500" in result.warnings[0]
    assert result.criteria["population"].evidence == "Riverside"  # the rules still answered


def test_a_hung_server_times_out_within_budget(server: FakeOpenAIServer) -> None:
    settings = settings_for(server, local_timeout_s=0.5, max_retries=1)
    server.fail(Fault.hang(5), Fault.hang(5))
    started = time.perf_counter()
    result = check_purpose(STATEMENT, settings=settings, llm=load_chat_model(settings))
    elapsed = time.perf_counter() - started
    assert result.warnings and "Timeout" in result.warnings[0]
    assert elapsed < 4.5, f"a hung model held the request for {elapsed:.1f}s"


def test_a_garbage_body_is_a_failure_not_a_crash(server: FakeOpenAIServer) -> None:
    settings = settings_for(server, max_retries=0)
    server.fail(Fault.garbage())
    result = check_purpose(STATEMENT, settings=settings, llm=load_chat_model(settings))
    assert result.warnings and result.score == check_purpose(STATEMENT).score


def test_streaming_arrives_in_pieces(server: FakeOpenAIServer) -> None:
    settings = settings_for(server)
    server.script("Start with a shared purpose everyone can repeat.")
    model = load_chat_model(settings)
    assert model is not None
    pieces = [chunk.content for chunk in model.stream("How do we start?")]
    assert len([p for p in pieces if p]) == 8
    assert "".join(str(p) for p in pieces) == "Start with a shared purpose everyone can repeat."
    assert server.requests[0]["stream"] is True


def test_tool_calls_come_back_parsed(server: FakeOpenAIServer) -> None:
    @tool
    def check_statement(statement: str) -> str:
        """Check a purpose statement."""
        return statement

    settings = settings_for(server)
    server.script(ToolCall("check_statement", {"statement": "Halve evictions by 2028."}))
    model = load_chat_model(settings)
    assert model is not None
    reply = model.bind_tools([check_statement]).invoke("check this")
    assert reply.tool_calls[0]["name"] == "check_statement"  # type: ignore[attr-defined]
    assert reply.tool_calls[0]["args"] == {"statement": "Halve evictions by 2028."}  # type: ignore[attr-defined]
    assert server.requests[0]["tools"][0]["function"]["name"] == "check_statement"


def test_concurrent_callers_never_exceed_the_concurrency_limit() -> None:
    with FakeOpenAIServer(lambda body: GOOD_REVIEW, latency_s=0.2) as server:
        settings = settings_for(server, concurrency=2)
        model = load_chat_model(settings)
        results = []
        threads = [
            threading.Thread(
                target=lambda: results.append(check_purpose(STATEMENT, settings=settings, llm=model))
            )
            for _ in range(6)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert len(results) == 6 and all(not r.warnings for r in results)
    assert server.max_in_flight == 2


def test_citations_of_chunks_that_were_not_retrieved_are_dropped() -> None:
    retrieved = Passage(
        "c1", "Agree on how to disagree before you need to.", "k.md", "Conflict", "", "knowledge", 1
    )
    citations = [
        Citation(source="k.md", title="Conflict", chunk_id="c1", quote="how to disagree"),
        Citation(source="x.md", title="Invented", chunk_id="c9", quote="made up"),
        Citation(source="k.md", title="Conflict", chunk_id="c1", quote="a quote the chunk does not hold"),
    ]
    kept = keep_retrieved(citations, [retrieved])
    assert [c.chunk_id for c in kept] == ["c1", "c1"]
    assert kept[0].quote == "how to disagree"
    assert kept[1].quote == retrieved.text  # an unverifiable quote is replaced by the chunk itself


def test_a_server_without_json_schema_gets_json_mode_and_it_is_remembered(server: FakeOpenAIServer) -> None:
    settings = settings_for(server, max_retries=0)
    server.fail(Fault.http(400))  # "response_format json_schema is not supported"
    server.script(GOOD_REVIEW, GOOD_REVIEW)
    llm = load_chat_model(settings)
    with recording_outcomes() as outcomes:
        first = check_purpose(STATEMENT, settings=settings, llm=llm)
        second = check_purpose(STATEMENT, settings=settings, llm=llm)
    assert not first.warnings and not second.warnings
    formats = [r.get("response_format", {}).get("type") for r in server.requests]
    assert formats == ["json_schema", "json_object", "json_object"]
    assert [(o.attempts, o.valid) for o in outcomes] == [(1, True), (1, True)]


def test_outcomes_count_re_asks_and_fallbacks(server: FakeOpenAIServer) -> None:
    settings = settings_for(server, validation_retries=1)
    server.script("not json", GOOD_REVIEW, "still not json", "nor this")
    llm = load_chat_model(settings)
    with recording_outcomes() as outcomes:
        check_purpose(STATEMENT, settings=settings, llm=llm)
        fell_back = check_purpose(STATEMENT, settings=settings, llm=llm)
    assert [(o.attempts, o.valid) for o in outcomes] == [(2, True), (2, False)]
    assert fell_back.warnings and "not valid after 2 tries" in fell_back.warnings[0]


def test_hosted_and_local_endpoints_get_their_own_timeouts() -> None:
    llm = LLMSettings(timeout_s=20, local_timeout_s=200, allow_remote=True)
    hosted = load_chat_model(
        Settings(llm=llm.model_copy(update={"base_url": "https://models.example.org/v1"}))
    )
    local = load_chat_model(Settings(llm=llm.model_copy(update={"base_url": "http://127.0.0.1:8080/v1"})))
    assert hosted is not None and local is not None
    assert hosted.request_timeout == 20 and local.request_timeout == 200  # type: ignore[attr-defined]


def test_a_reply_that_copies_the_prompts_example_is_sent_back(server: FakeOpenAIServer) -> None:
    """The prompt's examples show the format; "every child in Harbor County" in a rewrite for a
    Riverside coalition is a copied example, not advice: the model is asked again."""
    copied = json.loads(GOOD_REVIEW)
    copied["rewrite"] = "Cut pedestrian deaths by half for every child in Harbor County by 2030."
    server.script(json.dumps(copied), GOOD_REVIEW)
    settings = settings_for(server)
    with recording_outcomes() as outcomes:
        result = check_purpose(STATEMENT, settings=settings, llm=load_chat_model(settings))
    assert result.rewrite == "Halve serious traffic injuries on Riverside streets by 2030."
    assert [(o.attempts, o.valid) for o in outcomes] == [(2, True)]
    resent = server.requests[1]["messages"][-1]["content"]
    assert "repeats the prompt's example" in resent and "Harbor County" in resent


def test_an_example_the_user_wrote_is_not_a_copy(server: FakeOpenAIServer) -> None:
    statement = "We will house 500 families in Eastside."
    reply = json.loads(GOOD_REVIEW)
    reply["rewrite"] = "House 500 families in Eastside by 2030."
    server.script(json.dumps(reply))
    settings = settings_for(server)
    result = check_purpose(statement, settings=settings, llm=load_chat_model(settings))
    assert result.rewrite == "House 500 families in Eastside by 2030." and len(server.requests) == 1
