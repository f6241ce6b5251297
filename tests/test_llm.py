"""Which mode the advisor runs in, and the chat model it builds for it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

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


@pytest.mark.parametrize(
    "url",
    [
        "http://alice:S3CRET-PW@127.0.0.1:8000/v1",
        "https://S3CRET-PW@models.example.org/v1",
        "http://127.0.0.1:8000/v1?api_key=S3CRET-PW",
        "http://:S3CRET-PW@[::1]:9/v1",
    ],
)
def test_credentials_in_the_base_url_are_never_shown(
    url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from advisor.service.runtime import Runtime
    from advisor.web.layout import build_app
    from advisor.web.state import AppContext
    from advisor.web.tools import mode_badge

    monkeypatch.setenv("OPENAI_BASE_URL", url)
    settings = Settings(home=tmp_path)
    ctx = AppContext(Runtime(settings))
    shown = {
        "mode": describe_mode(settings),
        "badge": mode_badge(ctx),
        "/config": json.dumps(build_app(ctx).get_config_file()),  # badge and Settings, as served
    }
    leaks = [where for where, text in shown.items() if "S3CRET" in text]
    assert leaks == [], shown
    assert "model" in shown["mode"]


def test_a_local_model_file_that_is_missing_is_an_error_naming_the_setting(tmp_path: Path) -> None:
    settings = Settings(llm={"local_model": tmp_path / "nowhere.gguf"})
    assert resolve_mode(settings) == "llm"
    assert "local model nowhere.gguf" in describe_mode(settings)
    with pytest.raises(ConfigError, match=r"ADVISOR_LLM_LOCAL_MODEL=.*nowhere\.gguf: no such file"):
        load_chat_model(settings)


def test_local_mode_without_xllamacpp_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")
    monkeypatch.setitem(sys.modules, "xllamacpp", None)  # an import of it now fails
    with pytest.raises(ConfigError, match=r"xllamacpp is not installed.*coalition-advisor\[local\]"):
        load_chat_model(Settings(llm={"local_model": model}))


def test_a_file_llama_cpp_cannot_load_is_an_error_naming_the_setting(tmp_path: Path) -> None:
    pytest.importorskip("xllamacpp", reason="the [local] extra is not installed")
    model = tmp_path / "notes.gguf"
    model.write_text("not a model", encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"ADVISOR_LLM_LOCAL_MODEL=.*notes\.gguf: llama\.cpp could not load"
    ):
        load_chat_model(Settings(llm={"local_model": model}))
