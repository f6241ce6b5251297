"""Placeholders, editor residue and unfinished text: blanks, open questions, content promised for later."""

from __future__ import annotations

import re
from itertools import pairwise

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.defects.finding import MAX_PER_KIND, Finding, quote

# Placeholders and editor residue
_HTML_TAGS = (
    "a|p|br|hr|td|tr|th|table|tbody|thead|li|ul|ol|div|span|strong|em|b|i|u|s|img|figure|figcaption|details|"
    "summary|dl|dt|dd|small|sup|sub|code|pre|h[1-6]|blockquote|section|center|font|label|input|form|caption"
)
_PLACEHOLDER = re.compile(
    r"\bTB[DCA]\b|(?<!needs )(?<!need )\bto be (?:determined|decided|confirmed|announced|defined|drafted"
    r"|established"
    r"|created)\b(?! (?:by|within|on|at|in|prior|before|after|according)\b)|\bcoming soon\b"
    r"|\byet to be \w+ed\b|\b(?:we (?:still )?need to decide|needs? to decide (?:if|whether|how"
    r"|on))\b|\bwill be formali[sz]ed\b"
    r"|\bin (?:the |a )?process of defining\b"
    r"|\\<[^<>\n]{1,40}\\>|<(?!/|(?:" + _HTML_TAGS + r")\b)[a-z][a-z _-]{1,40}>"
    r"|\[(?:what|which|who|how|when|where|process|describe|specify)\b[^\]\n]{0,80}\](?!\()"
    r"|\b(?:name|organi[sz]ation|date|address) here\b"
    r"|\[(?:insert|add|enter|name|date|link|tbd|todo|x+|your|organi[sz]ation|project|codebase|company|email|"
    r"list|url)[^\]\n]{0,40}\](?![(:\[])|\]\(\)"
    r"|\{(?![{%])[A-Za-z][^{}\n]{0,120}\s[^{}\n]{0,120}\}(?!\})|\{(?:name|date|project|link"
    r"|organi[sz]ation)\}"
    r"|_{4,}|\bX{3,}\b|\bDD Month\b|\[[^\]\n]*YYYY[^\]\n]*\]|[€$£]\s?[XY]\b|\(\s*Proposed\s*\)"
    r"|\bIn this section,? (?:(?:the|both) part(?:y|ies)|it should)",
    re.IGNORECASE,
)
_CASE_SENSITIVE_RESIDUE = re.compile(
    r"\bTODO\b|\bFIXME\b|\bXXX\b|\bProposed\b(?= (?:members?(?:hip)?|list|roster|names?)\b)"
    r"|\b(?:NAME|DATE|TITLE|INSTITUTION|ORGANI[SZ]ATION|RECEIVER|CAUSE|CODEBASE|AMOUNT|ADDRESS)\b"
)
_FILL_IN_TEMPLATE = re.compile(r"\b(?:e-?mail|announcement|invitation|message|form)s?\b", re.IGNORECASE)
QUOTES_PER_PLACEHOLDER = 3  # the same token recurring is one finding, quoted at up to this many places


# A document that says its bracketed text is to be filled in for each use is a template (GUIDE 7.3)
_DECLARED_TEMPLATE = re.compile(
    r"\b(?:text|anything|words?) (?:in|between|inside) (?:curly |square |angle(?:d)? )?(?:brackets|braces)"
    r"|\b(?:in|between) ['\"“‘]?(?:<>|\{\}|\[\])['\"”’]?|\bwill be custom(?:i[sz]ed)? for each\b"
    r"|\bshould be (?:updated|replaced|customi[sz]ed|filled in) (?:for|with|each)\b",
    re.IGNORECASE,
)
_DIAGRAM = re.compile(r"-->|---|\bflowchart\b|\bgraph (?:TD|LR)\b")  # mermaid nodes are {braced}


def placeholders(text: str, clauses: list[Clause]) -> list[Finding]:
    if _DECLARED_TEMPLATE.search(text):
        return []
    places: dict[str, list[Clause]] = {}
    shown: dict[str, str] = {}
    lowered = text.lower()
    for clause in clauses:
        if _FILL_IN_TEMPLATE.search(clause.heading) or _DIAGRAM.search(clause.text):
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


