"""Placeholders, editor residue and unfinished text: blanks, open questions, content promised for later."""

from __future__ import annotations

import re
from itertools import pairwise

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.defects.finding import MAX_PER_KIND, Finding, quote, quote_in_context
from advisor.capabilities.charter.defects.patterns import patterns

_PATTERNS = patterns("placeholders")

# Placeholders and editor residue
_PLACEHOLDER = _PATTERNS["placeholder"]
_CASE_SENSITIVE_RESIDUE = _PATTERNS["case_sensitive_residue"]
_FILL_IN_TEMPLATE = _PATTERNS["fill_in_template"]
# the same token recurring is one finding, quoted at up to this many places (GUIDE 3.2)
QUOTES_PER_PLACEHOLDER = 8
# a template's blanks are one finding, quoting every place up to this many
QUOTES_PER_BLANK_LIST = 24


# A document that says its bracketed text is to be filled in for each use is a template (GUIDE 7.3)
_DECLARED_TEMPLATE = _PATTERNS["declared_template"]
_DIAGRAM = _PATTERNS["diagram"]


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
    blanks = [token for token in places if token[:1] in "[{<\\"]
    findings = []
    if len(blanks) > 1:  # a template's bracketed blanks: one finding that lists them all (GUIDE 3.2)
        where = list(dict.fromkeys(c for token in blanks for c in places[token]))
        named = ", ".join(f"“{shown[token]}”" for token in blanks[:6]) + (", …" if len(blanks) > 6 else "")
        findings.append(
            Finding(
                kind="placeholder",
                message=f"{len(blanks)} blanks are still to be filled in ({named}; {len(where)} places): "
                "write the actual rule, name or date in each before adopting the document.",
                quotes=list(dict.fromkeys(quote_in_context(c, text) for c in where))[:QUOTES_PER_BLANK_LIST],
            )
        )
        places = {token: found for token, found in places.items() if token not in blanks}
    findings += [
        Finding(
            kind="placeholder",
            message=f"“{shown[token]}” is still a placeholder or drafting note"
            + (f" ({len(found)} places)" if len(found) > 1 else "")
            + ": write the actual rule, name or date before adopting the document.",
            quotes=[quote_in_context(c, text, shown[token]) for c in found[:QUOTES_PER_PLACEHOLDER]],
        )
        for token, found in places.items()
    ]
    return findings[:MAX_PER_KIND]


# Unfinished text: open questions, content promised for later, blank fields and lists, editor comments
_DEFERRED = _PATTERNS["deferred"]
_OPEN_QUESTION = _PATTERNS["open_question"]
_ASKS_QUESTIONS = _PATTERNS["asks_questions"]
_DRAFTING_NOTE = _PATTERNS["drafting_note"]
_QUESTION_SECTION = _PATTERNS["question_section"]
_EMPTY_TABLE_FIELD = _PATTERNS["empty_table_field"]
_BLANK_FIELDS = _PATTERNS["blank_fields"]
_BARE_BULLET = _PATTERNS["bare_bullet"]
_COMMENT = _PATTERNS["comment"]
# a short comment inside a sentence ("detailed in the <!-- MAKE INTO LINK-->role of a chair page")
_INLINE_COMMENT = _PATTERNS["inline_comment"]
_COMMENTED_SECTION = _PATTERNS["commented_section"]
_MD_HEADING_LINE = _PATTERNS["md_heading_line"]
_FENCED = _PATTERNS["fenced"]
_NOTICE = _PATTERNS["notice"]
_GOVERNANCE_WORD = _PATTERNS["governance_word"]


