"""The findings a reviewer is paid for, each with the clauses that show it quoted.

Each detector reads the clauses (and, for numbering, the document's own headings and list labels)
and returns `Finding`s of one kind, the kinds of the labelling guide (`evals/corpus/GUIDE.md` §3):
placeholders and editor residue, skipped or repeated numbering, promised lists that do not match,
delegation to another document with nothing local, power concentrated in one party or by payment,
decision rules with no way out of a deadlock, references to bodies or policies never defined, and
clauses that contradict each other. Detectors favour precision: a finding is shown to a reviewer,
so each one names what it saw and quotes it.
"""

from __future__ import annotations

import re

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.defects.finding import (
    MAX_PER_KIND,
    MAX_QUOTE_CHARS,
    Detector,
    Finding,
    quote,
)
from advisor.capabilities.charter.defects.placeholders import placeholders, unfinished_text
from advisor.capabilities.charter.defects.power import no_deadlock_rules, power_concentration
from advisor.capabilities.charter.defects.references import contradictions, undefined_references
from advisor.capabilities.charter.defects.structure import (
    cut_off_sentences,
    list_mismatches,
    numbering,
    stale_dates,
)

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

__all__ = [
    "DETECTORS",
    "MAX_PER_KIND",
    "MAX_QUOTE_CHARS",
    "Finding",
    "delegation_finding",
    "find_defects",
    "quote",
]

DETECTORS: tuple[Detector, ...] = (
    contradictions,
    undefined_references,
    numbering,
    placeholders,
    unfinished_text,
    list_mismatches,
    power_concentration,
    no_deadlock_rules,
    stale_dates,
    cut_off_sentences,
)


def find_defects(text: str, clauses: list[Clause]) -> list[Finding]:
    """Every detector's findings, in the guide's order of kinds. Commented-out text is not part of the
    document (GUIDE 7.9): only the comments themselves are read, as editor residue."""
    hidden = [m.span() for m in _HTML_COMMENT.finditer(text)]
    shown = [c for c in clauses if not any(start <= c.start < end for start, end in hidden)]
    return [finding for detector in DETECTORS for finding in detector(text, shown)]


def delegation_finding(element_name: str, clause: Clause) -> Finding:
    """An element left to another document with nothing local (found by the review, which knows statuses)."""
    return Finding(
        kind="delegation_only",
        message=f"{element_name} is left to another document with nothing stated here: summarise the key "
        "rule (who decides, how, when) in this document and keep the link for details.",
        quotes=[quote(clause)],
    )
