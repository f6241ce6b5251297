"""What every `advisor` command shares: the Typer app, the consoles, options, error handling.

Heavy modules (the runtime, the capabilities, ONNX Runtime, chromadb) are imported inside commands,
so `advisor --help` stays fast and `advisor serve` can show its starting page at once.
`--json` output is one JSON document on stdout; errors go to stderr with a non-zero exit.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape  # user text (file names, statements, [placeholders]) is never markup
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer.core import TyperOption

from advisor import __version__
from advisor.config import unknown_variables
from advisor.errors import AdvisorError, DiskFullError, is_disk_full

if TYPE_CHECKING:
    from rich.progress import Progress

    from advisor.config import Settings
    from advisor.service.capabilities import Capabilities
    from advisor.service.runtime import Runtime


def _flags_show_no_type(option: TyperOption, ctx: Any) -> str | None:
    """Typer 0.29 shows `<bool>` beside every on/off flag in --help (`--json <bool>`), which reads
    as if the flag took a value; a flag shows no type. (Typer has no setting for it; a subclass
    would have to be passed to every option, so its one method is replaced here, once.)"""
    return None if option.is_flag else _typer_display_type(option, ctx)


_typer_display_type = TyperOption.display_type_rich
TyperOption.display_type_rich = _flags_show_no_type  # type: ignore[method-assign,assignment]

app = typer.Typer(
    name="advisor",
    help="Coalition Advisor: grounded advice for people who lead coalitions. Works offline by default.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
workspaces_app = typer.Typer(help="List or delete coalition workspaces.", no_args_is_help=True)
app.add_typer(workspaces_app, name="workspaces")
purpose_app = typer.Typer(help="Check or draft a coalition purpose statement.", no_args_is_help=True)
app.add_typer(purpose_app, name="purpose")

out = Console()
err = Console(stderr=True, soft_wrap=True)  # an error stays one line, however narrow the terminal
F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Turn project errors into one clear line on stderr and exit code 1: no stack traces."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AdvisorError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(1) from None
        except Exception as exc:
            if not is_disk_full(exc):
                raise
            logging.getLogger(__name__).debug("disk full", exc_info=True)
            err.print(f"[bold red]error:[/] {escape(str(DiskFullError(func.__name__)))}", highlight=False)
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
    env_file: Annotated[
        Path | None,
        typer.Option(
            "--env-file",
            help="Settings file to read (default: .env in ADVISOR_HOME; never one in the working folder).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    if env_file is not None:
        os.environ["ADVISOR_ENV_FILE"] = str(env_file)  # read by get_settings, here and in workers
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    for name, like in unknown_variables(os.environ):
        hint = f"did you mean {like}?" if like else "README.md lists them; the data folder is ADVISOR_HOME"
        err.print(f"[yellow]note:[/] {name} is not a setting and is ignored ({hint})", highlight=False)


def get_runtime() -> Runtime:
    """A runtime that tells the user on stderr when it does first-run work."""
    from advisor.service.runtime import Runtime

    return Runtime(on_progress=lambda message: err.print(f"[dim]{escape(message)}[/]", highlight=False))


def get_capabilities() -> Capabilities:
    """The capabilities over a fresh runtime (settings from the environment)."""
    from advisor.service.capabilities import Capabilities

    return Capabilities(get_runtime())


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def progress_bar(label: str, *, disable: bool = False) -> Progress:
    """A transient bar on stderr for work over many files (hidden for --json)."""

    return Progress(
        TextColumn(f"[bold]{label}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=disable,
    )


def print_warnings(warnings: Iterable[str]) -> None:
    """Warnings (e.g. a model fallback) go to stderr, so JSON on stdout stays the contract."""
    for warning in warnings:
        err.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)


def eval_runtime(settings: Settings) -> Runtime:
    """A runtime over its own home (`<home>/eval`): eval workspaces never mix with the user's."""
    from advisor.service.runtime import Runtime

    return Runtime(settings.model_copy(update={"home": settings.home / "eval"}))
