"""The findings a reviewer is paid for, each with the clauses that show it quoted.

Each detector reads the clauses (and, for numbering, the document's own headings and list labels)
and returns `Finding`s of one kind, the kinds of the labelling guide (`evals/corpus/GUIDE.md` §3):
placeholders and editor residue, skipped or repeated numbering, promised lists that do not match,
delegation to another document with nothing local, power concentrated in one party or by payment,
decision rules with no way out of a deadlock, references to bodies or policies never defined, and
clauses that contradict each other. Detectors favour precision: a finding is shown to a reviewer,
so each one names what it saw and quotes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from pydantic import BaseModel, Field

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.cues import words

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


def quote(clause: Clause | str) -> str:
    """A clause's text, cut at a word boundary to at most `MAX_QUOTE_CHARS` (still a substring)."""
    text = clause.text if isinstance(clause, Clause) else clause
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_QUOTE_CHARS)
    return text[: cut if cut > 0 else MAX_QUOTE_CHARS]


# Placeholders and editor residue
_HTML_TAGS = (
    "a|p|br|hr|td|tr|th|table|tbody|thead|li|ul|ol|div|span|strong|em|b|i|u|s|img|figure|figcaption|details|"
    "summary|dl|dt|dd|small|sup|sub|code|pre|h[1-6]|blockquote|section|center|font|label|input|form|caption"
)
_PLACEHOLDER = re.compile(
    r"\bTB[DCA]\b|\bto be (?:determined|decided|confirmed|announced|defined|drafted"
    r"|created)\b|\bcoming soon\b"
    r"|\byet to be \w+ed\b|\bneeds? to decide\b|\bwill be formali[sz]ed\b|\bwork(?:ing)? (?:on|in) progress\b"
    r"|\bin (?:the |a )?process of defining\b"
    r"|\\<[^<>\n]{1,40}\\>|<(?!/|(?:" + _HTML_TAGS + r")\b)[a-z][a-z _-]{1,40}>"
    r"|\[(?:insert|add|enter|name|date|link|tbd|todo|x+|your|organi[sz]ation|project|codebase|company|email|"
    r"list|url)[^\]\n]{0,40}\](?![(:\[])|\]\(\)"
    r"|\{(?![{%])[A-Za-z][^{}\n]{0,120}\s[^{}\n]{0,120}\}(?!\})|\{(?:name|date|project|link"
    r"|organi[sz]ation)\}"
    r"|_{4,}|\bX{3,}\b|\bDD Month\b|\[[^\]\n]*YYYY[^\]\n]*\]|[€$£]\s?[XY]\b|\(\s*Proposed\s*\)"
    r"|\bIn this section,? (?:the|both) part(?:y|ies)",
    re.IGNORECASE,
)
_CASE_SENSITIVE_RESIDUE = re.compile(
    r"\bTODO\b|\bFIXME\b|\bXXX\b|\bProposed\b(?= (?:members?|list|roster|names?)\b)"
    r"|\b(?:NAME|DATE|TITLE|INSTITUTION|ORGANI[SZ]ATION|RECEIVER|CAUSE|CODEBASE|AMOUNT|ADDRESS)\b"
)
_FILL_IN_TEMPLATE = re.compile(r"\b(?:e-?mail|announcement|invitation|message|form)s?\b", re.IGNORECASE)
QUOTES_PER_PLACEHOLDER = 3  # the same token recurring is one finding, quoted at up to this many places


def placeholders(text: str, clauses: list[Clause]) -> list[Finding]:
    places: dict[str, list[Clause]] = {}
    shown: dict[str, str] = {}
    lowered = text.lower()
    for clause in clauses:
        if _FILL_IN_TEMPLATE.search(clause.heading):
            continue  # a model email or form, filled in each time, is not a blank rule (GUIDE 7.3)
        for pattern in (_PLACEHOLDER, _CASE_SENSITIVE_RESIDUE):
            for match in pattern.finditer(clause.text):
                token = match.group(0).strip().lower()
                if token.startswith("[") and f"{token}:" in lowered:
                    continue  # a reference-style link, defined elsewhere in the document
                shown.setdefault(token, match.group(0).strip())
                if clause not in places.setdefault(token, []):
                    places[token].append(clause)
    return [
        Finding(
            kind="placeholder",
            message=f"“{shown[token]}” is still a placeholder or drafting note"
            + (f" ({len(found)} places)" if len(found) > 1 else "")
            + ": write the actual rule, name or date before adopting the document.",
            quotes=[quote(c) for c in found[:QUOTES_PER_PLACEHOLDER]],
        )
        for token, found in places.items()
    ][:MAX_PER_KIND]


