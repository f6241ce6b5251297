"""Skipped or repeated numbering, and promised counts that the list that follows does not match."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.defects.finding import MAX_PER_KIND, Finding, quote
from advisor.capabilities.charter.defects.patterns import patterns

_PATTERNS = patterns("structure")

# Numbering of articles, sections and lettered items
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_NUMBERED_LINE = _PATTERNS["numbered_line"]
_INLINE_LETTER = _PATTERNS["inline_letter"]


def _value(token: str) -> int:
    if token.isdigit():
        return int(token)
    values = [_ROMAN[c] for c in token.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def numbering(text: str, clauses: list[Clause]) -> list[Finding]:
    sequences: dict[str, list[tuple[int, str]]] = {}
    found: list[Finding] = []
    for match in _NUMBERED_LINE.finditer(text):
        end = text.find("\n", match.start())
        line = text[match.start() : end if end >= 0 else len(text)].strip()
        if match.group("word"):
            # "Section 3.2" continues the run of "Section 3.x"; each level is numbered on its own
            prefix, _, last = match.group("num").rpartition(".")
            key = f"{match.group('level') or ''}{match.group('word').lower()} {prefix}"
            value = _value(last)
        elif match.group("heading"):
            key, value = f"heading {match.group('hashes')}", int(match.group("heading"))
            if value >= 1000:  # a year ("#### 2016 – 2021"), not a number in a sequence
                continue
        elif match.group("dotted"):  # "11.4" continues the run of "11.x"
            prefix, _, last = match.group("dotted").rpartition(".")
            key, value = f"dotted {prefix}", int(last)
            misplaced = _misplaced(prefix, value, sequences)
            if misplaced:
                found.append(
                    Finding(
                        kind="numbering",
                        message="This part is numbered under a section that ended earlier: move it back "
                        "under that section, or renumber it.",
                        quotes=[quote(misplaced), quote(line)],
                    )
                )
        else:
            key, value = "letter", ord(match.group("letter").lower()) - ord("a") + 1
        sequences.setdefault(key, []).append((value, line))
    for clause in clauses:  # "(a) …; (b) …; and (d) …" inside one clause
        letters = [
            (ord(m.group(1)) - ord("a") + 1, clause.text) for m in _INLINE_LETTER.finditer(clause.text)
        ]
        if len(letters) >= 3:
            sequences[f"inline {clause.start}"] = letters
    for key, items in sequences.items():
        for (before, first), (after, second) in pairwise(items):
            restart = after == 1 and before != 1
            if (
                after == before + 1
                or restart
                or _numbered_inline(key, range(before + 1, after), first)
                or (after == before and first == second and not first.startswith("#"))
            ):
                continue
            problem = (
                "is repeated" if after == before else "skips" if after > before + 1 else "goes backwards"
            )
            quotes = [quote(first)] if first == second else [quote(first), quote(second)]
            found.append(_numbering_finding(problem, quotes))
    quoted = {q for finding in found for q in finding.quotes}
    for problem, first, second in _list_gaps(text):
        if quote(second) not in quoted:
            found.append(_numbering_finding(problem, [quote(first), quote(second)]))
    return found[:MAX_PER_KIND]


def _numbering_finding(problem: str, quotes: list[str]) -> Finding:
    return Finding(
        kind="numbering",
        message=f"The numbering {problem} here: renumber, or say what happened to the missing part.",
        quotes=quotes,
    )


# an item of a plain ordered list: "4. The EE decides ...", "4) The AWG will submit ...", "4). The manner of"
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<number>\d{1,2})(?:\.|\)\.?)[ \t]+\S")


def _list_gaps(text: str) -> list[tuple[str, str, str]]:
    """Ordered-list items whose printed numbers skip or repeat ("4. ..." then "6. ...", "3." twice) within
    one list: a step lost in editing. A list numbered "1." throughout (Markdown's own numbering) and a
    list that starts again at 1 are no gap; a heading ends every list above it."""
    gaps: list[tuple[str, str, str]] = []
    last: dict[int, tuple[int, str]] = {}  # indent -> (number, line) of the list's latest item
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            last = {}
            continue
        item = _LIST_ITEM.match(line)
        if not item:
            continue
        indent, number = len(item.group("indent").expandtabs(4)), int(item.group("number"))
        last = {level: seen for level, seen in last.items() if level <= indent}
        if indent in last:
            before, previous = last[indent]
            if number == before and number != 1:
                gaps.append(("is repeated", previous.strip(), line.strip()))
            elif number > before + 1:
                gaps.append(("skips", previous.strip(), line.strip()))
        last[indent] = (number, line)
    return gaps


def _misplaced(prefix: str, value: int, sequences: dict[str, list[tuple[int, str]]]) -> str | None:
    """The line that came last at the parent's level when a subsection opens under an earlier section
    ("### 2.3.1" after "### 2.5"): that line, else None."""
    parent, _, number = prefix.rpartition(".")
    siblings = sequences.get(f"dotted {parent}") if parent and value == 1 else None
    if siblings and number.isdigit() and siblings[-1][0] > int(number):
        return siblings[-1][1]
    return None


def _numbered_inline(key: str, missing: range, line: str) -> bool:
    """ "14.10.1 A shareholder may vote ... 14.10.2 A proxy must ...": the numbers a dotted run seems
    to skip stand inside the line before, not at the start of a line of their own."""
    prefix = key.removeprefix("dotted ")
    return (
        key.startswith("dotted ")
        and len(missing) > 0
        and all(re.search(rf"(?<![\d.]){re.escape(prefix)}\.{n}(?![\d])", line) for n in missing)
    )


# Promised counts that do not match the list that follows
_COUNTS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
}
_PROMISE = _PATTERNS["promise"]
# "any of the following decisions ... shall be valid only if": a list announced in running text
_ANNOUNCED_LIST = _PATTERNS["announced_list"]
LIST_WITHIN = 2  # clauses after the announcement in which its list or table may start


def list_mismatches(text: str, clauses: list[Clause]) -> list[Finding]:
    found: list[Finding] = []
    for i, clause in enumerate(clauses):
        match = _PROMISE.search(clause.text)
        if not match or clause.in_list:
            continue
        count = (
            int(match.group("count"))
            if match.group("count").isdigit()
            else _COUNTS[match.group("count").lower()]
        )
        items: list[Clause] = []
        for item in clauses[i + 1 :]:
            if not item.in_list or item.heading != clause.heading:
                break
            if not items or item.block != items[-1].block:
                items.append(item)
        if items and len(items) != count:
            found.append(
                Finding(
                    kind="list_mismatch",
                    message=f"It promises {match.group('count')} but lists {len(items)}: fix the count "
                    "or the list.",
                    quotes=[quote(clause), quote(items[-1])],
                )
            )
    found += [
        Finding(
            kind="list_mismatch",
            message="It announces a list (“the following …”) and no list follows: add the items or "
            "drop the announcement.",
            quotes=[quote(clause)],
        )
        for clause in _announced_without_list(clauses)
    ]
    return found[:MAX_PER_KIND]


def _announced_without_list(clauses: list[Clause]) -> list[Clause]:
    """Clauses of running text that announce "the following decisions" with no colon and list after
    them (the list was never written, or was lost)."""
    found = []
    for i, clause in enumerate(clauses):
        match = _ANNOUNCED_LIST.search(clause.text)
        if not match or clause.in_list or ":" in clause.text[match.end() :]:
            continue
        after = clauses[i + 1 : i + 1 + LIST_WITHIN]
        if not any(c.in_list or c.text.lstrip().startswith("|") for c in after):
            found.append(clause)  # no list and no table after it
    return found


# Plans and "as of" statements whose date has passed (GUIDE 3.1, other: a stale list or plan
# presented as current)
_DATED_PLAN = _PATTERNS["dated_plan"]
_DISOWNED = _PATTERNS["disowned"]
STALE_AFTER_YEARS = 2  # a plan dated this many years before today is stale
MAX_STALE = 2


def stale_dates(text: str, clauses: list[Clause], today: date | None = None) -> list[Finding]:
    """Plans ("will be developed starting in 2024", "we plan to revise ... by October 2018") and
    "as of" statements whose year is long past: the text presents them as current; and a text that
    disowns itself ("This is effectively deprecated") while it stands as the governing one."""
    year = (today or date.today()).year
    found: list[Finding] = []
    # headings too: "### Current Chair(s) as of November 2023:" heads a list presented as current
    headings = [m.group(1).strip() for m in re.finditer(r"^#{1,6}[ \t]+(.+)$", text, re.MULTILINE)]
    for words in [clause.text for clause in clauses] + headings:
        match = _DATED_PLAN.search(words)
        dated = match and (match.group("year") or match.group("year2"))
        if dated and int(dated) <= year - STALE_AFTER_YEARS:
            found.append(
                Finding(
                    kind="other",
                    message=f"This is dated {dated} and reads as current: say what "
                    "happened, or update the plan and its date.",
                    quotes=[quote(words)],
                )
            )
    # (the whole text: such a banner often stands above the title, where no clause is cut)
    disowned = _DISOWNED.search(text)
    if disowned:
        line_start = text.rfind("\n", 0, disowned.start()) + 1
        line_end = text.find("\n", disowned.end())
        line = text[line_start : len(text) if line_end < 0 else line_end].strip(" *_#>🚨")
        found.insert(
            0,
            Finding(
                kind="other",
                message="This text says it is deprecated or not the latest version, yet it stands as "
                "the governing text: replace it with the current one, or say which text governs.",
                quotes=[quote(line)],
            ),
        )
    return found[:MAX_STALE]


# A sentence cut off mid-way (GUIDE 3.1, other): a paragraph or list item ends on an article, a
# preposition or a modal ("Membership in the Company is a", "No later than early April, the")
_CUT_OFF = _PATTERNS["cut_off"]
_LIST_FOLLOWS = _PATTERNS["list_follows"]
_PARAGRAPH_END = _PATTERNS["paragraph_end"]
_ARTICLE_AFTER_COMMA = re.compile(r",\s+(?:the|a|an)[*_]*\s*$", re.IGNORECASE)
MIN_CUT_OFF_WORDS = 4
MAX_CUT_OFF = 2


def cut_off_sentences(text: str, clauses: list[Clause]) -> list[Finding]:
    """Paragraphs and list items that stop before their sentence ends."""
    found: list[Finding] = []
    for clause in clauses:
        words = clause.text.strip()
        if (
            len(words.split()) >= MIN_CUT_OFF_WORDS
            and not words.startswith(("|", "#"))
            and _CUT_OFF.search(words)
            and _PARAGRAPH_END.match(text, clause.end)
            # ("Once a project is approved, the" then a list: no list goes on from a clause's article)
            and (not _LIST_FOLLOWS.match(text, clause.end) or _ARTICLE_AFTER_COMMA.search(words))
        ):
            found.append(
                Finding(
                    kind="other",
                    message="This sentence stops before it ends: finish it, or delete it if it was "
                    "left from an edit.",
                    quotes=[quote(clause)],
                )
            )
    return found[:MAX_CUT_OFF]
