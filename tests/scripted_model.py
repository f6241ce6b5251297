"""An in-process chat model that answers from a script, for chain and merge logic (no HTTP, no
server): each call takes the next scripted reply, or asks a responder function; every prompt it
received is kept for assertions. The wire path (the openai client over HTTP) is tested against
`tests.llm_server.FakeOpenAIServer` instead."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field


class ScriptedChatModel(BaseChatModel):
    """Replies in order from `replies` (the last one repeats), or from `respond(prompt)`."""

    replies: list[str] = Field(default_factory=list)
    respond: Callable[[str], str] | None = None
    prompts: list[str] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _reply(self, messages: list[BaseMessage]) -> str:
        prompt = "\n".join(str(m.content) for m in messages)
        self.prompts.append(prompt)
        if self.respond is not None:
            return self.respond(prompt)
        return self.replies[min(len(self.prompts), len(self.replies)) - 1]

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._reply(messages)))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for word in self._reply(messages).split(" "):
            yield ChatGenerationChunk(message=AIMessageChunk(content=word + " "))
