"""Charter capability: review a coalition charter for the thirteen elements that hold a coalition
together, with evidence quoted from the charter, the defects a reviewer would flag, and advice
written for this document.

This module holds the public `review_charter` (reads md, txt, pdf or docx), the text-only
`analyze_charter` and the markdown scorecard. The document is cut into clauses (`clauses`); the
trained classifier (`classifier`, features in `features`) calls each element present, weak or
missing and ranks the clauses to quote; the detectors of `findings` list the defects; `advice`
writes what to do. The result models and the score live in `models`, the model chain in `model`,
many charters at once in `batch`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.capabilities.charter.advice import element_advice, profile_document
from advisor.capabilities.charter.classifier import (
    CharterClassifier,
    DocumentView,
    ElementCall,
    default_classifier,
    view_document,
)
from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.cues import ELEMENT_CUES
from advisor.capabilities.charter.elements import ELEMENT_INFO, ELEMENTS
from advisor.capabilities.charter.features import MIN_QUOTE_WORDS, strength_features
from advisor.capabilities.charter.findings import Finding, delegation_finding, find_defects, quote
from advisor.capabilities.charter.model import review_charter_with_model
from advisor.capabilities.charter.models import CharterReview, ElementReview, charter_score
from advisor.capabilities.purpose.check import check_purpose
from advisor.capabilities.purpose.models import PurposeCheck
from advisor.config import Settings, get_settings
from advisor.documents.read import Document, decode_text
from advisor.documents.sandbox import read_user_file
from advisor.errors import DocumentError
from advisor.text.language import NOT_ENGLISH, reads_as_english
from advisor.text.tables import table_cell

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

STATUS_ICONS: dict[str, str] = {"present": "✓", "weak": "⚠", "missing": "✗"}
_DOCUMENT_REFERENCE = re.compile(
    r"\]\(|https?://|\.md\b|\b(?:[A-Z][\w-]*\s)*(?:Guide|Guidelines|Process|Document|README|Procedures?|Policy|"
    r"Charter|Bylaws|Agreement|Handbook|APE\d+|PEP\s?\d+|Rules of Order|Terms of Reference|Statutes|Act"
    r"|Articles of (?:Organi[sz]ation|Incorporation|Association))\b|\[[^\]]+\]"
    # "as provided for by bylaw", "will be documented elsewhere"
    r"|\b(?i:by-?laws?)\b|\belsewhere\b"
    # "described in :ref:`labelling-guidelines`", "follows the common Request for Comments (RFC) process",
    # "the council appointment process outlined in their charter", "the document linked above"
    r"|:(?:ref|doc):|\b(?i:decision[- ]making|voting|appointment|approval|change|revision|RFC)\)?\s+"
    r"(?i:process(?:es)?|procedures?)\b|\b(?i:their|its|our)\s+(?i:charter)\b|\bdocument\s+linked\b"
)
# wording that hands a matter to another document, beyond the classifier's own delegation cue:
# "detailed in", "established in", "is at <link>", "defaults to", "adopts", "makes decisions using the"
_HANDS_OFF = re.compile(
    r"\b(?:(?:detailed|established|specified|explained|listed|written) (?:in|at)|(?:is|are) at\b"
    r"|defaults? to|adopts?\b|(?<!created )(?<!written )according to|(?:using|uses|use) (?:the|a|our)\b"
    r"|will be (?:specified|defined|set out) (?:in|by)|please (?:see|refer|read)"
    r"|more (?:details|information|info) (?:in|at|on)"
    # "See [ROLES.md]", "as set forth in the Project Governance Policy", "outlined as part of the TAG's
    # governance documentation", "consistent with the [Board Decisionmaking Policy]", "follows a set of
    # [bylaws]", "adhere to the `Code of Conduct`", "defined   in [`docs/entity-and-structure.md`]"
    r"|\bsee\b|set\s+forth\s+in|outlined\s+(?:in|as\s+part\s+of|under)|\boutlines\b|can\s+be\s+found"
    r"|consistent\s+with|established\s+under|\bfollow(?:s|ing)?\s+(?:the|a|an|its|our|their|\[)|adhere\s+to"
    r"|view\s+here|have\s+a\s+look|(?:defined|described|detailed|specified)\s+in\b|in\s+accordance\s+with"
    r"|through\s+\[|in\s+line\s+with|organi[sz]ed\s+by|as\s+allowed\s+under"
    r"|as provided (?:for )?(?:in|by)\b|(?:documented|described|defined|set out|covered) elsewhere"
    # "The bylaws define terms for Directors", "[Dispute Resolution](/assets/dispute-resolution.pdf)"
    r"|\b(?:bylaws|by-laws|constitution|policy|handbook|agreement)s?\s+(?:define|defines|sets?\s+out|governs?"
    r"|specif(?:y|ies)|describes?)\b|\]\([^)\s]*\.(?:pdf|docx?)\))",
    re.IGNORECASE,
)
# a clause that states the rule itself is not "nothing local", whatever it links to for the details
_STATES_A_RULE = re.compile(
    r"\b(?:majority|two-thirds|three-quarters|quorum|unanim\w+|consensus|percent)\b|\d+\s?%", re.IGNORECASE
)
# a contributing guide is about how to send work, no element of governance: pointing to it delegates
# nothing ("We welcome contributions, which are described in [CONTRIBUTING.md]")
_CONTRIBUTING = re.compile(r"contribut(?:ing|ion)\s+guide|CONTRIBUTING|\[contributing\]", re.IGNORECASE)
DELEGATION_CANDIDATES = 8
_SIGNATORIES = re.compile(r"\b(?:is|are|was|were|been) signed by\b|\bsignator(?:y|ies)\b", re.IGNORECASE)
QUOTE_CANDIDATES = 5  # an element's best clauses searched for one worth quoting
_WIND_DOWN = re.compile(
    r"\b(?:sunsets?|disband\w*|dissol(?:ve|ves|ved|ving|ution)|wind(?:s|ing)?[- ]down|ceases? to exist"
    r"|(?:will|shall) (?:end|close|terminate) (?:on|in|at|when|after))\b",
    re.IGNORECASE,
)  # an element's best clauses searched for a pointer to another document
MIN_DELEGATION_RELEVANCE = 0.3
# Which element a kind of finding bears on (its advice mentions the finding).
FINDING_ELEMENT: dict[str, str] = {"no_deadlock_rule": "decision_making", "power_concentration": "governance"}
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


def analyze_charter(text: str, file: str, classifier: CharterClassifier | None = None) -> CharterReview:
    """Review a charter given as text: the trained classifier (the shipped one unless given) and the
    detectors, no model."""
    view = view_document(text)
    calls = (classifier or default_classifier()).call_elements(view)
    calls = _wind_down_anywhere(_placeholders_under_headings(calls, view), view)
    profile = profile_document(text)
    findings = find_defects(text, view.clauses)
    evidence = {e: _quotable(calls[e]) if calls[e].status != "missing" else None for e in ELEMENTS}
    findings = _distinct(findings + _delegations(calls))
    elements = {
        e: ElementReview(
            status=calls[e].status,  # type: ignore[arg-type]
            evidence=quote(clause) if (clause := evidence[e]) else None,
            advice=element_advice(
                e, calls[e].status, evidence[e], profile, _bearing_on(e, evidence[e], findings), document=text
            ),
        )
        for e in ELEMENTS
    }
    purpose = check_purpose(_purpose_statement(calls["purpose"].ranked, text))
    elements["purpose"] = _open_as_a_goal(elements["purpose"], purpose)
    return CharterReview(
        file=file,
        score=charter_score(elements, findings),
        elements=elements,
        purpose=purpose,
        findings=findings,
        warnings=[] if reads_as_english(text) else [NOT_ENGLISH],
    )


_LACKS = {
    "outcome": "no result anyone can count",
    "population": "no group or place",
    "timeframe": "no deadline",
}


def _open_as_a_goal(review: ElementReview, purpose: PurposeCheck) -> ElementReview:
    """A remit is enough for a present purpose, yet the purpose check on the same words may find no
    result to count: the advice says so, so the two verdicts on one page do not seem to disagree."""
    said = review.evidence or ""
    if review.status != "present" or purpose.criteria["outcome"].met or purpose.statement.strip() not in said:
        return review
    lacks = [_LACKS[c] for c, criterion in purpose.criteria.items() if not criterion.met]
    note = (
        f" As a remit it will do; as a goal it names {', '.join(lacks[:-1])}{' and ' if lacks[:-1] else ''}"
        f"{lacks[-1]} (the purpose check below: {purpose.score}/100)."
    )
    return review.model_copy(update={"advice": review.advice + note})


def _placeholders_under_headings(calls: dict[str, ElementCall], view: DocumentView) -> dict[str, ElementCall]:
    """The guide's rule: a heading that names an element over a placeholder ("## Disputes / TBD")
    makes the element weak, quoting the placeholder, even when nothing else speaks of it."""
    for element, call in calls.items():
        if call.status != "missing":
            continue
        heading = ELEMENT_CUES[element].heading
        for clause, features in zip(view.clauses, view.features, strict=True):
            if clause.heading and heading.search(clause.heading) and "s:placeholder" in features:
                calls[element] = replace(call, status="weak", ranked=[clause, *call.ranked])
                break
    return calls


def _wind_down_anywhere(calls: dict[str, ElementCall], view: DocumentView) -> dict[str, ElementCall]:
    """A sunset or disbanding clause counts for transition wherever it stands (a closing line, a
    section on timelines): at least weak, quoted."""
    call = calls["transition"]
    if call.status == "missing":
        ending = next((c for c in view.clauses if _WIND_DOWN.search(c.text)), None)
        if ending is not None:
            calls["transition"] = replace(call, status="weak", ranked=[ending, *call.ranked])
    return calls


def _delegations(calls: dict[str, ElementCall]) -> list[Finding]:
    """Clauses that hand an element not written out here to another document."""
    best: dict[Clause, tuple[float, str]] = {}
    for element, call in calls.items():
        for clause, relevance in zip(call.ranked[:DELEGATION_CANDIDATES], call.relevance, strict=False):
            if relevance > best.get(clause, (MIN_DELEGATION_RELEVANCE, ""))[0]:
                best[clause] = (relevance, element)
    return [
        delegation_finding(ELEMENT_INFO[element].name, clause)
        for clause, (_, element) in best.items()
        if calls[element].status != "present"
        and _DOCUMENT_REFERENCE.search(clause.text)
        and (_HANDS_OFF.search(clause.text) or "s:delegation" in strength_features(clause.text))
        and not _STATES_A_RULE.search(clause.text)
        and not _CONTRIBUTING.search(clause.text)
    ]


def _distinct(findings: list[Finding]) -> list[Finding]:
    """One finding per kind and quotes: a sentence repeated in the document (a reminder under each
    heading) is one problem to fix, not one per place."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    kept = []
    for finding in findings:
        key = (finding.kind, tuple(finding.quotes))
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def _quotable(call: ElementCall) -> Clause | None:
    """The best-ranked clause a reviewer could quote: a whole statement of at least a few words, not
    a lead-in to a list (a placeholder is quoted as it is)."""
    for clause in call.ranked[:QUOTE_CANDIDATES]:
        features = strength_features(clause.text)
        fragment = len(clause.text.split()) < MIN_QUOTE_WORDS or clause.text.rstrip("*_ ").endswith(":")
        if not fragment or "s:placeholder" in features:
            return clause
    return call.ranked[0] if call.ranked else None


