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
    """A consensus or unanimity rule with no fallback beside it (a vote by a stated majority,
    escalation, a decider, mediation) in its own section or the clauses after it: a side rule
    ("membership changes need unanimous consent") is stuck as surely as the main one."""
    stuck: list[Clause] = []
    sections: set[str] = set()
    # a fallback elsewhere ("## Disputes: if the partners cannot agree, a vote decides") covers the
    # decision rules; a side matter that needs everyone (amending, admitting, removing) stays stuck
    general = any(_way_out(c.text) and _ABOUT_AGREEING.search(c.text) for c in clauses)
    for number, clause in enumerate(clauses):
        if not _needs_everyone(clause.text) or _SOUGHT.search(clause.text) or clause.heading in sections:
            continue
        if general and not _SIDE_MATTER.search(clause.text):
            continue
        sections.add(clause.heading)  # one per section: a section about consensus restates it
        section = [c for c in clauses if clause.heading and c.heading == clause.heading]
        if any(_way_out(c.text) for c in [*clauses[number : number + FALLBACK_REACH], *section]):
            continue
        stuck.append(_the_rule(clause, clauses[number:], section))
    if not stuck:
        return []
    # one finding that quotes every such rule: the same gap, told once (a reviewer fixes it once)
    rules = "This needs" if len(stuck) == 1 else f"These {len(stuck)} rules need"
    return [
        Finding(
            kind="no_deadlock_rule",
            message=f"{rules} consensus or every member's assent, and nothing says what happens when one "
            "member objects: add a fallback (a vote by a stated majority after a second meeting, or a "
            "named body that decides).",
            quotes=list(dict.fromkeys(quote(c) for c in stuck))[:QUOTES_PER_FINDING],
        )
    ]


# "by consensus where possible; otherwise ...", "Groups shall endeavour to reach consensus": sought,
# not required
_SOUGHT = re.compile(
    r"\b(?:otherwise|where possible|wherever possible|if possible|normally|in general|generally|usually|"
    r"strives?|endeavou?r|tr(?:y|ies)|aims?|seeks?|by default|prefer\w*)\b",
    re.IGNORECASE,
)
_SIDE_MATTER = re.compile(
    r"\b(?:amend\w*|chang\w+ (?:to )?(?:this|the) (?:charter|agreement|document|governance|membership)|"
    r"admi(?:t|ssion|tted)|remov\w+|membership|territor\w+|scope|dissol\w+|elect\w*|appoint\w*)\b",
    re.IGNORECASE,
)
QUOTES_PER_FINDING = 8  # the rules with no way out quoted in the one finding
FALLBACK_REACH = 3  # the clause and the two after it: "If consensus cannot be reached, ..."
# a fallback that covers the decision rules speaks of agreeing: "if the partners cannot agree, a vote
# decides" (never "amendments need a two-thirds majority", which leaves a consensus rule stuck)
# ("This Agreement", a defined term, is not about agreeing)
_ABOUT_AGREEING = re.compile(
    r"\b(?:consensus|(?!(?-i:Agreement))agree\w*|disagree\w*|disputes?|deadlock\w*|objections?)\b",
    re.IGNORECASE,
)


# "If the consensus cannot be reached, the motion is dropped": the rule fails, nothing decides
_DEAD_END = re.compile(
    r"\b(?:cannot|can't|can not|not|fails? to)\s+(?:be\s+)?(?:reach|found|achiev)\w*[^.;]{0,60}?"
    r"\b(?:is|are|will be|shall be)\s+"
    r"(?:dropped|rejected|withdrawn|closed|abandoned|tabled|not\s+(?:adopted|approved|accepted))\b",
    re.IGNORECASE,
)


def _the_rule(first: Clause, rest: list[Clause], section: list[Clause]) -> Clause:
    """The clause of a section that states its consensus rule as a rule ("Proposals not meeting the
    required consensus may be deferred or rejected"), before one that only names consensus ("The
    proposal achieves community consensus.")."""
    if _RULE_WORDS.search(first.text) and _DECIDES.search(first.text):
        return first
    for clause in rest:
        text = clause.text
        rule = _needs_everyone(text) and _RULE_WORDS.search(text) and _DECIDES.search(text)
        if clause in section and rule and not _SOUGHT.search(text):
            return clause
    return first


def _way_out(text: str) -> bool:
    """Whether `text` says what happens when agreement fails, and that is a decision, not a dead end."""
    return bool(_FALLBACK.search(text)) and not _DEAD_END.search(text)


def _needs_everyone(text: str) -> bool:
    return bool(
        _BY_CONSENSUS.search(text)
        or (_UNANIMITY.search(text) and _DECIDES.search(text) and _RULE_WORDS.search(text))
    )


# Power concentrated by payment or in one party
_PAID_SEATS = _PATTERNS["paid_seats"]
_APPOINTS = _PATTERNS["appoints"]
_REMOVES = _PATTERNS["removes"]
_ADVISORY_ONLY = _PATTERNS["advisory_only"]


_UNILATERAL = _PATTERNS["unilateral"]


# "The Project will have a BDFL (Benevolent Dictator for Life)": the role named, not yet its power
_NAMES_THE_ROLE = re.compile(r"\bbenevolent dictator\w*|\bBDFL\b", re.IGNORECASE)


def _unilateral_clauses(clauses: list[Clause]) -> list[Clause]:
    """Clauses that give one party the last word, those that say what it may do before those that only
    name the role ("the BDFL has the authority to make all final decisions" before "a BDFL (Benevolent
    Dictator for Life)")."""
    matched = [(c, _UNILATERAL.search(" ".join(c.text.split()))) for c in clauses]
    found = [(c, m) for c, m in matched if m]
    return [c for c, m in sorted(found, key=lambda cm: bool(_NAMES_THE_ROLE.fullmatch(cm[1].group(0))))]


_APPOINT_AND_REMOVE = re.compile(
    r"\bappoint(?:s|ed)?\b,?\s+(?:and\s+|or\s+)?(?:replace|remove|dismiss)", re.I
)


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
        for c in _unilateral_clauses(clauses)
    ][:2]
    appoints = [c for c in clauses if _APPOINTS.search(c.text)]
    removes = [c for c in clauses if _REMOVES.search(c.text)]
    # "The Chair may appoint, replace, or leave vacant ...": one clause gives both powers (never "may
    # terminate the appointment of", where the appointing is someone else's)
    both = [c for c in appoints if c in removes and _APPOINT_AND_REMOVE.search(c.text)]
    appoints, removes = (both, both) if both else (appoints, removes)
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
