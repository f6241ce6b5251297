"""Charter capability: review a coalition charter for the thirteen elements that hold a coalition
together, with evidence quoted from the charter and advice for what is weak or missing.

This module holds the public `review_charter` (reads md, txt, pdf or docx), the text-only
`analyze_charter` and the markdown scorecard. The result models and the score live in `models`, the
element rules in `rules` (vocabulary in `cues`, names and advice in `elements`), the model chain in
`model`, many charters at once in `batch`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.capabilities.charter.elements import ELEMENT_INFO, ELEMENTS
from advisor.capabilities.charter.model import review_charter_with_model
from advisor.capabilities.charter.models import CharterReview, ElementReview, charter_score
from advisor.capabilities.charter.rules import ElementFinding, analyze_elements
from advisor.capabilities.purpose.check import check_purpose
from advisor.config import Settings, get_settings
from advisor.documents.read import Document, decode_text
from advisor.documents.sandbox import read_user_file
from advisor.errors import DocumentError
from advisor.text.tables import table_cell

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

STATUS_ICONS: dict[str, str] = {"present": "✅", "weak": "⚠️", "missing": "❌"}
PRESENT_ADVICE = "Usable as written; check that it still holds at each charter review."
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)


def review_charter(
    path: Path, *, settings: Settings | None = None, llm: BaseChatModel | None = None
) -> CharterReview:
    """Review the charter in `path` (markdown, text, PDF or DOCX); `DocumentError` if unreadable.

    With `llm`, the model reviews the rules' scorecard (`charter_llm`)."""
    path = Path(path)
    text = charter_text(read_user_file(path, settings or get_settings()), path)
    if not text.strip():
        raise DocumentError(path, "no readable text in the file")
    return review_charter_with_model(text, analyze_charter(text, path.name), llm, settings)


def analyze_charter(text: str, file: str) -> CharterReview:
    """Review a charter given as text: rules only, no model and no embeddings."""
    findings = analyze_elements(text)
    elements = {element: _element_review(element, findings.elements[element]) for element in ELEMENTS}
    purpose = check_purpose(findings.purpose_check.statement)
    return CharterReview(file=file, score=charter_score(elements), elements=elements, purpose=purpose)


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
