"""Decision rules with no way out of a deadlock, and power concentrated by payment or in one party."""

from __future__ import annotations

import re

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.cues import words
from advisor.capabilities.charter.defects.finding import MAX_PER_KIND, Finding, quote

# Decision rules with no way out of a deadlock
_UNANIMITY = words(
    r"consensus|unanimous(?:ly)?|unanimity|all (?:members|parties|partners) (?:must"
    r"|shall) (?:agree|approve|vote)"
    r"|no (?:members? |one )?(?:objects?|objections?|objecting)|(?:an? |any |single )objection"
    r"|must (?:all )?vote in favou?r"
    r"|(?:all|every) (?:\w+ ){0,3}(?:must|shall) agree|votes? against (?:\w+ ){0,3}(?:stops?|blocks?)"
)
_RULE_WORDS = words(
    r"must|shall|requires?|required|only if|if there are|is approved|are approved|stops?|blocks?"
)
_DECIDES = re.compile(r"\b(?:decid|decision|approv|accept|pass|agree|require)", re.IGNORECASE)
_FALLBACK = words(
    r"majority|two-thirds|three-quarters|\d+\s?%|\d+/\d+|casting vote|tie[- ]?break\w*|escalat\w+"
    r"|final (?:say|decision|authority)|(?:cannot|can't|can not|fails? to|is not"
    r"|not) (?:be )?(?:reach|found|achiev)\w*"
    r"|call for a vote|put (?:it )?to a vote|decides? by (?:a )?vote|final call|mediat\w+|supermajority"
)


def no_deadlock_rules(text: str, clauses: list[Clause]) -> list[Finding]:
    """A consensus or unanimity rule in a document that names no fallback anywhere (a vote by a stated
    majority, escalation, a decider, mediation): a fallback often stands in another section."""
    if any(_FALLBACK.search(c.text) for c in clauses):
        return []
    found: list[Finding] = []
    for clause in clauses:
        if not (
            _UNANIMITY.search(clause.text)
            and _DECIDES.search(clause.text)
            and _RULE_WORDS.search(clause.text)
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
_PAID_SEATS = re.compile(
    r"\b(?:vot(?:es?|ing(?: rights?| power)?)|seats?|representatives?"
    r"|directors?)\b[^.]{0,80}\b(?:depends? on|proportional to"
    r"|equivalent to|"
    r"based on|according to|in proportion to)\b[^.]{0,60}\b(?:dues|fees?|contributions?|tiers?|levels?|FTEs?|"
    r"sponsorship|paid|payment|FTs?\b)"
    r"|\bvotes?\b[^.]{0,60}\bweighted\b[^.]{0,40}\bfees?\b"
    r"|\b(?:platinum|gold|silver|premier|strategic|founding) (?:members?"
    r"|sponsors?)\b[^.]{0,60}\b(?:appoint|designate|"
    r"elect|get|have|receive|hold)s?\b[^.]{0,30}\b(?:seats?|directors?|representatives?|votes?)"
    r"|\b(?:platinum|gold|silver|premier) representatives?\b[^.]{0,30}\b(?:appointed|elected) by"
    r"|\brepresentatives? (?:appointed )?from each\b[^.]{0,40}\btop[_ ]tier",
    re.IGNORECASE,
)
_ONE_PARTY = (
    r"(?:the )?(?:Chief Executive|CEO|Executive Director|President|Founder|Director|Secretariat)"
    r"(?: of [A-Z][\w.-]+)?"
)
_APPOINTS = re.compile(
    _ONE_PARTY + r"[^.]{0,80}\b(?:appoint|select|nominat|approv)\w*|appointed (?:by|on the agreement of)"
    r"[^.]{0,20}" + _ONE_PARTY
)
_REMOVES = re.compile(_ONE_PARTY + r"[^.]{0,80}\b(?:remove|terminat|dismiss|expel|suspend)\w*")
_ADVISORY_ONLY = re.compile(
    r"\b(?:residents?|communit(?:y|ies)|youth|patients?|people with lived experience|families|tenants|"
    r"students)\b[^.]{0,80}\b(?:advis\w+|consult\w*)\b",
    re.IGNORECASE,
)


_UNILATERAL = re.compile(
    r"\b(?:authority|power) to act alone\b|\bChair\b[^.]{0,60}\boverrid\w+ [^.]{0,40}\bdecisions?\b"
    r"|\bas [\w’']+ BDFL\b|\bneeds? to be approved by the (?:Chief Executive|CEO|Executive Director)"
    r"|(?<!\()\b(?-i:[A-Z]{2,})\b (?:will|shall) (?:act|serve) as (?:the )?Chair\b"
    r"|\bas the ex[ -]officio chair\b"
    r"|\bled by its founder\b|\bFounding Maintainer\b|\bsole (?:maintainer|steward|decision[- ]maker)\b"
    r"|\b(?:Lead|Chair|Director|Founder|Maintainer|Steward|President)\b[^.]{0,20}\b(?:makes?|has|holds?) the "
    r"(?:final|ultimate) (?:call|say|word|decision)",
    re.IGNORECASE,
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
