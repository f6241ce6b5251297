"""The `advisor` command line.

Heavy modules (torch, chromadb) are imported inside commands, so `advisor --help` stays fast.
`--json` output is one JSON document on stdout; errors go to stderr with a non-zero exit.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from contextlib import nullcontext
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape  # user text (file names, statements, [placeholders]) is never markup

from advisor import __version__
from advisor.errors import AdvisorError

if TYPE_CHECKING:
    from advisor.ingest import FileResult
    from advisor.runtime import Runtime

app = typer.Typer(
    name="advisor",
    help="Coalition Advisor: grounded advice for people who lead coalitions. Works offline by default.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
workspaces_app = typer.Typer(help="List or delete coalition workspaces.", no_args_is_help=True)
app.add_typer(workspaces_app, name="workspaces")
purpose_app = typer.Typer(help="Check a coalition purpose statement.", no_args_is_help=True)
app.add_typer(purpose_app, name="purpose")

out = Console()
err = Console(stderr=True, soft_wrap=True)  # an error stays one line, however narrow the terminal
F = TypeVar("F", bound=Callable[..., Any])

WorkspaceOption = Annotated[
    str | None,
    typer.Option("--workspace", "-w", help="Coalition workspace to draw on (its uploaded documents)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


def user_errors(func: F) -> F:
    """Turn project errors into one clear line on stderr and exit code 1: no stack traces."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AdvisorError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        out.print(f"advisor {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what the advisor is doing.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


def _runtime() -> Runtime:
    from advisor.runtime import Runtime

    return Runtime()


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@app.command()
@user_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (md, txt, pdf, docx, csv, yaml).")],
    workspace: Annotated[
        str, typer.Option("--workspace", "-w", help="Workspace to add them to (created if new).")
    ],
    as_json: JsonOption = False,
) -> None:
    """Add a coalition's documents to a workspace.

    Unchanged files are skipped. A bad file is reported and leaves nothing behind; the good ones are
    still ingested (the exit code is 1 if any file failed).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from advisor.ingest import collect_files, ingest_workspace_files

    runtime = _runtime()
    files = collect_files(paths)
    if not files:
        raise AdvisorError(
            "No files found to ingest", hint="pass files or folders with md, txt, pdf, docx, csv or yaml"
        )
    marks = {"added": "[green]+[/]", "updated": "[cyan]~[/]", "unchanged": "[dim]=[/]", "failed": "[red]✗[/]"}
    with Progress(
        TextColumn("[bold]Ingesting[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=as_json,
    ) as progress:
        task = progress.add_task("ingest", total=len(files))

        def show(result: FileResult) -> None:
            progress.advance(task)
            if as_json:
                return
            line = (
                result.error if result.error else f"{result.source}: {result.status}, {result.chunks} chunks"
            )
            err.print(f" {marks.get(result.status, ' ')} {escape(line)}", highlight=False)

        report = ingest_workspace_files(
            files,
            workspace,
            settings=runtime.settings,
            store=runtime.store,
            embeddings=runtime.embeddings,
            on_result=show,
        )
    if as_json:
        _emit_json({"workspace": workspace, "results": [r.__dict__ for r in report.results]})
    else:
        counts = ", ".join(f"{report.count(s)} {s}" for s in ("added", "updated", "unchanged", "failed"))
        nothing = " Nothing changed." if not report.changed and not report.failed else ""
        plural = "file" if len(files) == 1 else "files"
        err.print(f"[bold]{workspace}[/]: {len(files)} {plural}: {counts}.{nothing}", highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
@user_errors
def ask(
    question: Annotated[str, typer.Argument(help="Your question, in your own words.")],
    workspace: WorkspaceOption = None,
    k: Annotated[int | None, typer.Option("--top-k", "-k", help="Passages to draw on.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Ask a question; get an answer grounded in the guidance (and your workspace), with citations."""
    from advisor.answer import answer_question

    runtime = _runtime()
    with err.status("Searching the guidance…", spinner="dots") if not as_json else nullcontext():
        result = answer_question(question, retriever=runtime.retriever, workspace=workspace, k=k)
    if as_json:
        _emit_json(result.model_dump())
        return
    from rich.markdown import Markdown

    out.print(Markdown(result.answer))
    if result.citations:
        out.print()
        out.print("[bold]Sources[/]")
        for number, citation in enumerate(result.citations, 1):
            title, source = escape(citation.title), escape(citation.source)
            out.print(f" \\[{number}] {title} — {source} [dim]({citation.chunk_id[:8]})[/]", highlight=False)


@purpose_app.command("check")
@user_errors
def purpose_check(
    statement: Annotated[str, typer.Argument(help="The purpose statement, in quotes.")],
    as_json: JsonOption = False,
) -> None:
    """Judge a purpose statement: a specific outcome, a defined population or place, a timeframe."""
    from advisor.purpose import check_purpose

    result = check_purpose(statement)
    if as_json:
        _emit_json(result.model_dump())
        return
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


@workspaces_app.command("list")
@user_errors
def workspaces_list(as_json: JsonOption = False) -> None:
    """Show each workspace with its files and chunk count."""
    from advisor.workspaces import list_workspaces

    infos = list_workspaces(_runtime().store)
    if as_json:
        _emit_json(
            [
                {
                    "name": w.name,
                    "chunks": w.chunks,
                    "files": [
                        {
                            "source": f.source,
                            "title": f.title,
                            "chunks": f.chunk_count,
                            "ingested_at": f.ingested_at,
                        }
                        for f in w.files
                    ],
                }
                for w in infos
            ]
        )
        return
    if not infos:
        out.print("No workspaces yet. Create one with: advisor ingest FILES --workspace NAME")
        return
    from rich.table import Table

    table = Table("workspace", "files", "chunks", "last ingest")
    for w in infos:
        last = max((f.ingested_at for f in w.files), default="-")
        table.add_row(w.name, str(len(w.files)), str(w.chunks), last)
    out.print(table)


@workspaces_app.command("delete")
@user_errors
def workspaces_delete(
    name: Annotated[str, typer.Argument(help="Workspace to delete.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a workspace and everything indexed in it."""
    from advisor.workspaces import delete_workspace

    if not yes and not typer.confirm(f"Delete workspace {name!r} and all its indexed documents?"):
        raise typer.Exit(1)
    deleted = delete_workspace(_runtime().store, name)
    err.print(f"Deleted workspace {deleted.name}: {len(deleted.files)} files, {deleted.chunks} chunks.")


if __name__ == "__main__":
    app(prog_name="advisor")
