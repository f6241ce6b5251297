"""The model chain of the interests capability: the model reviews the rule-based map of a roster.

The model sees the roster (as untrusted data) and the rules' gaps, and may add gaps the rules
missed, dismiss judgement-based gaps it finds wrong (an interest an objective serves in other
words), and write better questions. Its output is checked before it is merged: members must exist
in the roster, a `position_without_interest` must be true of the roster, and factual gaps are never
dismissed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import yaml
from pydantic import BaseModel, Field

from advisor.capabilities.interests.models import GAP_KINDS, Gap, GapKind, InterestMap, MemberView
from advisor.capabilities.pattern import ModelStep
from advisor.documents.coalition import Roster
from advisor.llm.prompts import untrusted
from advisor.llm.structured import Name, Sentence

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.config import Settings

MAX_QUESTIONS = 12


class ModelGap(BaseModel):
    """A gap as the model reports it."""

    kind: GapKind = Field(
        description="position_without_interest, interest_not_addressed or missing_stakeholder."
    )
    member: Name | None = Field(default=None, description="The member's exact name, or null for a group.")
    detail: Sentence = Field(description="One sentence: what is missing.")


class ModelInterestReview(BaseModel):
    """What the model is asked to return."""

    gaps: list[ModelGap] = Field(default_factory=list, description="Gaps the rules missed.", max_length=8)
    false_gaps: list[Sentence] = Field(
        default_factory=list, description="Details of rule gaps that are wrong.", max_length=8
    )
    questions: list[Sentence] = Field(
        default_factory=list, description="3 to 8 questions for specific members.", max_length=8
    )


INTERESTS_REVIEW = ModelStep("interests_review", ModelInterestReview)


def review_interests_with_model(
    roster: Roster, rules: InterestMap, llm: BaseChatModel | None, settings: Settings | None = None
) -> InterestMap:
    """The rules' map, reviewed by the model; the rules' map with a warning if the model fails."""
    roster_text = yaml.safe_dump(roster.model_dump(), sort_keys=False, allow_unicode=True)
    findings = json.dumps([g.model_dump() for g in rules.gaps], ensure_ascii=False, indent=1)
    variables = {
        "roster": untrusted(roster_text, "roster"),
        "findings": untrusted(findings, "rule findings"),
    }
    return INTERESTS_REVIEW.refine(
        rules, llm, settings, lambda reply: merge_model_review(roster, rules, reply), variables
    )


def merge_model_review(roster: Roster, rules: InterestMap, model: ModelInterestReview) -> InterestMap:
    members = {m.name: m for m in roster.members}
    dismissed = {d.strip() for d in model.false_gaps}
    gaps = [g for g in rules.gaps if g.kind == "position_without_interest" or g.detail not in dismissed]
    seen = {(g.kind, g.member, g.detail.lower()) for g in gaps}
    for proposed in model.gaps:
        member = members.get(proposed.member or "")
        if proposed.kind != "missing_stakeholder" and member is None:
            continue  # a member the roster does not have
        if proposed.kind == "position_without_interest" and (member is None or member.interests):
            continue  # not true of the roster
        if proposed.kind == "position_without_interest" and any(
            g.kind == proposed.kind and g.member == proposed.member for g in gaps
        ):
            continue
        key = (proposed.kind, proposed.member if member else None, proposed.detail.strip().lower())
        if key not in seen and proposed.detail.strip():
            seen.add(key)
            gaps.append(Gap(kind=proposed.kind, member=key[1], detail=proposed.detail.strip()))
    gaps.sort(key=lambda g: GAP_KINDS.index(g.kind))
    questions: list[str] = []
    for question in [*model.questions, *rules.questions]:
        if question.strip() and question.strip() not in questions:
            questions.append(question.strip())
    views = [
        MemberView(
            **view.model_dump(exclude={"gaps"}),
            gaps=[k for k in GAP_KINDS if any(g.kind == k and g.member == view.name for g in gaps)],
        )
        for view in rules.members
    ]
    return InterestMap(
        members=views,
        gaps=gaps,
        missing_community_voice=rules.missing_community_voice,
        questions=questions[:MAX_QUESTIONS],
    )
