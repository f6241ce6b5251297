"""Rule-based detection of the thirteen charter elements, with the sentence that shows each.

The charter is cut into sentences that remember their heading and paragraph (`charter_segments`).
Each sentence is scored for every element by its content cues (`charter_cues`), plus a bonus when
its heading names the element and a smaller one when its paragraph is mostly about the element
(prose charters have paragraphs, not headings). A sentence counts for the elements that score
highest on it: a sentence about dues under a "Values" heading is about resources, not principles.
An element is

- present when a sentence counted for it is concrete (numbers, frequencies, deadlines, thresholds,
  named bodies or roles, a procedure) and neither a placeholder nor mostly vague;
- weak when it is only addressed vaguely or aspirationally, or when its heading stands over
  placeholder text ("## Conflict resolution / TBD");
- missing when nothing addresses it, including a heading whose text is about something else.

The purpose is the sentence (or pair of sentences) with purpose words or under a purpose heading
that best passes the purpose check (`purpose_rules`): two of outcome, population and timeframe make
it present. It states the target, so it is not evidence for other elements ("reduce X from the
2022 baseline" is not a measurement plan). Evidence is always an exact substring of the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from advisor.capabilities.charter.cues import CONCRETE, ELEMENT_CUES, NAMED_BODY, PLACEHOLDER, VAGUE
from advisor.capabilities.charter.elements import ELEMENTS
from advisor.capabilities.charter.segments import Segment, segment_charter
from advisor.capabilities.purpose.check import check_purpose_rules
from advisor.capabilities.purpose.models import PurposeCheck

Status = Literal["present", "weak", "missing"]
# Scoring a sentence for an element
HEADING_BONUS = 1.0  # under a heading that names the element
PARAGRAPH_BONUS = 0.5  # in a paragraph mostly about the element
MIN_PARAGRAPH_TOPIC = 2.0  # cue weight a paragraph needs before it has a topic
LIST_UNDER_HEADING = 1.0  # a list item under a principles heading
STRONG_CUE = 2.0  # a cue this strong lets a sentence serve a second element ...
SHARED_MARGIN = 1.0  # ... when it scores within this much of the first
# The purpose is found separately (and its statement kept from the others), so "review this
# agreement and its purpose" is about renewal: purpose words do not compete for sentences.
RIVALS = ELEMENTS[1:]
# Grading
MIN_PRESENT_CONTENT = 1.0  # cue weight a sentence needs to show an element is present
NAMED_BODY_WEIGHT = 0.5  # concreteness of a named body alone (a name, not a rule)
VAGUE_PENALTY = 2  # concreteness markers cancelled by each vague phrase
MAX_EVIDENCE_CHARS = 320  # longer sentences are quoted by their most telling clause
# The purpose
PURPOSE_CRITERIA_FOR_PRESENT = 2
PURPOSE_SEARCH_SEGMENTS = 6  # opening sentences searched for a purpose without cue or heading
PAIR_PENALTY = 2.5  # a purpose split over two sentences ranks after a single sentence


@dataclass(frozen=True)
class ElementFinding:
    """The verdict on one element, the sentence that shows it, and why it is weak (if it is)."""

    status: Status
    evidence: str | None
    reason: str | None = None


@dataclass(frozen=True)
class CharterFindings:
    """Every element's finding plus the purpose check of the purpose sentence."""

    elements: dict[str, ElementFinding]
    purpose_check: PurposeCheck


@dataclass(frozen=True)
class _Scores:
    """How much one sentence speaks of each element, and how vague it is."""

    content: dict[str, float]
    heading: dict[str, bool]
    topic: str | None
    placeholder: bool
    vague: list[str]

    def total(self, element: str) -> float:
        bonus = HEADING_BONUS if self.heading[element] else 0.0
        return self.content[element] + bonus + (PARAGRAPH_BONUS if self.topic == element else 0.0)

    def leads(self, element: str) -> bool:
        """`element` outscores every other element on this sentence."""
        return all(self.total(element) > self.total(other) for other in RIVALS if other != element)

    def counts_for(self, element: str) -> bool:
        """The sentence has content cues for `element` and no other element clearly outranks it
        (a strong cue of its own lets a sentence serve two elements: joining and paying a fee)."""
        if self.content[element] <= 0:
            return False
        margin = SHARED_MARGIN if self.content[element] >= STRONG_CUE else 0.0
        return self.total(element) >= max(self.total(other) for other in RIVALS) - margin - 1e-9


