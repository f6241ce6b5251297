"""Charter capability: review a coalition charter for the thirteen elements that hold a coalition
together, with evidence quoted from the charter and advice for what is weak or missing.

This module holds the result model (the `advisor review --json` contract), the public
`review_charter` (reads md, txt, pdf or docx), the text-only `analyze_charter`, the score and the
markdown scorecard. The element rules live in `charter_rules` (with their vocabulary in
`charter_cues`, and names and advice in `charter_elements`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from advisor.capabilities.charter.elements import ELEMENT_INFO, ELEMENTS
from advisor.capabilities.charter.rules import ElementFinding, Status, analyze_elements
from advisor.capabilities.purpose.check import PurposeCheck, check_purpose
from advisor.config import Settings
from advisor.documents.read import Document, decode_text, read_document
from advisor.errors import DocumentError
from advisor.text.tables import table_cell

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

__all__ = [
    "ELEMENTS",
    "ELEMENT_INFO",
    "ELEMENT_WEIGHTS",
    "PRESENT_ADVICE",
    "CharterReview",
    "ElementReview",
    "analyze_charter",
    "charter_markdown",
    "charter_score",
    "review_charter",
]

# The purpose counts double: every other element serves it, and a coalition without a usable
# purpose cannot say no to anything. Present earns the full weight, weak half, missing nothing.
ELEMENT_WEIGHTS: dict[str, float] = {element: 2.0 if element == "purpose" else 1.0 for element in ELEMENTS}
STATUS_CREDIT: dict[str, float] = {"present": 1.0, "weak": 0.5, "missing": 0.0}
STATUS_ICONS: dict[str, str] = {"present": "✅", "weak": "⚠️", "missing": "❌"}
PRESENT_ADVICE = "Usable as written; check that it still holds at each charter review."
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)


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


class CharterReview(BaseModel):
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
    warnings: list[str] = Field(
        default_factory=list, exclude=True, description="Notes for the user (e.g. a model fallback)."
    )


def review_charter(
    path: Path, *, settings: Settings | None = None, llm: BaseChatModel | None = None
) -> CharterReview:
    """Review the charter in `path` (markdown, text, PDF or DOCX); `DocumentError` if unreadable.

    With `llm`, the model reviews the rules' scorecard (`charter_llm`)."""
    path = Path(path)
    text = charter_text(read_document(path), path)
    if not text.strip():
        raise DocumentError(path, "no readable text in the file")
    review = analyze_charter(text, path.name)
    if llm is None:
        return review
    from advisor.capabilities.charter.model import review_charter_with_model

    return review_charter_with_model(text, review, llm, settings)


def analyze_charter(text: str, file: str) -> CharterReview:
    """Review a charter given as text: rules only, no model and no embeddings."""
    findings = analyze_elements(text)
    elements = {element: _element_review(element, findings.elements[element]) for element in ELEMENTS}
    purpose = check_purpose(findings.purpose_check.statement)
    return CharterReview(file=file, score=charter_score(elements), elements=elements, purpose=purpose)


def charter_score(elements: dict[str, ElementReview]) -> int:
    """0-100: the weighted credit of the elements (see `ELEMENT_WEIGHTS` and `STATUS_CREDIT`)."""
    earned = sum(ELEMENT_WEIGHTS[e] * STATUS_CREDIT[elements[e].status] for e in ELEMENTS if e in elements)
    return round(100 * earned / sum(ELEMENT_WEIGHTS.values()))


def charter_text(document: Document, path: Path) -> str:
    """The text to review. Markdown and plain text are taken whole from the file (headings and
    all, so quotes are exact substrings of it); PDF and DOCX are rebuilt from their sections, with
    DOCX headings kept as markdown headings."""
    if document.kind in ("markdown", "text"):
        text = decode_text(path, path.read_bytes())
        return _FRONT_MATTER.sub("", text, count=1) if document.kind == "markdown" else text
    if document.kind == "docx":
        return "\n\n".join(
            f"## {section.heading}\n{section.text}" if section.heading else section.text
            for section in document.sections
        )
    return document.text


def charter_markdown(review: CharterReview) -> str:
    """A scorecard: the score, a table of the elements and the purpose check."""
    counts = {status: sum(r.status == status for r in review.elements.values()) for status in STATUS_ICONS}
    lines = [
        f"# Charter review: {review.file}",
        "",
        f"**Score: {review.score}/100** · {counts['present']} present · {counts['weak']} weak · "
        f"{counts['missing']} missing",
        "",
        "| Element | Status | Evidence | Advice |",
        "|---|---|---|---|",
    ]
    for element, result in review.elements.items():
        name = ELEMENT_INFO[element].name if element in ELEMENT_INFO else element
        evidence = f"“{table_cell(result.evidence)}”" if result.evidence else "–"
        status = f"{STATUS_ICONS[result.status]} {result.status}"
        lines.append(f"| {name} | {status} | {evidence} | {table_cell(result.advice)} |")
    check = review.purpose
    lines += ["", "## Purpose check", "", f"> {table_cell(check.statement)}", "", f"Score: {check.score}/100"]
    for criterion, verdict in check.criteria.items():
        shown = f": “{table_cell(verdict.evidence)}”" if verdict.evidence else ""
        lines.append(f"- {'✅' if verdict.met else '❌'} {criterion}{shown}")
    lines += [f"- Suggestion: {table_cell(tip)}" for tip in check.suggestions]
    if check.rewrite:
        lines.append(f"- Possible rewrite: {table_cell(check.rewrite)}")
    return "\n".join(lines) + "\n"


def _element_review(element: str, finding: ElementFinding) -> ElementReview:
    info = ELEMENT_INFO[element]
    if finding.status == "present":
        advice = PRESENT_ADVICE
    elif finding.status == "missing":
        advice = info.advice_missing
    elif finding.reason == "placeholder":
        advice = f"Only a placeholder so far. {info.advice_weak}"
    elif finding.reason:
        advice = f"'{finding.reason}' leaves it open. {info.advice_weak}"
    else:
        advice = f"Mentioned, but not who, how or when. {info.advice_weak}"
    return ElementReview(status=finding.status, evidence=finding.evidence, advice=advice)