def _bearing_on(element: str, evidence: Clause | None, findings: list[Finding]) -> list[Finding]:
    """The findings that concern one element: by kind, or quoting its evidence (placeholders aside:
    the advice on a weak element already says it is a placeholder)."""
    return [
        f
        for f in findings
        if FINDING_ELEMENT.get(f.kind) == element
        or (f.kind != "placeholder" and evidence is not None and quote(evidence) in f.quotes)
    ]


def _purpose_statement(ranked: list[Clause], text: str) -> str:
    """The clause most like a purpose or mission statement (the opening words when there is none).
    A clause that says who signed ("This memorandum is signed by ...") can rank first, as it names the
    parties and the network they form, but is never the statement: the next one is taken."""
    stated = [c for c in ranked if not _SIGNATORIES.search(c.text)] or ranked
    # a clause near the top that says it is the aim ("Our shared goal is to ...") is the statement,
    # over one the model ranks above it for describing the body ("The coalition brings together ...")
    aim = next((c for c in stated[:AIM_REACH] if _STATES_THE_AIM.search(c.text)), None)
    chosen = aim or (stated[0] if stated else None)
    return chosen.text if chosen else " ".join(text.split())[:300]


AIM_REACH = 3
_STATES_THE_AIM = re.compile(
    r"\b(?:our|its|their|the)\s+(?:(?:shared|common|overall|primary|main|central)\s+)?"
    r"(?:goal|purpose|mission|aim|vision|objective)\s+(?:is|are|will\s+be)\b|\bwe\s+exist\s+to\b",
    re.IGNORECASE,
)


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


