"""A finding: one defect of a charter, with the document's own words that show it."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, Field

from advisor.capabilities.charter.clauses import Clause

MAX_PER_KIND = 8
MAX_QUOTE_CHARS = 300


class Finding(BaseModel):
    """One defect of the document, with its clauses quoted."""

    kind: str = Field(
        description="placeholder, numbering, list_mismatch, delegation_only, power_concentration, "
        "no_deadlock_rule, undefined_reference or contradiction."
    )
    message: str = Field(description="What is wrong and what to do about it.")
    quotes: list[str] = Field(description="The document's own words that show it (exact quotes).")


Detector = Callable[[str, list[Clause]], list[Finding]]


def quote(clause: Clause | str) -> str:
    """A clause's text, cut at a word boundary to at most `MAX_QUOTE_CHARS` (still a substring)."""
    text = clause.text if isinstance(clause, Clause) else clause
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_QUOTE_CHARS)
    return text[: cut if cut > 0 else MAX_QUOTE_CHARS]
