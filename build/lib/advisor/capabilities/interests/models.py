"""The results of the interests capability: members, gaps and the questions they raise."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from advisor.capabilities.pattern import AdvisorResult

GapKind = Literal["position_without_interest", "interest_not_addressed", "missing_stakeholder"]
GAP_KINDS: tuple[GapKind, ...] = (
    "position_without_interest",
    "interest_not_addressed",
    "missing_stakeholder",
)


class MemberView(BaseModel):
    """One member as the map sees it: what it asks for, why, and the gaps that concern it."""

    name: str = Field(description="The member's name as in the roster.")
    sector: str = Field(description="Its sector (community, nonprofit, government, business, ...).")
    positions: list[str] = Field(description="What the member asks for.")
    interests: list[str] = Field(description="Why: the needs and worries behind its positions.")
    gaps: list[GapKind] = Field(description="The kinds of gap found for this member, each kind once.")


class Gap(BaseModel):
    """One gap in the coalition: what is missing, for which member, in one specific sentence."""

    kind: GapKind = Field(
        description="position_without_interest, interest_not_addressed or missing_stakeholder."
    )
    member: str | None = Field(description="The member concerned; null for a missing stakeholder group.")
    detail: str = Field(
        description="A specific sentence quoting the position, interest or group and the evidence."
    )


class InterestMap(AdvisorResult):
    """The interests map of one roster (the `advisor interests --json` contract)."""

    members: list[MemberView] = Field(description="Every member, in roster order.")
    gaps: list[Gap] = Field(description="Gaps by kind (in GAP_KINDS order), then in roster order.")
    missing_community_voice: bool = Field(
        description="True when no member has sector `community` (residents, grassroots groups)."
    )
    questions: list[str] = Field(description="Concrete questions to ask, gap by gap.")
