"""Positions that pull against each other: one member opposes, or wants to stop, what another member's
position would do to the same street, river or programme ("Oppose removing on-street parking on Main
Street" beside "Build protected bike lanes on Main Street"). Each pair becomes a question to ask,
since positions in conflict often hide interests that can both be met."""

from __future__ import annotations

import re
from itertools import permutations

from advisor.documents.coalition import Member, Roster
from advisor.text.stemming import stem_words

# a position against something: "Oppose ...", "No mandatory buffers", "Stop the dam removal"
_AGAINST = re.compile(
    r"^\s*(?:oppose|opposes|opposing|against|stop|block|no|halt|reject|resist|keep|protect|preserve|save)\b",
    re.IGNORECASE,
)
# a named thing both speak of ("Main Street", "Willow Creek", "the mill dam"): capitalised words
_NAMED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+\b")
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "and",
        "or",
        "with",
        "by",
        "from",
        "our",
        "their",
        "its",
        "any",
        "all",
        "no",
        "not",
        "more",
        "less",
        "new",
        "oppose",
        "stop",
        "keep",
        "protect",
        "preserve",
        "save",
        "block",
        "halt",
        "reject",
        "resist",
        "against",
    ]
)
MAX_CLASHES = 3


def clashing_positions(roster: Roster) -> list[str]:
    """Questions about pairs of members whose positions pull against each other (at most three)."""
    questions: list[str] = []
    seen: set[frozenset[str]] = set()
    for a, b in permutations(roster.members, 2):
        for against in a.positions:
            if not _AGAINST.match(against):
                continue
            for position in b.positions:
                shared = _shared(against, position)
                pair = frozenset((a.name, b.name))
                if _AGAINST.match(position) or not shared or pair in seen:
                    continue
                seen.add(pair)
                questions.append(_question(a, against, b, position, shared))
    return questions[:MAX_CLASHES]


def _shared(against: str, position: str) -> str | None:
    """What two positions both concern: a name both use, else two content words in common."""
    names = {m.group(0) for m in _NAMED.finditer(against)} & {m.group(0) for m in _NAMED.finditer(position)}
    if names:
        return sorted(names, key=len)[-1]
    words = set(_content(against)) & set(_content(position))
    return None if len(words) < 2 else ", ".join(sorted(words))


def _content(text: str) -> list[str]:
    return stem_words([w for w in re.findall(r"[a-z][\w'-]+", text.lower()) if w not in _FUNCTION])


def _question(a: Member, against: str, b: Member, position: str, shared: str) -> str:
    return (
        f"{a.name} takes the position '{against}' while {b.name} takes '{position}': both concern "
        f"{shared}. What does each need underneath, and is there an option that meets both before the "
        "positions harden?"
    )
