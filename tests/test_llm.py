"""Which mode the advisor runs in, and the chat model it builds for it."""

from __future__ import annotations

import pytest

from advisor.config import Settings
from advisor.errors import ConfigError
from advisor.llm.models import describe_mode, load_chat_model, resolve_mode


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_MODE"):
        monkeypatch.delenv(name, raising=False)


def test_offline_by_default() -> None:
    settings = Settings()
    assert resolve_mode(settings) == "offline"
    assert load_chat_model(settings) is None
    assert describe_mode(settings).startswith("offline")


def test_a_compatible_server_is_used_when_its_url_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("ADVISOR_LLM_MODEL", "llama3.1")
    settings = Settings()
    model = load_chat_model(settings)
    assert model is not None and resolve_mode(settings) == "llm"
    assert str(model.openai_api_base) == "http://127.0.0.1:11434/v1"  # type: ignore[attr-defined]
    assert describe_mode(settings) == "model llama3.1 at http://127.0.0.1:11434/v1"


def test_openai_mode_without_a_key_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_LLM_MODE", "openai")
    with pytest.raises(ConfigError, match="set OPENAI_API_KEY"):
        resolve_mode(Settings())


def test_offline_mode_wins_over_a_configured_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("ADVISOR_LLM_MODE", "offline")
    assert load_chat_model(Settings()) is None
