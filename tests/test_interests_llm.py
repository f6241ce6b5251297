"""The interests chain with a scripted model: the model's additions are checked against the roster
before they are merged, factual gaps cannot be dismissed, and the CLI keeps its contract."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from advisor.capabilities.interests.analysis import map_interests
from advisor.cli.main import app
from advisor.config import Settings
from advisor.documents.coalition import parse_roster
from advisor.llm.embeddings import MiniLMEmbeddings
from tests.scripted_model import ScriptedChatModel

ROSTER = Path(__file__).resolve().parents[1] / "evals" / "data" / "rosters" / "riverside-safe-streets.yaml"


def test_model_review_is_checked_before_it_is_merged(embeddings: MiniLMEmbeddings) -> None:
    roster = parse_roster(ROSTER)
    rules = map_interests(roster, embeddings=embeddings)
    parking = next(g for g in rules.gaps if g.kind == "interest_not_addressed")
    police = next(g for g in rules.gaps if g.kind == "position_without_interest")
    reply = {
        "gaps": [
            {"kind": "missing_stakeholder", "member": None, "detail": "Delivery drivers have no voice."},
            {"kind": "interest_not_addressed", "member": "Nonexistent Club", "detail": "Invented."},
            {"kind": "position_without_interest", "member": "Riverside Walks", "detail": "Not true."},
        ],
        "false_gaps": [parking.detail, police.detail],
        "questions": ["Ask the merchants what share of their customers arrive by car."],
    }
    model = ScriptedChatModel(replies=[json.dumps(reply)])
    result = map_interests(roster, embeddings=embeddings, settings=Settings(), llm=model)
    details = [g.detail for g in result.gaps]
    assert "Delivery drivers have no voice." in details
    assert "Invented." not in details and "Not true." not in details
    assert parking.detail not in details  # a judgement the model may overrule
    assert police.detail in details  # a fact it may not
    assert result.questions[0] == "Ask the merchants what share of their customers arrive by car."
    roster_prompt = model.prompts[0]
    assert "<<<UNTRUSTED roster>>>" in roster_prompt and "Riverside Police Department" in roster_prompt


def test_cli_json_contract() -> None:
    done = CliRunner().invoke(app, ["interests", str(ROSTER), "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert set(data) == {"members", "gaps", "missing_community_voice", "questions"}
    assert all(set(m) == {"name", "sector", "positions", "interests", "gaps"} for m in data["members"])
    assert {g["kind"] for g in data["gaps"]} == {
        "position_without_interest",
        "interest_not_addressed",
        "missing_stakeholder",
    }
    assert data["missing_community_voice"] is False and data["questions"]


def test_cli_names_a_bad_roster_and_exits_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "roster.yaml"
    bad.write_text("members: not-a-list\n")
    done = CliRunner().invoke(app, ["interests", str(bad)])
    assert done.exit_code == 1
    assert "roster.yaml" in done.stderr and "members" in done.stderr
