"""References to bodies, policies or sections the document never defines, and clauses that contradict."""

from __future__ import annotations

import re
from itertools import pairwise

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.defects.finding import MAX_PER_KIND, Finding, quote
from advisor.capabilities.charter.defects.patterns import patterns

_PATTERNS = patterns("references")

# Undefined references and contradictions
_REFERENCE = _PATTERNS["reference"]


_NAMED_BODY = _PATTERNS["named_body"]
_DETERMINER = _PATTERNS["determiner"]
# the rule depends on the body: something goes to it, is decided or approved by it, or follows it
_DEPENDS_ON = _PATTERNS["depends_on"]
_PARENT_BODY = _PATTERNS["parent_body"]
_DESCRIBED_BY = (
    r"(?:’s|'s)?\s*(?:\([^)]*\)\s*)?(?:[\w,]+\s+){0,2}(?:is|are|was|consists?|comprises?|shall|will|includes?"
    r"|means|meets|has|have|may|must|can|should|serves?|oversees?|manages?|provides?|holds?|reviews?|makes?"
    r"|decides?|elects?|appoints?)\b"
)


def undefined_references(text: str, clauses: list[Clause]) -> list[Finding]:
    """A rule that relies on a policy, document or body named only there, and not described or linked."""
    found: list[Finding] = []
    named: set[str] = set()
    for clause in clauses:
        name = (
            _referenced_policy(clause, text.lower())
            or _missing_section(clause, text)
            or _undescribed_body(clause, text, named)
        )
        name = name or _unlinked_document(clause, text, named) or _missing_attachment(clause, text, named)
        if name:
            named.add(name)
            message = (
                f"“{name}” is relied on here but neither included nor linked: add it as an annex, "
                "link it, or state here what it says."
                if _NAMED_DOCUMENT.fullmatch(name) or name.startswith(_COMMON_DOCUMENTS)
                else f"“{name}” is relied on here but never described or linked: say what it is, "
                "who sits on it (or where the text is), or link it."
            )
            found.append(Finding(kind="undefined_reference", message=message, quotes=[quote(clause, name)]))
    return found[:MAX_PER_KIND]


_SECTION_REFERENCE = _PATTERNS["section_reference"]
_NAMED_SECTION = _PATTERNS["named_section"]
_COMMON_DOCUMENTS = ("the attached ", "the code of conduct")  # names _missing_attachment gives
_ATTACHED = _PATTERNS["attached"]


_OTHER_DOCUMENT = _PATTERNS["other_document"]
_OTHER_DOCUMENT_BEFORE = _PATTERNS["other_document_before"]
# an ordered list item: its indent and its number ("    2. If there are fewer ...")
_LIST_NUMBER = re.compile(r"^(?P<indent>[ \t]*)(?P<number>\d+)[.)][ \t]+\S", re.MULTILINE)
# a first number this high is a statute's ("Section 355.145, RSMo")
FIRST_STATUTE_SECTION = 100


# a whole-number section this high is a statute's ("Section 4942 of the Code", "Section 508 compliance")
FIRST_EXTERNAL_SECTION = 30
# what may stand before a clause's own label: markup, never words
_MARKUP_ONLY = re.compile(r"(?:<[^>\n]*>|[#*_\s(\[])*")


