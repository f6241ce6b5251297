"""Eval scenarios: the YAML schema, validated by pydantic, and the loader.

A scenario file (`evals/scenarios/*.yaml`) is a list of scenarios. Each names its suite, says
whether it is required (a required scenario that passed in the baseline may not start failing),
gives its inputs (text, or fixture paths relative to `evals/`), the expected labels (which feed the
metrics) and the checks that decide pass or fail. Unknown keys, inputs of another suite and fixture
paths that do not exist are refused with an error naming the file and the scenario.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from advisor.capabilities.charter.elements import ELEMENTS
from advisor.errors import AdvisorError
from advisor.text.safe_yaml import load_yaml

Suite = Literal["purpose", "interests", "pivots", "charter", "ask"]
SUITES: tuple[Suite, ...] = ("purpose", "interests", "pivots", "charter", "ask")
Capability = Literal["purpose_check", "purpose_draft", "interests", "pivots", "charter", "ask"]
CAPABILITIES: tuple[Capability, ...] = (
    "purpose_check",
    "purpose_draft",
    "interests",
    "pivots",
    "charter",
    "ask",
)
Criterion = Literal["outcome", "population", "timeframe"]
GapKind = Literal["position_without_interest", "interest_not_addressed", "missing_stakeholder"]
ElementStatus = Literal["present", "weak", "missing"]
MetricStatus = Literal["on_track", "ahead", "done", "off_track"]
SignalKind = Literal["backlash", "capacity", "opportunity", "external_change"]

# Which inputs and expected labels each suite takes.
SUITE_INPUTS: dict[Suite, frozenset[str]] = {
    "purpose": frozenset({"statement", "goal", "documents"}),
    "interests": frozenset({"roster", "objectives"}),
    "pivots": frozenset({"metrics", "notes", "as_of"}),
    "charter": frozenset({"charter", "text"}),
    "ask": frozenset({"question", "documents"}),
}
SUITE_EXPECTED: dict[Suite, frozenset[str]] = {
    "purpose": frozenset({"criteria"}),
    "interests": frozenset(
        {
            "position_without_interest",
            "interest_not_addressed",
            "missing_stakeholder",
            "missing_community_voice",
        }
    ),
    "pivots": frozenset({"metrics", "signals"}),
    "charter": frozenset({"elements"}),
    "ask": frozenset({"sources", "found"}),
}
FIXTURE_INPUTS = ("roster", "objectives", "metrics", "notes", "charter")


class ScenarioError(AdvisorError):
    """A scenario file is malformed: names the file, the scenario and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Inputs(_Strict):
    """What the capability is given. Paths are relative to `evals/`."""

    statement: str | None = Field(default=None, description="purpose check: the statement to judge.")
    goal: str | None = Field(default=None, description="purpose draft: the goal in the user's words.")
    documents: list[str] = Field(default_factory=list, description="purpose draft, ask: workspace files.")
    roster: str | None = Field(default=None, description="interests: roster file (YAML or CSV).")
    objectives: str | None = Field(default=None, description="interests: objectives file.")
    metrics: str | None = Field(default=None, description="pivots: metrics CSV.")
    notes: str | None = Field(default=None, description="pivots: learning-review notes.")
    as_of: date | None = Field(default=None, description="pivots: the date progress is judged at.")
    charter: str | None = Field(default=None, description="charter: the charter file.")
    text: str | None = Field(default=None, description="charter: the charter's text, inline.")
    question: str | None = Field(default=None, description="ask: the question.")


class ExpectedInterest(_Strict):
    member: str = Field(description="The member, exactly as in the roster.")
    interest: str = Field(description="The interest no objective serves, exactly as in the roster.")


class Expected(_Strict):
    """The labelled truth: compared by `matches_expected` and counted by the metrics."""

    criteria: dict[Criterion, bool] = Field(
        default_factory=dict, description="purpose: which criteria the statement (or first draft) meets."
    )
    position_without_interest: list[str] | None = Field(default=None, description="Members.")
    interest_not_addressed: list[ExpectedInterest] | None = Field(default=None, description="Interests.")
    missing_stakeholder: list[str] | None = Field(default=None, description="Affected groups.")
    missing_community_voice: bool | None = Field(default=None, description="No community member.")
    metrics: dict[str, MetricStatus] = Field(default_factory=dict, description="pivots: status by metric.")
    signals: list[SignalKind] | None = Field(default=None, description="pivots: kinds found in the notes.")
    elements: dict[str, ElementStatus] = Field(default_factory=dict, description="charter: status by id.")
    sources: list[str] = Field(default_factory=list, description="ask: files (stems) that answer it.")
    found: bool | None = Field(default=None, description="ask: whether the guidance answers it at all.")

    @model_validator(mode="after")
    def _known_elements(self) -> Expected:
        unknown = sorted(set(self.elements) - set(ELEMENTS))
        if unknown:
            raise ValueError(f"unknown charter element {unknown}; the ids are {', '.join(ELEMENTS)}")
        return self


class PathValue(_Strict):
    path: str = Field(description="Where in the output JSON: `a.b`, `list[0]`, `list[field=value]`.")
    value: Any = Field(description="The value to compare with.")


class GapCheck(_Strict):
    kind: GapKind
    member: str | None = Field(default=None, description="The member the gap concerns.")
    about: str | None = Field(default=None, description="Words the gap's detail must contain.")
    found: bool = Field(default=True, description="false: such a gap must not be reported.")


class CitesCheck(_Strict):
    among: list[str] = Field(default_factory=list, description="Allowed source stems (empty: any).")
    min: int = Field(default=1, ge=0, description="Fewest citations.")


class RetrievedCheck(_Strict):
    among: list[str] = Field(min_length=1, description="Source stems, one of which must be retrieved.")
    within: int = Field(ge=1, description="...within the first this many passages.")


