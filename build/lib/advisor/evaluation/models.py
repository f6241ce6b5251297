"""The model side of an eval run: the backend's chat model, and a callback that accounts for every call.

Backends: `offline` (no model: the rules), `replay` (`ReplayChatModel`, recordings only) and `live`
(the configured model from `advisor.llm.load_chat_model`, every reply recorded for later replay).
`CallTracker` sees each call of either model: it counts prompt and completion tokens with tiktoken,
prices them from `eval.prices`, notes errors (a missing recording, a failed live call) so the
scenario fails with the reason, and in live runs writes the recording.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import BaseMessage

from advisor.config import Settings
from advisor.errors import ConfigError
from advisor.evaluation.replay import (
    ReplayChatModel,
    identify_prompt,
    make_recording,
    message_text,
    write_recording,
)
from advisor.llm.models import load_chat_model
from advisor.text.tokens import encoding_for_model

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.outputs import LLMResult

logger = logging.getLogger(__name__)
Backend = Literal["offline", "replay", "live"]
BACKENDS: tuple[Backend, ...] = ("offline", "replay", "live")
# OpenAI's chat format adds a few tokens per message and to prime the reply (an estimate).
TOKENS_PER_MESSAGE = 3
TOKENS_PER_REPLY = 3


@dataclass
class ModelCall:
    """One model call as the eval saw it."""

    prompt: str
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    seconds: float
    error: str | None = None


@dataclass
class CallLog:
    """The calls made while one scenario ran."""

    calls: list[ModelCall] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [c.error for c in self.calls if c.error]


class CallTracker(BaseCallbackHandler):
    """Counts, prices and (live) records every model call; `scenario()` collects one scenario's calls."""

    raise_error = True  # a recording that cannot be written must not pass unnoticed

    def __init__(self, settings: Settings, *, record: bool = False) -> None:
        self.settings = settings
        self.record = record
        self.recorded = 0
        self._pending: dict[UUID, tuple[list[BaseMessage], float]] = {}
        self._log = CallLog()
        self._lock = threading.Lock()

    @contextmanager
    def scenario(self) -> Iterator[CallLog]:
        """The calls made inside the block."""
        log = CallLog()
        with self._lock:
            previous, self._log = self._log, log
        try:
            yield log
        finally:
            with self._lock:
                self._log = previous

    def on_chat_model_start(
        self, serialized: dict[str, Any], messages: list[list[BaseMessage]], *, run_id: UUID, **kwargs: Any
    ) -> None:
        with self._lock:
            self._pending[run_id] = (messages[0] if messages else [], time.perf_counter())

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, **kwargs: Any) -> None:
        messages, started = self._take(run_id)
        generation = response.generations[0][0] if response.generations and response.generations[0] else None
        reply = generation.text if generation is not None else ""
        if self.record:
            recording = make_recording(
                self.settings.llm.model, model_parameters(self.settings), messages, reply
            )
            write_recording(self.settings.eval.recordings_dir, recording)
            self.recorded += 1
        self._add(messages, reply, started, None)

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        messages, started = self._take(run_id)
        self._add(messages, "", started, f"{type(error).__name__}: {error}")

    def _take(self, run_id: UUID) -> tuple[list[BaseMessage], float]:
        with self._lock:
            return self._pending.pop(run_id, ([], time.perf_counter()))

    def _add(self, messages: list[BaseMessage], reply: str, started: float, error: str | None) -> None:
        model = self.settings.llm.model
        encoding = encoding_for_model(model)
        prompt_tokens = TOKENS_PER_REPLY + sum(
            TOKENS_PER_MESSAGE + len(encoding.encode(message_text(m), disallowed_special=()))
            for m in messages
        )
        completion_tokens = len(encoding.encode(reply, disallowed_special=())) if reply else 0
        call = ModelCall(
            prompt=identify_prompt(messages)[0],
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            cost_usd=cost(self.settings, model, prompt_tokens, completion_tokens),
            seconds=time.perf_counter() - started,
            error=error,
        )
        with self._lock:
            self._log.calls.append(call)


def cost(settings: Settings, model: str, prompt_tokens: int, completion_tokens: int) -> float:
    """Estimated dollars for the tokens, from `eval.prices` (0 for a model not in the table)."""
    price = settings.eval.prices.get(model)
    if price is None:
        return 0.0
    return (prompt_tokens * price.prompt + completion_tokens * price.completion) / 1_000_000


def model_parameters(settings: Settings) -> dict[str, Any]:
    """The sampling parameters that are part of a recording's key."""
    return {"temperature": settings.llm.temperature}


def build_model(backend: Backend, settings: Settings, tracker: CallTracker) -> BaseChatModel | None:
    """The chat model a backend uses (None offline), with `tracker` watching every call."""
    if backend == "offline":
        return None
    if backend == "replay":
        return ReplayChatModel(
            recordings_dir=settings.eval.recordings_dir,
            model_name=settings.llm.model,
            parameters=model_parameters(settings),
            callbacks=[tracker],
        )

    llm = load_chat_model(settings)
    if llm is None:
        raise ConfigError(
            "the live backend needs a model, and none is configured",
            hint="set OPENAI_API_KEY, or OPENAI_BASE_URL / ADVISOR_LLM_BASE_URL for a compatible server",
        )
    llm.callbacks = [tracker]
    return llm
