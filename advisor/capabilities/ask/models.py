"""The result of a grounded answer."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from advisor.capabilities.pattern import AdvisorResult
from advisor.retrieval.passages import Citation


class Answer(AdvisorResult):
    """An answer with the passages it rests on."""

    answer: str = Field(description="The answer, in markdown, with [n] markers pointing into citations.")
    mode: Literal["offline", "llm"] = Field(description="offline: extractive; llm: written by a model.")
    citations: list[Citation] = Field(description="Citation n is the [n] marker in the answer.")