def names_an_element(label: str) -> bool:
    """Whether a heading or label names one of the elements."""
    return any(ELEMENT_CUES[element].heading.search(label) for element in ELEMENTS)


def analyze_elements(text: str) -> CharterFindings:
    """Judge every element of the charter `text` (see the module docstring for the rules)."""
    segments = segment_charter(text, names_an_element)
    scored = _score_all(segments)
    purpose, check, region = _find_purpose(text, segments, scored)
    # The purpose statement states the target; it is not evidence for other elements.
    in_purpose = {
        i
        for i, seg in enumerate(segments)
        if region and seg.start < region[1] and region[0] < seg.start + len(seg.text)
    }
    # A heading over text that is all about other elements is mislabelled, not a weak element.
    # Placeholders ("need to decide") are talk about the draft, not about an element.
    speaks: dict[int, set[str]] = defaultdict(set)
    for segment, scores in zip(segments, scored, strict=True):
        if not scores.placeholder:
            speaks[segment.section].update(e for e in RIVALS if scores.counts_for(e))
    findings: dict[str, ElementFinding] = {"purpose": purpose}
    for element in RIVALS:
        candidates = [
            i
            for i, (segment, scores) in enumerate(zip(segments, scored, strict=True))
            if i not in in_purpose
            and (
                scores.counts_for(element)
                or (
                    scores.heading[element]
                    and not any(scores.counts_for(other) for other in RIVALS)
                    and not (speaks[segment.section] - {element})
                )
            )
        ]
        findings[element] = _grade(element, candidates, segments, scored)
    return CharterFindings(elements=findings, purpose_check=check)


def _score_all(segments: list[Segment]) -> list[_Scores]:
    contents: list[dict[str, float]] = []
    for segment in segments:
        text = f"{segment.label} {segment.text}" if segment.label else segment.text
        text = PLACEHOLDER.sub(" ", text)  # "to be decided" is not about decisions
        content = {e: sum(w for pattern, w in ELEMENT_CUES[e].cues if pattern.search(text)) for e in ELEMENTS}
        # Principles have no topic words of their own ("we tell partners before we tell the press"):
        # a list under a principles heading is a list of principles.
        if segment.in_list and ELEMENT_CUES["principles"].heading.search(segment.heading):
            content["principles"] += LIST_UNDER_HEADING
        contents.append(content)
    topics = _paragraph_topics(segments, contents)
    return [
        _Scores(
            content=content,
            heading=_heading_elements(segment.heading),
            topic=topics.get(segment.paragraph),
            placeholder=bool(PLACEHOLDER.search(segment.text)),
            vague=[m.group(0) for m in VAGUE.finditer(segment.text)],
        )
        for segment, content in zip(segments, contents, strict=True)
    ]


def _heading_elements(heading: str) -> dict[str, bool]:
    """The elements a heading names. A word inside a longer match for another element does not
    count: "Leadership Changes" is about transition, not governance; "Governance and Decision
    Making" names both."""
    spans = {e: [m.span() for m in ELEMENT_CUES[e].heading.finditer(heading)] for e in ELEMENTS}

    def covered(span: tuple[int, int], element: str) -> bool:
        return any(
            a <= span[0] and span[1] <= b and (b - a) > (span[1] - span[0])
            for other in ELEMENTS
            if other != element
            for a, b in spans[other]
        )

    return {e: any(not covered(span, e) for span in spans[e]) for e in ELEMENTS}


def _paragraph_topics(segments: list[Segment], contents: list[dict[str, float]]) -> dict[int, str]:
    """The element a paragraph of several sentences is mostly about, when one clearly leads."""
    sums: dict[int, dict[str, float]] = defaultdict(lambda: dict.fromkeys(ELEMENTS, 0.0))
    sizes: dict[int, int] = defaultdict(int)
    for segment, content in zip(segments, contents, strict=True):
        if segment.clause:
            continue  # its sentence is already counted
        sizes[segment.paragraph] += 1
        for element, value in content.items():
            sums[segment.paragraph][element] += value
    topics: dict[int, str] = {}
    for paragraph, totals in sums.items():
        ranked = sorted(((e, v) for e, v in totals.items() if e in RIVALS), key=lambda item: -item[1])
        if sizes[paragraph] > 1 and ranked[0][1] >= MIN_PARAGRAPH_TOPIC and ranked[0][1] > ranked[1][1]:
            topics[paragraph] = ranked[0][0]
    return topics


