"""The results of the purpose capability: a checked statement and drafted statements."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, Field

from advisor.capabilities.pattern import AdvisorResult
from advisor.retrieval.passages import Citation


@dataclass(frozen=True)
class Finding:
    """One criterion's verdict as a rule finds it, and the words that show it (None when not met)."""

    met: bool
    evidence: str | None


class Criterion(BaseModel):
    """Whether one criterion is met, and the words that show it."""

    met: bool = Field(description="True when the statement satisfies the criterion.")
    evidence: str | None = Field(description="The words of the statement that satisfy it, or null.")


class PurposeCheck(AdvisorResult):
    """The judgement of one purpose statement (the `advisor purpose check --json` contract)."""

    statement: str = Field(description="The statement as judged.")
    score: int = Field(ge=0, le=100, description="30 per criterion met, 10 for a concise statement.")
    criteria: dict[str, Criterion] = Field(description="outcome, population and timeframe.")
    suggestions: list[str] = Field(description="Concrete changes that would make the statement stronger.")
    rewrite: str | None = Field(description="A stronger version (placeholders in [brackets]), or null.")


class PurposeDraft(BaseModel):
    """One proposed statement and its own check."""

    statement: str = Field(description="The proposed purpose statement.")
    check: PurposeCheck = Field(description="The rule-based check of this statement.")


class PurposeDrafts(AdvisorResult):
    """The `advisor purpose draft --json` contract."""

    drafts: list[PurposeDraft] = Field(description="Three statements, strongest first.")
    citations: list[Citation] = Field(description="The passages the drafts drew on.")
