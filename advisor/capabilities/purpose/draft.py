"""Purpose drafting (`advisor purpose draft`): up to three candidate purpose statements from a goal in the
user's words and/or a workspace's own documents.

Offline, every draft is one clause in its author's words: the goal's (its numbers, places and dates
verbatim), else a goal the documents state ("Our goal is to…", a listed objective). Missing criteria
are filled with facts the goal or the documents state, else [slots] (compose.py); the other drafts
re-order the same words. With a model, the model drafts from the same passages and candidates;
every draft is then judged by the rule-based check, and citations are kept only for retrieved chunks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from advisor.capabilities.pattern import ModelStep
from advisor.capabilities.purpose.check import check_purpose_rules
from advisor.capabilities.purpose.compose import (
    NO_GOAL_SLOT,
    complete,
    counted_result,
    facts_of,
    goal_clauses_with_sources,
    goal_sentences,
    is_goal_clause,
    names_a_doing,
    names_a_group,
    opens_with_verb,
    place_first,
    purposeful_phrase,
    shorten,
    stated_rank,
    strip_lead,
    timeframe_first,
    without_openings,
)
from advisor.capabilities.purpose.models import PurposeDraft, PurposeDrafts
from advisor.capabilities.purpose.rules import ADJECTIVES_OF_PLACE, PLACE_NAMES, place_spans
from advisor.capabilities.purpose.targets import (
    MeasuredCount,
    MetricTarget,
    StatedTarget,
    about,
    measured_counts,
    metric_about,
    stated_target,
)
from advisor.capabilities.purpose.vocabulary import GAZETTEER
from advisor.capabilities.purpose.wishes import restate_wish
from advisor.config import Settings
from advisor.documents.coalition import Metric
from advisor.errors import AdvisorError
from advisor.llm.prompts import untrusted
from advisor.llm.structured import PassageId, Sentence, keep_retrieved
from advisor.retrieval.passages import Citation, Passage
from advisor.text.sentences import split_sentences

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.retrieval.hybrid import Retriever

DRAFTS = 3
# A passage's sentence most like a purpose statement, with how likely it is one: the charter review's
# relevance model, passed in by the service layer (capabilities do not import one another).
PurposeRanker = Callable[[str], "tuple[float, str] | None"]
PURPOSE_QUERY = "our purpose goal: the result we will achieve, for whom, by when"
MISSION_QUERY = "mission statement: the project aims to, our mission is to, we exist to"
NO_GOAL_IN_TEXT = (
    "No sentence of the goal says what should change (a result to reach): it describes, tells history "
    "or names a problem. The drafts are slots to fill; start the goal with a verb ('Cut ...', 'Open ...')."
)
GOAL_SET_ASIDE = (
    "Your goal does not say what should change in a way the drafting rules can read (a wish such as 'We "
    "want things to get better' is not yet a result), so the drafts come from the workspace's documents. "
    "To draft from your goal, start it with a verb: 'Cut ...', 'Raise ...', 'Open ...'."
)
GOAL_FROM_A_DESCRIPTION = (
    "No sentence of the workspace's documents states a goal: the drafts are made from the sentence most "
    "like a purpose (quoted below); check it is what the coalition is for, or give a goal in your own words."
)
NO_GOAL_IN_DOCUMENTS = (
    "No sentence of the workspace's documents states a goal (a result to reach): the drafts are "
    "slots to fill; give a goal in your own words to draft from."
)
# In notes a deadline is often told, not phrased as one: "the target date is the end of 2027".
_DEADLINE = re.compile(r"\b(?:the\s+)?(?:end|close)\s+of\s+(?:20\d\d)\b|\b(?:in|for)\s+(?:20\d\d)\b", re.I)
_PLAN_PERIOD = re.compile(
    r"\b(?:plan|strategy|roadmap|programme|program|agenda)\b[^>›]{0,12}?(?P<start>20\d\d)\s*[-–/]\s*(?P<end>20\d\d|\d\d)\b"
    r"|\b(?:strategy|plan|agenda|vision)\s+(?P<end_only>20\d\d)\b",  # "Strategy 2020"
    re.I,
)
_NAMED_PLAN = re.compile(r"\b(?:Strategy|Vision|Agenda|Plan)\s+(?P<end_only>20\d\d)\b(?!\s*[-–/])")
_TOLD_DEADLINE = re.compile(r"\b(?:target|deadline|goal|due|aim|by when)\b", re.I)
# a list's marker, bold, or a converted document's rule glued to the text ("---------To foster ...")
_MARKUP = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[A-Za-z][.)])\s+|^\s*[-=_]{3,}(?=\S)|\*\*|__")
_YAML_KEY = re.compile(r"\s+[a-z_]+:\s*$")  # a roster's next key run into a flattened list item
_STATED = re.compile(
    r"^\s*(?:[-*•]|\d+[.)]|\(?[a-h]\)|[a-hA-H]\.)\s+"
)  # "- X", "2. X", "a) To X", "(b) X", "a. X"
_RULES_HEADING = re.compile(
    r"\b(?:members?(?:hip)?|participa\w+|voting|votes?|elections?|officers?|meetings?|quorum|committers?|powers?|"
    r"dues|fees|amendments?|termination|confidentiality|liability|indemni\w+|fiscal|signatures?|"
    r"equal\s+opportunit\w+|definitions|^definition$|interpretation|"
    r"communications?\s+between|term\s+and\s+termination|auditors?|finances?|financial|funds|accounts?|"
    r"treasurer|secretary|statutory\s+bodies|general\s+assembly|"
    # "ARTICLE XI: DISSOLUTION AND MERGER", "03. Steering Committee", "Board Responsibilities"
    r"dissolution|merger|winding\s+up|steering\s+committee|board\s+of\s+directors|responsibilities|duties|"
    r"(?:ground\s+)?rules|etiquette|code\s+of\s+conduct)\b",
    re.I,
)
_BLANK = re.compile(r"\[\s*(?:TBD|TBC|TODO|insert|X{2,})\b", re.I)
_TO_THAT_END = re.compile(r",?\s+and\s+to\s+(?:that|this)\s+end\s*:\s*$", re.I)  # the means listed below
_PROCEDURE = re.compile(
    r"\b(?:votes?|voted|voting|quorum|(?:one|two|three|four|five|\d)[- ](?:year|month)\s+terms?|"
    # who is told or asked first: "Each party will be consulted before public announcements"
    r"(?:be|been|being)\s+(?:consulted|notified|informed|invited|copied)\b|"
    # how long something lasts: "The fund will run for one year"
    r"(?:run|last|operate|continue)s?\s+for\s+(?:one|two|three|four|five|a|an|\d+)\s+(?:years?|months?|weeks?)|"
    r"ballots?|amend\w*|minutes|meetings?|elect(?:ed|ion|ions)?|nominat\w*|"
    r"approval|chairs?|resign\w*|in public|(?<!code\sof\s)conduct\w*|decisions?|decide\w*|consensus|"
    r"consider\w*|"
    r"hold\s+office|re-?eligible|such\s+other\s+lawful\s+things|goods\s+and\s+services|"
    r"hereinafter|referred\s+to\s+as|shall\s+mean|the\s+expression|"
    r"trademarks?|conflicts?\s+of\s+interest|tax-exempt|serve\s+for\s+\d|terms?\s+of\s+office|"
    r"continuity\s+plan|outbound\s+code|licen[cs]e[ds]?|intellectual\s+property|fiscal\s+year|"
    r"assets|earnings|exempt\s+purposes?|dissolution|inure|"
    r"contributions?\s+(?:shall|must)|certificate\s+of\s+origin|(?:shall|will)\s+be\s+contributed|"
    r"committers?|steering\s+committee|liaisons?|board\s+(?:membership|members?|seats?)|rotate|"
    # a society's powers and books: payments, auditors, contracts, breaches, "incidental" objects
    r"payments?|auditors?|remuneration|transactions|records\s+and\s+accounts|incidental|breach\w*|"
    r"connected\s+to\s+the\s+above|aims\s+and\s+objectives\s+of\s+the|contracts?|raise\s+funds|"
    r"sourcing\s+of\s+funds|appeals?|receipts\s+and\s+expenditures?|"
    # "hold all powers expressly granted to it by Belgian law", "receive all moneys", "cheques"
    r"powers\s+(?:\w+\s+)?(?:granted|conferred|vested|given)|moneys|monies|cheques?|checks\s+are\s+signed)\b",
    re.I,
)
# a README's how-to sections: "Setup › Development › Prerequisites" installs software, it states no aim
_HOW_TO_HEADING = re.compile(
    r"(?:\d+(?:\.\d+)*\.?\s+)?(?:setup|set\s+up|install(?:ation|ing)?|prerequisites|requirements|usage|"
    r"getting\s+started|quick\s*start|deploy(?:ment|ing)?|run(?:ning)?(?:\s+it)?\s+locally|development|production|"
    r"contributing|configuration|environment\s+variables|troubleshooting|testing|tests|build(?:ing)?|"
    r"license|licence|changelog|local\s+development|how\s+to\s+(?:run|build|install|contribute))",
    re.I,
)
# "To manually run tests: `coverage run -m pytest`": a command for a developer, never an aim
_COMMAND = re.compile(
    r"\b(?:coverage|pytest|pip3?|npm|npx|yarn|make|docker|git|python3?|cargo|bundle|rake|gradle|mvn|uv)\s+"
    r"(?:run|install|build|test|-m|clone|compose|up|exec|start|dist|serve)\b"
)
# "Check our website if you want to get in contact": the reader's next step, never the body's aim
_READERS_NEXT_STEP = re.compile(r"\bif\s+you\s+(?:want|wish|would\s+like|are\s+interested|need)\b", re.I)
# "these boats", "those grants": a thing named in a sentence the clause was cut from, dangling alone
_DEMONSTRATIVE = re.compile(r"\b(?:these|those)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*s)\b")
# "in support of Objectives 1 and 2", "as set out in Goal 3": other items of the list, left behind
_NUMBERED_ITEMS = re.compile(
    r"\b(?:of|in|under|with|to|for|from|and)\s+(?:objectives?|goals?|aims?|priorities|priority|outcomes?|pillars?"
    r"|sections?|articles?|clauses?)\s+(?:\d{1,2}|[IVX]{1,4})\b",
    re.I,
)


def _points_back(clause: str) -> bool:
    """Whether `clause` names something with "these"/"those" that it never introduced ("improve the
    appreciation of these boats"; never "train 40 mentors and pay those mentors"), or leans on other
    numbered items of its list ("... in support of Objectives 1 and 2")."""
    return bool(_NUMBERED_ITEMS.search(clause)) or any(
        not re.search(rf"\b{re.escape(m.group(1))}\b", clause[: m.start()], re.I)
        for m in _DEMONSTRATIVE.finditer(clause)
    )


def _word_unshouted(word: str) -> str:
    if len(word) == 1:
        return word if word != "A" else "a"
    return word.title() if word.title() in PLACE_NAMES else word.lower()


def _unshouted(line: str) -> str:
    """A line typed in capitals ("R-LADIES IS A WORLDWIDE ORGANIZATION WHOSE MISSION IS TO ...") in sentence
    case, so that a draft never reads "By [year], pROMOTE GENDER DIVERSITY ..."."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 20 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return line
    lead = len(line) - len(line.lstrip("*_#> -"))
    # (a one-letter name stays: "the R COMMUNITY" -> "the R community"; a listed place keeps its capital)
    rest = re.sub(r"\w+", lambda m: _word_unshouted(m.group(0)), line[lead + 1 :])
    return line[: lead + 1] + rest


def _leans_on_another(clause: str) -> bool:
    return bool(_ANAPHORIC.match(clause)) or _points_back(clause)


# "To achieve this, we run free workshops", "To that end, ...": the means to an aim stated before it;
# "This will establish a foundation for ...": what that aim leads to
_MEANS_TO_ANOTHER = re.compile(
    r"^\W*(?:to\s+(?:(?:this|that)\s+end\b|(?:achieve|accomplish|do|reach|realise|realize|fulfil|fulfill|meet|"
    r"deliver|advance|pursue)\s+(?:this|these|that|those|it|them)\b)"
    r"|(?:this|that|these)\s+(?:will|would|should|could|can|means)\b)",
    re.IGNORECASE,
)


def _how_to(heading: str) -> bool:
    return any(_HOW_TO_HEADING.fullmatch(part.strip(" #*")) for part in re.split(r"\s*[›>/]\s*", heading))


# a clause whose object is a pronoun ("Keep them informed", "Do so"), or a bare verb: no goal on its own
_ANAPHORIC = re.compile(
    r"^(?:\S+\s+(?:so|it|them|this|that|these|those|him|her|us|me|ourselves|themselves|itself)\b|\S+(?:\s+\S+)?\s*$"
    # "Work closely with them to ...": a partner named in a sentence the clause was cut from
    r"|\S+\s+(?:\w+ly\s+)?(?:with|for|alongside|beside)\s+(?:them|him|her|it)\b"
    # "Fulfill its purpose, the association", "Support delivery of these overall concerns and objectives"
    r"|\S+\s+(?:its|their|our)\s+(?:purposes?|mission|aims?|goals?|objectives?|objects?|vision)\b"
    r"|\S+(?:\s+\S+){0,3}\s+(?:these|those|such|the\s+above|the\s+aforementioned)\s+(?:[\w-]+\s+){0,3}(?:concerns|objectives|aims"
    r"|goals|purposes|activities|measures|principles|matters|things|tasks)\b"
    # a clause cut off mid-phrase: "... and highly recommend that all"
    r"|.*\b(?:that|all|the|a|an|of|to|and|or|with|for|by|in|on|at|from|as|than|which|who|whose|its|their|our"
    r"|this|these|those)$"
    r"|(?:\w+(?:,\s*|\s+(?:and|or)\s+))+\w+\s*$"  # "Promote and maintain": verbs with no object
    r"|(?:make\s+sure|ensure)\s+(?:it|this|that|they)\b|.*\b(?:especially|including|such\s+as|namely|e\.g|either)\.?$"
    # "Ensure we meet our main aim": an aim it never states
    r"|.*\b(?:meet|achieve|fulfil|fulfill|reach|deliver)\s+(?:its|their|our)\s+(?:\w+\s+)?"
    r"(?:purposes?|mission|aims?|goals?|objectives?|vision)\b)",
    re.I,
)
# "To publish the document, the Maintainer will merge ...", "To record their work, inactive members will
# be listed", "To facilitate triage you can subscribe": the aim of a rule (never "..., we will" or "...,
# the coalition will": the body's own aim)
_ADJUNCT_OF_A_RULE = re.compile(
    r"^\s*to\s+[^;:]{3,160}?(?:,\s+|\s+(?=you\b))(?!we\b|our\b|(?:the\s+)?(?:coalition|alliance|partnership|network"
    r"|collaborative|initiative|project|foundation|partners)\b)(?:[\w'’().-]+\s+){0,5}?"
    r"(?:will|shall|must|can|may|should|is|are|has|have|needs?|requires?)\b"
    # "To provide feedback, email ...", "To join the channel, make a request here": a how-to
    r"|^\s*to\s+[^;:]{3,120}?,\s+(?:please\s+)?(?:email|e-mail|contact|see|visit|use|make|join|send|write|read|click|go"
    r"|open|fill|submit|sign|subscribe|follow|ask|reach\s+out|get\s+in\s+touch|apply|add|create|file|label"
    r"|post|tag|mention|comment|message|start|raise)\b"
    # "To contribute to this guide see CONTRIBUTING.md", "To become part of the team, please ...": a how-to
    r"|^\s*to\s+[^;:]{3,120}?\s+(?:(?:see|visit|click|email|contact)\s+(?=[A-Z\[]|the\s+[A-Z]|https?:|here\b)"
    r"|go\s+(?:here|to)\b|click\b|check\s+out\b)"
    r"|^\s*to\s+[^;:]{3,120}?,\s+please\b",
    re.I,
)
# A sentence about the document itself ("Its purpose is to describe how decisions are made", "The
# purpose of this page is to list ..."), a norm for others ("Publishers should aim to"), a file to run,
# or the books: no goal of the body's.
# a person's role in a body (never the body itself: "the Committee", "members" of a coalition)
_PERSON_ROLE = (
    r"(?:maintainers?|contributors?|committers?|reviewers?|volunteers?|organi[sz]ers?|secretar(?:y|ies)|"
    r"treasurers?|chair(?:person)?s?|vice-chairs?|presidents?|officers?|moderators?|approvers?|"
    r"leads?|coordinators?|facilitators?|staff)"
)
_NOT_THE_BODYS_AIM = re.compile(
    r"\b(?:purpose|aim|goal|objective|intent)s?\s+of\s+this\s+(?:document|page|charter|policy|section|repository|repo"
    r"|file|guide|handbook|proposal|process|rfc|pep|readme|constitution|agreement|memorandum)\b"
    # "The purpose of these bylaws is to specify operation, management, and continuity of X"
    r"|\b(?:purpose|aim|goal|objective|intent)s?\s+of\s+(?:these|the\s+present)\s+(?:by-?laws|rules|articles|statutes"
    r"|terms\s+of\s+reference|guidelines|procedures|policies|provisions|documents)\b"
    r"|\b(?:should|must|may|might)\s+(?:\w+\s+)?(?:aim|strive|seek|try|endeavou?r)\b"
    r"|\b(?:run|execute|install)\s+\S+\.(?:py|sh|js|R)\b|(?:^|\s)/[\w.-]+(?:/|\s|$)"
    r"|\b(?:annual\s+(?:\w+\s+)?report|balance\s+sheet|bank\s+account|accounts?\s+of\s+(?:expenses|income))\b"
    # what members or participants are asked to do, or a proposer's intent: "participants are asked to
    # state a position", "the proposer intends to retire the proposal"
    r"|\b(?:are|is)\s+(?:asked|expected|required|encouraged|invited)\s+to\b"
    # what a thing is used for: "Many proposals are created simply to gauge interest"
    r"|\bare\s+(?:\w+ly\s+)?(?:created|used|opened|written|submitted|raised)\s+(?:\w+ly\s+)?to\b|\bis\s+used\s+to\b"
    r"|\b(?:proposers?|authors?|applicants?|participants?|candidates?|nominees?|reviewers?|submitters?)\s+"
    r"(?:intends?|wants?|plans?|wishes|wish|hopes?)\s+to\b"
    # what one person in a role does, not what the body is for: "Maintainers are dedicated to developing
    # X", "It is the local organizer's responsibility to keep a list of participants"
    rf"|^\W*(?:(?:the|a|an|each|every|all|our)\s+)?(?:[\w-]+\s+)?{_PERSON_ROLE}\s+(?:are|is|shall|will|must)\b"
    rf"|\b(?:the|each|every)\s+(?:[\w-]+\s+)?{_PERSON_ROLE}['’]s?\s+(?:responsibility|role|duty|job|task)\b",
    re.I,
)
# what a document or an officer does, not the body's aim ("Describe how ...", "Be responsible for ...")
_DOCUMENT_VERBS = re.compile(
    r"^(?:describe|outline|set\s+out|explain|provide\s+descriptions|be\s+responsible\s+for)\b", re.I
)
# governing a named thing and nothing more ("Govern the SPDX Project"): what a board does, not an aim
_GOVERNS_ONLY = re.compile(
    r"(?i:govern|manage|administer|oversee|run|direct)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s*){1,5}"
    # "Manage the finances of NEHS", "administer the affairs and property of the Society": a board's duty
    r"|(?i:manage|administer|oversee|control|supervise|conduct)\s+(?:all\s+)?(?:the\s+)?(?i:finances|affairs|property"
    r"|funds|assets|accounts|books|business)\b.*"
)
_SERVES = re.compile(
    r"\b(?:in|of|across|throughout|serving|servicing|around)\s+(?:the\s+)?(?:great\s+)?(?:(?:state|city)\s+of\s+)?$"
)
_PAST = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?\w+(?:ed|en|ght|led)\b|\b(?:was|were)\b")
# A heading that names the goal ("## Mission", "1. **Mission and Scope of the Project**", "Purpose").
_GOAL_HEADING_LINE = re.compile(
    r"^(?:#{1,6}\s*)?(?:\*\*|__)?(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+|(?:article|section|part)\s+[\dIVXLC]+\s*[-–—:.]?\s*)?"
    r"(?:\*\*|__)?(?:our\s+|the\s+)?(?:name\s+and\s+)?"
    r"(?:(?:main|primary|overall|overarching|general|principal|core)\s+)?"  # "Overarching Goal"
    r"(?P<word>mission|purposes?|goals?|aims?|objects?|"
    # "ARTICLE I: MISSION AND PURPOSES", "Purpose and Objectives"
    r"objectives?)(?:\s+(?:statement|and\s+(?:scope|purposes?|objectives?|goals?|aims?|objects?)))?"
    r"(?:\s+of\s+(?:the\s+)?[\w ]{1,40}?)?"
    r"(?:\*\*|__)?\s*[:.]?\s*#*$"  # ("### 1. Mission of the Hyperledger Foundation.")
    # "### These goals and services are supported by our mission statement:"
    r"|^(?:#{1,6}\s)?.{0,80}\b(?:our|the)\s+(?P<said>mission|purpose)(?:\s+statement)?\s*:\s*[*_#]*$",
    re.I,
)
# "The mission of the Project is to ...": said to be the purpose, whatever words follow ("license").
_NUMBERED_GOAL = re.compile(
    r"^\d{1,2}(?:\.\d{1,2})+\s+(?:(?:main|primary|overall|general|principal|core)\s+)?"
    r"(?P<word>mission|purpose|goal|aim|objective)s?\s*:?\s+(?=To\s+[a-z])",
    re.I,
)
_MISSION_STATED = re.compile(
    r"^\W*(?:[a-z][.)]\s*)?[^,;:]{0,60}\b(?:mission|purpose|goal|aim|objective)s?\b[^,;:]{0,120}\b(?:is|are)\s+to\b",
    re.I,
)
# a list item that is a doing: "- (i) advancing education ...", "* promoting X"
_GERUND_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(?:\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s+)?(?=[a-z]+ing\b)")
# "Mission: ...", "**Mission:** to reduce risk ...", "OpenTelemetry's Mission: to enable ...": a label
_LABEL_LEAD = r"^\W*(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+)?(?:\*\*|__)?"
_LABEL_END = r"(?:\*\*|__)?:(?:\*\*|__)?\s"
_MISSION_LABEL = re.compile(rf"{_LABEL_LEAD}(?i:missions?|purposes?|objects?){_LABEL_END}")
_GOAL_LABEL = re.compile(
    rf"{_LABEL_LEAD}(?i:missions?|purposes?|goals?|aims?|objects?|objectives?){_LABEL_END}"
)
_TO_ITEM = re.compile(r"^\s*To\s+[a-z]")
_LABELLED_HEADING = re.compile(
    r"^#{1,6}\s*(?:\*\*|__)?(?P<label>(?:our\s+)?(?:goal|mission|purpose|aim)s?)\s*:\s*(?:\*\*|__)?\s*(?P<text>\S.{10,})$",
    re.I,
)


class ModelDrafts(BaseModel):
    """What the model is asked to return."""

    statements: list[Sentence] = Field(description="Three purpose statements.", min_length=1, max_length=3)
    passage_ids: list[PassageId] = Field(
        default_factory=list, description="Ids of the passages drawn on.", max_length=6
    )


PURPOSE_DRAFT = ModelStep("purpose_draft", ModelDrafts)


@dataclass(frozen=True)
class _Clause:
    """A goal clause of the workspace: its words, where it came from, how it was stated."""

    text: str
    passage: Passage
    sentence: str
    rank: tuple[int, int, int, int, int, int]


def draft_purpose(
    *,
    goal: str | None = None,
    workspace: str | None = None,
    retriever: Retriever | None = None,
    settings: Settings | None = None,
    llm: BaseChatModel | None = None,
    rank_purpose: PurposeRanker | None = None,
    metrics: list[Metric] | None = None,
) -> PurposeDrafts:
    """Up to three purpose statements drawn from `goal` and the `workspace` documents (fewer when the
    text gives nothing more to offer than its own complete goal, re-ordered). `rank_purpose` finds
    the sentence most like a purpose in a document whose goal the rules do not find first. `metrics`
    (the workspace's metrics table): a row on what a goal is about gives its amount and deadline."""
    # spaces normalised, lines kept: a pasted list's items must not run together, nor a heading line
    # and the paragraph under it (one blank line stays between paragraphs)
    lines = [_unshouted(" ".join(line.split())) for line in (goal or "").splitlines()]
    goal = restate_wish(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip())  # "We want fewer X": cut X
    if not goal and not workspace:
        raise AdvisorError("Nothing to draft from", hint='give --goal "..." or --workspace NAME (or both)')
    passages: list[Passage] = []
    if workspace:
        if retriever is None:
            raise AdvisorError("Drafting from a workspace needs the retriever")
        # the goal's own words, then how documents state a purpose ("Mission: ...", "aims to ...")
        found: dict[str, Passage] = {}
        for query in dict.fromkeys([goal or PURPOSE_QUERY, MISSION_QUERY]):
            for passage in retriever.search(query, workspace=workspace, knowledge=False, k=8):
                found.setdefault(passage.chunk_id, passage)
        passages = list(found.values())
    tracked = _Tracked(metrics or [], retriever, workspace)
    rules = _draft_with_rules(goal, passages, rank_purpose, tracked)
    if llm is None:
        return rules
    return _draft_with_model(llm, goal, passages, rules, settings)


class _Tracked:
    """The workspace's metrics, each found with the row of its table a draft cites."""

    def __init__(self, metrics: list[Metric], retriever: Retriever | None, workspace: str | None) -> None:
        self.metrics = metrics
        self._retriever = retriever
        self._workspace = workspace

    def about(self, text: str) -> MetricTarget | None:
        return metric_about(text, self.metrics)

    def row(self, target: MetricTarget) -> tuple[Passage, str] | None:
        """The metrics table's row of `target`, as indexed, with its words to quote."""
        if self._retriever is None or not self._workspace:
            return None
        name = target.metric.metric
        found = self._retriever.search(name, workspace=self._workspace, knowledge=False, k=3)
        row = next((p for p in found if p.heading.split(" › ")[-1].strip() == name.strip()), None)
        return (row, row.text.strip()) if row else None


def _draft_with_rules(
    goal: str,
    passages: list[Passage],
    rank_purpose: PurposeRanker | None = None,
    tracked: _Tracked | None = None,
) -> PurposeDrafts:
    """Each draft is one clause in its author's words (the goal's first, else the documents'),
    completed with facts the goal or the documents state and [slots] for the rest, then re-ordered."""
    clauses, described = documents_goal_clauses(passages, rank_purpose)
    tracked = tracked or _Tracked([], None, None)
    metric_rows: list[MetricTarget] = []  # the metrics whose rows gave a draft a figure or a date
    warnings: list[str] = [GOAL_FROM_A_DESCRIPTION] if described and not goal else []
    deadline = _told_deadline(passages)
    target = _stated_target(goal, passages)
    result = target[0].result if target else None
    used: list[tuple[Passage, str]] = []
    bases: list[str] = []
    chosen: list[str] = []  # the clauses the bases are made of
    sources: dict[str, str] = {}
    timeframe: str | None = None
    population: str | None = None
    place: str | None = None  # where the text says the body works (a typed goal's only)
    for text, sentence in goal_clauses_with_sources(goal) if goal else []:
        sources.setdefault(text, sentence)  # clause -> the sentence it comes from
    own = [c for c, source in sources.items() if is_goal_clause(c, source)]
    if goal and not own and clauses:  # the typed goal gives way to the documents': say so
        warnings.append(GOAL_SET_ASIDE)
    if goal and (own or not clauses):
        phrase = purposeful_phrase(goal) if not own else None
        if phrase:  # "... convened to define X": no stated goal, but what the body is for
            own = [phrase]
        if not own:  # only descriptions, history or problems: nothing says what should change
            own = [NO_GOAL_SLOT]  # never a place from a description: "in Sale" from "Not For Sale"
            warnings.append(NO_GOAL_IN_TEXT)
        # what the text states as its goal ("Mission: ...", "Our aim is to ...") before its other
        # clauses (a milestone, an activity), then the one with a result
        stated = {c: stated_rank(sources.get(c, c)) for c in own}
        ranked = sorted(own, key=lambda c: (-stated[c], -facts_of(c).outcome.met, -_measured(c), -_met(c)))
        # (never a further clause that leans on another sentence: "Work closely with them to ...")
        # (nor the means to the first aim: "To achieve this, we run free workshops")
        ranked = ranked[:1] + [
            c
            for c in ranked[1:]
            if (_measured(c) or _met(c) > 1)
            and not _MEANS_TO_ANOTHER.match(sources.get(c, c))
            and not _leans_on_another(c)
        ]
        # facts of the chosen goal and of the goal sentences around it that are no goal items of
        # their own ("By 2030, Singapore will be ..."): never of a description or history beside
        # them ("in United States" from a tax-ID line), nor another item's deadline
        context = [c for c in own if c != ranked[0] and not opens_with_verb(c)]
        # a long goal's facts are those of the part kept: never "for youth" from the means cut off
        goal_facts = facts_of(
            " ".join([shorten(without_openings(sources.get(ranked[0], ranked[0]))), *context])
        )
        timeframe = _movable(goal_facts.timeframe.evidence)
        population = _with_article(goal_facts.population.evidence, goal)
        # "an African organisation", "the Dutch network": no group to draft "in African", "in the Dutch"
        if population and population.removeprefix("the ") in ADJECTIVES_OF_PLACE:
            population = None
        if not population and own != [NO_GOAL_SLOT]:
            population = _described_place(goal) or _place_in_its_name(goal)
        if population and (len(population.split()) > _GROUP_WORDS or population.lower() in _NO_GROUP):
            population = None  # a clause, or a pronoun left of one ("those"), is no group to add
        if not timeframe and own != [NO_GOAL_SLOT]:
            timeframe = _deadline_elsewhere(goal)
        # the metrics table's row on what the goal is about: its due date, its amount ("from 13.2 to
        # 9.5 mg/L"), its target as the result (a new user's drafts asked "by [year]" beside a table
        # that said when)
        metric = tracked.about(goal) if own != [NO_GOAL_SLOT] else None
        if not timeframe and metric:
            timeframe = metric.deadline
        if not timeframe and target:
            timeframe = f"by {target[0].year}"
        if not timeframe and clauses and _movable(facts_of(clauses[0].text).timeframe.evidence):
            timeframe = _movable(facts_of(clauses[0].text).timeframe.evidence)
            used.append((clauses[0].passage, clauses[0].sentence))
        elif not timeframe and deadline:
            timeframe = deadline[0]
            used.append(deadline[1:])
        chosen = ranked[:2]
        if not goal_facts.outcome.met and clauses:
            chosen.append(clauses[0].text)
            used.append((clauses[0].passage, clauses[0].sentence))
        named = names_a_group(goal)
        # a count another of its aims gives, in place of the slot asking for one ("Transform
        # Winchester into a low carbon district, reducing CO2 emissions by one-third by 2015")
        result = result or counted_result([c for c in own if c != NO_GOAL_SLOT], timeframe)
        if not result and not goal_facts.outcome.met and metric:
            result = metric.result
        # none: a count the documents measured on what the goal is about, to beat ("fewer heat deaths
        # than the 17 last counted"), cited, in place of the slot asking for one
        measured = None if result or goal_facts.outcome.met else _measured_count(goal, passages)
        if measured:
            result = measured[0].result
            used.append((measured[1], measured[0].words))
        # a group but no place: the place the text says the body works in ("... in Honduras")
        place = (_where_it_works(goal) or _place_in_its_name(goal)) if own != [NO_GOAL_SLOT] else None
        bases = [
            complete(
                shorten(c),
                timeframe=timeframe,
                population=population,
                named=named,
                result=result,
                ask_group=False,
                place=place,
                amount=metric.amount if metric else None,
            )
            for c in chosen
        ]
        metric_rows += [metric] if metric else []
    elif clauses:
        # a goal typed with no verb ("Every child in Pima County ready for kindergarten") still gives
        # its group, place and deadline to the documents' goals
        typed = facts_of(goal) if goal else None
        typed_time = _movable(typed.timeframe.evidence) if typed else None
        timeframe = typed_time or (f"by {target[0].year}" if target else None)
        timeframe = timeframe or (deadline[0] if deadline else None)
        population = typed.population.evidence if typed else None
        for clause in clauses[:2]:
            chosen.append(clause.text)
            named = names_a_group(clause.passage.text)
            metric = tracked.about(clause.text)
            metric_rows += [metric] if metric else []
            # the documents' goal with no result: a count they measured on it, to beat, as a typed goal's
            counted = (
                None
                if result or facts_of(clause.text).outcome.met
                else _measured_count(clause.text, passages)
            )
            bases.append(
                complete(
                    _named_institution(shorten(clause.text), passages),
                    timeframe=(typed_time or (metric.deadline if metric else None) or timeframe),
                    population=population,
                    named=named,
                    result=counted[0].result if counted else result or (metric.result if metric else None),
                    ask_group=False,
                    amount=metric.amount if metric else None,
                )
            )
            used.append((clause.passage, clause.sentence))
            if counted:
                used.append((counted[1], counted[0].words))
        if deadline and not facts_of(clauses[0].text).timeframe.met:
            used.append(deadline[1:])
    else:
        chosen = [NO_GOAL_SLOT]
        bases = [complete(NO_GOAL_SLOT)]
        warnings.append(NO_GOAL_IN_DOCUMENTS)
    if target and target[1] is not None and result and any(result in b for b in bases):
        used.append((target[1], target[2]))
    for metric in {m.metric.metric: m for m in metric_rows}.values():  # cited where its figures went in
        row = tracked.row(metric) if any(_uses(b, metric) for b in bases) else None
        used += [row] if row else []
    if chosen == [NO_GOAL_SLOT]:  # nothing to draft from: one template to fill, not three copies of it
        drafts = [PurposeDraft(statement=bases[0], check=check_purpose_rules(bases[0]))]
        return PurposeDrafts(drafts=drafts, citations=[], warnings=warnings)
    # the same aim in another order is a choice only when the documents give one aim: beside a second
    # aim it read as a copy (a new user's third draft was the second with its deadline moved first)
    one_aim = len(_unique(bases)) == 1
    statements = _unique([*bases, *_variants(bases[0])] if one_aim else bases)
    if len(statements) < DRAFTS and one_aim:  # the text's own aim with a deadline alone: the fewest slots
        lean = [
            complete(shorten(c), timeframe=timeframe, population=population, lean=True, ask_group=False)
            for c in chosen
        ]
        statements = _unique([*statements, *lean])
    # another aim the text states (a list's next item, the documents' next goal) is a real choice
    # beside the first: it is the last draft, in place of the same aim in a third order
    # (never one that leans on another sentence: "Work closely with them to ...")
    others = (
        [
            c
            for c in own
            if c not in ranked[:2]
            and c != NO_GOAL_SLOT
            and not _leans_on_another(c)
            and not _MEANS_TO_ANOTHER.match(sources.get(c, c))
        ]
        if goal
        else []
    )
    others += [c.text for c in clauses[2:]]
    more = _unique(
        [
            complete(
                _named_institution(shorten(c), passages),
                timeframe=timeframe,
                ask_group=False,
                place=place,
                result=result,
            )
            for c in others
        ]
    )
    more = [m for m in more if m not in statements]
    main = [PurposeDraft(statement=s, check=check_purpose_rules(s)) for s in statements[:DRAFTS]]
    if goal:  # the user's own goal: the draft with the fewest gaps first; a workspace's keep its order
        main.sort(key=lambda d: d.check.score, reverse=True)
    if more and len(main) >= DRAFTS - 1:
        main = [*main[: DRAFTS - 1], PurposeDraft(statement=more[0], check=check_purpose_rules(more[0]))]
    elif len(main) < DRAFTS:  # three drafts: the other goal clauses in turn
        extra = _unique([*more, *(v for m in more for v in _variants(m))])
        main += [PurposeDraft(statement=s, check=check_purpose_rules(s)) for s in extra[: DRAFTS - len(main)]]
    drafts = main
    citations: dict[str, Citation] = {}
    for passage, sentence in used:
        citations.setdefault(passage.chunk_id, passage.citation(quote=sentence))
    return PurposeDrafts(drafts=drafts, citations=list(citations.values()), warnings=warnings)


def _uses(draft: str, metric: MetricTarget) -> bool:
    return any(part in draft for part in (metric.amount, metric.result, metric.deadline))


def _stated_target(goal: str, passages: list[Passage]) -> tuple[StatedTarget, Passage | None, str] | None:
    """The target the goal states (counts under "Goals 2026", "a target of X by 2040"), else the first
    one a workspace passage states, with that passage and the target's words to cite."""
    found = stated_target(goal) if goal else None
    if found:
        return found, None, ""
    for passage in passages:
        section = re.split(r"\s*[›>/]\s*", passage.heading)[-1] if passage.heading else ""
        found = stated_target(f"{section}\n{passage.text}")  # "Goals 2026" is the chunk's heading
        if found:
            return found, passage, re.split(r",\s+|\s+and\s+", found.result)[0]  # its first item, verbatim
    return None


def _measured_count(goal: str, passages: list[Passage]) -> tuple[MeasuredCount, Passage] | None:
    """The first count a workspace passage reports on what the goal is about, with that passage."""
    for passage in passages:
        for count in measured_counts(passage.text):
            if about(goal, count.indicator):
                return count, passage
    return None


def _described_place(text: str) -> str | None:
    """Where the text says the body works when its goal sentence names no group or place ("a
    not-for-profit organization in Evansville, Indiana", "a network of Nashville residents"): the
    group or place after "in", "of", "across", "serving" (never inside a name: "Not For Sale")."""
    for sentence in goal_sentences(text):
        if _PAST.search(sentence):  # "has led advocacy against shutdowns in West Africa": history, no remit
            continue
        found = facts_of(sentence).population
        before = sentence.split(found.evidence)[0]
        if found.met and found.evidence and _SERVES.search(before) and not before.endswith("behalf of "):
            return _with_article(found.evidence, sentence)
    return None


_NO_GROUP = frozenset({"those", "these", "them", "they", "us", "all", "everyone", "people"})
_GROUP_WORDS = 10  # at most, in a group or place added to a draft ("for those who use them is a ...": no)
_WORKS_IN = re.compile(r"\b(?:in|across|throughout|serving|around)\s+(?:the\s+)?$", re.I)


# The body's name as the subject of a sentence: "The Corporate Mental Health Alliance Australia is ...",
# "..., Recover Rochester works to ..."
_BODY_AS_SUBJECT = re.compile(
    # ("The United Way of Central Indiana (UWCI) believes": "of", "for", "and" inside a name)
    r"(?:^|[,.;:]\s+|\n)(?:The\s+)?(?P<name>(?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,6}"
    r"[A-Z][\w&'’.-]*)(?:['’]s(?:\s+[A-Z][\w-]*){0,4})?"
    # "The Multnomah County Farm Bureau's (MCFB's) purpose is", "Rochester Food Not Bombs recovers"
    r"(?:\s*\([^()]{1,20}\))?(?:\s+(?:purpose|mission|aim|goal))?\s+(?:is|are|[a-z]+s)\b"
)
# a place its name ends with: "Multnomah County", "Tyume Valley" (the gazetteer has no such place)
_SUFFIXED_PLACE = re.compile(
    r"\b(?:[A-Z][a-z]+\s+){1,2}(?:County|Valley|Parish|Borough|District|Region|Township|Village)\b"
)


def _place_in_its_name(text: str) -> str | None:
    """The place in the body's own name, for a goal that names none ("The Corporate Mental Health
    Alliance Australia is dedicated to X" -> "in Australia"): only a place the gazetteer knows, only
    in the name of the body the text is about (never a partner's: "the University of Arkansas")."""
    for sentence in goal_sentences(text):
        if re.search(
            r"\b(?:was|were)\b", sentence
        ):  # "The Care Association of Nigeria was founded in ...": history
            continue
        for named in _BODY_AS_SUBJECT.finditer(sentence):
            name = named.group("name")
            if re.match(r"(?:In|For|With|From|By|At|On|Our|This|These|It|We)\b", name):
                continue
            place = next((p for p in _KNOWN_PLACES.findall(name)), None) or next(
                (m.group(0) for m in _SUFFIXED_PLACE.finditer(name)), None
            )
            if place and place not in ADJECTIVES_OF_PLACE:
                return f"the {place}" if place in _WITH_THE else place
    return None


_INSTITUTIONS = r"school|university|college|hospital|library|church|museum|clinic|academy"
# "the school", never "the school community", "the school year", "the school of thought"
_THE_INSTITUTION = re.compile(
    rf"\bthe\s+({_INSTITUTIONS})\b(?!\s+(?:community|year|day|board|district|of)\b)"
)


def _named_institution(clause: str, passages: list[Passage]) -> str:
    """ "the school" in a goal of documents that name one school only ("This is the constitution for
    Hyndland Primary School Parent Council"): that school, so the draft says whose it is."""
    found = _THE_INSTITUTION.search(clause)
    if not found:
        return clause
    kind = found.group(1).capitalize()
    texts = [t for p in passages for t in (p.title or "", p.heading or "", p.text)]
    name = re.compile(rf"\b((?:(?!(?:The|This|That|Our|Your|Its|A|An)\b)[A-Z][\w'’.-]*\s+){{1,4}}{kind})\b")
    names = {m.group(1) for text in texts for m in name.finditer(text)}
    if len(names) != 1:
        return clause
    return clause[: found.start()] + names.pop() + clause[found.end() :]


def _where_it_works(text: str) -> str | None:
    """The place the text says the body works in ("empowering children in Honduras", "end-of-life care
    in Nigeria"), for a goal that names a group but no place: a place after "in", "across",
    "throughout" or "serving" in a sentence that is no history, never inside a name."""
    for sentence in goal_sentences(text):
        if _PAST.search(sentence):
            continue
        based = _BASED_IN.match(sentence)  # "Based in the East Midlands, we ...": where it works
        if based:
            return _with_article(based.group("place"), sentence)
        for start, end in place_spans(sentence, known=True):
            suffix = _PLACE_NOUN.match(sentence, end)  # "the Southgate district"
            end = suffix.end() if suffix else end
            if _WORKS_IN.search(sentence[:start]):
                return _with_article(sentence[start:end].strip(" ,;"), sentence)
        owner = _POSSESSIVE_PLACE.search(sentence)  # "South Central Pennsylvania's collaborative effort"
        if owner:
            return _with_article(owner.group("place"), sentence)
    return None


_BASED_IN = re.compile(
    r"^(?i:proudly\s+)?(?i:based|headquartered|located)\s+in\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’.-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’.-]*){0,3}),\s+(?=we\b|our\b)"
)
_PLACE_NOUN = re.compile(
    r"\s+(?:districts?|county|counties|regions?|areas?|valley|basin|neighbou?rhoods?|corridor|province|state)\b"
)


def _with_article(place: str | None, text: str) -> str | None:
    """`place` with the article the text gives it ("the United States", "the Bronx"), and the area
    word it belongs to ("the San Diego area", never "the San Diego")."""
    area = (
        re.search(rf"\bthe\s+{re.escape(place)}\s+(?:metro(?:politan)?\s+)?(areas?|regions?)\b", text)
        if place
        else None
    )
    if place and area:
        return f"the {place} {area.group(0).split()[-1]}"
    # "the Bronx", never "the California" from "the California Water Quality Monitoring Council"
    if place and place[:1].isupper() and re.search(rf"\bthe\s+{re.escape(place)}\b(?!\s+[A-Z])", text):
        return f"the {place}"
    if place in _WITH_THE:  # "in UK" -> "in the UK"
        return f"the {place}"
    return place


_WITH_THE = frozenset(GAZETTEER.with_the)
_KNOWN_PLACES = re.compile(
    # ("Central Indiana", "Greater Manchester": the part of it the name says)
    r"(?<![\w-])(?:(?:Central|North|South|East|West|Northern|Southern|Eastern|Western|Greater|Upper|Lower)\s+)?(?:"
    + "|".join(re.escape(p) for p in sorted(GAZETTEER.places + GAZETTEER.cities, key=len, reverse=True))
    + r")(?![\w-])"
)

# a place whose own thing the sentence speaks of: "Virginia's waterways", "South Central Pennsylvania's
# effort" (a lower-case word after it: never "Virginia's Department of ...")
# (a country, state or region only: "St. Mary's", "Jackson's" are a saint's or a person's, not a city's)
_POSSESSIVE_PLACE = re.compile(
    r"(?<![\w.-])(?<!St\.\s)(?<!Saint\s)"
    r"(?P<place>(?:(?:South|North|East|West|Central|Northern|Southern|Eastern|Western|Greater)\s+)*(?:"
    + "|".join(re.escape(p) for p in sorted(GAZETTEER.places, key=len, reverse=True))
    + r"))['’]s\s+(?=[a-z])"
)


_PLANS = re.compile(r"\b(?:will|plan(?:s|ning)?\s+to|aims?\s+to|intends?\s+to)\b", re.I)


_PERIOD = re.compile(r"\b(?P<start>(?:19|20)\d\d)\s*[-–/]\s*(?P<end>(?:19|20)?\d\d)\b")
_SPAN = re.compile(
    r"(?i)\b(?:an?\s+)(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)[- ]years?[- ](?:pilot\s+)?"
    r"(?:project|programme|program|plan|strategy|initiative|effort|commitment|roadmap|campaign)\b"
)


def _deadline_elsewhere(text: str) -> str | None:
    """A deadline another sentence of the text gives ("Our vision is that every child ... by 2050",
    "make a greater impact on Virginia's waterways in 2026"), for a goal clause that states none:
    never from a sentence that tells the past."""
    for sentence in goal_sentences(text):
        if _PAST.search(sentence):
            continue
        found = facts_of(sentence).timeframe.evidence or ""
        year = re.fullmatch(r"(?i)(?:in|during|for)\s+(20\d\d)", found)
        if year and _PLANS.search(sentence):  # "we're planning to ... in 2026", never "In 2010 X adopted"
            return f"by the end of {year.group(1)}"
        period = _PERIOD.search(sentence)  # "covers a four-year period of 2017-2021": by its last year
        if period:
            end = period.group("end")
            return f"by {period.group('start')[:2] + end if len(end) == 2 else end}"
        span = _SPAN.search(sentence)  # "KNOT is a three-year pilot project": within its span
        if span:
            return f"within {span.group('n').lower()} years"
        if _movable(found) and re.search(r"\b20\d\d\b", found or ""):  # never "over 20 years" of history
            return _movable(found)
    return None


def _variants(statement: str) -> list[str]:
    """The same statement re-ordered: the deadline first or the place first."""
    found = [timeframe_first(statement), place_first(statement)]
    return [v for v in found if v]


def documents_goal_clauses(
    passages: list[Passage], rank_purpose: PurposeRanker | None = None
) -> tuple[list[_Clause], bool]:
    """The documents' goal clauses, best first, and whether they come only from a description. The
    rules' clauses; unless one is stated as the mission, the sentence `rank_purpose` (the charter
    review's relevance model) ranks most like a purpose comes first. On the dev corpus, out of fold,
    the first clause is from the labelled purpose passage for 114 documents of 332 (the rules alone:
    83; see evals/drafts/README.md)."""
    clauses = _workspace_clauses(passages)
    mission_stated = bool(clauses) and clauses[0].rank[0] != 0
    by_model = (
        _purpose_by_model(passages, rank_purpose) if rank_purpose and passages and not mission_stated else []
    )
    if not by_model:
        return clauses, False
    return by_model + [c for c in clauses if c.sentence != by_model[0].sentence], not clauses


def _purpose_by_model(passages: list[Passage], rank_purpose: PurposeRanker) -> list[_Clause]:
    """When no sentence states a goal the rules know: the sentence the charter review's relevance
    model ranks most like a purpose among the passages (each passage's best, the best first), as a
    goal when one can be made of it (its verb after the lead-in, or what it says the body does), never
    a how-to, a document's own purpose, a procedure, a statement cut into an order or an aim that
    points back ("Foster this network"). Out of fold on the dev corpus: see evals/drafts/README.md."""
    candidates = []
    for passage in passages:
        if _how_to(passage.heading or ""):
            continue
        body = without_html(passage.text)
        text = f"## {passage.heading}\n\n{body}" if passage.heading else body
        found = rank_purpose(text)
        if found:
            candidates.append((found[0], found[1], passage))
    for _, sentence, passage in sorted(candidates, key=lambda c: -c[0])[:FALLBACK_CANDIDATES]:
        sentence = " ".join(_QUOTE_MARKS.sub(" ", _MARKUP.sub("", _TAG.sub(" ", sentence))).split())
        sentence = re.split(r"\s*•\s*", sentence)[0]  # "Share learning. • To recognise ...": its first item
        # "Maintain guidance to meet the needs of Members: Develop ...": a list's lead-in run into its first
        # item (the sentence ends where the list starts)
        lead_in = re.match(r"(?P<head>.{20,}?[a-z)]):\s+(?=[A-Z][a-z])", sentence)
        if lead_in and _goal_made_of(lead_in.group("head")):
            sentence = lead_in.group("head")
        # "... to promote the advancement of the field by" before a list of means: the aim ends before "by"
        sentence = re.sub(r"[\s,]+(?:by|through|via|including|such as|for|with)\s*:?\s*$", "", sentence)
        clause = _goal_made_of(sentence)
        if clause:
            return [_Clause(clause, passage, sentence, (0, 0, 0, 0, 0, 0))]
    return []


# A line of HTML only in a markdown file ('<p align="center"> <img src="logo.png"> </p>'): a paragraph
# break, never words of a goal (text with tags around it, as in a page saved as HTML, stays as it is)
_HTML_ONLY_LINE = re.compile(
    r"(?m)^[ \t]*(?:</?(?:p|div|img|br|hr|a|span|center|picture|source|figure|figcaption|h[1-6]|ol|ul|li|dl|"
    r"table|thead|tbody|tr|td|th|section|article|header|footer|nav|details|summary)\b"
    r"[^<>\n]*>[ \t]*)+$",
    re.I,
)


# a tag inside a ranked sentence, whole or cut off by the clause's end ('Members: <ol type="a" style="m')
_TAG = re.compile(r"<[a-zA-Z/][^<>]{0,200}(?:>|$)")


def without_html(text: str) -> str:
    return _HTML_ONLY_LINE.sub("", text)


FALLBACK_CANDIDATES = 1  # sentences tried in turn (dev, out of fold: a second or third adds 2 hits in 16)
_QUOTE_MARKS = re.compile(r"(?:^|\s)>(?=\s)")  # "> For the public benefit, build ...": a quoted block


def _goal_made_of(sentence: str) -> str | None:
    stripped = shorten(strip_lead(sentence), limit=0)
    clause = stripped if is_goal_clause(stripped, sentence) else purposeful_phrase(sentence)
    if (
        not clause
        or len(clause.split()) < 4  # "Work groups, and other bodies": a noun read as a verb
        # "Develop the BFM is supported by ...", "Tackle X it is important to build Y": a statement
        # cut into an order, not a goal
        or re.search(r"^(?:\S+\s+){1,8}?(?:is|are|was|were)\b|\b(?:it|this|there)\s+(?:is|are)\b", clause)
        # "Foster this network" points back (never "Make it easy to share ...")
        or re.match(r"\S+\s+(?:this|these|those|that)\s+[a-z]", clause)
        or _points_back(clause)
        or re.search(r"\byou(?:r|rs)?\b", clause, re.I)
        or _READERS_NEXT_STEP.search(sentence)
        or _COMMAND.search(clause)
        or _NOT_THE_BODYS_AIM.search(sentence)
        or _DOCUMENT_VERBS.match(clause)
        or _GOVERNS_ONLY.fullmatch(clause)
        or _PROCEDURE.search(clause)
    ):
        return None
    return clause


def _workspace_clauses(passages: list[Passage]) -> list[_Clause]:
    """Goal clauses of the documents, best first: ones stated as a purpose ("Our goal is to…") or
    listed as an objective, that open with their verb and name a result; never a report of what
    happened, a decision in notes, or words cut from a heading."""
    found: list[_Clause] = []
    for number, passage in enumerate(passages):
        section = re.split(r"\s*[›>/]\s*", passage.heading)[-1] if passage.heading else ""
        section = re.sub(r"\s*\{#[\w-]+\}\s*$", "", section)  # "Aim {#aim}": an anchor, not the title
        named = _GOAL_HEADING_LINE.match(section)
        if (_RULES_HEADING.search(section) and not named) or _how_to(passage.heading or ""):
            continue  # "Steering Committee Members ... are required to:": duties, not the goal
        # the items listed under "2. Objects" or "Purpose" are what the body is for
        word = (named.group("word") or named.group("said")) if named else ""
        for_what = bool(re.fullmatch(r"(?i)missions?|purposes?|objects?|aims?", word))
        # a passage with no heading of its own is under the document's title ("# Overarching Goal of X")
        for line, listed in _passage_lines(passage.text, passage.heading, passage.title):
            line = _TO_THAT_END.sub("", line)  # before the key rule reads "end:" as a roster's key
            # every sentence of a paragraph under "Purpose" states it ("... Specifically, the
            # Foundation shall provide X"), not only its first
            under_goal = bool(_GOAL_LABEL.match(line))
            for sentence in goal_sentences(_YAML_KEY.sub("", _MARKUP.sub("", _QUOTE_MARKS.sub(" ", line)))):
                for part in re.split(r";\s+", sentence):
                    stripped = strip_lead(part)
                    # "- To maintain and develop services ...": an item of a list of purposes
                    stated = (
                        _states_a_purpose(part, stripped)
                        or (listed and bool(_TO_ITEM.match(part)))
                        or (listed and names_a_doing(part))  # "- Promotion and development of X"
                        # "### 1. Mission" ... "a. Foster and coordinate the community of X": an item of the
                        # section that names what the body is for, opening with its verb
                        or (listed and for_what and opens_with_verb(stripped))
                        or under_goal
                    )
                    clause = shorten(stripped, limit=0)
                    facts = facts_of(clause)
                    if not is_goal_clause(clause, part):
                        continue
                    # a result named from the clause's first words ("FPC will halve ...", a listed
                    # objective), or an aim stated as a purpose ("Mission: ...", "aims to ..."), ranked after
                    body = re.sub(r"^(?:by|before|until|within)\s[^,]{1,40},\s+", "", clause, flags=re.I)
                    result = facts.outcome.met and body.lower().startswith(
                        (facts.outcome.evidence or "").split()[0].lower()
                    )
                    transformed = stripped.lower() != part.strip().rstrip(".").lower()
                    if not (stated or (result and (listed or transformed))):
                        continue
                    if _BLANK.search(clause):
                        continue  # "end on [TBD — e.g., December 31]": a blank the document still has
                    procedure = _PROCEDURE.search(clause) or (not stated and _PROCEDURE.search(part))
                    if procedure and not _MISSION_STATED.match(part):
                        continue  # "Receive 2/3 of the votes cast ...": how the body works, not its goal
                    if _ADJUNCT_OF_A_RULE.match(part):
                        continue  # "To manage the change process, the following guidelines ...": a rule's aim
                    if (
                        _NOT_THE_BODYS_AIM.search(part)
                        or _DOCUMENT_VERBS.match(clause)
                        or _GOVERNS_ONLY.fullmatch(clause)
                    ):
                        continue  # "Its purpose is to describe how decisions are made": the document's
                    if (
                        re.search(r"\byou(?:r|rs)?\b", clause, re.I)
                        or _COMMAND.search(clause)
                        or (_READERS_NEXT_STEP.search(part))
                    ):
                        continue  # "Create a GitHub account if you don't have one": a how-to for the reader
                    if _ANAPHORIC.match(clause) or _points_back(clause):
                        continue  # "Do so no less than quarterly", "Maintain": nothing of its own
                    met = facts.outcome.met + facts.population.met + facts.timeframe.met
                    # "The mission of the project is to ..." before a clause only under a "Mission" heading
                    # (or labelled by its heading: "Mission: _Enabling people to ..._" under "Mission")
                    said = bool(_MISSION_STATED.match(part) or _MISSION_LABEL.match(line))
                    # a mission or purpose the document states ("## Mission", "Purposes: ...") comes
                    # before its measurable objectives: it is what the coalition is for
                    mission = said or bool(_MISSION_LABEL.match(line)) or (listed and for_what and stated)
                    # among a body's stated objects, the first is the main one: no reordering by result
                    rank = (-mission, 0 if mission else -result, -said, -stated, -met, number)
                    found.append(_Clause(clause, passage, " ".join(sentence.split()), rank))
    found.sort(key=lambda c: c.rank)
    unique: dict[str, _Clause] = {}
    for candidate in found:
        unique.setdefault(candidate.text.lower(), candidate)
    return list(unique.values())


def _passage_lines(text: str, heading: str = "", title: str = "") -> list[tuple[str, bool]]:
    """A passage's lines with wrapped prose joined (a sentence broken over lines is one), each with
    whether it is a list item; headings and HTML comments left out. The first paragraph under a
    heading that names the goal (`heading`, the passage's section, or one inside it) is labelled with
    it ("Mission: The NDSA is an alliance that fosters ...")."""
    lines: list[tuple[str, bool]] = []
    section = _GOAL_HEADING_LINE.match(re.split(r"\s*[›>/]\s*", heading)[-1].strip() if heading else title)
    under = (section.group("word") or section.group("said")).capitalize() if section else ""
    section_word = under  # the passage's own heading names the goal: its listed doings are goals
    for raw in without_html(re.sub(r"<!--.*?-->", "", text, flags=re.S)).splitlines():
        line = raw.strip()
        labelled = _LABELLED_HEADING.match(line)  # "#### **Goal:** We support ...": a goal, not a heading
        line = f"{labelled.group('label')}: {labelled.group('text')}" if labelled else line
        # "2.1 Main Objective To promote ...": a numbered heading run into its text
        line = _NUMBERED_GOAL.sub(lambda m: f"{m.group('word').capitalize()}: ", line)
        named = _GOAL_HEADING_LINE.match(line)
        if named:
            under = (named.group("word") or named.group("said")).capitalize()
            lines.append(("", False))
            continue
        if not line or line.startswith(("#", "<!--", "|")):
            under = under if not line else ""
            lines.append(("", False))
            continue
        line = re.sub(r"^>\s*", "", line)  # a quoted block's mark
        # a paragraph's first sentence, not a list item nor a chunk that starts mid-sentence
        # ("_Enabling people to pray, give and go_": an emphasised line is prose too)
        prose = line.lstrip("_*")[:1].isupper() and not _STATED.match(raw) and not line.startswith("<")
        if under and prose and not re.match(rf"(?i)\W*(?:[a-z0-9][.)]\s*)?\W*{under}", line):
            line = f"{under}: {line}"
        elif (under or section_word) and _GERUND_ITEM.match(line):
            # "- (i) advancing education by ..." under "4. Purposes": each item is one
            line = f"{under or section_word}: {_GERUND_ITEM.sub('', line)}"
        # "ARTICLE I. NAME AND PURPOSE": the name first, then the purpose paragraph
        # "The charity's objects are:" introduces the paragraph that states them
        kept = re.match(r"(?i)the\s+name\s+of\b", line.split(": ", 1)[-1]) or line.rstrip("*_ ").endswith(":")
        under = under if kept else ""
        listed = bool(_STATED.match(raw))
        wrapped = (
            line[:1].islower() or lines[-1][0].endswith((",", " and", " or", " the", " of", " to"))
            if lines
            else False
        )
        if (
            lines
            and lines[-1][0]
            and not listed
            and wrapped
            and not lines[-1][0].endswith((".", ":", "!", "?"))
        ):
            lines[-1] = (f"{lines[-1][0]} {line}", lines[-1][1])
        else:
            lines.append((line, listed))
    return [(line, listed) for line, listed in lines if line]


# What makes a clause a stated purpose, before its verb: "Our mission is to", "aims to", "Mission:".
_PURPOSE_WORDS = re.compile(
    r"\b(?:missions?|visions?|purposes?|goals?|aims?|objectives?|seeks?\s+to|"
    r"(?:role|remit|mandate)\b[^.;:]{0,60}?\b(?:is|are|will\s+be|shall\s+be)\s+to|"
    r"(?:established|formed|created|set\s+up|convened|chartered)\b[^.;:]{0,60}?\bto|strives?\s+to|exists?\s+to|"
    r"dedicated\s+to|committed\s+to|devoted\s+to|want\s+to|intends?\s+to|plans?\s+to|works?\s+to|"
    r"working\s+to|focused\s+(?:\w+ly\s+)?on)\b",
    re.IGNORECASE,
)


def _states_a_purpose(part: str, stripped: str) -> bool:
    """Whether `part` states its goal with a purpose lead-in (the words before the goal's verb)."""
    if re.match(r"^[Tt]o\s+[a-z]", part.strip()):
        return True  # "(b) to install free software ...": an item of a list of purposes
    first = stripped.split()[0].lower() if stripped.split() else ""
    if not first or stripped.lower() == part.strip().rstrip(".").lower():
        return False
    start = part.lower().find(first.removesuffix("e"))  # "handle" from "for the purpose of handling"
    return start > 0 and bool(_PURPOSE_WORDS.search(part[:start]))


def _told_deadline(passages: list[Passage]) -> tuple[str, Passage, str] | None:
    """A deadline the documents tell in passing ("the target date is the end of 2027"), or the end of
    the period a plan covers ("# Strategic plan: 2025-2026")."""
    for passage in passages:
        named = _NAMED_PLAN.search(passage.text)  # "our work under Strategy 2020, the five-year plan"
        period = _PLAN_PERIOD.search(f"{passage.title} > {passage.heading}") or named
        if period:
            found = period.groupdict()
            end = found.get("end") or found["end_only"]
            year = end if len(end) == 4 else found["start"][:2] + end
            return f"by {year}", passage, period.group(0)
    for passage in passages:
        for sentence in split_sentences(passage.text):
            told = _DEADLINE.search(sentence)
            if told and _TOLD_DEADLINE.search(sentence):
                words = told.group(0)
                phrase = (
                    f"by {words}"
                    if words.lower().startswith(("the", "end", "close"))
                    else f"by {words.split()[-1]}"
                )
                return phrase, passage, " ".join(sentence.split())
    return None


def _movable(timeframe: str | None) -> str | None:
    """A timeframe that reads right at the end of another clause ("by 2030", "within two years")."""
    if timeframe and re.match(
        r"(?i)(?:by|within|over|during|between|through|until|before|no later than)\b", timeframe
    ):
        return timeframe[0].lower() + timeframe[1:]
    return None


def _measured(clause: str) -> bool:
    """Whether a clause gives a number besides its dates ("set aside 50% more land")."""
    when = facts_of(clause).timeframe.evidence or ""
    return bool(re.search(r"\d", clause.replace(when, "")))


def _met(clause: str) -> int:
    facts = facts_of(clause)
    return facts.outcome.met + facts.population.met + facts.timeframe.met


def _unique(statements: list[str]) -> list[str]:
    seen: list[str] = []
    for statement in statements:
        if statement.lower() not in (s.lower() for s in seen):
            seen.append(statement)
    return seen


def _draft_with_model(
    llm: BaseChatModel,
    goal: str,
    passages: list[Passage],
    rules: PurposeDrafts,
    settings: Settings | None,
) -> PurposeDrafts:
    listing = "\n\n".join(untrusted(p.text, f"{p.chunk_id} {p.source}") for p in passages) or "(none)"
    candidates = json.dumps([d.statement for d in rules.drafts], ensure_ascii=False)
    variables = {
        "goal": untrusted(goal, "goal") if goal else "(none)",
        "passages": listing,
        "candidates": untrusted(candidates, "rule candidates"),
    }
    return PURPOSE_DRAFT.refine(
        rules, llm, settings, lambda reply: _merge_model_drafts(rules, reply, passages), variables
    )


def _merge_model_drafts(rules: PurposeDrafts, reply: ModelDrafts, passages: list[Passage]) -> PurposeDrafts:
    """The model's statements first (each judged by the rules), then the rules' own; citations
    only for passages that were retrieved."""
    statements = _unique([" ".join(s.split()) for s in reply.statements if s.strip()])[:DRAFTS]
    drafts = [PurposeDraft(statement=s, check=check_purpose_rules(s)) for s in statements]
    drafts += [d for d in rules.drafts if d.statement not in statements][: DRAFTS - len(drafts)]
    by_id = {p.chunk_id: p for p in passages}
    cited = [by_id[i].citation() for i in reply.passage_ids if i in by_id]
    return PurposeDrafts(drafts=drafts, citations=keep_retrieved(cited, passages) or rules.citations)