# Numbering of articles, sections and lettered items
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_NUMBERED_LINE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?P<word>article|section|part|chapter)[ \t]+(?P<num>[0-9]+|[ivxlc]+)\b"
    r"|^[ \t]*#{1,6}[ \t]*(?:\*\*)?(?P<heading>[0-9]+)[.)]?[ \t]"
    r"|^[ \t]*(?:\*\*)?\((?P<letter>[a-h])\)[ \t]",
    re.IGNORECASE | re.MULTILINE,
)
_INLINE_LETTER = re.compile(r"(?:^|[\s;:,])\(([a-h])\)\s")


def _value(token: str) -> int:
    if token.isdigit():
        return int(token)
    values = [_ROMAN[c] for c in token.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def numbering(text: str, clauses: list[Clause]) -> list[Finding]:
    sequences: dict[str, list[tuple[int, str]]] = {}
    for match in _NUMBERED_LINE.finditer(text):
        end = text.find("\n", match.start())
        line = text[match.start() : end if end >= 0 else len(text)].strip()
        if match.group("word"):
            key, value = match.group("word").lower(), _value(match.group("num"))
        elif match.group("heading"):
            key, value = "heading", int(match.group("heading"))
        else:
            key, value = "letter", ord(match.group("letter").lower()) - ord("a") + 1
        sequences.setdefault(key, []).append((value, line))
    for clause in clauses:  # "(a) …; (b) …; and (d) …" inside one clause
        letters = [
            (ord(m.group(1)) - ord("a") + 1, clause.text) for m in _INLINE_LETTER.finditer(clause.text)
        ]
        if len(letters) >= 3:
            sequences[f"inline {clause.start}"] = letters
    found: list[Finding] = []
    for items in sequences.values():
        for (before, first), (after, second) in pairwise(items):
            restart = after == 1 and before != 1
            if (
                after == before + 1
                or restart
                or (after == before and first == second and not first.startswith("#"))
            ):
                continue
            problem = (
                "is repeated" if after == before else "skips" if after > before + 1 else "goes backwards"
            )
            quotes = [quote(first)] if first == second else [quote(first), quote(second)]
            found.append(
                Finding(
                    kind="numbering",
                    message=f"The numbering {problem} here: renumber, or say what happened to the "
                    "missing part.",
                    quotes=quotes,
                )
            )
    return found[:MAX_PER_KIND]


# Promised counts that do not match the list that follows
_COUNTS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
}
_PROMISE = re.compile(
    r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:\w+\s+){0,3}?"
    r"(?:\w+s)\b[^.:]{0,60}(?::|\b(?:are|include|as follows)\b[^.]{0,20}:?)\s*$",
    re.IGNORECASE,
)


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
    return found[:MAX_PER_KIND]


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
    r"|call for a vote|put (?:it )?to a vote|decides? by (?:a )?vote"
)


FALLBACK_WINDOW = 2  # clauses after a consensus rule where its fallback may stand


def no_deadlock_rules(text: str, clauses: list[Clause]) -> list[Finding]:
    """A consensus or unanimity rule with no fallback in it or in the clauses right after it."""
    found: list[Finding] = []
    for i, clause in enumerate(clauses):
        if not (
            _UNANIMITY.search(clause.text)
            and _DECIDES.search(clause.text)
            and _RULE_WORDS.search(clause.text)
        ):
            continue
        window = [c for c in clauses[i : i + 1 + FALLBACK_WINDOW] if c.heading == clause.heading]
        if any(_FALLBACK.search(c.text) for c in window):
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
    r"\b(?:votes?|seats?|representatives?|directors?)\b[^.]{0,80}\b(?:depends? on|proportional to"
    r"|equivalent to|"
    r"based on|according to|in proportion to)\b[^.]{0,60}\b(?:dues|fees?|contributions?|tiers?|levels?|FTEs?|"
    r"sponsorship|paid|payment)"
    r"|\b(?:platinum|gold|silver|premier|strategic|founding) (?:members?"
    r"|sponsors?)\b[^.]{0,60}\b(?:appoint|designate|"
    r"elect|get|have|receive|hold)s?\b[^.]{0,30}\b(?:seats?|directors?|representatives?|votes?)",
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


