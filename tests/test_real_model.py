"""The model path against a real small model: SmolLM2-135M-Instruct in a real llama.cpp server on
127.0.0.1 (xllamacpp), so the wire path meets a real tokenizer, a real chat template and real
output, through the product's own commands with ADVISOR_LLM_* pointing at the server.

The weights and runtime come with the README's install command (tests/real_model.py); when they are
missing these tests fail and say how to install them. What a user would notice is asserted (valid
output, an end to every reply, citations or a plain note that there are none); figures (seconds per
call, first-try validity) are recorded as test properties, never asserted: see
benchmarks/local_model.py for the measurements.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from langchain_core.callbacks import BaseCallbackHandler
from typer.testing import CliRunner

from advisor.capabilities.ask.model import UNCITED_WARNING
from advisor.cli.main import app
from advisor.config import EVALS_DIR, Settings
from advisor.llm.local import LocalServer, start_local_server
from advisor.llm.models import load_chat_model
from advisor.llm.structured import recording_outcomes
from advisor.service.capabilities import Capabilities
from advisor.service.runtime import Runtime
from tests.real_model import MODEL_NAME, RealModelMissing, model_path, require_runtime

pytestmark = [pytest.mark.realmodel, pytest.mark.slow]
runner = CliRunner()
STATEMENTS = [
    "We will work together to improve health in our community.",
    "Halve pedestrian deaths on Riverside streets by 2030.",
]


@pytest.fixture(scope="session")
def smollm2() -> Path:
    """The checked weights file; a clear failure (how to install) when it or llama.cpp is missing."""
    try:
        require_runtime()
        return model_path()
    except RealModelMissing as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def real_server(smollm2: Path) -> Iterator[LocalServer]:
    """llama.cpp serving SmolLM2 on 127.0.0.1 for the whole session (in this process: nothing can
    outlive the run), stopped at the end."""
    server = start_local_server(smollm2, context_tokens=8192)
    yield server
    server.close()


@pytest.fixture
def model_env(real_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The product's settings pointing at the real server (loopback only: remote stays refused)."""
    env = {
        "ADVISOR_LLM_BASE_URL": real_server.url,
        "ADVISOR_LLM_MODEL": MODEL_NAME,
        "ADVISOR_LLM_TEMPERATURE": "0",  # greedy: the same reply on every run
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


class Finishes(BaseCallbackHandler):
    """How each model call ended: seconds, completion tokens, finish reason."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self._started: dict[Any, float] = {}

    def on_chat_model_start(self, serialized: Any, messages: Any, *, run_id: Any, **kwargs: Any) -> None:
        self._started[run_id] = time.perf_counter()

    def on_llm_end(self, response: Any, *, run_id: Any, **kwargs: Any) -> None:
        generation = response.generations[0][0]
        usage = getattr(generation.message, "usage_metadata", None) or {}
        self.calls.append(
            {
                "seconds": round(time.perf_counter() - self._started.pop(run_id), 2),
                "completion_tokens": usage.get("output_tokens"),
                "finish": (generation.generation_info or {}).get("finish_reason"),
            }
        )

    def on_llm_error(self, error: BaseException, *, run_id: Any, **kwargs: Any) -> None:
        seconds = round(time.perf_counter() - self._started.pop(run_id, time.perf_counter()), 2)
        self.calls.append({"seconds": seconds, "completion_tokens": None, "finish": type(error).__name__})


def test_purpose_check_in_model_mode_gives_valid_structured_output(
    model_env: dict[str, str], record_property: Any
) -> None:
    with recording_outcomes() as outcomes:
        results = [runner.invoke(app, ["purpose", "check", s, "--json"]) for s in STATEMENTS]
    for result in results:
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert set(data) == {"statement", "score", "criteria", "suggestions", "rewrite"}
        assert set(data["criteria"]) == {"outcome", "population", "timeframe"}
        assert "model call failed" not in result.stderr, result.stderr  # the server answered
    assert len(outcomes) == len(STATEMENTS)  # one structured call each (re-asks inside it)
    assert any(o.valid for o in outcomes)  # a reply of the model's own was used, not only the rules
    record_property("first_try_valid", f"{sum(o.attempts == 1 for o in outcomes)}/{len(outcomes)}")


def test_every_reply_ends_within_max_tokens(
    model_env: dict[str, str], record_property: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A small model may run on; `llm.max_tokens` ends every call, and the user still gets a result
    (the model's, or the rules' with a warning), never a hang."""
    monkeypatch.setenv("ADVISOR_LLM_MAX_TOKENS", "48")
    settings = Settings(llm={"base_url": model_env["ADVISOR_LLM_BASE_URL"], "max_tokens": 48})
    finishes = Finishes()
    llm = load_chat_model(settings)
    assert llm is not None
    llm.callbacks = [finishes]
    runtime = Runtime(settings, llm=llm)
    capabilities = Capabilities(runtime, llm=llm, settings=settings)
    check = capabilities.check_purpose(STATEMENTS[0])
    assert check.score >= 0 and (check.warnings or check.suggestions)
    assert finishes.calls
    assert all(c["completion_tokens"] is None or c["completion_tokens"] <= 48 for c in finishes.calls)
    record_property("calls", json.dumps(finishes.calls))


def test_ask_in_model_mode_cites_what_it_retrieved(
    model_env: dict[str, str], shared_runtime: Runtime, record_property: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The passage ids are an enum of the reply's schema: llama.cpp cannot let the model leave a
    point uncited, and a reply cut by max_tokens keeps its finished points."""
    monkeypatch.setenv("ADVISOR_LLM_MAX_TOKENS", "200")  # bounds the test's time on a slow CPU
    result = runner.invoke(app, ["ask", "How do we handle conflict between members?", "--json"])
    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["mode"] == "llm" and answer["answer"].startswith("- ")
    assert answer["citations"], answer
    assert UNCITED_WARNING.split(":")[0] not in result.stderr
    assert all(f"[{n}]" in answer["answer"] for n in range(1, len(answer["citations"]) + 1))
    record_property("citations", len(answer["citations"]))


def test_live_eval_reports_model_results_apart_from_fallbacks(
    model_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenarios = yaml.safe_load((EVALS_DIR / "scenarios" / "purpose_check.yaml").read_text(encoding="utf-8"))
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "purpose_check.yaml").write_text(
        yaml.safe_dump(scenarios[:1]), encoding="utf-8"
    )
    monkeypatch.setenv("ADVISOR_EVAL_SCENARIOS_DIR", str(tmp_path / "scenarios"))
    monkeypatch.setenv("ADVISOR_EVAL_RECORDINGS_DIR", str(tmp_path / "recordings"))  # not the committed ones
    monkeypatch.setenv("ADVISOR_EVAL_BASELINES_DIR", str(tmp_path / "baselines"))
    monkeypatch.setenv("ADVISOR_EVAL_JUDGE_REPEATS", "1")
    monkeypatch.setenv("ADVISOR_LLM_VALIDATION_RETRIES", "0")  # one call: a fallback is reported, not retried
    result = runner.invoke(app, ["eval", "--backend", "live", "--report", str(tmp_path / "reports")])
    assert result.exit_code in (0, 1), result.stderr  # 1: a gate against an empty baseline may fail
    report = json.loads(next((tmp_path / "reports").glob("*.json")).read_text(encoding="utf-8"))
    quality = report["capabilities"]["purpose_check"]["quality"]
    assert {"model_valid_first_try", "model_valid", "pass_rate"} <= set(quality)
    for scenario in report["scenarios"]:
        fell_back = scenario["counts"]["model_calls_total"] - scenario["counts"]["model_valid"]
        assert (fell_back > 0) == any("fell back" in r for r in scenario["reasons"])
    assert list((tmp_path / "recordings").rglob("*.json"))  # live replies were recorded, elsewhere


def test_local_mode_cli_starts_llama_cpp_itself(smollm2: Path, tmp_path: Path) -> None:
    """`ADVISOR_LLM_LOCAL_MODEL` alone: the CLI loads the model, answers with it, and exits."""
    env = {
        **os.environ,
        "ADVISOR_LLM_LOCAL_MODEL": str(smollm2),
        "ADVISOR_HOME": str(tmp_path / "home"),
        "ADVISOR_ENV_FILE": "",
        "ADVISOR_LLM_ALLOW_REMOTE": "false",
        "ADVISOR_LLM_TEMPERATURE": "0",
        "ADVISOR_LLM_VALIDATION_RETRIES": "0",
    }
    env.pop("ADVISOR_LLM_BASE_URL", None)
    env.pop("OPENAI_BASE_URL", None)
    env.pop("OPENAI_API_KEY", None)
    command = [sys.executable, "-m", "advisor.cli.main", "purpose", "check", STATEMENTS[1], "--json"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["criteria"]["timeframe"]["met"]
    assert "model call failed" not in done.stderr, done.stderr  # it reached the model (valid or not)