def _missing_section(clause: Clause, text: str) -> str | None:
    """A section of this document that a clause cites ("as in Section 6.3", "as identified in the
    *Election* section") but the document lacks."""
    for match in _NAMED_SECTION.finditer(clause.text):
        title = re.escape(match.group("title"))
        heading = rf"^(?:#+[ \t]*.*|[ \t]*\*\*[^*\n]*|[ \t]*[\dIVX.]+[ \t]+.*)\b{title}"
        underlined = rf"^[ \t]*{title}[ \t]*\n[=~^*#-]{{3,}}[ \t]*$"  # a reStructuredText heading
        flags = re.MULTILINE | re.IGNORECASE
        if not re.search(heading, text, flags) and not re.search(underlined, text, flags):
            return match.group(0)
    if lettered := _missing_lettered_section(clause.text, text):
        return lettered
    if in_article := _missing_article_section(clause.text, text):
        return in_article
    for match in _SECTION_REFERENCE.finditer(clause.text):
        if _MARKUP_ONLY.fullmatch(clause.text[: match.start()]):
            continue  # the clause's own label ("<span>**Section 1:**</span> The name ..."), no reference
        cited = match.group(1).rstrip(".")
        if cited.isdigit() and int(cited) >= FIRST_EXTERNAL_SECTION:
            continue  # "Section 508", "Article 50": a law's section, not one of this document's
        if int(cited.split(".")[0]) >= FIRST_STATUTE_SECTION:
            continue
        if _OTHER_DOCUMENT_BEFORE.search(clause.text[max(0, match.start() - 60) : match.start()]):
            continue
        number = re.escape(cited)
        kinds = r"(?:(?:Section|Article|Clause|Annex|Appendix|Schedule|§)\s*)?"
        own = rf"^(?:<[^>\n]*>|[#*_\s])*{kinds}{number}(?![.\d]*\d)"
        after = clause.text[match.end() : match.end() + 60]
        if _OTHER_DOCUMENT.match(after) or re.search(own, text, re.MULTILINE | re.IGNORECASE):
            continue
        if cited in outline_numbers(text):  # "clause 14.2" where item 2 of list item 14 is that clause
            continue
        if _item_of_section(text, cited):  # "section 2.2" where "## 2. Steering Committee" lists item 2
            continue
        return match.group(0)
    return None


# "Except as provided in Section 7.c. and 8.a": a lettered item of a numbered section, one or two cited
_LETTERED_REFERENCE = re.compile(r"\bSections?\s+(\d{1,2})\.([a-z])\b\.?(?:,?\s+and\s+(\d{1,2})\.([a-z])\b)?")


def _missing_lettered_section(clause_text: str, text: str) -> str | None:
    """A lettered item of a numbered section ("Section 7.c") in a document whose sections are numbered
    headings, where that section has no such item or the document no such section (a template's
    cross-reference kept after its sections were cut)."""
    for match in _LETTERED_REFERENCE.finditer(clause_text):
        pairs = [(match.group(1), match.group(2))]
        if match.group(3):
            pairs.append((match.group(3), match.group(4)))
        for number, letter in pairs:
            body = _numbered_section(text, number)
            if body is None:
                if not _numbered_section(text, "1"):
                    return None  # the document's sections are not numbered headings: nothing to check
                return match.group(0).rstrip(".")
            if "<li" in body:
                return None  # an HTML list letters its items itself: nothing to check
            item = rf"^[ \t]*(?:[-*+][ \t]*)?(?:\*\*|__)?\(?{letter}(?:\*\*|__)?[.)]"
            if not re.search(item, body, re.MULTILINE):
                return match.group(0).rstrip(".")
    return None


# "as described in Article 20, Section 3": a section of a numbered article
_ARTICLE_SECTION_REFERENCE = re.compile(
    r"\bArticle\s+(\d{1,2}|[IVXL]{1,6})\b,?\s+Section\s+(\d{1,2})\b(?![.\d]*\d)"
)


def _missing_article_section(clause_text: str, text: str) -> str | None:
    """A section of an article ("Article 18, Section 2") in a document whose articles are headings,
    where that article has no such section or the document no such article (an article renumbered
    after its cross-references were written)."""
    for match in _ARTICLE_SECTION_REFERENCE.finditer(clause_text):
        if _OTHER_DOCUMENT.match(clause_text[match.end() : match.end() + 60]):
            continue  # "Article 4, Section 2 of the Bylaws": another document's
        article, section = match.groups()
        heading = re.search(rf"^(#{{1,6}})[ \t]*(?:\*\*)?Article[ \t]+{article}\b[^\n]*$", text, re.M | re.I)
        if heading is None:
            if not re.search(r"^#{1,6}[ \t]*(?:\*\*)?Article[ \t]+(?:1|I)\b", text, re.M | re.I):
                return None  # the document's articles are not headings: nothing to check
            return match.group(0)
        level = len(heading.group(1))
        following = re.search(rf"^#{{1,{level}}}[ \t]", text[heading.end() :], re.MULTILINE)
        body = text[heading.end() : heading.end() + following.start() if following else len(text)]
        # ("## Section 2. Election", "**Section 2**", or an article's numbered items: "7\\) The Board may")
        own = (
            rf"^(?:#{{1,6}}[ \t]*|[ \t]*(?:\*\*|__)?)(?:(?:Section|Sec\.|§)[ \t]*{section}\b"
            rf"|{section}(?:\\?[.)]|\*\*))"
        )
        if not re.search(own, body, re.M | re.I):
            return match.group(0)
    return None


