"""`advisor eval`: run the fixed scenarios, print a summary, write the reports, gate on the baseline.

Exit code 1 when the gate fails (a required scenario went from pass to fail, or a metric dropped
beyond its tolerance); `--bless` writes the run as the new baseline instead of gating.

The evaluation package (with langchain's chat-model classes, half a second to import) is imported
when the command runs, not when `advisor` starts, so every other command starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from advisor.cli.common import app, err, eval_runtime, out, progress_bar, user_errors
from advisor.config import get_settings
from advisor.errors import AdvisorError

if TYPE_CHECKING:
    from advisor.evaluation.metrics import ScenarioResult
    from advisor.evaluation.results import EvalReport

BACKEND_HELP = (
    "offline: the rules, no model; replay: recorded model replies only; live: the configured model."
)


@app.command("eval")
@user_errors
def eval_command(
    suite: Annotated[
        list[str] | None,
        typer.Option(
            "--suite",
            "-s",
            metavar="NAME",
            help="Suite (purpose, interests, pivots, charter, ask) or capability (purpose_check, "
            "purpose_draft); repeat for several. Default: all.",
        ),
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", "-b", metavar="offline|replay|live", help=BACKEND_HELP)
    ] = "offline",
    report_dir: Annotated[
        Path | None,
        typer.Option(
            "--report", "-r", metavar="DIR", help="Folder for the reports (default: evals/reports)."
        ),
    ] = None,
    bless_run: Annotated[
        bool, typer.Option("--bless", help="Write this run as the backend's baseline instead of gating.")
    ] = False,
    corpus: Annotated[
        bool,
        typer.Option(
            "--corpus",
            help="Score the capabilities on the labelled real-world sets (charters, purpose, questions, "
            "coalitions): dev and test parts beside the simplest baseline, instead of the scenarios.",
        ),
    ] = False,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="NAME",
            help="With --corpus: charters, purpose, questions or coalitions; repeat for several "
            "(default: all).",
        ),
    ] = None,
    part: Annotated[
        str | None,
        typer.Option(
            "--part",
            metavar="dev|test",
            help="With --corpus: score one part only (default: both). Tune on dev; test is scored once.",
        ),
    ] = None,
    details: Annotated[
        bool,
        typer.Option(
            "--details",
            help="With --corpus: list every dev item that disagrees with its label (coalitions set).",
        ),
    ] = False,
) -> None:
    """Run the eval scenarios and gate against the committed baseline.

    Prints pass rate and metrics per capability, writes JSON, markdown and JUnit XML reports, and
    exits 1 when a required scenario went from pass to fail or a metric dropped beyond its tolerance.
    """
    from advisor.evaluation.baseline import baseline_path, bless, check_gate, load_baseline
    from advisor.evaluation.models import BACKENDS
    from advisor.evaluation.report import write_reports
    from advisor.evaluation.runner import run_eval
    from advisor.evaluation.scenarios import load_scenarios

    if backend not in BACKENDS:
        raise AdvisorError(f"unknown --backend {backend!r}", hint="use offline, replay or live")
    settings = get_settings()
    if corpus:
        from advisor.cli.labelled import corpus_report

        corpus_report(settings, report_dir or settings.eval.report_dir, sets, part, details)
        return
    scenarios = load_scenarios(settings.eval.scenarios_dir, suite)  # a bad file fails before any work
    runtime = eval_runtime(settings)
    path = baseline_path(settings.eval.baselines_dir, backend)
    baseline = None if bless_run else load_baseline(path)  # a malformed baseline fails before the run
    with progress_bar(f"Eval ({backend})") as progress:
        task = progress.add_task("eval", total=len(scenarios))

        def show(result: ScenarioResult) -> None:
            progress.advance(task)
            if not result.passed:
                reason = result.reasons[0] if result.reasons else result.status
                required = " [bold](required)[/]" if result.required else ""
                err.print(f" [red]✗[/] {escape(result.id)}{required}: {escape(reason)}", highlight=False)

        report = run_eval(runtime, backend=backend, suites=suite, on_result=show)
    if bless_run:
        bless(report, path)
    else:
        report.gate = check_gate(report, baseline, path, settings.eval.tolerance)
    written = write_reports(report, report_dir or settings.eval.report_dir)
    print_summary(report)
    err.print(f"Reports: {escape(', '.join(str(p) for p in written))}", highlight=False)
    if bless_run:
        err.print(f"[green]Baseline written:[/] {escape(str(path))}", highlight=False)
        return
    if report.gate is not None and not report.gate.passed:
        raise typer.Exit(1)


SHORT_NAMES = {
    "criteria_accuracy": "criteria",
    "element_f1": "F1",
    "gap_f1": "F1",
    "status_accuracy": "status",
    "signal_f1": "signals F1",
    "mrr": "MRR",
    "citation_validity": "citations",
}


def short_quality(quality: dict[str, float]) -> str:
    """The capability-specific metrics, short enough for a terminal table."""
    names = [n for n in quality if n.startswith("hit@")] + [n for n in SHORT_NAMES if n in quality]
    return ", ".join(f"{SHORT_NAMES.get(n, n)} {quality[n]:.2f}" for n in names) or "-"


def model_validity(quality: dict[str, float]) -> str:
    """ ", model valid 0.90 first try, 1.00 in all": structured replies valid on the first try and at
    all (the rest fell back to the rules); nothing when no structured call was made."""
    if "model_valid" not in quality:
        return ""
    first, valid = quality["model_valid_first_try"], quality["model_valid"]
    return f", model valid {first:.2f} first try, {valid:.2f} in all"


def print_summary(report: EvalReport) -> None:
    """The table per capability, what failed, and the gate's verdict."""

    passed = sum(r.passed for r in report.scenarios)
    model = f", model {report.model}" if report.model else ""
    table = Table(title=f"advisor eval ({report.backend}{model}): {passed}/{len(report.scenarios)} pass")
    table.add_column("capability", no_wrap=True)
    table.add_column("pass", justify="right", no_wrap=True)
    table.add_column("quality")
    table.add_column("p50/p95 s", justify="right", no_wrap=True)
    table.add_column("tokens", justify="right", no_wrap=True)
    table.add_column("cost $", justify="right", no_wrap=True)
    for capability, m in report.capabilities.items():
        rate = m.quality["pass_rate"]
        style = "green" if rate == 1 else "yellow" if rate >= 0.8 else "red"
        table.add_row(
            capability,
            f"[{style}]{m.passed}/{m.scenarios}[/]",
            short_quality(m.quality)
            + model_validity(m.quality)
            + (f", judge {m.judge_mean:.2f}±{m.judge_spread:g}" if m.judge_mean is not None else ""),
            f"{m.latency_p50_s:.2f}/{m.latency_p95_s:.2f}",
            str(m.prompt_tokens + m.completion_tokens),
            f"{m.cost_usd:.4f}",
        )
    out.print(table)
    out.print(f"Judge: {escape(report.judge)}.", highlight=False)
    out.print(f"Ran in {report.duration_s:.1f} s ({report.setup_s:.1f} s of setup).")
    if report.recorded:
        out.print(f"Recorded {report.recorded} model replies for replay.")
    gate = report.gate
    if gate is None:
        return
    for note in gate.notes:
        out.print(f" [dim]note:[/] {escape(note)}", highlight=False)
    for regression in gate.regressions:
        out.print(f" [red]regression:[/] {escape(regression)}", highlight=False)
    if gate.passed and not gate.found:
        out.print("[yellow]No baseline yet[/]: only required scenarios were gated.")
    elif gate.passed:
        out.print("[green]Gate passed[/] against " + escape(gate.baseline), highlight=False)
    else:
        out.print(
            f"[red]Gate failed[/]: {len(gate.regressions)} regression(s) against {escape(gate.baseline)}"
        )
