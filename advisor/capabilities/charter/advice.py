"""Advice written for the document at hand: it quotes the document's words, names its bodies, says
what the passage lacks, and gives an example of the document's own kind (a software project, a
standards group, a research consortium, a public partnership, an association, a community
coalition). Wording and examples live in `advice.yaml` beside this module.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Annotated

from pydantic import BaseModel

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.criteria import CRITERIA
from advisor.capabilities.charter.cues import words
from advisor.capabilities.charter.elements import ELEMENT_INFO, ELEMENTS
from advisor.capabilities.charter.features import strength_features
from advisor.capabilities.charter.findings import Finding
from advisor.text.lexicon import Regex, keys_exactly, load_lexicon

KINDS = ("software", "standards", "research", "public", "association", "coalition")
SHORT_QUOTE_CHARS = 120
_BODY = re.compile(
    r"\b(?:[Tt]he\s+)?((?:(?!(?:The|A|An|Our|Its|Their|This|Each|Every|At|In|Of|And|For|To|By|On|With)\s)"
    r"[A-Z][\w'’-]+\s+){0,5}(?:Committee|Council|Board|Group|Team|Assembly|Panel|Forum|Table|"
    r"Partnership|Coalition|Consortium|Alliance|Network|Association|Foundation))\b"
)


class ElementAdvice(BaseModel, extra="forbid"):
    needs: str
    software: str
    standards: str
    research: str
    public: str
    association: str
    coalition: str


class AdviceLexicon(BaseModel, extra="forbid"):
    """The contents of `advice.yaml`."""

    kinds: Annotated[dict[str, Regex], keys_exactly(KINDS)]
    elements: Annotated[dict[str, ElementAdvice], keys_exactly(ELEMENTS)]


@cache
def _lexicon() -> tuple[AdviceLexicon, dict[str, re.Pattern[str]]]:
    lexicon = load_lexicon(__package__ or "", "advice.yaml", AdviceLexicon)
    return lexicon, {kind: words(pattern) for kind, pattern in lexicon.kinds.items()}


@dataclass(frozen=True)
class DocumentProfile:
    """What advice needs to know of the whole document: its kind and its main body's name."""

    kind: str
    body: str


def profile_document(text: str) -> DocumentProfile:
    """The document's kind (by its vocabulary) and its most-named body ("the Steering Council")."""
    _, kinds = _lexicon()
    counts = {kind: len(pattern.findall(text)) for kind, pattern in kinds.items()}
    kind = max(KINDS, key=lambda k: (counts[k], k == "coalition"))
    if counts[kind] == 0:
        kind = "coalition"
    bodies = Counter(m.group(1).strip() for m in _BODY.finditer(text))
    body = f"the {bodies.most_common(1)[0][0]}" if bodies else "the group"
    return DocumentProfile(kind, body)


def element_advice(
    element: str,
    status: str,
    evidence: Clause | None,
    profile: DocumentProfile,
    findings: list[Finding],
    *,
    document: str = "",
) -> str:
    """What to do about one element, for this document (`document`: its whole text, for what no one
    clause shows, such as a review date the charter never sets)."""
    lexicon, _ = _lexicon()
    advice = lexicon.elements[element]
    example = getattr(advice, profile.kind)
    name = ELEMENT_INFO[element].name
    noted = " ".join(f.message for f in findings)
    if element == "renewal" and document and not _sets_a_review_date(document):
        # a new user's charter could be amended but set no date to look at it again: "present" alone
        # read as nothing left to do
        noted = " ".join(
            part
            for part in (
                noted,
                f"It sets no date to review the charter: say when {profile.body} looks at it again "
                "(e.g. once a year) and who proposes the changes.",
            )
            if part
        )
    if status == "present" and evidence is not None:
        where = f" (under “{evidence.heading}”)" if evidence.heading else ""
        quoted = _short(evidence.text)
        stop = "" if quoted.endswith((".", "!", "?", "…")) else "."  # never “… community.”.
        if noted:
            return f"{name} is written out{where}: “{quoted}”{stop} But: {noted}"
        # (no closing line of generic counsel: repeated under every present element, it read as noise)
        return f"{name} is written out{where}: “{quoted}”{stop}"
    if status == "weak" and evidence is not None:
        lack = _what_it_lacks(evidence.text)
        where = f" under “{evidence.heading}”" if evidence.heading else ""
        tail = f" {noted}" if noted else ""
        return (
            # (the body first: "State ... whom it answers to for the X" read as one garbled phrase)
            f"“{_short(evidence.text)}”{where} {lack}. For {profile.body}, state {advice.needs}, "
            f"e.g. {example}.{tail}"
        )
    # ("Add it for the Steering Committee" under every missing element read as boilerplate, and named a
    # sub-body for rules that bind everyone: the reader decides who holds the rule)
    return (
        f"Nothing here says {advice.needs}. Add a clause that does, and say whether {profile.body} or "
        f"another body is responsible, e.g. {example}."
    )


# "reviews this charter every January", "to be reviewed by March 2027": a date the criteria's frequencies miss
_REVIEW_BY_DATE = re.compile(
    r"\breview\w*\b[^.;]{0,60}?\b(?:every|each|in|by|before)\s+(?:(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b|\d{4}\b)",
    re.IGNORECASE,
)


def _sets_a_review_date(document: str) -> bool:
    return bool(CRITERIA["renewal"]["review"].search(document) or _REVIEW_BY_DATE.search(document))


_ASPIRATION = words(
    r"strive\w*|aims?|aspires?|hopes?|ideally|encourag\w+|should|as (?:needed|appropriate)|regularly"
)


def _what_it_lacks(text: str) -> str:
    features = strength_features(text)
    if "s:placeholder" in features:
        return "is still a placeholder"
    if "s:delegation" in features or ("s:link" in features and "s:binding" not in features):
        return "points to another document and states nothing here"
    aspiration = _ASPIRATION.search(text)
    if aspiration:
        return f"says what is hoped for (“{aspiration.group(0)}”), not what members must do"
    if "s:number" not in features and "s:concrete" not in features:
        # (of the clause quoted, never of the section: "names no one" stood beside a list of founding
        # members a new user's membership section gave)
        return "sets no rule one could check (who acts, how many, by when)"
    return "does not say who acts, how, or when"


def _short(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= SHORT_QUOTE_CHARS:
        return flat
    return flat[: flat.rfind(" ", 0, SHORT_QUOTE_CHARS)] + " …"
