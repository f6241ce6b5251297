"""The power/interest grid: where each member sits, to decide how closely to involve it.

Power comes from the member's role (conveners, chairs and funders steer), its sector (agencies and
funders hold authority and money) and how much it brings (resources). Interest comes from how many
of the coalition's objectives its positions and interests align with (three make a full stake) and
how much it has said about what it wants. Both are 0-1; 0.5 splits the grid into the four usual
quadrants. This is data for a plot or a table, not part of the `advisor interests --json` contract.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from advisor.capabilities.interests.analysis import roster_matcher
from advisor.capabilities.interests.matching import Matcher
from advisor.capabilities.interests.models import InterestMap
from advisor.capabilities.interests.sectors import with_bodies
from advisor.documents.coalition import Member, Roster

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

Quadrant = Literal["manage closely", "keep satisfied", "keep informed", "monitor"]
QUADRANT_SPLIT = 0.5
# Role weights, first match wins: conveners and chairs steer the work, funders control money.
ROLE_POWER: tuple[tuple[str, float], ...] = (
    (r"\b(?:co-?)?(?:lead|convener|convenor|chair|director|backbone)\b", 1.0),
    (r"\b(?:funder|donor|sponsor)\b", 0.8),
    (r"\b(?:steering|executive|board)\b", 0.7),
    (r"\b(?:partner|advisor|adviser)\b", 0.5),
)
DEFAULT_ROLE_POWER = 0.3
SECTOR_POWER = {"government": 0.8, "philanthropy": 0.8, "business": 0.6, "health": 0.6, "nonprofit": 0.5}
# sectors named in other words: a tribal nation, a county agency or a water utility governs or decides
# ("tribal government" once weighed as little as an unknown sector)
SECTOR_WORDS = (
    (
        r"\b(?:government|tribal|tribe|nation|agency|county|municipal|city|state|federal|public|utility|authority)\b",
        0.8,
    ),
    (r"\b(?:philanthrop\w*|foundation|funder)\b", 0.8),
    (r"\b(?:business|industry|farm\w*|agricultur\w*|trade|chamber|employer)\b", 0.6),
    (r"\b(?:health|hospital|clinic)\b", 0.6),
    (r"\b(?:nonprofit|non-profit|charity|ngo)\b", 0.5),
)
DEFAULT_SECTOR_POWER = 0.4


def sector_weight(sector: str) -> float:
    """The sector's part of power: its exact name, else the first kind of body its words name."""
    text = sector.lower().strip()
    if text in SECTOR_POWER:
        return SECTOR_POWER[text]
    return next((w for pattern, w in SECTOR_WORDS if re.search(pattern, text)), DEFAULT_SECTOR_POWER)


RESOURCES_FOR_FULL_POWER = 3
STATEMENTS_FOR_FULL_INTEREST = 4
# A member rarely cares about every objective: serving three of them is a full stake.
OBJECTIVES_FOR_FULL_INTEREST = 3


class StakeholderPoint(BaseModel):
    """One member on the power/interest grid."""

    name: str = Field(description="The member's name.")
    sector: str = Field(description="Its sector.")
    power: float = Field(
        ge=0, le=1, description="Influence over the coalition's course: role, sector, resources."
    )
    interest: float = Field(
        ge=0,
        le=1,
        description="Stake in the objectives: share of objectives it aligns with, and what it states.",
    )
    quadrant: Quadrant = Field(description="manage closely, keep satisfied, keep informed or monitor.")


def stakeholder_grid(
    roster: Roster, interest_map: InterestMap, *, embeddings: Embeddings | None = None
) -> list[StakeholderPoint]:
    """Power and interest for every member of `interest_map`, in its order.

    `embeddings` judges objective alignment by meaning as `map_interests` does; without, by words.
    """
    roster, _ = with_bodies(roster)  # named and placed as the map names them
    matcher = roster_matcher(roster, embeddings)
    by_name = {m.name: m for m in roster.members}
    points = []
    for view in interest_map.members:
        member = by_name.get(view.name) or Member(
            name=view.name, sector=view.sector, positions=view.positions, interests=view.interests
        )
        power = member_power(member)
        interest = member_interest(member, roster.objectives, matcher)
        points.append(
            StakeholderPoint(
                name=member.name,
                sector=member.sector,
                power=power,
                interest=interest,
                quadrant=quadrant(power, interest),
            )
        )
    return points


def member_power(member: Member) -> float:
    """0-1: half from the role, a quarter from the sector, a quarter from the resources it brings."""
    role = member.role.lower()
    role_power = next((w for pattern, w in ROLE_POWER if re.search(pattern, role)), DEFAULT_ROLE_POWER)
    sector_power = sector_weight(member.sector)
    resources = min(1.0, len(member.resources) / RESOURCES_FOR_FULL_POWER)
    return round(0.5 * role_power + 0.25 * sector_power + 0.25 * resources, 2)


def member_interest(member: Member, objectives: list[str], matcher: Matcher) -> float:
    """0-1: 60% from how many objectives its interests or positions align with, 40% how much it states."""
    statements = [*member.interests, *member.positions]
    stated = min(1.0, len(statements) / STATEMENTS_FOR_FULL_INTEREST)
    if not objectives:
        return round(stated, 2)
    aligned = sum(1 for o in objectives if any(matcher.evidence(s, o).supported for s in statements))
    alignment = min(1.0, aligned / min(len(objectives), OBJECTIVES_FOR_FULL_INTEREST))
    return round(0.6 * alignment + 0.4 * stated, 2)


def quadrant(power: float, interest: float) -> Quadrant:
    high_power, high_interest = power >= QUADRANT_SPLIT, interest >= QUADRANT_SPLIT
    if high_power and high_interest:
        return "manage closely"
    if high_power:
        return "keep satisfied"
    if high_interest:
        return "keep informed"
    return "monitor"
