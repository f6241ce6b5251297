"""The purpose check on real statements (`evals/purpose/`): 303 public mission, purpose and goal
statements of coalitions, consortia and networks, labelled per criterion by `GUIDE.md` blind to the
checker, split dev/test by organisation group with a seeded draw (`split.yaml`; test is locked).

Per criterion and part: accuracy, precision and recall of "met", beside the majority baseline (each
criterion's most common label on dev, answered for every statement).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from advisor.capabilities.purpose.models import PurposeCheck
from advisor.errors import ConfigError
from advisor.text.safe_yaml import load_yaml

Part = Literal["dev", "test"]
CRITERIA = ("outcome", "population", "timeframe")


class Statement(BaseModel, extra="ignore"):
    id: str
    statement: str
    outcome: bool
    population: bool
    timeframe: bool


class CriterionFigures(BaseModel):
    accuracy: float
    precision: float
    recall: float
    majority: float = Field(description="Accuracy of always answering dev's most common label.")


def load_statements(root: Path) -> dict[Part, list[Statement]]:
    """The labelled statements of each part; `ConfigError` naming the file at fault."""
    path, split_path = root / "statements.yaml", root / "split.yaml"
    try:
        statements = {
            s.id: s for s in (Statement.model_validate(x) for x in load_yaml(path.read_text("utf-8")))
        }
        split = load_yaml(split_path.read_text("utf-8"))
        return {part: [statements[i] for i in split[part]] for part in ("dev", "test")}
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{path} or {split_path}: {' '.join(str(exc).split())[:300]}") from None


def score_statements(
    parts: dict[Part, list[Statement]], check: Callable[[str], PurposeCheck]
) -> dict[Part, dict[str, CriterionFigures]]:
    """Figures per part and criterion."""
    majority = {c: 2 * sum(getattr(s, c) for s in parts["dev"]) > len(parts["dev"]) for c in CRITERIA}
    figures: dict[Part, dict[str, CriterionFigures]] = {}
    for part, statements in parts.items():
        calls = [(s, check(s.statement)) for s in statements]
        figures[part] = {}
        for criterion in CRITERIA:
            pairs = [(getattr(s, criterion), result.criteria[criterion].met) for s, result in calls]
            hits = sum(want and got for want, got in pairs)
            figures[part][criterion] = CriterionFigures(
                accuracy=sum(want == got for want, got in pairs) / len(pairs),
                precision=hits / max(1, sum(got for _, got in pairs)),
                recall=hits / max(1, sum(want for want, _ in pairs)),
                majority=sum(want == majority[criterion] for want, _ in pairs) / len(pairs),
            )
    return figures
