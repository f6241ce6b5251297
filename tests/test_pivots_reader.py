"""The trained pivots reader as a leader sees it: signals read by what sentences say and where they sit,
tied to the metric they concern, and options that never say the notes are silent about a metric the
notes speak of."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advisor.capabilities.pivots.analysis import pivots_from_files
from advisor.capabilities.pivots.models import PivotAnalysis
from advisor.capabilities.pivots.rules import NOTHING_TIED
from advisor.service.runtime import Runtime
from tests.conftest import write
from tests.retrain import assert_retraining_rebuilds

HEADER = "metric,unit,baseline,target,current,start,due\n"
AS_OF = date(2026, 7, 1)
NOTHING_EXPLAINS = NOTHING_TIED


def _pivots(tmp_path: Path, runtime: Runtime, table: str, notes: str) -> PivotAnalysis:
    metrics = write(tmp_path / "metrics.csv", HEADER + table)
    return pivots_from_files(metrics, write(tmp_path / "notes.md", notes), AS_OF, retriever=runtime.retriever)


MEALS = (
    "Meals delivered to homebound seniors,meals,0,20000,4000,2025-07-01,2027-07-01\n"
    "Seniors enrolled in the phone buddy program,people,0,400,180,2025-07-01,2027-07-01\n"
    "Grocery vouchers redeemed,vouchers,0,5000,2600,2025-07-01,2027-07-01\n"
)


def test_a_sentence_under_a_capacity_heading_about_drivers_leaving_is_capacity(
    tmp_path: Path, runtime: Runtime
) -> None:
    notes = (
        "# Spring review\n\n## Capacity\n"
        "Three of our eight volunteer drivers moved away in April, and their routes are still uncovered.\n\n"
        "## Next steps\n- Ask the county to fund two paid drivers.\n"
    )
    result = _pivots(tmp_path, runtime, MEALS, notes)
    kinds = {s.text: s.kind for s in result.signals}
    assert kinds.get(next(t for t in kinds if "drivers moved away" in t)) == "capacity"
    # a plan is what the coalition will do, not what it is hearing
    assert not any(s.text.startswith("Ask the county") for s in result.signals)


def test_one_person_carrying_the_work_is_capacity_and_a_decision_over_a_members_head_backlash(
    tmp_path: Path, runtime: Runtime
) -> None:
    """A new user's notes: "Dana is doing basically all the coordination on top of her food bank job"
    was no signal, and "nobody from the coalition asked New Hope first" no backlash."""
    notes = (
        "# Q3 meeting\n\n## Capacity\n- Dana is doing basically all the coordination on top of her food"
        " bank job.\n\n## Complaint\n- Rev. Porter says east side allocations have been cut twice and"
        " nobody from the coalition asked New Hope first.\n"
    )
    kinds = {s.text: s.kind for s in _pivots(tmp_path, runtime, MEALS, notes).signals}
    assert kinds.get(next((t for t in kinds if t.startswith("Dana is doing")), "")) == "capacity", kinds
    # (and "Rev." ends no sentence: the signal is the whole sentence)
    assert kinds.get(next((t for t in kinds if t.startswith("Rev. Porter says")), "")) == "backlash", kinds


def test_backlash_is_tied_to_the_metric_it_names_not_another(tmp_path: Path, runtime: Runtime) -> None:
    table = (
        "Intersections with red-light cameras,intersections,0,40,6,2025-07-01,2027-07-01\n"
        "School crossings with a crossing guard,crossings,0,60,25,2025-07-01,2027-07-01\n"
        "Residents trained in safe cycling,people,0,900,300,2025-07-01,2027-07-01\n"
    )
    notes = (
        "## Streets\nCrossing guards now cover 25 school crossings. Shop owners on Main Street started a "
        "petition against the red-light cameras, calling them a ticket trap.\n"
    )
    result = _pivots(tmp_path, runtime, table, notes)
    backlash = [s for s in result.signals if s.kind == "backlash"]
    assert backlash and backlash[0].metrics[:1] == ["Intersections with red-light cameras"]


def test_the_notes_are_called_silent_only_about_metrics_they_never_mention(
    tmp_path: Path, runtime: Runtime
) -> None:
    table = (
        "Homes weatherized,homes,0,1000,100,2025-07-01,2026-12-31\n"
        "Landlords enrolled in the rebate program,landlords,0,200,20,2025-07-01,2026-12-31\n"
        "Solar panels installed on schools,schools,0,30,25,2025-07-01,2026-12-31\n"
    )
    notes = (
        "## Progress\nOnly 100 homes have been weatherized so far, well short of the plan for this point.\n"
        "Solar installations on schools are nearly complete.\n"
    )
    result = _pivots(tmp_path, runtime, table, notes)
    silent = {m for p in result.pivots if NOTHING_EXPLAINS in p.rationale for m in p.addresses}
    assert "Homes weatherized" not in silent  # the notes speak of it, though they give no cause
    assert "Landlords enrolled in the rebate program" in silent  # no sentence is about it
    quoted = next(p for p in result.pivots if "Homes weatherized" in p.addresses)
    assert "Only 100 homes have been weatherized" in quoted.rationale


@pytest.mark.slow
def test_training_is_reproducible(tmp_path: Path) -> None:
    """`python evals/coalitions/train.py --write` rebuilds the shipped reader."""
    from advisor.capabilities.pivots.reader import MODEL_FILE

    script = Path(__file__).resolve().parents[1] / "evals" / "coalitions" / "train.py"
    assert_retraining_rebuilds(script, MODEL_FILE, tmp_path, timeout=900)