# Unfinished text: open questions, content promised for later, blank fields and lists, editor comments
_DEFERRED = re.compile(
    r"\b(?:will|shall|is to|are to) (?:also )?be (?:developed|provided|defined|adopted|added|specified|listed"
    r"|written|drafted|stated|described|created|agreed|published|decided|set out)\b"
    r"(?:(?! by )[^.]){0,60}?\b(?:in due course|later|at a later (?:point|date|stage|time)|in the future"
    r"|(?:in )?this section|here)\b"
    r"|\b(?:schedule|roles?|code of conduct|guidelines?|process|procedures?|roadmap"
    r"|terms of reference|charter"
    r"|polic(?:y|ies)|rules?|criteria)\b[^.]{0,40}\b(?:will|is to"
    r"|are to) be (?:\w+ and )?(?:developed|defined"
    r"|adopted|written|drafted|established|created|approved)\b"
    r"|\bin due course\b|\b(?:ha(?:s|ve) )?not yet (?:been )?(?:defined|written|decided|agreed|established"
    r"|developed|drafted|determined|finali[sz]ed)\b"
    r"|\[(?:please|AI:)[^\]\n]{0,60}\]|\]\(https?://\)",
    re.IGNORECASE,
)
_OPEN_QUESTION = re.compile(r"\?[*_)\s]*$")
_ASKS_QUESTIONS = re.compile(r"\b(?:questions?|answer\w*|check|ask\w*|in mind)\b", re.IGNORECASE)
_DRAFTING_NOTE = re.compile(r"^(?:Determine|Decide|Figure out) (?:if|whether|how|a process|resolution)\b")
_QUESTION_SECTION = re.compile(
    r"\b(?:FAQ|questions?|Q&A|template|e-?mail|example|ballot|survey)\b", re.IGNORECASE
)
_EMPTY_TABLE_FIELD = re.compile(r"^\|\s*\**[A-Z][\w ()/-]{1,40}?\**\s*\|\s*\|\s*$", re.MULTILINE)
_BLANK_FIELDS = re.compile(
    r"(?:^[ \t]*[A-Z][A-Za-z ]{1,20}:[ \t]*(?:\n|$)){3,}|(?:\b[A-Z][A-Za-z ]{1,20}:[ \t]*){3,}$", re.MULTILINE
)
_BARE_BULLET = re.compile(r"^[ \t]*[*+-][ \t]*\n", re.MULTILINE)  # a list item with nothing in it
_COMMENT = re.compile(r"<!--(?:(?!-->).){0,300}?\b(?:TODO|FIXME|TBD|XXX)\b(?:(?!-->).)*?-->", re.DOTALL)
# a short comment inside a sentence ("detailed in the <!-- MAKE INTO LINK-->role of a chair page")
_INLINE_COMMENT = re.compile(r"<!--[^\n]{1,60}?-->")
_MD_HEADING_LINE = re.compile(r"^(#{1,6})\s+(\S.*)$", re.MULTILINE)
_FENCED = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_NOTICE = re.compile(
    r"^.{0,80}(?<!\()\bwork(?:ing)?[- ](?:in|on)[- ]progress(?![a-z]).*$", re.MULTILINE | re.IGNORECASE
)


def unfinished_text(text: str, clauses: list[Clause]) -> list[Finding]:
    """Open questions, content promised for later, and blanks where a rule or name should stand."""
    found: list[tuple[str, str]] = []  # (what it is, the quote)
    lead_in: Clause | None = None  # the last clause ending with a colon ("…answer questions like:")
    for clause in clauses:
        if _QUESTION_SECTION.search(clause.heading) or _FILL_IN_TEMPLATE.search(clause.heading):
            continue
        if clause.text.rstrip("*_ ").endswith(":"):
            lead_in = clause
        asked = (
            lead_in is not None and lead_in.heading == clause.heading and _ASKS_QUESTIONS.search(lead_in.text)
        )
        if _is_open_question(clause) and not asked:
            found.append(("an open question", quote(clause)))
        elif _DRAFTING_NOTE.match(clause.text):
            found.append(("a drafting note", quote(clause)))
        elif _DEFERRED.search(" ".join(clause.text.split())):
            found.append(("promised for later", quote(clause)))
    found += [("a blank field", m.group(0).strip()) for m in _EMPTY_TABLE_FIELD.finditer(text)]
    found += [("blank fields", m.group(0).strip()) for m in _BLANK_FIELDS.finditer(text)]
    found += [("an editor's note left in a comment", quote(m.group(0))) for m in _COMMENT.finditer(text)]
    found += [
        ("an editor's note left in the text", quote(c))
        for c in clauses
        if _INLINE_COMMENT.search(c.text) and not _COMMENT.search(c.text)
    ]
    found += [("a work-in-progress notice", quote(m.group(0).strip())) for m in _NOTICE.finditer(text)][:1]
    found += [("an empty list", quote(c)) for c in _empty_lists(text, clauses)]
    found += [("an empty section", heading) for heading in _empty_sections(text)]
    return [
        Finding(
            kind="placeholder",
            message=f"Unfinished: {what}. Settle it and write the rule, name or date before adopting "
            "the document.",
            quotes=[words],
        )
        for what, words in found
    ][:MAX_PER_KIND]


def _is_open_question(clause: Clause) -> bool:
    """A question left in a list of the document's own points ("Does the committee need a chair?").

    Questions in running prose are usually rhetorical or answered next ("Why this process?"), a run of
    them under a criterion is a checklist, and questions to "you" are addressed to the reader.
    """
    return (
        clause.in_list
        and _OPEN_QUESTION.search(clause.text) is not None
        and not re.search(r"\b(?:you(?:r)?|I|my)\b", clause.text)  # put to the reader, or a FAQ's asker
        and not re.search(r"[“\"'‘][^“\"'‘]*\?[”\"'’]", clause.text)  # a question quoted as an example
    )


def _empty_lists(text: str, clauses: list[Clause]) -> list[Clause]:
    """Lead-ins ending with a colon followed by an empty list item, or by nothing at the end."""
    empty = []
    for clause, following in zip(clauses, [*clauses[1:], None][: len(clauses)], strict=True):
        if not clause.text.rstrip("*_ ").endswith(":") or len(clause.text.split()) < 3:
            continue
        rest = _MD_HEADING_LINE.sub("", text[clause.end : following.start if following else len(text)])
        if not re.search(r"\w", rest) and (following is None or _BARE_BULLET.search(rest)):
            empty.append(clause)
    return empty


def _empty_sections(text: str) -> list[str]:
    """Headings directly followed by a heading of the same or a higher level (nothing under them)."""
    unfenced = _FENCED.sub(lambda m: "x" * len(m.group(0)), text)  # a `#` comment in code is no heading
    headings = list(_MD_HEADING_LINE.finditer(unfenced))
    empty = []
    for this, following in pairwise(headings):
        title = this.group(2).strip()
        if unfenced[this.end() : following.start()].strip() or len(following.group(1)) > len(this.group(1)):
            continue
        if not title.endswith((".", ")")) and "](" not in title:  # not a sentence or a link set as a heading
            empty.append(title)
    return empty