def _concreteness(element: str, segment: Segment) -> float:
    """Markers of a usable clause; a named body alone (a name, not a rule) counts for half."""
    patterns = (*CONCRETE, *ELEMENT_CUES[element].concrete)
    named = NAMED_BODY_WEIGHT if NAMED_BODY.search(segment.text) else 0.0
    return named + sum(1 for pattern in patterns if pattern.search(segment.text))


def _is_concrete(element: str, segment: Segment, scores: _Scores) -> bool:
    if scores.placeholder or scores.content[element] < MIN_PRESENT_CONTENT:
        return False
    return _concreteness(element, segment) - VAGUE_PENALTY * len(scores.vague) >= 1


def _grade(
    element: str, candidates: list[int], segments: list[Segment], scored: list[_Scores]
) -> ElementFinding:
    # The best quote is mainly about the element (not shared with another), and says the most.
    present = [
        (scored[i].leads(element), scored[i].total(element) + _concreteness(element, segments[i]), -i)
        for i in candidates
        if scored[i].counts_for(element) and _is_concrete(element, segments[i], scored[i])
    ]
    if present:
        index = -max(present)[2]
        return ElementFinding("present", _evidence(element, segments[index]))
    if not candidates:
        return ElementFinding("missing", None)
    index = -max((scored[i].total(element), -i) for i in candidates)[1]
    return ElementFinding("weak", _evidence(element, segments[index]), _weak_reason(scored[index]))


def _find_purpose(
    text: str, segments: list[Segment], scored: list[_Scores]
) -> tuple[ElementFinding, PurposeCheck, tuple[int, int] | None]:
    """The purpose statement (its span in `text`), graded by the purpose check."""
    sentences = [i for i, segment in enumerate(segments) if not segment.clause]
    # (first segment, last segment): a sentence, a clause, or a sentence with the next one, since
    # "… are forming the Network so that … . Specifically, by 2026 we will …" splits the purpose.
    spans: list[tuple[int, int]] = []
    for position, i in enumerate(sentences):
        scores = scored[i]
        if scores.content["purpose"] > 0 or scores.heading["purpose"]:
            spans.append((i, i))
            following = sentences[position + 1] if position + 1 < len(sentences) else None
            if following is not None and segments[following].paragraph == segments[i].paragraph:
                spans += [(following, following), (i, following)]
    spans += [(i, i) for i, seg in enumerate(segments) if seg.clause and scored[i].content["purpose"] > 0]
    # A purpose without a cue or heading ("Raise X to Y by 2029" opening the charter) is still a
    # purpose when it meets all three criteria.
    for i in sentences[:PURPOSE_SEARCH_SEGMENTS]:
        if all(c.met for c in check_purpose_rules(segments[i].text).criteria.values()):
            spans.append((i, i))
    if not spans:
        first = segments[0].text if segments else ""
        return ElementFinding("missing", None), check_purpose_rules(first), None

    def statement(span: tuple[int, int]) -> str:
        last = segments[span[1]]
        return text[segments[span[0]].start : last.start + len(last.text)]

    checks = {span: check_purpose_rules(statement(span)) for span in dict.fromkeys(spans)}

    def rank(span: tuple[int, int]) -> tuple[int, float, int]:
        """Most criteria met first; then purpose cues, a single sentence before a pair, and the
        earliest."""
        met = sum(c.met for c in checks[span].criteria.values())
        pair_penalty = 0.0 if span[0] == span[1] else PAIR_PENALTY
        return met, scored[span[0]].total("purpose") - pair_penalty, -span[0]

    best = max(checks, key=rank)
    met = sum(c.met for c in checks[best].criteria.values())
    quote = statement(best)
    region = (segments[best[0]].start, segments[best[0]].start + len(quote))
    if met >= PURPOSE_CRITERIA_FOR_PRESENT and not scored[best[0]].placeholder:
        return ElementFinding("present", quote), checks[best], region
    return ElementFinding("weak", quote, _weak_reason(scored[best[0]])), checks[best], region


def _evidence(element: str, segment: Segment) -> str:
    """The sentence, or its most telling clause when the sentence is very long."""
    if len(segment.text) <= MAX_EVIDENCE_CHARS:
        return segment.text
    clauses = [c.strip(" ,;") for c in re.split(r";\s+|,\s+(?:and|but|while|which)\s+", segment.text)]
    cues = ELEMENT_CUES[element].cues
    best = max(clauses, key=lambda c: sum(w for p, w in cues if p.search(c)))
    return best or segment.text


def _weak_reason(scores: _Scores) -> str | None:
    if scores.placeholder:
        return "placeholder"
    return scores.vague[0] if scores.vague else None
