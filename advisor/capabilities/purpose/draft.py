"""Purpose drafting (`advisor purpose draft`): three candidate purpose statements from a goal in the
user's words and/or a workspace's own documents.

Offline, the rules find outcome, population and timeframe phrases in the goal and the retrieved
passages and compose three statements that differ in emphasis, filling what the documents do not
say with [placeholders]. With a model, the model drafts from the same passages and candidates; every
draft is then judged by the rule-based check, and citations are kept only for retrieved chunks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from advisor.capabilities.pattern import ModelStep
from advisor.capabilities.purpose.check import check_purpose_rules
from advisor.capabilities.purpose.models import PurposeDraft, PurposeDrafts
from advisor.capabilities.purpose.rules import (
    CONCRETE_VERBS,
    VAGUE_VERBS,
    find_outcome,
    find_population,
    find_timeframe,
)
from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.llm.prompts import untrusted
from advisor.llm.structured import PassageId, Sentence, keep_retrieved
from advisor.retrieval.hybrid import Citation, Passage
from advisor.text.sentences import split_sentences

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.retrieval.hybrid import Retriever

DRAFTS = 3
PURPOSE_QUERY = "our purpose goal: the result we will achieve, for whom, by when"
OUTCOME_PLACEHOLDER = "[measurable result, e.g. cut X by 30%]"
POPULATION_PLACEHOLDER = "[defined group or place]"
TIMEFRAME_PLACEHOLDER = "by [year]"
MOST_AFFECTED_PLACEHOLDER = "[the groups or places most affected]"
# "We want to…", "Our goal is to…": the wish, not the outcome.
_WISH = re.compile(
    r"^(?:we|our coalition)\s+(?:want|hope|aim|plan|intend|seek)s?\s+to\s+|^our\s+(?:goal|aim)\s+is\s+to\s+",
    re.I,
)
# In notes a deadline is often told, not phrased as one: "the target date is the end of 2027".
_DEADLINE = re.compile(r"\b(?:the\s+)?(?:end|close)\s+of\s+(?:20\d\d)\b|\b(?:in|for)\s+(?:20\d\d)\b", re.I)
_VERBS = {v.split()[0] for v in (*CONCRETE_VERBS, *VAGUE_VERBS)}
_BASE_VERBS = {v.split()[0] for v in CONCRETE_VERBS}
_GOAL_LEAD = re.compile(r"(?:\bto|\bwill|\bshall|\bmust|\bwe|:|[-*•]|\d[.)])\s*$")


class ModelDrafts(BaseModel):
    """What the model is asked to return."""

    statements: list[Sentence] = Field(description="Three purpose statements.", min_length=1, max_length=3)
    passage_ids: list[PassageId] = Field(
        default_factory=list, description="Ids of the passages drawn on.", max_length=6
    )


PURPOSE_DRAFT = ModelStep("purpose_draft", ModelDrafts)


@dataclass(frozen=True)
class _Phrase:
    text: str
    passage: Passage | None
    sentence: str


def draft_purpose(
    *,
    goal: str | None = None,
    workspace: str | None = None,
    retriever: Retriever | None = None,
    settings: Settings | None = None,
    llm: BaseChatModel | None = None,
) -> PurposeDrafts:
    """Three purpose statements drawn from `goal` and the `workspace` documents."""
    goal = " ".join((goal or "").split())
    if not goal and not workspace:
        raise AdvisorError("Nothing to draft from", hint='give --goal "..." or --workspace NAME (or both)')
    passages: list[Passage] = []
    if workspace:
        if retriever is None:
            raise AdvisorError("Drafting from a workspace needs the retriever")
        passages = retriever.search(goal or PURPOSE_QUERY, workspace=workspace, knowledge=False, k=8)
    rules = _draft_with_rules(goal, passages)
    if llm is None:
        return rules
    return _draft_with_model(llm, goal, passages, rules, settings)


def _draft_with_rules(goal: str, passages: list[Passage]) -> PurposeDrafts:
    outcomes, populations, timeframes = _candidates(goal, passages)
    outcome = outcomes[0] if outcomes else _Phrase(_goal_as_outcome(goal), None, goal)
    population = populations[0].text if populations else POPULATION_PLACEHOLDER
    timeframe = timeframes[0].text if timeframes else TIMEFRAME_PLACEHOLDER
    second_population = populations[1].text if len(populations) > 1 else MOST_AFFECTED_PLACEHOLDER
    statements = [
        # the headline outcome; the deadline first; the group most affected first
        _compose(outcome.text, population, timeframe),
        _compose(outcomes[1].text if len(outcomes) > 1 else outcome.text, population, timeframe, lead=True),
        _compose(
            outcome.text,
            population,
            timeframes[1].text if len(timeframes) > 1 else timeframe,
            focus=second_population,
        ),
    ]
    used = [outcome, *outcomes[1:2], *populations[:2], *timeframes[:2]]
    citations: dict[str, Citation] = {}
    for phrase in used:
        if phrase.passage is not None:
            citations.setdefault(phrase.passage.chunk_id, phrase.passage.citation(quote=phrase.sentence))
    drafts = [PurposeDraft(statement=s, check=check_purpose_rules(s)) for s in _unique(statements)]
    drafts.sort(key=lambda d: d.check.score, reverse=True)
    return PurposeDrafts(drafts=drafts, citations=list(citations.values()))


def _candidates(goal: str, passages: list[Passage]) -> tuple[list[_Phrase], list[_Phrase], list[_Phrase]]:
    sources: list[tuple[str, Passage | None]] = [(s, None) for s in split_sentences(goal)] if goal else []
    sources += [(s, p) for p in passages for s in split_sentences(p.text)]
    outcomes: list[_Phrase] = []
    populations: list[_Phrase] = []
    timeframes: list[_Phrase] = []
    for sentence, passage in sources:
        sentence = " ".join(sentence.split())
        timeframe, population = find_timeframe(sentence), find_population(sentence)
        deadline = _DEADLINE.search(sentence)
        if not timeframe.met and deadline:
            told = deadline.group(0)
            phrase = (
                f"by {told}" if told.lower().startswith(("the", "end", "close")) else f"by {told.split()[-1]}"
            )
            timeframes.append(_Phrase(phrase, passage, sentence))
        outcome = find_outcome(sentence, timeframe, population)
        if outcome.evidence and not _is_goal_clause(sentence, outcome.evidence):
            outcome = find_outcome("", timeframe, population)  # a report of what happened, not a goal
        for finding, bucket in ((outcome, outcomes), (population, populations), (timeframe, timeframes)):
            if finding.evidence and all(finding.evidence.lower() != p.text.lower() for p in bucket):
                bucket.append(_Phrase(finding.evidence, passage, sentence))
    return outcomes, populations, timeframes


def _is_goal_clause(sentence: str, evidence: str) -> bool:
    """Whether an outcome phrase is a goal a statement can start with: its verb opens the sentence
    or follows "to", "will" or "must" ("exists to cut serious injury crashes…"), in its base form.
    "Centres are open and 640 young people have come back" reports what happened: not a goal."""
    start = sentence.find(evidence)
    verb = evidence.split()[0].lower() if evidence.split() else ""
    before = sentence[:start].lower()
    opens = not before.strip() or bool(_GOAL_LEAD.search(before))
    return start >= 0 and opens and verb in _BASE_VERBS


def _goal_as_outcome(goal: str) -> str:
    if not goal:
        return OUTCOME_PLACEHOLDER
    first = _WISH.sub("", split_sentences(goal)[0].rstrip(".!"))
    return f"{first} [by a measurable amount, e.g. 30%]"


def _compose(
    outcome: str, population: str, timeframe: str, *, lead: bool = False, focus: str | None = None
) -> str:
    outcome = _WISH.sub("", outcome.replace(timeframe, "").strip(" ,"))
    first, _, rest = outcome.partition(" ")
    if first.lower() in _VERBS or first.lower().rstrip("s") in _VERBS:
        outcome = f"{first.lower()} {rest}".strip()
    has_population = population.lower() in outcome.lower()
    if focus and has_population:
        sentence = f"{outcome} {timeframe}, starting with {focus}"
    elif focus:
        sentence = f"For {population}, {outcome} {timeframe}"
    elif lead:
        tail = "" if has_population else f" for {population}"
        sentence = f"{timeframe[0].upper()}{timeframe[1:]}, {outcome}{tail}"
    else:
        middle = "" if has_population else f" for {population}"
        sentence = f"{outcome}{middle} {timeframe}"
    sentence = " ".join(sentence.split())
    return sentence[0].upper() + sentence[1:] + "."


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
