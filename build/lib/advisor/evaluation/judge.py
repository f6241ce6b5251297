"""The model judge of live eval runs: a scenario's rubric scored 1-5 by the model, several times.

Repeating the judgement shows how stable it is: the report gives the mean and the spread (highest
minus lowest). The task and output enter the prompt as untrusted data. Offline and replay runs never
judge (there is no model to ask, and a recorded judgement would only repeat itself).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from advisor.evaluation.metrics import JudgeResult
from advisor.evaluation.scenarios import Scenario
from advisor.llm.prompts import untrusted
from advisor.llm.structured import draft_structured

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.config import Settings

MAX_OUTPUT_CHARS = 20_000


class JudgeVerdict(BaseModel):
    """What the judge is asked to return."""

    score: int = Field(ge=1, le=5, description="1 = fails the rubric, 5 = fully meets it.")
    reason: str = Field(default="", description="One or two sentences.")


def judge(
    llm: BaseChatModel, scenario: Scenario, output: dict[str, Any], *, settings: Settings, repeats: int
) -> JudgeResult:
    """Score `output` against the scenario's rubric `repeats` times."""
    rubric = scenario.rubric or ""
    task = json.dumps(scenario.inputs.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False)
    shown = json.dumps(output, ensure_ascii=False, indent=1)[:MAX_OUTPUT_CHARS]
    scores: list[int] = []
    errors: list[str] = []
    for _ in range(repeats):
        drafted = draft_structured(
            llm,
            "eval_judge",
            JudgeVerdict,
            settings=settings,
            rubric=rubric,
            task=untrusted(f"{scenario.capability}: {task}", "task"),
            output=untrusted(shown, "advisor output"),
        )
        if drafted.value is None:
            errors.append(drafted.warning or "the judge gave no valid score")
        else:
            scores.append(drafted.value.score)
    mean = round(sum(scores) / len(scores), 3) if scores else None
    spread = float(max(scores) - min(scores)) if scores else None
    return JudgeResult(rubric=rubric, scores=scores, mean=mean, spread=spread, errors=errors)
