"""The labelled real-world sets of issue 12 (purpose statements, leaders' questions, rosters and
notes): their files hold together, and the capabilities stay at or above what they reach on the dev
parts. Test parts are only ever scored by `advisor eval --corpus`, never asserted on here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from advisor.capabilities.ask.offline import answer_question
from advisor.capabilities.interests.analysis import map_interests_from_file
from advisor.capabilities.pivots.analysis import pivots_from_files
from advisor.capabilities.purpose.check import check_purpose_rules
from advisor.cli.main import app
from advisor.evaluation.coalitions import keyword_signals, score_coalitions
from advisor.evaluation.questions import load_questions, score_questions
from advisor.evaluation.statements import load_statements, score_statements
from advisor.service.runtime import Runtime

EVALS = Path(__file__).resolve().parents[1] / "evals"


@pytest.mark.parametrize(
    "script", ["purpose/check.py", "coalitions/check.py", "retrieval/check_questions.py"]
)
def test_each_set_passes_its_own_checker(script: str) -> None:
    """Evidence and quotes are exact substrings, ids are unique, provenance is complete."""
    done = subprocess.run([sys.executable, str(EVALS / script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.mark.parametrize(
    "split_file", ["purpose/split.yaml", "retrieval/split-questions.yaml", "coalitions/split.yaml"]
)
def test_dev_and_test_parts_are_disjoint(split_file: str) -> None:
    split = yaml.safe_load((EVALS / split_file).read_text())
    parts = [split] if "dev" in split else list(split.values())
    for part in parts:
        assert part["dev"] and part["test"] and not set(part["dev"]) & set(part["test"])


def test_purpose_check_on_real_statements_beats_the_majority_on_dev() -> None:
    figures = score_statements({"dev": load_statements(EVALS / "purpose")["dev"]}, check_purpose_rules)
    dev = figures["dev"]
    floors = {"outcome": 0.75, "population": 0.85, "timeframe": 0.95}
    for criterion, floor in floors.items():
        assert dev[criterion].accuracy >= floor, (criterion, dev[criterion])
        assert dev[criterion].accuracy > dev[criterion].majority, (criterion, dev[criterion])


def test_corpus_eval_prints_dev_beside_test_beside_baseline(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--corpus", "--set", "purpose", "--report", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for words in ("dev", "test", "baseline (test)", "outcome accuracy", "population accuracy"):
        assert words in result.output
    report = yaml.safe_load((tmp_path / "eval-corpus.json").read_text())
    assert set(report["purpose"]) == {"dev", "test"}


def test_corpus_eval_scores_dev_alone_for_tuning(tmp_path: Path) -> None:
    args = ["eval", "--corpus", "--set", "purpose", "--part", "dev", "--report", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "dev" in result.output and "baseline (test)" not in result.output
    report = yaml.safe_load((tmp_path / "eval-corpus.json").read_text())
    assert set(report["purpose"]) == {"dev"}
    wrong = CliRunner().invoke(app, ["eval", "--corpus", "--part", "train", "--report", str(tmp_path)])
    assert wrong.exit_code != 0 and "dev or test" in wrong.output


@pytest.mark.slow
def test_questions_on_dev_retrieve_and_quote_the_answer(runtime: Runtime) -> None:
    parts = {"dev": load_questions(EVALS / "retrieval")["dev"]}
    figures = score_questions(
        runtime,
        parts,
        EVALS / "corpus" / "docs",
        lambda q, workspace: answer_question(q, retriever=runtime.retriever, workspace=workspace),
    )["dev"]
    assert figures.hit_at_3 >= 0.75, figures.misses
    assert figures.hit_at_3 > max(figures.bm25_hit_at_3, figures.vector_hit_at_3, figures.majority_hit_at_3)
    assert figures.answer_quotes_passage >= 0.4
    # An answered question is seldom met with "nothing answers this".
    assert figures.says_nothing_when_answerable <= 0.05


def test_the_signal_baseline_reads_plain_words() -> None:
    """The baseline the reader is reported beside reads at all: a sentence with a kind's plain words is
    that kind (it used to look for the kinds' own names, "capacity", "backlash", and found almost none)."""
    notes = (
        "Two of our four staff left in March. Landlords complained about the inspection fee. A county "
        "foundation invited us to apply for its spring round. The state passed a law capping rents."
    )
    kinds = {kind: sentence.split()[0] for kind, sentence in keyword_signals(notes)}
    assert kinds == {"capacity": "Two", "backlash": "Landlords", "opportunity": "A", "external_change": "The"}


@pytest.mark.slow
def test_interests_and_pivots_on_dev_rosters_and_notes(runtime: Runtime) -> None:
    figures = score_coalitions(
        EVALS / "coalitions",
        lambda roster, objectives: map_interests_from_file(roster, objectives, embeddings=runtime.embeddings),
        lambda metrics, notes, as_of: pivots_from_files(metrics, notes, as_of, retriever=runtime.retriever),
    )["dev"]
    assert figures.status_accuracy == 1.0
    assert figures.gaps["position_without_interest"].f1 >= 0.9
    # Rosters: dev is batches 1-5; the trained judge (train_interests.py) was fit on batches 1 and 2
    # (0.70 leave-one-roster-out there, the rules alone 0.65); 0.70 on all of dev. The floor guards
    # against a fall, not a target (issue 12 asks 0.85 on test).
    assert figures.gaps["interest_not_addressed"].f1 >= 0.65, figures.details
    # Dev holds batches 7-10 (the advisers' tables and two blind batches), which the shipped reader
    # never learnt from and reads badly (0.08-0.60 per kind): with them dev is 0.68 / 0.84 / 0.62 / 0.63,
    # without 0.79 / 0.92 / 0.82 / 0.82. The floor guards against a fall (issue 12 asks 0.85 on test).
    assert all(figures.signals[k].f1 >= 0.6 for k in figures.signals), figures.details
    assert all(figures.signals[k].f1 >= figures.baseline_signals[k].f1 for k in figures.signals)