def _item_of_section(text: str, cited: str) -> bool:
    """Whether "X.Y" is item Y of a list under the heading numbered X ("## 2. Steering Committee" or
    "## Article 3. Membership" followed by "1. ...", "2. ...")."""
    parts = cited.split(".")
    if len(parts) != 2 or not all(parts):
        return False
    heading = re.search(
        rf"^#{{1,6}}[ \t]*(?:(?:Section|Article)[ \t]+)?{parts[0]}\b\.?[ \t:]+\S[^\n]*$", text, re.M | re.I
    )
    if not heading:
        return False
    following = re.search(r"^#{1,6}[ \t]", text[heading.end() :], re.MULTILINE)
    body = text[heading.end() : heading.end() + following.start() if following else len(text)]
    return bool(re.search(rf"^[ \t]*{parts[1]}[.)][ \t]+\S", body, re.MULTILINE))


def _numbered_section(text: str, number: str) -> str | None:
    """The text under the heading numbered `number` ("### 7. Amendments"), up to the next heading."""
    heading = re.search(rf"^#{{1,6}}[ \t]*(?:Section[ \t]+)?{number}\.?[ \t]+\S[^\n]*$", text, re.M | re.I)
    if not heading:
        return None
    following = re.search(r"^#{1,6}[ \t]", text[heading.end() :], re.MULTILINE)
    return text[heading.end() : heading.end() + following.start() if following else len(text)]


def outline_numbers(text: str) -> set[str]:
    """The numbers a document's nested ordered lists give their items ("14", "14.2", "14.17.6"): a
    constitution written as nested lists never prints "14.2", yet its clauses cite it."""
    numbers: set[str] = set()
    path: list[tuple[int, str]] = []  # (indent, number) of the open items, outermost first
    for item in _LIST_NUMBER.finditer(text):
        indent = len(item.group("indent").expandtabs(4))
        while path and path[-1][0] >= indent:
            path.pop()
        path.append((indent, item.group("number")))
        numbers.add(".".join(number for _, number in path))
    return numbers


# "this structure", "other applicable policies", "approved procedures": no particular document named
_GENERIC = _PATTERNS["generic"]
# "the DSF's Fellowship Committee": a body of another (parent) organisation (GUIDE 7.4)
_OF_ANOTHER_BODY = _PATTERNS["of_another_body"]


_IN_THIS_DOCUMENT_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:below|above|herein|hereunder)\b", re.I
)


def _referenced_policy(clause: Clause, lowered: str) -> str | None:
    """A policy or procedure the clause follows ("in accordance with the X policy") named nowhere else."""
    for match in _REFERENCE.finditer(clause.text):
        name = match.group("name").strip()
        core = " ".join(name.lower().split()[-2:])
        if lowered.count(core) > 1 or "](" in clause.text or "http" in clause.text or _GENERIC.match(name):
            continue
        if _IN_THIS_DOCUMENT_AFTER.match(clause.text, match.end()):
            continue  # "See repository guidelines and processes below": this document's own part
        return name
    return None


def _undescribed_body(clause: Clause, text: str, named: set[str]) -> str | None:
    """A capitalised body or document a rule hands something to ("appeal to the Steering Group"), used at
    most twice and never the subject of a describing sentence, a heading, a definition or a link."""
    for match in _NAMED_BODY.finditer(clause.text):
        name = _DETERMINER.sub("", match.group(1))
        if (
            len(name.split()) < 2
            or _OF_ANOTHER_BODY.search(clause.text[: match.start()])
            or name in named
            or _PARENT_BODY.search(name)
            or text.count(name) > 2
            or not _DEPENDS_ON.search(clause.text[max(0, match.start() - 60) : match.start()])
            or _described(name, text)
        ):
            continue
        return name
    return None


