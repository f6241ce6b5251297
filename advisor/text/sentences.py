"""The one sentence splitter: where sentences end in prose, as spans or as strings.

A sentence ends at `.`, `!` or `?` (with any closing quote or bracket) before white space and a
capital letter, a digit or an opening quote, also after a number ("…to 300. Landlords…"). A full stop
after an abbreviation ("St.", "e.g.", "Jan.") or an initial ("J.", "U.S.") does not end one.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?][\"'’”)\]]*\s+(?=[\"'‘“(\[*_]?[A-Z0-9$])")
_ABBREVIATIONS = frozenset(
    re.findall(
        r"[\w.]+",
        "st mr mrs ms dr prof no nos vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec inc ltd "
        "co corp jr sr gov sen rep ave rd dept approx incl fig a.m p.m mt ft "
        # titles before a name: "Rev. Porter emailed Dana" was cut after "Rev."
        "rev fr msgr sgt capt lt cllr hon supt",
    )
)
_LOOK_BACK = 40  # characters before a full stop that can hold an abbreviation or initials
_INITIALS = re.compile(r"(?:^|[\s(\"'“‘])(?:[A-Za-z]\.){0,3}[A-Za-z]$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph; ends exclude the white space between."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        # only the last few words can make an abbreviation: a bounded look-back keeps a long line
        # of "Dr. " or "e.g. " linear instead of rescanning everything since the last sentence end
        before = text[max(start, match.start() - _LOOK_BACK) : match.start()]
        if text[match.start()] == "." and _ends_in_abbreviation(before):
            continue
        end = match.start() + len(match.group(0).rstrip())
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped; each line is split on its own (list items stay whole)."""
    sentences: list[str] = []
    for line in text.splitlines():
        sentences.extend(line[s:e].strip() for s, e in sentence_spans(line) if line[s:e].strip())
    return sentences


def _ends_in_abbreviation(before: str) -> bool:
    words = before.split()
    if not words:
        return False
    last = words[-1].lower().lstrip("(\"'“‘")
    # "(WMO-No. 1131)": an abbreviation at the end of a hyphenated name
    hyphenated = last.rsplit("-", 1)[-1]
    return last in _ABBREVIATIONS or hyphenated in _ABBREVIATIONS or bool(_INITIALS.search(before))
