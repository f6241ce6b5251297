"""The one capability pattern: rules first; with a model, the model's review merged only where it
can be verified; when the model fails, the rules' result with a warning.

Every capability result derives from `AdvisorResult`, whose `warnings` (a model fallback, a
poisoned document) reach the user but stay out of the JSON contracts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.config import Settings

MODEL_UNAVAILABLE = "the model was unavailable; showing the rule-based result"


class AdvisorResult(BaseModel):
    """What every capability result shares: notes for the user, excluded from the JSON contract."""

    warnings: list[str] = Field(
        default_factory=list, exclude=True, description="Notes for the user (e.g. a model fallback)."
    )


ResultT = TypeVar("ResultT", bound=AdvisorResult)
ReplyT = TypeVar("ReplyT", bound=BaseModel)


def with_warning(result: ResultT, warning: str) -> ResultT:
    """`result` with `warning` added (a copy; the original is left as it was)."""
    return result.model_copy(update={"warnings": [*result.warnings, warning]})


@dataclass(frozen=True)
class ModelStep(Generic[ReplyT]):
    """One model step of a capability: the prompt file it renders and the reply model it expects."""

    prompt: str
    reply: type[ReplyT]

    def refine(
        self,
        rules: ResultT,
        llm: BaseChatModel | None,
        settings: Settings | None,
        merge: Callable[[ReplyT], ResultT],
        variables: dict[str, Any],
    ) -> ResultT:
        """The rules' result, refined by the model's reply through `merge` (which keeps only what it
        can verify); the rules' result with a warning when the model fails. Without a model, the
        rules' result as it is. `variables` fill the prompt (untrusted text already delimited)."""
        if llm is None:
            return rules
        from advisor.llm.structured import draft_structured  # the model's machinery: only with a model

        drafted = draft_structured(llm, self.prompt, self.reply, settings=settings, **variables)
        if drafted.value is None:
            return with_warning(rules, drafted.warning or MODEL_UNAVAILABLE)
        merged = merge(drafted.value)
        return merged.model_copy(update={"warnings": [*rules.warnings, *merged.warnings]})
