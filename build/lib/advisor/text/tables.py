"""Markdown table cells: one line, pipes escaped."""

from __future__ import annotations


def table_cell(text: str | None) -> str:
    """`text` safe inside a markdown table cell: white space folded to one line, `|` escaped."""
    return " ".join((text or "").split()).replace("|", "\\|")
