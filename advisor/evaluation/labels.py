"""What a scenario produced, and how it compares with its labelled truth.

`compare` turns one outcome into mismatches (for the `matches_expected` check) and additive counts
(true and false positives, correct statuses, retrieval ranks, valid citations) that
`advisor.evaluation.metrics` sums per capability. An outcome that is missing (the scenario raised) is
compared as an empty output: everything expected counts as missed, nothing is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor.documents.read import SUPPORTED_SUFFIXES
from advisor.evaluation.scenarios import Scenario
from advisor.retrieval.passages import Passage

DETECTED = ("present", "weak")
DOCUMENT_SUFFIXES = frozenset(SUPPORTED_SUFFIXES)


@dataclass
class Outcome:
    """A capability's contract JSON plus what the eval saw around it."""

    output: dict[str, Any]
    citations: list[dict[str, Any]] = field(default_factory=list)
    searches: list[list[Passage]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def retrieved_ids(self) -> set[str]:
        return {p.chunk_id for passages in self.searches for p in passages}

    @property
    def first_search(self) -> list[Passage]:
        return self.searches[0] if self.searches else []


@dataclass
class Comparison:
    """Mismatches with the labels, and counts for the metrics."""

    mismatches: list[str] = field(default_factory=list)
    counts: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.counts[name] = self.counts.get(name, 0.0) + value


def stem(source: str) -> str:
    """`knowledge/shared-purpose.md` -> `shared-purpose`, `x.notes.md` -> `x.notes`: how scenarios
    name sources (only a document suffix is dropped, so a bare stem stays as it is)."""
    name = Path(source).name
    suffix = Path(name).suffix.lower()
    return name[: -len(suffix)] if suffix in DOCUMENT_SUFFIXES else name


def compare(scenario: Scenario, outcome: Outcome | None, hit_k: int) -> Comparison:
    """Compare `outcome` (None when the scenario failed to run) with the scenario's labels."""
    outcome = outcome or Outcome(output={})
    result = Comparison()
    capability = scenario.capability
    if capability in ("purpose_check", "purpose_draft"):
        _compare_criteria(scenario, outcome.output, result)
    elif capability == "interests":
        _compare_gaps(scenario, outcome.output, result)
    elif capability == "pivots":
        _compare_pivots(scenario, outcome.output, result)
    elif capability == "charter":
        _compare_elements(scenario, outcome.output, result)
    else:
        _compare_answer(scenario, outcome, result, hit_k)
    if outcome.citations:
        retrieved = outcome.retrieved_ids
        result.add("cited_total", len(outcome.citations))
        result.add("cited_valid", sum(c.get("chunk_id") in retrieved for c in outcome.citations))
    return result


def _compare_criteria(scenario: Scenario, output: dict[str, Any], result: Comparison) -> None:
    if scenario.capability == "purpose_check":
        criteria = output.get("criteria") or {}
    else:
        drafts = output.get("drafts") or [{}]
        criteria = (drafts[0].get("check") or {}).get("criteria") or {}
    for name, wanted in scenario.expected.criteria.items():
        got = (criteria.get(name) or {}).get("met")
        result.add("criteria_total", 1)
        result.add("criteria_correct", got == wanted)
        if got != wanted:
            result.mismatches.append(f"criteria.{name}: met is {got}, expected {wanted}")


def _compare_gaps(scenario: Scenario, output: dict[str, Any], result: Comparison) -> None:
    expected = scenario.expected
    wanted: list[tuple[str, str | None, str | None]] = []
    judged: set[str] = set()
    if expected.position_without_interest is not None:
        judged.add("position_without_interest")
        wanted += [("position_without_interest", m, None) for m in expected.position_without_interest]
    if expected.interest_not_addressed is not None:
        judged.add("interest_not_addressed")
        wanted += [("interest_not_addressed", i.member, i.interest) for i in expected.interest_not_addressed]
    if expected.missing_stakeholder is not None:
        judged.add("missing_stakeholder")
        wanted += [("missing_stakeholder", None, g) for g in expected.missing_stakeholder]
    predicted = [g for g in output.get("gaps") or [] if g.get("kind") in judged]
    unmatched = list(predicted)
    for kind, member, about in wanted:
        match = next((g for g in unmatched if gap_matches(g, kind, member, about)), None)
        if match is None:
            result.add("gap_fn", 1)
            what = " ".join(x for x in (member, f"'{about}'" if about else None) if x)
            result.mismatches.append(f"missed gap {kind}: {what}")
        else:
            unmatched.remove(match)
            result.add("gap_tp", 1)
    for gap in unmatched:
        result.add("gap_fp", 1)
        result.mismatches.append(f"unexpected gap {gap.get('kind')}: {str(gap.get('detail'))[:100]}")
    if expected.missing_community_voice is not None:
        got = output.get("missing_community_voice")
        result.add("voice_total", 1)
        result.add("voice_correct", got == expected.missing_community_voice)
        if got != expected.missing_community_voice:
            result.mismatches.append(
                f"missing_community_voice is {got}, expected {expected.missing_community_voice}"
            )


def gap_matches(gap: dict[str, Any], kind: str, member: str | None, about: str | None) -> bool:
    """Whether a reported gap is of `kind`, for `member` (when given), about `about` (when given)."""
    if gap.get("kind") != kind or (member is not None and gap.get("member") != member):
        return False
    return about is None or about.lower() in str(gap.get("detail", "")).lower()


def _compare_pivots(scenario: Scenario, output: dict[str, Any], result: Comparison) -> None:
    statuses = {m.get("metric"): m.get("status") for m in output.get("metrics") or []}
    for metric, wanted in scenario.expected.metrics.items():
        got = statuses.get(metric)
        result.add("status_total", 1)
        result.add("status_correct", got == wanted)
        if got != wanted:
            result.mismatches.append(f"metric {metric!r}: status {got}, expected {wanted}")
    if scenario.expected.signals is not None:
        got_kinds = {s.get("kind") for s in output.get("signals") or []}
        wanted_kinds = set(scenario.expected.signals)
        result.add("signal_tp", len(got_kinds & wanted_kinds))
        result.add("signal_fp", len(got_kinds - wanted_kinds))
        result.add("signal_fn", len(wanted_kinds - got_kinds))
        if got_kinds != wanted_kinds:
            result.mismatches.append(
                f"signal kinds {sorted(map(str, got_kinds))}, expected {sorted(wanted_kinds)}"
            )


def _compare_elements(scenario: Scenario, output: dict[str, Any], result: Comparison) -> None:
    """Every status counts for `status_accuracy`; a scenario fails on a call two steps from its label
    (present for missing, or missing for present). Weak against present or missing is the call
    labellers themselves split on most (evals/corpus/AGREEMENT.md), so it is counted, not failed."""
    elements = output.get("elements") or {}
    for element, wanted in scenario.expected.elements.items():
        got = (elements.get(element) or {}).get("status")
        result.add("status_total", 1)
        result.add("status_correct", got == wanted)
        detected, labelled = got in DETECTED, wanted in DETECTED
        result.add("element_tp", detected and labelled)
        result.add("element_fp", detected and not labelled)
        result.add("element_fn", labelled and not detected)
        if {got, wanted} == {"present", "missing"}:  # two steps off: a reviewer would call it wrong
            result.mismatches.append(f"element {element}: {got}, expected {wanted}")


def _compare_answer(scenario: Scenario, outcome: Outcome, result: Comparison, hit_k: int) -> None:
    expected = scenario.expected
    if expected.sources:
        ranked = [stem(p.source) for p in outcome.first_search]
        wanted = {stem(s) for s in expected.sources}
        rank = next((i for i, s in enumerate(ranked) if s in wanted), None)
        result.add("retrieval_total", 1)
        result.add("retrieval_hit", rank is not None and rank < hit_k)
        result.add("retrieval_rr", 0.0 if rank is None else 1 / (rank + 1))
        if rank is None or rank >= hit_k:
            result.mismatches.append(
                f"no expected source ({', '.join(sorted(wanted))}) in the top {hit_k} retrieved "
                f"({', '.join(ranked[:hit_k]) or 'nothing'})"
            )
    if expected.found is False and outcome.citations:
        result.mismatches.append(
            f"expected no answer from the guidance, got {len(outcome.citations)} citations"
        )
    if expected.found and not outcome.citations:
        result.mismatches.append("expected an answer from the guidance, got no citations")