# Undefined references and contradictions
_REFERENCE = re.compile(
    r"\b(?:as (?:set forth|set out|defined|described|outlined|mentioned|specified) in|in line with"
    r"|according to|"
    r"in accordance with|escalated (?:to|within)|under|per|see) (?:the |our |its )?"
    r"(?P<name>(?:[\w'’-]+ ){0,4}(?:policy|policies|procedures?|guidelines?|handbook|agreement"
    r"|charter|appendix|"
    r"appendices|bylaws|structures?|committee|panel|process))\b(?!\]|\s*\(|\s*<)",
    re.IGNORECASE,
)


def undefined_references(text: str, clauses: list[Clause]) -> list[Finding]:
    """A rule that relies on a policy, document or body named only there, and not linked."""
    lowered = text.lower()
    found: list[Finding] = []
    for clause in clauses:
        for match in _REFERENCE.finditer(clause.text):
            name = match.group("name").strip()
            core = " ".join(name.lower().split()[-2:])
            if lowered.count(core) > 1 or "](" in clause.text or "http" in clause.text:
                continue
            found.append(
                Finding(
                    kind="undefined_reference",
                    message=f"“{name}” is relied on here but never described or linked: say what it is, "
                    "who sits on it (or where the text is), or link it.",
                    quotes=[quote(clause)],
                )
            )
            break
    return found[:MAX_PER_KIND]


_GOVERNED_BY = re.compile(r"\bis governed by (?:an? |the )?((?:\w+\s){0,4}\w+)", re.IGNORECASE)
_CLOSED = words(
    r"confidential|restricted to (?:the )?members|closed (?:meetings?|sessions?)|not (?:be )?(?:made )?public"
)
_OPEN = words(
    r"all (?:communications?|meetings?|discussions?|deliberations?|minutes) (?:are|is|will be"
    r"|shall be) public"
)


def contradictions(text: str, clauses: list[Clause]) -> list[Finding]:
    found: list[Finding] = []
    governed = [(c, m.group(1).lower()) for c in clauses for m in [_GOVERNED_BY.search(c.text)] if m]
    for (first, a), (second, b) in pairwise(governed):
        if a != b:
            found.append(
                Finding(
                    kind="contradiction",
                    message="Two different bodies are said to govern: say which one has the final say, "
                    "and over what.",
                    quotes=[quote(first), quote(second)],
                )
            )
            break
    closed = next((c for c in clauses if _CLOSED.search(c.text)), None)
    opened = next((c for c in clauses if _OPEN.search(c.text)), None)
    if closed and opened:
        found.append(
            Finding(
                kind="contradiction",
                message="One clause keeps discussions confidential and another makes them all public: "
                "say which "
                "discussions are confidential, and why.",
                quotes=[quote(closed), quote(opened)],
            )
        )
    return found


DETECTORS: tuple[Detector, ...] = (
    contradictions,
    undefined_references,
    numbering,
    placeholders,
    list_mismatches,
    power_concentration,
    no_deadlock_rules,
)


def find_defects(text: str, clauses: list[Clause]) -> list[Finding]:
    """Every detector's findings, in the guide's order of kinds."""
    return [finding for detector in DETECTORS for finding in detector(text, clauses)]


def delegation_finding(element_name: str, clause: Clause) -> Finding:
    """An element left to another document with nothing local (found by the review, which knows statuses)."""
    return Finding(
        kind="delegation_only",
        message=f"{element_name} is left to another document with nothing stated here: summarise the key "
        "rule (who decides, how, when) in this document and keep the link for details.",
        quotes=[quote(clause)],
    )