MIN_RULE_WORDS = 6
_NAMED_DOCUMENT = _PATTERNS["named_document"]
_THIS_DOCUMENT = _PATTERNS["this_document"]
_RELIES_ON = _PATTERNS["relies_on"]
_RELIES_ON_LIST = _PATTERNS["relies_on_list"]
_LINK_AFTER = re.compile(r"^[^;]{0,120}?(?:\]\(|https?://|<http|\(\w[\w./-]*\.(?:md|html?|pdf)\))")


def _unlinked_document(clause: Clause, text: str, named: set[str]) -> str | None:
    """A named document the clause relies on ("the Committee Handbook", "Addendum 2") that the
    document neither includes (no heading or line of its own) nor links anywhere (GUIDE 3.x)."""
    if len(clause.text.split()) < MIN_RULE_WORDS or clause.text.lstrip("\ufeff").startswith(("#", "<")):
        return None  # a heading, a title or markup, not a rule
    for match in _NAMED_DOCUMENT.finditer(clause.text):
        name = _DETERMINER.sub("", match.group("name"))
        if (
            len(name.split()) < 2
            or name in named
            or _THIS_DOCUMENT.search(clause.text[max(0, match.start() - 30) : match.start()])
            or not (
                _RELIES_ON.search(clause.text[max(0, match.start() - 80) : match.start()])
                or _RELIES_ON_LIST.search(clause.text[max(0, match.start() - 160) : match.start()])
            )
            or _LINK_AFTER.match(clause.text[match.end() :])
            # "Schedule 3 to the Regulation": a part of another document
            or _OTHER_DOCUMENT.match(clause.text[match.end() : match.end() + 60])
            or _linked_or_included(name, text)
        ):
            continue
        return name
    return None


def _missing_attachment(clause: Clause, text: str, named: set[str]) -> str | None:
    """ "the attached map", "our code of conduct": a document the rule relies on that is neither a
    section of this one (a heading naming it) nor linked anywhere."""
    for match in _ATTACHED.finditer(clause.text):
        name = match.group("name") or match.group("name2")
        canonical = f"the attached {name}" if match.group("name") else f"the {name}"
        word = re.escape(name.split()[-1])
        heading = rf"^(?:#+[ \t]*|[ \t]*\*\*|[ \t]*(?:Annex|Appendix|Schedule|Attachment)\b).*\b{word}"
        linked = rf"\[[^\]\n]*\b{word}[^\]\n]*\]\s*[(\[]|https?://\S*{word.replace(' ', '')}"
        if canonical in named or re.search(heading, text, re.MULTILINE | re.IGNORECASE):
            continue
        if re.search(linked, text, re.IGNORECASE) or "](" in clause.text:
            continue
        return canonical
    return None


def _linked_or_included(name: str, text: str) -> bool:
    escaped = re.escape(name)
    own_line = rf"^[#*\s]*(?:[\w.]+\s+)?{escaped}"  # a heading or line of its own: included
    link_text = rf"\[[^\]]*{escaped}[^\]]*\]"  # linked, inline or by reference
    link_after = rf"{escaped}[^.\n]{{0,40}}?(?:\]\(|https?://|<http)"  # followed by a link
    flags = re.MULTILINE | re.IGNORECASE
    return any(re.search(pattern, text, flags) for pattern in (own_line, link_text, link_after))


def _described(name: str, text: str) -> bool:
    escaped = re.escape(name)
    return bool(
        re.search(rf"^#+.*{escaped}", text, re.MULTILINE | re.IGNORECASE)  # a heading of its own
        or re.search(rf"\[[^\]]*{escaped}[^\]]*\]\(", text)  # linked
        or re.search(rf"(?:^|\n)\s*[-*]?\s*\**{escaped}\**\s*[:(]", text)  # a definition list entry
        or re.search(rf"[“\"]{escaped}[”\"]", text)  # a defined term
        or re.search(
            rf"(?:^|[.!?:]\s+|\n\s*(?:[-*]|\d+\.)?\s*)(?:(?:The|A|An|Each|Every|All|Any)\s+)?"
            rf"(?:[\w’'-]+\s+){{0,3}}{escaped}{_DESCRIBED_BY}",
            text,
        )  # the subject of a sentence that says what it is or does
    )


