"""Decision rules with no way out of a deadlock, and power concentrated by payment or in one party."""

from __future__ import annotations

import re

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.defects.finding import MAX_PER_KIND, Finding, quote
from advisor.capabilities.charter.defects.patterns import patterns

_PATTERNS = patterns("power")

# Decision rules with no way out of a deadlock
_UNANIMITY = _PATTERNS["unanimity"]
_RULE_WORDS = _PATTERNS["rule_words"]
_BY_CONSENSUS = _PATTERNS["by_consensus"]
_DECIDES = _PATTERNS["decides"]
_FALLBACK = _PATTERNS["fallback"]


def no_deadlock_rules(text: str, clauses: list[Clause]) -> list[Finding]:
    """A consensus or unanimity rule in a document that names no fallback anywhere (a vote by a stated
    majority, escalation, a decider, mediation): a fallback often stands in another section."""
    if any(_FALLBACK.search(c.text) for c in clauses):
        return []
    found: list[Finding] = []
    for clause in clauses:
        if not (
            _BY_CONSENSUS.search(clause.text)
            or (
                _UNANIMITY.search(clause.text)
                and _DECIDES.search(clause.text)
                and _RULE_WORDS.search(clause.text)
            )
        ):
            continue
        found.append(
            Finding(
                kind="no_deadlock_rule",
                message="This needs consensus or every member's assent, and nothing says what happens "
                "when one "
                "member objects: add a fallback (a vote by a stated majority after a second meeting, or a "
                "named body that decides).",
                quotes=[quote(clause)],
            )
        )
    return found[:2]


# Power concentrated by payment or in one party
_PAID_SEATS = _PATTERNS["paid_seats"]
_APPOINTS = _PATTERNS["appoints"]
_REMOVES = _PATTERNS["removes"]
_ADVISORY_ONLY = _PATTERNS["advisory_only"]


_UNILATERAL = _PATTERNS["unilateral"]


def power_concentration(text: str, clauses: list[Clause]) -> list[Finding]:
    found = [
        Finding(
            kind="power_concentration",
            message="Seats or votes follow what a member pays: say how members who pay less still "
            "get a voice "
            "where decisions are made, or cap any one member's share.",
            quotes=[quote(c)],
        )
        for c in clauses
        if _PAID_SEATS.search(c.text)
    ][:2]
    found += [
        Finding(
            kind="power_concentration",
            message="One person or organisation holds the last word here, with no term or way to replace "
            "them: give the role a term, a way to be replaced, and a body that can overrule it.",
            quotes=[quote(c)],
        )
        for c in clauses
        if _UNILATERAL.search(" ".join(c.text.split()))
    ][:2]
    appoints = [c for c in clauses if _APPOINTS.search(c.text)]
    removes = [c for c in clauses if _REMOVES.search(c.text)]
    if appoints and removes:
        found.append(
            Finding(
                kind="power_concentration",
                message="One office both appoints and removes members: have the members (or a body "
                "they elect) "
                "confirm appointments and decide removals, with a stated ground and a right to be heard.",
                quotes=[quote(appoints[0]), quote(removes[0])]
                if appoints[0] != removes[0]
                else [quote(appoints[0])],
            )
        )
    votes = re.search(r"\bvot(?:e|es|ing)\b", text, re.IGNORECASE)
    for c in clauses:
        if _ADVISORY_ONLY.search(c.text) and re.search(r"\badvis", c.text, re.I) and not votes:
            found.append(
                Finding(
                    kind="power_concentration",
                    message="The people most affected only advise: give them a seat (or a vote) where the "
                    "decisions are made, or say how their advice is answered.",
                    quotes=[quote(c)],
                )
            )
            break
    return found[:MAX_PER_KIND]
