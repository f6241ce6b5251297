"""The options several `advisor` commands share."""

from __future__ import annotations

from typing import Annotated

import typer

from advisor.errors import WorkspaceError
from advisor.store.names import normalize_workspace_name


def workspace_name(value: str | None) -> str | None:
    """A workspace option normalised and validated like the web app's names (`store.names`)."""
    if value is None:
        return None
    try:
        return normalize_workspace_name(value)
    except WorkspaceError as exc:
        raise typer.BadParameter(str(exc)) from None


WorkspaceOption = Annotated[
    str | None,
    typer.Option(
        "--workspace",
        "-w",
        help="Coalition workspace to draw on (its uploaded documents).",
        callback=workspace_name,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
