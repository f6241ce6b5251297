"""Per-scenario results and the metrics of each capability.

Quality metrics (gated against the baseline, higher is better): pass rate; criteria accuracy
(purpose); element precision, recall and F1 for detection (present or weak) and status accuracy
(charter); gap precision, recall and F1 (interests); status accuracy and signal-kind F1 (pivots);
hit@k and MRR of retrieval (ask); citation validity (every cited chunk was retrieved). Cost metrics
(reported, not gated): latency p50/p95, prompt and completion tokens, estimated dollars. Every field
that is a duration ends in `_s`, so reports compare equal across runs once those are left out.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, Field

from advisor.evaluation.checks import CheckResult
from advisor.evaluation.scenarios import CAPABILITIES, Capability, Suite

Status = Literal["pass", "fail", "error"]


class JudgeResult(BaseModel):
    """A rubric scored several times by the model judge (live runs only)."""

    rubric: str
    scores: list[int] = Field(description="One 1-5 score per repeat that succeeded.")
    mean: float | None = None
    spread: float | None = Field(default=None, description="Highest minus lowest score.")
    errors: list[str] = Field(default_factory=list)


class ScenarioResult(BaseModel):
    """What happened to one scenario."""

    id: str
    suite: Suite
    capability: Capability
    required: bool
    file: str
    status: Status = Field(description="error: the capability raised; fail: a check or model call failed.")
    reasons: list[str] = Field(default_factory=list, description="Why it did not pass.")
    checks: list[CheckResult] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="The result's warnings (e.g. fallbacks).")
    counts: dict[str, float] = Field(default_factory=dict, description="Label counts for the metrics.")
    model_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    judge: JudgeResult | None = None
    duration_s: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == "pass"


class CapabilityMetrics(BaseModel):
    """The figures of one capability over its scenarios."""

    scenarios: int
    passed: int
    failed: int
    errors: int
    quality: dict[str, float] = Field(description="Gated metrics, each between 0 and 1.")
    model_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    judge_mean: float | None = Field(default=None, description="Mean judge score (1-5), live runs.")
    judge_spread: float | None = Field(default=None, description="Largest spread of one scenario's scores.")
    latency_p50_s: float = 0.0
    latency_p95_s: float = 0.0


def summarize(results: list[ScenarioResult], hit_k: int) -> dict[str, CapabilityMetrics]:
    """Metrics per capability, in the fixed capability order (capabilities with no scenario left out)."""
    summary: dict[str, CapabilityMetrics] = {}
    for capability in CAPABILITIES:
        mine = [r for r in results if r.capability == capability]
        if not mine:
            continue
        counts: dict[str, float] = {}
        for result in mine:
            for name, value in result.counts.items():
                counts[name] = counts.get(name, 0.0) + value
        judged = [r.judge for r in mine if r.judge is not None and r.judge.mean is not None]
        latencies = sorted(r.duration_s for r in mine)
        summary[capability] = CapabilityMetrics(
            scenarios=len(mine),
            passed=sum(r.status == "pass" for r in mine),
            failed=sum(r.status == "fail" for r in mine),
            errors=sum(r.status == "error" for r in mine),
            quality=quality_metrics(mine, counts, hit_k),
            model_calls=sum(r.model_calls for r in mine),
            prompt_tokens=sum(r.prompt_tokens for r in mine),
            completion_tokens=sum(r.completion_tokens for r in mine),
            cost_usd=round(sum(r.cost_usd for r in mine), 6),
            judge_mean=round(sum(j.mean or 0.0 for j in judged) / len(judged), 3) if judged else None,
            judge_spread=max(j.spread or 0.0 for j in judged) if judged else None,
            latency_p50_s=round(percentile(latencies, 50), 3),
            latency_p95_s=round(percentile(latencies, 95), 3),
        )
    return summary


def quality_metrics(results: list[ScenarioResult], counts: dict[str, float], hit_k: int) -> dict[str, float]:
    metrics: dict[str, float | None] = {"pass_rate": sum(r.passed for r in results) / len(results)}
    metrics["criteria_accuracy"] = _ratio(counts, "criteria_correct", "criteria_total")
    for prefix in ("element", "gap", "signal"):
        if any(f"{prefix}_{part}" in counts for part in ("tp", "fp", "fn")):
            precision, recall, f1 = prf(counts, prefix)
            if prefix != "signal":
                metrics[f"{prefix}_precision"], metrics[f"{prefix}_recall"] = precision, recall
            metrics[f"{prefix}_f1"] = f1
    metrics["status_accuracy"] = _ratio(counts, "status_correct", "status_total")
    metrics["community_voice_accuracy"] = _ratio(counts, "voice_correct", "voice_total")
    metrics[f"hit@{hit_k}"] = _ratio(counts, "retrieval_hit", "retrieval_total")
    metrics["mrr"] = _ratio(counts, "retrieval_rr", "retrieval_total")
    metrics["citation_validity"] = _ratio(counts, "cited_valid", "cited_total")
    # structured model calls (live and replay): valid on the first try, valid at all (else fell back)
    metrics["model_valid_first_try"] = _ratio(counts, "model_valid_first_try", "model_calls_total")
    metrics["model_valid"] = _ratio(counts, "model_valid", "model_calls_total")
    return {name: round(value, 4) for name, value in metrics.items() if value is not None}


def prf(counts: dict[str, float], prefix: str) -> tuple[float, float, float]:
    """Precision, recall and F1 from `<prefix>_tp/fp/fn` counts (1.0 when there was nothing to get
    wrong: no predictions for precision, no labels for recall)."""
    tp, fp, fn = (counts.get(f"{prefix}_{part}", 0.0) for part in ("tp", "fp", "fn"))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of already sorted values (0 for none)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def _ratio(counts: dict[str, float], numerator: str, denominator: str) -> float | None:
    total = counts.get(denominator, 0.0)
    return counts.get(numerator, 0.0) / total if total else None


def strip_timings(data: Any) -> Any:
    """`data` without any `*_s` field (durations): what two runs must agree on."""
    if isinstance(data, dict):
        return {k: strip_timings(v) for k, v in data.items() if not (isinstance(k, str) and k.endswith("_s"))}
    if isinstance(data, list):
        return [strip_timings(v) for v in data]
    return data
