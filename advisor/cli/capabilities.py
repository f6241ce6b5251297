"""The capability commands of `advisor`: purpose check and draft, interests, pivots, review.

Each prints a readable report by default and the contract JSON with `--json`; warnings (such as a
model fallback) go to stderr. Each command imports its capability's modules when it runs, so the
other commands (`advisor ask` above all) do not load them.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markdown import Markdown
from rich.markup import escape
from rich.table import Table

from advisor.cli.common import (
    app,
    emit_json,
    err,
    get_capabilities,
    out,
    print_warnings,
    progress_bar,
    purpose_app,
    user_errors,
)
from advisor.cli.options import JsonOption, WorkspaceOption
from advisor.errors import AdvisorError

if TYPE_CHECKING:
    from advisor.capabilities.charter.batch import ReviewOutcome
    from advisor.capabilities.charter.models import CharterReview
    from advisor.capabilities.purpose.models import PurposeCheck

STATUSES = ("present", "weak", "missing")


@purpose_app.command("check")
@user_errors
def purpose_check(
    statement: Annotated[str, typer.Argument(help="The purpose statement, in quotes.")],
    as_json: JsonOption = False,
) -> None:
    """Judge a purpose statement: a specific outcome, a defined population or place, a timeframe."""
    capabilities = get_capabilities()
    with err.status("Asking the model…") if capabilities.llm is not None and not as_json else _quiet():
        result = capabilities.check_purpose(statement)
    print_warnings(result.warnings)
    if as_json:
        emit_json(result.model_dump())
        return
    _print_check(result)


@purpose_app.command("draft")
@user_errors
def purpose_draft(
    workspace: WorkspaceOption = None,
    goal: Annotated[
        str | None, typer.Option("--goal", "-g", help="The coalition's goal in your own words.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Propose up to three purpose statements from a workspace's documents and/or a goal, each checked."""
    with err.status("Drafting…") if not as_json else _quiet():
        result = get_capabilities().draft_purpose(goal=goal, workspace=workspace)
    print_warnings(result.warnings)
    if as_json:
        emit_json(result.model_dump())
        return
    for number, draft in enumerate(result.drafts, 1):
        marks = "  ".join(
            f"{'[green]✓[/]' if c.met else '[red]✗[/]'} {name}" for name, c in draft.check.criteria.items()
        )
        out.print(f"\n[bold]Draft {number}[/] ({draft.check.score}/100)  {marks}")
        out.print(f" {escape(draft.statement)}", highlight=False)
    if any("[" in d.statement for d in result.drafts):
        out.print("\nReplace each \\[placeholder] with your coalition's own figure, group or date.")
    if result.citations:
        out.print("\n[bold]Drawn from[/]")
        for citation in result.citations:
            out.print(f" • {escape(citation.title)} — {escape(citation.quote)}", highlight=False)


def _quiet() -> nullcontext[None]:
    return nullcontext()


def _print_check(result: PurposeCheck) -> None:
    out.print(f"[bold]Score {result.score}/100[/]  {escape(result.statement)}", highlight=False)
    for name, criterion in result.criteria.items():
        mark = "[green]✓[/]" if criterion.met else "[red]✗[/]"
        evidence = f'"{escape(criterion.evidence)}"' if criterion.evidence else "not found"
        out.print(f" {mark} {name}: {evidence}", highlight=False)
    out.print("[bold]Suggestions[/]")
    for tip in result.suggestions:
        out.print(f" • {escape(tip)}", highlight=False)
    if result.rewrite:
        out.print(f"[bold]Rewrite[/]\n {escape(result.rewrite)}", highlight=False)