def unfinished_text(text: str, clauses: list[Clause]) -> list[Finding]:
    """Open questions, content promised for later, and blanks where a rule or name should stand."""
    found: list[tuple[str, str]] = []  # (what it is, the quote)
    lead_in: Clause | None = None  # the last clause ending with a colon ("…answer questions like:")
    in_runs = _question_runs(clauses)
    for clause in clauses:
        if _QUESTION_SECTION.search(clause.heading) or _FILL_IN_TEMPLATE.search(clause.heading):
            continue
        if clause.text.rstrip("*_ ").endswith(":"):
            lead_in = clause
        asked = (
            lead_in is not None and lead_in.heading == clause.heading and _ASKS_QUESTIONS.search(lead_in.text)
        )
        if _is_open_question(clause) and not asked and clause not in in_runs:
            found.append(("an open question", quote_in_context(clause, text)))
        elif _DRAFTING_NOTE.match(clause.text):
            found.append(("a drafting note", quote_in_context(clause, text)))
        elif deferred := _DEFERRED.search(" ".join(clause.text.split())):
            found.append(("promised for later", quote_in_context(clause, text, deferred.group(0))))
    found += [("a blank field", m.group(0).strip()) for m in _EMPTY_TABLE_FIELD.finditer(text)]
    found += [("blank fields", m.group(0).strip()) for m in _BLANK_FIELDS.finditer(text)]
    found += [("an editor's note left in a comment", quote(m.group(0))) for m in _COMMENT.finditer(text)]
    found += [
        ("a section that holds only its template's instructions, in a comment", quote(_first_sentence(m)))
        for m in _COMMENTED_SECTION.finditer(text)
    ]
    found += [
        ("an editor's note left in the text", quote(c))
        for c in clauses
        if _INLINE_COMMENT.search(c.text) and not _COMMENT.search(c.text)
    ]
    found += [("an open item set as a heading", line) for line in _open_bold_lines(text)]
    found += [("a work-in-progress notice", quote(m.group(0).strip())) for m in _NOTICE.finditer(text)][:1]
    found += [("an empty list", quote_in_context(c, text)) for c in _empty_lists(text, clauses)]
    found += [("an empty section", heading) for heading in _empty_sections(text)]
    found += [("a table row that repeats its column names", row) for row in _template_rows(text)]
    found += [("a draft or proposal label left on a heading", heading) for heading in _stale_headings(text)]
    return [
        Finding(
            kind="placeholder",
            message=f"Unfinished: {what}. Settle it and write the rule, name or date before adopting "
            "the document.",
            quotes=[words],
        )
        for what, words in found
    ][:MAX_PER_KIND]


QUESTION_RUN = 3  # this many questions in a row are a list of questions the group asks, not open points


def _question_runs(clauses: list[Clause]) -> set[Clause]:
    """The question items that stand in a run of QUESTION_RUN or more and never ask about the group's
    own workings ("When will the outbreak come? Where? How long will it last?"): the questions a
    project sets out to answer, not points left open ("Does the committee need a chair?")."""
    runs: set[Clause] = set()
    run: list[Clause] = []
    for clause in [*clauses, None]:
        if clause is not None and _is_open_question(clause):
            run.append(clause)
            continue
        if len(run) >= QUESTION_RUN and not any(_GOVERNANCE_WORD.search(c.text) for c in run):
            runs.update(run)
        run = []
    return runs


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


def _first_sentence(match: re.Match[str]) -> str:
    """The first sentence of a commented-out section's text, as the reader sees it in the source."""
    body = (match.group("asciidoc") or match.group("html")).strip()
    return re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]


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


# "# DRAFT Terms of reference", "Proposed Membership as of 24/2/14", "Proposed:": a heading that still
# calls the text a draft or a proposal (a stale label)
_STALE_HEADING = re.compile(
    r"^(?:#{1,6}[ \t]+)?[*_]*(?:(?-i:DRAFT)\b.*|(?:Draft|Proposed)[ \t]+(?:(?:\w+[ \t]+){0,2}"
    r"(?:charter|terms|membership|members|governance|structure|model|board|committee|rules|goals|name|budget|constitution|bylaws"
    r"|agreement)\b).*|Proposed[*_]*:[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)


def _stale_headings(text: str) -> list[str]:
    """Headings (or lines standing alone as one) that still call the document a draft or proposal."""
    unfenced = _FENCED.sub(lambda m: "x" * len(m.group(0)), text)
    return [m.group(0).lstrip("# \t").strip() for m in _STALE_HEADING.finditer(unfenced)][:1]


# "**To complete (under discussion)**": a line in bold, read as a heading and so in no clause, that
# is itself an unfinished item
_BOLD_LINE = re.compile(r"^[ \t]*\*\*([^*\n]{3,120})\*\*[ \t]*$", re.MULTILINE)


def _open_bold_lines(text: str) -> list[str]:
    return [m.group(0).strip() for m in _BOLD_LINE.finditer(text) if _PLACEHOLDER.search(m.group(1))][
        :MAX_PER_KIND
    ]


_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")


def _cells(row: str) -> list[str]:
    return [re.sub(r"[*_`]", "", cell).strip().lower() for cell in row.strip().strip("|").split("|")]


def _template_rows(text: str) -> list[str]:
    """Rows of a markdown table that repeat the header's column names ("| Role name | Assigner name |"
    under "| Role Name | Assigner Name |"): a template row nobody filled in."""
    lines = text.splitlines()
    rows: list[str] = []
    for i, line in enumerate(lines[1:], start=1):
        if not _TABLE_SEPARATOR.match(line):
            continue
        header = _cells(lines[i - 1])
        for row in lines[i + 1 :]:
            if not row.lstrip().startswith("|"):
                break
            cells = _cells(row)
            if any(cell and cell == name for cell, name in zip(cells, header, strict=False)):
                rows.append(row.strip())
    return rows
