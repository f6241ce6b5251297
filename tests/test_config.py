"""Settings come from ADVISOR_* variables, group by group, and .env.example documents every one."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.config import Settings


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
