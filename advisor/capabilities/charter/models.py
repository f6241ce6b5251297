"""The results of charter review: one verdict per element, and the review of one charter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from advisor.capabilities.charter.elements import ELEMENTS
from advisor.capabilities.charter.findings import Finding
from advisor.capabilities.pattern import AdvisorResult
from advisor.capabilities.purpose.models import PurposeCheck

Status = Literal["present", "weak", "missing"]
# The score follows the labelling guide's grade (evals/corpus/GUIDE.md §4): a present element earns
# a full point, a weak one a quarter (a rule nobody can act on is worth little), missing nothing;
# serious defects take one step off, as a reviewer would.
STATUS_CREDIT: dict[str, float] = {"present": 1.0, "weak": 0.25, "missing": 0.0}
STEP_DOWN = 15  # points off for a serious defect (once)
SERIOUS_KINDS = ("contradiction", "no_deadlock_rule", "power_concentration")
MANY_PLACEHOLDERS = 3


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
        description="Share of elements in place (present full, weak a quarter, missing none), "
        f"less {STEP_DOWN} for a serious defect or a decision rule that is not usable.",
    )
    elements: dict[str, ElementReview] = Field(
        description="All thirteen elements, in the contract's order, keyed by element id."
    )
    purpose: PurposeCheck = Field(
        description="The purpose check of the charter's purpose sentence (its first sentence if none)."
    )
    findings: list[Finding] = Field(
        default_factory=list,
        description="Defects a reviewer would flag (placeholders, numbering, contradictions, power "
        "concentration, decisions with no deadlock rule, ...), each with the clauses quoted.",
    )


def charter_score(elements: dict[str, ElementReview], findings: Sequence[Finding] = ()) -> int:
    """0-100: the credit of the elements (`STATUS_CREDIT`), one step down for serious problems."""
    earned = sum(STATUS_CREDIT[elements[e].status] for e in ELEMENTS if e in elements)
    score = 100 * earned / len(ELEMENTS)
    kinds = [f.kind for f in findings]
    decisions = elements.get("decision_making")
    serious = any(kind in SERIOUS_KINDS for kind in kinds) or kinds.count("placeholder") >= MANY_PLACEHOLDERS
    if serious or (decisions is not None and decisions.status != "present"):
        score -= STEP_DOWN
    return max(0, round(score))
