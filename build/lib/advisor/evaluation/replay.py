"""Recorded model replies: the key they are filed under, the files, and a chat model that replays them.

A recording is keyed by a hash of the model name, the sampling parameters, the messages and the
version of the prompt they were rendered from, so a change to any of them asks for a new recording.
`ReplayChatModel` answers only from recordings: a call it has no recording for raises
`MissingRecording` (never a live call), and the eval counts that scenario as failed with the reason.
"""

from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import BaseModel, Field

from advisor.errors import AdvisorError
from advisor.llm.prompts import load_prompt, prompt_names

UNKNOWN_PROMPT = ("unknown", "-")


class MissingRecording(AdvisorError):
    """A replayed model call that was never recorded."""


class RecordedMessage(BaseModel):
    role: str = Field(description="system, human or ai.")
    content: str


class Recording(BaseModel):
    """One recorded model reply, with what was asked."""

    key: str = Field(description="sha256 of model, parameters, messages and prompt version.")
    model: str
    parameters: dict[str, Any] = Field(description="Sampling parameters that shape the reply.")
    prompt: str = Field(description="The prompt file the messages were rendered from.")
    prompt_version: str
    messages: list[RecordedMessage]
    reply: str


def message_text(message: BaseMessage) -> str:
    content = message.content
    return content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)


def recording_key(
    model: str, parameters: dict[str, Any], messages: Sequence[BaseMessage], prompt_version: str
) -> str:
    payload = {
        "model": model,
        "parameters": parameters,
        "messages": [[m.type, message_text(m)] for m in messages],
        "prompt_version": prompt_version,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@cache
def _prompt_literals() -> dict[str, tuple[str, list[str]]]:
    """Per prompt: its version and the fixed text between its variables."""
    literals = {}
    for name in prompt_names():
        prompt = load_prompt(name)
        parts = [text.strip() for text, _, _, _ in string.Formatter().parse(prompt.template)]
        literals[name] = (prompt.version, [p for p in parts if p])
    return literals


def identify_prompt(messages: Sequence[BaseMessage]) -> tuple[str, str]:
    """(name, version) of the prompt file the messages were rendered from: the one whose fixed text
    all appears in them (the most specific if several); `UNKNOWN_PROMPT` if none does."""
    text = "\n".join(message_text(m) for m in messages)
    best: tuple[int, str, str] | None = None
    for name, (version, parts) in _prompt_literals().items():
        if parts and all(part in text for part in parts):
            size = sum(len(p) for p in parts)
            if best is None or size > best[0]:
                best = (size, name, version)
    return (best[1], best[2]) if best else UNKNOWN_PROMPT


def recording_path(directory: Path, prompt: str, key: str) -> Path:
    return directory / prompt / f"{key[:24]}.json"


def write_recording(directory: Path, recording: Recording) -> Path:
    path = recording_path(directory, recording.prompt, recording.key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(recording.model_dump_json(indent=1) + "\n", encoding="utf-8")
    return path


def make_recording(
    model: str, parameters: dict[str, Any], messages: Sequence[BaseMessage], reply: str
) -> Recording:
    prompt, version = identify_prompt(messages)
    return Recording(
        key=recording_key(model, parameters, messages, version),
        model=model,
        parameters=parameters,
        prompt=prompt,
        prompt_version=version,
        messages=[RecordedMessage(role=m.type, content=message_text(m)) for m in messages],
        reply=reply,
    )


class ReplayChatModel(BaseChatModel):
    """A chat model that answers only from recordings; a call never recorded raises `MissingRecording`."""

    recordings_dir: Path
    model_name: str
    parameters: dict[str, Any] = Field(default_factory=dict)

    @property
    def _llm_type(self) -> str:
        return "replay"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, **self.parameters}

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        prompt, version = identify_prompt(messages)
        key = recording_key(self.model_name, self.parameters, messages, version)
        path = recording_path(self.recordings_dir, prompt, key)
        if not path.is_file():
            raise MissingRecording(
                f"no recorded reply for prompt {prompt!r} (version {version}, model {self.model_name}, "
                f"key {key[:12]}) in {self.recordings_dir}",
                hint="record it with `advisor eval --backend live` (see evals/README.md)",
            )
        recording = Recording.model_validate_json(path.read_text(encoding="utf-8"))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=recording.reply))])
