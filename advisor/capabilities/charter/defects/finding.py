"""A finding: one defect of a charter, with the document's own words that show it."""

from __future__ import annotations

import re
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


def quote(clause: Clause | str, around: str | None = None) -> str:
    """A clause's text, cut at a word boundary to at most `MAX_QUOTE_CHARS` (still a substring).

    `around` names the words that show the defect: in a long clause the quote is the sentence that
    holds them (a bylaw's "set forth in Section 12.2 above" four hundred characters into its section),
    not the clause's opening."""
    text = clause.text if isinstance(clause, Clause) else clause
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    at = text.find(around) if around else -1
    if at < 0 or at + len(around or "") <= text.rfind(" ", 0, MAX_QUOTE_CHARS):
        cut = text.rfind(" ", 0, MAX_QUOTE_CHARS)
        return text[: cut if cut > 0 else MAX_QUOTE_CHARS]
    return _sentence_around(text, at, at + len(around or ""))


MIN_SENTENCE_CHARS = 80
_SENTENCE_END = re.compile(r"[.;:!?](?=\s)|\n\s*\n")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end], kept within `MAX_QUOTE_CHARS` around it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    stop = next((m.end() for m in _SENTENCE_END.finditer(text, end)), len(text))
    begin = ends.pop() if ends else 0
    while ends and stop - begin < MIN_SENTENCE_CHARS:  # a fragment ("$x=Advanced#0-0-0-75841) )."): widen
        begin = ends.pop()
    if stop - begin > MAX_QUOTE_CHARS:  # a run-on sentence: the words around the match only
        begin = max(begin, end - MAX_QUOTE_CHARS // 2 if end - start < MAX_QUOTE_CHARS // 2 else start)
        if begin > 0 and not text[begin - 1].isspace():  # start on a word
            begin = min(start, text.find(" ", begin) + 1 or start)
        stop = min(stop, begin + MAX_QUOTE_CHARS)
        if stop < len(text) and not text[stop].isspace():
            stop = max(end, text.rfind(" ", begin, stop))
    return text[begin:stop].strip()


# a clause this short ("TBD", "- [ ]") says nothing of where it stands: quote the lines before it too,
# as a labeller would (GUIDE 7.10), so the quote points at one place in the document
MIN_QUOTE_WORDS = 4
CONTEXT_LINES = 2


def quote_in_context(clause: Clause, text: str, around: str | None = None) -> str:
    """The clause's quote (the sentence holding `around` in a long one), or, for a clause of a few
    words, the clause with the lines just before it."""
    if len(clause.text.split()) >= MIN_QUOTE_WORDS or text[clause.start : clause.end] != clause.text:
        return quote(clause, around)
    start = clause.start
    for _ in range(CONTEXT_LINES):
        previous = text.rfind("\n", 0, max(0, text.rfind("\n", 0, start)))
        while previous > 0 and not text[previous + 1 : text.find("\n", previous + 1)].strip():
            previous = text.rfind("\n", 0, previous)  # skip blank lines
        start = previous + 1
        heading = text[start:].lstrip().startswith("#")  # a heading says where it is: nothing above it
        if previous < 0 or heading or len(text[start : clause.end].split()) >= 2 * MIN_QUOTE_WORDS:
            break
    context = text[max(0, start) : clause.end].strip()
    if len(context) <= MAX_QUOTE_CHARS:
        return context
    cut = context.find(" ", len(context) - MAX_QUOTE_CHARS)
    return context[cut + 1 :] if cut >= 0 else context[-MAX_QUOTE_CHARS:]
