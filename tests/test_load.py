"""Load: 20 concurrent chat sessions through `gradio_client` against the real app on 127.0.0.1.

Offline for ADVISOR_LOAD_SECONDS (default 60): no errors, p50/p95 printed. Then with the loopback
model server adding 1 s to every call: the model's concurrency limit holds, every request ends
within its timeout, and none fails.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from dataclasses import dataclass, field

import pytest
from gradio_client import Client

from advisor.config import LLMSettings
from advisor.service.runtime import Runtime
from tests.app_server import running_app
from tests.llm_server import FakeOpenAIServer

pytestmark = pytest.mark.slow
SESSIONS = 20
SECONDS = float(os.environ.get("ADVISOR_LOAD_SECONDS", "60"))
QUESTIONS = [
    "How do we handle conflict between members?",
    "How should we make decisions when consensus fails?",
    "How do we bring affected residents to the table?",
    "What belongs in a coalition charter?",
    "How do we share credit with partners?",
]


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def drive(url: str, seconds: float, *, max_requests: int | None = None) -> LoadResult:
    """SESSIONS clients, each asking questions back to back until `seconds` have passed."""
    result = LoadResult()
    deadline = time.monotonic() + seconds

    def session(number: int) -> None:
        client = Client(url, verbose=False)
        asked = 0
        while time.monotonic() < deadline and (max_requests is None or asked < max_requests):
            question = QUESTIONS[(number + asked) % len(QUESTIONS)]
            started = time.perf_counter()
            try:
                conversation, *_ = client.predict(None, question, [], api_name="/chat")
                if "[1]" not in str(conversation[1]["content"]):
                    raise AssertionError(f"uncited answer: {str(conversation[1]['content'])[:80]}")
            except Exception as exc:
                with result.lock:
                    result.errors.append(f"{type(exc).__name__}: {exc}"[:200])
            else:
                with result.lock:
                    result.latencies.append(time.perf_counter() - started)
            asked += 1

    threads = [threading.Thread(target=session, args=(n,)) for n in range(SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 300)
    return result


def report(label: str, result: LoadResult) -> str:
    return (
        f"{label}: {len(result.latencies)} answers, {len(result.errors)} errors, "
        f"p50 {statistics.median(result.latencies):.2f} s, p95 {result.percentile(0.95):.2f} s, "
        f"max {max(result.latencies):.2f} s"
    )


def test_twenty_sessions_offline_without_errors(runtime: Runtime) -> None:
    with running_app(runtime) as url:
        result = drive(url, SECONDS)
    print("\n" + report(f"offline, {SESSIONS} sessions, {SECONDS:.0f} s", result))
    assert result.errors == []
    assert len(result.latencies) >= SESSIONS


def test_twenty_sessions_with_a_slow_model_stay_bounded(runtime: Runtime) -> None:
    timeout = 60.0
    with FakeOpenAIServer(lambda body: "Agree on a process before you need it [c1].", latency_s=1.0) as model:
        llm = LLMSettings(base_url=model.url, concurrency=4, local_timeout_s=10, max_retries=1)
        slow = Runtime(runtime.settings.model_copy(update={"llm": llm}), embeddings=runtime.embeddings)
        with running_app(slow, request_timeout_s=timeout) as url:
            result = drive(url, SECONDS / 2, max_requests=3)
    print(
        "\n"
        + report(f"model +1 s/call, {SESSIONS} sessions", result)
        + f", model calls in flight ≤ {model.max_in_flight}"
    )
    assert result.errors == []
    assert model.max_in_flight <= 4
    assert max(result.latencies) < timeout