def charter_markdown(review: CharterReview, *, table: bool = True, summary: bool = True) -> str:
    """A scorecard: the title and score (left out with `summary=False`), a table of the elements
    (left out with `table=False`, for views that show them in a grid of their own), the findings and
    the purpose check."""
    counts = {status: sum(r.status == status for r in review.elements.values()) for status in STATUS_ICONS}
    lines = (
        [
            f"# Charter review: {review.file}",
            "",
            f"**Score: {review.score}/100** · {counts['present']} present · {counts['weak']} weak · "
            f"{counts['missing']} missing",
        ]
        if summary
        else []
    )
    if table:
        lines += ["", "| Element | Status | Evidence | Advice |", "|---|---|---|---|"]
        for element, result in review.elements.items():
            name = ELEMENT_INFO[element].name if element in ELEMENT_INFO else element
            evidence = f"“{table_cell(result.evidence)}”" if result.evidence else "–"
            status = f"{STATUS_ICONS[result.status]} {result.status}"
            lines.append(f"| {name} | {status} | {evidence} | {table_cell(result.advice)} |")
    if review.findings:
        lines += ["", "## Findings", ""]
        for finding in review.findings:
            quotes = " · ".join(f"“{table_cell(q)}”" for q in finding.quotes)
            lines.append(f"- **{finding.kind.replace('_', ' ')}**: {table_cell(finding.message)} {quotes}")
    check = review.purpose
    lines += ["", "## Purpose check", "", f"> {table_cell(check.statement)}", "", f"Score: {check.score}/100"]
    for criterion, verdict in check.criteria.items():
        shown = f": “{table_cell(verdict.evidence)}”" if verdict.evidence else ""
        lines.append(f"- {'✓' if verdict.met else '✗'} {criterion}{shown}")
    lines += [f"- Suggestion: {table_cell(tip)}" for tip in check.suggestions]
    if check.rewrite:
        lines.append(f"- Possible rewrite: {table_cell(check.rewrite)}")
    return "\n".join(lines) + "\n"