@app.command()
@user_errors
def review(
    paths: Annotated[list[Path], typer.Argument(help="Charter files or folders (md, txt, pdf, docx).")],
    out_dir: Annotated[
        Path | None, typer.Option("--out", "-o", help="Folder for one report per charter and summary.csv.")
    ] = None,
    report_format: Annotated[
        str, typer.Option("--format", "-f", help="Report per charter: md, json, or csv (summary only).")
    ] = "md",
    as_json: JsonOption = False,
) -> None:
    """Review charters against the 13 elements of a strong charter: one scorecard each, a summary table.

    Files that fail are reported and the rest go on (exit code 1 if any failed). Unchanged files
    already reviewed with the same settings are not reviewed again.
    """

    from advisor.capabilities.charter.batch import collect_charters

    if report_format not in ("md", "json", "csv"):
        raise AdvisorError(f"unknown --format {report_format!r}", hint="use md, json or csv")
    refused: list[str] = []
    files = collect_charters(paths, refused)
    for reason in refused:
        err.print(f" [red]✗[/] {escape(reason)}", highlight=False)
    if not files:
        raise AdvisorError("No charters found", hint="pass files or folders with md, txt, pdf or docx")
    capabilities = get_capabilities()
    with progress_bar("Reviewing", disable=as_json) as progress:
        task = progress.add_task("review", total=len(files))

        def show(outcome: ReviewOutcome) -> None:
            progress.advance(task)
            if outcome.error:
                err.print(f" [red]✗[/] {escape(outcome.error)}", highlight=False)
            elif not as_json and outcome.review is not None:
                cached = " [dim](unchanged, from cache)[/]" if outcome.cached else ""
                err.print(f" [green]✓[/] {escape(outcome.name)}: {outcome.review.score}/100{cached}")
            for warning in outcome.review.warnings if outcome.review else []:
                err.print(f" [yellow]warning:[/] {escape(outcome.name)}: {escape(warning)}", highlight=False)

        report = capabilities.review_charters(
            files,
            out_dir=out_dir,
            report_format=report_format,  # type: ignore[arg-type]
            on_result=show,
        )
    if as_json:
        emit_json([r.model_dump() for r in report.reviews])
    else:
        if report.reviews:
            _print_review_table(report.reviews)
        failed = f", {len(report.failed)} failed" if report.failed else ""
        where = f" Reports in {out_dir}/ (summary: {report.summary.name})." if report.summary else ""
        err.print(f"{len(report.reviews)} reviewed{failed}.{escape(where)}", highlight=False)
    if report.failed or refused:
        raise typer.Exit(1)


def _print_review_table(reviews: list[CharterReview]) -> None:
    """One review: its scorecard. Several: one row each, naming what is missing or weak."""
    from advisor.capabilities.charter.elements import ELEMENTS
    from advisor.capabilities.charter.review import charter_markdown

    if len(reviews) == 1:
        _print_markdown(charter_markdown(reviews[0]))
        return
    table = Table(title="Charter review")
    table.add_column("charter", overflow="fold", min_width=20)
    for column in ("score", "present", "missing", "weak"):
        table.add_column(column, justify="right" if column in ("score", "present") else "left")
    for r in reviews:
        by_status = {
            s: [e.replace("_", " ") for e in ELEMENTS if r.elements[e].status == s] for s in STATUSES
        }
        table.add_row(
            escape(r.file),
            str(r.score),
            f"{len(by_status['present'])}/{len(ELEMENTS)}",
            ", ".join(by_status["missing"]) or "-",
            ", ".join(by_status["weak"]) or "-",
        )
    out.print(table)


@app.command()
@user_errors
def interests(
    roster: Annotated[Path, typer.Argument(help="Member roster: YAML or CSV (name,sector,positions,...).")],
    objectives: Annotated[
        Path | None,
        typer.Option("--objectives", help="Objectives file (YAML `objectives:` list, or one per line)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Map members' interests: positions with no stated interest, interests no objective serves,
    affected groups with no voice, and the questions to ask."""
    from advisor.capabilities.interests.analysis import interests_markdown
    from advisor.documents.coalition import parse_roster

    capabilities = get_capabilities()
    parsed = parse_roster(roster, objectives)
    with err.status("Mapping interests…") if not as_json else _quiet():
        result = capabilities.map_interests(parsed)
    print_warnings(result.warnings)
    if as_json:
        emit_json(result.model_dump())
        return
    _print_markdown(interests_markdown(result))


def _print_markdown(text: str) -> None:

    out.print(Markdown(text))


@app.command()
@user_errors
def pivots(
    metrics: Annotated[
        Path, typer.Argument(help="Metrics CSV: metric,unit,baseline,target,current,start,due.")
    ],
    notes: Annotated[
        list[Path] | None,
        typer.Option(
            "--notes", "-n", help="Learning-review notes (md, txt, pdf, docx); repeat it for each file."
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge progress at this date (YYYY-MM-DD; default today).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Should we change course? Progress against pace per metric, signals from the notes, and pivot
    options with the guidance behind them."""
    from advisor.capabilities.pivots.analysis import pivots_markdown

    try:
        when = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise AdvisorError(
            f"--as-of {as_of!r} is not a date", hint="use YYYY-MM-DD, e.g. 2026-06-30"
        ) from None
    with err.status("Reading the results…") if not as_json else _quiet():
        result = get_capabilities().suggest_pivots(metrics, notes, when)
    print_warnings(result.warnings)
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    _print_markdown(pivots_markdown(result))
