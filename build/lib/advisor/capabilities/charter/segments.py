"""Cut a charter into sentences that remember where they sit: heading, section and paragraph.

A heading is a markdown heading, a bold or plain "Label:" at the start of a line that names a
charter element ("**Purpose:** …"), or, in plain text and PDF, a short title-like line that names
one ("Decision Making"). Every sentence keeps its exact position, so a quote taken from it is a
substring of the charter text. List markers and unpaired emphasis marks are trimmed off the ends.
A compound sentence ("… meet each month, and decisions need two-thirds …") also yields its clauses,
marked as such, since each clause may speak of a different element.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from advisor.text.sentences import sentence_spans

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)?")
_BOLD_LABEL = re.compile(r"(?:\*\*|__)([^*_\n]{1,80}?)(?:[:.]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:.])\s*")
_PLAIN_LABEL = re.compile(r"([A-Z][\w /&-]{1,40}?):\s+")
# "Section 4. Voting. …", "Article II: Members. …"
_NUMBERED_LABEL = re.compile(
    r"(?:Section|Article|Part|Clause)\s+[\dIVXLC]+[.:]?\s+([A-Z][\w ,&/-]{1,40}?)[.:]\s+"
)
# Clauses of a compound sentence: "…each month, and decisions need two-thirds…"
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+(?=\w)")
MIN_CLAUSE_WORDS = 4
_TRIM = " \t>"


@dataclass(frozen=True)
class Segment:
    """One sentence of the charter: its exact text and position, and where it sits."""

    text: str
    start: int
    heading: str
    label: str
    section: int
    paragraph: int
    in_list: bool = False
    clause: bool = False


def segment_charter(text: str, names_an_element: Callable[[str], bool]) -> list[Segment]:
    """Sentences in reading order. `names_an_element` says whether a label or a short line is a
    heading (it names a charter element)."""
    segments: list[Segment] = []
    heading, section, paragraph, offset = "", 0, 0, 0
    lines = text.splitlines(keepends=True)
    following_text: list[str] = [""] * len(lines)  # the next non-blank line after each line
    for number in range(len(lines) - 2, -1, -1):
        after = lines[number + 1]
        following_text[number] = after if after.strip() else following_text[number + 1]
    for number, raw in enumerate(lines):
        line_start, offset = offset, offset + len(raw)
        line = raw.rstrip("\r\n")
        if not line.strip():
            paragraph += 1
            continue
        md = _MD_HEADING.match(line)
        if md or _looks_like_heading(line, following_text[number], names_an_element):
            heading = (md.group(2) if md else line).strip(" *_#:\t")
            heading = "" if md and len(md.group(1)) == 1 else heading  # the title heads everything
            section, paragraph = section + 1, paragraph + 1
            continue
        marker = _LIST_MARKER.match(line)
        position = marker.end() if marker else 0
        in_list = position > 0
        label = ""
        labelled = (
            _BOLD_LABEL.match(line, position)
            or _NUMBERED_LABEL.match(line, position)
            or _PLAIN_LABEL.match(line, position)
        )
        line_heading = heading
        if labelled and names_an_element(labelled.group(1)):
            # "**Purpose:** …" heads its line; other labels ("**Coordinator**: …") stay in the quote.
            label, position = labelled.group(1).strip(), labelled.end()
            line_heading = label
        body = line[position:]
        for start, end in sentence_spans(body):
            sentence = _strip_markup(body[start:end])
            if not re.search(r"[A-Za-z]{2}|\?", sentence):  # keep a bare "?" placeholder
                continue
            absolute = line_start + position + start + body[start:end].index(sentence)
            segments.append(Segment(sentence, absolute, line_heading, label, section, paragraph, in_list))
            segments += [
                Segment(part, absolute + at, line_heading, "", section, paragraph, in_list, clause=True)
                for at, part in split_into_clauses(sentence)
            ]
            label = ""  # a label belongs to the first sentence after it
    return segments


def split_into_clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, text) of each clause of a compound sentence, or [] when it has only one."""
    bounds = [0]
    for match in _CLAUSE_BREAK.finditer(sentence):
        # "space, printing, and translation" is a list, not two clauses
        if match.group(0).startswith(",") and "," in sentence[bounds[-1] : match.start()]:
            continue
        bounds += [match.start(), match.end()]
    bounds.append(len(sentence))
    parts = [(bounds[i], sentence[bounds[i] : bounds[i + 1]]) for i in range(0, len(bounds), 2)]
    if len(parts) < 2 or any(len(part.split()) < MIN_CLAUSE_WORDS for _, part in parts):
        return []
    return parts


def _strip_markup(sentence: str) -> str:
    """Trim spaces and unpaired emphasis marks at either end, keeping the text a substring."""
    text = sentence.strip(_TRIM)
    for mark in ("**", "__", "*", "_"):
        if text.count(mark) % 2:
            text = text.removeprefix(mark) if text.startswith(mark) else text.removesuffix(mark)
    return text.strip(_TRIM)


def _looks_like_heading(line: str, following: str, names_an_element: Callable[[str], bool]) -> bool:
    """A short title-like line (no sentence punctuation) that names an element, with text after it."""
    stripped = line.strip(" *_#\t")
    if not stripped or not following.strip() or len(stripped.split()) > 6:
        return False
    if stripped[-1] in ".,;:!?)" or "," in stripped or not stripped[0].isupper():
        return False
    return names_an_element(stripped)
