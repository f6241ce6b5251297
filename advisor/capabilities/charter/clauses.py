"""Cut a governance document into clauses: the units a reviewer quotes and the classifier reads.

A clause is one sentence of a paragraph, one list item, or one table row, with the heading it sits
under. Paragraphs are read whole, so a sentence hard-wrapped across lines (markdown, plain text, a
PDF's lines) stays one clause instead of fragments ("non-voting capacity."). Every clause keeps its
exact span, so its text is a substring of the document. Tables of contents, link definitions,
citation blocks, metadata fields, horizontal rules, fence lines and site directives are not clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor.text.sentences import sentence_spans

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)([^*_\n]{2,90})(?:\*\*|__)\s*:?\s*$")
_NUMBERED_HEADING = re.compile(
    r"^\s*(?:(?:article|section|part|chapter|clause|schedule|annex)\s+[\dIVXLCivxlc]+[a-z]?|[\dIVX]+(?:\.\d+)*)"
    r"[.:)]?\s+[A-Z][^.!?]{0,80}$",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(
    r"^(\s*)(?:[-*+•]\s+|\(?\d{1,2}[.)]\s+|\(?[a-zA-Z]\)\s+|[a-z][.]\s+|\(?[ivx]+\)\s+)"
)
_TOC_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*\[[^\]]+\]\(#[^)]*\)\s*$")
_META_LINE = re.compile(
    r"^\s*(?::\w[\w -]*:|(?:status|author|authors|created|last[ -]modified|start date)\s*:)", re.I
)
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{3,}")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")  # "[w3c]: https://…" (a link target, not text)
_CITATION = re.compile(r"^\s*@\w+\{|^\s*(?:title|author|year|journal|doi|url|publisher)\s*=\s*[{\"]", re.I)
_DIRECTIVE = re.compile(r"^\s*(?:\.\.\s+\w+::|\{[{%<][^}]*[}%>]\}\s*$|<!--|\{\w[\w-]*\})")
_BARE_PLACEHOLDER = re.compile(
    r"\W*(?:TB[DCA]|\?+|\.\.\.|…|XXX|TODO)\W*", re.IGNORECASE
)  # a clause though one word
_TRIM = " \t>|"
MAX_HEADING_WORDS = 10


@dataclass(frozen=True)
class Clause:
    """One quotable unit of a document: its exact text and position, and the heading over it."""

    text: str
    start: int
    heading: str
    block: int
    in_list: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_clauses(text: str) -> list[Clause]:
    """The clauses of `text` in reading order."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for raw in lines:
        offsets.append(offsets[-1] + len(raw))
    clauses: list[Clause] = []
    heading, block = "", 0
    current: list[int] = []  # line numbers of the block being read
    in_list = False

    def flush() -> None:
        nonlocal current, block
        if current:
            clauses.extend(
                _block_clauses(text, offsets[current[0]], offsets[current[-1] + 1], heading, block, in_list)
            )
            block += 1
        current = []

    for number, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if _FENCE.match(line):  # fenced text is kept: templates are often shown in a fence
            flush()
            continue
        following = lines[number + 1].rstrip("\r\n") if number + 1 < len(lines) else ""
        if not line.strip():
            flush()
            continue
        if _SETEXT.match(following) and not current and line.strip() and not _LIST_MARKER.match(line):
            flush()
            heading = _heading_text(line)
            continue
        if _SETEXT.match(line) or _RULE.match(line) or _TOC_LINE.match(line) or _DIRECTIVE.match(line):
            flush()
            continue
        if _LINK_DEFINITION.match(line) or _CITATION.match(line):
            flush()
            continue
        if _META_LINE.match(line):
            flush()
            continue
        md = _MD_HEADING.match(line)
        bold = _BOLD_LINE.match(line)
        previous_blank = number == 0 or not lines[number - 1].strip()
        if md or bold or (previous_blank and _is_title_line(line, following)):
            flush()
            heading = _heading_text(md.group(2) if md else bold.group(1) if bold else line)
            continue
        if line.lstrip().startswith("|"):  # a table row is a block of its own
            flush()
            current, in_list = [number], True
            flush()
            continue
        marker = _LIST_MARKER.match(line)
        if marker:
            flush()
            in_list = True
        elif not current:
            in_list = False
        current.append(number)
    flush()
    return clauses


def _block_clauses(text: str, start: int, end: int, heading: str, block: int, in_list: bool) -> list[Clause]:
    body = text[start:end]
    marker = _LIST_MARKER.match(body)
    skip = marker.end() if marker else 0
    found: list[Clause] = []
    for s, e in sentence_spans(body[skip:]):
        piece = body[skip + s : skip + e]
        sentence = _strip_markup(piece)
        words = len(re.findall(r"[A-Za-z]{2,}", sentence))
        if words < (1 if in_list else 2) and not _BARE_PLACEHOLDER.fullmatch(sentence):
            continue
        at = start + skip + s + piece.index(sentence)
        found.append(Clause(sentence, at, heading, block, in_list))
    return found


def _is_title_line(line: str, following: str) -> bool:
    """A short title-like line of plain text or PDF ("Decision Making", "3. Membership")."""
    stripped = line.strip(" *_#\t")
    if not stripped or len(stripped.split()) > MAX_HEADING_WORDS or not following.strip():
        return False
    if _NUMBERED_HEADING.match(stripped):
        return True
    if stripped[-1] in ".,;!?)" or not stripped[0].isupper() or _LIST_MARKER.match(line):
        return False
    words = re.findall(r"[A-Za-z]+", stripped)
    capitals = sum(w[0].isupper() for w in words)
    return bool(words) and (capitals >= len(words) / 2 or stripped.endswith(":"))


def _heading_text(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.strip(" *_#:\t=")).strip()


def _strip_markup(sentence: str) -> str:
    """Trim spaces and unpaired emphasis marks at either end, keeping the text a substring."""
    text = sentence.strip(_TRIM + "\r\n")
    for mark in ("**", "__", "*", "_"):
        if text.count(mark) % 2:
            text = text.removeprefix(mark) if text.startswith(mark) else text.removesuffix(mark)
    return text.strip(_TRIM + "\r\n")
