"""The model chain of charter review: the model reviews the rule-based scorecard of a charter.

The model sees the charter (as untrusted data), the 13 elements and the offline review's clause-level
findings (each element's call with the clause that shows it, each defect with its clauses), and returns
only the elements where it disagrees or can advise better. A verdict is merged only when it can be
verified: a `present` or `weak` status needs evidence quoted verbatim from the charter. The score is
recomputed from the merged statuses; the purpose check is redone if the purpose evidence changed.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from advisor.capabilities.charter.elements import ELEMENT_INFO, ELEMENTS
from advisor.capabilities.charter.models import CharterReview, ElementReview, Status, charter_score
from advisor.capabilities.pattern import ModelStep
from advisor.capabilities.purpose.check import check_purpose_rules
from advisor.llm.prompts import untrusted
from advisor.llm.structured import Sentence

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.config import Settings

MAX_CHARTER_CHARS = 60_000  # about 15k tokens: a long charter is cut, the rules still read all of it


class ModelElement(BaseModel):
    """One element as the model judges it."""

    status: Status = Field(description="present, weak or missing.")
    # Sentence-bounded: thirteen of these must fit `llm.max_tokens` even when a small model fills all
    evidence: Sentence | None = Field(default=None, description="A verbatim quote from the charter, or null.")
    advice: Sentence = Field(default="", description="One or two sentences of specific advice.")


class ModelElements(BaseModel):
    """The 13 elements, each at most once (in `ELEMENTS` order; a test keeps them in step): a small
    model given an open mapping repeats keys without end."""

    purpose: ModelElement | None = None
    principles: ModelElement | None = None
    membership: ModelElement | None = None
    governance: ModelElement | None = None
    decision_making: ModelElement | None = None
    roles: ModelElement | None = None
    resources: ModelElement | None = None
    communication: ModelElement | None = None
    conflict_resolution: ModelElement | None = None
    measurement: ModelElement | None = None
    equity: ModelElement | None = None
    renewal: ModelElement | None = None
    transition: ModelElement | None = None


class ModelCharterReview(BaseModel):
    """What the model is asked to return."""

    elements: ModelElements = Field(
        default_factory=ModelElements,
        description="Only the elements where the model disagrees or advises better.",
    )
    summary: Sentence = Field(default="", description="One sentence on the charter overall.")


CHARTER_REVIEW = ModelStep("charter_review", ModelCharterReview)


def review_charter_with_model(
    text: str, rules: CharterReview, llm: BaseChatModel | None, settings: Settings | None = None
) -> CharterReview:
    """The rules' review, improved by the model; the rules' review with a warning if the model fails."""
    elements = "\n".join(f"- {e}: {ELEMENT_INFO[e].description}" for e in ELEMENTS)
    findings = json.dumps(
        {
            "elements": {e: {"status": r.status, "evidence": r.evidence} for e, r in rules.elements.items()},
            "defects": [{"kind": f.kind, "clauses": f.quotes} for f in rules.findings],
        },
        ensure_ascii=False,
        indent=1,
    )
    variables = {
        "charter": untrusted(text[:MAX_CHARTER_CHARS], rules.file),
        "findings": untrusted(findings, "review findings"),
        "elements": elements,
    }
    return CHARTER_REVIEW.refine(
        rules, llm, settings, lambda reply: merge_model_review(text, rules, reply), variables
    )


def merge_model_review(text: str, rules: CharterReview, model: ModelCharterReview) -> CharterReview:
    merged = dict(rules.elements)
    for element in ELEMENTS:
        verdict = getattr(model.elements, element)
        if verdict is None or element not in merged:
            continue
        advice = verdict.advice.strip() or merged[element].advice
        if verdict.status == "missing":
            merged[element] = ElementReview(status="missing", evidence=None, advice=advice)
            continue
        evidence = find_verbatim(text, verdict.evidence or "")
        if evidence is None:
            continue  # an unverifiable quote: keep the rules' verdict
        merged[element] = ElementReview(status=verdict.status, evidence=evidence, advice=advice)
    purpose = rules.purpose
    new_purpose = merged["purpose"].evidence
    if new_purpose and new_purpose != rules.elements["purpose"].evidence:
        purpose = check_purpose_rules(new_purpose)
    return CharterReview(
        file=rules.file,
        score=charter_score(merged, rules.findings),
        elements=merged,
        purpose=purpose,
        findings=rules.findings,
    )


def find_verbatim(text: str, quote: str) -> str | None:
    """The charter's own words for `quote`, matching whitespace and case loosely; None if absent."""
    words = quote.split()
    if len(words) < 3:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text, re.IGNORECASE)
    return match.group(0) if match else None
