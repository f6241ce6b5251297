"""The eval runner (`advisor eval`): run the fixed scenarios on a backend and measure each capability.

Scenarios run one after another, in file order, so a run is reproducible: offline and replay runs
give identical reports apart from the `*_s` durations. A scenario whose capability raises is an
`error` with its reason, a failed check or a failed model call (a missing recording in replay) makes
it `fail`; both count against the pass rate and the metrics, never dropped. Live runs record every
reply for replay and, where a scenario has a rubric, ask the model judge.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from advisor.config import Settings
from advisor.evaluation.capabilities import EvalContext, run_capability
from advisor.evaluation.checks import run_checks
from advisor.evaluation.judge import judge
from advisor.evaluation.labels import Comparison, Outcome, compare
from advisor.evaluation.metrics import JudgeResult, ScenarioResult, Status, summarize
from advisor.evaluation.models import Backend, CallLog, CallTracker, build_model
from advisor.evaluation.results import EvalReport
from advisor.evaluation.scenarios import Scenario, load_scenarios
from advisor.llm.structured import ModelOutcome, recording_outcomes

if TYPE_CHECKING:
    from advisor.service.runtime import Runtime

logger = logging.getLogger(__name__)


def run_eval(
    runtime: Runtime,
    *,
    backend: Backend = "offline",
    suites: list[str] | None = None,
    settings: Settings | None = None,
    on_result: Callable[[ScenarioResult], None] | None = None,
) -> EvalReport:
    """Run the scenarios of `suites` (all by default) on `backend`; `settings` (default: the
    runtime's) say where scenarios, recordings and prices are, and which model to use."""
    started = time.perf_counter()
    settings = settings or runtime.settings
    scenarios = load_scenarios(settings.eval.scenarios_dir, suites)
    tracker = CallTracker(settings, record=backend == "live")
    llm = build_model(backend, settings, tracker)
    context = EvalContext(runtime, settings, llm, settings.eval.scenarios_dir.parent)
    setup = time.perf_counter()
    warm_up(runtime)
    setup_s = round(time.perf_counter() - setup, 3)
    results: list[ScenarioResult] = []
    for scenario in scenarios:
        result = run_scenario(scenario, context, tracker, backend)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return EvalReport(
        backend=backend,
        model=None if backend == "offline" else settings.llm.model,
        suites=sorted(suites or []),
        scenarios=results,
        capabilities=summarize(results, settings.eval.hit_k),
        judge=_judge_note(backend, scenarios, settings),
        recorded=tracker.recorded,
        setup_s=setup_s,
        duration_s=round(time.perf_counter() - started, 3),
    )


def warm_up(runtime: Runtime) -> None:
    """Load the embedding model, index the knowledge base (first run only) and build the lexical
    index before any scenario is timed, so latencies measure the capabilities, not the setup."""
    runtime.retriever.search("how a coalition works")


def run_scenario(
    scenario: Scenario, context: EvalContext, tracker: CallTracker, backend: Backend
) -> ScenarioResult:
    """Run one scenario and judge it; never raises for a failure of the capability."""
    started = time.perf_counter()
    outcome: Outcome | None = None
    reasons: list[str] = []
    with tracker.scenario() as log, recording_outcomes() as model_outcomes:
        try:
            outcome = run_capability(scenario, context)
        except Exception as exc:  # any failure of the capability is this scenario's error, with its reason
            logger.info("scenario %s raised", scenario.id, exc_info=True)
            reasons.append(f"{type(exc).__name__}: {' '.join(str(exc).split())}")
    comparison = compare(scenario, outcome, context.settings.eval.hit_k)
    fell_back = count_model_outcomes(model_outcomes, comparison)
    checks = run_checks(scenario, outcome, comparison) if outcome is not None else []
    reasons += [f"model call failed: {error}" for error in log.errors]
    if fell_back and not log.errors and backend != "offline":  # the rules answered: the model failed
        reasons.append(f"model fell back to the rules on {fell_back} of {len(model_outcomes)} calls")
    reasons += [f"check failed: {c.check}: {c.detail}" for c in checks if not c.passed]
    status: Status = "error" if outcome is None else ("fail" if reasons else "pass")
    judged: JudgeResult | None = None
    judge_log = CallLog()
    if backend == "live" and scenario.rubric and outcome is not None and context.llm is not None:
        judged, judge_log = _judge(scenario, outcome, context, tracker)
    calls = [*log.calls, *judge_log.calls]
    return ScenarioResult(
        id=scenario.id,
        suite=scenario.suite,
        capability=scenario.capability,
        required=scenario.required,
        file=scenario.file,
        status=status,
        reasons=reasons,
        checks=checks,
        warnings=outcome.warnings if outcome is not None else [],
        counts={k: round(v, 6) for k, v in sorted(comparison.counts.items())},
        model_calls=len(log.calls),
        prompt_tokens=sum(c.prompt_tokens for c in calls),
        completion_tokens=sum(c.completion_tokens for c in calls),
        cost_usd=round(sum(c.cost_usd for c in calls), 6),
        judge=judged,
        duration_s=round(time.perf_counter() - started, 4),
    )


def count_model_outcomes(outcomes: list[ModelOutcome], comparison: Comparison) -> int:
    """Add how the scenario's structured model calls ended to its counts; the number that fell back."""
    comparison.add("model_calls_total", len(outcomes))
    comparison.add("model_valid_first_try", sum(o.valid and o.attempts == 1 for o in outcomes))
    comparison.add("model_valid", sum(o.valid for o in outcomes))
    return sum(not o.valid for o in outcomes)


def _judge(
    scenario: Scenario, outcome: Outcome, context: EvalContext, tracker: CallTracker
) -> tuple[JudgeResult, CallLog]:

    assert context.llm is not None
    recording, tracker.record = tracker.record, False  # judgements are not replayed: not recorded
    try:
        with tracker.scenario() as log:
            result = judge(
                context.llm,
                scenario,
                outcome.output,
                settings=context.settings,
                repeats=context.settings.eval.judge_repeats,
            )
    finally:
        tracker.record = recording
    return result, log


def _judge_note(backend: Backend, scenarios: list[Scenario], settings: Settings) -> str:
    rubrics = sum(1 for s in scenarios if s.rubric)
    if backend == "offline":
        return f"skipped: {rubrics} rubric(s) not judged (the offline backend has no model)"
    if backend == "replay":
        return f"skipped: {rubrics} rubric(s) not judged (judging needs a live model; replay only repeats)"
    return f"{rubrics} rubric(s) judged {settings.eval.judge_repeats} times each by {settings.llm.model}"
