"""The committed baseline of an eval backend (`evals/baselines/<backend>.json`) and the gate.

The gate fails a run when a required scenario that passed in the baseline no longer passes (or a new
required scenario does not pass), or when a quality metric of a capability drops below its baseline
by more than its tolerance. Tolerances come from the baseline file (`"capability.metric"`, `"metric"`
or `"default"`), else from `eval.tolerance`. `--bless` rewrites the baseline from a run on purpose:
for the suites that ran, keeping the others and the tolerances.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from advisor.errors import AdvisorError
from advisor.evaluation.metrics import Status
from advisor.evaluation.results import EvalReport, GateResult

EPSILON = 1e-9


class BaselineScenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    capability: str
    required: bool
    status: Status


class Baseline(BaseModel):
    """What a blessed run achieved."""

    model_config = ConfigDict(extra="forbid")

    backend: str
    tolerances: dict[str, float] = Field(
        default_factory=dict, description="Allowed drop per `capability.metric`, `metric` or `default`."
    )
    scenarios: dict[str, BaselineScenario] = Field(default_factory=dict)
    metrics: dict[str, dict[str, float]] = Field(default_factory=dict, description="Quality per capability.")


def baseline_path(directory: Path, backend: str) -> Path:
    return Path(directory) / f"{backend}.json"


def load_baseline(path: Path) -> Baseline | None:
    """The baseline in `path`, None if there is none; `AdvisorError` if it is malformed."""
    if not path.is_file():
        return None
    try:
        return Baseline.model_validate_json(path.read_text(encoding="utf-8"))
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise AdvisorError(
            f"{path.name}: not a valid baseline ({where}: {problem['msg']})",
            hint="fix it, or delete it and run `advisor eval --bless`",
        ) from None


def check_gate(report: EvalReport, baseline: Baseline | None, path: Path, tolerance: float) -> GateResult:
    """Compare `report` with `baseline` for the capabilities that ran."""
    regressions: list[str] = []
    notes: list[str] = []
    base_scenarios = baseline.scenarios if baseline else {}
    for result in report.scenarios:
        before = base_scenarios.get(result.id)
        why = result.reasons[0] if result.reasons else result.status
        if result.required and not result.passed:
            if before is None:
                regressions.append(f"required scenario {result.id} is new and does not pass: {why}")
            elif before.status == "pass":
                regressions.append(f"required scenario {result.id} went pass -> {result.status}: {why}")
            else:
                notes.append(f"required scenario {result.id} still fails, as in the baseline: {why}")
        elif before is not None and before.status == "pass" and not result.passed:
            notes.append(f"scenario {result.id} (not required) went pass -> {result.status}: {why}")
        elif before is not None and before.status != "pass" and result.passed:
            notes.append(f"scenario {result.id} now passes (baseline: {before.status}); --bless to keep it")
    ran = {r.id for r in report.scenarios}
    for scenario_id, before in sorted(base_scenarios.items()):
        if before.capability in report.capabilities and scenario_id not in ran:
            notes.append(f"scenario {scenario_id} is in the baseline but no longer among the scenarios")
    if baseline is None:
        notes.insert(0, f"no baseline at {path}: metrics not compared (create it with --bless)")
    else:
        _compare_metrics(report, baseline, tolerance, regressions, notes)
    return GateResult(
        baseline=str(path),
        found=baseline is not None,
        passed=not regressions,
        regressions=regressions,
        notes=notes,
    )


def _compare_metrics(
    report: EvalReport, baseline: Baseline, tolerance: float, regressions: list[str], notes: list[str]
) -> None:
    for capability, metrics in report.capabilities.items():
        for metric, before in sorted(baseline.metrics.get(capability, {}).items()):
            now = metrics.quality.get(metric)
            allowed = allowed_drop(baseline, capability, metric, tolerance)
            if now is None:
                regressions.append(f"{capability}.{metric} is no longer measured (baseline {before:.3f})")
            elif now < before - allowed - EPSILON:
                regressions.append(
                    f"{capability}.{metric} dropped {before:.3f} -> {now:.3f} (tolerance {allowed:g})"
                )
            elif now > before + EPSILON:
                notes.append(f"{capability}.{metric} rose {before:.3f} -> {now:.3f}; --bless to keep it")


def allowed_drop(baseline: Baseline, capability: str, metric: str, tolerance: float) -> float:
    tolerances = baseline.tolerances
    for key in (f"{capability}.{metric}", metric, "default"):
        if key in tolerances:
            return tolerances[key]
    return tolerance


def bless(report: EvalReport, path: Path) -> Baseline:
    """Write the run as the new baseline (merged with the old one for suites that did not run)."""
    previous = load_baseline(path) if path.is_file() else None
    ran = set(report.capabilities)
    scenarios = {k: v for k, v in (previous.scenarios if previous else {}).items() if v.capability not in ran}
    scenarios.update(
        {
            r.id: BaselineScenario(capability=r.capability, required=r.required, status=r.status)
            for r in report.scenarios
        }
    )
    metrics = {k: v for k, v in (previous.metrics if previous else {}).items() if k not in ran}
    metrics.update({capability: dict(m.quality) for capability, m in report.capabilities.items()})
    baseline = Baseline(
        backend=report.backend,
        tolerances=previous.tolerances if previous else {},
        scenarios=dict(sorted(scenarios.items())),
        metrics=dict(sorted(metrics.items())),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline.model_dump(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return baseline
