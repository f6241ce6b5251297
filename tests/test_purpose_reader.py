"""The outcome reader (advisor/capabilities/purpose/reader.py): the rules' outcome verdict weighed with
a word model learnt from the labelled real statements, as a leader checking a statement sees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.capabilities.purpose import reader
from advisor.capabilities.purpose.check import check_purpose_rules
from advisor.capabilities.purpose.rules import find_outcome, find_population
from advisor.capabilities.purpose.timeframe import find_timeframe
from advisor.errors import ConfigError
from tests.retrain import assert_retraining_rebuilds


def rules_alone(statement: str) -> bool:
    timeframe, population = find_timeframe(statement), find_population(statement)
    return find_outcome(statement, timeframe, population).met


@pytest.mark.parametrize(
    "statement",
    [
        "Every family in the valley eats a hot school breakfast each morning.",
        "Pedestrian deaths on the county's roads fall to zero.",
    ],
)
def test_an_end_state_the_rules_miss_is_an_outcome_quoted_from_the_statement(statement: str) -> None:
    assert not rules_alone(statement)  # what the reader adds
    outcome = check_purpose_rules(statement).criteria["outcome"]
    assert outcome.met and outcome.evidence and outcome.evidence in statement


def test_the_evidence_of_an_outcome_the_rules_miss_is_the_sentence_that_reads_as_one() -> None:
    statement = (
        "The Ash Valley Food Partnership was formed by nine pantries and two farms. "
        "Every family in the valley eats a hot school breakfast each morning."
    )
    outcome = check_purpose_rules(statement).criteria["outcome"]
    assert outcome.met
    assert outcome.evidence == "Every family in the valley eats a hot school breakfast each morning."


@pytest.mark.parametrize(
    "statement",
    [
        "By 2030, we will foster a stronger culture of climate action.",
        "Over the next three years, we will raise awareness of healthy eating among families in Westbrook.",
        "The meetings will include a discussion of members' priorities.",
        "The network connects nearly 700 clubs in 45 states.",
    ],
)
def test_a_deadline_or_a_count_around_vague_work_is_no_outcome(statement: str) -> None:
    assert not check_purpose_rules(statement).criteria["outcome"].met


def test_a_template_with_slots_is_left_to_the_rules() -> None:
    check = check_purpose_rules("Reach [a result you can count, e.g. 30% fewer X] for [a group] by [year].")
    assert not check.criteria["outcome"].met


def test_an_unreadable_reader_names_the_command_that_rebuilds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "reader.npz"
    broken.write_bytes(b"not a numpy archive")
    monkeypatch.setattr(reader, "MODEL_FILE", broken)
    reader.outcome_reader.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"python evals/purpose/train\.py --write"):
            reader.outcome_reader()
    finally:
        reader.outcome_reader.cache_clear()


@pytest.mark.slow
def test_training_is_reproducible(tmp_path: Path) -> None:
    """`python evals/purpose/train.py --write` rebuilds the shipped reader."""
    script = Path(__file__).resolve().parents[1] / "evals" / "purpose" / "train.py"
    assert_retraining_rebuilds(script, reader.MODEL_FILE, tmp_path, timeout=900)
