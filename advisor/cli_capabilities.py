"""The capability commands of `advisor`: purpose check and draft, interests, pivots, review.

Each prints a readable report by default and the contract JSON with `--json`; warnings (such as a
model fallback) go to stderr.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Annotated

import typer
from rich.markup import escape

from advisor.cli_common import (
    JsonOption,
    WorkspaceOption,
    emit_json,
    err,
    get_runtime,
    out,
    print_warnings,
    purpose_app,
    user_errors,
)
from advisor.purpose import PurposeCheck


@purpose_app.command("check")
@user_errors
def purpose_check(
    statement: Annotated[str, typer.Argument(help="The purpose statement, in quotes.")],
    as_json: JsonOption = False,
) -> None:
    """Judge a purpose statement: a specific outcome, a defined population or place, a timeframe."""
    from advisor.purpose import check_purpose

    rt = get_runtime()
    with err.status("Asking the model…") if rt.llm is not None and not as_json else _quiet():
        result = check_purpose(statement, settings=rt.settings, llm=rt.llm)
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
    """Propose three purpose statements from a workspace's documents and/or a goal, each checked."""
    from advisor.purpose_draft import draft_purpose

    rt = get_runtime()
    with err.status("Drafting…") if not as_json else _quiet():
        result = draft_purpose(
            goal=goal,
            workspace=workspace,
            retriever=rt.retriever if workspace else None,
            settings=rt.settings,
            llm=rt.llm,
        )
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
