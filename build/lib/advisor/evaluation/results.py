"""The result of one eval run, and the gate's verdict on it."""

from __future__ import annotations

from pydantic import BaseModel, Field

from advisor.evaluation.metrics import CapabilityMetrics, ScenarioResult
from advisor.evaluation.models import Backend


class GateResult(BaseModel):
    """The verdict of comparing a run with its baseline."""

    baseline: str = Field(description="The baseline file compared with.")
    found: bool = Field(description="False when there was no baseline yet.")
    passed: bool
    regressions: list[str] = Field(default_factory=list, description="Why the run fails the gate.")
    notes: list[str] = Field(default_factory=list, description="Changes that do not fail it.")


class EvalReport(BaseModel):
    """One eval run: every scenario's result, the metrics per capability, and the gate's verdict."""

    backend: Backend
    model: str | None = Field(description="The model asked or replayed; null offline.")
    suites: list[str] = Field(description="The suites selected (empty: all).")
    scenarios: list[ScenarioResult]
    capabilities: dict[str, CapabilityMetrics]
    judge: str = Field(description="What the model judge did in this run, or why it was skipped.")
    recorded: int = Field(default=0, description="Live runs: model replies recorded for replay.")
    gate: GateResult | None = None
    setup_s: float = Field(default=0.0, description="Loading models and indexing before the first scenario.")
    duration_s: float = Field(default=0.0, description="The whole run, setup included.")

    @property
    def failed(self) -> list[ScenarioResult]:
        return [r for r in self.scenarios if not r.passed]
