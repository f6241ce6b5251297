"""Settings come from ADVISOR_* variables, group by group, and .env.example documents every one."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.config import Settings, get_settings
from advisor.errors import ConfigError
from advisor.llm.models import load_chat_model


def _env_names() -> list[str]:
    names = []
    for field, info in Settings.model_fields.items():
        group = getattr(info.annotation, "model_fields", None)
        names += (
            [f"ADVISOR_{field}_{sub}".upper() for sub in group] if group else [f"ADVISOR_{field}".upper()]
        )
    return names


def test_group_settings_read_from_single_underscore_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_CHROMA_URL", "http://127.0.0.1:8123")
    monkeypatch.setenv("ADVISOR_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("ADVISOR_RETRIEVAL_TOP_K", "9")
    monkeypatch.setenv("ADVISOR_HOME", "/tmp/somewhere")
    settings = Settings()
    assert settings.chroma.url == "http://127.0.0.1:8123"
    assert settings.llm.base_url == "http://127.0.0.1:11434/v1"
    assert settings.retrieval.top_k == 9
    assert settings.home == Path("/tmp/somewhere")


def test_every_setting_is_described_and_listed_in_env_example() -> None:
    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text()
    missing = [name for name in _env_names() if name not in example]
    assert not missing, f"add to .env.example: {missing}"
    for info in Settings.model_fields.values():
        group = getattr(info.annotation, "model_fields", None)
        assert all(sub.description for sub in group.values()) if group else info.description


def test_a_dotenv_file_is_read_only_where_advisor_env_file_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text("ADVISOR_RETRIEVAL_TOP_K=11\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert get_settings().retrieval.top_k != 11  # the tests read no .env (conftest)
    assert Settings().retrieval.top_k != 11  # and Settings() alone never does
    monkeypatch.setenv("ADVISOR_ENV_FILE", str(tmp_path / ".env"))
    assert get_settings().retrieval.top_k == 11


def test_a_dotenv_in_the_working_folder_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = tmp_path / "received-folder"
    received.mkdir()
    (received / ".env").write_text("ADVISOR_LLM_BASE_URL=http://evil.example/v1\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.chdir(received)
    monkeypatch.delenv("ADVISOR_ENV_FILE")
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    assert get_settings().llm.base_url is None  # not from the working folder
    (home / ".env").write_text("ADVISOR_RETRIEVAL_TOP_K=12\n", encoding="utf-8")
    assert get_settings().retrieval.top_k == 12  # from ADVISOR_HOME
    chosen = tmp_path / "chosen.env"
    chosen.write_text("ADVISOR_RETRIEVAL_TOP_K=13\n", encoding="utf-8")
    from typer.testing import CliRunner

    from advisor.cli.main import app

    listed = CliRunner().invoke(app, ["--env-file", str(chosen), "workspaces", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert get_settings().retrieval.top_k == 13  # --env-file names the file for the whole command


def test_tests_cannot_reach_a_remote_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-real-looking")
    with pytest.raises(ConfigError, match="ADVISOR_LLM_ALLOW_REMOTE"):
        load_chat_model(get_settings())
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    assert load_chat_model(get_settings()) is not None  # a loopback test server is allowed
