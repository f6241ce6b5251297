"""Table cells: markdown cells on one line with pipes escaped, and CSV that a spreadsheet cannot run.

A CSV cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return) is read as a formula by
Excel, LibreOffice and Sheets: a charter named `=HYPERLINK(...)` would run in the reader's
spreadsheet. Every CSV the advisor writes goes through `csv_text`, which prefixes such cells with
an apostrophe (OWASP's advice); numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def table_cell(text: str | None) -> str:
    """`text` safe inside a markdown table cell: white space folded to one line, `|` escaped."""
    return " ".join((text or "").split()).replace("|", "\\|")


def csv_cell(value: object) -> object:
    """`value` safe in a CSV cell: text a spreadsheet would read as a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV text, every cell neutralised by `csv_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()
