"""The `advisor` command line: ingest, ask and workspaces here; the capabilities in
`cli_capabilities.py`. Heavy modules are imported inside commands, so `--help` stays fast.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markdown import Markdown
from rich.markup import escape
from rich.table import Table

import advisor.cli.capabilities
import advisor.cli.evaluate  # noqa: F401  (registers eval)
from advisor.cli.common import (
    app,
    emit_json,
    err,
    get_capabilities,
    get_runtime,
    out,
    print_warnings,
    progress_bar,
    user_errors,
    workspaces_app,
)
from advisor.cli.options import JsonOption, WorkspaceOption, workspace_name
from advisor.errors import AdvisorError, WorkspaceError
from advisor.store.names import SAME_NAME_RULE, existing_name, normalize_workspace_name

if TYPE_CHECKING:
    from advisor.service.runtime import Runtime
    from advisor.store.ingest import FileResult, IngestReport


QUOTE_CHARS = 160  # of each source's quote under an answer in the terminal


@app.command()
@user_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (md, txt, pdf, docx, csv, yaml).")],
    workspace: Annotated[
        str,
        typer.Option(
            "--workspace", "-w", help="Workspace to add them to (created if new).", callback=workspace_name
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Add a coalition's documents to a workspace.

    Unchanged files are skipped. A bad file is reported and leaves nothing behind; the good ones are
    still ingested (the exit code is 1 if any file failed).
    """

    absent = [str(p) for p in paths if not p.exists()]
    if absent:
        raise AdvisorError(
            f"No such file or folder: {', '.join(absent)}", hint="check the path; nothing was ingested"
        )
    from advisor.store.ingest import collect_files, ingest_workspace_files
    from advisor.store.workspaces import list_workspaces

    runtime = get_runtime()
    found = existing_name(workspace, [w.name for w in list_workspaces(runtime.store)])
    if found is not None and found != workspace:
        err.print(
            f"{escape(workspace)!r} is the workspace {escape(found)!r} ({SAME_NAME_RULE}): adding to it.",
            highlight=False,
        )
        workspace = found
    refused: list[FileResult] = []
    files = collect_files(paths, refused)
    if not files and not refused:
        raise AdvisorError(
            "No files found to ingest", hint="pass files or folders with md, txt, pdf, docx, csv or yaml"
        )
    marks = {"added": "[green]+[/]", "updated": "[cyan]~[/]", "unchanged": "[dim]=[/]", "failed": "[red]✗[/]"}
    with progress_bar("Ingesting", disable=as_json) as progress:
        task = progress.add_task("ingest", total=len(files) + len(refused))

        def show(result: FileResult) -> None:
            progress.advance(task)
            if as_json:
                return
            line = (
                result.error if result.error else f"{result.source}: {result.status}, {result.chunks} chunks"
            )
            err.print(f" {marks.get(result.status, ' ')} {escape(line)}", highlight=False)

        for link in refused:  # links out of the folder: said per file, never read
            show(link)
        report = ingest_workspace_files(
            files,
            workspace,
            settings=runtime.settings,
            store=runtime.store,
            embeddings=runtime.embeddings,
            on_result=show,
        )
        report.results[:0] = refused
        _keep_originals(runtime, workspace, files, report)
    if as_json:
        emit_json({"workspace": workspace, "results": [r.__dict__ for r in report.results]})
    else:
        counts = ", ".join(f"{report.count(s)} {s}" for s in ("added", "updated", "unchanged", "failed"))
        nothing = " Nothing changed." if not report.changed and not report.failed else ""
        total = len(files) + len(refused)
        plural = "file" if total == 1 else "files"
        err.print(f"[bold]{workspace}[/]: {total} {plural}: {counts}.{nothing}", highlight=False)
    if report.failed:
        raise typer.Exit(1)


def _keep_originals(
    runtime: Runtime, workspace: str, files: list[tuple[Path, str]], report: IngestReport
) -> None:
    """Keep each ingested file's original under ADVISOR_HOME/files/, keyed by its path within the
    workspace, as web uploads are: the capabilities (and a migration) read them from there."""
    from advisor.store.files import WorkspaceFiles

    kept = WorkspaceFiles(runtime.settings)
    ok = {r.source for r in report.results if r.status in ("added", "updated", "unchanged")}
    for path, source in files:
        if source in ok:
            try:
                kept.keep(workspace, source, path)
            except (AdvisorError, OSError) as exc:
                err.print(f"[yellow]warning:[/] {escape(source)}: original not kept: {escape(str(exc))}")


@app.command()
@user_errors
def ask(
    question: Annotated[str, typer.Argument(help="Your question, in your own words.")],
    workspace: WorkspaceOption = None,
    k: Annotated[int | None, typer.Option("--top-k", "-k", help="Passages to draw on.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Ask a question; get an answer grounded in the guidance (and your workspace), with citations."""
    with err.status("Searching the guidance…", spinner="dots") if not as_json else nullcontext():
        result = get_capabilities().ask(question, workspace, k)
    print_warnings(result.warnings)
    if as_json:
        emit_json(result.model_dump())
        return

    out.print(Markdown(result.answer))
    if result.citations:
        out.print()
        out.print("[bold]Sources[/]")
        for number, citation in enumerate(result.citations, 1):
            label, source = escape(citation.label), escape(citation.source)
            out.print(f" \\[{number}] {label} — [dim]{source}[/]", highlight=False)
            if result.mode == "llm":  # an offline answer quotes its sources whole already
                quote = " ".join(citation.quote.split())
                quote = quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1].rstrip() + "…"
                out.print(f"     [dim]“{escape(quote)}”[/]", highlight=False)


@workspaces_app.command("list")
@user_errors
def workspaces_list(as_json: JsonOption = False) -> None:
    """Show each workspace with its files and chunk count."""
    from advisor.store.workspaces import list_workspaces

    infos = list_workspaces(get_runtime().store)
    if as_json:
        emit_json(
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
    from advisor.store.workspaces import delete_workspace, list_workspaces

    store = get_runtime().store
    found = existing_name(normalize_workspace_name(name), [w.name for w in list_workspaces(store)])
    if found is None:
        raise WorkspaceError(f"No workspace named {name!r}", hint="see them with: advisor workspaces list")
    if found != name:
        err.print(f"{escape(name)!r} is the workspace {escape(found)!r} ({SAME_NAME_RULE}).", highlight=False)
    name = found
    if not yes and not typer.confirm(f"Delete workspace {name!r} and all its indexed documents?"):
        raise typer.Exit(1)
    deleted = delete_workspace(store, name)
    err.print(f"Deleted workspace {deleted.name}: {len(deleted.files)} files, {deleted.chunks} chunks.")


@app.command()
@user_errors
def serve(
    host: Annotated[str | None, typer.Option("--host", help="Interface (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option("--port", help="Port (default 7860).")] = None,
) -> None:
    """Start the web app (chat, workspaces, tool views). Offline by default; login with ADVISOR_AUTH."""
    err.print("Starting Coalition Advisor… (Ctrl+C to stop)")
    from advisor.web.starting import serve as serve_app  # its address answers before gradio loads

    serve_app(host=host, port=port)  # logs first-run indexing, its address, warnings and errors


if __name__ == "__main__":
    app(prog_name="advisor")
