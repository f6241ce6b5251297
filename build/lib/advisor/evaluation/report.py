"""Eval reports: JSON (everything), markdown (for people, with a pass-rate bar chart) and JUnit XML
(for CI: one test case per scenario, failures and errors with their reasons)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.capabilities.charter.batch import write_atomic
from advisor.text.tables import table_cell

if TYPE_CHECKING:
    from advisor.evaluation.results import EvalReport

BAR_WIDTH = 30
HEADLINE_METRICS = (
    "criteria_accuracy",
    "element_f1",
    "status_accuracy",
    "gap_f1",
    "signal_f1",
    "mrr",
    "citation_validity",
)


def write_reports(report: EvalReport, directory: Path) -> list[Path]:
    """Write `eval-<backend>.json`, `.md` and `.junit.xml` into `directory`."""
    stem = f"eval-{report.backend}"
    return [
        write_atomic(directory / f"{stem}.json", report.model_dump_json(indent=2) + "\n"),
        write_atomic(directory / f"{stem}.md", report_markdown(report)),
        write_atomic(directory / f"{stem}.junit.xml", report_junit(report)),
    ]


def headline(quality: dict[str, float]) -> str:
    """The capability-specific metrics, in a few words."""
    shown = [name for name in quality if name.startswith("hit@")] + [
        m for m in HEADLINE_METRICS if m in quality
    ]
    return ", ".join(f"{name} {quality[name]:.2f}" for name in shown)


def pass_rate_chart(report: EvalReport) -> str:
    """A text bar chart of the pass rate per capability."""
    lines = []
    width = max((len(c) for c in report.capabilities), default=0)
    for capability, metrics in report.capabilities.items():
        rate = metrics.quality["pass_rate"]
        filled = round(rate * BAR_WIDTH)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        lines.append(f"{capability:<{width}} {bar} {rate:6.1%} ({metrics.passed}/{metrics.scenarios})")
    return "\n".join(lines)


def report_markdown(report: EvalReport) -> str:
    total = len(report.scenarios)
    passed = sum(r.passed for r in report.scenarios)
    model = f" · model {report.model}" if report.model else ""
    lines = [
        f"# Eval report: {report.backend}",
        "",
        f"{passed}/{total} scenarios pass{model} · {report.duration_s:.1f} s",
        "",
    ]
    if report.gate is not None:
        verdict = "passes" if report.gate.passed else "**fails**"
        lines += [f"Gate against `{report.gate.baseline}`: {verdict}.", ""]
        changes = [f"- regression: {r}" for r in report.gate.regressions]
        changes += [f"- note: {n}" for n in report.gate.notes]
        lines += [*changes, ""] if changes else []
    lines += ["## Pass rate per capability", "", "```", pass_rate_chart(report), "```", ""]
    lines += [
        "## Metrics",
        "",
        "| Capability | Pass | Quality | p50 s | p95 s | Prompt tok | Completion tok | Cost $ | Judge |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for capability, m in report.capabilities.items():
        cells = [
            capability,
            f"{m.passed}/{m.scenarios}",
            headline(m.quality) or "-",
            f"{m.latency_p50_s:.2f}",
            f"{m.latency_p95_s:.2f}",
            str(m.prompt_tokens),
            str(m.completion_tokens),
            f"{m.cost_usd:.4f}",
            f"{m.judge_mean:.2f} ± {m.judge_spread:g}" if m.judge_mean is not None else "-",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"Judge: {report.judge}.", ""]
    failed = report.failed
    lines += [f"## Not passing ({len(failed)})", ""]
    if not failed:
        lines.append("Every scenario passes.")
    for result in failed:
        required = " (required)" if result.required else ""
        lines.append(f"- **{result.id}**{required}: {result.status}")
        lines += [f"  - {table_cell(reason)}" for reason in result.reasons]
    lines += [
        "",
        "## Scenarios",
        "",
        "| Scenario | Capability | Status | Seconds | Tokens | Cost $ | Judge |",
    ]
    lines.append("|---|---|---|---:|---:|---:|---|")
    for r in report.scenarios:
        judge = "-" if r.judge is None else f"{r.judge.mean} ± {r.judge.spread}"
        lines.append(
            f"| {r.id} | {r.capability} | {r.status} | {r.duration_s:.2f} | "
            f"{r.prompt_tokens + r.completion_tokens} | {r.cost_usd:.4f} | {judge} |"
        )
    return "\n".join(lines) + "\n"


def report_junit(report: EvalReport) -> str:
    """JUnit XML: a test suite per capability, a test case per scenario."""
    root = ET.Element(
        "testsuites",
        name=f"advisor eval ({report.backend})",
        tests=str(len(report.scenarios)),
        failures=str(sum(r.status == "fail" for r in report.scenarios)),
        errors=str(sum(r.status == "error" for r in report.scenarios)),
        time=f"{report.duration_s:.3f}",
    )
    for capability, metrics in report.capabilities.items():
        mine = [r for r in report.scenarios if r.capability == capability]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"eval.{report.backend}.{capability}",
            tests=str(metrics.scenarios),
            failures=str(metrics.failed),
            errors=str(metrics.errors),
            time=f"{sum(r.duration_s for r in mine):.3f}",
        )
        for result in mine:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"evals.{result.suite}",
                name=result.id,
                time=f"{result.duration_s:.3f}",
            )
            if result.status != "pass":
                element = ET.SubElement(
                    case,
                    "error" if result.status == "error" else "failure",
                    message=table_cell(result.reasons[0]),
                )
                element.text = "\n".join(result.reasons)
            if result.warnings:
                ET.SubElement(case, "system-out").text = "\n".join(result.warnings)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
