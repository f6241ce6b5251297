"""The results of charter review: one verdict per element, and the review of one charter."""

from __future__ import annotations

from pydantic import BaseModel, Field

from advisor.capabilities.charter.elements import ELEMENTS
from advisor.capabilities.charter.rules import Status
from advisor.capabilities.pattern import AdvisorResult
from advisor.capabilities.purpose.models import PurposeCheck

# The purpose counts double: every other element serves it, and a coalition without a usable
# purpose cannot say no to anything. Present earns the full weight, weak half, missing nothing.
ELEMENT_WEIGHTS: dict[str, float] = {element: 2.0 if element == "purpose" else 1.0 for element in ELEMENTS}
STATUS_CREDIT: dict[str, float] = {"present": 1.0, "weak": 0.5, "missing": 0.0}


class ElementReview(BaseModel):
    """The verdict on one charter element."""

    status: Status = Field(
        description="present: concrete and usable (who, how, when); weak: vague, aspirational or a "
        "placeholder; missing: not addressed."
    )
    evidence: str | None = Field(
        description="The charter's own words that show the element (an exact quote), or null when missing."
    )
    advice: str = Field(description="What to add or change; different for a weak and a missing element.")


class CharterReview(AdvisorResult):
    """The review of one charter (an item of the `advisor review --json` list)."""

    file: str = Field(description="The charter's file name, or the label given for a text.")
    score: int = Field(
        ge=0,
        le=100,
        description="Weighted share of elements in place: present full, weak half, missing none; "
        "the purpose weighs double.",
    )
    elements: dict[str, ElementReview] = Field(
        description="All thirteen elements, in the contract's order, keyed by element id."
    )
    purpose: PurposeCheck = Field(
        description="The purpose check of the charter's purpose sentence (its first sentence if none)."
    )


def charter_score(elements: dict[str, ElementReview]) -> int:
    """0-100: the weighted credit of the elements (see `ELEMENT_WEIGHTS` and `STATUS_CREDIT`)."""
    earned = sum(ELEMENT_WEIGHTS[e] * STATUS_CREDIT[elements[e].status] for e in ELEMENTS if e in elements)
    return round(100 * earned / sum(ELEMENT_WEIGHTS.values()))
