"""What a leader notices on real labelled dev files (evals/coalitions/): interests matched by meaning
both ways, and the trained pivots reader's signals read under any heading and tied to their metric."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from advisor.capabilities.interests.analysis import map_interests_from_file
from advisor.capabilities.pivots.analysis import pivots_from_files
from advisor.service.runtime import Runtime

DATA = Path(__file__).resolve().parents[1] / "evals" / "coalitions"


def test_interest_served_in_other_words_is_not_flagged_and_unserved_one_is(runtime: Runtime) -> None:
    roster = DATA / "rosters" / "houston-the-way-home.csv"
    result = map_interests_from_file(
        roster, roster.with_suffix(".objectives.yaml"), embeddings=runtime.embeddings
    )
    flagged = " ".join(g.detail for g in result.gaps if g.kind == "interest_not_addressed")
    # served by the coordinated assessment objective, in other words
    assert "one shared waiting list" not in flagged
    # shares "families" with family rapid rehousing, which adds no shelter beds
    assert "enough shelter beds for families on cold nights" in flagged


def test_capacity_section_yields_capacity_signals_tied_to_their_metric(runtime: Runtime) -> None:
    metrics = DATA / "metrics" / "kubernetes-contributor-experience.csv"
    notes = metrics.with_name("kubernetes-contributor-experience.notes.md")
    result = pivots_from_files(metrics, notes, date(2023, 10, 31), retriever=runtime.retriever)
    capacity = {s.text: s.metrics for s in result.signals if s.kind == "capacity"}
    lead = next(m for text, m in capacity.items() if text.startswith("The subproject has no dedicated lead"))
    assert lead[:1] == ["Group mentoring cohorts completed"]
    elections = next(m for text, m in capacity.items() if "own and maintain the election software" in text)
    assert elections[:1] == ["Election officers picked for the 2024 cycle"]
    # the capacity option covers the metric the shortfall holds back; none says nothing explains it
    officers = "Election officers picked for the 2024 cycle"
    assert any(officers in p.addresses and "capacity shortfall" in p.rationale for p in result.pivots)
    assert not any(
        officers in p.addresses and "No sentence of the notes" in p.rationale for p in result.pivots
    )
