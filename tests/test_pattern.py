"""The one capability pattern, with a scripted model: rules alone without a model; the model's
review merged only where it can be verified; the rules' result and a warning when the model fails."""

from __future__ import annotations

import json

from advisor.capabilities.purpose.check import check_purpose, check_purpose_rules
from advisor.config import Settings
from tests.scripted_model import ScriptedChatModel

STATEMENT = "Promote walking in Riverside."


def test_without_a_model_the_rules_answer() -> None:
    assert check_purpose(STATEMENT) == check_purpose_rules(STATEMENT)


def test_a_model_review_is_merged_only_where_its_evidence_is_in_the_statement() -> None:
    reply = {
        "criteria": {
            "outcome": {"met": True, "evidence": "double the walking trips"},  # not in the statement
            "population": {"met": True, "evidence": "Riverside"},
            "timeframe": {"met": False, "evidence": None},
        },
        "suggestions": ["Say how many more walking trips, and by when."],
        "rewrite": "Double walking trips in Riverside by 2030.",
    }
    model = ScriptedChatModel(replies=[json.dumps(reply)])
    result = check_purpose(STATEMENT, settings=Settings(), llm=model)
    assert result.criteria["outcome"].met is False  # unverifiable: the rules' verdict stands
    assert result.criteria["population"].evidence == "Riverside"
    assert result.suggestions == ["Say how many more walking trips, and by when."]
    assert result.rewrite == "Double walking trips in Riverside by 2030."
    assert result.warnings == []
    assert "<<<UNTRUSTED purpose statement>>>" in model.prompts[0]


def test_a_model_that_never_answers_validly_falls_back_to_the_rules_with_a_warning() -> None:
    model = ScriptedChatModel(replies=["I think it is a fine statement."])
    result = check_purpose(STATEMENT, settings=Settings(), llm=model)
    rules = check_purpose_rules(STATEMENT)
    assert result.model_dump() == rules.model_dump()
    assert len(result.warnings) == 1 and "rule" in result.warnings[0].lower()
    assert (
        len(model.prompts) == 1 + Settings().llm.validation_retries
    )  # asked again, a bounded number of times
