"""Route a chat message to what the user wants: a capability on the workspace's own files, or a
grounded answer from the guidance and the workspace.

"Check our purpose: …" (or a pasted statement) runs the purpose check; "review our charter" reviews
the uploaded charter; "whose interests have we missed?" maps the uploaded roster; "should we change
course?" reads the uploaded metrics and notes. Anything else gets a cited answer, streamed when a
model is configured. Every reply carries follow-up prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from advisor.capabilities.charter.review import charter_markdown
from advisor.capabilities.interests.analysis import interests_markdown
from advisor.capabilities.pivots.analysis import pivots_markdown
from advisor.capabilities.purpose.check import check_purpose
from advisor.capabilities.purpose.markdown import drafts_markdown, purpose_markdown
from advisor.retrieval.passages import Citation
from advisor.service.capabilities import Capabilities
from advisor.service.runtime import Runtime
from advisor.store.files import FileKind, WorkspaceFiles

Intent = Literal["purpose_check", "purpose_draft", "charter", "interests", "pivots", "ask"]

_DRAFT = re.compile(r"\b(?:draft|write|suggest|propose|come up with)\b.{0,40}\b(?:purpose|mission)\b", re.I)
_CHECK = re.compile(
    r"\b(?:check|judge|rate|score|assess|evaluate|test|review|improve)\b.{0,40}\b(?:purpose|mission|goal)\b"
    # "Is this a good purpose: ...", "How is our mission statement?"
    r"|\b(?:is\s+this|is\s+that|is\s+ours|how\s+is)\s+(?:our\s+|a\s+|an\s+)?(?:good\s+|strong\s+|clear\s+|"
    r"decent\s+|ok\s+|okay\s+)?(?:purpose|mission|goal)"
    r"|^\s*(?:our\s+)?(?:purpose|mission)(?:\s+statement)?\s*(?:is)?\s*[:\-–]",
    re.I,
)
_CHARTER = re.compile(
    r"\b(?:review|check|score|assess|evaluate|audit|look (?:at|over)|what(?:'s| is) missing (?:from|in))\b"
    r".{0,40}\b(?:charter|mou|memorandum|terms of reference|bylaws|agreement)\b",
    re.I,
)
_INTERESTS = re.compile(
    r"\binterests?\b|\bstakeholders?\b|\broster\b|\bpower map"
    r"|\bwho(?:se)?\b.{0,30}\b(?:missing|missed|left out|voice|at the table)\b",
    re.I,
)
_PIVOTS = re.compile(
    r"\bchange (?:course|direction|strategy|tack)\b|\bpivot|\b(?:on|off) track\b|\bcourse[- ]correct"
    r"|\bhow are we doing\b|\b(?:our|the) (?:metrics|results|progress|numbers)\b"
    # "is this coalition even working", "are we getting anywhere": a question the metrics answer
    r"|\bis (?:this|the|our) (?:coalition|partnership|alliance|collaborative|network|plan|strategy|work)"
    r" (?:even |really |actually )?working\b|\bare we (?:even |really |actually )?(?:getting anywhere|making"
    r" (?:any )?progress)\b",
    re.I,
)
_QUOTED = re.compile(r"[\"“”']([^\"“”']{15,400})[\"“”']")

FOLLOW_UPS: dict[Intent, list[str]] = {
    "purpose_check": [
        "Draft three purpose statements for us",
        "How do we get members to agree on a purpose?",
    ],
    "purpose_draft": ["Check our purpose: ", "How do we test a purpose with members?"],
    "charter": [
        "How should we decide when consensus fails?",
        "What belongs in a conflict resolution process?",
    ],
    "interests": [
        "How do we bring affected residents to the table?",
        "How do we uncover the interests behind positions?",
    ],
    "pivots": ["How do we run a learning review?", "How do we change course without losing members?"],
    "ask": ["Review our charter", "Whose interests have we missed?", "Should we change course?"],
}
# (no brackets: a hint is often shown inside brackets of its own)
UPLOAD_HINTS: dict[FileKind, str] = {
    "charter": "a charter in markdown, text, PDF or Word, with 'charter', 'MOU' or 'terms of reference' "
    "in its name",
    "roster": "a member roster: YAML with `members:`, or a CSV with the columns name, sector, positions, "
    "interests, resources, role",
    "metrics": "a metrics table: a CSV with the columns metric, unit, baseline, target, current, start, due",
}


@dataclass
class ChatReply:
    """One assistant turn: markdown text (grows while streaming), its sources and next prompts."""

    intent: Intent
    text: str = ""
    citations: list[Citation] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    done: bool = False
    result: object | None = None  # the capability's result, for the tool views


def detect_intent(message: str) -> Intent:
    """What the user is asking for, by the words they use."""
    if _DRAFT.search(message):
        return "purpose_draft"
    if _CHARTER.search(message):
        return "charter"
    if _CHECK.search(message) or looks_like_purpose_statement(message):
        return "purpose_check"
    if _PIVOTS.search(message):
        return "pivots"
    if _INTERESTS.search(message):
        return "interests"
    return "ask"


def looks_like_purpose_statement(message: str) -> bool:
    """A pasted statement, not a question: no question mark, sentence-sized, and either worded as a
    purpose ("We want to make our community safer for everyone", "Our mission is ...") or with at
    least two of outcome, population and timeframe found by the rules. The vague statements are the
    ones that most need the check."""
    text = message.strip()
    if "?" in text or not 6 <= len(text.split()) <= 60:
        return False
    if _PURPOSE_OPENER.search(text) and not _ASKS_FOR_HELP.search(text):
        return True
    found = check_purpose(text).criteria
    return sum(c.met for c in found.values()) >= 2 and found["outcome"].met


# how purpose statements open: "We want to ...", "Our mission is ...", "The coalition exists to ..."
_PURPOSE_OPENER = re.compile(
    r"^\W*(?:we|our\s+(?:coalition|alliance|network|partnership|group|collaborative))\s+"
    r"(?:want|aim|seek|exist|work|strive|hope|intend|are\s+here|come\s+together)\s+to\b"
    r"|^\W*(?:our|the)\s+(?:[\w-]+\s+){0,3}?(?:mission|purpose|vision|aim|goal)\s+is\s+to\b"
    # a wish for a state of things: "We want a healthier river for everyone", "We want fewer kids in the ER"
    r"|^\W*we\s+(?:want|need|hope\s+for|wish\s+for)\s+(?:(?:a|an)\s+(?:[\w-]+er|better|more|fewer)\b"
    r"|more\b|fewer\b|less\b|every\b|all\s+(?!of\b)|no\s+(?:one|child|family|person|more)\b)"
    r"|^\W*(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}\s+(?:exists|works|aims|seeks|strives)\s+to\b"
    # a mission in the infinitive: "To make Pinecrest County the healthiest county in the state."
    r"|^\W*to\s+(?:make|become|be\s+the|ensure|end|cut|reduce|improve|create|build|bring|give|increase|"
    r"eliminate|provide|promote|protect|connect|strengthen|advance|empower|unite|transform|achieve|halve|"
    r"double|raise|lower|prevent|expand)\b",
    re.IGNORECASE,
)
# "We want to know how to run better meetings": a request for help, not the coalition's purpose
_ASKS_FOR_HELP = re.compile(
    r"\b(?:know|learn|understand|figure\s+out|find\s+out|ask|get\s+(?:advice|help)|help\s+us|advice|tips"
    r"|how\s+to|handle|deal\s+with|decide|run\s+(?:our|better)|fix|review|check|draft|write)\b",
    re.IGNORECASE,
)


# the request alone, no statement with it: "Check our purpose", "Is our mission good?"
_ONLY_THE_REQUEST = _CHECK
ASK_FOR_THE_STATEMENT = (
    "Paste the statement to check after a colon, for example: *Check this purpose: Cut child asthma "
    "emergency visits in Pinecrest County by 30% by 2028.* (Or upload your charter to this workspace and "
    "I will check the purpose it states.)"
)


def extract_statement(message: str) -> str:
    quoted = _QUOTED.search(message)
    if quoted:
        return quoted.group(1).strip()
    head, colon, tail = message.partition(":")
    if colon and len(tail.split()) >= 4 and len(head.split()) <= 8:
        return tail.strip()
    return message.strip()


def extract_goal(message: str) -> str | None:
    """The goal a request to draft a purpose carries ("Draft a purpose for cutting evictions in
    Eastside by half by 2027"), or None when it is only the request ("Draft three for us")."""
    quoted = _QUOTED.search(message)
    if quoted:
        return quoted.group(1).strip()
    head, colon, tail = message.partition(":")
    if colon and len(tail.split()) >= 4 and len(head.split()) <= 10:
        return tail.strip()
    rest = _DRAFT_REQUEST.sub(" ", message, count=1).strip(" .,;-–")
    return rest if len(rest.split()) >= 4 else None


# The request itself and the words that tie it to the goal: what is left over is the goal.
_DRAFT_REQUEST = re.compile(
    r"^.*?\b(?:draft|write|suggest|propose|come up with)\b.{0,40}?\b(?:purpose|mission)"
    r"(?:\s+statements?)?(?:\s+for\s+(?:us|our\s+coalition|the\s+coalition))?"
    r"(?:\s+(?:for|about|around|on|based on|built around|from))?(?:\s+our\s+goal(?:\s+(?:of|is|to))?)?",
    re.I,
)


# a thank-you, a greeting or an acknowledgement, nothing else: no search for an answer
_SMALL_TALK = re.compile(
    r"(?i:(?:ok(?:ay)?|great|cool|nice|perfect|good|got\s+it|understood|sure|right|alright|awesome|brilliant"
    r"|hi|hello|hey|good\s+(?:morning|afternoon|evening)|thanks?(?:\s+(?:you|so\s+much|a\s+lot))?|thx|ty|cheers"
    r"|many\s+thanks|that(?:'s|\s+is)\s+(?:helpful|great|useful)|bye|goodbye)[\s,.!]*)+"
)
_GREETING = re.compile(r"(?i:hi|hello|hey|good\s+(?:morning|afternoon|evening))\b")
SMALL_TALK_REPLY = {
    False: "Glad to help. Ask me anything about your coalition, or pick a next step below.",
    True: "Hello! Ask me about your coalition (purpose, members, decisions, conflict, measurement), "
    "or upload your charter, roster or metrics and pick a step below.",
}


def respond(
    message: str,
    *,
    runtime: Runtime,
    files: WorkspaceFiles,
    workspace: str | None,
    as_of: date | None = None,
) -> Iterator[ChatReply]:
    """Yield the reply as it grows; the last one has `done=True`."""
    capabilities = Capabilities(runtime)
    if _SMALL_TALK.fullmatch(message.strip()):  # "ok thanks" once got "I found nothing ... rephrasing"
        greeting = bool(_GREETING.match(message.strip()))
        yield ChatReply("ask", SMALL_TALK_REPLY[greeting], follow_ups=FOLLOW_UPS["ask"], done=True)
        return
    intent = detect_intent(message)
    if intent == "ask":
        yield from _answer(message, capabilities, workspace)
        return
    reply = ChatReply(intent, follow_ups=FOLLOW_UPS[intent], done=True)
    if intent == "purpose_check":
        statement = extract_statement(message)
        charter = files.find(workspace, "charter") if workspace else None
        if _ONLY_THE_REQUEST.search(statement) and len(statement.split()) <= 6:  # "Check our purpose"
            if charter is None:
                reply.text = ASK_FOR_THE_STATEMENT
                yield reply
                return
            check = capabilities.review_charter(charter).purpose  # the purpose the charter states
            said = f"The purpose as your charter ({charter.name}) states it:"
            reply.text = f"{said}\n\n{purpose_markdown(check)}"
        else:
            check = capabilities.check_purpose(statement)
            reply.text = purpose_markdown(check)
        reply.warnings, reply.result = check.warnings, check
    elif intent == "purpose_draft":
        drafts = capabilities.draft_purpose(goal=extract_goal(message), workspace=workspace)
        reply.text = drafts_markdown(drafts)
        reply.citations, reply.warnings, reply.result = drafts.citations, drafts.warnings, drafts
    else:
        kind: FileKind = {"charter": "charter", "interests": "roster", "pivots": "metrics"}[intent]  # type: ignore[assignment]
        path = files.find(workspace, kind) if workspace else None
        if path is None or workspace is None:
            where = f"the {workspace!r} workspace" if workspace else "a workspace (create one first)"
            reply.text = f"To do that I need {UPLOAD_HINTS[kind]}. Upload it to {where}, then ask again."
            reply.follow_ups = FOLLOW_UPS["ask"]
        else:
            _run_capability(reply, intent, path, capabilities, files, workspace, as_of)
            reply.text = _read_from(path, files.find_all(workspace, kind), intent) + reply.text
    yield reply


_TAB = {"charter": "Charter", "interests": "Interests", "pivots": "Pivots"}


def _read_from(path: Path, same_kind: list[Path], intent: Intent) -> str:
    """Which file the reply rests on, when the workspace holds more than one of its kind (a new user's
    two-member roster, uploaded last, silently replaced the real one in "Whose interests have we missed?")."""
    if len(same_kind) < 2:
        return ""
    others = ", ".join(p.name for p in same_kind if p != path)
    return (
        f"*Read from {path.name}, the newest of {len(same_kind)} such files (also here: {others}); "
        f"choose another in the {_TAB[intent]} tab.*\n\n"
    )


def _run_capability(
    reply: ChatReply,
    intent: Intent,
    path: Path,
    capabilities: Capabilities,
    files: WorkspaceFiles,
    workspace: str,
    as_of: date | None,
) -> None:
    if intent == "charter":
        review = capabilities.review_charter(path)
        reply.text, reply.warnings, reply.result = charter_markdown(review), review.warnings, review
    elif intent == "interests":
        mapped = capabilities.map_interests(
            capabilities.workspace_roster(path, workspace, files.find(workspace, "objectives"))
        )
        reply.text, reply.warnings, reply.result = interests_markdown(mapped), mapped.warnings, mapped
    else:
        analysis = capabilities.suggest_pivots(path, files.find_all(workspace, "notes"), as_of)
        reply.text, reply.warnings, reply.result = pivots_markdown(analysis), analysis.warnings, analysis
        reply.citations = [c for p in analysis.pivots for c in p.citations]


def _answer(message: str, capabilities: Capabilities, workspace: str | None) -> Iterator[ChatReply]:
    for update in capabilities.stream_answer(message, workspace):
        final = update.final
        if final is None:
            yield ChatReply("ask", update.text)
        else:
            yield ChatReply(
                "ask", final.answer, final.citations, FOLLOW_UPS["ask"], final.warnings, True, final
            )
