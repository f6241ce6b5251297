"""The options several `advisor` commands share."""

from __future__ import annotations

from typing import Annotated

import typer

WorkspaceOption = Annotated[
    str | None,
    typer.Option("--workspace", "-w", help="Coalition workspace to draw on (its uploaded documents)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