_GOVERNED_BY = _PATTERNS["governed_by"]
_CLOSED = _PATTERNS["closed"]
_OPEN = _PATTERNS["open"]


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
    return found + quorum_contradiction(clauses)


# A clause that sets a quorum and the words that say how many: "a quorum is a majority of members (five of
# eight)", "two-thirds of the board constitute a quorum", "any meeting needs at least half of the members to
# be present" (never "at a meeting at which a quorum is present": a condition, no number)
_QUORUM = re.compile(
    r"\bquorum\s+(?:for\s+[^.;:]{1,40}?\s+)?(?:is|shall\s+be|will\s+be|consists?\s+of|requires?|means"
    r"|is\s+(?:reached|established|met)\s+(?:by|when|with))\s+(?!(?:not\s+)?(?:present|met|reached)\b)"
    r"(?P<share>[^.;]{1,80})"
    r"|\bquorum\s+of\s+(?P<share4>(?:at\s+least\s+)?(?:\d|one|two|three|a\s+third|half|a\s+majority|more)[^.;,]{0,40})"
    r"|(?P<share2>[^.;:]{1,80}?)\s+(?:shall\s+|will\s+)?(?:constitutes?|form|forms|make\s+up)\s+a\s+quorum"
    r"|\b(?:meetings?|votes?)\s+(?:needs?|requires?)\s+(?P<share3>at\s+least\s+[^.;]{1,40}?\bmembers?\s+"
    r"(?:to\s+be\s+)?present)",
    re.IGNORECASE,
)
_SHARES = (
    (re.compile(r"\b(?:two[- ]thirds|2/3)\b", re.I), "two thirds"),
    (re.compile(r"\b(?:three[- ]quarters|3/4|75\s*%)", re.I), "three quarters"),
    (re.compile(r"\b(?:one[- ]third|a\s+third|1/3)\b", re.I), "a third"),
    (
        re.compile(
            r"\b(?:simple\s+|absolute\s+)?majority\b|\bmore\s+than\s+(?:half|50\s*%)|\b51\s*%|50\s*%\s*\+\s*1",
            re.I,
        ),
        "a majority",
    ),
    (re.compile(r"\b(?:one[- ])?half\b(?!\s+an?\s+hour)|\b50\s*%", re.I), "half"),
)
# a body other than the whole membership whose own quorum a clause may set
_BODY = re.compile(
    r"\b(?:steering|executive|management|coordinating|leadership)\s+(?:committee|group|team|board)\b|\bboard\b"
    r"|\bdirectors?\b|\bcouncil\b|\b(?:working|advisory)\s+groups?\b|\bsub-?committees?\b|\bcommittee\b",
    re.IGNORECASE,
)


def _quorum_share(clause: Clause) -> tuple[str, str] | None:
    """(the body the quorum is for, the share it asks for) of a clause that sets a quorum."""
    lowered = clause.text.lower()
    if "quorum" not in lowered and "present" not in lowered:
        return None  # every way of setting a quorum names it or who must be present (and the scan is slow)
    rule = _QUORUM.search(clause.text)
    if rule is None:
        return None
    words = next((rule.group(g) for g in ("share", "share2", "share3", "share4") if rule.group(g)), "")
    shares = [(m.start(), name) for pattern, name in _SHARES for m in [pattern.search(words)] if m]
    if not shares:
        return None
    body = _BODY.search(clause.text)
    return (body.group(0).lower() if body else "members"), min(shares)[1]


def quorum_contradiction(clauses: list[Clause]) -> list[Finding]:
    """Two clauses that set different quorums for the same meetings ("a majority" and "at least
    half", "two thirds" and "half"): a member cannot tell whether a meeting may decide."""
    seen: dict[str, tuple[Clause, str]] = {}
    for clause in clauses:
        found = _quorum_share(clause)
        if found is None:
            continue
        body, share = found
        if body in seen and seen[body][1] != share:
            first, first_share = seen[body]
            return [
                Finding(
                    kind="contradiction",
                    message=f"The quorum is set twice, differently ({first_share}, then {share}): say once "
                    "how many members must be present for a meeting to decide.",
                    quotes=[quote(first), quote(clause)],
                )
            ]
        seen.setdefault(body, (clause, share))
    return []