class TokenBudget(_Strict):
    budget: int = Field(ge=1, description="Most cl100k tokens allowed.")
    path: str | None = Field(default=None, description="The field to count (default: the whole output).")


class Check(_Strict):
    """One deterministic assertion; exactly one of its fields is set."""

    equals: PathValue | None = None
    contains: PathValue | None = None
    at_least: PathValue | None = None
    at_most: PathValue | None = None
    gap: GapCheck | None = None
    cites: CitesCheck | None = None
    retrieved: RetrievedCheck | None = None
    citations_retrieved: Literal[True] | None = None
    max_tokens: TokenBudget | None = None
    matches_expected: Literal[True] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Check:
        given = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"a check has exactly one kind, got {given or 'none'}")
        return self

    @property
    def kind(self) -> str:
        return next(name for name in type(self).model_fields if getattr(self, name) is not None)


class Scenario(_Strict):
    """One fixed eval case."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", description="Unique across all files.")
    suite: Suite
    required: bool = Field(description="A required scenario that passed in the baseline must keep passing.")
    description: str = ""
    inputs: Inputs
    expected: Expected = Field(default_factory=Expected)
    checks: list[Check] = Field(min_length=1)
    rubric: str | None = Field(default=None, description="What a model judge scores 1-5 (live runs only).")
    file: str = Field(default="", description="Set by the loader: the file it came from.")

    @model_validator(mode="after")
    def _fits_its_suite(self) -> Scenario:
        for label, given, allowed in (
            ("inputs", self.inputs.model_fields_set, SUITE_INPUTS[self.suite]),
            ("expected", self.expected.model_fields_set, SUITE_EXPECTED[self.suite]),
        ):
            foreign = sorted(given - allowed)
            if foreign:
                raise ValueError(
                    f"{label}.{foreign[0]} is not used by suite {self.suite!r} (it takes {sorted(allowed)})"
                )
        i = self.inputs
        needed = {
            "purpose": bool(i.statement) != bool(i.goal or i.documents),
            "interests": bool(i.roster),
            "pivots": bool(i.metrics and i.as_of),
            "charter": bool(i.charter) != bool(i.text),
            "ask": bool(i.question),
        }
        if not needed[self.suite]:
            hint = {
                "purpose": "either `statement` (check) or `goal` and/or `documents` (draft)",
                "interests": "`roster`",
                "pivots": "`metrics` and `as_of` (a fixed date keeps the run deterministic)",
                "charter": "either `charter` (a file) or `text`",
                "ask": "`question`",
            }[self.suite]
            raise ValueError(f"inputs: suite {self.suite!r} needs {hint}")
        return self

    @property
    def capability(self) -> Capability:
        if self.suite == "purpose":
            return "purpose_check" if self.inputs.statement else "purpose_draft"
        return self.suite


def load_scenarios(
    directory: Path, suites: list[str] | None = None, *, evals_dir: Path | None = None
) -> list[Scenario]:
    """Every scenario in `directory/*.yaml` (file by file, in order), keeping those of `suites`
    (suite or capability names; all when None). Fixture paths are checked against `evals_dir`
    (default: the parent of `directory`)."""
    directory = Path(directory)
    evals_dir = evals_dir or directory.parent
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise ScenarioError(f"no scenario files (*.yaml) in {directory}")
    wanted = set(suites or [])
    unknown = wanted - set(SUITES) - set(CAPABILITIES)
    if unknown:
        raise ScenarioError(
            f"unknown suite {sorted(unknown)[0]!r}",
            hint=f"use one of {', '.join(dict.fromkeys((*SUITES, *CAPABILITIES)))}",
        )
    scenarios: list[Scenario] = []
    seen: dict[str, str] = {}
    for path in files:
        for scenario in _load_file(path, evals_dir):
            if scenario.id in seen:
                raise ScenarioError(
                    f"{path.name}: scenario {scenario.id!r} is also defined in {seen[scenario.id]}"
                )
            seen[scenario.id] = path.name
            if not wanted or scenario.suite in wanted or scenario.capability in wanted:
                scenarios.append(scenario)
    return scenarios


def _load_file(path: Path, evals_dir: Path) -> list[Scenario]:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path.name}: not valid YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(raw, list):
        raise ScenarioError(f"{path.name}: expected a list of scenarios at the top level")
    scenarios = []
    for number, item in enumerate(raw, 1):
        label = (
            f"{path.name}: scenario {item.get('id', f'#{number}')!r}" if isinstance(item, dict) else path.name
        )
        if not isinstance(item, dict):
            raise ScenarioError(f"{label}: item {number} is not a mapping")
        if "file" in item:
            raise ScenarioError(f"{label}: unknown key 'file'")
        try:
            scenario = Scenario.model_validate({**item, "file": path.name})
        except ValidationError as exc:
            raise ScenarioError(f"{label}: {_describe(exc)}") from None
        for name in FIXTURE_INPUTS:
            value = getattr(scenario.inputs, name)
            if value is not None and not (evals_dir / value).is_file():
                raise ScenarioError(f"{label}: inputs.{name}: no file {value!r} under {evals_dir}")
        for document in scenario.inputs.documents:
            if not (evals_dir / document).is_file():
                raise ScenarioError(f"{label}: inputs.documents: no file {document!r} under {evals_dir}")
        scenarios.append(scenario)
    return scenarios


def _describe(exc: ValidationError) -> str:
    """The first problems of a validation error, as `field: what is wrong`."""
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error["loc"])
        if error["type"] == "extra_forbidden":
            parts.append(f"unknown key {where!r}")
        elif error["type"] == "missing":
            parts.append(f"missing key {where!r}")
        else:
            message = error["msg"].removeprefix("Value error, ")
            parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)
