"""Whole sections around retrieved passages, cut into the units an answer can quote whole.

A retrieved chunk is a window of about 200 tokens: it can start at step 5 of a five-step protocol
or end half-way through a clause. An answer is better built from the section the chunk sits in,
put back together from its chunks in reading order (the sentences neighbouring chunks share are
kept once), and cut into units a reader would quote: a paragraph, a list with the line that leads
into it, a long paragraph's run of sentences. Table rows and lead-ins with nothing after them are
not units. Each unit knows the chunk it starts in and the words of it that chunk holds verbatim,
so a citation can still point at a stored chunk and quote it exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor.text.sentences import sentence_spans

MAX_UNIT_WORDS = 120  # a longer paragraph is cut into runs of sentences
MAX_LIST_WORDS = 320  # a longer list keeps the first sentence of each item
MIN_OVERLAP_CHARS = 12  # a shorter shared edge between two chunks is taken for chance
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|\(?[a-z0-9ivx]{1,4}\))\s+\S", re.I)
_TABLE_ROW = re.compile(r"^\s*\|")
LABEL_WORDS = 8  # a line this short, with no sentence's end, right above a list labels it
_SENTENCE_END = re.compile(r"[.!?;]\s*$")


@dataclass(frozen=True)
class SectionChunk:
    """One stored chunk of a section: its id, its place in the document and its text."""

    chunk_id: str
    index: int
    text: str


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a section: its text, the chunk it starts in and what that chunk holds of it."""

    text: str
    start: int  # where it begins in the section: units sort into reading order by it
    chunk_id: str
    quote: str
    is_list: bool


@dataclass(frozen=True)
class _Placed:
    start: int  # where the chunk's text begins in the section text
    chunk: SectionChunk


def assemble(chunks: list[SectionChunk]) -> tuple[str, list[_Placed]]:
    """The section's text from its chunks (shared sentences kept once) and where each chunk sits in it."""
    text = ""
    placed: list[_Placed] = []
    for chunk in sorted(chunks, key=lambda c: c.index):
        if not text:
            placed.append(_Placed(0, chunk))
            text = chunk.text
            continue
        shared = _shared_edge(text, chunk.text)
        if shared:
            placed.append(_Placed(len(text) - shared, chunk))
            text += chunk.text[shared:]
        else:
            joiner = "\n" if text.rstrip().endswith(":") or _LIST_ITEM.match(chunk.text) else " "
            placed.append(_Placed(len(text) + 1, chunk))
            text += joiner + chunk.text
    return text, placed


def unit_text(heading: str, title: str, text: str) -> str:
    """What is embedded of a unit when an answer weighs it: with its heading ("Purpose: ..."), which
    often names its topic."""
    return f"{heading or title}: {text}"


def section_units(chunks: list[SectionChunk]) -> list[Unit]:
    """The quotable units of the section made of `chunks`, in reading order."""
    text, placed = assemble(chunks)
    units: list[Unit] = []
    for start, end, is_list in _spans(text):
        unit_text = text[start:end].strip()
        if not unit_text:
            continue
        owner = next((p for p in reversed(placed) if p.start <= start), placed[0])
        quote = text[start : min(end, owner.start + len(owner.chunk.text))].strip()
        units.append(Unit(unit_text, start, owner.chunk.chunk_id, quote, is_list))
    return units


def _shared_edge(text: str, following: str) -> int:
    """How many leading characters of `following` repeat the end of `text` (0 when none do)."""
    for size in range(min(len(text), len(following)), MIN_OVERLAP_CHARS - 1, -1):
        if (size == len(following) or following[size] in " \n") and text.endswith(following[:size]):
            return size
    return 0


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_list) of each unit: a list with its lead-in, a paragraph, or a run of sentences."""
    lines: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, position + len(line)))
        position += len(line) + 1

    def is_item(k: int) -> bool:
        return bool(_LIST_ITEM.match(text[lines[k][0] : lines[k][1]]))

    spans: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        if not line.strip() or _TABLE_ROW.match(line):
            i += 1
            continue
        list_follows = i + 1 < len(lines) and is_item(i + 1)
        lead_in = not is_item(i) and (line.rstrip().endswith(":") or (list_follows and _is_label(line)))
        after = j = i + 1 if lead_in else i
        while j < len(lines) and is_item(j):
            j += 1
        if j > after:  # a list, kept whole and in order with the line that leads into it
            spans.append((start, lines[j - 1][1], True))
            i = j
            continue
        if not lead_in:  # a lead-in with nothing after it says nothing
            spans.extend(_paragraph_runs(text, start, end))
        i += 1
    return spans


def _is_label(line: str) -> bool:
    """A short line with no sentence's end: right above a list it is the list's label, its lead-in
    ("What went well" over its bullets was quoted alone, as if it answered a question)."""
    return (
        0 < len(line.split()) <= LABEL_WORDS
        and not _SENTENCE_END.search(line)
        and any(c.isalpha() for c in line)
        and not line.lstrip().startswith(("```", "~~~"))  # a code fence labels nothing
    )


def _paragraph_runs(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """A paragraph as one unit, or as runs of whole sentences when it is long."""
    if len(text[start:end].split()) <= MAX_UNIT_WORDS:
        return [(start, end, False)]
    runs: list[tuple[int, int, bool]] = []
    run_start, words, previous_end = None, 0, start
    for s, e in sentence_spans(text[start:end]):
        size = len(text[start + s : start + e].split())
        if run_start is not None and words + size > MAX_UNIT_WORDS // 2:
            runs.append((run_start, previous_end, False))
            run_start, words = None, 0
        if run_start is None:
            run_start = start + s
        previous_end = start + e
        words += size
    if run_start is not None:
        runs.append((run_start, previous_end, False))
    return runs


def shorten_list(unit_text: str) -> str:
    """A long list read as its lead-in and the first sentence of each item, in order."""
    if len(unit_text.split()) <= MAX_LIST_WORDS:
        return unit_text
    kept = []
    for line in unit_text.split("\n"):
        spans = sentence_spans(line)
        kept.append(line[: spans[0][1]] if spans else line)
    return "\n".join(kept)
